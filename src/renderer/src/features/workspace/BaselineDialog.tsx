/**
 * Microsoft Project's Set Baseline dialog: set baseline N (Baseline, Baseline 1–10) for the whole plan or the selected
 * tasks (rolled up to all their summary tasks), or clear one; each baseline says when it was set. The baseline's cost
 * is each task's cost now (`tracking.ts`). Setting and clearing are commands of the registry (`baseline/set`, `baseline/clear`):
 * one undo step each, a refusal shown in the workspace's message line.
 */
import { useState } from 'react'
import { dateLocalNow } from '../../../../shared/domain/dates'
import { baselineNumbers, type BaselineNumber, type Plan } from '../../../../shared/domain/model'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { trackingBaselineName, trackingOf } from './tracking'
import { useWorkspace } from './workspace-store'

/** When each baseline was set: `set 2026-10-05 14:30`, `set (date not known)` for one read from a file, or `not set`. */
export function baselineSetText(plan: Plan, number: BaselineNumber): string {
  const record = plan.tracking.baselines.find((item) => item.number === number)
  if (record === undefined) return 'not set'
  return record.setAt === null ? 'set (date not known)' : `set ${record.setAt.slice(0, 16).replace('T', ' ')}`
}

type Action = 'set' | 'clear'
type Scope = 'plan' | 'selected'

export function BaselineDialog({ onClose }: { onClose: () => void }) {
  const plan = useWorkspace((state) => state.document?.plan ?? null)
  const selection = useWorkspace((state) => state.editorSelection)
  const run = useWorkspace((state) => state.editorRun)
  const result = useWorkspace((state) => state.document?.schedule ?? null)
  const [action, setAction] = useState<Action>('set')
  const [number, setNumber] = useState<BaselineNumber>(0)
  const [scope, setScope] = useState<Scope>('plan')
  const [rollUp, setRollUp] = useState(false)
  if (plan === null) return null
  const schedule = result?.ok === true ? result.schedule : null
  const confirm = (): void => {
    const outcome =
      action === 'set'
        ? run('baseline/set', { number, scope, rollUp, now: dateLocalNow(), costs: schedule === null ? undefined : trackingOf(plan, schedule).costs.cost })
        : run('baseline/clear', { number, scope })
    if (outcome.ok) onClose()
  }
  return (
    <ConfirmDialog title={action === 'set' ? 'Set baseline' : 'Clear baseline'} confirmLabel={action === 'set' ? 'Set baseline' : 'Clear baseline'} isWide onConfirm={confirm} onCancel={onClose}>
      <div className="ws-baseline-dialog">
        <fieldset>
          <legend>Action</legend>
          <label className="ws-check">
            <input type="radio" name="baseline-action" checked={action === 'set'} onChange={() => setAction('set')} />
            Set baseline
          </label>
          <label className="ws-check">
            <input type="radio" name="baseline-action" checked={action === 'clear'} onChange={() => setAction('clear')} />
            Clear baseline
          </label>
        </fieldset>
        <label>
          Baseline
          <select value={number} onChange={(event) => setNumber(baselineNumbers.find((item) => item === Number(event.target.value)) ?? 0)}>
            {baselineNumbers.map((item) => (
              <option key={item} value={item}>
                {trackingBaselineName(item)} ({baselineSetText(plan, item)})
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>For</legend>
          <label className="ws-check">
            <input type="radio" name="baseline-scope" checked={scope === 'plan'} onChange={() => setScope('plan')} />
            Entire plan
          </label>
          <label className="ws-check">
            <input type="radio" name="baseline-scope" checked={scope === 'selected'} disabled={selection.length === 0} onChange={() => setScope('selected')} />
            Selected tasks ({selection.length})
          </label>
        </fieldset>
        {action === 'set' && (
          <fieldset disabled={scope !== 'selected'}>
            <legend>Roll up baselines</legend>
            <label className="ws-check">
              <input type="checkbox" checked={rollUp} onChange={(event) => setRollUp(event.target.checked)} />
              To all summary tasks
            </label>
          </fieldset>
        )}
        <BaselineList plan={plan} />
      </div>
    </ConfirmDialog>
  )
}

/** The eleven baselines and when each was set. */
export function BaselineList({ plan }: { plan: Plan }) {
  return (
    <table className="ws-table" aria-label="Baselines">
      <thead>
        <tr>
          <th scope="col">Baseline</th>
          <th scope="col">Set</th>
        </tr>
      </thead>
      <tbody>
        {baselineNumbers.map((item) => (
          <tr key={item}>
            <th scope="row">{trackingBaselineName(item)}</th>
            <td>{baselineSetText(plan, item)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
