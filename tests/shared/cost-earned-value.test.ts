/**
 * Earned value against worked examples computed by hand (issue 16 items 4 and 5): a small plan with known PV, EV and
 * AC at two status dates, each figure derived in a comment; the S-curve's last point equals the table; the indexes'
 * definitions at their edges (nothing planned, nothing spent).
 */
import { describe, expect, it } from 'vitest'
import {
  costCompute,
  earnedValueCompute,
  earnedValueFigures,
  earnedValueOfTask,
  earnedValueSeries,
} from '../../src/shared/domain/cost'
import { makeAssignment, makePlan, makeResource, makeTask } from '../../src/shared/domain/defaults'
import type { Baseline, Plan, Task } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'
import type { Schedule } from '../../src/shared/domain/schedule-types'

function baseline(start: string, finish: string, cost: number): Baseline {
  return { number: 0, start, finish, duration: 2400, work: null, cost, bcws: null, bcwp: null }
}

/*
 * The Standard calendar: Monday-Friday 08:00-12:00 and 13:00-17:00 (8 working hours a day).
 *
 *   Release (summary)
 *     A  "Build"  5 days, Dev at 100 % = 40 h of work; Dev costs 100 per hour, prorated  -> 4,000
 *     B  "Test"   5 days after A, Dev at 100 % = 40 h -> 4,000, plus a fixed cost of 1,000 accruing at the end -> 5,000
 *
 * Baseline (set before work began): A 2026-01-05 08:00 .. 01-09 17:00, cost 4,000;
 *                                   B 2026-01-12 08:00 .. 01-16 17:00, cost 5,000.   BAC = 9,000.
 */
function releasePlan(progress: { a: Partial<Task>; aWork: number; aActual: number; b: Partial<Task>; bActual: number }): Plan {
  return makePlan('ev', 'Release', '2026-01-05T08:00:00', '2026-01-01T00:00:00', {
    tasks: [
      makeTask(1, { name: 'Release', level: 1 }),
      makeTask(2, {
        name: 'Build',
        level: 2,
        duration: progress.aWork,
        work: progress.aWork,
        baselines: [baseline('2026-01-05T08:00:00', '2026-01-09T17:00:00', 4000)],
        actualWork: progress.aActual,
        ...progress.a,
      }),
      makeTask(3, {
        name: 'Test',
        level: 2,
        duration: 2400,
        work: 2400,
        fixedCost: 1000,
        fixedCostAccrual: 'end',
        baselines: [baseline('2026-01-12T08:00:00', '2026-01-16T17:00:00', 5000)],
        actualWork: progress.bActual,
        ...progress.b,
      }),
    ],
    dependencies: [{ id: 1, predecessorId: 2, successorId: 3, type: 'FS', lag: 0, lagUnit: 'd' }],
    resources: [makeResource(1, 'Dev', { standardRate: 100 })],
    assignments: [
      { ...makeAssignment(1, 2, 1, 100, progress.aWork), actualWork: progress.aActual },
      { ...makeAssignment(2, 3, 1, 100, 2400), actualWork: progress.bActual },
    ],
  })
}

function scheduled(plan: Plan): Schedule {
  const result = scheduleRun(plan)
  if (!result.ok) throw new Error(result.problems[0]?.message)
  return result.schedule
}

