import { calendarCompile, calendarIsProblem } from './calendar'
import { dateFromWallMinutes, dateToWallMinutes } from './dates'
import {
  loadCalendarDays,
  loadResourceFromItems,
  loadResourceItems,
  resourceCalendarDays,
  type LoadItem,
  type OverallocationPeriod,
  type ResourceDayTable,
} from './load'
import type {
  Assignment,
  IsoDateTime,
  Minutes,
  Percent,
  Plan,
  Resource,
  ResourceId,
  Task,
  TaskId,
  WallMinutes,
} from './model'
import { schedulePrepare, scheduleRun, type ScheduleEngine } from './schedule'
import type { Schedule, ScheduleResult } from './schedule-types'
import { taskRuleSetAssignmentUnits } from './task-rules'

/**
 * Concrete ways to resolve one over-allocation, each with its figures, for the Over-allocations panel:
 * delay a task by N working days, reduce a task's units, or hand the task to a resource with free capacity.
 * `suggestionApply` turns one into a new plan (one undoable step for the UI). Every suggestion is tried on the engine
 * and says by how much it moves the plan finish (`planFinishDelay`, in working days of the plan calendar).
 */

/** What carrying out a suggestion does to the plan's finish, measured by scheduling the changed plan. */
export type SuggestionEffect = {
  /** The plan finish after the suggestion. */
  planFinish: IsoDateTime
  /** How much later the plan finishes, in working minutes of the project calendar (negative = earlier). */
  planFinishDelay: Minutes
}

export type DelaySuggestion = {
  kind: 'delay'
  taskId: TaskId
  resourceId: ResourceId
  /** Working days (of the task's calendar) to delay the task by. */
  workingDays: number
  /** The task's start and finish after the delay (before links move its successors). */
  newStart: IsoDateTime
  newFinish: IsoDateTime
  /** The task's total slack in working days; when `workingDays` exceeds it the plan finish (or a deadline) moves. */
  slackDays: number
  isFinishMoved: boolean
  message: string
} & SuggestionEffect

/**
 * Lower units on one assignment. On a fixed-units or fixed-work task the work stays and the task stretches
 * (Microsoft Project's rule, `taskRuleSetAssignmentUnits`); on a fixed-duration task the dates stay and the work drops.
 */
export type ReduceUnitsSuggestion = {
  kind: 'reduce-units'
  taskId: TaskId
  resourceId: ResourceId
  fromUnits: Percent
  toUnits: Percent
  /** Work of this assignment before and after, in minutes of work. */
  fromWork: Minutes
  toWork: Minutes
  /** The task's finish before and after. */
  fromFinish: IsoDateTime
  toFinish: IsoDateTime
  message: string
} & SuggestionEffect

export type ReassignSuggestion = {
  kind: 'reassign'
  taskId: TaskId
  fromResourceId: ResourceId
  toResourceId: ResourceId
  units: Percent
  /** The least free capacity of the new resource while the task runs, percent of full time. */
  freeUnits: Percent
  isSameRole: boolean
  message: string
} & SuggestionEffect

export type Suggestion = DelaySuggestion | ReduceUnitsSuggestion | ReassignSuggestion

/** A suggestion before it is tried on the engine (its effect and final message are added then). */
type Draft =
  | Omit<DelaySuggestion, keyof SuggestionEffect>
  | Omit<ReduceUnitsSuggestion, keyof SuggestionEffect | 'toWork' | 'fromFinish' | 'toFinish'>
  | Omit<ReassignSuggestion, keyof SuggestionEffect>

export type SuggestionOptions = {
  /** Longest delay tried, in working days (default 60). */
  maxDelayDays?: number
  /** Most reassignment candidates returned per task (default 3). */
  maxReassignments?: number
}

const epsilon = 1e-9

function round(value: number, digits = 1): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

/** `wall` moved by `days` working days of `table`, keeping the time of day (`null` when no working day is found). */
function shiftWorkingDays(table: ResourceDayTable, wall: WallMinutes, days: number): WallMinutes | null {
  let day = Math.floor(wall / 1440)
  const timeOfDay = wall - day * 1440
  let remaining = days
  for (let guard = 0; remaining > 0; guard++) {
    if (guard > 3660) return null
    day++
    if (table.workingMinutes(day) > 0) remaining--
  }
  return day * 1440 + timeOfDay
}

