import { describe, expect, it } from 'vitest'
import { dateFromWallMinutes } from '../../src/shared/domain/dates'
import { calendarStandard } from '../../src/shared/domain/defaults'
import type { Calendar, Plan } from '../../src/shared/domain/model'
import { schedulePrepare, scheduleRun } from '../../src/shared/domain/schedule'
import { mspdiRead } from '../../src/shared/formats/mspdi'
import type { Schedule } from '../../src/shared/domain/schedule-types'
import { generatePlan, link, task, testPlan } from '../support/generate-plan'

//  October 2026        Mo Tu We Th Fr Sa Su
//                       5  6  7  8  9 10 11
//                      12 13 14 15 16 17 18
//                      19 20 21 22 23 24 25
// Plans start Monday 2026-10-05 08:00 on the Standard calendar (08–12, 13–17).

function run(plan: Plan): Schedule {
  const result = scheduleRun(plan)
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '))
  return result.schedule
}

type Row = { start: string; finish: string; slack: number; free: number; critical: boolean }

function row(schedule: Schedule, id: number): Row {
  const index = schedule.indexOf.get(id) as number
  return {
    start: dateFromWallMinutes(schedule.start[index] as number).slice(0, 16),
    finish: dateFromWallMinutes(schedule.finish[index] as number).slice(0, 16),
    slack: schedule.totalSlack[index] as number,
    free: schedule.freeSlack[index] as number,
    critical: schedule.isCritical[index] === 1,
  }
}

const when = (schedule: Schedule, id: number): string => {
  const { start, finish } = row(schedule, id)
  return `${start} → ${finish}`
}

describe('links and lags', () => {
  it('FS: the successor starts at the next working time after the predecessor finishes', () => {
    const schedule = run(testPlan([task(1, 5), task(2, 1)], [link(1, 2)]))
    expect(when(schedule, 1)).toBe('2026-10-05T08:00 → 2026-10-09T17:00')
    expect(when(schedule, 2)).toBe('2026-10-12T08:00 → 2026-10-12T17:00')
  })

  it('SS, FF and SF with lags in working time', () => {
    const schedule = run(
      testPlan(
        [task(1, 3), task(2, 1), task(3, 1), task(4, 1)],
        [link(1, 2, 'SS', 120, 'h'), link(1, 3, 'FF', 120, 'h'), link(1, 4, 'SF', 120, 'h')],
      ),
    )
    expect(when(schedule, 2)).toBe('2026-10-05T10:00 → 2026-10-06T10:00')
    expect(when(schedule, 3)).toBe('2026-10-07T10:00 → 2026-10-08T10:00')
    // SF may pull a task before the project start, as Microsoft Project does.
    expect(when(schedule, 4)).toBe('2026-10-02T10:00 → 2026-10-05T10:00')
  })

  it('negative lag (lead), percent lag and elapsed lag', () => {
    const schedule = run(
      testPlan(
        [task(1, 3), task(2, 1), task(3, 1), task(4, 1)],
        [link(1, 2, 'FS', -480, 'd'), link(1, 3, 'FS', 50, '%'), link(1, 4, 'FS', 2 * 1440, 'ed')],
      ),
    )
    expect(when(schedule, 2)).toBe('2026-10-07T08:00 → 2026-10-07T17:00')
    // 50 % of 3 days = 1.5 days after Wednesday 17:00 → Friday 12:00, so the start is Friday 13:00.
    expect(when(schedule, 3)).toBe('2026-10-09T13:00 → 2026-10-12T12:00')
    // Two calendar days after Wednesday 17:00 is Friday 17:00: the task starts Monday.
    expect(when(schedule, 4)).toBe('2026-10-12T08:00 → 2026-10-12T17:00')
  })

  it('a negative percent lag lands on whole minutes (no start a hair before the lunch break ends)', () => {
    // 30 days, then a lead of 55 % = 16.5 days: 13.5 working days after Monday 5 October 08:00 is
    // Thursday 22 October 12:00, so the successor starts after lunch. (0.55 × 14,400 is not exact in floating point.)
    const schedule = run(testPlan([task(1, 30), task(2, 1)], [link(1, 2, 'FS', -55, '%')]))
    expect(when(schedule, 2)).toBe('2026-10-22T13:00 → 2026-10-23T12:00')
  })

  it('measures lag on the successor calendar', () => {
    const fourDays: Calendar = {
      ...calendarStandard(2, 'Mon–Thu'),
      weekDays: calendarStandard().weekDays.map((day, weekday) => (weekday === 5 ? { periods: [] } : day)),
    }
    const plan = testPlan([task(1, 4), task(2, 1, { calendarId: 2 })], [link(1, 2, 'FS', 480, 'd')], {
      calendars: [calendarStandard(), fourDays],
    })
    // Task 1 ends Thursday 17:00; one working day of Mon–Thu lag skips Friday and Monday is the lag day.
    expect(when(run(plan), 2)).toBe('2026-10-13T08:00 → 2026-10-13T17:00')
  })
})

