import { dateLocalNow } from '../../../shared/domain/dates'
import { schedulePrepare, scheduleRun } from '../../../shared/domain/schedule'
import type { GantryPlatform } from '../../../shared/ipc/contract'
import type { PlanDb } from '../db/plan-db'
import { planLocksOfBrowser } from './plan-lock'
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

/**
 * Runs `job` right after the next frame is painted: from an animation frame callback (which runs before that
 * frame's style, layout and paint) a zero timeout runs after the paint. A hidden page gets no animation frames, and
 * outside a browser there are none: then the job runs on the next turn of the event loop.
 */
export function afterPaintDefault(job: () => void): void {
  const page = (globalThis as { document?: { visibilityState?: string } }).document
  if (typeof requestAnimationFrame === 'function' && page?.visibilityState === 'visible') {
    requestAnimationFrame(() => setTimeout(job, 0))
  } else setTimeout(job, 0)
}

/** The store's dependencies in the running app. */
export function storeDepsDefault(platform: GantryPlatform, db: PlanDb): StoreDeps {
  return {
    platform,
    db,
    now: () => localNow(),
    newId: randomId,
    schedule: scheduleRun,
    schedulePrepare,
    afterPaint: afterPaintDefault,
    locks: planLocksOfBrowser(),
  }
}
