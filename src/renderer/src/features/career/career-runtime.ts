import { createContext, useContext } from 'react'
import { useStore } from 'zustand'
import { CareerDb } from '../../db/career-db'
import { platformDetect } from '../../platform'
import { createCareerStore, localToday, type CareerState, type CareerStore } from './career-store'

let defaultStore: CareerStore | null = null

function newId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

/** The app's one career store, over the `gantry-career` database and the detected platform (created on first use). */
export function careerStoreDefault(): CareerStore {
  if (defaultStore === null) {
    const db = new CareerDb(undefined, undefined, {
      // Another window upgraded the career database: reload to use the new version.
      onVersionChange: () => window.location.reload(),
      onBlocked: () =>
        defaultStore?.setState({
          message: {
            kind: 'error',
            text: 'Gantry is open in another window with an older version. Close the other windows to continue.',
          },
        }),
    })
    defaultStore = createCareerStore({
      db,
      platform: platformDetect(),
      today: localToday,
      nowUtc: () => new Date().toISOString(),
      newId,
    })
  }
  return defaultStore
}

/** Lets tests and previews supply their own career store. */
export const CareerStoreContext = createContext<CareerStore | null>(null)

/** The career store in use: the one from context, else the app's default store. */
export function useCareerStoreApi(): CareerStore {
  return useContext(CareerStoreContext) ?? careerStoreDefault()
}

/** Reads a narrow slice of the career store. */
export function useCareer<T>(selector: (state: CareerState) => T): T {
  return useStore(useCareerStoreApi(), selector)
}
