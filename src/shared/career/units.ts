/*
 * How continuing-education units read in sentences: "1 PDU", "23 PDUs", "1 CPD point", "20 CPD points".
 */

/**
 * The unit's name for `count` of it, in plain words: PeopleCert's "CPD" reads "CPD point(s)", an acronym gets an
 * "s" when plural ("PDUs", "SEUs"), a word that already ends in "s" stays as it is, and no unit reads "unit(s)".
 */
export function unitLabel(unitName: string | null, count: number): string {
  const isOne = Math.abs(count) === 1
  const name = (unitName ?? '').trim()
  if (name === '') return isOne ? 'unit' : 'units'
  if (name.toUpperCase() === 'CPD') return isOne ? 'CPD point' : 'CPD points'
  if (isOne || /s$/i.test(name)) return name
  return `${name}s`
}

/** Rounds to hundredths, so sums of quarter units show no floating-point dust. */
export function unitRound(value: number): number {
  return Math.round(value * 100) / 100
}

/** A number as the tracker writes it in messages: at most two decimals, thousands separated ("1,234.5"). */
export function unitNumber(value: number): string {
  return unitRound(value).toLocaleString('en-US', { maximumFractionDigits: 2 })
}

/** `count` with its unit: "23 PDUs", "0.5 CPD points", "1 SEU". */
export function unitAmount(unitName: string | null, count: number): string {
  return `${unitNumber(count)} ${unitLabel(unitName, unitRound(count))}`
}

/**
 * A figure as people say it after "about": whole numbers from 10 up, one decimal below, and never "0" for a value
 * above zero ("about 23", "about 1.7", "about 0.1").
 */
export function unitApproximate(value: number): number {
  if (value <= 0) return 0
  if (value >= 10) return Math.round(value)
  return Math.max(0.1, Math.round(value * 10) / 10)
}

/** A monthly rate as people say it (see `unitApproximate`). */
export function unitMonthlyRate(value: number): number {
  return unitApproximate(value)
}

/** Whether `value` is a whole multiple of `step` (0.25 steps: 1.25 yes, 0.3 no), allowing float error. */
export function unitIsStep(value: number, step: number): boolean {
  const ratio = value / step
  return Math.abs(ratio - Math.round(ratio)) < 1e-6
}
