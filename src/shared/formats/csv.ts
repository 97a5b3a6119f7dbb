import { assignmentsTextParse } from '../domain/assignments-text'
import { dateParseTyped, dateToWallMinutes, dateWallText } from '../domain/dates'
import { makeAssignment, makePlan, makeTask } from '../domain/defaults'
import { taskRuleFillWork } from '../domain/task-rules'
import { durationParse } from '../domain/durations'
import type { Assignment, Dependency, DurationUnit, IsoDateTime, Plan, PlanSettings, Resource, Task } from '../domain/model'
import { predecessorsParse } from '../domain/predecessors'
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
 * CSV (RFC 4180): fields separated by commas, records by CRLF; a field holding a comma, a double quote, CR or LF is
 * quoted and its quotes doubled. Files start with a UTF-8 byte order mark so Excel reads accents. A cell that
 * begins with = + - @ TAB or CR gets a leading apostrophe so a spreadsheet never runs it as a formula.
 */

/** The byte order mark written at the start of every CSV file. */
export const csvByteOrderMark = '\uFEFF'

const formulaStart = /^[=+\-@\t\r]/

/** A cell's text made safe for spreadsheets: `'` before a leading = + - @ TAB or CR. */
export function csvNeutralize(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text
}

/**
 * One field as written in a record: text is neutralized, then quoted when it holds a comma, quote, CR or LF.
 * A JavaScript number is written as a plain number (a negative number is data, not a formula).
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const text = csvNeutralize(typeof value === 'string' ? value : String(value))
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** CSV text of `rows` (the first row is usually the header): BOM, CRLF after every record. */
export function csvWrite(rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  let text = csvByteOrderMark
  for (const row of rows) text += `${row.map(csvField).join(',')}\r\n`
  return text
}

export type CsvParseResult = { ok: true; rows: string[][] } | { ok: false; error: string }

/**
 * Parses CSV text into rows of fields (RFC 4180, also accepting LF-only line ends and a leading BOM).
 * `delimiter` defaults to a comma; pass `auto` to use a semicolon when the first line has semicolons but no commas
 * (what Excel writes in many European locales). A quote left open is reported with its line number.
 * A final empty line does not make an extra row.
 */
