/**
 * Project health and status reports (issue 17), pure:
 * - `model.ts`: the stored types (thresholds in `PlanSettings.health`, reports in `Plan.statusReports`);
 * - `rules.ts`: the Red/Amber/Green rule of each dimension at its thresholds, the trend, `healthCompute`;
 * - `report.ts`: what a status report lacks, done this period, planned next, top risks, `statusReportCompose`;
 * - `burndown.ts`: the burn-down of remaining work (baseline, actual, forecast), `healthBurndown`.
 */
export * from './model'
export * from './rules'
export * from './report'
export * from './burndown'
