/**
 * The plan's earned value options (issue 16): the baseline earned value is measured against and the method, and the
 * "move remaining work after the status date" option; a baseline number outside 0–10 or an unknown method is refused
 * with nothing changed, and the earned value follows the chosen baseline.
 */
import { describe, expect, it } from 'vitest'
import type { CommandId, CommandInput } from '../../src/shared/commands/registry'
import { commandRun } from '../../src/shared/commands/run'
import { costCompute, earnedValueCompute } from '../../src/shared/domain/cost'
import { makeAssignment, makePlan, makeResource, makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'

/* Build: 5 d, 40 h at 50 = 2,000; Baseline says 2,000, Baseline 2 says 1,000; 50 % complete. */
function plan(): Plan {
  return makePlan('s', 'S', '2026-01-05T08:00:00', '2026-01-01T00:00:00', {
    tasks: [
      makeTask(1, {
        name: 'Build',
        duration: 2400,
        work: 2400,
        percentComplete: 50,
        physicalPercentComplete: 25,
        actualStart: '2026-01-05T08:00:00',
        baselines: [
          { number: 0, start: '2026-01-05T08:00:00', finish: '2026-01-09T17:00:00', duration: 2400, work: 2400, cost: 2000, bcws: null, bcwp: null },
          { number: 2, start: '2026-01-05T08:00:00', finish: '2026-01-09T17:00:00', duration: 2400, work: 2400, cost: 1000, bcws: null, bcwp: null },
        ],
      }),
    ],
    resources: [makeResource(1, 'Ana', { standardRate: 50 })],
    assignments: [makeAssignment(1, 1, 1, 100, 2400)],
  })
}

function attempt<Id extends CommandId>(current: Plan, id: Id, input: CommandInput<Id>) {
  return commandRun(current, id, input, { selection: [], schedule: null, clipboard: null })
}

function earned(current: Plan): number {
  const result = scheduleRun(current)
  if (!result.ok) throw new Error(result.problems[0]?.message)
  return earnedValueCompute(current, result.schedule, costCompute(current, result.schedule), { statusDate: '2026-01-09T17:00:00' }).plan.ev
}

describe('earned value options', () => {
  it('measures against the chosen baseline, by the chosen method', () => {
    const current = plan()
    expect(earned(current)).toBeCloseTo(1000) // 2,000 × 50 %
    const second = attempt(current, 'settings/set-earned-value-baseline', { number: 2 })
    if (!second.ok) throw new Error(second.message)
    expect(second.plan.settings.baselineForEarnedValue).toBe(2)
    expect(earned(second.plan)).toBeCloseTo(500) // 1,000 × 50 %
    const physical = attempt(second.plan, 'settings/set-earned-value-method', { method: 'physical-percent-complete' })
    if (!physical.ok) throw new Error(physical.message)
    expect(earned(physical.plan)).toBeCloseTo(250) // 1,000 × 25 %
  })

  it('refuses a baseline outside 0–10 and an unknown method, changing nothing', () => {
    const current = plan()
    for (const number of [11, -1, 2.5, Number.NaN]) {
      const result = attempt(current, 'settings/set-earned-value-baseline', { number })
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.message).toMatch(/choose Baseline or Baseline 1 to 10\. Nothing was changed\.$/)
    }
    expect(attempt(current, 'settings/set-earned-value-method', { method: 'guess' as never }).ok).toBe(false)
    expect(current.settings.baselineForEarnedValue).toBe(0)
  })

  it('switches moving the remaining work after the status date on and off, keeping the plan when unchanged', () => {
    const current = plan()
    const on = attempt(current, 'settings/set-move-remaining', { isOn: true })
    if (!on.ok) throw new Error(on.message)
    expect(on.plan.settings.moveRemainingAfterStatusDate).toBe(true)
    const again = attempt(on.plan, 'settings/set-move-remaining', { isOn: true })
    expect(again.ok && again.plan).toBe(on.plan)
  })
})
