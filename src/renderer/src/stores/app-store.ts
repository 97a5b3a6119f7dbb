import { createContext, useContext } from 'react'
import { createStore, useStore, type StoreApi } from 'zustand'
import { createDocumentSlice } from './document-slice'
import { editorSliceCreator } from './editor'
import { createPlansSlice } from './plans-slice'
import { createUiSlice } from './ui-slice'
import type { AppState, StoreDeps } from './types'

export type AppStore = StoreApi<AppState>

/** The one application store: plans list, open document, and UI state, as slices of one zustand store. */
export function createAppStore(deps: StoreDeps): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createPlansSlice(deps)(...args),
    ...createDocumentSlice(deps)(...args),
    ...createUiSlice(deps)(...args),
    ...editorSliceCreator<AppState>()(...args),
  }))
}

export const AppStoreContext = createContext<AppStore | null>(null)

/** Reads a narrow slice of the store; the component re-renders only when the selected value changes. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(AppStoreContext)
  if (store === null) throw new Error('useAppStore must be used inside <AppStoreContext.Provider>')
  return useStore(store, selector)
}

/** The store itself, for event handlers that read state without subscribing. */
export function useAppStoreApi(): AppStore {
  const store = useContext(AppStoreContext)
  if (store === null) throw new Error('useAppStoreApi must be used inside <AppStoreContext.Provider>')
  return store
}
