import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { planDbChunkRows, planDbOrderStep, planLayoutOf, type ChunkLayout } from '../../src/renderer/src/db/plan-db'
import {
  chunkChangesBetween,
  longestIncreasingRun,
  planChangesBetween,
  rowChangesBetween,
} from '../../src/renderer/src/stores/plan-changes'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'

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

/** A stored table of chunks (key -> rows), read back in key order as IndexedDB does. */
function chunkStore(items: Row[]) {
  const layout = planLayoutOf(makePlan('p', 'P', '2026-01-05T08:00:00', '2026-01-01T00:00:00', { tasks: items as never })).tasks
  const chunks = new Map<number, readonly object[]>()
  let start = 0
  layout.keys.forEach((key, index) => {
    const count = layout.counts[index] as number
    chunks.set(key, items.slice(start, start + count))
    start += count
  })
  return { chunks, layout }
}

function applyChunks(chunks: Map<number, readonly object[]>, change: ReturnType<typeof chunkChangesBetween>): Row[] {
  for (const ref of change.remove) chunks.delete(ref.key)
  for (const write of change.put) chunks.set(write.key, write.rows)
  return [...chunks.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, rows]) => rows as Row[])
}

function expectLayoutMatches(chunks: Map<number, readonly object[]>, layout: ChunkLayout): void {
  const keys = [...chunks.keys()].sort((a, b) => a - b)
  expect(layout.keys).toEqual(keys)
  expect(layout.counts).toEqual(keys.map((key) => chunks.get(key)?.length))
  for (const count of layout.counts) {
    expect(count).toBeGreaterThan(0)
    expect(count).toBeLessThanOrEqual(planDbChunkRows)
  }
}

const many = (count: number, first = 1): Row[] => Array.from({ length: count }, (_, index) => ({ id: first + index, name: `row ${first + index}` }))

describe('chunkChangesBetween', () => {
  it('rewrites only the chunk holding a changed row, in place', () => {
    const items = many(3000)
    const { chunks, layout } = chunkStore(items)
    const next = items.slice()
    next[1700] = { ...(next[1700] as Row), name: 'changed' }
    const change = chunkChangesBetween('tasks', items, next, layout)
    expect(change.put).toHaveLength(1)
    expect(change.put[0]?.rows.length).toBeLessThanOrEqual(planDbChunkRows)
    expect(change.remove).toEqual([])
    expect(change.layout).toBe(layout)
    expect(applyChunks(chunks, change)).toEqual(next)
  })

  it('inserts, deletes and moves one row by rewriting at most two chunks', () => {
    const items = many(3000)
    for (const edit of [
      (rows: Row[]) => rows.splice(1234, 0, { id: 9999, name: 'new' }),
      (rows: Row[]) => rows.splice(2999, 1),
      (rows: Row[]) => rows.splice(0, 0, ...rows.splice(1, 1)),
      (rows: Row[]) => rows.push({ id: 10000, name: 'last' }),
    ]) {
      const { chunks, layout } = chunkStore(items)
      const next = items.slice()
      edit(next)
      const change = chunkChangesBetween('tasks', items, next, layout)
      expect(change.put.length).toBeLessThanOrEqual(2)
      expect(applyChunks(chunks, change)).toEqual(next)
      expectLayoutMatches(chunks, change.layout)
    }
  })

  it('any sequence of inserts, deletes, moves, edits and bulk changes reads back exactly (property)', () => {
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 700 }) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 700 }) }),
      fc.record({ kind: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }),
      fc.record({ kind: fc.constant('edit' as const), at: fc.nat() }),
    )
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1500 }), fc.array(fc.array(operation, { maxLength: 3 }), { maxLength: 20 }), (size, edits) => {
        let current = many(size)
        const store = chunkStore(current)
        let layout = store.layout
        let nextId = size + 1
        for (const batch of edits) {
          const next = [...current]
          for (const op of batch) {
            if (op.kind === 'insert') {
              next.splice(op.at % (next.length + 1), 0, ...many(op.count, nextId))
              nextId += op.count
            } else if (next.length === 0) continue
            else if (op.kind === 'delete') next.splice(op.at % next.length, op.count)
            else if (op.kind === 'edit') next[op.at % next.length] = { ...(next[op.at % next.length] as Row), name: `e${nextId++}` }
            else {
              const [moved] = next.splice(op.from % next.length, 1)
              next.splice(op.to % (next.length + 1), 0, moved as Row)
            }
          }
          const change = chunkChangesBetween('tasks', current, next, layout)
          expect(applyChunks(store.chunks, change)).toEqual(next)
          expectLayoutMatches(store.chunks, change.layout)
          layout = change.layout
          current = next
        }
      }),
      { numRuns: 200, seed: 20260602 },
    )
  })

  it('renumbers the chunks when the gap between neighbouring keys runs out', () => {
    let current = many(2 * planDbChunkRows)
    const store = chunkStore(current)
    let layout = store.layout
    let nextId = current.length + 1
    let renumbered = false
    // Keep inserting whole chunks' worth of rows at the boundary between the first two chunks: the gap halves.
    for (let step = 0; step < 80 && !renumbered; step++) {
      const at = layout.counts[0] as number
      const next = [...current.slice(0, at), ...many(planDbChunkRows, nextId), ...current.slice(at)]
      nextId += planDbChunkRows
      const change = chunkChangesBetween('tasks', current, next, layout)
      expect(applyChunks(store.chunks, change)).toEqual(next)
      expectLayoutMatches(store.chunks, change.layout)
      renumbered = change.put.length === change.layout.keys.length
      layout = change.layout
      current = next
    }
    expect(renumbered).toBe(true)
    expect(layout.keys).toEqual(layout.keys.map((_, index) => (index + 1) * planDbOrderStep))
  })
})

describe('planChangesBetween', () => {
  it('a calendar edit writes that calendar only; a task edit writes no calendar and no plan settings', () => {
    const plan = makePlan('p', 'Plan', '2026-01-05T08:00:00', '2026-01-01T00:00:00', {
      tasks: [makeTask(1), makeTask(2)],
    })
    const layout = planLayoutOf(plan)
    const calendar = plan.calendars[0]
    if (calendar === undefined) throw new Error('no calendar')
    const renamed = { ...plan, calendars: [{ ...calendar, name: 'Night shift' }] }
    const calendarChange = planChangesBetween(plan, renamed, layout).changes
    expect(calendarChange).toEqual({ calendars: { put: [{ value: renamed.calendars[0], order: planDbOrderStep }], delete: [] } })
    const edited = { ...plan, tasks: [plan.tasks[0] as never, { ...(plan.tasks[1] as object), name: 'x' } as never] }
    const taskChange = planChangesBetween(plan, edited, layout).changes
    expect(taskChange.calendars).toBeUndefined()
    expect(taskChange.plan).toBeUndefined()
    expect(taskChange.chunks?.put).toHaveLength(1)
  })
})
