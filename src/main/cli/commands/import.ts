/**
 * `npm run cli -- import <file.xml> --out <plan.gantry>`: converts a Microsoft Project XML file (or a task CSV) into a
 * Gantry plan file with the app's importer and safe save. Things the import could not keep are listed on stderr as
 * warnings. Exit status 0 on success; 1 with one line on stderr on failure. Progress goes to stderr for large files.
 */
import { basename, extname } from 'node:path'
import { planFileSerialize } from '../../../shared/formats/plan-file'
import { safeSave } from '../../files/safe-save'
import { cliIsLarge, cliOneLine, cliProcessOutput, cliProgress, cliReadPlan, type CliOutput } from './export'

const usage = 'usage: npm run cli -- import <file.xml|file.csv> --out <plan.gantry>'

/**
 * Runs `import` with its arguments (after the command name).
 * @returns the exit status: 0 on success, 1 on failure (with one line on stderr)
 */
export async function importCommand(args: readonly string[], output: CliOutput = cliProcessOutput): Promise<number> {
  const fail = (message: string): number => {
    output.stderr(`import: ${cliOneLine(message)}\n`)
    return 1
  }
  const files: string[] = []
  let out: string | null = null
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string
    if (arg === '--out') {
      const value = args[index + 1]
      if (value === undefined || value.startsWith('--')) return fail(`--out needs a value; ${usage}`)
      out = value
      index++
    } else if (arg.startsWith('--out=')) out = arg.slice(6)
    else if (arg.startsWith('--')) return fail(`unknown option ${arg}; ${usage}`)
    else files.push(arg)
  }
  if (files.length !== 1) return fail(files.length === 0 ? `no file given; ${usage}` : `give exactly one file; ${usage}`)
  if (out === null || out === '') return fail(`--out is missing; ${usage}`)
  const file = files[0] as string
  if (extname(file).toLowerCase() === '.gantry') return fail(`"${basename(file)}" is already a Gantry plan; import reads Microsoft Project XML or CSV`)
  const isLarge = await cliIsLarge(file)
  const read = await cliReadPlan(file, isLarge ? cliProgress(output, `reading ${basename(file)}`) : undefined)
  if (!read.ok) return fail(read.message)
  if (read.kind === 'gantry') return fail(`"${basename(file)}" is already a Gantry plan; import reads Microsoft Project XML or CSV`)
  for (const warning of read.warnings) output.stderr(`import: warning: ${cliOneLine(warning)}\n`)
  try {
    await safeSave(out, planFileSerialize(read.plan))
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error))
  }
  output.stdout(`Imported ${read.plan.tasks.length} tasks, ${read.plan.dependencies.length} links and ${read.plan.resources.length} resources into ${out}\n`)
  return 0
}
