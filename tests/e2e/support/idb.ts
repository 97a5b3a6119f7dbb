import type { Page } from '@playwright/test'

/** Every row of every object store of an IndexedDB database in the page, sorted by key, as JSON text. */
export async function idbDump(page: Page, name = 'gantry'): Promise<string> {
  return page.evaluate(async (databaseName) => {
    const known = await indexedDB.databases()
    // Opening a database that does not exist would create it; report it as absent instead.
    if (!known.some((database) => database.name === databaseName)) return 'absent'
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(databaseName)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    try {
      const dump: Record<string, unknown[]> = {}
      for (const storeName of Array.from(db.objectStoreNames).sort()) {
        dump[storeName] = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll()
          request.onsuccess = () => resolve(request.result)
          request.onerror = () => reject(request.error)
        })
      }
      return JSON.stringify({ version: db.version, stores: dump })
    } finally {
      db.close()
    }
  }, name)
}
