/**
 * What leveling may move: which tasks are fixed and the date range the user chose.
 */
import { dateToDayNumber } from '../dates'
import type { DateRange, Task } from '../model'

/** Units and dates closer than this count as equal. */
export const levelingEpsilon = 1e-9

/** The range of task starts leveling may move, as wall minutes `[from, to)`. */
export type LevelingRange = { from: number; to: number }

/** The wall-minute range of `range` (its first day's midnight to the midnight after its last day); all time without one. */
export function levelingRange(range: DateRange | undefined): LevelingRange {
  if (range === undefined) return { from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY }
  return { from: dateToDayNumber(range.from) * 1440, to: (dateToDayNumber(range.to) + 1) * 1440 }
}

/** Whether a task starting at wall minute `start` lies in `range`. */
export function levelingIsInRange(range: LevelingRange, start: number): boolean {
  return start >= range.from && start < range.to
}

/** Why a task may not be delayed at all, or null when it may. */
export function levelingFixedReason(task: Task): string | null {
  if (task.actualStart !== null) return `"${task.name}" has already started`
  if (task.schedulingMode === 'manual') return `"${task.name}" is scheduled manually`
  if (task.constraint.type === 'MSO') return `"${task.name}" must start on ${task.constraint.date ?? ''}`
  if (task.constraint.type === 'MFO') return `"${task.name}" must finish on ${task.constraint.date ?? ''}`
  if (task.constraint.type === 'ALAP') return `"${task.name}" is scheduled as late as possible`
  return null
}
