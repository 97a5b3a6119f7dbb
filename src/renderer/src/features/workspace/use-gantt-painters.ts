/**
 * The Gantt view's painting machinery: measures the viewport, keeps the two painters (`RowPainter` for grid rows,
 * bars and link arrows; `TimelinePainter` for the time scale and shading) fed with the latest inputs, and moves
 * them in the scroll event itself, so a jump is painted in the frame that shows it. It also keeps the cell being
 * edited in view of its painted cell: the editor is portalled into the element this reports, and an edit whose row
 * scrolls away ends as if the field lost focus (which keeps it).
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import type { CompiledCalendar } from '../../../../shared/domain/calendar'
import type { TaskId } from '../../../../shared/domain/model'
import type { ColumnKey } from './cells'
import type { Derived } from './derived'
import { rowHeight, scaleMinutes, scaleX, type TimeScale } from './layout'
import { RowPainter, type PaintInput } from './row-painter'
import { TimelinePainter } from './timeline-painter'

export const headerHeight = 44
export const scrollbarRoom = 16

/** The cell being edited (`'new'`: in the blank row). */
export type EditCell = { taskId: TaskId | 'new'; column: ColumnKey }

export type GanttPaintersInput = Omit<PaintInput, 'derived'> & { derived: Derived | null; editCell: EditCell | null }

export type GanttPainters = {
  scrollerRef: RefObject<HTMLDivElement | null>
  gridRowsRef: RefObject<HTMLDivElement | null>
  chartRowsRef: RefObject<HTMLDivElement | null>
  chartPaneRef: RefObject<HTMLDivElement | null>
  headerRef: RefObject<HTMLDivElement | null>
  shadingRef: RefObject<HTMLDivElement | null>
  /** The scroller's height once measured (`null` before the first measurement). */
  viewportHeight: number | null
  /** The height the rows have. */
  rowsViewport: number
  /** The painted cell the cell editor goes into, or `null`. */
  editTarget: HTMLElement | null
  /** Scrolls the rows so `row` is in view. */
  scrollRowIntoView(row: number): void
  /** Scrolls the chart so the bar from `start` to `finish` (wall minutes) is in view. */
  scrollBarIntoView(start: number, finish: number): void
  /** The row at a y offset from the top of the rows. */
  rowAt(offsetY: number): number
  /** Gives the hovered grid cell or time-scale cell its tooltip. */
  titleAt(target: Element, where: 'grid' | 'timeline'): void
}

