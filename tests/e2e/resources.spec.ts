import type { Locator, Page } from '@playwright/test'
import { expect, test } from './support/bridge'
import { idbDump } from './support/idb'
import { cell, createPlan, grid, isoDay, messageLine as alert, row, waitSaved } from './support/workspace-grid'

test.describe.configure({ timeout: 180_000 })
test.use({ viewport: { width: 1600, height: 900 }, locale: 'en-US' })

/**
 * Resources end to end (built renderer, bridge harness):
 *   Design 3d  Ana      Mon 2026-..  -> both start at the project start, so Ana is booked 200 % on two days
 *   Build  2d  Ana
 * The warning appears (row markers, Over-allocations panel naming both tasks, red heat map cells); Level resources
 * moves Build after Design and the warning disappears; one undo brings everything back; redo and reload keep the
 * leveled plan. Bad units are refused with a message and nothing changes.
 */

function conflicts(page: Page): Locator {
  return page.getByRole('list', { name: 'Conflicts' }).getByRole('listitem').filter({ has: page.locator('.rs-conflict-head') })
}

async function addResource(page: Page, name: string, maxUnits = '100%'): Promise<void> {
  const form = page.getByRole('form', { name: 'Add a resource' })
  await form.getByLabel('Name').fill(name)
  await form.getByLabel('Max units').fill(maxUnits)
  await form.getByRole('button', { name: 'Add resource' }).click()
  await expect(page.getByRole('textbox', { name: `Name of ${name}` })).toHaveValue(name)
}

async function typeTasks(page: Page, tasks: { name: string; duration: string }[]): Promise<void> {
  await grid(page).focus()
  for (const task of tasks) {
    await page.keyboard.type(task.name)
    await page.keyboard.press('Tab')
    await page.keyboard.type(task.duration)
    await page.keyboard.press('Enter')
    await expect(row(page, task.name)).toHaveCount(1)
  }
}

async function typeCell(page: Page, name: string, column: string, text: string): Promise<void> {
  const target = cell(page, name, column)
  await target.dblclick()
  const input = target.getByRole('textbox')
  await input.fill(text)
  await input.press('Enter')
}

test('over-allocation is shown with both tasks, leveled, undone, redone and kept after a reload', async ({ page, bridge }) => {
  await createPlan(page, 'Team load')
  await bridge.menu(page, 'view/resources')
  await expect(page.getByRole('heading', { name: 'Resources', level: 2 })).toBeVisible()
  await addResource(page, 'Ana')
  await addResource(page, 'Ben', '50%')

  await page.getByRole('tab', { name: 'Gantt' }).click()
  await typeTasks(page, [
    { name: 'Design', duration: '3d' },
    { name: 'Build', duration: '2d' },
  ])
  await typeCell(page, 'Design', 'resources', 'Ana')
  await typeCell(page, 'Build', 'resources', 'Ana')
  await expect(cell(page, 'Build', 'resources')).toHaveText('Ana')

  // The warning: a marker on both rows that names the resource, the peak and both tasks.
  for (const name of ['Design', 'Build']) {
    const marker = row(page, name).getByRole('img', { name: /^Over-allocated: Ana is over-allocated/ })
    await expect(marker).toBeVisible()
    await expect(marker).toHaveAttribute('aria-label', /peak units 200 %, busiest day 200 %\) on Design, Build$/)
  }
  const buildStart = await cell(page, 'Build', 'start').innerText()
  const designFinish = await cell(page, 'Design', 'finish').innerText()

  // Resource usage: the panel lists the conflict with both tasks, the heat map shows red cells.
  await page.getByRole('button', { name: 'Resource usage' }).click()
  await expect(page.getByRole('heading', { name: 'Resource usage' })).toBeVisible()
  await expect(conflicts(page)).toHaveCount(1)
  const conflict = conflicts(page).first()
  await expect(conflict).toContainText('Ana')
  await expect(conflict).toContainText('peak units 200 %, busiest day 200 %')
  await expect(conflict.getByRole('button', { name: 'Select task Design' })).toBeVisible()
  await expect(conflict.getByRole('button', { name: 'Select task Build' })).toBeVisible()
  // Red where the shown figure is over 100 %, marked where a longer period holds an over-allocated day.
  await expect(page.locator('tr[data-resource-id] .rs-heat-cell:is(.is-over, .has-over-day)').first()).toBeVisible()
  await expect(page.getByRole('img', { name: 'Histogram of assigned work against capacity for Ana' })).toBeVisible()
  await expect(page.getByTestId('capacity-line')).toHaveAttribute('d', /^M/)

  // A link selects the task in the Gantt view.
  await conflict.getByRole('button', { name: 'Select task Build' }).click()
  await expect(grid(page)).toBeVisible()
  await expect(row(page, 'Build')).toHaveAttribute('aria-selected', 'true')

  // Level: the warning disappears and Build moves after Design.
  await bridge.menu(page, 'view/usage')
  await page.getByRole('button', { name: 'Level resources…' }).click()
  await page.getByRole('form', { name: 'Level resources' }).getByRole('button', { name: 'Level', exact: true }).click()
  const summary = page.getByRole('status', { name: 'Leveling summary' })
  await expect(summary).toContainText('1 task moved')
  await expect(summary).toContainText('over-allocations 1 → 0')
  await expect(summary).toContainText('Build')
  await expect(page.getByTestId('no-overallocations')).toBeVisible()
  await page.getByRole('tab', { name: 'Gantt' }).click()
  await expect(page.getByTestId('overallocation-marker')).toHaveCount(0)
  const leveledStart = await cell(page, 'Build', 'start').innerText()
  expect(isoDay(leveledStart) > isoDay(designFinish)).toBe(true)

  // One undo brings everything back.
  await page.getByRole('button', { name: 'Undo (Ctrl+Z)' }).click()
  await expect(cell(page, 'Build', 'start')).toHaveText(buildStart)
  await expect(page.getByTestId('overallocation-marker')).toHaveCount(2)
  await page.getByRole('button', { name: 'Redo (Ctrl+Y)' }).click()
  await expect(cell(page, 'Build', 'start')).toHaveText(leveledStart)

  // Reload: resources, assignments and the leveled dates are kept.
  await waitSaved(page, '"levelingDelay":')
  await expect.poll(async () => /"levelingDelay":[1-9]/.test(await idbDump(page)), { timeout: 10_000 }).toBe(true)
  await page.reload()
  await page.getByRole('button', { name: 'Open Team load' }).click()
  await expect(cell(page, 'Build', 'start')).toHaveText(leveledStart)
  await expect(cell(page, 'Design', 'resources')).toHaveText('Ana')
  await expect(cell(page, 'Build', 'resources')).toHaveText('Ana')
  await expect(page.getByTestId('overallocation-marker')).toHaveCount(0)
  await page.getByRole('button', { name: 'Resources', exact: true }).first().click()
  await expect(page.getByRole('textbox', { name: 'Max units of Ben' })).toHaveValue('50%')

  // Removing an assigned resource asks first, removes its assignments too, and one undo brings both back.
  await page.getByRole('button', { name: 'Remove Ana' }).click()
  const dialog = page.getByRole('dialog', { name: 'Remove Ana?' })
  await expect(dialog).toContainText('assigned to 2 tasks')
  await dialog.getByRole('button', { name: 'Remove resource and assignments' }).click()
  await expect(page.getByRole('textbox', { name: 'Name of Ana' })).toHaveCount(0)
  await page.getByRole('tab', { name: 'Gantt' }).click()
  await expect(cell(page, 'Design', 'resources')).toHaveText('')
  await expect(cell(page, 'Build', 'resources')).toHaveText('')
  await page.getByRole('button', { name: 'Undo (Ctrl+Z)' }).click()
  await expect(cell(page, 'Design', 'resources')).toHaveText('Ana')
  await expect(cell(page, 'Build', 'resources')).toHaveText('Ana')
})

