/**
 * The grid's issue 16 columns (progress, baseline, variance, cost, earned value) and the tables of columns: what a
 * user reads in the Tracking, Variance, Cost and Earned value tables for a small plan whose figures are derived by hand.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { dateLocaleSet } from '../../src/renderer/src/ui/date-format'
import { cellText, columnDefs, columnKeys, columnLabel, columnTables } from '../../src/renderer/src/features/workspace/cells'
import { deriveWorkspace } from '../../src/renderer/src/features/workspace/derived'
import { trackingDaysText, trackingStatusDate } from '../../src/renderer/src/features/workspace/tracking'
import { makeAssignment, makePlan, makeResource, makeTask } from '../../src/shared/domain/defaults'
import type { Baseline, Plan } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'

function baseline(number: Baseline['number'], start: string, finish: string, duration: number, work: number, cost: number): Baseline {
  return { number, start, finish, duration, work, cost, bcws: null, bcwp: null }
}

/*
 * January 2026: Mo 5 … Fr 9, Mo 12 … Fr 16 (standard calendar, 8 h a day).
 *   1 Release (summary)
 *     2 Build  5 d, Ana at 100 % (40 h at 50/h = 2,000), fixed cost 100 → cost 2,100; baseline 0: 4 d (Jan 5–8, 1,600)
 *     3 Test   2 d after Build (Jan 12–13), Ana 16 h = 800; baseline 0: Jan 9–12 (2 d, 800)
 * Build is 40 % complete at the status date Friday Jan 9 17:00.
 */
function plan(overrides: Partial<Plan> = {}): Plan {
  return makePlan('t', 'T', '2026-01-05T08:00:00', '2026-01-01T00:00:00', {
    statusDate: '2026-01-09T17:00:00',
    tracking: { budget: null, baselines: [{ number: 0, setAt: '2026-01-02T10:00:00' }] },
    tasks: [
      makeTask(1, { name: 'Release', level: 1, baselines: [baseline(0, '2026-01-05T08:00:00', '2026-01-12T17:00:00', 2880, 2880, 2400)] }),
      makeTask(2, {
        name: 'Build',
        level: 2,
        duration: 2400,
        work: 2400,
        fixedCost: 100,
        percentComplete: 40,
        actualStart: '2026-01-05T08:00:00',
        actualWork: 960,
        baselines: [baseline(0, '2026-01-05T08:00:00', '2026-01-08T17:00:00', 1920, 1920, 1600)],
      }),
      makeTask(3, { name: 'Test', level: 2, duration: 960, work: 960, baselines: [baseline(0, '2026-01-09T08:00:00', '2026-01-12T17:00:00', 960, 960, 800)] }),
    ],
    dependencies: [{ id: 1, predecessorId: 2, successorId: 3, type: 'FS', lag: 0, lagUnit: 'd' }],
    resources: [makeResource(1, 'Ana', { standardRate: 50 })],
    assignments: [{ ...makeAssignment(1, 2, 1, 100, 2400), actualWork: 960 }, makeAssignment(2, 3, 1, 100, 960)],
    ...overrides,
  })
}

function derive(current: Plan) {
  const result = scheduleRun(current)
  if (!result.ok) throw new Error(result.problems[0]?.message)
  return deriveWorkspace(current, result.schedule, null)
}

