import { assignmentsTextParse } from '../domain/assignments-text'
import { dateParseTyped, dateToWallMinutes, dateWallText } from '../domain/dates'
import { makeAssignment, makePlan, makeTask } from '../domain/defaults'
import { taskRuleFillWork } from '../domain/task-rules'
import { durationParse } from '../domain/durations'
import type { Assignment, Dependency, DurationUnit, IsoDateTime, Plan, PlanSettings, Resource, Task } from '../domain/model'
import { predecessorsParse } from '../domain/predecessors'
import { planFileLimits } from './plan-file'
import { textExcerpt } from '../domain/text'
import { validateFindCycle, validateScheduleRange } from '../domain/validate'
import { scheduleRun } from '../domain/schedule'
import type { Schedule } from '../domain/schedule-types'
import {
  exportAssignmentsByTask,
  exportDurationText,
  exportPredecessorTexts,
  exportResourceTexts,
  exportRound,
  exportWbsNumbers,
} from './xlsx/plan-table'

/*
 * CSV (RFC 4180): fields separated by commas, records by CRLF, quoted fields with their quotes doubled. Files start
 * with a UTF-8 byte order mark so Excel reads accents. Every text cell is quoted, so a `;` or a tab inside it never
 * splits it, whichever separator the spreadsheet assumes. A spreadsheet may still read a formula wherever a cell could
 * begin: at the start of the text, after any separator (`,` `;` tab) and after a line break (an importer that ignores
 * quotes). There, a `=` `+` `-` `@` tab or CR gets an apostrophe before it, so it is never run as a formula; the import
 * takes exactly those apostrophes away again.
 */

/** The byte order mark written at the start of every CSV file. */
export const csvByteOrderMark = '\uFEFF'

/*
 * Where a cell could begin (the start, or after `,` `;` tab CR LF), a run of apostrophes followed by a formula start
 * gets one more apostrophe; the import removes one there. Adding to runs of apostrophes (`'=x` becomes `''=x`) keeps
 * the two exact inverses, so a name that really starts with an apostrophe survives the round trip.
 */
const formulaStartPattern = /(?<=^|[,;\t\r\n])(?='*[=+\-@\t\r])/g
const neutralizedPattern = /(?<=^|[,;\t\r\n])'(?='*[=+\-@\t\r])/g

/**
 * A cell's text made safe for spreadsheets: `'` before each = + - @ TAB or CR that starts the text or follows a
 * separator (`,` `;` TAB) or a line break. `csvUnNeutralize` is its exact inverse.
 */
export function csvNeutralize(text: string): string {
  return text.replace(formulaStartPattern, "'")
}

/** The text a `csvNeutralize`d cell stood for (the apostrophes it added removed). */
export function csvUnNeutralize(text: string): string {
  return text.replace(neutralizedPattern, '')
}

/**
 * One field as written in a record: text is neutralized and always quoted (its quotes doubled); a JavaScript number
 * is written as a plain number (a negative number is data, not a formula); `null` is an empty field.
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const text = csvNeutralize(typeof value === 'string' ? value : String(value))
  return `"${text.replaceAll('"', '""')}"`
}

/** CSV text of `rows` (the first row is usually the header): BOM, CRLF after every record. */
export function csvWrite(rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  const records: string[] = [csvByteOrderMark]
  for (const row of rows) records.push(`${row.map(csvField).join(',')}\r\n`)
  return records.join('')
}

/** The rows of a CSV text, and the line each row starts on (a quoted line break makes a row span lines). */
export type CsvParseResult = { ok: true; rows: string[][]; lines: number[] } | { ok: false; error: string }

/** Longest cell read (the longest text a plan holds: notes); a longer one refuses the file. */
export const csvCellMaxChars = 100_000
/** Longest record (line) read. */
export const csvLineMaxChars = 1_000_000

