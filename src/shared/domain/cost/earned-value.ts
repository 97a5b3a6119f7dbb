/**
 * Earned value at a status date against one baseline, with Microsoft Project's definitions:
 * - BAC: the baseline cost (Baseline Cost, or Baseline n Cost for `BaselineForEarnedValue` n);
 * - PV = BCWS: the baseline cost scheduled up to the status date. The baseline keeps a task's dates and cost, not its
 *   timephased cost, so it is spread over the baseline dates in the shape the task's cost has now: the parts that fall
 *   at the start (fixed cost and resources accruing at the start, costs per use) at the baseline start, those at the
 *   end at the baseline finish, the rest over the working time of the task's calendar in between. For a plan whose
 *   costs accrue prorated (Microsoft Project's default for resources and fixed costs) that is its timephased
 *   baseline cost;
 * - EV = BCWP: BAC × % complete (or × physical % complete, the earned value method);
 * - AC = ACWP: the actual cost (`cost/compute.ts`) as recorded at the status date;
 * - SV = EV − PV, CV = EV − AC, SPI = EV / PV, CPI = EV / AC (0 when the divisor is 0, as Microsoft Project shows
 *   them), EAC = AC + (BAC − EV) / CPI (the scheduled cost while CPI is 0: Project's EAC equals the cost until actuals
 *   are reported), VAC = BAC − EAC, TCPI = (BAC − EV) / (BAC − AC) (0 when BAC = AC).
 * Summaries and the plan add up their tasks' BAC, PV, EV and AC (plus a summary's own fixed cost and assignments,
 * measured over its own span) and derive the ratios from the sums, as Microsoft Project rolls them up.
 * Amounts are currency units; dates wall minutes.
 */
import { calendarCompile, calendarIsProblem, type CompiledCalendar } from '../calendar'
import { dateToWallMinutes } from '../dates'
import type {
  Baseline,
  BaselineNumber,
  CalendarId,
  EarnedValueMethod,
  IsoDateTime,
  Money,
  Plan,
  Task,
  WallMinutes,
} from '../model'
import type { Schedule } from '../schedule-types'
import type { PlanCost } from './compute'

export type EarnedValueOptions = {
  /** The status date; default the plan's status date. */
  statusDate: IsoDateTime
  /** Default the plan's `baselineForEarnedValue`. */
  baselineNumber?: BaselineNumber
  /** Default the plan's `earnedValueMethod`. */
  method?: EarnedValueMethod
}

/** The earned value figures of a task, a summary or the plan (amounts in currency units, indexes as ratios). */
export type EarnedValueFigures = {
  bac: Money
  pv: Money
  ev: Money
  ac: Money
  sv: Money
  cv: Money
  spi: number
  cpi: number
  eac: Money
  vac: Money
  tcpi: number
  /** The scheduled (forecast) cost: actual + remaining. */
  cost: Money
}

/** Earned value of every task (indexed like `plan.tasks`, summaries rolled up) and of the plan. */
export type PlanEarnedValue = {
  statusDate: WallMinutes
  baselineNumber: BaselineNumber
  method: EarnedValueMethod
  bac: Float64Array
  pv: Float64Array
  ev: Float64Array
  ac: Float64Array
  /** Forecast cost per task (`PlanCost.cost`). */
  cost: Float64Array
  /**
   * Finish − baseline finish in working minutes of the task's calendar (positive = later than the baseline); NaN for a
   * task without a baseline finish.
   */
  finishVariance: Float64Array
  plan: EarnedValueFigures
  /**
   * The plan's finish against the baseline's: its scheduled finish − the latest baseline finish, in working minutes of
   * the project calendar; NaN when no task has a baseline finish.
   */
  planFinishVariance: Minutes
  /** The latest baseline finish of any task (wall minutes), NaN when none. */
  baselineFinish: WallMinutes
}

type Minutes = number

/**
 * Derives the indexes from BAC, PV, EV, AC and the forecast cost, with Microsoft Project's definitions (see the
 * module comment).
 */
export function earnedValueFigures(bac: Money, pv: Money, ev: Money, ac: Money, cost: Money): EarnedValueFigures {
  const spi = pv !== 0 ? ev / pv : 0
  const cpi = ac !== 0 ? ev / ac : 0
  const eac = cpi !== 0 ? ac + (bac - ev) / cpi : cost
  return {
    bac,
    pv,
    ev,
    ac,
    sv: ev - pv,
    cv: ev - ac,
    spi,
    cpi,
    eac,
    vac: bac - eac,
    tcpi: bac - ac !== 0 ? (bac - ev) / (bac - ac) : 0,
    cost,
  }
}

