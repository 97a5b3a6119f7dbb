/**
 * What leveling tells the user: the tasks it moved (old and new dates) and, for each over-allocation it could not
 * remove, why.
 */
import { loadDayText, type OverallocationPeriod } from '../load'
import type { IsoDateTime, Minutes, Plan, TaskId } from '../model'
import type { Schedule } from '../schedule-types'
import { levelingFixedReason, levelingIsInRange, type LevelingRange } from './rules'

/** A task the leveling moved. Dates are wall-clock `YYYY-MM-DDTHH:MM:SS`. */
export type LevelingMove = {
  taskId: TaskId
  name: string
  oldStart: IsoDateTime
  oldFinish: IsoDateTime
  newStart: IsoDateTime
  newFinish: IsoDateTime
  /** The task's new leveling delay, elapsed minutes. */
  levelingDelay: Minutes
}

/** An over-allocation leveling could not remove, with one reason per task that could not move enough. */
export type LevelingRemaining = { conflict: OverallocationPeriod; reasons: string[] }

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value)
}

/** `YYYY-MM-DDTHH:MM:SS` of a wall minute without a Date object, for the long moved list. */
function wallText(wall: number): IsoDateTime {
  const dayNumber = Math.floor(wall / 1440)
  const minute = wall - dayNumber * 1440
  return `${loadDayText(dayNumber)}T${two(Math.floor(minute / 60))}:${two(Math.floor(minute % 60))}:00`
}

/**
 * The tasks (not summaries) whose dates or leveling delay differ between `plan` scheduled as `before` and `leveled`
 * scheduled as `after` (the same task list).
 * @returns one move per such task, in plan order
 */
export function levelingMoves(plan: Plan, before: Schedule, leveled: Plan, after: Schedule): LevelingMove[] {
  const moved: LevelingMove[] = []
  leveled.tasks.forEach((task, index) => {
    if (after.isSummary[index] === 1) return
    const oldStart = before.start[index] as number
    const oldFinish = before.finish[index] as number
    const newStart = after.start[index] as number
    const newFinish = after.finish[index] as number
    if (
      oldStart === newStart &&
      oldFinish === newFinish &&
      task.levelingDelay === plan.tasks[index]?.levelingDelay
    )
      return
    moved.push({
      taskId: task.id,
      name: task.name,
      oldStart: wallText(oldStart),
      oldFinish: wallText(oldFinish),
      newStart: wallText(newStart),
      newFinish: wallText(newFinish),
      levelingDelay: task.levelingDelay,
    })
  })
  return moved
}

/**
 * Why the tasks of an over-allocation that remains could not be separated: started or pinned, blocked by a date or
 * a resource's limit (`blocked`, by task index), or outside the leveling range.
 * @returns at least one reason
 */
export function levelingRemainingReasons(
  plan: Plan,
  schedule: Schedule,
  conflict: OverallocationPeriod,
  blocked: Map<number, string>,
  range: LevelingRange,
): string[] {
  const reasons: string[] = []
  for (const taskId of conflict.taskIds) {
    const index = schedule.indexOf.get(taskId)
    const task = index === undefined ? undefined : plan.tasks[index]
    if (index === undefined || task === undefined) continue
    const fixed = levelingFixedReason(task)
    const blockedReason = blocked.get(index)
    if (fixed !== null) reasons.push(`${fixed}, so it cannot be delayed`)
    else if (blockedReason !== undefined) reasons.push(blockedReason)
    else if (!levelingIsInRange(range, schedule.start[index] as number))
      reasons.push(`"${task.name}" lies outside the leveling range`)
  }
  if (reasons.length === 0)
    reasons.push('the links and constraints of these tasks leave no room to separate them')
  return reasons
}
