import type { IsoDate } from '../domain/model'
import { dateAddDays } from '../domain/dates'
import {
  certificationEffectiveStatus,
  certificationRules,
  cycleCurrent,
  cycleDaysBetween,
  type CertificationRules,
  type RenewalCycle,
} from './cycle'
import type { CareerData, CertificationRecord } from './model'
import { progressOfCycle, progressPace, type CycleProgress, type Pace } from './progress'

/** Days before expiry at which a warning appears, most distant first. */
export const expiryWarningDays = [180, 90, 30] as const

export type CareerWarningKind =
  'expiry-180' | 'expiry-90' | 'expiry-30' | 'expired' | 'pace-behind' | 'unknown-rules'

export type CareerWarning = {
  kind: CareerWarningKind
  certificationId: string
  severity: 'info' | 'warning' | 'critical'
  message: string
}

/** A certification with its rules, current cycle, progress and pace, as of a day. */
export type CertificationStanding = {
  record: CertificationRecord
  rules: CertificationRules | null
  cycle: RenewalCycle | null
  progress: CycleProgress | null
  pace: Pace | null
  /** Days from today to the expiry day (0 = expires today, negative = lapsed); `null` without expiry. */
  daysToExpiry: number | null
}

/** The standing of one certification on `today`: rules, current cycle, progress, pace, days to expiry. */
export function certificationStanding(
  record: CertificationRecord,
  data: Pick<CareerData, 'educationEntries'>,
  today: IsoDate,
): CertificationStanding {
  const rules = certificationRules(record)
  const cycle = rules === null || record.status !== 'earned' ? null : cycleCurrent(record, rules)
  if (rules === null || cycle === null)
    return { record, rules, cycle: null, progress: null, pace: null, daysToExpiry: null }
  const entries = data.educationEntries.filter((entry) => entry.certificationId === record.id)
  const hasRequirement = rules.unitsPerCycle !== null || rules.categoryRules.length > 0
  const progress = hasRequirement ? progressOfCycle(rules, cycle, entries) : null
  const pace = progress === null ? null : progressPace(progress, today)
  return { record, rules, cycle, progress, pace, daysToExpiry: cycleDaysBetween(today, cycle.end) }
}

/**
 * The warnings to show on `today`: the nearest expiry threshold reached (180, 90 or 30 days before the expiry
 * day, or lapsed), a pace that has fallen behind, and a certification whose catalogue entry is unknown.
 * Certifications that are not earned give no warnings.
 */
export function careerWarnings(data: CareerData, today: IsoDate): CareerWarning[] {
  const warnings: CareerWarning[] = []
  for (const record of data.certifications) {
    const standing = certificationStanding(record, data, today)
    const name = standing.rules?.name ?? 'A certification'
    if (standing.rules === null) {
      warnings.push({
        kind: 'unknown-rules',
        certificationId: record.id,
        severity: 'warning',
        message: `${name} refers to catalogue entry "${record.catalogueId ?? ''}", which this version does not know.`,
      })
      continue
    }
    if (
      certificationEffectiveStatus(record, standing.rules, today) === 'planned' ||
      standing.daysToExpiry === null
    )
      continue
    const days = standing.daysToExpiry
    const expiry = standing.cycle?.end ?? ''
    const missing =
      standing.progress === null || standing.progress.isComplete
        ? 'requirements are met, remember to submit the renewal'
        : `${standing.progress.stillNeededUnits} ${standing.progress.unitName} still needed`
    if (days < 0) {
      warnings.push({
        kind: 'expired',
        certificationId: record.id,
        severity: 'critical',
        message: `${name} expired on ${expiry}.`,
      })
      continue
    }
    const threshold = [...expiryWarningDays].reverse().find((limit) => days <= limit)
    if (threshold !== undefined) {
      warnings.push({
        kind: `expiry-${threshold}` as CareerWarningKind,
        certificationId: record.id,
        severity: threshold === 30 ? 'critical' : threshold === 90 ? 'warning' : 'info',
        message: `${name} expires on ${expiry} (in ${days} day${days === 1 ? '' : 's'}); ${missing}.`,
      })
    }
    if (standing.pace?.status === 'behind') {
      warnings.push({
        kind: 'pace-behind',
        certificationId: record.id,
        severity: 'warning',
        message: `${name}: ${standing.pace.message}`,
      })
    }
  }
  return warnings
}

export type DeadlineKind = 'expiry' | 'expiry-reminder' | 'application' | 'exam-booked' | 'exam' | 'goal'

export type CareerDeadline = {
  /** Stable identity, also the base of the calendar event UID. */
  key: string
  date: IsoDate
  kind: DeadlineKind
  title: string
  certificationId: string | null
  goalId: string | null
}

/**
 * Every dated deadline, sorted by date: expiry days of earned certificates with reminders 180, 90 and 30 days
 * before, application, booking and exam days of certifications in progress, and due dates of open goals.
 */
export function careerDeadlines(data: CareerData): CareerDeadline[] {
  const deadlines: CareerDeadline[] = []
  for (const record of data.certifications) {
    const rules = certificationRules(record)
    const name = rules?.name ?? 'Certification'
    const base = { certificationId: record.id, goalId: null }
    if (record.status === 'earned' && rules !== null) {
      const cycle = cycleCurrent(record, rules)
      if (cycle !== null) {
        deadlines.push({
          ...base,
          key: `expiry-${record.id}-${cycle.index}`,
          date: cycle.end,
          kind: 'expiry',
          title: `${name} expires`,
        })
        for (const days of expiryWarningDays) {
          deadlines.push({
            ...base,
            key: `reminder${days}-${record.id}-${cycle.index}`,
            date: dateAddDays(cycle.end, -days),
            kind: 'expiry-reminder',
            title: `${name} expires in ${days} days (${cycle.end})`,
          })
        }
      }
    }
    if (record.status === 'planned' || record.status === 'studying' || record.status === 'exam-booked') {
      if (record.applicationOn !== null)
        deadlines.push({
          ...base,
          key: `application-${record.id}`,
          date: record.applicationOn,
          kind: 'application',
          title: `${name}: application`,
        })
      if (record.examBookedOn !== null)
        deadlines.push({
          ...base,
          key: `booked-${record.id}`,
          date: record.examBookedOn,
          kind: 'exam-booked',
          title: `${name}: book the exam`,
        })
      if (record.examOn !== null)
        deadlines.push({
          ...base,
          key: `exam-${record.id}`,
          date: record.examOn,
          kind: 'exam',
          title: `${name}: exam day`,
        })
    }
  }
  for (const goal of data.goals) {
    if (goal.isDone || goal.dueOn === null) continue
    deadlines.push({
      key: `goal-${goal.id}`,
      date: goal.dueOn,
      kind: 'goal',
      title: `Goal: ${goal.title}`,
      certificationId: null,
      goalId: goal.id,
    })
  }
  return deadlines.sort((a, b) => (a.date === b.date ? a.key.localeCompare(b.key) : a.date < b.date ? -1 : 1))
}

/** The deadlines on or after `today`, nearest first, at most `limit` of them. */
export function careerUpcomingDeadlines(data: CareerData, today: IsoDate, limit: number): CareerDeadline[] {
  return careerDeadlines(data)
    .filter((deadline) => deadline.date >= today)
    .slice(0, limit)
}
