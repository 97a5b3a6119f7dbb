import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createIpcHandlers, type IpcHandlers } from '../../src/main/ipc'
import type { EducationLogExportRow } from '../../src/shared/career/log'
import { appFrame, foreignFrame, testDeps, type TestDeps } from './support/main-deps'

// The education-log export through main: main shows the save dialog (the renderer never names a path), checks the
// lines with zod, and writes CSV or an Excel workbook that other programs read back.
const run = promisify(execFile)
const line = (overrides: Partial<EducationLogExportRow> = {}): EducationLogExportRow => ({
  entry: 1,
  date: '2026-01-15',
  activity: '=Risk webinar',
  activityType: 'Online or digital media',
  provider: 'ACME',
  category: 'Power Skills',
  units: 1.25,
  unit: 'PDUs',
  certifications: 'Project Management Professional (PMP); Certified ScrumMaster (CSM)',
  evidence: 'Certificate 42',
  note: 'Line one\nline two',
  ...overrides,
})

let root: string
let deps: TestDeps
let handlers: IpcHandlers
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gantry-career-log-'))
  mkdirSync(join(root, 'userData'))
  deps = testDeps(join(root, 'userData'))
  handlers = createIpcHandlers(deps)
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('career/exportLog', () => {
  it('CSV: saved where the user chose, with the extension added, formula-safe', async () => {
    deps.dialog.saveAnswers.push(join(root, 'log'))
    const result = await handlers['career/exportLog'](appFrame, {
      format: 'csv',
      rows: [line()],
      suggestedName: 'gantry-education-log-2026-12-07',
    })
    expect(result).toEqual({ ok: true, value: { fileName: 'log.csv' } })
    expect(deps.dialog.saveCalls[0]?.defaultPath).toBe('gantry-education-log-2026-12-07.csv')
    const text = readFileSync(join(root, 'log.csv'), 'utf8')
    expect(text).toBe(
      '\uFEFF"Entry","Date","Activity","Activity type","Provider","Category","Units","Unit","Counts toward","Evidence","Note"\r\n' +
        `1,"2026-01-15","'=Risk webinar","Online or digital media","ACME","Power Skills",1.25,"PDUs","Project Management Professional (PMP); Certified ScrumMaster (CSM)","Certificate 42","Line one\nline two"\r\n`,
    )
  })

  it('Excel: openpyxl reads the log with real dates, numbers and text cells', async () => {
    deps.dialog.saveAnswers.push(join(root, 'log.xlsx'))
    const result = await handlers['career/exportLog'](appFrame, {
      format: 'xlsx',
      rows: [
        line(),
        line({ entry: 2, date: '2025-06-10', activity: 'Mentoring', category: 'Giving Back', units: 3 }),
      ],
      suggestedName: 'log',
    })
    expect(result).toEqual({ ok: true, value: { fileName: 'log.xlsx' } })
    const script = String.raw`
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
sheet = book['Education log']
rows = [[c.value.isoformat() if hasattr(c.value, 'isoformat') else c.value for c in row] for row in sheet.iter_rows()]
types = [c.data_type for c in sheet[2]]
print(json.dumps({'sheets': book.sheetnames, 'rows': rows, 'types': types, 'frozen': sheet.freeze_panes, 'filter': sheet.auto_filter.ref}))
`
    const { stdout } = await run('/usr/bin/python3', ['-c', script, join(root, 'log.xlsx')])
    const read = JSON.parse(stdout) as {
      sheets: string[]
      rows: unknown[][]
      types: string[]
      frozen: string
      filter: string
    }
    expect(read.sheets).toEqual(['Education log', 'Totals'])
    expect(read.rows[1]).toEqual([
      1,
      '2026-01-15T00:00:00',
      '=Risk webinar',
      'Online or digital media',
      'ACME',
      'Power Skills',
      1.25,
      'PDUs',
      'Project Management Professional (PMP); Certified ScrumMaster (CSM)',
      'Certificate 42',
      'Line one\nline two',
    ])
    expect(read.types.slice(0, 3)).toEqual(['n', 'd', 's']) // the activity is text, never a formula
    expect(read.rows[2]?.slice(1, 3)).toEqual(['2025-06-10T00:00:00', 'Mentoring'])
    expect(read.frozen).toBe('A2')
    expect(read.filter).toBe('A1:K3')
  })

  it('refuses malformed lines (checked in main) and writes nothing', async () => {
    const target = join(root, 'log.csv')
    writeFileSync(target, 'previous')
    for (const rows of [
      [line({ date: '2026-02-30' })],
      [{ ...line(), path: '/etc/passwd' }],
      [line({ units: -1 })],
      [line({ note: 'x'.repeat(20_001) })],
    ]) {
      const result = await handlers['career/exportLog'](appFrame, {
        format: 'csv',
        rows,
        suggestedName: 'log',
      })
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    }
    const wrongFormat = await handlers['career/exportLog'](appFrame, {
      format: 'pdf',
      rows: [],
      suggestedName: 'log',
    })
    expect(wrongFormat.ok).toBe(false)
    expect(deps.dialog.saveCalls).toHaveLength(0)
    expect(readFileSync(target, 'utf8')).toBe('previous')
  })

  it('refuses a request from another page', async () => {
    const result = await handlers['career/exportLog'](foreignFrame, {
      format: 'csv',
      rows: [line()],
      suggestedName: 'log',
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('a canceled dialog writes nothing', async () => {
    deps.dialog.saveAnswers.push(null)
    const result = await handlers['career/exportLog'](appFrame, {
      format: 'csv',
      rows: [line()],
      suggestedName: 'log',
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'canceled' } })
  })
})
