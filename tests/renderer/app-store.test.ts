import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import type { IpcResult } from '../../src/shared/ipc/contract'
import { planDbList, planDbLoad } from '../../src/renderer/src/db/plan-db'
import { createAppStore } from '../../src/renderer/src/stores/app-store'
import { importWarningsNotice } from '../../src/renderer/src/stores/document-slice'
import { fakeWebPlatform, planDbsPerTest } from '../support/fake-platform'
import { storageFaults } from '../support/storage-faults'

/** A platform whose answers the test scripts; it records the plans it was asked to save. */
function fakePlatform() {
  const saved: Plan[] = []
  let openAnswer: IpcResult<unknown> = { ok: false, error: { code: 'canceled', message: 'Canceled.' } }
  let importAnswer: IpcResult<unknown> = { ok: false, error: { code: 'canceled', message: 'Canceled.' } }
  const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value })
  const invoke = {
    'app/info': () => ok({ name: 'Gantry', version: 'test', platform: 'web', userDataFolder: null }),
    'plan/open': () => Promise.resolve(openAnswer),
    'plan/openRecent': () => Promise.resolve(openAnswer),
    'plan/recent': () => ok([]),
    'plan/save': ({ plan }: { plan: Plan }) => (
      saved.push(plan),
      ok({ documentToken: 'token-1', fileName: 'plan.gantry' })
    ),
    'plan/saveAs': ({ plan }: { plan: Plan }) => (
      saved.push(plan),
      ok({ documentToken: 'token-1', fileName: 'plan.gantry' })
    ),
    'recovery/write': () => ok(undefined),
    'recovery/list': () => ok([]),
    'recovery/read': () => Promise.resolve({ ok: false, error: { code: 'not-found', message: 'none' } }),
    'recovery/discard': () => ok(undefined),
    'window/setTitle': () => ok(undefined),
    'export/mspdi': () => ok({ fileName: 'plan.xml' }),
    'export/xlsx': () => ok({ fileName: 'plan.xlsx' }),
    'import/mspdi': () => Promise.resolve(importAnswer),
    'import/csv': () => Promise.resolve(importAnswer),
  }
  return {
    platform: fakeWebPlatform(invoke),
    saved,
    answerOpen: (answer: IpcResult<unknown>) => (openAnswer = answer),
    answerImport: (answer: IpcResult<unknown>) => (importAnswer = answer),
  }
}

const openPlanDb = planDbsPerTest('store-test')

function setup() {
  const db = openPlanDb()
  const storage = storageFaults(db)
  const fake = fakePlatform()
  let id = 0
  const store = createAppStore({
    platform: fake.platform,
    db,
    now: () => '2025-06-02T10:00:00',
    newId: () => `plan-${++id}`,
    schedule: null,
  })
  return { store, db, fake, storage }
}

const addTask = (plan: Plan, name: string): Plan => ({
  ...plan,
  tasks: [...plan.tasks, makeTask(plan.tasks.length + 1, { name })],
})

