/**
 * `npm run cli -- export <file> --to xlsx|mspdi|csv --out <path>`: exports a Gantry plan (`.gantry`) or a Microsoft
 * Project XML file (`.xml`) through the same writers as the app's Export menu (src/main/export) and writes the result
 * with the app's safe save. Exit status 0 on success; 1 with one line on stderr on failure. Progress goes to stderr
 * for large files.
 */
import { stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { dateLocalNow } from '../../../shared/domain/dates'
import type { Plan } from '../../../shared/domain/model'
import { csvImportPlan } from '../../../shared/formats/csv'
import { mspdiRead } from '../../../shared/formats/mspdi/read'
import { planFileMaxBytes, planFileParse } from '../../../shared/formats/plan-file'
import { exportPlanCsv, exportPlanMspdi, exportPlanXlsx } from '../../export'
import { decodeText, readFileCapped, safeSave } from '../../files/safe-save'

/** Where a command writes; the real process by default, strings in tests. */
export type CliOutput = { stdout: (text: string) => void; stderr: (text: string) => void }

export const cliProcessOutput: CliOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}

/** Files at least this large report progress on stderr. */
export const cliProgressBytes = 5 * 1024 * 1024

/** A message on one line (stderr failures are always one line). */
export function cliOneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export type CliReadResult = { ok: true; plan: Plan; warnings: string[]; kind: 'gantry' | 'mspdi' | 'csv' } | { ok: false; message: string }

/**
 * Reads a plan from a `.gantry` file, a Microsoft Project XML file (`.xml`, or any file starting with `<`) or a task
 * CSV (`.csv`). Reports progress through `onProgress` (0..1) while it reads a large MSPDI file.
 */
export async function cliReadPlan(path: string, onProgress?: (fraction: number) => void, now: string = dateLocalNow()): Promise<CliReadResult> {
  const fileName = basename(path)
  let bytes: Uint8Array
  let text: string
  try {
    bytes = await readFileCapped(path, planFileMaxBytes)
    text = decodeText(bytes, fileName, 'a plan')
  } catch (error) {
    return { ok: false, message: errorMessage(error) }
  }
  const extension = extname(path).toLowerCase()
  if (extension === '.csv') {
    const read = csvImportPlan(text, { planId: `csv-${Date.now()}`, now, name: basename(path, extname(path)) })
    return read.ok ? { ok: true, plan: read.plan, warnings: read.warnings, kind: 'csv' } : { ok: false, message: `"${fileName}": ${read.error}` }
  }
  const isXml = extension === '.xml' || (extension !== '.gantry' && extension !== '.json' && text.trimStart().startsWith('<'))
  if (isXml) {
    const read = mspdiRead(text, { onProgress, now, planId: `mspdi-${Date.now()}` })
    return read.ok ? { ok: true, plan: read.plan, warnings: read.warnings, kind: 'mspdi' } : { ok: false, message: `"${fileName}": ${read.error.message}` }
  }
  const parsed = planFileParse(text)
  return parsed.ok ? { ok: true, plan: parsed.plan, warnings: [], kind: 'gantry' } : { ok: false, message: `"${fileName}": ${parsed.error.message}` }
}

/** A progress reporter that prints `label: 40 %` lines on stderr, at most one per 10 %. */
export function cliProgress(output: CliOutput, label: string): (fraction: number) => void {
  let last = -1
  return (fraction) => {
    const step = Math.floor(Math.max(0, Math.min(1, fraction)) * 10)
    if (step <= last) return
    last = step
    output.stderr(`${label}: ${step * 10} %\n`)
  }
}

/** Whether a file is large enough to report progress for (unknown sizes count as small). */
export async function cliIsLarge(path: string): Promise<boolean> {
  try {
    return (await stat(path)).size >= cliProgressBytes
  } catch {
    return false
  }
}

export const exportFormats = ['xlsx', 'mspdi', 'csv'] as const
export type ExportFormat = (typeof exportFormats)[number]

const usage = 'usage: npm run cli -- export <file.gantry|file.xml> --to xlsx|mspdi|csv --out <path>'

type Options = { file: string; to: ExportFormat; out: string }

function parseArgs(args: readonly string[]): { ok: true; options: Options } | { ok: false; message: string } {
  const files: string[] = []
  let to: string | null = null
  let out: string | null = null
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string
    if (arg === '--to' || arg === '--out') {
      const value = args[index + 1]
      if (value === undefined || value.startsWith('--')) return { ok: false, message: `${arg} needs a value; ${usage}` }
      if (arg === '--to') to = value
      else out = value
      index++
    } else if (arg.startsWith('--to=')) to = arg.slice(5)
    else if (arg.startsWith('--out=')) out = arg.slice(6)
    else if (arg.startsWith('--')) return { ok: false, message: `unknown option ${arg}; ${usage}` }
    else files.push(arg)
  }
  if (files.length !== 1) return { ok: false, message: files.length === 0 ? `no file given; ${usage}` : `give exactly one file; ${usage}` }
  if (to === null) return { ok: false, message: `--to is missing; ${usage}` }
  if (!(exportFormats as readonly string[]).includes(to)) return { ok: false, message: `--to must be xlsx, mspdi or csv, not "${to}"` }
  if (out === null || out === '') return { ok: false, message: `--out is missing; ${usage}` }
  return { ok: true, options: { file: files[0] as string, to: to as ExportFormat, out } }
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
  const parsed = parseArgs(args)
  if (!parsed.ok) return fail(parsed.message)
  const { file, to, out } = parsed.options
  const isLarge = await cliIsLarge(file)
  const read = await cliReadPlan(file, isLarge ? cliProgress(output, `reading ${basename(file)}`) : undefined)
  if (!read.ok) return fail(read.message)
  try {
    if (isLarge) output.stderr(`writing ${basename(out)}…\n`)
    const data = await exportPlanAs(read.plan, to)
    await safeSave(out, data, { keepBackup: false })
  } catch (error) {
    return fail(errorMessage(error))
  }
  output.stdout(`Exported ${read.plan.tasks.length} tasks of "${read.plan.name}" to ${out}\n`)
  return 0
}
