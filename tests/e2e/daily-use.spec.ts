import { writeFile } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import { makeAssignment, makePlan, makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import { planFileSerialize } from '../../src/shared/formats/plan-file'
import { makeResource } from '../support/resource-plans'
import { expect, test, type Bridge } from './support/bridge'
import { idbDump } from './support/idb'
import { cell, createPlan, grid, messageLine, row } from './support/workspace-grid'

/**
 * Issue 15, daily use as an MS Project user tried it: what pins a task is visible, the chart shows at the default
 * size, keys behave as in Microsoft Project and Excel, absurd values are refused, messages stay where they were
 * raised, and the small things of the first minutes. (The browser-mode keys and favicon: web-daily-use.spec.ts.)
 *
 * The plan of the indicator tests, Mon 2026-03-02 (the project start):
 *   1 Design        5d   a note
 *   2 Lead task     3d   pred 1FS-20d: a lead that would put it before the project start; it starts 3/2/2026
 *   3 Pinned early  2d   must start on 2026-02-16: its own date puts it before the project start
 *   4 Review        1d   pred 2, deadline 2026-03-03 (it finishes later)
 */
test.describe.configure({ timeout: 120_000 })
test.use({ viewport: { width: 1440, height: 900 }, locale: 'en-US' })

function indicatorPlan(): Plan {
  const plan = makePlan('p-pins', 'Pins', '2026-03-02T08:00:00', '2026-03-01T10:00:00')
  plan.tasks = [
    makeTask(1, { name: 'Design', duration: 5 * 480, notes: 'Ask Ana about the vendor.' }),
    makeTask(2, { name: 'Lead task', duration: 3 * 480 }),
    makeTask(3, { name: 'Pinned early', duration: 2 * 480, constraint: { type: 'MSO', date: '2026-02-16T08:00:00' } }),
    makeTask(4, { name: 'Review', duration: 480, deadline: '2026-03-03T17:00:00' }),
  ]
  plan.dependencies = [
    { id: 1, predecessorId: 1, successorId: 2, type: 'FS', lag: -20 * 480, lagUnit: 'd' },
    { id: 2, predecessorId: 2, successorId: 4, type: 'FS', lag: 0, lagUnit: 'd' },
  ]
  return plan
}

/** Ana on Design and Build at once (200 % on their first two days); leveling delays Build. */
function teamPlan(): Plan {
  const plan = makePlan('p-team', 'Team', '2026-03-02T08:00:00', '2026-03-01T10:00:00')
  plan.tasks = [makeTask(1, { name: 'Design', duration: 3 * 480 }), makeTask(2, { name: 'Build', duration: 2 * 480 }), makeTask(3, { name: 'Docs', duration: 480 })]
  plan.resources = [makeResource(1, 'Ana')]
  // Work = units x duration (Microsoft Project's rule for a fixed-units task).
  plan.assignments = [makeAssignment(1, 1, 1, 100, 3 * 480), makeAssignment(2, 2, 1, 100, 2 * 480)]
  return plan
}

async function openPlan(page: Page, bridge: Bridge, plan: Plan): Promise<void> {
  const file = bridge.path(`${plan.id}.gantry`)
  await writeFile(file, planFileSerialize(plan))
  await page.goto('index.html')
  bridge.dialog.queueOpen(file)
  await page.getByRole('button', { name: 'Open file…' }).click()
  await expect(page.getByRole('heading', { level: 1, name: plan.name })).toBeVisible()
  await expect(grid(page).locator('[role="row"][data-task-id]')).toHaveCount(plan.tasks.length)
}

/** The indicator of a row whose sentence matches `name`. */
function indicator(page: Page, task: string, name: RegExp): Locator {
  return row(page, task).locator('.ws-col-indicators').getByRole('img', { name })
}

/** The id of the task in the active cell (the treegrid's aria-activedescendant is `ws-cell-<id>-<column>`). */
async function activeCell(page: Page): Promise<string | null> {
  return grid(page).getAttribute('aria-activedescendant')
}

async function taskCount(page: Page): Promise<number> {
  return grid(page).locator('[role="row"][data-task-id]').count()
}

test('item 1 and 4: what pins or flags a task shows in the Indicators column, with its sentence as the tooltip', async ({ page, bridge }) => {
  await openPlan(page, bridge, indicatorPlan())
  // A task's own date puts it before the project start, and the row says so (and why); the constraint shows too.
  const early = indicator(page, 'Pinned early', /^This task starts on 2\/16\/2026, before the project start 3\/2\/2026: its 'Must Start On' constraint puts it there\.$/)
  await expect(early).toBeVisible()
  await expect(indicator(page, 'Pinned early', /^This task has a 'Must Start On' constraint on 2\/16\/2026 08:00\.$/)).toBeVisible()
  await early.hover()
  await expect(early).toHaveAttribute('title', /before the project start/)
  // A note, and a missed deadline.
  await expect(indicator(page, 'Design', /^Notes: Ask Ana about the vendor\.$/)).toBeVisible()
  await expect(indicator(page, 'Review', /^This task finishes on 3\/\d+\/2026, after its deadline 3\/3\/2026 17:00\.$/)).toHaveClass(/is-problem/)
  // A lead does not put an automatically scheduled task before the project start: it starts there, unflagged.
  await expect(cell(page, 'Lead task', 'start')).toHaveText('3/2/2026')
  await expect(row(page, 'Lead task').locator('.ws-col-indicators [role="img"]:not([hidden])')).toHaveCount(0)
})

test('item 4: typing a start pins the task and shows it; retyping the date shown changes nothing', async ({ page, bridge }) => {
  await openPlan(page, bridge, indicatorPlan())
  const undo = page.getByRole('toolbar', { name: 'Plan editing' }).getByRole('button', { name: 'Undo (Ctrl+Z)' })
  await expect(undo).toBeDisabled()
  const before = await idbDump(page)
  const start = cell(page, 'Design', 'start')
  await start.dblclick()
  await start.getByRole('textbox').fill('3/2/2026')
  await start.getByRole('textbox').press('Enter')
  await expect(undo).toBeDisabled()
  for (const same of ['2026-03-02', '2026-03-02 08:00']) {
    await start.dblclick()
    await start.getByRole('textbox').fill(same)
    await start.getByRole('textbox').press('Enter')
    await expect(undo).toBeDisabled()
  }
  await expect(indicator(page, 'Design', /constraint/)).toHaveCount(0)
  expect(await idbDump(page)).toEqual(before)
  // Another date pins it: the constraint indicator says so.
  await start.dblclick()
  await start.getByRole('textbox').fill('3/9/2026')
  await start.getByRole('textbox').press('Enter')
  await expect(start).toHaveText('3/9/2026')
  await expect(indicator(page, 'Design', /^This task has a 'Start No Earlier Than' constraint on 3\/9\/2026 08:00\.$/)).toBeVisible()
})

async function level(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Resource usage' }).click()
  await page.getByRole('button', { name: 'Level resources…' }).click()
  await page.getByRole('form', { name: 'Level resources' }).getByRole('button', { name: 'Level', exact: true }).click()
  await expect(page.getByRole('status', { name: 'Leveling summary' })).toContainText('1 task moved')
}

test('item 4: a leveling delay is visible in the grid (indicator, Leveling delay column) and in the bar tooltip', async ({ page, bridge }) => {
  await openPlan(page, bridge, teamPlan())
  await level(page)
  await page.getByRole('tab', { name: 'Gantt' }).click()
  await expect(indicator(page, 'Build', /^Delayed 3 days by resource leveling/)).toBeVisible()
  await expect(indicator(page, 'Design', /leveling/)).toHaveCount(0)
  const id = await row(page, 'Build').getAttribute('data-task-id')
  await page.locator(`[data-bar-id="${id}"]`).hover()
  await expect(page.getByRole('tooltip')).toContainText('Leveling delay: 3 elapsed days')
  await page.getByRole('button', { name: 'Columns…' }).click()
  await page.getByRole('group', { name: 'Shown columns' }).getByLabel('Leveling delay', { exact: true }).check()
  await page.getByRole('button', { name: 'Columns…' }).click()
  await expect(cell(page, 'Build', 'levelingDelay')).toHaveText('3ed')
})

test('item 4: the Undo leveling offer outlives a switch to another tab and back', async ({ page, bridge }) => {
  await openPlan(page, bridge, teamPlan())
  const buildStart = await cell(page, 'Build', 'start').innerText()
  await level(page)
  await page.getByRole('tab', { name: 'Gantt' }).click()
  await expect(cell(page, 'Build', 'start')).not.toHaveText(buildStart)
  await page.getByRole('tab', { name: 'Resource usage' }).click()
  const summary = page.getByRole('status', { name: 'Leveling summary' })
  await expect(summary).toContainText('1 task moved')
  await summary.getByRole('button', { name: 'Undo leveling' }).click()
  await page.getByRole('tab', { name: 'Gantt' }).click()
  await expect(cell(page, 'Build', 'start')).toHaveText(buildStart)
})

test('item 4: Clear leveling takes the delays away, of the selected tasks or of the whole plan', async ({ page, bridge }) => {
  await openPlan(page, bridge, teamPlan())
  const buildStart = await cell(page, 'Build', 'start').innerText()
  await level(page)
  await page.getByRole('tab', { name: 'Gantt' }).click()
  await expect(cell(page, 'Build', 'start')).not.toHaveText(buildStart)
  // The selected task only (Docs has no delay: refused, nothing changes), then the whole plan.
  await cell(page, 'Docs', 'name').click()
  await page.getByRole('tab', { name: 'Resource usage' }).click()
  await page.getByRole('button', { name: 'Clear leveling…' }).click()
  const clear = page.getByRole('form', { name: 'Clear leveling' })
  await clear.getByLabel('The selected tasks (1)').check()
  await clear.getByRole('button', { name: 'Clear leveling' }).click()
  await expect(messageLine(page)).toHaveText(/None of the selected tasks has a leveling delay\. Nothing was changed\./)
  await clear.getByLabel('The whole plan').check()
  await clear.getByRole('button', { name: 'Clear leveling' }).click()
  await page.getByRole('tab', { name: 'Gantt' }).click()
  await expect(cell(page, 'Build', 'start')).toHaveText(buildStart)
  await expect(indicator(page, 'Build', /leveling/)).toHaveCount(0)
  await expect(page.getByRole('toolbar', { name: 'Plan editing' }).getByRole('button', { name: 'Undo (Ctrl+Z)' })).toHaveAttribute('title', 'Undo Clear leveling')
})

test('item 2: at 1440 x 900 the chart has 40 % of the workspace with its bars in view; details open on demand, below it', async ({ page, bridge }) => {
  await openPlan(page, bridge, indicatorPlan())
  const workspace = await page.locator('.ws-root').boundingBox()
  const chart = await page.getByTestId('ws-chart').boundingBox()
  if (workspace === null || chart === null) throw new Error('not laid out')
  expect(chart.width).toBeGreaterThanOrEqual(0.4 * workspace.width)
  // The bars are in view.
  const id = await row(page, 'Design').getAttribute('data-task-id')
  const bar = await page.locator(`[data-bar-id="${id}"]`).boundingBox()
  expect(bar !== null && bar.x >= chart.x && bar.x + bar.width <= chart.x + chart.width).toBe(true)

  // The details are not shown until asked for; then they dock under the chart.
  await expect(page.getByRole('region', { name: 'Task details' })).toHaveCount(0)
  await cell(page, 'Design', 'name').click()
  await page.getByRole('button', { name: 'Details', exact: true }).click()
  const details = await page.getByRole('region', { name: 'Task details' }).boundingBox()
  const chartAfter = await page.getByTestId('ws-chart').boundingBox()
  if (details === null || chartAfter === null) throw new Error('not laid out')
  expect(details.y).toBeGreaterThanOrEqual(chartAfter.y + chartAfter.height - 1)
  expect(chartAfter.width).toBeGreaterThanOrEqual(0.4 * workspace.width)
})

test('item 2: the ID and Name columns are frozen: they stay in view when a right-hand cell is active', async ({ page, bridge }) => {
  await openPlan(page, bridge, indicatorPlan())
  await cell(page, 'Design', 'name').click()
  // The last column is active: the grid scrolls to it, and the ID and Name cells stay in view.
  await grid(page).focus()
  await page.keyboard.press('End')
  const pane = page.locator('.ws-grid-pane')
  await expect.poll(() => pane.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0)
  const complete = await cell(page, 'Design', 'complete').boundingBox()
  // Scrolled right to the end as well.
  await pane.evaluate((element) => {
    element.scrollLeft = element.scrollWidth
  })
  const paneBox = await pane.boundingBox()
  if (paneBox === null) throw new Error('not laid out')
  for (const column of ['id', 'name']) {
    const box = await cell(page, 'Design', column).boundingBox()
    expect(box !== null && box.x >= paneBox.x - 1 && box.x + box.width <= paneBox.x + paneBox.width + 1).toBe(true)
    // Nothing covers it: the point in its middle is the cell itself.
    const onTop = await cell(page, 'Design', column).evaluate((element) => {
      const rect = element.getBoundingClientRect()
      return element.contains(document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2))
    })
    expect(onTop).toBe(true)
  }
  expect(complete !== null && complete.x + complete.width <= paneBox.x + paneBox.width + 1).toBe(true)
})

