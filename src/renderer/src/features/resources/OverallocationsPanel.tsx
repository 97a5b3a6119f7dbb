/**
 * The Over-allocations panel: every conflict (who, when, peak load, excess work, which tasks) with links that select
 * the tasks, concrete suggestions per conflict that apply in one click (one undoable step each), and the Level
 * resources command (whole plan or a date range, optionally only within slack) with its before/after summary.
 */
import { useId, useMemo, useState } from 'react'
import { dateFromDayNumber } from '../../../../shared/domain/dates'
import type { LevelingSummary } from '../../../../shared/domain/leveling'
import type { OverallocationPeriod, PlanLoad } from '../../../../shared/domain/load'
import type { Plan, Resource, ResourceId, TaskId } from '../../../../shared/domain/model'
import type { Schedule } from '../../../../shared/domain/schedule-types'
import { suggestionsForConflict, type Suggestion } from '../../../../shared/domain/suggestions'
import { useWorkspace, useWorkspaceApi } from '../workspace/workspace-store'
import { conflictFigures, taskNameLookup } from './plan-load'

/**
 * The last leveling run's summary, with the plan it produced: kept by the resources extension, so it stays when the
 * user switches tabs, and "Undo leveling" is offered while that plan is still the current one (after other edits,
 * the undo history is the way back).
 */
export type LevelingReport = { summary: LevelingSummary; isChanged: boolean; plan: Plan }

type Props = {
  plan: Plan
  schedule: Schedule
  load: PlanLoad
  /** Shows the given tasks in the Gantt view (after they are selected). */
  onShowTasks?: (taskIds: TaskId[]) => void
  levelingReport?: LevelingReport | null
  onLevelingReport?: (report: LevelingReport | null) => void
}

/** Conflicts listed at first; a big plan can have hundreds and the first ones (by date) matter most. */
const conflictsShown = 100

function hoursText(minutes: number): string {
  const hours = Math.round((minutes / 60) * 10) / 10
  return `${hours} h`
}

export function OverallocationsPanel({ plan, schedule, load, onShowTasks, levelingReport = null, onLevelingReport }: Props) {
  const headingId = useId()
  const resources = useMemo(() => new Map<ResourceId, Resource>(plan.resources.map((resource) => [resource.id, resource])), [plan.resources])
  const nameOf = useMemo(() => taskNameLookup(plan), [plan])
  const [isAllShown, setAllShown] = useState(false)
  const count = load.conflicts.length
  const shown = isAllShown ? load.conflicts : load.conflicts.slice(0, conflictsShown)
  return (
    <section className="rs-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        Over-allocations <span className={`rs-count${count > 0 ? ' is-over' : ''}`}>{count}</span>
      </h2>
      <LevelForm plan={plan} report={levelingReport} onReport={onLevelingReport} />
      {count === 0 ? (
        <p className="rs-empty" data-testid="no-overallocations">
          Nobody is over-allocated.
        </p>
      ) : (
        <ul className="rs-conflicts" aria-label="Conflicts">
          {shown.map((conflict) => (
            <ConflictItem
              key={`${conflict.resourceId}:${conflict.startDay}`}
              plan={plan}
              schedule={schedule}
              conflict={conflict}
              resource={resources.get(conflict.resourceId)}
              nameOf={nameOf}
              onShowTasks={onShowTasks}
            />
          ))}
        </ul>
      )}
      {shown.length < count && (
        <button type="button" className="ws-button rs-more" onClick={() => setAllShown(true)}>
          Show all {count} over-allocations
        </button>
      )}
    </section>
  )
}

