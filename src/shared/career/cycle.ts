import type { IsoDate } from '../domain/model'
import { dateAddDays, dateToDayNumber } from '../domain/dates'
import { catalogueFind, type CategoryRule } from './catalogue'
import type { CertificationRecord, CertificationStatus } from './model'

/** The rules that apply to one certification record, from the catalogue or from its custom definition. */
export type CertificationRules = {
  name: string
  issuer: string
  validityYears: number | null
  unitName: string | null
  unitsPerCycle: number | null
  categoryRules: CategoryRule[]
  isCustom: boolean
}

/**
 * The rules of a certification record: the catalogue entry's, or the record's custom definition. Returns
 * `null` when the record points at a catalogue id this version does not know and has no custom definition.
 */
export function certificationRules(record: CertificationRecord): CertificationRules | null {
  if (record.custom !== null) return { ...record.custom, isCustom: true }
  if (record.catalogueId === null) return null
  const entry = catalogueFind(record.catalogueId)
  if (entry === undefined) return null
  return {
    name: entry.name,
    issuer: entry.issuer,
    validityYears: entry.expires ? entry.validityYears : null,
    unitName: entry.unitName,
    unitsPerCycle: entry.unitsPerCycle,
    categoryRules: entry.categoryRules,
    isCustom: false,
  }
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * Adds whole years to a day. A 29 February that lands in a common year becomes 28 February (the last day of
 * the same month), so a cycle never ends later than the anniversary: 2024-02-29 + 3 years = 2027-02-28,
 * 2024-02-29 + 4 years = 2028-02-29.
 */
export function cycleAddYears(day: IsoDate, years: number): IsoDate {
  const year = Number(day.slice(0, 4)) + years
  const month = Number(day.slice(5, 7))
  const dayOfMonth = Math.min(Number(day.slice(8, 10)), daysInMonth(year, month))
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function cycleDaysBetween(from: IsoDate, to: IsoDate): number {
  return dateToDayNumber(to) - dateToDayNumber(from)
}

/**
 * One renewal cycle: units dated from `start` to `end` (both inclusive) count, and the certificate is valid
 * through `end` (the expiry day); it has lapsed from the day after.
 */
export type RenewalCycle = { index: number; start: IsoDate; end: IsoDate }

/**
 * All renewal cycles of an earned certificate, oldest first; the last one is the current cycle. Returns an
 * empty list for a certificate that is not earned or never expires.
 *
 * The first cycle runs from the earned date to earned + validity years (or the expiry printed on the
 * certificate). A renewal by units rolls over to a cycle that starts the day after the old expiry and ends
 * validity years after it; a renewal by exam starts a fresh cycle on the exam day.
 */
export function cycleList(record: CertificationRecord, rules: CertificationRules): RenewalCycle[] {
  if (record.earnedOn === null || rules.validityYears === null) return []
  const first: RenewalCycle = {
    index: 0,
    start: record.earnedOn,
    end: record.expiresOnOverride ?? cycleAddYears(record.earnedOn, rules.validityYears),
  }
  const cycles = [first]
  let previous = first
  for (const renewal of record.renewals) {
    const cycle: RenewalCycle =
      renewal.route === 'exam'
        ? { index: cycles.length, start: renewal.renewedOn, end: cycleAddYears(renewal.renewedOn, rules.validityYears) }
        : {
            index: cycles.length,
            start: dateAddDays(previous.end, 1),
            end: cycleAddYears(previous.end, rules.validityYears),
          }
    cycles.push(cycle)
    previous = cycle
  }
  return cycles
}

/** The current (latest) renewal cycle, or `null` for a certificate without one. */
export function cycleCurrent(record: CertificationRecord, rules: CertificationRules): RenewalCycle | null {
  const cycles = cycleList(record, rules)
  return cycles.at(-1) ?? null
}

/** The expiry day of a certificate (last valid day), or `null` when not earned or lifetime. */
export function certificationExpiry(record: CertificationRecord, rules: CertificationRules): IsoDate | null {
  return cycleCurrent(record, rules)?.end ?? null
}

/** Whether `day` falls inside the cycle (both ends inclusive). */
export function cycleContains(cycle: RenewalCycle, day: IsoDate): boolean {
  return day >= cycle.start && day <= cycle.end
}

/**
 * The years of a cycle, for rules counted per year: year k runs from start + k years to the day before
 * start + k + 1 years; the last year ends on the cycle's end.
 */
export function cycleYears(cycle: RenewalCycle): { index: number; start: IsoDate; end: IsoDate }[] {
  const years: { index: number; start: IsoDate; end: IsoDate }[] = []
  for (let index = 0; ; index++) {
    const start = cycleAddYears(cycle.start, index)
    if (start > cycle.end) break
    const next = cycleAddYears(cycle.start, index + 1)
    const end = next > cycle.end ? cycle.end : dateAddDays(next, -1)
    years.push({ index, start, end })
    if (end >= cycle.end) break
  }
  // A cycle that ends on an anniversary (earned 2025-03-15, expiry 2028-03-15) would leave a one-day fourth
  // "year"; that day belongs to the third year.
  const last = years.at(-1)
  const beforeLast = years.at(-2)
  if (last !== undefined && beforeLast !== undefined && cycleDaysBetween(last.start, last.end) < 7) {
    years.pop()
    years[years.length - 1] = { ...beforeLast, end: last.end }
  }
  return years
}

/**
 * The status to show today: an earned certificate past its expiry day is `expired`; otherwise the stored status.
 */
export function certificationEffectiveStatus(
  record: CertificationRecord,
  rules: CertificationRules | null,
  today: IsoDate,
): CertificationStatus {
  if (record.status !== 'earned' || rules === null) return record.status
  const expiry = certificationExpiry(record, rules)
  return expiry !== null && today > expiry ? 'expired' : 'earned'
}
