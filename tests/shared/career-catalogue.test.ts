import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  catalogueCertifications,
  catalogueFind,
  catalogueSalaryBands,
  catalogueUnverifiedFigures,
  catalogueVerificationLevel,
} from '../../src/shared/career/catalogue'
import { salaryGrowthPercent, salaryPlace } from '../../src/shared/career/salary'

const dataFolder = resolve(__dirname, '../../src/shared/career/data')

describe('shipped catalogue', () => {
  it('equals the shipped certifications.json', () => {
    const json = JSON.parse(readFileSync(resolve(dataFolder, 'certifications.json'), 'utf8'))
    expect(catalogueCertifications).toEqual(json)
  })

  it('equals the shipped salary-bands.json', () => {
    const json = JSON.parse(readFileSync(resolve(dataFolder, 'salary-bands.json'), 'utf8'))
    expect(catalogueSalaryBands).toEqual(json)
  })

  it('covers the certifications the issue names', () => {
    for (const id of [
      'pmp',
      'capm',
      'pmi-acp',
      'prince2-foundation',
      'prince2-practitioner',
      'csm',
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
