import { z } from 'zod'
import certificationsJson from './data/certifications.json'
import salaryBandsJson from './data/salary-bands.json'

/*
 * The built-in catalogue: `data/certifications.json` and `data/salary-bands.json`, read as JSON and validated here
 * with strict schemas (no TypeScript copy to keep in step). The project's `data/` files are copies of
 * `../shared/career/*.json`, the product's source of truth, extended with the rules the tracker applies; the schema
 * accepts both (every field the shared file lacks has a default), so the shared file stays readable as it is.
 */

/**
 * One continuing-education rule of a certification, as the catalogue writes it.
 * - `min`: at least this many units must be in the category (per cycle, or per cycle year when `per` is `year`).
 * - `max`: at most this many units of the category count; the rest are logged but do not count.
 * - `within`: the category is a sub-category of another rule's category; its units also count toward the parent
 *   (and toward the parent's cap).
 * - A category named `All <unit> categories` (e.g. "All CPD categories") means every logged unit; the catalogue now
 *   writes such a rule as `unitsPerYear`, but custom certifications may still use it.
 */
export type CategoryRule = {
  category: string
  min?: number
  max?: number
  within?: string
  per?: 'year'
}

const text = z.string().min(1).max(5000)
const amount = z.number().finite().min(0).max(100_000)

const categoryRuleSchema = z.strictObject({
  category: z.string().min(1).max(200),
  min: amount.optional(),
  max: amount.optional(),
  within: z.string().min(1).max(200).optional(),
  per: z.literal('year').optional(),
})

/** Figures the catalogue records a verification level for; the first four are in every entry. */
export const verifiedFields = ['validityYears', 'unitsPerCycle', 'categoryRules', 'renewalFee'] as const
export type VerifiedField = (typeof verifiedFields)[number]
/** Rules added for the tracker's CCR features; an entry records a level only for the ones that apply to it. */
export const ruleFields = [
  'unitsPerYear',
  'unitsPerActivity',
  'unitStep',
  'carryOverMax',
  'suspensionYears',
  'unitPool',
  'renewalGroup',
  'addOnUnits',
  'examNeedsApplication',
  'activityTypes',
  'membership',
] as const
export type RuleField = (typeof ruleFields)[number]
export type CatalogueField = VerifiedField | RuleField

const verificationText = z.string().min(1).max(500)
const verificationSchema = z.strictObject({
  validityYears: verificationText,
  unitsPerCycle: verificationText,
  categoryRules: verificationText,
  renewalFee: verificationText,
  ...Object.fromEntries(ruleFields.map((field) => [field, verificationText.optional()])),
} as { [K in VerifiedField]: typeof verificationText } & {
  [K in RuleField]: z.ZodOptional<typeof verificationText>
})

const renewalGroupSchema = z.strictObject({
  /** Certifications with the same group id share one renew-by date. */
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(500),
  /** Higher ranks renew lower ones (Scrum Alliance: foundational 1, advanced 2, professional 3). */
  rank: z.number().int().min(1).max(10),
  /** The certification track inside the group (ScrumMaster, Product Owner); `null` when the group has none. */
  track: z.string().min(1).max(100).nullable(),
})

const membershipSchema = z.strictObject({
  name: z.string().min(1).max(200),
  /** Dues per year, in `currency`. */
  annualFee: amount,
  /** Paid once, in the first year. */
  joiningFee: amount,
  currency: z.string().regex(/^[A-Z]{3}$/),
})

