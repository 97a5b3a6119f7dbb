/**
 * Baselines and progress (issue 16): set and clear a baseline, the status date, % complete, actual dates, actual and
 * remaining duration, actual work, and "mark on track". Typed text is read here; every refusal names what is wrong.
 */
import { baselineClearOf, baselineSetOf, type BaselineScope } from '../domain/baseline'
import { dateFromWallMinutes, dateParseTyped, dateToWallMinutes } from '../domain/dates'
import { durationParse } from '../domain/durations'
import { baselineNumbers, type BaselineNumber, type IsoDateTime, type Plan, type TaskId } from '../domain/model'
import { progressApply, progressOnTrack, type ProgressEdit } from '../domain/progress'
import { commandDefine, commandRefuse } from './types'

/** "Baseline" for 0, "Baseline 3" for 3: the names Microsoft Project shows. */
export function baselineName(number: BaselineNumber): string {
  return number === 0 ? 'Baseline' : `Baseline ${number}`
}

function baselineNumberOf(value: number): BaselineNumber | null {
  return baselineNumbers.find((number) => number === value) ?? null
}

export type BaselineSetInput = {
  /** 0 = Baseline, 1–10 = Baseline 1–10. */
  number: number
  /** The whole plan, or the selected tasks (with their summaries rolled up when `rollUp`). */
  scope: BaselineScope
  /** Selected tasks only: roll the new values up to all their summaries (Microsoft Project's "To all summary tasks"). */
  rollUp?: boolean
  /** When the baseline is set, `YYYY-MM-DDTHH:MM:SS` (commands have no clock of their own). */
  now: IsoDateTime
  /**
   * Each task's cost now, by task index, in currency units (the cost domain's figures); without it the baseline's cost
   * is left blank.
   */
  costs?: ArrayLike<number>
}

/** Microsoft Project's Set Baseline: the schedule's dates, duration, work and cost saved in one baseline. */
export const baselineSet = commandDefine({
  id: 'baseline/set',
  label: 'Set baseline',
  needs: { schedule: true },
  checks: [],
  taskFields: ['baselines'],
  perform(plan, input: BaselineSetInput, context) {
    const number = baselineNumberOf(input.number)
    if (number === null) return commandRefuse(`There is no baseline ${input.number}; choose Baseline or Baseline 1 to 10.`)
    if (context.schedule === null) return commandRefuse('The plan cannot be scheduled, so there are no dates to save.')
    if (input.scope === 'selected' && context.selection.length === 0) return commandRefuse('Select the tasks to save in the baseline first.')
    const next = baselineSetOf(plan, context.schedule, {
      number,
      taskIds: input.scope === 'selected' ? context.selection : null,
      rollUp: input.rollUp === true,
      now: input.now,
      costs: input.costs ?? null,
    })
    return { ok: true, plan: next, value: undefined }
  },
})

/** Microsoft Project's Clear Baseline, for the whole plan or the selected tasks. */
export const baselineClear = commandDefine({
  id: 'baseline/clear',
  label: 'Clear baseline',
  needs: {},
  checks: [],
  taskFields: ['baselines'],
  perform(plan, input: { number: number; scope: BaselineScope }, context) {
    const number = baselineNumberOf(input.number)
    if (number === null) return commandRefuse(`There is no baseline ${input.number}; choose Baseline or Baseline 1 to 10.`)
    if (input.scope === 'selected' && context.selection.length === 0) return commandRefuse('Select the tasks to clear first.')
    return { ok: true, plan: baselineClearOf(plan, number, input.scope === 'selected' ? context.selection : null), value: undefined }
  },
})

/** The wall-clock span the plan's schedule covers, for the status date's check. */
function planSpan(plan: Plan, context: { schedule: { start: Float64Array; finish: Float64Array } | null }): [number, number] {
  let first = dateToWallMinutes(plan.start)
  let last = first
  const schedule = context.schedule
  if (schedule !== null) {
    for (let index = 0; index < schedule.start.length; index++) {
      const start = schedule.start[index] as number
      const finish = schedule.finish[index] as number
      if (Number.isFinite(start) && start < first) first = start
      if (Number.isFinite(finish) && finish > last) last = finish
    }
  }
  return [first, last]
}

/**
 * The status date, typed (`2026-03-13`, `2026-03-13 17:00`, empty to clear): refused outside the plan (before its
 * start or after its finish), as progress can only be measured inside it. A date alone means the end of that day's
 * work (the plan's default finish time).
 */
