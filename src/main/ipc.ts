import { basename, dirname, extname, join } from 'node:path'
import { z } from 'zod'
import type { Plan } from '../shared/domain/model'
import { planFileExtension, planFileMaxBytes, planFileParse } from '../shared/formats/plan-file'
import { formatsCheckPlan, formatsSerializePlan } from '../shared/formats/pipeline'
import type {
  IpcChannel,
  IpcContract,
  IpcError,
  IpcResponse,
  IpcResult,
  AppInfo,
  ImportedPlan,
  OpenedPlan,
  ProgressEvent,
} from '../shared/ipc/contract'
import { DocumentRegistry } from './files/documents'
import { RecentFiles } from './files/recent-files'
import { RecoveryStore } from './files/recovery'
import { SafeSaveError, decodeText, readFileCapped, safeSave } from './files/safe-save'
import { csvMaxBytes, importFile, mspdiMaxBytes } from './import'
import type { ImportParser } from './import-worker-client'
import { exportPlanCsv, exportPlanMspdi, exportPlanXlsx } from './export'
import { excelJs } from './export/xlsx'
import { educationLogCsv, educationLogExportMaxRows, educationLogExportRowSchema, educationLogWorkbook } from '../shared/career/log'
import { dateLocalNow, dateToWallMinutes } from '../shared/domain/dates'
import { xlsxRender } from '../shared/formats/xlsx/render'
import { printCheck, printPaperKeys, printSetupSchema, type PrintJob, type PrintPaper } from '../shared/print/page-setup'
import type { ReportPrintJob } from '../shared/print/report-job'
import { statusReportResolve, statusReportTextMax } from '../shared/domain/health/report'
import type { StatusReport } from '../shared/domain/health/model'
import { xlsxStatusReportWorkbook } from '../shared/formats/xlsx/status-report-sheet'
import { pdfBytesLookRight } from './print-pdf'

/** Electron's dialog functions, as plain parameters (the shapes are Electron's, narrowed to what Gantry uses). */
export type FileFilter = { name: string; extensions: string[] }
export type OpenDialogOptions = {
  title?: string
  defaultPath?: string
  buttonLabel?: string
  filters?: FileFilter[]
  properties?: Array<'openFile' | 'showHiddenFiles'>
}
export type SaveDialogOptions = {
  title?: string
  defaultPath?: string
  buttonLabel?: string
  filters?: FileFilter[]
  properties?: Array<'showOverwriteConfirmation' | 'createDirectory' | 'showHiddenFiles'>
}
export type MessageBoxOptions = {
  message: string
  type?: 'none' | 'info' | 'error' | 'question' | 'warning'
  buttons?: string[]
  defaultId?: number
  cancelId?: number
  title?: string
  detail?: string
}
export type MainDialog = {
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>
  showMessageBox(options: MessageBoxOptions): Promise<{ response: number; checkboxChecked?: boolean }>
}

/** Everything the handlers need from Electron, injected so they run in plain Node (vitest, the Playwright bridge). */
export type MainDeps = {
  dialog: MainDialog
  userDataDir: string
  appVersion: string
  /** Whether a frame URL belongs to the app (the `app://` origin, or the dev server in development). */
  isAppUrl(url: string): boolean
  setTitle(title: string, isDirty: boolean): void
  sendProgress(event: ProgressEvent): void
  /** Called after the recent-files list changed, so the menu can rebuild File ▸ Open Recent. */
  onRecentChanged?(): void
  /**
   * Prints a job (the Gantt chart, or a status report) to PDF bytes: index.ts draws the print view in a hidden window
   * and uses `printToPDF` (print-pdf.ts); the e2e harness prints the same view with Playwright. Without it, PDF export
   * is refused.
   */
  printPdf?(job: PrintJob | ReportPrintJob): Promise<Uint8Array>
  /**
   * Reads an imported file's text into a plan with the shared format pipeline; index.ts runs it in a worker thread
   * (`importWorkerParser`), which Cancel and the time limit stop. Defaults to reading in-process.
   */
  importParser?: ImportParser
  /** Shared with index.ts (menu, second instance, clean quit); created here when absent. */
  documents?: DocumentRegistry
  recentFiles?: RecentFiles
  recovery?: RecoveryStore
}

