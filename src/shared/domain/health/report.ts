/**
 * The status report: one page for leadership, composed from the plan's health (`healthCompute`) at its status date
 * and the previous saved report, and saved as a dated snapshot in the plan (`Plan.statusReports`).
 */
import { dateAddDays, dateDayOfWallMinutes, dateFromWallMinutes, dateToWallMinutes } from '../dates'
import type { IsoDateTime, Plan } from '../model'
import { loadCompute, type PlanLoad } from '../load'
import { raidIsOpen, raidItemCode, raidRiskScore, raidSeverity } from '../raid'
import { scheduleProblemsText, scheduleRun } from '../schedule'
import type { Schedule } from '../schedule-types'
import type { HealthRag, StatusReport, StatusReportRaidLine, StatusReportTaskLine } from './model'
import { healthCompute, healthTrend, type HealthTrend } from './rules'

/** Most lines a report lists per section (the page stays one page); the rest is counted in words. */
export const statusReportMaxLines = 12
/** Top risks and issues on the page. */
export const statusReportTopRaid = 5
/** Days of the next period when there is no previous report to measure a period by. */
export const statusReportDefaultPeriodDays = 14
/** Longest commentary or decisions text kept (characters). */
export const statusReportTextMax = 20_000

/** What the project manager types into a report. */
export type StatusReportInput = { commentary: string; decisions: string; savedAt: IsoDateTime }

/**
 * What a plan lacks for a status report, in one sentence naming each missing piece and where to set it; null when
 * it has a status date and the baseline earned value is measured against.
 */
export function statusReportMissing(plan: Plan): string | null {
  const baselineNumber = plan.settings.baselineForEarnedValue
  const baselineName = baselineNumber === 0 ? 'Baseline' : `Baseline ${baselineNumber}`
  const hasBaseline = plan.tasks.some((task) => task.baselines.some((baseline) => baseline.number === baselineNumber))
  const missing: string[] = []
  if (plan.statusDate === null) missing.push('a status date (Project settings > Status date): the report covers the period up to it')
  if (!hasBaseline) missing.push(`a baseline (${baselineName}, the one earned value uses: Project > Set baseline) to measure progress against`)
  if (missing.length === 0) return null
  return `A status report needs ${missing.join(', and ')}. This plan has ${missing.length === 2 ? 'neither' : 'no ' + (plan.statusDate === null ? 'status date' : 'baseline')}.`
}

/** The saved report just before `statusDate` (the latest earlier status date), or null. */
export function statusReportPrevious(reports: readonly StatusReport[], statusDate: IsoDateTime): StatusReport | null {
  let previous: StatusReport | null = null
  for (const report of reports)
    if (report.statusDate < statusDate && (previous === null || report.statusDate > previous.statusDate)) previous = report
  return previous
}

/** Trend of each dimension and the overall rating against the previous report. */
export function statusReportTrends(report: Pick<StatusReport, 'overall' | 'dimensions'>, previous: StatusReport | null): { overall: HealthTrend; dimensions: HealthTrend[] } {
  const previousOf = (key: string): HealthRag | null => previous?.dimensions.find((dimension) => dimension.key === key)?.rag ?? null
  return {
    overall: healthTrend(report.overall, previous?.overall ?? null),
    dimensions: report.dimensions.map((dimension) => healthTrend(dimension.rag, previousOf(dimension.key))),
  }
}

/**
 * Tasks finished in the period (after `from`, exclusive; at or before `to`): leaf tasks at 100 % whose actual finish
 * (else scheduled finish) falls in it, in finish order. `from` null = since the plan began.
 */
export function statusReportDone(plan: Plan, schedule: Schedule, from: IsoDateTime | null, to: IsoDateTime): StatusReportTaskLine[] {
  const lower = from === null ? Number.NEGATIVE_INFINITY : dateToWallMinutes(from)
  const upper = dateToWallMinutes(to)
  const lines: StatusReportTaskLine[] = []
  plan.tasks.forEach((task, index) => {
    if (schedule.isSummary[index] === 1 || (schedule.percentComplete[index] ?? 0) < 100) return
    const finish = task.actualFinish !== null ? dateToWallMinutes(task.actualFinish) : (schedule.finish[index] ?? Number.NaN)
    if (finish > lower && finish <= upper)
      lines.push({ taskId: task.id, name: task.name, start: dateFromWallMinutes(schedule.start[index] ?? 0), finish: dateFromWallMinutes(finish) })
  })
  return lines.sort((a, b) => (a.finish < b.finish ? -1 : a.finish > b.finish ? 1 : 0))
}

/** Leaf tasks not finished that are scheduled to work between `from` and `to` (overlap), in start order. */
export function statusReportPlanned(plan: Plan, schedule: Schedule, from: IsoDateTime, to: IsoDateTime): StatusReportTaskLine[] {
  const lower = dateToWallMinutes(from)
  const upper = dateToWallMinutes(to)
  const lines: StatusReportTaskLine[] = []
  plan.tasks.forEach((task, index) => {
    if (schedule.isSummary[index] === 1 || (schedule.percentComplete[index] ?? 0) >= 100) return
    const start = schedule.start[index] ?? Number.NaN
    const finish = schedule.finish[index] ?? Number.NaN
    if (start < upper && finish > lower)
      lines.push({ taskId: task.id, name: task.name, start: dateFromWallMinutes(start), finish: dateFromWallMinutes(finish) })
  })
  return lines.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
}

