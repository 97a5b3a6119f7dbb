import { useEffect, useMemo } from 'react'
import { careerStandings, careerStandingsSorted } from '../../../../shared/career/standing'
import { careerUpcomingDeadlines, careerWarnings } from '../../../../shared/career/warnings'
import { useCareer } from './career-runtime'
import { localToday } from './career-store'
import { formatDaysFrom, formatNumber, formatUnits } from './format'
import './career.css'

const paceLabels = {
  complete: 'complete',
  'on-track': 'on track',
  behind: 'behind',
  'not-started': 'not started',
  suspended: 'suspended',
  lapsed: 'lapsed',
  'route-lost': 'renew by exam',
  'no-requirement': 'no requirement',
} as const

/**
 * The career summary: the next deadlines (renewals, exam days, goals) and a progress bar per active renewal cycle.
 * Shown on the career overview, and `compact` on the plan list: no subheadings, no cycle end line (the renewal
 * is among the deadlines) and no note when there is no active cycle.
 */
export function CareerDashboardCard({
  onOpen,
  limit = 5,
  today = localToday(),
  compact = false,
}: {
  onOpen?: () => void
  limit?: number
  today?: string
  compact?: boolean
}) {
  const data = useCareer((state) => state.data)
  const isLoaded = useCareer((state) => state.isLoaded)
  const load = useCareer((state) => state.load)

  useEffect(() => {
    if (!isLoaded) void load()
  }, [isLoaded, load])

  const deadlines = useMemo(() => careerUpcomingDeadlines(data, today, limit), [data, today, limit])
  const standings = useMemo(
    () =>
      careerStandingsSorted(careerStandings(data, today)).filter(
        (standing) => standing.progress !== null && standing.cycle !== null,
      ),
    [data, today],
  )
  const warnings = useMemo(() => careerWarnings(data, today), [data, today])

  return (
    <section
      className={compact ? 'career-card is-compact' : 'career-card'}
      aria-labelledby="career-card-heading"
    >
      <header className="career-card-header">
        <h2 id="career-card-heading">Career deadlines</h2>
        {onOpen !== undefined && (
          <button type="button" className="button button-small" onClick={onOpen}>
            Open career tracker
          </button>
        )}
      </header>
      {!isLoaded ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          {warnings.length > 0 && (
            <ul className="career-warnings" aria-label="Warnings">
              {warnings.map((warning) => (
                <li
                  key={`${warning.certificationId}-${warning.kind}`}
                  className={`career-warning is-${warning.severity}`}
                >
                  {warning.message}
                </li>
              ))}
            </ul>
          )}
          {!compact && <h3>Next deadlines</h3>}
          {deadlines.length === 0 ? (
            <p className="muted">No upcoming deadlines.</p>
          ) : (
            <ol className="career-deadlines" aria-label="Next deadlines">
              {deadlines.map((deadline) => (
                <li key={deadline.key}>
                  <time dateTime={deadline.date}>{deadline.date}</time> <span>{deadline.title}</span>{' '}
                  <span className="muted">({formatDaysFrom(today, deadline.date)})</span>
                </li>
              ))}
            </ol>
          )}
          {!compact && <h3>Renewal cycles</h3>}
          {standings.length === 0 ? (
            !compact && <p className="muted">No active renewal cycles.</p>
          ) : (
            <ul className="career-cycles" aria-label="Renewal cycles">
              {standings.map(({ record, rules, progress, pace, cycle }) => {
                if (progress === null || cycle === null || rules === null) return null
                const required =
                  progress.requiredUnits ?? progress.countedTowardRequired + progress.stillNeededUnits
                const label = `${rules.name}: ${formatNumber(progress.countedTowardRequired)} of ${formatUnits(progress.unitName, required)}`
                return (
                  <li key={record.id}>
                    <div className="career-cycle-line">
                      <span>{label}</span>
                      <span className={`career-pace is-${pace?.status ?? 'on-track'}`} title={pace?.message}>
                        {pace === null ? '' : paceLabels[pace.status]}
                      </span>
                    </div>
                    <progress
                      className="career-progress"
                      max={required}
                      value={Math.min(required, progress.countedTowardRequired)}
                      aria-label={`${label}, cycle ends ${cycle.end}`}
                    />
                    {!compact && <div className="muted career-cycle-end">Cycle ends {cycle.end}</div>}
                  </li>
                )
              })}
            </ul>
          )}
        </>
      )}
    </section>
  )
}
