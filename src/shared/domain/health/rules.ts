/**
 * The written Red/Amber/Green rules of the health dashboard, each a pure function of its figures and the plan's
 * thresholds (`HealthThresholds`), with the reason in words. `healthCompute` reads the figures from a scheduled plan.
 */
import { costCompute, costFormatMoney, earnedValueCompute, type PlanCost, type PlanEarnedValue } from '../cost'
import { dateDayOfWallMinutes, dateFromWallMinutes, dateLocalNow, dateToWallMinutes } from '../dates'
import type { IsoDateTime, Plan, TaskId } from '../model'
import type { PlanLoad } from '../load'
import { raidIsOpen, raidRiskScore } from '../raid'
import type { Schedule } from '../schedule-types'
import type { HealthDimensionKey, HealthRag, HealthThresholds } from './model'

/** Names of the dimensions as the dashboard and the report title them. */
export const healthDimensionNames: Record<HealthDimensionKey, string> = {
  schedule: 'Schedule',
  cost: 'Cost',
  resources: 'Resources',
  scope: 'Scope',
  risk: 'Risk',
}

export const healthRagNames: Record<HealthRag, string> = { green: 'Green', amber: 'Amber', red: 'Red', unknown: 'Not rated' }

const severity: Record<HealthRag, number> = { unknown: -1, green: 0, amber: 1, red: 2 }

/** The worse of two ratings; `unknown` only when both are. */
export function healthRagWorst(a: HealthRag, b: HealthRag): HealthRag {
  return severity[a] >= severity[b] ? a : b
}

/** One dimension's rating with its reason (one or two sentences) and the tasks behind it. */
export type HealthDimension = { key: HealthDimensionKey; rag: HealthRag; reason: string; taskIds: TaskId[] }

const ratio = (value: number) => value.toFixed(2)
const days = (value: number) => `${Number(value.toFixed(1))} working ${Math.abs(value) === 1 ? 'day' : 'days'}`

/** A "lower is worse" figure: red strictly below `red`, amber strictly below `amber`. */
export function healthRateBelow(value: number, amber: number, red: number): HealthRag {
  if (value < red) return 'red'
  if (value < amber) return 'amber'
  return 'green'
}

/** A "higher is worse" figure: red strictly above `red`, amber strictly above `amber`. */
export function healthRateAbove(value: number, amber: number, red: number): HealthRag {
  if (value > red) return 'red'
  if (value > amber) return 'amber'
  return 'green'
}

/** A count: red at `red` or more, amber at `amber` or more. */
export function healthRateCount(count: number, amber: number, red: number): HealthRag {
  if (count >= red) return 'red'
  if (count >= amber) return 'amber'
  return 'green'
}

/**
 * Schedule: SPI (null when nothing was planned by the status date) and the forecast finish against the baseline
 * finish in working days (null without a baseline finish); the worse of the two, or the one that is known.
 */
export function healthRuleSchedule(spi: number | null, slipDays: number | null, t: HealthThresholds): Pick<HealthDimension, 'rag' | 'reason'> {
  if (slipDays === null && spi === null) return { rag: 'unknown', reason: 'No baseline: set a baseline to compare the schedule with.' }
  const parts: string[] = []
  let rag: HealthRag = 'green'
  if (slipDays === null) parts.push('The baseline has no finish date to compare the forecast finish with.')
  else {
    const finish =
      slipDays > 0
        ? `The forecast finish is ${days(slipDays)} after the baseline finish`
        : slipDays < 0
          ? `The forecast finish is ${days(-slipDays)} before the baseline finish`
          : 'The forecast finish is on the baseline finish'
    parts.push(`${finish} (amber above ${t.slipAmberDays}, red above ${t.slipRedDays}).`)
    rag = healthRateAbove(slipDays, t.slipAmberDays, t.slipRedDays)
  }
  if (spi === null) parts.push('SPI not measured yet: no work was planned by the status date.')
  else {
    rag = healthRagWorst(rag, healthRateBelow(spi, t.spiAmber, t.spiRed))
    parts.push(`SPI ${ratio(spi)} (amber below ${t.spiAmber}, red below ${t.spiRed}).`)
  }
  return { rag, reason: parts.join(' ') }
}

/**
 * Cost: CPI (null when no cost was spent yet) and the forecast (EAC) over the budget in percent (null without a
 * budget); the worse of the two.
 */
