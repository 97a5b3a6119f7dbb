/**
 * `npm run cli -- schedule <file> --json` (issue 3 item 9), run as a real child process through tsx, the same way
 * `npm run cli` runs it. All command lines are started together in `beforeAll` (each process start costs seconds
 * on a busy machine), so the rarer bad-input cases run in-process through the same `cliMain` the process calls.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scheduleReport, type ScheduleJson } from '../../src/main/cli/commands/schedule'
import { cliMain } from '../../src/main/cli/index'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import { mspdiRead } from '../../src/shared/formats/mspdi'
import { planFileSerialize } from '../../src/shared/formats/plan-file'
import { mspdiHostileFixtures, mspdiMinimal } from '../fixtures/mspdi/build'
import { mspdiSamplesDir } from '../support/samples'

const root = join(__dirname, '../..')
const tsx = join(root, 'node_modules/.bin/tsx')
const dir = mkdtempSync(join(tmpdir(), 'gantry-cli-schedule-'))

type Run = { code: number; stdout: string; stderr: string }

async function inProcess(...args: string[]): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const code = await cliMain(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) })
  return { code, stdout, stderr }
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(tsx, ['src/main/cli/index.ts', ...args], { cwd: root, timeout: 240_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1
      resolve({ code, stdout, stderr })
    })
  })
}

/*
 *   Design (2 d) --FS--> Build (3 d) --FS+1d--> Ship (milestone)
 *   Docs (1 d), unlinked: slack until Ship
 */
const gantryPlan = makePlan('cli', 'CLI plan', '2026-01-05T08:00:00', '2026-01-01T00:00:00', {
  tasks: [
    makeTask(7, { name: 'Design', duration: 960 }),
    makeTask(8, { name: 'Build', duration: 1440 }),
    makeTask(9, { name: 'Ship', duration: 0, isMilestone: true }),
    makeTask(3, { name: 'Docs', duration: 480 }),
  ],
  dependencies: [
    { id: 1, predecessorId: 7, successorId: 8, type: 'FS', lag: 0, lagUnit: 'd' },
    { id: 2, predecessorId: 8, successorId: 9, type: 'FS', lag: 480, lagUnit: 'd' },
  ],
})

const files = {
  gantry: join(dir, 'plan.gantry'),
  gantryOddName: join(dir, 'plan-without-extension'),
  mspdiOddName: join(dir, 'project.dat'),
  cyclic: join(dir, 'cyclic.xml'),
  truncated: join(dir, 'truncated.xml'),
  garbage: join(dir, 'garbage.xml'),
  empty: join(dir, 'empty.gantry'),
  newer: join(dir, 'newer.gantry'),
}

const runs: Record<string, Run> = {}

beforeAll(async () => {
  writeFileSync(files.gantry, planFileSerialize(gantryPlan))
  writeFileSync(files.gantryOddName, planFileSerialize(gantryPlan))
  writeFileSync(files.mspdiOddName, readFileSync(join(mspdiSamplesDir, 'officeimo-relationships.xml')))
  writeFileSync(
    files.cyclic,
    mspdiMinimal([
      { uid: 1, name: 'A', links: [{ uid: 2 }] },
      { uid: 2, name: 'B', links: [{ uid: 1 }] },
    ]),
  )
  writeFileSync(files.truncated, readFileSync(join(mspdiSamplesDir, 'sample1.xml'), 'utf8').slice(0, 20_000))
  writeFileSync(files.garbage, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe]))
  writeFileSync(files.empty, '')
  writeFileSync(files.newer, JSON.stringify({ format: 'gantry-plan', schemaVersion: 99, plan: {} }))
  const spawned: Record<string, string[]> = {
    sampleJson: ['schedule', join(mspdiSamplesDir, 'officeimo-relationships.xml'), '--json'],
    sampleTable: ['schedule', join(mspdiSamplesDir, 'sample1.xml')],
    gantryJson: ['schedule', files.gantry, '--json'],
    mspdiOddName: ['schedule', files.mspdiOddName, '--json'],
    cyclic: ['schedule', files.cyclic, '--json'],
    truncated: ['schedule', files.truncated, '--json'],
    unknownCommand: ['reschedule', files.gantry],
  }
  const local: Record<string, string[]> = {
    gantryOddName: ['schedule', files.gantryOddName, '--json'],
    missing: ['schedule', join(dir, 'missing.xml'), '--json'],
    garbage: ['schedule', files.garbage, '--json'],
    empty: ['schedule', files.empty, '--json'],
    newer: ['schedule', files.newer, '--json'],
    noFile: ['schedule', '--json'],
    badOption: ['schedule', files.gantry, '--yaml'],
  }
  const results = await Promise.all([
    ...Object.values(spawned).map((args) => cli(...args)),
    ...Object.values(local).map((args) => inProcess(...args)),
  ])
  ;[...Object.keys(spawned), ...Object.keys(local)].forEach((name, index) => {
    runs[name] = results[index] as Run
  })
}, 600_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

function json(run: Run | undefined): ScheduleJson {
  expect(run?.stderr).toBe('')
  expect(run?.code).toBe(0)
  return JSON.parse(run?.stdout ?? '') as ScheduleJson
}

