import { loadCompute, loadUpdate, type PlanLoad } from '../../../shared/domain/load'
import type { Plan, Task, TaskId } from '../../../shared/domain/model'
import type { Schedule, ScheduleResult } from '../../../shared/domain/schedule-types'
import type { DocumentRef, IpcResult } from '../../../shared/ipc/contract'
import { formatsExportLeftOut } from '../../../shared/formats/pipeline'
import {
  planDbApply,
  planDbCreate,
  planDbErrorFrom,
  planDbLoad,
  planDbReplace,
  planDbRowContent,
  planDbRowContentEqual,
  planDbWatchRevision,
  type PlanDbError,
  type PlanFileLink,
  type PlanLayout,
  type PlanRowContent,
  type StoredPlan,
} from '../db/plan-db'
import { platformRestore } from '../platform/restored'
import { afterPaintDefault } from './deps'
import {
  scheduleSameInput,
  scheduleSessionStart,
  scheduleSessionUpdate,
  type ScheduleSession,
} from './document-schedule'
import { planChangesBetween, planChangesIsEmpty } from './plan-changes'
import type { PlanLockHandle } from './plan-lock'
import type { SliceCreator } from './slice'
import type { DocumentSlice, PlanDocument, ReadOnlyReason, StoreDeps } from './types'

/** Delay between an edit and the recovery copy of a plan whose file is behind, in milliseconds. */
export const recoveryDelayMs = 2000

/** A version of the open plan as IndexedDB holds it (or will, once the write producing it succeeds). */
type Persisted = { planId: string; plan: Plan; layout: PlanLayout; revision: number; row: PlanRowContent }

function taskIndexOf(plan: Plan, schedule: ScheduleResult | null): ReadonlyMap<TaskId, number> {
  // The engine indexes the tasks of the plan it scheduled; reuse that map (O(1) instead of O(tasks) per edit).
  if (schedule !== null && schedule.ok && schedule.schedule.taskCount === plan.tasks.length)
    return schedule.schedule.indexOf
  const index = new Map<TaskId, number>()
  plan.tasks.forEach((task, position) => index.set(task.id, position))
  return index
}

/** Whether two plans have the same task ids in the same order. */
function isSameTaskList(a: readonly Task[], b: readonly Task[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let index = 0; index < a.length; index++) if ((a[index] as Task).id !== (b[index] as Task).id) return false
  return true
}

/** Warnings an import notice lists in full; the rest are counted. */
export const importWarningsShown = 3
/** Longer warnings (a task name from the file can be long) are cut to this many characters in the notice. */
const importWarningMaxChars = 200