export function healthRuleCost(
  cpi: number | null,
  overrunPercent: number | null,
  t: HealthThresholds,
): Pick<HealthDimension, 'rag' | 'reason'> {
  if (cpi === null && overrunPercent === null)
    return { rag: 'unknown', reason: 'No cost to rate: no actual cost yet and no budget or baseline cost.' }
  const parts: string[] = []
  let rag: HealthRag = 'unknown'
  if (overrunPercent !== null) {
    rag = healthRateAbove(overrunPercent, t.overrunAmberPercent, t.overrunRedPercent)
    const share = `${Number(Math.abs(overrunPercent).toFixed(1))} %`
    parts.push(
      `${overrunPercent > 0 ? `The forecast is ${share} over` : overrunPercent < 0 ? `The forecast is ${share} under` : 'The forecast is on'} the budget (amber above ${t.overrunAmberPercent} %, red above ${t.overrunRedPercent} %).`,
    )
  } else parts.push('No budget or baseline cost to compare the forecast with.')
  if (cpi === null) parts.push('CPI not measured yet: no actual cost.')
  else {
    rag = healthRagWorst(rag, healthRateBelow(cpi, t.cpiAmber, t.cpiRed))
    parts.push(`CPI ${ratio(cpi)} (amber below ${t.cpiAmber}, red below ${t.cpiRed}).`)
  }
  return { rag, reason: parts.join(' ') }
}

/** Resources: resources over-allocated from the status date on. */
export function healthRuleResources(overallocated: number, t: HealthThresholds): Pick<HealthDimension, 'rag' | 'reason'> {
  const rag = healthRateCount(overallocated, t.overallocatedAmber, t.overallocatedRed)
  const what = overallocated === 0 ? 'No resource is' : overallocated === 1 ? '1 resource is' : `${overallocated} resources are`
  return { rag, reason: `${what} over-allocated from the status date on (amber from ${t.overallocatedAmber}, red from ${t.overallocatedRed}).` }
}

/** Scope: tasks added since the baseline against the baselined tasks (null without any baselined task). */
export function healthRuleScope(added: number, baselined: number, t: HealthThresholds): Pick<HealthDimension, 'rag' | 'reason'> {
  if (baselined === 0) return { rag: 'unknown', reason: 'No baseline: set a baseline to see what was added since.' }
  const percent = (added / baselined) * 100
  const rag = healthRateAbove(percent, t.scopeAmberPercent, t.scopeRedPercent)
  return {
    rag,
    reason: `${added} ${added === 1 ? 'task was' : 'tasks were'} added since the baseline, ${Number(percent.toFixed(1))} % of its ${baselined} (amber above ${t.scopeAmberPercent} %, red above ${t.scopeRedPercent} %).`,
  }
}

/** Risk: open risks scored `riskHighScore` or more. */
export function healthRuleRisk(highRisks: number, t: HealthThresholds): Pick<HealthDimension, 'rag' | 'reason'> {
  const rag = healthRateCount(highRisks, t.riskAmber, t.riskRed)
  const what = highRisks === 0 ? 'No open risk scores' : highRisks === 1 ? '1 open risk scores' : `${highRisks} open risks score`
  return { rag, reason: `${what} ${t.riskHighScore} or more (amber from ${t.riskAmber}, red from ${t.riskRed}).` }
}

/** The overall rating: the worst dimension's (unrated ones left out). */
export function healthOverall(ratings: readonly HealthRag[]): HealthRag {
  return ratings.reduce<HealthRag>((worst, rag) => healthRagWorst(worst, rag), 'unknown')
}

export type HealthTrend = 'better' | 'worse' | 'same' | 'new'

/** How a rating moved since the previous report's: `new` when either is unrated or there is no previous report. */
export function healthTrend(current: HealthRag, previous: HealthRag | null): HealthTrend {
  if (previous === null || previous === 'unknown' || current === 'unknown') return 'new'
  const delta = severity[current] - severity[previous]
  return delta === 0 ? 'same' : delta < 0 ? 'better' : 'worse'
}

export const healthTrendNames: Record<HealthTrend, string> = { better: '▲ better', worse: '▼ worse', same: '► same', new: '– no earlier rating' }

export type HealthMilestone = {
  taskId: TaskId
  name: string
  finish: IsoDateTime
  baselineFinish: IsoDateTime | null
  varianceDays: number | null
  isDone: boolean
  /** Within 2 weeks of the status date (else within 4). */
  withinTwoWeeks: boolean
}

