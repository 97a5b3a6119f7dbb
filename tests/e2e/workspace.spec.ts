import type { Locator, Page } from '@playwright/test'
import { expect, test } from './support/bridge'
import { cell, createPlan, grid, isoDay, isoDayAdd, row, shownDay, waitSaved } from './support/workspace-grid'

test.describe.configure({ timeout: 240_000 })
test.use({ viewport: { width: 1600, height: 900 }, locale: 'en-US' })

/**
 * The planning workspace end to end (built renderer, bridge harness): a CRM migration plan built with the
 * keyboard only, links typed and dragged, indent/outdent, undo/redo, dragging a bar moves its successors,
 * collapsing a phase, everything back after a reload, and invalid input refused with a message.
 *
 * Rows (ID = row number used in predecessor lists):
 *   1 Discovery                    9 Migrate test data         (dragged link from 8)
 *   2   Requirements workshop 2d  10 User acceptance testing 4d  pred 9
 *   3   Current-state analysis 3d  pred 2      11 Cutover
 *   4   Data mapping 2d            pred 3      12   Train users 2d         pred 10
 *   5   Design signed off (ms)     pred 4      13   Final data migration 2d pred 12
 *   6 Build                                    14   Hypercare 5d           pred 13
 *   7   Configure CRM 5d           pred 5      15   Go-live (ms)           pred 13
 *   8   Build integrations 8d      pred 7SS+2d
 */

type Row = { name: string; indent?: 'in' | 'out'; duration?: string; predecessors?: string }

const plan: Row[] = [
  { name: 'Discovery' },
  { name: 'Requirements workshop', indent: 'in', duration: '2d' },
  { name: 'Current-state analysis', duration: '3d', predecessors: '2' },
  { name: 'Data mapping', duration: '2d', predecessors: '3' },
  { name: 'Design signed off', duration: '0', predecessors: '4' },
  { name: 'Build', indent: 'out' },
  { name: 'Configure CRM', indent: 'in', duration: '5d', predecessors: '5' },
  { name: 'Build integrations', duration: '8d', predecessors: '7SS+2d' },
  { name: 'Migrate test data', duration: '3d' },
  { name: 'User acceptance testing', duration: '4d', predecessors: '9' },
  { name: 'Cutover', indent: 'out' },
  { name: 'Train users', indent: 'in', duration: '2d', predecessors: '10' },
  { name: 'Final data migration', duration: '2d', predecessors: '12' },
  { name: 'Hypercare', duration: '5d', predecessors: '13' },
  { name: 'Go-live', duration: '0', predecessors: '13' },
]

async function bar(page: Page, name: string): Promise<Locator> {
  const id = await row(page, name).getAttribute('data-task-id')
  return page.locator(`[data-bar-id="${id}"]`)
}

async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let index = 0; index < times; index++) await page.keyboard.press(key)
}

/**
 * Types the whole plan with the keyboard, as in Microsoft Project and Excel: a name typed in the blank row at the end
 * adds a task; Tab goes along the row (duration, start, finish, predecessors) and Enter goes down to the next blank
 * row's name; Alt+Shift+Right and Left indent and outdent the row above.
 */
async function typePlan(page: Page): Promise<void> {
  await grid(page).focus()
  for (const item of plan) {
    await page.keyboard.type(item.name)
    if (item.duration !== undefined || item.predecessors !== undefined) {
      await press(page, 'Tab')
      if (item.duration !== undefined) await page.keyboard.type(item.duration)
      if (item.predecessors !== undefined) {
        await press(page, 'Tab', 3)
        await page.keyboard.type(item.predecessors)
      }
    }
    await press(page, 'Enter')
    await expect(row(page, item.name)).toHaveCount(1)
    if (item.indent !== undefined) {
      await press(page, 'ArrowUp')
      await press(page, item.indent === 'in' ? 'Alt+Shift+ArrowRight' : 'Alt+Shift+ArrowLeft')
      await press(page, 'ArrowDown')
    }
  }
}

