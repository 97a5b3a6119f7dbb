import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  careerBackupFormatId,
  careerBackupParse,
  careerBackupSchemaVersion,
  careerBackupSerialize,
} from '../../src/shared/career/backup'
import {
  careerDataEmpty,
  careerProfileDefault,
  certificationMake,
  educationEntryMake,
  type CareerData,
} from '../../src/shared/career/model'

function sample(): CareerData {
  return {
    profile: {
      ...careerProfileDefault(),
      currentRole: 'Project coordinator',
      targetRole: 'Project manager',
      targetDate: '2027-06-30',
      yearsOfExperience: 3,
    },
    certifications: [
      certificationMake('c1', { catalogueId: 'pmp', status: 'earned', earnedOn: '2025-03-15' }),
      certificationMake('c2', {
        catalogueId: null,
        custom: {
          name: 'Cloud Basics',
          issuer: 'Acme',
          validityYears: 2,
          unitName: 'CEU',
          unitsPerCycle: 10,
          categoryRules: [{ category: 'Labs', min: 4 }],
        },
        status: 'studying',
        examOn: '2026-12-01',
      }),
    ],
    educationEntries: [
      educationEntryMake('e1', {
        certificationIds: ['c1'],
        date: '2025-05-01',
        activity: 'Webinar',
        activityType: 'Online or digital media',
        provider: 'PMI',
        parts: [
          { category: 'Ways of Working', units: 10 },
          { category: 'Power Skills', units: 2.25 },
        ],
        evidence: 'https://example.org/certificate/1',
        note: 'päd "quotes"',
      }),
    ],
    salaries: [
      { id: 's1', date: '2025-01-01', amount: 72_000, currency: 'USD', role: 'Coordinator', note: '' },
    ],
    skills: [{ id: 'jira', current: 3, target: 5 }],
    goals: [{ id: 'g1', title: 'Pass PMP', dueOn: '2025-03-15', isDone: true, doneOn: '2025-03-15' }],
  }
}

const envelope = (data: unknown, overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: careerBackupFormatId,
    schemaVersion: careerBackupSchemaVersion,
    exportedAt: '2026-01-01T00:00:00.000Z',
    data,
    ...overrides,
  })

describe('career backup', () => {
  it('round-trips all data', () => {
    const data = sample()
    const result = careerBackupParse(careerBackupSerialize(data, '2026-01-01T00:00:00.000Z'))
    expect(result).toEqual({ ok: true, data, exportedAt: '2026-01-01T00:00:00.000Z' })
  })

  it('round-trips empty data', () => {
    const result = careerBackupParse(careerBackupSerialize(careerDataEmpty(), 'x'))
    expect(result.ok).toBe(true)
  })

  it.each([
    ['empty file', '', 'not-a-backup'],
    ['truncated JSON', envelope(sample()).slice(0, 120), 'not-json'],
    ['a plan file', JSON.stringify({ format: 'gantry-plan', schemaVersion: 1, plan: {} }), 'not-a-backup'],
    [
      'a newer version',
      envelope(sample(), { schemaVersion: careerBackupSchemaVersion + 1 }),
      'newer-version',
    ],
    ['an unknown top-level key', envelope(sample(), { extra: 1 }), 'not-a-backup'],
  ])('refuses %s', (_name, text, code) => {
    const result = careerBackupParse(text)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe(code)
  })

  const damaged: [string, (data: CareerData) => unknown][] = [
    ['negative units', (data) => ((data.educationEntries[0].parts[0].units = -5), data)],
    [
      'units as text',
      (data) => ({
        ...data,
        educationEntries: [
          { ...data.educationEntries[0], parts: [{ category: 'Ways of Working', units: '10' }] },
        ],
      }),
    ],
    ['an entry with no parts', (data) => ((data.educationEntries[0].parts = []), data)],
    [
      'a category listed twice in one entry',
      (data) => ((data.educationEntries[0].parts[1].category = 'Ways of Working'), data),
    ],
    ['an entry for no certification', (data) => ((data.educationEntries[0].certificationIds = []), data)],
    ['a note of 100,000 characters', (data) => ((data.educationEntries[0].note = 'n'.repeat(100_000)), data)],
    ['an impossible date', (data) => ((data.educationEntries[0].date = '2025-02-30'), data)],
    [
      'expiry before the earned date',
      (data) => ((data.certifications[0].expiresOnOverride = '2025-01-01'), data),
    ],
    ['an unknown key in a row', (data) => ({ ...data, goals: [{ ...data.goals[0], colour: 'red' }] })],
    [
      'an entry of a missing certification',
      (data) => ((data.educationEntries[0].certificationIds = ['c1', 'nope']), data),
    ],
    ['a duplicate id', (data) => ((data.certifications[1].id = 'c1'), data)],
    ['a skill level of 6', (data) => ((data.skills[0].current = 6), data)],
    ['an unknown skill', (data) => ({ ...data, skills: [{ id: 'juggling', current: 1, target: 2 }] })],
    [
      'a __proto__ key',
      (data) =>
        JSON.parse(JSON.stringify(data).replace('"profile":', '"__proto__":{"polluted":1},"profile":')),
    ],
    ['a huge string', (data) => ((data.goals[0].title = 'x'.repeat(600)), data)],
    ['a certification with no definition', (data) => ((data.certifications[0].catalogueId = null), data)],
  ]
  it.each(damaged)('refuses %s with a message naming the problem', (_name, damage) => {
    const result = careerBackupParse(envelope(damage(sample())))
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('invalid')
      expect(result.error.message).toMatch(/damaged: .+Nothing was changed\.$/)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('backup format migrations', () => {
  const fixture = readFileSync(resolve(__dirname, '../fixtures/career/backup-v1.gantry-career.json'), 'utf8')

  it('reads a version-1 backup: one certification and one category per entry become lists', () => {
    const result = careerBackupParse(fixture)
    if (!result.ok) throw new Error(result.error.message)
    expect(result.data.educationEntries).toEqual([
      {
        id: 'e1',
        certificationIds: ['c1'],
        date: '2025-05-01',
        activity: 'Webinar',
        activityType: '',
        provider: 'PMI',
        parts: [{ category: 'Ways of Working', units: 10 }],
        evidence: '',
        note: 'kept',
      },
      {
        id: 'e2',
        certificationIds: ['c2'],
        date: '2024-06-01',
        activity: 'Reading group',
        activityType: '',
        provider: '',
        parts: [{ category: 'Self-study', units: 2.5 }],
        evidence: '',
        note: '',
      },
    ])
    expect(result.data.certifications.map((record) => record.studyPlanId)).toEqual([null, null])
    expect(result.data.certifications[0].credentialId).toBe('PMP-1234')
  })

  it('writes the current version, which reads back unchanged', () => {
    const result = careerBackupParse(fixture)
    if (!result.ok) throw new Error(result.error.message)
    expect(careerBackupSchemaVersion).toBe(2)
    const again = careerBackupParse(careerBackupSerialize(result.data, 'x'))
    expect(again.ok && again.data).toEqual(result.data)
  })

  it('a damaged version-1 entry is reported after migration, nothing is restored', () => {
    const damaged = fixture.replace('"units": 10', '"units": -10')
    const result = careerBackupParse(damaged)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toMatch(/educationEntries\.0\.parts\.0\.units/)
  })
})
