/**
 * Resource calendars through the commands (issue 14): a resource's own calendar derived from the project calendar
 * (a part-time week, Microsoft Project's night shift, exceptions), its effect on the dates of the resource's work,
 * and refusals (no working time left, unreadable hours) that change nothing.
 *
 * October 2026:      Mo Tu We Th Fr Sa Su
 *                     5  6  7  8  9 10 11
 *                    12 13 14 15 16 17 18
 * Standard calendar: 08:00-12:00, 13:00-17:00 on weekdays.
 *   1 Build   2d, Ana at 100 % (16 h)
 */
import { describe, expect, it } from 'vitest'
import type { CommandId, CommandInput } from '../../src/shared/commands/registry'
import { resourceCalendarDayText, resourceCalendarOf } from '../../src/shared/commands/resource-calendars'
import { commandRun } from '../../src/shared/commands/run'
import { dateFromWallMinutes } from '../../src/shared/domain/dates'
import { makeAssignment } from '../../src/shared/domain/defaults'
import type { Calendar, Plan } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'
import { task, testPlan } from '../support/generate-plan'
import { makeResource } from '../support/resource-plans'

function plan(): Plan {
  return testPlan([task(1, 2, { name: 'Build', work: 960 })], [], {
    resources: [makeResource(1, 'Ana'), makeResource(2, 'Ben')],
    assignments: [makeAssignment(1, 1, 1, 100, 960)],
  })
}

const context = { selection: [], schedule: null, clipboard: null }
function attempt<Id extends CommandId>(current: Plan, id: Id, input: CommandInput<Id>) {
  return commandRun(current, id, input, context)
}
function run<Id extends CommandId>(current: Plan, id: Id, input: CommandInput<Id>): Plan {
  const result = attempt(current, id, input)
  if (!result.ok) throw new Error(result.message)
  return result.plan
}

function when(current: Plan): string {
  const result = scheduleRun(current)
  if (!result.ok) throw new Error(result.problems[0]?.message)
  const text = (minutes: number): string => dateFromWallMinutes(minutes).slice(0, 16)
  return `${text(result.schedule.start[0] as number)} → ${text(result.schedule.finish[0] as number)}`
}

function anasCalendar(current: Plan): Calendar {
  const resource = current.resources[0]
  const calendar = resource === undefined ? undefined : resourceCalendarOf(current, resource)
  if (calendar === undefined) throw new Error('Ana has no calendar')
  return calendar
}

