import { describe, expect, it } from 'vitest'
import { makeAssignment, makePlan, makeTask } from '../../src/shared/domain/defaults'
import { taskRuleFillWork } from '../../src/shared/domain/task-rules'
import { loadCompute } from '../../src/shared/domain/load'
import type { Assignment, Dependency, Plan, Resource, Task } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'
import type { Schedule } from '../../src/shared/domain/schedule-types'
import { suggestionApply, suggestionsForConflict, type Suggestion } from '../../src/shared/domain/suggestions'
import { makeResource as makeSupportResource } from '../support/resource-plans'

/*
 * Mon 2026-01-05, Standard calendar.
 *   A (3d, Ana) ──FS──> C (2d)      critical: A Mon-Wed, C Thu-Fri
 *   B (2d, Ana)                      3 days of slack, collides with A Mon-Tue
 */

/** The suggestions tests' people are developers unless a test says otherwise. */
function makeResource(id: number, name: string, overrides: Partial<Resource> = {}): Resource {
  return makeSupportResource(id, name, { role: 'Developer', ...overrides })
}

const link: Dependency = { id: 1, predecessorId: 1, successorId: 3, type: 'FS', lag: 0, lagUnit: 'd' }

function build(
  assignments: Array<[taskId: number, resourceId: number, units: number]>,
  resources?: Resource[],
  tasks?: Task[],
): Plan {
  return taskRuleFillWork(
    makePlan('s', 'S', '2026-01-05T08:00:00', '2026-01-01T00:00:00', {
      tasks: tasks ?? [
        makeTask(1, { name: 'A', duration: 3 * 480 }),
        makeTask(2, { name: 'B', duration: 2 * 480 }),
        makeTask(3, { name: 'C', duration: 2 * 480 }),
      ],
      dependencies: [link],
      resources: resources ?? [
        makeResource(1, 'Ana'),
        makeResource(2, 'Ben', { maxUnits: 50, role: 'Tester' }),
        makeResource(3, 'Carla', { role: 'Tester' }),
        makeResource(4, 'Dev', { nonWorkingDays: [{ from: '2026-01-06', to: '2026-01-06' }] }),
        makeResource(5, 'Eli'),
      ],
      assignments: assignments.map(([taskId, resourceId, units], index): Assignment =>
        makeAssignment(index + 1, taskId, resourceId, units, 0),
      ),
    }),
  )
}

function schedule(plan: Plan): Schedule {
  const result = scheduleRun(plan)
  if (!result.ok) throw new Error(result.problems[0]?.message)
  return result.schedule
}

function suggest(plan: Plan): { suggestions: Suggestion[]; schedule: Schedule } {
  const scheduled = schedule(plan)
  const [conflict] = loadCompute(plan, scheduled).conflicts
  if (conflict === undefined) throw new Error('no conflict')
  return { suggestions: suggestionsForConflict(plan, scheduled, conflict), schedule: scheduled }
}

