import { CalendarSet, calendarIsProblem, calendarResourceEffective, type CompiledCalendar } from './calendar'
import { dateFromDayNumber, dateToDayNumber, dateWeekday } from './dates'
import type {
  Assignment,
  Calendar,
  CalendarId,
  IsoDate,
  Percent,
  Plan,
  Resource,
  ResourceId,
  Task,
  TaskId,
  WallMinutes,
} from './model'
import type { Schedule } from './schedule-types'

/**
 * Resource load and over-allocation detection.
 *
 * For every resource and every day, the work assigned to it (assignment units x the minutes of the task's scheduled
 * span that are working time in the resource's calendar) is compared with the work it has available (max units x its
 * working minutes that day). Within a day an interval sweep finds overlaps, so two 4-hour tasks at 100 % in the same
 * morning are an over-allocation even though the day's total is 8 hours.
 *
 * All work figures are in minutes of work (a full-time person working one 8-hour day = 480). Days are day numbers
 * (days since 1970-01-01, see `dates.ts`) in the per-day arrays and `YYYY-MM-DD` in periods.
 *
 * For the views:
 * - after scheduling, `loadCompute(plan, schedule)` once; after each edit `loadUpdate(previousLoad, plan, schedule)`
 *   (it finds the moved tasks and changed assignments itself and recomputes only the resources concerned);
 * - markers on task rows and resources: `load.overallocatedTaskIds`, `load.byResource.get(id).periods.length > 0`;
 * - Over-allocations panel: `load.conflicts` (each with resource, days, peak, colliding task ids), with
 *   `suggestionsForConflict` (suggestions.ts) for the fixes and `levelResources` (leveling.ts) for the command;
 * - usage heat map (resources x days or weeks) and one resource's histogram with its capacity line:
 *   `loadSeries(load.byResource.get(id), plan, resource, fromDay, toDay, 1 | 7)` gives assigned and available work
 *   and the percentage per bucket; `loadDayPercent` reads a single day.
 */

/** One resource's over-allocation: a maximal run of over-allocated working days (non-working days do not split it). */
export type OverallocationPeriod = {
  resourceId: ResourceId
  /** First and last over-allocated day, inclusive. */
  start: IsoDate
  finish: IsoDate
  startDay: number
  finishDay: number
  /** Highest daily assigned work in the period as a percentage of that day's available work (may be <= 100 when
   * the only overlap is within a day, e.g. two 4-hour tasks in the same morning). */
  peakPercent: Percent
  /** Highest sum of assignment units at any working moment of the period, as a percentage of max units. */
  peakUnitsPercent: Percent
  /** The day (day number) of `peakPercent`. */
  peakDay: number
  /** Tasks assigned to the resource at moments when it is over-allocated, in plan order. */
  taskIds: TaskId[]
  /** Work above the resource's capacity at the over-allocated moments, in minutes of work. */
  excessWork: number
  /** Working minutes of the resource during which it is over-allocated. */
  overMinutes: number
}

/** Load of one resource, day by day from `firstDay` (empty arrays when nothing is assigned). */
export type ResourceLoad = {
  resourceId: ResourceId
  maxUnits: Percent
  /** Day number of index 0 of the arrays. */
  firstDay: number
  /** Assigned work per day, minutes of work. */
  assigned: Float64Array
  /** Available work per day (max units x working minutes), minutes of work. */
  available: Float64Array
  /** Highest sum of assignment units at a working moment of each day, percent. */
  peakUnits: Float64Array
  /** 1 on over-allocated days. */
  isOverDay: Uint8Array
  periods: OverallocationPeriod[]
  /** Ids of the tasks of this resource's assignments that carry load (leaf tasks with a duration). */
  taskIds: TaskId[]
}

/** Load of a whole plan for one schedule. Treat as immutable; `loadUpdate` returns a new one. */
export type PlanLoad = {
  /** In `plan.resources` order. */
  resources: ResourceLoad[]
  byResource: Map<ResourceId, ResourceLoad>
  /** Every over-allocation period of every resource, by start day then resource order. */
  conflicts: OverallocationPeriod[]
  /** Tasks involved in at least one over-allocation (for the marker on task rows); built on first read. */
  readonly overallocatedTaskIds: Set<TaskId>
  /** What this load was computed from, used by `loadUpdate`. */
  plan: Plan
  schedule: Schedule
}

const epsilon = 1e-9

