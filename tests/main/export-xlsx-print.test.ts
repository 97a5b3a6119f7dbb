/**
 * The Excel export on paper: the print setup read back with openpyxl (landscape, fit to pages wide, print titles,
 * header and footer), the outline readable (indented names, bold summaries), the RAID sheet's rows; and the workbook
 * printed to PDF by LibreOffice, read with pdfinfo and pdftotext (pages, orientation, the header row and "Page x of
 * y" on every page). A 21-task plan used to print as 15 portrait pages with its columns split.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Plan } from '../../src/shared/domain/model'
import { xlsxBuildPlanWorkbook } from '../../src/shared/formats/xlsx/build'
import { xlsxPrintPagesWide } from '../../src/shared/formats/xlsx/print-setup'
import { xlsxRender } from '../../src/shared/formats/xlsx/render'
import type { XlsxWorkbook } from '../../src/shared/formats/xlsx/spec'
import { exportPlanXlsx, exportSchedule } from '../../src/main/export'
import { excelJs } from '../../src/main/export/xlsx'
import { generatePlan } from '../support/generate-plan'
import { samplePlan, samplePlanNow } from './export-plans'

const run = promisify(execFile)
const now = '2026-02-03T09:00:00'
let folder = ''

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gantry-xlsx-print-'))
})
afterAll(async () => {
  if (folder !== '') await rm(folder, { recursive: true, force: true })
})

function generated(tasks: number): Plan {
  return {
    ...generatePlan({ tasks, seed: 3, resources: 4 }),
    name: 'Print & check "plan"',
    statusDate: '2026-02-02T17:00:00',
  }
}

type SheetPrint = {
  orientation: string
  fitToPage: boolean
  fitToWidth: number
  fitToHeight: number
  titleRows: string | null
  titleColumns: string | null
  header: [string | null, string | null, string | null]
  footer: string | null
  /** Schedule: per task row, the name cell's indent and bold flag. */
  names: [number, boolean][]
  rows: (string | number | boolean | null)[][]
}

const openpyxlScript = String.raw`
import datetime, json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
report = {}
def value(v):
    if isinstance(v, datetime.datetime):
        return v.strftime('%Y-%m-%d')
    return v
for ws in book.worksheets:
    ps = ws.page_setup
    pr = ws.sheet_properties.pageSetUpPr
    names = []
    if ws.title == 'Schedule':
        for r in range(2, ws.max_row + 1):
            cell = ws.cell(row=r, column=3)
            names.append([int(cell.alignment.indent or 0), bool(cell.font.b)])
    report[ws.title] = {
        'orientation': ps.orientation,
        'fitToPage': bool(pr.fitToPage) if pr is not None else False,
        'fitToWidth': int(ps.fitToWidth),
        'fitToHeight': int(ps.fitToHeight),
        'titleRows': ws.print_title_rows,
        'titleColumns': ws.print_title_cols,
        'header': [ws.oddHeader.left.text, ws.oddHeader.center.text, ws.oddHeader.right.text],
        'footer': ws.oddFooter.center.text,
        'names': names,
        'rows': [[value(c) for c in row] for row in ws.iter_rows(values_only=True)] if ws.title == 'RAID' else [],
    }
print(json.dumps(report))
`

async function openpyxlRead(bytes: Uint8Array, name: string): Promise<Record<string, SheetPrint>> {
  const file = join(folder, name)
  await writeFile(file, bytes)
  try {
    const { stdout } = await run('/usr/bin/python3', ['-c', openpyxlScript, file], {
      maxBuffer: 64 * 1024 * 1024,
    })
    return JSON.parse(stdout) as Record<string, SheetPrint>
  } catch (error) {
    throw new Error(
      `python3 with openpyxl is needed to read the export back (apt: python3-openpyxl; .ci/run installs it): ${String(error)}`,
      { cause: error },
    )
  }
}