/** The separator of a file whose first non-blank line is `line`: `;` or tab when it has those and no commas. */
function detectSeparator(text: string): ',' | ';' | '\t' {
  let start = 0
  // The first line that holds something (blank lines before the header are skipped, as the import does).
  for (;;) {
    const end = text.indexOf('\n', start)
    const line = text.slice(start, end === -1 ? text.length : end)
    if (line.trim() !== '' || end === -1) {
      if (line.includes(',')) return ','
      if (line.includes(';')) return ';'
      return line.includes('\t') ? '\t' : ','
    }
    start = end + 1
  }
}

/**
 * Parses CSV text into rows of fields (RFC 4180, also accepting LF-only line ends and a leading BOM), in one pass.
 * `delimiter` defaults to a comma; `auto` takes a semicolon or a tab when the first non-blank line has one of them but
 * no commas (what Excel writes in many European locales, and its "Text (Tab delimited)"). A quote left open, a cell
 * longer than `csvCellMaxChars` or a record longer than `csvLineMaxChars` refuses the text with a message naming the
 * line. A final empty line does not make an extra row.
 */
export function csvParse(input: string, delimiter: ',' | ';' | '\t' | 'auto' = ','): CsvParseResult {
  const text = input.startsWith(csvByteOrderMark) ? input.slice(1) : input
  const separator = delimiter === 'auto' ? detectSeparator(text) : delimiter
  const separatorCode = separator.charCodeAt(0)
  const rows: string[][] = []
  const lines: number[] = []
  let row: string[] = []
  let line = 1
  let recordLine = 1
  let recordStart = 0
  let index = 0
  const length = text.length
  const tooLong = (what: 'cell' | 'line'): CsvParseResult => ({
    ok: false,
    error:
      what === 'cell'
        ? `Line ${recordLine}: a cell holds more than ${csvCellMaxChars.toLocaleString('en-US')} characters, more than any field of a plan.`
        : `Line ${recordLine}: the line holds more than ${csvLineMaxChars.toLocaleString('en-US')} characters.`,
  })
  while (index < length) {
    // One field, starting at `index`.
    let field: string
    if (text.charCodeAt(index) === 0x22 /* " */) {
      const quoteLine = line
      const parts: string[] = []
      let partsLength = 0
      let from = index + 1
      for (;;) {
        const quote = text.indexOf('"', from)
        if (quote === -1) return { ok: false, error: `A quoted field opened on line ${quoteLine} is never closed.` }
        const part = text.slice(from, quote)
        for (let at = part.indexOf('\n'); at !== -1; at = part.indexOf('\n', at + 1)) line++
        parts.push(part)
        partsLength += part.length
        if (partsLength > csvCellMaxChars) return tooLong('cell')
        if (text.charCodeAt(quote + 1) === 0x22) {
          parts.push('"')
          partsLength++
          from = quote + 2
          continue
        }
        index = quote + 1
        break
      }
      field = parts.join('')
      // Text after the closing quote, up to the separator, is kept (lenient, as spreadsheets do).
      let end = index
      while (end < length) {
        const code = text.charCodeAt(end)
        if (code === separatorCode || code === 0x0a || code === 0x0d) break
        end++
      }
      if (end > index) {
        field += text.slice(index, end)
        if (field.length > csvCellMaxChars) return tooLong('cell')
        index = end
      }
    } else {
      let end = index
      while (end < length) {
        const code = text.charCodeAt(end)
        if (code === separatorCode || code === 0x0a || code === 0x0d) break
        end++
      }
      // A quote inside an unquoted field is kept as is (lenient, as spreadsheets do).
      field = text.slice(index, end)
      if (field.length > csvCellMaxChars) return tooLong('cell')
      index = end
    }
    row.push(field)
    if (index - recordStart > csvLineMaxChars) return tooLong('line')
    if (index >= length) break
    const code = text.charCodeAt(index)
    if (code === separatorCode) {
      index++
      // A separator at the very end of the text still ends a field: the empty last one.
      if (index >= length) row.push('')
      continue
    }
    // A line end.
    rows.push(row)
    lines.push(recordLine)
    row = []
    index += code === 0x0d && text.charCodeAt(index + 1) === 0x0a ? 2 : 1
    line++
    recordLine = line
    recordStart = index
  }
  if (row.length > 0) {
    rows.push(row)
    lines.push(recordLine)
  }
  return { ok: true, rows, lines }
}

