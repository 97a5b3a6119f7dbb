import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scheduleExtras } from '../support/schedule-extras'
import { dateToDayNumber, dateToWallMinutes } from '../../src/shared/domain/dates'
import { makeAssignment, calendarStandard, makeTask } from '../../src/shared/domain/defaults'
import {
  loadChangedTaskIds,
  loadCompute,
  loadDayPercent,
  loadSeries,
  loadUpdate,
} from '../../src/shared/domain/load'
import type { Assignment, Plan, Resource, Task } from '../../src/shared/domain/model'
import { schedulePrepare } from '../../src/shared/domain/schedule'
import type { Schedule } from '../../src/shared/domain/schedule-types'
import { generatePlan } from '../support/generate-plan'
import { makeAssignments, makeJanuaryPlan, makeResource } from '../support/resource-plans'

/*
 * January 2026:      Mo Tu We Th Fr Sa Su
 *                     5  6  7  8  9 10 11
 *                    12 13 14 15 16 17 18
 * Standard calendar: 08:00-12:00, 13:00-17:00 on weekdays.
 */

type Span = { start: string; finish: string }

/** A schedule built by hand: each task's span as given (summaries marked by outline level). */
function makeSchedule(plan: Plan, spans: Record<number, Span>): Schedule {
  const tasks = plan.tasks
  const count = tasks.length
  const schedule: Schedule = {
    taskCount: count,
    indexOf: new Map(tasks.map((task, index) => [task.id, index])),
    start: new Float64Array(count),
    finish: new Float64Array(count),
    earlyStart: new Float64Array(count),
    earlyFinish: new Float64Array(count),
    lateStart: new Float64Array(count),
    lateFinish: new Float64Array(count),
    totalSlack: new Float64Array(count),
    freeSlack: new Float64Array(count),
    duration: new Float64Array(count),
    percentComplete: new Float64Array(count),
    isCritical: new Uint8Array(count),
    isSummary: new Uint8Array(count),
    startsBeforeProjectStart: new Uint8Array(count),
    parent: new Int32Array(count).fill(-1),
    projectStart: 0,
    projectFinish: 0,
    ...scheduleExtras(plan, new Float64Array(count), new Float64Array(count)),
  }
  tasks.forEach((task, index) => {
    const span = spans[task.id] ?? { start: '2026-01-05T08:00', finish: '2026-01-05T08:00' }
    schedule.start[index] = dateToWallMinutes(span.start)
    schedule.finish[index] = dateToWallMinutes(span.finish)
    const next = tasks[index + 1]
    schedule.isSummary[index] = next !== undefined && next.level > task.level ? 1 : 0
  })
  Object.assign(schedule, scheduleExtras(plan, schedule.start, schedule.finish))
  return schedule
}

function setup(
  spans: Record<number, Span>,
  assignments: Array<[taskId: number, resourceId: number, units: number]>,
  options: { resources?: Resource[]; tasks?: Task[]; plan?: Partial<Plan> } = {},
): { plan: Plan; schedule: Schedule } {
  const tasks = options.tasks ?? Object.keys(spans).map((id) => makeTask(Number(id), { name: `T${id}` }))
  const plan = makeJanuaryPlan('p', 'P', {
    tasks,
    resources: options.resources ?? [makeResource(1, 'Ana'), makeResource(2, 'Ben', { maxUnits: 50 })],
    assignments: makeAssignments(assignments),
    ...options.plan,
  })
  return { plan, schedule: makeSchedule(plan, spans) }
}

/** setup()'s spans and assignments for tasks 1, 2, ... over the given spans, each Ana's (resource 1) at 100 %. */
function anaFullTime(...spans: Array<[start: string, finish: string]>): {
  spans: Record<number, Span>
  assignments: Array<[taskId: number, resourceId: number, units: number]>
} {
  return {
    spans: Object.fromEntries(spans.map(([start, finish], index) => [index + 1, { start, finish }])),
    assignments: spans.map((_, index): [number, number, number] => [index + 1, 1, 100]),
  }
}

const day = (text: string): number => dateToDayNumber(text)

type PeriodCase = {
  name: string
  spans: Record<number, Span>
  assignments: Array<[number, number, number]>
  expected: Array<Record<string, unknown>>
}