export function useGanttPainters(input: GanttPaintersInput): GanttPainters {
  const { derived, scale, columns, columnWidths, selected, activeTaskId, activeColumn, isCriticalShown, overallocations, editCell, cellView, isTrackingShown, blankRow, isBlankActive } = input
  const scrollerRef = useRef<HTMLDivElement>(null)
  const gridRowsRef = useRef<HTMLDivElement>(null)
  const chartRowsRef = useRef<HTMLDivElement>(null)
  const chartPaneRef = useRef<HTMLDivElement>(null)
  const headerRef = useRef<HTMLDivElement>(null)
  const shadingRef = useRef<HTMLDivElement>(null)
  const painterRef = useRef<RowPainter | null>(null)
  const timelineRef = useRef<TimelinePainter | null>(null)
  const [viewportHeight, setViewportHeight] = useState<number | null>(null)
  const [editTarget, setEditTarget] = useState<HTMLElement | null>(null)
  // What the scroll handler reads between renders: the edit and its cell, positions, the x range painted, and the
  // scale it is drawn at.
  const editRef = useRef<{ cell: EditCell | null; target: HTMLElement | null }>({ cell: null, target: null })
  const windowRef = useRef<{ x0: number; x1: number; top: number; scale: TimeScale | null; calendar: CompiledCalendar | null }>({
    x0: 0,
    x1: 3000,
    top: 0,
    scale: null,
    calendar: null,
  })
  const chartWidthRef = useRef(1000)
  useLayoutEffect(() => {
    editRef.current = { cell: editCell, target: editTarget }
  }, [editCell, editTarget])
  const rowsViewport = Math.max(rowHeight, (viewportHeight ?? 0) - headerHeight - scrollbarRoom)

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
    // The edited row left the window (its cell now shows another row): the edit ends as if the cell lost focus.
    const { cell, target } = editRef.current
    if (cell !== null && target !== null && painterRef.current?.cellElement(cell.taskId, cell.column) !== target) {
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
        syncScroll()
      }
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(scroller)
    if (chart !== null) observer.observe(chart)
    return () => observer.disconnect()
  }, [syncScroll])

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

  // On a zoom change keep the same date at the left edge; at first, show the project start.
  const previousScale = useRef<TimeScale | null>(null)
  const projectStart = derived?.schedule?.projectStart
  useLayoutEffect(() => {
    const chart = chartPaneRef.current
    const before = previousScale.current
    previousScale.current = scale
    if (chart === null) return
    if (before === null) {
      if (projectStart !== undefined && Number.isFinite(projectStart)) chart.scrollLeft = Math.max(0, scaleX(scale, projectStart) - 40)
    } else if (before.zoom !== scale.zoom) {
      chart.scrollLeft = Math.max(0, scaleX(scale, scaleMinutes(before, chart.scrollLeft)))
    }
    const left = chart.scrollLeft
    const width = chartWidthRef.current
    windowRef.current.x0 = Math.max(0, left - width / 2)
    windowRef.current.x1 = left + width * 1.5
  }, [scale, projectStart])

  // The painters draw the rows into the layers React rendered (a new painter when they were remounted) whenever
  // an input changed; unchanged cells are not touched.
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
      painter.onEditCell = setEditTarget
      painterRef.current = painter
      painter.scroll(windowRef.current.top)
    }
    painter.update({ derived, columns, columnWidths, selected, activeTaskId, activeColumn, isCriticalShown, overallocations, scale, cellView, isTrackingShown, blankRow, isBlankActive })
    painter.resize(rowsViewport / rowHeight)
    const state = windowRef.current
    state.scale = scale
    state.calendar = derived.calendar
    painter.setXWindow(state.x0, state.x1)
    painter.setEditCell(editCell)
    const header = headerRef.current
    const shading = shadingRef.current
    let timeline = timelineRef.current
    if (header !== null && shading !== null && (timeline === null || timeline.header !== header || timeline.shading !== shading)) {
      timeline?.dispose()
      timeline = new TimelinePainter(header, shading)
      timelineRef.current = timeline
    }
    timeline?.update(scale, derived.calendar, state.x0, state.x1)
  }, [derived, viewportHeight, columns, columnWidths, selected, activeTaskId, activeColumn, isCriticalShown, overallocations, scale, rowsViewport, editCell, cellView, isTrackingShown, blankRow, isBlankActive])
  useEffect(
    () => () => {
      painterRef.current?.dispose()
      timelineRef.current?.dispose()
    },
    [],
  )

  const scrollRowIntoView = useCallback(
    (row: number) => {
      const scroller = scrollerRef.current
      if (scroller === null || row < 0) return
      const top = row * rowHeight
      const viewport = scroller.clientHeight - headerHeight - scrollbarRoom
      if (top < scroller.scrollTop) scroller.scrollTop = top
      else if (top + rowHeight > scroller.scrollTop + viewport) scroller.scrollTop = top + rowHeight - viewport
      syncScroll()
    },
    [syncScroll],
  )

  const scrollBarIntoView = useCallback(
    (start: number, finish: number) => {
      const chart = chartPaneRef.current
      if (chart === null) return
      const left = scaleX(scale, start)
      const right = scaleX(scale, finish)
      if (left < chart.scrollLeft || right > chart.scrollLeft + chart.clientWidth) {
        chart.scrollLeft = Math.max(0, left - Math.min(120, chart.clientWidth / 4))
        syncScroll()
      }
    },
    [scale, syncScroll],
  )

  return {
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
    rowAt: (offsetY) => Math.floor((offsetY + windowRef.current.top) / rowHeight),
    titleAt: (target, where) => {
      if (where === 'grid') painterRef.current?.titleAt(target)
      else timelineRef.current?.titleAt(target)
    },
  }
}
