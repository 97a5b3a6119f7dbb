/**
 * Browser mode's Excel export worker (a Web Worker): builds and zips the workbook of the plan it is sent, off the
 * page's thread (a 10,000-task plan kept the page from repainting for seconds), and posts the bytes back
 * (transferred, not copied). The page keeps it for later exports (ExcelJS stays loaded in it, as it stayed in the
 * page before); each answer carries its request's id.
 */
import type { IsoDateTime } from '../../../shared/domain/model'
import { webXlsxBytes, type WebXlsxResult } from './web-xlsx'

/** What the page sends: the request's id, the plan as the store holds it and the export's "now". */
export type WebExportRequest = { id: number; plan: unknown; now: IsoDateTime }
/** What the worker answers. */
export type WebExportAnswer = { id: number; result: WebXlsxResult }

globalThis.addEventListener('message', (event: MessageEvent<WebExportRequest>) => {
  const { id, plan, now } = event.data
  const post = (result: WebXlsxResult): void => {
    const answer: WebExportAnswer = { id, result }
    if (result.ok) globalThis.postMessage(answer, { transfer: [result.value.buffer] })
    else globalThis.postMessage(answer)
  }
  webXlsxBytes(plan, now).then(post, (error: unknown) => {
    const detail = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 300)
    post({ ok: false, message: `The Excel workbook could not be made: ${detail}` })
  })
})
