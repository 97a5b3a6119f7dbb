import { dateCivilOf, dateDaysInMonth, dateDayNumberOf, dateFromDayNumber, dateToDayNumber, dateWeekday } from '../../domain/dates'
import type { DateRange, IsoDate } from '../../domain/model'

/**
 * Expansion of Microsoft Project's recurring calendar exceptions (`Calendar/Exceptions/Exception`, `Type` 1-8)
 * into dated ranges. Codes, checked against the legacy `DayType 0` days that MS Project writes next to them
 * (samples/calendar-recurring-exceptions-project2016-mspdi.xml):
 * - Type 1 daily and 7 "every Period days": every Period-th day from FromDate (Period 1 = one continuous range).
 * - Type 8 "every Period weekdays": every Period-th Monday-Friday day.
 * - Type 6 weekly: every Period weeks (weeks start on Sunday), on the days of the `DaysOfWeek` mask (1 = Sunday ... 64 = Saturday).
 * - Type 4 monthly by day: day `MonthDay` of every Period-th month; Type 5 monthly by position:
 *   the `MonthPosition`-th (0 first ... 3 fourth, 4 last) `MonthItem` (3 Sunday ... 9 Saturday; 0 day, 1 weekday,
 *   2 weekend day) of every Period-th month.
 * - Type 2 yearly by day: day `MonthDay` of month `Month` (0 = January); Type 3 yearly by position.
 * Occurrences stop after ToDate and, when given, after `Occurrences`.
 */
export type MspdiRecurrence = {
  type: number
  from: IsoDate
  /** Last day that may hold an occurrence; `null` when the file gives none. */
  to: IsoDate | null
  occurrences: number | null
  period: number
  daysOfWeek: number
  monthItem: number
  monthPosition: number
  month: number
  monthDay: number
}

/** Days of recurring exceptions generated per exception at most, so a hostile file cannot exhaust memory. */
export const mspdiMaxOccurrences = 10_000
/** When a recurring exception has neither an end date nor a count, occurrences are generated for this many years. */
export const mspdiRecurrenceHorizonYears = 20

/** Days in a month; `month` 0 = January, as in the file. */
function daysInMonth(year: number, month: number): number {
  return dateDaysInMonth(year, month + 1)
}

function dayNumberOf(year: number, month: number, day: number): number {
  return dateDayNumberOf(year, month + 1, day)
}

function matchesItem(dayNumber: number, item: number): boolean {
  const weekday = dateWeekday(dayNumber)
  if (item === 0) return true
  if (item === 1) return weekday >= 1 && weekday <= 5
  if (item === 2) return weekday === 0 || weekday === 6
  return weekday === item - 3
}

/** The day number of the position-th matching day of a month, or null (position 4 = last). */
function positionInMonth(year: number, month: number, item: number, position: number): number | null {
  const length = daysInMonth(year, month)
  if (position >= 4) {
    for (let day = length; day >= 1; day--) {
      const dayNumber = dayNumberOf(year, month, day)
      if (matchesItem(dayNumber, item)) return dayNumber
    }
    return null
  }
  let seen = 0
  for (let day = 1; day <= length; day++) {
    const dayNumber = dayNumberOf(year, month, day)
    if (matchesItem(dayNumber, item)) {
      if (seen === position) return dayNumber
      seen++
    }
  }
  return null
}

/**
 * The dated ranges of one recurring exception, in date order (each range `from`..`to` inclusive).
 * @returns the ranges and whether the expansion was cut at `mspdiMaxOccurrences`
 */
export function mspdiExpandRecurrence(recurrence: MspdiRecurrence): { ranges: DateRange[]; truncated: boolean } {
  const first = dateToDayNumber(recurrence.from)
  const last =
    recurrence.to !== null
      ? dateToDayNumber(recurrence.to)
      : recurrence.occurrences !== null
        ? Number.POSITIVE_INFINITY
        : first + mspdiRecurrenceHorizonYears * 366
  const limit = Math.min(recurrence.occurrences ?? mspdiMaxOccurrences, mspdiMaxOccurrences)
  const period = Math.max(1, Math.floor(recurrence.period))
  const days: number[] = []
  let truncated = false
  const push = (dayNumber: number): boolean => {
    if (dayNumber < first) return true
    if (dayNumber > last) return false
    if (days.length >= limit) {
      truncated = recurrence.occurrences === null || recurrence.occurrences > mspdiMaxOccurrences
      return false
    }
    days.push(dayNumber)
    return true
  }
  const type = recurrence.type
  if ((type === 1 || type === 7) && period === 1) {
    // One continuous range (the usual one-off holiday or vacation is Type 1 with one occurrence).
    const end = Number.isFinite(last) ? last : first + Math.min(recurrence.occurrences ?? 1, mspdiMaxOccurrences) - 1
    return { ranges: [{ from: dateFromDayNumber(first), to: dateFromDayNumber(Math.max(first, end)) }], truncated: false }
  }
  if (type === 1 || type === 7) {
    for (let day = first; push(day); day += period);
  } else if (type === 8) {
    let counted = 0
    for (let day = first; day <= last && days.length < limit; day++) {
      if (!matchesItem(day, 1)) continue
      if (counted % period === 0 && !push(day)) break
      counted++
    }
  } else if (type === 6) {
    const mask = recurrence.daysOfWeek & 0x7f
    if (mask !== 0) {
      const weekStart = first - dateWeekday(first)
      outer: for (let week = weekStart; ; week += 7 * period) {
        for (let weekday = 0; weekday < 7; weekday++) {
          if ((mask & (1 << weekday)) === 0) continue
          if (!push(week + weekday)) break outer
        }
        if (week > last) break
      }
    }
  } else if (type === 4 || type === 5 || type === 2 || type === 3) {
    const startDate = dateCivilOf(first)
    let year = startDate.year
    let month = type === 2 || type === 3 ? recurrence.month : startDate.month - 1
    const step = type === 2 || type === 3 ? 12 : period
    if (month < 0 || month > 11) return { ranges: [], truncated: false }
    for (let guard = 0; guard < 100_000; guard++) {
      let dayNumber: number | null
      if (type === 4 || type === 2) {
        dayNumber = dayNumberOf(year, month, Math.min(Math.max(1, recurrence.monthDay), daysInMonth(year, month)))
      } else {
        dayNumber = positionInMonth(year, month, recurrence.monthItem, recurrence.monthPosition)
      }
      if (dayNumber !== null && dayNumber > last) break
      if (dayNumber !== null && !push(dayNumber)) break
      month += step
      year += Math.floor(month / 12)
      month %= 12
      if (year > 9999) break
    }
  }
  return { ranges: days.map((day) => ({ from: dateFromDayNumber(day), to: dateFromDayNumber(day) })), truncated }
}
