import type { IsoDate, IsoDateTime, WallMinutes } from './model'

/*
 * Dates are zone-less wall-clock text (`YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS`) and, for the engine, integer minutes
 * since 1970-01-01T00:00 on a clock without zones. The conversions are plain proleptic-Gregorian arithmetic
 * (no `Date.UTC`, which maps the years 0-99 to 1900-1999), valid for every year from 0001 to 9999.
 */

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/
const isoDateTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

/** The first and last years a Gantry date may have (the four-digit years of ISO 8601, as in Microsoft Project). */
export const dateYearMin = 1
export const dateYearMax = 9999

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** Days in a month (`month` 1-12) of a proleptic-Gregorian year. */
export function dateDaysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** The months' names in English, January first. */
export const dateMonthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

/**
 * Why `year`-`month`-`day` is not a real day, for a message after "… is not a real day: ": "February 2026 has 28
 * days." or "there is no month 13."; null when it is one.
 */
export function dateNotRealDayReason(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12) return `there is no month ${month}.`
  const days = dateDaysInMonth(year, month)
  return day >= 1 && day <= days ? null : `${dateMonthNames[month - 1] ?? ''} ${year} has ${days} days.`
}

/**
 * Day number (days since 1970-01-01, negative before) of a calendar day; `month` 1-12. Months and days outside
 * their range roll over (month 13 is January of the next year, day 0 the last day of the month before).
 */
export function dateDayNumberOf(year: number, month: number, day: number): number {
  // Days-from-civil (H. Hinnant): years counted from March so the leap day is the last day of the year.
  const monthIndex = month - 1
  const fullYear = year + Math.floor(monthIndex / 12)
  const monthOfYear = ((monthIndex % 12) + 12) % 12 + 1
  const y = monthOfYear <= 2 ? fullYear - 1 : fullYear
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (monthOfYear + (monthOfYear > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/** Year, month (1-12) and day of a day number (days since 1970-01-01). */
export function dateCivilOf(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468
  const era = Math.floor(z / 146_097)
  const dayOfEra = z - era * 146_097
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365)
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const shifted = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1
  const month = shifted < 10 ? shifted + 3 : shifted - 9
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

function isRealDay(year: number, month: number, day: number): boolean {
  if (year < dateYearMin || year > dateYearMax || month < 1 || month > 12 || day < 1) return false
  return day <= dateDaysInMonth(year, month)
}

/** Whether `text` is a real calendar day written `YYYY-MM-DD` (rejects 2024-02-30 and year 0000). */
export function dateIsValidIsoDate(text: string): text is IsoDate {
  const match = isoDatePattern.exec(text)
  return match !== null && isRealDay(Number(match[1]), Number(match[2]), Number(match[3]))
}

/** Whether `text` is a real local date-time `YYYY-MM-DDTHH:MM[:SS]` (hour 24 is refused). */
export function dateIsValidIsoDateTime(text: string): text is IsoDateTime {
  const match = isoDateTimePattern.exec(text)
  if (match === null) return false
  const hour = Number(match[4])
  const minute = Number(match[5])
  const second = match[6] === undefined ? 0 : Number(match[6])
  return isRealDay(Number(match[1]), Number(match[2]), Number(match[3])) && hour < 24 && minute < 60 && second < 60
}

/** Minutes since 1970-01-01T00:00 of a local date-time, on a clock without zones; seconds are dropped. */
export function dateToWallMinutes(text: IsoDateTime | IsoDate): WallMinutes {
  const year = Number(text.slice(0, 4))
  const month = Number(text.slice(5, 7))
  const day = Number(text.slice(8, 10))
  const hour = text.length > 10 ? Number(text.slice(11, 13)) : 0
  const minute = text.length > 10 ? Number(text.slice(14, 16)) : 0
  return dateDayNumberOf(year, month, day) * 1440 + hour * 60 + minute
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0')
}

/**
 * The `YYYY-MM-DDTHH:MM:SS` text of a wall-clock minute (fractions of a minute are dropped). A minute outside the
 * years 0001-9999 gives a text that `dateIsValidIsoDateTime` refuses (e.g. `10000-01-01T00:00:00`); writers check
 * with `dateWallMinutesInRange` first.
 */
export function dateFromWallMinutes(minutes: WallMinutes): IsoDateTime {
  const whole = Math.floor(minutes)
  const dayNumber = Math.floor(whole / 1440)
  const minuteOfDay = whole - dayNumber * 1440
  const { year, month, day } = dateCivilOf(dayNumber)
  const yearText = year < 0 ? `-${pad(-year, 4)}` : pad(year, 4)
  return `${yearText}-${pad(month)}-${pad(day)}T${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}:00`
}

/** The first wall minute of 0001-01-01 and the first one after 9999-12-31. */
const wallMinutesMin = dateDayNumberOf(dateYearMin, 1, 1) * 1440
const wallMinutesEnd = dateDayNumberOf(dateYearMax + 1, 1, 1) * 1440

/**
 * Whether a wall minute lies in the years 0001-9999, so its text is a date Gantry reads back. A finish at the very
 * end of 9999-12-31 is `10000-01-01T00:00` and lies outside.
 */
export function dateWallMinutesInRange(minutes: WallMinutes): boolean {
  return minutes >= wallMinutesMin && minutes < wallMinutesEnd
}

/**
 * A wall-clock minute as text to show or export: `YYYY-MM-DD` (`'day'`) or `YYYY-MM-DD HH:MM` (`'minute'`, a form
 * Excel and LibreOffice read as a date-time); empty for a minute that is not a number.
 */
export function dateWallText(minutes: WallMinutes, precision: 'day' | 'minute'): string {
  if (!Number.isFinite(minutes)) return ''
  const text = dateFromWallMinutes(minutes)
  return precision === 'day' ? text.slice(0, 10) : text.slice(0, 16).replace('T', ' ')
}

/** `HH:MM` of a minute of the day (0-1440; 1440 is `24:00`, the end of the day). */
export function dateClockText(minuteOfDay: number): string {
  return `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`
}

/**
 * The local wall-clock time of a JavaScript `Date` (default: now), `YYYY-MM-DDTHH:MM:SS`: the one place the
 * computer's time zone enters the plan (creation times, "today", the import's default start).
 */
export function dateLocalNow(date: Date = new Date()): IsoDateTime {
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  )
}

/**
 * The order of day, month and year in a locale's numeric dates: `dmy` (31.12.2026, 31/12/2026), `mdy`
 * (12/31/2026) or `ymd` (2026-12-31).
 */
export type DateOrder = 'dmy' | 'mdy' | 'ymd'

/** Three numbers separated by `/`, `.`, `-` or a space, then an optional time (`13:30`, `1:30 pm`, `13:30:15`). */
const localDatePattern = /^(\d{1,4})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{1,4})\.?(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])?\.?(?:m\.?)?)?$/i

