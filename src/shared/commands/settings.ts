/**
 * Project settings commands: the plan start, the conversion figures (minutes per day and week, days per month),
 * the project calendar's working week and its exceptions (holidays, changed hours). Calendar edits are checked
 * so the project calendar keeps some working time.
 */
import { dateClockText, dateIsValidIsoDate, dateParseTyped } from '../domain/dates'
import type { Calendar, Plan, WorkingPeriod } from '../domain/model'
import { planFileLimits as limits } from '../formats/plan-file'
import { parseDateHint } from './parse'
import { dateTooLate } from './tasks'
import { commandDefine, commandDone, commandRefuse } from './types'

const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

/** `08:00-12:00, 13:00-17:00` as periods, or `null` when the text is not a list of up to five increasing periods. */
export function workingPeriodsParse(text: string): WorkingPeriod[] | null {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
  const periods: WorkingPeriod[] = []
  for (const part of parts) {
    const match = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(part)
    if (match === null) return null
    const startMinute = Number(match[2])
    const endMinute = Number(match[4])
    const start = Number(match[1]) * 60 + startMinute
    const end = Number(match[3]) * 60 + endMinute
    if (startMinute > 59 || endMinute > 59 || start >= end || end > 1440) return null
    const previous = periods[periods.length - 1]
    if (previous !== undefined && start < previous.end) return null
    periods.push({ start, end })
  }
  return periods.length > limits.periods ? null : periods
}

/** Periods as `08:00-12:00, 13:00-17:00`, the inverse of `workingPeriodsParse`. */
export function workingPeriodsFormat(periods: readonly WorkingPeriod[]): string {
  return periods.map((period) => `${dateClockText(period.start)}-${dateClockText(period.end)}`).join(', ')
}

/** The plan's project calendar, if it exists. */
export function projectCalendar(plan: Plan): Calendar | undefined {
  return plan.calendars.find((calendar) => calendar.id === plan.calendarId)
}

function withCalendar(plan: Plan, change: (calendar: Calendar) => Calendar): Plan {
  return { ...plan, calendars: plan.calendars.map((calendar) => (calendar.id === plan.calendarId ? change(calendar) : calendar)) }
}

function withWeekday(plan: Plan, weekday: number, periods: WorkingPeriod[]): Plan {
  return withCalendar(plan, (calendar) => ({ ...calendar, weekDays: calendar.weekDays.map((entry, index) => (index === weekday ? { periods } : entry)) }))
}

export const projectSetStart = commandDefine({
  id: 'project/set-start',
  label: 'Change project start',
  needs: {},
  checks: [],
  perform(plan, input: { text: string }, context) {
    const date = dateParseTyped(input.text, plan.settings.defaultStartTime, context.dateOrder ?? null)
    if (date === null) return commandRefuse(`"${input.text.trim()}" is not a date. ${parseDateHint(context.dateOrder)}`)
    const late = dateTooLate(date)
    if (late !== null) return commandRefuse(late)
    return commandDone(date === plan.start ? plan : { ...plan, start: date })
  },
})

/** A conversion figure of the project settings. */
export type SettingsNumber = 'minutesPerDay' | 'minutesPerWeek' | 'daysPerMonth'

/**
 * Each figure as the settings show it, in Microsoft Project's words: hours per day and week (stored as minutes),
 * days per month; `minutesPerUnit` converts, `min` and `max` are the `.gantry` file's range in the shown unit.
 */
export const settingsNumbers: Record<SettingsNumber, { label: string; unit: string; minutesPerUnit: number; max: number }> = {
  minutesPerDay: { label: 'Hours per day', unit: 'hours', minutesPerUnit: 60, max: 24 },
  minutesPerWeek: { label: 'Hours per week', unit: 'hours', minutesPerUnit: 60, max: 168 },
  daysPerMonth: { label: 'Days per month', unit: 'days', minutesPerUnit: 1, max: 31 },
}

/** A figure as the settings show it: 480 minutes per day is `8`, 450 is `7.5`. */
export function settingsNumberText(key: SettingsNumber, stored: number): string {
  return String(Math.round((stored / settingsNumbers[key].minutesPerUnit) * 100) / 100)
}

