/**
 * The scheduling engine: critical path method over the outline, with working-time calendars, Microsoft Project's
 * constraint meanings, lags (working, elapsed, percent), deadlines, actual starts and leveling delays.
 *
 * `schedulePrepare(plan)` validates the plan and compiles it once (calendars, CSR graph, topological order, typed
 * arrays); `engine.run()` schedules it and `engine.update(edit)` applies one edit and re-schedules, reusing what was
 * compiled. `scheduleRun(plan)` does both in one call.
 *
 * Internally each task's dates are computed in the working-minute space of its own calendar (see `calendar.ts`):
 * a bound "start at or after working minute w" becomes the wall time `startAt(w)`, a finish bound `finishAt(w)`.
 * Milestones and elapsed-duration tasks are placed on the wall clock instead (a milestone after a task that ends
 * Friday 17:00 sits at Friday 17:00, as in Microsoft Project).
 */
import { CalendarSet, calendarIsProblem, type CompiledCalendar } from './calendar'
import { dateToDayNumber, dateToWallMinutes } from './dates'
import type {
  Constraint,
  ConstraintType,
  Dependency,
  DependencyId,
  DurationUnit,
  LagUnit,
  Minutes,
  Plan,
  Task,
  TaskId,
} from './model'
import type { Schedule, ScheduleProblem, ScheduleResult } from './schedule-types'
import { validatePlan, type PlanGraph } from './validate'

const FS = 0
const SS = 1
const FF = 2
// SF = 3: the remaining link type (`linkTypeCode` in `validate.ts`).

/** Constraint codes as the engine stores them per task (`scheduleConstraintCode`). */
const constraintCode = { ASAP: 0, ALAP: 1, MSO: 2, MFO: 3, SNET: 4, SNLT: 5, FNET: 6, FNLT: 7 } as const
// The same codes as literals: the passes compare them for every task.
const ALAP = 1
const MSO = 2
const MFO = 3
const SNET = 4
const SNLT = 5
const FNET = 6
const FNLT = 7

/** How a link's lag is measured: working or elapsed minutes, or a percentage of the predecessor's duration. */
export const scheduleLagKinds = { working: 0, elapsed: 1, percent: 2, elapsedPercent: 3 } as const
const lagKindWorking = 0
const lagKindElapsed = 1
const lagKindPercent = 2
const lagKindElapsedPercent = 3

const elapsedUnits: ReadonlySet<string> = new Set(['em', 'eh', 'ed', 'ew', 'emo'])

/** Whether a duration or lag unit counts wall-clock (elapsed) minutes. */
export function scheduleIsElapsedUnit(unit: DurationUnit | LagUnit): boolean {
  return elapsedUnits.has(unit)
}

// ---- Forward-pass arithmetic, shared with resource leveling (`leveling.ts`), which must place tasks exactly as the
// engine does. Pure and allocation-free; kept in this module so the passes call them without a module boundary
// (under the benchmarks' CommonJS transform every imported call goes through an export getter: 40 % slower passes).
// Dates are wall minutes, `…W` values working minutes of the calendar passed as `own`, link types the graph's codes.

/** The lag kind (`scheduleLagKinds`) of a lag unit. */
export function scheduleLagKind(unit: LagUnit): number {
  if (unit === '%') return lagKindPercent
  if (unit === 'e%') return lagKindElapsedPercent
  return elapsedUnits.has(unit) ? lagKindElapsed : lagKindWorking
}

/** The constraint code of a constraint type (ASAP for an unknown one). */
export function scheduleConstraintCode(type: ConstraintType): number {
  return constraintCode[type] ?? constraintCode.ASAP
}

/** Whether a lag of this kind counts wall-clock minutes (elapsed, or a percentage of elapsed time). */
export function scheduleLagIsElapsed(kind: number): boolean {
  return kind === lagKindElapsed || kind === lagKindElapsedPercent
}

/**
 * A link's lag in minutes: a percentage lag as whole minutes of the predecessor's duration, any other lag as it is.
 * Rounded: a fraction such as 0.55 x 14,400 = 7,920.000000000001 would otherwise land a successor a hair before the
 * start of a working stretch.
 */
export function scheduleLagMinutes(kind: number, lag: number, predecessorDuration: number): number {
  return kind >= lagKindPercent ? Math.round((lag * predecessorDuration) / 100) : lag
}

/** Whether a link of this type is measured from its predecessor's finish (FS, FF) rather than its start. */
export function scheduleLinkFromFinish(type: number): boolean {
  return type === FS || type === FF
}

/** Whether a link of this type binds its successor's start (FS, SS) rather than its finish. */
export function scheduleLinkToStart(type: number): boolean {
  return type === FS || type === SS
}

/**
 * The working minute of `own` (the successor's calendar) that a link binds: the predecessor's date `baseWall` plus
 * the lag `amount`, counted on the wall clock for elapsed lags and in `own`'s working time otherwise.
 */
export function scheduleLinkWork(
  own: CompiledCalendar,
  baseWall: number,
  amount: number,
  elapsed: boolean,
): number {
  return elapsed ? own.work(baseWall + amount) : own.work(baseWall) + amount
}

