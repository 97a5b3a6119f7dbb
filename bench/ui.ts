/**
 * `npm run bench:ui`: paint and scroll timings of the planning workspace in Chromium, measured like the peer
 * benchmark (../shared/peer-bench, RESULTS.md): for seeded plans of 1,000 and 10,000 tasks, the time from
 * handing the plan to the UI until grid and chart are painted and the page stopped changing (`ui.render`), and the
 * jump of rows and timeline together to 25 %, 50 % and 75 % (`ui.scroll`, per run the median of the 3 jumps).
 * `ui.render` hands the UI the plan with its schedule (the store schedules on open; the peers got precomputed
 * dates); `ui.open` is the same with the scheduling run inside the clock.
 * Every run uses a fresh browser context; 5 runs after one untimed warm-up run (the browser's first page pays for
 * its font and code caches); viewport 1600x900. Prints one JSON line per figure.
 *
 * `ui.scroll.floor` calibrates the scroll figure: the same jumps, measured the same way, on a page with the
 * workspace's geometry (rows in view, chart width) that repaints nothing (`empty`), only the grid's text in its
 * cheapest DOM form (`text`), or that text with one element per cell (`cells`); see
 * src/renderer/src/features/workspace/bench/floor-page.ts.
 *
 * Environment: CHROMIUM (default /usr/bin/chromium), RUNS (default 5), SIZES (default 1000,10000),
 * SCREENSHOT=path (save a screenshot of the last 1,000-task run).
 */
