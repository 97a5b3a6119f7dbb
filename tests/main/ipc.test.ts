import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createIpcHandlers, fileNameSanitize, pathWithExtension, type IpcHandlers } from '../../src/main/ipc'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import { planFileParse, planFileSerialize } from '../../src/shared/formats/plan-file'
import { ipcChannels, type IpcChannel, type IpcResult } from '../../src/shared/ipc/contract'
import { printSetupDefault } from '../../src/shared/print/page-setup'
import { appFrame, foreignFrame, testDeps, type TestDeps } from './support/main-deps'
import { tmpfsMounter } from './support/tmpfs'

function samplePlan(overrides: Partial<Plan> = {}): Plan {
  return makePlan('plan-1', 'Data centre move', '2026-03-02T08:00:00', '2026-02-20T10:00:00', {
    tasks: [
      makeTask(1, { name: 'Plan the move', level: 1 }),
      makeTask(2, { name: 'Inventory racks', level: 2, duration: 960 }),
      makeTask(3, { name: 'Cut-over', level: 2, duration: 0, isMilestone: true }),
    ],
    dependencies: [{ id: 1, predecessorId: 2, successorId: 3, type: 'FS', lag: 0, lagUnit: 'd' }],
    ...overrides,
  })
}

/** A plan a status report can be made of: a status date, and Baseline on the tasks. */
function reportablePlan(): Plan {
  const plan = samplePlan({ statusDate: '2026-03-03T17:00:00' })
  return {
    ...plan,
    tasks: plan.tasks.map((task) => ({
      ...task,
      baselines: [{ number: 0, start: '2026-03-02T08:00:00', finish: '2026-03-04T17:00:00', duration: task.duration, work: null, cost: null, bcws: null, bcwp: null }],
    })),
  }
}
const reportChoice = { reportId: null, commentary: 'On track.', decisions: '' }

let root: string
let userData: string
let documentsFolder: string
let deps: TestDeps
let handlers: IpcHandlers

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gantry-ipc-'))
  userData = join(root, 'userData')
  documentsFolder = join(root, 'Documents')
  mkdirSync(userData)
  mkdirSync(documentsFolder)
  deps = testDeps(userData)
  handlers = createIpcHandlers(deps)
})
afterEach(() => {
  rmSync(root, { recursive: true, force: true })
})

function expectOk<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.value
}
function expectError(result: IpcResult<unknown>, code: string): string {
  if (result.ok) throw new Error(`expected error ${code}, got ok`)
  expect(result.error.code).toBe(code)
  expect(result.error.message.length).toBeGreaterThan(10)
  return result.error.message
}

/** A valid request for every channel (the handler may still fail later, e.g. on a dialog). */
const validRequests: { [C in IpcChannel]: unknown } = {
  'app/info': undefined,
  'plan/open': undefined,
  'plan/openRecent': { id: '0123456789abcdef0123456789abcdef' },
  'plan/recent': undefined,
  'plan/save': { documentToken: '0123456789abcdef0123456789abcdef', plan: samplePlan() },
  'plan/saveAs': { plan: samplePlan() },
  'recovery/write': { plan: samplePlan() },
  'recovery/list': undefined,
  'recovery/read': { planId: 'plan-1' },
  'recovery/discard': { planId: 'plan-1' },
  'export/xlsx': { plan: samplePlan() },
  'export/mspdi': { plan: samplePlan() },
  'export/csv': { plan: samplePlan() },
  'export/pdf': { plan: samplePlan(), setup: printSetupDefault },
  'export/reportPdf': { plan: reportablePlan(), ...reportChoice, paper: 'A4' },
  'export/reportXlsx': { plan: reportablePlan(), ...reportChoice },
  'import/mspdi': undefined,
  'import/csv': undefined,
  'import/cancel': undefined,
  'career/backup': { text: '{}', suggestedName: 'career.json' },
  'career/restore': undefined,
  'career/exportIcs': { text: 'BEGIN:VCALENDAR', suggestedName: 'deadlines.ics' },
  'career/exportLog': { format: 'csv', rows: [], suggestedName: 'education-log' },
  'window/setTitle': { title: 'Plan', isDirty: true },
}

