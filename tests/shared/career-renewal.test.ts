import { describe, expect, it } from 'vitest'
import {
  certificationExpiry,
  certificationRules,
  type CertificationRules,
} from '../../src/shared/career/cycle'
import {
  careerDataEmpty,
  certificationMake,
  educationEntryMake,
  type CertificationRecord,
  type EducationEntry,
} from '../../src/shared/career/model'
import { progressOfCycle } from '../../src/shared/career/progress'
import { certificationRenew } from '../../src/shared/career/renewal'

const pmp = certificationMake('c1', { catalogueId: 'pmp', status: 'earned', earnedOn: '2025-03-15' })
const rules = certificationRules(pmp) as CertificationRules
const entry = (id: string, category: string, units: number, date: string): EducationEntry =>
  educationEntryMake(id, { certificationIds: ['c1'], date, parts: [{ category, units }] })
/** The tracker's data holding `records` (the PMP by default) and `entries`. */
const data = (entries: EducationEntry[], records: CertificationRecord[] = [pmp]) => ({
  ...careerDataEmpty(),
  certifications: records,
  educationEntries: entries,
})
const fullCycle = [
  entry('a', 'Ways of Working', 20, '2026-01-01'),
  entry('b', 'Power Skills', 20, '2026-01-01'),
  entry('c', 'Business Acumen', 20, '2026-01-01'),
]

describe('certificationRenew', () => {
  it('rolls a complete cycle over to the next one', () => {
    const result = certificationRenew(pmp, '2028-02-01', 'units', data(fullCycle), '2028-02-01')
    if (!result.ok) throw new Error(result.message)
    expect(certificationExpiry(result.value, rules)).toBe('2031-03-15')
  })

  it("the old cycle's units do not count in the new cycle", () => {
    const result = certificationRenew(pmp, '2028-02-01', 'units', data(fullCycle), '2028-02-01')
    if (!result.ok) throw new Error(result.message)
    const progress = progressOfCycle(rules, { index: 1, start: '2028-03-16', end: '2031-03-15' }, fullCycle)
    expect(progress.countedUnits).toBe(0)
    expect(progress.entries.every((counting) => counting.reason === 'before the current cycle')).toBe(true)
  })

  it.each([
    ['an incomplete cycle by units', 'units', fullCycle.slice(0, 2), '2028-02-01', /still needs 20 PDUs/],
    ['a future date', 'exam', [], '2028-02-02', /in the future/],
    ['a date before the cycle', 'exam', [], '2025-01-01', /current cycle/],
    ['a date that is not a day', 'exam', [], '2028-02-30', /real date/],
  ] as const)('refuses %s', (_name, route, entries, renewedOn, message) => {
    const result = certificationRenew(pmp, renewedOn, route, data([...entries]), '2028-02-01')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(message)
  })

  it('a renewal by exam does not need units', () => {
    expect(certificationRenew(pmp, '2027-06-01', 'exam', data([]), '2028-02-01').ok).toBe(true)
  })

  it('refuses a lifetime certificate', () => {
    const psm = certificationMake('p', { catalogueId: 'psm-1', status: 'earned', earnedOn: '2020-01-01' })
    const result = certificationRenew(psm, '2024-01-01', 'exam', data([], [psm]), '2025-01-01')
    expect(result.ok === false && result.message).toMatch(/does not expire/)
  })

  // PMI's suspension: renewal by units stays possible for a year after the cycle end.
  it.each([
    ['on the last day of the suspension', '2029-03-15', true],
    ['the day after the suspension', '2029-03-16', false],
  ] as const)('renewal by units %s: %s', (_name, renewedOn, isAccepted) => {
    const result = certificationRenew(pmp, renewedOn, 'units', data(fullCycle), '2029-06-01')
    expect(result.ok).toBe(isAccepted)
    if (!result.ok)
      expect(result.message).toBe(
        'The suspension ended on 2029-03-15, so Project Management Professional (PMP) can no longer be renewed by continuing education; record a renewal by exam.',
      )
  })

  it('a renewal during the suspension keeps the cycle dates', () => {
    const result = certificationRenew(pmp, '2028-09-01', 'units', data(fullCycle), '2028-09-01')
    if (!result.ok) throw new Error(result.message)
    expect(certificationExpiry(result.value, rules)).toBe('2031-03-15')
  })

  it('a certificate that renews with another is renewed there', () => {
    const foundation = certificationMake('f', {
      catalogueId: 'prince2-foundation',
      status: 'earned',
      earnedOn: '2023-05-10',
    })
    const practitioner = certificationMake('p', {
      catalogueId: 'prince2-practitioner',
      status: 'earned',
      earnedOn: '2024-02-01',
    })
    const result = certificationRenew(
      foundation,
      '2025-01-01',
      'units',
      data([], [foundation, practitioner]),
      '2025-01-01',
    )
    expect(result).toEqual({
      ok: false,
      field: 'renewedOn',
      message:
        'PRINCE2 Foundation renews with PRINCE2 Practitioner (they share one renew-by date); record the renewal there.',
    })
  })
})
