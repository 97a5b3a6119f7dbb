/**
 * The chart body: the layers the painters draw bars, link arrows and non-working-day shading into, and the pointer
 * and keyboard handling on them. Dragging a bar moves it by working days (`bar-drag.ts`), dragging its end changes
 * its duration, dragging up or down to another row links the two tasks; the chart's keys do the same from the
 * keyboard (the key table's `chart` scope).
 */
import { useRef, type RefObject } from 'react'
import { keyBindingFind } from '../../../../shared/commands/keys'
import { workFormat } from '../../../../shared/commands/work'
import { calendarCompile, calendarIsProblem } from '../../../../shared/domain/calendar'
import type { BaselineNumber, TaskId } from '../../../../shared/domain/model'
import { dateShowTime } from '../../ui/date-format'
import { barDragModeAfter, barDragWorkingDays, barEndX, barNudgedDuration, barResizeMinutes, type BarDragMode } from './bar-drag'
import { cellDate } from './cells'
import type { Derived } from './derived'
import { scaleX, type TimeScale } from './layout'
import { noteStretch, noteViolation, scheduleNotes } from './schedule-notes'
import { trackingBaselineName, trackingBaselineOf, trackingDateVariance, trackingDaysText } from './tracking'
import { useWorkspaceApi } from './workspace-store'

type ChartBodyProps = {
  derived: Derived
  scale: TimeScale
  height: number
  /** The layer the row painter draws bars and link arrows into. */
  layerRef: RefObject<HTMLDivElement | null>
  /** The layer the timeline painter shades non-working days in. */
  shadingRef: RefObject<HTMLDivElement | null>
  /** The row at a y offset from the top of the chart body. */
  rowAt: (offsetY: number) => number
  /** Selects the task of a row from the keyboard (the chart keeps the focus). */
  onKeySelect: (row: number) => void
  /** Now, in wall minutes. */
  today: number
  /** The plan's status date in wall minutes (`null`: none set), drawn as a line. */
  statusDate?: number | null
  onSelect: (taskId: TaskId) => void
  onHover: (taskId: TaskId | null, x: number, y: number) => void
}

type Drag = {
  mode: BarDragMode
  taskId: TaskId
  taskIndex: number
  startX: number
  startY: number
  bar: HTMLElement
  pointerId: number
}

