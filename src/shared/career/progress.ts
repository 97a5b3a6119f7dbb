import type { IsoDate } from '../domain/model'
import type { CategoryRule } from './catalogue'
import {
  cycleCounts,
  cycleDaysBetween,
  cycleYears,
  ruleIsTotal,
  type CertificationRules,
  type RenewalCycle,
} from './cycle'
import { educationEntryUnits, type EducationEntry } from './model'
import { unitAmount, unitApproximate, unitLabel, unitMonthlyRate, unitNumber, unitRound } from './units'

/** The name under which a yearly total (`unitsPerYear`) shows among the yearly categories. */
export const yearlyTotalLabel = 'In total'

/**
 * The categories an entry can be logged in for these rules: every rule category except "all" rules, parents
 * before their sub-categories. An empty list means any category is accepted.
 */
export function ruleCategories(rules: CertificationRules): string[] {
  const names: string[] = []
  for (const rule of rules.categoryRules) {
    if (ruleIsTotal(rule, rules.unitName) || names.includes(rule.category)) continue
    names.push(rule.category)
  }
  return names
}

/**
 * Whether a category outside the rules may be logged: yes when there are no category rules, or when a rule counts
 * "all categories" (a custom certification written that way); the catalogue's certifications name their categories.
 */
export function rulesAcceptAnyCategory(rules: CertificationRules): boolean {
  return (
    ruleCategories(rules).length === 0 ||
    rules.categoryRules.some((rule) => ruleIsTotal(rule, rules.unitName))
  )
}

/** Progress of one rule's category. Units are the certification's units (PDU, CPD, ...). */
export type CategoryProgress = {
  category: string
  /** The parent category of a sub-category, or `null`. */
  within: string | null
  isTotal: boolean
  min: number | null
  max: number | null
  /** Units logged in the category and its sub-categories. */
  loggedUnits: number
  /** Units that count after caps. */
  countedUnits: number
  /** Logged units that do not count because a cap was reached. */
  overCapUnits: number
  /** Units still needed to reach the minimum (0 when met or without a minimum). */
  missingUnits: number
}

/** How much of one entry counts, and why the rest does not. */
export type EntryCounting = {
  entryId: string
  isInCycle: boolean
  /** Index of the cycle year the entry falls in, for rules counted per year; `null` outside the cycle. */
  yearIndex: number | null
  countedUnits: number
  /** Counted units per part of the entry, in the entry's part order. */
  countedParts: number[]
  notCountingUnits: number
  /** Why some units do not count: a cap, a per-activity limit, a category outside the rules, a date outside the cycle. */
  reason: string | null
}

/** Units of an earlier cycle's activity that count toward this one (PMI's carry-over), in one category. */
export type CarriedUnits = { entryId: string; date: IsoDate; category: string; units: number }

export type YearProgress = {
  index: number
  start: IsoDate
  end: IsoDate
  loggedUnits: number
  categories: CategoryProgress[]
  /** Units still missing from this year's minimums (the largest shortfall among them). */
  missingUnits: number
}

export type CycleProgress = {
  cycle: RenewalCycle
  unitName: string
  /** Units needed per cycle; `null` when only category minimums apply. */
  requiredUnits: number | null
  /** Units logged inside the cycle's counting window (carried-in units not included). */
  loggedUnits: number
  /** Units that count after caps and limits, carried-in units included. */
  countedUnits: number
  /** Units that count toward the cycle requirement (with yearly rules, each year counts up to its minimum). */
  countedTowardRequired: number
  overCapUnits: number
  /** Units still needed to complete the cycle, taking category and yearly minimums into account. */
  stillNeededUnits: number
  categories: CategoryProgress[]
  /** Per-year progress for rules counted per year; empty otherwise. */
  years: YearProgress[]
  entries: EntryCounting[]
  /** Carried-in units as they count here (after this cycle's caps). */
  carriedIn: CarriedUnits[]
  carriedInUnits: number
  isComplete: boolean
}

