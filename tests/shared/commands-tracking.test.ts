import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CommandId, CommandInput } from '../../src/shared/commands/registry'
import { commandRun } from '../../src/shared/commands/run'
import { baselineVariance } from '../../src/shared/domain/baseline'
import { makeAssignment, makePlan, makeResource, makeTask } from '../../src/shared/domain/defaults'
import type { Plan, Task } from '../../src/shared/domain/model'
import { progressActualDuration, progressApply, progressRemainingDuration, progressRemainingWork } from '../../src/shared/domain/progress'
import { scheduleRun } from '../../src/shared/domain/schedule'
import type { Schedule } from '../../src/shared/domain/schedule-types'

/**
 * Mon 2026-03-02 08:00, standard calendar (Mon-Fri 08:00-12:00, 13:00-17:00):
 *   1 Phase        summary of 2 and 3
 *   2   Design     2d, Ana full time (16 h)
 *   3   Build      3d after Design, Ana full time (24 h)
 *   4 Go-live      milestone after Build
 */
function plan(): Plan {
  const tasks: Task[] = [
    makeTask(1, { name: 'Phase' }),
    makeTask(2, { name: 'Design', level: 2, duration: 960, work: 960 }),
    makeTask(3, { name: 'Build', level: 2, duration: 1440, work: 1440 }),
    makeTask(4, { name: 'Go-live', duration: 0, isMilestone: true }),
  ]
  return makePlan('p', 'Tracking', '2026-03-02T08:00:00', '2026-03-01T00:00:00', {
    tasks,
    dependencies: [
      { id: 1, predecessorId: 2, successorId: 3, type: 'FS', lag: 0, lagUnit: 'd' },
      { id: 2, predecessorId: 3, successorId: 4, type: 'FS', lag: 0, lagUnit: 'd' },
    ],
    resources: [makeResource(1, 'Ana', { standardRate: 50 })],
    assignments: [makeAssignment(1, 2, 1, 100, 960), makeAssignment(2, 3, 1, 100, 1440)],
  })
}

function scheduled(current: Plan): Schedule {
  const result = scheduleRun(current)
  if (!result.ok) throw new Error('not scheduled')
  return result.schedule
}

function run<Id extends CommandId>(current: Plan, id: Id, input: CommandInput<Id>, selection: number[] = []) {
  return commandRun(current, id, input, { selection, schedule: scheduled(current), clipboard: null })
}

function done<Id extends CommandId>(current: Plan, id: Id, input: CommandInput<Id>, selection: number[] = []): Plan {
  const result = run(current, id, input, selection)
  if (!result.ok) throw new Error(result.message)
  return result.plan
}

const byName = (current: Plan, name: string) => current.tasks.find((task) => task.name === name)

