import { describe, expect, it } from 'vitest'
import { columnLayoutDefault, columnLayoutLoad, columnLayoutParse, columnLayoutSave } from '../../src/renderer/src/features/workspace/column-layout'
import { columnTables } from '../../src/renderer/src/features/workspace/cells'

/** Issue 16's columns (progress, baseline, variance, cost, earned value): offered in the Columns menu, hidden at first. */
const trackingKeys = ['physicalComplete', 'actualStart', 'actualFinish', 'actualDuration', 'remainingDuration', 'actualWork', 'remainingWork', 'baselineStart', 'baselineFinish', 'baselineDuration', 'baselineWork', 'baselineCost', 'startVariance', 'finishVariance', 'durationVariance', 'workVariance', 'costVariance', 'cost', 'fixedCost', 'fixedCostAccrual', 'actualCost', 'remainingCost', 'bcws', 'bcwp', 'acwp', 'sv', 'cv', 'spi', 'cpi', 'bac', 'eac', 'vac']

/** The Gantt view's column layout is remembered between sessions; whatever is stored is checked before use. */
describe('column layout', () => {
  it('starts from the column defaults when nothing is stored', () => {
    const layout = columnLayoutParse(null)
    expect(layout).toEqual(columnLayoutDefault())
    expect(layout.widths.name).toBe(240)
    // Work, Type and Leveling delay are offered in the Columns menu, not shown at first (as in Microsoft Project's
    // Entry table); the grid leaves the chart room (issue 15).
    expect(layout.hidden).toEqual(['work', 'type', ...trackingKeys, 'levelingDelay'])
    expect(layout.gridWidth).toBe(640)
    // The default columns are the Entry table.
    expect(columnTables.entry.keys.length).toBe(10)
  })

  it('keeps columns added since a layout was stored at their defaults (Work, Type and Leveling delay stay hidden, Mode shows)', () => {
    const stored = { widths: { id: 44, wbs: 56, name: 300, duration: 80, start: 104, finish: 104, predecessors: 110, resources: 130, complete: 84 }, hidden: ['wbs'], gridWidth: 640 }
    const layout = columnLayoutParse(JSON.stringify(stored))
    expect(layout.hidden).toEqual(['wbs', 'work', 'type', ...trackingKeys, 'levelingDelay'])
    expect(layout.widths.name).toBe(300)
    // A column the user showed stays shown.
    const shown = columnLayoutParse(JSON.stringify({ ...stored, widths: { ...stored.widths, work: 90 } }))
    expect(shown.hidden).toEqual(['wbs', 'type', ...trackingKeys, 'levelingDelay'])
  })

  it('reads back what was saved', () => {
    const saved = columnLayoutDefault()
    saved.widths.duration = 120
    saved.hidden = ['wbs', 'resources']
    saved.gridWidth = 540
    const storage = new Map<string, string>()
    columnLayoutSave(saved, { setItem: (key, value) => storage.set(key, value) })
    expect(columnLayoutLoad({ getItem: (key) => storage.get(key) ?? null })).toEqual(saved)
  })

  it('keeps the defaults for values that are missing, of the wrong kind or out of range', () => {
    const layout = columnLayoutParse(
      JSON.stringify({ widths: { name: 5, duration: 'wide', start: 130.4, finish: 1e9 }, hidden: ['name', 'wbs', 'nonsense'], gridWidth: 99_999 }),
    )
    const defaults = columnLayoutDefault()
    expect(layout.widths.name).toBe(defaults.widths.name)
    expect(layout.widths.duration).toBe(defaults.widths.duration)
    expect(layout.widths.start).toBe(130)
    expect(layout.widths.finish).toBe(defaults.widths.finish)
    // The name column is never hidden; unknown columns are ignored; columns the layout does not know keep their default.
    expect(layout.hidden).toEqual(['wbs', 'work', 'type', ...trackingKeys, 'levelingDelay'])
    expect(layout.gridWidth).toBe(defaults.gridWidth)
  })

  it('ignores damaged entries and storage that fails', () => {
    for (const text of ['{', 'null', '42', '"text"', '[]', '{"widths":null,"hidden":"wbs"}']) expect(columnLayoutParse(text)).toEqual(columnLayoutDefault())
    const failing = {
      getItem: (): string | null => {
        throw new Error('SecurityError')
      },
      setItem: (): void => {
        throw new Error('QuotaExceededError')
      },
    }
    expect(columnLayoutLoad(failing)).toEqual(columnLayoutDefault())
    expect(() => columnLayoutSave(columnLayoutDefault(), failing)).not.toThrow()
  })
})
