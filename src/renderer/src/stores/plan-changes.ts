import type { Calendar, Plan } from '../../../shared/domain/model'
import {
  planDbChunkKinds,
  planDbChunkRows,
  planDbChunkSizes,
  planDbOrderStep,
  type ChunkKind,
  type ChunkLayout,
  type ChunkRef,
  type ChunkWrite,
  type Ordered,
  type PlanChanges,
  type PlanLayout,
  type PlanMetaChange,
} from '../db/plan-db'

/**
 * Turns "the plan before" and "the plan after" an edit into the few records IndexedDB must write.
 *
 * Edits are immutable updates with structural sharing: an unchanged task keeps its object, so a changed row is
 * found by reference in O(n) without comparing fields.
 *
 * Tasks, dependencies, resources and assignments are stored as chunks of consecutive rows (`plan-db.ts`). An edit
 * that keeps the sequence of ids rewrites the chunks holding a changed row, in place. An insert, delete or move
 * changes the rows between the common prefix and the common suffix of the two arrays: only the chunks covering
 * that span are rewritten (re-split into chunks of at most `planDbChunkRows`, a small remainder merged with its
 * neighbour), and new chunks get keys between their neighbours' keys.
 *
 * Calendars are few and stored one per row with fractional `order` numbers: rows that stay in sequence keep
 * theirs (the longest increasing run of old orders), and only moved or new rows get a number between their
 * neighbours.
 */

type Row = { id: number }

export type RowChanges<T extends Row> = { put: Ordered<T>[]; remove: number[]; orders: Map<number, number> }

/** Below this gap between neighbours, all rows of the table are renumbered (float precision would run out). */
const minimumGap = 1e-6

/** Indices (ascending) of a longest strictly increasing subsequence of `values`, ignoring `undefined` entries. */
export function longestIncreasingRun(values: readonly (number | undefined)[]): number[] {
  const tails: number[] = [] // tails[k] = index of the smallest tail of an increasing run of length k + 1
  const previous = new Int32Array(values.length).fill(-1)
  for (let index = 0; index < values.length; index++) {
    const value = values[index]
    if (value === undefined) continue
    let low = 0
    let high = tails.length
    while (low < high) {
      const middle = (low + high) >> 1
      if ((values[tails[middle]!] as number) < value) low = middle + 1
      else high = middle
    }
    if (low > 0) previous[index] = tails[low - 1]!
    tails[low] = index
  }
  const run: number[] = new Array(tails.length)
  let cursor = tails.at(-1) ?? -1
  for (let position = tails.length - 1; position >= 0; position--) {
    run[position] = cursor
    cursor = previous[cursor]!
  }
  return run
}

function renumberAll<T extends Row>(next: readonly T[], removed: number[]): RowChanges<T> {
  const orders = new Map<number, number>()
  const put = next.map((value, index) => {
    const order = (index + 1) * planDbOrderStep
    orders.set(value.id, order)
    return { value, order }
  })
  return { put, remove: removed, orders }
}

/**
 * The rows to write and delete so the stored table matches `next`, and the order numbers afterwards.
 * @param orders the stored order number of every row of `previous`
 */
export function rowChangesBetween<T extends Row>(
  previous: readonly T[],
  next: readonly T[],
  orders: ReadonlyMap<number, number>,
): RowChanges<T> {
  if (previous === next) return { put: [], remove: [], orders: new Map(orders) }

  let isSameSequence = previous.length === next.length
  for (let index = 0; isSameSequence && index < next.length; index++) {
    if (previous[index]!.id !== next[index]!.id) isSameSequence = false
  }
  if (isSameSequence) {
    const put: Ordered<T>[] = []
    for (let index = 0; index < next.length; index++) {
      const value = next[index]!
      if (previous[index] !== value) put.push({ value, order: orders.get(value.id) as number })
    }
    return { put, remove: [], orders: new Map(orders) }
  }

  const previousById = new Map<number, T>()
  for (const item of previous) previousById.set(item.id, item)
  const nextIds = new Set<number>()
  for (const item of next) nextIds.add(item.id)
  const removed: number[] = []
  for (const item of previous) if (!nextIds.has(item.id)) removed.push(item.id)

  const oldOrders = next.map((item) => (previousById.has(item.id) ? orders.get(item.id) : undefined))
  const kept = new Uint8Array(next.length)
  for (const index of longestIncreasingRun(oldOrders)) kept[index] = 1

  const newOrders = new Map<number, number>()
  const put: Ordered<T>[] = []
  let lower = 0
  let index = 0
  while (index < next.length) {
    if (kept[index] === 1) {
      const order = oldOrders[index] as number
      const value = next[index]!
      newOrders.set(value.id, order)
      if (previousById.get(value.id) !== value) put.push({ value, order })
      lower = order
      index++
      continue
    }
    // A run of moved or new rows: spread them evenly between the kept neighbours.
    let end = index
    while (end < next.length && kept[end] === 0) end++
    const count = end - index
    const upper = end < next.length ? (oldOrders[end] as number) : lower + (count + 1) * planDbOrderStep
    const gap = (upper - lower) / (count + 1)
    if (!(gap > minimumGap)) return renumberAll(next, removed)
    for (let offset = 0; offset < count; offset++) {
      const value = next[index + offset]!
      const order = lower + gap * (offset + 1)
      newOrders.set(value.id, order)
      put.push({ value, order })
    }
    index = end
  }
  return { put, remove: removed, orders: newOrders }
}

