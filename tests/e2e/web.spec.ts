import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import { planFileParse, planFileSerialize } from '../../src/shared/formats/plan-file'
import { mspdiRead, mspdiWrite } from '../../src/shared/formats/mspdi'
import { scheduleRun } from '../../src/shared/domain/schedule'
import ExcelJS from 'exceljs'
import { idbDump } from './support/idb'

/**
 * Browser mode: the same renderer built by `vite build --config vite.web.config.ts`, with no `window.gantry`, so
 * the web platform opens files with the browser's file picker and saves them as downloads.
 */

const fixtures = join(__dirname, '..', 'fixtures', 'plans')
let folder = ''

test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gantry-web-'))
})
test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

async function openThroughPicker(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: /^Open/ }).first().click()
  await (await chooser).setFiles(path)
}

async function downloadedPlan(page: Page, action: () => Promise<void>) {
  const download = page.waitForEvent('download')
  await action()
  const file = await download
  const text = await readFile(await file.path(), 'utf8')
  const parsed = planFileParse(text)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return { name: file.suggestedFilename(), plan: parsed.plan }
}

test('runs without the desktop bridge', async ({ page }) => {
  await page.goto('index.html')
  await expect(page.getByRole('heading', { level: 1, name: 'Plans' })).toBeVisible()
  expect(await page.evaluate(() => 'gantry' in window)).toBe(false)
  const sections = page.getByRole('navigation', { name: 'Sections' })
  for (const section of ['Plans', 'Workspace', 'Career']) {
    await expect(sections.getByRole('button', { name: section, exact: true })).toBeVisible()
  }
})

test('create a plan, rename it, reload: it is still there', async ({ page }) => {
  await page.goto('index.html')
  await page.getByLabel('New plan').fill('Browser plan')
  await page.getByRole('button', { name: 'Create plan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Browser plan' })).toBeVisible()
  await expect(page).toHaveTitle('Browser plan — Gantry')

  await page.getByRole('button', { name: 'Plans', exact: true }).click()
  await page.getByRole('button', { name: 'Rename Browser plan' }).click()
  await page.getByLabel('New name for Browser plan').fill('Renamed in the browser')
  await page.getByRole('button', { name: 'Save name' }).click()
  await page.reload()
  await expect(page.getByRole('rowheader', { name: 'Renamed in the browser' })).toBeVisible()
  await expect(page.getByRole('rowheader', { name: 'Browser plan' })).toHaveCount(0)
})

test('open a file with the file picker and save it as a download that holds the plan', async ({ page }) => {
  const source = join(fixtures, 'v1-basic.gantry')
  const original = planFileParse(await readFile(source, 'utf8'))
  if (!original.ok) throw new Error(original.error.message)

  await page.goto('index.html')
  await openThroughPicker(page, source)
  await expect(page.getByRole('heading', { level: 1, name: 'Website relaunch' })).toBeVisible()
  await expect(page.getByRole('treegrid', { name: 'Tasks' })).toContainText('Content migration')

  // The keyboard shortcut stands in for File > Save; the download keeps the opened file's name.
  const again = await downloadedPlan(page, () => page.keyboard.press('Control+s'))
  expect(again.name).toBe('v1-basic.gantry')

  const saved = await downloadedPlan(page, () => page.getByRole('button', { name: 'Save As…' }).click())
  expect(saved.name).toBe('Website relaunch.gantry')
  expect({ ...saved.plan, updatedAt: '' }).toEqual({ ...original.plan, updatedAt: '' })

  // Reload: the plan is in browser storage; opening the downloaded file again gives the same plan, once.
  const downloaded = join(folder, 'downloaded.gantry')
  await writeFile(downloaded, planFileSerialize(saved.plan))
  await page.reload()
  await openThroughPicker(page, downloaded)
  await expect(page.getByRole('treegrid', { name: 'Tasks' })).toContainText('Content migration')
  await page.getByRole('button', { name: 'Plans', exact: true }).click()
  await expect(page.getByRole('rowheader', { name: 'Website relaunch' })).toHaveCount(1)
})

