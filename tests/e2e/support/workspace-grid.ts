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

/**
 * Dates as the grid shows them in the en-US locale the workspace specs pin (`test.use({ locale: 'en-US' })`):
 * `isoDay('3/9/2026')` is `2026-03-09`, `shownDay('2026-03-09')` is `3/9/2026`.
 */
export function isoDay(shown: string): string {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(shown.trim())
  if (match === null) throw new Error(`not an en-US date: ${shown}`)
  return `${match[3]}-${(match[1] ?? '').padStart(2, '0')}-${(match[2] ?? '').padStart(2, '0')}`
}

export function shownDay(iso: string): string {
  const [year, month, day] = iso.split('-')
  return `${Number(month)}/${Number(day)}/${year}`
}

/** The ISO day `days` calendar days after an ISO day. */
export function isoDayAdd(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}
