/**
 * The grid's cursor: the active cell, the cell being edited, and the blank row where a new task is typed, with the
 * keys that move and edit, as in Microsoft Project and Excel:
 * - Tab and Shift+Tab go to the next and previous cell (past the last column, to the next row), in and out of an
 *   edit; Enter and Shift+Enter go down and up, in and out of an edit. After Tab-ing along a row, Enter goes down
 *   to the column the Tab-ing started in (Excel's data-entry return).
 * - A new task is typed in the blank row at the end (typing there, or Enter on it, starts its name), or in a blank
 *   row Insert opens above the active task (the toolbar's Add task: below it). The task is created, as one undo
 *   step, when its name is kept; a blank row left without a name adds nothing.
 * - A refused edit keeps its text in the cell editor (with the message saying why), so nothing typed is lost.
 * Keys come from the key table (`keys.ts`); edits are commands of the registry.
 */
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react'
import type { StoreApi } from 'zustand'
import { keyBindingFind, type KeyAction } from '../../../../shared/commands/keys'
import { outlineInsertIndex, type InsertWhere } from '../../../../shared/commands/outline'
import { commandIsId } from '../../../../shared/commands/registry'
import type { TaskId } from '../../../../shared/domain/model'
import type { CellEditEnd } from './CellEditor'
import { cellText, columnDefs, type CellView, type ColumnKey } from './cells'
import { deriveWorkspace, type Derived } from './derived'
import { useWorkspace, type WorkspaceState } from './workspace-store'

/** The row of a cell: a task, or the blank row where a new task is typed. */
export type RowRef = TaskId | 'new'
export type Active = { row: RowRef | null; column: ColumnKey }
/** `attempt` counts refused tries, so the editor opened again after a refusal is a fresh one. */
export type Editing = { row: RowRef; column: ColumnKey; text: string; attempt?: number }

type CursorOptions = {
  store: StoreApi<WorkspaceState>
  derived: Derived | null
  columns: readonly ColumnKey[]
  /** How many rows a page is (Page Up/Down). */
  pageRows(): number
  scrollRowIntoView(row: number): void
  focusGrid(): void
  /** Shift+F2: show the task details. */
  onShowDetails(): void
  /** What the cells show (the baseline of the baseline and variance columns). */
  cellView: CellView
}

export type GridCursor = {
  active: Active
  editing: Editing | null
  /** The active task (`null` when none, or when the blank row is active). */
  activeTaskId: TaskId | null
  isBlankActive: boolean
  /** The view row of the blank row: after the last row, or where Insert opened it. */
  blankRow: number
  /** The view row of the active cell, -1 when none. */
  activeRow: number
  /** Total view rows (the tasks' rows and the blank row). */
  viewRowCount: number
  /** The task shown in a view row, or `'new'` for the blank row. */
  rowRefAt(viewRow: number): RowRef | null
  activate(row: RowRef | null, column: ColumnKey, extend?: boolean): void
  startEdit(row: RowRef, column: ColumnKey, text?: string): void
  finishEdit(text: string, how: CellEditEnd): void
  onGridKeyDown(event: ReactKeyboardEvent<HTMLDivElement>): void
  /** Opens a blank row above or below the active task and starts typing its name. */
  openBlankRow(where: InsertWhere): void
}

