import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createIpcHandlers, type IpcHandlers } from '../../src/main/ipc'
import { importParseInProcess, importWorkerParser } from '../../src/main/import-worker-client'
import type { IpcResult } from '../../src/shared/ipc/contract'
import { planRestore } from '../../src/shared/formats/plan-file'
import { exportPlanMspdi } from '../../src/main/export'
import { generatePlan } from '../support/generate-plan'
import { appFrame, testDeps, type TestDeps } from './support/main-deps'
import { mspdiSamplesDir } from '../support/samples'

// The worker runs the TypeScript source through tsx here; the app runs the bundled worker.
const tsxWorkerFile = join(__dirname, 'support/import-worker-tsx.cjs')
const tsxWorker = importWorkerParser(tsxWorkerFile)
const request = (text: string, kind: 'mspdi' | 'csv' = 'mspdi') => ({ text, fileName: `test.${kind === 'mspdi' ? 'xml' : 'csv'}`, kind, planId: 'imported-test', now: '2026-03-01T09:00:00' })

let root: string
let deps: TestDeps
let handlers: IpcHandlers
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gantry-import-'))
  mkdirSync(join(root, 'userData'))
  deps = testDeps(join(root, 'userData'), { importParser: tsxWorker })
  handlers = createIpcHandlers(deps)
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

function expectError<T>(result: IpcResult<T>, code: string): string {
  if (result.ok) throw new Error(`expected ${code}, got a plan`)
  expect(result.error.code).toBe(code)
  return result.error.message
}

