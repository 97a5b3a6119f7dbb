/**
 * Reading a resource's load for the views: one day's assigned work and percentage, and buckets of days or weeks for
 * the usage heat map and the histogram.
 */
import { dateFromDayNumber, dateWeekday } from '../dates'
import type { IsoDate, Percent, Plan, Resource } from '../model'
import { resourceCalendarDays } from './calendars'
import type { ResourceLoad } from './types'

/** Assigned work of a resource on a day, minutes of work (0 outside its load range). */
export function loadDayAssigned(load: ResourceLoad, dayNumber: number): number {
  return load.assigned[dayNumber - load.firstDay] ?? 0
}

/**
 * Load of a resource on a day as a percentage of its available work; `null` when it has no working time that day
 * (weekend, holiday, vacation) but nothing assigned either. Work on a day without availability gives `Infinity`.
 */
export function loadDayPercent(
  load: ResourceLoad,
  dayNumber: number,
  plan: Plan,
  resource: Resource,
): Percent | null {
  const assigned = loadDayAssigned(load, dayNumber)
  const slot = dayNumber - load.firstDay
  const available =
    slot >= 0 && slot < load.available.length
      ? (load.available[slot] as number)
      : (resourceCalendarDays(plan, resource).workingMinutes(dayNumber) * resource.maxUnits) / 100
  if (available <= 0) return assigned > 0 ? Number.POSITIVE_INFINITY : null
  return (assigned * 100) / available
}

/** One bucket (day or week) of a load series for the heat map and histogram. */
export type LoadBucket = {
  /** First day of the bucket. */
  start: IsoDate
  startDay: number
  /** Number of calendar days in the bucket. */
  days: number
  /** Minutes of work. */
  assigned: number
  available: number
  /** assigned / available in percent; `null` when nothing is available and nothing assigned. */
  percent: Percent | null
  /** Whether any day of the bucket is over-allocated (including within-day overlaps). */
  isOverallocated: boolean
}

/**
 * A resource's load as buckets of `daysPerBucket` days (1 = per day, 7 = per week) covering `fromDay..toDay`
 * (day numbers, inclusive). Weekly buckets start on `weekStartDay` (0 = Sunday ... 6 = Saturday, the plan setting);
 * the first and last bucket are clipped to the range.
 */
export function loadSeries(
  load: ResourceLoad,
  plan: Plan,
  resource: Resource,
  fromDay: number,
  toDay: number,
  daysPerBucket: 1 | 7,
  weekStartDay = plan.settings.weekStartDay,
): LoadBucket[] {
  const buckets: LoadBucket[] = []
  const days = resourceCalendarDays(plan, resource)
  let day = fromDay
  while (day <= toDay) {
    let end = day
    if (daysPerBucket === 7) {
      const offset = (dateWeekday(day) - weekStartDay + 7) % 7
      end = Math.min(toDay, day + 6 - offset)
    }
    let assigned = 0
    let available = 0
    let isOverallocated = false
    for (let current = day; current <= end; current++) {
      const slot = current - load.firstDay
      assigned += load.assigned[slot] ?? 0
      available +=
        slot >= 0 && slot < load.available.length
          ? (load.available[slot] as number)
          : (days.workingMinutes(current) * resource.maxUnits) / 100
      if (load.isOverDay[slot] === 1) isOverallocated = true
    }
    const percent =
      available > 0 ? (assigned * 100) / available : assigned > 0 ? Number.POSITIVE_INFINITY : null
    buckets.push({
      start: dateFromDayNumber(day),
      startDay: day,
      days: end - day + 1,
      assigned,
      available,
      percent,
      isOverallocated,
    })
    day = end + 1
  }
  return buckets
}