const epsilon = 1e-9

/** One piece the allocation counts: a part of an activity, or units carried in from the cycle before. */
type Piece = { key: string; entryId: string; date: IsoDate; category: string; units: number }

type RuleSpec = { rule: CategoryRule; isTotal: boolean }

type Allocation = {
  categories: CategoryProgress[]
  /** Counted units per piece key. */
  counted: Map<string, number>
  reasons: Map<string, string>
}

const byDateThenKey = (a: Piece, b: Piece) =>
  a.date === b.date ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.date < b.date ? -1 : 1

/**
 * Spreads pieces over rules: in date order, each piece counts up to the remaining room of every capped rule it
 * falls under (its category, the parent categories, total rules). Earlier activities count first.
 */
function allocate(
  specs: readonly RuleSpec[],
  pieces: readonly Piece[],
  acceptAnyCategory: boolean,
  knownCategories: ReadonlySet<string>,
): Allocation {
  const byCategory = new Map<string, CategoryRule>()
  for (const spec of specs) if (!spec.isTotal) byCategory.set(spec.rule.category, spec.rule)
  const totals = specs.filter((spec) => spec.isTotal).map((spec) => spec.rule)
  const logged = new Map<CategoryRule, number>()
  const countedPerRule = new Map<CategoryRule, number>()
  const counted = new Map<string, number>()
  const reasons = new Map<string, string>()
  for (const { rule } of specs) {
    logged.set(rule, 0)
    countedPerRule.set(rule, 0)
  }
  // The rules a category counts under (itself, its parents, the totals), worked out once per category.
  const chains = new Map<string, { ownRules: number; chain: CategoryRule[] }>()
  const chainOf = (category: string) => {
    const known = chains.get(category)
    if (known !== undefined) return known
    const chain: CategoryRule[] = []
    let rule = byCategory.get(category)
    const seen = new Set<CategoryRule>()
    while (rule !== undefined && !seen.has(rule)) {
      seen.add(rule)
      chain.push(rule)
      rule = rule.within === undefined ? undefined : byCategory.get(rule.within)
    }
    const found = { ownRules: chain.length, chain: [...chain, ...totals] }
    chains.set(category, found)
    return found
  }
  for (const piece of [...pieces].sort(byDateThenKey)) {
    const { ownRules, chain } = chainOf(piece.category)
    if (ownRules === 0 && !acceptAnyCategory && !knownCategories.has(piece.category)) {
      counted.set(piece.key, 0)
      reasons.set(piece.key, `"${piece.category}" is not a category of this certification`)
      continue
    }
    let allowed = piece.units
    for (const link of chain) {
      logged.set(link, (logged.get(link) ?? 0) + piece.units)
      if (link.max !== undefined) {
        const room = Math.max(0, link.max - (countedPerRule.get(link) ?? 0))
        if (room + epsilon < allowed) {
          allowed = room
          reasons.set(piece.key, `over the ${link.category} cap of ${unitNumber(link.max)}`)
        }
      }
    }
    for (const link of chain) countedPerRule.set(link, (countedPerRule.get(link) ?? 0) + allowed)
    counted.set(piece.key, allowed)
  }
  const categories = specs.map(({ rule, isTotal }): CategoryProgress => {
    const loggedUnits = unitRound(logged.get(rule) ?? 0)
    const countedUnits = unitRound(countedPerRule.get(rule) ?? 0)
    return {
      category: rule.category,
      within: rule.within ?? null,
      isTotal,
      min: rule.min ?? null,
      max: rule.max ?? null,
      loggedUnits,
      countedUnits,
      overCapUnits: unitRound(loggedUnits - countedUnits),
      missingUnits: rule.min === undefined ? 0 : unitRound(Math.max(0, rule.min - countedUnits)),
    }
  })
  return { categories, counted, reasons }
}

