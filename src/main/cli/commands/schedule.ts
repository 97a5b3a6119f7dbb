/**
 * `npm run cli -- schedule <file> [--json]`: schedules a Gantry plan (`.gantry`) or a Microsoft Project XML file with
 * the engine (ignoring any dates stored in the file) and prints every task in outline order.
 *
 * With `--json` it prints exactly
 * `{"tasks":[{"uid":…,"name":…,"start":"YYYY-MM-DDTHH:MM:SS","finish":"YYYY-MM-DDTHH:MM:SS","totalSlackMinutes":…,"critical":true|false}]}`
 * where `uid` is the task UID of an MSPDI file or the Gantry task id, and total slack is in working minutes.
 * The format is detected from the content, not the file name. Bad input: exit status 1 and one line on stderr.
 */
import { basename } from 'node:path'
import { dateFromWallMinutes } from '../../../shared/domain/dates'
import type { Plan } from '../../../shared/domain/model'
import { scheduleRun } from '../../../shared/domain/schedule'
import { mspdiRead } from '../../../shared/formats/mspdi/read'
import { planFileMaxBytes, planFileParse } from '../../../shared/formats/plan-file'
import { decodeText, readFileCapped } from '../../files/safe-save'

/** Where a command writes; the real process by default, strings in tests. */
export type CliOutput = { stdout: (text: string) => void; stderr: (text: string) => void }

export type ScheduleJson = {
  tasks: Array<{ uid: number; name: string; start: string; finish: string; totalSlackMinutes: number; critical: boolean }>
}

const usage = 'usage: npm run cli -- schedule <file.gantry|file.xml> [--json]'

/** A file is MSPDI when its first character (after a byte-order mark and spaces) is "<", a Gantry plan when "{". */
export function scheduleDetectFormat(text: string): 'mspdi' | 'gantry' | null {
  const first = text.replace(/^\uFEFF/, '').trimStart()[0]
  return first === '<' ? 'mspdi' : first === '{' ? 'gantry' : null
}

/** Reads a plan file of either format, or explains in one sentence why it cannot. */
export async function scheduleReadPlan(path: string): Promise<{ ok: true; plan: Plan; warnings: string[] } | { ok: false; message: string }> {
  const fileName = basename(path)
  let text: string
  try {
    text = decodeText(await readFileCapped(path, planFileMaxBytes), fileName, 'a plan')
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'ENOENT') return { ok: false, message: `"${fileName}" does not exist.` }
    if (code === 'EISDIR') return { ok: false, message: `"${fileName}" is a folder, not a plan file.` }
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, message: `"${fileName}" cannot be read (permission denied).` }
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
  const format = scheduleDetectFormat(text)
  if (format === 'mspdi') {
    const read = mspdiRead(text, { planId: 'cli', now: '1970-01-01T00:00:00' })
    return read.ok ? { ok: true, plan: read.plan, warnings: read.warnings } : { ok: false, message: `"${fileName}": ${read.error.message}` }
  }
  if (format === 'gantry') {
    const parsed = planFileParse(text)
    return parsed.ok ? { ok: true, plan: parsed.plan, warnings: [] } : { ok: false, message: `"${fileName}": ${parsed.error.message}` }
  }
  return {
    ok: false,
    message: text.trim() === '' ? `"${fileName}" is empty.` : `"${fileName}" is neither a Gantry plan nor a Project XML file.`,
  }
}

/** The schedule of a plan in the command's JSON shape, or the engine's first problem. */
export function scheduleReport(plan: Plan): { ok: true; report: ScheduleJson } | { ok: false; message: string } {
  const result = scheduleRun(plan)
  if (!result.ok) {
    const problem = result.problems[0]
    const more = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more problem(s))` : ''
    return { ok: false, message: `the plan cannot be scheduled: ${problem?.message ?? 'unknown problem'}${more}` }
  }
  const schedule = result.schedule
  return {
    ok: true,
    report: {
      tasks: plan.tasks.map((task, index) => ({
        uid: task.id,
        name: task.name,
        start: dateFromWallMinutes(schedule.start[index] as number),
        finish: dateFromWallMinutes(schedule.finish[index] as number),
        totalSlackMinutes: Math.round((schedule.totalSlack[index] as number) * 1000) / 1000,
        critical: schedule.isCritical[index] === 1,
      })),
    },
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function table(report: ScheduleJson): string {
  const rows = report.tasks.map((task) => [String(task.uid), task.name, task.start, task.finish, String(task.totalSlackMinutes), task.critical ? 'yes' : ''])
  const header = ['UID', 'Name', 'Start', 'Finish', 'Total slack (min)', 'Critical']
  const widths = header.map((title, column) => Math.min(60, Math.max(title.length, ...rows.map((row) => (row[column] as string).length))))
  const format = (row: string[]) => row.map((cell, column) => oneLine(cell).slice(0, 60).padEnd(widths[column] as number)).join('  ').trimEnd()
  return `${[format(header), ...rows.map(format)].join('\n')}\n`
}

/**
 * Runs the command with its arguments (after the command name).
 * @returns the process exit status: 0 on success, 1 on bad input
 */
export async function scheduleCommand(args: readonly string[], output: CliOutput): Promise<number> {
  const fail = (message: string): number => {
    output.stderr(`schedule: ${oneLine(message)}\n`)
    return 1
  }
  let isJson = false
  const files: string[] = []
  for (const arg of args) {
    if (arg === '--json') isJson = true
    else if (arg.startsWith('--')) return fail(`unknown option ${arg}; ${usage}`)
    else files.push(arg)
  }
  if (files.length !== 1) return fail(files.length === 0 ? `no file given; ${usage}` : `give exactly one file; ${usage}`)
  const read = await scheduleReadPlan(files[0] as string)
  if (!read.ok) return fail(read.message)
  const result = scheduleReport(read.plan)
  if (!result.ok) return fail(result.message)
  if (isJson) {
    output.stdout(`${JSON.stringify(result.report)}\n`)
    return 0
  }
  for (const warning of read.warnings) output.stderr(`warning: ${oneLine(warning)}\n`)
  output.stdout(table(result.report))
  return 0
}
