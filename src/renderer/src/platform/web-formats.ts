import { dateLocalNow } from '../../../shared/domain/dates'
import type { IsoDateTime, Plan } from '../../../shared/domain/model'
import { importJobSupervise, type ImportJobEvents, type ImportJobMessage, type ImportJobRequest, type ImportJobResult } from '../../../shared/formats/import-job'
import { formatsExport, formatsImport, formatsSerializePlan, type FormatKind } from '../../../shared/formats/pipeline'
import type { ImportedPlan } from '../../../shared/ipc/contract'
import { platformMarkRestored } from './restored'
import type { WebExportAnswer, WebExportRequest } from './web-export-worker'
import { webXlsxBytes } from './web-xlsx'

/**
 * Exports and imports of browser mode: the same shared format pipeline the main process and the command line run.
 * Imports run in a Web Worker (`web-import-worker.ts`) so the page stays responsive and can cancel them; so does the
 * Excel export (`web-export-worker.ts`, with `web-xlsx.ts`), where ExcelJS is loaded only when a workbook is made.
 */

export type FormatResult<T> = { ok: true; value: T } | { ok: false; message: string }

/** Makes the .xlsx bytes of a plan as of `now`; tests and environments without Web Workers run it in the page. */
export type WebExportXlsxRun = (plan: Plan, now: IsoDateTime) => Promise<FormatResult<Uint8Array>>

/** Runs the Excel export in the page itself (no worker). */
export const webExportXlsxInPage: WebExportXlsxRun = (plan, now) => webXlsxBytes(plan, now)

type ExportWorker = { worker: Worker; pending: Map<number, (result: FormatResult<Uint8Array>) => void> }
let exportWorker: ExportWorker | null = null
let exportRequestId = 0

/** The export worker, started on the first export and kept (ExcelJS stays loaded in it); a failed one is dropped. */
function exportWorkerGet(): ExportWorker {
  if (exportWorker !== null) return exportWorker
  const worker = new Worker(new URL('./web-export-worker.ts', import.meta.url), { type: 'module', name: 'gantry-export' })
  const current: ExportWorker = { worker, pending: new Map() }
  const failAll = (message: string): void => {
    worker.terminate()
    if (exportWorker === current) exportWorker = null
    for (const resolve of current.pending.values()) resolve({ ok: false, message: `The Excel workbook could not be made: ${message}.` })
    current.pending.clear()
  }
  worker.addEventListener('message', (event: MessageEvent<WebExportAnswer>) => {
    const resolve = current.pending.get(event.data.id)
    current.pending.delete(event.data.id)
    resolve?.(event.data.result)
  })
  worker.addEventListener('error', (event) => {
    event.preventDefault()
    failAll(event.message || 'the export worker failed')
  })
  worker.addEventListener('messageerror', () => failAll('the export worker sent an unreadable message'))
  exportWorker = current
  return current
}

/**
 * Runs the Excel export in a Web Worker (`web-export-worker.ts`), so the page keeps repainting and taking input while
 * a large workbook is made; the bytes come back transferred.
 */
export const webExportXlsxInWorker: WebExportXlsxRun = (plan, now) =>
  new Promise((resolve) => {
    const { worker, pending } = exportWorkerGet()
    exportRequestId += 1
    const id = exportRequestId
    pending.set(id, resolve)
    try {
      const request: WebExportRequest = { id, plan, now }
      worker.postMessage(request)
    } catch (error) {
      // A plan the browser cannot copy to the worker (it never should be: plans are plain data).
      pending.delete(id)
      resolve({ ok: false, message: `The Excel workbook could not be made: ${error instanceof Error ? error.message : String(error)}.` })
    }
  })

/** The .xlsx bytes of a plan (the same workbook the desktop app writes), made in a Web Worker where there is one. */
export async function webExportXlsx(plan: Plan, run: WebExportXlsxRun = typeof Worker === 'function' ? webExportXlsxInWorker : webExportXlsxInPage): Promise<FormatResult<Uint8Array>> {
  return run(plan, dateLocalNow())
}

