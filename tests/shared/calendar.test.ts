import { describe, expect, it } from 'vitest'
import {
  CalendarSet,
  calendarAddWorkingMinutes,
  calendarCompile,
  calendarCompileResources,
  calendarIsProblem,
  calendarIsWorkingTime,
  calendarNextWorkingTime,
  calendarResourceEffective,
  calendarWorkingMinutesBetween,
  type CompiledCalendar,
} from '../../src/shared/domain/calendar'
import { dateFromWallMinutes, dateToDayNumber, dateToWallMinutes } from '../../src/shared/domain/dates'
import { calendarStandard, makePlan } from '../../src/shared/domain/defaults'
import type { Calendar, Resource } from '../../src/shared/domain/model'

const at = (text: string): number => dateToWallMinutes(text)
const show = (minutes: number): string => dateFromWallMinutes(minutes).slice(0, 16)

function compile(calendars: Calendar[], id = 1): CompiledCalendar {
  const result = new CalendarSet(calendars, dateToDayNumber('2026-10-05')).get(id)
  if (calendarIsProblem(result)) throw new Error(result.message)
  return result
}

//  October 2026        Mo Tu We Th Fr Sa Su
//                       5  6  7  8  9 10 11
//                      12 13 14 15 16 17 18
describe('standard calendar (Mon–Fri 08–12, 13–17)', () => {
  const standard = compile([calendarStandard()])

  it('counts working minutes inside a day, skipping lunch', () => {
    expect(calendarWorkingMinutesBetween(standard, at('2026-10-05T08:00'), at('2026-10-05T17:00'))).toBe(480)
    expect(calendarWorkingMinutesBetween(standard, at('2026-10-05T11:00'), at('2026-10-05T14:00'))).toBe(120)
  })

  it('skips the weekend', () => {
    expect(calendarWorkingMinutesBetween(standard, at('2026-10-09T08:00'), at('2026-10-12T17:00'))).toBe(960)
  })

  it('puts a finish at the end of a working stretch and a start at the beginning of the next', () => {
    const fridayEnd = standard.work(at('2026-10-09T17:00'))
    expect(show(standard.finishAt(fridayEnd))).toBe('2026-10-09T17:00')
    expect(show(standard.startAt(fridayEnd))).toBe('2026-10-12T08:00')
    const noon = standard.work(at('2026-10-05T12:00'))
    expect(show(standard.finishAt(noon))).toBe('2026-10-05T12:00')
    expect(show(standard.startAt(noon))).toBe('2026-10-05T13:00')
  })

  it('adds working minutes forwards and backwards', () => {
    expect(show(calendarAddWorkingMinutes(standard, at('2026-10-09T13:00'), 480))).toBe('2026-10-12T12:00')
    expect(show(calendarAddWorkingMinutes(standard, at('2026-10-12T12:00'), -480))).toBe('2026-10-09T12:00')
  })

  it('finds the next working time and tells working from non-working minutes', () => {
    expect(show(calendarNextWorkingTime(standard, at('2026-10-10T10:00')))).toBe('2026-10-12T08:00')
    expect(calendarIsWorkingTime(standard, at('2026-10-05T08:00'))).toBe(true)
    expect(calendarIsWorkingTime(standard, at('2026-10-05T12:30'))).toBe(false)
    expect(calendarIsWorkingTime(standard, at('2026-10-05T17:00'))).toBe(false)
  })

  it('grows its window for dates years away in both directions', () => {
    expect(calendarWorkingMinutesBetween(standard, at('2040-01-02T08:00'), at('2040-01-02T17:00'))).toBe(480)
    expect(show(calendarAddWorkingMinutes(standard, at('1999-12-31T08:00'), 480))).toBe('1999-12-31T17:00')
    expect(standard.periodsOfDay(dateToDayNumber('2035-06-04'))).toEqual([
      { start: 480, end: 720 },
      { start: 780, end: 1020 },
    ])
  })
})

