import type { IsoDate } from '../domain/model'
import { dateAddDays } from '../domain/dates'
import type { CareerDeadline } from './warnings'

/**
 * iCalendar (RFC 5545) text for career deadlines: one all-day VEVENT per deadline with a stable UID and a
 * DTSTAMP, a VALARM per warning day (an expiry rings 180, 90 and 30 days before), CRLF line ends, content lines folded at 75 octets (never inside a UTF-8 character), and TEXT values
 * escaped (backslash, semicolon, comma, newline).
 */

/** Escapes a TEXT property value (RFC 5545 section 3.3.11). */
export function icsEscapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1
  if (codePoint < 0x800) return 2
  if (codePoint < 0x10000) return 3
  return 4
}

/**
 * Folds one content line so no physical line exceeds 75 octets (UTF-8), continuation lines starting with a
 * space (RFC 5545 section 3.1). Returns the folded line joined by CRLF, without a trailing CRLF.
 */
export function icsFoldLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const character of line) {
    const size = utf8Length(character.codePointAt(0) ?? 0)
    // The first physical line may hold 75 octets; continuation lines 74 plus the leading space.
    const limit = parts.length === 0 ? 75 : 74
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += character
    octets += size
  }
  parts.push(current)
  return parts.map((part, index) => (index === 0 ? part : ` ${part}`)).join('\r\n')
}

/** `YYYYMMDD` of a day, the form of a DATE value. */
export function icsDate(day: IsoDate): string {
  return day.replace(/-/g, '')
}

/**
 * `YYYYMMDDTHHMMSSZ` of a UTC instant given as an ISO string such as `2026-11-26T01:04:13.000Z`
 * (what `Date.prototype.toISOString` returns).
 */
export function icsUtcStamp(isoUtc: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(isoUtc)
  if (match === null) throw new Error(`Not an ISO UTC time: ${isoUtc}`)
  return `${match[1]}${match[2]}${match[3]}T${match[4]}${match[5]}${match[6]}Z`
}

export type IcsOptions = {
  /** The export time as a UTC ISO string (DTSTAMP of every event). */
  nowUtc: string
  /** Domain part of the UIDs, so events of one installation keep their identity across exports. */
  uidDomain?: string
  calendarName?: string
}

/** "in 180 days", "tomorrow": how an alarm's description says how far off the deadline is. */
function icsDistance(days: number): string {
  return days === 1 ? 'tomorrow' : `in ${days} days`
}

/**
 * The `.ics` text of the deadlines: a VCALENDAR with one all-day VEVENT per deadline (DTSTART on the day,
 * DTEND the day after, as RFC 5545 defines a one-day event) holding one display VALARM per entry of
 * `alarmDaysBefore` (TRIGGER -PnD, relative to the start of the day), ending in CRLF.
 */
export function icsBuild(deadlines: readonly CareerDeadline[], options: IcsOptions): string {
  const stamp = icsUtcStamp(options.nowUtc)
  const domain = options.uidDomain ?? 'career.gantry.invalid'
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Gantry//Career tracker//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsEscapeText(options.calendarName ?? 'Gantry career deadlines')}`,
  ]
  for (const deadline of deadlines) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${deadline.key}@${domain}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(deadline.date)}`,
      `DTEND;VALUE=DATE:${icsDate(dateAddDays(deadline.date, 1))}`,
      `SUMMARY:${icsEscapeText(deadline.title)}`,
      `CATEGORIES:${icsEscapeText(deadline.kind)}`,
      'TRANSP:TRANSPARENT',
    )
    for (const days of deadline.alarmDaysBefore) {
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `DESCRIPTION:${icsEscapeText(`${deadline.title} (${deadline.date}, ${icsDistance(days)})`)}`,
        `TRIGGER:-P${days}D`,
        'END:VALARM',
      )
    }
    lines.push('END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return lines.map(icsFoldLine).join('\r\n') + '\r\n'
}

/** An event as `icsReadEvents` reads it back: its alarms are the TRIGGER values, e.g. `-P180D`. */
export type IcsEvent = { uid: string; date: IsoDate; summary: string; alarms: string[] }

/**
 * Reads back the all-day events of an `.ics` text (unfolding lines and unescaping TEXT): used by tests and to
 * check an export. Returns `{ uid, date, summary, alarms }` per VEVENT.
 */
export function icsReadEvents(text: string): IcsEvent[] {
  const unfolded = text.replace(/\r\n[ \t]/g, '')
  const events: IcsEvent[] = []
  let current: IcsEvent | null = null
  let isInAlarm = false
  for (const line of unfolded.split('\r\n')) {
    if (line === 'BEGIN:VEVENT') current = { uid: '', date: '', summary: '', alarms: [] }
    else if (line === 'END:VEVENT' && current !== null) {
      events.push(current)
      current = null
    } else if (line === 'BEGIN:VALARM') isInAlarm = true
    else if (line === 'END:VALARM') isInAlarm = false
    else if (current !== null) {
      const colon = line.indexOf(':')
      const name = line.slice(0, colon).split(';')[0]
      const value = line.slice(colon + 1)
      if (isInAlarm) {
        if (name === 'TRIGGER') current.alarms.push(value)
        continue
      }
      if (name === 'UID') current.uid = value
      if (name === 'DTSTART') current.date = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`
      if (name === 'SUMMARY')
        current.summary = value.replace(/\\([\\;,nN])/g, (_, escaped: string) =>
          escaped === 'n' || escaped === 'N' ? '\n' : escaped,
        )
    }
  }
  return events
}
