/**
 * For schedules built by hand in tests: the work and assignment fields of a `Schedule` for tasks placed at `start` /
 * `finish` (indexed like `plan.tasks`), every assignment over its task's span with the work the plan gives it, no
 * task resource-driven or manual, no link violated, nothing stretched.
 */
import type { Plan } from '../../src/shared/domain/model'
import type { Schedule } from '../../src/shared/domain/schedule-types'

export type ScheduleExtras = Pick<
  Schedule,
  | 'work'
  | 'isResourceDriven'
  | 'isManual'
  | 'rolledStart'
  | 'rolledFinish'
  | 'assignmentStart'
  | 'assignmentFinish'
  | 'assignmentWork'
  | 'linkViolations'
  | 'stretches'
>

export function scheduleExtras(plan: Plan, start: Float64Array, finish: Float64Array): ScheduleExtras {
  const count = plan.tasks.length
  const indexOf = new Map(plan.tasks.map((task, index) => [task.id, index]))
  const work = Float64Array.from(plan.tasks, (task) => task.work)
  const assignmentStart = new Float64Array(plan.assignments.length)
  const assignmentFinish = new Float64Array(plan.assignments.length)
  plan.assignments.forEach((assignment, position) => {
    const index = indexOf.get(assignment.taskId)
    assignmentStart[position] = index === undefined ? Number.NaN : (start[index] as number)
    assignmentFinish[position] = index === undefined ? Number.NaN : (finish[index] as number)
  })
  return {
    work,
    isResourceDriven: new Uint8Array(count),
    isManual: new Uint8Array(count),
    rolledStart: new Float64Array(count).fill(Number.NaN),
    rolledFinish: new Float64Array(count).fill(Number.NaN),
    assignmentStart,
    assignmentFinish,
    assignmentWork: Float64Array.from(plan.assignments, (assignment) => assignment.work),
    linkViolations: [],
    stretches: [],
  }
}