/** The event fields a handler looks at; Electron's IpcMainInvokeEvent has them. */
export type IpcSenderEvent = { senderFrame: { url: string } | null }
export type IpcHandler<C extends IpcChannel> = (event: IpcSenderEvent, request: unknown) => Promise<IpcResult<IpcResponse<C>>>
export type IpcHandlers = { [C in IpcChannel]: IpcHandler<C> }

/** Largest career backup or calendar text accepted (in bytes of the file or UTF-16 units of the text). */
export const careerTextMaxBytes = 50 * 1024 * 1024

class HandlerError extends Error {
  constructor(
    readonly code: IpcError['code'],
    message: string,
  ) {
    super(message)
  }
}

const canceled = (): HandlerError => new HandlerError('canceled', 'Canceled by the user.')

function toIpcError(error: unknown): IpcError {
  if (error instanceof HandlerError || error instanceof SafeSaveError) return { code: error.code, message: error.message }
  const detail = error instanceof Error ? error.message : String(error)
  return { code: 'internal', message: `Something went wrong in Gantry: ${detail}` }
}

function describeZodIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (issue === undefined) return 'the request is malformed'
  const where = issue.path.length > 0 ? issue.path.join('.') : 'the request'
  return `${where}: ${issue.message}`
}

/**
 * A request that carries a plan: the plan is checked with `formatsCheckPlan`, the check every writer runs (strict
 * schema and references, as the .gantry reader), so main never writes a file Gantry would refuse.
 */
function restoreRequestPlan(candidate: unknown): Plan {
  const checked = formatsCheckPlan(candidate)
  if (!checked.ok) throw new HandlerError('invalid-input', checked.message)
  return checked.value
}

/** "Website relaunch status report 2025-03-17": the name a status report export suggests. */
function reportFileName(plan: Plan, report: StatusReport): string {
  return `${plan.name} status report ${report.statusDate.slice(0, 10)}`
}

const noRequest = z.undefined()
const planRequest = z.strictObject({ plan: z.unknown() })
const reportRequestShape = {
  plan: z.unknown(),
  reportId: z.number().int().min(0).max(2_147_483_647).nullable(),
  commentary: z.string().max(statusReportTextMax),
  decisions: z.string().max(statusReportTextMax),
}
const reportRequest = z.strictObject(reportRequestShape)
const reportPdfRequest = z.strictObject({ ...reportRequestShape, paper: z.enum(printPaperKeys as [PrintPaper, ...PrintPaper[]]) })
const textRequest = z.strictObject({
  text: z.string().max(careerTextMaxBytes),
  suggestedName: z.string().min(1).max(255),
})
const idText = z.string().min(1).max(100)
const careerLogRequest = z.strictObject({
  format: z.enum(['csv', 'xlsx']),
  rows: z.array(educationLogExportRowSchema).max(educationLogExportMaxRows),
  suggestedName: z.string().min(1).max(255),
})

/** A name safe to offer in a save dialog: no folders, no characters Windows refuses, not empty. */
export function fileNameSanitize(name: string, fallback = 'Untitled'): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = basename(name.replace(/\\/g, '/')).replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '_').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 120)
  return cleaned === '' ? fallback : cleaned
}

/** Adds `.ext` when the chosen path has no such extension (Linux dialogs do not add it). */
export function pathWithExtension(path: string, extension: string): string {
  return extname(path).toLowerCase() === `.${extension.toLowerCase()}` ? path : `${path}.${extension}`
}

/**
 * The main-process handler of every IPC channel. Each one checks the sending frame against the app origin
 * ('forbidden'), validates its request with zod ('invalid-input'), and returns an IpcResult; it never throws.
 */