/** Microsoft Project XML text of a plan, with the engine's dates. */
export function webExportMspdi(plan: Plan): FormatResult<string> {
  return formatsExport(plan, 'mspdi', { now: dateLocalNow() })
}

/** The task table as CSV text (UTF-8 with BOM, formula-safe cells), refused when its import would fail. */
export function webExportCsv(plan: Plan): FormatResult<string> {
  return formatsExport(plan, 'csv', { now: dateLocalNow() })
}

/** The text of the `.gantry` file browser mode downloads for "Save", after the check every writer runs. */
export function webSavePlanText(plan: Plan): FormatResult<string> {
  return formatsSerializePlan(plan)
}

/** Starts the worker that runs one import; tests pass one that runs in the page. */
export type WebImportWorkerStart = (request: ImportJobRequest, events: ImportJobEvents) => { terminate(): void }

/** The Web Worker of `web-import-worker.ts`, sent the request, its messages passed to `events`. */
export const webImportWorkerStart: WebImportWorkerStart = (request, events) => {
  const worker = new Worker(new URL('./web-import-worker.ts', import.meta.url), { type: 'module', name: 'gantry-import' })
  worker.addEventListener('message', (event: MessageEvent<ImportJobMessage>) => events.message(event.data))
  worker.addEventListener('error', (event) => {
    event.preventDefault()
    events.failure(event.message || 'the import worker failed', false)
  })
  worker.addEventListener('messageerror', () => events.failure('the import worker sent an unreadable message', false))
  worker.postMessage(request)
  return { terminate: () => worker.terminate() }
}

/** Runs the pipeline in the page itself (no worker): for tests and environments without Web Workers. */
export const webImportInPage: WebImportWorkerStart = (request, events) => {
  let isStopped = false
  queueMicrotask(() => {
    if (isStopped) return
    const result = formatsImport({ ...request, onProgress: (fraction, message) => events.message({ type: 'progress', fraction, message }) })
    if (!isStopped) events.message({ type: 'result', result })
  })
  return { terminate: () => void (isStopped = true) }
}

export type WebImportOptions = {
  /** Storage identity of the new plan. */
  planId: string
  onProgress?: (fraction: number, message: string) => void
  /** Aborting it stops the import (the answer is `canceled`). */
  signal?: AbortSignal
  timeLimitMs?: number
  /** Default: a Web Worker. */
  start?: WebImportWorkerStart
}

/**
 * Imports a Microsoft Project XML or CSV file's text into a new plan with the shared pipeline, in a Web Worker,
 * supervised like the desktop app's import (Cancel through `signal`, a time limit).
 * @returns the plan with the reader's warnings, or why it was not imported (`canceled` when the user stopped it)
 */
export async function webImport(
  kind: Exclude<FormatKind, 'gantry'>,
  text: string,
  fileName: string,
  options: WebImportOptions,
): Promise<{ ok: true; value: ImportedPlan } | { ok: false; code: 'canceled' | 'bad-file' | 'too-large'; message: string }> {
  const request: ImportJobRequest = { text, fileName, kind, planId: options.planId, now: dateLocalNow() }
  const start = options.start ?? webImportWorkerStart
  const result: ImportJobResult = await importJobSupervise((events) => start(request, events), request, options.onProgress ?? (() => undefined), {
    signal: options.signal,
    timeLimitMs: options.timeLimitMs,
    timers: { setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms), clearTimeout: (handle) => globalThis.clearTimeout(handle as number) },
  })
  // Checked with planRestore in the worker a moment ago: the store need not check it again.
  if (result.ok) return { ok: true, value: { plan: platformMarkRestored(result.plan), warnings: result.warnings, fileName } }
  const code = result.code === 'canceled' ? 'canceled' : result.code === 'too-large' || result.code === 'timeout' ? 'too-large' : 'bad-file'
  return { ok: false, code, message: result.message }
}
