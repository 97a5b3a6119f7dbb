import type {
  AppInfo,
  GantryPlatform,
  IpcError,
  IpcResult,
  MenuCommand,
  OpenedPlan,
} from '../../../shared/ipc/contract'
import type { Plan } from '../../../shared/domain/model'
import { planFileExtension, planFileMaxBytes, planFileParse, planFileSerialize } from '../../../shared/formats/plan-file'
import { webDownload, webPickFile, webSafeFileName } from './web-files'

/**
 * Browser mode: the same `GantryPlatform` as the Electron preload, built on a file picker and downloads.
 * Plans live in IndexedDB either way; files are only for exchange, so "Save" downloads the plan again under
 * the name it was opened or last saved with.
 */

const ok = <T,>(value: T): IpcResult<T> => ({ ok: true, value })
const fail = <T,>(code: IpcError['code'], message: string): IpcResult<T> => ({ ok: false, error: { code, message } })
const canceled = <T,>(): IpcResult<T> => fail('canceled', 'Canceled.')

const appVersion = '0.1.0'
const maxTextFileBytes = 50 * 1024 * 1024

async function readPicked(accept: string, maxBytes: number): Promise<IpcResult<{ text: string; fileName: string }>> {
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

  const savePlan = (plan: Plan, fileName: string) => {
    webDownload(fileName, planFileSerialize(plan), 'application/json')
    return { documentToken: issueToken(fileName), fileName }
  }

  const notInBrowser = <T,>(what: string): IpcResult<T> =>
    fail('internal', `${what} is not available in browser mode yet. Use the desktop app for it.`)

  const invoke: GantryPlatform['invoke'] = {
    'app/info': async () => ok<AppInfo>({ name: 'Gantry', version: appVersion, platform: 'web', userDataFolder: null }),
    'plan/open': async () => {
      const picked = await readPicked(`.${planFileExtension},application/json`, planFileMaxBytes)
      if (!picked.ok) return picked
      const parsed = planFileParse(picked.value.text)
      if (!parsed.ok) {
        return fail(parsed.error.code === 'newer-version' ? 'newer-version' : 'bad-file', parsed.error.message)
      }
      const fileName = picked.value.fileName
      return ok<OpenedPlan>({ documentToken: issueToken(fileName), fileName, plan: parsed.plan })
    },
    'plan/openRecent': async () => fail('not-found', 'Browser mode keeps no list of recent files.'),
    'plan/recent': async () => ok([]),
    'plan/save': async ({ documentToken, plan }) => {
      const fileName = tokens.get(documentToken) ?? webSafeFileName(plan.name, planFileExtension)
      return ok(savePlan(plan, fileName))
    },
    'plan/saveAs': async ({ plan }) => ok(savePlan(plan, webSafeFileName(plan.name, planFileExtension))),
    // Every edit is already stored in IndexedDB, which is what a recovery copy protects in the desktop app.
    'recovery/write': async () => ok(undefined),
    'recovery/list': async () => ok([]),
    'recovery/read': async () => fail('not-found', 'Browser mode keeps no recovery copies; your plans are in browser storage.'),
    'recovery/discard': async () => ok(undefined),
    'export/xlsx': async () => notInBrowser('Excel export'),
    'export/mspdi': async () => notInBrowser('Microsoft Project XML export'),
    'export/csv': async () => notInBrowser('CSV export'),
    'import/mspdi': async () => notInBrowser('Microsoft Project XML import'),
    'import/csv': async () => notInBrowser('CSV import'),
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
    onProgress() {
      return () => undefined
    },
    onCloseRequest() {
      return () => undefined
    },
    confirmClose() {},
  })
}
