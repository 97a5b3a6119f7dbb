/**
 * Manually scheduled tasks (Microsoft Project 2010 and later): switching tasks between automatic and manual
 * scheduling, typing a manual task's start, finish and duration (any of them may be left blank), moving its bar,
 * "Respect Links" on request, and the plan setting for the mode of new tasks. A manual task keeps what was typed:
 * links and leveling do not move it; the engine reports the links its dates break (`Schedule.linkViolations`).
 */
import { calendarAddWorkingMinutes, calendarCompile, calendarIsProblem, calendarNextWorkingTime } from '../domain/calendar'
import { dateFromWallMinutes, dateParseTyped } from '../domain/dates'
import { durationParse } from '../domain/durations'
import type { Plan, SchedulingMode, TaskId } from '../domain/model'
import { scheduleRespectLinks, scheduleTaskScheduled } from '../domain/schedule'
import type { Schedule } from '../domain/schedule-types'
import { taskRuleManualChange, taskRuleSetMode, type TaskRuleManualChange } from '../domain/task-rules'
import { commandDefine, commandDone, commandRefuse, type CommandResult } from './types'

/** The modes by name, as the Mode column and the details show them (Microsoft Project's words). */
export const schedulingModeNames: Record<SchedulingMode, string> = { auto: 'Auto Scheduled', manual: 'Manually Scheduled' }

/**
 * Reads a mode typed in the Mode column: "Manual", "Manually Scheduled", "m", "Auto", "Auto Scheduled", "a" (or
 * the ids `manual`, `auto`).
 * @returns the mode, or `null` when the text names neither
 */
export function schedulingModeParse(text: string): SchedulingMode | null {
  const key = text.trim().toLowerCase()
  if (key === '') return null
  if ('manually scheduled'.startsWith(key) || 'manual'.startsWith(key)) return 'manual'
  if ('auto scheduled'.startsWith(key) || 'automatically scheduled'.startsWith(key)) return 'auto'
  return null
}

/** The tasks a selection command works on: those named in the input, else the selection. */
function targets(input: { taskIds?: readonly TaskId[] }, selection: readonly TaskId[]): readonly TaskId[] {
  return input.taskIds ?? selection
}

/**
 * Switches `taskIds` to `mode` one by one with Microsoft Project's rule (`taskRuleSetMode`): a task made manual keeps
 * the dates it is scheduled at now (from `schedule`), so nothing moves.
 */
function setModes(plan: Plan, taskIds: readonly TaskId[], mode: SchedulingMode, schedule: Schedule | null): CommandResult {
  let next = plan
  for (const taskId of taskIds) {
    const scheduled = schedule === null ? null : scheduleTaskScheduled(schedule, taskId)
    const result = taskRuleSetMode(next, taskId, mode, scheduled)
    if (!result.ok) return commandRefuse(result.message)
    next = result.plan
  }
  return commandDone(next)
}

/** The Mode column and the details' mode choice: the mode typed for one task. */
export const taskSetMode = commandDefine({
  id: 'task/set-mode',
  label: 'Change task mode',
  needs: {},
  checks: [],
  perform(plan, input: { taskId: TaskId; text: string }, context) {
    const mode = schedulingModeParse(input.text)
    if (mode === null) return commandRefuse(`"${input.text.trim()}" is not a task mode; type Manual or Auto.`)
    return setModes(plan, [input.taskId], mode, context.schedule)
  },
})

/** Microsoft Project's "Manually Schedule" on the selected tasks: they keep the dates they have now. */
export const taskScheduleManually = commandDefine({
  id: 'task/schedule-manually',
  label: 'Manually schedule',
  needs: { selection: 1 },
  checks: [],
  perform(plan, input: { taskIds?: TaskId[] }, context) {
    return setModes(plan, targets(input, context.selection), 'manual', context.schedule)
  },
})

/** Microsoft Project's "Auto Schedule" on the selected tasks: their links and constraints place them again. */
export const taskScheduleAutomatically = commandDefine({
  id: 'task/schedule-automatically',
  label: 'Auto schedule',
  needs: { selection: 1 },
  checks: [],
  perform(plan, input: { taskIds?: TaskId[] }, context) {
    return setModes(plan, targets(input, context.selection), 'auto', context.schedule)
  },
})

const dateHint = 'Type it as YYYY-MM-DD, for example 2026-03-02, or leave it blank.'

/**
 * A manual task's Start, Finish or Duration as typed in the grid or the details: empty text leaves it blank,
 * anything else is read as a date (at the plan's default start or finish time) or a duration, and placed with
 * Microsoft Project's rule (`taskRuleManualChange`: a new start keeps a known duration, and so on).
 * @returns the command's result: the new plan, or a refusal (a finish before the start, text that is no date)
 */
