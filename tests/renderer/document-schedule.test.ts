import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Dependency, Plan, Task } from '../../src/shared/domain/model'
import { schedulePrepare, scheduleRun } from '../../src/shared/domain/schedule'
import type { ScheduleResult } from '../../src/shared/domain/schedule-types'
import {
  scheduleSessionStart,
  scheduleSessionUpdate,
  type ScheduleSession,
} from '../../src/renderer/src/stores/document-schedule'
import { generatePlan } from '../support/generate-plan'

/**
 * The store keeps the schedule current with the engine's incremental path where it can; whatever path an edit
 * takes, the result must be exactly what a full `scheduleRun` of the new plan gives.
 */

type Step =
  | { kind: 'duration'; pick: number; days: number }
  | { kind: 'constraint'; pick: number; type: 'ASAP' | 'SNET' | 'FNLT' | 'MSO' | 'ALAP'; day: number }
  | { kind: 'both'; pick: number; days: number; day: number }
  | { kind: 'many'; picks: number[]; days: number }
  | { kind: 'lag'; pick: number; lag: number }
  | { kind: 'link-add'; from: number; to: number }
  | { kind: 'link-remove'; pick: number }
  | { kind: 'rename'; pick: number }
  | { kind: 'progress'; pick: number; percent: number }
  | { kind: 'indent'; pick: number }
  | { kind: 'undo'; back: number }
  | { kind: 'mode'; pick: number; isManual: boolean; day: number }
  | { kind: 'units'; pick: number; units: number }
  | { kind: 'ignore'; pick: number }
  | { kind: 'work'; pick: number; hours: number }

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('duration' as const), pick: fc.nat(), days: fc.integer({ min: 0, max: 15 }) }),
  fc.record({
    kind: fc.constant('constraint' as const),
    pick: fc.nat(),
    type: fc.constantFrom('ASAP' as const, 'SNET' as const, 'FNLT' as const, 'MSO' as const, 'ALAP' as const),
    day: fc.integer({ min: 0, max: 60 }),
  }),
  fc.record({ kind: fc.constant('both' as const), pick: fc.nat(), days: fc.integer({ min: 1, max: 9 }), day: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ kind: fc.constant('many' as const), picks: fc.array(fc.nat(), { minLength: 2, maxLength: 12 }), days: fc.integer({ min: 0, max: 9 }) }),
  fc.record({ kind: fc.constant('lag' as const), pick: fc.nat(), lag: fc.integer({ min: -960, max: 4800 }) }),
  fc.record({ kind: fc.constant('link-add' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('link-remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('progress' as const), pick: fc.nat(), percent: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ kind: fc.constant('indent' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('undo' as const), back: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('mode' as const), pick: fc.nat(), isManual: fc.boolean(), day: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ kind: fc.constant('units' as const), pick: fc.nat(), units: fc.integer({ min: 10, max: 300 }) }),
  fc.record({ kind: fc.constant('ignore' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('work' as const), pick: fc.nat(), hours: fc.integer({ min: 0, max: 200 }) }),
)

function dayText(day: number): string {
  return new Date(Date.UTC(2026, 0, 5 + day, 8)).toISOString().slice(0, 19)
}

function withTask(plan: Plan, index: number, change: (task: Task) => Task): Plan {
  const tasks = plan.tasks.slice()
  tasks[index] = change(tasks[index] as Task)
  return { ...plan, tasks }
}

function apply(plan: Plan, step: Step, history: Plan[]): Plan {
  const count = plan.tasks.length
  switch (step.kind) {
    case 'duration':
      return withTask(plan, step.pick % count, (task) => ({ ...task, duration: step.days * 480, durationUnit: 'd', isMilestone: step.days === 0 }))
    case 'constraint': {
      const date = step.type === 'ASAP' || step.type === 'ALAP' ? null : dayText(step.day)
      return withTask(plan, step.pick % count, (task) => ({ ...task, constraint: { type: step.type, date } }))
    }
    case 'both':
      return withTask(plan, step.pick % count, (task) => ({
        ...task,
        duration: step.days * 480,
        isMilestone: false,
        constraint: { type: 'SNET', date: dayText(step.day) },
      }))
    case 'many': {
      const tasks = plan.tasks.slice()
      for (const pick of step.picks) {
        const task = tasks[pick % count] as Task
        tasks[pick % count] = { ...task, duration: step.days * 480 + 60, isMilestone: false }
      }
      return { ...plan, tasks }
    }
    case 'lag': {
      if (plan.dependencies.length === 0) return plan
      const dependencies = plan.dependencies.slice()
      const index = step.pick % dependencies.length
      dependencies[index] = { ...(dependencies[index] as Dependency), lag: step.lag, lagUnit: 'h' }
      return { ...plan, dependencies }
    }
    case 'link-add': {
      const from = plan.tasks[step.from % count] as Task
      const to = plan.tasks[step.to % count] as Task
      const id = Math.max(0, ...plan.dependencies.map((link) => link.id)) + 1
      return { ...plan, dependencies: [...plan.dependencies, { id, predecessorId: from.id, successorId: to.id, type: 'FS', lag: 0, lagUnit: 'd' }] }
    }
    case 'link-remove': {
      if (plan.dependencies.length === 0) return plan
      const index = step.pick % plan.dependencies.length
      return { ...plan, dependencies: plan.dependencies.filter((_, at) => at !== index) }
    }
    case 'rename':
      return withTask(plan, step.pick % count, (task) => ({ ...task, name: `${task.name}!` }))
    case 'progress':
      return withTask(plan, step.pick % count, (task) => ({ ...task, percentComplete: step.percent }))
    case 'indent': {
      const index = 1 + (step.pick % (count - 1))
      const above = plan.tasks[index - 1] as Task
      return withTask(plan, index, (task) => ({ ...task, level: Math.min(above.level + 1, task.level + 1) }))
    }
    case 'undo':
      return history[Math.max(0, history.length - step.back)] ?? plan
    case 'mode':
      // Manual with a typed start (finish and duration blank or kept), or automatic again.
      return withTask(plan, step.pick % count, (task) =>
        step.isManual
          ? { ...task, schedulingMode: 'manual', manualStart: dayText(step.day), manualFinish: null, manualDuration: task.duration }
          : { ...task, schedulingMode: 'auto' },
      )
    case 'units': {
      if (plan.assignments.length === 0) return plan
      const assignments = plan.assignments.slice()
      const index = step.pick % assignments.length
      const assignment = assignments[index] as Plan['assignments'][number]
      assignments[index] = { ...assignment, units: step.units }
      return { ...plan, assignments }
    }
    case 'ignore':
      return withTask(plan, step.pick % count, (task) => ({ ...task, ignoresResourceCalendars: !task.ignoresResourceCalendars }))
    case 'work':
      return withTask(plan, step.pick % count, (task) => ({ ...task, work: step.hours * 60 }))
  }
}

function expectSameResult(actual: ScheduleResult, expected: ScheduleResult): void {
  expect(actual.ok).toBe(expected.ok)
  if (!actual.ok || !expected.ok) {
    if (!actual.ok && !expected.ok) expect(actual.problems).toEqual(expected.problems)
    return
  }
  const a = actual.schedule
  const b = expected.schedule
  for (const key of [
    'start',
    'finish',
    'earlyStart',
    'earlyFinish',
    'lateStart',
    'lateFinish',
    'totalSlack',
    'freeSlack',
    'duration',
    'percentComplete',
    'isCritical',
    'isSummary',
    'parent',
    'work',
    'isManual',
    'isResourceDriven',
    'rolledStart',
    'rolledFinish',
    'assignmentStart',
    'assignmentFinish',
    'assignmentWork',
  ] as const) {
    expect(Array.from(a[key]), key).toEqual(Array.from(b[key]))
  }
  expect(a.taskCount).toBe(b.taskCount)
  expect([...a.indexOf]).toEqual([...b.indexOf])
  expect(a.projectStart).toBe(b.projectStart)
  expect(a.projectFinish).toBe(b.projectFinish)
  expect(a.linkViolations).toEqual(b.linkViolations)
  expect(a.stretches).toEqual(b.stretches)
}

describe('schedule session', () => {
  it('agrees with a full scheduleRun after every edit of random edit sequences', () => {
    const base = generatePlan({ tasks: 60, seed: 3, resources: 4 })
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 25 }), (steps) => {
        let session: ScheduleSession = scheduleSessionStart(schedulePrepare, base)
        const history: Plan[] = [base]
        for (const step of steps) {
          const next = apply(session.plan, step, history)
          session = scheduleSessionUpdate(schedulePrepare, session, next)
          history.push(next)
          expect(session.plan).toBe(next)
          expectSameResult(session.result, scheduleRun(next))
        }
      }),
      { numRuns: 150, seed: 20260601 },
    )
  })

  it('updates the engine in place for a duration edit instead of preparing the plan again', () => {
    const plan = generatePlan({ tasks: 200, seed: 5 })
    let prepares = 0
    const counting = (candidate: Plan) => {
      prepares++
      return schedulePrepare(candidate)
    }
    const session = scheduleSessionStart(counting, plan)
    const index = plan.tasks.findIndex((task, at) => (plan.tasks[at + 1]?.level ?? 0) <= task.level && !task.isMilestone)
    const next = withTask(plan, index, (task) => ({ ...task, duration: task.duration + 480 }))
    const updated = scheduleSessionUpdate(counting, session, next)
    expect(prepares).toBe(1)
    expect(updated.engine).toBe(session.engine)
    expectSameResult(updated.result, scheduleRun(next))
    // A task made manual is handed to the engine too, which re-schedules it in place.
    const manual = withTask(next, index, (task) => ({ ...task, schedulingMode: 'manual', manualStart: '2026-01-07T08:00:00', manualDuration: 480 }))
    const switched = scheduleSessionUpdate(counting, updated, manual)
    expect(prepares).toBe(1)
    expect(switched.engine).toBe(session.engine)
    expectSameResult(switched.result, scheduleRun(manual))
    // A calendar change prepares again.
    const calendars = manual.calendars.map((calendar) => ({ ...calendar, exceptions: [{ name: 'Holiday', from: '2026-01-07', to: '2026-01-07', periods: [] }] }))
    scheduleSessionUpdate(counting, switched, { ...manual, calendars })
    expect(prepares).toBe(2)
  })
})
