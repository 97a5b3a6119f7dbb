/**
 * The serial schedule-generation pass of resource leveling: computes every task's leveling delay.
 *
 * Tasks become ready when their predecessors (and outline parents) are placed; among ready tasks the one with the
 * highest priority, then the least total slack, then the earliest start is placed first, at the earliest time at or
 * after its link-driven start where every resource it uses has room for it for its whole span. So a higher-priority
 * or less-slack task keeps its dates and the others move around it. Tasks are placed with the engine's own forward
 * pass functions (`forwardLinkBounds`, `forwardLeaf`, the summary nodes) on the engine's compiled context, so a task
 * sits exactly where the engine will put it with the delay chosen here.
 */
import type { Plan, ResourceId, Task } from '../model'
import type { Schedule } from '../schedule-types'
import type { ScheduleContext } from '../schedule/context'
import {
  forwardIsWallScheduled,
  forwardLeaf,
  forwardLinkBounds,
  forwardSummaryClose,
  forwardSummaryOpen,
} from '../schedule/forward'
import type { CompiledCalendar } from '../calendar'
import { LevelingHeap, LevelingProfile } from './profile'
import { levelingEpsilon, levelingFixedReason, levelingIsInRange, type LevelingRange } from './rules'

export type LevelingPlacement = {
  /** New leveling delay per task (elapsed minutes); NaN = keep the task's current delay. */
  delays: Float64Array
  /** Tasks that needed a delay they could not get, with the reason. */
  blocked: Map<number, string>
}

/** One assignment of a task: its resource (index), units and position in `plan.assignments` (for its dates). */
type TaskUse = { resource: number; units: number; position: number }

/**
 * Runs the serial pass over `plan` (whose movable tasks have no leveling delay) on its compiled `context`.
 * `base` is the schedule of that plan; tasks outside `range`, started, pinned by a must date or ALAP keep their dates
 * and hold their resources first. With `withinSlackOnly`, no task moves past its late finish.
 * @returns each task's new delay (elapsed minutes) and the reason for each task that could not move enough
 */