export function createIpcHandlers(deps: MainDeps): IpcHandlers {
  const documents = deps.documents ?? new DocumentRegistry()
  const recent = deps.recentFiles ?? new RecentFiles(deps.userDataDir)
  const recovery = deps.recovery ?? new RecoveryStore(deps.userDataDir)
  const recentReady = deps.recentFiles === undefined ? recent.load() : Promise.resolve()
  let lastFolder: string | undefined

  function handler<S extends z.ZodType, R>(
    schema: S,
    run: (request: z.output<S>) => Promise<R>,
  ): (event: IpcSenderEvent, request: unknown) => Promise<IpcResult<R>> {
    return async (event, request) => {
      const url = event?.senderFrame?.url
      if (typeof url !== 'string' || !deps.isAppUrl(url)) {
        return { ok: false, error: { code: 'forbidden', message: 'This request did not come from the Gantry window.' } }
      }
      const parsed = schema.safeParse(request)
      if (!parsed.success) {
        return { ok: false, error: { code: 'invalid-input', message: `Invalid request: ${describeZodIssue(parsed.error)}.` } }
      }
      try {
        return { ok: true, value: await run(parsed.data) }
      } catch (error) {
        return { ok: false, error: toIpcError(error) }
      }
    }
  }

  function defaultPathFor(fileName: string): string {
    return lastFolder === undefined ? fileName : join(lastFolder, fileName)
  }

  async function chooseOpenPath(title: string, filters: FileFilter[]): Promise<string> {
    const result = await deps.dialog.showOpenDialog({
      title,
      defaultPath: lastFolder,
      filters: [...filters, { name: 'All files', extensions: ['*'] }],
      properties: ['openFile'],
    })
    const path = result.filePaths[0]
    if (result.canceled || path === undefined || path === '') throw canceled()
    lastFolder = dirname(path)
    return path
  }

  /**
   * Prints `job` with `printPdf` and writes the PDF at `path`, showing `message` while it draws; nothing is written when
   * the printer fails or gives something that is not a PDF.
   */
  async function printPdfTo(
    path: string,
    task: string,
    message: string,
    printPdf: NonNullable<MainDeps['printPdf']>,
    job: PrintJob | ReportPrintJob,
  ): Promise<void> {
    deps.sendProgress({ task, fraction: 0, message })
    let bytes: Uint8Array
    try {
      bytes = await printPdf(job)
    } catch (error) {
      throw new HandlerError('internal', `The PDF could not be made: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      deps.sendProgress({ task, fraction: 1, message: '' })
    }
    if (!pdfBytesLookRight(bytes)) throw new HandlerError('internal', 'The PDF could not be made: the printer gave no PDF.')
    await safeSave(path, bytes, { keepBackup: false })
  }

  /** The report a status report export asks for, refused before any dialog with the sentence saying why. */
  function resolveReport(request: z.infer<typeof reportRequest>): { plan: Plan; report: StatusReport; previous: StatusReport | null } {
    const plan = restoreRequestPlan(request.plan)
    const resolved = statusReportResolve(plan, request, dateLocalNow())
    if (!resolved.ok) throw new HandlerError('invalid-input', resolved.message)
    return { plan, report: resolved.report, previous: resolved.previous }
  }

  async function chooseSavePath(title: string, suggestedName: string, filter: FileFilter): Promise<string> {
    const extension = filter.extensions[0] ?? ''
    const result = await deps.dialog.showSaveDialog({
      title,
      defaultPath: defaultPathFor(pathWithExtension(fileNameSanitize(suggestedName), extension)),
      filters: [filter],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    })
    if (result.canceled || result.filePath === undefined || result.filePath === '') throw canceled()
    lastFolder = dirname(result.filePath)
    return extension === '' ? result.filePath : pathWithExtension(result.filePath, extension)
  }

  async function rememberRecent(path: string): Promise<void> {
    await recentReady
    try {
      await recent.add(path)
      deps.onRecentChanged?.()
    } catch {
      // A recent list that cannot be written must not fail the open or save itself.
    }
  }

  async function openPlanAt(path: string): Promise<OpenedPlan> {
    const fileName = basename(path)
    const bytes = await readFileCapped(path, planFileMaxBytes)
    const parsed = planFileParse(decodeText(bytes, fileName, 'a Gantry plan'))
    if (!parsed.ok) {
      throw new HandlerError(
        parsed.error.code === 'newer-version' ? 'newer-version' : 'bad-file',
        `"${fileName}" cannot be opened. ${parsed.error.message}`,
      )
    }
    const ref = documents.register(path)
    await rememberRecent(path)
    return { documentToken: ref.documentToken, fileName: ref.fileName, plan: parsed.plan }
  }

  async function savePlanAt(path: string, plan: Plan): Promise<{ documentToken: string; fileName: string }> {
    const text = formatsSerializePlan(plan)
    if (!text.ok) throw new HandlerError('invalid-input', text.message)
    await safeSave(path, text.value)
    const ref = documents.register(path)
    await rememberRecent(path)
    return { documentToken: ref.documentToken, fileName: ref.fileName }
  }

  const planFilter: FileFilter = { name: 'Gantry plan', extensions: [planFileExtension] }

  // The import that is running, so `import/cancel` can stop it; one at a time.
  let activeImport: AbortController | null = null
  async function runImport(kind: 'mspdi' | 'csv', path: string, maxBytes: number): Promise<ImportedPlan> {
    if (activeImport !== null) throw new HandlerError('invalid-input', 'Another import is still running; wait for it or cancel it first.')
    const controller = new AbortController()
    activeImport = controller
    try {
      const bytes = await readFileCapped(path, maxBytes)
      return await importFile(kind, bytes, basename(path), deps.sendProgress, deps.importParser, controller.signal)
    } finally {
      activeImport = null
    }
  }

  const handlers = {
    'app/info': handler(noRequest, async (): Promise<AppInfo> => ({
      name: 'Gantry',
      version: deps.appVersion,
      platform: 'electron',
      userDataFolder: deps.userDataDir,
    })),

    'plan/open': handler(noRequest, async () =>
      openPlanAt(await chooseOpenPath('Open plan', [planFilter])),
    ),

    'plan/openRecent': handler(z.strictObject({ id: idText }), async ({ id }) => {
      await recentReady
      const path = recent.pathOf(id)
      if (path === undefined) throw new HandlerError('not-found', 'This file is no longer in the recent list.')
      try {
        return await openPlanAt(path)
      } catch (error) {
        if (error instanceof SafeSaveError && error.code === 'not-found') {
          await recent.remove(id).catch(() => undefined)
          deps.onRecentChanged?.()
        }
        throw error
      }
    }),

    'plan/recent': handler(noRequest, async () => {
      await recentReady
      return recent.list()
    }),

    'plan/save': handler(
      z.strictObject({ documentToken: z.string().regex(/^[0-9a-f]{32}$/, 'not a document token'), plan: z.unknown() }),
      async (request) => {
        const plan = restoreRequestPlan(request.plan)
        const path = documents.pathOf(request.documentToken)
        if (path === undefined) throw new HandlerError('not-found', 'This document is not open in this window. Use Save As.')
        return savePlanAt(path, plan)
      },
    ),

    'plan/saveAs': handler(planRequest, async (request) => {
      const plan = restoreRequestPlan(request.plan)
      const path = await chooseSavePath('Save plan as', plan.name, planFilter)
      return savePlanAt(path, plan)
    }),

    'recovery/write': handler(planRequest, async (request) => {
      await recovery.write(restoreRequestPlan(request.plan))
    }),

    'recovery/list': handler(noRequest, async () => recovery.list()),

    'recovery/read': handler(z.strictObject({ planId: idText }), async ({ planId }) =>
      recovery.read(planId),
    ),

    'recovery/discard': handler(
      z.strictObject({ planId: idText }),
      async ({ planId }) => {
        await recovery.discard(planId)
      },
    ),

    'export/xlsx': handler(planRequest, async (request) => {
      const plan = restoreRequestPlan(request.plan)
      const path = await chooseSavePath('Export to Excel', plan.name, { name: 'Excel workbook', extensions: ['xlsx'] })
      deps.sendProgress({ task: 'export/xlsx', fraction: 0, message: 'Building the workbook…' })
      const bytes = await exportPlanXlsx(plan)
      await safeSave(path, bytes, { keepBackup: false })
      deps.sendProgress({ task: 'export/xlsx', fraction: 1, message: 'Workbook saved.' })
      return { fileName: basename(path) }
    }),

    'export/mspdi': handler(planRequest, async (request) => {
      const plan = restoreRequestPlan(request.plan)
      const path = await chooseSavePath('Export to Microsoft Project XML', plan.name, {
        name: 'Microsoft Project XML',
        extensions: ['xml'],
      })
      await safeSave(path, exportPlanMspdi(plan), { keepBackup: false })
      return { fileName: basename(path) }
    }),

    'export/csv': handler(planRequest, async (request) => {
      const plan = restoreRequestPlan(request.plan)
      const path = await chooseSavePath('Export to CSV', plan.name, { name: 'CSV (comma-separated values)', extensions: ['csv'] })
      await safeSave(path, exportPlanCsv(plan), { keepBackup: false })
      return { fileName: basename(path) }
    }),

    'export/pdf': handler(z.strictObject({ plan: z.unknown(), setup: printSetupSchema }), async (request) => {
      const plan = restoreRequestPlan(request.plan)
      // A setup that cannot work is answered before the save dialog, with the reason.
      const check = printCheck(plan, request.setup)
      if (!check.ok) throw new HandlerError('invalid-input', check.message)
      if (deps.printPdf === undefined) throw new HandlerError('internal', 'This window cannot print to PDF.')
      const path = await chooseSavePath('Save the Gantt chart as PDF', plan.name, { name: 'PDF document', extensions: ['pdf'] })
      const drawing = `Drawing ${check.pages.toLocaleString('en-US')} ${check.pages === 1 ? 'page' : 'pages'}…`
      await printPdfTo(path, 'export/pdf', drawing, deps.printPdf, { plan, setup: request.setup, now: dateLocalNow() })
      return { fileName: basename(path) }
    }),

    'export/reportPdf': handler(reportPdfRequest, async (request) => {
      const { plan, report, previous } = resolveReport(request)
      if (deps.printPdf === undefined) throw new HandlerError('internal', 'This window cannot print to PDF.')
      const path = await chooseSavePath('Save the status report as PDF', reportFileName(plan, report), { name: 'PDF document', extensions: ['pdf'] })
      const job: ReportPrintJob = { kind: 'report', planName: plan.name, report, previous, paper: request.paper }
      await printPdfTo(path, 'export/reportPdf', 'Drawing the status report…', deps.printPdf, job)
      return { fileName: basename(path) }
    }),

    'export/reportXlsx': handler(reportRequest, async (request) => {
      const { plan, report, previous } = resolveReport(request)
      const path = await chooseSavePath('Export the status report to Excel', reportFileName(plan, report), { name: 'Excel workbook', extensions: ['xlsx'] })
      await safeSave(path, await xlsxRender(xlsxStatusReportWorkbook(plan.name, report, previous), excelJs), { keepBackup: false })
      return { fileName: basename(path) }
    }),

    'import/mspdi': handler(noRequest, async () => {
      const path = await chooseOpenPath('Import Microsoft Project XML', [{ name: 'Microsoft Project XML', extensions: ['xml'] }])
      return runImport('mspdi', path, mspdiMaxBytes)
    }),

    'import/csv': handler(noRequest, async () => {
      const path = await chooseOpenPath('Import CSV', [{ name: 'CSV (comma-separated values)', extensions: ['csv', 'txt'] }])
      return runImport('csv', path, csvMaxBytes)
    }),

    'import/cancel': handler(noRequest, async () => {
      activeImport?.abort()
    }),

    'career/backup': handler(textRequest, async (request) => {
      const path = await chooseSavePath('Save career backup', request.suggestedName, { name: 'Career backup', extensions: ['json'] })
      await safeSave(path, request.text)
      return { fileName: basename(path) }
    }),

    'career/restore': handler(noRequest, async () => {
      const path = await chooseOpenPath('Restore career backup', [{ name: 'Career backup', extensions: ['json'] }])
      const fileName = basename(path)
      const text = decodeText(await readFileCapped(path, careerTextMaxBytes), fileName, 'a career backup')
      return { text, fileName }
    }),

    'career/exportIcs': handler(textRequest, async (request) => {
      const path = await chooseSavePath('Export deadlines to a calendar', request.suggestedName, {
        name: 'iCalendar',
        extensions: ['ics'],
      })
      await safeSave(path, request.text, { keepBackup: false })
      return { fileName: basename(path) }
    }),

    'career/exportLog': handler(careerLogRequest, async (request) => {
      const isXlsx = request.format === 'xlsx'
      const path = await chooseSavePath(
        'Export the education log',
        request.suggestedName,
        isXlsx ? { name: 'Excel workbook', extensions: ['xlsx'] } : { name: 'CSV (comma-separated values)', extensions: ['csv'] },
      )
      const content = isXlsx
        ? await xlsxRender(educationLogWorkbook(request.rows, dateToWallMinutes(dateLocalNow())), excelJs)
        : educationLogCsv(request.rows)
      await safeSave(path, content, { keepBackup: false })
      return { fileName: basename(path) }
    }),

    'window/setTitle': handler(
      z.strictObject({ title: z.string().max(1000), isDirty: z.boolean() }),
      async ({ title, isDirty }) => {
        deps.setTitle(title, isDirty)
      },
    ),
  } satisfies { [C in keyof IpcContract]: IpcHandler<C> }

  return handlers
}
