/**
 * Pure plan edits behind every editor command. Each function returns a new Plan (or the same object when
 * nothing changes) and never mutates its input: unchanged tasks, links and assignments keep their identity,
 * which lets `planDiff` find the changed rows in O(n) by reference comparison.
 */
import { makeTask } from '../../../shared/domain/defaults'
import type {
  Constraint,
  Dependency,
  DependencyId,
  DependencyType,
  Plan,
  Task,
  TaskId,
} from '../../../shared/domain/model'

/** The index just past the last descendant of the task at `index` (its outline block is [index, end)). */
export function outlineBlockEnd(tasks: readonly Task[], index: number): number {
  const level = tasks[index]?.level ?? 0
  let end = index + 1
  while (end < tasks.length && (tasks[end] as Task).level > level) end++
  return end
}

/** Whether the task at `index` has children in the outline. */
export function outlineIsSummary(tasks: readonly Task[], index: number): boolean {
  const next = tasks[index + 1]
  return next !== undefined && next.level > (tasks[index] as Task).level
}

/** Highest id in use, so new rows get fresh ids. */
export function planMaxIds(plan: Plan): { task: number; dependency: number; assignment: number } {
  let task = 0
  for (const item of plan.tasks) if (item.id > task) task = item.id
  let dependency = 0
  for (const item of plan.dependencies) if (item.id > dependency) dependency = item.id
  let assignment = 0
  for (const item of plan.assignments) if (item.id > assignment) assignment = item.id
  return { task, dependency, assignment }
}

function indexById(plan: Plan, ids: Iterable<TaskId>): number[] {
  const wanted = new Set(ids)
  const result: number[] = []
  plan.tasks.forEach((task, index) => {
    if (wanted.has(task.id)) result.push(index)
  })
  return result
}

/**
 * Inserts a new task at row `index` (0 = first row). Its level is the level of the row it is inserted
 * before, or of the row above when appending, as Microsoft Project does.
 */
export function commandInsertTask(plan: Plan, index: number, id: TaskId, overrides: Partial<Task> = {}): Plan {
  const at = Math.max(0, Math.min(index, plan.tasks.length))
  const below = plan.tasks[at]
  const above = plan.tasks[at - 1]
  const level = below?.level ?? above?.level ?? 1
  const task = makeTask(id, { level, name: '', ...overrides })
  const tasks = plan.tasks.slice()
  tasks.splice(at, 0, task)
  return { ...plan, tasks }
}

/** Deletes tasks with their subtasks, their links and their assignments. */
export function commandDeleteTasks(plan: Plan, ids: readonly TaskId[]): Plan {
  const removed = new Set<TaskId>()
  for (const index of indexById(plan, ids)) {
    const end = outlineBlockEnd(plan.tasks, index)
    for (let row = index; row < end; row++) removed.add((plan.tasks[row] as Task).id)
  }
  if (removed.size === 0) return plan
  return {
    ...plan,
    tasks: plan.tasks.filter((task) => !removed.has(task.id)),
    dependencies: plan.dependencies.filter(
      (link) => !removed.has(link.predecessorId) && !removed.has(link.successorId),
    ),
    assignments: plan.assignments.filter((assignment) => !removed.has(assignment.taskId)),
  }
}

/**
 * Indents tasks (with their subtasks) one level, under the row above. A task cannot go deeper than one level
 * below the row above it, so the first row and a task already under its predecessor stay where they are.
 */
export function commandIndent(plan: Plan, ids: readonly TaskId[]): Plan {
  const tasks = plan.tasks.slice()
  let changed = false
  const done = new Set<number>()
  for (const index of indexById(plan, ids)) {
    if (done.has(index)) continue
    const above = tasks[index - 1]
    const task = tasks[index] as Task
    if (above === undefined || above.level < task.level) continue
    const end = outlineBlockEnd(tasks, index)
    for (let row = index; row < end; row++) {
      tasks[row] = { ...(tasks[row] as Task), level: (tasks[row] as Task).level + 1 }
      done.add(row)
    }
    changed = true
  }
  return changed ? { ...plan, tasks } : plan
}

