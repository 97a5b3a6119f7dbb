/**
 * Project settings: plan start, the mode of new tasks (auto by default, as Microsoft Project), working week and hours, holidays and other exceptions, and the conversion
 * figures (minutes per day and week, days per month). Every change is a command of the registry: undoable,
 * scheduled at once, and refused with a message when the typed value cannot be used (the field then shows the
 * stored value again).
 */
import { useState, type InputHTMLAttributes } from 'react'
import { projectCalendar, settingsNumbers, settingsNumberText, weekdayName, workingPeriodsFormat, type SettingsNumber } from '../../../../shared/commands/settings'
import type { Plan } from '../../../../shared/domain/model'
import { dateFormatHint, dateShowDay } from '../../ui/date-format'
import { useDraft } from './use-draft'
import { useWorkspace } from './workspace-store'

const weekdays = [0, 1, 2, 3, 4, 5, 6]

export function SettingsView() {
  const plan = useWorkspace((state) => state.document?.plan ?? null)
  if (plan === null) return null
  return <SettingsForm key={plan.id} plan={plan} />
}

/** A field that shows a stored value and runs `onCommit` with the typed text when it loses focus. */
function CommitField({ value, onCommit, ...props }: { value: string; onCommit: (text: string) => boolean } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onBlur'>) {
  const [text, setText] = useDraft(value)
  return (
    <input
      {...props}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={() => {
        if (text !== value && !onCommit(text)) setText(value)
      }}
    />
  )
}

function SettingsForm({ plan }: { plan: Plan }) {
  const run = useWorkspace((state) => state.editorRun)
  const calendar = projectCalendar(plan)
  const [holiday, setHoliday] = useState({ name: '', from: '', to: '', hours: '' })
  const numberField = (key: SettingsNumber) => (
    <label>
      {settingsNumbers[key].label}
      <CommitField inputMode="decimal" value={settingsNumberText(key, plan.settings[key])} onCommit={(text) => run('settings/set-number', { key, text }).ok} />
    </label>
  )
  return (
    <section className="ws-settings" aria-label="Project settings">
      <h2>Project settings</h2>
      <fieldset>
        <legend>Plan</legend>
        <label>
          Project start
          <CommitField value={dateShowDay(plan.start.slice(0, 10))} placeholder={dateFormatHint()} onCommit={(text) => run('project/set-start', { text }).ok} />
        </label>
        <label>
          New tasks
          <select
            value={plan.settings.newTaskSchedulingMode}
            onChange={(event) => run('settings/set-new-task-mode', { mode: event.target.value === 'manual' ? 'manual' : 'auto' })}
          >
            <option value="auto">Auto scheduled</option>
            <option value="manual">Manually scheduled</option>
          </select>
        </label>
        {numberField('minutesPerDay')}
        {numberField('minutesPerWeek')}
        {numberField('daysPerMonth')}
      </fieldset>
      {calendar !== undefined && (
        <fieldset>
          <legend>Working week ({calendar.name} calendar)</legend>
          <table className="ws-table">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Working</th>
                <th scope="col">Hours</th>
              </tr>
            </thead>
            <tbody>
              {weekdays.map((weekday) => {
                const name = weekdayName(weekday)
                const periods = calendar.weekDays[weekday]?.periods ?? []
                const isWorking = periods.length > 0
                return (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${name} is a working day`}
                        checked={isWorking}
                        onChange={(event) => run('calendar/set-working-day', { weekday, isWorking: event.target.checked })}
                      />
                    </td>
                    <td>
                      <CommitField
                        aria-label={`${name} working hours`}
                        value={workingPeriodsFormat(periods)}
                        disabled={!isWorking}
                        onCommit={(text) => run('calendar/set-hours', { weekday, text }).ok}
                      />
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </fieldset>
      )}
      {calendar !== undefined && (
        <fieldset>
          <legend>Holidays and exceptions</legend>
          {calendar.exceptions.length === 0 ? (
            <p>No holidays or exceptions.</p>
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
                {calendar.exceptions.map((exception, index) => (
                  <tr key={`${exception.from}-${index}`}>
                    <td>{exception.name}</td>
                    <td>{dateShowDay(exception.from)}</td>
                    <td>{dateShowDay(exception.to)}</td>
                    <td>{exception.periods.length === 0 ? 'non-working' : workingPeriodsFormat(exception.periods)}</td>
                    <td>
                      <button
                        type="button"
                        className="ws-button"
                        aria-label={`Remove ${exception.name || 'exception'} ${exception.from}`}
                        onClick={() => run('calendar/remove-exception', { index })}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="ws-settings-add">
            <label>
              Name
              <input value={holiday.name} onChange={(event) => setHoliday({ ...holiday, name: event.target.value })} />
            </label>
            <label>
              From
              <input value={holiday.from} placeholder={dateFormatHint()} onChange={(event) => setHoliday({ ...holiday, from: event.target.value })} />
            </label>
            <label>
              To
              <input value={holiday.to} placeholder={dateFormatHint()} onChange={(event) => setHoliday({ ...holiday, to: event.target.value })} />
            </label>
            <label>
              Working hours (empty = holiday)
              <input value={holiday.hours} placeholder="e.g. 08:00-12:00" onChange={(event) => setHoliday({ ...holiday, hours: event.target.value })} />
            </label>
            <button
              type="button"
              className="ws-button"
              onClick={() => {
                const outcome = run('calendar/add-exception', holiday)
                if (outcome.ok && outcome.isChanged) setHoliday({ name: '', from: '', to: '', hours: '' })
              }}
            >
              Add exception
            </button>
          </div>
        </fieldset>
      )}
    </section>
  )
}
