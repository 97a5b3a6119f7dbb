import { describe, expect, it } from 'vitest'
import {
  careerDataEmpty,
  certificationMake,
  educationEntryMake,
  type CareerData,
  type CertificationRecord,
} from '../../src/shared/career/model'
import { careerStandings, careerStandingsSorted } from '../../src/shared/career/standing'

const earned = (
  id: string,
  catalogueId: string,
  earnedOn: string,
  overrides: Partial<CertificationRecord> = {},
) => certificationMake(id, { catalogueId, status: 'earned', earnedOn, ...overrides })
const data = (
  certifications: CertificationRecord[],
  entries: CareerData['educationEntries'] = [],
): CareerData => ({
  ...careerDataEmpty(),
  certifications,
  educationEntries: entries,
})
const byId = (standings: ReturnType<typeof careerStandings>, id: string) => {
  const found = standings.find((standing) => standing.record.id === id)
  if (found === undefined) throw new Error(id)
  return found
}

describe('suspension day (PMP earned 2025-03-15, expiry 2028-03-15)', () => {
  it.each([
    ['2028-03-15', 'earned', 0],
    ['2028-03-16', 'suspended', -1],
    ['2029-03-15', 'suspended', -365],
    ['2029-03-16', 'expired', -366],
  ] as const)('on %s: %s', (today, status, days) => {
    const [standing] = careerStandings(data([earned('p', 'pmp', '2025-03-15')]), today)
    expect(standing.status).toBe(status)
    expect(standing.daysToExpiry).toBe(days)
    expect(standing.suspensionEnd).toBe('2029-03-15')
  })

  it('PDUs earned while suspended count toward the lapsed cycle', () => {
    const entries = [
      educationEntryMake('a', {
        certificationIds: ['p'],
        date: '2026-01-01',
        parts: [{ category: 'Ways of Working', units: 20 }],
      }),
      educationEntryMake('b', {
        certificationIds: ['p'],
        date: '2026-01-02',
        parts: [{ category: 'Power Skills', units: 20 }],
      }),
      educationEntryMake('c', {
        certificationIds: ['p'],
        date: '2028-06-01',
        parts: [{ category: 'Business Acumen', units: 20 }],
      }),
    ]
    const [standing] = careerStandings(data([earned('p', 'pmp', '2025-03-15')], entries), '2028-06-02')
    expect(standing.status).toBe('suspended')
    expect(standing.progress?.isComplete).toBe(true)
    expect(standing.pace?.status).toBe('complete')
  })
})

describe('one activity counting toward several certifications', () => {
  const certifications = [
    earned('pmp', 'pmp', '2025-03-15'),
    earned('acp', 'pmi-acp', '2025-06-01'),
    earned('csm', 'csm', '2025-09-01'),
  ]
  const shared = educationEntryMake('s', {
    certificationIds: ['pmp', 'acp', 'csm'],
    date: '2025-10-01',
    parts: [
      { category: 'Ways of Working', units: 4 },
      { category: 'Power Skills', units: 2.5 },
    ],
  })
  const onlyPmp = educationEntryMake('o', {
    certificationIds: ['pmp'],
    date: '2025-10-02',
    parts: [{ category: 'Business Acumen', units: 3 }],
  })
  const standings = careerStandings(data(certifications, [shared, onlyPmp]), '2025-12-01')

  it("is logged once and counts in each, in each certification's categories", () => {
    expect(byId(standings, 'pmp').progress?.countedTowardRequired).toBe(9.5)
    const acp = byId(standings, 'acp').progress
    expect(acp?.countedTowardRequired).toBe(6.5)
    expect(acp?.categories.find((category) => category.category === 'Ways of Working')?.countedUnits).toBe(4)
  })

  it('PDUs count as SEUs for a Scrum Alliance certification, one for one', () => {
    const csm = byId(standings, 'csm').progress
    expect(csm?.unitName).toBe('SEU')
    expect(csm?.countedTowardRequired).toBe(6.5)
  })
})

