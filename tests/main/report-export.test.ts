/**
 * A status report leaving the app, in plain Node: the export/reportXlsx and export/reportPdf handlers (the report
 * resolved and refused before any dialog, main choosing the path, a saved report exported as it was saved, the
 * current one composed with the texts typed and its trend against the previous report), the workbook read back by
 * openpyxl (cells, colours, merged paragraphs, portrait print one page wide with header and footer) and printed by
 * LibreOffice (one portrait page with the names and figures).
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createIpcHandlers, type IpcHandlers } from '../../src/main/ipc'
import type { Plan } from '../../src/shared/domain/model'
import { planFileParse } from '../../src/shared/formats/plan-file'
import type { PrintJob } from '../../src/shared/print/page-setup'
import type { ReportPrintJob } from '../../src/shared/print/report-job'
import { statusReportResolve } from '../../src/shared/domain/health/report'
import { xlsxStatusReportWorkbook } from '../../src/shared/formats/xlsx/status-report-sheet'
import { xlsxCellText, xlsxRender } from '../../src/shared/formats/xlsx/render'
import { excelJs } from '../../src/main/export/xlsx'
import { appFrame, testDeps, type TestDeps } from './support/main-deps'

const run = promisify(execFile)
const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n')

let root = ''
let deps: TestDeps
let handlers: IpcHandlers
let jobs: (PrintJob | ReportPrintJob)[]

/** The Website relaunch plan of the schema-5 fixture: status date 2025-03-17, Baseline 1, a report saved on 2025-03-10. */
function relaunch(): Plan {
  const parsed = planFileParse(readFileSync(join(__dirname, '..', 'fixtures', 'plans', 'v5-status.gantry'), 'utf8'))
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.plan
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gantry-report-export-'))
  jobs = []
  deps = testDeps(join(root, 'user-data'), {
    printPdf: async (job) => {
      jobs.push(job)
      return pdf
    },
  })
  handlers = createIpcHandlers(deps)
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

function reportJob(): ReportPrintJob {
  const job = jobs[0]
  if (job === undefined || !('kind' in job)) throw new Error('expected a status report print job')
  return job
}

describe('export/reportPdf', () => {
  it('prints the current report with the texts typed, its trend against the saved one, on the chosen paper', async () => {
    deps.dialog.saveAnswers.push(join(root, 'report'))
    const result = await handlers['export/reportPdf'](appFrame, {
      plan: relaunch(),
      reportId: null,
      commentary: 'Design system is late; vendor escalated.',
      decisions: 'Approve a second designer',
      paper: 'Letter',
    })
    expect(result).toEqual({ ok: true, value: { fileName: 'report.pdf' } })
    expect(readFileSync(join(root, 'report.pdf'))).toEqual(Buffer.from(pdf))
    expect(deps.dialog.saveCalls[0]?.title).toBe('Save the status report as PDF')
    expect(deps.dialog.saveCalls[0]?.defaultPath).toMatch(/Website relaunch status report 2025-03-17\.pdf$/)
    const job = reportJob()
    expect(job.paper).toBe('Letter')
    expect(job.planName).toBe('Website relaunch')
    expect(job.report.statusDate).toBe('2025-03-17T17:00:00')
    expect(job.report.periodStart).toBe('2025-03-10T17:00:00')
    expect(job.report.commentary).toBe('Design system is late; vendor escalated.')
    expect(job.report.decisions).toBe('Approve a second designer')
    expect(job.previous?.id).toBe(1)
    expect(deps.progress[0]).toMatchObject({ task: 'export/reportPdf', fraction: 0 })
  })

  it('prints a saved report as it was saved, not as the plan stands now', async () => {
    const plan = relaunch()
    const saved = plan.statusReports[0]
    // The plan changed since: a different status date and every task renamed.
    const changed: Plan = { ...plan, statusDate: '2025-04-01T17:00:00', tasks: plan.tasks.map((task) => ({ ...task, name: `${task.name} (renamed)` })) }
    deps.dialog.saveAnswers.push(join(root, 'first'))
    const result = await handlers['export/reportPdf'](appFrame, { plan: changed, reportId: 1, commentary: 'ignored', decisions: '', paper: 'A4' })
    expect(result.ok).toBe(true)
    expect(reportJob().report).toEqual(saved)
    expect(reportJob().previous).toBeNull()
    expect(deps.dialog.saveCalls[0]?.defaultPath).toMatch(/Website relaunch status report 2025-03-10\.pdf$/)
  })

  it('says what a plan lacks for a report, before any dialog, and writes nothing', async () => {
    const plan = { ...relaunch(), statusDate: null, statusReports: [] }
    const result = await handlers['export/reportPdf'](appFrame, { plan, reportId: null, commentary: '', decisions: '', paper: 'A4' })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message:
          'A status report needs a status date (Project settings > Status date): the report covers the period up to it. This plan has no status date.',
      },
    })
    const gone = await handlers['export/reportPdf'](appFrame, { plan: relaunch(), reportId: 7, commentary: '', decisions: '', paper: 'A4' })
    expect(gone).toEqual({ ok: false, error: { code: 'invalid-input', message: 'That status report is no longer in the plan.' } })
    expect(deps.dialog.saveCalls).toHaveLength(0)
    expect(jobs).toHaveLength(0)
  })

  it('writes nothing when the printer fails or gives something that is not a PDF', async () => {
    const target = join(root, 'broken.pdf')
    for (const printPdf of [
      async (): Promise<Uint8Array> => {
        throw new Error('The status report to print is malformed.')
      },
      async () => new TextEncoder().encode('<html>not a pdf</html>'),
    ]) {
      handlers = createIpcHandlers({ ...deps, printPdf })
      deps.dialog.saveAnswers.push(target)
      const result = await handlers['export/reportPdf'](appFrame, { plan: relaunch(), reportId: null, commentary: '', decisions: '', paper: 'A4' })
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.message).toMatch(/^The PDF could not be made: /)
      expect(existsSync(target)).toBe(false)
    }
  })
})

