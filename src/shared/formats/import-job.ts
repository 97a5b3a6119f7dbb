import type { FormatKind, FormatsImportResult } from './pipeline'

/*
 * An import run off the thread that asked for it: in a Node worker thread in the desktop app's main process, in a Web
 * Worker in browser mode. Both post the same messages and are supervised by `importJobSupervise`: progress passed on,
 * Cancel and a time limit that terminate the worker, a worker that fails or runs out of memory turned into a refusal.
 */

/** What the import worker is given: the pipeline's request without the progress callback. */
export type ImportJobRequest = { text: string; fileName: string; kind: FormatKind | 'auto'; planId: string; now: string }

/** Messages an import worker posts. */
export type ImportJobMessage = { type: 'progress'; fraction: number; message: string } | { type: 'result'; result: FormatsImportResult }

/** The pipeline's answer, or an import stopped by the user (`canceled`) or by the time limit (`timeout`). */
export type ImportJobResult = FormatsImportResult | { ok: false; code: 'canceled' | 'timeout'; message: string }

/** How long an import may run before it is stopped (a 100,000-task file takes a few seconds). */
export const importJobTimeLimitMs = 120_000

/** The message of an import stopped by its time limit. */
export function importJobTimeoutMessage(fileName: string, limitMs: number): string {
  const seconds = Math.round(limitMs / 1000)
  const limit =
    limitMs < 1000 ? `${limitMs} milliseconds` : seconds >= 120 && seconds % 60 === 0 ? `${seconds / 60} minutes` : `${seconds} second${seconds === 1 ? '' : 's'}`
  return `"${fileName}" cannot be imported: reading it took longer than ${limit} and was stopped. The file may be damaged or too large; nothing was imported.`
}

/** What the supervisor hears from a worker it started. */
export type ImportJobEvents = {
  message(message: ImportJobMessage): void
  /** The worker failed or stopped before answering; `isOutOfMemory` when it ran out of heap. */
  failure(detail: string, isOutOfMemory: boolean): void
}

/** An `AbortSignal` as far as the supervisor uses it (this module has neither Node's nor the DOM's types). */
export type ImportJobSignal = {
  readonly aborted: boolean
  addEventListener(type: 'abort', listener: () => void): void
  removeEventListener(type: 'abort', listener: () => void): void
}

/** The timer functions of the host (this module has neither Node's nor the DOM's types). */
export type ImportJobTimers = {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/**
 * Runs one import in a worker: `start` creates the worker (given `request`) and wires its events; the supervisor
 * passes progress to `onProgress` until the answer, and terminates the worker when the answer came, when `signal`
 * aborts (answer `canceled`) or after `timeLimitMs` (answer `timeout`). A worker that fails answers with a one-line
 * refusal (`too-large` when it ran out of memory), never with an exception.
 */
export function importJobSupervise(
  start: (events: ImportJobEvents) => { terminate(): void },
  request: ImportJobRequest,
  onProgress: (fraction: number, message: string) => void,
  options: { signal?: ImportJobSignal; timeLimitMs?: number; timers: ImportJobTimers },
): Promise<ImportJobResult> {
  const { signal, timers } = options
  const timeLimitMs = options.timeLimitMs ?? importJobTimeLimitMs
  return new Promise<ImportJobResult>((resolve) => {
    if (signal?.aborted === true) {
      resolve({ ok: false, code: 'canceled', message: 'The import was canceled.' })
      return
    }
    let isSettled = false
    let worker: { terminate(): void } | null = null
    let timer: unknown = null
    const settle = (result: ImportJobResult): void => {
      if (isSettled) return
      isSettled = true
      if (timer !== null) timers.clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      worker?.terminate()
      resolve(result)
    }
    const onAbort = (): void => settle({ ok: false, code: 'canceled', message: 'The import was canceled.' })
    worker = start({
      message(message) {
        if (message.type === 'progress') {
          if (!isSettled) onProgress(message.fraction, message.message)
        } else settle(message.result)
      },
      failure(detail, isOutOfMemory) {
        const reason = isOutOfMemory ? 'The file is too large: reading it ran out of memory.' : `Reading it failed: ${detail.replace(/\s+/g, ' ').slice(0, 300)}`
        settle({ ok: false, code: isOutOfMemory ? 'too-large' : 'bad-file', message: `"${request.fileName}" cannot be imported. ${reason}`, detail: reason })
      },
    })
    // The worker may have answered (or failed) while it was started.
    if (isSettled) {
      worker.terminate()
      return
    }
    timer = timers.setTimeout(() => settle({ ok: false, code: 'timeout', message: importJobTimeoutMessage(request.fileName, timeLimitMs) }), timeLimitMs)
    signal?.addEventListener('abort', onAbort)
  })
}
