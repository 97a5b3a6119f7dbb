/**
 * Project settings: plan start, working week and hours, holidays and other exceptions, and the conversion
 * figures (minutes per day and week, days per month). Every change is an undoable edit scheduled at once.
 */
import { useState } from 'react'
import { dateClockText, dateIsValidIsoDate } from '../../../../shared/domain/dates'
import type { Calendar, Plan, PlanSettings, WorkingPeriod } from '../../../../shared/domain/model'
import { cellParseDate } from './cells'
import { useWorkspace } from './workspace-store'

const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

function clock(minutes: number): string {
  return dateClockText(minutes)
}

/** `08:00-12:00, 13:00-17:00` as periods, or null when the text is not a list of increasing periods. */
export function settingsParsePeriods(text: string): WorkingPeriod[] | null {
  const parts = text.split(',').map((part) => part.trim()).filter((part) => part !== '')
  const periods: WorkingPeriod[] = []
  for (const part of parts) {
    const match = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(part)
    if (match === null) return null
    const start = Number(match[1]) * 60 + Number(match[2])
    const end = Number(match[3]) * 60 + Number(match[4])
    if (Number(match[2]) > 59 || Number(match[4]) > 59 || start >= end || end > 1440) return null
    if (periods.length > 0 && start < (periods[periods.length - 1] as WorkingPeriod).end) return null
    periods.push({ start, end })
  }
  return periods.length > 5 ? null : periods
}

export function settingsFormatPeriods(periods: readonly WorkingPeriod[]): string {
  return periods.map((period) => `${clock(period.start)}-${clock(period.end)}`).join(', ')
}

function projectCalendar(plan: Plan): Calendar | undefined {
  return plan.calendars.find((calendar) => calendar.id === plan.calendarId)
}

function withCalendar(plan: Plan, change: (calendar: Calendar) => Calendar): Plan {
  return { ...plan, calendars: plan.calendars.map((calendar) => (calendar.id === plan.calendarId ? change(calendar) : calendar)) }
}

export function SettingsView() {
  const plan = useWorkspace((state) => state.document?.plan ?? null)
  if (plan === null) return null
  return <SettingsForm key={plan.id} plan={plan} />
}

