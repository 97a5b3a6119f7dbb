/**
 * The probability × impact matrix of open risks: probability up the side (5 at the top), impact along the bottom,
 * each cell coloured by its score band and showing how many open risks it holds. A cell is a toggle button that
 * filters the log to its risks.
 */
import {
  raidImpactNames,
  raidProbabilityNames,
  raidRiskMatrix,
  raidScoreLevel,
} from '../../../../shared/domain/raid'
import type { RaidItem } from '../../../../shared/domain/raid-model'

const ratings = [1, 2, 3, 4, 5] as const

export function RiskMatrix({
  items,
  cell,
  onCell,
}: {
  items: readonly RaidItem[]
  cell: { probability: number; impact: number } | null
  onCell(cell: { probability: number; impact: number } | null): void
}) {
  const matrix = raidRiskMatrix(items)
  return (
    <section className="raid-matrix" aria-label="Open risks by probability and impact">
      <h3>
        Risk matrix <span className="raid-muted">({matrix.total} open)</span>
      </h3>
      <div className="raid-matrix-grid" role="group" aria-label="Probability (rows) by impact (columns)">
        <span className="raid-matrix-axis is-probability" aria-hidden="true">
          Probability
        </span>
        {[...ratings].reverse().map((probability) => (
          <div key={probability} className="raid-matrix-row">
            <span
              className="raid-matrix-label"
              aria-hidden="true"
              title={raidProbabilityNames[probability - 1]}
            >
              {probability}
            </span>
            {ratings.map((impact) => {
              const ids = matrix.cells[probability - 1]?.[impact - 1] ?? []
              const level = raidScoreLevel(probability * impact)
              const isChosen = cell !== null && cell.probability === probability && cell.impact === impact
              return (
                <button
                  key={impact}
                  type="button"
                  className={`raid-matrix-cell is-${level}${ids.length === 0 ? ' is-empty' : ''}`}
                  aria-pressed={isChosen}
                  aria-label={`Probability ${probability} (${raidProbabilityNames[probability - 1]}), impact ${impact} (${raidImpactNames[impact - 1]}), score ${probability * impact}: ${ids.length} open ${ids.length === 1 ? 'risk' : 'risks'}`}
                  onClick={() => onCell(isChosen ? null : { probability, impact })}
                >
                  {ids.length === 0 ? '' : ids.length}
                </button>
              )
            })}
          </div>
        ))}
        <div className="raid-matrix-row" aria-hidden="true">
          <span className="raid-matrix-label" />
          {ratings.map((impact) => (
            <span key={impact} className="raid-matrix-label is-impact" title={raidImpactNames[impact - 1]}>
              {impact}
            </span>
          ))}
        </div>
        <span className="raid-matrix-axis" aria-hidden="true">
          Impact
        </span>
      </div>
    </section>
  )
}
