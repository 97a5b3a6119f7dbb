/**
 * The project health dashboard: schedule, cost, resources, scope and risk, each Red/Amber/Green by the written
 * rules of `domain/health` with the reason in words; each tile shows the tasks behind it in the Gantt. The
 * thresholds are the plan's (settings) and edited here. Under the tiles the burn-down of remaining work
 * (`BurndownChart.tsx`) and the S-curve (the Earned value view's `SCurve`), both at the status date of `trackingOf`;
 * then overdue tasks, critical tasks with negative slack and the milestones of the next 2 and 4 weeks.
 */
import { useMemo, useState } from 'react'
import { dateToWallMinutes, dateWallText } from '../../../../shared/domain/dates'
import type { HealthThresholds } from '../../../../shared/domain/health/model'
import { healthCompute, healthDimensionNames, type PlanHealth } from '../../../../shared/domain/health/rules'
import { loadCompute } from '../../../../shared/domain/load'
import type { Plan, TaskId } from '../../../../shared/domain/model'
import type { Schedule } from '../../../../shared/domain/schedule-types'
import { SCurve } from '../workspace/SCurve'
import { trackingOf, trackingStatusDate } from '../workspace/tracking'
import { useWorkspace } from '../workspace/workspace-store'
import { BurndownChart } from './BurndownChart'
import { RagBadge } from './StatusReportPage'

const day = (iso: string) => dateWallText(dateToWallMinutes(iso), 'day')

/** The dashboard's health of the open plan, or why there is none. */
export function useHealth(): { plan: Plan | null; schedule: Schedule | null; health: PlanHealth | null } {
  const plan = useWorkspace((state) => state.document?.plan ?? null)
  const result = useWorkspace((state) => state.document?.schedule ?? null)
  const storedLoad = useWorkspace((state) => state.document?.load ?? null)
  const schedule = result?.ok === true ? result.schedule : null
  const health = useMemo(() => {
    if (plan === null || schedule === null) return null
    const load = storedLoad !== null && storedLoad.plan === plan ? storedLoad : loadCompute(plan, schedule)
    // Without a status date, the ratings measure at the same moment as the charts: today's end of work.
    const figures = trackingOf(plan, schedule)
    return healthCompute(plan, schedule, load, trackingStatusDate(plan).date, { costs: figures.costs, earned: figures.value })
  }, [plan, schedule, storedLoad])
  return { plan, schedule, health }
}

/** The burn-down and the S-curve, measured at the status date the Earned value view uses. */
function HealthCharts({ plan, schedule }: { plan: Plan; schedule: Schedule }) {
  const figures = useMemo(() => trackingOf(plan, schedule), [plan, schedule])
  return (
    <div className="health-charts">
      <section aria-label="Remaining work">
        <h3>Remaining work</h3>
        <BurndownChart plan={plan} schedule={schedule} baselineNumber={figures.value.baselineNumber} statusDate={figures.statusDate} />
      </section>
      <section aria-label="Earned value over time">
        <h3>Planned value, earned value and actual cost</h3>
        <SCurve plan={plan} schedule={schedule} figures={figures} />
      </section>
    </div>
  )
}

const thresholdFields: { key: keyof HealthThresholds; label: string }[][] = [
  [
    { key: 'spiAmber', label: 'Schedule amber: SPI below' },
    { key: 'spiRed', label: 'Schedule red: SPI below' },
    { key: 'slipAmberDays', label: 'Schedule amber: finish slip above (working days)' },
    { key: 'slipRedDays', label: 'Schedule red: finish slip above (working days)' },
  ],
  [
    { key: 'cpiAmber', label: 'Cost amber: CPI below' },
    { key: 'cpiRed', label: 'Cost red: CPI below' },
    { key: 'overrunAmberPercent', label: 'Cost amber: forecast over budget above (%)' },
    { key: 'overrunRedPercent', label: 'Cost red: forecast over budget above (%)' },
  ],
  [
    { key: 'overallocatedAmber', label: 'Resources amber: over-allocated resources from' },
    { key: 'overallocatedRed', label: 'Resources red: over-allocated resources from' },
  ],
  [
    { key: 'scopeAmberPercent', label: 'Scope amber: tasks added since the baseline above (%)' },
    { key: 'scopeRedPercent', label: 'Scope red: tasks added since the baseline above (%)' },
  ],
  [
    { key: 'riskHighScore', label: 'Risk: a high risk scores at least' },
    { key: 'riskAmber', label: 'Risk amber: open high risks from' },
    { key: 'riskRed', label: 'Risk red: open high risks from' },
  ],
]

function ThresholdField({ field, value }: { field: { key: keyof HealthThresholds; label: string }; value: number }) {
  const run = useWorkspace((state) => state.editorRun)
  const [draft, setDraft] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const commit = () => {
    if (draft === null) return
    const number = Number(draft.trim().replace(',', '.'))
    if (draft.trim() === '' || !Number.isFinite(number)) {
      setProblem(`${field.label}: type a number.`)
      return
    }
    const result = run('settings/set-health-thresholds', { thresholds: { [field.key]: number } })
    if (result.ok) {
      setDraft(null)
      setProblem(null)
    } else setProblem(result.message)
  }
  return (
    <label className="health-threshold">
      <span>{field.label}</span>
      <input
        type="text"
        inputMode="decimal"
        value={draft ?? String(value)}
        aria-invalid={problem !== null}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit()
          if (event.key === 'Escape') {
            setDraft(null)
            setProblem(null)
          }
        }}
      />
      {problem !== null && (
        <span className="health-problem" role="alert">
          {problem}
        </span>
      )}
    </label>
  )
}

