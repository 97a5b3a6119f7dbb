import type { IsoDate } from '../domain/model'
import type { CategoryRule } from './catalogue'
import {
  cycleContains,
  cycleDaysBetween,
  cycleYears,
  type CertificationRules,
  type RenewalCycle,
} from './cycle'
import type { EducationEntry } from './model'

/** Whether a rule covers every logged unit ("All CPD categories" for a certification counted in CPD). */
export function ruleIsTotal(rule: CategoryRule, unitName: string | null): boolean {
  const name = rule.category.trim().toLowerCase()
  if (unitName !== null && name === `all ${unitName.toLowerCase()} categories`) return true
  return name === 'all categories'
}

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
 * Whether a category outside the rules may be logged: yes when the rules only constrain totals or some
 * categories per year (PeopleCert's "All CPD categories"), or when there are no rules at all.
 */
export function rulesAcceptAnyCategory(rules: CertificationRules): boolean {
  const cycleRules = rules.categoryRules.filter(
    (rule) => rule.per === undefined && !ruleIsTotal(rule, rules.unitName),
  )
  return cycleRules.length === 0
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
  notCountingUnits: number
  /** Why some units do not count: a cap, a category outside the rules, or a date outside the cycle. */
  reason: string | null
}

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
  /** Units logged inside the cycle. */
  loggedUnits: number
  /** Units that count after caps. */
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
  isComplete: boolean
}

const epsilon = 1e-9

/** Rounds to hundredths so sums of quarter PDUs do not show floating-point dust. */
function round(value: number): number {
  return Math.round(value * 100) / 100
}

type Allocation = {
  categories: CategoryProgress[]
  counted: Map<string, number>
  reasons: Map<string, string>
}

/**
 * Spreads entries over rules: in date order, each entry counts up to the remaining room of every capped rule
 * it falls under (its category, the parent categories, "all" rules). Earlier activities count first.
 */
function allocate(
  rules: CategoryRule[],
  entries: EducationEntry[],
  unitName: string | null,
  acceptAnyCategory: boolean,
): Allocation {
  const byCategory = new Map<string, CategoryRule>()
  for (const rule of rules) if (!ruleIsTotal(rule, unitName)) byCategory.set(rule.category, rule)
  const totals = rules.filter((rule) => ruleIsTotal(rule, unitName))
  const logged = new Map<CategoryRule, number>()
  const countedPerRule = new Map<CategoryRule, number>()
  const counted = new Map<string, number>()
  const reasons = new Map<string, string>()
  for (const rule of rules) {
    logged.set(rule, 0)
    countedPerRule.set(rule, 0)
  }
  const ordered = [...entries].sort((a, b) =>
    a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? -1 : 1,
  )
  for (const entry of ordered) {
    const chain: CategoryRule[] = []
    let rule = byCategory.get(entry.category)
    const seen = new Set<CategoryRule>()
    while (rule !== undefined && !seen.has(rule)) {
      seen.add(rule)
      chain.push(rule)
      rule = rule.within === undefined ? undefined : byCategory.get(rule.within)
    }
    chain.push(...totals)
    if (chain.length === totals.length && !acceptAnyCategory) {
      counted.set(entry.id, 0)
      reasons.set(entry.id, `"${entry.category}" is not a category of this certification`)
      continue
    }
    let allowed = entry.units
    for (const link of chain) {
      logged.set(link, (logged.get(link) ?? 0) + entry.units)
      if (link.max !== undefined) {
        const room = Math.max(0, link.max - (countedPerRule.get(link) ?? 0))
        if (room + epsilon < allowed) {
          allowed = room
          reasons.set(entry.id, `over the ${link.category} cap of ${link.max}`)
        }
      }
    }
    for (const link of chain) countedPerRule.set(link, (countedPerRule.get(link) ?? 0) + allowed)
    counted.set(entry.id, allowed)
  }
  const categories = rules.map((rule): CategoryProgress => {
    const loggedUnits = round(logged.get(rule) ?? 0)
    const countedUnits = round(countedPerRule.get(rule) ?? 0)
    return {
      category: rule.category,
      within: rule.within ?? null,
      isTotal: ruleIsTotal(rule, unitName),
      min: rule.min ?? null,
      max: rule.max ?? null,
      loggedUnits,
      countedUnits,
      overCapUnits: round(loggedUnits - countedUnits),
      missingUnits: rule.min === undefined ? 0 : round(Math.max(0, rule.min - countedUnits)),
    }
  })
  return { categories, counted, reasons }
}

