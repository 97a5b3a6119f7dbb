import type {
  AssignmentId,
  CalendarId,
  DependencyId,
  DependencyType,
  IsoDate,
  Minutes,
  ResourceId,
  TaskId,
  WallMinutes,
} from './model'

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
  /**
   * Work per task in minutes of work: the sum of its assignments' work, or the work typed on a task without
   * assignments; summaries: the sum of their tasks' work plus their own assignments'.
   */
  work: Float64Array
  /** 1 for tasks whose assignments drive their dates (each scheduled on its resource's calendar). */
  isResourceDriven: Uint8Array
  /** 1 for manually scheduled tasks (their dates are the typed ones; links do not move them). */
  isManual: Uint8Array
  /**
   * Summaries: the span their tasks roll up to (wall minutes; NaN for other tasks). A manual summary is scheduled at
   * its own dates (`start`, `finish`) and shows this span beside them.
   */
  rolledStart: Float64Array
  rolledFinish: Float64Array
  /**
   * Per assignment, indexed like `plan.assignments`: its scheduled dates (a driving assignment on its resource's
   * calendar, any other over its task's span; NaN for an assignment to a task that does not exist) and its work in
   * minutes of work (on a summary task: its units x the resource's working time in the summary's span).
   */
  assignmentStart: Float64Array
  assignmentFinish: Float64Array
  assignmentWork: Float64Array
  /** Links into manual tasks that the tasks' typed dates break, in plan order (Microsoft Project's red underline). */
  linkViolations: ScheduleLinkViolation[]
  /** Resource vacations and calendar exceptions that stretched resource-driven tasks, in plan order. */
  stretches: ScheduleStretch[]
}

/**
 * A link into a manual task that its typed dates break: the task starts (FS, SS) or finishes (FF, SF) `shortBy`
 * minutes before the link allows: working minutes of the task's calendar, wall minutes for an elapsed lag.
 */
export type ScheduleLinkViolation = {
  taskId: TaskId
  dependencyId: DependencyId
  predecessorId: TaskId
  type: DependencyType
  shortBy: Minutes
}

/**
 * A resource's non-working days inside one of its assignments on a resource-driven task: the task stretched over
 * them. `name` is the exception's name ("Vacation" for the resource's own days off), `from`/`to` the days of the range
 * inside the assignment, `workingMinutes` the working time of the task's calendar the resource did not work there.
 */
export type ScheduleStretch = {
  taskId: TaskId
  assignmentId: AssignmentId
  resourceId: ResourceId
  name: string
  from: IsoDate
  to: IsoDate
  workingMinutes: Minutes
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