/**
 * The wall time of a link's bound `w` (from `scheduleLinkWork`): without lag, the predecessor's date itself (so an SF
 * successor driven by a start at 08:00 finishes at 08:00, as Microsoft Project shows it); with a lag, the end of the
 * working stretch for bounds on the finish and the beginning of one for SS (checked against Project's files).
 */
export function scheduleLinkWall(
  own: CompiledCalendar,
  type: number,
  baseWall: number,
  amount: number,
  elapsed: boolean,
  w: number,
): number {
  if (elapsed) return baseWall + amount
  if (amount === 0) return baseWall
  return type === SS ? own.startAt(w) : own.finishAt(w)
}

/**
 * The start bound a summary passes to its children: the later of its wall-clock bound and that bound's working-time
 * form on the summary's calendar (the children's calendars may differ). -Infinity when nothing binds the start.
 */
export function scheduleSummaryStart(own: CompiledCalendar, startWall: number, startW: number): number {
  return startWall === Number.NEGATIVE_INFINITY ? startWall : Math.max(startWall, own.startAt(startW))
}

/** The finish bound a summary passes to its children, as `scheduleSummaryStart`. */
export function scheduleSummaryFinish(own: CompiledCalendar, finishWall: number, finishW: number): number {
  return finishWall === Number.NEGATIVE_INFINITY ? finishWall : Math.max(finishWall, own.finishAt(finishW))
}

/**
 * Early start (wall minutes, before any leveling delay) of a task placed on the wall clock (a milestone, `span` 0,
 * or an elapsed-duration task) from its start and finish bounds and its constraint (`date` in wall minutes).
 */
export function scheduleWallStart(
  constraint: number,
  date: number,
  startWall: number,
  finishWall: number,
  span: number,
): number {
  const es = Math.max(startWall, finishWall - span)
  if (constraint === SNLT && es > date) return date
  if (constraint === FNLT && es + span > date) return date - span
  if (constraint === MSO) return date
  if (constraint === MFO) return date - span
  return es
}

/**
 * Early start, as a working minute of `own`, of a task scheduled in working time (`length` working minutes) from its
 * start and finish bounds and its constraint (`date` in wall minutes). No-later-than dates win over links.
 */
export function scheduleWorkStart(
  own: CompiledCalendar,
  constraint: number,
  date: number,
  startW: number,
  finishW: number,
  length: number,
): number {
  const w = finishW - length > startW ? finishW - length : startW
  if (constraint === SNLT) {
    const limit = own.work(date)
    return w > limit ? limit : w
  }
  if (constraint === FNLT) {
    const limit = own.work(date) - length
    return w > limit ? limit : w
  }
  if (constraint === MSO) return own.work(date)
  if (constraint === MFO) return own.work(date) - length
  return w
}

/**
 * Where a milestone at `at` sits: never inside non-working time (Saturday 10:00 moves to Monday 08:00), while the
 * end of a working stretch (Friday 17:00) stays.
 */
export function scheduleMilestoneAt(own: CompiledCalendar, at: number): number {
  return !own.isWorking(at) && !own.isWorking(at - 1) ? own.startAt(own.work(at)) : at
}

/**
 * Whether a task scheduled in working time that finishes at working minute `finishAtW` keeps the wall time
 * `finishWall` of the link bound on its finish (`finishW`, its working form) rather than `own.finishAt(finishAtW)`:
 * when that link drives the finish and its wall time lies at or just after working time.
 */
export function scheduleKeepsLinkFinish(
  own: CompiledCalendar,
  finishAtW: number,
  finishW: number,
  finishWall: number,
): boolean {
  return (
    finishWall > Number.NEGATIVE_INFINITY &&
    finishAtW === finishW &&
    own.work(finishWall) === finishW &&
    (own.isWorking(finishWall) || own.isWorking(finishWall - 1))
  )
}

/** One edit the incremental path understands. Anything else: prepare the new plan again. */
export type ScheduleEdit =
  | { kind: 'duration'; taskId: TaskId; duration: Minutes; durationUnit?: DurationUnit }
  | { kind: 'constraint'; taskId: TaskId; constraint: Constraint }
  | { kind: 'lag'; dependencyId: DependencyId; lag: number; lagUnit?: LagUnit }
  | { kind: 'link-add'; dependency: Dependency }
  | { kind: 'link-remove'; dependencyId: DependencyId }

/** A compiled plan that can be scheduled repeatedly and edited one change at a time. */
export type ScheduleEngine = {
  /** The plan as the engine currently sees it (the prepared plan with every accepted edit applied; never mutated). */
  readonly plan: Plan
  /** Schedules the current plan. */
  run(): ScheduleResult
  /**
   * Applies one edit and re-schedules. A rejected edit (a cycle, a missing task) leaves the engine unchanged and
   * returns the problems.
   */
  update(edit: ScheduleEdit): ScheduleResult
}

export type SchedulePrepareResult =
  { ok: true; engine: ScheduleEngine } | { ok: false; problems: ScheduleProblem[] }

const NONE = Number.NaN
/** Slack at or below this many minutes counts as zero (critical). */
const slackTolerance = 1e-6

function wallOrNaN(text: string | null): number {
  return text === null ? NONE : dateToWallMinutes(text)
}

