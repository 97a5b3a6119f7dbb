/**
 * Typed numbers the commands read that have no parser of their own in `domain/`: a percentage, a whole number in
 * a range. (Typed dates are `dateParseTyped` in `domain/dates.ts`.)
 */
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
