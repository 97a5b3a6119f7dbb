/**
 * Rules that tie a task's fields together, in one place for every caller that edits tasks (the engine's incremental
 * edits, the edit commands, the importers).
 */
import type { DurationUnit, Minutes, Task } from './model'

/**
 * The duration fields after the user sets a task's duration to `duration` minutes (`unit` as typed, else the task's
 * unit), with Microsoft Project's milestone rule: a duration of 0 makes the task a milestone; a milestone of
 * duration 0 given a duration stops being one; a task the user flagged as a milestone while it had a duration
 * stays flagged (the flag is display only: the engine schedules the duration either way).
 * @returns `duration` (minutes), `durationUnit` and `isMilestone` to merge into the task
 */
export function taskRuleDurationChange(
  task: Pick<Task, 'duration' | 'durationUnit' | 'isMilestone'>,
  duration: Minutes,
  unit?: DurationUnit,
): Pick<Task, 'duration' | 'durationUnit' | 'isMilestone'> {
  const isMilestone = duration === 0 || (task.isMilestone && task.duration > 0)
  return { duration, durationUnit: unit ?? task.durationUnit, isMilestone }
}

/**
 * The duration fields after the user sets or clears a task's milestone flag (the details panel's Milestone box).
 * Flagging keeps the duration (a milestone flagged by hand keeps its length, as in Microsoft Project). Clearing the
 * flag of a 0-duration milestone gives it one working day, `minutesPerDay` minutes, since a task of duration 0 is a
 * milestone whatever its flag says.
 * @returns `duration` (minutes), `durationUnit` and `isMilestone` to merge into the task
 */
export function taskRuleMilestoneChange(
  task: Pick<Task, 'duration' | 'durationUnit' | 'isMilestone'>,
  isMilestone: boolean,
  minutesPerDay: Minutes,
): Pick<Task, 'duration' | 'durationUnit' | 'isMilestone'> {
  if (isMilestone || task.duration > 0) return { duration: task.duration, durationUnit: task.durationUnit, isMilestone }
  return { duration: minutesPerDay, durationUnit: task.durationUnit, isMilestone: false }
}