/**
 * The pieces of one entry after the per-activity limit: a total below the minimum counts nothing, a total above the
 * maximum counts up to it (parts in their order). Returns the pieces and, when the limit cut something, why.
 */
function entryPieces(
  entry: EducationEntry,
  rules: CertificationRules,
): { pieces: Piece[]; reason: string | null } {
  const total = educationEntryUnits(entry)
  let allowedTotal = total
  let reason: string | null = null
  const limit = rules.unitsPerActivity
  if (limit !== null && total + epsilon < limit.min) {
    allowedTotal = 0
    reason = `below the minimum of ${unitAmount(rules.unitName, limit.min)} per activity`
  } else if (limit !== null && total > limit.max + epsilon) {
    allowedTotal = limit.max
    reason = `over the limit of ${unitAmount(rules.unitName, limit.max)} per activity`
  }
  let room = allowedTotal
  const pieces = entry.parts.map((part, index): Piece => {
    const units = Math.min(part.units, Math.max(0, room))
    room -= units
    return {
      key: `${entry.id}#${index}`,
      entryId: entry.id,
      date: entry.date,
      category: part.category,
      units,
    }
  })
  return { pieces, reason }
}

function specsOf(rules: CertificationRules, perYear: boolean): RuleSpec[] {
  const specs = rules.categoryRules
    .filter((rule) => (rule.per === 'year') === perYear)
    .map((rule) => ({ rule, isTotal: ruleIsTotal(rule, rules.unitName) }))
  if (perYear && rules.unitsPerYear !== null)
    specs.push({ rule: { category: yearlyTotalLabel, min: rules.unitsPerYear, per: 'year' }, isTotal: true })
  return specs
}

/**
 * Turns the continuing-education log into the progress of one renewal cycle: which units count (caps and
 * per-activity limits applied, earlier activities first), what is still missing per category and per cycle year,
 * and whether the cycle's requirements are met. Units are the certification's own (PDU, CPD points, SEU); an entry
 * split across categories counts each part in its category. `carriedIn` are units of the cycle before that count
 * here (PMI's carry-over, see `carry-over.ts`); they count first.
 *
 * Rules: a sub-category (`within`) also counts toward its parent and the parent's cap; a rule with `per: year` (and
 * `unitsPerYear`) applies to each year of the cycle on its own, so a surplus in one year does not make up for another.
 */
