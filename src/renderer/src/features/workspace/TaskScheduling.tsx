/**
 * The scheduling part of the task details (issue 14), as Microsoft Project's Task Information: the mode (auto or
 * manual) with a manual task's typed start, finish and duration (blank allowed) and "Respect links"; the task type,
 * work, Effort Driven and "ignore resource calendars"; and why the task is where it is: the links its manual dates
 * break (by how much) and the vacations of its people that stretched it. Every change is a command of the registry.
 */
import { useMemo } from 'react'
import { schedulingModeNames } from '../../../../shared/commands/manual'
import { taskTypeNames, workFormat } from '../../../../shared/commands/work'
import { dateToWallMinutes } from '../../../../shared/domain/dates'
import { durationFormat } from '../../../../shared/domain/durations'
import { schedulingModes, taskTypes, type Task } from '../../../../shared/domain/model'
import { cellDate } from './cells'
import { noteStretch, noteViolation, scheduleNotes } from './schedule-notes'
import { useDraft } from './use-draft'
import { useWorkspace } from './workspace-store'

/** A text field that commits when it loses focus or on Enter; a refused value goes back to the stored one. */
function CommitInput({ label, value, placeholder, onCommit }: { label: string; value: string; placeholder?: string; onCommit: (text: string) => { ok: boolean } }) {
  const [text, setText] = useDraft(value)
  const commit = (): void => {
    if (text.trim() === value.trim()) return
    if (!onCommit(text).ok) setText(value)
  }
  return (
    <label>
      {label}
      <input
        value={text}
        placeholder={placeholder}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            commit()
          } else if (event.key === 'Escape') setText(value)
        }}
      />
    </label>
  )
}

function typedDate(value: string | null): string {
  return value === null ? '' : cellDate(dateToWallMinutes(value))
}

export function TaskScheduling({ task }: { task: Task }) {
  const run = useWorkspace((state) => state.editorRun)
  const plan = useWorkspace((state) => state.document?.plan ?? null)
  const result = useWorkspace((state) => state.document?.schedule ?? null)
  const schedule = result?.ok === true ? result.schedule : null
  const index = schedule?.indexOf.get(task.id)
  const isSummary = index !== undefined && schedule?.isSummary[index] === 1
  const notes = scheduleNotes(schedule)
  const violations = notes.violations.get(task.id) ?? []
  const stretches = notes.stretches.get(task.id) ?? []
  const resources = useMemo(() => new Map((plan?.resources ?? []).map((resource) => [resource.id, resource])), [plan?.resources])
  const hasPredecessors = useMemo(() => (plan?.dependencies ?? []).some((link) => link.successorId === task.id), [plan?.dependencies, task.id])
  if (plan === null) return null
  const isManual = task.schedulingMode === 'manual'
  const work = index !== undefined && schedule !== null ? (schedule.work[index] ?? task.work) : task.work
  const id = task.id
  return (
    <fieldset className="ws-details-scheduling">
      <legend>Scheduling</legend>
      <div className="ws-details-row">
        <label className="is-wide">
          Mode
          <select value={task.schedulingMode} onChange={(event) => run('task/set-mode', { taskId: id, text: event.target.value })}>
            {schedulingModes.map((mode) => (
              <option key={mode} value={mode}>
                {schedulingModeNames[mode]}
              </option>
            ))}
          </select>
        </label>
        {isManual && hasPredecessors && (
          <button type="button" className="ws-button ws-details-inline" onClick={() => run('task/respect-links', { taskIds: [id] })}>
            Respect links
          </button>
        )}
      </div>
      {isManual && (
        <div className="ws-details-row">
          <CommitInput label="Start" placeholder="blank" value={typedDate(task.manualStart)} onCommit={(text) => run('task/set-start', { taskId: id, text })} />
          <CommitInput label="Finish" placeholder="blank" value={typedDate(task.manualFinish)} onCommit={(text) => run('task/set-finish', { taskId: id, text })} />
          <CommitInput
            label="Duration"
            placeholder="blank"
            value={task.manualDuration === null ? '' : durationFormat(task.manualDuration, task.durationUnit, plan.settings)}
            onCommit={(text) => run('task/set-duration', { taskId: id, text })}
          />
        </div>
      )}
      {violations.length > 0 && (
        <ul className="ws-details-notes is-problem" aria-label="Links not met">
          {violations.map((violation) => (
            <li key={violation.dependencyId}>{noteViolation(plan, schedule?.indexOf ?? new Map(), violation)}</li>
          ))}
        </ul>
      )}
      <div className="ws-details-row">
        <label className="is-wide">
          Task type
          <select value={task.type} onChange={(event) => run('task/set-type', { taskId: id, text: event.target.value })}>
            {taskTypes.map((type) => (
              <option key={type} value={type}>
                {taskTypeNames[type]}
              </option>
            ))}
          </select>
        </label>
        {isSummary ? (
          <label>
            Work
            <input value={workFormat(work)} readOnly aria-readonly="true" title="The work of a summary is the sum of its tasks' work" />
          </label>
        ) : (
          <CommitInput label="Work" value={workFormat(work)} onCommit={(text) => run('task/set-work', { taskId: id, text })} />
        )}
      </div>
      <label className="ws-check">
        <input
          type="checkbox"
          checked={task.isEffortDriven || task.type === 'fixed-work'}
          disabled={task.type === 'fixed-work'}
          onChange={(event) => run('task/set-effort-driven', { taskId: id, isEffortDriven: event.target.checked })}
        />
        Effort driven
      </label>
      <label className="ws-check">
        <input
          type="checkbox"
          checked={task.ignoresResourceCalendars}
          onChange={(event) => run('task/set-ignores-resource-calendars', { taskId: id, ignoresResourceCalendars: event.target.checked })}
        />
        Scheduling ignores resource calendars
      </label>
      {stretches.length > 0 && (
        <ul className="ws-details-notes" aria-label="Why it takes longer">
          {stretches.map((stretch, position) => (
            <li key={position}>{noteStretch(plan, resources, stretch)}</li>
          ))}
        </ul>
      )}
    </fieldset>
  )
}
