/**
 * The backward pass: late dates, total and free slack, and the placement of as-late-as-possible tasks, in reverse
 * topological order.
 *
 * Each node is one of
 * - a leaf task (`backwardLeaf`): its successors' late and scheduled dates, its summary's bounds, its deadline, its
 *   no-later-than or must date and the project finish cap its late dates; its successors' scheduled dates give its
 *   free slack and, for an ALAP task, how late it may be scheduled;
 * - a summary's close node (`backwardSummaryClose`, reached first going backwards): the upper bounds its links and
 *   dates pass down to its children;
 * - a summary's open node (`backwardSummaryOpen`, reached after all its children): rolls up their late and scheduled
 *   dates and slack.
 * Slack is in working minutes of the task's calendar (wall minutes for elapsed-duration tasks, as Microsoft Project).
 */
import type { CompiledCalendar } from '../calendar'
import * as contextModule from './context'
import type { ScheduleContext } from './context'
import * as forward from './forward'
import * as links from './links'

// The arithmetic is bound once, here: under a CommonJS transform (the benchmarks run the sources through tsx)
// every call of an imported function first reads an export getter, which made the passes 30-40 % slower.
const {
  scheduleConstraintCodes,
  scheduleLagIsElapsed,
  scheduleLinkLag,
  scheduleLinkFromFinish,
  scheduleLinkHolds,
  scheduleLinkToStart,
  scheduleLinkWall,
  scheduleLinkWork,
  scheduleSlackTolerance,
} = links
const { ALAP, MSO, MFO, SNLT, FNLT } = scheduleConstraintCodes
const { forwardPlaceAssignments, placed } = forward
const { scheduleContextStretches } = contextModule
const NEG = Number.NEGATIVE_INFINITY
const POS = Number.POSITIVE_INFINITY

/**
 * The upper bounds on the task being computed, as pairs (working minute of its calendar at `slot`, wall minute at
 * `slot + 1`): from its successors' late dates (`slotLateStart`, `slotLateFinish`) and from their scheduled dates
 * (`slotFreeStart`, `slotFreeFinish`: free slack and ALAP placement). Filled by `backwardBounds`.
 */
const bounds = new Float64Array(8)
const slotLateStart = 0
const slotLateFinish = 2
const slotFreeStart = 4
const slotFreeFinish = 6

/** Lowers the bound pair at `slot` to working minute `w` and (when `withWall`) wall minute `wall`. */
function lower(slot: number, w: number, wall: number, withWall: boolean): void {
  if (w < (bounds[slot] as number)) bounds[slot] = w
  if (withWall && wall < (bounds[slot + 1] as number)) bounds[slot + 1] = wall
}

/** Lowers the bound pair at `slot` to the date `wall` (none when it is +Infinity or NaN) on the calendar `own`. */
function lowerToDate(slot: number, own: CompiledCalendar, wall: number): void {
  if (wall < POS) lower(slot, own.work(wall), wall, true)
}

/**
 * Fills `bounds` with the upper bounds on task `task` (a leaf, or a summary's close node when `summary`): from its
 * link successors, the bounds its own summary passes down, its deadline and its no-later-than or must date.
 */
