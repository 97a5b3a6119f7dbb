import { describe, expect, it } from 'vitest'
import { makeAssignment, makeTask } from '../../src/shared/domain/defaults'
import type { Calendar, Plan, Task } from '../../src/shared/domain/model'
import { resourceRuleCalendarProblem } from '../../src/shared/domain/resource-rules'
import {
  taskRuleAssign,
  taskRuleDurationChange,
  taskRuleFillWork,
  taskRuleManualChange,
  taskRuleSetAssignmentUnits,
  taskRuleSetAssignmentWork,
  taskRuleSetDuration,
  taskRuleSetEffortDriven,
  taskRuleSetMode,
  taskRuleSetType,
  taskRuleSetWork,
  taskRuleUnassign,
  type TaskRuleResult,
} from '../../src/shared/domain/task-rules'
import { makeJanuaryPlan, makeResource } from '../support/resource-plans'

describe('taskRuleDurationChange (Microsoft Project milestone rule)', () => {
  const fiveDays = makeTask(1, { duration: 2400, durationUnit: 'd', isMilestone: false })
  const milestone = makeTask(2, { duration: 0, durationUnit: 'd', isMilestone: true })
  const flagged = makeTask(3, { duration: 2400, durationUnit: 'd', isMilestone: true })

  it('makes a task of duration 0 a milestone', () => {
    expect(taskRuleDurationChange(fiveDays, 0)).toEqual({ duration: 0, durationUnit: 'd', isMilestone: true })
  })

  it('ends a zero-length milestone when it gets a duration', () => {
    expect(taskRuleDurationChange(milestone, 480, 'h')).toEqual({
      duration: 480,
      durationUnit: 'h',
      isMilestone: false,
    })
  })

  it('keeps the flag of a task the user marked as a milestone while it had a duration', () => {
    expect(taskRuleDurationChange(flagged, 960)).toEqual({
      duration: 960,
      durationUnit: 'd',
      isMilestone: true,
    })
  })

  it('leaves an ordinary task an ordinary task', () => {
    expect(taskRuleDurationChange(fiveDays, 960).isMilestone).toBe(false)
  })
})

