import { healthThresholdsDefault } from '../../src/shared/domain/health/model'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import {
  planDependencySchema,
  planFileFormatId,
  planFileLimits,
  planFileParse,
  planFileRowProblem,
  planFileSchemaVersion,
  planFileSerialize,
  planRestore,
  planTaskSchema,
  type PlanFileResult,
} from '../../src/shared/formats/plan-file'

const fixtures = join(__dirname, '..', 'fixtures', 'plans')
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8')

function expectRefused(result: PlanFileResult, code: string, message: RegExp) {
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.error.code).toBe(code)
  expect(result.error.message).toMatch(message)
}

describe('plan file fixtures, one per format version', () => {
  it('has a readable fixture for every schema version up to the current one', () => {
    const versions = readdirSync(fixtures)
      .map((name) => /^v(\d+)-/.exec(name)?.[1])
      .filter((version): version is string => version !== undefined)
      .map(Number)
    for (let version = 1; version <= planFileSchemaVersion; version++) expect(versions).toContain(version)
  })

  it('reads version 1 with every row and field', () => {
    const result = planFileParse(fixture('v1-basic.gantry'))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const plan = result.plan
    expect(plan.name).toBe('Website relaunch')
    expect(plan.start).toBe('2025-03-03T08:00:00')
    expect(plan.tasks.map((task) => [task.id, task.level, task.name])).toEqual([
      [1, 1, 'Discovery'],
      [2, 2, 'Stakeholder interviews'],
      [3, 2, 'Requirements signed off'],
      [4, 1, 'Build'],
      [5, 2, 'Design system'],
      [6, 2, 'Content migration'],
      [7, 1, 'Go live'],
    ])
    expect(plan.tasks[5].constraint).toEqual({ type: 'SNET', date: '2025-03-24T08:00:00' })
    expect(plan.dependencies[2]).toEqual({
      id: 3,
      predecessorId: 5,
      successorId: 6,
      type: 'SS',
      lag: -960,
      lagUnit: 'd',
    })
    expect(plan.resources[1].maxUnits).toBe(50)
    expect(plan.assignments).toHaveLength(3)
    expect(plan.calendars[0].exceptions[0]).toEqual({
      name: 'Easter Monday',
      from: '2025-04-21',
      to: '2025-04-21',
      periods: [],
    })
  })

  it('migrates version 1 to 2: fixed-units automatic tasks, work = units x duration, the plan setting', () => {
    const result = planFileParse(fixture('v1-basic.gantry'))
    if (!result.ok) throw new Error(result.error.message)
    const plan = result.plan
    expect(plan.settings.newTaskSchedulingMode).toBe('auto')
    for (const task of plan.tasks) {
      expect(task).toMatchObject({
        type: 'fixed-units',
        isEffortDriven: false,
        schedulingMode: 'auto',
        manualStart: null,
        manualFinish: null,
        manualDuration: null,
        ignoresResourceCalendars: false,
      })
    }
    // Ana 100 % on a 3-day task, Ana 50 % on a 5-day task, Ben 100 % on a 10-day task.
    expect(plan.assignments.map((assignment) => [assignment.taskId, assignment.work])).toEqual([
      [2, 1440],
      [5, 1200],
      [6, 4800],
    ])
    expect(plan.assignments.every((assignment) => assignment.start === null && assignment.finish === null)).toBe(true)
    expect(plan.tasks.map((task) => task.work)).toEqual([0, 1440, 0, 0, 1200, 4800, 0])
  })

  it('reads version 2 with its work, task types and manual dates', () => {
    const result = planFileParse(fixture('v2-basic.gantry'))
    if (!result.ok) throw new Error(result.error.message)
    const plan = result.plan
    expect(plan.settings.newTaskSchedulingMode).toBe('manual')
    expect(plan.tasks[5]).toMatchObject({ type: 'fixed-work', isEffortDriven: true, ignoresResourceCalendars: true, work: 4800 })
    expect(plan.tasks[6]).toMatchObject({
      schedulingMode: 'manual',
      manualStart: '2025-04-28T17:00:00',
      manualFinish: '2025-04-28T17:00:00',
      manualDuration: 0,
    })
    expect(plan.assignments[0]).toMatchObject({ work: 1440, start: '2025-03-03T08:00:00', finish: '2025-03-05T17:00:00' })
  })

  it('refuses a manual task that finishes before it starts, and negative or absurd work', () => {
    const text = fixture('v2-basic.gantry')
    const damaged = (change: (plan: { tasks: Record<string, unknown>[]; assignments: Record<string, unknown>[] }) => void) => {
      const file = JSON.parse(text) as { plan: { tasks: Record<string, unknown>[]; assignments: Record<string, unknown>[] } }
      change(file.plan)
      return JSON.stringify(file)
    }
    expectRefused(
      planFileParse(damaged((plan) => Object.assign(plan.tasks[6] ?? {}, { manualFinish: '2025-04-27T17:00:00' }))),
      'invalid',
      /finish before it starts/,
    )
    expectRefused(planFileParse(damaged((plan) => Object.assign(plan.assignments[0] ?? {}, { work: -60 }))), 'invalid', /assignments\.0\.work/)
    expectRefused(planFileParse(damaged((plan) => Object.assign(plan.tasks[1] ?? {}, { work: 1e12 }))), 'invalid', /tasks\.1\.work/)
  })

  it('migrates version 2 through 3 to 4: the single baseline becomes Baseline (0), the hourly rate the standard rate per hour', () => {
    const file = JSON.parse(fixture('v2-basic.gantry')) as { plan: { tasks: Record<string, unknown>[] } }
    Object.assign(file.plan.tasks[4] ?? {}, { baseline: { start: '2025-03-10T08:00:00', finish: null, duration: 4800 } })
    const result = planFileParse(JSON.stringify(file))
    if (!result.ok) throw new Error(result.error.message)
    const plan = result.plan
    expect(plan.tasks[4]?.baselines).toEqual([
      { number: 0, start: '2025-03-10T08:00:00', finish: null, duration: 4800, work: null, cost: null, bcws: null, bcwp: null },
    ])
    expect(plan.tasks.filter((task) => task.baselines.length > 0)).toHaveLength(1)
    expect(plan.tracking).toEqual({ budget: null, baselines: [{ number: 0, setAt: null }] })
    expect(plan.resources.map((resource) => [resource.name, resource.type, resource.standardRate, resource.standardRateUnit, resource.costPerUse])).toEqual([
      ['Ana Lima', 'work', 85, 'h', 0],
      ['Ben Okafor', 'work', 95, 'h', 0],
    ])
    expect(plan.tasks[1]).toMatchObject({ percentComplete: 50, physicalPercentComplete: 0, actualWork: 0, fixedCost: 0, fixedCostAccrual: 'prorated', budget: null })
    expect(plan.assignments.map((assignment) => assignment.actualWork)).toEqual([0, 0, 0])
    expect(plan.settings).toMatchObject({ moveRemainingAfterStatusDate: false, baselineForEarnedValue: 0, earnedValueMethod: 'percent-complete' })
    expect(plan.raid).toEqual([])
    // A version-2 plan without any baseline lists none as set.
    const plain = planFileParse(fixture('v2-basic.gantry'))
    expect(plain.ok && plain.plan.tracking.baselines).toEqual([])
  })

  it('reads version 4 with baselines, progress, rates and the earned value settings', () => {
    const result = planFileParse(fixture('v4-basic.gantry'))
    if (!result.ok) throw new Error(result.error.message)
    const plan = result.plan
    expect(plan.tasks[1]?.baselines.map((baseline) => [baseline.number, baseline.cost])).toEqual([
      [0, 2040],
      [1, 2100.5],
    ])
    expect(plan.tasks[1]).toMatchObject({ percentComplete: 50, physicalPercentComplete: 40, actualStart: '2025-03-03T08:00:00', actualWork: 720 })
    expect(plan.tasks[4]).toMatchObject({ fixedCost: 1200, fixedCostAccrual: 'start' })
    expect(plan.tasks[3]?.budget).toBe(18000)
    expect(plan.resources[2]).toMatchObject({ type: 'material', materialLabel: 'unit', standardRate: 3400, standardRateUnit: 'unit' })
    expect(plan.tracking).toEqual({ budget: 25000, baselines: [{ number: 0, setAt: '2025-02-28T16:30:00' }, { number: 1, setAt: null }] })
    expect(plan.settings).toMatchObject({ currencyCode: 'EUR', baselineForEarnedValue: 1, earnedValueMethod: 'physical-percent-complete', moveRemainingAfterStatusDate: true })
    const again = planFileParse(planFileSerialize(plan))
    expect(again).toEqual(result)
  })

  it('refuses negative rates and costs, a baseline number outside 0-10 and an actual finish before the actual start', () => {
    const text = fixture('v4-basic.gantry')
    type Rows = { tasks: Record<string, unknown>[]; resources: Record<string, unknown>[]; tracking: Record<string, unknown>; assignments: Record<string, unknown>[] }
    const damaged = (change: (plan: Rows) => void) => {
      const file = JSON.parse(text) as { plan: Rows }
      change(file.plan)
      return JSON.stringify(file)
    }
    const task = (plan: Rows, index: number) => plan.tasks[index] ?? {}
    const cases: [(plan: Rows) => void, RegExp][] = [
      [(plan) => Object.assign(plan.resources[0] ?? {}, { standardRate: -85 }), /resources\.0\.standardRate: must not be negative/],
      [(plan) => Object.assign(plan.resources[1] ?? {}, { overtimeRate: -1 }), /resources\.1\.overtimeRate: must not be negative/],
      [(plan) => Object.assign(plan.resources[1] ?? {}, { costPerUse: -0.01 }), /resources\.1\.costPerUse: must not be negative/],
      [(plan) => Object.assign(task(plan, 4), { fixedCost: -1200 }), /tasks\.4\.fixedCost: must not be negative/],
      [(plan) => Object.assign(task(plan, 3), { budget: -1 }), /tasks\.3\.budget: must not be negative/],
      [(plan) => Object.assign(plan.tracking, { budget: -25000 }), /tracking\.budget: must not be negative/],
      [(plan) => Object.assign((task(plan, 1).baselines as Record<string, unknown>[])[0] ?? {}, { cost: -5 }), /baselines\.0\.cost: must not be negative/],
      [(plan) => Object.assign((task(plan, 1).baselines as Record<string, unknown>[])[1] ?? {}, { number: 11 }), /baselines\.1\.number: must be a baseline number from 0 \(Baseline\) to 10/],
      [(plan) => Object.assign((task(plan, 1).baselines as Record<string, unknown>[])[1] ?? {}, { number: 0 }), /listed once each/],
      [(plan) => Object.assign(plan.tracking, { baselines: [{ number: -1, setAt: null }] }), /tracking\.baselines\.0\.number: must be a baseline number/],
      [(plan) => Object.assign(task(plan, 1), { actualFinish: '2025-03-02T17:00:00' }), /actual finish must not be before the actual start/],
      [(plan) => Object.assign(plan.assignments[0] ?? {}, { actualWork: 99999 }), /actual work must not exceed the work/],
      [(plan) => Object.assign(plan.resources[2] ?? {}, { standardRateUnit: 'h' }), /material is priced per unit/],
    ]
    for (const [change, message] of cases) expectRefused(planFileParse(damaged(change)), 'invalid', message)
  })

  it('reads version 5 with its health thresholds and a saved status report; version 4 gets the default thresholds', () => {
    const result = planFileParse(fixture('v5-status.gantry'))
    if (!result.ok) throw new Error(result.error.message)
    expect(result.plan.settings.health.slipRedDays).toBe(20)
    expect(result.plan.statusReports.map((report) => [report.statusDate, report.overall, report.commentary])).toEqual([
      ['2025-03-10T17:00:00', 'amber', 'Interviews done; design starts Friday.'],
    ])
    const older = planFileParse(fixture('v4-basic.gantry'))
    expect(older.ok && older.plan.settings.health).toEqual(healthThresholdsDefault())
    expect(older.ok && older.plan.statusReports).toEqual([])
    // Red milder than amber, a rating that does not exist: refused with the field.
    type V5 = { settings: { health: Record<string, number> }; statusReports: Record<string, unknown>[] }
    const damaged = (change: (plan: V5) => void) => {
      const file = JSON.parse(fixture('v5-status.gantry')) as { plan: V5 }
      change(file.plan)
      return planFileParse(JSON.stringify(file))
    }
    expectRefused(damaged((plan) => void (plan.settings.health.spiRed = 0.99)), 'invalid', /settings\.health: SPI: the red threshold/)
    expectRefused(damaged((plan) => void (Object.assign(plan.statusReports[0] ?? {}, { overall: 'purple' }))), 'invalid', /statusReports\.0\.overall/)
  })

  it('migrates version 1 through 2 and 3 to 4: an empty RAID log', () => {
    const result = planFileParse(fixture('v1-basic.gantry'))
    if (!result.ok) throw new Error(result.error.message)
    expect(result.plan.raid).toEqual([])
  })

  it('migrates version 2 through 3 to 4: an empty RAID log, the version-2 fields kept', () => {
    const result = planFileParse(fixture('v2-basic.gantry'))
    if (!result.ok) throw new Error(result.error.message)
    expect(result.plan.raid).toEqual([])
    expect(result.plan.tasks[5]).toMatchObject({ type: 'fixed-work', work: 4800 })
  })

  it('reads version 3 with its RAID log (migrated to 4): risks, an assumption, an issue from a risk, an outside dependency', () => {
    const result = planFileParse(fixture('v3-raid.gantry'))
    if (!result.ok) throw new Error(result.error.message)
    expect(result.plan.tasks).toHaveLength(7)
    expect(result.plan.tasks[6]).toMatchObject({ schedulingMode: 'manual', manualDuration: 0 })
    expect(result.plan.raid.map((item) => [item.id, item.kind, item.title])).toEqual([
      [1, 'risk', 'Design system not ready for content migration'],
      [2, 'assumption', 'Content owners review within three days'],
      [3, 'risk', 'Key stakeholder on leave during interviews'],
      [4, 'issue', 'Key stakeholder on leave during interviews'],
      [5, 'dependency', 'Production hosting account'],
    ])
    expect(result.plan.raid[0]).toMatchObject({ probability: 4, impact: 5, strategy: 'mitigate', dueDate: '2025-03-21', taskIds: [5, 6] })
    expect(result.plan.raid[2]).toMatchObject({ status: 'occurred', issueId: 4 })
    expect(result.plan.raid[3]).toMatchObject({ riskId: 3, priority: 'medium', resolution: 'Deputy interviewed instead; sign-off by email.' })
    expect(result.plan.raid[4]).toMatchObject({ party: 'IT operations', dueDate: '2025-04-18', status: 'expected' })
  })

  it.each(['v1-basic.gantry', 'v2-basic.gantry', 'v3-raid.gantry', 'v4-basic.gantry', 'v5-status.gantry'])('writes what it reads: serialize(parse(%s)) parses to the same plan', (name) => {
    const first = planFileParse(fixture(name))
    if (!first.ok) throw new Error(first.error.message)
    const second = planFileParse(planFileSerialize(first.plan))
    expect(second).toEqual(first)
  })
})