describe("a resource's own calendar", () => {
  it('is made from the project calendar and changes nothing until it is edited', () => {
    const next = run(plan(), 'resource/calendar-create', { resourceId: 1 })
    const calendar = anasCalendar(next)
    expect(calendar).toMatchObject({ name: 'Ana', baseCalendarId: next.calendarId, weekDays: [null, null, null, null, null, null, null], exceptions: [] })
    expect(next.resources[0]?.calendarId).toBe(calendar.id)
    expect(when(next)).toBe(when(plan()))
    expect(run(next, 'resource/calendar-create', { resourceId: 1 })).toBe(next)
  })

  it('a part-time week (mornings) stretches her task to four mornings', () => {
    const next = run(plan(), 'resource/calendar-set-week', { resourceId: 1, preset: 'mornings' })
    expect(resourceCalendarDayText(anasCalendar(next), 1)).toBe('08:00-12:00')
    expect(resourceCalendarDayText(anasCalendar(next), 0)).toBe('')
    expect(when(next)).toBe('2026-10-05T08:00 → 2026-10-08T12:00')
  })

  it('a night shift runs her 16 hours from Monday 23:00 to Wednesday 08:00 (as Microsoft Project’s Night Shift)', () => {
    const next = run(plan(), 'resource/calendar-set-week', { resourceId: 1, preset: 'nightShift' })
    expect(when(next)).toBe('2026-10-05T23:00 → 2026-10-07T08:00')
  })

  it('one weekday: hours typed, a day off, or back to the project calendar’s day', () => {
    const mondayOff = run(plan(), 'resource/calendar-set-day', { resourceId: 1, weekday: 1, hours: '' })
    expect(resourceCalendarDayText(anasCalendar(mondayOff), 1)).toBe('')
    expect(when(mondayOff)).toBe('2026-10-06T08:00 → 2026-10-07T17:00')
    // Tuesday afternoons only: 4 h on Tuesday, 8 h on Wednesday, 4 h on Thursday morning.
    const short = run(mondayOff, 'resource/calendar-set-day', { resourceId: 1, weekday: 2, hours: '13:00-17:00' })
    expect(when(short)).toBe('2026-10-06T13:00 → 2026-10-08T12:00')
    const back = run(short, 'resource/calendar-set-day', { resourceId: 1, weekday: 1, hours: null })
    expect(resourceCalendarDayText(anasCalendar(back), 1)).toBeNull()
    expect(run(back, 'resource/calendar-set-day', { resourceId: 1, weekday: 1, hours: null })).toBe(back)
  })

  it('an exception (a training day) stretches the work; removing it brings the dates back', () => {
    const training = run(plan(), 'resource/calendar-add-exception', { resourceId: 1, name: 'Training', from: '2026-10-06', to: '', hours: '' })
    expect(anasCalendar(training).exceptions).toEqual([{ name: 'Training', from: '2026-10-06', to: '2026-10-06', periods: [] }])
    expect(when(training)).toBe('2026-10-05T08:00 → 2026-10-07T17:00')
    const result = scheduleRun(training)
    expect(result.ok && result.schedule.stretches).toMatchObject([{ taskId: 1, resourceId: 1, name: 'Training', from: '2026-10-06', to: '2026-10-06' }])
    const removed = run(training, 'resource/calendar-remove-exception', { resourceId: 1, index: 0 })
    expect(when(removed)).toBe(when(plan()))
  })

  it('back to the project calendar: the resource loses its calendar, which is deleted when nothing else uses it', () => {
    const own = run(plan(), 'resource/calendar-set-week', { resourceId: 1, preset: 'mornings' })
    const back = run(own, 'resource/calendar-remove', { resourceId: 1 })
    expect(back.resources[0]?.calendarId).toBeNull()
    expect(back.calendars).toHaveLength(plan().calendars.length)
    expect(when(back)).toBe(when(plan()))
  })
})

describe('refusals change nothing', () => {
  it('a calendar with no working time is refused', () => {
    let current = plan()
    for (const weekday of [1, 2, 3, 4]) current = run(current, 'resource/calendar-set-day', { resourceId: 1, weekday, hours: '' })
    expect(attempt(current, 'resource/calendar-set-day', { resourceId: 1, weekday: 5, hours: '' })).toEqual({
      ok: false,
      message: "Ana would have no working time: its tasks could never be scheduled. Nothing was changed.",
    })
  })

  it('hours that cannot be read, a weekday that does not exist, dates backwards, a missing resource', () => {
    expect(attempt(plan(), 'resource/calendar-set-day', { resourceId: 1, weekday: 1, hours: '17:00-08:00' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Monday: type working hours as 08:00-12:00/),
    })
    expect(attempt(plan(), 'resource/calendar-set-day', { resourceId: 1, weekday: 9, hours: '' })).toMatchObject({ ok: false, message: 'There is no such weekday. Nothing was changed.' })
    expect(attempt(plan(), 'resource/calendar-add-exception', { resourceId: 1, name: '', from: '2026-10-09', to: '2026-10-08', hours: '' })).toMatchObject({ ok: false })
    expect(attempt(plan(), 'resource/calendar-add-exception', { resourceId: 1, name: '', from: '2026-10-09', to: '', hours: '9 to 5' })).toMatchObject({ ok: false })
    expect(attempt(plan(), 'resource/calendar-create', { resourceId: 7 })).toEqual({ ok: false, message: 'This resource no longer exists. Nothing was changed.' })
  })
})