/** Per-task inputs as typed arrays, filled from the plan. */
type TaskInputs = {
  duration: Float64Array
  isElapsed: Uint8Array
  constraintType: Uint8Array
  constraintDate: Float64Array
  actualStart: Float64Array
  actualFinish: Float64Array
  levelingDelay: Float64Array
  deadline: Float64Array
  percentComplete: Float64Array
  calendar: CompiledCalendar[]
}

type LinkInputs = { lagKind: Uint8Array; lag: Float64Array }

/** Everything one run computes, kept between runs so an edit only recomputes what it reaches. */
type EngineState = {
  earlyStart: Float64Array
  earlyFinish: Float64Array
  lateStart: Float64Array
  lateFinish: Float64Array
  start: Float64Array
  finish: Float64Array
  /** The same dates as working minutes of each task's own calendar. */
  esW: Float64Array
  efW: Float64Array
  lsW: Float64Array
  lfW: Float64Array
  sW: Float64Array
  fW: Float64Array
  totalSlack: Float64Array
  freeSlack: Float64Array
  rolledDuration: Float64Array
  /** Summaries: the earliest late finish and scheduled finish among their tasks (FF/SF links to a summary bind each task). */
  minLateFinish: Float64Array
  minFinish: Float64Array
  /** Bounds a summary passes down to its children (wall minutes; ±Infinity = none). */
  boundStart: Float64Array
  boundFinish: Float64Array
  boundLinked: Uint8Array
  boundLateStart: Float64Array
  boundLateFinish: Float64Array
  boundFreeStart: Float64Array
  boundFreeFinish: Float64Array
  /** Nodes (task i, summary close n + i) to recompute in the next incremental run. */
  dirtyForward: Uint8Array
  dirtyBackward: Uint8Array
  projectFinishWall: number
  hasRun: boolean
}

function engineState(count: number): EngineState {
  const dates = (): Float64Array => new Float64Array(count)
  return {
    earlyStart: dates(),
    earlyFinish: dates(),
    lateStart: dates(),
    lateFinish: dates(),
    start: dates(),
    finish: dates(),
    esW: dates(),
    efW: dates(),
    lsW: dates(),
    lfW: dates(),
    sW: dates(),
    fW: dates(),
    totalSlack: dates(),
    freeSlack: dates(),
    rolledDuration: dates(),
    minLateFinish: dates(),
    minFinish: dates(),
    boundStart: dates(),
    boundFinish: dates(),
    boundLinked: new Uint8Array(count),
    boundLateStart: dates(),
    boundLateFinish: dates(),
    boundFreeStart: dates(),
    boundFreeFinish: dates(),
    dirtyForward: new Uint8Array(2 * count),
    dirtyBackward: new Uint8Array(2 * count),
    projectFinishWall: Number.NaN,
    hasRun: false,
  }
}

class Engine implements ScheduleEngine {
  plan: Plan
  private graph: PlanGraph
  private readonly calendars: CalendarSet
  private readonly inputs: TaskInputs
  private linkInputs: LinkInputs
  private readonly state: EngineState

  constructor(plan: Plan, graph: PlanGraph, calendars: CalendarSet, taskCalendars: CompiledCalendar[]) {
    this.plan = plan
    this.graph = graph
    this.calendars = calendars
    const count = plan.tasks.length
    this.inputs = {
      duration: new Float64Array(count),
      isElapsed: new Uint8Array(count),
      constraintType: new Uint8Array(count),
      constraintDate: new Float64Array(count),
      actualStart: new Float64Array(count),
      actualFinish: new Float64Array(count),
      levelingDelay: new Float64Array(count),
      deadline: new Float64Array(count),
      percentComplete: new Float64Array(count),
      calendar: taskCalendars,
    }
    plan.tasks.forEach((task, index) => this.loadTask(index, task))
    this.linkInputs = this.compileLinks(graph.links)
    this.state = engineState(count)
  }

