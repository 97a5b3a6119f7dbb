/**
 * `npm run cli -- check <file> [--json]`: validates a Gantry plan (`.gantry`) or a Microsoft Project XML file (`.xml`)
 * and lists its problems, one per line on stdout: a file that cannot be read, dependency cycles (with the tasks in
 * order), links to missing tasks, duplicate ids, calendars without working time, tasks that miss a constraint or
 * deadline (negative slack) and over-allocated resources (period, peak and tasks).
 * Exit status 0 when there is no problem; 1 when there is one, with one summary line on stderr.
 * With `--json` stdout is `{"file":…,"tasks":…,"problems":[{"kind":…,"message":…}]}`.
 */
import { basename } from 'node:path'
import { loadCompute } from '../../../shared/domain/load'
import type { Plan } from '../../../shared/domain/model'
import { scheduleRun } from '../../../shared/domain/schedule'
import { cliOneLine, cliParseArgs, cliProcessOutput, cliReadPlanReporting, type CliOutput } from '../read'

export type CheckProblemKind =
  | 'unreadable'
  | 'cycle'
  | 'missing-task'
  | 'duplicate-id'
  | 'self-link'
  | 'no-working-time'
  | 'missing-calendar'
  | 'invalid-value'
  | 'negative-slack'
  | 'over-allocation'

export type CheckProblem = { kind: CheckProblemKind; message: string }

const usage = 'usage: npm run cli -- check <file.gantry|file.xml|file.csv> [--json]'

function days(minutes: number, minutesPerDay: number): string {
  return String(Math.round((minutes / minutesPerDay) * 100) / 100)
}

/**
 * The problems of a plan that was read: what keeps it from being scheduled, or else tasks with negative slack and
 * over-allocations.
 */
export function checkPlan(plan: Plan): CheckProblem[] {
  const scheduled = scheduleRun(plan)
  const names = new Map(plan.tasks.map((task) => [task.id, task.name]))
  if (!scheduled.ok) {
    return scheduled.problems.map((problem) => {
      if (problem.kind !== 'cycle') return { kind: problem.kind, message: problem.message }
      // Name the tasks: ids alone mean little to whoever reads a Microsoft Project file.
      const tasks = [...new Set(problem.taskIds)].map((id) => `${id} "${names.get(id) ?? ''}"`).join(', ')
      return { kind: problem.kind, message: `${problem.message} Tasks: ${tasks}.` }
    })
  }
  const schedule = scheduled.schedule
  const problems: CheckProblem[] = []
  plan.tasks.forEach((task, index) => {
    const slack = schedule.totalSlack[index] as number
    if (slack < 0 && schedule.isSummary[index] !== 1) {
      problems.push({
        kind: 'negative-slack',
        message: `Task ${task.id} "${task.name}" is ${days(-slack, plan.settings.minutesPerDay)} working days late for a constraint or deadline (total slack ${days(slack, plan.settings.minutesPerDay)} days).`,
      })
    }
  })
  const load = loadCompute(plan, schedule)
  plan.resources.forEach((resource, index) => {
    for (const period of load.resources[index]?.periods ?? []) {
      const span = period.start === period.finish ? `on ${period.start}` : `from ${period.start} to ${period.finish}`
      const tasks = period.taskIds.map((id) => `${id} "${names.get(id) ?? ''}"`).join(', ')
      problems.push({
        kind: 'over-allocation',
        message: `${resource.name} is over-allocated ${span} (peak ${Math.round(period.peakPercent)} % of available work) by tasks ${tasks}.`,
      })
    }
  })
  return problems
}

/**
 * Runs `check` with its arguments (after the command name).
 * @returns the exit status: 0 when the plan has no problem, 1 otherwise
 */
export async function checkCommand(args: readonly string[], output: CliOutput = cliProcessOutput): Promise<number> {
  const parsed = cliParseArgs(args, { json: 'boolean' }, usage)
  if (!parsed.ok) {
    output.stderr(`check: ${parsed.message}\n`)
    return 1
  }
  const file = parsed.file
  const isJson = parsed.values.json === true
  const read = await cliReadPlanReporting(file, output)
  const problems: CheckProblem[] = read.ok ? checkPlan(read.plan) : [{ kind: 'unreadable', message: read.message }]
  const taskCount = read.ok ? read.plan.tasks.length : 0
  if (isJson) output.stdout(`${JSON.stringify({ file: basename(file), tasks: taskCount, problems })}\n`)
  else if (problems.length === 0) output.stdout(`${basename(file)}: ${taskCount} tasks, no problems found.\n`)
  else output.stdout(problems.map((problem) => `${problem.kind}: ${cliOneLine(problem.message)}\n`).join(''))
  if (problems.length === 0) return 0
  const first = problems[0] as CheckProblem
  output.stderr(
    problems.length === 1
      ? `check: ${basename(file)}: ${cliOneLine(first.message)}\n`
      : `check: ${basename(file)}: ${problems.length} problems, the first: ${cliOneLine(first.message)}\n`,
  )
  return 1
}
