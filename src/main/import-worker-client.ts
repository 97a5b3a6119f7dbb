import { Worker } from 'node:worker_threads'
import { importJobSupervise, type ImportJobRequest, type ImportJobResult } from '../shared/formats/import-job'
import { formatsImport } from '../shared/formats/pipeline'

/**
 * Reads the text of a file into a plan with the shared pipeline, reporting progress as a fraction 0..1 with a
 * sentence. An abort of `signal` stops it (the result is `canceled`).
 */
export type ImportParser = (
  request: ImportJobRequest,
  onProgress: (fraction: number, message: string) => void,
  signal?: AbortSignal,
) => Promise<ImportJobResult>

/** Runs the pipeline on the calling thread (the CLI, and tests); it cannot be stopped once started. */
export const importParseInProcess: ImportParser = async (request, onProgress, signal) => {
  if (signal?.aborted === true) return { ok: false, code: 'canceled', message: 'The import was canceled.' }
  return formatsImport({ ...request, onProgress })
}

/**
 * A parser that reads the file in a worker thread (`import-worker.ts`), so neither a 100,000-task file nor a hostile
 * one ever blocks the main process's event loop (menus, dialogs and other IPC stay responsive). The worker has its
 * own heap limit and is terminated on Cancel or after the time limit (`importJobSupervise`).
 * @param workerFile the built worker script (`import-worker.js` next to the main bundle)
 */
export function importWorkerParser(
  workerFile: string,
  options: { execArgv?: string[]; maxHeapMb?: number; timeLimitMs?: number } = {},
): ImportParser {
  return (request, onProgress, signal) =>
    importJobSupervise(
      (events) => {
        const worker = new Worker(workerFile, {
          workerData: request,
          execArgv: options.execArgv,
          resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 2048 },
        })
        worker.on('message', events.message)
        worker.on('error', (error) => events.failure(error.message, (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'))
        worker.on('exit', (code) => events.failure(`the import worker stopped unexpectedly (exit code ${code})`, false))
        return { terminate: () => void worker.terminate() }
      },
      request,
      onProgress,
      { signal, timeLimitMs: options.timeLimitMs, timers: { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) } },
    )
}
