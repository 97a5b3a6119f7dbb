import { describe, expect, it } from 'vitest'
import { certificationRules, type CertificationRules, type RenewalCycle } from '../../src/shared/career/cycle'
import { certificationMake, educationEntryMake, type EducationEntry } from '../../src/shared/career/model'
import { progressOfCycle, progressPace, yearlyTotalLabel } from '../../src/shared/career/progress'

const rules = (catalogueId: string): CertificationRules => {
  const found = certificationRules(certificationMake('x', { catalogueId }))
  if (found === null) throw new Error(catalogueId)
  return found
}
const pmpCycle: RenewalCycle = { index: 0, start: '2025-03-15', end: '2028-03-15' }
let nextId = 0
const entry = (category: string, units: number, date = '2025-06-01'): EducationEntry =>
  educationEntryMake(`e${String(++nextId).padStart(3, '0')}`, {
    certificationIds: ['x'],
    date,
    activity: `${category} activity`,
    parts: [{ category, units }],
  })
/** One activity split across categories (PMI's Talent Triangle areas). */
const split = (parts: [string, number][], date = '2025-06-01'): EducationEntry =>
  educationEntryMake(`e${String(++nextId).padStart(3, '0')}`, {
    certificationIds: ['x'],
    date,
    activity: 'Split activity',
    parts: parts.map(([category, units]) => ({ category, units })),
  })
const category = (progress: ReturnType<typeof progressOfCycle>, name: string) => {
  const found = progress.categories.find((item) => item.category === name)
  if (found === undefined) throw new Error(name)
  return found
}

describe('PMP caps and sub-category minimums', () => {
  it('10 Ways of Working + 30 Giving Back: 35 count toward 60, Education needs 25, Power Skills and Business Acumen 8', () => {
    const progress = progressOfCycle(rules('pmp'), pmpCycle, [
      entry('Ways of Working', 10),
      entry('Giving Back', 30),
    ])
    expect(progress.countedTowardRequired).toBe(35)
    expect(progress.requiredUnits).toBe(60)
    expect(progress.overCapUnits).toBe(5)
    expect(category(progress, 'Education').missingUnits).toBe(25)
    expect(category(progress, 'Ways of Working').missingUnits).toBe(0)
    expect(category(progress, 'Power Skills').missingUnits).toBe(8)
    expect(category(progress, 'Business Acumen').missingUnits).toBe(8)
    expect(category(progress, 'Giving Back')).toMatchObject({
      loggedUnits: 30,
      countedUnits: 25,
      overCapUnits: 5,
    })
    expect(progress.stillNeededUnits).toBe(25)
    expect(progress.isComplete).toBe(false)
  })

  it.each([
    // [description, entries, counted, still needed, complete]
    ['nothing logged', [], 0, 60, false],
    [
      'exactly the minimums and the cap',
      [
        ['Ways of Working', 8],
        ['Power Skills', 8],
        ['Business Acumen', 8],
        ['Education', 11],
        ['Giving Back', 25],
      ],
      60,
      0,
      true,
    ],
    [
      'all 60 in Education areas (no Education cap)',
      [
        ['Ways of Working', 20],
        ['Power Skills', 20],
        ['Business Acumen', 20],
      ],
      60,
      0,
      true,
    ],
    [
      '60 Education but one area short',
      [
        ['Ways of Working', 30],
        ['Power Skills', 23],
        ['Business Acumen', 7],
      ],
      60,
      1,
      false,
    ],
    ['Giving Back alone caps at 25', [['Giving Back', 60]], 25, 35, false],
    ['practitioner work caps at 8 inside Giving Back', [['Working as a Practitioner', 20]], 8, 52, false],
    [
      'practitioner 8 + other Giving Back 20 caps the parent at 25',
      [
        ['Working as a Practitioner', 10],
        ['Giving Back', 20],
      ],
      25,
      35,
      false,
    ],
    ['Education minimum met but two areas empty', [['Ways of Working', 35]], 35, 25, false],
    [
      'areas empty and total short: the larger need wins',
      [
        ['Ways of Working', 20],
        ['Giving Back', 25],
      ],
      45,
      16,
      false,
    ],
    [
      'quarter PDUs add up without dust',
      [
        ['Power Skills', 0.25],
        ['Power Skills', 0.5],
        ['Power Skills', 0.25],
      ],
      1,
      59,
      false,
    ],
  ] as const)('%s', (_name, rows, counted, stillNeeded, isComplete) => {
    const progress = progressOfCycle(
      rules('pmp'),
      pmpCycle,
      rows.map(([name, units]) => entry(name, units)),
    )
    expect(progress.countedTowardRequired).toBe(counted)
    expect(progress.stillNeededUnits).toBe(stillNeeded)
    expect(progress.isComplete).toBe(isComplete)
  })

  it('earlier activities count first when a cap is reached', () => {
    const first = entry('Giving Back', 20, '2025-04-01')
    const second = entry('Giving Back', 10, '2025-05-01')
    const progress = progressOfCycle(rules('pmp'), pmpCycle, [second, first])
    const counting = (id: string) => progress.entries.find((item) => item.entryId === id)
    expect(counting(first.id)).toMatchObject({ countedUnits: 20, notCountingUnits: 0, reason: null })
    expect(counting(second.id)).toMatchObject({
      countedUnits: 5,
      notCountingUnits: 5,
      reason: 'over the Giving Back cap of 25',
    })
  })

  it.each([
    ['2025-03-14', false, 'before the current cycle'],
    ['2025-03-15', true, null], // earned day counts
    ['2028-03-15', true, null], // expiry day counts
    ['2028-03-16', false, 'after the cycle ends'],
  ])('an activity on %s is inside the cycle: %s', (date, isInCycle, reason) => {
    const item = entry('Power Skills', 3, date)
    const progress = progressOfCycle(rules('pmp'), pmpCycle, [item])
    expect(progress.entries[0]).toMatchObject({ isInCycle, reason })
    expect(progress.countedUnits).toBe(isInCycle ? 3 : 0)
  })

  it('a category the rules do not know does not count', () => {
    const progress = progressOfCycle(rules('pmp'), pmpCycle, [entry('Technical', 5)])
    expect(progress.countedUnits).toBe(0)
    expect(progress.entries[0].reason).toMatch(/not a category/)
  })

  it('CAPM uses its own smaller figures', () => {
    const progress = progressOfCycle(rules('capm'), pmpCycle, [
      entry('Giving Back', 10),
      entry('Power Skills', 2),
    ])
    expect(progress.countedTowardRequired).toBe(8)
    expect(category(progress, 'Education').missingUnits).toBe(7)
    expect(progress.stillNeededUnits).toBe(7)
  })
})

