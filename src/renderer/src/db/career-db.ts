import Dexie, { type EntityTable, type Transaction } from 'dexie'
import {
  careerBackupParse,
  careerDataRestore,
  careerMigrateCertificationRowV1,
  careerMigrateEducationRowV1,
  type CareerBackupError,
} from '../../../shared/career/backup'
import {
  educationCategoryCurrentName,
  type CareerData,
  type CareerGoal,
  type CareerProfile,
  type CertificationRecord,
  type EducationEntry,
  type SalaryEntry,
  type SkillAssessment,
} from '../../../shared/career/model'

/**
 * The career tracker's own IndexedDB database, `gantry-career`, separate from the plans (`gantry`).
 *
 * Schema history (every version is declared below, in one place; data changes live in `upgrade()`):
 * - 1: profile, certifications, educationEntries, salaries, skills, goals.
 * - 2: certifications gain `renewals` and `expiresOnOverride` (renewal rollover, printed expiry); education
 *   categories logged under PMI's former Talent Triangle names (Technical, Leadership, Strategic and Business
 *   Management) are renamed to Ways of Working, Power Skills and Business Acumen; entries get a
 *   `[certificationId+date]` index for the per-cycle log.
 * - 3: an entry counts toward one or more certifications (`certificationIds`, a multi-entry index replacing
 *   `certificationId`), is split into `parts` (category and units each) and has `activityType` and `evidence`;
 *   certifications get `studyPlanId`. The rows are converted by the same functions as a version-1 backup.
 */
export const careerDbName = 'gantry-career'

/** The `stores()` declaration of every schema version, oldest first. */
export const careerDbSchemas = {
  1: {
    profile: 'id',
    certifications: 'id, catalogueId, status',
    educationEntries: 'id, certificationId, date',
    salaries: 'id, date',
    skills: 'id',
    goals: 'id, dueOn',
  },
  2: {
    educationEntries: 'id, certificationId, date, [certificationId+date]',
  },
  3: {
    educationEntries: 'id, *certificationIds, date',
  },
} as const

export const careerDbVersion = 3

/** A version-1 certification row: no renewals, no printed expiry, no study-plan link. */
export type CertificationRowV1 = Omit<CertificationRecord, 'renewals' | 'expiresOnOverride' | 'studyPlanId'>

/** A version-1 and version-2 education row: one certification, one category. */
export type EducationRowV2 = Omit<
  EducationEntry,
  'certificationIds' | 'parts' | 'activityType' | 'evidence'
> & {
  certificationId: string
  category: string
  units: number
}

/** Applies the version-2 data changes inside the upgrade transaction. */
async function upgradeToVersion2(transaction: Transaction): Promise<void> {
  await transaction
    .table('certifications')
    .toCollection()
    .modify((row: Partial<CertificationRecord>) => {
      if (!Array.isArray(row.renewals)) row.renewals = []
      if (row.expiresOnOverride === undefined) row.expiresOnOverride = null
    })
  await transaction
    .table('educationEntries')
    .toCollection()
    .modify((row: { category?: unknown }) => {
      // A damaged row keeps its value (restore validation reports it) rather than blocking the whole upgrade.
      if (typeof row.category === 'string') row.category = educationCategoryCurrentName(row.category)
    })
}

/** Applies the version-3 data changes inside the upgrade transaction (see the schema history above). */
async function upgradeToVersion3(transaction: Transaction): Promise<void> {
  await transaction
    .table('certifications')
    .toCollection()
    .modify((row: unknown, ref: { value: unknown }) => {
      ref.value = careerMigrateCertificationRowV1(row)
    })
  await transaction
    .table('educationEntries')
    .toCollection()
    .modify((row: unknown, ref: { value: unknown }) => {
      ref.value = careerMigrateEducationRowV1(row)
    })
}

export type CareerDbEvents = {
  /** Another window upgraded the database; this connection was closed. */
  onVersionChange?: () => void
  /** This window's upgrade waits for other windows holding the old version. */
  onBlocked?: () => void
}

