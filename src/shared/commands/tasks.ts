/**
 * Commands on one task's fields, as typed in a grid cell or the details panel, or set by dragging a bar. Each
 * reads the typed text itself (durations, dates, predecessor lists, resources, percentages) and refuses text it
 * cannot read with a message; summaries, whose dates, duration and progress come from their subtasks, refuse
 * those edits.
 */
import { progressApply } from '../domain/progress'
import { assignmentsTextApply } from '../domain/assignments-text'
import { calendarAddWorkingMinutes, calendarCompile, calendarIsProblem, calendarNextWorkingTime } from '../domain/calendar'
import { dateDayOfWallMinutes, dateFromWallMinutes, dateParseTyped, dateToWallMinutes, dateTypedHasTime } from '../domain/dates'
import { durationParse } from '../domain/durations'
import type { ConstraintType, Dependency, DependencyId, DurationUnit, Plan, Task, TaskId } from '../domain/model'
import { predecessorsParse, type ParsedPredecessor } from '../domain/predecessors'
import type { Schedule } from '../domain/schedule-types'
import { taskRuleManualChange, taskRuleMilestoneChange, taskRuleSetDuration, type TaskRuleResult } from '../domain/task-rules'
import { planFileLimits as limits } from '../formats/plan-file'
import { manualFieldSet, manualMoveByWorkingDays } from './manual'
import { finishLimitProblemOf, taskFinishLatest } from './finish-limit'
import { outlineIsSummary } from './outline'
import { parseDateHint, parsePercent, parseWholeNumber } from './parse'
import { commandDefine, commandDone, commandRefuse, type CommandResult } from './types'

/** Changes fields of one task; the same plan when every field already has its value. */
export function taskUpdate(plan: Plan, id: TaskId, patch: Partial<Omit<Task, 'id'>>): Plan {
  const index = plan.tasks.findIndex((task) => task.id === id)
  const current = plan.tasks[index]
  if (current === undefined) return plan
  const isSame = (Object.keys(patch) as (keyof typeof patch)[]).every((key) => JSON.stringify(current[key]) === JSON.stringify(patch[key]))
  if (isSame) return plan
  const tasks = plan.tasks.slice()
  tasks[index] = { ...current, ...patch }
  return { ...plan, tasks }
}

/** Input of the commands that read typed text for one task. */
export type TaskTextInput = { taskId: TaskId; text: string }

type Found = { task: Task; index: number; isSummary: boolean }

/** The task and whether it is a summary, or the refusal when it no longer exists. */
function find(plan: Plan, taskId: TaskId): Found | null {
  const index = plan.tasks.findIndex((task) => task.id === taskId)
  const task = plan.tasks[index]
  return task === undefined ? null : { task, index, isSummary: outlineIsSummary(plan.tasks, index) }
}

const gone = (): CommandResult => commandRefuse('This task no longer exists.')

export { taskFinishLatest }

/** Why a typed date cannot be kept: it is after `taskFinishLatest`. */
export function dateTooLate(date: string): string | null {
  return date > taskFinishLatest ? `${date.slice(0, 10)} is after 2149-12-31, the last date Microsoft Project can schedule.` : null
}

/**
 * Why a task of `minutes` in `unit`, starting where the schedule has it, cannot be kept: its finish would pass
 * `taskFinishLatest`. `null` when it fits, when it is no longer than it was, or when there is no schedule to tell the
 * start.
 */
function finishTooLate(plan: Plan, found: Found, minutes: number, unit: DurationUnit, schedule: Schedule | null): string | null {
  // A task made shorter is kept, even in a plan that already reaches past the limit (an imported one).
  if (minutes <= found.task.duration && unit === found.task.durationUnit) return null
  const index = schedule?.indexOf.get(found.task.id)
  const start = schedule === null || index === undefined ? Number.NaN : (schedule.start[index] ?? Number.NaN)
  const problem = finishLimitProblemOf(plan, found.task, start, minutes, unit)
  return problem === null ? null : `${problem}; type a shorter duration.`
}

function fromRule(result: TaskRuleResult): CommandResult {
  return result.ok ? commandDone(result.plan) : commandRefuse(result.message)
}
const summaryDates = "A summary's dates come from its subtasks; change the subtasks instead."

export const taskRename = commandDefine({
  id: 'task/rename',
  label: 'Rename task',
  needs: {},
  checks: [],
  perform(plan, input: TaskTextInput) {
    const name = input.text.trim()
    if (name.length > limits.name) return commandRefuse(`A task name can have at most ${limits.name} characters.`)
    return commandDone(taskUpdate(plan, input.taskId, { name }))
  },
})

