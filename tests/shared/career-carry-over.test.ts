import { describe, expect, it } from 'vitest'
import { carryOverOut } from '../../src/shared/career/carry-over'
import { certificationRules, type CertificationRules, type RenewalCycle } from '../../src/shared/career/cycle'
import {
  careerDataEmpty,
  certificationMake,
  educationEntryMake,
  type CareerData,
  type EducationEntry,
} from '../../src/shared/career/model'
import { careerStandings } from '../../src/shared/career/standing'

/*
 * PMI's carry-over. A PMP earned 2021-03-15:
 *
 *   cycle 1  2021-03-15 ........................................ 2024-03-15 (expiry day)
 *            year 1: 2021-03-15..2022-03-14 | year 2 | year 3 (last): 2023-03-15..2024-03-15
 *   cycle 2  2024-03-16 ........................................ 2027-03-15
 *
 * The first 60 PDUs are logged in year 1; what comes later is above the requirement.
 */

const rules = (catalogueId: string): CertificationRules => {
  const found = certificationRules(certificationMake('x', { catalogueId }))
  if (found === null) throw new Error(catalogueId)
  return found
}
const cycle1: RenewalCycle = { index: 0, start: '2021-03-15', end: '2024-03-15' }
let nextId = 0
const entry = (date: string, parts: [string, number][], certificationIds = ['pmp']): EducationEntry =>
  educationEntryMake(`e${String(++nextId).padStart(3, '0')}`, {
    certificationIds,
    date,
    activity: `Activity ${nextId}`,
    parts: parts.map(([category, units]) => ({ category, units })),
  })
/** 60 PDUs meeting every PMP minimum, logged in the cycle's first year. */
const requirementMet = () => [
  entry('2021-06-01', [['Ways of Working', 20]]),
  entry('2021-06-02', [['Power Skills', 20]]),
  entry('2021-06-03', [['Business Acumen', 20]]),
]
const carried = (items: ReturnType<typeof carryOverOut>) =>
  Math.round(items.reduce((sum, item) => sum + item.units, 0) * 100) / 100

describe('carry-over at the cycle edge (PMP, up to 20 PDUs)', () => {
  it.each([
    ['the day before the last year', '2023-03-14', 10, 0],
    ['the first day of the last year', '2023-03-15', 10, 10],
    ['the expiry day', '2024-03-15', 10, 10],
    ['more than the limit in the last year', '2023-09-01', 25, 20],
    ['exactly the limit', '2023-09-01', 20, 20],
    ['a quarter PDU', '2024-01-01', 0.25, 0.25],
  ])('surplus earned on %s (%s): %d PDUs above the requirement carry %d', (_name, date, units, expected) => {
    const result = carryOverOut(rules('pmp'), cycle1, [
      ...requirementMet(),
      entry(date, [['Power Skills', units]]),
    ])
    expect(carried(result)).toBe(expected)
  })

  it('nothing carries while the requirement is not met', () => {
    const result = carryOverOut(rules('pmp'), cycle1, [entry('2023-09-01', [['Power Skills', 50]])])
    expect(result).toEqual([])
  })

  it('only the last-year part of the surplus carries', () => {
    const result = carryOverOut(rules('pmp'), cycle1, [
      ...requirementMet(),
      entry('2022-06-01', [['Power Skills', 8]]), // surplus, but in year 2
      entry('2023-06-01', [['Power Skills', 5]]), // surplus in the last year
    ])
    expect(carried(result)).toBe(5)
  })

  it('units over a cap do not count, so they do not carry', () => {
    const result = carryOverOut(rules('pmp'), cycle1, [
      ...requirementMet(),
      entry('2023-06-01', [['Giving Back', 30]]), // 25 count (the cap), all above the requirement
    ])
    expect(carried(result)).toBe(20)
    expect(result.every((item) => item.category === 'Giving Back')).toBe(true)
  })

  it('a split activity carries its later parts first, keeping their categories', () => {
    const last = entry('2023-06-01', [
      ['Power Skills', 3],
      ['Business Acumen', 5],
    ])
    const result = carryOverOut(rules('pmp'), cycle1, [
      entry('2021-06-01', [['Ways of Working', 20]]),
      entry('2021-06-02', [['Power Skills', 20]]),
      entry('2021-06-03', [['Business Acumen', 16]]),
      last, // 4 of its 8 PDUs complete the 60; the other 4 are above it
    ])
    expect(result).toEqual([{ entryId: last.id, date: '2023-06-01', category: 'Business Acumen', units: 4 }])
  })

  it.each([
    ['pmi-acp', 30, 15, 10],
    ['pmi-rmp', 30, 15, 10],
    ['pgmp', 60, 25, 20],
    ['capm', 15, 5, 0], // no CAPM figure found: none applied
    ['prince2-practitioner', 60, 5, 0], // PeopleCert has no carry-over
  ])('%s: %d required, %d above in the last year carry %d', (catalogueId, required, surplus, expected) => {
    const spread = (units: number) => [
      entry('2021-06-01', [['Ways of Working', units / 3]]),
      entry('2021-06-02', [['Power Skills', units / 3]]),
      entry('2021-06-03', [['Business Acumen', units / 3]]),
    ]
    const result = carryOverOut(rules(catalogueId), cycle1, [
      ...spread(required),
      entry('2023-09-01', [['Power Skills', surplus]]),
    ])
    expect(carried(result)).toBe(expected)
  })
})

