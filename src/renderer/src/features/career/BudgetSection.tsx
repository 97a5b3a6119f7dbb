import { useMemo } from 'react'
import { careerRenewalBudget, type BudgetLine } from '../../../../shared/career/budget'
import { useCareer } from './career-runtime'
import { localToday } from './career-store'
import { formatNumber } from './format'

function money(value: number | null, currency: string | null): string {
  if (value === null) return 'not known'
  return `${formatNumber(value)}${currency === null ? '' : ` ${currency}`}`
}

/**
 * The renewal budget for this year and the next two: renewal fees falling due, as a member and as a non-member of
 * the certifying body, and membership dues, with per-year totals that show whether membership pays.
 */
export function BudgetSection() {
  const data = useCareer((state) => state.data)
  const today = localToday()
  const budget = useMemo(() => careerRenewalBudget(data, today, 3), [data, today])
  const isEmpty = budget.every((year) => year.lines.length === 0)
  const overall = new Map<string, { nonMember: number; member: number }>()
  for (const year of budget)
    for (const total of year.totals) {
      const sum = overall.get(total.currency) ?? { nonMember: 0, member: 0 }
      overall.set(total.currency, {
        nonMember: sum.nonMember + total.nonMember,
        member: sum.member + total.member,
      })
    }
  const span = budget.length === 0 ? '' : `${budget[0]?.year ?? ''}–${budget.at(-1)?.year ?? ''}`
  return (
    <div className="career-budget">
      <h2>Renewal budget</h2>
      <p className="career-hint">
        Renewal fees of your earned certifications by the year they fall due, with the member price where the
        certifying body has one, and the yearly dues of the memberships that offer it. Fees come from the
        catalogue; check them with the issuer before paying.
      </p>
      {!isEmpty && overall.size > 0 && (
        <p data-testid="budget-overall">
          {[...overall].map(([currency, sum]) => {
            const difference = sum.nonMember - sum.member
            return (
              <span key={currency}>
                {span}: {money(sum.nonMember, currency)} as a non-member, {money(sum.member, currency)} as a
                member
                {difference > 0
                  ? `; membership saves ${money(difference, currency)} over the three years.`
                  : difference < 0
                    ? `; membership costs ${money(-difference, currency)} more over the three years.`
                    : '.'}{' '}
              </span>
            )
          })}
        </p>
      )}
      {isEmpty ? (
        <p className="empty">No renewals fall due in the next three years.</p>
      ) : (
        budget.map((year) => (
          <section key={year.year} className="career-subsection" aria-labelledby={`budget-${year.year}`}>
            <h3 id={`budget-${year.year}`}>{year.year}</h3>
            {year.lines.length === 0 ? (
              <p className="muted">Nothing falls due.</p>
            ) : (
              <table className="plan-table career-table" aria-label={`Renewal budget ${year.year}`}>
                <thead>
                  <tr>
                    <th scope="col">Item</th>
                    <th scope="col">Due</th>
                    <th scope="col">Non-member</th>
                    <th scope="col">Member</th>
                    <th scope="col">Note</th>
                  </tr>
                </thead>
                <tbody>
                  {year.lines.map((line: BudgetLine) => (
                    <tr key={`${line.kind}-${line.certificationId}-${line.date ?? ''}-${line.title}`}>
                      <th scope="row" className="career-text">
                        {line.title}
                      </th>
                      <td className="career-nowrap">{line.date ?? 'yearly'}</td>
                      <td>{money(line.nonMember, line.currency)}</td>
                      <td>{money(line.member, line.currency)}</td>
                      <td className="career-text">{line.note}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  {year.totals.map((total) => (
                    <tr key={total.currency}>
                      <th scope="row">Total ({total.currency})</th>
                      <td />
                      <td>{money(total.nonMember, total.currency)}</td>
                      <td>{money(total.member, total.currency)}</td>
                      <td>
                        {total.member < total.nonMember
                          ? `Membership saves ${money(total.nonMember - total.member, total.currency)} this year.`
                          : total.member > total.nonMember
                            ? `Membership costs ${money(total.member - total.nonMember, total.currency)} more this year.`
                            : ''}
                        {year.hasUnknownFees && ' Some fees are not known and are not included.'}
                      </td>
                    </tr>
                  ))}
                </tfoot>
              </table>
            )}
          </section>
        ))
      )}
    </div>
  )
}