export const taskSetDuration = commandDefine({
  id: 'task/set-duration',
  label: 'Change duration',
  needs: {},
  checks: [],
  perform(plan, input: TaskTextInput, context) {
    const found = find(plan, input.taskId)
    if (found === null) return gone()
    // A manual task (a summary too) keeps the duration typed, or a blank one.
    if (found.task.schedulingMode === 'manual') return manualFieldSet(plan, input.taskId, 'duration', input.text)
    if (found.isSummary) return commandRefuse("A summary's duration comes from its subtasks; change the subtasks instead.")
    const parsed = durationParse(input.text, plan.settings)
    if (!parsed.ok) return commandRefuse(parsed.error)
    const tooLate = finishTooLate(plan, found, parsed.minutes, parsed.unit, context.schedule)
    if (tooLate !== null) return commandRefuse(tooLate)
    // Microsoft Project's rule for the task's type: its people's work (or units) follow.
    return fromRule(taskRuleSetDuration(plan, input.taskId, parsed.minutes, parsed.unit))
  },
})

/**
 * The delay resource leveling put before a task, as typed in the Leveling delay column: elapsed time (`2ed`, `16eh`;
 * a bare number is elapsed days), as Microsoft Project keeps it; `0` takes the delay away.
 */
export const taskSetLevelingDelay = commandDefine({
  id: 'task/set-leveling-delay',
  label: 'Change leveling delay',
  needs: {},
  checks: [],
  perform(plan, input: TaskTextInput) {
    const found = find(plan, input.taskId)
    if (found === null) return gone()
    if (found.isSummary) return commandRefuse("A summary is not delayed by leveling itself; change its subtasks' delays instead.")
    const parsed = durationParse(input.text, plan.settings, 'ed')
    if (!parsed.ok) return commandRefuse(parsed.error)
    if (parsed.minutes !== 0 && !parsed.unit.startsWith('e'))
      return commandRefuse('A leveling delay is elapsed time: type it in elapsed days or hours, for example 2ed or 16eh.')
    return commandDone(taskUpdate(plan, input.taskId, { levelingDelay: parsed.minutes }))
  },
})

/**
 * A new duration in minutes, from a dragged bar end or Shift+arrows in the chart; the milestone rule is the same
 * as for a typed duration.
 */
export const taskResize = commandDefine({
  id: 'task/resize',
  label: 'Change duration',
  needs: {},
  checks: [],
  perform(plan, input: { taskId: TaskId; minutes: number }, context) {
    const found = find(plan, input.taskId)
    if (found === null) return gone()
    if (!Number.isFinite(input.minutes)) return commandRefuse('The new duration is not a number.')
    const minutes = Math.max(0, Math.round(input.minutes))
    if (found.task.schedulingMode === 'manual') return fromRule(taskRuleManualChange(plan, input.taskId, { duration: minutes }))
    if (found.isSummary) return commandRefuse("A summary's duration comes from its subtasks; change the subtasks instead.")
    const tooLate = finishTooLate(plan, found, minutes, found.task.durationUnit, context.schedule)
    if (tooLate !== null) return commandRefuse(tooLate)
    return fromRule(taskRuleSetDuration(plan, input.taskId, minutes))
  },
})

/**
 * Whether typed date text names the date a task already shows: the same day when only a day was typed, the same
 * minute when a time was typed too. Retyping what is shown changes nothing (it does not pin the task).
 */
function isShownDate(text: string, date: string, shown: number | undefined): boolean {
  if (shown === undefined || !Number.isFinite(shown)) return false
  return dateTypedHasTime(text) ? dateToWallMinutes(date) === shown : date.slice(0, 10) === dateDayOfWallMinutes(shown)
}

function dateCommand(id: 'task/set-start' | 'task/set-finish', label: string, type: 'SNET' | 'FNET') {
  return commandDefine({
    id,
    label,
    needs: {},
    checks: [],
    perform(plan, input: TaskTextInput, context) {
      const found = find(plan, input.taskId)
      if (found === null) return gone()
      // A manual task keeps the date typed (or a blank one) without a constraint, as in Microsoft Project.
      if (found.task.schedulingMode === 'manual') return manualFieldSet(plan, input.taskId, type === 'SNET' ? 'start' : 'finish', input.text)
      if (found.isSummary) return commandRefuse(summaryDates)
      const text = input.text.trim()
      const order = context.dateOrder ?? null
      if (text === '') return commandRefuse(`Type a date. ${parseDateHint(order)}`)
      const defaultTime = type === 'SNET' ? plan.settings.defaultStartTime : plan.settings.defaultFinishTime
      const date = dateParseTyped(text, defaultTime, order)
      if (date === null) return commandRefuse(`"${text}" is not a date. ${parseDateHint(order)}`)
      const late = dateTooLate(date)
      if (late !== null) return commandRefuse(late)
      const schedule = context.schedule
      const index = schedule?.indexOf.get(input.taskId)
      const shown = schedule === null || index === undefined ? undefined : (type === 'SNET' ? schedule.start : schedule.finish)[index]
      // The day (at midnight) as typed, before a 24:00 default time moves it to the next day.
      const typedDay = dateParseTyped(text, 0, order) ?? date
      if (isShownDate(text, dateTypedHasTime(text) ? date : typedDay, shown)) return commandDone(plan)
      // Typing a date pins the task there, as Microsoft Project does: start no earlier / finish no earlier than.
      return commandDone(taskUpdate(plan, input.taskId, { constraint: { type, date } }))
    },
  })
}

