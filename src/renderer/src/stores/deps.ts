import { dateLocalNow } from '../../../shared/domain/dates'
import { scheduleRun } from '../../../shared/domain/schedule'
import type { GantryPlatform } from '../../../shared/ipc/contract'
import type { PlanDb } from '../db/plan-db'
import type { StoreDeps } from './types'

/** The local wall-clock time, `YYYY-MM-DDTHH:MM:SS`. */
export function localNow(date = new Date()): string {
  return dateLocalNow(date)
}

/** A random plan id (a UUID where the browser offers one). */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/** The store's dependencies in the running app. */
export function storeDepsDefault(platform: GantryPlatform, db: PlanDb): StoreDeps {
  return { platform, db, now: () => localNow(), newId: randomId, schedule: scheduleRun }
}
