import { parentPort, workerData } from 'node:worker_threads'
import { mspdiParseInProcess } from './import'
import type { MspdiWorkerMessage } from './mspdi-worker-client'

// Runs in a worker thread: parses the MSPDI text it was given and posts progress and the result.
const post = (message: MspdiWorkerMessage): void => parentPort?.postMessage(message)
const { text } = workerData as { text: string }
void mspdiParseInProcess(text, (fraction, message) => post({ type: 'progress', fraction, message })).then(
  (result) => post({ type: 'result', result }),
  (error: unknown) => post({ type: 'result', result: { ok: false, message: error instanceof Error ? error.message : String(error) } }),
)