export const settingsSetNumber = commandDefine({
  id: 'settings/set-number',
  label: 'Change project settings',
  needs: {},
  checks: [],
  perform(plan, input: { key: SettingsNumber; text: string }) {
    const { label, unit, minutesPerUnit, max } = settingsNumbers[input.key]
    const text = input.text.trim().replace(',', '.')
    const amount = /^\d+(?:\.\d+)?$|^\.\d+$/.test(text) ? Number(text) : Number.NaN
    // Hours are kept in whole minutes (7.5 hours is 450); days per month is a whole number.
    const value = Math.round(amount * minutesPerUnit)
    const isWhole = minutesPerUnit > 1 || Number.isInteger(amount)
    if (!Number.isFinite(amount) || value < 1 || value > max * minutesPerUnit || !isWhole)
      return commandRefuse(
        minutesPerUnit > 1
          ? `${label} must be a number of hours from 1 minute to ${max} (for example 8 or 7.5).`
          : `${label} must be a whole number of ${unit} from 1 to ${max}.`,
      )
    if (value === plan.settings[input.key]) return commandDone(plan)
    return commandDone({ ...plan, settings: { ...plan.settings, [input.key]: value } })
  },
})

/**
 * Makes a weekday of the project calendar working (the plan's default hours with an hour's break: 08:00-12:00,
 * 13:00-17:00 by default) or non-working.
 */
export const calendarSetWorkingDay = commandDefine({
  id: 'calendar/set-working-day',
  label: 'Change working days',
  needs: {},
  checks: ['calendar'],
  perform(plan, input: { weekday: number; isWorking: boolean }) {
    if (weekdayNames[input.weekday] === undefined) return commandRefuse('There is no such weekday.')
    if (projectCalendar(plan) === undefined) return commandRefuse('The plan has no project calendar.')
    const { defaultStartTime: start, defaultFinishTime: finish } = plan.settings
    const periods = input.isWorking ? [{ start, end: start + 240 }, { start: start + 300, end: finish }] : []
    return commandDone(withWeekday(plan, input.weekday, periods))
  },
})

export const calendarSetHours = commandDefine({
  id: 'calendar/set-hours',
  label: 'Change working hours',
  needs: {},
  checks: ['calendar'],
  perform(plan, input: { weekday: number; text: string }) {
    const calendar = projectCalendar(plan)
    if (calendar === undefined) return commandRefuse('The plan has no project calendar.')
    const periods = workingPeriodsParse(input.text)
    if (periods === null || periods.length === 0) return commandRefuse('Type working hours as 08:00-12:00, 13:00-17:00 (increasing, at most five periods).')
    const current = calendar.weekDays[input.weekday]?.periods ?? []
    if (workingPeriodsFormat(periods) === workingPeriodsFormat(current)) return commandDone(plan)
    return commandDone(withWeekday(plan, input.weekday, periods))
  },
})

/** A holiday (no working hours) or changed hours for some days, as typed in the settings. */
export const calendarAddException = commandDefine({
  id: 'calendar/add-exception',
  label: 'Add exception',
  needs: {},
  checks: ['calendar'],
  perform(plan, input: { name: string; from: string; to: string; hours: string }, context) {
    if (projectCalendar(plan) === undefined) return commandRefuse('The plan has no project calendar.')
    const order = context.dateOrder ?? null
    const from = dateParseTyped(input.from, 0, order)?.slice(0, 10) ?? ''
    const to = input.to.trim() === '' ? from : (dateParseTyped(input.to, 0, order)?.slice(0, 10) ?? '')
    if (!dateIsValidIsoDate(from) || !dateIsValidIsoDate(to) || to < from)
      return commandRefuse(`An exception needs a From date and a To date on or after it. ${parseDateHint(order).replace('Type it', 'Type them')}`)
    const periods = input.hours.trim() === '' ? [] : workingPeriodsParse(input.hours)
    if (periods === null) return commandRefuse('Type working hours as 08:00-12:00, 13:00-17:00, or leave them empty for a holiday.')
    const name = input.name.trim() || 'Holiday'
    return commandDone(withCalendar(plan, (calendar) => ({ ...calendar, exceptions: [...calendar.exceptions, { name, from, to, periods }] })))
  },
})

export const calendarRemoveException = commandDefine({
  id: 'calendar/remove-exception',
  label: 'Remove exception',
  needs: {},
  checks: ['calendar'],
  perform(plan, input: { index: number }) {
    const calendar = projectCalendar(plan)
    if (calendar?.exceptions[input.index] === undefined) return commandRefuse('This exception no longer exists.')
    return commandDone(withCalendar(plan, (item) => ({ ...item, exceptions: item.exceptions.filter((_, position) => position !== input.index) })))
  },
})

/** The weekday's name, 0 = Sunday. */
export function weekdayName(weekday: number): string {
  return weekdayNames[weekday] ?? `Day ${weekday}`
}
