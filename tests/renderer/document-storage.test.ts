import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import type { GantryPlatform, IpcResult } from '../../src/shared/ipc/contract'
import { planDbLoad, type PlanDb } from '../../src/renderer/src/db/plan-db'
import { appStart, type PageEvents } from '../../src/renderer/src/app/start'
import { createAppStore, type AppStore } from '../../src/renderer/src/stores/app-store'
import { unstoredNoticeDelayMs } from '../../src/renderer/src/stores/document-slice'
import { planEditedElsewhereMessage } from '../../src/renderer/src/stores/plans-slice'
import { generatePlan } from '../support/generate-plan'
import fc from 'fast-check'
import { planLocksCreate, type PlanLocks } from '../../src/renderer/src/stores/plan-lock'
import { FakeLockManager, fakeChannelBus } from '../support/fake-locks'
import { fakeWebPlatform, planDbsPerTest } from '../support/fake-platform'
import { storageFaults } from '../support/storage-faults'

/**
 * Issue 13 item 5: the browser never loses an edit in silence. Each store below plays one tab or window; tabs share
 * the database (fake-indexeddb), the Web Locks and a BroadcastChannel (fakes).
 */

const openPlanDb = planDbsPerTest('storage-test')

function addTask(plan: Plan, name: string): Plan {
  const id = Math.max(0, ...plan.tasks.map((task) => task.id)) + 1
  return { ...plan, tasks: [...plan.tasks, makeTask(id, { name })] }
}

function names(plan: Plan | undefined | null): string[] {
  return (plan?.tasks ?? []).map((task) => task.name)
}

type Recovery = { written: Plan[]; answer: IpcResult<undefined> }

function desktopPlatform(recovery: Recovery, saved: Plan[] = []): GantryPlatform {
  const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value })
  const platform = fakeWebPlatform({
    'recovery/write': ({ plan }: { plan: Plan }) => {
      recovery.written.push(plan)
      return Promise.resolve(recovery.answer)
    },
    'recovery/discard': () => ok(undefined),
    'recovery/list': () => ok([]),
    'window/setTitle': () => ok(undefined),
    'plan/recent': () => ok([]),
    'plan/saveAs': ({ plan }: { plan: Plan }) => (saved.push(plan), ok({ documentToken: 't', fileName: 'copy.gantry' })),
  })
  let confirmed = 0
  return {
    ...platform,
    kind: 'electron',
    confirmClose: () => (confirmed += 1),
    get confirmedCloses() {
      return confirmed
    },
  } as GantryPlatform
}

/** The web platform's answers `appStart` asks for, with every write succeeding. */
function browserPlatform(): GantryPlatform {
  const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value })
  return fakeWebPlatform({
    'recovery/write': () => ok(undefined),
    'recovery/list': () => ok([]),
    'window/setTitle': () => ok(undefined),
    'plan/recent': () => ok([]),
  })
}

type TabOptions = {
  db?: PlanDb
  locks?: PlanLocks | null
  platform?: GantryPlatform
  /** `manual`: the deferred work (load, write) runs only when the test calls `runDeferred`. */
  afterPaint?: 'timer' | 'manual'
  /** Prefix of new plan ids (default `plan`: `plan-1`, `plan-2`...). */
  idPrefix?: string
}

function tab(options: TabOptions = {}) {
  const db = options.db ?? openPlanDb()
  const deferred: (() => void)[] = []
  let id = 0
  const store = createAppStore({
    platform: options.platform ?? fakeWebPlatform(),
    db,
    now: () => '2026-06-02T10:00:00',
    newId: () => `${options.idPrefix ?? 'plan'}-${++id}`,
    schedule: null,
    afterPaint: options.afterPaint === 'manual' ? (job) => deferred.push(job) : (job) => setTimeout(job, 0),
    locks: options.locks ?? null,
  })
  const runDeferred = () => {
    for (const job of deferred.splice(0)) job()
  }
  return { store, db, runDeferred }
}

function sharedLocks(waitMs = 2000, releaseDelayMs = 5) {
  const manager = new FakeLockManager(releaseDelayMs)
  const bus = fakeChannelBus()
  return () => {
    const channel = bus.channel()
    return { locks: planLocksCreate(manager, channel, waitMs), channel }
  }
}

function lastNotice(store: AppStore) {
  return store.getState().notices.at(-1)
}

