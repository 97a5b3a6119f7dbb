/**
 * One resource's load from its spans of work: an interval sweep over the starts and finishes (finishes first at
 * equal times, so back-to-back tasks never overlap) that adds each stretch's rate to the days it covers, in working
 * minutes of the resource's calendar, and opens an over-allocation period wherever the rate exceeds the resource's
 * max units. Work buffers are module-level and reused: the computation is synchronous.
 */
import type { Resource, TaskId } from '../model'
import type { ResourceDayTable } from './calendars'
import { loadDayText } from './day-text'
import type { LoadItem, OverallocationPeriod, ResourceLoad } from './types'

const epsilon = 1e-9

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
  const spans = loadSpansCreate(items.length)
  for (const item of items) loadSpansPush(spans, item.start, item.finish, item.units, item.taskIndex)
  return loadResourceFromSpans(resource, spans, days, taskIdOf)
}

/** Spans of work in parallel typed arrays (no object per assignment on the hot path). */
export type LoadSpans = {
  count: number
  starts: Float64Array
  finishes: Float64Array
  units: Float64Array
  taskIndexes: Int32Array
}

/** An empty list of spans with room for `capacity` of them. */
export function loadSpansCreate(capacity: number): LoadSpans {
  return {
    count: 0,
    starts: new Float64Array(capacity),
    finishes: new Float64Array(capacity),
    units: new Float64Array(capacity),
    taskIndexes: new Int32Array(capacity),
  }
}

/** Appends a span: wall minutes `start` to `finish` at `units` percent, for the task at `taskIndex`. */
export function loadSpansPush(
  spans: LoadSpans,
  start: number,
  finish: number,
  units: number,
  taskIndex: number,
): void {
  const index = spans.count++
  spans.starts[index] = start
  spans.finishes[index] = finish
  spans.units[index] = units
  spans.taskIndexes[index] = taskIndex
}

/** The load of a resource with nothing assigned (empty day arrays, no periods). */
export function loadEmpty(resource: Resource): ResourceLoad {
  return {
    resourceId: resource.id,
    maxUnits: resource.maxUnits,
    firstDay: 0,
    assigned: new Float64Array(0),
    available: new Float64Array(0),
    peakUnits: new Float64Array(0),
    peakUnitsMax: 0,
    isOverallocated: false,
    isOverDay: new Uint8Array(0),
    periods: [],
    taskIds: [],
  }
}

export function loadResourceFromSpans(
  resource: Resource,
  spans: LoadSpans,
  days: ResourceDayTable,
  taskIdOf: (taskIndex: number) => TaskId,
): ResourceLoad {
  const maxUnits = resource.maxUnits
  const count = spans.count
  if (count === 0) return loadEmpty(resource)
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
  const result: ResourceLoad = {
    resourceId: resource.id,
    maxUnits,
    firstDay,
    assigned,
    available,
    peakUnits,
    peakUnitsMax: 0,
    isOverallocated: false,
    isOverDay,
    periods: [],
    taskIds: taskIdsOfSpans(spans, taskIdOf),
  }
  // Without working time there is nothing available and nothing over-allocated to find.
  if (calendar === null) return result
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

  let highest = 0
  for (let day = 0; day < length; day++)
    if ((peakUnits[day] as number) > highest) highest = peakUnits[day] as number
  result.peakUnitsMax = Math.round(highest * 100) / 100
  result.isOverallocated = openPeriods.length > 0
  result.periods = openPeriods.map((period, ordinal): OverallocationPeriod => {
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
      peakUnits: Math.round(peakRate * 100) / 100,
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
  return result
}

function taskIdsOfSpans(spans: LoadSpans, taskIdOf: (taskIndex: number) => TaskId): TaskId[] {
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
