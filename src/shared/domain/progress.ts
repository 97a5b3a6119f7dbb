import { calendarCompile, calendarIsProblem, calendarWorkingMinutesBetween } from './calendar'
import { dateFromWallMinutes, dateToWallMinutes } from './dates'
import type { Assignment, Baseline, BaselineNumber, IsoDateTime, Minutes, Percent, Plan, Task, TaskId } from './model'
import type { Schedule } from './schedule-types'

/*
 * The progress figures Gantry derives from the stored ones (see `Task.percentComplete`), so they always agree with
 * each other as Microsoft Project keeps them.
 */

/** Working minutes of the task's duration done: duration × % complete / 100, in whole minutes. */
export function progressActualDuration(task: Pick<Task, 'duration' | 'percentComplete'>): Minutes {
  return Math.round((task.duration * task.percentComplete) / 100)
}

/** Working minutes of the task's duration left: duration − actual duration, never negative. */
export function progressRemainingDuration(task: Pick<Task, 'duration' | 'percentComplete'>): Minutes {
  return Math.max(0, task.duration - progressActualDuration(task))
}

/** Minutes of work left on a task or an assignment: work − actual work, never negative. */
export function progressRemainingWork(row: Pick<Task | Assignment, 'work' | 'actualWork'>): Minutes {
  return Math.max(0, row.work - row.actualWork)
}

/** % work complete (Microsoft Project's `PercentWorkComplete`): actual work / work × 100; 0 without work. */
export function progressPercentWorkComplete(row: Pick<Task | Assignment, 'work' | 'actualWork'>): Percent {
  return row.work > 0 ? Math.min(100, (row.actualWork / row.work) * 100) : 0
}

/** The task's baseline `number` (0 = Baseline, 1–10), or `null` when that baseline was never set for it. */
export function progressBaselineOf(task: Pick<Task, 'baselines'>, number: BaselineNumber): Baseline | null {
  for (const baseline of task.baselines) if (baseline.number === number) return baseline
  return null
}

/** One typed progress value: what `progressApply` turns into consistent stored fields. */
export type ProgressEdit =
  | { field: 'percentComplete' | 'physicalPercentComplete'; value: Percent }
  | { field: 'actualStart' | 'actualFinish'; value: IsoDateTime | null }
  | { field: 'actualDuration' | 'remainingDuration' | 'actualWork'; value: Minutes }

export type ProgressResult = { ok: true; plan: Plan } | { ok: false; message: string }

function dateShown(value: IsoDateTime): string {
  return value.slice(0, 16).replace('T', ' ')
}

/**
 * The task at `index` with % complete `percent`, its actual dates kept consistent (progress needs an actual start,
 * taken from the schedule when there is none; 100 % sets the actual finish; below 100 % there is none; 0 % clears
 * both) and its actual work and its assignments' following the % complete (Microsoft Project's "updating task status
 * updates resource status").
 */
function withPercent(plan: Plan, schedule: Schedule | null, index: number, percent: Percent, dates: { start?: IsoDateTime; finish?: IsoDateTime } = {}): Plan {
  const task = plan.tasks[index]
  if (task === undefined) return plan
  const scheduled = (values: Float64Array | undefined, fallback: IsoDateTime | null): IsoDateTime | null => {
    const value = values?.[index]
    return value !== undefined && Number.isFinite(value) ? dateFromWallMinutes(value) : fallback
  }
  const actualStart = percent === 0 ? null : (dates.start ?? task.actualStart ?? scheduled(schedule?.start, task.start) ?? plan.start)
  let actualFinish = percent < 100 ? null : (dates.finish ?? task.actualFinish ?? scheduled(schedule?.finish, task.finish))
  if (actualStart !== null && actualFinish !== null && actualFinish < actualStart) actualFinish = actualStart
  const share = percent / 100
  const mine = plan.assignments.filter((assignment) => assignment.taskId === task.id)
  let assignments = plan.assignments
  let actualWork = Math.round(task.work * share * 1000) / 1000
  if (mine.length > 0) {
    actualWork = 0
    assignments = plan.assignments.map((assignment) => {
      if (assignment.taskId !== task.id) return assignment
      const work = Math.round(assignment.work * share * 1000) / 1000
      actualWork += work
      return work === assignment.actualWork ? assignment : { ...assignment, actualWork: work }
    })
  }
  const next: Task = { ...task, percentComplete: percent, actualStart, actualFinish, actualWork }
  const tasks = plan.tasks.slice()
  tasks[index] = next
  return { ...plan, tasks, assignments }
}

function isSummaryAt(plan: Plan, index: number): boolean {
  const next = plan.tasks[index + 1]
  return next !== undefined && next.level > (plan.tasks[index]?.level ?? 0)
}

/**
 * Applies one typed progress value to task `taskId`, keeping the stored progress consistent as Microsoft Project
 * does: % complete moves the actual dates and actual work with it; an actual start alone starts the task; an actual
 * finish finishes it (100 %); actual or remaining duration set the % complete; actual work is shared over the
 * assignments by their work. Refused with a sentence: progress on a summary (it rolls up from its subtasks), an actual
 * finish before the actual start (or a start after the finish), an actual duration or work above the task's,
 * clearing the actual finish of a finished task.
 */
