/**
 * The status report on paper: what the print window is given to draw one report (the desktop app's PDF export), and
 * the paper it is printed on. The report flows down portrait pages with a margin on every side; the print window
 * answers how many pages it filled.
 */
import { z } from 'zod'
import type { StatusReport } from '../domain/health/model'
import { planStatusReportSchema } from '../formats/plan-file'
import { printPaperKeys, type PrintPaper } from './page-setup'

/** Page margin of a printed status report on every side, millimetres. */
export const reportPrintMarginMm = 12

/** What the print window draws for a status report: the report, the one before it (for the trend) and the paper. */
export type ReportPrintJob = {
  kind: 'report'
  planName: string
  report: StatusReport
  previous: StatusReport | null
  paper: PrintPaper
}

/** Checks a report print job from outside the print window (the window trusts nothing it is handed). */
export const reportPrintJobSchema = z.strictObject({
  kind: z.literal('report'),
  planName: z.string().max(10_000),
  report: planStatusReportSchema,
  previous: planStatusReportSchema.nullable(),
  paper: z.enum(printPaperKeys as [PrintPaper, ...PrintPaper[]]),
})
