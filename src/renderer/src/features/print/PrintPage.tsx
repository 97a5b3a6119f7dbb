/**
 * One printed page of the Gantt chart, drawn at its paper size in CSS pixels: the header (plan, date range, status
 * date), the column titles and timescale, the rows (task columns as text, the chart as SVG: non-working time, bars,
 * progress, baselines, milestones, summaries, manual tasks as the Gantt view draws them, links, the status date), the legend and the footer (print time,
 * "Page x of y"). The same component draws the preview, the browser's print and the PDF.
 */
import type { ReactNode } from 'react'
import { printMetrics, type PrintPageSpec } from '../../../../shared/print/page-setup'
import type { PrintModel, PrintRow } from './print-model'

const barHeight = 10
const colors = {
  bar: '#5b8def',
  barEdge: '#3b6fd8',
  critical: '#f87171',
  criticalEdge: '#dc2626',
  progress: 'rgba(15, 40, 100, 0.55)',
  summary: '#243b53',
  summaryCritical: '#991b1b',
  baseline: '#9aa5b1',
  nonWorking: '#eceff3',
  link: '#486581',
  status: '#f97316',
  grid: '#e4e7eb',
  manual: '#0f766e',
  manualLight: '#8ed6ce',
  manualMid: '#5eb8b0',
  criticalLight: '#fca5a5',
  violation: '#dc2626',
}

/**
 * Ids of the SVG patterns and masks a page defines once (ids are per page: the preview shows one page, the print
 * document all of them).
 */
type PageIds = { hatch: string; hatchCritical: string; fadeStart: string; fadeFinish: string; fadeBoth: string }

function pageIds(number: number): PageIds {
  return {
    hatch: `print-hatch-${number}`,
    hatchCritical: `print-hatch-critical-${number}`,
    fadeStart: `print-fade-start-${number}`,
    fadeFinish: `print-fade-finish-${number}`,
    fadeBoth: `print-fade-both-${number}`,
  }
}

/** The hatches of manual bars and the fades of a manual bar's blank ends, as the Gantt view draws them. */
function ManualDefs({ ids }: { ids: PageIds }): ReactNode {
  const hatch = (id: string, dark: string, light: string) => (
    <pattern id={id} width={7} height={7} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width={7} height={7} fill={light} />
      <rect width={3.5} height={7} fill={dark} />
    </pattern>
  )
  // A blank start or finish fades out over the first or last 40 % of the bar (Microsoft Project's open-ended bar).
  const fade = (id: string, stops: [number, number][]) => (
    <>
      <linearGradient id={`${id}-gradient`} x1={0} x2={1} y1={0} y2={0}>
        {stops.map(([offset, opacity]) => (
          <stop key={offset} offset={offset} stopColor="#fff" stopOpacity={opacity} />
        ))}
      </linearGradient>
      <mask id={id} maskContentUnits="objectBoundingBox">
        <rect width={1} height={1} fill={`url(#${id}-gradient)`} />
      </mask>
    </>
  )
  return (
    <>
      {hatch(ids.hatch, colors.manualMid, colors.manualLight)}
      {hatch(ids.hatchCritical, colors.critical, colors.criticalLight)}
      {fade(ids.fadeStart, [
        [0, 0.1],
        [0.4, 1],
      ])}
      {fade(ids.fadeFinish, [
        [0.6, 1],
        [1, 0.1],
      ])}
      {fade(ids.fadeBoth, [
        [0, 0.1],
        [0.4, 1],
        [0.6, 1],
        [1, 0.1],
      ])}
    </>
  )
}