export function progressOfCycle(
  rules: CertificationRules,
  cycle: RenewalCycle,
  entries: readonly EducationEntry[],
  carriedIn: readonly CarriedUnits[] = [],
): CycleProgress {
  const acceptAny = rulesAcceptAnyCategory(rules)
  // A category with a yearly rule only is known at cycle level too.
  const known = new Set(ruleCategories(rules))
  const inCycle = entries.filter((entry) => cycleCounts(cycle, entry.date))
  const limitReasons = new Map<string, string>()
  const pieces: Piece[] = []
  for (const entry of inCycle) {
    const split = entryPieces(entry, rules)
    pieces.push(...split.pieces)
    if (split.reason !== null) limitReasons.set(entry.id, split.reason)
  }
  const carriedPieces = carriedIn.map((carried): Piece => ({
    key: `carry:${carried.entryId}:${carried.category}`,
    entryId: carried.entryId,
    date: carried.date,
    category: carried.category,
    units: carried.units,
  }))
  const cycleAllocation = allocate(specsOf(rules, false), [...carriedPieces, ...pieces], acceptAny, known)

  const yearlySpecs = specsOf(rules, true)
  const yearSpans = yearlySpecs.length > 0 ? cycleYears(cycle) : []
  const yearOf = new Map<string, number>()
  const years: YearProgress[] = yearSpans.map((span) => {
    // What is earned while suspended counts in the last year.
    const isLast = span.index === yearSpans.length - 1
    const yearPieces = pieces.filter(
      (piece) => piece.date >= span.start && (isLast || piece.date <= span.end),
    )
    for (const piece of yearPieces) yearOf.set(piece.entryId, span.index)
    const allocation = allocate(yearlySpecs, yearPieces, acceptAny, known)
    for (const [key, units] of allocation.counted) {
      const before = cycleAllocation.counted.get(key) ?? 0
      if (units + epsilon < before) {
        cycleAllocation.counted.set(key, units)
        const reason = allocation.reasons.get(key)
        if (reason !== undefined) cycleAllocation.reasons.set(key, reason)
      }
    }
    const yearEntries = inCycle.filter((entry) => yearOf.get(entry.id) === span.index)
    return {
      index: span.index,
      start: span.start,
      end: span.end,
      loggedUnits: unitRound(yearEntries.reduce((sum, entry) => sum + educationEntryUnits(entry), 0)),
      categories: allocation.categories,
      missingUnits: unitRound(Math.max(0, ...allocation.categories.map((category) => category.missingUnits))),
    }
  })

  const pieceByKey = new Map(pieces.map((piece) => [piece.key, piece]))
  const countedPartsOf = (entry: EducationEntry) =>
    entry.parts.map((_part, index) => {
      const key = `${entry.id}#${index}`
      const piece = pieceByKey.get(key)
      return unitRound(piece === undefined ? 0 : (cycleAllocation.counted.get(key) ?? piece.units))
    })
  const reasonOfEntry = (entry: EducationEntry) =>
    limitReasons.get(entry.id) ??
    entry.parts
      .map((_part, index) => cycleAllocation.reasons.get(`${entry.id}#${index}`))
      .find((reason) => reason !== undefined) ??
    null

  const entryCountings: EntryCounting[] = entries.map((entry) => {
    const units = educationEntryUnits(entry)
    if (!cycleCounts(cycle, entry.date)) {
      return {
        entryId: entry.id,
        isInCycle: false,
        yearIndex: null,
        countedUnits: 0,
        countedParts: entry.parts.map(() => 0),
        notCountingUnits: units,
        reason:
          entry.date < (cycle.countFrom ?? cycle.start) ? 'before the current cycle' : 'after the cycle ends',
      }
    }
    const countedParts = countedPartsOf(entry)
    const countedUnits = unitRound(countedParts.reduce((sum, part) => sum + part, 0))
    return {
      entryId: entry.id,
      isInCycle: true,
      yearIndex: yearOf.get(entry.id) ?? null,
      countedUnits,
      countedParts,
      notCountingUnits: unitRound(units - countedUnits),
      reason: countedUnits + epsilon < units ? reasonOfEntry(entry) : null,
    }
  })

  const carriedCounted: CarriedUnits[] = carriedIn
    .map((carried, index) => {
      const piece = carriedPieces[index]
      return {
        ...carried,
        units: unitRound(piece === undefined ? 0 : (cycleAllocation.counted.get(piece.key) ?? 0)),
      }
    })
    .filter((carried) => carried.units > 0)
  const carriedInUnits = unitRound(carriedCounted.reduce((sum, carried) => sum + carried.units, 0))
  const loggedUnits = unitRound(inCycle.reduce((sum, entry) => sum + educationEntryUnits(entry), 0))
  const countedUnits = unitRound(
    entryCountings
      .filter((counting) => counting.isInCycle)
      .reduce((sum, counting) => sum + counting.countedUnits, carriedInUnits),
  )
  const yearlyTotal = yearlySpecs.find((spec) => spec.isTotal && spec.rule.min !== undefined)
  let countedTowardRequired = countedUnits
  if (yearlyTotal?.rule.min !== undefined) {
    const perYear = yearlyTotal.rule.min
    countedTowardRequired = unitRound(
      years.reduce(
        (sum, year) => sum + Math.min(perYear, year.categories.find((c) => c.isTotal)?.countedUnits ?? 0),
        0,
      ),
    )
  }
  const requiredUnits = rules.unitsPerCycle
  // A parent still needs at least what its own minimum lacks and at least what its sub-categories lack.
  const topLevelMissing = cycleAllocation.categories
    .filter((category) => category.within === null)
    .reduce((sum, parent) => {
      const childrenMissing = cycleAllocation.categories
        .filter((child) => child.within === parent.category)
        .reduce((childSum, child) => childSum + child.missingUnits, 0)
      return sum + Math.max(parent.missingUnits, childrenMissing)
    }, 0)
  const yearlyMissing = years.reduce((sum, year) => sum + year.missingUnits, 0)
  const stillNeededUnits = unitRound(
    Math.max(
      requiredUnits === null ? 0 : requiredUnits - countedTowardRequired,
      topLevelMissing,
      yearlyMissing,
      0,
    ),
  )
  const anyCategoryMissing =
    cycleAllocation.categories.some((category) => category.missingUnits > 0) ||
    years.some((year) => year.missingUnits > 0)
  // Logged units that do not count (caps, limits, categories); carried-in units are not logged here.
  const overCapUnits = unitRound(loggedUnits - (countedUnits - carriedInUnits))
  return {
    cycle,
    unitName: rules.unitName ?? 'units',
    requiredUnits,
    loggedUnits,
    countedUnits,
    countedTowardRequired,
    overCapUnits,
    stillNeededUnits,
    categories: cycleAllocation.categories,
    years,
    entries: entryCountings,
    carriedIn: carriedCounted,
    carriedInUnits,
    isComplete: stillNeededUnits === 0 && !anyCategoryMissing,
  }
}

