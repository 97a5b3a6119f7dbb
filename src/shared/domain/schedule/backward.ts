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
import type { ScheduleContext } from './context'
import * as links from './links'

// The arithmetic is bound once, here: under a CommonJS transform (the benchmarks run the sources through tsx)
// every call of an imported function first reads an export getter, which made the passes 30-40 % slower.
const {
  scheduleConstraintCodes,
  scheduleLagIsElapsed,
  scheduleLagMinutes,
  scheduleLinkFromFinish,
  scheduleLinkHolds,
  scheduleLinkToStart,
  scheduleLinkWall,
  scheduleLinkWork,
  scheduleSlackTolerance,
} = links
const { ALAP, MSO, MFO, SNLT, FNLT } = scheduleConstraintCodes
const NEG = Number.NEGATIVE_INFINITY
const POS = Number.POSITIVE_INFINITY

/** The upper bounds the successors, the summary and the dates put on one task (scratch of `backwardBounds`). */
type BackwardBounds = {
  /** From the successors' late dates. */
  startW: number
  finishW: number
  startWall: number
  finishWall: number
  /** The same from the successors' scheduled dates: free slack and ALAP placement. */
  freeStartW: number
  freeFinishW: number
  freeStartWall: number
  freeFinishWall: number
}

const scratch: BackwardBounds = {
  startW: 0,
  finishW: 0,
  startWall: 0,
  finishWall: 0,
  freeStartW: 0,
  freeFinishW: 0,
  freeStartWall: 0,
  freeFinishWall: 0,
}

/**
 * Fills `scratch` with the upper bounds on task `task` (a leaf, or a summary's close node when `summary`): from its
 * link successors, the bounds its own summary passes down, its deadline and its no-later-than or must date.
 */
function backwardBounds(
  context: ScheduleContext,
  task: number,
  summary: boolean,
  own: CompiledCalendar,
): void {
  const { graph, calendar, lagKind, lag, duration, rolledDuration } = context
  const { lateStart, lateFinish, start, finish, lsW, lfW, sW, fW, minLateFinish, minFinish } = context
  const { isSummary, successorOffsets, successorLinks, linkSuccessor, linkType } = graph
  const needsWall = summary || duration[task] === 0 || context.isElapsed[task] === 1
  let startW = POS
  let finishW = POS
  let startWall = POS
  let finishWall = POS
  let freeStartW = POS
  let freeFinishW = POS
  let freeStartWall = POS
  let freeFinishWall = POS
  for (
    let entry = successorOffsets[task] as number;
    entry < (successorOffsets[task + 1] as number);
    entry++
  ) {
    const link = successorLinks[entry] as number
    const successor = linkSuccessor[link] as number
    const type = linkType[link] as number
    const other = calendar[successor] as CompiledCalendar
    const kind = lagKind[link] as number
    const amount = scheduleLagMinutes(
      kind,
      lag[link] as number,
      summary ? (rolledDuration[task] as number) : (duration[task] as number),
    )
    const elapsed = scheduleLagIsElapsed(kind)
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
    if (isFinishBound) {
      if (lateW < finishW) finishW = lateW
      if (schedW < freeFinishW) freeFinishW = schedW
      if (needsWall) {
        if (lateWall < finishWall) finishWall = lateWall
        if (schedWall < freeFinishWall) freeFinishWall = schedWall
      }
    } else {
      if (lateW < startW) startW = lateW
      if (schedW < freeStartW) freeStartW = schedW
      if (needsWall) {
        if (lateWall < startWall) startWall = lateWall
        if (schedWall < freeStartWall) freeStartWall = schedWall
      }
    }
  }
  const up = graph.parent[task] as number
  if (up >= 0) {
    const inheritedStart = context.boundLateStart[up] as number
    const inheritedFinish = context.boundLateFinish[up] as number
    if (inheritedStart < POS) {
      const w = own.work(inheritedStart)
      if (w < startW) startW = w
      if (inheritedStart < startWall) startWall = inheritedStart
    }
    if (inheritedFinish < POS) {
      const w = own.work(inheritedFinish)
      if (w < finishW) finishW = w
      if (inheritedFinish < finishWall) finishWall = inheritedFinish
    }
    const inheritedFreeStart = context.boundFreeStart[up] as number
    const inheritedFreeFinish = context.boundFreeFinish[up] as number
    if (inheritedFreeStart < POS) {
      const w = own.work(inheritedFreeStart)
      if (w < freeStartW) freeStartW = w
      if (inheritedFreeStart < freeStartWall) freeStartWall = inheritedFreeStart
    }
    if (inheritedFreeFinish < POS) {
      const w = own.work(inheritedFreeFinish)
      if (w < freeFinishW) freeFinishW = w
      if (inheritedFreeFinish < freeFinishWall) freeFinishWall = inheritedFreeFinish
    }
  }
  const type = context.constraintType[task] as number
  const date = context.constraintDate[task] as number
  const due = context.deadline[task] as number
  if (!Number.isNaN(due)) {
    const w = own.work(due)
    if (w < finishW) finishW = w
    if (due < finishWall) finishWall = due
  }
  if (type === FNLT || (type === MFO && !summary)) {
    const w = own.work(date)
    if (w < finishW) finishW = w
    if (date < finishWall) finishWall = date
  } else if ((type === SNLT || type === MSO) && !summary) {
    const w = own.work(date)
    if (w < startW) startW = w
    if (date < startWall) startWall = date
  }
  scratch.startW = startW
  scratch.finishW = finishW
  scratch.startWall = startWall
  scratch.finishWall = finishWall
  scratch.freeStartW = freeStartW
  scratch.freeFinishW = freeFinishW
  scratch.freeStartWall = freeStartWall
  scratch.freeFinishWall = freeFinishWall
}

