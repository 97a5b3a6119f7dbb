/**
 * Cost and earned value of a scheduled plan (pure; no UI):
 * - `compute.ts`: task, summary, assignment, resource and plan cost, actual and remaining cost (`costCompute`);
 * - `earned-value.ts`: BCWS, BCWP, ACWP, SV, CV, SPI, CPI, EAC, VAC, TCPI at a status date against a baseline
 *   (`earnedValueCompute`), and the finish variance;
 * - `timephased.ts`: cost per week / day / month (`costTimephased`), the S-curve (`earnedValueSeries`) and the
 *   pieces other series over the plan's span reuse (`costSeriesEnds`, `CostBuckets`, `costCompletedThrough`);
 * - `budget.ts`: budget alerts (`costBudgetAlerts`) and money as text (`costFormatMoney`).
 */
export {
  costAssignment,
  costCompute,
  costFixedActual,
  costTaskFinished,
  costTaskStarted,
  type AssignmentCost,
  type PlanCost,
} from './compute'
export {
  costAccrued,
  costBaselineSpan,
  costCalendars,
  costSpanFraction,
  earnedValueBaseline,
  earnedValueCompute,
  earnedValueFigures,
  earnedValueOfTask,
  type EarnedValueFigures,
  type EarnedValueOptions,
  type PlanEarnedValue,
} from './earned-value'
export {
  CostBuckets,
  costCompletedThrough,
  costPeriodBoundaries,
  costPeriodsMax,
  costSeriesEnds,
  costSeriesPeriod,
  costTimephased,
  earnedValueSeries,
  type CostPeriod,
  type CostPeriodKind,
  type CostPeriodOptions,
  type EarnedValuePoint,
} from './timephased'
export { costBudgetAlerts, costFormatMoney, type CostBudgetAlert } from './budget'
