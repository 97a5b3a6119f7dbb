import type { Calendar, Plan, PlanSettings, Task, TaskId, WeekDay } from './model'

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
    currencyCode: 'EUR',
    dueSoonDays: 14,
  }
}

/** A task with every field at its default: a one-day, as-soon-as-possible task at outline level 1. */
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
    constraint: { type: 'ASAP', date: null },
    priority: 500,
    calendarId: null,
    actualStart: null,
    actualFinish: null,
    levelingDelay: 0,
    deadline: null,
    baseline: null,
    start: null,
    finish: null,
    isCollapsed: false,
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
    calendarId: 1,
    settings: planSettingsDefault(),
    calendars: [calendarStandard()],
    tasks: [],
    dependencies: [],
    resources: [],
    assignments: [],
    raid: [],
    createdAt: now,
    updatedAt: now,
    ...overrides,
  }
}