test('bad units are refused with a message and nothing changes', async ({ page, bridge }) => {
  await createPlan(page, 'Units')
  await bridge.menu(page, 'view/resources')
  await addResource(page, 'Ana')
  await page.getByRole('tab', { name: 'Gantt' }).click()
  await typeTasks(page, [{ name: 'Design', duration: '3d' }])
  await waitSaved(page, '"name":"Design"')
  // The duration is typed after the name, and stored right after the frame that shows it.
  await waitSaved(page, '"duration":1440')
  const stored = await idbDump(page)

  // In the grid's Resources column.
  for (const [text, message] of [
    ['Ana[0%]', /more than 0 %/],
    ['Ana[-50%]', /more than 0 %/],
    ['Ana[lots]', /number of percent/],
    ['Ana[1500%]', /at most 1000 %/],
  ] as const) {
    await typeCell(page, 'Design', 'resources', text)
    await expect(alert(page)).toHaveText(message)
    await expect(cell(page, 'Design', 'resources')).toHaveText('')
  }

  // In the task details (shown on demand).
  await cell(page, 'Design', 'name').click()
  await page.getByRole('button', { name: 'Details', exact: true }).click()
  const details = page.getByRole('group', { name: 'Resources' })
  for (const [units, message] of [
    ['0', /more than 0 %/],
    ['-10%', /more than 0 %/],
    ['abc', /number of percent/],
    ['1001%', /at most 1000 %/],
  ] as const) {
    await details.getByRole('combobox').selectOption({ label: 'Ana' })
    await details.getByRole('textbox', { name: 'Units' }).fill(units)
    await details.getByRole('button', { name: 'Assign' }).click()
    await expect(alert(page)).toHaveText(message)
    await expect(details.getByText('No one is assigned.')).toBeVisible()
  }

  // In the resource sheet.
  await bridge.menu(page, 'view/resources')
  const maxUnits = page.getByRole('textbox', { name: 'Max units of Ana' })
  for (const [units, message] of [
    ['0', /more than 0 %/],
    ['-100', /more than 0 %/],
    ['half', /number of percent/],
    ['5000%', /at most 1000 %/],
  ] as const) {
    await maxUnits.fill(units)
    await maxUnits.press('Enter')
    await expect(alert(page)).toHaveText(message)
    await expect(maxUnits).toHaveValue('100%')
  }

  // Nothing reached storage.
  await page.waitForTimeout(300)
  expect(await idbDump(page)).toBe(stored)

  // A good value is accepted.
  await page.getByRole('tab', { name: 'Gantt' }).click()
  await typeCell(page, 'Design', 'resources', 'Ana[50%]')
  await expect(cell(page, 'Design', 'resources')).toHaveText('Ana[50%]')
})