export class CareerDb extends Dexie {
  profile!: EntityTable<CareerProfile, 'id'>
  certifications!: EntityTable<CertificationRecord, 'id'>
  educationEntries!: EntityTable<EducationEntry, 'id'>
  salaries!: EntityTable<SalaryEntry, 'id'>
  skills!: EntityTable<SkillAssessment, 'id'>
  goals!: EntityTable<CareerGoal, 'id'>

  /** `name` and `options` let tests use a fresh database or a fake IndexedDB. */
  constructor(
    name: string = careerDbName,
    options?: ConstructorParameters<typeof Dexie>[1],
    events: CareerDbEvents = {},
  ) {
    super(name, options)
    this.version(1).stores(careerDbSchemas[1])
    this.version(2).stores(careerDbSchemas[2]).upgrade(upgradeToVersion2)
    this.version(3).stores(careerDbSchemas[3]).upgrade(upgradeToVersion3)
    this.on('versionchange', () => {
      // Another window opened a newer schema: let it upgrade, and reload this one.
      this.close()
      events.onVersionChange?.()
      return false
    })
    this.on('blocked', () => events.onBlocked?.())
  }
}

export type CareerDbErrorCode = 'quota' | 'invalid' | 'io'

export class CareerDbError extends Error {
  constructor(
    readonly code: CareerDbErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'CareerDbError'
  }
}

function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  if (error.name === 'QuotaExceededError') return true
  const inner = (error as { inner?: unknown }).inner
  return inner instanceof Error && inner.name === 'QuotaExceededError'
}

/** A user-facing error for anything a database call threw. */
export function careerDbErrorFrom(error: unknown): CareerDbError {
  if (error instanceof CareerDbError) return error
  if (isQuotaError(error))
    return new CareerDbError(
      'quota',
      'The browser storage is full, so the career data could not be stored. Back it up to a file.',
    )
  const detail = error instanceof Error ? error.message : String(error)
  return new CareerDbError('io', `The career data could not be stored or read (${detail}).`)
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw careerDbErrorFrom(error)
  }
}

const byDateThenId =
  <T extends { id: string }>(key: (row: T) => string) =>
  (a: T, b: T) =>
    key(a) === key(b) ? a.id.localeCompare(b.id) : key(a) < key(b) ? -1 : 1

/** Everything stored, in a stable order (entries and salaries by date), read in one transaction. */
export function careerDbLoad(db: CareerDb): Promise<CareerData> {
  return guard(() =>
    db.transaction(
      'r',
      [db.profile, db.certifications, db.educationEntries, db.salaries, db.skills, db.goals],
      async () => {
        const [profile, certifications, educationEntries, salaries, skills, goals] = await Promise.all([
          db.profile.get('me'),
          db.certifications.toArray(),
          db.educationEntries.toArray(),
          db.salaries.toArray(),
          db.skills.toArray(),
          db.goals.toArray(),
        ])
        return {
          profile: profile ?? null,
          certifications: certifications.sort((a, b) => a.id.localeCompare(b.id)),
          educationEntries: educationEntries.sort(byDateThenId<EducationEntry>((row) => row.date)),
          salaries: salaries.sort(byDateThenId<SalaryEntry>((row) => row.date)),
          skills: skills.sort((a, b) => a.id.localeCompare(b.id)),
          goals: goals.sort((a, b) => a.id.localeCompare(b.id)),
        }
      },
    ),
  )
}

/**
 * Replaces everything stored with `data` in one read-write transaction: either all of it is written or, if
 * anything fails, nothing changes. `data` is validated first.
 */