import { spawnSync } from 'node:child_process'
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { dirname, extname, join, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { generatePlan } from '../tests/support/generate-plan'
import { median } from './lib'

const here = dirname(fileURLToPath(import.meta.url))
const repo = resolve(here, '..')
const outDir = join(repo, 'out', 'bench-ui')
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

function newestMtime(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

/** Builds the bench page when it is missing or older than the renderer or shared sources. */
function buildIfNeeded(): void {
  const page = join(outDir, 'bench.html')
  const sources = Math.max(newestMtime(join(repo, 'src', 'renderer')), newestMtime(join(repo, 'src', 'shared')), statSync(join(here, 'vite.ui.config.mts')).mtimeMs)
  if (existsSync(page) && statSync(page).mtimeMs >= sources) return
  const result = spawnSync(process.execPath, [join(repo, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(here, 'vite.ui.config.mts')], {
    cwd: repo,
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  if (result.status !== 0) throw new Error('building the bench page failed')
}

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' }

function serve(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '')
    const file = join(outDir, path === '' ? 'bench.html' : path)
    if (!file.startsWith(outDir) || !existsSync(file) || statSync(file).isDirectory()) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(response)
  })
  return new Promise((done) => server.listen(0, '127.0.0.1', () => {
    const address = server.address()
    const port = typeof address === 'object' && address !== null ? address.port : 0
    done({ server, url: `http://127.0.0.1:${port}/bench.html` })
  }))
}

type Measured = { ttr: number; error: string | null; timedOut: boolean; nodes: number }
type Geometry = { rows: number; chartWidth: number }

function round(value: number): number {
  return Math.round(value * 10) / 10
}

function print(bench: string, tasks: number, values: number[], extra: Record<string, number | string> = {}): void {
  console.log(
    JSON.stringify({ bench, tasks, medianMs: round(median(values)), minMs: round(Math.min(...values)), maxMs: round(Math.max(...values)), runs: values.length, ...extra }),
  )
}

async function main(): Promise<void> {
  buildIfNeeded()
  const sizes = (process.env.SIZES ?? '1000,10000').split(',').map(Number)
  const runs = Number(process.env.RUNS ?? 5)
  const { server, url } = await serve()
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs })
  const geometries = new Map<number, Geometry>()
  try {
    for (const tasks of sizes) {
      const planText = JSON.stringify(generatePlan({ tasks, seed: 42 }))
      const renders: number[] = []
      const scrolls: number[] = []
      const nodes: number[] = []
      const opens: number[] = []
      const isFirstSize = tasks === sizes[0]
      for (let run = isFirstSize ? -1 : 0; run < runs; run++) {
        const context = await browser.newContext({ viewport: { width: 1600, height: 900 } })
        await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort())
        const page = await context.newPage()
        await page.goto(url)
        await page.waitForFunction(() => typeof (window as { benchRender?: unknown }).benchRender === 'function')
        await page.evaluate((text) => {
          ;(window as { __planText?: string }).__planText = text
        }, planText)
        const render = (await page.evaluate(() => (window as unknown as { benchRender: () => Promise<Measured> }).benchRender())) as Measured
        if (render.error !== null || render.timedOut) throw new Error(`render failed: ${render.error ?? 'timed out'}`)
        if (run >= 0) {
          renders.push(render.ttr)
          nodes.push(render.nodes)
        }
        const jumps: number[] = []
        for (const fraction of [0.25, 0.5, 0.75]) {
          const step = (await page.evaluate((value) => (window as unknown as { benchScroll: (f: number) => Promise<Measured> }).benchScroll(value), fraction)) as Measured
          if (step.error !== null || step.timedOut) throw new Error(`scroll failed: ${step.error ?? 'timed out'}`)
          jumps.push(step.ttr)
        }
        if (run >= 0) scrolls.push(median(jumps))
        geometries.set(
          tasks,
          await page.evaluate(() => ({
            rows: Math.floor((document.querySelector('.ws-rows-viewport') as HTMLElement).clientHeight / 28),
            chartWidth: (document.querySelector('.ws-chart-content') as HTMLElement).scrollWidth,
          })),
        )
        if (process.env.SCREENSHOT && run === runs - 1 && tasks === sizes[0]) await page.screenshot({ path: process.env.SCREENSHOT })
        // The same hand-over with the schedule computed inside the clock (opening an unscheduled plan).
        await page.reload()
        await page.waitForFunction(() => typeof (window as { benchOpen?: unknown }).benchOpen === 'function')
        await page.evaluate((text) => {
          ;(window as { __planText?: string }).__planText = text
        }, planText)
        const open = (await page.evaluate(() => (window as unknown as { benchOpen: () => Promise<Measured> }).benchOpen())) as Measured
        if (open.error !== null || open.timedOut) throw new Error(`open failed: ${open.error ?? 'timed out'}`)
        if (run >= 0) opens.push(open.ttr)
        await context.close()
      }
      print('ui.render', tasks, renders, { domNodes: Math.round(median(nodes)) })
      print('ui.scroll', tasks, scrolls)
      print('ui.open', tasks, opens)
    }
    // The calibration at the largest size only: the floor page does not depend on the plan's size.
    const largest = Math.max(...sizes)
    const geometry = geometries.get(largest)
    if (geometry !== undefined) {
      const tasks = largest
      for (const variant of ['empty', 'text', 'cells']) {
        const floors: number[] = []
        for (let run = 0; run < runs; run++) {
          const context = await browser.newContext({ viewport: { width: 1600, height: 900 } })
          await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort())
          const page = await context.newPage()
          await page.goto(url.replace('bench.html', `bench-floor.html?variant=${variant}&tasks=${tasks}&rows=${geometry.rows}&chartWidth=${geometry.chartWidth}`))
          await page.waitForFunction(() => typeof (window as { benchFloorScroll?: unknown }).benchFloorScroll === 'function')
          const jumps: number[] = []
          for (const fraction of [0.25, 0.5, 0.75]) {
            const step = (await page.evaluate((value) => (window as unknown as { benchFloorScroll: (f: number) => Promise<Measured> }).benchFloorScroll(value), fraction)) as Measured
            if (step.error !== null || step.timedOut) throw new Error(`floor scroll failed: ${step.error ?? 'timed out'}`)
            jumps.push(step.ttr)
          }
          floors.push(median(jumps))
          await context.close()
        }
        print('ui.scroll.floor', tasks, floors, { variant, rows: geometry.rows })
      }
    }
  } finally {
    await browser.close()
    server.close()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
  process.exitCode = 1
})
