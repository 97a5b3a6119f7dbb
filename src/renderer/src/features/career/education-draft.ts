/**
 * A new education-log activity as far as it was typed, kept per certification in storage (`typed-drafts.ts`) until
 * it is logged, so leaving the Career page, editing another activity, a reload or a crash does not lose it.
 */
import type { EducationEntryDraft } from '../../../../shared/career/validate'
import { typedDraftRead, typedDraftWrite } from '../workspace/typed-drafts'

const textFields = ['date', 'activity', 'activityType', 'provider', 'evidence', 'note'] as const

/** A stored draft read back; null when it is not what the form holds. */
export function educationDraftParse(value: unknown): EducationEntryDraft | null {
  if (typeof value !== 'object' || value === null) return null
  const record = value as Record<string, unknown>
  if (!textFields.every((field) => typeof record[field] === 'string')) return null
  const parts = record.parts
  if (!Array.isArray(parts) || parts.length === 0) return null
  const checked = parts.map((part: unknown) => {
    if (typeof part !== 'object' || part === null) return null
    const { category, units } = part as Record<string, unknown>
    return typeof category === 'string' && typeof units === 'string' ? { category, units } : null
  })
  if (checked.some((part) => part === null)) return null
  const text = (field: (typeof textFields)[number]) => String(record[field])
  return {
    date: text('date'),
    activity: text('activity'),
    activityType: text('activityType'),
    provider: text('provider'),
    evidence: text('evidence'),
    note: text('note'),
    parts: checked.filter((part) => part !== null),
  }
}

/** Whether nothing was typed (the date and category are the form's own defaults). */
function isBlank(draft: EducationEntryDraft): boolean {
  return (
    draft.activity === '' &&
    draft.activityType === '' &&
    draft.provider === '' &&
    draft.evidence === '' &&
    draft.note === '' &&
    draft.parts.every((part) => part.units === '')
  )
}

/** The new activity kept for certification `recordId`, or null. */
export function educationDraftRead(recordId: string): EducationEntryDraft | null {
  return typedDraftRead('career-education', recordId, educationDraftParse)
}

/**
 * Keeps `draft` as the new activity of `recordId` (removed when nothing is typed).
 * @returns false when the storage refused the write
 */
export function educationDraftWrite(recordId: string, draft: EducationEntryDraft): boolean {
  return typedDraftWrite('career-education', recordId, isBlank(draft) ? null : draft)
}