describe('loadCompute: over-allocation periods', () => {
  it.each<PeriodCase>([
    {
      name: 'two overlapping full days at 100 % give 200 %',
      ...anaFullTime(['2026-01-05T08:00', '2026-01-06T17:00'], ['2026-01-06T08:00', '2026-01-06T17:00']),
      expected: [
        {
          start: '2026-01-06',
          finish: '2026-01-06',
          peakPercent: 200,
          peakUnitsPercent: 200,
          taskIds: [1, 2],
        },
      ],
    },
    {
      name: 'a 50 % part-timer booked full time shows 200 %',
      spans: { 1: { start: '2026-01-05T08:00', finish: '2026-01-07T17:00' } },
      assignments: [[1, 2, 100]],
      expected: [{ start: '2026-01-05', finish: '2026-01-07', peakPercent: 200, taskIds: [1] }],
    },
    {
      name: 'a 50 % part-timer at 50 % is fully loaded, not over',
      spans: { 1: { start: '2026-01-05T08:00', finish: '2026-01-07T17:00' } },
      assignments: [[1, 2, 50]],
      expected: [],
    },
    {
      name: 'two 4-hour tasks in the same morning overlap although the day total is 8 h',
      ...anaFullTime(['2026-01-05T08:00', '2026-01-05T12:00'], ['2026-01-05T08:00', '2026-01-05T12:00']),
      expected: [
        {
          start: '2026-01-05',
          finish: '2026-01-05',
          peakPercent: 100,
          peakUnitsPercent: 200,
          taskIds: [1, 2],
          overMinutes: 240,
        },
      ],
    },
    {
      name: 'a morning task and an afternoon task do not overlap',
      ...anaFullTime(['2026-01-05T08:00', '2026-01-05T12:00'], ['2026-01-05T13:00', '2026-01-05T17:00']),
      expected: [],
    },
    {
      name: 'back-to-back tasks (one finishes when the other starts) do not overlap',
      ...anaFullTime(['2026-01-05T08:00', '2026-01-05T10:00'], ['2026-01-05T10:00', '2026-01-05T17:00']),
      expected: [],
    },
    {
      name: 'a two-hour overlap inside a day: only the overlapping tasks, 125 % of the day',
      ...anaFullTime(
        ['2026-01-05T08:00', '2026-01-05T12:00'],
        ['2026-01-05T10:00', '2026-01-05T17:00'],
        ['2026-01-06T08:00', '2026-01-06T17:00'],
      ),
      expected: [
        {
          start: '2026-01-05',
          finish: '2026-01-05',
          peakPercent: 125,
          taskIds: [1, 2],
          overMinutes: 120,
          excessWork: 120,
        },
      ],
    },
    {
      name: 'a weekend between two over-allocated days does not split the period',
      spans: {
        1: { start: '2026-01-09T08:00', finish: '2026-01-12T17:00' },
        2: { start: '2026-01-09T08:00', finish: '2026-01-12T17:00' },
      },
      assignments: [
        [1, 1, 60],
        [2, 1, 60],
      ],
      expected: [{ start: '2026-01-09', finish: '2026-01-12', peakPercent: 120, taskIds: [1, 2] }],
    },
    {
      name: 'a working day without conflict splits two periods',
      spans: {
        1: { start: '2026-01-05T08:00', finish: '2026-01-07T17:00' },
        2: { start: '2026-01-05T08:00', finish: '2026-01-05T17:00' },
        3: { start: '2026-01-07T08:00', finish: '2026-01-07T12:00' },
      },
      assignments: [
        [1, 1, 100],
        [2, 1, 100],
        [3, 1, 50],
      ],
      expected: [
        { start: '2026-01-05', finish: '2026-01-05', peakPercent: 200, taskIds: [1, 2] },
        {
          start: '2026-01-07',
          finish: '2026-01-07',
          peakPercent: 125,
          peakUnitsPercent: 150,
          taskIds: [1, 3],
        },
      ],
    },
  ])('$name', ({ spans, assignments, expected }) => {
    const { plan, schedule } = setup(spans, assignments)
    const load = loadCompute(plan, schedule)
    const periods = load.resources.flatMap((resource) => resource.periods)
    expect(periods).toHaveLength(expected.length)
    expected.forEach((period, index) => expect(periods[index]).toMatchObject(period))
  })

  it('a holiday between two over-allocated days does not split the period', () => {
    const calendar = calendarStandard()
    calendar.exceptions.push({ name: 'Holiday', from: '2026-01-06', to: '2026-01-06', periods: [] })
    const { spans, assignments } = anaFullTime(
      ['2026-01-05T08:00', '2026-01-07T17:00'],
      ['2026-01-05T08:00', '2026-01-07T17:00'],
    )
    const { plan, schedule } = setup(spans, assignments, { plan: { calendars: [calendar] } })
    const [ana] = loadCompute(plan, schedule).resources
    expect(ana?.periods).toMatchObject([{ start: '2026-01-05', finish: '2026-01-07', peakPercent: 200 }])
    expect(ana?.assigned[day('2026-01-06') - (ana?.firstDay ?? 0)]).toBe(0)
  })

  it('work on a vacation day does not count (the resource does not work then) and splits nothing', () => {
    const resources = [makeResource(1, 'Ana', { nonWorkingDays: [{ from: '2026-01-06', to: '2026-01-06' }] })]
    const { spans, assignments } = anaFullTime(
      ['2026-01-05T08:00', '2026-01-07T17:00'],
      ['2026-01-05T08:00', '2026-01-07T17:00'],
    )
    const { plan, schedule } = setup(spans, assignments, { resources })
    const [ana] = loadCompute(plan, schedule).resources
    expect(ana?.periods).toMatchObject([{ start: '2026-01-05', finish: '2026-01-07' }])
    const slot = day('2026-01-06') - (ana?.firstDay ?? 0)
    expect([ana?.assigned[slot], ana?.available[slot]]).toEqual([0, 0])
  })

  it('a vacation removes an over-allocation that falls entirely on it', () => {
    const resources = [makeResource(1, 'Ana', { nonWorkingDays: [{ from: '2026-01-06', to: '2026-01-08' }] })]
    const { spans, assignments } = anaFullTime(
      ['2026-01-07T08:00', '2026-01-07T17:00'],
      ['2026-01-07T08:00', '2026-01-07T17:00'],
    )
    const { plan, schedule } = setup(spans, assignments, { resources })
    expect(loadCompute(plan, schedule).conflicts).toEqual([])
  })

  it('a resource calendar with mornings only halves the available work', () => {
    const project = calendarStandard(1)
    const mornings = {
      id: 2,
      name: 'Mornings',
      baseCalendarId: 1,
      weekDays: [null, null, null, null, null, null, null],
      exceptions: [],
      workWeeks: [],
    } as Plan['calendars'][number]
    for (let weekday = 1; weekday <= 5; weekday++)
      mornings.weekDays[weekday] = { periods: [{ start: 480, end: 720 }] }
    const resources = [makeResource(1, 'Ana', { calendarId: 2 })]
    const spans = { 1: { start: '2026-01-05T08:00', finish: '2026-01-05T17:00' } }
    const { plan, schedule } = setup(spans, [[1, 1, 100]], {
      resources,
      plan: { calendars: [project, mornings] },
    })
    const [ana] = loadCompute(plan, schedule).resources
    expect([ana?.assigned[0], ana?.available[0]]).toEqual([240, 240])
    expect(ana?.periods).toEqual([])
  })

  it('two resources on one task: each carries the task, only the overloaded one is flagged', () => {
    const spans = {
      1: { start: '2026-01-05T08:00', finish: '2026-01-05T17:00' },
      2: { start: '2026-01-05T08:00', finish: '2026-01-05T17:00' },
    }
    const { plan, schedule } = setup(spans, [
      [1, 1, 50],
      [1, 2, 50],
      [2, 1, 100],
    ])
    const load = loadCompute(plan, schedule)
    const ana = load.byResource.get(1)
    const ben = load.byResource.get(2)
    expect([ana?.assigned[0], ben?.assigned[0]]).toEqual([720, 240])
    expect(ana?.periods).toMatchObject([{ peakPercent: 150, taskIds: [1, 2] }])
    expect(ben?.periods).toEqual([])
    expect([...load.overallocatedTaskIds].sort()).toEqual([1, 2])
    expect(load.conflicts.map((conflict) => conflict.resourceId)).toEqual([1])
  })

  it('summary tasks and milestones carry no load', () => {
    const tasks = [
      makeTask(1, { level: 1 }),
      makeTask(2, { level: 2 }),
      makeTask(3, { level: 1, isMilestone: true, duration: 0 }),
    ]
    const { spans, assignments } = anaFullTime(
      ['2026-01-05T08:00', '2026-01-05T17:00'],
      ['2026-01-05T08:00', '2026-01-05T17:00'],
      ['2026-01-05T17:00', '2026-01-05T17:00'],
    )
    const { plan, schedule } = setup(spans, assignments, { tasks })
    const ana = loadCompute(plan, schedule).byResource.get(1)
    expect(ana?.taskIds).toEqual([2])
    expect(ana?.assigned[0]).toBe(480)
    expect(ana?.periods).toEqual([])
  })

  it('a resource without assignments has empty series and no periods', () => {
    const { plan, schedule } = setup({ 1: { start: '2026-01-05T08:00', finish: '2026-01-05T17:00' } }, [])
    const load = loadCompute(plan, schedule)
    expect(load.resources.map((resource) => resource.assigned.length)).toEqual([0, 0])
    expect(load.conflicts).toEqual([])
  })
})