function ConflictItem({
  plan,
  schedule,
  conflict,
  resource,
  nameOf,
  onShowTasks,
}: {
  plan: Plan
  schedule: Schedule
  conflict: OverallocationPeriod
  resource: Resource | undefined
  nameOf: (id: TaskId) => string
  onShowTasks?: (taskIds: TaskId[]) => void
}) {
  const store = useWorkspaceApi()
  const [isOpen, setOpen] = useState(false)
  const suggestions = useMemo<Suggestion[]>(() => (isOpen ? suggestionsForConflict(plan, schedule, conflict) : []), [isOpen, plan, schedule, conflict])
  const name = resource?.name ?? `Resource ${conflict.resourceId}`
  const names = conflict.taskIds.map(nameOf)
  const when = conflict.start === conflict.finish ? conflict.start : `${conflict.start} – ${conflict.finish}`
  const select = (ids: TaskId[]): void => {
    store.getState().editorSelect(ids)
    onShowTasks?.(ids)
  }
  return (
    <li className="rs-conflict" data-resource-id={conflict.resourceId}>
      <p className="rs-conflict-head">
        <strong>{name}</strong> <span className="rs-when">{when}</span>{' '}
        <span
          className="rs-peak"
          title={`Peak units: the most of ${name} the assignments ask for at one moment (max ${resource?.maxUnits ?? 100} %). Busiest day: ${dateFromDayNumber(conflict.peakDay)}, its work ÷ the work ${name} can do that day.`}
        >
          {conflictFigures(conflict)}
        </span>
      </p>
      <p className="rs-conflict-detail">
        {hoursText(conflict.excessWork)} of work above capacity{resource !== undefined ? ` (max ${resource.maxUnits} %)` : ''} on:
      </p>
      <ul className="rs-task-links">
        {conflict.taskIds.map((taskId, index) => (
          <li key={taskId}>
            <button type="button" className="rs-link" onClick={() => select([taskId])} aria-label={`Select task ${names[index] ?? taskId}`}>
              {names[index]}
            </button>
          </li>
        ))}
      </ul>
      <div className="rs-conflict-actions">
        <button type="button" className="ws-button" onClick={() => select(conflict.taskIds)}>
          Select all {conflict.taskIds.length} tasks
        </button>
        <button type="button" className="ws-button" aria-expanded={isOpen} onClick={() => setOpen((open) => !open)}>
          {isOpen ? 'Hide suggestions' : 'Suggestions'}
        </button>
      </div>
      {isOpen && (
        <ul className="rs-suggestions" aria-label={`Suggestions for ${name} ${when}`}>
          {suggestions.length === 0 && <li className="rs-empty">No suggestion found; try Level resources.</li>}
          {suggestions.map((suggestion, index) => (
            <li key={index} className="rs-suggestion">
              <span>{suggestion.message}</span>
              <button type="button" className="ws-button" onClick={() => store.getState().editorRun('suggestion/apply', { suggestion })}>
                Apply
              </button>
            </li>
          ))}
        </ul>
      )}
    </li>
  )
}

function LevelForm({ plan, report, onReport }: { plan: Plan; report: LevelingReport | null; onReport?: (report: LevelingReport | null) => void }) {
  const store = useWorkspaceApi()
  const [isOpen, setOpen] = useState(false)
  const [isClearOpen, setClearOpen] = useState(false)
  const [scope, setScope] = useState<'plan' | 'range'>('plan')
  const [from, setFrom] = useState(plan.start.slice(0, 10))
  const [to, setTo] = useState(plan.start.slice(0, 10))
  const [isWithinSlack, setWithinSlack] = useState(false)
  // Without an owner that keeps it (a page of its own), the summary lives here.
  const [localReport, setLocalReport] = useState<LevelingReport | null>(null)
  const kept = onReport === undefined ? localReport : report
  // A summary is about the plan it leveled (not another plan opened since).
  const shown = kept !== null && kept.plan.id === plan.id ? kept : null
  const setReport = onReport ?? setLocalReport
  const formId = useId()
  const level = (): void => {
    const outcome = store.getState().editorRun('resource/level', {
      ...(scope === 'range' ? { range: { from: from.trim(), to: to.trim() } } : {}),
      withinSlackOnly: isWithinSlack,
    })
    const leveled = store.getState().document?.plan
    setReport(outcome.ok && leveled !== undefined ? { summary: outcome.value, isChanged: outcome.isChanged, plan: leveled } : null)
  }
  return (
    <div className="rs-level">
      <div className="rs-level-bar">
        <button type="button" className="ws-button rs-button-primary" aria-expanded={isOpen} aria-controls={formId} onClick={() => setOpen((open) => !open)}>
          Level resources…
        </button>
        <button type="button" className="ws-button" aria-expanded={isClearOpen} onClick={() => setClearOpen((open) => !open)}>
          Clear leveling…
        </button>
      </div>
      {isClearOpen && <ClearLevelingForm onDone={() => setClearOpen(false)} />}
      {isOpen && (
        <form
          id={formId}
          className="rs-level-form"
          aria-label="Level resources"
          onSubmit={(event) => {
            event.preventDefault()
            level()
          }}
        >
          <fieldset>
            <legend>Scope</legend>
            <label className="ws-check">
              <input type="radio" name={`${formId}-scope`} checked={scope === 'plan'} onChange={() => setScope('plan')} />
              Whole plan
            </label>
            <label className="ws-check">
              <input type="radio" name={`${formId}-scope`} checked={scope === 'range'} onChange={() => setScope('range')} />
              Tasks starting in a date range
            </label>
            {scope === 'range' && (
              <div className="rs-range">
                <label>
                  From
                  <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
                </label>
                <label>
                  To
                  <input type="date" value={to} onChange={(event) => setTo(event.target.value)} />
                </label>
              </div>
            )}
          </fieldset>
          <label className="ws-check">
            <input type="checkbox" checked={isWithinSlack} onChange={(event) => setWithinSlack(event.target.checked)} />
            Level only within slack (the plan finish does not move)
          </label>
          <button type="submit" className="ws-button rs-button-primary">
            Level
          </button>
        </form>
      )}
      {shown !== null && <LevelSummary report={shown} isCurrent={shown.plan === plan} onClose={() => setReport(null)} />}
    </div>
  )
}

