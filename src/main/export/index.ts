import { dateLocalNow } from '../../shared/domain/dates'
import type { IsoDateTime, Plan } from '../../shared/domain/model'
import type { Schedule, ScheduleProblem } from '../../shared/domain/schedule-types'
import { scheduleProblemsText } from '../../shared/domain/schedule'
import { formatsExport, formatsScheduleForExport } from '../../shared/formats/pipeline'
import { SafeSaveError } from '../files/safe-save'
import { xlsxRenderWorkbook } from './xlsx'

/*
 * The export writers of the main process (IPC handlers and the command line call these): each runs the shared
 * format pipeline (`formatsExport`: the writers' check, scheduling, the builder), so a plan that cannot be scheduled,
 * or whose file Gantry could not read back, is refused before anything is written.
 */

/**
 * A plan that cannot be exported. It is a SafeSaveError with code `invalid-input` so the IPC layer passes its
 * message to the renderer as it does for save errors.
 */
export class ExportError extends SafeSaveError {
  constructor(message: string) {
    super('invalid-input', message)
    this.name = 'ExportError'
  }
}

/** One line naming what keeps a plan from being scheduled (the first problem, and how many more there are). */
export function exportProblemsMessage(problems: readonly ScheduleProblem[]): string {
  if (problems.length === 0) return 'The plan cannot be scheduled.'
  return `The plan cannot be scheduled, so it cannot be exported: ${scheduleProblemsText(problems)}`
}

/** The plan's schedule for an export, or an ExportError saying why it cannot be exported. */
export function exportSchedule(plan: Plan): Schedule {
  const result = formatsScheduleForExport(plan)
  if (!result.ok) throw new ExportError(result.message)
  return result.value.schedule
}

/**
 * The Excel workbook of a plan (sheets Schedule, Gantt, Resources, Resource usage, Milestones) as .xlsx bytes.
 * `now` is the date milestone status is measured against when the plan has no status date (default: the clock).
 */
export async function exportPlanXlsx(plan: Plan, now: IsoDateTime = dateLocalNow()): Promise<Uint8Array> {
  const result = formatsExport(plan, 'xlsx', { now })
  if (!result.ok) throw new ExportError(result.message)
  return xlsxRenderWorkbook(result.value)
}

/** The plan as Microsoft Project XML text with the engine's dates. */
export function exportPlanMspdi(plan: Plan): string {
  const result = formatsExport(plan, 'mspdi', { now: dateLocalNow() })
  if (!result.ok) throw new ExportError(result.message)
  return result.value
}

/** The plan's task table as CSV text (UTF-8 BOM, CRLF, formula-safe cells), refused when its import would fail. */
export function exportPlanCsv(plan: Plan): string {
  const result = formatsExport(plan, 'csv', { now: dateLocalNow() })
  if (!result.ok) throw new ExportError(result.message)
  return result.value
}
