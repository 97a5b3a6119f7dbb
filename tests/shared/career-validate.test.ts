import { describe, expect, it } from 'vitest'
import { certificationRules, type CertificationRules } from '../../src/shared/career/cycle'
import { certificationMake } from '../../src/shared/career/model'
import {
  validateCertification,
  validateCustomDefinition,
  validateEducationEntry,
  validateSalary,
  validateUnits,
  customRulesParse,
  customRulesFormat,
} from '../../src/shared/career/validate'

const today = '2026-11-26'
const rules = (catalogueId: string) =>
  certificationRules(certificationMake('x', { catalogueId })) as CertificationRules

describe('validateUnits', () => {
  it.each([
    ['10', 10],
    [' 1.5 ', 1.5],
    ['0,25', 0.25],
    ['1000', 1000],
  ])('accepts %j as %d', (text, value) => {
    expect(validateUnits(text)).toEqual({ ok: true, value })
  })

  it.each([
    ['', /Enter/],
    ['-5', /negative/],
    ['0', /more than 0/],
    ['ten', /must be a number/],
    ['1e3', /must be a number/],
    ['NaN', /must be a number/],
    ['Infinity', /must be a number/],
    ['1001', /at most 1000/],
    ['1.234', /two decimals/],
  ])('refuses %j', (text, message) => {
    const result = validateUnits(text)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(message)
  })
})

describe('validateEducationEntry', () => {
  const draft = {
    date: '2026-01-10',
    activity: 'Course',
    provider: 'PMI',
    category: 'Power Skills',
    units: '5',
    note: '',
  }
  it('accepts a valid entry', () => {
    expect(validateEducationEntry(draft, rules('pmp'), today)).toMatchObject({
      ok: true,
      value: { units: 5, category: 'Power Skills' },
    })
  })
  it.each([
    [{ date: '2026-11-27' }, 'date', /in the future/],
    [{ date: '2026-02-30' }, 'date', /real date/],
    [{ activity: '  ' }, 'activity', /Describe/],
    [{ category: 'Technical' }, 'category', /not a category of Project Management Professional/],
    [{ units: '-1' }, 'units', /negative/],
    [{ units: 'abc' }, 'units', /must be a number/],
  ])('refuses %j', (change, field, message) => {
    const result = validateEducationEntry({ ...draft, ...change }, rules('pmp'), today)
    expect(result).toMatchObject({ ok: false, field })
    if (!result.ok) expect(result.message).toMatch(message)
  })
  it('accepts any category for yearly CPD rules', () => {
    expect(
      validateEducationEntry({ ...draft, category: 'Self-study' }, rules('itil4-foundation'), today).ok,
    ).toBe(true)
  })
})

describe('validateCertification', () => {
  const pmp = (overrides = {}) =>
    certificationMake('c', { catalogueId: 'pmp', status: 'earned', earnedOn: '2025-03-15', ...overrides })
  it('accepts a consistent record', () => {
    expect(validateCertification(pmp(), today).ok).toBe(true)
  })
  it.each([
    [{ earnedOn: '2026-11-27' }, 'earnedOn', /in the future/],
    [{ earnedOn: null }, 'earnedOn', /Enter the date/],
    [{ expiresOnOverride: '2025-03-01' }, 'expiresOnOverride', /must be after the earned date/],
    [{ expiresOnOverride: '2025-03-15' }, 'expiresOnOverride', /must be after the earned date/],
    [{ catalogueId: 'psm-1', expiresOnOverride: '2030-01-01' }, 'expiresOnOverride', /does not expire/],
    [{ catalogueId: 'unknown' }, 'catalogueId', /Choose/],
    [
      { status: 'planned', earnedOn: null, applicationOn: '2026-05-01', examBookedOn: '2026-04-01' },
      'examBookedOn',
      /before the application/,
    ],
    [{ renewals: [{ renewedOn: '2027-01-01', route: 'units' }] }, 'renewals', /future/],
  ])('refuses %j', (change, field, message) => {
    const result = validateCertification(pmp(change), today)
    expect(result).toMatchObject({ ok: false, field })
    if (!result.ok) expect(result.message).toMatch(message)
  })
})

describe('validateCustomDefinition', () => {
  const base = {
    name: 'X',
    issuer: '',
    validityYears: 2,
    unitName: 'CEU',
    unitsPerCycle: 20,
    categoryRules: [],
  }
  it.each([
    [{ name: '' }, /name/],
    [{ validityYears: 0 }, /Validity/],
    [{ unitsPerCycle: -3 }, /Units per cycle/],
    [{ categoryRules: [{ category: 'A', min: -1 }] }, /0 or more/],
    [{ categoryRules: [{ category: 'A' }] }, /minimum or a maximum/],
    [{ categoryRules: [{ category: 'A', min: 5, max: 2 }] }, /above its maximum/],
    [{ categoryRules: [{ category: 'A', min: 2, within: 'B' }] }, /not another category/],
  ])('refuses %j', (change, message) => {
    const result = validateCustomDefinition({ ...base, ...change })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(message)
  })
})

describe('validateSalary', () => {
  it('accepts thousands separators', () => {
    expect(
      validateSalary({ date: '2025-01-01', amount: '82,500', currency: 'usd', role: '', note: '' }),
    ).toMatchObject({
      ok: true,
      value: { amount: 82_500, currency: 'USD' },
    })
  })
  it.each(['-1', 'lots', '0'])('refuses %j', (amount) => {
    expect(validateSalary({ date: '2025-01-01', amount, currency: 'USD', role: '', note: '' }).ok).toBe(false)
  })
})

describe('customRulesParse', () => {
  it('reads rules and formats them back', () => {
    const text =
      'Education: min 35\nWays of Working: min 8, within Education\n\nGiving Back: max 25\nAll CPD categories: min 20, per year'
    const result = customRulesParse(text)
    expect(result).toEqual({
      ok: true,
      value: [
        { category: 'Education', min: 35 },
        { category: 'Ways of Working', min: 8, within: 'Education' },
        { category: 'Giving Back', max: 25 },
        { category: 'All CPD categories', min: 20, per: 'year' },
      ],
    })
    if (result.ok) expect(customRulesParse(customRulesFormat(result.value))).toEqual(result)
  })
  it.each([
    ['no colon', /Line 1/],
    ['A: min -3', /needs a number/],
    ['A: min lots', /needs a number/],
    ['A: often 3', /not min, max/],
  ])('refuses %j', (text, message) => {
    const result = customRulesParse(text)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(message)
  })
})
