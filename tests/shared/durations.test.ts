import { describe, expect, it } from 'vitest'
import { planSettingsDefault } from '../../src/shared/domain/defaults'
import { durationFormat, durationParse, durationUnitMinutes } from '../../src/shared/domain/durations'

const settings = planSettingsDefault() // 480 min/day, 2400 min/week, 20 days/month

describe('durationParse', () => {
  it.each([
    ['3d', 1440, 'd'],
    ['2.5w', 6000, 'w'],
    ['4h', 240, 'h'],
    ['30m', 30, 'm'],
    ['1mo', 9600, 'mo'],
    ['1ed', 1440, 'ed'],
    ['1ew', 10080, 'ew'],
    ['2eh', 120, 'eh'],
    ['1emo', 43200, 'emo'],
    ['0', 0, 'd'],
    ['3', 1440, 'd'],
    ['3 days', 1440, 'd'],
    ['2 wks', 4800, 'w'],
    ['1,5d', 720, 'd'],
    [' 2D? ', 960, 'd'],
  ] as const)('%s → %i minutes (%s)', (text, minutes, unit) => {
    expect(durationParse(text, settings)).toEqual({ ok: true, minutes, unit })
  })

  it('uses the plan settings for days, weeks and months', () => {
    const sixHourDays = { minutesPerDay: 360, minutesPerWeek: 1800, daysPerMonth: 22 }
    expect(durationParse('1d', sixHourDays)).toMatchObject({ minutes: 360 })
    expect(durationParse('1w', sixHourDays)).toMatchObject({ minutes: 1800 })
    expect(durationParse('1mo', sixHourDays)).toMatchObject({ minutes: 22 * 360 })
  })

  it('takes a default unit for bare numbers', () => {
    expect(durationParse('90', settings, 'm')).toMatchObject({ minutes: 90, unit: 'm' })
  })

  it.each(['', 'abc', '3x', '3 d d', '--1d', '1e5d'])('refuses %j', (text) => {
    expect(durationParse(text, settings).ok).toBe(false)
  })

  it('refuses negative durations unless asked to accept them (lags)', () => {
    expect(durationParse('-1d', settings).ok).toBe(false)
    expect(durationParse('-1d', settings, 'd', true)).toEqual({ ok: true, minutes: -480, unit: 'd' })
  })

  it('refuses absurdly long durations', () => {
    expect(durationParse('999999999w', settings).ok).toBe(false)
  })

  it('refuses an amount under half a minute instead of rounding it to none (0.0001d became a milestone)', () => {
    expect(durationParse('0.0001d', settings)).toEqual({ ok: false, error: '"0.0001d" is less than a minute; the shortest duration is 1m (0 makes a milestone).' })
    expect(durationParse('0.0001d', settings, 'd', true)).toEqual({ ok: false, error: '"0.0001d" is less than a minute; the shortest lag is 1m (or 0 for none).' })
    // Half a minute and more rounds to whole minutes; 0 is still a milestone.
    expect(durationParse('0.5m', settings)).toEqual({ ok: true, minutes: 1, unit: 'm' })
    expect(durationParse('0d', settings)).toEqual({ ok: true, minutes: 0, unit: 'd' })
  })
})

describe('durationFormat', () => {
  it.each([
    [1200, 'd', '2.5d'],
    [0, 'd', '0d'],
    [6000, 'w', '2.5w'],
    [90, 'h', '1.5h'],
    [1440, 'ed', '1ed'],
    [500, 'd', '1.04d'],
  ] as const)('%i minutes in %s → %s', (minutes, unit, text) => {
    expect(durationFormat(minutes, unit, settings)).toBe(text)
  })

  it('round-trips through durationParse', () => {
    for (const text of ['3d', '2.5w', '4h', '1ed', '7mo', '15m']) {
      const parsed = durationParse(text, settings)
      if (!parsed.ok) throw new Error(parsed.error)
      expect(durationFormat(parsed.minutes, parsed.unit, settings)).toBe(text)
    }
  })
})

describe('durationUnitMinutes', () => {
  it('counts elapsed units on the wall clock', () => {
    expect(durationUnitMinutes('ed', settings)).toBe(1440)
    expect(durationUnitMinutes('d', settings)).toBe(480)
  })
})