/** The schema of one certification of `certifications.json`. */
export const catalogueCertificationSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]{1,60}$/, 'must be lower-case letters, digits and dashes'),
    name: z.string().min(1).max(200),
    issuer: z.string().min(1).max(200),
    /** Years from the earned date to expiry; `null` for lifetime certificates. */
    validityYears: z.number().int().min(1).max(20).nullable(),
    expires: z.boolean(),
    /** PDU, CPD, SEU, CEU; `null` when nothing is logged. */
    unitName: z.string().min(1).max(40).nullable(),
    /** Units needed per renewal cycle; `null` when there is no continuing-education requirement. */
    unitsPerCycle: amount.nullable(),
    categoryRules: z.array(categoryRuleSchema).max(50),
    renewalFee: amount.nullable(),
    renewalFeeCurrency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .nullable(),
    renewalFeeMember: amount.nullable(),
    /** Units needed in every year of the cycle (PeopleCert: 20 CPD points). */
    unitsPerYear: amount.nullable().default(null),
    /** What one activity may count for (PeopleCert: 0.5 to 15 points); `null` = no limit. */
    unitsPerActivity: z.strictObject({ min: amount, max: amount }).nullable().default(null),
    /** Units are logged in steps of this size (0.25 = quarter hours). */
    unitStep: z.number().positive().max(1).default(0.25),
    /** Most units of a cycle's last year above the requirement that count toward the next cycle; `null` = none. */
    carryOverMax: amount.nullable().default(null),
    /** Years after expiry in which the holder can still renew (PMI's suspension); `null` = none. */
    suspensionYears: z.number().int().min(1).max(5).nullable().default(null),
    /** Which units are interchangeable: certifications of one pool count the same logged activity. */
    unitPool: z.string().min(1).max(100).nullable().default(null),
    /** Other pools whose units this certification accepts one for one (Scrum Alliance accepts PDUs as SEUs). */
    acceptsUnitPools: z.array(z.string().min(1).max(100)).max(20).default([]),
    renewalGroup: renewalGroupSchema.nullable().default(null),
    /** Units a certification of another track adds to its group's requirement (Scrum Alliance add-on SEUs). */
    addOnUnits: amount.nullable().default(null),
    /** Whether the exam needs an approved application first (PMI); `null` = not recorded. */
    examNeedsApplication: z.boolean().nullable().default(null),
    /** The activity types the certifying body's reporting system offers. */
    activityTypes: z.array(z.string().min(1).max(200)).max(50).default([]),
    membership: membershipSchema.nullable().default(null),
    notes: text,
    sources: z
      .array(z.url({ protocol: /^https?$/ }))
      .min(1)
      .max(50),
    /** Free text per figure: "official", "secondary", "unverified", "n/a", sometimes with a remark in brackets. */
    verification: verificationSchema,
  })
  .refine((entry) => entry.expires === (entry.validityYears !== null), {
    message: 'expires must be true exactly when validityYears is set',
    path: ['expires'],
  })
  .refine(
    (entry) =>
      entry.categoryRules.every(
        (rule) =>
          rule.within === undefined ||
          entry.categoryRules.some((other) => other.category === rule.within && other !== rule),
      ),
    { message: 'a rule is "within" a category that has no rule of its own', path: ['categoryRules'] },
  )
  .refine(
    (entry) => entry.unitsPerActivity === null || entry.unitsPerActivity.min <= entry.unitsPerActivity.max,
    { message: 'the per-activity minimum is above the maximum', path: ['unitsPerActivity'] },
  )

/** A certification of the built-in catalogue. */
export type CatalogueCertification = z.output<typeof catalogueCertificationSchema>
export type RenewalGroup = z.output<typeof renewalGroupSchema>
export type Membership = z.output<typeof membershipSchema>

const salaryBandSchema = z.strictObject({
  id: z.string().min(1).max(60),
  label: z.string().min(1).max(200),
  /** Inclusive lower bound, per `period`, in `currency`. */
  min: z.number().finite().min(0),
  /** Exclusive upper bound; for an open-ended band the typical top of the range, not a limit. */
  max: z.number().finite().min(0),
  openEnded: z.boolean(),
  /** How the source document writes the range; the UI formats ranges itself so every range looks alike. */
  display: z.string().max(100).optional(),
})

const salaryStageSchema = z.strictObject({
  id: z.string().min(1).max(60),
  label: z.string().min(1).max(200),
  bandId: z.string().min(1).max(60).nullable(),
  focus: z.array(z.string().min(1).max(200)).max(20).optional(),
  paths: z.array(z.string().min(1).max(200)).max(20).optional(),
})

/** The schema of `salary-bands.json`. */
export const salaryBandsSchema = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/),
  period: z.string().min(1).max(40),
  role: z.string().min(1).max(200),
  origin: text,
  boundaryRule: text,
  bands: z.array(salaryBandSchema).min(1).max(20),
  stages: z.array(salaryStageSchema).max(20),
  notes: text,
})

export type SalaryBand = z.output<typeof salaryBandSchema>
export type SalaryStage = z.output<typeof salaryStageSchema>
export type SalaryBandsDocument = z.output<typeof salaryBandsSchema>

function issueText(error: z.ZodError): string {
  const issue = error.issues[0]
  if (issue === undefined) return 'does not match the catalogue format'
  return `${issue.path.length > 0 ? issue.path.join('.') : 'the file'}: ${issue.message}`
}