/**
 * Turns the continuing-education log into the progress of one renewal cycle: which units count (caps applied,
 * earlier activities first), what is still missing per category and per cycle year, and whether the cycle's
 * requirements are met. Units are the certification's own (PDU, CPD points, SEU).
 *
 * Rules: a sub-category (`within`) also counts toward its parent and the parent's cap; a rule with `per: year`
 * applies to each year of the cycle on its own, so a surplus in one year does not make up for another.
 */
export function progressOfCycle(
  rules: CertificationRules,
  cycle: RenewalCycle,
  entries: readonly EducationEntry[],
): CycleProgress {
  const acceptAny = rulesAcceptAnyCategory(rules)
  const inCycle = entries.filter((entry) => cycleContains(cycle, entry.date))
  const cycleRules = rules.categoryRules.filter((rule) => rule.per === undefined)
  const yearlyRules = rules.categoryRules.filter((rule) => rule.per === 'year')
  const cycleAllocation = allocate(cycleRules, inCycle, rules.unitName, acceptAny)

  const yearSpans = yearlyRules.length > 0 ? cycleYears(cycle) : []
  const yearOf = new Map<string, number>()
  const years: YearProgress[] = yearSpans.map((span) => {
    const yearEntries = inCycle.filter((entry) => entry.date >= span.start && entry.date <= span.end)
    for (const entry of yearEntries) yearOf.set(entry.id, span.index)
    const allocation = allocate(yearlyRules, yearEntries, rules.unitName, true)
    for (const [entryId, units] of allocation.counted) {
      const before = cycleAllocation.counted.get(entryId) ?? 0
      if (units + epsilon < before) {
        cycleAllocation.counted.set(entryId, units)
        const reason = allocation.reasons.get(entryId)
        if (reason !== undefined) cycleAllocation.reasons.set(entryId, reason)
      }
    }
    return {
      index: span.index,
      start: span.start,
      end: span.end,
      loggedUnits: round(yearEntries.reduce((sum, entry) => sum + entry.units, 0)),
      categories: allocation.categories,
      missingUnits: round(Math.max(0, ...allocation.categories.map((category) => category.missingUnits))),
    }
  })

  const entryCountings: EntryCounting[] = entries.map((entry) => {
    if (!cycleContains(cycle, entry.date)) {
      return {
        entryId: entry.id,
        isInCycle: false,
        yearIndex: null,
        countedUnits: 0,
        notCountingUnits: entry.units,
        reason: entry.date < cycle.start ? 'before the current cycle' : 'after the cycle ends',
      }
    }
    const countedUnits = round(cycleAllocation.counted.get(entry.id) ?? entry.units)
    return {
      entryId: entry.id,
      isInCycle: true,
      yearIndex: yearOf.get(entry.id) ?? null,
      countedUnits,
      notCountingUnits: round(entry.units - countedUnits),
      reason: countedUnits + epsilon < entry.units ? (cycleAllocation.reasons.get(entry.id) ?? null) : null,
    }
  })

  const loggedUnits = round(inCycle.reduce((sum, entry) => sum + entry.units, 0))
  const countedUnits = round(
    entryCountings
      .filter((counting) => counting.isInCycle)
      .reduce((sum, counting) => sum + counting.countedUnits, 0),
  )
  const yearlyTotal = yearlyRules.find((rule) => ruleIsTotal(rule, rules.unitName) && rule.min !== undefined)
  let countedTowardRequired = countedUnits
  if (yearlyTotal?.min !== undefined) {
    const perYear = yearlyTotal.min
    countedTowardRequired = round(
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
  const stillNeededUnits = round(
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
  return {
    cycle,
    unitName: rules.unitName ?? 'units',
    requiredUnits,
    loggedUnits,
    countedUnits,
    countedTowardRequired,
    overCapUnits: round(loggedUnits - countedUnits),
    stillNeededUnits,
    categories: cycleAllocation.categories,
    years,
    entries: entryCountings,
    isComplete: stillNeededUnits === 0 && !anyCategoryMissing,
  }
}

export type PaceStatus = 'complete' | 'on-track' | 'behind' | 'not-started' | 'lapsed' | 'no-requirement'

export type Pace = {
  status: PaceStatus
  /** Units a steady pace would have logged by today (end of today). */
  expectedByToday: number
  /** Units per month still needed to finish by the end of the cycle. */
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
 * Whether the pace of logging is on track to complete the cycle by its end. Behind means the units per month
 * still needed exceed the steady rate (requirement spread over the whole cycle) by more than 25 %, or a past
 * cycle year missed its yearly minimum (which cannot be made up later). Units per month use 30.44-day months.
 */
export function progressPace(progress: CycleProgress, today: IsoDate): Pace {
  const { cycle } = progress
  const totalDays = cycleDaysBetween(cycle.start, cycle.end) + 1
  const elapsedDays = Math.min(totalDays, Math.max(0, cycleDaysBetween(cycle.start, today) + 1))
  const daysLeft = Math.max(0, totalDays - elapsedDays)
  const unit = progress.unitName
  const required = progress.requiredUnits ?? progress.stillNeededUnits + progress.countedTowardRequired
  const steadyPerMonth = round((required / totalDays) * daysPerMonth)
  const expectedByToday = round((required * elapsedDays) / totalDays)
  const neededPerMonth = round((progress.stillNeededUnits / Math.max(1, daysLeft)) * daysPerMonth)
  const base = { expectedByToday, neededPerMonth, steadyPerMonth, daysLeft }
  if (progress.isComplete)
    return { ...base, status: 'complete', neededPerMonth: 0, message: 'All requirements met.' }
  if (required === 0)
    return { ...base, status: 'no-requirement', message: 'No continuing-education requirement.' }
  if (today < cycle.start)
    return { ...base, status: 'not-started', message: 'The cycle has not started yet.' }
  if (today > cycle.end) {
    return {
      ...base,
      status: 'lapsed',
      message: `The cycle ended on ${cycle.end} with ${progress.stillNeededUnits} ${unit} still missing.`,
    }
  }
  const shortYear = progress.years.find((year) => year.end < today && year.missingUnits > 0)
  if (shortYear !== undefined) {
    return {
      ...base,
      status: 'behind',
      message: `Year ${shortYear.index + 1} of the cycle (${shortYear.start} to ${shortYear.end}) ended ${shortYear.missingUnits} ${unit} short; yearly minimums cannot be made up later.`,
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
        neededPerMonth: round(yearNeeded),
        message: `Behind: ${currentYear.missingUnits} ${unit} still needed by ${currentYear.end} for this cycle year (about ${round(yearNeeded)} a month).`,
      }
    }
  }
  const neededPerDay = progress.stillNeededUnits / Math.max(1, daysLeft)
  const steadyPerDay = required / totalDays
  if (neededPerDay > steadyPerDay * behindFactor) {
    return {
      ...base,
      status: 'behind',
      message: `Behind: ${progress.countedTowardRequired} of ${required} ${unit} count so far, ${expectedByToday} expected by today; about ${neededPerMonth} a month needed to finish by ${cycle.end}.`,
    }
  }
  return {
    ...base,
    status: 'on-track',
    message: `On track: ${progress.countedTowardRequired} of ${required} ${unit} count; about ${neededPerMonth} a month keeps you on pace.`,
  }
}
