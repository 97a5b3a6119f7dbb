import type { IsoDate } from '../domain/model'
import { dateIsValidIsoDate } from '../domain/dates'
import type { CategoryRule } from './catalogue'
import { certificationRules, cycleAddYears, type CertificationRules } from './cycle'
import type {
  CareerGoal,
  CareerProfile,
  CertificationRecord,
  CustomCertificationDefinition,
  EducationEntry,
  SalaryEntry,
} from './model'
import { ruleCategories, rulesAcceptAnyCategory } from './progress'

/** A validation result: the cleaned value, or a message for the user naming the field and the problem. */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string; field: string }

const fail = <T>(field: string, message: string): Checked<T> => ({ ok: false, field, message })

/** Most units one activity can carry (a whole cycle's worth many times over). */
export const maxUnitsPerEntry = 1000

/**
 * Parses units typed by the user ("10", "1.5", "0,25"): a number above 0 and at most 1000 with at most two
 * decimals. Refuses empty, non-numeric, negative and zero values with a message.
 */
export function validateUnits(text: string, field = 'units'): Checked<number> {
  const trimmed = text.trim().replace(',', '.')
  if (trimmed === '') return fail(field, 'Enter the number of units.')
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed))
    return fail(field, `Units must be a number; "${text.trim()}" is not.`)
  const value = Number(trimmed)
  if (!Number.isFinite(value)) return fail(field, 'Units must be a number.')
  if (value < 0) return fail(field, 'Units cannot be negative.')
  if (value === 0) return fail(field, 'Units must be more than 0.')
  if (value > maxUnitsPerEntry) return fail(field, `Units must be at most ${maxUnitsPerEntry} per activity.`)
  if (Math.round(value * 100) !== value * 100 && Math.abs(Math.round(value * 100) - value * 100) > 1e-6)
    return fail(field, 'Units can have at most two decimals (e.g. 0.25).')
  return { ok: true, value: Math.round(value * 100) / 100 }
}

/** Checks a required `YYYY-MM-DD` day. */
export function validateDay(text: string, field: string, label: string): Checked<IsoDate> {
  const trimmed = text.trim()
  if (trimmed === '') return fail(field, `Enter the ${label}.`)
  if (!dateIsValidIsoDate(trimmed)) return fail(field, `The ${label} must be a real date written YYYY-MM-DD.`)
  return { ok: true, value: trimmed }
}

/** Checks an optional `YYYY-MM-DD` day (empty gives `null`). */
export function validateOptionalDay(text: string, field: string, label: string): Checked<IsoDate | null> {
  if (text.trim() === '') return { ok: true, value: null }
  return validateDay(text, field, label)
}

/**
 * Checks the dates of a certification record against each other and today: an earned date in the future, an
 * expiry before the earned date, an earned certification without an earned date, a lifetime certificate with
 * an expiry. Returns the record unchanged when it is consistent.
 */
export function validateCertification(
  record: CertificationRecord,
  today: IsoDate,
): Checked<CertificationRecord> {
  const rules = certificationRules(record)
  if (rules === null)
    return fail('catalogueId', 'Choose a certification from the catalogue or define a custom one.')
  if (record.custom !== null) {
    const custom = validateCustomDefinition(record.custom)
    if (!custom.ok) return fail(custom.field, custom.message)
  }
  if (record.status === 'earned' && record.earnedOn === null)
    return fail('earnedOn', 'Enter the date the certification was earned.')
  if (record.earnedOn !== null && record.earnedOn > today)
    return fail(
      'earnedOn',
      `The earned date ${record.earnedOn} is in the future; a certification is earned on or before today (${today}).`,
    )
  if (record.expiresOnOverride !== null) {
    if (rules.validityYears === null)
      return fail('expiresOnOverride', 'This certificate does not expire, so it has no expiry date.')
    if (record.earnedOn === null)
      return fail('expiresOnOverride', 'Enter the earned date before the expiry date.')
    if (record.expiresOnOverride <= record.earnedOn)
      return fail(
        'expiresOnOverride',
        `The expiry date ${record.expiresOnOverride} must be after the earned date ${record.earnedOn}.`,
      )
    if (record.expiresOnOverride > cycleAddYears(record.earnedOn, rules.validityYears + 1))
      return fail(
        'expiresOnOverride',
        `The expiry date is more than a year beyond the ${rules.validityYears}-year validity; check it.`,
      )
  }
  if (
    record.examBookedOn !== null &&
    record.applicationOn !== null &&
    record.examBookedOn < record.applicationOn
  )
    return fail('examBookedOn', 'The exam cannot be booked before the application.')
  if (record.examOn !== null && record.examBookedOn !== null && record.examOn < record.examBookedOn)
    return fail('examOn', 'The exam day cannot be before the day it is booked.')
  let previous = record.earnedOn ?? ''
  for (const renewal of record.renewals) {
    if (renewal.renewedOn < previous)
      return fail('renewals', 'Renewals must be in date order, after the earned date.')
    if (renewal.renewedOn > today) return fail('renewals', 'A renewal date cannot be in the future.')
    previous = renewal.renewedOn
  }
  return { ok: true, value: record }
}

