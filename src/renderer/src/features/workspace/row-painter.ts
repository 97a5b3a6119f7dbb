/**
 * The rows of the Gantt view (grid rows, chart bars and link arrows), painted without React.
 *
 * A fixed pool of slots, each one grid row plus one chart bar, is reused as the view scrolls: row r lives in
 * slot r % poolSize. Scrolling by a row repaints the one slot that comes into view; a jump repaints each slot
 * once. Every DOM write is skipped when the DOM already holds the value, so an unchanged cell costs no style,
 * layout or mutation. React owns everything around the rows (headers, the cell editor, panels) and hands the
 * painter its inputs after each render (`update`); the scroll handler moves the window directly (`scroll`),
 * in the scroll event, so a jump is painted in the frame that shows it.
 *
 * Rows are placed relative to a base row that changes every 1,024 rows, so the layers stay a few thousand
 * pixels tall whatever the plan's size; the layers are moved with a transform.
 *
 * Besides the tasks' rows the painter paints one blank row, where a new task is typed: after the last row, or where
 * Insert opened one (`blankRow`); the rows below it move down by one. The columns up to the task name are frozen
 * (sticky at the left of the grid pane), and the Indicators column shows one sign per indicator (`indicators.ts`).
 */
import type { Dependency, Task, TaskId } from '../../../../shared/domain/model'
import { dateToWallMinutes } from '../../../../shared/domain/dates'
import { cellDate, cellText, cellViewDefault, columnDefs, columnsFrozen, type CellView, type ColumnKey } from './cells'
import type { Derived } from './derived'
import { px, setAttr, setClass, setHidden, setStyle, setText } from './dom-writes'
import { indicatorDefs } from './indicators'
import { rowHeight, scaleX, type TimeScale } from './layout'
import { noteStretch, noteViolatedField, noteViolation, scheduleNotes } from './schedule-notes'
import { trackingBaselineName, trackingBaselineOf, trackingDaysText, trackingWorkingBetween, trackingTaskCalendar } from './tracking'

export type PaintInput = {
  derived: Derived
  columns: readonly ColumnKey[]
  columnWidths: Readonly<Record<ColumnKey, number>>
  selected: ReadonlySet<TaskId>
  activeTaskId: TaskId | null
  activeColumn: ColumnKey
  isCriticalShown: boolean
  /** Why a task is over-allocated (resources, peak, other tasks), by task. */
  overallocations: ReadonlyMap<TaskId, string>
  scale: TimeScale
  /** The baseline of the baseline and variance columns, and of the tracking bars. */
  cellView?: CellView
  /** The Tracking Gantt: the baseline drawn under each bar, slipped tasks marked. */
  isTrackingShown?: boolean
  /** The view row of the blank row (`derived.rows.length`: after the last row); rows from it on move down by one. */
  blankRow: number
  /** The active cell is in the blank row (in `activeColumn`). */
  isBlankActive: boolean
}

type NameParts = {
  indent: HTMLElement
  toggle: HTMLButtonElement
  toggleText: Text
  label: HTMLElement
  text: Text
  mark: HTMLElement
  /** A link the task's manual dates break (Microsoft Project marks it in red). */
  linkMarker: HTMLElement
}
/** One sign of the Indicators column per indicator definition, hidden when it does not apply. */
type IndicatorPart = { element: HTMLElement; isTitled: boolean }
/** `isTitled`: the cell was hovered and has a tooltip, which a repaint then keeps up to date. */
type Cell = { key: ColumnKey; element: HTMLElement; text: Text; name: NameParts | null; indicators: IndicatorPart[] | null; isTitled: boolean }
type Slot = {
  /** The row painted, -1 when none; `generation` says with which inputs. */
  row: number
  generation: number
  base: number
  rowElement: HTMLElement
  cells: Cell[]
  bar: HTMLElement
  progress: HTMLElement
  end: HTMLElement
  /** The leveling delay before the bar: a thin line from where the task would start to where it starts. */
  delay: HTMLElement
  /** A manual summary's rolled-up span, drawn under its own bar. */
  rollup: HTMLElement
  /** The Tracking Gantt's baseline bar (a diamond for a milestone). */
  baseline: HTMLElement
}

const svgNs = 'http://www.w3.org/2000/svg'
const baseRows = 1024
/** How far an arrow reaches left or right of its two ends (its elbows, and its head). */
export const linkReach = 12

/**
 * The tooltip of a cell: the whole text, for the columns whose text may be cut off; on the name, what stretched the
 * task too (a vacation of one of its people); on a manual task's start or finish, the link that date breaks.
 */
