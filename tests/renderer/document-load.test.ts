import 'fake-indexeddb/auto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadCompute, type PlanLoad } from '../../src/shared/domain/load'
import type { Plan, Task } from '../../src/shared/domain/model'
import { schedulePrepare, scheduleRun } from '../../src/shared/domain/schedule'
import { planDbCreate } from '../../src/renderer/src/db/plan-db'
import { conflictText, overallocationByTask } from '../../src/renderer/src/features/resources/plan-load'
import { deriveWorkspace } from '../../src/renderer/src/features/workspace/derived'
import { createAppStore } from '../../src/renderer/src/stores/app-store'
import { generatePlan } from '../support/generate-plan'
import { fakeWebPlatform, planDbsPerTest } from '../support/fake-platform'

const openPlanDb = planDbsPerTest('load-test')

function withDuration(plan: Plan, index: number, days: number): Plan {
  const tasks = plan.tasks.slice()
  tasks[index] = { ...(tasks[index] as Task), duration: days * 480, isMilestone: false }
  return { ...plan, tasks }
}

/** The load figures a view shows, comparable with toEqual. */
function loadFigures(load: PlanLoad) {
  return {
    resources: load.resources.map((resource) => ({ ...resource })),
    conflicts: load.conflicts,
    overallocated: [...load.overallocatedTaskIds].sort((a, b) => a - b),
  }
}

describe('the resource load in the document', () => {
  it('is there from the first frame, follows every edit right after its frame, and equals a full computation', async () => {
    const plan = generatePlan({ tasks: 300, seed: 9, resources: 6, assignmentsPerTask: 1.6 })
    const db = openPlanDb()
    await planDbCreate(db, plan)
    const deferred: (() => void)[] = []
    const store = createAppStore({
      platform: fakeWebPlatform(),
      db,
      now: () => '2026-06-02T10:00:00',
      newId: () => 'unused',
      schedule: scheduleRun,
      schedulePrepare,
      afterPaint: (job) => deferred.push(job),
    })
    await store.getState().documentOpen(plan.id)
    const opened = store.getState().document
    if (opened?.schedule?.ok !== true || opened.load === null) throw new Error('no load at open')
    expect(loadFigures(opened.load)).toEqual(loadFigures(loadCompute(opened.plan, opened.schedule.schedule)))
    const leaves = plan.tasks.flatMap((task, index) => ((plan.tasks[index + 1]?.level ?? 0) <= task.level ? [index] : []))
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 12 })), { minLength: 1, maxLength: 6 }), (edits) => {
        for (const [pick, days] of edits) {
          const before = store.getState().document
          if (before === null) throw new Error('closed')
          store.getState().documentCommit(withDuration(before.plan, leaves[pick % leaves.length] as number, days))
          // The frame shows the edit with the previous load; the new one is published right after it.
          expect(store.getState().document?.load).toBe(before.load)
          for (const job of deferred.splice(0)) job()
          const after = store.getState().document
          if (after?.schedule?.ok !== true || after.load === null) throw new Error('not scheduled')
          expect(after.load.plan).toBe(after.plan)
          expect(after.load.schedule).toBe(after.schedule.schedule)
          expect(loadFigures(after.load)).toEqual(loadFigures(loadCompute(after.plan, after.schedule.schedule)))
        }
      }),
      { numRuns: 15, seed: 7 },
    )
    // A view that needs the load of exactly the version shown gets it at once, and the same object later.
    const current = store.getState().document
    if (current?.schedule?.ok !== true) throw new Error('not scheduled')
    const next = withDuration(current.plan, leaves[3] as number, 20)
    store.getState().documentCommit(next)
    const shown = store.getState().document
    if (shown?.schedule?.ok !== true) throw new Error('not scheduled')
    const exact = store.getState().documentLoadOf(shown.plan, shown.schedule.schedule)
    expect(exact?.plan).toBe(next)
    for (const job of deferred.splice(0)) job()
    expect(store.getState().document?.load).toBe(exact)
  })
})

