/**
 * The Earned value view: the plan's planned value (BCWS), earned value (BCWP), actual cost (ACWP) and Microsoft
 * Project's indexes at the status date against the chosen baseline, the budget alerts, the S-curve (cumulative PV, EV
 * and AC over time, the status date marked) and the same figures per summary and task. Figures come from the shared
 * cost domain (`earnedValueCompute`, `earnedValueSeries`) through `tracking.ts`; the view only shows them.
 */
import { useMemo } from 'react'
import { earnedValueFigures, earnedValueOfTask, earnedValueSeries, type EarnedValueFigures, type EarnedValuePoint } from '../../../../shared/domain/cost'
import { dateToDayNumber, dateToWallMinutes } from '../../../../shared/domain/dates'
import type { Plan, TaskId } from '../../../../shared/domain/model'
import type { Schedule } from '../../../../shared/domain/schedule-types'
import { trackingBaselineName, trackingDaysText, trackingIndexText, trackingMoney, trackingMoneyText, trackingOf, type TrackingFigures } from './tracking'
import { useWorkspace } from './workspace-store'

/** Rows of the task table shown at most; the grid's Earned value table shows every task. */
const taskRowsMax = 1000

const methodNames = { 'percent-complete': '% complete', 'physical-percent-complete': 'physical % complete' } as const

export function EarnedValueView({ onShow }: { onShow?: (taskId: TaskId) => void }) {
  const plan = useWorkspace((state) => state.document?.plan ?? null)
  const result = useWorkspace((state) => state.document?.schedule ?? null)
  const schedule = result?.ok === true ? result.schedule : null
  const figures = useMemo(() => (plan === null || schedule === null ? null : trackingOf(plan, schedule)), [plan, schedule])
  if (plan === null) return null
  if (schedule === null || figures === null) return <p className="ws-ev-empty">The plan cannot be scheduled, so its earned value cannot be shown. Fix the problem shown above first.</p>
  const { value } = figures
  const baselineName = trackingBaselineName(value.baselineNumber)
  const hasBaseline = plan.tracking.baselines.some((record) => record.number === value.baselineNumber)
  return (
    <section className="ws-ev" aria-label="Earned value">
      <h2>Earned value</h2>
      <p className="ws-ev-basis">
        At the status date <strong>{figures.statusDate.slice(0, 10)}</strong>
        {figures.isStatusDateToday ? ' (today: the plan has no status date; set one in Project settings)' : ''}, against <strong>{baselineName}</strong>, measured by{' '}
        {methodNames[value.method]}. Amounts in {plan.settings.currencyCode}.
      </p>
      {!hasBaseline && (
        <p className="ws-ev-note" role="note">
          {baselineName} is not set, so there is nothing to measure against: every planned and earned value is 0. Set it with Baseline… in the Gantt view.
        </p>
      )}
      <BudgetAlerts figures={figures} onShow={onShow} />
      <PlanFigures plan={plan} figures={value.plan} finishVariance={value.planFinishVariance} />
      <SCurve plan={plan} schedule={schedule} figures={figures} />
      <TaskTable plan={plan} schedule={schedule} figures={figures} onShow={onShow} />
    </section>
  )
}