/** A manually scheduled task's bar: hatched, brackets at its typed ends, faded where a date is blank. */
function ManualTaskBar({ row, x0, x1, mid, ids }: { row: PrintRow; x0: number; x1: number; mid: number; ids: PageIds }) {
  const manual = row.manual
  const width = Math.max(x1 - x0, 1)
  const top = mid - barHeight / 2
  const edge = row.isCritical ? colors.criticalEdge : colors.manual
  const isOpenStart = manual?.isOpenStart ?? false
  const isOpenFinish = manual?.isOpenFinish ?? false
  const mask = isOpenStart && isOpenFinish ? ids.fadeBoth : isOpenStart ? ids.fadeStart : isOpenFinish ? ids.fadeFinish : null
  const bracket = (x: number, direction: 1 | -1) =>
    `M${x + 2.5 * direction} ${top - 2} H${x} V${top + barHeight + 2} H${x + 2.5 * direction}`
  return (
    <g className="print-bar-manual" mask={mask === null ? undefined : `url(#${mask})`}>
      <rect
        x={x0}
        y={top}
        width={width}
        height={barHeight}
        fill={`url(#${row.isCritical ? ids.hatchCritical : ids.hatch})`}
        stroke={edge}
        strokeWidth={0.8}
        strokeDasharray={isOpenStart || isOpenFinish ? '2 1.5' : undefined}
      />
      {!isOpenStart && <path d={bracket(x0 - 1.5, 1)} fill="none" stroke={edge} strokeWidth={1.4} />}
      {!isOpenFinish && <path d={bracket(x0 + width + 1.5, -1)} fill="none" stroke={edge} strokeWidth={1.4} />}
    </g>
  )
}

function Bar({ row, y, offset, ids }: { row: PrintRow; y: number; offset: number; ids: PageIds }): ReactNode {
  const bar = row.bar
  if (bar === null) return null
  const mid = y + printMetrics.rowHeight / 2
  const x0 = bar.x0 - offset
  const x1 = bar.x1 - offset
  const isManual = row.manual !== null
  const parts: ReactNode[] = []
  // A manual summary's tasks span this (red where they run past its own dates), drawn under its bar.
  const rollup = row.manual?.rollup ?? null
  if (rollup !== null) {
    const r0 = rollup.x0 - offset
    parts.push(
      <rect
        key="rollup"
        className="print-rollup"
        x={r0}
        y={mid + 4}
        width={Math.max(rollup.x1 - offset - r0, 2)}
        height={2.5}
        fill={rollup.isBeyond ? colors.violation : colors.manual}
        fillOpacity={rollup.isBeyond ? 0.85 : 0.55}
      />,
    )
  }
  if (row.baseline !== null) {
    const b0 = row.baseline.x0 - offset
    const b1 = Math.max(row.baseline.x1 - offset, b0 + 1)
    parts.push(
      <rect
        key="baseline"
        x={b0}
        y={mid + barHeight / 2 - 1}
        width={b1 - b0}
        height={3}
        fill={colors.baseline}
      />,
    )
  }
  if (bar.kind === 'milestone') {
    const size = barHeight / 2 + 1
    const fill = row.isCritical ? colors.criticalEdge : isManual ? colors.manual : colors.summary
    parts.push(
      <path
        key="bar"
        d={`M${x0} ${mid - size} L${x0 + size} ${mid} L${x0} ${mid + size} L${x0 - size} ${mid} Z`}
        fill={fill}
      />,
    )
  } else if (bar.kind === 'summary') {
    const fill = isManual ? colors.manual : row.isCritical ? colors.summaryCritical : colors.summary
    // A manual summary sits higher, leaving room for the rolled-up span of its tasks under it.
    const top = isManual ? mid - 7 : mid - 4
    parts.push(
      <path
        key="bar"
        d={`M${x0} ${top} H${x1} V${top + 8} L${x1 - 4} ${top + 4} H${x0 + 4} L${x0} ${top + 8} Z`}
        fill={fill}
      />,
    )
  } else if (isManual) {
    parts.push(<ManualTaskBar key="bar" row={row} x0={x0} x1={x1} mid={mid} ids={ids} />)
    if (bar.progress > 0)
      parts.push(
        <rect
          key="progress"
          x={x0}
          y={mid - 2}
          width={Math.max(x1 - x0, 1) * bar.progress}
          height={4}
          fill={colors.progress}
        />,
      )
  } else {
    const width = Math.max(x1 - x0, 1)
    parts.push(
      <rect
        key="bar"
        x={x0}
        y={mid - barHeight / 2}
        width={width}
        height={barHeight}
        rx={2}
        fill={row.isCritical ? colors.critical : colors.bar}
        stroke={row.isCritical ? colors.criticalEdge : colors.barEdge}
        strokeWidth={0.8}
      />,
    )
    if (bar.progress > 0)
      parts.push(
        <rect
          key="progress"
          x={x0}
          y={mid - 2}
          width={width * bar.progress}
          height={4}
          fill={colors.progress}
        />,
      )
  }
  if (row.hasViolation) {
    // A link this manual task's dates break: a red mark before the bar, as the Gantt view draws it.
    const left = bar.kind === 'milestone' ? x0 - barHeight / 2 - 4 : x0 - 4
    parts.push(
      <rect
        key="violation"
        className="print-violation"
        x={left - 2}
        y={mid - barHeight / 2 - 1}
        width={2}
        height={barHeight + 2}
        fill={colors.violation}
      />,
    )
  }
  if (row.label !== '') {
    const end = bar.kind === 'milestone' ? x0 + barHeight / 2 + 3 : x1 + 4
    parts.push(
      <text key="label" x={end} y={mid + 3} className="print-bar-label">
        {row.label}
      </text>,
    )
  }
  return <g>{parts}</g>
}

