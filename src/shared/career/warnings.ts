import type { IsoDate } from '../domain/model'
import type { CareerData } from './model'
import { careerCycleFacts, careerStandings, type CertificationRef } from './standing'
import { unitAmount } from './units'

/** Days before expiry at which a warning appears (and a calendar reminder rings), most distant first. */
export const expiryWarningDays = [180, 90, 30] as const
/** Days before an exam at which a calendar reminder rings. */
export const examReminderDays = [7, 1] as const

export type CareerWarningKind =
  | 'expiry-180'
  | 'expiry-90'
  | 'expiry-30'
  | 'suspended'
  | 'expired'
  | 'pace-behind'
  | 'route-lost'
  | 'unknown-rules'

export type CareerWarning = {
  kind: CareerWarningKind
  certificationId: string
  severity: 'info' | 'warning' | 'critical'
  message: string
}

const thresholdKinds = { 180: 'expiry-180', 90: 'expiry-90', 30: 'expiry-30' } as const

function alsoRenews(renewsAlso: readonly CertificationRef[]): string {
  return renewsAlso.length === 0
    ? ''
    : ` (renewing it also renews ${renewsAlso.map((item) => item.name).join(', ')})`
}

/**
 * The warnings to show on `today`: the nearest expiry threshold reached (180, 90 or 30 days before the expiry day),
 * a suspension (renew before it ends), an expiry, a pace that has fallen behind, a cycle that can no longer be
 * renewed by continuing education, and a certification whose catalogue entry is unknown. Certifications that are
 * not earned give no warnings; one that renews with another is covered by the other's warnings.
 */
export function careerWarnings(data: CareerData, today: IsoDate): CareerWarning[] {
  const warnings: CareerWarning[] = []
  for (const standing of careerStandings(data, today)) {
    const { record, rules, cycle, progress, pace } = standing
    if (rules === null) {
      warnings.push({
        kind: 'unknown-rules',
        certificationId: record.id,
        severity: 'warning',
        message: `A certification refers to catalogue entry "${record.catalogueId ?? ''}", which this version does not know.`,
      })
      continue
    }
    if (
      record.status !== 'earned' ||
      cycle === null ||
      standing.renewsWith !== null ||
      standing.daysToExpiry === null
    )
      continue
    const name = rules.name
    const days = standing.daysToExpiry
    const missing =
      progress === null || progress.isComplete
        ? 'the requirements are met, remember to submit the renewal'
        : `${unitAmount(progress.unitName, progress.stillNeededUnits)} still needed`
    if (standing.status === 'suspended') {
      warnings.push({
        kind: 'suspended',
        certificationId: record.id,
        severity: 'critical',
        message: `${name} is suspended: its cycle ended on ${cycle.end}. Renew by ${standing.suspensionEnd ?? ''} to reactivate it (${missing})${alsoRenews(standing.renewsAlso)}.`,
      })
    } else if (standing.status === 'expired') {
      warnings.push({
        kind: 'expired',
        certificationId: record.id,
        severity: 'critical',
        message:
          standing.suspensionEnd === null
            ? `${name} expired on ${cycle.end}.`
            : `${name} expired: its cycle ended on ${cycle.end} and the suspension on ${standing.suspensionEnd}.`,
      })
      continue
    } else {
      const threshold = [...expiryWarningDays].reverse().find((limit) => days <= limit)
      if (threshold !== undefined) {
        warnings.push({
          kind: thresholdKinds[threshold],
          certificationId: record.id,
          severity: threshold === 30 ? 'critical' : threshold === 90 ? 'warning' : 'info',
          message: `${name} expires on ${cycle.end} (in ${days} day${days === 1 ? '' : 's'}); ${missing}${alsoRenews(standing.renewsAlso)}.`,
        })
      }
    }
    if (pace?.status === 'behind') {
      warnings.push({
        kind: 'pace-behind',
        certificationId: record.id,
        severity: 'warning',
        message: `${name}: ${pace.message}`,
      })
    }
    if (pace?.status === 'route-lost') {
      warnings.push({
        kind: 'route-lost',
        certificationId: record.id,
        severity: 'critical',
        message: `${name}: ${pace.message}`,
      })
    }
  }
  return warnings
}

