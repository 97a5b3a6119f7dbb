// A tiny static file server for the end-to-end tests: the Electron renderer build (out/renderer) at /app/ and the
// browser-mode build (dist-web) at /web/, on 127.0.0.1 only. Started by Playwright's `webServer`.
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)))
const mounts = { '/app/': join(root, 'out', 'renderer'), '/web/': join(root, 'dist-web') }
const port = Number(process.env.GANTRY_E2E_PORT ?? 5199)
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
}

async function fileFor(pathname) {
  for (const [prefix, folder] of Object.entries(mounts)) {
    if (!pathname.startsWith(prefix)) continue
    const relative = normalize(decodeURIComponent(pathname.slice(prefix.length)) || 'index.html')
    const path = resolve(folder, relative)
    // Refuse anything that escapes the mounted folder.
    if (path !== folder && !path.startsWith(folder + sep)) return null
    try {
      const info = await stat(path)
      if (info.isDirectory()) return fileFor(`${prefix}${relative}/index.html`.replace(/\/+/g, '/'))
      return { path, size: info.size }
    } catch {
      return null
    }
  }
  return null
}

const server = createServer(async (request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1')
  if (pathname === '/health') {
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
    return
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405).end()
    return
  }
  let file
  try {
    file = await fileFor(pathname)
  } catch {
    file = null
  }
  if (file === null) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
    return
  }
  response.writeHead(200, {
    'content-type': types[extname(file.path)] ?? 'application/octet-stream',
    'content-length': file.size,
    'cache-control': 'no-store',
  })
  if (request.method === 'HEAD') response.end()
  else createReadStream(file.path).pipe(response)
})

server.listen(port, '127.0.0.1', () => {
  console.log(`Gantry test server on http://127.0.0.1:${port}/ (app: /app/, browser mode: /web/)`)
})