describe('PeopleCert yearly rules', () => {
  const cycle: RenewalCycle = { index: 0, start: '2024-01-10', end: '2027-01-10' }
  const prince2 = rules('prince2-practitioner')

  it('has the real CPD categories and a yearly total, no made-up "All CPD categories"', () => {
    expect(prince2.categoryRules.map((rule) => rule.category)).toEqual([
      'Professional Experience',
      'Professional Education',
      'Community',
    ])
    expect(prince2.unitsPerYear).toBe(20)
    const progress = progressOfCycle(prince2, cycle, [entry('All CPD categories', 5, '2024-03-01')])
    expect(progress.entries[0].reason).toBe('"All CPD categories" is not a category of this certification')
    expect(progress.years[0].categories.map((item) => item.category)).toEqual([
      'Professional Experience',
      'Professional Education',
      'Community',
      yearlyTotalLabel,
    ])
  })

  it('needs 20 CPD including 5 Professional Experience in each of three years', () => {
    const progress = progressOfCycle(prince2, cycle, [
      entry('Professional Experience', 5, '2024-03-01'),
      entry('Professional Education', 15, '2024-06-01'),
      entry('Professional Experience', 5, '2025-03-01'),
      entry('Community', 15, '2025-06-01'),
      entry('Professional Experience', 10, '2026-03-01'),
      entry('Professional Experience', 10, '2026-04-01'),
    ])
    expect(progress.years.map((year) => year.missingUnits)).toEqual([0, 0, 0])
    expect(progress.countedTowardRequired).toBe(60)
    expect(progress.isComplete).toBe(true)
  })

  it('a surplus in one year does not make up for another', () => {
    const progress = progressOfCycle(prince2, cycle, [
      entry('Professional Experience', 15, '2024-03-01'),
      entry('Professional Experience', 15, '2024-04-01'),
      entry('Professional Experience', 10, '2024-05-01'),
      entry('Professional Experience', 15, '2025-03-01'),
      entry('Professional Experience', 5, '2025-04-01'),
    ])
    expect(progress.countedUnits).toBe(60)
    expect(progress.countedTowardRequired).toBe(40)
    expect(progress.years.map((year) => year.missingUnits)).toEqual([0, 0, 20])
    expect(progress.stillNeededUnits).toBe(20)
    expect(progress.isComplete).toBe(false)
  })

  it('20 CPD in a year without Professional Experience misses that year', () => {
    const progress = progressOfCycle(prince2, cycle, [
      entry('Professional Education', 10, '2024-03-01'),
      entry('Community', 10, '2024-04-01'),
    ])
    const year = progress.years[0]
    expect(year.categories.find((item) => item.category === 'Professional Experience')?.missingUnits).toBe(5)
    expect(year.missingUnits).toBe(5)
  })

  it('caps Professional Education and Community at 15 a year each', () => {
    const progress = progressOfCycle(prince2, cycle, [
      entry('Professional Education', 10, '2024-03-01'),
      entry('Professional Education', 10, '2024-04-01'),
    ])
    expect(progress.entries[1]).toMatchObject({
      countedUnits: 5,
      notCountingUnits: 5,
      reason: 'over the Professional Education cap of 15',
    })
  })

  // Boundaries of the 0.5-15 points per activity rule (issue 18: a 16-point activity was counted in full).
  it.each([
    [0.25, 0, 'below the minimum of 0.5 CPD points per activity'],
    [0.5, 0.5, null],
    [14.75, 14.75, null],
    [15, 15, null],
    [15.25, 15, 'over the limit of 15 CPD points per activity'],
    [16, 15, 'over the limit of 15 CPD points per activity'],
  ])('a %d-point activity counts %d', (units, counted, reason) => {
    const progress = progressOfCycle(prince2, cycle, [entry('Professional Experience', units, '2024-03-01')])
    expect(progress.entries[0]).toMatchObject({ countedUnits: counted, reason })
    expect(progress.countedUnits).toBe(counted)
  })

  it('a past year that fell short loses the CPD route for the cycle: renewal is by exam', () => {
    const progress = progressOfCycle(prince2, cycle, [entry('Professional Experience', 10, '2024-03-01')])
    const pace = progressPace(progress, '2025-02-01')
    expect(pace.status).toBe('route-lost')
    expect(pace.message).toBe(
      'Year 1 of the cycle (2024-01-10 to 2025-01-09) ended 10 CPD points short, and yearly minimums cannot be made up later: this cycle can no longer be renewed by continuing education. Renew by passing an exam by 2027-01-10.',
    )
  })

  it('a year still running that is short is behind, not lost', () => {
    const progress = progressOfCycle(prince2, cycle, [entry('Professional Experience', 5, '2024-03-01')])
    expect(progressPace(progress, '2024-12-20').status).toBe('behind')
    expect(progressPace(progress, '2025-01-09').status).toBe('behind') // the year's last day
    expect(progressPace(progress, '2025-01-10').status).toBe('route-lost') // the day after
  })
})

