import { mkdtemp, mkdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, type Page } from '@playwright/test'
import {
  createIpcHandlers,
  type IpcHandlers,
  type MainDialog,
  type MessageBoxOptions,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from '../../../src/main/ipc'
import type { PrintJobDone } from '../../../src/shared/print/page-setup'
import {
  ipcChannels,
  type IpcChannel,
  type MenuCommand,
  type ProgressEvent,
} from '../../../src/shared/ipc/contract'

/**
 * The bridge harness: the built renderer runs in Chromium with a `window.gantry` of the same shape as the Electron
 * preload's, and every call goes through `page.exposeBinding` to the REAL main-process handlers
 * (`createIpcHandlers` from src/main/ipc.ts) running in this Node process, so renderer -> platform API -> main
 * handler -> disk is exercised without an Electron binary. Dialogs are scripted: a test queues the paths the next
 * open and save dialogs return.
 *
 * Use it as a fixture: `import { test, expect } from './support/bridge'` and take `{ page, bridge }`.
 */

/** Answers for the next dialogs: a path, or `null` to cancel. */
export type ScriptedDialog = MainDialog & {
  queueOpen(path: string | null): void
  queueSave(path: string | null): void
  queueMessageBox(response: number): void
  /** Options of every dialog shown, in order. */
  readonly shown: Array<{
    kind: 'open' | 'save' | 'message'
    options: OpenDialogOptions | SaveDialogOptions | MessageBoxOptions
  }>
}

export type Bridge = {
  /** A fresh temporary folder for this test's files (removed afterwards). */
  folder: string
  /** The main process's user-data folder for this test (recovery copies, recent files). */
  userDataDir: string
  dialog: ScriptedDialog
  handlers: IpcHandlers
  /** Every title main was asked to show. */
  titles: Array<{ title: string; isDirty: boolean }>
  /** Every channel the renderer called, in order. */
  calls: IpcChannel[]
  progress: ProgressEvent[]
  /** How often the renderer told main the window may close. */
  closeConfirmations(): number
  /** A path inside `folder`. */
  path(name: string): string
  /** Sends an application-menu command to the renderer, as main does. */
  menu(page: Page, command: MenuCommand): Promise<void>
  /** Asks the renderer whether the window may close, as main does when the user closes it. */
  requestClose(page: Page): Promise<void>
}

function scriptedDialog(): ScriptedDialog {
  const opens: Array<string | null> = []
  const saves: Array<string | null> = []
  const messages: number[] = []
  const shown: ScriptedDialog['shown'] = []
  return {
    shown,
    queueOpen: (path) => void opens.push(path),
    queueSave: (path) => void saves.push(path),
    queueMessageBox: (response) => void messages.push(response),
    async showOpenDialog(options) {
      shown.push({ kind: 'open', options })
      if (opens.length === 0)
        throw new Error('The test did not queue an answer for an open dialog (bridge.dialog.queueOpen).')
      const path = opens.shift() ?? null
      return path === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [path] }
    },
    async showSaveDialog(options) {
      shown.push({ kind: 'save', options })
      if (saves.length === 0)
        throw new Error('The test did not queue an answer for a save dialog (bridge.dialog.queueSave).')
      const path = saves.shift() ?? null
      return path === null ? { canceled: true } : { canceled: false, filePath: path }
    },
    async showMessageBox(options) {
      shown.push({ kind: 'message', options })
      return { response: messages.shift() ?? options.cancelId ?? 0 }
    },
  }
}

/** Runs in the page before any app script: builds `window.gantry` like the preload's bridge. */
function installPlatform(channels: readonly string[]): void {
  type Listener = (value: unknown) => void
  const listeners = { menu: new Set<Listener>(), progress: new Set<Listener>(), close: new Set<Listener>() }
  const subscribe = (set: Set<Listener>, listener: Listener) => {
    set.add(listener)
    return () => void set.delete(listener)
  }
  const call = (
    globalThis as unknown as { __gantryInvoke(channel: string, request: unknown): Promise<unknown> }
  ).__gantryInvoke
  const confirm = (globalThis as unknown as { __gantryConfirmClose(): Promise<void> }).__gantryConfirmClose
  const invoke: Record<string, (request?: unknown) => Promise<unknown>> = {}
  for (const channel of channels) invoke[channel] = (request?: unknown) => call(channel, request)
  const platform = Object.freeze({
    kind: 'electron',
    invoke: Object.freeze(invoke),
    onMenuCommand: (listener: Listener) => subscribe(listeners.menu, listener),
    onProgress: (listener: Listener) => subscribe(listeners.progress, listener),
    onCloseRequest: (listener: Listener) => subscribe(listeners.close, listener),
    confirmClose: () => void confirm(),
  })
  Object.defineProperty(globalThis, 'gantry', { value: platform, enumerable: true })
  // The test side of the events main sends.
  Object.defineProperty(globalThis, '__gantryHarness', {
    value: Object.freeze({
      menu: (command: string) => listeners.menu.forEach((listener) => listener(command)),
      progress: (event: unknown) => listeners.progress.forEach((listener) => listener(event)),
      close: () => listeners.close.forEach((listener) => listener(undefined)),
    }),
  })
}

