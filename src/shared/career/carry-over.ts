import { cycleLastYear, type CertificationRules, type RenewalCycle } from './cycle'
import type { EducationEntry, Renewal } from './model'
import { progressOfCycle, type CarriedUnits, type CycleProgress } from './progress'
import { unitRound } from './units'

/*
 * PMI's carry-over: units earned above a cycle's requirement in the last year of the cycle count toward the next
 * cycle, up to a figure per certification (`carryOverMax`: 20 PDUs for PMP). The cycle's activities count in date
 * order, so the units above the requirement are the last-dated ones; of those, only what was earned in the cycle's
 * last year (its last `cycleYears` span, up to the expiry day) carries over, earliest first, up to the figure.
 */

const epsilon = 1e-9

/**
 * The units of `cycle` that carry over to the next cycle: empty when the certification has no carry-over rule or no
 * fixed requirement, or when nothing above the requirement was earned in the last year. `carriedIn` are the units
 * this cycle received from the one before (they count first, so they are never carried twice). Each returned item
 * keeps its activity, date and category; units are the certification's own.
 */
export function carryOverOut(
  rules: CertificationRules,
  cycle: RenewalCycle,
  entries: readonly EducationEntry[],
  carriedIn: readonly CarriedUnits[] = [],
  known?: CycleProgress,
): CarriedUnits[] {
  if (rules.carryOverMax === null || rules.carryOverMax <= 0 || rules.unitsPerCycle === null) return []
  // `known` is this cycle's progress when the caller has it already (the same rules, entries and carried-in units).
  const progress = known ?? progressOfCycle(rules, cycle, entries, carriedIn)
  const required = rules.unitsPerCycle
  if (progress.countedTowardRequired <= required + epsilon) return []
  const lastYear = cycleLastYear(cycle)
  const countingById = new Map(progress.entries.map((counting) => [counting.entryId, counting]))
  const ordered = entries
    .filter((entry) => (countingById.get(entry.id)?.countedUnits ?? 0) > 0)
    .sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.date < b.date ? -1 : 1))
  let cumulative = progress.carriedInUnits
  let room = rules.carryOverMax
  const out: CarriedUnits[] = []
  for (const entry of ordered) {
    const counting = countingById.get(entry.id)
    if (counting === undefined) continue
    const counted = counting.countedUnits
    const above = Math.max(0, cumulative + counted - required) - Math.max(0, cumulative - required)
    cumulative += counted
    // Only the last year's surplus carries, and nothing earned after the expiry day (that completed a suspension).
    if (above <= epsilon || entry.date < lastYear.start || entry.date > cycle.end || room <= epsilon) continue
    let take = Math.min(above, room)
    room -= take
    // Within one activity the later parts are the ones above the requirement.
    let skip = counted - above
    entry.parts.forEach((part, index) => {
      const partCounted = counting.countedParts[index] ?? 0
      const usable = Math.max(0, partCounted - skip)
      skip = Math.max(0, skip - partCounted)
      const units = Math.min(usable, take)
      if (units <= epsilon) return
      out.push({ entryId: entry.id, date: entry.date, category: part.category, units: unitRound(units) })
      take -= units
    })
  }
  return out
}

/**
 * The units carried into each cycle of a certificate, by cycle index: a cycle reached by a renewal by units receives
 * the carry-over of the cycle before it; a cycle started by an exam receives nothing. `renewals[k]` is the renewal
 * that started cycle k + 1.
 */
export function carryOverChain(
  rules: CertificationRules,
  cycles: readonly RenewalCycle[],
  renewals: readonly Renewal[],
  entries: readonly EducationEntry[],
): CarriedUnits[][] {
  const chain: CarriedUnits[][] = []
  cycles.forEach((_cycle, index) => {
    const previous = cycles[index - 1]
    const renewal = renewals[index - 1]
    if (previous === undefined || renewal === undefined || renewal.route !== 'units') {
      chain.push([])
      return
    }
    chain.push(carryOverOut(rules, previous, entries, chain[index - 1] ?? []))
  })
  return chain
}