describe('milestones and summaries', () => {
  it('places a milestone at its predecessor finish', () => {
    const schedule = run(testPlan([task(1, 5), task(2, 0)], [link(1, 2)]))
    expect(when(schedule, 2)).toBe('2026-10-09T17:00 → 2026-10-09T17:00')
  })

  it('keeps the duration of a task flagged as a milestone (the flag is display only)', () => {
    // 1 (flagged milestone, 40 h) → 2 (1 day): Microsoft Project keeps the 40 hours and shows a diamond.
    const schedule = run(testPlan([task(1, 5, { isMilestone: true }), task(2, 1)], [link(1, 2)]))
    expect(when(schedule, 1)).toBe('2026-10-05T08:00 → 2026-10-09T17:00')
    expect(when(schedule, 2)).toBe('2026-10-12T08:00 → 2026-10-12T17:00')
    expect(schedule.duration[schedule.indexOf.get(1) as number]).toBe(5 * 480)
  })

  it('schedules an imported Microsoft Project milestone with a 40-hour duration for 40 hours', () => {
    const text =
      '<Project xmlns="http://schemas.microsoft.com/project"><StartDate>2026-10-05T08:00:00</StartDate><Tasks>' +
      '<Task><UID>1</UID><ID>1</ID><Name>Review</Name><OutlineLevel>1</OutlineLevel><Duration>PT40H0M0S</Duration><Milestone>1</Milestone></Task>' +
      '<Task><UID>2</UID><ID>2</ID><Name>Next</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>' +
      '<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task></Tasks></Project>'
    const read = mspdiRead(text)
    if (!read.ok) throw new Error(read.error.message)
    const schedule = run(read.plan)
    expect(dateFromWallMinutes(schedule.finish[0] as number)).toBe('2026-10-09T17:00:00')
    expect(dateFromWallMinutes(schedule.start[1] as number)).toBe('2026-10-12T08:00:00')
  })

  it('rolls up summaries and applies links to and from a summary to its children', () => {
    // 1 Summary A (2, 3)  → 4 Summary B (5, 6); 7 follows B
    const plan = testPlan(
      [
        task(1, 0, { level: 1, isMilestone: false }),
        task(2, 2, { level: 2 }),
        task(3, 3, { level: 2 }),
        task(4, 0, { level: 1, isMilestone: false }),
        task(5, 1, { level: 2 }),
        task(6, 2, { level: 2 }),
        task(7, 1, { level: 1 }),
      ],
      [link(1, 4), link(4, 7)],
    )
    const schedule = run(plan)
    expect(when(schedule, 1)).toBe('2026-10-05T08:00 → 2026-10-07T17:00')
    expect(when(schedule, 5)).toBe('2026-10-08T08:00 → 2026-10-08T17:00')
    expect(when(schedule, 6)).toBe('2026-10-08T08:00 → 2026-10-09T17:00')
    expect(when(schedule, 4)).toBe('2026-10-08T08:00 → 2026-10-09T17:00')
    expect(when(schedule, 7)).toBe('2026-10-12T08:00 → 2026-10-12T17:00')
    const index = schedule.indexOf.get(1) as number
    expect(schedule.isSummary[index]).toBe(1)
    expect(schedule.duration[index]).toBe(3 * 480)
  })

  it('rolls up percent complete weighted by duration', () => {
    const plan = testPlan([
      task(1, 0, { level: 1, isMilestone: false }),
      task(2, 1, { level: 2, percentComplete: 100 }),
      task(3, 3, { level: 2 }),
    ])
    const schedule = run(plan)
    expect(schedule.percentComplete[0]).toBe(25)
  })
})

