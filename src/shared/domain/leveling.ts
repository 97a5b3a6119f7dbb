import { CalendarSet, calendarIsProblem, type CompiledCalendar } from './calendar'
import { dateFromWallMinutes, dateToDayNumber, dateToWallMinutes } from './dates'
import { loadCompute, loadDayText, type OverallocationPeriod, type PlanLoad } from './load'
import type { DateRange, IsoDateTime, Minutes, Plan, ResourceId, Task, TaskId } from './model'
import {
  scheduleConstraintCode,
  scheduleIsElapsedUnit,
  scheduleKeepsLinkFinish,
  scheduleLagIsElapsed,
  scheduleLagKind,
  scheduleLagMinutes,
  scheduleLinkFromFinish,
  scheduleLinkToStart,
  scheduleLinkWall,
  scheduleLinkWork,
  scheduleMilestoneAt,
  scheduleRun,
  scheduleSummaryFinish,
  scheduleSummaryStart,
  scheduleWallStart,
  scheduleWorkStart,
} from './schedule'
import type { Schedule, ScheduleProblem } from './schedule-types'
import { validatePlan, type PlanGraph } from './validate'

/**
 * Resource leveling: removes over-allocations by delaying tasks (their `levelingDelay`, elapsed minutes, which the
 * engine adds to a task's early start) without breaking links or constraints.
 *
 * Method: a serial schedule-generation pass over the plan's link graph. Tasks become ready when their predecessors
 * (and outline parents) are placed; among ready tasks the one with the highest priority, then the least total slack,
 * then the earliest start is placed first, at the earliest time at or after its link-driven start where every
 * resource it uses has room for it for its whole span. So a higher-priority or less-slack task keeps its dates and
 * the others move around it. The link arithmetic is the engine's forward pass (its functions exported from
 * `schedule.ts`) on the same compiled calendars; the result is then re-scheduled with `scheduleRun` and measured
 * with `loadCompute`, so what is reported is what the engine computes. Pure: returns a new plan; the input is not
 * modified.
 */

export type LevelingOptions = {
  /** Only tasks starting (before leveling) within these days may be delayed; others keep their dates. */
  range?: DateRange
  /** Delay tasks only within their total slack, so the plan's finish never moves. */
  withinSlackOnly?: boolean
}

/** A task the leveling moved. Dates are wall-clock `YYYY-MM-DDTHH:MM:SS`. */
export type LevelingMove = {
  taskId: TaskId
  name: string
  oldStart: IsoDateTime
  oldFinish: IsoDateTime
  newStart: IsoDateTime
  newFinish: IsoDateTime
  /** The task's new leveling delay, elapsed minutes. */
  levelingDelay: Minutes
}

/** An over-allocation leveling could not remove, with one reason per task that could not move enough. */
export type LevelingRemaining = { conflict: OverallocationPeriod; reasons: string[] }

export type LevelingSummary = {
  moved: LevelingMove[]
  /** Plan finish before and after leveling. */
  finishBefore: IsoDateTime
  finishAfter: IsoDateTime
  /** How much later the plan finishes, in working minutes of the project calendar (0 when it does not move). */
  finishDelay: Minutes
  conflictsBefore: number
  conflictsAfter: number
  remaining: LevelingRemaining[]
}

export type LevelingResult =
  | { ok: true; plan: Plan; schedule: Schedule; load: PlanLoad; summary: LevelingSummary }
  | { ok: false; problems: ScheduleProblem[] }

const epsilon = 1e-9

/** Per-resource committed load: breakpoints and the summed units from each breakpoint to the next. */
class Profile {
  times: number[] = [Number.NEGATIVE_INFINITY]
  rates: number[] = [0]

  /** Index of the last breakpoint at or before `time`. */
  private find(time: number): number {
    let low = 0
    let high = this.times.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((this.times[middle] as number) <= time) low = middle
      else high = middle - 1
    }
    return low
  }

  private split(time: number): number {
    const index = this.find(time)
    if (this.times[index] === time) return index
    this.times.splice(index + 1, 0, time)
    this.rates.splice(index + 1, 0, this.rates[index] as number)
    return index + 1
  }

  add(from: number, to: number, units: number): void {
    if (!(to > from)) return
    const first = this.split(from)
    const last = this.split(to)
    for (let index = first; index < last; index++) this.rates[index] = (this.rates[index] as number) + units
  }

  /** The end of the last stretch within [from, to) where adding `units` would exceed `capacity`, or -Infinity. */
  lastConflictEnd(from: number, to: number, units: number, capacity: number): number {
    let end = Number.NEGATIVE_INFINITY
    for (
      let index = this.find(from);
      index < this.times.length && (this.times[index] as number) < to;
      index++
    ) {
      if ((this.rates[index] as number) + units > capacity + epsilon) {
        end = this.times[index + 1] ?? Number.POSITIVE_INFINITY
      }
    }
    return end
  }
}

