import { readFile } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { planFileParse } from '../../src/shared/formats/plan-file'
import { expect, test } from './support/bridge'
import { idbDump } from './support/idb'
import { createPlan, grid, row, waitSaved } from './support/workspace-grid'

test.describe.configure({ timeout: 120_000 })
test.use({ viewport: { width: 1600, height: 900 } })

/**
 * The RAID log as a user keeps it: risks, issues, assumptions and outside dependencies added from the RAID tab,
 * linked to tasks and milestones, refused when a score or a date is impossible (the field says why, nothing is
 * stored), edited field by field with undo, a risk turned into an issue, filters, sorting, keys, the matrix, and the
 * log in the saved .gantry file and the Excel export.
 *
 *   1 Build   2 Code   3 Launch (milestone)
 */

async function planWithTasks(page: Page, name: string): Promise<void> {
  await createPlan(page, name)
  await grid(page).focus()
  for (const task of ['Build', 'Code', 'Launch']) {
    await page.keyboard.press('Enter')
    await page.keyboard.type(task)
    await page.keyboard.press('Enter')
  }
  await expect(row(page, 'Launch')).toHaveCount(1)
  await row(page, 'Launch').locator('.ws-col-duration').dblclick()
  await page.keyboard.press('Control+A')
  await page.keyboard.type('0')
  await page.keyboard.press('Enter')
  await expect(row(page, 'Launch')).toHaveCount(1)
}

function raidTable(page: Page): Locator {
  return page.getByRole('table', { name: 'RAID items' })
}

function raidRow(page: Page, code: string): Locator {
  return raidTable(page)
    .locator('tbody tr')
    .filter({ has: page.locator('.raid-code', { hasText: new RegExp(`^${code}$`) }) })
}

function form(page: Page, name: string | RegExp): Locator {
  return page.getByRole('form', { name })
}

