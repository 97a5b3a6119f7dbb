/**
 * The cost commands (issue 16 items 3 and 8): rates typed per hour, day or unit, cost per use and accruals, fixed
 * costs, budgets and the currency, through the one run path; negative, unreadable and absurd amounts are refused with a
 * sentence and change nothing. Budget alerts name what is over and by how much.
 */
import { describe, expect, it } from 'vitest'
import { costAmountParse, costRateFormat, costRateParse } from '../../src/shared/commands/cost'
import type { CommandId, CommandInput } from '../../src/shared/commands/registry'
import { commandRun } from '../../src/shared/commands/run'
import { costBudgetAlerts, costCompute, costFormatMoney } from '../../src/shared/domain/cost'
import { makeAssignment, makePlan, makeResource, makeTask, planSettingsDefault } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'

/*
 *   1 Release (summary)
 *     2 Build   5 d, Ana at 100 % (40 h)
 *     3 Test    2 d, Ana at 100 % (16 h)
 *   Ana: 50 per hour; Concrete: a material.
 */
function plan(): Plan {
  return makePlan('cost', 'Cost', '2026-01-05T08:00:00', '2026-01-01T00:00:00', {
    tasks: [
      makeTask(1, { name: 'Release', level: 1 }),
      makeTask(2, { name: 'Build', level: 2, duration: 2400, work: 2400 }),
      makeTask(3, { name: 'Test', level: 2, duration: 960, work: 960 }),
    ],
    dependencies: [{ id: 1, predecessorId: 2, successorId: 3, type: 'FS', lag: 0, lagUnit: 'd' }],
    resources: [makeResource(1, 'Ana', { standardRate: 50 }), makeResource(2, 'Concrete', { type: 'material', materialLabel: 't' })],
    assignments: [makeAssignment(1, 2, 1, 100, 2400), makeAssignment(2, 3, 1, 100, 960)],
  })
}

const context = { selection: [2], schedule: null, clipboard: null }

function attempt<Id extends CommandId>(current: Plan, id: Id, input: CommandInput<Id>) {
  return commandRun(current, id, input, context)
}

function run<Id extends CommandId>(current: Plan, id: Id, input: CommandInput<Id>): Plan {
  const result = attempt(current, id, input)
  if (!result.ok) throw new Error(result.message)
  return result.plan
}

function costs(current: Plan) {
  const result = scheduleRun(current)
  if (!result.ok) throw new Error(result.problems[0]?.message)
  return costCompute(current, result.schedule)
}

describe('amounts and rates as typed', () => {
  it('reads amounts with thousands separators, decimal commas and a currency around them', () => {
    const amounts: [string, number][] = [
      ['1250', 1250],
      ['1,250.50', 1250.5],
      ['1.250,50', 1250.5],
      ['1250,5', 1250.5],
      ['1 250', 1250],
      ['EUR 1,250', 1250],
      ['$40', 40],
      ['40 €', 40],
      ['0', 0],
      ['.5', 0.5],
    ]
    for (const [text, amount] of amounts) expect(costAmountParse(text, 'A fixed cost')).toEqual({ ok: true, amount })
  })

  it('refuses negative amounts, text and amounts beyond a trillion with a sentence', () => {
    expect(costAmountParse('-5', 'The standard rate')).toEqual({ ok: false, message: 'The standard rate cannot be negative.' })
    expect(costAmountParse('−5', 'A budget')).toEqual({ ok: false, message: 'A budget cannot be negative.' })
    expect(costAmountParse('ten', 'A budget')).toEqual({ ok: false, message: '"ten" is not an amount; type a number such as 1250 or 1,250.50.' })
    expect(costAmountParse('1e20', 'A budget')).toMatchObject({ ok: false })
    expect(costAmountParse('2000000000000', 'A budget')).toEqual({ ok: false, message: 'A budget can be at most 1,000,000,000,000.' })
  })

  it('stores a rate per hour whatever unit it is typed in, and shows it back in that unit', () => {
    const settings = planSettingsDefault()
    const work = makeResource(1, 'Ana')
    expect(costRateParse('75', work, settings, 'The standard rate')).toEqual({ ok: true, rate: 75, unit: 'h' })
    // 600 per 8-hour day = 75 per hour.
    expect(costRateParse('600/d', work, settings, 'The standard rate')).toEqual({ ok: true, rate: 75, unit: 'd' })
    // 3,000 per 40-hour week = 75 per hour.
    expect(costRateParse('3000/week', work, settings, 'The standard rate')).toEqual({ ok: true, rate: 75, unit: 'w' })
    expect(costRateFormat(75, 'd', settings)).toBe('600/d')
    const material = makeResource(2, 'Concrete', { type: 'material', materialLabel: 't' })
    expect(costRateParse('12.5', material, settings, 'The standard rate')).toEqual({ ok: true, rate: 12.5, unit: 'unit' })
    expect(costRateParse('12.5/t', material, settings, 'The standard rate')).toEqual({ ok: true, rate: 12.5, unit: 'unit' })
    expect(costRateParse('12.5/h', material, settings, 'The standard rate')).toMatchObject({ ok: false, message: 'A material costs per unit used, not per time: type 12.5 alone.' })
    expect(costRateParse('75/parsec', work, settings, 'The standard rate')).toMatchObject({ ok: false, message: expect.stringMatching(/^"parsec" is not a rate unit/) })
  })
})

