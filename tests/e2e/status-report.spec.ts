import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, test, type Page } from '@playwright/test'

const run = promisify(execFile)

/**
 * The health dashboard and the status report as a project manager uses them in browser mode: the schedule tile turns
 * red when a baselined task slips, a report is saved as a dated snapshot and listed, and its printed page (print
 * stylesheet, as the print dialog's "Save as PDF" writes it) reads back with pdftotext; a plan without a baseline
 * says what is missing and cannot be saved; the dashboard charts the burn-down of remaining work and the S-curve with
 * the plan's figures in their descriptions.
 */

test.describe.configure({ timeout: 120_000 })
test.use({ viewport: { width: 1600, height: 900 } })

const fixtures = join(__dirname, '..', 'fixtures', 'plans')
let folder = ''
test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gantry-status-report-'))
})
test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

/** The v4 fixture with earned value (and so the health) measured against Baseline, which has finish dates. */
async function baselinedFixture(): Promise<string> {
  const file = JSON.parse(await readFile(join(fixtures, 'v4-basic.gantry'), 'utf8')) as { plan: { settings: Record<string, unknown> } }
  file.plan.settings.baselineForEarnedValue = 0
  const path = join(folder, 'Website relaunch.gantry')
  await writeFile(path, JSON.stringify(file))
  return path
}

async function openFixture(page: Page, path: string): Promise<void> {
  await page.goto('index.html')
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: /^Open/ }).first().click()
  await (await chooser).setFiles(path)
  await expect(page.getByRole('heading', { level: 1, name: 'Website relaunch' })).toBeVisible()
}

test('the schedule turns red when a baselined task slips; a saved report is listed and prints to a PDF that reads back', async ({ page }) => {
  await page.addInitScript(() => {
    const record = window as unknown as { __printedReport: boolean[] }
    record.__printedReport = []
    window.print = () => {
      // Keep what the print dialog would have printed after the app takes its copy out again.
      const printed = document.querySelector('.report-print')
      record.__printedReport.push(printed !== null)
      if (printed === null) return
      const copy = printed.cloneNode(true) as HTMLElement
      copy.dataset.copy = 'true'
      queueMicrotask(() => document.body.append(copy))
    }
  })
  await openFixture(page, await baselinedFixture())
  await page.getByRole('tab', { name: 'Dashboard' }).click()
  const schedule = page.getByRole('region', { name: 'Schedule' })
  await expect(schedule).toBeVisible()
  // The fixture is behind on its SPI; the user rates the schedule by the finish date alone (thresholds edited here).
  await page.getByText('Rules and thresholds').click()
  // It already finishes 25 working days late: red only beyond 30.
  for (const label of ['Schedule red: SPI below', 'Schedule amber: SPI below', 'Schedule red: finish slip above (working days)']) {
    await page.getByLabel(label).fill(label.includes('slip') ? '30' : '0')
    await page.getByLabel(label).press('Enter')
  }
  // Red milder than amber is refused, by the field, and nothing changes.
  await page.getByLabel('Cost red: CPI below').fill('0.99')
  await page.getByLabel('Cost red: CPI below').press('Enter')
  await expect(page.locator('.health-problem')).toContainText('CPI: the red threshold (0.99) must be at or below the amber one (0.95).')
  await page.getByLabel('Cost red: CPI below').press('Escape')
  await expect(schedule).toHaveAttribute('data-rag', 'amber')
  await expect(schedule).toContainText('The forecast finish is 25 working days after the baseline finish (amber above 0, red above 30).')

  // Design system (baselined) takes 40 days instead of 5: the forecast finish passes the baseline's by weeks.
  await page.getByRole('tab', { name: 'Gantt' }).click()
  const designRow = page.locator('[role="row"]').filter({ hasText: 'Design system' }).first()
  await designRow.locator('.ws-col-duration').dblclick()
  await page.keyboard.press('Control+A')
  await page.keyboard.type('40d')
  await page.keyboard.press('Enter')
  await page.getByRole('tab', { name: 'Dashboard' }).click()
  await expect(schedule).toHaveAttribute('data-rag', 'red')
  await expect(schedule).toContainText(/The forecast finish is [\d.]+ working days after the baseline finish/)

  await page.getByRole('tab', { name: 'Status report' }).click()
  const view = page.getByRole('region', { name: 'Status report' })
  await view.getByRole('textbox', { name: 'Commentary' }).fill('Design system slipped by seven weeks; vendor escalated.')
  await view.getByRole('textbox', { name: 'Decisions needed (one per line)' }).fill('Approve a second designer')
  await view.getByRole('button', { name: 'Save report' }).click()
  await expect(view.getByRole('status')).toHaveText('The status report was saved in the plan.')
  const list = view.getByRole('list', { name: 'Saved reports' })
  await expect(list.getByRole('button', { name: '2025-03-17', exact: true })).toBeVisible()

  await view.getByRole('button', { name: 'Print…' }).click()
  expect(await page.evaluate(() => (window as unknown as { __printedReport: boolean[] }).__printedReport)).toEqual([true])
  await expect(page.locator('.report-print:not([data-copy])')).toHaveCount(0)
  await page.emulateMedia({ media: 'print' })
  const path = join(folder, 'status-report.pdf')
  await writeFile(path, await page.pdf({ format: 'A4', printBackground: true }))
  const text = (await run('pdftotext', ['-layout', path, '-'])).stdout
  for (const words of [
    'Website relaunch: status report',
    'Status date 2025-03-17',
    'Schedule',
    'Red',
    'Design system slipped by seven weeks',
    'Approve a second designer',
    'Milestones',
    'Top risks and issues',
    'Budget',
  ])
    expect(text).toContain(words)
  for (const screenText of ['Save report', 'Saved reports', 'Keyboard shortcuts']) expect(text).not.toContain(screenText)
  // The browser prints through its dialog (above); the workbook is a download.
  await page.emulateMedia({ media: 'screen' })
  await expect(view.getByRole('button', { name: 'Save as PDF…' })).toHaveCount(0)
  await expect(view.getByText('For a PDF, choose “Save as PDF” as the printer in the print dialog.')).toBeVisible()
  const download = page.waitForEvent('download')
  await view.getByRole('button', { name: 'Export to Excel…' }).click()
  const workbook = await download
  expect(workbook.suggestedFilename()).toBe('Website relaunch status report 2025-03-17.xlsx')
  const workbookPath = join(folder, 'report.xlsx')
  await workbook.saveAs(workbookPath)
  const cells = await run('/usr/bin/python3', [
    '-c',
    'import openpyxl, sys; ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]; print(ws.title); print(ws["A1"].value); print(ws.page_setup.orientation)',
    workbookPath,
  ])
  expect(cells.stdout).toBe('Status report\nWebsite relaunch: status report\nportrait\n')
  await expect(view.getByRole('status')).toHaveText('Saved the status report to Website relaunch status report 2025-03-17.xlsx.')
  // `npm run docs:status-report` keeps this page as the README's picture.
  if (process.env.GANTRY_DOCS_PICTURE === '1')
    await run('pdftoppm', ['-png', '-r', '80', '-singlefile', path, join(__dirname, '..', '..', 'docs', 'status-report')])
})

