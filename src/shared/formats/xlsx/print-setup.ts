/**
 * How the plan workbook prints: every sheet landscape, with its header row repeated on each page (print titles), the
 * plan's name, the sheet and the status date in the header, and "Page x of y" in the footer. Tables are fitted to one page wide. The timeline sheets (Gantt, Resource
 * usage) are fitted to as few pages wide as keep the print at 60 % or more, with their name columns repeated on
 * each page, so a 120-day Gantt is three readable pages wide rather than one page of 4-point text.
 */
import type { Plan } from '../../domain/model'
import type { XlsxColumn, XlsxPrintSetup, XlsxSheet, XlsxWorkbook } from './spec'

/** Sheets printed as timelines, with how many leading columns name the row (repeated on every page). */
export const xlsxTimelineSheets: Readonly<Record<string, number>> = { Gantt: 2, 'Resource usage': 2 }

/** Smallest print scale a timeline sheet is fitted at. */
export const xlsxPrintMinScale = 0.6
/**
 * Width between the margins of a landscape page in screen pixels (96 per inch): US Letter, the narrower of Letter
 * and A4, less Gantry's 0.4-inch side margins.
 */
const printableWidthPixels = (11 - 0.8) * 96

/** A column's width in pixels as Excel lays it out with its default font (7 pixels per character plus padding). */
function columnPixels(column: XlsxColumn): number {
  return Math.trunc(column.width * 7 + 5)
}

/**
 * How many pages wide a timeline sheet prints so its scale stays at least `xlsxPrintMinScale`, with its first
 * `titleColumns` columns repeated on every page.
 */
export function xlsxPrintPagesWide(columns: readonly XlsxColumn[], titleColumns: number): number {
  const pagePixels = printableWidthPixels / xlsxPrintMinScale
  const titles = columns.slice(0, titleColumns).reduce((sum, column) => sum + columnPixels(column), 0)
  const body = columns.slice(titleColumns).reduce((sum, column) => sum + columnPixels(column), 0)
  if (titles + body <= pagePixels) return 1
  return Math.max(1, Math.ceil(body / Math.max(1, pagePixels - titles)))
}

/** Text for an Excel header or footer part: `&` doubled (a single one starts a code), at most `max` characters. */
export function xlsxHeaderText(text: string, max = 80): string {
  const short = text.length > max ? `${text.slice(0, max - 1)}…` : text
  return short.replace(/&/g, '&&')
}

/** The print setup of one sheet of the plan workbook. */
export function xlsxSheetPrintSetup(sheet: XlsxSheet, plan: Plan): XlsxPrintSetup {
  const titleColumns = xlsxTimelineSheets[sheet.name]
  const status = plan.statusDate === null ? 'Printed &D' : `Status date ${plan.statusDate.slice(0, 10)}`
  const setup: XlsxPrintSetup = {
    orientation: 'landscape',
    fitToWidth: titleColumns === undefined ? 1 : xlsxPrintPagesWide(sheet.columns, titleColumns),
    fitToHeight: 0,
    header: `&L${xlsxHeaderText(plan.name)}&C&A&R${status}`,
    footer: '&CPage &P of &N',
  }
  if (sheet.rows.length > 0) setup.repeatRows = { from: 0, to: 0 }
  if (titleColumns !== undefined && titleColumns > 0) setup.repeatColumns = { from: 0, to: titleColumns - 1 }
  return setup
}

/** The workbook with every sheet's print setup (`xlsxSheetPrintSetup`); a sheet that has its own keeps it. */
export function xlsxWithPrintSetup(workbook: XlsxWorkbook, plan: Plan): XlsxWorkbook {
  return {
    ...workbook,
    sheets: workbook.sheets.map((sheet) =>
      sheet.print !== undefined ? sheet : { ...sheet, print: xlsxSheetPrintSetup(sheet, plan) },
    ),
  }
}
