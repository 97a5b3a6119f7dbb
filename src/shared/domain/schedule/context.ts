/**
 * The scheduling context: one plan compiled for the passes (its link graph, each task's calendar, the task and link
 * inputs as typed arrays) and every value the passes compute, kept between runs so that an edit only recomputes
 * what it reaches. The forward pass (`forward.ts`), the backward pass (`backward.ts`), the roll-up (`rollup.ts`), the
 * incremental engine (`engine.ts`) and resource leveling all work on this one structure, indexed like `plan.tasks`
 * (link arrays like `graph.links`, assignment arrays like `plan.assignments`). Dates are wall minutes; the `…W` arrays
 * hold the same dates as working minutes of each task's own calendar.
 *
 * Assignments: each one is scheduled on its own calendar (`assignmentCalendar`): its resource's calendar with the
 * resource's vacations, intersected with the task's calendar when the task has one, or the task's calendar alone when
 * the task ignores resource calendars. An assignment with work and units on an automatically scheduled task lasts
 * `assignmentLength` = work x 100 / units working minutes of that calendar and drives the task's dates
 * (`isResourceDriven`); any other assignment spans its task.
 */
import {
  CalendarSet,
  calendarIsProblem,
  calendarResourceEffective,
  calendarResourceEffectiveId,
  type CompiledCalendar,
} from '../calendar'
import { dateToDayNumber, dateToWallMinutes } from '../dates'
import type { Assignment, CalendarId, Dependency, Plan, Resource, ResourceId, Task } from '../model'
import type { ScheduleProblem, ScheduleStretch } from '../schedule-types'
import { loadDayText } from '../load/day-text'
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
  /**
   * The status date (wall minutes) when the plan moves remaining work after it (`moveRemainingAfterStatusDate`), else
   * NaN: no remaining work of an automatically scheduled task is placed before it (see `forward.ts`).
   */
  statusWall: number
  /** Work typed on tasks without assignments (minutes of work). */
  taskWork: Float64Array
  /** Manually scheduled tasks (1) and their typed start, finish (wall minutes) and duration (NaN = blank). */
  isManual: Uint8Array
  manualStart: Float64Array
  manualFinish: Float64Array
  manualDuration: Float64Array
  /** Positions in `plan.assignments` of each task's assignments: task i has `assignmentList[offsets[i] .. offsets[i+1])`. */
  assignmentOffsets: Int32Array
  assignmentList: Int32Array
  /** Per assignment (indexed like `plan.assignments`): the calendar it is scheduled on, its units and work. */
  assignmentCalendar: CompiledCalendar[]
  assignmentUnits: Float64Array
  /** Per assignment: 1 for a material resource's (a quantity: it never drives its task and is not in the task's work). */
  assignmentIsMaterial: Uint8Array
  assignmentWork: Float64Array
  /** Per assignment: its resource's named days off (`scheduleContextResourceRanges`), null when it has none. */
  assignmentRanges: (ScheduleRange[] | null)[]
  /** Working minutes of its calendar a driving assignment lasts (work x 100 / units); 0 for one that spans its task. */
  assignmentLength: Float64Array
  /** 1 for tasks whose dates their assignments drive (see above). */
  isResourceDriven: Uint8Array
  /** The calendars of the plan and the resources' effective calendars, compiled on demand. */
  calendars: CalendarSet
  /** The plan's assignments as last loaded (their ids and resources, for the result). */
  assignments: readonly Assignment[]
  /** Assignment calendars by resource (on tasks without a calendar of their own) and by resource and task calendar,
   * so an edit compiles nothing twice. */
  resourceCalendars: Map<ResourceId, CompiledCalendar>
  assignmentCalendars: Map<string, CompiledCalendar>
  resources: Map<ResourceId, Resource>
  /** The material resources' ids; null when the plan has none (the usual case costs no lookup per assignment). */
  materialIds: Set<ResourceId> | null
  /** Each resource's named non-working days (vacations, its own calendar's exceptions), built when first needed. */
  resourceRanges: Map<ResourceId, ScheduleRange[]>
  /** Per resource-driven task (index) whose resources' days off stretched it: which (`scheduleContextStretches`). */
  stretchesOf: Map<number, ScheduleStretch[]>
  planCalendarId: CalendarId

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
  /** Summaries: the span their tasks roll up to (a manual summary keeps its own dates beside it). */
  rolledStart: Float64Array
  rolledFinish: Float64Array
  /** Early dates of each assignment (resource-driven placement, or its task's span), like `plan.assignments`. */
  assignmentStart: Float64Array
  assignmentFinish: Float64Array
  /** Working minutes of its calendar between a task's early start and finish when that is not its duration input
   * (resource-driven and manual tasks); the backward pass moves such a task as a block of this length. */
  spanW: Float64Array
  /** The duration reported for resource-driven and manual tasks: working time of their assignments' calendars
   * (any of them working) between start and finish, as Microsoft Project shows it; NaN = the duration input. */
  reportedDuration: Float64Array
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

