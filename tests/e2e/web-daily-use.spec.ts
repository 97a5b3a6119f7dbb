import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import ExcelJS from 'exceljs'
import { planFileSerialize } from '../../src/shared/formats/plan-file'
import { generatePlan } from '../support/generate-plan'

/**
 * Issue 15 in browser mode (no desktop menu): the menu's view and zoom keys work in the page (Ctrl+1..4, Ctrl+=
 * and Ctrl+-), the page asks the server for nothing it does not have (the favicon was a 404), and the Excel export
 * of a big plan is made off the page's thread.
 */
test.use({ viewport: { width: 1440, height: 900 } })

test('item 8: the page asks the server for nothing it does not have (the favicon was a 404)', async ({ page }) => {
  const failed: string[] = []
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`)
  })
  page.on('requestfailed', (request) => failed.push(`failed ${request.url()}`))
  await page.goto('index.html')
  await expect(page.getByRole('heading', { level: 1, name: 'Plans' })).toBeVisible()
  await page.getByLabel('New plan').fill('Requests')
  await page.getByRole('button', { name: 'Create plan' }).click()
  await expect(page.getByRole('treegrid', { name: 'Tasks' })).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(failed).toEqual([])
  // The page names its icon (without one a browser asks for /favicon.ico), and the server has it.
  const icon = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? null)
  expect(icon).toMatch(/favicon\.svg$/)
  expect((await page.request.get(icon ?? '')).status()).toBe(200)
})

test('item 8: Ctrl+1..4 switch the views and Ctrl+= / Ctrl+- zoom the timeline without a desktop menu', async ({ page }) => {
  await page.goto('index.html')
  await page.getByLabel('New plan').fill('Keys in the browser')
  await page.getByRole('button', { name: 'Create plan' }).click()
  await expect(page.getByRole('treegrid', { name: 'Tasks' })).toBeVisible()

  const tab = (name: string) => page.getByRole('tab', { name, exact: true })
  await page.keyboard.press('Control+2')
  await expect(tab('Milestones')).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Control+3')
  await expect(tab('Resources')).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Control+4')
  await expect(tab('Resource usage')).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Control+1')
  await expect(tab('Gantt')).toHaveAttribute('aria-selected', 'true')

  const zoom = page.getByLabel('Zoom')
  await expect(zoom).toHaveValue('1')
  await page.keyboard.press('Control+-')
  await expect(zoom).toHaveValue('2')
  await page.keyboard.press('Control+=')
  await page.keyboard.press('Control+=')
  await expect(zoom).toHaveValue('0')
  // The page itself was not zoomed by the browser.
  expect(await page.evaluate(() => window.devicePixelRatio)).toBe(1)

  await page.keyboard.press('Control+0')
  await expect(page.getByRole('heading', { level: 1, name: 'Plans' })).toBeVisible()
})

test('item 10: the Excel export of a big plan is made in a worker, and the workbook holds every task', async ({ page }) => {
  test.setTimeout(180_000)
  const folder = await mkdtemp(join(tmpdir(), 'gantry-web-export-'))
  try {
    const plan = { ...generatePlan({ tasks: 3000, seed: 7, resources: 20 }), name: 'Big rollout' }
    const file = join(folder, 'big-rollout.gantry')
    await writeFile(file, planFileSerialize(plan))
    await page.goto('index.html')
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Open file…' }).click()
    await (await chooser).setFiles(file)
    await expect(page.getByRole('heading', { level: 1, name: 'Big rollout' })).toBeVisible({ timeout: 60_000 })

    const workers: string[] = []
    page.on('worker', (worker) => workers.push(worker.url()))
    const download = page.waitForEvent('download', { timeout: 120_000 })
    await page.getByRole('button', { name: 'Export' }).click()
    await page.getByRole('menuitem', { name: 'Excel workbook (.xlsx)' }).click()
    const saved = await download
    // The workbook was made off the page's thread (in the page, a 10,000-task plan held it for seconds).
    expect(workers.some((url) => /web-export-worker/.test(url))).toBe(true)
    expect(saved.suggestedFilename()).toBe('Big rollout.xlsx')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await readFile(await saved.path())) as unknown as ArrayBuffer)
    const schedule = book.getWorksheet('Schedule')
    expect(schedule?.rowCount).toBe(plan.tasks.length + 1)
    expect(schedule?.getCell(plan.tasks.length + 1, 3).value).toBe(plan.tasks.at(-1)?.name)
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
})