describe('suggestionsForConflict', () => {
  it('suggests the smallest delays, the task with slack first, with slack figures', () => {
    const { suggestions } = suggest(
      build([
        [1, 1, 100],
        [2, 1, 100],
      ]),
    )
    const delays = suggestions.filter((suggestion) => suggestion.kind === 'delay')
    expect(delays).toEqual([
      expect.objectContaining({
        taskId: 2,
        workingDays: 3,
        newStart: '2026-01-08T08:00:00',
        newFinish: '2026-01-09T17:00:00',
        slackDays: 3,
        isFinishMoved: false,
      }),
      expect.objectContaining({
        taskId: 1,
        workingDays: 2,
        newStart: '2026-01-07T08:00:00',
        slackDays: 0,
        isFinishMoved: true,
      }),
    ])
    expect(delays[0]?.message).toBe(
      'Delay "B" by 3 working days (start 2026-01-08): Ana is then free for it; it uses 3 of its 3 days of slack; the plan finish does not move.',
    )
    expect(delays[0]).toMatchObject({ planFinishDelay: 0, planFinish: '2026-01-09T17:00:00' })
    // A has no slack: delaying it two days moves C and the plan finish by two days, measured on the engine.
    expect(delays[1]).toMatchObject({ planFinishDelay: 960, planFinish: '2026-01-13T17:00:00' })
    expect(delays[1]?.message).toMatch(
      /it has 0 days of slack; the plan finishes 2 working days later \(2026-01-13\)\.$/,
    )
  })

  it('suggests reassigning to resources free for the whole span, same role first, never one on vacation or too small', () => {
    const plan = build([
      [1, 1, 100],
      [2, 1, 100],
      [3, 5, 100],
    ])
    const { suggestions } = suggest(plan)
    const reassign = suggestions.filter((suggestion) => suggestion.kind === 'reassign')
    // Ben is a 50 % part-timer, Dev is on vacation on Tuesday; Eli (a Developer like Ana) is busy only later
    // (C, Thu-Fri) and comes before Carla (a Tester).
    expect(
      reassign.map(
        (suggestion) =>
          suggestion.kind === 'reassign' && [
            suggestion.taskId,
            suggestion.toResourceId,
            suggestion.freeUnits,
          ],
      ),
    ).toEqual([
      [2, 5, 100],
      [2, 3, 100],
      [1, 5, 100],
      [1, 3, 100],
    ])
    const ana = plan.resources[0] as Resource
    const testerPlan = { ...plan, resources: [{ ...ana, role: 'Tester' }, ...plan.resources.slice(1)] }
    const toSameRole = suggest(testerPlan).suggestions.filter((suggestion) => suggestion.kind === 'reassign')
    expect(toSameRole[0]).toMatchObject({ toResourceId: 3, isSameRole: true })
    expect(toSameRole[0]?.message).toBe(
      'Reassign "B" from Ana to Carla (also Tester): Carla is loaded at most 0 % of 100 % from 2026-01-05 to 2026-01-06, so 100 % is free for the 100 % the task needs. Then the plan finish does not move.',
    )
  })

  it('suggests the units that make a task fit', () => {
    const { suggestions } = suggest(
      build([
        [1, 1, 100],
        [2, 1, 60],
      ]),
    )
    const reductions = suggestions.filter((suggestion) => suggestion.kind === 'reduce-units')
    // Fixed units (Microsoft Project's default): the 24 h of work stay, so at 40 % A takes 7.5 days, and C after it.
    expect(reductions).toEqual([
      expect.objectContaining({
        taskId: 1,
        fromUnits: 100,
        toUnits: 40,
        fromWork: 1440,
        toWork: 1440,
        fromFinish: '2026-01-07T17:00:00',
        toFinish: '2026-01-14T12:00:00',
        planFinishDelay: 2160,
      }),
    ])
    expect(reductions[0]?.message).toBe(
      'Reduce Ana on "A" from 100 % to 40 %: the same 24 h of work then take 7.5 days instead of 3 (finish 2026-01-14); the plan finishes 4.5 working days later (2026-01-16).',
    )
    // A fixed-duration task keeps its dates and loses work instead.
    const fixed = build([
      [1, 1, 100],
      [2, 1, 60],
    ])
    const fixedPlan = {
      ...fixed,
      tasks: fixed.tasks.map((task) => (task.id === 1 ? { ...task, type: 'fixed-duration' as const } : task)),
    }
    const fixedReduction = suggest(fixedPlan).suggestions.find(
      (suggestion) => suggestion.kind === 'reduce-units',
    )
    expect(fixedReduction).toMatchObject({ toWork: 576, planFinishDelay: 0 })
    expect(fixedReduction?.message).toBe(
      'Reduce Ana on "A" from 100 % to 40 %: 24 h of work become 9.6 h in the same dates (the task has a fixed duration); the plan finish does not move.',
    )
  })

  it('a part-timer booked full time: reduce to their capacity', () => {
    const plan = build([[2, 2, 100]])
    const { suggestions } = suggest(plan)
    expect(suggestions.find((suggestion) => suggestion.kind === 'reduce-units')).toMatchObject({
      taskId: 2,
      fromUnits: 100,
      toUnits: 50,
    })
    // Delaying cannot help a task that alone is too big for the resource.
    expect(suggestions.some((suggestion) => suggestion.kind === 'delay')).toBe(false)
  })

  it('does not suggest delaying a task that has started', () => {
    const tasks = [
      makeTask(1, { name: 'A', duration: 3 * 480, actualStart: '2026-01-05T08:00:00' }),
      makeTask(2, { name: 'B', duration: 2 * 480, actualStart: '2026-01-05T08:00:00' }),
      makeTask(3, { name: 'C', duration: 2 * 480 }),
    ]
    const { suggestions } = suggest(
      build(
        [
          [1, 1, 100],
          [2, 1, 100],
        ],
        undefined,
        tasks,
      ),
    )
    expect(suggestions.filter((suggestion) => suggestion.kind === 'delay')).toEqual([])
    expect(suggestions.length).toBeGreaterThan(0)
  })
})

describe('suggestionApply', () => {
  it.each(['delay', 'reduce-units', 'reassign'] as const)(
    'carrying out a %s suggestion takes its task out of the conflict',
    (kind) => {
      const plan = build([
        [1, 1, 100],
        [2, 1, 60],
      ])
      const { suggestions, schedule: before } = suggest(plan)
      const suggestion = suggestions.find((candidate) => candidate.kind === kind)
      if (suggestion === undefined) throw new Error(`no ${kind} suggestion`)
      const next = suggestionApply(plan, before, suggestion)
      expect(next).not.toBe(plan)
      const after = schedule(next)
      const conflicts = loadCompute(next, after).conflicts
      expect(conflicts.flatMap((conflict) => conflict.taskIds)).not.toContain(suggestion.taskId)
      expect(conflicts).toEqual([])
      // The input plan is untouched.
      expect(plan.tasks.every((task) => task.levelingDelay === 0)).toBe(true)
      expect(plan.assignments.map((assignment) => [assignment.resourceId, assignment.units])).toEqual([
        [1, 100],
        [1, 60],
      ])
    },
  )

  it('a delay lands on the suggested start even after a weekend an earlier delay ended in', () => {
    // B already carries a delay that ends on Saturday 10:00, so it starts Monday 12th; C needs Ana Mon-Tue.
    const tasks = [
      makeTask(1, { name: 'A', duration: 480 }),
      makeTask(2, { name: 'B', duration: 480, levelingDelay: 5 * 1440 + 120 }),
      makeTask(3, {
        name: 'C',
        duration: 2 * 480,
        priority: 900,
        constraint: { type: 'SNET', date: '2026-01-12T08:00:00' },
      }),
    ]
    const plan = build(
      [
        [2, 1, 100],
        [3, 1, 100],
      ],
      undefined,
      tasks,
    )
    const { suggestions, schedule: before } = suggest(plan)
    const delay = suggestions.find((suggestion) => suggestion.kind === 'delay' && suggestion.taskId === 2)
    expect(delay).toMatchObject({ workingDays: 2, newStart: '2026-01-14T08:00:00' })
    if (delay === undefined) return
    const next = suggestionApply(plan, before, delay)
    const after = schedule(next)
    expect(after.start[after.indexOf.get(2) as number]).toBe(
      (before.start[before.indexOf.get(2) as number] as number) + 2 * 1440,
    )
    expect(loadCompute(next, after).conflicts).toEqual([])
  })
})
