import { expect, type Locator, type Page } from '@playwright/test'
import { idbDump } from './idb'

/** The task grid of the workspace. */
export function grid(page: Page): Locator {
  return page.getByRole('treegrid', { name: 'Tasks' })
}

/** The grid row of the task named `name` (its name cell may carry the summary toggle and the milestone mark). */
export function row(page: Page, name: string): Locator {
  return grid(page).getByRole('row').filter({ has: page.locator('.ws-col-name', { hasText: new RegExp(`^\\s*[▸▾]?\\s*${name}( ◆)?$`) }) })
}

/** One cell of that row, by column key (`duration`, `predecessors`…). */
export function cell(page: Page, name: string, column: string): Locator {
  return row(page, name).locator(`.ws-col-${column}`)
}

/** The workspace's message line, where refused edits are explained. */
export function messageLine(page: Page): Locator {
  return page.locator('.ws-message[role="alert"]')
}

/** Creates an empty plan from the plan list and waits for its grid. */
export async function createPlan(page: Page, name: string): Promise<void> {
  await page.goto('index.html')
  await page.getByLabel('New plan').fill(name)
  await page.getByRole('button', { name: 'Create plan' }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(grid(page)).toBeVisible()
}

/** Waits until IndexedDB holds `text` (the store writes after the frame). */
export async function waitSaved(page: Page, text: string): Promise<void> {
  await expect.poll(async () => (await idbDump(page)).includes(text), { timeout: 10_000 }).toBe(true)
}