export function ChartBody({ derived, scale, height, today, statusDate = null, layerRef, shadingRef, rowAt, onKeySelect, onSelect, onHover }: ChartBodyProps) {
  const store = useWorkspaceApi()
  const schedule = derived.schedule
  const plan = derived.plan
  const dragRef = useRef<Drag | null>(null)
  const linkLineRef = useRef<SVGLineElement>(null)

  /** The calendar a task is scheduled on (its own, else the project's). */
  const calendarOf = (taskIndex: number) => {
    const calendar = calendarCompile(plan, plan.tasks[taskIndex]?.calendarId ?? plan.calendarId)
    return calendarIsProblem(calendar) ? null : calendar
  }

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>): void => {
    const action = keyBindingFind('chart', event)?.action
    if (action === undefined) return
    event.preventDefault()
    const state = store.getState()
    const taskId = state.editorSelection[0]
    const index = taskId === undefined ? undefined : derived.indexOf.get(taskId)
    if (action === 'chart/up' || action === 'chart/down') {
      const row = index === undefined ? -1 : (derived.rowOfTask[index] ?? -1)
      onKeySelect(row < 0 ? 0 : row + (action === 'chart/up' ? -1 : 1))
      return
    }
    if (taskId === undefined || index === undefined) return
    if (action === 'chart/later' || action === 'chart/earlier') {
      state.editorRun('task/move-by-working-days', { taskId, days: action === 'chart/later' ? 1 : -1 })
    } else if (action === 'chart/longer' || action === 'chart/shorter') {
      const task = plan.tasks[index]
      if (task === undefined) return
      const minutes = barNudgedDuration(task.duration, action === 'chart/longer' ? 1 : -1, plan.settings.minutesPerDay)
      if (minutes !== task.duration || derived.schedule?.isSummary[index] === 1) state.editorRun('task/resize', { taskId, minutes })
    }
  }

  const onPointerDown = (event: React.PointerEvent<HTMLDivElement>): void => {
    if (event.button !== 0 || !(event.target instanceof Element)) return
    const bar = event.target.closest<HTMLElement>('[data-bar-id]')
    if (bar === null) return
    const taskId = Number(bar.dataset.barId)
    const taskIndex = derived.indexOf.get(taskId)
    if (taskIndex === undefined) return
    onSelect(taskId)
    const isSummary = schedule?.isSummary[taskIndex] === 1
    const isResizeHandle = event.target instanceof HTMLElement && event.target.dataset.resize === '1'
    event.preventDefault()
    event.currentTarget.setPointerCapture(event.pointerId)
    dragRef.current = {
      mode: isResizeHandle && !isSummary ? 'resize' : 'pending',
      taskId,
      taskIndex,
      startX: event.clientX,
      startY: event.clientY,
      bar,
      pointerId: event.pointerId,
    }
    onHover(null, 0, 0)
  }

  const onPointerMove = (event: React.PointerEvent<HTMLDivElement>): void => {
    const drag = dragRef.current
    if (drag === null) {
      const bar = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-bar-id]') : null
      if (bar !== null) onHover(Number(bar.dataset.barId), event.clientX, event.clientY)
      else onHover(null, 0, 0)
      return
    }
    const dx = event.clientX - drag.startX
    drag.mode = barDragModeAfter(drag.mode, dx, event.clientY - drag.startY, schedule?.isSummary[drag.taskIndex] === 1)
    drag.bar.style.transform = drag.mode === 'move' ? `translateX(${dx}px)` : ''
    if (drag.mode === 'resize') {
      const width = drag.bar.getBoundingClientRect().width
      drag.bar.style.width = `${Math.max(3, width + dx)}px`
      drag.startX = event.clientX
    }
    const line = linkLineRef.current
    if (line === null) return
    if (drag.mode !== 'link') {
      line.style.display = 'none'
      return
    }
    const box = event.currentTarget.getBoundingClientRect()
    const barBox = drag.bar.getBoundingClientRect()
    line.setAttribute('x1', String(barBox.right - box.left))
    line.setAttribute('y1', String(barBox.top + barBox.height / 2 - box.top))
    line.setAttribute('x2', String(event.clientX - box.left))
    line.setAttribute('y2', String(event.clientY - box.top))
    line.style.display = ''
  }

  const finishDrag = (event: React.PointerEvent<HTMLDivElement>, isCanceled: boolean): void => {
    const drag = dragRef.current
    dragRef.current = null
    if (linkLineRef.current !== null) linkLineRef.current.style.display = 'none'
    if (drag === null || schedule === null) return
    drag.bar.style.transform = ''
    if (isCanceled) return
    const state = store.getState()
    const start = schedule.start[drag.taskIndex]
    if (drag.mode === 'link') {
      const targetBar = document.elementFromPoint(event.clientX, event.clientY)?.closest<HTMLElement>('[data-bar-id]')
      let targetId: TaskId | null = targetBar ? Number(targetBar.dataset.barId) : null
      if (targetId === null) {
        // Dropped on the row, not the bar: link to that row's task.
        const index = derived.rows[rowAt(event.clientY - event.currentTarget.getBoundingClientRect().top)]
        targetId = index === undefined ? null : (plan.tasks[index]?.id ?? null)
      }
      if (targetId !== null && targetId !== drag.taskId) state.editorRun('link/add', { predecessorId: drag.taskId, successorId: targetId, type: 'FS' })
      return
    }
    const calendar = calendarOf(drag.taskIndex)
    if (start === undefined || calendar === null) return
    if (drag.mode === 'move') {
      const days = barDragWorkingDays(calendar, scale, start, event.clientX - drag.startX, plan.settings.minutesPerDay)
      if (days !== 0) state.editorRun('task/move-by-working-days', { taskId: drag.taskId, days })
      return
    }
    if (drag.mode === 'resize') {
      const width = drag.bar.getBoundingClientRect().width
      drag.bar.style.width = ''
      const minutes = barResizeMinutes(calendar, scale, start, barEndX(scale, start, width))
      if (minutes !== plan.tasks[drag.taskIndex]?.duration) state.editorRun('task/resize', { taskId: drag.taskId, minutes })
    }
  }

  const todayX = scaleX(scale, today)
  const statusX = statusDate === null ? null : scaleX(scale, statusDate)
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
        if (dragRef.current === null) onHover(null, 0, 0)
      }}
    >
      <div className="ws-shading" ref={shadingRef} />
      {todayX >= 0 && todayX <= scale.width && <div className="ws-today" style={{ left: todayX }} title={`Today, ${cellDate(today)}`} />}
      {statusX !== null && statusX >= 0 && statusX <= scale.width && (
        <div className="ws-status-date" data-testid="status-date-line" role="img" aria-label={`Status date, ${cellDate(statusDate ?? 0)}`} title={`Status date, ${cellDate(statusDate ?? 0)}`} style={{ left: statusX }} />
      )}
      <div className="ws-chart-layer" ref={layerRef} />
      <p id="ws-chart-keys" className="ws-visually-hidden">
        Left and Right move the selected task by a working day; with Shift they change its duration. Up and Down select another task.
      </p>
      <svg className="ws-link-draft" aria-hidden="true">
        <line ref={linkLineRef} style={{ display: 'none' }} />
      </svg>
    </div>
  )
}