function BudgetAlerts({ figures, onShow }: { figures: TrackingFigures; onShow?: (taskId: TaskId) => void }) {
  if (figures.alerts.length === 0) return null
  return (
    <div className="ws-ev-alerts" role="group" aria-label="Budget alerts">
      <h3>Over budget</h3>
      <ul>
        {figures.alerts.map((alert) => (
          <li key={alert.taskId ?? 'plan'} className="ws-ev-alert">
            <span aria-hidden="true">⚠ </span>
            {alert.message}
            {alert.taskId !== null && onShow !== undefined && (
              <button type="button" className="ws-button" onClick={() => onShow(alert.taskId as TaskId)}>
                Show task
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}

const figureNames: { key: keyof EarnedValueFigures; label: string; title: string; isIndex?: boolean }[] = [
  { key: 'bac', label: 'BAC', title: 'Budget at completion: the baseline cost' },
  { key: 'pv', label: 'Planned value (BCWS)', title: 'Baseline cost scheduled up to the status date' },
  { key: 'ev', label: 'Earned value (BCWP)', title: 'Baseline cost of the work done' },
  { key: 'ac', label: 'Actual cost (ACWP)', title: 'What the work done cost' },
  { key: 'sv', label: 'SV', title: 'Schedule variance: EV − PV' },
  { key: 'cv', label: 'CV', title: 'Cost variance: EV − AC' },
  { key: 'spi', label: 'SPI', title: 'Schedule performance index: EV ÷ PV', isIndex: true },
  { key: 'cpi', label: 'CPI', title: 'Cost performance index: EV ÷ AC', isIndex: true },
  { key: 'eac', label: 'EAC', title: 'Estimate at completion: AC + (BAC − EV) ÷ CPI' },
  { key: 'vac', label: 'VAC', title: 'Variance at completion: BAC − EAC' },
  { key: 'tcpi', label: 'TCPI', title: 'To-complete performance index: (BAC − EV) ÷ (BAC − AC)', isIndex: true },
]

function PlanFigures({ plan, figures, finishVariance }: { plan: Plan; figures: EarnedValueFigures; finishVariance: number }) {
  return (
    <dl className="ws-ev-figures" aria-label="Plan earned value">
      {figureNames.map((item) => {
        const value = figures[item.key]
        const isBad = (item.key === 'sv' || item.key === 'cv' || item.key === 'vac') ? value < -0.005 : item.isIndex === true && item.key !== 'tcpi' ? value > 0 && value < 1 : false
        return (
          <div key={item.key} className={`ws-ev-figure${isBad ? ' is-bad' : ''}`} title={item.title}>
            <dt>{item.label}</dt>
            <dd data-figure={item.key}>{item.isIndex === true ? trackingIndexText(value) : trackingMoney(value, plan)}</dd>
          </div>
        )
      })}
      <div className="ws-ev-figure" title="The plan's finish − the baseline's latest finish, in working days">
        <dt>Finish variance</dt>
        <dd data-figure="finishVariance">{Number.isFinite(finishVariance) ? trackingDaysText(finishVariance, plan) : 'no baseline'}</dd>
      </div>
    </dl>
  )
}

const chartWidth = 760
const chartHeight = 280
const margin = { left: 86, right: 16, top: 16, bottom: 34 }

/** The S-curve: cumulative PV, EV and AC per period, EV and AC up to the status date, the status date as a line. */
function SCurve({ plan, schedule, figures }: { plan: Plan; schedule: Schedule; figures: TrackingFigures }) {
  const points = useMemo<EarnedValuePoint[]>(() => {
    const span = (schedule.projectFinish - schedule.projectStart) / 1440
    const period = span > 3 * 365 ? 'month' : span > 120 ? 'week' : 'day'
    return earnedValueSeries(plan, schedule, figures.costs, figures.value, period)
  }, [plan, schedule, figures])
  if (points.length < 2) return <p className="ws-ev-note">Nothing to chart yet: the plan has no cost over time.</p>
  const first = points[0] as EarnedValuePoint
  const last = points[points.length - 1] as EarnedValuePoint
  const x0 = dateToWallMinutes(first.date)
  const x1 = Math.max(x0 + 1, dateToWallMinutes(last.date))
  let top = 0
  for (const point of points) top = Math.max(top, point.pv, point.ev ?? 0, point.ac ?? 0)
  if (top <= 0) top = 1
  const innerWidth = chartWidth - margin.left - margin.right
  const innerHeight = chartHeight - margin.top - margin.bottom
  const xOf = (date: string): number => margin.left + ((dateToWallMinutes(date) - x0) / (x1 - x0)) * innerWidth
  const yOf = (amount: number): number => margin.top + innerHeight - (amount / top) * innerHeight
  const line = (pick: (point: EarnedValuePoint) => number | null): string =>
    points
      .filter((point) => pick(point) !== null)
      .map((point) => `${xOf(point.date).toFixed(1)},${yOf(pick(point) ?? 0).toFixed(1)}`)
      .join(' ')
  const statusX = margin.left + ((figures.value.statusDate - x0) / (x1 - x0)) * innerWidth
  const plan$ = figures.value.plan
  const description = `Cumulative cost from ${first.date.slice(0, 10)} to ${last.date.slice(0, 10)}: planned value reaches ${trackingMoney(last.pv, plan)}. At the status date ${figures.statusDate.slice(0, 10)}: planned value ${trackingMoney(plan$.pv, plan)}, earned value ${trackingMoney(plan$.ev, plan)}, actual cost ${trackingMoney(plan$.ac, plan)}.`
  const ticks = [0, 0.25, 0.5, 0.75, 1]
  const dayCount = dateToDayNumber(last.date.slice(0, 10)) - dateToDayNumber(first.date.slice(0, 10))
  return (
    <figure className="ws-ev-chart">
      <svg role="img" aria-labelledby="ws-ev-chart-title ws-ev-chart-desc" viewBox={`0 0 ${chartWidth} ${chartHeight}`} width={chartWidth} height={chartHeight} data-testid="s-curve">
        <title id="ws-ev-chart-title">S-curve: cumulative planned value, earned value and actual cost</title>
        <desc id="ws-ev-chart-desc">{description}</desc>
        {ticks.map((tick) => (
          <g key={tick} aria-hidden="true">
            <line className="ws-ev-grid" x1={margin.left} x2={chartWidth - margin.right} y1={yOf(top * tick)} y2={yOf(top * tick)} />
            <text className="ws-ev-axis" x={margin.left - 6} y={yOf(top * tick) + 4} textAnchor="end">
              {trackingMoneyText(top * tick)}
            </text>
          </g>
        ))}
        <text className="ws-ev-axis" x={margin.left} y={chartHeight - 10} aria-hidden="true">
          {first.date.slice(0, 10)}
        </text>
        <text className="ws-ev-axis" x={chartWidth - margin.right} y={chartHeight - 10} textAnchor="end" aria-hidden="true">
          {last.date.slice(0, 10)} ({dayCount} days)
        </text>
        <polyline className="ws-ev-line is-pv" points={line((point) => point.pv)} data-series="pv" />
        <polyline className="ws-ev-line is-ev" points={line((point) => point.ev)} data-series="ev" />
        <polyline className="ws-ev-line is-ac" points={line((point) => point.ac)} data-series="ac" />
        {statusX >= margin.left && statusX <= chartWidth - margin.right && (
          <g data-testid="s-curve-status-date">
            <line className="ws-ev-status" x1={statusX} x2={statusX} y1={margin.top} y2={margin.top + innerHeight} />
            <text className="ws-ev-axis" x={statusX + 4} y={margin.top + 10}>
              Status date {figures.statusDate.slice(0, 10)}
            </text>
          </g>
        )}
      </svg>
      <figcaption className="ws-ev-legend">
        <span className="ws-ev-key is-pv" /> Planned value (BCWS) <span className="ws-ev-key is-ev" /> Earned value (BCWP) <span className="ws-ev-key is-ac" /> Actual cost (ACWP)
      </figcaption>
    </figure>
  )
}

function TaskTable({ plan, schedule, figures, onShow }: { plan: Plan; schedule: Schedule; figures: TrackingFigures; onShow?: (taskId: TaskId) => void }) {
  const shown = Math.min(plan.tasks.length, taskRowsMax)
  const total = figures.value.plan
  const cells = (item: EarnedValueFigures) =>
    figureNames.map((name) => (
      <td key={name.key} className="is-number">
        {name.isIndex === true ? trackingIndexText(item[name.key]) : trackingMoneyText(item[name.key])}
      </td>
    ))
  return (
    <div className="ws-ev-table-wrap">
      <table className="ws-table ws-ev-table" aria-label="Earned value by task">
        <thead>
          <tr>
            <th scope="col">Task</th>
            {figureNames.map((name) => (
              <th key={name.key} scope="col" className="is-number" title={name.title}>
                {name.label.replace(/ \(.*\)$/, '').replace('Planned value', 'PV').replace('Earned value', 'EV').replace('Actual cost', 'AC')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="is-plan">
            <th scope="row">{plan.name} (plan)</th>
            {cells(earnedValueFigures(total.bac, total.pv, total.ev, total.ac, total.cost))}
          </tr>
          {plan.tasks.slice(0, shown).map((task, index) => (
            <tr key={task.id} className={schedule.isSummary[index] === 1 ? 'is-summary' : undefined}>
              <th scope="row" style={{ paddingLeft: 10 + (task.level - 1) * 14 }}>
                {onShow === undefined ? (
                  task.name || `Task ${task.id}`
                ) : (
                  <button type="button" className="ws-link-button" onClick={() => onShow(task.id)}>
                    {task.name || `Task ${task.id}`}
                  </button>
                )}
              </th>
              {cells(earnedValueOfTask(figures.value, index))}
            </tr>
          ))}
        </tbody>
      </table>
      {shown < plan.tasks.length && (
        <p className="ws-ev-note">
          The first {shown} of {plan.tasks.length} tasks are shown; the Gantt view's Earned value table shows every task.
        </p>
      )}
    </div>
  )
}
