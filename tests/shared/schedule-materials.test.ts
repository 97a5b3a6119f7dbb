/**
 * Material resources (issue 16): as in Microsoft Project, a material's assignment is a quantity consumed, not time
 * worked. It never drives its task's dates (no calendar, no stretching), it spans its task, and it carries no load:
 * a material is never over-allocated and leveling never moves a task for it.
 */
import { describe, expect, it } from 'vitest'
import { dateFromWallMinutes } from '../../src/shared/domain/dates'
import { makeAssignment } from '../../src/shared/domain/defaults'
import { levelResources } from '../../src/shared/domain/leveling'
import { loadCompute } from '../../src/shared/domain/load'
import type { Plan } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'
import type { Schedule } from '../../src/shared/domain/schedule-types'
import { task, testPlan } from '../support/generate-plan'
import { makeResource } from '../support/resource-plans'

function run(plan: Plan): Schedule {
  const result = scheduleRun(plan)
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '))
  return result.schedule
}

const text = (minutes: number | undefined): string => dateFromWallMinutes(minutes ?? Number.NaN)

// Monday 2026-10-05 08:00, Standard calendar (8:00-12:00, 13:00-17:00). Task 1 lasts 2 days (Mon-Tue); 100 t of
// cement (work 100 x 60) at 100 % would last 100 hours if it were time, and a vacation of the material on Tuesday
// would stretch it if it had a calendar.
function cementPlan(): Plan {
  const cement = makeResource(2, 'Cement', {
    type: 'material',
    materialLabel: 't',
    standardRateUnit: 'unit',
    nonWorkingDays: [{ from: '2026-10-06', to: '2026-10-06' }],
  })
  return testPlan([task(1, 2), task(2, 1)], [], {
    resources: [cement],
    assignments: [makeAssignment(1, 1, 2, 100, 100 * 60), makeAssignment(2, 2, 2, 100, 100 * 60)],
  })
}

describe('material resources', () => {
  it('a material assignment does not drive its task: the task keeps its duration, the assignment spans it', () => {
    const schedule = run(cementPlan())
    expect(schedule.isResourceDriven[0]).toBe(0)
    expect(text(schedule.start[0])).toBe('2026-10-05T08:00:00')
    // Two working days: Monday 08:00 to Tuesday 17:00 (not 100 hours, not pushed past the material's "vacation").
    expect(text(schedule.finish[0])).toBe('2026-10-06T17:00:00')
    expect(text(schedule.assignmentStart[0])).toBe('2026-10-05T08:00:00')
    expect(text(schedule.assignmentFinish[0])).toBe('2026-10-06T17:00:00')
    // Its "work" stays the quantity: 100 t.
    expect(schedule.assignmentWork[0]).toBe(100 * 60)
  })

  it('a material beside a person: the person drives the task, the material spans it', () => {
    const plan = cementPlan()
    const person = makeResource(1, 'Ana')
    const withPerson: Plan = {
      ...plan,
      resources: [person, ...plan.resources],
      // Ana works 24 h at 100 %: three days, Monday to Wednesday.
      assignments: [makeAssignment(3, 1, 1, 100, 24 * 60), ...plan.assignments],
    }
    const schedule = run(withPerson)
    expect(schedule.isResourceDriven[0]).toBe(1)
    expect(text(schedule.finish[0])).toBe('2026-10-07T17:00:00')
    expect(text(schedule.assignmentStart[1])).toBe('2026-10-05T08:00:00')
    expect(text(schedule.assignmentFinish[1])).toBe('2026-10-07T17:00:00')
    // The task's work is Ana's 24 h: the 100 t of cement are a quantity, not hours (Microsoft Project's task Work).
    expect(schedule.work[0]).toBe(24 * 60)
    expect(schedule.assignmentWork[1]).toBe(100 * 60)
  })

  it("a material on a summary keeps its quantity and stays out of the summary's work", () => {
    const plan = cementPlan()
    const summary: Plan = {
      ...plan,
      tasks: [task(9, 0, { name: 'Phase', level: 1, isMilestone: false }), ...plan.tasks.map((item) => ({ ...item, level: 2 }))],
      assignments: [...plan.assignments, makeAssignment(3, 9, 2, 100, 5 * 60)],
    }
    const schedule = run(summary)
    // 5 t on the summary stay 5 t (a work resource's summary assignment would get units x the span's working time).
    expect(schedule.assignmentWork[2]).toBe(5 * 60)
    expect(schedule.work[0]).toBe(0)
  })

  it('a material is never over-allocated, and leveling does not move tasks for it', () => {
    const plan = cementPlan()
    const schedule = run(plan)
    // Both tasks start Monday and use 100 units each: a work resource at 100 % max units would be over-allocated.
    expect(schedule.start[0]).toBe(schedule.start[1])
    const load = loadCompute(plan, schedule)
    const cement = load.byResource.get(2)
    expect(cement?.periods).toEqual([])
    expect(load.conflicts).toEqual([])
    expect(load.overallocatedTaskIds.size).toBe(0)
    const leveled = levelResources(plan)
    if (!leveled.ok) throw new Error('not leveled')
    expect(leveled.plan.tasks.map((item) => item.levelingDelay)).toEqual([0, 0])
    expect(leveled.schedule.start[1]).toBe(schedule.start[1])
  })
})