export function careerDbReplaceAll(db: CareerDb, data: CareerData): Promise<void> {
  const checked = careerDataRestore(data)
  if (!checked.ok) return Promise.reject(new CareerDbError('invalid', checked.message))
  const clean = checked.data
  return guard(() =>
    db.transaction(
      'rw',
      [db.profile, db.certifications, db.educationEntries, db.salaries, db.skills, db.goals],
      async () => {
        await Promise.all([
          db.profile.clear(),
          db.certifications.clear(),
          db.educationEntries.clear(),
          db.salaries.clear(),
          db.skills.clear(),
          db.goals.clear(),
        ])
        if (clean.profile !== null) await db.profile.put(clean.profile)
        await db.certifications.bulkAdd(clean.certifications)
        await db.educationEntries.bulkAdd(clean.educationEntries)
        await db.salaries.bulkAdd(clean.salaries)
        await db.skills.bulkAdd(clean.skills)
        await db.goals.bulkAdd(clean.goals)
      },
    ),
  )
}

export type CareerRestoreResult = { ok: true; data: CareerData } | { ok: false; error: CareerBackupError }

/**
 * Restores a backup's text: parses and validates it, then replaces all stored data in one transaction. A bad,
 * damaged or newer-version backup is refused before anything is touched.
 */
export async function careerDbRestoreBackup(db: CareerDb, text: string): Promise<CareerRestoreResult> {
  const parsed = careerBackupParse(text)
  if (!parsed.ok) return parsed
  await careerDbReplaceAll(db, parsed.data)
  return { ok: true, data: parsed.data }
}

export function careerDbPutProfile(db: CareerDb, profile: CareerProfile): Promise<void> {
  return guard(async () => void (await db.profile.put(profile)))
}

export function careerDbPutCertification(db: CareerDb, record: CertificationRecord): Promise<void> {
  return guard(async () => void (await db.certifications.put(record)))
}

/**
 * Deletes a certification together with the activities logged only for it; an activity that also counts toward
 * other certifications stays, without this one. One transaction: all of it or nothing.
 */
export function careerDbDeleteCertification(db: CareerDb, certificationId: string): Promise<void> {
  return guard(() =>
    db.transaction('rw', [db.certifications, db.educationEntries], async () => {
      const entries = await db.educationEntries.where('certificationIds').equals(certificationId).toArray()
      for (const entry of entries) {
        const rest = entry.certificationIds.filter((id) => id !== certificationId)
        if (rest.length === 0) await db.educationEntries.delete(entry.id)
        else await db.educationEntries.put({ ...entry, certificationIds: rest })
      }
      await db.certifications.delete(certificationId)
    }),
  )
}

/** Adds or updates an entry; refuses one that names a certification that is not stored. */
export function careerDbPutEducationEntry(db: CareerDb, entry: EducationEntry): Promise<void> {
  return guard(() =>
    db.transaction('rw', [db.certifications, db.educationEntries], async () => {
      const stored = await db.certifications.bulkGet(entry.certificationIds)
      if (entry.certificationIds.length === 0 || stored.some((record) => record === undefined))
        throw new CareerDbError(
          'invalid',
          'A certification of this activity is no longer stored; the activity was not logged.',
        )
      await db.educationEntries.put(entry)
    }),
  )
}

export function careerDbDeleteEducationEntry(db: CareerDb, entryId: string): Promise<void> {
  return guard(() => db.educationEntries.delete(entryId))
}

export function careerDbPutSalary(db: CareerDb, salary: SalaryEntry): Promise<void> {
  return guard(async () => void (await db.salaries.put(salary)))
}

export function careerDbDeleteSalary(db: CareerDb, salaryId: string): Promise<void> {
  return guard(() => db.salaries.delete(salaryId))
}

export function careerDbPutSkill(db: CareerDb, skill: SkillAssessment): Promise<void> {
  return guard(async () => void (await db.skills.put(skill)))
}

export function careerDbPutGoal(db: CareerDb, goal: CareerGoal): Promise<void> {
  return guard(async () => void (await db.goals.put(goal)))
}

export function careerDbDeleteGoal(db: CareerDb, goalId: string): Promise<void> {
  return guard(() => db.goals.delete(goalId))
}