  /** After task i's early dates changed: its successors, its summary's roll-up and its own slack need recomputing. */
  private markForward(task: number): void {
    const graph = this.graph
    const count = graph.taskCount
    const { dirtyForward, dirtyBackward } = this.state
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
   * After task i's late or scheduled dates (or slack) changed in the backward pass: its predecessors' bounds and
   * its summary's roll-up need recomputing.
   */
  private markBackward(task: number, datesMoved: boolean, slackMoved: boolean): void {
    const graph = this.graph
    const count = graph.taskCount
    const { dirtyBackward } = this.state
    const up = graph.parent[task] as number
    if ((datesMoved || slackMoved) && up >= 0) dirtyBackward[up] = 1
    if (!datesMoved) return
    for (
      let entry = graph.predecessorOffsets[task] as number;
      entry < (graph.predecessorOffsets[task + 1] as number);
      entry++
    ) {
      const predecessor = graph.linkPredecessor[graph.predecessorLinks[entry] as number] as number
      dirtyBackward[graph.isSummary[predecessor] === 1 ? count + predecessor : predecessor] = 1
    }
  }

  /** Recomputes from the flagged nodes when a previous run exists, else in full. */
  private reschedule(): ScheduleResult {
    const incremental = this.state.hasRun
    const schedule = this.compute(incremental)
    this.state.hasRun = true
    return { ok: true, schedule }
  }

  private loadTask(index: number, task: Task): void {
    const inputs = this.inputs
    inputs.duration[index] = task.isMilestone ? 0 : task.duration
    inputs.isElapsed[index] = scheduleIsElapsedUnit(task.durationUnit) ? 1 : 0
    inputs.constraintType[index] = scheduleConstraintCode(task.constraint.type)
    inputs.constraintDate[index] = wallOrNaN(task.constraint.date)
    inputs.actualStart[index] = wallOrNaN(task.actualStart)
    inputs.actualFinish[index] = task.actualStart === null ? NONE : wallOrNaN(task.actualFinish)
    inputs.levelingDelay[index] = task.levelingDelay
    inputs.deadline[index] = wallOrNaN(task.deadline)
    inputs.percentComplete[index] = Math.max(0, Math.min(100, task.percentComplete || 0))
  }

  private compileLinks(links: Dependency[]): LinkInputs {
    const lagKind = new Uint8Array(links.length)
    const lag = new Float64Array(links.length)
    links.forEach((link, index) => {
      lagKind[index] = scheduleLagKind(link.lagUnit)
      lag[index] = link.lag
    })
    return { lagKind, lag }
  }

  update(edit: ScheduleEdit): ScheduleResult {
    const plan = this.plan
    if (edit.kind === 'duration' || edit.kind === 'constraint') {
      const index = this.graph.indexOf.get(edit.taskId)
      if (index === undefined) {
        return {
          ok: false,
          problems: [
            { kind: 'invalid-value', taskId: edit.taskId, message: `Task ${edit.taskId} does not exist.` },
          ],
        }
      }
      const task = plan.tasks[index] as Task
      const changed: Task =
        edit.kind === 'duration'
          ? {
              ...task,
              duration: edit.duration,
              durationUnit: edit.durationUnit ?? task.durationUnit,
              isMilestone: edit.duration === 0 ? task.isMilestone : false,
            }
          : { ...task, constraint: { ...edit.constraint } }
      if (edit.kind === 'duration' && (!Number.isFinite(edit.duration) || edit.duration < 0)) {
        return {
          ok: false,
          problems: [
            {
              kind: 'invalid-value',
              taskId: edit.taskId,
              message: `Task ${edit.taskId} has an invalid duration (${edit.duration}).`,
            },
          ],
        }
      }
      if (
        edit.kind === 'constraint' &&
        edit.constraint.type !== 'ASAP' &&
        edit.constraint.type !== 'ALAP' &&
        edit.constraint.date === null
      ) {
        return {
          ok: false,
          problems: [
            {
              kind: 'invalid-value',
              taskId: edit.taskId,
              message: `Task ${edit.taskId} has a ${edit.constraint.type} constraint without a date.`,
            },
          ],
        }
      }
      const tasks = plan.tasks.slice()
      tasks[index] = changed
      this.plan = { ...plan, tasks }
      this.loadTask(index, changed)
      this.state.dirtyForward[index] = 1
      this.state.dirtyBackward[index] = 1
      if (this.graph.isSummary[index] === 1) this.state.dirtyBackward[this.graph.taskCount + index] = 1
      return this.reschedule()
    }
    if (edit.kind === 'lag') {
      const linkIndex = this.graph.links.findIndex((link) => link.id === edit.dependencyId)
      const dependencyIndex = plan.dependencies.findIndex((link) => link.id === edit.dependencyId)
      if (linkIndex < 0 || dependencyIndex < 0 || !Number.isFinite(edit.lag)) {
        return {
          ok: false,
          problems: [
            {
              kind: 'invalid-value',
              taskId: null,
              message: `Link ${edit.dependencyId} does not exist or the lag is invalid.`,
            },
          ],
        }
      }
      const changed: Dependency = {
        ...(plan.dependencies[dependencyIndex] as Dependency),
        lag: edit.lag,
        lagUnit: edit.lagUnit ?? (plan.dependencies[dependencyIndex] as Dependency).lagUnit,
      }
      const dependencies = plan.dependencies.slice()
      dependencies[dependencyIndex] = changed
      this.plan = { ...plan, dependencies }
      const links = this.graph.links.slice()
      links[linkIndex] = changed
      this.graph = { ...this.graph, links }
      this.linkInputs.lag[linkIndex] = changed.lag
      this.linkInputs.lagKind[linkIndex] = scheduleLagKind(changed.lagUnit)
      const graph = this.graph
      const predecessor = graph.linkPredecessor[linkIndex] as number
      this.state.dirtyForward[graph.linkSuccessor[linkIndex] as number] = 1
      this.state.dirtyBackward[
        graph.isSummary[predecessor] === 1 ? graph.taskCount + predecessor : predecessor
      ] = 1
      return this.reschedule()
    }
    // Link added or removed: the graph changes; revalidate it (calendars and task inputs are reused).
    const dependencies =
      edit.kind === 'link-add'
        ? [...plan.dependencies, edit.dependency]
        : plan.dependencies.filter((link) => link.id !== edit.dependencyId)
    if (edit.kind === 'link-add' && plan.dependencies.some((link) => link.id === edit.dependency.id)) {
      return {
        ok: false,
        problems: [
          { kind: 'invalid-value', taskId: null, message: `Link id ${edit.dependency.id} is already used.` },
        ],
      }
    }
    const next = { ...plan, dependencies }
    const validated = validatePlan(next)
    if (!validated.ok) return validated
    this.plan = next
    this.graph = validated.graph
    this.linkInputs = this.compileLinks(validated.graph.links)
    return this.run()
  }

  run(): ScheduleResult {
    const schedule = this.compute(false)
    this.state.hasRun = true
    return { ok: true, schedule }
  }

  /**
   * Runs both passes. With `incremental`, only nodes flagged in `state.dirtyForward` / `state.dirtyBackward` (and
   * what their changes reach) are recomputed; every other value is still valid from the previous run. The backward
   * pass runs in full when the project finish moved.
   */
  private compute(incremental: boolean): Schedule {
    const graph = this.graph
    const count = graph.taskCount
    const {
      duration,
      isElapsed,
      constraintType,
      constraintDate,
      actualStart,
      actualFinish,
      levelingDelay,
      deadline,
      calendar,
    } = this.inputs
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
      order,
    } = graph
    const { lagKind, lag } = this.linkInputs
    const projectStartWall = dateToWallMinutes(this.plan.start)
    const NEG = Number.NEGATIVE_INFINITY
    const POS = Number.POSITIVE_INFINITY

    const state = this.state
    const {
      earlyStart,
      earlyFinish,
      lateStart,
      lateFinish,
      start,
      finish,
      esW,
      efW,
      lsW,
      lfW,
      sW,
      fW,
      totalSlack,
      freeSlack,
      rolledDuration,
      minLateFinish,
      minFinish,
    } = state
    const {
      boundStart,
      boundFinish,
      boundLinked,
      boundLateStart,
      boundLateFinish,
      boundFreeStart,
      boundFreeFinish,
      dirtyForward,
      dirtyBackward,
    } = state
    const closeOf = (task: number): number => (isSummary[task] === 1 ? count + task : task)

    let projectStartCalendar: CompiledCalendar | null = null
    let projectStartOnCalendar = 0
    // ---- Forward pass ----
    // Summary close: roll up the early dates of the children.
    const forwardClose = (task: number): void => {
      let low = POS
      let high = NEG
      for (let child = childOffsets[task] as number; child < (childOffsets[task + 1] as number); child++) {
        const index = childList[child] as number
        if ((earlyStart[index] as number) < low) low = earlyStart[index] as number
        if ((earlyFinish[index] as number) > high) high = earlyFinish[index] as number
      }
      const own = calendar[task] as CompiledCalendar
      if (incremental && earlyStart[task] === low && earlyFinish[task] === high) return
      earlyStart[task] = low
      earlyFinish[task] = high
      esW[task] = own.work(low)
      efW[task] = own.work(high)
      rolledDuration[task] = (efW[task] as number) - (esW[task] as number)
      if (incremental) this.markForward(task)
    }
    // A task, or a summary's open node (the bounds it passes to its children).
    const forwardNode = (task: number): void => {
      const own = calendar[task] as CompiledCalendar
      const up = parent[task] as number
      const summary = isSummary[task] === 1
      const wallScheduled = !summary && ((duration[task] as number) === 0 || isElapsed[task] === 1)
      const needsWall = wallScheduled || summary
      let startW = NEG
      let finishW = NEG
      let startWall = NEG
      let finishWall = NEG
      let isLinked = false
      for (
        let entry = predecessorOffsets[task] as number;
        entry < (predecessorOffsets[task + 1] as number);
        entry++
      ) {
        const link = predecessorLinks[entry] as number
        const predecessor = linkPredecessor[link] as number
        const type = linkType[link] as number
        const fromFinish = scheduleLinkFromFinish(type)
        const kind = lagKind[link] as number
        const amount = scheduleLagMinutes(
          kind,
          lag[link] as number,
          isSummary[predecessor] === 1
            ? (rolledDuration[predecessor] as number)
            : (duration[predecessor] as number),
        )
        const elapsed = scheduleLagIsElapsed(kind)
        const baseWall = fromFinish
          ? (earlyFinish[predecessor] as number)
          : (earlyStart[predecessor] as number)
        // On the predecessor's own calendar its working-minute dates are at hand.
        const w =
          !elapsed && calendar[predecessor] === own
            ? (fromFinish ? (efW[predecessor] as number) : (esW[predecessor] as number)) + amount
            : scheduleLinkWork(own, baseWall, amount, elapsed)
        isLinked = true
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
      if (up >= 0) {
        const inheritedStart = boundStart[up] as number
        const inheritedFinish = boundFinish[up] as number
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
        if (boundLinked[up] === 1) isLinked = true
      }
      const type = constraintType[task] as number
      const date = constraintDate[task] as number
      if (!isLinked && !summary) {
        // Tasks without links start at the project start; linked tasks follow their links only (an SF successor
        // may start before the project start, as Microsoft Project does).
        if (own !== projectStartCalendar) {
          projectStartCalendar = own
          projectStartOnCalendar = own.work(projectStartWall)
        }
        const w = projectStartOnCalendar
        if (w > startW) startW = w
        if (projectStartWall > startWall) startWall = projectStartWall
      }
      if (type === SNET || (summary && type === MSO)) {
        const w = own.work(date)
        if (w > startW) startW = w
        if (date > startWall) startWall = date
      } else if (type === FNET && !summary) {
        const w = own.work(date)
        if (w > finishW) finishW = w
        if (date > finishWall) finishWall = date
      }
      if (summary) {
        // Both the wall-clock bound and its working-time form on the summary's calendar bind the children (their
        // calendars may differ from the summary's); the later of the two is the stricter.
        const nextStart = scheduleSummaryStart(own, startWall, startW)
        const nextFinish = scheduleSummaryFinish(own, finishWall, finishW)
        const nextLinked = isLinked ? 1 : 0
        if (
          incremental &&
          boundStart[task] === nextStart &&
          boundFinish[task] === nextFinish &&
          boundLinked[task] === nextLinked
        )
          return
        boundStart[task] = nextStart
        boundFinish[task] = nextFinish
        boundLinked[task] = nextLinked
        if (incremental) {
          for (let child = childOffsets[task] as number; child < (childOffsets[task + 1] as number); child++)
            dirtyForward[childList[child] as number] = 1
        }
        return
      }
      const length = duration[task] as number
      let es: number
      let ef: number
      if (!Number.isNaN(actualStart[task] as number)) {
        es = actualStart[task] as number
        const finished = actualFinish[task] as number
        if (!Number.isNaN(finished)) ef = finished
        else if (wallScheduled) ef = es + (isElapsed[task] === 1 ? length : 0)
        else ef = own.finishAt(own.work(es) + length)
        esW[task] = own.work(es)
        efW[task] = own.work(ef)
      } else if (wallScheduled) {
        const span = isElapsed[task] === 1 ? length : 0
        es = scheduleWallStart(type, date, startWall, finishWall, span)
        if ((levelingDelay[task] as number) > 0) es += levelingDelay[task] as number
        if (span === 0) es = scheduleMilestoneAt(own, es)
        ef = es + span
        esW[task] = own.work(es)
        efW[task] = span === 0 ? (esW[task] as number) : own.work(ef)
      } else {
        let w = scheduleWorkStart(own, type, date, startW, finishW, length)
        es = own.startAt(w)
        if ((levelingDelay[task] as number) > 0) {
          w = own.work(es + (levelingDelay[task] as number))
          es = own.startAt(w)
        }
        ef = own.finishAt(w + length)
        // When a link to the finish drives the task, the finish keeps that link's wall time.
        if (scheduleKeepsLinkFinish(own, w + length, finishW, finishWall)) ef = finishWall
        esW[task] = w
        efW[task] = w + length
      }
      if (incremental && earlyStart[task] === es && earlyFinish[task] === ef) {
        // Same dates (and so the same W values, rewritten above): nothing downstream changes.
        return
      }
      earlyStart[task] = es
      earlyFinish[task] = ef
      if (incremental) this.markForward(task)
    }
    for (let position = 0; position < order.length; position++) {
      const node = order[position] as number
      if (incremental) {
        if (dirtyForward[node] === 0) continue
        dirtyForward[node] = 0
      }
      if (node >= count) forwardClose(node - count)
      else forwardNode(node)
    }
    let projectFinishWall = count === 0 ? projectStartWall : NEG
    for (let index = 0; index < count; index++) {
      if (isSummary[index] === 0 && (earlyFinish[index] as number) > projectFinishWall)
        projectFinishWall = earlyFinish[index] as number
    }
    if (projectFinishWall === NEG) projectFinishWall = projectStartWall
    // A moved project finish moves every late date: the backward pass then runs in full.
    const backwardIncremental = incremental && projectFinishWall === state.projectFinishWall
    state.projectFinishWall = projectFinishWall

    // Whether every link out of `task` still holds with the task at these dates (checked on the successors' calendars).
    // ALAP placement across calendars can round a start past a bound; such a placement is then not used.
    // Links out of the task's summaries count too: a later finish can move a summary's finish (judged against the
    // summary's early finish, which the other tasks do not exceed); a start only ever lowers a summary's start bound.
    const linksHold = (task: number, startWall: number, finishWall: number): boolean => {
      for (let holder = task; holder >= 0; holder = parent[holder] as number) {
        const isOwn = holder === task
        const holderFinish = isOwn ? finishWall : Math.max(earlyFinish[holder] as number, finishWall)
        if (
          !linksHoldFrom(
            holder,
            startWall,
            holderFinish,
            isOwn ? (duration[task] as number) : (rolledDuration[holder] as number),
          )
        )
          return false
      }
      return true
    }
    const linksHoldFrom = (task: number, startWall: number, finishWall: number, length: number): boolean => {
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
          for (let index = successor + 1; index < count; index++) {
            let isInside = false
            for (let up = parent[index] as number; up >= successor; up = parent[up] as number)
              if (up === successor) isInside = true
            if (!isInside) break
            if (isSummary[index] === 1) continue
            const inner = calendar[index] as CompiledCalendar
            const value = toStart ? (start[index] as number) : (finish[index] as number)
            if (inner.work(value) + slackTolerance < inner.work(bound)) return false
          }
          continue
        }
        const target = toStart ? (start[successor] as number) : (finish[successor] as number)
        if (elapsed) {
          if (target < base + amount) return false
        } else if (other.work(target) + slackTolerance < other.work(base) + amount) return false
      }
      return true
    }

