/**
 * Manual tasks and the engine's result: where a task is scheduled now (for switching it to manual without moving
 * it) and Microsoft Project's "Respect Links", which moves a manual task once to where its links put it.
 */
import { dateFromWallMinutes } from '../dates'
import type { Minutes, Plan, TaskId } from '../model'
import type { Schedule } from '../schedule-types'
import type { TaskRuleResult, TaskRuleScheduled } from '../task-rules'
import { scheduleRun } from './engine'

/**
 * Where task `taskId` is scheduled in `schedule` (the result for `plan`), as `taskRuleSetMode` takes it: its start and
 * finish as wall-clock texts and its duration (working minutes, as the schedule reports it).
 * @returns the dates, or `null` when the task is not in the schedule
 */
export function scheduleTaskScheduled(schedule: Schedule, taskId: TaskId): TaskRuleScheduled | null {
  const index = schedule.indexOf.get(taskId)
  if (index === undefined) return null
  return {
    start: dateFromWallMinutes(schedule.start[index] as number),
    finish: dateFromWallMinutes(schedule.finish[index] as number),
    duration: schedule.duration[index] as Minutes,
  }
}

/** The outcome of `scheduleRespectLinks`: the new plan and how far the task's start moved (wall minutes). */
export type ScheduleRespectLinksResult =
  (TaskRuleResult & { ok: true; movedBy: Minutes }) | { ok: false; message: string }

/**
 * Microsoft Project's "Respect Links" for manual task `taskId`: moves it once to where its links put it, as if it
 * were scheduled automatically from its predecessors (its duration kept; its constraint does not count), and keeps
 * it manual at those typed dates. A task without predecessors stays where it is.
 * @returns the new plan (the same object when nothing moves) and the move in wall minutes (positive = later), or why
 * it cannot be done (not a manual task, the plan cannot be scheduled)
 */
export function scheduleRespectLinks(plan: Plan, taskId: TaskId): ScheduleRespectLinksResult {
  const index = plan.tasks.findIndex((task) => task.id === taskId)
  const task = plan.tasks[index]
  if (task === undefined) return { ok: false, message: `Task ${taskId} no longer exists.` }
  if (task.schedulingMode !== 'manual')
    return { ok: false, message: `"${task.name}" is scheduled automatically; its links already place it.` }
  if (!plan.dependencies.some((link) => link.successorId === taskId)) return { ok: true, plan, movedBy: 0 }
  const before = scheduleRun(plan)
  if (!before.ok)
    return { ok: false, message: before.problems[0]?.message ?? 'The plan cannot be scheduled.' }
  const duration = before.schedule.duration[index] as number
  const tasks = plan.tasks.slice()
  // Scheduled automatically from its links alone (no constraint); the other tasks stay as they are.
  tasks[index] = { ...task, schedulingMode: 'auto', duration, constraint: { type: 'ASAP', date: null } }
  const trial = scheduleRun({ ...plan, tasks })
  if (!trial.ok) return { ok: false, message: trial.problems[0]?.message ?? 'The plan cannot be scheduled.' }
  const start = trial.schedule.start[index] as number
  const finish = trial.schedule.finish[index] as number
  const movedBy = start - (before.schedule.start[index] as number)
  if (movedBy === 0 && finish === before.schedule.finish[index]) return { ok: true, plan, movedBy: 0 }
  const moved = plan.tasks.slice()
  moved[index] = {
    ...task,
    manualStart: dateFromWallMinutes(start),
    manualFinish: dateFromWallMinutes(finish),
    manualDuration: task.manualDuration === null ? null : duration,
  }
  return { ok: true, plan: { ...plan, tasks: moved }, movedBy }
}