describe('load series', () => {
  const spans = {
    1: { start: '2026-01-05T08:00', finish: '2026-01-09T17:00' },
    2: { start: '2026-01-08T08:00', finish: '2026-01-13T17:00' },
  }

  it('gives day buckets with percent, null on weekends, and flags over-allocated days', () => {
    const { plan, schedule } = setup(spans, [
      [1, 1, 100],
      [2, 1, 50],
    ])
    const ana = loadCompute(plan, schedule).byResource.get(1)
    if (ana === undefined) throw new Error('no load')
    const buckets = loadSeries(
      ana,
      plan,
      plan.resources[0] as Resource,
      day('2026-01-07'),
      day('2026-01-12'),
      1,
    )
    expect(buckets.map((bucket) => [bucket.start, bucket.percent, bucket.isOverallocated])).toEqual([
      ['2026-01-07', 100, false],
      ['2026-01-08', 150, true],
      ['2026-01-09', 150, true],
      ['2026-01-10', null, false],
      ['2026-01-11', null, false],
      ['2026-01-12', 50, false],
    ])
    expect(loadDayPercent(ana, day('2026-01-20'), plan, plan.resources[0] as Resource)).toBe(0)
  })

  it('gives week buckets starting on the plan week start day, clipped to the range', () => {
    const { plan, schedule } = setup(spans, [
      [1, 1, 100],
      [2, 1, 50],
    ])
    const ana = loadCompute(plan, schedule).byResource.get(1)
    if (ana === undefined) throw new Error('no load')
    const weeks = loadSeries(
      ana,
      plan,
      plan.resources[0] as Resource,
      day('2026-01-07'),
      day('2026-01-20'),
      7,
    )
    expect(
      weeks.map((week) => [week.start, week.days, week.assigned, week.available, week.isOverallocated]),
    ).toEqual([
      ['2026-01-07', 5, 480 * 3 + 240 * 2, 480 * 3, true],
      ['2026-01-12', 7, 480, 2400, false],
      ['2026-01-19', 2, 0, 960, false],
    ])
  })
})

