/**
 * The store's share of an edit, in Node, on seeded plans of 1,000, 10,000 and 100,000 tasks with 50 resources:
 * - `document.schedule`: the schedule after a duration edit of a leaf task, through the store's schedule session
 *   (`scheduleSessionUpdate`: finding the edit, the engine's incremental update); `full` is `scheduleRun` of the
 *   edited plan, what the store did before.
 * - `document.changes`: the IndexedDB change of that edit (`planChangesBetween`: identity scan, one chunk).
 * - `document.derive`: the grid's per-version figures (`deriveWorkspace`) after the edit, from the previous ones.
 * `npm run bench -- document`.
 */
import { schedulePrepare, scheduleRun } from '../../src/shared/domain/schedule'
import type { Plan, Task } from '../../src/shared/domain/model'
import { planLayoutOf } from '../../src/renderer/src/db/plan-db'
import { scheduleSessionStart, scheduleSessionUpdate } from '../../src/renderer/src/stores/document-schedule'
import { planChangesBetween } from '../../src/renderer/src/stores/plan-changes'
import { deriveWorkspace } from '../../src/renderer/src/features/workspace/derived'
import { generatePlan } from '../../tests/support/generate-plan'
import { bench } from '../lib'

function editDuration(plan: Plan, index: number, days: number): Plan {
  const tasks = plan.tasks.slice()
  tasks[index] = { ...(tasks[index] as Task), duration: days * 480 }
  return { ...plan, tasks }
}

export async function run(): Promise<void> {
  for (const tasks of [1_000, 10_000, 100_000]) {
    const plan = generatePlan({ tasks, seed: 42, resources: 50 })
    const leaf = plan.tasks.findIndex((task, index) => !task.isMilestone && (plan.tasks[index + 1]?.level ?? 0) <= task.level)
    const runs = tasks >= 100_000 ? 15 : 31
    let session = scheduleSessionStart(schedulePrepare, plan)
    let days = 1
    await bench({ bench: 'document.schedule', fields: { tasks, path: 'session' }, runs, warmup: 10 }, () => {
      days = (days % 20) + 1
      session = scheduleSessionUpdate(schedulePrepare, session, editDuration(session.plan, leaf, days))
      if (!session.result.ok) throw new Error('not scheduled')
      return session.result.schedule.projectFinish
    })
    await bench({ bench: 'document.schedule', fields: { tasks, path: 'full' }, runs, warmup: 5 }, () => {
      days = (days % 20) + 1
      const result = scheduleRun(editDuration(plan, leaf, days))
      if (!result.ok) throw new Error('not scheduled')
      return result.schedule.projectFinish
    })
    const layout = planLayoutOf(plan)
    await bench({ bench: 'document.changes', fields: { tasks }, runs, warmup: 5 }, () => {
      days = (days % 20) + 1
      return planChangesBetween(plan, editDuration(plan, leaf, days), layout).changes
    })
    const first = scheduleRun(plan)
    if (!first.ok) throw new Error('not scheduled')
    let derived = deriveWorkspace(plan, first.schedule)
    let current = plan
    await bench({ bench: 'document.derive', fields: { tasks }, runs, warmup: 5 }, () => {
      days = (days % 20) + 1
      current = editDuration(current, leaf, days)
      derived = deriveWorkspace(current, first.schedule, derived)
      return derived.rows.length
    })
  }
}
