import { writeFile } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import { planFileSerialize } from '../../src/shared/formats/plan-file'
import type { Plan } from '../../src/shared/domain/model'
import { generatePlan } from '../support/generate-plan'
import { expect, test } from './support/bridge'

/**
 * A 5,000-task plan in the Gantt view: the rows are painted from a reused pool of elements, so these tests check
 * what a user sees after jumps and small scrolls: the right tasks in order, each bar on its row, no stale or
 * duplicated rows, and editing that still works (and commits when the edited row scrolls away).
 */

test.describe.configure({ timeout: 180_000 })
test.use({ viewport: { width: 1600, height: 900 } })

const rowHeight = 28

function grid(page: Page): Locator {
  return page.getByRole('treegrid', { name: 'Tasks' })
}

async function openLarge(page: Page, bridge: { path(name: string): string; dialog: { queueOpen(path: string): void } }): Promise<Plan> {
  const plan = generatePlan({ tasks: 5000, seed: 11, resources: 20 })
  plan.name = 'Large rollout'
  const file = bridge.path('large.gantry')
  await writeFile(file, planFileSerialize(plan))
  await page.goto('index.html')
  bridge.dialog.queueOpen(file)
  await page.getByRole('button', { name: 'Open file…' }).click()
  // Opening 5,000 tasks takes a few seconds on a busy 2-core machine running other tests.
  await expect(page.getByRole('heading', { level: 1, name: plan.name })).toBeVisible({ timeout: 60_000 })
  // The header, 5,000 tasks and the blank row where a new task is typed.
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '5002', { timeout: 30_000 })
  return plan
}

type Shown = { index: number; id: number; name: string; rowTop: number; rowBottom: number; barMiddle: number | null }

/** The rows in the DOM that a user can see, in screen order, with the vertical middle of their bars. */
async function shownRows(page: Page): Promise<Shown[]> {
  return page.evaluate(() => {
    const viewport = document.querySelector('.ws-rows-viewport') as HTMLElement
    const box = viewport.getBoundingClientRect()
    const rows = [...document.querySelectorAll<HTMLElement>('.ws-treegrid [role="row"][data-task-id]')].filter((row) => !row.hidden)
    return rows
      .map((row) => {
        const rect = row.getBoundingClientRect()
        const bar = document.querySelector<HTMLElement>(`[data-bar-id="${row.dataset.taskId}"]`)
        const barRect = bar === null || bar.hidden ? null : bar.getBoundingClientRect()
        return {
          index: Number(row.getAttribute('aria-rowindex')) - 2,
          id: Number(row.dataset.taskId),
          name: (row.querySelector('.ws-col-name .ws-cell-text')?.firstChild?.textContent ?? '').trim(),
          rowTop: rect.top - box.top,
          rowBottom: rect.bottom - box.top,
          barMiddle: barRect === null ? null : (barRect.top + barRect.bottom) / 2 - box.top,
        }
      })
      .filter((row) => row.rowBottom > 0 && row.rowTop < box.height)
      .sort((a, b) => a.rowTop - b.rowTop)
  })
}

/** Scrolls the rows and waits for the frame that shows them (its scroll event runs before its animation callbacks). */
async function scrollRowsTo(page: Page, top: number): Promise<void> {
  await page.getByTestId('ws-scroller').evaluate(async (element, value) => {
    element.scrollTop = value
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
  }, top)
}

/** Waits until the rows have stopped scrolling (a wheel scroll may be animated) and the last position is painted. */
async function scrollSettled(page: Page): Promise<void> {
  await page.getByTestId('ws-scroller').evaluate(async (element) => {
    const frame = (): Promise<unknown> => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
    let top = -1
    for (let round = 0; round < 100 && element.scrollTop !== top; round++) {
      top = element.scrollTop
      await frame()
    }
  })
}

function expectConsistent(plan: Plan, shown: Shown[], firstIndex: number): void {
  expect(shown.length).toBeGreaterThan(20)
  expect(shown[0]?.index).toBe(firstIndex)
  shown.forEach((row, position) => {
    // Consecutive rows, each one row high, showing the plan's task at that row (no collapsed summaries here).
    expect(row.index).toBe(firstIndex + position)
    const task = plan.tasks[row.index]
    expect(row.id).toBe(task?.id)
    expect(row.name).toBe(task?.name)
    expect(Math.round(row.rowBottom - row.rowTop)).toBe(rowHeight)
    // The bar is drawn on its own row.
    expect(row.barMiddle).not.toBeNull()
    expect(row.barMiddle as number).toBeGreaterThan(row.rowTop)
    expect(row.barMiddle as number).toBeLessThan(row.rowBottom)
  })
  expect(new Set(shown.map((row) => row.id)).size).toBe(shown.length)
}