test('a new plan saved from the browser downloads under its name', async ({ page }) => {
  await page.goto('index.html')
  await page.getByLabel('New plan').fill('Q3 roadmap: infra/ops')
  await page.getByRole('button', { name: 'Create plan' }).click()
  const saved = await downloadedPlan(page, () =>
    page.getByRole('button', { name: 'Save', exact: true }).click(),
  )
  expect(saved.name).toBe('Q3 roadmap infra ops.gantry')
  expect(saved.plan.name).toBe('Q3 roadmap: infra/ops')
})

test('two tabs: the plan list follows the other tab, and a change there to the plan this tab edits is refused, never stored over it', async ({
  page,
}) => {
  await page.goto('index.html')
  await page.getByLabel('New plan').fill('Shared plan')
  await page.getByRole('button', { name: 'Create plan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Shared plan' })).toBeVisible()

  const other = await page.context().newPage()
  await other.goto('index.html')
  await other.getByLabel('New plan').fill('Made in tab two')
  await other.getByRole('button', { name: 'Create plan' }).click()
  await expect(other.getByRole('heading', { level: 1, name: 'Made in tab two' })).toBeVisible()
  await page.getByRole('button', { name: 'Plans', exact: true }).click()
  await expect(page.getByRole('rowheader', { name: 'Made in tab two' })).toBeVisible()
  await page.getByRole('button', { name: 'Open Shared plan' }).click()

  // This tab edits Shared plan: the other tab may not rename it from its list.
  await other.getByRole('button', { name: 'Plans', exact: true }).click()
  await other.getByRole('button', { name: 'Rename Shared plan' }).click()
  await other.getByLabel('New name for Shared plan').fill('Renamed in tab two')
  await other.getByRole('button', { name: 'Save name' }).click()
  await expect(other.getByRole('alert').filter({ hasText: 'open for editing in another window or tab' })).toBeVisible()
  await expect(other.getByRole('rowheader', { name: 'Shared plan' })).toBeVisible()

  // The tab that edits it renames it, and the other tab's list follows.
  await page.getByRole('button', { name: 'Plans', exact: true }).click()
  await page.getByRole('button', { name: 'Rename Shared plan' }).click()
  await page.getByLabel('New name for Shared plan').fill('Renamed in tab one')
  await page.getByRole('button', { name: 'Save name' }).click()
  await expect(other.getByRole('rowheader', { name: 'Renamed in tab one' })).toBeVisible()
  await expect(other.getByRole('rowheader', { name: 'Shared plan' })).toHaveCount(0)
  await other.close()
})

async function download(page: Page, action: () => Promise<void>) {
  const pending = page.waitForEvent('download')
  await action()
  const file = await pending
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) }
}