/** Kickoff, a milestone, then Plan 1d: as typed in the issue. */
function keysPlan(): Plan {
  const plan = makePlan('p-keys', 'Keys', '2026-03-02T08:00:00', '2026-03-01T10:00:00')
  plan.tasks = [makeTask(1, { name: 'Kickoff', duration: 0, isMilestone: true }), makeTask(2, { name: 'Plan', duration: 480 })]
  return plan
}

test('item 3: Tab and Shift+Tab move between cells and never indent (a task skipped under a milestone became its subtask)', async ({ page, bridge }) => {
  await openPlan(page, bridge, keysPlan())
  await cell(page, 'Plan', 'name').click()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(row(page, 'Plan')).toHaveAttribute('aria-level', '1')
  await expect(row(page, 'Kickoff')).not.toHaveAttribute('aria-expanded')
  await expect.poll(() => activeCell(page)).toMatch(/-start$/)
  await page.keyboard.press('Shift+Tab')
  await expect.poll(() => activeCell(page)).toMatch(/-duration$/)
  // In an edit, Tab keeps it and goes on to the next cell.
  await page.keyboard.type('3d')
  await page.keyboard.press('Tab')
  await expect(cell(page, 'Plan', 'duration')).toHaveText('3d')
  await expect.poll(() => activeCell(page)).toMatch(/-start$/)
  await expect(row(page, 'Plan')).toHaveAttribute('aria-level', '1')
  // Indent and outdent are Alt+Shift+Right and Left.
  await page.keyboard.press('Alt+Shift+ArrowRight')
  await expect(row(page, 'Plan')).toHaveAttribute('aria-level', '2')
  await page.keyboard.press('Alt+Shift+ArrowLeft')
  await expect(row(page, 'Plan')).toHaveAttribute('aria-level', '1')
})

