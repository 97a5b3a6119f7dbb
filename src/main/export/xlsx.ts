import ExcelJS from 'exceljs'
import type { IsoDateTime, Plan } from '../../shared/domain/model'
import type { Schedule } from '../../shared/domain/schedule-types'
import { xlsxBuildPlanWorkbook } from '../../shared/formats/xlsx/build'
import { xlsxRender, type ExcelJsLike } from '../../shared/formats/xlsx/render'

/** The ExcelJS module as the shared renderer sees it (checked here, so a changed ExcelJS API fails to compile). */
export const excelJs: ExcelJsLike = ExcelJS

/** The .xlsx bytes of a scheduled plan (sheets Schedule, Gantt, Resources, Resource usage, Milestones). */
export async function xlsxWriteScheduledPlan(plan: Plan, schedule: Schedule, now: IsoDateTime): Promise<Uint8Array> {
  return xlsxRender(xlsxBuildPlanWorkbook(plan, schedule, { now }), excelJs)
}