describe('loadUpdate', () => {
  it('after an edit equals a full computation and reuses untouched resources', () => {
    const spans = {
      1: { start: '2026-01-05T08:00', finish: '2026-01-06T17:00' },
      2: { start: '2026-01-06T08:00', finish: '2026-01-07T17:00' },
      3: { start: '2026-01-05T08:00', finish: '2026-01-05T17:00' },
    }
    const { plan, schedule } = setup(spans, [
      [1, 1, 100],
      [2, 1, 100],
      [3, 2, 100],
    ])
    const before = loadCompute(plan, schedule)
    expect(before.conflicts.map((conflict) => conflict.resourceId)).toEqual([2, 1])
    // Task 2 moves two days later: Ana's conflict disappears; Ben is untouched.
    const moved = makeSchedule(plan, {
      ...spans,
      2: { start: '2026-01-08T08:00', finish: '2026-01-09T17:00' },
    })
    expect(loadChangedTaskIds(plan, schedule, moved)).toEqual([2])
    const after = loadUpdate(before, plan, moved)
    const full = loadCompute(plan, moved)
    expect(after.conflicts).toEqual(full.conflicts)
    expect(after.byResource.get(2)).toBe(before.byResource.get(2))
    expect(after.byResource.get(1)?.assigned).toEqual(full.byResource.get(1)?.assigned)
    expect([...after.overallocatedTaskIds]).toEqual([3])
  })

  it('notices changed assignments without being told', () => {
    const { spans, assignments } = anaFullTime(
      ['2026-01-05T08:00', '2026-01-05T17:00'],
      ['2026-01-05T08:00', '2026-01-05T17:00'],
    )
    const { plan, schedule } = setup(spans, assignments)
    const before = loadCompute(plan, schedule)
    expect(before.conflicts).toHaveLength(1)
    const edited = {
      ...plan,
      assignments: [plan.assignments[0] as Assignment, makeAssignment(2, 2, 1, 0.001, 0.001 * 4.8)],
    }
    const after = loadUpdate(before, edited, schedule)
    expect(after.conflicts).toEqual(loadCompute(edited, schedule).conflicts)
    expect(after.conflicts).toHaveLength(1)
    const reassigned = { ...plan, assignments: [plan.assignments[0] as Assignment] }
    expect(loadUpdate(before, reassigned, schedule).conflicts).toEqual([])
  })
})

