import { calendarStandard, makePlan, makeTask, planSettingsDefault, standardWorkingDay } from '../../domain/defaults'
import { dateAddDays, dateIsValidIsoDateTime } from '../../domain/dates'
import type {
  Assignment,
  Baseline,
  Calendar,
  CalendarException,
  Dependency,
  IsoDate,
  IsoDateTime,
  Plan,
  Resource,
  Task,
  WeekDay,
  WorkingPeriod,
  WorkWeek,
} from '../../domain/model'
import { validatePlan } from '../../domain/validate'
import { planRestore } from '../plan-file'
import { mspdiConstraintByCode, mspdiDurationUnit, mspdiLagUnit, mspdiLinkTypeByCode } from './codes'
import { mspdiFindCycle } from './graph'
import { mspdiExpandRecurrence } from './recurrence'
import { mspdiParseXml, type MspdiError, type MspdiErrorCode, type XmlNode, type XmlValue } from './xml'

export type MspdiReadOptions = {
  /** Called with 0..1 as the import advances (validation, parsing, then tasks). */
  onProgress?: (fraction: number) => void
  /** Storage identity of the new plan (default `mspdi-import`). */
  planId?: string
  /** Creation time of the new plan, `YYYY-MM-DDTHH:MM:SS` (default: the file's LastSaved, CreationDate or StartDate). */
  now?: string
}

export type MspdiReadResult =
  | {
      ok: true
      plan: Plan
      /** Things the import changed or could not keep, one sentence each (e.g. manually scheduled tasks). */
      warnings: string[]
      /** Per task, in plan order: the MSPDI `UID` (equal to `Task.id`; kept so callers need not assume it). */
      uids: number[]
    }
  | { ok: false; error: MspdiError }

/** Longest task or resource name kept (the .gantry schema's limit); longer ones are cut with a warning. */
const maxNameLength = 1000
const maxNotesLength = 100_000
const maxId = 2_147_483_647
const maxMinutes = 1e9

class ReadError extends Error {
  constructor(
    readonly code: MspdiErrorCode,
    message: string,
  ) {
    super(message)
  }
}

function invalid(message: string): never {
  throw new ReadError('invalid', message)
}

// ---------------------------------------------------------------------------------------------------------------
// Access to parsed elements

function isNode(value: XmlValue | undefined): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function child(node: XmlNode, name: string): XmlNode | undefined {
  const value = node[name]
  if (isNode(value)) return value
  if (Array.isArray(value) && isNode(value[0] as XmlValue)) return value[0] as XmlNode
  return undefined
}

function list(node: XmlNode | undefined, name: string): XmlNode[] {
  if (node === undefined) return []
  const value = node[name]
  if (Array.isArray(value)) return value.filter((item): item is XmlNode => isNode(item as XmlValue))
  if (isNode(value)) return [value]
  return []
}

/** The text of a child element, or undefined when absent or not a simple element. */
function text(node: XmlNode, name: string): string | undefined {
  const value = node[name]
  if (typeof value === 'string') return value
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0]
  if (isNode(value) && Object.keys(value).every((key) => key.startsWith('@_'))) return ''
  return undefined
}

function trimmed(node: XmlNode, name: string): string | undefined {
  const value = text(node, name)
  if (value === undefined) return undefined
  const result = value.trim()
  return result === '' ? undefined : result
}

function integer(node: XmlNode, name: string, where: string): number | null {
  const value = trimmed(node, name)
  if (value === undefined) return null
  if (!/^[+-]?\d{1,15}$/.test(value)) invalid(`${where}: ${name} "${shorten(value)}" is not a whole number.`)
  return Number(value)
}

function decimal(node: XmlNode, name: string, where: string): number | null {
  const value = trimmed(node, name)
  if (value === undefined) return null
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?$/.test(value)) invalid(`${where}: ${name} "${shorten(value)}" is not a number.`)
  const number = Number(value)
  if (!Number.isFinite(number)) invalid(`${where}: ${name} "${shorten(value)}" is out of range.`)
  return number
}