describe('import/mspdi', () => {
  it('imports a Microsoft Project sample in a worker thread, with progress', async () => {
    deps.dialog.openAnswers.push(join(mspdiSamplesDir, 'task-links-project2010-mspdi.xml'))
    const result = await handlers['import/mspdi'](appFrame, undefined)
    if (!result.ok) throw new Error(result.error.message)
    const { plan, warnings } = result.value
    expect(planRestore(plan).ok).toBe(true)
    expect(plan.tasks.length).toBeGreaterThan(0)
    expect(plan.dependencies.length).toBeGreaterThan(0)
    expect(plan.id).toMatch(/^imported-[0-9a-f]{16}$/)
    expect(warnings).toEqual([])
    // The file's name (never its path) comes back for the notices.
    expect(result.value.fileName).toBe('task-links-project2010-mspdi.xml')
    expect(deps.progress.length).toBeGreaterThanOrEqual(2)
    expect(deps.progress.every((event) => event.task === 'import/mspdi' && event.fraction >= 0 && event.fraction <= 1)).toBe(true)
    expect(deps.progress.at(-1)?.fraction).toBe(1)
  })

  it('returns the reader\'s warnings with the plan: a file without a project calendar gets the Standard one', async () => {
    const path = join(root, 'no-calendar.xml')
    writeFileSync(
      path,
      '<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project"><Name>Bare</Name>' +
        '<StartDate>2026-03-02T08:00:00</StartDate><Tasks><Task><UID>1</UID><ID>1</ID><Name>Only task</Name>' +
        '<Duration>PT16H0M0S</Duration></Task></Tasks></Project>',
    )
    deps.dialog.openAnswers.push(path)
    const result = await handlers['import/mspdi'](appFrame, undefined)
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.plan.tasks.map((task) => task.name)).toEqual(['Only task'])
    expect(result.value.warnings).toEqual([
      'The file has no usable project calendar; the Standard calendar (Monday-Friday 08:00-17:00) was used.',
    ])
  })

  it('reports a manually scheduled task of a Microsoft Project sample as a warning', async () => {
    deps.dialog.openAnswers.push(join(mspdiSamplesDir, 'issue2000.xml'))
    const result = await handlers['import/mspdi'](appFrame, undefined)
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.warnings).toEqual([expect.stringMatching(/manually scheduled/)])
  })

  it('gives the same plan from the worker as in-process (apart from the fresh id)', async () => {
    const text = readFileSync(join(mspdiSamplesDir, 'mspdiresource.xml'), 'utf8')
    const [inWorker, inProcess] = await Promise.all([tsxWorker(request(text), () => undefined), importParseInProcess(request(text), () => undefined)])
    if (!inWorker.ok || !inProcess.ok) throw new Error('both should import')
    expect(inWorker.plan).toEqual(inProcess.plan)
  })

  it('keeps the main event loop free while a large file is parsed in the worker', async () => {
    // 3,000 tasks written by the MSPDI exporter: parsing takes long enough for the main loop to tick many times.
    const text = exportPlanMspdi(generatePlan({ tasks: 3_000, seed: 5, resources: 20 }))
    const ticksDuring = async (parse: () => Promise<unknown>): Promise<number> => {
      let ticks = 0
      const timer = setInterval(() => ticks++, 1)
      try {
        await parse()
      } finally {
        clearInterval(timer)
      }
      return ticks
    }
    const fractions: number[] = []
    const inWorker = await ticksDuring(() => tsxWorker(request(text), (fraction) => fractions.push(fraction)))
    const inProcess = await ticksDuring(() => importParseInProcess(request(text), () => undefined))
    expect(inWorker).toBeGreaterThan(0)
    // The contrast: parsing on the calling thread blocks every timer until it is done.
    expect(inProcess).toBe(0)
    expect(fractions.at(-1)).toBe(1)
  })

  const bad: Array<{ name: string; content: string | Buffer; code: string; message: RegExp }> = [
    { name: 'empty.xml', content: '', code: 'bad-file', message: /./ },
    { name: 'binary.xml', content: Buffer.from([0x00, 0xff, 0x10, 0x80, 0x81]), code: 'bad-file', message: /binary data/ },
    { name: 'plan.json', content: '{"format":"gantry-plan"}', code: 'bad-file', message: /./ },
    { name: 'truncated.xml', content: '<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project"><Tasks><Task><UID>1</UID>', code: 'bad-file', message: /./ },
    {
      name: 'laughs.xml',
      content: `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><Project xmlns="http://schemas.microsoft.com/project"><Name>&lol2;</Name></Project>`,
      code: 'bad-file',
      message: /./,
    },
    {
      name: 'xxe.xml',
      content: `<?xml version="1.0"?><!DOCTYPE p [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Project xmlns="http://schemas.microsoft.com/project"><Name>&xxe;</Name></Project>`,
      code: 'bad-file',
      message: /./,
    },
  ]
  it.each(bad)('refuses $name with a clear message and no plan', async ({ name, content, code, message }) => {
    const path = join(root, name)
    writeFileSync(path, content)
    deps.dialog.openAnswers.push(path)
    const text = expectError(await handlers['import/mspdi'](appFrame, undefined), code)
    expect(text).toMatch(message)
    expect(text).toContain(name)
    expect(text).not.toContain('root:x:0:0')
  })

  it('refuses a file over the size cap before reading it', async () => {
    const path = join(root, 'huge.xml')
    execFileSync('truncate', ['-s', '101M', path])
    deps.dialog.openAnswers.push(path)
    expect(expectError(await handlers['import/mspdi'](appFrame, undefined), 'too-large')).toMatch(/too large/)
  })
})