type TaskUse = { resource: number; units: number }

function wallOrNaN(text: string | null): number {
  return text === null ? Number.NaN : dateToWallMinutes(text)
}

/** A small binary heap of task indexes ordered by a comparison function. */
class Heap {
  private readonly items: number[] = []
  constructor(private readonly before: (a: number, b: number) => boolean) {}
  get size(): number {
    return this.items.length
  }
  push(item: number): void {
    const items = this.items
    items.push(item)
    let index = items.length - 1
    while (index > 0) {
      const up = (index - 1) >> 1
      if (!this.before(items[index] as number, items[up] as number)) break
      ;[items[index], items[up]] = [items[up] as number, items[index] as number]
      index = up
    }
  }
  pop(): number {
    const items = this.items
    const top = items[0] as number
    const last = items.pop() as number
    if (items.length > 0) {
      items[0] = last
      let index = 0
      for (;;) {
        const left = index * 2 + 1
        const right = left + 1
        let best = index
        if (left < items.length && this.before(items[left] as number, items[best] as number)) best = left
        if (right < items.length && this.before(items[right] as number, items[best] as number)) best = right
        if (best === index) break
        ;[items[index], items[best]] = [items[best] as number, items[index] as number]
        index = best
      }
    }
    return top
  }
}

/** Why a task may not be delayed at all, or null when it may. */
function fixedReason(task: Task): string | null {
  if (task.actualStart !== null) return `"${task.name}" has already started`
  if (task.constraint.type === 'MSO') return `"${task.name}" must start on ${task.constraint.date ?? ''}`
  if (task.constraint.type === 'MFO') return `"${task.name}" must finish on ${task.constraint.date ?? ''}`
  if (task.constraint.type === 'ALAP') return `"${task.name}" is scheduled as late as possible`
  return null
}

type Placement = {
  /** New leveling delay per task (elapsed minutes); NaN = keep the task's current delay. */
  delays: Float64Array
  /** Tasks that needed a delay they could not get, with the reason. */
  blocked: Map<number, string>
}

/**
 * The serial generation pass: computes every task's leveling delay. `base` is the schedule of the plan with the
 * delays of movable tasks cleared.
 */
