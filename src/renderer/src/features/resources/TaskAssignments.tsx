/**
 * The assignments of one task in the task details: each resource with its units (editable, refused with a message
 * when 0, negative, not a number or over 1000 %), a remove button, and a form to assign another resource. The
 * task's over-allocation, if any, is explained right here.
 */
import { useMemo, useState } from 'react'
import type { Assignment, TaskId } from '../../../../shared/domain/model'
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
      {assignments.map((assignment) => (
        <AssignmentRow key={`${assignment.id}:${assignment.units}`} assignment={assignment} name={plan.resources.find((resource) => resource.id === assignment.resourceId)?.name ?? `Resource ${assignment.resourceId}`} />
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

function AssignmentRow({ assignment, name }: { assignment: Assignment; name: string }) {
  const store = useWorkspaceApi()
  const initial = `${assignment.units}%`
  const [text, setText] = useState(initial)
  const commit = (): void => {
    if (text.trim() === initial) return
    if (!store.getState().editorRun('assignment/set', { taskId: assignment.taskId, resourceId: assignment.resourceId, units: text }).ok) setText(initial)
  }
  return (
    <div className="rs-assignment">
      <span className="rs-assignment-name">{name}</span>
      <input
        aria-label={`Units of ${name}`}
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
      <button type="button" className="ws-button" aria-label={`Unassign ${name}`} onClick={() => store.getState().editorRun('assignment/remove', { assignmentId: assignment.id })}>
        ×
      </button>
    </div>
  )
}