describe("Microsoft Project's work rules per task type", () => {
  // A 4-day task with Ana at 100 % (32 h of work).
  function fourDays(overrides: Partial<Task> = {}): Plan {
    return makeJanuaryPlan('p', 'P', {
      tasks: [
        makeTask(1, { name: 'Build', duration: 4 * 480, ...overrides }),
        makeTask(2, { name: 'Other' }),
      ],
      resources: [makeResource(1, 'Ana'), makeResource(2, 'Ben'), makeResource(3, 'Carla')],
      assignments: [makeAssignment(1, 1, 1, 100, 0)],
    })
  }
  const ok = (result: TaskRuleResult): Plan => {
    if (!result.ok) throw new Error(result.message)
    return result.plan
  }
  const shape = (plan: Plan) => ({
    duration: plan.tasks[0]?.duration,
    work: plan.tasks[0]?.work,
    assignments: plan.assignments
      .filter((item) => item.taskId === 1)
      .map((item) => [item.resourceId, item.units, item.work]),
  })

  it('duration changed: fixed units and fixed duration recompute the work, fixed work the units', () => {
    expect(shape(ok(taskRuleSetDuration(fourDays(), 1, 8 * 480)))).toEqual({
      duration: 3840,
      work: 3840,
      assignments: [[1, 100, 3840]],
    })
    expect(shape(ok(taskRuleSetDuration(fourDays({ type: 'fixed-duration' }), 1, 8 * 480)))).toEqual({
      duration: 3840,
      work: 3840,
      assignments: [[1, 100, 3840]],
    })
    expect(
      shape(ok(taskRuleSetDuration(fourDays({ type: 'fixed-work', isEffortDriven: true }), 1, 8 * 480))),
    ).toEqual({
      duration: 3840,
      work: 1920,
      assignments: [[1, 50, 1920]],
    })
  })

  it('work changed: fixed units and fixed work recompute the duration, fixed duration the units', () => {
    expect(shape(ok(taskRuleSetWork(fourDays(), 1, 8 * 480)))).toEqual({
      duration: 3840,
      work: 3840,
      assignments: [[1, 100, 3840]],
    })
    expect(
      shape(ok(taskRuleSetWork(fourDays({ type: 'fixed-work', isEffortDriven: true }), 1, 2 * 480))),
    ).toEqual({
      duration: 960,
      work: 960,
      assignments: [[1, 100, 960]],
    })
    expect(shape(ok(taskRuleSetWork(fourDays({ type: 'fixed-duration' }), 1, 2 * 480)))).toEqual({
      duration: 1920,
      work: 960,
      assignments: [[1, 50, 960]],
    })
    // Without people the task keeps the work, and the first person takes it over (fixed units: 2 days at 100 %).
    const empty = {
      ...fourDays(),
      assignments: [],
      tasks: fourDays().tasks.map((item) => ({ ...item, work: 0 })),
    }
    const typed = ok(taskRuleSetWork(empty, 1, 960))
    expect(typed.tasks[0]?.work).toBe(960)
    expect(shape(ok(taskRuleAssign(typed, 1, 2, 100, 5)))).toEqual({
      duration: 960,
      work: 960,
      assignments: [[2, 100, 960]],
    })
  })

  it('units changed: fixed units and fixed work keep the work (the task stretches), fixed duration keeps the dates', () => {
    expect(shape(ok(taskRuleSetAssignmentUnits(fourDays(), 1, 50)))).toEqual({
      duration: 3840,
      work: 1920,
      assignments: [[1, 50, 1920]],
    })
    expect(shape(ok(taskRuleSetAssignmentUnits(fourDays({ type: 'fixed-duration' }), 1, 50)))).toEqual({
      duration: 1920,
      work: 960,
      assignments: [[1, 50, 960]],
    })
  })

  it('assignment work changed: fixed units stretches the task, fixed duration changes the units', () => {
    expect(shape(ok(taskRuleSetAssignmentWork(fourDays(), 1, 2400)))).toEqual({
      duration: 2400,
      work: 2400,
      assignments: [[1, 100, 2400]],
    })
    expect(shape(ok(taskRuleSetAssignmentWork(fourDays({ type: 'fixed-duration' }), 1, 3840)))).toEqual({
      duration: 1920,
      work: 3840,
      assignments: [[1, 200, 3840]],
    })
  })

  it('effort driven: a second person shares the work (fixed units: shorter; fixed duration: lower units); removing gives it back', () => {
    const shared = ok(taskRuleAssign(fourDays({ isEffortDriven: true }), 1, 2, 100, 5))
    expect(shape(shared)).toEqual({
      duration: 960,
      work: 1920,
      assignments: [
        [1, 100, 960],
        [2, 100, 960],
      ],
    })
    expect(shape(ok(taskRuleUnassign(shared, 5)))).toEqual({
      duration: 1920,
      work: 1920,
      assignments: [[1, 100, 1920]],
    })
    expect(
      shape(ok(taskRuleAssign(fourDays({ type: 'fixed-duration', isEffortDriven: true }), 1, 2, 100, 5))),
    ).toEqual({
      duration: 1920,
      work: 1920,
      assignments: [
        [1, 50, 960],
        [2, 50, 960],
      ],
    })
    // Fixed work is always effort driven.
    expect(
      shape(ok(taskRuleAssign(fourDays({ type: 'fixed-work', isEffortDriven: true }), 1, 2, 100, 5)))
        .duration,
    ).toBe(960)
  })

  it('not effort driven: a second person brings units x duration of new work and the dates stay', () => {
    const added = ok(taskRuleAssign(fourDays(), 1, 2, 50, 5))
    expect(shape(added)).toEqual({
      duration: 1920,
      work: 2880,
      assignments: [
        [1, 100, 1920],
        [2, 50, 960],
      ],
    })
    expect(shape(ok(taskRuleUnassign(added, 5)))).toEqual({
      duration: 1920,
      work: 1920,
      assignments: [[1, 100, 1920]],
    })
    expect(ok(taskRuleUnassign(fourDays(), 1)).tasks[0]).toMatchObject({ duration: 1920, work: 0 })
  })

  it('the type and the effort-driven flag: fixed work is always effort driven', () => {
    const fixedWork = ok(taskRuleSetType(fourDays(), 1, 'fixed-work'))
    expect(fixedWork.tasks[0]).toMatchObject({ type: 'fixed-work', isEffortDriven: true })
    expect(taskRuleSetEffortDriven(fixedWork, 1, false)).toEqual({
      ok: false,
      message: '"Build" has fixed work, which is always effort driven; change its type first.',
    })
    expect(ok(taskRuleSetEffortDriven(fourDays(), 1, true)).tasks[0]?.isEffortDriven).toBe(true)
  })

  it('refuses negative or absurd work and units, and impossible durations, changing nothing', () => {
    const plan = fourDays()
    const refused = [
      taskRuleSetWork(plan, 1, -60),
      taskRuleSetWork(plan, 1, Number.NaN),
      taskRuleSetWork(plan, 1, 1e12),
      taskRuleSetAssignmentWork(plan, 1, -1),
      taskRuleSetAssignmentUnits(plan, 1, 0),
      taskRuleSetAssignmentUnits(plan, 1, -50),
      taskRuleSetAssignmentUnits(plan, 1, 5000),
      taskRuleAssign(plan, 1, 2, Number.POSITIVE_INFINITY, 5),
      taskRuleSetDuration(plan, 1, -480),
      taskRuleSetDuration(fourDays({ type: 'fixed-work', isEffortDriven: true }), 1, 0),
      // Fixed work over two hours would need 1600 % of Ana.
      taskRuleSetDuration(fourDays({ type: 'fixed-work', isEffortDriven: true }), 1, 120),
      // 32 h at 0.001 % would last far longer than a task may.
      taskRuleSetAssignmentUnits(plan, 1, 0.0000001),
    ]
    for (const result of refused) expect(result.ok, JSON.stringify(result)).toBe(false)
    expect(refused.map((result) => (result.ok ? '' : result.message)).slice(0, 3)).toEqual([
      'Work cannot be negative (-1 h).',
      'Work must be a number of hours, e.g. 16h.',
      'Work of 16666666666.67 h is not plausible (more than 166666666.67 h).',
    ])
    expect(refused[10]?.ok === false && refused[10].message).toBe(
      '32 h of work in "Build" would need 1600 % of Ana, more than 1000 %.',
    )
    expect(plan).toEqual(fourDays())
  })
})

