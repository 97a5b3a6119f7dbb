import type { IsoDate } from '../domain/model'
import type { CategoryRule } from './catalogue'

/**
 * The career tracker's records, as stored in the `gantry-career` database and in backups.
 * Dates are calendar days `YYYY-MM-DD`. Money is a plain number in the record's currency, per year.
 */

export const careerLevels = ['entry', 'mid', 'senior', 'beyond'] as const
export type CareerLevel = (typeof careerLevels)[number]

export const careerLevelLabels: Record<CareerLevel, string> = {
  entry: 'Entry-level',
  mid: 'Mid-level',
  senior: 'Senior',
  beyond: 'Beyond senior',
}

/** Paths beyond senior, as `salary-bands.json` names them. */
export const beyondSeniorPaths = ['program', 'portfolio', 'pmo', 'it-operations'] as const
export type BeyondSeniorPath = (typeof beyondSeniorPaths)[number]

export const beyondSeniorPathLabels: Record<BeyondSeniorPath, string> = {
  program: 'Program management',
  portfolio: 'Portfolio management',
  pmo: 'PMO leadership',
  'it-operations': 'IT operations leadership',
}

export type CareerProfile = {
  /** Always `me`: one profile per database. */
  id: 'me'
  currentRole: string
  currentLevel: CareerLevel
  /** Only for the `beyond` level. */
  currentPath: BeyondSeniorPath | null
  targetRole: string
  targetLevel: CareerLevel
  targetPath: BeyondSeniorPath | null
  targetDate: IsoDate | null
  yearsOfExperience: number
}

export const certificationStatuses = ['planned', 'studying', 'exam-booked', 'earned', 'expired'] as const
export type CertificationStatus = (typeof certificationStatuses)[number]

export const certificationStatusLabels: Record<CertificationStatus, string> = {
  planned: 'Planned',
  studying: 'Studying',
  'exam-booked': 'Exam booked',
  earned: 'Earned',
  expired: 'Expired',
}

/**
 * What the tracker shows for a certification: the stored status, or `suspended` in the year after expiry in which
 * PMI still lets the holder renew (the certificate may not be used meanwhile).
 */
export type CertificationDisplayStatus = CertificationStatus | 'suspended'

export const certificationDisplayStatusLabels: Record<CertificationDisplayStatus, string> = {
  ...certificationStatusLabels,
  suspended: 'Suspended',
}

/** The rules of a certification the user defined, in the catalogue's terms. */
export type CustomCertificationDefinition = {
  name: string
  issuer: string
  /** `null` for a lifetime certificate. */
  validityYears: number | null
  unitName: string | null
  unitsPerCycle: number | null
  categoryRules: CategoryRule[]
}

/**
 * How a cycle was renewed: `units` by continuing education (the new cycle starts the day after the old one
 * ends), `exam` by passing an exam again (the new cycle starts on the exam day).
 */
export const renewalRoutes = ['units', 'exam'] as const
export type RenewalRoute = (typeof renewalRoutes)[number]
export type Renewal = { renewedOn: IsoDate; route: RenewalRoute }

export type CertificationRecord = {
  id: string
  /** The catalogue entry, or `null` for a custom certification (then `custom` is set). */
  catalogueId: string | null
  custom: CustomCertificationDefinition | null
  status: CertificationStatus
  applicationOn: IsoDate | null
  examBookedOn: IsoDate | null
  examOn: IsoDate | null
  earnedOn: IsoDate | null
  /** The expiry printed on the certificate when it differs from earned date + validity; `null` = computed. */
  expiresOnOverride: IsoDate | null
  /** In order; each one rolled the renewal cycle over. */
  renewals: Renewal[]
  credentialId: string
  notes: string
  /** The Gantry plan made for preparing the exam (`gantry` database id), or `null`. */
  studyPlanId: string | null
}

/** The units of one activity that fall in one category (a Talent Triangle area, a CPD category). */
export type EducationPart = {
  category: string
  /** PDUs, CPD points, SEUs, ... (the certification's unit), > 0. */
  units: number
}

/**
 * One continuing-education activity, logged once. It counts toward every certification in `certificationIds` whose
 * rules accept its units (PMI PDUs toward PMP and PMI-ACP; Scrum Alliance accepts PDUs as SEUs); the first one is
 * the certification it was logged under, whose unit it is counted in. An activity split across categories (PMI's
 * Talent Triangle areas) has one part per category.
 */
export type EducationEntry = {
  id: string
  /** At least one; no duplicates. */
  certificationIds: string[]
  date: IsoDate
  activity: string
  /** The reporting system's activity type ("Course or training", "Read"), or empty. */
  activityType: string
  provider: string
  /** One or more, each category once. */
  parts: EducationPart[]
  /** Where the proof is kept for an audit: a certificate number, a file name, a link. */
  evidence: string
  note: string
}

