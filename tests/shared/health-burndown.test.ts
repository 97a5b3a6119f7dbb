/**
 * The dashboard's burn-down of remaining work (issue 17 item 2), against small plans computed by hand: the remaining
 * work per the baseline, as done up to the status date and as the schedule forecasts it after, in minutes of work.
 */
import { describe, expect, it } from 'vitest'
import { dateToWallMinutes } from '../../src/shared/domain/dates'
import { makeAssignment, makePlan, makeResource, makeTask } from '../../src/shared/domain/defaults'
import { healthBurndown, type HealthBurndown, type HealthBurndownPoint } from '../../src/shared/domain/health'
import type { Baseline, Plan, Task } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'
import type { Schedule } from '../../src/shared/domain/schedule-types'

/*
 * The Standard calendar: Monday-Friday 08:00-12:00 and 13:00-17:00 (8 working hours, 480 minutes of work a day for one
 * person). Plan start Monday 2026-01-05 08:00.
 *
 *   Build  5 days × 8 h = 2,400 min of work, Mon 01-05 08:00 .. Fri 01-09 17:00
 *          |Mon|Tue|Wed|Thu|Fri|
 *   done   |###|###|                40 % = 960 min, through Tue 17:00
 *   status             ^ Wed 01-07 17:00
 *   rest               |   |###|###|  1,440 min from the status date to Fri 17:00: 720 a day
 */
const day = 480

function baseline(start: string, finish: string, work: number | null): Baseline {
  return { number: 0, start, finish, duration: null, work, cost: null, bcws: null, bcwp: null }
}

function build(overrides: Partial<Task> = {}): Task {
  return makeTask(2, { name: 'Build', level: 1, duration: 5 * day, work: 5 * day, ...overrides })
}

function plan(tasks: Task[], overrides: Partial<Plan> = {}): Plan {
  return makePlan('burn', 'Burn', '2026-01-05T08:00:00', '2026-01-01T00:00:00', { tasks, ...overrides })
}

function scheduled(subject: Plan): Schedule {
  const result = scheduleRun(subject)
  if (!result.ok) throw new Error(result.problems[0]?.message)
  return result.schedule
}

function burn(subject: Plan, statusDate: string): HealthBurndown {
  return healthBurndown(subject, scheduled(subject), 0, statusDate, 'day')
}

function at(result: HealthBurndown, date: string): HealthBurndownPoint {
  const point = result.points.find((item) => item.date === date)
  if (point === undefined) throw new Error(`no point at ${date}: ${result.points.map((item) => item.date).join(', ')}`)
  return point
}

const buildInProgress = () => build({ percentComplete: 40, actualStart: '2026-01-05T08:00:00', actualWork: 2 * day })

