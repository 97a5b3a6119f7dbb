/**
 * The status report's typed commentary and decisions, kept per plan in the browser's storage (localStorage, which the
 * desktop app keeps in its user-data folder) from the first key press until the report is saved, so closing the plan
 * or the app, or a crash, does not lose them. A refused write is reported, so the view can say the draft is not kept.
 */

/** What is kept of a draft: the two texts the user typed. */
export type ReportDraftTexts = { commentary: string; decisions: string }

const keyPrefix = 'gantry.status-report-draft.'

function keyOf(planId: string): string {
  return `${keyPrefix}${planId}`
}

/** The draft kept for `planId`, or null when there is none (or it is unreadable). */
export function reportDraftRead(planId: string, storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): ReportDraftTexts | null {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(keyOf(planId)) ?? 'null')
    if (typeof parsed !== 'object' || parsed === null) return null
    const { commentary, decisions } = parsed as Record<string, unknown>
    if (typeof commentary !== 'string' || typeof decisions !== 'string') return null
    return { commentary, decisions }
  } catch {
    return null
  }
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
  try {
    if (storage === undefined) return false
    if (texts.commentary === '' && texts.decisions === '') storage.removeItem(keyOf(planId))
    else storage.setItem(keyOf(planId), JSON.stringify({ commentary: texts.commentary, decisions: texts.decisions }))
    return true
  } catch {
    return false
  }
}
