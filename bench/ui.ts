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
 * The real application in browser mode (bench-app.html: main.tsx with the web platform, Dexie and the app store),
 * on the seeded plans with 50 resources, gives three more figures per size:
 * - `ui.open.file`: the `change` event of the Open dialog's file input (Playwright's file chooser) to the first
 *   painted frame of the workspace with every row counted: reading the file, parsing and checking it, storing it in
 *   IndexedDB (the first write), scheduling, the load of the resources and the first render. Browser mode is
 *   measured because it is the path that runs all of this in the page; the desktop app reads and parses in main and
 *   hands the renderer the parsed plan, after which the path is the same. `settledMs` is the paint after the page
 *   stopped changing for 300 ms.
 * - `ui.edit`: Enter on a typed duration in the Duration cell of a leaf task to the first painted frame whose Finish
 *   cell shows the new date; alternating values, EDITS per run (default 9), median over all edits of all runs.
 * - `ui.heap`: the JS heap in MB with the plan open, after a forced garbage collection (CDP
 *   `HeapProfiler.collectGarbage`, `Runtime.getHeapUsage`); `afterEditsMb` after the edits (undo history included).
 *
 * - `ui.export.xlsx`: the Export menu's "Excel workbook" click to the download handed to the browser (the Blob URL of
 *   the .xlsx file): scheduling, the workbook description, ExcelJS and the zip, as browser mode runs them, on the plan
 *   opened from its file. One page per size, one untimed export first (it loads the ExcelJS bundle), then RUNS
 *   exports; `longestFrameGapMs` is the median of the longest time the page went without a frame during an export
 *   (how long it could not repaint or take input). `ui.export.xlsx.node` is the same plan written by Node's writer
 *   (the desktop app's, `export.xlsx` of `npm run bench`), its runs alternating with the page's; `ratioToNode` is the
 *   page's median over Node's.
 *
 * Environment: CHROMIUM (default /usr/bin/chromium), RUNS (default 5), SIZES (default 1000,10000; add 100000 for
 * the large figures, which use at most LARGE_RUNS runs, default 2), FIGURES (default `workspace,app,export`: the
 * first is ui.render/ui.scroll/ui.open/ui.scroll.floor, the second ui.open.file/ui.edit/ui.heap, the third
 * ui.export.xlsx), EDITS (default 9),
 * PROFILE=folder (write Chromium CPU profiles of the last run's open and one edit per size there, build unminified
 * with BENCH_MINIFY=0 to read them; `npx tsx bench/profile-summary.ts file` lists where the time went),
 * COMPARE=folder (another checkout, e.g. `git archive main` unpacked with bench-app.html and bench/ui.ts copied in:
 * its app figures are measured in the same run, alternating with this checkout's, and printed with
 * `variant: "base"`), SCREENSHOT=path (save a screenshot of the last 1,000-task run).
 */
import { spawnSync } from 'node:child_process'
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { dirname, extname, join, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type CDPSession } from '@playwright/test'
import { exportPlanXlsx } from '../src/main/export'
import { planFileSerialize } from '../src/shared/formats/plan-file'
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

/** Builds the bench pages of a checkout (this one by default) when missing or older than its renderer or shared sources. */
function buildIfNeeded(checkout = repo): void {
  const outDir = join(checkout, 'out', 'bench-ui')
  const config = join(checkout, 'bench', 'vite.ui.config.mts')
  const page = join(outDir, 'bench-app.html')
  const sources = Math.max(newestMtime(join(checkout, 'src', 'renderer')), newestMtime(join(checkout, 'src', 'shared')), statSync(config).mtimeMs)
  const mode = join(outDir, 'minify.txt')
  const wanted = process.env.BENCH_MINIFY === '0' ? 'unminified' : 'minified'
  const built = existsSync(mode) ? readFileSync(mode, 'utf8') : ''
  if (existsSync(page) && statSync(page).mtimeMs >= sources && built === wanted) return
  const result = spawnSync(process.execPath, [join(checkout, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', config], {
    cwd: checkout,
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  if (result.status !== 0) throw new Error('building the bench page failed')
  writeFileSync(mode, wanted)
}

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' }

function serve(outDir = join(repo, 'out', 'bench-ui')): Promise<{ server: Server; url: string }> {
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

async function workspaceFigures(browser: Browser, url: string, sizes: number[], runs: number): Promise<void> {
  const geometries = new Map<number, Geometry>()
  {
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
  }
}

type ExportMeasured = { ms: number; bytes: number; longestFrameGapMs: number; error: string | null }

type BenchAppWindow = {
  benchArmExport: () => Promise<ExportMeasured>
  __export?: Promise<ExportMeasured>
  benchArmOpen: (taskCount: number) => Promise<Measured & { ttfp: number | null }>
  benchArmEdit: (taskId: number, finishBefore: string) => Promise<Measured & { ttfp: number | null }>
  __step?: Promise<Measured & { ttfp: number | null }>
}

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const usage = await cdp.send('Runtime.getHeapUsage')
  return usage.usedSize / 1048576
}

async function profiled<T>(cdp: CDPSession, file: string | null, body: () => Promise<T>): Promise<T> {
  if (file === null) return body()
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  const result = await body()
  const { profile } = await cdp.send('Profiler.stop')
  writeFileSync(file, JSON.stringify(profile))
  return result
}

type Variant = { label: string | null; appUrl: string }

type Figures = { opens: number[]; openSettled: number[]; heaps: number[]; heapsAfter: number[]; edits: number[]; editSettled: number[] }

/** One fresh browser context: open the file, measure the heap, then the edits. */
async function appRun(
  browser: Browser,
  appUrl: string,
  tasks: number,
  file: string,
  leafId: number,
  edits: number,
  figures: Figures | null,
  profileDir: string | null,
): Promise<void> {
  const values = ['17d', '23d']
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } })
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort())
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await page.goto(appUrl)
  await page.getByRole('button', { name: 'Open file…' }).waitFor()
  const opened = await profiled(cdp, profileDir === null ? null : join(profileDir, `open-${tasks}.cpuprofile`), async () => {
    await page.evaluate((count) => {
      const target = window as unknown as BenchAppWindow
      target.__step = target.benchArmOpen(count)
    }, tasks)
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Open file…' }).click()
    await (await chooser).setFiles(file)
    return (await page.evaluate(() => (window as unknown as BenchAppWindow).__step)) as Measured & { ttfp: number | null }
  })
  if (opened.error !== null || opened.timedOut || opened.ttfp === null) throw new Error(`open failed: ${opened.error ?? 'timed out'}`)
  const heap = await heapMb(cdp)
  figures?.opens.push(opened.ttfp)
  figures?.openSettled.push(opened.ttr)
  figures?.heaps.push(heap)
  const row = page.locator(`.ws-treegrid [role="row"][data-task-id="${leafId}"]`)
  for (let edit = 0; edit < edits; edit++) {
    const before = ((await row.locator('[data-col="finish"]').textContent()) ?? '').trim()
    await row.locator('[data-col="duration"]').click()
    await page.keyboard.press('F2')
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type(values[edit % 2] as string)
    const isEditProfiled = profileDir !== null && edit === edits - 1
    const measured = await profiled(cdp, isEditProfiled ? join(profileDir, `edit-${tasks}.cpuprofile`) : null, async () => {
      await page.evaluate(
        ({ id, text }) => {
          const target = window as unknown as BenchAppWindow
          target.__step = target.benchArmEdit(id, text)
        },
        { id: leafId, text: before },
      )
      await page.keyboard.press('Enter')
      return (await page.evaluate(() => (window as unknown as BenchAppWindow).__step)) as Measured & { ttfp: number | null }
    })
    if (measured.error !== null || measured.timedOut || measured.ttfp === null) throw new Error(`edit failed: ${measured.error ?? 'timed out'}`)
    figures?.edits.push(measured.ttfp)
    figures?.editSettled.push(measured.ttr)
  }
  if (figures !== null) figures.heapsAfter.push(await heapMb(cdp))
  await context.close()
}