export type PaceStatus =
  | 'complete'
  | 'on-track'
  | 'behind'
  | 'not-started'
  | 'suspended'
  | 'lapsed'
  | 'route-lost'
  | 'no-requirement'

export type Pace = {
  status: PaceStatus
  /** Units a steady pace would have logged by today (end of today). */
  expectedByToday: number
  /** Units per month still needed to finish by the end of the cycle (or of the suspension). */
  neededPerMonth: number
  /** Units per month of a steady pace over the whole cycle. */
  steadyPerMonth: number
  /** Days left in the cycle after today. */
  daysLeft: number
  message: string
}

/** Days per month used for "units per month" figures (365.25 / 12). */
const daysPerMonth = 30.4375
/** Behind when the rate still needed exceeds the steady rate by more than a quarter. */
const behindFactor = 1.25

/**
 * Whether the pace of logging is on track to complete the cycle by its end, in plain words with units ("about
 * 23 PDUs a month to finish on time"). Behind means the units per month still needed exceed the steady rate
 * (requirement spread over the whole cycle) by more than 25 %. A past cycle year that missed its yearly minimum
 * cannot be made up: the renewal route by units is lost for the cycle (`route-lost`), and renewal is by exam. After
 * the cycle end a certification with a suspension period is `suspended` until it can no longer be renewed.
 * Units per month use 30.44-day months.
 */
