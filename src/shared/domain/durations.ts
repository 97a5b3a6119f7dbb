/**
 * Duration and lag text: "3d", "2.5w", "4h", "30m", "1mo", "1ed" (elapsed day), "0", "3 days", "2 wks", "1.5 h?".
 * Durations are stored in minutes; working units use the plan's minutes per day/week and days per month, elapsed
 * units (e…) use the wall clock: 1 ed = 1440 minutes, 1 ew = 7 days, 1 emo = 30 days.
 */
import { textExcerpt } from './text'
import type { DurationUnit, Minutes, PlanSettings } from './model'

export type DurationSettings = Pick<PlanSettings, 'minutesPerDay' | 'minutesPerWeek' | 'daysPerMonth'>

export type DurationParseResult =
  { ok: true; minutes: Minutes; unit: DurationUnit } | { ok: false; error: string }

/** Minutes in one of `unit` (working minutes for working units, wall minutes for elapsed ones). */
export function durationUnitMinutes(unit: DurationUnit, settings: DurationSettings): number {
  switch (unit) {
    case 'm':
    case 'em':
      return 1
    case 'h':
    case 'eh':
      return 60
    case 'd':
      return settings.minutesPerDay
    case 'w':
      return settings.minutesPerWeek
    case 'mo':
      return settings.daysPerMonth * settings.minutesPerDay
    case 'ed':
      return 1440
    case 'ew':
      return 7 * 1440
    case 'emo':
      return 30 * 1440
  }
}

const unitWords: Record<string, DurationUnit> = {
  m: 'm',
  min: 'm',
  mins: 'm',
  minute: 'm',
  minutes: 'm',
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  d: 'd',
  dy: 'd',
  day: 'd',
  days: 'd',
  w: 'w',
  wk: 'w',
  wks: 'w',
  week: 'w',
  weeks: 'w',
  mo: 'mo',
  mon: 'mo',
  mons: 'mo',
  month: 'mo',
  months: 'mo',
  em: 'em',
  emin: 'em',
  emins: 'em',
  eh: 'eh',
  ehr: 'eh',
  ehrs: 'eh',
  ed: 'ed',
  edy: 'ed',
  eday: 'ed',
  edays: 'ed',
  ew: 'ew',
  ewk: 'ew',
  ewks: 'ew',
  eweek: 'ew',
  eweeks: 'ew',
  emo: 'emo',
  emon: 'emo',
  emons: 'emo',
  emonth: 'emo',
  emonths: 'emo',
}

/** The duration unit a typed word names (`hrs` → `h`, `edays` → `ed`), or `undefined` for no unit Gantry knows. */
export function durationUnitOfWord(word: string): DurationUnit | undefined {
  return Object.hasOwn(unitWords, word) ? unitWords[word] : undefined
}

// The unit's trailing `\s*` only follows a unit: with `([a-z]*)\s*` two `\s*` could share one run of spaces (quadratic).
const durationPattern = /^([+-]?)(\d+(?:[.,]\d+)?|[.,]\d+)\s*(?:([a-z]+)\s*)?\??$/

/** Longest duration accepted: 100 years of 24-hour days, in minutes. */
export const durationMaxMinutes = 100 * 366 * 1440

/**
 * Parses a duration typed by a user.
 * @param defaultUnit unit of a bare number ("3" = 3 days by default)
 * @param allowNegative accept a leading minus (lags); durations refuse it
 * @param maxMinutes the longest duration accepted, in minutes: `durationMaxMinutes` for typing; a file reader passes
 *   the file format's limit, so whatever Gantry writes it reads back
 * @returns minutes (rounded to whole minutes) and the unit it was typed in, or a one-sentence error (also for a
 *   nonzero amount under half a minute, which would round to none)
 */
export function durationParse(
  text: string,
  settings: DurationSettings,
  defaultUnit: DurationUnit = 'd',
  allowNegative = false,
  maxMinutes: number = durationMaxMinutes,
): DurationParseResult {
  const cleaned = text.trim().toLowerCase()
  const match = durationPattern.exec(cleaned)
  if (match === null)
    return { ok: false, error: `"${textExcerpt(text)}" is not a duration; write e.g. 3d, 2.5w, 4h, 30m, 1mo or 1ed.` }
  const sign = match[1] === '-' ? -1 : 1
  if (sign < 0 && !allowNegative) return { ok: false, error: `A duration cannot be negative ("${textExcerpt(text)}").` }
  const amount = Number((match[2] as string).replace(',', '.'))
  const word = match[3] ?? ''
  const unit = word === '' ? defaultUnit : unitWords[word]
  if (unit === undefined)
    return {
      ok: false,
      error: `"${textExcerpt(word)}" is not a duration unit; use m, h, d, w, mo or their elapsed forms em, eh, ed, ew, emo.`,
    }
  const minutes = Math.round(sign * amount * durationUnitMinutes(unit, settings))
  if (!Number.isFinite(minutes) || Math.abs(minutes) > maxMinutes)
    return { ok: false, error: `"${textExcerpt(text)}" is too long.` }
  // Durations and lags are whole minutes: an amount that rounds to none is refused rather than silently becoming a
  // milestone (or no lag).
  if (minutes === 0 && amount !== 0)
    return {
      ok: false,
      error: `"${textExcerpt(text.trim())}" is less than a minute; the shortest ${allowNegative ? 'lag' : 'duration'} is 1m${allowNegative ? ' (or 0 for none)' : ' (0 makes a milestone)'}.`,
    }
  return { ok: true, minutes: minutes === 0 ? 0 : minutes, unit }
}

function formatNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100
  return String(rounded === 0 ? 0 : rounded)
}

/**
 * Formats minutes in a unit: `durationFormat(1200, 'd', settings)` gives "2.5d" at 480 minutes a day.
 * @returns the amount with at most two decimals followed by the unit code
 */
export function durationFormat(minutes: Minutes, unit: DurationUnit, settings: DurationSettings): string {
  return `${formatNumber(minutes / durationUnitMinutes(unit, settings))}${unit}`
}