describe('app store', () => {
  it('creates a plan, keeps every edit in IndexedDB, and undoes and redoes', async () => {
    const { store, db } = setup()
    const id = await store.getState().planCreate('  Migration  ')
    expect(id).toBe('plan-1')
    const state = store.getState()
    expect(state.view).toBe('workspace')
    expect(state.document?.plan.name).toBe('Migration')

    state.documentCommit(addTask(state.document!.plan, 'Inventory'))
    store.getState().documentCommit(addTask(store.getState().document!.plan, 'Cut-over'))
    expect(store.getState().document?.taskIndex.get(2)).toBe(1)
    await store.getState().documentFlush()
    expect((await planDbLoad(db, 'plan-1'))?.plan.tasks.map((task) => task.name)).toEqual([
      'Inventory',
      'Cut-over',
    ])

    store.getState().documentUndo()
    expect(store.getState().document?.plan.tasks).toHaveLength(1)
    await store.getState().documentFlush()
    expect((await planDbLoad(db, 'plan-1'))?.plan.tasks).toHaveLength(1)
    store.getState().documentRedo()
    await store.getState().documentFlush()
    expect((await planDbLoad(db, 'plan-1'))?.plan.tasks).toHaveLength(2)
  })

  it('writes an edit made just before the plan is closed', async () => {
    const { store, db } = setup()
    await store.getState().planCreate('Closing')
    store.getState().documentCommit(addTask(store.getState().document!.plan, 'Last edit'))
    store.getState().documentClose()
    expect(store.getState().document).toBeNull()
    await store.getState().documentFlush()
    expect((await planDbLoad(db, 'plan-1'))?.plan.tasks.map((task) => task.name)).toEqual(['Last edit'])
  })

  it('notices a change made to the open plan by another window and stops writing over it', async () => {
    const { store, db, fake } = setup()
    await store.getState().planCreate('Shared')
    // A second window: its own store and connection to the same database.
    const otherDb = openPlanDb(db.name)
    const other = createAppStore({
      platform: fake.platform,
      db: otherDb,
      now: () => '2025-06-02T12:00:00',
      newId: () => 'y',
      schedule: null,
    })
    await other.getState().planRename('plan-1', 'Renamed elsewhere')
    await expect.poll(() => store.getState().notices.at(-1)?.message).toMatch(/changed in another window/)
    expect(store.getState().notices.at(-1)?.action).toBe('reload')

    store.getState().documentCommit(addTask(store.getState().document!.plan, 'Would overwrite'))
    await store.getState().documentFlush()
    const stored = await planDbLoad(db, 'plan-1')
    expect(stored?.plan.name).toBe('Renamed elsewhere')
    expect(stored?.plan.tasks).toEqual([])
  })

  it('does not mistake its own writes for another window', async () => {
    const { store } = setup()
    await store.getState().planCreate('Mine')
    for (let index = 0; index < 5; index++) {
      store.getState().documentCommit(addTask(store.getState().document!.plan, `Task ${index}`))
      await store.getState().documentFlush()
    }
    await store.getState().documentSave()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(store.getState().notices.filter((notice) => notice.kind === 'error')).toEqual([])
  })

  it('says after an export to Microsoft Project XML that the RAID log is not in it, and not after Excel', async () => {
    const { store } = setup()
    await store.getState().planCreate('Risky')
    const plan = store.getState().document!.plan
    store.getState().documentCommit({
      ...plan,
      raid: [
        { id: 1, kind: 'assumption', title: 'Lab free in June', description: '', owner: '', dueDate: null, taskIds: [], raisedOn: '2025-06-02', status: 'unconfirmed' },
      ],
    })
    expect(await store.getState().documentExport('mspdi')).toBe(true)
    expect(store.getState().notices.at(-1)).toMatchObject({
      kind: 'info',
      message: 'Exported to plan.xml. The RAID log (1 item) is not part of Microsoft Project XML; it stays in the plan and is in the Excel export.',
    })
    expect(await store.getState().documentExport('xlsx')).toBe(true)
    expect(store.getState().notices.at(-1)?.message).toBe('Exported to plan.xlsx.')
  })

  it('refuses an empty name', async () => {
    const { store, db } = setup()
    expect(await store.getState().planCreate('   ')).toBeNull()
    expect(store.getState().notices.at(-1)).toMatchObject({ kind: 'error', message: 'A plan needs a name.' })
    expect(await planDbList(db)).toEqual([])
  })

  it('links a saved plan to its file and tracks unsaved changes across a reload', async () => {
    const { store, db, fake } = setup()
    await store.getState().planCreate('Plan')
    expect(await store.getState().documentSave()).toBe(true)
    expect(fake.saved).toHaveLength(1)
    expect(store.getState().document).toMatchObject({ isDirty: false, file: { fileName: 'plan.gantry' } })

    store.getState().documentCommit({ ...store.getState().document!.plan, name: 'Plan v2' })
    expect(store.getState().document?.isDirty).toBe(true)
    await store.getState().documentFlush()
    // A second store on the same database (a reload) still knows the file is behind.
    const reloaded = createAppStore({
      platform: fake.platform,
      db,
      now: () => '2025-06-02T11:00:00',
      newId: () => 'x',
      schedule: null,
    })
    await reloaded.getState().documentOpen('plan-1')
    expect(reloaded.getState().document).toMatchObject({ isDirty: true, plan: { name: 'Plan v2' } })
    expect(await reloaded.getState().documentSave()).toBe(true)
    expect(fake.saved.at(-1)?.name).toBe('Plan v2')
    expect(reloaded.getState().document?.isDirty).toBe(false)
  })

  it("opens an imported plan and shows the reader's warnings in a notice naming the file: the first three, then how many more", async () => {
    const { store, db, fake } = setup()
    const imported = makePlan('imported-1', 'Vendor plan', '2026-03-02T08:00:00', '2026-03-01T00:00:00', {
      tasks: [makeTask(1, { name: 'Kick-off' })],
    })
    const warnings = [
      'The file has no usable project calendar; the Standard calendar (Monday-Friday 08:00-17:00) was used.',
      '1 task(s) are manually scheduled in Microsoft Project; Gantry schedules them automatically.',
      'The start on line 3 (Build) is before its predecessors allow; the links decide.',
      'A fourth warning.',
      'A fifth warning.',
    ]
    fake.answerImport({ ok: true, value: { plan: imported, warnings, fileName: 'vendor-2026.xml' } })
    expect(await store.getState().documentImport('mspdi')).toBe(true)
    expect(store.getState().document?.plan.tasks.map((task) => task.name)).toEqual(['Kick-off'])
    expect((await planDbList(db)).map((stored) => stored.name)).toEqual(['Vendor plan'])
    const message = store.getState().notices.at(-1)?.message
    expect(message).toBe(
      `Imported "vendor-2026.xml" with 5 warnings: ${warnings.slice(0, 3).join(' ')} …and 2 more.`,
    )
    expect(message).not.toContain('fourth')
    // A warning stays until the user dismisses it (it is not a confirmation that fades).
    expect(store.getState().notices.at(-1)?.kind).toBe('warning')

    // One warning: all of it, and no count of more. An answer without the file's name names the plan instead.
    fake.answerImport({
      ok: true,
      value: { plan: { ...imported, name: 'From Excel' }, warnings: [warnings[2]] },
    })
    expect(await store.getState().documentImport('csv')).toBe(true)
    expect(store.getState().notices.at(-1)?.message).toBe(
      `Imported "From Excel" with 1 warning: ${warnings[2]}`,
    )
  })

  it('cuts a very long warning (a long task name from the file) in the import notice', () => {
    const long = `The start on line 2 (${'x'.repeat(500)}) is before its predecessors allow; the links decide.`
    const message = importWarningsNotice('Long', [long])
    expect(message.startsWith('Imported "Long" with 1 warning: The start on line 2 (xxx')).toBe(true)
    expect(message.endsWith('x…')).toBe(true)
    expect(message.length).toBeLessThan(260)
  })

  it('an import without warnings opens the plan with no notice', async () => {
    const { store, fake } = setup()
    const imported = makePlan('imported-2', 'Clean', '2026-03-02T08:00:00', '2026-03-01T00:00:00')
    fake.answerImport({ ok: true, value: { plan: imported, warnings: [] } })
    expect(await store.getState().documentImport('csv')).toBe(true)
    expect(store.getState().document?.plan.name).toBe('Clean')
    expect(store.getState().notices).toEqual([])
  })

  it('a bad file from the platform shows its message and stores nothing', async () => {
    const { store, db, fake } = setup()
    await store.getState().planCreate('Keep')
    const before = await planDbList(db)
    fake.answerOpen({
      ok: false,
      error: { code: 'bad-file', message: '"x.gantry" cannot be opened. The file is empty.' },
    })
    expect(await store.getState().documentOpenFile()).toBe(false)
    expect(store.getState().notices.at(-1)).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/cannot be opened/),
    })
    // A plan that fails validation in the renderer (defence in depth) is refused the same way.
    fake.answerOpen({
      ok: true,
      value: { documentToken: 't', fileName: 'y.gantry', plan: { id: 'evil', __proto__: null } },
    })
    expect(await store.getState().documentOpenFile()).toBe(false)
    expect(store.getState().notices.at(-1)?.message).toMatch(/damaged/)
    expect(await planDbList(db)).toEqual(before)
    expect(store.getState().document?.plan.name).toBe('Keep')
  })

  it('keeps an edit in memory with a visible error when storage is full, offering a download in browser mode', async () => {
    const { store, db, storage } = setup()
    await store.getState().planCreate('Full disk')
    storage.mode = 'fail'
    store.getState().documentCommit(addTask(store.getState().document!.plan, 'Not stored'))
    await store.getState().documentFlush()
    expect(store.getState().document?.plan.tasks.map((task) => task.name)).toEqual(['Not stored'])
    expect(store.getState().notices.at(-1)).toMatchObject({
      kind: 'error',
      action: 'download',
      message: expect.stringMatching(/storage is full/),
    })
    expect(store.getState().document).toMatchObject({ storage: 'failed', isUnstoredShown: true })
    expect(store.getState().documentHasUnstoredEdits()).toBe(true)
    expect((await planDbLoad(db, 'plan-1'))?.plan.tasks).toEqual([])
  })

  it('routes menu commands to actions', async () => {
    const { store } = setup()
    await store.getState().menuCommandRun('file/new')
    expect(store.getState().document?.plan.name).toBe('Untitled plan')
    await store.getState().menuCommandRun('view/career')
    expect(store.getState().view).toBe('career')
    await store.getState().menuCommandRun('view/milestones')
    expect(store.getState()).toMatchObject({ view: 'workspace', workspaceView: 'milestones' })
    await store.getState().menuCommandRun('view/zoom-out')
    expect(store.getState().zoomLevel).toBe(2)
  })
})
