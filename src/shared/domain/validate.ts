/**
 * Validation of a plan's task graph before scheduling, and the compiled graph the engine runs on.
 *
 * The graph has one node per task plus, for each summary, a second "close" node: node i opens task i (for a summary:
 * before its children), node n + i closes summary i (after its children). Edges:
 *   link p → s:            close(p) → s
 *   summary S, child c:    S → c and close(c) → n + S
 * so links to a summary constrain all its children and links from a summary wait for all of them, as in Microsoft
 * Project. A link between a task and its own summary makes a cycle, which Microsoft Project refuses too.
 */
import { calendarDayLimit } from './calendar'
import { dateIsValidIsoDateTime, dateToDayNumber, dateWallMinutesInRange, dateWallText } from './dates'
import type { Dependency, Plan, TaskId } from './model'
import type { Schedule, ScheduleProblem } from './schedule-types'
import { textExcerpt } from './text'

/** Link type codes used in the compiled graph. */
export const linkTypeCode = { FS: 0, SS: 1, FF: 2, SF: 3 } as const

/** The plan's outline and links as flat arrays (CSR adjacency), ready for the scheduling passes. */
export type PlanGraph = {
  taskCount: number
  indexOf: Map<TaskId, number>
  /** Outline parent index or -1. */
  parent: Int32Array
  isSummary: Uint8Array
  /** Children of task i: childList[childOffsets[i] .. childOffsets[i + 1]). */
  childOffsets: Int32Array
  childList: Int32Array
  /** Per link (index into `links`): predecessor index, successor index, type code (FS 0, SS 1, FF 2, SF 3). */
  links: Dependency[]
  linkPredecessor: Int32Array
  linkSuccessor: Int32Array
  linkType: Uint8Array
  /** Links into task i: predecessorLinks[predecessorOffsets[i] .. predecessorOffsets[i + 1]) (link indexes). */
  predecessorOffsets: Int32Array
  predecessorLinks: Int32Array
  /** Links out of task i, likewise. */
  successorOffsets: Int32Array
  successorLinks: Int32Array
  /** Topological order of the used nodes (i = task / summary open, n + i = summary close). */
  order: Int32Array
}

function csr(count: number, keys: Int32Array): { offsets: Int32Array; items: Int32Array } {
  const offsets = new Int32Array(count + 1)
  for (let index = 0; index < keys.length; index++) offsets[(keys[index] as number) + 1]!++
  for (let index = 0; index < count; index++)
    offsets[index + 1] = (offsets[index + 1] as number) + (offsets[index] as number)
  const fill = offsets.slice(0, count)
  const items = new Int32Array(keys.length)
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as number
    items[fill[key]!++] = index
  }
  return { offsets, items }
}

/** Outline parents from the outline levels (a task's parent is the nearest earlier task with a lower level). */
export function validateOutlineParents(levels: ArrayLike<number>): Int32Array {
  const count = levels.length
  const parent = new Int32Array(count).fill(-1)
  const stack: number[] = []
  for (let index = 0; index < count; index++) {
    const level = Math.max(1, Math.floor(levels[index] as number) || 1)
    while (
      stack.length > 0 &&
      Math.max(1, Math.floor(levels[stack[stack.length - 1] as number] as number) || 1) >= level
    )
      stack.pop()
    parent[index] = stack.length > 0 ? (stack[stack.length - 1] as number) : -1
    stack.push(index)
  }
  return parent
}

type Order = { order: Int32Array; cycle: number[] | null }

