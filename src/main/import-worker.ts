import { parentPort, workerData } from 'node:worker_threads'
import { formatsImport } from '../shared/formats/pipeline'
import type { ImportJobMessage, ImportJobRequest } from '../shared/formats/import-job'

// Runs in a worker thread: reads the file text it was given with the shared format pipeline and posts progress
// and the result. The main process may terminate it at any time (Cancel, the time limit).
const post = (message: ImportJobMessage): void => parentPort?.postMessage(message)
const request = workerData as ImportJobRequest
try {
  const result = formatsImport({ ...request, onProgress: (fraction, message) => post({ type: 'progress', fraction, message }) })
  post({ type: 'result', result })
} catch (error) {
  const detail = `Reading it failed: ${(error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 300)}`
  post({ type: 'result', result: { ok: false, code: 'bad-file', message: `"${request.fileName}" cannot be imported. ${detail}`, detail } })
}
