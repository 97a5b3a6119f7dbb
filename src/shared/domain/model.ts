/**
 * Gantry domain model, version 3 (version 2 added work, task types, manual scheduling and assignment dates; version 3
 * eleven baselines, progress, cost rates and the earned value settings).
 *
 * Conventions used everywhere in the domain:
 * - Date-times are zone-less local wall-clock strings `YYYY-MM-DDTHH:MM:SS` (`IsoDateTime`), as Microsoft Project
 *   writes them. Calendar days are `YYYY-MM-DD` (`IsoDate`). The engine converts them to integer minutes since
 *   1970-01-01T00:00 on a DST-free clock (`WallMinutes`) so arithmetic never meets a daylight-saving gap.
 * - Durations and lags are stored in minutes (`Minutes`). For working units they count working minutes of the task's
 *   calendar; for elapsed units (`em`, `eh`, `ed`, `ew`, `emo`) they count wall-clock minutes. The unit is only how the
 *   value is shown and typed.
 * - Units (resource max units, assignment units) are percentages: 100 = one full-time person.
 * - Work is in minutes of work: one full-time person working one 8-hour day = 480.
 * - Times of day are minutes after midnight (0..1440); 1440 means midnight at the end of the day.
 * - Money (`Money`) is in units of the plan's currency (`settings.currencyCode`) as a plain number: 540.25 means 540.25
 *   euros, not cents. Costs come from rates times hours, so they are rarely whole cents anyway; views round them to the
 *   currency's digits. Microsoft Project XML writes amounts in hundredths, converted at the file boundary only.
 */

import type { HealthThresholds, StatusReport } from './health/model'
import type { RaidItem } from './raid-model'

/** A calendar day, `YYYY-MM-DD`. */
export type IsoDate = string
/** A zone-less local date-time, `YYYY-MM-DDTHH:MM:SS`. */
export type IsoDateTime = string
/** A number of minutes (working or elapsed, depending on the unit it is shown in). */
export type Minutes = number
/** Minutes since 1970-01-01T00:00 on a clock without time zones or daylight saving. */
export type WallMinutes = number
/** A percentage: 100 means 100 %. */
export type Percent = number
/** An amount in units of the plan's currency (not cents). */
export type Money = number

export type TaskId = number
export type DependencyId = number
export type ResourceId = number
export type AssignmentId = number
export type CalendarId = number

/** Working units, then elapsed units (calendar time, 24 h a day, 7 days a week). */
export const durationUnits = ['m', 'h', 'd', 'w', 'mo', 'em', 'eh', 'ed', 'ew', 'emo'] as const
export type DurationUnit = (typeof durationUnits)[number]

/** A lag can also be a percentage of the predecessor's duration. */
export const lagUnits = [...durationUnits, '%', 'e%'] as const
export type LagUnit = (typeof lagUnits)[number]

export const dependencyTypes = ['FS', 'SS', 'FF', 'SF'] as const
export type DependencyType = (typeof dependencyTypes)[number]

/** Microsoft Project's constraint types, with its meanings. */
export const constraintTypes = ['ASAP', 'ALAP', 'SNET', 'SNLT', 'FNET', 'FNLT', 'MSO', 'MFO'] as const
export type ConstraintType = (typeof constraintTypes)[number]

/** One span of working time inside a day, in minutes after midnight; `end` may be 1440. */
export type WorkingPeriod = { start: number; end: number }

/** A weekday's working pattern. An empty `periods` list means a non-working day. */
export type WeekDay = { periods: WorkingPeriod[] }

/**
 * A calendar exception from `from` to `to` (both inclusive days). A non-working exception has no periods;
 * a working exception (extra working day, changed hours) lists its periods.
 */
export type CalendarException = {
  name: string
  from: IsoDate
  to: IsoDate
  periods: WorkingPeriod[]
}

/** A different working week for a date range (Microsoft Project's "work weeks"). */
export type WorkWeek = {
  name: string
  from: IsoDate
  to: IsoDate
  /** Index 0 = Sunday ... 6 = Saturday; `null` keeps the calendar's normal pattern for that weekday. */
  weekDays: (WeekDay | null)[]
}

