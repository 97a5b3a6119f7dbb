/**
 * Resource benchmarks on a seeded generated plan of 10,000 tasks, 50 resources and about 12,000 assignments:
 * - `load.full`: load and over-allocation detection for the whole plan (warm: compiled calendars cached, the
 *   assignment index rebuilt every run from a fresh assignments array).
 * - `load.edit`: the load after one edit, through `loadUpdate` finding the changed tasks itself (schedule diff and
 *   assignment diff included in the timing). `edit: units` changes one assignment's units (the schedule stays);
 *   `edit: duration` changes one task's duration through the engine's incremental update (untimed) and updates the
 *   load for every task that moved; `changedTasks` is the median number of tasks that moved.
 * - `level.full`: leveling the whole plan (scheduling, the generation pass, re-scheduling and measuring).
 */
import { levelResources } from '../../src/shared/domain/leveling'
import { loadCompute, loadChangedTaskIds, loadUpdate, type PlanLoad } from '../../src/shared/domain/load'
import type { Plan } from '../../src/shared/domain/model'
import { schedulePrepare } from '../../src/shared/domain/schedule'
import type { Schedule } from '../../src/shared/domain/schedule-types'
import { generatePlan, seededRandom } from '../../tests/support/generate-plan'
import { bench, median } from '../lib'

export async function run(): Promise<void> {
  const tasks = 10_000
  const plan = generatePlan({ tasks, seed: 42, resources: 50, assignmentsPerTask: 1.45 })
  const fields = { tasks, resources: plan.resources.length, assignments: plan.assignments.length }
  const prepared = schedulePrepare(plan)
  if (!prepared.ok) throw new Error(prepared.problems[0]?.message)
  const first = prepared.engine.run()
  if (!first.ok) throw new Error(first.problems[0]?.message)
  const schedule = first.schedule

  let fresh: Plan = plan
  await bench(
    { bench: 'load.full', fields, setup: () => (fresh = { ...plan, assignments: plan.assignments.slice() }) },
    () => {
      return loadCompute(fresh, schedule).conflicts.length
    },
  )

  // One assignment's units change; the schedule does not.
  const random = seededRandom(11)
  let base: PlanLoad = loadCompute(plan, schedule)
  let edited: Plan = plan
  await bench(
    {
      bench: 'load.edit',
      fields: { ...fields, edit: 'units' },
      runs: 31,
      warmup: 5,
      setup: () => {
        const index = Math.floor(random() * plan.assignments.length)
        const assignments = plan.assignments.slice()
        const assignment = assignments[index]
        if (assignment !== undefined)
          assignments[index] = { ...assignment, units: assignment.units === 100 ? 50 : 100 }
        edited = { ...plan, assignments }
        base = loadCompute(plan, schedule)
      },
    },
    () => loadUpdate(base, edited, schedule).conflicts.length,
  )

  // One task's duration changes through the engine; every task that moved is updated in the load.
  const leaves = plan.tasks.filter((task, index) => !(schedule.isSummary[index] === 1) && !task.isMilestone)
  const engine = prepared.engine
  let previousSchedule: Schedule = schedule
  let nextSchedule: Schedule = schedule
  let nextPlan: Plan = plan
  let previousLoad: PlanLoad = loadCompute(plan, schedule)
  const moved: number[] = []
  await bench(
    {
      bench: 'load.edit',
      fields: { ...fields, edit: 'duration' },
      runs: 31,
      warmup: 5,
      setup: () => {
        previousSchedule = nextSchedule
        previousLoad = loadCompute(nextPlan, previousSchedule)
        const task = leaves[Math.floor(random() * leaves.length)]
        if (task === undefined) return
        const result = engine.update({
          kind: 'duration',
          taskId: task.id,
          duration: 480 * (1 + Math.floor(random() * 10)),
        })
        if (!result.ok) throw new Error(result.problems[0]?.message)
        nextSchedule = result.schedule
        nextPlan = engine.plan
        moved.push(loadChangedTaskIds(nextPlan, previousSchedule, nextSchedule)?.length ?? tasks)
      },
    },
    () => loadUpdate(previousLoad, nextPlan, nextSchedule).conflicts.length,
  )
  console.log(
    JSON.stringify({ bench: 'load.edit.changedTasks', edit: 'duration', medianChangedTasks: median(moved) }),
  )

  await bench({ bench: 'level.full', fields, runs: 5, warmup: 1 }, () => {
    const result = levelResources(plan)
    if (!result.ok) throw new Error(result.problems[0]?.message)
    return result.summary.conflictsAfter
  })
}
