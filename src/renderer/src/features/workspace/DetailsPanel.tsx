/**
 * Details of the active task, docked under the chart when asked for (the toolbar's Details, Shift+F2), as
 * Microsoft Project's task form: scope (notes, deliverable, acceptance criteria), constraint, milestone, percent
 * complete and priority, scheduling (`TaskScheduling.tsx`: mode, typed dates, type, work). Each field commits on
 * change (checkboxes, selects) or when it loses focus.
 */
import { useContext } from 'react'
import type { TaskTextField } from '../../../../shared/commands/tasks'
import { constraintTypes, type ConstraintType, type Task, type TaskId } from '../../../../shared/domain/model'
import { dateToWallMinutes } from '../../../../shared/domain/dates'
import { dateFormatHint, dateShowTime } from '../../ui/date-format'
import { WorkspaceExtensionContext } from './extension'
import { TaskScheduling } from './TaskScheduling'
import { TaskTracking } from './TaskTracking'
import { useDraft } from './use-draft'
import { useWorkspace } from './workspace-store'

const constraintNames: Record<ConstraintType, string> = {
  ASAP: 'As soon as possible',
  ALAP: 'As late as possible',
  SNET: 'Start no earlier than',
  SNLT: 'Start no later than',
  FNET: 'Finish no earlier than',
  FNLT: 'Finish no later than',
  MSO: 'Must start on',
  MFO: 'Must finish on',
}

export function DetailsPanel({ taskId, onClose }: { taskId: TaskId | null; onClose: () => void }) {
  const task = useWorkspace((state) => (taskId === null ? null : (state.document?.plan.tasks.find((item) => item.id === taskId) ?? null)))
  return (
    <section className="ws-details" aria-label="Task details" data-pane="details">
      <div className="ws-details-head">
        <h2>Task details{task !== null && task.name !== '' ? `: ${task.name}` : ''}</h2>
        <button type="button" className="ws-button" onClick={onClose}>
          Hide details
        </button>
      </div>
      {task === null ? <p className="ws-details-empty">Select a task to see its details.</p> : <DetailsForm key={task.id} task={task} />}
    </section>
  )
}

/** The constraint date as the field shows it: the user's date and the time (`3/9/2026 08:00`). */
function constraintDateText(task: Task): string {
  return task.constraint.date === null ? '' : dateShowTime(dateToWallMinutes(task.constraint.date))
}

function DetailsForm({ task }: { task: Task }) {
  const run = useWorkspace((state) => state.editorRun)
  const extension = useContext(WorkspaceExtensionContext)
  const [constraintDate, setConstraintDate] = useDraft(constraintDateText(task))
  const [name, setName] = useDraft(task.name)
  const [notes, setNotes] = useDraft(task.notes)
  const [deliverable, setDeliverable] = useDraft(task.deliverable)
  const [acceptanceCriteria, setAcceptanceCriteria] = useDraft(task.acceptanceCriteria)
  const needsDate = task.constraint.type !== 'ASAP' && task.constraint.type !== 'ALAP'
  // A refused value stays in its field with the message shown, so nothing typed is lost.
  const commitText = (field: TaskTextField, text: string): void => {
    if (text !== task[field]) run('task/set-text', { taskId: task.id, field, text })
  }
  return (
    <form className="ws-details-form" onSubmit={(event) => event.preventDefault()}>
      <label>
        Name
        <input
          value={name}
          onChange={(event) => setName(event.target.value)}
          onBlur={(event) => {
            if (event.target.value.trim() !== task.name) run('task/rename', { taskId: task.id, text: event.target.value })
          }}
        />
      </label>
      <label>
        Notes
        <textarea rows={3} value={notes} onChange={(event) => setNotes(event.target.value)} onBlur={(event) => commitText('notes', event.target.value)} />
      </label>
      <label>
        Deliverable
        <textarea rows={2} value={deliverable} onChange={(event) => setDeliverable(event.target.value)} onBlur={(event) => commitText('deliverable', event.target.value)} />
      </label>
      <label>
        Acceptance criteria
        <textarea
          rows={3}
          value={acceptanceCriteria}
          onChange={(event) => setAcceptanceCriteria(event.target.value)}
          onBlur={(event) => commitText('acceptanceCriteria', event.target.value)}
        />
      </label>
      <div className="ws-details-row">
        <label className="is-wide">
          Constraint
          <select
            value={task.constraint.type}
            onChange={(event) => {
              const type = constraintTypes.find((item) => item === event.target.value)
              if (type !== undefined) run('task/set-constraint', { taskId: task.id, type, dateText: constraintDate })
            }}
          >
            {constraintTypes.map((type) => (
              <option key={type} value={type}>
                {constraintNames[type]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Date
          <input
            aria-label="Constraint date"
            value={constraintDate}
            placeholder={dateFormatHint()}
            onChange={(event) => setConstraintDate(event.target.value)}
            onBlur={() => {
              if (!needsDate || constraintDate === constraintDateText(task)) return
              if (!run('task/set-constraint-date', { taskId: task.id, text: constraintDate }).ok) setConstraintDate(constraintDateText(task))
            }}
          />
        </label>
      </div>
      <div className="ws-details-row">
        <NumberField label="% Complete" value={task.percentComplete} onCommit={(text) => run('task/set-complete', { taskId: task.id, text }).ok} />
        <NumberField label="Priority" value={task.priority} onCommit={(text) => run('task/set-priority', { taskId: task.id, text }).ok} />
      </div>
      <label className="ws-check">
        <input type="checkbox" checked={task.isMilestone} onChange={(event) => run('task/set-milestone', { taskId: task.id, isMilestone: event.target.checked })} />
        Milestone
      </label>
      <TaskScheduling task={task} />
      <TaskTracking task={task} />
      {extension.taskDetails?.(task.id)}
    </form>
  )
}

/** A number typed into the details; the command reads it, and a refused value goes back to the stored one. */
function NumberField({ label, value, onCommit }: { label: string; value: number; onCommit: (text: string) => boolean }) {
  const [text, setText] = useDraft(String(value))
  return (
    <label>
      {label}
      <input
        inputMode="numeric"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => {
          if (text.trim() !== String(value) && !onCommit(text)) setText(String(value))
        }}
      />
    </label>
  )
}
