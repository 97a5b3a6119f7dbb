import { calendarStandard, standardWorkingDay } from '../../domain/defaults'
import { dateAddDays, dateIsValidIsoDateTime } from '../../domain/dates'
import type { Calendar, CalendarException, IsoDate, WeekDay, WorkingPeriod, WorkWeek } from '../../domain/model'
import { child, flag, integer, invalid, list, maxId, maxNameLength, mspdiCleanText, shorten, text, trimmed, type ReadContext } from './read-access'
import { dateTimePattern, timeOfDay } from './read-values'
import { mspdiExpandRecurrence } from './recurrence'
import type { XmlNode } from './xml'

/*
 * The calendars of a Microsoft Project XML file: week days, exceptions (the 2007+ list or the legacy DayType 0 days),
 * recurring exceptions expanded into dated ones, work weeks, and the links from derived calendars to their bases.
 */
type CalendarContext = { warnings: string[]; calendarName: string }

function workingPeriods(node: XmlNode, context: CalendarContext): WorkingPeriod[] {
  const periods: WorkingPeriod[] = []
  for (const time of list(child(node, 'WorkingTimes'), 'WorkingTime')) {
    const from = timeOfDay(text(time, 'FromTime'))
    let to = timeOfDay(text(time, 'ToTime'))
    if (from === null || to === null) {
      context.warnings.push(`Calendar "${context.calendarName}": a working time without a valid FromTime/ToTime was ignored.`)
      continue
    }
    // ToTime 00:00:00 means midnight at the end of the day (24-hour calendars).
    if (to === 0) to = 1440
    if (to <= from) {
      context.warnings.push(`Calendar "${context.calendarName}": a working time that ends before it starts was ignored.`)
      continue
    }
    periods.push({ start: from, end: to })
  }
  periods.sort((a, b) => a.start - b.start)
  const merged: WorkingPeriod[] = []
  for (const period of periods) {
    const previous = merged[merged.length - 1]
    if (previous !== undefined && period.start <= previous.end) previous.end = Math.max(previous.end, period.end)
    else merged.push({ ...period })
  }
  if (merged.length > 5) {
    context.warnings.push(`Calendar "${context.calendarName}": more than 5 working times in a day; the extra ones were joined.`)
    const kept = merged.slice(0, 4)
    kept.push({ start: (merged[4] as WorkingPeriod).start, end: (merged[merged.length - 1] as WorkingPeriod).end })
    return kept
  }
  return merged
}

/** A weekday pattern: DayWorking 0 = no periods; DayWorking 1 without times = MS Project's default hours. */
function weekDayPattern(node: XmlNode, context: CalendarContext): WeekDay {
  if (!flag(node, 'DayWorking')) return { periods: [] }
  const periods = workingPeriods(node, context)
  return { periods: periods.length > 0 ? periods : standardWorkingDay.periods.map((period) => ({ ...period })) }
}

function dayOf(node: XmlNode | undefined, name: string): IsoDate | null {
  if (node === undefined) return null
  const value = trimmed(node, name)
  if (value === undefined) return null
  const match = dateTimePattern.exec(value) ?? /^(\d{4}-\d{2}-\d{2})$/.exec(value)
  if (match === null || !dateIsValidIsoDateTime(`${match[1]}T00:00:00`)) return null
  return match[1] as IsoDate
}

/** The inclusive day range of a `TimePeriod` (a ToDate at 00:00 on a later day ends the day before). */
function timePeriodRange(node: XmlNode, where: string): { from: IsoDate; to: IsoDate } | null {
  const period = child(node, 'TimePeriod')
  if (period === undefined) return null
  const from = dayOf(period, 'FromDate')
  let to = dayOf(period, 'ToDate')
  const rawFrom = trimmed(period, 'FromDate')
  const rawTo = trimmed(period, 'ToDate')
  if ((rawFrom !== undefined && from === null) || (rawTo !== undefined && to === null)) {
    invalid(`${where}: the date "${shorten(from === null ? (rawFrom ?? '') : (rawTo ?? ''))}" is not a real date.`)
  }
  if (from === null) return null
  if (to !== null && to > from && /T00:00(:00)?$/.test(rawTo ?? '')) to = dateAddDays(to, -1)
  return { from, to: to === null || to < from ? from : to }
}

