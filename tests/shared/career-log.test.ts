import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import {
  educationLogCsv,
  educationLogExportHeaders,
  educationLogExportRows,
  educationLogFilter,
  educationLogFilterNone,
  educationLogFilterOptions,
  educationLogRows,
  educationLogTotals,
  educationLogWorkbook,
} from '../../src/shared/career/log'
import {
  careerDataEmpty,
  certificationMake,
  educationEntryMake,
  type CareerData,
} from '../../src/shared/career/model'
import { csvParse } from '../../src/shared/formats/csv'
import { xlsxRender, type ExcelJsLike } from '../../src/shared/formats/xlsx/render'

/*
 * A holder of PMP, PMI-ACP and CSM:
 *   2025-02-01  Agile course   PMI chapter  Ways of Working 4 + Power Skills 2.5   PMP, PMI-ACP, CSM
 *   2025-06-10  Mentoring      (none)       Giving Back 3                           PMP
 *   2026-01-15  =Risk webinar  ACME         Business Acumen 1.25                    PMI-ACP
 */
function logData(): CareerData {
  const data = careerDataEmpty()
  data.certifications.push(
    certificationMake('pmp', { catalogueId: 'pmp', status: 'earned', earnedOn: '2024-05-01' }),
    certificationMake('acp', { catalogueId: 'pmi-acp', status: 'earned', earnedOn: '2024-05-01' }),
    certificationMake('csm', { catalogueId: 'csm', status: 'earned', earnedOn: '2024-05-01' }),
  )
  data.educationEntries.push(
    educationEntryMake('a', {
      certificationIds: ['pmp', 'acp', 'csm'],
      date: '2025-02-01',
      activity: 'Agile course',
      activityType: 'Course or training',
      provider: 'PMI chapter',
      parts: [
        { category: 'Ways of Working', units: 4 },
        { category: 'Power Skills', units: 2.5 },
      ],
      evidence: 'Certificate 42',
      note: 'Two days, "hands-on", with labs',
    }),
    educationEntryMake('b', {
      certificationIds: ['pmp'],
      date: '2025-06-10',
      activity: 'Mentoring',
      parts: [{ category: 'Giving Back', units: 3 }],
    }),
    educationEntryMake('c', {
      certificationIds: ['acp'],
      date: '2026-01-15',
      activity: '=Risk webinar',
      provider: 'ACME',
      parts: [{ category: 'Business Acumen', units: 1.25 }],
    }),
  )
  return data
}

describe('education log: filter and totals', () => {
  const rows = educationLogRows(logData())

  it('lists every activity once, newest first, with all its certifications', () => {
    expect(rows.map((row) => [row.entry.id, row.units, row.certifications.map((item) => item.id)])).toEqual([
      ['c', 1.25, ['acp']],
      ['b', 3, ['pmp']],
      ['a', 6.5, ['pmp', 'acp', 'csm']],
    ])
  })

  it.each([
    ['year', { year: 2025 }, ['b', 'a'], 9.5],
    ['provider (any case)', { provider: 'pmi CHAPTER' }, ['a'], 6.5],
    ['category: only that part counts', { category: 'Power Skills' }, ['a'], 2.5],
    ['certification', { certificationId: 'acp' }, ['c', 'a'], 7.75],
    ['year and certification', { year: 2025, certificationId: 'acp' }, ['a'], 6.5],
    ['nothing matches', { year: 2024 }, [], 0],
  ] as const)('by %s', (_name, filter, ids, units) => {
    const shown = educationLogFilter(rows, { ...educationLogFilterNone, ...filter })
    expect(shown.map((row) => row.entry.id)).toEqual(ids)
    expect(shown.reduce((sum, row) => sum + row.units, 0)).toBe(units)
  })

  it('offers the values present in the log', () => {
    expect(educationLogFilterOptions(rows)).toEqual({
      years: [2026, 2025],
      providers: ['ACME', 'PMI chapter'],
      categories: ['Business Acumen', 'Giving Back', 'Power Skills', 'Ways of Working'],
      certifications: [
        { id: 'csm', name: 'Certified ScrumMaster (CSM)' },
        { id: 'acp', name: 'PMI Agile Certified Practitioner (PMI-ACP)' },
        { id: 'pmp', name: 'Project Management Professional (PMP)' },
      ],
    })
  })

  it('totals by year, provider and category', () => {
    const simple = (by: 'year' | 'provider' | 'category') =>
      educationLogTotals(rows, by).map((total) => [total.label, total.activities, total.units])
    expect(simple('year')).toEqual([
      ['2026', 1, [{ unitName: 'PDU', units: 1.25 }]],
      ['2025', 2, [{ unitName: 'PDU', units: 9.5 }]],
    ])
    expect(simple('provider')).toEqual([
      ['ACME', 1, [{ unitName: 'PDU', units: 1.25 }]],
      ['No provider', 1, [{ unitName: 'PDU', units: 3 }]],
      ['PMI chapter', 1, [{ unitName: 'PDU', units: 6.5 }]],
    ])
    expect(simple('category').map(([label, , units]) => [label, units])).toEqual([
      ['Business Acumen', [{ unitName: 'PDU', units: 1.25 }]],
      ['Giving Back', [{ unitName: 'PDU', units: 3 }]],
      ['Power Skills', [{ unitName: 'PDU', units: 2.5 }]],
      ['Ways of Working', [{ unitName: 'PDU', units: 4 }]],
    ])
  })

  it("totals by certification count a shared activity under each, in each one's unit", () => {
    expect(
      educationLogTotals(rows, 'certification').map((total) => [total.label, total.activities, total.units]),
    ).toEqual([
      ['Certified ScrumMaster (CSM)', 1, [{ unitName: 'SEU', units: 6.5 }]],
      ['PMI Agile Certified Practitioner (PMI-ACP)', 2, [{ unitName: 'PDU', units: 7.75 }]],
      ['Project Management Professional (PMP)', 2, [{ unitName: 'PDU', units: 9.5 }]],
    ])
  })
})

