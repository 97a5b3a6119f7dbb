/**
 * `npm run cli -- overallocations <file> [--json]`: the over-allocated periods of every resource of a Gantry plan
 * (`.gantry`) or a Microsoft Project XML file (`.xml`), computed on the engine's schedule.
 *
 * With `--json` it prints exactly
 * `{"resources":[{"uid":…,"name":…,"periods":[{"start":"YYYY-MM-DD","finish":"YYYY-MM-DD","peakPercent":…,"tasks":[uid,…]}]}]}`
 * (uid = the MSPDI resource UID or the Gantry resource id; tasks = task UIDs / ids; resources without
 * over-allocation are left out). Bad input: exit status 1 and one line on stderr.
 */
import { loadCompute } from '../../../shared/domain/load'
import type { Plan } from '../../../shared/domain/model'
import { scheduleRun } from '../../../shared/domain/schedule'
import { cliOneLine, cliParseArgs, cliProcessOutput, cliReadPlan, type CliOutput } from '../read'

export type OverallocationsJson = {
  resources: Array<{
    uid: number
    name: string
    periods: Array<{ start: string; finish: string; peakPercent: number; tasks: number[] }>
  }>
}

const usage = 'usage: npm run cli -- overallocations <file.gantry|file.xml|file.csv> [--json]'

/** The over-allocations of a plan in the command's JSON shape, or the reason the plan cannot be scheduled. */
export function overallocationsOfPlan(
  plan: Plan,
): { ok: true; report: OverallocationsJson } | { ok: false; message: string } {
  const scheduled = scheduleRun(plan)
  if (!scheduled.ok)
    return {
      ok: false,
      message: `the plan cannot be scheduled: ${scheduled.problems[0]?.message ?? 'unknown problem'}`,
    }
  const load = loadCompute(plan, scheduled.schedule)
  const resources: OverallocationsJson['resources'] = []
  plan.resources.forEach((resource, index) => {
    const periods = load.resources[index]?.periods ?? []
    if (periods.length === 0) return
    resources.push({
      uid: resource.id,
      name: resource.name,
      periods: periods.map((period) => ({
        start: period.start,
        finish: period.finish,
        peakPercent: period.peakPercent,
        tasks: period.taskIds,
      })),
    })
  })
  return { ok: true, report: { resources } }
}

/**
 * Runs the command with its arguments (after the command name).
 * @returns the process exit status: 0 on success, 1 on bad input
 */
export async function overallocationsCommand(
  args: readonly string[],
  output: CliOutput = cliProcessOutput,
): Promise<number> {
  const fail = (message: string): number => {
    output.stderr(`overallocations: ${cliOneLine(message)}\n`)
    return 1
  }
  const parsed = cliParseArgs(args, { json: 'boolean' }, usage)
  if (!parsed.ok) return fail(parsed.message)
  const isJson = parsed.values.json === true
  const read = await cliReadPlan(parsed.file)
  if (!read.ok) return fail(read.message)
  const result = overallocationsOfPlan(read.plan)
  if (!result.ok) return fail(result.message)
  if (isJson) {
    output.stdout(`${JSON.stringify(result.report)}\n`)
    return 0
  }
  if (result.report.resources.length === 0) {
    output.stdout('No resource is over-allocated.\n')
    return 0
  }
  const lines: string[] = []
  for (const resource of result.report.resources) {
    lines.push(`${resource.name} (uid ${resource.uid})`)
    for (const period of resource.periods) {
      const span = period.start === period.finish ? period.start : `${period.start} to ${period.finish}`
      lines.push(`  ${span}: peak ${period.peakPercent} %, tasks ${period.tasks.join(', ')}`)
    }
  }
  output.stdout(`${lines.join('\n')}\n`)
  return 0
}
