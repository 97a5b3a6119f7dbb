/**
 * The load of a plan for one schedule (`loadCompute`) and after an edit (`loadUpdate`, which recomputes only the
 * resources assigned to the tasks that moved or whose assignments changed).
 *
 * Each assignment counts at its units over its own scheduled dates (`schedule.assignmentStart` / `assignmentFinish`:
 * on its resource's calendar when it drives its task), as Microsoft Project counts it; assignments to summary tasks
 * count too. An assignment without work (Microsoft Project's zero-work assignments) carries no load, nor does a
 * material resource's (its work is a quantity consumed, not time).
 */
import type { Assignment, Plan, Resource, ResourceId, Task, TaskId } from '../model'
import type { Schedule } from '../schedule-types'
import { resourceCalendarDays } from './calendars'
import { loadEmpty, loadResourceFromSpans, loadSpansCreate, loadSpansPush } from './sweep'
import type { LoadItem, OverallocationPeriod, PlanLoad, ResourceLoad } from './types'

type AssignmentIndex = { byResource: Map<ResourceId, number[]> }
const assignmentIndexCache = new WeakMap<readonly Assignment[], AssignmentIndex>()

/** Positions in `assignments` grouped by resource; cached per assignments array (plans are immutable). */
function assignmentIndex(assignments: readonly Assignment[]): AssignmentIndex {
  const cached = assignmentIndexCache.get(assignments)
  if (cached !== undefined) return cached
  const byResource = new Map<ResourceId, number[]>()
  assignments.forEach((assignment, position) => {
    let list = byResource.get(assignment.resourceId)
    if (list === undefined) byResource.set(assignment.resourceId, (list = []))
    list.push(position)
  })
  const index = { byResource }
  assignmentIndexCache.set(assignments, index)
  return index
}

/**
 * The load-carrying assignments of resource `resourceId` as spans of the schedule: each assignment over its own
 * dates at its units (assignments without work or units, and zero-length spans, carry no load and are skipped).
 */
export function loadResourceItems(plan: Plan, schedule: Schedule, resourceId: ResourceId): LoadItem[] {
  const items: LoadItem[] = []
  const positions = assignmentIndex(plan.assignments).byResource.get(resourceId)
  if (positions === undefined) return items
  if (plan.resources.find((resource) => resource.id === resourceId)?.type === 'material') return items
  for (const position of positions) {
    const assignment = plan.assignments[position] as Assignment
    const taskIndex = schedule.indexOf.get(assignment.taskId)
    if (taskIndex === undefined) continue
    const start = schedule.assignmentStart[position] as number
    const finish = schedule.assignmentFinish[position] as number
    if (!(finish > start) || !(assignment.units > 0) || !((schedule.assignmentWork[position] as number) > 0))
      continue
    items.push({ start, finish, units: assignment.units, taskIndex })
  }
  return items
}

const taskIndexTables = new WeakMap<readonly Task[], Int32Array | null>()

/**
 * Position + 1 of each task id in `tasks` (0 = no such task) as a flat table when ids are reasonably dense, so the
 * 12,000 lookups of a full computation are array reads instead of map lookups; `null` for sparse ids.
 */
function taskIndexTable(tasks: readonly Task[]): Int32Array | null {
  const cached = taskIndexTables.get(tasks)
  if (cached !== undefined) return cached
  let maxId = -1
  for (const task of tasks) if (task.id > maxId) maxId = task.id
  let table: Int32Array | null = null
  if (maxId < tasks.length * 4 + 1024) {
    table = new Int32Array(maxId + 1)
    tasks.forEach((task, index) => {
      if (task.id >= 0 && table !== null && table[task.id] === 0) table[task.id] = index + 1
    })
  }
  taskIndexTables.set(tasks, table)
  return table
}

