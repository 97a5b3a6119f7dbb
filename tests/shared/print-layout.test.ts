/**
 * How a plan falls onto printed pages: rows per page, pages across, the timeline's density, which page carries the
 * column titles and the legend; and every page setup that cannot work answered with its field and the reason.
 */
import { describe, expect, it } from 'vitest'
import { dateToDayNumber } from '../../src/shared/domain/dates'
import {
  printLayout,
  printMetrics,
  printSetupDefault,
  printSetupSchema,
  type PrintPlanFacts,
  type PrintSetup,
} from '../../src/shared/print/page-setup'

const facts = (rowCount: number, days = 60): PrintPlanFacts => {
  const startDay = dateToDayNumber('2026-03-02')
  return { rowCount, startDay, finishDay: startDay + days - 1 }
}
const setup = (change: Partial<PrintSetup> = {}): PrintSetup => ({ ...printSetupDefault, ...change })

function layoutOf(change: Partial<PrintSetup>, planFacts: PrintPlanFacts) {
  const result = printLayout(setup(change), planFacts)
  if (!result.ok) throw new Error(result.problem.message)
  return result.layout
}

function problemOf(change: Partial<PrintSetup>, planFacts: PrintPlanFacts = facts(10)) {
  const result = printLayout(setup(change), planFacts)
  if (result.ok) throw new Error('expected a problem')
  return result.problem
}

describe('pages of a plan', () => {
  it('prints 21 tasks on one A4 landscape page with the legend', () => {
    const layout = layoutOf({}, facts(21))
    expect(layout.pages).toEqual([{ number: 1, row: 0, column: 0, hasTableHeader: true, hasLegend: true }])
    expect(Math.round(layout.widthMm)).toBe(297)
    expect(Math.round(layout.heightMm)).toBe(210)
    // One page wide: the columns and the whole date range fill the width between the margins.
    expect(layout.columnsWidth + layout.chartWidth).toBeCloseTo(layout.width - 2 * layout.margin, 6)
    // From the Monday of the start's week to 8 % of the plan's length after the finish (room for the labels).
    expect(layout.fromDay).toBe(dateToDayNumber('2026-03-02'))
    expect(layout.toDay).toBe(dateToDayNumber('2026-03-02') + 59 + 5)
  })

  it('splits 300 rows into bands down, repeating the column titles, the legend on the last page only', () => {
    const layout = layoutOf({}, facts(300))
    const inner =
      layout.height -
      2 * layout.margin -
      printMetrics.headerHeight -
      printMetrics.footerHeight -
      printMetrics.tableHeaderHeight
    const perPage = Math.floor(inner / printMetrics.rowHeight)
    expect(layout.rowBands[0]).toEqual({ first: 0, count: perPage })
    expect(layout.rowBands.reduce((sum, band) => sum + band.count, 0)).toBe(300)
    expect(layout.pages.every((page) => page.hasTableHeader)).toBe(true)
    expect(layout.pages.filter((page) => page.hasLegend).map((page) => page.number)).toEqual([
      layout.pages.length,
    ])
    const unrepeated = layoutOf({ isHeaderRepeated: false }, facts(300))
    expect(unrepeated.pages.map((page) => page.hasTableHeader)).toEqual(
      unrepeated.pages.map((page) => page.number === 1),
    )
    expect(unrepeated.rowBands[1]?.count).toBeGreaterThan(perPage)
  })

  it('gives the last rows a page of their own when the legend would not fit under them', () => {
    const perPage = layoutOf({}, facts(300)).rowBands[0]?.count ?? 0
    const full = layoutOf({}, facts(perPage))
    expect(full.rowBands.map((band) => band.count)).toEqual([
      perPage - Math.ceil(printMetrics.legendHeight / printMetrics.rowHeight),
      Math.ceil(printMetrics.legendHeight / printMetrics.rowHeight),
    ])
    expect(layoutOf({ legend: 'none' }, facts(perPage)).rowBands).toHaveLength(1)
  })

  it('fits the timeline to N pages wide, the columns on the first page only unless asked, and orders pages down then across', () => {
    const layout = layoutOf({ scale: { mode: 'fit', pagesWide: 3 } }, facts(100, 365))
    const inner = layout.width - 2 * layout.margin
    expect(layout.columnBands.map((band) => band.hasColumns)).toEqual([true, false, false])
    expect(layout.chartWidth).toBeCloseTo(inner - layout.columnsWidth + 2 * inner, 6)
    expect(layout.columnBands[2]?.toX).toBeCloseTo(layout.chartWidth, 6)
    expect(layout.pages.slice(0, 3).map((page) => [page.row, page.column])).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
    ])
    const repeated = layoutOf(
      { scale: { mode: 'fit', pagesWide: 3 }, areColumnsOnEveryPage: true },
      facts(100, 365),
    )
    expect(repeated.chartWidth).toBeCloseTo(3 * (inner - repeated.columnsWidth), 6)
  })

  it('prints at a percentage of the Week zoom and counts the pages across it needs', () => {
    const layout = layoutOf({ scale: { mode: 'percent', percent: 100 } }, facts(10, 365))
    expect(layout.pxPerDay).toBe(10)
    const days = layout.toDay - layout.fromDay + 1
    const first = layout.width - 2 * layout.margin - layout.columnsWidth
    expect(layout.columnBands).toHaveLength(
      1 + Math.ceil((days * 10 - first) / (layout.width - 2 * layout.margin)),
    )
  })
})

