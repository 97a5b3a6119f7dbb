/**
 * The roll-up after both passes: summaries' duration and percent complete, the critical flags, the project's dates,
 * the tasks that start before the project start, and the `Schedule` the callers receive (copies: the context keeps
 * its arrays for the next incremental run).
 */
import type { CompiledCalendar } from '../calendar'
import type { DependencyType } from '../model'
import type { Schedule, ScheduleLinkViolation, ScheduleStretch } from '../schedule-types'
import type { ScheduleContext } from './context'
import * as links from './links'

// Read once: under a CommonJS transform (the benchmarks run the sources through tsx) an imported constant is an
// export getter call on every read, once per task here.
const slackTolerance = links.scheduleSlackTolerance
const linkTypes: readonly DependencyType[] = ['FS', 'SS', 'FF', 'SF']

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
  const { assignmentOffsets, assignmentList, assignmentLength, assignmentCalendar, assignmentUnits } = context
  const isMaterial = context.assignmentIsMaterial
  const assignmentStart = context.assignmentStart.slice()
  const assignmentFinish = context.assignmentFinish.slice()
  const assignmentWork = context.assignmentWork.slice()
  const work = new Float64Array(count)
  const reported = context.reportedDuration
  for (let index = count - 1; index >= 0; index--) {
    const from = assignmentOffsets[index] as number
    const to = assignmentOffsets[index + 1] as number
    let own = 0
    for (let entry = from; entry < to; entry++) {
      const position = assignmentList[entry] as number
      // Assignments that do not drive their task run over its scheduled span (an ALAP task's included).
      if ((assignmentLength[position] as number) <= 0) {
        assignmentStart[position] = start[index] as number
        assignmentFinish[position] = finish[index] as number
      }
      // A material's work is a quantity: it stays as typed and is not part of the task's work (Microsoft Project).
      if (isMaterial[position] === 1) continue
      if (isSummary[index] === 1) {
        // A summary's assignment: its units over the resource's working time in the summary's span.
        const calendar = assignmentCalendar[position] as CompiledCalendar
        assignmentWork[position] =
          ((assignmentUnits[position] as number) *
            (calendar.work(finish[index] as number) - calendar.work(start[index] as number))) /
          100
      }
      own += assignmentWork[position] as number
    }
    work[index] =
      (work[index] as number) +
      (to > from || isSummary[index] === 1 ? own : (context.taskWork[index] as number))
    if (isSummary[index] === 1) {
      scheduleDuration[index] = (fW[index] as number) - (sW[index] as number)
      percent[index] =
        (weight[index] as number) > 0
          ? (done[index] as number) / (weight[index] as number)
          : (percent[index] as number)
    } else {
      const shown = reported[index] as number
      scheduleDuration[index] =
        (context.isResourceDriven[index] === 1 || context.isManual[index] === 1) && !Number.isNaN(shown)
          ? shown
          : (duration[index] as number)
      weight[index] = scheduleDuration[index] as number
      done[index] = (scheduleDuration[index] as number) * (percent[index] as number)
    }
    const up = parent[index] as number
    if (up >= 0) {
      weight[up] = (weight[up] as number) + (weight[index] as number)
      done[up] = (done[up] as number) + (done[index] as number)
      work[up] = (work[up] as number) + (work[index] as number)
    }
  }
  // Assignments to tasks that are not in the plan have no dates.
  const assignments = context.assignments
  if (assignmentList.length !== assignments.length) {
    const listed = new Uint8Array(assignments.length)
    for (let entry = 0; entry < assignmentList.length; entry++) listed[assignmentList[entry] as number] = 1
    for (let position = 0; position < assignments.length; position++) {
      if (listed[position] === 1) continue
      assignmentStart[position] = Number.NaN
      assignmentFinish[position] = Number.NaN
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
    work,
    isResourceDriven: context.isResourceDriven.slice(),
    isManual: context.isManual.slice(),
    rolledStart: context.rolledStart.slice(),
    rolledFinish: context.rolledFinish.slice(),
    assignmentStart,
    assignmentFinish,
    assignmentWork,
    linkViolations: rollupLinkViolations(context),
    stretches: rollupStretches(context),
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

/** The links into manual tasks that their scheduled (typed) dates break, by how much. */
function rollupLinkViolations(context: ScheduleContext): ScheduleLinkViolation[] {
  const violations: ScheduleLinkViolation[] = []
  const { graph, isManual, start, finish, calendar, lagKind } = context
  const { predecessorOffsets, predecessorLinks, linkPredecessor, linkType, links: graphLinks } = graph
  for (let task = 0; task < graph.taskCount; task++) {
    if (isManual[task] === 0) continue
    const own = calendar[task] as CompiledCalendar
    for (
      let entry = predecessorOffsets[task] as number;
      entry < (predecessorOffsets[task + 1] as number);
      entry++
    ) {
      const link = predecessorLinks[entry] as number
      const predecessor = linkPredecessor[link] as number
      const type = linkType[link] as number
      const base = links.scheduleLinkFromFinish(type)
        ? (finish[predecessor] as number)
        : (start[predecessor] as number)
      const target = links.scheduleLinkToStart(type) ? (start[task] as number) : (finish[task] as number)
      const amount = links.scheduleLinkLag(context, link)
      const elapsed = links.scheduleLagIsElapsed(lagKind[link] as number)
      const shortBy = elapsed ? base + amount - target : own.work(base) + amount - own.work(target)
      if (shortBy <= slackTolerance) continue
      const dependency = graphLinks[link]
      if (dependency === undefined) continue
      violations.push({
        taskId: dependency.successorId,
        dependencyId: dependency.id,
        predecessorId: dependency.predecessorId,
        type: linkTypes[type] ?? dependency.type,
        shortBy: Math.round(shortBy * 1000) / 1000,
      })
    }
  }
  return violations
}

/** The stretches the passes recorded (`scheduleContextStretches`), in plan order. */
function rollupStretches(context: ScheduleContext): ScheduleStretch[] {
  const map = context.stretchesOf
  if (map.size === 0) return []
  const tasks = [...map.keys()].sort((a, b) => a - b)
  const stretches: ScheduleStretch[] = []
  for (const task of tasks) for (const stretch of map.get(task) ?? []) stretches.push(stretch)
  return stretches
}
