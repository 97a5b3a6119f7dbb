/**
 * The load of the open plan, computed once per plan version and shared by every resource view and the task-row
 * markers. After an edit the previous load is updated incrementally (`loadUpdate` recomputes only the resources
 * of the changed tasks and falls back to a full computation when resources, calendars or the task list changed).
 */
import { useMemo } from 'react'
import { loadCompute, loadUpdate, type OverallocationPeriod, type PlanLoad } from '../../../../shared/domain/load'
import type { Plan, Resource, ResourceId, Task, TaskId } from '../../../../shared/domain/model'
import type { Schedule, ScheduleResult } from '../../../../shared/domain/schedule-types'

let last: PlanLoad | null = null

/** The load of `plan` for `schedule`, reusing the previous result when it is for the same versions. */
export function planLoadOf(plan: Plan, schedule: Schedule): PlanLoad {
  if (last !== null && last.plan === plan && last.schedule === schedule) return last
  const next = last !== null && last.plan.id === plan.id ? loadUpdate(last, plan, schedule) : loadCompute(plan, schedule)
  last = next
  return next
}

/** The load for a document's plan and schedule result; `null` when the plan is not scheduled. */
export function usePlanLoad(plan: Plan | null, result: ScheduleResult | null): PlanLoad | null {
  return useMemo(() => (plan === null || result === null || !result.ok ? null : planLoadOf(plan, result.schedule)), [plan, result])
}

/** A percentage as shown: whole numbers, "∞" for work on a day without availability. */
export function percentText(value: number | null): string {
  if (value === null) return ''
  if (!Number.isFinite(value)) return '∞ %'
  return `${Math.round(value)} %`
}

/** A lookup of task names by id for one plan (built once, O(tasks)); unnamed tasks read "task <id>". */
export function taskNameLookup(plan: Plan): (id: TaskId) => string {
  const byId = new Map<TaskId, Task>(plan.tasks.map((task) => [task.id, task]))
  return (id) => {
    const name = byId.get(id)?.name.trim() ?? ''
    return name === '' ? `task ${id}` : name
  }
}

/** Names of tasks, in the order given. */
export function taskNames(plan: Plan, ids: readonly TaskId[], nameOf: (id: TaskId) => string = taskNameLookup(plan)): string[] {
  return ids.map(nameOf)
}

/** One line describing a conflict: who, when, how much, which tasks. */
export function conflictText(conflict: OverallocationPeriod, resources: ReadonlyMap<ResourceId, Resource>, nameOf: (id: TaskId) => string): string {
  const who = resources.get(conflict.resourceId)?.name ?? `resource ${conflict.resourceId}`
  const when = conflict.start === conflict.finish ? `on ${conflict.start}` : `from ${conflict.start} to ${conflict.finish}`
  const peak = Math.max(conflict.peakPercent, conflict.peakUnitsPercent)
  return `${who} is over-allocated ${when} (peak ${percentText(peak)}) on ${conflict.taskIds.map(nameOf).join(', ')}`
}

/**
 * For the marker on task rows: each over-allocated task with a short explanation (which resources, peak, with which
 * other tasks).
 */
export function overallocationByTask(plan: Plan, load: PlanLoad): Map<TaskId, string> {
  const result = new Map<TaskId, string>()
  if (load.conflicts.length === 0) return result
  const resources = new Map<ResourceId, Resource>(plan.resources.map((resource) => [resource.id, resource]))
  const nameOf = taskNameLookup(plan)
  for (const conflict of load.conflicts) {
    const text = conflictText(conflict, resources, nameOf)
    for (const taskId of conflict.taskIds) {
      const previous = result.get(taskId)
      if (previous === undefined) result.set(taskId, text)
      else if (!previous.includes(text)) result.set(taskId, `${previous}; ${text}`)
    }
  }
  return result
}
