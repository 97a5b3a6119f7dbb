/**
 * The engine with work and people (issue 14): assignments on their resources' calendars, tasks spanning their
 * assignments, vacations that stretch a task and are named in the result, task calendars and the flag that ignores
 * resource calendars, manual tasks (kept dates, link violations, "Respect Links", manual summaries), summary
 * assignments in the load with Microsoft Project's peak units, and the incremental engine on these inputs.
 *
 * October 2026:      Mo Tu We Th Fr Sa Su
 *                     5  6  7  8  9 10 11
 *                    12 13 14 15 16 17 18
 *                    19 20 21 22 23 24 25
 * Standard calendar: 08:00-12:00, 13:00-17:00 on weekdays.
 */
import { describe, expect, it } from 'vitest'
import { dateFromWallMinutes } from '../../src/shared/domain/dates'
import { calendarStandard, makeAssignment } from '../../src/shared/domain/defaults'
import { loadCompute } from '../../src/shared/domain/load'
import type { Calendar, Plan } from '../../src/shared/domain/model'
import { schedulePrepare, scheduleRespectLinks, scheduleRun } from '../../src/shared/domain/schedule'
import type { Schedule } from '../../src/shared/domain/schedule-types'
import {
  taskRuleAssign,
  taskRuleSetAssignmentUnits,
  taskRuleSetDuration,
} from '../../src/shared/domain/task-rules'
import { link, task, testPlan } from '../support/generate-plan'
import { makeResource } from '../support/resource-plans'

function run(plan: Plan): Schedule {
  const result = scheduleRun(plan)
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '))
  return result.schedule
}

const text = (minutes: number): string => dateFromWallMinutes(minutes).slice(0, 16)
function when(schedule: Schedule, id: number): string {
  const index = schedule.indexOf.get(id) as number
  return `${text(schedule.start[index] as number)} → ${text(schedule.finish[index] as number)}`
}
function assignmentWhen(schedule: Schedule, plan: Plan, id: number): string {
  const position = plan.assignments.findIndex((assignment) => assignment.id === id)
  return `${text(schedule.assignmentStart[position] as number)} → ${text(schedule.assignmentFinish[position] as number)}`
}

/** Mon–Fri 23:00–08:00 (with a break 03:00–04:00), as Microsoft Project's Night Shift calendar. */
function nightShift(id: number): Calendar {
  const night = { periods: [{ start: 23 * 60, end: 1440 }] }
  const morning = {
    periods: [
      { start: 0, end: 180 },
      { start: 240, end: 480 },
    ],
  }
  const both = { periods: [...morning.periods, ...night.periods] }
  return {
    id,
    name: 'Night Shift',
    baseCalendarId: null,
    weekDays: [{ periods: [] }, night, both, both, both, both, morning],
    exceptions: [],
    workWeeks: [],
  }
}