describe('two windows on one plan', () => {
  it('the second opens it read-only, refuses edits, and takes over with the first window’s last edit', async () => {
    const newTab = sharedLocks()
    const first = tab({ locks: newTab().locks })
    await first.store.getState().planCreate('Shared')
    expect(first.store.getState().documentIsReadOnly).toBe(false)
    // An edit the first window has not written yet when the second one asks.
    first.store.getState().documentCommit(addTask(first.store.getState().document!.plan, 'From the first'))

    const second = tab({ db: openPlanDb(first.db.name), locks: newTab().locks })
    expect(await second.store.getState().documentOpen('plan-1')).toBe(true)
    expect(second.store.getState().document?.readOnly).toBe('other-window')
    expect(lastNotice(second.store)).toMatchObject({ action: 'take-over', message: expect.stringMatching(/read-only here/) })
    const shown = second.store.getState().document!.plan
    expect(second.store.getState().documentCommit(addTask(shown, 'Never stored'))).toBe(false)
    expect(second.store.getState().document?.plan).toBe(shown)

    expect(await second.store.getState().documentTakeOver()).toBe(true)
    expect(second.store.getState().document?.readOnly).toBeNull()
    expect(names(second.store.getState().document?.plan)).toEqual(['From the first'])
    expect(first.store.getState().document?.readOnly).toBe('other-window')
    expect(first.store.getState().document?.storage).toBe('stored')
    // The first window now refuses edits, and what it refuses is never written.
    expect(first.store.getState().documentCommit(addTask(first.store.getState().document!.plan, 'Late'))).toBe(false)
    expect(second.store.getState().documentCommit(addTask(second.store.getState().document!.plan, 'From the second'))).toBe(true)
    await second.store.getState().documentFlush()
    await first.store.getState().documentFlush()
    expect(names((await planDbLoad(first.db, 'plan-1'))?.plan)).toEqual(['From the first', 'From the second'])
  })

  it('opening again the plan this window edits keeps it editable; closing and opening it again too', async () => {
    // A slow lock manager: letting go takes a while to arrive.
    const newTab = sharedLocks(2000, 80)
    const only = tab({ locks: newTab().locks })
    await only.store.getState().planCreate('Mine')
    expect(await only.store.getState().documentOpen('plan-1')).toBe(true)
    expect(only.store.getState().document?.readOnly).toBeNull()
    only.store.getState().documentClose()
    expect(await only.store.getState().documentOpen('plan-1')).toBe(true)
    expect(only.store.getState().document?.readOnly).toBeNull()
  })

  it('a window whose lock is taken without an answer keeps its unstored edit in view and offers a download', async () => {
    const newTab = sharedLocks(30)
    const firstTab = newTab()
    const first = tab({ locks: firstTab.locks, afterPaint: 'manual' })
    await first.store.getState().planCreate('Frozen')
    first.store.getState().documentCommit(addTask(first.store.getState().document!.plan, 'Only in memory'))
    // The first tab is frozen: it hears nothing and writes nothing.
    firstTab.channel.silence()

    const second = tab({ db: openPlanDb(first.db.name), locks: newTab().locks })
    await second.store.getState().documentOpen('plan-1')
    expect(await second.store.getState().documentTakeOver()).toBe(true)
    expect(names(second.store.getState().document?.plan)).toEqual([])
    await expect.poll(() => first.store.getState().document?.readOnly).toBe('other-window')
    expect(first.store.getState().document).toMatchObject({ storage: 'failed', isUnstoredShown: true })
    expect(names(first.store.getState().document?.plan)).toEqual(['Only in memory'])
    expect(first.store.getState().notices.some((notice) => notice.action === 'download')).toBe(true)
    // Its pending write never lands over the second window's plan.
    first.runDeferred()
    await first.store.getState().documentFlush()
    expect(names((await planDbLoad(first.db, 'plan-1'))?.plan)).toEqual([])
  })

  it('a change stored by a window without locks makes this one read-only instead of accepting edits it cannot store', async () => {
    const first = tab()
    await first.store.getState().planCreate('Shared')
    const other = tab({ db: openPlanDb(first.db.name) })
    await other.store.getState().documentOpen('plan-1')
    other.store.getState().documentCommit(addTask(other.store.getState().document!.plan, 'Elsewhere'))
    await other.store.getState().documentFlush()
    await expect.poll(() => first.store.getState().document?.readOnly).toBe('changed')
    expect(first.store.getState().documentCommit(addTask(first.store.getState().document!.plan, 'Here'))).toBe(false)
    expect(lastNotice(first.store)?.action).toBe('reload')
  })
})

