/**
 * The editing slice: one action per workspace command (add, insert, delete, indent, outdent, move, edit, link,
 * drag, copy/paste, collapse). Each action computes the next plan with a pure transform (editor-commands.ts) and
 * hands it to the document slice's `documentCommit`, which schedules it at once, records it for undo/redo and
 * writes it to IndexedDB as an incremental change. Edits that would make the plan unschedulable (a link cycle) are
 * refused here with a message, and nothing changes.
 */
import type { StateCreator } from 'zustand'
import type { Constraint, DependencyType, Plan, Task, TaskId } from '../../../shared/domain/model'
import type { ScheduleResult } from '../../../shared/domain/schedule-types'
import { validatePlan } from '../../../shared/domain/validate'
import {
  clipboardCopy,
  commandDeleteTasks,
  commandIndent,
  commandInsertTask,
  commandLink,
  commandMoveTask,
  commandOutdent,
  commandPasteRows,
  commandSetCollapsed,
  commandUnlink,
  commandUpdateTask,
  planMaxIds,
  type ClipboardRows,
} from './editor-commands'

/** What the editing slice needs from the document slice of the app store. */
export type EditorHost = {
  document: { plan: Plan; schedule: ScheduleResult | null } | null
  documentCommit(next: Plan): void
  documentUndo(): void
  documentRedo(): void
}

/** Fresh ids a command may use for new rows. */
export type FreshIds = { task: number; dependency: number; assignment: number }

export type EditorSlice = {
  /** Selected task ids (the active row first). */
  editorSelection: TaskId[]
  /** The last refused edit, shown with role=alert; `null` when there is nothing to say. */
  editorMessage: string | null
  /** Bumped with every message so the same text shown twice is announced twice. */
  editorMessageSeq: number
  editorClipboard: ClipboardRows | null
  editorSelect(ids: TaskId[]): void
  editorSetMessage(text: string | null): void
  /**
   * Runs a command: `transform` gets the plan and fresh ids and returns the next plan (the same object when there
   * is nothing to do). With `mayCycle`, the result is scheduled first and refused when it cannot be scheduled.
   * Returns whether the plan changed.
   */
  editorRun(label: string, transform: (plan: Plan, ids: FreshIds) => Plan, options?: { mayCycle?: boolean }): boolean
  /** Adds a task before row `index` and selects it; returns its id. */
  editorInsertTask(index: number, overrides?: Partial<Task>): TaskId | null
  editorDelete(ids: readonly TaskId[]): boolean
  editorIndent(ids: readonly TaskId[]): boolean
  editorOutdent(ids: readonly TaskId[]): boolean
  editorMove(id: TaskId, direction: -1 | 1): boolean
  editorUpdateTask(id: TaskId, patch: Partial<Omit<Task, 'id'>>, label?: string): boolean
  editorSetCollapsed(ids: readonly TaskId[], isCollapsed: boolean): boolean
  editorLink(predecessorId: TaskId, successorId: TaskId, type?: DependencyType): boolean
  editorUnlink(ids: readonly number[]): boolean
  /** Bar dragged: the task starts no earlier than `start` (a SNET constraint, as Microsoft Project sets). */
  editorDragMove(id: TaskId, start: string): boolean
  /** Bar end dragged: the task's new duration in working minutes. */
  editorDragDuration(id: TaskId, minutes: number): boolean
  editorCopy(ids: readonly TaskId[]): void
  /** Pastes the clipboard rows before row `index`; returns the ids of the pasted rows. */
  editorPaste(index: number): TaskId[]
  editorUndo(): void
  editorRedo(): void
}

export type EditorOptions = {
  /**
   * Checks a plan before a change of links or outline is committed; returns the problem text or `null`.
   * Default: the engine's validation (cycles, self-links, missing tasks).
   */
  check?: (plan: Plan) => string | null
}

function validationProblem(plan: Plan): string | null {
  const result = validatePlan(plan)
  return result.ok ? null : (result.problems[0]?.message ?? 'The plan cannot be scheduled.')
}

function freshIds(plan: Plan): FreshIds {
  const max = planMaxIds(plan)
  return { task: max.task + 1, dependency: max.dependency + 1, assignment: max.assignment + 1 }
}

