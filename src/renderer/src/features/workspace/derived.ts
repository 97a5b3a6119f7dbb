/**
 * Per-revision figures the grid and chart share: visible rows, WBS numbers, links by successor, assignments by
 * task and the compiled project calendar. Computed once per plan version, never per scroll; after an edit, what the
 * edit did not touch is taken over from the previous version (a duration edit keeps the outline, the links and the
 * assignments, so only an O(tasks) comparison of the outline remains).
 */
import { calendarCompile, calendarIsProblem, type CompiledCalendar } from '../../../../shared/domain/calendar'
import type { Assignment, Dependency, Plan, Task, TaskId } from '../../../../shared/domain/model'
import type { Schedule } from '../../../../shared/domain/schedule-types'
import { layoutVisibleRows, layoutWbs } from './layout'

export type Derived = {
  plan: Plan
  schedule: Schedule | null
  /** Task indexes of the rows shown, in order. */
  rows: Int32Array
  /** Visible row of each task index, or -1 when hidden under a collapsed summary. */
  rowOfTask: Int32Array
  wbs: string[]
  linksBySuccessor: Map<TaskId, Dependency[]>
  assignmentsByTask: Map<TaskId, Assignment[]>
  calendar: CompiledCalendar | null
  indexOf: Map<TaskId, number>
  /** Per dependency (plan order): predecessor and successor task indexes, -1 when a task is missing. */
  linkFrom: Int32Array
  linkTo: Int32Array
  /** Per dependency: first and last visible row it spans, -1 when either end is hidden. */
  linkRowMin: Int32Array
  linkRowMax: Int32Array
}

/** Whether two task lists have the same outline: ids, levels and collapsed summaries, row for row. */
function isSameOutline(a: readonly Task[], b: readonly Task[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let index = 0; index < a.length; index++) {
    const x = a[index] as Task
    const y = b[index] as Task
    if (x !== y && (x.id !== y.id || x.level !== y.level || x.isCollapsed !== y.isCollapsed)) return false
  }
  return true
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    const list = groups.get(key)
    if (list === undefined) groups.set(key, [item])
    else list.push(item)
  }
  return groups
}

/** The figures of the last call: the default `previous` of the next one (the workspace shows one plan at a time). */
let last: Derived | null = null

/**
 * The figures of `plan` and `schedule`.
 * @param previous the figures of an earlier version of the same plan, whose unchanged parts are reused (by default
 *   the result of the last call; any `Derived` is safe, parts are reused only when their inputs are the same)
 */
export function deriveWorkspace(plan: Plan, schedule: Schedule | null, previous: Derived | null = last): Derived {
  const base = previous !== null && previous.plan.id === plan.id ? previous : null
  const isOutlineSame = base !== null && isSameOutline(base.plan.tasks, plan.tasks)
  const rows = isOutlineSame ? base.rows : layoutVisibleRows(plan.tasks)
  let rowOfTask: Int32Array
  if (isOutlineSame) rowOfTask = base.rowOfTask
  else {
    rowOfTask = new Int32Array(plan.tasks.length).fill(-1)
    for (let row = 0; row < rows.length; row++) rowOfTask[rows[row] as number] = row
  }
  let indexOf = schedule?.indexOf
  if (indexOf === undefined || schedule?.taskCount !== plan.tasks.length) {
    if (isOutlineSame) indexOf = base.indexOf
    else {
      const built = new Map<TaskId, number>()
      plan.tasks.forEach((task, index) => built.set(task.id, index))
      indexOf = built
    }
  }
  const isLinksSame = isOutlineSame && base.plan.dependencies === plan.dependencies
  const linksBySuccessor = isLinksSame
    ? base.linksBySuccessor
    : groupBy(plan.dependencies, (link: Dependency) => link.successorId)
  const assignmentsByTask =
    base !== null && base.plan.assignments === plan.assignments
      ? base.assignmentsByTask
      : groupBy(plan.assignments, (assignment: Assignment) => assignment.taskId)
  const linkCount = plan.dependencies.length
  let linkFrom: Int32Array
  let linkTo: Int32Array
  let linkRowMin: Int32Array
  let linkRowMax: Int32Array
  if (isLinksSame) {
    ;({ linkFrom, linkTo, linkRowMin, linkRowMax } = base)
  } else {
    linkFrom = new Int32Array(linkCount)
    linkTo = new Int32Array(linkCount)
    linkRowMin = new Int32Array(linkCount)
    linkRowMax = new Int32Array(linkCount)
    for (let index = 0; index < linkCount; index++) {
      const link = plan.dependencies[index] as Dependency
      const from = indexOf.get(link.predecessorId) ?? -1
      const to = indexOf.get(link.successorId) ?? -1
      const fromRow = from < 0 ? -1 : (rowOfTask[from] as number)
      const toRow = to < 0 ? -1 : (rowOfTask[to] as number)
      linkFrom[index] = from
      linkTo[index] = to
      linkRowMin[index] = fromRow < 0 || toRow < 0 ? -1 : Math.min(fromRow, toRow)
      linkRowMax[index] = fromRow < 0 || toRow < 0 ? -1 : Math.max(fromRow, toRow)
    }
  }
  const compiled = calendarCompile(plan, plan.calendarId)
  const derived: Derived = {
    plan,
    schedule,
    rows,
    rowOfTask,
    wbs: isOutlineSame ? base.wbs : layoutWbs(plan.tasks),
    linksBySuccessor,
    assignmentsByTask,
    calendar: calendarIsProblem(compiled) ? null : compiled,
    indexOf,
    linkFrom,
    linkTo,
    linkRowMin,
    linkRowMax,
  }
  last = derived
  return derived
}
