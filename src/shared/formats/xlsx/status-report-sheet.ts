/**
 * A status report as an Excel workbook of one sheet, laid out like the report page: the heading, the ratings with
 * their trend and reason (coloured as Excel colours good, neutral and bad cells), budget, done this period, planned
 * next, milestones, top risks and issues, decisions and commentary. Dates are real Excel dates, amounts and variances
 * numbers. It prints portrait, one page wide, with the plan's name, the status date and "Page x of y".
 */
import { dateToWallMinutes } from '../../domain/dates'
import type { HealthRag, StatusReport } from '../../domain/health/model'
import { statusReportTrends } from '../../domain/health/report'
import { healthDimensionNames, healthRagNames, healthTrendNames } from '../../domain/health/rules'
import { xlsxHeaderText } from './print-setup'
import type { XlsxCell, XlsxRange, XlsxRow, XlsxSheet, XlsxStyle, XlsxWorkbook } from './spec'

export const xlsxStatusReportSheetName = 'Status report'

/** Column widths in characters: names, three narrow figure columns, and the reason or owner column. */
const widths = [38, 14, 14, 16, 46]
const lastColumn = widths.length - 1
/** Characters of a reason on one line of the merged last two columns. */
const reasonCharactersPerLine = 16 + 46
/** Characters of a paragraph that fit on one line across all the columns. */
const charactersPerLine = Math.floor(widths.reduce((sum, width) => sum + width, 0) * 0.95)
/** Excel's tallest row, in points. */
const rowHeightMax = 409

const title: XlsxStyle = { isBold: true }
const section: XlsxStyle = { isBold: true, fill: 'D9E1F2' }
const header: XlsxStyle = { isBold: true, fontColor: '404040' }
const day: XlsxStyle = { numFmt: 'yyyy-mm-dd' }
const money: XlsxStyle = { numFmt: '#,##0.00' }
const days: XlsxStyle = { numFmt: '+0.0;-0.0;0' }
const paragraph: XlsxStyle = { isWrapped: true, vertical: 'top' }
const muted: XlsxStyle = { fontColor: '666666' }
/** Excel's own "Good", "Neutral" and "Bad" cell colours. */
const ragStyles: Record<HealthRag, XlsxStyle> = {
  green: { isBold: true, fill: 'C6EFCE', fontColor: '006100' },
  amber: { isBold: true, fill: 'FFEB9C', fontColor: '9C5700' },
  red: { isBold: true, fill: 'FFC7CE', fontColor: '9C0006' },
  unknown: { isBold: true, fill: 'EDEDED', fontColor: '404040' },
}

const text = (value: string, style?: XlsxStyle): XlsxCell => (style === undefined ? { type: 'string', value } : { type: 'string', value, style })
const date = (value: string | null): XlsxCell | null => (value === null ? null : { type: 'date', value: dateToWallMinutes(value), style: day })
const amount = (value: number | null): XlsxCell => (value === null ? text('—', muted) : { type: 'number', value, style: money })

/** The height in points a wrapped text needs across the merged columns. */
function paragraphHeight(value: string): number {
  const lines = value.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / charactersPerLine)), 0)
  return Math.min(rowHeightMax, Math.max(15, lines * 15))
}

/**
 * The status report sheet: `report` of `planName`, its trend measured against `previous` (null for a first report).
 * @returns a workbook description for `xlsxRender`
 */
