/**
 * Resource load and over-allocation detection.
 *
 * For every resource and every day, the work assigned to it (assignment units x the minutes of the task's scheduled
 * span that are working time in the resource's calendar) is compared with the work it has available (max units x its
 * working minutes that day). Within a day an interval sweep finds overlaps, so two 4-hour tasks at 100 % in the same
 * morning are an over-allocation even though the day's total is 8 hours.
 *
 * All work figures are in minutes of work (a full-time person working one 8-hour day = 480). Days are day numbers
 * (days since 1970-01-01, see `dates.ts`) in the per-day arrays and `YYYY-MM-DD` in periods.
 *
 * For the views:
 * - after scheduling, `loadCompute(plan, schedule)` once; after each edit `loadUpdate(previousLoad, plan, schedule)`
 *   (it finds the moved tasks and changed assignments itself and recomputes only the resources concerned);
 * - markers on task rows and resources: `load.overallocatedTaskIds`, `load.byResource.get(id).periods.length > 0`;
 * - Over-allocations panel: `load.conflicts` (each with resource, days, peak, colliding task ids), with
 *   `suggestionsForConflict` (`suggestions.ts`) for the fixes and `levelResources` (`leveling/`) for the command;
 * - usage heat map (resources x days or weeks) and one resource's histogram with its capacity line:
 *   `loadSeries(load.byResource.get(id), plan, resource, fromDay, toDay, 1 | 7)` gives assigned and available work
 *   and the percentage per bucket; `loadDayPercent` reads a single day.
 *
 * Modules: `types.ts` (the results), `calendars.ts` (working time of resources and calendars), `sweep.ts` (one
 * resource's interval sweep), `compute.ts` (`loadCompute`, `loadUpdate`), `series.ts` (days and buckets for the
 * views), `day-text.ts` (period bounds as text).
 */
export { resourceCalendarDays, loadCalendarDays, type ResourceDayTable } from './calendars'
export { loadChangedTaskIds, loadCompute, loadResourceItems, loadUpdate } from './compute'
export { loadDayText } from './day-text'
export { loadDayAssigned, loadDayPercent, loadSeries, type LoadBucket } from './series'
export { loadResourceFromItems } from './sweep'
export type { LoadItem, OverallocationPeriod, PlanLoad, ResourceLoad } from './types'