type ReadBack = {
  title: string
  rows: (string | number | null)[][]
  fills: Record<string, string | null>
  merged: string[]
  orientation: string
  fitToPage: boolean
  fitToWidth: number
  fitToHeight: number
  header: [string | null, string | null, string | null]
  footer: string | null
}

const openpyxlScript = String.raw`
import datetime, json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
ws = book.worksheets[0]
def value(v):
    if isinstance(v, datetime.datetime):
        return v.strftime('%Y-%m-%d')
    return v
fills = {}
for row in ws.iter_rows():
    for cell in row:
        if cell.value in ('Green', 'Amber', 'Red', 'Not rated'):
            fills[cell.coordinate] = cell.fill.fgColor.rgb if cell.fill is not None and cell.fill.fill_type == 'solid' else None
pr = ws.sheet_properties.pageSetUpPr
print(json.dumps({
    'title': ws.title,
    'rows': [[value(c) for c in row] for row in ws.iter_rows(values_only=True)],
    'fills': fills,
    'merged': sorted(str(r) for r in ws.merged_cells.ranges),
    'orientation': ws.page_setup.orientation,
    'fitToPage': bool(pr.fitToPage) if pr is not None else False,
    'fitToWidth': int(ws.page_setup.fitToWidth),
    'fitToHeight': int(ws.page_setup.fitToHeight),
    'header': [ws.oddHeader.left.text, ws.oddHeader.center.text, ws.oddHeader.right.text],
    'footer': ws.oddFooter.center.text,
}))
`

async function openpyxlRead(path: string): Promise<ReadBack> {
  try {
    const { stdout } = await run('/usr/bin/python3', ['-c', openpyxlScript, path])
    return JSON.parse(stdout) as ReadBack
  } catch (error) {
    throw new Error(`python3 with openpyxl is needed to read the export back (apt: python3-openpyxl; .ci/run installs it): ${String(error)}`, { cause: error })
  }
}

