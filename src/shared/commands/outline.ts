/**
 * Outline commands: add, delete, indent, outdent, move, collapse and expand rows, and paste copied rows. The
 * outline is kept as levels in `plan.tasks` order: a task's subtasks are the rows below it with a deeper level.
 */
import { makeTask } from '../domain/defaults'
import type { Plan, Task, TaskId } from '../domain/model'
import { raidUnlinkTasks } from '../domain/raid'
import { commandDefine, commandDone, commandRefuse, type ClipboardRows, type CommandContext } from './types'

/** The index just past the last descendant of the task at `index` (its outline block is [index, end)). */
export function outlineBlockEnd(tasks: readonly Task[], index: number): number {
  const level = tasks[index]?.level ?? 0
  let end = index + 1
  while (end < tasks.length && (tasks[end]?.level ?? 0) > level) end++
  return end
}

/** Whether the task at `index` has children in the outline. */
export function outlineIsSummary(tasks: readonly Task[], index: number): boolean {
  const task = tasks[index]
  const next = tasks[index + 1]
  return task !== undefined && next !== undefined && next.level > task.level
}

/** Whether the task at `index` is hidden under a collapsed summary. */
export function outlineIsHidden(tasks: readonly Task[], index: number): boolean {
  let level = tasks[index]?.level ?? 0
  for (let row = index - 1; row >= 0 && level > 1; row--) {
    const above = tasks[row]
    if (above === undefined || above.level >= level) continue
    if (above.isCollapsed) return true
    level = above.level
  }
  return false
}

/** Indexes of the tasks with the given ids, in outline order. */
export function outlineIndexes(plan: Plan, ids: Iterable<TaskId>): number[] {
  const wanted = new Set(ids)
  const result: number[] = []
  plan.tasks.forEach((task, index) => {
    if (wanted.has(task.id)) result.push(index)
  })
  return result
}

/** The tasks a selection command works on: those the input names, else the selection. */
function targets(input: { taskIds?: readonly TaskId[] }, context: CommandContext): readonly TaskId[] {
  return input.taskIds ?? context.selection
}

/** Input of the commands that work on selected tasks; `taskIds` names other tasks than the selection. */
export type TasksInput = { taskIds?: readonly TaskId[] }

/** Where a new row goes, relative to the active task (the first selected). */
export type InsertWhere = 'above' | 'below' | 'end'

/**
 * The row index a new task goes to. Above: at the active task. Below: after the active task's block, or, below an
 * expanded summary, as its first subtask. Without an active task, or `end`: after the last row.
 */
export function outlineInsertIndex(plan: Plan, activeTaskId: TaskId | undefined, where: InsertWhere): number {
  const tasks = plan.tasks
  const at = activeTaskId === undefined || where === 'end' ? -1 : tasks.findIndex((task) => task.id === activeTaskId)
  if (at < 0) return tasks.length
  if (where === 'above') return at
  const end = outlineBlockEnd(tasks, at)
  return end > at + 1 && tasks[at]?.isCollapsed !== true ? at + 1 : end
}

/**
 * Inserts a task at row `index` (0 = first row). Its level is the level of the row it is inserted before, or of
 * the row above when appending, as Microsoft Project does.
 */
export function outlineInsert(plan: Plan, index: number, task: Task): Plan {
  const at = Math.max(0, Math.min(index, plan.tasks.length))
  const level = plan.tasks[at]?.level ?? plan.tasks[at - 1]?.level ?? 1
  const tasks = plan.tasks.slice()
  tasks.splice(at, 0, { ...task, level })
  return { ...plan, tasks }
}

export const taskInsert = commandDefine({
  id: 'task/insert',
  label: 'Insert task',
  needs: {},
  checks: [],
  perform(plan, input: { where?: InsertWhere; index?: number; fields?: Partial<Omit<Task, 'id' | 'level'>> }, context) {
    const index = input.index ?? outlineInsertIndex(plan, context.selection[0], input.where ?? 'above')
    const id = context.ids.task
    const next = outlineInsert(plan, index, makeTask(id, { name: '', schedulingMode: plan.settings.newTaskSchedulingMode, ...input.fields }))
    return { ok: true, plan: next, selection: [id], value: id }
  },
})