/** Kahn's algorithm over the expanded graph; on a cycle, returns the task indexes of one cycle, in order. */
function topologicalOrder(
  count: number,
  isSummary: Uint8Array,
  parent: Int32Array,
  childOffsets: Int32Array,
  childList: Int32Array,
  linkPredecessor: Int32Array,
  linkSuccessor: Int32Array,
  successorOffsets: Int32Array,
  successorLinks: Int32Array,
): Order {
  const nodeCount = 2 * count
  const indegree = new Int32Array(nodeCount)
  for (let link = 0; link < linkSuccessor.length; link++) indegree[linkSuccessor[link] as number]!++
  for (let task = 0; task < count; task++) {
    const up = parent[task] as number
    if (up >= 0) {
      indegree[task]!++
      indegree[count + up]!++
    }
  }
  const used = new Uint8Array(nodeCount)
  let usedCount = 0
  for (let task = 0; task < count; task++) {
    used[task] = 1
    usedCount++
    if (isSummary[task] === 1) {
      used[count + task] = 1
      usedCount++
    }
  }
  const order = new Int32Array(usedCount)
  let head = 0
  let tail = 0
  for (let node = 0; node < nodeCount; node++)
    if (used[node] === 1 && indegree[node] === 0) order[tail++] = node
  const release = (node: number): void => {
    if (--indegree[node]! === 0) order[tail++] = node
  }
  while (head < tail) {
    const node = order[head++] as number
    const task = node >= count ? node - count : node
    const isClose = node >= count || isSummary[task] === 0
    if (node < count && isSummary[task] === 1) {
      for (let child = childOffsets[task] as number; child < (childOffsets[task + 1] as number); child++)
        release(childList[child] as number)
    }
    if (isClose) {
      for (
        let link = successorOffsets[task] as number;
        link < (successorOffsets[task + 1] as number);
        link++
      ) {
        release(linkSuccessor[successorLinks[link] as number] as number)
      }
      const up = parent[task] as number
      if (up >= 0) release(count + up)
    }
  }
  if (tail === usedCount) return { order, cycle: null }

  // Find one cycle among the nodes left with a positive in-degree, on the edges that stay inside the remainder (each
  // such node has a predecessor there, so the remainder holds a cycle).
  const remains = (node: number): boolean => used[node] === 1 && (indegree[node] as number) > 0
  const successorsInRemainder: number[][] = new Array<number[]>(nodeCount)
  for (let node = 0; node < nodeCount; node++) {
    const out: number[] = []
    successorsInRemainder[node] = out
    if (!remains(node)) continue
    const task = node >= count ? node - count : node
    if (node < count && isSummary[task] === 1) {
      for (let child = childOffsets[task] as number; child < (childOffsets[task + 1] as number); child++) {
        const target = childList[child] as number
        if (remains(target)) out.push(target)
      }
    }
    if (node >= count || isSummary[task] === 0) {
      for (let link = successorOffsets[task] as number; link < (successorOffsets[task + 1] as number); link++) {
        const target = linkSuccessor[successorLinks[link] as number] as number
        if (remains(target)) out.push(target)
      }
      const up = parent[task] as number
      if (up >= 0 && remains(count + up)) out.push(count + up)
    }
  }
  const found = validateFindCycle(nodeCount, successorsInRemainder) ?? []
  const tasks: number[] = []
  for (const node of found) {
    const task = node >= count ? node - count : node
    if (tasks[tasks.length - 1] !== task) tasks.push(task)
  }
  if (tasks.length > 1 && tasks[0] === tasks[tasks.length - 1]) tasks.pop()
  return { order, cycle: tasks }
}

/**
 * Finds one cycle in a directed graph of `nodeCount` nodes, iteratively (no recursion, so a 100,000-task chain cannot
 * overflow the stack) and in time linear in nodes and edges. The one cycle finder of Gantry: the scheduler's check,
 * the Microsoft Project XML reader and the CSV import use it.
 * @param successors successors[i] lists the nodes that depend on node i
 * @returns the nodes of one cycle in link order (the first node is not repeated at the end), or null
 */