/**
 * ui.open.file, ui.edit and ui.heap in the real application (browser mode), for this checkout and, with a second
 * variant (COMPARE), another one: the runs alternate between them, so both see the same machine.
 */
async function appFigures(browser: Browser, variants: Variant[], sizes: number[], runs: number): Promise<void> {
  const edits = Number(process.env.EDITS ?? 9)
  const profileRoot = process.env.PROFILE ?? null
  for (const tasks of sizes) {
    const { file, plan } = planFile(tasks)
    // The first leaf task with a duration: its Finish moves with every edit.
    const leafIndex = plan.tasks.findIndex((task, index) => !task.isMilestone && task.duration > 0 && (plan.tasks[index + 1]?.level ?? 0) <= task.level)
    const leaf = plan.tasks[leafIndex]
    if (leaf === undefined) throw new Error('the plan has no leaf task')
    const results = variants.map((): Figures => ({ opens: [], openSettled: [], heaps: [], heapsAfter: [], edits: [], editSettled: [] }))
    const sizeRuns = tasks >= 100_000 ? Math.min(runs, Number(process.env.LARGE_RUNS ?? 2)) : runs
    const isFirstSize = tasks === sizes[0]
    for (let run = isFirstSize ? -1 : 0; run < sizeRuns; run++) {
      // Alternate which variant goes first.
      const order = variants.map((_, index) => index)
      if (run % 2 === 1) order.reverse()
      for (const index of order) {
        const variant = variants[index] as Variant
        const profileDir = profileRoot !== null && run === sizeRuns - 1 ? join(profileRoot, variant.label ?? 'head') : null
        if (profileDir !== null) mkdirSync(profileDir, { recursive: true })
        await appRun(browser, variant.appUrl, tasks, file, leaf.id, edits, run >= 0 ? (results[index] as Figures) : null, profileDir)
      }
    }
    variants.forEach((variant, index) => {
      const figures = results[index] as Figures
      const label: Record<string, string> = variant.label === null ? {} : { variant: variant.label }
      print('ui.open.file', tasks, figures.opens, { settledMs: round(median(figures.openSettled)), resources: 50, fileMb: round(statSync(file).size / 1048576), ...label })
      print('ui.edit', tasks, figures.edits, { settledMs: round(median(figures.editSettled)), resources: 50, ...label })
      console.log(
        JSON.stringify({
          bench: 'ui.heap',
          tasks,
          medianMb: round(median(figures.heaps)),
          minMb: round(Math.min(...figures.heaps)),
          maxMb: round(Math.max(...figures.heaps)),
          afterEditsMb: round(median(figures.heapsAfter)),
          runs: figures.heaps.length,
          ...label,
        }),
      )
    })
  }
}