/** A new plan of two tasks typed with the keyboard, Install kit following Order kit; the grid keeps the focus. */
async function createLinkedPair(page: Page, name: string): Promise<void> {
  await createPlan(page, name)
  await grid(page).focus()
  await page.keyboard.type('Order kit')
  await press(page, 'Enter')
  // Install kit's predecessors cell (name, duration, start, finish, predecessors), along the row with Tab.
  await page.keyboard.type('Install kit')
  await press(page, 'Tab', 4)
  await page.keyboard.type('1')
  await press(page, 'Enter')
  await expect(cell(page, 'Install kit', 'predecessors')).toHaveText('1')
}

test('build a plan of 3 phases, 10 tasks and 2 milestones with the keyboard only', async ({ page, bridge: _bridge }) => {
  await createPlan(page, 'CRM migration')
  await typePlan(page)

  // The header, the tasks and the blank row where the next task would be typed.
  await expect(grid(page).getByRole('row')).toHaveCount(plan.length + 2)
  for (const phase of ['Discovery', 'Build', 'Cutover']) {
    await expect(row(page, phase)).toHaveAttribute('aria-level', '1')
    await expect(row(page, phase)).toHaveAttribute('aria-expanded', 'true')
  }
  await expect(row(page, 'Configure CRM')).toHaveAttribute('aria-level', '2')
  await expect(cell(page, 'Configure CRM', 'wbs')).toHaveText('2.1')
  await expect(cell(page, 'Go-live', 'wbs')).toHaveText('3.4')
  await expect(cell(page, 'Build integrations', 'predecessors')).toHaveText('7SS+2d')
  // Linked tasks follow each other: Current-state analysis starts after Requirements workshop finishes.
  const workshopFinish = isoDay(await cell(page, 'Requirements workshop', 'finish').innerText())
  const analysisStart = isoDay(await cell(page, 'Current-state analysis', 'start').innerText())
  expect(analysisStart > workshopFinish).toBe(true)
  // Milestones: two, sorted by date, with a status.
  await page.getByRole('tab', { name: 'Milestones' }).click()
  const milestoneRows = page.getByRole('region', { name: 'Milestones' }).getByRole('row')
  await expect(milestoneRows).toHaveCount(3)
  await expect(milestoneRows.nth(1)).toContainText('Design signed off')
  await expect(milestoneRows.nth(2)).toContainText('Go-live')
  await page.getByRole('tab', { name: 'Gantt' }).click()
  await expect(page.locator('.ws-milestone')).toHaveCount(2)

  // Indent and outdent from the keyboard; undo and redo.
  await cell(page, 'Migrate test data', 'name').click()
  await press(page, 'Alt+Shift+ArrowRight')
  await expect(row(page, 'Migrate test data')).toHaveAttribute('aria-level', '3')
  await expect(row(page, 'Build integrations')).toHaveAttribute('aria-expanded', 'true')
  await press(page, 'Alt+Shift+ArrowLeft')
  await expect(row(page, 'Migrate test data')).toHaveAttribute('aria-level', '2')
  await press(page, 'Control+z')
  await expect(row(page, 'Migrate test data')).toHaveAttribute('aria-level', '3')
  await press(page, 'Control+y')
  await expect(row(page, 'Migrate test data')).toHaveAttribute('aria-level', '2')
  await press(page, 'Control+z')
  await press(page, 'Control+Shift+z')
  await expect(row(page, 'Migrate test data')).toHaveAttribute('aria-level', '2')

  // Move a row down and back up with Alt+Shift+arrows.
  await press(page, 'Alt+Shift+ArrowDown')
  await expect(cell(page, 'Migrate test data', 'id')).toHaveText('10')
  await press(page, 'Alt+Shift+ArrowUp')
  await expect(cell(page, 'Migrate test data', 'id')).toHaveText('9')

  // Copy and paste a row, then delete the copy (with its links).
  await press(page, 'Control+c')
  await press(page, 'Control+v')
  await expect(row(page, 'Migrate test data')).toHaveCount(2)
  await press(page, 'Delete')
  await expect(row(page, 'Migrate test data')).toHaveCount(1)
})