describe('export/reportXlsx', () => {
  it('saves the report as a sheet openpyxl reads: ratings coloured, figures as numbers, paragraphs across, portrait one page wide', async () => {
    deps.dialog.saveAnswers.push(join(root, 'report'))
    const result = await handlers['export/reportXlsx'](appFrame, {
      plan: relaunch(),
      reportId: null,
      commentary: 'Design system is late.\n\nVendor escalated on Monday.',
      decisions: 'Approve a second designer\nMove the launch date',
    })
    expect(result).toEqual({ ok: true, value: { fileName: 'report.xlsx' } })
    expect(deps.dialog.saveCalls[0]?.title).toBe('Export the status report to Excel')
    const book = await openpyxlRead(join(root, 'report.xlsx'))
    expect(book.title).toBe('Status report')
    const rows = book.rows.map((row) => row.filter((cell) => cell !== null))
    expect(rows[0]).toEqual(['Website relaunch: status report'])
    expect(rows[1]?.[0]).toBe('Status date 2025-03-17, period since 2025-03-10. Against Baseline 1. Saved ' + String(rows[1]?.[0]).slice(-17))
    const row = (first: string) => rows.find((cells) => cells[0] === first) ?? []
    // Cost is red on its CPI of 0.82, and worse than in the report saved on 2025-03-10 (green then).
    expect(row('Overall').slice(0, 3)).toEqual(['Overall', 'Red', '▼ worse'])
    expect(row('Cost').slice(0, 3)).toEqual(['Cost', 'Red', '▼ worse'])
    expect(row('Cost')[3]).toContain('CPI 0.82 (amber below 0.95, red below 0.9)')
    expect(row('Risk').slice(0, 3)).toEqual(['Risk', 'Green', '► same'])
    expect(row('Budget')).toEqual(['Budget', 'Actual', 'Forecast', 'Variance'])
    const amounts = rows[rows.indexOf(row('Budget')) + 1] ?? []
    expect(amounts[0]).toBe(25000)
    expect(typeof amounts[1]).toBe('number')
    expect(rows).toContainEqual(['Approve a second designer'])
    expect(rows).toContainEqual(['Move the launch date'])
    expect(rows).toContainEqual(['Design system is late.'])
    expect(rows).toContainEqual(['Vendor escalated on Monday.'])
    // Dates are real dates (openpyxl gives datetimes, written here as days).
    expect(row('Milestone')).toEqual(['Milestone', 'Baseline', 'Forecast', 'Variance (days)', 'Done'])
    const goLive = row('Go live')
    expect(goLive[1]).toBe('—')
    expect(goLive[2]).toMatch(/^2025-\d{2}-\d{2}$/)
    expect(goLive[4]).toBe('No')
    // Ratings in Excel's own good, neutral and bad colours.
    const colours = new Set(Object.values(book.fills))
    for (const colour of colours) expect(['FFC6EFCE', 'FFFFEB9C', 'FFFFC7CE', 'FFEDEDED']).toContain(colour)
    expect(Object.keys(book.fills).length).toBeGreaterThanOrEqual(6)
    expect(book.merged).toContain('A1:E1')
    expect(book.orientation).toBe('portrait')
    expect(book.fitToPage).toBe(true)
    expect(book.fitToWidth).toBe(1)
    expect(book.fitToHeight).toBe(0)
    expect(book.header).toEqual(['Website relaunch', 'Status report', 'Status date 2025-03-17'])
    expect(book.footer).toBe('Page &P of &N')
  })

  it('prints in LibreOffice on one portrait page with the names, ratings and figures', async () => {
    deps.dialog.saveAnswers.push(join(root, 'printed'))
    const result = await handlers['export/reportXlsx'](appFrame, { plan: relaunch(), reportId: 1, commentary: '', decisions: '' })
    expect(result.ok).toBe(true)
    const out = await mkdtemp(join(root, 'pdf-'))
    const profile = await mkdtemp(join(root, 'profile-'))
    try {
      await run('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', out, join(root, 'printed.xlsx')], {
        timeout: 240_000,
      })
    } catch (error) {
      throw new Error(`LibreOffice (soffice) is needed to print the export (apt: libreoffice-calc; .ci/run installs it): ${String(error)}`, { cause: error })
    }
    const path = join(out, (await readdir(out)).find((name) => name.endsWith('.pdf')) ?? 'missing.pdf')
    const info = (await run('pdfinfo', [path])).stdout
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(1)
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)
    expect(Number(size?.[1])).toBeLessThan(Number(size?.[2]))
    const text = (await run('pdftotext', ['-layout', path, '-'])).stdout
    for (const words of [
      'Website relaunch: status report',
      'Status date 2025-03-10, first report',
      'Amber',
      'Stakeholder interviews',
      'Design system',
      'Requirements signed off',
      'Confirm the hosting vendor',
      'Interviews done; design starts Friday.',
      '25,000.00',
      'Page 1 of 1',
    ])
      expect(text).toContain(words)
  }, 300_000)
})

describe('status report workbook, fuzzed', () => {
  it('whatever is typed as commentary and decisions, the workbook opens and holds the text Excel can hold', async () => {
    const plan = relaunch()
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '\n', '\r', '&', '<', '=', '"', '\u0000', '\u0007', '\uFFFE', 'é', '😀', '\t'), maxLength: 400 })
    await fc.assert(
      fc.asyncProperty(text, text, async (commentary, decisions) => {
        const resolved = statusReportResolve(plan, { reportId: null, commentary, decisions }, '2025-03-17T18:00:00')
        if (!resolved.ok) throw new Error(resolved.message)
        const bytes = await xlsxRender(xlsxStatusReportWorkbook(plan.name, resolved.report, resolved.previous), excelJs)
        const book = new ExcelJS.Workbook()
        await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
        const cells: string[] = []
        book.worksheets[0]?.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.value))))
        const written = cells.join('\n')
        // Every paragraph and decision line typed (as Excel can hold it) is in the sheet.
        for (const part of xlsxCellText(commentary).split(/\n{2,}/).map((line) => line.trim()).filter((line) => line !== ''))
          expect(written).toContain(part)
        for (const line of xlsxCellText(decisions).split('\n').map((item) => item.trim()).filter((item) => item !== ''))
          expect(written).toContain(line)
      }),
      { numRuns: 40, seed: 20261207 },
    )
  }, 120_000)
})