/** Checks the rules of a custom certification: a name, sensible numbers, sub-categories that name a parent. */
export function validateCustomDefinition(
  custom: CustomCertificationDefinition,
): Checked<CustomCertificationDefinition> {
  if (custom.name.trim() === '') return fail('customName', 'Enter the name of the certification.')
  if (
    custom.validityYears !== null &&
    (!Number.isInteger(custom.validityYears) || custom.validityYears < 1 || custom.validityYears > 20)
  )
    return fail(
      'customValidity',
      'Validity must be a whole number of years from 1 to 20, or empty for a lifetime certificate.',
    )
  if (
    custom.unitsPerCycle !== null &&
    (!Number.isFinite(custom.unitsPerCycle) || custom.unitsPerCycle <= 0 || custom.unitsPerCycle > 10000)
  )
    return fail('customUnits', 'Units per cycle must be a number above 0, or empty.')
  const names = new Set(custom.categoryRules.map((rule) => rule.category))
  for (const rule of custom.categoryRules) {
    const problem = ruleProblem(rule, names)
    if (problem !== null) return fail('customRules', problem)
  }
  return { ok: true, value: { ...custom, name: custom.name.trim(), issuer: custom.issuer.trim() } }
}

function ruleProblem(rule: CategoryRule, names: Set<string>): string | null {
  if (rule.category.trim() === '') return 'Every rule needs a category name.'
  for (const [key, value] of [
    ['minimum', rule.min],
    ['maximum', rule.max],
  ] as const) {
    if (value !== undefined && (!Number.isFinite(value) || value < 0))
      return `The ${key} of "${rule.category}" must be a number of 0 or more.`
  }
  if (rule.min === undefined && rule.max === undefined)
    return `"${rule.category}" needs a minimum or a maximum.`
  if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max)
    return `The minimum of "${rule.category}" is above its maximum.`
  if (rule.within !== undefined && (!names.has(rule.within) || rule.within === rule.category))
    return `"${rule.category}" is inside "${rule.within}", which is not another category of this certification.`
  return null
}

/** The text fields of the education-log form, as typed. */
export type EducationEntryDraft = {
  date: string
  activity: string
  provider: string
  category: string
  units: string
  note: string
}

/**
 * Checks a continuing-education entry typed by the user: a real date not in the future, an activity, a
 * category that the certification's rules know (unless they accept any), and valid units.
 */
export function validateEducationEntry(
  draft: EducationEntryDraft,
  rules: CertificationRules,
  today: IsoDate,
): Checked<Omit<EducationEntry, 'id' | 'certificationId'>> {
  const date = validateDay(draft.date, 'date', 'activity date')
  if (!date.ok) return date
  if (date.value > today)
    return fail(
      'date',
      `The activity date ${date.value} is in the future; log activities once they are done.`,
    )
  if (draft.activity.trim() === '') return fail('activity', 'Describe the activity.')
  const category = draft.category.trim()
  if (category === '') return fail('category', 'Choose a category.')
  const known = ruleCategories(rules)
  if (!rulesAcceptAnyCategory(rules) && !known.includes(category))
    return fail(
      'category',
      `"${category}" is not a category of ${rules.name}; choose one of ${known.join(', ')}.`,
    )
  const units = validateUnits(draft.units)
  if (!units.ok) return units
  return {
    ok: true,
    value: {
      date: date.value,
      activity: draft.activity.trim(),
      provider: draft.provider.trim(),
      category,
      units: units.value,
      note: draft.note.trim(),
    },
  }
}

