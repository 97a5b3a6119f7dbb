import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { dateFromWallMinutes } from '../../src/shared/domain/dates'
import { csvNeutralize, csvParse } from '../../src/shared/formats/csv'
import { mspdiRead } from '../../src/shared/formats/mspdi/read'
import { planFileSerialize } from '../../src/shared/formats/plan-file'
import { exportSchedule } from '../../src/main/export'
import { samplePlan } from '../main/export-plans'
import { expect, test } from './support/bridge'
import { mspdiSamplesDir } from '../support/samples'

/**
 * Export and import through the UI (built renderer, bridge harness with the real main-process handlers): the File
 * menu commands reach main, main asks where to save (scripted dialog) and writes the file; the tests read the files
 * on disk with independent readers. Imports open the plan in the workspace.
 */

test.describe.configure({ timeout: 120_000 })
test.use({ viewport: { width: 1600, height: 900 } })


function grid(page: Page) {
  return page.getByRole('treegrid', { name: 'Tasks' })
}

test('export a plan to Excel, Microsoft Project XML and CSV from the File menu: the files hold the plan', async ({ page, bridge }) => {
  const plan = samplePlan()
  const source = bridge.path('rollout.gantry')
  await writeFile(source, planFileSerialize(plan))
  await page.goto('index.html')
  bridge.dialog.queueOpen(source)
  await page.getByRole('button', { name: 'Open file…' }).click()
  await expect(page.getByRole('heading', { level: 1, name: plan.name })).toBeVisible()

  // Excel
  const xlsxPath = bridge.path('rollout.xlsx')
  bridge.dialog.queueSave(xlsxPath)
  await bridge.menu(page, 'file/export-xlsx')
  await expect(page.getByRole('status').filter({ hasText: 'Exported to rollout.xlsx.' })).toBeVisible()
  const book = new ExcelJS.Workbook()
  await book.xlsx.load((await readFile(xlsxPath)) as unknown as ArrayBuffer)
  expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Schedule', 'Gantt', 'Resources', 'Resource usage', 'Milestones', 'RAID'])
  const schedule = book.getWorksheet('Schedule')!
  const names: unknown[] = []
  for (let row = 2; row <= plan.tasks.length + 1; row++) names.push(schedule.getCell(row, 3).value)
  expect(names).toEqual(plan.tasks.map((task) => task.name))
  const engine = exportSchedule(plan)
  const starts: string[] = []
  for (let row = 2; row <= plan.tasks.length + 1; row++) starts.push(dateFromWallMinutes(Math.round((schedule.getCell(row, 5).value as Date).getTime() / 60000)))
  expect(starts).toEqual(plan.tasks.map((_, index) => dateFromWallMinutes(engine.start[index] as number)))

  // Microsoft Project XML
  const xmlPath = bridge.path('rollout.xml')
  bridge.dialog.queueSave(xmlPath)
  await bridge.menu(page, 'file/export-mspdi')
  await expect(page.getByRole('status').filter({ hasText: 'Exported to rollout.xml.' })).toBeVisible()
  const read = mspdiRead(await readFile(xmlPath, 'utf8'))
  if (!read.ok) throw new Error(read.error.message)
  expect(read.plan.tasks.map((task) => [task.name, task.level, task.isMilestone, task.start, task.finish])).toEqual(
    plan.tasks.map((task, index) => [task.name, task.level, task.isMilestone, dateFromWallMinutes(engine.start[index] as number), dateFromWallMinutes(engine.finish[index] as number)]),
  )
  expect(read.plan.dependencies).toHaveLength(plan.dependencies.length)

  // CSV
  const csvPath = bridge.path('rollout.csv')
  bridge.dialog.queueSave(csvPath)
  await bridge.menu(page, 'file/export-csv')
  await expect(page.getByRole('status').filter({ hasText: 'Exported to rollout.csv.' })).toBeVisible()
  const text = await readFile(csvPath, 'utf8')
  expect(text.startsWith('\uFEFF"ID","WBS","Name",')).toBe(true)
  const parsed = csvParse(text)
  if (!parsed.ok) throw new Error(parsed.error)
  expect(parsed.rows.slice(1).map((row) => row[2])).toEqual(plan.tasks.map((task) => csvNeutralize(task.name)))
})

test('import a Microsoft Project sample from the File menu: its tasks open in the workspace', async ({ page, bridge }) => {
  const file = join(mspdiSamplesDir, 'officeimo-relationships.xml')
  const read = mspdiRead(await readFile(file, 'utf8'))
  if (!read.ok) throw new Error(read.error.message)
  await page.goto('index.html')
  bridge.dialog.queueOpen(file)
  await bridge.menu(page, 'file/import-mspdi')
  await expect(page.getByRole('heading', { level: 1, name: read.plan.name })).toBeVisible()
  await expect(grid(page).getByRole('row')).toHaveCount(read.plan.tasks.length + 1)
  for (const task of read.plan.tasks) await expect(grid(page).getByRole('row').filter({ hasText: task.name }).first()).toBeVisible()
})

test('import a task CSV from the File menu: its tasks open in the workspace', async ({ page, bridge }) => {
  const file = bridge.path('tasks.csv')
  await writeFile(file, '\uFEFFName,Outline level,Duration,Predecessors,Resources\r\nLaunch,1,,,\r\nPrepare "kit",2,3d,,Ana\r\nShip it,2,2d,2,"Ana[50%], Ben"\r\n')
  await page.goto('index.html')
  bridge.dialog.queueOpen(file)
  await bridge.menu(page, 'file/import-csv')
  await expect(grid(page).getByRole('row')).toHaveCount(4)
  for (const name of ['Launch', 'Prepare "kit"', 'Ship it']) await expect(grid(page).getByRole('row').filter({ hasText: name }).first()).toBeVisible()
})

test('importing a file that is not Project XML shows a clear message and opens nothing', async ({ page, bridge }) => {
  const file = bridge.path('not-a-project.xml')
  await writeFile(file, '{"this": "is json"}')
  await page.goto('index.html')
  bridge.dialog.queueOpen(file)
  await bridge.menu(page, 'file/import-mspdi')
  await expect(page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: /not-a-project\.xml|Project XML/ }).first()).toBeVisible()
  await expect(grid(page)).toHaveCount(0)
})
