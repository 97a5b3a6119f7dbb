/**
 * `npm run screenshot:readme`: the README's screenshot, taken from the built browser-mode app (run
 * `npm run build:web` first) at the default window size of 1440 × 900, with a realistic plan: a CRM migration of
 * 21 rows in three phases with milestones, a start-to-start link with lag, a start-no-earlier-than date, a public
 * holiday and three people, one of them over-allocated. The plan is opened from a .gantry file through the Open
 * dialog as a user would, nothing is resized: the picture shows what the defaults show. Writes
 * docs/screenshot-workspace.png. Environment: CHROMIUM (default /usr/bin/chromium), PORT (default 5290).
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { calendarStandard, makeAssignment, makePlan, makeTask, makeResource } from '../src/shared/domain/defaults'
import type { Dependency, Plan, Resource } from '../src/shared/domain/model'
import { planFileSerialize } from '../src/shared/formats/plan-file'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const output = join(repo, 'docs', 'screenshot-workspace.png')
const day = 480

function person(id: number, name: string, role: string): Resource {
  return makeResource(id, name, { role, initials: name.slice(0, 2).toUpperCase() })
}

/** The sample plan: what a project manager would build in the first hour. */
export function readmePlan(): Plan {
  const calendar = calendarStandard(1, 'Standard')
  calendar.exceptions.push({ name: 'Good Friday', from: '2026-04-03', to: '2026-04-03', periods: [] })
  const plan = makePlan('readme-crm', 'CRM migration', '2026-03-02T08:00:00', '2026-03-01T09:00:00', { calendars: [calendar] })
  const rows: [string, number, number, Partial<Plan['tasks'][number]>?][] = [
    ['Discovery', 1, 0],
    ['Kick-off workshop', 2, 1],
    ['Current-state analysis', 2, 3],
    ['Data mapping', 2, 4],
    ['Target architecture', 2, 3],
    ['Design signed off', 2, 0, { isMilestone: true }],
    ['Build', 1, 0],
    ['Configure CRM', 2, 8],
    ['Build integrations', 2, 10],
    ['Migrate test data', 2, 4],
    ['Reports and dashboards', 2, 5],
    ['User acceptance testing', 2, 6],
    ['UAT passed', 2, 0, { isMilestone: true }],
    ['Cutover', 1, 0],
    ['Train users', 2, 3, { constraint: { type: 'SNET', date: '2026-04-27T08:00:00' } }],
    ['Final data migration', 2, 2],
    ['Go-live', 2, 0, { isMilestone: true }],
    ['Hypercare', 2, 10],
    ['Project closed', 2, 0, { isMilestone: true }],
    ['Documentation', 1, 6],
    ['Lessons learned', 1, 1],
  ]
  plan.tasks = rows.map(([name, level, days, extra], index) => makeTask(index + 1, { name, level, duration: days * day, ...extra }))
  const link = (id: number, from: number, to: number, type: Dependency['type'] = 'FS', lagDays = 0): Dependency => ({
    id,
    predecessorId: from,
    successorId: to,
    type,
    lag: lagDays * day,
    lagUnit: 'd',
  })
  plan.dependencies = [
    link(1, 2, 3),
    link(2, 3, 4),
    link(3, 3, 5),
    link(4, 4, 6),
    link(5, 5, 6),
    link(6, 6, 8),
    // Integrations start two days after configuration starts.
    link(7, 8, 9, 'SS', 2),
    link(8, 9, 10),
    link(9, 8, 11),
    link(10, 10, 12),
    link(11, 11, 12),
    link(12, 12, 13),
    link(13, 13, 15),
    link(14, 13, 16),
    link(15, 15, 17),
    link(16, 16, 17),
    link(17, 17, 18),
    link(18, 18, 19),
    link(19, 9, 20),
    link(20, 19, 21),
  ]
  plan.resources = [person(1, 'Ana', 'Solution architect'), person(2, 'Ben', 'Integration developer'), person(3, 'Chen', 'Business analyst')]
  const assign: [number, number][] = [
    [3, 3],
    [4, 3],
    [5, 1],
    [8, 1],
    [9, 2],
    [10, 2],
    // Ana configures and builds reports in the same days: over-allocated.
    [11, 1],
    [12, 3],
    [15, 3],
    [16, 2],
    [18, 1],
    [20, 3],
  ]
  plan.assignments = assign.map(([taskId, resourceId], index) => {
    const task = plan.tasks[taskId - 1]
    return makeAssignment(index + 1, taskId, resourceId, 100, task === undefined ? 0 : task.duration)
  })
  return plan
}

async function main(): Promise<void> {
  if (!existsSync(join(repo, 'dist-web', 'index.html'))) throw new Error('Build the browser-mode app first: npm run build:web')
  const port = Number(process.env.PORT ?? 5290)
  const server = spawn(process.execPath, [join(repo, 'tests', 'e2e', 'support', 'static-server.mjs')], {
    env: { ...process.env, GANTRY_E2E_PORT: String(port) },
    stdio: 'ignore',
  })
  const folder = mkdtempSync(join(tmpdir(), 'gantry-readme-'))
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
  try {
    const plan = readmePlan()
    const file = join(folder, 'crm-migration.gantry')
    writeFileSync(file, planFileSerialize(plan))
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' })
    await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort())
    const page = await context.newPage()
    for (let attempt = 0; ; attempt++) {
      try {
        await page.goto(`http://127.0.0.1:${port}/web/`)
        break
      } catch (error) {
        if (attempt > 50) throw error
        await new Promise((done) => setTimeout(done, 200))
      }
    }
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Open file…' }).click()
    await (await chooser).setFiles(file)
    await page.getByRole('heading', { level: 1, name: plan.name }).waitFor()
    await page.locator('.ws-bar').first().waitFor()
    // A task selected, as while working: its row and bar are highlighted.
    await page.locator('.ws-treegrid [role="row"][data-task-id="9"] [data-col="name"]').click()
    await page.waitForTimeout(300)
    await page.screenshot({ path: output })
    console.log(`wrote ${output}`)
  } finally {
    await browser.close()
    server.kill()
    rmSync(folder, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
  process.exitCode = 1
})
