/**
 * The print window's page (print.html). It draws nothing until it is given a job: main (with Electron's hidden
 * window) or the e2e harness (with Playwright) calls `window.gantryPrint(job)`, which checks the job like every
 * input from outside and draws it: a Gantt job's plan is scheduled, laid out with the page setup and drawn page by
 * page; a status report job's report flows down portrait pages of its paper. It waits for the fonts and answers how
 * many pages it drew and on which paper. Then the caller prints the page to PDF.
 */
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { scheduleRun } from '../../../../shared/domain/schedule'
import { planRestore } from '../../../../shared/formats/plan-file'
import { printPapers, printSetupSchema, type PrintJobDone } from '../../../../shared/print/page-setup'
import { reportPrintJobSchema, reportPrintMarginMm } from '../../../../shared/print/report-job'
import { StatusReportPage } from '../health/StatusReportPage'
import '../health/health.css'
import { printModelBuild } from './print-model'
import { PrintSheets, printPageRuleApply } from './PrintSheets'

declare global {
  interface Window {
    gantryPrint?: (job: unknown) => Promise<PrintJobDone>
  }
}

const rootElement = document.getElementById('root')
if (rootElement === null) throw new Error('print.html has no #root element')
const root = createRoot(rootElement)

/** Millimetres in CSS pixels (96 per inch). */
const pixelsPerMm = 96 / 25.4

/** Draws a status report job on portrait pages of its paper. */
async function reportPrint(job: unknown): Promise<PrintJobDone> {
  const checked = reportPrintJobSchema.safeParse(job)
  if (!checked.success) throw new Error('The status report to print is malformed.')
  const { planName, report, previous, paper } = checked.data
  const { width, height } = printPapers[paper]
  printPageRuleApply({ widthMm: width, heightMm: height }, reportPrintMarginMm)
  flushSync(() =>
    root.render(
      // As wide as the paper between its margins, so the height measured here is the height printed.
      <div className="report-sheet" style={{ width: `${width - 2 * reportPrintMarginMm}mm` }}>
        <StatusReportPage planName={planName} report={report} previous={previous} />
      </div>,
    ),
  )
  await document.fonts.ready
  const drawn = rootElement?.getBoundingClientRect().height ?? 0
  const pageHeight = (height - 2 * reportPrintMarginMm) * pixelsPerMm
  return { pages: Math.max(1, Math.ceil(drawn / pageHeight - 0.01)), widthMm: width, heightMm: height }
}

window.gantryPrint = async (job: unknown): Promise<PrintJobDone> => {
  if (typeof job !== 'object' || job === null) throw new Error('The print job is missing.')
  if ((job as { kind?: unknown }).kind === 'report') return reportPrint(job)
  const { plan: candidate, setup: setupCandidate, now } = job as Record<string, unknown>
  const restored = planRestore(candidate)
  if (!restored.ok) throw new Error(restored.error.message)
  const setup = printSetupSchema.safeParse(setupCandidate)
  if (!setup.success) throw new Error('The page setup is malformed.')
  const scheduled = scheduleRun(restored.plan)
  if (!scheduled.ok) throw new Error(scheduled.problems[0]?.message ?? 'The plan cannot be scheduled.')
  const built = printModelBuild(
    restored.plan,
    scheduled.schedule,
    setup.data,
    typeof now === 'string' ? now : '',
  )
  if (!built.ok) throw new Error(built.problem.message)
  printPageRuleApply(built.model.layout)
  flushSync(() => root.render(<PrintSheets model={built.model} />))
  await document.fonts.ready
  return {
    pages: built.model.layout.pages.length,
    widthMm: built.model.layout.widthMm,
    heightMm: built.model.layout.heightMm,
  }
}