test('item 3: Enter after an edit moves down and adds nothing; Escape in the blank row or after Insert adds nothing', async ({ page, bridge }) => {
  await openPlan(page, bridge, keysPlan())
  await cell(page, 'Kickoff', 'duration').click()
  await page.keyboard.type('2d')
  await page.keyboard.press('Enter')
  await expect(cell(page, 'Kickoff', 'duration')).toHaveText('2d')
  // Down to Plan, then to the blank row after it, where Enter starts a new task's name and Escape gives it up.
  await expect.poll(() => activeCell(page)).toMatch(/^ws-cell-2-duration$/)
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
  expect(await taskCount(page)).toBe(2)
  await cell(page, 'Plan', 'name').click()
  await page.keyboard.press('Insert')
  await expect(grid(page).getByRole('textbox', { name: 'Name of the new task' })).toBeFocused()
  await page.keyboard.press('Escape')
  await page.keyboard.press('Insert')
  await page.keyboard.press('Enter')
  expect(await taskCount(page)).toBe(2)
  await expect.poll(async () => (await idbDump(page)).match(/"name":""/g)?.length ?? 0).toBe(0)
  // A name makes it a task: Insert adds it above.
  await page.keyboard.press('Insert')
  await page.keyboard.type('Scope')
  await page.keyboard.press('Enter')
  await expect(cell(page, 'Scope', 'id')).toHaveText('2')
  await expect(cell(page, 'Plan', 'id')).toHaveText('3')
})

