/**
 * Pure layout helpers of the workspace: which rows are visible under collapsed summaries, WBS numbers,
 * and the time scale of the Gantt chart (wall-clock minutes to pixels).
 */
import type { Task } from '../../../../shared/domain/model'
import { calendarWorkingMinutesBetween, type CompiledCalendar } from '../../../../shared/domain/calendar'
import { dateDayNumberOf, dateFromDayNumber, dateToDayNumber, dateWeekday } from '../../../../shared/domain/dates'

export const rowHeight = 28

/** Indexes of the rows shown in the outline (children of collapsed summaries are hidden). */
export function layoutVisibleRows(tasks: readonly Task[]): Int32Array {
  const rows = new Int32Array(tasks.length)
  let count = 0
  let hideDeeperThan = Number.POSITIVE_INFINITY
  for (let index = 0; index < tasks.length; index++) {
    const task = tasks[index] as Task
    if (task.level > hideDeeperThan) continue
    hideDeeperThan = Number.POSITIVE_INFINITY
    rows[count++] = index
    const next = tasks[index + 1]
    if (task.isCollapsed && next !== undefined && next.level > task.level) hideDeeperThan = task.level
  }
  return rows.slice(0, count)
}

/** WBS numbers (1, 1.1, 1.2, 2 ...) of every task, from the outline levels. */
export function layoutWbs(tasks: readonly Task[]): string[] {
  const counters: number[] = []
  return tasks.map((task) => {
    const level = Math.max(1, task.level)
    counters.length = Math.min(counters.length, level)
    while (counters.length < level) counters.push(0)
    counters[level - 1] = (counters[level - 1] ?? 0) + 1
    return counters.join('.')
  })
}

export const zoomLevels = ['day', 'week', 'month', 'quarter'] as const
export type ZoomLevel = (typeof zoomLevels)[number]

/** Pixels per calendar day at each zoom level. */
export const pixelsPerDay: Record<ZoomLevel, number> = { day: 30, week: 10, month: 3, quarter: 1.2 }

/** The chart's time axis: x = (wall minute - origin) * scale. */
export type TimeScale = { zoom: ZoomLevel; originDay: number; dayCount: number; pxPerDay: number; width: number }

/**
 * A scale covering [firstDay - 7, lastDay + 30] days, and at least `minWidth` pixels (the chart pane's width), so a
 * short plan at the Month or Quarter zoom still fills the pane instead of stopping in the middle of it.
 */
export function layoutTimeScale(zoom: ZoomLevel, firstDay: number, lastDay: number, minWidth = 0): TimeScale {
  const pxPerDay = pixelsPerDay[zoom]
  const originDay = firstDay - 7 - ((dateWeekday(firstDay - 7) + 6) % 7)
  const dayCount = Math.max(60, lastDay - originDay + 45, Math.ceil(Math.max(0, minWidth) / pxPerDay))
  return { zoom, originDay, dayCount, pxPerDay, width: Math.ceil(dayCount * pxPerDay) }
}

/** The x of a wall-clock minute. */
export function scaleX(scale: TimeScale, wallMinutes: number): number {
  return (wallMinutes / 1440 - scale.originDay) * scale.pxPerDay
}

/** The wall-clock minute at an x. */
export function scaleMinutes(scale: TimeScale, x: number): number {
  return (x / scale.pxPerDay + scale.originDay) * 1440
}

export type ScaleCell = { key: string; x: number; width: number; label: string; title: string }

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const dayLetters = ['S', 'M', 'T', 'W', 'T', 'F', 'S']

function monthStart(day: number): number {
  const text = dateFromDayNumber(day)
  return dateToDayNumber(`${text.slice(0, 7)}-01`)
}
function addMonths(day: number, months: number): number {
  const text = dateFromDayNumber(day)
  const total = Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1 + months
  return dateDayNumberOf(Math.floor(total / 12), (total % 12) + 1, 1)
}

type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year'

function unitStart(unit: Unit, day: number): number {
  if (unit === 'day') return day
  if (unit === 'week') return day - ((dateWeekday(day) + 6) % 7)
  const month = monthStart(day)
  if (unit === 'month') return month
  const monthIndex = Number(dateFromDayNumber(month).slice(5, 7)) - 1
  if (unit === 'quarter') return addMonths(month, -(monthIndex % 3))
  return addMonths(month, -monthIndex)
}
function unitNext(unit: Unit, day: number): number {
  if (unit === 'day') return day + 1
  if (unit === 'week') return day + 7
  return addMonths(day, unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12)
}
function unitLabel(unit: Unit, day: number, width: number): { label: string; title: string } {
  const text = dateFromDayNumber(day)
  const month = Number(text.slice(5, 7)) - 1
  const year = text.slice(0, 4)
  if (unit === 'day') return { label: width >= 20 ? String(Number(text.slice(8, 10))) : (dayLetters[dateWeekday(day)] ?? ''), title: text }
  if (unit === 'week') return { label: width >= 60 ? `${monthNames[month]} ${Number(text.slice(8, 10))}` : `${Number(text.slice(8, 10))}`, title: `Week of ${text}` }
  if (unit === 'month') return { label: width >= 60 ? `${monthNames[month]} ${year}` : (monthNames[month] ?? '').slice(0, width >= 24 ? 3 : 1), title: text.slice(0, 7) }
  if (unit === 'quarter') return { label: `Q${Math.floor(month / 3) + 1}${width >= 60 ? ` ${year}` : ''}`, title: `Q${Math.floor(month / 3) + 1} ${year}` }
  return { label: year, title: year }
}

/** The two header tiers (top, bottom) of a zoom level. */
export const scaleTiers: Record<ZoomLevel, [Unit, Unit]> = {
  day: ['week', 'day'],
  week: ['month', 'week'],
  month: ['year', 'month'],
  quarter: ['year', 'quarter'],
}

/** Header cells of one tier overlapping the x range [from, to]. */
export function layoutScaleCells(scale: TimeScale, unit: Unit, from: number, to: number): ScaleCell[] {
  const cells: ScaleCell[] = []
  const firstDay = Math.floor(from / scale.pxPerDay) + scale.originDay
  const lastDay = Math.ceil(to / scale.pxPerDay) + scale.originDay
  let day = unitStart(unit, firstDay)
  for (let guard = 0; day <= lastDay && guard < 5000; guard++) {
    const next = unitNext(unit, day)
    // A period that began before the chart's first day is drawn from the first day, with a label that fits what
    // is left of it (a quarter cut to a few days read "026" when its "Q1 2026" was centred on the whole quarter).
    const x = Math.max(0, (day - scale.originDay) * scale.pxPerDay)
    const width = (next - scale.originDay) * scale.pxPerDay - x
    cells.push({ key: `${unit}${day}`, x, width, ...unitLabel(unit, day, width) })
    day = next
  }
  return cells
}

/** Day numbers in [fromDay, toDay] without working time in a compiled calendar (for shading). */
export function layoutNonWorkingDays(calendar: CompiledCalendar, fromDay: number, toDay: number): number[] {
  const result: number[] = []
  for (let day = fromDay; day <= toDay; day++) {
    if (calendarWorkingMinutesBetween(calendar, day * 1440, (day + 1) * 1440) <= 0) result.push(day)
  }
  return result
}
