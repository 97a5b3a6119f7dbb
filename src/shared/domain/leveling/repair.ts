/**
 * What leveling does when the engine and the serial pass disagree: delays for the conflicts the pass did not
 * explain, and the tasks whose dates or links the new delays broke (with everything upstream of them, whose delays
 * are then taken back).
 */
import type { PlanLoad } from '../load'
import type { Plan, Task } from '../model'
import type { Schedule } from '../schedule-types'
import type { ScheduleContext } from '../schedule/context'
import {
  scheduleLagIsElapsed,
  scheduleLagKind,
  scheduleLagMinutes,
  scheduleLinkFromFinish,
  scheduleLinkHolds,
  scheduleLinkToStart,
} from '../schedule/links'
import type { PlanGraph } from '../validate'
import type { LevelingPlacement } from './place'
import { levelingFixedReason, levelingIsInRange, type LevelingRange } from './rules'

/**
 * New delays for the conflicts of `schedule` that no task's recorded reason explains: in each, the task that should
 * give way (not pinned, lowest priority, then most slack, then latest start) moves to the latest finish of the other
 * tasks in the conflict.
 * @returns the delays (elapsed minutes; NaN = unchanged), or `null` when there is nothing to repair
 */
export function levelingRepairDelays(
  plan: Plan,
  schedule: Schedule,
  placement: LevelingPlacement,
  range: LevelingRange,
  load: PlanLoad,
): Float64Array | null {
  let delays: Float64Array | null = null
  let links: Set<string> | null = null
  for (const conflict of load.conflicts) {
    const indexes: number[] = []
    for (const taskId of conflict.taskIds) {
      const index = schedule.indexOf.get(taskId)
      if (index !== undefined) indexes.push(index)
    }
    if (indexes.some((index) => placement.blocked.has(index))) continue
    // A task that drives another task of the conflict through a link would drag it along: it does not give way.
    links ??= new Set(plan.dependencies.map((link) => `${link.predecessorId}>${link.successorId}`))
    const linkSet = links
    const movable = indexes.filter((index) => {
      const task = plan.tasks[index] as Task
      const drivesOther = conflict.taskIds.some((other) => linkSet.has(`${task.id}>${other}`))
      return (
        levelingFixedReason(task) === null &&
        levelingIsInRange(range, schedule.start[index] as number) &&
        !drivesOther
      )
    })
    if (movable.length === 0 || indexes.length < 2) continue
    movable.sort(
      (a, b) =>
        (plan.tasks[a] as Task).priority - (plan.tasks[b] as Task).priority ||
        (schedule.totalSlack[b] as number) - (schedule.totalSlack[a] as number) ||
        (schedule.start[b] as number) - (schedule.start[a] as number) ||
        b - a,
    )
    const mover = movable[0] as number
    let target = Number.NEGATIVE_INFINITY
    for (const index of indexes)
      if (index !== mover) target = Math.max(target, schedule.finish[index] as number)
    const start = schedule.start[mover] as number
    if (!(target > start)) continue
    if (delays === null) delays = new Float64Array(plan.tasks.length).fill(Number.NaN)
    if (!Number.isNaN(delays[mover] as number)) continue
    delays[mover] = (plan.tasks[mover] as Task).levelingDelay + (target - start)
  }
  return delays
}

/** Whether the no-later-than date of task `index` holds in `schedule` (other constraints: true). */
function dateHolds(context: ScheduleContext, task: Task, schedule: Schedule, index: number): boolean {
  const date = context.constraintDate[index] as number
  switch (task.constraint.type) {
    case 'SNLT':
      return (schedule.start[index] as number) <= date
    case 'FNLT':
      return (schedule.finish[index] as number) <= date
    default:
      // Must-dates are never delayed (the engine keeps them on their date); their links are checked as links.
      return true
  }
}

/** Whether link `link` (index into the graph's links) holds in `schedule`, as the engine counts it. */
function linkHolds(context: ScheduleContext, graph: PlanGraph, schedule: Schedule, link: number): boolean {
  const predecessor = graph.linkPredecessor[link] as number
  const successor = graph.linkSuccessor[link] as number
  const type = graph.linkType[link] as number
  const dependency = graph.links[link]
  if (dependency === undefined) return true
  const kind = scheduleLagKind(dependency.lagUnit)
  const base = scheduleLinkFromFinish(type)
    ? (schedule.finish[predecessor] as number)
    : (schedule.start[predecessor] as number)
  const target = scheduleLinkToStart(type)
    ? (schedule.start[successor] as number)
    : (schedule.finish[successor] as number)
  const amount = scheduleLagMinutes(kind, dependency.lag, schedule.duration[predecessor] as number)
  const own = context.calendar[successor]
  return own === undefined || scheduleLinkHolds(own, base, amount, scheduleLagIsElapsed(kind), target)
}

/**
 * Tasks whose no-later-than date, or one of whose incoming links, held in `before` and no longer does in `after`.
 * @returns their indexes
 */
export function levelingBrokenSince(
  plan: Plan,
  context: ScheduleContext,
  before: Schedule,
  after: Schedule,
): number[] {
  const graph = context.graph
  const victims = new Set<number>()
  plan.tasks.forEach((task, index) => {
    if (dateHolds(context, task, before, index) && !dateHolds(context, task, after, index)) victims.add(index)
  })
  for (let link = 0; link < graph.links.length; link++) {
    if (linkHolds(context, graph, before, link) && !linkHolds(context, graph, after, link))
      victims.add(graph.linkSuccessor[link] as number)
  }
  return [...victims]
}

/**
 * Every task whose dates can move `victims`: link predecessors, summaries' predecessors and tasks, transitively.
 * @returns their indexes, the victims included
 */
export function levelingUpstreamOf(graph: PlanGraph, victims: number[]): Set<number> {
  const seen = new Set<number>(victims)
  const queue = [...victims]
  const visit = (index: number): void => {
    if (!seen.has(index)) {
      seen.add(index)
      queue.push(index)
    }
  }
  for (let task = queue.pop(); task !== undefined; task = queue.pop()) {
    for (
      let entry = graph.predecessorOffsets[task] as number;
      entry < (graph.predecessorOffsets[task + 1] as number);
      entry++
    ) {
      visit(graph.linkPredecessor[graph.predecessorLinks[entry] as number] as number)
    }
    const up = graph.parent[task] as number
    if (up >= 0) visit(up)
    if (graph.isSummary[task] === 1) {
      for (
        let child = graph.childOffsets[task] as number;
        child < (graph.childOffsets[task + 1] as number);
        child++
      )
        visit(graph.childList[child] as number)
    }
  }
  return seen
}