/**
 * A summary's close node: passes the upper bounds on the summary down to its children (the earlier of the wall-clock
 * bound and its working-time form is the stricter). Writes `boundLateStart`, `boundLateFinish`, `boundFreeStart`
 * and `boundFreeFinish`.
 * @returns whether they changed
 */
export function backwardSummaryClose(context: ScheduleContext, task: number, own: CompiledCalendar): boolean {
  backwardBounds(context, task, true, own)
  const b = scratch
  const nextLateStart = b.startWall === POS ? POS : Math.min(b.startWall, own.startAt(b.startW))
  const nextLateFinish = b.finishWall === POS ? POS : Math.min(b.finishWall, own.finishAt(b.finishW))
  const nextFreeStart = b.freeStartWall === POS ? POS : Math.min(b.freeStartWall, own.startAt(b.freeStartW))
  const nextFreeFinish =
    b.freeFinishWall === POS ? POS : Math.min(b.freeFinishWall, own.finishAt(b.freeFinishW))
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
    const length = isOwn ? (context.duration[task] as number) : (context.rolledDuration[holder] as number)
    if (!linksHoldFrom(context, holder, startWall, holderFinish, length)) return false
  }
  return true
}

function linksHoldFrom(
  context: ScheduleContext,
  task: number,
  startWall: number,
  finishWall: number,
  length: number,
): boolean {
  const { calendar, lagKind, lag, start, finish } = context
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
    const kind = lagKind[link] as number
    const amount = scheduleLagMinutes(kind, lag[link] as number, length)
    const base = scheduleLinkFromFinish(type) ? finishWall : startWall
    const elapsed = scheduleLagIsElapsed(kind)
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
  const { startW, startWall, freeStartW, freeStartWall } = scratch
  let { finishW, finishWall, freeFinishW, freeFinishWall } = scratch
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
  const { lateStart, lateFinish, start, finish, totalSlack, freeSlack } = context
  const length = context.duration[task] as number
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
  const isAlap = context.constraintType[task] === ALAP && Number.isNaN(context.actualStart[task] as number)
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
