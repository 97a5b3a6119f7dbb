/**
 * The text field that edits one grid cell. It is shown inside the painted cell (a portal) and ends once: with
 * Enter, Shift+Enter, Tab, Shift+Tab or Escape (the key table's `cell-editor` keys) or when it loses the focus, which
 * keeps the edit. `placeholder` says what to type (a new task's name). A date cell (Start, Finish) has a calendar
 * too (its button, or Alt+Down): the field keeps the focus while the calendar is open and a picked day is kept as if
 * typed.
 */
import { useId, useLayoutEffect, useRef, useState } from 'react'
import { keyBindingFind } from '../../../../shared/commands/keys'
import type { IsoDate } from '../../../../shared/domain/model'
import { dateShowDay } from '../../ui/date-format'
import { DatePicker, datePickerMove } from '../../ui/DatePicker'

/**
 * How an edit ended: kept with Enter (go down) or Shift+Enter (up), with Tab (the next cell) or Shift+Tab (the
 * previous one), kept on blur, or cancelled.
 */
export type CellEditEnd = 'enter' | 'up' | 'tab' | 'shift-tab' | 'blur' | 'cancel'

const ends: Partial<Record<string, CellEditEnd>> = {
  'cell-editor/commit': 'enter',
  'cell-editor/commit-up': 'up',
  'cell-editor/commit-next': 'tab',
  'cell-editor/commit-previous': 'shift-tab',
  'cell-editor/cancel': 'cancel',
}

/** A date cell's calendar: the day the cell shows (where the calendar opens) and the plan's week start. */
export type CellDate = { day: IsoDate; weekStartDay: number }

export function CellEditor({
  initial,
  label,
  placeholder,
  date,
  onDone,
}: {
  initial: string
  label: string
  placeholder?: string
  date?: CellDate
  onDone: (text: string, how: CellEditEnd) => void
}) {
  const ref = useRef<HTMLInputElement>(null)
  const isDone = useRef(false)
  // The open calendar's highlighted day and the field it opens under.
  const [calendar, setCalendar] = useState<{ day: IsoDate; anchor: HTMLElement } | null>(null)
  const calendarDay = calendar?.day ?? null
  const openCalendar = (day: IsoDate | null): void => {
    const anchor = ref.current
    setCalendar(day === null || anchor === null ? null : { day, anchor })
  }
  const setCalendarDay = (day: IsoDate | null): void => setCalendar((open) => (day === null || open === null ? null : { ...open, day }))
  const calendarId = useId()
  const dayId = (day: IsoDate): string => `${calendarId}-${day}`
  useLayoutEffect(() => {
    const input = ref.current
    if (input === null) return
    input.focus({ preventScroll: true })
    input.setSelectionRange(input.value.length, input.value.length)
  }, [])
  const finish = (how: CellEditEnd, text?: string): void => {
    if (isDone.current) return
    isDone.current = true
    onDone(text ?? ref.current?.value ?? initial, how)
  }
  const pick = (day: IsoDate): void => finish('enter', dateShowDay(day))
  const input = (
    <input
      ref={ref}
      className="ws-cell-input"
      aria-label={label}
      placeholder={placeholder}
      defaultValue={initial}
      aria-activedescendant={calendarDay === null ? undefined : dayId(calendarDay)}
      onKeyDown={(event) => {
        // Keys typed into the cell are the field's, not the grid's.
        event.stopPropagation()
        if (calendarDay !== null) {
          // The calendar is open: its keys move the day and pick it; Escape closes it, keeping the edit.
          const moved = event.altKey || event.ctrlKey || event.metaKey ? null : datePickerMove(calendarDay, event.key)
          if (moved !== null) setCalendarDay(moved)
          else if (event.key === 'Enter') pick(calendarDay)
          else if (event.key === 'Escape') setCalendarDay(null)
          else return
          event.preventDefault()
          return
        }
        const action = keyBindingFind('cell-editor', event)?.action
        if (action === 'cell-editor/calendar' && date !== undefined) {
          event.preventDefault()
          openCalendar(date.day)
          return
        }
        const how = action === undefined ? undefined : ends[action]
        if (how === undefined) return
        event.preventDefault()
        finish(how)
      }}
      onBlur={() => finish('blur')}
    />
  )
  if (date === undefined) return input
  return (
    <span className="ws-cell-date">
      {input}
      <button
        type="button"
        className="ws-cell-calendar"
        tabIndex={-1}
        aria-label="Choose a date"
        aria-haspopup="dialog"
        aria-expanded={calendarDay !== null}
        // Pressing the button must not blur the field (that would end the edit).
        onPointerDown={(event) => event.preventDefault()}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => openCalendar(calendar === null ? date.day : null)}
      >
        ▦
      </button>
      {calendar !== null && (
        <DatePicker
          anchor={calendar.anchor}
          highlighted={calendar.day}
          selected={date.day}
          weekStartDay={date.weekStartDay}
          dayId={dayId}
          onPick={pick}
          onHighlight={setCalendarDay}
        />
      )}
    </span>
  )
}
