import { Worker } from 'node:worker_threads'
import type { MspdiParser, MspdiParseResult } from './import'

/** Messages the MSPDI worker posts back. */
export type MspdiWorkerMessage =
  | { type: 'progress'; fraction: number; message: string }
  | { type: 'result'; result: MspdiParseResult }

/**
 * A parser that reads MSPDI text in a worker thread, so a 100,000-task file never blocks the main process's
 * event loop (menus, dialogs and other IPC stay responsive). The worker is given its own heap limit.
 * @param workerFile the built worker script (`mspdi-worker.js` next to the main bundle)
 */
export function mspdiWorkerParser(workerFile: string, options: { execArgv?: string[]; maxHeapMb?: number } = {}): MspdiParser {
  return (text, onProgress) =>
    new Promise<MspdiParseResult>((resolvePromise, reject) => {
      const worker = new Worker(workerFile, {
        workerData: { text },
        execArgv: options.execArgv,
        resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 2048 },
      })
      let isSettled = false
      const settle = (action: () => void): void => {
        if (isSettled) return
        isSettled = true
        action()
        void worker.terminate()
      }
      worker.on('message', (message: MspdiWorkerMessage) => {
        if (message.type === 'progress') onProgress(message.fraction, message.message)
        else settle(() => resolvePromise(message.result))
      })
      worker.on('error', (error) => {
        const isOutOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
        settle(() =>
          isOutOfMemory
            ? resolvePromise({ ok: false, message: 'The file is too large to import: reading it ran out of memory.', isTooLarge: true })
            : reject(error),
        )
      })
      worker.on('exit', (code) => {
        settle(() => reject(new Error(`the import worker stopped unexpectedly (exit code ${code})`)))
      })
    })
}