test('add a risk linked to a task: an impossible score or date is refused with the reason and stores nothing; undo and redo', async ({
  page,
  bridge,
}) => {
  await planWithTasks(page, 'Risky plan')
  await bridge.menu(page, 'view/raid')
  await expect(page.getByRole('tab', { name: 'RAID log', selected: true })).toBeVisible()
  await expect(page.getByText('The RAID log is empty.')).toBeVisible()

  await page.getByRole('button', { name: 'Add risk' }).click()
  const newRisk = form(page, 'New risk')
  await expect(newRisk.getByLabel('Title')).toBeFocused()
  await newRisk.getByLabel('Title').fill('Supplier delivers late')
  await newRisk.getByLabel('Owner').fill('Ana')
  await newRisk.getByLabel('Probability (1–5)').fill('7')
  await newRisk.getByLabel('Impact (1–5)').fill('5')
  await newRisk.getByRole('button', { name: 'Add risk' }).click()
  const alert = newRisk.getByRole('alert')
  await expect(alert).toHaveText(
    'Probability is rated from 1 (very unlikely) to 5 (almost certain) in whole steps; "7" is not a rating.',
  )
  await expect(newRisk.getByLabel('Probability (1–5)')).toHaveAttribute('aria-invalid', 'true')
  await expect(newRisk.getByLabel('Probability (1–5)')).toBeFocused()
  await expect(page.getByText('The RAID log is empty.')).toBeVisible()

  await newRisk.getByLabel('Probability (1–5)').fill('4')
  await newRisk.getByLabel('Due date').fill('2026-02-30')
  await newRisk.getByRole('button', { name: 'Add risk' }).click()
  await expect(alert).toHaveText('Due date: 2026-02-30 is not a real day: February 2026 has 28 days.')
  await expect(newRisk.getByLabel('Due date')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('The RAID log is empty.')).toBeVisible()
  // What was typed is still there.
  await expect(newRisk.getByLabel('Title')).toHaveValue('Supplier delivers late')

  // Switching tabs keeps the half-written risk.
  await page.getByRole('tab', { name: 'Gantt' }).click()
  await page.getByRole('tab', { name: 'RAID log' }).click()
  await expect(form(page, 'New risk').getByLabel('Due date')).toHaveValue('2026-02-30')

  await newRisk.getByLabel('Due date').fill('2020-01-06')
  await newRisk.getByLabel('Link a task or milestone').selectOption({ label: '2 Code' })
  await newRisk.getByLabel('Link a task or milestone').selectOption({ label: '3 ◆ Launch' })
  await newRisk.getByLabel('Mitigation').fill('Second supplier on standby')
  await newRisk.getByRole('button', { name: 'Add risk' }).click()

  const r1 = raidRow(page, 'R1')
  await expect(r1).toContainText('Supplier delivers late')
  await expect(r1).toContainText('20 (4×5)')
  await expect(r1).toContainText('6 Jan 2020')
  await expect(r1).toContainText(/overdue \d+ days/)
  await expect(r1).toContainText('Code, ◆ Launch')
  await expect(r1).toBeFocused()
  await expect(page.getByText('1 open risk')).toBeVisible()
  await expect(
    page.getByRole('button', {
      name: /Probability 4 \(likely\), impact 5 \(very high\), score 20: 1 open risk$/,
    }),
  ).toHaveText('1')

  // Undo (the workspace's Ctrl+Z, outside a text field) takes the whole risk back; Redo brings it again.
  await page.getByRole('button', { name: 'Undo (Ctrl+Z)' }).click()
  await expect(page.getByText('The RAID log is empty.')).toBeVisible()
  await page.getByRole('button', { name: 'Redo (Ctrl+Y)' }).click()
  await expect(raidRow(page, 'R1')).toHaveCount(1)

  // The task details in the Gantt list the risks of a task.
  await page.getByRole('tab', { name: 'Gantt' }).click()
  await row(page, 'Code').locator('.ws-col-name').click()
  // The details open on demand (toolbar Details, Shift+F2).
  await page.getByRole('button', { name: 'Details', exact: true }).click()
  const details = page.getByRole('region', { name: 'RAID items of this task' })
  await expect(details).toContainText('R1 Supplier delivers late')
  await details.getByRole('button', { name: 'R1 Supplier delivers late' }).click()
  await expect(form(page, 'R1 risk').getByLabel('Title')).toHaveValue('Supplier delivers late')

  // The log is stored with the plan: it is there after a reload.
  await waitSaved(page, 'Second supplier on standby')
  await page.reload()
  await page
    .getByRole('table', { name: 'Stored plans' })
    .getByRole('button', { name: 'Risky plan', exact: true })
    .click()
  await page.getByRole('tab', { name: 'RAID log' }).click()
  await expect(raidRow(page, 'R1')).toContainText('Supplier delivers late')
  await expect(raidRow(page, 'R1')).toContainText('Code, ◆ Launch')
})

