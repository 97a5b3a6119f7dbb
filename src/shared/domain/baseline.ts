import { calendarCompile, calendarIsProblem, calendarWorkingMinutesBetween } from './calendar'
import { dateFromWallMinutes, dateToWallMinutes } from './dates'
import type { Baseline, BaselineNumber, BaselineSet, IsoDateTime, Plan, Task, TaskId } from './model'
import type { Schedule } from './schedule-types'

/*
 * Baselines (Microsoft Project's Set Baseline / Clear Baseline) and the variances against one.
 */

/** Set or clear a baseline for the whole plan or for the selected tasks. */
export type BaselineScope = 'plan' | 'selected'

export type BaselineSetOptions = {
  number: BaselineNumber
  /** The tasks to save; `null` saves every task. */
  taskIds: readonly TaskId[] | null
  /** With `taskIds`: roll their new values up into all their summaries. */
  rollUp: boolean
  now: IsoDateTime
  /** Each task's cost now by task index, in currency units; `null` leaves the baseline cost blank. */
  costs: ArrayLike<number> | null
}

function withBaseline(task: Task, baseline: Baseline): Task {
  // Most tasks hold no baseline or only this one: no filter or sort needed then.
  const current = task.baselines
  if (current.length === 0 || (current.length === 1 && current[0]?.number === baseline.number)) return { ...task, baselines: [baseline] }
  const others = current.filter((entry) => entry.number !== baseline.number)
  return { ...task, baselines: [...others, baseline].sort((a, b) => a.number - b.number) }
}

function withSet(sets: readonly BaselineSet[], set: BaselineSet): BaselineSet[] {
  return [...sets.filter((entry) => entry.number !== set.number), set].sort((a, b) => a.number - b.number)
}

function wallText(minutes: number): IsoDateTime | null {
  return Number.isFinite(minutes) ? dateFromWallMinutes(minutes) : null
}

/**
 * The plan with baseline `number` set from `schedule` (start, finish, duration, work, and cost when given) for every
 * task or the chosen ones, and the time it was set recorded. With `rollUp`, each summary above a chosen task gets its
 * baseline rolled up from its subtasks' baselines: earliest start, latest finish, summed work and cost, and the
 * summary's duration now.
 */
export function baselineSetOf(plan: Plan, schedule: Schedule, options: BaselineSetOptions): Plan {
  const { number, costs } = options
  const chosen = options.taskIds === null ? null : new Set(options.taskIds)
  const tasks = plan.tasks.slice()
  // Tasks share their start and finish minutes (08:00 and 17:00 of the same days): write each text once.
  const texts = new Map<number, IsoDateTime | null>()
  const textOf = (minutes: number): IsoDateTime | null => {
    let text = texts.get(minutes)
    if (text === undefined) {
      text = wallText(minutes)
      texts.set(minutes, text)
    }
    return text
  }
  const own = (index: number): Baseline => {
    const cost = costs === null ? Number.NaN : (costs[index] ?? Number.NaN)
    return {
      number,
      start: textOf(schedule.start[index] as number),
      finish: textOf(schedule.finish[index] as number),
      duration: Number.isFinite(schedule.duration[index]) ? Math.round(schedule.duration[index] as number) : null,
      work: Number.isFinite(schedule.work[index]) ? Math.round((schedule.work[index] as number) * 1000) / 1000 : null,
      cost: Number.isFinite(cost) ? Math.round(cost * 100) / 100 : null,
      bcws: null,
      bcwp: null,
    }
  }
  const summariesToRoll = new Set<number>()
  tasks.forEach((task, index) => {
    if (chosen !== null && !chosen.has(task.id)) return
    tasks[index] = withBaseline(task, own(index))
    if (chosen !== null && options.rollUp)
      for (let up = schedule.parent[index] ?? -1; up >= 0; up = schedule.parent[up] ?? -1) summariesToRoll.add(up)
  })
  // Deepest summaries first, so a summary rolls up its subtasks' already rolled baselines.
  const order = [...summariesToRoll].sort((a, b) => (tasks[b]?.level ?? 0) - (tasks[a]?.level ?? 0))
  // The children of each summary to roll, found in one pass (not one pass over the plan per summary).
  const childrenOf = new Map<number, number[]>()
  for (const summary of order) childrenOf.set(summary, [])
  if (order.length > 0)
    for (let index = 0; index < tasks.length; index++) childrenOf.get(schedule.parent[index] ?? -1)?.push(index)
  for (const summary of order) {
    let start = Infinity
    let finish = -Infinity
    let work = 0
    let cost = 0
    let hasCost = false
    for (const index of childrenOf.get(summary) ?? []) {
      const task = tasks[index]
      if (task === undefined) continue
      const child = task.baselines.find((entry) => entry.number === number)
      if (child === undefined) continue
      if (child.start !== null) start = Math.min(start, dateToWallMinutes(child.start))
      if (child.finish !== null) finish = Math.max(finish, dateToWallMinutes(child.finish))
      work += child.work ?? 0
      if (child.cost !== null) {
        cost += child.cost
        hasCost = true
      }
    }
    const task = tasks[summary]
    if (task === undefined) continue
    tasks[summary] = withBaseline(task, {
      ...own(summary),
      start: wallText(start),
      finish: wallText(finish),
      work: Math.round(work * 1000) / 1000,
      cost: hasCost ? Math.round(cost * 100) / 100 : null,
    })
  }
  return { ...plan, tasks, tracking: { ...plan.tracking, baselines: withSet(plan.tracking.baselines, { number, setAt: options.now }) } }
}

