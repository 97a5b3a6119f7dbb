/**
 * Resource calendars, edited in the resource sheet: a resource gets a calendar of its own derived from the project
 * calendar (Microsoft Project's resource calendar), which overrides some weekdays' working hours (a part-time week,
 * a night shift) and adds exceptions (a training day, changed hours); what it does not override it takes from the
 * project calendar, holidays included. Personal vacations stay on the resource (`nonWorkingDays`) and are laid over
 * whichever calendar it has. A calendar left without any working time is refused: the resource's work could never
 * be scheduled.
 */
import { dateIsValidIsoDate } from '../domain/dates'
import type { Calendar, CalendarId, Plan, Resource, ResourceId, WeekDay } from '../domain/model'
import { resourceRuleWorkingTimeProblem } from '../domain/resource-rules'
import { planFileLimits as limits } from '../formats/plan-file'
import { weekdayName, workingPeriodsFormat, workingPeriodsParse } from './settings'
import { commandDefine, commandDone, commandRefuse, type CommandResult } from './types'

/** A weekday of a resource calendar as typed: `null` takes the project calendar's day, `''` is a day off. */
export type ResourceCalendarDay = string | null

/** Ready-made working weeks for a resource calendar (Microsoft Project's built-in Night Shift among them). */
export const resourceCalendarPresets = {
  /** Every weekday as the project calendar has it. */
  project: { label: 'Project calendar week', days: [null, null, null, null, null, null, null] },
  /** Mornings only, Monday to Friday (20 hours a week). */
  mornings: { label: 'Part-time: mornings', days: ['', '08:00-12:00', '08:00-12:00', '08:00-12:00', '08:00-12:00', '08:00-12:00', ''] },
  /** Monday, Tuesday and Wednesday at the usual hours (a three-day week). */
  threeDays: { label: 'Part-time: Mon–Wed', days: ['', '08:00-12:00, 13:00-17:00', '08:00-12:00, 13:00-17:00', '08:00-12:00, 13:00-17:00', '', '', ''] },
  /** Microsoft Project's Night Shift base calendar: 23:00 to 08:00 with an hour's break, Monday night to Saturday morning. */
  nightShift: {
    label: 'Night shift',
    days: ['', '23:00-24:00', '00:00-03:00, 04:00-08:00, 23:00-24:00', '00:00-03:00, 04:00-08:00, 23:00-24:00', '00:00-03:00, 04:00-08:00, 23:00-24:00', '00:00-03:00, 04:00-08:00, 23:00-24:00', '00:00-03:00, 04:00-08:00'],
  },
} as const satisfies Record<string, { label: string; days: readonly ResourceCalendarDay[] }>

export type ResourceCalendarPreset = keyof typeof resourceCalendarPresets

/** The resource's own calendar, if it has one. */
export function resourceCalendarOf(plan: Plan, resource: Resource): Calendar | undefined {
  return resource.calendarId === null ? undefined : plan.calendars.find((calendar) => calendar.id === resource.calendarId)
}

/** A weekday of a calendar as the editor shows it: `null` when inherited, `''` for a day off, else its hours. */
export function resourceCalendarDayText(calendar: Calendar, weekday: number): ResourceCalendarDay {
  const day = calendar.weekDays[weekday]
  if (day === null || day === undefined) return null
  return workingPeriodsFormat(day.periods)
}

function dayParse(text: ResourceCalendarDay, weekday: number): WeekDay | null | string {
  if (text === null) return null
  if (text.trim() === '') return { periods: [] }
  const periods = workingPeriodsParse(text)
  if (periods === null || periods.length === 0)
    return `${weekdayName(weekday)}: type working hours as 08:00-12:00, 13:00-17:00 (increasing, at most ${limits.periods} periods; 24:00 ends the day), or make it a day off.`
  return { periods }
}

type Found = { resource: Resource; calendar: Calendar | undefined }