/**
 * Outdents tasks (with their subtasks) one level. Following siblings become its subtasks, as in
 * Microsoft Project, which in an outline kept as levels needs no further change.
 */
export function commandOutdent(plan: Plan, ids: readonly TaskId[]): Plan {
  const tasks = plan.tasks.slice()
  let changed = false
  const done = new Set<number>()
  for (const index of indexById(plan, ids)) {
    if (done.has(index)) continue
    const task = tasks[index] as Task
    if (task.level <= 1) continue
    const end = outlineBlockEnd(tasks, index)
    for (let row = index; row < end; row++) {
      tasks[row] = { ...(tasks[row] as Task), level: (tasks[row] as Task).level - 1 }
      done.add(row)
    }
    changed = true
  }
  return changed ? { ...plan, tasks } : plan
}

/**
 * Moves a task with its subtasks past the neighbouring sibling block, up (`-1`) or down (`+1`), inside the
 * same parent. Returns the plan unchanged at the edge of the parent.
 */
export function commandMoveTask(plan: Plan, id: TaskId, direction: -1 | 1): Plan {
  const tasks = plan.tasks
  const index = tasks.findIndex((task) => task.id === id)
  if (index < 0) return plan
  const level = (tasks[index] as Task).level
  const end = outlineBlockEnd(tasks, index)
  let result: Task[]
  if (direction < 0) {
    let previous = index - 1
    while (previous >= 0 && (tasks[previous] as Task).level > level) previous--
    if (previous < 0 || (tasks[previous] as Task).level < level) return plan
    result = [...tasks.slice(0, previous), ...tasks.slice(index, end), ...tasks.slice(previous, index), ...tasks.slice(end)]
  } else {
    const next = tasks[end]
    if (next === undefined || next.level !== level) return plan
    const nextEnd = outlineBlockEnd(tasks, end)
    result = [...tasks.slice(0, index), ...tasks.slice(end, nextEnd), ...tasks.slice(index, end), ...tasks.slice(nextEnd)]
  }
  return { ...plan, tasks: result }
}

/** Changes fields of one task. */
export function commandUpdateTask(plan: Plan, id: TaskId, patch: Partial<Omit<Task, 'id'>>): Plan {
  const index = plan.tasks.findIndex((task) => task.id === id)
  if (index < 0) return plan
  const current = plan.tasks[index] as Task
  const keys = Object.keys(patch) as (keyof typeof patch)[]
  if (keys.every((key) => JSON.stringify(current[key]) === JSON.stringify(patch[key]))) return plan
  const tasks = plan.tasks.slice()
  tasks[index] = { ...current, ...patch }
  return { ...plan, tasks }
}

/** Toggles (or sets) the collapsed state of summaries. */
export function commandSetCollapsed(plan: Plan, ids: readonly TaskId[], isCollapsed: boolean): Plan {
  const wanted = new Set(ids)
  let changed = false
  const tasks = plan.tasks.map((task, index) => {
    if (!wanted.has(task.id) || task.isCollapsed === isCollapsed || !outlineIsSummary(plan.tasks, index)) return task
    changed = true
    return { ...task, isCollapsed }
  })
  return changed ? { ...plan, tasks } : plan
}

/** A link to add, without an id yet. */
export type LinkInput = { predecessorId: TaskId; type: DependencyType; lag: number; lagUnit: Dependency['lagUnit'] }

/** Replaces all predecessor links of `successorId` by `links`, keeping the ids and identity of unchanged ones. */
export function commandSetPredecessors(plan: Plan, successorId: TaskId, links: readonly LinkInput[], firstNewId: DependencyId): Plan {
  const existing = plan.dependencies.filter((link) => link.successorId === successorId)
  const kept: Dependency[] = []
  const added: Dependency[] = []
  let nextId = firstNewId
  const unused = existing.slice()
  for (const link of links) {
    const same = unused.findIndex(
      (old) => old.predecessorId === link.predecessorId && old.type === link.type && old.lag === link.lag && old.lagUnit === link.lagUnit,
    )
    if (same >= 0) {
      kept.push(unused[same] as Dependency)
      unused.splice(same, 1)
    } else {
      added.push({ id: nextId++, successorId, ...link })
    }
  }
  if (unused.length === 0 && added.length === 0) return plan
  const removed = new Set(unused.map((link) => link.id))
  return { ...plan, dependencies: [...plan.dependencies.filter((link) => !removed.has(link.id)), ...added] }
}