function cellTitle(derived: Derived, taskIndex: number, key: ColumnKey, text: string): string | null {
  const task = derived.plan.tasks[taskIndex]
  if (task === undefined) return null
  const notes = scheduleNotes(derived.schedule)
  if (key === 'start' || key === 'finish') {
    const violations = noteViolatedField(notes.violations.get(task.id), key)
    return violations.length === 0 ? null : violations.map((violation) => noteViolation(derived.plan, derived.indexOf, violation)).join('\n')
  }
  if (key === 'name') {
    const stretches = notes.stretches.get(task.id)
    if (stretches === undefined) return text
    const resources = new Map(derived.plan.resources.map((resource) => [resource.id, resource]))
    return [text, ...stretches.map((stretch) => noteStretch(derived.plan, resources, stretch))].join('\n')
  }
  if (key === 'mode') return task.schedulingMode === 'manual' ? 'Manually scheduled: links do not move it (click to schedule it automatically)' : 'Auto scheduled (click to schedule it manually)'
  return key === 'predecessors' || key === 'resources' ? text : null
}

/** The SVG path of a link arrow from (x1, y1) leaving the start or finish of its bar to (x2, y2). */
export function linkPath(x1: number, y1: number, fromStart: boolean, x2: number, y2: number, toFinish: boolean): string {
  const out = fromStart ? -1 : 1
  const into = toFinish ? -1 : 1
  const a = x1 + out * 8
  const b = x2 - into * 8
  const direct = into > 0 ? x2 - a >= 4 : a - x2 >= 4
  const r = (value: number): number => Math.round(value * 10) / 10
  if (direct) return `M${r(x1)},${y1}H${r(a)}V${y2}H${r(x2)}`
  const middle = y2 > y1 ? y2 - rowHeight / 2 : y2 + rowHeight / 2
  return `M${r(x1)},${y1}H${r(a)}V${middle}H${r(b)}V${y2}H${r(x2)}`
}

export class RowPainter {
  private slots: Slot[] = []
  private input: PaintInput | null = null
  private generation = 0
  private start = 0
  private top = 0
  private poolSize = 0
  private readonly links: SVGSVGElement
  private readonly linkPaths = new Map<number, SVGPathElement>()
  private readonly freePaths: SVGPathElement[] = []
  private linksKey = ''
  /** The x range of the chart the link layer covers. */
  private x0 = 0
  private x1 = 0
  private editCell: { taskId: TaskId | 'new'; column: ColumnKey } | null = null
  /** The left offset of each frozen column (sticky), from the shown columns and their widths. */
  private frozenLeft = new Map<ColumnKey, number>()
  private frozenEdge: ColumnKey | null = null
  private editElement: HTMLElement | null = null
  /**
   * Told which cell element the cell editor belongs in whenever that changes: a new row's cell exists only after
   * the painter painted it, so the view learns it from here.
   */
  onEditCell: ((element: HTMLElement | null) => void) | null = null

  constructor(
    readonly gridLayer: HTMLElement,
    readonly chartLayer: HTMLElement,
    private readonly overscan = 2,
  ) {
    this.links = document.createElementNS(svgNs, 'svg')
    this.links.setAttribute('class', 'ws-links')
    this.links.setAttribute('aria-hidden', 'true')
    this.links.innerHTML =
      '<defs><marker id="ws-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L8,4 L0,8 z" class="ws-arrow-head"/></marker>' +
      '<marker id="ws-arrow-critical" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L8,4 L0,8 z" class="ws-arrow-head is-critical"/></marker></defs>'
    chartLayer.append(this.links)
  }

  /** Removes everything the painter added. */
  dispose(): void {
    for (const slot of this.slots) {
      slot.rowElement.remove()
      slot.bar.remove()
      slot.delay.remove()
      slot.rollup.remove()
      slot.baseline.remove()
    }
    this.links.remove()
    this.slots = []
  }

  /** Sizes the pool for a viewport of `viewportRows` rows. */
  resize(viewportRows: number): void {
    const size = Math.max(1, Math.ceil(viewportRows) + 1 + this.overscan * 2)
    if (size === this.poolSize) return
    this.poolSize = size
    while (this.slots.length < size) this.slots.push(this.createSlot())
    while (this.slots.length > size) {
      const slot = this.slots.pop() as Slot
      slot.rowElement.remove()
      slot.bar.remove()
      slot.delay.remove()
      slot.rollup.remove()
      slot.baseline.remove()
    }
    for (const slot of this.slots) slot.row = -1
    this.paint()
  }

