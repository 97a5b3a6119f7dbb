import { assignmentsTextFormat } from '../../domain/assignments-text'
import { durationFormat, durationUnitMinutes } from '../../domain/durations'
import type { Assignment, Dependency, DurationUnit, Plan, PlanSettings, TaskId } from '../../domain/model'
import { predecessorsFormat } from '../../domain/predecessors'

/*
 * The task table both exports (xlsx and CSV) write: WBS numbers, durations, predecessors and resources as text,
 * with the same formatters as the task grid (durations.ts, predecessors.ts, assignments-text.ts).
 */

/** Working or elapsed minutes in one unit of `unit` under the plan's settings (1 elapsed month = 30 days). */
export function exportUnitMinutes(unit: DurationUnit, settings: PlanSettings): number {
  return durationUnitMinutes(unit, settings)
}

/** A number rounded to two decimals (how the exports write days and percentages). */
export function exportRound(value: number): number {
  const rounded = Math.round(value * 100) / 100
  return Object.is(rounded, -0) ? 0 : rounded
}

/** A duration of `minutes` written in `unit` as the task grid writes it, e.g. `5d`, `1.5w`, `3ed`. */
export function exportDurationText(minutes: number, unit: DurationUnit, settings: PlanSettings): string {
  return durationFormat(minutes, unit, settings)
}

/** Outline numbers (`1`, `1.2`, `1.2.3`) of the tasks in plan order, from their outline levels. */
export function exportWbsNumbers(plan: Plan): string[] {
  const counters: number[] = []
  return plan.tasks.map((task) => {
    const level = Math.max(1, Math.min(task.level, counters.length + 1))
    counters.length = level
    counters[level - 1] = (counters[level - 1] ?? 0) + 1
    return counters.join('.')
  })
}

/**
 * The predecessors column of every task, indexed like `plan.tasks`, as the task grid writes it: `3, 5SS+2d` where
 * the numbers are row IDs (1-based positions in the plan, as Microsoft Project's ID column). With `exact`, every lag
 * reads back as the same number of minutes (see `predecessorsFormat`).
 */
export function exportPredecessorTexts(plan: Plan, options: { exact?: boolean } = {}): string[] {
  const rowOf = new Map<TaskId, number>()
  plan.tasks.forEach((task, index) => rowOf.set(task.id, index + 1))
  const links: Dependency[][] = plan.tasks.map(() => [])
  for (const link of plan.dependencies) {
    const row = rowOf.get(link.successorId)
    if (row !== undefined) links[row - 1]?.push(link)
  }
  return links.map((list) => (list.length === 0 ? '' : predecessorsFormat(list, (id) => rowOf.get(id) ?? null, plan.settings, options)))
}

/** The assignments of each task, indexed like `plan.tasks`, in plan order. */
export function exportAssignmentsByTask(plan: Plan): Assignment[][] {
  const indexOf = new Map<TaskId, number>()
  plan.tasks.forEach((task, index) => indexOf.set(task.id, index))
  const lists: Assignment[][] = plan.tasks.map(() => [])
  for (const assignment of plan.assignments) {
    const index = indexOf.get(assignment.taskId)
    if (index !== undefined) lists[index]?.push(assignment)
  }
  return lists
}

/** The resources column of every task (`Ana[50%], Ben`), indexed like `plan.tasks`; `exact` as `assignmentsTextFormat`. */
export function exportResourceTexts(plan: Plan, byTask: Assignment[][] = exportAssignmentsByTask(plan), options: { exact?: boolean } = {}): string[] {
  return plan.tasks.map((task, index) => {
    const own = byTask[index] ?? []
    return own.length === 0 ? '' : assignmentsTextFormat(task.id, own, plan.resources, options)
  })
}
