/**
 * Project health and status reports (issue 17), pure:
 * - `model.ts`: the stored types (thresholds in `PlanSettings.health`, reports in `Plan.statusReports`);
 * - `rules.ts`: the Red/Amber/Green rule of each dimension at its thresholds, the trend, `healthCompute`;
 * - `report.ts`: what a status report lacks, done this period, planned next, top risks, `statusReportCompose`.
 */
export * from './model'
export * from './rules'
export * from './report'
