/**
 * Cost of a scheduled plan, as Microsoft Project computes it (its "Actual costs are always calculated by Project"
 * option, the default):
 * - an assignment costs its work in hours × the resource's standard rate (a material: its quantity × the rate per
 *   unit; the model stores a material's quantity × 60 as work, so the same product holds) plus the resource's cost per
 *   use, once per assignment whatever its units. The overtime rate applies to overtime work only, which Gantry does not
 *   schedule, so it adds nothing;
 * - a task costs its assignments plus its fixed cost; a summary the sum of its tasks plus its own fixed cost and its
 *   own assignments; a resource the sum of its assignments; the plan the sum of its top-level tasks;
 * - actual cost follows progress: an assignment's rate cost accrues by the resource's `costAccrual` (prorated: actual
 *   work × rate; start: all of it once work was done; end: all of it once the work is done), its cost per use as soon
 *   as it started; a fixed cost by the task's `fixedCostAccrual` (prorated: × % complete; start: once the task started;
 *   end: once it finished). Remaining cost = cost − actual cost.
 * Every amount is in currency units (not cents).
 */
import type { Assignment, CostAccrual, Money, Plan, Resource, Task } from '../model'
import type { Schedule } from '../schedule-types'

/**
 * Costs of every task (indexed like `plan.tasks`; summaries rolled up), assignment (like `plan.assignments`) and
 * resource (like `plan.resources`), in currency units, and the plan's totals.
 */
export type PlanCost = {
  /** Task cost: its assignments + its fixed cost (summaries: + their tasks'). */
  cost: Float64Array
  actualCost: Float64Array
  /** `cost - actualCost`. */
  remainingCost: Float64Array
  /**
   * The task's own part of `cost` (not its subtasks') that falls at its start, and at its finish (accruals "start" and
   * "end", costs per use), for time-phasing.
   */
  costAtStart: Float64Array
  costAtEnd: Float64Array
  assignmentCost: Float64Array
  assignmentActualCost: Float64Array
  resourceCost: Float64Array
  resourceActualCost: Float64Array
  total: Money
  actualTotal: Money
  remainingTotal: Money
}

/** The cost of one assignment split by when it falls, and what of it is actual. */
export type AssignmentCost = {
  /** Rate part: work hours × standard rate (a material: quantity × rate). */
  rateCost: Money
  costPerUse: Money
  /** `rateCost + costPerUse`. */
  cost: Money
  actualCost: Money
}

/**
 * The cost of `work` minutes of work (material: quantity × 60) of `resource`, with `actualWork` of it done.
 * `started` / `finished` say whether the task has started / finished (an assignment without work still starts).
 */
export function costAssignment(
  resource: Pick<Resource, 'standardRate' | 'costPerUse' | 'costAccrual'>,
  work: number,
  actualWork: number,
  started: boolean,
  finished: boolean,
): AssignmentCost {
  const rate = resource.standardRate > 0 ? resource.standardRate : 0
  const perUse = resource.costPerUse > 0 ? resource.costPerUse : 0
  const safeWork = work > 0 ? work : 0
  const done = Math.min(safeWork, actualWork > 0 ? actualWork : 0)
  const rateCost = (safeWork / 60) * rate
  const isStarted = started || done > 0
  const isFinished = finished || (safeWork > 0 && done >= safeWork)
  const actualRate =
    resource.costAccrual === 'prorated' ? (done / 60) * rate : resource.costAccrual === 'start' ? (isStarted ? rateCost : 0) : isFinished ? rateCost : 0
  return { rateCost, costPerUse: perUse, cost: rateCost + perUse, actualCost: actualRate + (isStarted ? perUse : 0) }
}

/** The accrued part of a fixed cost: all at the start, all at the end, or × % complete (prorated). */
export function costFixedActual(fixedCost: Money, accrual: CostAccrual, percentComplete: number, started: boolean, finished: boolean): Money {
  if (!(fixedCost > 0)) return 0
  if (accrual === 'start') return started ? fixedCost : 0
  if (accrual === 'end') return finished ? fixedCost : 0
  return (fixedCost * Math.min(100, Math.max(0, percentComplete))) / 100
}

/** Whether a task has started: an actual start, progress or actual work. */
export function costTaskStarted(task: Pick<Task, 'actualStart' | 'percentComplete' | 'actualWork'>): boolean {
  return task.actualStart !== null || task.percentComplete > 0 || task.actualWork > 0
}

/** Whether a task has finished: an actual finish or 100 % complete. */
export function costTaskFinished(task: Pick<Task, 'actualFinish' | 'percentComplete'>): boolean {
  return task.actualFinish !== null || task.percentComplete >= 100
}

