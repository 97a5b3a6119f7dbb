/**
 * The sentences the workspace shows about a task's schedule beyond its dates (issue 14): a link its manual dates
 * break (which link, by how much; Microsoft Project's red underline), a vacation or calendar exception of one of its
 * people that stretched it, and its mode. The grid's tooltips, the bar tooltip and the details panel all say the same
 * words, made here from the engine's result.
 */
import type { Dependency, DependencyType, Plan, Resource, Task, TaskId } from '../../../../shared/domain/model'
import type { Schedule, ScheduleLinkViolation, ScheduleStretch } from '../../../../shared/domain/schedule-types'

const linkNames: Record<DependencyType, string> = {
  FS: 'finish-to-start',
  SS: 'start-to-start',
  FF: 'finish-to-finish',
  SF: 'start-to-finish',
}

/** Working minutes as days or hours: "2 days", "1 day", "4 hours" (days of `minutesPerDay` minutes). */
export function noteWorkingTime(minutes: number, minutesPerDay: number): string {
  if (minutes < minutesPerDay) {
    const hours = Math.round((minutes / 60) * 100) / 100
    return `${hours} hour${hours === 1 ? '' : 's'}`
  }
  const days = Math.round((minutes / minutesPerDay) * 100) / 100
  return `${days} day${days === 1 ? '' : 's'}`
}

function taskLabel(plan: Plan, taskIndex: number | undefined): string {
  const task = taskIndex === undefined ? undefined : plan.tasks[taskIndex]
  const row = taskIndex === undefined ? '' : `${taskIndex + 1} `
  const name = task?.name.trim() ?? ''
  return name === '' ? `task ${row}`.trim() : `${row}"${name}"`
}

/**
 * Why a manual task is marked: "The finish-to-start link from 1 "Design" is not met: this task starts 2 days too
 * early. Respect links moves it after its predecessor."
 */
export function noteViolation(plan: Plan, indexOf: ReadonlyMap<TaskId, number>, violation: ScheduleLinkViolation): string {
  const from = taskLabel(plan, indexOf.get(violation.predecessorId))
  const field = violation.type === 'FS' || violation.type === 'SS' ? 'starts' : 'finishes'
  const link = plan.dependencies.find((item: Dependency) => item.id === violation.dependencyId)
  const isElapsed = link !== undefined && link.lagUnit.startsWith('e')
  const amount = isElapsed ? noteWorkingTime(violation.shortBy, 1440).replace('day', 'elapsed day') : noteWorkingTime(violation.shortBy, plan.settings.minutesPerDay)
  return `The ${linkNames[violation.type]} link from ${from} is not met: this task ${field} ${amount} too early. Respect links moves it.`
}

/** The day range of a stretch: "2026-10-06" or "2026-10-06 to 2026-10-07". */
function rangeText(stretch: ScheduleStretch): string {
  return stretch.from === stretch.to ? stretch.from : `${stretch.from} to ${stretch.to}`
}

/**
 * What stretched a task: "Ana's Vacation (2026-10-06 to 2026-10-07) stretched it: 2 days of its working time
 * without her." Vacations are named "Vacation"; exceptions of a resource calendar by their own names.
 */
export function noteStretch(plan: Plan, resources: ReadonlyMap<number, Resource>, stretch: ScheduleStretch): string {
  const who = resources.get(stretch.resourceId)?.name ?? `resource ${stretch.resourceId}`
  const what = stretch.name.toLowerCase() === 'vacation' ? 'vacation' : stretch.name
  return `${who}'s ${what} (${rangeText(stretch)}) stretched it by ${noteWorkingTime(stretch.workingMinutes, plan.settings.minutesPerDay)}.`
}

/** The engine's link violations and stretches grouped by task, for lookups while painting rows. */
export type ScheduleNotes = {
  violations: ReadonlyMap<TaskId, readonly ScheduleLinkViolation[]>
  stretches: ReadonlyMap<TaskId, readonly ScheduleStretch[]>
}

const empty: ScheduleNotes = { violations: new Map(), stretches: new Map() }
const notesOf = new WeakMap<Schedule, ScheduleNotes>()

/** The violations and stretches of `schedule` by task (built once per schedule; both lists are short). */
export function scheduleNotes(schedule: Schedule | null): ScheduleNotes {
  if (schedule === null) return empty
  let notes = notesOf.get(schedule)
  if (notes === undefined) {
    const violations = new Map<TaskId, ScheduleLinkViolation[]>()
    for (const violation of schedule.linkViolations) {
      const list = violations.get(violation.taskId)
      if (list === undefined) violations.set(violation.taskId, [violation])
      else list.push(violation)
    }
    const stretches = new Map<TaskId, ScheduleStretch[]>()
    for (const stretch of schedule.stretches) {
      const list = stretches.get(stretch.taskId)
      if (list === undefined) stretches.set(stretch.taskId, [stretch])
      else list.push(stretch)
    }
    notes = { violations, stretches }
    notesOf.set(schedule, notes)
  }
  return notes
}

/** The violations of a task that concern its start (FS, SS) or its finish (FF, SF): which date cell is underlined. */
export function noteViolatedField(violations: readonly ScheduleLinkViolation[] | undefined, field: 'start' | 'finish'): ScheduleLinkViolation[] {
  if (violations === undefined) return []
  return violations.filter((violation) => (violation.type === 'FS' || violation.type === 'SS') === (field === 'start'))
}

/** Whether a manual task's typed value is blank: the grid shows the cell empty, as Microsoft Project does. */
export function noteIsBlank(task: Task, field: 'start' | 'finish' | 'duration'): boolean {
  if (task.schedulingMode !== 'manual') return false
  if (field === 'start') return task.manualStart === null
  if (field === 'finish') return task.manualFinish === null
  return task.manualDuration === null
}
