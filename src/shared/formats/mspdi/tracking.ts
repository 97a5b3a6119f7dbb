import { dateIsValidIsoDateTime } from '../../domain/dates'
import type { Baseline, BaselineNumber, BaselineSet, IsoDateTime, Plan, PlanSettings, Task } from '../../domain/model'
import { planFileLimits } from '../plan-file'
import { shorten, trimmed } from './read-access'
import { dateTimePattern, mspdiParseDuration } from './read-values'
import type { XmlNode } from './xml'

/*
 * A task's `Baseline` elements (Baseline, Baseline 1–10) in Microsoft Project XML: `Number`, `Start`, `Finish`,
 * `Duration`, `Work`, `Cost`, `BCWS`, `BCWP`. Money is written in hundredths of the currency unit (FIELDS.md §11).
 * A baseline is a record of the past, not the file's structure: a field that cannot be read is left blank with a
 * warning instead of refusing the file.
 */

/** What the baselines of a whole file left out, reported once per file rather than once per task. */
export type BaselineReadReport = {
  /** Baselines whose `Number` is missing or outside 0–10, with the first one's description. */
  badNumbers: number
  firstBadNumber: string
  duplicates: number
  firstDuplicate: string
  /** Fields left blank because they could not be read, with the first one. */
  blankedFields: number
  firstBlankedField: string
}

export function mspdiBaselineReport(): BaselineReadReport {
  return { badNumbers: 0, firstBadNumber: '', duplicates: 0, firstDuplicate: '', blankedFields: 0, firstBlankedField: '' }
}

/** The report's sentences for the import warnings (none when every baseline was read). */
export function mspdiBaselineWarnings(report: BaselineReadReport): string[] {
  const warnings: string[] = []
  if (report.badNumbers > 0)
    warnings.push(`${report.badNumbers} baseline(s) with a Number outside 0 (Baseline) to 10 (Baseline 10) were left out (the first: ${report.firstBadNumber}).`)
  if (report.duplicates > 0)
    warnings.push(`${report.duplicates} task baseline(s) repeated a Number already read for the task and were left out (the first: ${report.firstDuplicate}).`)
  if (report.blankedFields > 0)
    warnings.push(`${report.blankedFields} baseline value(s) could not be read and were left blank (the first: ${report.firstBlankedField}).`)
  return warnings
}

function isBaselineNumber(value: number): value is BaselineNumber {
  return Number.isInteger(value) && value >= 0 && value <= 10
}

function blank(report: BaselineReadReport, what: string): null {
  if (report.blankedFields === 0) report.firstBlankedField = what
  report.blankedFields++
  return null
}

function readDate(node: XmlNode, name: string, where: string, report: BaselineReadReport): IsoDateTime | null {
  const value = trimmed(node, name)
  if (value === undefined) return null
  const match = dateTimePattern.exec(value)
  const result = match === null ? '' : `${match[1]}T${match[2]}:${match[3]}:${match[4] ?? '00'}`
  return match !== null && dateIsValidIsoDateTime(result) ? result : blank(report, `${where} ${name} "${shorten(value)}"`)
}

function readMinutes(node: XmlNode, name: string, where: string, limit: number, report: BaselineReadReport): number | null {
  const value = trimmed(node, name)
  if (value === undefined) return null
  const minutes = mspdiParseDuration(value)
  return minutes !== null && minutes >= 0 && minutes <= limit ? minutes : blank(report, `${where} ${name} "${shorten(value)}"`)
}

/** An amount in hundredths of the currency unit (`500000`, `80000.00`) as currency units; `null` when unusable. */
function readMoney(node: XmlNode, name: string, where: string, report: BaselineReadReport): number | null {
  const value = trimmed(node, name)
  if (value === undefined) return null
  const hundredths = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN
  const amount = Math.round(hundredths * 100) / 10_000
  return Number.isFinite(amount) && amount >= 0 && amount <= planFileLimits.money
    ? amount
    : blank(report, `${where} ${name} "${shorten(value)}"`)
}

