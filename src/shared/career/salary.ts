import { catalogueSalaryBands, type SalaryBand, type SalaryBandsDocument } from './catalogue'
import type { SalaryEntry } from './model'

/**
 * Where a salary sits in the market bands:
 * - `in-band`: inside a band (`band` set);
 * - `above-typical`: in the open-ended top band, above its typical top figure;
 * - `below-bands`: under the lowest band;
 * - `other-currency`: the bands are in another currency, so no placement is made.
 */
export type SalaryPlacement =
  | { kind: 'in-band' | 'above-typical'; band: SalaryBand; fraction: number }
  | { kind: 'below-bands'; band: null; fraction: 0 }
  | { kind: 'other-currency'; band: null; fraction: 0 }

/**
 * Places a yearly salary in the bands. A band's `min` is inclusive and its `max` exclusive, so a salary exactly
 * on a shared boundary belongs to the higher band (75,000 is mid-level); the open-ended top band has no upper
 * limit. `fraction` is the position inside the band, 0 at its minimum to 1 at its (typical) maximum, capped at 1.
 */
export function salaryPlace(
  amount: number,
  currency: string,
  document: SalaryBandsDocument = catalogueSalaryBands,
): SalaryPlacement {
  if (currency.toUpperCase() !== document.currency.toUpperCase())
    return { kind: 'other-currency', band: null, fraction: 0 }
  const bands = [...document.bands].sort((a, b) => a.min - b.min)
  for (const band of bands) {
    const isInside = amount >= band.min && (band.openEnded || amount < band.max)
    if (!isInside) continue
    const fraction = Math.min(1, (amount - band.min) / (band.max - band.min))
    return { kind: band.openEnded && amount >= band.max ? 'above-typical' : 'in-band', band, fraction }
  }
  return { kind: 'below-bands', band: null, fraction: 0 }
}

/**
 * A band's range as every range in the tracker is written: thousands separated, an en dash between the figures and
 * a "+" after an open-ended band ("75,000–95,000", "95,000–120,000+"). The source document's own `display` text is
 * not used, so all ranges look alike.
 */
export function salaryBandRange(band: SalaryBand): string {
  const money = (value: number) => value.toLocaleString('en-US')
  return `${money(band.min)}–${money(band.max)}${band.openEnded ? '+' : ''}`
}

/** A short sentence describing a placement, e.g. "Mid-level band (75,000–95,000 USD)". */
export function salaryPlacementLabel(
  placement: SalaryPlacement,
  document: SalaryBandsDocument = catalogueSalaryBands,
): string {
  const money = (value: number) => value.toLocaleString('en-US')
  switch (placement.kind) {
    case 'in-band':
      return `${placement.band.label} band (${salaryBandRange(placement.band)} ${document.currency})`
    case 'above-typical':
      return `${placement.band.label} band, above the typical ${money(placement.band.max)} ${document.currency}`
    case 'below-bands':
      return `Below the market bands (under ${money(Math.min(...document.bands.map((band) => band.min)))} ${document.currency})`
    case 'other-currency':
      return `Not placed: the market bands are in ${document.currency}`
  }
}

/** Salary entries sorted by date, oldest first. */
export function salaryHistory(entries: readonly SalaryEntry[]): SalaryEntry[] {
  return [...entries].sort((a, b) =>
    a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? -1 : 1,
  )
}

/** Change between the first and last salary of the history in percent, or `null` with fewer than two in one currency. */
export function salaryGrowthPercent(entries: readonly SalaryEntry[]): number | null {
  const history = salaryHistory(entries)
  const first = history[0]
  const last = history.at(-1)
  if (history.length < 2 || first === undefined || last === undefined) return null
  if (first.currency !== last.currency || first.amount <= 0) return null
  return Math.round(((last.amount - first.amount) / first.amount) * 1000) / 10
}
