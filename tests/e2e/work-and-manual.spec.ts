import { writeFile } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import { planFileSerialize } from '../../src/shared/formats/plan-file'
import { expect, test, type Bridge } from './support/bridge'
import { cell, messageLine, row } from './support/workspace-grid'

/**
 * Issue 14 end to end (built renderer, bridge harness), on plans opened from a file that starts Monday 2026-10-05
 * (standard calendar, 08:00-12:00 and 13:00-17:00 on weekdays):
 * - a vacation of the person on a task stretches the task, and the bar's tooltip and the details name it;
 * - a manually scheduled task stays put while its predecessor slips, and its broken link is marked (with which
 *   link and by how much); Respect links moves it;
 * - a task type change: at Fixed Work, doubling the units halves the duration and the work stays.
 *
 * October 2026:      Mo Tu We Th Fr Sa Su
 *                     5  6  7  8  9 10 11
 *                    12 13 14 15 16 17 18
 */

test.describe.configure({ timeout: 180_000 })
// Swedish dates are ISO dates (2026-10-09), which these tests compare with.
test.use({ viewport: { width: 1600, height: 900 }, locale: 'sv-SE' })

async function openPlan(page: Page, bridge: Bridge, plan: Plan): Promise<void> {
  const file = bridge.path(`${plan.id}.gantry`)
  await writeFile(file, planFileSerialize(plan))
  await page.goto('index.html')
  bridge.dialog.queueOpen(file)
  await page.getByRole('button', { name: 'Open file…' }).click()
  await expect(page.getByRole('heading', { level: 1, name: plan.name })).toBeVisible()
}

function october(id: string, name: string, overrides: Partial<Plan>): Plan {
  return makePlan(id, name, '2026-10-05T08:00:00', '2026-10-01T10:00:00', overrides)
}

async function typeCell(page: Page, name: string, column: string, text: string): Promise<void> {
  const target = cell(page, name, column)
  await target.dblclick()
  const input = target.getByRole('textbox')
  await input.fill(text)
  await input.press('Enter')
}

function details(page: Page): Locator {
  return page.getByRole('region', { name: 'Task details' })
}

/** Selects the task's row and shows its details (opening the details panel when it is hidden). */
async function showDetails(page: Page, name: string): Promise<Locator> {
  await cell(page, name, 'id').click()
  const scheduling = details(page).getByRole('group', { name: 'Scheduling' })
  if (!(await scheduling.isVisible())) await page.getByRole('button', { name: /^(Show details|Details)$/ }).click()
  await expect(scheduling).toBeVisible()
  return details(page)
}

test("a person's vacation stretches the task, and the tooltip and the details name it", async ({ page, bridge }) => {
  await openPlan(
    page,
    bridge,
    october('p-vacation', 'Vacation plan', {
      tasks: [makeTask(1, { name: 'Build', duration: 5 * 480 })],
      resources: [{ id: 1, name: 'Ana', role: '', initials: 'A', email: '', maxUnits: 100, type: 'work', materialLabel: '', standardRate: 0, standardRateUnit: 'h', overtimeRate: 0, overtimeRateUnit: 'h', costPerUse: 0, costAccrual: 'prorated', nonWorkingDays: [], calendarId: null }],
    }),
  )
  await typeCell(page, 'Build', 'resources', 'Ana')
  await expect(cell(page, 'Build', 'resources')).toHaveText('Ana')
  await expect(cell(page, 'Build', 'finish')).toHaveText('2026-10-09')

  // Ana is away Wednesday and Thursday: her 40 hours run to Tuesday of the next week.
  await page.getByRole('tab', { name: 'Resources' }).click()
  const vacations = page.getByRole('textbox', { name: 'Vacations of Ana' })
  await vacations.fill('2026-10-07..2026-10-08')
  await vacations.press('Enter')
  await page.getByRole('tab', { name: 'Gantt' }).click()
  await expect(cell(page, 'Build', 'finish')).toHaveText('2026-10-13')
  await expect(cell(page, 'Build', 'duration')).toHaveText('5d')

  const why = "Ana's vacation (2026-10-07 to 2026-10-08) stretched it by 2 days."
  await page.locator('[data-bar-id="1"]').hover()
  await expect(page.getByRole('tooltip')).toContainText(why)
  await expect(page.getByRole('tooltip')).toContainText('Work: 40h')
  await page.mouse.move(5, 5)
  const panel = await showDetails(page, 'Build')
  await expect(panel.getByRole('list', { name: 'Why it takes longer' })).toHaveText(why)
  // The name's tooltip says it too.
  await cell(page, 'Build', 'name').hover()
  await expect(cell(page, 'Build', 'name')).toHaveAttribute('title', `Build\n${why}`)

  // Ignoring the resource calendars puts the task back on the plan's week.
  await panel.getByLabel('Scheduling ignores resource calendars').check()
  await expect(cell(page, 'Build', 'finish')).toHaveText('2026-10-09')
  await expect(panel.getByRole('list', { name: 'Why it takes longer' })).toHaveCount(0)
})