/** Requests every channel must refuse with 'invalid-input'. */
const invalidRequests: { [C in IpcChannel]: unknown[] } = {
  'app/info': [{ unexpected: true }, 'text'],
  'plan/open': [{ path: '/etc/passwd' }, 42],
  'plan/openRecent': [undefined, { id: 7 }, { id: '' }, { id: 'x'.repeat(101) }, { id: 'a', path: '/etc/passwd' }],
  'plan/recent': [{ all: true }],
  'plan/save': [
    undefined,
    { plan: samplePlan() },
    { documentToken: '../../etc/passwd', plan: samplePlan() },
    { documentToken: '0123456789abcdef0123456789abcdef', plan: { name: 'not a plan' } },
    { documentToken: '0123456789abcdef0123456789abcdef', plan: samplePlan(), path: '/tmp/x.gantry' },
  ],
  'plan/saveAs': [undefined, {}, { plan: null }, { plan: samplePlan({ name: 'x'.repeat(2000) }) }, { plan: samplePlan(), path: '/tmp/x' }],
  'recovery/write': [undefined, { plan: { ...samplePlan(), extra: 1 } }],
  'recovery/list': [{ planId: 'x' }],
  'recovery/read': [undefined, { planId: 3 }, { planId: '' }],
  'recovery/discard': [undefined, { planId: null }],
  'export/xlsx': [undefined, { plan: 'plan' }],
  'export/mspdi': [undefined, { plan: [] }],
  'export/csv': [undefined, { plan: { ...samplePlan(), tasks: [makeTask(1, { level: 3 })] } }],
  'export/pdf': [
    undefined,
    { plan: samplePlan() },
    { plan: samplePlan(), setup: { ...printSetupDefault, paper: 'A0' } },
    { plan: samplePlan(), setup: printSetupDefault, path: '/tmp/x.pdf' },
    // A setup that cannot fit is refused before anything is shown.
    { plan: samplePlan(), setup: { ...printSetupDefault, scale: { mode: 'fit', pagesWide: 0 } } },
  ],
  'export/reportPdf': [
    undefined,
    { plan: reportablePlan(), ...reportChoice },
    { plan: reportablePlan(), ...reportChoice, paper: 'A0' },
    { plan: reportablePlan(), ...reportChoice, paper: 'A4', path: '/tmp/report.pdf' },
    // No status date and no baseline: refused with what is missing, before any dialog.
    { plan: samplePlan(), ...reportChoice, paper: 'A4' },
  ],
  'export/reportXlsx': [
    undefined,
    { plan: reportablePlan(), ...reportChoice, reportId: 'latest' },
    { plan: reportablePlan(), ...reportChoice, commentary: 'x'.repeat(20_001) },
    // A saved report that is not in the plan.
    { plan: reportablePlan(), ...reportChoice, reportId: 4 },
    { plan: samplePlan(), ...reportChoice },
  ],
  'import/mspdi': [{ path: '/etc/passwd' }],
  'import/csv': [{ path: '/etc/passwd' }],
  'import/cancel': [{ path: '/etc/passwd' }, 'all'],
  'career/backup': [undefined, { text: 5, suggestedName: 'a' }, { text: 'x', suggestedName: '' }, { text: 'x' }],
  'career/restore': [{ path: '/x' }],
  'career/exportIcs': [undefined, { text: 'x', suggestedName: 'y'.repeat(300) }],
  'career/exportLog': [undefined, { format: 'pdf', rows: [], suggestedName: 'log' }, { format: 'csv', rows: [{}], suggestedName: 'log' }],
  'window/setTitle': [undefined, { title: 5, isDirty: true }, { title: 'x', isDirty: 'yes' }, { title: 'x'.repeat(1001), isDirty: false }],
}