describe('RAID log in plan files', () => {
  const raidPlan = () => {
    const result = planFileParse(fixture('v3-raid.gantry'))
    if (!result.ok) throw new Error(result.error.message)
    return JSON.parse(JSON.stringify(result.plan)) as typeof result.plan & { raid: Record<string, unknown>[] }
  }

  it.each([
    ['a probability of 6', (plan: ReturnType<typeof raidPlan>) => void Object.assign(plan.raid[0] ?? {}, { probability: 6 }), /raid\.0\.probability/],
    ['an impact of 2.5', (plan: ReturnType<typeof raidPlan>) => void Object.assign(plan.raid[0] ?? {}, { impact: 2.5 }), /raid\.0\.impact/],
    ['a due date of 30 February', (plan: ReturnType<typeof raidPlan>) => void Object.assign(plan.raid[1] ?? {}, { dueDate: '2025-02-30' }), /raid\.1\.dueDate: must be a real date/],
    ['an unknown kind', (plan: ReturnType<typeof raidPlan>) => void Object.assign(plan.raid[1] ?? {}, { kind: 'rumour' }), /raid\.1\.kind/],
    ['a status of another kind', (plan: ReturnType<typeof raidPlan>) => void Object.assign(plan.raid[4] ?? {}, { status: 'occurred' }), /raid\.4\.status/],
    ['an empty title', (plan: ReturnType<typeof raidPlan>) => void Object.assign(plan.raid[1] ?? {}, { title: '' }), /raid\.1\.title/],
    ['a link to a missing task', (plan: ReturnType<typeof raidPlan>) => void Object.assign(plan.raid[1] ?? {}, { taskIds: [99] }), /RAID item 2 links to task 99, which does not exist/],
    ['a duplicate item id', (plan: ReturnType<typeof raidPlan>) => void Object.assign(plan.raid[1] ?? {}, { id: 1 }), /RAID item id 1 is used twice/],
    ['a risk pointing at a non-issue', (plan: ReturnType<typeof raidPlan>) => void Object.assign(plan.raid[2] ?? {}, { issueId: 5 }), /risk 3 became issue 5, which is not an issue/],
    ['an issue pointing at a missing risk', (plan: ReturnType<typeof raidPlan>) => void Object.assign(plan.raid[3] ?? {}, { riskId: 42 }), /issue 4 came from risk 42/],
  ])('refuses %s', (_label, damage, message) => {
    const plan = raidPlan()
    damage(plan)
    expectRefused(planRestore(plan), 'invalid', message)
  })
})

