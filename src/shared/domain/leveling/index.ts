/**
 * Resource leveling (`levelResources`):
 * - `level.ts`: the command: clears movable delays, runs the pass, re-schedules, repairs and guards, reports;
 * - `place.ts`: the serial schedule-generation pass, placing tasks with the engine's forward-pass functions;
 * - `repair.ts`: what happens when the engine and the pass disagree (repair delays, broken dates and links);
 * - `report.ts`: the moved tasks and the reasons an over-allocation remains;
 * - `profile.ts`: a resource's committed load over time and the ready queue; `rules.ts`: what may move.
 */
export { levelResources } from './level'
export type { LevelingOptions, LevelingResult, LevelingSummary } from './level'
export type { LevelingMove, LevelingRemaining } from './report'
