/**
 * The scheduling context: one plan compiled for the passes (its link graph, each task's calendar, the task and link
 * inputs as typed arrays) and every value the passes compute, kept between runs so that an edit only recomputes
 * what it reaches. The forward pass (`forward.ts`), the backward pass (`backward.ts`), the roll-up (`rollup.ts`), the
 * incremental engine (`engine.ts`) and resource leveling all work on this one structure, indexed like `plan.tasks`
 * (link arrays like `graph.links`). Dates are wall minutes; the `…W` arrays hold the same dates as working minutes of
 * each task's own calendar.
 */
import { CalendarSet, calendarIsProblem, type CompiledCalendar } from '../calendar'
import { dateToDayNumber, dateToWallMinutes } from '../dates'
import type { Dependency, Plan, Task } from '../model'
import type { ScheduleProblem } from '../schedule-types'
import { validatePlan, type PlanGraph } from '../validate'
import * as links from './links'

// Bound once (see `forward.ts`): read per task and per link when a plan is compiled.
const { scheduleConstraintCode, scheduleIsElapsedUnit, scheduleLagKind } = links

/** The bounds the links and the outline parent put on one task (scratch of the forward pass). */
export type ForwardBounds = {
  /** Lower bounds on the start and the finish, as working minutes of the task's calendar and as wall minutes. */
  startW: number
  finishW: number
  startWall: number
  finishWall: number
}

export type ScheduleContext = {
  graph: PlanGraph
  /** Task inputs. `duration` in working minutes (elapsed minutes for elapsed-duration tasks). */
  duration: Float64Array
  isElapsed: Uint8Array
  /** Constraint codes (`scheduleConstraintCodes`) and dates (NaN = none). */
  constraintType: Uint8Array
  constraintDate: Float64Array
  actualStart: Float64Array
  actualFinish: Float64Array
  /** Elapsed minutes added to the early start (resource leveling). */
  levelingDelay: Float64Array
  deadline: Float64Array
  percentComplete: Float64Array
  /** Each task's compiled calendar (the project calendar unless the task has its own). */
  calendar: CompiledCalendar[]
  projectCalendar: CompiledCalendar
  /** Link inputs: lag kind (`scheduleLagKinds`) and amount (minutes, or percent of the predecessor's duration). */
  lagKind: Uint8Array
  lag: Float64Array
  /** The plan start: no automatically scheduled task starts earlier unless a date or finish link puts it there. */
  projectStartWall: number

  // Computed by the passes.
  earlyStart: Float64Array
  earlyFinish: Float64Array
  lateStart: Float64Array
  lateFinish: Float64Array
  /** Scheduled dates: the early dates, or the late ones for as-late-as-possible tasks. */
  start: Float64Array
  finish: Float64Array
  esW: Float64Array
  efW: Float64Array
  lsW: Float64Array
  lfW: Float64Array
  sW: Float64Array
  fW: Float64Array
  totalSlack: Float64Array
  freeSlack: Float64Array
  /** Summaries: working minutes between their rolled-up early start and finish (percent lags from a summary). */
  rolledDuration: Float64Array
  /** Summaries: the earliest late finish and scheduled finish among their tasks (FF/SF links to a summary bind each task). */
  minLateFinish: Float64Array
  minFinish: Float64Array
  /** Bounds a summary passes down to its children (wall minutes; ±Infinity = none). */
  boundStart: Float64Array
  boundFinish: Float64Array
  boundLateStart: Float64Array
  boundLateFinish: Float64Array
  boundFreeStart: Float64Array
  boundFreeFinish: Float64Array
  /** Nodes (task i, summary close n + i) to recompute in the next incremental run. */
  dirtyForward: Uint8Array
  dirtyBackward: Uint8Array
  /** The project finish of the last run (NaN before the first). */
  projectFinishWall: number

  /** The forward pass's scratch: bounds of the task being placed. */
  bounds: ForwardBounds
  /** The project start as a working minute of `floorCalendar` (tasks mostly share one calendar). */
  floorCalendar: CompiledCalendar | null
  floorW: number
  /** The project finish as a working minute of `finishCalendar`, likewise (reset by each backward pass). */
  finishCalendar: CompiledCalendar | null
  finishCapW: number
}

