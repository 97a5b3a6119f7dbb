/**
 * Per-revision figures the grid and chart share: visible rows, WBS numbers, links by successor, assignments by
 * task and the compiled project calendar. Computed once per plan (O(tasks + links)), never per scroll.
 */
import { calendarCompile, calendarIsProblem, type CompiledCalendar } from '../../../../shared/domain/calendar'
import type { Assignment, Dependency, Plan, TaskId } from '../../../../shared/domain/model'
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

export function deriveWorkspace(plan: Plan, schedule: Schedule | null): Derived {
  const rows = layoutVisibleRows(plan.tasks)
  const rowOfTask = new Int32Array(plan.tasks.length).fill(-1)
  for (let row = 0; row < rows.length; row++) rowOfTask[rows[row] as number] = row
  const linksBySuccessor = new Map<TaskId, Dependency[]>()
  for (const link of plan.dependencies) {
    const list = linksBySuccessor.get(link.successorId)
    if (list === undefined) linksBySuccessor.set(link.successorId, [link])
    else list.push(link)
  }
  const assignmentsByTask = new Map<TaskId, Assignment[]>()
  for (const assignment of plan.assignments) {
    const list = assignmentsByTask.get(assignment.taskId)
    if (list === undefined) assignmentsByTask.set(assignment.taskId, [assignment])
    else list.push(assignment)
  }
  let indexOf = schedule?.indexOf
  if (indexOf === undefined || schedule?.taskCount !== plan.tasks.length) {
    indexOf = new Map()
    plan.tasks.forEach((task, index) => indexOf?.set(task.id, index))
  }
  const linkCount = plan.dependencies.length
  const linkFrom = new Int32Array(linkCount)
  const linkTo = new Int32Array(linkCount)
  const linkRowMin = new Int32Array(linkCount)
  const linkRowMax = new Int32Array(linkCount)
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
  const compiled = calendarCompile(plan, plan.calendarId)
  return {
    plan,
    schedule,
    rows,
    rowOfTask,
    wbs: layoutWbs(plan.tasks),
    linksBySuccessor,
    assignmentsByTask,
    calendar: calendarIsProblem(compiled) ? null : compiled,
    indexOf,
    linkFrom,
    linkTo,
    linkRowMin,
    linkRowMax,
  }
}
