/**
 * The desktop app's PDFs of the Gantt chart and of a status report: main opens the print view (print.html, the same
 * pages the preview and the browser's print draw) in a hidden, sandboxed window, hands it the job with
 * `window.gantryPrint(job)`, and writes what Chromium prints with `webContents.printToPDF`. The window is an injected factory, so this runs in
 * plain Node under vitest with a stand-in window; index.ts passes Electron's BrowserWindow.
 */
import { z } from 'zod'
import type { PrintJob, PrintJobDone } from '../shared/print/page-setup'
import type { ReportPrintJob } from '../shared/print/report-job'

/** The part of Electron's printToPDF options Gantry uses (sizes in inches). */
export type PdfOptions = {
  printBackground: boolean
  preferCSSPageSize: boolean
  pageSize: { width: number; height: number }
  margins: { top: number; bottom: number; left: number; right: number }
  generateDocumentOutline?: boolean
}

/** The part of a BrowserWindow the printer uses. */
export type PrintWindowLike = {
  loadURL(url: string): Promise<void>
  webContents: {
    executeJavaScript(code: string, userGesture?: boolean): Promise<unknown>
    printToPDF(options: PdfOptions): Promise<Uint8Array>
  }
  destroy(): void
}

export type PdfPrinterOptions = {
  /** A new hidden window, sandboxed like the main one (no preload: the print view needs no platform API). */
  createWindow(): PrintWindowLike
  /** The print view's address (`app://gantry/print.html`, or the dev server's). */
  printUrl: string
  /** How long drawing the pages may take before the print is given up, in milliseconds. */
  timeoutMs?: number
}

const answerSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    value: z.strictObject({
      pages: z.number().int().min(1),
      widthMm: z.number().finite().positive().max(2000),
      heightMm: z.number().finite().positive().max(2000),
    }),
  }),
  z.strictObject({ ok: z.literal(false), message: z.string().max(2000) }),
])

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}

/** Whether `bytes` start like a PDF file. */
export function pdfBytesLookRight(bytes: Uint8Array): boolean {
  return bytes.length > 8 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-'
}

/**
 * A function that prints a job to PDF bytes in a fresh hidden window, closed afterwards whatever happens.
 * @returns the PDF's bytes; rejects with the print view's own message when the job cannot be drawn
 */
export function pdfPrinterCreate(options: PdfPrinterOptions): (job: PrintJob | ReportPrintJob) => Promise<Uint8Array> {
  const timeoutMs = options.timeoutMs ?? 10 * 60_000
  return async (job) => {
    const window = options.createWindow()
    try {
      await window.loadURL(options.printUrl)
      // The job is JSON: a plain data literal inside the call, nothing of it is run as code. The print view's refusal
      // comes back as a value, so its message reaches the user word for word.
      const code = `window.gantryPrint(${JSON.stringify(job)}).then((value) => ({ ok: true, value }), (error) => ({ ok: false, message: error instanceof Error ? error.message : String(error) }))`
      const answer = answerSchema.safeParse(
        await withTimeout(
          window.webContents.executeJavaScript(code, true),
          timeoutMs,
          'Drawing the pages took too long.',
        ),
      )
      if (!answer.success) throw new Error('The print view gave no answer Gantry understands.')
      if (!answer.data.ok) throw new Error(answer.data.message)
      const done: PrintJobDone = answer.data.value
      const bytes = await withTimeout(
        window.webContents.printToPDF({
          printBackground: true,
          preferCSSPageSize: true,
          pageSize: { width: done.widthMm / 25.4, height: done.heightMm / 25.4 },
          margins: { top: 0, bottom: 0, left: 0, right: 0 },
        }),
        timeoutMs,
        'Writing the PDF took too long.',
      )
      return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)
    } finally {
      window.destroy()
    }
  }
}