/**
 * A resource's (or task's) working time on the engine's compiled calendars: `between(from, to)` is the number of
 * working minutes between two wall-clock minutes, `workingMinutes(day)` those of one day (0 on weekends, holidays
 * and vacation days).
 */
export type ResourceDayTable = {
  calendar: CompiledCalendar | null
  between: (from: WallMinutes, to: WallMinutes) => number
  workingMinutes: (dayNumber: number) => number
  /**
   * Working minutes (counted from the calendar's anchor) at each midnight of days `fromDay..toDay + 1`, as
   * `values[day - offset]`; cached, so repeated load computations do not query the calendar day by day.
   */
  midnights: (fromDay: number, toDay: number) => { values: Float64Array; offset: number }
}

function dayTable(calendar: CompiledCalendar | null): ResourceDayTable {
  let offset = 0
  let values = new Float64Array(0)
  const midnights = (fromDay: number, toDay: number): { values: Float64Array; offset: number } => {
    if (calendar === null) return { values: new Float64Array(toDay - fromDay + 2), offset: fromDay }
    if (values.length === 0 || fromDay < offset || toDay + 1 >= offset + values.length) {
      const from = values.length === 0 ? fromDay - 31 : Math.min(offset, fromDay - 366)
      const to = values.length === 0 ? toDay + 32 : Math.max(offset + values.length - 1, toDay + 367)
      values = new Float64Array(to - from + 1)
      for (let day = from; day <= to; day++) values[day - from] = calendar.work(day * 1440)
      offset = from
    }
    return { values, offset }
  }
  if (calendar === null) return { calendar, between: () => 0, workingMinutes: () => 0, midnights }
  return {
    calendar,
    between: (from, to) => (to > from ? calendar.work(to) - calendar.work(from) : 0),
    workingMinutes: (dayNumber) => calendar.work((dayNumber + 1) * 1440) - calendar.work(dayNumber * 1440),
    midnights,
  }
}

function anchorDay(plan: Plan): number {
  return dateToDayNumber(plan.start.slice(0, 10))
}

const calendarTableCache = new WeakMap<readonly Calendar[], Map<CalendarId, ResourceDayTable>>()

/** The working time of calendar `calendarId` of the plan (no resource vacations); none if it cannot be compiled. */
export function loadCalendarDays(plan: Plan, calendarId: CalendarId): ResourceDayTable {
  let tables = calendarTableCache.get(plan.calendars)
  if (tables === undefined) calendarTableCache.set(plan.calendars, (tables = new Map()))
  const cached = tables.get(calendarId)
  if (cached !== undefined) return cached
  const compiled = new CalendarSet(plan.calendars, anchorDay(plan)).get(calendarId)
  const table = dayTable(calendarIsProblem(compiled) ? null : compiled)
  tables.set(calendarId, table)
  return table
}

type DayTableCache = { calendars: readonly Calendar[]; calendarId: CalendarId; table: ResourceDayTable }
const dayTableCache = new WeakMap<Resource, DayTableCache>()

/**
 * The working time of `resource`: its effective calendar (its own calendar or the project calendar, with its
 * personal non-working days on top; see `calendarResourceEffective`). Cached per resource object and calendar list.
 * A resource whose calendar cannot be used falls back to the project calendar.
 */
export function resourceCalendarDays(plan: Plan, resource: Resource): ResourceDayTable {
  const calendarId = resource.calendarId ?? plan.calendarId
  const cached = dayTableCache.get(resource)
  if (cached !== undefined && cached.calendars === plan.calendars && cached.calendarId === calendarId)
    return cached.table
  const effective = calendarResourceEffective(plan, resource)
  let compiled = new CalendarSet([...plan.calendars, effective], anchorDay(plan)).get(effective.id)
  if (calendarIsProblem(compiled)) {
    const fallback = { ...effective, baseCalendarId: plan.calendarId }
    compiled = new CalendarSet([...plan.calendars, fallback], anchorDay(plan)).get(fallback.id)
  }
  const table = dayTable(calendarIsProblem(compiled) ? null : compiled)
  dayTableCache.set(resource, { calendars: plan.calendars, calendarId, table })
  return table
}

type AssignmentIndex = { byResource: Map<ResourceId, Assignment[]> }
const assignmentIndexCache = new WeakMap<readonly Assignment[], AssignmentIndex>()

