import { z } from 'zod'
import { dateIsValidIsoDate } from '../domain/dates'
import {
  beyondSeniorPaths,
  careerLevels,
  careerTextLimits,
  certificationStatuses,
  educationMaxParts,
  renewalRoutes,
  skillIds,
  type CareerData,
  type SkillId,
} from './model'

/**
 * The career backup file: `{ "format": "gantry-career-backup", "schemaVersion": N, "exportedAt": ..., "data": {...} }`.
 *
 * Restoring goes through `careerBackupParse`: JSON text -> envelope -> refusal of newer versions -> migration of
 * older ones, step by step -> strict validation (unknown keys, impossible dates, negative units, over-long text
 * and dangling references are refused). Only a fully valid backup reaches the database, which then replaces
 * everything in one transaction.
 *
 * Versions: 1 = one certification and one category per education entry; 2 = an entry counts toward one or more
 * certifications (`certificationIds`), is split into `parts` (category and units each) and has `activityType` and
 * `evidence`; certifications link their study plan (`studyPlanId`).
 */
export const careerBackupFormatId = 'gantry-career-backup'
export const careerBackupSchemaVersion = 2
export const careerBackupExtension = 'gantry-career.json'
/** Backups above this many characters are refused before parsing. */
export const careerBackupMaxChars = 20 * 1024 * 1024

const limits = {
  id: 100,
  short: careerTextLimits.short,
  text: careerTextLimits.text,
  rows: 100_000,
  rules: 50,
  renewals: 100,
  certificationsPerEntry: 50,
}

const id = z.string().min(1).max(limits.id)
const short = z.string().max(limits.short)
const text = z.string().max(limits.text)
const isoDate = z.string().max(10).refine(dateIsValidIsoDate, 'must be a real date written YYYY-MM-DD')
const amount = z.number().finite()

const categoryRuleSchema = z.strictObject({
  category: short.min(1),
  min: amount.min(0).max(100_000).optional(),
  max: amount.min(0).max(100_000).optional(),
  within: short.min(1).optional(),
  per: z.literal('year').optional(),
})

const customSchema = z.strictObject({
  name: short.min(1),
  issuer: short,
  validityYears: z.number().int().min(1).max(20).nullable(),
  unitName: short.nullable(),
  unitsPerCycle: amount.gt(0).max(10_000).nullable(),
  categoryRules: z.array(categoryRuleSchema).max(limits.rules),
})

const profileSchema = z.strictObject({
  id: z.literal('me'),
  currentRole: short,
  currentLevel: z.enum(careerLevels),
  currentPath: z.enum(beyondSeniorPaths).nullable(),
  targetRole: short,
  targetLevel: z.enum(careerLevels),
  targetPath: z.enum(beyondSeniorPaths).nullable(),
  targetDate: isoDate.nullable(),
  yearsOfExperience: amount.min(0).max(60),
})

const certificationSchema = z
  .strictObject({
    id,
    catalogueId: short.nullable(),
    custom: customSchema.nullable(),
    status: z.enum(certificationStatuses),
    applicationOn: isoDate.nullable(),
    examBookedOn: isoDate.nullable(),
    examOn: isoDate.nullable(),
    earnedOn: isoDate.nullable(),
    expiresOnOverride: isoDate.nullable(),
    renewals: z
      .array(z.strictObject({ renewedOn: isoDate, route: z.enum(renewalRoutes) }))
      .max(limits.renewals),
    credentialId: short,
    notes: text,
    studyPlanId: id.nullable(),
  })
  .refine(
    (record) => record.catalogueId !== null || record.custom !== null,
    'needs a catalogue id or a custom definition',
  )
  .refine(
    (record) =>
      record.expiresOnOverride === null ||
      (record.earnedOn !== null && record.expiresOnOverride > record.earnedOn),
    'the expiry date must be after the earned date',
  )