describe('two windows: the plan list and the editor', () => {
  it('the store says the plan is read-only here, so the editor refuses every command', async () => {
    const newTab = sharedLocks()
    const first = tab({ locks: newTab().locks })
    await first.store.getState().planCreate('Shared')
    const second = tab({ db: openPlanDb(first.db.name), locks: newTab().locks })
    await second.store.getState().documentOpen('plan-1')
    expect(second.store.getState().documentIsReadOnly).toBe(true)
    const shown = second.store.getState().document?.plan
    expect(second.store.getState().editorRun('task/insert', { index: 0 }).ok).toBe(false)
    expect(second.store.getState().editorSelection).toEqual([])
    expect(second.store.getState().document?.plan).toBe(shown)
    await second.store.getState().documentTakeOver()
    expect(second.store.getState().documentIsReadOnly).toBe(false)
    expect(first.store.getState().documentIsReadOnly).toBe(true)
  })

  it('opening a file over a plan another window edits opens it beside that plan', async () => {
    const newTab = sharedLocks()
    const db = openPlanDb()
    const { planDbCreate } = await import('../../src/renderer/src/db/plan-db')
    // A plan saved to its file (so opening the file again would replace it), edited in the first window.
    const original = generatePlan({ tasks: 5, seed: 1 })
    await planDbCreate(db, { ...original, id: 'plan-1', name: 'Edited there' }, { documentToken: 't0', fileName: 'same.gantry' })
    const first = tab({ db, locks: newTab().locks })
    await first.store.getState().documentOpen('plan-1')
    expect(first.store.getState().document?.readOnly).toBeNull()
    const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value })
    const platform = fakeWebPlatform({
      'plan/open': () => ok({ documentToken: 't', fileName: 'same.gantry', plan: { ...original, id: 'plan-1', name: 'From the file' } }),
      'plan/recent': () => ok([]),
      'window/setTitle': () => ok(undefined),
    })
    const second = tab({ db: openPlanDb(db.name), locks: newTab().locks, platform, idPrefix: 'second' })
    expect(await second.store.getState().documentOpenFile()).toBe(true)
    expect(second.store.getState().document?.plan.id).not.toBe('plan-1')
    expect(second.store.getState().document?.readOnly).toBeNull()
    expect((await planDbLoad(db, 'plan-1'))?.plan.name).toBe('Edited there')
  })

  it('renaming or deleting from the list a plan another window edits is refused', async () => {
    const newTab = sharedLocks()
    const first = tab({ locks: newTab().locks })
    await first.store.getState().planCreate('Edited there')
    const second = tab({ db: openPlanDb(first.db.name), locks: newTab().locks })
    await second.store.getState().planRename('plan-1', 'Renamed here')
    expect(lastNotice(second.store)?.message).toBe(planEditedElsewhereMessage)
    await second.store.getState().planDelete('plan-1')
    expect((await planDbLoad(first.db, 'plan-1'))?.plan.name).toBe('Edited there')
    // Once the first window closes the plan, the list may change it.
    await first.store.getState().documentFlush()
    first.store.getState().documentClose()
    await expect
      .poll(async () => {
        await second.store.getState().planRename('plan-1', 'Renamed here')
        return (await planDbLoad(first.db, 'plan-1'))?.plan.name
      })
      .toBe('Renamed here')
  })
})