test('edit field by field, turn a risk into an issue, filter, sort and use the keys; the log is saved and exported', async ({
  page,
  bridge,
}) => {
  await planWithTasks(page, 'Log review')
  await page.getByRole('tab', { name: 'RAID log' }).click()
  const add = async (kind: string, fields: Record<string, string>) => {
    await page.getByRole('button', { name: `Add ${kind}`, exact: true }).click()
    const draft = form(page, `New ${kind}`)
    for (const [label, value] of Object.entries(fields))
      await draft.getByLabel(label, { exact: true }).fill(value)
    await draft.getByRole('button', { name: `Add ${kind}` }).click()
    await expect(draft).toHaveCount(0)
  }
  await add('risk', {
    Title: 'Key engineer leaves',
    Owner: 'Ben',
    'Probability (1–5)': '2',
    'Impact (1–5)': '4',
    'Due date': '2099-05-01',
  })
  await add('assumption', { Title: 'Test lab available in June', Owner: 'Cy', 'Check by': '2099-06-01' })
  await add('issue', { Title: 'Build server down', Owner: 'Ben', 'Due date': '2020-03-02' })
  await add('dependency', {
    Title: 'Production certificates',
    'Who delivers it': 'Security team',
    'Needed by': '2099-04-01',
  })
  await expect(raidTable(page).locator('tbody tr')).toHaveCount(4)

  // A field commits when it loses focus; an impossible value is refused there and changes nothing.
  await raidRow(page, 'R1').click()
  const r1 = form(page, 'R1 risk')
  await waitSaved(page, 'Production certificates')
  const stored = await idbDump(page)
  await r1.getByLabel('Impact (1–5)').fill('9')
  await r1.getByLabel('Impact (1–5)').press('Tab')
  await expect(r1.getByRole('alert')).toHaveText(
    'Impact is rated from 1 (very low) to 5 (very high) in whole steps; "9" is not a rating.',
  )
  await expect(raidRow(page, 'R1')).toContainText('8 (2×4)')
  await expect(r1.getByLabel('Impact (1–5)')).toHaveValue('9')
  await r1.getByLabel('Due date').fill('2099-02-29')
  await r1.getByLabel('Due date').press('Enter')
  await expect(r1.getByRole('alert')).toHaveText(
    'Due date: 2099-02-29 is not a real day: February 2099 has 28 days.',
  )
  // Nothing stored changed, and the refused text stays where it was typed.
  expect(await idbDump(page)).toEqual(stored)
  await expect(r1.getByLabel('Impact (1–5)')).toHaveValue('9')
  await r1.getByLabel('Due date').fill('2099-05-01')
  await r1.getByLabel('Due date').press('Enter')
  await r1.getByLabel('Impact (1–5)').fill('5')
  await r1.getByLabel('Impact (1–5)').press('Enter')
  await expect(r1.getByRole('alert')).toHaveCount(0)
  await expect(raidRow(page, 'R1')).toContainText('10 (2×5)')
  await expect(page.getByRole('button', { name: 'Undo (Ctrl+Z)' })).toHaveAttribute(
    'title',
    'Undo Edit RAID item',
  )

  // The risk happens: it becomes an issue with a priority from its score, and the two point at each other.
  await r1.getByRole('button', { name: 'Turn into issue' }).click()
  const i5 = form(page, 'I5 issue')
  await expect(i5.getByLabel('Priority')).toHaveValue('high')
  await expect(i5.getByText('Came from risk')).toBeVisible()
  // The occurred risk is no longer open, so the open-items view shows the issue and hides the risk.
  await expect(raidRow(page, 'R1')).toHaveCount(0)
  await expect(raidRow(page, 'I5')).toHaveCount(1)
  await i5.getByRole('button', { name: 'R1 Key engineer leaves' }).click()
  await expect(form(page, 'R1 risk').getByLabel('Status')).toHaveValue('occurred')
  await expect(form(page, 'R1 risk').getByRole('button', { name: 'Turn into issue' })).toBeDisabled()

  // Filters and sorting.
  const filters = page.getByRole('search', { name: 'Filter the RAID log' })
  await filters.getByLabel('Show').selectOption('open')
  await filters.getByLabel('Type').selectOption('dependency')
  await expect(raidTable(page).locator('tbody tr')).toHaveCount(1)
  await expect(raidRow(page, 'D4')).toContainText('Production certificates')
  await filters.getByLabel('Type').selectOption('')
  await filters.getByLabel('Overdue only').check()
  await expect(raidTable(page).locator('tbody tr .raid-code')).toHaveText(['I3'])
  await filters.getByLabel('Overdue only').uncheck()
  await filters.getByLabel('Owner').selectOption('Ben')
  await expect(raidTable(page).locator('tbody tr .raid-code')).toHaveText(['I5', 'I3'])
  await page.getByRole('button', { name: 'Show everything' }).click()
  await raidTable(page)
    .getByRole('button', { name: /Due \/ needed by/ })
    .click()
  await expect(raidTable(page).getByRole('columnheader', { name: /Due \/ needed by/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  )
  await expect(raidTable(page).locator('tbody tr .raid-code')).toHaveText(['I3', 'D4', 'R1', 'I5', 'A2'])
  await raidTable(page)
    .getByRole('button', { name: /Due \/ needed by/ })
    .click()
  await expect(raidTable(page).locator('tbody tr .raid-code')).toHaveText(['A2', 'R1', 'I5', 'D4', 'I3'])

  // Keys: Up and Down move, Delete deletes, Ctrl+Z brings it back.
  await raidRow(page, 'A2').click()
  await page.keyboard.press('ArrowDown')
  await expect(raidRow(page, 'R1')).toBeFocused()
  await expect(raidRow(page, 'R1')).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Delete')
  await expect(raidRow(page, 'R1')).toHaveCount(0)
  await expect(raidRow(page, 'I5')).toBeFocused()
  await page.keyboard.press('Control+z')
  await expect(raidRow(page, 'R1')).toHaveCount(1)

  // The log is in the saved file and the Excel export.
  const file = bridge.path('log-review.gantry')
  bridge.dialog.queueSave(file)
  await page.getByRole('button', { name: 'Save As…' }).click()
  await expect(page.getByTestId('document-state')).toContainText('log-review.gantry')
  const saved = planFileParse(await readFile(file, 'utf8'))
  if (!saved.ok) throw new Error(saved.error.message)
  expect(saved.plan.raid.map((item) => [item.id, item.kind, item.title, item.status])).toEqual([
    [1, 'risk', 'Key engineer leaves', 'occurred'],
    [2, 'assumption', 'Test lab available in June', 'unconfirmed'],
    [3, 'issue', 'Build server down', 'open'],
    [4, 'dependency', 'Production certificates', 'expected'],
    [5, 'issue', 'Key engineer leaves', 'open'],
  ])
  expect(saved.plan.raid[0]).toMatchObject({ probability: 2, impact: 5, issueId: 5, dueDate: '2099-05-01' })

  const xlsx = bridge.path('log-review.xlsx')
  bridge.dialog.queueSave(xlsx)
  await bridge.menu(page, 'file/export-xlsx')
  await expect.poll(async () => (await readFile(xlsx).catch(() => null)) !== null).toBe(true)
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(xlsx)
  const sheet = book.getWorksheet('RAID')
  expect(sheet?.getRow(2).values).toEqual(
    expect.arrayContaining(['R1', 'Risk', 'Key engineer leaves', 'occurred']),
  )
  expect(sheet?.rowCount).toBe(6)
})

test('a new item being written is kept while other items are looked at, across a reload, until it is added', async ({ page }) => {
  await planWithTasks(page, 'Draft plan')
  await page.getByRole('tab', { name: 'RAID log' }).click()
  await page.getByRole('button', { name: 'Add issue' }).click()
  await form(page, 'New issue').getByLabel('Title').fill('Build server down')
  await form(page, 'New issue').getByRole('button', { name: 'Add issue' }).click()
  await expect(raidRow(page, 'I1')).toHaveCount(1)

  await page.getByRole('button', { name: 'Add risk' }).first().click()
  const newRisk = form(page, 'New risk')
  await newRisk.getByLabel('Title').fill('Vendor may go bankrupt')
  await newRisk.getByLabel('Mitigation').fill('Second source the licences')
  // Looking at another item keeps what was typed, and says so.
  await raidRow(page, 'I1').click()
  await expect(form(page, /I1/)).toBeVisible()
  await page.getByRole('button', { name: 'the new risk you started' }).click()
  await expect(newRisk.getByLabel('Title')).toHaveValue('Vendor may go bankrupt')
  await expect(newRisk.getByLabel('Mitigation')).toHaveValue('Second source the licences')

  // A reload (or a crash) loses nothing typed.
  await page.reload()
  await page.getByRole('button', { name: 'Open Draft plan' }).click()
  await page.getByRole('tab', { name: 'RAID log' }).click()
  await page.getByRole('button', { name: 'the new risk you started' }).click()
  await expect(newRisk.getByLabel('Title')).toHaveValue('Vendor may go bankrupt')
  await newRisk.getByRole('button', { name: 'Add risk' }).click()
  await expect(raidRow(page, 'R2')).toHaveCount(1)

  // Added, the draft is done with.
  await page.reload()
  await page.getByRole('button', { name: 'Open Draft plan' }).click()
  await page.getByRole('tab', { name: 'RAID log' }).click()
  await expect(raidTable(page)).toContainText('Vendor may go bankrupt')
  await expect(page.getByRole('button', { name: 'the new risk you started' })).toHaveCount(0)
})