/** Below this many rows a rewritten span takes its next chunk along, so deletes do not leave a trail of tiny chunks. */
const chunkMergeBelow = planDbChunkRows / 8

export type ChunkChanges = { put: ChunkWrite[]; remove: ChunkRef[]; layout: ChunkLayout }

/** First row position of each chunk, and the total count at the end. */
function chunkStarts(layout: ChunkLayout): number[] {
  const starts = [0]
  let total = 0
  for (const count of layout.counts) {
    total += count
    starts.push(total)
  }
  return starts
}

/** The chunk holding row `position` (0 <= position < total). */
function chunkAt(starts: readonly number[], position: number): number {
  let low = 0
  let high = starts.length - 2
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if ((starts[middle] as number) <= position) low = middle
    else high = middle - 1
  }
  return low
}

function chunksFromScratch(kind: ChunkKind, next: readonly object[], old: ChunkLayout): ChunkChanges {
  const counts = planDbChunkSizes(next.length)
  const keys = counts.map((_, piece) => (piece + 1) * planDbOrderStep)
  const put: ChunkWrite[] = []
  let start = 0
  counts.forEach((count, piece) => {
    put.push({ kind, key: keys[piece] as number, rows: next.slice(start, start + count) })
    start += count
  })
  const written = new Set(keys)
  const remove = old.keys.filter((key) => !written.has(key)).map((key) => ({ kind, key }))
  return { put, remove, layout: { keys, counts } }
}

/**
 * The chunks to write and delete so the stored chunks of one plan array hold `next`, and the layout afterwards.
 * @param layout where the rows of `previous` are stored
 */