function backwardBounds(
  context: ScheduleContext,
  task: number,
  summary: boolean,
  own: CompiledCalendar,
): void {
  const { graph, calendar, lagKind, duration } = context
  const { lateStart, lateFinish, start, finish, lsW, lfW, sW, fW, minLateFinish, minFinish } = context
  const { isSummary, successorOffsets, successorLinks, linkSuccessor, linkType } = graph
  const needsWall = summary || duration[task] === 0 || context.isElapsed[task] === 1
  for (let slot = 0; slot < 8; slot++) bounds[slot] = POS
  for (
    let entry = successorOffsets[task] as number;
    entry < (successorOffsets[task + 1] as number);
    entry++
  ) {
    const link = successorLinks[entry] as number
    const successor = linkSuccessor[link] as number
    const type = linkType[link] as number
    const other = calendar[successor] as CompiledCalendar
    const amount = scheduleLinkLag(context, link)
    const elapsed = scheduleLagIsElapsed(lagKind[link] as number)
    const isFinishBound = scheduleLinkFromFinish(type)
    const toStart = scheduleLinkToStart(type)
    let lateW: number
    let schedW: number
    let lateWall = 0
    let schedWall = 0
    const toSummaryFinish = !toStart && isSummary[successor] === 1
    if (!elapsed && other === own && !toSummaryFinish) {
      lateW = (toStart ? (lsW[successor] as number) : (lfW[successor] as number)) - amount
      schedW = (toStart ? (sW[successor] as number) : (fW[successor] as number)) - amount
      if (needsWall) {
        lateWall =
          amount === 0
            ? toStart
              ? (lateStart[successor] as number)
              : (lateFinish[successor] as number)
            : isFinishBound
              ? own.finishAt(lateW)
              : own.startAt(lateW)
        schedWall =
          amount === 0
            ? toStart
              ? (start[successor] as number)
              : (finish[successor] as number)
            : isFinishBound
              ? own.finishAt(schedW)
              : own.startAt(schedW)
      }
    } else {
      const lateTarget = toStart
        ? (lateStart[successor] as number)
        : toSummaryFinish
          ? (minLateFinish[successor] as number)
          : (lateFinish[successor] as number)
      const schedTarget = toStart
        ? (start[successor] as number)
        : toSummaryFinish
          ? (minFinish[successor] as number)
          : (finish[successor] as number)
      if (elapsed) {
        lateWall = lateTarget - amount
        schedWall = schedTarget - amount
      } else {
        // The latest wall time t with other.work(t) <= x is other.startAt(x): the bound may reach across the
        // successor's non-working time (a Friday finish may wait until the successor's Monday start).
        lateWall = other.startAt(other.work(lateTarget) - amount)
        schedWall = other.startAt(other.work(schedTarget) - amount)
      }
      lateW = own.work(lateWall)
      schedW = own.work(schedWall)
    }
    const slot = isFinishBound ? slotLateFinish : slotLateStart
    lower(slot, lateW, lateWall, needsWall)
    lower(slot + slotFreeStart, schedW, schedWall, needsWall)
  }
  const up = graph.parent[task] as number
  if (up >= 0) {
    lowerToDate(slotLateStart, own, context.boundLateStart[up] as number)
    lowerToDate(slotLateFinish, own, context.boundLateFinish[up] as number)
    lowerToDate(slotFreeStart, own, context.boundFreeStart[up] as number)
    lowerToDate(slotFreeFinish, own, context.boundFreeFinish[up] as number)
  }
  lowerToDate(slotLateFinish, own, context.deadline[task] as number)
  const type = context.constraintType[task] as number
  if (type === FNLT || (type === MFO && !summary))
    lowerToDate(slotLateFinish, own, context.constraintDate[task] as number)
  else if ((type === SNLT || type === MSO) && !summary)
    lowerToDate(slotLateStart, own, context.constraintDate[task] as number)
}

/** The bound a summary passes down from the pair at `slot`: the earlier of the wall bound and its working form. */
function summaryUpper(own: CompiledCalendar, slot: number, isFinish: boolean): number {
  const wall = bounds[slot + 1] as number
  if (wall === POS) return POS
  const w = bounds[slot] as number
  return Math.min(wall, isFinish ? own.finishAt(w) : own.startAt(w))
}

/**
 * A summary's close node: passes the upper bounds on the summary down to its children (the earlier of the wall-clock
 * bound and its working-time form is the stricter). Writes `boundLateStart`, `boundLateFinish`, `boundFreeStart`
 * and `boundFreeFinish`.
 * @returns whether they changed
 */
export function backwardSummaryClose(context: ScheduleContext, task: number, own: CompiledCalendar): boolean {
  backwardBounds(context, task, true, own)
  const nextLateStart = summaryUpper(own, slotLateStart, false)
  const nextLateFinish = summaryUpper(own, slotLateFinish, true)
  const nextFreeStart = summaryUpper(own, slotFreeStart, false)
  const nextFreeFinish = summaryUpper(own, slotFreeFinish, true)
  if (
    context.boundLateStart[task] === nextLateStart &&
    context.boundLateFinish[task] === nextLateFinish &&
    context.boundFreeStart[task] === nextFreeStart &&
    context.boundFreeFinish[task] === nextFreeFinish
  )
    return false
  context.boundLateStart[task] = nextLateStart
  context.boundLateFinish[task] = nextLateFinish
  context.boundFreeStart[task] = nextFreeStart
  context.boundFreeFinish[task] = nextFreeFinish
  return true
}

/** What moved at one node of the backward pass: its dates (bit 1), its slack (bit 2). */
export const backwardMovedDates = 1
export const backwardMovedSlack = 2

/**
 * A summary's open node, reached after all its children: rolls up their late and scheduled dates and slack.
 * @returns which of its values moved (`backwardMovedDates` | `backwardMovedSlack`)
 */