test('jumps and small scrolls show the right rows, each bar on its row, nothing stale', async ({ page, bridge }) => {
  const plan = await openLarge(page, bridge)
  expectConsistent(plan, await shownRows(page), 0)

  for (const row of [2500, 4970, 1234, 1235, 1240, 1300, 17]) {
    await scrollRowsTo(page, row * rowHeight)
    const shown = await shownRows(page)
    const first = Math.min(row, shown[0]?.index ?? row)
    expectConsistent(plan, shown, first)
    if (row < 4900) expect(first).toBe(row)
  }

  // Wheel scrolling, a few rows at a time, in both directions.
  await grid(page).hover()
  for (const delta of [300, 300, -120, 900, -600]) {
    const before = await page.getByTestId('ws-scroller').evaluate((element) => element.scrollTop)
    await page.mouse.wheel(0, delta)
    // The wheel scroll starts at a later frame and may be animated: wait for it to start, then to end.
    await expect.poll(() => page.getByTestId('ws-scroller').evaluate((element) => element.scrollTop)).not.toBe(before)
    await scrollSettled(page)
    const top = await page.getByTestId('ws-scroller').evaluate((element) => element.scrollTop)
    const shown = await shownRows(page)
    expectConsistent(plan, shown, Math.floor(top / rowHeight))
  }

  // Every link arrow drawn joins two rows of the window's plan (one path per link, none left from earlier windows).
  const links = await page.locator('.ws-link[data-link-id]').evaluateAll((paths) => paths.map((path) => path.getAttribute('data-link-id')))
  expect(links.length).toBeGreaterThan(0)
  expect(new Set(links).size).toBe(links.length)
  const known = new Set(plan.dependencies.map((link) => String(link.id)))
  for (const id of links) expect(known.has(id as string)).toBe(true)
})

test('editing after a jump changes that task; an edit whose row scrolls away is committed', async ({ page, bridge }) => {
  const plan = await openLarge(page, bridge)
  await scrollRowsTo(page, 3000 * rowHeight)
  const target = plan.tasks[3003] as Plan['tasks'][number]
  const row = grid(page).locator(`[role="row"][data-task-id="${target.id}"]`)
  await row.locator('.ws-col-name').click()
  await expect(row).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('F2')
  const input = row.getByRole('textbox', { name: `Task name of ${target.name}` })
  await expect(input).toBeFocused()
  await input.fill('Renamed far down')
  await input.press('Enter')
  await expect(row.locator('.ws-col-name')).toContainText('Renamed far down')

  // Start another edit, then scroll the row out of the window: the typed text is kept, not lost.
  const other = plan.tasks[3005] as Plan['tasks'][number]
  const otherRow = grid(page).locator(`[role="row"][data-task-id="${other.id}"]`)
  await otherRow.locator('.ws-col-name').dblclick()
  const otherInput = otherRow.getByRole('textbox')
  await otherInput.fill('Committed by scrolling')
  await scrollRowsTo(page, 100 * rowHeight)
  await expect(page.getByRole('textbox', { name: /^Task name of/ })).toHaveCount(0)
  await scrollRowsTo(page, 3000 * rowHeight)
  await expect(grid(page).locator(`[role="row"][data-task-id="${other.id}"] .ws-col-name`)).toContainText('Committed by scrolling')
  await expect(grid(page).locator(`[role="row"][data-task-id="${target.id}"] .ws-col-name`)).toContainText('Renamed far down')

  // Both edits are one undo step each.
  await grid(page).focus()
  await page.keyboard.press('Control+z')
  await expect(grid(page).locator(`[role="row"][data-task-id="${other.id}"] .ws-col-name`)).toContainText(other.name)
  await expect(grid(page).locator(`[role="row"][data-task-id="${target.id}"] .ws-col-name`)).toContainText('Renamed far down')
})
