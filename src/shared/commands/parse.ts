/**
 * Typed numbers the commands read that have no parser of their own in `domain/`: a percentage, a whole number in
 * a range; and how a refused date says what to type. (Typed dates are `dateParseTyped` in `domain/dates.ts`.)
 */
import type { DateOrder } from '../domain/dates'

const datePatterns: Record<DateOrder, { pattern: string; example: string }> = {
  mdy: { pattern: 'M/D/YYYY', example: '3/2/2026' },
  dmy: { pattern: 'D/M/YYYY', example: '2/3/2026' },
  ymd: { pattern: 'YYYY-MM-DD', example: '2026-03-02' },
}

/** What a refused date tells the user to type: their locale's numeric form, and ISO. */
export function parseDateHint(order: DateOrder | null | undefined): string {
  if (order === null || order === undefined || order === 'ymd') return 'Type it as YYYY-MM-DD, for example 2026-03-02.'
  const { pattern, example } = datePatterns[order]
  return `Type it as ${pattern} (for example ${example}) or YYYY-MM-DD.`
}

/** A number typed with an optional `%` sign ("40", "40%", "12.5 %"); `null` when it is not one. */
export function parsePercent(text: string): number | null {
  const match = /^\s*(\d+(?:[.,]\d+)?)\s*%?\s*$/.exec(text)
  if (match === null || match[1] === undefined) return null
  const value = Number(match[1].replace(',', '.'))
  return Number.isFinite(value) ? value : null
}

/** A whole number typed in [min, max]; `null` when the text is not one. */
export function parseWholeNumber(text: string, min: number, max: number): number | null {
  const trimmed = text.trim()
  if (!/^[+-]?\d+$/.test(trimmed)) return null
  const value = Number(trimmed)
  return Number.isSafeInteger(value) && value >= min && value <= max ? value : null
}
