/**
 * The assignments of one task in the task details: each resource with its units and work (editable with Microsoft
 * Project's rules for the task's type; refused with a message when 0, negative, not a number or absurd), its own
 * dates on its resource's calendar, a remove button, and a form to assign another resource. The task's
 * over-allocation, if any, is explained right here.
 */
import { useMemo, useState } from 'react'
import { workFormat } from '../../../../shared/commands/work'
import { dateWallText } from '../../../../shared/domain/dates'
import type { Assignment, TaskId } from '../../../../shared/domain/model'
import type { Schedule } from '../../../../shared/domain/schedule-types'
import { useWorkspace, useWorkspaceApi } from '../workspace/workspace-store'
import { overallocationByTask, usePlanLoadPublished } from './plan-load'
import './resources.css'

export function TaskAssignments({ taskId }: { taskId: TaskId }) {
  const store = useWorkspaceApi()
  const plan = useWorkspace((state) => state.document?.plan ?? null)
  const result = useWorkspace((state) => state.document?.schedule ?? null)
  const published = usePlanLoadPublished()
  const load = result?.ok === true ? published : null
  const assignments = useMemo(() => (plan?.assignments ?? []).filter((assignment) => assignment.taskId === taskId), [plan?.assignments, taskId])
  const warning = useMemo(() => (plan === null || load === null ? undefined : overallocationByTask(plan, load).get(taskId)), [plan, load, taskId])
  const [resourceId, setResourceId] = useState('')
  const [units, setUnits] = useState('100%')
  if (plan === null) return null
  const free = plan.resources.filter((resource) => !assignments.some((assignment) => assignment.resourceId === resource.id))
  const assign = (): void => {
    const resource = plan.resources.find((item) => String(item.id) === resourceId)
    if (store.getState().editorRun('assignment/set', { taskId, resourceId: resource?.id ?? null, units }).ok) {
      setResourceId('')
      setUnits('100%')
    }
  }
  return (
    <fieldset className="rs-assignments">
      <legend>Resources</legend>
      {warning !== undefined && (
        <p className="rs-task-warning">
          <span aria-hidden="true">⚠ </span>
          {warning}
        </p>
      )}
      {assignments.length === 0 && <p className="rs-empty">No one is assigned.</p>}
      {assignments.length > 0 && (
        <div className="rs-assignment rs-assignment-head" aria-hidden="true">
          <span className="rs-assignment-name">Resource</span>
          <span>Units</span>
          <span>Work</span>
        </div>
      )}
      {assignments.map((assignment) => (
        <AssignmentRow
          key={`${assignment.id}:${assignment.units}:${assignment.work}`}
          assignment={assignment}
          schedule={result?.ok === true ? result.schedule : null}
          position={plan.assignments.indexOf(assignment)}
          name={plan.resources.find((resource) => resource.id === assignment.resourceId)?.name ?? `Resource ${assignment.resourceId}`}
        />
      ))}
      {plan.resources.length === 0 ? (
        <p className="rs-empty">Add resources in the Resources view to assign them.</p>
      ) : (
        free.length > 0 && (
          <div className="rs-assign-add">
            <label>
              Resource
              <select value={resourceId} onChange={(event) => setResourceId(event.target.value)}>
                <option value="">Choose…</option>
                {free.map((resource) => (
                  <option key={resource.id} value={resource.id}>
                    {resource.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Units
              <input
                value={units}
                inputMode="decimal"
                onChange={(event) => setUnits(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault()
                    assign()
                  }
                }}
              />
            </label>
            <button type="button" className="ws-button" onClick={assign}>
              Assign
            </button>
          </div>
        )
      )}
    </fieldset>
  )
}

/** A field of an assignment row: commits on Enter or when it loses focus; a refused value goes back. */
function AssignmentField({ label, initial, onCommit }: { label: string; initial: string; onCommit: (text: string) => boolean }) {
  const [text, setText] = useState(initial)
  const commit = (): void => {
    if (text.trim() === initial) return
    if (!onCommit(text)) setText(initial)
  }
  return (
    <input
      aria-label={label}
      value={text}
      inputMode="decimal"
      onChange={(event) => setText(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault()
          commit()
        } else if (event.key === 'Escape') setText(initial)
      }}
    />
  )
}

function AssignmentRow({ assignment, name, schedule, position }: { assignment: Assignment; name: string; schedule: Schedule | null; position: number }) {
  const store = useWorkspaceApi()
  const run = store.getState().editorRun
  const start = schedule?.assignmentStart[position] ?? Number.NaN
  const finish = schedule?.assignmentFinish[position] ?? Number.NaN
  const work = schedule !== null && Number.isFinite(schedule.assignmentWork[position] ?? Number.NaN) ? (schedule.assignmentWork[position] as number) : assignment.work
  return (
    <div className="rs-assignment" data-assignment-id={assignment.id}>
      <span className="rs-assignment-name">{name}</span>
      <AssignmentField label={`Units of ${name}`} initial={`${assignment.units}%`} onCommit={(text) => run('assignment/set-units', { assignmentId: assignment.id, text }).ok} />
      <AssignmentField label={`Work of ${name}`} initial={workFormat(work)} onCommit={(text) => run('assignment/set-work', { assignmentId: assignment.id, text }).ok} />
      <button type="button" className="ws-button" aria-label={`Unassign ${name}`} onClick={() => run('assignment/remove', { assignmentId: assignment.id })}>
        ×
      </button>
      {Number.isFinite(start) && Number.isFinite(finish) && (
        <span className="rs-assignment-dates">
          {dateWallText(start, 'minute')} – {dateWallText(finish, 'minute')}
        </span>
      )}
    </div>
  )
}