describe('constraints (Microsoft Project meanings)', () => {
  // Task 1 (3 days) → 2 (2 days): project finishes Friday 10-09 17:00.
  const chain = [task(1, 3), task(2, 2)]
  const links = [link(1, 2)]

  it('SNET moves a task later; FNET moves its finish later', () => {
    const schedule = run(
      testPlan(
        [
          ...chain,
          task(3, 1, { constraint: { type: 'SNET', date: '2026-10-07T13:00:00' } }),
          task(4, 1, { constraint: { type: 'FNET', date: '2026-10-08T17:00:00' } }),
        ],
        links,
      ),
    )
    expect(when(schedule, 3)).toBe('2026-10-07T13:00 → 2026-10-08T12:00')
    expect(when(schedule, 4)).toBe('2026-10-08T08:00 → 2026-10-08T17:00')
  })

  it('MSO and MFO pin the dates even against a predecessor, with negative slack', () => {
    const schedule = run(
      testPlan(
        [
          task(1, 3),
          task(2, 1, { constraint: { type: 'MSO', date: '2026-10-06T08:00:00' } }),
          task(3, 1, { constraint: { type: 'MFO', date: '2026-10-16T17:00:00' } }),
        ],
        [link(1, 2)],
      ),
    )
    expect(when(schedule, 2)).toBe('2026-10-06T08:00 → 2026-10-06T17:00')
    expect(row(schedule, 1).slack).toBe(-2 * 480)
    expect(when(schedule, 3)).toBe('2026-10-16T08:00 → 2026-10-16T17:00')
    expect(row(schedule, 3).slack).toBe(0)
  })

  it('SNLT and FNLT cap the late dates and make negative slack when they cannot be met', () => {
    const schedule = run(
      testPlan(
        [
          task(1, 3),
          task(2, 1, { constraint: { type: 'SNLT', date: '2026-10-07T08:00:00' } }),
          task(3, 1),
          task(4, 1, { constraint: { type: 'FNLT', date: '2026-10-06T17:00:00' } }),
        ],
        [link(1, 2), link(3, 4)],
      ),
    )
    // Honouring the constraint, task 2 starts Wednesday although task 1 ends Wednesday evening.
    expect(when(schedule, 2)).toBe('2026-10-07T08:00 → 2026-10-07T17:00')
    expect(row(schedule, 1).slack).toBeLessThan(0)
    expect(row(schedule, 4).slack).toBe(0)
    expect(row(schedule, 3).critical).toBe(true)
  })

  it('ALAP schedules a task as late as its successors and the project finish allow', () => {
    const schedule = run(
      testPlan([...chain, task(3, 1, { constraint: { type: 'ALAP', date: null } })], links),
    )
    expect(when(schedule, 3)).toBe('2026-10-09T08:00 → 2026-10-09T17:00')
    expect(row(schedule, 3).slack).toBe(0)
  })

  it('ALAP before a successor finishes right before that successor starts', () => {
    const schedule = run(
      testPlan(
        [
          task(1, 5),
          task(2, 1, { constraint: { type: 'ALAP', date: null } }),
          task(3, 1, { constraint: { type: 'SNET', date: '2026-10-08T08:00:00' } }),
        ],
        [link(2, 3)],
      ),
    )
    expect(when(schedule, 2)).toBe('2026-10-07T08:00 → 2026-10-07T17:00')
  })
})