describe('import worker: Cancel and the time limit', () => {
  const largeXml = () => exportPlanMspdi(generatePlan({ tasks: 20_000, seed: 9, resources: 10 }))

  it('import/cancel stops the import in the worker: the import answers canceled and nothing comes back', async () => {
    const path = join(root, 'large.xml')
    writeFileSync(path, largeXml())
    deps.dialog.openAnswers.push(path)
    const pending = handlers['import/mspdi'](appFrame, undefined)
    // Cancel once the worker reports its first progress.
    while (!deps.progress.some((event) => event.task === 'import/mspdi' && event.fraction > 0 && event.fraction < 1)) {
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    const cancel = await handlers['import/cancel'](appFrame, undefined)
    expect(cancel.ok).toBe(true)
    expect(expectError(await pending, 'canceled')).toBe('The import was canceled.')
    // The progress ends, so the renderer hides it.
    expect(deps.progress.at(-1)?.fraction).toBe(1)
  })

  it('stops an import that runs past the time limit, with a message naming the file', async () => {
    const slow = importWorkerParser(tsxWorkerFile, { timeLimitMs: 200 })
    const result = await slow(request(largeXml()), () => undefined)
    expect(result).toEqual({ ok: false, code: 'timeout', message: expect.stringMatching(/^"test\.xml" cannot be imported: reading it took longer than 200 milliseconds and was stopped\./) })
  })

  it('a cancel with no import running does nothing', async () => {
    expect(await handlers['import/cancel'](appFrame, undefined)).toEqual({ ok: true, value: undefined })
  })

  it('reads a CSV file in the worker too: the main event loop keeps ticking', async () => {
    const rows = Array.from({ length: 60_000 }, (_, index) => `T${index + 1},1d,${index === 0 ? '' : index}`)
    const text = `Name,Duration,Predecessors\r\n${rows.join('\r\n')}\r\n`
    let ticks = 0
    const timer = setInterval(() => ticks++, 1)
    try {
      const result = await tsxWorker(request(text, 'csv'), () => undefined)
      if (!result.ok) throw new Error(result.message)
      expect(result.plan.tasks).toHaveLength(60_000)
    } finally {
      clearInterval(timer)
    }
    expect(ticks).toBeGreaterThan(0)
  })
})

describe('import/csv', () => {
  it('imports a simple task table', async () => {
    const path = join(root, 'tasks.csv')
    writeFileSync(
      path,
      '\uFEFFName,Duration,Start,Predecessors,Resources,Outline level\r\nDesign,3d,2026-03-02,,,1\r\nBuild,5d,,1,,1\r\nRelease,0d,,2,,1\r\n',
    )
    deps.dialog.openAnswers.push(path)
    const result = await handlers['import/csv'](appFrame, undefined)
    if (!result.ok) throw new Error(result.error.message)
    const { plan, warnings } = result.value
    expect(plan.name).toBe('tasks')
    expect(plan.tasks.map((task) => task.name)).toEqual(['Design', 'Build', 'Release'])
    expect(plan.dependencies).toHaveLength(2)
    expect(planRestore(plan).ok).toBe(true)
    expect(warnings).toEqual([])
  })

  it('returns the warnings with the plan: a linked task typed to start before its predecessor allows', async () => {
    const path = join(root, 'early.csv')
    writeFileSync(path, 'Name,Duration,Start,Predecessors\r\nDesign,5d,2026-03-02,\r\nBuild,3d,2026-03-03,1\r\n')
    deps.dialog.openAnswers.push(path)
    const result = await handlers['import/csv'](appFrame, undefined)
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.plan.tasks.map((task) => task.name)).toEqual(['Design', 'Build'])
    expect(result.value.warnings).toEqual(['The start on line 3 (Build) is before its predecessors allow; the links decide.'])
    expect(result.value.fileName).toBe('early.csv')
  })

  it.each([
    { name: 'binary.csv', content: Buffer.from([0x00, 0x01, 0xff, 0xfe]), message: /binary/ },
    { name: 'empty.csv', content: '', message: /empty/ },
    { name: 'no-name.csv', content: 'Duration,Start\r\n3d,2026-03-02\r\n', message: /"Name" column/ },
    { name: 'bad-level.csv', content: 'Name,Outline level\r\nA,1\r\nB,3\r\n', message: /skips a level/ },
  ])('refuses $name with a clear message', async ({ name, content, message }) => {
    const path = join(root, name)
    writeFileSync(path, content)
    deps.dialog.openAnswers.push(path)
    const text = expectError(await handlers['import/csv'](appFrame, undefined), 'bad-file')
    expect(text).toMatch(message)
    expect(text).toContain(name)
  })
})
