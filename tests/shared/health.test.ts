import { describe, expect, it } from 'vitest'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import { healthThresholdsDefault, type StatusReport } from '../../src/shared/domain/health/model'
import {
  statusReportCompose,
  statusReportDone,
  statusReportMissing,
  statusReportPrevious,
  statusReportTrends,
} from '../../src/shared/domain/health/report'
import {
  healthCompute,
  healthOverall,
  healthRuleCost,
  healthRuleResources,
  healthRuleRisk,
  healthRuleSchedule,
  healthRuleScope,
  healthThresholdsProblem,
  healthTrend,
} from '../../src/shared/domain/health/rules'
import { costCompute, earnedValueCompute } from '../../src/shared/domain/cost'
import { loadCompute } from '../../src/shared/domain/load'
import type { Plan } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'
import { commandRun } from '../../src/shared/commands/run'
import { planFileParse, planFileSerialize } from '../../src/shared/formats/plan-file'

const t = healthThresholdsDefault()

describe('RAG rules at their thresholds', () => {
  it('schedule: SPI amber strictly below 0.95 and red strictly below 0.85', () => {
    expect(healthRuleSchedule(0.95, 0, t).rag).toBe('green')
    expect(healthRuleSchedule(0.9499, 0, t).rag).toBe('amber')
    expect(healthRuleSchedule(0.85, 0, t).rag).toBe('amber')
    expect(healthRuleSchedule(0.8499, 0, t).rag).toBe('red')
  })
  it('schedule: finish slip amber above 0 days, red above 10; the worse of SPI and slip', () => {
    expect(healthRuleSchedule(null, 0, t).rag).toBe('green')
    expect(healthRuleSchedule(null, 0.1, t).rag).toBe('amber')
    expect(healthRuleSchedule(null, 10, t).rag).toBe('amber')
    expect(healthRuleSchedule(null, 10.1, t).rag).toBe('red')
    expect(healthRuleSchedule(1.2, 12, t).rag).toBe('red')
    expect(healthRuleSchedule(0.8, -3, t).rag).toBe('red')
    expect(healthRuleSchedule(0.9, 12, t).reason).toBe(
      'The forecast finish is 12 working days after the baseline finish (amber above 0, red above 10). SPI 0.90 (amber below 0.95, red below 0.85).',
    )
  })
  it('schedule without a baseline is not rated and says so', () => {
    expect(healthRuleSchedule(null, null, t)).toEqual({ rag: 'unknown', reason: 'No baseline: set a baseline to compare the schedule with.' })
  })
  it('schedule against a baseline without finish dates (a cost-only one) is rated by its SPI alone', () => {
    expect(healthRuleSchedule(1, null, t)).toEqual({
      rag: 'green',
      reason: 'The baseline has no finish date to compare the forecast finish with. SPI 1.00 (amber below 0.95, red below 0.85).',
    })
    expect(healthRuleSchedule(0.9, null, t).rag).toBe('amber')
    expect(healthRuleSchedule(0.8, null, t).rag).toBe('red')
  })
  it('cost: CPI 0.95 / 0.90 and the forecast over the budget above 0 % / 10 %', () => {
    expect(healthRuleCost(0.95, 0, t).rag).toBe('green')
    expect(healthRuleCost(0.94, -5, t).rag).toBe('amber')
    expect(healthRuleCost(0.9, null, t).rag).toBe('amber')
    expect(healthRuleCost(0.89, null, t).rag).toBe('red')
    expect(healthRuleCost(null, 0.01, t).rag).toBe('amber')
    expect(healthRuleCost(null, 10, t).rag).toBe('amber')
    expect(healthRuleCost(null, 10.01, t).rag).toBe('red')
    expect(healthRuleCost(null, null, t).rag).toBe('unknown')
  })
  it('resources: one over-allocated resource amber, three red', () => {
    expect([0, 1, 2, 3].map((count) => healthRuleResources(count, t).rag)).toEqual(['green', 'amber', 'amber', 'red'])
    expect(healthRuleResources(2, t).reason).toBe('2 resources are over-allocated from the status date on (amber from 1, red from 3).')
  })
  it('scope: tasks added above 5 % of the baselined ones amber, above 15 % red; no baseline not rated', () => {
    expect(healthRuleScope(1, 20, t).rag).toBe('green')
    expect(healthRuleScope(2, 20, t).rag).toBe('amber')
    expect(healthRuleScope(3, 20, t).rag).toBe('amber')
    expect(healthRuleScope(4, 20, t).rag).toBe('red')
    expect(healthRuleScope(4, 0, t).rag).toBe('unknown')
  })
  it('risk: one open high risk amber, two red; thresholds the user changed apply', () => {
    expect([0, 1, 2].map((count) => healthRuleRisk(count, t).rag)).toEqual(['green', 'amber', 'red'])
    expect(healthRuleRisk(2, { ...t, riskRed: 3 }).rag).toBe('amber')
  })
  it('overall is the worst rated dimension; trend compares with the previous rating', () => {
    expect(healthOverall(['green', 'unknown', 'amber'])).toBe('amber')
    expect(healthOverall(['unknown', 'unknown'])).toBe('unknown')
    expect(healthOverall(['green', 'red', 'amber'])).toBe('red')
    expect(healthTrend('amber', 'red')).toBe('better')
    expect(healthTrend('red', 'green')).toBe('worse')
    expect(healthTrend('green', 'green')).toBe('same')
    expect(healthTrend('green', null)).toBe('new')
    expect(healthTrend('unknown', 'green')).toBe('new')
  })
  it('refuses thresholds where red is milder than amber, negative or not whole counts', () => {
    expect(healthThresholdsProblem(t)).toBeNull()
    expect(healthThresholdsProblem({ ...t, spiRed: 0.97 })).toMatch(/SPI: the red threshold \(0.97\) must be at or below the amber one \(0.95\)/)
    expect(healthThresholdsProblem({ ...t, slipRedDays: -1 })).toMatch(/slipRedDays must be a number from 0/)
    expect(healthThresholdsProblem({ ...t, riskAmber: 1.5 })).toMatch(/riskAmber must be a whole number/)
    expect(healthThresholdsProblem({ ...t, riskHighScore: 26 })).toMatch(/1 to 25/)
  })
})

