/**
 * Page setup of the printed Gantt chart, and how a plan falls onto pages: the paper, the rows each page holds, the
 * slice of the timeline each page shows, and which page carries what (column titles, the legend, header and footer).
 * Pure arithmetic shared by the print view (renderer), the print window, and main, which checks a setup before it
 * writes a PDF. A setup that cannot work (columns wider than the paper, no room for a row, an impossible date, a
 * print of more pages than Gantry prints at once) is answered with the field it is about and a sentence saying why.
 *
 * Lengths are CSS pixels (96 per inch), the unit the screen's Gantt uses, so a print at 100 % shows the timeline as
 * wide as the workspace does at the chosen zoom.
 */
import { z } from 'zod'
import {
  dateCivilOf,
  dateIsValidIsoDate,
  dateNotRealDayReason,
  dateToDayNumber,
  dateWeekday,
} from '../domain/dates'
import type { Plan } from '../domain/model'
import { scheduleRun } from '../domain/schedule'
import type { Schedule } from '../domain/schedule-types'
import { xlsxTaskRowStates } from '../formats/xlsx/build'

/** Paper sizes in millimetres, portrait. */
export const printPapers = {
  A4: { width: 210, height: 297, name: 'A4 (210 × 297 mm)' },
  A3: { width: 297, height: 420, name: 'A3 (297 × 420 mm)' },
  Letter: { width: 215.9, height: 279.4, name: 'US Letter (8.5 × 11 in)' },
  Legal: { width: 215.9, height: 355.6, name: 'US Legal (8.5 × 14 in)' },
  Tabloid: { width: 279.4, height: 431.8, name: 'Tabloid (11 × 17 in)' },
} as const
export type PrintPaper = keyof typeof printPapers
export const printPaperKeys = Object.keys(printPapers) as PrintPaper[]

/** Columns of the task table that can be printed, with their titles and printed widths. */
export const printColumns = {
  id: { label: 'ID', width: 30 },
  mode: { label: 'Mode', width: 44 },
  wbs: { label: 'WBS', width: 42 },
  name: { label: 'Task name', width: 210 },
  duration: { label: 'Duration', width: 56 },
  start: { label: 'Start', width: 70 },
  finish: { label: 'Finish', width: 70 },
  predecessors: { label: 'Predecessors', width: 78 },
  resources: { label: 'Resources', width: 110 },
  work: { label: 'Work', width: 50 },
  type: { label: 'Type', width: 78 },
  complete: { label: '% Complete', width: 54 },
  slack: { label: 'Total slack', width: 56 },
} as const
export type PrintColumnKey = keyof typeof printColumns
export const printColumnKeys = Object.keys(printColumns) as PrintColumnKey[]

/** How wide the timeline prints: fitted to a number of pages across, or a percentage of the screen's zoom. */
export type PrintScale = { mode: 'fit'; pagesWide: number } | { mode: 'percent'; percent: number }

export type PrintLegend = 'every-page' | 'last-page' | 'none'

/** What the user chose in the page setup. Dates are typed `YYYY-MM-DD`; empty means the plan's own start or finish. */
export type PrintSetup = {
  paper: PrintPaper
  orientation: 'portrait' | 'landscape'
  from: string
  to: string
  columns: PrintColumnKey[]
  scale: PrintScale
  /** Column titles and the timescale at the top of every page, not only the first row of pages. */
  isHeaderRepeated: boolean
  /** The task columns on every page across, not only the first. */
  areColumnsOnEveryPage: boolean
  legend: PrintLegend
  /** Plan name, date range and status date at the top; "Page x of y" and the print date at the bottom. */
  hasHeaderFooter: boolean
  /** Page margin on every side, millimetres. */
  marginMm: number
}

export const printSetupDefault: PrintSetup = {
  paper: 'A4',
  orientation: 'landscape',
  from: '',
  to: '',
  columns: ['id', 'name', 'duration', 'start', 'finish'],
  scale: { mode: 'fit', pagesWide: 1 },
  isHeaderRepeated: true,
  areColumnsOnEveryPage: false,
  legend: 'last-page',
  hasHeaderFooter: true,
  marginMm: 10,
}

/** Limits of a setup. */
export const printLimits = {
  pagesWide: 50,
  percentMin: 5,
  percentMax: 400,
  marginMax: 50,
  pages: 5000,
} as const