export type Calendar = {
  id: CalendarId
  name: string
  /** A derived calendar (e.g. a resource calendar) inherits from its base calendar what it does not override. */
  baseCalendarId: CalendarId | null
  /** Index 0 = Sunday ... 6 = Saturday. `null` inherits the weekday from the base calendar. */
  weekDays: (WeekDay | null)[]
  exceptions: CalendarException[]
  workWeeks: WorkWeek[]
}

export type Constraint = {
  type: ConstraintType
  /** Required for every type except ASAP and ALAP. */
  date: IsoDateTime | null
}

/**
 * Microsoft Project's task types: which of duration, work and units stays when the user changes one of the others
 * (see `task-rules.ts`). Fixed units is Microsoft Project's default.
 */
export const taskTypes = ['fixed-units', 'fixed-duration', 'fixed-work'] as const
export type TaskType = (typeof taskTypes)[number]

/** How a task is scheduled: by the engine (`auto`) or at the dates the user typed (`manual`). */
export const schedulingModes = ['auto', 'manual'] as const
export type SchedulingMode = (typeof schedulingModes)[number]

/** Baseline numbers: 0 is Microsoft Project's "Baseline", 1–10 are "Baseline 1" … "Baseline 10". */
export const baselineNumbers = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const
export type BaselineNumber = (typeof baselineNumbers)[number]

/**
 * One saved baseline of a task: what the plan said when the baseline was set. Every field may be blank (`null`), as
 * Microsoft Project files carry only the fields a baseline had.
 */
export type Baseline = {
  /** 0 = Baseline, 1–10 = Baseline 1–10. A task holds at most one baseline per number. */
  number: BaselineNumber
  start: IsoDateTime | null
  finish: IsoDateTime | null
  /** Working minutes of the task's calendar. */
  duration: Minutes | null
  /** Minutes of work. */
  work: Minutes | null
  /** Baseline cost (budget at completion of the task), in currency units. */
  cost: Money | null
  /**
   * The budgeted cost of work scheduled and performed as the file stored them beside this baseline (MSPDI's
   * baseline `BCWS` and `BCWP`), in currency units; Gantry computes its own earned value from the baseline.
   */
  bcws: Money | null
  bcwp: Money | null
}

/** When a fixed cost falls: at the start, spread over the duration, or at the finish (Microsoft Project's accrual). */
export const costAccruals = ['start', 'prorated', 'end'] as const
export type CostAccrual = (typeof costAccruals)[number]