function levelPlace(
  plan: Plan,
  graph: PlanGraph,
  base: Schedule,
  calendars: CalendarSet,
  options: LevelingOptions,
): Placement | ScheduleProblem[] {
  const count = graph.taskCount
  const tasks = plan.tasks
  const {
    parent,
    isSummary,
    childOffsets,
    childList,
    linkPredecessor,
    linkSuccessor,
    linkType,
    predecessorOffsets,
    predecessorLinks,
    successorOffsets,
    successorLinks,
  } = graph
  const links = graph.links
  const project = calendars.get(plan.calendarId)
  if (calendarIsProblem(project))
    return [{ kind: 'no-working-time', calendarId: project.calendarId, message: project.message }]
  const calendar: CompiledCalendar[] = new Array<CompiledCalendar>(count)
  for (let index = 0; index < count; index++) {
    const id = (tasks[index] as Task).calendarId
    const compiled = id === null ? project : calendars.get(id)
    calendar[index] = calendarIsProblem(compiled) ? project : compiled
  }
  const projectStartWall = dateToWallMinutes(plan.start)
  const rangeFrom =
    options.range === undefined ? Number.NEGATIVE_INFINITY : dateToDayNumber(options.range.from) * 1440
  const rangeTo =
    options.range === undefined ? Number.POSITIVE_INFINITY : (dateToDayNumber(options.range.to) + 1) * 1440

  // Inputs as the engine reads them.
  const duration = new Float64Array(count)
  const isElapsed = new Uint8Array(count)
  const isWall = new Uint8Array(count)
  for (let index = 0; index < count; index++) {
    const task = tasks[index] as Task
    duration[index] = task.isMilestone ? 0 : task.duration
    isElapsed[index] = scheduleIsElapsedUnit(task.durationUnit) ? 1 : 0
    isWall[index] = isSummary[index] === 0 && (duration[index] === 0 || isElapsed[index] === 1) ? 1 : 0
  }
  const lagKind = new Uint8Array(links.length) // scheduleLagKinds
  const lagValue = new Float64Array(links.length)
  links.forEach((link, index) => {
    lagKind[index] = scheduleLagKind(link.lagUnit)
    lagValue[index] = link.lag
  })

  // Resources of each task.
  const resourceIndex = new Map<ResourceId, number>()
  plan.resources.forEach((resource, index) => resourceIndex.set(resource.id, index))
  const uses: TaskUse[][] = Array.from({ length: count }, () => [])
  for (const assignment of plan.assignments) {
    const task = graph.indexOf.get(assignment.taskId)
    const resource = resourceIndex.get(assignment.resourceId)
    if (task === undefined || resource === undefined || isSummary[task] === 1 || !(assignment.units > 0))
      continue
    ;(uses[task] as TaskUse[]).push({ resource, units: assignment.units })
  }
  const profiles = plan.resources.map(() => new Profile())
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
    const date = wallOrNaN(summary.constraint.date)
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
    const isInRange = start >= rangeFrom && start < rangeTo
    const pinned = pinReason[task]
    if (pinned !== null && pinned !== undefined && (uses[task] as TaskUse[]).length > 0)
      blocked.set(task, pinned)
    if (fixedReason(tasks[task] as Task) === null && isInRange && (pinned === null || pinned === undefined))
      continue
    isPinned[task] = 1
    for (const use of uses[task] as TaskUse[])
      (profiles[use.resource] as Profile).add(start, base.finish[task] as number, use.units)
  }

  // Tasks upstream of a hard date (SNLT, FNLT, MSO, MFO) may only use their slack: the engine lets such a date win
  // over a link, so pushing a successor past it would break the link. `isHardBelow` marks tasks with such a date
  // somewhere after them (through links, or through the links of their summaries).
  const hasHardDate = new Uint8Array(count)
  for (let index = 0; index < count; index++) {
    const type = (tasks[index] as Task).constraint.type
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

  const earlyStart = new Float64Array(count)
  const earlyFinish = new Float64Array(count)
  const rolledDuration = new Float64Array(count)
  const boundStart = new Float64Array(count).fill(Number.NEGATIVE_INFINITY)
  const boundFinish = new Float64Array(count).fill(Number.NEGATIVE_INFINITY)
  const boundLinked = new Uint8Array(count)
  const delays = new Float64Array(count).fill(Number.NaN)
  const readyStart = new Float64Array(count)
  const readyFinishW = new Float64Array(count).fill(Number.NEGATIVE_INFINITY)
  const readyFinishWall = new Float64Array(count).fill(Number.NEGATIVE_INFINITY)

  const lagMinutes = (link: number): number => {
    const predecessor = linkPredecessor[link] as number
    return scheduleLagMinutes(
      lagKind[link] as number,
      lagValue[link] as number,
      isSummary[predecessor] === 1
        ? (rolledDuration[predecessor] as number)
        : (duration[predecessor] as number),
    )
  }

  /** The engine's forward-pass bounds of a task from its placed predecessors, parent and constraint (no delay). */
  const bounds = (
    task: number,
  ): { startW: number; finishW: number; startWall: number; finishWall: number; isLinked: boolean } => {
    const own = calendar[task] as CompiledCalendar
    const summary = isSummary[task] === 1
    const wall = isWall[task] === 1 || summary
    let startW = Number.NEGATIVE_INFINITY
    let finishW = Number.NEGATIVE_INFINITY
    let startWall = Number.NEGATIVE_INFINITY
    let finishWall = Number.NEGATIVE_INFINITY
    let isLinked = false
    for (
      let entry = predecessorOffsets[task] as number;
      entry < (predecessorOffsets[task + 1] as number);
      entry++
    ) {
      const link = predecessorLinks[entry] as number
      const predecessor = linkPredecessor[link] as number
      const type = linkType[link] as number
      const base = scheduleLinkFromFinish(type)
        ? (earlyFinish[predecessor] as number)
        : (earlyStart[predecessor] as number)
      const amount = lagMinutes(link)
      const elapsed = scheduleLagIsElapsed(lagKind[link] as number)
      const w = scheduleLinkWork(own, base, amount, elapsed)
      isLinked = true
      const isStartBound = scheduleLinkToStart(type)
      if (isStartBound) startW = Math.max(startW, w)
      else finishW = Math.max(finishW, w)
      if (wall || !isStartBound) {
        const at = scheduleLinkWall(own, type, base, amount, elapsed, w)
        if (isStartBound) startWall = Math.max(startWall, at)
        else finishWall = Math.max(finishWall, at)
      }
    }
    const up = parent[task] as number
    if (up >= 0) {
      if ((boundStart[up] as number) > Number.NEGATIVE_INFINITY) {
        startW = Math.max(startW, own.work(boundStart[up] as number))
        startWall = Math.max(startWall, boundStart[up] as number)
      }
      if ((boundFinish[up] as number) > Number.NEGATIVE_INFINITY) {
        finishW = Math.max(finishW, own.work(boundFinish[up] as number))
        finishWall = Math.max(finishWall, boundFinish[up] as number)
      }
      if (boundLinked[up] === 1) isLinked = true
    }
    const constraint = (tasks[task] as Task).constraint
    const date = wallOrNaN(constraint.date)
    if (!isLinked && !summary) {
      startW = Math.max(startW, own.work(projectStartWall))
      startWall = Math.max(startWall, projectStartWall)
    }
    if (constraint.type === 'SNET' || (summary && constraint.type === 'MSO')) {
      startW = Math.max(startW, own.work(date))
      startWall = Math.max(startWall, date)
    } else if (constraint.type === 'FNET' && !summary) {
      finishW = Math.max(finishW, own.work(date))
      finishWall = Math.max(finishWall, date)
    }
    return { startW, finishW, startWall, finishWall, isLinked }
  }

  /** Early start (no leveling delay) and the span function of a leaf task, as the engine computes them. */
  const undelayedStart = (task: number): number => {
    const own = calendar[task] as CompiledCalendar
    const info = tasks[task] as Task
    const actual = wallOrNaN(info.actualStart)
    if (!Number.isNaN(actual)) return actual
    const { startW, finishW, startWall, finishWall } = bounds(task)
    readyFinishW[task] = finishW
    readyFinishWall[task] = finishWall
    const length = duration[task] as number
    const type = scheduleConstraintCode(info.constraint.type)
    const date = wallOrNaN(info.constraint.date)
    if (isWall[task] === 1) {
      const span = isElapsed[task] === 1 ? length : 0
      const es = scheduleWallStart(type, date, startWall, finishWall, span)
      return span === 0 ? scheduleMilestoneAt(own, es) : es
    }
    return own.startAt(scheduleWorkStart(own, type, date, startW, finishW, length))
  }

  /** Finish of a leaf task starting at `start` (after any delay), as the engine computes it. */
  const finishFrom = (task: number, start: number): number => {
    const info = tasks[task] as Task
    const length = duration[task] as number
    if (info.actualStart !== null) {
      const finished = wallOrNaN(info.actualFinish)
      if (!Number.isNaN(finished)) return finished
    }
    if (isWall[task] === 1) return start + (isElapsed[task] === 1 ? length : 0)
    const own = calendar[task] as CompiledCalendar
    const w = own.work(start)
    // When a link to the finish drives the task, the finish keeps that link's wall time (as the engine does).
    const finishWall = readyFinishWall[task] as number
    if (scheduleKeepsLinkFinish(own, w + length, readyFinishW[task] as number, finishWall)) return finishWall
    return own.finishAt(w + length)
  }

  /** The start the engine gives a task with undelayed start `es` and leveling delay `delay`. */
  const delayedStart = (task: number, es: number, delay: number): number => {
    if (!(delay > 0) || (tasks[task] as Task).actualStart !== null) return es
    if (isWall[task] === 1) return es + delay
    const own = calendar[task] as CompiledCalendar
    return own.startAt(own.work(es + delay))
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
  const heap = new Heap(before)
  const immediate: number[] = []

  const release = (node: number): void => {
    if (--waiting[node]! === 0) {
      if (node < count && isSummary[node] === 0) {
        readyStart[node] = undelayedStart(node)
        heap.push(node)
      } else immediate.push(node)
    }
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
    if (waiting[task] === 0) {
      if (isSummary[task] === 1) immediate.push(task)
      else {
        readyStart[task] = undelayedStart(task)
        heap.push(task)
      }
    }
  }

  while (immediate.length > 0 || heap.size > 0) {
    if (immediate.length > 0) {
      const node = immediate.pop() as number
      if (node >= count) {
        // Summary close: roll up the children's early dates.
        const task = node - count
        let low = Number.POSITIVE_INFINITY
        let high = Number.NEGATIVE_INFINITY
        for (let child = childOffsets[task] as number; child < (childOffsets[task + 1] as number); child++) {
          const index = childList[child] as number
          low = Math.min(low, earlyStart[index] as number)
          high = Math.max(high, earlyFinish[index] as number)
        }
        earlyStart[task] = low
        earlyFinish[task] = high
        const own = calendar[task] as CompiledCalendar
        rolledDuration[task] = own.work(high) - own.work(low)
        finishNode(task)
      } else {
        // Summary open: pass its bounds to the children.
        const own = calendar[node] as CompiledCalendar
        const { startW, finishW, startWall, finishWall, isLinked } = bounds(node)
        boundStart[node] = scheduleSummaryStart(own, startWall, startW)
        boundFinish[node] = scheduleSummaryFinish(own, finishWall, finishW)
        boundLinked[node] = isLinked ? 1 : 0
        for (let child = childOffsets[node] as number; child < (childOffsets[node + 1] as number); child++)
          release(childList[child] as number)
      }
      continue
    }
    const task = heap.pop()
    const info = tasks[task] as Task
    // Computed when the task became ready, i.e. with every predecessor and its parent already placed.
    const es = readyStart[task] as number
    const taskUses = uses[task] as TaskUse[]
    const fixed = fixedReason(info)
    const isInRange = (base.start[task] as number) >= rangeFrom && (base.start[task] as number) < rangeTo
    // By default a task keeps the delay it has (none for tasks whose delay was cleared for this pass).
    let start = delayedStart(task, es, info.levelingDelay)
    if (
      isInRange &&
      taskUses.length > 0 &&
      fixed === null &&
      isPinned[task] === 0 &&
      (duration[task] as number) > 0
    ) {
      delays[task] = 0
      // Latest finish allowed: the task's own no-later-than date, and its late finish when it may only use slack.
      let latestFinish = Number.POSITIVE_INFINITY
      let limitReason = ''
      const constraint = info.constraint
      if (constraint.type === 'FNLT') {
        latestFinish = wallOrNaN(constraint.date)
        limitReason = `"${info.name}" must finish no later than ${constraint.date ?? ''}`
      }
      let latestStart = Number.POSITIVE_INFINITY
      if (constraint.type === 'SNLT') {
        latestStart = wallOrNaN(constraint.date)
        limitReason = `"${info.name}" must start no later than ${constraint.date ?? ''}`
      }
      if ((inheritedStart[task] as number) < latestStart) {
        latestStart = inheritedStart[task] as number
        limitReason = `"${info.name}" cannot start later: its ${inheritedReason[task] ?? ''}`
      }
      if ((inheritedFinish[task] as number) < latestFinish) {
        latestFinish = inheritedFinish[task] as number
        limitReason = `"${info.name}" cannot finish later: its ${inheritedReason[task] ?? ''}`
      }
      if (options.withinSlackOnly === true || isHardBelow[task] === 1) {
        const lateFinish = base.lateFinish[task] as number
        if (lateFinish < latestFinish) {
          latestFinish = lateFinish
          limitReason =
            options.withinSlackOnly === true
              ? `"${info.name}" has not enough slack (leveling within slack only)`
              : `"${info.name}" cannot move past its slack without breaking a later no-later-than or must date`
        }
      }
      const tooBig = taskUses.find((use) => use.units > (capacity[use.resource] as number) + epsilon)
      if (tooBig !== undefined) {
        const resource = plan.resources[tooBig.resource]
        blocked.set(
          task,
          `"${info.name}" needs ${tooBig.units} % of ${resource?.name ?? ''}, who works at most ${resource?.maxUnits ?? 0} %`,
        )
      } else {
        let candidate = es
        for (let guard = 0; guard < 100_000; guard++) {
          const finish = finishFrom(task, candidate)
          if (finish > latestFinish + epsilon || candidate > latestStart + epsilon) {
            blocked.set(task, limitReason)
            candidate = es
            break
          }
          let conflictEnd = Number.NEGATIVE_INFINITY
          for (const use of taskUses) {
            const end = (profiles[use.resource] as Profile).lastConflictEnd(
              candidate,
              finish,
              use.units,
              capacity[use.resource] as number,
            )
            if (end > conflictEnd) conflictEnd = end
          }
          if (conflictEnd === Number.NEGATIVE_INFINITY) break
          if (conflictEnd === Number.POSITIVE_INFINITY) {
            blocked.set(task, `"${info.name}" finds no free time for its resources`)
            candidate = es
            break
          }
          const own = calendar[task] as CompiledCalendar
          const next = isWall[task] === 1 ? conflictEnd : own.startAt(own.work(conflictEnd))
          candidate = next > candidate ? next : conflictEnd
        }
        start = candidate
        delays[task] = start - es
      }
    }
    const finish = finishFrom(task, start)
    earlyStart[task] = start
    earlyFinish[task] = finish
    if (isPinned[task] === 0)
      for (const use of taskUses) (profiles[use.resource] as Profile).add(start, finish, use.units)
    finishNode(task)
  }
  return { delays, blocked }
}

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value)
}

