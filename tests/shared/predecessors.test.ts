import { describe, expect, it } from 'vitest'
import { planSettingsDefault } from '../../src/shared/domain/defaults'
import { predecessorsFormat, predecessorsParse } from '../../src/shared/domain/predecessors'

const settings = planSettingsDefault()
// Rows 1..9 hold tasks with ids 101..109.
const resolve = (row: number): number | null => (row >= 1 && row <= 9 ? 100 + row : null)
const rowOf = (id: number): number | null => (id > 100 && id < 110 ? id - 100 : null)

describe('predecessorsParse', () => {
  it('parses types, lags, leads and percentages', () => {
    expect(predecessorsParse('3FS+2d, 5SS, 7FF-1d, 8SF+50%', resolve, settings)).toEqual({
      ok: true,
      links: [
        { predecessorId: 103, type: 'FS', lag: 960, lagUnit: 'd' },
        { predecessorId: 105, type: 'SS', lag: 0, lagUnit: 'd' },
        { predecessorId: 107, type: 'FF', lag: -480, lagUnit: 'd' },
        { predecessorId: 108, type: 'SF', lag: 50, lagUnit: '%' },
      ],
    })
  })

  it('defaults to FS, accepts lower case, spaces, semicolons and elapsed lags', () => {
    expect(predecessorsParse(' 2 ; 4ss + 3h ; 6fs+1ed; 1+25e%', resolve, settings)).toEqual({
      ok: true,
      links: [
        { predecessorId: 102, type: 'FS', lag: 0, lagUnit: 'd' },
        { predecessorId: 104, type: 'SS', lag: 180, lagUnit: 'h' },
        { predecessorId: 106, type: 'FS', lag: 1440, lagUnit: 'ed' },
        { predecessorId: 101, type: 'FS', lag: 25, lagUnit: 'e%' },
      ],
    })
  })

  it('gives an empty list for empty text', () => {
    expect(predecessorsParse('  ', resolve, settings)).toEqual({ ok: true, links: [] })
  })

  it.each([
    ['12', /no row 12/],
    ['3XX', /not a predecessor/],
    ['3FS+2q', /Lag/],
    ['3, 3SS', /twice/],
    ['4', /own predecessor/],
  ])('refuses %j', (text, message) => {
    const result = predecessorsParse(text, resolve, settings, 104)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toMatch(message)
  })
})

describe('predecessorsFormat', () => {
  it('writes the short forms back', () => {
    const text = predecessorsFormat(
      [
        { predecessorId: 103, type: 'FS', lag: 960, lagUnit: 'd' },
        { predecessorId: 105, type: 'SS', lag: 0, lagUnit: 'd' },
        { predecessorId: 107, type: 'FF', lag: -480, lagUnit: 'd' },
        { predecessorId: 108, type: 'SF', lag: 50, lagUnit: '%' },
        { predecessorId: 102, type: 'FS', lag: 0, lagUnit: 'd' },
      ],
      rowOf,
      settings,
    )
    expect(text).toBe('3FS+2d, 5SS, 7FF-1d, 8SF+50%, 2')
  })

  it('round-trips through predecessorsParse', () => {
    const text = '3FS+2d, 5SS, 7FF-1d, 8SF+50%, 2, 1FS+1.5h'
    const parsed = predecessorsParse(text, resolve, settings)
    if (!parsed.ok) throw new Error(parsed.error)
    expect(predecessorsFormat(parsed.links, rowOf, settings)).toBe(text)
  })

  it('leaves out links to tasks without a row', () => {
    expect(
      predecessorsFormat([{ predecessorId: 1, type: 'FS', lag: 0, lagUnit: 'd' }], rowOf, settings),
    ).toBe('')
  })
})
