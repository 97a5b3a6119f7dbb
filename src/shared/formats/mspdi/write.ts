import { dateClockText, dateFromWallMinutes, dateToDayNumber } from '../../domain/dates'
import type { Assignment, Calendar, CalendarException, Plan, Resource, Task, WeekDay, WorkingPeriod } from '../../domain/model'
import { costCompute, earnedValueCompute, type PlanCost, type PlanEarnedValue } from '../../domain/cost'
import { progressActualDuration } from '../../domain/progress'
import { loadCompute } from '../../domain/load'
import type { Schedule } from '../../domain/schedule-types'
import { mspdiBaselineElements } from './tracking'
import { validateOutlineParents } from '../../domain/validate'
import { mspdiAccrualCodeByAccrual, mspdiRateCodeByUnit, mspdiConstraintCodeByType, mspdiFormatCodeByUnit, mspdiLinkCodeByType, mspdiNamespace, mspdiSaveVersion, mspdiTaskCodeByType } from './codes'

/**
 * Microsoft Project XML writer, following `../shared/mspdi/FIELDS.md`: bare MSPDI namespace, schema element order,
 * hour-based `PT#H#M#S` durations, LinkLag in tenths of a minute, link type codes 0 FF / 1 FS / 2 SF / 3 SS, the UID 0
 * project summary task, calendars with both the legacy `DayType 0` and the 2007+ `Exceptions` encoding,
 * MinutesPerDay/MinutesPerWeek/DaysPerMonth, SaveVersion 14, CurrencyCode, ID 1..n in outline order, and OutlineNumber
 * and WBS consistent with OutlineLevel.
 */

// eslint-disable-next-line no-control-regex
const illegalXmlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * Escapes text for an XML element: `&`, `<` and `>` become entities, a carriage return becomes `&#13;` (a literal
 * one would be turned into a line feed by every XML parser), and characters XML 1.0 cannot carry are dropped.
 */
