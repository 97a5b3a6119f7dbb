import type { IsoDate, IsoDateTime, WallMinutes } from './model'

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/
const isoDateTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

function isRealDay(year: number, month: number, day: number): boolean {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
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
  return Math.floor(Date.UTC(year, month - 1, day, hour, minute) / 60000)
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0')
}

/** The `YYYY-MM-DDTHH:MM:SS` text of a wall-clock minute. */
export function dateFromWallMinutes(minutes: WallMinutes): IsoDateTime {
  const date = new Date(minutes * 60000)
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:00`
  )
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