describe("assignments on their resources' calendars", () => {
  it('a vacation stretches the work: 8 days of Ana with a week off finish a week later, and the result says why', () => {
    const plan = testPlan([task(1, 8), task(2, 1)], [link(1, 2)], {
      resources: [makeResource(1, 'Ana', { nonWorkingDays: [{ from: '2026-10-12', to: '2026-10-16' }] })],
      assignments: [makeAssignment(1, 1, 1, 100, 8 * 480)],
    })
    const schedule = run(plan)
    // Without the vacation: Mon 5 to Wed 14. With it: the five days off push the last five days to the 19th–23rd.
    expect(when(schedule, 1)).toBe('2026-10-05T08:00 → 2026-10-21T17:00')
    expect(when(schedule, 2)).toBe('2026-10-22T08:00 → 2026-10-22T17:00')
    // Microsoft Project keeps the task's duration (Ana's working time); the work stays 64 h.
    expect(schedule.duration[0]).toBe(8 * 480)
    expect(schedule.work[0]).toBe(8 * 480)
    expect(schedule.isResourceDriven[0]).toBe(1)
    expect(schedule.stretches).toEqual([
      {
        taskId: 1,
        assignmentId: 1,
        resourceId: 1,
        name: 'Vacation',
        from: '2026-10-12',
        to: '2026-10-16',
        workingMinutes: 5 * 480,
      },
    ])
    // The load sees 64 h of work, none of it in the vacation week.
    const load = loadCompute(plan, schedule).byResource.get(1)
    if (load === undefined) throw new Error('no load')
    const assigned = Array.from(load.assigned).reduce((sum, value) => sum + value, 0)
    expect(assigned).toBe(8 * 480)
  })

  it('a resource on a night shift starts at 23:00 and the task runs from the earliest assignment start to the latest finish', () => {
    const plan = testPlan([task(1, 3)], [], {
      calendars: [calendarStandard(1), nightShift(2)],
      resources: [makeResource(1, 'Day'), makeResource(2, 'Night', { calendarId: 2 })],
      assignments: [makeAssignment(1, 1, 1, 100, 3 * 480), makeAssignment(2, 1, 2, 100, 3 * 480)],
    })
    const schedule = run(plan)
    expect(assignmentWhen(schedule, plan, 1)).toBe('2026-10-05T08:00 → 2026-10-07T17:00')
    // Mon 23:00 → Tue 08:00 is 8 h, then two more nights: Thursday 08:00 (as mspdiresource.xml's Brian Leach).
    expect(assignmentWhen(schedule, plan, 2)).toBe('2026-10-05T23:00 → 2026-10-08T08:00')
    expect(when(schedule, 1)).toBe('2026-10-05T08:00 → 2026-10-08T08:00')
    // Duration as Microsoft Project shows it: the time any of the two works (3 days + 3 nights = 48 h).
    expect(schedule.duration[0]).toBe(6 * 480)
    expect(schedule.work[0]).toBe(6 * 480)
  })

  it('lower units stretch an assignment: 16 h at 50 % take four days; the task follows its longest assignment', () => {
    const plan = testPlan([task(1, 2)], [], {
      resources: [makeResource(1, 'Ana'), makeResource(2, 'Ben')],
      assignments: [makeAssignment(1, 1, 1, 100, 960), makeAssignment(2, 1, 2, 50, 960)],
    })
    const schedule = run(plan)
    expect(assignmentWhen(schedule, plan, 1)).toBe('2026-10-05T08:00 → 2026-10-06T17:00')
    expect(assignmentWhen(schedule, plan, 2)).toBe('2026-10-05T08:00 → 2026-10-08T17:00')
    expect(when(schedule, 1)).toBe('2026-10-05T08:00 → 2026-10-08T17:00')
    expect(schedule.work[0]).toBe(1920)
  })

  it('a task calendar is intersected with the resource calendar; ignoring resource calendars drops the vacation', () => {
    // Mon–Thu task calendar; Ana is off on Tuesday 6th.
    const fourDays: Calendar = {
      ...calendarStandard(2, 'Mon-Thu'),
      weekDays: calendarStandard(2).weekDays.map((day, weekday) => (weekday === 5 ? { periods: [] } : day)),
    }
    const base = testPlan([task(1, 4, { calendarId: 2 })], [], {
      calendars: [calendarStandard(1), fourDays],
      resources: [makeResource(1, 'Ana', { nonWorkingDays: [{ from: '2026-10-06', to: '2026-10-06' }] })],
      assignments: [makeAssignment(1, 1, 1, 100, 4 * 480)],
    })
    // Mon 5, (Tue off), Wed 7, Thu 8, (Fri 9 not on the task calendar), Mon 12.
    expect(when(run(base), 1)).toBe('2026-10-05T08:00 → 2026-10-12T17:00')
    const ignoring = {
      ...base,
      tasks: [{ ...(base.tasks[0] as Plan['tasks'][number]), ignoresResourceCalendars: true }],
    }
    // Only the task calendar: Mon 5 to Thu 8.
    expect(when(run(ignoring), 1)).toBe('2026-10-05T08:00 → 2026-10-08T17:00')
    expect(run(ignoring).stretches).toEqual([])
  })

  it('an assignment without work spans its task and does not drive it', () => {
    const plan = testPlan([task(1, 3)], [], {
      resources: [makeResource(1, 'Ana', { nonWorkingDays: [{ from: '2026-10-05', to: '2026-10-05' }] })],
      assignments: [makeAssignment(1, 1, 1, 100, 0)],
    })
    const schedule = run(plan)
    expect(schedule.isResourceDriven[0]).toBe(0)
    expect(when(schedule, 1)).toBe('2026-10-05T08:00 → 2026-10-07T17:00')
    expect(assignmentWhen(schedule, plan, 1)).toBe('2026-10-05T08:00 → 2026-10-07T17:00')
  })

  it('as late as possible places each assignment as late as its calendar allows', () => {
    const plan = testPlan(
      [task(1, 5), task(2, 2, { constraint: { type: 'ALAP', date: null } }), task(3, 1)],
      [link(1, 3), link(2, 3)],
      {
        resources: [makeResource(1, 'Ana', { nonWorkingDays: [{ from: '2026-10-08', to: '2026-10-08' }] })],
        assignments: [makeAssignment(1, 2, 1, 100, 960)],
      },
    )
    const schedule = run(plan)
    // Task 3 starts Monday 12th; Ana is off on Thursday 8th, so her two days before it are Wednesday 7th and Friday 9th.
    expect(when(schedule, 3)).toBe('2026-10-12T08:00 → 2026-10-12T17:00')
    expect(when(schedule, 2)).toBe('2026-10-07T08:00 → 2026-10-09T17:00')
    expect(assignmentWhen(schedule, plan, 1)).toBe('2026-10-07T08:00 → 2026-10-09T17:00')
    expect(schedule.totalSlack[1]).toBe(0)
  })
})