/** A named range of days (day numbers, inclusive) a resource does not work. */
export type ScheduleRange = { fromDay: number; toDay: number; name: string }

/**
 * The named days off of resource `resourceId`: its vacations ("Vacation") and the non-working exceptions of its own
 * calendar (not of the project calendar, which every task shares), by first day.
 */
export function scheduleContextResourceRanges(
  context: ScheduleContext,
  resourceId: ResourceId,
): ScheduleRange[] {
  const cached = context.resourceRanges.get(resourceId)
  if (cached !== undefined) return cached
  const resource = context.resources.get(resourceId)
  const ranges: ScheduleRange[] = []
  if (resource !== undefined) {
    for (const range of resource.nonWorkingDays)
      ranges.push({
        fromDay: dateToDayNumber(range.from),
        toDay: dateToDayNumber(range.to),
        name: 'Vacation',
      })
    const own = resource.calendarId === null ? undefined : context.calendars.definition(resource.calendarId)
    if (own !== undefined && own.id !== context.planCalendarId) {
      for (const exception of own.exceptions) {
        if (exception.periods.length > 0) continue
        ranges.push({
          fromDay: dateToDayNumber(exception.from),
          toDay: dateToDayNumber(exception.to),
          name: exception.name.trim() === '' ? 'Day off' : exception.name,
        })
      }
    }
    ranges.sort((a, b) => a.fromDay - b.fromDay)
  }
  context.resourceRanges.set(resourceId, ranges)
  return ranges
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
  const calendars = new CalendarSet(
    [...plan.calendars, ...plan.resources.map((resource) => calendarResourceEffective(plan, resource))],
    dateToDayNumber(plan.start.slice(0, 10)),
  )
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
    statusWall: plan.settings.moveRemainingAfterStatusDate ? wallOrNaN(plan.statusDate) : NONE,
    taskWork: dates(),
    isManual: new Uint8Array(count),
    manualStart: dates(),
    manualFinish: dates(),
    manualDuration: dates(),
    assignmentOffsets: new Int32Array(count + 1),
    assignmentList: new Int32Array(0),
    assignmentCalendar: [],
    assignmentUnits: new Float64Array(0),
    assignmentIsMaterial: new Uint8Array(0),
    assignmentWork: new Float64Array(0),
    assignmentLength: new Float64Array(0),
    assignmentRanges: [],
    isResourceDriven: new Uint8Array(count),
    calendars,
    assignments: plan.assignments,
    resourceCalendars: new Map(),
    assignmentCalendars: new Map(),
    resources: new Map(plan.resources.map((resource) => [resource.id, resource])),
    materialIds: plan.resources.some((resource) => resource.type === 'material')
      ? new Set(plan.resources.filter((resource) => resource.type === 'material').map((resource) => resource.id))
      : null,
    resourceRanges: new Map(),
    stretchesOf: new Map(),
    planCalendarId: plan.calendarId,
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
    rolledStart: unknown(),
    rolledFinish: unknown(),
    assignmentStart: new Float64Array(0),
    assignmentFinish: new Float64Array(0),
    spanW: dates(),
    reportedDuration: unknown(),
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
  scheduleContextLoadAssignments(context, plan)
  return { ok: true, context }
}