/** Working minutes of `table` between two wall-clock minutes. */
function workingMinutesBetween(table: ResourceDayTable, from: WallMinutes, to: WallMinutes): number {
  return table.between(from, to)
}

/**
 * Sweeps `items` and calls `visit(rate, active, overlap)` for every piece of time in `from..to` where the resource
 * works (`overlap` > 0 working minutes at summed units `rate` with the `active` item indexes).
 */
function sweep(
  items: readonly LoadItem[],
  table: ResourceDayTable,
  from: WallMinutes,
  to: WallMinutes,
  visit: (rate: number, active: ReadonlySet<number>, overlap: number) => void,
): void {
  const events: Array<[time: number, delta: number, item: number]> = []
  items.forEach((item, index) => {
    const start = Math.max(item.start, from)
    const finish = Math.min(item.finish, to)
    if (finish <= start) return
    events.push([start, item.units, index], [finish, -item.units, index])
  })
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const active = new Set<number>()
  let rate = 0
  for (let position = 0; position < events.length; position++) {
    const [time, delta, index] = events[position] as [number, number, number]
    rate += delta
    if (delta > 0) active.add(index)
    else active.delete(index)
    if (active.size === 0) rate = 0
    const next = events[position + 1]
    if (next === undefined || rate <= epsilon || next[0] <= time) continue
    const overlap = workingMinutesBetween(table, time, next[0])
    if (overlap > 0) visit(rate, active, overlap)
  }
}

function taskName(task: Task | undefined, taskId: TaskId): string {
  return task === undefined || task.name.trim() === '' ? `task ${taskId}` : `"${task.name}"`
}

/**
 * Suggestions for one over-allocation period of `load` (see `loadCompute`): for each task in the conflict, the
 * smallest delay in working days that takes it out of every over-allocation of the resource, the units that would
 * make it fit, and resources that have the capacity to take it over in that period. Delays come first, for the
 * tasks that should move first (lowest priority, then most slack), then unit reductions, then reassignments.
 */
