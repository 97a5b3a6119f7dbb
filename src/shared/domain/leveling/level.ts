/**
 * Resource leveling: removes over-allocations by delaying tasks (their `levelingDelay`, elapsed minutes, which the
 * engine adds to a task's early start) without breaking links or constraints.
 *
 * The serial pass (`place.ts`) chooses the delays on the engine's compiled plan; the result is then re-scheduled with
 * the engine and measured with `loadCompute`, so what is reported is what the engine computes. Should the engine
 * still disagree with the pass, a repair step (`repair.ts`) delays the task that should give way, and a guard takes
 * back delays that broke a date or link that held before. Pure: returns a new plan; the input is not modified.
 */
import { loadCompute, type PlanLoad } from '../load'
import type { DateRange, IsoDateTime, Minutes, Plan, Task } from '../model'
import { dateFromWallMinutes } from '../dates'
import { scheduleCompute, scheduleRun } from '../schedule/engine'
import { scheduleContextCreate } from '../schedule/context'
import type { Schedule, ScheduleProblem } from '../schedule-types'
import { levelingPlace } from './place'
import { levelingBrokenSince, levelingRepairDelays, levelingUpstreamOf } from './repair'
import { levelingMoves, levelingRemainingReasons, type LevelingMove, type LevelingRemaining } from './report'
import { levelingFixedReason, levelingIsInRange, levelingRange } from './rules'

export type LevelingOptions = {
  /** Only tasks starting (before leveling) within these days may be delayed; others keep their dates. */
  range?: DateRange
  /** Delay tasks only within their total slack, so the plan's finish never moves. */
  withinSlackOnly?: boolean
}

export type LevelingSummary = {
  moved: LevelingMove[]
  /** Plan finish before and after leveling. */
  finishBefore: IsoDateTime
  finishAfter: IsoDateTime
  /** How much later the plan finishes, in working minutes of the project calendar (0 when it does not move). */
  finishDelay: Minutes
  conflictsBefore: number
  conflictsAfter: number
  remaining: LevelingRemaining[]
}

export type LevelingResult =
  | { ok: true; plan: Plan; schedule: Schedule; load: PlanLoad; summary: LevelingSummary }
  | { ok: false; problems: ScheduleProblem[] }

function planWithDelays(plan: Plan, delays: Float64Array): Plan {
  let isChanged = false
  const tasks = plan.tasks.map((task, index) => {
    const delay = delays[index] as number
    if (Number.isNaN(delay) || delay === task.levelingDelay) return task
    isChanged = true
    return { ...task, levelingDelay: Math.max(0, Math.round(delay)) }
  })
  return isChanged ? { ...plan, tasks } : plan
}

/**
 * Levels the resources of `plan`: delays tasks (by setting `levelingDelay`) so no resource is over-allocated,
 * higher-priority and less-slack tasks keeping their dates, without breaking links or constraints.
 * Existing leveling delays of the tasks that may move are recomputed (cleared first), as Microsoft Project does.
 * @returns the new plan, its schedule and load, and a summary (tasks moved with old and new dates, the plan finish
 * before and after, over-allocations that remain with reasons), or the problems that prevent scheduling
 */
