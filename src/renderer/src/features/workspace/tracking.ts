/**
 * The tracking figures the workspace shows beside the schedule (issue 16): cost, actual and remaining cost
 * (`costCompute`) and earned value at the status date (`earnedValueCompute`), computed once per plan version and
 * status date, and only when a view asks (a cost or earned value column, the details, the Earned value view). Also
 * the variances against a baseline and the texts of money, indexes and variances as the grid shows them.
 */
import {
  costBudgetAlerts,
  costCalendars,
  costCompute,
  costFormatMoney,
  earnedValueBaseline,
  earnedValueCompute,
  type CostBudgetAlert,
  type PlanCost,
  type PlanEarnedValue,
} from '../../../../shared/domain/cost'
import type { CompiledCalendar } from '../../../../shared/domain/calendar'
import { dateClockText, dateLocalNow, dateToWallMinutes } from '../../../../shared/domain/dates'
import { durationFormat } from '../../../../shared/domain/durations'
import type { Baseline, BaselineNumber, IsoDateTime, Plan } from '../../../../shared/domain/model'
import type { Schedule } from '../../../../shared/domain/schedule-types'

export type TrackingFigures = {
  costs: PlanCost
  value: PlanEarnedValue
  alerts: CostBudgetAlert[]
  /** Minutes of work done per task (a summary: its tasks' sum), indexed like `plan.tasks`. */
  actualWork: Float64Array
  /** The status date used: the plan's, or the end of today's working hours when the plan has none. */
  statusDate: IsoDateTime
  isStatusDateToday: boolean
}

/** The status date earned value is measured at: the plan's, or today at the plan's default finish time. */
export function trackingStatusDate(plan: Plan, now: IsoDateTime = dateLocalNow()): { date: IsoDateTime; isToday: boolean } {
  if (plan.statusDate !== null) return { date: plan.statusDate, isToday: false }
  return { date: `${now.slice(0, 10)}T${dateClockText(plan.settings.defaultFinishTime)}:00`, isToday: true }
}

const cache = new WeakMap<Schedule, { plan: Plan; statusDate: IsoDateTime; figures: TrackingFigures }>()

/** Cost and earned value of `plan` (scheduled as `schedule`) at its status date; cached per version and date. */
export function trackingOf(plan: Plan, schedule: Schedule): TrackingFigures {
  const status = trackingStatusDate(plan)
  const cached = cache.get(schedule)
  if (cached !== undefined && cached.plan === plan && cached.statusDate === status.date) return cached.figures
  const costs = costCompute(plan, schedule)
  const value = earnedValueCompute(plan, schedule, costs, { statusDate: status.date })
  const actualWork = new Float64Array(plan.tasks.length)
  for (let index = plan.tasks.length - 1; index >= 0; index--) {
    if (schedule.isSummary[index] !== 1) actualWork[index] = plan.tasks[index]?.actualWork ?? 0
    const up = schedule.parent[index] ?? -1
    if (up >= 0) actualWork[up] = (actualWork[up] ?? 0) + (actualWork[index] ?? 0)
  }
  const figures: TrackingFigures = {
    costs,
    value,
    alerts: costBudgetAlerts(plan, costs),
    actualWork,
    statusDate: status.date,
    isStatusDateToday: status.isToday,
  }
  cache.set(schedule, { plan, statusDate: status.date, figures })
  return figures
}

const moneyFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

/** An amount as a grid cell shows it: `1,250.00` (the currency is in the column header and the settings). */
export function trackingMoneyText(amount: number): string {
  if (!Number.isFinite(amount)) return ''
  const rounded = Math.round(amount * 100) / 100
  return moneyFormat.format(Object.is(rounded, -0) ? 0 : rounded)
}

/** An amount with the plan's currency: `1,250.00 EUR`. */
export function trackingMoney(amount: number, plan: Plan): string {
  return costFormatMoney(amount, plan.settings.currencyCode)
}

/** SPI, CPI, TCPI with two decimals. */
export function trackingIndexText(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : ''
}

/** A variance in working days of the plan, signed: `+2d`, `-0.5d`, `0d`. */
export function trackingDaysText(minutes: number, plan: Plan): string {
  if (!Number.isFinite(minutes)) return ''
  const text = durationFormat(Math.abs(minutes), 'd', plan.settings)
  return minutes > 0.5 ? `+${text}` : minutes < -0.5 ? `-${text}` : '0d'
}

/** Working minutes between two wall minutes on a calendar (negative when `to` is before `from`). */
export function trackingWorkingBetween(calendar: CompiledCalendar | null, from: number, to: number): number {
  if (!Number.isFinite(from) || !Number.isFinite(to)) return Number.NaN
  return calendar === null ? to - from : calendar.work(to) - calendar.work(from)
}

/** The task's baseline `number`, or null. */
export function trackingBaselineOf(plan: Plan, index: number, number: BaselineNumber): Baseline | null {
  const task = plan.tasks[index]
  return task === undefined ? null : (earnedValueBaseline(task, number) ?? null)
}

const calendarCache = new WeakMap<Plan, ReturnType<typeof costCalendars>>()

/** The compiled calendar of a task (its own, or the project's). */
export function trackingTaskCalendar(plan: Plan, index: number): CompiledCalendar | null {
  let calendarOf = calendarCache.get(plan)
  if (calendarOf === undefined) {
    calendarOf = costCalendars(plan)
    calendarCache.set(plan, calendarOf)
  }
  return calendarOf(plan.tasks[index]?.calendarId ?? null)
}

/** Start or finish variance of a task against a baseline in working minutes of its calendar (NaN without one). */
export function trackingDateVariance(plan: Plan, schedule: Schedule, index: number, number: BaselineNumber, which: 'start' | 'finish'): number {
  const baseline = trackingBaselineOf(plan, index, number)
  const planned = which === 'start' ? baseline?.start : baseline?.finish
  if (planned === null || planned === undefined) return Number.NaN
  const scheduled = (which === 'start' ? schedule.start : schedule.finish)[index] ?? Number.NaN
  return trackingWorkingBetween(trackingTaskCalendar(plan, index), dateToWallMinutes(planned), scheduled)
}

/** "Baseline" or "Baseline 3", as Microsoft Project names them. */
export function trackingBaselineName(number: BaselineNumber): string {
  return number === 0 ? 'Baseline' : `Baseline ${number}`
}