describe('every channel', () => {
  it('has a handler', () => {
    expect(Object.keys(handlers).sort()).toEqual([...ipcChannels].sort())
  })

  it.each(ipcChannels)('%s refuses a request from a foreign frame', async (channel) => {
    const before = readdirSync(documentsFolder)
    expectError(await handlers[channel](foreignFrame, validRequests[channel]), 'forbidden')
    expectError(await handlers[channel]({ senderFrame: null }, validRequests[channel]), 'forbidden')
    expectError(await handlers[channel]({ senderFrame: { url: 'file:///opt/gantry/out/renderer/index.html' } }, validRequests[channel]), 'forbidden')
    expectError(await handlers[channel]({ senderFrame: { url: 'app://evil/index.html' } }, validRequests[channel]), 'forbidden')
    // Nothing was shown or written.
    expect(deps.dialog.openCalls.length + deps.dialog.saveCalls.length).toBe(0)
    expect(deps.titles).toEqual([])
    expect(readdirSync(documentsFolder)).toEqual(before)
  })

  it.each(ipcChannels)('%s refuses malformed requests with invalid-input', async (channel) => {
    for (const request of invalidRequests[channel]) {
      expectError(await handlers[channel](appFrame, request), 'invalid-input')
    }
    expect(deps.dialog.openCalls.length + deps.dialog.saveCalls.length).toBe(0)
    expect(deps.titles).toEqual([])
  })

  it.each(ipcChannels.filter((channel) => !['app/info', 'plan/recent', 'recovery/list', 'recovery/read', 'recovery/discard', 'recovery/write', 'window/setTitle', 'plan/save', 'plan/openRecent', 'import/cancel'].includes(channel)))(
    '%s returns canceled when the dialog is dismissed',
    async (channel) => {
      deps.dialog.openAnswers.push(null)
      deps.dialog.saveAnswers.push(null)
      expectError(await handlers[channel](appFrame, validRequests[channel]), 'canceled')
    },
  )
})