test('link by typing and by dragging between bars; dragging a bar moves its successors; undo covers drags', async ({ page, bridge: _bridge }) => {
  await createPlan(page, 'CRM migration')
  await typePlan(page)
  // Week zoom (10 px a day) shows the whole plan.
  await page.getByLabel('Zoom').selectOption('Week')
  await cell(page, 'Requirements workshop', 'name').click()

  // Drag from the Build integrations bar to the Migrate test data bar: a finish-to-start link.
  const from = await (await bar(page, 'Build integrations')).boundingBox()
  const to = await (await bar(page, 'Migrate test data')).boundingBox()
  if (from === null || to === null) throw new Error('bars not visible')
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(from.x + from.width / 2, to.y + to.height / 2, { steps: 5 })
  await page.mouse.move(to.x + 4, to.y + to.height / 2, { steps: 5 })
  await page.mouse.up()
  await expect(cell(page, 'Migrate test data', 'predecessors')).toHaveText('8')
  const integrationsFinish = isoDay(await cell(page, 'Build integrations', 'finish').innerText())
  expect(isoDay(await cell(page, 'Migrate test data', 'start').innerText()) > integrationsFinish).toBe(true)

  // Drag the Configure CRM bar 7 days to the right: a start-no-earlier-than constraint; successors move too.
  const crmStart = await cell(page, 'Configure CRM', 'start').innerText()
  const uatStart = await cell(page, 'User acceptance testing', 'start').innerText()
  const crm = await (await bar(page, 'Configure CRM')).boundingBox()
  if (crm === null) throw new Error('bar not visible')
  await page.mouse.move(crm.x + crm.width / 2, crm.y + crm.height / 2)
  await page.mouse.down()
  await page.mouse.move(crm.x + crm.width / 2 + 7 * 10, crm.y + crm.height / 2, { steps: 8 })
  await page.mouse.up()
  await expect(cell(page, 'Configure CRM', 'start')).not.toHaveText(crmStart)
  const movedUat = await cell(page, 'User acceptance testing', 'start').innerText()
  expect(isoDay(movedUat) > isoDay(uatStart)).toBe(true)
  await page.getByRole('tab', { name: 'Gantt' }).focus()
  await press(page, 'Control+z')
  await expect(cell(page, 'Configure CRM', 'start')).toHaveText(crmStart)
  await expect(cell(page, 'User acceptance testing', 'start')).toHaveText(uatStart)
  await press(page, 'Control+y')
  await expect(cell(page, 'User acceptance testing', 'start')).toHaveText(movedUat)

  // Drag the end of the Hypercare bar: its duration changes (selecting the row scrolls its bar into view).
  await cell(page, 'Hypercare', 'name').click()
  const hypercare = await (await bar(page, 'Hypercare')).boundingBox()
  if (hypercare === null) throw new Error('bar not visible')
  await page.mouse.move(hypercare.x + hypercare.width - 1, hypercare.y + hypercare.height / 2)
  await page.mouse.down()
  await page.mouse.move(hypercare.x + hypercare.width + 2 * 10, hypercare.y + hypercare.height / 2, { steps: 6 })
  await page.mouse.up()
  await expect(cell(page, 'Hypercare', 'duration')).not.toHaveText('5d')

  // Collapse a phase, reload: the plan is exactly as it was.
  await page.getByRole('button', { name: 'Collapse Discovery' }).click()
  await expect(row(page, 'Data mapping')).toHaveCount(0)
  await expect(row(page, 'Discovery')).toHaveAttribute('aria-expanded', 'false')
  const before = await grid(page).getByRole('row').allInnerTexts()
  await waitSaved(page, '"isCollapsed":true')
  await page.reload()
  await page.getByRole('button', { name: 'Open CRM migration' }).click()
  await expect(row(page, 'Discovery')).toHaveAttribute('aria-expanded', 'false')
  expect(await grid(page).getByRole('row').allInnerTexts()).toEqual(before)
  await page.getByRole('button', { name: 'Expand Discovery' }).click()
  await expect(row(page, 'Data mapping')).toHaveCount(1)
})