describe('over-allocation texts', () => {
  it('are those of every conflict a task is in, joined in conflict order, made on demand', () => {
    const plan = generatePlan({ tasks: 400, seed: 12, resources: 4, assignmentsPerTask: 2 })
    const result = scheduleRun(plan)
    if (!result.ok) throw new Error('not scheduled')
    const load = loadCompute(plan, result.schedule)
    expect(load.conflicts.length).toBeGreaterThan(3)
    // The texts as the row marker showed them before they were made on demand.
    const resources = new Map(plan.resources.map((resource) => [resource.id, resource]))
    const byId = new Map(plan.tasks.map((task) => [task.id, task]))
    const nameOf = (id: number) => byId.get(id)?.name.trim() || `task ${id}`
    const expected = new Map<number, string>()
    for (const conflict of load.conflicts) {
      const text = conflictText(conflict, resources, nameOf)
      for (const taskId of conflict.taskIds) {
        const previous = expected.get(taskId)
        if (previous === undefined) expected.set(taskId, text)
        else if (!previous.includes(text)) expected.set(taskId, `${previous}; ${text}`)
      }
    }
    // Some tasks are in more than one conflict.
    expect([...expected.values()].some((text) => text.includes('; '))).toBe(true)
    const texts = overallocationByTask(plan, load)
    expect(texts.size).toBe(expected.size)
    for (const [taskId, text] of expected) expect(texts.get(taskId)).toBe(text)
    expect(new Map(texts)).toEqual(expected)
    expect(texts.get(-1)).toBeUndefined()
    expect(overallocationByTask(plan, load)).toBe(texts)
  })
})

describe('the grid figures after an edit', () => {
  it('equal the figures computed from scratch, whatever the edit', () => {
    const base = generatePlan({ tasks: 120, seed: 4, resources: 3 })
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('duration' as const), pick: fc.nat(), days: fc.integer({ min: 0, max: 9 }) }),
      fc.record({ kind: fc.constant('collapse' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('indent' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('unlink' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('unassign' as const), pick: fc.nat() }),
    )
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        let plan = base
        let previous = deriveWorkspace(plan, null, null)
        for (const step of edits) {
          const index = step.pick % plan.tasks.length
          const task = plan.tasks[index] as Task
          if (step.kind === 'duration') plan = withDuration(plan, index, step.days)
          else if (step.kind === 'collapse') plan = { ...plan, tasks: plan.tasks.map((item, at) => (at === index ? { ...item, isCollapsed: !item.isCollapsed } : item)) }
          else if (step.kind === 'indent' && index > 0) plan = { ...plan, tasks: plan.tasks.map((item, at) => (at === index ? { ...item, level: Math.min(item.level + 1, (plan.tasks[index - 1] as Task).level + 1) } : item)) }
          else if (step.kind === 'delete' && plan.tasks.length > 1) {
            plan = {
              ...plan,
              tasks: plan.tasks.filter((_, at) => at !== index),
              dependencies: plan.dependencies.filter((link) => link.predecessorId !== task.id && link.successorId !== task.id),
              assignments: plan.assignments.filter((assignment) => assignment.taskId !== task.id),
            }
          } else if (step.kind === 'unlink' && plan.dependencies.length > 0)
            plan = { ...plan, dependencies: plan.dependencies.filter((_, at) => at !== step.pick % plan.dependencies.length) }
          else if (step.kind === 'unassign' && plan.assignments.length > 0)
            plan = { ...plan, assignments: plan.assignments.filter((_, at) => at !== step.pick % plan.assignments.length) }
          const result = scheduleRun(plan)
          const schedule = result.ok ? result.schedule : null
          const reused = deriveWorkspace(plan, schedule, previous)
          const fresh = deriveWorkspace(plan, schedule, null)
          const { plan: _a, schedule: _b, calendar: _c, ...reusedFigures } = reused
          const { plan: _d, schedule: _e, calendar: _f, ...freshFigures } = fresh
          expect(reusedFigures).toEqual(freshFigures)
          previous = reused
        }
      }),
      { numRuns: 60, seed: 11 },
    )
  })
})
