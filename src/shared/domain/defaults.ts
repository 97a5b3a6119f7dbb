import type {
  Assignment,
  AssignmentId,
  Calendar,
  Minutes,
  Percent,
  Plan,
  PlanSettings,
  Resource,
  ResourceId,
  Task,
  TaskId,
  WeekDay,
} from './model'
import { healthThresholdsDefault } from './health/model'

/** Monday–Friday 08:00–12:00 and 13:00–17:00, as Microsoft Project's Standard calendar. */
export const standardWorkingDay: WeekDay = {
  periods: [
    { start: 8 * 60, end: 12 * 60 },
    { start: 13 * 60, end: 17 * 60 },
  ],
}

const nonWorkingDay: WeekDay = { periods: [] }

/** The Standard calendar: Monday–Friday 08:00–12:00 and 13:00–17:00, no holidays. */
export function calendarStandard(id = 1, name = 'Standard'): Calendar {
  return {
    id,
    name,
    baseCalendarId: null,
    weekDays: [
      nonWorkingDay,
      standardWorkingDay,
      standardWorkingDay,
      standardWorkingDay,
      standardWorkingDay,
      standardWorkingDay,
      nonWorkingDay,
    ].map((day) => ({ periods: day.periods.map((period) => ({ ...period })) })),
    exceptions: [],
    workWeeks: [],
  }
}

/** Settings of a new plan: 8-hour days, 40-hour weeks, 20-day months, weeks starting on Monday. */
export function planSettingsDefault(): PlanSettings {
  return {
    minutesPerDay: 480,
    minutesPerWeek: 2400,
    daysPerMonth: 20,
    weekStartDay: 1,
    defaultStartTime: 8 * 60,
    defaultFinishTime: 17 * 60,
    currencyCode: 'USD',
    dueSoonDays: 14,
    newTaskSchedulingMode: 'auto',
    moveRemainingAfterStatusDate: false,
    baselineForEarnedValue: 0,
    earnedValueMethod: 'percent-complete',
    health: healthThresholdsDefault(),
  }
}

/**
 * A task with every field at its default: a one-day, as-soon-as-possible, automatically scheduled fixed-units task
 * (not effort driven, Microsoft Project's defaults) at outline level 1, without work.
 */
export function makeTask(id: TaskId, overrides: Partial<Task> = {}): Task {
  return {
    id,
    name: '',
    level: 1,
    notes: '',
    deliverable: '',
    acceptanceCriteria: '',
    duration: 480,
    durationUnit: 'd',
    isMilestone: false,
    percentComplete: 0,
    physicalPercentComplete: 0,
    actualWork: 0,
    constraint: { type: 'ASAP', date: null },
    priority: 500,
    calendarId: null,
    actualStart: null,
    actualFinish: null,
    levelingDelay: 0,
    deadline: null,
    baselines: [],
    fixedCost: 0,
    fixedCostAccrual: 'prorated',
    budget: null,
    start: null,
    finish: null,
    isCollapsed: false,
    type: 'fixed-units',
    isEffortDriven: false,
    schedulingMode: 'auto',
    manualStart: null,
    manualFinish: null,
    manualDuration: null,
    ignoresResourceCalendars: false,
    work: 0,
    ...overrides,
  }
}

/**
 * An assignment of resource `resourceId` to task `taskId` at `units` percent with `work` minutes of work (not yet
 * scheduled: no dates). `task-rules.ts` computes the work a new assignment gets (`taskRuleAssign`).
 */
export function makeAssignment(
  id: AssignmentId,
  taskId: TaskId,
  resourceId: ResourceId,
  units: Percent,
  work: Minutes,
): Assignment {
  return { id, taskId, resourceId, units, work, actualWork: 0, start: null, finish: null }
}

/**
 * A work resource with every field at its default: full time, no rates (Microsoft Project's defaults), costs
 * accruing prorated, on the project calendar.
 */
export function makeResource(id: ResourceId, name: string, overrides: Partial<Resource> = {}): Resource {
  return {
    id,
    name,
    role: '',
    initials: '',
    email: '',
    maxUnits: 100,
    type: 'work',
    materialLabel: '',
    standardRate: 0,
    standardRateUnit: 'h',
    overtimeRate: 0,
    overtimeRateUnit: 'h',
    costPerUse: 0,
    costAccrual: 'prorated',
    nonWorkingDays: [],
    calendarId: null,
    ...overrides,
  }
}

/**
 * An empty plan with the Standard calendar.
 * @param id the plan's storage identity (the caller supplies it so this stays free of platform APIs)
 * @param now the creation time, `YYYY-MM-DDTHH:MM:SS`
 */
export function makePlan(id: string, name: string, start: string, now: string, overrides: Partial<Plan> = {}): Plan {
  return {
    id,
    name,
    start,
    statusDate: null,
    tracking: { budget: null, baselines: [] },
    calendarId: 1,
    settings: planSettingsDefault(),
    calendars: [calendarStandard()],
    tasks: [],
    dependencies: [],
    resources: [],
    assignments: [],
    raid: [],
    statusReports: [],
    createdAt: now,
    updatedAt: now,
    ...overrides,
  }
}
