/**
 * Issue 16: the plan option `moveRemainingAfterStatusDate` (Microsoft Project's "Move start of remaining parts before
 * status date forward to status date"). With it on and a status date set, the remaining part of an automatically
 * scheduled task that is behind is scheduled from the status date: the completed part stays where it happened (the
 * actual start does not move), the remaining duration runs from the status date on the task's calendar (on each
 * driving assignment's calendar for a resource-driven task), and a task not started yet starts no earlier than the
 * status date. Dates computed by hand on the Standard calendar (Mon–Fri 08:00–12:00, 13:00–17:00), plan start Monday
 * 2026-10-05 08:00.
 */
import { describe, expect, it } from 'vitest'
import { dateFromWallMinutes } from '../../src/shared/domain/dates'
import { makeAssignment } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import { schedulePrepare, scheduleRun } from '../../src/shared/domain/schedule'
import type { Schedule } from '../../src/shared/domain/schedule-types'
import { link, task, testPlan } from '../support/generate-plan'
import { makeResource } from '../support/resource-plans'

function run(plan: Plan): Schedule {
  const result = scheduleRun(plan)
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '))
  return result.schedule
}

const text = (minutes: number | undefined): string => dateFromWallMinutes(minutes ?? Number.NaN)
const dates = (schedule: Schedule, index: number): [string, string] => [
  text(schedule.start[index]),
  text(schedule.finish[index]),
]

// Status date: Thursday 2026-10-08 17:00 (four working days after the start).
function statusPlan(move: boolean): Plan {
  const monday = '2026-10-05T08:00:00'
  return testPlan(
    [
      // 1: 10 days, 20 % done (2 days: Monday and Tuesday), behind: 2 days of progress by Thursday evening.
      task(1, 10, { actualStart: monday, percentComplete: 20 }),
      // 2: 1 day after task 1.
      task(2, 1),
      // 3: 2 days, not started, due Monday.
      task(3, 2),
      // 4: 5 days, 80 % done (4 days: exactly up to the status date): on schedule.
      task(4, 5, { actualStart: monday, percentComplete: 80 }),
      // 5: finished Monday to Tuesday.
      task(5, 2, { actualStart: monday, actualFinish: '2026-10-06T17:00:00', percentComplete: 100 }),
      // 6: not started, start no earlier than Wednesday 2026-10-14: after the status date anyway.
      task(6, 1, { constraint: { type: 'SNET', date: '2026-10-14T08:00:00' } }),
      // 7: Ana works 40 h at 100 % (5 days), started Monday, 20 % done (Monday's 8 h).
      task(7, 5, { actualStart: monday, percentComplete: 20, work: 2400 }),
    ],
    [link(1, 2)],
    {
      statusDate: '2026-10-08T17:00:00',
      resources: [makeResource(1, 'Ana')],
      assignments: [makeAssignment(1, 7, 1, 100, 2400)],
      settings: { ...testPlan([]).settings, moveRemainingAfterStatusDate: move },
    },
  )
}

describe('remaining work after the status date', () => {
  it('off (the default): progress stays on the original dates', () => {
    const schedule = run(statusPlan(false))
    // 10 days from Monday 5th: Friday 16th.
    expect(dates(schedule, 0)).toEqual(['2026-10-05T08:00:00', '2026-10-16T17:00:00'])
    expect(dates(schedule, 1)).toEqual(['2026-10-19T08:00:00', '2026-10-19T17:00:00'])
    expect(dates(schedule, 2)).toEqual(['2026-10-05T08:00:00', '2026-10-06T17:00:00'])
    expect(dates(schedule, 6)).toEqual(['2026-10-05T08:00:00', '2026-10-09T17:00:00'])
  })

  it('on: the remaining part of a task behind schedule runs from the status date, completed work stays', () => {
    const schedule = run(statusPlan(true))
    // Task 1: 2 days done (Mon-Tue) stay; the 8 remaining days run from the status date (Thu 17:00, so Fri 9th
    // 08:00): Fri 9, Mon 12 - Fri 16 (5), Mon 19, Tue 20 -> Tuesday 20th 17:00. Its start stays Monday 5th.
    expect(dates(schedule, 0)).toEqual(['2026-10-05T08:00:00', '2026-10-20T17:00:00'])
    // Its duration is still 10 days of work time (the gap Wed-Thu is not counted).
    expect(schedule.duration[0]).toBe(4800)
    // Task 2 follows it: Wednesday 21st.
    expect(dates(schedule, 1)).toEqual(['2026-10-21T08:00:00', '2026-10-21T17:00:00'])
    // Task 3, due Monday and not started, starts at the status date: Fri 9th and Mon 12th.
    expect(dates(schedule, 2)).toEqual(['2026-10-09T08:00:00', '2026-10-12T17:00:00'])
    // Task 4 is on schedule (4 of 5 days done by the status date): unchanged, Friday 9th.
    expect(dates(schedule, 3)).toEqual(['2026-10-05T08:00:00', '2026-10-09T17:00:00'])
    // Task 5 is finished: its actual dates.
    expect(dates(schedule, 4)).toEqual(['2026-10-05T08:00:00', '2026-10-06T17:00:00'])
    // Task 6 starts after the status date anyway: its constraint date.
    expect(dates(schedule, 5)).toEqual(['2026-10-14T08:00:00', '2026-10-14T17:00:00'])
    // Task 7 (Ana): Monday's 8 h done; 32 h remain from Friday 9th: Fri, Mon, Tue, Wed -> Wednesday 14th 17:00.
    expect(dates(schedule, 6)).toEqual(['2026-10-05T08:00:00', '2026-10-14T17:00:00'])
    expect(text(schedule.assignmentStart[0])).toBe('2026-10-05T08:00:00')
    expect(text(schedule.assignmentFinish[0])).toBe('2026-10-14T17:00:00')
    expect(schedule.duration[6]).toBe(2400)
  })

  it('without a status date the option changes nothing', () => {
    const plan = { ...statusPlan(true), statusDate: null }
    expect(Array.from(run(plan).finish)).toEqual(Array.from(run(statusPlan(false)).finish))
  })

  it('the incremental engine follows the option and the status date being changed', () => {
    const base = statusPlan(false)
    const prepared = schedulePrepare(base)
    if (!prepared.ok) throw new Error('not prepared')
    prepared.engine.run()
    // The same tasks, calendars and resources (a settings edit keeps them): only the option and the date change.
    const on = { ...base, settings: { ...base.settings, moveRemainingAfterStatusDate: true } }
    for (const next of [on, { ...on, statusDate: '2026-10-12T17:00:00' }, { ...on, statusDate: null }, on]) {
      const updated = prepared.engine.update({ kind: 'plan', plan: next })
      if (!updated.ok) throw new Error('update refused')
      const full = run(next)
      expect(Array.from(updated.schedule.start)).toEqual(Array.from(full.start))
      expect(Array.from(updated.schedule.finish)).toEqual(Array.from(full.finish))
    }
  })
})