/** The slice creator, combined into the app store with the document slice. */
export function editorSliceCreator<S extends EditorSlice & EditorHost>(
  options: EditorOptions = {},
): StateCreator<S, [], [], EditorSlice> {
  return (rawSet, get) => {
    const set = (value: Partial<EditorSlice>): void => rawSet(value as unknown as Partial<S>)
    const run: EditorSlice['editorRun'] = (label, transform, runOptions = {}) => {
      const document = get().document
      if (document === null) return false
      const next = transform(document.plan, freshIds(document.plan))
      if (next === document.plan) return false
      if (runOptions.mayCycle === true) {
        const problem = (options.check ?? validationProblem)(next)
        if (problem !== null) {
          get().editorSetMessage(`${label}: ${problem} Nothing was changed.`)
          return false
        }
      }
      get().documentCommit(next)
      if (get().editorMessage !== null) set({ editorMessage: null })
      return true
    }
    return {
      editorSelection: [],
      editorMessage: null,
      editorMessageSeq: 0,
      editorClipboard: null,
      editorSelect: (ids) => set({ editorSelection: ids }),
      editorSetMessage: (text) => set({ editorMessage: text, editorMessageSeq: get().editorMessageSeq + 1 }),
      editorRun: run,
      editorInsertTask: (index, overrides = {}) => {
        let id: TaskId | null = null
        const changed = run('Add task', (plan, ids) => {
          id = ids.task
          return commandInsertTask(plan, index, ids.task, overrides)
        })
        if (!changed || id === null) return null
        set({ editorSelection: [id] })
        return id
      },
      editorDelete: (ids) => {
        const changed = run('Delete tasks', (plan) => commandDeleteTasks(plan, ids))
        if (changed) set({ editorSelection: [] })
        return changed
      },
      editorIndent: (ids) => run('Indent', (plan) => commandIndent(plan, ids), { mayCycle: true }),
      editorOutdent: (ids) => run('Outdent', (plan) => commandOutdent(plan, ids), { mayCycle: true }),
      editorMove: (id, direction) => run('Move task', (plan) => commandMoveTask(plan, id, direction)),
      editorUpdateTask: (id, patch, label = 'Edit task') => run(label, (plan) => commandUpdateTask(plan, id, patch)),
      editorSetCollapsed: (ids, isCollapsed) =>
        run(isCollapsed ? 'Collapse' : 'Expand', (plan) => commandSetCollapsed(plan, ids, isCollapsed)),
      editorLink: (predecessorId, successorId, type = 'FS') =>
        run('Link tasks', (plan, ids) => commandLink(plan, predecessorId, successorId, type, ids.dependency), { mayCycle: true }),
      editorUnlink: (ids) => run('Unlink tasks', (plan) => commandUnlink(plan, ids)),
      editorDragMove: (id, start) => {
        const constraint: Constraint = { type: 'SNET', date: start }
        return run('Move task', (plan) => commandUpdateTask(plan, id, { constraint }))
      },
      editorDragDuration: (id, minutes) =>
        run('Change duration', (plan) => commandUpdateTask(plan, id, { duration: Math.max(0, Math.round(minutes)), isMilestone: minutes <= 0 })),
      editorCopy: (ids) => {
        const document = get().document
        if (document === null || ids.length === 0) return
        set({ editorClipboard: clipboardCopy(document.plan, ids) })
      },
      editorPaste: (index) => {
        const rows = get().editorClipboard
        if (rows === null || rows.tasks.length === 0) return []
        let pasted: TaskId[] = []
        run('Paste tasks', (plan, ids) => {
          pasted = rows.tasks.map((_, offset) => ids.task + offset)
          return pasteRows(plan, index, rows, ids)
        })
        if (pasted.length > 0) set({ editorSelection: pasted })
        return pasted
      },
      editorUndo: () => get().documentUndo(),
      editorRedo: () => get().documentRedo(),
    }
  }
}

function pasteRows(plan: Plan, index: number, rows: ClipboardRows, ids: FreshIds): Plan {
  return commandPasteRows(plan, index, rows, ids.task, ids.dependency)
}
