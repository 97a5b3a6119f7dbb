import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Page } from '@playwright/test'
import type { Plan } from '../../src/shared/domain/model'
import { planFileParse, planFileSerialize } from '../../src/shared/formats/plan-file'
import { generatePlan } from '../support/generate-plan'
import { expect, test } from './support/bridge'

const run = promisify(execFile)

test.describe.configure({ timeout: 180_000 })
test.use({ viewport: { width: 1600, height: 900 } })

/**
 * Printing the Gantt chart as a reader gets it: page setup with a preview in the print dialog, a setup that cannot
 * fit answered, and the PDF main writes (here printed by the bridge with Playwright from the same print view, see
 * support/bridge.ts) read back with poppler: pdfinfo and pdftoppm for the number and size of the pages, pdftotext
 * for the names, dates, header and footer on them.
 */

async function fixturePlan(): Promise<Plan> {
  const parsed = planFileParse(
    await readFile(join(__dirname, '..', 'fixtures', 'plans', 'v3-raid.gantry'), 'utf8'),
  )
  if (!parsed.ok) throw new Error(parsed.error.message)
  const plan = parsed.plan
  // A baseline on the content migration, so the legend and the chart show it; the design system manually scheduled
  // with a typed start and no finish (the fixture's Go live is a manual milestone).
  plan.tasks = plan.tasks.map((task) =>
    task.id === 6
      ? { ...task, baseline: { start: '2025-03-24T08:00:00', finish: '2025-03-28T17:00:00', duration: 2400 } }
      : task.id === 5
        ? { ...task, schedulingMode: 'manual', manualStart: '2025-03-10T08:00:00', manualFinish: null, manualDuration: null }
        : task,
  )
  return plan
}

async function openPlan(
  page: Page,
  bridge: { path(name: string): string; dialog: { queueOpen(path: string): void } },
  plan: Plan,
  name: string,
): Promise<void> {
  const file = bridge.path(name)
  await writeFile(file, planFileSerialize(plan))
  await page.goto('index.html')
  bridge.dialog.queueOpen(file)
  await page.getByRole('button', { name: 'Open file…' }).click()
  await expect(page.getByRole('heading', { level: 1, name: plan.name })).toBeVisible()
}

type PdfFacts = {
  pages: number
  widthPt: number
  heightPt: number
  pageTexts: string[]
  images: { width: number; height: number }[]
}