/** Column titles of the task CSV export, in order. */
export const csvTaskHeaders = [
  'ID',
  'WBS',
  'Name',
  'Outline level',
  'Duration',
  'Start',
  'Finish',
  'Predecessors',
  'Resources',
  '% Complete',
  'Total slack (days)',
  'Critical',
  'Milestone',
] as const

/** `YYYY-MM-DD HH:MM` of a wall-clock minute: a form Excel and LibreOffice read as a date-time. */
export function csvDateText(minutes: number): string {
  return dateWallText(minutes, 'minute')
}

/** The export's CSV text, or why the plan cannot be written as CSV (nothing is written then). */
export type CsvExportResult = { ok: true; text: string } | { ok: false; error: string }

/** Characters a resource name in the Resources column cannot hold: the list and units syntax (`Ana[50%], Ben`). */
const resourceSyntax = /[,[\]]/

/**
 * Why the CSV import could not read back the CSV export of `plan`, or null. The Resources column cannot hold a
 * resource name that is blank, holds `,` `[` or `]`, or matches another assigned resource's name (case and spaces
 * aside); the Predecessors column lists each predecessor of a task once; the import reads at most
 * `csvImportMaxRows` rows; and a NUL character marks a file as binary.
 */
export function csvExportProblem(plan: Plan): string | null {
  if (plan.tasks.length > csvImportMaxRows) {
    return `The plan has ${plan.tasks.length.toLocaleString('en-US')} tasks; a CSV file Gantry can read back holds at most ${csvImportMaxRows.toLocaleString('en-US')}. Export to Microsoft Project XML instead.`
  }
  const assigned = new Set(plan.assignments.map((assignment) => assignment.resourceId))
  const byKey = new Map<string, string>()
  for (const resource of plan.resources) {
    if (!assigned.has(resource.id)) continue
    const key = resource.name.trim().replace(/\s+/g, ' ').toLowerCase()
    if (key === '') return 'A resource with a blank name is assigned to a task; a CSV file cannot name it. Name the resource, then export again.'
    if (resourceSyntax.test(resource.name)) {
      return `The resource "${textExcerpt(resource.name)}" has a comma or a square bracket in its name, which the Resources column of a CSV file cannot hold. Rename it, or export to Excel or Microsoft Project XML.`
    }
    const other = byKey.get(key)
    if (other !== undefined) {
      return `Two assigned resources are named "${textExcerpt(other)}"; a CSV file tells resources apart by name. Rename one of them, then export again.`
    }
    byKey.set(key, resource.name)
  }
  const names = new Map(plan.tasks.map((task) => [task.id, task.name]))
  const pairs = new Set<string>()
  for (const link of plan.dependencies) {
    const key = `${link.predecessorId}>${link.successorId}`
    if (pairs.has(key)) {
      return `Task "${textExcerpt(names.get(link.successorId) ?? String(link.successorId))}" is linked twice to the same predecessor "${textExcerpt(names.get(link.predecessorId) ?? String(link.predecessorId))}"; the Predecessors column of a CSV file lists each predecessor once. Remove one of the two links, then export again.`
    }
    pairs.add(key)
  }
  const hasNul = (text: string): boolean => text.includes('\u0000')
  if (plan.tasks.some((task) => hasNul(task.name)) || plan.resources.some((resource) => hasNul(resource.name))) {
    return 'A task or resource name holds a NUL character, which marks a file as binary; remove it, then export again.'
  }
  return null
}

/** A duration as text that reads back as exactly `minutes` (whole minutes): in `unit` when that is exact, else in minutes. */
function exactDurationText(minutes: number, unit: DurationUnit, settings: PlanSettings): string {
  const text = exportDurationText(minutes, unit, settings)
  const back = durationParse(text, settings, 'd', false, planFileLimits.minutes)
  if (back.ok && back.minutes === Math.round(minutes)) return text
  const isElapsed = unit === 'em' || unit === 'eh' || unit === 'ed' || unit === 'ew' || unit === 'emo'
  return `${Math.round(minutes)}${isElapsed ? 'em' : 'm'}`
}

