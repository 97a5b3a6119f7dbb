import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ipcChannels, ipcEventChannels } from '../../src/shared/ipc/contract'

/*
 * src/main/index.ts with a fake `electron` module: the wiring the Electron smoke test checks for real, checked
 * here on every machine (the Electron binary is not downloadable everywhere). The fake records what main asks of
 * Electron: window options, IPC registrations, permission handlers, navigation guards.
 */

type Listener = (...args: unknown[]) => unknown
class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>()
  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener])
    return this
  }
  once(name: string, listener: Listener): this {
    return this.on(name, listener)
  }
  emit(name: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(name) ?? []).map((listener) => listener(...args))
  }
}

const userData = mkdtempSync(join(tmpdir(), 'gantry-index-'))
const fake = vi.hoisted(() => ({
  windows: [] as Array<{ options: Record<string, unknown>; contents: unknown; loaded: string[]; titles: string[]; window: unknown }>,
  handled: new Map<string, (event: unknown, request: unknown) => Promise<unknown>>(),
  ipcOn: new Map<string, (event: unknown) => void>(),
  appEvents: new Map<string, Array<(...args: unknown[]) => unknown>>(),
  permissionRequest: undefined as undefined | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
  permissionCheck: undefined as undefined | ((...args: unknown[]) => boolean),
  headers: undefined as undefined | ((details: unknown, callback: (response: unknown) => void) => void),
  protocolHandler: undefined as undefined | ((request: { url: string }) => Promise<Response>),
  privileged: [] as unknown[],
  externalOpened: [] as string[],
  menu: undefined as unknown,
  userDataDir: '',
  ready: undefined as undefined | (() => void),
  quitCalls: 0,
}))

vi.mock('electron', () => {
  class FakeContents extends FakeEmitter {
    openHandler: ((details: { url: string }) => { action: string }) | undefined
    sent: Array<{ channel: string; value: unknown }> = []
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
      this.openHandler = handler
    }
    isLoading(): boolean {
      return false
    }
    isCrashed(): boolean {
      return false
    }
    send(channel: string, value: unknown): void {
      this.sent.push({ channel, value })
    }
  }
  class BrowserWindow extends FakeEmitter {
    readonly webContents = new FakeContents()
    private readonly record: { options: Record<string, unknown>; contents: unknown; loaded: string[]; titles: string[]; window: unknown }
    constructor(options: Record<string, unknown>) {
      super()
      this.record = { options, contents: this.webContents, loaded: [], titles: [], window: this }
      fake.windows.push(this.record)
      for (const listener of fake.appEvents.get('web-contents-created') ?? []) listener({}, this.webContents)
    }
    async loadURL(url: string): Promise<void> {
      this.record.loaded.push(url)
    }
    setTitle(title: string): void {
      this.record.titles.push(title)
    }
    setDocumentEdited(): void {}
    maximize(): void {}
    show(): void {}
    focus(): void {}
    restore(): void {}
    isDestroyed(): boolean {
      return false
    }
    isMaximized(): boolean {
      return false
    }
    isMinimized(): boolean {
      return false
    }
    isFullScreen(): boolean {
      return false
    }
    getBounds() {
      return { x: 10, y: 10, width: 1200, height: 800 }
    }
    close(): void {
      let isPrevented = false
      this.emit('close', { preventDefault: () => (isPrevented = true) })
      if (!isPrevented) this.emit('closed')
    }
  }
  const app = {
    isPackaged: true,
    requestSingleInstanceLock: () => true,
    on: (name: string, listener: (...args: unknown[]) => unknown) => {
      fake.appEvents.set(name, [...(fake.appEvents.get(name) ?? []), listener])
      return app
    },
    whenReady: () => new Promise<void>((resolve) => (fake.ready = resolve)),
    getPath: () => fake.userDataDir,
    getVersion: () => '0.1.0',
    quit: () => void fake.quitCalls++,
  }
  return {
    app,
    BrowserWindow,
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => (fake.menu = menu) },
    dialog: {},
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, request: unknown) => Promise<unknown>) => fake.handled.set(channel, handler),
      on: (channel: string, listener: (event: unknown) => void) => fake.ipcOn.set(channel, listener),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privileged.push(...schemes),
      handle: (_scheme: string, handler: (request: { url: string }) => Promise<Response>) => (fake.protocolHandler = handler),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof fake.permissionRequest) => (fake.permissionRequest = handler),
        setPermissionCheckHandler: (handler: typeof fake.permissionCheck) => (fake.permissionCheck = handler),
        webRequest: { onHeadersReceived: (handler: typeof fake.headers) => (fake.headers = handler) },
      },
    },
    shell: { openExternal: async (url: string) => void fake.externalOpened.push(url) },
  }
})
vi.mock('../../src/main/import-worker?modulePath', () => ({ default: '/nonexistent/import-worker.js' }))