describe('plan files', () => {
  it('saves as, then the file on disk parses and holds the plan', async () => {
    const target = join(documentsFolder, 'move')
    deps.dialog.saveAnswers.push(target)
    const ref = expectOk(await handlers['plan/saveAs'](appFrame, { plan: samplePlan() }))
    expect(ref.fileName).toBe('move.gantry')
    expect(ref.documentToken).toMatch(/^[0-9a-f]{32}$/)
    expect(deps.dialog.saveCalls[0]?.defaultPath).toBe('Data centre move.gantry')
    const parsed = planFileParse(readFileSync(`${target}.gantry`, 'utf8'))
    expect(parsed.ok && parsed.plan).toEqual(samplePlan())
  })

  it('round-trips save, open and save again, keeping a .bak of the previous version', async () => {
    const path = join(documentsFolder, 'move.gantry')
    deps.dialog.saveAnswers.push(path)
    const saved = expectOk(await handlers['plan/saveAs'](appFrame, { plan: samplePlan() }))

    deps.dialog.openAnswers.push(path)
    const opened = expectOk(await handlers['plan/open'](appFrame, undefined))
    expect(opened.plan).toEqual(samplePlan())
    expect(opened.fileName).toBe('move.gantry')
    // Already open in this window: the same token, so the renderer focuses it.
    expect(opened.documentToken).toBe(saved.documentToken)

    const edited = samplePlan({ name: 'Data centre move (v2)' })
    expectOk(await handlers['plan/save'](appFrame, { documentToken: saved.documentToken, plan: edited }))
    const reread = planFileParse(readFileSync(path, 'utf8'))
    expect(reread.ok && reread.plan.name).toBe('Data centre move (v2)')
    const backup = planFileParse(readFileSync(`${path}.bak`, 'utf8'))
    expect(backup.ok && backup.plan.name).toBe('Data centre move')
  })

  it('gives different files different tokens, and refuses an unknown token', async () => {
    deps.dialog.saveAnswers.push(join(documentsFolder, 'a.gantry'), join(documentsFolder, 'b.gantry'))
    const a = expectOk(await handlers['plan/saveAs'](appFrame, { plan: samplePlan() }))
    const b = expectOk(await handlers['plan/saveAs'](appFrame, { plan: samplePlan() }))
    expect(a.documentToken).not.toBe(b.documentToken)
    const message = expectError(
      await handlers['plan/save'](appFrame, { documentToken: 'ffffffffffffffffffffffffffffffff', plan: samplePlan() }),
      'not-found',
    )
    expect(message).toMatch(/Save As/)
  })

  it('keeps the recent list across restarts and reopens by id', async () => {
    const path = join(documentsFolder, 'move.gantry')
    deps.dialog.saveAnswers.push(path)
    expectOk(await handlers['plan/saveAs'](appFrame, { plan: samplePlan() }))
    const recent = expectOk(await handlers['plan/recent'](appFrame, undefined))
    expect(recent).toHaveLength(1)
    expect(recent[0]).toMatchObject({ fileName: 'move.gantry', folder: documentsFolder })

    // A new process: fresh handlers over the same userData folder.
    const restarted = createIpcHandlers(testDeps(userData))
    const after = expectOk(await restarted['plan/recent'](appFrame, undefined))
    expect(after).toEqual(recent)
    const opened = expectOk(await restarted['plan/openRecent'](appFrame, { id: after[0]!.id }))
    expect(opened.plan).toEqual(samplePlan())
  })

  it('drops a recent entry whose file was deleted, with a clear message', async () => {
    const path = join(documentsFolder, 'gone.gantry')
    deps.dialog.saveAnswers.push(path)
    expectOk(await handlers['plan/saveAs'](appFrame, { plan: samplePlan() }))
    const [entry] = expectOk(await handlers['plan/recent'](appFrame, undefined))
    unlinkSync(path)
    const message = expectError(await handlers['plan/openRecent'](appFrame, { id: entry!.id }), 'not-found')
    expect(message).toMatch(/no longer exists/)
    expect(expectOk(await handlers['plan/recent'](appFrame, undefined))).toEqual([])
    expectError(await handlers['plan/openRecent'](appFrame, { id: entry!.id }), 'not-found')
  })

  it('caps the recent list at ten entries, newest first', async () => {
    for (let index = 0; index < 12; index++) {
      deps.dialog.saveAnswers.push(join(documentsFolder, `plan-${index}.gantry`))
      expectOk(await handlers['plan/saveAs'](appFrame, { plan: samplePlan() }))
    }
    const recent = expectOk(await handlers['plan/recent'](appFrame, undefined))
    expect(recent.map((entry) => entry.fileName)).toEqual(Array.from({ length: 10 }, (_, index) => `plan-${11 - index}.gantry`))
  })

  it('survives a damaged recent list file', async () => {
    writeFileSync(join(userData, 'recent-files.json'), '{"version":1,"entries":[{"id":"zz","path":')
    const fresh = createIpcHandlers(testDeps(userData))
    expect(expectOk(await fresh['plan/recent'](appFrame, undefined))).toEqual([])
  })
})