export function levelingPlace(
  plan: Plan,
  context: ScheduleContext,
  base: Schedule,
  range: LevelingRange,
  withinSlackOnly: boolean,
): LevelingPlacement {
  const graph = context.graph
  const count = graph.taskCount
  const tasks = plan.tasks
  const { parent, isSummary, childOffsets, childList, linkSuccessor, successorOffsets, successorLinks } =
    graph
  const { predecessorOffsets } = graph
  const { earlyStart, earlyFinish, constraintDate, levelingDelay, duration } = context

  // Resources of each task.
  const resourceIndex = new Map<ResourceId, number>()
  plan.resources.forEach((resource, index) => resourceIndex.set(resource.id, index))
  // Each assignment holds its resource over its own dates (on its resource's calendar when it drives its task).
  // Summary tasks are not leveled (Microsoft Project leaves them), nor assignments without work, nor materials.
  const uses: TaskUse[][] = Array.from({ length: count }, () => [])
  plan.assignments.forEach((assignment, position) => {
    const task = graph.indexOf.get(assignment.taskId)
    const resource = resourceIndex.get(assignment.resourceId)
    if (
      task === undefined ||
      resource === undefined ||
      isSummary[task] === 1 ||
      plan.resources[resource]?.type === 'material' ||
      !(assignment.units > 0) ||
      !(assignment.work > 0)
    )
      return
    uses[task]?.push({ resource, units: assignment.units, position })
  })
  const { assignmentStart, assignmentFinish } = context
  const profiles = plan.resources.map(() => new LevelingProfile())
  const blocked = new Map<number, string>()
  const capacity = plan.resources.map((resource) => resource.maxUnits)
  // Tasks that will not move (started, must-dates, as-late-as-possible, outside the range) hold their resources
  // first, at their current dates, so the tasks that can move go around them whatever their priority.
  // Dates on summaries bind their tasks too: a summary's no-later-than dates cap every task under it, and a task
  // under a summary with a must-date does not move.
  const inheritedStart = new Float64Array(count).fill(Number.POSITIVE_INFINITY)
  const inheritedFinish = new Float64Array(count).fill(Number.POSITIVE_INFINITY)
  const inheritedReason: (string | null)[] = new Array<string | null>(count).fill(null)
  const pinReason: (string | null)[] = new Array<string | null>(count).fill(null)
  for (let task = 0; task < count; task++) {
    const up = parent[task] as number
    if (up < 0) continue
    inheritedStart[task] = inheritedStart[up] as number
    inheritedFinish[task] = inheritedFinish[up] as number
    inheritedReason[task] = inheritedReason[up] ?? null
    pinReason[task] = pinReason[up] ?? null
    const summary = tasks[up] as Task
    const date = constraintDate[up] as number
    if (summary.constraint.type === 'SNLT' && date < (inheritedStart[task] as number)) {
      inheritedStart[task] = date
      inheritedReason[task] =
        `summary "${summary.name}" must start no later than ${summary.constraint.date ?? ''}`
    } else if (summary.constraint.type === 'FNLT' && date < (inheritedFinish[task] as number)) {
      inheritedFinish[task] = date
      inheritedReason[task] =
        `summary "${summary.name}" must finish no later than ${summary.constraint.date ?? ''}`
    } else if (summary.constraint.type === 'MSO' || summary.constraint.type === 'MFO') {
      pinReason[task] =
        `"${(tasks[task] as Task).name}" is under summary "${summary.name}", which has a must-${summary.constraint.type === 'MSO' ? 'start' : 'finish'}-on date`
    }
  }
  const isPinned = new Uint8Array(count)
  for (let task = 0; task < count; task++) {
    const start = base.start[task] as number
    const pinned = pinReason[task] ?? null
    const taskUses = uses[task] ?? []
    if (pinned !== null && taskUses.length > 0) blocked.set(task, pinned)
    if (
      levelingFixedReason(tasks[task] as Task) === null &&
      levelingIsInRange(range, start) &&
      pinned === null
    )
      continue
    isPinned[task] = 1
    for (const use of taskUses)
      profiles[use.resource]?.add(
        base.assignmentStart[use.position] as number,
        base.assignmentFinish[use.position] as number,
        use.units,
      )
  }
  const isHardBelow = levelingHardBelow(plan, context)

  const delays = new Float64Array(count).fill(Number.NaN)
  const readyStart = new Float64Array(count)

  /** Places leaf `task` (its bounds already in the context) with `delay`; its dates land in the context. */
  const placeWith = (task: number, delay: number): void => forwardLeaf(context, task, delay)
  /** The early start of a leaf task without leveling delay, as the engine computes it. */
  const undelayedStart = (task: number): number => {
    forwardLinkBounds(context, task)
    placeWith(task, 0)
    return earlyStart[task] as number
  }

  // Readiness over the expanded graph (node i opens task i, node count + i closes summary i).
  const waiting = new Int32Array(count * 2)
  for (let task = 0; task < count; task++) {
    waiting[task] =
      (predecessorOffsets[task + 1] as number) -
      (predecessorOffsets[task] as number) +
      ((parent[task] as number) >= 0 ? 1 : 0)
    if (isSummary[task] === 1)
      waiting[count + task] = (childOffsets[task + 1] as number) - (childOffsets[task] as number)
  }
  const slack = base.totalSlack
  const before = (a: number, b: number): boolean => {
    const priorityA = (tasks[a] as Task).priority
    const priorityB = (tasks[b] as Task).priority
    if (priorityA !== priorityB) return priorityA > priorityB
    if ((slack[a] as number) !== (slack[b] as number)) return (slack[a] as number) < (slack[b] as number)
    if ((readyStart[a] as number) !== (readyStart[b] as number))
      return (readyStart[a] as number) < (readyStart[b] as number)
    return a < b
  }
  const heap = new LevelingHeap(before)
  const immediate: number[] = []

  const release = (node: number): void => {
    waiting[node] = (waiting[node] as number) - 1
    if (waiting[node] !== 0) return
    if (node < count && isSummary[node] === 0) {
      readyStart[node] = undelayedStart(node)
      heap.push(node)
    } else immediate.push(node)
  }
  const finishNode = (task: number): void => {
    // The task (or the summary's close) is done: its link successors and its parent's close may become ready.
    for (
      let entry = successorOffsets[task] as number;
      entry < (successorOffsets[task + 1] as number);
      entry++
    ) {
      release(linkSuccessor[successorLinks[entry] as number] as number)
    }
    const up = parent[task] as number
    if (up >= 0) release(count + up)
  }

  for (let task = 0; task < count; task++) {
    if (waiting[task] !== 0) continue
    if (isSummary[task] === 1) immediate.push(task)
    else {
      readyStart[task] = undelayedStart(task)
      heap.push(task)
    }
  }

  while (immediate.length > 0 || heap.size > 0) {
    const node = immediate.pop()
    if (node !== undefined) {
      if (node >= count) {
        forwardSummaryClose(context, node - count)
        finishNode(node - count)
      } else {
        forwardSummaryOpen(context, node)
        for (let child = childOffsets[node] as number; child < (childOffsets[node + 1] as number); child++)
          release(childList[child] as number)
      }
      continue
    }
    const task = heap.pop()
    const info = tasks[task] as Task
    // Computed when the task became ready, i.e. with every predecessor and its parent already placed.
    const es = readyStart[task] as number
    forwardLinkBounds(context, task)
    const taskUses = uses[task] ?? []
    const isMovable =
      levelingIsInRange(range, base.start[task] as number) &&
      taskUses.length > 0 &&
      levelingFixedReason(info) === null &&
      isPinned[task] === 0 &&
      ((duration[task] as number) > 0 || context.isResourceDriven[task] === 1)
    // By default a task keeps the delay it has (none for tasks whose delay was cleared for this pass).
    let delay = levelingDelay[task] as number
    if (isMovable) {
      delays[task] = 0
      delay = 0
      const limit = levelingLimit(context, task, info, inheritedStart, inheritedFinish, inheritedReason)
      if (withinSlackOnly || isHardBelow[task] === 1) {
        const lateFinish = base.lateFinish[task] as number
        if (lateFinish < limit.finish) {
          limit.finish = lateFinish
          limit.reason = withinSlackOnly
            ? `"${info.name}" has not enough slack (leveling within slack only)`
            : `"${info.name}" cannot move past its slack without breaking a later no-later-than or must date`
        }
      }
      const tooBig = taskUses.find((use) => use.units > (capacity[use.resource] as number) + levelingEpsilon)
      if (tooBig !== undefined) {
        const resource = plan.resources[tooBig.resource]
        blocked.set(
          task,
          `"${info.name}" needs ${tooBig.units} % of ${resource?.name ?? ''}, who works at most ${resource?.maxUnits ?? 0} %`,
        )
      } else {
        const own = context.calendar[task] as CompiledCalendar
        const isWall = forwardIsWallScheduled(context, task)
        let candidate = es
        for (let guard = 0; guard < 100_000; guard++) {
          placeWith(task, candidate - es)
          const finish = earlyFinish[task] as number
          if (finish > limit.finish + levelingEpsilon || candidate > limit.start + levelingEpsilon) {
            blocked.set(task, limit.reason)
            candidate = es
            break
          }
          let conflictEnd = Number.NEGATIVE_INFINITY
          for (const use of taskUses) {
            const end =
              profiles[use.resource]?.lastConflictEnd(
                assignmentStart[use.position] as number,
                assignmentFinish[use.position] as number,
                use.units,
                capacity[use.resource] as number,
              ) ?? Number.NEGATIVE_INFINITY
            if (end > conflictEnd) conflictEnd = end
          }
          if (conflictEnd === Number.NEGATIVE_INFINITY) break
          if (conflictEnd === Number.POSITIVE_INFINITY) {
            blocked.set(task, `"${info.name}" finds no free time for its resources`)
            candidate = es
            break
          }
          const next = isWall ? conflictEnd : own.startAt(own.work(conflictEnd))
          candidate = next > candidate ? next : conflictEnd
        }
        delay = candidate - es
        delays[task] = delay
      }
    }
    placeWith(task, delay)
    if (isPinned[task] === 0)
      for (const use of taskUses)
        profiles[use.resource]?.add(
          assignmentStart[use.position] as number,
          assignmentFinish[use.position] as number,
          use.units,
        )
    finishNode(task)
  }
  return { delays, blocked }
}

