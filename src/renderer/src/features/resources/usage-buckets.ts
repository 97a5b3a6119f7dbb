/**
 * The periods of the resource usage views at each zoom: days (Day), weeks (Week), months (Month) and quarters
 * (Quarter), as the Gantt's zoom names them. A period adds up its days' assigned and available work, so its
 * percentage is the period's own figure; it also keeps its busiest day, so a period whose figure is under 100 %
 * but that holds an over-allocated day can say so (and be marked) without being coloured as over-allocated.
 */
import { dateFromDayNumber, dateToDayNumber, dateWeekday } from '../../../../shared/domain/dates'
import { loadSeries, type LoadBucket, type ResourceLoad } from '../../../../shared/domain/load'
import type { Plan, Resource } from '../../../../shared/domain/model'

export type UsageUnit = 'day' | 'week' | 'month' | 'quarter'

export type UsageBucket = LoadBucket & {
  /** The busiest day's load in percent (`Infinity`: work on a day without availability), `null` when none works. */
  peakPercent: number | null
  /** The busiest day (a day number), `null` when none works. */
  peakDay: number | null
  /** The most the resource is asked for at one moment in the period (Microsoft Project's peak units), in percent. */
  peakUnits: number
  /** The column heading (`03-02`, `Wk 03-02`, `Mar 2026`, `Q1 2026`) and its accessible form. */
  label: string
  title: string
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** The unit of the usage views at a zoom level of the store (0 day, 1 week, 2 month, 3 quarter). */
export function usageUnitOf(zoomLevel: number): UsageUnit {
  return zoomLevel <= 0 ? 'day' : zoomLevel === 1 ? 'week' : zoomLevel === 2 ? 'month' : 'quarter'
}

/** The first day of the period holding `day`. */
export function usagePeriodStart(unit: UsageUnit, day: number, weekStartDay: number): number {
  if (unit === 'day') return day
  if (unit === 'week') return day - ((dateWeekday(day) - weekStartDay + 7) % 7)
  const text = dateFromDayNumber(day)
  const month = Number(text.slice(5, 7))
  const first = unit === 'month' ? month : month - ((month - 1) % 3)
  return dateToDayNumber(`${text.slice(0, 4)}-${String(first).padStart(2, '0')}-01`)
}

/** The first day of the period after the one starting on `start`. */
function periodNext(unit: UsageUnit, start: number): number {
  if (unit === 'day') return start + 1
  if (unit === 'week') return start + 7
  const text = dateFromDayNumber(start)
  const total = Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1 + (unit === 'month' ? 1 : 3)
  return dateToDayNumber(`${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}-01`)
}

function periodNames(unit: UsageUnit, start: number): { label: string; title: string } {
  const text = dateFromDayNumber(start)
  const month = Number(text.slice(5, 7))
  if (unit === 'day') return { label: text.slice(5), title: text }
  if (unit === 'week') return { label: `Wk ${text.slice(5)}`, title: `week of ${text}` }
  if (unit === 'month') return { label: `${monthNames[month - 1] ?? ''} ${text.slice(0, 4)}`, title: `${monthNames[month - 1] ?? ''} ${text.slice(0, 4)}` }
  const quarter = `Q${Math.floor((month - 1) / 3) + 1} ${text.slice(0, 4)}`
  return { label: quarter, title: quarter }
}

/** Whole periods covering `fromDay..toDay`: a period cut short would show its few days' capacity as a dip. */
export function usageRange(unit: UsageUnit, fromDay: number, toDay: number, weekStartDay: number): [number, number] {
  return [usagePeriodStart(unit, fromDay, weekStartDay), periodNext(unit, usagePeriodStart(unit, toDay, weekStartDay)) - 1]
}

/**
 * A resource's load by period over `fromDay..toDay` (day numbers, inclusive; whole periods, see `usageRange`):
 * assigned and available work summed over the period's days, its percentage, whether any day is over-allocated,
 * its busiest day and its peak units.
 */
export function usageBuckets(load: ResourceLoad, plan: Plan, resource: Resource, fromDay: number, toDay: number, unit: UsageUnit): UsageBucket[] {
  const weekStartDay = plan.settings.weekStartDay
  const days = loadSeries(load, plan, resource, fromDay, toDay, 1)
  const buckets: UsageBucket[] = []
  let current: UsageBucket | null = null
  let end = Number.NEGATIVE_INFINITY
  for (const day of days) {
    if (current === null || day.startDay >= end) {
      const start = usagePeriodStart(unit, day.startDay, weekStartDay)
      end = periodNext(unit, start)
      current = {
        start: dateFromDayNumber(start),
        startDay: start,
        days: 0,
        assigned: 0,
        available: 0,
        percent: null,
        isOverallocated: false,
        peakPercent: null,
        peakDay: null,
        peakUnits: 0,
        ...periodNames(unit, start),
      }
      buckets.push(current)
    }
    current.days += 1
    current.assigned += day.assigned
    current.available += day.available
    current.isOverallocated ||= day.isOverallocated
    current.peakUnits = Math.max(current.peakUnits, load.peakUnits[day.startDay - load.firstDay] ?? 0)
    if (day.percent !== null && (current.peakPercent === null || day.percent > current.peakPercent)) {
      current.peakPercent = day.percent
      current.peakDay = day.startDay
    }
  }
  for (const bucket of buckets) {
    bucket.percent = bucket.available > 0 ? (bucket.assigned * 100) / bucket.available : bucket.assigned > 0 ? Number.POSITIVE_INFINITY : null
  }
  return buckets
}
