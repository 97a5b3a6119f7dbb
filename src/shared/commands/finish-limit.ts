/**
 * The latest finish a task may get from an edit: 31 December 2149, the last date Microsoft Project can schedule (its
 * specifications). Beyond it a plan could not be exported to Microsoft Project XML, and far beyond it (about 270
 * years from the plan start) the engine can no longer place the task, so the saved file would not open again. A
 * duration typed by mistake (99999d), or work typed for a person at 1 % (9000000h), is refused before it is kept.
 */
import { calendarAddWorkingMinutes, calendarCompile, calendarIsProblem, type CompiledCalendar } from '../domain/calendar'
import { dateDayOfWallMinutes, dateToWallMinutes } from '../domain/dates'
import { durationFormat } from '../domain/durations'
import type { CalendarId, DurationUnit, Plan, Task } from '../domain/model'
import { scheduleRun } from '../domain/schedule'
import type { Schedule } from '../domain/schedule-types'
import { textExcerpt } from '../domain/text'

export const taskFinishLatest = '2149-12-31T23:59:00'
const finishLatestMinutes = dateToWallMinutes(taskFinishLatest)

/** Compiled calendars by id, for the checks of one edit (compiling is the costly part). */
export type FinishLimitCalendars = Map<CalendarId, CompiledCalendar | null>

/**
 * Where a task of `minutes` in `unit` starting at `start` (wall minutes) finishes: elapsed units count every minute,
 * the others working time of the task's calendar. NaN when its calendar cannot be compiled.
 */
function finishOf(plan: Plan, task: Pick<Task, 'calendarId'>, start: number, minutes: number, unit: DurationUnit, calendars: FinishLimitCalendars): number {
  if (unit.startsWith('e')) return start + minutes
  const id = task.calendarId ?? plan.calendarId
  let calendar = calendars.get(id)
  if (calendar === undefined) {
    const compiled = calendarCompile(plan, id)
    calendar = calendarIsProblem(compiled) ? null : compiled
    calendars.set(id, calendar)
  }
  return calendar === null ? Number.NaN : calendarAddWorkingMinutes(calendar, start, minutes)
}

/**
 * Why a task of `minutes` in `unit`, starting at `start`, cannot be kept: its finish would pass `taskFinishLatest`.
 * @returns the sentence, or null when it fits (or its start is not known)
 */
export function finishLimitProblemOf(
  plan: Plan,
  task: Pick<Task, 'calendarId'>,
  start: number,
  minutes: number,
  unit: DurationUnit,
  calendars: FinishLimitCalendars = new Map(),
): string | null {
  if (!Number.isFinite(start)) return null
  const finish = finishOf(plan, task, start, minutes, unit, calendars)
  if (!(finish > finishLatestMinutes)) return null
  return `Starting on ${dateDayOfWallMinutes(start)}, a task of ${durationFormat(minutes, unit, plan.settings)} would finish after 2149-12-31, the last date Microsoft Project can schedule`
}

const nameOf = (task: Pick<Task, 'id' | 'name'>): string => (task.name.trim() === '' ? `Task ${task.id}` : `"${textExcerpt(task.name)}"`)

/**
 * After an edit that lengthened a task or added a lag: the first new or changed link whose lag would start (or finish)
 * its successor after `taskFinishLatest`, counted from where `schedule` has its predecessor (percentage lags stay
 * within the predecessor); the latest finish any such link reaches goes to `reach`.
 */