/** The legend's swatches: what each mark of the chart means. */
/** A bar's swatch in the legend: a small rounded bar with its fill and edge. */
function barSwatch(fill: string, stroke: string): ReactNode {
  return <rect x={1} y={1} width={24} height={10} rx={2} fill={fill} stroke={stroke} strokeWidth={0.8} />
}

function Legend({ model }: { model: PrintModel }) {
  const item = (key: string, swatch: ReactNode, text: string) => (
    <span key={key} className="print-legend-item">
      <svg width={26} height={12} aria-hidden="true">
        {swatch}
      </svg>
      {text}
    </span>
  )
  return (
    <div className="print-legend" style={{ height: printMetrics.legendHeight }}>
      <strong>Legend</strong>
      {item('task', barSwatch(colors.bar, colors.barEdge), 'Task')}
      {item('critical', barSwatch(colors.critical, colors.criticalEdge), 'Critical task')}
      {item(
        'progress',
        <>
          {barSwatch(colors.bar, colors.barEdge)}
          <rect x={1} y={4} width={12} height={4} fill={colors.progress} />
        </>,
        'Progress',
      )}
      {item('summary', <path d="M1 2 H25 V10 L21 6 H5 L1 10 Z" fill={colors.summary} />, 'Summary')}
      {item('milestone', <path d="M13 0 L19 6 L13 12 L7 6 Z" fill={colors.summary} />, 'Milestone')}
      {model.hasManual &&
        item(
          'manual',
          <>
            <rect x={3} y={2} width={20} height={8} fill={colors.manualMid} stroke={colors.manual} strokeWidth={0.8} />
            <path d="M5 0 H2 V12 H5 M21 0 H24 V12 H21" fill="none" stroke={colors.manual} strokeWidth={1.4} />
          </>,
          'Manual task',
        )}
      {model.hasViolation &&
        item(
          'violation',
          <>
            <rect x={8} y={2} width={16} height={8} fill={colors.manualMid} stroke={colors.manual} strokeWidth={0.8} />
            <rect x={3} y={1} width={2} height={10} fill={colors.violation} />
          </>,
          'Link not met',
        )}
      {model.hasBaseline &&
        item('baseline', <rect x={1} y={5} width={24} height={3} fill={colors.baseline} />, 'Baseline')}
      {item(
        'non-working',
        <rect x={1} y={0} width={24} height={12} fill={colors.nonWorking} stroke={colors.grid} />,
        'Non-working time',
      )}
      {model.statusX !== null &&
        item(
          'status',
          <line
            x1={13}
            y1={0}
            x2={13}
            y2={12}
            stroke={colors.status}
            strokeWidth={2}
            strokeDasharray="3 2"
          />,
          'Status date',
        )}
    </div>
  )
}

