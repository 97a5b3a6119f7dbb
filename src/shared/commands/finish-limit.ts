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
 * The first new or changed link whose lag would start (or finish) its successor after `taskFinishLatest`, counted
 * from where `schedule` has its predecessor; percentage lags are within the predecessor and cannot.
 */
function linkProblem(before: Plan, after: Plan, schedule: Schedule, calendars: FinishLimitCalendars): string | null {
  const kept = new Set(before.dependencies)
  for (const link of after.dependencies) {
    if (kept.has(link) || link.lag <= 0 || link.lagUnit === '%' || link.lagUnit === 'e%') continue
    const at = schedule.indexOf.get(link.predecessorId)
    const successor = after.tasks.find((task) => task.id === link.successorId)
    if (at === undefined || successor === undefined) continue
    const anchor = (link.type === 'FS' || link.type === 'FF' ? schedule.finish[at] : schedule.start[at]) ?? Number.NaN
    if (!Number.isFinite(anchor)) continue
    if (finishOf(after, successor, anchor, link.lag, link.lagUnit, calendars) > finishLatestMinutes)
      return `The lag of ${durationFormat(link.lag, link.lagUnit, after.settings)} would put ${nameOf(successor)} after 2149-12-31, the last date Microsoft Project can schedule.`
  }
  return null
}

/**
 * The first task an edit (`before` to `after`) gives a duration that would finish after `taskFinishLatest`, from where
 * `schedule` (of `before`) starts it, or the first new link whose lag would put its successor there, as a sentence;
 * null when everything fits. Only tasks whose row
 * changed are looked at; summaries (whose duration comes from their subtasks) and tasks the schedule does not know
 * yet are left to the engine.
 */
export function finishLimitProblem(before: Plan, after: Plan, schedule: Schedule | null): string | null {
  if (schedule === null) return null
  const calendars: FinishLimitCalendars = new Map()
  if (after.dependencies !== before.dependencies) {
    const problem = linkProblem(before, after, schedule, calendars)
    if (problem !== null) return problem
  }
  if (after.tasks === before.tasks) return null
  for (let index = 0; index < after.tasks.length; index++) {
    const task = after.tasks[index] as Task
    const old = before.tasks[index]
    if (task === old || task.duration <= 0) continue
    if (old !== undefined && old.id === task.id && old.duration === task.duration && old.durationUnit === task.durationUnit) continue
    const at = schedule.indexOf.get(task.id)
    if (at === undefined || schedule.isSummary[at] === 1) continue
    const problem = finishLimitProblemOf(after, task, schedule.start[at] ?? Number.NaN, task.duration, task.durationUnit, calendars)
    if (problem !== null) return `${nameOf(task)}: ${problem}.`
  }
  return null
}