/**
 * Reads the `Baseline` children of a task element into the task's baselines (ascending by number). A baseline with a
 * `Number` outside 0–10 (or none), a second one with a number already read, and a baseline without any value are left
 * out; the first two are counted in `report`.
 * @param where the task as messages name it (`Task "Build" (UID 3)`)
 */
export function mspdiReadBaselines(elements: readonly XmlNode[], where: string, report: BaselineReadReport): Baseline[] {
  const baselines: Baseline[] = []
  for (const element of elements) {
    const numberText = trimmed(element, 'Number') ?? ''
    const number = /^-?\d{1,9}$/.test(numberText) ? Number(numberText) : Number.NaN
    if (!isBaselineNumber(number)) {
      if (report.badNumbers === 0) report.firstBadNumber = `${where}, Number "${shorten(numberText)}"`
      report.badNumbers++
      continue
    }
    if (baselines.some((baseline) => baseline.number === number)) {
      if (report.duplicates === 0) report.firstDuplicate = `${where}, Baseline ${number}`
      report.duplicates++
      continue
    }
    const label = `${where}, ${number === 0 ? 'Baseline' : `Baseline ${number}`}`
    const baseline: Baseline = {
      number,
      start: readDate(element, 'Start', label, report),
      finish: readDate(element, 'Finish', label, report),
      duration: readMinutes(element, 'Duration', label, planFileLimits.minutes, report),
      work: readMinutes(element, 'Work', label, planFileLimits.work, report),
      cost: readMoney(element, 'Cost', label, report),
      bcws: readMoney(element, 'BCWS', label, report),
      bcwp: readMoney(element, 'BCWP', label, report),
    }
    const { number: _number, ...values } = baseline
    if (Object.values(values).some((value) => value !== null)) baselines.push(baseline)
  }
  return baselines.sort((a, b) => a.number - b.number)
}

/** An amount in currency units as MSPDI's hundredths: whole (`500000`) when it is whole cents, else two decimals. */
export function mspdiMoneyText(amount: number): string {
  const hundredths = Math.round(amount * 10_000) / 100
  const value = Object.is(hundredths, -0) || !Number.isFinite(hundredths) ? 0 : hundredths
  return Number.isInteger(value) ? String(value) : value.toFixed(2)
}

/**
 * The children of one `Baseline` element in schema order (`Number`, `Start`, `Finish`, `Duration`, `Work`, `Cost`,
 * `BCWS`, `BCWP`), blank fields left out; durations and work as `PT…H…M…S` from `formatDuration`.
 */
export function mspdiBaselineElements(
  baseline: Baseline,
  formatDuration: (minutes: number) => string,
  formatDate: (value: IsoDateTime) => string,
): [string, string][] {
  const elements: [string, string][] = [['Number', String(baseline.number)]]
  if (baseline.start !== null) elements.push(['Start', formatDate(baseline.start)])
  if (baseline.finish !== null) elements.push(['Finish', formatDate(baseline.finish)])
  if (baseline.duration !== null) elements.push(['Duration', formatDuration(baseline.duration)])
  if (baseline.work !== null) elements.push(['Work', formatDuration(baseline.work)])
  if (baseline.cost !== null) elements.push(['Cost', mspdiMoneyText(baseline.cost)])
  if (baseline.bcws !== null) elements.push(['BCWS', mspdiMoneyText(baseline.bcws)])
  if (baseline.bcwp !== null) elements.push(['BCWP', mspdiMoneyText(baseline.bcwp)])
  return elements
}

/**
 * A task's progress beyond `PercentComplete` and its actual dates: `PhysicalPercentComplete` (0–100) and `ActualWork`
 * (the task's own; where it has assignments their actual work replaces it). When the file has no `PercentComplete`
 * but an `ActualDuration`, the % complete follows from it (actual duration / duration), as Microsoft Project derives
 * one from the other. Values that cannot be kept are left at 0 and counted in `report`.
 */