    // The project finish in working minutes of the last calendar asked for (tasks mostly share one calendar).
    let projectFinishCalendar: CompiledCalendar | null = null
    let projectFinishOnCalendar = 0

    // ---- Backward pass: late dates, slack, free slack, and the placement of ALAP tasks ----
    // Summary open, reached after all its children: roll up late and scheduled dates and slack.
    const backwardOpen = (task: number, own: CompiledCalendar): void => {
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
      lsW[task] = own.work(lowLate)
      lfW[task] = own.work(highLate)
      sW[task] = own.work(lowStart)
      fW[task] = own.work(highFinish)
      totalSlack[task] = slack
      freeSlack[task] = free
      if (backwardIncremental) this.markBackward(task, datesMoved, slackMoved)
    }
    // A task, or a summary's close node (the upper bounds it passes to its children).
    const backwardNode = (task: number, summary: boolean, own: CompiledCalendar): void => {
      const up = parent[task] as number
      const wallScheduled = !summary && ((duration[task] as number) === 0 || isElapsed[task] === 1)
      const needsWall = wallScheduled || summary
      let startW = POS
      let finishW = POS
      let startWall = POS
      let finishWall = POS
      // The same bounds from the successors' scheduled dates: free slack and ALAP placement.
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
      if (up >= 0) {
        const inheritedStart = boundLateStart[up] as number
        const inheritedFinish = boundLateFinish[up] as number
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
        const inheritedFreeStart = boundFreeStart[up] as number
        const inheritedFreeFinish = boundFreeFinish[up] as number
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
      const type = constraintType[task] as number
      const date = constraintDate[task] as number
      const due = deadline[task] as number
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
      if (summary) {
        // Summary close: pass the upper bounds down to the children.
        // Upper bounds: the earlier of the wall-clock bound and its working-time form is the stricter.
        const nextLateStart = startWall === POS ? POS : Math.min(startWall, own.startAt(startW))
        const nextLateFinish = finishWall === POS ? POS : Math.min(finishWall, own.finishAt(finishW))
        const nextFreeStart = freeStartWall === POS ? POS : Math.min(freeStartWall, own.startAt(freeStartW))
        const nextFreeFinish =
          freeFinishWall === POS ? POS : Math.min(freeFinishWall, own.finishAt(freeFinishW))
        if (
          backwardIncremental &&
          boundLateStart[task] === nextLateStart &&
          boundLateFinish[task] === nextLateFinish &&
          boundFreeStart[task] === nextFreeStart &&
          boundFreeFinish[task] === nextFreeFinish
        ) {
          return
        }
        boundLateStart[task] = nextLateStart
        boundLateFinish[task] = nextLateFinish
        boundFreeStart[task] = nextFreeStart
        boundFreeFinish[task] = nextFreeFinish
        if (backwardIncremental) {
          for (let child = childOffsets[task] as number; child < (childOffsets[task + 1] as number); child++)
            dirtyBackward[closeOf(childList[child] as number)] = 1
        }
        return
      }
      // No task may finish later than the project finish (Microsoft Project's late finish for tasks without successors,
      // and the cap for tasks whose successors are only tied to their start, such as SF links).
      if (own !== projectFinishCalendar) {
        projectFinishCalendar = own
        projectFinishOnCalendar = own.work(projectFinishWall)
      }
      const projectFinishW = projectFinishOnCalendar
      if (projectFinishW < finishW) finishW = projectFinishW
      if (projectFinishWall < finishWall) finishWall = projectFinishWall
      if (projectFinishW < freeFinishW) freeFinishW = projectFinishW
      if (projectFinishWall < freeFinishWall) freeFinishWall = projectFinishWall
      const length = duration[task] as number
      const es = earlyStart[task] as number
      const ef = earlyFinish[task] as number
      const earlyFinishW = efW[task] as number
      let ls: number
      let lf: number
      let lateFinishW: number
      let slack: number
      let free: number
      let scheduledStart = es
      let scheduledFinish = ef
      let scheduledStartW = esW[task] as number
      let scheduledFinishW = earlyFinishW
      const isAlap = type === ALAP && Number.isNaN(actualStart[task] as number)
      if (wallScheduled) {
        const span = isElapsed[task] === 1 ? length : 0
        lf = Math.min(finishWall, startWall + span)
        ls = lf - span
        lateFinishW = own.work(lf)
        if (isElapsed[task] === 1) {
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
          if (latest > ef && linksHold(task, latest - span, latest)) {
            scheduledFinish = latest
            scheduledStart = latest - span
            scheduledFinishW = own.work(scheduledFinish)
            scheduledStartW = span === 0 ? scheduledFinishW : own.work(scheduledStart)
          }
          slack = isElapsed[task] === 1 ? lf - scheduledFinish : lateFinishW - scheduledFinishW
        }
        lsW[task] = span === 0 ? lateFinishW : own.work(ls)
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
          if (latestW > earlyFinishW && linksHold(task, lateStartWall, lateFinishWall)) {
            scheduledFinish = lateFinishWall
            scheduledStart = lateStartWall
            scheduledFinishW = latestW
            scheduledStartW = latestW - length
          }
          // Microsoft Project measures an ALAP task's slack from where it is scheduled.
          slack = lateFinishW - scheduledFinishW
          free = Math.min(free, slack)
        }
        lsW[task] = lateFinishW - length
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
      lfW[task] = lateFinishW
      totalSlack[task] = slack
      freeSlack[task] = freeClamped
      start[task] = scheduledStart
      finish[task] = scheduledFinish
      sW[task] = scheduledStartW
      fW[task] = scheduledFinishW
      if (backwardIncremental) this.markBackward(task, datesMoved, slackMoved)
    }
    for (let position = order.length - 1; position >= 0; position--) {
      const node = order[position] as number
      if (backwardIncremental) {
        if (dirtyBackward[node] === 0) continue
        dirtyBackward[node] = 0
      }
      const task = node >= count ? node - count : node
      const summary = isSummary[task] === 1
      const own = calendar[task] as CompiledCalendar
      if (summary && node < count) backwardOpen(task, own)
      else backwardNode(task, summary, own)
    }
    dirtyForward.fill(0)
    dirtyBackward.fill(0)

    // ---- Roll-ups: duration and percent complete of summaries (children come after parents in outline order) ----
    const percent = Float64Array.from(this.inputs.percentComplete)
    const weight = new Float64Array(count)
    const done = new Float64Array(count)
    const scheduleDuration = new Float64Array(count)
    for (let index = count - 1; index >= 0; index--) {
      if (isSummary[index] === 1) {
        scheduleDuration[index] = (fW[index] as number) - (sW[index] as number)
        percent[index] =
          (weight[index] as number) > 0
            ? (done[index] as number) / (weight[index] as number)
            : (percent[index] as number)
      } else {
        scheduleDuration[index] = duration[index] as number
        weight[index] = duration[index] as number
        done[index] = (duration[index] as number) * (percent[index] as number)
      }
      const up = parent[index] as number
      if (up >= 0) {
        weight[up] = (weight[up] as number) + (weight[index] as number)
        done[up] = (done[up] as number) + (done[index] as number)
      }
    }
    let projectStart = count === 0 ? projectStartWall : POS
    let projectFinish = count === 0 ? projectStartWall : NEG
    const isCritical = new Uint8Array(count)
    for (let index = 0; index < count; index++) {
      if ((start[index] as number) < projectStart) projectStart = start[index] as number
      if ((finish[index] as number) > projectFinish) projectFinish = finish[index] as number
      // Fractional durations (Microsoft Project writes seconds) leave rounding noise of a few nanominutes.
      isCritical[index] = (totalSlack[index] as number) <= slackTolerance ? 1 : 0
    }
    // The engine keeps its arrays for the next incremental run; callers get copies.
    return {
      taskCount: count,
      indexOf: graph.indexOf,
      start: start.slice(),
      finish: finish.slice(),
      earlyStart: earlyStart.slice(),
      earlyFinish: earlyFinish.slice(),
      lateStart: lateStart.slice(),
      lateFinish: lateFinish.slice(),
      totalSlack: totalSlack.slice(),
      freeSlack: freeSlack.slice(),
      duration: scheduleDuration,
      percentComplete: percent,
      isCritical,
      isSummary: graph.isSummary,
      parent: graph.parent,
      projectStart,
      projectFinish,
    }
  }
}

