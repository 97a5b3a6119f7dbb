/**
 * A resource's working time, edited from the resource sheet (Microsoft Project's Change Working Time for a
 * resource): its working week (each weekday as the project calendar has it, other hours, or a day off; ready-made
 * weeks such as part-time or Microsoft Project's night shift), its own exceptions, and a way back to the project
 * calendar. Vacations stay in the sheet's Vacations field and are laid over whichever calendar the resource has.
 * Every change is a command: undoable, and refused with a message when the calendar would have no working time.
 */
import { useId, useState } from 'react'
import {
  resourceCalendarDayText,
  resourceCalendarOf,
  resourceCalendarPresets,
  type ResourceCalendarPreset,
} from '../../../../shared/commands/resource-calendars'
import { projectCalendar, weekdayName, workingPeriodsFormat } from '../../../../shared/commands/settings'
import type { Calendar, Plan, Resource, WorkingPeriod } from '../../../../shared/domain/model'
import { useDraft } from '../workspace/use-draft'
import { useWorkspace } from '../workspace/workspace-store'

/** Monday first, as a working week reads. */
const weekdays = [1, 2, 3, 4, 5, 6, 0]

function minutesOf(periods: readonly WorkingPeriod[]): number {
  return periods.reduce((sum, period) => sum + period.end - period.start, 0)
}

/** A weekday's periods as the resource works them: its own calendar's, else the project calendar's. */
function effectivePeriods(own: Calendar | undefined, project: Calendar | undefined, weekday: number): readonly WorkingPeriod[] {
  return own?.weekDays[weekday]?.periods ?? project?.weekDays[weekday]?.periods ?? []
}

/** Hours as the editor writes them: "40 h", "22.5 h". */
function hoursText(minutes: number): string {
  return `${Math.round((minutes / 60) * 100) / 100} h`
}