describe('opening bad plan files changes nothing and explains why', () => {
  const valid = planFileSerialize(samplePlan())
  const envelope = (plan: unknown, schemaVersion = 1): string => JSON.stringify({ format: 'gantry-plan', schemaVersion, plan })
  const cases: Array<{ name: string; content: string | Buffer; code: string; message: RegExp }> = [
    { name: 'truncated', content: valid.slice(0, Math.floor(valid.length / 2)), code: 'bad-file', message: /not valid JSON \(it may be truncated\)/ },
    { name: 'not JSON', content: 'Task,Duration\nA,3d\n', code: 'bad-file', message: /not valid JSON/ },
    { name: 'empty', content: '', code: 'bad-file', message: /empty/ },
    { name: 'whitespace only', content: '  \n\t ', code: 'bad-file', message: /empty/ },
    { name: 'binary', content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x01, 0x80]), code: 'bad-file', message: /binary data/ },
    { name: 'a zip with a NUL', content: Buffer.from('PK\u0003\u0004\u0000\u0000abc'), code: 'bad-file', message: /binary data/ },
    { name: 'JSON without the header', content: JSON.stringify(samplePlan()), code: 'bad-file', message: /no "gantry-plan" header/ },
    { name: 'newer version', content: envelope(samplePlan(), 99), code: 'newer-version', message: /newer version of Gantry/ },
    { name: '__proto__ key', content: envelope({ ...samplePlan(), tasks: [] }).replace('"tasks":[]', '"tasks":[],"__proto__":{"isAdmin":true}'), code: 'bad-file', message: /damaged/ },
    { name: 'constructor key in a task', content: envelope(samplePlan()).replace('"name":"Plan the move"', '"name":"Plan the move","constructor":{"prototype":{}}'), code: 'bad-file', message: /damaged/ },
    { name: '10 MB string', content: envelope(samplePlan({ name: 'x'.repeat(10 * 1024 * 1024) })), code: 'bad-file', message: /damaged: name/ },
    { name: '1e400', content: envelope(samplePlan()).replace('"duration":960', '"duration":1e400'), code: 'bad-file', message: /damaged: tasks\.1\.duration/ },
    { name: 'negative duration', content: envelope(samplePlan()).replace('"duration":960', '"duration":-5'), code: 'bad-file', message: /damaged/ },
    { name: 'impossible date', content: envelope(samplePlan({ start: '2024-02-30T08:00:00' })), code: 'bad-file', message: /real date/ },
    { name: 'dangling link', content: envelope(samplePlan({ dependencies: [{ id: 1, predecessorId: 2, successorId: 99, type: 'FS', lag: 0, lagUnit: 'd' }] })), code: 'bad-file', message: /task 99, which does not exist/ },
  ]

  it.each(cases)('$name', async ({ name, content, code, message }) => {
    // A good file is open first; the bad one must not disturb it or the recent list.
    const goodPath = join(documentsFolder, 'good.gantry')
    deps.dialog.saveAnswers.push(goodPath)
    const good = expectOk(await handlers['plan/saveAs'](appFrame, { plan: samplePlan() }))
    const recentBefore = expectOk(await handlers['plan/recent'](appFrame, undefined))

    const badPath = join(documentsFolder, `${name.replace(/\W+/g, '-')}.gantry`)
    writeFileSync(badPath, content)
    const bytesBefore = readFileSync(badPath)
    deps.dialog.openAnswers.push(badPath)
    const errorMessage = expectError(await handlers['plan/open'](appFrame, undefined), code)
    expect(errorMessage).toMatch(message)
    expect(errorMessage).toContain(`${name.replace(/\W+/g, '-')}.gantry`)
    expect(errorMessage.length).toBeLessThan(400)

    expect(Buffer.compare(readFileSync(badPath), bytesBefore)).toBe(0)
    expect(expectOk(await handlers['plan/recent'](appFrame, undefined))).toEqual(recentBefore)
    expect(Object.prototype).not.toHaveProperty('isAdmin')
    // The good document still saves under its token.
    expectOk(await handlers['plan/save'](appFrame, { documentToken: good.documentToken, plan: samplePlan() }))
  })

  it('refuses a file over the size cap before reading it', async () => {
    const huge = join(documentsFolder, 'huge.gantry')
    // A sparse 201 MB file: no disk space used, but over planFileMaxBytes.
    execFileSync('truncate', ['-s', '201M', huge])
    deps.dialog.openAnswers.push(huge)
    expect(expectError(await handlers['plan/open'](appFrame, undefined), 'too-large')).toMatch(/too large to open/)
  })

  it('refuses hostile plans sent by the renderer too', async () => {
    const hostile = JSON.parse(envelope(samplePlan()).replace('"tasks":[', '"__proto__":{"polluted":1},"tasks":[')).plan
    deps.dialog.saveAnswers.push(join(documentsFolder, 'x.gantry'))
    expectError(await handlers['plan/saveAs'](appFrame, { plan: hostile }), 'invalid-input')
    expect(deps.dialog.saveCalls).toHaveLength(0)
    expect(existsSync(join(documentsFolder, 'x.gantry'))).toBe(false)
  })
})