export function backwardSummaryOpen(context: ScheduleContext, task: number, own: CompiledCalendar): number {
  const { childOffsets, childList, isSummary } = context.graph
  const { lateStart, lateFinish, start, finish, totalSlack, freeSlack, minLateFinish, minFinish } = context
  let lowLate = POS
  let highLate = NEG
  let lowStart = POS
  let highFinish = NEG
  let slack = POS
  let free = POS
  let lowLateFinish = POS
  let lowFinish = POS
  for (let child = childOffsets[task] as number; child < (childOffsets[task + 1] as number); child++) {
    const index = childList[child] as number
    const childLateFinish =
      isSummary[index] === 1 ? (minLateFinish[index] as number) : (lateFinish[index] as number)
    const childFinish = isSummary[index] === 1 ? (minFinish[index] as number) : (finish[index] as number)
    if (childLateFinish < lowLateFinish) lowLateFinish = childLateFinish
    if (childFinish < lowFinish) lowFinish = childFinish
    if ((lateStart[index] as number) < lowLate) lowLate = lateStart[index] as number
    if ((lateFinish[index] as number) > highLate) highLate = lateFinish[index] as number
    if ((start[index] as number) < lowStart) lowStart = start[index] as number
    if ((finish[index] as number) > highFinish) highFinish = finish[index] as number
    if ((totalSlack[index] as number) < slack) slack = totalSlack[index] as number
    if ((freeSlack[index] as number) < free) free = freeSlack[index] as number
  }
  if (context.isManual[task] === 1) {
    // A manual summary is scheduled at its own dates; its tasks' span is `rolledStart` / `rolledFinish`.
    lowStart = context.earlyStart[task] as number
    highFinish = context.earlyFinish[task] as number
  }
  const datesMoved =
    lateStart[task] !== lowLate ||
    lateFinish[task] !== highLate ||
    start[task] !== lowStart ||
    finish[task] !== highFinish ||
    minLateFinish[task] !== lowLateFinish ||
    minFinish[task] !== lowFinish
  const slackMoved = totalSlack[task] !== slack || freeSlack[task] !== free
  minLateFinish[task] = lowLateFinish
  minFinish[task] = lowFinish
  lateStart[task] = lowLate
  lateFinish[task] = highLate
  start[task] = lowStart
  finish[task] = highFinish
  context.lsW[task] = own.work(lowLate)
  context.lfW[task] = own.work(highLate)
  context.sW[task] = own.work(lowStart)
  context.fW[task] = own.work(highFinish)
  totalSlack[task] = slack
  freeSlack[task] = free
  return (datesMoved ? backwardMovedDates : 0) | (slackMoved ? backwardMovedSlack : 0)
}

/**
 * Whether every link out of `task` still holds with the task at these dates (checked on the successors' calendars).
 * ALAP placement across calendars can round a start past a bound; such a placement is then not used. Links out of
 * the task's summaries count too: a later finish can move a summary's finish (judged against the summary's early
 * finish, which the other tasks do not exceed); a start only ever lowers a summary's start bound.
 */
function linksHold(context: ScheduleContext, task: number, startWall: number, finishWall: number): boolean {
  const { parent } = context.graph
  for (let holder = task; holder >= 0; holder = parent[holder] as number) {
    const isOwn = holder === task
    const holderFinish = isOwn ? finishWall : Math.max(context.earlyFinish[holder] as number, finishWall)
    if (!linksHoldFrom(context, holder, startWall, holderFinish)) return false
  }
  return true
}

function linksHoldFrom(
  context: ScheduleContext,
  task: number,
  startWall: number,
  finishWall: number,
): boolean {
  const { calendar, lagKind, start, finish } = context
  const { isSummary, parent, successorOffsets, successorLinks, linkSuccessor, linkType, taskCount } =
    context.graph
  for (
    let entry = successorOffsets[task] as number;
    entry < (successorOffsets[task + 1] as number);
    entry++
  ) {
    const link = successorLinks[entry] as number
    const successor = linkSuccessor[link] as number
    const type = linkType[link] as number
    const other = calendar[successor] as CompiledCalendar
    const amount = scheduleLinkLag(context, link)
    const base = scheduleLinkFromFinish(type) ? finishWall : startWall
    const elapsed = scheduleLagIsElapsed(lagKind[link] as number)
    const toStart = scheduleLinkToStart(type)
    if (isSummary[successor] === 1) {
      // A link to a summary binds each task under it with the bound the forward pass gives them.
      const w = scheduleLinkWork(other, base, amount, elapsed)
      const raw = scheduleLinkWall(other, type, base, amount, elapsed, w)
      const bound = Math.max(raw, toStart ? other.startAt(w) : other.finishAt(w))
      for (let index = successor + 1; index < taskCount; index++) {
        let isInside = false
        for (let up = parent[index] as number; up >= successor; up = parent[up] as number)
          if (up === successor) isInside = true
        if (!isInside) break
        if (isSummary[index] === 1) continue
        const inner = calendar[index] as CompiledCalendar
        const value = toStart ? (start[index] as number) : (finish[index] as number)
        if (inner.work(value) + scheduleSlackTolerance < inner.work(bound)) return false
      }
      continue
    }
    const target = toStart ? (start[successor] as number) : (finish[successor] as number)
    if (!scheduleLinkHolds(other, base, amount, elapsed, target)) return false
  }
  return true
}

