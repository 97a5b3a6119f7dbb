/**
 * The Excel export of browser mode: the shared pipeline's workbook (checked plan, schedule, description) rendered
 * with ExcelJS's in-memory writer, loaded only when a workbook is made (it is a large bundle). Runs in the export
 * worker (`web-export-worker.ts`); the page runs it itself only where there are no Web Workers.
 */
import type { IsoDateTime } from '../../../shared/domain/model'
import { formatsExport } from '../../../shared/formats/pipeline'
import { xlsxRender, type ExcelJsLike } from '../../../shared/formats/xlsx'

/** The .xlsx bytes of a plan, or why it cannot be exported. */
export type WebXlsxResult = { ok: true; value: Uint8Array } | { ok: false; message: string }

/** The .xlsx bytes of `plan` (the same workbook the desktop app writes), as of `now`. */
export async function webXlsxBytes(plan: unknown, now: IsoDateTime): Promise<WebXlsxResult> {
  const workbook = formatsExport(plan, 'xlsx', { now })
  if (!workbook.ok) return { ok: false, message: workbook.message }
  const module = (await import('exceljs')) as unknown as { default?: ExcelJsLike } & ExcelJsLike
  return { ok: true, value: await xlsxRender(workbook.value, module.default ?? module) }
}
