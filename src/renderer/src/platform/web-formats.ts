import { dateLocalNow } from '../../../shared/domain/dates'
import type { Plan } from '../../../shared/domain/model'
import type { Schedule } from '../../../shared/domain/schedule-types'
import { scheduleRun } from '../../../shared/domain/schedule'
import { csvExportPlan, csvImportPlan } from '../../../shared/formats/csv'
import { mspdiRead, mspdiWrite } from '../../../shared/formats/mspdi'
import { planRestore } from '../../../shared/formats/plan-file'
import type { ImportedPlan } from '../../../shared/ipc/contract'
import { platformMarkRestored } from './restored'
import { xlsxBuildPlanWorkbook, xlsxRender, type ExcelJsLike } from '../../../shared/formats/xlsx'

/**
 * Exports and imports of browser mode: the same shared builders and readers the main process uses, run in the
 * page. ExcelJS is loaded only when a workbook is made (it is a large bundle).
 */

export type FormatResult<T> = { ok: true; value: T } | { ok: false; message: string }


function scheduled(plan: Plan): FormatResult<Schedule> {
  const result = scheduleRun(plan)
  if (result.ok) return { ok: true, value: result.schedule }
  const first = result.problems[0]
  return {
    ok: false,
    message: `The plan cannot be scheduled, so it cannot be exported: ${first?.message ?? 'unknown problem'}`,
  }
}

/** The .xlsx bytes of a plan (the same workbook the desktop app writes). */
export async function webExportXlsx(plan: Plan): Promise<FormatResult<Uint8Array>> {
  const schedule = scheduled(plan)
  if (!schedule.ok) return schedule
  const module = (await import('exceljs')) as unknown as { default?: ExcelJsLike } & ExcelJsLike
  const excel = module.default ?? module
  const bytes = await xlsxRender(xlsxBuildPlanWorkbook(plan, schedule.value, { now: dateLocalNow() }), excel)
  return { ok: true, value: bytes }
}

/** Microsoft Project XML text of a plan, with the engine's dates. */
export function webExportMspdi(plan: Plan): FormatResult<string> {
  const schedule = scheduled(plan)
  return schedule.ok ? { ok: true, value: mspdiWrite(plan, schedule.value) } : schedule
}

/** The task table as CSV text (UTF-8 with BOM, formula-safe cells). */
export function webExportCsv(plan: Plan): FormatResult<string> {
  const schedule = scheduled(plan)
  return schedule.ok ? { ok: true, value: csvExportPlan(plan, schedule.value) } : schedule
}

function restored(plan: Plan, warnings: string[], fileName: string): FormatResult<ImportedPlan> {
  const result = planRestore(plan)
  return result.ok
    ? { ok: true, value: { plan: platformMarkRestored(result.plan), warnings, fileName } }
    : { ok: false, message: `"${fileName}" cannot be imported. ${result.error.message}` }
}

/** A new plan from Microsoft Project XML text, with the reader's warnings. */
export function webImportMspdi(text: string, fileName: string, planId: string): FormatResult<ImportedPlan> {
  const result = mspdiRead(text, { planId })
  if (!result.ok) return { ok: false, message: `"${fileName}" cannot be imported. ${result.error.message}` }
  return restored(result.plan, result.warnings, fileName)
}

/** A new plan from a CSV task table, with the reader's warnings. */
export function webImportCsv(text: string, fileName: string, planId: string): FormatResult<ImportedPlan> {
  const result = csvImportPlan(text, {
    planId,
    now: dateLocalNow(),
    name: fileName.replace(/\.(csv|txt)$/i, '') || 'Imported plan',
  })
  if (!result.ok) return { ok: false, message: `"${fileName}" cannot be imported. ${result.error}` }
  return restored(result.plan, result.warnings, fileName)
}
