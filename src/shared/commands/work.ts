/**
 * Commands on work, units and the task type (Microsoft Project's Work, Type and Effort Driven fields, and the units
 * and work of each assignment), as typed in the grid's Work and Type columns and the task details. Each applies the
 * rules of `domain/task-rules.ts`: what follows when one of duration, work or units changes depends on the task
 * type. Work is typed in hours by default (`16h`, `16`, `2d`, `1w`); units as a percentage (`50%`).
 */
import { assignmentUnitsParse } from '../domain/assignments-text'
import { durationUnitOfWord } from '../domain/durations'
import type { AssignmentId, Minutes, PlanSettings, TaskId, TaskType } from '../domain/model'
import {
  taskRuleSetAssignmentUnits,
  taskRuleSetAssignmentWork,
  taskRuleSetEffortDriven,
  taskRuleSetType,
  taskRuleSetWork,
  taskRuleWorkProblem,
  type TaskRuleResult,
} from '../domain/task-rules'
import { commandDefine, commandDone, commandRefuse, type CommandResult } from './types'

type WorkSettings = Pick<PlanSettings, 'minutesPerDay' | 'minutesPerWeek' | 'daysPerMonth'>

const workPattern = /^([+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?)\s*([a-z]*)$/i

/**
 * Reads work as typed: a number of hours (`16`, `16h`, `16 hrs`), or minutes, days, weeks or months of the plan's
 * working time (`90m`, `2d` = 2 x minutes per day, `1w`, `1mo`).
 * @returns the work in minutes of work, or the sentence saying why it is refused (not a number, an elapsed unit,
 * negative, more than `taskRuleLimits.work`)
 */
export function workParse(text: string, settings: WorkSettings): { ok: true; minutes: Minutes } | { ok: false; message: string } {
  const trimmed = text.trim()
  const match = workPattern.exec(trimmed)
  const hint = 'Type work as hours (16h), days (2d) or weeks (1w).'
  if (match === null || match[1] === undefined) return { ok: false, message: `"${trimmed}" is not an amount of work. ${hint}` }
  const word = (match[2] ?? '').toLowerCase()
  // The grid's duration words (durations.ts); work is counted in working time, so elapsed units are refused.
  const unit = word === '' ? 'h' : durationUnitOfWord(word)
  if (unit === undefined) return { ok: false, message: `"${word}" is not a unit of work. ${hint}` }
  if (unit !== 'm' && unit !== 'h' && unit !== 'd' && unit !== 'w' && unit !== 'mo')
    return { ok: false, message: `Work is counted in working time, not elapsed time ("${word}"). ${hint}` }
  const perUnit = unit === 'm' ? 1 : unit === 'h' ? 60 : unit === 'd' ? settings.minutesPerDay : unit === 'w' ? settings.minutesPerWeek : settings.daysPerMonth * settings.minutesPerDay
  const minutes = Math.round(Number(match[1].replace(',', '.')) * perUnit * 1000) / 1000
  const problem = taskRuleWorkProblem(minutes)
  return problem === null ? { ok: true, minutes: minutes === 0 ? 0 : minutes } : { ok: false, message: problem }
}

/** Work as the grid shows it: hours with at most two decimals (`16h`, `2.5h`), as Microsoft Project's default. */
export function workFormat(minutes: Minutes): string {
  const hours = Math.round((minutes / 60) * 100) / 100
  return `${hours === 0 ? 0 : hours}h`
}

/** The task types by name, as the Type column and the details show them (Microsoft Project's words). */
export const taskTypeNames: Record<TaskType, string> = {
  'fixed-units': 'Fixed Units',
  'fixed-duration': 'Fixed Duration',
  'fixed-work': 'Fixed Work',
}

/**
 * Reads a task type typed in the Type column: its name or the start of it ("Fixed Work", "fixed w", "work", "FW"),
 * or its id (`fixed-work`).
 * @returns the type, or `null` when the text names none
 */
export function taskTypeParse(text: string): TaskType | null {
  const key = text.trim().toLowerCase().replace(/[\s_-]+/g, ' ')
  const short: Record<string, TaskType> = { fu: 'fixed-units', fd: 'fixed-duration', fw: 'fixed-work' }
  const byShort = short[key.replace(/\s/g, '')]
  if (byShort !== undefined) return byShort
  // "Fixed Work", "fixed w", "work", "w": the word after "fixed" decides (units, duration and work start differently).
  const rest = key.replace(/^fixed\s*/, '')
  if (rest === '') return null
  for (const [type, name] of Object.entries(taskTypeNames) as [TaskType, string][]) {
    if (name.toLowerCase().slice('fixed '.length).startsWith(rest)) return type
  }
  return null
}

function fromRule(result: TaskRuleResult): CommandResult {
  return result.ok ? commandDone(result.plan) : commandRefuse(result.message)
}

/** Input of the commands that read typed text for one task. */
type TaskText = { taskId: TaskId; text: string }

/** Work typed in the Work column or the details: shared among the task's people; its type says what follows. */
export const taskSetWork = commandDefine({
  id: 'task/set-work',
  label: 'Change work',
  needs: {},
  checks: [],
  perform(plan, input: TaskText) {
    if (!plan.tasks.some((task) => task.id === input.taskId)) return commandRefuse('This task no longer exists.')
    const parsed = workParse(input.text, plan.settings)
    if (!parsed.ok) return commandRefuse(parsed.message)
    return fromRule(taskRuleSetWork(plan, input.taskId, parsed.minutes))
  },
})

/** The task type, typed in the Type column or chosen in the details (nothing else moves, as in Microsoft Project). */
export const taskSetType = commandDefine({
  id: 'task/set-type',
  label: 'Change task type',
  needs: {},
  checks: [],
  perform(plan, input: TaskText) {
    const type = taskTypeParse(input.text)
    if (type === null) return commandRefuse(`"${input.text.trim()}" is not a task type; choose Fixed Units, Fixed Duration or Fixed Work.`)
    return fromRule(taskRuleSetType(plan, input.taskId, type))
  },
})

export const taskSetEffortDriven = commandDefine({
  id: 'task/set-effort-driven',
  label: 'Change effort driven',
  needs: {},
  checks: [],
  perform(plan, input: { taskId: TaskId; isEffortDriven: boolean }) {
    return fromRule(taskRuleSetEffortDriven(plan, input.taskId, input.isEffortDriven))
  },
})

/** Microsoft Project's "Scheduling ignores resource calendars": the task's people work on the task's calendar. */
export const taskSetIgnoresResourceCalendars = commandDefine({
  id: 'task/set-ignores-resource-calendars',
  label: 'Change ignore resource calendars',
  needs: {},
  checks: [],
  perform(plan, input: { taskId: TaskId; ignoresResourceCalendars: boolean }) {
    const index = plan.tasks.findIndex((task) => task.id === input.taskId)
    const task = plan.tasks[index]
    if (task === undefined) return commandRefuse('This task no longer exists.')
    if (task.ignoresResourceCalendars === input.ignoresResourceCalendars) return commandDone(plan)
    const tasks = plan.tasks.slice()
    tasks[index] = { ...task, ignoresResourceCalendars: input.ignoresResourceCalendars }
    return commandDone({ ...plan, tasks })
  },
})

function resourceNameOf(plan: { resources: readonly { id: number; name: string }[]; assignments: readonly { id: number; resourceId: number }[] }, assignmentId: AssignmentId): string | null {
  const assignment = plan.assignments.find((item) => item.id === assignmentId)
  if (assignment === undefined) return null
  return plan.resources.find((resource) => resource.id === assignment.resourceId)?.name ?? `resource ${assignment.resourceId}`
}

/** One assignment's units, typed beside it in the task details (`50%`): its task's type says what follows. */
export const assignmentSetUnits = commandDefine({
  id: 'assignment/set-units',
  label: 'Change assignment units',
  needs: {},
  checks: [],
  perform(plan, input: { assignmentId: AssignmentId; text: string }) {
    const name = resourceNameOf(plan, input.assignmentId)
    if (name === null) return commandRefuse('This assignment no longer exists.')
    const parsed = assignmentUnitsParse(input.text, name)
    if (!parsed.ok) return commandRefuse(parsed.message)
    return fromRule(taskRuleSetAssignmentUnits(plan, input.assignmentId, parsed.units))
  },
})

/** One assignment's work, typed beside it in the task details (`24h`): its task's type says what follows. */
export const assignmentSetWork = commandDefine({
  id: 'assignment/set-work',
  label: 'Change assignment work',
  needs: {},
  checks: [],
  perform(plan, input: { assignmentId: AssignmentId; text: string }) {
    const name = resourceNameOf(plan, input.assignmentId)
    if (name === null) return commandRefuse('This assignment no longer exists.')
    const parsed = workParse(input.text, plan.settings)
    if (!parsed.ok) return commandRefuse(parsed.message.replace(/^Work /, `The work of ${name} `))
    return fromRule(taskRuleSetAssignmentWork(plan, input.assignmentId, parsed.minutes))
  },
})