describe('manual tasks', () => {
  const manual = (id: number, start: string | null, finish: string | null, duration: number | null) =>
    task(id, 1, {
      schedulingMode: 'manual',
      manualStart: start,
      manualFinish: finish,
      manualDuration: duration,
    })

  it('keep their typed dates when a predecessor slips, and the result names the broken link and by how much', () => {
    const plan = testPlan(
      [task(1, 3), manual(2, '2026-10-07T08:00:00', '2026-10-08T17:00:00', null)],
      [link(1, 2)],
    )
    expect(when(run(plan), 2)).toBe('2026-10-07T08:00 → 2026-10-08T17:00')
    expect(run(plan).linkViolations).toHaveLength(1)
    const slipped = { ...plan, tasks: [task(1, 5), plan.tasks[1] as Plan['tasks'][number]] }
    const schedule = run(slipped)
    expect(when(schedule, 1)).toBe('2026-10-05T08:00 → 2026-10-09T17:00')
    expect(when(schedule, 2)).toBe('2026-10-07T08:00 → 2026-10-08T17:00')
    expect(schedule.isManual[1]).toBe(1)
    // Task 2 starts 3 working days (Wed, Thu, Fri) before Task 1 lets it.
    expect(schedule.linkViolations).toEqual([
      {
        taskId: 2,
        dependencyId: slipped.dependencies[0]?.id,
        predecessorId: 1,
        type: 'FS',
        shortBy: 3 * 480,
      },
    ])
  })

  it('"Respect Links" moves a manual task once, keeping it manual with its duration', () => {
    const plan = testPlan(
      [task(1, 5), manual(2, '2026-10-07T08:00:00', '2026-10-08T17:00:00', 960)],
      [link(1, 2)],
    )
    const moved = scheduleRespectLinks(plan, 2)
    if (!moved.ok) throw new Error(moved.message)
    expect(moved.plan.tasks[1]).toMatchObject({
      schedulingMode: 'manual',
      manualStart: '2026-10-12T08:00:00',
      manualFinish: '2026-10-13T17:00:00',
      manualDuration: 960,
    })
    expect(moved.movedBy).toBe(dateDiff('2026-10-07T08:00:00', '2026-10-12T08:00:00'))
    const schedule = run(moved.plan)
    expect(when(schedule, 2)).toBe('2026-10-12T08:00 → 2026-10-13T17:00')
    expect(schedule.linkViolations).toEqual([])
    // Once: the predecessor slipping again leaves it where it was put.
    const again = { ...moved.plan, tasks: [task(1, 6), moved.plan.tasks[1] as Plan['tasks'][number]] }
    expect(when(run(again), 2)).toBe('2026-10-12T08:00 → 2026-10-13T17:00')
    expect(scheduleRespectLinks(testPlan([task(1, 1)]), 1).ok).toBe(false)
  })

  it('take the blanks from what is typed: a start and a duration, a finish and a duration, only a duration', () => {
    const plan = testPlan([
      manual(1, '2026-10-06T08:00:00', null, 2 * 480),
      manual(2, null, '2026-10-09T17:00:00', 480),
      manual(3, null, null, 480),
    ])
    const schedule = run(plan)
    expect(when(schedule, 1)).toBe('2026-10-06T08:00 → 2026-10-07T17:00')
    expect(when(schedule, 2)).toBe('2026-10-09T08:00 → 2026-10-09T17:00')
    // No date at all: at the plan start, like Microsoft Project's placeholder.
    expect(when(schedule, 3)).toBe('2026-10-05T08:00 → 2026-10-05T17:00')
  })

  it('a manual summary keeps its own dates; the span of its tasks is available beside them', () => {
    const plan = testPlan([
      task(1, 0, {
        level: 1,
        schedulingMode: 'manual',
        manualStart: '2026-10-05T08:00:00',
        manualFinish: '2026-10-06T17:00:00',
      }),
      task(2, 3, { level: 2 }),
      task(3, 2, { level: 2 }),
    ])
    const schedule = run(plan)
    expect(when(schedule, 1)).toBe('2026-10-05T08:00 → 2026-10-06T17:00')
    expect(text(schedule.rolledStart[0] as number)).toBe('2026-10-05T08:00')
    expect(text(schedule.rolledFinish[0] as number)).toBe('2026-10-07T17:00')
  })

  it('are never moved by leveling delays or links, even with people assigned', () => {
    const plan = testPlan(
      [task(1, 5), manual(2, '2026-10-06T08:00:00', '2026-10-07T17:00:00', null)],
      [link(1, 2)],
      {
        resources: [makeResource(1, 'Ana', { nonWorkingDays: [{ from: '2026-10-06', to: '2026-10-06' }] })],
        assignments: [makeAssignment(1, 2, 1, 100, 960)],
      },
    )
    const schedule = run({
      ...plan,
      tasks: plan.tasks.map((item) => ({ ...item, levelingDelay: item.id === 2 ? 2880 : 0 })),
    })
    expect(when(schedule, 2)).toBe('2026-10-06T08:00 → 2026-10-07T17:00')
    expect(schedule.isResourceDriven[1]).toBe(0)
    expect(assignmentWhen(schedule, plan, 1)).toBe('2026-10-06T08:00 → 2026-10-07T17:00')
  })
})

