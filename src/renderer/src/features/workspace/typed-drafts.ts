/**
 * What a user typed and has not yet added to the plan (a status report's commentary, a new RAID item; in the career
 * tracker, a new education-log activity), kept per plan
 * in the browser's storage (localStorage, which the desktop app keeps in its user-data folder) from the first key
 * press until it is saved or discarded, so closing the plan or the app, or a crash, does not lose it. A refused
 * write is reported, so the view can say the draft is not kept.
 */

/** The drafts kept: each kind has its own key per plan (per certification for the education log). */
export type TypedDraftKind = 'status-report' | 'raid' | 'career-education'

const keyOf = (kind: TypedDraftKind, planId: string): string => `gantry.${kind}-draft.${planId}`

/**
 * The draft of `kind` kept for `planId`, checked by `parse`.
 * @returns what `parse` makes of it, or null when there is none or it is unreadable
 */
export function typedDraftRead<T>(
  kind: TypedDraftKind,
  planId: string,
  parse: (value: unknown) => T | null,
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): T | null {
  try {
    const text = storage?.getItem(keyOf(kind, planId)) ?? null
    return text === null ? null : parse(JSON.parse(text))
  } catch {
    return null
  }
}

/**
 * Keeps `value` as the draft of `kind` for `planId`; null removes it.
 * @returns false when the storage refused the write (full, or switched off)
 */
export function typedDraftWrite(
  kind: TypedDraftKind,
  planId: string,
  value: unknown,
  storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined = globalThis.localStorage,
): boolean {
  try {
    if (storage === undefined) return false
    if (value === null) storage.removeItem(keyOf(kind, planId))
    else storage.setItem(keyOf(kind, planId), JSON.stringify(value))
    return true
  } catch {
    return false
  }
}