export function validateFindCycle(nodeCount: number, successors: readonly (readonly number[])[]): number[] | null {
  // 0 = unvisited, 1 = on the current path, 2 = done.
  const state = new Uint8Array(nodeCount)
  const parent = new Int32Array(nodeCount).fill(-1)
  const nextEdge = new Int32Array(nodeCount)
  const stack: number[] = []
  for (let root = 0; root < nodeCount; root++) {
    if (state[root] !== 0) continue
    stack.push(root)
    state[root] = 1
    while (stack.length > 0) {
      const node = stack[stack.length - 1] as number
      const edges = successors[node] ?? []
      const edgeIndex = nextEdge[node] as number
      if (edgeIndex >= edges.length) {
        state[node] = 2
        stack.pop()
        continue
      }
      nextEdge[node] = edgeIndex + 1
      const next = edges[edgeIndex] as number
      if (state[next] === 0) {
        parent[next] = node
        state[next] = 1
        stack.push(next)
      } else if (state[next] === 1) {
        // `next` is on the current path: the cycle is next -> ... -> node -> next.
        const cycle: number[] = []
        for (let current = node; current !== next && current !== -1; current = parent[current] as number) cycle.push(current)
        cycle.push(next)
        return cycle.reverse()
      }
    }
  }
  return null
}

/**
 * Task id → index in `plan.tasks`, filled on first use: building a Map of 100,000 entries costs more than a whole
 * scheduling pass, and many callers of a schedule never look a task up by id.
 */
export class TaskIndexMap extends Map<TaskId, number> {
  private pending: readonly TaskId[] | null

  constructor(ids: readonly TaskId[]) {
    super()
    this.pending = ids
  }

  private fill(): void {
    const ids = this.pending
    if (ids === null) return
    this.pending = null
    for (let index = 0; index < ids.length; index++) {
      const id = ids[index] as TaskId
      if (!super.has(id)) super.set(id, index)
    }
  }

  override get(key: TaskId): number | undefined {
    this.fill()
    return super.get(key)
  }

  override has(key: TaskId): boolean {
    this.fill()
    return super.has(key)
  }

  override set(key: TaskId, value: number): this {
    this.fill()
    return super.set(key, value)
  }

  override delete(key: TaskId): boolean {
    this.fill()
    return super.delete(key)
  }

  override clear(): void {
    this.pending = null
    super.clear()
  }

  override get size(): number {
    this.fill()
    return super.size
  }

  override forEach(
    callback: (value: number, key: TaskId, map: Map<TaskId, number>) => void,
    thisArgument?: unknown,
  ): void {
    this.fill()
    super.forEach(callback, thisArgument)
  }

  override entries(): MapIterator<[TaskId, number]> {
    this.fill()
    return super.entries()
  }

  override keys(): MapIterator<TaskId> {
    this.fill()
    return super.keys()
  }

  override values(): MapIterator<number> {
    this.fill()
    return super.values()
  }

  override [Symbol.iterator](): MapIterator<[TaskId, number]> {
    this.fill()
    return super[Symbol.iterator]()
  }
}

/** Result of `validatePlan`: the compiled graph, or every problem found. */
export type ValidateResult = { ok: true; graph: PlanGraph } | { ok: false; problems: ScheduleProblem[] }

/**
 * Checks a plan before scheduling: duplicate task ids, links to missing tasks, self links, dependency cycles (reported
 * with the task ids in cycle order), bad durations, lags and dates. The plan is not modified.
 * @returns the compiled graph when the plan can be scheduled, otherwise the list of problems
 */