/** Assignments grouped by resource; cached per assignments array (plans are immutable). */
function assignmentIndex(assignments: readonly Assignment[]): AssignmentIndex {
  const cached = assignmentIndexCache.get(assignments)
  if (cached !== undefined) return cached
  const byResource = new Map<ResourceId, Assignment[]>()
  for (const assignment of assignments) {
    let list = byResource.get(assignment.resourceId)
    if (list === undefined) byResource.set(assignment.resourceId, (list = []))
    list.push(assignment)
  }
  const index = { byResource }
  assignmentIndexCache.set(assignments, index)
  return index
}

/** A scheduled piece of work of one resource: a task span at some units. */
export type LoadItem = { start: WallMinutes; finish: WallMinutes; units: Percent; taskIndex: number }

/**
 * The load-carrying assignments of resource `resourceId` as spans of the schedule (summary tasks, milestones and
 * zero-length spans carry no load and are skipped).
 */
export function loadResourceItems(plan: Plan, schedule: Schedule, resourceId: ResourceId): LoadItem[] {
  return resourceItems(assignmentIndex(plan.assignments).byResource.get(resourceId), schedule)
}

/** The load-carrying assignments of a resource as spans from the schedule (summaries and zero-length spans skipped). */
function resourceItems(assignments: readonly Assignment[] | undefined, schedule: Schedule): LoadItem[] {
  const items: LoadItem[] = []
  if (assignments === undefined) return items
  for (const assignment of assignments) {
    const taskIndex = schedule.indexOf.get(assignment.taskId)
    if (taskIndex === undefined || schedule.isSummary[taskIndex] === 1) continue
    const start = schedule.start[taskIndex] as number
    const finish = schedule.finish[taskIndex] as number
    if (!(finish > start) || !(assignment.units > 0)) continue
    items.push({ start, finish, units: assignment.units, taskIndex })
  }
  return items
}

/**
 * Computes one resource's load from spans of work (exported for leveling and suggestions, which try
 * hypothetical spans). `days` gives the resource's working periods per day.
 */
export function loadResourceFromItems(
  resource: Resource,
  items: readonly LoadItem[],
  days: ResourceDayTable,
  taskIdOf: (taskIndex: number) => TaskId,
): ResourceLoad {
  const spans = spansCreate(items.length)
  for (const item of items) spansPush(spans, item.start, item.finish, item.units, item.taskIndex)
  return loadResourceFromSpans(resource, spans, days, taskIdOf)
}

/** Spans of work in parallel typed arrays (no object per assignment on the hot path). */
type Spans = {
  count: number
  starts: Float64Array
  finishes: Float64Array
  units: Float64Array
  taskIndexes: Int32Array
}

function spansCreate(capacity: number): Spans {
  return {
    count: 0,
    starts: new Float64Array(capacity),
    finishes: new Float64Array(capacity),
    units: new Float64Array(capacity),
    taskIndexes: new Int32Array(capacity),
  }
}

function spansPush(spans: Spans, start: number, finish: number, units: number, taskIndex: number): void {
  const index = spans.count++
  spans.starts[index] = start
  spans.finishes[index] = finish
  spans.units[index] = units
  spans.taskIndexes[index] = taskIndex
}

function emptyLoad(resource: Resource): ResourceLoad {
  return {
    resourceId: resource.id,
    maxUnits: resource.maxUnits,
    firstDay: 0,
    assigned: new Float64Array(0),
    available: new Float64Array(0),
    peakUnits: new Float64Array(0),
    isOverDay: new Uint8Array(0),
    periods: [],
    taskIds: [],
  }
}

