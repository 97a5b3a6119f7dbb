import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, screen, session, shell, type MenuItemConstructorOptions, type WebContents } from 'electron'
import { join, resolve } from 'node:path'
import { ipcChannels, ipcEventChannels, type MenuCommand, type ProgressEvent } from '../shared/ipc/contract'
import { planFileExtension } from '../shared/formats/plan-file'
import { appIndexUrl, appOrigin, appProtocolRespond, appScheme, appUrlIsOwn, contentSecurityPolicy, externalUrlIsSafe } from './app-protocol'
import { DocumentRegistry } from './files/documents'
import { RecentFiles } from './files/recent-files'
import { RecoveryStore } from './files/recovery'
import { cleanupOrphans } from './files/safe-save'
import { createIpcHandlers, type MainDialog } from './ipc'
import { importWorkerParser } from './import-worker-client'
import { menuTemplate } from './menu'
import { pdfPrinterCreate } from './print-pdf'
import { windowStateFit, windowStateLoad, windowStateSave, type WindowState } from './window-state'
import importWorkerPath from './import-worker?modulePath'

// Only the built renderer (app://) or, in development, electron-vite's dev server may talk to main.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const isDev = devServerUrl !== undefined && devServerUrl !== ''
const rendererRoot = resolve(__dirname, '../renderer')

protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
])

let mainWindow: BrowserWindow | null = null
let isDirty = false
let isCloseConfirmed = false
let windowStateAtClose: WindowState | undefined
/** Files named on the command line (or by macOS open-file) before the window could take them. */
const pendingFiles: string[] = []

const isAppUrl = (url: string): boolean => appUrlIsOwn(url, devServerUrl)

function send(channel: string, value?: unknown): void {
  if (mainWindow !== null && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, value)
}

const windowDialog: MainDialog = {
  showOpenDialog: (options) => (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options)),
  showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
  showMessageBox: (options) => (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options)),
}

const documents = new DocumentRegistry()
let recentFiles: RecentFiles
let recovery: RecoveryStore

function rebuildMenu(): void {
  const template = menuTemplate({
    platform: process.platform,
    isDev,
    appName: 'Gantry',
    recentFiles: recentFiles.list(),
    send: (command: MenuCommand) => send(ipcEventChannels.menuCommand, command),
  })
  // Checked assignment: the pure template must fit Electron's own type.
  const electronTemplate: MenuItemConstructorOptions[] = template
  Menu.setApplicationMenu(Menu.buildFromTemplate(electronTemplate))
}

/** A `.gantry` path among command-line arguments (a double-clicked file, or a second instance's argument). */
function planFileArgument(argv: string[], workingDirectory: string): string | undefined {
  const argument = argv.slice(1).find((value) => !value.startsWith('-') && value.toLowerCase().endsWith(`.${planFileExtension}`))
  return argument === undefined ? undefined : resolve(workingDirectory, argument)
}

/** Opens a file given by the operating system: it goes on the recent list and the renderer opens it by id. */
async function openFromOperatingSystem(path: string): Promise<void> {
  if (mainWindow === null || mainWindow.webContents.isLoading()) {
    pendingFiles.push(path)
    return
  }
  const id = await recentFiles.add(path)
  rebuildMenu()
  send(ipcEventChannels.menuCommand, `file/open-recent:${id}` satisfies MenuCommand)
}

/** The hardening every window gets (the app window and the hidden print window): isolated, sandboxed, no Node. */
const hardenedWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
} as const

