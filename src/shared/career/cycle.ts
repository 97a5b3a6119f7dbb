import type { IsoDate } from '../domain/model'
import { dateAddDays, dateDaysInMonth, dateToDayNumber } from '../domain/dates'
import { catalogueFind, type CategoryRule, type Membership, type RenewalGroup } from './catalogue'
import type { CertificationDisplayStatus, CertificationRecord } from './model'

/** The rules that apply to one certification record, from the catalogue or from its custom definition. */
export type CertificationRules = {
  name: string
  issuer: string
  validityYears: number | null
  unitName: string | null
  unitsPerCycle: number | null
  categoryRules: CategoryRule[]
  isCustom: boolean
  /** Units needed in every year of the cycle (PeopleCert's 20 CPD points), or `null`. */
  unitsPerYear: number | null
  /** Least and most one activity counts for (PeopleCert: 0.5 to 15), or `null`. */
  unitsPerActivity: { min: number; max: number } | null
  /** Units are logged in multiples of this (0.25). */
  unitStep: number
  /** Most surplus units of the last cycle year that carry over to the next cycle, or `null` for none. */
  carryOverMax: number | null
  /** Years after expiry in which the certification is suspended but can still be renewed, or `null`. */
  suspensionYears: number | null
  /** Certifications of one pool count the same logged activity; never empty. */
  unitPool: string
  /** Other pools whose units count here one for one. */
  acceptsUnitPools: string[]
  renewalGroup: RenewalGroup | null
  addOnUnits: number | null
  /** Whether the exam needs an application first; `null` when not known (custom certifications). */
  examNeedsApplication: boolean | null
  activityTypes: string[]
  renewalFee: number | null
  renewalFeeMember: number | null
  renewalFeeCurrency: string | null
  membership: Membership | null
}

/** Whether a rule covers every logged unit ("All CPD categories" for a certification counted in CPD). */
export function ruleIsTotal(rule: CategoryRule, unitName: string | null): boolean {
  const name = rule.category.trim().toLowerCase()
  if (unitName !== null && name === `all ${unitName.toLowerCase()} categories`) return true
  return name === 'all categories'
}

/**
 * The rules of a certification record: the catalogue entry's, or the record's custom definition. Returns
 * `null` when the record points at a catalogue id this version does not know and has no custom definition.
 */
export function certificationRules(record: CertificationRecord): CertificationRules | null {
  if (record.custom !== null) {
    const custom = record.custom
    return {
      ...custom,
      isCustom: true,
      unitsPerYear: null,
      unitsPerActivity: null,
      unitStep: 0.25,
      carryOverMax: null,
      suspensionYears: null,
      unitPool: `custom:${(custom.unitName ?? record.id).toLowerCase()}`,
      acceptsUnitPools: [],
      renewalGroup: null,
      addOnUnits: null,
      examNeedsApplication: null,
      activityTypes: [],
      renewalFee: null,
      renewalFeeMember: null,
      renewalFeeCurrency: null,
      membership: null,
    }
  }
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
    unitsPerYear: entry.unitsPerYear,
    unitsPerActivity: entry.unitsPerActivity,
    unitStep: entry.unitStep,
    carryOverMax: entry.carryOverMax,
    suspensionYears: entry.suspensionYears,
    unitPool: entry.unitPool ?? `catalogue:${entry.id}`,
    acceptsUnitPools: entry.acceptsUnitPools,
    renewalGroup: entry.renewalGroup,
    addOnUnits: entry.addOnUnits,
    examNeedsApplication: entry.examNeedsApplication,
    activityTypes: entry.activityTypes,
    renewalFee: entry.renewalFee,
    renewalFeeMember: entry.renewalFeeMember,
    renewalFeeCurrency: entry.renewalFeeCurrency,
    membership: entry.membership,
  }
}

/** Whether an activity counted in `from`'s units may also count toward `to` (same pool, or a pool `to` accepts). */
export function rulesAcceptUnitsOf(to: CertificationRules, from: CertificationRules): boolean {
  return to.unitPool === from.unitPool || to.acceptsUnitPools.includes(from.unitPool)
}

/**
 * Adds whole years to a day. A 29 February that lands in a common year becomes 28 February (the last day of
 * the same month), so a cycle never ends later than the anniversary: 2024-02-29 + 3 years = 2027-02-28,
 * 2024-02-29 + 4 years = 2028-02-29.
 */
