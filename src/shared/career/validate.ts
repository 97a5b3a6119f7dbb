import type { IsoDate } from '../domain/model'
import { dateIsValidIsoDate } from '../domain/dates'
import type { CategoryRule } from './catalogue'
import { certificationRules, cycleAddYears, rulesAcceptUnitsOf, type CertificationRules } from './cycle'
import {
  careerTextLimits,
  educationMaxParts,
  type CareerGoal,
  type CareerProfile,
  type CertificationRecord,
  type CustomCertificationDefinition,
  type EducationEntry,
  type EducationPart,
  type SalaryEntry,
} from './model'
import { ruleCategories, rulesAcceptAnyCategory } from './progress'
import { unitAmount, unitIsStep, unitLabel, unitNumber, unitRound } from './units'

/** A validation result: the cleaned value, or a message for the user naming the field and the problem. */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string; field: string }

const fail = <T>(field: string, message: string): Checked<T> => ({ ok: false, field, message })

/** Most units one activity can carry (a whole cycle's worth many times over). */
export const maxUnitsPerEntry = 1000

/**
 * Parses units typed by the user ("10", "1.5", "0,25"): a number above 0 and at most 1000, in steps of `step`
 * (quarter units by default, as PMI claims PDUs). Refuses empty, non-numeric, negative and zero values and values
 * between steps with a message.
 */
export function validateUnits(text: string, field = 'units', step = 0.25): Checked<number> {
  const trimmed = text.trim().replace(',', '.')
  if (trimmed === '') return fail(field, 'Enter the number of units.')
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed))
    return fail(field, `Units must be a number; "${text.trim()}" is not.`)
  const value = Number(trimmed)
  if (!Number.isFinite(value)) return fail(field, 'Units must be a number.')
  if (value < 0) return fail(field, 'Units cannot be negative.')
  if (value === 0) return fail(field, 'Units must be more than 0.')
  if (value > maxUnitsPerEntry) return fail(field, `Units must be at most ${maxUnitsPerEntry} per activity.`)
  if (!unitIsStep(value, step))
    return fail(
      field,
      `Units go in steps of ${unitNumber(step)}${step === 0.25 ? ' (a quarter hour)' : ''}; ${trimmed} is not one.`,
    )
  return { ok: true, value: unitRound(value) }
}

/**
 * Checks that a text fits its limit, so nothing the user typed is silently cut: returns the trimmed text, or a
 * message naming the field, the length and the limit.
 */
