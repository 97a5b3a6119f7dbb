import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  dateClockText,
  dateDayNumberOf,
  dateFromDayNumber,
  dateFromWallMinutes,
  dateIsValidIsoDateTime,
  dateLocalNow,
  dateParseTyped,
  dateTypedHasTime,
  dateToDayNumber,
  dateToWallMinutes,
  dateWallMinutesInRange,
  dateWallText,
  dateWeekday,
} from '../../src/shared/domain/dates'

describe('wall-clock arithmetic', () => {
  it('keeps the years 0001-0099 as written (Date.UTC would move them to 1900-1999)', () => {
    for (const text of ['0001-01-01T00:00:00', '0050-03-01T08:30:00', '0099-12-31T23:59:00', '0004-02-29T12:00:00']) {
      expect(dateFromWallMinutes(dateToWallMinutes(text))).toBe(text)
    }
    expect(dateToDayNumber('1950-01-01') - dateToDayNumber('0050-01-01')).toBe(693_960)
    // 0001-01-01 was a Monday in the proleptic Gregorian calendar.
    expect(dateWeekday(dateToDayNumber('0001-01-01'))).toBe(1)
  })

  it('agrees with the JavaScript Date for every day of the years 100-9999 it is asked about', () => {
    fc.assert(
      fc.property(fc.integer({ min: dateDayNumberOf(100, 1, 1), max: dateDayNumberOf(9999, 12, 31) }), (day) => {
        const expected = new Date(day * 86_400_000).toISOString().slice(0, 10)
        expect(dateFromDayNumber(day)).toBe(expected)
        expect(dateToDayNumber(expected)).toBe(day)
      }),
      { numRuns: 2000 },
    )
  })

  it('says which wall minutes a file can hold: the end of 9999-12-31 is outside', () => {
    const last = dateToWallMinutes('9999-12-31T23:59:00')
    expect(dateWallMinutesInRange(last)).toBe(true)
    expect(dateWallMinutesInRange(last + 1)).toBe(false)
    expect(dateFromWallMinutes(last + 1)).toBe('10000-01-01T00:00:00')
    expect(dateIsValidIsoDateTime(dateFromWallMinutes(last + 1))).toBe(false)
    expect(dateWallMinutesInRange(dateToWallMinutes('0001-01-01T00:00:00'))).toBe(true)
    expect(dateWallMinutesInRange(dateToWallMinutes('0001-01-01T00:00:00') - 1)).toBe(false)
  })

  it('formats wall minutes for cells and CSV, clock times and the local clock', () => {
    const minutes = dateToWallMinutes('2026-03-02T08:05:00')
    expect(dateWallText(minutes, 'day')).toBe('2026-03-02')
    expect(dateWallText(minutes, 'minute')).toBe('2026-03-02 08:05')
    expect(dateWallText(Number.NaN, 'minute')).toBe('')
    expect(dateClockText(480)).toBe('08:00')
    expect(dateClockText(1440)).toBe('24:00')
    expect(dateLocalNow(new Date(2026, 0, 5, 7, 8, 9))).toBe('2026-01-05T07:08:09')
  })
})

describe('dateParseTyped', () => {
  it('reads the forms a user types or a CSV holds', () => {
    expect(dateParseTyped(' 2026-03-02 ', 480)).toBe('2026-03-02T08:00:00')
    expect(dateParseTyped('2026-03-02 17:30', 480)).toBe('2026-03-02T17:30:00')
    expect(dateParseTyped('2026-03-02T17:30:15', 480)).toBe('2026-03-02T17:30:15')
    expect(dateParseTyped('0050-06-01', 480)).toBe('0050-06-01T08:00:00')
  })

  it('puts a default time of 24:00 at midnight starting the next day, never at hour 24', () => {
    expect(dateParseTyped('2026-03-02', 1440)).toBe('2026-03-03T00:00:00')
    expect(dateParseTyped('9999-12-31', 1440)).toBeNull()
  })

  it('refuses what is not a real date of the years 0001-9999', () => {
    for (const text of ['', '2026-02-30', '0000-01-01', '10000-01-01', '2026-03-02 24:00', 'tomorrow', `2026-03-02${' '.repeat(100_000)}x`]) {
      expect(dateParseTyped(text, 480)).toBeNull()
    }
  })

  it("reads the numeric dates of the user's locale, in its order, and ISO dates in any locale", () => {
    // 2 March 2026 as people in the US, Germany, the UK and Sweden type it.
    expect(dateParseTyped('3/2/2026', 480, 'mdy')).toBe('2026-03-02T08:00:00')
    expect(dateParseTyped('02.03.2026', 480, 'dmy')).toBe('2026-03-02T08:00:00')
    expect(dateParseTyped('2.3.2026.', 480, 'dmy')).toBe('2026-03-02T08:00:00')
    expect(dateParseTyped('02/03/2026', 480, 'dmy')).toBe('2026-03-02T08:00:00')
    expect(dateParseTyped('2026-3-2', 480, 'ymd')).toBe('2026-03-02T08:00:00')
    for (const order of ['dmy', 'mdy', 'ymd'] as const) {
      expect(dateParseTyped('2026-03-02', 480, order)).toBe('2026-03-02T08:00:00')
      expect(dateParseTyped('2026/03/02', 480, order)).toBe('2026-03-02T08:00:00')
    }
    // Two-digit years as Excel reads them; times in 24-hour or 12-hour form.
    expect(dateParseTyped('3/2/26', 480, 'mdy')).toBe('2026-03-02T08:00:00')
    expect(dateParseTyped('3/2/45', 480, 'mdy')).toBe('1945-03-02T08:00:00')
    expect(dateParseTyped('3/2/2026 13:30', 480, 'mdy')).toBe('2026-03-02T13:30:00')
    expect(dateParseTyped('3/2/2026 1:30 PM', 480, 'mdy')).toBe('2026-03-02T13:30:00')
    expect(dateParseTyped('3/2/2026 12:15 am', 480, 'mdy')).toBe('2026-03-02T00:15:00')
    expect(dateParseTyped('02.03.2026 08:00', 1020, 'dmy')).toBe('2026-03-02T08:00:00')
  })

  it('refuses local dates that are not real, and reads only ISO dates without a locale order', () => {
    for (const text of ['31/2/2026', '2/31/2026', '13/13/2026', '3/2/226', '3/2/2026 13:30 pm', '3/2/2026 25:00', '3/2', '1/2/3/4']) {
      expect(dateParseTyped(text, 480, 'mdy')).toBeNull()
    }
    expect(dateParseTyped('31/2/2026', 480, 'dmy')).toBeNull()
    expect(dateParseTyped('3/2/2026', 480)).toBeNull()
  })
})

describe('dateTypedHasTime', () => {
  it('tells a typed day from a typed day and time', () => {
    expect(dateTypedHasTime('2026-03-02')).toBe(false)
    expect(dateTypedHasTime('3/2/2026')).toBe(false)
    expect(dateTypedHasTime('2026-03-02 13:30')).toBe(true)
    expect(dateTypedHasTime('3/2/2026 1:30 PM')).toBe(true)
  })
})