describe('recovery copies', () => {
  it('writes, lists, reads and discards', async () => {
    expect(expectOk(await handlers['recovery/list'](appFrame, undefined))).toEqual([])
    expectOk(await handlers['recovery/write'](appFrame, { plan: samplePlan() }))
    expectOk(await handlers['recovery/write'](appFrame, { plan: samplePlan({ id: 'weird/../../id', name: 'Other' }) }))
    const listed = expectOk(await handlers['recovery/list'](appFrame, undefined))
    expect(listed.map((copy) => copy.planId).sort()).toEqual(['plan-1', 'weird/../../id'])
    expect(listed.find((copy) => copy.planId === 'plan-1')?.planName).toBe('Data centre move')
    // The odd id stayed inside the recovery folder.
    expect(readdirSync(join(userData, 'recovery')).every((name) => name.endsWith('.gantry'))).toBe(true)
    expect(existsSync(join(root, 'id.gantry'))).toBe(false)

    expect(expectOk(await handlers['recovery/read'](appFrame, { planId: 'plan-1' }))).toEqual(samplePlan())
    expectOk(await handlers['recovery/discard'](appFrame, { planId: 'plan-1' }))
    expect(expectOk(await handlers['recovery/list'](appFrame, undefined)).map((copy) => copy.planId)).toEqual(['weird/../../id'])
    expectError(await handlers['recovery/read'](appFrame, { planId: 'plan-1' }), 'not-found')
    // Discarding twice is fine.
    expectOk(await handlers['recovery/discard'](appFrame, { planId: 'plan-1' }))
  })

  it('overwrites the copy of the same plan and survives a restart (the crash case)', async () => {
    expectOk(await handlers['recovery/write'](appFrame, { plan: samplePlan({ name: 'first' }) }))
    expectOk(await handlers['recovery/write'](appFrame, { plan: samplePlan({ name: 'second' }) }))
    const restarted = createIpcHandlers(testDeps(userData))
    const listed = expectOk(await restarted['recovery/list'](appFrame, undefined))
    expect(listed).toHaveLength(1)
    expect(listed[0]?.planName).toBe('second')
  })

  it('skips a damaged copy in the list', async () => {
    mkdirSync(join(userData, 'recovery'), { recursive: true })
    writeFileSync(join(userData, 'recovery', 'broken.gantry'), '{"format":"gantry-plan"')
    expectOk(await handlers['recovery/write'](appFrame, { plan: samplePlan() }))
    expect(expectOk(await handlers['recovery/list'](appFrame, undefined)).map((copy) => copy.planId)).toEqual(['plan-1'])
  })
})

