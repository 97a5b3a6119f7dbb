import { z } from 'zod'
import type { IsoDate } from '../domain/model'
import { dateIsValidIsoDate, dateToWallMinutes } from '../domain/dates'
import { csvWrite } from '../formats/csv'
import type { XlsxCell, XlsxRow, XlsxStyle, XlsxWorkbook } from '../formats/xlsx/spec'
import { certificationRules } from './cycle'
import { careerTextLimits, educationEntryUnits, type CareerData, type EducationEntry } from './model'
import { unitLabel, unitRound } from './units'

/*
 * The education log as a careful spreadsheet keeps it: every activity across certifications, filtered by year,
 * provider, category and certification, totalled by any of them, and exported as CSV or as an Excel sheet (one row
 * per category of an activity, so an activity split across areas sums correctly in a pivot table).
 */

/** One logged activity as the log table shows it. */
export type EducationLogRow = {
  entry: EducationEntry
  year: number
  /** The unit of the certification it was logged under ("PDU"). */
  unitName: string | null
  /** Units over all parts (or of the filtered category only). */
  units: number
  /** The parts shown (all, or the filtered category's). */
  parts: EducationEntry['parts']
  certifications: { id: string; name: string; unitName: string | null }[]
}

export type EducationLogFilter = {
  year: number | null
  provider: string | null
  category: string | null
  certificationId: string | null
}

export const educationLogFilterNone: EducationLogFilter = {
  year: null,
  provider: null,
  category: null,
  certificationId: null,
}

/** Every activity of the log, newest first (then by activity, then id), with the names of its certifications. */
export function educationLogRows(
  data: Pick<CareerData, 'certifications' | 'educationEntries'>,
): EducationLogRow[] {
  const names = new Map(
    data.certifications.map((record) => {
      const rules = certificationRules(record)
      return [
        record.id,
        { id: record.id, name: rules?.name ?? 'Unknown certification', unitName: rules?.unitName ?? null },
      ]
    }),
  )
  return data.educationEntries
    .map((entry): EducationLogRow => {
      const certifications = entry.certificationIds.flatMap((id) => {
        const found = names.get(id)
        return found === undefined ? [] : [found]
      })
      return {
        entry,
        year: Number(entry.date.slice(0, 4)),
        unitName: certifications[0]?.unitName ?? null,
        units: educationEntryUnits(entry),
        parts: entry.parts,
        certifications,
      }
    })
    .sort((a, b) =>
      a.entry.date !== b.entry.date
        ? a.entry.date < b.entry.date
          ? 1
          : -1
        : a.entry.activity !== b.entry.activity
          ? a.entry.activity.localeCompare(b.entry.activity)
          : a.entry.id < b.entry.id
            ? -1
            : 1,
    )
}

/**
 * The rows that match every set criterion of `filter` (a provider compares case-insensitively, trimmed). With a
 * category, only that category's part is kept and the row's units are that part's.
 */
export function educationLogFilter(
  rows: readonly EducationLogRow[],
  filter: EducationLogFilter,
): EducationLogRow[] {
  const provider = filter.provider?.trim().toLowerCase() ?? null
  const result: EducationLogRow[] = []
  for (const row of rows) {
    if (filter.year !== null && row.year !== filter.year) continue
    if (provider !== null && row.entry.provider.trim().toLowerCase() !== provider) continue
    if (filter.certificationId !== null && !row.entry.certificationIds.includes(filter.certificationId))
      continue
    if (filter.category === null) {
      result.push(row)
      continue
    }
    const parts = row.parts.filter((part) => part.category === filter.category)
    if (parts.length === 0) continue
    result.push({ ...row, parts, units: unitRound(parts.reduce((sum, part) => sum + part.units, 0)) })
  }
  return result
}

/** The values each filter can take in `rows`: years newest first, providers, categories and certifications by name. */
export function educationLogFilterOptions(rows: readonly EducationLogRow[]): {
  years: number[]
  providers: string[]
  categories: string[]
  certifications: { id: string; name: string }[]
} {
  const years = new Set<number>()
  const providers = new Map<string, string>()
  const categories = new Set<string>()
  const certifications = new Map<string, string>()
  for (const row of rows) {
    years.add(row.year)
    const provider = row.entry.provider.trim()
    if (provider !== '' && !providers.has(provider.toLowerCase()))
      providers.set(provider.toLowerCase(), provider)
    for (const part of row.parts) categories.add(part.category)
    for (const certification of row.certifications) certifications.set(certification.id, certification.name)
  }
  const byText = (a: string, b: string) => a.localeCompare(b)
  return {
    years: [...years].sort((a, b) => b - a),
    providers: [...providers.values()].sort(byText),
    categories: [...categories].sort(byText),
    certifications: [...certifications]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => byText(a.name, b.name)),
  }
}