  /** New inputs after a render; slots are repainted only where something they show may have changed. */
  update(input: PaintInput): void {
    const previous = this.input
    this.input = input
    if (
      previous === null ||
      previous.derived !== input.derived ||
      previous.columns !== input.columns ||
      previous.columnWidths !== input.columnWidths ||
      previous.selected !== input.selected ||
      previous.activeTaskId !== input.activeTaskId ||
      previous.activeColumn !== input.activeColumn ||
      previous.isCriticalShown !== input.isCriticalShown ||
      previous.overallocations !== input.overallocations ||
      previous.scale !== input.scale ||
      previous.cellView !== input.cellView ||
      previous.isTrackingShown !== input.isTrackingShown ||
      previous.blankRow !== input.blankRow ||
      previous.isBlankActive !== input.isBlankActive
    ) {
      this.generation++
      if (previous === null || previous.columns !== input.columns) this.rebuildCells()
      if (previous === null || previous.columns !== input.columns || previous.columnWidths !== input.columnWidths) this.measureFrozen(input)
    }
    this.paint()
    this.reportEditCell()
  }

  private measureFrozen(input: PaintInput): void {
    const frozen = columnsFrozen(input.columns)
    this.frozenLeft = new Map()
    this.frozenEdge = null
    let left = 0
    for (const key of input.columns) {
      if (!frozen.has(key)) break
      this.frozenLeft.set(key, left)
      this.frozenEdge = key
      left += input.columnWidths[key]
    }
  }

  /** The view row of a task's row (rows from the blank row on are one lower). */
  private viewRow(taskRow: number): number {
    const blank = this.input?.blankRow ?? Number.POSITIVE_INFINITY
    return taskRow >= blank ? taskRow + 1 : taskRow
  }

  /** The cell being edited (`null`: none); its element is reported through `onEditCell`. */
  setEditCell(cell: { taskId: TaskId | 'new'; column: ColumnKey } | null): void {
    this.editCell = cell
    this.reportEditCell()
  }

  private reportEditCell(): void {
    const cell = this.editCell
    const element = cell === null ? null : this.cellElement(cell.taskId, cell.column)
    if (element === this.editElement) return
    this.editElement = element
    this.onEditCell?.(element)
  }

  /** The chart's x range around the view changed: the link layer covers [x0, x1]. */
  setXWindow(x0: number, x1: number): void {
    if (x0 === this.x0 && x1 === this.x1) return
    this.x0 = x0
    this.x1 = x1
    this.paint()
  }

  /** The view scrolled to `top` pixels (of the rows): moves the window and the layers. */
  scroll(top: number): void {
    this.top = top
    this.paint()
  }

  /** The cell element showing a task's column (`'new'`: the blank row's), or null when its row is not in the window. */
  cellElement(taskId: TaskId | 'new', column: ColumnKey): HTMLElement | null {
    const input = this.input
    if (input === null || this.poolSize === 0) return null
    let row = input.blankRow
    if (taskId !== 'new') {
      const index = input.derived.indexOf.get(taskId)
      const taskRow = index === undefined ? -1 : (input.derived.rowOfTask[index] ?? -1)
      if (taskRow < 0) return null
      row = this.viewRow(taskRow)
    }
    if (row < this.start || row >= this.start + this.poolSize) return null
    const slot = this.slots[row % this.poolSize] as Slot
    if (slot.row !== row) return null
    return slot.cells.find((cell) => cell.key === column)?.element ?? null
  }

  /**
   * Gives the cell under the pointer its whole text as a tooltip, for the columns whose text may be cut off.
   * Done on hover rather than on every paint: a jump then writes no tooltips.
   */
  titleAt(target: Element): void {
    const input = this.input
    // An indicator's tooltip is its sentence (already its accessible name).
    const element = target.closest<HTMLElement>('[role="gridcell"]')
    if (input === null || element === null) return
    const indicator = target.closest<HTMLElement>('.ws-indicator')
    if (indicator !== null) {
      for (const slot of this.slots) {
        for (const part of slot.cells.find((cell) => cell.key === 'indicators')?.indicators ?? []) {
          if (part.element !== indicator) continue
          part.isTitled = true
          setAttr(indicator, 'title', indicator.getAttribute('aria-label'))
        }
      }
      return
    }
    const slot = this.slots.find((item) => item.rowElement === element.parentElement)
    const cell = slot?.cells.find((item) => item.element === element)
    if (slot === undefined || cell === undefined || slot.row < 0 || slot.row === input.blankRow) return
    const taskRow = slot.row > input.blankRow ? slot.row - 1 : slot.row
    if (taskRow >= input.derived.rows.length) return
    cell.isTitled = true
    const taskIndex = input.derived.rows[taskRow] as number
    setAttr(element, 'title', cellTitle(input.derived, taskIndex, cell.key, cellText(input.derived, taskIndex, cell.key, input.cellView)))
  }

