/**
 * The scheduling engine: critical path method over the outline, with working-time calendars, Microsoft Project's
 * constraint meanings, lags (working, elapsed, percent), deadlines, actual starts and leveling delays.
 *
 * Modules, each over the one `ScheduleContext` (`context.ts`: the compiled plan and every computed array):
 * - `links.ts`: link and constraint arithmetic (lags, what a link binds, where a task starts from its bounds);
 * - `forward.ts`: the forward pass (early dates; leveling places tasks with the same functions);
 * - `backward.ts`: the backward pass (late dates, slack, ALAP placement);
 * - `rollup.ts`: summaries' duration and percent complete, critical flags, the `Schedule` handed out;
 * - `engine.ts`: `schedulePrepare` / `Engine.update` (incremental re-scheduling) and `scheduleRun`;
 * - `manual.ts`: "Respect Links" for a manual task, and where a task is scheduled (for switching it to manual).
 * The result types are in `../schedule-types.ts`.
 */
export { schedulePrepare, scheduleProblemsText, scheduleRun } from './engine'
export { scheduleRespectLinks, scheduleTaskScheduled, type ScheduleRespectLinksResult } from './manual'
export type { ScheduleEdit, ScheduleEngine, SchedulePrepareResult } from './engine'
export {
  scheduleConstraintCode,
  scheduleConstraintCodes,
  scheduleIsElapsedUnit,
  scheduleKeepsLinkFinish,
  scheduleLagIsElapsed,
  scheduleLagKind,
  scheduleLagKinds,
  scheduleLagMinutes,
  scheduleLinkFromFinish,
  scheduleLinkHolds,
  scheduleLinkToStart,
  scheduleLinkWall,
  scheduleLinkWork,
  scheduleMilestoneAt,
  scheduleSummaryFinish,
  scheduleSummaryStart,
  scheduleWallStart,
  scheduleWorkStart,
} from './links'