/** The setup as main receives it over IPC: shapes and ranges checked; whether it fits is `printLayout`'s answer. */
export const printSetupSchema = z.strictObject({
  paper: z.enum(printPaperKeys as [PrintPaper, ...PrintPaper[]]),
  orientation: z.enum(['portrait', 'landscape']),
  from: z.string().max(40),
  to: z.string().max(40),
  columns: z
    .array(z.enum(printColumnKeys as [PrintColumnKey, ...PrintColumnKey[]]))
    .max(printColumnKeys.length)
    .refine((keys) => new Set(keys).size === keys.length, 'a column is listed twice'),
  scale: z.discriminatedUnion('mode', [
    z.strictObject({ mode: z.literal('fit'), pagesWide: z.number().finite() }),
    z.strictObject({ mode: z.literal('percent'), percent: z.number().finite() }),
  ]),
  isHeaderRepeated: z.boolean(),
  areColumnsOnEveryPage: z.boolean(),
  legend: z.enum(['every-page', 'last-page', 'none']),
  hasHeaderFooter: z.boolean(),
  marginMm: z.number().finite(),
})

const pixelsPerMm = 96 / 25.4

/** Heights of the parts of a page, in pixels. */
export const printMetrics = {
  rowHeight: 19,
  /** Two timescale tiers; the column titles sit beside them. */
  tableHeaderHeight: 36,
  headerHeight: 34,
  footerHeight: 26,
  legendHeight: 30,
  /** The narrowest slice of timeline worth a page. */
  minChartWidth: 60,
} as const

/** What the layout needs to know of the plan. */
export type PrintPlanFacts = {
  /** Rows printed (tasks shown in the outline). */
  rowCount: number
  /** First and last day the schedule covers (day numbers). */
  startDay: number
  finishDay: number
}

/** The timeline's density at a scale of 100 %: the Gantt's Week zoom (10 pixels, about 2.6 mm, per day). */
export const printBasePxPerDay = 10

export type PrintField = 'paper' | 'orientation' | 'from' | 'to' | 'columns' | 'scale' | 'legend' | 'marginMm'
export type PrintProblem = { field: PrintField; message: string }

/** One band of the timeline: the x range of the chart (from the range's first day) printed on a page across. */
export type PrintColumnBand = { fromX: number; toX: number; hasColumns: boolean }
/** One band of rows: `first` (index into the printed rows) and how many. */
export type PrintRowBand = { first: number; count: number }
export type PrintPageSpec = {
  number: number
  row: number
  column: number
  hasTableHeader: boolean
  hasLegend: boolean
}

export type PrintLayout = {
  setup: PrintSetup
  /** Page size in pixels (orientation applied) and in millimetres. */
  width: number
  height: number
  widthMm: number
  heightMm: number
  margin: number
  /** Printed columns with their widths, and their total. */
  columns: { key: PrintColumnKey; label: string; width: number }[]
  columnsWidth: number
  /** Days printed, inclusive, and the timeline's density. */
  fromDay: number
  toDay: number
  pxPerDay: number
  chartWidth: number
  columnBands: PrintColumnBand[]
  rowBands: PrintRowBand[]
  /** In print order: down the rows of the first slice of timeline, then the next slice (Excel's "down, then over"). */
  pages: PrintPageSpec[]
}

export type PrintLayoutResult = { ok: true; layout: PrintLayout } | { ok: false; problem: PrintProblem }


function dayRead(
  text: string,
  label: string,
  field: PrintField,
): { ok: true; day: number | null } | { ok: false; problem: PrintProblem } {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: true, day: null }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed)
  if (match === null)
    return {
      ok: false,
      problem: {
        field,
        message: `${label}: "${trimmed.slice(0, 20)}" is not a date. Write it as YYYY-MM-DD, or leave it empty for the plan's own ${field === 'from' ? 'start' : 'finish'}.`,
      },
    }
  const year = Number(match[1])
  const month = Number(match[2])
  const reason = month >= 1 && month <= 12 ? dateNotRealDayReason(year, month, Number(match[3])) : null
  if (reason !== null) return { ok: false, problem: { field, message: `${label}: ${trimmed} is not a real day: ${reason}` } }
  if (!dateIsValidIsoDate(trimmed))
    return { ok: false, problem: { field, message: `${label}: ${trimmed} is not a real day.` } }
  return { ok: true, day: dateToDayNumber(trimmed) }
}

function millimetres(pixels: number): string {
  return `${Math.round(pixels / pixelsPerMm)} mm`
}

/** The paper's name with its orientation, as messages say it ("A4 landscape"). */
export function printPaperText(setup: Pick<PrintSetup, 'paper' | 'orientation'>): string {
  return `${setup.paper} ${setup.orientation}`
}

/** The first day of the week (Monday) that contains `day`. */
function weekStart(day: number): number {
  return day - ((dateWeekday(day) + 6) % 7)
}

/**
 * Lays `facts` out on pages as `setup` asks.
 * @returns the page size, bands and pages, or the first problem with the field it is about
 */