test('a manual task stays put while its predecessor slips; the broken link is marked and Respect links moves it', async ({ page, bridge }) => {
  await openPlan(
    page,
    bridge,
    october('p-manual', 'Manual plan', {
      tasks: [makeTask(1, { name: 'Design', duration: 3 * 480 }), makeTask(2, { name: 'Build', duration: 2 * 480 })],
      dependencies: [{ id: 1, predecessorId: 1, successorId: 2, type: 'FS', lag: 0, lagUnit: 'd' }],
    }),
  )
  await expect(cell(page, 'Build', 'start')).toHaveText('2026-10-08')
  await expect(cell(page, 'Build', 'mode')).toHaveText('Auto')

  // The Mode cell is a toggle: Build keeps the dates it has.
  await cell(page, 'Build', 'mode').getByRole('button').click()
  await expect(cell(page, 'Build', 'mode')).toHaveText('Manual')
  await expect(page.locator('[data-bar-id="2"]')).toHaveClass(/is-manual/)
  await expect(page.locator('[data-bar-id="2"]')).toHaveAttribute('aria-label', 'Manually scheduled Build: 2026-10-08 to 2026-10-09')
  await expect(row(page, 'Build').getByTestId('link-violation-marker')).toHaveCount(0)

  // Design slips by two days; Build does not move, and says why it is marked.
  await typeCell(page, 'Design', 'duration', '5d')
  await expect(cell(page, 'Design', 'finish')).toHaveText('2026-10-09')
  await expect(cell(page, 'Build', 'start')).toHaveText('2026-10-08')
  await expect(cell(page, 'Build', 'finish')).toHaveText('2026-10-09')
  const why = 'The finish-to-start link from 1 "Design" is not met: this task starts 2 days too early. Respect links moves it.'
  await expect(row(page, 'Build').getByTestId('link-violation-marker')).toHaveAttribute('aria-label', `Link not met: ${why}`)
  await expect(cell(page, 'Build', 'start')).toHaveClass(/has-violation/)
  await cell(page, 'Build', 'start').hover()
  await expect(cell(page, 'Build', 'start')).toHaveAttribute('title', why)
  await page.locator('[data-bar-id="2"]').hover()
  await expect(page.getByRole('tooltip')).toContainText(why)
  await page.mouse.move(5, 5)

  // Typing a finish before its start is refused, and nothing changes.
  await typeCell(page, 'Build', 'finish', '2026-10-06')
  await expect(messageLine(page)).toContainText('"Build" cannot finish (2026-10-06 17:00) before it starts (2026-10-08 08:00). Nothing was changed.')
  // The refused text stays in the cell to be corrected; Escape gives it up.
  await page.keyboard.press('Escape')
  await expect(cell(page, 'Build', 'finish')).toHaveText('2026-10-09')

  // Respect links (on the selection) moves it after Design, once; it stays manual.
  await cell(page, 'Build', 'id').click()
  await page.getByRole('toolbar', { name: 'Plan editing' }).getByRole('button', { name: /^Respect links/ }).click()
  await expect(cell(page, 'Build', 'start')).toHaveText('2026-10-12')
  await expect(cell(page, 'Build', 'finish')).toHaveText('2026-10-13')
  await expect(cell(page, 'Build', 'mode')).toHaveText('Manual')
  await expect(row(page, 'Build').getByTestId('link-violation-marker')).toHaveCount(0)
  await page.getByRole('button', { name: 'Undo (Ctrl+Z)' }).click()
  await expect(cell(page, 'Build', 'start')).toHaveText('2026-10-08')
  await expect(row(page, 'Build').getByTestId('link-violation-marker')).toHaveCount(1)
})