/**
 * The task table of a scheduled plan as CSV text (BOM, CRLF, RFC 4180 quoting, formula-safe cells), or why the CSV
 * import could not read it back (`csvExportProblem`). Columns are `csvTaskHeaders`; predecessors refer to the ID
 * column (row numbers); durations carry their unit (`5d`, summaries in days; in minutes when the unit cannot say
 * it exactly); dates are `YYYY-MM-DD HH:MM`; slack is in working days.
 */
export function csvExportPlan(plan: Plan, schedule: Schedule): CsvExportResult {
  const problem = csvExportProblem(plan)
  if (problem !== null) return { ok: false, error: problem }
  const outside = validateScheduleRange(plan, schedule)
  if (outside !== null) return { ok: false, error: `The plan cannot be exported: ${outside.message}` }
  const wbs = exportWbsNumbers(plan)
  const predecessors = exportPredecessorTexts(plan, { exact: true })
  const resources = exportResourceTexts(plan, exportAssignmentsByTask(plan), { exact: true })
  const rows: (string | number | boolean | null)[][] = [[...csvTaskHeaders]]
  plan.tasks.forEach((task, index) => {
    const isSummary = schedule.isSummary[index] === 1
    const duration = isSummary
      ? exactDurationText(schedule.duration[index] as number, 'd', plan.settings)
      : exactDurationText(task.duration, task.durationUnit, plan.settings)
    rows.push([
      index + 1,
      wbs[index] ?? '',
      task.name,
      task.level,
      duration,
      csvDateText(schedule.start[index] as number),
      csvDateText(schedule.finish[index] as number),
      predecessors[index] ?? '',
      resources[index] ?? '',
      exportRound(schedule.percentComplete[index] as number),
      exportRound((schedule.totalSlack[index] as number) / plan.settings.minutesPerDay),
      schedule.isCritical[index] === 1 ? 'Yes' : 'No',
      task.isMilestone ? 'Yes' : 'No',
    ])
  })
  return { ok: true, text: csvWrite(rows) }
}

// ---------------------------------------------------------------------------------------------------------------
// Import

export type CsvImportOptions = {
  /** Storage identity of the new plan (the caller makes it, so this stays free of platform APIs). */
  planId: string
  /** Creation time, `YYYY-MM-DDTHH:MM:SS`; also the plan start when no row has a start. */
  now: IsoDateTime
  /** Name of the new plan (default "Imported plan"). */
  name?: string
}

/**
 * The new plan, with what the import changed or left out (for example a start that its links overrule), or why the
 * file cannot be imported.
 */
export type CsvImportResult = { ok: true; plan: Plan; warnings: string[] } | { ok: false; error: string }

/** At most this many rows are imported; a larger file is refused rather than half-imported. */
export const csvImportMaxRows = planFileLimits.tasks

const headerAliases: Record<string, 'id' | 'name' | 'level' | 'duration' | 'start' | 'predecessors' | 'resources' | 'percent' | 'milestone'> = {
  id: 'id',
  '#': 'id',
  name: 'name',
  'task name': 'name',
  'outline level': 'level',
  level: 'level',
  duration: 'duration',
  start: 'start',
  predecessors: 'predecessors',
  resources: 'resources',
  'resource names': 'resources',
  '% complete': 'percent',
  'percent complete': 'percent',
  milestone: 'milestone',
}

/**
 * Parses a duration such as `5d`, `5 days`, `2w`, `3.5h`, `2ed`, or a bare number of days, as the task grid does.
 * Returns minutes and unit, or a message explaining what is wrong.
 */
export function csvParseDuration(text: string, settings: PlanSettings): { ok: true; minutes: number; unit: DurationUnit } | { ok: false; message: string } {
  // Up to the file format's limit, not the editors' (100 years): whatever the export writes, the import reads.
  const parsed = durationParse(text, settings, 'd', false, planFileLimits.minutes)
  return parsed.ok ? parsed : { ok: false, message: parsed.error }
}