/**
 * Computes the cost of every task, assignment and resource of a scheduled plan (see the module comment for the
 * rules). `schedule` must be the schedule of `plan`: assignment work comes from it (a summary's assignment gets its
 * work there), summaries and the outline from its `isSummary` and `parent`.
 */
export function costCompute(plan: Plan, schedule: Schedule): PlanCost {
  const tasks = plan.tasks
  const count = tasks.length
  const cost = new Float64Array(count)
  const actualCost = new Float64Array(count)
  const costAtStart = new Float64Array(count)
  const costAtEnd = new Float64Array(count)
  const assignments = plan.assignments
  const assignmentCost = new Float64Array(assignments.length)
  const assignmentActualCost = new Float64Array(assignments.length)
  const resourceCost = new Float64Array(plan.resources.length)
  const resourceActualCost = new Float64Array(plan.resources.length)
  const resourceIndex = new Map<number, number>()
  plan.resources.forEach((resource, index) => resourceIndex.set(resource.id, index))

  // Whether each task started / finished; summaries from their tasks (rolled up below, children after parents).
  const started = new Uint8Array(count)
  const finished = new Uint8Array(count)
  const { parent, isSummary, percentComplete, indexOf, assignmentWork } = schedule
  for (let index = 0; index < count; index++) {
    const task = tasks[index] as Task
    started[index] = costTaskStarted(task) ? 1 : 0
    finished[index] = costTaskFinished(task) ? 1 : 0
  }
  for (let index = count - 1; index >= 0; index--) {
    const up = parent[index] as number
    if (up >= 0 && started[index] === 1) started[up] = 1
  }
  for (let index = 0; index < count; index++) {
    if (isSummary[index] === 1 && (percentComplete[index] as number) >= 100) finished[index] = 1
  }

  for (let position = 0; position < assignments.length; position++) {
    const assignment = assignments[position] as Assignment
    const taskIndex = indexOf.get(assignment.taskId)
    const resourcePosition = resourceIndex.get(assignment.resourceId)
    if (taskIndex === undefined || resourcePosition === undefined) continue
    const resource = plan.resources[resourcePosition] as Resource
    const work = assignmentWork[position] as number
    const figures = costAssignment(
      resource,
      Number.isFinite(work) ? work : assignment.work,
      assignment.actualWork,
      started[taskIndex] === 1,
      finished[taskIndex] === 1,
    )
    assignmentCost[position] = figures.cost
    assignmentActualCost[position] = figures.actualCost
    resourceCost[resourcePosition] = (resourceCost[resourcePosition] as number) + figures.cost
    resourceActualCost[resourcePosition] = (resourceActualCost[resourcePosition] as number) + figures.actualCost
    cost[taskIndex] = (cost[taskIndex] as number) + figures.cost
    actualCost[taskIndex] = (actualCost[taskIndex] as number) + figures.actualCost
    costAtStart[taskIndex] = (costAtStart[taskIndex] as number) + figures.costPerUse
    if (resource.costAccrual === 'start') costAtStart[taskIndex] = (costAtStart[taskIndex] as number) + figures.rateCost
    else if (resource.costAccrual === 'end') costAtEnd[taskIndex] = (costAtEnd[taskIndex] as number) + figures.rateCost
  }

  let total = 0
  let actualTotal = 0
  for (let index = count - 1; index >= 0; index--) {
    const task = tasks[index] as Task
    const fixed = task.fixedCost > 0 ? task.fixedCost : 0
    if (fixed > 0) {
      const percent = isSummary[index] === 1 ? (percentComplete[index] as number) : task.percentComplete
      cost[index] = (cost[index] as number) + fixed
      actualCost[index] =
        (actualCost[index] as number) +
        costFixedActual(fixed, task.fixedCostAccrual, percent, started[index] === 1, finished[index] === 1)
      if (task.fixedCostAccrual === 'start') costAtStart[index] = (costAtStart[index] as number) + fixed
      else if (task.fixedCostAccrual === 'end') costAtEnd[index] = (costAtEnd[index] as number) + fixed
    }
    const up = parent[index] as number
    if (up >= 0) {
      cost[up] = (cost[up] as number) + (cost[index] as number)
      actualCost[up] = (actualCost[up] as number) + (actualCost[index] as number)
    } else {
      total += cost[index] as number
      actualTotal += actualCost[index] as number
    }
  }
  const remainingCost = new Float64Array(count)
  for (let index = 0; index < count; index++) remainingCost[index] = (cost[index] as number) - (actualCost[index] as number)
  return {
    cost,
    actualCost,
    remainingCost,
    costAtStart,
    costAtEnd,
    assignmentCost,
    assignmentActualCost,
    resourceCost,
    resourceActualCost,
    total,
    actualTotal,
    remainingTotal: total - actualTotal,
  }
}