/** The latest start and finish a task may be delayed to (its own and its summaries' no-later-than dates). */
function levelingLimit(
  context: ScheduleContext,
  task: number,
  info: Task,
  inheritedStart: Float64Array,
  inheritedFinish: Float64Array,
  inheritedReason: (string | null)[],
): { start: number; finish: number; reason: string } {
  let start = Number.POSITIVE_INFINITY
  let finish = Number.POSITIVE_INFINITY
  let reason = ''
  const constraint = info.constraint
  const date = context.constraintDate[task] as number
  if (constraint.type === 'FNLT') {
    finish = date
    reason = `"${info.name}" must finish no later than ${constraint.date ?? ''}`
  }
  if (constraint.type === 'SNLT') {
    start = date
    reason = `"${info.name}" must start no later than ${constraint.date ?? ''}`
  }
  if ((inheritedStart[task] as number) < start) {
    start = inheritedStart[task] as number
    reason = `"${info.name}" cannot start later: its ${inheritedReason[task] ?? ''}`
  }
  if ((inheritedFinish[task] as number) < finish) {
    finish = inheritedFinish[task] as number
    reason = `"${info.name}" cannot finish later: its ${inheritedReason[task] ?? ''}`
  }
  return { start, finish, reason }
}

/**
 * Tasks upstream of a hard date (SNLT, FNLT, MSO, MFO) may only use their slack: the engine lets such a date win
 * over a link, so pushing a successor past it would break the link.
 * @returns 1 for tasks with such a date somewhere after them (through links, or through the links of their summaries)
 */