export function printLayout(setup: PrintSetup, facts: PrintPlanFacts): PrintLayoutResult {
  const fail = (field: PrintField, message: string): PrintLayoutResult => ({
    ok: false,
    problem: { field, message },
  })
  const paper = printPapers[setup.paper]
  const isLandscape = setup.orientation === 'landscape'
  const widthMm = isLandscape ? paper.height : paper.width
  const heightMm = isLandscape ? paper.width : paper.height
  const width = widthMm * pixelsPerMm
  const height = heightMm * pixelsPerMm
  if (!Number.isFinite(setup.marginMm) || setup.marginMm < 0 || setup.marginMm > printLimits.marginMax)
    return fail('marginMm', `The margin is from 0 to ${printLimits.marginMax} mm.`)
  const margin = setup.marginMm * pixelsPerMm
  const innerWidth = width - 2 * margin
  const innerHeight = height - 2 * margin

  const from = dayRead(setup.from, 'From', 'from')
  if (!from.ok) return { ok: false, problem: from.problem }
  const to = dayRead(setup.to, 'To', 'to')
  if (!to.ok) return { ok: false, problem: to.problem }
  const fromDay = from.day ?? weekStart(facts.startDay)
  // Room after the finish for the names written beside the last bars.
  const toDay =
    to.day ?? facts.finishDay + Math.max(2, Math.ceil((facts.finishDay - facts.startDay + 1) * 0.08))
  if (toDay < fromDay) {
    const civil = dateCivilOf(fromDay)
    return fail(
      to.day === null ? 'from' : 'to',
      `The date range ends before it starts: ${to.day === null ? 'the plan finishes' : 'To is'} before ${civil.year}-${String(civil.month).padStart(2, '0')}-${String(civil.day).padStart(2, '0')}.`,
    )
  }
  const dayCount = toDay - fromDay + 1

  const columns = setup.columns.map((key) => ({
    key,
    label: printColumns[key].label,
    width: printColumns[key].width,
  }))
  const columnsWidth = columns.reduce((sum, column) => sum + column.width, 0)
  const paperText = printPaperText(setup)
  if (columnsWidth + printMetrics.minChartWidth > innerWidth) {
    const names = columns.map((column) => column.label).join(', ')
    return fail(
      'columns',
      `The columns ${names} need ${millimetres(columnsWidth)}, and the timeline at least ${millimetres(printMetrics.minChartWidth)} more, but ${paperText} has ${millimetres(innerWidth)} between its margins. Print fewer columns, turn the page to landscape or choose a larger paper.`,
    )
  }
  const firstChartWidth = innerWidth - columnsWidth
  const otherChartWidth = setup.areColumnsOnEveryPage ? firstChartWidth : innerWidth

  let pxPerDay: number
  let pagesWide: number
  if (setup.scale.mode === 'fit') {
    const wide = setup.scale.pagesWide
    if (!Number.isInteger(wide) || wide < 1 || wide > printLimits.pagesWide)
      return fail('scale', `Fit to a whole number of pages wide, from 1 to ${printLimits.pagesWide}.`)
    pagesWide = wide
    pxPerDay = (firstChartWidth + (wide - 1) * otherChartWidth) / dayCount
  } else {
    const percent = setup.scale.percent
    if (percent < printLimits.percentMin || percent > printLimits.percentMax)
      return fail(
        'scale',
        `The scale is from ${printLimits.percentMin} % to ${printLimits.percentMax} % (100 % prints the timeline as the Gantt's Week zoom shows it).`,
      )
    pxPerDay = (printBasePxPerDay * percent) / 100
    const total = dayCount * pxPerDay
    pagesWide =
      total <= firstChartWidth ? 1 : 1 + Math.ceil((total - firstChartWidth) / otherChartWidth - 1e-9)
  }
  const chartWidth = dayCount * pxPerDay

  const headerFooter = setup.hasHeaderFooter ? printMetrics.headerHeight + printMetrics.footerHeight : 0
  const legendEvery = setup.legend === 'every-page' ? printMetrics.legendHeight : 0
  const rowsFirst = Math.floor(
    (innerHeight - headerFooter - legendEvery - printMetrics.tableHeaderHeight) / printMetrics.rowHeight,
  )
  const rowsOther = Math.floor(
    (innerHeight -
      headerFooter -
      legendEvery -
      (setup.isHeaderRepeated ? printMetrics.tableHeaderHeight : 0)) /
      printMetrics.rowHeight,
  )
  if (rowsFirst < 1 || rowsOther < 1) {
    return fail(
      'marginMm',
      `The margins, header, footer${legendEvery > 0 ? ', legend' : ''} and column titles leave no room for a row on ${paperText} (${millimetres(innerHeight)} between the margins). Use smaller margins, another paper or orientation, or put the legend on the last page only.`,
    )
  }
  const rowBands: PrintRowBand[] = []
  let first = 0
  while (first < facts.rowCount || rowBands.length === 0) {
    const count = Math.min(rowBands.length === 0 ? rowsFirst : rowsOther, Math.max(0, facts.rowCount - first))
    rowBands.push({ first, count })
    first += count
    if (count === 0) break
  }
  if (setup.legend === 'last-page') {
    // The last band gives rows to a new band when the legend would not fit under them.
    const last = rowBands[rowBands.length - 1]
    const capacity = rowBands.length === 1 ? rowsFirst : rowsOther
    const rowsWithLegend = capacity - Math.ceil(printMetrics.legendHeight / printMetrics.rowHeight)
    if (last !== undefined && last.count > rowsWithLegend) {
      const keep = Math.max(0, rowsWithLegend)
      rowBands.push({ first: last.first + keep, count: last.count - keep })
      last.count = keep
      if (rowsWithLegend < 0)
        return fail(
          'marginMm',
          `The legend does not fit on ${paperText} with these margins; put it on every page or choose no legend.`,
        )
    }
  }
  const pageCount = rowBands.length * pagesWide
  if (pageCount > printLimits.pages) {
    return fail(
      setup.scale.mode === 'fit' ? 'from' : 'scale',
      `This setup prints ${pageCount.toLocaleString('en-US')} pages (${pagesWide} across × ${rowBands.length} down); Gantry prints at most ${printLimits.pages.toLocaleString('en-US')} at once. Fit to fewer pages wide, use a smaller scale or a shorter date range.`,
    )
  }

  const columnBands: PrintColumnBand[] = []
  for (let column = 0, x = 0; column < pagesWide; column++) {
    const span = column === 0 ? firstChartWidth : otherChartWidth
    columnBands.push({
      fromX: x,
      toX: Math.min(chartWidth, x + span),
      hasColumns: column === 0 || setup.areColumnsOnEveryPage,
    })
    x += span
  }
  const pages: PrintPageSpec[] = []
  for (let column = 0; column < pagesWide; column++) {
    for (let row = 0; row < rowBands.length; row++) {
      pages.push({
        number: pages.length + 1,
        row,
        column,
        hasTableHeader: row === 0 || setup.isHeaderRepeated,
        hasLegend:
          setup.legend === 'every-page' ||
          (setup.legend === 'last-page' && row === rowBands.length - 1 && column === pagesWide - 1),
      })
    }
  }
  return {
    ok: true,
    layout: {
      setup,
      width,
      height,
      widthMm,
      heightMm,
      margin,
      columns,
      columnsWidth,
      fromDay,
      toDay,
      pxPerDay,
      chartWidth,
      columnBands,
      rowBands,
      pages,
    },
  }
}

