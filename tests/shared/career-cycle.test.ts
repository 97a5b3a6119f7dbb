import { describe, expect, it } from 'vitest'
import {
  certificationEffectiveStatus,
  certificationExpiry,
  certificationRules,
  cycleAddYears,
  cycleList,
  cycleYears,
  type CertificationRules,
} from '../../src/shared/career/cycle'
import { certificationMake, type CertificationRecord } from '../../src/shared/career/model'

const pmp = (overrides: Partial<CertificationRecord> = {}) =>
  certificationMake('c1', { catalogueId: 'pmp', status: 'earned', earnedOn: '2025-03-15', ...overrides })
const rulesOf = (record: CertificationRecord): CertificationRules => {
  const rules = certificationRules(record)
  if (rules === null) throw new Error('no rules')
  return rules
}

describe('cycleAddYears', () => {
  it.each([
    ['2025-03-15', 3, '2028-03-15'],
    ['2024-02-29', 3, '2027-02-28'], // leap day into a common year: last day of February
    ['2024-02-29', 4, '2028-02-29'], // leap day into a leap year stays
    ['2023-02-28', 1, '2024-02-28'],
    ['2025-12-31', 2, '2027-12-31'],
    ['2025-01-01', 0, '2025-01-01'],
    ['2099-02-28', 1, '2100-02-28'], // 2100 is not a leap year
  ])('%s + %i years = %s', (day, years, expected) => {
    expect(cycleAddYears(day, years)).toBe(expected)
  })
})

describe('expiry', () => {
  it.each([
    ['pmp', '2025-03-15', '2028-03-15'],
    ['pmp', '2024-02-29', '2027-02-28'],
    ['csm', '2024-02-29', '2026-02-28'],
    ['itil4-foundation', '2023-06-30', '2026-06-30'],
    ['psm-1', '2020-05-05', null], // lifetime
    ['comptia-project-plus', '2020-05-05', null], // lifetime
  ])('%s earned %s expires %s', (catalogueId, earnedOn, expected) => {
    const record = certificationMake('x', { catalogueId, status: 'earned', earnedOn })
    expect(certificationExpiry(record, rulesOf(record))).toBe(expected)
  })

  it('a certificate not yet earned has no expiry', () => {
    const record = certificationMake('x', { catalogueId: 'pmp', status: 'studying' })
    expect(certificationExpiry(record, rulesOf(record))).toBeNull()
  })

  it('uses the expiry printed on the certificate when given', () => {
    const record = pmp({ expiresOnOverride: '2028-03-31' })
    expect(certificationExpiry(record, rulesOf(record))).toBe('2028-03-31')
  })

  // PMI: a one-year suspension follows the cycle end, in which the holder can still renew.
  it.each([
    ['2028-03-14', 'earned'],
    ['2028-03-15', 'earned'], // valid through the expiry day itself
    ['2028-03-16', 'suspended'], // the day after: suspended, not expired
    ['2029-03-15', 'suspended'], // last day of the suspension
    ['2029-03-16', 'expired'],
  ] as const)('PMP on %s: %s', (today, status) => {
    const record = pmp()
    expect(certificationEffectiveStatus(record, rulesOf(record), today)).toBe(status)
  })

  it.each([
    ['2026-06-30', 'earned'],
    ['2026-07-01', 'expired'], // PeopleCert has no suspension
  ] as const)('ITIL 4 Foundation on %s: %s', (today, status) => {
    const record = certificationMake('x', {
      catalogueId: 'itil4-foundation',
      status: 'earned',
      earnedOn: '2023-06-30',
    })
    expect(certificationEffectiveStatus(record, rulesOf(record), today)).toBe(status)
  })
})

describe('renewal rollover', () => {
  it('a renewal by units starts the next cycle the day after the old expiry', () => {
    const record = pmp({ renewals: [{ renewedOn: '2028-02-01', route: 'units' }] })
    expect(cycleList(record, rulesOf(record))).toEqual([
      { index: 0, start: '2025-03-15', end: '2028-03-15', suspensionEnd: '2029-03-15' },
      {
        index: 1,
        start: '2028-03-16',
        end: '2031-03-15',
        suspensionEnd: '2032-03-15',
        countUntil: '2032-03-15',
      },
    ])
    expect(certificationExpiry(record, rulesOf(record))).toBe('2031-03-15')
  })

  it('two renewals chain from each expiry, keeping a clamped leap day', () => {
    const record = pmp({
      earnedOn: '2024-02-29',
      renewals: [
        { renewedOn: '2027-01-10', route: 'units' },
        { renewedOn: '2030-01-10', route: 'units' },
      ],
    })
    expect(cycleList(record, rulesOf(record)).map((cycle) => [cycle.start, cycle.end])).toEqual([
      ['2024-02-29', '2027-02-28'],
      ['2027-03-01', '2030-02-28'],
      ['2030-03-01', '2033-02-28'],
    ])
  })

  it('a renewal by exam starts a fresh cycle on the exam day', () => {
    const record = certificationMake('p', {
      catalogueId: 'prince2-practitioner',
      status: 'earned',
      earnedOn: '2023-05-10',
      renewals: [{ renewedOn: '2025-11-20', route: 'exam' }],
    })
    expect(cycleList(record, rulesOf(record))[1]).toEqual({
      index: 1,
      start: '2025-11-20',
      end: '2028-11-20',
    })
  })

  it('a renewal during the suspension keeps the cycle dates; what was earned until then counts for the lapsed cycle', () => {
    const record = pmp({ renewals: [{ renewedOn: '2028-09-01', route: 'units' }] })
    expect(cycleList(record, rulesOf(record))).toEqual([
      {
        index: 0,
        start: '2025-03-15',
        end: '2028-03-15',
        suspensionEnd: '2029-03-15',
        countUntil: '2028-09-01',
      },
      {
        index: 1,
        start: '2028-03-16',
        end: '2031-03-15',
        countFrom: '2028-09-02',
        countUntil: '2032-03-15',
        suspensionEnd: '2032-03-15',
      },
    ])
  })
})

describe('cycleYears', () => {
  it('splits a three-year cycle into three years; the expiry day belongs to the last', () => {
    expect(cycleYears({ index: 0, start: '2025-03-15', end: '2028-03-15' })).toEqual([
      { index: 0, start: '2025-03-15', end: '2026-03-14' },
      { index: 1, start: '2026-03-15', end: '2027-03-14' },
      { index: 2, start: '2027-03-15', end: '2028-03-15' },
    ])
  })

  it('handles a cycle that starts on a leap day', () => {
    expect(cycleYears({ index: 0, start: '2024-02-29', end: '2027-02-28' })).toEqual([
      { index: 0, start: '2024-02-29', end: '2025-02-27' },
      { index: 1, start: '2025-02-28', end: '2026-02-27' },
      { index: 2, start: '2026-02-28', end: '2027-02-28' },
    ])
  })
})
