/**
 * The Excel export read back by three independent readers: ExcelJS itself, LibreOffice (headless conversion of every
 * sheet to CSV) and openpyxl (outline levels, hidden and collapsed rows, frozen panes, autofilter, raw cell types).
 * Every value of every sheet is compared with the workbook description the export was built from.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dateFromWallMinutes } from '../../src/shared/domain/dates'
import type { Plan } from '../../src/shared/domain/model'
import { csvParse } from '../../src/shared/formats/csv'
import { xlsxBuildPlanWorkbook } from '../../src/shared/formats/xlsx/build'
import { xlsxCellText, xlsxRender } from '../../src/shared/formats/xlsx/render'
import { excelJs } from '../../src/main/export/xlsx'
import type { XlsxCell, XlsxSheet, XlsxWorkbook } from '../../src/shared/formats/xlsx/spec'
import { exportPlanXlsx, exportSchedule } from '../../src/main/export'
import { generatePlan } from '../support/generate-plan'
import { samplePlan, samplePlanNow } from './export-plans'
import { outlinePlan, outlinePlanCollapsed, outlinePlanHidden, outlinePlanLevels, outlinePlanNow } from './export-xlsx-outline-plan'

const run = promisify(execFile)
const missingTool = (tool: string, cause: unknown): Error =>
  new Error(
    `${tool} is needed to check the Excel export with an independent reader but could not be run ` +
      `(${cause instanceof Error ? cause.message : String(cause)}). Install it with .ci/run (apt: libreoffice-calc, python3-openpyxl).`,
  )

type Case = { name: string; plan: Plan; workbook: XlsxWorkbook; bytes: Uint8Array; file: string }

let folder = ''
const cases: Case[] = []

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gantry-xlsx-'))
  const long = generatePlan({ tasks: 300, seed: 11, resources: 6 })
  for (const [name, plan] of [
    ['sample', samplePlan()],
    ['generated', long],
  ] as const) {
    const bytes = await exportPlanXlsx(plan, samplePlanNow)
    const workbook = xlsxBuildPlanWorkbook(plan, exportSchedule(plan), { now: samplePlanNow })
    const file = join(folder, `${name}.xlsx`)
    await writeFile(file, bytes)
    cases.push({ name, plan, workbook, bytes, file })
  }
  // A partly collapsed outline, written by the streaming writer (Node) and by the in-memory one (browser build).
  const plan = outlinePlan()
  const workbook = xlsxBuildPlanWorkbook(plan, exportSchedule(plan), { now: outlinePlanNow })
  for (const [name, bytes] of [
    ['outline', await exportPlanXlsx(plan, outlinePlanNow)],
    ['outline-in-memory', await xlsxRender(workbook, excelJs, { isStreaming: false })],
  ] as const) {
    const file = join(folder, `${name}.xlsx`)
    await writeFile(file, bytes)
    cases.push({ name, plan, workbook, bytes, file })
  }
})

afterAll(async () => {
  if (folder !== '') await rm(folder, { recursive: true, force: true })
})

function caseNamed(name: string): Case {
  const found = cases.find((candidate) => candidate.name === name)
  if (found === undefined) throw new Error(`no case ${name}`)
  return found
}

/** Every cell of a sheet description by 0-based [row, column], spans expanded (a span wins over `cells`). */
function specCells(sheet: XlsxSheet): Map<string, XlsxCell> {
  const cells = new Map<string, XlsxCell>()
  sheet.rows.forEach((row, rowIndex) => {
    row.cells.forEach((cell, column) => {
      if (cell !== null) cells.set(`${rowIndex},${column}`, cell)
    })
    for (const span of row.spans ?? []) {
      for (let column = span.from; column <= span.to; column++) cells.set(`${rowIndex},${column}`, span.cell)
    }
  })
  return cells
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** The text a spreadsheet shows for a described cell (the formats the export uses, in an English locale). */
function shownText(cell: XlsxCell | undefined): string {
  if (cell === undefined || cell.type === 'empty') return ''
  const format = cell.style?.numFmt
  switch (cell.type) {
    case 'string':
      return xlsxCellText(cell.value)
    case 'boolean':
      return cell.value ? 'TRUE' : 'FALSE'
    case 'date': {
      const text = dateFromWallMinutes(cell.value)
      if (format === 'yyyy-mm-dd hh:mm') return `${text.slice(0, 10)} ${text.slice(11, 16)}`
      if (format === 'yyyy-mm-dd') return text.slice(0, 10)
      if (format === 'dd mmm') return `${text.slice(8, 10)} ${monthNames[Number(text.slice(5, 7)) - 1]}`
      throw new Error(`no expected text for date format ${format}`)
    }
    case 'number':
      if (format === undefined) return String(cell.value)
      if (format === '0%') return `${Math.round(cell.value * 100)}%`
      if (format === '#,##0.00') return cell.value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
      throw new Error(`no expected text for number format ${format}`)
  }
}

/** Reads a file with ExcelJS and compares every cell, value, type, number format, fill and column width with the description. */
async function compareWithExcelJs(bytes: Uint8Array, workbook: XlsxWorkbook): Promise<number> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Schedule', 'Gantt', 'Resources', 'Resource usage', 'Milestones', 'RAID'])
  let compared = 0
  for (const sheet of workbook.sheets) {
    const worksheet = book.getWorksheet(sheet.name)
    if (worksheet === undefined) throw new Error(`missing sheet ${sheet.name}`)
    const expected = specCells(sheet)
    // Every cell in the file is one the description has (nothing extra), and has its value.
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        const key = `${rowNumber - 1},${columnNumber - 1}`
        const want = expected.get(key)
        if (want === undefined) {
          expect.soft(cell.value, `${sheet.name} ${cell.address} is not in the description`).toBe(null)
          return
        }
        switch (want.type) {
          case 'string':
            expect(cell.value, `${sheet.name} ${cell.address}`).toBe(xlsxCellText(want.value))
            break
          case 'number':
          case 'boolean':
            expect(cell.value, `${sheet.name} ${cell.address}`).toBe(want.value)
            break
          case 'date':
            expect(cell.value, `${sheet.name} ${cell.address}`).toBeInstanceOf(Date)
            expect(dateFromWallMinutes(Math.round((cell.value as Date).getTime() / 60000)), `${sheet.name} ${cell.address}`).toBe(dateFromWallMinutes(want.value))
            expect(cell.numFmt, `${sheet.name} ${cell.address}`).toBe(want.style?.numFmt)
            break
          case 'empty':
            expect(cell.value, `${sheet.name} ${cell.address}`).toBe(null)
        }
        const fill = want.style?.fill
        if (fill !== undefined) expect(cell.fill, `${sheet.name} ${cell.address} fill`).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill}` } })
        compared++
      })
    })
    // ...and every described cell is in the file.
    for (const [key, want] of expected) {
      const [row, column] = key.split(',').map(Number) as [number, number]
      const cell = worksheet.getRow(row + 1).getCell(column + 1)
      if (want.type === 'empty') expect(cell.fill, `${sheet.name} ${cell.address} bar`).toMatchObject({ fgColor: { argb: `FF${want.style.fill}` } })
      else expect(cell.value, `${sheet.name} ${cell.address}`).not.toBe(null)
    }
    sheet.columns.forEach((column, index) => {
      expect(worksheet.getColumn(index + 1).width, `${sheet.name} column ${index + 1} width`).toBe(column.width)
      if (column.style?.fill !== undefined) {
        expect(worksheet.getColumn(index + 1).fill, `${sheet.name} column ${index + 1} shading`).toMatchObject({ fgColor: { argb: `FF${column.style.fill}` } })
      }
    })
  }
  return compared
}

describe('Excel export read back with ExcelJS', () => {
  it.each(['sample', 'generated'])('holds every value, type and fill of every sheet (%s plan)', async (name) => {
    const { bytes, workbook } = caseNamed(name)
    expect(await compareWithExcelJs(bytes, workbook)).toBeGreaterThan(name === 'sample' ? 150 : 3000)
  })

  it('writes the same cells with the in-memory workbook the browser build uses', async () => {
    const { workbook } = caseNamed('generated')
    const bytes = await xlsxRender(workbook, excelJs, { isStreaming: false })
    expect(await compareWithExcelJs(bytes, workbook)).toBeGreaterThan(3000)
  })

  it('keeps text that looks like a formula as text, never as a formula', async () => {
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(caseNamed('sample').bytes) as unknown as ArrayBuffer)
    const schedule = book.getWorksheet('Schedule')!
    const names = [3, 6, 7, 8].map((row) => schedule.getCell(row + 1, 3))
    expect(names.map((cell) => [cell.type, cell.value])).toEqual([
      [ExcelJS.ValueType.String, '=HYPERLINK("http://example.com","x")'],
      [ExcelJS.ValueType.String, '+Backend\nAPI'],
      [ExcelJS.ValueType.String, '-Frontend'],
      [ExcelJS.ValueType.String, '@Review'],
    ])
    expect(book.getWorksheet('Resources')!.getCell('B2').value).toBe('=cmd|calc')
  })
})

type OpenpyxlReport = {
  sheets: Record<
    string,
    {
      freeze: string | null
      autoFilter: string | null
      summaryBelow: boolean | null
      outline: number[]
      /** Per task row (row 2 on): hidden, and the collapsed flag, as openpyxl reads them. */
      hidden: boolean[]
      collapsed: boolean[]
      /** Row numbers with hidden="1" / collapsed="1" in the sheet's XML. */
      rawHiddenRows: number[]
      rawCollapsedRows: number[]
      formulaCells: number
      rawFormulaElements: number
      injectionCellTypes: string[]
      maxRow: number
      maxColumn: number
    }
  >
}

const openpyxlScript = String.raw`
import json, re, sys, zipfile
import openpyxl
path = sys.argv[1]
book = openpyxl.load_workbook(path)
raw = zipfile.ZipFile(path)
names = [n for n in raw.namelist() if n.startswith('xl/worksheets/sheet')]
report = {'sheets': {}}
shared = re.findall(r'<si><t[^>]*>(.*?)</t></si>', raw.read('xl/sharedStrings.xml').decode('utf-8'), re.S)
risky = set(i for i, text in enumerate(shared) if text != '' and text[0] in '=+-@')
for index, sheet in enumerate(book.worksheets):
    xml = raw.read('xl/worksheets/sheet%d.xml' % (index + 1)).decode('utf-8')
    types = []
    for attrs, value in re.findall(r'<c ([^>]*)><v>([^<]*)</v></c>', xml):
        t = re.search(r' t="([^"]+)"', ' ' + attrs)
        if t and t.group(1) == 's' and int(value) in risky:
            types.append('s')
    props = sheet.sheet_properties.outlinePr
    report['sheets'][sheet.title] = {
        'freeze': sheet.freeze_panes,
        'autoFilter': sheet.auto_filter.ref,
        'summaryBelow': None if props is None else bool(props.summaryBelow),
        'outline': [sheet.row_dimensions[r].outlineLevel or 0 for r in range(2, sheet.max_row + 1)],
        'hidden': [bool(sheet.row_dimensions[r].hidden) for r in range(2, sheet.max_row + 1)],
        'collapsed': [bool(sheet.row_dimensions[r].collapsed) for r in range(2, sheet.max_row + 1)],
        'rawHiddenRows': [int(r) for r in re.findall(r'<row r="(\d+)"[^>]* hidden="1"', xml)],
        'rawCollapsedRows': [int(r) for r in re.findall(r'<row r="(\d+)"[^>]* collapsed="1"', xml)],
        'formulaCells': sum(1 for row in sheet.iter_rows() for cell in row if cell.data_type == 'f'),
        'rawFormulaElements': xml.count('<f>') + xml.count('<f '),
        'injectionCellTypes': types,
        'maxRow': sheet.max_row,
        'maxColumn': sheet.max_column,
    }
print(json.dumps(report))
`

async function openpyxlReport(file: string): Promise<OpenpyxlReport> {
  try {
    const { stdout } = await run('/usr/bin/python3', ['-c', openpyxlScript, file], { maxBuffer: 64 * 1024 * 1024 })
    return JSON.parse(stdout) as OpenpyxlReport
  } catch (error) {
    throw missingTool('python3 with openpyxl (/usr/bin/python3)', error)
  }
}

describe('Excel export read by openpyxl', () => {
  it.each(['sample', 'generated'])('has outline levels with summaries above, frozen headers, autofilters and no formulas (%s plan)', async (name) => {
    const { file, workbook, plan } = caseNamed(name)
    const report = await openpyxlReport(file)
    const schedule = report.sheets.Schedule!
    const gantt = report.sheets.Gantt!
    const levels = plan.tasks.map((task) => Math.min(7, task.level - 1))
    expect(schedule.outline).toEqual(levels)
    expect(gantt.outline).toEqual(levels)
    expect(schedule.summaryBelow).toBe(false)
    expect(gantt.summaryBelow).toBe(false)
    // Nothing is collapsed in these plans: every row opens shown and no row claims a collapsed group.
    for (const [sheetName, sheet] of Object.entries(report.sheets)) {
      expect(sheet.hidden.some(Boolean), sheetName).toBe(false)
      expect(sheet.collapsed.some(Boolean), sheetName).toBe(false)
      expect(sheet.rawHiddenRows, sheetName).toEqual([])
      expect(sheet.rawCollapsedRows, sheetName).toEqual([])
    }
    expect(schedule.freeze).toBe('D2')
    expect(gantt.freeze).toBe('C2')
    expect(report.sheets.Resources!.freeze).toBe('B2')
    expect(report.sheets['Resource usage']!.freeze).toBe('C2')
    expect(report.sheets.Milestones!.freeze).toBe('A2')
    expect(schedule.autoFilter).toBe(`A1:K${plan.tasks.length + 1}`)
    expect(report.sheets.Resources!.autoFilter).toBe(`A1:I${plan.resources.length + 1}`)
    for (const sheet of workbook.sheets) {
      const read = report.sheets[sheet.name]!
      expect(read.formulaCells, sheet.name).toBe(0)
      expect(read.rawFormulaElements, sheet.name).toBe(0)
      expect(read.maxRow, sheet.name).toBe(sheet.rows.length)
    }
  })

  it('stores text starting with = + - @ as shared-string cells (t="s")', async () => {
    const report = await openpyxlReport(caseNamed('sample').file)
    // Schedule: four task names; Gantt: the same four names; Resources: one role.
    expect(report.sheets.Schedule!.injectionCellTypes).toEqual(['s', 's', 's', 's'])
    expect(report.sheets.Gantt!.injectionCellTypes).toEqual(['s', 's', 's', 's'])
    expect(report.sheets.Resources!.injectionCellTypes).toEqual(['s'])
  })
})

describe('Excel export of a plan with collapsed summaries', () => {
  /** 0-based task indexes as 1-based sheet rows (after the header). */
  const sheetRows = (indexes: number[]): number[] => indexes.map((index) => index + 2)

  it.each(['outline', 'outline-in-memory'])('reads back with ExcelJS: hidden rows, outline levels and values (%s)', async (name) => {
    const { bytes, workbook, plan } = caseNamed(name)
    expect(await compareWithExcelJs(bytes, workbook)).toBeGreaterThan(100)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
    for (const sheetName of ['Schedule', 'Gantt']) {
      const worksheet = book.getWorksheet(sheetName)!
      expect(worksheet.properties.outlineLevelRow, sheetName).toBe(3)
      expect(worksheet.properties.outlineProperties, sheetName).toMatchObject({ summaryBelow: false })
      const rows = plan.tasks.map((_, index) => worksheet.getRow(index + 2))
      expect(rows.map((row) => row.outlineLevel), sheetName).toEqual(outlinePlanLevels)
      expect(rows.flatMap((row, index) => (row.hidden ? [index] : [])), sheetName).toEqual(outlinePlanHidden)
      expect(worksheet.getRow(1).hidden, sheetName).toBe(false)
    }
    for (const sheetName of ['Resources', 'Resource usage', 'Milestones']) {
      book.getWorksheet(sheetName)!.eachRow((row, rowNumber) => expect(row.hidden, `${sheetName} row ${rowNumber}`).toBe(false))
    }
  })

  // ExcelJS does not read the collapsed flag back (its row.collapsed is a guess from the outline levels): openpyxl does.
  it.each(['outline', 'outline-in-memory'])(
    'reads back with openpyxl: descendants hidden, only the collapsed summaries marked collapsed, levels kept (%s)',
    async (name) => {
      const { file, plan } = caseNamed(name)
      const report = await openpyxlReport(file)
      for (const sheetName of ['Schedule', 'Gantt']) {
        const sheet = report.sheets[sheetName]!
        expect(sheet.outline, sheetName).toEqual(outlinePlanLevels)
        expect(sheet.summaryBelow, sheetName).toBe(false)
        expect(sheet.hidden, sheetName).toEqual(plan.tasks.map((_, index) => outlinePlanHidden.includes(index)))
        expect(sheet.collapsed, sheetName).toEqual(plan.tasks.map((_, index) => outlinePlanCollapsed.includes(index)))
        // The same in the XML Excel and LibreOffice read: with summaries above, the summary row carries the collapsed group.
        expect(sheet.rawHiddenRows, sheetName).toEqual(sheetRows(outlinePlanHidden))
        expect(sheet.rawCollapsedRows, sheetName).toEqual(sheetRows(outlinePlanCollapsed))
      }
      for (const sheetName of ['Resources', 'Resource usage', 'Milestones']) {
        expect(report.sheets[sheetName]!.rawHiddenRows, sheetName).toEqual([])
        expect(report.sheets[sheetName]!.rawCollapsedRows, sheetName).toEqual([])
      }
    },
  )
})

async function libreOfficeSheets(file: string): Promise<Map<string, string[][]>> {
  const out = await mkdtemp(join(tmpdir(), 'gantry-lo-'))
  const profile = await mkdtemp(join(tmpdir(), 'gantry-lo-profile-'))
  try {
    try {
      await run(
        'soffice',
        [
          '--headless',
          `-env:UserInstallation=file://${profile}`,
          '--convert-to',
          // UTF-8, comma, double quotes, values as shown, every sheet to its own file (-1).
          'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1',
          '--outdir',
          out,
          file,
        ],
        { timeout: 240_000, env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' } },
      )
    } catch (error) {
      throw missingTool('LibreOffice (soffice)', error)
    }
    const sheets = new Map<string, string[][]>()
    const base = file.replace(/^.*\//, '').replace(/\.xlsx$/, '')
    for (const name of await readdir(out)) {
      const parsed = csvParse(await readFile(join(out, name), 'utf8'))
      if (!parsed.ok) throw new Error(`LibreOffice wrote an unreadable CSV ${name}: ${parsed.error}`)
      sheets.set(name.slice(base.length + 1, -'.csv'.length), parsed.rows)
    }
    return sheets
  } finally {
    await rm(out, { recursive: true, force: true })
    await rm(profile, { recursive: true, force: true })
  }
}

