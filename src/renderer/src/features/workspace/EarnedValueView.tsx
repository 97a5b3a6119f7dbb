/**
 * The Earned value view: the plan's planned value (BCWS), earned value (BCWP), actual cost (ACWP) and Microsoft
 * Project's indexes at the status date against the chosen baseline, the budget alerts, the S-curve (cumulative PV, EV
 * and AC over time, the status date marked; `SCurve.tsx`, also on the health dashboard) and the same figures per summary
 * and task. Figures come from the shared cost domain (`earnedValueCompute`, `earnedValueSeries`) through
 * `tracking.ts`; the view only shows them.
 */
import { useMemo } from 'react'
import { earnedValueFigures, earnedValueOfTask, type EarnedValueFigures } from '../../../../shared/domain/cost'
import type { Plan, TaskId } from '../../../../shared/domain/model'
import type { Schedule } from '../../../../shared/domain/schedule-types'
import { SCurve } from './SCurve'
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