export const educationLogGroupings = ['year', 'provider', 'category', 'certification'] as const
export type EducationLogGrouping = (typeof educationLogGroupings)[number]

/** One line of a totals table: a year, provider, category or certification, with its units per unit name. */
export type EducationLogTotal = {
  key: string
  label: string
  activities: number
  /** Units per unit name, e.g. `[{ unitName: 'PDU', units: 42.5 }]`, in first-seen order. */
  units: { unitName: string | null; units: number }[]
}

/**
 * Totals of `rows` grouped by year (newest first), provider, category or certification (by name). An activity
 * counts once per group it falls in: under each of its categories (those parts' units) and under each certification
 * it counts toward (in that certification's unit, one for one). Units are kept apart per unit name.
 */
export function educationLogTotals(
  rows: readonly EducationLogRow[],
  by: EducationLogGrouping,
): EducationLogTotal[] {
  const totals = new Map<string, { label: string; entries: Set<string>; units: Map<string | null, number> }>()
  const add = (key: string, label: string, entryId: string, unitName: string | null, units: number) => {
    const total = totals.get(key) ?? {
      label,
      entries: new Set<string>(),
      units: new Map<string | null, number>(),
    }
    total.entries.add(entryId)
    total.units.set(unitName, (total.units.get(unitName) ?? 0) + units)
    totals.set(key, total)
  }
  for (const row of rows) {
    const id = row.entry.id
    if (by === 'year') add(String(row.year), String(row.year), id, row.unitName, row.units)
    else if (by === 'provider') {
      const provider = row.entry.provider.trim()
      add(provider.toLowerCase(), provider === '' ? 'No provider' : provider, id, row.unitName, row.units)
    } else if (by === 'category')
      for (const part of row.parts) add(part.category, part.category, id, row.unitName, part.units)
    else
      for (const certification of row.certifications)
        add(certification.id, certification.name, id, certification.unitName, row.units)
  }
  const list = [...totals].map(([key, total]): EducationLogTotal => ({
    key,
    label: total.label,
    activities: total.entries.size,
    units: [...total.units].map(([unitName, units]) => ({ unitName, units: unitRound(units) })),
  }))
  return by === 'year'
    ? list.sort((a, b) => Number(b.key) - Number(a.key))
    : list.sort((a, b) => a.label.localeCompare(b.label))
}

/** A line of the exported log: one category of one activity. */
export type EducationLogExportRow = {
  /** The activity's number in the export (1 for the first activity); its parts share it. */
  entry: number
  date: IsoDate
  activity: string
  activityType: string
  provider: string
  category: string
  units: number
  /** The unit's plural name ("PDUs", "CPD points"). */
  unit: string
  /** The certifications it counts toward, by name, separated by "; ". */
  certifications: string
  evidence: string
  note: string
}

/** Column titles of the exported log, in order. */
export const educationLogExportHeaders = [
  'Entry',
  'Date',
  'Activity',
  'Activity type',
  'Provider',
  'Category',
  'Units',
  'Unit',
  'Counts toward',
  'Evidence',
  'Note',
] as const

/** The export lines of `rows`, in their order: one per shown part. */
export function educationLogExportRows(rows: readonly EducationLogRow[]): EducationLogExportRow[] {
  return rows.flatMap((row, index) =>
    row.parts.map((part) => ({
      entry: index + 1,
      date: row.entry.date,
      activity: row.entry.activity,
      activityType: row.entry.activityType,
      provider: row.entry.provider,
      category: part.category,
      units: part.units,
      unit: unitLabel(row.unitName, 2),
      certifications: row.certifications.map((certification) => certification.name).join('; '),
      evidence: row.entry.evidence,
      note: row.entry.note,
    })),
  )
}

const short = z.string().max(careerTextLimits.short)

/** The schema main checks an export request's lines against (the renderer sends plain data, never a path). */
export const educationLogExportRowSchema = z.strictObject({
  entry: z.number().int().min(1).max(1_000_000),
  date: z.string().refine(dateIsValidIsoDate, 'must be a real date written YYYY-MM-DD'),
  activity: short,
  activityType: short,
  provider: short,
  category: short,
  units: z.number().finite().min(0).max(1000),
  unit: z.string().max(60),
  certifications: z.string().max(careerTextLimits.short * 50),
  evidence: short,
  note: z.string().max(careerTextLimits.text),
})