describe('earned value: a worked example at two status dates', () => {
  it('status date Wednesday 2026-01-07 17:00: Build 40 % done with 20 h spent', () => {
    const plan = releasePlan({
      a: { percentComplete: 40, actualStart: '2026-01-05T08:00:00' },
      aWork: 2400,
      aActual: 1200,
      b: {},
      bActual: 0,
    })
    const schedule = scheduled(plan)
    const costs = costCompute(plan, schedule)
    // Cost: Build 40 h x 100 = 4,000; Test 40 h x 100 + 1,000 fixed = 5,000; Release and the plan 9,000.
    expect(Array.from(costs.cost)).toEqual([9000, 4000, 5000])
    // Actual cost: Build 20 h x 100 = 2,000 (prorated); Test has not started: 0 (its fixed cost accrues at the end).
    expect(Array.from(costs.actualCost)).toEqual([2000, 2000, 0])
    expect(Array.from(costs.remainingCost)).toEqual([7000, 2000, 5000])
    const value = earnedValueCompute(plan, schedule, costs, { statusDate: '2026-01-07T17:00:00' })
    // PV: Build's baseline has 3 of its 5 working days before the status date: 4,000 x 3/5 = 2,400; Test's baseline
    // starts on the 12th: 0. PV = 2,400.
    expect(value.pv[1]).toBeCloseTo(2400, 6)
    expect(value.pv[2]).toBe(0)
    // EV: 4,000 x 40 % = 1,600 (Test 0). AC: 2,000.
    const build = earnedValueOfTask(value, 1)
    expect(build.ev).toBeCloseTo(1600, 6)
    expect(build.ac).toBeCloseTo(2000, 6)
    const figures = value.plan
    expect(figures.bac).toBeCloseTo(9000, 6)
    expect(figures.pv).toBeCloseTo(2400, 6)
    expect(figures.ev).toBeCloseTo(1600, 6)
    expect(figures.ac).toBeCloseTo(2000, 6)
    // SV = EV - PV = 1,600 - 2,400 = -800; CV = EV - AC = 1,600 - 2,000 = -400.
    expect(figures.sv).toBeCloseTo(-800, 6)
    expect(figures.cv).toBeCloseTo(-400, 6)
    // SPI = 1,600 / 2,400 = 0.6667; CPI = 1,600 / 2,000 = 0.8.
    expect(figures.spi).toBeCloseTo(2 / 3, 9)
    expect(figures.cpi).toBeCloseTo(0.8, 9)
    // EAC = AC + (BAC - EV) / CPI = 2,000 + 7,400 / 0.8 = 11,250; VAC = 9,000 - 11,250 = -2,250.
    expect(figures.eac).toBeCloseTo(11250, 6)
    expect(figures.vac).toBeCloseTo(-2250, 6)
    // TCPI = (BAC - EV) / (BAC - AC) = 7,400 / 7,000 = 1.0571.
    expect(figures.tcpi).toBeCloseTo(7400 / 7000, 9)
    // The summary holds the same figures as the plan (it is the only top-level task).
    expect(earnedValueOfTask(value, 0)).toEqual(figures)
  })

  it('status date Wednesday 2026-01-14 12:00: Build finished a day late with 48 h spent, Test 25 % done with 10 h', () => {
    const plan = releasePlan({
      a: {
        percentComplete: 100,
        actualStart: '2026-01-05T08:00:00',
        actualFinish: '2026-01-12T17:00:00',
      },
      aWork: 2880,
      aActual: 2880,
      b: { percentComplete: 25, actualStart: '2026-01-13T08:00:00' },
      bActual: 600,
    })
    const schedule = scheduled(plan)
    const costs = costCompute(plan, schedule)
    // Cost: Build 48 h x 100 = 4,800; Test 5,000 as before.
    expect(costs.cost[1]).toBeCloseTo(4800, 6)
    expect(costs.total).toBeCloseTo(9800, 6)
    const value = earnedValueCompute(plan, schedule, costs, { statusDate: '2026-01-14T12:00:00' })
    // PV: Build's baseline is over: 4,000. Test's baseline (Mon 12th 08:00 .. Fri 16th 17:00) has 2.5 of its 5 days
    // before Wednesday noon; its cost falls 1,000 at the end (the fixed cost) and 4,000 spread over the days, so its
    // baseline cost is spread the same way: 5,000 x (4,000/5,000) x 2.5/5 = 2,000. PV = 6,000.
    expect(value.pv[1]).toBeCloseTo(4000, 6)
    expect(value.pv[2]).toBeCloseTo(2000, 6)
    // EV: Build 4,000 x 100 % = 4,000; Test 5,000 x 25 % = 1,250. EV = 5,250.
    expect(value.ev[2]).toBeCloseTo(1250, 6)
    // AC: Build 48 h x 100 = 4,800; Test 10 h x 100 = 1,000 (the fixed cost accrues at its end). AC = 5,800.
    expect(value.ac[1]).toBeCloseTo(4800, 6)
    expect(value.ac[2]).toBeCloseTo(1000, 6)
    const figures = value.plan
    expect(figures.pv).toBeCloseTo(6000, 6)
    expect(figures.ev).toBeCloseTo(5250, 6)
    expect(figures.ac).toBeCloseTo(5800, 6)
    // SV = 5,250 - 6,000 = -750; CV = 5,250 - 5,800 = -550.
    expect(figures.sv).toBeCloseTo(-750, 6)
    expect(figures.cv).toBeCloseTo(-550, 6)
    // SPI = 5,250 / 6,000 = 0.875; CPI = 5,250 / 5,800 = 0.90517.
    expect(figures.spi).toBeCloseTo(0.875, 9)
    expect(figures.cpi).toBeCloseTo(5250 / 5800, 9)
    // EAC = 5,800 + (9,000 - 5,250) / (5,250 / 5,800) = 5,800 + 3,750 x 5,800 / 5,250 = 9,942.857; VAC = -942.857.
    expect(figures.eac).toBeCloseTo(5800 + (3750 * 5800) / 5250, 6)
    expect(figures.vac).toBeCloseTo(9000 - (5800 + (3750 * 5800) / 5250), 6)
    // TCPI = (9,000 - 5,250) / (9,000 - 5,800) = 3,750 / 3,200 = 1.171875.
    expect(figures.tcpi).toBeCloseTo(1.171875, 9)
    // Build finished on Monday 12th 17:00 against a baseline finish of Friday 9th 17:00: one working day late.
    expect(value.finishVariance[1]).toBe(480)

    // The S-curve ends at the status date with the table's figures; PV runs on to the baseline finish.
    const points = earnedValueSeries(plan, schedule, costs, value, 'week')
    // The curve rises from nothing at the start of the first week.
    expect(points[0]).toMatchObject({ pv: 0, ev: 0, ac: 0 })
    expect(points[0]?.date.slice(11)).toBe('00:00:00')
    const atStatus = points.find((point) => point.date === '2026-01-14T12:00:00')
    expect(atStatus?.pv).toBeCloseTo(6000, 6)
    expect(atStatus?.ev).toBeCloseTo(5250, 6)
    expect(atStatus?.ac).toBeCloseTo(5800, 6)
    const last = points[points.length - 1]
    expect(last?.pv).toBeCloseTo(9000, 6)
    expect(last?.ev).toBeNull()
    // Cumulative: never decreasing.
    for (let k = 1; k < points.length; k++) expect((points[k]?.pv ?? 0) + 1e-9).toBeGreaterThanOrEqual(points[k - 1]?.pv ?? 0)
  })

  it('uses physical % complete when that is the earned value method', () => {
    const plan = releasePlan({
      a: { percentComplete: 40, physicalPercentComplete: 70, actualStart: '2026-01-05T08:00:00' },
      aWork: 2400,
      aActual: 1200,
      b: {},
      bActual: 0,
    })
    const schedule = scheduled(plan)
    const costs = costCompute(plan, schedule)
    // EV = 4,000 x 70 % = 2,800 instead of 4,000 x 40 % = 1,600.
    const physical = earnedValueCompute(plan, schedule, costs, { statusDate: '2026-01-07T17:00:00', method: 'physical-percent-complete' })
    expect(physical.plan.ev).toBeCloseTo(2800, 6)
    const percent = earnedValueCompute(plan, schedule, costs, { statusDate: '2026-01-07T17:00:00' })
    expect(percent.plan.ev).toBeCloseTo(1600, 6)
  })

  it('measures against the chosen baseline: a task without that baseline has no BAC, PV or EV', () => {
    const plan = releasePlan({ a: { percentComplete: 40 }, aWork: 2400, aActual: 1200, b: {}, bActual: 0 })
    const schedule = scheduled(plan)
    const costs = costCompute(plan, schedule)
    const value = earnedValueCompute(plan, schedule, costs, { statusDate: '2026-01-07T17:00:00', baselineNumber: 3 })
    expect(value.plan.bac).toBe(0)
    expect(value.plan.pv).toBe(0)
    expect(value.plan.ev).toBe(0)
    // AC does not depend on a baseline.
    expect(value.plan.ac).toBeCloseTo(2000, 6)
    expect(Number.isNaN(value.finishVariance[1])).toBe(true)
  })
})

describe('earned value indexes at their edges (Microsoft Project shows 0 where a divisor is 0)', () => {
  it('nothing planned and nothing spent: SPI and CPI are 0 and EAC is the scheduled cost', () => {
    const figures = earnedValueFigures(1000, 0, 0, 0, 1200)
    expect(figures.spi).toBe(0)
    expect(figures.cpi).toBe(0)
    expect(figures.eac).toBe(1200)
    expect(figures.vac).toBe(-200)
    expect(figures.tcpi).toBe(1)
  })

  it('BAC spent exactly: TCPI is 0', () => {
    expect(earnedValueFigures(1000, 1000, 800, 1000, 1250).tcpi).toBe(0)
  })
})
