import type { Plan } from '../../../shared/domain/model'
import {
  planDbOrderStep,
  type Ordered,
  type PlanChanges,
  type PlanMetaChange,
  type PlanOrders,
} from '../db/plan-db'

/**
 * Turns "the plan before" and "the plan after" an edit into the few rows IndexedDB must write.
 *
 * Edits are immutable updates with structural sharing: an unchanged task keeps its object, so a changed row is
 * found by reference in O(n) without comparing fields. Row order is kept with fractional `order` numbers: rows
 * that stay in sequence keep theirs (the longest increasing run of old orders), and only moved or new rows get a
 * number between their neighbours, so moving or inserting one task writes one row.
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

const metaKeys = ['name', 'start', 'statusDate', 'calendarId', 'settings', 'calendars'] as const

/** Whether a change writes nothing. */
export function planChangesIsEmpty(changes: PlanChanges): boolean {
  const count = (list: readonly unknown[] | undefined) => list?.length ?? 0
  return (
    changes.plan === undefined &&
    count(changes.put?.tasks) +
      count(changes.put?.dependencies) +
      count(changes.put?.resources) +
      count(changes.put?.assignments) +
      count(changes.delete?.tasks) +
      count(changes.delete?.dependencies) +
      count(changes.delete?.resources) +
      count(changes.delete?.assignments) ===
      0
  )
}

/** The incremental change that turns the stored `previous` plan into `next`, and the row orders after it. */
export function planChangesBetween(
  previous: Plan,
  next: Plan,
  orders: PlanOrders,
): { changes: PlanChanges; orders: PlanOrders } {
  const tasks = rowChangesBetween(previous.tasks, next.tasks, orders.tasks)
  const dependencies = rowChangesBetween(previous.dependencies, next.dependencies, orders.dependencies)
  const resources = rowChangesBetween(previous.resources, next.resources, orders.resources)
  const assignments = rowChangesBetween(previous.assignments, next.assignments, orders.assignments)
  let meta: PlanMetaChange | undefined
  for (const key of metaKeys) {
    if (previous[key] !== next[key]) meta = { ...meta, [key]: next[key] }
  }
  const changes: PlanChanges = {
    put: {
      tasks: tasks.put,
      dependencies: dependencies.put,
      resources: resources.put,
      assignments: assignments.put,
    },
    delete: {
      tasks: tasks.remove,
      dependencies: dependencies.remove,
      resources: resources.remove,
      assignments: assignments.remove,
    },
  }
  if (meta !== undefined) changes.plan = meta
  return {
    changes,
    orders: {
      tasks: tasks.orders,
      dependencies: dependencies.orders,
      resources: resources.orders,
      assignments: assignments.orders,
    },
  }
}