test('exports Excel, Microsoft Project XML and CSV as downloads, and imports XML and CSV', async ({
  page,
}) => {
  const source = join(fixtures, 'v1-basic.gantry')
  const original = planFileParse(await readFile(source, 'utf8'))
  if (!original.ok) throw new Error(original.error.message)
  const taskNames = original.plan.tasks.map((task) => task.name)

  await page.goto('index.html')
  await openThroughPicker(page, source)
  await expect(page.getByRole('heading', { level: 1, name: 'Website relaunch' })).toBeVisible()
  const exportAs = async (item: string) =>
    download(page, async () => {
      await page.getByRole('button', { name: 'Export' }).click()
      await page.getByRole('menuitem', { name: item }).click()
    })

  const xlsx = await exportAs('Excel workbook (.xlsx)')
  expect(xlsx.name).toBe('Website relaunch.xlsx')
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer)
  const schedule = workbook.getWorksheet('Schedule')
  expect(schedule).toBeDefined()
  const cells: string[] = []
  schedule?.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))))
  for (const name of taskNames) expect(cells).toContain(name)

  const xml = await exportAs('Microsoft Project XML (.xml)')
  expect(xml.name).toBe('Website relaunch.xml')
  const read = mspdiRead(xml.bytes.toString('utf8'))
  if (!read.ok) throw new Error(read.error.message)
  expect(read.plan.tasks.map((task) => task.name)).toEqual(taskNames)

  const csv = await exportAs('CSV task table (.csv)')
  expect(csv.name).toBe('Website relaunch.csv')
  expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
  for (const name of taskNames) expect(csv.bytes.toString('utf8')).toContain(name)

  // Import what another tool would send: Microsoft Project XML, then the CSV table.
  const scheduled = scheduleRun(original.plan)
  if (!scheduled.ok) throw new Error('fixture does not schedule')
  const xmlPath = join(folder, 'vendor plan.xml')
  await writeFile(xmlPath, mspdiWrite({ ...original.plan, name: 'Vendor plan' }, scheduled.schedule))
  await page.getByRole('button', { name: 'Plans', exact: true }).click()
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import' }).click()
  await page.getByRole('menuitem', { name: 'Microsoft Project XML…' }).click()
  await (await chooser).setFiles(xmlPath)
  await expect(page.getByRole('treegrid', { name: 'Tasks' })).toContainText('Content migration')

  const csvPath = join(folder, 'from-excel.csv')
  await writeFile(csvPath, csv.bytes)
  await page.getByRole('button', { name: 'Plans', exact: true }).click()
  const csvChooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import' }).click()
  await page.getByRole('menuitem', { name: 'CSV task table…' }).click()
  await (await csvChooser).setFiles(csvPath)
  await expect(page.getByRole('heading', { level: 1, name: 'from-excel' })).toBeVisible()
  await expect(page.getByRole('treegrid', { name: 'Tasks' })).toContainText('Stakeholder interviews')
  await page.getByRole('button', { name: 'Plans', exact: true }).click()
  await expect(page.getByRole('table', { name: 'Stored plans' }).getByRole('row')).toHaveCount(4)
})

const badFiles: Array<{ name: string; write?: () => string | Uint8Array; message: RegExp }> = [
  { name: 'truncated.gantry', message: /not valid JSON/ },
  { name: 'not-json.gantry', message: /not valid JSON/ },
  { name: 'empty.gantry', message: /empty/ },
  {
    name: 'binary.gantry',
    write: () => new Uint8Array(4096).map((_, index) => (index * 131 + 7) % 256),
    message: /not valid JSON/,
  },
  { name: 'newer-version.gantry', message: /newer version of Gantry/ },
  { name: 'hostile-proto-key.gantry', message: /damaged.*__proto__/ },
  { name: 'hostile-number-overflow.gantry', message: /damaged.*duration/ },
  {
    name: 'hostile-10mb-string.gantry',
    write: () =>
      planFileSerialize(
        makePlan('huge', 'Huge', '2025-01-06T08:00:00', '2025-01-01T09:00:00', {
          tasks: [makeTask(1, { name: 'x'.repeat(10 * 1024 * 1024) })],
        }),
      ),
    message: /damaged.*tasks\.0\.name/,
  },
]

for (const bad of badFiles) {
  test(`browser mode: opening ${bad.name} shows a clear message and changes nothing stored`, async ({
    page,
  }) => {
    const path = bad.write === undefined ? join(fixtures, bad.name) : join(folder, bad.name)
    if (bad.write !== undefined) await writeFile(path, bad.write())
    await page.goto('index.html')
    await page.getByLabel('New plan').fill('Keep me')
    await page.getByRole('button', { name: 'Create plan' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Keep me' })).toBeVisible()
    await page.getByRole('button', { name: 'Plans', exact: true }).click()
    await expect(page.getByRole('rowheader', { name: 'Keep me' })).toBeVisible()
    const before = await idbDump(page)

    await openThroughPicker(page, path)
    await expect(page.getByRole('alert')).toContainText(bad.message)
    expect(await idbDump(page)).toBe(before)
    await expect(page.getByRole('table', { name: 'Stored plans' }).getByRole('row')).toHaveCount(2)
  })
}