/** Microsoft Project's Clear Leveling: the delays leveling added, of the whole plan or of the selected tasks. */
function ClearLevelingForm({ onDone }: { onDone: () => void }) {
  const store = useWorkspaceApi()
  const selected = useWorkspace((state) => state.editorSelection.length)
  const [isAll, setAll] = useState(selected === 0)
  const formId = useId()
  return (
    <form
      className="rs-level-form"
      aria-label="Clear leveling"
      onSubmit={(event) => {
        event.preventDefault()
        if (store.getState().editorRun('resource/clear-leveling', isAll ? { isAll: true } : {}).ok) onDone()
      }}
    >
      <fieldset>
        <legend>Clear the leveling delays of</legend>
        <label className="ws-check">
          <input type="radio" name={`${formId}-scope`} checked={isAll} onChange={() => setAll(true)} />
          The whole plan
        </label>
        <label className="ws-check">
          <input type="radio" name={`${formId}-scope`} checked={!isAll} disabled={selected === 0} onChange={() => setAll(false)} />
          The selected tasks ({selected})
        </label>
      </fieldset>
      <button type="submit" className="ws-button rs-button-primary">
        Clear leveling
      </button>
    </form>
  )
}

function LevelSummary({ report, isCurrent, onClose }: { report: LevelingReport; isCurrent: boolean; onClose: () => void }) {
  const store = useWorkspaceApi()
  const { summary, isChanged } = report
  const minutesPerDay = store.getState().document?.plan.settings.minutesPerDay ?? 480
  const finishDays = Math.round((summary.finishDelay / minutesPerDay) * 10) / 10
  return (
    <div className="rs-level-summary" role="status" aria-label="Leveling summary">
      <p>
        <strong>Leveling:</strong> {summary.moved.length} task{summary.moved.length === 1 ? '' : 's'} moved; over-allocations {summary.conflictsBefore} →{' '}
        {summary.conflictsAfter}. Plan finish {summary.finishBefore.slice(0, 10)} → {summary.finishAfter.slice(0, 10)}
        {finishDays > 0 ? ` (${finishDays} working day${finishDays === 1 ? '' : 's'} later)` : ' (unchanged)'}.
      </p>
      {summary.moved.length > 0 && (
        <ul className="rs-moved">
          {summary.moved.map((move) => (
            <li key={move.taskId}>
              {move.name || `Task ${move.taskId}`}: {move.oldStart.slice(0, 10)} → {move.newStart.slice(0, 10)}
            </li>
          ))}
        </ul>
      )}
      {summary.remaining.length > 0 && (
        <ul className="rs-remaining" aria-label="Not resolved">
          {summary.remaining.map((item, index) => (
            <li key={index}>{item.reasons.join(' ')}</li>
          ))}
        </ul>
      )}
      {isChanged && !isCurrent && <p className="rs-level-note">The plan has changed since; Undo (Ctrl+Z) steps back through those changes and then the leveling.</p>}
      <div className="rs-conflict-actions">
        {isChanged && isCurrent && (
          <button
            type="button"
            className="ws-button"
            onClick={() => {
              store.getState().editorUndo()
              onClose()
            }}
          >
            Undo leveling
          </button>
        )}
        <button type="button" className="ws-button" onClick={onClose}>
          Close summary
        </button>
      </div>
    </div>
  )
}