describe('plan files that are refused with a clear message', () => {
  it.each([
    ['empty.gantry', 'not-a-plan', /empty/],
    ['truncated.gantry', 'not-json', /not valid JSON/],
    ['not-json.gantry', 'not-json', /not valid JSON/],
    ['not-a-plan.gantry', 'not-a-plan', /no "gantry-plan" header/],
    ['newer-version.gantry', 'newer-version', /newer version of Gantry.*file format 99/],
    ['hostile-proto-key.gantry', 'invalid', /damaged.*__proto__/],
    ['hostile-constructor-key.gantry', 'invalid', /damaged.*constructor/],
    ['hostile-unknown-key.gantry', 'invalid', /damaged.*macro/],
    ['hostile-number-overflow.gantry', 'invalid', /damaged: tasks\.1\.duration/],
  ])('%s', (name, code, message) => {
    expectRefused(planFileParse(fixture(name)), code, message)
  })

  it('leaves Object.prototype untouched after a __proto__ file', () => {
    planFileParse(fixture('hostile-proto-key.gantry'))
    planFileParse(fixture('hostile-constructor-key.gantry'))
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('refuses a 10 MB task name', () => {
    const plan = makePlan('p', 'Big', '2025-01-06T08:00:00', '2025-01-01T09:00:00', {
      tasks: [makeTask(1, { name: 'x'.repeat(10 * 1024 * 1024) })],
    })
    expectRefused(planFileParse(planFileSerialize(plan)), 'invalid', /tasks\.0\.name/)
  })

  it('refuses binary bytes', () => {
    const bytes = new Uint8Array(4096).map((_, index) => (index * 37) % 256)
    const text = new TextDecoder('utf-8').decode(bytes)
    expectRefused(planFileParse(text), 'not-json', /not valid JSON/)
  })

  it.each([
    [
      'a dependency on a missing task',
      (plan: ReturnType<typeof basePlan>) => {
        plan.dependencies = [{ id: 1, predecessorId: 1, successorId: 99, type: 'FS', lag: 0, lagUnit: 'd' }]
      },
      /task 99, which does not exist/,
    ],
    [
      'a duplicate task id',
      (plan: ReturnType<typeof basePlan>) => {
        plan.tasks.push(makeTask(1))
      },
      /task id 1 is used twice/,
    ],
    [
      'an impossible date',
      (plan: ReturnType<typeof basePlan>) => {
        plan.start = '2024-02-30T08:00:00'
      },
      /start: must be a real date/,
    ],
    [
      'a first task below level 1',
      (plan: ReturnType<typeof basePlan>) => {
        plan.tasks[0].level = 2
      },
      /outline level 1/,
    ],
  ])('refuses %s', (_label, damage, message) => {
    const plan = basePlan()
    damage(plan)
    expectRefused(planRestore(JSON.parse(JSON.stringify(plan))), 'invalid', message)
  })

  it('refuses a future schema version even when the plan inside is valid', () => {
    const text = JSON.stringify({
      format: planFileFormatId,
      schemaVersion: planFileSchemaVersion + 1,
      plan: basePlan(),
    })
    expectRefused(planFileParse(text), 'newer-version', /Update Gantry/)
  })
})

function basePlan() {
  return makePlan('p', 'Plan', '2025-01-06T08:00:00', '2025-01-01T09:00:00', {
    tasks: [makeTask(1, { name: 'A' }), makeTask(2, { name: 'B' })],
  })
}

describe('row schemas for editors', () => {
  it('names the field a typed value breaks, and accepts what the file format accepts', () => {
    expect(planFileRowProblem(planTaskSchema, makeTask(1, { name: 'Ok' }))).toBeNull()
    expect(planFileRowProblem(planTaskSchema, makeTask(1, { name: 'x'.repeat(planFileLimits.name + 1) }))).toMatch(/^name: /)
    const lag = { id: 1, predecessorId: 1, successorId: 2, type: 'FS', lag: 99_999_999_999, lagUnit: '%' }
    expect(planFileRowProblem(planDependencySchema, lag)).toMatch(/^lag: /)
    expect(planFileRowProblem(planDependencySchema, { ...lag, lag: planFileLimits.minutes })).toBeNull()
  })
})

describe('base-calendar chains', () => {
  const chain = (length: number) => {
    const calendars = Array.from({ length }, (_, index) => ({
      ...makePlan('c', 'c', '2026-01-05T08:00:00', '2026-01-01T00:00:00').calendars[0]!,
      id: index + 1,
      name: `C${index + 1}`,
      baseCalendarId: index === length - 1 ? null : index + 2,
    }))
    return makePlan('p', 'Chain', '2026-01-05T08:00:00', '2026-01-01T00:00:00', { calendars, calendarId: 1 })
  }

  it('accepts a chain of 16 base calendars and refuses a longer one (every scheduled day walks the chain)', () => {
    expect(planRestore(chain(17)).ok).toBe(true)
    expect(planRestore(chain(18))).toEqual({ ok: false, error: { code: 'invalid', message: 'This plan is damaged: calendar "C1" is based on a chain of more than 16 calendars.' } })
  })

  it('leaves a loop of base calendars to the scheduler, which names it', () => {
    const plan = chain(2)
    plan.calendars[1] = { ...plan.calendars[1]!, baseCalendarId: 1 }
    expect(planRestore(plan).ok).toBe(true)
  })
})