/** The figures of task `index` of a computed earned value. */
export function earnedValueOfTask(value: PlanEarnedValue, index: number): EarnedValueFigures {
  return earnedValueFigures(
    value.bac[index] ?? 0,
    value.pv[index] ?? 0,
    value.ev[index] ?? 0,
    value.ac[index] ?? 0,
    value.cost[index] ?? 0,
  )
}

/** Task `task`'s baseline number `number`, if it was set. */
export function earnedValueBaseline(task: Pick<Task, 'baselines'>, number: BaselineNumber): Baseline | undefined {
  for (const baseline of task.baselines) if (baseline.number === number) return baseline
  return undefined
}

/** Resolves task calendars once per id (compiled calendars are cached per calendar list). */
export function costCalendars(plan: Plan): (calendarId: CalendarId | null) => CompiledCalendar | null {
  const cache = new Map<CalendarId, CompiledCalendar | null>()
  return (calendarId) => {
    const id = calendarId ?? plan.calendarId
    let compiled = cache.get(id)
    if (compiled === undefined) {
      const result = calendarCompile(plan, id)
      compiled = calendarIsProblem(result) ? null : result
      if (compiled === null && id !== plan.calendarId) {
        const fallback = calendarCompile(plan, plan.calendarId)
        compiled = calendarIsProblem(fallback) ? null : fallback
      }
      cache.set(id, compiled)
    }
    return compiled
  }
}

/**
 * The share (0..1) of a span from `start` to `finish` reached at `t`, by working time of `calendar` (elapsed time when
 * the span holds no working time or there is no calendar). A zero-length span is reached all at once at its start.
 */
export function costSpanFraction(calendar: CompiledCalendar | null, start: WallMinutes, finish: WallMinutes, t: WallMinutes): number {
  if (t >= finish) return 1
  if (t <= start) return 0
  if (calendar !== null) {
    const from = calendar.work(start)
    const total = calendar.work(finish) - from
    if (total > 0) return Math.min(1, Math.max(0, (calendar.work(t) - from) / total))
  }
  return (t - start) / (finish - start)
}

/**
 * An amount at `t` that falls `atStart` at `start`, `atEnd` at `finish` and the rest over the span (see
 * `costSpanFraction`).
 */
export function costAccrued(
  calendar: CompiledCalendar | null,
  start: WallMinutes,
  finish: WallMinutes,
  amount: Money,
  atStart: Money,
  atEnd: Money,
  t: WallMinutes,
): Money {
  if (t < start) return 0
  if (t >= finish) return amount
  return atStart + (amount - atStart - atEnd) * costSpanFraction(calendar, start, finish, t)
}

/** Baseline start and finish of a baseline as wall minutes (one standing for the other when blank); null if none. */
export function costBaselineSpan(baseline: Baseline | undefined): { start: WallMinutes; finish: WallMinutes } | null {
  if (baseline === undefined) return null
  const start = baseline.start === null ? null : dateToWallMinutes(baseline.start)
  const finish = baseline.finish === null ? null : dateToWallMinutes(baseline.finish)
  if (start === null && finish === null) return null
  const from = start ?? (finish as number)
  const to = finish ?? from
  return { start: from, finish: Math.max(from, to) }
}

/**
 * Per task: the planned value of its own part (its baseline cost minus what its tasks' baselines hold, for a summary)
 * at `t`, in the shape of its current cost (see the module comment). Exported for the S-curve series.
 */
export function earnedValuePlannedOwn(
  calendar: CompiledCalendar | null,
  span: { start: WallMinutes; finish: WallMinutes },
  bac: Money,
  ownCost: Money,
  atStart: Money,
  atEnd: Money,
  t: WallMinutes,
): Money {
  if (!(bac > 0)) return 0
  const startShare = ownCost > 0 ? Math.min(1, atStart / ownCost) : 0
  const endShare = ownCost > 0 ? Math.min(1 - startShare, atEnd / ownCost) : 0
  return costAccrued(calendar, span.start, span.finish, bac, bac * startShare, bac * endShare, t)
}

/**
 * Computes earned value for every task and for the plan at `options.statusDate` against the chosen baseline (see the
 * module comment for the definitions). `costs` is `costCompute(plan, schedule)`.
 */
