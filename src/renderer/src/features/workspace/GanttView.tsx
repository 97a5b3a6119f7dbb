/**
 * The Gantt view: the outline grid (an ARIA treegrid) and the chart side by side, row for row, sharing one
 * vertical scroller. Both are virtualized: only the rows in view (plus two) and the timeline cells in view are
 * in the DOM, so a 10,000-task plan costs what 35 rows cost. The rows themselves (grid rows, bars, link arrows)
 * are painted by a `RowPainter` from a reused pool of elements; the scroll handler moves its window directly, so
 * a jump is painted in the frame that shows it. React renders the frame around them: the column headers
 * (`use-column-layout.ts`), the chart body (`ChartBody.tsx`), the cell editor (`CellEditor.tsx`) and the details.
 * Keys come from the key table (`shared/commands/keys.ts`); edits are commands of the registry.
 */
import { useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { dateDayOfWallMinutes, dateLocalNow, dateToDayNumber, dateToWallMinutes } from '../../../../shared/domain/dates'
import type { BaselineNumber, TaskId } from '../../../../shared/domain/model'
import { CellEditor } from './CellEditor'
import { cellDate, columnDefs, columnLabel, columnsFrozen, columnTables, type CellView, type ColumnKey, type ColumnTableId } from './cells'
import { BarTooltip, ChartBody } from './ChartBody'
import { ColumnMenu } from './ColumnMenu'
import { columnWidthMax, columnWidthMin, gridWidthMax, gridWidthMin } from './column-layout'
import { deriveWorkspace } from './derived'
import { DetailsPanel } from './DetailsPanel'
import { OverallocationsContext } from './extension'
import { layoutTimeScale, rowHeight, zoomLevels } from './layout'
import { useColumnLayout } from './use-column-layout'
import { headerHeight, scrollbarRoom, useGanttPainters } from './use-gantt-painters'
import { useGridCursor, type RowRef } from './use-grid-cursor'
import { useWorkspace, useWorkspaceApi } from './workspace-store'

function todayMinutes(): number {
  return dateToWallMinutes(dateLocalNow())
}

/** The row and column of a grid cell element (or an element inside one); the blank row's cells are `'new'`. */
function cellAt(target: EventTarget): { row: RowRef; column: ColumnKey } | null {
  if (!(target instanceof Element)) return null
  const element = target.closest<HTMLElement>('[role="gridcell"]')
  const rowElement = element?.closest<HTMLElement>('[role="row"]')
  const column = element?.dataset.col
  if (column === undefined || !(column in columnDefs) || rowElement === null || rowElement === undefined) return null
  if (rowElement.dataset.blank === 'true') return { row: 'new', column: column as ColumnKey }
  const taskId = Number(rowElement.dataset.taskId)
  return Number.isFinite(taskId) ? { row: taskId, column: column as ColumnKey } : null
}

const tableIds = Object.keys(columnTables) as ColumnTableId[]

/** The table whose columns are exactly the ones shown, if any. */
function tableOf(columns: readonly ColumnKey[]): ColumnTableId | null {
  for (const id of tableIds) {
    const keys: readonly ColumnKey[] = columnTables[id].keys
    if (keys.length === columns.length && keys.every((key) => columns.includes(key))) return id
  }
  return null
}

export type GanttViewProps = {
  isCriticalShown: boolean
  /** The task details are shown under the chart; `onShowDetails` asks for them (Shift+F2). */
  isDetailsShown: boolean
  onShowDetails: () => void
  onHideDetails: () => void
  /**
   * The Tracking Gantt (Microsoft Project's): the chosen baseline drawn under each bar, slipped tasks marked; its
   * baseline is also the one the baseline and variance columns show.
   */
  tracking?: { isShown: boolean; baselineNumber: BaselineNumber }
}

export function GanttView({ isCriticalShown, isDetailsShown, onShowDetails, onHideDetails, tracking }: GanttViewProps) {
  const isTrackingShown = tracking?.isShown ?? false
  const baselineNumber = tracking?.baselineNumber ?? 0
  const cellView = useMemo<CellView>(() => ({ baselineNumber }), [baselineNumber])
  const store = useWorkspaceApi()
  const plan = useWorkspace((state) => state.document?.plan ?? null)
  const scheduleResult = useWorkspace((state) => state.document?.schedule ?? null)
  const zoomLevel = useWorkspace((state) => state.zoomLevel)
  const selection = useWorkspace((state) => state.editorSelection)
  const insertRequest = useWorkspace((state) => state.editorInsertRequest)
  const schedule = scheduleResult !== null && scheduleResult.ok ? scheduleResult.schedule : null
  const derived = useMemo(() => (plan === null ? null : deriveWorkspace(plan, schedule)), [plan, schedule])
  const overallocations = useContext(OverallocationsContext)
  const zoom = zoomLevels[Math.max(0, Math.min(zoomLevels.length - 1, zoomLevel))] ?? 'day'
  const [chartWidth, setChartWidth] = useState(0)
  const scale = useMemo(() => {
    const projectStart = dateToDayNumber((plan?.start ?? '2026-01-05').slice(0, 10))
    const first = schedule !== null && schedule.taskCount > 0 ? Math.min(projectStart, Math.floor(schedule.projectStart / 1440)) : projectStart
    const last = schedule !== null && schedule.taskCount > 0 ? Math.ceil(schedule.projectFinish / 1440) : projectStart + 60
    return layoutTimeScale(zoom, first, last, chartWidth)
  }, [zoom, plan?.start, schedule, chartWidth])

  const layout = useColumnLayout(plan?.tasks.length ?? 0)
  const { columns, widths: shownWidths } = layout

  const [tooltip, setTooltip] = useState<{ taskId: TaskId; x: number; y: number } | null>(null)
  const [isColumnMenuOpen, setColumnMenuOpen] = useState(false)

  const treegridRef = useRef<HTMLDivElement>(null)
  const gridPaneRef = useRef<HTMLDivElement>(null)
  const selectedSet = useMemo(() => new Set(selection), [selection])
  const focusGrid = useCallback(() => {
    treegridRef.current?.focus({ preventScroll: true })
  }, [])

  // The painters need the cursor's blank row and active cell, and the cursor scrolls rows with the painters: the
  // cursor's view of both is kept in a ref the painters' scroll function reads.
  const scrollRef = useRef<(row: number) => void>(() => undefined)
  const scrollRowIntoView = useCallback((row: number) => scrollRef.current(row), [])
  const pageHeightRef = useRef(0)
  const cursor = useGridCursor({
    store,
    derived,
    columns,
    pageRows: () => Math.floor(pageHeightRef.current / rowHeight),
    scrollRowIntoView,
    focusGrid,
    onShowDetails,
    cellView,
  })
  const { active, editing, activeTaskId, isBlankActive, blankRow, viewRowCount } = cursor
  const editCell = useMemo(() => (editing === null ? null : { taskId: editing.row, column: editing.column }), [editing])
  const painters = useGanttPainters({
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
    blankRow,
    isBlankActive,
    cellView,
    isTrackingShown,
  })
  const { scrollerRef, gridRowsRef, chartRowsRef, chartPaneRef, headerRef, shadingRef, viewportHeight, rowsViewport, editTarget, scrollBarIntoView, rowAt, titleAt } = painters
  const paintersScroll = painters.scrollRowIntoView
  useLayoutEffect(() => {
    scrollRef.current = paintersScroll
    pageHeightRef.current = rowsViewport
  }, [paintersScroll, rowsViewport])
  const rowCount = derived?.rows.length ?? 0

  const activeIndex = activeTaskId === null ? undefined : derived?.indexOf.get(activeTaskId)

  // Bring the active task's bar into view horizontally (as Microsoft Project's "scroll to task").
  useEffect(() => {
    if (activeIndex !== undefined && schedule !== null) scrollBarIntoView(schedule.start[activeIndex] ?? Number.NaN, schedule.finish[activeIndex] ?? Number.NaN)
  }, [activeIndex, schedule, scrollBarIntoView])

  // The chart's width, so the time scale always fills it (a short plan at the Quarter zoom).
  useLayoutEffect(() => {
    const chart = chartPaneRef.current
    if (chart === null) return
    const measure = (): void => setChartWidth(chart.clientWidth)
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(chart)
    return () => observer.disconnect()
  }, [chartPaneRef])

  // The frozen columns (up to the name) stay in view; bring the active cell into view beside them.
  const frozen = useMemo(() => columnsFrozen(columns), [columns])
  const frozenLeft = useMemo(() => {
    const lefts = new Map<ColumnKey, number>()
    let left = 0
    for (const key of columns) {
      lefts.set(key, left)
      left += shownWidths[key]
    }
    return lefts
  }, [columns, shownWidths])
  const frozenWidth = columns.filter((key) => frozen.has(key)).reduce((sum, key) => sum + shownWidths[key], 0)
  const lastFrozen = columns.filter((key) => frozen.has(key)).at(-1)
  useEffect(() => {
    const pane = gridPaneRef.current
    const left = frozenLeft.get(active.column)
    if (pane === null || left === undefined || frozen.has(active.column)) return
    const right = left + shownWidths[active.column]
    if (left < pane.scrollLeft + frozenWidth) pane.scrollLeft = Math.max(0, left - frozenWidth)
    else if (right > pane.scrollLeft + pane.clientWidth) pane.scrollLeft = right - pane.clientWidth
  }, [active.column, frozen, frozenLeft, frozenWidth, shownWidths])

  // A new plan (Create plan) or one just opened: the grid takes the focus, so typing starts the first task.
  const hasPlan = plan !== null
  useEffect(() => {
    const focused = document.activeElement
    if (hasPlan && (focused === null || focused === document.body)) focusGrid()
  }, [hasPlan, focusGrid])

  // The toolbar's Add task and the Task menu's Insert Task open a blank row here.
  useEffect(() => {
    if (insertRequest === null || derived === null) return
    store.getState().editorInsertRequestSet(null)
    cursor.openBlankRow(insertRequest)
  }, [insertRequest, derived, store, cursor])

  if (plan === null || derived === null) return <div className="ws-empty">No plan is open.</div>

  const totalHeight = viewRowCount * rowHeight + headerHeight + scrollbarRoom
  const activeCellId = isBlankActive ? `ws-cell-new-${active.column}` : activeTaskId !== null ? `ws-cell-${activeTaskId}-${active.column}` : undefined
  const today = todayMinutes()
  const editingIndex = editing === null || editing.row === 'new' ? undefined : derived.indexOf.get(editing.row)
  const editingName = editingIndex === undefined ? '' : (plan.tasks[editingIndex]?.name ?? '')
  // The Start and Finish cells have a calendar that opens on the day they show.
  const editingMinutes =
    editing !== null && editingIndex !== undefined && schedule !== null && (editing.column === 'start' || editing.column === 'finish')
      ? (editing.column === 'start' ? schedule.start : schedule.finish)[editingIndex]
      : undefined
  const editingDate =
    editingMinutes !== undefined && Number.isFinite(editingMinutes) ? { day: dateDayOfWallMinutes(editingMinutes), weekStartDay: plan.settings.weekStartDay } : undefined

  return (
    <div className="ws-gantt">
      <div className="ws-gantt-main">
        <div className="ws-scroller" ref={scrollerRef} data-testid="ws-scroller">
          <div className="ws-sticky" style={{ height: viewportHeight ?? undefined }}>
            <div className="ws-grid-pane" ref={gridPaneRef} style={{ width: layout.gridWidth }}>
              <div
                ref={treegridRef}
                className="ws-treegrid"
                role="treegrid"
                data-pane="grid"
                aria-label="Tasks"
                aria-rowcount={viewRowCount + 1}
                aria-colcount={columns.length}
                aria-multiselectable="true"
                aria-activedescendant={editing === null ? activeCellId : undefined}
                tabIndex={0}
                style={{ width: layout.columnsWidth }}
                onKeyDown={cursor.onGridKeyDown}
                onFocus={() => {
                  // Focus from the keyboard starts on the first row (the blank row of an empty plan); a click has
                  // already chosen its cell (the store is current, this render's cursor may not be).
                  if (active.row === null && store.getState().editorSelection.length === 0) cursor.activate(cursor.rowRefAt(0), active.column)
                }}
              >
                <div role="rowgroup" className="ws-grid-head" style={{ height: headerHeight }}>
                  <div role="row" aria-rowindex={1} className="ws-grid-head-row">
                    {columns.map((key) => (
                      <div
                        key={key}
                        role="columnheader"
                        aria-label={columnDefs[key].header === undefined ? undefined : columnDefs[key].label}
                        className={`ws-colhead ws-col-${key}${frozen.has(key) ? ' is-frozen' : ''}${key === lastFrozen ? ' is-frozen-edge' : ''}`}
                        style={{ width: shownWidths[key], left: frozen.has(key) ? frozenLeft.get(key) : undefined }}
                        title={columnDefs[key].header === undefined ? undefined : columnDefs[key].label}
                      >
                        <span className="ws-colhead-label">{columnDefs[key].header ?? columnLabel(key, cellView)}</span>
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
                  {rowCount === 0 && <p className="ws-grid-empty">No tasks yet. Type a task name in the first row (or press Enter) to add one.</p>}
                  <div
                    className="ws-rows-layer"
                    ref={gridRowsRef}
                    onPointerDown={(event) => {
                      if (!(event.target instanceof Element) || event.target.closest('input,button') !== null) return
                      const at = cellAt(event.target)
                      if (at === null) return
                      event.preventDefault()
                      cursor.activate(at.row, at.column, at.row !== 'new' && (event.ctrlKey || event.metaKey || event.shiftKey))
                      focusGrid()
                    }}
                    onPointerOver={(event) => {
                      if (event.target instanceof Element) titleAt(event.target, 'grid')
                    }}
                    onDoubleClick={(event) => {
                      const at = cellAt(event.target)
                      if (at !== null && event.target instanceof Element && event.target.closest('button,input') === null) cursor.startEdit(at.row, at.column)
                    }}
                    onClick={(event) => {
                      const toggle = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('.ws-toggle, .ws-mode-toggle') : null
                      const at = cellAt(event.target)
                      if (toggle === null || toggle.disabled || at === null || at.row === 'new') return
                      const index = derived.indexOf.get(at.row)
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
                        key={`${editing.row}-${editing.column}-${editing.attempt ?? 0}`}
                        initial={editing.text}
                        label={editing.row === 'new' ? 'Name of the new task' : `${columnLabel(editing.column, cellView)} of ${editingName || 'new task'}`}
                        placeholder={editing.row === 'new' ? 'New task name' : undefined}
                        date={editingDate}
                        onDone={cursor.finishEdit}
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
                    cursor.activate(taskId, active.column)
                    focusGrid()
                  }}
                  onKeySelect={(row) => {
                    const clamped = Math.max(0, Math.min(rowCount - 1, row))
                    const index = derived.rows[clamped]
                    if (index === undefined) return
                    cursor.activate(plan.tasks[index]?.id ?? null, active.column)
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
      {isDetailsShown && <DetailsPanel taskId={activeTaskId} onClose={onHideDetails} />}
    </div>
  )
}
