/**
 * The roll-up after both passes: summaries' duration and percent complete, the critical flags, the project's dates,
 * the tasks that start before the project start, and the `Schedule` the callers receive (copies: the context keeps
 * its arrays for the next incremental run).
 */
import type { Schedule } from '../schedule-types'
import type { ScheduleContext } from './context'
import * as links from './links'

// Read once: under a CommonJS transform (the benchmarks run the sources through tsx) an imported constant is an
// export getter call on every read, once per task here.
const slackTolerance = links.scheduleSlackTolerance

/**
 * The schedule of the context's last run.
 * @returns typed arrays indexed like the plan's tasks; summaries' duration is their scheduled span in working minutes
 * of their calendar, their percent complete the duration-weighted mean of their tasks'
 */
export function rollupSchedule(context: ScheduleContext): Schedule {
  const graph = context.graph
  const count = graph.taskCount
  const { isSummary, parent } = graph
  const { duration, start, finish, sW, fW, totalSlack, projectStartWall } = context
  // Children come after their parents in outline order: one backward sweep sums every subtree.
  const percent = context.percentComplete.slice()
  const weight = new Float64Array(count)
  const done = new Float64Array(count)
  const scheduleDuration = new Float64Array(count)
  for (let index = count - 1; index >= 0; index--) {
    if (isSummary[index] === 1) {
      scheduleDuration[index] = (fW[index] as number) - (sW[index] as number)
      percent[index] =
        (weight[index] as number) > 0
          ? (done[index] as number) / (weight[index] as number)
          : (percent[index] as number)
    } else {
      scheduleDuration[index] = duration[index] as number
      weight[index] = duration[index] as number
      done[index] = (duration[index] as number) * (percent[index] as number)
    }
    const up = parent[index] as number
    if (up >= 0) {
      weight[up] = (weight[up] as number) + (weight[index] as number)
      done[up] = (done[up] as number) + (done[index] as number)
    }
  }
  let projectStart = count === 0 ? projectStartWall : Number.POSITIVE_INFINITY
  let projectFinish = count === 0 ? projectStartWall : Number.NEGATIVE_INFINITY
  const isCritical = new Uint8Array(count)
  const startsBeforeProjectStart = new Uint8Array(count)
  for (let index = 0; index < count; index++) {
    const taskStart = start[index] as number
    if (taskStart < projectStart) projectStart = taskStart
    if ((finish[index] as number) > projectFinish) projectFinish = finish[index] as number
    // Fractional durations (Microsoft Project writes seconds) leave rounding noise of a few nanominutes.
    isCritical[index] = (totalSlack[index] as number) <= slackTolerance ? 1 : 0
    if (taskStart < projectStartWall && isSummary[index] === 0) startsBeforeProjectStart[index] = 1
  }
  return {
    taskCount: count,
    indexOf: graph.indexOf,
    start: start.slice(),
    finish: finish.slice(),
    earlyStart: context.earlyStart.slice(),
    earlyFinish: context.earlyFinish.slice(),
    lateStart: context.lateStart.slice(),
    lateFinish: context.lateFinish.slice(),
    totalSlack: totalSlack.slice(),
    freeSlack: context.freeSlack.slice(),
    duration: scheduleDuration,
    percentComplete: percent,
    isCritical,
    isSummary: graph.isSummary,
    startsBeforeProjectStart,
    parent: graph.parent,
    projectStart,
    projectFinish,
  }
}