test('item 3 and 8: after Create plan the grid has the focus; typing in the blank row adds tasks, Tab and Enter go on', async ({ page, bridge: _bridge }) => {
  await createPlan(page, 'Keys')
  await page.keyboard.type('Kickoff')
  await page.keyboard.press('Tab')
  await expect.poll(() => activeCell(page)).toMatch(/^ws-cell-\d+-duration$/)
  await page.keyboard.type('0')
  await page.keyboard.press('Enter')
  await expect(row(page, 'Kickoff')).toHaveCount(1)
  await expect(cell(page, 'Kickoff', 'duration')).toHaveText('0d')
  // Enter after the edit went down to the blank row, at the column Tab-ing started in.
  await expect.poll(() => activeCell(page)).toBe('ws-cell-new-name')
  await page.keyboard.type('Plan')
  await page.keyboard.press('Enter')
  await expect(row(page, 'Plan')).toHaveCount(1)
  expect(await taskCount(page)).toBe(2)
})

async function typeDuration(page: Page, task: string, text: string): Promise<void> {
  const duration = cell(page, task, 'duration')
  await duration.dblclick()
  await duration.getByRole('textbox').fill(text)
  await duration.getByRole('textbox').press('Enter')
}

test('item 6: a sub-minute duration is refused with a message, never silently a milestone', async ({ page, bridge }) => {
  await openPlan(page, bridge, indicatorPlan())
  const before = await idbDump(page)
  await typeDuration(page, 'Design', '0.0001d')
  await expect(messageLine(page)).toHaveText(/^"0\.0001d" is less than a minute; the shortest duration is 1m \(0 makes a milestone\)\. Nothing was changed\./)
  await page.keyboard.press('Escape')
  await expect(cell(page, 'Design', 'duration')).toHaveText('5d')
  await expect(row(page, 'Design').locator('.ws-milestone-mark')).toBeHidden()
  expect(await idbDump(page)).toEqual(before)
})

