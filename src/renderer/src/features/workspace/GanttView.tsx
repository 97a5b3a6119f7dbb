/**
 * The Gantt view: the outline grid (an ARIA treegrid) and the chart side by side, row for row, sharing one
 * vertical scroller. Both are virtualized: only the rows in view (plus two) and the timeline cells in view are
 * in the DOM, so a 10,000-task plan costs what 35 rows cost. The rows themselves (grid rows, bars, link arrows)
 * are painted by a `RowPainter` from a reused pool of elements; the scroll handler moves its window directly, so
 * a jump is painted in the frame that shows it. React renders the frame around them: the column headers
 * (`use-column-layout.ts`), the chart body (`ChartBody.tsx`), the cell editor (`CellEditor.tsx`) and the details.
 * Keys come from the key table (`shared/commands/keys.ts`); edits are commands of the registry.
 */
import { useCallback, useContext, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react'
import { createPortal } from 'react-dom'
import { keyBindingFind, type KeyAction } from '../../../../shared/commands/keys'
import { outlineInsertIndex, type InsertWhere } from '../../../../shared/commands/outline'
import { commandIsId } from '../../../../shared/commands/registry'
import { dateLocalNow, dateToDayNumber, dateToWallMinutes } from '../../../../shared/domain/dates'
import type { BaselineNumber, TaskId } from '../../../../shared/domain/model'
import { CellEditor, type CellEditEnd } from './CellEditor'
import { cellDate, cellText, columnDefs, columnLabel, columnTables, type CellView, type ColumnKey, type ColumnTableId } from './cells'
import { BarTooltip, ChartBody } from './ChartBody'
import { ColumnMenu } from './ColumnMenu'
import { columnWidthMax, columnWidthMin, gridWidthMax, gridWidthMin } from './column-layout'
import { deriveWorkspace } from './derived'
import { DetailsPanel } from './DetailsPanel'
import { OverallocationsContext } from './extension'
import { layoutTimeScale, rowHeight, zoomLevels } from './layout'
import { useColumnLayout } from './use-column-layout'
import { headerHeight, scrollbarRoom, useGanttPainters } from './use-gantt-painters'
import { useWorkspace, useWorkspaceApi } from './workspace-store'

type Active = { taskId: TaskId | null; column: ColumnKey }
type Editing = { taskId: TaskId; column: ColumnKey; text: string }

function todayMinutes(): number {
  return dateToWallMinutes(dateLocalNow())
}

/** The task and column of a grid cell element (or an element inside one). */
function cellAt(target: EventTarget): { taskId: TaskId; column: ColumnKey } | null {
  if (!(target instanceof Element)) return null
  const element = target.closest<HTMLElement>('[role="gridcell"]')
  const rowElement = element?.closest<HTMLElement>('[role="row"]')
  const column = element?.dataset.col
  const taskId = Number(rowElement?.dataset.taskId)
  if (column === undefined || !(column in columnDefs) || !Number.isFinite(taskId)) return null
  return { taskId, column: column as ColumnKey }
}

/**
 * `tracking`: the Tracking Gantt (Microsoft Project's): the chosen baseline drawn under each bar, slipped tasks
 * marked; its baseline is also the one the baseline and variance columns show.
 */
const tableIds = Object.keys(columnTables) as ColumnTableId[]

/** The table whose columns are exactly the ones shown, if any. */
function tableOf(columns: readonly ColumnKey[]): ColumnTableId | null {
  for (const id of tableIds) {
    const keys: readonly ColumnKey[] = columnTables[id].keys
    if (keys.length === columns.length && keys.every((key) => columns.includes(key))) return id
  }
  return null
}

export type GanttViewProps = { isCriticalShown: boolean; tracking?: { isShown: boolean; baselineNumber: BaselineNumber } }

export function GanttView({ isCriticalShown, tracking }: GanttViewProps) {
  const isTrackingShown = tracking?.isShown ?? false
  const baselineNumber = tracking?.baselineNumber ?? 0
  const cellView = useMemo<CellView>(() => ({ baselineNumber }), [baselineNumber])
  const store = useWorkspaceApi()
  const plan = useWorkspace((state) => state.document?.plan ?? null)
  const scheduleResult = useWorkspace((state) => state.document?.schedule ?? null)
  const zoomLevel = useWorkspace((state) => state.zoomLevel)
  const selection = useWorkspace((state) => state.editorSelection)
  const schedule = scheduleResult !== null && scheduleResult.ok ? scheduleResult.schedule : null
  const derived = useMemo(() => (plan === null ? null : deriveWorkspace(plan, schedule)), [plan, schedule])
  const overallocations = useContext(OverallocationsContext)
  const zoom = zoomLevels[Math.max(0, Math.min(zoomLevels.length - 1, zoomLevel))] ?? 'day'
  const scale = useMemo(() => {
    const projectStart = dateToDayNumber((plan?.start ?? '2026-01-05').slice(0, 10))
    const first = schedule !== null && schedule.taskCount > 0 ? Math.min(projectStart, Math.floor(schedule.projectStart / 1440)) : projectStart
    const last = schedule !== null && schedule.taskCount > 0 ? Math.ceil(schedule.projectFinish / 1440) : projectStart + 60
    return layoutTimeScale(zoom, first, last)
  }, [zoom, plan?.start, schedule])

  const layout = useColumnLayout(plan?.tasks.length ?? 0)
  const { columns, widths: shownWidths } = layout

  const [active, setActive] = useState<Active>({ taskId: null, column: 'name' })
  const [editing, setEditing] = useState<Editing | null>(null)
  const [tooltip, setTooltip] = useState<{ taskId: TaskId; x: number; y: number } | null>(null)
  const [isColumnMenuOpen, setColumnMenuOpen] = useState(false)

  // Follow the selection made elsewhere (new rows, pasted rows, the row after a deletion, the over-allocation
  // panel), once the task is in the plan shown: adjusted during render, so the grid never paints the old row.
  const firstSelected = selection[0]
  const [followed, setFollowed] = useState<TaskId | undefined>(undefined)
  if (firstSelected !== followed && (firstSelected === undefined || derived?.indexOf.has(firstSelected) === true)) {
    setFollowed(firstSelected)
    if (firstSelected !== undefined && firstSelected !== active.taskId) setActive({ taskId: firstSelected, column: active.column })
  }

  const treegridRef = useRef<HTMLDivElement>(null)
  const activeTaskId = active.taskId !== null && derived?.indexOf.has(active.taskId) === true ? active.taskId : null
  const selectedSet = useMemo(() => new Set(selection), [selection])
  const editCell = useMemo(() => (editing === null ? null : { taskId: editing.taskId, column: editing.column }), [editing])
  const {
    scrollerRef,
    gridRowsRef,
    chartRowsRef,
    chartPaneRef,
    headerRef,
    shadingRef,
    viewportHeight,
    rowsViewport,
    editTarget,
    scrollRowIntoView,
    scrollBarIntoView,
    rowAt,
    titleAt,
  } = useGanttPainters({
    derived,
    scale,
    columns,
    columnWidths: shownWidths,
    selected: selectedSet,
    activeTaskId,
    activeColumn: active.column,
    isCriticalShown,
    overallocations,
    editCell,
    cellView,
    isTrackingShown,
  })
  const rowCount = derived?.rows.length ?? 0

  const activeIndex = activeTaskId === null ? undefined : derived?.indexOf.get(activeTaskId)
  const activeRow = activeIndex === undefined ? -1 : (derived?.rowOfTask[activeIndex] ?? -1)

  // Keep the followed selection's row in view (it may be far away, or pushed down by new rows above it).
  const followedIndex = followed === undefined ? undefined : derived?.indexOf.get(followed)
  const followedRow = followedIndex === undefined ? -1 : (derived?.rowOfTask[followedIndex] ?? -1)
  useEffect(() => {
    scrollRowIntoView(followedRow)
  }, [followedRow, scrollRowIntoView])

  // Bring the active task's bar into view horizontally (as Microsoft Project's "scroll to task").
  useEffect(() => {
    if (activeIndex !== undefined && schedule !== null) scrollBarIntoView(schedule.start[activeIndex] ?? Number.NaN, schedule.finish[activeIndex] ?? Number.NaN)
  }, [activeIndex, schedule, scrollBarIntoView])

  const focusGrid = useCallback(() => {
    treegridRef.current?.focus({ preventScroll: true })
  }, [])

  const activate = useCallback(
    (taskId: TaskId | null, column: ColumnKey, extend = false) => {
      setActive({ taskId, column })
      const state = store.getState()
      if (taskId === null) state.editorSelect([])
      else if (extend && state.editorSelection.length > 0) {
        if (!state.editorSelection.includes(taskId)) state.editorSelect([...state.editorSelection, taskId])
      } else state.editorSelect([taskId])
    },
    [store],
  )

  /** Keeps typed text in a cell: the column's command reads it (and refuses what it cannot read). */
  const commitEdit = (edit: Editing, text: string): void => {
    const state = store.getState()
    const current = state.document?.plan
    const command = columnDefs[edit.column].command
    if (current === undefined || derived === null || command === null) return
    const fresh = current === derived.plan ? derived : deriveWorkspace(current, derived.schedule)
    if (text === cellText(fresh, fresh.indexOf.get(edit.taskId) ?? -1, edit.column, cellView)) return
    const field = columnDefs[edit.column].progressField
    if (command === 'task/set-fixed-cost') state.editorRun(command, { taskIds: [edit.taskId], text })
    else if (command === 'task/set-progress') {
      if (field !== undefined) state.editorRun(command, { taskId: edit.taskId, field, text })
    } else state.editorRun(command, { taskId: edit.taskId, text })
  }

  const startEdit = (taskId: TaskId, column: ColumnKey, text?: string): void => {
    const index = derived?.indexOf.get(taskId)
    if (columnDefs[column].command === null || derived === null || index === undefined) return
    setEditing({ taskId, column, text: text ?? cellText(derived, index, column, cellView) })
  }

  /** Adds a task above or below the active one and starts typing its name. */
  const addTask = (where: InsertWhere): void => {
    const state = store.getState()
    const current = state.document?.plan
    if (current === undefined) return
    const outcome = state.editorRun('task/insert', { index: outlineInsertIndex(current, activeTaskId ?? undefined, where) })
    if (outcome.ok && outcome.isChanged) {
      setActive({ taskId: outcome.value, column: 'name' })
      setEditing({ taskId: outcome.value, column: 'name', text: '' })
    }
  }

  const gridAction = (action: KeyAction): void => {
    if (derived === null) return
    const state = store.getState()
    const rows = derived.rows
    const moveTo = (row: number, column: ColumnKey, extend = false): void => {
      const clamped = Math.max(0, Math.min(rows.length - 1, row))
      const index = rows[clamped]
      activate(index === undefined ? null : (derived.plan.tasks[index]?.id ?? null), column, extend)
      scrollRowIntoView(clamped)
    }
    const columnIndex = Math.max(0, columns.indexOf(active.column))
    const toColumn = (column: ColumnKey | undefined): void => setActive({ taskId: activeTaskId, column: column ?? active.column })
    const page = Math.floor(rowsViewport / rowHeight)
    if (commandIsId(action)) {
      state.editorRun(action, {})
      return
    }
    switch (action) {
      case 'grid/down':
        return moveTo(activeRow + 1, active.column)
      case 'grid/up':
        return moveTo(Math.max(0, activeRow - 1), active.column)
      case 'grid/extend-down':
        return moveTo(activeRow + 1, active.column, true)
      case 'grid/extend-up':
        return moveTo(Math.max(0, activeRow - 1), active.column, true)
      case 'grid/right':
        return toColumn(columns[Math.min(columns.length - 1, columnIndex + 1)])
      case 'grid/left':
        return toColumn(columns[Math.max(0, columnIndex - 1)])
      case 'grid/row-start':
        return toColumn(columns[0])
      case 'grid/row-end':
        return toColumn(columns[columns.length - 1])
      case 'grid/first-row':
        return moveTo(0, active.column)
      case 'grid/last-row':
        return moveTo(rows.length - 1, active.column)
      case 'grid/page-down':
        return moveTo(activeRow + page, active.column)
      case 'grid/page-up':
        return moveTo(Math.max(0, activeRow - page), active.column)
      case 'grid/add-below':
        return addTask('below')
      case 'grid/add-above':
        return addTask('above')
      case 'grid/edit':
        if (activeTaskId !== null) startEdit(activeTaskId, active.column)
        return
      case 'edit/copy':
        state.editorCopy(state.editorSelection.length > 0 ? state.editorSelection : activeTaskId === null ? [] : [activeTaskId])
        return
    }
  }

  const onGridKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>): void => {
    if (derived === null || editing !== null) return
    const binding = keyBindingFind('grid', event)
    if (binding !== undefined) gridAction(binding.action)
    else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && activeTaskId !== null && columnDefs[active.column].command !== null) {
      // Typing starts editing the active cell with what was typed, as in a spreadsheet.
      startEdit(activeTaskId, active.column, event.key)
    } else return
    event.preventDefault()
    event.stopPropagation()
  }

  const finishEdit = (text: string, how: CellEditEnd): void => {
    const edit = editing
    setEditing(null)
    if (edit !== null && how !== 'cancel') commitEdit(edit, text)
    if (how === 'tab' && edit !== null) {
      const index = columns.indexOf(edit.column)
      setActive({ taskId: edit.taskId, column: columns[Math.min(columns.length - 1, index + 1)] ?? edit.column })
    }
    if (how !== 'blur') focusGrid()
  }

  if (plan === null || derived === null) return <div className="ws-empty">No plan is open.</div>

  const totalHeight = rowCount * rowHeight + headerHeight + scrollbarRoom
  const activeCellId = activeTaskId !== null ? `ws-cell-${activeTaskId}-${active.column}` : undefined
  const today = todayMinutes()
  const editingIndex = editing === null ? undefined : derived.indexOf.get(editing.taskId)
  const editingName = editingIndex === undefined ? '' : (plan.tasks[editingIndex]?.name ?? '')

  return (
    <div className="ws-gantt">
      <div className="ws-gantt-main">
        <div className="ws-scroller" ref={scrollerRef} data-testid="ws-scroller">
          <div className="ws-sticky" style={{ height: viewportHeight ?? undefined }}>
            <div className="ws-grid-pane" style={{ width: layout.gridWidth }}>
              <div
                ref={treegridRef}
                className="ws-treegrid"
                role="treegrid"
                data-pane="grid"
                aria-label="Tasks"
                aria-rowcount={rowCount + 1}
                aria-colcount={columns.length}
                aria-multiselectable="true"
                aria-activedescendant={editing === null ? activeCellId : undefined}
                tabIndex={0}
                style={{ width: layout.columnsWidth }}
                onKeyDown={onGridKeyDown}
                onFocus={() => {
                  // Focus from the keyboard starts on the first row; a click has already selected its row (the
                  // store is current, this render's activeTaskId may not be).
                  const first = derived.rows[0]
                  if (activeTaskId === null && first !== undefined && store.getState().editorSelection.length === 0) {
                    activate(plan.tasks[first]?.id ?? null, active.column)
                  }
                }}
              >
                <div role="rowgroup" className="ws-grid-head" style={{ height: headerHeight }}>
                  <div role="row" aria-rowindex={1} className="ws-grid-head-row">
                    {columns.map((key) => (
                      <div
                        key={key}
                        role="columnheader"
                        className={`ws-colhead ws-col-${key}${columnDefs[key].isNumber === true ? ' is-number' : ''}`}
                        style={{ width: shownWidths[key] }}
                        title={columnDefs[key].title}
                      >
                        <span className="ws-colhead-label">{columnLabel(key, cellView)}</span>
                        <span
                          role="separator"
                          aria-orientation="vertical"
                          aria-label={`Resize ${columnLabel(key, cellView)} column`}
                          aria-valuenow={shownWidths[key]}
                          aria-valuemin={columnWidthMin}
                          aria-valuemax={columnWidthMax}
                          tabIndex={-1}
                          className="ws-col-resize"
                          onPointerDown={(event) => {
                            event.preventDefault()
                            layout.startColumnResize(key, event.clientX)
                          }}
                          onKeyDown={(event) => {
                            const step = event.key === 'ArrowRight' ? 10 : event.key === 'ArrowLeft' ? -10 : 0
                            if (step !== 0) {
                              event.preventDefault()
                              layout.setWidth(key, shownWidths[key] + step)
                            }
                          }}
                        />
                      </div>
                    ))}
                  </div>
                </div>
                <div role="rowgroup" className="ws-rows-viewport" style={{ height: rowsViewport }}>
                  {rowCount === 0 && <p className="ws-grid-empty">No tasks yet. Press Enter to add one.</p>}
                  <div
                    className="ws-rows-layer"
                    ref={gridRowsRef}
                    onPointerDown={(event) => {
                      if (!(event.target instanceof Element) || event.target.closest('input,button') !== null) return
                      const at = cellAt(event.target)
                      if (at === null) return
                      event.preventDefault()
                      activate(at.taskId, at.column, event.ctrlKey || event.metaKey || event.shiftKey)
                      focusGrid()
                    }}
                    onPointerOver={(event) => {
                      if (event.target instanceof Element) titleAt(event.target, 'grid')
                    }}
                    onDoubleClick={(event) => {
                      const at = cellAt(event.target)
                      if (at !== null && event.target instanceof Element && event.target.closest('button,input') === null) startEdit(at.taskId, at.column)
                    }}
                    onClick={(event) => {
                      const toggle = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('.ws-toggle, .ws-mode-toggle') : null
                      const at = cellAt(event.target)
                      if (toggle === null || toggle.disabled || at === null) return
                      const index = derived.indexOf.get(at.taskId)
                      const task = index === undefined ? undefined : plan.tasks[index]
                      if (task === undefined) return
                      if (toggle.classList.contains('ws-mode-toggle')) store.getState().editorRun('task/set-mode', { taskId: task.id, text: task.schedulingMode === 'manual' ? 'auto' : 'manual' })
                      else store.getState().editorRun(task.isCollapsed ? 'task/expand' : 'task/collapse', { taskIds: [task.id] })
                    }}
                  />
                  {editing !== null &&
                    editTarget !== null &&
                    createPortal(
                      <CellEditor
                        key={`${editing.taskId}-${editing.column}`}
                        initial={editing.text}
                        label={`${columnLabel(editing.column, cellView)} of ${editingName || 'new task'}`}
                        onDone={finishEdit}
                      />,
                      editTarget,
                    )}
                </div>
              </div>
            </div>
            <div
              className="ws-splitter"
              role="separator"
              aria-orientation="vertical"
              aria-label="Resize the grid"
              aria-valuenow={layout.gridWidth}
              aria-valuemin={gridWidthMin}
              aria-valuemax={gridWidthMax}
              tabIndex={0}
              onPointerDown={(event) => {
                event.preventDefault()
                layout.startSplitterDrag(event.clientX)
              }}
              onKeyDown={(event) => {
                if (event.key === 'ArrowLeft') layout.resizeGrid(-20)
                if (event.key === 'ArrowRight') layout.resizeGrid(20)
              }}
            />
            <div className="ws-chart-pane" ref={chartPaneRef} data-testid="ws-chart">
              <div className="ws-chart-content" style={{ width: scale.width }}>
                <div
                  className="ws-timeline-head"
                  style={{ height: headerHeight }}
                  aria-hidden="true"
                  ref={headerRef}
                  onPointerOver={(event) => {
                    if (event.target instanceof Element) titleAt(event.target, 'timeline')
                  }}
                />
                <ChartBody
                  derived={derived}
                  scale={scale}
                  statusDate={plan.statusDate === null ? null : dateToWallMinutes(plan.statusDate)}
                  height={rowsViewport}
                  layerRef={chartRowsRef}
                  shadingRef={shadingRef}
                  rowAt={rowAt}
                  today={today}
                  onSelect={(taskId) => {
                    activate(taskId, active.column)
                    focusGrid()
                  }}
                  onKeySelect={(row) => {
                    const clamped = Math.max(0, Math.min(rowCount - 1, row))
                    const index = derived.rows[clamped]
                    if (index === undefined) return
                    activate(plan.tasks[index]?.id ?? null, active.column)
                    scrollRowIntoView(clamped)
                  }}
                  onHover={(taskId, x, y) => setTooltip(taskId === null ? null : { taskId, x, y })}
                />
              </div>
            </div>
          </div>
          <div style={{ height: Math.max(0, totalHeight - (viewportHeight ?? 0)) }} aria-hidden="true" />
        </div>
        {tooltip !== null && <BarTooltip derived={derived} taskId={tooltip.taskId} x={tooltip.x} y={tooltip.y} baselineNumber={baselineNumber} />}
      </div>
      <div className="ws-gantt-footer">
        <button type="button" className="ws-button" aria-haspopup="true" aria-expanded={isColumnMenuOpen} onClick={() => setColumnMenuOpen((open) => !open)}>
          Columns…
        </button>
        <label className="ws-zoom">
          Table
          <select
            value={tableOf(layout.columns) ?? ''}
            onChange={(event) => {
              const id = tableIds.find((item) => item === event.target.value)
              if (id !== undefined) layout.showOnly(columnTables[id].keys)
            }}
          >
            {tableOf(layout.columns) === null && <option value="">Custom</option>}
            {tableIds.map((id) => (
              <option key={id} value={id}>
                {columnTables[id].label}
              </option>
            ))}
          </select>
        </label>
        {isColumnMenuOpen && <ColumnMenu layout={layout} view={cellView} />}
        <span className="ws-footer-note">
          {plan.tasks.length} tasks · {schedule !== null ? `finish ${cellDate(schedule.projectFinish)}` : 'not scheduled'}
        </span>
      </div>
      <DetailsPanel taskId={activeTaskId} />
    </div>
  )
}
