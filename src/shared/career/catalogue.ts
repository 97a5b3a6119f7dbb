import { catalogueCertificationsData, salaryBandsData } from './catalogue-data'

/**
 * One continuing-education rule of a certification, as the catalogue writes it.
 * - `min`: at least this many units must be in the category (per cycle, or per cycle year when `per` is `year`).
 * - `max`: at most this many units of the category count; the rest are logged but do not count.
 * - `within`: the category is a sub-category of another rule's category; its units also count toward the parent
 *   (and toward the parent's cap).
 * - A category named `All <unit> categories` (e.g. "All CPD categories") means every logged unit.
 */
export type CategoryRule = {
  category: string
  min?: number
  max?: number
  within?: string
  per?: 'year'
}

/** Field names whose verification level the catalogue records. */
export const verifiedFields = ['validityYears', 'unitsPerCycle', 'categoryRules', 'renewalFee'] as const
export type VerifiedField = (typeof verifiedFields)[number]

/** A certification of the built-in catalogue (shape of `certifications.json`). */
export type CatalogueCertification = {
  id: string
  name: string
  issuer: string
  /** Years from the earned date to expiry; `null` for lifetime certificates. */
  validityYears: number | null
  expires: boolean
  /** PDU, CPD, SEU, CEU; `null` when nothing is logged. */
  unitName: string | null
  /** Units needed per renewal cycle; `null` when there is no continuing-education requirement. */
  unitsPerCycle: number | null
  categoryRules: CategoryRule[]
  renewalFee: number | null
  renewalFeeCurrency: string | null
  renewalFeeMember: number | null
  notes: string
  sources: string[]
  /** Free text per figure: "official", "secondary", "unverified", "n/a", sometimes with a remark in brackets. */
  verification: Record<VerifiedField, string>
}

export type SalaryBand = {
  id: string
  label: string
  /** Inclusive lower bound, per `period`, in `currency`. */
  min: number
  /** Exclusive upper bound; for an open-ended band the typical top of the range, not a limit. */
  max: number
  openEnded: boolean
  display?: string
}

export type SalaryStage = {
  id: string
  label: string
  bandId: string | null
  focus?: string[]
  paths?: string[]
}

/** Shape of `salary-bands.json`. */
export type SalaryBandsDocument = {
  currency: string
  period: string
  role: string
  origin: string
  boundaryRule: string
  bands: SalaryBand[]
  stages: SalaryStage[]
  notes: string
}

/** How well a catalogue figure is backed: by the certifying body, by secondary pages only, or not at all. */
export type VerificationLevel = 'official' | 'secondary' | 'unverified' | 'not-applicable'

/** The certifications shipped with Gantry, in catalogue order. */
export const catalogueCertifications: readonly CatalogueCertification[] = catalogueCertificationsData

/** The market salary bands shipped with Gantry. */
export const catalogueSalaryBands: SalaryBandsDocument = salaryBandsData

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
  field: VerifiedField
  level: VerificationLevel
  text: string
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
    for (const field of verifiedFields) {
      const text = certification.verification[field]
      const level = catalogueVerificationLevel(text)
      if (level === 'not-applicable') continue
      if (level === 'official' && !catalogueVerificationHasRemark(text)) continue
      figures.push({ certificationId: certification.id, field, level, text })
    }
  }
  return figures
}