describe('work and over-allocation on summaries, as Microsoft Project computes them', () => {
  it('a summary assignment counts over the summary span: peak units and the over-allocated flag', () => {
    const plan = testPlan(
      [task(1, 0, { level: 1 }), task(2, 2, { level: 2 }), task(3, 3, { level: 2 })],
      [link(2, 3)],
      {
        resources: [makeResource(1, 'Lead')],
        assignments: [makeAssignment(1, 1, 1, 50, 0), makeAssignment(2, 3, 1, 100, 3 * 480)],
      },
    )
    const schedule = run(plan)
    // The summary spans 5 days; Lead's 50 % over them is 20 h of work, with Task 3's 24 h: 44 h.
    expect(schedule.assignmentWork[0]).toBe(0.5 * 5 * 480)
    expect(schedule.work[0]).toBe(0.5 * 5 * 480 + 3 * 480)
    const load = loadCompute(plan, schedule)
    const lead = load.byResource.get(1)
    expect(lead?.isOverallocated).toBe(true)
    expect(lead?.peakUnitsMax).toBe(150)
    expect(
      load.conflicts.map((period) => [period.start, period.finish, period.peakUnits, period.peakPercent]),
    ).toEqual([['2026-10-07', '2026-10-09', 150, 150]])
  })
})

