import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import ExcelJS from 'exceljs'

/**
 * The career tracker in browser mode: the education log is exported as downloads built in the page with the same
 * shared builders main uses (CSV text, and the Excel workbook through ExcelJS loaded on demand).
 */

async function download(page: Page, action: () => Promise<void>) {
  const pending = page.waitForEvent('download')
  await action()
  const file = await pending
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) }
}

test('the education log downloads as CSV and as an Excel workbook', async ({ page }) => {
  await page.goto('index.html')
  await page.getByRole('button', { name: 'Career', exact: true }).click()
  await page.getByRole('tab', { name: 'Certifications' }).click()
  await page
    .getByLabel('Certification', { exact: true })
    .selectOption({ label: 'Project Management Professional (PMP)' })
  await page.getByLabel('Status').selectOption({ label: 'Earned' })
  await page.getByLabel('Earned date').fill('2025-03-15')
  await page.getByRole('button', { name: 'Add certification', exact: true }).click()
  const form = page.getByRole('form', { name: 'Log an activity' })
  await form.getByLabel('Date').fill('2025-06-01')
  await form.getByLabel('Activity', { exact: true }).fill('+Agile course')
  await form.getByLabel('Category', { exact: true }).selectOption('Ways of Working')
  await form.getByLabel('PDUs', { exact: true }).fill('2.75')
  await form.getByRole('button', { name: 'Log activity' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Logged 2.75 PDUs: +Agile course.' })).toBeVisible()

  await page.getByRole('tab', { name: 'Education log' }).click()
  const csv = await download(page, () => page.getByRole('button', { name: 'Export to CSV…' }).click())
  expect(csv.name).toMatch(/^gantry-education-log-\d{4}-\d{2}-\d{2}\.csv$/)
  expect(csv.bytes.toString('utf8')).toBe(
    '\uFEFF"Entry","Date","Activity","Activity type","Provider","Category","Units","Unit","Counts toward","Evidence","Note"\r\n' +
      `1,"2025-06-01","'+Agile course","","","Ways of Working",2.75,"PDUs","Project Management Professional (PMP)","",""\r\n`,
  )

  const xlsx = await download(page, () => page.getByRole('button', { name: 'Export to Excel…' }).click())
  expect(xlsx.name).toMatch(/\.xlsx$/)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer)
  const sheet = book.getWorksheet('Education log')
  expect(sheet?.getCell('C2').value).toBe('+Agile course')
  expect(sheet?.getCell('G2').value).toBe(2.75)
  expect(sheet?.getCell('B2').value).toEqual(new Date(Date.UTC(2025, 5, 1)))
})
