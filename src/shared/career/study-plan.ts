import type { Dependency, IsoDate, Plan, Task } from '../domain/model'
import { makePlan, makeTask } from '../domain/defaults'
import { dateAddDays, dateToDayNumber, dateWeekday } from '../domain/dates'

export type StudyPlanInput = {
  /** Storage id of the new plan (the caller generates it). */
  planId: string
  /** Creation time `YYYY-MM-DDTHH:MM:SS`. */
  now: string
  certificationName: string
  /** First day of study (usually today). */
  studyStart: IsoDate
  applicationOn: IsoDate | null
  examBookedOn: IsoDate | null
  examOn: IsoDate
  /** Planned study hours per week, shown in each week's task. */
  hoursPerWeek: number
  /**
   * Whether the exam needs an approved application first (PMI's do): `false` leaves the application milestone out,
   * `null` (not known, a custom certification) keeps it only when an application date is given.
   */
  examNeedsApplication: boolean | null
}

export type StudyPlanResult = { ok: true; plan: Plan; weeks: number } | { ok: false; message: string }

const minutesPerWorkingWeek = 5 * 8 * 60
/** 08:00, the Standard calendar's first working minute. */
const morning = 'T08:00:00'

/**
 * The first day of study weeks for a plan started on `day`: that day when it is a Monday, else the next Monday
 * (study weeks follow the Standard calendar's Monday-to-Friday week).
 */
export function studyPlanFirstWeek(day: IsoDate): IsoDate {
  const weekday = dateWeekday(dateToDayNumber(day))
  return dateAddDays(day, weekday === 1 ? 0 : (8 - weekday) % 7)
}

const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const

/**
 * When the study weeks of a plan made on `today` start, as the form's hint says it: "today (Monday 2026-12-07)" on
 * a Monday, else "Monday 2026-12-14" (the rule `studyPlanBuild` applies).
 */
export function studyPlanStartText(today: IsoDate): string {
  const first = studyPlanFirstWeek(today)
  const name = weekdayNames[dateWeekday(dateToDayNumber(first))] ?? ''
  return first === today ? `today (${name} ${first})` : `${name} ${first}`
}

/**
 * Builds a Gantry plan for preparing a certification exam: milestones for the application (only for exams that need
 * one), the booking and the exam day (each fixed to its date with a must-start-on constraint when known), and a
 * "Study" summary with one task per week (a working week each, linked finish-to-start) from `studyPlanFirstWeek`
 * up to the week before the exam; the last week links to the exam day. Refuses an exam day that leaves less
 * than one study week, or dates out of order.
 */
export function studyPlanBuild(input: StudyPlanInput): StudyPlanResult {
  const { examOn, studyStart } = input
  if (input.applicationOn !== null && input.examBookedOn !== null && input.examBookedOn < input.applicationOn)
    return { ok: false, message: 'The exam cannot be booked before the application.' }
  if (input.examBookedOn !== null && input.examBookedOn > examOn)
    return { ok: false, message: 'The exam must be booked before the exam day.' }
  if (!Number.isFinite(input.hoursPerWeek) || input.hoursPerWeek <= 0 || input.hoursPerWeek > 80)
    return { ok: false, message: 'Study hours per week must be a number above 0 and at most 80.' }
  const firstWeek = studyPlanFirstWeek(studyStart)
  // A week of study runs Monday to Friday, so it fits if its Friday is before the exam day.
  const weeks = Math.floor((dateToDayNumber(examOn) - dateToDayNumber(firstWeek) + 2) / 7)
  if (weeks < 1)
    return {
      ok: false,
      message: `The exam on ${examOn} leaves no full study week after ${studyStart}; choose a later exam day.`,
    }
  const hasApplication =
    input.examNeedsApplication === true ||
    (input.examNeedsApplication === null && input.applicationOn !== null)
  const planStartDay = [studyStart, hasApplication ? input.applicationOn : null, input.examBookedOn]
    .filter((day): day is IsoDate => day !== null)
    .sort()[0]
  const plan = makePlan(
    input.planId,
    `${input.certificationName}: exam preparation`,
    `${planStartDay}${morning}`,
    input.now,
  )
  const tasks: Task[] = []
  const dependencies: Dependency[] = []
  const link = (predecessorId: number, successorId: number) =>
    dependencies.push({
      id: dependencies.length + 1,
      predecessorId,
      successorId,
      type: 'FS',
      lag: 0,
      lagUnit: 'd',
    })
  const milestone = (name: string, day: IsoDate | null, notes: string) => {
    const task = makeTask(tasks.length + 1, {
      name,
      notes,
      duration: 0,
      isMilestone: true,
      constraint: day === null ? { type: 'ASAP', date: null } : { type: 'MSO', date: `${day}${morning}` },
    })
    tasks.push(task)
    return task
  }
  const application = hasApplication
    ? milestone(
        'Application submitted',
        input.applicationOn,
        `Submit the ${input.certificationName} application.`,
      )
    : null
  const booked = milestone(
    'Exam booked',
    input.examBookedOn,
    application === null ? 'Book the exam slot.' : 'Book the exam slot once the application is approved.',
  )
  if (application !== null) link(application.id, booked.id)
  const summary = makeTask(tasks.length + 1, {
    name: 'Study',
    notes: `${weeks} weeks at about ${input.hoursPerWeek} h a week.`,
  })
  tasks.push(summary)
  let previousWeek: Task | null = null
  for (let week = 1; week <= weeks; week++) {
    const isLast = week === weeks
    const task = makeTask(tasks.length + 1, {
      name: isLast && weeks > 1 ? `Week ${week}: practice exam and review` : `Week ${week}: study`,
      level: 2,
      notes: `About ${input.hoursPerWeek} h of study in week ${week} of ${weeks}.`,
      duration: minutesPerWorkingWeek,
      durationUnit: 'w',
      constraint:
        week === 1 ? { type: 'SNET', date: `${firstWeek}${morning}` } : { type: 'ASAP', date: null },
      deadline: isLast ? `${dateAddDays(examOn, -1)}T17:00:00` : null,
    })
    tasks.push(task)
    if (previousWeek !== null) link(previousWeek.id, task.id)
    previousWeek = task
  }
  const exam = milestone('Exam day', examOn, `Sit the ${input.certificationName} exam.`)
  if (previousWeek !== null) link(previousWeek.id, exam.id)
  link(booked.id, exam.id)
  return { ok: true, plan: { ...plan, tasks, dependencies }, weeks }
}
