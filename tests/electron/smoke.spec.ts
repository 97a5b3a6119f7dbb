import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'

/*
 * Electron smoke test (security): launches the built app (out/main/index.js) with Playwright's `_electron`,
 * reads back the window's security settings, checks the renderer has no Node, that navigation and window.open
 * are refused, that the app:// protocol refuses path traversal, and that IPC from a foreign frame is refused.
 *
 * Electron 42+ fetches its binary on first launch. Where it was never fetched (no network), `require('electron')`
 * would try to download it, so we look for the binary ourselves and skip with the reason when it is absent.
 */

const projectRoot = resolve(__dirname, '../..')
const builtMain = join(projectRoot, 'out/main/index.js')

/** The Electron executable, found the way `electron/index.js` does it but without ever downloading. */
function electronBinary(): { path: string } | { missing: string } {
  const require = createRequire(__filename)
  let packageDir: string
  try {
    packageDir = dirname(require.resolve('electron/package.json'))
  } catch {
    return { missing: 'the electron package is not installed (run npm install)' }
  }
  const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version
  const pathFile = join(packageDir, 'path.txt')
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined
  if (override !== undefined && override !== '') {
    const path = join(override, relative ?? 'electron')
    return existsSync(path) ? { path } : { missing: `ELECTRON_OVERRIDE_DIST_PATH is set but ${path} does not exist` }
  }
  if (relative === undefined) {
    return {
      missing: `Electron ${version}'s binary was never downloaded (${pathFile} is absent; it is fetched from github.com on first launch, which needs network access). Run "npx electron --version" once with network access, or set ELECTRON_OVERRIDE_DIST_PATH.`,
    }
  }
  const path = join(packageDir, 'dist', relative)
  return existsSync(path) ? { path } : { missing: `Electron ${version}'s binary ${path} is missing (an interrupted download?)` }
}

const binary = electronBinary()
const skipReason = 'missing' in binary ? `Electron binary not available on this machine: ${binary.missing}` : undefined
if (skipReason !== undefined) {
  // Printed so a CI log says plainly what was not checked.
  console.warn(`[electron smoke] SKIPPED. ${skipReason}`)
}

let xvfb: ChildProcess | undefined
let app: ElectronApplication
let page: Page

/** A display for Electron: the current one, or a private Xvfb when there is none (CI machines). */
async function ensureDisplay(): Promise<NodeJS.ProcessEnv> {
  if (process.platform !== 'linux' || (process.env.DISPLAY ?? '') !== '' || (process.env.WAYLAND_DISPLAY ?? '') !== '') return {}
  const display = `:${90 + Math.floor(Math.random() * 9)}`
  xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' })
  await new Promise((resolvePromise) => setTimeout(resolvePromise, 500))
  if (xvfb.exitCode !== null) throw new Error('Xvfb could not start; install the xvfb package or run under a display')
  return { DISPLAY: display }
}