describe('education log export', () => {
  const lines = educationLogExportRows(educationLogRows(logData()))

  it('has one line per category of an activity, numbered by activity', () => {
    expect(lines.map((line) => [line.entry, line.category, line.units])).toEqual([
      [1, 'Business Acumen', 1.25],
      [2, 'Giving Back', 3],
      [3, 'Ways of Working', 4],
      [3, 'Power Skills', 2.5],
    ])
    expect(lines[2].certifications).toBe(
      'Project Management Professional (PMP); PMI Agile Certified Practitioner (PMI-ACP); Certified ScrumMaster (CSM)',
    )
  })

  it('CSV: BOM, CRLF, quoted text, formula-safe, numbers as numbers; reads back', () => {
    const text = educationLogCsv(lines)
    expect(text.startsWith('\uFEFF')).toBe(true)
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFF"Entry","Date","Activity","Activity type","Provider","Category","Units","Unit","Counts toward","Evidence","Note"',
    )
    const parsed = csvParse(text.slice(1))
    if (!parsed.ok) throw new Error(parsed.error)
    expect(parsed.rows[0]).toEqual([...educationLogExportHeaders])
    expect(parsed.rows[1]).toEqual([
      '1',
      '2026-01-15',
      "'=Risk webinar",
      '',
      'ACME',
      'Business Acumen',
      '1.25',
      'PDUs',
      'PMI Agile Certified Practitioner (PMI-ACP)',
      '',
      '',
    ])
    expect(parsed.rows[4][10]).toBe('Two days, "hands-on", with labs')
    expect(parsed.rows).toHaveLength(5)
  })

  it('Excel: a log sheet with real dates and numbers, and a totals sheet; ExcelJS reads it back', async () => {
    const excel = ExcelJS as unknown as ExcelJsLike
    const bytes = await xlsxRender(educationLogWorkbook(lines), excel, { isStreaming: false })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(bytes as unknown as ArrayBuffer)
    const log = book.getWorksheet('Education log')
    if (log === undefined) throw new Error('no log sheet')
    expect(log.getRow(1).values).toEqual([undefined, ...educationLogExportHeaders])
    expect(log.getCell('B2').value).toEqual(new Date(Date.UTC(2026, 0, 15)))
    expect(log.getCell('C2').value).toBe('=Risk webinar') // text, not a formula
    expect(log.getCell('C2').type).toBe(ExcelJS.ValueType.String)
    expect(log.getCell('G5').value).toBe(2.5)
    expect(log.rowCount).toBe(5)
    const totals = book.getWorksheet('Totals')
    if (totals === undefined) throw new Error('no totals sheet')
    const rowsOf = (sheet: ExcelJS.Worksheet) => {
      const values: unknown[][] = []
      sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)))
      return values
    }
    expect(rowsOf(totals)).toEqual([
      ['Year', 'Certification', 'Units', 'Unit'],
      [2025, 'Certified ScrumMaster (CSM)', 6.5, 'PDUs'],
      [2025, 'PMI Agile Certified Practitioner (PMI-ACP)', 6.5, 'PDUs'],
      [2025, 'Project Management Professional (PMP)', 9.5, 'PDUs'],
      [2026, 'PMI Agile Certified Practitioner (PMI-ACP)', 1.25, 'PDUs'],
    ])
  })
})
