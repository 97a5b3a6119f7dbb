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
 *
 * A task whose assignments drive it (`isResourceDriven`) is placed assignment by assignment: each starts at the first
 * working minute of its own calendar (the resource's) at or after the task's start bound and lasts its length there,
 * so a vacation stretches it; the task runs from the earliest assignment start to the latest assignment finish. Its
 * bounds are taken as wall times (a night-shift resource starts at 23:00 the day its predecessor finishes).
 * A manual task keeps its typed dates (`manualDates`); links do not move it.
 */
import * as calendarModule from '../calendar'
import type { CompiledCalendar } from '../calendar'
import * as contextModule from './context'
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
const { MSO, MFO, SNET, SNLT, FNET, FNLT } = scheduleConstraintCodes
const { calendarUnionMinutes } = calendarModule
const { scheduleContextStretches } = contextModule
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
  const needsWall =
    summary || duration[task] === 0 || context.isElapsed[task] === 1 || context.isResourceDriven[task] === 1
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
  if (context.isManual[task] === 1) {
    if (context.stretchesOf.size > 0) context.stretchesOf.delete(task)
    forwardLeafManual(context, task)
    return
  }
  if (context.isResourceDriven[task] === 1) {
    forwardLeafAssigned(context, task, delay)
    return
  }
  if (context.stretchesOf.size > 0) context.stretchesOf.delete(task)
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
    const status = context.statusWall
    if (!Number.isNaN(status) && Number.isNaN(finished) && length > 0)
      ef = remainingAfterStatus(own, isElapsed, es, ef, length, context.percentComplete[task] as number, status)
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
    const status = context.statusWall
    // Not started and due before the status date: all of it is remaining work, scheduled from the status date on.
    if (!Number.isNaN(status)) {
      const w = own.work(status)
      if (w > startW) startW = w
      if (status > startWall) startWall = status
    }
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
  spanAssignments(context, task, es, ef)
}

/**
 * The finish of a started, unfinished task when the plan moves remaining work after the status date (Microsoft
 * Project's "Move start of remaining parts before status date forward to status date"): the completed part
 * (`percent` of `length`) stays where it happened, from the actual start `es`; when the remaining part would start
 * before `status`, it is scheduled from the status date instead and the task finishes `length - done` working minutes
 * of its calendar (wall minutes for an elapsed duration) after it. The task keeps its actual start and its duration;
 * the time between the completed part and the status date is a gap in it (Microsoft Project draws a split there; Gantry
 * draws one bar from the actual start to the new finish). Otherwise `finish` as it was.
 * @returns the finish in wall minutes
 */
function remainingAfterStatus(
  own: CompiledCalendar,
  isElapsed: boolean,
  es: number,
  finish: number,
  length: number,
  percent: number,
  status: number,
): number {
  const done = Math.round((length * percent) / 100)
  const remaining = length - done
  if (remaining <= 0) return finish
  if (isElapsed) return es + done < status ? status + remaining : finish
  const statusW = own.work(status)
  return own.work(es) + done < statusW ? own.finishAt(statusW + remaining) : finish
}

/**
 * With `context.statusWall` set, moves the remaining part of each driving assignment of started task `task` (actual
 * start `actual`) that would start before the status date to it (`remainingAfterStatus` on the assignment's calendar,
 * the task's % complete as each assignment's share done).
 * @returns the latest assignment finish after the move (-Infinity when none drives the task)
 */
function assignmentsRemainingAfterStatus(context: ScheduleContext, task: number, actual: number): number {
  const { assignmentOffsets, assignmentList, assignmentLength, assignmentCalendar, assignmentFinish } = context
  const percent = context.percentComplete[task] as number
  let latest = NEG
  for (
    let entry = assignmentOffsets[task] as number;
    entry < (assignmentOffsets[task + 1] as number);
    entry++
  ) {
    const position = assignmentList[entry] as number
    const length = assignmentLength[position] as number
    if (length <= 0) continue
    const calendar = assignmentCalendar[position] as CompiledCalendar
    const end = remainingAfterStatus(
      calendar,
      false,
      actual,
      assignmentFinish[position] as number,
      length,
      percent,
      context.statusWall,
    )
    assignmentFinish[position] = end
    if (end > latest) latest = end
  }
  return latest
}

/**
 * A finished task's work happened between its actual dates: its driving assignments end by its actual finish `finish`
 * (work typed after the fact does not run past it, nor load the resource there).
 */
function clipAssignments(context: ScheduleContext, task: number, finish: number): void {
  const { assignmentOffsets, assignmentList, assignmentLength, assignmentStart, assignmentFinish } = context
  for (
    let entry = assignmentOffsets[task] as number;
    entry < (assignmentOffsets[task + 1] as number);
    entry++
  ) {
    const position = assignmentList[entry] as number
    if ((assignmentLength[position] as number) <= 0) continue
    if ((assignmentFinish[position] as number) > finish) assignmentFinish[position] = finish
    if ((assignmentStart[position] as number) > finish) assignmentStart[position] = finish
  }
}