export function progressApply(plan: Plan, schedule: Schedule | null, taskId: TaskId, edit: ProgressEdit): ProgressResult {
  const index = plan.tasks.findIndex((task) => task.id === taskId)
  const task = plan.tasks[index]
  if (task === undefined) return { ok: false, message: `Task ${taskId} no longer exists.` }
  if (isSummaryAt(plan, index)) return { ok: false, message: `"${task.name}" is a summary task: its progress rolls up from its subtasks; update those.` }
  if ((edit.field === 'percentComplete' || edit.field === 'physicalPercentComplete') && !(edit.value >= 0 && edit.value <= 100))
    return { ok: false, message: `${edit.field === 'percentComplete' ? '% complete' : 'Physical % complete'} is a number from 0 to 100.` }
  if (typeof edit.value === 'number' && !(edit.value >= 0)) return { ok: false, message: 'Progress cannot be negative.' }
  switch (edit.field) {
    case 'percentComplete':
      return { ok: true, plan: withPercent(plan, schedule, index, edit.value) }
    case 'physicalPercentComplete': {
      const tasks = plan.tasks.slice()
      tasks[index] = { ...task, physicalPercentComplete: edit.value }
      return { ok: true, plan: { ...plan, tasks } }
    }
    case 'actualStart': {
      if (edit.value === null) return { ok: true, plan: withPercent(plan, schedule, index, 0) }
      if (task.actualFinish !== null && edit.value > task.actualFinish)
        return { ok: false, message: `The actual start ${dateShown(edit.value)} is after the actual finish ${dateShown(task.actualFinish)}.` }
      const tasks = plan.tasks.slice()
      tasks[index] = { ...task, actualStart: edit.value }
      return { ok: true, plan: { ...plan, tasks } }
    }
    case 'actualFinish': {
      if (edit.value === null) {
        if (task.percentComplete >= 100) return { ok: false, message: 'The task is 100 % complete; lower its % complete to take its actual finish away.' }
        return { ok: true, plan }
      }
      if (task.actualStart !== null && edit.value < task.actualStart)
        return { ok: false, message: `The actual finish ${dateShown(edit.value)} is before the actual start ${dateShown(task.actualStart)}.` }
      const start = task.actualStart ?? (schedule !== null && Number.isFinite(schedule.start[index]) ? dateFromWallMinutes(schedule.start[index] as number) : null)
      return { ok: true, plan: withPercent(plan, schedule, index, 100, { finish: edit.value, start: start !== null && start <= edit.value ? start : edit.value }) }
    }
    case 'actualDuration':
    case 'remainingDuration': {
      if (edit.value > task.duration)
        return { ok: false, message: `The ${edit.field === 'actualDuration' ? 'actual' : 'remaining'} duration is longer than the task's duration; change the duration first.` }
      if (task.duration === 0) return { ok: true, plan: withPercent(plan, schedule, index, edit.value > 0 || edit.field === 'actualDuration' ? 100 : 0) }
      const actual = edit.field === 'actualDuration' ? edit.value : task.duration - edit.value
      return { ok: true, plan: withPercent(plan, schedule, index, (actual / task.duration) * 100) }
    }
    case 'actualWork': {
      if (edit.value > task.work) return { ok: false, message: 'The actual work is more than the task\'s work; change the work first.' }
      const share = task.work > 0 ? edit.value / task.work : 0
      const assignments = plan.assignments.map((assignment) =>
        assignment.taskId === task.id ? { ...assignment, actualWork: Math.round(assignment.work * share * 1000) / 1000 } : assignment,
      )
      const start = task.actualStart ?? (edit.value > 0 && schedule !== null && Number.isFinite(schedule.start[index]) ? dateFromWallMinutes(schedule.start[index] as number) : null)
      const tasks = plan.tasks.slice()
      tasks[index] = { ...task, actualWork: edit.value, actualStart: start }
      return { ok: true, plan: { ...plan, tasks, assignments } }
    }
  }
}

/**
 * Microsoft Project's Mark on Track for `taskIds` at `statusDate`: each leaf task is done exactly as scheduled up to
 * the status date: started at its scheduled start if that is before the status date, its % complete the share of its
 * duration's working time before the status date, finished at its scheduled finish if that is not after it. Summary
 * tasks are left to roll up.
 */
export function progressOnTrack(plan: Plan, schedule: Schedule, taskIds: readonly TaskId[], statusDate: IsoDateTime): ProgressResult {
  const status = dateToWallMinutes(statusDate)
  const chosen = new Set(taskIds)
  let next = plan
  const projectCalendar = calendarCompile(plan, plan.calendarId)
  plan.tasks.forEach((task, index) => {
    if (!chosen.has(task.id) || isSummaryAt(plan, index)) return
    const start = schedule.start[index] as number
    const finish = schedule.finish[index] as number
    if (!Number.isFinite(start) || !Number.isFinite(finish) || start >= status) return
    if (finish <= status) {
      next = withPercent(next, schedule, index, 100, { start: dateFromWallMinutes(start), finish: dateFromWallMinutes(finish) })
      return
    }
    const own = task.calendarId === null ? projectCalendar : calendarCompile(plan, task.calendarId)
    const calendar = calendarIsProblem(own) ? projectCalendar : own
    const done = calendarIsProblem(calendar) ? status - start : calendarWorkingMinutesBetween(calendar, start, status)
    const total = calendarIsProblem(calendar) ? finish - start : calendarWorkingMinutesBetween(calendar, start, finish)
    const percent = total > 0 ? Math.min(99.999, (done / total) * 100) : 0
    next = withPercent(next, schedule, index, Math.round(percent * 1000) / 1000, { start: dateFromWallMinutes(start) })
  })
  return { ok: true, plan: next }
}