export function ResourceCalendarEditor({ plan, resource, onClose }: { plan: Plan; resource: Resource; onClose: () => void }) {
  const run = useWorkspace((state) => state.editorRun)
  const own = resourceCalendarOf(plan, resource)
  const project = projectCalendar(plan)
  const headingId = useId()
  const [preset, setPreset] = useState<ResourceCalendarPreset>('mornings')
  const [exception, setException] = useState({ name: '', from: '', to: '', hours: '' })
  const weekly = weekdays.reduce((sum, weekday) => sum + minutesOf(effectivePeriods(own, project, weekday)), 0)
  return (
    <section className="rs-calendar" aria-labelledby={headingId} data-resource-id={resource.id}>
      <div className="rs-calendar-head">
        <h3 id={headingId}>Working time of {resource.name}</h3>
        <button type="button" className="ws-button" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="rs-calendar-summary">
        {own === undefined ? `Works on the project calendar (${project?.name ?? 'Standard'}): ` : `Own calendar, based on the project calendar: `}
        {hoursText(weekly)} a week.
        {resource.nonWorkingDays.length > 0 && ` Vacations (${resource.nonWorkingDays.length}) come on top; edit them in the Vacations column.`}
      </p>
      <div className="rs-calendar-presets">
        <label>
          Working week
          <select value={preset} onChange={(event) => setPreset(event.target.value as ResourceCalendarPreset)}>
            {(Object.keys(resourceCalendarPresets) as ResourceCalendarPreset[]).map((key) => (
              <option key={key} value={key}>
                {resourceCalendarPresets[key].label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="ws-button" onClick={() => run('resource/calendar-set-week', { resourceId: resource.id, preset })}>
          Apply week
        </button>
        {own !== undefined && (
          <button type="button" className="ws-button" onClick={() => run('resource/calendar-remove', { resourceId: resource.id })}>
            Use the project calendar
          </button>
        )}
      </div>
      <table className="ws-table rs-calendar-week">
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Working time</th>
            <th scope="col">Hours</th>
          </tr>
        </thead>
        <tbody>
          {weekdays.map((weekday) => (
            <WeekdayRow key={weekday} resource={resource} own={own} project={project} weekday={weekday} />
          ))}
        </tbody>
      </table>
      <h4>Exceptions</h4>
      {own === undefined || own.exceptions.length === 0 ? (
        <p className="rs-empty">No exceptions of {resource.name}'s own; the project calendar's holidays apply.</p>
      ) : (
        <table className="ws-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Working hours</th>
              <th scope="col">
                <span className="ws-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {own.exceptions.map((item, index) => (
              <tr key={`${item.from}-${index}`}>
                <td>{item.name}</td>
                <td>{item.from}</td>
                <td>{item.to}</td>
                <td>{item.periods.length === 0 ? 'day off' : workingPeriodsFormat(item.periods)}</td>
                <td>
                  <button
                    type="button"
                    className="ws-button"
                    aria-label={`Remove ${item.name} ${item.from}`}
                    onClick={() => run('resource/calendar-remove-exception', { resourceId: resource.id, index })}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="rs-calendar-add">
        <label>
          Name
          <input value={exception.name} placeholder="e.g. Training" onChange={(event) => setException({ ...exception, name: event.target.value })} />
        </label>
        <label>
          From
          <input value={exception.from} placeholder="YYYY-MM-DD" onChange={(event) => setException({ ...exception, from: event.target.value })} />
        </label>
        <label>
          To
          <input value={exception.to} placeholder="YYYY-MM-DD" onChange={(event) => setException({ ...exception, to: event.target.value })} />
        </label>
        <label>
          Working hours (empty = day off)
          <input value={exception.hours} placeholder="e.g. 08:00-12:00" onChange={(event) => setException({ ...exception, hours: event.target.value })} />
        </label>
        <button
          type="button"
          className="ws-button"
          onClick={() => {
            const outcome = run('resource/calendar-add-exception', { resourceId: resource.id, ...exception })
            if (outcome.ok && outcome.isChanged) setException({ name: '', from: '', to: '', hours: '' })
          }}
        >
          Add exception
        </button>
      </div>
    </section>
  )
}

type DayKind = 'project' | 'hours' | 'off'

function WeekdayRow({ resource, own, project, weekday }: { resource: Resource; own: Calendar | undefined; project: Calendar | undefined; weekday: number }) {
  const run = useWorkspace((state) => state.editorRun)
  const name = weekdayName(weekday)
  const typed = own === undefined ? null : resourceCalendarDayText(own, weekday)
  const kind: DayKind = typed === null ? 'project' : typed === '' ? 'off' : 'hours'
  const shown = workingPeriodsFormat(effectivePeriods(own, project, weekday))
  const [hours, setHours] = useDraft(kind === 'off' ? '' : shown)
  const setDay = (text: string | null): boolean => run('resource/calendar-set-day', { resourceId: resource.id, weekday, hours: text }).ok
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>
        <select
          aria-label={`${name} for ${resource.name}`}
          value={kind}
          onChange={(event) => {
            const next = event.target.value as DayKind
            // Other hours start from what the day has now (the project calendar's, or 08:00-17:00 on a day off).
            if (next === 'hours') setDay(shown === '' ? '08:00-12:00, 13:00-17:00' : shown)
            else setDay(next === 'off' ? '' : null)
          }}
        >
          <option value="project">As the project calendar</option>
          <option value="hours">Working hours</option>
          <option value="off">Day off</option>
        </select>
      </td>
      <td>
        <input
          aria-label={`${name} working hours of ${resource.name}`}
          className="rs-input is-wide"
          value={hours}
          disabled={kind !== 'hours'}
          placeholder={kind === 'off' ? 'not working' : undefined}
          onChange={(event) => setHours(event.target.value)}
          onBlur={() => {
            if (hours.trim() !== shown && !setDay(hours)) setHours(shown)
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault()
              event.currentTarget.blur()
            } else if (event.key === 'Escape') setHours(shown)
          }}
        />
      </td>
    </tr>
  )
}
