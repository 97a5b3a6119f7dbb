// A child process for the SIGKILL test: saves `megabytes` MB to `target` with safeSave.
import { safeSave } from '../../../src/main/files/safe-save'

async function main(): Promise<void> {
  const [target, megabytes] = process.argv.slice(2)
  if (target === undefined || megabytes === undefined) throw new Error('usage: save-child <target> <megabytes>')
  const data = new Uint8Array(Number(megabytes) * 1024 * 1024).fill(66)
  process.stdout.write('ready\n')
  await safeSave(target, data)
  process.stdout.write('finished\n')
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exit(1)
})