/** Most lines one export may hold (100,000 activities of up to ten parts would be far above any real log). */
export const educationLogExportMaxRows = 1_000_000

/** The CSV text of the exported log: UTF-8 BOM, CRLF, RFC 4180 quoting, formula-safe text, numbers as numbers. */
export function educationLogCsv(rows: readonly EducationLogExportRow[]): string {
  return csvWrite([
    [...educationLogExportHeaders],
    ...rows.map((row) => [
      row.entry,
      row.date,
      row.activity,
      row.activityType,
      row.provider,
      row.category,
      row.units,
      row.unit,
      row.certifications,
      row.evidence,
      row.note,
    ]),
  ])
}

/** Sheet names of the exported workbook. */
export const educationLogSheetNames = { log: 'Education log', totals: 'Totals' } as const

/**
 * The exported log as an Excel workbook description: an "Education log" sheet (header row frozen and filtered,
 * dates as real dates, units as numbers, notes wrapped) and a "Totals" sheet of units per year and certification.
 * `created` is the file's creation time as wall-clock minutes.
 */
export function educationLogWorkbook(rows: readonly EducationLogExportRow[], created?: number): XlsxWorkbook {
  const header: XlsxStyle = { isBold: true, fill: 'D9E1F2', vertical: 'middle' }
  const dateStyle: XlsxStyle = { numFmt: 'yyyy-mm-dd' }
  const unitsStyle: XlsxStyle = { numFmt: '0.00' }
  const wrapped: XlsxStyle = { isWrapped: true, vertical: 'top' }
  const text = (value: string, style?: XlsxStyle): XlsxCell | null =>
    value === '' ? null : style === undefined ? { type: 'string', value } : { type: 'string', value, style }
  const headerRow: XlsxRow = {
    cells: educationLogExportHeaders.map((title): XlsxCell => ({
      type: 'string',
      value: title,
      style: header,
    })),
  }
  const logRows: XlsxRow[] = [
    headerRow,
    ...rows.map((row): XlsxRow => ({
      cells: [
        { type: 'number', value: row.entry },
        { type: 'date', value: dateToWallMinutes(row.date), style: dateStyle },
        text(row.activity, wrapped),
        text(row.activityType),
        text(row.provider),
        text(row.category),
        { type: 'number', value: row.units, style: unitsStyle },
        text(row.unit),
        text(row.certifications, wrapped),
        text(row.evidence, wrapped),
        text(row.note, wrapped),
      ],
    })),
  ]
  const totals = new Map<string, number>()
  for (const row of rows) {
    for (const certification of row.certifications === '' ? ['(none)'] : row.certifications.split('; ')) {
      const key = `${row.date.slice(0, 4)}\u0000${certification}\u0000${row.unit}`
      totals.set(key, (totals.get(key) ?? 0) + row.units)
    }
  }
  const totalRows: XlsxRow[] = [
    {
      cells: ['Year', 'Certification', 'Units', 'Unit'].map((title): XlsxCell => ({
        type: 'string',
        value: title,
        style: header,
      })),
    },
    ...[...totals]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, units]): XlsxRow => {
        const [year = '', certification = '', unit = ''] = key.split('\u0000')
        return {
          cells: [
            { type: 'number', value: Number(year) },
            { type: 'string', value: certification },
            { type: 'number', value: unitRound(units), style: unitsStyle },
            { type: 'string', value: unit },
          ],
        }
      }),
  ]
  return {
    title: 'Education log',
    creator: 'Gantry',
    ...(created === undefined ? {} : { created }),
    sheets: [
      {
        name: educationLogSheetNames.log,
        columns: [7, 12, 40, 22, 24, 24, 9, 12, 36, 30, 50].map((width) => ({ width })),
        rows: logRows,
        frozen: { rows: 1, columns: 0 },
        autoFilter: {
          fromRow: 0,
          fromColumn: 0,
          toRow: rows.length,
          toColumn: educationLogExportHeaders.length - 1,
        },
      },
      {
        name: educationLogSheetNames.totals,
        columns: [8, 48, 10, 12].map((width) => ({ width })),
        rows: totalRows,
        frozen: { rows: 1, columns: 0 },
      },
    ],
  }
}

/** A file name for the exported log made on `day`, without extension. */
export function educationLogFileName(day: IsoDate): string {
  return `gantry-education-log-${day}`
}