test('a plan without a baseline says what the report is missing and cannot be saved', async ({ page }) => {
  await openFixture(page, join(fixtures, 'v1-basic.gantry'))
  await page.getByRole('tab', { name: 'Status report' }).click()
  const view = page.getByRole('region', { name: 'Status report' })
  await expect(view.getByRole('alert')).toContainText('A status report needs a baseline')
  await expect(view.getByRole('alert')).toContainText('This plan has no baseline.')
  await expect(view.getByRole('button', { name: 'Save report' })).toBeDisabled()
  await page.getByRole('tab', { name: 'Dashboard' }).click()
  await expect(page.getByRole('region', { name: 'Schedule' })).toHaveAttribute('data-rag', 'unknown')
  await expect(page.getByRole('note')).toContainText('No baseline is set')
})

test('the dashboard charts the remaining work and the S-curve with the plan’s figures; the Earned value view keeps its S-curve', async ({ page }) => {
  /*
   * The fixture at its status date, Monday 2025-03-17 17:00, 8 hours a day:
   *   Stakeholder interviews  24 h, 50 % done (12 h actual work)   baseline 03-03..03-05, 24 h
   *   Design system           20 h, not started                   baseline 03-10..03-21, 20 h: 2 h a working day
   *   Content migration       80 h, not started                   no baseline
   * Work 124 h, done 12 h: 112 h (14 days) remaining. The baseline's 44 h: by the status date the interviews and
   * 6 of Design system's 10 days were due, so 4 × 2 = 8 h (1 day) remained, finishing 2025-03-21.
   */
  await openFixture(page, await baselinedFixture())
  await page.getByRole('tab', { name: 'Dashboard' }).click()
  const burndown = page.getByRole('img', { name: /Burn-down: remaining work/ })
  await expect(burndown).toBeVisible()
  const burndownText = await burndown.locator('desc').textContent()
  expect(burndownText).toContain('of 124h (15.5d) of work in all.')
  expect(burndownText).toContain('At the status date 2025-03-17: 112h (14d) of work remaining, 12h (1.5d) done.')
  expect(burndownText).toContain('Baseline planned 8h (1d) remaining by then, of 44h (5.5d), finishing 2025-03-21.')
  expect(burndownText).toMatch(/The current schedule finishes the remaining work 2025-\d\d-\d\d\./)
  // Its lines, legend, axis in days and the status date.
  for (const series of ['baseline', 'actual', 'forecast']) await expect(burndown.locator(`[data-series="${series}"]`)).toHaveAttribute('points', /\d+\.\d,\d+\.\d \d+/)
  await expect(page.getByTestId('burndown-status-date')).toContainText('Status date 2025-03-17')
  await expect(burndown).toContainText('Work (days)')
  await expect(page.getByRole('region', { name: 'Remaining work' }).locator('figcaption')).toHaveText(/Baseline remaining\s+Actual remaining\s+Forecast remaining/)

  const curve = page.getByRole('region', { name: 'Earned value over time' }).getByRole('img', { name: /S-curve/ })
  await expect(curve).toBeVisible()
  const curveText = (await curve.locator('desc').textContent()) ?? ''
  expect(curveText).toContain('At the status date 2025-03-17: planned value')
  // Both charts on one page keep their own title and description ids.
  const ids = await page.locator('svg[role="img"] title, svg[role="img"] desc').evaluateAll((nodes) => nodes.map((node) => node.id))
  expect(ids).toHaveLength(4)
  expect(new Set(ids).size).toBe(4)

  // The Earned value view shows the same S-curve, with the same figures as its table.
  await page.getByRole('tab', { name: 'Earned value' }).click()
  const viewCurve = page.getByRole('region', { name: 'Earned value' }).getByRole('img', { name: /S-curve/ })
  await expect(viewCurve).toBeVisible()
  await expect(page.getByTestId('s-curve-status-date')).toContainText('Status date 2025-03-17')
  const pv = await page.locator('[data-figure="pv"]').textContent()
  const ev = await page.locator('[data-figure="ev"]').textContent()
  const ac = await page.locator('[data-figure="ac"]').textContent()
  expect(await viewCurve.locator('desc').textContent()).toContain(`planned value ${pv}, earned value ${ev}, actual cost ${ac}.`)
  expect(curveText).toContain(`planned value ${pv}, earned value ${ev}, actual cost ${ac}.`)
})

