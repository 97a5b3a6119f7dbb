import {
  catalogueCertifications,
  catalogueSalaryBands,
  catalogueVerificationHasRemark,
  catalogueVerificationLevel,
  verifiedFields,
  type CatalogueCertification,
  type VerifiedField,
} from '../../../../shared/career/catalogue'
import { formatNumber } from './format'

const fieldLabels: Record<VerifiedField, string> = {
  validityYears: 'Validity',
  unitsPerCycle: 'Units per cycle',
  categoryRules: 'Category rules',
  renewalFee: 'Renewal fee',
}

const levelLabels = {
  official: 'official source',
  secondary: 'secondary sources only',
  unverified: 'unverified',
  'not-applicable': 'not applicable',
} as const

function figure(entry: CatalogueCertification, field: VerifiedField): string {
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
              {verifiedFields.map((field) => {
                const level = catalogueVerificationLevel(entry.verification[field])
                return (
                  <tr key={field}>
                    <th scope="row">{fieldLabels[field]}</th>
                    <td>{figure(entry, field)}</td>
                    <td>
                      <span className={`career-badge is-${level}`}>{levelLabels[level]}</span>
                      {catalogueVerificationHasRemark(entry.verification[field]) && (
                        <span className="muted"> {entry.verification[field]}</span>
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          <p>{entry.notes}</p>
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