/** The notice after an import whose reader had warnings: the file, how many, the first few, and how many more. */
export function importWarningsNotice(fileName: string, warnings: readonly string[]): string {
  const shown = warnings
    .slice(0, importWarningsShown)
    .map((warning) =>
      warning.length > importWarningMaxChars ? `${warning.slice(0, importWarningMaxChars - 1)}…` : warning,
    )
  const more = warnings.length - shown.length
  const count = warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`
  return `Imported "${fileName}" with ${count}: ${shown.join(' ')}${more > 0 ? ` …and ${more} more.` : ''}`
}

function planForFile(plan: Plan, now: string): Plan {
  return { ...plan, updatedAt: now }
}

/** How long a write may be pending before the workspace says the latest changes are not stored yet, in ms. */
export const unstoredNoticeDelayMs = 1500

const readOnlyMessages: Record<ReadOnlyReason, string> = {
  'other-window':
    'This plan is being edited in another window or tab, so it is read-only here. Take over editing to change it here.',
  changed:
    'This plan was changed in another window or tab, so it is read-only here. Reload to see the latest version.',
  deleted: 'This plan was deleted in another window or tab. Save it to a file to keep it.',
}

export function createDocumentSlice(deps: StoreDeps): SliceCreator<DocumentSlice> {
  return (set, get) => {
    /** What IndexedDB holds for the open plan, as confirmed by the last write that succeeded (or the load). */
    let confirmed: Persisted | null = null
    /** Writes in flight; each one is based on the one issued before it (IndexedDB runs them in order). */
    const inFlight = new Set<Promise<void>>()
    /** What IndexedDB will hold after each write in flight, oldest first. */
    const pending: Persisted[] = []
    /** The highest revision this window wrote or is writing, so watching does not mistake it for another window's. */
    let ownRevision = 0
    /** The newest version of the open plan, which IndexedDB must catch up with (kept after the plan is closed). */
    let latest: Plan | null = null
    /** The file link stored with the plan row. */
    let fileLink: PlanFileLink | null = null
    /** The plan version the linked file holds, if known. */
    let savedPlan: Plan | null = null
    /** Why the open plan refuses edits here, or `null`. */
    let readOnly: ReadOnlyReason | null = null
    /** Whether this window writes the open plan (false once another window edits, changed or deleted it). */
    let canWrite = true
    /** Whether the last write failed (storage full, I/O): the edits since are only in memory. */
    let hasWriteFailed = false
    let queue: Promise<unknown> = Promise.resolve()
    let recoveryTimer: ReturnType<typeof setTimeout> | null = null
    let unstoredTimer: ReturnType<typeof setTimeout> | null = null
    let stopWatching: (() => void) | null = null
    /** The editing lock of the open plan (with the Web Locks API), and how to stop listening for take-over requests. */
    let lock: PlanLockHandle | null = null
    let lockPlanId: string | null = null
    /** Resolves once the lock this window let go of last is free again. */
    let lockReleasing: Promise<void> = Promise.resolve()
    let stopTakeOverListener: (() => void) | null = null
    /** The scheduling engine of the open plan, updated in place by edits it understands. */
    let session: ScheduleSession | null = null
    /** The newest resource load the store computed for the open plan. */
    let loadMemo: PlanLoad | null = null
    let isLoadPublishPending = false
    let isWriteScheduled = false
    /** Edits waited for a write in flight: write them when it is done. */
    let isWriteWaiting = false
    const afterPaint = deps.afterPaint ?? afterPaintDefault
    const isBrowser = deps.platform.kind === 'web'

    /** The newest version IndexedDB will hold if every write in flight succeeds. */
    const head = (): Persisted | null => pending.at(-1) ?? confirmed

    const hasUnstored = (): boolean => {
      const base = confirmed
      return latest !== null && base !== null && base.planId === latest.id && latest !== base.plan
    }

    /** What the document shows about storage, from the writer's state. */
    const storageState = (): PlanDocument['storage'] => {
      if (!hasUnstored()) return 'stored'
      if (hasWriteFailed || !canWrite) return 'failed'
      return 'pending'
    }

    /** Publishes the storage state and the read-only reason when they changed. */
    const syncDocumentState = () => {
      const document = get().document
      if (document === null) return
      const storage = storageState()
      const isUnstoredShown = storage === 'failed' || (storage === 'pending' && document.isUnstoredShown)
      if (document.storage === storage && document.readOnly === readOnly && document.isUnstoredShown === isUnstoredShown)
        return
      set({ document: { ...document, storage, readOnly, isUnstoredShown }, documentIsReadOnly: readOnly !== null })
    }

    /** After an edit: a write that is still pending after a while is shown as "not stored yet". */
    const watchPendingWrite = () => {
      if (unstoredTimer !== null) return
      unstoredTimer = setTimeout(() => {
        unstoredTimer = null
        const document = get().document
        if (document !== null && hasUnstored() && !document.isUnstoredShown) {
          set({ document: { ...document, isUnstoredShown: true } })
        }
      }, unstoredNoticeDelayMs)
    }

    const releaseLock = () => {
      stopTakeOverListener?.()
      stopTakeOverListener = null
      if (lock !== null) {
        lock.release()
        lockReleasing = lock.released
      }
      lock = null
      lockPlanId = null
    }

    /** This window stops editing the open plan: edits are refused, and nothing more is written. */
    const becomeReadOnly = (reason: ReadOnlyReason) => {
      if (readOnly === reason && !canWrite) return
      readOnly = reason
      canWrite = false
      get().noticeAdd(
        reason === 'other-window' ? 'warning' : 'error',
        readOnlyMessages[reason],
        reason === 'other-window' ? 'take-over' : reason === 'changed' ? 'reload' : 'save-as',
      )
      if (hasUnstored()) reportUnstored()
      syncDocumentState()
    }

    /**
     * Edits are only in memory (storage failed, or another window took the plan): offer a way to keep them. In
     * browser mode a download of the plan; on the desktop a recovery copy written now (also for plans never saved
     * to a file), offered at the next start.
     */
    const reportUnstored = (failure?: PlanDbError) => {
      const reason = failure?.message ?? 'Changes made here are not stored in Gantry.'
      if (isBrowser) {
        get().noticeAdd('error', `${reason} Download the plan to keep them.`, 'download')
        return
      }
      get().noticeAdd('error', `${reason} A recovery copy is written and offered when Gantry starts again.`, 'save-as')
      writeRecoveryNow()
    }

    /** Another window changed or deleted the open plan: this one becomes read-only. */
    const watchForOtherWindows = (planId: string) => {
      stopWatching?.()
      stopWatching = planDbWatchRevision(deps.db, planId, (revision) => {
        const base = confirmed
        if (base === null || base.planId !== planId) return
        if (revision === null) becomeReadOnly('deleted')
        else if (revision > Math.max(base.revision, ownRevision) && readOnly === null) becomeReadOnly('changed')
      })
    }

    /** Runs storage jobs one after another, so every write sees the revision of the one before. */
    const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
      const run = queue.then(job)
      queue = run.catch(() => undefined)
      return run
    }

    const scheduleOf = (plan: Plan, previous: PlanDocument | null): ScheduleResult | null => {
      const prepare = deps.schedulePrepare
      if (prepare !== undefined) {
        session =
          session !== null && previous !== null && session.plan === previous.plan
            ? scheduleSessionUpdate(prepare, session, plan)
            : scheduleSessionStart(prepare, plan)
        return session.result
      }
      if (deps.schedule === null) return null
      if (previous !== null && previous.schedule !== null && scheduleSameInput(previous.plan, plan))
        return previous.schedule
      return deps.schedule(plan)
    }

    /** The load of the open plan for its schedule, from the last one computed where the task list allows. */
    const loadOf = (plan: Plan, schedule: Schedule): PlanLoad => {
      const last = loadMemo
      if (last !== null && last.plan === plan && last.schedule === schedule) return last
      loadMemo =
        last !== null && last.plan.id === plan.id && isSameTaskList(last.plan.tasks, plan.tasks)
          ? loadUpdate(last, plan, schedule)
          : loadCompute(plan, schedule)
      return loadMemo
    }

    /** Publishes the load of the open plan's current version after the frame that shows the edit. */
    const publishLoadLater = () => {
      if (isLoadPublishPending) return
      isLoadPublishPending = true
      afterPaint(() => {
        isLoadPublishPending = false
        const document = get().document
        if (document === null || document.schedule === null || !document.schedule.ok) return
        const load = loadOf(document.plan, document.schedule.schedule)
        if (load !== document.load) set({ document: { ...document, load } })
      })
    }

    const documentOf = (stored: StoredPlan): PlanDocument => {
      const isDirty = stored.file !== null && stored.file.savedRevision !== stored.revision
      savedPlan = isDirty ? null : stored.plan
      session = null
      loadMemo = null
      const schedule = scheduleOf(stored.plan, null)
      return {
        plan: stored.plan,
        taskIndex: taskIndexOf(stored.plan, schedule),
        schedule,
        // Computed with the schedule, so every view shows the load from the first frame.
        load: schedule !== null && schedule.ok ? loadOf(stored.plan, schedule.schedule) : null,
        file: stored.file,
        isDirty,
        storage: 'stored',
        isUnstoredShown: false,
        readOnly,
        undoStack: [],
        redoStack: [],
      }
    }

    /** Takes the editing lock of a plan where the platform has locks; whether this window may edit it. */
    const claimEditing = async (planId: string, isTakeOver: boolean): Promise<boolean> => {
      const locks = deps.locks ?? null
      // Opening the plan this window already edits again (from the plan list) keeps its lock.
      if (lock !== null && lockPlanId === planId) return true
      if (lock !== null) releaseLock()
      if (locks === null) return true
      // A lock this window let go of (closing the plan) must be free before asking again.
      await lockReleasing
      const handle = isTakeOver ? await locks.takeOver(planId) : await locks.tryAcquire(planId)
      if (handle === null) return false
      lock = handle
      lockPlanId = planId
      stopTakeOverListener = locks.onTakeOverRequest(planId, () => {
        if (lock !== handle) return
        // Another window takes over: stop editing, store what is pending, then let go.
        becomeReadOnlyForTakeOver(handle)
      })
      void handle.lost.then(() => {
        if (lock !== handle) return
        lock = null
        stopTakeOverListener?.()
        stopTakeOverListener = null
        becomeReadOnly('other-window')
      })
      return true
    }

    const becomeReadOnlyForTakeOver = (handle: PlanLockHandle) => {
      // Edits are refused from now on; what is pending is still written before the lock is let go.
      readOnly = 'other-window'
      syncDocumentState()
      void flushWrites().finally(() => {
        if (lock === handle) releaseLock()
        canWrite = false
        get().noticeAdd('warning', readOnlyMessages['other-window'], 'take-over')
        if (hasUnstored()) reportUnstored()
        syncDocumentState()
      })
    }

    const show = (stored: StoredPlan, isEditable: boolean) => {
      confirmed = {
        planId: stored.plan.id,
        plan: stored.plan,
        layout: stored.layout,
        revision: stored.revision,
        row: stored.row,
      }
      pending.length = 0
      ownRevision = stored.revision
      latest = stored.plan
      fileLink = stored.file
      hasWriteFailed = false
      readOnly = isEditable ? null : 'other-window'
      canWrite = isEditable
      watchForOtherWindows(stored.plan.id)
      set({ document: documentOf(stored), documentIsReadOnly: !isEditable, view: 'workspace' })
      if (!isEditable) get().noticeAdd('warning', readOnlyMessages['other-window'], 'take-over')
    }

    /** Shows a stored plan, editable if this window gets its editing lock. */
    const showStored = async (stored: StoredPlan, isTakeOver = false) => {
      const isEditable = await claimEditing(stored.plan.id, isTakeOver)
      show(stored, isEditable)
    }

    /**
     * Issues the write of whatever the open plan has that IndexedDB will not hold after the writes in flight, as one
     * incremental change, at once (all its requests in this call). Returns the write, or `null` if there is none.
     *
     * While this window holds the plan's editing lock no other window writes the plan, and every write commits as soon
     * as its requests are done instead of waiting for this page's event loop: a page closed right after an edit
     * takes an uncommitted transaction with it (and the ones queued behind it, committed or not). The revision is
     * still checked and a mismatch reported; only without locks can it also roll the write back.
     * @param isUrgent the page is being hidden or closed: commit at once even without the lock
     */
    const issueWrite = (isUrgent: boolean): Promise<void> | null => {
      const target = latest
      const base = head()
      if (target === null || base === null || base.planId !== target.id || !canWrite) return null
      const row = planDbRowContent(target, fileLink)
      if (target === base.plan && planDbRowContentEqual(row, base.row)) return null
      const { changes, layout } = planChangesBetween(base.plan, target, base.layout)
      const next: Persisted = { planId: target.id, plan: target, layout, revision: base.revision + 1, row }
      if (planChangesIsEmpty(changes) && planDbRowContentEqual(row, base.row)) {
        // Nothing to store (an edit undone before it was written): the target is what IndexedDB holds.
        const same = { ...base, plan: target, layout }
        if (pending.length === 0) confirmed = same
        else pending[pending.length - 1] = same
        syncDocumentState()
        return null
      }
      pending.push(next)
      ownRevision = Math.max(ownRevision, next.revision)
      const write = planDbApply(deps.db, target.id, changes, base.revision, deps.now(), {
        row,
        commitNow: isUrgent || lock !== null,
      })
        .then(
          () => {
            if (confirmed === null || confirmed.revision < next.revision) confirmed = next
            if (hasWriteFailed) {
              hasWriteFailed = false
              if (!hasUnstored()) get().noticeAdd('info', 'Your changes are stored again.')
            }
          },
          (error: unknown) => {
            const failure = planDbErrorFrom(error)
            // A write based on one that failed fails too (its expected revision never came): only the first reports.
            const isConsequence = confirmed !== null && base.revision > confirmed.revision
            // Writes issued after this one were based on it: they fail too, and the next write starts from what is
            // confirmed.
            for (let index = pending.length - 1; index >= 0; index--) {
              if ((pending[index] as Persisted).revision >= next.revision) pending.splice(index, 1)
            }
            if (isConsequence) return
            if (failure.code === 'conflict') becomeReadOnly('changed')
            else if (failure.code === 'not-found') becomeReadOnly('deleted')
            else {
              hasWriteFailed = true
              reportUnstored(failure)
            }
          },
        )
        .finally(() => {
          const index = pending.indexOf(next)
          if (index >= 0) pending.splice(index, 1)
          inFlight.delete(write)
          syncDocumentState()
          // Edits made while this write was in flight are written now.
          if (isWriteWaiting && inFlight.size === 0) {
            isWriteWaiting = false
            void issueWrite(false)
          }
        })
      inFlight.add(write)
      return write
    }

    /**
     * Resolves when every edit so far has been attempted: waits for the writes in flight, writes what is left, and
     * waits for that too. Writes are not stacked on writes in flight (one that fails would leave the next, committed
     * at once, based on a version never stored), except when the page is being hidden or closed (`isUrgent`).
     */
    const flushWrites = async (isUrgent = false): Promise<void> => {
      if (isUrgent) void issueWrite(true)
      while (inFlight.size > 0) await Promise.allSettled([...inFlight])
      const write = issueWrite(false)
      if (write !== null) await write
      while (inFlight.size > 0) await Promise.allSettled([...inFlight])
    }

    /** Stores the edits after the frame that shows them (several quick edits become one write). */
    const writeLater = () => {
      if (isWriteScheduled) return
      isWriteScheduled = true
      afterPaint(() => {
        isWriteScheduled = false
        if (inFlight.size > 0) isWriteWaiting = true
        else void issueWrite(false)
      })
    }

    const writeRecoveryNow = () => {
      const document = get().document
      if (document === null) return
      void deps.platform.invoke['recovery/write']({ plan: document.plan }).then(
        (result) => {
          if (!result.ok)
            get().noticeAdd(
              'error',
              `The recovery copy could not be written: ${result.error.message} Save the plan to a file now.`,
              'save-as',
            )
        },
        (error: unknown) =>
          get().noticeAdd(
            'error',
            `The recovery copy could not be written: ${error instanceof Error ? error.message : String(error)} Save the plan to a file now.`,
            'save-as',
          ),
      )
    }

    const recoveryLater = () => {
      if (recoveryTimer !== null) clearTimeout(recoveryTimer)
      recoveryTimer = setTimeout(() => {
        recoveryTimer = null
        const document = get().document
        if (document === null || (!document.isDirty && document.storage !== 'failed')) return
        writeRecoveryNow()
      }, recoveryDelayMs)
    }

    /** Makes `next` the open plan; refused (with a notice) while the plan is read-only here. */
    const setPlan = (next: Plan, undoStack: Plan[], redoStack: Plan[]): boolean => {
      const document = get().document
      if (document === null) return false
      if (readOnly !== null) {
        get().noticeAdd(
          readOnly === 'other-window' ? 'warning' : 'error',
          readOnlyMessages[readOnly],
          readOnly === 'other-window' ? 'take-over' : readOnly === 'changed' ? 'reload' : 'save-as',
        )
        return false
      }
      const isDirty = document.file !== null && next !== savedPlan
      latest = next
      const schedule = scheduleOf(next, document)
      const storage = storageState()
      set({
        document: {
          ...document,
          plan: next,
          taskIndex: next.tasks === document.plan.tasks ? document.taskIndex : taskIndexOf(next, schedule),
          schedule,
          // The previous load stays until the new one is published after this frame.
          load: schedule !== null && schedule.ok ? document.load : null,
          isDirty,
          storage,
          isUnstoredShown: storage === 'failed' || (storage === 'pending' && document.isUnstoredShown),
          undoStack,
          redoStack,
        },
      })
      if (schedule !== null && schedule.ok) publishLoadLater()
      writeLater()
      if (storage === 'pending') watchPendingWrite()
      if (isDirty || hasWriteFailed) recoveryLater()
      return true
    }

    /** Records that the linked file now holds `plan`. */
    const linkFile = async (plan: Plan, ref: DocumentRef) => {
      await flushWrites()
      const base = head()
      const isContentStored = base !== null && base.planId === plan.id && latest === plan
      const link: PlanFileLink = {
        documentToken: ref.documentToken,
        fileName: ref.fileName,
        // The write that stores the link stores exactly `plan` when nothing was edited since: the file holds it.
        savedRevision: isContentStored && readOnly === null ? base.revision + 1 : -1,
      }
      if (base !== null && base.planId === plan.id) fileLink = link
      await flushWrites()
      savedPlan = plan
      const document = get().document
      if (document !== null && document.plan.id === plan.id) {
        set({ document: { ...document, file: link, isDirty: document.plan !== plan } })
      }
      void deps.platform.invoke['recovery/discard']({ planId: plan.id })
      void get().plansRefresh()
      void get().recentRefresh()
    }

    const afterSave = async (plan: Plan, result: IpcResult<DocumentRef>): Promise<boolean> => {
      if (!result.ok) {
        if (result.error.code !== 'canceled') get().noticeAdd('error', result.error.message, 'save-as')
        return false
      }
      await linkFile(plan, result.value)
      get().noticeAdd('info', `Saved to ${result.value.fileName}.`)
      return true
    }

    /** Whether another window holds the editing lock of a stored plan (this window's own plan is not "elsewhere"). */
    const isEditedElsewhere = async (planId: string): Promise<boolean> => {
      const locks = deps.locks ?? null
      if (locks === null || lockPlanId === planId) return false
      const handle = await locks.tryAcquire(planId)
      if (handle === null) return true
      handle.release()
      await handle.released
      return false
    }

    /** Stores a plan that came from a file or the main process and opens it. */
    const storeAndOpen = async (
      candidate: unknown,
      file: Omit<PlanFileLink, 'savedRevision'> | null,
      mode: 'file' | 'import' | 'recovery',
    ): Promise<boolean> => {
      const restored = platformRestore(candidate)
      if (!restored.ok) {
        get().noticeAdd('error', restored.error.message)
        return false
      }
      let plan = restored.plan
      try {
        await flushWrites()
        const stored = await enqueue(async () => {
          if (mode === 'import') return planDbCreate(deps.db, { ...plan, id: deps.newId() }, null)
          const existing = await planDbLoad(deps.db, plan.id)
          if (existing === null) return planDbCreate(deps.db, plan, mode === 'file' ? file : null)
          if (await isEditedElsewhere(plan.id)) {
            // Replacing it would write under the window that edits it: open the file beside it.
            plan = { ...plan, id: deps.newId() }
            get().noticeAdd(
              'info',
              `"${plan.name}" is being edited in another window or tab, so the file was opened as a separate plan.`,
            )
            return planDbCreate(deps.db, plan, mode === 'file' ? file : null)
          }
          if (mode === 'recovery')
            return planDbReplace(deps.db, plan, existing.revision, existing.file, false)
          const isExistingSaved = existing.file !== null && existing.file.savedRevision === existing.revision
          if (isExistingSaved) return planDbReplace(deps.db, plan, existing.revision, file)
          // The stored plan has changes its file lacks: keep them, and open the file beside it.
          plan = { ...plan, id: deps.newId() }
          get().noticeAdd(
            'info',
            `"${plan.name}" is already in Gantry with changes that are not in this file, so the file was opened as a separate plan.`,
          )
          return planDbCreate(deps.db, plan, file)
        })
        await showStored(stored)
        void get().plansRefresh()
        void get().recentRefresh()
        return true
      } catch (error) {
        get().noticeAdd('error', planDbErrorFrom(error).message, 'save-as')
        return false
      }
    }

    const loadAndShow = async (planId: string, isTakeOver: boolean): Promise<boolean> => {
      try {
        await flushWrites()
        const stored = await enqueue(() => planDbLoad(deps.db, planId))
        if (stored === null) {
          get().noticeAdd(
            'error',
            'This plan is no longer stored. It may have been deleted in another window.',
          )
          void get().plansRefresh()
          return false
        }
        await showStored(stored, isTakeOver)
        return true
      } catch (error) {
        get().noticeAdd('error', planDbErrorFrom(error).message)
        return false
      }
    }

    return {
      document: null,
      documentIsReadOnly: false,

      documentOpen(planId) {
        return loadAndShow(planId, false)
      },

      async documentTakeOver() {
        const document = get().document
        if (document === null) return false
        // Edits made here that could not be stored would be replaced by the stored plan: keep them downloadable.
        if (hasUnstored()) {
          get().noticeAdd(
            'error',
            'Changes made here that were not stored are replaced by the stored plan. Download this version first to keep them.',
            isBrowser ? 'download' : 'save-as',
          )
          return false
        }
        const isTaken = await loadAndShow(document.plan.id, true)
        if (isTaken) get().noticeAdd('info', 'You are editing this plan here now.')
        return isTaken
      },

      async documentDownloadCopy() {
        const document = get().document
        if (document === null) return false
        const result = await deps.platform.invoke['plan/saveAs']({ plan: planForFile(document.plan, deps.now()) })
        if (!result.ok) {
          if (result.error.code !== 'canceled') get().noticeAdd('error', result.error.message)
          return false
        }
        get().noticeAdd('info', `Saved a copy as ${result.value.fileName}.`)
        return true
      },

      documentClose() {
        // Edits not yet written still are: `latest` and the writer's state stay until the writes have finished.
        const closing = flushWrites()
        const closingLock = lock
        lock = null
        lockPlanId = null
        stopTakeOverListener?.()
        stopTakeOverListener = null
        lockReleasing = closing.finally(() => {
          closingLock?.release()
          return closingLock?.released
        })
        stopWatching?.()
        stopWatching = null
        savedPlan = null
        session = null
        loadMemo = null
        readOnly = null
        set({ document: null, documentIsReadOnly: false })
      },

      documentCommit(next) {
        const document = get().document
        if (document === null || next === document.plan) return false
        if (next.id !== document.plan.id) throw new Error('documentCommit: the plan id cannot change')
        return setPlan(next, [...document.undoStack, document.plan], [])
      },

      documentUndo() {
        const document = get().document
        const previous = document?.undoStack.at(-1)
        if (document == null || previous === undefined) return
        const undoStack = document.undoStack.slice(0, -1)
        setPlan(previous, undoStack, [...document.redoStack, document.plan])
      },

      documentRedo() {
        const document = get().document
        const following = document?.redoStack.at(-1)
        if (document == null || following === undefined) return
        const redoStack = document.redoStack.slice(0, -1)
        setPlan(following, [...document.undoStack, document.plan], redoStack)
      },

      documentFlush() {
        return flushWrites()
      },

      documentFlushNow() {
        return flushWrites(true)
      },

      documentHasUnstoredEdits() {
        return hasUnstored()
      },

      documentLoadOf(plan, schedule) {
        const document = get().document
        if (document === null || document.plan.id !== plan.id) return null
        const load = loadOf(plan, schedule)
        if (document.load !== load) publishLoadLater()
        return load
      },

      async documentSave() {
        const document = get().document
        if (document === null) return false
        if (document.file === null) return get().documentSaveAs()
        const plan = document.plan
        const result = await deps.platform.invoke['plan/save']({
          documentToken: document.file.documentToken,
          plan: planForFile(plan, deps.now()),
        })
        // A token from an earlier session (or a file that is gone) cannot be saved to: ask where instead.
        if (!result.ok && result.error.code === 'not-found') return get().documentSaveAs()
        return afterSave(plan, result)
      },

      async documentSaveAs() {
        const document = get().document
        if (document === null) return false
        const plan = document.plan
        const result = await deps.platform.invoke['plan/saveAs']({ plan: planForFile(plan, deps.now()) })
        return afterSave(plan, result)
      },

      async documentOpenFile() {
        const result = await deps.platform.invoke['plan/open']()
        if (!result.ok) {
          if (result.error.code !== 'canceled') get().noticeAdd('error', result.error.message)
          return false
        }
        const { documentToken, fileName, plan } = result.value
        return storeAndOpen(plan, { documentToken, fileName }, 'file')
      },

      async documentOpenRecent(id) {
        const result = await deps.platform.invoke['plan/openRecent']({ id })
        if (!result.ok) {
          if (result.error.code !== 'canceled') get().noticeAdd('error', result.error.message)
          return false
        }
        const { documentToken, fileName, plan } = result.value
        return storeAndOpen(plan, { documentToken, fileName }, 'file')
      },

      async documentImport(kind) {
        const result = await deps.platform.invoke[kind === 'mspdi' ? 'import/mspdi' : 'import/csv']()
        get().progressSet(null)
        if (!result.ok) {
          if (result.error.code !== 'canceled') get().noticeAdd('error', result.error.message)
          return false
        }
        const { plan, warnings, fileName } = result.value
        if (!(await storeAndOpen(plan, null, 'import'))) return false
        // Checked like the plan: only text is shown.
        const texts = Array.isArray(warnings) ? warnings.filter((warning) => typeof warning === 'string') : []
        if (texts.length > 0) {
          const source = typeof fileName === 'string' && fileName !== '' ? fileName : (get().document?.plan.name ?? 'the plan')
          get().noticeAdd('warning', importWarningsNotice(source, texts))
        }
        return true
      },

      async documentExport(kind) {
        const document = get().document
        if (document === null) {
          get().noticeAdd('error', 'Open a plan first, then export it.')
          return false
        }
        const channel = kind === 'xlsx' ? 'export/xlsx' : kind === 'mspdi' ? 'export/mspdi' : 'export/csv'
        const result = await deps.platform.invoke[channel]({ plan: document.plan })
        get().progressSet(null)
        if (!result.ok) {
          if (result.error.code !== 'canceled') get().noticeAdd('error', result.error.message)
          return false
        }
        const leftOut = formatsExportLeftOut(document.plan, kind)
        get().noticeAdd('info', `Exported to ${result.value.fileName}.${leftOut === null ? '' : ` ${leftOut}`}`)
        return true
      },

      documentRestoreRecovered(candidate) {
        return storeAndOpen(candidate, null, 'recovery')
      },
    }
  }
}