test('item 6: a duration past the last date Microsoft Project schedules is refused like a calendar without working time', async ({ page, bridge }) => {
  await openPlan(page, bridge, indicatorPlan())
  const before = await idbDump(page)
  await typeDuration(page, 'Design', '99999d')
  await expect(messageLine(page)).toHaveText(
    /^Starting on 2026-03-02, a task of 99999d would finish after 2149-12-31, the last date Microsoft Project can schedule; type a shorter duration\. Nothing was changed\./,
  )
  await page.keyboard.press('Escape')
  await expect(cell(page, 'Design', 'duration')).toHaveText('5d')
  expect(await idbDump(page)).toEqual(before)
  // The same way as a calendar left without working time: the message line, "Nothing was changed".
  await page.getByRole('tab', { name: 'Project settings' }).click()
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday']) await page.getByLabel(`${day} is a working day`).uncheck()
  await page.getByLabel('Friday is a working day').click()
  await expect(messageLine(page)).toHaveText(/working time.*Nothing was changed\./)
  await expect(page.getByLabel('Friday is a working day')).toBeChecked()
})

test('item 7: a refused edit\'s message stays with its tab (it followed the user to other tabs)', async ({ page, bridge }) => {
  await openPlan(page, bridge, teamPlan())
  // A refused Gantt edit does not follow the user to another tab; back on the Gantt it is there again.
  const resources = cell(page, 'Docs', 'resources')
  await resources.dblclick()
  await resources.getByRole('textbox').fill('dave')
  await resources.getByRole('textbox').press('Enter')
  await expect(messageLine(page)).toHaveText(/There is no resource named "dave"/)
  await page.keyboard.press('Escape')
  await page.getByRole('tab', { name: 'Milestones' }).click()
  await expect(messageLine(page)).toHaveText('')
  await page.getByRole('tab', { name: 'Gantt' }).click()
  await expect(messageLine(page)).toHaveText(/dave/)
})

