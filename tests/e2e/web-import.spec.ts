import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { mspdiWrite } from '../../src/shared/formats/mspdi'
import { generatePlan } from '../support/generate-plan'
import { hostileCsvPredecessorSpaces, hostileXmlLessThanSpaces } from '../support/hostile-inputs'
import { idbDump } from './support/idb'

/**
 * Browser mode's imports run in a Web Worker (issue 13 item 1): the page stays responsive, shows the progress with a
 * Cancel button, and an import that is canceled or refused stores nothing.
 */

let folder = ''
test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gantry-web-import-'))
})
test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

async function startImport(page: Page, item: 'Microsoft Project XML…' | 'CSV task table…', path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import' }).click()
  await page.getByRole('menuitem', { name: item }).click()
  await (await chooser).setFiles(path)
}

async function withStoredPlan(page: Page): Promise<string> {
  await page.goto('index.html')
  await page.getByLabel('New plan').fill('Keep me')
  await page.getByRole('button', { name: 'Create plan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Keep me' })).toBeVisible()
  await page.getByRole('button', { name: 'Plans', exact: true }).click()
  await expect(page.getByRole('rowheader', { name: 'Keep me' })).toBeVisible()
  return idbDump(page)
}

test('a large Microsoft Project file is read in a Web Worker and Cancel stops it: nothing is stored', async ({ page }) => {
  test.setTimeout(180_000)
  // About 60,000 tasks: seconds of reading, time enough to press Cancel while the worker runs.
  const path = join(folder, 'large.xml')
  await writeFile(path, mspdiWrite(generatePlan({ tasks: 60_000, seed: 3, resources: 20 })))
  const before = await withStoredPlan(page)
  const workers: string[] = []
  page.on('worker', (worker) => workers.push(worker.url()))

  await startImport(page, 'Microsoft Project XML…', path)
  const progress = page.getByTestId('import-progress')
  await expect(progress).toBeVisible()
  await progress.getByRole('button', { name: 'Cancel import' }).click()
  await expect(progress).toHaveCount(0)
  expect(workers.some((url) => /web-import-worker/.test(url))).toBe(true)
  // A canceled import is not an error: no alert, the list and the storage are as before.
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(page.getByRole('table', { name: 'Stored plans' }).getByRole('row')).toHaveCount(2)
  expect(await idbDump(page)).toBe(before)
})

test('the page stays responsive while a large file is imported, and the plan opens when it is done', async ({ page }) => {
  test.setTimeout(180_000)
  const path = join(folder, 'big.xml')
  await writeFile(path, mspdiWrite({ ...generatePlan({ tasks: 20_000, seed: 4, resources: 10 }), name: 'Big vendor plan' }))
  await page.goto('index.html')
  await startImport(page, 'Microsoft Project XML…', path)
  await expect(page.getByTestId('import-progress')).toBeVisible()
  // The main thread answers while the worker reads: a round trip through the page's event loop is quick.
  const started = Date.now()
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)))
  expect(Date.now() - started).toBeLessThan(2000)
  await expect(page.getByRole('heading', { level: 1, name: 'Big vendor plan' })).toBeVisible({ timeout: 120_000 })
})

for (const hostile of [
  { name: 'spaces.xml', item: 'Microsoft Project XML…' as const, content: () => hostileXmlLessThanSpaces(1_000_000), message: /spaces\.xml" cannot be imported/ },
  { name: 'predecessors.csv', item: 'CSV task table…' as const, content: () => hostileCsvPredecessorSpaces(99_000), message: /predecessors\.csv" cannot be imported\. Line 3: .* is not a predecessor/ },
]) {
  test(`browser mode refuses ${hostile.name} (once a quadratic input) at once, storing nothing`, async ({ page }) => {
    const path = join(folder, hostile.name)
    await writeFile(path, hostile.content())
    const before = await withStoredPlan(page)
    await startImport(page, hostile.item, path)
    await expect(page.getByRole('alert')).toContainText(hostile.message, { timeout: 20_000 })
    expect(await idbDump(page)).toBe(before)
  })
}