/** Gives the assignments of `task` that do not drive it its span. */
function spanAssignments(context: ScheduleContext, task: number, es: number, ef: number): void {
  const { assignmentOffsets, assignmentList, assignmentLength, assignmentStart, assignmentFinish } = context
  for (
    let entry = assignmentOffsets[task] as number;
    entry < (assignmentOffsets[task + 1] as number);
    entry++
  ) {
    const position = assignmentList[entry] as number
    if ((assignmentLength[position] as number) > 0) continue
    assignmentStart[position] = es
    assignmentFinish[position] = ef
  }
}

/**
 * The latest start from which task `task`'s assignments reach `finish`: for each driving assignment, the start that
 * ends its length at `finish` on its calendar; the earliest of them (one assignment reaching the finish is enough).
 */
export function forwardStartForFinish(context: ScheduleContext, task: number, finish: number): number {
  const { assignmentOffsets, assignmentList, assignmentLength, assignmentCalendar } = context
  let start = POS
  for (
    let entry = assignmentOffsets[task] as number;
    entry < (assignmentOffsets[task + 1] as number);
    entry++
  ) {
    const position = assignmentList[entry] as number
    const length = assignmentLength[position] as number
    if (length <= 0) continue
    const calendar = assignmentCalendar[position] as CompiledCalendar
    const at = calendar.startAt(calendar.work(finish) - length)
    if (at < start) start = at
  }
  return start
}

/**
 * Places each driving assignment of `task` from `start` (wall minutes) on its calendar, or from its finish when
 * `backward` (then `at` is the latest finish); `fixedStart` starts each at `at` itself (an actual start). Writes
 * `assignmentStart` / `assignmentFinish` unless `write` is false (the backward pass trying late dates), and the task's
 * span [earliest assignment start, latest assignment finish] into `placed`.
 */
export function forwardPlaceAssignments(
  context: ScheduleContext,
  task: number,
  at: number,
  backward: boolean,
  fixedStart: boolean,
  write = true,
): void {
  const {
    assignmentOffsets,
    assignmentList,
    assignmentLength,
    assignmentCalendar,
    assignmentStart,
    assignmentFinish,
  } = context
  let low = POS
  let high = NEG
  let lowW = POS
  let highW = NEG
  let common: CompiledCalendar | null = null
  let isMixed = false
  for (
    let entry = assignmentOffsets[task] as number;
    entry < (assignmentOffsets[task + 1] as number);
    entry++
  ) {
    const position = assignmentList[entry] as number
    const length = assignmentLength[position] as number
    if (length <= 0) continue
    const calendar = assignmentCalendar[position] as CompiledCalendar
    if (common === null) common = calendar
    else if (common !== calendar) isMixed = true
    let begin: number
    let end: number
    const w = calendar.work(at)
    let beginW: number
    let endW: number
    if (backward) {
      end = calendar.finishAt(w)
      begin = calendar.startAt(w - length)
      beginW = w - length
      endW = w
    } else {
      begin = fixedStart ? at : calendar.startAt(w)
      end = calendar.finishAt(w + length)
      beginW = w
      endW = w + length
    }
    if (write) {
      assignmentStart[position] = begin
      assignmentFinish[position] = end
    }
    if (begin < low) low = begin
    if (end > high) high = end
    if (beginW < lowW) lowW = beginW
    if (endW > highW) highW = endW
  }
  placed[0] = low
  placed[1] = high
  // When every driving assignment works on one calendar, the task's duration on it is known without another lookup.
  placed[2] = isMixed ? Number.NaN : highW - lowW
}

/**
 * What `forwardPlaceAssignments` found (module scratch: the passes are synchronous): the span [start, finish] and,
 * when the driving assignments share one calendar, the working minutes between them on it (NaN when they do not).
 */
export const placed = new Float64Array(3)

/**
 * The duration Microsoft Project shows for a resource-driven task: working minutes between its start and finish
 * during which any of its driving assignments' calendars works (their common calendar when they share one).
 */
function assignedDuration(context: ScheduleContext, task: number, es: number, ef: number): number {
  const { assignmentOffsets, assignmentList, assignmentLength, assignmentCalendar } = context
  let first: CompiledCalendar | null = null
  let second: CompiledCalendar | null = null
  let more: CompiledCalendar[] | null = null
  for (
    let entry = assignmentOffsets[task] as number;
    entry < (assignmentOffsets[task + 1] as number);
    entry++
  ) {
    const position = assignmentList[entry] as number
    if ((assignmentLength[position] as number) <= 0) continue
    const calendar = assignmentCalendar[position] as CompiledCalendar
    if (first === null || calendar === first) first = calendar
    else if (second === null || calendar === second) second = calendar
    else if (more === null || !more.includes(calendar)) (more ??= []).push(calendar)
  }
  if (first === null) return 0
  if (second === null) return first.work(ef) - first.work(es)
  unionScratch.length = 0
  unionScratch.push(first, second)
  if (more !== null) unionScratch.push(...more)
  return calendarUnionMinutes(unionScratch, es, ef)
}

