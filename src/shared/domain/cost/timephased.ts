/**
 * Cost over time, for charts: the cost per week (or day, or month) and the cumulative planned value, earned value and
 * actual cost at each period's end (the S-curve).
 *
 * Cost per period comes from each assignment's work distribution: its rate cost spread over the working time of its
 * calendar between its scheduled start and finish (the resource's calendar with its days off; the task's calendar
 * when the task ignores resource calendars or the resource has no working time there; a flat contour, as Gantry
 * schedules work), its cost per use at its start, a resource accruing at the start or the end putting the rate cost
 * there; and each task's fixed cost by its accrual over the task's span on the task's calendar.
 */
import { dateFromDayNumber, dateFromWallMinutes, dateToDayNumber, dateWeekday } from '../dates'
import { resourceCalendarDays } from '../load/calendars'
import type { Assignment, BaselineNumber, IsoDate, IsoDateTime, Minutes, Money, Percent, Plan, Resource, ResourceId, Task, WallMinutes } from '../model'
import type { Schedule } from '../schedule-types'
import { costAssignment, costTaskFinished, costTaskStarted, type PlanCost } from './compute'
import type { CompiledCalendar } from '../calendar'
import {
  costAccrued,
  costBaselineSpan,
  costCalendars,
  earnedValueBaseline,
  type PlanEarnedValue,
} from './earned-value'

export type CostPeriodKind = 'day' | 'week' | 'month'

/** One period of a time-phased series: from `start` (inclusive) to `end` (exclusive), both days. */
export type CostPeriod = { start: IsoDate; end: IsoDate; cost: Money; cumulative: Money }

export type CostPeriodOptions = {
  period: CostPeriodKind
  /** First and last day to cover (default: the schedule's project start and finish). */
  from?: IsoDate
  to?: IsoDate
  /** Only this resource's assignments (no fixed costs): the resource's cost per period, for the usage view. */
  resourceId?: ResourceId
}

/** Most periods one series may hold (a century of weeks); a longer range is cut at the end. */
export const costPeriodsMax = 5_300

/** Period boundaries (day numbers) covering days `fromDay..toDay`: weeks begin on the plan's first weekday. */
export function costPeriodBoundaries(plan: Plan, kind: CostPeriodKind, fromDay: number, toDay: number): number[] {
  const days: number[] = []
  let day = fromDay
  if (kind === 'week') day -= (dateWeekday(fromDay) - plan.settings.weekStartDay + 7) % 7
  if (kind === 'month') day = dateToDayNumber(`${dateFromDayNumber(fromDay).slice(0, 7)}-01`)
  days.push(day)
  while (day <= toDay && days.length <= costPeriodsMax) {
    if (kind === 'day') day += 1
    else if (kind === 'week') day += 7
    else {
      const text = dateFromDayNumber(day)
      const year = Number(text.slice(0, 4))
      const month = Number(text.slice(5, 7))
      day = dateToDayNumber(month === 12 ? `${String(year + 1).padStart(4, '0')}-01-01` : `${text.slice(0, 4)}-${String(month + 1).padStart(2, '0')}-01`)
    }
    days.push(day)
  }
  return days
}

/**
 * Increments of a cumulative amount (currency units, or minutes of work for the burn-down) between boundaries (wall
 * minutes, ascending): `values[k]` is what is reached after boundary k − 1 and by boundary k (`values[0]` everything
 * by the first one). Adding an amount spread over a span costs one step per boundary the span crosses.
 */
export class CostBuckets {
  readonly values: Float64Array
  constructor(readonly boundaries: Float64Array) {
    this.values = new Float64Array(boundaries.length)
  }

  /** Adds an amount falling `atStart` at `start`, `atEnd` at `finish` and the rest over the span's working time. */
  add(calendar: CompiledCalendar | null, start: WallMinutes, finish: WallMinutes, amount: Money, atStart: Money, atEnd: Money): void {
    if (!(amount !== 0) || !Number.isFinite(start) || !Number.isFinite(finish)) return
    const boundaries = this.boundaries
    let low = 0
    let high = boundaries.length
    while (low < high) {
      const middle = (low + high) >> 1
      if ((boundaries[middle] as number) < start) low = middle + 1
      else high = middle
    }
    let previous = 0
    for (let k = low; k < boundaries.length; k++) {
      const reached = costAccrued(calendar, start, finish, amount, atStart, atEnd, boundaries[k] as number)
      this.values[k] = (this.values[k] as number) + reached - previous
      previous = reached
      if ((boundaries[k] as number) >= finish) break
    }
  }
}

function rangeOf(schedule: Schedule, options: { from?: IsoDate; to?: IsoDate }): { fromDay: number; toDay: number } {
  const fromDay = options.from !== undefined ? dateToDayNumber(options.from) : Math.floor(schedule.projectStart / 1440)
  const toDay = options.to !== undefined ? dateToDayNumber(options.to) : Math.floor(schedule.projectFinish / 1440)
  return { fromDay, toDay: Math.max(fromDay, toDay) }
}

