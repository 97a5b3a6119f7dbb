import ExcelJS from 'exceljs'
import type { XlsxWorkbook } from '../../shared/formats/xlsx/spec'
import { xlsxRender, type ExcelJsLike } from '../../shared/formats/xlsx/render'

/** The ExcelJS module as the shared renderer sees it (checked here, so a changed ExcelJS API fails to compile). */
export const excelJs: ExcelJsLike = ExcelJS

/** The .xlsx bytes of a workbook the shared builder described (`formatsExport(plan, 'xlsx', ...)`). */
export async function xlsxRenderWorkbook(workbook: XlsxWorkbook): Promise<Uint8Array> {
  return xlsxRender(workbook, excelJs)
}