function linkProblem(before: Plan, after: Plan, schedule: Schedule, calendars: FinishLimitCalendars, reach: { finish: number }): string | null {
  const kept = new Set(before.dependencies)
  for (const link of after.dependencies) {
    if (kept.has(link) || link.lag <= 0 || link.lagUnit === '%' || link.lagUnit === 'e%') continue
    const at = schedule.indexOf.get(link.predecessorId)
    const successor = after.tasks.find((task) => task.id === link.successorId)
    if (at === undefined || successor === undefined) continue
    const anchor = (link.type === 'FS' || link.type === 'FF' ? schedule.finish[at] : schedule.start[at]) ?? Number.NaN
    if (!Number.isFinite(anchor)) continue
    const finish = finishOf(after, successor, anchor, link.lag, link.lagUnit, calendars)
    if (finish > finishLatestMinutes)
      return `The lag of ${durationFormat(link.lag, link.lagUnit, after.settings)} would put ${nameOf(successor)} after 2149-12-31, the last date Microsoft Project can schedule.`
    if (finish > reach.finish) reach.finish = finish
  }
  return null
}

/**
 * From where a plan reaches this date on, an edit that lengthens a task or adds a lag is checked against the whole new
 * schedule (its successors move too), not only the task it changed. Plans that finish before it (all real ones) never
 * pay for that: a task moved by one edit can push its successors by no more than it moved, so the plan stays far
 * inside what the engine places (about 270 years from its start) and the next edit is checked in full.
 */
const fullCheckFrom = dateToWallMinutes('2100-01-01T00:00:00')

/**
 * Why an edit (`before` to `after`, `schedule` being `before`'s) cannot be kept because of where it puts tasks, or
 * null: a task whose changed duration, started where `schedule` has it, would finish after `taskFinishLatest`; a new
 * link whose lag would put its successor there; and, for a plan that reaches into the 22nd century, a successor the
 * edit pushes past that date when the plan did not reach it before. Summaries (whose duration comes from their
 * subtasks) and tasks the schedule does not know yet are left to the engine.
 */
export function finishLimitProblem(before: Plan, after: Plan, schedule: Schedule | null): string | null {
  if (schedule === null) return null
  const calendars: FinishLimitCalendars = new Map()
  const reach = { finish: Number.NEGATIVE_INFINITY }
  let isLonger = false
  if (after.dependencies !== before.dependencies) {
    const problem = linkProblem(before, after, schedule, calendars, reach)
    if (problem !== null) return problem
    isLonger = true
  }
  if (after.tasks !== before.tasks) {
    for (let index = 0; index < after.tasks.length; index++) {
      const task = after.tasks[index] as Task
      const old = before.tasks[index]
      if (task === old || task.duration <= 0) continue
      if (old !== undefined && old.id === task.id && old.duration === task.duration && old.durationUnit === task.durationUnit) continue
      const at = schedule.indexOf.get(task.id)
      if (at === undefined || schedule.isSummary[at] === 1) continue
      const start = schedule.start[at] ?? Number.NaN
      // A task made shorter is kept, even in a plan that already reaches past the limit (an imported one).
      const isTaskLonger = old === undefined || old.id !== task.id || task.duration > old.duration || task.durationUnit !== old.durationUnit
      if (!isTaskLonger) continue
      const problem = finishLimitProblemOf(after, task, start, task.duration, task.durationUnit, calendars)
      if (problem !== null) return `${nameOf(task)}: ${problem}.`
      isLonger = true
      if (Number.isFinite(start)) reach.finish = Math.max(reach.finish, finishOf(after, task, start, task.duration, task.durationUnit, calendars))
    }
  }
  if (!isLonger || (schedule.projectFinish < fullCheckFrom && reach.finish < fullCheckFrom)) return null
  return successorsProblem(after, schedule.projectFinish)
}

/** The task of `after` that finishes latest, when that is after `taskFinishLatest` and later than `finishBefore`. */
function successorsProblem(after: Plan, finishBefore: number): string | null {
  const scheduled = scheduleRun(after)
  if (!scheduled.ok) return null
  const { finish, projectFinish } = scheduled.schedule
  if (!(projectFinish > finishLatestMinutes) || !(projectFinish > finishBefore)) return null
  const index = finish.findIndex((value) => value === projectFinish)
  const task = after.tasks[index]
  return `${task === undefined ? 'A task' : nameOf(task)} would then finish on ${dateDayOfWallMinutes(projectFinish)}, after 2149-12-31, the last date Microsoft Project can schedule.`
}
