/**
 * Calibration page for `npm run bench:ui` (`ui.scroll.floor`): how long the benchmark's scroll jump takes on this
 * machine when the page does (almost) nothing, measured with the same harness as the workspace.
 *
 * It has the workspace's geometry: a grid pane and a chart pane side by side under a 44-pixel header, one vertical
 * scroller for 28-pixel rows and one horizontal scroller for the chart. Variants (`?variant=`):
 * - `empty`: a jump moves one layer with a transform and changes nothing else: the cost of a frame and of the
 *   measuring method alone.
 * - `text`: a jump rewrites the text of the visible rows in 9 columns and nothing else (no bars, no arrows, no
 *   time scale), in the cheapest form measured for DOM text: one text node per column (one inline formatting
 *   context each, lines split by newlines) rather than one element per cell.
 * - `cells`: the same text with one element per cell (as a grid of rows and cells is built), for comparison.
 * So a target below `empty` cannot be measured here, and the workspace's jump cannot be faster than `text`
 * plus what its chart costs.
 */
import { benchScrollStep } from './bench-harness'

const params = new URLSearchParams(location.search)
const variantParam = params.get('variant')
const variant = variantParam === 'text' || variantParam === 'cells' ? variantParam : 'empty'
const rowCount = Number(params.get('tasks') ?? 10_000)
const visibleRows = Number(params.get('rows') ?? 28)
const chartWidth = Number(params.get('chartWidth') ?? 24_000)
const rowHeight = 28
const headerHeight = 44
const columnWidths = [44, 56, 240, 80, 104, 104, 110, 130, 84]
const gridWidth = 600

function div(style: Partial<CSSStyleDeclaration>, parent: HTMLElement): HTMLElement {
  const element = document.createElement('div')
  Object.assign(element.style, style)
  parent.append(element)
  return element
}

const root = document.getElementById('root') as HTMLElement
Object.assign(root.style, { height: '100vh', font: "13px/1.3 system-ui, -apple-system, 'Segoe UI', sans-serif", color: '#1f2933' })
document.body.style.margin = '0'
const viewportHeight = headerHeight + visibleRows * rowHeight
const scroller = div({ height: `${viewportHeight}px`, overflowY: 'auto', overflowX: 'hidden', position: 'relative', contain: 'strict' }, root)
const sticky = div({ position: 'sticky', top: '0', height: `${viewportHeight}px`, display: 'flex', overflow: 'hidden' }, scroller)
div({ height: `${Math.max(0, rowCount * rowHeight - visibleRows * rowHeight)}px` }, scroller)
const gridPane = div({ flex: 'none', width: `${gridWidth}px`, overflow: 'hidden', position: 'relative' }, sticky)
div({ height: `${headerHeight}px`, background: '#f0f4f8' }, gridPane)
const rowsViewport = div({ position: 'relative', overflow: 'hidden', height: `${visibleRows * rowHeight}px` }, gridPane)
const layer = div({ position: 'absolute', left: '0', top: '0', right: '0' }, rowsViewport)
const chartPane = div({ flex: '1', minWidth: '0', overflowX: 'auto', overflowY: 'hidden' }, sticky)
div({ width: `${chartWidth}px`, height: '100%' }, chartPane)

const cells: Text[][] = []
if (variant === 'cells') {
  for (let slot = 0; slot <= visibleRows; slot++) {
    const row = div({ position: 'absolute', left: '0', right: '0', top: `${slot * rowHeight}px`, height: `${rowHeight}px`, contain: 'strict' }, layer)
    let left = 0
    const texts: Text[] = []
    for (const width of columnWidths) {
      const cell = div(
        { position: 'absolute', top: '0', left: `${left}px`, width: `${width}px`, height: `${rowHeight}px`, padding: '0 6px', boxSizing: 'border-box', lineHeight: `${rowHeight}px`, whiteSpace: 'pre', overflow: 'hidden', contain: 'strict' },
        row,
      )
      const text = document.createTextNode('')
      cell.append(text)
      texts.push(text)
      left += width
    }
    cells.push(texts)
  }
}
const columns: Text[] = []
if (variant === 'text') {
  let left = 0
  for (const width of columnWidths) {
    const column = div(
      {
        position: 'absolute',
        top: '0',
        left: `${left}px`,
        width: `${width}px`,
        height: `${(visibleRows + 1) * rowHeight}px`,
        padding: '0 6px',
        boxSizing: 'border-box',
        lineHeight: `${rowHeight}px`,
        whiteSpace: 'pre',
        overflow: 'hidden',
        contain: 'strict',
      },
      layer,
    )
    const text = document.createTextNode('')
    column.append(text)
    columns.push(text)
    left += width
  }
}

const day = (index: number): string => new Date(Date.UTC(2026, 0, 5) + index * 86_400_000).toISOString().slice(0, 10)

/** Texts like the workspace's columns: ID, WBS, name, duration, start, finish, predecessors, resources, % complete. */
function rowTexts(row: number): string[] {
  const start = Math.floor(row / 3)
  const duration = 1 + (row % 9)
  return [
    String(row + 1),
    `${1 + Math.floor(row / 400)}.${1 + (Math.floor(row / 20) % 20)}.${1 + (row % 20)}`,
    `Task ${row + 1} of work package ${1 + Math.floor(row / 20)}`,
    `${duration} d`,
    day(start),
    day(start + duration),
    row > 0 ? `${row}FS+1d` : '',
    row % 3 === 0 ? 'Ana' : 'Ana, Ben',
    `${(row * 7) % 101}%`,
  ]
}

let first = -1
function onScroll(): void {
  const top = scroller.scrollTop
  const row = Math.floor(top / rowHeight)
  layer.style.transform = `translateY(${-(top % rowHeight)}px)`
  if (variant === 'empty' || row === first) return
  first = row
  if (variant === 'cells') {
    cells.forEach((texts, slot) => {
      const values = row + slot < rowCount ? rowTexts(row + slot) : []
      texts.forEach((node, column) => {
        node.data = values[column] ?? ''
      })
    })
    return
  }
  const lines: string[][] = columnWidths.map(() => [])
  for (let index = row; index < Math.min(rowCount, row + visibleRows + 1); index++) {
    rowTexts(index).forEach((text, column) => lines[column]?.push(text))
  }
  columns.forEach((node, column) => {
    node.data = (lines[column] as string[]).join('\n')
  })
}
scroller.addEventListener('scroll', onScroll, { passive: true })
onScroll()

type FloorWindow = Window & { benchFloorScroll?: (fraction: number) => Promise<unknown> }
;(window as FloorWindow).benchFloorScroll = (fraction: number) => benchScrollStep(root, fraction)