/**
 * The rows a print shows: the tasks the outline shows (children of collapsed summaries stay hidden, as on screen and
 * in the Excel export), as indexes into `plan.tasks`.
 */
export function printRows(plan: Plan, schedule: Schedule): number[] {
  const { isHidden } = xlsxTaskRowStates(plan, schedule)
  const rows: number[] = []
  for (let index = 0; index < plan.tasks.length; index++) if (isHidden[index] !== true) rows.push(index)
  return rows
}

/** The facts `printLayout` needs of a scheduled plan, for `rows` (from `printRows`). */
export function printPlanFacts(schedule: Schedule, rows: readonly number[]): PrintPlanFacts {
  const startDay = Math.floor(schedule.projectStart / 1440)
  const finishDay = Math.max(startDay, Math.ceil(schedule.projectFinish / 1440) - 1)
  return { rowCount: rows.length, startDay, finishDay }
}

/** What the print window is given to draw: the plan, the page setup and the local time for the footer. */
export type PrintJob = { plan: Plan; setup: PrintSetup; now: string }

/** What the print window answers once every page is drawn: how many, and the paper size to print them on. */
export type PrintJobDone = { pages: number; widthMm: number; heightMm: number }

/**
 * Whether `plan` can be printed with `setup`: it must schedule, and the setup must fit.
 * @returns the number of pages, or the sentence saying why not
 */
export function printCheck(
  plan: Plan,
  setup: PrintSetup,
): { ok: true; pages: number } | { ok: false; message: string } {
  const scheduled = scheduleRun(plan)
  if (!scheduled.ok)
    return {
      ok: false,
      message: `The plan cannot be printed until it can be scheduled: ${scheduled.problems[0]?.message ?? 'a problem remains'}`,
    }
  const result = printLayout(setup, printPlanFacts(scheduled.schedule, printRows(plan, scheduled.schedule)))
  return result.ok
    ? { ok: true, pages: result.layout.pages.length }
    : { ok: false, message: result.problem.message }
}