export type ScheduleContextResult =
  { ok: true; context: ScheduleContext } | { ok: false; problems: ScheduleProblem[] }

const NONE = Number.NaN

function wallOrNaN(text: string | null): number {
  return text === null ? NONE : dateToWallMinutes(text)
}

/**
 * Validates and compiles `plan` for scheduling: the link graph with its topological order, the calendars, and the
 * task and link inputs; the computed arrays start empty. Nothing in `plan` is modified.
 * @returns the context, or the problems that prevent scheduling (cycles, missing tasks, calendars without working time)
 */
export function scheduleContextCreate(plan: Plan): ScheduleContextResult {
  const validated = validatePlan(plan)
  if (!validated.ok) return validated
  const calendars = new CalendarSet(plan.calendars, dateToDayNumber(plan.start.slice(0, 10)))
  const projectCalendar = calendars.get(plan.calendarId)
  if (calendarIsProblem(projectCalendar)) {
    return {
      ok: false,
      problems: [
        {
          kind: projectCalendar.kind === 'no-working-time' ? 'no-working-time' : 'missing-calendar',
          calendarId: projectCalendar.calendarId,
          message: projectCalendar.message,
        },
      ],
    }
  }
  const problems: ScheduleProblem[] = []
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

  const graph = validated.graph
  const count = plan.tasks.length
  const dates = (): Float64Array => new Float64Array(count)
  // Early dates start as "not computed" so that the first pass writes every derived value.
  const unknown = (): Float64Array => new Float64Array(count).fill(NONE)
  const context: ScheduleContext = {
    graph,
    duration: dates(),
    isElapsed: new Uint8Array(count),
    constraintType: new Uint8Array(count),
    constraintDate: dates(),
    actualStart: dates(),
    actualFinish: dates(),
    levelingDelay: dates(),
    deadline: dates(),
    percentComplete: dates(),
    calendar: taskCalendars,
    projectCalendar,
    lagKind: new Uint8Array(0),
    lag: new Float64Array(0),
    projectStartWall: dateToWallMinutes(plan.start),
    earlyStart: unknown(),
    earlyFinish: unknown(),
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
    boundLateStart: dates(),
    boundLateFinish: dates(),
    boundFreeStart: dates(),
    boundFreeFinish: dates(),
    dirtyForward: new Uint8Array(2 * count),
    dirtyBackward: new Uint8Array(2 * count),
    projectFinishWall: NONE,
    bounds: { startW: 0, finishW: 0, startWall: 0, finishWall: 0 },
    floorCalendar: null,
    floorW: 0,
    finishCalendar: null,
    finishCapW: 0,
  }
  plan.tasks.forEach((task, index) => scheduleContextLoadTask(context, index, task))
  scheduleContextLoadLinks(context, graph.links)
  return { ok: true, context }
}

/** Reads task `index`'s scheduling inputs from `task` into the context's arrays. */
export function scheduleContextLoadTask(context: ScheduleContext, index: number, task: Task): void {
  // The milestone flag is display only (Microsoft Project shows a diamond for a flagged 5-day task and keeps its five
  // days): the duration alone decides the task's length.
  context.duration[index] = task.duration
  context.isElapsed[index] = scheduleIsElapsedUnit(task.durationUnit) ? 1 : 0
  context.constraintType[index] = scheduleConstraintCode(task.constraint.type)
  context.constraintDate[index] = wallOrNaN(task.constraint.date)
  context.actualStart[index] = wallOrNaN(task.actualStart)
  context.actualFinish[index] = task.actualStart === null ? NONE : wallOrNaN(task.actualFinish)
  context.levelingDelay[index] = task.levelingDelay
  context.deadline[index] = wallOrNaN(task.deadline)
  context.percentComplete[index] = Math.max(0, Math.min(100, task.percentComplete || 0))
}

/** Reads the lag inputs of `links` (the graph's links, in its order) into the context. */
export function scheduleContextLoadLinks(context: ScheduleContext, links: readonly Dependency[]): void {
  const lagKind = new Uint8Array(links.length)
  const lag = new Float64Array(links.length)
  links.forEach((link, index) => {
    lagKind[index] = scheduleLagKind(link.lagUnit)
    lag[index] = link.lag
  })
  context.lagKind = lagKind
  context.lag = lag
}