/** After deleting the block at `index`: the task now in its place, else the nearest visible one above. */
function selectionAfterDelete(tasks: readonly Task[], index: number): TaskId[] {
  const next = tasks[index]
  if (next !== undefined) return [next.id]
  for (let row = Math.min(index, tasks.length) - 1; row >= 0; row--) {
    const task = tasks[row]
    if (task !== undefined && !outlineIsHidden(tasks, row)) return [task.id]
  }
  return []
}

export const taskDelete = commandDefine({
  id: 'task/delete',
  label: 'Delete tasks',
  needs: { selection: 1 },
  checks: [],
  perform(plan, input: TasksInput, context) {
    const removed = new Set<TaskId>()
    const indexes = outlineIndexes(plan, targets(input, context))
    for (const index of indexes) {
      const end = outlineBlockEnd(plan.tasks, index)
      for (let row = index; row < end; row++) {
        const task = plan.tasks[row]
        if (task !== undefined) removed.add(task.id)
      }
    }
    if (removed.size === 0) return commandDone(plan)
    const activeIndex = plan.tasks.findIndex((task) => task.id === targets(input, context)[0])
    const tasks = plan.tasks.filter((task) => !removed.has(task.id))
    const kept = plan.tasks.slice(0, Math.max(0, activeIndex)).filter((task) => !removed.has(task.id)).length
    const next: Plan = {
      ...plan,
      tasks,
      dependencies: plan.dependencies.filter((link) => !removed.has(link.predecessorId) && !removed.has(link.successorId)),
      assignments: plan.assignments.filter((assignment) => !removed.has(assignment.taskId)),
      // RAID items stay in the log; they only lose their links to the deleted tasks.
      raid: raidUnlinkTasks(plan.raid, removed),
    }
    return commandDone(next, selectionAfterDelete(tasks, kept))
  },
})

/** Shifts the level of every row of the blocks at `indexes` by `step`, each block once. */
function shiftBlocks(plan: Plan, indexes: readonly number[], step: 1 | -1): Plan {
  const tasks = plan.tasks.slice()
  let isChanged = false
  const done = new Set<number>()
  for (const index of indexes) {
    const task = tasks[index]
    if (done.has(index) || task === undefined) continue
    if (step > 0) {
      // A task cannot go deeper than one level below the row above it.
      const above = tasks[index - 1]
      if (above === undefined || above.level < task.level) continue
    } else if (task.level <= 1) continue
    const end = outlineBlockEnd(tasks, index)
    for (let row = index; row < end; row++) {
      const current = tasks[row]
      if (current === undefined) continue
      tasks[row] = { ...current, level: current.level + step }
      done.add(row)
    }
    isChanged = true
  }
  return isChanged ? { ...plan, tasks } : plan
}

export const taskIndent = commandDefine({
  id: 'task/indent',
  label: 'Indent',
  needs: { selection: 1 },
  checks: ['links'],
  perform(plan, input: TasksInput, context) {
    return commandDone(shiftBlocks(plan, outlineIndexes(plan, targets(input, context)), 1))
  },
})

/** Outdents with subtasks. Following siblings become its subtasks, as in Microsoft Project (levels need no more). */
export const taskOutdent = commandDefine({
  id: 'task/outdent',
  label: 'Outdent',
  needs: { selection: 1 },
  checks: ['links'],
  perform(plan, input: TasksInput, context) {
    return commandDone(shiftBlocks(plan, outlineIndexes(plan, targets(input, context)), -1))
  },
})

/**
 * Moves a task with its subtasks past the neighbouring sibling block, up (`-1`) or down (`+1`), inside the same
 * parent. Returns the plan unchanged at the edge of the parent.
 */
export function outlineMove(plan: Plan, id: TaskId, direction: -1 | 1): Plan {
  const tasks = plan.tasks
  const index = tasks.findIndex((task) => task.id === id)
  const task = tasks[index]
  if (task === undefined) return plan
  const level = task.level
  const end = outlineBlockEnd(tasks, index)
  let result: Task[]
  if (direction < 0) {
    let previous = index - 1
    while (previous >= 0 && (tasks[previous]?.level ?? 0) > level) previous--
    if (previous < 0 || (tasks[previous]?.level ?? 0) < level) return plan
    result = [...tasks.slice(0, previous), ...tasks.slice(index, end), ...tasks.slice(previous, index), ...tasks.slice(end)]
  } else {
    const next = tasks[end]
    if (next === undefined || next.level !== level) return plan
    const nextEnd = outlineBlockEnd(tasks, end)
    result = [...tasks.slice(0, index), ...tasks.slice(end, nextEnd), ...tasks.slice(index, end), ...tasks.slice(nextEnd)]
  }
  return { ...plan, tasks: result }
}