/**
 * The calendar an assignment of resource `resourceId` to task `index` is scheduled on: the resource's effective
 * calendar (its calendar and vacations), intersected with the task's own calendar when it has one; the task's calendar
 * when the task ignores resource calendars, the resource is unknown, or the two calendars share no working time.
 */
function assignmentCalendarOf(
  context: ScheduleContext,
  task: Task,
  index: number,
  resourceId: ResourceId,
): CompiledCalendar {
  const own = context.calendar[index] as CompiledCalendar
  if (task.ignoresResourceCalendars) return own
  const resource = context.resources.get(resourceId)
  if (resource === undefined) return own
  const hasTaskCalendar = task.calendarId !== null && task.calendarId !== context.planCalendarId
  if (!hasTaskCalendar) {
    const cached = context.resourceCalendars.get(resourceId)
    if (cached !== undefined) return cached
  }
  const key = `${resourceId}|${own.id}`
  const cached = hasTaskCalendar ? context.assignmentCalendars.get(key) : undefined
  if (cached !== undefined) return cached
  // Without days off of its own, a resource works on its calendar (or the project's) as it is: no copy to compile.
  const effective =
    resource.nonWorkingDays.length === 0
      ? (resource.calendarId ?? context.planCalendarId)
      : calendarResourceEffectiveId(resourceId)
  const compiled = hasTaskCalendar
    ? context.calendars.intersection(effective, own.id)
    : context.calendars.get(effective)
  const result = calendarIsProblem(compiled) ? own : compiled
  if (hasTaskCalendar) context.assignmentCalendars.set(key, result)
  else context.resourceCalendars.set(resourceId, result)
  return result
}

/**
 * Reads the plan's assignments into the context (all of them: positions shift when one is added or removed): each
 * one's calendar, units, work and length, the per-task lists, and which tasks their assignments drive.
 */
export function scheduleContextLoadAssignments(context: ScheduleContext, plan: Plan): void {
  const count = context.graph.taskCount
  const assignments = plan.assignments
  const total = assignments.length
  const offsets = new Int32Array(count + 1)
  const taskOf = new Int32Array(total).fill(-1)
  const indexOf = context.graph.indexOf
  for (let position = 0; position < total; position++) {
    const task = indexOf.get((assignments[position] as Assignment).taskId)
    if (task === undefined) continue
    taskOf[position] = task
    offsets[task + 1] = (offsets[task + 1] as number) + 1
  }
  for (let task = 0; task < count; task++)
    offsets[task + 1] = (offsets[task + 1] as number) + (offsets[task] as number)
  const list = new Int32Array(offsets[count] as number)
  const fill = offsets.slice(0, count)
  for (let position = 0; position < total; position++) {
    const task = taskOf[position] as number
    if (task < 0) continue
    list[fill[task] as number] = position
    fill[task] = (fill[task] as number) + 1
  }
  context.assignments = assignments
  context.assignmentOffsets = offsets
  context.assignmentList = list
  context.assignmentCalendar = new Array<CompiledCalendar>(total)
  context.assignmentUnits = new Float64Array(total)
  context.assignmentIsMaterial = new Uint8Array(total)
  context.assignmentWork = new Float64Array(total)
  context.assignmentLength = new Float64Array(total)
  context.assignmentRanges = new Array<ScheduleRange[] | null>(total).fill(null)
  context.assignmentStart = new Float64Array(total)
  context.assignmentFinish = new Float64Array(total)
  for (let task = 0; task < count; task++) scheduleContextLoadTaskAssignments(context, plan, task)
}

