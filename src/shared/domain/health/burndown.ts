/**
 * The burn-down of remaining work for the health dashboard: the plan's work still to do at the end of each period,
 * as the baseline planned it, as it was actually done up to the status date, and as the current schedule forecasts
 * it after. Work is in minutes of work (`Schedule.work`); dates are wall minutes.
 *
 * Each task counts its own work once: a leaf task its work, a summary only its own assignments' work (its work minus
 * its tasks'), so nothing is counted twice. A material resource's work is a quantity, not time, and is not work here
 * (as it is not in `Schedule.work`). The spreading over working time is the S-curve's (`timephased.ts`).
 */
import {
  CostBuckets,
  costBaselineSpan,
  costCalendars,
  costCompletedThrough,
  costSeriesEnds,
  earnedValueBaseline,
  type CostPeriodKind,
} from '../cost'
import { dateFromWallMinutes, dateToWallMinutes } from '../dates'
import type { BaselineNumber, IsoDateTime, Minutes, Plan, Task, WallMinutes } from '../model'
import type { Schedule } from '../schedule-types'

/** One point of the burn-down: remaining work (minutes of work) at `date`. */
export type HealthBurndownPoint = {
  date: IsoDateTime
  /** The baseline's work not yet due by `date` on the baseline's dates; null when the plan lacks that baseline or it holds no work. */
  baseline: Minutes | null
  /** Work − work done by `date`, up to the status date (null after it). */
  actual: Minutes | null
  /** The work the current schedule still has to do after `date`, from the status date on (null before it). */
  forecast: Minutes | null
}

/** The burn-down series with the figures its description states. */
export type HealthBurndown = {
  points: HealthBurndownPoint[]
  statusDate: WallMinutes
  /** The plan's work (minutes of work). */
  work: Minutes
  /** Work done by the status date (minutes of work). */
  done: Minutes
  /** Work remaining at the status date: `work − done` (minutes of work). */
  remaining: Minutes
  /** The baseline's work, and what of it the baseline left for after the status date; null without the baseline. */
  baselineWork: Minutes | null
  baselineRemaining: Minutes | null
  /** When the current schedule finishes the remaining work (wall minutes); NaN when no work remains. */
  forecastFinish: WallMinutes
  /** When the baseline finishes its work (wall minutes); NaN without the baseline or baseline work. */
  baselineFinish: WallMinutes
}

/** Work done of one task's own part (minutes of work): all of it at 100 %, else its actual work, else its % complete. */
function doneOf(task: Task, work: Minutes, percent: number): Minutes {
  if (!(work > 0)) return 0
  if (percent >= 100) return work
  if (task.actualWork > 0) return Math.min(work, task.actualWork)
  return (work * Math.min(100, Math.max(0, percent))) / 100
}

/**
 * The burn-down of the plan's remaining work at the end of each `period` (see `costSeriesEnds`: from the first
 * period's start, where nothing is done, to the latest baseline or scheduled finish, with a point at `statusDate`):
 * - `baseline`: the baseline work of baseline `baselineNumber` minus what of it was due by then, each task's spread
 *   over its baseline start..finish on its calendar's working time; null all through when no task has that baseline
 *   with work in it;
 * - `actual` (up to the status date): the plan's work minus the work done by then, each task's done part (its actual
 *   work, or work × % complete) spread from its start through the point its % complete of the duration reaches, cut
 *   at the status date (as `earnedValueSeries` spreads earned value);
 * - `forecast` (from the status date): the work not done, spread from the status date (or the completed part's end,
 *   if later) to the task's scheduled finish; equal to `actual` at the status date and 0 at the end.
 * One pass over the tasks and assignments; each task costs a step per period its spans cross.
 */
