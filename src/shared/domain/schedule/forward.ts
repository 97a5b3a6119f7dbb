/**
 * The forward pass: early dates in topological order over the outline and the links.
 *
 * Each node of the graph's order is one of
 * - a leaf task: `forwardLinkBounds` collects the bounds its links and its summary put on it, `forwardLeaf` places it
 *   (constraint, project start, actual dates, leveling delay);
 * - a summary's open node: `forwardSummaryOpen` passes the summary's link and constraint bounds down to its children;
 * - a summary's close node (`count + i`): `forwardSummaryClose` rolls the children's early dates up.
 * Resource leveling (`leveling-place.ts`) places tasks in its own order with these same functions, so it sees every
 * task exactly where the engine will put it.
 *
 * A task scheduled in working time is placed in the working-minute space of its own calendar (see `calendar.ts`):
 * a bound "start at or after working minute w" becomes the wall time `startAt(w)`, a finish bound `finishAt(w)`.
 * Milestones (duration 0) and elapsed-duration tasks are placed on the wall clock instead (a milestone after a task
 * that ends Friday 17:00 sits at Friday 17:00, as in Microsoft Project).
 *
 * No automatically scheduled task starts before the project start (Microsoft Project's rule for a plan scheduled
 * from its start), whatever the lead on a link to its start. Only an explicit date (its own start-no-earlier-than,
 * a must or no-later-than date), an actual start, or a finish link (FF, SF: Microsoft Project 2016 schedules an SF
 * successor before the project start in its own files) places a task earlier; the roll-up flags such tasks.
 */
import type { CompiledCalendar } from '../calendar'
import type { ScheduleContext } from './context'
import * as links from './links'

// The arithmetic is bound once, here: under a CommonJS transform (the benchmarks run the sources through tsx)
// every call of an imported function first reads an export getter, which made the passes 30-40 % slower.
const {
  scheduleConstraintCodes,
  scheduleKeepsLinkFinish,
  scheduleLagIsElapsed,
  scheduleLinkLag,
  scheduleLinkFromFinish,
  scheduleLinkToStart,
  scheduleLinkWall,
  scheduleLinkWork,
  scheduleMilestoneAt,
  scheduleSummaryFinish,
  scheduleSummaryStart,
  scheduleWallStart,
  scheduleWorkStart,
} = links
const { MSO, SNET, FNET } = scheduleConstraintCodes
const NEG = Number.NEGATIVE_INFINITY
const POS = Number.POSITIVE_INFINITY

/** Whether leaf `task` is placed on the wall clock (a milestone or an elapsed duration) rather than in working time. */
export function forwardIsWallScheduled(context: ScheduleContext, task: number): boolean {
  return (
    context.graph.isSummary[task] === 0 && (context.duration[task] === 0 || context.isElapsed[task] === 1)
  )
}

/**
 * Fills `context.bounds` with the lower bounds that task `task`'s links and its summary put on its start and finish,
 * as working minutes of its calendar and as wall minutes (-Infinity = none). Reads the early dates of its
 * predecessors and the bounds of its parent, which must be placed already. Constraints are not applied here.
 */
export function forwardLinkBounds(context: ScheduleContext, task: number): void {
  const { graph, calendar, lagKind, earlyStart, earlyFinish, esW, efW, duration } = context
  const { isSummary, predecessorOffsets, predecessorLinks, linkPredecessor, linkType } = graph
  const own = calendar[task] as CompiledCalendar
  const summary = isSummary[task] === 1
  // Tasks placed in working time only need the wall form of finish bounds (to keep a link's finish time).
  const needsWall = summary || duration[task] === 0 || context.isElapsed[task] === 1
  let startW = NEG
  let finishW = NEG
  let startWall = NEG
  let finishWall = NEG
  for (
    let entry = predecessorOffsets[task] as number;
    entry < (predecessorOffsets[task + 1] as number);
    entry++
  ) {
    const link = predecessorLinks[entry] as number
    const predecessor = linkPredecessor[link] as number
    const type = linkType[link] as number
    const fromFinish = scheduleLinkFromFinish(type)
    const amount = scheduleLinkLag(context, link)
    const elapsed = scheduleLagIsElapsed(lagKind[link] as number)
    const baseWall = fromFinish ? (earlyFinish[predecessor] as number) : (earlyStart[predecessor] as number)
    // On the predecessor's own calendar its working-minute dates are at hand.
    const w =
      !elapsed && calendar[predecessor] === own
        ? (fromFinish ? (efW[predecessor] as number) : (esW[predecessor] as number)) + amount
        : scheduleLinkWork(own, baseWall, amount, elapsed)
    const isStartBound = scheduleLinkToStart(type)
    if (isStartBound) {
      if (w > startW) startW = w
    } else if (w > finishW) finishW = w
    if (needsWall || !isStartBound) {
      const wall = scheduleLinkWall(own, type, baseWall, amount, elapsed, w)
      if (isStartBound) {
        if (wall > startWall) startWall = wall
      } else if (wall > finishWall) finishWall = wall
    }
  }
  const up = graph.parent[task] as number
  if (up >= 0) {
    const inheritedStart = context.boundStart[up] as number
    const inheritedFinish = context.boundFinish[up] as number
    if (inheritedStart > NEG) {
      const w = own.work(inheritedStart)
      if (w > startW) startW = w
      if (inheritedStart > startWall) startWall = inheritedStart
    }
    if (inheritedFinish > NEG) {
      const w = own.work(inheritedFinish)
      if (w > finishW) finishW = w
      if (inheritedFinish > finishWall) finishWall = inheritedFinish
    }
  }
  const bounds = context.bounds
  bounds.startW = startW
  bounds.finishW = finishW
  bounds.startWall = startWall
  bounds.finishWall = finishWall
}