export function PrintPage({ model, spec }: { model: PrintModel; spec: PrintPageSpec }) {
  const { layout } = model
  const band = layout.rowBands[spec.row] ?? { first: 0, count: 0 }
  const slice = layout.columnBands[spec.column] ?? { fromX: 0, toX: 0, hasColumns: true }
  const setup = layout.setup
  const innerWidth = layout.width - 2 * layout.margin
  const innerHeight = layout.height - 2 * layout.margin
  const chartLeft = slice.hasColumns ? layout.columnsWidth : 0
  const chartWidth = Math.max(0, slice.toX - slice.fromX)
  const offset = slice.fromX
  const rows = model.rows.slice(band.first, band.first + band.count)
  const rowsHeight = rows.length * printMetrics.rowHeight
  const top = setup.hasHeaderFooter ? printMetrics.headerHeight : 0
  const rowsTop = top + (spec.hasTableHeader ? printMetrics.tableHeaderHeight : 0)
  const tierHeight = printMetrics.tableHeaderHeight / 2
  const inSlice = (x0: number, x1: number) => x1 >= slice.fromX - 1 && x0 <= slice.toX + 1
  const markerId = `print-arrow-${spec.number}`
  const markerCriticalId = `print-arrow-critical-${spec.number}`
  const ids = pageIds(spec.number)
  const total = layout.pages.length

  return (
    <section
      className="print-page"
      aria-label={`Page ${spec.number} of ${total}`}
      style={{ width: layout.width, height: layout.height }}
    >
      <div
        className="print-inner"
        style={{ left: layout.margin, top: layout.margin, width: innerWidth, height: innerHeight }}
      >
        {setup.hasHeaderFooter && (
          <header className="print-header" style={{ height: printMetrics.headerHeight }}>
            <span className="print-title">{model.title}</span>
            <span>Gantt chart, {model.rangeText}</span>
            <span>{model.statusText}</span>
          </header>
        )}
        {spec.hasTableHeader && (
          <div
            className="print-table-head"
            style={{ top, height: printMetrics.tableHeaderHeight, width: chartLeft + chartWidth }}
          >
            {slice.hasColumns &&
              layout.columns.reduce<{ x: number; nodes: ReactNode[] }>(
                (acc, column) => {
                  acc.nodes.push(
                    <div
                      key={column.key}
                      className={`print-col-title print-col-${column.key}`}
                      style={{ left: acc.x, width: column.width, height: printMetrics.tableHeaderHeight }}
                    >
                      {column.label}
                    </div>,
                  )
                  acc.x += column.width
                  return acc
                },
                { x: 0, nodes: [] },
              ).nodes}
            <div
              className="print-scale"
              style={{ left: chartLeft, width: chartWidth, height: printMetrics.tableHeaderHeight }}
            >
              {model.tiers.map((cells, tier) =>
                cells
                  .filter((cell) => inSlice(cell.x, cell.x + cell.width))
                  .map((cell) => {
                    const x0 = Math.max(cell.x - offset, 0)
                    const x1 = Math.min(cell.x + cell.width - offset, chartWidth)
                    return (
                      <div
                        key={`${tier}-${cell.key}`}
                        className={`print-scale-cell${tier === 0 ? ' is-top' : ''}`}
                        style={{
                          left: x0,
                          width: Math.max(0, x1 - x0),
                          top: tier * tierHeight,
                          height: tierHeight,
                        }}
                      >
                        {x1 - x0 >= 10 ? cell.label : ''}
                      </div>
                    )
                  }),
              )}
            </div>
          </div>
        )}
        <div
          className="print-rows"
          style={{ top: rowsTop, width: chartLeft + chartWidth, height: rowsHeight }}
        >
          {slice.hasColumns &&
            rows.map((row, index) => {
              let x = 0
              return (
                <div
                  key={row.taskIndex}
                  className={`print-row${row.isSummary ? ' is-summary' : ''}`}
                  style={{
                    top: index * printMetrics.rowHeight,
                    height: printMetrics.rowHeight,
                    width: layout.columnsWidth,
                  }}
                >
                  {layout.columns.map((column) => {
                    const left = x
                    x += column.width
                    const indent = column.key === 'name' ? (row.level - 1) * 10 : 0
                    return (
                      <div
                        key={column.key}
                        className={`print-cell print-col-${column.key}${row.isCritical && column.key === 'name' ? ' is-critical' : ''}`}
                        style={{ left, width: column.width, paddingLeft: 3 + indent }}
                      >
                        {row.cells[column.key]}
                      </div>
                    )
                  })}
                </div>
              )
            })}
          <svg
            className="print-chart"
            width={chartWidth}
            height={rowsHeight}
            style={{ left: chartLeft }}
            viewBox={`0 0 ${chartWidth} ${rowsHeight}`}
          >
            <defs>
              <marker
                id={markerId}
                viewBox="0 0 6 6"
                refX={6}
                refY={3}
                markerWidth={5}
                markerHeight={5}
                orient="auto"
              >
                <path d="M0 0 L6 3 L0 6 Z" fill={colors.link} />
              </marker>
              <marker
                id={markerCriticalId}
                viewBox="0 0 6 6"
                refX={6}
                refY={3}
                markerWidth={5}
                markerHeight={5}
                orient="auto"
              >
                <path d="M0 0 L6 3 L0 6 Z" fill={colors.criticalEdge} />
              </marker>
              {model.hasManual && <ManualDefs ids={ids} />}
            </defs>
            {model.nonWorking
              .filter((run) => inSlice(run.x0, run.x1))
              .map((run) => (
                <rect
                  key={run.x0}
                  x={run.x0 - offset}
                  y={0}
                  width={run.x1 - run.x0}
                  height={rowsHeight}
                  fill={colors.nonWorking}
                />
              ))}
            {model.tiers[1]
              .filter((cell) => inSlice(cell.x, cell.x))
              .map((cell) => (
                <line
                  key={cell.key}
                  x1={cell.x - offset}
                  x2={cell.x - offset}
                  y1={0}
                  y2={rowsHeight}
                  stroke={colors.grid}
                  strokeWidth={0.5}
                />
              ))}
            {rows.map((_, index) => (
              <line
                key={`h${index}`}
                x1={0}
                x2={chartWidth}
                y1={(index + 1) * printMetrics.rowHeight}
                y2={(index + 1) * printMetrics.rowHeight}
                stroke={colors.grid}
                strokeWidth={0.5}
              />
            ))}
            {model.links
              .filter(
                (link) =>
                  link.fromRow >= band.first &&
                  link.fromRow < band.first + band.count &&
                  link.toRow >= band.first &&
                  link.toRow < band.first + band.count,
              )
              .filter((link) => inSlice(Math.min(link.fromX, link.toX), Math.max(link.fromX, link.toX)))
              .map((link, index) => {
                const y0 = (link.fromRow - band.first + 0.5) * printMetrics.rowHeight
                const y1 = (link.toRow - band.first + 0.5) * printMetrics.rowHeight
                const x0 = link.fromX - offset
                const x1 = link.toX - offset
                const elbow = x0 + 5
                const d =
                  x1 >= elbow + 2
                    ? `M${x0} ${y0} H${elbow} V${y1} H${x1}`
                    : `M${x0} ${y0} H${elbow} V${(y0 + y1) / 2} H${x1 - 6} V${y1} H${x1}`
                return (
                  <path
                    key={index}
                    d={d}
                    fill="none"
                    stroke={link.isCritical ? colors.criticalEdge : colors.link}
                    strokeWidth={0.8}
                    markerEnd={`url(#${link.isCritical ? markerCriticalId : markerId})`}
                  />
                )
              })}
            {rows.map((row, index) =>
              row.bar !== null &&
              (inSlice(row.bar.x0 - 6, row.bar.x1 + 200) ||
                (row.baseline !== null && inSlice(row.baseline.x0, row.baseline.x1))) ? (
                <Bar key={row.taskIndex} row={row} y={index * printMetrics.rowHeight} offset={offset} ids={ids} />
              ) : null,
            )}
            {model.statusX !== null && inSlice(model.statusX, model.statusX) && (
              <line
                x1={model.statusX - offset}
                x2={model.statusX - offset}
                y1={0}
                y2={rowsHeight}
                stroke={colors.status}
                strokeWidth={1.5}
                strokeDasharray="4 3"
              />
            )}
          </svg>
        </div>
        {spec.hasLegend && (
          <div
            style={{
              position: 'absolute',
              left: 0,
              right: 0,
              top:
                innerHeight -
                (setup.hasHeaderFooter ? printMetrics.footerHeight : 0) -
                printMetrics.legendHeight,
            }}
          >
            <Legend model={model} />
          </div>
        )}
        {setup.hasHeaderFooter && (
          <footer className="print-footer" style={{ height: printMetrics.footerHeight }}>
            <span>{model.printedText}</span>
            <span className="print-page-number">
              Page {spec.number} of {total}
            </span>
            <span>Gantry</span>
          </footer>
        )}
      </div>
    </section>
  )
}