export function healthBurndown(
  plan: Plan,
  schedule: Schedule,
  baselineNumber: BaselineNumber,
  statusDate: IsoDateTime,
  period: CostPeriodKind,
): HealthBurndown {
  const status = dateToWallMinutes(statusDate)
  const tasks = plan.tasks
  const count = tasks.length
  const { start, finish, duration, percentComplete, isSummary, parent } = schedule

  // Own work and own baseline work: a summary's figure minus its tasks' (its own assignments).
  const ownWork = Float64Array.from(schedule.work)
  const ownBaseline = new Float64Array(count)
  let hasBaseline = false
  for (let index = 0; index < count; index++) {
    const baseline = earnedValueBaseline(tasks[index] as Task, baselineNumber)
    // A baseline saved without work (as Microsoft Project saves a cost-only one) has no line to draw.
    if ((baseline?.work ?? 0) > 0) hasBaseline = true
    ownBaseline[index] = (ownBaseline[index] as number) + (baseline?.work ?? 0)
    const up = parent[index] as number
    if (up < 0) continue
    ownWork[up] = (ownWork[up] as number) - (schedule.work[index] as number)
    ownBaseline[up] = (ownBaseline[up] as number) - (baseline?.work ?? 0)
  }
  // A summary's actual work is its own assignments' (its stored figure may be a roll-up, as an MSPDI file writes it).
  const summaryDone = new Float64Array(count)
  const materials = new Set(plan.resources.filter((resource) => resource.type === 'material').map((resource) => resource.id))
  for (const assignment of plan.assignments) {
    const index = schedule.indexOf.get(assignment.taskId)
    if (index === undefined || isSummary[index] !== 1 || materials.has(assignment.resourceId)) continue
    summaryDone[index] = (summaryDone[index] as number) + Math.max(0, assignment.actualWork)
  }

  const boundaries = costSeriesEnds(plan, schedule, baselineNumber, status, period, true)
  const baselineBuckets = new CostBuckets(boundaries)
  const doneBuckets = new CostBuckets(boundaries)
  const forecastBuckets = new CostBuckets(boundaries)
  const calendarOf = costCalendars(plan)
  let work = 0
  let done = 0
  let baselineWork = 0
  let forecastFinish = Number.NaN
  let baselineFinish = Number.NaN
  for (let index = 0; index < count; index++) {
    const task = tasks[index] as Task
    const calendar = calendarOf(task.calendarId)
    const planned = Math.max(0, ownBaseline[index] as number)
    const span = planned > 0 ? costBaselineSpan(earnedValueBaseline(task, baselineNumber)) : null
    if (span !== null) {
      baselineWork += planned
      baselineBuckets.add(calendar, span.start, span.finish, planned, 0, 0)
      if (!(span.finish <= baselineFinish)) baselineFinish = span.finish
    }
    const own = Math.max(0, ownWork[index] as number)
    const from = start[index] as number
    const to = finish[index] as number
    if (!(own > 0) || !Number.isFinite(from) || !Number.isFinite(to)) continue
    const summary = isSummary[index] === 1
    const ownDone = summary ? Math.min(own, summaryDone[index] as number) : doneOf(task, own, percentComplete[index] as number)
    const percent = summary ? (ownDone / own) * 100 : (percentComplete[index] as number)
    work += own
    done += ownDone
    let through = costCompletedThrough(calendar, from, to, duration[index] as number, percent)
    if (ownDone > 0) {
      // Progress recorded on a task scheduled after the status date counts at the status date (as earned value).
      const startAt = Math.min(from, status)
      doneBuckets.add(calendar, startAt, Math.min(Math.max(through, startAt), status), ownDone, 0, 0)
    } else through = from
    const left = own - ownDone
    if (left > 1e-9) {
      const restFrom = Math.max(status, through)
      const restTo = Math.max(restFrom, to)
      forecastBuckets.add(calendar, restFrom, restTo, left, 0, 0)
      if (!(restTo <= forecastFinish)) forecastFinish = restTo
    }
  }

  const points: HealthBurndownPoint[] = []
  let baselineDue = 0
  let doneBy = 0
  let forecastDone = 0
  let baselineRemaining: number | null = null
  for (let k = 0; k < boundaries.length; k++) {
    const at = boundaries[k] as number
    baselineDue += baselineBuckets.values[k] as number
    doneBy += doneBuckets.values[k] as number
    forecastDone += forecastBuckets.values[k] as number
    const actual = at <= status ? Math.max(0, work - doneBy) : null
    // At the status date the forecast starts where the actual line ends (work overdue by then is still to do).
    const forecast = at < status ? null : at === status ? actual : Math.max(0, work - done - forecastDone)
    const baseline = hasBaseline ? Math.max(0, baselineWork - baselineDue) : null
    if (at === status) baselineRemaining = baseline
    points.push({ date: dateFromWallMinutes(at), baseline, actual, forecast })
  }
  return {
    points,
    statusDate: status,
    work,
    done,
    remaining: Math.max(0, work - done),
    baselineWork: hasBaseline ? baselineWork : null,
    baselineRemaining,
    forecastFinish,
    baselineFinish,
  }
}
