/**
 * PDF of the Gantt chart in the desktop app, in plain Node: the export/pdf handler (setup checked before the save
 * dialog, main chooses the path, the printer's bytes written only when they are a PDF) and the printer that drives
 * a hidden window (load the print view, hand it the job, printToPDF at the paper size it answers, close the window
 * whatever happens), with a stand-in for Electron's BrowserWindow.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createIpcHandlers, type IpcHandlers } from '../../src/main/ipc'
import { pdfPrinterCreate, type PdfOptions, type PrintWindowLike } from '../../src/main/print-pdf'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import { printSetupDefault, type PrintJob } from '../../src/shared/print/page-setup'
import type { ReportPrintJob } from '../../src/shared/print/report-job'
import { appFrame, testDeps, type TestDeps } from './support/main-deps'

let root = ''
let deps: TestDeps
let handlers: IpcHandlers
let jobs: (PrintJob | ReportPrintJob)[]

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n')

function plan(): Plan {
  return makePlan('p-print', 'Launch & learn', '2026-03-02T08:00:00', '2026-03-01T00:00:00', {
    tasks: [makeTask(1, { name: 'Design' }), makeTask(2, { name: 'Build', duration: 5 * 480 })],
    dependencies: [{ id: 1, predecessorId: 1, successorId: 2, type: 'FS', lag: 0, lagUnit: 'd' }],
  })
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gantry-pdf-'))
  jobs = []
  deps = testDeps(join(root, 'user-data'), {
    printPdf: async (job) => {
      jobs.push(job)
      return pdf
    },
  })
  handlers = createIpcHandlers(deps)
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('export/pdf', () => {
  it('asks where to save, prints the plan with the setup and writes the PDF there', async () => {
    deps.dialog.saveAnswers.push(join(root, 'plan'))
    const result = await handlers['export/pdf'](appFrame, { plan: plan(), setup: printSetupDefault })
    expect(result).toEqual({ ok: true, value: { fileName: 'plan.pdf' } })
    expect(readFileSync(join(root, 'plan.pdf'))).toEqual(Buffer.from(pdf))
    expect(deps.dialog.saveCalls[0]).toMatchObject({
      title: 'Save the Gantt chart as PDF',
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    })
    expect(deps.dialog.saveCalls[0]?.defaultPath).toMatch(/Launch & learn\.pdf$/)
    expect(jobs).toHaveLength(1)
    const job = jobs[0]
    if (job === undefined || 'kind' in job) throw new Error('expected a Gantt print job')
    expect(job.plan.tasks.map((task) => task.name)).toEqual(['Design', 'Build'])
    expect(job.setup).toEqual(printSetupDefault)
    expect(job.now).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/)
    expect(deps.progress[0]).toMatchObject({ task: 'export/pdf', fraction: 0, message: 'Drawing 1 page…' })
  })

  it('answers a page setup that cannot fit with the reason, before any dialog, and prints nothing', async () => {
    const setup = {
      ...printSetupDefault,
      orientation: 'portrait',
      columns: [
        'id',
        'wbs',
        'name',
        'duration',
        'start',
        'finish',
        'predecessors',
        'resources',
        'complete',
        'slack',
      ],
    }
    const result = await handlers['export/pdf'](appFrame, { plan: plan(), setup })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input')
      expect(result.error.message).toMatch(
        /^The columns ID, WBS, .* need 205 mm, .* but A4 portrait has 190 mm between its margins\./,
      )
    }
    expect(deps.dialog.saveCalls).toEqual([])
    expect(jobs).toEqual([])
  })

  it('refuses a plan that cannot be scheduled, saying why', async () => {
    const cyclic = plan()
    cyclic.dependencies.push({ id: 2, predecessorId: 2, successorId: 1, type: 'FS', lag: 0, lagUnit: 'd' })
    const result = await handlers['export/pdf'](appFrame, { plan: cyclic, setup: printSetupDefault })
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.error.message).toMatch(/^The plan cannot be printed until it can be scheduled: .*cycle/i)
    expect(deps.dialog.saveCalls).toEqual([])
  })

  it('writes nothing when the printer fails or gives something that is not a PDF', async () => {
    for (const printPdf of [
      async () => Promise.reject(new Error('Drawing the pages took too long.')),
      async () => new TextEncoder().encode('<html>'),
    ]) {
      const failing = testDeps(join(root, 'user-data'), { printPdf })
      failing.dialog.saveAnswers.push(join(root, 'broken.pdf'))
      const result = await createIpcHandlers(failing)['export/pdf'](appFrame, {
        plan: plan(),
        setup: printSetupDefault,
      })
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe('internal')
        expect(result.error.message).toMatch(
          /^The PDF could not be made: (Drawing the pages took too long\.|the printer gave no PDF\.)$/,
        )
      }
      expect(existsSync(join(root, 'broken.pdf'))).toBe(false)
    }
  })

  it('shows no dialog in a main process without a printer', async () => {
    const withoutPrinter = testDeps(join(root, 'user-data'), { printPdf: undefined })
    const result = await createIpcHandlers(withoutPrinter)['export/pdf'](appFrame, {
      plan: plan(),
      setup: printSetupDefault,
    })
    expect(result.ok).toBe(false)
    expect(withoutPrinter.dialog.saveCalls).toEqual([])
  })
})

/** A stand-in BrowserWindow that records what the printer does with it. */
function fakeWindow(answer: unknown) {
  const calls: { loaded: string[]; code: string[]; pdf: PdfOptions[]; destroyed: number } = {
    loaded: [],
    code: [],
    pdf: [],
    destroyed: 0,
  }
  const window: PrintWindowLike = {
    loadURL: async (url) => void calls.loaded.push(url),
    webContents: {
      executeJavaScript: async (code) => {
        calls.code.push(code)
        return answer
      },
      printToPDF: async (options) => {
        calls.pdf.push(options)
        return pdf
      },
    },
    destroy: () => void calls.destroyed++,
  }
  return { window, calls }
}

