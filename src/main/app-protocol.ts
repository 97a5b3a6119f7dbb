import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

/**
 * The `app://gantry/` protocol that serves the built renderer (instead of file://, which would give the page
 * access to every local file). Requests are mapped into the renderer folder with path-traversal checks.
 */
export const appScheme = 'app'
export const appHost = 'gantry'
export const appOrigin = `${appScheme}://${appHost}`
export const appIndexUrl = `${appOrigin}/index.html`

/** The same policy as the renderer's CSP meta tag, sent as a response header too. */
export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

/** Whether a frame URL belongs to the app: `app://gantry/...`, or the dev server's origin when one is given. */
export function appUrlIsOwn(url: string, devServerUrl?: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === `${appScheme}:` && parsed.host === appHost) return true
  if (devServerUrl !== undefined && devServerUrl !== '') {
    try {
      return parsed.origin === new URL(devServerUrl).origin
    } catch {
      return false
    }
  }
  return false
}

/** Whether a link may be handed to the operating system: only well-formed https URLs with a host. */
export function externalUrlIsSafe(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === ''
  } catch {
    return false
  }
}

/**
 * The file an `app://gantry/<path>` URL stands for inside `rootDir`, or null when the URL is another origin
 * or tries to leave the folder (`..`, encoded separators, absolute paths, NUL bytes).
 */
export function appProtocolResolve(rootDir: string, url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.host !== appHost) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null
  if (pathname === '/' || pathname === '') pathname = '/index.html'
  const root = resolve(rootDir)
  const target = resolve(root, `.${pathname}`)
  const inside = relative(root, target)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) return null
  return target
}

/** Answers one `app://` request: the file with its content type and the CSP header, or 404. */
export async function appProtocolRespond(rootDir: string, url: string): Promise<Response> {
  const path = appProtocolResolve(rootDir, url)
  if (path === null) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } })
  try {
    const body = await readFile(path)
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream',
        'Content-Security-Policy': contentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
      },
    })
  } catch {
    return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } })
  }
}