test('item 7: four export notices stack over the window without moving the workspace, stay with the plan and fade', async ({ page, bridge }) => {
  await openPlan(page, bridge, teamPlan())
  // Four exports: their notices stack over the window; the workspace does not move down.
  const heading = page.getByRole('heading', { level: 1, name: 'Team' })
  const headingBefore = await heading.boundingBox()
  const gridBefore = await grid(page).boundingBox()
  for (const [index, command] of (['file/export-csv', 'file/export-mspdi', 'file/export-xlsx', 'file/export-csv'] as const).entries()) {
    const name = `team-${index}.${command === 'file/export-mspdi' ? 'xml' : command === 'file/export-xlsx' ? 'xlsx' : 'csv'}`
    bridge.dialog.queueSave(bridge.path(name))
    await bridge.menu(page, command)
    await expect(page.getByRole('status').filter({ hasText: `Exported to ${name}.` })).toBeVisible()
  }
  expect(await heading.boundingBox()).toEqual(headingBefore)
  expect(await grid(page).boundingBox()).toEqual(gridBefore)
  // Three at once, the earlier behind a button.
  await expect(page.locator('.notice')).toHaveCount(3)
  await expect(page.getByRole('button', { name: '1 earlier message' })).toBeVisible()
  // They belong to the plan's view: not shown on the plan list.
  await page.getByRole('button', { name: 'Plans', exact: true }).click()
  await expect(page.locator('.notice')).toHaveCount(0)
  await page.getByRole('button', { name: /^Workspace/ }).click()
  await expect(page.locator('.notice')).not.toHaveCount(0)
  // Confirmations go away by themselves.
  await expect(page.locator('.notice')).toHaveCount(0, { timeout: 15_000 })
})

test('item 8: deleting a summary asks first, saying how many subtasks; Undo brings them back', async ({ page, bridge }) => {
  const plan = indicatorPlan()
  plan.tasks = [makeTask(10, { name: 'Phase' }), ...plan.tasks.map((task) => ({ ...task, level: 2 }))]
  await openPlan(page, bridge, plan)
  await cell(page, 'Phase', 'name').click()
  await page.keyboard.press('Delete')
  const dialog = page.getByRole('dialog', { name: 'Delete a summary task?' })
  await expect(dialog).toContainText('"Phase" has 4 subtasks.')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(row(page, 'Design')).toHaveCount(1)
  await grid(page).focus()
  await page.keyboard.press('Delete')
  await dialog.getByRole('button', { name: 'Delete with 4 subtasks' }).click()
  expect(await taskCount(page)).toBe(0)
  await page.getByRole('toolbar', { name: 'Plan editing' }).getByRole('button', { name: 'Undo (Ctrl+Z)' }).click()
  await expect(row(page, 'Design')).toHaveCount(1)
  expect(await taskCount(page)).toBe(5)
})

