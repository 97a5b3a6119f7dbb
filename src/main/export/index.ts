import { dateLocalNow } from '../../shared/domain/dates'
import { scheduleRun } from '../../shared/domain/schedule'
import type { IsoDateTime, Plan } from '../../shared/domain/model'
import type { Schedule, ScheduleProblem } from '../../shared/domain/schedule-types'
import { csvExportPlan } from '../../shared/formats/csv'
import { mspdiWrite } from '../../shared/formats/mspdi'
import { SafeSaveError } from '../files/safe-save'
import { xlsxWriteScheduledPlan } from './xlsx'

/*
 * The export writers of the main process (IPC handlers and the command line call these): each schedules the plan
 * with the engine, then formats it with the shared builders. A plan that cannot be scheduled is refused.
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
  const first = problems[0]
  if (first === undefined) return 'The plan cannot be scheduled.'
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''
  return `The plan cannot be scheduled, so it cannot be exported: ${first.message}${more}`
}

/** The plan's schedule, or an ExportError saying why it cannot be scheduled. */
export function exportSchedule(plan: Plan): Schedule {
  const result = scheduleRun(plan)
  if (!result.ok) throw new ExportError(exportProblemsMessage(result.problems))
  return result.schedule
}

/**
 * The Excel workbook of a plan (sheets Schedule, Gantt, Resources, Resource usage, Milestones) as .xlsx bytes.
 * `now` is the date milestone status is measured against when the plan has no status date (default: the clock).
 */
export async function exportPlanXlsx(plan: Plan, now: IsoDateTime = dateLocalNow()): Promise<Uint8Array> {
  return xlsxWriteScheduledPlan(plan, exportSchedule(plan), now)
}

/** The plan as Microsoft Project XML text with the engine's dates. */
export function exportPlanMspdi(plan: Plan): string {
  return mspdiWrite(plan, exportSchedule(plan))
}

/** The plan's task table as CSV text (UTF-8 BOM, CRLF, formula-safe cells). */
export function exportPlanCsv(plan: Plan): string {
  return csvExportPlan(plan, exportSchedule(plan))
}