describe('shared renew-by dates', () => {
  it('PeopleCert: certificates of one suite share the latest renew-by date', () => {
    const standings = careerStandings(
      data([
        earned('f', 'prince2-foundation', '2023-05-10'),
        earned('p', 'prince2-practitioner', '2024-02-01'),
      ]),
      '2025-01-01',
    )
    const foundation = byId(standings, 'f')
    const practitioner = byId(standings, 'p')
    expect(practitioner.expiry).toBe('2027-02-01')
    expect(foundation.expiry).toBe('2027-02-01') // its own would be 2026-05-10
    expect(foundation.renewsWith).toEqual({ id: 'p', name: 'PRINCE2 Practitioner' })
    expect(practitioner.renewsAlso).toEqual([{ id: 'f', name: 'PRINCE2 Foundation' }])
    expect(foundation.progress).toBeNull() // progress is shown once, under Practitioner
  })

  it('PeopleCert: CPD logged under either certificate of the suite counts toward the shared cycle', () => {
    const entry = educationEntryMake('e', {
      certificationIds: ['f'],
      date: '2024-06-01',
      parts: [{ category: 'Professional Experience', units: 5 }],
    })
    const standings = careerStandings(
      data(
        [earned('f', 'prince2-foundation', '2023-05-10'), earned('p', 'prince2-practitioner', '2024-02-01')],
        [entry],
      ),
      '2024-07-01',
    )
    expect(byId(standings, 'p').progress?.years[0]?.categories[0]).toMatchObject({
      category: 'Professional Experience',
      countedUnits: 5,
    })
  })

  it('PeopleCert: different suites keep their own dates', () => {
    const standings = careerStandings(
      data([
        earned('i', 'itil4-foundation', '2023-05-10'),
        earned('p', 'prince2-practitioner', '2024-02-01'),
      ]),
      '2025-01-01',
    )
    expect(byId(standings, 'i').expiry).toBe('2026-05-10')
    expect(byId(standings, 'i').renewsWith).toBeNull()
  })

  it('Scrum Alliance: a higher certification renews the lower ones, with the add-on SEUs of another track', () => {
    const standings = careerStandings(
      data([
        earned('csm', 'csm', '2023-01-10'),
        earned('cspo', 'cspo', '2023-06-01'),
        earned('acsm', 'a-csm', '2024-03-01'),
      ]),
      '2025-01-01',
    )
    const advanced = byId(standings, 'acsm')
    expect(advanced.expiry).toBe('2026-03-01')
    expect(advanced.renewsAlso.map((item) => item.id).sort()).toEqual(['csm', 'cspo'])
    // A-CSM's 30 SEUs plus CSPO's 10 add-on SEUs (Product Owner track); CSM is in A-CSM's own track.
    expect(advanced.requiredUnits).toBe(40)
    expect(advanced.progress?.requiredUnits).toBe(40)
    expect(byId(standings, 'csm').expiry).toBe('2026-03-01')
    expect(byId(standings, 'csm').renewsWith?.id).toBe('acsm')
  })

  it('PMI certifications keep their own cycles', () => {
    const standings = careerStandings(
      data([earned('pmp', 'pmp', '2025-03-15'), earned('acp', 'pmi-acp', '2025-06-01')]),
      '2025-07-01',
    )
    expect(byId(standings, 'pmp').expiry).toBe('2028-03-15')
    expect(byId(standings, 'acp').expiry).toBe('2028-06-01')
    expect(byId(standings, 'acp').renewsWith).toBeNull()
  })
})

describe('order of the list', () => {
  it('by expiry, soonest first; then in progress by exam day; then lifetime', () => {
    const standings = careerStandings(
      data([
        certificationMake('psm', { catalogueId: 'psm-1', status: 'earned', earnedOn: '2020-01-01' }),
        certificationMake('capm', { catalogueId: 'capm', status: 'studying', examOn: '2027-02-01' }),
        earned('pmp', 'pmp', '2025-03-15'),
        certificationMake('acp', { catalogueId: 'pmi-acp', status: 'planned' }),
        earned('csm', 'csm', '2025-09-01'),
        certificationMake('itil', {
          catalogueId: 'itil4-foundation',
          status: 'exam-booked',
          examOn: '2027-01-15',
        }),
      ]),
      '2026-01-01',
    )
    expect(careerStandingsSorted(standings).map((standing) => standing.record.id)).toEqual([
      'csm', // expires 2027-09-01
      'pmp', // 2028-03-15
      'itil', // exam 2027-01-15
      'capm', // exam 2027-02-01
      'acp', // no exam day yet
      'psm', // lifetime
    ])
  })

  it('is stable whatever order the records are stored in', () => {
    const records = [
      earned('b', 'csm', '2025-09-01'),
      earned('a', 'cspo', '2025-09-01'),
      earned('c', 'pmp', '2020-01-01'),
    ]
    const sorted = (list: CertificationRecord[]) =>
      careerStandingsSorted(careerStandings(data(list), '2026-01-01')).map((standing) => standing.record.id)
    expect(sorted(records)).toEqual(sorted([...records].reverse()))
  })
})
