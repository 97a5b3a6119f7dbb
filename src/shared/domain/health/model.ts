/**
 * Stored types of the project health dashboard and the status reports (issue 17): the Red/Amber/Green thresholds
 * (in the plan's settings) and the dated status report snapshots (in the plan).
 */
import type { BaselineNumber, IsoDateTime, Money, TaskId } from '../model'
import type { RaidItemId } from '../raid-model'

/** A dimension's rating. `unknown` when the plan lacks what the rule reads (no baseline, no budget…). */
export const healthRags = ['green', 'amber', 'red', 'unknown'] as const
export type HealthRag = (typeof healthRags)[number]

/** The five dimensions of the dashboard and the report, in their order. */
export const healthDimensionKeys = ['schedule', 'cost', 'resources', 'scope', 'risk'] as const
export type HealthDimensionKey = (typeof healthDimensionKeys)[number]

/**
 * The written rules' thresholds, which the user can see and change (Project > Health thresholds on the dashboard).
 * "Below" rules (SPI, CPI) turn amber or red when the figure is strictly below the threshold; "above" rules (finish
 * slip, overrun, scope change) when strictly above it; counts (over-allocated resources, high risks) when at least.
 */
export type HealthThresholds = {
  /** SPI below which the schedule is amber / red. */
  spiAmber: number
  spiRed: number
  /** Working days the forecast finish may pass the baseline finish before the schedule is amber / red. */
  slipAmberDays: number
  slipRedDays: number
  /** CPI below which the cost is amber / red. */
  cpiAmber: number
  cpiRed: number
  /** Percent the forecast cost (EAC) may exceed the budget before the cost is amber / red. */
  overrunAmberPercent: number
  overrunRedPercent: number
  /** Over-allocated resources that make the resources amber / red. */
  overallocatedAmber: number
  overallocatedRed: number
  /** Percent of the baselined tasks added since the baseline above which the scope is amber / red. */
  scopeAmberPercent: number
  scopeRedPercent: number
  /** Score (probability × impact, 1–25) from which an open risk counts as high. */
  riskHighScore: number
  /** Open high risks that make the risk amber / red. */
  riskAmber: number
  riskRed: number
}

/**
 * The thresholds of a new plan, common practice in earned value reporting: SPI and CPI amber below 0.95, red below
 * 0.85 / 0.90; any finish slip amber, more than 10 working days red; any overrun amber, more than 10 % red; one
 * over-allocated resource amber, three red; 5 % / 15 % tasks added; one open risk scored 15 or more amber, two red.
 */
export function healthThresholdsDefault(): HealthThresholds {
  return {
    spiAmber: 0.95,
    spiRed: 0.85,
    slipAmberDays: 0,
    slipRedDays: 10,
    cpiAmber: 0.95,
    cpiRed: 0.9,
    overrunAmberPercent: 0,
    overrunRedPercent: 10,
    overallocatedAmber: 1,
    overallocatedRed: 3,
    scopeAmberPercent: 5,
    scopeRedPercent: 15,
    riskHighScore: 15,
    riskAmber: 1,
    riskRed: 2,
  }
}

/** One dimension as a report keeps it. */
export type StatusReportDimension = { key: HealthDimensionKey; rag: HealthRag; reason: string }

export type StatusReportTaskLine = { taskId: TaskId; name: string; start: IsoDateTime; finish: IsoDateTime }

export type StatusReportMilestone = {
  taskId: TaskId
  name: string
  baselineFinish: IsoDateTime | null
  forecastFinish: IsoDateTime
  /** Forecast − baseline finish in working days of the plan (positive = late); null without a baseline finish. */
  varianceDays: number | null
  isDone: boolean
}

export type StatusReportRaidLine = {
  raidId: RaidItemId
  kind: 'risk' | 'issue'
  /** "R3", "I4". */
  code: string
  title: string
  owner: string
  /** A risk's score (1–25) or an issue's priority word. */
  rating: string
}

/**
 * A status report as saved: a dated snapshot of what it showed, so a later report compares against what was
 * reported, not against today's recomputation of the past. Amounts in the plan's currency.
 */
export type StatusReport = {
  id: number
  /** The plan's status date when it was saved: the end of the period it reports. */
  statusDate: IsoDateTime
  /** The previous report's status date (the start of the period), null for the first report. */
  periodStart: IsoDateTime | null
  savedAt: IsoDateTime
  baselineNumber: BaselineNumber
  overall: HealthRag
  dimensions: StatusReportDimension[]
  done: StatusReportTaskLine[]
  planned: StatusReportTaskLine[]
  milestones: StatusReportMilestone[]
  risks: StatusReportRaidLine[]
  budget: {
    currencyCode: string
    /** The plan budget, else the baseline's cost (BAC); null when neither is known. */
    budget: Money | null
    actual: Money
    /** Estimate at completion. */
    forecast: Money
    /** Budget − forecast (negative = over budget); null without a budget. */
    variance: Money | null
  }
  /** The project manager's words, as typed. */
  commentary: string
  /** Decisions needed from leadership, one per line as typed. */
  decisions: string
}