export function csvParse(input: string, delimiter: ',' | ';' | 'auto' = ','): CsvParseResult {
  const text = input.startsWith(csvByteOrderMark) ? input.slice(1) : input
  let separator = delimiter
  if (separator === 'auto') {
    const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n|$/)))
    separator = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ','
  }
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let line = 1
  let index = 0
  let isQuoted = false
  let quoteLine = 0
  let fieldStarted = false
  while (index < text.length) {
    const character = text[index] as string
    if (isQuoted) {
      if (character === '"') {
        if (text[index + 1] === '"') {
          field += '"'
          index += 2
          continue
        }
        isQuoted = false
        index++
        continue
      }
      if (character === '\n') line++
      field += character
      index++
      continue
    }
    if (character === '"' && !fieldStarted) {
      isQuoted = true
      fieldStarted = true
      quoteLine = line
      index++
      continue
    }
    if (character === separator) {
      row.push(field)
      field = ''
      fieldStarted = false
      index++
      continue
    }
    if (character === '\r' || character === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      fieldStarted = false
      index += character === '\r' && text[index + 1] === '\n' ? 2 : 1
      line++
      continue
    }
    // A quote inside an unquoted field is kept as is (lenient, as spreadsheets do).
    field += character
    fieldStarted = true
    index++
  }
  if (isQuoted) return { ok: false, error: `A quoted field opened on line ${quoteLine} is never closed.` }
  if (fieldStarted || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return { ok: true, rows }
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

/**
 * The task table of a scheduled plan as CSV text (BOM, CRLF, RFC 4180 quoting, formula-safe cells).
 * Columns are `csvTaskHeaders`; predecessors refer to the ID column (row numbers); durations carry their unit
 * (`5d`, summaries in days); dates are `YYYY-MM-DD HH:MM`; slack is in working days.
 */
export function csvExportPlan(plan: Plan, schedule: Schedule): string {
  const wbs = exportWbsNumbers(plan)
  const predecessors = exportPredecessorTexts(plan)
  const resources = exportResourceTexts(plan, exportAssignmentsByTask(plan))
  const rows: (string | number | boolean | null)[][] = [[...csvTaskHeaders]]
  plan.tasks.forEach((task, index) => {
    const isSummary = schedule.isSummary[index] === 1
    const duration = isSummary
      ? exportDurationText(schedule.duration[index] as number, 'd', plan.settings)
      : exportDurationText(task.duration, task.durationUnit, plan.settings)
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
  return csvWrite(rows)
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
export const csvImportMaxRows = 200_000

const headerAliases: Record<string, 'id' | 'name' | 'level' | 'duration' | 'start' | 'predecessors' | 'resources' | 'percent'> = {
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
}

/**
 * Parses a duration such as `5d`, `5 days`, `2w`, `3.5h`, `2ed`, or a bare number of days, as the task grid does.
 * Returns minutes and unit, or a message explaining what is wrong.
 */
export function csvParseDuration(text: string, settings: PlanSettings): { ok: true; minutes: number; unit: DurationUnit } | { ok: false; message: string } {
  const parsed = durationParse(text, settings, 'd')
  return parsed.ok ? parsed : { ok: false, message: parsed.error }
}


/** Strips the apostrophe the export puts before text that starts like a formula. */
function unNeutralize(text: string): string {
  return text.length > 1 && text[0] === "'" && formulaStart.test(text.slice(1)) ? text.slice(1) : text
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

/** A cycle among rows (0-based indexes) as a list of row indexes, or `null`. */
function findCycle(count: number, successors: number[][]): number[] | null {
  const state = new Uint8Array(count) // 0 new, 1 on the stack, 2 done
  const parent = new Int32Array(count).fill(-1)
  for (let root = 0; root < count; root++) {
    if (state[root] !== 0) continue
    const stack: { node: number; next: number }[] = [{ node: root, next: 0 }]
    state[root] = 1
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { node: number; next: number }
      const list = successors[top.node] ?? []
      if (top.next >= list.length) {
        state[top.node] = 2
        stack.pop()
        continue
      }
      const next = list[top.next++] as number
      if (state[next] === 1) {
        const cycle = [next]
        for (let node = top.node; node !== next && node !== -1; node = parent[node] as number) cycle.push(node)
        cycle.reverse()
        // Start the report at the earliest row so the message reads in file order.
        const first = cycle.indexOf(Math.min(...cycle))
        return [...cycle.slice(first), ...cycle.slice(0, first)]
      }
      if (state[next] === 0) {
        state[next] = 1
        parent[next] = top.node
        stack.push({ node: next, next: 0 })
      }
    }
  }
  return null
}

/**
 * Builds a new plan from a task CSV (the columns of `csvTaskHeaders`, or at least Name; also read: Outline level,
 * Duration, Start, Predecessors, Resources, % Complete; other columns are ignored). Predecessors refer to the ID
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
  const rows = parsed.rows
  const header = rows[0]
  if (header === undefined || header.every((cell) => cell.trim() === '')) return { ok: false, error: 'The CSV file is empty.' }
  const columns = new Map<string, number>()
  header.forEach((title, index) => {
    const key = headerAliases[title.trim().toLowerCase()]
    if (key !== undefined && !columns.has(key)) columns.set(key, index)
  })
  if (!columns.has('name')) return { ok: false, error: 'The first line must name the columns, with at least a "Name" column.' }
  const dataRows = rows.slice(1).filter((row) => row.some((cell) => cell.trim() !== ''))
  if (dataRows.length > csvImportMaxRows) return { ok: false, error: `The file has ${dataRows.length} rows; at most ${csvImportMaxRows} can be imported.` }
  // Line numbers for messages: the header is line 1; blank lines are skipped but still counted.
  const lineOf: number[] = []
  rows.slice(1).forEach((row, index) => {
    if (row.some((cell) => cell.trim() !== '')) lineOf.push(index + 2)
  })

  const planStartDefault = options.now.slice(0, 10)
  const plan = makePlan(options.planId, options.name ?? 'Imported plan', `${planStartDefault}T08:00:00`, options.now)
  const settings = plan.settings
  const cell = (row: string[], key: string): string => {
    const index = columns.get(key)
    return index === undefined ? '' : unNeutralize(row[index] ?? '')
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
      if (!Number.isInteger(level) || level < 1 || level > 100) return { ok: false, error: `Line ${line}: outline level "${levelText}" must be a whole number from 1 to 100.` }
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
      if (start === null) return { ok: false, error: `Line ${line}: start "${startText}" is not a real date; write it as YYYY-MM-DD or YYYY-MM-DD HH:MM.` }
    }
    let percentComplete = 0
    const percentText = cell(row, 'percent').trim().replace(/%$/, '')
    if (percentText !== '') {
      percentComplete = Number(percentText)
      if (!Number.isFinite(percentComplete) || percentComplete < 0 || percentComplete > 100) return { ok: false, error: `Line ${line}: % complete "${percentText}" must be a number from 0 to 100.` }
    }
    const idText = cell(row, 'id').trim()
    const rowId = idText === '' || !columns.has('id') ? index + 1 : Number(idText)
    if (!Number.isInteger(rowId) || rowId < 0) return { ok: false, error: `Line ${line}: ID "${idText}" must be a whole number.` }
    if (idToRow.has(rowId)) return { ok: false, error: `Line ${line}: ID ${rowId} is used twice.` }
    idToRow.set(rowId, index)
    tasks.push(makeTask(index + 1, { name, level, duration, durationUnit, isMilestone: duration === 0, percentComplete, start }))
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
    const parsed = predecessorsParse(linkTexts[index] ?? '', resolve, settings, index + 1)
    if (!parsed.ok) return { ok: false, error: `Line ${lineOf[index]}: ${parsed.error}` }
    for (const link of parsed.links) {
      dependencies.push({ id: dependencies.length + 1, predecessorId: link.predecessorId, successorId: index + 1, type: link.type, lag: link.lag, lagUnit: link.lagUnit })
      successors[link.predecessorId - 1]?.push(index)
    }
  }
  const cycle = findCycle(tasks.length, successors)
  if (cycle !== null) {
    const names = cycle.map((index) => `line ${lineOf[index]} (${tasks[index]?.name ?? ''})`)
    return { ok: false, error: `The predecessors form a cycle: ${names.join(' -> ')} -> back to the first.` }
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