export const taskSetStart = dateCommand('task/set-start', 'Change start', 'SNET')
export const taskSetFinish = dateCommand('task/set-finish', 'Change finish', 'FNET')

/** Replaces all predecessor links of `successorId` by `links`, keeping the ids and identity of unchanged ones. */
export function taskSetLinks(plan: Plan, successorId: TaskId, links: readonly ParsedPredecessor[], firstNewId: DependencyId): Plan {
  const unused = plan.dependencies.filter((link) => link.successorId === successorId)
  const added: Dependency[] = []
  let nextId = firstNewId
  for (const link of links) {
    const same = unused.findIndex(
      (old) => old.predecessorId === link.predecessorId && old.type === link.type && old.lag === link.lag && old.lagUnit === link.lagUnit,
    )
    if (same >= 0) unused.splice(same, 1)
    else added.push({ id: nextId++, successorId, ...link })
  }
  if (unused.length === 0 && added.length === 0) return plan
  const removed = new Set(unused.map((link) => link.id))
  return { ...plan, dependencies: [...plan.dependencies.filter((link) => !removed.has(link.id)), ...added] }
}

/** A predecessor list as typed in the Predecessors column ("3FS+2d, 5SS"); rows are the tasks' row numbers (IDs). */
export const taskSetPredecessors = commandDefine({
  id: 'task/set-predecessors',
  label: 'Change predecessors',
  needs: {},
  checks: ['links'],
  perform(plan, input: TaskTextInput, context) {
    if (find(plan, input.taskId) === null) return gone()
    const parsed = predecessorsParse(input.text, (reference) => plan.tasks[reference - 1]?.id ?? null, plan.settings, input.taskId)
    if (!parsed.ok) return commandRefuse(parsed.error)
    return commandDone(taskSetLinks(plan, input.taskId, parsed.links, context.ids.dependency))
  },
})

/** Resources as typed in the Resources column ("Ana[50%], Ben"). */
export const taskSetResources = commandDefine({
  id: 'task/set-resources',
  label: 'Change resources',
  needs: {},
  checks: [],
  perform(plan, input: TaskTextInput) {
    if (find(plan, input.taskId) === null) return gone()
    const result = assignmentsTextApply(plan, input.taskId, input.text)
    if (!result.ok) return commandRefuse(result.error.message)
    return commandDone(result.changed ? result.plan : plan)
  },
})

export const taskSetComplete = commandDefine({
  id: 'task/set-complete',
  label: 'Change % complete',
  needs: {},
  checks: [],
  perform(plan, input: TaskTextInput, context) {
    const value = parsePercent(input.text)
    if (value === null || value > 100) return commandRefuse('% Complete must be a number from 0 to 100.')
    const found = find(plan, input.taskId)
    if (found === null) return gone()
    if (found.isSummary) return commandRefuse("A summary's progress comes from its subtasks; change the subtasks instead.")
    // The actual dates and actual work follow the % complete, as Microsoft Project keeps them (progress.ts).
    const result = progressApply(plan, context.schedule, input.taskId, { field: 'percentComplete', value })
    return result.ok ? commandDone(result.plan) : commandRefuse(result.message)
  },
})

export const taskSetPriority = commandDefine({
  id: 'task/set-priority',
  label: 'Change priority',
  needs: {},
  checks: [],
  perform(plan, input: TaskTextInput) {
    const value = parseWholeNumber(input.text, 0, 1000)
    if (value === null) return commandRefuse('Priority must be a whole number from 0 to 1000.')
    return commandDone(taskUpdate(plan, input.taskId, { priority: value }))
  },
})

/** The task's scope texts, as typed in the details panel. */
export type TaskTextField = 'notes' | 'deliverable' | 'acceptanceCriteria'
const textFieldNames: Record<TaskTextField, string> = { notes: 'Notes', deliverable: 'The deliverable', acceptanceCriteria: 'Acceptance criteria' }

export const taskSetText = commandDefine({
  id: 'task/set-text',
  label: 'Edit task details',
  needs: {},
  checks: [],
  perform(plan, input: { taskId: TaskId; field: TaskTextField; text: string }) {
    if (input.text.length > limits.text) return commandRefuse(`${textFieldNames[input.field]} can have at most ${limits.text.toLocaleString('en-US')} characters.`)
    return commandDone(taskUpdate(plan, input.taskId, { [input.field]: input.text }))
  },
})