/** The dashboard's figures of a scheduled plan at its status date. */
export type PlanHealth = {
  statusDate: IsoDateTime
  /** Whether the status date is today's because the plan has none. */
  statusDateIsToday: boolean
  hasBaseline: boolean
  dimensions: HealthDimension[]
  overall: HealthRag
  /** Leaf tasks not finished whose scheduled finish is before the status date. */
  overdueTaskIds: TaskId[]
  /** Tasks with negative total slack (they cannot meet a constraint or deadline). */
  negativeSlackTaskIds: TaskId[]
  /** Milestones not done with a forecast finish in the 4 weeks after the status date. */
  milestones: HealthMilestone[]
  earned: PlanEarnedValue
  budget: { budget: number | null; actual: number; forecast: number; variance: number | null; currencyCode: string }
  /** Working minutes per day, to turn minute figures into days. */
  minutesPerDay: number
}

/**
 * The health of a scheduled plan: every dimension's rating by the plan's thresholds (`settings.health`), overdue
 * and negative-slack tasks, milestones due within 4 weeks, budget figures. The status date is the plan's, else
 * `now` (the caller's clock; it defaults to the machine's). `computed` is the plan's cost and earned value at that
 * status date when the caller has them already (the dashboard's charts do), so they are not worked out twice.
 */
export function healthCompute(
  plan: Plan,
  schedule: Schedule,
  load: PlanLoad,
  now: IsoDateTime = dateLocalNow(),
  computed?: { costs: PlanCost; earned: PlanEarnedValue },
): PlanHealth {
  const t = plan.settings.health
  const statusDate = plan.statusDate ?? now
  const status = dateToWallMinutes(statusDate)
  const baselineNumber = plan.settings.baselineForEarnedValue
  const isReusable =
    computed !== undefined &&
    computed.earned.statusDate === status &&
    computed.earned.baselineNumber === baselineNumber &&
    computed.earned.method === plan.settings.earnedValueMethod
  const costs = isReusable ? computed.costs : costCompute(plan, schedule)
  const earned = isReusable ? computed.earned : earnedValueCompute(plan, schedule, costs, { statusDate })
  const perDay = Math.max(1, plan.settings.minutesPerDay)
  const hasBaseline = plan.tasks.some((task) => task.baselines.some((baseline) => baseline.number === baselineNumber && baseline.finish !== null))

  // Schedule.
  const slipDays = Number.isFinite(earned.planFinishVariance) ? earned.planFinishVariance / perDay : null
  const spi = earned.plan.pv > 0 ? earned.plan.spi : null
  const slippedIds: TaskId[] = []
  plan.tasks.forEach((task, index) => {
    if (schedule.isSummary[index] !== 1 && (earned.finishVariance[index] ?? 0) > 0) slippedIds.push(task.id)
  })
  const scheduleDim: HealthDimension = { key: 'schedule', ...healthRuleSchedule(spi, slipDays, t), taskIds: slippedIds }

  // Cost.
  const budget = plan.tracking.budget ?? (earned.plan.bac > 0 ? earned.plan.bac : null)
  const forecast = earned.plan.eac
  const overrun = budget !== null && budget > 0 ? ((forecast - budget) / budget) * 100 : null
  const cpi = earned.plan.ac > 0 ? earned.plan.cpi : null
  const overBudgetIds: TaskId[] = []
  plan.tasks.forEach((task, index) => {
    if (schedule.isSummary[index] !== 1 && (earned.cost[index] ?? 0) > (earned.bac[index] ?? 0) && (earned.bac[index] ?? 0) > 0)
      overBudgetIds.push(task.id)
  })
  const costRated = healthRuleCost(cpi, overrun, t)
  const costDim: HealthDimension = {
    key: 'cost',
    ...costRated,
    reason:
      budget === null
        ? costRated.reason
        : `${costRated.reason} Forecast ${costFormatMoney(forecast, plan.settings.currencyCode)} against ${costFormatMoney(budget, plan.settings.currencyCode)}.`,
    taskIds: overBudgetIds,
  }

  // Resources: over-allocations that end on or after the status day.
  const statusDay = dateDayOfWallMinutes(status)
  const openResources = new Set<number>()
  const overTaskIds = new Set<TaskId>()
  for (const period of load.conflicts)
    if (period.finish >= statusDay) {
      openResources.add(period.resourceId)
      for (const id of period.taskIds) overTaskIds.add(id)
    }
  const resourcesDim: HealthDimension = { key: 'resources', ...healthRuleResources(openResources.size, t), taskIds: [...overTaskIds] }

  // Scope: leaf tasks with and without the baseline.
  let baselined = 0
  const addedIds: TaskId[] = []
  plan.tasks.forEach((task, index) => {
    if (schedule.isSummary[index] === 1) return
    if (task.baselines.some((baseline) => baseline.number === baselineNumber)) baselined++
    else addedIds.push(task.id)
  })
  const scopeDim: HealthDimension = { key: 'scope', ...healthRuleScope(addedIds.length, baselined, t), taskIds: baselined === 0 ? [] : addedIds }

  // Risk.
  const highRisks = plan.raid.filter((item) => item.kind === 'risk' && raidIsOpen(item) && raidRiskScore(item) >= t.riskHighScore)
  const riskTaskIds = [...new Set(highRisks.flatMap((item) => item.taskIds))]
  const riskDim: HealthDimension = { key: 'risk', ...healthRuleRisk(highRisks.length, t), taskIds: riskTaskIds }

  const dimensions = [scheduleDim, costDim, resourcesDim, scopeDim, riskDim]

  const overdueTaskIds: TaskId[] = []
  const negativeSlackTaskIds: TaskId[] = []
  const milestones: HealthMilestone[] = []
  const fourWeeks = status + 28 * 1440
  plan.tasks.forEach((task, index) => {
    const finish = schedule.finish[index] ?? Number.NaN
    const isSummary = schedule.isSummary[index] === 1
    const percent = schedule.percentComplete[index] ?? 0
    if (!isSummary && percent < 100 && finish < status) overdueTaskIds.push(task.id)
    if ((schedule.totalSlack[index] ?? 0) < 0) negativeSlackTaskIds.push(task.id)
    if (task.isMilestone && !isSummary && percent < 100 && finish >= status && finish <= fourWeeks) {
      const baseline = task.baselines.find((item) => item.number === baselineNumber)
      const variance = earned.finishVariance[index] ?? Number.NaN
      milestones.push({
        taskId: task.id,
        name: task.name,
        finish: dateFromWallMinutes(finish),
        baselineFinish: baseline?.finish ?? null,
        varianceDays: Number.isFinite(variance) ? variance / perDay : null,
        isDone: false,
        withinTwoWeeks: finish <= status + 14 * 1440,
      })
    }
  })
  milestones.sort((a, b) => (a.finish < b.finish ? -1 : a.finish > b.finish ? 1 : 0))

  return {
    statusDate,
    statusDateIsToday: plan.statusDate === null,
    hasBaseline,
    dimensions,
    overall: healthOverall(dimensions.map((dimension) => dimension.rag)),
    overdueTaskIds,
    negativeSlackTaskIds,
    milestones,
    earned,
    budget: {
      budget,
      actual: earned.plan.ac,
      forecast,
      variance: budget === null ? null : budget - forecast,
      currencyCode: plan.settings.currencyCode,
    },
    minutesPerDay: perDay,
  }
}