/** `YYYY-MM-DDTHH:MM:SS` of a wall minute without a Date object, for the long moved list. */
function wallText(wall: number): IsoDateTime {
  const dayNumber = Math.floor(wall / 1440)
  const minute = wall - dayNumber * 1440
  return `${loadDayText(dayNumber)}T${two(Math.floor(minute / 60))}:${two(Math.floor(minute % 60))}:00`
}

function planWithDelays(plan: Plan, delays: Float64Array): Plan {
  let isChanged = false
  const tasks = plan.tasks.map((task, index) => {
    const delay = delays[index] as number
    if (Number.isNaN(delay) || delay === task.levelingDelay) return task
    isChanged = true
    return { ...task, levelingDelay: Math.max(0, Math.round(delay)) }
  })
  return isChanged ? { ...plan, tasks } : plan
}

/**
 * Levels the resources of `plan`: delays tasks (by setting `levelingDelay`) so no resource is over-allocated,
 * higher-priority and less-slack tasks keeping their dates, without breaking links or constraints.
 * Existing leveling delays of the tasks that may move are recomputed (cleared first), as Microsoft Project does.
 * @returns the new plan, its schedule and load, and a summary (tasks moved with old and new dates, the plan finish
 * before and after, over-allocations that remain with reasons), or the problems that prevent scheduling
 */
