/** The grid's Columns menu: which columns are shown, and each one's width typed in pixels (the keyboard's resize). */
import { columnKeys, columnLabel, type CellView } from './cells'
import { columnWidthClamp } from './column-layout'
import type { ColumnLayoutState } from './use-column-layout'
import { useDraft } from './use-draft'

export function ColumnMenu({ layout, view }: { layout: ColumnLayoutState; view: CellView }) {
  return (
    <div className="ws-column-menu" role="group" aria-label="Shown columns">
      {columnKeys.map((key) => (
        <div key={key} className="ws-column-menu-row">
          <label>
            <input
              type="checkbox"
              checked={!layout.hidden.includes(key)}
              disabled={key === 'name'}
              onChange={(event) => layout.setHidden(key, !event.target.checked)}
            />
            {columnLabel(key, view)}
          </label>
          <ColumnWidthField label={columnLabel(key, view)} width={layout.widths[key]} onCommit={(width) => layout.setWidth(key, width)} />
        </div>
      ))}
    </div>
  )
}

/** A column's width in pixels, typed: the keyboard's way to resize a column (the header's handles need a mouse). */
function ColumnWidthField({ label, width, onCommit }: { label: string; width: number; onCommit: (width: number) => void }) {
  const [text, setText] = useDraft(String(width))
  const commit = (): void => {
    const value = Number(text.trim())
    if (text.trim() === '' || !Number.isFinite(value)) {
      setText(String(width))
      return
    }
    const clamped = columnWidthClamp(value)
    setText(String(clamped))
    if (clamped !== width) onCommit(clamped)
  }
  return (
    <input
      className="ws-column-width"
      inputMode="numeric"
      aria-label={`${label} width in pixels`}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit()
      }}
    />
  )
}