/** A year typed with one or two digits, as Excel and Windows read it: 00-29 are 2000-2029, 30-99 are 1930-1999. */
function fullYear(text: string): number | null {
  if (text.length === 4) return Number(text)
  if (text.length > 2) return null
  const year = Number(text)
  return year < 30 ? 2000 + year : 1900 + year
}

/** A date typed in a locale's numeric order, as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`; `null` when it is not one. */
function localDateIso(text: string, order: DateOrder): string | null {
  const match = localDatePattern.exec(text)
  if (match === null) return null
  const [, first = '', second = '', third = '', hourText, minuteText, secondText, meridiem] = match
  // A four-digit first number is a year whatever the locale (2026/03/02).
  const parts = order === 'ymd' || first.length === 4 ? { y: first, m: second, d: third } : order === 'dmy' ? { y: third, m: second, d: first } : { y: third, m: first, d: second }
  // The year position takes four digits, or two; a day or month never has more than two.
  if (parts.d.length > 2 || parts.m.length > 2) return null
  const year = fullYear(parts.y)
  if (year === null) return null
  const day = `${pad(year, 4)}-${pad(Number(parts.m))}-${pad(Number(parts.d))}`
  if (hourText === undefined || minuteText === undefined) return day
  let hour = Number(hourText)
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0)
  }
  return `${day}T${pad(hour)}:${minuteText}:${secondText ?? '00'}`
}

/**
 * Reads a date typed by a user or found in a CSV file: `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]` or
 * `YYYY-MM-DDTHH:MM[:SS]`, with surrounding spaces; with `order`, also the numeric dates of the user's locale
 * (`3/2/2026`, `02.03.2026`, `2.3.26 13:30`, `3/2/2026 1:30 PM`; a two-digit year is 2000-2029 or 1930-1999). A day
 * without a time gets `defaultMinuteOfDay` (the plan's default start or finish time, in minutes after midnight).
 * @returns `YYYY-MM-DDTHH:MM:SS`, or `null` when the text is not a real date of the years 0001-9999
 */
export function dateParseTyped(text: string, defaultMinuteOfDay: number, order: DateOrder | null = null): IsoDateTime | null {
  const trimmed = text.trim()
  // Longer text is never a date; checking the length first keeps a pasted megabyte cheap.
  if (trimmed.length > 24) return null
  const isIsoShaped = /^\d{4}-\d{2}-\d{2}(?:[ T]|$)/.test(trimmed)
  const iso = order === null || isIsoShaped ? trimmed : (localDateIso(trimmed, order) ?? trimmed)
  const candidate = iso.replace(' ', 'T')
  if (dateIsValidIsoDate(iso)) {
    const minute = Math.max(0, Math.min(1440, Math.round(defaultMinuteOfDay)))
    // A default time of 24:00 (the end of a 24-hour day) is midnight starting the next day.
    if (minute === 1440) return iso === '9999-12-31' ? null : `${dateAddDays(iso, 1)}T00:00:00`
    return `${iso}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:00`
  }
  if (!dateIsValidIsoDateTime(candidate)) return null
  return candidate.length === 16 ? `${candidate}:00` : candidate
}

/** Whether typed date text names a time of day too (`2026-03-02 13:30`, `3/2/2026 1:30 PM`), not only a day. */
export function dateTypedHasTime(text: string): boolean {
  return /\d:\d{2}/.test(text)
}

/** The `YYYY-MM-DD` day of a wall-clock minute. */
export function dateDayOfWallMinutes(minutes: WallMinutes): IsoDate {
  return dateFromWallMinutes(minutes).slice(0, 10)
}

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD` day. */
export function dateToDayNumber(day: IsoDate): number {
  return Math.floor(dateToWallMinutes(day) / 1440)
}

/** The `YYYY-MM-DD` text of a day number (days since 1970-01-01). */
export function dateFromDayNumber(dayNumber: number): IsoDate {
  return dateDayOfWallMinutes(dayNumber * 1440)
}

/** Weekday of a day number: 0 = Sunday ... 6 = Saturday. */
export function dateWeekday(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber + 4) % 7) + 7) % 7
}

/** Adds whole calendar days to a `YYYY-MM-DD` day. */
export function dateAddDays(day: IsoDate, days: number): IsoDate {
  return dateFromDayNumber(dateToDayNumber(day) + days)
}
