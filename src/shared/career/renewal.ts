import type { IsoDate } from '../domain/model'
import { dateIsValidIsoDate } from '../domain/dates'
import { certificationRules, cycleCurrent } from './cycle'
import type { CertificationRecord, EducationEntry, RenewalRoute } from './model'
import { progressOfCycle } from './progress'
import type { Checked } from './validate'

/**
 * Records a renewal and so rolls the certificate over to its next cycle. Returns the updated record, or a
 * message when the renewal cannot be recorded: the certificate is not earned or never expires, the date is not
 * a real day, in the future or before the current cycle, or (for a renewal by units) the current cycle's
 * continuing-education requirements are not met yet.
 */
export function certificationRenew(
  record: CertificationRecord,
  renewedOn: string,
  route: RenewalRoute,
  entries: readonly EducationEntry[],
  today: IsoDate,
): Checked<CertificationRecord> {
  const fail = (message: string): Checked<CertificationRecord> => ({ ok: false, field: 'renewedOn', message })
  const rules = certificationRules(record)
  if (rules === null || record.status !== 'earned' || record.earnedOn === null)
    return fail('Only an earned certification can be renewed.')
  const cycle = cycleCurrent(record, rules)
  if (cycle === null) return fail(`${rules.name} does not expire, so it needs no renewal.`)
  if (!dateIsValidIsoDate(renewedOn)) return fail('The renewal date must be a real date written YYYY-MM-DD.')
  if (renewedOn > today)
    return fail(`The renewal date ${renewedOn} is in the future; record a renewal once it is granted.`)
  if (renewedOn < cycle.start)
    return fail(`The renewal date must be in the current cycle (from ${cycle.start}).`)
  if (route === 'units') {
    const progress = progressOfCycle(
      rules,
      cycle,
      entries.filter((entry) => entry.certificationId === record.id),
    )
    if (!progress.isComplete)
      return fail(
        `The current cycle still needs ${progress.stillNeededUnits} ${progress.unitName} (or a category minimum); log them first, or record a renewal by exam.`,
      )
  }
  return { ok: true, value: { ...record, renewals: [...record.renewals, { renewedOn, route }] } }
}
