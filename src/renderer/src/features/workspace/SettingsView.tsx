/**
 * Project settings: plan start, the mode of new tasks (auto by default, as Microsoft Project), working week and hours, holidays and other exceptions, and the conversion
 * figures (minutes per day and week, days per month). Every change is a command of the registry: undoable,
 * scheduled at once, and refused with a message when the typed value cannot be used (the field then shows the
 * stored value again).
 */
import { useState, type InputHTMLAttributes } from 'react'
import { projectCalendar, settingsNumbers, settingsNumberText, weekdayName, workingPeriodsFormat, type SettingsNumber } from '../../../../shared/commands/settings'
import { baselineNumbers, earnedValueMethods, type Plan } from '../../../../shared/domain/model'
import { BaselineDialog, BaselineList } from './BaselineDialog'
import { trackingBaselineName, trackingMoneyText } from './tracking'
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
  const [isBaselineDialogOpen, setBaselineDialogOpen] = useState(false)
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
      <fieldset aria-label="Tracking and cost">
        <legend>Tracking and cost</legend>
        <TrackingSettings plan={plan} />
        <label>
          Currency
          <CommitField value={plan.settings.currencyCode} maxLength={3} onCommit={(text) => run('plan/set-currency', { text }).ok} />
        </label>
        <label>
          Plan budget
          <CommitField value={plan.tracking.budget === null ? '' : trackingMoneyText(plan.tracking.budget)} placeholder="No budget" onCommit={(text) => run('plan/set-budget', { text }).ok} />
        </label>
      </fieldset>
      <fieldset aria-label="Baselines">
        <legend>Baselines</legend>
        <BaselineList plan={plan} />
        <button type="button" className="ws-button" aria-haspopup="dialog" onClick={() => setBaselineDialogOpen(true)}>
          Set or clear a baseline…
        </button>
        {isBaselineDialogOpen && <BaselineDialog onClose={() => setBaselineDialogOpen(false)} />}
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

const methodNames = { 'percent-complete': '% complete', 'physical-percent-complete': 'Physical % complete' } as const

/** Status date, the earned value baseline and method, and where the remaining work of late tasks goes. */
function TrackingSettings({ plan }: { plan: Plan }) {
  const run = useWorkspace((state) => state.editorRun)
  return (
    <>
      <label>
        Status date
        <CommitField value={plan.statusDate === null ? '' : plan.statusDate.slice(0, 16).replace('T', ' ')} placeholder="Today (none set)" onCommit={(text) => run('project/set-status-date', { text }).ok} />
      </label>
      <label>
        Earned value against
        <select value={plan.settings.baselineForEarnedValue} onChange={(event) => run('settings/set-earned-value-baseline', { number: Number(event.target.value) })}>
          {baselineNumbers.map((number) => (
            <option key={number} value={number}>
              {trackingBaselineName(number)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Earned value method
        <select
          value={plan.settings.earnedValueMethod}
          onChange={(event) => {
            const method = earnedValueMethods.find((item) => item === event.target.value)
            if (method !== undefined) run('settings/set-earned-value-method', { method })
          }}
        >
          {earnedValueMethods.map((method) => (
            <option key={method} value={method}>
              {methodNames[method]}
            </option>
          ))}
        </select>
      </label>
      <label className="ws-check">
        <input type="checkbox" checked={plan.settings.moveRemainingAfterStatusDate} onChange={(event) => run('settings/set-move-remaining', { isOn: event.target.checked })} />
        Move the remaining work of late tasks after the status date
      </label>
    </>
  )
}