test('invalid input shows a message and changes nothing', async ({ page, bridge: _bridge }) => {
  await createPlan(page, 'CRM migration')
  await typePlan(page)
  const alert = page.locator('.ws-message[role="alert"]')
  const cases: { name: string; column: string; text: string; message: RegExp }[] = [
    { name: 'Data mapping', column: 'duration', text: 'abc', message: /duration|abc/i },
    { name: 'Data mapping', column: 'predecessors', text: '99', message: /no row 99/i },
    { name: 'Data mapping', column: 'predecessors', text: '4', message: /own predecessor/i },
    { name: 'Requirements workshop', column: 'predecessors', text: '5', message: /cycle|loop|circular/i },
    { name: 'Data mapping', column: 'start', text: '2026-02-30', message: /not a date/i },
    { name: 'Data mapping', column: 'start', text: '2/30/2026', message: /not a date. Type it as M\/D\/YYYY/ },
    { name: 'Data mapping', column: 'complete', text: '150', message: /0 to 100/ },
  ]
  for (const item of cases) {
    const target = cell(page, item.name, item.column)
    const before = await grid(page).getByRole('row').allInnerTexts()
    await target.dblclick()
    const input = target.getByRole('textbox')
    await input.fill(item.text)
    await input.press('Enter')
    await expect(alert).toHaveText(item.message)
    // What was typed stays in the cell to be corrected; Escape gives up the edit.
    await expect(input).toHaveValue(item.text)
    await input.press('Escape')
    expect(await grid(page).getByRole('row').allInnerTexts()).toEqual(before)
  }
})

test('project settings: a holiday moves the dates, invalid settings are refused; F2 edits a cell', async ({ page, bridge: _bridge }) => {
  await createPlan(page, 'Office move')
  await grid(page).focus()
  await page.keyboard.type('Pack')
  await press(page, 'Enter')
  await press(page, 'ArrowUp')
  await press(page, 'ArrowRight')
  await press(page, 'F2')
  await page.keyboard.press('Control+a')
  await page.keyboard.type('3d')
  await press(page, 'Enter')
  await expect(cell(page, 'Pack', 'duration')).toHaveText('3d')
  const start = await cell(page, 'Pack', 'start').innerText()
  const finish = await cell(page, 'Pack', 'finish').innerText()

  await page.getByRole('tab', { name: 'Project settings' }).click()
  const settings = page.getByRole('region', { name: 'Project settings' })
  await settings.getByLabel('Name', { exact: true }).fill('Founders day')
  await settings.getByLabel('From', { exact: true }).fill(start)
  // (The holiday is typed in the grid's own date form, M/D/YYYY here.)
  await settings.getByRole('button', { name: 'Add exception' }).click()
  await expect(settings.getByRole('cell', { name: 'Founders day', exact: true })).toBeVisible()
  // Undo and Redo are in the toolbar on this view too.
  const toolbar = page.getByRole('toolbar', { name: 'Plan editing' })
  await toolbar.getByRole('button', { name: 'Undo (Ctrl+Z)' }).click()
  await expect(settings.getByRole('cell', { name: 'Founders day', exact: true })).toHaveCount(0)
  await toolbar.getByRole('button', { name: 'Redo (Ctrl+Y)' }).click()
  await expect(settings.getByRole('cell', { name: 'Founders day', exact: true })).toBeVisible()
  await page.getByRole('tab', { name: 'Gantt' }).click()
  await expect(cell(page, 'Pack', 'start')).not.toHaveText(start)
  await expect(cell(page, 'Pack', 'finish')).not.toHaveText(finish)

  // Invalid settings are refused with a message.
  await page.getByRole('tab', { name: 'Project settings' }).click()
  const hours = settings.getByLabel('Hours per day')
  await hours.fill('0')
  await hours.blur()
  await expect(page.locator('.ws-message[role="alert"]')).toHaveText(/Hours per day must be a number of hours from/)
  await expect(hours).toHaveValue('8')

  // Undo removes the holiday again.
  await page.getByRole('tab', { name: 'Gantt' }).click()
  await grid(page).focus()
  await press(page, 'Control+z')
  await expect(cell(page, 'Pack', 'start')).toHaveText(start)
})