/** One `<Calendar>`: the calendar, whether the file calls it a base calendar, and the UID of its base. */
export function readCalendar(node: XmlNode, context: ReadContext): { calendar: Calendar; isBase: boolean; baseUid: number | null } {
  const warnings = context.warnings
  const uid = integer(node, 'UID', 'A calendar')
  if (uid === null || uid < 0 || uid > maxId) invalid('A calendar has no valid UID.')
  const name = mspdiCleanText(text(node, 'Name') ?? '').slice(0, maxNameLength)
  const where = `Calendar "${name === '' ? uid : shorten(name)}"`
  const calendarContext: CalendarContext = { warnings, calendarName: name === '' ? String(uid) : shorten(name) }
  const weekDays: (WeekDay | null)[] = [null, null, null, null, null, null, null]
  const legacyExceptions: CalendarException[] = []
  for (const day of list(child(node, 'WeekDays'), 'WeekDay', context)) {
    const type = integer(day, 'DayType', where)
    if (type !== null && type >= 1 && type <= 7) {
      weekDays[type - 1] = weekDayPattern(day, calendarContext)
    } else if (type === 0) {
      const range = timePeriodRange(day, where)
      if (range !== null) {
        legacyExceptions.push({ name: '', ...range, periods: weekDayPattern(day, calendarContext).periods })
      }
    }
  }
  const exceptions: CalendarException[] = []
  const exceptionNodes = list(child(node, 'Exceptions'), 'Exception', context)
  for (const exception of exceptionNodes) {
    const exceptionName = mspdiCleanText(text(exception, 'Name') ?? '').slice(0, maxNameLength)
    const range = timePeriodRange(exception, `${where}, exception "${shorten(exceptionName)}"`)
    if (range === null) {
      warnings.push(`${where}: exception "${shorten(exceptionName)}" has no dates and was ignored.`)
      continue
    }
    const exceptionWhere = `${where}, exception "${shorten(exceptionName)}"`
    const type = integer(exception, 'Type', exceptionWhere) ?? 1
    const occurrences = integer(exception, 'Occurrences', exceptionWhere)
    const expanded = mspdiExpandRecurrence({
      type,
      from: range.from,
      to: range.to,
      occurrences: flag(exception, 'EnteredByOccurrences') && occurrences !== null && occurrences > 0 ? occurrences : null,
      period: integer(exception, 'Period', exceptionWhere) ?? 1,
      daysOfWeek: integer(exception, 'DaysOfWeek', exceptionWhere) ?? 0,
      monthItem: integer(exception, 'MonthItem', exceptionWhere) ?? 0,
      monthPosition: integer(exception, 'MonthPosition', exceptionWhere) ?? 0,
      month: integer(exception, 'Month', exceptionWhere) ?? 0,
      monthDay: integer(exception, 'MonthDay', exceptionWhere) ?? 1,
    })
    if (expanded.truncated) warnings.push(`${exceptionWhere}: only the first occurrences were kept.`)
    if (type < 1 || type > 8) warnings.push(`${exceptionWhere}: recurrence type ${type} is unknown; it was ignored.`)
    // A working exception without times gets Microsoft Project's default hours, like a working weekday.
    const periods = weekDayPattern(exception, calendarContext).periods
    for (const dates of expanded.ranges) exceptions.push({ name: exceptionName, ...dates, periods })
  }
  // The 2007+ <Exceptions> list is authoritative when present (MS Project writes both encodings of the same days).
  const chosen = exceptionNodes.length > 0 ? exceptions : legacyExceptions
  chosen.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
  if (chosen.length > 100_000) invalid(`${where} has more than 100,000 exception days.`)

  const workWeeks: WorkWeek[] = []
  for (const week of list(child(node, 'WorkWeeks'), 'WorkWeek', context)) {
    const weekName = mspdiCleanText(text(week, 'Name') ?? '').slice(0, maxNameLength)
    const range = timePeriodRange(week, `${where}, work week "${shorten(weekName)}"`)
    // MS Project writes WorkWeek/WeekDays/WeekDay; the 2007 schema has WorkWeek/WeekDay.
    const days = [...list(child(week, 'WeekDays'), 'WeekDay'), ...list(week, 'WeekDay')]
    const pattern: (WeekDay | null)[] = [null, null, null, null, null, null, null]
    for (const day of days) {
      const type = integer(day, 'DayType', where)
      if (type !== null && type >= 1 && type <= 7) pattern[type - 1] = weekDayPattern(day, calendarContext)
    }
    if (range === null) {
      // A work week without dates is the calendar's default week (MS Project 2010+ writes none; others may).
      pattern.forEach((day, index) => {
        if (day !== null) weekDays[index] = day
      })
      continue
    }
    workWeeks.push({ name: weekName, from: range.from, to: range.to, weekDays: pattern })
  }
  const baseUid = integer(node, 'BaseCalendarUID', where)
  const isBase = trimmed(node, 'IsBaseCalendar') === undefined ? baseUid === null || baseUid < 0 : flag(node, 'IsBaseCalendar')
  return {
    calendar: { id: uid, name, baseCalendarId: null, weekDays, exceptions: chosen, workWeeks },
    isBase,
    // A base calendar has no base (MS Project 2016+ writes BaseCalendarUID 0 on base calendars, older files -1).
    baseUid: !isBase && baseUid !== null && baseUid >= 0 ? baseUid : null,
  }
}