describe('loadUpdate equals loadCompute (property)', () => {
  it('after random duration, units and reassignment edits on a generated plan', () => {
    const plan = generatePlan({ tasks: 300, seed: 5, resources: 6, assignmentsPerTask: 1.4 })
    const prepared = schedulePrepare(plan)
    if (!prepared.ok) throw new Error(prepared.problems[0]?.message)
    const engine = prepared.engine
    const first = engine.run()
    if (!first.ok) throw new Error('unscheduled')
    const leaves = plan.tasks.filter(
      (task, index) => first.schedule.isSummary[index] === 0 && !task.isMilestone,
    )
    let current = loadCompute(plan, first.schedule)
    let assignments = plan.assignments
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({
            kind: fc.constant('duration' as const),
            task: fc.nat(),
            days: fc.integer({ min: 0, max: 8 }),
          }),
          fc.record({
            kind: fc.constant('units' as const),
            row: fc.nat(),
            units: fc.constantFrom(25, 50, 100, 150),
          }),
          fc.record({
            kind: fc.constant('reassign' as const),
            row: fc.nat(),
            resource: fc.integer({ min: 1, max: 6 }),
          }),
        ),
        (edit) => {
          let schedule = current.schedule
          if (edit.kind === 'duration') {
            const task = leaves[edit.task % leaves.length] as Task
            const result = engine.update({
              kind: 'duration',
              taskId: task.id,
              duration: edit.days * 480 + 240,
            })
            if (!result.ok) throw new Error('unscheduled')
            schedule = result.schedule
          } else {
            const row = edit.row % assignments.length
            const before = assignments[row] as Assignment
            const pairTaken = assignments.some(
              (other) =>
                other !== before &&
                other.taskId === before.taskId &&
                other.resourceId === (edit.kind === 'reassign' ? edit.resource : -1),
            )
            if (pairTaken) return
            assignments = assignments.map((assignment, index) =>
              index !== row
                ? assignment
                : edit.kind === 'units'
                  ? { ...assignment, units: edit.units }
                  : { ...assignment, resourceId: edit.resource },
            )
          }
          const next = { ...engine.plan, assignments }
          const updated = loadUpdate(current, next, schedule)
          const full = loadCompute(next, schedule)
          expect(updated.conflicts).toEqual(full.conflicts)
          expect([...updated.overallocatedTaskIds].sort((a, b) => a - b)).toEqual(
            [...full.overallocatedTaskIds].sort((a, b) => a - b),
          )
          updated.resources.forEach((resource, index) => {
            expect(Array.from(resource.assigned)).toEqual(Array.from(full.resources[index]?.assigned ?? []))
          })
          current = updated
        },
      ),
      { numRuns: 120, seed: 424242 },
    )
  })
})