test('keyboard only: F6 moves between panes; in the chart, arrows move a task by a working day and Shift+arrows change its duration', async ({ page, bridge: _bridge }) => {
  await createLinkedPair(page, 'Keyboard chart')
  // Enter left the cursor in the blank row under Install kit.
  await press(page, 'ArrowUp', 2)
  await expect(row(page, 'Order kit')).toHaveAttribute('aria-selected', 'true')
  const orderStart = await cell(page, 'Order kit', 'start').innerText()
  const installStart = await cell(page, 'Install kit', 'start').innerText()

  // F6 from the grid reaches the chart, then the details panel (Shift+F2 shows it), then the toolbar, then the grid.
  await press(page, 'Shift+F2')
  await expect(page.getByRole('region', { name: 'Task details' }).getByLabel('Name', { exact: true })).toBeFocused()
  await grid(page).focus()
  await press(page, 'F6')
  const chart = page.getByRole('group', { name: 'Gantt chart' })
  await expect(chart).toHaveAccessibleDescription(/Left and Right move the selected task by a working day/)
  await expect(chart).toBeFocused()
  await press(page, 'F6')
  await expect(page.getByRole('region', { name: 'Task details' }).getByRole('button', { name: 'Hide details' })).toBeFocused()
  await press(page, 'F6')
  await expect(page.getByRole('toolbar', { name: 'Plan editing' }).getByRole('tab', { name: 'Gantt' })).toBeFocused()
  await press(page, 'F6')
  await expect(grid(page)).toBeFocused()
  await press(page, 'Shift+F6')
  await expect(page.getByRole('toolbar', { name: 'Plan editing' }).getByRole('tab', { name: 'Gantt' })).toBeFocused()
  await press(page, 'Shift+F6')
  await press(page, 'Shift+F6')
  await expect(chart).toBeFocused()

  // Right: one working day later (the plan starts on a Monday, so Tuesday); the successor follows.
  await press(page, 'ArrowRight')
  await expect(cell(page, 'Order kit', 'start')).not.toHaveText(orderStart)
  const movedStart = await cell(page, 'Order kit', 'start').innerText()
  expect(isoDay(movedStart) > isoDay(orderStart)).toBe(true)
  await expect(cell(page, 'Install kit', 'start')).not.toHaveText(installStart)
  // Shift+Right: one day longer.
  await press(page, 'Shift+ArrowRight')
  await expect(cell(page, 'Order kit', 'duration')).toHaveText('2d')
  // Down selects the next task, Left moves it back a day: it cannot start before its predecessor ends, so the
  // engine keeps it where the link puts it.
  await press(page, 'ArrowDown')
  await expect(row(page, 'Install kit')).toHaveAttribute('aria-selected', 'true')
  const followingStart = await cell(page, 'Install kit', 'start').innerText()
  await press(page, 'ArrowLeft')
  await expect(cell(page, 'Install kit', 'start')).toHaveText(followingStart)

  // Each keyboard edit is an undo step, like the drags they stand for.
  await press(page, 'Control+z')
  await press(page, 'Control+z')
  await expect(cell(page, 'Order kit', 'duration')).toHaveText('1d')
  await press(page, 'Control+z')
  await expect(cell(page, 'Order kit', 'start')).toHaveText(orderStart)
  await expect(cell(page, 'Install kit', 'start')).toHaveText(installStart)

  // Insert opens a blank row above the selected task; its name makes it a task. The link keeps pointing at Order kit.
  await grid(page).focus()
  await press(page, 'Insert')
  await page.keyboard.type('Site survey')
  await press(page, 'Enter')
  await expect(cell(page, 'Order kit', 'id')).toHaveText('1')
  await expect(cell(page, 'Site survey', 'id')).toHaveText('2')
  await expect(cell(page, 'Install kit', 'id')).toHaveText('3')
  await expect(cell(page, 'Install kit', 'predecessors')).toHaveText('1')
})

