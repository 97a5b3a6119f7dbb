import { describe, expect, it } from 'vitest'
import { commandRun } from '../../src/shared/commands/run'
import { calendarCompile, calendarIsProblem } from '../../src/shared/domain/calendar'
import { dateToDayNumber, dateToWallMinutes } from '../../src/shared/domain/dates'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'
import { barDragModeAfter, barDragWorkingDays, barEndX, barNudgedDuration, barResizeMinutes } from '../../src/renderer/src/features/workspace/bar-drag'
import { layoutTimeScale, rowHeight, scaleX } from '../../src/renderer/src/features/workspace/layout'

/**
 * March 2026, standard calendar (08:00-12:00, 13:00-17:00), a holiday on Friday the 6th:
 *   Mo Tu We Th Fr Sa Su Mo Tu
 *    2  3  4  5  6  7  8  9 10
 *             D  H  .  .
 * Design (1 day) starts Thursday the 5th.
 */
function plan(): Plan {
  const base = makePlan('p', 'Drag', '2026-03-02T08:00:00', '2026-03-01T00:00:00', {
    tasks: [makeTask(1, { name: 'Design', constraint: { type: 'SNET', date: '2026-03-05T08:00:00' } })],
  })
  const calendar = base.calendars[0]
  if (calendar === undefined) throw new Error('no calendar')
  return { ...base, calendars: [{ ...calendar, exceptions: [{ name: 'Holiday', from: '2026-03-06', to: '2026-03-06', periods: [] }] }] }
}

function calendar() {
  const compiled = calendarCompile(plan(), 1)
  if (calendarIsProblem(compiled)) throw new Error(compiled.message)
  return compiled
}

const day = dateToDayNumber('2026-03-02')
const scale = layoutTimeScale('day', day, day + 30)
const thursday = dateToWallMinutes('2026-03-05T08:00')

describe('bar drag', () => {
  it('tells a click from a move and a link by how far the pointer went', () => {
    expect(barDragModeAfter('pending', 2, 1, false)).toBe('pending')
    expect(barDragModeAfter('pending', 10, 0, false)).toBe('move')
    expect(barDragModeAfter('pending', 10, 0, true)).toBe('pending')
    expect(barDragModeAfter('move', 10, rowHeight, false)).toBe('link')
    expect(barDragModeAfter('resize', 10, rowHeight, false)).toBe('resize')
  })

  it('counts a drag in working days, the unit of the arrow keys (it counted calendar days)', () => {
    const px = scale.pxPerDay
    // Thursday to Friday (the holiday), Saturday or Monday: one working day later.
    expect(barDragWorkingDays(calendar(), scale, thursday, px, 480)).toBe(1)
    expect(barDragWorkingDays(calendar(), scale, thursday, 2 * px, 480)).toBe(1)
    expect(barDragWorkingDays(calendar(), scale, thursday, 4 * px, 480)).toBe(1)
    // To Tuesday: two. Back to Monday the 2nd: three earlier.
    expect(barDragWorkingDays(calendar(), scale, thursday, 5 * px, 480)).toBe(2)
    expect(barDragWorkingDays(calendar(), scale, thursday, -3 * px, 480)).toBe(-3)
    expect(barDragWorkingDays(calendar(), scale, thursday, 0.4 * px, 480)).toBe(0)
  })

  it('lands where Right pressed the same number of times lands', () => {
    const current = plan()
    const result = scheduleRun(current)
    if (!result.ok) throw new Error('not scheduled')
    const days = barDragWorkingDays(calendar(), scale, thursday, 4 * scale.pxPerDay, current.settings.minutesPerDay)
    const dragged = commandRun(current, 'task/move-by-working-days', { taskId: 1, days }, { selection: [], schedule: result.schedule, clipboard: null })
    const pressed = commandRun(current, 'task/move-by-working-days', { taskId: 1, days: 1 }, { selection: [], schedule: result.schedule, clipboard: null })
    if (!dragged.ok || !pressed.ok) throw new Error('refused')
    expect(dragged.plan.tasks[0]?.constraint).toEqual({ type: 'SNET', date: '2026-03-09T08:00:00' })
    expect(dragged.plan.tasks[0]?.constraint).toEqual(pressed.plan.tasks[0]?.constraint)
  })

  it("gives a dragged end the working time up to the end of the day it was dropped on", () => {
    const monday = dateToWallMinutes('2026-03-02T08:00')
    const wednesdayEvening = scaleX(scale, dateToWallMinutes('2026-03-04T20:00'))
    expect(barResizeMinutes(calendar(), scale, monday, wednesdayEvening)).toBe(3 * 480)
    expect(barResizeMinutes(calendar(), scale, monday, barEndX(scale, monday, 0))).toBe(0)
  })

  it('makes a task a day longer or shorter with Shift+arrows, never below 0', () => {
    expect(barNudgedDuration(480, 1, 480)).toBe(960)
    expect(barNudgedDuration(480, -1, 480)).toBe(0)
    expect(barNudgedDuration(0, -1, 480)).toBe(0)
  })
})