describe('cost commands', () => {
  it('a standard rate typed per day changes the cost of every task of the resource', () => {
    const before = plan()
    expect(costs(before).total).toBe(56 * 50)
    const after = run(before, 'resource/set-standard-rate', { resourceId: 1, text: '800/d' })
    expect(after.resources[0]).toMatchObject({ standardRate: 100, standardRateUnit: 'd' })
    // 56 h at 100 per hour.
    expect(costs(after).total).toBe(5600)
  })

  it('cost per use is charged once per assignment, whatever its units', () => {
    const after = run(plan(), 'resource/set-cost-per-use', { resourceId: 1, text: '25' })
    const figures = costs(after)
    expect(Array.from(figures.cost)).toEqual([56 * 50 + 50, 40 * 50 + 25, 16 * 50 + 25])
  })

  it('a fixed cost on the selected task adds to it and to its summary', () => {
    const after = run(plan(), 'task/set-fixed-cost', { text: '1,000' })
    expect(after.tasks[1]?.fixedCost).toBe(1000)
    expect(Array.from(costs(after).cost)).toEqual([3800, 3000, 800])
    // Accrual at the end: nothing of it is actual before the task finishes.
    const atEnd = run(after, 'task/set-fixed-cost-accrual', { accrual: 'end' })
    expect(atEnd.tasks[1]?.fixedCostAccrual).toBe('end')
  })

  it('budgets: over the plan budget and a summary budget, each alert names it and by how much', () => {
    let current = run(plan(), 'plan/set-budget', { text: '2,500' })
    current = run(current, 'task/set-budget', { taskIds: [1], text: '2000' })
    current = run(current, 'task/set-budget', { taskIds: [3], text: '1000' })
    const alerts = costBudgetAlerts(current, costs(current))
    expect(alerts.map((alert) => alert.message)).toEqual([
      'The forecast cost of 2,800.00 USD is over the plan budget of 2,500.00 USD by 300.00 USD (12 %).',
      '"Release": the forecast cost of 2,800.00 USD is over its budget of 2,000.00 USD by 800.00 USD (40 %).',
    ])
    expect(alerts[1]).toMatchObject({ taskId: 1, budget: 2000, forecast: 2800, over: 800 })
    // Blank removes a budget.
    const cleared = run(current, 'plan/set-budget', { text: '' })
    expect(cleared.tracking.budget).toBeNull()
    expect(costBudgetAlerts(cleared, costs(cleared))).toHaveLength(1)
  })

  it('the currency is a three-letter code; amounts keep their value', () => {
    const after = run(plan(), 'plan/set-currency', { text: 'eur' })
    expect(after.settings.currencyCode).toBe('EUR')
    expect(costFormatMoney(1234.5, 'EUR')).toBe('1,234.50 EUR')
  })

  it('refuses negative rates and costs, and unreadable text, changing nothing', () => {
    const before = plan()
    const refusals: [ReturnType<typeof attempt>, string][] = [
      [attempt(before, 'resource/set-standard-rate', { resourceId: 1, text: '-50' }), 'The standard rate cannot be negative.'],
      [attempt(before, 'resource/set-overtime-rate', { resourceId: 1, text: '-1/h' }), 'The overtime rate cannot be negative.'],
      [attempt(before, 'resource/set-overtime-rate', { resourceId: 2, text: '10' }), 'A material has no overtime rate.'],
      [attempt(before, 'resource/set-cost-per-use', { resourceId: 1, text: '-10' }), 'The cost per use cannot be negative.'],
      [attempt(before, 'task/set-fixed-cost', { text: '-100' }), 'A fixed cost cannot be negative.'],
      [attempt(before, 'task/set-budget', { text: '-1' }), 'A budget cannot be negative.'],
      [attempt(before, 'plan/set-budget', { text: '-1' }), 'The plan budget cannot be negative.'],
      [attempt(before, 'plan/set-currency', { text: 'euro' }), '"euro" is not a currency code; type three letters such as EUR, USD or GBP.'],
      [attempt(before, 'resource/set-standard-rate', { resourceId: 9, text: '5' }), 'This resource no longer exists.'],
    ]
    for (const [result, message] of refusals) {
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.message).toContain(message)
      if (!result.ok) expect(result.message).toMatch(/Nothing was changed\.$/)
    }
    expect(attempt(before, 'task/set-fixed-cost-accrual', { accrual: 'sometimes' as never }).ok).toBe(false)
  })

  it('a command that changes nothing returns the same plan', () => {
    const before = plan()
    const result = attempt(before, 'resource/set-standard-rate', { resourceId: 1, text: '50' })
    expect(result.ok && result.plan).toBe(before)
  })
})