function daysText(minutes: number, minutesPerDay: number): string {
  return `${Math.round((minutes / minutesPerDay) * 10) / 10} d`
}

/** The tooltip of a hovered bar: dates, duration, work, slack, critical; a manual task's mode and broken links; what stretched it. */
export function BarTooltip({ derived, taskId, x, y, baselineNumber = 0 }: { derived: Derived; taskId: TaskId; x: number; y: number; baselineNumber?: BaselineNumber }) {
  const index = derived.indexOf.get(taskId)
  const schedule = derived.schedule
  const task = index === undefined ? undefined : derived.plan.tasks[index]
  if (index === undefined || task === undefined || schedule === null) return null
  const minutesPerDay = derived.plan.settings.minutesPerDay
  const at = (values: Float64Array): number => values[index] ?? Number.NaN
  const notes = scheduleNotes(schedule)
  const violations = notes.violations.get(taskId) ?? []
  const stretches = notes.stretches.get(taskId) ?? []
  const resources = new Map(derived.plan.resources.map((resource) => [resource.id, resource]))
  const isManual = task.schedulingMode === 'manual'
  const rolledStart = at(schedule.rolledStart)
  const rolledFinish = at(schedule.rolledFinish)
  const baseline = trackingBaselineOf(derived.plan, index, baselineNumber)
  return (
    <div role="tooltip" className="ws-tooltip" style={{ left: x + 14, top: y + 14 }}>
      <strong>{task.name || 'Task'}</strong>
      {isManual && <div className="ws-tooltip-manual">Manually scheduled</div>}
      <div>Start: {isManual && task.manualStart === null ? '(blank) ' : ''}{dateShowTime(at(schedule.start))}</div>
      <div>Finish: {isManual && task.manualFinish === null ? '(blank) ' : ''}{dateShowTime(at(schedule.finish))}</div>
      <div>Duration: {daysText(at(schedule.duration), minutesPerDay)}</div>
      {isManual && Number.isFinite(rolledStart) && (
        <div>
          Its tasks: {dateShowTime(rolledStart)} to {dateShowTime(rolledFinish)}
        </div>
      )}
      {at(schedule.work) > 0 && <div>Work: {workFormat(at(schedule.work))}</div>}
      {at(schedule.percentComplete) > 0 && <div>Complete: {Math.round(at(schedule.percentComplete))}%</div>}
      {baseline !== null && (baseline.start !== null || baseline.finish !== null) && (
        <div>
          {trackingBaselineName(baselineNumber)}: {baseline.start?.slice(0, 10) ?? '?'} to {baseline.finish?.slice(0, 10) ?? '?'}
          {baseline.finish !== null && ` (finish ${trackingDaysText(trackingDateVariance(derived.plan, schedule, index, baselineNumber, 'finish'), derived.plan)})`}
        </div>
      )}
      <div>Total slack: {daysText(at(schedule.totalSlack), minutesPerDay)}</div>
      <div>Free slack: {daysText(at(schedule.freeSlack), minutesPerDay)}</div>
      {task.levelingDelay > 0 && <div>Leveling delay: {Math.round((task.levelingDelay / 1440) * 10) / 10} elapsed days</div>}
      {schedule.isCritical[index] === 1 && <div className="ws-tooltip-critical">Critical</div>}
      {violations.map((violation) => (
        <div key={violation.dependencyId} className="ws-tooltip-critical">
          {noteViolation(derived.plan, derived.indexOf, violation)}
        </div>
      ))}
      {stretches.map((stretch, position) => (
        <div key={position} className="ws-tooltip-stretch">
          {noteStretch(derived.plan, resources, stretch)}
        </div>
      ))}
    </div>
  )
}
