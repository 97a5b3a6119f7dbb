import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { planDbOrderStep } from '../../src/renderer/src/db/plan-db'
import { longestIncreasingRun, rowChangesBetween } from '../../src/renderer/src/stores/plan-changes'

type Row = { id: number; name: string }
const rows = (...ids: number[]): Row[] => ids.map((id) => ({ id, name: `row ${id}` }))
const ordersOf = (items: Row[]) =>
  new Map(items.map((item, index) => [item.id, (index + 1) * planDbOrderStep]))

/** Applies a change to a stored table (id -> order and row) and reads it back sorted by order, as IndexedDB does. */
function applyToTable(
  table: Map<number, { order: number; row: Row }>,
  change: ReturnType<typeof rowChangesBetween<Row>>,
) {
  for (const id of change.remove) table.delete(id)
  for (const { value, order } of change.put) table.set(value.id, { order, row: value })
  return [...table.values()].sort((a, b) => a.order - b.order).map((entry) => entry.row)
}

describe('longestIncreasingRun', () => {
  it.each([
    [
      [1, 2, 3],
      [0, 1, 2],
    ],
    [
      [3, 1, 2],
      [1, 2],
    ],
    [
      [undefined, 5, undefined, 6],
      [1, 3],
    ],
    [[], []],
    [[4, 3, 2, 1], [3]],
  ])('%j -> %j', (values, expected) => {
    expect(longestIncreasingRun(values)).toEqual(expected)
  })
})

describe('rowChangesBetween', () => {
  it('writes nothing for the same array', () => {
    const items = rows(1, 2, 3)
    expect(rowChangesBetween(items, items, ordersOf(items))).toMatchObject({ put: [], remove: [] })
  })

  it('writes only the changed row when the order is unchanged', () => {
    const items = rows(1, 2, 3)
    const next = [items[0], { ...items[1], name: 'changed' }, items[2]]
    const change = rowChangesBetween(items, next, ordersOf(items))
    expect(change.put).toEqual([{ value: next[1], order: 2 * planDbOrderStep }])
  })

  it('moves one row by writing one row', () => {
    const items = rows(1, 2, 3, 4, 5)
    const next = [items[4], ...items.slice(0, 4)]
    const change = rowChangesBetween(items, next, ordersOf(items))
    expect(change.put.map((row) => row.value.id)).toEqual([5])
    expect(change.put[0].order).toBeLessThan(planDbOrderStep)
  })

  it('renumbers the whole table when the gap between neighbours runs out', () => {
    let previous = rows(1, 2)
    let orders = ordersOf(previous)
    let nextId = 3
    let renumbered = false
    // Keep inserting between the first two rows: the gap halves every time.
    for (let step = 0; step < 80 && !renumbered; step++) {
      const next = [previous[0], { id: nextId++, name: 'new' }, ...previous.slice(1)]
      const change = rowChangesBetween(previous, next, orders)
      renumbered = change.put.length === next.length
      orders = change.orders
      previous = next
    }
    expect(renumbered).toBe(true)
    expect([...orders.values()].sort((a, b) => a - b)[0]).toBe(planDbOrderStep)
  })

  it('any sequence of inserts, deletes, moves and edits reads back exactly (property)', () => {
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }),
      fc.record({ kind: fc.constant('edit' as const), at: fc.nat() }),
    )
    fc.assert(
      fc.property(fc.array(fc.array(operation, { maxLength: 4 }), { maxLength: 25 }), (edits) => {
        let current = rows(1, 2, 3, 4)
        let orders = ordersOf(current)
        const table = new Map(current.map((row) => [row.id, { order: orders.get(row.id) as number, row }]))
        let nextId = 5
        for (const batch of edits) {
          const next = [...current]
          for (const op of batch) {
            if (op.kind === 'insert') next.splice(op.at % (next.length + 1), 0, { id: nextId++, name: 'new' })
            else if (next.length === 0) continue
            else if (op.kind === 'delete') next.splice(op.at % next.length, 1)
            else if (op.kind === 'edit')
              next[op.at % next.length] = { ...next[op.at % next.length], name: `e${nextId++}` }
            else {
              const [moved] = next.splice(op.from % next.length, 1)
              next.splice(op.to % (next.length + 1), 0, moved)
            }
          }
          const change = rowChangesBetween(current, next, orders)
          expect(applyToTable(table, change)).toEqual(next)
          orders = change.orders
          current = next
        }
      }),
      { numRuns: 300 },
    )
  })
})
