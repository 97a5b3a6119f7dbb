import type { Assignment, Baseline, BaselineNumber, Minutes, Percent, Task } from './model'

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