function computeResource(
  plan: Plan,
  schedule: Schedule,
  resource: Resource,
  positions: readonly number[] | undefined,
): ResourceLoad {
  // A material's quantities are not time worked: it has no load and is never over-allocated (Microsoft Project).
  if (positions === undefined || positions.length === 0 || resource.type === 'material')
    return loadEmpty(resource)
  const spans = loadSpansCreate(positions.length)
  const { indexOf, assignmentStart, assignmentFinish, assignmentWork } = schedule
  const assignments = plan.assignments
  const table = plan.tasks.length === schedule.taskCount ? taskIndexTable(plan.tasks) : null
  for (const position of positions) {
    const assignment = assignments[position] as Assignment
    const id = assignment.taskId
    const taskIndex =
      table !== null && id >= 0 && id < table.length ? (table[id] as number) - 1 : (indexOf.get(id) ?? -1)
    if (taskIndex < 0) continue
    const from = assignmentStart[position] as number
    const to = assignmentFinish[position] as number
    if (!(to > from) || !(assignment.units > 0) || !((assignmentWork[position] as number) > 0)) continue
    loadSpansPush(spans, from, to, assignment.units, taskIndex)
  }
  const tasks = plan.tasks
  return loadResourceFromSpans(
    resource,
    spans,
    resourceCalendarDays(plan, resource),
    (taskIndex) => (tasks[taskIndex] as { id: TaskId }).id,
  )
}

function assemble(plan: Plan, schedule: Schedule, resources: ResourceLoad[]): PlanLoad {
  const byResource = new Map<ResourceId, ResourceLoad>()
  const conflicts: OverallocationPeriod[] = []
  for (const load of resources) {
    byResource.set(load.resourceId, load)
    for (const period of load.periods) conflicts.push(period)
  }
  // Each resource's periods are in day order already; a stable sort on the start day keeps resource order on ties.
  conflicts.sort((a, b) => a.startDay - b.startDay)
  // The marker set is built when first read (a set of thousands of ids costs more than the update itself).
  let overallocated: Set<TaskId> | null = null
  return {
    resources,
    byResource,
    conflicts,
    get overallocatedTaskIds(): Set<TaskId> {
      if (overallocated === null) {
        overallocated = new Set<TaskId>()
        for (const conflict of conflicts) for (const taskId of conflict.taskIds) overallocated.add(taskId)
      }
      return overallocated
    },
    plan,
    schedule,
  }
}

/**
 * Load of every resource of `plan` for `schedule` (the result of scheduling this plan): per-day assigned and
 * available work, over-allocated days and periods with their peak and colliding tasks.
 */
export function loadCompute(plan: Plan, schedule: Schedule): PlanLoad {
  const index = assignmentIndex(plan.assignments)
  return assemble(
    plan,
    schedule,
    plan.resources.map((resource) =>
      computeResource(plan, schedule, resource, index.byResource.get(resource.id)),
    ),
  )
}

/**
 * Ids of the tasks whose scheduled span differs between two schedules of plans with the same task list.
 * Returns `null` when the task lists differ (then only a full `loadCompute` is correct).
 */
export function loadChangedTaskIds(plan: Plan, before: Schedule, after: Schedule): TaskId[] | null {
  if (before.taskCount !== after.taskCount || plan.tasks.length !== after.taskCount) return null
  if (
    before.assignmentStart.length !== after.assignmentStart.length ||
    after.assignmentStart.length !== plan.assignments.length
  )
    return null
  const changed: TaskId[] = []
  for (let index = 0; index < after.taskCount; index++) {
    if (
      before.start[index] !== after.start[index] ||
      before.finish[index] !== after.finish[index] ||
      before.isSummary[index] !== after.isSummary[index]
    )
      changed.push((plan.tasks[index] as { id: TaskId }).id)
  }
  // An assignment can move (or its work change) inside a task that keeps its dates.
  let extra: Set<TaskId> | null = null
  for (let position = 0; position < after.assignmentStart.length; position++) {
    if (
      before.assignmentStart[position] !== after.assignmentStart[position] ||
      before.assignmentFinish[position] !== after.assignmentFinish[position] ||
      before.assignmentWork[position] !== after.assignmentWork[position]
    )
      (extra ??= new Set()).add((plan.assignments[position] as Assignment).taskId)
  }
  if (extra !== null) {
    for (const taskId of changed) extra.delete(taskId)
    for (const taskId of extra) changed.push(taskId)
  }
  return changed
}