export function levelResources(plan: Plan, options: LevelingOptions = {}): LevelingResult {
  const original = scheduleRun(plan)
  if (!original.ok) return original
  const before = original.schedule
  const loadBefore = loadCompute(plan, before)
  const range = levelingRange(options.range)
  const withinSlackOnly = options.withinSlackOnly === true

  // Clear the delays of the tasks that may move; their undelayed schedule is the base of the pass.
  const cleared = new Float64Array(plan.tasks.length).fill(Number.NaN)
  plan.tasks.forEach((task, index) => {
    if (
      task.levelingDelay > 0 &&
      levelingIsInRange(range, before.start[index] as number) &&
      levelingFixedReason(task) === null
    )
      cleared[index] = 0
  })
  const basePlan = planWithDelays(plan, cleared)
  const prepared = scheduleContextCreate(basePlan)
  if (!prepared.ok) return prepared
  const context = prepared.context
  const base = basePlan === plan ? before : scheduleCompute(context)
  const placement = levelingPlace(basePlan, context, base, range, withinSlackOnly)

  let leveled = planWithDelays(basePlan, placement.delays)
  let result = scheduleRun(leveled)
  if (!result.ok) return result
  let lastLoad: PlanLoad | null = null
  // Safety net: should the engine place a task other than the pass expected (a scheduling rule the pass does not
  // mirror), delay the task that should give way in each conflict the pass did not explain, and schedule again.
  if (!withinSlackOnly) {
    for (let round = 0; round < 8 && result.ok; round++) {
      lastLoad = loadCompute(leveled, result.schedule)
      const delays = levelingRepairDelays(leveled, result.schedule, placement, range, lastLoad)
      if (delays === null) break
      leveled = planWithDelays(leveled, delays)
      result = scheduleRun(leveled)
    }
    if (!result.ok) return result
  }
  // Guard: a date or link that held before must still hold. Where the engine lets a date win over a link (or a
  // summary's date binds its tasks), take back the new delays of everything upstream of the task that broke.
  for (let round = 0; round < 4 && result.ok; round++) {
    const victims = levelingBrokenSince(leveled, context, before, result.schedule)
    if (victims.length === 0) break
    const upstream = levelingUpstreamOf(context.graph, victims)
    const delays = new Float64Array(plan.tasks.length).fill(Number.NaN)
    let isReverted = false
    const victim = leveled.tasks[victims[0] as number] as Task
    for (const index of upstream) {
      const task = leveled.tasks[index] as Task
      if (task.levelingDelay > 0 && !Number.isNaN(placement.delays[index] as number)) {
        delays[index] = 0
        isReverted = true
        placement.blocked.set(
          index,
          `"${task.name}" cannot be delayed without breaking a date or link of "${victim.name}"`,
        )
      }
    }
    if (!isReverted) break
    leveled = planWithDelays(leveled, delays)
    result = scheduleRun(leveled)
  }
  if (!result.ok) return result
  // Within slack: the finish must not move. Should the engine disagree with the pass anywhere, take back the delays
  // of the tasks that end beyond their late finish until it holds (and all of them as the last resort).
  if (withinSlackOnly) {
    for (
      let round = 0;
      round < 4 && result.ok && result.schedule.projectFinish > before.projectFinish;
      round++
    ) {
      const schedule: Schedule = result.schedule
      const delays = new Float64Array(plan.tasks.length).fill(Number.NaN)
      leveled.tasks.forEach((task, index) => {
        if ((schedule.finish[index] as number) > (base.lateFinish[index] as number) && task.levelingDelay > 0)
          delays[index] = 0
      })
      leveled = planWithDelays(leveled, delays)
      result = scheduleRun(leveled)
    }
    if (result.ok && result.schedule.projectFinish > before.projectFinish) {
      leveled = plan
      result = original
    }
    if (!result.ok) return result
  }
  const after = result.schedule
  const loadAfter =
    lastLoad !== null && lastLoad.plan === leveled && lastLoad.schedule === after
      ? lastLoad
      : loadCompute(leveled, after)
  const project = context.projectCalendar
  return {
    ok: true,
    plan: leveled,
    schedule: after,
    load: loadAfter,
    summary: {
      moved: levelingMoves(plan, before, leveled, after),
      finishBefore: dateFromWallMinutes(before.projectFinish),
      finishAfter: dateFromWallMinutes(after.projectFinish),
      finishDelay: Math.max(0, project.work(after.projectFinish) - project.work(before.projectFinish)),
      conflictsBefore: loadBefore.conflicts.length,
      conflictsAfter: loadAfter.conflicts.length,
      remaining: loadAfter.conflicts.map((conflict) => ({
        conflict,
        reasons: levelingRemainingReasons(leveled, after, conflict, placement.blocked, range),
      })),
    },
  }
}