export function levelResources(plan: Plan, options: LevelingOptions = {}): LevelingResult {
  const validated = validatePlan(plan)
  if (!validated.ok) return validated
  const original = scheduleRun(plan)
  if (!original.ok) return original
  const before = original.schedule
  const loadBefore = loadCompute(plan, before)
  const rangeFrom =
    options.range === undefined ? Number.NEGATIVE_INFINITY : dateToDayNumber(options.range.from) * 1440
  const rangeTo =
    options.range === undefined ? Number.POSITIVE_INFINITY : (dateToDayNumber(options.range.to) + 1) * 1440

  // Clear the delays of the tasks that may move; their undelayed schedule is the base of the pass.
  const cleared = new Float64Array(plan.tasks.length).fill(Number.NaN)
  plan.tasks.forEach((task, index) => {
    const start = before.start[index] as number
    if (task.levelingDelay > 0 && start >= rangeFrom && start < rangeTo && fixedReason(task) === null)
      cleared[index] = 0
  })
  const basePlan = planWithDelays(plan, cleared)
  const baseResult = basePlan === plan ? original : scheduleRun(basePlan)
  if (!baseResult.ok) return baseResult
  const base = baseResult.schedule
  const calendars = new CalendarSet(plan.calendars, dateToDayNumber(plan.start.slice(0, 10)))
  const placement = levelPlace(basePlan, validated.graph, base, calendars, options)
  if (Array.isArray(placement)) return { ok: false, problems: placement }

  let leveled = planWithDelays(basePlan, placement.delays)
  let result = scheduleRun(leveled)
  if (!result.ok) return result
  let lastLoad: PlanLoad | null = null
  // Safety net: should the engine place a task other than the pass expected (a scheduling rule the pass does not
  // mirror), delay the task that should give way in each conflict the pass did not explain, and schedule again.
  if (options.withinSlackOnly !== true) {
    for (let round = 0; round < 8 && result.ok; round++) {
      lastLoad = loadCompute(leveled, result.schedule)
      const delays = levelRepairDelays(leveled, result.schedule, placement, rangeFrom, rangeTo, lastLoad)
      if (delays === null) break
      leveled = planWithDelays(leveled, delays)
      result = scheduleRun(leveled)
    }
    if (!result.ok) return result
  }
  // Guard: a date or link that held before must still hold. Where the engine lets a date win over a link (or a
  // summary's date binds its tasks), take back the new delays of everything upstream of the task that broke.
  for (let round = 0; round < 4 && result.ok; round++) {
    const victims = brokenSince(leveled, validated.graph, calendars, before, result.schedule)
    if (victims.length === 0) break
    const upstream = upstreamOf(validated.graph, victims)
    const delays = new Float64Array(plan.tasks.length).fill(Number.NaN)
    let isReverted = false
    for (const index of upstream) {
      if (
        (leveled.tasks[index] as Task).levelingDelay > 0 &&
        !Number.isNaN(placement.delays[index] as number)
      ) {
        delays[index] = 0
        isReverted = true
        const victim = leveled.tasks[victims[0] as number] as Task
        placement.blocked.set(
          index,
          `"${(leveled.tasks[index] as Task).name}" cannot be delayed without breaking a date or link of "${victim.name}"`,
        )
      }
    }
    if (!isReverted) break
    leveled = planWithDelays(leveled, delays)
    result = scheduleRun(leveled)
  }
  if (!result.ok) return result
  // Within slack: the finish must not move. Should the engine disagree with the pass anywhere, take back the delays
  // of the tasks that end beyond their late finish until it holds (and all of them as the last resort).
  if (options.withinSlackOnly === true) {
    for (
      let round = 0;
      round < 4 && result.ok && result.schedule.projectFinish > before.projectFinish;
      round++
    ) {
      const schedule: Schedule = result.schedule
      const delays = new Float64Array(plan.tasks.length).fill(Number.NaN)
      plan.tasks.forEach((_, index) => {
        if (
          (schedule.finish[index] as number) > (base.lateFinish[index] as number) &&
          (leveled.tasks[index] as Task).levelingDelay > 0
        )
          delays[index] = 0
      })
      leveled = planWithDelays(leveled, delays)
      result = scheduleRun(leveled)
    }
    if (result.ok && result.schedule.projectFinish > before.projectFinish) {
      leveled = plan
      result = original
    }
    if (!result.ok) return result
  }
  const after = result.schedule
  const loadAfter =
    lastLoad !== null && lastLoad.plan === leveled && lastLoad.schedule === after
      ? lastLoad
      : loadCompute(leveled, after)

  const moved: LevelingMove[] = []
  leveled.tasks.forEach((task, index) => {
    if (after.isSummary[index] === 1) return
    const oldStart = before.start[index] as number
    const oldFinish = before.finish[index] as number
    const newStart = after.start[index] as number
    const newFinish = after.finish[index] as number
    if (
      oldStart === newStart &&
      oldFinish === newFinish &&
      task.levelingDelay === (plan.tasks[index] as Task).levelingDelay
    )
      return
    moved.push({
      taskId: task.id,
      name: task.name,
      oldStart: wallText(oldStart),
      oldFinish: wallText(oldFinish),
      newStart: wallText(newStart),
      newFinish: wallText(newFinish),
      levelingDelay: task.levelingDelay,
    })
  })
  const project = calendars.get(plan.calendarId)
  const finishDelay = calendarIsProblem(project)
    ? 0
    : Math.max(0, project.work(after.projectFinish) - project.work(before.projectFinish))
  const remaining = loadAfter.conflicts.map((conflict) => ({
    conflict,
    reasons: remainingReasons(leveled, after, conflict, placement.blocked, options),
  }))
  return {
    ok: true,
    plan: leveled,
    schedule: after,
    load: loadAfter,
    summary: {
      moved,
      finishBefore: dateFromWallMinutes(before.projectFinish),
      finishAfter: dateFromWallMinutes(after.projectFinish),
      finishDelay,
      conflictsBefore: loadBefore.conflicts.length,
      conflictsAfter: loadAfter.conflicts.length,
      remaining,
    },
  }
}

