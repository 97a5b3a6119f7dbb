/** The status report's typed commentary and decisions, kept per plan until the report is saved (`typed-drafts.ts`). */
import { typedDraftRead, typedDraftWrite } from '../workspace/typed-drafts'

/** What is kept of a draft: the two texts the user typed. */
export type ReportDraftTexts = { commentary: string; decisions: string }

function parse(value: unknown): ReportDraftTexts | null {
  if (typeof value !== 'object' || value === null) return null
  const { commentary, decisions } = value as Record<string, unknown>
  return typeof commentary === 'string' && typeof decisions === 'string' ? { commentary, decisions } : null
}

/** The draft kept for `planId`, or null when there is none (or it is unreadable). */
export function reportDraftRead(planId: string, storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): ReportDraftTexts | null {
  return typedDraftRead('status-report', planId, parse, storage)
}

/**
 * Keeps `texts` as the draft of `planId`; empty texts remove it.
 * @returns false when the storage refused the write (full, or switched off)
 */
export function reportDraftWrite(
  planId: string,
  texts: ReportDraftTexts,
  storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined = globalThis.localStorage,
): boolean {
  const isEmpty = texts.commentary === '' && texts.decisions === ''
  return typedDraftWrite('status-report', planId, isEmpty ? null : { commentary: texts.commentary, decisions: texts.decisions }, storage)
}