  private paint(): void {
    const input = this.input
    if (input === null || this.poolSize === 0) return
    // The tasks' rows and the blank row.
    const rowCount = input.derived.rows.length + 1
    const wanted = Math.floor(this.top / rowHeight) - this.overscan
    const start = Math.max(0, Math.min(wanted, rowCount - this.poolSize))
    this.start = start
    const base = start - (start % baseRows)
    for (let row = start; row < start + this.poolSize; row++) {
      const slot = this.slots[row % this.poolSize] as Slot
      if (slot.row !== row || slot.generation !== this.generation || slot.base !== base) this.paintSlot(slot, row, base, input)
    }
    const transform = `translateY(${base * rowHeight - this.top}px)`
    setStyle(this.gridLayer, 'transform', transform)
    setStyle(this.chartLayer, 'transform', transform)
    this.paintLinks(input, start, base)
  }

  private createSlot(): Slot {
    const rowElement = document.createElement('div')
    rowElement.setAttribute('role', 'row')
    rowElement.hidden = true
    this.gridLayer.append(rowElement)
    const bar = document.createElement('div')
    bar.setAttribute('role', 'img')
    bar.hidden = true
    const progress = document.createElement('div')
    progress.className = 'ws-bar-progress'
    const end = document.createElement('div')
    end.className = 'ws-bar-end'
    end.dataset.resize = '1'
    bar.append(progress, end)
    const delay = document.createElement('div')
    delay.className = 'ws-bar-delay'
    delay.setAttribute('aria-hidden', 'true')
    delay.hidden = true
    const rollup = document.createElement('div')
    rollup.className = 'ws-rollup'
    rollup.setAttribute('aria-hidden', 'true')
    rollup.hidden = true
    const baseline = document.createElement('div')
    baseline.className = 'ws-baseline'
    baseline.hidden = true
    this.chartLayer.append(baseline, delay, bar, rollup)
    const slot: Slot = { row: -1, generation: -1, base: -1, rowElement, cells: [], bar, progress, end, delay, rollup, baseline }
    this.fillCells(slot)
    return slot
  }

  private rebuildCells(): void {
    for (const slot of this.slots) {
      slot.rowElement.replaceChildren()
      slot.cells = []
      this.fillCells(slot)
    }
  }

  private fillCells(slot: Slot): void {
    const columns = this.input?.columns ?? []
    for (const key of columns) {
      const element = document.createElement('div')
      element.setAttribute('role', 'gridcell')
      element.dataset.col = key
      const text = document.createTextNode('')
      let name: NameParts | null = null
      let indicators: IndicatorPart[] | null = null
      if (key === 'indicators') {
        indicators = indicatorDefs.map((def) => {
          const sign = document.createElement('span')
          sign.setAttribute('role', 'img')
          sign.dataset.indicator = def.key
          sign.hidden = true
          sign.textContent = def.glyph
          element.append(sign)
          return { element: sign, isTitled: false }
        })
      } else if (key === 'name') {
        const indent = document.createElement('span')
        indent.className = 'ws-indent'
        indent.setAttribute('aria-hidden', 'true')
        const toggle = document.createElement('button')
        toggle.type = 'button'
        toggle.tabIndex = -1
        const toggleText = document.createTextNode('')
        toggle.append(toggleText)
        const label = document.createElement('span')
        const mark = document.createElement('span')
        mark.className = 'ws-milestone-mark'
        mark.setAttribute('aria-label', 'milestone')
        mark.textContent = ' ◆'
        label.append(text, mark)
        const linkMarker = document.createElement('span')
        linkMarker.className = 'ws-link-marker'
        linkMarker.setAttribute('role', 'img')
        linkMarker.hidden = true
        element.append(indent, toggle, label, linkMarker)
        name = { indent, toggle, toggleText, label, text, mark, linkMarker }
      } else if (key === 'mode') {
        // The mode is a toggle, as Microsoft Project's Task Mode cell is a choice; typing in it works too.
        const toggle = document.createElement('button')
        toggle.type = 'button'
        toggle.tabIndex = -1
        toggle.className = 'ws-mode-toggle'
        toggle.append(text)
        element.append(toggle)
      } else element.append(text)
      slot.rowElement.append(element)
      slot.cells.push({ key, element, text, name, indicators, isTitled: false })
    }
  }