/** The calendar an assignment's work is spread over (see the module comment). */
function assignmentCalendar(
  plan: Plan,
  task: Task,
  resource: Resource,
  taskCalendar: CompiledCalendar | null,
  start: WallMinutes,
  finish: WallMinutes,
): CompiledCalendar | null {
  if (task.ignoresResourceCalendars) return taskCalendar
  const own = resourceCalendarDays(plan, resource).calendar
  if (own !== null && finish > start && own.work(finish) - own.work(start) > 0) return own
  return taskCalendar
}

/**
 * The plan's cost per period (see the module comment) over `options.from..to` (default the project's span), with
 * the running total. Amounts before the first period count in the first one.
 */
export function costTimephased(plan: Plan, schedule: Schedule, options: CostPeriodOptions): CostPeriod[] {
  const { fromDay, toDay } = rangeOf(schedule, options)
  const days = costPeriodBoundaries(plan, options.period, fromDay, toDay)
  // Boundary k (k >= 0) is the end of period k: the start of day days[k + 1].
  const boundaries = new Float64Array(days.length - 1)
  for (let k = 1; k < days.length; k++) boundaries[k - 1] = (days[k] as number) * 1440 - 1e-6
  const buckets = new CostBuckets(boundaries)
  const calendarOf = costCalendars(plan)
  const resources = new Map(plan.resources.map((resource) => [resource.id, resource]))
  const { indexOf, assignmentStart, assignmentFinish, assignmentWork, start, finish } = schedule
  plan.assignments.forEach((assignment: Assignment, position) => {
    const taskIndex = indexOf.get(assignment.taskId)
    const resource = resources.get(assignment.resourceId)
    if (taskIndex === undefined || resource === undefined) return
    if (options.resourceId !== undefined && assignment.resourceId !== options.resourceId) return
    const task = plan.tasks[taskIndex] as Task
    const from = assignmentStart[position] as number
    const to = assignmentFinish[position] as number
    const work = assignmentWork[position] as number
    const figures = costAssignment(resource, Number.isFinite(work) ? work : assignment.work, 0, costTaskStarted(task), costTaskFinished(task))
    const calendar = assignmentCalendar(plan, task, resource, calendarOf(task.calendarId), from, to)
    const rateAtStart = resource.costAccrual === 'start' ? figures.rateCost : 0
    const rateAtEnd = resource.costAccrual === 'end' ? figures.rateCost : 0
    buckets.add(calendar, from, Math.max(from, to), figures.cost, figures.costPerUse + rateAtStart, rateAtEnd)
  })
  plan.tasks.forEach((task, index) => {
    if (!(task.fixedCost > 0) || options.resourceId !== undefined) return
    const from = start[index] as number
    const to = Math.max(from, finish[index] as number)
    const atStart = task.fixedCostAccrual === 'start' ? task.fixedCost : 0
    const atEnd = task.fixedCostAccrual === 'end' ? task.fixedCost : 0
    buckets.add(calendarOf(task.calendarId), from, to, task.fixedCost, atStart, atEnd)
  })
  const periods: CostPeriod[] = []
  let cumulative = 0
  for (let k = 0; k < boundaries.length; k++) {
    const cost = buckets.values[k] as number
    cumulative += cost
    periods.push({ start: dateFromDayNumber(days[k] as number), end: dateFromDayNumber(days[k + 1] as number), cost, cumulative })
  }
  // What falls after the last period (a range cut short) is not in any period; `costCompute` gives the whole.
  return periods
}

/**
 * The period a time series of the whole plan is drawn in, by the schedule's span: days up to 120 days, weeks up to
 * three years, months beyond (a few hundred points at most).
 */
export function costSeriesPeriod(schedule: Pick<Schedule, 'projectStart' | 'projectFinish'>): CostPeriodKind {
  const span = (schedule.projectFinish - schedule.projectStart) / 1440
  return span > 3 * 365 ? 'month' : span > 120 ? 'week' : 'day'
}

/**
 * The dates (wall minutes, ascending) a series of the whole plan has a point at: the end of each period from the
 * earliest baseline (`baselineNumber`) or scheduled start to the latest baseline or scheduled finish, widened to
 * take in the status date, plus the status date itself; with `withStart` also the first period's start (where a
 * burn-down begins at its full height). Empty when the schedule has no dates.
 */
export function costSeriesEnds(
  plan: Plan,
  schedule: Schedule,
  baselineNumber: BaselineNumber,
  statusDate: WallMinutes,
  period: CostPeriodKind,
  withStart = false,
): Float64Array {
  let first = schedule.projectStart
  let last = Math.max(schedule.projectFinish, statusDate)
  for (const task of plan.tasks) {
    const span = costBaselineSpan(earnedValueBaseline(task, baselineNumber))
    if (span === null) continue
    if (span.start < first) first = span.start
    if (span.finish > last) last = span.finish
  }
  if (!Number.isFinite(first) || !Number.isFinite(last) || !Number.isFinite(statusDate)) return new Float64Array(0)
  if (statusDate < first) first = statusDate
  const days = costPeriodBoundaries(plan, period, Math.floor(first / 1440), Math.floor(last / 1440))
  const ends: number[] = []
  for (let k = withStart ? 0 : 1; k < days.length; k++) ends.push((days[k] as number) * 1440)
  if (!ends.includes(statusDate)) ends.push(statusDate)
  ends.sort((a, b) => a - b)
  return Float64Array.from(ends)
}

