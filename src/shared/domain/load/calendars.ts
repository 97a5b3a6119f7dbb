/**
 * The working time the load is measured in: a resource's effective calendar (its own or the project's, with its
 * personal non-working days) and the plan's calendars, as day tables cached per calendar list and resource.
 */
import { CalendarSet, calendarIsProblem, calendarResourceEffective, type CompiledCalendar } from '../calendar'
import { dateToDayNumber } from '../dates'
import type { Calendar, CalendarId, Plan, Resource, WallMinutes } from '../model'

/**
 * A resource's (or task's) working time on the engine's compiled calendars: `between(from, to)` is the number of
 * working minutes between two wall-clock minutes, `workingMinutes(day)` those of one day (0 on weekends, holidays
 * and vacation days).
 */
export type ResourceDayTable = {
  calendar: CompiledCalendar | null
  between: (from: WallMinutes, to: WallMinutes) => number
  workingMinutes: (dayNumber: number) => number
  /**
   * Working minutes (counted from the calendar's anchor) at each midnight of days `fromDay..toDay + 1`, as
   * `values[day - offset]`; cached, so repeated load computations do not query the calendar day by day.
   */
  midnights: (fromDay: number, toDay: number) => { values: Float64Array; offset: number }
}

function dayTable(calendar: CompiledCalendar | null): ResourceDayTable {
  let offset = 0
  let values = new Float64Array(0)
  const midnights = (fromDay: number, toDay: number): { values: Float64Array; offset: number } => {
    if (calendar === null) return { values: new Float64Array(toDay - fromDay + 2), offset: fromDay }
    if (values.length === 0 || fromDay < offset || toDay + 1 >= offset + values.length) {
      const from = values.length === 0 ? fromDay - 31 : Math.min(offset, fromDay - 366)
      const to = values.length === 0 ? toDay + 32 : Math.max(offset + values.length - 1, toDay + 367)
      values = new Float64Array(to - from + 1)
      for (let day = from; day <= to; day++) values[day - from] = calendar.work(day * 1440)
      offset = from
    }
    return { values, offset }
  }
  if (calendar === null) return { calendar, between: () => 0, workingMinutes: () => 0, midnights }
  return {
    calendar,
    between: (from, to) => (to > from ? calendar.work(to) - calendar.work(from) : 0),
    workingMinutes: (dayNumber) => calendar.work((dayNumber + 1) * 1440) - calendar.work(dayNumber * 1440),
    midnights,
  }
}

function anchorDay(plan: Plan): number {
  return dateToDayNumber(plan.start.slice(0, 10))
}

const calendarTableCache = new WeakMap<readonly Calendar[], Map<CalendarId, ResourceDayTable>>()

/** The working time of calendar `calendarId` of the plan (no resource vacations); none if it cannot be compiled. */
export function loadCalendarDays(plan: Plan, calendarId: CalendarId): ResourceDayTable {
  let tables = calendarTableCache.get(plan.calendars)
  if (tables === undefined) calendarTableCache.set(plan.calendars, (tables = new Map()))
  const cached = tables.get(calendarId)
  if (cached !== undefined) return cached
  const compiled = new CalendarSet(plan.calendars, anchorDay(plan)).get(calendarId)
  const table = dayTable(calendarIsProblem(compiled) ? null : compiled)
  tables.set(calendarId, table)
  return table
}

type DayTableCache = { calendars: readonly Calendar[]; calendarId: CalendarId; table: ResourceDayTable }
const dayTableCache = new WeakMap<Resource, DayTableCache>()

/**
 * The working time of `resource`: its effective calendar (its own calendar or the project calendar, with its
 * personal non-working days on top; see `calendarResourceEffective`). Cached per resource object and calendar list.
 * A resource whose calendar cannot be used falls back to the project calendar.
 */
export function resourceCalendarDays(plan: Plan, resource: Resource): ResourceDayTable {
  const calendarId = resource.calendarId ?? plan.calendarId
  const cached = dayTableCache.get(resource)
  if (cached !== undefined && cached.calendars === plan.calendars && cached.calendarId === calendarId)
    return cached.table
  const effective = calendarResourceEffective(plan, resource)
  let compiled = new CalendarSet([...plan.calendars, effective], anchorDay(plan)).get(effective.id)
  if (calendarIsProblem(compiled)) {
    const fallback = { ...effective, baseCalendarId: plan.calendarId }
    compiled = new CalendarSet([...plan.calendars, fallback], anchorDay(plan)).get(fallback.id)
  }
  const table = dayTable(calendarIsProblem(compiled) ? null : compiled)
  dayTableCache.set(resource, { calendars: plan.calendars, calendarId, table })
  return table
}