/** The units of an entry over all its parts. */
export function educationEntryUnits(entry: Pick<EducationEntry, 'parts'>): number {
  return Math.round(entry.parts.reduce((sum, part) => sum + part.units, 0) * 100) / 100
}

/** An entry with the given id and overrides: one part of 1 unit in "Education", dated 2025-01-01. */
export function educationEntryMake(id: string, overrides: Partial<EducationEntry> = {}): EducationEntry {
  return {
    id,
    certificationIds: [],
    date: '2025-01-01',
    activity: 'Activity',
    activityType: '',
    provider: '',
    parts: [{ category: 'Education', units: 1 }],
    evidence: '',
    note: '',
    ...overrides,
  }
}

export type SalaryEntry = {
  id: string
  date: IsoDate
  /** Gross per year. */
  amount: number
  /** Three-letter code; only USD can be placed in the shipped market bands. */
  currency: string
  role: string
  note: string
}

export const skillGroups = ['core', 'tools', 'methods'] as const
export type SkillGroup = (typeof skillGroups)[number]

/** The skills of the self-assessment, with the group each belongs to. */
export const careerSkills = [
  { id: 'leadership', label: 'Leadership', group: 'core' },
  { id: 'communication', label: 'Communication', group: 'core' },
  { id: 'organization', label: 'Organization', group: 'core' },
  { id: 'problem-solving', label: 'Problem-solving', group: 'core' },
  { id: 'technical-fluency', label: 'Technical fluency', group: 'core' },
  { id: 'jira', label: 'Jira', group: 'tools' },
  { id: 'microsoft-project', label: 'Microsoft Project', group: 'tools' },
  { id: 'confluence', label: 'Confluence', group: 'tools' },
  { id: 'smartsheet', label: 'Smartsheet', group: 'tools' },
  { id: 'teams', label: 'Teams', group: 'tools' },
  { id: 'agile', label: 'Agile', group: 'methods' },
  { id: 'waterfall', label: 'Waterfall', group: 'methods' },
] as const satisfies readonly { id: string; label: string; group: SkillGroup }[]
export type SkillId = (typeof careerSkills)[number]['id']
export const skillIds = careerSkills.map((skill) => skill.id) as SkillId[]

/** A self-assessed skill: levels 1 (novice) to 5 (expert). */
export type SkillAssessment = { id: SkillId; current: number; target: number }

export type CareerGoal = {
  id: string
  title: string
  dueOn: IsoDate | null
  isDone: boolean
  doneOn: IsoDate | null
}

/**
 * Longest text the tracker stores, in characters: names, roles, providers and other one-line fields (`short`),
 * notes (`text`). Longer input is refused with a message, never cut.
 */
export const careerTextLimits = { short: 500, text: 20_000 } as const

/** Most categories one activity can be split into. */
export const educationMaxParts = 10

/** Everything the tracker stores: what a backup holds. */
export type CareerData = {
  profile: CareerProfile | null
  certifications: CertificationRecord[]
  educationEntries: EducationEntry[]
  salaries: SalaryEntry[]
  skills: SkillAssessment[]
  goals: CareerGoal[]
}

/** A profile with empty fields, for a first start. */
export function careerProfileDefault(): CareerProfile {
  return {
    id: 'me',
    currentRole: '',
    currentLevel: 'entry',
    currentPath: null,
    targetRole: '',
    targetLevel: 'mid',
    targetPath: null,
    targetDate: null,
    yearsOfExperience: 0,
  }
}

/** A certification record with every optional field empty. */
export function certificationMake(
  id: string,
  overrides: Partial<CertificationRecord> = {},
): CertificationRecord {
  return {
    id,
    catalogueId: null,
    custom: null,
    status: 'planned',
    applicationOn: null,
    examBookedOn: null,
    examOn: null,
    earnedOn: null,
    expiresOnOverride: null,
    renewals: [],
    credentialId: '',
    notes: '',
    studyPlanId: null,
    ...overrides,
  }
}

/** Empty tracker data. */
export function careerDataEmpty(): CareerData {
  return { profile: null, certifications: [], educationEntries: [], salaries: [], skills: [], goals: [] }
}

/** PMI's former Talent Triangle names and what they are called now (the catalogue notes the renaming). */
export const legacyCategoryNames: Readonly<Record<string, string>> = {
  Technical: 'Ways of Working',
  'Technical Project Management': 'Ways of Working',
  Leadership: 'Power Skills',
  Strategic: 'Business Acumen',
  'Strategic and Business Management': 'Business Acumen',
}

/** The current name of an education category: renamed Talent Triangle areas map to their new names. */
export function educationCategoryCurrentName(category: string): string {
  const name = category.trim()
  return Object.hasOwn(legacyCategoryNames, name) ? (legacyCategoryNames[name] ?? category) : category
}