export type DeadlineKind = 'expiry' | 'suspension-end' | 'application' | 'exam-booked' | 'exam' | 'goal'

export type CareerDeadline = {
  /** Stable identity, also the base of the calendar event UID. */
  key: string
  date: IsoDate
  kind: DeadlineKind
  title: string
  certificationId: string | null
  goalId: string | null
  /** Days before the date at which a calendar reminder rings, most distant first. */
  alarmDaysBefore: number[]
}

/**
 * Every dated deadline, sorted by date: the expiry (renew-by) day of each earned certificate that renews on its
 * own (one that shares a renew-by date appears once, under the certificate carrying the group), the last day of a
 * suspension, the application, booking and exam days of certifications in progress, and due dates of open goals.
 * Reminders are not separate deadlines: each expiry carries alarms 180, 90 and 30 days before, each exam 7 and 1.
 */
export function careerDeadlines(data: CareerData): CareerDeadline[] {
  const deadlines: CareerDeadline[] = []
  for (const facts of careerCycleFacts(data)) {
    const { record, rules, cycle } = facts
    const name = rules?.name ?? 'Certification'
    const base = { certificationId: record.id, goalId: null }
    if (record.status === 'earned' && cycle !== null && facts.renewsWith === null) {
      deadlines.push({
        ...base,
        key: `expiry-${record.id}-${cycle.index}`,
        date: cycle.end,
        kind: 'expiry',
        title: `${name} expires${facts.renewsAlso.length > 0 ? ` (with ${facts.renewsAlso.map((item) => item.name).join(', ')})` : ''}`,
        alarmDaysBefore: [...expiryWarningDays],
      })
      if (facts.suspensionEnd !== null)
        deadlines.push({
          ...base,
          key: `suspension-${record.id}-${cycle.index}`,
          date: facts.suspensionEnd,
          kind: 'suspension-end',
          title: `${name}: last day to renew during the suspension`,
          alarmDaysBefore: [90, 30],
        })
    }
    if (record.status === 'planned' || record.status === 'studying' || record.status === 'exam-booked') {
      if (record.applicationOn !== null && rules?.examNeedsApplication !== false)
        deadlines.push({
          ...base,
          key: `application-${record.id}`,
          date: record.applicationOn,
          kind: 'application',
          title: `${name}: application`,
          alarmDaysBefore: [],
        })
      if (record.examBookedOn !== null)
        deadlines.push({
          ...base,
          key: `booked-${record.id}`,
          date: record.examBookedOn,
          kind: 'exam-booked',
          title: `${name}: book the exam`,
          alarmDaysBefore: [],
        })
      if (record.examOn !== null)
        deadlines.push({
          ...base,
          key: `exam-${record.id}`,
          date: record.examOn,
          kind: 'exam',
          title: `${name}: exam day`,
          alarmDaysBefore: [...examReminderDays],
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
      alarmDaysBefore: [],
    })
  }
  return deadlines.sort((a, b) => (a.date === b.date ? a.key.localeCompare(b.key) : a.date < b.date ? -1 : 1))
}

const primaryKinds = new Set<DeadlineKind>(['expiry', 'suspension-end', 'exam'])

/**
 * The next `limit` deadlines on or after `today`, in date order. Places go first to each certification's nearest
 * expiry, suspension end or exam day (so neither goals nor one certification's later dates push another
 * certification off the list), then to every other deadline, nearest first.
 */
export function careerUpcomingDeadlines(data: CareerData, today: IsoDate, limit: number): CareerDeadline[] {
  const upcoming = careerDeadlines(data).filter((deadline) => deadline.date >= today)
  const seen = new Set<string>()
  const first: CareerDeadline[] = []
  const rest: CareerDeadline[] = []
  for (const deadline of upcoming) {
    if (
      primaryKinds.has(deadline.kind) &&
      deadline.certificationId !== null &&
      !seen.has(deadline.certificationId)
    ) {
      seen.add(deadline.certificationId)
      first.push(deadline)
    } else rest.push(deadline)
  }
  const chosen = [...first, ...rest].slice(0, Math.max(0, limit))
  return chosen.sort((a, b) => (a.date === b.date ? a.key.localeCompare(b.key) : a.date < b.date ? -1 : 1))
}