/** Reads the assignments of task `index` (already listed in the context) and whether they drive its dates. */
export function scheduleContextLoadTaskAssignments(
  context: ScheduleContext,
  plan: Plan,
  index: number,
): void {
  const task = plan.tasks[index] as Task
  const from = context.assignmentOffsets[index] as number
  const to = context.assignmentOffsets[index + 1] as number
  const mayDrive =
    context.graph.isSummary[index] === 0 && context.isManual[index] === 0 && context.isElapsed[index] === 0
  let drives = 0
  for (let entry = from; entry < to; entry++) {
    const position = context.assignmentList[entry] as number
    const assignment = plan.assignments[position] as Assignment
    context.assignmentCalendar[position] = assignmentCalendarOf(context, task, index, assignment.resourceId)
    const ranges = scheduleContextResourceRanges(context, assignment.resourceId)
    context.assignmentRanges[position] = ranges.length > 0 ? ranges : null
    context.assignmentUnits[position] = assignment.units
    context.assignmentWork[position] = assignment.work
    // A material's work is a quantity consumed, not time (Microsoft Project): it never drives the task's dates.
    const isMaterial = context.materialIds !== null && context.materialIds.has(assignment.resourceId)
    context.assignmentIsMaterial[position] = isMaterial ? 1 : 0
    const length =
      mayDrive && !isMaterial && assignment.units > 0 && assignment.work > 0
        ? (assignment.work * 100) / assignment.units
        : 0
    // Rounded like the edit rules round it: 2400 x 100 / 75 is 3200, not 3199.9999999999995.
    context.assignmentLength[position] = Math.round(length * 1e6) / 1e6
    if (length > 0) drives = 1
  }
  context.isResourceDriven[index] = drives
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
  context.taskWork[index] = task.work
  const isManual = task.schedulingMode === 'manual'
  context.isManual[index] = isManual ? 1 : 0
  context.manualStart[index] = isManual ? wallOrNaN(task.manualStart) : NONE
  context.manualFinish[index] = isManual ? wallOrNaN(task.manualFinish) : NONE
  context.manualDuration[index] = isManual && task.manualDuration !== null ? task.manualDuration : NONE
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

/**
 * Records (in `stretchesOf`) the resources' named days off inside the driving assignments of task `task` where the
 * task's calendar works: the vacations that stretched it, for the UI to name. Called when its assignments are placed.
 */
export function scheduleContextStretches(context: ScheduleContext, task: number): void {
  const {
    assignmentOffsets,
    assignmentList,
    assignmentLength,
    assignmentCalendar,
    assignmentStart,
    assignmentFinish,
  } = context
  const own = context.calendar[task] as CompiledCalendar
  let found: ScheduleStretch[] | null = null
  for (
    let entry = assignmentOffsets[task] as number;
    entry < (assignmentOffsets[task + 1] as number);
    entry++
  ) {
    const position = assignmentList[entry] as number
    // On the task's own calendar (the task ignores resource calendars): no day off of the resource counts.
    if ((assignmentLength[position] as number) <= 0 || assignmentCalendar[position] === own) continue
    const ranges = context.assignmentRanges[position]
    if (ranges === null || ranges === undefined) continue
    const assignment = context.assignments[position] as Assignment
    const begin = assignmentStart[position] as number
    const end = assignmentFinish[position] as number
    const firstDay = Math.floor(begin / 1440)
    const lastDay = Math.floor((end - 1) / 1440)
    for (const range of ranges) {
      if (range.fromDay > lastDay) break
      if (range.toDay < firstDay) continue
      const minutes =
        own.work(Math.min(end, (range.toDay + 1) * 1440)) - own.work(Math.max(begin, range.fromDay * 1440))
      if (minutes <= 0) continue
      ;(found ??= []).push({
        taskId: assignment.taskId,
        assignmentId: assignment.id,
        resourceId: assignment.resourceId,
        name: range.name,
        from: loadDayText(Math.max(range.fromDay, firstDay)),
        to: loadDayText(Math.min(range.toDay, lastDay)),
        workingMinutes: minutes,
      })
    }
  }
  if (found !== null) context.stretchesOf.set(task, found)
  else if (context.stretchesOf.size > 0) context.stretchesOf.delete(task)
}