export type Task = {
  id: TaskId
  name: string
  /** Outline level; top-level tasks are 1. The task list's order is the outline order. */
  level: number
  notes: string
  /** Scope: what this task delivers and how it is accepted. */
  deliverable: string
  acceptanceCriteria: string
  duration: Minutes
  durationUnit: DurationUnit
  isMilestone: boolean
  /**
   * Progress. Microsoft Project keeps progress figures consistent with each other; Gantry STORES the independent ones
   * and DERIVES the rest (`progress.ts`), so they can never disagree:
   * - stored: `percentComplete` (% of the duration done, may be fractional), `actualStart`, `actualFinish`,
   *   `physicalPercentComplete` (the user's own estimate, only used as an earned value method) and `actualWork`
   *   (per task without assignments; with assignments each assignment stores its own and the task holds their sum,
   *   as `work` does);
   * - derived: actual duration = duration × % complete / 100 (whole minutes), remaining duration = duration − actual
   *   duration, remaining work = work − actual work, % work complete = actual work / work.
   * The progress commands keep the stored ones consistent as Microsoft Project does (100 % sets the actual finish,
   * progress needs an actual start, the actual finish never precedes the actual start).
   */
  percentComplete: Percent
  physicalPercentComplete: Percent
  /** Minutes of work done (see `percentComplete`). */
  actualWork: Minutes
  constraint: Constraint
  /** Leveling priority, 0..1000 (Microsoft Project's default is 500). */
  priority: number
  /** A task calendar; `null` uses the plan's calendar. */
  calendarId: CalendarId | null
  actualStart: IsoDateTime | null
  actualFinish: IsoDateTime | null
  /** Delay added by resource leveling, in elapsed minutes. */
  levelingDelay: Minutes
  /** A date the task should finish by, shown as a warning when missed. */
  deadline: IsoDateTime | null
  /** Saved baselines, at most one per number, in ascending number order; empty when none was set. */
  baselines: Baseline[]
  /** A cost of the task besides its resources' (a licence, a fee), in currency units, and when it falls. */
  fixedCost: Money
  fixedCostAccrual: CostAccrual
  /** The budget of a (summary) task in currency units, `null` when it has none; compared with its forecast cost. */
  budget: Money | null
  /** The last computed dates, written so files and exports carry them; the engine recomputes them. */
  start: IsoDateTime | null
  finish: IsoDateTime | null
  /** Whether a summary row is collapsed in the outline. */
  isCollapsed: boolean
  /** What stays fixed when duration, work or units change (Microsoft Project's task type). */
  type: TaskType
  /** Effort driven: adding or removing people keeps the task's total work (Microsoft Project's flag). */
  isEffortDriven: boolean
  /** `manual`: the task keeps the dates the user typed (`manualStart`, `manualFinish`, `manualDuration`). */
  schedulingMode: SchedulingMode
  /** A manual task's typed start, finish and duration (working minutes of its calendar); `null` = left blank. */
  manualStart: IsoDateTime | null
  manualFinish: IsoDateTime | null
  manualDuration: Minutes | null
  /** Schedule the assignments on the task's calendar only, not on the resources' calendars (Microsoft Project's flag). */
  ignoresResourceCalendars: boolean
  /**
   * Work in minutes of work. With assignments it is the sum of their work (the edit rules keep it so); without,
   * it is what the user typed, and it becomes the work of the first resource assigned.
   */
  work: Minutes
}

export type Dependency = {
  id: DependencyId
  predecessorId: TaskId
  successorId: TaskId
  type: DependencyType
  /** Minutes of working (or, for elapsed units, wall-clock) time; for `%` and `e%` the percentage itself. Negative = lead. */
  lag: number
  lagUnit: LagUnit
}

export type DateRange = { from: IsoDate; to: IsoDate }

/** A work resource (people, equipment: costs by the hour of work) or a material (costs by the unit consumed). */
export const resourceTypes = ['work', 'material'] as const
export type ResourceType = (typeof resourceTypes)[number]

/**
 * The unit a rate is shown and typed in (Microsoft Project's `StandardRateFormat`): per minute, hour, day, week,
 * month, year of work, or per unit of a material. The stored rate is always per hour (per unit for a material).
 */
export const rateUnits = ['m', 'h', 'd', 'w', 'mo', 'y', 'unit'] as const
export type RateUnit = (typeof rateUnits)[number]

export type Resource = {
  id: ResourceId
  name: string
  role: string
  initials: string
  email: string
  /** Percent of full time: 100 = full time, 50 = a half-time person. */
  maxUnits: Percent
  type: ResourceType
  /** A material's unit ("t", "licence", "m³"); empty for work resources. */
  materialLabel: string
  /**
   * The standard rate in currency units per hour of work (as Microsoft Project XML stores `StandardRate`); for a
   * material, per unit consumed. `standardRateUnit` is only how it is shown: 400 per day is stored as 50 per hour with
   * unit `d` on an 8-hour day (per day, week, month are converted with the plan's minutes per day, week and days per
   * month).
   */
  standardRate: Money
  standardRateUnit: RateUnit
  /** The rate of overtime work, per hour like `standardRate`. */
  overtimeRate: Money
  overtimeRateUnit: RateUnit
  /** A cost each assignment of this resource incurs once, in currency units. */
  costPerUse: Money
  /** When the resource's cost of an assignment falls (Microsoft Project's `AccrueAt`; its default is prorated). */
  costAccrual: CostAccrual
  /** Personal non-working days (vacations), on top of the project calendar. */
  nonWorkingDays: DateRange[]
  /** A resource calendar derived from the project calendar, if the resource has one of its own. */
  calendarId: CalendarId | null
}