function find(plan: Plan, resourceId: ResourceId): Found | null {
  const resource = plan.resources.find((item) => item.id === resourceId)
  return resource === undefined ? null : { resource, calendar: resourceCalendarOf(plan, resource) }
}

/** The first unused calendar id. */
function freshCalendarId(plan: Plan): CalendarId {
  let id = 0
  for (const calendar of plan.calendars) id = Math.max(id, calendar.id)
  return id + 1
}

/** `plan` where the resource has its own calendar (made from the project calendar when it had none). */
function withOwnCalendar(plan: Plan, resource: Resource): { plan: Plan; calendar: Calendar } {
  const own = resourceCalendarOf(plan, resource)
  if (own !== undefined) return { plan, calendar: own }
  const calendar: Calendar = {
    id: freshCalendarId(plan),
    name: resource.name,
    baseCalendarId: plan.calendarId,
    weekDays: [null, null, null, null, null, null, null],
    exceptions: [],
    workWeeks: [],
  }
  return {
    plan: {
      ...plan,
      calendars: [...plan.calendars, calendar],
      resources: plan.resources.map((item) => (item.id === resource.id ? { ...item, calendarId: calendar.id } : item)),
    },
    calendar,
  }
}

/**
 * `plan` with calendar `changed` in place of the one with its id, refused when the resource would be left without
 * working time (its calendar with its vacations; `resourceRuleWorkingTimeProblem`).
 */
function withCalendar(plan: Plan, changed: Calendar, resource: Resource): CommandResult {
  const next = { ...plan, calendars: plan.calendars.map((calendar) => (calendar.id === changed.id ? changed : calendar)) }
  const owner = next.resources.find((item) => item.id === resource.id) ?? resource
  const problem = resourceRuleWorkingTimeProblem(next, owner)
  return problem === null ? commandDone(next) : commandRefuse(problem)
}

/** Gives a resource a calendar of its own, derived from the project calendar (nothing changes until it is edited). */
export const resourceCalendarCreate = commandDefine({
  id: 'resource/calendar-create',
  label: 'Give the resource its own calendar',
  needs: {},
  checks: [],
  perform(plan, input: { resourceId: ResourceId }) {
    const found = find(plan, input.resourceId)
    if (found === null) return commandRefuse('This resource no longer exists.')
    return commandDone(withOwnCalendar(plan, found.resource).plan)
  },
})

/**
 * One weekday of a resource's calendar: `hours` as typed (`08:00-12:00`), `''` for a day off, `null` for the project
 * calendar's day. The resource gets its own calendar if it had none.
 */
export const resourceCalendarSetDay = commandDefine({
  id: 'resource/calendar-set-day',
  label: 'Change working hours',
  needs: {},
  checks: [],
  perform(plan, input: { resourceId: ResourceId; weekday: number; hours: ResourceCalendarDay }) {
    const found = find(plan, input.resourceId)
    if (found === null) return commandRefuse('This resource no longer exists.')
    if (!Number.isInteger(input.weekday) || input.weekday < 0 || input.weekday > 6) return commandRefuse('There is no such weekday.')
    const day = dayParse(input.hours, input.weekday)
    if (typeof day === 'string') return commandRefuse(day)
    const current = found.calendar
    if (current !== undefined && resourceCalendarDayText(current, input.weekday) === (day === null ? null : workingPeriodsFormat(day.periods))) return commandDone(plan)
    const owned = withOwnCalendar(plan, found.resource)
    const weekDays = owned.calendar.weekDays.map((entry, index) => (index === input.weekday ? day : entry))
    return withCalendar(owned.plan, { ...owned.calendar, weekDays }, found.resource)
  },
})