function SettingsForm({ plan }: { plan: Plan }) {
  const run = useWorkspace((state) => state.editorRun)
  const setMessage = useWorkspace((state) => state.editorSetMessage)
  const calendar = projectCalendar(plan)
  const [start, setStart] = useState(plan.start.slice(0, 10))
  const [holiday, setHoliday] = useState({ name: '', from: '', to: '', hours: '' })
  const setSettings = (patch: Partial<PlanSettings>, label: string): void => {
    run(label, (current) => ({ ...current, settings: { ...current.settings, ...patch } }))
  }
  const numberField = (label: string, key: 'minutesPerDay' | 'minutesPerWeek' | 'daysPerMonth', min: number, max: number) => (
    <label>
      {label}
      <input
        key={`${key}-${plan.settings[key]}`}
        inputMode="numeric"
        defaultValue={String(plan.settings[key])}
        onBlur={(event) => {
          const value = Number(event.target.value)
          if (!Number.isInteger(value) || value < min || value > max) {
            setMessage(`${label} must be a whole number from ${min} to ${max}.`)
            event.target.value = String(plan.settings[key])
            return
          }
          if (value !== plan.settings[key]) setSettings({ [key]: value }, `Change ${label.toLowerCase()}`)
        }}
      />
    </label>
  )
  return (
    <section className="ws-settings" aria-label="Project settings">
      <h2>Project settings</h2>
      <fieldset>
        <legend>Plan</legend>
        <label>
          Project start
          <input
            value={start}
            placeholder="YYYY-MM-DD"
            onChange={(event) => setStart(event.target.value)}
            onBlur={() => {
              const date = cellParseDate(start, plan.settings.defaultStartTime)
              if (date === null) {
                setMessage(`"${start}" is not a date. Type it as YYYY-MM-DD.`)
                setStart(plan.start.slice(0, 10))
                return
              }
              if (date !== plan.start) run('Change project start', (current) => ({ ...current, start: date }))
            }}
          />
        </label>
        {numberField('Minutes per day', 'minutesPerDay', 1, 1440)}
        {numberField('Minutes per week', 'minutesPerWeek', 1, 10080)}
        {numberField('Days per month', 'daysPerMonth', 1, 31)}
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
              {weekdayNames.map((name, weekday) => {
                const day = calendar.weekDays[weekday]
                const periods = day?.periods ?? []
                const isWorking = periods.length > 0
                return (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${name} is a working day`}
                        checked={isWorking}
                        onChange={(event) => {
                          const next = event.target.checked ? [{ start: plan.settings.defaultStartTime, end: plan.settings.defaultStartTime + 240 }, { start: plan.settings.defaultStartTime + 300, end: plan.settings.defaultFinishTime }] : []
                          run(`${event.target.checked ? 'Work' : 'No work'} on ${name}`, (current) =>
                            withCalendar(current, (item) => ({ ...item, weekDays: item.weekDays.map((entry, index) => (index === weekday ? { periods: next } : entry)) })),
                          )
                        }}
                      />
                    </td>
                    <td>
                      <input
                        key={settingsFormatPeriods(periods)}
                        aria-label={`${name} working hours`}
                        defaultValue={settingsFormatPeriods(periods)}
                        disabled={!isWorking}
                        onBlur={(event) => {
                          const parsed = settingsParsePeriods(event.target.value)
                          if (parsed === null || parsed.length === 0) {
                            setMessage('Type working hours as 08:00-12:00, 13:00-17:00 (increasing, at most five periods).')
                            event.target.value = settingsFormatPeriods(periods)
                            return
                          }
                          if (settingsFormatPeriods(parsed) === settingsFormatPeriods(periods)) return
                          run(`Change hours on ${name}`, (current) =>
                            withCalendar(current, (item) => ({ ...item, weekDays: item.weekDays.map((entry, index) => (index === weekday ? { periods: parsed } : entry)) })),
                          )
                        }}
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
                    <td>{exception.from}</td>
                    <td>{exception.to}</td>
                    <td>{exception.periods.length === 0 ? 'non-working' : settingsFormatPeriods(exception.periods)}</td>
                    <td>
                      <button
                        type="button"
                        className="ws-button"
                        aria-label={`Remove ${exception.name || 'exception'} ${exception.from}`}
                        onClick={() => run('Remove exception', (current) => withCalendar(current, (item) => ({ ...item, exceptions: item.exceptions.filter((_, position) => position !== index) })))}
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
              <input value={holiday.from} placeholder="YYYY-MM-DD" onChange={(event) => setHoliday({ ...holiday, from: event.target.value })} />
            </label>
            <label>
              To
              <input value={holiday.to} placeholder="YYYY-MM-DD" onChange={(event) => setHoliday({ ...holiday, to: event.target.value })} />
            </label>
            <label>
              Working hours (empty = holiday)
              <input value={holiday.hours} placeholder="e.g. 08:00-12:00" onChange={(event) => setHoliday({ ...holiday, hours: event.target.value })} />
            </label>
            <button
              type="button"
              className="ws-button"
              onClick={() => {
                const from = holiday.from.trim()
                const to = holiday.to.trim() === '' ? from : holiday.to.trim()
                if (!dateIsValidIsoDate(from) || !dateIsValidIsoDate(to) || to < from) {
                  setMessage('An exception needs a From date and a To date on or after it, written YYYY-MM-DD.')
                  return
                }
                const periods = holiday.hours.trim() === '' ? [] : settingsParsePeriods(holiday.hours)
                if (periods === null) {
                  setMessage('Type working hours as 08:00-12:00, 13:00-17:00, or leave them empty for a holiday.')
                  return
                }
                const name = holiday.name.trim() || 'Holiday'
                if (run('Add exception', (current) => withCalendar(current, (item) => ({ ...item, exceptions: [...item.exceptions, { name, from, to, periods }] })))) {
                  setHoliday({ name: '', from: '', to: '', hours: '' })
                }
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
