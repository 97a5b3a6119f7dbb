/**
 * The chart's time scale (two header tiers) and the shading of non-working days, painted without React from
 * pooled elements for the x range around the view. The scroll handler moves the range directly, so a horizontal
 * jump costs what the cells in view cost, with no component render and no elements created or removed.
 */
import type { CompiledCalendar } from '../../../../shared/domain/calendar'
import { px, setAttr, setClass, setHidden, setStyle, setText } from './dom-writes'
import { layoutNonWorkingDays, layoutScaleCells, scaleTiers, type ScaleCell, type TimeScale } from './layout'

/** `title`: the period's full name, written to the element once it was hovered (`isTitled`). */
type Pooled = { element: HTMLElement; text: Text; title: string; isTitled: boolean }

export class TimelinePainter {
  private readonly topCells: Pooled[] = []
  private readonly bottomCells: Pooled[] = []
  private readonly shades: HTMLElement[] = []
  private key: readonly unknown[] = []

  constructor(
    readonly header: HTMLElement,
    readonly shading: HTMLElement,
  ) {}

  /** Removes everything the painter added. */
  dispose(): void {
    for (const cell of [...this.topCells, ...this.bottomCells]) cell.element.remove()
    for (const shade of this.shades) shade.remove()
  }

  /** Paints the header cells and the shaded days overlapping [x0, x1] of the chart. */
  update(scale: TimeScale, calendar: CompiledCalendar | null, x0: number, x1: number): void {
    const key = [scale, calendar, x0, x1]
    if (key.every((value, index) => value === this.key[index])) return
    this.key = key
    const [topUnit, bottomUnit] = scaleTiers[scale.zoom]
    this.paintCells(this.topCells, layoutScaleCells(scale, topUnit, x0, x1), true)
    this.paintCells(this.bottomCells, layoutScaleCells(scale, bottomUnit, x0, x1), false)
    let days: number[] = []
    if (calendar !== null && scale.pxPerDay >= 4) {
      const fromDay = Math.floor(x0 / scale.pxPerDay) + scale.originDay
      const toDay = Math.ceil(x1 / scale.pxPerDay) + scale.originDay
      days = layoutNonWorkingDays(calendar, fromDay, toDay)
    }
    while (this.shades.length < days.length) {
      const shade = document.createElement('div')
      shade.className = 'ws-nonworking'
      this.shading.append(shade)
      this.shades.push(shade)
    }
    this.shades.forEach((shade, index) => {
      const day = days[index]
      setHidden(shade, day === undefined)
      if (day === undefined) return
      setStyle(shade, 'left', px((day - scale.originDay) * scale.pxPerDay))
      setStyle(shade, 'width', px(scale.pxPerDay))
    })
  }

  /** Gives the header cell under the pointer its tooltip; done on hover, so a horizontal jump writes none. */
  titleAt(target: Element): void {
    for (const item of [...this.topCells, ...this.bottomCells]) {
      if (!item.element.contains(target)) continue
      item.isTitled = true
      setAttr(item.element, 'title', item.title)
      return
    }
  }

  private paintCells(pool: Pooled[], cells: readonly ScaleCell[], isTop: boolean): void {
    while (pool.length < cells.length) {
      const element = document.createElement('div')
      const text = document.createTextNode('')
      if (isTop) {
        // The top tier's label sticks to the left edge while its period is in view.
        const label = document.createElement('span')
        label.append(text)
        element.append(label)
      } else element.append(text)
      this.header.append(element)
      pool.push({ element, text, title: '', isTitled: false })
    }
    pool.forEach((item, index) => {
      const cell = cells[index]
      setHidden(item.element, cell === undefined)
      if (cell === undefined) return
      setClass(item.element, isTop ? 'ws-scale-cell is-top' : 'ws-scale-cell is-bottom')
      setStyle(item.element, 'left', px(cell.x))
      setStyle(item.element, 'width', px(cell.width))
      // The tooltip (the period's full name) is written on hover (see titleAt), then kept up to date.
      item.title = cell.title
      if (item.isTitled) setAttr(item.element, 'title', cell.title)
      setText(item.text, cell.label)
    })
  }
}