function trimRow(row: readonly string[]): string[] {
  let end = row.length
  while (end > 0 && row[end - 1] === '') end--
  return row.slice(0, end)
}

describe('Excel export read by LibreOffice', () => {
  it.each(['sample', 'generated'])(
    'shows every value of every sheet as the export meant it (%s plan)',
    async (name) => {
      const { file, workbook } = caseNamed(name)
      const sheets = await libreOfficeSheets(file)
      expect([...sheets.keys()].sort()).toEqual(workbook.sheets.map((sheet) => sheet.name).sort())
      let compared = 0
      for (const sheet of workbook.sheets) {
        const rows = sheets.get(sheet.name)!
        const cells = specCells(sheet)
        const expected = sheet.rows.map((_, rowIndex) => {
          const width = Math.max(0, ...[...cells.keys()].filter((key) => key.startsWith(`${rowIndex},`)).map((key) => Number(key.split(',')[1]) + 1))
          return trimRow(Array.from({ length: width }, (__, column) => shownText(cells.get(`${rowIndex},${column}`))))
        })
        expect(rows.map(trimRow), sheet.name).toEqual(expected)
        compared += expected.reduce((sum, row) => sum + row.length, 0)
      }
      expect(compared).toBeGreaterThan(name === 'sample' ? 100 : 3000)
    },
    300_000,
  )
})
