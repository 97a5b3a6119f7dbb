/**
 * The Gantt grid's column layout as React state: shown columns and their widths, the grid pane's width, and the
 * drags that change them (a header's edge, the splitter). Remembered across sessions (`column-layout.ts`).
 */
import { useEffect, useMemo, useState } from 'react'
import { columnKeys, type ColumnKey } from './cells'
import { columnLayoutLoad, columnLayoutSave, columnWidthClamp, gridWidthMax, gridWidthMin } from './column-layout'

export type ColumnLayoutState = {
  /** Shown columns, in order. */
  columns: ColumnKey[]
  /** Widths as shown: the ID column grows to fit the largest row number. */
  widths: Readonly<Record<ColumnKey, number>>
  hidden: readonly ColumnKey[]
  gridWidth: number
  /** The shown columns' total width. */
  columnsWidth: number
  setWidth(key: ColumnKey, width: number): void
  setHidden(key: ColumnKey, isHidden: boolean): void
  /** Shows these columns (and the name) and hides the others: a table of columns. */
  showOnly(keys: readonly ColumnKey[]): void
  /** Changes the grid pane's width by `step` pixels (the splitter's arrow keys). */
  resizeGrid(step: number): void
  /** Follows the pointer from `clientX` until it is released, resizing a column. */
  startColumnResize(key: ColumnKey, clientX: number): void
  /** Follows the pointer from `clientX` until it is released, moving the splitter. */
  startSplitterDrag(clientX: number): void
}

function followPointer(onMove: (event: PointerEvent) => void): void {
  const onUp = (): void => {
    window.removeEventListener('pointermove', onMove)
    window.removeEventListener('pointerup', onUp)
  }
  window.addEventListener('pointermove', onMove)
  window.addEventListener('pointerup', onUp)
}

const gridWidthOf = (width: number): number => Math.max(gridWidthMin, Math.min(gridWidthMax, width))

export function useColumnLayout(taskCount: number): ColumnLayoutState {
  const [initial] = useState(columnLayoutLoad)
  const [columnWidths, setColumnWidths] = useState<Record<ColumnKey, number>>(initial.widths)
  const [hidden, setHiddenColumns] = useState<ColumnKey[]>(initial.hidden)
  const [gridWidth, setGridWidth] = useState(initial.gridWidth)
  useEffect(() => {
    columnLayoutSave({ widths: columnWidths, hidden, gridWidth })
  }, [columnWidths, hidden, gridWidth])
  const columns = useMemo(() => columnKeys.filter((key) => !hidden.includes(key)), [hidden])
  const idWidth = Math.max(columnWidths.id, 14 + 8 * String(taskCount).length)
  const widths = useMemo(() => (idWidth === columnWidths.id ? columnWidths : { ...columnWidths, id: idWidth }), [columnWidths, idWidth])
  return {
    columns,
    widths,
    hidden,
    gridWidth,
    columnsWidth: columns.reduce((sum, key) => sum + widths[key], 0),
    setWidth: (key, width) => setColumnWidths((current) => ({ ...current, [key]: columnWidthClamp(width) })),
    setHidden: (key, isHidden) =>
      setHiddenColumns((current) => (isHidden ? (current.includes(key) || key === 'name' ? current : [...current, key]) : current.filter((item) => item !== key))),
    showOnly: (keys) => setHiddenColumns(columnKeys.filter((key) => key !== 'name' && !keys.includes(key))),
    resizeGrid: (step) => setGridWidth((width) => gridWidthOf(width + step)),
    startColumnResize: (key, clientX) => {
      const startWidth = widths[key]
      followPointer((event) => setColumnWidths((current) => ({ ...current, [key]: columnWidthClamp(startWidth + event.clientX - clientX) })))
    },
    startSplitterDrag: (clientX) => {
      const startWidth = gridWidth
      followPointer((event) => setGridWidth(gridWidthOf(startWidth + event.clientX - clientX)))
    },
  }
}
