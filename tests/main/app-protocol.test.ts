import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, sep } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  appProtocolResolve,
  appProtocolRespond,
  appUrlIsOwn,
  contentSecurityPolicy,
  externalUrlIsSafe,
} from '../../src/main/app-protocol'

let root: string
beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'gantry-protocol-'))
  root = join(base, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Gantry</title>')
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  writeFileSync(join(base, 'secret.txt'), 'outside the renderer folder')
})
afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }))

describe('appProtocolResolve', () => {
  it('maps app://gantry paths into the renderer folder', () => {
    expect(appProtocolResolve(root, 'app://gantry/index.html')).toBe(join(root, 'index.html'))
    expect(appProtocolResolve(root, 'app://gantry/')).toBe(join(root, 'index.html'))
    expect(appProtocolResolve(root, 'app://gantry/assets/index-abc.js?v=1#x')).toBe(join(root, 'assets', 'index-abc.js'))
  })

  it.each([
    'app://gantry/../secret.txt',
    'app://gantry/%2e%2e/secret.txt',
    'app://gantry/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://gantry/..%2fsecret.txt',
    'app://gantry/assets%5c..%5c..%5csecret.txt',
    'app://gantry/%2e%2e%5csecret.txt',
  ])('never leaves the renderer folder for %s', async (url) => {
    const resolved = appProtocolResolve(root, url)
    if (resolved !== null) expect(resolved.startsWith(root + sep)).toBe(true)
    const response = await appProtocolRespond(root, url)
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('outside the renderer folder')
  })

  it.each([
    'app://gantry/..%2fsecret.txt',
    'app://gantry/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://gantry/%00index.html',
    'app://gantry/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://gantry/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(appProtocolResolve(root, url)).toBeNull()
  })
})

describe('appProtocolRespond', () => {
  it('serves files with their type and the CSP header', async () => {
    const response = await appProtocolRespond(root, 'app://gantry/index.html')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
    expect(await response.text()).toContain('<title>Gantry</title>')
    const script = await appProtocolRespond(root, 'app://gantry/assets/index-abc.js')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  })

  it('answers 404 for traversal and missing files', async () => {
    expect((await appProtocolRespond(root, 'app://gantry/%2e%2e/secret.txt')).status).toBe(404)
    expect((await appProtocolRespond(root, 'app://gantry/missing.js')).status).toBe(404)
    expect((await appProtocolRespond(root, 'app://gantry/assets')).status).toBe(404)
  })

  it('has a CSP without inline script or eval', () => {
    expect(contentSecurityPolicy).toContain("script-src 'self';")
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval/)
    expect(contentSecurityPolicy).toContain("object-src 'none'")
    expect(contentSecurityPolicy).toContain("base-uri 'none'")
  })
})

describe('appUrlIsOwn', () => {
  it('accepts the app origin and, in development, the dev server', () => {
    expect(appUrlIsOwn('app://gantry/index.html')).toBe(true)
    expect(appUrlIsOwn('app://gantry/index.html#/plans')).toBe(true)
    expect(appUrlIsOwn('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
  })

  it.each(['http://localhost:5173/', 'app://gantry.evil/', 'app://evil/', 'file:///index.html', 'https://example.com', '', 'about:blank', 'devtools://devtools'])(
    'refuses %j in production',
    (url) => {
      expect(appUrlIsOwn(url)).toBe(false)
    },
  )

  it('refuses another port of the dev host', () => {
    expect(appUrlIsOwn('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
  })
})

describe('externalUrlIsSafe', () => {
  it('allows https links', () => {
    expect(externalUrlIsSafe('https://www.pmi.org/certifications')).toBe(true)
  })

  it.each([
    'http://example.com',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    '\\\\server\\share\\evil.exe',
    'ms-msdt:/id PCWDiagnostic',
    'https://user:pass@example.com',
    'https:',
    'data:text/html,<script>alert(1)</script>',
    'not a url',
  ])('refuses %s', (url) => {
    expect(externalUrlIsSafe(url)).toBe(false)
  })
})