function flag(node: XmlNode, name: string): boolean {
  const value = trimmed(node, name)
  return value === '1' || value === 'true'
}

function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value
}

/** Drops characters that XML 1.0 does not allow (NUL and other C0 controls, lone surrogates, U+FFFE/U+FFFF). */
export function mspdiCleanText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
}

// ---------------------------------------------------------------------------------------------------------------
// Values

const dateTimePattern = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/

/** Parses an MSPDI dateTime into `YYYY-MM-DDTHH:MM:SS`, refusing impossible dates with a message naming `where`. */
function dateTime(node: XmlNode, name: string, where: string): IsoDateTime | null {
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

function duration(node: XmlNode, name: string, where: string, allowNegative = false): number | null {
  const value = trimmed(node, name)
  if (value === undefined) return null
  const minutes = mspdiParseDuration(value)
  if (minutes === null) invalid(`${where}: ${name} "${shorten(value)}" is not a duration written like PT8H0M0S.`)
  if (minutes < 0 && !allowNegative) invalid(`${where}: ${name} "${shorten(value)}" is negative.`)
  if (Math.abs(minutes) > maxMinutes) invalid(`${where}: ${name} "${shorten(value)}" is too long.`)
  return minutes
}

/** `08:00:00` -> 480; `24:00:00` -> 1440. */
function timeOfDay(value: string | undefined): number | null {
  if (value === undefined) return null
  const match = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(value.trim())
  if (match === null) return null
  const minutes = Number(match[1]) * 60 + Number(match[2])
  return minutes <= 1440 && Number(match[2]) < 60 ? minutes : null
}

// ---------------------------------------------------------------------------------------------------------------
// Calendars

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

function readCalendar(node: XmlNode, warnings: string[]): { calendar: Calendar; isBase: boolean; baseUid: number | null } {
  const uid = integer(node, 'UID', 'A calendar')
  if (uid === null || uid < 0 || uid > maxId) invalid('A calendar has no valid UID.')
  const name = mspdiCleanText(text(node, 'Name') ?? '').slice(0, maxNameLength)
  const where = `Calendar "${name || uid}"`
  const context: CalendarContext = { warnings, calendarName: name || String(uid) }
  const weekDays: (WeekDay | null)[] = [null, null, null, null, null, null, null]
  const legacyExceptions: CalendarException[] = []
  for (const day of list(child(node, 'WeekDays'), 'WeekDay')) {
    const type = integer(day, 'DayType', where)
    if (type !== null && type >= 1 && type <= 7) {
      weekDays[type - 1] = weekDayPattern(day, context)
    } else if (type === 0) {
      const range = timePeriodRange(day, where)
      if (range !== null) {
        legacyExceptions.push({ name: '', ...range, periods: weekDayPattern(day, context).periods })
      }
    }
  }
  const exceptions: CalendarException[] = []
  const exceptionNodes = list(child(node, 'Exceptions'), 'Exception')
  for (const exception of exceptionNodes) {
    const exceptionName = mspdiCleanText(text(exception, 'Name') ?? '').slice(0, maxNameLength)
    const range = timePeriodRange(exception, `${where}, exception "${exceptionName}"`)
    if (range === null) {
      warnings.push(`${where}: exception "${exceptionName}" has no dates and was ignored.`)
      continue
    }
    const exceptionWhere = `${where}, exception "${exceptionName}"`
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
    const periods = weekDayPattern(exception, context).periods
    for (const dates of expanded.ranges) exceptions.push({ name: exceptionName, ...dates, periods })
  }
  // The 2007+ <Exceptions> list is authoritative when present (MS Project writes both encodings of the same days).
  const chosen = exceptionNodes.length > 0 ? exceptions : legacyExceptions
  chosen.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
  if (chosen.length > 100_000) invalid(`${where} has more than 100,000 exception days.`)

  const workWeeks: WorkWeek[] = []
  for (const week of list(child(node, 'WorkWeeks'), 'WorkWeek')) {
    const weekName = mspdiCleanText(text(week, 'Name') ?? '').slice(0, maxNameLength)
    const range = timePeriodRange(week, `${where}, work week "${weekName}"`)
    // MS Project writes WorkWeek/WeekDays/WeekDay; the 2007 schema has WorkWeek/WeekDay.
    const days = [...list(child(week, 'WeekDays'), 'WeekDay'), ...list(week, 'WeekDay')]
    const pattern: (WeekDay | null)[] = [null, null, null, null, null, null, null]
    for (const day of days) {
      const type = integer(day, 'DayType', where)
      if (type !== null && type >= 1 && type <= 7) pattern[type - 1] = weekDayPattern(day, context)
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

/** Links derived calendars to their bases and gives base calendars a full week, so each calendar is usable. */
function linkCalendars(read: ReturnType<typeof readCalendar>[], warnings: string[]): Calendar[] {
  const byId = new Map<number, Calendar>()
  for (const entry of read) {
    if (byId.has(entry.calendar.id)) invalid(`Calendar UID ${entry.calendar.id} is used by two calendars.`)
    byId.set(entry.calendar.id, entry.calendar)
  }
  for (const entry of read) {
    const base = entry.baseUid
    if (base === null || base === entry.calendar.id) continue
    if (!byId.has(base)) {
      warnings.push(`Calendar "${entry.calendar.name}" is based on calendar ${base}, which is not in the file; it was made a base calendar.`)
      continue
    }
    entry.calendar.baseCalendarId = base
  }
  // Break base-calendar loops (A based on B based on A), which no real file has.
  for (const calendar of byId.values()) {
    const seen = new Set<number>([calendar.id])
    let current = calendar
    while (current.baseCalendarId !== null) {
      if (seen.has(current.baseCalendarId)) {
        warnings.push(`Calendar "${current.name}" was part of a loop of base calendars; it was made a base calendar.`)
        current.baseCalendarId = null
        break
      }
      seen.add(current.baseCalendarId)
      current = byId.get(current.baseCalendarId) as Calendar
    }
  }
  const standard = calendarStandard()
  for (const calendar of byId.values()) {
    if (calendar.baseCalendarId !== null) continue
    calendar.weekDays = calendar.weekDays.map((day, index) => day ?? (standard.weekDays[index] as WeekDay))
  }
  return [...byId.values()]
}

// ---------------------------------------------------------------------------------------------------------------
// The project

function taskLabel(name: string, uid: number): string {
  return name.trim() === '' ? `Task UID ${uid}` : `Task "${shorten(name)}" (UID ${uid})`
}

function cleanName(value: string | undefined, what: string, warnings: string[], limit = maxNameLength): string {
  const cleaned = mspdiCleanText(value ?? '')
  if (cleaned.length > limit) {
    warnings.push(`${what} was longer than ${limit} characters and was shortened.`)
    return cleaned.slice(0, limit)
  }
  return cleaned
}

function readProject(project: XmlNode, options: MspdiReadOptions): Extract<MspdiReadResult, { ok: true }> {
  const progress = options.onProgress ?? (() => undefined)
  const warnings: string[] = []
  const header = 'The project header'

  // Header ------------------------------------------------------------------------------------------------------
  const settings = planSettingsDefault()
  const minutesPerDay = integer(project, 'MinutesPerDay', header)
  const minutesPerWeek = integer(project, 'MinutesPerWeek', header)
  const daysPerMonth = integer(project, 'DaysPerMonth', header)
  if (minutesPerDay !== null) {
    if (minutesPerDay < 1 || minutesPerDay > 1440) invalid(`${header}: MinutesPerDay ${minutesPerDay} is not between 1 and 1440.`)
    settings.minutesPerDay = minutesPerDay
  }
  if (minutesPerWeek !== null) {
    if (minutesPerWeek < 1 || minutesPerWeek > 10080) invalid(`${header}: MinutesPerWeek ${minutesPerWeek} is not between 1 and 10080.`)
    settings.minutesPerWeek = minutesPerWeek
  }
  if (daysPerMonth !== null) {
    if (daysPerMonth < 1 || daysPerMonth > 31) invalid(`${header}: DaysPerMonth ${daysPerMonth} is not between 1 and 31.`)
    settings.daysPerMonth = daysPerMonth
  }
  const weekStartDay = integer(project, 'WeekStartDay', header)
  if (weekStartDay !== null && weekStartDay >= 0 && weekStartDay <= 6) settings.weekStartDay = weekStartDay
  const defaultStart = timeOfDay(text(project, 'DefaultStartTime'))
  const defaultFinish = timeOfDay(text(project, 'DefaultFinishTime'))
  if (defaultStart !== null) settings.defaultStartTime = defaultStart
  if (defaultFinish !== null) settings.defaultFinishTime = defaultFinish === 0 ? 1440 : defaultFinish
  const currency = trimmed(project, 'CurrencyCode')
  if (currency !== undefined) {
    if (/^[A-Z]{3}$/.test(currency)) settings.currencyCode = currency
    else warnings.push(`The currency code "${shorten(currency)}" is not a three-letter code; ${settings.currencyCode} was used.`)
  }

  const tasksNode = child(project, 'Tasks')
  const taskNodes = list(tasksNode, 'Task')
  const summaryNode = taskNodes.find((node) => trimmed(node, 'UID') === '0')
  const title = cleanName(text(project, 'Title'), 'The project title', warnings)
  const fileName = cleanName(text(project, 'Name'), 'The project name', warnings)
  const summaryName = summaryNode === undefined ? '' : cleanName(text(summaryNode, 'Name'), 'The project name', warnings)
  const name =
    [title, summaryName, fileName.replace(/\.(xml|mpp)$/i, '')].find((candidate) => candidate.trim() !== '') ?? 'Imported project'
  let start = dateTime(project, 'StartDate', header)
  if (start === null && summaryNode !== undefined) start = dateTime(summaryNode, 'Start', 'The project summary task')
  const statusDate = dateTime(project, 'StatusDate', header)
  const created =
    options.now ??
    dateTime(project, 'LastSaved', header) ??
    dateTime(project, 'CreationDate', header) ??
    start ??
    '1970-01-01T00:00:00'

  // Calendars ---------------------------------------------------------------------------------------------------
  const calendarNodes = list(child(project, 'Calendars'), 'Calendar')
  if (calendarNodes.length > 10_000) invalid('The file has more than 10,000 calendars.')
  const readCalendars = calendarNodes.map((node) => readCalendar(node, warnings))
  const calendars = linkCalendars(readCalendars, warnings)
  const calendarIds = new Set(calendars.map((calendar) => calendar.id))
  let projectCalendarId = integer(project, 'CalendarUID', header)
  if (projectCalendarId === null || !calendarIds.has(projectCalendarId)) {
    const base = readCalendars.find((entry) => entry.isBase && entry.calendar.baseCalendarId === null)
    if (base !== undefined) {
      if (projectCalendarId !== null) {
        warnings.push(`The project calendar ${projectCalendarId} is not in the file; calendar "${base.calendar.name}" was used.`)
      }
      projectCalendarId = base.calendar.id
    } else {
      const id = calendars.reduce((max, calendar) => Math.max(max, calendar.id), 0) + 1
      calendars.push(calendarStandard(id, 'Standard'))
      calendarIds.add(id)
      projectCalendarId = id
      warnings.push('The file has no usable project calendar; the Standard calendar (Monday-Friday 08:00-17:00) was used.')
    }
  }
  progress(0.55)

  // Tasks -------------------------------------------------------------------------------------------------------
  const tasks: Task[] = []
  const uids: number[] = []
  const indexByUid = new Map<number, number>()
  const linkNodes: { successorIndex: number; link: XmlNode }[] = []
  let manualCount = 0
  let inactiveCount = 0
  let nullCount = 0
  let previousLevel = 0
  const total = taskNodes.length
  const step = Math.max(1000, Math.floor(total / 50))
  for (let position = 0; position < total; position++) {
    if (position % step === 0) progress(0.55 + (0.35 * position) / Math.max(1, total))
    const node = taskNodes[position] as XmlNode
    const uid = integer(node, 'UID', `Task ${position + 1} in the file`)
    if (uid === null) invalid(`Task ${position + 1} in the file has no UID.`)
    if (uid === 0) continue
    if (flag(node, 'IsNull')) {
      nullCount++
      continue
    }
    if (uid < 0 || uid > maxId) invalid(`Task ${position + 1} in the file has an invalid UID ${uid}.`)
    const taskName = cleanName(text(node, 'Name'), `The name of task UID ${uid}`, warnings)
    const where = taskLabel(taskName, uid)
    const existing = indexByUid.get(uid)
    if (existing !== undefined) {
      invalid(`Two tasks use UID ${uid} ("${shorten((tasks[existing] as Task).name)}" and "${shorten(taskName)}"); each task needs its own UID.`)
    }
    let level = integer(node, 'OutlineLevel', where)
    if (level === null) {
      const outlineNumber = trimmed(node, 'OutlineNumber')
      level = outlineNumber === undefined ? 1 : outlineNumber.split('.').length
    }
    if (level < 1) level = 1
    if (level > previousLevel + 1) {
      if (tasks.length > 0) {
        warnings.push(`${where} was indented more than one level below the task above it; it was moved up to level ${previousLevel + 1}.`)
      }
      level = previousLevel + 1
    }
    previousLevel = level

    const durationMinutes = duration(node, 'Duration', where) ?? 0
    const task = makeTask(uid, {
      name: taskName,
      level,
      duration: durationMinutes,
      durationUnit: mspdiDurationUnit(integer(node, 'DurationFormat', where)),
      isMilestone: flag(node, 'Milestone'),
      start: dateTime(node, 'Start', where),
      finish: dateTime(node, 'Finish', where),
      actualStart: dateTime(node, 'ActualStart', where),
      actualFinish: dateTime(node, 'ActualFinish', where),
      deadline: dateTime(node, 'Deadline', where),
    })
    const notes = text(node, 'Notes')
    if (notes !== undefined) task.notes = cleanName(notes, `The notes of ${where}`, warnings, maxNotesLength)
    const percent = decimal(node, 'PercentComplete', where)
    if (percent !== null) {
      if (percent < 0 || percent > 100) warnings.push(`${where}: PercentComplete ${percent} was limited to 0..100.`)
      task.percentComplete = Math.min(100, Math.max(0, percent))
    }
    const priority = integer(node, 'Priority', where)
    if (priority !== null) task.priority = Math.min(1000, Math.max(0, priority))
    const constraintCode = integer(node, 'ConstraintType', where)
    if (constraintCode !== null) {
      const type = mspdiConstraintByCode[constraintCode]
      if (type === undefined) invalid(`${where}: ConstraintType ${constraintCode} is not a Microsoft Project constraint (0-7).`)
      const date = dateTime(node, 'ConstraintDate', where)
      if (type === 'ASAP' || type === 'ALAP') task.constraint = { type, date: null }
      else if (date === null) warnings.push(`${where}: constraint ${type} has no ConstraintDate; it was read as "as soon as possible".`)
      else task.constraint = { type, date }
    }
    const calendarUid = integer(node, 'CalendarUID', where)
    if (calendarUid !== null && calendarUid >= 0) {
      if (calendarIds.has(calendarUid)) task.calendarId = calendarUid
      else warnings.push(`${where} uses calendar ${calendarUid}, which is not in the file; the project calendar was used.`)
    }
    const levelingDelay = decimal(node, 'LevelingDelay', where)
    if (levelingDelay !== null && levelingDelay > 0) task.levelingDelay = Math.min(maxMinutes, levelingDelay / 10)
    for (const baseline of list(node, 'Baseline')) {
      if (integer(baseline, 'Number', where) !== 0) continue
      const value: Baseline = {
        start: dateTime(baseline, 'Start', `${where}, baseline`),
        finish: dateTime(baseline, 'Finish', `${where}, baseline`),
        duration: duration(baseline, 'Duration', `${where}, baseline`),
      }
      if (value.start !== null || value.finish !== null || value.duration !== null) task.baseline = value
    }
    if (task.start !== null && task.finish !== null && task.finish < task.start) {
      warnings.push(`${where} finishes (${task.finish}) before it starts (${task.start}); the schedule will recompute both.`)
    }
    if (flag(node, 'Manual')) manualCount++
    if (trimmed(node, 'Active') === '0') inactiveCount++
    indexByUid.set(uid, tasks.length)
    uids.push(uid)
    for (const link of list(node, 'PredecessorLink')) linkNodes.push({ successorIndex: tasks.length, link })
    tasks.push(task)
  }
  if (tasks.length > 500_000) invalid('The file has more than 500,000 tasks.')
  if (nullCount > 0) warnings.push(`${nullCount} blank task row(s) were left out.`)
  if (manualCount > 0) {
    warnings.push(`${manualCount} task(s) are manually scheduled in Microsoft Project; Gantry schedules them automatically.`)
  }
  if (inactiveCount > 0) warnings.push(`${inactiveCount} task(s) are inactive in Microsoft Project; Gantry schedules them as active tasks.`)
  if (start === null) {
    const first = tasks.reduce<string | null>((min, task) => (task.start !== null && (min === null || task.start < min) ? task.start : min), null)
    if (first === null) invalid(`${header} has no StartDate, and no task has a Start date.`)
    start = first
  }
  progress(0.9)

  // Links -------------------------------------------------------------------------------------------------------
  const dependencies: Dependency[] = []
  const successors: number[][] = tasks.map(() => [])
  const seenLinks = new Set<string>()
  for (const { successorIndex, link } of linkNodes) {
    const successor = tasks[successorIndex] as Task
    const where = taskLabel(successor.name, successor.id)
    const predecessorUid = integer(link, 'PredecessorUID', `${where}, a predecessor link`)
    if (predecessorUid === null) invalid(`${where} has a predecessor link without a PredecessorUID.`)
    if (flag(link, 'CrossProject')) {
      warnings.push(`${where}: a link to another project (${shorten(text(link, 'CrossProjectName') ?? '')}) was left out.`)
      continue
    }
    const predecessorIndex = indexByUid.get(predecessorUid)
    if (predecessorIndex === undefined) {
      invalid(`${where} has a predecessor with UID ${predecessorUid}, which is not a task in the file.`)
    }
    if (predecessorIndex === successorIndex) {
      throw new ReadError('cycle', `${where} is linked to itself; remove that link and import again.`)
    }
    const typeCode = integer(link, 'Type', `${where}, a predecessor link`) ?? 1
    const type = mspdiLinkTypeByCode[typeCode]
    if (type === undefined) invalid(`${where}: link type ${typeCode} is not a Microsoft Project link type (0-3).`)
    const key = `${predecessorIndex}:${successorIndex}`
    if (seenLinks.has(key)) {
      warnings.push(`${where} was linked twice to the same predecessor (UID ${predecessorUid}); the second link was left out.`)
      continue
    }
    seenLinks.add(key)
    const lagUnit = mspdiLagUnit(integer(link, 'LagFormat', `${where}, a predecessor link`))
    const rawLag = decimal(link, 'LinkLag', `${where}, a predecessor link`) ?? 0
    // LinkLag is tenths of a minute, except for percent lags, where it holds the percentage itself.
    const lag = lagUnit === '%' || lagUnit === 'e%' ? rawLag : rawLag / 10
    if (Math.abs(lag) > maxMinutes) invalid(`${where}: the lag ${rawLag} of a link is too large.`)
    dependencies.push({
      id: dependencies.length + 1,
      predecessorId: (tasks[predecessorIndex] as Task).id,
      successorId: successor.id,
      type,
      lag,
      lagUnit,
    })
    ;(successors[predecessorIndex] as number[]).push(successorIndex)
  }
  const cycle = mspdiFindCycle(tasks.length, successors)
  if (cycle !== null) {
    const names = [...cycle, cycle[0] as number].map((index) => {
      const task = tasks[index] as Task
      return task.name.trim() === '' ? `UID ${task.id}` : `"${shorten(task.name)}" (UID ${task.id})`
    })
    throw new ReadError('cycle', `These tasks depend on each other in a circle: ${names.join(' → ')}; remove one of these links and import again.`)
  }

  // Resources and assignments ----------------------------------------------------------------------------------
  const resources: Resource[] = []
  const resourceIds = new Set<number>()
  for (const node of list(child(project, 'Resources'), 'Resource')) {
    const uid = integer(node, 'UID', 'A resource')
    if (uid === null || uid <= 0 || flag(node, 'IsNull')) continue
    if (uid > maxId) invalid(`A resource has an invalid UID ${uid}.`)
    if (resourceIds.has(uid)) invalid(`Two resources use UID ${uid}; each resource needs its own UID.`)
    const resourceName = cleanName(text(node, 'Name'), `The name of resource UID ${uid}`, warnings)
    const where = resourceName.trim() === '' ? `Resource UID ${uid}` : `Resource "${shorten(resourceName)}"`
    let maxUnits = 100
    const units = decimal(node, 'MaxUnits', where)
    if (units !== null) {
      if (units <= 0 || units > 1000) warnings.push(`${where}: MaxUnits ${units} is not usable; 100 % was used.`)
      else maxUnits = Math.round(units * 100 * 1e6) / 1e6
    }
    const rate = decimal(node, 'StandardRate', where)
    let calendarId: number | null = null
    const calendarUid = integer(node, 'CalendarUID', where)
    if (calendarUid !== null && calendarUid >= 0) {
      if (calendarIds.has(calendarUid)) calendarId = calendarUid
      else warnings.push(`${where} uses calendar ${calendarUid}, which is not in the file; the project calendar was used.`)
    }
    resources.push({
      id: uid,
      name: resourceName,
      role: cleanName(text(node, 'Group'), `The group of ${where}`, warnings),
      initials: cleanName(text(node, 'Initials'), `The initials of ${where}`, warnings),
      email: cleanName(text(node, 'EmailAddress'), `The e-mail address of ${where}`, warnings),
      maxUnits,
      hourlyRate: rate !== null && rate > 0 ? Math.min(rate, 1e9) : 0,
      nonWorkingDays: [],
      calendarId,
    })
    resourceIds.add(uid)
  }
  const assignments: Assignment[] = []
  const assignmentIds = new Set<number>()
  const pairs = new Set<string>()
  let nextAssignmentId = 1
  for (const node of list(child(project, 'Assignments'), 'Assignment')) {
    const resourceUid = integer(node, 'ResourceUID', 'An assignment')
    const taskUid = integer(node, 'TaskUID', 'An assignment')
    // ResourceUID -65535 (or any value <= 0) is MS Project's "no resource" marker.
    if (resourceUid === null || resourceUid <= 0 || taskUid === null || taskUid === 0) continue
    if (!resourceIds.has(resourceUid)) {
      warnings.push(`An assignment to resource ${resourceUid}, which is not in the file, was left out.`)
      continue
    }
    if (!indexByUid.has(taskUid)) {
      warnings.push(`An assignment to task ${taskUid}, which is not in the file, was left out.`)
      continue
    }
    const pair = `${taskUid}:${resourceUid}`
    if (pairs.has(pair)) {
      warnings.push(`Resource ${resourceUid} was assigned twice to task ${taskUid}; the second assignment was left out.`)
      continue
    }
    pairs.add(pair)
    const rawUnits = decimal(node, 'Units', 'An assignment')
    let units = 100
    if (rawUnits !== null) {
      if (rawUnits <= 0 || rawUnits > 10) {
        warnings.push(`The assignment of resource ${resourceUid} to task ${taskUid} has Units ${rawUnits}; 100 % was used.`)
      } else units = Math.round(rawUnits * 100 * 1e6) / 1e6
    }
    let id = integer(node, 'UID', 'An assignment')
    if (id === null || id < 0 || id > maxId || assignmentIds.has(id)) {
      while (assignmentIds.has(nextAssignmentId)) nextAssignmentId++
      id = nextAssignmentId
    }
    assignmentIds.add(id)
    assignments.push({ id, taskId: taskUid, resourceId: resourceUid, units, work: 0, start: null, finish: null })
  }

  const plan = makePlan(options.planId ?? 'mspdi-import', name, start, created, {
    statusDate,
    calendarId: projectCalendarId,
    settings,
    calendars,
    tasks,
    dependencies,
    resources,
    assignments,
  })
  // The engine's own check also sees cycles through the outline (a link between a task and its summary, or one
  // that reaches a summary's child through the summary), which Microsoft Project refuses as well.
  const validation = validatePlan(plan)
  if (!validation.ok) {
    const cycleProblem = validation.problems.find((problem) => problem.kind === 'cycle')
    if (cycleProblem !== undefined && cycleProblem.kind === 'cycle') {
      const byId = new Map(tasks.map((task) => [task.id, task]))
      const names = [...cycleProblem.taskIds, cycleProblem.taskIds[0] as number].map((id) => {
        const task = byId.get(id)
        return task === undefined || task.name.trim() === '' ? `UID ${id}` : `"${shorten(task.name)}" (UID ${id})`
      })
      throw new ReadError(
        'cycle',
        `These tasks depend on each other in a circle (a link to or from a summary task counts for all its subtasks): ${names.join(' → ')}; remove one of these links and import again.`,
      )
    }
  }
  return { ok: true, plan, warnings, uids }
}

/**
 * Reads the text of a Microsoft Project XML (MSPDI) file into a plan.
 *
 * Task ids are the file's task UIDs (the UID 0 project summary is left out; its name and the header become plan
 * properties); task order is file order, which is the outline order. Durations and lags are in minutes (working
 * minutes, or wall-clock minutes for elapsed units), units in percent. Recurring calendar exceptions are expanded
 * into dated exceptions. Each task's Start/Finish from the file is kept in `Task.start`/`finish`.
 *
 * Hostile or broken input (entity declarations, external entities, deep nesting, truncated XML, non-XML, wrong
 * root or namespace, impossible dates, bad durations, duplicate UIDs, dangling or circular links) is refused
 * with a one-line message; nothing partial is returned.
 */
export function mspdiRead(text: string, options: MspdiReadOptions = {}): MspdiReadResult {
  const progress = options.onProgress ?? (() => undefined)
  progress(0)
  // Validation and scanning take about half of the time, mapping to the plan most of the rest.
  const parsed = mspdiParseXml(text, (fraction) => progress(0.5 * fraction))
  if (!parsed.ok) return parsed
  progress(0.5)
  let result: Extract<MspdiReadResult, { ok: true }>
  try {
    result = readProject(parsed.project, options)
  } catch (error) {
    if (error instanceof ReadError) return { ok: false, error: { code: error.code, message: error.message } }
    throw error
  }
  // Last line of defence: the plan must pass the same checks as a .gantry file, or the app could not save it.
  const restored = planRestore(result.plan)
  if (!restored.ok) {
    return { ok: false, error: { code: 'invalid', message: restored.error.message.replace('This plan is damaged', 'This Project XML file cannot be imported') } }
  }
  progress(1)
  return { ...result, plan: restored.plan }
}