export function suggestionsForConflict(
  plan: Plan,
  schedule: Schedule,
  conflict: OverallocationPeriod,
  options: SuggestionOptions = {},
): Suggestion[] {
  const maxDelayDays = options.maxDelayDays ?? 60
  const maxReassignments = options.maxReassignments ?? 3
  const resource = plan.resources.find((candidate) => candidate.id === conflict.resourceId)
  if (resource === undefined) return []
  const tasksById = new Map<TaskId, Task>(plan.tasks.map((task) => [task.id, task]))
  const minutesPerDay = plan.settings.minutesPerDay
  const items = loadResourceItems(plan, schedule, resource.id)
  const resourceDays = resourceCalendarDays(plan, resource)
  const taskIdOf = (taskIndex: number): TaskId => (plan.tasks[taskIndex] as Task).id
  const conflictTasks = conflict.taskIds
    .map((taskId) => ({ taskId, task: tasksById.get(taskId), index: schedule.indexOf.get(taskId) }))
    .filter(
      (entry): entry is { taskId: TaskId; task: Task; index: number } =>
        entry.task !== undefined && entry.index !== undefined,
    )
    .sort(
      (a, b) =>
        a.task.priority - b.task.priority ||
        (schedule.totalSlack[b.index] as number) - (schedule.totalSlack[a.index] as number) ||
        a.index - b.index,
    )
  const suggestions: Draft[] = []
  const from = conflict.startDay * 1440
  const to = (conflict.finishDay + 1) * 1440

  // Delays: the first number of working days after which the task collides with nothing on this resource.
  for (const { taskId, task, index } of conflictTasks) {
    const isFixed =
      task.constraint.type === 'MSO' || task.constraint.type === 'MFO' || task.actualStart !== null
    if (isFixed) continue
    const taskDays = loadCalendarDays(plan, task.calendarId ?? plan.calendarId)
    const own = items.filter((item) => item.taskIndex === index)
    const others = items.filter((item) => item.taskIndex !== index)
    for (let days = 1; days <= maxDelayDays; days++) {
      const shifted: LoadItem[] = []
      let isShiftable = true
      for (const item of own) {
        const start = shiftWorkingDays(taskDays, item.start, days)
        const finish = shiftWorkingDays(taskDays, item.finish, days)
        if (start === null || finish === null) isShiftable = false
        else shifted.push({ ...item, start, finish })
      }
      if (!isShiftable || shifted.length === 0) break
      const trial = loadResourceFromItems(resource, [...others, ...shifted], resourceDays, taskIdOf)
      if (trial.periods.some((period) => period.taskIds.includes(taskId))) continue
      const slackDays = round((schedule.totalSlack[index] as number) / minutesPerDay)
      const isFinishMoved = days > slackDays + epsilon
      const first = shifted[0] as LoadItem
      suggestions.push({
        kind: 'delay',
        taskId,
        resourceId: resource.id,
        workingDays: days,
        newStart: dateFromWallMinutes(first.start),
        newFinish: dateFromWallMinutes(Math.max(...shifted.map((item) => item.finish))),
        slackDays,
        isFinishMoved,
        message:
          `Delay ${taskName(task, taskId)} by ${days} working day${days === 1 ? '' : 's'} (start ${dateFromWallMinutes(first.start).slice(0, 10)}): ` +
          `${resource.name} is then free for it; ` +
          (isFinishMoved
            ? `it has ${Math.max(0, slackDays)} day${slackDays === 1 ? '' : 's'} of slack`
            : `it uses ${days} of its ${slackDays} days of slack`),
      })
      break
    }
  }

  // Unit reductions: lower a task's units by the largest excess at the moments it is part of the overload.
  const excessByItem = new Map<number, number>()
  sweep(items, resourceDays, from, to, (rate, active) => {
    if (rate <= resource.maxUnits + epsilon) return
    for (const itemIndex of active)
      excessByItem.set(itemIndex, Math.max(excessByItem.get(itemIndex) ?? 0, rate - resource.maxUnits))
  })
  const conflictIds = new Set(conflict.taskIds)
  for (const { taskId, task, index } of conflictTasks) {
    items.forEach((item, itemIndex) => {
      if (item.taskIndex !== index || !conflictIds.has(taskId)) return
      const excess = excessByItem.get(itemIndex)
      if (excess === undefined) return
      const exact = item.units - excess
      const toUnits = exact >= 1 ? Math.floor(exact + epsilon) : Math.floor(exact * 10 + epsilon) / 10
      if (toUnits <= 0) return
      const assignment = plan.assignments.find(
        (candidate) => candidate.taskId === taskId && candidate.resourceId === resource.id,
      )
      suggestions.push({
        kind: 'reduce-units',
        taskId,
        resourceId: resource.id,
        fromUnits: item.units,
        toUnits,
        fromWork:
          assignment?.work ??
          (workingMinutesBetween(resourceDays, item.start, item.finish) * item.units) / 100,
        message: `Reduce ${resource.name} on ${taskName(task, taskId)} from ${round(item.units)} % to ${toUnits} %`,
      })
    })
  }

  // Reassignments: resources not on the task whose peak load during the task leaves room for its units.
  const assignedTo = new Map<TaskId, Set<ResourceId>>()
  for (const assignment of plan.assignments) {
    let set = assignedTo.get(assignment.taskId)
    if (set === undefined) assignedTo.set(assignment.taskId, (set = new Set()))
    set.add(assignment.resourceId)
  }
  for (const { taskId, task, index } of conflictTasks) {
    const item = items.find((candidate) => candidate.taskIndex === index)
    if (item === undefined) continue
    const neededMinutes = workingMinutesBetween(resourceDays, item.start, item.finish)
    const candidates: Array<Omit<ReassignSuggestion, keyof SuggestionEffect>> = []
    for (const other of plan.resources) {
      if (other.id === resource.id || assignedTo.get(taskId)?.has(other.id) === true) continue
      const otherDays = resourceCalendarDays(plan, other)
      if (workingMinutesBetween(otherDays, item.start, item.finish) < neededMinutes) continue
      let peak = 0
      sweep(loadResourceItems(plan, schedule, other.id), otherDays, item.start, item.finish, (rate) => {
        peak = Math.max(peak, rate)
      })
      const freeUnits = other.maxUnits - peak
      if (freeUnits + epsilon < item.units) continue
      candidates.push(reassignSuggestion(task, taskId, resource, other, item, freeUnits, peak))
    }
    candidates.sort(
      (a, b) =>
        Number(b.isSameRole) - Number(a.isSameRole) ||
        b.freeUnits - a.freeUnits ||
        a.toResourceId - b.toResourceId,
    )
    suggestions.push(...candidates.slice(0, maxReassignments))
  }
  return measure(plan, schedule, suggestions)
}