export function manualFieldSet(plan: Plan, taskId: TaskId, field: 'start' | 'finish' | 'duration', text: string): CommandResult {
  const index = plan.tasks.findIndex((task) => task.id === taskId)
  const task = plan.tasks[index]
  if (task === undefined) return commandRefuse('This task no longer exists.')
  const trimmed = text.trim()
  let change: TaskRuleManualChange
  let current = plan
  if (field === 'duration') {
    if (trimmed === '') change = { duration: null }
    else {
      const parsed = durationParse(trimmed, plan.settings)
      if (!parsed.ok) return commandRefuse(parsed.error)
      change = { duration: parsed.minutes }
      if (parsed.unit !== task.durationUnit) {
        const tasks = plan.tasks.slice()
        tasks[index] = { ...task, durationUnit: parsed.unit }
        current = { ...plan, tasks }
      }
    }
  } else if (trimmed === '') change = { [field]: null }
  else {
    const date = dateParseTyped(trimmed, field === 'start' ? plan.settings.defaultStartTime : plan.settings.defaultFinishTime)
    if (date === null) return commandRefuse(`"${trimmed}" is not a date. ${dateHint}`)
    change = { [field]: date }
  }
  const result = taskRuleManualChange(current, taskId, change)
  return result.ok ? commandDone(result.plan) : commandRefuse(result.message)
}

/**
 * A manual task's bar moved by whole working days (a drag, the chart's arrow keys): its typed start and finish move
 * together, so it keeps its length; it stays manual.
 * @returns the command's result
 */
export function manualMoveByWorkingDays(plan: Plan, taskId: TaskId, days: number, schedule: Schedule): CommandResult {
  const index = schedule.indexOf.get(taskId)
  const task = plan.tasks.find((item) => item.id === taskId)
  if (task === undefined || index === undefined) return commandRefuse('This task no longer exists.')
  const calendar = calendarCompile(plan, task.calendarId ?? plan.calendarId)
  if (calendarIsProblem(calendar)) return commandRefuse(calendar.message)
  const start = schedule.start[index]
  const finish = schedule.finish[index]
  if (start === undefined || finish === undefined || !Number.isFinite(start)) return commandRefuse('This task has no start date to move from.')
  const length = calendar.work(finish) - calendar.work(start)
  const movedStart = calendarNextWorkingTime(calendar, calendarAddWorkingMinutes(calendar, start, days * plan.settings.minutesPerDay))
  const movedFinish = calendarAddWorkingMinutes(calendar, movedStart, length)
  const result = taskRuleManualChange(plan, taskId, { start: dateFromWallMinutes(movedStart), finish: dateFromWallMinutes(movedFinish) })
  return result.ok ? commandDone(result.plan) : commandRefuse(result.message)
}

/** What "Respect links" did: how many tasks moved, and the largest move in wall minutes (positive = later). */
export type RespectLinksSummary = { moved: number; largestMove: number }

/**
 * Microsoft Project's "Respect Links" on the selected manual tasks: each moves once to where its links put it (in
 * outline order, so a chain of manual tasks follows its first one) and stays manual there.
 */
export const taskRespectLinks = commandDefine({
  id: 'task/respect-links',
  label: 'Respect links',
  needs: { selection: 1 },
  checks: [],
  perform(plan, input: { taskIds?: TaskId[] }, context) {
    const wanted = new Set(targets(input, context.selection))
    const manual = plan.tasks.filter((task) => wanted.has(task.id) && task.schedulingMode === 'manual')
    if (manual.length === 0) return commandRefuse('Respect links moves manually scheduled tasks; the selected tasks are scheduled automatically, so their links already place them.')
    let next = plan
    const summary: RespectLinksSummary = { moved: 0, largestMove: 0 }
    for (const task of manual) {
      const result = scheduleRespectLinks(next, task.id)
      if (!result.ok) return commandRefuse(result.message)
      if (result.plan !== next) {
        summary.moved++
        if (Math.abs(result.movedBy) > Math.abs(summary.largestMove)) summary.largestMove = result.movedBy
      }
      next = result.plan
    }
    return { ok: true, plan: next, value: summary }
  },
})

/** The project setting "New tasks are manually scheduled" (Microsoft Project's; automatic by default). */
export const settingsSetNewTaskMode = commandDefine({
  id: 'settings/set-new-task-mode',
  label: 'Change the mode of new tasks',
  needs: {},
  checks: [],
  perform(plan, input: { mode: SchedulingMode }) {
    if (input.mode !== 'auto' && input.mode !== 'manual') return commandRefuse('New tasks are scheduled automatically or manually.')
    if (plan.settings.newTaskSchedulingMode === input.mode) return commandDone(plan)
    return commandDone({ ...plan, settings: { ...plan.settings, newTaskSchedulingMode: input.mode } })
  },
})
