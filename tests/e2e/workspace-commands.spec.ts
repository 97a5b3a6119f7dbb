import type { Page } from '@playwright/test'
import { expect, test } from './support/bridge'
import { idbDump } from './support/idb'
import { cell, createPlan, grid, messageLine, row } from './support/workspace-grid'

test.describe.configure({ timeout: 120_000 })
test.use({ viewport: { width: 1600, height: 900 }, locale: 'en-US' })

/**
 * Edits are commands of one registry and keys come from one table: the keyboard-shortcuts Help lists that table
 * (F1, the navigation, Help > Keyboard Shortcuts); the desktop Task menu runs the same commands as the keys; an
 * action on several tasks is one undo step; and what the .gantry file would refuse is refused when it is typed,
 * with nothing stored.
 *
 *   1 Order kit   2 Install kit   3 Test kit
 */

async function threeTasks(page: Page, name: string): Promise<void> {
  await createPlan(page, name)
  await grid(page).focus()
  for (const task of ['Order kit', 'Install kit', 'Test kit']) {
    await page.keyboard.press('Enter')
    await page.keyboard.type(task)
    await page.keyboard.press('Enter')
  }
  await expect(row(page, 'Test kit')).toHaveCount(1)
}

test('the keyboard shortcuts Help lists the key table and opens with F1, from the navigation and from the Help menu', async ({ page, bridge }) => {
  await threeTasks(page, 'Shortcuts')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await page.keyboard.press('F1')
  await expect(help).toBeVisible()
  const grid = help.getByRole('table', { name: 'Task grid' })
  await expect(grid.getByRole('row', { name: /^Alt\+Shift\+Right\s+Indent/ })).toBeVisible()
  await expect(grid.getByRole('row', { name: /^Tab\s+Next cell/ })).toBeVisible()
  await expect(grid.getByRole('row', { name: /Ctrl\+F2\s+Link tasks/ })).toBeVisible()
  await expect(help.getByRole('table', { name: 'Gantt chart' }).getByRole('row', { name: /^Right\s+Move the task one working day later/ })).toBeVisible()
  await help.getByRole('button', { name: 'Close' }).click()
  await expect(help).toHaveCount(0)

  await page.getByRole('button', { name: 'Keyboard shortcuts (F1)' }).click()
  await expect(help).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(help).toHaveCount(0)

  await bridge.menu(page, 'help/shortcuts')
  await expect(help).toBeVisible()
})

test('the Task menu runs the commands the keys run, on the selection; Link on three tasks is one undo step', async ({ page, bridge }) => {
  await threeTasks(page, 'Task menu')
  await cell(page, 'Install kit', 'name').click()
  await bridge.menu(page, 'task/indent')
  await expect(row(page, 'Install kit')).toHaveAttribute('aria-level', '2')
  await bridge.menu(page, 'task/outdent')
  await expect(row(page, 'Install kit')).toHaveAttribute('aria-level', '1')

  await cell(page, 'Order kit', 'name').click()
  await cell(page, 'Install kit', 'name').click({ modifiers: ['Control'] })
  await cell(page, 'Test kit', 'name').click({ modifiers: ['Control'] })
  await page.getByRole('toolbar', { name: 'Plan editing' }).getByRole('button', { name: 'Link selected tasks finish-to-start' }).click()
  await expect(cell(page, 'Install kit', 'predecessors')).toHaveText('1')
  await expect(cell(page, 'Test kit', 'predecessors')).toHaveText('2')
  const undo = page.getByRole('toolbar', { name: 'Plan editing' }).getByRole('button', { name: 'Undo (Ctrl+Z)' })
  await expect(undo).toHaveAttribute('title', 'Undo Link tasks')
  await undo.click()
  await expect(cell(page, 'Install kit', 'predecessors')).toHaveText('')
  await expect(cell(page, 'Test kit', 'predecessors')).toHaveText('')

  // Ctrl+F2 links the selection too (Microsoft Project's key); Ctrl+Shift+F2 unlinks it.
  await grid(page).focus()
  await page.keyboard.press('Control+F2')
  await expect(cell(page, 'Test kit', 'predecessors')).toHaveText('2')
  await page.keyboard.press('Control+Shift+F2')
  await expect(cell(page, 'Test kit', 'predecessors')).toHaveText('')
})

test('what the plan file cannot hold is refused when it is typed, and nothing is stored', async ({ page, bridge: _bridge }) => {
  await threeTasks(page, 'Limits')
  const alert = messageLine(page)
  // An edit is stored right after the frame that shows it: wait for the last one before taking the reference.
  await expect.poll(async () => (await idbDump(page)).includes('Test kit')).toBe(true)
  const before = await idbDump(page)

  const predecessors = cell(page, 'Install kit', 'predecessors')
  await predecessors.dblclick()
  await predecessors.getByRole('textbox').fill('1FS+99999999999%')
  await predecessors.getByRole('textbox').press('Enter')
  await expect(alert).toHaveText(/The lag must be at most 1,000,000,000\. Nothing was changed\./)
  await expect(predecessors).toHaveText('')

  await cell(page, 'Install kit', 'name').click()
  await page.getByRole('button', { name: 'Details', exact: true }).click()
  const details = page.getByRole('region', { name: 'Task details' })
  const name = details.getByLabel('Name', { exact: true })
  const long = 'x'.repeat(1001)
  await name.fill(long)
  await details.getByLabel('Notes').click()
  await expect(alert).toHaveText(/^A task name can have at most 1000 characters. Nothing was changed./)
  // What was typed stays in the field, so it is not lost; the plan keeps the old name.
  await expect(name).toHaveValue(long)
  await expect(row(page, 'Install kit')).toHaveCount(1)

  const priority = details.getByLabel('Priority')
  await priority.fill('2.5')
  await details.getByLabel('Notes').click()
  await expect(alert).toHaveText(/^Priority must be a whole number from 0 to 1000. Nothing was changed./)
  await expect(priority).toHaveValue('500')

  expect(await idbDump(page)).toEqual(before)
})