/** Deepest chain of base calendars kept (Microsoft Project has one level: a resource calendar on a base calendar). */
const calendarBaseDepthMax = 8

/** Links derived calendars to their bases and gives base calendars a full week, so each calendar is usable. */
export function linkCalendars(read: ReturnType<typeof readCalendar>[], warnings: string[]): Calendar[] {
  const byId = new Map<number, Calendar>()
  for (const entry of read) {
    if (byId.has(entry.calendar.id)) invalid(`Calendar UID ${entry.calendar.id} is used by two calendars.`)
    byId.set(entry.calendar.id, entry.calendar)
  }
  for (const entry of read) {
    const base = entry.baseUid
    if (base === null || base === entry.calendar.id) continue
    if (!byId.has(base)) {
      warnings.push(`Calendar "${shorten(entry.calendar.name)}" is based on calendar ${base}, which is not in the file; it was made a base calendar.`)
      continue
    }
    entry.calendar.baseCalendarId = base
  }
  // Break base-calendar loops (A based on B based on A) and chains deeper than Microsoft Project allows, which no
  // real file has. Each calendar is walked once: a chain already known to end at a base stops the walk (walking
  // every chain from every calendar was quadratic for 10,000 calendars each based on the next).
  const depthOf = new Map<number, number>()
  for (const calendar of byId.values()) {
    const path: Calendar[] = []
    const onPath = new Set<number>()
    let current: Calendar | undefined = calendar
    let depth = 0
    while (current !== undefined) {
      const known = depthOf.get(current.id)
      if (known !== undefined) {
        depth = known
        break
      }
      if (onPath.has(current.id)) {
        warnings.push(`Calendar "${shorten(current.name)}" was part of a loop of base calendars; it was made a base calendar.`)
        current.baseCalendarId = null
        // Everything after it on the path is now a chain that ends at it.
        path.length = path.indexOf(current)
        depth = 0
        depthOf.set(current.id, 0)
        break
      }
      onPath.add(current.id)
      path.push(current)
      current = current.baseCalendarId === null ? undefined : byId.get(current.baseCalendarId)
      if (current === undefined) depth = -1
    }
    for (let index = path.length - 1; index >= 0; index--) {
      const entry = path[index] as Calendar
      depth++
      if (depth > calendarBaseDepthMax) {
        warnings.push(`Calendar "${shorten(entry.name)}" was based on a chain of more than ${calendarBaseDepthMax} calendars; it was made a base calendar.`)
        entry.baseCalendarId = null
        depth = 0
      }
      depthOf.set(entry.id, depth)
    }
  }
  const standard = calendarStandard()
  for (const calendar of byId.values()) {
    if (calendar.baseCalendarId !== null) continue
    calendar.weekDays = calendar.weekDays.map((day, index) => day ?? (standard.weekDays[index] as WeekDay))
  }
  return [...byId.values()]
}

