import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { catalogueCertifications } from '../../src/shared/career/catalogue'
import { carryOverOut } from '../../src/shared/career/carry-over'
import {
  certificationRules,
  cycleLastYear,
  type CertificationRules,
  type RenewalCycle,
} from '../../src/shared/career/cycle'
import { icsEscapeText, icsFoldLine } from '../../src/shared/career/ics'
import {
  certificationMake,
  educationEntryMake,
  educationEntryUnits,
  type EducationEntry,
} from '../../src/shared/career/model'
import { progressOfCycle, ruleCategories } from '../../src/shared/career/progress'
import { dateAddDays } from '../../src/shared/domain/dates'

const withRules = catalogueCertifications.filter(
  (entry) => entry.categoryRules.length > 0 || entry.unitsPerYear !== null,
)
const cycle: RenewalCycle = { index: 0, start: '2024-02-29', end: '2027-02-28' }

const scenario = fc.constantFrom(...withRules.map((entry) => entry.id)).chain((id) => {
  const rules = certificationRules(certificationMake('x', { catalogueId: id })) as CertificationRules
  const categories = [...ruleCategories(rules), 'Other']
  const part = fc.record({
    category: fc.constantFrom(...categories),
    units: fc.integer({ min: 1, max: 160 }).map((quarters) => quarters / 4),
  })
  // One to three parts in distinct categories: an activity split across areas.
  const entry = fc.record({
    parts: fc.uniqueArray(part, { minLength: 1, maxLength: 3, selector: (item) => item.category }),
    dayOffset: fc.integer({ min: -30, max: 1130 }),
  })
  return fc.tuple(fc.constant(rules), fc.array(entry, { maxLength: 30 }))
})

function entriesOf(
  rows: { parts: { category: string; units: number }[]; dayOffset: number }[],
): EducationEntry[] {
  return rows.map((row, index) =>
    educationEntryMake(`e${String(index).padStart(3, '0')}`, {
      certificationIds: ['x'],
      date: dateAddDays(cycle.start, row.dayOffset),
      parts: row.parts,
    }),
  )
}

describe('cycle progress invariants (any catalogue certification, any log)', () => {
  it('counts never exceed what was logged, caps hold, and the totals add up', () => {
    fc.assert(
      fc.property(scenario, ([rules, rows]) => {
        const entries = entriesOf(rows)
        const progress = progressOfCycle(rules, cycle, entries)
        let sum = 0
        for (const counting of progress.entries) {
          const entry = entries.find((item) => item.id === counting.entryId) as EducationEntry
          const units = educationEntryUnits(entry)
          expect(counting.countedUnits).toBeGreaterThanOrEqual(0)
          expect(counting.countedUnits).toBeLessThanOrEqual(units + 1e-9)
          expect(counting.countedUnits + counting.notCountingUnits).toBeCloseTo(units, 6)
          expect(counting.countedParts.reduce((total, value) => total + value, 0)).toBeCloseTo(
            counting.countedUnits,
            6,
          )
          counting.countedParts.forEach((value, index) =>
            expect(value).toBeLessThanOrEqual((entry.parts[index]?.units ?? 0) + 1e-9),
          )
          if (rules.unitsPerActivity !== null)
            expect(counting.countedUnits).toBeLessThanOrEqual(rules.unitsPerActivity.max)
          sum += counting.countedUnits
        }
        expect(progress.countedUnits).toBeCloseTo(sum, 6)
        for (const category of progress.categories) {
          if (category.max !== null) expect(category.countedUnits).toBeLessThanOrEqual(category.max + 1e-9)
          expect(category.countedUnits).toBeLessThanOrEqual(category.loggedUnits + 1e-9)
          if (category.min !== null)
            expect(category.missingUnits).toBeCloseTo(Math.max(0, category.min - category.countedUnits), 6)
        }
        if (progress.requiredUnits !== null) {
          expect(progress.countedTowardRequired).toBeLessThanOrEqual(progress.countedUnits + 1e-9)
          expect(progress.stillNeededUnits).toBeGreaterThanOrEqual(
            progress.requiredUnits - progress.countedTowardRequired - 1e-9,
          )
        }
        expect(progress.isComplete).toBe(
          progress.stillNeededUnits === 0 &&
            progress.categories.every((c) => c.missingUnits === 0) &&
            progress.years.every((y) => y.missingUnits === 0),
        )
      }),
      { numRuns: 300 },
    )
  })

  it('the totals do not depend on the order the log is stored in', () => {
    fc.assert(
      fc.property(scenario, fc.integer(), ([rules, rows], seed) => {
        const entries = entriesOf(rows)
        const shuffled = [...entries].sort(
          (a, b) => ((a.id.charCodeAt(2) * 31 + seed) % 7) - ((b.id.charCodeAt(2) * 31 + seed) % 7),
        )
        const first = progressOfCycle(rules, cycle, entries)
        const second = progressOfCycle(rules, cycle, shuffled)
        expect(second.categories).toEqual(first.categories)
        expect(second.countedTowardRequired).toBe(first.countedTowardRequired)
        expect(second.stillNeededUnits).toBe(first.stillNeededUnits)
      }),
      { numRuns: 200 },
    )
  })

  it('logging more never reduces what counts', () => {
    fc.assert(
      fc.property(scenario, ([rules, rows]) => {
        const entries = entriesOf(rows)
        const fewer = progressOfCycle(rules, cycle, entries.slice(0, Math.floor(entries.length / 2)))
        const more = progressOfCycle(rules, cycle, entries)
        expect(more.countedTowardRequired).toBeGreaterThanOrEqual(fewer.countedTowardRequired - 1e-9)
        expect(more.stillNeededUnits).toBeLessThanOrEqual(fewer.stillNeededUnits + 1e-9)
      }),
      { numRuns: 200 },
    )
  })
})