describe('cli schedule --json', () => {
  it('prints every task of an MSPDI file in outline order with its UID, in exactly the documented shape', () => {
    const report = json(runs.sampleJson)
    expect(Object.keys(report)).toEqual(['tasks'])
    const read = mspdiRead(readFileSync(join(mspdiSamplesDir, 'officeimo-relationships.xml'), 'utf8'))
    if (!read.ok) throw new Error(read.error.message)
    expect(report.tasks.map((task) => [task.uid, task.name])).toEqual(read.plan.tasks.map((task) => [task.id, task.name]))
    for (const task of report.tasks) {
      expect(Object.keys(task)).toEqual(['uid', 'name', 'start', 'finish', 'totalSlackMinutes', 'critical'])
      expect(task.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/)
      expect(task.finish).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/)
      expect(typeof task.totalSlackMinutes).toBe('number')
      expect(typeof task.critical).toBe('boolean')
    }
    // The same numbers as the engine computes in-process.
    const inProcess = scheduleReport(read.plan)
    if (!inProcess.ok) throw new Error(inProcess.message)
    expect(report).toEqual(inProcess.report)
  })

  it('uses the Gantry task ids as uid for a .gantry plan and schedules it', () => {
    const report = json(runs.gantryJson)
    expect(report.tasks.map((task) => [task.uid, task.name, task.critical])).toEqual([
      [7, 'Design', true],
      [8, 'Build', true],
      [9, 'Ship', true],
      [3, 'Docs', false],
    ])
    expect(report.tasks[0]).toMatchObject({ start: '2026-01-05T08:00:00', finish: '2026-01-06T17:00:00', totalSlackMinutes: 0 })
    expect(report.tasks[1]).toMatchObject({ start: '2026-01-07T08:00:00', finish: '2026-01-09T17:00:00' })
    // Ship: one working day after Build finishes (Friday 17:00 + 1 d = Monday 17:00).
    expect(report.tasks[2]).toMatchObject({ start: '2026-01-12T17:00:00', finish: '2026-01-12T17:00:00' })
    // Docs can slip until Ship: 6 working days minus its own day = 2400 minutes.
    expect(report.tasks[3]).toMatchObject({ start: '2026-01-05T08:00:00', finish: '2026-01-05T17:00:00', totalSlackMinutes: 2400 })
  })

  it('detects the format from the content, not the file name', () => {
    expect(json(runs.gantryOddName)).toEqual(json(runs.gantryJson))
    expect(json(runs.mspdiOddName)).toEqual(json(runs.sampleJson))
  })

  it('prints a table without --json', () => {
    expect(runs.sampleTable?.code).toBe(0)
    const lines = runs.sampleTable?.stdout.trimEnd().split('\n') ?? []
    expect(lines[0]).toMatch(/^UID\s+Name\s+Start\s+Finish\s+Total slack \(min\)\s+Critical$/)
    expect(lines.length).toBe(23)
  })
})

describe('cli schedule on bad input: exit status 1, one clear line on stderr, nothing on stdout', () => {
  const cases: [string, RegExp][] = [
    ['missing', /^schedule: "missing\.xml" .*(exist|found)/],
    ['cyclic', /^schedule: "cyclic\.xml": These tasks depend on each other in a circle: "A" \(UID 1\) → "B" \(UID 2\) → "A" \(UID 1\)/],
    ['truncated', /^schedule: "truncated\.xml": This is not a valid Project XML file: the XML is damaged or truncated/],
    ['garbage', /^schedule: "garbage\.xml" is not a plan: it holds binary data, not text\.$|^schedule: "garbage\.xml" is neither a Gantry plan nor a Project XML file\.$/],
    ['empty', /^schedule: "empty\.gantry": The file is empty\.$/],
    ['newer', /^schedule: "newer\.gantry": This plan was made by a newer version of Gantry/],
    ['noFile', /^schedule: no file given; usage: npm run cli -- schedule/],
    ['badOption', /^schedule: unknown option --yaml; usage/],
    ['unknownCommand', /^unknown command "reschedule"; commands: schedule, export, import, check, overallocations$/],
  ]
  for (const [name, message] of cases) {
    it(name, () => {
      const run = runs[name]
      expect(run?.code).toBe(1)
      expect(run?.stdout).toBe('')
      expect(run?.stderr.endsWith('\n')).toBe(true)
      expect(run?.stderr.trimEnd().split('\n')).toHaveLength(1)
      expect(run?.stderr.trimEnd()).toMatch(message)
    })
  }
})

describe('cli schedule on every static hostile MSPDI fixture (tests/fixtures/mspdi)', () => {
  for (const name of Object.keys(mspdiHostileFixtures())) {
    it(`${name}: exit status 1 and one line on stderr`, async () => {
      const run = await inProcess('schedule', join(root, 'tests/fixtures/mspdi', name), '--json')
      expect(run.code).toBe(1)
      expect(run.stdout).toBe('')
      expect(run.stderr).toMatch(/^schedule: [^\n]+\n$/)
    })
  }
})

describe('cli dispatcher', () => {
  it('prints the usage with --help and exits 0', async () => {
    const run = await inProcess('--help')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^usage: npm run cli -- <command>/)
    expect(run.stdout).toMatch(/schedule <file> \[--json\]/)
  })

  it('without a command exits 1 with one line on stderr', async () => {
    const run = await inProcess()
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe('no command given; commands: schedule, export, import, check, overallocations (npm run cli -- --help)\n')
  })

  it('does not treat inherited object keys as commands', async () => {
    const run = await inProcess('constructor')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^unknown command "constructor"/)
  })
})
