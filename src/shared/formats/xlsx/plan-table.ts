import { assignmentsTextFormat } from '../../domain/assignments-text'
import type { Assignment, DurationUnit, LagUnit, Plan, PlanSettings, TaskId } from '../../domain/model'

/*
 * The task table both exports (xlsx and CSV) write: WBS numbers, durations, predecessors and resources as text.
 * TODO(unify): the planning workspace will have its own duration and predecessor formatters
 * (domain/durations.ts, domain/predecessors.ts); switch to them once they exist so the grid and exports agree.
 */

/** Working or elapsed minutes in one unit of `unit` under the plan's settings (1 elapsed month = 30 days). */
export function exportUnitMinutes(unit: DurationUnit, settings: PlanSettings): number {
  switch (unit) {
    case 'm':
    case 'em':
      return 1
    case 'h':
    case 'eh':
      return 60
    case 'd':
      return settings.minutesPerDay
    case 'w':
      return settings.minutesPerWeek
    case 'mo':
      return settings.daysPerMonth * settings.minutesPerDay
    case 'ed':
      return 1440
    case 'ew':
      return 7 * 1440
    case 'emo':
      return 30 * 1440
  }
}

/** A number with at most `decimals` decimals and no trailing zeros: 1.5, 2, 0.33. */
export function exportNumberText(value: number, decimals = 2): string {
  const factor = 10 ** decimals
  const rounded = Math.round(value * factor) / factor
  return String(Object.is(rounded, -0) ? 0 : rounded)
}

/** A number rounded to two decimals (how the exports write days and percentages). */
export function exportRound(value: number): number {
  const rounded = Math.round(value * 100) / 100
  return Object.is(rounded, -0) ? 0 : rounded
}

/** A duration of `minutes` written in `unit`, e.g. `5d`, `1.5w`, `3ed`. */
export function exportDurationText(minutes: number, unit: DurationUnit, settings: PlanSettings): string {
  return `${exportNumberText(minutes / exportUnitMinutes(unit, settings))}${unit}`
}

/** A lag as written after a link type: `+2d`, `-1d`, `+50%`; empty for no lag. */
export function exportLagText(lag: number, unit: LagUnit, settings: PlanSettings): string {
  if (lag === 0) return ''
  const sign = lag > 0 ? '+' : '-'
  if (unit === '%' || unit === 'e%') return `${sign}${exportNumberText(Math.abs(lag))}${unit}`
  return `${sign}${exportNumberText(Math.abs(lag) / exportUnitMinutes(unit, settings))}${unit}`
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
 * The predecessors column of every task, indexed like `plan.tasks`: `3, 5SS+2d` where the numbers are row IDs
 * (1-based positions in the plan, as Microsoft Project's ID column). Finish-to-start links without lag show the
 * row only.
 */
export function exportPredecessorTexts(plan: Plan): string[] {
  const rowOf = new Map<TaskId, number>()
  plan.tasks.forEach((task, index) => rowOf.set(task.id, index + 1))
  const parts: string[][] = plan.tasks.map(() => [])
  for (const link of plan.dependencies) {
    const successorRow = rowOf.get(link.successorId)
    const predecessorRow = rowOf.get(link.predecessorId)
    if (successorRow === undefined || predecessorRow === undefined) continue
    const lag = exportLagText(link.lag, link.lagUnit, plan.settings)
    const type = link.type === 'FS' && lag === '' ? '' : link.type
    parts[successorRow - 1]?.push(`${predecessorRow}${type}${lag}`)
  }
  return parts.map((list) => list.join(', '))
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

/** The resources column of every task (`Ana[50%], Ben`), indexed like `plan.tasks`. */
export function exportResourceTexts(plan: Plan, byTask: Assignment[][] = exportAssignmentsByTask(plan)): string[] {
  return plan.tasks.map((task, index) => {
    const own = byTask[index] ?? []
    return own.length === 0 ? '' : assignmentsTextFormat(task.id, own, plan.resources)
  })
}
