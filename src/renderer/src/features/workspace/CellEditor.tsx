/**
 * The text field that edits one grid cell. It is shown inside the painted cell (a portal) and ends once: with
 * Enter, Tab or Escape (the key table's `cell-editor` keys) or when it loses the focus, which keeps the edit.
 */
import { useLayoutEffect, useRef } from 'react'
import { keyBindingFind } from '../../../../shared/commands/keys'

/** How an edit ended: kept with Enter, kept with Tab (go to the next column), kept on blur, or cancelled. */
export type CellEditEnd = 'enter' | 'tab' | 'blur' | 'cancel'

export function CellEditor({ initial, label, onDone }: { initial: string; label: string; onDone: (text: string, how: CellEditEnd) => void }) {
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
      defaultValue={initial}
      onKeyDown={(event) => {
        // Keys typed into the cell are the field's, not the grid's.
        event.stopPropagation()
        const action = keyBindingFind('cell-editor', event)?.action
        const how = action === 'cell-editor/commit' ? 'enter' : action === 'cell-editor/commit-next' ? 'tab' : action === 'cell-editor/cancel' ? 'cancel' : null
        if (how === null) return
        event.preventDefault()
        finish(how)
      }}
      onBlur={() => finish('blur')}
    />
  )
}