describe('the hidden-window printer', () => {
  const job: PrintJob = { plan: plan(), setup: printSetupDefault, now: '2026-03-05T10:00:00' }

  it('loads the print view, hands it the job, prints at the paper size it answers and closes the window', async () => {
    const { window, calls } = fakeWindow({ ok: true, value: { pages: 3, widthMm: 297, heightMm: 210 } })
    const print = pdfPrinterCreate({ createWindow: () => window, printUrl: 'app://gantry/print.html' })
    expect(await print(job)).toEqual(pdf)
    expect(calls.loaded).toEqual(['app://gantry/print.html'])
    expect(calls.code[0]).toContain(`window.gantryPrint(${JSON.stringify(job)})`)
    expect(calls.pdf).toEqual([
      {
        printBackground: true,
        preferCSSPageSize: true,
        pageSize: { width: 297 / 25.4, height: 210 / 25.4 },
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
      },
    ])
    expect(calls.destroyed).toBe(1)
  })

  it("passes on the print view's refusal word for word, and closes the window", async () => {
    const { window, calls } = fakeWindow({
      ok: false,
      message: 'Fit to a whole number of pages wide, from 1 to 50.',
    })
    const print = pdfPrinterCreate({ createWindow: () => window, printUrl: 'app://gantry/print.html' })
    await expect(print(job)).rejects.toThrow('Fit to a whole number of pages wide, from 1 to 50.')
    expect(calls.pdf).toEqual([])
    expect(calls.destroyed).toBe(1)
  })

  it('refuses an answer it does not understand and gives up a view that never answers', async () => {
    const odd = fakeWindow({ ok: true, value: { pages: 0, widthMm: 297, heightMm: 210 } })
    await expect(pdfPrinterCreate({ createWindow: () => odd.window, printUrl: 'x' })(job)).rejects.toThrow(
      'The print view gave no answer Gantry understands.',
    )
    expect(odd.calls.destroyed).toBe(1)
    const silent = fakeWindow(null)
    silent.window.webContents.executeJavaScript = () => new Promise(() => undefined)
    await expect(
      pdfPrinterCreate({ createWindow: () => silent.window, printUrl: 'x', timeoutMs: 50 })(job),
    ).rejects.toThrow('Drawing the pages took too long.')
    expect(silent.calls.destroyed).toBe(1)
  })
})