export function validatePlan(plan: Plan): ValidateResult {
  const problems: ScheduleProblem[] = []
  const count = plan.tasks.length
  // Ids outside the array range below (negative, fractional or huge); usually empty.
  const otherIds = new Map<TaskId, number>()
  // Ids are usually small positive integers: look them up in an array (much faster than a Map for the links).
  // One pass per list: plans of 100,000 tasks are memory-bound, every extra walk over the objects costs.
  const slotLimit = 8 * count + 1024
  const levels = new Int32Array(count)
  const ids: TaskId[] = new Array<TaskId>(count)
  const slots = new Int32Array(slotLimit).fill(-1)
  const lookup = (id: TaskId): number => {
    if (Number.isInteger(id) && id >= 0 && id < slotLimit) return slots[id] as number
    return otherIds.get(id) ?? -1
  }
  const checkDate = (taskId: TaskId, label: string, value: string | null): void => {
    if (value !== null && !dateIsValidIsoDateTime(value)) {
      problems.push({
        kind: 'invalid-value',
        taskId,
        message: `Task ${taskId} has an invalid ${label} (${value}).`,
      })
    }
  }
  const tasks = plan.tasks
  for (let index = 0; index < count; index++) {
    const task = tasks[index] as (typeof tasks)[number]
    const id = task.id
    levels[index] = task.level
    ids[index] = id
    if (lookup(id) >= 0)
      problems.push({
        kind: 'duplicate-id',
        taskId: id,
        message: `Task id ${id} is used by more than one task.`,
      })
    else if (Number.isInteger(id) && id >= 0 && id < slotLimit) slots[id] = index
    else otherIds.set(id, index)
    if (!(task.duration >= 0) || task.duration === Number.POSITIVE_INFINITY) {
      problems.push({
        kind: 'invalid-value',
        taskId: id,
        message: `Task ${id} has an invalid duration (${task.duration}).`,
      })
    }
    if (!(task.levelingDelay >= 0) || task.levelingDelay === Number.POSITIVE_INFINITY) {
      problems.push({
        kind: 'invalid-value',
        taskId: id,
        message: `Task ${id} has an invalid leveling delay.`,
      })
    }
    const type = task.constraint.type
    if (
      type !== 'ASAP' &&
      type !== 'ALAP' &&
      (task.constraint.date === null || !dateIsValidIsoDateTime(task.constraint.date))
    ) {
      problems.push({
        kind: 'invalid-value',
        taskId: id,
        message: `Task ${id} has a ${type} constraint without a valid date.`,
      })
    }
    if (task.actualStart !== null) checkDate(id, 'actual start', task.actualStart)
    if (task.actualFinish !== null) checkDate(id, 'actual finish', task.actualFinish)
    if (task.deadline !== null) checkDate(id, 'deadline', task.deadline)
  }
  if (!dateIsValidIsoDateTime(plan.start)) {
    problems.push({
      kind: 'invalid-value',
      taskId: null,
      message: `The plan start "${plan.start}" is not a valid date.`,
    })
  }
  const links: Dependency[] = []
  const dependencies = plan.dependencies
  const linkPredecessor = new Int32Array(dependencies.length)
  const linkSuccessor = new Int32Array(dependencies.length)
  const linkType = new Uint8Array(dependencies.length)
  for (let index = 0; index < dependencies.length; index++) {
    const dependency = dependencies[index] as Dependency
    const predecessorIndex = lookup(dependency.predecessorId)
    const successorIndex = lookup(dependency.successorId)
    const hasPredecessor = predecessorIndex >= 0
    const hasSuccessor = successorIndex >= 0
    const isSelf = dependency.predecessorId === dependency.successorId
    const isLagValid = Number.isFinite(dependency.lag)
    if (hasPredecessor && hasSuccessor && !isSelf && isLagValid) {
      const at = links.length
      linkPredecessor[at] = predecessorIndex
      linkSuccessor[at] = successorIndex
      linkType[at] = linkTypeCode[dependency.type] ?? 0
      links.push(dependency)
      continue
    }
    if (!hasPredecessor) {
      problems.push({
        kind: 'missing-task',
        dependencyId: dependency.id,
        taskId: dependency.predecessorId,
        message: `Link ${dependency.id} refers to task ${dependency.predecessorId}, which does not exist.`,
      })
    }
    if (!hasSuccessor) {
      problems.push({
        kind: 'missing-task',
        dependencyId: dependency.id,
        taskId: dependency.successorId,
        message: `Link ${dependency.id} refers to task ${dependency.successorId}, which does not exist.`,
      })
    }
    if (isSelf) {
      problems.push({
        kind: 'self-link',
        dependencyId: dependency.id,
        taskId: dependency.predecessorId,
        message: `Task ${dependency.predecessorId} is linked to itself.`,
      })
    }
    if (!isLagValid) {
      problems.push({
        kind: 'invalid-value',
        taskId: dependency.successorId,
        message: `Link ${dependency.id} has an invalid lag.`,
      })
    }
  }
  if (problems.length > 0) return { ok: false, problems }

  const parent = validateOutlineParents(levels)
  const isSummary = new Uint8Array(count)
  for (let index = 0; index < count; index++) {
    const up = parent[index] as number
    if (up >= 0) isSummary[up] = 1
  }
  // Top-level tasks go to an extra bucket `count`, which is dropped.
  const childIndex = csr(
    count + 1,
    Int32Array.from(parent, (up) => (up < 0 ? count : up)),
  )
  const childOffsets = childIndex.offsets.slice(0, count + 1)
  const childList = childIndex.items
  const predecessors = csr(count, linkSuccessor)
  const successors = csr(count, linkPredecessor)
  const { order, cycle } = topologicalOrder(
    count,
    isSummary,
    parent,
    childOffsets,
    childList,
    linkPredecessor,
    linkSuccessor,
    successors.offsets,
    successors.items,
  )
  if (cycle !== null) {
    const taskIds = cycle.map((index) => (plan.tasks[index] as { id: TaskId }).id)
    const names = taskIds.map((id) => String(id))
    return {
      ok: false,
      problems: [
        {
          kind: 'cycle',
          taskIds,
          message: `Tasks ${[...names, names[0]].join(' → ')} form a dependency cycle (a link to or from a summary counts for all its tasks).`,
        },
      ],
    }
  }
  return {
    ok: true,
    graph: {
      taskCount: count,
      indexOf: new TaskIndexMap(ids),
      parent,
      isSummary,
      childOffsets,
      childList,
      links,
      linkPredecessor,
      linkSuccessor,
      linkType,
      predecessorOffsets: predecessors.offsets,
      predecessorLinks: predecessors.items,
      successorOffsets: successors.offsets,
      successorLinks: successors.items,
      order,
    },
  }
}

