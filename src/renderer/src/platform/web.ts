import type {
  AppInfo,
  GantryPlatform,
  IpcError,
  IpcResult,
  MenuCommand,
  OpenedPlan,
  ProgressEvent,
} from '../../../shared/ipc/contract'
import type { Plan } from '../../../shared/domain/model'
import { planFileExtension, planFileMaxBytes, planFileParse } from '../../../shared/formats/plan-file'
import { educationLogCsv, educationLogWorkbook } from '../../../shared/career/log'
import { dateLocalNow, dateToWallMinutes } from '../../../shared/domain/dates'
import { xlsxRender, type ExcelJsLike } from '../../../shared/formats/xlsx/render'
import { xlsxStatusReportWorkbook } from '../../../shared/formats/xlsx/status-report-sheet'
import { statusReportResolve } from '../../../shared/domain/health/report'
import { platformMarkRestored } from './restored'
import { webDownload, webPickFile, webSafeFileName } from './web-files'
import { webExportCsv, webExportMspdi, webExportXlsx, webImport, webSavePlanText, type FormatResult } from './web-formats'

/**
 * Browser mode: the same `GantryPlatform` as the Electron preload, built on a file picker and downloads.
 * Plans live in IndexedDB either way; files are only for exchange, so "Save" downloads the plan again under
 * the name it was opened or last saved with.
 */

const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value })
const fail = <T>(code: IpcError['code'], message: string): IpcResult<T> => ({
  ok: false,
  error: { code, message },
})
const canceled = <T>(): IpcResult<T> => fail('canceled', 'Canceled.')

const appVersion = '0.1.0'
const maxTextFileBytes = 50 * 1024 * 1024
/** The same cap as the desktop app's Microsoft Project import. */
const maxMspdiBytes = 100 * 1024 * 1024

