/**
 * The editing slice: the selection, the message line, the clipboard and the one path every plan edit takes. A
 * view names a command of the registry (`src/shared/commands`) and its input; `editorRun` performs it on the open
 * plan with the selection, schedule and clipboard as context, shows a refusal in the message line (nothing
 * changes), and otherwise hands the new plan to the document slice's `documentCommit`, which schedules it, records
 * it as one undo step and writes it to IndexedDB. The selection follows what the command says (a new row, pasted
 * rows, the row after a deleted one).
 */
import type { StateCreator } from 'zustand'
import { commandLabel, type CommandId, type CommandInput, type CommandOutput } from '../../../shared/commands/registry'
import { clipboardCopy, type InsertWhere } from '../../../shared/commands/outline'
import { commandQuestion, commandRun } from '../../../shared/commands/run'
import type { ClipboardRows, CommandQuestion } from '../../../shared/commands/types'
import type { Plan, TaskId } from '../../../shared/domain/model'
import type { ScheduleResult } from '../../../shared/domain/schedule-types'
import { dateOrder } from '../ui/date-format'

/** What the editing slice needs from the document slice of the app store. */
export type EditorHost = {
  document: {
    plan: Plan
    schedule: ScheduleResult | null
    /** Earlier versions (most recent last) and undone ones, when the host keeps a history. */
    undoStack?: readonly Plan[]
    redoStack?: readonly Plan[]
  } | null
  /**
   * Set while this window may only show the plan (another tab or window is editing it): every command is refused.
   * Optional so a host without the notion (the UI benchmark's) needs no flag.
   */
  documentIsReadOnly?: boolean
  documentCommit(next: Plan): void
  documentUndo(): void
  documentRedo(): void
}

/** The refusal of every command while the plan is read-only here. */
export const editorReadOnlyMessage = 'This plan is read-only in this window, so it cannot be changed here. Nothing was changed.'

/**
 * What became of a command: done (`isChanged` false when there was nothing to do, e.g. the same text), refused, or
 * waiting for the answer to its question (`isAsked`: it runs if the user says yes).
 */
export type CommandOutcome<Output> = { ok: true; isChanged: boolean; value: Output } | { ok: false; message: string; isAsked?: boolean }

/** A command's question waiting for an answer (the workspace shows it as a dialog). */
export type EditorQuestion = CommandQuestion & { label: string }

export type EditorSlice = {
  /** Selected task ids (the active row first). */
  editorSelection: TaskId[]
  /** The last refused edit, shown with role=alert; `null` when there is nothing to say. */
  editorMessage: string | null
  /** Bumped with every message so the same text shown twice is announced twice. */
  editorMessageSeq: number
  editorClipboard: ClipboardRows | null
  /**
   * A request from outside the grid (the toolbar's Add task, the Task menu's Insert Task) to open a blank row and
   * type a new task's name there: a row left without a name is not a task. The Gantt view takes it and clears it.
   */
  editorInsertRequest: InsertWhere | null
  editorInsertRequestSet(where: InsertWhere | null): void
  /** The question a command asked before running (deleting a summary with its subtasks), or `null`. */
  editorQuestion: EditorQuestion | null
  /** Answers the question: yes runs the command as it was asked for; no drops it. */
  editorAnswer(isYes: boolean): void
  editorSelect(ids: TaskId[]): void
  editorSetMessage(text: string | null): void
  /** Runs command `id` of the registry on the open plan: one undo step, or a refusal in the message line. */
  editorRun<Id extends CommandId>(id: Id, input: CommandInput<Id>): CommandOutcome<CommandOutput<Id>>
  /** Copies tasks (the selection when none are named) with their subtasks and the links among them. */
  editorCopy(ids?: readonly TaskId[]): void
  editorUndo(): void
  editorRedo(): void
  /** The name of the step Undo would take back ("Indent"), or `null` when it was not a command (or there is none). */
  editorUndoLabel(): string | null
  /** The name of the step Redo would repeat, or `null`. */
  editorRedoLabel(): string | null
}

/** The slice creator, combined into the app store with the document slice. */
export function editorSliceCreator<S extends EditorSlice & EditorHost>(): StateCreator<S, [], [], EditorSlice> {
  return (rawSet, get) => {
    const set = (value: Partial<EditorSlice>): void => rawSet(value as Partial<S>)
    /** Which command made each plan version, for the Undo and Redo labels; versions are dropped with the history. */
    const madeBy = new WeakMap<Plan, string>()
    /** What yes does for the question shown. */
    let onYes: (() => void) | null = null

    const run = <Id extends CommandId>(id: Id, input: CommandInput<Id>, isAnswered: boolean): CommandOutcome<CommandOutput<Id>> => {
      const state = get()
      const document = state.document
      if (document === null) return { ok: false, message: 'Open a plan first.' }
      if (state.documentIsReadOnly === true) {
        state.editorSetMessage(editorReadOnlyMessage)
        return { ok: false, message: editorReadOnlyMessage }
      }
      const schedule = document.schedule !== null && document.schedule.ok ? document.schedule.schedule : null
      const context = {
        selection: state.editorSelection,
        schedule,
        clipboard: state.editorClipboard,
        // Typed dates are read in the user's own numeric form (and in ISO form).
        dateOrder: dateOrder(),
      }
      if (!isAnswered) {
        const question = commandQuestion(document.plan, id, input, context)
        if (question !== null) {
          // The selection may change before the answer: yes runs on what was asked about.
          const selection = state.editorSelection
          onYes = () => {
            if (get().editorSelection !== selection) set({ editorSelection: selection })
            run(id, input, true)
          }
          set({ editorQuestion: { ...question, label: commandLabel(id) } })
          return { ok: false, message: question.text, isAsked: true }
        }
      }
      const result = commandRun(document.plan, id, input, context)
      if (!result.ok) {
        state.editorSetMessage(result.message)
        return result
      }
      if (result.isChanged) {
        madeBy.set(result.plan, commandLabel(id))
        state.documentCommit(result.plan)
        if (get().editorMessage !== null) set({ editorMessage: null })
      }
      if (result.selection !== undefined) set({ editorSelection: result.selection })
      return { ok: true, isChanged: result.isChanged, value: result.value }
    }

    return {
      editorSelection: [],
      editorMessage: null,
      editorMessageSeq: 0,
      editorClipboard: null,
      editorInsertRequest: null,
      editorInsertRequestSet: (where) => set({ editorInsertRequest: where }),
      editorQuestion: null,
      editorAnswer: (isYes) => {
        const yes = onYes
        onYes = null
        set({ editorQuestion: null })
        if (isYes) yes?.()
      },
      editorSelect: (ids) => set({ editorSelection: ids }),
      editorSetMessage: (text) => set({ editorMessage: text, editorMessageSeq: get().editorMessageSeq + 1 }),
      editorRun: (id, input) => run(id, input, false),
      editorCopy: (ids) => {
        const document = get().document
        const copied = ids ?? get().editorSelection
        if (document === null || copied.length === 0) return
        set({ editorClipboard: clipboardCopy(document.plan, copied) })
      },
      editorUndo: () => get().documentUndo(),
      editorRedo: () => get().documentRedo(),
      editorUndoLabel: () => {
        const document = get().document
        return document === null || document.undoStack?.length === 0 ? null : (madeBy.get(document.plan) ?? null)
      },
      editorRedoLabel: () => {
        const following = get().document?.redoStack?.at(-1)
        return following === undefined ? null : (madeBy.get(following) ?? null)
      },
    }
  }
}
