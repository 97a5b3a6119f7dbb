/**
 * The part of the app store the workspace reads. The workspace receives the store through a React context, so
 * it runs inside the app shell and, for the UI benchmark, on a page of its own.
 */
import { createContext, useContext } from 'react'
import type { StoreApi } from 'zustand'
import { useStore } from 'zustand'
import type { PlanLoad } from '../../../../shared/domain/load'
import type { Plan } from '../../../../shared/domain/model'
import type { Schedule } from '../../../../shared/domain/schedule-types'
import type { EditorHost, EditorSlice } from '../../stores/editor'

export type WorkspaceState = EditorSlice &
  EditorHost & {
    /** The open document, with the resource load the store keeps beside the schedule (app store only). */
    document: (NonNullable<EditorHost['document']> & { load?: PlanLoad | null }) | null
    /** The load of exactly this version of the open plan, computed by the store (app store only). */
    documentLoadOf?: (plan: Plan, schedule: Schedule) => PlanLoad | null
    /** Timeline zoom: 0 day, 1 week, 2 month, 3 quarter. */
    zoomLevel: number
    zoomBy(step: number): void
  }

export const WorkspaceStoreContext = createContext<StoreApi<WorkspaceState> | null>(null)

/** Reads the workspace store with a selector. */
export function useWorkspace<T>(selector: (state: WorkspaceState) => T): T {
  const store = useContext(WorkspaceStoreContext)
  if (store === null) throw new Error('The workspace needs a WorkspaceStoreContext provider.')
  return useStore(store, selector)
}

/** The store itself, for event handlers that read the latest state. */
export function useWorkspaceApi(): StoreApi<WorkspaceState> {
  const store = useContext(WorkspaceStoreContext)
  if (store === null) throw new Error('The workspace needs a WorkspaceStoreContext provider.')
  return store
}