export function progressPace(progress: CycleProgress, today: IsoDate): Pace {
  const { cycle } = progress
  const totalDays = cycleDaysBetween(cycle.start, cycle.end) + 1
  const elapsedDays = Math.min(totalDays, Math.max(0, cycleDaysBetween(cycle.start, today) + 1))
  const daysLeft = Math.max(0, totalDays - elapsedDays)
  const unit = progress.unitName
  const amount = (count: number) => unitAmount(unit, count)
  const perMonth = (count: number) => `about ${amount(unitMonthlyRate(count))} a month`
  const required = progress.requiredUnits ?? progress.stillNeededUnits + progress.countedTowardRequired
  const steadyPerMonth = unitRound((required / totalDays) * daysPerMonth)
  const expectedByToday = unitRound((required * elapsedDays) / totalDays)
  const neededPerMonth = unitRound((progress.stillNeededUnits / Math.max(1, daysLeft)) * daysPerMonth)
  const base = { expectedByToday, neededPerMonth, steadyPerMonth, daysLeft }
  const counted = `${unitNumber(progress.countedTowardRequired)} of ${amount(required)} count so far`
  if (progress.isComplete)
    return {
      ...base,
      status: 'complete',
      neededPerMonth: 0,
      message: 'All requirements of this cycle are met.',
    }
  if (required === 0)
    return { ...base, status: 'no-requirement', message: 'No continuing-education requirement.' }
  if (today < cycle.start)
    return { ...base, status: 'not-started', message: 'The cycle has not started yet.' }
  const shortYear = progress.years.find((year) => year.end < today && year.missingUnits > 0)
  if (shortYear !== undefined) {
    return {
      ...base,
      status: 'route-lost',
      message: `Year ${shortYear.index + 1} of the cycle (${shortYear.start} to ${shortYear.end}) ended ${amount(shortYear.missingUnits)} short, and yearly minimums cannot be made up later: this cycle can no longer be renewed by continuing education. Renew by passing an exam${today <= cycle.end ? ` by ${cycle.end}` : ' again'}.`,
    }
  }
  if (today > cycle.end) {
    const suspensionEnd = cycle.suspensionEnd
    if (suspensionEnd !== undefined && today <= suspensionEnd) {
      const left = Math.max(1, cycleDaysBetween(today, suspensionEnd))
      const needed = (progress.stillNeededUnits / left) * daysPerMonth
      return {
        ...base,
        status: 'suspended',
        neededPerMonth: unitRound(needed),
        message: `Suspended: the cycle ended on ${cycle.end}. Log the ${amount(progress.stillNeededUnits)} still needed and renew by ${suspensionEnd} to reactivate it (${perMonth(needed)}).`,
      }
    }
    return {
      ...base,
      status: 'lapsed',
      message: `The cycle ended on ${cycle.end} with ${amount(progress.stillNeededUnits)} still missing.`,
    }
  }
  const currentYear = progress.years.find((year) => year.start <= today && today <= year.end)
  if (currentYear !== undefined && currentYear.missingUnits > 0) {
    const yearDays = cycleDaysBetween(currentYear.start, currentYear.end) + 1
    const yearLeft = Math.max(1, cycleDaysBetween(today, currentYear.end))
    const yearRequired = Math.max(...currentYear.categories.map((category) => category.min ?? 0))
    const yearSteady = (yearRequired / yearDays) * daysPerMonth
    const yearNeeded = (currentYear.missingUnits / yearLeft) * daysPerMonth
    if (yearNeeded > yearSteady * behindFactor) {
      return {
        ...base,
        status: 'behind',
        neededPerMonth: unitRound(yearNeeded),
        message: `Behind: ${amount(currentYear.missingUnits)} still needed by ${currentYear.end} for this cycle year, ${perMonth(yearNeeded)} to make it.`,
      }
    }
  }
  const neededPerDay = progress.stillNeededUnits / Math.max(1, daysLeft)
  const steadyPerDay = required / totalDays
  if (neededPerDay > steadyPerDay * behindFactor) {
    return {
      ...base,
      status: 'behind',
      message: `Behind: ${counted}, about ${unitNumber(unitApproximate(expectedByToday))} expected by today; ${perMonth(neededPerMonth)} to finish on time (by ${cycle.end}).`,
    }
  }
  return {
    ...base,
    status: 'on-track',
    message: `On track: ${counted}; ${perMonth(neededPerMonth)} to finish on time (by ${cycle.end}).`,
  }
}

/** The plural unit name of a progress ("PDUs", "CPD points"), for table headers and labels. */
export function progressUnitLabel(progress: Pick<CycleProgress, 'unitName'>): string {
  return unitLabel(progress.unitName, 2)
}