/** The project start as a working minute of `own`. */
function floorOn(context: ScheduleContext, own: CompiledCalendar): number {
  if (own !== context.floorCalendar) {
    context.floorCalendar = own
    context.floorW = own.work(context.projectStartWall)
  }
  return context.floorW
}

/**
 * Places leaf task `task` at its early dates, with `delay` elapsed minutes of leveling delay: from the bounds in
 * `context.bounds` (`forwardLinkBounds`, left unchanged, so several delays can be tried), its constraint, the project
 * start and its actual dates. Writes `earlyStart`, `earlyFinish`, `esW` and `efW` of the task.
 */
export function forwardLeaf(context: ScheduleContext, task: number, delay: number): void {
  const own = context.calendar[task] as CompiledCalendar
  const length = context.duration[task] as number
  const isElapsed = context.isElapsed[task] === 1
  const wallScheduled = length === 0 || isElapsed
  const actual = context.actualStart[task] as number
  let es: number
  let ef: number
  let startAtW: number
  let finishAtW: number
  if (!Number.isNaN(actual)) {
    es = actual
    const finished = context.actualFinish[task] as number
    if (!Number.isNaN(finished)) ef = finished
    else if (wallScheduled) ef = es + (isElapsed ? length : 0)
    else ef = own.finishAt(own.work(es) + length)
    startAtW = own.work(es)
    finishAtW = own.work(ef)
  } else {
    const bounds = context.bounds
    const type = context.constraintType[task] as number
    const date = context.constraintDate[task] as number
    let startW = bounds.startW
    let startWall = bounds.startWall
    let finishW = bounds.finishW
    let finishWall = bounds.finishWall
    if (type === SNET) {
      const w = own.work(date)
      if (w > startW) startW = w
      if (date > startWall) startWall = date
    } else if (type === FNET) {
      const w = own.work(date)
      if (w > finishW) finishW = w
      if (date > finishWall) finishWall = date
    }
    if (wallScheduled) {
      const span = isElapsed ? length : 0
      // The project start binds unless the task's own start-no-earlier-than date replaces it, or an FF/SF link
      // (not a finish-no-earlier-than date) is what places the task.
      const isLinkFinishDriven = bounds.finishWall - span > startWall && bounds.finishWall >= finishWall
      if (type !== SNET && !isLinkFinishDriven && context.projectStartWall > startWall)
        startWall = context.projectStartWall
      es = scheduleWallStart(type, date, startWall, finishWall, span)
      if (delay > 0) es += delay
      if (span === 0) es = scheduleMilestoneAt(own, es)
      ef = es + span
      startAtW = own.work(es)
      finishAtW = span === 0 ? startAtW : own.work(ef)
    } else {
      const isLinkFinishDriven = bounds.finishW - length > startW && bounds.finishW >= finishW
      if (type !== SNET && !isLinkFinishDriven) {
        const floorW = floorOn(context, own)
        if (floorW > startW) startW = floorW
      }
      let w = scheduleWorkStart(own, type, date, startW, finishW, length)
      es = own.startAt(w)
      if (delay > 0) {
        w = own.work(es + delay)
        es = own.startAt(w)
      }
      ef = own.finishAt(w + length)
      // When a link to the finish drives the task, the finish keeps that link's wall time.
      if (scheduleKeepsLinkFinish(own, w + length, finishW, finishWall)) ef = finishWall
      startAtW = w
      finishAtW = w + length
    }
  }
  context.earlyStart[task] = es
  context.earlyFinish[task] = ef
  context.esW[task] = startAtW
  context.efW[task] = finishAtW
}

/**
 * A summary's open node: the bounds its links, its own summary and its start constraint (SNET, or MSO, which a
 * summary only ever applies as a lower bound) pass down to its children. Writes `boundStart` and `boundFinish`.
 * @returns whether they changed
 */
