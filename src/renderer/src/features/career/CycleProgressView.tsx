import type { CycleProgress, Pace } from '../../../../shared/career/progress'
import { formatNumber } from './format'

/** The current cycle's progress: counted units against the requirement, categories, yearly rules, pace. */
export function CycleProgressView({ progress, pace }: { progress: CycleProgress; pace: Pace }) {
  const unit = progress.unitName
  const required = progress.requiredUnits ?? progress.countedTowardRequired + progress.stillNeededUnits
  const missing = progress.categories.filter((category) => category.missingUnits > 0 && !category.isTotal)
  const summary = `${formatNumber(progress.countedTowardRequired)} of ${formatNumber(required)} ${unit} count toward this cycle`
  return (
    <section className="career-subsection" aria-labelledby="cycle-progress-heading">
      <h4 id="cycle-progress-heading">
        Cycle {progress.cycle.start} to {progress.cycle.end}
      </h4>
      <p className="career-cycle-summary" data-testid="cycle-summary">
        {summary}
        {progress.overCapUnits > 0 &&
          `; ${formatNumber(progress.overCapUnits)} ${unit} logged over a cap do not count`}
        .
      </p>
      <progress
        className="career-progress"
        max={required}
        value={Math.min(required, progress.countedTowardRequired)}
        aria-label={summary}
      />
      <p
        className={`career-pace-line is-${pace.status}`}
        role={pace.status === 'behind' || pace.status === 'lapsed' ? 'alert' : undefined}
      >
        {pace.message}
      </p>
      {progress.isComplete ? (
        <p className="career-complete">All requirements of this cycle are met.</p>
      ) : (
        <>
          <h5 id="still-needed-heading">Still needed</h5>
          <ul aria-labelledby="still-needed-heading" className="career-still-needed">
            {progress.requiredUnits !== null && progress.stillNeededUnits > 0 && (
              <li>
                In total: {formatNumber(progress.stillNeededUnits)} {unit}
              </li>
            )}
            {missing.map((category) => (
              <li key={category.category}>
                {category.category}: {formatNumber(category.missingUnits)} {unit}
                {category.within !== null && <span className="muted"> (within {category.within})</span>}
              </li>
            ))}
            {progress.years
              .filter((year) => year.missingUnits > 0)
              .map((year) => (
                <li key={year.index}>
                  Year {year.index + 1} ({year.start} to {year.end}): {formatNumber(year.missingUnits)} {unit}
                </li>
              ))}
          </ul>
        </>
      )}
      {progress.categories.some((category) => !category.isTotal) && (
        <table className="plan-table career-table" aria-label="Cycle progress by category">
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Minimum</th>
              <th scope="col">Cap</th>
              <th scope="col">Logged</th>
              <th scope="col">Counting</th>
              <th scope="col">Not counting</th>
              <th scope="col">Still needed</th>
            </tr>
          </thead>
          <tbody>
            {progress.categories
              .filter((category) => !category.isTotal)
              .map((category) => (
                <tr
                  key={category.category}
                  className={category.within !== null ? 'career-subcategory' : undefined}
                >
                  <th scope="row">
                    {category.within === null ? category.category : `↳ ${category.category}`}
                  </th>
                  <td>{category.min ?? '—'}</td>
                  <td>{category.max ?? 'none'}</td>
                  <td>{formatNumber(category.loggedUnits)}</td>
                  <td>{formatNumber(category.countedUnits)}</td>
                  <td>{category.overCapUnits > 0 ? formatNumber(category.overCapUnits) : '—'}</td>
                  <td>{category.missingUnits > 0 ? formatNumber(category.missingUnits) : '—'}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
      {progress.years.length > 0 && (
        <table className="plan-table career-table" aria-label="Yearly minimums">
          <thead>
            <tr>
              <th scope="col">Cycle year</th>
              <th scope="col">Logged</th>
              {progress.years[0]?.categories.map((category) => (
                <th scope="col" key={category.category}>
                  {category.category} (min {category.min ?? '—'})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {progress.years.map((year) => (
              <tr key={year.index}>
                <th scope="row">
                  Year {year.index + 1}: {year.start} to {year.end}
                </th>
                <td>{formatNumber(year.loggedUnits)}</td>
                {year.categories.map((category) => (
                  <td key={category.category}>
                    {formatNumber(category.countedUnits)}
                    {category.missingUnits > 0 && (
                      <span className="career-missing"> ({formatNumber(category.missingUnits)} missing)</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