describe('one activity split across categories', () => {
  it('counts each part in its category', () => {
    const progress = progressOfCycle(rules('pmp'), pmpCycle, [
      split([
        ['Ways of Working', 2],
        ['Power Skills', 1.5],
      ]),
    ])
    expect(category(progress, 'Ways of Working').countedUnits).toBe(2)
    expect(category(progress, 'Power Skills').countedUnits).toBe(1.5)
    expect(category(progress, 'Education').countedUnits).toBe(3.5)
    expect(progress.entries[0]).toMatchObject({
      countedUnits: 3.5,
      countedParts: [2, 1.5],
      notCountingUnits: 0,
    })
  })

  it('a part over a cap does not count, the other part still does', () => {
    const progress = progressOfCycle(rules('pmp'), pmpCycle, [
      entry('Giving Back', 20, '2025-05-01'),
      split(
        [
          ['Giving Back', 10],
          ['Power Skills', 2],
        ],
        '2025-06-01',
      ),
    ])
    expect(progress.entries[1]).toMatchObject({
      countedUnits: 7,
      countedParts: [5, 2],
      notCountingUnits: 5,
      reason: 'over the Giving Back cap of 25',
    })
  })

  it('a part in an unknown category does not count', () => {
    const progress = progressOfCycle(rules('pmp'), pmpCycle, [
      split([
        ['Technical', 2],
        ['Power Skills', 1],
      ]),
    ])
    expect(progress.entries[0]).toMatchObject({ countedUnits: 1, countedParts: [0, 1] })
  })

  it('the per-activity limit applies to the whole activity, cutting its last parts first', () => {
    const prince2 = rules('prince2-practitioner')
    const cycle: RenewalCycle = { index: 0, start: '2024-01-10', end: '2027-01-10' }
    const progress = progressOfCycle(prince2, cycle, [
      split(
        [
          ['Professional Experience', 10],
          ['Professional Education', 8],
        ],
        '2024-03-01',
      ),
    ])
    expect(progress.entries[0]).toMatchObject({
      countedUnits: 15,
      countedParts: [10, 5],
      reason: 'over the limit of 15 CPD points per activity',
    })
  })
})