/** The calendars of one task (module scratch, reused: the passes are synchronous). */
const unionScratch: CompiledCalendar[] = []

/**
 * Places resource-driven leaf task `task` (see the module comment) from the bounds in `context.bounds`, its
 * constraint, the project start, its actual dates and `delay` elapsed minutes of leveling delay. Writes the early
 * dates, the assignments' dates, `spanW` and `reportedDuration`.
 */
export function forwardLeafAssigned(context: ScheduleContext, task: number, delay: number): void {
  const own = context.calendar[task] as CompiledCalendar
  const actual = context.actualStart[task] as number
  let es: number
  let ef: number
  let reported = Number.NaN
  if (!Number.isNaN(actual)) {
    forwardPlaceAssignments(context, task, actual, false, true)
    es = actual
    const finished = context.actualFinish[task] as number
    ef = Number.isNaN(finished) ? Math.max(placed[1] as number, actual) : finished
    if (!Number.isNaN(finished)) clipAssignments(context, task, Math.max(actual, finished))
    else if (!Number.isNaN(context.statusWall)) {
      // The duration stays the working time of the assignments as placed; the gap before the status date is not in it.
      reported = Number.isNaN(placed[2] as number) ? assignedDuration(context, task, es, ef) : (placed[2] as number)
      ef = Math.max(ef, assignmentsRemainingAfterStatus(context, task, actual))
    }
  } else {
    const bounds = context.bounds
    const type = context.constraintType[task] as number
    const date = context.constraintDate[task] as number
    let startWall = bounds.startWall
    let finishWall = bounds.finishWall
    // Not started and due before the status date: all of it is remaining work, scheduled from the status date on.
    if (!Number.isNaN(context.statusWall) && context.statusWall > startWall) startWall = context.statusWall
    if (type === SNET && date > startWall) startWall = date
    else if (type === FNET && date > finishWall) finishWall = date
    const fromFinish = finishWall > NEG ? forwardStartForFinish(context, task, finishWall) : NEG
    // As for other tasks: the project start binds unless the task's own start-no-earlier-than date replaces it, or
    // an FF/SF link (not a finish-no-earlier-than date) is what places the task.
    const isLinkFinishDriven = fromFinish > startWall && bounds.finishWall >= finishWall
    if (type !== SNET && !isLinkFinishDriven && context.projectStartWall > startWall)
      startWall = context.projectStartWall
    let start = fromFinish > startWall ? fromFinish : startWall
    if (type === SNLT && start > date) start = date
    else if (type === FNLT) {
      const limit = forwardStartForFinish(context, task, date)
      if (start > limit) start = limit
    } else if (type === MSO) start = date
    else if (type === MFO) start = forwardStartForFinish(context, task, date)
    if (!(start > NEG)) start = context.projectStartWall
    forwardPlaceAssignments(context, task, start, false, false)
    // A leveling delay counts from the early start the assignments give (after a vacation, say), as for other tasks.
    if (delay > 0) forwardPlaceAssignments(context, task, (placed[0] as number) + delay, false, false)
    es = placed[0] as number
    ef = placed[1] as number
    // An assignment that reaches a finish bound in its own working time but ends before it in wall time (its resource
    // is off there) finishes at the bound, the same working minute: the link holds on the task's calendar too.
    if (finishWall > NEG && ef < finishWall && ef > NEG) ef = keepFinishBound(context, task, finishWall, ef)
  }
  context.earlyStart[task] = es
  context.earlyFinish[task] = ef
  const startW = own.work(es)
  const finishW = own.work(ef)
  context.esW[task] = startW
  context.efW[task] = finishW
  context.spanW[task] = finishW - startW
  const shared = Number.isNaN(context.actualFinish[task] as number) ? (placed[2] as number) : Number.NaN
  if (!Number.isNaN(reported)) context.reportedDuration[task] = reported
  else context.reportedDuration[task] = Number.isNaN(shared) ? assignedDuration(context, task, es, ef) : shared
  spanAssignments(context, task, es, ef)
  scheduleContextStretches(context, task)
}

