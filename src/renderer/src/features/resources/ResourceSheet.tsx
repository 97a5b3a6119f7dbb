/**
 * The resource sheet: one row per resource (name, role, max units, hourly rate, vacations, calendar, load status),
 * edited in place (a field commits on Enter or when it loses focus; a refused value shows why and goes back), the
 * resource calendar editor (`ResourceCalendarEditor.tsx`) opened from a row, an add form, and removal that asks first
 * when the resource has assignments (removing them too, in one undoable step). The load says which figure it shows:
 * Microsoft Project's peak units (the most the resource is asked for at one moment) and the busiest day's load.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react'
import { resourceAssignmentCount, resourceFieldText, type ResourceField } from '../../../../shared/commands/resources'
import type { Resource, ResourceId } from '../../../../shared/domain/model'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { useWorkspace, useWorkspaceApi } from '../workspace/workspace-store'
import { percentText, usePlanLoad } from './plan-load'
import { ResourceCalendarEditor } from './ResourceCalendarEditor'
import { resourceCalendarOf } from '../../../../shared/commands/resource-calendars'
import './resources.css'

const fieldLabels: Record<ResourceField, string> = {
  name: 'Name',
  role: 'Role',
  maxUnits: 'Max units',
  hourlyRate: 'Hourly rate',
  nonWorkingDays: 'Vacations',
}

export function ResourceSheet({ onShowUsage }: { onShowUsage?: (resourceId: ResourceId) => void }) {
  const store = useWorkspaceApi()
  const plan = useWorkspace((state) => state.document?.plan ?? null)
  const schedule = useWorkspace((state) => state.document?.schedule ?? null)
  const load = usePlanLoad(plan, schedule)
  const [removing, setRemoving] = useState<Resource | null>(null)
  const [calendarOf, setCalendarOf] = useState<ResourceId | null>(null)
  const headingId = useId()
  const currency = plan?.settings.currencyCode ?? ''

  // Refusals go to the workspace's message line (role=alert), like the grid's.
  const commit = (resource: Resource, field: ResourceField, text: string): boolean =>
    text === resourceFieldText(resource, field) || store.getState().editorRun('resource/set-field', { resourceId: resource.id, field, text }).ok

  const assignmentCounts = useMemo(() => {
    const counts = new Map<ResourceId, number>()
    for (const assignment of plan?.assignments ?? []) counts.set(assignment.resourceId, (counts.get(assignment.resourceId) ?? 0) + 1)
    return counts
  }, [plan?.assignments])

  if (plan === null) return null
  return (
    <section className="rs-sheet" aria-labelledby={headingId}>
      <h2 id={headingId}>Resources</h2>
      {plan.resources.length === 0 ? (
        <p className="rs-empty">No resources yet. Add the people who work on this plan below, then assign them in the Resources column of the Gantt grid.</p>
      ) : (
        <table className="ws-table rs-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Max units</th>
              <th scope="col">Hourly rate{currency === '' ? '' : ` (${currency})`}</th>
              <th scope="col">Vacations</th>
              <th scope="col">Calendar</th>
              <th scope="col">Tasks</th>
              <th scope="col">Load</th>
              <th scope="col">
                <span className="ws-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.resources.map((resource) => {
              const resourceLoad = load?.byResource.get(resource.id)
              const periods = resourceLoad?.periods ?? []
              const busiestDay = periods.reduce((max, period) => Math.max(max, period.peakPercent), 0)
              const ownCalendar = resourceCalendarOf(plan, resource)
              return (
                <tr key={resource.id} data-resource-id={resource.id} className={periods.length > 0 ? 'is-over' : undefined}>
                  {(['name', 'role', 'maxUnits', 'hourlyRate', 'nonWorkingDays'] as const).map((field) => (
                    <td key={field}>
                      <SheetInput
                        key={`${field}:${resourceFieldText(resource, field)}`}
                        label={`${fieldLabels[field]} of ${resource.name}`}
                        initial={resourceFieldText(resource, field)}
                        placeholder={field === 'nonWorkingDays' ? 'None' : undefined}
                        isWide={field === 'nonWorkingDays' || field === 'name'}
                        onCommit={(text) => commit(resource, field, text)}
                      />
                    </td>
                  ))}
                  <td>
                    <button
                      type="button"
                      className="ws-button rs-calendar-button"
                      aria-expanded={calendarOf === resource.id}
                      aria-label={`Working time of ${resource.name}: ${ownCalendar === undefined ? 'project calendar' : 'own calendar'}`}
                      onClick={() => setCalendarOf(calendarOf === resource.id ? null : resource.id)}
                    >
                      {ownCalendar === undefined ? 'Project calendar' : 'Own calendar'}
                    </button>
                  </td>
                  <td className="rs-number">{assignmentCounts.get(resource.id) ?? 0}</td>
                  <td>
                    {periods.length > 0 ? (
                      <button
                        type="button"
                        className="rs-over-badge"
                        title={`Over-allocated in ${periods.length} period${periods.length === 1 ? '' : 's'}. Peak units: the most of ${resource.name} the assignments ask for at one moment (max ${resource.maxUnits} %). Busiest day: that day's work ÷ the work ${resource.name} can do that day. Show the resource usage.`}
                        onClick={() => onShowUsage?.(resource.id)}
                      >
                        <span aria-hidden="true">⚠ </span>Over-allocated · peak units {percentText(resourceLoad?.peakUnitsMax ?? 0)} (max {resource.maxUnits} %) · busiest day {percentText(busiestDay)}
                      </button>
                    ) : (
                      <span className="rs-ok">{resourceLoad !== undefined && resourceLoad.taskIds.length > 0 ? 'Within capacity' : 'Not assigned'}</span>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="ws-button"
                      aria-label={`Remove ${resource.name}`}
                      onClick={() => {
                        if (resourceAssignmentCount(plan, resource.id) > 0) setRemoving(resource)
                        else store.getState().editorRun('resource/remove', { resourceId: resource.id })
                      }}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {calendarOf !== null &&
        (() => {
          const resource = plan.resources.find((item) => item.id === calendarOf)
          return resource === undefined ? null : <ResourceCalendarEditor key={resource.id} plan={plan} resource={resource} onClose={() => setCalendarOf(null)} />
        })()}
      <AddResourceForm />
      {removing !== null && (
        <ConfirmDialog
          title={`Remove ${removing.name}?`}
          confirmLabel="Remove resource and assignments"
          isDestructive
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            store.getState().editorRun('resource/remove', { resourceId: removing.id })
            setRemoving(null)
          }}
        >
          <p>
            {removing.name} is assigned to {resourceAssignmentCount(plan, removing.id)} task
            {resourceAssignmentCount(plan, removing.id) === 1 ? '' : 's'}. Removing the resource also removes these assignments. Undo brings both back.
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}

function SheetInput({ label, initial, placeholder, isWide, onCommit }: { label: string; initial: string; placeholder?: string; isWide: boolean; onCommit: (text: string) => boolean }) {
  const [text, setText] = useState(initial)
  const finish = (): void => {
    if (!onCommit(text)) setText(initial)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault()
      finish()
    } else if (event.key === 'Escape') {
      setText(initial)
    }
  }
  return (
    <input
      className={`rs-input${isWide ? ' is-wide' : ''}`}
      aria-label={label}
      value={text}
      placeholder={placeholder}
      onChange={(event) => setText(event.target.value)}
      onBlur={finish}
      onKeyDown={onKeyDown}
    />
  )
}

function AddResourceForm() {
  const store = useWorkspaceApi()
  const [name, setName] = useState('')
  const [role, setRole] = useState('')
  const [units, setUnits] = useState('100%')
  const [rate, setRate] = useState('0')
  const [vacations, setVacations] = useState('')
  const add = (): void => {
    // A refused resource keeps what was typed in the form.
    if (!store.getState().editorRun('resource/add', { name, role, maxUnits: units, hourlyRate: rate, vacations }).ok) return
    setName('')
    setRole('')
    setUnits('100%')
    setRate('0')
    setVacations('')
  }
  return (
    <form
      className="rs-add"
      aria-label="Add a resource"
      onSubmit={(event) => {
        event.preventDefault()
        add()
      }}
    >
      <label>
        Name
        <input value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <label>
        Role
        <input value={role} onChange={(event) => setRole(event.target.value)} />
      </label>
      <label>
        Max units
        <input value={units} inputMode="decimal" onChange={(event) => setUnits(event.target.value)} />
      </label>
      <label>
        Hourly rate
        <input value={rate} inputMode="decimal" onChange={(event) => setRate(event.target.value)} />
      </label>
      <label>
        Vacations
        <input value={vacations} placeholder="e.g. 2026-03-02..2026-03-06" onChange={(event) => setVacations(event.target.value)} />
      </label>
      <button type="submit" className="ws-button rs-button-primary">
        Add resource
      </button>
    </form>
  )
}