/** The seeded plan of `tasks` tasks with 50 resources as a .gantry file the Open dialog is given. */
function planFile(tasks: number): { file: string; plan: ReturnType<typeof generatePlan> } {
  const filesDir = join(outDir, '..', 'bench-ui-files')
  mkdirSync(filesDir, { recursive: true })
  const plan = generatePlan({ tasks, seed: 42, resources: 50 })
  const file = join(filesDir, `generated-${tasks}.gantry`)
  writeFileSync(file, planFileSerialize(plan))
  return { file, plan }
}

/** ui.export.xlsx: the Excel export of browser mode, in one page per size (one untimed export, then `runs`). */
async function exportFigures(browser: Browser, appUrl: string, sizes: number[], runs: number): Promise<void> {
  const profileRoot = process.env.PROFILE ?? null
  for (const tasks of sizes) {
    const { file, plan } = planFile(tasks)
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, acceptDownloads: true })
    await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort())
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await page.goto(appUrl)
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Open file…' }).click()
    await (await chooser).setFiles(file)
    // The header, the tasks and the blank row.
    await page.locator('.ws-treegrid').and(page.locator(`[aria-rowcount="${tasks + 2}"]`)).waitFor({ timeout: 600_000 })
    const times: number[] = []
    const gaps: number[] = []
    const nodeTimes: number[] = []
    let bytes = 0
    let nodeBytes = 0
    for (let run = -1; run < runs; run++) {
      // The Node reference (the writer of the desktop app and the CLI, `export.xlsx` of npm run bench) alternates
      // with the page's runs, so both see the same machine.
      const nodeStart = performance.now()
      nodeBytes = (await exportPlanXlsx(plan, '2026-01-01T00:00:00')).length
      if (run >= 0) nodeTimes.push(performance.now() - nodeStart)
      const isProfiled = profileRoot !== null && run === runs - 1
      if (isProfiled) mkdirSync(profileRoot, { recursive: true })
      const measured = await profiled(cdp, isProfiled ? join(profileRoot, `export-${tasks}.cpuprofile`) : null, async () => {
        await page.evaluate(() => {
          const target = window as unknown as BenchAppWindow
          target.__export = target.benchArmExport()
        })
        const download = page.waitForEvent('download', { timeout: 600_000 })
        await page.getByRole('button', { name: 'Export' }).click()
        await page.getByRole('menuitem', { name: /^Excel workbook/ }).click()
        const result = (await page.evaluate(() => (window as unknown as BenchAppWindow).__export)) as ExportMeasured
        await (await download).path()
        return result
      })
      if (measured.error !== null) throw new Error(`export failed: ${measured.error}`)
      if (run < 0) continue
      times.push(measured.ms)
      gaps.push(measured.longestFrameGapMs)
      bytes = measured.bytes
    }
    print('ui.export.xlsx', tasks, times, {
      resources: 50,
      fileBytes: bytes,
      longestFrameGapMs: round(median(gaps)),
      nodeMedianMs: round(median(nodeTimes)),
      ratioToNode: Math.round((median(times) / median(nodeTimes)) * 100) / 100,
    })
    print('ui.export.xlsx.node', tasks, nodeTimes, { resources: 50, fileBytes: nodeBytes })
    await context.close()
  }
}

async function main(): Promise<void> {
  buildIfNeeded()
  const sizes = (process.env.SIZES ?? '1000,10000').split(',').map(Number)
  const runs = Number(process.env.RUNS ?? 5)
  const figures = (process.env.FIGURES ?? 'workspace,app,export').split(',')
  const { server, url } = await serve()
  const compare = process.env.COMPARE ?? null
  const base = compare === null ? null : resolve(compare)
  if (base !== null) buildIfNeeded(base)
  const baseServer = base === null ? null : await serve(join(base, 'out', 'bench-ui'))
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs })
  try {
    if (figures.includes('workspace')) await workspaceFigures(browser, url, sizes, runs)
    const variants: Variant[] = [{ label: base === null ? null : 'head', appUrl: url.replace('bench.html', 'bench-app.html') }]
    if (baseServer !== null) variants.push({ label: 'base', appUrl: baseServer.url.replace('bench.html', 'bench-app.html') })
    if (figures.includes('app')) await appFigures(browser, variants, sizes, runs)
    if (figures.includes('export')) await exportFigures(browser, url.replace('bench.html', 'bench-app.html'), sizes, runs)
  } finally {
    await browser.close()
    server.close()
    baseServer?.server.close()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
  process.exitCode = 1
})