const educationSchema = z
  .strictObject({
    id,
    certificationIds: z.array(id).min(1).max(limits.certificationsPerEntry),
    date: isoDate,
    activity: short,
    activityType: short,
    provider: short,
    parts: z
      .array(z.strictObject({ category: short.min(1), units: amount.gt(0).max(1000) }))
      .min(1)
      .max(educationMaxParts),
    evidence: short,
    note: text,
  })
  .refine((entry) => new Set(entry.certificationIds).size === entry.certificationIds.length, {
    message: 'names a certification twice',
    path: ['certificationIds'],
  })
  .refine((entry) => new Set(entry.parts.map((part) => part.category)).size === entry.parts.length, {
    message: 'lists a category twice',
    path: ['parts'],
  })
  .refine((entry) => entry.parts.reduce((sum, part) => sum + part.units, 0) <= 1000, {
    message: 'has more than 1000 units',
    path: ['parts'],
  })

const salarySchema = z.strictObject({
  id,
  date: isoDate,
  amount: amount.gt(0).max(100_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code'),
  role: short,
  note: text,
})

const skillIdSet = new Set<string>(skillIds)
const isSkillId = (value: unknown): value is SkillId => typeof value === 'string' && skillIdSet.has(value)

const skillSchema = z.strictObject({
  id: z.custom<SkillId>(isSkillId, 'is not a skill of the self-assessment'),
  current: z.number().int().min(1).max(5),
  target: z.number().int().min(1).max(5),
})

const goalSchema = z.strictObject({
  id,
  title: short.min(1),
  dueOn: isoDate.nullable(),
  isDone: z.boolean(),
  doneOn: isoDate.nullable(),
})

/** Strict schema of the tracker data in a current (version-2) backup. */
export const careerDataSchema = z.strictObject({
  profile: profileSchema.nullable(),
  certifications: z.array(certificationSchema).max(limits.rows),
  educationEntries: z.array(educationSchema).max(limits.rows),
  salaries: z.array(salarySchema).max(limits.rows),
  skills: z.array(skillSchema).max(skillIds.length),
  goals: z.array(goalSchema).max(limits.rows),
})

/**
 * The schema's output is exactly the tracker's `CareerData` type: a field added to one and not the other fails to
 * compile here, so restored data never needs a cast.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const careerSchemaMatchesData: Same<z.output<typeof careerDataSchema>, CareerData> = true
void careerSchemaMatchesData

const envelopeSchema = z.strictObject({
  format: z.literal(careerBackupFormatId),
  schemaVersion: z.number().int().min(1),
  exportedAt: z.string().max(40),
  data: z.unknown(),
})

export type CareerBackupError = {
  code: 'not-json' | 'not-a-backup' | 'newer-version' | 'invalid' | 'too-large'
  message: string
}
export type CareerBackupResult =
  { ok: true; data: CareerData; exportedAt: string } | { ok: false; error: CareerBackupError }

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Version 1 -> 2 of the tracker data (also what the database upgrade to version 3 does, row by row): an entry's
 * `certificationId` becomes `certificationIds: [id]`, its `category` and `units` become one part, and it gets an
 * empty activity type and evidence; a certification gets no study plan link. Rows that are not objects, or
 * fields of an unexpected type, are left as they are for validation to report.
 */
export function careerMigrateEducationRowV1(row: unknown): unknown {
  if (!isRecord(row)) return row
  const { certificationId, category, units, ...rest } = row
  return {
    ...rest,
    certificationIds: 'certificationIds' in row ? row.certificationIds : [certificationId],
    parts: 'parts' in row ? row.parts : [{ category, units }],
    activityType: 'activityType' in row ? row.activityType : '',
    evidence: 'evidence' in row ? row.evidence : '',
  }
}

/** Version 1 -> 2 of a certification row: no study plan linked yet. */
export function careerMigrateCertificationRowV1(row: unknown): unknown {
  if (!isRecord(row) || 'studyPlanId' in row) return row
  return { ...row, studyPlanId: null }
}

/** Migrations from backup schema version N to N + 1, applied one step at a time to unvalidated data. */
const migrations: Record<number, (data: unknown) => unknown> = {
  1: (data) => {
    if (!isRecord(data)) return data
    return {
      ...data,
      certifications: Array.isArray(data.certifications)
        ? data.certifications.map(careerMigrateCertificationRowV1)
        : data.certifications,
      educationEntries: Array.isArray(data.educationEntries)
        ? data.educationEntries.map(careerMigrateEducationRowV1)
        : data.educationEntries,
    }
  },
}

function issueText(issue: z.core.$ZodIssue | undefined): string {
  if (issue === undefined) return 'the data does not match the backup format'
  const where = issue.path.length > 0 ? issue.path.join('.') : 'the data'
  return `${where}: ${issue.message}`
}

function duplicate(ids: readonly string[]): string | null {
  const seen = new Set<string>()
  for (const value of ids) {
    if (seen.has(value)) return value
    seen.add(value)
  }
  return null
}

/** Checks what the schema cannot: unique ids and entries that belong to an existing certification. */
function careerDataCheckReferences(data: CareerData): string | null {
  for (const [table, rows] of [
    ['certification', data.certifications],
    ['education entry', data.educationEntries],
    ['salary', data.salaries],
    ['skill', data.skills],
    ['goal', data.goals],
  ] as const) {
    const twice = duplicate(rows.map((row) => row.id))
    if (twice !== null) return `${table} id "${twice}" is used twice`
  }
  const certificationIds = new Set(data.certifications.map((record) => record.id))
  for (const entry of data.educationEntries) {
    const missing = entry.certificationIds.find((certificationId) => !certificationIds.has(certificationId))
    if (missing !== undefined)
      return `education entry "${entry.activity}" refers to certification "${missing}", which is not in the backup`
  }
  return null
}

/** Validates tracker data of the current schema (used by restore and by tests of stored rows). */
export function careerDataRestore(
  candidate: unknown,
): { ok: true; data: CareerData } | { ok: false; message: string } {
  const parsed = careerDataSchema.safeParse(candidate)
  if (!parsed.success)
    return { ok: false, message: `This backup is damaged: ${issueText(parsed.error.issues[0])}.` }
  const data = parsed.data
  const problem = careerDataCheckReferences(data)
  if (problem !== null) return { ok: false, message: `This backup is damaged: ${problem}.` }
  return { ok: true, data }
}

/**
 * Reads the text of a career backup into validated, current-version data, or explains why it cannot: not
 * JSON, not a career backup, made by a newer version, or damaged. Nothing is changed by parsing.
 */
export function careerBackupParse(source: string): CareerBackupResult {
  if (source.length > careerBackupMaxChars)
    return {
      ok: false,
      error: { code: 'too-large', message: 'This file is too large to be a career backup.' },
    }
  if (source.trim() === '')
    return { ok: false, error: { code: 'not-a-backup', message: 'The backup file is empty.' } }
  let json: unknown
  try {
    json = JSON.parse(source)
  } catch {
    return {
      ok: false,
      error: {
        code: 'not-json',
        message: 'This is not a career backup: the file is not valid JSON (it may be truncated).',
      },
    }
  }
  const envelope = envelopeSchema.safeParse(json)
  if (!envelope.success) {
    return {
      ok: false,
      error: {
        code: 'not-a-backup',
        message: `This is not a Gantry career backup: the file has no "${careerBackupFormatId}" header.`,
      },
    }
  }
  let version = envelope.data.schemaVersion
  if (version > careerBackupSchemaVersion) {
    return {
      ok: false,
      error: {
        code: 'newer-version',
        message: `This backup was made by a newer version of Gantry (backup format ${version}; this version reads up to ${careerBackupSchemaVersion}). Update Gantry to restore it. Nothing was changed.`,
      },
    }
  }
  let data = envelope.data.data
  while (version < careerBackupSchemaVersion) {
    const migrate = migrations[version]
    if (migrate === undefined) {
      return {
        ok: false,
        error: {
          code: 'invalid',
          message: `This backup uses format ${version}, which this version of Gantry cannot convert. Nothing was changed.`,
        },
      }
    }
    data = migrate(data)
    version++
  }
  const restored = careerDataRestore(data)
  if (!restored.ok)
    return { ok: false, error: { code: 'invalid', message: `${restored.message} Nothing was changed.` } }
  return { ok: true, data: restored.data, exportedAt: envelope.data.exportedAt }
}

/** The text of a backup holding `data`, stamped with `exportedAt` (an ISO time). */
export function careerBackupSerialize(data: CareerData, exportedAt: string): string {
  return JSON.stringify(
    { format: careerBackupFormatId, schemaVersion: careerBackupSchemaVersion, exportedAt, data },
    null,
    1,
  )
}

/** A file name for a backup made on `day` (`YYYY-MM-DD`). */
export function careerBackupFileName(day: string): string {
  return `gantry-career-${day}.${careerBackupExtension}`
}