function loadResourceFromSpans(
  resource: Resource,
  spans: Spans,
  days: ResourceDayTable,
  taskIdOf: (taskIndex: number) => TaskId,
): ResourceLoad {
  const maxUnits = resource.maxUnits
  const count = spans.count
  if (count === 0) return emptyLoad(resource)
  const { starts, finishes, units, taskIndexes } = spans
  // Breakpoints: every start (+units) and finish (-units), swept in time order (scratch buffers, reused).
  const scratch = scratchFor(count)
  const order = scratch.order.subarray(0, count * 2)
  const times = scratch.times.subarray(0, count * 2)
  for (let index = 0; index < count; index++) {
    times[index * 2] = starts[index] as number
    times[index * 2 + 1] = finishes[index] as number
    order[index * 2] = index * 2
    order[index * 2 + 1] = index * 2 + 1
  }
  // Finishes before starts at equal times, so back-to-back tasks never overlap.
  sortEvents(order, times)
  const firstDay = Math.floor((times[order[0] as number] as number) / 1440)
  const lastDay = Math.floor(((times[order[order.length - 1] as number] as number) - 1) / 1440)
  const length = Math.max(1, lastDay - firstDay + 1)
  const assigned = new Float64Array(length)
  const available = new Float64Array(length)
  const peakUnits = new Float64Array(length)
  const isOverDay = new Uint8Array(length)
  const calendar = days.calendar
  const taskIds = taskIdsOfSpans(spans, taskIdOf)
  if (calendar === null)
    return {
      resourceId: resource.id,
      maxUnits,
      firstDay,
      assigned,
      available,
      peakUnits,
      isOverDay,
      periods: [],
      taskIds,
    }
  // Working minutes from the anchor to each midnight (cached per calendar), then plain arithmetic.
  const cumulative = days.midnights(firstDay, lastDay + 1)
  const midnight = cumulative.values.subarray(
    firstDay - cumulative.offset,
    firstDay - cumulative.offset + length + 1,
  )
  for (let day = 0; day < length; day++)
    available[day] = (((midnight[day + 1] as number) - (midnight[day] as number)) * maxUnits) / 100

  // The tasks of each period go to one shared buffer: only the last period ever grows, so period k owns
  // periodTasks[k.tasksFrom .. next period's tasksFrom), and no array is allocated per period.
  type OpenPeriod = {
    startDay: number
    finishDay: number
    tasksFrom: number
    excess: number
    minutes: number
  }
  let taskCount = 0
  const openPeriods: OpenPeriod[] = []
  let open: OpenPeriod | null = null
  // The spans running now: a dense list with each span's position in it, for O(1) removal.
  const active = scratch.active
  const positionOf = scratch.positionOf
  // Which period last listed each span, so a period lists a span once.
  const listedIn = scratch.listedIn.fill(-1, 0, count)
  let activeCount = 0
  let rate = 0
  for (let position = 0; position < order.length; position++) {
    const event = order[position] as number
    const span = event >> 1
    if ((event & 1) === 0) {
      rate += units[span] as number
      positionOf[span] = activeCount
      active[activeCount++] = span
    } else {
      rate -= units[span] as number
      const at = positionOf[span] as number
      const last = active[--activeCount] as number
      active[at] = last
      positionOf[last] = at
    }
    if (activeCount === 0) rate = 0 // keeps floating-point drift from accumulating
    const next = order[position + 1]
    if (next === undefined || rate <= epsilon) continue
    const segmentStart = times[event] as number
    const segmentEnd = times[next] as number
    if (!(segmentEnd > segmentStart)) continue
    const isOver = rate > maxUnits + epsilon
    const startDay = Math.floor(segmentStart / 1440)
    const endDay = Math.floor((segmentEnd - 1) / 1440)
    let before = calendar.work(segmentStart)
    for (let day = startDay; day <= endDay; day++) {
      const slot = day - firstDay
      const after = day === endDay ? calendar.work(segmentEnd) : (midnight[slot + 1] as number)
      const overlap = after - before
      before = after
      if (overlap <= 0) continue
      assigned[slot] = (assigned[slot] as number) + (rate * overlap) / 100
      if (rate > (peakUnits[slot] as number)) peakUnits[slot] = rate
      if (!isOver) continue
      isOverDay[slot] = 1
      // A working day without over-allocation since the open period's last day closes it.
      if (open !== null && open.finishDay < day - 1) {
        for (let between = open.finishDay + 1; between < day; between++) {
          if ((available[between - firstDay] as number) > 0) {
            open = null
            break
          }
        }
      }
      if (open === null) {
        open = { startDay: day, finishDay: day, tasksFrom: taskCount, excess: 0, minutes: 0 }
        openPeriods.push(open)
      }
      open.finishDay = day
      const ordinal = openPeriods.length - 1
      for (let index = 0; index < activeCount; index++) {
        const span = active[index] as number
        if (listedIn[span] === ordinal) continue
        listedIn[span] = ordinal
        if (taskCount === periodTasks.length) periodTasksGrow()
        periodTasks[taskCount++] = taskIndexes[span] as number
      }
      open.minutes += overlap
      open.excess += ((rate - maxUnits) * overlap) / 100
    }
  }

  const periods: OverallocationPeriod[] = openPeriods.map((period, ordinal) => {
    let peak = -1
    let peakDay = period.startDay
    let peakRate = 0
    for (let day = period.startDay; day <= period.finishDay; day++) {
      const slot = day - firstDay
      if (isOverDay[slot] !== 1) continue
      const percent = ((assigned[slot] as number) * 100) / (available[slot] as number)
      if (percent > peak) {
        peak = percent
        peakDay = day
      }
      peakRate = Math.max(peakRate, peakUnits[slot] as number)
    }
    return {
      resourceId: resource.id,
      start: loadDayText(period.startDay),
      finish: loadDayText(period.finishDay),
      startDay: period.startDay,
      finishDay: period.finishDay,
      peakPercent: Math.round(peak * 100) / 100,
      peakUnitsPercent: Math.round(((peakRate * 100) / maxUnits) * 100) / 100,
      peakDay,
      taskIds: uniqueTaskIds(
        periodTasks,
        period.tasksFrom,
        openPeriods[ordinal + 1]?.tasksFrom ?? taskCount,
        taskIdOf,
      ),
      excessWork: Math.round(period.excess * 100) / 100,
      overMinutes: period.minutes,
    }
  })
  return {
    resourceId: resource.id,
    maxUnits,
    firstDay,
    assigned,
    available,
    peakUnits,
    isOverDay,
    periods,
    taskIds,
  }
}