/** Constraints on a task's finish take a typed day at the plan's default finish time; the others at its start time. */
function constraintDefaultTime(plan: Plan, type: ConstraintType): number {
  return type === 'FNET' || type === 'FNLT' || type === 'MFO' ? plan.settings.defaultFinishTime : plan.settings.defaultStartTime
}

/** A constraint type chosen in the details panel, with the date typed beside it (the task's date when it has one). */
export const taskSetConstraint = commandDefine({
  id: 'task/set-constraint',
  label: 'Change constraint',
  needs: {},
  checks: [],
  perform(plan, input: { taskId: TaskId; type: ConstraintType; dateText: string }, context) {
    const found = find(plan, input.taskId)
    if (found === null) return gone()
    if (input.type === 'ASAP' || input.type === 'ALAP') return commandDone(taskUpdate(plan, input.taskId, { constraint: { type: input.type, date: null } }))
    const date = found.task.constraint.date ?? dateParseTyped(input.dateText, constraintDefaultTime(plan, input.type), context.dateOrder ?? null)
    if (date === null) return commandRefuse(`Type the constraint date first, then choose the constraint. ${parseDateHint(context.dateOrder)}`)
    const late = dateTooLate(date)
    if (late !== null) return commandRefuse(late)
    return commandDone(taskUpdate(plan, input.taskId, { constraint: { type: input.type, date } }))
  },
})

export const taskSetConstraintDate = commandDefine({
  id: 'task/set-constraint-date',
  label: 'Change constraint date',
  needs: {},
  checks: [],
  perform(plan, input: TaskTextInput, context) {
    const found = find(plan, input.taskId)
    if (found === null) return gone()
    const type = found.task.constraint.type
    // As soon / as late as possible take no date.
    if (type === 'ASAP' || type === 'ALAP') return commandDone(plan)
    const date = dateParseTyped(input.text, constraintDefaultTime(plan, type), context.dateOrder ?? null)
    if (date === null) return commandRefuse(`"${input.text.trim()}" is not a date. ${parseDateHint(context.dateOrder)}`)
    const late = dateTooLate(date)
    if (late !== null) return commandRefuse(late)
    return commandDone(taskUpdate(plan, input.taskId, { constraint: { type, date } }))
  },
})

export const taskSetMilestone = commandDefine({
  id: 'task/set-milestone',
  label: 'Set milestone',
  needs: {},
  checks: [],
  perform(plan, input: { taskId: TaskId; isMilestone: boolean }) {
    const found = find(plan, input.taskId)
    if (found === null) return gone()
    return commandDone(taskUpdate(plan, input.taskId, taskRuleMilestoneChange(found.task, input.isMilestone, plan.settings.minutesPerDay)))
  },
})

/**
 * Moves a task by whole working days of its calendar (a day = the plan's minutes per day), pinning it there with a
 * start-no-earlier-than constraint as Microsoft Project does when a bar is dragged. The one rule for the chart's
 * arrow keys and for dragging a bar (which counts the working days between where the bar was and where it was
 * dropped).
 */
export const taskMoveByWorkingDays = commandDefine({
  id: 'task/move-by-working-days',
  label: 'Move task',
  needs: { schedule: true },
  checks: [],
  perform(plan, input: { taskId: TaskId; days: number }, context) {
    const found = find(plan, input.taskId)
    const schedule = context.schedule
    if (found === null) return gone()
    if (schedule === null) return commandRefuse('The plan is not scheduled, so its tasks cannot be moved by working days.')
    if (!Number.isInteger(input.days)) return commandRefuse('A task moves by whole working days.')
    if (input.days === 0) return commandDone(plan)
    // A manual bar keeps its length and its mode; its typed dates move.
    if (found.task.schedulingMode === 'manual') return manualMoveByWorkingDays(plan, input.taskId, input.days, schedule)
    if (found.isSummary) return commandRefuse("A summary's dates come from its subtasks; move the subtasks instead.")
    const calendar = calendarCompile(plan, found.task.calendarId ?? plan.calendarId)
    if (calendarIsProblem(calendar)) return commandRefuse(calendar.message)
    const scheduled = schedule.indexOf.get(input.taskId)
    const start = scheduled === undefined ? undefined : schedule.start[scheduled]
    if (start === undefined || !Number.isFinite(start)) return commandRefuse('This task has no start date to move from.')
    const moved = calendarNextWorkingTime(calendar, calendarAddWorkingMinutes(calendar, start, input.days * plan.settings.minutesPerDay))
    return commandDone(taskUpdate(plan, input.taskId, { constraint: { type: 'SNET', date: dateFromWallMinutes(moved) } }))
  },
})