  private paintSlot(slot: Slot, row: number, base: number, input: PaintInput): void {
    slot.row = row
    slot.generation = this.generation
    slot.base = base
    const { derived } = input
    const rowElement = slot.rowElement
    if (row === input.blankRow) {
      this.paintBlank(slot, row, base, input)
      return
    }
    const taskRow = row > input.blankRow ? row - 1 : row
    if (taskRow >= derived.rows.length) {
      // An unused slot keeps no identity, so nothing finds a stale row or bar in it.
      setHidden(rowElement, true)
      setAttr(rowElement, 'data-task-id', null)
      this.hideBar(slot)
      return
    }
    const taskIndex = derived.rows[taskRow] as number
    const task = derived.plan.tasks[taskIndex] as Task
    const schedule = derived.schedule
    const isSummary = schedule !== null && schedule.isSummary[taskIndex] === 1
    const isCritical = input.isCriticalShown && schedule !== null && schedule.isCritical[taskIndex] === 1
    const isSelected = input.selected.has(task.id)
    const top = (row - base) * rowHeight

    setHidden(rowElement, false)
    setClass(rowElement, `ws-row${isSelected ? ' is-selected' : ''}${isSummary ? ' is-summary' : ''}`)
    setStyle(rowElement, 'top', px(top))
    setAttr(rowElement, 'aria-rowindex', String(row + 2))
    setAttr(rowElement, 'aria-level', String(task.level))
    setAttr(rowElement, 'aria-expanded', isSummary ? String(!task.isCollapsed) : null)
    setAttr(rowElement, 'aria-selected', String(isSelected))
    setAttr(rowElement, 'data-task-id', String(task.id))
    setAttr(rowElement, 'data-blank', null)
    const activeColumn = input.activeTaskId === task.id && !input.isBlankActive ? input.activeColumn : null
    const overallocation = input.overallocations.get(task.id)
    const violations = scheduleNotes(schedule).violations.get(task.id)
    const isManual = task.schedulingMode === 'manual'
    for (const cell of slot.cells) {
      const key = cell.key
      const text = cellText(derived, taskIndex, key, input.cellView)
      const element = cell.element
      // Only the active cell needs its id (the treegrid's aria-activedescendant); fewer writes per jump.
      setAttr(element, 'id', activeColumn === key ? `ws-cell-${task.id}-${key}` : null)
      // A manual task's date that breaks a link is underlined in red, as Microsoft Project does.
      const isViolated = (key === 'start' || key === 'finish') && noteViolatedField(violations, key).length > 0
      const extra = (isViolated ? ' has-violation' : '') + (key === 'mode' && isManual ? ' is-manual' : '')
      this.paintCellFrame(cell, activeColumn === key, input, extra)
      setAttr(element, 'aria-label', null)
      setAttr(element, 'aria-readonly', columnDefs[key].command === null ? 'true' : null)
      setText(cell.text, text)
      if (cell.indicators !== null) {
        const subject = { derived, index: taskIndex, task, overallocation }
        indicatorDefs.forEach((def, position) => {
          const part = cell.indicators?.[position]
          if (part === undefined) return
          const shown = def.describe(subject)
          setHidden(part.element, shown === null)
          setAttr(part.element, 'aria-label', shown?.text ?? null)
          setClass(part.element, shown === null ? 'ws-indicator' : `ws-indicator is-${shown.tone}`)
          // Kept from the over-allocation marker this replaces (tests and scripts find it by this id).
          if (def.key === 'overallocated') setAttr(part.element, 'data-testid', shown === null ? null : 'overallocation-marker')
          // A hovered sign keeps its tooltip up to date.
          if (part.isTitled) setAttr(part.element, 'title', shown?.text ?? null)
        })
      }
      // A hovered cell keeps its tooltip; it follows the row now painted there.
      if (cell.isTitled) setAttr(element, 'title', cellTitle(derived, taskIndex, key, text))
      const name = cell.name
      if (name !== null) {
        setStyle(name.indent, 'width', px((task.level - 1) * 16))
        setClass(name.toggle, isSummary ? 'ws-toggle' : 'ws-toggle is-leaf')
        setAttr(name.toggle, 'aria-label', isSummary ? `${task.isCollapsed ? 'Expand' : 'Collapse'} ${task.name || 'summary'}` : null)
        setAttr(name.toggle, 'aria-hidden', isSummary ? null : 'true')
        if (name.toggle.disabled !== !isSummary) name.toggle.disabled = !isSummary
        setText(name.toggleText, isSummary ? (task.isCollapsed ? '▸' : '▾') : '')
        setClass(name.label, isCritical ? 'ws-cell-text is-critical-text' : 'ws-cell-text')
        setHidden(name.mark, !task.isMilestone)
        const violationText = violations === undefined ? null : violations.map((violation) => noteViolation(derived.plan, derived.indexOf, violation)).join(' ')
        setHidden(name.linkMarker, violationText === null)
        setAttr(name.linkMarker, 'aria-label', violationText === null ? null : `Link not met: ${violationText}`)
        setAttr(name.linkMarker, 'title', violationText)
        setAttr(name.linkMarker, 'data-testid', violationText === null ? null : 'link-violation-marker')
      }
    }
    this.paintBar(slot, top, taskIndex, task, isSummary, isCritical, isSelected, input)
  }

