import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  catalogueCertifications,
  catalogueFind,
  catalogueParse,
  catalogueSalaryBands,
  catalogueUnverifiedFigures,
  catalogueVerificationLevel,
  salaryBandsSchema,
} from '../../src/shared/career/catalogue'
import { salaryGrowthPercent, salaryPlace } from '../../src/shared/career/salary'

const dataFolder = resolve(__dirname, '../../src/shared/career/data')
/** The product's source of truth, beside the repository (read-only on the build machine). */
const sharedFile = resolve(__dirname, '../../../shared/career/certifications.json')
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'))
const projectEntries = () => {
  const json = readJson(resolve(dataFolder, 'certifications.json'))
  if (!Array.isArray(json)) throw new Error('certifications.json is not an array')
  return json as Record<string, unknown>[]
}

describe('shipped catalogue', () => {
  it('is read from certifications.json and validated, not copied', () => {
    const parsed = catalogueParse(readJson(resolve(dataFolder, 'certifications.json')))
    expect(parsed.ok).toBe(true)
    if (parsed.ok) expect(catalogueCertifications).toEqual(parsed.certifications)
    expect(catalogueCertifications.map((entry) => entry.id)).toEqual(
      projectEntries().map((entry) => entry.id),
    )
  })

  it('reads the shared source of truth with the same schema, and ships every certification it lists', () => {
    const shared = catalogueParse(readJson(sharedFile))
    if (!shared.ok) throw new Error(shared.message)
    const shipped = new Set(catalogueCertifications.map((entry) => entry.id))
    for (const entry of shared.certifications) expect(shipped.has(entry.id), entry.id).toBe(true)
  })

  it('the salary bands are read from salary-bands.json and validated', () => {
    const parsed = salaryBandsSchema.safeParse(readJson(resolve(dataFolder, 'salary-bands.json')))
    expect(parsed.success).toBe(true)
    expect(catalogueSalaryBands).toEqual(parsed.data)
  })

  it('has no TypeScript mirror of the JSON left (the import cycle catalogue.ts <-> catalogue-data.ts is gone)', () => {
    expect(existsSync(resolve(__dirname, '../../src/shared/career/catalogue-data.ts'))).toBe(false)
  })

  it.each([
    ['an unknown key', (entry: Record<string, unknown>) => ({ ...entry, surprise: 1 }), 'surprise'],
    ['an id with spaces', (entry: Record<string, unknown>) => ({ ...entry, id: 'P M P' }), '0.id'],
    [
      'a negative requirement',
      (entry: Record<string, unknown>) => ({ ...entry, unitsPerCycle: -1 }),
      '0.unitsPerCycle',
    ],
    [
      'a source that is not a web address',
      (entry: Record<string, unknown>) => ({ ...entry, sources: ['javascript:alert(1)'] }),
      '0.sources.0',
    ],
    [
      'a per-activity minimum above its maximum',
      (entry: Record<string, unknown>) => ({ ...entry, unitsPerActivity: { min: 16, max: 15 } }),
      '0.unitsPerActivity',
    ],
    [
      'an expiry flag that contradicts the validity',
      (entry: Record<string, unknown>) => ({ ...entry, expires: false }),
      '0.expires',
    ],
    [
      'a sub-category of a missing parent',
      (entry: Record<string, unknown>) => ({
        ...entry,
        categoryRules: [{ category: 'Labs', within: 'Nothing', min: 1 }],
      }),
      '0.categoryRules',
    ],
  ])('refuses %s, naming where', (_name, change, where) => {
    const first = projectEntries()[0]
    if (first === undefined) throw new Error('empty catalogue')
    const result = catalogueParse([change(first)])
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toContain(where)
  })

  it('refuses an id used twice', () => {
    const [first] = projectEntries()
    const result = catalogueParse([first, first])
    expect(result).toEqual({ ok: false, message: 'certifications.json: id "pmp" is used twice' })
  })

  it('covers the certifications the issues name', () => {
    for (const id of [
      'pmp',
      'capm',
      'pmi-acp',
      'prince2-foundation',
      'prince2-practitioner',
      'csm',
      'cspo',
      'a-csm',
      'csp-sm',
      'psm-1',
      'itil4-foundation',
      'comptia-project-plus',
    ])
      expect(catalogueFind(id), id).toBeDefined()
  })

  it('every certification has at least one source', () => {
    for (const certification of catalogueCertifications)
      expect(certification.sources.length).toBeGreaterThan(0)
  })

  it('records a verification level for every rule the tracker applies', () => {
    for (const entry of catalogueCertifications) {
      const has = (field: string) => Object.hasOwn(entry.verification, field)
      if (entry.carryOverMax !== null || entry.suspensionYears !== null)
        expect(has('carryOverMax'), entry.id).toBe(true)
      if (entry.suspensionYears !== null) expect(has('suspensionYears'), entry.id).toBe(true)
      if (entry.unitsPerActivity !== null) expect(has('unitsPerActivity'), entry.id).toBe(true)
      if (entry.unitsPerYear !== null) expect(has('unitsPerYear'), entry.id).toBe(true)
      if (entry.renewalGroup !== null) expect(has('renewalGroup'), entry.id).toBe(true)
      if (entry.membership !== null) expect(has('membership'), entry.id).toBe(true)
      if (entry.examNeedsApplication !== null) expect(has('examNeedsApplication'), entry.id).toBe(true)
    }
  })
})

