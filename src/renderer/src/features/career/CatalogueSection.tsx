import {
  catalogueCertifications,
  catalogueSalaryBands,
  catalogueVerificationHasRemark,
  catalogueVerificationLevel,
  catalogueVerifications,
  type CatalogueCertification,
  type CatalogueField,
} from '../../../../shared/career/catalogue'
import { unitAmount } from '../../../../shared/career/units'
import { catalogueFieldLabels } from './catalogue-labels'
import { formatNumber } from './format'

const levelLabels = {
  official: 'official source',
  secondary: 'secondary sources only',
  unverified: 'unverified',
  'not-applicable': 'not applicable',
} as const

function figure(entry: CatalogueCertification, field: CatalogueField): string {
  const pools: Record<string, string> = {
    'pmi-pdu': 'PMI certifications (PDUs)',
    'scrum-alliance-seu': 'Scrum Alliance certifications (SEUs)',
  }
  switch (field) {
    case 'validityYears':
      return entry.validityYears === null ? 'lifetime' : `${entry.validityYears} years`
    case 'unitsPerCycle':
      return entry.unitsPerCycle === null ? 'none' : `${entry.unitsPerCycle} ${entry.unitName ?? ''}`
    case 'categoryRules':
      return entry.categoryRules.length === 0
        ? 'none'
        : entry.categoryRules
            .map((rule) =>
              [
                rule.category,
                rule.within !== undefined ? ` (within ${rule.within})` : '',
                rule.min !== undefined ? ` min ${rule.min}` : '',
                rule.max !== undefined ? ` max ${rule.max}` : '',
                rule.per !== undefined ? ` per ${rule.per}` : '',
              ].join(''),
            )
            .join('; ')
    case 'renewalFee':
      return entry.renewalFee === null
        ? 'not given'
        : `${formatNumber(entry.renewalFee)} ${entry.renewalFeeCurrency ?? ''}${entry.renewalFeeMember === null ? '' : ` (members ${formatNumber(entry.renewalFeeMember)})`}`
    case 'unitsPerYear':
      return entry.unitsPerYear === null
        ? 'none'
        : `${unitAmount(entry.unitName, entry.unitsPerYear)} in every year of the cycle`
    case 'unitsPerActivity':
      return entry.unitsPerActivity === null
        ? 'no limit'
        : `${formatNumber(entry.unitsPerActivity.min)} to ${unitAmount(entry.unitName, entry.unitsPerActivity.max)} per activity`
    case 'unitStep':
      return `steps of ${formatNumber(entry.unitStep)}`
    case 'carryOverMax':
      return entry.carryOverMax === null
        ? 'none'
        : `up to ${unitAmount(entry.unitName, entry.carryOverMax)} earned above the requirement in the last year`
    case 'suspensionYears':
      return entry.suspensionYears === null
        ? 'none'
        : `${entry.suspensionYears} ${entry.suspensionYears === 1 ? 'year' : 'years'}, in which it can still be renewed`
    case 'unitPool': {
      const own = entry.unitPool === null ? '' : (pools[entry.unitPool] ?? 'the same product suite')
      const accepted = entry.acceptsUnitPools.map((pool) => pools[pool] ?? pool)
      return [
        own === '' ? '' : `activities count for all ${own}`,
        accepted.length > 0 ? `accepts ${accepted.join(', ')} one for one` : '',
      ]
        .filter((text) => text !== '')
        .join('; ')
    }
    case 'renewalGroup':
      return entry.renewalGroup === null ? 'none' : entry.renewalGroup.name
    case 'addOnUnits':
      return entry.addOnUnits === null
        ? 'none'
        : `${unitAmount(entry.unitName, entry.addOnUnits)} when held beside a higher certification of another track`
    case 'examNeedsApplication':
      return entry.examNeedsApplication === null
        ? 'not recorded'
        : entry.examNeedsApplication
          ? 'needed'
          : 'not needed'
    case 'activityTypes':
      return entry.activityTypes.length === 0 ? 'none listed' : entry.activityTypes.join(', ')
    case 'membership':
      return entry.membership === null
        ? 'none'
        : `${entry.membership.name}: ${formatNumber(entry.membership.annualFee)} ${entry.membership.currency} a year, ${formatNumber(entry.membership.joiningFee)} to join`
  }
}

/** The built-in catalogue with every figure's verification level, notes and sources. */
export function CatalogueSection() {
  return (
    <div className="career-catalogue">
      <h2>Certification catalogue</h2>
      <p className="career-hint">
        The figures below ship with Gantry. Each is marked by how it was checked: by the certifying body's own
        pages, by secondary sources only, or not at all. Confirm the marked ones with the issuer before
        relying on them.
      </p>
      {catalogueCertifications.map((entry) => (
        <article key={entry.id} className="career-catalogue-entry" aria-labelledby={`catalogue-${entry.id}`}>
          <h3 id={`catalogue-${entry.id}`}>{entry.name}</h3>
          <p className="muted">{entry.issuer}</p>
          <table className="plan-table career-table" aria-label={`${entry.name} figures`}>
            <tbody>
              {catalogueVerifications(entry).map(({ field, text }) => {
                const level = catalogueVerificationLevel(text)
                return (
                  <tr key={field}>
                    <th scope="row">{catalogueFieldLabels[field]}</th>
                    <td className="career-text">{figure(entry, field)}</td>
                    <td>
                      <span className={`career-badge is-${level}`}>{levelLabels[level]}</span>
                      {catalogueVerificationHasRemark(text) && <span className="muted"> {text}</span>}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          <p className="career-wrap">{entry.notes}</p>
          <details>
            <summary>Sources ({entry.sources.length})</summary>
            <ul>
              {entry.sources.map((source) => (
                <li key={source}>
                  <a href={source} target="_blank" rel="noopener noreferrer">
                    {source}
                  </a>
                </li>
              ))}
            </ul>
          </details>
        </article>
      ))}
      <article className="career-catalogue-entry" aria-labelledby="catalogue-salary">
        <h3 id="catalogue-salary">Salary bands ({catalogueSalaryBands.role})</h3>
        <p>
          <span className="career-badge is-unverified">unverified</span> {catalogueSalaryBands.origin}.{' '}
          {catalogueSalaryBands.notes}
        </p>
        <p className="muted">Boundary rule: {catalogueSalaryBands.boundaryRule}.</p>
      </article>
    </div>
  )
}
