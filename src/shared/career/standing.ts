import type { IsoDate } from '../domain/model'
import { carryOverChain, carryOverOut } from './carry-over'
import {
  certificationRules,
  certificationStatusOn,
  cycleDaysBetween,
  cycleList,
  type CertificationRules,
  type RenewalCycle,
} from './cycle'
import type { CareerData, CertificationDisplayStatus, CertificationRecord, EducationEntry } from './model'
import { progressOfCycle, progressPace, type CarriedUnits, type CycleProgress, type Pace } from './progress'
import { unitRound } from './units'

/*
 * Where each certification stands: its rules, its current cycle, the renew-by date it shares with others, what
 * counts toward it and how the pace looks. Shared renew-by dates: PeopleCert's product suites give every certificate
 * of the suite one renew-by date (three years after the last exam), and Scrum Alliance renews every certification
 * with the highest one held (earning a new one renews those held). Within such a group the certificate with the
 * latest own expiry (then the highest rank) carries the group's cycle and requirement; the others "renew with" it.
 */

export type CertificationRef = { id: string; name: string }

/** A certification's cycle facts that do not depend on the day: cycles, shared renew-by date, carry-over. */
export type CertificationCycleFacts = {
  record: CertificationRecord
  rules: CertificationRules | null
  /** All cycles of the certificate itself, oldest first (empty when not earned or lifetime). */
  cycles: RenewalCycle[]
  /** The cycle in force: the certificate's own, or the group's when it renews with another certificate. */
  cycle: RenewalCycle | null
  /** The last valid day, shared with its group; `null` when not earned or lifetime. */
  expiry: IsoDate | null
  suspensionEnd: IsoDate | null
  /** The certificate whose renewal renews this one, or `null` when it renews on its own. */
  renewsWith: CertificationRef | null
  /** The certificates this one renews as well (its group's other earned members). */
  renewsAlso: CertificationRef[]
  /** The renewal group's name, when it belongs to one. */
  groupName: string | null
  /** Ids of the certifications whose logged activities count toward this one's cycle (itself and its group). */
  countsEntriesOf: string[]
  /** Units needed in the cycle, group add-ons included; `null` without a fixed requirement. */
  requiredUnits: number | null
  /** Units carried into the current cycle from the one before (PMI's carry-over). */
  carriedIn: CarriedUnits[]
}

/** A certification with its rules, current cycle, progress and pace, as of a day. */
export type CertificationStanding = CertificationCycleFacts & {
  progress: CycleProgress | null
  pace: Pace | null
  status: CertificationDisplayStatus
  /** Days from today to the expiry day (0 = expires today, negative = lapsed); `null` without expiry. */
  daysToExpiry: number | null
  /** Units above the requirement, earned in the cycle's last year, that carry over to the next cycle. */
  carryOutUnits: number
}

/** The entries that count toward a certification or any of `ids`. */
export function educationEntriesFor(
  entries: readonly EducationEntry[],
  ids: readonly string[],
): EducationEntry[] {
  const wanted = new Set(ids)
  return entries.filter((entry) => entry.certificationIds.some((id) => wanted.has(id)))
}

type Own = { record: CertificationRecord; rules: CertificationRules | null; cycles: RenewalCycle[] }

function compareAnchor(a: Own, b: Own): number {
  const aEnd = a.cycles.at(-1)?.end ?? ''
  const bEnd = b.cycles.at(-1)?.end ?? ''
  if (aEnd !== bEnd) return aEnd > bEnd ? -1 : 1
  const rank = (own: Own) => own.rules?.renewalGroup?.rank ?? 0
  if (rank(a) !== rank(b)) return rank(b) - rank(a)
  return a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0
}

/**
 * The day-independent facts of every certification, in `data.certifications` order: own cycles, the group's shared
 * renew-by date and requirement (the highest requirement in the group plus the add-on units of each other track's
 * highest certification), and the units carried into the current cycle.
 */