describe('baseline/set and baseline/clear', () => {
  it('saves every task’s start, finish, duration, work and cost in the chosen baseline and records when', () => {
    const costs = [2000, 800, 1200, 0]
    const next = done(plan(), 'baseline/set', { number: 3, scope: 'plan', now: '2026-02-27T16:00:00', costs })
    expect(byName(next, 'Design')?.baselines).toEqual([
      { number: 3, start: '2026-03-02T08:00:00', finish: '2026-03-03T17:00:00', duration: 960, work: 960, cost: 800, bcws: null, bcwp: null },
    ])
    expect(byName(next, 'Phase')?.baselines[0]).toMatchObject({ start: '2026-03-02T08:00:00', finish: '2026-03-06T17:00:00', duration: 2400, work: 2400, cost: 2000 })
    expect(next.tracking.baselines).toEqual([{ number: 3, setAt: '2026-02-27T16:00:00' }])
    // Without costs the baseline cost stays blank rather than a made-up 0.
    expect(byName(done(plan(), 'baseline/set', { number: 0, scope: 'plan', now: '2026-02-27T16:00:00' }), 'Design')?.baselines[0]?.cost).toBeNull()
  })

  it('saves only the selected tasks, and rolls them up into their summaries when asked', () => {
    const first = done(plan(), 'baseline/set', { number: 0, scope: 'plan', now: '2026-02-27T16:00:00', costs: [2000, 800, 1200, 0] })
    // Build slips by two days and costs more; re-baseline only Build.
    const slipped = { ...first, tasks: first.tasks.map((task) => (task.name === 'Build' ? { ...task, duration: 2400, work: 2400 } : task)), assignments: first.assignments.map((a) => (a.taskId === 3 ? { ...a, work: 2400 } : a)) }
    const alone = done(slipped, 'baseline/set', { number: 0, scope: 'selected', now: '2026-03-02T09:00:00', costs: [2800, 800, 2000, 0] }, [3])
    expect(byName(alone, 'Build')?.baselines[0]).toMatchObject({ finish: '2026-03-10T17:00:00', duration: 2400, cost: 2000 })
    expect(byName(alone, 'Phase')?.baselines[0]).toMatchObject({ finish: '2026-03-06T17:00:00', cost: 2000 })
    const rolled = done(slipped, 'baseline/set', { number: 0, scope: 'selected', rollUp: true, now: '2026-03-02T09:00:00', costs: [2800, 800, 2000, 0] }, [3])
    expect(byName(rolled, 'Phase')?.baselines[0]).toMatchObject({ start: '2026-03-02T08:00:00', finish: '2026-03-10T17:00:00', work: 3360, cost: 2800 })
    expect(byName(rolled, 'Go-live')?.baselines[0]?.finish).toBe('2026-03-06T17:00:00')
    expect(rolled.tracking.baselines).toEqual([{ number: 0, setAt: '2026-03-02T09:00:00' }])
  })

  it('clears a baseline for the selected tasks or the whole plan; refuses a number outside 0-10 and an empty selection', () => {
    const set = done(plan(), 'baseline/set', { number: 1, scope: 'plan', now: '2026-02-27T16:00:00' })
    const partly = done(set, 'baseline/clear', { number: 1, scope: 'selected' }, [2])
    expect(byName(partly, 'Design')?.baselines).toEqual([])
    expect(byName(partly, 'Build')?.baselines).toHaveLength(1)
    expect(partly.tracking.baselines).toHaveLength(1)
    const cleared = done(partly, 'baseline/clear', { number: 1, scope: 'plan' })
    expect(cleared.tasks.every((task) => task.baselines.length === 0)).toBe(true)
    expect(cleared.tracking.baselines).toEqual([])
    expect(run(plan(), 'baseline/set', { number: 11, scope: 'plan', now: '2026-02-27T16:00:00' })).toEqual({
      ok: false,
      message: 'There is no baseline 11; choose Baseline or Baseline 1 to 10. Nothing was changed.',
    })
    expect(run(plan(), 'baseline/set', { number: 0, scope: 'selected', now: '2026-02-27T16:00:00' })).toMatchObject({ ok: false, message: expect.stringContaining('Select the tasks') })
  })

  it('gives start, finish, duration, work and cost variances against the baseline', () => {
    const base = done(plan(), 'baseline/set', { number: 0, scope: 'plan', now: '2026-02-27T16:00:00', costs: [2000, 800, 1200, 0] })
    const slipped = { ...base, tasks: base.tasks.map((task) => (task.name === 'Design' ? { ...task, duration: 1440, work: 1440 } : task)), assignments: base.assignments.map((a) => (a.taskId === 2 ? { ...a, work: 1440 } : a)) }
    const variance = baselineVariance(slipped, scheduled(slipped), 0, [2400, 1200, 1200, 0])
    // Design: one day longer; Build starts and finishes one working day (480 min) later.
    expect([variance.start[1], variance.finish[1], variance.duration[1], variance.work[1], variance.cost[1]]).toEqual([0, 480, 480, 480, 400])
    expect([variance.start[2], variance.finish[2], variance.duration[2]]).toEqual([480, 480, 0])
    expect(variance.finish[3]).toBe(480)
    expect(Number.isNaN(baselineVariance(plan(), scheduled(plan()), 0).start[1])).toBe(true)
  })
})

describe('project/set-status-date', () => {
  it('sets the status date inside the plan, clears it, and refuses one outside the plan or unreadable', () => {
    const next = done(plan(), 'project/set-status-date', { text: '2026-03-04' })
    expect(next.statusDate).toBe('2026-03-04T17:00:00')
    expect(done(next, 'project/set-status-date', { text: '' }).statusDate).toBeNull()
    expect(run(plan(), 'project/set-status-date', { text: '2026-04-01' })).toEqual({
      ok: false,
      message: 'The status date 2026-04-01 17:00 is outside the plan (2026-03-02 to 2026-03-06). Nothing was changed.',
    })
    expect(run(plan(), 'project/set-status-date', { text: '2026-02-27' })).toMatchObject({ ok: false, message: expect.stringContaining('outside the plan') })
    expect(run(plan(), 'project/set-status-date', { text: 'soon' })).toMatchObject({ ok: false, message: expect.stringContaining('is not a date') })
  })
})

