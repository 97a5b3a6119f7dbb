/**
 * Browser mode's import worker (a Web Worker): reads the file text it is sent with the shared format pipeline and
 * posts progress and the result, so a large or hostile file never freezes the page. The page terminates it on Cancel
 * or at the time limit.
 */
import type { ImportJobMessage, ImportJobRequest } from '../../../shared/formats/import-job'
import { formatsImport } from '../../../shared/formats/pipeline'

const post = (message: ImportJobMessage): void => globalThis.postMessage(message)

globalThis.addEventListener('message', (event: MessageEvent<ImportJobRequest>) => {
  const request = event.data
  try {
    post({ type: 'result', result: formatsImport({ ...request, onProgress: (fraction, message) => post({ type: 'progress', fraction, message }) }) })
  } catch (error) {
    const detail = `Reading it failed: ${(error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 300)}`
    post({ type: 'result', result: { ok: false, code: 'bad-file', message: `"${request.fileName}" cannot be imported. ${detail}`, detail } })
  }
})