describe('writes while the page is hidden or closed', () => {
  it('an urgent write with writes in flight stores exactly the latest plan, whatever the edits (property)', async () => {
    const plan = generatePlan({ tasks: 1500, seed: 21 })
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            kind: fc.constantFrom('insert' as const, 'delete' as const, 'rename' as const, 'move' as const),
            at: fc.nat(),
            count: fc.integer({ min: 1, max: 600 }),
            then: fc.constantFrom('nothing' as const, 'write' as const, 'urgent' as const),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        async (steps) => {
          const db = openPlanDb()
          const { planDbCreate } = await import('../../src/renderer/src/db/plan-db')
          await planDbCreate(db, plan)
          const newTab = sharedLocks()
          const { store } = tab({ db, locks: newTab().locks, afterPaint: 'manual' })
          await store.getState().documentOpen(plan.id)
          let nextId = 100_000
          for (const step of steps) {
            const current = store.getState().document!.plan
            const tasks = current.tasks.slice()
            const at = step.at % (tasks.length + 1)
            if (step.kind === 'insert') {
              const added = Array.from({ length: step.count }, () => ({ ...(tasks[0] as Plan['tasks'][number]), id: nextId++, name: `New ${nextId}`, level: 1 }))
              tasks.splice(at, 0, ...added)
            } else if (step.kind === 'delete') tasks.splice(at, step.count)
            else if (step.kind === 'rename' && tasks.length > 0) {
              const index = at % tasks.length
              tasks[index] = { ...(tasks[index] as Plan['tasks'][number]), name: `Renamed ${nextId++}` }
            } else if (step.kind === 'move' && tasks.length > 1) {
              const [moved] = tasks.splice(at % tasks.length, 1)
              tasks.splice(step.count % (tasks.length + 1), 0, moved as Plan['tasks'][number])
            }
            store.getState().documentCommit({ ...current, tasks, dependencies: [], assignments: [] })
            // A normal write left in flight, or the page hidden now (an urgent write over the ones in flight).
            if (step.then === 'write') void store.getState().documentFlush()
            if (step.then === 'urgent') void store.getState().documentFlushNow()
          }
          void store.getState().documentFlushNow()
          await store.getState().documentFlush()
          const stored = await planDbLoad(db, plan.id)
          expect(stored?.plan.tasks).toEqual(store.getState().document?.plan.tasks)
        },
      ),
      { numRuns: 25, seed: 5 },
    )
  })
})

describe('when storage fails', () => {
  it('the desktop app writes a recovery copy at once, also for a plan never saved to a file', async () => {
    const recovery: Recovery = { written: [], answer: { ok: true, value: undefined } }
    const { store, db } = tab({ platform: desktopPlatform(recovery) })
    const control = storageFaults(db)
    await store.getState().planCreate('Desktop')
    expect(store.getState().document?.file).toBeNull()
    control.mode = 'fail'
    store.getState().documentCommit(addTask(store.getState().document!.plan, 'Typed'))
    await store.getState().documentFlush()
    await expect.poll(() => recovery.written.length).toBe(1)
    expect(names(recovery.written[0])).toEqual(['Typed'])
    expect(lastNotice(store)).toMatchObject({ kind: 'error', action: 'save-as', message: expect.stringMatching(/recovery copy/) })
    expect(store.getState().document).toMatchObject({ storage: 'failed', isUnstoredShown: true })
  })

  it('a recovery copy that fails is reported', async () => {
    const recovery: Recovery = { written: [], answer: { ok: false, error: { code: 'io', message: 'The disk is full.' } } }
    const { store, db } = tab({ platform: desktopPlatform(recovery) })
    const control = storageFaults(db)
    await store.getState().planCreate('Desktop')
    control.mode = 'fail'
    store.getState().documentCommit(addTask(store.getState().document!.plan, 'Typed'))
    await store.getState().documentFlush()
    await expect.poll(() => lastNotice(store)?.message).toMatch(/recovery copy could not be written: The disk is full/)
    expect(lastNotice(store)).toMatchObject({ kind: 'error', action: 'save-as' })
  })

  it('closing the desktop window with changes storage refused asks instead of closing', async () => {
    const recovery: Recovery = { written: [], answer: { ok: true, value: undefined } }
    const platform = desktopPlatform(recovery)
    const { store, db } = tab({ platform })
    const control = storageFaults(db)
    await store.getState().planCreate('Desktop')
    control.mode = 'fail'
    store.getState().documentCommit(addTask(store.getState().document!.plan, 'Typed'))
    store.getState().closeRequested()
    await expect.poll(() => store.getState().isClosePromptOpen).toBe(true)
    expect((platform as unknown as { confirmedCloses: number }).confirmedCloses).toBe(0)
  })

  it('once storage works again, the next write stores every edit kept in memory and the marker goes', async () => {
    const { store, db } = tab()
    const control = storageFaults(db)
    await store.getState().planCreate('Flaky')
    control.mode = 'fail'
    store.getState().documentCommit(addTask(store.getState().document!.plan, 'First'))
    await store.getState().documentFlush()
    expect(store.getState().document?.storage).toBe('failed')
    control.mode = 'ok'
    store.getState().documentCommit(addTask(store.getState().document!.plan, 'Second'))
    await store.getState().documentFlush()
    expect(store.getState().document).toMatchObject({ storage: 'stored', isUnstoredShown: false })
    expect(store.getState().documentHasUnstoredEdits()).toBe(false)
    expect(names((await planDbLoad(db, 'plan-1'))?.plan)).toEqual(['First', 'Second'])
    expect(lastNotice(store)?.message).toMatch(/stored again/)
  })

  it('an edit not stored after a while is shown as not stored, and the marker goes when it lands', async () => {
    const { store, runDeferred } = tab({ afterPaint: 'manual' })
    await store.getState().planCreate('Slow')
    store.getState().documentCommit(addTask(store.getState().document!.plan, 'Slow edit'))
    expect(store.getState().document).toMatchObject({ storage: 'pending', isUnstoredShown: false })
    expect(store.getState().documentHasUnstoredEdits()).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, unstoredNoticeDelayMs + 200))
    expect(store.getState().document?.isUnstoredShown).toBe(true)
    runDeferred()
    await store.getState().documentFlush()
    expect(store.getState().document).toMatchObject({ storage: 'stored', isUnstoredShown: false })
  })
})

