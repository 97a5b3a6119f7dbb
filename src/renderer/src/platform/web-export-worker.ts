/**
 * Browser mode's Excel export worker (a Web Worker): builds and zips the workbook of the plan it is sent, off the
 * page's thread (a 10,000-task plan kept the page from repainting for seconds), and posts the bytes back
 * (transferred, not copied). One worker per export; the page terminates it when the answer came.
 */
import type { IsoDateTime } from '../../../shared/domain/model'
import { webXlsxBytes, type WebXlsxResult } from './web-xlsx'

/** What the page sends: the plan as the store holds it and the export's "now". */
export type WebExportRequest = { plan: unknown; now: IsoDateTime }

const post = (result: WebXlsxResult): void => {
  if (result.ok) globalThis.postMessage(result, { transfer: [result.value.buffer] })
  else globalThis.postMessage(result)
}

globalThis.addEventListener('message', (event: MessageEvent<WebExportRequest>) => {
  const { plan, now } = event.data
  webXlsxBytes(plan, now).then(post, (error: unknown) => {
    const detail = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 300)
    post({ ok: false, message: `The Excel workbook could not be made: ${detail}` })
  })
})