export function cycleAddYears(day: IsoDate, years: number): IsoDate {
  const year = Number(day.slice(0, 4)) + years
  const month = Number(day.slice(5, 7))
  const dayOfMonth = Math.min(Number(day.slice(8, 10)), dateDaysInMonth(year, month))
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function cycleDaysBetween(from: IsoDate, to: IsoDate): number {
  return dateToDayNumber(to) - dateToDayNumber(from)
}

/**
 * One renewal cycle: the certificate is valid from `start` through `end` (the expiry day) and has lapsed from the
 * day after. Activities dated from `countFrom` to `countUntil` (both inclusive; default `start` and `end`) count
 * toward it: a certification with a suspension period also counts what is earned while suspended, and a cycle
 * renewed during the suspension leaves those days to the cycle before it. `suspensionEnd` is the last day a
 * suspended certification can still be renewed, or absent without a suspension period.
 */
export type RenewalCycle = {
  index: number
  start: IsoDate
  end: IsoDate
  countFrom?: IsoDate
  countUntil?: IsoDate
  suspensionEnd?: IsoDate
}

/** Whether an activity dated `day` counts toward the cycle (inside its counting window). */
export function cycleCounts(cycle: RenewalCycle, day: IsoDate): boolean {
  return day >= (cycle.countFrom ?? cycle.start) && day <= (cycle.countUntil ?? cycle.end)
}

/**
 * All renewal cycles of an earned certificate, oldest first; the last one is the current cycle. Returns an
 * empty list for a certificate that is not earned or never expires.
 *
 * The first cycle runs from the earned date to earned + validity years (or the expiry printed on the
 * certificate). A renewal by units rolls over to a cycle that starts the day after the old expiry and ends
 * validity years after it, however early or late (within a suspension) it was granted; a renewal by exam starts a
 * fresh cycle on the exam day.
 */
export function cycleList(record: CertificationRecord, rules: CertificationRules): RenewalCycle[] {
  if (record.earnedOn === null || rules.validityYears === null) return []
  const validity = rules.validityYears
  const withSuspension = (cycle: RenewalCycle): RenewalCycle =>
    rules.suspensionYears === null
      ? cycle
      : { ...cycle, suspensionEnd: cycleAddYears(cycle.end, rules.suspensionYears) }
  const cycles: RenewalCycle[] = [
    withSuspension({
      index: 0,
      start: record.earnedOn,
      end: record.expiresOnOverride ?? cycleAddYears(record.earnedOn, validity),
    }),
  ]
  for (const renewal of record.renewals) {
    const previousIndex = cycles.length - 1
    const previous = cycles[previousIndex]
    if (previous === undefined) break
    let next: RenewalCycle
    if (renewal.route === 'exam') {
      next = {
        index: cycles.length,
        start: renewal.renewedOn,
        end: cycleAddYears(renewal.renewedOn, validity),
      }
      if (renewal.renewedOn <= previous.end)
        cycles[previousIndex] = { ...previous, countUntil: dateAddDays(renewal.renewedOn, -1) }
    } else {
      next = {
        index: cycles.length,
        start: dateAddDays(previous.end, 1),
        end: cycleAddYears(previous.end, validity),
      }
      // Renewed while suspended: what was earned up to the renewal day completed the lapsed cycle.
      if (renewal.renewedOn > previous.end) {
        cycles[previousIndex] = { ...previous, countUntil: renewal.renewedOn }
        next.countFrom = dateAddDays(renewal.renewedOn, 1)
      }
    }
    cycles.push(withSuspension(next))
  }
  // The current cycle also counts what is earned while it is suspended.
  const lastIndex = cycles.length - 1
  const last = cycles[lastIndex]
  if (last?.suspensionEnd !== undefined) cycles[lastIndex] = { ...last, countUntil: last.suspensionEnd }
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

/** Whether `day` falls inside the cycle's validity (both ends inclusive). */
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

/** The last year of a cycle (what PMI's carry-over draws from), as `cycleYears` counts it. */
export function cycleLastYear(cycle: RenewalCycle): { start: IsoDate; end: IsoDate } {
  const last = cycleYears(cycle).at(-1)
  return last === undefined ? { start: cycle.start, end: cycle.end } : { start: last.start, end: last.end }
}

/**
 * The status to show on `today` for a certificate whose current cycle ends on `expiry` (pass a shared renew-by
 * date for a certificate that renews with others): an earned certificate past its expiry is `suspended` while its
 * suspension period lasts (through `suspensionEnd`), then `expired`; otherwise the stored status.
 */
export function certificationStatusOn(
  record: CertificationRecord,
  expiry: IsoDate | null,
  suspensionEnd: IsoDate | null,
  today: IsoDate,
): CertificationDisplayStatus {
  if (record.status !== 'earned' || expiry === null || today <= expiry) return record.status
  return suspensionEnd !== null && today <= suspensionEnd ? 'suspended' : 'expired'
}

/** The status to show today for one certificate on its own (no shared renew-by date). */
export function certificationEffectiveStatus(
  record: CertificationRecord,
  rules: CertificationRules | null,
  today: IsoDate,
): CertificationDisplayStatus {
  if (rules === null) return record.status
  const cycle = cycleCurrent(record, rules)
  return certificationStatusOn(record, cycle?.end ?? null, cycle?.suspensionEnd ?? null, today)
}