export function forwardSummaryOpen(context: ScheduleContext, task: number): boolean {
  forwardLinkBounds(context, task)
  const own = context.calendar[task] as CompiledCalendar
  const bounds = context.bounds
  let startW = bounds.startW
  let startWall = bounds.startWall
  const type = context.constraintType[task] as number
  if (type === SNET || type === MSO) {
    const date = context.constraintDate[task] as number
    const w = own.work(date)
    if (w > startW) startW = w
    if (date > startWall) startWall = date
  }
  // Both the wall-clock bound and its working-time form on the summary's calendar bind the children (their
  // calendars may differ from the summary's); the later of the two is the stricter.
  const nextStart = scheduleSummaryStart(own, startWall, startW)
  const nextFinish = scheduleSummaryFinish(own, bounds.finishWall, bounds.finishW)
  if (context.boundStart[task] === nextStart && context.boundFinish[task] === nextFinish) return false
  context.boundStart[task] = nextStart
  context.boundFinish[task] = nextFinish
  return true
}

/**
 * A summary's close node: its early dates are the earliest early start and latest early finish of its children.
 * Writes `earlyStart`, `earlyFinish`, `esW`, `efW` and `rolledDuration`.
 * @returns whether its early dates changed
 */
export function forwardSummaryClose(context: ScheduleContext, task: number): boolean {
  const { childOffsets, childList } = context.graph
  const { earlyStart, earlyFinish } = context
  let low = POS
  let high = NEG
  for (let child = childOffsets[task] as number; child < (childOffsets[task + 1] as number); child++) {
    const index = childList[child] as number
    if ((earlyStart[index] as number) < low) low = earlyStart[index] as number
    if ((earlyFinish[index] as number) > high) high = earlyFinish[index] as number
  }
  if (earlyStart[task] === low && earlyFinish[task] === high) return false
  const own = context.calendar[task] as CompiledCalendar
  earlyStart[task] = low
  earlyFinish[task] = high
  context.esW[task] = own.work(low)
  context.efW[task] = own.work(high)
  context.rolledDuration[task] = (context.efW[task] as number) - (context.esW[task] as number)
  return true
}

/** After task `task`'s early dates changed: its successors, its summary's roll-up and its own slack need recomputing. */
function markForward(context: ScheduleContext, task: number): void {
  const graph = context.graph
  const count = graph.taskCount
  const { dirtyForward, dirtyBackward } = context
  for (
    let entry = graph.successorOffsets[task] as number;
    entry < (graph.successorOffsets[task + 1] as number);
    entry++
  ) {
    dirtyForward[graph.linkSuccessor[graph.successorLinks[entry] as number] as number] = 1
  }
  const up = graph.parent[task] as number
  if (up >= 0) dirtyForward[count + up] = 1
  dirtyBackward[task] = 1
  if (graph.isSummary[task] === 1) dirtyBackward[count + task] = 1
}

/**
 * Runs the forward pass. With `incremental`, only the nodes flagged in `dirtyForward` (and what their changes reach)
 * are recomputed, and every change is flagged for the backward pass in `dirtyBackward`.
 * @returns the project's early finish: the latest early finish of a task (the project start for an empty plan)
 */
export function forwardPass(context: ScheduleContext, incremental: boolean): number {
  const graph = context.graph
  const count = graph.taskCount
  const { order, isSummary, childOffsets, childList } = graph
  const { dirtyForward, earlyStart, earlyFinish, levelingDelay } = context
  for (let position = 0; position < order.length; position++) {
    const node = order[position] as number
    if (incremental) {
      if (dirtyForward[node] === 0) continue
      dirtyForward[node] = 0
    }
    if (node >= count) {
      const task = node - count
      if (forwardSummaryClose(context, task) && incremental) markForward(context, task)
    } else if (isSummary[node] === 1) {
      if (forwardSummaryOpen(context, node) && incremental) {
        for (let child = childOffsets[node] as number; child < (childOffsets[node + 1] as number); child++)
          dirtyForward[childList[child] as number] = 1
      }
    } else {
      const before = earlyStart[node] as number
      const beforeFinish = earlyFinish[node] as number
      forwardLinkBounds(context, node)
      forwardLeaf(context, node, levelingDelay[node] as number)
      // Same dates (and so the same working-minute values): nothing downstream changes.
      if (incremental && (earlyStart[node] !== before || earlyFinish[node] !== beforeFinish))
        markForward(context, node)
    }
  }
  let projectFinish = count === 0 ? context.projectStartWall : NEG
  for (let index = 0; index < count; index++) {
    if (isSummary[index] === 0 && (earlyFinish[index] as number) > projectFinish)
      projectFinish = earlyFinish[index] as number
  }
  return projectFinish === NEG ? context.projectStartWall : projectFinish
}