/**
 * Checks that a schedule lies where Gantry can place and write work: within `calendarDayLimit` days (about 270
 * years) of the plan start, where calendars reach (beyond it the engine can only pin a date to the edge of the
 * calendar, losing the task's duration), and within the years 0001-9999, which every file format holds.
 * Run it after scheduling and before writing a schedule anywhere; the import refuses a plan it fails.
 * @returns the first task (in plan order) with a date outside, as an `invalid-value` problem, or null
 */
export function validateScheduleRange(plan: Plan, schedule: Schedule): ScheduleProblem | null {
  const anchor = dateToDayNumber(plan.start.slice(0, 10))
  // The edges themselves are where a calendar pins what it cannot reach, so they count as outside.
  const low = (anchor - calendarDayLimit) * 1440
  const high = (anchor + calendarDayLimit) * 1440
  const outside = (minutes: number): boolean => Number.isFinite(minutes) && (minutes <= low || minutes >= high || !dateWallMinutesInRange(minutes))
  const arrays = [schedule.start, schedule.finish, schedule.earlyStart, schedule.earlyFinish, schedule.lateStart, schedule.lateFinish]
  const count = Math.min(plan.tasks.length, schedule.taskCount)
  for (let index = 0; index < count; index++) {
    let minutes = Number.NaN
    for (const values of arrays) {
      const value = values[index] as number
      if (outside(value)) {
        minutes = value
        break
      }
    }
    if (Number.isNaN(minutes)) continue
    const task = plan.tasks[index] as Plan['tasks'][number]
    const label = task.name.trim() === '' ? `Task ${task.id}` : `Task ${task.id} "${textExcerpt(task.name)}"`
    const isLate = minutes >= low
    const message = !dateWallMinutesInRange(minutes)
      ? `${label} would be scheduled ${isLate ? 'after 9999-12-31' : 'before 0001-01-01'}, outside the dates a plan can hold. Shorten its duration, lags or constraints.`
      : `${label} would be scheduled ${isLate ? 'on or after' : 'on or before'} ${dateWallText(minutes, 'day')}, more than ${calendarDayLimit.toLocaleString('en-US')} days (about 270 years) from the plan start, where Gantry cannot place work. Shorten its duration, lags or constraints.`
    return { kind: 'invalid-value', taskId: task.id, message }
  }
  return null
}
