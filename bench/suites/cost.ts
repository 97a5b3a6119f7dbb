/**
 * Cost and earned value benchmarks on the seeded 10,000-task plan with 50 resources and about 12,000 assignments
 * (the resources suite's shape), with rates, fixed costs on a fifth of the tasks, a baseline on every task and
 * progress on the first half:
 * - `cost.full`: task, summary, assignment, resource and plan cost (`costCompute`) for the scheduled plan;
 * - `ev.full`: earned value of every task, summary and the plan at one status date (`costCompute` +
 *   `earnedValueCompute`: the whole path from a schedule to SPI and CPI); target <= 30 ms;
 * - `cost.weeks`: the plan's cost per week from every assignment's work distribution (`costTimephased`);
 * - `baseline.set`: Set Baseline 1 for the whole plan as the Baseline dialog runs it (the task costs, then the
 *   `baseline/set` command through `commandRun`, roll-up off); target <= 50 ms;
 * - `ev.series`: the S-curve the Earned value view and the dashboard draw (`earnedValueSeries`, weeks, from computed
 *   earned value);
 * - `health.burndown`: the dashboard's burn-down of remaining work (`healthBurndown`, weeks), one pass over the tasks.
 */
import { commandRun } from '../../src/shared/commands/run'
import { costCompute, costSeriesPeriod, costTimephased, earnedValueCompute, earnedValueSeries } from '../../src/shared/domain/cost'
import { dateFromWallMinutes } from '../../src/shared/domain/dates'
import { healthBurndown } from '../../src/shared/domain/health'
import type { Plan } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'
import { generatePlan, seededRandom } from '../../tests/support/generate-plan'
import { bench } from '../lib'

/** The benchmark plan: generated, with rates, fixed costs, baseline 0 as scheduled and progress on half of it. */
export function costBenchPlan(): { plan: Plan; statusDate: string } {
  const tasks = 10_000
  const generated = generatePlan({ tasks, seed: 42, resources: 50, assignmentsPerTask: 1.45 })
  const random = seededRandom(16)
  const priced: Plan = {
    ...generated,
    resources: generated.resources.map((resource) => ({ ...resource, standardRate: 40 + Math.round(random() * 110), costPerUse: random() < 0.2 ? 50 : 0 })),
    tasks: generated.tasks.map((task) => (random() < 0.2 ? { ...task, fixedCost: Math.round(random() * 5000) } : task)),
  }
  const first = scheduleRun(priced)
  if (!first.ok) throw new Error(first.problems[0]?.message)
  const schedule = first.schedule
  const costs = costCompute(priced, schedule)
  const half = schedule.projectStart + (schedule.projectFinish - schedule.projectStart) / 2
  const baselined: Plan = {
    ...priced,
    tasks: priced.tasks.map((task, index) => {
      const start = schedule.start[index] as number
      const finish = schedule.finish[index] as number
      const progress = finish <= half ? 100 : start < half ? Math.round(random() * 100) : 0
      return {
        ...task,
        percentComplete: schedule.isSummary[index] === 1 ? 0 : progress,
        baselines: [
          {
            number: 0 as const,
            start: dateFromWallMinutes(start),
            finish: dateFromWallMinutes(finish),
            duration: schedule.duration[index] as number,
            work: schedule.work[index] as number,
            cost: costs.cost[index] as number,
            bcws: null,
            bcwp: null,
          },
        ],
      }
    }),
  }
  const indexOf = new Map(baselined.tasks.map((task, index) => [task.id, index]))
  const assignments = baselined.assignments.map((assignment, position) => {
    const task = baselined.tasks[indexOf.get(assignment.taskId) ?? -1]
    const percent = task?.percentComplete ?? 0
    // A little over or under the plan, so CPI is not exactly 1.
    return { ...assignment, actualWork: (((schedule.assignmentWork[position] as number) * percent) / 100) * (0.8 + random() * 0.4) }
  })
  return { plan: { ...baselined, assignments }, statusDate: dateFromWallMinutes(half) }
}

export async function run(): Promise<void> {
  const { plan, statusDate } = costBenchPlan()
  const result = scheduleRun(plan)
  if (!result.ok) throw new Error(result.problems[0]?.message)
  const schedule = result.schedule
  const fields = { tasks: plan.tasks.length, resources: plan.resources.length, assignments: plan.assignments.length }

  await bench({ bench: 'cost.full', fields }, () => costCompute(plan, schedule).total)

  await bench({ bench: 'ev.full', fields: { ...fields, statusDate } }, () => {
    const costs = costCompute(plan, schedule)
    return earnedValueCompute(plan, schedule, costs, { statusDate }).plan.cpi
  })

  await bench({ bench: 'cost.weeks', fields, runs: 9 }, () => costTimephased(plan, schedule, { period: 'week' }).length)

  await bench({ bench: 'baseline.set', fields }, () => {
    const costs = costCompute(plan, schedule).cost
    const result = commandRun(plan, 'baseline/set', { number: 1, scope: 'plan', rollUp: false, now: statusDate, costs }, { selection: [], schedule, clipboard: null })
    if (!result.ok) throw new Error(result.message)
    return result.plan.tasks.length
  })

  const costs = costCompute(plan, schedule)
  const value = earnedValueCompute(plan, schedule, costs, { statusDate })
  const period = costSeriesPeriod(schedule)
  await bench({ bench: 'ev.series', fields: { ...fields, period } }, () => earnedValueSeries(plan, schedule, costs, value, period).length)

  await bench({ bench: 'health.burndown', fields: { ...fields, period } }, () => healthBurndown(plan, schedule, 0, statusDate, period).points.length)
}