test('a plan without work says there is nothing to burn down', async ({ page }) => {
  // The fixture with its people taken off the tasks: durations but no work.
  const file = JSON.parse(await readFile(join(fixtures, 'v4-basic.gantry'), 'utf8')) as {
    plan: { assignments: unknown[]; tasks: { work: number; actualWork: number }[] }
  }
  file.plan.assignments = []
  for (const task of file.plan.tasks) Object.assign(task, { work: 0, actualWork: 0 })
  const path = join(folder, 'Website relaunch.gantry')
  await writeFile(path, JSON.stringify(file))
  await openFixture(page, path)
  await page.getByRole('tab', { name: 'Dashboard' }).click()
  await expect(page.getByRole('region', { name: 'Remaining work' })).toContainText('No work to burn down: the plan’s tasks have no work.')
  await expect(page.getByRole('img', { name: /Burn-down/ })).toHaveCount(0)
})

test('the commentary typed for a report is kept per plan across a reload until the report is saved', async ({ page }) => {
  const file = JSON.parse(await readFile(join(fixtures, 'v5-status.gantry'), 'utf8')) as { plan: { id: string; name: string } }
  const other = { ...file, plan: { ...file.plan, id: `${file.plan.id}-other`, name: 'Intranet refresh' } }
  const otherPath = join(folder, 'Intranet refresh.gantry')
  await writeFile(otherPath, JSON.stringify(other))
  await openFixture(page, join(fixtures, 'v5-status.gantry'))
  // Its Baseline 1 holds costs but no dates: the dashboard says so rather than "no baseline".
  await page.getByRole('tab', { name: 'Dashboard' }).click()
  await expect(page.getByRole('note')).toContainText('Baseline 1, the one earned value uses, has no finish dates')
  await page.getByRole('tab', { name: 'Status report' }).click()
  const view = page.getByRole('region', { name: 'Status report' })
  await view.getByRole('textbox', { name: 'Commentary' }).fill('Vendor escalated; design two weeks late.')
  await view.getByRole('textbox', { name: 'Decisions needed (one per line)' }).fill('Approve overtime')

  // Another plan has its own (empty) draft.
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: /^Open/ }).first().click()
  await (await chooser).setFiles(otherPath)
  await expect(page.getByRole('heading', { level: 1, name: 'Intranet refresh' })).toBeVisible()
  await page.getByRole('tab', { name: 'Status report' }).click()
  await expect(view.getByRole('textbox', { name: 'Commentary' })).toHaveValue('')

  // A reload (or a crash) loses nothing typed.
  await page.reload()
  await page.getByRole('button', { name: 'Plans', exact: true }).click()
  await page.getByRole('button', { name: 'Open Website relaunch' }).click()
  await page.getByRole('tab', { name: 'Status report' }).click()
  await expect(view.getByRole('textbox', { name: 'Commentary' })).toHaveValue('Vendor escalated; design two weeks late.')
  await expect(view.getByRole('textbox', { name: 'Decisions needed (one per line)' })).toHaveValue('Approve overtime')

  // Saved in the report, the draft is done with.
  await view.getByRole('button', { name: 'Save report' }).click()
  await expect(view.getByRole('status')).toHaveText('The status report was saved in the plan.')
  await page.reload()
  await page.getByRole('button', { name: 'Plans', exact: true }).click()
  await page.getByRole('button', { name: 'Open Website relaunch' }).click()
  await page.getByRole('tab', { name: 'Status report' }).click()
  await expect(view.getByRole('textbox', { name: 'Commentary' })).toHaveValue('')
  await view.getByRole('list', { name: 'Saved reports' }).getByRole('button', { name: '2025-03-17', exact: true }).click()
  await expect(view.locator('.sr-main')).toContainText('Vendor escalated; design two weeks late.')
})

