/**
 * `npm run cli -- export <file> --to xlsx|mspdi|csv --out <path>`: exports a Gantry plan (`.gantry`), a Microsoft
 * Project XML file or a task CSV through the same writers as the app's Export menu (src/main/export, the shared
 * format pipeline) and writes the result with the app's safe save. Exit status 0 on success; 1 with one line on
 * stderr on failure. Progress goes to stderr for large files.
 */
import { basename } from 'node:path'
import type { Plan } from '../../../shared/domain/model'
import { formatsExportLeftOut } from '../../../shared/formats/pipeline'
import { exportPlanCsv, exportPlanMspdi, exportPlanXlsx } from '../../export'
import { safeSave } from '../../files/safe-save'
import { cliIsLarge, cliOneLine, cliParseArgs, cliProcessOutput, cliReadPlanReporting, type CliOutput } from '../read'

export const exportFormats = ['xlsx', 'mspdi', 'csv'] as const
export type ExportFormat = (typeof exportFormats)[number]

const usage = 'usage: npm run cli -- export <file.gantry|file.xml|file.csv> --to xlsx|mspdi|csv --out <path>'

function isExportFormat(value: string): value is ExportFormat {
  return (exportFormats as readonly string[]).includes(value)
}

/** The exported bytes or text of a plan in one of the formats, through the app's export writers. */
export async function exportPlanAs(plan: Plan, format: ExportFormat): Promise<Uint8Array | string> {
  switch (format) {
    case 'xlsx':
      return exportPlanXlsx(plan)
    case 'mspdi':
      return exportPlanMspdi(plan)
    case 'csv':
      return exportPlanCsv(plan)
  }
}

/**
 * Runs `export` with its arguments (after the command name).
 * @returns the exit status: 0 on success, 1 on failure (with one line on stderr)
 */
export async function exportCommand(args: readonly string[], output: CliOutput = cliProcessOutput): Promise<number> {
  const fail = (message: string): number => {
    output.stderr(`export: ${cliOneLine(message)}\n`)
    return 1
  }
  const parsed = cliParseArgs(args, { to: 'string', out: 'string' }, usage)
  if (!parsed.ok) return fail(parsed.message)
  const { to, out } = parsed.values
  if (to === undefined) return fail(`--to is missing; ${usage}`)
  if (!isExportFormat(to)) return fail(`--to must be xlsx, mspdi or csv, not "${to}"`)
  if (out === undefined || out === '') return fail(`--out is missing; ${usage}`)
  const read = await cliReadPlanReporting(parsed.file, output)
  if (!read.ok) return fail(read.message)
  try {
    if (await cliIsLarge(parsed.file)) output.stderr(`writing ${basename(out)}…\n`)
    const data = await exportPlanAs(read.plan, to)
    await safeSave(out, data, { keepBackup: false })
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error))
  }
  output.stdout(`Exported ${read.plan.tasks.length} tasks of "${read.plan.name}" to ${out}\n`)
  const leftOut = formatsExportLeftOut(read.plan, to)
  if (leftOut !== null) output.stderr(`note: ${leftOut}\n`)
  return 0
}
