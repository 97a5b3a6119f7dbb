import { defineConfig } from '@playwright/test'

/**
 * End-to-end tests in Chromium against the built renderer, served on 127.0.0.1:
 * - `e2e`: the Electron renderer build (out/renderer) with `window.gantry` supplied by the bridge harness
 *   (tests/e2e/support/bridge.ts), which calls the real main-process handlers in this Node process;
 * - `web`: the browser-mode build (dist-web) with its own platform (file picker, downloads);
 * - `electron`: Playwright's `_electron` smoke tests (tests/electron), skipped where no Electron binary runs.
 * Build first: `npm run build && npm run build:web` (npm test does).
 */
const port = Number(process.env.GANTRY_E2E_PORT ?? 5199)
const origin = `http://127.0.0.1:${port}`
const isCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false'

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: isCi,
  retries: 0,
  workers: 2,
  reporter: isCi ? [['list'], ['html', { open: 'never' }]] : [['list']],
  // Separate output folders let several runs share a checkout: GANTRY_E2E_OUTPUT=test-results/mine.
  outputDir: process.env.GANTRY_E2E_OUTPUT ?? 'test-results',
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'e2e',
      testDir: 'tests/e2e',
      testIgnore: ['**/web*.spec.ts'],
      use: { baseURL: `${origin}/app/` },
    },
    {
      name: 'web',
      testDir: 'tests/e2e',
      testMatch: ['**/web*.spec.ts'],
      use: { baseURL: `${origin}/web/`, acceptDownloads: true },
    },
    {
      name: 'electron',
      testDir: 'tests/electron',
    },
  ],
  webServer: {
    command: 'node tests/e2e/support/static-server.mjs',
    url: `${origin}/health`,
    reuseExistingServer: !isCi,
    env: { GANTRY_E2E_PORT: String(port) },
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