export function xlsxStatusReportWorkbook(planName: string, report: StatusReport, previous: StatusReport | null): XlsxWorkbook {
  const rows: XlsxRow[] = []
  const merges: XlsxRange[] = []
  const across = (cells: (XlsxCell | null)[], height?: number): void => {
    merges.push({ fromRow: rows.length, fromColumn: 0, toRow: rows.length, toColumn: lastColumn })
    rows.push(height === undefined ? { cells } : { cells, height })
  }
  const heading = (name: string): void => {
    rows.push({ cells: [] })
    across([text(name, section)])
  }
  const titles = (names: string[]): void => void rows.push({ cells: names.map((name) => text(name, header)) })
  const none = (words: string): void => across([text(words, muted)])
  const statusDay = report.statusDate.slice(0, 10)
  const baselineName = report.baselineNumber === 0 ? 'Baseline' : `Baseline ${report.baselineNumber}`

  across([text(`${planName}: status report`, title)], 20)
  across([
    text(
      `Status date ${statusDay}${report.periodStart === null ? ', first report' : `, period since ${report.periodStart.slice(0, 10)}`}. Against ${baselineName}. Saved ${report.savedAt.slice(0, 16).replace('T', ' ')}.`,
    ),
  ])

  heading('Health')
  titles(['Dimension', 'Rating', 'Trend', 'Why'])
  const trends = statusReportTrends(report, previous)
  const ratingRow = (name: string, rag: HealthRag, trend: string, reason: string): void => {
    merges.push({ fromRow: rows.length, fromColumn: 3, toRow: rows.length, toColumn: lastColumn })
    const height = Math.min(rowHeightMax, Math.max(15, Math.ceil(reason.length / reasonCharactersPerLine) * 15))
    rows.push({ cells: [text(name, { isBold: true, vertical: 'top' }), text(healthRagNames[rag], ragStyles[rag]), text(trend), text(reason, paragraph)], height })
  }
  ratingRow('Overall', report.overall, healthTrendNames[trends.overall], 'The worst of the dimensions.')
  report.dimensions.forEach((dimension, index) =>
    ratingRow(healthDimensionNames[dimension.key], dimension.rag, healthTrendNames[trends.dimensions[index] ?? 'new'], dimension.reason),
  )

  heading(`Budget (${report.budget.currencyCode})`)
  titles(['Budget', 'Actual', 'Forecast', 'Variance'])
  rows.push({ cells: [amount(report.budget.budget), amount(report.budget.actual), amount(report.budget.forecast), amount(report.budget.variance)] })

  heading('Done this period')
  if (report.done.length === 0) none('No task finished in the period.')
  else {
    titles(['Task', 'Finished'])
    for (const line of report.done) rows.push({ cells: [text(line.name), date(line.finish)] })
  }

  heading('Planned next period')
  if (report.planned.length === 0) none('Nothing scheduled.')
  else {
    titles(['Task', 'Start', 'Finish'])
    for (const line of report.planned) rows.push({ cells: [text(line.name), date(line.start), date(line.finish)] })
  }

  heading('Milestones')
  if (report.milestones.length === 0) none('No milestones.')
  else {
    titles(['Milestone', 'Baseline', 'Forecast', 'Variance (days)', 'Done'])
    for (const line of report.milestones)
      rows.push({
        cells: [
          text(line.name),
          date(line.baselineFinish) ?? text('—', muted),
          date(line.forecastFinish),
          line.varianceDays === null ? text('—', muted) : { type: 'number', value: line.varianceDays, style: days },
          text(line.isDone ? 'Yes' : 'No'),
        ],
      })
  }

  heading('Top risks and issues')
  if (report.risks.length === 0) none('No open risk or issue.')
  else {
    titles(['Title', 'Code', 'Rating', 'Owner'])
    for (const line of report.risks) rows.push({ cells: [text(line.title), text(line.code), text(line.rating), text(line.owner)] })
  }

  heading('Decisions needed')
  const decisions = report.decisions.split('\n').map((line) => line.trim()).filter((line) => line !== '')
  if (decisions.length === 0) none('None.')
  for (const line of decisions) across([text(line, paragraph)], paragraphHeight(line))

  heading('Commentary')
  // One row per paragraph: a row is at most 409 points tall, so a long commentary in one cell would be cut on paper.
  const paragraphs = report.commentary.split(/\n{2,}/).map((part) => part.trim()).filter((part) => part !== '')
  if (paragraphs.length === 0) none('—')
  for (const part of paragraphs) across([text(part, paragraph)], paragraphHeight(part))

  const sheet: XlsxSheet = {
    name: xlsxStatusReportSheetName,
    columns: widths.map((width) => ({ width })),
    rows,
    merges,
    print: {
      orientation: 'portrait',
      fitToWidth: 1,
      fitToHeight: 0,
      header: `&L${xlsxHeaderText(planName)}&CStatus report&RStatus date ${statusDay}`,
      footer: '&CPage &P of &N',
    },
  }
  return { sheets: [sheet], title: `${planName}: status report ${statusDay}`, created: dateToWallMinutes(report.savedAt) }
}