describe('career files', () => {
  it('saves a backup and restores its text', async () => {
    const text = JSON.stringify({ format: 'gantry-career', entries: [{ name: 'PMP', accents: 'Überprüfung' }] })
    deps.dialog.saveAnswers.push(join(documentsFolder, 'career'))
    const saved = expectOk(await handlers['career/backup'](appFrame, { text, suggestedName: '../../career backup.json' }))
    expect(saved.fileName).toBe('career.json')
    expect(deps.dialog.saveCalls[0]?.defaultPath).toBe('career backup.json')
    deps.dialog.openAnswers.push(join(documentsFolder, 'career.json'))
    expect(expectOk(await handlers['career/restore'](appFrame, undefined))).toEqual({ text, fileName: 'career.json' })
  })

  it('refuses to restore a binary file', async () => {
    const path = join(documentsFolder, 'photo.json')
    writeFileSync(path, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]))
    deps.dialog.openAnswers.push(path)
    expect(expectError(await handlers['career/restore'](appFrame, undefined), 'bad-file')).toMatch(/binary/)
  })

  it('exports an iCalendar file', async () => {
    deps.dialog.saveAnswers.push(join(documentsFolder, 'deadlines.ics'))
    expectOk(await handlers['career/exportIcs'](appFrame, { text: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', suggestedName: 'deadlines' }))
    expect(readFileSync(join(documentsFolder, 'deadlines.ics'), 'utf8')).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n')
  })
})

describe('window and app', () => {
  it('passes the title and dirty marker to the window', async () => {
    expectOk(await handlers['window/setTitle'](appFrame, { title: 'Data centre move', isDirty: true }))
    expect(deps.titles).toEqual([{ title: 'Data centre move', isDirty: true }])
  })

  it('reports app info', async () => {
    expect(expectOk(await handlers['app/info'](appFrame, undefined))).toEqual({
      name: 'Gantry',
      version: '0.1.0-test',
      platform: 'electron',
      userDataFolder: userData,
    })
  })
})

describe('file names', () => {
  it.each([
    ['Q3 plan', 'Q3 plan'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\x\\plan', 'plan'],
    ['a<b>c:d"e|f?g*h', 'a_b_c_d_e_f_g_h'],
    ['   ', 'Untitled'],
    ['...', 'Untitled'],
    ['tab\there', 'tab_here'],
  ])('%j becomes %j', (input, expected) => {
    expect(fileNameSanitize(input)).toBe(expected)
  })

  it('adds the extension only when missing', () => {
    expect(pathWithExtension('/a/plan', 'gantry')).toBe('/a/plan.gantry')
    expect(pathWithExtension('/a/plan.GANTRY', 'gantry')).toBe('/a/plan.GANTRY')
    expect(pathWithExtension('/a/plan.v2', 'gantry')).toBe('/a/plan.v2.gantry')
  })
})

describe('saving where the disk refuses', () => {
  const tmpfs = tmpfsMounter()
  afterAll(() => tmpfs.unmountAll())

  it('plan/save on a read-only folder answers read-only with a Save As hint, and the file is intact', async () => {
    const point = tmpfs.mount('size=1m')
    const path = join(point, 'plan.gantry')
    deps.dialog.saveAnswers.push(path)
    const ref = expectOk(await handlers['plan/saveAs'](appFrame, { plan: samplePlan() }))
    const before = readFileSync(path)
    tmpfs.remountReadOnly(point)
    const message = expectError(await handlers['plan/save'](appFrame, { documentToken: ref.documentToken, plan: samplePlan({ name: 'changed' }) }), 'read-only')
    expect(message).toMatch(/Save As/)
    expect(Buffer.compare(readFileSync(path), before)).toBe(0)
  })

  it('plan/save on a full disk answers disk-full, and the file is intact', async () => {
    const point = tmpfs.mount('size=256k')
    const path = join(point, 'plan.gantry')
    deps.dialog.saveAnswers.push(path)
    const ref = expectOk(await handlers['plan/saveAs'](appFrame, { plan: samplePlan() }))
    const before = readFileSync(path)
    const big = samplePlan({ tasks: Array.from({ length: 600 }, (_, index) => makeTask(index + 1, { name: `Task ${index}`, notes: 'n'.repeat(400) })), dependencies: [] })
    const message = expectError(await handlers['plan/save'](appFrame, { documentToken: ref.documentToken, plan: big }), 'disk-full')
    expect(message).toMatch(/disk is full/)
    expect(Buffer.compare(readFileSync(path), before)).toBe(0)
    expect(readdirSync(point).filter((name) => name.includes('gantry-tmp'))).toEqual([])
  })
})
