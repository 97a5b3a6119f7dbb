import { describe, expect, it } from 'vitest'
import { makeTask } from '../../src/shared/domain/defaults'
import { levelResources, type LevelingResult } from '../../src/shared/domain/leveling'
import { loadCompute } from '../../src/shared/domain/load'
import type { Dependency, Plan, Task } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'
import { dateFromWallMinutes } from '../../src/shared/domain/dates'
import { generatePlan } from '../support/generate-plan'
import { makeAssignments, makeJanuaryPlan, makeResource } from '../support/resource-plans'

/*
 * Plans start Monday 2026-01-05 08:00 on the Standard calendar (Mon-Fri 08-12, 13-17).
 *   Mo 5  Tu 6  We 7  Th 8  Fr 9 | Mo 12 Tu 13 We 14 Th 15 Fr 16
 */

function link(
  id: number,
  predecessorId: number,
  successorId: number,
  type: Dependency['type'] = 'FS',
  lag = 0,
): Dependency {
  return { id, predecessorId, successorId, type, lag, lagUnit: 'd' }
}

function build(
  tasks: Task[],
  assignments: Array<[taskId: number, resourceId: number, units?: number]>,
  extra: Partial<Plan> = {},
): Plan {
  return makeJanuaryPlan('level', 'Level', {
    tasks,
    resources: [makeResource(1, 'Ana'), makeResource(2, 'Ben', { maxUnits: 50 }), makeResource(3, 'Carla')],
    assignments: makeAssignments(assignments),
    ...extra,
  })
}

function leveled(
  plan: Plan,
  options: Parameters<typeof levelResources>[1] = {},
): Extract<LevelingResult, { ok: true }> {
  const result = levelResources(plan, options)
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '))
  return result
}

function dates(result: Extract<LevelingResult, { ok: true }>, taskId: number): [string, string] {
  const index = result.schedule.indexOf.get(taskId) as number
  return [
    dateFromWallMinutes(result.schedule.start[index] as number),
    dateFromWallMinutes(result.schedule.finish[index] as number),
  ]
}

const days = (count: number): number => count * 480