describe('manual tasks: typed dates and the mode switch', () => {
  const plan = (): Plan =>
    makeJanuaryPlan('p', 'P', {
      tasks: [makeTask(1, { name: 'Setup', duration: 2 * 480 })],
      resources: [makeResource(1, 'Ana')],
      assignments: [makeAssignment(1, 1, 1, 100, 0)],
    })
  const ok = (result: TaskRuleResult): Plan => {
    if (!result.ok) throw new Error(result.message)
    return result.plan
  }

  it('switching to manual keeps the scheduled dates; typing a start keeps the duration, a finish measures it', () => {
    const manual = ok(
      taskRuleSetMode(plan(), 1, 'manual', {
        start: '2026-01-05T08:00:00',
        finish: '2026-01-06T17:00:00',
        duration: 960,
      }),
    )
    expect(manual.tasks[0]).toMatchObject({
      schedulingMode: 'manual',
      manualStart: '2026-01-05T08:00:00',
      manualFinish: '2026-01-06T17:00:00',
      manualDuration: 960,
    })
    const later = ok(taskRuleManualChange(manual, 1, { start: '2026-01-08T08:00:00' }))
    // Thursday 8th + 2 days = Friday 9th 17:00.
    expect(later.tasks[0]).toMatchObject({
      manualStart: '2026-01-08T08:00:00',
      manualFinish: '2026-01-09T17:00:00',
      manualDuration: 960,
    })
    const longer = ok(taskRuleManualChange(later, 1, { finish: '2026-01-13T17:00:00' }))
    // Thu, Fri, Mon, Tue: 4 days; fixed units, so Ana's work follows (32 h).
    expect(longer.tasks[0]).toMatchObject({ manualDuration: 1920, duration: 1920, work: 1920 })
    expect(longer.assignments[0]?.work).toBe(1920)
    const blank = ok(taskRuleManualChange(longer, 1, { start: null }))
    expect(blank.tasks[0]).toMatchObject({ manualStart: null, manualFinish: '2026-01-13T17:00:00' })
    const back = ok(taskRuleSetMode(longer, 1, 'auto', null))
    expect(back.tasks[0]).toMatchObject({
      schedulingMode: 'auto',
      duration: 1920,
      manualStart: '2026-01-08T08:00:00',
    })
  })

  it('refuses a finish before the start, and typed dates on an automatic task', () => {
    const manual = ok(
      taskRuleSetMode(plan(), 1, 'manual', {
        start: '2026-01-05T08:00:00',
        finish: '2026-01-06T17:00:00',
        duration: 960,
      }),
    )
    expect(taskRuleManualChange(manual, 1, { finish: '2026-01-02T17:00:00' })).toEqual({
      ok: false,
      message: '"Setup" cannot finish (2026-01-02 17:00) before it starts (2026-01-05 08:00).',
    })
    expect(taskRuleManualChange(plan(), 1, { start: '2026-01-08T08:00:00' }).ok).toBe(false)
  })
})