/** A whole working week at once (a preset of the editor), as one undo step. */
export const resourceCalendarSetWeek = commandDefine({
  id: 'resource/calendar-set-week',
  label: 'Change working week',
  needs: {},
  checks: [],
  perform(plan, input: { resourceId: ResourceId; preset: ResourceCalendarPreset }) {
    const found = find(plan, input.resourceId)
    if (found === null) return commandRefuse('This resource no longer exists.')
    const preset = resourceCalendarPresets[input.preset] as { days: readonly ResourceCalendarDay[] } | undefined
    if (preset === undefined) return commandRefuse('There is no such working week.')
    const weekDays: (WeekDay | null)[] = []
    for (let weekday = 0; weekday < 7; weekday++) {
      const day = dayParse(preset.days[weekday] ?? null, weekday)
      if (typeof day === 'string') return commandRefuse(day)
      weekDays.push(day)
    }
    const owned = withOwnCalendar(plan, found.resource)
    return withCalendar(owned.plan, { ...owned.calendar, weekDays }, found.resource)
  },
})

/** An exception of a resource's calendar (a day off, a training day with other hours), as typed in the editor. */
export const resourceCalendarAddException = commandDefine({
  id: 'resource/calendar-add-exception',
  label: 'Add calendar exception',
  needs: {},
  checks: [],
  perform(plan, input: { resourceId: ResourceId; name: string; from: string; to: string; hours: string }) {
    const found = find(plan, input.resourceId)
    if (found === null) return commandRefuse('This resource no longer exists.')
    const from = input.from.trim()
    const to = input.to.trim() === '' ? from : input.to.trim()
    if (!dateIsValidIsoDate(from) || !dateIsValidIsoDate(to) || to < from)
      return commandRefuse('An exception needs a From date and a To date on or after it, written YYYY-MM-DD.')
    const periods = input.hours.trim() === '' ? [] : workingPeriodsParse(input.hours)
    if (periods === null) return commandRefuse('Type working hours as 08:00-12:00, 13:00-17:00, or leave them empty for a day off.')
    const name = input.name.trim() || (periods.length === 0 ? 'Day off' : 'Changed hours')
    if (name.length > limits.name) return commandRefuse(`An exception's name can have at most ${limits.name} characters.`)
    const owned = withOwnCalendar(plan, found.resource)
    return withCalendar(owned.plan, { ...owned.calendar, exceptions: [...owned.calendar.exceptions, { name, from, to, periods }] }, found.resource)
  },
})

export const resourceCalendarRemoveException = commandDefine({
  id: 'resource/calendar-remove-exception',
  label: 'Remove calendar exception',
  needs: {},
  checks: [],
  perform(plan, input: { resourceId: ResourceId; index: number }) {
    const found = find(plan, input.resourceId)
    if (found === null) return commandRefuse('This resource no longer exists.')
    const calendar = found.calendar
    if (calendar?.exceptions[input.index] === undefined) return commandRefuse('This exception no longer exists.')
    return withCalendar(plan, { ...calendar, exceptions: calendar.exceptions.filter((_, position) => position !== input.index) }, found.resource)
  },
})

/**
 * The resource works on the project calendar again. Its own calendar is deleted unless a task or another resource
 * still uses it.
 */
export const resourceCalendarRemove = commandDefine({
  id: 'resource/calendar-remove',
  label: 'Use the project calendar',
  needs: {},
  checks: [],
  perform(plan, input: { resourceId: ResourceId }) {
    const found = find(plan, input.resourceId)
    if (found === null) return commandRefuse('This resource no longer exists.')
    const id = found.resource.calendarId
    if (id === null) return commandDone(plan)
    const resources = plan.resources.map((item) => (item.id === found.resource.id ? { ...item, calendarId: null } : item))
    const isUsed =
      id === plan.calendarId ||
      resources.some((item) => item.calendarId === id) ||
      plan.tasks.some((task) => task.calendarId === id) ||
      plan.calendars.some((calendar) => calendar.baseCalendarId === id)
    return commandDone({ ...plan, resources, calendars: isUsed ? plan.calendars : plan.calendars.filter((calendar) => calendar.id !== id) })
  },
})
