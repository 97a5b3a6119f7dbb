/**
 * `npm run bench:print`: how long a plan takes to print to PDF, and how many pages it makes. The print view of the
 * built renderer (out/renderer/print.html; `npm run build` first) runs in Chromium, as in the desktop app's hidden
 * print window: `print.draw` is `window.gantryPrint(job)` (check the job, schedule, lay out, draw every page, fonts
 * ready), `print.pdf` is Chromium writing the PDF (Playwright's page.pdf(), the same printing code as Electron's
 * webContents.printToPDF), `print.total` both. Seeded plans of SIZES tasks (default 1000,10000) with 50 resources,
 * the default page setup (A4 landscape, fit to one page wide, legend on the last page); one untimed warm-up run, then
 * RUNS timed runs (default 3), each in a fresh page. Prints one JSON line per figure with the page count and the
 * PDF's size.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { dirname, extname, join, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { chromium, type Browser } from '@playwright/test'
import { printSetupDefault, type PrintJob, type PrintJobDone } from '../src/shared/print/page-setup'
import { generatePlan } from '../tests/support/generate-plan'
import { median } from './lib'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(resolve(here, '..'), 'out', 'renderer')
const sizes = (process.env.SIZES ?? '1000,10000').split(',').map(Number)
const runs = Number(process.env.RUNS ?? 3)

if (!existsSync(join(root, 'print.html'))) {
  console.error('out/renderer/print.html is missing: run `npm run build` first.')
  process.exit(1)
}

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }
const server = createServer((request, response) => {
  const path = resolve(
    root,
    normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)).replace(
      /^[/\\]+/,
      '',
    ),
  )
  if (!path.startsWith(root) || !existsSync(path) || statSync(path).isDirectory()) {
    response.writeHead(404).end()
    return
  }
  response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' })
  createReadStream(path).pipe(response)
})
type Run = { drawMs: number; pdfMs: number; pages: number; bytes: number }

async function printOnce(browser: Browser, port: number, job: PrintJob): Promise<Run> {
  const context = await browser.newContext()
  const page = await context.newPage()
  try {
    await page.goto(`http://127.0.0.1:${port}/print.html`)
    const started = performance.now()
    const done = await page.evaluate(
      (value) =>
        (window as unknown as { gantryPrint(job: unknown): Promise<PrintJobDone> }).gantryPrint(value),
      job,
    )
    const drawn = performance.now()
    const pdf = await page.pdf({
      width: `${done.widthMm}mm`,
      height: `${done.heightMm}mm`,
      printBackground: true,
      preferCSSPageSize: true,
    })
    const written = performance.now()
    return { drawMs: drawn - started, pdfMs: written - drawn, pages: done.pages, bytes: pdf.length }
  } finally {
    await context.close()
  }
}

async function main(): Promise<void> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--no-first-run',
    ],
  })
  try {
    for (const tasks of sizes) {
      const plan = { ...generatePlan({ tasks, seed: 42, resources: 50 }), statusDate: '2026-03-02T17:00:00' }
      const job: PrintJob = { plan, setup: printSetupDefault, now: '2026-03-03T09:00:00' }
      await printOnce(browser, port, job)
      const results: Run[] = []
      for (let run = 0; run < runs; run++) results.push(await printOnce(browser, port, job))
      const first = results[0] as Run
      const figure = (bench: string, values: number[]) =>
        console.log(
          JSON.stringify({
            bench,
            tasks,
            pages: first.pages,
            pdfMb: Math.round((first.bytes / 1024 / 1024) * 10) / 10,
            medianMs: Math.round(median(values)),
            minMs: Math.round(Math.min(...values)),
            maxMs: Math.round(Math.max(...values)),
            runs,
          }),
        )
      figure(
        'print.draw',
        results.map((result) => result.drawMs),
      )
      figure(
        'print.pdf',
        results.map((result) => result.pdfMs),
      )
      figure(
        'print.total',
        results.map((result) => result.drawMs + result.pdfMs),
      )
    }
  } finally {
    await browser.close()
    server.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