/**
 * A leaf task: late dates, total and free slack, and its scheduled dates (its early dates, or as late as its
 * successors allow for an ALAP task without an actual start). Writes the late, scheduled and slack arrays.
 * @returns which of its values moved (`backwardMovedDates` | `backwardMovedSlack`)
 */
export function backwardLeaf(context: ScheduleContext, task: number, own: CompiledCalendar): number {
  backwardBounds(context, task, false, own)
  const startW = bounds[slotLateStart] as number
  const startWall = bounds[slotLateStart + 1] as number
  const freeStartW = bounds[slotFreeStart] as number
  const freeStartWall = bounds[slotFreeStart + 1] as number
  let finishW = bounds[slotLateFinish] as number
  let finishWall = bounds[slotLateFinish + 1] as number
  let freeFinishW = bounds[slotFreeFinish] as number
  let freeFinishWall = bounds[slotFreeFinish + 1] as number
  // No task may finish later than the project finish (Microsoft Project's late finish for tasks without successors,
  // and the cap for tasks whose successors are only tied to their start, such as SF links).
  const projectFinishWall = context.projectFinishWall
  if (own !== context.finishCalendar) {
    context.finishCalendar = own
    context.finishCapW = own.work(projectFinishWall)
  }
  const projectFinishW = context.finishCapW
  if (projectFinishW < finishW) finishW = projectFinishW
  if (projectFinishWall < finishWall) finishWall = projectFinishWall
  if (projectFinishW < freeFinishW) freeFinishW = projectFinishW
  if (projectFinishWall < freeFinishWall) freeFinishWall = projectFinishWall
  if (context.isResourceDriven[task] === 1)
    return backwardLeafAssigned(
      context,
      task,
      own,
      Math.min(finishWall, own.finishAt(finishW)),
      freeFinishW < POS ? Math.min(freeFinishWall, own.finishAt(freeFinishW)) : freeFinishWall,
      startW < POS ? Math.min(startWall, own.startAt(startW)) : startWall,
      freeStartW < POS ? Math.min(freeStartWall, own.startAt(freeStartW)) : freeStartWall,
    )
  const { lateStart, lateFinish, start, finish, totalSlack, freeSlack } = context
  // Manual tasks move as a block of the working time they span on their calendar.
  const isSpan = context.isManual[task] === 1
  const length = isSpan ? (context.spanW[task] as number) : (context.duration[task] as number)
  const isElapsed = context.isElapsed[task] === 1
  const es = context.earlyStart[task] as number
  const ef = context.earlyFinish[task] as number
  const earlyFinishW = context.efW[task] as number
  let ls: number
  let lf: number
  let lateFinishW: number
  let slack: number
  let free: number
  let scheduledStart = es
  let scheduledFinish = ef
  let scheduledStartW = context.esW[task] as number
  let scheduledFinishW = earlyFinishW
  const isAlap =
    context.constraintType[task] === ALAP &&
    Number.isNaN(context.actualStart[task] as number) &&
    context.isManual[task] === 0
  if (length === 0 || isElapsed) {
    const span = isElapsed ? length : 0
    lf = Math.min(finishWall, startWall + span)
    ls = lf - span
    lateFinishW = own.work(lf)
    if (isElapsed) {
      // Elapsed tasks measure slack on the wall clock, as Microsoft Project does.
      slack = lf - ef
      free = Math.min(freeFinishWall, freeStartWall + span) - ef
    } else {
      slack = lateFinishW - earlyFinishW
      free = Math.min(freeFinishW, freeStartW) - earlyFinishW
    }
    if (isAlap) {
      let latest = Math.min(freeFinishWall, freeStartWall + span, lf)
      // A late milestone inside non-working time moves back to the end of the previous working stretch.
      if (span === 0 && !own.isWorking(latest) && !own.isWorking(latest - 1))
        latest = own.finishAt(own.work(latest))
      if (latest > ef && linksHold(context, task, latest - span, latest)) {
        scheduledFinish = latest
        scheduledStart = latest - span
        scheduledFinishW = own.work(scheduledFinish)
        scheduledStartW = span === 0 ? scheduledFinishW : own.work(scheduledStart)
      }
      slack = isElapsed ? lf - scheduledFinish : lateFinishW - scheduledFinishW
    }
    context.lsW[task] = span === 0 ? lateFinishW : own.work(ls)
  } else {
    lateFinishW = Math.min(finishW, startW + length)
    lf = own.finishAt(lateFinishW)
    ls = own.startAt(lateFinishW - length)
    slack = lateFinishW - earlyFinishW
    free = Math.min(freeFinishW, freeStartW + length) - earlyFinishW
    if (isAlap) {
      const latestW = Math.min(freeFinishW, freeStartW + length, lateFinishW)
      const lateStartWall = own.startAt(latestW - length)
      const lateFinishWall = own.finishAt(latestW)
      if (latestW > earlyFinishW && linksHold(context, task, lateStartWall, lateFinishWall)) {
        scheduledFinish = lateFinishWall
        scheduledStart = lateStartWall
        scheduledFinishW = latestW
        scheduledStartW = latestW - length
      }
      // Microsoft Project measures an ALAP task's slack from where it is scheduled.
      slack = lateFinishW - scheduledFinishW
      free = Math.min(free, slack)
    }
    context.lsW[task] = lateFinishW - length
  }
  const freeClamped = Math.max(0, Math.min(free, slack))
  const datesMoved =
    lateStart[task] !== ls ||
    lateFinish[task] !== lf ||
    start[task] !== scheduledStart ||
    finish[task] !== scheduledFinish
  const slackMoved = totalSlack[task] !== slack || freeSlack[task] !== freeClamped
  lateStart[task] = ls
  lateFinish[task] = lf
  context.lfW[task] = lateFinishW
  totalSlack[task] = slack
  freeSlack[task] = freeClamped
  start[task] = scheduledStart
  finish[task] = scheduledFinish
  context.sW[task] = scheduledStartW
  context.fW[task] = scheduledFinishW
  return (datesMoved ? backwardMovedDates : 0) | (slackMoved ? backwardMovedSlack : 0)
}