describe('exceptions, work weeks and derived calendars', () => {
  const base = calendarStandard()
  base.exceptions.push({ name: 'Maintenance', from: '2026-10-07', to: '2026-10-08', periods: [] })
  base.exceptions.push({
    name: 'Saturday shift',
    from: '2026-10-10',
    to: '2026-10-10',
    periods: [{ start: 9 * 60, end: 13 * 60 }],
  })
  base.workWeeks.push({
    name: 'Four-day week',
    from: '2026-10-12',
    to: '2026-10-16',
    weekDays: [null, null, null, null, null, { periods: [] }, null],
  })

  it('skips non-working exception days and works on working exception days', () => {
    const calendar = compile([base])
    expect(calendarWorkingMinutesBetween(calendar, at('2026-10-05T08:00'), at('2026-10-09T17:00'))).toBe(
      3 * 480,
    )
    expect(calendarWorkingMinutesBetween(calendar, at('2026-10-10T00:00'), at('2026-10-11T00:00'))).toBe(240)
  })

  it('applies a work week to its date range only', () => {
    const calendar = compile([base])
    expect(calendarIsWorkingTime(calendar, at('2026-10-16T09:00'))).toBe(false)
    expect(calendarIsWorkingTime(calendar, at('2026-10-23T09:00'))).toBe(true)
  })

  it('lets a derived calendar inherit weekdays and holidays and override what it sets', () => {
    const night: Calendar = {
      id: 2,
      name: 'Mornings',
      baseCalendarId: 1,
      weekDays: [null, { periods: [{ start: 6 * 60, end: 10 * 60 }] }, null, null, null, null, null],
      exceptions: [],
      workWeeks: [],
    }
    const calendar = compile([base, night], 2)
    // Monday: its own hours; Tuesday: the base's hours; the base's maintenance days stay non-working.
    expect(calendarWorkingMinutesBetween(calendar, at('2026-10-05T00:00'), at('2026-10-06T00:00'))).toBe(240)
    expect(calendarWorkingMinutesBetween(calendar, at('2026-10-06T00:00'), at('2026-10-07T00:00'))).toBe(480)
    expect(calendarWorkingMinutesBetween(calendar, at('2026-10-07T00:00'), at('2026-10-09T00:00'))).toBe(0)
  })

  it('supports five periods a day and a period that ends at midnight', () => {
    const shifts: Calendar = {
      ...calendarStandard(3, 'Shifts'),
      weekDays: Array.from({ length: 7 }, () => ({
        periods: [
          { start: 0, end: 60 },
          { start: 120, end: 180 },
          { start: 240, end: 300 },
          { start: 360, end: 420 },
          { start: 1380, end: 1440 },
        ],
      })),
    }
    const calendar = compile([shifts], 3)
    expect(calendarWorkingMinutesBetween(calendar, at('2026-10-05T00:00'), at('2026-10-06T00:00'))).toBe(300)
    expect(show(calendarAddWorkingMinutes(calendar, at('2026-10-05T23:00'), 60))).toBe('2026-10-06T00:00')
  })
})

describe('refusals and bounds', () => {
  it('refuses a calendar with no working time at all', () => {
    const empty: Calendar = {
      ...calendarStandard(),
      weekDays: Array.from({ length: 7 }, () => ({ periods: [] })),
    }
    const result = calendarCompile({ calendars: [empty], start: '2026-10-05T08:00:00' }, 1)
    expect(calendarIsProblem(result) && result.kind).toBe('no-working-time')
  })

  it('reports a missing calendar and a base-calendar loop', () => {
    const missing = calendarCompile({ calendars: [], start: '2026-10-05T08:00:00' }, 9)
    expect(calendarIsProblem(missing) && missing.kind).toBe('missing-calendar')
    const a: Calendar = { ...calendarStandard(1, 'A'), baseCalendarId: 2, weekDays: Array(7).fill(null) }
    const b: Calendar = { ...calendarStandard(2, 'B'), baseCalendarId: 1, weekDays: Array(7).fill(null) }
    const loop = calendarCompile({ calendars: [a, b], start: '2026-10-05T08:00:00' }, 1)
    expect(calendarIsProblem(loop) && loop.kind).toBe('base-cycle')
  })

  it('stops at its limit instead of searching forever when work runs out', () => {
    // One working day only: a search for more work than exists ends at the window's edge.
    const single: Calendar = {
      ...calendarStandard(),
      weekDays: Array.from({ length: 7 }, () => ({ periods: [] })),
      exceptions: [
        { name: 'Only day', from: '2026-10-05', to: '2026-10-05', periods: [{ start: 480, end: 1020 }] },
      ],
    }
    const calendar = compile([single])
    const after = calendarAddWorkingMinutes(calendar, at('2026-10-05T08:00'), 10_000)
    expect(Number.isFinite(after)).toBe(true)
    expect(after).toBeGreaterThan(at('2026-10-05T17:00'))
  })
})

describe('resource calendars', () => {
  const resource: Resource = {
    id: 4,
    name: 'Ana',
    role: '',
    initials: 'A',
    email: '',
    maxUnits: 100,
    type: 'work', materialLabel: '', standardRate: 0, standardRateUnit: 'h', overtimeRate: 0, overtimeRateUnit: 'h', costPerUse: 0, costAccrual: 'prorated',
    nonWorkingDays: [{ from: '2026-10-06', to: '2026-10-07' }],
    calendarId: null,
  }

  it('layers vacations on top of the project calendar', () => {
    const plan = makePlan('p', 'P', '2026-10-05T08:00:00', '2026-10-01T00:00:00', { resources: [resource] })
    const effective = calendarResourceEffective(plan, resource)
    expect(effective.baseCalendarId).toBe(1)
    const compiled = calendarCompileResources(plan).get(4)
    if (compiled === undefined || calendarIsProblem(compiled)) throw new Error('not compiled')
    expect(calendarWorkingMinutesBetween(compiled, at('2026-10-05T08:00'), at('2026-10-09T17:00'))).toBe(
      3 * 480,
    )
  })
})