  /** A cell's class (`extra`: the task's own classes), width and, for frozen columns, its sticky offset. */
  private paintCellFrame(cell: Cell, isActive: boolean, input: PaintInput, extra = ''): void {
    const key = cell.key
    const left = this.frozenLeft.get(key)
    const frozen = left === undefined ? '' : key === this.frozenEdge ? ' is-frozen is-frozen-edge' : ' is-frozen'
    const plain = cell.name === null && key !== 'mode' ? ' is-plain' : ''
    const number = columnDefs[key].isNumber === true ? ' is-number' : ''
    setClass(cell.element, `ws-cell${plain}${number} ws-col-${key}${frozen}${isActive ? ' is-active' : ''}${extra}`)
    setStyle(cell.element, 'width', px(input.columnWidths[key]))
    setStyle(cell.element, 'left', left === undefined ? '' : px(left))
  }

  /** The blank row where a new task is typed: empty cells, no bar; only its name cell takes text. */
  private paintBlank(slot: Slot, row: number, base: number, input: PaintInput): void {
    const rowElement = slot.rowElement
    setHidden(rowElement, false)
    setClass(rowElement, 'ws-row is-blank')
    setStyle(rowElement, 'top', px((row - base) * rowHeight))
    setAttr(rowElement, 'aria-rowindex', String(row + 2))
    setAttr(rowElement, 'aria-level', null)
    setAttr(rowElement, 'aria-expanded', null)
    setAttr(rowElement, 'aria-selected', 'false')
    setAttr(rowElement, 'data-task-id', null)
    setAttr(rowElement, 'data-blank', 'true')
    for (const cell of slot.cells) {
      const isActive = input.isBlankActive && input.activeColumn === cell.key
      setAttr(cell.element, 'id', isActive ? `ws-cell-new-${cell.key}` : null)
      this.paintCellFrame(cell, isActive, input)
      setText(cell.text, '')
      if (cell.isTitled) setAttr(cell.element, 'title', null)
      for (const part of cell.indicators ?? []) setHidden(part.element, true)
      const name = cell.name
      if (name !== null) {
        setStyle(name.indent, 'width', px(0))
        setClass(name.toggle, 'ws-toggle is-leaf')
        setAttr(name.toggle, 'aria-label', null)
        setAttr(name.toggle, 'aria-hidden', 'true')
        if (!name.toggle.disabled) name.toggle.disabled = true
        setText(name.toggleText, '')
        setClass(name.label, 'ws-cell-text')
        setHidden(name.mark, true)
        setHidden(name.linkMarker, true)
        setAttr(name.linkMarker, 'aria-label', null)
        setAttr(name.linkMarker, 'title', null)
        setAttr(name.linkMarker, 'data-testid', null)
      }
      // The name cell says what the row is for; the others are read-only until the task exists.
      setAttr(cell.element, 'aria-label', name !== null ? 'New task: type its name' : null)
      setAttr(cell.element, 'aria-readonly', name !== null ? null : 'true')
    }
    this.hideBar(slot)
  }