describe('page setups that cannot work', () => {
  it('refuses columns wider than the paper, in millimetres, saying what to do', () => {
    const problem = problemOf({
      paper: 'A4',
      orientation: 'portrait',
      columns: [
        'id',
        'wbs',
        'name',
        'duration',
        'start',
        'finish',
        'predecessors',
        'resources',
        'complete',
        'slack',
      ],
    })
    expect(problem.field).toBe('columns')
    expect(problem.message).toBe(
      'The columns ID, WBS, Task name, Duration, Start, Finish, Predecessors, Resources, % Complete, Total slack need 205 mm, and the timeline at least 16 mm more, but A4 portrait has 190 mm between its margins. Print fewer columns, turn the page to landscape or choose a larger paper.',
    )
    // The same columns fit on A3 landscape.
    expect(
      printLayout(
        setup({
          paper: 'A3',
          columns: [
            'id',
            'wbs',
            'name',
            'duration',
            'start',
            'finish',
            'predecessors',
            'resources',
            'complete',
            'slack',
          ],
        }),
        facts(10),
      ).ok,
    ).toBe(true)
  })

  it.each([
    [{ from: '2026-02-30' }, 'from', 'From: 2026-02-30 is not a real day: February 2026 has 28 days.'],
    [
      { to: '30/06/2026' },
      'to',
      `To: "30/06/2026" is not a date. Write it as YYYY-MM-DD, or leave it empty for the plan's own finish.`,
    ],
    [
      { from: '2026-06-01', to: '2026-05-31' },
      'to',
      'The date range ends before it starts: To is before 2026-06-01.',
    ],
    [
      { from: '2027-01-01' },
      'from',
      'The date range ends before it starts: the plan finishes before 2027-01-01.',
    ],
    [{ scale: { mode: 'fit', pagesWide: 0 } }, 'scale', 'Fit to a whole number of pages wide, from 1 to 50.'],
    [
      { scale: { mode: 'fit', pagesWide: 1.5 } },
      'scale',
      'Fit to a whole number of pages wide, from 1 to 50.',
    ],
    [
      { scale: { mode: 'percent', percent: 1000 } },
      'scale',
      "The scale is from 5 % to 400 % (100 % prints the timeline as the Gantt's Week zoom shows it).",
    ],
    [{ marginMm: -1 }, 'marginMm', 'The margin is from 0 to 50 mm.'],
  ] as const)('refuses %o', (change, field, message) => {
    expect(problemOf(change as Partial<PrintSetup>)).toEqual({ field, message })
  })

  it('refuses a print of more pages than Gantry prints at once', () => {
    const problem = problemOf({ scale: { mode: 'percent', percent: 400 } }, facts(20_000, 3650))
    expect(problem.field).toBe('scale')
    expect(problem.message).toMatch(
      /^This setup prints [\d,]+ pages \(\d+ across × \d+ down\); Gantry prints at most 5,000 at once\./,
    )
  })

  it('checks the shape of a setup that crosses into main', () => {
    expect(printSetupSchema.safeParse(printSetupDefault).success).toBe(true)
    expect(printSetupSchema.safeParse({ ...printSetupDefault, columns: ['name', 'name'] }).success).toBe(
      false,
    )
    expect(printSetupSchema.safeParse({ ...printSetupDefault, paper: 'A0' }).success).toBe(false)
    expect(printSetupSchema.safeParse({ ...printSetupDefault, script: 'x' }).success).toBe(false)
  })
})