export const taskMoveUp = commandDefine({
  id: 'task/move-up',
  label: 'Move up',
  needs: { selection: 1 },
  checks: [],
  perform(plan, input: TasksInput, context) {
    const id = targets(input, context)[0]
    return commandDone(id === undefined ? plan : outlineMove(plan, id, -1))
  },
})

export const taskMoveDown = commandDefine({
  id: 'task/move-down',
  label: 'Move down',
  needs: { selection: 1 },
  checks: [],
  perform(plan, input: TasksInput, context) {
    const id = targets(input, context)[0]
    return commandDone(id === undefined ? plan : outlineMove(plan, id, 1))
  },
})

/** Sets the collapsed state of the summaries among `ids`. */
export function outlineSetCollapsed(plan: Plan, ids: readonly TaskId[], isCollapsed: boolean): Plan {
  const wanted = new Set(ids)
  let isChanged = false
  const tasks = plan.tasks.map((task, index) => {
    if (!wanted.has(task.id) || task.isCollapsed === isCollapsed || !outlineIsSummary(plan.tasks, index)) return task
    isChanged = true
    return { ...task, isCollapsed }
  })
  return isChanged ? { ...plan, tasks } : plan
}

export const taskCollapse = commandDefine({
  id: 'task/collapse',
  label: 'Collapse',
  needs: { selection: 1 },
  checks: [],
  perform(plan, input: TasksInput, context) {
    return commandDone(outlineSetCollapsed(plan, targets(input, context), true))
  },
})

export const taskExpand = commandDefine({
  id: 'task/expand',
  label: 'Expand',
  needs: { selection: 1 },
  checks: [],
  perform(plan, input: TasksInput, context) {
    return commandDone(outlineSetCollapsed(plan, targets(input, context), false))
  },
})

/** Copies tasks (with their subtasks) and the links between the copied tasks. */
export function clipboardCopy(plan: Plan, ids: readonly TaskId[]): ClipboardRows {
  const rows: Task[] = []
  const seen = new Set<TaskId>()
  for (const index of outlineIndexes(plan, ids)) {
    const end = outlineBlockEnd(plan.tasks, index)
    for (let row = index; row < end; row++) {
      const task = plan.tasks[row]
      if (task !== undefined && !seen.has(task.id)) {
        seen.add(task.id)
        rows.push(task)
      }
    }
  }
  const position = new Map(rows.map((task, index) => [task.id, index]))
  const links: ClipboardRows['links'] = []
  for (const link of plan.dependencies) {
    const from = position.get(link.predecessorId)
    const to = position.get(link.successorId)
    if (from !== undefined && to !== undefined) links.push({ from, to, type: link.type, lag: link.lag, lagUnit: link.lagUnit })
  }
  const baseLevel = rows.reduce((min, task) => Math.min(min, task.level), Number.POSITIVE_INFINITY)
  return { tasks: rows.map((task) => ({ ...task, level: task.level - baseLevel + 1 })), links }
}

/** Pastes clipboard rows before row `index`, at that row's level, with fresh ids from `firstTaskId`/`firstLinkId`. */
export function outlinePaste(plan: Plan, index: number, rows: ClipboardRows, firstTaskId: TaskId, firstLinkId: number): Plan {
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

/** Pastes the clipboard above the active task (at the end without one), as Microsoft Project does. */
export const taskPaste = commandDefine({
  id: 'task/paste',
  label: 'Paste tasks',
  needs: { clipboard: true },
  checks: [],
  perform(plan, input: { index?: number }, context) {
    const rows = context.clipboard
    if (rows === null || rows.tasks.length === 0) return commandRefuse('Copy tasks first, then paste them.')
    const index = input.index ?? outlineInsertIndex(plan, context.selection[0], 'above')
    const next = outlinePaste(plan, index, rows, context.ids.task, context.ids.dependency)
    const pasted = rows.tasks.map((_, offset) => context.ids.task + offset)
    return { ok: true, plan: next, selection: pasted, value: pasted }
  },
})