export function useGridCursor({ store, derived, columns, pageRows, scrollRowIntoView, focusGrid, onShowDetails, cellView }: CursorOptions): GridCursor {
  const [active, setActive] = useState<Active>({ row: null, column: 'name' })
  const [editing, setEditing] = useState<Editing | null>(null)
  /** The plan index a blank row was opened before (Insert, Add task); `null`: the blank row is at the end. */
  const [insertAt, setInsertAt] = useState<number | null>(null)
  /** The column Tab-ing along a row started in: Enter goes down to it. */
  const [tabOrigin, setTabOrigin] = useState<ColumnKey | null>(null)

  const taskRows = derived?.rows.length ?? 0
  const blankRow = useMemo(() => {
    if (derived === null || insertAt === null || insertAt >= derived.plan.tasks.length) return taskRows
    const row = derived.rowOfTask[insertAt] ?? -1
    return row < 0 ? taskRows : row
  }, [derived, insertAt, taskRows])
  const viewRowCount = taskRows + 1

  const rowRefAt = useCallback(
    (viewRow: number): RowRef | null => {
      if (derived === null || viewRow < 0 || viewRow >= viewRowCount) return null
      if (viewRow === blankRow) return 'new'
      const index = derived.rows[viewRow > blankRow ? viewRow - 1 : viewRow]
      return index === undefined ? null : (derived.plan.tasks[index]?.id ?? null)
    },
    [derived, blankRow, viewRowCount],
  )

  const viewRowOf = (row: RowRef | null): number => {
    if (row === null || derived === null) return -1
    if (row === 'new') return blankRow
    const index = derived.indexOf.get(row)
    const taskRow = index === undefined ? -1 : (derived.rowOfTask[index] ?? -1)
    if (taskRow < 0) return -1
    return taskRow >= blankRow ? taskRow + 1 : taskRow
  }

  const isBlankActive = active.row === 'new'
  const activeTaskId = typeof active.row === 'number' && derived?.indexOf.has(active.row) === true ? active.row : null
  const activeRow = viewRowOf(isBlankActive ? 'new' : activeTaskId)

  const activate = useCallback(
    (row: RowRef | null, column: ColumnKey, extend = false) => {
      setActive({ row, column })
      const state = store.getState()
      if (row === null || row === 'new') state.editorSelect([])
      else if (extend && state.editorSelection.length > 0) {
        if (!state.editorSelection.includes(row)) state.editorSelect([...state.editorSelection, row])
      } else state.editorSelect([row])
    },
    [store],
  )

  // Follow the selection made elsewhere (new rows, pasted rows, the row after a deletion, the over-allocation
  // panel), once the task is in the plan shown: adjusted during render, so the grid never paints the old row.
  const firstSelected = useWorkspace((state) => state.editorSelection[0])
  const [followed, setFollowed] = useState<TaskId | undefined>(undefined)
  if (firstSelected !== followed && (firstSelected === undefined || derived?.indexOf.has(firstSelected) === true)) {
    setFollowed(firstSelected)
    if (firstSelected !== undefined && firstSelected !== active.row) setActive({ row: firstSelected, column: active.column })
  }

  // Keep the active row in view (it may be far away, or pushed down by new rows above it).
  useEffect(() => {
    scrollRowIntoView(activeRow)
  }, [activeRow, scrollRowIntoView])

  const startEdit = (row: RowRef, column: ColumnKey, text?: string): void => {
    if (derived === null) return
    if (row === 'new') {
      setActive({ row: 'new', column: 'name' })
      setEditing({ row: 'new', column: 'name', text: text ?? '' })
      return
    }
    const index = derived.indexOf.get(row)
    if (columnDefs[column].command === null || index === undefined) return
    setEditing({ row, column, text: text ?? cellText(derived, index, column, cellView) })
  }

  /** Where a blank row opens: before the active task (above), after it with its subtasks (below), or at the end. */
  const openBlankRow = (where: InsertWhere): void => {
    const current = store.getState().document?.plan
    if (current === undefined || derived === null) return
    const index = activeTaskId === null ? current.tasks.length : outlineInsertIndex(current, activeTaskId, where)
    setInsertAt(index >= current.tasks.length ? null : index)
    setTabOrigin(null)
    startEdit('new', 'name')
  }

  /** The level a task typed in the blank row gets: below the active task at its level; at the end, the last row's. */
  const blankLevel = (): number | undefined => {
    if (derived === null) return undefined
    if (insertAt !== null) return undefined
    const last = derived.rows[derived.rows.length - 1]
    return last === undefined ? undefined : derived.plan.tasks[last]?.level
  }

  /**
   * Keeps typed text: the column's command reads it, or, in the blank row, a task with that name is inserted.
   * Returns the row the edit is now in (the new task's id), or `null` when it was refused.
   */
  const commitEdit = (edit: Editing, text: string): { row: RowRef } | null => {
    const state = store.getState()
    const current = state.document?.plan
    if (current === undefined || derived === null) return { row: edit.row }
    if (edit.row === 'new') {
      if (text.trim() === '') return { row: 'new' }
      const outcome = state.editorRun('task/insert', { index: insertAt ?? current.tasks.length, level: blankLevel(), fields: { name: text } })
      return outcome.ok ? { row: outcome.value } : null
    }
    const command = columnDefs[edit.column].command
    if (command === null) return { row: edit.row }
    const fresh = current === derived.plan ? derived : deriveWorkspace(current, derived.schedule)
    if (text === cellText(fresh, fresh.indexOf.get(edit.row) ?? -1, edit.column, cellView)) return { row: edit.row }
    // Fixed cost takes a list of tasks (the details panel sets it on a selection); progress says which field.
    const field = columnDefs[edit.column].progressField
    let outcome: { ok: boolean }
    if (command === 'task/set-fixed-cost') outcome = state.editorRun(command, { taskIds: [edit.row], text })
    else if (command === 'task/set-progress') {
      if (field === undefined) return { row: edit.row }
      outcome = state.editorRun(command, { taskId: edit.row, field, text })
    } else outcome = state.editorRun(command, { taskId: edit.row, text })
    return outcome.ok ? { row: edit.row } : null
  }

  /** The cell `step` columns along the view (past a row's end, into the next or previous row). */
  const cellAlong = (row: RowRef | null, column: ColumnKey, step: 1 | -1): Active => {
    const at = columns.indexOf(column)
    const next = at + step
    if (next >= 0 && next < columns.length) return { row, column: columns[next] ?? column }
    const viewRow = viewRowOf(row)
    const other = rowRefAt(viewRow + step)
    if (other === null) return { row, column }
    return { row: other, column: (step > 0 ? columns[0] : columns[columns.length - 1]) ?? column }
  }

  const finishEdit = (text: string, how: CellEditEnd): void => {
    const edit = editing
    if (edit === null) return
    setEditing(null)
    // The rows next to the edited one, by identity: a new task takes the blank row's place.
    const viewRow = viewRowOf(edit.row)
    const below = rowRefAt(viewRow + 1)
    const above = rowRefAt(viewRow - 1)
    const wasOpenedByInsert = edit.row === 'new' && insertAt !== null
    let row: RowRef = edit.row
    if (how !== 'cancel') {
      const kept = commitEdit(edit, text)
      if (kept === null) {
        // Refused: the message line says why; the text stays in the cell to be corrected (on blur it cannot).
        if (how !== 'blur') setEditing({ ...edit, text, attempt: (edit.attempt ?? 0) + 1 })
        return
      }
      row = kept.row
    }
    if (edit.row === 'new') setInsertAt(null)
    const origin = tabOrigin ?? edit.column
    switch (how) {
      case 'enter':
      case 'up': {
        // A new task typed at the end: the blank row is below it again.
        const target = how === 'up' ? above : row !== 'new' && edit.row === 'new' && !wasOpenedByInsert ? 'new' : below
        setTabOrigin(null)
        activate(target ?? row, target === null ? edit.column : origin)
        break
      }
      case 'tab':
      case 'shift-tab': {
        if (how === 'tab' && tabOrigin === null) setTabOrigin(edit.column)
        const next = cellAlong(row, edit.column, how === 'tab' ? 1 : -1)
        activate(next.row, next.column)
        break
      }
      case 'cancel':
        // Escape in a blank row Insert opened: back to the task it was opened at.
        activate(wasOpenedByInsert ? below : row, edit.column)
        break
      case 'blur':
        if (row !== edit.row) activate(row, edit.column)
        break
    }
    if (how !== 'blur') focusGrid()
  }

  const gridAction = (action: KeyAction): boolean => {
    if (derived === null) return false
    const state = store.getState()
    const column = active.column
    const moveTo = (viewRow: number, toColumn: ColumnKey, extend = false): void => {
      const clamped = Math.max(0, Math.min(viewRowCount - 1, viewRow))
      activate(rowRefAt(clamped), toColumn, extend)
      scrollRowIntoView(clamped)
    }
    const toColumn = (key: ColumnKey | undefined): void => setActive({ row: active.row, column: key ?? column })
    const columnIndex = Math.max(0, columns.indexOf(column))
    const page = Math.max(1, pageRows())
    if (action === 'task/insert') {
      if (isBlankActive) startEdit('new', 'name')
      else openBlankRow('above')
      return true
    }
    if (commandIsId(action)) {
      state.editorRun(action, {})
      return true
    }
    if (action !== 'grid/next-cell' && action !== 'grid/previous-cell' && action !== 'grid/next-row' && action !== 'grid/previous-row') setTabOrigin(null)
    switch (action) {
      case 'grid/down':
        moveTo(activeRow + 1, column)
        return true
      case 'grid/up':
        moveTo(Math.max(0, activeRow - 1), column)
        return true
      case 'grid/extend-down':
        moveTo(activeRow + 1, column, true)
        return true
      case 'grid/extend-up':
        moveTo(Math.max(0, activeRow - 1), column, true)
        return true
      case 'grid/next-cell':
      case 'grid/previous-cell': {
        if (action === 'grid/next-cell' && tabOrigin === null) setTabOrigin(column)
        const next = cellAlong(active.row, column, action === 'grid/next-cell' ? 1 : -1)
        activate(next.row, next.column)
        return true
      }
      case 'grid/next-row':
        // Enter on the blank row starts its name; elsewhere it goes down (to the column Tab-ing started in).
        if (isBlankActive) startEdit('new', 'name')
        else moveTo(activeRow + 1, tabOrigin ?? column)
        setTabOrigin(null)
        return true
      case 'grid/previous-row':
        moveTo(Math.max(0, activeRow - 1), tabOrigin ?? column)
        setTabOrigin(null)
        return true
      case 'grid/right':
        toColumn(columns[Math.min(columns.length - 1, columnIndex + 1)])
        return true
      case 'grid/left':
        toColumn(columns[Math.max(0, columnIndex - 1)])
        return true
      case 'grid/row-start':
        toColumn(columns[0])
        return true
      case 'grid/row-end':
        toColumn(columns[columns.length - 1])
        return true
      case 'grid/first-row':
        moveTo(0, column)
        return true
      case 'grid/last-row':
        moveTo(viewRowCount - 1, column)
        return true
      case 'grid/page-down':
        moveTo(activeRow + page, column)
        return true
      case 'grid/page-up':
        moveTo(Math.max(0, activeRow - page), column)
        return true
      case 'grid/edit':
        if (active.row !== null) startEdit(active.row, column)
        return true
      case 'grid/details':
        onShowDetails()
        return true
      case 'edit/copy':
        state.editorCopy(state.editorSelection.length > 0 ? state.editorSelection : activeTaskId === null ? [] : [activeTaskId])
        return true
      default:
        return false
    }
  }

  const onGridKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>): void => {
    if (derived === null || editing !== null) return
    const binding = keyBindingFind('grid', event)
    if (binding !== undefined) {
      if (!gridAction(binding.action)) return
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && active.row !== null) {
      // Typing starts editing the active cell with what was typed, as in a spreadsheet; in the blank row, the new
      // task's name (its other cells wait until the task exists).
      if (active.row === 'new' && active.column !== 'name') {
        store.getState().editorSetMessage("Type the new task's name first, in the Task name column.")
        setActive({ row: 'new', column: 'name' })
      } else if (active.row === 'new' || columnDefs[active.column].command !== null) startEdit(active.row, active.column, event.key)
      else return
    } else return
    event.preventDefault()
    event.stopPropagation()
  }

  return {
    active,
    editing,
    activeTaskId,
    isBlankActive,
    blankRow,
    activeRow,
    viewRowCount,
    rowRefAt,
    activate,
    startEdit,
    finishEdit,
    onGridKeyDown,
    openBlankRow,
  }
}