/** Adds one link unless the same pair is already linked. */
export function commandLink(plan: Plan, predecessorId: TaskId, successorId: TaskId, type: DependencyType, id: DependencyId): Plan {
  if (predecessorId === successorId) return plan
  if (plan.dependencies.some((link) => link.predecessorId === predecessorId && link.successorId === successorId)) return plan
  return { ...plan, dependencies: [...plan.dependencies, { id, predecessorId, successorId, type, lag: 0, lagUnit: 'd' }] }
}

/** Removes links by id. */
export function commandUnlink(plan: Plan, ids: readonly DependencyId[]): Plan {
  const removed = new Set(ids)
  const dependencies = plan.dependencies.filter((link) => !removed.has(link.id))
  return dependencies.length === plan.dependencies.length ? plan : { ...plan, dependencies }
}

/** Sets a task's constraint, e.g. start-no-earlier-than after a bar is dragged. */
export function commandSetConstraint(plan: Plan, id: TaskId, constraint: Constraint): Plan {
  return commandUpdateTask(plan, id, { constraint })
}

/** Rows on the clipboard: tasks with levels relative to the first, and the links among them. */
export type ClipboardRows = {
  tasks: Task[]
  links: { from: number; to: number; type: DependencyType; lag: number; lagUnit: Dependency['lagUnit'] }[]
}

/** Copies tasks (with their subtasks) and the links between the copied tasks. */
export function clipboardCopy(plan: Plan, ids: readonly TaskId[]): ClipboardRows {
  const rows: Task[] = []
  const seen = new Set<TaskId>()
  for (const index of indexById(plan, ids)) {
    const end = outlineBlockEnd(plan.tasks, index)
    for (let row = index; row < end; row++) {
      const task = plan.tasks[row] as Task
      if (!seen.has(task.id)) {
        seen.add(task.id)
        rows.push(task)
      }
    }
  }
  const position = new Map(rows.map((task, index) => [task.id, index]))
  const links = plan.dependencies
    .filter((link) => position.has(link.predecessorId) && position.has(link.successorId))
    .map((link) => ({
      from: position.get(link.predecessorId) as number,
      to: position.get(link.successorId) as number,
      type: link.type,
      lag: link.lag,
      lagUnit: link.lagUnit,
    }))
  const baseLevel = rows.reduce((min, task) => Math.min(min, task.level), Number.POSITIVE_INFINITY)
  return { tasks: rows.map((task) => ({ ...task, level: task.level - baseLevel + 1 })), links }
}

/** Pastes clipboard rows before row `index`, at that row's level, with fresh ids. */
export function commandPasteRows(plan: Plan, index: number, rows: ClipboardRows, firstTaskId: TaskId, firstLinkId: DependencyId): Plan {
  if (rows.tasks.length === 0) return plan
  const at = Math.max(0, Math.min(index, plan.tasks.length))
  const baseLevel = plan.tasks[at]?.level ?? plan.tasks[at - 1]?.level ?? 1
  const pasted = rows.tasks.map((task, offset) => ({
    ...task,
    id: firstTaskId + offset,
    level: task.level - 1 + baseLevel,
    start: null,
    finish: null,
  }))
  const tasks = plan.tasks.slice()
  tasks.splice(at, 0, ...pasted)
  const dependencies = plan.dependencies.concat(
    rows.links.map((link, offset) => ({
      id: firstLinkId + offset,
      predecessorId: firstTaskId + link.from,
      successorId: firstTaskId + link.to,
      type: link.type,
      lag: link.lag,
      lagUnit: link.lagUnit,
    })),
  )
  return { ...plan, tasks, dependencies }
}