function taskIdsOfSpans(spans: Spans, taskIdOf: (taskIndex: number) => TaskId): TaskId[] {
  // A copy: the sweep still reads the spans' task indexes in span order.
  return uniqueTaskIds(spans.taskIndexes.slice(0, spans.count), 0, spans.count, taskIdOf)
}

/**
 * Task ids of the task indexes `taskIndexes[from .. to)`, in plan order, each once. Sorts that range in place
 * (callers pass a buffer they own).
 * Period lists are short (a handful of tasks): an insertion sort allocates nothing, where a sort on a fresh array
 * allocated work arrays for each of the thousands of periods.
 */
function uniqueTaskIds(
  taskIndexes: Int32Array,
  from: number,
  to: number,
  taskIdOf: (taskIndex: number) => TaskId,
): TaskId[] {
  if (to - from > 48) taskIndexes.subarray(from, to).sort()
  else {
    for (let index = from + 1; index < to; index++) {
      const value = taskIndexes[index] as number
      let at = index - 1
      while (at >= from && (taskIndexes[at] as number) > value) {
        taskIndexes[at + 1] = taskIndexes[at] as number
        at--
      }
      taskIndexes[at + 1] = value
    }
  }
  const ids: TaskId[] = []
  for (let index = from; index < to; index++) {
    if (index > from && taskIndexes[index] === taskIndexes[index - 1]) continue
    ids.push(taskIdOf(taskIndexes[index] as number))
  }
  return ids
}

/** Task indexes of the over-allocation periods of the resource being computed (see `loadResourceFromSpans`). */
let periodTasks = new Int32Array(1024)

function periodTasksGrow(): void {
  const grown = new Int32Array(periodTasks.length * 2)
  grown.set(periodTasks)
  periodTasks = grown
}

type Scratch = {
  order: Int32Array
  times: Float64Array
  keys: Float64Array
  active: Int32Array
  positionOf: Int32Array
  listedIn: Int32Array
}
let scratch: Scratch = {
  order: new Int32Array(0),
  times: new Float64Array(0),
  keys: new Float64Array(0),
  active: new Int32Array(0),
  positionOf: new Int32Array(0),
  listedIn: new Int32Array(0),
}

/** Work buffers for a resource with `count` spans, grown on demand and reused (the computation is synchronous). */
function scratchFor(count: number): Scratch {
  if (scratch.active.length < count) {
    const size = Math.max(count, scratch.active.length * 2, 256)
    scratch = {
      order: new Int32Array(size * 2),
      times: new Float64Array(size * 2),
      keys: new Float64Array(size * 2),
      active: new Int32Array(size),
      positionOf: new Int32Array(size),
      listedIn: new Int32Array(size),
    }
  }
  return scratch
}

/** Day texts already made, by day number (0 = 1970-01-01 up to about year 2328): period bounds repeat run after run. */
const isoDayCache: IsoDate[] = []
const isoDayCacheLimit = 2 ** 17