/** Tasks whose assignments differ between two assignment lists (added, removed or changed rows). */
function changedAssignmentTaskIds(before: readonly Assignment[], after: readonly Assignment[]): TaskId[] {
  if (before === after) return []
  if (before.length === after.length) {
    // The usual edit replaces rows in place: compare position by position while the ids line up.
    const changed: TaskId[] = []
    let isAligned = true
    for (let index = 0; index < after.length && isAligned; index++) {
      const previous = before[index] as Assignment
      const next = after[index] as Assignment
      if (previous === next) continue
      if (previous.id !== next.id) isAligned = false
      else changed.push(previous.taskId, next.taskId)
    }
    if (isAligned) return changed
  }
  const previousById = new Map<number, Assignment>()
  for (const assignment of before) previousById.set(assignment.id, assignment)
  const changed: TaskId[] = []
  for (const assignment of after) {
    const previous = previousById.get(assignment.id)
    previousById.delete(assignment.id)
    if (previous === assignment) continue
    changed.push(assignment.taskId)
    if (previous !== undefined) changed.push(previous.taskId)
  }
  for (const removed of previousById.values()) changed.push(removed.taskId)
  return changed
}

/**
 * The load after an edit, recomputing only the resources assigned (before or after the edit) to the changed tasks.
 * `changedTaskIds` lists tasks whose dates or assignments changed; when omitted it is found by comparing the schedules
 * and the assignment lists.
 * Falls back to a full `loadCompute` when resources, calendars or the task list changed.
 */
export function loadUpdate(
  previous: PlanLoad,
  plan: Plan,
  schedule: Schedule,
  changedTaskIds?: Iterable<TaskId>,
): PlanLoad {
  const isSameShape =
    plan.resources === previous.plan.resources &&
    plan.calendars === previous.plan.calendars &&
    plan.calendarId === previous.plan.calendarId &&
    plan.tasks.length === previous.plan.tasks.length &&
    schedule.taskCount === previous.schedule.taskCount
  if (!isSameShape) return loadCompute(plan, schedule)
  let changed: Iterable<TaskId> | null = changedTaskIds ?? null
  if (changed === null) {
    const moved = loadChangedTaskIds(plan, previous.schedule, schedule)
    if (moved === null) return loadCompute(plan, schedule)
    changed = [...moved, ...changedAssignmentTaskIds(previous.plan.assignments, plan.assignments)]
  }
  // Resources assigned (before or after the edit) to a changed task, and their new assignment lists, in two scans.
  const changedSet = changed instanceof Set ? (changed as Set<TaskId>) : new Set<TaskId>(changed)
  const affected = new Set<ResourceId>()
  if (changedSet.size > 0) {
    for (const assignment of previous.plan.assignments)
      if (changedSet.has(assignment.taskId)) affected.add(assignment.resourceId)
    for (const assignment of plan.assignments)
      if (changedSet.has(assignment.taskId)) affected.add(assignment.resourceId)
  }
  if (affected.size === 0) {
    return {
      resources: previous.resources,
      byResource: previous.byResource,
      conflicts: previous.conflicts,
      get overallocatedTaskIds(): Set<TaskId> {
        return previous.overallocatedTaskIds
      },
      plan,
      schedule,
    }
  }
  const lists = new Map<ResourceId, number[]>()
  for (const resourceId of affected) lists.set(resourceId, [])
  plan.assignments.forEach((assignment, position) => lists.get(assignment.resourceId)?.push(position))
  const resources = previous.resources.map((load, position) => {
    const list = lists.get(load.resourceId)
    return list === undefined
      ? load
      : computeResource(plan, schedule, plan.resources[position] as Resource, list)
  })
  return assemble(plan, schedule, resources)
}
