import type { CalendarId, DependencyId, Minutes, TaskId, WallMinutes } from './model'

/**
 * The result of scheduling a plan. Every array is indexed like `plan.tasks` (index i describes
 * `plan.tasks[i]`), which keeps a 100,000-task schedule in a few typed arrays instead of objects.
 * Dates are wall-clock minutes (see `dates.ts`); slack is in working minutes of the task's calendar.
 */
export type Schedule = {
  taskCount: number
  /** Index of each task id in `plan.tasks`. */
  indexOf: Map<TaskId, number>
  /** Scheduled dates (the early dates, or the late dates for ALAP tasks; actual dates where progress was recorded). */
  start: Float64Array
  finish: Float64Array
  earlyStart: Float64Array
  earlyFinish: Float64Array
  lateStart: Float64Array
  lateFinish: Float64Array
  /** Total and free slack in working minutes; negative when a constraint or deadline cannot be met. */
  totalSlack: Float64Array
  freeSlack: Float64Array
  /** Working minutes between start and finish (summaries: rolled up from their children). */
  duration: Float64Array
  /** Percent complete (summaries: rolled up, weighted by duration). */
  percentComplete: Float64Array
  /** 1 for tasks with total slack <= 0. */
  isCritical: Uint8Array
  /** 1 for tasks that have children in the outline. */
  isSummary: Uint8Array
  /**
   * 1 for tasks (not summaries) scheduled to start before the plan's start: only an explicit date (a
   * start-no-earlier-than, must or no-later-than date), an actual start or a finish link (FF, SF) can put a task
   * there; the UI shows why.
   */
  startsBeforeProjectStart: Uint8Array
  /** Index of the outline parent, or -1 for top-level tasks. */
  parent: Int32Array
  projectStart: WallMinutes
  projectFinish: WallMinutes
}

/** Why a plan cannot be scheduled. Nothing is scheduled while any problem remains. */
export type ScheduleProblem =
  | { kind: 'cycle'; taskIds: TaskId[]; message: string }
  | { kind: 'missing-task'; dependencyId: DependencyId; taskId: TaskId; message: string }
  | { kind: 'duplicate-id'; taskId: TaskId; message: string }
  | { kind: 'self-link'; dependencyId: DependencyId; taskId: TaskId; message: string }
  | { kind: 'no-working-time'; calendarId: CalendarId; message: string }
  | { kind: 'missing-calendar'; calendarId: CalendarId; message: string }
  | { kind: 'invalid-value'; taskId: TaskId | null; message: string }

export type ScheduleResult = { ok: true; schedule: Schedule } | { ok: false; problems: ScheduleProblem[] }

/** Slack and duration figures the UI shows are in working minutes; this is how many make a day in the plan. */
export type ScheduleUnits = { minutesPerDay: Minutes }
