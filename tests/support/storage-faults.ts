/**
 * Storage failures for store tests: makes the plan database refuse chunk writes with the error a browser gives when
 * its storage is full (QuotaExceededError), while `control.mode` is `fail`. Register before the first operation.
 */
import type { PlanDb } from '../../src/renderer/src/db/plan-db'

export type StorageControl = { mode: 'ok' | 'fail' }

export function storageFaults(db: PlanDb): StorageControl {
  const control: StorageControl = { mode: 'ok' }
  db.use({
    stack: 'dbcore',
    name: 'storage-faults',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name)
        return {
          ...table,
          mutate: (request) =>
            name === 'chunks' && request.type === 'put' && control.mode === 'fail'
              ? Promise.reject(Object.assign(new Error('full'), { name: 'QuotaExceededError' }))
              : table.mutate(request),
        }
      },
    }),
  })
  return control
}