/** Working days of the plan in `minutes` working minutes, as a short text ("2 working days", "half a day"). */
function daysText(minutes: number, minutesPerDay: number): string {
  const days = round(Math.abs(minutes) / minutesPerDay)
  return `${days} working day${days === 1 ? '' : 's'}`
}

/**
 * Tries each draft on one prepared engine (an incremental re-schedule per suggestion, then back) and completes it
 * with its effect on the plan finish and, for unit reductions, the work and finish the task ends up with.
 */
function measure(plan: Plan, schedule: Schedule, drafts: Draft[]): Suggestion[] {
  if (drafts.length === 0) return []
  const prepared = schedulePrepare(plan)
  if (!prepared.ok) return []
  const engine: ScheduleEngine = prepared.engine
  const base = engine.run()
  if (!base.ok) return []
  const project = calendarCompile(plan, plan.calendarId)
  const work = (at: number): number => (calendarIsProblem(project) ? at : project.work(at))
  const minutesPerDay = plan.settings.minutesPerDay
  const scheduleWith = (next: Plan): ScheduleResult => engine.update({ kind: 'plan', plan: next })
  const measured: Suggestion[] = []
  for (const draft of drafts) {
    const next = applySuggestion(plan, schedule, draft, scheduleWith)
    const result = scheduleWith(next)
    if (!result.ok) continue
    const after = result.schedule
    const planFinishDelay = work(after.projectFinish) - work(base.schedule.projectFinish)
    const effect: SuggestionEffect = { planFinish: dateFromWallMinutes(after.projectFinish), planFinishDelay }
    const finishText =
      planFinishDelay > 0
        ? `the plan finishes ${daysText(planFinishDelay, minutesPerDay)} later (${effect.planFinish.slice(0, 10)}).`
        : planFinishDelay < 0
          ? `the plan finishes ${daysText(planFinishDelay, minutesPerDay)} earlier (${effect.planFinish.slice(0, 10)}).`
          : 'the plan finish does not move.'
    if (draft.kind === 'reduce-units') {
      const index = after.indexOf.get(draft.taskId) ?? -1
      const position = next.assignments.findIndex(
        (assignment) => assignment.taskId === draft.taskId && assignment.resourceId === draft.resourceId,
      )
      const toWork = next.assignments[position]?.work ?? draft.fromWork
      const fromFinish = dateFromWallMinutes(base.schedule.finish[index] as number)
      const toFinish = dateFromWallMinutes(after.finish[index] as number)
      const fromDays = (base.schedule.duration[index] as number) / minutesPerDay
      const toDays = (after.duration[index] as number) / minutesPerDay
      const what =
        Math.abs(toWork - draft.fromWork) < epsilon
          ? `the same ${round(toWork / 60)} h of work then take ${round(toDays)} days instead of ${round(fromDays)} (finish ${toFinish.slice(0, 10)})`
          : `${round(draft.fromWork / 60)} h of work become ${round(toWork / 60)} h in the same dates (the task has a fixed duration)`
      measured.push({
        ...draft,
        ...effect,
        toWork,
        fromFinish,
        toFinish,
        message: `${draft.message}: ${what}; ${finishText}`,
      })
    } else if (draft.kind === 'delay') {
      measured.push({
        ...draft,
        ...effect,
        isFinishMoved: planFinishDelay > 0,
        message: `${draft.message}; ${finishText}`,
      })
    } else measured.push({ ...draft, ...effect, message: `${draft.message} Then ${finishText}` })
  }
  // Leave the engine's plan as it was (its last run is not kept).
  scheduleWith(plan)
  return measured
}

