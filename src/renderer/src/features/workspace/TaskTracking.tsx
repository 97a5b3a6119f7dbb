/**
 * The tracking part of the task details (issue 16), as Microsoft Project's Task Information and Task Form show it:
 * progress (actual start and finish, % complete, physical % complete, actual and remaining duration and work), cost
 * (fixed cost and its accrual, a summary's budget, the task's cost, actual and remaining cost) and the baselines set
 * for the task. Every change is a command of the registry; a refused value goes back with the message shown.
 */
import type { ProgressField } from '../../../../shared/commands/tracking'
import { workFormat } from '../../../../shared/commands/work'
import { costAccruals, type Task } from '../../../../shared/domain/model'
import { durationFormat } from '../../../../shared/domain/durations'
import { CommitInput } from './TaskScheduling'
import { trackingBaselineName, trackingMoney, trackingMoneyText, trackingOf } from './tracking'
import { useWorkspace } from './workspace-store'

const accrualNames = { start: 'Start', prorated: 'Prorated', end: 'End' } as const

export function TaskTracking({ task }: { task: Task }) {
  const run = useWorkspace((state) => state.editorRun)
  const plan = useWorkspace((state) => state.document?.plan ?? null)
  const result = useWorkspace((state) => state.document?.schedule ?? null)
  const schedule = result?.ok === true ? result.schedule : null
  if (plan === null) return null
  const index = schedule?.indexOf.get(task.id)
  const isSummary = index !== undefined && schedule?.isSummary[index] === 1
  const figures = schedule === null ? null : trackingOf(plan, schedule)
  const at = (values: ArrayLike<number> | undefined): number =>
    index === undefined || values === undefined ? Number.NaN : (values[index] ?? Number.NaN)
  const duration = at(schedule?.duration)
  const percent = Math.max(0, Math.min(100, at(schedule?.percentComplete)))
  const actualDuration = Number.isFinite(duration) ? Math.round((duration * percent) / 100) : Number.NaN
  const work = at(schedule?.work)
  const actualWork = at(figures?.actualWork)
  const alert = figures?.alerts.find((item) => item.taskId === task.id)
  const taskIds = [task.id]
  return (
    <>
      <fieldset className="ws-details-group" aria-label="Progress">
        <legend>Progress</legend>
        <TaskProgress task={task} />
        <dl className="ws-details-figures">
          <dt>Actual duration</dt>
          <dd>{Number.isFinite(actualDuration) ? durationFormat(actualDuration, 'd', plan.settings) : ''}</dd>
          <dt>Remaining duration</dt>
          <dd>
            {Number.isFinite(actualDuration)
              ? durationFormat(Math.max(0, duration - actualDuration), 'd', plan.settings)
              : ''}
          </dd>
          <dt>Actual work</dt>
          <dd>{Number.isFinite(actualWork) ? workFormat(actualWork) : ''}</dd>
          <dt>Remaining work</dt>
          <dd>
            {Number.isFinite(actualWork) && Number.isFinite(work)
              ? workFormat(Math.max(0, work - actualWork))
              : ''}
          </dd>
        </dl>
      </fieldset>
      <fieldset className="ws-details-group" aria-label="Cost">
        <legend>Cost ({plan.settings.currencyCode})</legend>
        <div className="ws-details-row">
          <CommitInput
            label="Fixed cost"
            value={trackingMoneyText(task.fixedCost)}
            onCommit={(text) => run('task/set-fixed-cost', { taskIds, text })}
          />
          <label>
            Fixed cost accrual
            <select
              value={task.fixedCostAccrual}
              onChange={(event) => {
                const accrual = costAccruals.find((item) => item === event.target.value)
                if (accrual !== undefined) run('task/set-fixed-cost-accrual', { taskIds, accrual })
              }}
            >
              {costAccruals.map((accrual) => (
                <option key={accrual} value={accrual}>
                  {accrualNames[accrual]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {(isSummary || task.budget !== null) && (
          <CommitInput
            label="Budget"
            value={task.budget === null ? '' : trackingMoneyText(task.budget)}
            placeholder="No budget"
            onCommit={(text) => run('task/set-budget', { taskIds, text })}
          />
        )}
        {alert !== undefined && (
          <p className="ws-details-alert" role="note">
            <span aria-hidden="true">⚠ </span>
            {alert.message}
          </p>
        )}
        {figures !== null && index !== undefined && (
          <dl className="ws-details-figures">
            <dt>Cost</dt>
            <dd>{trackingMoney(at(figures.costs.cost), plan)}</dd>
            <dt>Actual cost</dt>
            <dd>{trackingMoney(at(figures.costs.actualCost), plan)}</dd>
            <dt>Remaining cost</dt>
            <dd>{trackingMoney(at(figures.costs.remainingCost), plan)}</dd>
          </dl>
        )}
      </fieldset>
      <fieldset className="ws-details-group" aria-label="Baselines">
        <legend>Baselines</legend>
        {task.baselines.length === 0 ? (
          <p className="ws-details-empty">No baseline is set for this task.</p>
        ) : (
          <div className="ws-details-table-scroll">
            <table className="ws-table ws-details-table">
              <thead>
                <tr>
                  <th scope="col">Baseline</th>
                  <th scope="col">Start</th>
                  <th scope="col">Finish</th>
                  <th scope="col">Duration</th>
                  <th scope="col">Work</th>
                  <th scope="col">Cost</th>
                </tr>
              </thead>
              <tbody>
                {task.baselines.map((baseline) => (
                  <tr key={baseline.number}>
                    <th scope="row">{trackingBaselineName(baseline.number)}</th>
                    <td>{baseline.start?.slice(0, 10) ?? ''}</td>
                    <td>{baseline.finish?.slice(0, 10) ?? ''}</td>
                    <td>
                      {baseline.duration === null
                        ? ''
                        : durationFormat(baseline.duration, 'd', plan.settings)}
                    </td>
                    <td>{baseline.work === null ? '' : workFormat(baseline.work)}</td>
                    <td>{baseline.cost === null ? '' : trackingMoneyText(baseline.cost)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </fieldset>
    </>
  )
}

/**
 * The progress fields the user types (`task/set-progress`, which keeps them consistent as Microsoft Project does):
 * actual start and finish, physical % complete, and actual work for a task without assignments.
 */
function TaskProgress({ task }: { task: Task }) {
  const run = useWorkspace((state) => state.editorRun)
  const set = (field: ProgressField) => (text: string) =>
    run('task/set-progress', { taskId: task.id, field, text })
  return (
    <>
      <div className="ws-details-row">
        <CommitInput
          label="Actual start"
          value={task.actualStart?.slice(0, 10) ?? ''}
          placeholder="NA"
          onCommit={set('actualStart')}
        />
        <CommitInput
          label="Actual finish"
          value={task.actualFinish?.slice(0, 10) ?? ''}
          placeholder="NA"
          onCommit={set('actualFinish')}
        />
      </div>
      <div className="ws-details-row">
        <CommitInput
          label="Physical % complete"
          value={String(task.physicalPercentComplete)}
          onCommit={set('physicalPercentComplete')}
        />
        <CommitInput
          label="Actual work (hours)"
          value={workFormat(task.actualWork)}
          onCommit={set('actualWork')}
        />
      </div>
    </>
  )
}