export function validateTextLength(
  value: string,
  field: string,
  label: string,
  limit: number,
): Checked<string> {
  const trimmed = value.trim()
  if (trimmed.length <= limit) return { ok: true, value: trimmed }
  return fail(
    field,
    `The ${label} has ${unitNumber(trimmed.length)} characters; it can hold at most ${unitNumber(limit)}. Shorten it (nothing was stored).`,
  )
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
  const notes = validateTextLength(record.notes, 'notes', 'note', careerTextLimits.text)
  if (!notes.ok) return fail(notes.field, notes.message)
  const credential = validateTextLength(
    record.credentialId,
    'credentialId',
    'credential id',
    careerTextLimits.short,
  )
  if (!credential.ok) return fail(credential.field, credential.message)
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
  for (const [field, label, value, limit] of [
    ['customName', 'name', custom.name, careerTextLimits.short],
    ['customIssuer', 'issuer', custom.issuer, careerTextLimits.short],
    ['customUnitName', 'unit name', custom.unitName ?? '', 40],
  ] as const) {
    const checked = validateTextLength(value, field, label, limit)
    if (!checked.ok) return fail(checked.field, checked.message)
  }
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

/** One category line of the education-log form, as typed. */
export type EducationPartDraft = { category: string; units: string }

/** The fields of the education-log form, as typed. */
export type EducationEntryDraft = {
  date: string
  activity: string
  activityType: string
  provider: string
  /** One line per category the activity counts in; several for an activity split across areas. */
  parts: EducationPartDraft[]
  evidence: string
  note: string
}

/** A certification the activity is logged for, with its rules; the first one is the one it is logged under. */
export type EducationTarget = { id: string; rules: CertificationRules }

/** The empty draft of the education-log form, dated `date`, with one category line. */
export function educationDraftEmpty(date: string, category = ''): EducationEntryDraft {
  return {
    date,
    activity: '',
    activityType: '',
    provider: '',
    parts: [{ category, units: '' }],
    evidence: '',
    note: '',
  }
}

/**
 * Checks a continuing-education activity typed by the user, for every certification it is logged for (the first
 * is the one it is logged under; the others must accept its units: PMI PDUs toward other PMI certifications,
 * PDUs as Scrum Alliance SEUs): a real date not in the future, an activity, text within its limits, one or more
 * category lines with distinct categories that every certification with named categories knows, units in quarter
 * steps, and a total each certification's per-activity limit allows (PeopleCert: 0.5 to 15 points). Problems
 * of a category line name the field `parts.N.category` or `parts.N.units`.
 */
export function validateEducationEntry(
  draft: EducationEntryDraft,
  targets: readonly EducationTarget[],
  today: IsoDate,
): Checked<Omit<EducationEntry, 'id'>> {
  const primary = targets[0]
  if (primary === undefined) return fail('form', 'Choose the certification the activity counts toward.')
  const ids = targets.map((target) => target.id)
  if (new Set(ids).size !== ids.length) return fail('alsoFor', 'A certification is chosen twice.')
  for (const other of targets.slice(1)) {
    if (!rulesAcceptUnitsOf(other.rules, primary.rules))
      return fail(
        'alsoFor',
        `${other.rules.name} does not accept ${unitLabel(primary.rules.unitName, 2)} logged for ${primary.rules.name}; log it there separately.`,
      )
  }
  const date = validateDay(draft.date, 'date', 'activity date')
  if (!date.ok) return date
  if (date.value > today)
    return fail(
      'date',
      `The activity date ${date.value} is in the future; log activities once they are done.`,
    )
  if (draft.activity.trim() === '') return fail('activity', 'Describe the activity.')
  const activity = validateTextLength(draft.activity, 'activity', 'activity', careerTextLimits.short)
  if (!activity.ok) return activity
  const activityType = validateTextLength(
    draft.activityType,
    'activityType',
    'activity type',
    careerTextLimits.short,
  )
  if (!activityType.ok) return activityType
  const provider = validateTextLength(draft.provider, 'provider', 'provider', careerTextLimits.short)
  if (!provider.ok) return provider
  const evidence = validateTextLength(draft.evidence, 'evidence', 'evidence', careerTextLimits.short)
  if (!evidence.ok) return evidence
  const note = validateTextLength(draft.note, 'note', 'note', careerTextLimits.text)
  if (!note.ok) return note
  if (draft.parts.length === 0) return fail('parts.0.category', 'Choose a category.')
  if (draft.parts.length > educationMaxParts)
    return fail('parts', `One activity can be split into at most ${educationMaxParts} categories.`)
  const step = Math.min(...targets.map((target) => target.rules.unitStep))
  const parts: EducationPart[] = []
  for (const [index, partDraft] of draft.parts.entries()) {
    const category = partDraft.category.trim()
    if (category === '') return fail(`parts.${index}.category`, 'Choose a category.')
    const tooLong = validateTextLength(
      category,
      `parts.${index}.category`,
      'category',
      careerTextLimits.short,
    )
    if (!tooLong.ok) return tooLong
    for (const target of targets) {
      const known = ruleCategories(target.rules)
      if (!rulesAcceptAnyCategory(target.rules) && !known.includes(category))
        return fail(
          `parts.${index}.category`,
          `"${category}" is not a category of ${target.rules.name}; choose one of ${known.join(', ')}.`,
        )
    }
    if (parts.some((part) => part.category === category))
      return fail(`parts.${index}.category`, `"${category}" is listed twice; put its units on one line.`)
    const units = validateUnits(partDraft.units, `parts.${index}.units`, step)
    if (!units.ok) return units
    parts.push({ category, units: units.value })
  }
  const total = unitRound(parts.reduce((sum, part) => sum + part.units, 0))
  if (total > maxUnitsPerEntry)
    return fail(`parts.${parts.length - 1}.units`, `Units must be at most ${maxUnitsPerEntry} per activity.`)
  for (const target of targets) {
    const limit = target.rules.unitsPerActivity
    if (limit === null || (total >= limit.min && total <= limit.max)) continue
    return fail(
      `parts.${parts.length - 1}.units`,
      `${target.rules.name} counts one activity for ${unitNumber(limit.min)} to ${unitAmount(target.rules.unitName, limit.max)}; this one has ${unitNumber(total)}. ${total > limit.max ? 'Log a longer activity as several entries (one per session or day).' : 'Log it together with related activities.'}`,
    )
  }
  return {
    ok: true,
    value: {
      certificationIds: ids,
      date: date.value,
      activity: activity.value,
      activityType: activityType.value,
      provider: provider.value,
      parts,
      evidence: evidence.value,
      note: note.value,
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
  const role = validateTextLength(draft.role, 'role', 'role', careerTextLimits.short)
  if (!role.ok) return role
  const note = validateTextLength(draft.note, 'note', 'note', careerTextLimits.text)
  if (!note.ok) return note
  return { ok: true, value: { date: date.value, amount, currency, role: role.value, note: note.value } }
}

/** Checks a goal: a title and an optional due date. */
export function validateGoal(draft: {
  title: string
  dueOn: string
}): Checked<Pick<CareerGoal, 'title' | 'dueOn'>> {
  if (draft.title.trim() === '') return fail('title', 'Describe the goal.')
  const title = validateTextLength(draft.title, 'title', 'goal', careerTextLimits.short)
  if (!title.ok) return title
  const due = validateOptionalDay(draft.dueOn, 'dueOn', 'due date')
  if (!due.ok) return due
  return { ok: true, value: { title: title.value, dueOn: due.value } }
}

/** Checks the profile: years of experience from 0 to 60, a target date that is a real day. */
export function validateProfile(profile: CareerProfile): Checked<CareerProfile> {
  if (
    !Number.isFinite(profile.yearsOfExperience) ||
    profile.yearsOfExperience < 0 ||
    profile.yearsOfExperience > 60
  )
    return fail('yearsOfExperience', 'Years of experience must be a number from 0 to 60.')
  for (const [field, label, value] of [
    ['currentRole', 'current role', profile.currentRole],
    ['targetRole', 'target role', profile.targetRole],
  ] as const) {
    const checked = validateTextLength(value, field, label, careerTextLimits.short)
    if (!checked.ok) return fail(checked.field, checked.message)
  }
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