describe('carry-over invariants (any log of a certification with a carry-over rule)', () => {
  it('never more than the figure, only the last year, only units above the requirement', () => {
    const withCarry = catalogueCertifications.filter((entry) => entry.carryOverMax !== null)
    const carryScenario = fc.constantFrom(...withCarry.map((entry) => entry.id)).chain((id) => {
      const rules = certificationRules(certificationMake('x', { catalogueId: id })) as CertificationRules
      const part = fc.record({
        category: fc.constantFrom(...ruleCategories(rules)),
        units: fc.integer({ min: 1, max: 80 }).map((quarters) => quarters / 4),
      })
      const entry = fc.record({
        parts: fc.uniqueArray(part, { minLength: 1, maxLength: 3, selector: (item) => item.category }),
        dayOffset: fc.integer({ min: 0, max: 1095 }),
      })
      return fc.tuple(fc.constant(rules), fc.array(entry, { maxLength: 40 }))
    })
    fc.assert(
      fc.property(carryScenario, ([rules, rows]) => {
        const entries = entriesOf(rows)
        const carried = carryOverOut(rules, cycle, entries)
        const total = carried.reduce((sum, item) => sum + item.units, 0)
        expect(total).toBeLessThanOrEqual((rules.carryOverMax ?? 0) + 1e-9)
        const progress = progressOfCycle(rules, cycle, entries)
        expect(total).toBeLessThanOrEqual(
          Math.max(0, progress.countedTowardRequired - (rules.unitsPerCycle ?? 0)) + 1e-9,
        )
        const lastYear = cycleLastYear(cycle)
        for (const item of carried) {
          expect(item.date >= lastYear.start && item.date <= cycle.end).toBe(true)
          const counting = progress.entries.find((row) => row.entryId === item.entryId)
          expect(item.units).toBeLessThanOrEqual((counting?.countedUnits ?? 0) + 1e-9)
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('ics text', () => {
  it('folding keeps lines within 75 octets and unfolds to the same text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const line = `SUMMARY:${icsEscapeText(text)}`
        const folded = icsFoldLine(line)
        for (const physical of folded.split('\r\n'))
          expect(new TextEncoder().encode(physical).length).toBeLessThanOrEqual(75)
        expect(folded.replace(/\r\n /g, '')).toBe(line)
        expect(line).not.toMatch(/[\r\n]/)
      }),
      { numRuns: 300 },
    )
  })
})
