/**
 * The print window's page (print.html). It draws nothing until it is given a job: main (with Electron's hidden
 * window) or the e2e harness (with Playwright) calls `window.gantryPrint(job)`, which checks the job like every
 * input from outside, schedules the plan, lays it out with the page setup, draws every page, waits for the fonts and
 * answers how many pages it drew and on which paper. Then the caller prints the page to PDF.
 */
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { scheduleRun } from '../../../../shared/domain/schedule'
import { planRestore } from '../../../../shared/formats/plan-file'
import { printSetupSchema, type PrintJobDone } from '../../../../shared/print/page-setup'
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

window.gantryPrint = async (job: unknown): Promise<PrintJobDone> => {
  if (typeof job !== 'object' || job === null) throw new Error('The print job is missing.')
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