type HarnessWindow = {
  __gantryHarness: { menu(command: string): void; close(): void; progress(event: unknown): void }
}

export const test = base.extend<{ bridge: Bridge }>({
  bridge: async ({ page, baseURL }, use) => {
    const folder = await mkdtemp(join(tmpdir(), 'gantry-e2e-'))
    const userDataDir = join(folder, '.user-data')
    await mkdir(userDataDir)
    const origin = new URL(baseURL ?? 'http://127.0.0.1/').origin
    const dialog = scriptedDialog()
    const titles: Bridge['titles'] = []
    const progress: ProgressEvent[] = []
    const calls: IpcChannel[] = []
    let confirmations = 0
    const handlers = createIpcHandlers({
      dialog,
      userDataDir,
      appVersion: '0.0.0-e2e',
      isAppUrl: (url) => url.startsWith(`${origin}/`),
      setTitle: (title, isDirty) => void titles.push({ title, isDirty }),
      sendProgress: (event) => {
        progress.push(event)
        void page
          .evaluate((value) => (window as unknown as HarnessWindow).__gantryHarness.progress(value), event)
          .catch(() => undefined)
      },
      // Main draws the print view in a hidden Electron window and writes it with webContents.printToPDF
      // (src/main/print-pdf.ts). The Electron binary cannot run here, so the harness does the same with Playwright:
      // it opens the same print view (print.html of the built renderer) in a new page, hands it the same job with
      // window.gantryPrint, and prints it with Chromium's page.pdf() at the paper size the view answers. The PDF the
      // tests read is therefore the real print layout; only the call that writes it differs.
      printPdf: async (job) => {
        const printPage = await page.context().newPage()
        try {
          await printPage.goto(new URL('print.html', baseURL ?? origin).toString())
          const answer = await printPage.evaluate(
            (value) =>
              (window as unknown as { gantryPrint(job: unknown): Promise<PrintJobDone> })
                .gantryPrint(value)
                .then(
                  (done) => ({ ok: true as const, done }),
                  (error: unknown) => ({ ok: false as const, message: error instanceof Error ? error.message : String(error) }),
                ),
            job,
          )
          if (!answer.ok) throw new Error(answer.message)
          const pdf = await printPage.pdf({
            width: `${answer.done.widthMm}mm`,
            height: `${answer.done.heightMm}mm`,
            printBackground: true,
            preferCSSPageSize: true,
            margin: { top: '0', bottom: '0', left: '0', right: '0' },
          })
          return new Uint8Array(pdf)
        } finally {
          await printPage.close()
        }
      },
    })
    const channels = new Set<string>(ipcChannels)
    await page.exposeBinding('__gantryInvoke', async (source, channel: unknown, request: unknown) => {
      if (typeof channel !== 'string' || !channels.has(channel)) {
        return { ok: false, error: { code: 'forbidden', message: `Unknown channel ${String(channel)}.` } }
      }
      calls.push(channel as IpcChannel)
      const handler = handlers[channel as IpcChannel] as (
        event: { senderFrame: { url: string } },
        request: unknown,
      ) => Promise<unknown>
      return handler({ senderFrame: { url: source.frame.url() } }, request)
    })
    await page.exposeBinding('__gantryConfirmClose', () => {
      confirmations += 1
    })
    await page.addInitScript(installPlatform, [...ipcChannels])

    await use({
      folder,
      userDataDir,
      dialog,
      handlers,
      titles,
      calls,
      progress,
      closeConfirmations: () => confirmations,
      path: (name) => join(folder, name),
      menu: (target, command) =>
        target.evaluate((value) => (window as unknown as HarnessWindow).__gantryHarness.menu(value), command),
      requestClose: (target) =>
        target.evaluate(() => (window as unknown as HarnessWindow).__gantryHarness.close()),
    })
    await rm(folder, { recursive: true, force: true })
  },
})

export { expect } from '@playwright/test'
