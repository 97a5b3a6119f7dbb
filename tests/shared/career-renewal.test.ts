import { describe, expect, it } from 'vitest'
import {
  certificationExpiry,
  certificationRules,
  type CertificationRules,
} from '../../src/shared/career/cycle'
import { certificationMake, type EducationEntry } from '../../src/shared/career/model'
import { progressOfCycle } from '../../src/shared/career/progress'
import { certificationRenew } from '../../src/shared/career/renewal'

const pmp = certificationMake('c1', { catalogueId: 'pmp', status: 'earned', earnedOn: '2025-03-15' })
const rules = certificationRules(pmp) as CertificationRules
const entry = (id: string, category: string, units: number, date: string): EducationEntry => ({
  id,
  certificationId: 'c1',
  date,
  activity: 'a',
  provider: '',
  category,
  units,
  note: '',
})
const fullCycle = [
  entry('a', 'Ways of Working', 20, '2026-01-01'),
  entry('b', 'Power Skills', 20, '2026-01-01'),
  entry('c', 'Business Acumen', 20, '2026-01-01'),
]

describe('certificationRenew', () => {
  it('rolls a complete cycle over to the next one', () => {
    const result = certificationRenew(pmp, '2028-02-01', 'units', fullCycle, '2028-02-01')
    if (!result.ok) throw new Error(result.message)
    expect(certificationExpiry(result.value, rules)).toBe('2031-03-15')
  })

  it("the old cycle's units do not count in the new cycle", () => {
    const result = certificationRenew(pmp, '2028-02-01', 'units', fullCycle, '2028-02-01')
    if (!result.ok) throw new Error(result.message)
    const progress = progressOfCycle(rules, { index: 1, start: '2028-03-16', end: '2031-03-15' }, fullCycle)
    expect(progress.countedUnits).toBe(0)
    expect(progress.entries.every((counting) => counting.reason === 'before the current cycle')).toBe(true)
  })

  it.each([
    ['an incomplete cycle by units', 'units', fullCycle.slice(0, 2), '2028-02-01', /still needs 20 PDU/],
    ['a future date', 'exam', [], '2028-02-02', /in the future/],
    ['a date before the cycle', 'exam', [], '2025-01-01', /current cycle/],
    ['a date that is not a day', 'exam', [], '2028-02-30', /real date/],
  ] as const)('refuses %s', (_name, route, entries, renewedOn, message) => {
    const result = certificationRenew(pmp, renewedOn, route, entries, '2028-02-01')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(message)
  })

  it('a renewal by exam does not need units', () => {
    expect(certificationRenew(pmp, '2027-06-01', 'exam', [], '2028-02-01').ok).toBe(true)
  })

  it('refuses a lifetime certificate', () => {
    const psm = certificationMake('p', { catalogueId: 'psm-1', status: 'earned', earnedOn: '2020-01-01' })
    const result = certificationRenew(psm, '2024-01-01', 'exam', [], '2025-01-01')
    expect(result.ok === false && result.message).toMatch(/does not expire/)
  })
})