function TaskList({ plan, ids, onShow, empty }: { plan: Plan; ids: readonly TaskId[]; onShow(ids: readonly TaskId[]): void; empty: string }) {
  const names = useMemo(() => new Map(plan.tasks.map((task) => [task.id, task.name])), [plan])
  if (ids.length === 0) return <p className="health-none">{empty}</p>
  return (
    <ul className="health-tasks">
      {ids.slice(0, 50).map((id) => (
        <li key={id}>
          <button type="button" className="raid-link" onClick={() => onShow([id])}>
            {names.get(id) ?? `Task ${id}`}
          </button>
        </li>
      ))}
      {ids.length > 50 && <li>and {ids.length - 50} more</li>}
    </ul>
  )
}

export function DashboardView({ onShowTasks }: { onShowTasks(ids: readonly TaskId[]): void }) {
  const { plan, schedule, health } = useHealth()
  if (plan === null) return null
  if (health === null || schedule === null) return <p className="health-empty">The plan cannot be scheduled, so its health cannot be rated. Fix the problem shown above first.</p>
  return (
    <section className="health" aria-label="Project health">
      <header className="health-head">
        <h2>Project health</h2>
        <p>
          Overall <RagBadge rag={health.overall} /> at the status date <strong>{day(health.statusDate)}</strong>
          {health.statusDateIsToday ? ' (today: the plan has no status date; set one in Project settings)' : ''}.
        </p>
        {!health.hasBaseline && (
          <p className="health-note" role="note">
            {plan.tasks.some((task) => task.baselines.some((baseline) => baseline.number === plan.settings.baselineForEarnedValue))
              ? `${plan.settings.baselineForEarnedValue === 0 ? 'Baseline' : `Baseline ${plan.settings.baselineForEarnedValue}`}, the one earned value uses, has no finish dates, so the forecast finish cannot be compared with the plan as agreed: set it again with Baseline… in the Gantt view.`
              : 'No baseline is set, so schedule, cost and scope cannot be compared with the plan as agreed: set one with Baseline… in the Gantt view.'}
          </p>
        )}
      </header>
      <div className="health-tiles">
        {health.dimensions.map((dimension) => (
          <section key={dimension.key} className={`health-tile rag-border-${dimension.rag}`} aria-label={healthDimensionNames[dimension.key]} data-rag={dimension.rag}>
            <h3>
              {healthDimensionNames[dimension.key]} <RagBadge rag={dimension.rag} />
            </h3>
            <p className="health-reason">{dimension.reason}</p>
            {dimension.taskIds.length > 0 && (
              <button type="button" className="button button-small" onClick={() => onShowTasks(dimension.taskIds)}>
                Show {dimension.taskIds.length} {dimension.taskIds.length === 1 ? 'task' : 'tasks'}
              </button>
            )}
          </section>
        ))}
      </div>
      <HealthCharts plan={plan} schedule={schedule} />
      <div className="health-lists">
        <section aria-label="Overdue tasks">
          <h3>Overdue tasks ({health.overdueTaskIds.length})</h3>
          <TaskList plan={plan} ids={health.overdueTaskIds} onShow={onShowTasks} empty="None: every task due by the status date is finished." />
        </section>
        <section aria-label="Critical tasks with negative slack">
          <h3>Negative slack ({health.negativeSlackTaskIds.length})</h3>
          <TaskList plan={plan} ids={health.negativeSlackTaskIds} onShow={onShowTasks} empty="None: every deadline and constraint can be met." />
        </section>
        <section aria-label="Milestones in the next 4 weeks">
          <h3>Milestones in the next 2 and 4 weeks</h3>
          {health.milestones.length === 0 ? (
            <p className="health-none">No milestone due in the next 4 weeks.</p>
          ) : (
            <table className="sr-table">
              <thead>
                <tr>
                  <th scope="col">Milestone</th>
                  <th scope="col">Due</th>
                  <th scope="col">Baseline</th>
                  <th scope="col">Forecast</th>
                  <th scope="col">Variance</th>
                </tr>
              </thead>
              <tbody>
                {health.milestones.map((line) => (
                  <tr key={line.taskId}>
                    <td>
                      <button type="button" className="raid-link" onClick={() => onShowTasks([line.taskId])}>
                        {line.name}
                      </button>
                    </td>
                    <td>{line.withinTwoWeeks ? 'within 2 weeks' : 'within 4 weeks'}</td>
                    <td>{line.baselineFinish === null ? '—' : day(line.baselineFinish)}</td>
                    <td>{day(line.finish)}</td>
                    <td>{line.varianceDays === null ? '—' : `${line.varianceDays > 0 ? '+' : ''}${Number(line.varianceDays.toFixed(1))} d`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
      <details className="health-thresholds">
        <summary>Rules and thresholds</summary>
        <p>
          Each dimension takes the worse of its rules. “Below” turns the colour when the figure is less than the threshold, “above” when it is more,
          “from” when the count reaches it. The overall rating is the worst dimension.
        </p>
        {thresholdFields.map((group, index) => (
          <fieldset key={index}>
            {group.map((field) => (
              <ThresholdField key={field.key} field={field} value={plan.settings.health[field.key]} />
            ))}
          </fieldset>
        ))}
      </details>
    </section>
  )
}