/** Checks a salary typed by the user: a date, a positive yearly amount, a three-letter currency. */
export function validateSalary(draft: {
  date: string
  amount: string
  currency: string
  role: string
  note: string
}): Checked<Omit<SalaryEntry, 'id'>> {
  const date = validateDay(draft.date, 'date', 'salary date')
  if (!date.ok) return date
  const text = draft.amount.trim().replace(/[\s,]/g, '')
  if (text === '') return fail('amount', 'Enter the yearly salary.')
  if (!/^\d+(\.\d{1,2})?$/.test(text))
    return fail('amount', `The salary must be a positive number; "${draft.amount.trim()}" is not.`)
  const amount = Number(text)
  if (amount <= 0 || amount > 100_000_000)
    return fail('amount', 'The salary must be above 0 and below 100,000,000.')
  const currency = draft.currency.trim().toUpperCase()
  if (!/^[A-Z]{3}$/.test(currency))
    return fail('currency', 'The currency must be a three-letter code such as USD.')
  return {
    ok: true,
    value: { date: date.value, amount, currency, role: draft.role.trim(), note: draft.note.trim() },
  }
}

/** Checks a goal: a title and an optional due date. */
export function validateGoal(draft: {
  title: string
  dueOn: string
}): Checked<Pick<CareerGoal, 'title' | 'dueOn'>> {
  if (draft.title.trim() === '') return fail('title', 'Describe the goal.')
  const due = validateOptionalDay(draft.dueOn, 'dueOn', 'due date')
  if (!due.ok) return due
  return { ok: true, value: { title: draft.title.trim(), dueOn: due.value } }
}

/** Checks the profile: years of experience from 0 to 60, a target date that is a real day. */
export function validateProfile(profile: CareerProfile): Checked<CareerProfile> {
  if (
    !Number.isFinite(profile.yearsOfExperience) ||
    profile.yearsOfExperience < 0 ||
    profile.yearsOfExperience > 60
  )
    return fail('yearsOfExperience', 'Years of experience must be a number from 0 to 60.')
  if (profile.targetDate !== null && !dateIsValidIsoDate(profile.targetDate))
    return fail('targetDate', 'The target date must be a real date written YYYY-MM-DD.')
  if (profile.currentLevel !== 'beyond' && profile.currentPath !== null)
    return { ok: true, value: { ...profile, currentPath: null } }
  return { ok: true, value: profile }
}

/**
 * Reads the category rules of a custom certification, one per line:
 * `Education: min 35`, `Ways of Working: min 8, within Education`, `Giving Back: max 25`,
 * `All CPD categories: min 20, per year`. Blank lines are skipped. Returns the rules or the first problem.
 */
export function customRulesParse(text: string): Checked<CategoryRule[]> {
  const rules: CategoryRule[] = []
  const lines = text.split(/\r?\n/)
  for (const [index, rawLine] of lines.entries()) {
    const line = rawLine.trim()
    if (line === '') continue
    const colon = line.indexOf(':')
    if (colon <= 0)
      return fail(
        'customRules',
        `Line ${index + 1}: write "Category: min 8" or "Category: max 25, within Parent".`,
      )
    const rule: CategoryRule = { category: line.slice(0, colon).trim() }
    for (const part of line.slice(colon + 1).split(',')) {
      const [keyword, ...rest] = part.trim().split(/\s+/)
      const value = rest.join(' ')
      const key = (keyword ?? '').toLowerCase()
      if (key === 'min' || key === 'max') {
        if (!/^\d+(\.\d+)?$/.test(value))
          return fail('customRules', `Line ${index + 1}: "${key}" needs a number of 0 or more.`)
        rule[key] = Number(value)
      } else if (key === 'within' && value !== '') rule.within = value
      else if (key === 'per' && value.toLowerCase() === 'year') rule.per = 'year'
      else if (key !== '')
        return fail('customRules', `Line ${index + 1}: "${part.trim()}" is not min, max, within or per year.`)
    }
    rules.push(rule)
  }
  return { ok: true, value: rules }
}

/** The text form of category rules that `customRulesParse` reads back. */
export function customRulesFormat(rules: readonly CategoryRule[]): string {
  return rules
    .map((rule) => {
      const parts: string[] = []
      if (rule.min !== undefined) parts.push(`min ${rule.min}`)
      if (rule.max !== undefined) parts.push(`max ${rule.max}`)
      if (rule.within !== undefined) parts.push(`within ${rule.within}`)
      if (rule.per !== undefined) parts.push('per year')
      return `${rule.category}: ${parts.join(', ')}`
    })
    .join('\n')
}
