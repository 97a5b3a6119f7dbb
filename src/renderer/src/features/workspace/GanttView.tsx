/**
 * The Gantt view: the outline grid (an ARIA treegrid) and the chart side by side, row for row, sharing one
 * vertical scroller. Both are virtualized: only the rows in view (plus two) and the timeline cells in view are
 * in the DOM, so a 10,000-task plan costs what 35 rows cost. The rows themselves (grid rows, bars, link arrows)
 * are painted by a `RowPainter` from a reused pool of elements; the scroll handler moves its window directly, so
 * a jump is painted in the frame that shows it. React renders the frame around them and the cell editor.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react'
import { createPortal } from 'react-dom'
import { calendarAddWorkingMinutes, calendarNextWorkingTime, calendarWorkingMinutesBetween, type CompiledCalendar } from '../../../../shared/domain/calendar'
import { dateFromWallMinutes, dateLocalNow, dateToDayNumber, dateToWallMinutes, dateWallText } from '../../../../shared/domain/dates'
import type { Task, TaskId } from '../../../../shared/domain/model'
import { outlineBlockEnd } from '../../stores/editor-commands'
import { cellCommit, cellDate, cellText, columnDefs, columnKeys, type ColumnKey } from './cells'
import { columnLayoutLoad, columnLayoutSave, columnWidthClamp, columnWidthMax, columnWidthMin, gridWidthMax, gridWidthMin } from './column-layout'
import { deriveWorkspace, type Derived } from './derived'
import {
  layoutTimeScale,
  layoutVisibleRows,
  rowHeight,
  scaleMinutes,
  scaleX,
  zoomLevels,
  type TimeScale,
} from './layout'
import { DetailsPanel } from './DetailsPanel'
import { useTaskOverallocations } from '../resources/OverallocationMarker'
import { RowPainter } from './row-painter'
import { useDraft } from './use-draft'
import { TimelinePainter } from './timeline-painter'
import { useWorkspace, useWorkspaceApi } from './workspace-store'

const headerHeight = 44
const scrollbarRoom = 16

type Active = { taskId: TaskId | null; column: ColumnKey }
type Editing = { taskId: TaskId; column: ColumnKey; text: string }

function todayMinutes(): number {
  return dateToWallMinutes(dateLocalNow())
}

function daysText(minutes: number, minutesPerDay: number): string {
  const days = minutes / minutesPerDay
  return `${Math.round(days * 10) / 10} d`
}

export type GanttViewProps = { isCriticalShown: boolean }

export function GanttView({ isCriticalShown }: GanttViewProps) {
  const store = useWorkspaceApi()
  const plan = useWorkspace((state) => state.document?.plan ?? null)
  const scheduleResult = useWorkspace((state) => state.document?.schedule ?? null)
  const zoomLevel = useWorkspace((state) => state.zoomLevel)
  const selection = useWorkspace((state) => state.editorSelection)
  const schedule = scheduleResult !== null && scheduleResult.ok ? scheduleResult.schedule : null
  const derived = useMemo(() => (plan === null ? null : deriveWorkspace(plan, schedule)), [plan, schedule])
  const overallocations = useTaskOverallocations(plan, scheduleResult)
  const zoom = zoomLevels[Math.max(0, Math.min(zoomLevels.length - 1, zoomLevel))] ?? 'day'
  const scale = useMemo(() => {
    const projectStart = dateToDayNumber((plan?.start ?? '2026-01-05').slice(0, 10))
    const first = schedule !== null && schedule.taskCount > 0 ? Math.min(projectStart, Math.floor(schedule.projectStart / 1440)) : projectStart
    const last = schedule !== null && schedule.taskCount > 0 ? Math.ceil(schedule.projectFinish / 1440) : projectStart + 60
    return layoutTimeScale(zoom, first, last)
  }, [zoom, plan?.start, schedule])

  // The column layout is remembered across sessions (column-layout.ts).
  const [initialLayout] = useState(columnLayoutLoad)
  const [columnWidths, setColumnWidths] = useState<Record<ColumnKey, number>>(initialLayout.widths)
  const [hiddenColumns, setHiddenColumns] = useState<ColumnKey[]>(initialLayout.hidden)
  const [gridWidth, setGridWidth] = useState(initialLayout.gridWidth)
  useEffect(() => {
    columnLayoutSave({ widths: columnWidths, hidden: hiddenColumns, gridWidth })
  }, [columnWidths, hiddenColumns, gridWidth])
  const columns = useMemo(() => columnKeys.filter((key) => !hiddenColumns.includes(key)), [hiddenColumns])
  // The ID column is always wide enough for the largest row number.
  const idWidth = Math.max(columnWidths.id, 14 + 8 * String(plan?.tasks.length ?? 0).length)
  const shownWidths = useMemo(() => (idWidth === columnWidths.id ? columnWidths : { ...columnWidths, id: idWidth }), [columnWidths, idWidth])
  const columnsWidth = columns.reduce((sum, key) => sum + shownWidths[key], 0)

  // Null until measured: the first commit renders the frame without rows, so measuring it lays out little.
  const [viewportHeight, setViewportHeight] = useState<number | null>(null)
  const [active, setActive] = useState<Active>({ taskId: null, column: 'name' })
  const [editing, setEditing] = useState<Editing | null>(null)
  const [tooltip, setTooltip] = useState<{ taskId: TaskId; x: number; y: number } | null>(null)
  const [isColumnMenuOpen, setColumnMenuOpen] = useState(false)

  const scrollerRef = useRef<HTMLDivElement>(null)
  const gridRowsRef = useRef<HTMLDivElement>(null)
  const chartRowsRef = useRef<HTMLDivElement>(null)
  const chartPaneRef = useRef<HTMLDivElement>(null)
  const treegridRef = useRef<HTMLDivElement>(null)
  // The cell the editor is shown in (a painter-owned element), kept in state so a new row's cell, known only
  // after the painter ran, renders the editor.
  const [editTarget, setEditTarget] = useState<HTMLElement | null>(null)
  const editTargetRef = useRef<HTMLElement | null>(null)
  editTargetRef.current = editTarget
  const editingRef = useRef<Editing | null>(null)
  editingRef.current = editing
  const painterRef = useRef<RowPainter | null>(null)
  const timelineRef = useRef<TimelinePainter | null>(null)
  const headerRef = useRef<HTMLDivElement>(null)
  const shadingRef = useRef<HTMLDivElement>(null)
  // What the scroll handler needs between renders: positions, the x range painted, and the scale it is drawn at.
  const windowRef = useRef<{ x0: number; x1: number; top: number; scale: TimeScale | null; calendar: CompiledCalendar | null }>({
    x0: 0,
    x1: 3000,
    top: 0,
    scale: null,
    calendar: null,
  })
  const chartWidthRef = useRef(1000)
  const syncScrollRef = useRef<() => void>(() => undefined)

  const rowCount = derived?.rows.length ?? 0
  const rowsViewport = Math.max(rowHeight, (viewportHeight ?? 0) - headerHeight - scrollbarRoom)

  // Measure the viewport before the first paint; follow later resizes.
  useLayoutEffect(() => {
    const scroller = scrollerRef.current
    const chart = chartPaneRef.current
    if (scroller === null) return
    const measure = (): void => {
      setViewportHeight(scroller.clientHeight)
      if (chart !== null) {
        chartWidthRef.current = chart.clientWidth || 1000
        // A wider chart may show past the painted time range: extend it as a scroll would.
        syncScrollRef.current()
      }
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(scroller)
    if (chart !== null) observer.observe(chart)
    return () => observer.disconnect()
  }, [])

  // One handler for both scrollers: it reads both positions before writing anything (no forced layout), has the
  // row painter move its window, and has both painters cover a new x range when the chart left the old one.
  const syncScroll = useCallback(() => {
    const scroller = scrollerRef.current
    const chart = chartPaneRef.current
    if (scroller === null) return
    const top = scroller.scrollTop
    const left = chart === null ? 0 : chart.scrollLeft
    const width = chartWidthRef.current
    const state = windowRef.current
    state.top = top
    painterRef.current?.scroll(top)
    // The edited row left the window (its cell now shows another row): the edit ends as if the cell lost focus,
    // which commits it.
    const edit = editingRef.current
    const target = editTargetRef.current
    if (edit !== null && target !== null && painterRef.current?.cellElement(edit.taskId, edit.column) !== target) {
      target.querySelector('input')?.blur()
    }
    if (chart !== null && (left < state.x0 || left + width > state.x1)) {
      state.x0 = Math.max(0, left - width / 2)
      state.x1 = left + width * 1.5
      const timeline = timelineRef.current
      if (timeline !== null && state.scale !== null) timeline.update(state.scale, state.calendar, state.x0, state.x1)
      painterRef.current?.setXWindow(state.x0, state.x1)
    }
  }, [])
  syncScrollRef.current = syncScroll
  const applyScroll = syncScroll
  const applyHorizontalScroll = syncScroll

  useEffect(() => {
    const scroller = scrollerRef.current
    const chart = chartPaneRef.current
    if (scroller === null || chart === null) return
    // When both panes scroll in one frame, their scroll events come one after the other before the frame's
    // animation callbacks, with both offsets already final: the first event handles both, and the second is
    // skipped (reading the offsets again after the first one's DOM writes would force a second layout).
    let isFrameHandled = false
    const onScroll = (): void => {
      if (isFrameHandled) return
      isFrameHandled = true
      requestAnimationFrame(() => {
        isFrameHandled = false
      })
      syncScroll()
    }
    scroller.addEventListener('scroll', onScroll, { passive: true })
    chart.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      scroller.removeEventListener('scroll', onScroll)
      chart.removeEventListener('scroll', onScroll)
    }
  }, [syncScroll])


  // On a zoom change keep the same date at the left edge.
  const previousScale = useRef<TimeScale | null>(null)
  useLayoutEffect(() => {
    const chart = chartPaneRef.current
    const before = previousScale.current
    previousScale.current = scale
    if (chart === null) return
    if (before === null) {
      // First render: show the project start.
      const start = derived?.schedule?.projectStart
      if (start !== undefined && Number.isFinite(start)) chart.scrollLeft = Math.max(0, scaleX(scale, start) - 40)
    } else if (before.zoom !== scale.zoom) {
      chart.scrollLeft = Math.max(0, scaleX(scale, scaleMinutes(before, chart.scrollLeft)))
    }
    const left = chart.scrollLeft
    const width = chartWidthRef.current
    windowRef.current.x0 = Math.max(0, left - width / 2)
    windowRef.current.x1 = left + width * 1.5
  }, [scale])

  const activeTaskId = active.taskId !== null && derived?.indexOf.has(active.taskId) === true ? active.taskId : null
  const activeRow = activeTaskId !== null && derived !== null ? (derived.rowOfTask[derived.indexOf.get(activeTaskId) as number] ?? -1) : -1

  const scrollRowIntoView = useCallback((row: number) => {
    const scroller = scrollerRef.current
    if (scroller === null || row < 0) return
    const top = row * rowHeight
    const viewport = scroller.clientHeight - headerHeight - scrollbarRoom
    if (top < scroller.scrollTop) scroller.scrollTop = top
    else if (top + rowHeight > scroller.scrollTop + viewport) scroller.scrollTop = top + rowHeight - viewport
    applyScroll()
  }, [applyScroll])

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

  // Follow the selection made elsewhere (new rows, pasted rows, the over-allocation panel).
  useEffect(() => {
    const first = selection[0]
    if (first !== undefined && first !== active.taskId && derived !== null && derived.indexOf.has(first)) {
      setActive((current) => ({ taskId: first, column: current.column }))
      scrollRowIntoView(derived.rowOfTask[derived.indexOf.get(first) as number] ?? -1)
    }
  }, [selection, derived])

  // Bring the active task's bar into view horizontally (as Microsoft Project's "scroll to task").
  useEffect(() => {
    const chart = chartPaneRef.current
    const index = activeTaskId === null ? undefined : derived?.indexOf.get(activeTaskId)
    const schedule = derived?.schedule
    if (chart === null || index === undefined || schedule === null || schedule === undefined) return
    const left = scaleX(scale, schedule.start[index] as number)
    const right = scaleX(scale, schedule.finish[index] as number)
    if (left < chart.scrollLeft || right > chart.scrollLeft + chart.clientWidth) {
      chart.scrollLeft = Math.max(0, left - Math.min(120, chart.clientWidth / 4))
      applyHorizontalScroll()
    }
  }, [activeTaskId, derived, scale, applyHorizontalScroll])

  const focusGrid = useCallback(() => {
    treegridRef.current?.focus({ preventScroll: true })
  }, [])

  const commitEdit = useCallback(
    (edit: Editing, text: string) => {
      const state = store.getState()
      const current = state.document?.plan
      if (current === undefined || derived === null) return
      const fresh = current === derived.plan ? derived : deriveWorkspace(current, derived.schedule)
      const original = cellText(fresh, fresh.indexOf.get(edit.taskId) ?? -1, edit.column)
      if (text === original) return
      const problem = cellCommit(state, fresh, edit.taskId, edit.column, text)
      if (problem !== null) state.editorSetMessage(problem)
    },
    [store, derived],
  )

  const startEdit = useCallback(
    (taskId: TaskId, column: ColumnKey, text?: string) => {
      if (!columnDefs[column].isEditable || derived === null) return
      const index = derived.indexOf.get(taskId)
      if (index === undefined) return
      setEditing({ taskId, column, text: text ?? cellText(derived, index, column) })
    },
    [derived],
  )

  const addTask = useCallback(
    (where: 'below' | 'above') => {
      const state = store.getState()
      const current = state.document?.plan
      if (current === undefined) return
      let index = current.tasks.length
      if (activeTaskId !== null) {
        const at = current.tasks.findIndex((task) => task.id === activeTaskId)
        if (at >= 0) index = where === 'above' ? at : outlineBlockEnd(current.tasks, at)
        // Below a summary that is expanded: the new task becomes its first subtask.
        if (where === 'below' && at >= 0 && !current.tasks[at]?.isCollapsed && outlineBlockEnd(current.tasks, at) > at + 1) index = at + 1
      }
      const id = state.editorInsertTask(index)
      if (id !== null) {
        setActive({ taskId: id, column: 'name' })
        setEditing({ taskId: id, column: 'name', text: '' })
      }
    },
    [store, activeTaskId],
  )

  const onGridKeyDown = useCallback(
    (event: ReactKeyboardEvent<HTMLDivElement>) => {
      if (derived === null || editing !== null) return
      const state = store.getState()
      const rows = derived.rows
      const key = event.key
      const isMod = event.ctrlKey || event.metaKey
      const selected = state.editorSelection.length > 0 ? state.editorSelection : activeTaskId !== null ? [activeTaskId] : []
      const taskIdAtRow = (row: number): TaskId | null => {
        const index = rows[Math.max(0, Math.min(rows.length - 1, row))]
        return index === undefined ? null : (derived.plan.tasks[index] as Task).id
      }
      const moveTo = (row: number, column: ColumnKey, extend = false): void => {
        const id = taskIdAtRow(row)
        activate(id, column, extend)
        scrollRowIntoView(Math.max(0, Math.min(rows.length - 1, row)))
      }
      const columnIndex = Math.max(0, columns.indexOf(active.column))
      let handled = true
      if (event.altKey && event.shiftKey && (key === 'ArrowUp' || key === 'ArrowDown')) {
        if (activeTaskId !== null) state.editorMove(activeTaskId, key === 'ArrowUp' ? -1 : 1)
      } else if (event.altKey && event.shiftKey && key === 'ArrowRight') {
        state.editorIndent(selected)
      } else if (event.altKey && event.shiftKey && key === 'ArrowLeft') {
        state.editorOutdent(selected)
      } else if (event.altKey && event.shiftKey && (key === '-' || key === '_')) {
        state.editorSetCollapsed(selected, true)
      } else if (event.altKey && event.shiftKey && (key === '+' || key === '=')) {
        state.editorSetCollapsed(selected, false)
      } else if (key === 'ArrowDown') moveTo(activeRow + 1, active.column, event.shiftKey)
      else if (key === 'ArrowUp') moveTo(Math.max(0, activeRow - 1), active.column, event.shiftKey)
      else if (key === 'ArrowRight') setActive({ taskId: activeTaskId, column: columns[Math.min(columns.length - 1, columnIndex + 1)] ?? active.column })
      else if (key === 'ArrowLeft') setActive({ taskId: activeTaskId, column: columns[Math.max(0, columnIndex - 1)] ?? active.column })
      else if (key === 'Home' && isMod) moveTo(0, active.column)
      else if (key === 'End' && isMod) moveTo(rows.length - 1, active.column)
      else if (key === 'Home') setActive({ taskId: activeTaskId, column: columns[0] ?? 'name' })
      else if (key === 'End') setActive({ taskId: activeTaskId, column: columns[columns.length - 1] ?? 'name' })
      else if (key === 'PageDown') moveTo(activeRow + Math.floor(rowsViewport / rowHeight), active.column)
      else if (key === 'PageUp') moveTo(Math.max(0, activeRow - Math.floor(rowsViewport / rowHeight)), active.column)
      else if (key === 'Tab') {
        if (event.shiftKey) state.editorOutdent(selected)
        else state.editorIndent(selected)
      } else if (key === 'Enter' && !isMod) addTask('below')
      else if (key === 'Insert') addTask('above')
      else if (key === 'Delete') {
        if (selected.length > 0) {
          const nextRow = activeRow
          state.editorDelete(selected)
          const after = store.getState().document?.plan
          if (after !== undefined) {
            const visible = layoutVisibleRows(after.tasks)
            const index = visible[Math.min(nextRow, visible.length - 1)]
            const id = index === undefined ? null : (after.tasks[index] as Task).id
            activate(id, active.column)
          }
        }
      } else if (key === 'F2') {
        if (activeTaskId !== null) startEdit(activeTaskId, active.column)
      } else if (isMod && !event.shiftKey && key.toLowerCase() === 'c') state.editorCopy(selected)
      else if (isMod && !event.shiftKey && key.toLowerCase() === 'v') {
        const current = state.document?.plan
        if (current !== undefined) {
          const at = activeTaskId === null ? current.tasks.length : current.tasks.findIndex((task) => task.id === activeTaskId)
          state.editorPaste(at < 0 ? current.tasks.length : at)
        }
      } else if (key.length === 1 && !isMod && !event.altKey && activeTaskId !== null && columnDefs[active.column].isEditable) {
        startEdit(activeTaskId, active.column, key)
      } else handled = false
      if (handled) {
        event.preventDefault()
        event.stopPropagation()
      }
    },
    [derived, editing, store, activeTaskId, activeRow, active.column, columns, activate, scrollRowIntoView, rowsViewport, addTask, startEdit],
  )

  // Column resizing by dragging the header edge (or the keyboard on the resize handle).
  const startColumnResize = (key: ColumnKey, clientX: number): void => {
    const startWidth = shownWidths[key]
    const onMove = (event: PointerEvent): void => {
      setColumnWidths((widths) => ({ ...widths, [key]: columnWidthClamp(startWidth + event.clientX - clientX) }))
    }
    const onUp = (): void => {
      window.removeEventListener('pointermove', onMove)
      window.removeEventListener('pointerup', onUp)
    }
    window.addEventListener('pointermove', onMove)
    window.addEventListener('pointerup', onUp)
  }

  const startSplitterDrag = (clientX: number): void => {
    const startWidth = gridWidth
    const onMove = (event: PointerEvent): void => setGridWidth(Math.max(gridWidthMin, Math.min(gridWidthMax, startWidth + event.clientX - clientX)))
    const onUp = (): void => {
      window.removeEventListener('pointermove', onMove)
      window.removeEventListener('pointerup', onUp)
    }
    window.addEventListener('pointermove', onMove)
    window.addEventListener('pointerup', onUp)
  }

  const selectedSet = useMemo(() => new Set(selection), [selection])

  // The painter draws the rows into the layers React rendered (a new painter when they were remounted), from
  // this render's inputs; unchanged cells are not touched.
  useLayoutEffect(() => {
    const grid = gridRowsRef.current
    const chart = chartRowsRef.current
    let painter = painterRef.current
    if (grid === null || chart === null || derived === null || viewportHeight === null) {
      if (grid === null && painter !== null) {
        painter.dispose()
        painterRef.current = null
      }
      return
    }
    if (painter === null || painter.gridLayer !== grid || painter.chartLayer !== chart) {
      painter?.dispose()
      painter = new RowPainter(grid, chart)
      painterRef.current = painter
      painter.scroll(windowRef.current.top)
    }
    painter.update({
      derived,
      columns,
      columnWidths: shownWidths,
      selected: selectedSet,
      activeTaskId,
      activeColumn: active.column,
      isCriticalShown,
      overallocations,
      scale,
    })
    painter.resize(rowsViewport / rowHeight)
    const state = windowRef.current
    state.scale = scale
    state.calendar = derived.calendar
    painter.setXWindow(state.x0, state.x1)
    const header = headerRef.current
    const shading = shadingRef.current
    let timeline = timelineRef.current
    if (header !== null && shading !== null && (timeline === null || timeline.header !== header || timeline.shading !== shading)) {
      timeline?.dispose()
      timeline = new TimelinePainter(header, shading)
      timelineRef.current = timeline
    }
    timeline?.update(scale, derived.calendar, state.x0, state.x1)
    const target = editing === null ? null : painter.cellElement(editing.taskId, editing.column)
    if (target !== editTarget) setEditTarget(target)
  })
  useEffect(
    () => () => {
      painterRef.current?.dispose()
      timelineRef.current?.dispose()
    },
    [],
  )

  /** The task and column of a grid cell element (or an element inside one). */
  const cellAt = (target: EventTarget): { taskId: TaskId; column: ColumnKey; element: HTMLElement } | null => {
    const element = (target as HTMLElement).closest<HTMLElement>('[role="gridcell"]')
    const rowElement = element?.closest<HTMLElement>('[role="row"]')
    if (element === null || element === undefined || rowElement === null || rowElement === undefined) return null
    const column = element.dataset.col as ColumnKey | undefined
    const taskId = Number(rowElement.dataset.taskId)
    return column === undefined || !Number.isFinite(taskId) ? null : { taskId, column, element }
  }

  const finishEdit = (text: string, how: 'enter' | 'tab' | 'blur' | 'cancel'): void => {
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

  return (
    <div className="ws-gantt">
      <div className="ws-gantt-main">
        <div className="ws-scroller" ref={scrollerRef} data-testid="ws-scroller">
          <div className="ws-sticky" style={{ height: viewportHeight ?? undefined }}>
            <div className="ws-grid-pane" style={{ width: gridWidth }}>
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
                style={{ width: columnsWidth }}
                onKeyDown={onGridKeyDown}
                onFocus={() => {
                  // Focus from the keyboard starts on the first row; a click has already selected its row (the
                  // store is current, this render's activeTaskId may not be).
                  if (activeTaskId === null && rowCount > 0 && store.getState().editorSelection.length === 0) {
                    activate((plan.tasks[derived.rows[0] as number] as Task).id, active.column)
                  }
                }}
              >
                <div role="rowgroup" className="ws-grid-head" style={{ height: headerHeight }}>
                  <div role="row" aria-rowindex={1} className="ws-grid-head-row">
                    {columns.map((key) => (
                      <div key={key} role="columnheader" className={`ws-colhead ws-col-${key}`} style={{ width: shownWidths[key] }}>
                        <span className="ws-colhead-label">{columnDefs[key].label}</span>
                        <span
                          role="separator"
                          aria-orientation="vertical"
                          aria-label={`Resize ${columnDefs[key].label} column`}
                          aria-valuenow={shownWidths[key]}
                          aria-valuemin={columnWidthMin}
                          aria-valuemax={columnWidthMax}
                          tabIndex={-1}
                          className="ws-col-resize"
                          onPointerDown={(event) => {
                            event.preventDefault()
                            startColumnResize(key, event.clientX)
                          }}
                          onKeyDown={(event) => {
                            const step = event.key === 'ArrowRight' ? 10 : event.key === 'ArrowLeft' ? -10 : 0
                            if (step !== 0) {
                              event.preventDefault()
                              setColumnWidths((widths) => ({ ...widths, [key]: columnWidthClamp(shownWidths[key] + step) }))
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
                      const target = event.target as HTMLElement
                      if (target.closest('input,button') !== null) return
                      const at = cellAt(target)
                      if (at === null) return
                      event.preventDefault()
                      activate(at.taskId, at.column, event.ctrlKey || event.metaKey || event.shiftKey)
                      focusGrid()
                    }}
                    onPointerOver={(event) => painterRef.current?.titleAt(event.target as Element)}
                    onDoubleClick={(event) => {
                      const at = cellAt(event.target)
                      if (at !== null && (event.target as HTMLElement).closest('button,input') === null) startEdit(at.taskId, at.column)
                    }}
                    onClick={(event) => {
                      const toggle = (event.target as HTMLElement).closest<HTMLButtonElement>('.ws-toggle')
                      const at = cellAt(event.target)
                      if (toggle === null || toggle.disabled || at === null) return
                      const index = derived.indexOf.get(at.taskId)
                      const task = index === undefined ? undefined : plan.tasks[index]
                      if (task !== undefined) store.getState().editorSetCollapsed([task.id], !task.isCollapsed)
                    }}
                  />
                  {editing !== null &&
                    editTarget !== null &&
                    editingIndex !== undefined &&
                    createPortal(
                      <CellEditor
                        key={`${editing.taskId}-${editing.column}`}
                        initial={editing.text}
                        label={`${columnDefs[editing.column].label} of ${(plan.tasks[editingIndex] as Task).name || 'new task'}`}
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
              aria-valuenow={gridWidth}
              aria-valuemin={gridWidthMin}
              aria-valuemax={gridWidthMax}
              tabIndex={0}
              onPointerDown={(event) => {
                event.preventDefault()
                startSplitterDrag(event.clientX)
              }}
              onKeyDown={(event) => {
                if (event.key === 'ArrowLeft') setGridWidth((width) => Math.max(gridWidthMin, width - 20))
                if (event.key === 'ArrowRight') setGridWidth((width) => Math.min(gridWidthMax, width + 20))
              }}
            />
            <div className="ws-chart-pane" ref={chartPaneRef} data-testid="ws-chart">
              <div className="ws-chart-content" style={{ width: scale.width }}>
                <div
                  className="ws-timeline-head"
                  style={{ height: headerHeight }}
                  aria-hidden="true"
                  ref={headerRef}
                  onPointerOver={(event) => timelineRef.current?.titleAt(event.target as Element)}
                />
                <ChartBody
                  derived={derived}
                  scale={scale}
                  height={rowsViewport}
                  layerRef={chartRowsRef}
                  shadingRef={shadingRef}
                  rowAt={(offsetY) => Math.floor((offsetY + windowRef.current.top) / rowHeight)}
                  today={today}
                  onSelect={(taskId) => {
                    activate(taskId, active.column)
                    focusGrid()
                  }}
                  onKeySelect={(row) => {
                    const index = derived.rows[Math.max(0, Math.min(rowCount - 1, row))]
                    if (index === undefined) return
                    activate((plan.tasks[index] as Task).id, active.column)
                    scrollRowIntoView(derived.rowOfTask[index] as number)
                  }}
                  onHover={(taskId, x, y) => setTooltip(taskId === null ? null : { taskId, x, y })}
                />
              </div>
            </div>
          </div>
          <div style={{ height: Math.max(0, totalHeight - (viewportHeight ?? 0)) }} aria-hidden="true" />
        </div>
        {tooltip !== null && <BarTooltip derived={derived} taskId={tooltip.taskId} x={tooltip.x} y={tooltip.y} />}
      </div>
      <div className="ws-gantt-footer">
        <button type="button" className="ws-button" aria-haspopup="true" aria-expanded={isColumnMenuOpen} onClick={() => setColumnMenuOpen((open) => !open)}>
          Columns…
        </button>
        {isColumnMenuOpen && (
          <div className="ws-column-menu" role="group" aria-label="Shown columns">
            {columnKeys.map((key) => (
              <div key={key} className="ws-column-menu-row">
                <label>
                  <input
                    type="checkbox"
                    checked={!hiddenColumns.includes(key)}
                    disabled={key === 'name'}
                    onChange={(event) =>
                      setHiddenColumns((hidden) => (event.target.checked ? hidden.filter((item) => item !== key) : [...hidden, key]))
                    }
                  />
                  {columnDefs[key].label}
                </label>
                <ColumnWidthField
                  label={columnDefs[key].label}
                  width={shownWidths[key]}
                  onCommit={(width) => setColumnWidths((widths) => ({ ...widths, [key]: width }))}
                />
              </div>
            ))}
          </div>
        )}
        <span className="ws-footer-note">
          {plan.tasks.length} tasks · {schedule !== null ? `finish ${cellDate(schedule.projectFinish)}` : 'not scheduled'}
        </span>
      </div>
      <DetailsPanel taskId={activeTaskId} />
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

type EditDone = (text: string, how: 'enter' | 'tab' | 'blur' | 'cancel') => void

function CellEditor({ initial, label, onDone }: { initial: string; label: string; onDone: EditDone }) {
  const ref = useRef<HTMLInputElement>(null)
  const isDone = useRef(false)
  useLayoutEffect(() => {
    const input = ref.current
    if (input === null) return
    input.focus({ preventScroll: true })
    input.setSelectionRange(input.value.length, input.value.length)
  }, [])
  const finish = (how: 'enter' | 'tab' | 'blur' | 'cancel'): void => {
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
        event.stopPropagation()
        if (event.key === 'Enter') {
          event.preventDefault()
          finish('enter')
        } else if (event.key === 'Escape') {
          event.preventDefault()
          finish('cancel')
        } else if (event.key === 'Tab') {
          event.preventDefault()
          finish('tab')
        }
      }}
      onBlur={() => finish('blur')}
    />
  )
}

type ChartBodyProps = {
  derived: Derived
  scale: TimeScale
  height: number
  /** The layer the row painter draws bars and link arrows into. */
  layerRef: React.RefObject<HTMLDivElement | null>
  /** The layer the timeline painter shades non-working days in. */
  shadingRef: React.RefObject<HTMLDivElement | null>
  /** The row at a y offset from the top of the chart body. */
  rowAt: (offsetY: number) => number
  /** Selects the task of a row from the keyboard (the chart keeps the focus). */
  onKeySelect: (row: number) => void
  today: number
  onSelect: (taskId: TaskId) => void
  onHover: (taskId: TaskId | null, x: number, y: number) => void
}

type Drag = {
  mode: 'pending' | 'move' | 'resize' | 'link'
  taskId: TaskId
  taskIndex: number
  startX: number
  startY: number
  bar: HTMLElement
  pointerId: number
}

function ChartBody(props: ChartBodyProps) {
  const { derived, scale, height, today } = props
  const store = useWorkspaceApi()
  const schedule = derived.schedule
  const plan = derived.plan
  const dragRef = useRef<Drag | null>(null)
  const linkLineRef = useRef<SVGLineElement>(null)

  // The keyboard's way to do what dragging does: arrows move the selected task by a working day (a
  // start-no-earlier-than constraint, as a drag sets), Shift+arrows change its duration by a day, Up and Down
  // select the previous or next row.
  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>): void => {
    const state = store.getState()
    const taskId = state.editorSelection[0]
    const index = taskId === undefined ? undefined : derived.indexOf.get(taskId)
    const key = event.key
    if (key !== 'ArrowLeft' && key !== 'ArrowRight' && key !== 'ArrowUp' && key !== 'ArrowDown') return
    event.preventDefault()
    if (key === 'ArrowUp' || key === 'ArrowDown') {
      const row = index === undefined ? -1 : (derived.rowOfTask[index] as number)
      props.onKeySelect(row < 0 ? 0 : row + (key === 'ArrowUp' ? -1 : 1))
      return
    }
    if (taskId === undefined || index === undefined || schedule === null) return
    const calendar = derived.calendar
    const minutesPerDay = plan.settings.minutesPerDay
    const step = key === 'ArrowRight' ? 1 : -1
    if (schedule.isSummary[index] === 1) {
      state.editorSetMessage("A summary's dates come from its subtasks; move the subtasks instead.")
      return
    }
    if (event.shiftKey) {
      const task = plan.tasks[index] as Task
      const minutes = Math.max(0, task.duration + step * minutesPerDay)
      if (minutes !== task.duration) state.editorDragDuration(taskId, minutes)
      return
    }
    if (calendar === null) return
    const start = schedule.start[index] as number
    const moved = calendarNextWorkingTime(calendar, calendarAddWorkingMinutes(calendar, start, step * minutesPerDay))
    state.editorDragMove(taskId, dateFromWallMinutes(moved))
  }

  const onPointerDown = (event: React.PointerEvent<HTMLDivElement>): void => {
    if (event.button !== 0) return
    const target = event.target as HTMLElement
    const bar = target.closest<HTMLElement>('[data-bar-id]')
    if (bar === null) return
    const taskId = Number(bar.dataset.barId)
    const taskIndex = derived.indexOf.get(taskId)
    if (taskIndex === undefined) return
    props.onSelect(taskId)
    const isSummary = schedule?.isSummary[taskIndex] === 1
    event.preventDefault()
    event.currentTarget.setPointerCapture(event.pointerId)
    dragRef.current = {
      mode: target.dataset.resize === '1' && !isSummary ? 'resize' : 'pending',
      taskId,
      taskIndex,
      startX: event.clientX,
      startY: event.clientY,
      bar,
      pointerId: event.pointerId,
    }
    props.onHover(null, 0, 0)
  }

  const onPointerMove = (event: React.PointerEvent<HTMLDivElement>): void => {
    const drag = dragRef.current
    if (drag === null) {
      const bar = (event.target as HTMLElement).closest<HTMLElement>('[data-bar-id]')
      if (bar !== null) props.onHover(Number(bar.dataset.barId), event.clientX, event.clientY)
      else props.onHover(null, 0, 0)
      return
    }
    const dx = event.clientX - drag.startX
    const dy = event.clientY - drag.startY
    const isSummary = schedule?.isSummary[drag.taskIndex] === 1
    if (drag.mode === 'pending' || drag.mode === 'move') {
      if (Math.abs(dy) > rowHeight * 0.75) drag.mode = 'link'
      else if (Math.abs(dx) > 3 && !isSummary) drag.mode = 'move'
    }
    if (drag.mode === 'move') drag.bar.style.transform = `translateX(${dx}px)`
    else drag.bar.style.transform = ''
    if (drag.mode === 'resize') {
      const width = drag.bar.getBoundingClientRect().width
      drag.bar.style.width = `${Math.max(3, width + (event.clientX - drag.startX))}px`
      drag.startX = event.clientX
    }
    const line = linkLineRef.current
    if (line !== null) {
      if (drag.mode === 'link') {
        const box = event.currentTarget.getBoundingClientRect()
        const barBox = drag.bar.getBoundingClientRect()
        line.setAttribute('x1', String(barBox.right - box.left))
        line.setAttribute('y1', String(barBox.top + barBox.height / 2 - box.top))
        line.setAttribute('x2', String(event.clientX - box.left))
        line.setAttribute('y2', String(event.clientY - box.top))
        line.style.display = ''
      } else line.style.display = 'none'
    }
  }

  const finishDrag = (event: React.PointerEvent<HTMLDivElement>, isCanceled: boolean): void => {
    const drag = dragRef.current
    dragRef.current = null
    if (linkLineRef.current !== null) linkLineRef.current.style.display = 'none'
    if (drag === null || schedule === null) return
    drag.bar.style.transform = ''
    const state = store.getState()
    if (isCanceled) return
    if (drag.mode === 'link') {
      const under = document.elementFromPoint(event.clientX, event.clientY)
      const targetBar = under?.closest<HTMLElement>('[data-bar-id]')
      let targetId: TaskId | null = targetBar ? Number(targetBar.dataset.barId) : null
      if (targetId === null) {
        // Dropped on the row, not the bar: link to that row's task.
        const row = props.rowAt(event.clientY - event.currentTarget.getBoundingClientRect().top)
        const index = derived.rows[row]
        targetId = index === undefined ? null : (plan.tasks[index] as Task).id
      }
      if (targetId !== null && targetId !== drag.taskId) state.editorLink(drag.taskId, targetId, 'FS')
      return
    }
    if (drag.mode === 'move') {
      const dx = event.clientX - drag.startX
      const days = Math.round(dx / scale.pxPerDay)
      if (days === 0) return
      const start = schedule.start[drag.taskIndex] as number
      state.editorDragMove(drag.taskId, dateFromWallMinutes(start + days * 1440))
      return
    }
    if (drag.mode === 'resize') {
      const rect = drag.bar.getBoundingClientRect()
      drag.bar.style.width = ''
      const start = schedule.start[drag.taskIndex] as number
      const endX = scaleX(scale, start) + rect.width
      // Snap the new finish to the end of a working day (the calendar's last working minute of that day).
      const finishDay = Math.floor(scaleMinutes(scale, endX) / 1440 - 0.5)
      const calendar = derived.calendar
      if (calendar === null) return
      const minutes = Math.max(0, calendarWorkingMinutesBetween(calendar, start, (finishDay + 1) * 1440))
      const task = plan.tasks[drag.taskIndex] as Task
      if (minutes !== task.duration) state.editorDragDuration(drag.taskId, minutes)
    }
  }

  const todayX = scaleX(scale, today)
  return (
    <div
      className="ws-chart-body"
      style={{ height }}
      tabIndex={0}
      role="group"
      aria-label="Gantt chart"
      aria-describedby="ws-chart-keys"
      data-pane="chart"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={(event) => finishDrag(event, false)}
      onPointerCancel={(event) => finishDrag(event, true)}
      onPointerLeave={() => {
        if (dragRef.current === null) props.onHover(null, 0, 0)
      }}
    >
      <div className="ws-shading" ref={props.shadingRef} />
      {todayX >= 0 && todayX <= scale.width && <div className="ws-today" style={{ left: todayX }} title={`Today, ${cellDate(today)}`} />}
      <div className="ws-chart-layer" ref={props.layerRef} />
      <p id="ws-chart-keys" className="ws-visually-hidden">
        Left and Right move the selected task by a working day; with Shift they change its duration. Up and Down select another task.
      </p>
      <svg className="ws-link-draft" aria-hidden="true">
        <line ref={linkLineRef} style={{ display: 'none' }} />
      </svg>
    </div>
  )
}

function BarTooltip({ derived, taskId, x, y }: { derived: Derived; taskId: TaskId; x: number; y: number }) {
  const index = derived.indexOf.get(taskId)
  const schedule = derived.schedule
  if (index === undefined || schedule === null) return null
  const task = derived.plan.tasks[index] as Task
  const minutesPerDay = derived.plan.settings.minutesPerDay
  return (
    <div role="tooltip" className="ws-tooltip" style={{ left: x + 14, top: y + 14 }}>
      <strong>{task.name || 'Task'}</strong>
      <div>Start: {dateWallText(schedule.start[index] as number, 'minute')}</div>
      <div>Finish: {dateWallText(schedule.finish[index] as number, 'minute')}</div>
      <div>Duration: {daysText(schedule.duration[index] as number, minutesPerDay)}</div>
      <div>Total slack: {daysText(schedule.totalSlack[index] as number, minutesPerDay)}</div>
      <div>Free slack: {daysText(schedule.freeSlack[index] as number, minutesPerDay)}</div>
      {schedule.isCritical[index] === 1 && <div className="ws-tooltip-critical">Critical</div>}
    </div>
  )
}