/** Three tasks A → B → milestone M, one day each from Mon 2 Mar 2026, baselined as scheduled. */
function trackedPlan(): Plan {
  const tasks = [
    makeTask(1, { name: 'Design', duration: 480 }),
    makeTask(2, { name: 'Build', duration: 480 }),
    makeTask(3, { name: 'Launch', duration: 0, isMilestone: true }),
  ]
  let plan = makePlan('p', 'Tracked', '2026-03-02T08:00:00', '2026-03-01T00:00:00', {
    tasks,
    dependencies: [
      { id: 1, predecessorId: 1, successorId: 2, type: 'FS', lag: 0, lagUnit: 'd' },
      { id: 2, predecessorId: 2, successorId: 3, type: 'FS', lag: 0, lagUnit: 'd' },
    ],
  })
  const scheduled = scheduleRun(plan)
  if (!scheduled.ok) throw new Error('not scheduled')
  const s = scheduled.schedule
  const iso = (minutes: number) => new Date(minutes * 60_000).toISOString().slice(0, 19)
  plan = {
    ...plan,
    tasks: plan.tasks.map((task, index) => ({
      ...task,
      baselines: [
        { number: 0, start: iso(s.start[index] ?? 0), finish: iso(s.finish[index] ?? 0), duration: task.duration, work: null, cost: null, bcws: null, bcwp: null },
      ],
    })),
    tracking: { budget: null, baselines: [{ number: 0, setAt: '2026-03-01T09:00:00' }] },
  }
  return plan
}

function run(plan: Plan) {
  const scheduled = scheduleRun(plan)
  if (!scheduled.ok) throw new Error('not scheduled')
  return { schedule: scheduled.schedule, load: loadCompute(plan, scheduled.schedule) }
}