describe('task/set-progress and task/mark-on-track', () => {
  it('keeps progress consistent as Microsoft Project does', () => {
    const half = done(plan(), 'task/set-progress', { taskId: 2, field: 'percentComplete', text: '50%' })
    expect(byName(half, 'Design')).toMatchObject({ percentComplete: 50, actualStart: '2026-03-02T08:00:00', actualFinish: null, actualWork: 480 })
    expect(half.assignments[0]?.actualWork).toBe(480)
    const finished = done(half, 'task/set-progress', { taskId: 2, field: 'percentComplete', text: '100' })
    expect(byName(finished, 'Design')).toMatchObject({ actualFinish: '2026-03-03T17:00:00', actualWork: 960 })
    const cleared = done(finished, 'task/set-progress', { taskId: 2, field: 'percentComplete', text: '0' })
    expect(byName(cleared, 'Design')).toMatchObject({ actualStart: null, actualFinish: null, actualWork: 0 })
    const byFinish = done(plan(), 'task/set-progress', { taskId: 3, field: 'actualFinish', text: '2026-03-09 12:00' })
    expect(byName(byFinish, 'Build')).toMatchObject({ percentComplete: 100, actualStart: '2026-03-04T08:00:00', actualFinish: '2026-03-09T12:00:00' })
    const byRemaining = done(plan(), 'task/set-progress', { taskId: 3, field: 'remainingDuration', text: '1d' })
    expect(byName(byRemaining, 'Build')?.percentComplete).toBeCloseTo(66.667, 2)
    const byActual = done(plan(), 'task/set-progress', { taskId: 3, field: 'actualDuration', text: '2d' })
    expect(progressActualDuration(byName(byActual, 'Build') as Task)).toBe(960)
    expect(byName(done(plan(), 'task/set-progress', { taskId: 3, field: 'actualWork', text: '6h' }), 'Build')).toMatchObject({ actualWork: 360, actualStart: '2026-03-04T08:00:00' })
  })

  it('refuses an actual finish before the actual start, progress on a summary, more actual than planned', () => {
    const started = done(plan(), 'task/set-progress', { taskId: 3, field: 'actualStart', text: '2026-03-05' })
    const before = run(started, 'task/set-progress', { taskId: 3, field: 'actualFinish', text: '2026-03-04' })
    expect(before).toEqual({ ok: false, message: 'The actual finish 2026-03-04 17:00 is before the actual start 2026-03-05 08:00. Nothing was changed.' })
    expect(run(plan(), 'task/set-progress', { taskId: 1, field: 'percentComplete', text: '10' })).toMatchObject({ ok: false, message: expect.stringContaining('summary task') })
    expect(run(plan(), 'task/set-progress', { taskId: 2, field: 'actualDuration', text: '5d' })).toMatchObject({ ok: false, message: expect.stringContaining('longer than the task') })
    expect(run(plan(), 'task/set-progress', { taskId: 2, field: 'actualWork', text: '40h' })).toMatchObject({ ok: false, message: expect.stringContaining('more than the task') })
    expect(run(plan(), 'task/set-progress', { taskId: 2, field: 'percentComplete', text: '120' })).toMatchObject({ ok: false, message: expect.stringContaining('0 to 100') })
    const finished = done(plan(), 'task/set-progress', { taskId: 2, field: 'percentComplete', text: '100' })
    expect(run(finished, 'task/set-progress', { taskId: 2, field: 'actualFinish', text: 'NA' })).toMatchObject({ ok: false })
  })

  it('marks the selected tasks on track up to the status date', () => {
    const at = { ...plan(), statusDate: '2026-03-05T12:00:00' }
    const next = done(at, 'task/mark-on-track', {}, [2, 3, 4])
    expect(byName(next, 'Design')).toMatchObject({ percentComplete: 100, actualStart: '2026-03-02T08:00:00', actualFinish: '2026-03-03T17:00:00' })
    // Build: 12 of its 24 working hours are before Thursday noon.
    expect(byName(next, 'Build')).toMatchObject({ percentComplete: 50, actualStart: '2026-03-04T08:00:00', actualFinish: null, actualWork: 720 })
    expect(byName(next, 'Go-live')).toMatchObject({ percentComplete: 0, actualStart: null })
    expect(run(plan(), 'task/mark-on-track', {}, [2])).toMatchObject({ ok: false, message: expect.stringContaining('Set a status date first') })
  })

  it('property: actual + remaining = duration, actual work never above work, whatever progress is typed', () => {
    const fieldArbitrary = fc.constantFrom('percentComplete', 'actualDuration', 'remainingDuration', 'actualWork') 
    fc.assert(
      fc.property(fc.array(fc.record({ task: fc.constantFrom(2, 3), field: fieldArbitrary, amount: fc.integer({ min: 0, max: 110 }) }), { maxLength: 8 }), (edits) => {
        let current = plan()
        for (const edit of edits) {
          const value = edit.field === 'percentComplete' ? edit.amount : Math.round((edit.amount / 100) * 1440)
          const result = progressApply(current, scheduled(current), edit.task, { field: edit.field, value })
          if (result.ok) current = result.plan
        }
        for (const task of current.tasks) {
          expect(progressActualDuration(task) + progressRemainingDuration(task)).toBe(task.duration)
          expect(progressRemainingWork(task)).toBeGreaterThanOrEqual(0)
          expect(task.actualWork).toBeLessThanOrEqual(task.work + 1e-9)
          if (task.actualFinish !== null) expect(task.actualStart !== null && task.actualStart <= task.actualFinish).toBe(true)
          if (task.percentComplete > 0) expect(task.actualStart).not.toBeNull()
        }
        for (const assignment of current.assignments) expect(assignment.actualWork).toBeLessThanOrEqual(assignment.work + 1e-9)
      }),
      { seed: 16, numRuns: 150 },
    )
  })
})
