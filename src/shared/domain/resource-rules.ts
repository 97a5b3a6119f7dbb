/**
 * Rules for editing resources that the edit commands call before they store anything: a resource calendar must have
 * working time (else no task on it could ever be scheduled).
 */
import { CalendarSet, calendarIsProblem, calendarResourceEffective } from './calendar'
import { dateToDayNumber } from './dates'
import type { Calendar, Plan, Resource } from './model'

/**
 * Why `calendar` (a new or edited calendar of `plan`, e.g. a resource's own) cannot be stored, or `null`: it must
 * have working time of its own or through its base calendar, its base must exist, and it must not be its own base.
 * The message names the calendar.
 */
export function resourceRuleCalendarProblem(
  plan: Pick<Plan, 'calendars' | 'start'>,
  calendar: Calendar,
): string | null {
  const calendars = [...plan.calendars.filter((candidate) => candidate.id !== calendar.id), calendar]
  const compiled = new CalendarSet(calendars, dateToDayNumber(plan.start.slice(0, 10))).get(calendar.id)
  return calendarIsProblem(compiled) ? compiled.message : null
}

/**
 * Why `resource` (new or edited) cannot be stored because of its working time, or `null`: its calendar (or the
 * project's) must exist and have working time.
 */
export function resourceRuleWorkingTimeProblem(
  plan: Pick<Plan, 'calendars' | 'start' | 'calendarId'>,
  resource: Resource,
): string | null {
  const effective = calendarResourceEffective(plan, resource)
  const compiled = new CalendarSet(
    [...plan.calendars, effective],
    dateToDayNumber(plan.start.slice(0, 10)),
  ).get(effective.id)
  if (!calendarIsProblem(compiled)) return null
  return compiled.kind === 'no-working-time'
    ? `${resource.name.trim() === '' ? 'This resource' : resource.name} would have no working time: its tasks could never be scheduled.`
    : compiled.message
}