describe('slack, deadlines and the critical path', () => {
  it('computes total and free slack; the longest chain is critical', () => {
    // 1 (3d) → 3 (1d); 2 (1d) → 3
    const schedule = run(testPlan([task(1, 3), task(2, 1), task(3, 1)], [link(1, 3), link(2, 3)]))
    expect(row(schedule, 1)).toMatchObject({ slack: 0, free: 0, critical: true })
    expect(row(schedule, 2)).toMatchObject({ slack: 2 * 480, free: 2 * 480, critical: false })
    expect(row(schedule, 3).critical).toBe(true)
  })

  it('a missed deadline gives negative slack along the chain, like Microsoft Project', () => {
    const schedule = run(
      testPlan(
        [task(1, 3), task(2, 5, { deadline: '2026-10-13T17:00:00' }), task(3, 0)],
        [link(1, 2), link(2, 3)],
      ),
    )
    expect(row(schedule, 1).slack).toBe(-480)
    expect(row(schedule, 2).slack).toBe(-480)
    expect(row(schedule, 3).slack).toBe(0)
    expect(when(schedule, 2)).toBe('2026-10-08T08:00 → 2026-10-14T17:00')
  })
})

describe('progress, leveling delay and task calendars', () => {
  it('starts a task at its actual start, ignoring its predecessors', () => {
    const schedule = run(
      testPlan(
        [task(1, 5), task(2, 2, { actualStart: '2026-10-06T10:00:00', percentComplete: 50 })],
        [link(1, 2)],
      ),
    )
    expect(when(schedule, 2)).toBe('2026-10-06T10:00 → 2026-10-08T10:00')
  })

  it('uses the actual finish when there is one', () => {
    const schedule = run(
      testPlan([
        task(1, 2, {
          actualStart: '2026-10-05T08:00:00',
          actualFinish: '2026-10-05T15:00:00',
          percentComplete: 100,
        }),
      ]),
    )
    expect(when(schedule, 1)).toBe('2026-10-05T08:00 → 2026-10-05T15:00')
  })

  it('adds a leveling delay in elapsed minutes before the start', () => {
    const schedule = run(testPlan([task(1, 1, { levelingDelay: 3 * 1440 })]))
    expect(when(schedule, 1)).toBe('2026-10-08T08:00 → 2026-10-08T17:00')
  })

  it('schedules a task on its own calendar', () => {
    const nights: Calendar = {
      ...calendarStandard(2, 'Nights'),
      weekDays: calendarStandard().weekDays.map((day) =>
        day !== null && day.periods.length > 0 ? { periods: [{ start: 22 * 60, end: 1440 }] } : day,
      ),
    }
    const schedule = run(
      testPlan([task(1, 0.25, { calendarId: 2 })], [], { calendars: [calendarStandard(), nights] }),
    )
    expect(when(schedule, 1)).toBe('2026-10-05T22:00 → 2026-10-06T00:00')
  })

  it('elapsed durations run around the clock', () => {
    const schedule = run(
      testPlan([task(1, 0, { duration: 2 * 1440, durationUnit: 'ed', isMilestone: false })]),
    )
    expect(when(schedule, 1)).toBe('2026-10-05T08:00 → 2026-10-07T08:00')
  })

  it('refuses a task calendar without working time', () => {
    const empty: Calendar = {
      ...calendarStandard(2, 'Empty'),
      weekDays: Array.from({ length: 7 }, () => ({ periods: [] })),
    }
    const result = scheduleRun(
      testPlan([task(1, 1, { calendarId: 2 })], [], { calendars: [calendarStandard(), empty] }),
    )
    expect(!result.ok && result.problems[0]?.kind).toBe('no-working-time')
  })

  it('reports a missing task calendar', () => {
    const result = scheduleRun(testPlan([task(1, 1, { calendarId: 7 })]))
    expect(!result.ok && result.problems[0]?.kind).toBe('missing-calendar')
  })
})