describe('carried units in the next cycle', () => {
  const withPmp = (
    route: 'units' | 'exam',
    renewedOn = '2024-03-01',
    entries: EducationEntry[] = [],
  ): CareerData => {
    const data = careerDataEmpty()
    data.certifications.push(
      certificationMake('pmp', {
        catalogueId: 'pmp',
        status: 'earned',
        earnedOn: '2021-03-15',
        renewals: [{ renewedOn, route }],
      }),
    )
    data.educationEntries.push(...requirementMet(), entry('2023-10-01', [['Power Skills', 12]]), ...entries)
    return data
  }

  it("a renewal by units brings the last year's surplus into the new cycle, where it counts first", () => {
    const [standing] = careerStandings(withPmp('units'), '2024-06-01')
    expect(standing.cycle).toMatchObject({ start: '2024-03-16', end: '2027-03-15' })
    expect(standing.progress?.carriedInUnits).toBe(12)
    expect(standing.progress?.countedTowardRequired).toBe(12)
    expect(standing.progress?.stillNeededUnits).toBe(48)
  })

  it('a renewal by exam starts afresh: nothing carries', () => {
    const [standing] = careerStandings(withPmp('exam', '2024-02-01'), '2024-06-01')
    expect(standing.progress?.carriedInUnits).toBe(0)
  })

  it('an activity dated after the cycle end counts in the new cycle directly, not as carry-over', () => {
    const [standing] = careerStandings(
      withPmp('units', '2024-03-01', [entry('2024-03-16', [['Power Skills', 2]])]),
      '2024-06-01',
    )
    expect(standing.progress?.carriedInUnits).toBe(12)
    expect(standing.progress?.countedTowardRequired).toBe(14)
  })

  it('carried units are never carried again', () => {
    const data = withPmp('units', '2024-03-01', [
      entry('2024-06-01', [['Ways of Working', 20]]),
      entry('2024-06-02', [['Power Skills', 20]]),
      entry('2024-06-03', [['Business Acumen', 20]]),
      entry('2026-06-01', [['Power Skills', 3]]), // above the requirement in cycle 2's last year
    ])
    data.certifications[0].renewals.push({ renewedOn: '2027-03-01', route: 'units' })
    const [standing] = careerStandings(data, '2027-06-01')
    // Cycle 2 had 12 carried + 63 logged: 15 above 60, of which only the 3 of its last year carry.
    expect(standing.progress?.carriedInUnits).toBe(3)
  })

  it('before the renewal, the current cycle says what would carry over', () => {
    const data = withPmp('units')
    data.certifications[0].renewals = []
    const [standing] = careerStandings(data, '2024-02-01')
    expect(standing.carryOutUnits).toBe(12)
  })
})