const thresholdPairs: [keyof HealthThresholds, keyof HealthThresholds, 'below' | 'above', string][] = [
  ['spiAmber', 'spiRed', 'below', 'SPI'],
  ['slipAmberDays', 'slipRedDays', 'above', 'Finish slip'],
  ['cpiAmber', 'cpiRed', 'below', 'CPI'],
  ['overrunAmberPercent', 'overrunRedPercent', 'above', 'Over budget'],
  ['overallocatedAmber', 'overallocatedRed', 'above', 'Over-allocated resources'],
  ['scopeAmberPercent', 'scopeRedPercent', 'above', 'Tasks added'],
  ['riskAmber', 'riskRed', 'above', 'High risks'],
]

/** Largest figure a threshold may have (SPI 100, 100,000 %, days or counts). */
export const healthThresholdMax = 100_000

/**
 * Why a set of thresholds cannot be used, in one sentence; null when it can. Every figure is a finite number from 0
 * to `healthThresholdMax`, counts and the risk score whole, the risk score 1–25, and red never milder than amber.
 */
export function healthThresholdsProblem(t: HealthThresholds): string | null {
  for (const [key, value] of Object.entries(t))
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > healthThresholdMax)
      return `${key} must be a number from 0 to ${healthThresholdMax.toLocaleString('en-US')}.`
  for (const key of ['overallocatedAmber', 'overallocatedRed', 'riskAmber', 'riskRed', 'riskHighScore'] as const)
    if (!Number.isInteger(t[key])) return `${key} must be a whole number.`
  if (t.riskHighScore < 1 || t.riskHighScore > 25) return 'The high risk score must be from 1 to 25 (probability × impact).'
  for (const [amber, red, direction, name] of thresholdPairs) {
    const a = t[amber]
    const r = t[red]
    if (direction === 'below' ? r > a : r < a)
      return `${name}: the red threshold (${r}) must be ${direction === 'below' ? 'at or below' : 'at or above'} the amber one (${a}).`
  }
  return null
}
