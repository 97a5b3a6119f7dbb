/**
 * `npm run cli -- schedule <file> [--json]`: schedules a Gantry plan (`.gantry`), a Microsoft Project XML file or a
 * task CSV with the engine (ignoring any dates stored in the file) and prints every task in outline order.
 *
 * With `--json` it prints exactly
 * `{"tasks":[{"uid":…,"name":…,"start":"YYYY-MM-DDTHH:MM:SS","finish":"YYYY-MM-DDTHH:MM:SS","totalSlackMinutes":…,"critical":true|false,"work":…,"cost":…}]}`
 * where `uid` is the task UID of an MSPDI file or the Gantry task id, total slack is in working minutes, `work` in
 * minutes of work (the sum of the task's assignments, a summary's rolled up) and `cost` the task's cost in the plan's
 * currency, rounded to cents (summaries: rolled up; `shared/domain/cost`); both added last so the earlier keys keep
 * their places.
 * The format is detected from the content first (the pipeline's sniffing). Bad input: exit status 1 and one line on
 * stderr.
 */
import { dateFromWallMinutes } from '../../../shared/domain/dates'
import { costCompute } from '../../../shared/domain/cost'
import type { Plan } from '../../../shared/domain/model'
import { scheduleProblemsText, scheduleRun } from '../../../shared/domain/schedule'
import { cliOneLine, cliParseArgs, cliReadPlan, type CliOutput } from '../read'

export type ScheduleJson = {
  tasks: Array<{ uid: number; name: string; start: string; finish: string; totalSlackMinutes: number; critical: boolean; work: number; cost: number }>
}

const usage = 'usage: npm run cli -- schedule <file.gantry|file.xml|file.csv> [--json]'

/** The schedule of a plan in the command's JSON shape, or the engine's first problem. */
export function scheduleReport(plan: Plan): { ok: true; report: ScheduleJson } | { ok: false; message: string } {
  const result = scheduleRun(plan)
  if (!result.ok) return { ok: false, message: `the plan cannot be scheduled: ${scheduleProblemsText(result.problems)}` }
  const schedule = result.schedule
  const costs = costCompute(plan, schedule)
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
        work: Math.round((schedule.work[index] as number) * 1000) / 1000,
        cost: Math.round((costs.cost[index] as number) * 100) / 100,
      })),
    },
  }
}

function table(report: ScheduleJson): string {
  const rows = report.tasks.map((task) => [String(task.uid), task.name, task.start, task.finish, String(task.totalSlackMinutes), task.critical ? 'yes' : '', String(Math.round((task.work / 60) * 100) / 100), task.cost.toFixed(2)])
  const header = ['UID', 'Name', 'Start', 'Finish', 'Total slack (min)', 'Critical', 'Work (h)', 'Cost']
  // A loop, not Math.max(...rows): spreading 100,000 rows into arguments overflows the stack.
  const widths = header.map((title, column) => Math.min(60, rows.reduce((width, row) => Math.max(width, (row[column] as string).length), title.length)))
  const format = (row: string[]) => row.map((cell, column) => cliOneLine(cell).slice(0, 60).padEnd(widths[column] as number)).join('  ').trimEnd()
  return `${[format(header), ...rows.map(format)].join('\n')}\n`
}

/**
 * Runs the command with its arguments (after the command name).
 * @returns the process exit status: 0 on success, 1 on bad input
 */
export async function scheduleCommand(args: readonly string[], output: CliOutput): Promise<number> {
  const fail = (message: string): number => {
    output.stderr(`schedule: ${cliOneLine(message)}\n`)
    return 1
  }
  const parsed = cliParseArgs(args, { json: 'boolean' }, usage)
  if (!parsed.ok) return fail(parsed.message)
  const read = await cliReadPlan(parsed.file)
  if (!read.ok) return fail(read.message)
  const result = scheduleReport(read.plan)
  if (!result.ok) return fail(result.message)
  if (parsed.values.json === true) {
    output.stdout(`${JSON.stringify(result.report)}\n`)
    return 0
  }
  for (const warning of read.warnings) output.stderr(`warning: ${cliOneLine(warning)}\n`)
  output.stdout(table(result.report))
  return 0
}