describe('Excel print setup read by openpyxl', () => {
  it('prints every sheet landscape with its header row on every page, the plan in the header and "Page x of y" in the footer', async () => {
    const plan = generated(300)
    const workbook = xlsxBuildPlanWorkbook(plan, exportSchedule(plan), { now })
    const sheets = await openpyxlRead(await exportPlanXlsx(plan, now), 'generated.xlsx')
    expect(Object.keys(sheets)).toEqual([
      'Schedule',
      'Gantt',
      'Resources',
      'Resource usage',
      'Milestones',
      'Earned value',
      'RAID',
    ])
    for (const [name, sheet] of Object.entries(sheets)) {
      expect(sheet.orientation, name).toBe('landscape')
      expect(sheet.fitToPage, name).toBe(true)
      expect(sheet.fitToHeight, name).toBe(0)
      // The Earned value table starts under its status date and baseline lines.
      expect(sheet.titleRows, name).toBe(name === 'Earned value' ? '$4:$4' : '$1:$1')
      // openpyxl gives the codes as written: the ampersand doubled (LibreOffice prints one, see below).
      expect(sheet.header, name).toEqual(['Print && check "plan"', '&A', 'Status date 2026-02-02'])
      expect(sheet.footer, name).toBe('Page &P of &N')
    }
    for (const name of ['Schedule', 'Resources', 'Milestones', 'Earned value', 'RAID']) {
      expect(sheets[name]?.fitToWidth, name).toBe(1)
      expect(sheets[name]?.titleColumns, name).toBeNull()
    }
    // Timelines: as many pages wide as keep the print at 60 % or more, with the row names repeated on each.
    const gantt = workbook.sheets.find((sheet) => sheet.name === 'Gantt')
    expect(gantt).toBeDefined()
    expect(sheets.Gantt?.fitToWidth).toBe(xlsxPrintPagesWide(gantt?.columns ?? [], 2))
    expect(sheets.Gantt?.fitToWidth).toBeGreaterThan(1)
    expect(sheets.Gantt?.titleColumns).toBe('$A:$B')
    expect(sheets['Resource usage']?.titleColumns).toBe('$A:$B')
  })

  it('prints "Printed" and the date when the plan has no status date', async () => {
    const plan = { ...generated(21), statusDate: null }
    const sheets = await openpyxlRead(await exportPlanXlsx(plan, now), 'no-status.xlsx')
    expect(sheets.Schedule?.header[2]).toBe('Printed &D')
  })

  it('keeps the outline readable on paper: names indented one step per level, summaries in bold', async () => {
    const plan = generated(40)
    const schedule = exportSchedule(plan)
    const sheets = await openpyxlRead(await exportPlanXlsx(plan, now), 'outline.xlsx')
    expect(sheets.Schedule?.names).toEqual(
      plan.tasks.map((task, index) => [task.level - 1, schedule.isSummary[index] === 1]),
    )
    expect(new Set(plan.tasks.map((task) => task.level))).toEqual(new Set([1, 2, 3]))
  })

  it('writes the RAID log as its own sheet: codes, kinds, dates, ratings, score, overdue flags and linked tasks', async () => {
    const sheets = await openpyxlRead(await exportPlanXlsx(samplePlan(), samplePlanNow), 'sample.xlsx')
    const rows = sheets.RAID?.rows ?? []
    expect(rows[0]?.slice(0, 8)).toEqual([
      'Code',
      'Type',
      'Title',
      'Status',
      'Owner',
      'Due / needed by',
      'Overdue on 2026-03-10',
      'Probability (1-5)',
    ])
    const byCode = new Map(rows.slice(1).map((row) => [row[0], row]))
    expect([...byCode.keys()]).toEqual(['R1', 'R2', 'A3', 'I4', 'D5'])
    // R2 is open and was due 1 March; R1 occurred (closed) although its date passed; I4 is due later.
    expect(byCode.get('R2')?.slice(0, 11)).toEqual([
      'R2',
      'Risk',
      '=Tester unavailable',
      'open',
      'Ben',
      '2026-03-01',
      'Yes',
      2,
      3,
      6,
      'accept',
    ])
    expect(byCode.get('R1')?.slice(3, 11)).toEqual([
      'occurred',
      'Ana Ferreira',
      '2026-03-06',
      'No',
      4,
      5,
      20,
      'mitigate',
    ])
    expect(byCode.get('I4')?.slice(0, 13)).toEqual([
      'I4',
      'Issue',
      'Vendor API late',
      'in progress',
      'Ana Ferreira',
      '2026-03-20',
      'No',
      null,
      null,
      null,
      'critical',
      null,
      'Mock server in use',
    ])
    expect(byCode.get('I4')?.slice(15)).toEqual(['6 +Backend\nAPI; 9 Go-live', '2026-03-07', 'R1'])
    expect(byCode.get('D5')?.slice(0, 12)).toEqual([
      'D5',
      'Dependency',
      'Production certificates',
      'expected',
      'Ben',
      '2026-03-25',
      'No',
      null,
      null,
      null,
      null,
      'Security team',
    ])
  })
})

