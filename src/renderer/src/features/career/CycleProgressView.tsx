import { progressUnitLabel, type CycleProgress, type Pace } from '../../../../shared/career/progress'
import { formatNumber, formatUnits } from './format'

/**
 * The current cycle's progress: counted units against the requirement (carried-over units included), categories,
 * yearly rules, pace, and what will carry over to the next cycle.
 */
export function CycleProgressView({
  progress,
  pace,
  carryOutUnits,
  carryOverMax,
}: {
  progress: CycleProgress
  pace: Pace
  carryOutUnits: number
  carryOverMax: number | null
}) {
  const unit = progress.unitName
  const units = progressUnitLabel(progress)
  const required = progress.requiredUnits ?? progress.countedTowardRequired + progress.stillNeededUnits
  const missing = progress.categories.filter((category) => category.missingUnits > 0 && !category.isTotal)
  const summary = `${formatNumber(progress.countedTowardRequired)} of ${formatUnits(unit, required)} count toward this cycle`
  const isRouteLost = pace.status === 'route-lost'
  return (
    <section className="career-subsection" aria-labelledby="cycle-progress-heading">
      <h4 id="cycle-progress-heading">
        Cycle {progress.cycle.start} to {progress.cycle.end}
      </h4>
      <p className="career-cycle-summary" data-testid="cycle-summary">
        {summary}
        {progress.overCapUnits > 0 &&
          `; ${formatUnits(unit, progress.overCapUnits)} logged over a cap or limit do not count`}
        .
      </p>
      <progress
        className="career-progress"
        max={required}
        value={Math.min(required, progress.countedTowardRequired)}
        aria-label={summary}
      />
      {progress.carriedInUnits > 0 && (
        <p data-testid="carried-in">
          {formatUnits(unit, progress.carriedInUnits)} carried over from the previous cycle (earned in its
          last year above its requirement):{' '}
          {progress.carriedIn
            .map((item) => `${item.category} ${formatNumber(item.units)} (${item.date})`)
            .join(', ')}
          .
        </p>
      )}
      {carryOutUnits > 0 && carryOverMax !== null && (
        <p className="career-hint" data-testid="carry-out">
          {formatUnits(unit, carryOutUnits)} above the requirement, earned in this cycle&apos;s last year,
          will carry over to the next cycle (at most {formatNumber(carryOverMax)}).
        </p>
      )}
      <p
        className={`career-pace-line is-${pace.status}`}
        role={
          pace.status === 'behind' || pace.status === 'lapsed' || pace.status === 'suspended' || isRouteLost
            ? 'alert'
            : undefined
        }
      >
        {pace.message}
      </p>
      {progress.isComplete ? (
        <p className="career-complete">All requirements of this cycle are met.</p>
      ) : isRouteLost ? null : (
        <>
          <h5 id="still-needed-heading">Still needed</h5>
          <ul aria-labelledby="still-needed-heading" className="career-still-needed">
            {progress.requiredUnits !== null && progress.stillNeededUnits > 0 && (
              <li>In total: {formatUnits(unit, progress.stillNeededUnits)}</li>
            )}
            {missing.map((category) => (
              <li key={category.category}>
                {category.category}: {formatUnits(unit, category.missingUnits)}
                {category.within !== null && <span className="muted"> (within {category.within})</span>}
              </li>
            ))}
            {progress.years
              .filter((year) => year.missingUnits > 0)
              .map((year) => (
                <li key={year.index}>
                  Year {year.index + 1} ({year.start} to {year.end}): {formatUnits(unit, year.missingUnits)}
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
              <th scope="col">Logged ({units})</th>
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
              <th scope="col">Logged ({units})</th>
              {progress.years[0]?.categories.map((category) => (
                <th scope="col" key={category.category}>
                  {category.category} (
                  {category.min !== null ? `min ${category.min}` : `max ${category.max ?? '—'}`})
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
