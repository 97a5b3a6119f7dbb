/**
 * A line chart of series over the plan's dates, as the S-curve and the dashboard's burn-down draw them: an SVG with
 * role="img", a title and a description that says the figures in words (ids from `useId`, so charts mounted side by
 * side keep unique ids), a grid with amounts on the y-axis, the first and last dates on the x-axis, the status date as
 * a line, and a legend under it. A series leaves out its null points (EV before, a forecast after, the status date).
 */
import { useId } from 'react'
import { dateToDayNumber, dateToWallMinutes } from '../../../../shared/domain/dates'
import type { IsoDateTime, WallMinutes } from '../../../../shared/domain/model'

export type LineChartSeries = {
  key: string
  /** Legend text. */
  label: string
  /** CSS class of the line and its legend key (colour, dashes). */
  className: string
  /** One value per date, null where the series has no point. */
  values: readonly (number | null)[]
}

export type LineChartProps = {
  title: string
  description: string
  /** `data-testid` of the SVG; the status date line gets `${testId}-status-date`. */
  testId: string
  dates: readonly IsoDateTime[]
  series: readonly LineChartSeries[]
  statusDate: WallMinutes
  /** The status date as shown beside its line. */
  statusText: string
  /** An amount of the y-axis as text. */
  amountText(amount: number): string
  /** Text of the y-axis (its unit). */
  amountLabel?: string
  /** What one unit of the y-axis text is in the values (480 for days of minutes), so its grid falls on round figures. */
  amountScale?: number
}

const chartWidth = 760
const chartHeight = 280
const margin = { left: 86, right: 16, top: 16, bottom: 34 }
const ticks = [0, 0.25, 0.5, 0.75, 1]
/** Tops of the y-axis (× a power of ten) whose quarters are round figures. */
const roundTops = [1, 1.2, 1.6, 2, 2.4, 3, 4, 6, 8, 10]

/** The smallest round top (see `roundTops`) at or above `amount` units. */
function roundTop(amount: number): number {
  const power = 10 ** Math.floor(Math.log10(amount))
  for (const top of roundTops) if (top * power >= amount * (1 - 1e-9)) return top * power
  return 10 * power
}

export function LineChart({ title, description, testId, dates, series, statusDate, statusText, amountText, amountLabel, amountScale = 1 }: LineChartProps) {
  const id = useId()
  const first = dates[0] ?? ''
  const last = dates[dates.length - 1] ?? first
  const x0 = dateToWallMinutes(first)
  const x1 = Math.max(x0 + 1, dateToWallMinutes(last))
  let top = 0
  for (const item of series) for (const value of item.values) if (value !== null && value > top) top = value
  top = top > 0 && Number.isFinite(top) ? roundTop(top / amountScale) * amountScale : amountScale
  const innerWidth = chartWidth - margin.left - margin.right
  const innerHeight = chartHeight - margin.top - margin.bottom
  const xOf = (minutes: number): number => margin.left + ((minutes - x0) / (x1 - x0)) * innerWidth
  const yOf = (amount: number): number => margin.top + innerHeight - (amount / top) * innerHeight
  const xs = dates.map((date) => xOf(dateToWallMinutes(date)))
  const line = (values: readonly (number | null)[]): string => {
    const parts: string[] = []
    values.forEach((value, index) => {
      if (value !== null) parts.push(`${(xs[index] ?? 0).toFixed(1)},${yOf(value).toFixed(1)}`)
    })
    return parts.join(' ')
  }
  const statusX = xOf(statusDate)
  const dayCount = dateToDayNumber(last.slice(0, 10)) - dateToDayNumber(first.slice(0, 10))
  return (
    <figure className="ws-ev-chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${chartWidth} ${chartHeight}`}
        width={chartWidth}
        height={chartHeight}
        data-testid={testId}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((tick) => (
          <g key={tick} aria-hidden="true">
            <line className="ws-ev-grid" x1={margin.left} x2={chartWidth - margin.right} y1={yOf(top * tick)} y2={yOf(top * tick)} />
            <text className="ws-ev-axis" x={margin.left - 6} y={yOf(top * tick) + 4} textAnchor="end">
              {amountText(top * tick)}
            </text>
          </g>
        ))}
        {amountLabel !== undefined && (
          <text className="ws-ev-axis" x={12} y={margin.top + innerHeight / 2} transform={`rotate(-90 12 ${margin.top + innerHeight / 2})`} textAnchor="middle" aria-hidden="true">
            {amountLabel}
          </text>
        )}
        <text className="ws-ev-axis" x={margin.left} y={chartHeight - 10} aria-hidden="true">
          {first.slice(0, 10)}
        </text>
        <text className="ws-ev-axis" x={chartWidth - margin.right} y={chartHeight - 10} textAnchor="end" aria-hidden="true">
          {last.slice(0, 10)} ({dayCount} days)
        </text>
        {series.map((item) => (
          <polyline key={item.key} className={`ws-ev-line ${item.className}`} points={line(item.values)} data-series={item.key} />
        ))}
        {statusX >= margin.left && statusX <= chartWidth - margin.right && (
          <g data-testid={`${testId}-status-date`}>
            <line className="ws-ev-status" x1={statusX} x2={statusX} y1={margin.top} y2={margin.top + innerHeight} />
            <text className="ws-ev-axis" x={statusX + 4} y={margin.top + 10}>
              Status date {statusText}
            </text>
          </g>
        )}
      </svg>
      <figcaption className="ws-ev-legend">
        {series.map((item) => (
          <span key={item.key} className="ws-ev-legend-item">
            <span className={`ws-ev-key ${item.className}`} /> {item.label}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}