test.describe('Electron smoke', () => {
  // Skipped only where the Electron binary cannot be fetched (no registry package ships it; these build machines
  // have no internet beyond npm): the renderer and the real main-process handlers are covered by the e2e bridge.
  test.skip(skipReason !== undefined, skipReason ?? '')

  test.beforeAll(async () => {
    if (!existsSync(builtMain)) throw new Error(`${builtMain} is missing: run "npm run build" first`)
    const displayEnv = await ensureDisplay()
    app = await electron.launch({
      executablePath: (binary as { path: string }).path,
      // Chromium refuses to run as root with its OS sandbox; the renderer's `sandbox: true` setting is still read back below.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), builtMain],
      cwd: projectRoot,
      env: { ...process.env, ...displayEnv, ELECTRON_RENDERER_URL: '', NODE_ENV: 'production' },
      timeout: 60_000,
    })
    page = await app.firstWindow()
    await page.waitForLoadState('domcontentloaded')
  })

  test.afterAll(async () => {
    await app?.close().catch(() => undefined)
    xvfb?.kill()
  })

  test('the window runs with contextIsolation, sandbox and without nodeIntegration', async () => {
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      type Preferences = Record<string, unknown>
      // An undocumented but long-standing WebContents method (Electron's own security specs use it).
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as { getLastWebPreferences?: () => Preferences | null }
      if (typeof contents?.getLastWebPreferences !== 'function') throw new Error('webContents.getLastWebPreferences is not available')
      const last = contents.getLastWebPreferences()
      return last === undefined || last === null
        ? null
        : {
            contextIsolation: last.contextIsolation,
            sandbox: last.sandbox,
            nodeIntegration: last.nodeIntegration,
            nodeIntegrationInSubFrames: last.nodeIntegrationInSubFrames,
            webSecurity: last.webSecurity,
            allowRunningInsecureContent: last.allowRunningInsecureContent,
            webviewTag: last.webviewTag,
          }
    })
    expect(preferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
    expect(page.url()).toBe('app://gantry/index.html')
  })

  test('the renderer has no Node and only the frozen gantry object', async () => {
    const probe = await page.evaluate(() => {
      const gantry = (window as unknown as { gantry?: Record<string, unknown> & { invoke: Record<string, unknown> } }).gantry
      return {
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        module: typeof (globalThis as { module?: unknown }).module,
        hasGantry: gantry !== undefined,
        kind: gantry?.kind,
        isFrozen: gantry !== undefined && Object.isFrozen(gantry),
        keys: gantry === undefined ? [] : Object.keys(gantry).sort(),
        invokeKeys: gantry === undefined ? [] : Object.keys(gantry.invoke).length,
      }
    })
    expect(probe).toMatchObject({ require: 'undefined', process: 'undefined', module: 'undefined', hasGantry: true, kind: 'electron', isFrozen: true })
    expect(probe.keys).toEqual(['confirmClose', 'invoke', 'kind', 'onCloseRequest', 'onMenuCommand', 'onProgress'])
    expect(probe.invokeKeys).toBeGreaterThan(10)
  })

  test('the app answers its own IPC', async () => {
    const info = await page.evaluate(() =>
      (window as unknown as { gantry: { invoke: Record<string, () => Promise<unknown>> } }).gantry.invoke['app/info']!(),
    )
    expect(info).toMatchObject({ ok: true, value: { name: 'Gantry', platform: 'electron' } })
  })

  test('navigation away from the app and window.open are refused', async () => {
    await page.evaluate(() => {
      window.location.href = 'https://example.com/'
    })
    await page.waitForTimeout(1000)
    expect(page.url()).toBe('app://gantry/index.html')
    const opened = await page.evaluate(() => window.open('https://example.com/') === null)
    expect(opened).toBe(true)
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
  })

  test('permissions are denied', async () => {
    const permission = await page.evaluate(() => Notification.requestPermission())
    expect(permission).toBe('denied')
  })

  test('the app:// protocol serves the CSP header and refuses path traversal', async () => {
    const result = await page.evaluate(async () => {
      const index = await fetch('app://gantry/index.html')
      const traversal = await fetch('app://gantry/%2e%2e/%2e%2e/package.json')
      return { csp: index.headers.get('content-security-policy'), traversal: traversal.status }
    })
    expect(result.csp).toContain("script-src 'self'")
    expect(result.traversal).toBe(404)
  })

  test('IPC from a foreign frame is refused', async () => {
    // A second window with the same preload but foreign content: main must refuse its requests.
    const answer = await app.evaluate(async ({ BrowserWindow }, preload) => {
      const foreign = new BrowserWindow({ show: false, webPreferences: { preload, sandbox: true, contextIsolation: true } })
      await foreign.loadURL('data:text/html,<p>not gantry</p>')
      const result: unknown = await foreign.webContents.executeJavaScript("window.gantry.invoke['app/info']()")
      foreign.destroy()
      return result
    }, join(projectRoot, 'out/preload/index.cjs'))
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })
})