export type Assignment = {
  id: AssignmentId
  taskId: TaskId
  resourceId: ResourceId
  /** Percent of the resource's full time spent on this task: 100 = full time. */
  units: Percent
  /**
   * Work of the assignment in minutes of work. On an automatically scheduled task it lasts work x 100 / units
   * working minutes of the resource's calendar (intersected with the task's calendar), so a vacation stretches it.
   * For a material resource it is the quantity consumed in the resource's `materialLabel` units × 60 (Microsoft Project
   * XML writes a material's work as hours, one unit per hour).
   */
  work: Minutes
  /** Work done so far, in minutes of work (0..work); the remaining work is `work - actualWork`. */
  actualWork: Minutes
  /** The last computed dates of the assignment, written so files and exports carry them; the engine recomputes them. */
  start: IsoDateTime | null
  finish: IsoDateTime | null
}

export type PlanSettings = {
  minutesPerDay: number
  minutesPerWeek: number
  daysPerMonth: number
  /** 0 = Sunday ... 6 = Saturday. */
  weekStartDay: number
  /** Time of day a task starts when only a date is typed, minutes after midnight. */
  defaultStartTime: number
  /** Time of day a task finishes when only a date is typed, minutes after midnight. */
  defaultFinishTime: number
  currencyCode: string
  /** Days before a milestone when it counts as "due soon". */
  dueSoonDays: number
  /** The scheduling mode of new tasks (Microsoft Project's "New tasks are manually scheduled"). */
  newTaskSchedulingMode: SchedulingMode
  /**
   * Microsoft Project's "Move start of remaining parts before status date forward to status date": the remaining work
   * of a task behind schedule (started, or due to start, before the status date and not finished) is scheduled from the
   * status date on. Off by default, as in Microsoft Project.
   */
  moveRemainingAfterStatusDate: boolean
  /** The baseline earned value is measured against (Microsoft Project's `BaselineForEarnedValue`). */
  baselineForEarnedValue: BaselineNumber
  /** What earned value counts as done: the task's % complete or its physical % complete. */
  earnedValueMethod: EarnedValueMethod
  /** The health dashboard's Red/Amber/Green thresholds (issue 17; `health/model.ts`). */
  health: HealthThresholds
}

/** Microsoft Project's earned value methods (`EarnedValueMethod` 0 and 1). */
export const earnedValueMethods = ['percent-complete', 'physical-percent-complete'] as const
export type EarnedValueMethod = (typeof earnedValueMethods)[number]

/** When a baseline was set (Microsoft Project's "Baseline (last saved on …)"). */
export type BaselineSet = {
  number: BaselineNumber
  /** `null` when the baseline came from a file that does not say when it was set. */
  setAt: IsoDateTime | null
}

/** The plan's cost and baseline figures that are neither options nor rows. */
export type PlanTracking = {
  /** The plan's budget in currency units; `null` when none is set. */
  budget: Money | null
  /** The baselines set in this plan, in ascending number order, at most one per number. */
  baselines: BaselineSet[]
}

export type Plan = {
  /** Stable identity of the plan in local storage. */
  id: string
  name: string
  /** Project start, the earliest a task can start. */
  start: IsoDateTime
  /** The date progress is measured against; `null` means today. */
  statusDate: IsoDateTime | null
  /** Budget and baseline records (issue 16). */
  tracking: PlanTracking
  /** The project calendar. */
  calendarId: CalendarId
  settings: PlanSettings
  calendars: Calendar[]
  /** In outline order. */
  tasks: Task[]
  dependencies: Dependency[]
  resources: Resource[]
  assignments: Assignment[]
  /** The RAID log: risks, assumptions, issues and outside dependencies (`raid-model.ts`). */
  raid: RaidItem[]
  /** Saved status reports, dated snapshots in the order they were saved (`health/model.ts`). */
  statusReports: StatusReport[]
  createdAt: IsoDateTime
  updatedAt: IsoDateTime
}