function levelingHardBelow(plan: Plan, context: ScheduleContext): Uint8Array {
  const graph = context.graph
  const count = graph.taskCount
  const { parent, isSummary, childOffsets, childList, linkSuccessor, successorOffsets, successorLinks } =
    graph
  const hasHardDate = new Uint8Array(count)
  for (let index = 0; index < count; index++) {
    const type = plan.tasks[index]?.constraint.type
    if (type === 'SNLT' || type === 'FNLT' || type === 'MSO' || type === 'MFO') hasHardDate[index] = 1
  }
  const isHardBelow = new Uint8Array(count)
  const successorsHard = new Uint8Array(count) // a summary's link successors (or its ancestors') are hard
  const isHard = (task: number): boolean => hasHardDate[task] === 1 || isHardBelow[task] === 1
  const linkSuccessorsHard = (task: number): boolean => {
    for (
      let entry = successorOffsets[task] as number;
      entry < (successorOffsets[task + 1] as number);
      entry++
    ) {
      if (isHard(linkSuccessor[successorLinks[entry] as number] as number)) return true
    }
    const up = parent[task] as number
    return up >= 0 && successorsHard[up] === 1
  }
  for (let position = graph.order.length - 1; position >= 0; position--) {
    const node = graph.order[position] as number
    if (node >= count) {
      // Summary close (reached before its children going backwards): what follows the summary.
      successorsHard[node - count] = linkSuccessorsHard(node - count) ? 1 : 0
      continue
    }
    if (isSummary[node] === 1) {
      let hard = successorsHard[node] === 1
      for (
        let child = childOffsets[node] as number;
        child < (childOffsets[node + 1] as number) && !hard;
        child++
      )
        hard = isHard(childList[child] as number)
      isHardBelow[node] = hard ? 1 : 0
    } else isHardBelow[node] = linkSuccessorsHard(node) ? 1 : 0
  }
  return isHardBelow
}