  private paintBar(slot: Slot, top: number, taskIndex: number, task: Task, isSummary: boolean, isCritical: boolean, isSelected: boolean, input: PaintInput): void {
    const bar = slot.bar
    const schedule = input.derived.schedule
    if (schedule === null) {
      this.hideBar(slot)
      return
    }
    const start = schedule.start[taskIndex] as number
    const finish = schedule.finish[taskIndex] as number
    const left = scaleX(input.scale, start)
    const right = scaleX(input.scale, finish)
    const isManual = task.schedulingMode === 'manual'
    const mode = isManual ? 'Manually scheduled ' : ''
    const label = `${task.name || 'Task'}: ${cellDate(start)} to ${cellDate(finish)}`
    const delayMinutes = isSummary ? 0 : task.levelingDelay
    setHidden(slot.delay, delayMinutes <= 0 || !Number.isFinite(start))
    if (delayMinutes > 0 && Number.isFinite(start)) {
      const delayLeft = scaleX(input.scale, start - delayMinutes)
      setStyle(slot.delay, 'top', px(top + 13))
      setStyle(slot.delay, 'left', px(delayLeft))
      setStyle(slot.delay, 'width', px(Math.max(1, left - delayLeft)))
    }
    setHidden(bar, false)
    setAttr(bar, 'data-bar-id', String(task.id))
    const critical = isCritical ? ' is-critical' : ''
    const selected = isSelected ? ' is-selected' : ''
    // Microsoft Project draws manual tasks differently (teal, with brackets at the typed ends, faded where a date is
    // blank) and marks a broken link in red.
    const manual = isManual
      ? ` is-manual${task.manualStart === null ? ' is-open-start' : ''}${task.manualFinish === null && task.manualDuration === null ? ' is-open-finish' : ''}`
      : ''
    const violated = scheduleNotes(schedule).violations.has(task.id) ? ' has-violation' : ''
    const track = this.paintBaseline(slot, top, taskIndex, task, isSummary, start, finish, input)
    const tracking = track.className
    const trackingLabel = track.label
    const rolledStart = schedule.rolledStart[taskIndex] ?? Number.NaN
    const rolledFinish = schedule.rolledFinish[taskIndex] ?? Number.NaN
    if (isSummary && isManual && Number.isFinite(rolledStart) && Number.isFinite(rolledFinish)) {
      // A manual summary's own dates, with the span of its tasks beside them (red where they run past its finish).
      const rollLeft = scaleX(input.scale, rolledStart)
      const rollRight = scaleX(input.scale, rolledFinish)
      setHidden(slot.rollup, false)
      setClass(slot.rollup, `ws-rollup${rolledFinish > finish || rolledStart < start ? ' is-beyond' : ''}`)
      setAttr(slot.rollup, 'title', `Its tasks span ${cellDate(rolledStart)} to ${cellDate(rolledFinish)}`)
      setStyle(slot.rollup, 'top', px(top + 21))
      setStyle(slot.rollup, 'left', px(rollLeft))
      setStyle(slot.rollup, 'width', px(Math.max(2, rollRight - rollLeft)))
    } else {
      setHidden(slot.rollup, true)
      setAttr(slot.rollup, 'title', null)
    }
    if (isSummary) {
      setClass(bar, `ws-bar is-summary${critical}${manual}${violated}${tracking}`)
      setAttr(bar, 'aria-label', `${mode}Summary ${label}${trackingLabel}`)
      setStyle(bar, 'top', px(top + (tracking !== '' ? 5 : isManual ? 5 : 9)))
      setStyle(bar, 'left', px(left))
      setStyle(bar, 'width', px(Math.max(2, right - left)))
      setHidden(slot.progress, true)
      setHidden(slot.end, true)
    } else if (task.isMilestone || finish === start) {
      setClass(bar, `ws-milestone${critical}${selected}${manual}${violated}${tracking}`)
      setAttr(bar, 'aria-label', `${mode}Milestone ${task.name}: ${cellDate(start)}${trackingLabel}`)
      setStyle(bar, 'top', px(top + (tracking !== '' ? 3 : 7)))
      setStyle(bar, 'left', px(left - 7))
      setStyle(bar, 'width', '')
      setHidden(slot.progress, true)
      setHidden(slot.end, true)
    } else {
      const progress = Math.max(0, Math.min(100, schedule.percentComplete[taskIndex] as number))
      setClass(bar, `ws-bar${critical}${selected}${manual}${violated}${tracking}`)
      setAttr(bar, 'aria-label', `${mode}${label}${progress > 0 ? `, ${Math.round(progress)}% complete` : ''}${trackingLabel}`)
      setStyle(bar, 'top', px(top + (tracking !== '' ? 3 : 6)))
      setStyle(bar, 'left', px(left))
      setStyle(bar, 'width', px(Math.max(3, right - left)))
      setHidden(slot.progress, progress <= 0)
      setStyle(slot.progress, 'width', `${progress}%`)
      setHidden(slot.end, false)
    }
  }

  /**
   * The Tracking Gantt's baseline under the bar (a diamond at the baseline date for a milestone), with the classes and
   * the words the bar gets: `is-tracking`, and `is-slipped` when it finishes later than its baseline.
   */
  private paintBaseline(
    slot: Slot,
    top: number,
    taskIndex: number,
    task: Task,
    isSummary: boolean,
    start: number,
    finish: number,
    input: PaintInput,
  ): { className: string; label: string } {
    const element = slot.baseline
    if (input.isTrackingShown !== true) {
      setHidden(element, true)
      setAttr(element, 'data-baseline-id', null)
      return { className: '', label: '' }
    }
    const { plan } = input.derived
    const number = (input.cellView ?? cellViewDefault).baselineNumber
    const baseline = trackingBaselineOf(plan, taskIndex, number)
    const baselineStart = baseline?.start === null || baseline === null ? null : dateToWallMinutes(baseline.start)
    const baselineFinish = baseline?.finish === null || baseline === null ? null : dateToWallMinutes(baseline.finish)
    if (baselineStart === null && baselineFinish === null) {
      setHidden(element, true)
      setAttr(element, 'data-baseline-id', null)
      return { className: ' is-tracking', label: `; no ${trackingBaselineName(number).toLowerCase()}` }
    }
    const from = baselineStart ?? (baselineFinish as number)
    const to = Math.max(from, baselineFinish ?? from)
    const name = trackingBaselineName(number)
    const calendar = trackingTaskCalendar(plan, taskIndex)
    const variance = trackingWorkingBetween(calendar, to, finish)
    const isSlipped = finish > to && variance > 0.5
    const isMilestone = !isSummary && (task.isMilestone || finish === start)
    const left = scaleX(input.scale, from)
    const right = scaleX(input.scale, to)
    const slipText = isSlipped ? `, finishes ${trackingDaysText(variance, plan)} later than its ${name.toLowerCase()}` : ''
    setHidden(element, false)
    setAttr(element, 'data-baseline-id', String(task.id))
    setClass(element, `ws-baseline${isMilestone || to === from ? ' is-milestone' : ''}${isSummary ? ' is-summary' : ''}`)
    setAttr(element, 'title', `${name}: ${cellDate(from)} to ${cellDate(to)}`)
    if (isMilestone || to === from) {
      setStyle(element, 'top', px(top + 15))
      setStyle(element, 'left', px(left - 5))
      setStyle(element, 'width', '')
    } else {
      setStyle(element, 'top', px(top + 18))
      setStyle(element, 'left', px(left))
      setStyle(element, 'width', px(Math.max(2, right - left)))
    }
    return {
      className: ` is-tracking${isSlipped ? ' is-slipped' : ''}`,
      label: `; ${name.toLowerCase()} ${cellDate(from)} to ${cellDate(to)}${slipText}`,
    }
  }