test('a task type change: at Fixed Work, doubling the units halves the duration and keeps the work', async ({ page, bridge }) => {
  await openPlan(
    page,
    bridge,
    october('p-types', 'Task types', {
      tasks: [makeTask(1, { name: 'Build', duration: 4 * 480 })],
      resources: [{ id: 1, name: 'Ana', role: '', initials: 'A', email: '', maxUnits: 200, type: 'work', materialLabel: '', standardRate: 0, standardRateUnit: 'h', overtimeRate: 0, overtimeRateUnit: 'h', costPerUse: 0, costAccrual: 'prorated', nonWorkingDays: [], calendarId: null }],
    }),
  )
  await typeCell(page, 'Build', 'resources', 'Ana')
  const panel = await showDetails(page, 'Build')
  const scheduling = panel.getByRole('group', { name: 'Scheduling' })
  await expect(scheduling.getByLabel('Work', { exact: true })).toHaveValue('32h')

  await scheduling.getByLabel('Task type').selectOption({ label: 'Fixed Work' })
  await expect(scheduling.getByLabel('Effort driven')).toBeChecked()
  await expect(scheduling.getByLabel('Effort driven')).toBeDisabled()
  await panel.getByLabel('Units of Ana').fill('200%')
  await panel.getByLabel('Units of Ana').press('Enter')
  await expect(cell(page, 'Build', 'duration')).toHaveText('2d')
  await expect(cell(page, 'Build', 'finish')).toHaveText('2026-10-06')
  await expect(scheduling.getByLabel('Work', { exact: true })).toHaveValue('32h')
  await expect(panel.getByLabel('Work of Ana')).toHaveValue('32h')

  // The Type column (from the Columns menu) shows it, and typing into it changes it back.
  await page.getByRole('button', { name: 'Columns…' }).click()
  await page.getByRole('group', { name: 'Shown columns' }).getByLabel('Type', { exact: true }).check()
  await page.getByRole('group', { name: 'Shown columns' }).getByLabel('Work', { exact: true }).check()
  await page.getByRole('button', { name: 'Columns…' }).click()
  await expect(cell(page, 'Build', 'type')).toHaveText('Fixed Work')
  await expect(cell(page, 'Build', 'work')).toHaveText('32h')
  await typeCell(page, 'Build', 'type', 'Fixed Units')
  await expect(cell(page, 'Build', 'type')).toHaveText('Fixed Units')
  // Fixed Units: more work makes it longer (Ana stays at 200 %).
  await typeCell(page, 'Build', 'work', '64h')
  await expect(cell(page, 'Build', 'duration')).toHaveText('4d')

  // Negative work and absurd units are refused with a message; nothing changes.
  await typeCell(page, 'Build', 'work', '-8h')
  await expect(messageLine(page)).toContainText('Work cannot be negative (-8 h). Nothing was changed.')
  await expect(cell(page, 'Build', 'work')).toHaveText('64h')
  await panel.getByLabel('Units of Ana').fill('5000%')
  await panel.getByLabel('Units of Ana').press('Enter')
  await expect(messageLine(page)).toContainText('at most 1000 %')
  await expect(panel.getByLabel('Units of Ana')).toHaveValue('200%')
  await expect(cell(page, 'Build', 'duration')).toHaveText('4d')
})