describe('healthCompute on a plan', () => {
  it('takes cost and earned value already worked out at its status date, and works them out again for another date', () => {
    // Each task costs 1,000 (fixed cost, baselined); Design is done.
    const base = trackedPlan()
    const plan = {
      ...base,
      statusDate: '2026-03-03T17:00:00',
      tasks: base.tasks.map((task) => ({
        ...task,
        fixedCost: 1000,
        percentComplete: task.id === 1 ? 100 : 0,
        baselines: task.baselines.map((baseline) => ({ ...baseline, cost: 1000 })),
      })),
    }
    const { schedule, load } = run(plan)
    const costs = costCompute(plan, schedule)
    const earned = earnedValueCompute(plan, schedule, costs, { statusDate: '2026-03-03T17:00:00' })
    expect(earned.plan.pv).toBeGreaterThan(0)
    expect(healthCompute(plan, schedule, load, undefined, { costs, earned })).toEqual(healthCompute(plan, schedule, load))
    // Figures of another moment are not taken: the plan's own status date wins.
    const elsewhere = earnedValueCompute(plan, schedule, costs, { statusDate: '2026-03-02T08:00:00' })
    expect(elsewhere.plan.pv).not.toBe(earned.plan.pv)
    expect(healthCompute(plan, schedule, load, undefined, { costs, earned: elsewhere })).toEqual(healthCompute(plan, schedule, load))
  })

  it('turns the schedule from green to red when a task slips past its baseline by more than 10 days', () => {
    const plan = { ...trackedPlan(), statusDate: '2026-03-02T08:00:00' }
    const before = run(plan)
    expect(healthCompute(plan, before.schedule, before.load).dimensions[0]?.rag).toBe('green')
    const slipped = { ...plan, tasks: plan.tasks.map((task) => (task.id === 2 ? { ...task, duration: 480 * 12 } : task)) }
    const after = run(slipped)
    const health = healthCompute(slipped, after.schedule, after.load)
    expect(health.dimensions[0]?.rag).toBe('red')
    expect(health.dimensions[0]?.reason).toMatch(/^The forecast finish is 11 working days after the baseline finish/)
    expect(health.dimensions[0]?.taskIds).toEqual([2, 3])
    expect(health.overall).toBe('red')
  })
  it('scope counts a task added after the baseline', () => {
    const base = trackedPlan()
    const plan = { ...base, statusDate: '2026-03-02T08:00:00', tasks: [...base.tasks, makeTask(4, { name: 'Extra', duration: 480 })] }
    const { schedule, load } = run(plan)
    const scope = healthCompute(plan, schedule, load).dimensions[3]
    expect(scope?.rag).toBe('red')
    expect(scope?.taskIds).toEqual([4])
  })
})