function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return
    event.preventDefault()
    // A plain link to the web opens in the user's browser; anything else (file:, smb:, javascript:) is dropped.
    if (externalUrlIsSafe(url)) void shell.openExternal(url)
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    // Links to the web open in the user's browser; nothing ever opens inside Gantry.
    if (externalUrlIsSafe(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
}

async function createWindow(): Promise<void> {
  const remembered = windowStateFit(
    await windowStateLoad(app.getPath('userData')),
    screen.getAllDisplays().map((display) => display.workArea),
  )
  const window = new BrowserWindow({
    ...(remembered.x === undefined || remembered.y === undefined ? {} : { x: remembered.x, y: remembered.y }),
    width: remembered.width,
    height: remembered.height,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Gantry',
    webPreferences: { ...hardenedWebPreferences, preload: join(__dirname, '../preload/index.cjs') },
  })
  mainWindow = window
  if (remembered.isMaximized) window.maximize()
  window.once('ready-to-show', () => window.show())

  let lastNormalBounds: WindowState = remembered
  const rememberBounds = (): void => {
    if (!window.isMaximized() && !window.isMinimized() && !window.isFullScreen()) {
      const bounds = window.getBounds()
      lastNormalBounds = { ...bounds, isMaximized: false }
    }
  }
  window.on('resize', rememberBounds)
  window.on('move', rememberBounds)

  window.on('close', (event) => {
    windowStateAtClose = { ...lastNormalBounds, isMaximized: window.isMaximized() }
    if (!isDirty || isCloseConfirmed) return
    event.preventDefault()
    if (window.webContents.isCrashed()) {
      // No renderer to ask: the recovery copy stays, and the user decides here.
      void dialog
        .showMessageBox(window, {
          type: 'warning',
          message: 'Gantry stopped responding with unsaved changes.',
          detail: 'A recovery copy is kept and offered the next time Gantry starts.',
          buttons: ['Close', 'Cancel'],
          defaultId: 1,
          cancelId: 1,
        })
        .then(({ response }) => {
          if (response === 0) {
            isCloseConfirmed = true
            window.destroy()
          }
        })
      return
    }
    // The renderer shows Save / Don't save / Cancel, then calls confirmClose().
    send(ipcEventChannels.closeRequest)
  })
  window.on('closed', () => {
    mainWindow = null
  })

  window.webContents.on('did-finish-load', () => {
    for (const path of pendingFiles.splice(0)) void openFromOperatingSystem(path)
  })

  if (isDev && devServerUrl !== undefined) await window.loadURL(devServerUrl)
  else await window.loadURL(appIndexUrl)
}

/** The print view's window: hidden, sandboxed like the main window, without a preload (it needs no platform API). */
function createPrintWindow(): BrowserWindow {
  return new BrowserWindow({
    show: false,
    width: 1200,
    height: 900,
    webPreferences: {
      ...hardenedWebPreferences,
      // Keep drawing and printing at full speed although the window is never shown.
      backgroundThrottling: false,
    },
  })
}

function registerIpc(): void {
  const handlers = createIpcHandlers({
    dialog: windowDialog,
    userDataDir: app.getPath('userData'),
    appVersion: app.getVersion(),
    isAppUrl,
    setTitle: (title, isDocumentDirty) => {
      isDirty = isDocumentDirty
      if (mainWindow === null) return
      mainWindow.setTitle(`${isDocumentDirty ? '• ' : ''}${title === '' ? 'Gantry' : `${title} — Gantry`}`)
      if (process.platform === 'darwin') mainWindow.setDocumentEdited(isDocumentDirty)
    },
    sendProgress: (event: ProgressEvent) => send(ipcEventChannels.progress, event),
    onRecentChanged: rebuildMenu,
    printPdf: pdfPrinterCreate({
      createWindow: createPrintWindow,
      printUrl: isDev && devServerUrl !== undefined ? new URL('print.html', devServerUrl).toString() : `${appOrigin}/print.html`,
    }),
    importParser: importWorkerParser(importWorkerPath),
    documents,
    recentFiles,
    recovery,
  })
  for (const channel of ipcChannels) {
    ipcMain.handle(channel, (event, request: unknown) => handlers[channel](event, request))
  }
  ipcMain.on(ipcEventChannels.confirmClose, (event) => {
    if (mainWindow === null || event.sender !== mainWindow.webContents) return
    if (!isAppUrl(event.senderFrame?.url ?? '')) return
    isCloseConfirmed = true
    mainWindow.close()
  })
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (mainWindow !== null) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    }
    const path = planFileArgument(argv, workingDirectory)
    if (path !== undefined) void openFromOperatingSystem(path)
  })
  app.on('open-file', (event, path) => {
    event.preventDefault()
    void openFromOperatingSystem(path)
  })
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))
  app.on('window-all-closed', () => app.quit())
  let isQuitWorkDone = false
  app.on('will-quit', (event) => {
    if (isQuitWorkDone) return
    // Finish the last writes before the process ends: Electron does not wait for pending promises.
    event.preventDefault()
    isQuitWorkDone = true
    const work: Promise<unknown>[] = []
    if (windowStateAtClose !== undefined) work.push(windowStateSave(app.getPath('userData'), windowStateAtClose))
    // A clean quit: the user saved or chose to discard, so the recovery copies are no longer needed.
    if (isCloseConfirmed || !isDirty) work.push(recovery.clear())
    void Promise.allSettled(work).then(() => app.quit())
  })

  void app.whenReady().then(async () => {
    const userDataDir = app.getPath('userData')
    recentFiles = new RecentFiles(userDataDir)
    recovery = new RecoveryStore(userDataDir)
    await recentFiles.load()
    // Temporary files a killed save left behind.
    await Promise.all([userDataDir, recovery.folder, ...recentFiles.folders()].map((folder) => cleanupOrphans(folder)))

    // An offline planner needs no camera, notifications or anything else.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
    session.defaultSession.setPermissionCheckHandler(() => false)
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicyHeader()] } })
    })
    protocol.handle(appScheme, (request) => appProtocolRespond(rendererRoot, request.url))

    registerIpc()
    rebuildMenu()
    const argumentPath = planFileArgument(process.argv, process.cwd())
    if (argumentPath !== undefined) pendingFiles.push(argumentPath)
    await createWindow()
  })
}

function contentSecurityPolicyHeader(): string {
  // The dev server serves inline styles and a hot-reload socket; production serves only app://gantry.
  return isDev
    ? "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self' ws:; object-src 'none'; base-uri 'none'"
    : contentSecurityPolicy
}