/**
 * `YYYY-MM-DD` of a day number (days since 1970-01-01) without a Date object, made once per day number (the many
 * period bounds of each load run, and the dates of leveling's moved list, reuse them).
 */
export function loadDayText(dayNumber: number): IsoDate {
  if (!(dayNumber >= 0 && dayNumber < isoDayCacheLimit && Number.isInteger(dayNumber)))
    return isoDayText(dayNumber)
  return (isoDayCache[dayNumber] ??= isoDayText(dayNumber))
}

/** `YYYY-MM-DD` of a day number without a Date object (civil-from-days). */
function isoDayText(dayNumber: number): IsoDate {
  const z = dayNumber + 719468
  const era = Math.floor(z / 146097)
  const dayOfEra = z - era * 146097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`
}

const indexBits = 2 ** 20

/**
 * Sorts event numbers (item * 2 + isFinish) by time, finishes first at equal times. Whole, non-negative minutes (the
 * usual case) are packed with the event number into one float and sorted natively, which is several times faster
 * than a comparator.
 */
function sortEvents(order: Int32Array, times: Float64Array): void {
  const count = order.length
  let isPackable = count < indexBits
  for (let index = 0; index < count && isPackable; index++) {
    const time = times[index] as number
    if (!Number.isInteger(time) || time < 0 || time > 2 ** 30) isPackable = false
  }
  if (!isPackable) {
    order.sort((a, b) => (times[a] as number) - (times[b] as number) || (b & 1) - (a & 1))
    return
  }
  const keys = scratch.keys.length >= count ? scratch.keys.subarray(0, count) : new Float64Array(count)
  for (let event = 0; event < count; event++) {
    // isStart sorts after isFinish at the same minute.
    keys[event] = ((times[event] as number) * 2 + (1 - (event & 1))) * indexBits + event
  }
  keys.sort()
  for (let index = 0; index < count; index++) order[index] = (keys[index] as number) % indexBits
}

const taskIndexTables = new WeakMap<readonly Task[], Int32Array | null>()

/**
 * Position + 1 of each task id in `tasks` (0 = no such task) as a flat table when ids are reasonably dense, so the
 * 12,000 lookups of a full computation are array reads instead of map lookups; `null` for sparse ids.
 */
function taskIndexTable(tasks: readonly Task[]): Int32Array | null {
  const cached = taskIndexTables.get(tasks)
  if (cached !== undefined) return cached
  let maxId = -1
  for (const task of tasks) if (task.id > maxId) maxId = task.id
  let table: Int32Array | null = null
  if (maxId < tasks.length * 4 + 1024) {
    table = new Int32Array(maxId + 1)
    tasks.forEach((task, index) => {
      if (task.id >= 0 && table !== null && table[task.id] === 0) table[task.id] = index + 1
    })
  }
  taskIndexTables.set(tasks, table)
  return table
}

function computeResource(
  plan: Plan,
  schedule: Schedule,
  resource: Resource,
  assignments: readonly Assignment[] | undefined,
): ResourceLoad {
  if (assignments === undefined || assignments.length === 0) return emptyLoad(resource)
  const spans = spansCreate(assignments.length)
  const { indexOf, isSummary, start, finish } = schedule
  const table = plan.tasks.length === schedule.taskCount ? taskIndexTable(plan.tasks) : null
  for (const assignment of assignments) {
    const id = assignment.taskId
    const taskIndex =
      table !== null && id >= 0 && id < table.length ? (table[id] as number) - 1 : (indexOf.get(id) ?? -1)
    if (taskIndex < 0 || isSummary[taskIndex] === 1) continue
    const from = start[taskIndex] as number
    const to = finish[taskIndex] as number
    if (!(to > from) || !(assignment.units > 0)) continue
    spansPush(spans, from, to, assignment.units, taskIndex)
  }
  const tasks = plan.tasks
  return loadResourceFromSpans(
    resource,
    spans,
    resourceCalendarDays(plan, resource),
    (taskIndex) => (tasks[taskIndex] as { id: TaskId }).id,
  )
}

function assemble(plan: Plan, schedule: Schedule, resources: ResourceLoad[]): PlanLoad {
  const byResource = new Map<ResourceId, ResourceLoad>()
  const conflicts: OverallocationPeriod[] = []
  for (const load of resources) {
    byResource.set(load.resourceId, load)
    for (const period of load.periods) conflicts.push(period)
  }
  // Each resource's periods are in day order already; a stable sort on the start day keeps resource order on ties.
  conflicts.sort((a, b) => a.startDay - b.startDay)
  // The marker set is built when first read (a set of thousands of ids costs more than the update itself).
  let overallocated: Set<TaskId> | null = null
  return {
    resources,
    byResource,
    conflicts,
    get overallocatedTaskIds(): Set<TaskId> {
      if (overallocated === null) {
        overallocated = new Set<TaskId>()
        for (const conflict of conflicts) for (const taskId of conflict.taskIds) overallocated.add(taskId)
      }
      return overallocated
    },
    plan,
    schedule,
  }
}

/**
 * Load of every resource of `plan` for `schedule` (the result of scheduling this plan): per-day assigned and
 * available work, over-allocated days and periods with their peak and colliding tasks.
 */
export function loadCompute(plan: Plan, schedule: Schedule): PlanLoad {
  const index = assignmentIndex(plan.assignments)
  return assemble(
    plan,
    schedule,
    plan.resources.map((resource) =>
      computeResource(plan, schedule, resource, index.byResource.get(resource.id)),
    ),
  )
}

/**
 * Ids of the tasks whose scheduled span differs between two schedules of plans with the same task list.
 * Returns `null` when the task lists differ (then only a full `loadCompute` is correct).
 */
export function loadChangedTaskIds(plan: Plan, before: Schedule, after: Schedule): TaskId[] | null {
  if (before.taskCount !== after.taskCount || plan.tasks.length !== after.taskCount) return null
  const changed: TaskId[] = []
  for (let index = 0; index < after.taskCount; index++) {
    if (
      before.start[index] !== after.start[index] ||
      before.finish[index] !== after.finish[index] ||
      before.isSummary[index] !== after.isSummary[index]
    )
      changed.push((plan.tasks[index] as { id: TaskId }).id)
  }
  return changed
}

/** Tasks whose assignments differ between two assignment lists (added, removed or changed rows). */
function changedAssignmentTaskIds(before: readonly Assignment[], after: readonly Assignment[]): TaskId[] {
  if (before === after) return []
  if (before.length === after.length) {
    // The usual edit replaces rows in place: compare position by position while the ids line up.
    const changed: TaskId[] = []
    let isAligned = true
    for (let index = 0; index < after.length && isAligned; index++) {
      const previous = before[index] as Assignment
      const next = after[index] as Assignment
      if (previous === next) continue
      if (previous.id !== next.id) isAligned = false
      else changed.push(previous.taskId, next.taskId)
    }
    if (isAligned) return changed
  }
  const previousById = new Map<number, Assignment>()
  for (const assignment of before) previousById.set(assignment.id, assignment)
  const changed: TaskId[] = []
  for (const assignment of after) {
    const previous = previousById.get(assignment.id)
    previousById.delete(assignment.id)
    if (previous === assignment) continue
    changed.push(assignment.taskId)
    if (previous !== undefined) changed.push(previous.taskId)
  }
  for (const removed of previousById.values()) changed.push(removed.taskId)
  return changed
}

/**
 * The load after an edit, recomputing only the resources assigned (before or after the edit) to the changed tasks.
 * `changedTaskIds` lists tasks whose dates or assignments changed; when omitted it is found by comparing the schedules
 * and the assignment lists.
 * Falls back to a full `loadCompute` when resources, calendars or the task list changed.
 */
export function loadUpdate(
  previous: PlanLoad,
  plan: Plan,
  schedule: Schedule,
  changedTaskIds?: Iterable<TaskId>,
): PlanLoad {
  const isSameShape =
    plan.resources === previous.plan.resources &&
    plan.calendars === previous.plan.calendars &&
    plan.calendarId === previous.plan.calendarId &&
    plan.tasks.length === previous.plan.tasks.length &&
    schedule.taskCount === previous.schedule.taskCount
  if (!isSameShape) return loadCompute(plan, schedule)
  let changed: Iterable<TaskId> | null = changedTaskIds ?? null
  if (changed === null) {
    const moved = loadChangedTaskIds(plan, previous.schedule, schedule)
    if (moved === null) return loadCompute(plan, schedule)
    changed = [...moved, ...changedAssignmentTaskIds(previous.plan.assignments, plan.assignments)]
  }
  // Resources assigned (before or after the edit) to a changed task, and their new assignment lists, in two scans.
  const changedSet = changed instanceof Set ? (changed as Set<TaskId>) : new Set<TaskId>(changed)
  const affected = new Set<ResourceId>()
  if (changedSet.size > 0) {
    for (const assignment of previous.plan.assignments)
      if (changedSet.has(assignment.taskId)) affected.add(assignment.resourceId)
    for (const assignment of plan.assignments)
      if (changedSet.has(assignment.taskId)) affected.add(assignment.resourceId)
  }
  if (affected.size === 0) {
    return {
      resources: previous.resources,
      byResource: previous.byResource,
      conflicts: previous.conflicts,
      get overallocatedTaskIds(): Set<TaskId> {
        return previous.overallocatedTaskIds
      },
      plan,
      schedule,
    }
  }
  const lists = new Map<ResourceId, Assignment[]>()
  for (const resourceId of affected) lists.set(resourceId, [])
  for (const assignment of plan.assignments) lists.get(assignment.resourceId)?.push(assignment)
  const resources = previous.resources.map((load, position) => {
    const list = lists.get(load.resourceId)
    return list === undefined
      ? load
      : computeResource(plan, schedule, plan.resources[position] as Resource, list)
  })
  return assemble(plan, schedule, resources)
}

/** Assigned work of a resource on a day, minutes of work (0 outside its load range). */
export function loadDayAssigned(load: ResourceLoad, dayNumber: number): number {
  return load.assigned[dayNumber - load.firstDay] ?? 0
}

/**
 * Load of a resource on a day as a percentage of its available work; `null` when it has no working time that day
 * (weekend, holiday, vacation) but nothing assigned either. Work on a day without availability gives `Infinity`.
 */
export function loadDayPercent(
  load: ResourceLoad,
  dayNumber: number,
  plan: Plan,
  resource: Resource,
): Percent | null {
  const assigned = loadDayAssigned(load, dayNumber)
  const slot = dayNumber - load.firstDay
  const available =
    slot >= 0 && slot < load.available.length
      ? (load.available[slot] as number)
      : (resourceCalendarDays(plan, resource).workingMinutes(dayNumber) * resource.maxUnits) / 100
  if (available <= 0) return assigned > 0 ? Number.POSITIVE_INFINITY : null
  return (assigned * 100) / available
}

/** One bucket (day or week) of a load series for the heat map and histogram. */
export type LoadBucket = {
  /** First day of the bucket. */
  start: IsoDate
  startDay: number
  /** Number of calendar days in the bucket. */
  days: number
  /** Minutes of work. */
  assigned: number
  available: number
  /** assigned / available in percent; `null` when nothing is available and nothing assigned. */
  percent: Percent | null
  /** Whether any day of the bucket is over-allocated (including within-day overlaps). */
  isOverallocated: boolean
}

/**
 * A resource's load as buckets of `daysPerBucket` days (1 = per day, 7 = per week) covering `fromDay..toDay`
 * (day numbers, inclusive). Weekly buckets start on `weekStartDay` (0 = Sunday ... 6 = Saturday, the plan setting);
 * the first and last bucket are clipped to the range.
 */
export function loadSeries(
  load: ResourceLoad,
  plan: Plan,
  resource: Resource,
  fromDay: number,
  toDay: number,
  daysPerBucket: 1 | 7,
  weekStartDay = plan.settings.weekStartDay,
): LoadBucket[] {
  const buckets: LoadBucket[] = []
  const days = resourceCalendarDays(plan, resource)
  let day = fromDay
  while (day <= toDay) {
    let end = day
    if (daysPerBucket === 7) {
      const offset = (dateWeekday(day) - weekStartDay + 7) % 7
      end = Math.min(toDay, day + 6 - offset)
    }
    let assigned = 0
    let available = 0
    let isOverallocated = false
    for (let current = day; current <= end; current++) {
      const slot = current - load.firstDay
      assigned += load.assigned[slot] ?? 0
      available +=
        slot >= 0 && slot < load.available.length
          ? (load.available[slot] as number)
          : (days.workingMinutes(current) * resource.maxUnits) / 100
      if (load.isOverDay[slot] === 1) isOverallocated = true
    }
    const percent =
      available > 0 ? (assigned * 100) / available : assigned > 0 ? Number.POSITIVE_INFINITY : null
    buckets.push({
      start: dateFromDayNumber(day),
      startDay: day,
      days: end - day + 1,
      assigned,
      available,
      percent,
      isOverallocated,
    })
    day = end + 1
  }
  return buckets
}
