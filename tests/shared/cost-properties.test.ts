/**
 * Property tests of cost and earned value (issue 16 item 5), on generated plans with people, random rates and fixed
 * costs, a baseline taken from the plan as it is scheduled, and random progress:
 * - EV <= BAC, for every task, summary and the plan, with either earned value method;
 * - SPI = 1 when the work is exactly on the baseline (each task's % complete is the share of its baseline's working
 *   time before the status date; costs prorated, as Microsoft Project's defaults, since a cost falling at the start
 *   is planned value at once while % complete earns it gradually);
 * - CPI = 1 when the actual cost equals the earned value (actual work = work × % complete at the baseline's cost);
 * - a plan's cost is the sum of its resources' costs and its fixed costs, and the cost per week adds up to it.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  costCalendars,
  costCompute,
  costSpanFraction,
  costTimephased,
  earnedValueCompute,
  earnedValueOfTask,
  type PlanCost,
} from '../../src/shared/domain/cost'
import { dateFromWallMinutes, dateToWallMinutes } from '../../src/shared/domain/dates'
import type { Plan, Task } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'
import type { Schedule } from '../../src/shared/domain/schedule-types'
import { generatePlan, seededRandom } from '../support/generate-plan'

const runs = { numRuns: 25, seed: 16_2026 }

function scheduled(plan: Plan): Schedule {
  const result = scheduleRun(plan)
  if (!result.ok) throw new Error(result.problems[0]?.message)
  return result.schedule
}

/**
 * A generated plan with rates (prorated, no cost per use) and some prorated fixed costs on leaf tasks (a summary's %
 * complete is its tasks' weighted by duration, not the share of its own span, so its own fixed cost is never exactly
 * on track, in Microsoft Project either).
 */
function costedPlan(seed: number, tasks: number): Plan {
  const plan = generatePlan({ tasks, seed, resources: 6, assignmentsPerTask: 1.3 })
  const random = seededRandom(seed + 1)
  return {
    ...plan,
    resources: plan.resources.map((resource) => ({ ...resource, standardRate: Math.round(random() * 15000) / 100, costPerUse: 0, costAccrual: 'prorated' as const })),
    tasks: plan.tasks.map((task, index) => (random() < 0.2 && !((plan.tasks[index + 1]?.level ?? 0) > task.level) ? { ...task, fixedCost: Math.round(random() * 500000) / 100, fixedCostAccrual: 'prorated' as const } : task)),
  }
}

/** Baseline 0 = the plan as scheduled now (start, finish, duration, work, cost), as setting a baseline stores it. */
function withBaseline(plan: Plan, schedule: Schedule, costs: PlanCost): Plan {
  return {
    ...plan,
    tasks: plan.tasks.map((task, index) => ({
      ...task,
      baselines: [
        {
          number: 0 as const,
          start: dateFromWallMinutes(schedule.start[index] as number),
          finish: dateFromWallMinutes(schedule.finish[index] as number),
          duration: schedule.duration[index] as number,
          work: schedule.work[index] as number,
          cost: costs.cost[index] as number,
          bcws: null,
          bcwp: null,
        },
      ],
    })),
  }
}

/** Sets each leaf's % complete (and, when `spend` is true, its assignments' actual work in proportion). */
function withProgress(plan: Plan, schedule: Schedule, percentOf: (task: Task, index: number) => number, spend: boolean): Plan {
  const percents = plan.tasks.map((task, index) => (schedule.isSummary[index] === 1 ? 0 : percentOf(task, index)))
  const assignments = plan.assignments.map((assignment, position) => {
    const index = schedule.indexOf.get(assignment.taskId) ?? -1
    const percent = percents[index] ?? 0
    return { ...assignment, actualWork: spend ? ((schedule.assignmentWork[position] as number) * percent) / 100 : 0 }
  })
  const actualByTask = new Map<number, number>()
  for (const assignment of assignments) actualByTask.set(assignment.taskId, (actualByTask.get(assignment.taskId) ?? 0) + assignment.actualWork)
  return {
    ...plan,
    assignments,
    tasks: plan.tasks.map((task, index) => ({ ...task, percentComplete: percents[index] ?? 0, actualWork: actualByTask.get(task.id) ?? 0 })),
  }
}

const scenario = fc.record({ seed: fc.integer({ min: 1, max: 1_000_000 }), tasks: fc.integer({ min: 8, max: 80 }), statusShare: fc.double({ min: 0, max: 1, noNaN: true }) })

function statusDateOf(schedule: Schedule, share: number): string {
  return dateFromWallMinutes(Math.round(schedule.projectStart + (schedule.projectFinish - schedule.projectStart) * share))
}

