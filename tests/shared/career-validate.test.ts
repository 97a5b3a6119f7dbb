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
  type EducationEntryDraft,
} from '../../src/shared/career/validate'

const today = '2026-11-26'
const rules = (catalogueId: string) =>
  certificationRules(certificationMake('x', { catalogueId })) as CertificationRules

describe('validateUnits', () => {
  it.each([
    ['10', 10],
    [' 1.5 ', 1.5],
    ['0,25', 0.25],
    ['2.75', 2.75],
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
    ['1.234', /steps of 0.25/],
    ['0.3', /steps of 0.25 \(a quarter hour\); 0.3 is not one/],
  ])('refuses %j', (text, message) => {
    const result = validateUnits(text)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(message)
  })
})

describe('validateEducationEntry', () => {
  const draft: EducationEntryDraft = {
    date: '2026-01-10',
    activity: 'Course',
    activityType: 'Course or training',
    provider: 'PMI',
    parts: [{ category: 'Power Skills', units: '5' }],
    evidence: 'Certificate 123',
    note: '',
  }
  const target = (id: string) => ({ id, rules: rules(id) })
  it('accepts a valid entry with its audit fields', () => {
    expect(validateEducationEntry(draft, [target('pmp')], today)).toEqual({
      ok: true,
      value: {
        certificationIds: ['pmp'],
        date: '2026-01-10',
        activity: 'Course',
        activityType: 'Course or training',
        provider: 'PMI',
        parts: [{ category: 'Power Skills', units: 5 }],
        evidence: 'Certificate 123',
        note: '',
      },
    })
  })
  it.each<[Partial<EducationEntryDraft>, string, RegExp]>([
    [{ date: '2026-11-27' }, 'date', /in the future/],
    [{ date: '2026-02-30' }, 'date', /real date/],
    [{ activity: '  ' }, 'activity', /Describe/],
    [
      { parts: [{ category: 'Technical', units: '5' }] },
      'parts.0.category',
      /not a category of Project Management Professional/,
    ],
    [{ parts: [{ category: 'Power Skills', units: '-1' }] }, 'parts.0.units', /negative/],
    [{ parts: [{ category: 'Power Skills', units: 'abc' }] }, 'parts.0.units', /must be a number/],
    [{ parts: [{ category: 'Power Skills', units: '1.1' }] }, 'parts.0.units', /steps of 0.25/],
    [{ parts: [] }, 'parts.0.category', /Choose a category/],
    [
      {
        parts: [
          { category: 'Power Skills', units: '1' },
          { category: 'Power Skills', units: '2' },
        ],
      },
      'parts.1.category',
      /"Power Skills" is listed twice/,
    ],
    [
      {
        parts: [
          { category: 'Power Skills', units: '1' },
          { category: '', units: '2' },
        ],
      },
      'parts.1.category',
      /Choose/,
    ],
    [{ activity: 'x'.repeat(501) }, 'activity', /The activity has 501 characters; it can hold at most 500/],
    [{ evidence: 'x'.repeat(501) }, 'evidence', /at most 500/],
  ])('refuses %j', (change, field, message) => {
    const result = validateEducationEntry({ ...draft, ...change }, [target('pmp')], today)
    expect(result).toMatchObject({ ok: false, field })
    if (!result.ok) expect(result.message).toMatch(message)
  })

  it('refuses a 100,000-character note with a message instead of cutting it (nothing is stored)', () => {
    const result = validateEducationEntry({ ...draft, note: 'n'.repeat(100_000) }, [target('pmp')], today)
    expect(result).toEqual({
      ok: false,
      field: 'note',
      message:
        'The note has 100,000 characters; it can hold at most 20,000. Shorten it (nothing was stored).',
    })
    expect(validateEducationEntry({ ...draft, note: 'n'.repeat(20_000) }, [target('pmp')], today).ok).toBe(
      true,
    )
  })

  it('splits one activity across Talent Triangle areas', () => {
    const result = validateEducationEntry(
      {
        ...draft,
        parts: [
          { category: 'Ways of Working', units: '2' },
          { category: 'Power Skills', units: '1.5' },
        ],
      },
      [target('pmp')],
      today,
    )
    expect(result).toMatchObject({
      ok: true,
      value: {
        parts: [
          { category: 'Ways of Working', units: 2 },
          { category: 'Power Skills', units: 1.5 },
        ],
      },
    })
  })

  // PeopleCert: one activity counts for 0.5 to 15 points (issue 18: 16 was accepted).
  it.each([
    ['0.25', false],
    ['0.5', true],
    ['15', true],
    ['15.25', false],
    ['16', false],
  ])('PeopleCert: a %s-point activity is accepted: %s', (units, isAccepted) => {
    const result = validateEducationEntry(
      { ...draft, parts: [{ category: 'Professional Experience', units }] },
      [target('prince2-practitioner')],
      today,
    )
    expect(result.ok).toBe(isAccepted)
    if (!result.ok)
      expect(result.message).toMatch(
        /^PRINCE2 Practitioner counts one activity for 0.5 to 15 CPD points; this one has/,
      )
  })

  it('PeopleCert: the 15-point limit applies to the sum of the parts', () => {
    const result = validateEducationEntry(
      {
        ...draft,
        parts: [
          { category: 'Professional Experience', units: '10' },
          { category: 'Community', units: '6' },
        ],
      },
      [target('itil4-foundation')],
      today,
    )
    expect(result).toMatchObject({ ok: false, field: 'parts.1.units' })
  })

  it('PeopleCert categories are the real ones', () => {
    for (const category of ['Professional Experience', 'Professional Education', 'Community'])
      expect(
        validateEducationEntry(
          { ...draft, parts: [{ category, units: '2' }] },
          [target('itil4-foundation')],
          today,
        ).ok,
      ).toBe(true)
    const refused = validateEducationEntry(
      { ...draft, parts: [{ category: 'All CPD categories', units: '2' }] },
      [target('itil4-foundation')],
      today,
    )
    expect(refused).toMatchObject({ ok: false, field: 'parts.0.category' })
    if (!refused.ok)
      expect(refused.message).toBe(
        '"All CPD categories" is not a category of ITIL 4 Foundation; choose one of Professional Experience, Professional Education, Community.',
      )
  })

  it.each([
    [['pmp', 'pmi-acp'], true, ''],
    [['pmp', 'csm'], true, ''], // Scrum Alliance accepts PDUs as SEUs
    [
      ['csm', 'pmp'],
      false,
      'Project Management Professional (PMP) does not accept SEUs logged for Certified ScrumMaster (CSM)',
    ],
    [['pmp', 'prince2-practitioner'], false, 'PRINCE2 Practitioner does not accept PDUs'],
    [['pmp', 'pmp'], false, 'A certification is chosen twice.'],
  ] as const)('one activity counted for %j: accepted %s', (ids, isAccepted, message) => {
    const result = validateEducationEntry(draft, ids.map(target), today)
    expect(result.ok).toBe(isAccepted)
    if (result.ok) expect(result.value.certificationIds).toEqual(ids)
    else {
      expect(result.field).toBe('alsoFor')
      expect(result.message).toContain(message)
    }
  })

  it('an activity counted for several certifications must fit the categories of each', () => {
    const result = validateEducationEntry(
      { ...draft, parts: [{ category: 'Scrum events', units: '2' }] },
      [target('csm'), target('cspo')],
      today,
    )
    expect(result.ok).toBe(true) // Scrum Alliance names no categories
    const both = validateEducationEntry(
      { ...draft, parts: [{ category: 'Scrum events', units: '2' }] },
      [target('pmp'), target('csm')],
      today,
    )
    expect(both).toMatchObject({ ok: false, field: 'parts.0.category' })
  })
})

describe('text limits: refused with a message, never cut', () => {
  it('a certification note above 20,000 characters', () => {
    const record = certificationMake('c', { catalogueId: 'pmp', notes: 'x'.repeat(20_001) })
    expect(validateCertification(record, today)).toMatchObject({ ok: false, field: 'notes' })
  })
  it('a salary note above 20,000 characters', () => {
    const result = validateSalary({
      date: '2026-01-01',
      amount: '80000',
      currency: 'USD',
      role: '',
      note: 'x'.repeat(20_001),
    })
    expect(result).toMatchObject({ ok: false, field: 'note' })
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
    [{ unitName: 'U'.repeat(41) }, /The unit name has 41 characters; it can hold at most 40/],
    [{ name: 'N'.repeat(501) }, /The name has 501 characters/],
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