export function mspdiEscape(value: string): string {
  return value
    .replace(illegalXmlCharacters, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;')
}

/** Cuts text to at most `limit` UTF-16 units without splitting a surrogate pair. */
function limitLength(value: string, limit: number): string {
  if (value.length <= limit) return value
  const cut = value.slice(0, limit)
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut
}

/** Minutes as an hour-based MSPDI duration: 1530 -> `PT25H30M0S`; negative values as `PT-8H0M0S`. */
export function mspdiFormatDuration(minutes: number): string {
  const sign = minutes < 0 ? '-' : ''
  const total = Math.round(Math.abs(minutes) * 60) // whole seconds
  const hours = Math.floor(total / 3600)
  const rest = total - hours * 3600
  return `PT${sign}${hours}H${Math.floor(rest / 60)}M${rest % 60}S`
}

/** A decimal without exponent notation and without trailing zeros (`0.5`, `1`, `12.345678`). */
function decimalText(value: number): string {
  if (!Number.isFinite(value)) return '0'
  const text = value.toFixed(6)
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text
}

function timeText(minutes: number): string {
  // 24:00 is written 00:00:00 ("midnight at the end of the day").
  const value = minutes >= 1440 ? 0 : minutes
  return `${dateClockText(value)}:00`
}

function dateTimeText(value: string): string {
  return value.length === 16 ? `${value}:00` : value
}

/**
 * The output text, one element per line and without indentation: indenting a 10,000-task file costs about a
 * fifth of the export time for 2.5 MB of spaces that no reader needs.
 */
class XmlText {
  /**
   * Text is appended with `+=` into a small rope (V8 joins those lazily) that is moved to `chunks` every few
   * kilobytes; one big rope of 400,000 pieces or one array of 400,000 strings both cost more garbage collection.
   */
  private out = ''
  private readonly chunks: string[] = []

  /** Moves the current piece to the chunk list once it is large enough; call between records. */
  flush(): void {
    if (this.out.length < 16_384) return
    this.chunks.push(this.out)
    this.out = ''
  }

  /** The whole text. */
  toString(): string {
    this.chunks.push(this.out)
    this.out = ''
    return this.chunks.join('')
  }

  /** A line written as is (the declaration and the root element). */
  raw(line: string): void {
    this.out += line
  }

  open(name: string): void {
    this.out += `<${name}>\n`
  }

  close(name: string): void {
    this.out += `</${name}>\n`
  }

  /** An element with escaped text. */
  text(name: string, value: string): void {
    this.out += `<${name}>${mspdiEscape(value)}</${name}>\n`
  }

  /** An element whose value needs no escaping (numbers, codes, dates). */
  value(name: string, value: string | number): void {
    this.out += `<${name}>${value}</${name}>\n`
  }
}

/** An amount in currency units as MSPDI writes `Cost`, `FixedCost`, `CostPerUse`: whole hundredths (540000 = 5,400). */
function hundredths(amount: number): number {
  const value = Math.round(amount * 100)
  return Object.is(value, -0) || !Number.isFinite(value) ? 0 : value
}

/** An earned value amount as MSPDI writes `BCWS`, `BCWP`, `ACWP`, `CV`: hundredths with two decimals (`80000.00`). */
function hundredthsDecimal(amount: number): string {
  const value = Math.round(amount * 10_000) / 100
  return (Object.is(value, -0) || !Number.isFinite(value) ? 0 : value).toFixed(2)
}

/** UIDs for a list of ids: the ids themselves when they are all >= min and distinct, otherwise 1..n by position. */
function uidMap(ids: number[], min: number): Map<number, number> {
  const map = new Map<number, number>()
  const unique = new Set(ids).size === ids.length && ids.every((id) => Number.isInteger(id) && id >= min && id <= 2_147_483_647)
  ids.forEach((id, index) => map.set(id, unique ? id : index + min))
  return map
}

function writeWorkingTimes(xml: XmlText, periods: WorkingPeriod[]): void {
  if (periods.length === 0) return
  xml.open('WorkingTimes')
  for (const period of periods) {
    xml.open('WorkingTime')
    xml.value('FromTime', timeText(period.start))
    xml.value('ToTime', timeText(period.end))
    xml.close('WorkingTime')
  }
  xml.close('WorkingTimes')
}

function writeWeekDay(xml: XmlText, dayType: number, day: WeekDay): void {
  xml.open('WeekDay')
  xml.value('DayType', dayType)
  xml.value('DayWorking', day.periods.length > 0 ? 1 : 0)
  writeWorkingTimes(xml, day.periods)
  xml.close('WeekDay')
}

function writeTimePeriod(xml: XmlText, from: string, to: string): void {
  xml.open('TimePeriod')
  xml.value('FromDate', `${from}T00:00:00`)
  xml.value('ToDate', `${to}T23:59:00`)
  xml.close('TimePeriod')
}

function dayCount(from: string, to: string): number {
  return dateToDayNumber(to) - dateToDayNumber(from) + 1
}

const standardWeek: WeekDay[] = [
  { periods: [] },
  ...Array.from({ length: 5 }, () => ({ periods: [{ start: 480, end: 720 }, { start: 780, end: 1020 }] })),
  { periods: [] },
]

function writeCalendar(xml: XmlText, calendar: Calendar, uid: number, baseUid: number | null): void {
  const isBase = baseUid === null
  const exceptions = [...calendar.exceptions].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
  xml.open('Calendar')
  xml.value('UID', uid)
  xml.text('Name', limitLength(calendar.name, 512))
  xml.value('IsBaseCalendar', isBase ? 1 : 0)
  xml.value('BaseCalendarUID', baseUid ?? -1)
  const days = calendar.weekDays.map((day, index) => (day === null && isBase ? (standardWeek[index] as WeekDay) : day))
  if (days.some((day) => day !== null) || exceptions.length > 0) {
    xml.open('WeekDays')
    days.forEach((day, index) => {
      if (day !== null) writeWeekDay(xml, index + 1, day)
    })
    // Legacy encoding of exceptions (Project 2003 and Powerproject read only this one).
    for (const exception of exceptions) {
      xml.open('WeekDay')
      xml.value('DayType', 0)
      xml.value('DayWorking', exception.periods.length > 0 ? 1 : 0)
      writeTimePeriod(xml, exception.from, exception.to)
      writeWorkingTimes(xml, exception.periods)
      xml.close('WeekDay')
    }
    xml.close('WeekDays')
  }
  if (exceptions.length > 0) {
    xml.open('Exceptions')
    for (const exception of exceptions) {
      xml.open('Exception')
      xml.value('EnteredByOccurrences', 0)
      writeTimePeriod(xml, exception.from, exception.to)
      xml.value('Occurrences', dayCount(exception.from, exception.to))
      xml.text('Name', limitLength(exception.name, 512))
      xml.value('Type', 1)
      xml.value('DayWorking', exception.periods.length > 0 ? 1 : 0)
      writeWorkingTimes(xml, exception.periods)
      xml.close('Exception')
    }
    xml.close('Exceptions')
  }
  if (calendar.workWeeks.length > 0) {
    xml.open('WorkWeeks')
    for (const week of calendar.workWeeks) {
      xml.open('WorkWeek')
      writeTimePeriod(xml, week.from, week.to)
      xml.text('Name', limitLength(week.name, 512))
      // MS Project writes (and MPXJ reads) WorkWeek/WeekDays/WeekDay.
      if (week.weekDays.some((day) => day !== null)) {
        xml.open('WeekDays')
        week.weekDays.forEach((day, index) => {
          if (day !== null) writeWeekDay(xml, index + 1, day)
        })
        xml.close('WeekDays')
      }
      xml.close('WorkWeek')
    }
    xml.close('WorkWeeks')
  }
  xml.close('Calendar')
}

/**
 * Calendars to export: the plan's calendars, plus resource vacations (`Resource.nonWorkingDays`) as non-working
 * exceptions of the resource's own derived calendar (created when the resource has none or shares it).
 */
function exportCalendars(plan: Plan): { calendars: Calendar[]; resourceCalendar: Map<number, number | null> } {
  const calendars = plan.calendars.map((calendar) => ({ ...calendar, exceptions: [...calendar.exceptions] }))
  const byId = new Map(calendars.map((calendar) => [calendar.id, calendar]))
  const resourceCalendar = new Map<number, number | null>()
  const users = new Map<number, number>()
  for (const resource of plan.resources) {
    if (resource.calendarId !== null) users.set(resource.calendarId, (users.get(resource.calendarId) ?? 0) + 1)
  }
  let nextId = calendars.reduce((max, calendar) => Math.max(max, calendar.id), 0) + 1
  for (const resource of plan.resources) {
    const own = resource.calendarId === null ? undefined : byId.get(resource.calendarId)
    resourceCalendar.set(resource.id, own === undefined ? null : own.id)
    if (resource.nonWorkingDays.length === 0) continue
    let target: Calendar
    if (own !== undefined && own.baseCalendarId !== null && users.get(own.id) === 1) {
      target = own
    } else {
      target = {
        id: nextId++,
        name: resource.name,
        baseCalendarId: own === undefined ? plan.calendarId : (own.baseCalendarId ?? own.id),
        weekDays: own !== undefined && own.baseCalendarId !== null ? [...own.weekDays] : [null, null, null, null, null, null, null],
        exceptions: own !== undefined && own.baseCalendarId !== null ? [...own.exceptions] : [],
        workWeeks: own !== undefined && own.baseCalendarId !== null ? [...own.workWeeks] : [],
      }
      calendars.push(target)
      byId.set(target.id, target)
      resourceCalendar.set(resource.id, target.id)
    }
    for (const range of resource.nonWorkingDays) {
      // MS Project refuses overlapping exceptions; a vacation over an existing exception keeps the existing one.
      const overlaps = target.exceptions.some((exception) => exception.from <= range.to && range.from <= exception.to)
      if (!overlaps) target.exceptions.push({ name: 'Vacation', from: range.from, to: range.to, periods: [] } satisfies CalendarException)
    }
  }
  return { calendars, resourceCalendar }
}

/**
 * Writes a plan as Microsoft Project XML (MSPDI) text.
 *
 * With a `schedule`, each task's Start/Finish, early and late dates, total and free slack (in tenths of a working
 * minute), critical flag and Work are the computed ones, summaries carry their rolled-up duration and work, each
 * assignment its computed Start/Finish and Work, and each resource Microsoft Project's computed PeakUnits (1 = 100 %)
 * and OverAllocated from the load; without one, the values stored in the plan are written (the plan start when a task
 * has no dates; no dates for an assignment without stored ones). Every task writes its type, effort-driven and
 * ignore-resource-calendars flags, its mode and whichever typed manual values it has. Task, resource and calendar UIDs are
 * the plan's ids when they are valid and distinct; otherwise they are renumbered from 1 in list order.
 * @returns the XML text, UTF-8 ready, with a `<?xml ... standalone="yes"?>` declaration
 */
export function mspdiWrite(plan: Plan, schedule?: Schedule): string {
  const xml = new XmlText()
  const tasks = plan.tasks
  const count = tasks.length
  const hasSchedule = schedule !== undefined && schedule.taskCount === count
  const taskUids = uidMap(tasks.map((task) => task.id), 1)
  const resourceUids = uidMap(plan.resources.map((resource) => resource.id), 1)
  const { calendars, resourceCalendar } = exportCalendars(plan)
  const calendarUids = uidMap(calendars.map((calendar) => calendar.id), 1)
  const calendarUid = (id: number | null): number => (id === null ? -1 : (calendarUids.get(id) ?? -1))

  const startOf = (index: number, task: Task): string => {
    if (hasSchedule) {
      const value = schedule.start[index] as number
      if (Number.isFinite(value)) return dateFromWallMinutes(value)
    }
    return dateTimeText(task.start ?? plan.start)
  }
  const finishOf = (index: number, task: Task): string => {
    if (hasSchedule) {
      const value = schedule.finish[index] as number
      if (Number.isFinite(value)) return dateFromWallMinutes(value)
    }
    return dateTimeText(task.finish ?? task.start ?? plan.start)
  }
  const isSummary = (index: number): boolean =>
    hasSchedule ? schedule.isSummary[index] === 1 : index + 1 < count && (tasks[index + 1] as Task).level > (tasks[index] as Task).level

  const taskIndex = new Map<number, number>()
  tasks.forEach((task, index) => taskIndex.set(task.id, index))
  const resourceIds = new Set(plan.resources.map((resource) => resource.id))
  // Positions in plan.assignments (the schedule's per-assignment arrays are indexed by them) of those written.
  const positions: number[] = []
  plan.assignments.forEach((assignment, position) => {
    if (taskIndex.has(assignment.taskId) && resourceIds.has(assignment.resourceId)) positions.push(position)
  })
  const hasAssignmentSchedule = hasSchedule && schedule.assignmentWork.length === plan.assignments.length
  // Work of a task: the engine's (its assignments' work; a summary's rolled up), else the plan's.
  const workOf = (index: number, task: Task): number => {
    const value = hasSchedule ? (schedule.work[index] as number) : task.work
    return Number.isFinite(value) && value >= 0 ? value : task.work
  }
  const assignmentWorkOf = (position: number): number => {
    const value = hasAssignmentSchedule ? (schedule.assignmentWork[position] as number) : Number.NaN
    return Number.isFinite(value) && value >= 0 ? value : (plan.assignments[position] as Assignment).work
  }
  // An assignment's dates: the engine's, else the last computed ones the plan keeps, else none (the schema allows
  // leaving them out, and a reader would take a made-up date for a computed one).
  const assignmentDateOf = (position: number, dates: Float64Array | undefined, stored: string | null): string | null => {
    const value = hasAssignmentSchedule && dates !== undefined ? (dates[position] as number) : Number.NaN
    if (Number.isFinite(value)) return dateFromWallMinutes(value)
    return stored === null ? null : dateTimeText(stored)
  }
  // Microsoft Project's computed resource fields (PeakUnits, OverAllocated) need the schedule's load.
  const load = hasAssignmentSchedule ? loadCompute(plan, schedule) : null
  // Actual work per task: the task's own (with assignments, their sum; the model keeps it so).
  // Actual work as Microsoft Project rolls it up, like Work: a leaf's own (its assignments' sum), a summary's its
  // subtasks' plus its own assignments' (never the summary's stored value, which may be a roll-up read from a file);
  // `planActualWork` and `planWork` are the top-level tasks' sums, for the project summary task (UID 0).
  const parents = hasSchedule ? schedule.parent : validateOutlineParents(tasks.map((task) => task.level))
  const actualWorkOf = Float64Array.from(tasks, (task, index) => (isSummary(index) ? 0 : task.actualWork))
  for (const position of positions) {
    const assignment = plan.assignments[position] as Assignment
    const index = taskIndex.get(assignment.taskId)
    if (index !== undefined && isSummary(index))
      actualWorkOf[index] =
        (actualWorkOf[index] as number) + Math.min(assignment.actualWork, assignmentWorkOf(position))
  }
  let planActualWork = 0
  let planWork = 0
  for (let index = count - 1; index >= 0; index--) {
    const actual = Math.min(actualWorkOf[index] as number, workOf(index, tasks[index] as Task))
    actualWorkOf[index] = actual
    const up = parents[index] ?? -1
    if (up >= 0) actualWorkOf[up] = (actualWorkOf[up] as number) + actual
    else {
      planActualWork += actual
      planWork += workOf(index, tasks[index] as Task)
    }
  }

  // StartDate is the plan's start (an input). The UID 0 summary spans the tasks, which can begin earlier (an SF link
  // or a MSO constraint may place a task before the project start, as Microsoft Project does).
  const planStart = dateTimeText(plan.start)
  let summaryStart = planStart
  let projectFinish = planStart
  if (hasSchedule && Number.isFinite(schedule.projectStart) && Number.isFinite(schedule.projectFinish)) {
    summaryStart = dateFromWallMinutes(schedule.projectStart)
    projectFinish = dateFromWallMinutes(schedule.projectFinish)
  } else {
    tasks.forEach((task, index) => {
      const start = startOf(index, task)
      const finish = finishOf(index, task)
      if (start < summaryStart) summaryStart = start
      if (finish > projectFinish) projectFinish = finish
    })
  }
  const settings = plan.settings
  // Cost from the schedule (work x rates, fixed costs); earned value at the plan's status date, when it has one.
  const costs: PlanCost | null = hasSchedule ? costCompute(plan, schedule) : null
  const earned: PlanEarnedValue | null =
    hasSchedule && costs !== null && plan.statusDate !== null ? earnedValueCompute(plan, schedule, costs, { statusDate: plan.statusDate }) : null

  xml.raw('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n')
  xml.raw(`<Project xmlns="${mspdiNamespace}">\n`)
  xml.value('SaveVersion', mspdiSaveVersion)
  xml.text('Name', limitLength(plan.name, 255))
  xml.text('Title', limitLength(plan.name, 512))
  xml.value('CreationDate', dateTimeText(plan.createdAt))
  xml.value('LastSaved', dateTimeText(plan.updatedAt))
  xml.value('ScheduleFromStart', 1)
  xml.value('StartDate', planStart)
  xml.value('FinishDate', projectFinish)
  xml.value('CurrencyCode', mspdiEscape(settings.currencyCode))
  xml.value('CalendarUID', calendarUid(plan.calendarId))
  xml.value('DefaultStartTime', timeText(settings.defaultStartTime))
  xml.value('DefaultFinishTime', timeText(settings.defaultFinishTime))
  xml.value('MinutesPerDay', settings.minutesPerDay)
  xml.value('MinutesPerWeek', settings.minutesPerWeek)
  xml.value('DaysPerMonth', settings.daysPerMonth)
  xml.value('DurationFormat', 7)
  xml.value('WorkFormat', 2)
  xml.value('WeekStartDay', settings.weekStartDay)
  xml.value('MoveRemainingStartsForward', settings.moveRemainingAfterStatusDate ? 1 : 0)
  xml.value('BaselineForEarnedValue', settings.baselineForEarnedValue)
  if (plan.statusDate !== null) xml.value('StatusDate', dateTimeText(plan.statusDate))
  xml.value('NewTasksAreManual', settings.newTaskSchedulingMode === 'manual' ? 1 : 0)
  xml.value('DefaultTaskEVMethod', settings.earnedValueMethod === 'physical-percent-complete' ? 1 : 0)

  xml.open('Calendars')
  for (const calendar of calendars) {
    const baseUid = calendar.baseCalendarId === null ? null : calendarUid(calendar.baseCalendarId)
    writeCalendar(xml, calendar, calendarUid(calendar.id), baseUid === -1 ? null : baseUid)
    xml.flush()
  }
  xml.close('Calendars')

  // Predecessor links, grouped by successor.
  const linksBySuccessor = new Map<number, typeof plan.dependencies>()
  for (const link of plan.dependencies) {
    if (!taskIndex.has(link.predecessorId) || !taskIndex.has(link.successorId)) continue
    const group = linksBySuccessor.get(link.successorId)
    if (group === undefined) linksBySuccessor.set(link.successorId, [link])
    else group.push(link)
  }

  xml.open('Tasks')
  // UID 0: the project summary task.
  xml.open('Task')
  xml.value('UID', 0)
  xml.value('ID', 0)
  xml.text('Name', limitLength(plan.name, 512))
  xml.value('Type', 1)
  xml.value('IsNull', 0)
  xml.value('WBS', 0)
  xml.value('OutlineNumber', 0)
  xml.value('OutlineLevel', 0)
  xml.value('Start', summaryStart)
  xml.value('Finish', projectFinish)
  xml.value('Duration', 'PT0H0M0S')
  xml.value('DurationFormat', 7)
  xml.value('Work', mspdiFormatDuration(planWork))
  xml.value('Estimated', 0)
  xml.value('Milestone', 0)
  xml.value('Summary', 1)
  xml.value('PercentComplete', 0)
  if (planWork > 0) xml.value('PercentWorkComplete', Math.round((planActualWork / planWork) * 100))
  xml.value('ActualWork', mspdiFormatDuration(planActualWork))
  xml.value('RemainingWork', mspdiFormatDuration(planWork - planActualWork))
  xml.value('ConstraintType', 0)
  xml.value('CalendarUID', -1)
  xml.close('Task')

  const outline: number[] = []
  for (let index = 0; index < count; index++) {
    const task = tasks[index] as Task
    // Outline numbers follow the rows: a level deeper than the row above plus one is clamped, so every
    // OutlineNumber has a parent (Planner drops a task whose parent number is missing).
    const level = Math.max(1, Math.min(task.level, outline.length + 1))
    outline.length = level
    outline[level - 1] = (outline[level - 1] ?? 0) + 1
    const outlineNumber = outline.join('.')
    const summary = isSummary(index)
    const durationMinutes = hasSchedule && summary ? (schedule.duration[index] as number) : task.duration
    xml.open('Task')
    xml.value('UID', taskUids.get(task.id) as number)
    xml.value('ID', index + 1)
    xml.text('Name', limitLength(task.name, 512))
    xml.value('Manual', task.schedulingMode === 'manual' ? 1 : 0)
    xml.value('Type', mspdiTaskCodeByType[task.type])
    xml.value('IsNull', 0)
    xml.value('WBS', outlineNumber)
    xml.value('OutlineNumber', outlineNumber)
    xml.value('OutlineLevel', level)
    xml.value('Priority', Math.round(task.priority))
    xml.value('Start', startOf(index, task))
    xml.value('Finish', finishOf(index, task))
    xml.value('Duration', mspdiFormatDuration(Number.isFinite(durationMinutes) ? durationMinutes : task.duration))
    // The typed values of a manual task (an automatic one keeps them, unused, from when it was manual).
    if (task.manualStart !== null) xml.value('ManualStart', dateTimeText(task.manualStart))
    if (task.manualFinish !== null) xml.value('ManualFinish', dateTimeText(task.manualFinish))
    if (task.manualDuration !== null) xml.value('ManualDuration', mspdiFormatDuration(task.manualDuration))
    xml.value('DurationFormat', mspdiFormatCodeByUnit[task.durationUnit])
    xml.value('Work', mspdiFormatDuration(workOf(index, task)))
    xml.value('EffortDriven', task.isEffortDriven ? 1 : 0)
    xml.value('Estimated', 0)
    xml.value('Milestone', task.isMilestone ? 1 : 0)
    xml.value('Summary', summary ? 1 : 0)
    if (hasSchedule) {
      xml.value('Critical', schedule.isCritical[index] === 1 ? 1 : 0)
      const dates: [string, Float64Array][] = [
        ['EarlyStart', schedule.earlyStart],
        ['EarlyFinish', schedule.earlyFinish],
        ['LateStart', schedule.lateStart],
        ['LateFinish', schedule.lateFinish],
      ]
      for (const [name, values] of dates) {
        const value = values[index] as number
        if (Number.isFinite(value)) xml.value(name, dateFromWallMinutes(value))
      }
      const free = schedule.freeSlack[index] as number
      const totalSlack = schedule.totalSlack[index] as number
      if (Number.isFinite(free)) xml.value('FreeSlack', Math.round(free * 10))
      if (Number.isFinite(totalSlack)) xml.value('TotalSlack', Math.round(totalSlack * 10))
    }
    if (task.fixedCost > 0) xml.value('FixedCost', hundredths(task.fixedCost))
    xml.value('FixedCostAccrual', mspdiAccrualCodeByAccrual[task.fixedCostAccrual])
    xml.value('PercentComplete', Math.round(task.percentComplete))
    // Schema order: PercentWorkComplete, Cost, ActualStart, ActualFinish, ActualDuration, ActualCost, ActualWork,
    // RemainingDuration, RemainingCost, RemainingWork, ACWP, CV.
    const taskWork = workOf(index, task)
    const actualWork = Math.min(taskWork, actualWorkOf[index] as number)
    if (taskWork > 0) xml.value('PercentWorkComplete', Math.round((actualWork / taskWork) * 100))
    if (costs !== null) xml.value('Cost', hundredths(costs.cost[index] as number))
    if (task.actualStart !== null) xml.value('ActualStart', dateTimeText(task.actualStart))
    if (task.actualFinish !== null) xml.value('ActualFinish', dateTimeText(task.actualFinish))
    // Actual and remaining duration follow from % complete (progress.ts), over the duration written above.
    const writtenDuration = Number.isFinite(durationMinutes) ? durationMinutes : task.duration
    const actualDuration = progressActualDuration({ duration: writtenDuration, percentComplete: task.percentComplete })
    xml.value('ActualDuration', mspdiFormatDuration(actualDuration))
    if (costs !== null) xml.value('ActualCost', hundredths(costs.actualCost[index] as number))
    xml.value('ActualWork', mspdiFormatDuration(actualWork))
    xml.value('RemainingDuration', mspdiFormatDuration(writtenDuration - actualDuration))
    if (costs !== null) xml.value('RemainingCost', hundredths(costs.remainingCost[index] as number))
    xml.value('RemainingWork', mspdiFormatDuration(taskWork - actualWork))
    if (earned !== null) {
      xml.value('ACWP', hundredthsDecimal(earned.ac[index] as number))
      xml.value('CV', hundredthsDecimal((earned.ev[index] as number) - (earned.ac[index] as number)))
    }
    const hasDate = task.constraint.type !== 'ASAP' && task.constraint.type !== 'ALAP' && task.constraint.date !== null
    xml.value('ConstraintType', hasDate || task.constraint.type === 'ALAP' ? mspdiConstraintCodeByType[task.constraint.type] : 0)
    xml.value('CalendarUID', calendarUid(task.calendarId))
    if (hasDate) xml.value('ConstraintDate', dateTimeText(task.constraint.date as string))
    if (task.deadline !== null) xml.value('Deadline', dateTimeText(task.deadline))
    if (task.levelingDelay > 0) {
      xml.value('LevelingDelay', Math.round(task.levelingDelay * 10))
      xml.value('LevelingDelayFormat', 8)
    }
    xml.value('IgnoreResourceCalendar', task.ignoresResourceCalendars ? 1 : 0)
    if (task.notes !== '') xml.text('Notes', task.notes)
    if (earned !== null) {
      xml.value('BCWS', hundredthsDecimal(earned.pv[index] as number))
      xml.value('BCWP', hundredthsDecimal(earned.ev[index] as number))
    }
    if (task.physicalPercentComplete > 0) xml.value('PhysicalPercentComplete', Math.round(task.physicalPercentComplete))
    if (earned !== null) xml.value('EarnedValueMethod', earned.method === 'physical-percent-complete' ? 1 : 0)
    for (const link of linksBySuccessor.get(task.id) ?? []) {
      const isPercent = link.lagUnit === '%' || link.lagUnit === 'e%'
      xml.open('PredecessorLink')
      xml.value('PredecessorUID', taskUids.get(link.predecessorId) as number)
      xml.value('Type', mspdiLinkCodeByType[link.type])
      xml.value('CrossProject', 0)
      xml.value('LinkLag', Math.round(isPercent ? link.lag : link.lag * 10))
      xml.value('LagFormat', mspdiFormatCodeByUnit[link.lagUnit])
      xml.close('PredecessorLink')
    }
    for (const baseline of task.baselines) {
      xml.open('Baseline')
      for (const [name, value] of mspdiBaselineElements(baseline, mspdiFormatDuration, dateTimeText)) xml.value(name, value)
      xml.close('Baseline')
    }
    xml.close('Task')
    xml.flush()
  }
  xml.close('Tasks')

  const resourceWork = new Map<number, number>()
  for (const position of positions) {
    const assignment = plan.assignments[position] as Assignment
    resourceWork.set(assignment.resourceId, (resourceWork.get(assignment.resourceId) ?? 0) + assignmentWorkOf(position))
  }
  xml.open('Resources')
  plan.resources.forEach((resource: Resource, index) => {
    xml.open('Resource')
    xml.value('UID', resourceUids.get(resource.id) as number)
    xml.value('ID', index + 1)
    xml.text('Name', limitLength(resource.name, 512))
    xml.value('Type', resource.type === 'material' ? 0 : 1)
    xml.value('IsNull', 0)
    if (resource.initials !== '') xml.text('Initials', limitLength(resource.initials, 512))
    if (resource.type === 'material' && resource.materialLabel !== '') xml.text('MaterialLabel', limitLength(resource.materialLabel, 512))
    if (resource.role !== '') xml.text('Group', limitLength(resource.role, 512))
    if (resource.email !== '') xml.text('EmailAddress', limitLength(resource.email, 512))
    xml.value('MaxUnits', decimalText(resource.maxUnits / 100))
    const resourceLoad = load?.byResource.get(resource.id)
    if (resourceLoad !== undefined) {
      xml.value('PeakUnits', decimalText(resourceLoad.peakUnitsMax / 100))
      xml.value('OverAllocated', resourceLoad.isOverallocated ? 1 : 0)
    }
    xml.value('AccrueAt', mspdiAccrualCodeByAccrual[resource.costAccrual])
    xml.value('Work', mspdiFormatDuration(resourceWork.get(resource.id) ?? 0))
    xml.value('StandardRate', decimalText(resource.standardRate))
    xml.value('StandardRateFormat', resource.type === 'material' ? 8 : mspdiRateCodeByUnit[resource.standardRateUnit])
    if (costs !== null) xml.value('Cost', hundredths(costs.resourceCost[index] as number))
    xml.value('OvertimeRate', decimalText(resource.type === 'material' ? 0 : resource.overtimeRate))
    xml.value('OvertimeRateFormat', mspdiRateCodeByUnit[resource.type === 'material' ? 'unit' : resource.overtimeRateUnit])
    xml.value('CostPerUse', hundredths(resource.costPerUse))
    if (costs !== null) xml.value('ActualCost', hundredths(costs.resourceActualCost[index] as number))
    const calendarId = resourceCalendar.get(resource.id) ?? null
    if (calendarId !== null) xml.value('CalendarUID', calendarUid(calendarId))
    xml.close('Resource')
    xml.flush()
  })
  xml.close('Resources')

  xml.open('Assignments')
  const assignmentUids = uidMap(positions.map((position) => (plan.assignments[position] as Assignment).id), 0)
  for (const position of positions) {
    const assignment = plan.assignments[position] as Assignment
    xml.open('Assignment')
    xml.value('UID', assignmentUids.get(assignment.id) as number)
    xml.value('TaskUID', taskUids.get(assignment.taskId) as number)
    xml.value('ResourceUID', resourceUids.get(assignment.resourceId) as number)
    // Schema order: ActualWork, Cost, Finish, RemainingWork, Start (Finish before Start here, the reverse of Task).
    if (assignment.actualWork > 0) xml.value('ActualWork', mspdiFormatDuration(assignment.actualWork))
    if (costs !== null) xml.value('Cost', hundredths(costs.assignmentCost[position] as number))
    const finish = assignmentDateOf(position, schedule?.assignmentFinish, assignment.finish)
    const start = assignmentDateOf(position, schedule?.assignmentStart, assignment.start)
    if (finish !== null) xml.value('Finish', finish)
    xml.value('RemainingWork', mspdiFormatDuration(Math.max(0, assignmentWorkOf(position) - assignment.actualWork)))
    if (start !== null) xml.value('Start', start)
    xml.value('Units', decimalText(assignment.units / 100))
    xml.value('Work', mspdiFormatDuration(assignmentWorkOf(position)))
    xml.close('Assignment')
    xml.flush()
  }
  xml.close('Assignments')
  xml.raw('</Project>\n')
  return xml.toString()
}