beforeAll(async () => {
  fake.userDataDir = userData
  await import('../../src/main/index')
  fake.ready?.()
  // Let the whenReady chain (load recent list, clean orphans, create the window) run.
  for (let attempt = 0; attempt < 100 && fake.windows.length === 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 10))
})
afterAll(() => rmSync(userData, { recursive: true, force: true }))

type FakeContents = FakeEmitter & {
  openHandler?: (details: { url: string }) => { action: string }
  sent: Array<{ channel: string; value: unknown }>
}
const mainWindow = () => {
  const record = fake.windows[0]
  if (record === undefined) throw new Error('main created no window')
  return { ...record, contents: record.contents as FakeContents }
}

describe('src/main/index.ts wiring (fake electron)', () => {
  it('creates one window with the secure web preferences and the sandboxed preload bundle', () => {
    expect(fake.windows).toHaveLength(1)
    const preferences = mainWindow().options.webPreferences as Record<string, unknown>
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
    expect(String(preferences.preload)).toMatch(/preload[\\/]index\.cjs$/)
  })

  it('loads the renderer from app://gantry, a privileged standard scheme', () => {
    expect(mainWindow().loaded).toEqual(['app://gantry/index.html'])
    expect(fake.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })])
    expect(fake.protocolHandler).toBeDefined()
  })

  it('registers one handler per IPC channel, and each checks the sender frame', async () => {
    expect([...fake.handled.keys()].sort()).toEqual([...ipcChannels].sort())
    const infoHandler = fake.handled.get('app/info')!
    expect(await infoHandler({ senderFrame: { url: 'app://gantry/index.html' } }, undefined)).toMatchObject({ ok: true })
    expect(await infoHandler({ senderFrame: { url: 'https://evil.example/' } }, undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await infoHandler({ senderFrame: null }, undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('denies every permission request and check', () => {
    const answers: boolean[] = []
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      fake.permissionRequest?.({}, permission, (granted) => answers.push(granted))
    }
    expect(answers).toEqual([false, false, false, false, false])
    expect(fake.permissionCheck?.({}, 'media', 'app://gantry', {})).toBe(false)
  })

  it('sets the CSP on every response', () => {
    let response: { responseHeaders: Record<string, string[]> } | undefined
    fake.headers?.({ responseHeaders: { 'X-Other': ['1'] } }, (value) => (response = value as typeof response))
    expect(response?.responseHeaders['Content-Security-Policy']?.[0]).toContain("script-src 'self'")
    expect(response?.responseHeaders['X-Other']).toEqual(['1'])
  })

  it('prevents navigation and redirects away from the app', () => {
    const contents = mainWindow().contents
    for (const [eventName, url, isBlocked] of [
      ['will-navigate', 'https://example.com/', true],
      ['will-navigate', 'file:///etc/passwd', true],
      ['will-redirect', 'https://evil.example/', true],
      ['will-navigate', 'app://gantry/index.html', false],
    ] as const) {
      let isPrevented = false
      contents.emit(eventName, { preventDefault: () => (isPrevented = true) }, url)
      expect(isPrevented, `${eventName} ${url}`).toBe(isBlocked)
    }
    expect(fake.externalOpened).toEqual(['https://example.com/'])
    fake.externalOpened.length = 0
    let isWebviewPrevented = false
    contents.emit('will-attach-webview', { preventDefault: () => (isWebviewPrevented = true) })
    expect(isWebviewPrevented).toBe(true)
  })

  it('denies window.open, handing only https links to the browser', () => {
    const contents = mainWindow().contents
    for (const url of ['https://www.pmi.org/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'http://example.com']) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' })
    }
    expect(fake.externalOpened).toEqual(['https://www.pmi.org/'])
  })

  it('opens the file a second instance was given: it joins the recent list and the renderer opens it by id', async () => {
    expect(fake.appEvents.has('open-file')).toBe(true)
    const { makePlan } = await import('../../src/shared/domain/defaults')
    const { planFileSerialize } = await import('../../src/shared/formats/plan-file')
    const { writeFileSync } = await import('node:fs')
    writeFileSync(join(userData, 'launched.gantry'), planFileSerialize(makePlan('p2', 'Launched', '2026-01-05T08:00:00', '2026-01-01T00:00:00')))
    const contents = mainWindow().contents
    for (const listener of fake.appEvents.get('second-instance') ?? []) listener({}, ['/usr/bin/gantry', '--flag', 'launched.gantry'], userData)
    await vi.waitFor(() => expect(String(contents.sent.at(-1)?.value)).toMatch(/^file\/open-recent:[0-9a-f]{32}$/))
    const id = String(contents.sent.at(-1)?.value).split(':')[1]
    const opened = await fake.handled.get('plan/openRecent')!({ senderFrame: { url: 'app://gantry/index.html' } }, { id })
    expect(opened).toMatchObject({ ok: true, value: { fileName: 'launched.gantry', plan: { name: 'Launched' } } })
  })
  it('puts the dirty marker in the title and asks the renderer before closing unsaved work', async () => {
    const setTitle = fake.handled.get('window/setTitle')!
    const appFrame = { senderFrame: { url: 'app://gantry/index.html' } }
    await setTitle(appFrame, { title: 'Data centre move', isDirty: true })
    expect(mainWindow().titles.at(-1)).toBe('• Data centre move — Gantry')

    const window = mainWindow().window as FakeEmitter & { close(): void }
    const contents = mainWindow().contents
    window.close()
    expect(contents.sent.at(-1)).toEqual({ channel: ipcEventChannels.closeRequest, value: undefined })

    // A confirmation from a foreign frame is ignored; the app's own closes the window.
    const listener = fake.ipcOn.get(ipcEventChannels.confirmClose)!
    const closedBefore = contents.sent.length
    listener({ sender: contents, senderFrame: { url: 'https://evil.example/' } })
    expect(contents.sent.length).toBe(closedBefore)
    let isClosed = false
    window.on('closed', () => (isClosed = true))
    listener({ sender: contents, senderFrame: { url: 'app://gantry/index.html' } })
    expect(isClosed).toBe(true)
  })

  it('removes recovery copies on a clean quit', async () => {
    const { makePlan } = await import('../../src/shared/domain/defaults')
    const write = fake.handled.get('recovery/write')!
    const list = fake.handled.get('recovery/list')!
    const appFrame = { senderFrame: { url: 'app://gantry/index.html' } }
    await write(appFrame, { plan: makePlan('p1', 'Plan', '2026-01-05T08:00:00', '2026-01-01T00:00:00') })
    expect(await list(appFrame, undefined)).toMatchObject({ ok: true, value: [{ planId: 'p1' }] })
    let isPrevented = false
    for (const listener of fake.appEvents.get('will-quit') ?? []) listener({ preventDefault: () => (isPrevented = true) })
    // Quitting waits for the cleanup and the window-state write, then quits again.
    expect(isPrevented).toBe(true)
    await vi.waitFor(() => expect(fake.quitCalls).toBe(1))
    expect(await list(appFrame, undefined)).toEqual({ ok: true, value: [] })
    expect(JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8'))).toMatchObject({ width: 1280, height: 800, isMaximized: false })
  })

  it('builds the application menu', () => {
    expect(Array.isArray(fake.menu)).toBe(true)
    expect((fake.menu as Array<{ label?: string }>).map((item) => item.label?.replace('&', ''))).toContain('File')
  })


})
