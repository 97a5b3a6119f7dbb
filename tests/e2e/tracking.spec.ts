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
test.use({ viewport: { width: 1600, height: 900 } })

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