/** Prints a one-sheet workbook to PDF with LibreOffice; returns the text of each page and the page size. */
async function printedByLibreOffice(
  workbook: XlsxWorkbook,
  sheetName: string,
): Promise<{ pages: string[]; width: number; height: number }> {
  const sheet = workbook.sheets.find((candidate) => candidate.name === sheetName)
  if (sheet === undefined) throw new Error(`no sheet ${sheetName}`)
  const file = join(
    folder,
    `${sheetName.replace(/\s/g, '-')}-${workbook.sheets.length}-${sheet.rows.length}.xlsx`,
  )
  await writeFile(file, await xlsxRender({ ...workbook, sheets: [sheet] }, excelJs))
  const out = await mkdtemp(join(folder, 'pdf-'))
  const profile = await mkdtemp(join(folder, 'profile-'))
  try {
    await run(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', out, file],
      { timeout: 240_000 },
    )
  } catch (error) {
    throw new Error(
      `LibreOffice (soffice) is needed to print the export (apt: libreoffice-calc; .ci/run installs it): ${String(error)}`,
      { cause: error },
    )
  }
  const [pdf] = (await readdir(out)).filter((name) => name.endsWith('.pdf'))
  if (pdf === undefined) throw new Error('LibreOffice wrote no PDF')
  const path = join(out, pdf)
  const info = (await run('pdfinfo', [path])).stdout
  const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1])
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)
  const pages: string[] = []
  for (let page = 1; page <= count; page++)
    pages.push(
      (await run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), path, '-'])).stdout,
    )
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) }
}

describe('Excel export printed by LibreOffice', () => {
  it('prints a 21-task schedule on one landscape page with every column', async () => {
    const plan = generated(21)
    const printed = await printedByLibreOffice(
      xlsxBuildPlanWorkbook(plan, exportSchedule(plan), { now }),
      'Schedule',
    )
    expect(printed.pages).toHaveLength(1)
    expect(printed.width).toBeGreaterThan(printed.height)
    const page = printed.pages[0] ?? ''
    for (const title of [
      'ID',
      'WBS',
      'Name',
      'Start',
      'Finish',
      'Predecessors',
      'Resources',
      '% Complete',
      'Critical',
    ])
      expect(page).toContain(title)
    expect(page).toContain('Task 21')
    expect(page).toMatch(/Print & check "plan"[\s\S]*Schedule[\s\S]*Status date 2026-02-02/)
    expect(page).toContain('Page 1 of 1')
  }, 300_000)

  it('repeats the header row and numbers the pages of a 300-task schedule', async () => {
    const plan = generated(300)
    const printed = await printedByLibreOffice(
      xlsxBuildPlanWorkbook(plan, exportSchedule(plan), { now }),
      'Schedule',
    )
    expect(printed.pages.length).toBeGreaterThan(1)
    printed.pages.forEach((page, index) => {
      expect(page, `page ${index + 1}`).toMatch(/Predecessors\s+Resources\s+% Complete/)
      expect(page, `page ${index + 1}`).toContain(`Page ${index + 1} of ${printed.pages.length}`)
    })
    expect(printed.pages.join('\n')).toContain('Task 300')
  }, 300_000)
})
