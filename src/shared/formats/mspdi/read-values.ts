import { dateIsValidIsoDateTime } from '../../domain/dates'
import type { IsoDateTime } from '../../domain/model'
import { invalid, maxMinutes, shorten, trimmed } from './read-access'
import type { XmlNode } from './xml'

/*
 * The values of Microsoft Project XML: date-times, hour-based durations and times of day.
 */

export const dateTimePattern = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/

/** Parses an MSPDI dateTime into `YYYY-MM-DDTHH:MM:SS`, refusing impossible dates with a message naming `where`. */
export function dateTime(node: XmlNode, name: string, where: string): IsoDateTime | null {
  const value = trimmed(node, name)
  if (value === undefined) return null
  const match = dateTimePattern.exec(value)
  const result = match === null ? '' : `${match[1]}T${match[2]}:${match[3]}:${match[4] ?? '00'}`
  if (match === null || !dateIsValidIsoDateTime(result)) {
    invalid(`${where}: ${name} "${shorten(value)}" is not a real date and time.`)
  }
  return result
}

const durationPattern = /^(-)?PT(?:(-?\d+(?:\.\d+)?)H)?(?:(-?\d+(?:\.\d+)?)M)?(?:(-?\d+(?:\.\d+)?)S)?$/

/**
 * Parses an hour-based MSPDI duration (`PT8H0M0S`, MS Project's negative form `PT-8H0M0S`) into minutes.
 * Year, month, week and day parts (`P1Y`, `P1D`), an empty `PT` and anything else are refused.
 */
export function mspdiParseDuration(value: string): number | null {
  const match = durationPattern.exec(value.trim())
  if (match === null || (match[2] === undefined && match[3] === undefined && match[4] === undefined)) return null
  const hours = Number(match[2] ?? 0)
  const minutes = Number(match[3] ?? 0)
  const seconds = Number(match[4] ?? 0)
  const total = (hours * 60 + minutes + seconds / 60) * (match[1] === '-' ? -1 : 1)
  if (!Number.isFinite(total)) return null
  return Math.round(total * 1000) / 1000
}

export function duration(node: XmlNode, name: string, where: string, allowNegative = false): number | null {
  const value = trimmed(node, name)
  if (value === undefined) return null
  const minutes = mspdiParseDuration(value)
  if (minutes === null) invalid(`${where}: ${name} "${shorten(value)}" is not a duration written like PT8H0M0S.`)
  if (minutes < 0 && !allowNegative) invalid(`${where}: ${name} "${shorten(value)}" is negative.`)
  if (Math.abs(minutes) > maxMinutes) invalid(`${where}: ${name} "${shorten(value)}" is too long.`)
  return minutes
}

/** `08:00:00` -> 480; `24:00:00` -> 1440. */
export function timeOfDay(value: string | undefined): number | null {
  if (value === undefined) return null
  const match = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(value.trim())
  if (match === null) return null
  const minutes = Number(match[1]) * 60 + Number(match[2])
  return minutes <= 1440 && Number(match[2]) < 60 ? minutes : null
}
