/**
 * Runs every benchmark suite in bench/suites (each module exports `async function run(): Promise<void>`).
 * Usage: `npm run bench` or `npm run bench -- schedule` (only suites whose file name contains the filter).
 */
import { readdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

type Suite = { run?: () => Promise<void> }

async function main(): Promise<void> {
  const filter = process.argv[2]
  const folder = join(dirname(fileURLToPath(import.meta.url)), 'suites')
  const files = (await readdir(folder)).filter((file) => /\.ts$/.test(file) && !file.endsWith('.d.ts')).sort()
  const selected = files.filter((file) => filter === undefined || file.includes(filter))
  if (selected.length === 0) {
    console.error(`no benchmark suite matches ${filter ?? '(none)'}; suites: ${files.join(', ')}`)
    process.exitCode = 1
    return
  }
  for (const file of selected) {
    const suite = (await import(pathToFileURL(join(folder, file)).href)) as Suite
    if (typeof suite.run !== 'function') {
      console.error(`bench/suites/${file} does not export run()`)
      process.exitCode = 1
      continue
    }
    await suite.run()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
  process.exitCode = 1
})