function fakePage() {
  const listeners = new Map<string, ((event: Event) => void)[]>()
  let hidden = false
  const page: PageEvents = {
    addWindowListener(type, listener) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener])
      return () => listeners.set(type, (listeners.get(type) ?? []).filter((item) => item !== listener))
    },
    addDocumentListener(type, listener) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener])
      return () => listeners.set(type, (listeners.get(type) ?? []).filter((item) => item !== listener))
    },
    isHidden: () => hidden,
  }
  const fire = (type: string) => {
    let isPrevented = false
    const event = { preventDefault: () => (isPrevented = true) } as unknown as Event
    for (const listener of listeners.get(type) ?? []) listener(event)
    return isPrevented
  }
  return { page, fire, hide: () => (hidden = true), count: (type: string) => (listeners.get(type) ?? []).length }
}

describe('the page life cycle', () => {
  it('writes a pending edit when the page is hidden, without waiting for the frame', async () => {
    const platform = browserPlatform()
    const { store, db } = tab({ afterPaint: 'manual', platform })
    const page = fakePage()
    const stop = appStart(store, platform, page.page)
    await store.getState().planCreate('Hidden')
    store.getState().documentCommit(addTask(store.getState().document!.plan, 'Just typed'))
    page.hide()
    page.fire('visibilitychange')
    // No flush from the test: the event alone must have written it.
    await expect.poll(async () => names((await planDbLoad(db, 'plan-1'))?.plan), { timeout: 2000 }).toEqual(['Just typed'])
    stop()
  })

  it('writes a pending edit on pagehide', async () => {
    const platform = browserPlatform()
    const { store, db } = tab({ afterPaint: 'manual', platform })
    const page = fakePage()
    const stop = appStart(store, platform, page.page)
    await store.getState().planCreate('Closing')
    store.getState().documentCommit(addTask(store.getState().document!.plan, 'Last'))
    page.fire('pagehide')
    await expect.poll(async () => names((await planDbLoad(db, 'plan-1'))?.plan), { timeout: 2000 }).toEqual(['Last'])
    stop()
  })

  it('in browser mode, closing the tab asks while an edit is not stored, and not otherwise', async () => {
    const platform = browserPlatform()
    const { store, db } = tab({ afterPaint: 'manual', platform })
    const control = storageFaults(db)
    const page = fakePage()
    const stop = appStart(store, platform, page.page)
    await store.getState().planCreate('Prompt')
    expect(page.fire('beforeunload')).toBe(false)
    control.mode = 'fail'
    store.getState().documentCommit(addTask(store.getState().document!.plan, 'Unstored'))
    expect(page.fire('beforeunload')).toBe(true)
    await store.getState().documentFlush()
    expect(page.fire('beforeunload')).toBe(true)
    stop()
    expect(page.count('beforeunload')).toBe(0)
  })

  it('the desktop app does not use beforeunload (main asks before closing)', async () => {
    const platform = desktopPlatform({ written: [], answer: { ok: true, value: undefined } })
    const { store } = tab({ platform })
    const page = fakePage()
    const stop = appStart(store, platform, page.page)
    expect(page.count('beforeunload')).toBe(0)
    expect(page.count('pagehide')).toBe(1)
    stop()
  })
})