function reassignSuggestion(
  task: Task,
  taskId: TaskId,
  from: Resource,
  to: Resource,
  item: LoadItem,
  freeUnits: number,
  peak: number,
): Omit<ReassignSuggestion, keyof SuggestionEffect> {
  const isSameRole =
    from.role.trim() !== '' && from.role.trim().toLowerCase() === to.role.trim().toLowerCase()
  return {
    kind: 'reassign',
    taskId,
    fromResourceId: from.id,
    toResourceId: to.id,
    units: item.units,
    freeUnits: round(freeUnits),
    isSameRole,
    message:
      `Reassign ${taskName(task, taskId)} from ${from.name} to ${to.name}${isSameRole ? ` (also ${to.role})` : ''}: ` +
      `${to.name} is loaded at most ${round(peak)} % of ${round(to.maxUnits)} % from ` +
      `${dateFromWallMinutes(item.start).slice(0, 10)} to ${dateFromWallMinutes(item.finish - 1).slice(0, 10)}, ` +
      `so ${round(freeUnits)} % is free for the ${round(item.units)} % the task needs.`,
  }
}

/**
 * The plan with `suggestion` carried out, as a new plan (the input is not modified): a delay raises the task's leveling
 * delay (elapsed minutes) until the engine starts it at the suggested start, a reduction changes the assignment's units
 * with Microsoft Project's rule for the task's type (fixed units: the work stays and the task stretches), a
 * reassignment moves the assignment to the other resource. Returns the same plan if the task or assignment is gone.
 */
export function suggestionApply(plan: Plan, schedule: Schedule, suggestion: Suggestion): Plan {
  return applySuggestion(plan, schedule, suggestion, scheduleRun)
}

function applySuggestion(
  plan: Plan,
  schedule: Schedule,
  suggestion: Draft,
  scheduleWith: (plan: Plan) => ScheduleResult,
): Plan {
  if (suggestion.kind === 'delay') {
    const index = schedule.indexOf.get(suggestion.taskId)
    if (index === undefined) return plan
    const target = dateToWallMinutes(suggestion.newStart)
    const withDelay = (delay: number): Plan => ({
      ...plan,
      tasks: plan.tasks.map((task) =>
        task.id === suggestion.taskId ? { ...task, levelingDelay: Math.max(0, Math.round(delay)) } : task,
      ),
    })
    const current = plan.tasks[index]?.levelingDelay ?? 0
    let delay = current + Math.max(0, target - (schedule.start[index] as number))
    let next = withDelay(delay)
    // The engine adds the delay to the undelayed early start and then moves to working time, which can land before
    // the target when the current start follows a non-working stretch; top up until it starts there.
    for (let round = 0; round < 4; round++) {
      const result = scheduleWith(next)
      if (!result.ok) break
      const start = result.schedule.start[index] as number
      if (start >= target) break
      delay += target - start
      next = withDelay(delay)
    }
    return next
  }
  if (suggestion.kind === 'reduce-units') {
    const assignment = plan.assignments.find(
      (candidate) => candidate.taskId === suggestion.taskId && candidate.resourceId === suggestion.resourceId,
    )
    if (assignment === undefined) return plan
    const result = taskRuleSetAssignmentUnits(plan, assignment.id, suggestion.toUnits)
    return result.ok ? result.plan : plan
  }
  return withAssignment(plan, suggestion.taskId, suggestion.fromResourceId, {
    resourceId: suggestion.toResourceId,
  })
}

/** `plan` with the assignment of `resourceId` to `taskId` changed by `change`. */
function withAssignment(
  plan: Plan,
  taskId: TaskId,
  resourceId: ResourceId,
  change: Partial<Pick<Assignment, 'units' | 'resourceId'>>,
): Plan {
  return {
    ...plan,
    assignments: plan.assignments.map((assignment) =>
      assignment.taskId === taskId && assignment.resourceId === resourceId
        ? { ...assignment, ...change }
        : assignment,
    ),
  }
}
