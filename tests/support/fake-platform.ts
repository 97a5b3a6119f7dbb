/**
 * Fakes for renderer store tests: a web platform without menus, progress or close requests, and fresh
 * fake-indexeddb plan databases that are deleted after each test. Import 'fake-indexeddb/auto' first.
 */
import Dexie from 'dexie'
import { afterEach } from 'vitest'
import type { GantryPlatform } from '../../src/shared/ipc/contract'
import { PlanDb } from '../../src/renderer/src/db/plan-db'

/** The channels an opened plan's edits call: writing the recovery copy, the window title, the recent files. */
const quietInvoke = {
  'recovery/write': () => Promise.resolve({ ok: true, value: undefined }),
  'window/setTitle': () => Promise.resolve({ ok: true, value: undefined }),
  'plan/recent': () => Promise.resolve({ ok: true, value: [] }),
}

/** A web platform that answers with `invoke` (by default every write succeeds and nothing is recent). */
export function fakeWebPlatform(invoke: object = quietInvoke): GantryPlatform {
  return {
    kind: 'web',
    invoke,
    onMenuCommand: () => () => undefined,
    onProgress: () => () => undefined,
    onCloseRequest: () => () => undefined,
    confirmClose: () => undefined,
  } as unknown as GantryPlatform
}

/**
 * Call at the top of a test file: returns a function that opens a plan database (a new one named `prefix-<random>`,
 * or `name`), each closed and deleted after the test that opened it.
 */
export function planDbsPerTest(prefix: string): (name?: string) => PlanDb {
  const dbs: PlanDb[] = []
  afterEach(async () => {
    for (const db of dbs.splice(0)) {
      db.close()
      await Dexie.delete(db.name)
    }
  })
  return (name = `${prefix}-${Math.random()}`) => {
    const db = new PlanDb(name)
    dbs.push(db)
    return db
  }
}