export function mspdiReadTaskProgress(node: XmlNode, task: Task, where: string, report: BaselineReadReport): void {
  const physical = trimmed(node, 'PhysicalPercentComplete')
  if (physical !== undefined) {
    const value = /^\d+(\.\d+)?$/.test(physical) ? Number(physical) : Number.NaN
    if (value >= 0 && value <= 100) task.physicalPercentComplete = value
    else blank(report, `${where} PhysicalPercentComplete "${shorten(physical)}"`)
  }
  const actualWork = readMinutes(node, 'ActualWork', where, planFileLimits.work, report)
  if (actualWork !== null) task.actualWork = actualWork
  if (trimmed(node, 'PercentComplete') === undefined && task.duration > 0) {
    const actualDuration = readMinutes(node, 'ActualDuration', where, planFileLimits.minutes, report)
    if (actualDuration !== null) task.percentComplete = Math.min(100, (actualDuration / task.duration) * 100)
  }
}

/**
 * The project header's tracking options: `BaselineForEarnedValue` (0–10), `DefaultTaskEVMethod` (0 % complete,
 * 1 physical % complete) and `MoveRemainingStartsForward` into `settings`. An unusable value keeps the default with
 * a warning.
 */
export function mspdiReadProjectTracking(project: XmlNode, settings: PlanSettings, warnings: string[]): void {
  const baselineText = trimmed(project, 'BaselineForEarnedValue')
  if (baselineText !== undefined) {
    const number = /^\d{1,9}$/.test(baselineText) ? Number(baselineText) : Number.NaN
    if (isBaselineNumber(number)) settings.baselineForEarnedValue = number
    else warnings.push(`The project header's BaselineForEarnedValue "${shorten(baselineText)}" is not 0 to 10; earned value uses Baseline.`)
  }
  const method = trimmed(project, 'DefaultTaskEVMethod')
  if (method === '1') settings.earnedValueMethod = 'physical-percent-complete'
  const move = trimmed(project, 'MoveRemainingStartsForward')
  if (move === '1' || move === 'true') settings.moveRemainingAfterStatusDate = true
}

/**
 * Progress kept consistent after reading, as Microsoft Project keeps it: an assignment's actual work at most its work
 * (more is cut with a warning), a task with assignments holding their actual work's sum; the plan's record of the
 * baselines set (numbers found on any task, when they were set unknown).
 */
export function mspdiTrackingFinish(plan: Plan, warnings: string[]): Plan {
  let cut = 0
  const actualOf = new Map<number, number>()
  const assignments = plan.assignments.map((assignment) => {
    const actualWork = Math.min(assignment.actualWork, assignment.work)
    if (actualWork !== assignment.actualWork) cut++
    actualOf.set(assignment.taskId, (actualOf.get(assignment.taskId) ?? 0) + actualWork)
    return actualWork === assignment.actualWork ? assignment : { ...assignment, actualWork }
  })
  if (cut > 0) warnings.push(`${cut} assignment(s) had more ActualWork than Work; their actual work was limited to their work.`)
  const numbers = new Set<BaselineNumber>()
  const tasks = plan.tasks.map((task) => {
    for (const baseline of task.baselines) numbers.add(baseline.number)
    const actual = actualOf.get(task.id)
    return actual === undefined || actual === task.actualWork ? task : { ...task, actualWork: actual }
  })
  const baselines: BaselineSet[] = [...numbers].sort((a, b) => a - b).map((number) => ({ number, setAt: null }))
  return { ...plan, tasks, assignments, tracking: { ...plan.tracking, baselines } }
}

/** An assignment's `ActualWork` in minutes of work; 0 when absent or unusable (`mspdiTrackingFinish` caps it). */
export function mspdiReadActualWork(node: XmlNode): number {
  const value = trimmed(node, 'ActualWork')
  const minutes = value === undefined ? null : mspdiParseDuration(value)
  return minutes !== null && minutes > 0 && minutes <= planFileLimits.work ? minutes : 0
}
