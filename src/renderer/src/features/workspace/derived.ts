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
  }
}