/**
 * New delays for the conflicts of `schedule` that no task's recorded reason explains: in each, the task that should
 * give way (not pinned, lowest priority, then most slack, then latest start) moves to the latest finish of the other
 * tasks in the conflict. `null` when there is nothing to repair.
 */
function levelRepairDelays(
  plan: Plan,
  schedule: Schedule,
  placement: Placement,
  rangeFrom: number,
  rangeTo: number,
  load: PlanLoad,
): Float64Array | null {
  let delays: Float64Array | null = null
  let links: Set<string> | null = null
  for (const conflict of load.conflicts) {
    const indexes = conflict.taskIds.map((taskId) => schedule.indexOf.get(taskId) as number)
    if (indexes.some((index) => placement.blocked.has(index))) continue
    // A task that drives another task of the conflict through a link would drag it along: it does not give way.
    links ??= new Set(plan.dependencies.map((link) => `${link.predecessorId}>${link.successorId}`))
    const linkSet = links
    const movable = indexes.filter((index) => {
      const task = plan.tasks[index] as Task
      const start = schedule.start[index] as number
      const drivesOther = conflict.taskIds.some((other) => linkSet.has(`${task.id}>${other}`))
      return fixedReason(task) === null && start >= rangeFrom && start < rangeTo && !drivesOther
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
function dateHolds(task: Task, schedule: Schedule, index: number): boolean {
  const date = task.constraint.date === null ? Number.NaN : dateToWallMinutes(task.constraint.date)
  const start = schedule.start[index] as number
  const finish = schedule.finish[index] as number
  switch (task.constraint.type) {
    case 'SNLT':
      return start <= date
    case 'FNLT':
      return finish <= date
    default:
      // Must-dates are never delayed (the engine keeps them on their date); their links are checked as links.
      return true
  }
}

/** Whether link `link` (index into the graph's links) holds in `schedule`, working lags in the successor's calendar. */
function linkHolds(
  plan: Plan,
  graph: PlanGraph,
  calendars: CalendarSet,
  schedule: Schedule,
  link: number,
): boolean {
  const predecessor = graph.linkPredecessor[link] as number
  const successor = graph.linkSuccessor[link] as number
  const type = graph.linkType[link] as number
  const dependency = graph.links[link] as Plan['dependencies'][number]
  const from = scheduleLinkFromFinish(type)
    ? (schedule.finish[predecessor] as number)
    : (schedule.start[predecessor] as number)
  const to = scheduleLinkToStart(type)
    ? (schedule.start[successor] as number)
    : (schedule.finish[successor] as number)
  const isElapsed = scheduleLagIsElapsed(scheduleLagKind(dependency.lagUnit))
  const amount =
    dependency.lagUnit === '%' || dependency.lagUnit === 'e%'
      ? (dependency.lag / 100) * (schedule.duration[predecessor] as number)
      : dependency.lag
  if (isElapsed) return to >= from + amount - epsilon
  const calendarId = (plan.tasks[successor] as Task).calendarId ?? plan.calendarId
  const calendar = calendars.get(calendarId)
  if (calendarIsProblem(calendar)) return true
  return calendar.work(to) - calendar.work(from) >= amount - epsilon
}

/** Tasks whose no-later-than date, or one of whose incoming links, held before and no longer does. */
function brokenSince(
  plan: Plan,
  graph: PlanGraph,
  calendars: CalendarSet,
  before: Schedule,
  after: Schedule,
): number[] {
  const victims = new Set<number>()
  plan.tasks.forEach((task, index) => {
    if (dateHolds(task, before, index) && !dateHolds(task, after, index)) victims.add(index)
  })
  for (let link = 0; link < graph.links.length; link++) {
    if (linkHolds(plan, graph, calendars, before, link) && !linkHolds(plan, graph, calendars, after, link))
      victims.add(graph.linkSuccessor[link] as number)
  }
  return [...victims]
}

/** Every task whose dates can move `victims`: link predecessors, summaries' predecessors and tasks, transitively. */
function upstreamOf(graph: PlanGraph, victims: number[]): Set<number> {
  const seen = new Set<number>(victims)
  const queue = [...victims]
  const visit = (index: number): void => {
    if (!seen.has(index)) {
      seen.add(index)
      queue.push(index)
    }
  }
  while (queue.length > 0) {
    const task = queue.pop() as number
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

function remainingReasons(
  plan: Plan,
  schedule: Schedule,
  conflict: OverallocationPeriod,
  blocked: Map<number, string>,
  options: LevelingOptions,
): string[] {
  const reasons: string[] = []
  const rangeFrom =
    options.range === undefined ? Number.NEGATIVE_INFINITY : dateToDayNumber(options.range.from)
  const rangeTo = options.range === undefined ? Number.POSITIVE_INFINITY : dateToDayNumber(options.range.to)
  for (const taskId of conflict.taskIds) {
    const index = schedule.indexOf.get(taskId)
    if (index === undefined) continue
    const task = plan.tasks[index] as Task
    const fixed = fixedReason(task)
    const blockedReason = blocked.get(index)
    const startDay = Math.floor((schedule.start[index] as number) / 1440)
    if (fixed !== null) reasons.push(`${fixed}, so it cannot be delayed`)
    else if (blockedReason !== undefined) reasons.push(blockedReason)
    else if (startDay < rangeFrom || startDay > rangeTo)
      reasons.push(`"${task.name}" lies outside the leveling range`)
  }
  if (reasons.length === 0)
    reasons.push('the links and constraints of these tasks leave no room to separate them')
  return reasons
}
