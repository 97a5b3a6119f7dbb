import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from '@playwright/test'

const run = promisify(execFile)

/**
 * Browser mode prints through the browser's own print dialog: Print… puts the pages into the document, sets the
 * paper with an @page rule, and the print stylesheet shows only the pages. Playwright cannot drive a print dialog,
 * so window.print is replaced by one that keeps a copy of what was there to print (the pages and the @page rule);
 * then the page is printed to PDF with print media, as the dialog's "Save as PDF" would, and read with poppler:
 * only the Gantt pages, at the paper size chosen, with no part of the app's screen.
 */

test.describe.configure({ timeout: 120_000 })
test.use({ viewport: { width: 1600, height: 900 } })

const fixture = join(__dirname, '..', 'fixtures', 'plans', 'v1-basic.gantry')
let folder = ''
test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gantry-web-print-'))
})
test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

test('Print… prints only the Gantt pages, on the paper chosen, through the print stylesheet', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const record = window as unknown as { __printCalls: number }
    record.__printCalls = 0
    window.print = () => {
      record.__printCalls++
      const sheets = document.querySelector('.print-sheets')
      if (sheets === null) return
      // Keep what the print dialog would have printed, with its paper size, after the app removes its own.
      const copy = sheets.cloneNode(true) as HTMLElement
      copy.dataset.copy = 'true'
      document.body.append(copy)
      const pageRules = document.adoptedStyleSheets
        .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
        .filter((text) => text.startsWith('@page'))
      const kept = new CSSStyleSheet()
      kept.replaceSync(pageRules.join('\n'))
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, kept]
    }
  })
  await page.goto('index.html')
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: /^Open/ }).first().click()
  await (await chooser).setFiles(fixture)
  await expect(page.getByRole('heading', { level: 1, name: 'Website relaunch' })).toBeVisible()

  // Ctrl+P opens Gantry's print dialog rather than printing the screen.
  await page.keyboard.press('Control+p')
  const dialog = page.getByRole('dialog', { name: 'Print the Gantt chart' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Save as PDF…' })).toHaveCount(0)
  await expect(
    dialog.getByText('For a PDF, choose “Save as PDF” as the printer in the print dialog.'),
  ).toBeVisible()
  await dialog.getByLabel('Paper').selectOption('A3')
  await dialog.getByLabel('Portrait').check()
  await expect(dialog.getByRole('status')).toHaveText('1 page: 1 across × 1 down, A3 portrait')
  await dialog.getByRole('button', { name: 'Print…' }).click()
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __printCalls: number }).__printCalls))
    .toBe(1)
  // After printing, the app takes its pages out of the document again.
  await expect(page.locator('.print-sheets:not([data-copy])')).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Close' }).click()

  await page.emulateMedia({ media: 'print' })
  const path = join(folder, 'printed.pdf')
  await writeFile(path, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
  const info = (await run('pdfinfo', [path])).stdout
  expect(info).toMatch(/Pages:\s+1\n/)
  // A3 portrait: 841.89 × 1190.55 points.
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)
  expect(Math.round(Number(size?.[1]))).toBe(842)
  expect(Math.round(Number(size?.[2]))).toBe(1191)
  const text = (await run('pdftotext', ['-layout', path, '-'])).stdout
  for (const name of [
    'Website relaunch',
    'Discovery',
    'Content migration',
    'Go live',
    'Page 1 of 1',
    'Status date 17 Mar 2025',
  ])
    expect(text).toContain(name)
  // Nothing of the app's screen: no navigation, no toolbar, no page setup.
  for (const screenText of ['Workspace', 'Keyboard shortcuts', 'Save As', 'Page setup', 'Orientation'])
    expect(text).not.toContain(screenText)
})
