import Dexie from 'dexie'
import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import { afterEach, describe, expect, it } from 'vitest'
import { careerBackupSerialize, careerBackupFormatId } from '../../src/shared/career/backup'
import {
  careerProfileDefault,
  certificationMake,
  educationEntryMake,
  type CareerData,
} from '../../src/shared/career/model'
import {
  CareerDb,
  careerDbDeleteCertification,
  careerDbLoad,
  careerDbPutCertification,
  careerDbPutEducationEntry,
  careerDbReplaceAll,
  careerDbRestoreBackup,
  careerDbSchemas,
  careerDbVersion,
  type CertificationRowV1,
  type EducationRowV2,
} from '../../src/renderer/src/db/career-db'

const options = { indexedDB, IDBKeyRange }
let counter = 0
const opened: Dexie[] = []
function freshName(): string {
  counter += 1
  return `career-test-${process.pid}-${counter}`
}
function open(name: string): CareerDb {
  const db = new CareerDb(name, options)
  opened.push(db)
  return db
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete()
})

function sample(): CareerData {
  return {
    profile: { ...careerProfileDefault(), currentRole: 'Coordinator', yearsOfExperience: 2 },
    certifications: [
      certificationMake('c1', { catalogueId: 'pmp', status: 'earned', earnedOn: '2025-03-15' }),
      certificationMake('c2', { catalogueId: 'pmi-acp', status: 'earned', earnedOn: '2025-04-01' }),
    ],
    educationEntries: [
      educationEntryMake('e1', {
        certificationIds: ['c1'],
        date: '2025-05-01',
        activity: 'Course',
        activityType: 'Course or training',
        provider: 'PMI',
        parts: [
          { category: 'Ways of Working', units: 8 },
          { category: 'Power Skills', units: 2 },
        ],
        evidence: 'Certificate 7',
      }),
      educationEntryMake('e2', {
        certificationIds: ['c1', 'c2'],
        date: '2025-06-01',
        activity: 'Volunteering',
        parts: [{ category: 'Giving Back', units: 30 }],
      }),
    ],
    salaries: [
      { id: 's1', date: '2024-01-01', amount: 70_000, currency: 'USD', role: 'Coordinator', note: '' },
    ],
    skills: [{ id: 'agile', current: 2, target: 4 }],
    goals: [{ id: 'g1', title: 'Become PM', dueOn: '2027-01-01', isDone: false, doneOn: null }],
  }
}

describe('career database', () => {
  it('declares its versions together and is at the latest', async () => {
    const db = open(freshName())
    await db.open()
    expect(db.verno).toBe(careerDbVersion)
    expect(db.tables.map((table) => table.name).sort()).toEqual(
      ['certifications', 'educationEntries', 'goals', 'profile', 'salaries', 'skills'].sort(),
    )
  })

  it('stores and reloads everything', async () => {
    const name = freshName()
    const db = open(name)
    await careerDbReplaceAll(db, sample())
    db.close()
    const again = open(name)
    expect(await careerDbLoad(again)).toEqual(sample())
  })

  it('deleting a certification deletes the activities logged only for it; shared ones stay with the others', async () => {
    const db = open(freshName())
    await careerDbReplaceAll(db, sample())
    await careerDbDeleteCertification(db, 'c1')
    const data = await careerDbLoad(db)
    expect(data.certifications.map((record) => record.id)).toEqual(['c2'])
    expect(data.educationEntries).toEqual([{ ...sample().educationEntries[1], certificationIds: ['c2'] }])
  })

  it('finds the activities of a certification through the multi-entry index', async () => {
    const db = open(freshName())
    await careerDbReplaceAll(db, sample())
    expect(await db.educationEntries.where('certificationIds').equals('c2').primaryKeys()).toEqual(['e2'])
    expect((await db.educationEntries.where('certificationIds').equals('c1').primaryKeys()).sort()).toEqual([
      'e1',
      'e2',
    ])
  })

  it('refuses an entry that names a certification that is not stored', async () => {
    const db = open(freshName())
    await careerDbPutCertification(db, sample().certifications[0])
    await expect(
      careerDbPutEducationEntry(db, { ...sample().educationEntries[0], certificationIds: ['c1', 'gone'] }),
    ).rejects.toThrow(/no longer stored/)
    expect((await careerDbLoad(db)).educationEntries).toEqual([])
  })
})

