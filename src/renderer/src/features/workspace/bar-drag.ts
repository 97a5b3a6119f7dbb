/**
 * What dragging a bar in the chart means, without the DOM: when a press becomes a move, a link or stays a click;
 * how many working days a dropped bar moved (the same unit the chart's arrow keys use, so a drag and the keyboard
 * follow one rule: `task/move-by-working-days`); and the duration a dragged bar end gives.
 */
import { calendarWorkingMinutesBetween, type CompiledCalendar } from '../../../../shared/domain/calendar'
import { rowHeight, scaleMinutes, scaleX, type TimeScale } from './layout'

/** `pending`: pressed, not yet moved far enough to tell; `resize`: pressed on the bar's end handle. */
export type BarDragMode = 'pending' | 'move' | 'resize' | 'link'

/** Pixels a press must travel sideways before it moves the bar (a click that wobbles stays a click). */
export const barDragThreshold = 3

/**
 * The mode after the pointer moved `dx`, `dy` pixels from where it was pressed: dragging up or down by most of a
 * row draws a link; sideways moves the bar (not a summary's, whose dates come from its subtasks). A resize stays a
 * resize, and a link stays a link.
 */
export function barDragModeAfter(mode: BarDragMode, dx: number, dy: number, isSummary: boolean): BarDragMode {
  if (mode !== 'pending' && mode !== 'move') return mode
  if (Math.abs(dy) > rowHeight * 0.75) return 'link'
  if (Math.abs(dx) > barDragThreshold && !isSummary) return 'move'
  return mode
}

/**
 * The working days a bar dropped `dx` pixels from where it was moved by: the calendar day under its new start,
 * counted in working days of `calendar` from its old start (a drag from Friday over the weekend to Monday is one
 * working day; to Saturday, too, since Saturday has no working time before Monday).
 * @param start the task's start, wall minutes
 * @param minutesPerDay the plan's working minutes in a day
 */
export function barDragWorkingDays(calendar: CompiledCalendar, scale: TimeScale, start: number, dx: number, minutesPerDay: number): number {
  const calendarDays = Math.round(dx / scale.pxPerDay)
  if (calendarDays === 0) return 0
  const working = calendarWorkingMinutesBetween(calendar, start, start + calendarDays * 1440)
  return Math.round(working / minutesPerDay)
}

/**
 * The duration a bar end dropped at `endX` gives: working minutes from the task's start to the end of the working
 * day under the end (a bar end drops onto whole days).
 * @returns working minutes, 0 or more
 */
export function barResizeMinutes(calendar: CompiledCalendar, scale: TimeScale, start: number, endX: number): number {
  const finishDay = Math.floor(scaleMinutes(scale, endX) / 1440 - 0.5)
  return Math.max(0, calendarWorkingMinutesBetween(calendar, start, (finishDay + 1) * 1440))
}

/** The x of a bar's end after it was dragged to `width` pixels (the bar starts at the task's start). */
export function barEndX(scale: TimeScale, start: number, width: number): number {
  return scaleX(scale, start) + width
}

/** A duration one day longer (`step` 1) or shorter (-1), as Shift+arrows in the chart change it; never below 0. */
export function barNudgedDuration(duration: number, step: 1 | -1, minutesPerDay: number): number {
  return Math.max(0, duration + step * minutesPerDay)
}
