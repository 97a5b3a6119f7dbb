/**
 * `npm run cli -- import <file.xml|file.csv> --out <plan.gantry>`: converts a Microsoft Project XML file or a task
 * CSV into a Gantry plan file with the app's import (the shared format pipeline), the writers' check and safe save.
 * Things the import could not keep are listed on stderr as warnings. Exit status 0 on success; 1 with one line on
 * stderr on failure. Progress goes to stderr for large files.
 */
import { basename } from 'node:path'
import { formatsSerializePlan } from '../../../shared/formats/pipeline'
import { safeSave } from '../../files/safe-save'
import { cliOneLine, cliParseArgs, cliProcessOutput, cliReadPlanReporting, type CliOutput } from '../read'

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
  const parsed = cliParseArgs(args, { out: 'string' }, usage)
  if (!parsed.ok) return fail(parsed.message)
  const out = parsed.values.out
  if (out === undefined || out === '') return fail(`--out is missing; ${usage}`)
  const file = parsed.file
  const alreadyPlan = `"${basename(file)}" is already a Gantry plan; import reads Microsoft Project XML or CSV`
  if (/\.gantry$/i.test(file)) return fail(alreadyPlan)
  const read = await cliReadPlanReporting(file, output)
  if (!read.ok) return fail(read.message)
  if (read.kind === 'gantry') return fail(alreadyPlan)
  for (const warning of read.warnings) output.stderr(`import: warning: ${cliOneLine(warning)}\n`)
  // The check every writer runs: a plan Gantry would refuse to open is never written.
  const text = formatsSerializePlan(read.plan)
  if (!text.ok) return fail(text.message)
  try {
    await safeSave(out, text.value)
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error))
  }
  output.stdout(`Imported ${read.plan.tasks.length} tasks, ${read.plan.dependencies.length} links and ${read.plan.resources.length} resources into ${out}\n`)
  return 0
}
