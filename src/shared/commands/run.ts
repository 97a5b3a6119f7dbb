/**
 * The one way a command is carried out, without the store: check what it needs, perform it, and check the result
 * (link cycles, a calendar without working time, the `.gantry` file's limits) before anyone keeps it. A refusal
 * comes back as the message the user sees, ending in "Nothing was changed."; the store shows it and keeps the plan.
 */
import { calendarCompile, calendarIsProblem } from '../domain/calendar'
import type { Plan, TaskId } from '../domain/model'
import { validatePlan } from '../domain/validate'
import { fileLimitsProblem } from './file-limits'
import { finishLimitProblem } from './finish-limit'
import { commandsById, type CommandId, type CommandInput, type CommandOutput } from './registry'
import type { CommandCheck, CommandContext, CommandNeeds, CommandQuestion, FreshIds } from './types'

export type CommandRunResult<Output> =
  | {
      ok: true
      plan: Plan
      /** False when the command had nothing to do (the plan is the same object). */
      isChanged: boolean
      selection?: TaskId[]
      value: Output
    }
  | { ok: false; message: string }

/** The first unused task, link, assignment and resource ids of a plan. */
export function commandFreshIds(plan: Plan): FreshIds {
  let task = 0
  for (const item of plan.tasks) if (item.id > task) task = item.id
  let dependency = 0
  for (const item of plan.dependencies) if (item.id > dependency) dependency = item.id
  let assignment = 0
  for (const item of plan.assignments) if (item.id > assignment) assignment = item.id
  let resource = 0
  for (const item of plan.resources) if (item.id > resource) resource = item.id
  return { task: task + 1, dependency: dependency + 1, assignment: assignment + 1, resource: resource + 1 }
}

const nothingChanged = 'Nothing was changed.'

function refused(message: string): { ok: false; message: string } {
  return { ok: false, message: `${message} ${nothingChanged}` }
}

/** Why `command` cannot run in `context` (a need not met), or `null`. */
export function commandNeedsProblem(needs: CommandNeeds, input: unknown, context: Omit<CommandContext, 'ids'>): string | null {
  const isNamed = typeof input === 'object' && input !== null && 'taskIds' in input && Array.isArray(input.taskIds)
  const selected = isNamed ? Number.POSITIVE_INFINITY : context.selection.length
  if (needs.selection !== undefined && selected < needs.selection)
    return needs.selection === 1 ? 'Select a task first.' : `Select at least ${needs.selection} tasks first.`
  if (needs.schedule === true && context.schedule === null) return 'The plan cannot be scheduled; fix the problem shown first.'
  if (needs.clipboard === true && (context.clipboard === null || context.clipboard.tasks.length === 0)) return 'Copy tasks first, then paste them.'
  return null
}

/**
 * What command `id` asks before it runs on `input` (deleting a summary with its subtasks), or `null`: the store shows
 * the question and runs the command only on yes.
 */
export function commandQuestion<Id extends CommandId>(plan: Plan, id: Id, input: CommandInput<Id>, context: Omit<CommandContext, 'ids'>): CommandQuestion | null {
  const command = commandsById[id]
  if (command.confirm === undefined || commandNeedsProblem(command.needs, input, context) !== null) return null
  return command.confirm(plan, input, { ...context, ids: commandFreshIds(plan) })
}

/** Whether command `id` can run on the selection in `context` (menus and toolbars disable it otherwise). */
export function commandIsAvailable(id: CommandId, context: Omit<CommandContext, 'ids'>): boolean {
  return commandNeedsProblem(commandsById[id].needs, {}, context) === null
}

function checkProblem(check: CommandCheck, plan: Plan): string | null {
  if (check === 'links') {
    const result = validatePlan(plan)
    return result.ok ? null : (result.problems[0]?.message ?? 'The plan cannot be scheduled.')
  }
  const calendar = calendarCompile(plan, plan.calendarId)
  return calendarIsProblem(calendar) ? calendar.message : null
}

/**
 * Runs command `id` on `plan`.
 * @returns the next plan (the same object when the command had nothing to do), the selection after it and the
 *   command's value; or the refusal as the sentence to show
 */
export function commandRun<Id extends CommandId>(
  plan: Plan,
  id: Id,
  input: CommandInput<Id>,
  context: Omit<CommandContext, 'ids'>,
): CommandRunResult<CommandOutput<Id>> {
  const command = commandsById[id]
  const need = commandNeedsProblem(command.needs, input, context)
  if (need !== null) return refused(need)
  // Fresh ids cost a walk over every row; only the commands that add rows read them.
  let ids: FreshIds | null = null
  const result = command.perform(plan, input, {
    ...context,
    get ids() {
      ids ??= commandFreshIds(plan)
      return ids
    },
  })
  if (!result.ok) return refused(result.message)
  const next = result.plan
  const selection = result.selection === undefined ? {} : { selection: result.selection }
  if (next === plan) return { ok: true, plan, isChanged: false, value: result.value, ...selection }
  for (const check of command.checks) {
    const problem = checkProblem(check, next)
    if (problem !== null) return refused(`${command.label}: ${problem}`)
  }
  const limit = fileLimitsProblem(plan, next, command.taskFields)
  if (limit !== null) return refused(limit)
  const late = finishLimitProblem(plan, next, context.schedule)
  if (late !== null) return refused(late)
  return { ok: true, plan: next, isChanged: true, value: result.value, ...selection }
}