export type CatalogueParseResult =
  { ok: true; certifications: CatalogueCertification[] } | { ok: false; message: string }

/**
 * Validates the text-decoded contents of a `certifications.json`: every entry against the schema (defaults filled
 * for the fields the shared file predates), ids unique. Returns the entries in file order or the first problem.
 */
export function catalogueParse(json: unknown): CatalogueParseResult {
  const parsed = z.array(catalogueCertificationSchema).min(1).max(500).safeParse(json)
  if (!parsed.success) return { ok: false, message: `certifications.json ${issueText(parsed.error)}` }
  const seen = new Set<string>()
  for (const entry of parsed.data) {
    if (seen.has(entry.id))
      return { ok: false, message: `certifications.json: id "${entry.id}" is used twice` }
    seen.add(entry.id)
  }
  return { ok: true, certifications: parsed.data }
}

function catalogueLoad(): CatalogueCertification[] {
  const result = catalogueParse(certificationsJson)
  // The JSON ships inside the build and a test validates it, so a failure here is a packaging error.
  if (!result.ok) throw new Error(`The built-in certification catalogue is damaged: ${result.message}`)
  return result.certifications
}

function salaryBandsLoad(): SalaryBandsDocument {
  const parsed = salaryBandsSchema.safeParse(salaryBandsJson)
  if (!parsed.success)
    throw new Error(`The built-in salary bands are damaged: salary-bands.json ${issueText(parsed.error)}`)
  return parsed.data
}

/** How well a catalogue figure is backed: by the certifying body, by secondary pages only, or not at all. */
export type VerificationLevel = 'official' | 'secondary' | 'unverified' | 'not-applicable'

/** The certifications shipped with Gantry, in catalogue order. */
export const catalogueCertifications: readonly CatalogueCertification[] = catalogueLoad()

/** The market salary bands shipped with Gantry. */
export const catalogueSalaryBands: SalaryBandsDocument = salaryBandsLoad()

/** The catalogue certification with this id, or `undefined`. */
export function catalogueFind(id: string): CatalogueCertification | undefined {
  return catalogueCertifications.find((certification) => certification.id === id)
}

/**
 * Classifies a catalogue verification text by its first word: "official (practitioner cap: secondary)" is
 * official, "unverified (secondary only)" is unverified, "n/a" is not applicable. Unknown wording counts as
 * unverified, so nothing is shown as more certain than it is.
 */
export function catalogueVerificationLevel(text: string): VerificationLevel {
  const head = text.trim().toLowerCase()
  if (head.startsWith('official')) return 'official'
  if (head.startsWith('secondary')) return 'secondary'
  if (head.startsWith('n/a')) return 'not-applicable'
  return 'unverified'
}

/** Whether the verification text carries a remark in brackets (e.g. one part of the figure is less certain). */
export function catalogueVerificationHasRemark(text: string): boolean {
  return /\(.+\)/.test(text)
}

/** A figure of a catalogue certification that is not confirmed by the certifying body's own pages. */
export type UnverifiedFigure = {
  certificationId: string
  field: CatalogueField
  level: VerificationLevel
  text: string
}

/** The verification texts an entry records, base figures first, in `verifiedFields` then `ruleFields` order. */
export function catalogueVerifications(
  certification: CatalogueCertification,
): { field: CatalogueField; text: string }[] {
  const list: { field: CatalogueField; text: string }[] = verifiedFields.map((field) => ({
    field,
    text: certification.verification[field],
  }))
  for (const field of ruleFields) {
    const text = certification.verification[field]
    if (text !== undefined) list.push({ field, text })
  }
  return list
}

/**
 * Every figure of the catalogue that is not plainly official: secondary-only, unverified, or official with a
 * less certain part. Figures marked not applicable are left out.
 */
export function catalogueUnverifiedFigures(
  certifications: readonly CatalogueCertification[] = catalogueCertifications,
): UnverifiedFigure[] {
  const figures: UnverifiedFigure[] = []
  for (const certification of certifications) {
    for (const { field, text } of catalogueVerifications(certification)) {
      const level = catalogueVerificationLevel(text)
      if (level === 'not-applicable') continue
      if (level === 'official' && !catalogueVerificationHasRemark(text)) continue
      figures.push({ certificationId: certification.id, field, level, text })
    }
  }
  return figures
}