export function chunkChangesBetween(
  kind: ChunkKind,
  previous: readonly object[],
  next: readonly object[],
  layout: ChunkLayout,
): ChunkChanges {
  if (previous === next) return { put: [], remove: [], layout }
  if (previous.length === 0 || layout.keys.length === 0) return chunksFromScratch(kind, next, layout)
  const shorter = Math.min(previous.length, next.length)
  let prefix = 0
  while (prefix < shorter && previous[prefix] === next[prefix]) prefix++
  let suffix = 0
  while (
    suffix < shorter - prefix &&
    previous[previous.length - 1 - suffix] === next[next.length - 1 - suffix]
  )
    suffix++
  if (prefix === previous.length && prefix === next.length) return { put: [], remove: [], layout }
  const starts = chunkStarts(layout)

  // The same rows in the same order, some of them changed: rewrite the chunks holding a changed row.
  if (previous.length === next.length) {
    let isSameSequence = true
    for (let index = prefix; isSameSequence && index < next.length - suffix; index++) {
      if ((previous[index] as { id: unknown }).id !== (next[index] as { id: unknown }).id) isSameSequence = false
    }
    if (isSameSequence) {
      const put: ChunkWrite[] = []
      const last = chunkAt(starts, next.length - suffix - 1)
      for (let chunk = chunkAt(starts, prefix); chunk <= last; chunk++) {
        const start = starts[chunk] as number
        const end = starts[chunk + 1] as number
        let isChanged = false
        for (let index = Math.max(start, prefix); !isChanged && index < end; index++)
          isChanged = previous[index] !== next[index]
        if (isChanged) put.push({ kind, key: layout.keys[chunk] as number, rows: next.slice(start, end) })
      }
      return { put, remove: [], layout }
    }
  }

  // Rows inserted, deleted or moved between the common prefix and suffix: rewrite the chunks covering them.
  const chunkCount = layout.keys.length
  const delta = next.length - previous.length
  let first = chunkAt(starts, Math.min(prefix, previous.length - 1))
  let last = previous.length - suffix > prefix ? chunkAt(starts, previous.length - suffix - 1) : first
  const spanOf = () => (starts[last + 1] as number) + delta - (starts[first] as number)
  while (spanOf() < chunkMergeBelow && (last + 1 < chunkCount || first > 0)) {
    if (last + 1 < chunkCount) last++
    else first--
  }
  const from = starts[first] as number
  const rows = next.slice(from, from + spanOf())
  const sizes = planDbChunkSizes(rows.length)
  const oldKeys = layout.keys.slice(first, last + 1)
  const upper = last + 1 < chunkCount ? (layout.keys[last + 1] as number) : (oldKeys[oldKeys.length - 1] as number) + (sizes.length + 1) * planDbOrderStep
  const keys: number[] = []
  for (let piece = 0; piece < sizes.length; piece++) {
    if (piece < oldKeys.length) keys.push(oldKeys[piece] as number)
    else {
      const base = oldKeys[oldKeys.length - 1] as number
      keys.push(base + ((upper - base) * (piece - oldKeys.length + 1)) / (sizes.length - oldKeys.length + 1))
    }
  }
  // Keys must stay strictly increasing; when the gap between neighbours runs out, renumber the whole array.
  for (let piece = 1; piece < keys.length; piece++) {
    if (!((keys[piece] as number) - (keys[piece - 1] as number) > minimumGap)) return chunksFromScratch(kind, next, layout)
  }
  if (keys.length > 0 && !(upper - (keys[keys.length - 1] as number) > minimumGap) && last + 1 < chunkCount)
    return chunksFromScratch(kind, next, layout)
  const put: ChunkWrite[] = []
  let start = 0
  sizes.forEach((size, piece) => {
    put.push({ kind, key: keys[piece] as number, rows: rows.slice(start, start + size) })
    start += size
  })
  const remove = oldKeys.slice(sizes.length).map((key) => ({ kind, key }))
  return {
    put,
    remove,
    layout: {
      keys: [...layout.keys.slice(0, first), ...keys, ...layout.keys.slice(last + 1)],
      counts: [...layout.counts.slice(0, first), ...sizes, ...layout.counts.slice(last + 1)],
    },
  }
}

const metaKeys = ['name', 'start', 'statusDate', 'calendarId', 'settings'] as const

/** Whether a change writes nothing. */
export function planChangesIsEmpty(changes: PlanChanges): boolean {
  const count = (list: readonly unknown[] | undefined) => list?.length ?? 0
  return (
    changes.plan === undefined &&
    count(changes.chunks?.put) +
      count(changes.chunks?.delete) +
      count(changes.calendars?.put) +
      count(changes.calendars?.delete) ===
      0
  )
}

/** The incremental change that turns the stored `previous` plan into `next`, and the layout after it. */
export function planChangesBetween(
  previous: Plan,
  next: Plan,
  layout: PlanLayout,
): { changes: PlanChanges; layout: PlanLayout } {
  const put: ChunkWrite[] = []
  const remove: ChunkRef[] = []
  const nextLayout: PlanLayout = { ...layout }
  for (const kind of planDbChunkKinds) {
    const changed = chunkChangesBetween(kind, previous[kind], next[kind], layout[kind])
    put.push(...changed.put)
    remove.push(...changed.remove)
    nextLayout[kind] = changed.layout
  }
  const calendars = rowChangesBetween<Calendar>(previous.calendars, next.calendars, layout.calendars)
  nextLayout.calendars = calendars.orders
  let meta: PlanMetaChange | undefined
  for (const key of metaKeys) {
    if (previous[key] !== next[key]) meta = { ...meta, [key]: next[key] }
  }
  if (previous.tasks.length !== next.tasks.length) meta = { ...meta, taskCount: next.tasks.length }
  const changes: PlanChanges = {}
  if (put.length > 0 || remove.length > 0) changes.chunks = { put, delete: remove }
  if (calendars.put.length > 0 || calendars.remove.length > 0)
    changes.calendars = { put: calendars.put, delete: calendars.remove }
  if (meta !== undefined) changes.plan = meta
  return { changes, layout: nextLayout }
}

export type { Ordered }