export function careerCycleFacts(
  data: Pick<CareerData, 'certifications' | 'educationEntries'>,
): CertificationCycleFacts[] {
  const own: Own[] = data.certifications.map((record) => {
    const rules = certificationRules(record)
    const cycles = rules === null || record.status !== 'earned' ? [] : cycleList(record, rules)
    return { record, rules, cycles }
  })
  const groups = new Map<string, Own[]>()
  for (const item of own) {
    const group = item.rules?.renewalGroup
    if (group === null || group === undefined || item.cycles.length === 0) continue
    groups.set(group.id, [...(groups.get(group.id) ?? []), item])
  }
  const anchorOf = new Map<string, { anchor: Own; members: Own[] }>()
  for (const members of groups.values()) {
    const sorted = [...members].sort(compareAnchor)
    const anchor = sorted[0]
    if (anchor === undefined) continue
    for (const member of members) anchorOf.set(member.record.id, { anchor, members: sorted })
  }
  const ref = (item: Own): CertificationRef => ({
    id: item.record.id,
    name: item.rules?.name ?? 'Certification',
  })

  return own.map((item): CertificationCycleFacts => {
    const { record, rules, cycles } = item
    const grouped = anchorOf.get(record.id)
    const isAnchor = grouped === undefined || grouped.anchor === item
    const source = grouped === undefined ? item : grouped.anchor
    const cycle = source.cycles.at(-1) ?? null
    const members = grouped?.members ?? [item]
    const countsEntriesOf = isAnchor ? members.map((member) => member.record.id) : []
    let requiredUnits = rules?.unitsPerCycle ?? null
    if (grouped !== undefined && isAnchor) {
      const highest = Math.max(...members.map((member) => member.rules?.unitsPerCycle ?? 0))
      const anchorTrack = item.rules?.renewalGroup?.track ?? null
      const addOns = new Map<string, number>()
      for (const member of members) {
        const group = member.rules?.renewalGroup
        const track = group?.track ?? null
        if (track === null || track === anchorTrack || group === undefined) continue
        const previous = addOns.get(track)
        const addOn = member.rules?.addOnUnits ?? 0
        if (previous === undefined || addOn > previous) addOns.set(track, addOn)
      }
      requiredUnits = highest + [...addOns.values()].reduce((sum, units) => sum + units, 0)
    }
    let carriedIn: CarriedUnits[] = []
    if (isAnchor && rules !== null && rules.carryOverMax !== null && cycles.length > 1) {
      const entries = educationEntriesFor(data.educationEntries, countsEntriesOf)
      carriedIn = carryOverChain(rules, cycles, record.renewals, entries).at(-1) ?? []
    }
    return {
      record,
      rules,
      cycles,
      cycle,
      expiry: cycle?.end ?? null,
      suspensionEnd: cycle?.suspensionEnd ?? null,
      renewsWith: isAnchor || grouped === undefined ? null : ref(grouped.anchor),
      renewsAlso:
        isAnchor && grouped !== undefined ? members.filter((member) => member !== item).map(ref) : [],
      groupName: rules?.renewalGroup?.name ?? null,
      countsEntriesOf,
      requiredUnits,
      carriedIn,
    }
  })
}

/**
 * The standing of every certification on `today`, in `data.certifications` order: the cycle facts, the progress
 * of the current cycle over the activities that count toward it (carried-in units included), the pace, the status
 * to show (suspended and expired from the shared renew-by date) and the units that would carry over.
 */
export function careerStandings(
  data: Pick<CareerData, 'certifications' | 'educationEntries'>,
  today: IsoDate,
): CertificationStanding[] {
  return careerCycleFacts(data).map((facts): CertificationStanding => {
    const { record, rules, cycle } = facts
    const status = certificationStatusOn(record, facts.expiry, facts.suspensionEnd, today)
    const base = { ...facts, status, daysToExpiry: null, progress: null, pace: null, carryOutUnits: 0 }
    if (rules === null || cycle === null) return base
    const daysToExpiry = cycleDaysBetween(today, cycle.end)
    const hasRequirement =
      facts.requiredUnits !== null || rules.unitsPerYear !== null || rules.categoryRules.length > 0
    if (facts.renewsWith !== null || !hasRequirement) return { ...base, daysToExpiry }
    const counted = { ...rules, unitsPerCycle: facts.requiredUnits }
    const entries = educationEntriesFor(data.educationEntries, facts.countsEntriesOf)
    const progress = progressOfCycle(counted, cycle, entries, facts.carriedIn)
    const carryOut = carryOverOut(counted, cycle, entries, facts.carriedIn, progress)
    return {
      ...base,
      daysToExpiry,
      progress,
      pace: progressPace(progress, today),
      carryOutUnits: unitRound(carryOut.reduce((sum, item) => sum + item.units, 0)),
    }
  })
}

/** The standing of one certification on `today` (see `careerStandings`). */
export function certificationStanding(
  record: CertificationRecord,
  data: Pick<CareerData, 'certifications' | 'educationEntries'>,
  today: IsoDate,
): CertificationStanding {
  const certifications = data.certifications.some((item) => item.id === record.id)
    ? data.certifications.map((item) => (item.id === record.id ? record : item))
    : [...data.certifications, record]
  const found = careerStandings({ ...data, certifications }, today).find(
    (standing) => standing.record === record,
  )
  if (found === undefined) throw new Error('unreachable: the record is in the list')
  return found
}

const inProgress = new Set(['planned', 'studying', 'exam-booked'])

/**
 * Certifications in a stable, meaningful order: certificates that expire by their (shared) expiry, soonest first
 * (lapsed ones lead); then certifications in progress by exam day (undated last); then lifetime certificates and
 * the rest; ties by name, then id.
 */
export function careerStandingsSorted<T extends Pick<CertificationStanding, 'record' | 'rules' | 'expiry'>>(
  standings: readonly T[],
): T[] {
  const group = (item: T) =>
    item.record.status === 'earned' && item.expiry !== null ? 0 : inProgress.has(item.record.status) ? 1 : 2
  const key = (item: T) =>
    group(item) === 0 ? (item.expiry ?? '') : group(item) === 1 ? (item.record.examOn ?? '9999-99-99') : ''
  return [...standings].sort((a, b) => {
    if (group(a) !== group(b)) return group(a) - group(b)
    if (key(a) !== key(b)) return key(a) < key(b) ? -1 : 1
    const nameA = a.rules?.name ?? ''
    const nameB = b.rules?.name ?? ''
    if (nameA !== nameB) return nameA.localeCompare(nameB)
    return a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0
  })
}