/**
 * The latest placement of resource-driven task `task`'s assignments that finishes by `finishWall` and starts by
 * `startWall` (wall minutes; +Infinity = unbound): each assignment ends as late as its calendar allows before the
 * finish bound; when that starts too late for the start bound, they start at the start bound instead. Writes the
 * span into `placed` (and the assignments' dates when `write`).
 */
function latestPlacement(
  context: ScheduleContext,
  task: number,
  finishWall: number,
  startWall: number,
  write: boolean,
): void {
  forwardPlaceAssignments(context, task, finishWall, true, false, write)
  if ((placed[0] as number) > startWall)
    forwardPlaceAssignments(context, task, startWall, false, false, write)
}

/**
 * A resource-driven leaf (see `forward.ts`), with its upper bounds as wall minutes (the links' working-minute bounds
 * turned into the end or start of that working minute): its late dates place each assignment as late as the bounds
 * allow on its own calendar (so starting at the late start never finishes after the late finish, vacations included); an ALAP
 * task is scheduled at the latest placement its successors' scheduled dates allow. Slack is measured on the task's
 * calendar.
 */
function backwardLeafAssigned(
  context: ScheduleContext,
  task: number,
  own: CompiledCalendar,
  finishWall: number,
  freeFinishWall: number,
  startWall: number,
  freeStartWall: number,
): number {
  const { lateStart, lateFinish, start, finish, totalSlack, freeSlack } = context
  latestPlacement(context, task, finishWall, startWall, false)
  const ls = placed[0] as number
  const lf = placed[1] as number
  const es = context.earlyStart[task] as number
  const ef = context.earlyFinish[task] as number
  const earlyFinishW = context.efW[task] as number
  const lateFinishW = own.work(lf)
  let slack = lateFinishW - earlyFinishW
  // Free slack on the task's calendar, the task moved as a block (exact placement matters only where it moves: ALAP).
  const spanW = context.spanW[task] as number
  const freeFinishW = freeFinishWall < lf ? own.work(freeFinishWall) : lateFinishW
  let free =
    (freeStartWall < POS ? Math.min(freeFinishW, own.work(freeStartWall) + spanW) : freeFinishW) -
    earlyFinishW
  let scheduledStart = es
  let scheduledFinish = ef
  const isAlap = context.constraintType[task] === ALAP && Number.isNaN(context.actualStart[task] as number)
  if (isAlap) latestPlacement(context, task, Math.min(freeFinishWall, lf), freeStartWall, false)
  if (isAlap && (placed[1] as number) > ef) {
    const latestStart = placed[0] as number
    const latestFinish = placed[1] as number
    if (linksHold(context, task, latestStart, latestFinish)) {
      latestPlacement(context, task, Math.min(freeFinishWall, lf), freeStartWall, true)
      scheduleContextStretches(context, task)
      scheduledStart = latestStart
      scheduledFinish = latestFinish
      // Microsoft Project measures an ALAP task's slack from where it is scheduled.
      slack = lateFinishW - own.work(latestFinish)
      free = Math.min(free, slack)
    } else {
      forwardPlaceAssignments(context, task, es, false, false)
      scheduleContextStretches(context, task)
    }
  } else if (isAlap) {
    forwardPlaceAssignments(context, task, es, false, false)
    scheduleContextStretches(context, task)
  }
  const freeClamped = Math.max(0, Math.min(free, slack))
  const datesMoved =
    lateStart[task] !== ls ||
    lateFinish[task] !== lf ||
    start[task] !== scheduledStart ||
    finish[task] !== scheduledFinish
  const slackMoved = totalSlack[task] !== slack || freeSlack[task] !== freeClamped
  lateStart[task] = ls
  lateFinish[task] = lf
  context.lsW[task] = own.work(ls)
  context.lfW[task] = lateFinishW
  totalSlack[task] = slack
  freeSlack[task] = freeClamped
  start[task] = scheduledStart
  finish[task] = scheduledFinish
  context.sW[task] = scheduledStart === es ? (context.esW[task] as number) : own.work(scheduledStart)
  context.fW[task] = scheduledFinish === ef ? earlyFinishW : own.work(scheduledFinish)
  return (datesMoved ? backwardMovedDates : 0) | (slackMoved ? backwardMovedSlack : 0)
}