describe('status reports', () => {
  it('says what is missing: no status date, no baseline, or neither', () => {
    const plain = makePlan('p', 'Plain', '2026-03-02T08:00:00', '2026-03-01T00:00:00', { tasks: [makeTask(1, { name: 'A' })] })
    expect(statusReportMissing(plain)).toMatch(/needs a status date .* and a baseline .* This plan has neither\./)
    expect(statusReportMissing({ ...plain, statusDate: '2026-03-05T17:00:00' })).toMatch(/needs a baseline .*This plan has no baseline\./)
    expect(statusReportMissing(trackedPlan())).toMatch(/needs a status date .*This plan has no status date\./)
    expect(statusReportMissing({ ...trackedPlan(), statusDate: '2026-03-05T17:00:00' })).toBeNull()
  })

  it('done this period: tasks finished after the previous status date and by this one', () => {
    const base = trackedPlan()
    const plan = {
      ...base,
      statusDate: '2026-03-04T17:00:00',
      tasks: base.tasks.map((task) =>
        task.id === 1
          ? { ...task, percentComplete: 100, actualStart: '2026-03-02T08:00:00', actualFinish: '2026-03-02T17:00:00' }
          : task.id === 2
            ? { ...task, percentComplete: 100, actualStart: '2026-03-03T08:00:00', actualFinish: '2026-03-03T17:00:00' }
            : task,
      ),
    }
    const { schedule } = run(plan)
    expect(statusReportDone(plan, schedule, null, '2026-03-04T17:00:00').map((line) => line.name)).toEqual(['Design', 'Build'])
    // Finished exactly at the previous status date: reported then, not again.
    expect(statusReportDone(plan, schedule, '2026-03-02T17:00:00', '2026-03-04T17:00:00').map((line) => line.name)).toEqual(['Build'])
    expect(statusReportDone(plan, schedule, '2026-03-03T17:00:00', '2026-03-04T17:00:00')).toEqual([])
  })

  it('saves a dated snapshot, and the next report compares with it (trend, period start)', () => {
    let plan: Plan = { ...trackedPlan(), statusDate: '2026-03-02T08:00:00' }
    const save = (current: Plan, commentary: string) => {
      const { schedule } = run(current)
      const result = commandRun(current, 'report/save', { commentary, decisions: 'Approve the extra week', savedAt: '2026-03-02T10:00:00' }, { selection: [], schedule, ids: { task: 99, dependency: 99, resource: 99, assignment: 99 }, clipboard: null } as never)
      if (!result.ok) throw new Error(result.message)
      return result.plan
    }
    plan = save(plan, 'All on track.')
    expect(plan.statusReports).toHaveLength(1)
    const first = plan.statusReports[0] as StatusReport
    expect(first).toMatchObject({ id: 1, statusDate: '2026-03-02T08:00:00', periodStart: null, overall: 'green', commentary: 'All on track.' })
    // A slip, a later status date: the second report starts where the first ended and is worse.
    plan = { ...plan, statusDate: '2026-03-09T08:00:00', tasks: plan.tasks.map((task) => (task.id === 2 ? { ...task, duration: 480 * 12 } : task)) }
    plan = save(plan, 'Build slipped.')
    const second = plan.statusReports[1] as StatusReport
    expect(second.periodStart).toBe('2026-03-02T08:00:00')
    expect(statusReportPrevious(plan.statusReports, second.statusDate)?.id).toBe(1)
    const trends = statusReportTrends(second, statusReportPrevious(plan.statusReports, second.statusDate))
    expect(trends.overall).toBe('worse')
    expect(trends.dimensions[0]).toBe('worse')
    // Snapshots survive the file.
    const parsed = planFileParse(planFileSerialize(plan))
    if (!parsed.ok) throw new Error(parsed.error.message)
    expect(parsed.plan.statusReports).toEqual(plan.statusReports)
  })

  it('refuses to save without a baseline, naming it, and changes nothing', () => {
    const plan = { ...makePlan('p', 'Plain', '2026-03-02T08:00:00', '2026-03-01T00:00:00', { tasks: [makeTask(1, { name: 'A' })] }), statusDate: '2026-03-05T17:00:00' }
    const { schedule } = run(plan)
    const result = commandRun(plan, 'report/save', { commentary: '', decisions: '', savedAt: '2026-03-05T18:00:00' }, { selection: [], schedule, ids: { task: 9, dependency: 9, resource: 9, assignment: 9 }, clipboard: null } as never)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(/needs a baseline/)
    const composed = statusReportCompose(plan, schedule, loadCompute(plan, schedule), { commentary: '', decisions: '', savedAt: '2026-03-05T18:00:00' })
    expect(composed.ok).toBe(false)
  })

  it('refuses thresholds where red is milder than amber through the command', () => {
    const plan = trackedPlan()
    const result = commandRun(plan, 'settings/set-health-thresholds', { thresholds: { cpiRed: 0.99 } }, { selection: [], schedule: null, ids: { task: 9, dependency: 9, resource: 9, assignment: 9 }, clipboard: null } as never)
    expect(result.ok).toBe(false)
    const changed = commandRun(plan, 'settings/set-health-thresholds', { thresholds: { slipRedDays: 5 } }, { selection: [], schedule: null, ids: { task: 9, dependency: 9, resource: 9, assignment: 9 }, clipboard: null } as never)
    expect(changed.ok && changed.plan.settings.health.slipRedDays).toBe(5)
  })
})
