/**
 * `npm run cli -- status <file> [--status-date YYYY-MM-DD] [--baseline n] [--json]` (issue 16 item 6): the plan's
 * earned value and finish variance against the chosen baseline. One real child process through tsx (as `npm run cli`
 * runs it); the other cases in-process through the same `cliMain`.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StatusJson } from '../../src/main/cli/commands/status'
import { cliMain } from '../../src/main/cli/index'
import { makeAssignment, makePlan, makeResource, makeTask } from '../../src/shared/domain/defaults'
import type { Baseline } from '../../src/shared/domain/model'
import { planFileSerialize } from '../../src/shared/formats/plan-file'
import { mspdiSamplePath } from '../support/samples'

const root = join(__dirname, '../..')
const tsx = join(root, 'node_modules/.bin/tsx')
const dir = mkdtempSync(join(tmpdir(), 'gantry-cli-status-'))

type Run = { code: number; stdout: string; stderr: string }

async function inProcess(...args: string[]): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const code = await cliMain(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) })
  return { code, stdout, stderr }
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(tsx, ['src/main/cli/index.ts', ...args], { cwd: root, timeout: 240_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1
      resolve({ code, stdout, stderr })
    })
  })
}

function baseline(number: Baseline['number'], start: string, finish: string, cost: number): Baseline {
  return { number, start, finish, duration: 2400, work: 2400, cost, bcws: null, bcwp: null }
}

/*
 * The worked example of tests/shared/cost-earned-value.test.ts at its second status date (see the derivations there):
 * Build (5 d planned, 4,000) finished a day late with 48 h at 100/h; Test (5 d, 4,000 + 1,000 fixed at its end) is
 * 25 % done with 10 h spent. Baseline 0 as planned; Baseline 2 a week later for both tasks (all of it ahead at the
 * status date but Build's first 2.5 days).
 */
const plan = makePlan('status', 'Release', '2026-01-05T08:00:00', '2026-01-01T00:00:00', {
  statusDate: '2026-01-14T12:00:00',
  tasks: [
    makeTask(1, {
      name: 'Build',
      duration: 2880,
      work: 2880,
      actualWork: 2880,
      percentComplete: 100,
      actualStart: '2026-01-05T08:00:00',
      actualFinish: '2026-01-12T17:00:00',
      baselines: [
        baseline(0, '2026-01-05T08:00:00', '2026-01-09T17:00:00', 4000),
        baseline(2, '2026-01-12T08:00:00', '2026-01-16T17:00:00', 4000),
      ],
    }),
    makeTask(2, {
      name: 'Test',
      duration: 2400,
      work: 2400,
      actualWork: 600,
      percentComplete: 25,
      actualStart: '2026-01-13T08:00:00',
      fixedCost: 1000,
      fixedCostAccrual: 'end',
      baselines: [
        baseline(0, '2026-01-12T08:00:00', '2026-01-16T17:00:00', 5000),
        baseline(2, '2026-01-19T08:00:00', '2026-01-23T17:00:00', 5000),
      ],
    }),
  ],
  dependencies: [{ id: 1, predecessorId: 1, successorId: 2, type: 'FS', lag: 0, lagUnit: 'd' }],
  resources: [makeResource(1, 'Dev', { standardRate: 100 })],
  assignments: [
    { ...makeAssignment(1, 1, 1, 100, 2880), actualWork: 2880 },
    { ...makeAssignment(2, 2, 1, 100, 2400), actualWork: 600 },
  ],
})

const files = { plan: join(dir, 'release.gantry') }
let spawned: Run