describe('incremental engine', () => {
  const sameAsFull = (engineSchedule: Schedule, plan: Plan): void => {
    const full = run(plan)
    for (const key of [
      'start',
      'finish',
      'earlyStart',
      'earlyFinish',
      'lateStart',
      'lateFinish',
      'totalSlack',
      'freeSlack',
    ] as const) {
      expect(Array.from(engineSchedule[key]), key).toEqual(Array.from(full[key]))
    }
  }

  it('re-schedules after duration, constraint, lag and link edits exactly like a full run', () => {
    const plan = generatePlan({ tasks: 400, seed: 3 })
    const prepared = schedulePrepare(plan)
    if (!prepared.ok) throw new Error('not prepared')
    const engine = prepared.engine
    const leaf = plan.tasks.find(
      (candidate, index) => (plan.tasks[index + 1]?.level ?? 0) <= candidate.level && candidate.level === 3,
    )
    if (leaf === undefined) throw new Error('no leaf')
    const edits = [
      { kind: 'duration', taskId: leaf.id, duration: 20 * 480 },
      { kind: 'constraint', taskId: leaf.id, constraint: { type: 'SNET', date: '2026-03-02T08:00:00' } },
      { kind: 'lag', dependencyId: plan.dependencies[5]?.id ?? 0, lag: 3 * 480 },
      { kind: 'link-remove', dependencyId: plan.dependencies[7]?.id ?? 0 },
      {
        kind: 'link-add',
        dependency: {
          id: 99_999,
          predecessorId: plan.tasks[3]?.id ?? 0,
          successorId: plan.tasks[300]?.id ?? 0,
          type: 'FS',
          lag: 0,
          lagUnit: 'd',
        },
      },
    ] as const
    for (const edit of edits) {
      const result = engine.update(edit)
      if (!result.ok) throw new Error(result.problems[0]?.message)
      sameAsFull(result.schedule, engine.plan)
    }
    expect(engine.plan).not.toBe(plan)
    expect(plan.tasks.find((candidate) => candidate.id === leaf.id)?.duration).toBe(leaf.duration)
  })

  it('a duration edit keeps a flagged milestone flagged and scheduled for its new duration', () => {
    const prepared = schedulePrepare(testPlan([task(1, 5, { isMilestone: true }), task(2, 1)], [link(1, 2)]))
    if (!prepared.ok) throw new Error('not prepared')
    prepared.engine.run()
    const result = prepared.engine.update({ kind: 'duration', taskId: 1, duration: 2 * 480 })
    if (!result.ok) throw new Error(result.problems[0]?.message)
    expect(prepared.engine.plan.tasks[0]?.isMilestone).toBe(true)
    expect(when(result.schedule, 2)).toBe('2026-10-07T08:00 → 2026-10-07T17:00')
    sameAsFull(result.schedule, prepared.engine.plan)
  })

  it('rejects an edit that makes a cycle and keeps the previous plan', () => {
    const plan = testPlan([task(1, 1), task(2, 1)], [link(1, 2)])
    const prepared = schedulePrepare(plan)
    if (!prepared.ok) throw new Error('not prepared')
    const result = prepared.engine.update({ kind: 'link-add', dependency: link(2, 1) })
    expect(!result.ok && result.problems[0]?.kind).toBe('cycle')
    expect(prepared.engine.plan).toBe(plan)
    expect(prepared.engine.run().ok).toBe(true)
  })
})

describe('empty plan', () => {
  it('schedules to the plan start', () => {
    const schedule = run(testPlan([]))
    expect(dateFromWallMinutes(schedule.projectFinish)).toBe('2026-10-05T08:00:00')
  })
})