/** The open risks and issues that matter most: by score (risks) or priority (issues), highest first. */
export function statusReportTopRisks(plan: Plan): StatusReportRaidLine[] {
  const lines: (StatusReportRaidLine & { severity: number })[] = []
  for (const item of plan.raid) {
    if (!raidIsOpen(item)) continue
    if (item.kind === 'risk')
      lines.push({ raidId: item.id, kind: 'risk', code: raidItemCode(item), title: item.title, owner: item.owner, rating: `score ${raidRiskScore(item)}`, severity: raidSeverity(item) })
    else if (item.kind === 'issue')
      lines.push({ raidId: item.id, kind: 'issue', code: raidItemCode(item), title: item.title, owner: item.owner, rating: `${item.priority} priority`, severity: raidSeverity(item) })
  }
  lines.sort((a, b) => b.severity - a.severity || a.raidId - b.raidId)
  return lines.slice(0, statusReportTopRaid).map(({ severity: _severity, ...line }) => line)
}

export type StatusReportComposed = { ok: true; report: StatusReport } | { ok: false; message: string }

/**
 * The report of the plan as it stands: health at the status date, the period since the previous saved report (done
 * in it), the next period of the same length (14 days for a first report) and what the user typed. Refused with
 * `statusReportMissing`'s sentence when the plan has no status date or no baseline.
 */
export function statusReportCompose(plan: Plan, schedule: Schedule, load: PlanLoad, input: StatusReportInput): StatusReportComposed {
  const missing = statusReportMissing(plan)
  if (missing !== null || plan.statusDate === null) return { ok: false, message: missing ?? 'A status report needs a status date.' }
  const statusDate = plan.statusDate
  const health = healthCompute(plan, schedule, load, statusDate)
  const previous = statusReportPrevious(plan.statusReports, statusDate)
  const periodStart = previous?.statusDate ?? null
  const periodDays =
    periodStart === null
      ? statusReportDefaultPeriodDays
      : Math.max(1, Math.round((dateToWallMinutes(statusDate) - dateToWallMinutes(periodStart)) / 1440))
  const nextEnd = `${dateAddDays(dateDayOfWallMinutes(dateToWallMinutes(statusDate)), periodDays)}${statusDate.slice(10)}`
  const baselineNumber = plan.settings.baselineForEarnedValue
  const perDay = health.minutesPerDay
  const milestones = plan.tasks.flatMap((task, index) => {
    if (!task.isMilestone || schedule.isSummary[index] === 1) return []
    const baseline = task.baselines.find((item) => item.number === baselineNumber)
    const variance = health.earned.finishVariance[index] ?? Number.NaN
    return [
      {
        taskId: task.id,
        name: task.name,
        baselineFinish: baseline?.finish ?? null,
        forecastFinish: dateFromWallMinutes(schedule.finish[index] ?? 0),
        varianceDays: Number.isFinite(variance) ? Math.round((variance / perDay) * 10) / 10 : null,
        isDone: (schedule.percentComplete[index] ?? 0) >= 100,
      },
    ]
  })
  const round = (amount: number) => Math.round(amount * 100) / 100
  const report: StatusReport = {
    id: plan.statusReports.reduce((max, item) => Math.max(max, item.id), 0) + 1,
    statusDate,
    periodStart,
    savedAt: input.savedAt,
    baselineNumber,
    overall: health.overall,
    dimensions: health.dimensions.map(({ key, rag, reason }) => ({ key, rag, reason })),
    done: statusReportDone(plan, schedule, periodStart, statusDate).slice(0, statusReportMaxLines),
    planned: statusReportPlanned(plan, schedule, statusDate, nextEnd).slice(0, statusReportMaxLines),
    milestones: milestones.slice(0, statusReportMaxLines),
    risks: statusReportTopRisks(plan),
    budget: {
      currencyCode: health.budget.currencyCode,
      budget: health.budget.budget === null ? null : round(health.budget.budget),
      actual: round(health.budget.actual),
      forecast: round(health.budget.forecast),
      variance: health.budget.variance === null ? null : round(health.budget.variance),
    },
    commentary: input.commentary.slice(0, statusReportTextMax),
    decisions: input.decisions.slice(0, statusReportTextMax),
  }
  return { ok: true, report }
}

/** Which report to export: a saved one by id, or (`reportId` null) the plan as it stands with the texts typed. */
export type StatusReportChoice = { reportId: number | null; commentary: string; decisions: string }

export type StatusReportResolved =
  | { ok: true; report: StatusReport; previous: StatusReport | null }
  | { ok: false; message: string }

/**
 * The report an export prints and the one before it (for the trend): a saved report by id, or the current one
 * composed from the plan with `choice`'s texts, saved at `savedAt`. Refused with a sentence when the saved report is
 * gone, the plan cannot be scheduled, or it lacks a status date or baseline.
 */
export function statusReportResolve(plan: Plan, choice: StatusReportChoice, savedAt: IsoDateTime): StatusReportResolved {
  if (choice.reportId !== null) {
    const report = plan.statusReports.find((item) => item.id === choice.reportId)
    if (report === undefined) return { ok: false, message: 'That status report is no longer in the plan.' }
    const others = plan.statusReports.filter((item) => item.id !== report.id)
    return { ok: true, report, previous: statusReportPrevious(others, report.statusDate) }
  }
  const missing = statusReportMissing(plan)
  if (missing !== null) return { ok: false, message: missing }
  const scheduled = scheduleRun(plan)
  if (!scheduled.ok)
    return { ok: false, message: `The plan cannot be scheduled, so its status cannot be reported: ${scheduleProblemsText(scheduled.problems)}` }
  const composed = statusReportCompose(plan, scheduled.schedule, loadCompute(plan, scheduled.schedule), { ...choice, savedAt })
  if (!composed.ok) return composed
  return { ok: true, report: composed.report, previous: statusReportPrevious(plan.statusReports, composed.report.statusDate) }
}