describe('burn-down of remaining work', () => {
  it('one task 5 days × 8 h at 40 % with the status date in the middle: actual up to it, forecast after', () => {
    const result = burn(plan([buildInProgress()]), '2026-01-07T17:00:00')
    expect(result.points.map((point) => point.date)).toEqual([
      '2026-01-05T00:00:00',
      '2026-01-06T00:00:00',
      '2026-01-07T00:00:00',
      '2026-01-07T17:00:00',
      '2026-01-08T00:00:00',
      '2026-01-09T00:00:00',
      '2026-01-10T00:00:00',
    ])
    // The done 960 min burn over Monday and Tuesday; nothing on Wednesday (the task is behind).
    expect(result.points.map((point) => point.actual)).toEqual([5 * day, 4 * day, 3 * day, 3 * day, null, null, null])
    // The 1,440 min left are squeezed into Thursday and Friday (the schedule still finishes Friday): 720 a day.
    expect(result.points.map((point) => point.forecast)).toEqual([null, null, null, 3 * day, 3 * day, 720, 0])
    expect(result.work).toBe(5 * day)
    expect(result.done).toBe(2 * day)
    expect(result.remaining).toBe(3 * day)
    expect(result.forecastFinish).toBe(dateToWallMinutes('2026-01-09T17:00:00'))
  })

  it('done is the actual work where it is recorded, else work × % complete', () => {
    // 40 % of the duration but 1,200 min of work went in (more than planned for 40 %): 1,200 left.
    const over = burn(plan([build({ percentComplete: 40, actualStart: '2026-01-05T08:00:00', actualWork: 1200 })]), '2026-01-07T17:00:00')
    expect(over.done).toBe(1200)
    expect(at(over, '2026-01-06T00:00:00').actual).toBe(5 * day - 600)
    expect(at(over, '2026-01-07T17:00:00')).toMatchObject({ actual: 1200, forecast: 1200 })
    const byPercent = burn(plan([build({ percentComplete: 40, actualStart: '2026-01-05T08:00:00', actualWork: 0 })]), '2026-01-07T17:00:00')
    expect(byPercent.done).toBe(2 * day)
    expect(at(byPercent, '2026-01-07T17:00:00').actual).toBe(3 * day)
  })

  it('work reported done beyond the status date counts as done by the status date', () => {
    // 40 % reaches Tuesday 17:00, but the status date is Monday 17:00: all 960 min are done by then.
    const result = burn(plan([buildInProgress()]), '2026-01-05T17:00:00')
    expect(at(result, '2026-01-05T17:00:00')).toMatchObject({ actual: 3 * day, forecast: 3 * day })
    // The rest runs from where the completed part ends (Tuesday 17:00) to Friday: 480 a day.
    expect(at(result, '2026-01-07T00:00:00').forecast).toBe(3 * day)
    expect(at(result, '2026-01-08T00:00:00').forecast).toBe(2 * day)
  })

  it('the baseline burns over its own dates, not the schedule’s', () => {
    // Baseline: 3 days (Mon..Wed) and 1,440 min of work; the schedule has 5 days and 2,400 min.
    const subject = plan([{ ...buildInProgress(), baselines: [baseline('2026-01-05T08:00:00', '2026-01-07T17:00:00', 3 * day)] }])
    const result = burn(subject, '2026-01-07T17:00:00')
    expect(result.points.map((point) => point.baseline)).toEqual([3 * day, 2 * day, day, 0, 0, 0, 0])
    expect(result.baselineWork).toBe(3 * day)
    expect(result.baselineRemaining).toBe(0)
    expect(result.baselineFinish).toBe(dateToWallMinutes('2026-01-07T17:00:00'))
    // The actual and forecast lines follow the schedule, whatever the baseline says.
    expect(at(result, '2026-01-07T17:00:00').actual).toBe(3 * day)
    expect(at(result, '2026-01-09T00:00:00').forecast).toBe(720)
  })

  it('a plan without the baseline has no baseline line at all', () => {
    const result = burn(plan([buildInProgress()]), '2026-01-07T17:00:00')
    expect(result.points.every((point) => point.baseline === null)).toBe(true)
    expect(result.baselineWork).toBeNull()
    expect(result.baselineRemaining).toBeNull()
    // Another baseline number than the one asked for is not it.
    const other = plan([{ ...buildInProgress(), baselines: [{ ...baseline('2026-01-05T08:00:00', '2026-01-09T17:00:00', 5 * day), number: 1 }] }])
    expect(burn(other, '2026-01-07T17:00:00').baselineWork).toBeNull()
    // A baseline saved without work (a cost-only one, as Microsoft Project can save it) draws no line of zeros either.
    const costOnly = plan([{ ...buildInProgress(), baselines: [{ ...baseline('2026-01-05T08:00:00', '2026-01-09T17:00:00', 5 * day), work: null }] }])
    expect(burn(costOnly, '2026-01-07T17:00:00').baselineWork).toBeNull()
    expect(burn(costOnly, '2026-01-07T17:00:00').points.every((point) => point.baseline === null)).toBe(true)
  })

  it('a milestone and a task without work add nothing', () => {
    const alone = burn(plan([buildInProgress()]), '2026-01-07T17:00:00')
    const subject = plan([
      buildInProgress(),
      makeTask(3, { name: 'Review', level: 1, duration: 2 * day, work: 0 }),
      makeTask(4, { name: 'Signed off', level: 1, duration: 0, work: 0, isMilestone: true, baselines: [baseline('2026-01-09T17:00:00', '2026-01-09T17:00:00', 0)] }),
    ])
    const result = burn(subject, '2026-01-07T17:00:00')
    expect(result.points.map((point) => [point.actual, point.forecast])).toEqual(alone.points.map((point) => [point.actual, point.forecast]))
    expect(result.work).toBe(5 * day)
    // The milestone's baseline is set but holds no work: no line of zeros.
    expect(result.points.every((point) => point.baseline === null)).toBe(true)
  })

  it('a summary is not counted on top of its tasks', () => {
    /*
     *   Release (summary)  work rolls up to 2,400 + 960
     *     Build   5 days, 40 % done
     *     Test    2 days after Build (Mon 01-12 .. Tue 01-13), 960 min
     */
    const subject = plan(
      [
        makeTask(1, { name: 'Release', level: 1, baselines: [baseline('2026-01-05T08:00:00', '2026-01-13T17:00:00', 7 * day)] }),
        { ...buildInProgress(), level: 2, baselines: [baseline('2026-01-05T08:00:00', '2026-01-09T17:00:00', 5 * day)] },
        makeTask(3, { name: 'Test', level: 2, duration: 2 * day, work: 2 * day, baselines: [baseline('2026-01-12T08:00:00', '2026-01-13T17:00:00', 2 * day)] }),
      ],
      { dependencies: [{ id: 1, predecessorId: 2, successorId: 3, type: 'FS', lag: 0, lagUnit: 'd' }] },
    )
    const schedule = scheduled(subject)
    expect(schedule.work[0]).toBe(7 * day)
    const result = healthBurndown(subject, schedule, 0, '2026-01-07T17:00:00', 'day')
    expect(result.work).toBe(7 * day)
    expect(result.baselineWork).toBe(7 * day)
    expect(at(result, '2026-01-05T00:00:00')).toMatchObject({ baseline: 7 * day, actual: 7 * day })
    expect(at(result, '2026-01-07T17:00:00')).toMatchObject({ baseline: 4 * day, actual: 5 * day, forecast: 5 * day })
    // Build's rest ends Friday; Test burns Monday and Tuesday.
    expect(at(result, '2026-01-10T00:00:00').forecast).toBe(2 * day)
    expect(at(result, '2026-01-13T00:00:00').forecast).toBe(day)
    expect(at(result, '2026-01-14T00:00:00')).toMatchObject({ baseline: 0, actual: null, forecast: 0 })
  })

  it('a summary’s own assignment counts once, with its own actual work', () => {
    // Release has PM at 50 % over its 5 days: 1,200 min of its own work, 300 of it done.
    const subject = plan(
      [makeTask(1, { name: 'Release', level: 1 }), { ...buildInProgress(), level: 2 }],
      { resources: [makeResource(1, 'PM')], assignments: [{ ...makeAssignment(1, 1, 1, 50, 0), actualWork: 300 }] },
    )
    const schedule = scheduled(subject)
    expect(schedule.work[0]).toBe(5 * day + 1200)
    const result = healthBurndown(subject, schedule, 0, '2026-01-07T17:00:00', 'day')
    expect(result.work).toBe(5 * day + 1200)
    expect(result.done).toBe(2 * day + 300)
    expect(at(result, '2026-01-10T00:00:00').forecast).toBe(0)
  })

  it('a status date before the plan starts: nothing done, the whole work forecast', () => {
    const result = burn(plan([build()]), '2026-01-02T17:00:00')
    expect(result.points[0]).toEqual({ date: '2026-01-02T00:00:00', baseline: null, actual: 5 * day, forecast: null })
    expect(at(result, '2026-01-02T17:00:00')).toEqual({ date: '2026-01-02T17:00:00', baseline: null, actual: 5 * day, forecast: 5 * day })
    expect(at(result, '2026-01-05T00:00:00')).toMatchObject({ actual: null, forecast: 5 * day })
    expect(at(result, '2026-01-07T00:00:00').forecast).toBe(3 * day)
    expect(at(result, '2026-01-10T00:00:00').forecast).toBe(0)
    expect(result.remaining).toBe(5 * day)
  })

  it('a status date after the plan finishes: a finished plan burns to 0, an unfinished one still has its rest', () => {
    const finished = burn(plan([build({ percentComplete: 100, actualStart: '2026-01-05T08:00:00', actualFinish: '2026-01-09T17:00:00', actualWork: 5 * day })]), '2026-01-12T17:00:00')
    expect(finished.points.map((point) => point.actual)).toEqual([5 * day, 4 * day, 3 * day, 2 * day, day, 0, 0, 0, 0, null])
    expect(at(finished, '2026-01-12T17:00:00').forecast).toBe(0)
    expect(at(finished, '2026-01-13T00:00:00')).toEqual({ date: '2026-01-13T00:00:00', baseline: null, actual: null, forecast: 0 })
    expect(finished.remaining).toBe(0)
    expect(finished.forecastFinish).toBeNaN()

    // 40 % done and the finish passed: the rest is overdue, still to do at the status date, forecast for right after.
    const late = burn(plan([buildInProgress()]), '2026-01-12T17:00:00')
    expect(at(late, '2026-01-12T17:00:00')).toMatchObject({ actual: 3 * day, forecast: 3 * day })
    expect(at(late, '2026-01-13T00:00:00').forecast).toBe(0)
    expect(late.forecastFinish).toBe(dateToWallMinutes('2026-01-12T17:00:00'))
  })
})
