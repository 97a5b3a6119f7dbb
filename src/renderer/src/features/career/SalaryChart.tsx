import type { SalaryBandsDocument } from '../../../../shared/career/catalogue'
import type { SalaryEntry } from '../../../../shared/career/model'
import { dateToDayNumber } from '../../../../shared/domain/dates'
import { formatNumber } from './format'

const width = 640
const height = 280
const margin = { top: 16, right: 96, bottom: 32, left: 72 }

/**
 * Salary over time as an inline SVG: the market bands shaded behind the line (the open-ended top band runs to the
 * top of the chart), one point per salary. Only salaries in the bands' currency are drawn.
 */
export function SalaryChart({ salaries, bands }: { salaries: SalaryEntry[]; bands: SalaryBandsDocument }) {
  const points = salaries.filter((salary) => salary.currency === bands.currency)
  if (points.length === 0) return <p className="muted">Add a salary in {bands.currency} to see the chart.</p>
  const amounts = points.map((point) => point.amount)
  const bandMin = Math.min(...bands.bands.map((band) => band.min))
  const bandMax = Math.max(...bands.bands.map((band) => band.max))
  const low = Math.min(bandMin, ...amounts) * 0.9
  const high = Math.max(bandMax, ...amounts) * 1.08
  const days = points.map((point) => dateToDayNumber(point.date))
  let first = Math.min(...days)
  let last = Math.max(...days)
  if (first === last) {
    first -= 180
    last += 180
  }
  const plotWidth = width - margin.left - margin.right
  const plotHeight = height - margin.top - margin.bottom
  const x = (day: number) => margin.left + ((day - first) / (last - first)) * plotWidth
  const y = (amount: number) => margin.top + (1 - (amount - low) / (high - low)) * plotHeight
  const path = points
    .map(
      (point, index) =>
        `${index === 0 ? 'M' : 'L'}${x(dateToDayNumber(point.date)).toFixed(1)},${y(point.amount).toFixed(1)}`,
    )
    .join(' ')
  const firstYear = Number(points[0]?.date.slice(0, 4))
  const lastYear = Number(points.at(-1)?.date.slice(0, 4))
  const years: number[] = []
  for (let year = firstYear; year <= lastYear + 1; year++) {
    const day = dateToDayNumber(`${year}-01-01`)
    if (day >= first && day <= last) years.push(year)
  }
  const step = (high - low) / 5 > 20_000 ? 25_000 : 10_000
  const ticks: number[] = []
  for (let value = Math.ceil(low / step) * step; value <= high; value += step) ticks.push(value)
  const description = points
    .map((point) => `${point.date}: ${formatNumber(point.amount)} ${point.currency}`)
    .join('; ')

  return (
    <svg
      className="career-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby="salary-chart-title salary-chart-desc"
    >
      <title id="salary-chart-title">Salary over time against the market bands</title>
      <desc id="salary-chart-desc">{description}</desc>
      {bands.bands.map((band, index) => {
        const top = band.openEnded ? margin.top : y(Math.min(band.max, high))
        const bottom = y(Math.max(band.min, low))
        return (
          <g key={band.id}>
            <rect
              className={`career-band career-band-${index % 3}`}
              x={margin.left}
              y={top}
              width={plotWidth}
              height={Math.max(0, bottom - top)}
            />
            <text
              className="career-chart-label"
              x={width - margin.right + 6}
              y={(top + bottom) / 2}
              dominantBaseline="middle"
            >
              {band.label}
            </text>
          </g>
        )
      })}
      {ticks.map((value) => (
        <g key={value}>
          <line
            className="career-grid-line"
            x1={margin.left}
            x2={width - margin.right}
            y1={y(value)}
            y2={y(value)}
          />
          <text
            className="career-chart-axis"
            x={margin.left - 6}
            y={y(value)}
            textAnchor="end"
            dominantBaseline="middle"
          >
            {formatNumber(value)}
          </text>
        </g>
      ))}
      {years.map((year) => {
        const position = x(dateToDayNumber(`${year}-01-01`))
        return (
          <text key={year} className="career-chart-axis" x={position} y={height - 10} textAnchor="middle">
            {year}
          </text>
        )
      })}
      <path className="career-salary-line" d={path} />
      {points.map((point) => (
        <circle
          key={point.id}
          className="career-salary-point"
          cx={x(dateToDayNumber(point.date))}
          cy={y(point.amount)}
          r={4}
        >
          <title>{`${point.date}: ${formatNumber(point.amount)} ${point.currency}${point.role === '' ? '' : ` (${point.role})`}`}</title>
        </circle>
      ))}
    </svg>
  )
}
