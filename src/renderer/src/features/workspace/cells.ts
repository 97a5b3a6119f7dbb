/**
 * Grid columns: how each cell is shown and how typed text becomes an edit. Parsing uses the engine's duration and
 * predecessor parsers and the resources parser; text they refuse gives a message and no edit.
 */
import { assignmentsTextApply, assignmentsTextFormat } from '../../../../shared/domain/assignments-text'
import { dateParseTyped, dateWallText } from '../../../../shared/domain/dates'
import { durationFormat, durationParse } from '../../../../shared/domain/durations'
import { predecessorsFormat, predecessorsParse } from '../../../../shared/domain/predecessors'
import type { Task, TaskId } from '../../../../shared/domain/model'
import { commandSetPredecessors } from '../../stores/editor-commands'
import type { WorkspaceState } from './workspace-store'
import type { Derived } from './derived'

export const columnKeys = ['id', 'wbs', 'name', 'duration', 'start', 'finish', 'predecessors', 'resources', 'complete'] as const
export type ColumnKey = (typeof columnKeys)[number]

export type ColumnDef = { key: ColumnKey; label: string; width: number; isEditable: boolean }

export const columnDefs: Record<ColumnKey, ColumnDef> = {
  id: { key: 'id', label: 'ID', width: 44, isEditable: false },
  wbs: { key: 'wbs', label: 'WBS', width: 56, isEditable: false },
  name: { key: 'name', label: 'Task name', width: 240, isEditable: true },
  duration: { key: 'duration', label: 'Duration', width: 80, isEditable: true },
  start: { key: 'start', label: 'Start', width: 104, isEditable: true },
  finish: { key: 'finish', label: 'Finish', width: 104, isEditable: true },
  predecessors: { key: 'predecessors', label: 'Predecessors', width: 110, isEditable: true },
  resources: { key: 'resources', label: 'Resources', width: 130, isEditable: true },
  complete: { key: 'complete', label: '% Complete', width: 84, isEditable: true },
}

/** The row number (ID) predecessor lists refer to: the task's position in the outline, from 1. */
function rowNumber(derived: Derived, taskId: TaskId): number | null {
  const index = derived.indexOf.get(taskId)
  return index === undefined ? null : index + 1
}

/** The date shown for a wall minute: `YYYY-MM-DD`. */
export function cellDate(minutes: number): string {
  return dateWallText(minutes, 'day')
}

/** The text of one cell. */
export function cellText(derived: Derived, taskIndex: number, key: ColumnKey): string {
  const task = derived.plan.tasks[taskIndex] as Task
  const schedule = derived.schedule
  const isSummary = schedule !== null ? schedule.isSummary[taskIndex] === 1 : false
  switch (key) {
    case 'id':
      return String(taskIndex + 1)
    case 'wbs':
      return derived.wbs[taskIndex] ?? ''
    case 'name':
      return task.name
    case 'duration':
      if (isSummary && schedule !== null) {
        return durationFormat(schedule.duration[taskIndex] as number, 'd', derived.plan.settings)
      }
      return durationFormat(task.duration, task.durationUnit, derived.plan.settings)
    case 'start':
      return schedule === null ? '' : cellDate(schedule.start[taskIndex] as number)
    case 'finish':
      return schedule === null ? '' : cellDate(schedule.finish[taskIndex] as number)
    case 'predecessors':
      return predecessorsFormat(derived.linksBySuccessor.get(task.id) ?? [], (id) => rowNumber(derived, id), derived.plan.settings)
    case 'resources':
      return assignmentsTextFormat(task.id, derived.assignmentsByTask.get(task.id) ?? [], derived.plan.resources)
    case 'complete': {
      const value = schedule !== null ? (schedule.percentComplete[taskIndex] as number) : task.percentComplete
      return `${Math.round(value)}%`
    }
  }
}

/** Reads a typed date (`YYYY-MM-DD` or `YYYY-MM-DD HH:MM`) as a date-time at `defaultMinutes` when no time is typed. */
export function cellParseDate(text: string, defaultMinutes: number): string | null {
  return dateParseTyped(text, defaultMinutes)
}

/**
 * Commits typed text to a cell. Returns `null` when the edit was applied (or changed nothing), otherwise the
 * message to show; the plan is then unchanged.
 */
export function cellCommit(state: WorkspaceState, derived: Derived, taskId: TaskId, key: ColumnKey, text: string): string | null {
  const plan = derived.plan
  const taskIndex = derived.indexOf.get(taskId)
  if (taskIndex === undefined) return 'This task no longer exists.'
  const isSummary = derived.schedule?.isSummary[taskIndex] === 1
  switch (key) {
    case 'id':
    case 'wbs':
      return null
    case 'name': {
      const name = text.trim()
      if (name.length > 1000) return 'A task name can have at most 1000 characters.'
      state.editorUpdateTask(taskId, { name }, 'Rename task')
      return null
    }
    case 'duration': {
      if (isSummary) return "A summary's duration comes from its subtasks; change the subtasks instead."
      const parsed = durationParse(text, plan.settings)
      if (!parsed.ok) return parsed.error
      state.editorUpdateTask(taskId, { duration: parsed.minutes, durationUnit: parsed.unit, isMilestone: parsed.minutes === 0 }, 'Change duration')
      return null
    }
    case 'start':
    case 'finish': {
      if (isSummary) return "A summary's dates come from its subtasks; change the subtasks instead."
      if (text.trim() === '') return 'Type a date as YYYY-MM-DD, for example 2026-03-02.'
      const date = cellParseDate(text, key === 'start' ? plan.settings.defaultStartTime : plan.settings.defaultFinishTime)
      if (date === null) return `"${text.trim()}" is not a date. Type it as YYYY-MM-DD, for example 2026-03-02.`
      state.editorUpdateTask(taskId, { constraint: { type: key === 'start' ? 'SNET' : 'FNET', date } }, key === 'start' ? 'Change start' : 'Change finish')
      return null
    }
    case 'predecessors': {
      const parsed = predecessorsParse(text, (reference) => plan.tasks[reference - 1]?.id ?? null, plan.settings, taskId)
      if (!parsed.ok) return parsed.error
      state.editorRun('Change predecessors', (current, ids) => commandSetPredecessors(current, taskId, parsed.links, ids.dependency), {
        mayCycle: true,
      })
      return null
    }
    case 'resources': {
      const result = assignmentsTextApply(plan, taskId, text)
      if (!result.ok) return result.error.message
      if (result.changed) {
        state.editorRun('Change resources', (current) => {
          const applied = assignmentsTextApply(current, taskId, text)
          return applied.ok ? applied.plan : current
        })
      }
      return null
    }
    case 'complete': {
      const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text)
      const value = match === null ? Number.NaN : Number(match[1])
      if (!Number.isFinite(value) || value < 0 || value > 100) return 'Percent complete is a number from 0 to 100.'
      if (isSummary) return "A summary's progress comes from its subtasks; change the subtasks instead."
      state.editorUpdateTask(taskId, { percentComplete: value }, 'Change % complete')
      return null
    }
  }
}