test('details panel: scope, constraint, % complete and milestone; bad values refused; undo shows in the fields; kept after a reload', async ({
  page,
  bridge: _bridge,
}) => {
  await createLinkedPair(page, 'Rack install')
  await cell(page, 'Install kit', 'name').click()
  // The details open on demand, docked under the chart.
  await page.getByRole('toolbar', { name: 'Plan editing' }).getByRole('button', { name: 'Details', exact: true }).click()
  const details = page.getByRole('region', { name: 'Task details' })
  await expect(details.getByLabel('Name', { exact: true })).toHaveValue('Install kit')
  const alert = page.locator('.ws-message[role="alert"]')

  // Scope: notes, deliverable and acceptance criteria commit when the field is left.
  await details.getByLabel('Notes').fill('The vendor ships on Mondays.')
  await details.getByLabel('Deliverable').fill('Kit racked and cabled')
  await details.getByLabel('Acceptance criteria').fill('Passes the burn-in test')
  await details.getByLabel('Name', { exact: true }).click()

  // A start-no-earlier-than constraint a week after the linked start moves the task there.
  const start = await cell(page, 'Install kit', 'start').innerText()
  const weekLater = shownDay(isoDayAdd(isoDay(start), 7))
  await details.getByLabel('Constraint date').fill(isoDayAdd(isoDay(start), 7))
  await details.getByRole('combobox', { name: 'Constraint', exact: true }).selectOption({ label: 'Start no earlier than' })
  await expect(cell(page, 'Install kit', 'start')).toHaveText(weekLater)
  // A date that is not one is refused, and the task stays where it is.
  await details.getByLabel('Constraint date').fill('next week')
  await details.getByLabel('Notes').click()
  await expect(alert).toHaveText(/"next week" is not a date/)
  await expect(details.getByLabel('Constraint date')).toHaveValue(`${weekLater} 08:00`)
  await expect(cell(page, 'Install kit', 'start')).toHaveText(weekLater)

  // % complete: out of range is refused; 40 shows in the grid.
  const complete = details.getByLabel('% Complete', { exact: true })
  await complete.fill('150')
  await details.getByLabel('Notes').click()
  await expect(alert).toHaveText(/% Complete must be a number from 0 to 100/)
  await expect(complete).toHaveValue('0')
  await complete.fill('40')
  await details.getByLabel('Notes').click()
  await expect(cell(page, 'Install kit', 'complete')).toHaveText('40%')

  // Undo and redo show in the panel's fields too (and leaving a field afterwards does not write the old text back).
  await grid(page).focus()
  await press(page, 'Control+z')
  await expect(complete).toHaveValue('0')
  await expect(cell(page, 'Install kit', 'complete')).toHaveText('0%')
  await press(page, 'Control+y')
  await expect(complete).toHaveValue('40')
  await press(page, 'Control+z')
  await press(page, 'Control+z')
  await expect(details.getByRole('combobox', { name: 'Constraint', exact: true })).toHaveValue('ASAP')
  await expect(cell(page, 'Install kit', 'start')).toHaveText(start)
  await press(page, 'Control+y')
  await press(page, 'Control+y')
  await expect(cell(page, 'Install kit', 'start')).toHaveText(weekLater)
  await expect(cell(page, 'Install kit', 'complete')).toHaveText('40%')

  // Milestone: flagging keeps the task's own duration, as in Microsoft Project; the chart draws a diamond.
  await details.getByLabel('Milestone').check()
  await expect(cell(page, 'Install kit', 'duration')).toHaveText('1d')
  const id = await row(page, 'Install kit').getAttribute('data-task-id')
  await expect(page.locator(`.ws-milestone[data-bar-id="${id}"]`)).toBeVisible()

  // Everything is still there after a reload.
  await waitSaved(page, '"deliverable":"Kit racked and cabled"')
  await waitSaved(page, '"isMilestone":true')
  await page.reload()
  await page.getByRole('button', { name: 'Open Rack install' }).click()
  await cell(page, 'Install kit', 'name').click()
  await expect(details.getByLabel('Notes')).toHaveValue('The vendor ships on Mondays.')
  await expect(details.getByLabel('Deliverable')).toHaveValue('Kit racked and cabled')
  await expect(details.getByLabel('Acceptance criteria')).toHaveValue('Passes the burn-in test')
  await expect(details.getByRole('combobox', { name: 'Constraint', exact: true })).toHaveValue('SNET')
  await expect(details.getByLabel('Constraint date')).toHaveValue(`${weekLater} 08:00`)
  await expect(complete).toHaveValue('40')
  await expect(details.getByLabel('Milestone')).toBeChecked()
  await expect(cell(page, 'Install kit', 'start')).toHaveText(weekLater)
})
