/**
 * Scheduling benchmarks on seeded generated plans of 1,000, 10,000 and 100,000 tasks:
 * - schedule.full: `scheduleRun(plan)` from scratch (validation, calendar compilation, both passes),
 * - schedule.rerun: both passes in full on a prepared engine,
 * - schedule.edit: one duration edit on a random leaf task through the prepared engine (incremental passes).
 */
import { schedulePrepare, scheduleRun } from '../../src/shared/domain/schedule'
import { generatePlan, seededRandom } from '../../tests/support/generate-plan'
import { bench } from '../lib'

export async function run(): Promise<void> {
  for (const tasks of [1_000, 10_000, 100_000]) {
    const plan = generatePlan({ tasks, seed: 42 })
    const runs = tasks >= 100_000 ? 7 : 15
    // Warm-up runs let V8 optimise the passes; the targets are for a warm engine.
    const warmup = tasks >= 100_000 ? 3 : 10
    await bench({ bench: 'schedule.full', fields: { tasks }, runs, warmup }, () => {
      const result = scheduleRun(plan)
      if (!result.ok) throw new Error(result.problems[0]?.message)
      return result.schedule.projectFinish
    })

    const prepared = schedulePrepare(plan)
    if (!prepared.ok) throw new Error(prepared.problems[0]?.message)
    const engine = prepared.engine
    // Both passes in full on a prepared plan (calendars and graph already compiled), as after opening a file.
    await bench({ bench: 'schedule.rerun', fields: { tasks }, runs, warmup }, () => {
      const result = engine.run()
      if (!result.ok) throw new Error(result.problems[0]?.message)
      return result.schedule.projectFinish
    })
    // Edit random leaf tasks (seeded), each to a new duration of 1 to 10 days.
    const random = seededRandom(7)
    const leaves = plan.tasks.filter(
      (_, index) =>
        plan.tasks[index + 1] === undefined ||
        (plan.tasks[index + 1]?.level ?? 0) <= (plan.tasks[index]?.level ?? 0),
    )
    await bench(
      {
        bench: 'schedule.edit',
        fields: { tasks },
        runs: tasks >= 100_000 ? 15 : 31,
        warmup: tasks >= 100_000 ? 10 : 40,
      },
      () => {
        const task = leaves[Math.floor(random() * leaves.length)]
        if (task === undefined) return 0
        const result = engine.update({
          kind: 'duration',
          taskId: task.id,
          duration: 480 * (1 + Math.floor(random() * 10)),
        })
        if (!result.ok) throw new Error(result.problems[0]?.message)
        return result.schedule.projectFinish
      },
    )
  }
}