describe('tracking columns', () => {
  // Dates as a Swedish user sees them (ISO order), so the expected texts read as dates anywhere.
  beforeEach(() => dateLocaleSet('sv-SE'))
  it('shows the baseline and the variances from it, in working days', () => {
    const derived = derive(plan())
    expect(cellText(derived, 1, 'baselineStart')).toBe('2026-01-05')
    expect(cellText(derived, 1, 'baselineFinish')).toBe('2026-01-08')
    expect(cellText(derived, 1, 'baselineDuration')).toBe('4d')
    expect(cellText(derived, 1, 'baselineWork')).toBe('32h')
    expect(cellText(derived, 1, 'baselineCost')).toBe('1,600.00')
    // Build finishes Friday Jan 9 instead of Thursday Jan 8: one working day late; it lasts one day more.
    expect(cellText(derived, 1, 'finish')).toBe('2026-01-09')
    expect(cellText(derived, 1, 'finishVariance')).toBe('+1d')
    expect(cellText(derived, 1, 'startVariance')).toBe('0d')
    expect(cellText(derived, 1, 'durationVariance')).toBe('+1d')
    expect(cellText(derived, 1, 'workVariance')).toBe('+8h')
    // Test: Jan 12–13 against Jan 9–12, one working day late at both ends.
    expect(cellText(derived, 2, 'startVariance')).toBe('+1d')
    expect(cellText(derived, 2, 'finishVariance')).toBe('+1d')
    // Build costs 40 h × 50 + 100 = 2,100 against 1,600.
    expect(cellText(derived, 1, 'costVariance')).toBe('500.00')
  })

  it('leaves the baseline cells blank for a baseline that was not set, and names it in the header', () => {
    const derived = derive(plan())
    const view = { baselineNumber: 3 as const }
    expect(cellText(derived, 1, 'baselineFinish', view)).toBe('')
    expect(cellText(derived, 1, 'finishVariance', view)).toBe('')
    expect(columnLabel('baselineFinish', view)).toBe('Baseline 3 finish')
    expect(columnLabel('baselineFinish')).toBe('Baseline finish')
  })

  it('shows cost, actual and remaining cost, rolled up to the summary', () => {
    const derived = derive(plan())
    expect(cellText(derived, 1, 'cost')).toBe('2,100.00')
    expect(cellText(derived, 1, 'fixedCost')).toBe('100.00')
    expect(cellText(derived, 1, 'fixedCostAccrual')).toBe('Prorated')
    // Actual: 16 h of work × 50 = 800, plus 40 % of the prorated fixed cost = 40.
    expect(cellText(derived, 1, 'actualCost')).toBe('840.00')
    expect(cellText(derived, 1, 'remainingCost')).toBe('1,260.00')
    expect(cellText(derived, 0, 'cost')).toBe('2,900.00')
    expect(cellText(derived, 0, 'actualCost')).toBe('840.00')
  })

  it('shows progress: actual start, actual and remaining duration and work', () => {
    const derived = derive(plan())
    expect(cellText(derived, 1, 'actualStart')).toBe('2026-01-05')
    expect(cellText(derived, 1, 'physicalComplete')).toBe('0%')
    expect(cellText(derived, 1, 'actualFinish')).toBe('')
    expect(cellText(derived, 1, 'actualDuration')).toBe('2d')
    expect(cellText(derived, 1, 'remainingDuration')).toBe('3d')
    expect(cellText(derived, 1, 'actualWork')).toBe('16h')
    expect(cellText(derived, 1, 'remainingWork')).toBe('24h')
    expect(cellText(derived, 0, 'actualWork')).toBe('16h')
  })

  it('shows earned value at the status date against the baseline', () => {
    const derived = derive(plan())
    // Build's baseline (1,600 over Jan 5–8) is all planned by Jan 9 17:00; Test's (800 over Jan 9–12) half.
    // EV = 1,600 × 40 % = 640; AC = 840 (above); SPI = 640 / 1,600 = 0.40; CPI = 640 / 840 = 0.76.
    expect(cellText(derived, 1, 'bcws')).toBe('1,600.00')
    expect(cellText(derived, 1, 'bcwp')).toBe('640.00')
    expect(cellText(derived, 1, 'acwp')).toBe('840.00')
    expect(cellText(derived, 1, 'sv')).toBe('-960.00')
    expect(cellText(derived, 1, 'cv')).toBe('-200.00')
    expect(cellText(derived, 1, 'spi')).toBe('0.40')
    expect(cellText(derived, 1, 'cpi')).toBe('0.76')
    expect(cellText(derived, 1, 'bac')).toBe('1,600.00')
    expect(cellText(derived, 2, 'bcws')).toBe('400.00')
    // The summary adds its tasks: PV 2,000, EV 640.
    expect(cellText(derived, 0, 'bcws')).toBe('2,000.00')
    expect(cellText(derived, 0, 'spi')).toBe('0.32')
  })

  it('measures at the end of today when the plan has no status date', () => {
    expect(trackingStatusDate(plan({ statusDate: null }), '2026-03-04T09:15:00')).toEqual({ date: '2026-03-04T17:00:00', isToday: true })
    expect(trackingStatusDate(plan(), '2026-03-04T09:15:00')).toEqual({ date: '2026-01-09T17:00:00', isToday: false })
  })

  it('signs variances and keeps tiny ones at zero', () => {
    expect(trackingDaysText(960, plan())).toBe('+2d')
    expect(trackingDaysText(-240, plan())).toBe('-0.5d')
    expect(trackingDaysText(0.2, plan())).toBe('0d')
  })

  it('offers tables of known columns that always show the name, and hides the new columns at first', () => {
    for (const table of Object.values(columnTables)) {
      expect(table.keys).toContain('name')
      for (const key of table.keys) expect(columnKeys).toContain(key)
    }
    for (const key of ['baselineStart', 'finishVariance', 'cost', 'bcws', 'spi', 'actualStart'] as const) expect(columnDefs[key].isHidden).toBe(true)
    expect(columnDefs.fixedCost.command).toBe('task/set-fixed-cost')
  })
})
