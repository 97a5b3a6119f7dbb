/**
 * Details of the active task: scope (notes, deliverable, acceptance criteria), constraint, milestone,
 * percent complete and priority. Each field commits on change (checkboxes, selects) or when it loses focus.
 */
import { useState } from 'react'
import { constraintTypes, type ConstraintType, type Task, type TaskId } from '../../../../shared/domain/model'
import { TaskAssignments } from '../resources/TaskAssignments'
import { cellParseDate } from './cells'
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

export function DetailsPanel({ taskId }: { taskId: TaskId | null }) {
  const task = useWorkspace((state) => (taskId === null ? null : (state.document?.plan.tasks.find((item) => item.id === taskId) ?? null)))
  const [isOpen, setOpen] = useState(true)
  return (
    <section className={`ws-details${isOpen ? '' : ' is-closed'}`} aria-label="Task details" data-pane="details">
      <div className="ws-details-head">
        <h2>Task details</h2>
        <button type="button" className="ws-button" aria-expanded={isOpen} onClick={() => setOpen((open) => !open)}>
          {isOpen ? 'Hide details' : 'Show details'}
        </button>
      </div>
      {isOpen && (task === null ? <p className="ws-details-empty">Select a task to see its details.</p> : <DetailsForm key={task.id} task={task} />)}
    </section>
  )
}

function DetailsForm({ task }: { task: Task }) {
  const update = useWorkspace((state) => state.editorUpdateTask)
  const setMessage = useWorkspace((state) => state.editorSetMessage)
  const defaultStart = useWorkspace((state) => state.document?.plan.settings.defaultStartTime ?? 480)
  const [constraintDate, setConstraintDate] = useDraft(task.constraint.date?.slice(0, 16).replace('T', ' ') ?? '')
  const [name, setName] = useDraft(task.name)
  const [notes, setNotes] = useDraft(task.notes)
  const [deliverable, setDeliverable] = useDraft(task.deliverable)
  const [acceptanceCriteria, setAcceptanceCriteria] = useDraft(task.acceptanceCriteria)
  const needsDate = task.constraint.type !== 'ASAP' && task.constraint.type !== 'ALAP'
  const commitText = (field: 'notes' | 'deliverable' | 'acceptanceCriteria' | 'name', value: string): void => {
    if (value !== task[field]) update(task.id, { [field]: value }, 'Edit task details')
  }
  return (
    <form className="ws-details-form" onSubmit={(event) => event.preventDefault()}>
      <label>
        Name
        <input value={name} onChange={(event) => setName(event.target.value)} onBlur={(event) => commitText('name', event.target.value.trim())} />
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
              const type = event.target.value as ConstraintType
              if (type === 'ASAP' || type === 'ALAP') {
                update(task.id, { constraint: { type, date: null } }, 'Change constraint')
                return
              }
              const date = task.constraint.date ?? cellParseDate(constraintDate, defaultStart)
              if (date === null) {
                setMessage('Type the constraint date first (YYYY-MM-DD), then choose the constraint.')
                return
              }
              update(task.id, { constraint: { type, date } }, 'Change constraint')
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
            placeholder="YYYY-MM-DD"
            onChange={(event) => setConstraintDate(event.target.value)}
            onBlur={() => {
              if (!needsDate) return
              const date = cellParseDate(constraintDate, defaultStart)
              if (date === null) {
                setMessage(`"${constraintDate}" is not a date. Type it as YYYY-MM-DD.`)
                setConstraintDate(task.constraint.date?.slice(0, 16).replace('T', ' ') ?? '')
                return
              }
              update(task.id, { constraint: { type: task.constraint.type, date } }, 'Change constraint date')
            }}
          />
        </label>
      </div>
      <div className="ws-details-row">
        <NumberField label="% Complete" value={task.percentComplete} min={0} max={100} onCommit={(value) => update(task.id, { percentComplete: value }, 'Change % complete')} />
        <NumberField label="Priority" value={task.priority} min={0} max={1000} onCommit={(value) => update(task.id, { priority: value }, 'Change priority')} />
      </div>
      <label className="ws-check">
        <input
          type="checkbox"
          checked={task.isMilestone}
          onChange={(event) =>
            update(task.id, event.target.checked ? { isMilestone: true, duration: 0 } : { isMilestone: false, duration: task.duration > 0 ? task.duration : 480 }, 'Toggle milestone')
          }
        />
        Milestone
      </label>
      <TaskAssignments taskId={task.id} />
    </form>
  )
}

function NumberField({ label, value, min, max, onCommit }: { label: string; value: number; min: number; max: number; onCommit: (value: number) => void }) {
  const setMessage = useWorkspace((state) => state.editorSetMessage)
  const [text, setText] = useDraft(String(value))
  return (
    <label>
      {label}
      <input
        inputMode="numeric"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => {
          const number = Number(text.trim().replace('%', ''))
          if (text.trim() === '' || !Number.isFinite(number) || number < min || number > max) {
            setMessage(`${label} must be a number from ${min} to ${max}.`)
            setText(String(value))
            return
          }
          if (number !== value) onCommit(number)
        }}
      />
    </label>
  )
}
