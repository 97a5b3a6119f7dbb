/**
 * Scheduling benchmarks on seeded generated plans of 1,000, 10,000 and 100,000 tasks:
 * - schedule.full: `scheduleRun(plan)` from scratch (validation, calendar compilation, both passes),
 * - schedule.rerun: both passes in full on a prepared engine,
 * - schedule.edit: one duration edit on a random leaf task through the prepared engine (incremental passes).
 * At 10,000 tasks the same three run again on the plan with people (`people: true`): 50 resources, about 12,000
 * assignments that drive their tasks on the resources' calendars (10 resource calendars, vacations); there the edit
 * is what the duration command does: Microsoft Project's rule (`taskRuleSetDuration`, the work follows) and the new
 * plan handed to the engine (`{ kind: 'plan' }`); the engine's part is `schedule.edit`, the rule's `task.rule.duration`.
 */
import type { Plan } from '../../src/shared/domain/model'
import { schedulePrepare, scheduleRun } from '../../src/shared/domain/schedule'
import { taskRuleSetDuration } from '../../src/shared/domain/task-rules'
import { generatePlan, seededRandom } from '../../tests/support/generate-plan'
import { bench } from '../lib'

/** The leaves of a plan (tasks without children). */
function leavesOf(plan: Plan): Plan['tasks'] {
  return plan.tasks.filter(
    (_, index) =>
      plan.tasks[index + 1] === undefined ||
      (plan.tasks[index + 1]?.level ?? 0) <= (plan.tasks[index]?.level ?? 0),
  )
}

/** The three figures at 10,000 tasks for the plan with people, beside those without (same run). */
async function withPeople(): Promise<void> {
  const tasks = 10_000
  const plan = generatePlan({
    tasks,
    seed: 42,
    resources: 50,
    assignmentsPerTask: 1.45,
    resourceCalendars: 10,
  })
  const fields = {
    tasks,
    people: true,
    resources: plan.resources.length,
    assignments: plan.assignments.length,
    resourceCalendars: plan.calendars.length - 1,
  }
  await bench({ bench: 'schedule.full', fields, runs: 15, warmup: 10 }, () => {
    const result = scheduleRun(plan)
    if (!result.ok) throw new Error(result.problems[0]?.message)
    return result.schedule.projectFinish
  })
  const prepared = schedulePrepare(plan)
  if (!prepared.ok) throw new Error(prepared.problems[0]?.message)
  const engine = prepared.engine
  await bench({ bench: 'schedule.rerun', fields, runs: 15, warmup: 10 }, () => {
    const result = engine.run()
    if (!result.ok) throw new Error(result.problems[0]?.message)
    return result.schedule.projectFinish
  })
  const random = seededRandom(7)
  const leaves = leavesOf(plan).filter((task) => task.duration > 0)
  // The duration command's rule (the assignments' work follows) runs before each edit, untimed; its own cost is the
  // next figure. The timed part is the engine taking the new plan.
  let next = engine.plan
  const ruleFor = (): Plan => {
    const task = leaves[Math.floor(random() * leaves.length)]
    if (task === undefined) return engine.plan
    const ruled = taskRuleSetDuration(engine.plan, task.id, 480 * (1 + Math.floor(random() * 10)))
    if (!ruled.ok) throw new Error(ruled.message)
    return ruled.plan
  }
  await bench(
    { bench: 'schedule.edit', fields, runs: 31, warmup: 40, setup: () => (next = ruleFor()) },
    () => {
      const result = engine.update({ kind: 'plan', plan: next })
      if (!result.ok) throw new Error(result.problems[0]?.message)
      return result.schedule.projectFinish
    },
  )
  await bench(
    { bench: 'task.rule.duration', fields, runs: 31, warmup: 40 },
    () => ruleFor().assignments.length,
  )
}

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
    const leaves = leavesOf(plan)
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
    if (tasks === 10_000) await withPeople()
  }
}