describe('cost and earned value properties', () => {
  it('EV <= BAC for every task and the plan, with either method', () => {
    fc.assert(
      fc.property(scenario, fc.boolean(), ({ seed, tasks, statusShare }, physical) => {
        const plan = costedPlan(seed, tasks)
        const schedule = scheduled(plan)
        const baselined = withBaseline(plan, schedule, costCompute(plan, schedule))
        const random = seededRandom(seed + 2)
        const progressed = withProgress(baselined, schedule, () => Math.round(random() * 100), random() < 0.5)
        const withPhysical = { ...progressed, tasks: progressed.tasks.map((task) => ({ ...task, physicalPercentComplete: Math.round(random() * 100) })) }
        const after = scheduled(withPhysical)
        const costs = costCompute(withPhysical, after)
        const value = earnedValueCompute(withPhysical, after, costs, {
          statusDate: statusDateOf(after, statusShare),
          method: physical ? 'physical-percent-complete' : 'percent-complete',
        })
        for (let index = 0; index < withPhysical.tasks.length; index++) {
          const figures = earnedValueOfTask(value, index)
          expect(figures.ev).toBeLessThanOrEqual(figures.bac + 1e-6)
          expect(figures.pv).toBeLessThanOrEqual(figures.bac + 1e-6)
          expect(figures.ev).toBeGreaterThanOrEqual(0)
        }
        expect(value.plan.ev).toBeLessThanOrEqual(value.plan.bac + 1e-6)
      }),
      runs,
    )
  })

  it('SPI = 1 when every task is exactly on its baseline at the status date', () => {
    fc.assert(
      fc.property(scenario, ({ seed, tasks, statusShare }) => {
        const plan = costedPlan(seed, tasks)
        const schedule = scheduled(plan)
        const baselined = withBaseline(plan, schedule, costCompute(plan, schedule))
        const statusDate = statusDateOf(schedule, 0.05 + statusShare * 0.9)
        const status = dateToWallMinutes(statusDate)
        const calendarOf = costCalendars(baselined)
        // On track: % complete = the share of the baseline's working time before the status date.
        const progressed = withProgress(
          baselined,
          schedule,
          (task, index) => 100 * costSpanFraction(calendarOf(task.calendarId), schedule.start[index] as number, schedule.finish[index] as number, status),
          true,
        )
        const after = scheduled(progressed)
        const costs = costCompute(progressed, after)
        const value = earnedValueCompute(progressed, after, costs, { statusDate })
        fc.pre(value.plan.pv > 1)
        expect(value.plan.spi).toBeCloseTo(1, 9)
        for (let index = 0; index < progressed.tasks.length; index++) {
          if ((value.pv[index] as number) > 1e-6) expect(earnedValueOfTask(value, index).spi).toBeCloseTo(1, 9)
        }
      }),
      runs,
    )
  })

  it('CPI = 1 when the actual cost equals the earned value', () => {
    fc.assert(
      fc.property(scenario, ({ seed, tasks, statusShare }) => {
        const plan = costedPlan(seed, tasks)
        const schedule = scheduled(plan)
        const baselined = withBaseline(plan, schedule, costCompute(plan, schedule))
        const random = seededRandom(seed + 3)
        const progressed = withProgress(baselined, schedule, () => Math.round(random() * 100), true)
        const after = scheduled(progressed)
        const costs = costCompute(progressed, after)
        const value = earnedValueCompute(progressed, after, costs, { statusDate: statusDateOf(after, statusShare) })
        fc.pre(value.plan.ac > 1)
        expect(value.plan.ac).toBeCloseTo(value.plan.ev, 6)
        expect(value.plan.cpi).toBeCloseTo(1, 9)
      }),
      runs,
    )
  })

  it('the plan costs its resources plus its fixed costs, and the cost per week adds up to it', () => {
    fc.assert(
      fc.property(scenario, ({ seed, tasks }) => {
        const plan = costedPlan(seed, tasks)
        const schedule = scheduled(plan)
        const costs = costCompute(plan, schedule)
        const resources = Array.from(costs.resourceCost).reduce((sum, value) => sum + value, 0)
        const fixed = plan.tasks.reduce((sum, task) => sum + task.fixedCost, 0)
        expect(costs.total).toBeCloseTo(resources + fixed, 6)
        const weeks = costTimephased(plan, schedule, { period: 'week' })
        expect(weeks[weeks.length - 1]?.cumulative ?? 0).toBeCloseTo(costs.total, 6)
        for (const week of weeks) expect(week.cost).toBeGreaterThanOrEqual(-1e-9)
      }),
      runs,
    )
  })
})
