import type { IsoDate } from '../domain/model'
import { dateIsValidIsoDate } from '../domain/dates'
import type { CareerData, CertificationRecord, RenewalRoute } from './model'
import { careerStandings } from './standing'
import { unitAmount } from './units'
import type { Checked } from './validate'

/**
 * Records a renewal and so rolls the certificate over to its next cycle. Returns the updated record, or a message
 * when the renewal cannot be recorded: the certificate is not earned or never expires, the date is not a real day,
 * in the future or before the current cycle, the certificate renews with another one (record it there), the
 * suspension after expiry has ended (PMI then asks for the exam), or (for a renewal by units) the current cycle's
 * continuing-education requirements are not met yet.
 */
export function certificationRenew(
  record: CertificationRecord,
  renewedOn: string,
  route: RenewalRoute,
  data: Pick<CareerData, 'certifications' | 'educationEntries'>,
  today: IsoDate,
): Checked<CertificationRecord> {
  const fail = (message: string): Checked<CertificationRecord> => ({ ok: false, field: 'renewedOn', message })
  const certifications = data.certifications.some((item) => item.id === record.id)
    ? data.certifications.map((item) => (item.id === record.id ? record : item))
    : [...data.certifications, record]
  const standing = careerStandings({ ...data, certifications }, today).find((item) => item.record === record)
  const rules = standing?.rules ?? null
  if (standing === undefined || rules === null || record.status !== 'earned' || record.earnedOn === null)
    return fail('Only an earned certification can be renewed.')
  const cycle = standing.cycles.at(-1)
  if (cycle === undefined) return fail(`${rules.name} does not expire, so it needs no renewal.`)
  if (!dateIsValidIsoDate(renewedOn)) return fail('The renewal date must be a real date written YYYY-MM-DD.')
  if (renewedOn > today)
    return fail(`The renewal date ${renewedOn} is in the future; record a renewal once it is granted.`)
  if (renewedOn < cycle.start)
    return fail(`The renewal date must be in the current cycle (from ${cycle.start}).`)
  if (route === 'exam')
    return { ok: true, value: { ...record, renewals: [...record.renewals, { renewedOn, route }] } }
  if (standing.renewsWith !== null)
    return fail(
      `${rules.name} renews with ${standing.renewsWith.name} (they share one renew-by date); record the renewal there.`,
    )
  if (cycle.suspensionEnd !== undefined && renewedOn > cycle.suspensionEnd)
    return fail(
      `The suspension ended on ${cycle.suspensionEnd}, so ${rules.name} can no longer be renewed by continuing education; record a renewal by exam.`,
    )
  const progress = standing.progress
  if (progress !== null && !progress.isComplete)
    return fail(
      `The current cycle still needs ${unitAmount(progress.unitName, progress.stillNeededUnits)} (or a category minimum); log them first, or record a renewal by exam.`,
    )
  return { ok: true, value: { ...record, renewals: [...record.renewals, { renewedOn, route }] } }
}