/**
 * After task `task`'s late or scheduled dates (or slack) moved in the backward pass: its predecessors' bounds and
 * its summary's roll-up need recomputing.
 */
function markBackward(context: ScheduleContext, task: number, moved: number): void {
  const graph = context.graph
  const dirtyBackward = context.dirtyBackward
  const up = graph.parent[task] as number
  if (moved !== 0 && up >= 0) dirtyBackward[up] = 1
  if ((moved & backwardMovedDates) === 0) return
  for (
    let entry = graph.predecessorOffsets[task] as number;
    entry < (graph.predecessorOffsets[task + 1] as number);
    entry++
  ) {
    const predecessor = graph.linkPredecessor[graph.predecessorLinks[entry] as number] as number
    dirtyBackward[graph.isSummary[predecessor] === 1 ? graph.taskCount + predecessor : predecessor] = 1
  }
}

/**
 * Runs the backward pass against `context.projectFinishWall`. With `incremental`, only the nodes flagged in
 * `dirtyBackward` (and what their changes reach) are recomputed.
 */
export function backwardPass(context: ScheduleContext, incremental: boolean): void {
  const graph = context.graph
  const count = graph.taskCount
  const { order, isSummary, childOffsets, childList } = graph
  const { dirtyBackward, calendar } = context
  context.finishCalendar = null
  for (let position = order.length - 1; position >= 0; position--) {
    const node = order[position] as number
    if (incremental) {
      if (dirtyBackward[node] === 0) continue
      dirtyBackward[node] = 0
    }
    const task = node >= count ? node - count : node
    const own = calendar[task] as CompiledCalendar
    if (isSummary[task] === 0) {
      const moved = backwardLeaf(context, task, own)
      if (incremental) markBackward(context, task, moved)
    } else if (node < count) {
      const moved = backwardSummaryOpen(context, task, own)
      if (incremental) markBackward(context, task, moved)
    } else if (backwardSummaryClose(context, task, own) && incremental) {
      for (let child = childOffsets[task] as number; child < (childOffsets[task + 1] as number); child++) {
        const index = childList[child] as number
        dirtyBackward[isSummary[index] === 1 ? count + index : index] = 1
      }
    }
  }
}
