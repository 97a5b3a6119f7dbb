/**
 * The text field that edits one grid cell. It is shown inside the painted cell (a portal) and ends once: with
 * Enter, Shift+Enter, Tab, Shift+Tab or Escape (the key table's `cell-editor` keys) or when it loses the focus, which
 * keeps the edit. `placeholder` says what to type (a new task's name).
 */
import { useLayoutEffect, useRef } from 'react'
import { keyBindingFind } from '../../../../shared/commands/keys'

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

export function CellEditor({
  initial,
  label,
  placeholder,
  onDone,
}: {
  initial: string
  label: string
  placeholder?: string
  onDone: (text: string, how: CellEditEnd) => void
}) {
  const ref = useRef<HTMLInputElement>(null)
  const isDone = useRef(false)
  useLayoutEffect(() => {
    const input = ref.current
    if (input === null) return
    input.focus({ preventScroll: true })
    input.setSelectionRange(input.value.length, input.value.length)
  }, [])
  const finish = (how: CellEditEnd): void => {
    if (isDone.current) return
    isDone.current = true
    onDone(ref.current?.value ?? initial, how)
  }
  return (
    <input
      ref={ref}
      className="ws-cell-input"
      aria-label={label}
      placeholder={placeholder}
      defaultValue={initial}
      onKeyDown={(event) => {
        // Keys typed into the cell are the field's, not the grid's.
        event.stopPropagation()
        const action = keyBindingFind('cell-editor', event)?.action
        const how = action === undefined ? undefined : ends[action]
        if (how === undefined) return
        event.preventDefault()
        finish(how)
      }}
      onBlur={() => finish('blur')}
    />
  )
}
