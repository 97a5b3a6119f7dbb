import { describe, expect, it } from 'vitest'
import { careerRenewalBudget } from '../../src/shared/career/budget'
import {
  careerDataEmpty,
  certificationMake,
  type CareerData,
  type CertificationRecord,
} from '../../src/shared/career/model'

const earned = (id: string, catalogueId: string, earnedOn: string): CertificationRecord =>
  certificationMake(id, { catalogueId, status: 'earned', earnedOn })
const withCertifications = (...records: CertificationRecord[]): CareerData => ({
  ...careerDataEmpty(),
  certifications: records,
})

describe('renewal budget per year (member and non-member)', () => {
  it('PMP and CSM: fees in the year they fall due, PMI dues every year', () => {
    const budget = careerRenewalBudget(
      withCertifications(earned('pmp', 'pmp', '2025-03-15'), earned('csm', 'csm', '2025-09-01')),
      '2026-12-07',
      3,
    )
    expect(budget.map((year) => year.year)).toEqual([2026, 2027, 2028])
    const lines = (year: number) =>
      budget
        .find((item) => item.year === year)
        ?.lines.map((line) => [line.title, line.date, line.nonMember, line.member])
    expect(lines(2026)).toEqual([['PMI membership dues', null, 0, 129]])
    expect(lines(2027)).toEqual([
      ['Certified ScrumMaster (CSM) renewal', '2027-09-01', 100, 100],
      ['PMI membership dues', null, 0, 129],
    ])
    expect(lines(2028)).toEqual([
      ['Project Management Professional (PMP) renewal', '2028-03-15', 150, 60],
      ['PMI membership dues', null, 0, 129],
    ])
    expect(budget.find((item) => item.year === 2028)?.totals).toEqual([
      { currency: 'USD', nonMember: 150, member: 189 },
    ])
  })

  it('Scrum Alliance charges only the highest certification held', () => {
    const budget = careerRenewalBudget(
      withCertifications(earned('csm', 'csm', '2025-01-10'), earned('acsm', 'a-csm', '2025-06-01')),
      '2027-01-01',
      1,
    )
    expect(budget[0].lines.map((line) => [line.title, line.date, line.nonMember])).toEqual([
      [
        'Advanced Certified ScrumMaster (A-CSM) renewal (also renews Certified ScrumMaster (CSM))',
        '2027-06-01',
        175,
      ],
    ])
  })

  it('a fee that is not known is listed without an amount, and the total says so', () => {
    const budget = careerRenewalBudget(
      withCertifications(earned('itil', 'itil4-foundation', '2024-01-10')),
      '2027-01-01',
      1,
    )
    expect(budget[0].lines[0]).toMatchObject({ nonMember: null, member: null })
    expect(budget[0].lines[0].note).toMatch(/PeopleCert subscription/)
    expect(budget[0].hasUnknownFees).toBe(true)
    expect(budget[0].totals).toEqual([])
  })

  it('a suspended certification is due now', () => {
    const budget = careerRenewalBudget(
      withCertifications(earned('pmp', 'pmp', '2023-03-15')),
      '2026-06-01',
      1,
    )
    expect(budget[0].lines[0]).toMatchObject({ date: '2026-03-15', note: 'Suspended: renew by 2027-03-15.' })
  })

  it('lifetime and expired certifications cost nothing', () => {
    const budget = careerRenewalBudget(
      withCertifications(earned('psm', 'psm-1', '2020-01-01'), earned('old', 'csm', '2019-01-01')),
      '2026-01-01',
      2,
    )
    expect(budget.flatMap((year) => year.lines)).toEqual([])
  })
})