describe('levelResources', () => {
  it('delays the task with more slack; the critical one keeps its dates', () => {
    // A (3d) -> C (2d) is the critical chain; B (2d) has slack and shares Ana with A.
    const plan = build(
      [
        makeTask(1, { name: 'A', duration: days(3) }),
        makeTask(2, { name: 'B', duration: days(2) }),
        makeTask(3, { name: 'C', duration: days(2) }),
      ],
      [
        [1, 1],
        [2, 1],
      ],
      { dependencies: [link(1, 1, 3)] },
    )
    const result = leveled(plan)
    expect(dates(result, 1)).toEqual(['2026-01-05T08:00:00', '2026-01-07T17:00:00'])
    expect(dates(result, 2)).toEqual(['2026-01-08T08:00:00', '2026-01-09T17:00:00'])
    expect(result.summary.conflictsBefore).toBe(1)
    expect(result.summary.conflictsAfter).toBe(0)
    expect(result.summary.remaining).toEqual([])
    expect(result.summary.moved).toEqual([
      {
        taskId: 2,
        name: 'B',
        oldStart: '2026-01-05T08:00:00',
        oldFinish: '2026-01-06T17:00:00',
        newStart: '2026-01-08T08:00:00',
        newFinish: '2026-01-09T17:00:00',
        levelingDelay: 3 * 1440,
      },
    ])
    expect(result.summary.finishBefore).toBe(result.summary.finishAfter)
    expect(result.summary.finishDelay).toBe(0)
  })

  it('levels a task flagged as a milestone like any task of its duration', () => {
    // A (3d) -> C (2d) is critical; "Review" is flagged as a milestone but lasts 2 days and shares Ana with A.
    const plan = build(
      [
        makeTask(1, { name: 'A', duration: days(3) }),
        makeTask(2, { name: 'Review', duration: days(2), isMilestone: true }),
        makeTask(3, { name: 'C', duration: days(2) }),
      ],
      [
        [1, 1],
        [2, 1],
      ],
      { dependencies: [link(1, 1, 3)] },
    )
    const result = leveled(plan)
    expect(result.summary.conflictsBefore).toBe(1)
    expect(dates(result, 2)).toEqual(['2026-01-08T08:00:00', '2026-01-09T17:00:00'])
    expect(result.summary.conflictsAfter).toBe(0)
  })

  it('a higher priority keeps its dates even with more slack', () => {
    const plan = build(
      [
        makeTask(1, { name: 'A', duration: days(3) }),
        makeTask(2, { name: 'B', duration: days(2), priority: 900 }),
        makeTask(3, { name: 'C', duration: days(2) }),
      ],
      [
        [1, 1],
        [2, 1],
      ],
      { dependencies: [link(1, 1, 3)] },
    )
    const result = leveled(plan)
    expect(dates(result, 2)).toEqual(['2026-01-05T08:00:00', '2026-01-06T17:00:00'])
    expect(dates(result, 1)).toEqual(['2026-01-07T08:00:00', '2026-01-09T17:00:00'])
    // The successor of the delayed task moves with it, and the plan finish moves by two days.
    expect(dates(result, 3)).toEqual(['2026-01-12T08:00:00', '2026-01-13T17:00:00'])
    expect(result.summary.finishDelay).toBe(days(2))
    expect(result.summary.moved.map((move) => move.taskId)).toEqual([1, 3])
  })

  it('separates two 4-hour tasks booked the same morning: the second moves to the afternoon', () => {
    const plan = build(
      [
        makeTask(1, { name: 'A', duration: 240, durationUnit: 'h' }),
        makeTask(2, { name: 'B', duration: 240, durationUnit: 'h' }),
      ],
      [
        [1, 1],
        [2, 1],
      ],
    )
    const result = leveled(plan)
    expect(dates(result, 1)).toEqual(['2026-01-05T08:00:00', '2026-01-05T12:00:00'])
    expect(dates(result, 2)).toEqual(['2026-01-05T13:00:00', '2026-01-05T17:00:00'])
    expect(result.summary.conflictsAfter).toBe(0)
  })

  it('lets tasks at 50 % share a full-time resource and keeps a part-timer within 50 %', () => {
    const plan = build(
      [
        makeTask(1, { duration: days(2) }),
        makeTask(2, { duration: days(2) }),
        makeTask(3, { duration: days(2) }),
        makeTask(4, { duration: days(2) }),
      ],
      [
        [1, 1, 50],
        [2, 1, 50],
        [3, 2, 50],
        [4, 2, 50],
      ],
    )
    const result = leveled(plan)
    expect(dates(result, 2)[0]).toBe('2026-01-05T08:00:00')
    expect(dates(result, 4)[0]).toBe('2026-01-07T08:00:00')
    expect(result.summary.moved.map((move) => move.taskId)).toEqual([4])
  })

  it('never breaks links: a delayed predecessor pushes its successors (SS and FF too)', () => {
    const plan = build(
      [
        makeTask(1, { name: 'Hot', duration: days(5) }),
        makeTask(2, { name: 'A', duration: days(2) }),
        makeTask(3, { name: 'B', duration: days(1) }),
        makeTask(4, { name: 'C', duration: days(3) }),
        makeTask(5, { name: 'End', duration: days(10) }),
      ],
      [
        [1, 1],
        [2, 1],
      ],
      { dependencies: [link(1, 1, 5), link(2, 2, 3, 'SS', days(1)), link(3, 2, 4, 'FF')] },
    )
    const result = leveled(plan)
    const [aStart, aFinish] = dates(result, 2)
    expect(aStart).toBe('2026-01-12T08:00:00')
    expect(dates(result, 3)[0] >= '2026-01-13T08:00:00').toBe(true)
    expect(dates(result, 4)[1] >= aFinish).toBe(true)
    expect(result.summary.conflictsAfter).toBe(0)
  })

  it('within slack only: the finish never moves and what needs more slack is reported', () => {
    // A (3d) -> C (2d) critical; B (4d) would need to wait until Thursday and end after the plan finish.
    const plan = build(
      [
        makeTask(1, { name: 'A', duration: days(3) }),
        makeTask(2, { name: 'B', duration: days(4) }),
        makeTask(3, { name: 'C', duration: days(2) }),
      ],
      [
        [1, 1],
        [2, 1],
      ],
      { dependencies: [link(1, 1, 3)] },
    )
    const before = scheduleRun(plan)
    if (!before.ok) throw new Error('unscheduled')
    const result = leveled(plan, { withinSlackOnly: true })
    expect(result.schedule.projectFinish).toBe(before.schedule.projectFinish)
    expect(result.summary.finishDelay).toBe(0)
    expect(result.summary.conflictsAfter).toBe(1)
    expect(result.summary.remaining[0]?.reasons.join(' ')).toMatch(/"B" has not enough slack/)
    // Without the option it is resolved by moving the finish.
    const free = leveled(plan)
    expect(free.summary.conflictsAfter).toBe(0)
    expect(free.summary.finishDelay).toBeGreaterThan(0)
  })

  it('only moves tasks inside the range', () => {
    const plan = build(
      [
        makeTask(1, { name: 'A', duration: days(2) }),
        makeTask(2, { name: 'B', duration: days(2) }),
        makeTask(3, {
          name: 'C',
          duration: days(2),
          constraint: { type: 'SNET', date: '2026-01-19T08:00:00' },
        }),
        makeTask(4, {
          name: 'D',
          duration: days(2),
          constraint: { type: 'SNET', date: '2026-01-19T08:00:00' },
        }),
      ],
      [
        [1, 1],
        [2, 1],
        [3, 1],
        [4, 1],
      ],
    )
    const result = leveled(plan, { range: { from: '2026-01-12', to: '2026-01-31' } })
    expect(result.summary.moved.map((move) => move.taskId)).toEqual([4])
    expect(result.summary.remaining).toHaveLength(1)
    expect(result.summary.remaining[0]?.conflict.start).toBe('2026-01-05')
    expect(result.summary.remaining[0]?.reasons).toEqual([
      '"A" lies outside the leveling range',
      '"B" lies outside the leveling range',
    ])
  })

  it.each([
    ['an actual start', { actualStart: '2026-01-05T08:00:00' }],
    ['a must-start-on date', { constraint: { type: 'MSO' as const, date: '2026-01-05T08:00:00' } }],
  ])('does not move a task with %s', (_, fixed) => {
    const plan = build(
      [
        makeTask(1, { name: 'Fixed', duration: days(2), priority: 0, ...fixed }),
        makeTask(2, { name: 'Other', duration: days(2), priority: 1000 }),
      ],
      [
        [1, 1],
        [2, 1],
      ],
    )
    const result = leveled(plan)
    expect(dates(result, 1)[0]).toBe('2026-01-05T08:00:00')
    // The other task moves instead, despite its priority.
    expect(dates(result, 2)[0]).toBe('2026-01-07T08:00:00')
    expect(result.summary.conflictsAfter).toBe(0)
  })

  it('explains a conflict between two tasks that cannot move', () => {
    const plan = build(
      [
        makeTask(1, { name: 'Started', duration: days(2), actualStart: '2026-01-05T08:00:00' }),
        makeTask(2, {
          name: 'Pinned',
          duration: days(2),
          constraint: { type: 'MSO', date: '2026-01-06T08:00:00' },
        }),
      ],
      [
        [1, 1],
        [2, 1],
      ],
    )
    const result = leveled(plan)
    expect(result.summary.moved).toEqual([])
    expect(result.summary.remaining[0]?.reasons).toEqual([
      '"Started" has already started, so it cannot be delayed',
      '"Pinned" must start on 2026-01-06T08:00:00, so it cannot be delayed',
    ])
  })

  it('reports a task that alone needs more than the resource has', () => {
    const plan = build([makeTask(1, { name: 'Big', duration: days(2) })], [[1, 2, 100]])
    const result = leveled(plan)
    expect(result.summary.moved).toEqual([])
    expect(result.summary.remaining).toHaveLength(1)
    expect(result.summary.remaining[0]?.reasons).toEqual(['"Big" needs 100 % of Ben, who works at most 50 %'])
  })

  it('respects a start-no-later-than date and says so', () => {
    const plan = build(
      [
        makeTask(1, { name: 'A', duration: days(3), priority: 900 }),
        makeTask(2, {
          name: 'B',
          duration: days(2),
          constraint: { type: 'SNLT', date: '2026-01-06T08:00:00' },
        }),
      ],
      [
        [1, 1],
        [2, 1],
      ],
    )
    const result = leveled(plan)
    expect(dates(result, 2)[0]).toBe('2026-01-05T08:00:00')
    expect(result.summary.remaining[0]?.reasons).toEqual(['"B" must start no later than 2026-01-06T08:00:00'])
  })

  it('does not push a task past the slack of a successor that must start by a date', () => {
    // B -> D (SNLT Thursday): B may move only within that slack.
    const plan = build(
      [
        makeTask(1, { name: 'A', duration: days(3), priority: 900 }),
        makeTask(2, { name: 'B', duration: days(2) }),
        makeTask(3, {
          name: 'D',
          duration: days(1),
          constraint: { type: 'SNLT', date: '2026-01-08T08:00:00' },
        }),
      ],
      [
        [1, 1],
        [2, 1],
      ],
      { dependencies: [link(1, 2, 3)] },
    )
    const result = leveled(plan)
    const [, bFinish] = dates(result, 2)
    const [dStart] = dates(result, 3)
    expect(dStart <= '2026-01-08T08:00:00').toBe(true)
    expect(bFinish <= dStart || dStart === '2026-01-08T08:00:00').toBe(true)
    expect(result.summary.remaining[0]?.reasons.join(' ')).toMatch(/"B" cannot move past its slack/)
  })

  it('works under summaries, with a link to a summary', () => {
    const plan = build(
      [
        makeTask(1, { name: 'Phase 1', level: 1 }),
        makeTask(2, { name: 'A', level: 2, duration: days(2) }),
        makeTask(3, { name: 'B', level: 2, duration: days(2) }),
        makeTask(4, { name: 'Phase 2', level: 1 }),
        makeTask(5, { name: 'C', level: 2, duration: days(1) }),
      ],
      [
        [2, 1],
        [3, 1],
        [5, 1],
        [1, 3],
      ],
      { dependencies: [link(1, 1, 4)] },
    )
    const result = leveled(plan)
    expect(result.summary.conflictsAfter).toBe(0)
    expect(dates(result, 3)[0]).toBe('2026-01-07T08:00:00')
    // Phase 2 follows the whole of Phase 1, B included (A Mon-Tue, B Wed-Thu, C Friday).
    expect(dates(result, 5)[0]).toBe('2026-01-09T08:00:00')
  })

  it('recomputes old leveling delays and leaves the input plan untouched', () => {
    const plan = build([makeTask(1, { name: 'A', duration: days(2), levelingDelay: 10 * 1440 })], [[1, 1]])
    const before = JSON.stringify(plan)
    const result = leveled(plan)
    expect(JSON.stringify(plan)).toBe(before)
    expect(result.plan.tasks[0]?.levelingDelay).toBe(0)
    expect(dates(result, 1)[0]).toBe('2026-01-05T08:00:00')
    expect(result.summary.moved.map((move) => move.taskId)).toEqual([1])
  })

  it('returns the same plan object when there is nothing to level', () => {
    const plan = build(
      [makeTask(1, { duration: days(2) }), makeTask(2, { duration: days(2) })],
      [
        [1, 1],
        [2, 3],
      ],
    )
    const result = leveled(plan)
    expect(result.plan).toBe(plan)
    expect(result.summary).toMatchObject({ moved: [], conflictsBefore: 0, conflictsAfter: 0, remaining: [] })
  })

  it('refuses a plan that cannot be scheduled', () => {
    const plan = build([makeTask(1), makeTask(2)], [], { dependencies: [link(1, 1, 2), link(2, 2, 1)] })
    const result = levelResources(plan)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems[0]?.kind).toBe('cycle')
  })

  it('its reported load is the load of its schedule', () => {
    const plan = build(
      [
        makeTask(1, { duration: days(3) }),
        makeTask(2, { duration: days(2) }),
        makeTask(3, { duration: days(4) }),
      ],
      [
        [1, 1],
        [2, 1],
        [3, 1, 50],
        [3, 3],
      ],
    )
    const result = leveled(plan)
    expect(result.load.conflicts).toEqual(loadCompute(result.plan, result.schedule).conflicts)
    expect(result.summary.conflictsAfter).toBe(0)
  })

  it.each([3, 4])(
    'on a generated plan (seed %i) only conflicts no delay can fix remain, and the finish holds within slack',
    (seed) => {
      const plan = generatePlan({ tasks: 600, seed, resources: 8, assignmentsPerTask: 1.4 })
      const result = leveled(plan)
      expect(result.summary.conflictsBefore).toBeGreaterThan(10)
      expect(result.summary.moved.length).toBeGreaterThan(50)
      // Part-timers booked above their max units cannot be fixed by delaying; everything else is resolved.
      for (const remaining of result.summary.remaining) {
        for (const reason of remaining.reasons)
          expect(reason).toMatch(/needs \d+ % of Resource \d+, who works at most 50 %/)
      }
      const within = leveled(plan, { withinSlackOnly: true })
      expect(within.summary.finishAfter).toBe(within.summary.finishBefore)
      // Fewer hours of over-allocation (the number of periods may grow when a period is split).
      const excess = (conflicts: Array<{ excessWork: number }>): number =>
        conflicts.reduce((sum, conflict) => sum + conflict.excessWork, 0)
      const beforeSchedule = scheduleRun(plan)
      if (!beforeSchedule.ok) throw new Error('unscheduled')
      expect(excess(within.load.conflicts)).toBeLessThan(
        excess(loadCompute(plan, beforeSchedule.schedule).conflicts),
      )
    },
  )
})
