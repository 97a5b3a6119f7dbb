import { describe, expect, it } from 'vitest'
import { dateFromDayNumber, dateToDayNumber } from '../../src/shared/domain/dates'
import { loadDayText } from '../../src/shared/domain/load'

describe('loadDayText', () => {
  it('writes the day of a day number as YYYY-MM-DD', () => {
    expect(loadDayText(0)).toBe('1970-01-01')
    expect(loadDayText(dateToDayNumber('2026-10-05'))).toBe('2026-10-05')
    expect(loadDayText(dateToDayNumber('2024-02-29'))).toBe('2024-02-29')
    expect(loadDayText(dateToDayNumber('2100-03-01'))).toBe('2100-03-01')
  })

  it('gives the same text again for a day it has already written', () => {
    const day = dateToDayNumber('2027-01-31')
    expect(loadDayText(day)).toBe('2027-01-31')
    expect(loadDayText(day)).toBe('2027-01-31')
  })

  it('writes days before 1970 and far after it too', () => {
    expect(loadDayText(-1)).toBe('1969-12-31')
    expect(loadDayText(-719_162)).toBe('0001-01-01')
    const far = 2 ** 17 + 12_345
    expect(loadDayText(far)).toBe(dateFromDayNumber(far))
  })

  it('agrees with the date module on every day of several years', () => {
    const from = dateToDayNumber('2023-12-25')
    for (let day = from; day < from + 4 * 366; day++) expect(loadDayText(day)).toBe(dateFromDayNumber(day))
  })
})
