import { makePlan } from '../../../shared/domain/defaults'
import {
  planDbCreate,
  planDbDelete,
  planDbDuplicate,
  planDbErrorFrom,
  planDbList,
  planDbRename,
  planDbWatchList,
} from '../db/plan-db'
import type { SliceCreator } from './slice'
import type { PlansSlice, StoreDeps } from './types'

/** Longest plan name the plan file format accepts. */
export const planNameMaxLength = 1000

/** The trimmed name, or a message why it cannot be a plan name. */
export function planNameCheck(name: string): { ok: true; name: string } | { ok: false; message: string } {
  const trimmed = name.trim()
  if (trimmed === '') return { ok: false, message: 'A plan needs a name.' }
  if (trimmed.length > planNameMaxLength) {
    return { ok: false, message: `A plan name can have at most ${planNameMaxLength} characters.` }
  }
  return { ok: true, name: trimmed }
}

/** Shown when a plan is changed from the list while another window or tab edits it. */
export const planEditedElsewhereMessage =
  'This plan is open for editing in another window or tab. Change it there, or take over editing first.'

export function createPlansSlice(deps: StoreDeps): SliceCreator<PlansSlice> {
  return (set, get) => {
    const report = (error: unknown) => get().noticeAdd('error', planDbErrorFrom(error).message)

    /**
     * Runs a change of a stored plan that is not open here while holding its editing lock, so it never writes under
     * a window that edits the plan (that window's writes are not checked against it when the page is closing).
     */
    const withPlanLock = async (planId: string, work: () => Promise<void>): Promise<void> => {
      const locks = deps.locks ?? null
      if (locks === null) return work()
      const handle = await locks.tryAcquire(planId)
      if (handle === null) {
        get().noticeAdd('error', planEditedElsewhereMessage)
        return
      }
      try {
        await work()
      } finally {
        handle.release()
      }
    }

    return {
      plans: [],
      isPlansLoaded: false,
      recentFiles: [],

      async plansRefresh() {
        try {
          set({ plans: await planDbList(deps.db), isPlansLoaded: true })
        } catch (error) {
          report(error)
        }
      },

      plansWatch() {
        return planDbWatchList(
          deps.db,
          (plans) => set({ plans, isPlansLoaded: true }),
          (error) => get().noticeAdd('error', error.message),
        )
      },

      async recentRefresh() {
        const result = await deps.platform.invoke['plan/recent']()
        if (result.ok) set({ recentFiles: result.value })
      },

      async planCreate(name) {
        const checked = planNameCheck(name)
        if (!checked.ok) {
          get().noticeAdd('error', checked.message)
          return null
        }
        const now = deps.now()
        const plan = makePlan(deps.newId(), checked.name, `${now.slice(0, 10)}T08:00:00`, now)
        try {
          await planDbCreate(deps.db, plan)
        } catch (error) {
          report(error)
          return null
        }
        await get().plansRefresh()
        await get().documentOpen(plan.id)
        return plan.id
      },

      async planRename(planId, name) {
        const checked = planNameCheck(name)
        if (!checked.ok) {
          get().noticeAdd('error', checked.message)
          return
        }
        const document = get().document
        if (document !== null && document.plan.id === planId) {
          // The open plan's revision chain belongs to the document: rename through it.
          if (document.plan.name !== checked.name)
            get().documentCommit({ ...document.plan, name: checked.name })
          await get().documentFlush()
        } else {
          await withPlanLock(planId, async () => {
            try {
              await planDbRename(deps.db, planId, checked.name, deps.now())
            } catch (error) {
              report(error)
            }
          })
        }
        await get().plansRefresh()
      },

      async planDuplicate(planId) {
        const source = get().plans.find((plan) => plan.id === planId)
        if (get().document?.plan.id === planId) await get().documentFlush()
        const name = `${source?.name ?? 'Plan'} (copy)`.slice(0, 1000)
        try {
          await planDbDuplicate(deps.db, planId, deps.newId(), name, deps.now())
        } catch (error) {
          report(error)
        }
        await get().plansRefresh()
      },

      async planDelete(planId) {
        const remove = async () => {
          try {
            await planDbDelete(deps.db, planId)
            void deps.platform.invoke['recovery/discard']({ planId })
          } catch (error) {
            report(error)
          }
        }
        if (get().document?.plan.id === planId) {
          // This window edits it (or shows it read-only, then another one does).
          const isEditedHere = get().document?.readOnly === null
          await get().documentFlush()
          get().documentClose()
          if (isEditedHere) await remove()
          else await withPlanLock(planId, remove)
        } else await withPlanLock(planId, remove)
        await get().plansRefresh()
      },
    }
  }
}