/**
 * The plan with baseline `number` cleared from every task (`taskIds` null) or the chosen ones; the plan's record of
 * it goes when no task keeps it. The same plan when there was nothing to clear.
 */
export function baselineClearOf(plan: Plan, number: BaselineNumber, taskIds: readonly TaskId[] | null): Plan {
  const chosen = taskIds === null ? null : new Set(taskIds)
  let changed = false
  let kept = false
  const tasks = plan.tasks.map((task) => {
    const has = task.baselines.some((entry) => entry.number === number)
    if (!has) return task
    if (chosen !== null && !chosen.has(task.id)) {
      kept = true
      return task
    }
    changed = true
    return { ...task, baselines: task.baselines.filter((entry) => entry.number !== number) }
  })
  const listed = plan.tracking.baselines.some((entry) => entry.number === number)
  if (!changed && (kept || !listed)) return plan
  const baselines = kept ? plan.tracking.baselines : plan.tracking.baselines.filter((entry) => entry.number !== number)
  return { ...plan, tasks: changed ? tasks : plan.tasks, tracking: { ...plan.tracking, baselines } }
}

/** Per task (indexed like `plan.tasks`), the variances against one baseline; NaN where the baseline has no value. */
export type BaselineVariance = {
  /** Start − baseline start, in working minutes of the task's calendar (positive = later than planned). */
  start: Float64Array
  /** Finish − baseline finish, in working minutes of the task's calendar. */
  finish: Float64Array
  /** Duration − baseline duration, in working minutes. */
  duration: Float64Array
  /** Work − baseline work, in minutes of work. */
  work: Float64Array
  /** Cost − baseline cost, in currency units (NaN without the costs). */
  cost: Float64Array
}

/**
 * The start, finish, duration, work and cost variances of every task against baseline `number` (Microsoft Project's
 * Start/Finish/Duration/Work/Cost Variance). Date variances count working time on the task's calendar (the project
 * calendar when the task's cannot be used), as Microsoft Project shows them in days.
 * @param costs each task's cost now by task index, in currency units; without it the cost variance is NaN
 */
export function baselineVariance(plan: Plan, schedule: Schedule, number: BaselineNumber, costs: ArrayLike<number> | null = null): BaselineVariance {
  const count = plan.tasks.length
  const result: BaselineVariance = {
    start: new Float64Array(count).fill(Number.NaN),
    finish: new Float64Array(count).fill(Number.NaN),
    duration: new Float64Array(count).fill(Number.NaN),
    work: new Float64Array(count).fill(Number.NaN),
    cost: new Float64Array(count).fill(Number.NaN),
  }
  const projectCalendar = calendarCompile(plan, plan.calendarId)
  plan.tasks.forEach((task, index) => {
    const baseline = task.baselines.find((entry) => entry.number === number)
    if (baseline === undefined) return
    const own = task.calendarId === null ? projectCalendar : calendarCompile(plan, task.calendarId)
    const calendar = calendarIsProblem(own) ? projectCalendar : own
    const between = (from: number, to: number): number =>
      calendarIsProblem(calendar) ? to - from : calendarWorkingMinutesBetween(calendar, from, to)
    const start = schedule.start[index] as number
    const finish = schedule.finish[index] as number
    if (baseline.start !== null && Number.isFinite(start)) result.start[index] = between(dateToWallMinutes(baseline.start), start)
    if (baseline.finish !== null && Number.isFinite(finish)) result.finish[index] = between(dateToWallMinutes(baseline.finish), finish)
    if (baseline.duration !== null) result.duration[index] = (schedule.duration[index] as number) - baseline.duration
    if (baseline.work !== null) result.work[index] = (schedule.work[index] as number) - baseline.work
    const cost = costs === null ? Number.NaN : (costs[index] ?? Number.NaN)
    if (baseline.cost !== null) result.cost[index] = cost - baseline.cost
  })
  return result
}