describe('the incremental engine with people and manual tasks', () => {
  function sameAsFull(schedule: Schedule, plan: Plan): void {
    const full = run(plan)
    for (const key of [
      'start',
      'finish',
      'lateStart',
      'lateFinish',
      'totalSlack',
      'freeSlack',
      'duration',
      'work',
      'assignmentStart',
      'assignmentFinish',
      'assignmentWork',
    ] as const)
      expect(Array.from(schedule[key]), key).toEqual(Array.from(full[key]))
    expect(schedule.linkViolations).toEqual(full.linkViolations)
    expect(schedule.stretches).toEqual(full.stretches)
  }

  it('re-schedules a units change, a new person, a mode switch and a duration with work exactly like a full run', () => {
    let plan = testPlan([task(1, 3), task(2, 4), task(3, 2)], [link(1, 2), link(2, 3)], {
      resources: [
        makeResource(1, 'Ana', { nonWorkingDays: [{ from: '2026-10-08', to: '2026-10-09' }] }),
        makeResource(2, 'Ben'),
      ],
      assignments: [makeAssignment(1, 1, 1, 100, 3 * 480), makeAssignment(2, 2, 2, 100, 4 * 480)],
    })
    const prepared = schedulePrepare(plan)
    if (!prepared.ok) throw new Error('not prepared')
    const engine = prepared.engine
    sameAsFull(assertOk(engine.run()), plan)
    const steps: Array<(current: Plan) => Plan> = [
      (current) => ruled(taskRuleSetAssignmentUnits(current, 1, 50)),
      (current) => ruled(taskRuleAssign(current, 2, 1, 100, 3)),
      (current) => ({
        ...current,
        tasks: current.tasks.map((item) =>
          item.id === 3
            ? {
                ...item,
                schedulingMode: 'manual',
                manualStart: '2026-10-08T08:00:00',
                manualFinish: null,
                manualDuration: 480,
              }
            : item,
        ),
      }),
    ]
    for (const step of steps) {
      plan = step(plan)
      sameAsFull(assertOk(engine.update({ kind: 'plan', plan })), plan)
    }
    // A duration typed on a fixed-units task: Ana at 50 % for 5 days gets 20 h of work.
    plan = ruled(taskRuleSetDuration(plan, 1, 5 * 480))
    expect(plan.assignments[0]?.work).toBe(0.5 * 5 * 480)
    sameAsFull(assertOk(engine.update({ kind: 'plan', plan })), plan)
  })
})

function assertOk(result: ReturnType<typeof scheduleRun>): Schedule {
  if (!result.ok) throw new Error(result.problems[0]?.message)
  return result.schedule
}

function ruled(result: { ok: true; plan: Plan } | { ok: false; message: string }): Plan {
  if (!result.ok) throw new Error(result.message)
  return result.plan
}

function dateDiff(from: string, to: string): number {
  return (Date.parse(`${to}Z`) - Date.parse(`${from}Z`)) / 60_000
}