function importId(): string {
  return `imported-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

function exported(
  result: FormatResult<string | Uint8Array>,
  plan: Plan,
  extension: string,
  type: string,
): IpcResult<{ fileName: string }> {
  if (!result.ok) return fail('invalid-input', result.message)
  const fileName = webSafeFileName(plan.name, extension)
  webDownload(fileName, result.value, type)
  return ok({ fileName })
}

async function readPicked(
  accept: string,
  maxBytes: number,
): Promise<IpcResult<{ text: string; fileName: string }>> {
  const file = await webPickFile(accept)
  if (file === null) return canceled()
  if (file.size > maxBytes) {
    return fail('too-large', `"${file.name}" is too large to open (${Math.round(file.size / 1048576)} MB).`)
  }
  try {
    return ok({ text: await file.text(), fileName: file.name })
  } catch {
    return fail('io', `"${file.name}" could not be read.`)
  }
}

export function createWebPlatform(): GantryPlatform {
  const tokens = new Map<string, string>()
  let tokenCounter = 0
  const issueToken = (fileName: string) => {
    tokenCounter += 1
    const token = `web-${tokenCounter}`
    tokens.set(token, fileName)
    return token
  }
  const menuListeners = new Set<(command: MenuCommand) => void>()

  const progressListeners = new Set<(event: ProgressEvent) => void>()
  const sendProgress = (event: ProgressEvent) => {
    for (const listener of progressListeners) listener(event)
  }
  // The import that is running, so `import/cancel` can stop it; one at a time.
  let activeImport: AbortController | null = null
  const runImport = async (kind: 'mspdi' | 'csv', accept: string, maxBytes: number) => {
    if (activeImport !== null) return fail<never>('invalid-input', 'Another import is still running; wait for it or cancel it first.')
    const picked = await readPicked(accept, maxBytes)
    if (!picked.ok) return picked
    const controller = new AbortController()
    activeImport = controller
    const task = `import/${kind}`
    const { text, fileName } = picked.value
    sendProgress({ task, fraction: 0, message: `Reading ${fileName}…` })
    try {
      const result = await webImport(kind, text, fileName, {
        planId: importId(),
        signal: controller.signal,
        onProgress: (fraction, message) => sendProgress({ task, fraction: Math.min(fraction, 0.99), message }),
      })
      return result.ok ? ok(result.value) : fail<never>(result.code, result.message)
    } finally {
      activeImport = null
      sendProgress({ task, fraction: 1, message: 'Done.' })
    }
  }

  // "Save" downloads the plan after the check every writer runs: a plan Gantry would refuse is never downloaded.
  const savePlan = (plan: Plan, fileName: string): IpcResult<{ documentToken: string; fileName: string }> => {
    const text = webSavePlanText(plan)
    if (!text.ok) return fail('invalid-input', text.message)
    webDownload(fileName, text.value, 'application/json')
    return ok({ documentToken: issueToken(fileName), fileName })
  }

  const invoke: GantryPlatform['invoke'] = {
    'app/info': async () =>
      ok<AppInfo>({ name: 'Gantry', version: appVersion, platform: 'web', userDataFolder: null }),
    'plan/open': async () => {
      const picked = await readPicked(`.${planFileExtension},application/json`, planFileMaxBytes)
      if (!picked.ok) return picked
      const parsed = planFileParse(picked.value.text)
      if (!parsed.ok) {
        return fail(
          parsed.error.code === 'newer-version' ? 'newer-version' : 'bad-file',
          parsed.error.message,
        )
      }
      const fileName = picked.value.fileName
      return ok<OpenedPlan>({ documentToken: issueToken(fileName), fileName, plan: platformMarkRestored(parsed.plan) })
    },
    'plan/openRecent': async () => fail('not-found', 'Browser mode keeps no list of recent files.'),
    'plan/recent': async () => ok([]),
    'plan/save': async ({ documentToken, plan }) => {
      const fileName = tokens.get(documentToken) ?? webSafeFileName(plan.name, planFileExtension)
      return savePlan(plan, fileName)
    },
    'plan/saveAs': async ({ plan }) => savePlan(plan, webSafeFileName(plan.name, planFileExtension)),
    // Every edit is already stored in IndexedDB, which is what a recovery copy protects in the desktop app.
    'recovery/write': async () => ok(undefined),
    'recovery/list': async () => ok([]),
    'recovery/read': async () =>
      fail('not-found', 'Browser mode keeps no recovery copies; your plans are in browser storage.'),
    'recovery/discard': async () => ok(undefined),
    'export/xlsx': async ({ plan }) =>
      exported(
        await webExportXlsx(plan),
        plan,
        'xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ),
    'export/mspdi': async ({ plan }) => exported(webExportMspdi(plan), plan, 'xml', 'application/xml'),
    'export/csv': async ({ plan }) => exported(webExportCsv(plan), plan, 'csv', 'text/csv'),
    // The print view offers the browser's print dialog instead, whose "Save as PDF" writes the same pages.
    'export/pdf': async () =>
      fail('forbidden', 'In the browser, print the Gantt chart and choose "Save as PDF" as the printer in the print dialog.'),
    // As for the Gantt chart: Print… in the Status report view prints the page, and the print dialog's "Save as PDF" writes it.
    'export/reportPdf': async () =>
      fail('forbidden', 'In the browser, print the status report and choose "Save as PDF" as the printer in the print dialog.'),
    'export/reportXlsx': async ({ plan, ...choice }) => {
      const resolved = statusReportResolve(plan, choice, dateLocalNow())
      if (!resolved.ok) return fail('invalid-input', resolved.message)
      const module = (await import('exceljs')) as unknown as { default?: ExcelJsLike } & ExcelJsLike
      const fileName = webSafeFileName(`${plan.name} status report ${resolved.report.statusDate.slice(0, 10)}`, 'xlsx')
      const bytes = await xlsxRender(xlsxStatusReportWorkbook(plan.name, resolved.report, resolved.previous), module.default ?? module)
      webDownload(fileName, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      return ok({ fileName })
    },
    'import/mspdi': () => runImport('mspdi', '.xml,application/xml,text/xml', maxMspdiBytes),
    'import/csv': () => runImport('csv', '.csv,.txt,text/csv', maxTextFileBytes),
    'import/cancel': async () => {
      activeImport?.abort()
      return ok(undefined)
    },
    'career/backup': async ({ text, suggestedName }) => {
      const fileName = webSafeFileName(suggestedName, 'json')
      webDownload(fileName, text, 'application/json')
      return ok({ fileName })
    },
    'career/restore': async () => readPicked('.json,application/json', maxTextFileBytes),
    'career/exportIcs': async ({ text, suggestedName }) => {
      const fileName = webSafeFileName(suggestedName, 'ics')
      webDownload(fileName, text, 'text/calendar')
      return ok({ fileName })
    },
    'career/exportLog': async ({ format, rows, suggestedName }) => {
      if (format === 'csv') {
        const fileName = webSafeFileName(suggestedName, 'csv')
        webDownload(fileName, educationLogCsv(rows), 'text/csv')
        return ok({ fileName })
      }
      // ExcelJS is a large bundle: loaded only when a workbook is made, as for plan exports.
      const module = (await import('exceljs')) as unknown as { default?: ExcelJsLike } & ExcelJsLike
      const fileName = webSafeFileName(suggestedName, 'xlsx')
      const bytes = await xlsxRender(educationLogWorkbook(rows, dateToWallMinutes(dateLocalNow())), module.default ?? module)
      webDownload(fileName, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      return ok({ fileName })
    },
    'window/setTitle': async ({ title, isDirty }) => {
      document.title = `${isDirty ? '• ' : ''}${title} — Gantry`
      return ok(undefined)
    },
  }

  // Without an application menu, the usual file shortcuts stand in for it.
  const shortcuts: Record<string, MenuCommand> = { o: 'file/open', s: 'file/save', S: 'file/save-as' }
  window.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return
    const key = event.shiftKey && event.key.toLowerCase() === 's' ? 'S' : event.key.toLowerCase()
    const command = shortcuts[key]
    if (command === undefined || menuListeners.size === 0) return
    event.preventDefault()
    for (const listener of menuListeners) listener(command)
  })

  return Object.freeze({
    kind: 'web' as const,
    invoke: Object.freeze(invoke),
    onMenuCommand(listener: (command: MenuCommand) => void) {
      menuListeners.add(listener)
      return () => menuListeners.delete(listener)
    },
    onProgress(listener: (event: ProgressEvent) => void) {
      progressListeners.add(listener)
      return () => progressListeners.delete(listener)
    },
    onCloseRequest() {
      return () => undefined
    },
    confirmClose() {},
  })
}