/** The task's finish after `keepFinish`: `bound` when one of its assignments reaches it (see `forwardLeafAssigned`). */
function keepFinishBound(context: ScheduleContext, task: number, bound: number, finish: number): number {
  const { assignmentOffsets, assignmentList, assignmentLength, assignmentCalendar, assignmentFinish } =
    context
  let result = finish
  for (
    let entry = assignmentOffsets[task] as number;
    entry < (assignmentOffsets[task + 1] as number);
    entry++
  ) {
    const position = assignmentList[entry] as number
    if ((assignmentLength[position] as number) <= 0) continue
    const calendar = assignmentCalendar[position] as CompiledCalendar
    const end = assignmentFinish[position] as number
    if (end < bound && calendar.work(end) >= calendar.work(bound)) {
      assignmentFinish[position] = bound
      result = bound
    }
  }
  return result
}

/**
 * Where a manual task's typed values put it: both dates as typed; one date and the duration (typed, else
 * `fallbackDuration`) give the other; without dates it starts at `fallbackStart`. A manual summary passes its
 * rolled-up span as the fallbacks (`fallbackFinish`). Writes `placed`.
 */
function manualDates(
  context: ScheduleContext,
  task: number,
  own: CompiledCalendar,
  fallbackStart: number,
  fallbackDuration: number,
  fallbackFinish: number,
): void {
  const start = context.manualStart[task] as number
  const finish = context.manualFinish[task] as number
  const typed = context.manualDuration[task] as number
  const hasDuration = !Number.isNaN(typed)
  const duration = hasDuration ? typed : fallbackDuration
  const isElapsed = context.isElapsed[task] === 1
  const after = (from: number): number =>
    isElapsed ? from + duration : duration === 0 ? from : own.finishAt(own.work(from) + duration)
  const before = (to: number): number =>
    isElapsed ? to - duration : duration === 0 ? to : own.startAt(own.work(to) - duration)
  let es: number
  let ef: number
  if (!Number.isNaN(start) && !Number.isNaN(finish)) {
    es = start
    ef = finish
  } else if (!Number.isNaN(start)) {
    es = start
    ef = hasDuration || Number.isNaN(fallbackFinish) ? after(start) : Math.max(start, fallbackFinish)
  } else if (!Number.isNaN(finish)) {
    ef = finish
    es = hasDuration || Number.isNaN(fallbackFinish) ? before(finish) : Math.min(finish, fallbackStart)
  } else {
    es = fallbackStart
    ef = hasDuration || Number.isNaN(fallbackFinish) ? after(fallbackStart) : fallbackFinish
  }
  placed[0] = es
  placed[1] = Math.max(es, ef)
}

/**
 * Places manual leaf task `task` at its typed dates (`manualDates`; an actual start or finish wins): its links and
 * its leveling delay do not move it. Writes the early dates, `spanW`, `reportedDuration` and the assignments' dates
 * (its span).
 */
export function forwardLeafManual(context: ScheduleContext, task: number): void {
  const own = context.calendar[task] as CompiledCalendar
  manualDates(context, task, own, context.projectStartWall, context.duration[task] as number, Number.NaN)
  let es = placed[0] as number
  let ef = placed[1] as number
  const actual = context.actualStart[task] as number
  if (!Number.isNaN(actual)) {
    const finished = context.actualFinish[task] as number
    ef = Number.isNaN(finished) ? actual + (ef - es) : finished
    es = actual
  }
  context.earlyStart[task] = es
  context.earlyFinish[task] = ef
  const startW = own.work(es)
  const finishW = own.work(ef)
  context.esW[task] = startW
  context.efW[task] = finishW
  context.spanW[task] = finishW - startW
  context.reportedDuration[task] = context.isElapsed[task] === 1 ? ef - es : finishW - startW
  spanAssignments(context, task, es, ef)
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
  context.rolledStart[task] = low
  context.rolledFinish[task] = high
  const own = context.calendar[task] as CompiledCalendar
  if (context.isManual[task] === 1) {
    // A manual summary keeps its own dates; the span of its tasks stays beside them (`rolledStart`, `rolledFinish`).
    manualDates(context, task, own, low, (context.efW[task] as number) - (context.esW[task] as number), high)
    low = placed[0] as number
    high = placed[1] as number
  }
  if (earlyStart[task] === low && earlyFinish[task] === high) return false
  earlyStart[task] = low
  earlyFinish[task] = high
  context.esW[task] = own.work(low)
  context.efW[task] = own.work(high)
  context.rolledDuration[task] = (context.efW[task] as number) - (context.esW[task] as number)
  spanAssignments(context, task, low, high)
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
      // The backward pass re-places the assignments of an as-late-as-possible task the forward pass just placed.
      else if (incremental && context.isResourceDriven[node] === 1) context.dirtyBackward[node] = 1
    }
  }
  let projectFinish = count === 0 ? context.projectStartWall : NEG
  for (let index = 0; index < count; index++) {
    if (isSummary[index] === 0 && (earlyFinish[index] as number) > projectFinish)
      projectFinish = earlyFinish[index] as number
  }
  return projectFinish === NEG ? context.projectStartWall : projectFinish
}