/** Resource names of a resources cell (`Ana[50%], Ben`), without units. */
function resourceNames(text: string): string[] {
  const names: string[] = []
  let depth = 0
  let current = ''
  for (const character of text) {
    if (character === '[') depth++
    if (character === ']') depth = Math.max(0, depth - 1)
    if (character === ',' && depth === 0) {
      names.push(current)
      current = ''
    } else current += character
  }
  names.push(current)
  return names.map((name) => name.replace(/\[.*$/s, '').trim().replace(/\s+/g, ' ')).filter((name) => name !== '')
}

/**
 * Builds a new plan from a task CSV (the columns of `csvTaskHeaders`, or at least Name; also read: Outline level,
 * Duration, Start, Predecessors, Resources, % Complete, Milestone; other columns are ignored). Blank lines, also before
 * the header, are skipped. Predecessors refer to the ID
 * column, or to data row numbers (1 = first task) when there is none. Resources named in the file are created.
 * The plan starts at the earliest start in the file. A start becomes a start-no-earlier-than constraint when it is
 * later than where the links and the plan start put the task (the plan scheduled without the file's starts, apart
 * from those kept upstream), as Microsoft Project treats a typed start; an earlier one is dropped, with a warning for
 * a linked task. Summaries never get a constraint. Any bad row refuses the whole file with a message naming the line,
 * so nothing is half-imported.
 */
export function csvImportPlan(text: string, options: CsvImportOptions): CsvImportResult {
  if (text.includes('\u0000')) return { ok: false, error: 'This is not a CSV text file (it contains binary data).' }
  const parsed = csvParse(text, 'auto')
  if (!parsed.ok) return { ok: false, error: parsed.error }
  const isBlank = (row: readonly string[]): boolean => row.every((cell) => cell.trim() === '')
  // Blank lines before the header are skipped (a spreadsheet may save one).
  const headerIndex = parsed.rows.findIndex((row) => !isBlank(row))
  const header = parsed.rows[headerIndex]
  if (header === undefined) return { ok: false, error: 'The CSV file is empty.' }
  const rows = parsed.rows.slice(headerIndex + 1)
  const rowLines = parsed.lines.slice(headerIndex + 1)
  const columns = new Map<string, number>()
  header.forEach((title, index) => {
    const key = headerAliases[title.trim().toLowerCase()]
    if (key !== undefined && !columns.has(key)) columns.set(key, index)
  })
  if (!columns.has('name')) return { ok: false, error: 'The first line must name the columns, with at least a "Name" column.' }
  // Line numbers for messages are the file's: blank lines are skipped but still counted.
  const dataRows: string[][] = []
  const lineOf: number[] = []
  rows.forEach((row, index) => {
    if (isBlank(row)) return
    dataRows.push(row)
    lineOf.push(rowLines[index] ?? 0)
  })
  if (dataRows.length > csvImportMaxRows) return { ok: false, error: `The file has ${dataRows.length} rows; at most ${csvImportMaxRows} can be imported.` }

  const planStartDefault = options.now.slice(0, 10)
  const plan = makePlan(options.planId, options.name ?? 'Imported plan', `${planStartDefault}T08:00:00`, options.now)
  const settings = plan.settings
  const cell = (row: string[], key: string): string => {
    const index = columns.get(key)
    return index === undefined ? '' : csvUnNeutralize(row[index] ?? '')
  }

  const tasks: Task[] = []
  const starts: (IsoDateTime | null)[] = []
  const linkTexts: string[] = []
  const resourceTexts: string[] = []
  const idToRow = new Map<number, number>()
  let previousLevel = 0
  for (let index = 0; index < dataRows.length; index++) {
    const row = dataRows[index] as string[]
    const line = lineOf[index] as number
    const name = cell(row, 'name').trim()
    if (name.length > 1000) return { ok: false, error: `Line ${line}: the name is longer than 1000 characters.` }
    let level = 1
    const levelText = cell(row, 'level').trim()
    if (levelText !== '') {
      level = Number(levelText)
      if (!Number.isInteger(level) || level < 1 || level > 100) return { ok: false, error: `Line ${line}: outline level "${textExcerpt(levelText)}" must be a whole number from 1 to 100.` }
      if (level > previousLevel + 1) return { ok: false, error: `Line ${line}: outline level ${level} skips a level (the row above is at level ${previousLevel}).` }
    }
    previousLevel = level
    let duration = settings.minutesPerDay
    let durationUnit: DurationUnit = 'd'
    const durationText = cell(row, 'duration').trim()
    if (durationText !== '') {
      const result = csvParseDuration(durationText, settings)
      if (!result.ok) return { ok: false, error: `Line ${line}: ${result.message}` }
      duration = result.minutes
      durationUnit = result.unit
    }
    let start: IsoDateTime | null = null
    const startText = cell(row, 'start').trim()
    if (startText !== '') {
      start = dateParseTyped(startText, settings.defaultStartTime)
      if (start === null) return { ok: false, error: `Line ${line}: start "${textExcerpt(startText)}" is not a real date; write it as YYYY-MM-DD or YYYY-MM-DD HH:MM.` }
    }
    let percentComplete = 0
    const percentText = cell(row, 'percent').trim().replace(/%$/, '')
    if (percentText !== '') {
      percentComplete = Number(percentText)
      if (!Number.isFinite(percentComplete) || percentComplete < 0 || percentComplete > 100) return { ok: false, error: `Line ${line}: % complete "${textExcerpt(percentText)}" must be a number from 0 to 100.` }
    }
    const idText = cell(row, 'id').trim()
    const rowId = idText === '' || !columns.has('id') ? index + 1 : Number(idText)
    if (!Number.isInteger(rowId) || rowId < 0) return { ok: false, error: `Line ${line}: ID "${textExcerpt(idText)}" must be a whole number.` }
    if (idToRow.has(rowId)) return { ok: false, error: `Line ${line}: ID ${rowId} is used twice.` }
    idToRow.set(rowId, index)
    // The Milestone column (Yes/No), when there is one, says what a zero duration alone would guess.
    const milestoneText = cell(row, 'milestone').trim().toLowerCase()
    const isMilestone = milestoneText === 'yes' || milestoneText === 'true' || milestoneText === '1' ? true : milestoneText === 'no' || milestoneText === 'false' || milestoneText === '0' ? false : duration === 0
    tasks.push(makeTask(index + 1, { name, level, duration, durationUnit, isMilestone, percentComplete, start }))
    starts.push(start)
    linkTexts.push(cell(row, 'predecessors'))
    resourceTexts.push(cell(row, 'resources'))
  }

  // Links, by ID, parsed as the task grid parses them (after every row is known, so links may point forward).
  const dependencies: Dependency[] = []
  const successors: number[][] = tasks.map(() => [])
  const resolve = (reference: number): number | null => {
    const row = idToRow.get(reference)
    return row === undefined ? null : row + 1
  }
  for (let index = 0; index < linkTexts.length; index++) {
    const parsed = predecessorsParse(linkTexts[index] ?? '', resolve, settings, index + 1, planFileLimits.minutes)
    if (!parsed.ok) return { ok: false, error: `Line ${lineOf[index]}: ${parsed.error}` }
    for (const link of parsed.links) {
      dependencies.push({ id: dependencies.length + 1, predecessorId: link.predecessorId, successorId: index + 1, type: link.type, lag: link.lag, lagUnit: link.lagUnit })
      successors[link.predecessorId - 1]?.push(index)
    }
  }
  const found = validateFindCycle(tasks.length, successors)
  if (found !== null) {
    // Start the report at the earliest row so the message reads in file order; name a dozen rows at most.
    const first = found.reduce((best, row, position) => (row < (found[best] as number) ? position : best), 0)
    const cycle = [...found.slice(first), ...found.slice(0, first)]
    const names = cycle.slice(0, warningNamesMax).map((index) => `line ${lineOf[index]} (${textExcerpt(tasks[index]?.name ?? '')})`)
    const more = cycle.length > warningNamesMax ? ` -> ${cycle.length - warningNamesMax} more lines` : ''
    return { ok: false, error: `The predecessors form a cycle: ${names.join(' -> ')}${more} -> back to the first.` }
  }

  // Resources and assignments.
  const resources: Resource[] = []
  const seen = new Set<string>()
  for (const textCell of resourceTexts) {
    for (const name of resourceNames(textCell)) {
      const key = name.toLowerCase()
      if (seen.has(key)) continue
      if (name.length > 1000) return { ok: false, error: `A resource name is longer than 1000 characters.` }
      seen.add(key)
      resources.push({ id: resources.length + 1, name, role: '', initials: initialsOf(name), email: '', maxUnits: 100, hourlyRate: 0, nonWorkingDays: [], calendarId: null })
    }
  }
  const assignments: Assignment[] = []
  for (let index = 0; index < resourceTexts.length; index++) {
    const result = assignmentsTextParse(resourceTexts[index] as string, resources)
    if (!result.ok) return { ok: false, error: `Line ${lineOf[index]}: ${result.error.message}` }
    for (const item of result.items) assignments.push(makeAssignment(assignments.length + 1, index + 1, item.resourceId, item.units, 0))
  }

  // The plan starts at the earliest start in the file; a start later than where the links and the plan start put
  // the task becomes an SNET constraint, an earlier one is dropped (the task stays as soon as possible).
  const given = starts.filter((start): start is IsoDateTime => start !== null)
  if (given.length > 0) plan.start = given.reduce((earliest, start) => (start < earliest ? start : earliest))
  // Each person works the task's duration at their units (Microsoft Project's work of a new assignment).
  const draft: Plan = taskRuleFillWork({ ...plan, tasks, dependencies, resources, assignments })
  const placed = startConstraints(draft, starts, lineOf)
  placed.constraints.forEach((date, index) => {
    if (date !== null) (tasks[index] as Task).constraint = { type: 'SNET', date }
  })
  return { ok: true, plan: draft, warnings: placed.warnings }
}

/**
 * Import rounds (each one schedules the plan) after which the later starts of linked tasks still waiting on a start
 * upstream are all kept as constraints: at most 25, fewer for a large file (about 600,000 task schedulings in all,
 * three rounds for the largest). Keeping a start that the links already pass changes no date, so this only bounds
 * the work.
 */
function startRoundsMax(taskCount: number): number {
  return Math.max(3, Math.min(25, Math.floor(600_000 / Math.max(1, taskCount))))
}

/** At most this many tasks are named in one warning. */
const warningNamesMax = 10

/**
 * The start-no-earlier-than date of every task (`null`: none) from the starts typed in the file, as Microsoft Project
 * treats a start typed on a task: kept as a constraint when it is later than where the links and the plan start put
 * the task, dropped otherwise. Summaries never get one. A task without links (neither its own nor a summary's above
 * it) compares with the plan start. A linked task compares with its early start in the plan scheduled with the
 * constraints of the tasks upstream of it, so a start that only repeats where a constrained predecessor pushes the
 * task (every start of an exported plan) adds nothing: the tasks are decided in rounds, each one scheduled with the
 * constraints decided so far; a later start is kept once no undecided start lies upstream of its task.
 */
function startConstraints(
  plan: Plan,
  starts: readonly (IsoDateTime | null)[],
  lineOf: readonly number[],
): { constraints: (IsoDateTime | null)[]; warnings: string[] } {
  const tasks = plan.tasks
  const count = tasks.length
  const constraints: (IsoDateTime | null)[] = tasks.map(() => null)
  const warnings: string[] = []
  // Outline: parent, children and summaries, from the levels (the rows are already checked to skip no level).
  const parent = new Int32Array(count).fill(-1)
  const children: number[][] = tasks.map(() => [])
  const isSummary = new Uint8Array(count)
  const open: number[] = []
  tasks.forEach((task, index) => {
    while (open.length > 0 && (tasks[open[open.length - 1] as number] as Task).level >= task.level) open.pop()
    const up = open[open.length - 1]
    if (up !== undefined) {
      parent[index] = up
      children[up]?.push(index)
      isSummary[up] = 1
    }
    open.push(index)
  })
  const successors: number[][] = tasks.map(() => [])
  const hasPredecessor = new Uint8Array(count)
  for (const link of plan.dependencies) {
    successors[link.predecessorId - 1]?.push(link.successorId - 1)
    hasPredecessor[link.successorId - 1] = 1
  }
  // Linked as the engine sees it: the task or a summary above it has predecessors (parents come before children).
  const isLinked = new Uint8Array(count)
  for (let index = 0; index < count; index++) {
    const up = parent[index] as number
    isLinked[index] = hasPredecessor[index] === 1 || (up >= 0 && isLinked[up] === 1) ? 1 : 0
  }

  const planStart = dateToWallMinutes(plan.start)
  let pending: number[] = []
  starts.forEach((start, index) => {
    if (start === null || isSummary[index] === 1) return
    if (isLinked[index] === 1) pending.push(index)
    else if (dateToWallMinutes(start) > planStart) constraints[index] = start
  })
  if (pending.length === 0) return { constraints, warnings }
  const linkedStarts = pending.slice()

  const schedule = (): Schedule | string => {
    const constrained = tasks.map((task, index) => {
      const date = constraints[index] ?? null
      return date === null ? task : { ...task, constraint: { type: 'SNET' as const, date } }
    })
    const result = scheduleRun({ ...plan, tasks: constrained })
    return result.ok ? result.schedule : (result.problems[0]?.message ?? 'unknown problem')
  }
  const startOf = (index: number): number => dateToWallMinutes(starts[index] as IsoDateTime)

  // Nodes of the downstream walk, as the engine orders its passes: 0..count-1 a task (for a summary, the bound it
  // passes to its children), count + s the roll-up of summary s.
  const visited = new Uint8Array(2 * count)
  const downstream = (node: number, visit: (next: number) => void): void => {
    const task = node >= count ? node - count : node
    if (node < count && isSummary[node] === 1) {
      for (const child of children[node] ?? []) visit(child)
      return
    }
    for (const next of successors[task] ?? []) visit(next)
    const up = parent[task] as number
    if (up >= 0) visit(count + up)
  }

  const roundsMax = startRoundsMax(count)
  let current: Schedule | null = null
  for (let round = 1; pending.length > 0; round++) {
    const scheduled = schedule()
    if (typeof scheduled === 'string') {
      warnings.push(`The starts of linked tasks were not used: the plan cannot be scheduled (${scheduled}).`)
      return { constraints: constraints.map((date, index) => (isLinked[index] === 1 ? null : date)), warnings }
    }
    current = scheduled
    const early = scheduled.earlyStart
    const later = pending.filter((index) => startOf(index) > (early[index] as number))
    if (later.length === 0) break
    current = null
    if (round >= roundsMax) {
      for (const index of later) constraints[index] = starts[index] as IsoDateTime
      break
    }
    // A later start waits while another later start lies upstream of its task: that one may still push it.
    visited.fill(0)
    const queue: number[] = []
    const visit = (next: number): void => {
      if (visited[next] === 1) return
      visited[next] = 1
      queue.push(next)
    }
    for (const index of later) downstream(index, visit)
    while (queue.length > 0) downstream(queue.pop() as number, visit)
    pending = []
    for (const index of later) {
      if (visited[index] === 1) pending.push(index)
      else constraints[index] = starts[index] as IsoDateTime
    }
  }

  const final = current ?? schedule()
  if (typeof final === 'string') return { constraints, warnings }
  const early = linkedStarts.filter((index) => constraints[index] === null && startOf(index) < (final.earlyStart[index] as number))
  if (early.length > 0) {
    const names = early.slice(0, warningNamesMax).map((index) => `${lineOf[index]} (${tasks[index]?.name ?? ''})`)
    const more = early.length > warningNamesMax ? ` and ${early.length - warningNamesMax} more` : ''
    warnings.push(
      early.length === 1
        ? `The start on line ${names[0]} is before its predecessors allow; the links decide.`
        : `The starts on lines ${names.join(', ')}${more} are before their predecessors allow; the links decide.`,
    )
  }
  return { constraints, warnings }
}

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((part) => part !== '')
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('')
    .slice(0, 5)
}