beforeAll(async () => {
  writeFileSync(files.plan, planFileSerialize(plan))
  spawned = await cli('status', files.plan, '--json')
}, 300_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

function json(run: Run): StatusJson {
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  return JSON.parse(run.stdout) as StatusJson
}

describe('cli status --json', () => {
  it("prints the plan's earned value at its own status date against its baseline, in exactly the documented shape", () => {
    const report = json(spawned)
    expect(Object.keys(report)).toEqual([
      'statusDate', 'baseline', 'method', 'currency', 'bac', 'pv', 'ev', 'ac', 'sv', 'cv', 'spi', 'cpi', 'eac', 'vac', 'tcpi', 'cost',
      'finish', 'baselineFinish', 'finishVarianceMinutes', 'finishVarianceDays',
    ])
    expect(report).toMatchObject({
      statusDate: '2026-01-14T12:00:00',
      baseline: 0,
      method: 'percent-complete',
      bac: 9000,
      pv: 6000,
      ev: 5250,
      ac: 5800,
      sv: -750,
      cv: -550,
      spi: 0.875,
      cpi: 0.9052,
      eac: 9942.86,
      vac: -942.86,
      tcpi: 1.1719,
      cost: 9800,
    })
    // Test follows Build's actual finish (Monday 12th 17:00): Tuesday 13th .. Monday 19th 17:00, against the
    // baseline's Friday 16th 17:00: one working day (480 minutes) late.
    expect(report.finish).toBe('2026-01-19T17:00:00')
    expect(report.baselineFinish).toBe('2026-01-16T17:00:00')
    expect(report.finishVarianceMinutes).toBe(480)
    expect(report.finishVarianceDays).toBe(1)
  })

  it('takes --status-date as the end of that working day and --baseline as the baseline to measure against', async () => {
    // Baseline 2 at Friday 16th 17:00: Build's baseline 2 (12th..16th) is all planned: PV 4,000; Test's starts on the
    // 19th: 0. EV: 4,000 x 100 % + 5,000 x 25 % = 5,250.
    const report = json(await inProcess('status', files.plan, '--status-date', '2026-01-16', '--baseline', '2', '--json'))
    expect(report).toMatchObject({ statusDate: '2026-01-16T17:00:00', baseline: 2, pv: 4000, ev: 5250, ac: 5800, sv: 1250 })
    expect(report.baselineFinish).toBe('2026-01-23T17:00:00')
    // Finish 19th 17:00 against 23rd 17:00: four working days early.
    expect(report.finishVarianceDays).toBe(-4)
  })

  it('reports a plan without a baseline: no BAC, no finish variance', async () => {
    const report = json(await inProcess('status', mspdiSamplePath('mspdiresource.xml'), '--status-date', '2006-09-01', '--json'))
    expect(report.currency).toBe('GBP')
    expect(report.bac).toBe(0)
    expect(report.pv).toBe(0)
    expect(report.baselineFinish).toBeNull()
    expect(report.finishVarianceMinutes).toBeNull()
    // The completed task's actual cost (16 h at 50/h = 800, <ACWP>80000</ACWP> on the project summary).
    expect(report.ac).toBe(800)
  })

  it('prints a labelled summary without --json', async () => {
    const run = await inProcess('status', files.plan)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Status date\s+2026-01-14 12:00$/m)
    expect(run.stdout).toMatch(/^Earned value \(EV, BCWP\)\s+5,250\.00 USD$/m)
    expect(run.stdout).toMatch(/^SPI\s+0\.88$/m)
    expect(run.stdout).toMatch(/^Finish variance\s+\+1 d against 2026-01-16 17:00$/m)
  })
})

describe('cli status on bad input: exit status 1, one clear line on stderr, nothing on stdout', () => {
  const cases: [string, string[], RegExp][] = [
    ['no file', ['status', '--json'], /^status: no file given; usage: npm run cli -- status/],
    ['a missing file', ['status', join(dir, 'missing.gantry')], /^status: "missing\.gantry" .*(exist|found)/],
    ['a date that does not exist', ['status', '', '--status-date', '2026-02-30'], /^status: --status-date "2026-02-30" is not a date written YYYY-MM-DD$/],
    ['a date in another form', ['status', '', '--status-date', '14/01/2026'], /^status: --status-date "14\/01\/2026" is not a date written YYYY-MM-DD$/],
    ['a date centuries away', ['status', '', '--status-date', '2999-01-01'], /^status: --status-date 2999-01-01 is more than 100 years from the plan's start \(2026-01-05\)$/],
    ['a baseline number outside 0-10', ['status', '', '--baseline', '11'], /^status: --baseline "11" is not a baseline number from 0 to 10; usage/],
    ['a baseline that is not a number', ['status', '', '--baseline', 'last'], /^status: --baseline "last" is not a baseline number/],
    ['a status date without its value', ['status', '', '--status-date'], /^status: --status-date needs a value; usage/],
    ['an unknown option', ['status', '', '--yaml'], /^status: unknown option --yaml; usage/],
  ]
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const run = await inProcess(...args.map((arg) => (arg === '' ? files.plan : arg)))
      expect(run.code).toBe(1)
      expect(run.stdout).toBe('')
      expect(run.stderr.endsWith('\n')).toBe(true)
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
      expect(run.stderr.trimEnd()).toMatch(message)
    })
  }
})