describe('upgrade from version 1', () => {
  it('adds renewals, printed expiry and study-plan link, renames former Talent Triangle categories, and makes entries lists', async () => {
    const name = freshName()
    const v1 = new Dexie(name, options)
    v1.version(1).stores(careerDbSchemas[1])
    const oldCertification: CertificationRowV1 = {
      id: 'c1',
      catalogueId: 'pmp',
      custom: null,
      status: 'earned',
      applicationOn: null,
      examBookedOn: null,
      examOn: null,
      earnedOn: '2022-05-01',
      credentialId: '123',
      notes: '',
    }
    await v1.table('certifications').add(oldCertification)
    const entry = (id: string, category: string): EducationRowV2 => ({
      id,
      certificationId: 'c1',
      date: '2023-01-01',
      activity: 'a',
      provider: '',
      category,
      units: 5,
      note: '',
    })
    await v1
      .table('educationEntries')
      .bulkAdd([
        entry('e1', 'Technical'),
        entry('e2', 'Leadership'),
        entry('e3', 'Strategic and Business Management'),
        entry('e4', 'Giving Back'),
      ])
    // A damaged row (no category) does not block the upgrade of the others.
    await v1.table('educationEntries').add({ ...entry('e5', ''), category: undefined })
    v1.close()

    const db = open(name)
    const data = await careerDbLoad(db)
    expect(db.verno).toBe(3)
    expect(data.certifications[0]).toEqual({
      ...oldCertification,
      renewals: [],
      expiresOnOverride: null,
      studyPlanId: null,
    })
    expect(data.educationEntries.map((row) => row.parts)).toEqual([
      [{ category: 'Ways of Working', units: 5 }],
      [{ category: 'Power Skills', units: 5 }],
      [{ category: 'Business Acumen', units: 5 }],
      [{ category: 'Giving Back', units: 5 }],
      [{ category: undefined, units: 5 }],
    ])
    expect(data.educationEntries[0]).toEqual({
      id: 'e1',
      certificationIds: ['c1'],
      date: '2023-01-01',
      activity: 'a',
      activityType: '',
      provider: '',
      parts: [{ category: 'Ways of Working', units: 5 }],
      evidence: '',
      note: '',
    })
    // The new multi-entry index works.
    expect(await db.educationEntries.where('certificationIds').equals('c1').count()).toBe(5)
  })
})

describe('upgrade from version 2', () => {
  it('keeps every row, converted, and drops the old one-certification index', async () => {
    const name = freshName()
    const v2 = new Dexie(name, options)
    v2.version(1).stores(careerDbSchemas[1])
    v2.version(2).stores(careerDbSchemas[2])
    await v2.table('certifications').add({
      ...certificationMake('c1', {
        catalogueId: 'itil4-foundation',
        status: 'earned',
        earnedOn: '2024-01-10',
      }),
      studyPlanId: undefined,
    })
    await v2.table('educationEntries').add({
      id: 'e1',
      certificationId: 'c1',
      date: '2024-06-01',
      activity: 'Meetup',
      provider: 'itSMF',
      category: 'Community',
      units: 2.5,
      note: 'notes stay',
    } satisfies EducationRowV2)
    v2.close()

    const db = open(name)
    const data = await careerDbLoad(db)
    expect(db.verno).toBe(careerDbVersion)
    expect(data.educationEntries).toEqual([
      {
        id: 'e1',
        certificationIds: ['c1'],
        date: '2024-06-01',
        activity: 'Meetup',
        activityType: '',
        provider: 'itSMF',
        parts: [{ category: 'Community', units: 2.5 }],
        evidence: '',
        note: 'notes stay',
      },
    ])
    expect(db.educationEntries.schema.indexes.map((index) => index.name).sort()).toEqual([
      'certificationIds',
      'date',
    ])
  })
})

describe('restore', () => {
  it('restores a backup into a fresh database, identical', async () => {
    const source = open(freshName())
    await careerDbReplaceAll(source, sample())
    const text = careerBackupSerialize(await careerDbLoad(source), '2026-01-01T00:00:00.000Z')
    const target = open(freshName())
    const result = await careerDbRestoreBackup(target, text)
    expect(result.ok).toBe(true)
    expect(await careerDbLoad(target)).toEqual(await careerDbLoad(source))
  })

  it('replaces what was there before', async () => {
    const db = open(freshName())
    await careerDbPutCertification(db, certificationMake('old', { catalogueId: 'csm', status: 'planned' }))
    await careerDbRestoreBackup(db, careerBackupSerialize(sample(), 'x'))
    expect((await careerDbLoad(db)).certifications.map((record) => record.id)).toEqual(['c1', 'c2'])
  })

  it.each([
    ['a corrupt backup', (text: string) => text.slice(0, text.length / 2)],
    ['a newer-version backup', (text: string) => text.replace('"schemaVersion": 2', '"schemaVersion": 99')],
    ['a backup with negative units', (text: string) => text.replace('"units": 8', '"units": -8')],
    [
      'a backup of another format',
      () => JSON.stringify({ format: 'gantry-plan', schemaVersion: 1, plan: {} }),
    ],
  ])('%s changes nothing', async (_name, damage) => {
    const db = open(freshName())
    await careerDbReplaceAll(db, sample())
    const before = await careerDbLoad(db)
    const other = { ...sample(), goals: [] }
    const result = await careerDbRestoreBackup(db, damage(careerBackupSerialize(other, 'x')))
    expect(result.ok).toBe(false)
    expect(await careerDbLoad(db)).toEqual(before)
  })

  it('a failure half-way through the write rolls everything back', async () => {
    const db = open(freshName())
    await careerDbReplaceAll(db, sample())
    const before = await careerDbLoad(db)
    // Make the last table's write fail inside the transaction.
    const original = db.goals.bulkAdd.bind(db.goals)
    db.goals.bulkAdd = (() =>
      Promise.reject(new Error('disk went away'))) as unknown as typeof db.goals.bulkAdd
    await expect(
      careerDbReplaceAll(db, { ...sample(), certifications: [], educationEntries: [] }),
    ).rejects.toThrow(/disk went away/)
    db.goals.bulkAdd = original
    expect(await careerDbLoad(db)).toEqual(before)
    expect(careerBackupFormatId).toBe('gantry-career-backup')
  })
})
