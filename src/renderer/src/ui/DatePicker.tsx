/**
 * A month calendar to pick a date from, for a text field that takes dates (the grid's Start and Finish cells): the
 * field keeps the focus and drives it (a combobox with a grid popup), so picking a day never ends the edit by
 * blurring the field. Arrow keys move the highlighted day (Up and Down by a week), Page Up and Page Down by a month,
 * Enter picks it; a click picks a day. Days are named in the user's locale.
 */
import { useId, useState } from 'react'
import { createPortal } from 'react-dom'
import { dateAddDays, dateCivilOf, dateDayNumberOf, dateFromDayNumber, dateToDayNumber, dateWeekday } from '../../../shared/domain/dates'
import type { IsoDate } from '../../../shared/domain/model'
import { dateLocale } from './date-format'
import './ui.css'

/** The first day of the month `months` after the month of `day`. */
export function datePickerMonth(day: IsoDate, months: number): IsoDate {
  const { year, month } = dateCivilOf(dateToDayNumber(day))
  return dateFromDayNumber(dateDayNumberOf(year, month + months, 1))
}

/** `day` moved by a key of the picker, or `null` for a key the picker does not use. */
export function datePickerMove(day: IsoDate, key: string): IsoDate | null {
  switch (key) {
    case 'ArrowLeft':
      return dateAddDays(day, -1)
    case 'ArrowRight':
      return dateAddDays(day, 1)
    case 'ArrowUp':
      return dateAddDays(day, -7)
    case 'ArrowDown':
      return dateAddDays(day, 7)
    case 'PageUp':
    case 'PageDown': {
      // The same day of the previous or next month, or its last day when the month is shorter.
      const { day: dayOfMonth } = dateCivilOf(dateToDayNumber(day))
      const first = datePickerMonth(day, key === 'PageUp' ? -1 : 1)
      const { year, month } = dateCivilOf(dateToDayNumber(first))
      const last = dateCivilOf(dateDayNumberOf(year, month + 1, 0)).day
      return dateFromDayNumber(dateDayNumberOf(year, month, Math.min(dayOfMonth, last)))
    }
    default:
      return null
  }
}

const utc = (day: IsoDate): Date => {
  const { year, month, day: dayOfMonth } = dateCivilOf(dateToDayNumber(day))
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, dayOfMonth)
  return date
}

type Props = {
  /** The element the calendar opens under. */
  anchor: HTMLElement
  /** The highlighted day (moved by the keys) and the day the field holds. */
  highlighted: IsoDate
  selected: IsoDate | null
  /** 0 = Sunday … 6 = Saturday (the plan's week start). */
  weekStartDay: number
  /** The id the field points at with aria-activedescendant for the highlighted day. */
  dayId: (day: IsoDate) => string
  onPick: (day: IsoDate) => void
  onHighlight: (day: IsoDate) => void
}

export function DatePicker({ anchor, highlighted, selected, weekStartDay, dayId, onPick, onHighlight }: Props) {
  const titleId = useId()
  // Under the field, or above it when there is no room below; measured once, when the calendar opens.
  const [position] = useState(() => {
    const box = anchor.getBoundingClientRect()
    const below = box.bottom + 2
    const height = 250
    return { left: Math.max(0, Math.min(box.left, window.innerWidth - 250)), top: below + height > window.innerHeight ? Math.max(0, box.top - height - 2) : below }
  })
  const first = datePickerMonth(highlighted, 0)
  const firstNumber = dateToDayNumber(first)
  const gridStart = firstNumber - ((dateWeekday(firstNumber) - weekStartDay + 7) % 7)
  const month = dateCivilOf(firstNumber).month
  const weeks: IsoDate[][] = []
  for (let week = 0; week < 6; week++) {
    weeks.push(Array.from({ length: 7 }, (_, day) => dateFromDayNumber(gridStart + week * 7 + day)))
  }
  const locale = dateLocale()
  const monthTitle = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc(first))
  const dayName = new Intl.DateTimeFormat(locale, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })
  const weekdayName = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' })
  // Keep the field's focus: a press on the calendar would otherwise blur it and end the edit.
  const keepFocus = (event: React.PointerEvent | React.MouseEvent): void => event.preventDefault()
  return createPortal(
    <div className="date-picker" role="dialog" aria-labelledby={titleId} style={position} onPointerDown={keepFocus} onMouseDown={keepFocus}>
      <div className="date-picker-head">
        <button type="button" className="date-picker-nav" tabIndex={-1} aria-label="Previous month" onClick={() => onHighlight(datePickerMove(highlighted, 'PageUp') ?? highlighted)}>
          ‹
        </button>
        <span id={titleId} className="date-picker-title" aria-live="polite">
          {monthTitle}
        </span>
        <button type="button" className="date-picker-nav" tabIndex={-1} aria-label="Next month" onClick={() => onHighlight(datePickerMove(highlighted, 'PageDown') ?? highlighted)}>
          ›
        </button>
      </div>
      <table role="grid" className="date-picker-grid" aria-labelledby={titleId}>
        <thead>
          <tr>
            {(weeks[0] ?? []).map((day) => (
              <th key={day} scope="col" abbr={new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(utc(day))}>
                {weekdayName.format(utc(day))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const isOther = dateCivilOf(dateToDayNumber(day)).month !== month
                return (
                  <td key={day} role="gridcell" aria-selected={day === selected}>
                    <button
                      type="button"
                      id={dayId(day)}
                      tabIndex={-1}
                      className={`date-picker-day${isOther ? ' is-other' : ''}${day === highlighted ? ' is-highlighted' : ''}${day === selected ? ' is-selected' : ''}`}
                      aria-label={dayName.format(utc(day))}
                      onClick={() => onPick(day)}
                    >
                      {dateCivilOf(dateToDayNumber(day)).day}
                    </button>
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>,
    document.body,
  )
}