test('item 8: a date is picked from a calendar, with the mouse or the keyboard', async ({ page, bridge }) => {
  await openPlan(page, bridge, indicatorPlan())
  // A start date picked from the calendar (it opens on the day the cell shows).
  const start = cell(page, 'Review', 'start')
  await start.dblclick()
  await start.getByRole('button', { name: 'Choose a date' }).click()
  const calendar = page.getByRole('dialog', { name: 'March 2026' })
  await expect(calendar).toBeVisible()
  await calendar.getByRole('button', { name: 'Next month' }).click()
  await page.getByRole('dialog', { name: 'April 2026' }).getByRole('button', { name: 'Monday, April 13, 2026' }).click()
  await expect(start).toHaveText('4/13/2026')
  await expect(indicator(page, 'Review', /'Start No Earlier Than' constraint on 4\/13\/2026 08:00/)).toBeVisible()
  // Or from the keyboard: Alt+Down, a week on, Enter.
  await start.dblclick()
  await page.keyboard.press('Alt+ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(start).toHaveText('4/20/2026')
})

test('item 8: project settings speak in hours per day, not minutes', async ({ page, bridge }) => {
  await openPlan(page, bridge, indicatorPlan())
  await page.getByRole('tab', { name: 'Project settings' }).click()
  const hours = page.getByLabel('Hours per day')
  await expect(hours).toHaveValue('8')
  await hours.fill('7.5')
  await hours.press('Tab')
  await expect.poll(async () => (await idbDump(page)).includes('"minutesPerDay":450')).toBe(true)
  await expect(page.getByLabel('Project start')).toHaveValue('3/2/2026')
})

test.describe('in a German locale', () => {
  test.use({ locale: 'de-DE' })

  test('item 8: dates show and are typed in the user\'s locale format, and ISO dates are still accepted', async ({ page, bridge }) => {
    await openPlan(page, bridge, indicatorPlan())
    await expect(cell(page, 'Design', 'start')).toHaveText('2.3.2026')
    const start = cell(page, 'Review', 'start')
    await start.dblclick()
    await start.getByRole('textbox').fill('16.3.2026')
    await start.getByRole('textbox').press('Enter')
    await expect(start).toHaveText('16.3.2026')
    await start.dblclick()
    await start.getByRole('textbox').fill('2026-03-23')
    await start.getByRole('textbox').press('Enter')
    await expect(start).toHaveText('23.3.2026')
    await start.dblclick()
    await start.getByRole('textbox').fill('3/30/2026')
    await start.getByRole('textbox').press('Enter')
    await expect(messageLine(page)).toHaveText(/"3\/30\/2026" is not a date\. Type it as D\/M\/YYYY/)
  })
})

test('item 5: the Gantt\'s Quarter zoom fills the chart and cuts no label (the year read "026")', async ({ page, bridge }) => {
  await openPlan(page, bridge, teamPlan())
  // Quarter zoom of the Gantt: the time scale reaches the chart's right edge, and no label is cut.
  await page.getByLabel('Zoom').selectOption('Quarter')
  const chart = page.getByTestId('ws-chart')
  const reach = await chart.evaluate((pane) => {
    const right = pane.getBoundingClientRect().right
    const cells = [...pane.querySelectorAll<HTMLElement>('.ws-scale-cell')].filter((item) => !item.hidden)
    return Math.max(...cells.map((item) => item.getBoundingClientRect().right)) - right
  })
  expect(reach).toBeGreaterThanOrEqual(0)
  const cut = await chart.evaluate((pane) =>
    [...pane.querySelectorAll<HTMLElement>('.ws-scale-cell.is-bottom')].filter((item) => !item.hidden && item.textContent !== '' && item.scrollWidth > item.clientWidth + 1).map((item) => item.textContent),
  )
  expect(cut).toEqual([])
  const firstLabel = await chart.locator('.ws-scale-cell.is-bottom').first().textContent()
  expect(firstLabel).toBe('Q1')
})

test('item 5: resource usage colours the figure it shows, marks a week holding an over-allocated day, and adds up months and quarters', async ({ page, bridge }) => {
  await openPlan(page, bridge, teamPlan())
  await page.getByRole('tab', { name: 'Resource usage' }).click()
  await page.getByLabel('Zoom').selectOption('Week')
  // Ana's week: 100 % shown, not red; marked for the over-allocated days, with the peak in its label.
  const week = page.getByRole('cell', { name: /^Ana, week of 2026-03-02: load 100 % \(40 h of 40 h\), peak units 200 %, over-allocated on some days \(busiest day 200 % on 2026-03-02\)$/ })
  await expect(week).toHaveText('100% !')
  await expect(week).toHaveClass(/is-full has-over-day/)
  await expect(week).not.toHaveClass(/is-over/)
  await page.getByLabel('Zoom').selectOption('Month')
  await expect(page.getByRole('columnheader', { name: 'Mar 2026' })).toBeVisible()
  await expect(page.getByRole('cell', { name: /^Ana, Mar 2026: load 23 % \(40 h of 176 h\)/ })).toBeVisible()
  await page.getByLabel('Zoom').selectOption('Quarter')
  await expect(page.getByRole('columnheader', { name: 'Q1 2026' })).toBeVisible()
  await expect(page.getByRole('heading', { name: /per quarter/ })).toBeVisible()
})
