import type { Plan, TaskId } from '../../../shared/domain/model'
import type { ScheduleResult } from '../../../shared/domain/schedule-types'
import type { DocumentRef, IpcResult } from '../../../shared/ipc/contract'
import { planRestore } from '../../../shared/formats/plan-file'
import {
  planDbApply,
  planDbCreate,
  planDbErrorFrom,
  planDbLoad,
  planDbReplace,
  planDbWatchRevision,
  type PlanFileLink,
  type PlanOrders,
  type StoredPlan,
} from '../db/plan-db'
import { planChangesBetween, planChangesIsEmpty } from './plan-changes'
import type { SliceCreator } from './slice'
import type { DocumentSlice, PlanDocument, StoreDeps } from './types'

/** Delay between an edit and the recovery copy of a plan whose file is behind, in milliseconds. */
export const recoveryDelayMs = 2000

type Persisted = { planId: string; plan: Plan; orders: PlanOrders; revision: number }

function taskIndexOf(plan: Plan): Map<TaskId, number> {
  const index = new Map<TaskId, number>()
  plan.tasks.forEach((task, position) => index.set(task.id, position))
  return index
}

/** Whether two versions of a plan schedule the same (a rename or a notes edit needs no new schedule). */
function isSameScheduleInput(previous: Plan, next: Plan): boolean {
  return (
    previous.tasks === next.tasks &&
    previous.dependencies === next.dependencies &&
    previous.resources === next.resources &&
    previous.assignments === next.assignments &&
    previous.calendars === next.calendars &&
    previous.settings === next.settings &&
    previous.start === next.start &&
    previous.statusDate === next.statusDate &&
    previous.calendarId === next.calendarId
  )
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

export function createDocumentSlice(deps: StoreDeps): SliceCreator<DocumentSlice> {
  return (set, get) => {
    /** What IndexedDB holds for the open plan; edits are written as the difference from it. */
    let persisted: Persisted | null = null
    /** The newest version of the open plan, which IndexedDB must catch up with (kept after the plan is closed). */
    let latest: Plan | null = null
    /** The plan version the linked file holds, if known. */
    let savedPlan: Plan | null = null
    /** Set after a revision conflict: this window stops writing until the plan is reloaded. */
    let isWriteBlocked = false
    let queue: Promise<unknown> = Promise.resolve()
    let recoveryTimer: ReturnType<typeof setTimeout> | null = null
    /** The revision this window's write in flight will produce, so watching does not mistake it for another window's. */
    let ownPendingRevision: number | null = null
    let stopWatching: (() => void) | null = null

    /** Another window changed or deleted the open plan: say so, and stop writing over it. */
    const watchForOtherWindows = (planId: string) => {
      stopWatching?.()
      stopWatching = planDbWatchRevision(deps.db, planId, (revision) => {
        if (persisted === null || persisted.planId !== planId || isWriteBlocked) return
        if (revision === null) {
          isWriteBlocked = true
          get().noticeAdd(
            'error',
            'This plan was deleted in another window. Save it to a file to keep it.',
            'save-as',
          )
        } else if (revision > persisted.revision && revision !== ownPendingRevision) {
          isWriteBlocked = true
          get().noticeAdd(
            'error',
            'This plan was changed in another window. Reload to see the latest version; changes made here from now on are not stored.',
            'reload',
          )
        }
      })
    }

    /** Runs storage jobs one after another, so every write sees the revision of the one before. */
    const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
      const run = queue.then(job)
      queue = run.catch(() => undefined)
      return run
    }

    const scheduleOf = (plan: Plan, previous: PlanDocument | null): ScheduleResult | null => {
      if (deps.schedule === null) return null
      if (previous !== null && previous.schedule !== null && isSameScheduleInput(previous.plan, plan))
        return previous.schedule
      return deps.schedule(plan)
    }

    const documentOf = (stored: StoredPlan): PlanDocument => {
      const isDirty = stored.file !== null && stored.file.savedRevision !== stored.revision
      savedPlan = isDirty ? null : stored.plan
      return {
        plan: stored.plan,
        taskIndex: taskIndexOf(stored.plan),
        schedule: scheduleOf(stored.plan, null),
        file: stored.file,
        isDirty,
        undoStack: [],
        redoStack: [],
      }
    }

    const show = (stored: StoredPlan) => {
      persisted = {
        planId: stored.plan.id,
        plan: stored.plan,
        orders: stored.orders,
        revision: stored.revision,
      }
      latest = stored.plan
      isWriteBlocked = false
      watchForOtherWindows(stored.plan.id)
      set({ document: documentOf(stored), view: 'workspace' })
    }

    /** Writes whatever the open plan has that IndexedDB does not, as one incremental change. */
    const writePending = () =>
      enqueue(async () => {
        const target = latest
        if (target === null || persisted === null || persisted.planId !== target.id || isWriteBlocked) return
        if (target === persisted.plan) return
        const { changes, orders } = planChangesBetween(persisted.plan, target, persisted.orders)
        if (planChangesIsEmpty(changes)) {
          persisted = { ...persisted, plan: target, orders }
          return
        }
        try {
          ownPendingRevision = persisted.revision + 1
          const revision = await planDbApply(deps.db, target.id, changes, persisted.revision, deps.now())
          persisted = { planId: target.id, plan: target, orders, revision }
        } catch (error) {
          const failure = planDbErrorFrom(error)
          if (failure.code === 'conflict' || failure.code === 'not-found') isWriteBlocked = true
          get().noticeAdd('error', failure.message, failure.code === 'conflict' ? 'reload' : 'save-as')
        }
      })

    const recoveryLater = () => {
      if (recoveryTimer !== null) clearTimeout(recoveryTimer)
      recoveryTimer = setTimeout(() => {
        recoveryTimer = null
        const document = get().document
        if (document === null || !document.isDirty) return
        void deps.platform.invoke['recovery/write']({ plan: document.plan })
      }, recoveryDelayMs)
    }

    const setPlan = (next: Plan, undoStack: Plan[], redoStack: Plan[]) => {
      const document = get().document
      if (document === null) return
      const isDirty = document.file !== null && next !== savedPlan
      latest = next
      set({
        document: {
          ...document,
          plan: next,
          taskIndex: next.tasks === document.plan.tasks ? document.taskIndex : taskIndexOf(next),
          schedule: scheduleOf(next, document),
          isDirty,
          undoStack,
          redoStack,
        },
      })
      void writePending()
      if (isDirty) recoveryLater()
    }

    /** Records that the linked file now holds `plan`. */
    const linkFile = async (plan: Plan, ref: DocumentRef) => {
      let link: PlanFileLink = { documentToken: ref.documentToken, fileName: ref.fileName, savedRevision: -1 }
      await writePending()
      await enqueue(async () => {
        if (persisted === null || persisted.planId !== plan.id || isWriteBlocked) return
        const isContentStored = persisted.plan === plan
        link = { ...link, savedRevision: isContentStored ? persisted.revision + 1 : -1 }
        try {
          ownPendingRevision = persisted.revision + 1
          persisted.revision = await planDbApply(
            deps.db,
            plan.id,
            { plan: { file: link } },
            persisted.revision,
            deps.now(),
          )
        } catch (error) {
          get().noticeAdd('error', planDbErrorFrom(error).message)
        }
      })
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

    /** Stores a plan that came from a file or the main process and opens it. */
    const storeAndOpen = async (
      candidate: unknown,
      file: Omit<PlanFileLink, 'savedRevision'> | null,
      mode: 'file' | 'import' | 'recovery',
    ): Promise<boolean> => {
      const restored = planRestore(candidate)
      if (!restored.ok) {
        get().noticeAdd('error', restored.error.message)
        return false
      }
      let plan = restored.plan
      try {
        const stored = await enqueue(async () => {
          if (mode === 'import') return planDbCreate(deps.db, { ...plan, id: deps.newId() }, null)
          const existing = await planDbLoad(deps.db, plan.id)
          if (existing === null) return planDbCreate(deps.db, plan, mode === 'file' ? file : null)
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
        show(stored)
        void get().plansRefresh()
        void get().recentRefresh()
        return true
      } catch (error) {
        get().noticeAdd('error', planDbErrorFrom(error).message, 'save-as')
        return false
      }
    }

    return {
      document: null,

      async documentOpen(planId) {
        try {
          const stored = await enqueue(() => planDbLoad(deps.db, planId))
          if (stored === null) {
            get().noticeAdd(
              'error',
              'This plan is no longer stored. It may have been deleted in another window.',
            )
            void get().plansRefresh()
            return false
          }
          show(stored)
          return true
        } catch (error) {
          get().noticeAdd('error', planDbErrorFrom(error).message)
          return false
        }
      },

      documentClose() {
        // Edits not yet written still are: `latest` and `persisted` stay until the queue has caught up.
        void writePending()
        stopWatching?.()
        stopWatching = null
        savedPlan = null
        set({ document: null })
      },

      documentCommit(next) {
        const document = get().document
        if (document === null || next === document.plan) return
        if (next.id !== document.plan.id) throw new Error('documentCommit: the plan id cannot change')
        setPlan(next, [...document.undoStack, document.plan], [])
      },

      documentUndo() {
        const document = get().document
        const previous = document?.undoStack.at(-1)
        if (document == null || previous === undefined) return
        const undoStack = document.undoStack.slice(0, -1)
        setPlan(previous, undoStack, [
          ...document.redoStack,
          document.plan,
        ])
      },

      documentRedo() {
        const document = get().document
        const following = document?.redoStack.at(-1)
        if (document == null || following === undefined) return
        const redoStack = document.redoStack.slice(0, -1)
        setPlan(
          following,
          [...document.undoStack, document.plan],
          redoStack,
        )
      },

      async documentFlush() {
        await writePending()
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
        get().noticeAdd('info', `Exported to ${result.value.fileName}.`)
        return true
      },

      documentRestoreRecovered(candidate) {
        return storeAndOpen(candidate, null, 'recovery')
      },
    }
  }
}