describe('verification levels', () => {
  it.each([
    ['official', 'official'],
    ['official (practitioner cap: secondary)', 'official'],
    ['secondary', 'secondary'],
    ['secondary (possible 2025 change unverified)', 'secondary'],
    ['unverified', 'unverified'],
    ['unverified (secondary only)', 'unverified'],
    ['n/a', 'not-applicable'],
    ['something new', 'unverified'],
  ] as const)('"%s" is %s', (text, level) => {
    expect(catalogueVerificationLevel(text)).toBe(level)
  })

  it('lists the figures that are not plainly official', () => {
    const figures = catalogueUnverifiedFigures()
    const key = (id: string, field: string) =>
      figures.some((figure) => figure.certificationId === id && figure.field === field)
    expect(key('pmp', 'categoryRules')).toBe(true) // secondary
    expect(key('pmp', 'validityYears')).toBe(false) // official
    expect(key('capm', 'categoryRules')).toBe(true) // official with a secondary part
    expect(key('capm', 'renewalFee')).toBe(true) // unverified
    expect(key('psm-1', 'validityYears')).toBe(true)
    expect(key('psm-1', 'unitsPerCycle')).toBe(false) // n/a
  })
})

describe('salary bands', () => {
  it.each([
    [54_999, 'below-bands', null],
    [55_000, 'in-band', 'entry'], // min inclusive
    [74_999, 'in-band', 'entry'],
    [75_000, 'in-band', 'mid'], // a shared boundary belongs to the higher band
    [94_999.99, 'in-band', 'mid'],
    [95_000, 'in-band', 'senior'],
    [119_999, 'in-band', 'senior'],
    [120_000, 'above-typical', 'senior'], // open-ended
    [250_000, 'above-typical', 'senior'],
  ] as const)('%d USD is %s %s', (amount, kind, bandId) => {
    const placement = salaryPlace(amount, 'USD')
    expect(placement.kind).toBe(kind)
    expect(placement.band?.id ?? null).toBe(bandId)
  })

  it('does not place a salary in another currency', () => {
    expect(salaryPlace(80_000, 'EUR').kind).toBe('other-currency')
  })

  it('places a salary within its band as a fraction', () => {
    expect(salaryPlace(85_000, 'USD').fraction).toBeCloseTo(0.5)
  })

  it('computes growth between the first and last salary', () => {
    const row = (id: string, date: string, amount: number) => ({
      id,
      date,
      amount,
      currency: 'USD',
      role: '',
      note: '',
    })
    expect(salaryGrowthPercent([row('b', '2025-01-01', 88_000), row('a', '2023-01-01', 80_000)])).toBe(10)
    expect(salaryGrowthPercent([row('a', '2023-01-01', 80_000)])).toBeNull()
  })
})
