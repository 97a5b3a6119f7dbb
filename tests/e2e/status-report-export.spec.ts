import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from './support/bridge'

const run = promisify(execFile)

test.describe.configure({ timeout: 180_000 })
test.use({ viewport: { width: 1600, height: 900 } })

/**
 * The status report leaving the desktop app: Save as PDF… hands main the report, main prints it in the print window
 * (here the bridge prints the same print view with Playwright, see support/bridge.ts) and writes it where the user
 * chose; the PDF is read as a reader gets it: pdfinfo for the pages and their size, pdftotext for the words and figures
 * on the page, pdftoppm for the page as drawn (portrait, the ratings in colour). Export to Excel… writes the workbook
 * (its cells and print setup are read back with openpyxl in tests/main/report-export.test.ts).
 */

type Raster = { width: number; height: number; pixels: Uint8Array }

/** Page 1 of a PDF drawn by pdftoppm as a PPM (P6) raster. */
async function firstPageRaster(path: string, dpi: number): Promise<Raster> {
  const folder = await mkdtemp(join(tmpdir(), 'gantry-report-ppm-'))
  try {
    await run('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', path, join(folder, 'page')])
    const [name] = (await readdir(folder)).filter((file) => file.endsWith('.ppm'))
    if (name === undefined) throw new Error('pdftoppm drew no page')
    const bytes = await readFile(join(folder, name))
    // "P6\n<width> <height>\n255\n" then RGB bytes.
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'))
    if (header === null) throw new Error('pdftoppm wrote no P6 raster')
    return { width: Number(header[1]), height: Number(header[2]), pixels: bytes.subarray(header[0].length) }
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

/** How many pixels are close to the colour `rgb`. */
function pixelsNear(raster: Raster, rgb: [number, number, number]): number {
  let count = 0
  for (let offset = 0; offset + 2 < raster.pixels.length; offset += 3) {
    const distance =
      Math.abs((raster.pixels[offset] ?? 0) - rgb[0]) + Math.abs((raster.pixels[offset + 1] ?? 0) - rgb[1]) + Math.abs((raster.pixels[offset + 2] ?? 0) - rgb[2])
    if (distance < 40) count++
  }
  return count
}

test('the desktop app saves the status report as a one-page PDF with its ratings, figures and words, and as an Excel workbook', async ({ page, bridge }) => {
  const planPath = bridge.path('Website relaunch.gantry')
  await writeFile(planPath, await readFile(join(__dirname, '..', 'fixtures', 'plans', 'v5-status.gantry')))
  await page.goto('index.html')
  bridge.dialog.queueOpen(planPath)
  await page.getByRole('button', { name: 'Open file…' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Website relaunch' })).toBeVisible()

  await page.getByRole('tab', { name: 'Status report' }).click()
  const view = page.getByRole('region', { name: 'Status report' })
  // The desktop app writes the PDF itself: no hint about the print dialog's "Save as PDF".
  await expect(view.getByText('choose “Save as PDF”')).toHaveCount(0)
  await view.getByRole('textbox', { name: 'Commentary' }).fill('Design system is late; the vendor was escalated on Monday.')
  await view.getByRole('textbox', { name: 'Decisions needed (one per line)' }).fill('Approve a second designer')
  const shown = view.locator('.sr-main .status-report-page')
  const budgetLine = (await shown.getByRole('region', { name: 'Budget' }).locator('p').innerText()).trim()
  expect(budgetLine).toMatch(/^Budget 25,000\.00/)

  const pdfPath = bridge.path('relaunch-report')
  bridge.dialog.queueSave(pdfPath)
  await view.getByRole('button', { name: 'Save as PDF…' }).click()
  await expect(view.getByRole('status')).toHaveText('Saved the status report to relaunch-report.pdf.')
  const saveDialog = bridge.dialog.shown.at(-1)
  expect(saveDialog?.kind).toBe('save')
  expect((saveDialog?.options as { defaultPath?: string }).defaultPath).toMatch(/Website relaunch status report 2025-03-17\.pdf$/)

  const path = `${pdfPath}.pdf`
  const info = (await run('pdfinfo', [path])).stdout
  expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(1)
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)
  // A4 portrait: 595 × 842 points.
  expect(Math.round(Number(size?.[1]))).toBe(595)
  expect(Math.round(Number(size?.[2]))).toBe(842)
  const text = (await run('pdftotext', ['-layout', path, '-'])).stdout
  for (const words of [
    'Website relaunch: status report',
    'period since',
    'Overall',
    'Schedule',
    'Cost',
    'CPI 0.82',
    '▼ worse',
    'Stakeholder interviews',
    'Design system',
    'Go live',
    'Approve a second designer',
    'Design system is late; the vendor was escalated on Monday.',
  ])
    expect(text).toContain(words)
  // The budget figures as the screen shows them.
  for (const figure of budgetLine.split(' · ')) expect(text.replace(/\s+/g, ' ')).toContain(figure)
  // Nothing of the screen around the report.
  for (const screenText of ['Save report', 'Saved reports', 'Export to Excel']) expect(text).not.toContain(screenText)
  // The page as drawn: portrait, with a margin, and the ratings' colours printed (red badge #c62828).
  const raster = await firstPageRaster(path, 50)
  expect(raster.height).toBeGreaterThan(raster.width)
  expect(pixelsNear(raster, [0xc6, 0x28, 0x28])).toBeGreaterThan(50)
  const topRow = raster.pixels.subarray(0, raster.width * 3 * 10)
  expect(topRow.every((value) => value > 240)).toBe(true)

  // US Letter, chosen beside the button.
  await view.getByLabel('Paper').selectOption('Letter')
  bridge.dialog.queueSave(bridge.path('letter'))
  await view.getByRole('button', { name: 'Save as PDF…' }).click()
  await expect(view.getByRole('status')).toHaveText('Saved the status report to letter.pdf.')
  const letter = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec((await run('pdfinfo', [bridge.path('letter.pdf')])).stdout)
  expect([Math.round(Number(letter?.[1])), Math.round(Number(letter?.[2]))]).toEqual([612, 792])

  // The saved report of 2025-03-10 exports as it was saved.
  await view.getByRole('list', { name: 'Saved reports' }).getByRole('button', { name: '2025-03-10', exact: true }).click()
  bridge.dialog.queueSave(bridge.path('first'))
  await view.getByRole('button', { name: 'Export to Excel…' }).click()
  await expect(view.getByRole('status')).toHaveText('Saved the status report to first.xlsx.')
  const workbook = await readFile(bridge.path('first.xlsx'))
  expect(workbook.subarray(0, 2).toString('latin1')).toBe('PK')
  const { stdout } = await run('/usr/bin/python3', [
    '-c',
    'import openpyxl, sys; ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]; print(ws.title); print(ws["A1"].value); print(ws["A2"].value)',
    bridge.path('first.xlsx'),
  ])
  expect(stdout).toContain('Status report\nWebsite relaunch: status report\nStatus date 2025-03-10, first report.')

  // Cancelling the save dialog writes nothing and says nothing.
  bridge.dialog.queueSave(null)
  await view.getByRole('button', { name: 'Save as PDF…' }).click()
  await expect(view.getByRole('status')).toHaveText('Saved the status report to first.xlsx.')
  expect((await readdir(bridge.folder)).filter((name) => name.endsWith('.pdf')).sort()).toEqual(['letter.pdf', 'relaunch-report.pdf'])
})
