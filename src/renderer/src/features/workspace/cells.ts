/**
 * Grid columns: how each cell is shown, and which command of the registry typed text goes to. The command reads
 * the text (a duration, a date, a predecessor list…) and refuses what it cannot read; the grid only shows.
 */
import type { CommandId } from '../../../../shared/commands/registry'
import { taskTypeNames, workFormat } from '../../../../shared/commands/work'
import { assignmentsTextFormat } from '../../../../shared/domain/assignments-text'
import { durationFormat } from '../../../../shared/domain/durations'
import { predecessorsFormat } from '../../../../shared/domain/predecessors'
import type { Task, TaskId } from '../../../../shared/domain/model'
import { dateShow } from '../../ui/date-format'
import type { Derived } from './derived'

export const columnKeys = [
  'id',
  'indicators',
  'mode',
  'wbs',
  'name',
  'duration',
  'start',
  'finish',
  'predecessors',
  'resources',
  'work',
  'type',
  'complete',
  'levelingDelay',
] as const
export type ColumnKey = (typeof columnKeys)[number]

/** The commands that take a cell's typed text (`{ taskId, text }`). */
export type CellCommandId = Extract<
  CommandId,
  | 'task/rename'
  | 'task/set-duration'
  | 'task/set-start'
  | 'task/set-finish'
  | 'task/set-predecessors'
  | 'task/set-resources'
  | 'task/set-complete'
  | 'task/set-leveling-delay'
  | 'task/set-mode'
  | 'task/set-work'
  | 'task/set-type'
>

/**
 * A column: its name, default width, and the command typed text goes to (`null`: not editable). `header` is what
 * the header shows when it differs from the name (the Indicators column's "ℹ"); `isHidden` columns are offered in
 * the Columns menu but not shown at first.
 */
export type ColumnDef = { key: ColumnKey; label: string; header?: string; width: number; command: CellCommandId | null; isHidden?: boolean }

export const columnDefs: Record<ColumnKey, ColumnDef> = {
  id: { key: 'id', label: 'ID', width: 44, command: null },
  indicators: { key: 'indicators', label: 'Indicators', header: 'ℹ', width: 44, command: null },
  mode: { key: 'mode', label: 'Mode', width: 68, command: 'task/set-mode' },
  wbs: { key: 'wbs', label: 'WBS', width: 56, command: null },
  name: { key: 'name', label: 'Task name', width: 240, command: 'task/rename' },
  duration: { key: 'duration', label: 'Duration', width: 80, command: 'task/set-duration' },
  start: { key: 'start', label: 'Start', width: 104, command: 'task/set-start' },
  finish: { key: 'finish', label: 'Finish', width: 104, command: 'task/set-finish' },
  predecessors: { key: 'predecessors', label: 'Predecessors', width: 110, command: 'task/set-predecessors' },
  resources: { key: 'resources', label: 'Resources', width: 130, command: 'task/set-resources' },
  work: { key: 'work', label: 'Work', width: 72, command: 'task/set-work', isHidden: true },
  type: { key: 'type', label: 'Type', width: 110, command: 'task/set-type', isHidden: true },
  complete: { key: 'complete', label: '% Complete', width: 84, command: 'task/set-complete' },
  levelingDelay: { key: 'levelingDelay', label: 'Leveling delay', width: 100, command: 'task/set-leveling-delay', isHidden: true },
}

/**
 * The columns frozen at the left (they stay in view while the others scroll sideways): those up to and including
 * the task name, as Microsoft Project keeps ID and Name in view.
 */
export function columnsFrozen(columns: readonly ColumnKey[]): ReadonlySet<ColumnKey> {
  const name = columns.indexOf('name')
  return new Set(columns.slice(0, name + 1))
}

/** The row number (ID) predecessor lists refer to: the task's position in the outline, from 1. */
function rowNumber(derived: Derived, taskId: TaskId): number | null {
  const index = derived.indexOf.get(taskId)
  return index === undefined ? null : index + 1
}

/** The date shown for a wall minute, in the user's locale (`3/2/2026`; `2026-03-02` in Sweden). */
export function cellDate(minutes: number): string {
  return dateShow(minutes)
}

/** The text of one cell. */
export function cellText(derived: Derived, taskIndex: number, key: ColumnKey): string {
  const task = derived.plan.tasks[taskIndex] as Task
  const schedule = derived.schedule
  const isSummary = schedule !== null ? schedule.isSummary[taskIndex] === 1 : false
  switch (key) {
    case 'id':
      return String(taskIndex + 1)
    case 'indicators':
      // Painted as signs by the row painter (indicators.ts).
      return ''
    case 'wbs':
      return derived.wbs[taskIndex] ?? ''
    case 'name':
      return task.name
    case 'duration':
      // A manual task (a summary too) shows its typed duration, blank when none was typed.
      if (task.schedulingMode === 'manual') return task.manualDuration === null ? '' : durationFormat(task.manualDuration, task.durationUnit, derived.plan.settings)
      if (isSummary && schedule !== null) {
        return durationFormat(schedule.duration[taskIndex] as number, 'd', derived.plan.settings)
      }
      return durationFormat(task.duration, task.durationUnit, derived.plan.settings)
    case 'start':
      return schedule === null || (task.schedulingMode === 'manual' && task.manualStart === null && task.actualStart === null) ? '' : cellDate(schedule.start[taskIndex] as number)
    case 'finish':
      return schedule === null || (task.schedulingMode === 'manual' && task.manualFinish === null && task.actualFinish === null) ? '' : cellDate(schedule.finish[taskIndex] as number)
    case 'predecessors':
      return predecessorsFormat(derived.linksBySuccessor.get(task.id) ?? [], (id) => rowNumber(derived, id), derived.plan.settings)
    case 'resources':
      return assignmentsTextFormat(task.id, derived.assignmentsByTask.get(task.id) ?? [], derived.plan.resources)
    case 'mode':
      return task.schedulingMode === 'manual' ? 'Manual' : 'Auto'
    case 'work':
      return workFormat(schedule !== null ? (schedule.work[taskIndex] as number) : task.work)
    case 'type':
      return taskTypeNames[task.type]
    case 'complete': {
      const value = schedule !== null ? (schedule.percentComplete[taskIndex] as number) : task.percentComplete
      return `${Math.round(value)}%`
    }
    case 'levelingDelay':
      return task.levelingDelay > 0 ? durationFormat(task.levelingDelay, 'ed', derived.plan.settings) : '0ed'
  }
}
