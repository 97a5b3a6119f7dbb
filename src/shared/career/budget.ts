import type { IsoDate } from '../domain/model'
import { cycleAddYears } from './cycle'
import type { CareerData } from './model'
import { careerStandings } from './standing'

/*
 * The renewal budget: per calendar year, the renewal fees falling due (as a member and as a non-member of the
 * certifying body) and the yearly membership dues, so the holder can see whether membership pays. Fees are the
 * catalogue's; a certification whose fee is not known is listed with no amount rather than left out.
 */

export type BudgetLine = {
  kind: 'renewal' | 'membership'
  /** The certification the line is for (for membership: the first certification that offers it). */
  certificationId: string
  title: string
  /** The renew-by day, or `null` for membership dues. */
  date: IsoDate | null
  /** What a non-member pays, or `null` when the fee is not known. Membership dues are 0 for a non-member. */
  nonMember: number | null
  /** What a member pays (renewal fee, or yearly dues), or `null` when not known. */
  member: number | null
  currency: string | null
  note: string
}

export type BudgetTotal = { currency: string; nonMember: number; member: number }

export type BudgetYear = {
  year: number
  lines: BudgetLine[]
  /** Sums per currency; lines without a known amount are left out (see `hasUnknownFees`). */
  totals: BudgetTotal[]
  hasUnknownFees: boolean
}

/**
 * The renewal budget for `years` calendar years from `today`'s year: each renewal due in a year (the current
 * renew-by date of every earned certificate that renews on its own, and the renewals after it at the validity
 * interval; a suspended certificate's renewal is due at once), with the group's highest fee for certificates
 * renewing together (Scrum Alliance charges only the highest level), and one line per year for each membership
 * the held certifications offer (PMI: 129 USD dues, 10 USD joining fee in the first year of membership).
 */
export function careerRenewalBudget(data: CareerData, today: IsoDate, years = 3): BudgetYear[] {
  const firstYear = Number(today.slice(0, 4))
  const result: BudgetYear[] = []
  const standings = careerStandings(data, today)
  const lines = new Map<number, BudgetLine[]>()
  const push = (year: number, line: BudgetLine) => lines.set(year, [...(lines.get(year) ?? []), line])
  const memberships = new Map<
    string,
    { certificationId: string; annualFee: number; joiningFee: number; currency: string }
  >()
  for (const standing of standings) {
    const { record, rules, cycle } = standing
    if (rules === null || record.status !== 'earned' || cycle === null || standing.renewsWith !== null)
      continue
    if (standing.status === 'expired' || rules.validityYears === null) continue
    const fees = [
      rules,
      ...standing.renewsAlso.flatMap((item) => {
        const other = standings.find((candidate) => candidate.record.id === item.id)?.rules
        return other === null || other === undefined ? [] : [other]
      }),
    ]
    const nonMember = fees.reduce<number | null>(
      (max, item) => (item.renewalFee === null ? max : Math.max(max ?? 0, item.renewalFee)),
      null,
    )
    const memberFee = fees.reduce<number | null>(
      (max, item) => (item.renewalFeeMember === null ? max : Math.max(max ?? 0, item.renewalFeeMember)),
      null,
    )
    const currency = fees.find((item) => item.renewalFeeCurrency !== null)?.renewalFeeCurrency ?? null
    const also =
      standing.renewsAlso.length > 0
        ? ` (also renews ${standing.renewsAlso.map((item) => item.name).join(', ')})`
        : ''
    const feeNote =
      nonMember === null
        ? rules.unitsPerYear !== null
          ? 'Fee not known: the CPD route needs a paid yearly PeopleCert subscription (price not verified).'
          : 'Fee not known.'
        : memberFee === null
          ? 'No member price.'
          : ''
    let due = cycle.end
    const lastYear = firstYear + years - 1
    let isFirst = true
    while (Number(due.slice(0, 4)) <= lastYear) {
      const isOverdue = isFirst && standing.status === 'suspended'
      const year = isOverdue ? firstYear : Number(due.slice(0, 4))
      if (year >= firstYear)
        push(year, {
          kind: 'renewal',
          certificationId: record.id,
          title: `${rules.name} renewal${also}`,
          date: due,
          nonMember,
          member: memberFee ?? nonMember,
          currency,
          note: isOverdue
            ? `Suspended: renew by ${standing.suspensionEnd ?? ''}. ${feeNote}`.trim()
            : feeNote,
        })
      due = cycleAddYears(due, rules.validityYears)
      isFirst = false
    }
    if (rules.membership !== null && !memberships.has(rules.membership.name))
      memberships.set(rules.membership.name, { certificationId: record.id, ...rules.membership })
  }
  for (const [name, membership] of memberships) {
    for (let year = firstYear; year < firstYear + years; year++)
      push(year, {
        kind: 'membership',
        certificationId: membership.certificationId,
        title: `${name} dues`,
        date: null,
        nonMember: 0,
        member: membership.annualFee,
        currency: membership.currency,
        note: `Plus a ${membership.joiningFee} ${membership.currency} joining fee in the first year of membership.`,
      })
  }
  for (let year = firstYear; year < firstYear + years; year++) {
    const yearLines = (lines.get(year) ?? []).sort((a, b) =>
      a.kind !== b.kind ? (a.kind === 'renewal' ? -1 : 1) : (a.date ?? '') < (b.date ?? '') ? -1 : 1,
    )
    const totals = new Map<string, BudgetTotal>()
    for (const line of yearLines) {
      if (line.currency === null || line.nonMember === null || line.member === null) continue
      const total = totals.get(line.currency) ?? { currency: line.currency, nonMember: 0, member: 0 }
      total.nonMember += line.nonMember
      total.member += line.member
      totals.set(line.currency, total)
    }
    result.push({
      year,
      lines: yearLines,
      totals: [...totals.values()],
      hasUnknownFees: yearLines.some((line) => line.nonMember === null),
    })
  }
  return result
}
