/**
 * The shape of a plan command. A command is a named, pure plan edit: `perform` gets the plan, the command's own
 * input (typed text, a task id, a number of days…) and the context every command may need (the selection, the
 * schedule, fresh ids, the clipboard), and returns the next plan or a refusal with a message. It never mutates its
 * input: unchanged tasks, links and assignments keep their identity, which lets the store find the changed rows in
 * O(n) by reference comparison.
 *
 * Undo: one run of a command is one undo step, however many rows it changes (a paste, a delete with subtasks, a
 * leveling run), named by the command's label. What a user thinks of as one action is therefore one command
 * ("Link" on five selected tasks is `link/chain`, not four `link/add`).
 */
import type { Dependency, DependencyType, Plan, Task, TaskId } from '../domain/model'
import type { DateOrder } from '../domain/dates'
import type { Schedule } from '../domain/schedule-types'

/** The first unused ids: a command that adds rows numbers them from here. */
export type FreshIds = { task: number; dependency: number; assignment: number; resource: number }

/** Rows on the clipboard: tasks with levels relative to the first, and the links among them. */
export type ClipboardRows = {
  tasks: Task[]
  links: { from: number; to: number; type: DependencyType; lag: number; lagUnit: Dependency['lagUnit'] }[]
}

/** What every command may read besides its input. */
export type CommandContext = {
  /** Selected task ids, the active task first. */
  selection: readonly TaskId[]
  /** The schedule of `plan`, or `null` when it cannot be scheduled (or no engine runs). */
  schedule: Schedule | null
  ids: FreshIds
  clipboard: ClipboardRows | null
  /**
   * How the user writes numeric dates (their locale's day, month and year order), for the commands that read a
   * typed date; ISO dates are read in every order. Absent or `null`: ISO dates only.
   */
  dateOrder?: DateOrder | null
}

/**
 * What a command needs before it can run; the run path refuses it with a message when a need is not met, and
 * menus and toolbars use it to disable the command.
 */
export type CommandNeeds = {
  /** At least this many selected tasks (unless the input names the tasks). */
  selection?: number
  /** A scheduled plan (the engine's dates), e.g. to move a task by working days. */
  schedule?: boolean
  /** Rows on the clipboard. */
  clipboard?: boolean
}

/**
 * What the run path checks on the result before it is kept: `links` runs the engine's validation (a link cycle,
 * a self-link), `calendar` that the project calendar still has working time. The `.gantry` file limits are
 * checked for every command.
 */
export type CommandCheck = 'links' | 'calendar'

export type CommandDone<Output> = {
  ok: true
  plan: Plan
  /** The selection after the command (new rows, pasted rows, the row after a deleted one); unchanged when absent. */
  selection?: TaskId[]
  value: Output
}
export type CommandRefused = { ok: false; message: string }
export type CommandResult<Output = undefined> = CommandDone<Output> | CommandRefused

/** What a command asks before it runs (deleting a summary with its subtasks): the question and its yes-button. */
export type CommandQuestion = { title: string; text: string; confirmLabel: string }

export type Command<Input, Output = undefined> = {
  /** `area/verb`, like the IPC channels and menu commands (`task/indent`). */
  id: string
  /** What the user calls it: the undo step, the Help, menus and refusals ("Indent: …"). */
  label: string
  needs: CommandNeeds
  checks: readonly CommandCheck[]
  /**
   * The only task fields the command changes, when it says so: the file-limit check then validates just these
   * fields of each changed task instead of whole rows (setting a baseline re-validated all 10,000 rows: 75 ms).
   */
  taskFields?: readonly (keyof Task)[]
  /**
   * What to ask before running, as Microsoft Project asks before deleting a summary with its subtasks; `null` when
   * there is nothing to ask. The store asks (a dialog) and runs the command only on yes, whichever way it came.
   */
  confirm?(plan: Plan, input: Input, context: CommandContext): CommandQuestion | null
  perform(plan: Plan, input: Input, context: CommandContext): CommandResult<Output>
}

/** A finished command with no value to report. */
export function commandDone(plan: Plan, selection?: TaskId[]): CommandDone<undefined> {
  return selection === undefined ? { ok: true, plan, value: undefined } : { ok: true, plan, selection, value: undefined }
}

/** A refused command: `message` says why, in one sentence the UI shows as is. */
export function commandRefuse(message: string): CommandRefused {
  return { ok: false, message }
}

/** Declares a command, inferring its input and output types from `perform`. */
export function commandDefine<Input, Output = undefined>(command: Command<Input, Output>): Command<Input, Output> {
  return command
}
