import { describe, expect, it } from 'vitest'
import { linkPath, linkReach } from '../../src/renderer/src/features/workspace/row-painter'

/**
 * The route of a link arrow in the Gantt chart: it leaves the predecessor's finish (FS, FF) or start (SS, SF)
 * with a short stub outwards, and enters the successor's start (FS, SS) or finish (FF, SF) from the outside, so the
 * arrow head always points at the bar end the link constrains. Rows are 28 px; y values are row middles.
 */
describe('linkPath', () => {
  it('FS with room: right from the finish, down, right into the start', () => {
    expect(linkPath(100, 14, false, 160, 42, false)).toBe('M100,14H108V42H160')
  })

  it('FS without room (successor starts before the stub): goes around between the rows and comes in from the left', () => {
    // Down to the gap above the successor's row, back left past its start, then down and into it.
    expect(linkPath(100, 14, false, 90, 42, false)).toBe('M100,14H108V28H82V42H90')
  })

  it('FS upwards (successor above): the detour runs in the gap below the successor', () => {
    expect(linkPath(100, 70, false, 90, 14, false)).toBe('M100,70H108V28H82V14H90')
  })

  it('SS leaves the start to the left and enters the start from the left', () => {
    expect(linkPath(100, 14, true, 130, 42, false)).toBe('M100,14H92V42H130')
  })

  it('FF enters the finish from the right', () => {
    expect(linkPath(100, 14, false, 60, 42, true)).toBe('M100,14H108V42H60')
    // Finish further right than the stub: around, entering from the right.
    expect(linkPath(100, 14, false, 140, 42, true)).toBe('M100,14H108V28H148V42H140')
  })

  it('SF leaves the start and enters the finish from the right', () => {
    expect(linkPath(100, 14, true, 40, 42, true)).toBe('M100,14H92V42H40')
  })

  it('rounds x to a tenth of a pixel (fractional scales) and keeps y exact', () => {
    expect(linkPath(10.04, 14, false, 50.06, 42, false)).toBe('M10,14H18V42H50.1')
  })

  it('stays within linkReach of its two ends (the painter skips arrows wholly outside the painted x range)', () => {
    expect(linkReach).toBeGreaterThan(8)
    for (const [fromStart, toFinish] of [[false, false], [true, false], [false, true], [true, true]] as const) {
      for (const x2 of [0, 50, 92, 100, 108, 116, 400]) {
        for (const y2 of [14, 42, 126]) {
          const xs = [...linkPath(100, 70, fromStart, x2, y2, toFinish).matchAll(/[MH](-?[\d.]+)/g)].map((match) => Number(match[1]))
          // The elbows are 8 pixels out; the head, drawn at the end, points inwards from there.
          expect(Math.min(...xs)).toBeGreaterThanOrEqual(Math.min(100, x2) - 8)
          expect(Math.max(...xs)).toBeLessThanOrEqual(Math.max(100, x2) + 8)
        }
      }
    }
  })
})