export function earnedValueCompute(plan: Plan, schedule: Schedule, costs: PlanCost, options: EarnedValueOptions): PlanEarnedValue {
  const tasks = plan.tasks
  const count = tasks.length
  const number = options.baselineNumber ?? plan.settings.baselineForEarnedValue
  const method = options.method ?? plan.settings.earnedValueMethod
  const statusDate = dateToWallMinutes(options.statusDate)
  const calendarOf = costCalendars(plan)
  const bac = new Float64Array(count)
  const pv = new Float64Array(count)
  const ev = new Float64Array(count)
  const ac = new Float64Array(count)
  const finishVariance = new Float64Array(count).fill(Number.NaN)
  // Cost and actual cost of each summary's subtasks, to find its own part.
  const childCost = new Float64Array(count)
  const childActual = new Float64Array(count)
  const { parent, isSummary, percentComplete, finish } = schedule
  let baselineFinish = Number.NaN
  let planBac = 0
  let planPv = 0
  let planEv = 0
  let planAc = 0
  for (let index = count - 1; index >= 0; index--) {
    const task = tasks[index] as Task
    const summary = isSummary[index] === 1
    const baseline = earnedValueBaseline(task, number)
    const calendar = calendarOf(task.calendarId)
    const span = costBaselineSpan(baseline)
    const baselineCost = baseline?.cost ?? null
    const cost = costs.cost[index] as number
    const actual = costs.actualCost[index] as number
    // A summary's own part: its fixed cost and assignments, beside what its tasks hold.
    const ownCost = summary ? cost - (childCost[index] as number) : cost
    const ownActual = summary ? actual - (childActual[index] as number) : actual
    let ownBac = 0
    if (baselineCost !== null && baselineCost > 0) {
      // The subtasks' BAC is already in bac[index] (children follow their summary, this loop runs backwards).
      ownBac = summary ? (ownCost > 1e-9 ? Math.max(0, baselineCost - (bac[index] as number)) : 0) : baselineCost
    }
    const percent = summary
      ? (percentComplete[index] as number)
      : method === 'physical-percent-complete'
        ? task.physicalPercentComplete
        : task.percentComplete
    const ownPv =
      span === null
        ? 0
        : earnedValuePlannedOwn(
            calendar,
            span,
            ownBac,
            ownCost,
            costs.costAtStart[index] as number,
            costs.costAtEnd[index] as number,
            statusDate,
          )
    bac[index] = (bac[index] as number) + ownBac
    pv[index] = (pv[index] as number) + ownPv
    ev[index] = (ev[index] as number) + (ownBac * Math.min(100, Math.max(0, percent))) / 100
    ac[index] = (ac[index] as number) + ownActual
    if (span !== null && baseline?.finish !== null) {
      const scheduled = finish[index] as number
      if (Number.isFinite(scheduled)) {
        finishVariance[index] =
          calendar === null
            ? scheduled - span.finish
            : calendar.work(scheduled) - calendar.work(span.finish)
      }
      if (!(span.finish <= baselineFinish)) baselineFinish = span.finish
    }
    const up = parent[index] as number
    if (up >= 0) {
      bac[up] = (bac[up] as number) + (bac[index] as number)
      pv[up] = (pv[up] as number) + (pv[index] as number)
      ev[up] = (ev[up] as number) + (ev[index] as number)
      ac[up] = (ac[up] as number) + (ac[index] as number)
      childCost[up] = (childCost[up] as number) + cost
      childActual[up] = (childActual[up] as number) + actual
    } else {
      planBac += bac[index] as number
      planPv += pv[index] as number
      planEv += ev[index] as number
      planAc += ac[index] as number
    }
  }
  const projectCalendar = calendarOf(null)
  let planFinishVariance = Number.NaN
  if (Number.isFinite(baselineFinish) && Number.isFinite(schedule.projectFinish)) {
    planFinishVariance =
      projectCalendar === null
        ? schedule.projectFinish - baselineFinish
        : projectCalendar.work(schedule.projectFinish) - projectCalendar.work(baselineFinish)
  }
  return {
    statusDate,
    baselineNumber: number,
    method,
    bac,
    pv,
    ev,
    ac,
    cost: costs.cost,
    finishVariance,
    plan: earnedValueFigures(planBac, planPv, planEv, planAc, costs.total),
    planFinishVariance,
    baselineFinish,
  }
}