/**
 * Validates and compiles a plan for repeated scheduling: calendars, the CSR link graph and the topological order
 * are built once. Nothing in `plan` is modified.
 * @returns an engine (`run`, `update`) or the problems that prevent scheduling (nothing is scheduled then)
 */
export function schedulePrepare(plan: Plan): SchedulePrepareResult {
  const validated = validatePlan(plan)
  if (!validated.ok) return validated
  const calendars = new CalendarSet(plan.calendars, dateToDayNumber(plan.start.slice(0, 10)))
  const problems: ScheduleProblem[] = []
  const projectCalendar = calendars.get(plan.calendarId)
  if (calendarIsProblem(projectCalendar)) {
    problems.push({
      kind: projectCalendar.kind === 'no-working-time' ? 'no-working-time' : 'missing-calendar',
      calendarId: projectCalendar.calendarId,
      message: projectCalendar.message,
    })
    return { ok: false, problems }
  }
  const taskCalendars: CompiledCalendar[] = new Array<CompiledCalendar>(plan.tasks.length)
  const reported = new Set<number>()
  plan.tasks.forEach((task, index) => {
    if (task.calendarId === null || task.calendarId === plan.calendarId) {
      taskCalendars[index] = projectCalendar
      return
    }
    const compiled = calendars.get(task.calendarId)
    if (calendarIsProblem(compiled)) {
      if (!reported.has(compiled.calendarId)) {
        reported.add(compiled.calendarId)
        problems.push({
          kind: compiled.kind === 'no-working-time' ? 'no-working-time' : 'missing-calendar',
          calendarId: compiled.calendarId,
          message: `${compiled.message} (task ${task.id})`,
        })
      }
      taskCalendars[index] = projectCalendar
    } else taskCalendars[index] = compiled
  })
  if (problems.length > 0) return { ok: false, problems }
  return { ok: true, engine: new Engine(plan, validated.graph, calendars, taskCalendars) }
}

/**
 * Schedules a plan: validation, forward and backward passes, roll-ups.
 * @returns the schedule (typed arrays indexed like `plan.tasks`, dates in wall minutes, slack in working minutes of
 * each task's calendar, or wall minutes for elapsed-duration tasks) or the problems that prevent scheduling
 */
export function scheduleRun(plan: Plan): ScheduleResult {
  const prepared = schedulePrepare(plan)
  return prepared.ok ? prepared.engine.run() : { ok: false, problems: prepared.problems }
}