/** What poppler reads in a PDF: pages and their size (pdfinfo), each page's text (pdftotext), each page rendered (pdftoppm). */
async function readPdf(path: string): Promise<PdfFacts> {
  const info = (await run('pdfinfo', [path])).stdout
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1])
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)
  const pageTexts: string[] = []
  for (let number = 1; number <= pages; number++)
    pageTexts.push(
      (await run('pdftotext', ['-layout', '-f', String(number), '-l', String(number), path, '-'])).stdout,
    )
  const folder = await mkdtemp(join(tmpdir(), 'gantry-ppm-'))
  try {
    // 36 dpi: an A4 landscape page is 421 × 298 pixels.
    await run('pdftoppm', ['-r', '36', '-png', path, join(folder, 'page')])
    const files = (await readdir(folder)).filter((name) => name.endsWith('.png')).sort()
    const images = await Promise.all(
      files.map(async (name) => {
        const bytes = await readFile(join(folder, name))
        return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
      }),
    )
    return { pages, widthPt: Number(size?.[1]), heightPt: Number(size?.[2]), pageTexts, images }
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

test('print preview, a setup that cannot fit, and the PDF of one A4 landscape page with names, dates, header, legend and footer', async ({
  page,
  bridge,
}) => {
  const plan = await fixturePlan()
  await openPlan(page, bridge, plan, 'relaunch.gantry')
  await page.getByRole('button', { name: 'Print (Ctrl+P)' }).click()
  const dialog = page.getByRole('dialog', { name: 'Print the Gantt chart' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('status')).toHaveText('1 page: 1 across × 1 down, A4 landscape')
  const preview = dialog.getByRole('region', { name: 'Page 1 of 1' })
  await expect(preview).toContainText('Website relaunch')
  await expect(preview).toContainText('Content migration')
  await expect(preview).toContainText('Status date 17 Mar 2025')

  // Every column on portrait A4 cannot fit: the reason, the field marked, nothing to print.
  await dialog.getByLabel('Portrait').check()
  for (const column of ['WBS', 'Predecessors', 'Resources', '% Complete', 'Total slack'])
    await dialog.getByLabel(column, { exact: true }).check()
  const alert = dialog.getByRole('alert')
  await expect(alert).toHaveText(
    'The columns ID, WBS, Task name, Duration, Start, Finish, Predecessors, Resources, % Complete, Total slack need 205 mm, and the timeline at least 16 mm more, but A4 portrait has 190 mm between its margins. Print fewer columns, turn the page to landscape or choose a larger paper.',
  )
  await expect(dialog.getByRole('group', { name: 'Columns' })).toHaveAttribute('aria-invalid', 'true')
  await expect(dialog.getByRole('button', { name: 'Save as PDF…' })).toBeDisabled()
  await expect(dialog.getByRole('button', { name: 'Print…' })).toBeDisabled()
  // An impossible day is answered too.
  await dialog.getByLabel('Landscape').check()
  await dialog.getByLabel('From').fill('2025-02-30')
  await expect(alert).toHaveText('From: 2025-02-30 is not a real day: February 2025 has 28 days.')
  await dialog.getByLabel('From').fill('')
  for (const column of ['WBS', '% Complete', 'Total slack'])
    await dialog.getByLabel(column, { exact: true }).uncheck()
  for (const column of ['Mode', 'Work', 'Type']) await dialog.getByLabel(column, { exact: true }).check()
  await expect(alert).toHaveCount(0)
  await expect(dialog.getByRole('status')).toHaveText('1 page: 1 across × 1 down, A4 landscape')
  // The manual task's bar as the Gantt view draws it: hatched, with a bracket at its typed start and its blank finish
  // faded; the manual milestone in the manual colour.
  const manualBar = preview.locator('.print-bar-manual')
  await expect(manualBar).toHaveCount(1)
  await expect(manualBar).toHaveAttribute('mask', /print-fade-finish-1/)
  await expect(manualBar.locator('rect')).toHaveAttribute('fill', /print-hatch-1/)
  await expect(manualBar.locator('path')).toHaveCount(1)

  const pdfPath = bridge.path('relaunch.pdf')
  bridge.dialog.queueSave(pdfPath)
  await dialog.getByRole('button', { name: 'Save as PDF…' }).click()
  await expect(page.getByText('Saved the Gantt chart to relaunch.pdf.')).toBeVisible()
  const pdf = await readPdf(pdfPath)
  expect(pdf.pages).toBe(1)
  // A4 landscape is 841.89 × 595.28 points.
  expect(Math.round(pdf.widthPt)).toBe(842)
  expect(Math.round(pdf.heightPt)).toBe(595)
  expect(pdf.images).toHaveLength(1)
  expect(pdf.images[0]?.width).toBeGreaterThan(pdf.images[0]?.height ?? Infinity)
  const text = pdf.pageTexts[0] ?? ''
  for (const name of [
    'Website relaunch',
    'Discovery',
    'Stakeholder interviews',
    'Requirements signed off',
    'Design system',
    'Content migration',
    'Go live',
  ])
    expect(text).toContain(name)
  // Columns, the dates of the schedule, the resources and predecessors chosen.
  for (const title of ['ID', 'Mode', 'Task name', 'Duration', 'Start', 'Finish', 'Predecessors', 'Resources', 'Work', 'Type'])
    expect(text).toContain(title)
  expect(text).toMatch(/Auto\s+Discovery\s+\S+\s+2025-03-03\s+2025-03-\d\d/)
  // The manual task: its typed start, blank duration and finish; work and type as the grid writes them.
  expect(text).toMatch(/Manual\s+Design system\s+2025-03-10\s.*Ana Lima.*\s20h\s+Fixed Units/)
  expect(text).toMatch(/Auto\s+Content migration\s+.*80h\s+Fixed Work/)
  expect(text).toContain('Status date 17 Mar 2025')
  expect(text).toMatch(/Gantt chart, 3 Mar 2025 – \d+ \w+ 2025/)
  expect(text).toContain('Page 1 of 1')
  for (const entry of [
    'Legend',
    'Task',
    'Critical task',
    'Progress',
    'Summary',
    'Milestone',
    'Manual task',
    'Baseline',
    'Non-working time',
    'Status date',
  ])
    expect(text).toContain(entry)
  expect((await readFile(pdfPath)).subarray(0, 5).toString()).toBe('%PDF-')
})

test('a 120-task plan prints on several pages: titles repeated, numbered "Page x of y", pages across when fitted wider', async ({
  page,
  bridge,
}) => {
  const plan: Plan = {
    ...generatePlan({ tasks: 120, seed: 5, resources: 3 }),
    name: 'Data centre move',
    statusDate: '2026-01-20T17:00:00',
  }
  await openPlan(page, bridge, plan, 'move.gantry')
  await bridge.menu(page, 'file/print')
  const dialog = page.getByRole('dialog', { name: 'Print the Gantt chart' })
  const summary = dialog.getByRole('status')
  await expect(summary).toHaveText(/^\d+ pages: 1 across × \d+ down, A4 landscape$/)
  const down = Number(/× (\d+) down/.exec((await summary.textContent()) ?? '')?.[1])
  expect(down).toBeGreaterThan(1)
  await dialog.getByRole('button', { name: 'Next ▶' }).click()
  await expect(dialog.getByRole('region', { name: `Page 2 of ${down}` })).toContainText('Task name')

  await dialog.getByLabel('Pages wide').fill('2')
  await expect(summary).toHaveText(`${2 * down} pages: 2 across × ${down} down, A4 landscape`)
  const pdfPath = bridge.path('move.pdf')
  bridge.dialog.queueSave(pdfPath)
  await dialog.getByRole('button', { name: 'Save as PDF…' }).click()
  await expect(page.getByText('Saved the Gantt chart to move.pdf.')).toBeVisible()

  const pdf = await readPdf(pdfPath)
  expect(pdf.pages).toBe(2 * down)
  expect(pdf.images).toHaveLength(2 * down)
  for (const image of pdf.images) expect(Math.abs(image.width / image.height - 297 / 210)).toBeLessThan(0.02)
  pdf.pageTexts.forEach((text, index) => {
    expect(text, `page ${index + 1}`).toContain(`Page ${index + 1} of ${2 * down}`)
    expect(text, `page ${index + 1}`).toContain('Data centre move')
  })
  // Down, then across: the first column of pages has the task table (titles repeated), the second only the timeline.
  for (let index = 0; index < down; index++) expect(pdf.pageTexts[index]).toContain('Task name')
  expect(pdf.pageTexts[down]).not.toContain('Task name')
  const firstColumn = pdf.pageTexts.slice(0, down).join('\n')
  for (const task of plan.tasks) expect(firstColumn).toContain(task.name)
  // The legend on the last page only, under the last rows.
  expect(pdf.pageTexts.map((text) => text.includes('Non-working time'))).toEqual(
    pdf.pageTexts.map((_, index) => index === 2 * down - 1),
  )
})