export const projectSetStatusDate = commandDefine({
  id: 'project/set-status-date',
  label: 'Set status date',
  needs: {},
  checks: [],
  perform(plan, input: { text: string }, context) {
    const text = input.text.trim()
    if (text === '') return plan.statusDate === null ? { ok: true, plan, value: undefined } : { ok: true, plan: { ...plan, statusDate: null }, value: undefined }
    const parsed = dateParseTyped(text, plan.settings.defaultFinishTime)
    if (parsed === null) return commandRefuse(`"${text}" is not a date; type it like 2026-03-13 or 2026-03-13 17:00.`)
    const [first, last] = planSpan(plan, context)
    const minutes = dateToWallMinutes(parsed)
    if (minutes < first || minutes > last)
      return commandRefuse(`The status date ${parsed.slice(0, 16).replace('T', ' ')} is outside the plan (${dateFromWallMinutes(first).slice(0, 10)} to ${dateFromWallMinutes(last).slice(0, 10)}).`)
    return parsed === plan.statusDate ? { ok: true, plan, value: undefined } : { ok: true, plan: { ...plan, statusDate: parsed }, value: undefined }
  },
})

/** The progress fields a user types, as the grid and the details name them. */
export type ProgressField = 'percentComplete' | 'physicalPercentComplete' | 'actualStart' | 'actualFinish' | 'actualDuration' | 'remainingDuration' | 'actualWork'

const progressLabels: Record<ProgressField, string> = {
  percentComplete: '% complete',
  physicalPercentComplete: 'Physical % complete',
  actualStart: 'Actual start',
  actualFinish: 'Actual finish',
  actualDuration: 'Actual duration',
  remainingDuration: 'Remaining duration',
  actualWork: 'Actual work',
}

function parsePercent(text: string, label: string): number | string {
  const value = Number(text.replace('%', '').trim().replace(',', '.'))
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) return `${label} is a number from 0 to 100.`
  return value
}

/** Reads a typed progress value into an edit, or the sentence saying why it cannot be one. */
export function progressParse(plan: Plan, field: ProgressField, text: string): ProgressEdit | string {
  const label = progressLabels[field]
  switch (field) {
    case 'percentComplete':
    case 'physicalPercentComplete': {
      const value = parsePercent(text, label)
      return typeof value === 'string' ? value : { field, value }
    }
    case 'actualStart':
    case 'actualFinish': {
      if (text.trim() === '' || text.trim().toUpperCase() === 'NA') return { field, value: null }
      const value = dateParseTyped(text.trim(), field === 'actualStart' ? plan.settings.defaultStartTime : plan.settings.defaultFinishTime)
      return value === null ? `"${text.trim()}" is not a date; type it like 2026-03-13 or 2026-03-13 17:00.` : { field, value }
    }
    case 'actualDuration':
    case 'remainingDuration': {
      const parsed = durationParse(text, plan.settings)
      if (!parsed.ok) return parsed.error
      if (parsed.minutes < 0) return `${label} cannot be negative.`
      return { field, value: parsed.minutes }
    }
    case 'actualWork': {
      const hours = /^\s*(\d+(?:[.,]\d+)?)\s*(h|hrs?|hours?)?\s*$/i.exec(text)
      if (hours === null) return `${label} is typed in hours, like 12 or 12h.`
      return { field, value: Math.round(Number((hours[1] ?? '').replace(',', '.')) * 60 * 1000) / 1000 }
    }
  }
}

/**
 * One progress value of one task, kept consistent with the others as Microsoft Project keeps them (`progressApply`):
 * 100 % sets the actual finish, progress sets the actual start, an actual finish before the actual start is refused.
 */
export const taskSetProgress = commandDefine({
  id: 'task/set-progress',
  label: 'Update progress',
  needs: {},
  checks: [],
  perform(plan, input: { taskId: TaskId; field: ProgressField; text: string }, context) {
    const edit = progressParse(plan, input.field, input.text)
    if (typeof edit === 'string') return commandRefuse(edit)
    const result = progressApply(plan, context.schedule, input.taskId, edit)
    return result.ok ? { ok: true, plan: result.plan, value: undefined } : commandRefuse(result.message)
  },
})

/**
 * Microsoft Project's "Mark on Track": each selected task is shown as done exactly as scheduled up to the status date
 * (actual start at its start, % complete the share of its duration before the status date, finished when it ends by
 * then).
 */
export const taskMarkOnTrack = commandDefine({
  id: 'task/mark-on-track',
  label: 'Mark on track',
  needs: { selection: 1, schedule: true },
  checks: [],
  perform(plan, input: { now?: IsoDateTime }, context) {
    if (context.schedule === null) return commandRefuse('The plan cannot be scheduled, so there is no schedule to be on track with.')
    const statusDate = plan.statusDate ?? input.now ?? null
    if (statusDate === null) return commandRefuse('Set a status date first: on track means done as scheduled up to it.')
    const result = progressOnTrack(plan, context.schedule, context.selection, statusDate)
    return result.ok ? { ok: true, plan: result.plan, value: undefined } : commandRefuse(result.message)
  },
})
