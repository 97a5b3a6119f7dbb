/** The milestones view: every milestone with its date, slack and status, sorted by date. */
import { useMemo } from 'react'
import { dateLocalNow, dateToWallMinutes } from '../../../../shared/domain/dates'
import { cellDate } from './cells'
import { milestonesList } from './milestones'
import { useWorkspace } from './workspace-store'

function todayMinutes(): number {
  return dateToWallMinutes(dateLocalNow())
}

export function MilestonesView({ onShow }: { onShow: (taskId: number) => void }) {
  const plan = useWorkspace((state) => state.document?.plan ?? null)
  const result = useWorkspace((state) => state.document?.schedule ?? null)
  const schedule = result !== null && result.ok ? result.schedule : null
  const rows = useMemo(() => (plan === null || schedule === null ? [] : milestonesList(plan, schedule, todayMinutes())), [plan, schedule])
  if (plan === null) return null
  const minutesPerDay = plan.settings.minutesPerDay
  return (
    <section className="ws-milestones" aria-label="Milestones">
      <h2>Milestones</h2>
      {rows.length === 0 ? (
        <p>This plan has no milestones yet. Give a task a duration of 0 or tick "Milestone" in its details.</p>
      ) : (
        <table className="ws-table">
          <thead>
            <tr>
              <th scope="col">Milestone</th>
              <th scope="col">Date</th>
              <th scope="col">Total slack</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="ws-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.task.id} className={`ws-ms-${row.status.replace(' ', '-')}`}>
                <td>
                  {row.task.name || 'Milestone'}
                  {row.isCritical && <span className="ws-badge is-critical">critical</span>}
                </td>
                <td>{cellDate(row.date)}</td>
                <td>{Math.round((row.slackMinutes / minutesPerDay) * 10) / 10} d</td>
                <td>
                  <span className={`ws-status ws-status-${row.status.replace(' ', '-')}`}>{row.status}</span>
                </td>
                <td>
                  <button type="button" className="ws-button" onClick={() => onShow(row.task.id)} aria-label={`Show ${row.task.name || 'milestone'} in the Gantt chart`}>
                    Show
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
