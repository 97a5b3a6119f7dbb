/**
 * Dates as the user reads and types them: numeric, in the order and style of the user's locale (3/2/2026 in the US,
 * 2.3.2026 in Germany, 02/03/2026 in the UK, 2026-03-02 in Sweden). What is typed is read by the shared parser
 * (`dateParseTyped` with `dateOrder()`), which accepts ISO dates in every locale too. Plans store wall-clock text;
 * only showing and typing follow the locale.
 */
import { dateCivilOf, dateClockText, dateToDayNumber, type DateOrder } from '../../../shared/domain/dates'
import type { IsoDate, WallMinutes } from '../../../shared/domain/model'

type Formats = { locale: string | undefined; day: Intl.DateTimeFormat; order: DateOrder }

let formats: Formats | null = null

function formatsOf(locale: string | undefined): Formats {
  if (formats !== null && formats.locale === locale) return formats
  const day = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' })
  // The order of the parts in a date whose day, month and year differ (22 November 2026).
  const kinds = day
    .formatToParts(new Date(Date.UTC(2026, 10, 22)))
    .map((part) => part.type)
    .filter((type) => type === 'day' || type === 'month' || type === 'year')
  const order: DateOrder = kinds[0] === 'year' ? 'ymd' : kinds[0] === 'month' ? 'mdy' : 'dmy'
  formats = { locale, day, order }
  return formats
}

/** Which locale the app formats for; `undefined` is the browser's (tests set one). */
let currentLocale: string | undefined

/** Formats for `locale` from now on (`undefined`: the browser's own). */
export function dateLocaleSet(locale: string | undefined): void {
  currentLocale = locale
}

/** The locale dates are formatted for (`undefined`: the browser's). */
export function dateLocale(): string | undefined {
  return currentLocale
}

/** The order of day, month and year in the user's numeric dates, for the typed-date parser. */
export function dateOrder(): DateOrder {
  return formatsOf(currentLocale).order
}

/** A JavaScript date at midnight UTC of a day number (years 1-9999; `Date.UTC` would map 0-99 to 1900-1999). */
function utcDate(dayNumber: number): Date {
  const { year, month, day } = dateCivilOf(dayNumber)
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  return date
}

/** The day of a wall-clock minute as the user writes it (`3/2/2026`); empty for a minute that is not a number. */
export function dateShow(minutes: WallMinutes): string {
  if (!Number.isFinite(minutes)) return ''
  return formatsOf(currentLocale).day.format(utcDate(Math.floor(minutes / 1440)))
}

/** A `YYYY-MM-DD` day as the user writes it. */
export function dateShowDay(day: IsoDate): string {
  return dateShow(dateToDayNumber(day) * 1440)
}

/** The day and time of a wall-clock minute (`3/2/2026 08:00`), in a form the typed-date parser reads back. */
export function dateShowTime(minutes: WallMinutes): string {
  if (!Number.isFinite(minutes)) return ''
  const minuteOfDay = ((Math.floor(minutes) % 1440) + 1440) % 1440
  return `${dateShow(minutes)} ${dateClockText(minuteOfDay)}`
}

/** A hint for a date field: the user's own format (`M/D/YYYY`, `D.M.YYYY`), and that ISO dates work too. */
export function dateFormatHint(): string {
  const sample = formatsOf(currentLocale).day.formatToParts(new Date(Date.UTC(2026, 10, 22)))
  const pattern = sample.map((part) => (part.type === 'day' ? 'D' : part.type === 'month' ? 'M' : part.type === 'year' ? 'YYYY' : part.value)).join('')
  return pattern === 'YYYY-M-D' ? 'YYYY-MM-DD' : pattern
}