test('when storage refuses the draft, the view says the typed text is not kept', async ({ page }) => {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('gantry.status-report-draft.')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      setItem.call(this, key, value)
    }
  })
  await openFixture(page, join(fixtures, 'v5-status.gantry'))
  await page.getByRole('tab', { name: 'Status report' }).click()
  const view = page.getByRole('region', { name: 'Status report' })
  await view.getByRole('textbox', { name: 'Commentary' }).fill('Typed while storage is full.')
  await expect(view.getByRole('alert')).toContainText('could not be kept in this browser’s storage')
  // What was typed is still there to save.
  await expect(view.getByRole('textbox', { name: 'Commentary' })).toHaveValue('Typed while storage is full.')
  await view.getByRole('button', { name: 'Save report' }).click()
  await expect(view.getByRole('status')).toHaveText('The status report was saved in the plan.')
  await expect(view.getByRole('alert')).toHaveCount(0)
})

test('without a status date the dashboard measures at today’s end of work, the same moment as its charts', async ({ page }) => {
  // Wednesday 2025-03-05, 09:00: Stakeholder interviews (2.5 days from Monday, half done) is due at noon today.
  await page.clock.install({ time: new Date(2025, 2, 5, 9, 0, 0) })
  const file = JSON.parse(await readFile(join(fixtures, 'v1-basic.gantry'), 'utf8')) as {
    plan: { statusDate: string | null; tasks: { id: number; duration: number }[] }
  }
  file.plan.statusDate = null
  file.plan.tasks = file.plan.tasks.map((task) => (task.id === 2 ? { ...task, duration: 1200 } : task))
  const path = join(folder, 'Website relaunch.gantry')
  await writeFile(path, JSON.stringify(file))
  await openFixture(page, path)
  await page.getByRole('tab', { name: 'Dashboard' }).click()
  await expect(page.getByRole('region', { name: 'Project health' })).toContainText('at the status date 2025-03-05 (today: the plan has no status date')
  const overdue = page.getByRole('region', { name: 'Overdue tasks' })
  // Measured at 09:00, neither the interviews nor the sign-off milestone right after them would be due yet.
  await expect(overdue.getByRole('heading')).toHaveText('Overdue tasks (2)')
  await expect(overdue).toContainText('Stakeholder interviews')
  await expect(overdue).toContainText('Requirements signed off')
  await expect(page.getByRole('img', { name: /Burn-down/ }).locator('desc')).toContainText('At the status date 2025-03-05')
})
