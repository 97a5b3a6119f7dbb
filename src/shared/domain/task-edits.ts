/**
 * Microsoft Project's rules for what an edit of one task field does to the fields that depend on it. Every place
 * that changes a duration or the milestone flag (typing in the grid, dragging a bar's end, Shift+arrows in the
 * chart, the details panel, the engine's incremental update) applies these, so a milestone behaves the same
 * whichever way it was edited.
 */
import type { DurationUnit, Minutes, Task } from './model'

/** The fields a duration edit sets. */
export type TaskDurationFields = Pick<Task, 'duration' | 'durationUnit' | 'isMilestone'>

/**
 * A new duration for `task`, with its milestone flag: typing 0 makes a milestone; changing a milestone's 0
 * duration to a non-zero one clears the flag; a task flagged as a milestone with a duration of its own keeps the
 * flag when its duration changes (Microsoft Project draws it as a diamond at its finish).
 * @param minutes the new duration in minutes (0 or more)
 * @param unit the unit it was typed in; the task's unit when left out
 */
export function taskDurationEdit(
  task: Pick<Task, 'duration' | 'durationUnit' | 'isMilestone'>,
  minutes: Minutes,
  unit: DurationUnit = task.durationUnit,
): TaskDurationFields {
  const isMilestone = minutes === 0 || (task.isMilestone && task.duration > 0)
  return { duration: minutes, durationUnit: unit, isMilestone }
}

/**
 * Sets or clears the milestone flag. Flagging keeps the duration (an explicit milestone with a duration, as in
 * Microsoft Project). Clearing the flag of a 0-duration milestone gives it one working day, `minutesPerDay`
 * minutes, since a task of 0 duration would still be a milestone.
 */
export function taskMilestoneEdit(
  task: Pick<Task, 'duration' | 'durationUnit' | 'isMilestone'>,
  isMilestone: boolean,
  minutesPerDay: Minutes,
): TaskDurationFields {
  if (isMilestone || task.duration > 0) return { duration: task.duration, durationUnit: task.durationUnit, isMilestone }
  return { duration: minutesPerDay, durationUnit: task.durationUnit, isMilestone: false }
}
