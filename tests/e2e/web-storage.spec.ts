import { readFile } from 'node:fs/promises'
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test'
import { planFileParse } from '../../src/shared/formats/plan-file'
import { idbDump } from './support/idb'

/**
 * Browser mode never loses an edit in silence (issue 13): IndexedDB refusing writes (a quota error injected into
 * IDBObjectStore.put, as the fuzzing run did), two tabs on one plan, and a tab closed right after an edit.
 */

test.describe.configure({ timeout: 120_000 })
test.use({ viewport: { width: 1400, height: 800 } })

function grid(page: Page): Locator {
  return page.getByRole('treegrid', { name: 'Tasks' })
}

function taskNames(page: Page): Locator {
  return grid(page).locator('[role="row"][data-task-id] .ws-col-name')
}

/** Makes every IndexedDB put throw QuotaExceededError while `window.__gantryQuotaFull` is true. */
async function injectQuota(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if ((window as { __gantryQuotaFull?: boolean }).__gantryQuotaFull === true)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      return put.apply(this, args)
    }
  })
}

async function setQuotaFull(page: Page, isFull: boolean): Promise<void> {
  await page.evaluate((value) => {
    ;(window as { __gantryQuotaFull?: boolean }).__gantryQuotaFull = value
  }, isFull)
}

async function createPlan(page: Page, name: string): Promise<void> {
  await page.goto('index.html')
  await page.getByLabel('New plan').fill(name)
  await page.getByRole('button', { name: 'Create plan' }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(grid(page)).toBeVisible()
}

/** Adds a task at the end of the grid with the keyboard (Enter adds a row and edits its name, Enter commits). */
async function addTask(page: Page, name: string): Promise<void> {
  await grid(page).focus()
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Enter')
  await page.keyboard.type(name)
  await page.keyboard.press('Enter')
}

async function waitStored(page: Page, text: string): Promise<void> {
  await expect.poll(async () => (await idbDump(page)).includes(text), { timeout: 10_000 }).toBe(true)
}

async function openFromList(page: Page, name: string): Promise<void> {
  await page.goto('index.html')
  await page.getByRole('button', { name: `Open ${name}` }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
}

test('storage refusing writes: the edit stays, the title and header say so, closing asks, and a download keeps it', async ({ page }) => {
  await injectQuota(page)
  await createPlan(page, 'Quota plan')
  await addTask(page, 'Stored task')
  await waitStored(page, 'Stored task')
  await expect(page).toHaveTitle('Quota plan — Gantry')

  await setQuotaFull(page, true)
  await addTask(page, 'Kept in memory')
  await expect(taskNames(page)).toHaveText([/Stored task/, /Kept in memory/])
  const notice = page.getByRole('alert').filter({ hasText: 'storage is full' })
  await expect(notice).toBeVisible()
  await expect(page.getByTestId('unstored-marker')).toBeVisible()
  await expect(page).toHaveTitle('• Quota plan — Gantry')
  expect(await idbDump(page)).not.toContain('Kept in memory')

  // Closing the tab asks first; staying keeps everything.
  const dialog = page.waitForEvent('dialog')
  await page.close({ runBeforeUnload: true })
  const shown = await dialog
  expect(shown.type()).toBe('beforeunload')
  await shown.dismiss()
  await expect(taskNames(page)).toHaveText([/Stored task/, /Kept in memory/])

  // The download holds both tasks.
  const download = page.waitForEvent('download')
  await notice.getByRole('button', { name: 'Download the plan' }).click()
  const parsed = planFileParse(await readFile(await (await download).path(), 'utf8'))
  if (!parsed.ok) throw new Error(parsed.error.message)
  expect(parsed.plan.tasks.map((task) => task.name)).toEqual(['Stored task', 'Kept in memory'])

  // Once storage works again, the next edit stores everything kept in memory and the marker goes.
  await setQuotaFull(page, false)
  await addTask(page, 'After the disk was freed')
  await waitStored(page, 'After the disk was freed')
  expect(await idbDump(page)).toContain('Kept in memory')
  await expect(page.getByTestId('unstored-marker')).toHaveCount(0)
  await expect(page).toHaveTitle('Quota plan — Gantry')
})

test('two tabs on one plan: the second is read-only until it takes over, and gets the first tab’s last edit', async ({ page, context }) => {
  await createPlan(page, 'Two tabs')
  await addTask(page, 'From the first tab')
  await waitStored(page, 'From the first tab')

  const second = await context.newPage()
  await openFromList(second, 'Two tabs')
  await expect(second.getByTestId('read-only-banner')).toBeVisible()
  // An edit there is refused, not accepted and lost.
  const before = await idbDump(second)
  await addTask(second, 'Refused')
  await expect(second.getByRole('alert').filter({ hasText: 'read-only in this window' })).toBeVisible()
  await expect(taskNames(second)).toHaveText([/From the first tab/])
  expect(await idbDump(second)).toBe(before)

  // The first tab's latest edit, possibly not written yet, comes along when the second takes over.
  await addTask(page, 'Last edit in the first tab')
  await second.getByTestId('read-only-banner').getByRole('button', { name: 'Take over editing' }).click()
  await expect(second.getByTestId('read-only-banner')).toHaveCount(0)
  await expect(taskNames(second)).toHaveText([/From the first tab/, /Last edit in the first tab/])
  await expect(page.getByTestId('read-only-banner')).toBeVisible()

  await addTask(second, 'From the second tab')
  await waitStored(second, 'From the second tab')
  // The first tab now refuses edits.
  await addTask(page, 'Refused in the first tab')
  await expect(taskNames(page)).toHaveText([/From the first tab/, /Last edit in the first tab/])

  const third = await context.newPage()
  await openFromList(third, 'Two tabs')
  await expect(taskNames(third)).toHaveText([/From the first tab/, /Last edit in the first tab/, /From the second tab/])
  await second.close()
  await third.close()
})

async function closeRightAfterEdit(browser: Browser, context: BrowserContext, runs: number): Promise<void> {
  void browser
  for (let run = 0; run < runs; run++) {
    const page = await context.newPage()
    if (run === 0) await createPlan(page, 'Closed early')
    else await openFromList(page, 'Closed early')
    await expect(taskNames(page)).toHaveCount(run)
    await addTask(page, `Edit ${run + 1}`)
    // Close the tab at once: no wait for the frame after the edit, nor for its write.
    await page.close()
  }
}

test('a tab closed right after an edit keeps the edit (five times over)', async ({ browser, context }) => {
  await closeRightAfterEdit(browser, context, 5)
  const page = await context.newPage()
  await openFromList(page, 'Closed early')
  await expect(taskNames(page)).toHaveText(['Edit 1', 'Edit 2', 'Edit 3', 'Edit 4', 'Edit 5'].map((name) => new RegExp(name)))
})
