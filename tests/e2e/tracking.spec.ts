import { writeFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { makeAssignment, makePlan, makeResource, makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import { planFileSerialize } from '../../src/shared/formats/plan-file'
import { expect, test, type Bridge } from './support/bridge'
import { idbDump } from './support/idb'
import { cell, messageLine, waitSaved } from './support/workspace-grid'

/**
 * Issue 16 end to end (built renderer, bridge harness): is the project on track? On plans opened from a file that
 * starts Monday 2026-10-05 (standard calendar, 8 h a day):
 * - setting a baseline, slipping a task, and seeing the variance in the grid and the tracking bars in the Gantt;
 * - entering progress at a status date and reading SPI and CPI;
 * - a negative rate refused, with nothing changed.
 *
 * October 2026:      Mo Tu We Th Fr Sa Su
 *                     5  6  7  8  9 10 11
 *                    12 13 14 15 16 17 18
 */

test.describe.configure({ timeout: 180_000 })
// Swedish dates (ISO order) so the expected texts read as dates anywhere.
test.use({ viewport: { width: 1600, height: 900 }, locale: 'sv-SE' })

async function openPlan(page: Page, bridge: Bridge, plan: Plan): Promise<void> {
  const file = bridge.path(`${plan.id}.gantry`)
  await writeFile(file, planFileSerialize(plan))
  await page.goto('index.html')
  bridge.dialog.queueOpen(file)
  await page.getByRole('button', { name: 'Open file…' }).click()
  await expect(page.getByRole('heading', { level: 1, name: plan.name })).toBeVisible()
}

/*
 *   Build  5 d (Oct 5–9), Ana at 100 % (40 h at 50 per hour = 2,000)
 *   Test   2 d after Build (Oct 12–13), Ana (16 h = 800)
 */
function twoTasks(id: string, name: string): Plan {
  return makePlan(id, name, '2026-10-05T08:00:00', '2026-10-01T10:00:00', {
    tasks: [makeTask(1, { name: 'Build', duration: 5 * 480, work: 5 * 480 }), makeTask(2, { name: 'Test', duration: 2 * 480, work: 2 * 480 })],
    dependencies: [{ id: 1, predecessorId: 1, successorId: 2, type: 'FS', lag: 0, lagUnit: 'd' }],
    resources: [makeResource(1, 'Ana', { standardRate: 50 })],
    assignments: [makeAssignment(1, 1, 1, 100, 5 * 480), makeAssignment(2, 2, 1, 100, 2 * 480)],
  })
}

async function chooseTable(page: Page, table: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Table' }).selectOption({ label: table })
}

test('a negative rate is refused with a message, and nothing is changed', async ({ page, bridge }) => {
  await openPlan(page, bridge, twoTasks('p-rate', 'Rate plan'))
  await chooseTable(page, 'Cost')
  await expect(cell(page, 'Build', 'cost')).toHaveText('2,000.00')
  await page.getByRole('tab', { name: 'Resources' }).click()
  const rate = page.getByRole('textbox', { name: 'Standard rate of Ana' })
  await expect(rate).toHaveValue('50/h')
  await waitSaved(page, '"standardRate":50')
  const before = await idbDump(page)

  await rate.fill('-20/h')
  await rate.press('Enter')
  await expect(messageLine(page)).toContainText('The standard rate cannot be negative')
  await expect(messageLine(page)).toContainText('Nothing was changed.')
  await expect(rate).toHaveValue('50/h')
  // Stored plan untouched, and nothing to undo.
  expect(await idbDump(page)).toBe(before)
  await expect(page.getByRole('button', { name: 'Undo (Ctrl+Z)' })).toBeDisabled()

  // A rate per day is read in the plan's hours: 600 per day = 75 per hour, so Build costs 40 h × 75 = 3,000.
  await rate.fill('600/d')
  await rate.press('Enter')
  await expect(page.getByRole('textbox', { name: 'Standard rate of Ana' })).toHaveValue('600/d')
  await expect(page.locator('tr[data-resource-id="1"] [data-testid="resource-cost"]')).toHaveText('4,200.00')
  await page.getByRole('tab', { name: 'Gantt' }).click()
  await expect(cell(page, 'Build', 'cost')).toHaveText('3,000.00')
})

async function typeCell(page: Page, name: string, column: string, text: string): Promise<void> {
  const target = cell(page, name, column)
  await target.dblclick()
  const input = target.getByRole('textbox')
  await input.fill(text)
  await input.press('Enter')
}

/** Baseline… > Set baseline for the entire plan (the dialog's defaults: Baseline, entire plan). */
async function setBaseline(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Baseline…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Set baseline' })
  await expect(dialog.getByRole('combobox', { name: 'Baseline' })).toHaveValue('0')
  await dialog.getByRole('button', { name: 'Set baseline' }).click()
  await expect(dialog).toBeHidden()
}

test('setting a baseline, then slipping a task: the variance in the grid and the tracking bars in the Gantt', async ({ page, bridge }) => {
  await openPlan(page, bridge, twoTasks('p-baseline', 'Baseline plan'))
  await chooseTable(page, 'Variance')
  await expect(cell(page, 'Build', 'baselineFinish')).toHaveText('')
  await setBaseline(page)
  await expect(cell(page, 'Build', 'baselineStart')).toHaveText('2026-10-05')
  await expect(cell(page, 'Build', 'baselineFinish')).toHaveText('2026-10-09')
  await expect(cell(page, 'Test', 'baselineFinish')).toHaveText('2026-10-13')
  await expect(cell(page, 'Build', 'finishVariance')).toHaveText('0d')

  // The dialog says when the baseline was set; an undo step is named after it.
  await page.getByRole('button', { name: 'Baseline…' }).click()
  await expect(page.getByRole('table', { name: 'Baselines' }).getByRole('row', { name: /^Baseline set \d{4}-\d\d-\d\d \d\d:\d\d$/ })).toBeVisible()
  await page.getByRole('dialog', { name: 'Set baseline' }).getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('button', { name: 'Undo (Ctrl+Z)' })).toHaveAttribute('title', 'Undo Set baseline')

  // Build slips by two days: it and Test finish two working days after their baseline.
  await chooseTable(page, 'Entry')
  await typeCell(page, 'Build', 'duration', '7d')
  await expect(cell(page, 'Build', 'finish')).toHaveText('2026-10-13')
  await chooseTable(page, 'Variance')
  await expect(cell(page, 'Build', 'finishVariance')).toHaveText('+2d')
  await expect(cell(page, 'Build', 'startVariance')).toHaveText('0d')
  await expect(cell(page, 'Test', 'startVariance')).toHaveText('+2d')
  await expect(cell(page, 'Test', 'finishVariance')).toHaveText('+2d')
  await expect(cell(page, 'Test', 'baselineFinish')).toHaveText('2026-10-13')

  // The Tracking Gantt: the baseline under each bar, the slipped bars marked and their label saying by how much.
  const chart = page.getByTestId('ws-chart')
  await expect(chart.locator('[data-baseline-id]')).toHaveCount(0)
  await page.getByRole('button', { name: 'Tracking', exact: true }).click()
  const buildBar = chart.locator('[data-bar-id="1"]')
  const buildBaseline = chart.locator('[data-baseline-id="1"]')
  await expect(buildBaseline).toBeVisible()
  await expect(chart.locator('[data-baseline-id="2"]')).toBeVisible()
  await expect(buildBar).toHaveClass(/is-slipped/)
  await expect(buildBar).toHaveAttribute('aria-label', /baseline 2026-10-05 to 2026-10-09, finishes \+2d later than its baseline/)
  const bar = await buildBar.boundingBox()
  const line = await buildBaseline.boundingBox()
  if (bar === null || line === null) throw new Error('the bar and its baseline are drawn')
  // Same start, the bar reaching past its baseline, the baseline drawn under it.
  expect(Math.abs(bar.x - line.x)).toBeLessThan(2)
  expect(bar.x + bar.width).toBeGreaterThan(line.x + line.width + 5)
  expect(line.y).toBeGreaterThan(bar.y + bar.height - 2)
  await expect(buildBaseline).toHaveAttribute('title', 'Baseline: 2026-10-05 to 2026-10-09')

  // Undo the slip: on its baseline again.
  await page.getByRole('button', { name: 'Undo (Ctrl+Z)' }).click()
  await expect(buildBar).not.toHaveClass(/is-slipped/)
  await expect(cell(page, 'Build', 'finishVariance')).toHaveText('0d')
})

test('progress entered at a status date gives the earned value, SPI and CPI', async ({ page, bridge }) => {
  await openPlan(page, bridge, twoTasks('p-progress', 'Progress plan'))
  await setBaseline(page)

  // Status date: Friday 2026-10-09 (the end of that day's work), when Build should be done.
  await page.getByRole('tab', { name: 'Project settings' }).click()
  const statusDate = page.getByRole('textbox', { name: 'Status date' })
  await statusDate.fill('2026-10-20')
  await statusDate.press('Tab')
  await expect(messageLine(page)).toContainText('outside the plan')
  await expect(statusDate).toHaveValue('')
  await statusDate.fill('2026-10-09')
  await statusDate.press('Tab')
  await expect(statusDate).toHaveValue('2026-10-09 17:00')
  await page.getByRole('tab', { name: 'Gantt' }).click()
  await expect(page.getByTestId('status-date-line')).toHaveAttribute('aria-label', 'Status date, 2026-10-09')

  // Build is only 40 % done, and 20 hours of work went into it.
  await chooseTable(page, 'Tracking')
  await typeCell(page, 'Build', 'complete', '40')
  await expect(cell(page, 'Build', 'actualStart')).toHaveText('2026-10-05')
  await typeCell(page, 'Build', 'actualWork', '20h')
  await expect(cell(page, 'Build', 'actualWork')).toHaveText('20h')
  await expect(cell(page, 'Build', 'complete')).toHaveText('40%')
  await expect(cell(page, 'Build', 'actualCost')).toHaveText('1,000.00')

  // PV: Build's baseline cost (40 h × 50 = 2,000) was all due by Friday; Test's starts the Monday after.
  // EV = 2,000 × 40 % = 800; AC = 20 h × 50 = 1,000. SPI = 800 / 2,000 = 0.40, CPI = 800 / 1,000 = 0.80.
  await chooseTable(page, 'Earned value')
  await expect(cell(page, 'Build', 'bcws')).toHaveText('2,000.00')
  await expect(cell(page, 'Build', 'bcwp')).toHaveText('800.00')
  await expect(cell(page, 'Build', 'acwp')).toHaveText('1,000.00')
  await expect(cell(page, 'Build', 'spi')).toHaveText('0.40')
  await expect(cell(page, 'Build', 'cpi')).toHaveText('0.80')
  await expect(cell(page, 'Test', 'bcws')).toHaveText('0.00')

  await page.getByRole('tab', { name: 'Earned value' }).click()
  const figures = page.getByRole('definition')
  await expect(page.locator('[data-figure="pv"]')).toHaveText('2,000.00 USD')
  await expect(page.locator('[data-figure="ev"]')).toHaveText('800.00 USD')
  await expect(page.locator('[data-figure="ac"]')).toHaveText('1,000.00 USD')
  await expect(page.locator('[data-figure="spi"]')).toHaveText('0.40')
  await expect(page.locator('[data-figure="cpi"]')).toHaveText('0.80')
  // BAC 2,800; EAC = 1,000 + (2,800 − 800) / 0.8 = 3,500; VAC = −700.
  await expect(page.locator('[data-figure="eac"]')).toHaveText('3,500.00 USD')
  await expect(page.locator('[data-figure="vac"]')).toHaveText('-700.00 USD')
  expect(await figures.count()).toBeGreaterThan(10)
  const curve = page.getByRole('img', { name: /S-curve/ })
  await expect(curve).toBeVisible()
  await expect(page.getByTestId('s-curve-status-date')).toContainText('Status date 2026-10-09')
  await expect(curve.locator('desc')).toContainText('earned value 800.00 USD, actual cost 1,000.00 USD')
})

test('Mark on track marks progress as scheduled up to the status date, or up to now without one', async ({ page, bridge }) => {
  // Now is Wednesday 2026-10-07, noon: Build (Oct 5–9) is 2.5 of 5 days in.
  await page.clock.install({ time: new Date(2026, 9, 7, 12, 0, 0) })
  await openPlan(page, bridge, twoTasks('p-on-track', 'On-track plan'))
  await chooseTable(page, 'Tracking')
  await cell(page, 'Build', 'name').click()
  await page.keyboard.down('Shift')
  await cell(page, 'Test', 'name').click()
  await page.keyboard.up('Shift')
  await page.getByRole('button', { name: /^Mark on track/ }).click()
  await expect(cell(page, 'Build', 'complete')).toHaveText('50%')
  await expect(cell(page, 'Build', 'actualStart')).toHaveText('2026-10-05')
  await expect(cell(page, 'Test', 'complete')).toHaveText('0%')
  await page.keyboard.press('Control+Z')
  await expect(cell(page, 'Build', 'complete')).toHaveText('0%')

  // With a status date (Friday's end) that date wins: Build is done.
  await page.getByRole('tab', { name: 'Project settings' }).click()
  const statusDate = page.getByRole('textbox', { name: 'Status date' })
  await statusDate.fill('2026-10-09')
  await statusDate.press('Tab')
  await expect(statusDate).toHaveValue('2026-10-09 17:00')
  await page.getByRole('tab', { name: 'Gantt' }).click()
  await cell(page, 'Build', 'name').click()
  await page.getByRole('button', { name: /^Mark on track/ }).click()
  await expect(cell(page, 'Build', 'complete')).toHaveText('100%')
  await expect(cell(page, 'Build', 'actualFinish')).toHaveText('2026-10-09')
})