describe('pace', () => {
  const pmpRules = rules('pmp')
  it.each([
    ['cycle just started, nothing logged', [], '2025-03-20', 'on-track'],
    ['half way with 30 counting', [['Power Skills', 30]], '2026-09-14', 'on-track'],
    ['half way with 10 counting', [['Power Skills', 10]], '2026-09-14', 'behind'],
    ['before the cycle', [], '2025-01-01', 'not-started'],
    ['after the cycle, incomplete', [['Power Skills', 10]], '2028-03-16', 'lapsed'],
  ] as const)('%s: %s', (_name, rows, today, status) => {
    const progress = progressOfCycle(
      pmpRules,
      pmpCycle,
      rows.map(([name, units]) => entry(name, units)),
    )
    expect(progressPace(progress, today).status).toBe(status)
  })

  it('a complete cycle is complete whatever the date', () => {
    const progress = progressOfCycle(pmpRules, pmpCycle, [
      entry('Ways of Working', 20),
      entry('Power Skills', 20),
      entry('Business Acumen', 20),
    ])
    expect(progressPace(progress, '2025-06-02').status).toBe('complete')
  })

  it.each([
    [
      'on track',
      [['Power Skills', 30]],
      '2026-09-14',
      'On track: 30 of 60 PDUs count so far; about 1.7 PDUs a month to finish on time (by 2028-03-15).',
    ],
    [
      'behind with the rate in plain words',
      [],
      '2027-12-27',
      'Behind: 0 of 60 PDUs count so far, about 56 expected by today; about 23 PDUs a month to finish on time (by 2028-03-15).',
    ],
    [
      'complete',
      [
        ['Ways of Working', 20],
        ['Power Skills', 20],
        ['Business Acumen', 20],
      ],
      '2026-01-01',
      'All requirements of this cycle are met.',
    ],
    [
      'lapsed (no suspension known for this cycle)',
      [['Power Skills', 10]],
      '2028-03-16',
      'The cycle ended on 2028-03-15 with 50 PDUs still missing.',
    ],
  ] as const)('says it plainly, with units: %s', (_name, rows, today, message) => {
    const progress = progressOfCycle(
      pmpRules,
      pmpCycle,
      rows.map(([name, units]) => entry(name, units)),
    )
    expect(progressPace(progress, today).message).toBe(message)
  })

  it('a suspended cycle says what is needed and by when it must be renewed', () => {
    const suspended: RenewalCycle = { ...pmpCycle, countUntil: '2029-03-15', suspensionEnd: '2029-03-15' }
    const progress = progressOfCycle(pmpRules, suspended, [entry('Power Skills', 10)])
    const pace = progressPace(progress, '2028-09-15')
    expect(pace.status).toBe('suspended')
    expect(pace.message).toBe(
      'Suspended: the cycle ended on 2028-03-15. Log the 50 PDUs still needed and renew by 2029-03-15 to reactivate it (about 8.4 PDUs a month).',
    )
    expect(progressPace(progress, '2029-03-16').status).toBe('lapsed')
  })

  it('reports the steady monthly rate of the requirement', () => {
    const progress = progressOfCycle(pmpRules, pmpCycle, [])
    // 60 PDUs over 1,097 days is about 1.66 a month.
    expect(progressPace(progress, '2025-03-15').steadyPerMonth).toBeCloseTo(1.66, 2)
  })
})