  private hideBar(slot: Slot): void {
    setHidden(slot.baseline, true)
    setAttr(slot.baseline, 'data-baseline-id', null)
    setHidden(slot.delay, true)
    setHidden(slot.rollup, true)
    setHidden(slot.bar, true)
    setAttr(slot.bar, 'data-bar-id', null)
    setClass(slot.bar, '')
  }

  /** Arrows of the links whose rows overlap the window (one passing through the view is drawn too). */
  private paintLinks(input: PaintInput, start: number, base: number): void {
    const { derived, scale, isCriticalShown } = input
    const schedule = derived.schedule
    const end = Math.min(derived.rows.length + 1, start + this.poolSize)
    const links = this.links
    const height = Math.max(1, (end - start) * rowHeight)
    const width = Math.max(1, this.x1 - this.x0)
    const y0 = (start - base) * rowHeight
    const key = `${this.generation} ${start} ${base} ${this.poolSize} ${this.x0} ${this.x1}`
    if (key === this.linksKey) return
    this.linksKey = key
    setStyle(links, 'top', px(y0))
    setStyle(links, 'left', px(this.x0))
    setStyle(links, 'height', px(height))
    setStyle(links, 'width', px(width))
    setAttr(links, 'viewBox', `${this.x0} ${y0} ${width} ${height}`)
    const shown = new Set<number>()
    if (schedule !== null) {
      const { linkRowMin, linkRowMax, linkFrom, linkTo, rowOfTask } = derived
      for (let index = 0; index < linkRowMin.length; index++) {
        const minRow = linkRowMin[index] as number
        if (minRow < 0 || this.viewRow(minRow) >= end || this.viewRow(linkRowMax[index] as number) < start) continue
        const link = derived.plan.dependencies[index] as Dependency
        const from = linkFrom[index] as number
        const to = linkTo[index] as number
        const fromStart = link.type === 'SS' || link.type === 'SF'
        const toFinish = link.type === 'FF' || link.type === 'SF'
        const xFrom = scaleX(scale, fromStart ? (schedule.start[from] as number) : (schedule.finish[from] as number))
        const xTo = scaleX(scale, toFinish ? (schedule.finish[to] as number) : (schedule.start[to] as number))
        // An arrow lies within 8 pixels (its elbows) of its two ends: one wholly left or right of the painted
        // x range draws nothing there.
        if (Math.max(xFrom, xTo) + linkReach < this.x0 || Math.min(xFrom, xTo) - linkReach > this.x1) continue
        shown.add(index)
        let path = this.linkPaths.get(index)
        if (path === undefined) {
          path = this.freePaths.pop() ?? (links.appendChild(document.createElementNS(svgNs, 'path')) as SVGPathElement)
          this.linkPaths.set(index, path)
        }
        const yFrom = (this.viewRow(rowOfTask[from] as number) - base) * rowHeight + rowHeight / 2
        const yTo = (this.viewRow(rowOfTask[to] as number) - base) * rowHeight + rowHeight / 2
        const isCritical = isCriticalShown && schedule.isCritical[from] === 1 && schedule.isCritical[to] === 1
        setAttr(path, 'd', linkPath(xFrom, yFrom, fromStart, xTo, yTo, toFinish))
        // The arrow head comes from the class (CSS marker-end): one attribute less per arrow and jump.
        setAttr(path, 'class', isCritical ? 'ws-link is-critical' : 'ws-link')
        setAttr(path, 'data-link-id', String(link.id))
      }
    }
    for (const [index, path] of this.linkPaths) {
      if (shown.has(index)) continue
      // Kept in the SVG for reuse, drawing nothing.
      this.linkPaths.delete(index)
      setAttr(path, 'd', '')
      setAttr(path, 'data-link-id', null)
      this.freePaths.push(path)
    }
  }
}