describe('a resource calendar with no working time', () => {
  it('is refused with the calendar named, and the plan stays as it was', () => {
    const plan = makeJanuaryPlan('p', 'P', { resources: [makeResource(1, 'Ana', { calendarId: 2 })] })
    const empty: Calendar = {
      id: 2,
      name: 'Ana',
      baseCalendarId: null,
      weekDays: [0, 1, 2, 3, 4, 5, 6].map(() => ({ periods: [] })),
      exceptions: [],
      workWeeks: [],
    }
    expect(resourceRuleCalendarProblem(plan, empty)).toBe(
      'Calendar "Ana" has no working time: tasks on it could never be scheduled.',
    )
    expect(
      resourceRuleCalendarProblem(plan, {
        ...empty,
        weekDays: [null, null, null, null, null, null, null],
        baseCalendarId: 1,
      }),
    ).toBeNull()
    expect(resourceRuleCalendarProblem(plan, { ...empty, baseCalendarId: 99 })).toBe(
      'Calendar 99 does not exist.',
    )
  })
})

describe('filling in the work of assignments that came without it', () => {
  it('sums people into their task’s work, but not a material’s quantity (as the engine rolls it up)', () => {
    const plan = makeJanuaryPlan('p-material', 'Cabling', {
      tasks: [makeTask(1, { name: 'Pull cable', duration: 2 * 480 })],
      resources: [makeResource(1, 'Ana'), makeResource(2, 'Cable', { type: 'material' })],
      assignments: [makeAssignment(1, 1, 1, 100, 0), makeAssignment(2, 1, 2, 100, 300)],
    })
    expect(plan.assignments.map((assignment) => assignment.work)).toEqual([2 * 480, 300])
    expect(plan.tasks[0]?.work).toBe(2 * 480)
    expect(taskRuleFillWork(plan)).toBe(plan)
  })
})