/**
 * Where a task's completed part ends (wall minutes): the point `percent` % of its duration (`duration` working
 * minutes of `calendar`) after `start`, its finish at 100 % or without a calendar.
 */
export function costCompletedThrough(
  calendar: CompiledCalendar | null,
  start: WallMinutes,
  finish: WallMinutes,
  duration: Minutes,
  percent: Percent,
): WallMinutes {
  const share = Math.min(100, Math.max(0, percent))
  if (share >= 100 || calendar === null) return finish
  return calendar.finishAt(calendar.work(start) + (duration * share) / 100)
}

/** One point of the S-curve: cumulative amounts at `date`; EV and AC only up to the status date (null after). */
export type EarnedValuePoint = { date: IsoDateTime; pv: Money; ev: Money | null; ac: Money | null }

/**
 * The S-curve: cumulative planned value, earned value and actual cost at the start of the first period (all 0, so the
 * curve rises from nothing) and at the end of each period from the earliest baseline or scheduled start to the latest
 * baseline or scheduled finish, with one point at the status date itself.
 * PV follows each task's baseline as in `earnedValueCompute`; EV and AC are spread over each task's completed part
 * (from its start through its % complete, cut at the status date), so the point at the status date equals the plan's
 * EV and AC. `value` is `earnedValueCompute(plan, schedule, costs, …)`.
 */
export function earnedValueSeries(
  plan: Plan,
  schedule: Schedule,
  costs: PlanCost,
  value: PlanEarnedValue,
  period: CostPeriodKind,
): EarnedValuePoint[] {
  const calendarOf = costCalendars(plan)
  const { start, finish, duration, percentComplete } = schedule
  const statusDate = value.statusDate
  const boundaries = costSeriesEnds(plan, schedule, value.baselineNumber, statusDate, period, true)
  if (boundaries.length === 0) return []
  const pvBuckets = new CostBuckets(boundaries)
  const evBuckets = new CostBuckets(boundaries)
  const acBuckets = new CostBuckets(boundaries)
  const count = plan.tasks.length
  // Own parts only: a summary's figures minus its subtasks' (each subtask adds its own).
  const own = { bac: Float64Array.from(value.bac), ev: Float64Array.from(value.ev), ac: Float64Array.from(value.ac), cost: Float64Array.from(costs.cost) }
  for (let index = 0; index < count; index++) {
    const up = schedule.parent[index] as number
    if (up < 0) continue
    own.bac[up] = (own.bac[up] as number) - (value.bac[index] as number)
    own.ev[up] = (own.ev[up] as number) - (value.ev[index] as number)
    own.ac[up] = (own.ac[up] as number) - (value.ac[index] as number)
    own.cost[up] = (own.cost[up] as number) - (costs.cost[index] as number)
  }
  for (let index = 0; index < count; index++) {
    const task = plan.tasks[index] as Task
    const calendar = calendarOf(task.calendarId)
    const ownBac = own.bac[index] as number
    const ownEv = own.ev[index] as number
    const ownAc = own.ac[index] as number
    const ownCost = own.cost[index] as number
    const span = costBaselineSpan(earnedValueBaseline(task, value.baselineNumber))
    if (span !== null && ownBac > 1e-9) {
      const atStart = costs.costAtStart[index] as number
      const atEnd = costs.costAtEnd[index] as number
      const startShare = ownCost > 0 ? Math.min(1, atStart / ownCost) : 0
      const endShare = ownCost > 0 ? Math.min(1 - startShare, atEnd / ownCost) : 0
      pvBuckets.add(calendar, span.start, span.finish, ownBac, ownBac * startShare, ownBac * endShare)
    }
    if (ownEv <= 1e-9 && ownAc <= 1e-9) continue
    // The completed part: from the start through % complete of the duration, cut at the status date.
    const from = start[index] as number
    if (!Number.isFinite(from)) continue
    let through = costCompletedThrough(calendar, from, finish[index] as number, duration[index] as number, percentComplete[index] as number)
    // Progress recorded for a task that starts after the status date counts at the status date.
    const startAt = Math.min(from, statusDate)
    through = Math.min(Math.max(through, startAt), statusDate)
    evBuckets.add(calendar, startAt, through, ownEv, 0, 0)
    acBuckets.add(calendar, startAt, through, ownAc, 0, 0)
  }
  const points: EarnedValuePoint[] = []
  let pv = 0
  let ev = 0
  let ac = 0
  for (let k = 0; k < boundaries.length; k++) {
    const at = boundaries[k] as number
    pv += pvBuckets.values[k] as number
    ev += evBuckets.values[k] as number
    ac += acBuckets.values[k] as number
    points.push({ date: dateFromWallMinutes(at), pv, ev: at <= statusDate ? ev : null, ac: at <= statusDate ? ac : null })
  }
  return points
}
