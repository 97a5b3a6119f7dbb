/**
 * The dashboard's burn-down of remaining work (`healthBurndown`): the baseline's remaining work, the actual remaining
 * work up to the status date and the schedule's forecast after it, in hours or days of the plan's working day, with
 * the figures at the status date in the chart's description.
 */
import { useMemo } from 'react'
import { costSeriesPeriod } from '../../../../shared/domain/cost'
import { dateFromWallMinutes, dateToWallMinutes } from '../../../../shared/domain/dates'
import { durationFormat } from '../../../../shared/domain/durations'
import { healthBurndown } from '../../../../shared/domain/health/burndown'
import type { BaselineNumber, IsoDateTime, Plan } from '../../../../shared/domain/model'
import type { Schedule } from '../../../../shared/domain/schedule-types'
import { LineChart, type LineChartSeries } from '../workspace/LineChart'
import { trackingBaselineName } from '../workspace/tracking'

/** Work above this many working days is shown in days, below it in hours. */
const daysFrom = 5

export function BurndownChart({
  plan,
  schedule,
  baselineNumber,
  statusDate,
}: {
  plan: Plan
  schedule: Schedule
  baselineNumber: BaselineNumber
  statusDate: IsoDateTime
}) {
  const burndown = useMemo(
    () => healthBurndown(plan, schedule, baselineNumber, statusDate, costSeriesPeriod(schedule)),
    [plan, schedule, baselineNumber, statusDate],
  )
  const baselineName = trackingBaselineName(baselineNumber)
  const series = useMemo<LineChartSeries[]>(() => {
    const lines: LineChartSeries[] = []
    if (burndown.baselineWork !== null)
      lines.push({ key: 'baseline', label: `${baselineName} remaining`, className: 'is-baseline', values: burndown.points.map((point) => point.baseline) })
    lines.push({ key: 'actual', label: 'Actual remaining', className: 'is-actual', values: burndown.points.map((point) => point.actual) })
    lines.push({ key: 'forecast', label: 'Forecast remaining', className: 'is-forecast', values: burndown.points.map((point) => point.forecast) })
    return lines
  }, [burndown, baselineName])
  const first = burndown.points[0]
  const last = burndown.points[burndown.points.length - 1]
  if (burndown.work <= 0 && (burndown.baselineWork ?? 0) <= 0)
    return (
      <p className="health-none">
        No work to burn down: the plan’s tasks have no work. Assign resources to tasks or type their work in the Work column.
      </p>
    )
  if (first === undefined || last === undefined || burndown.points.length < 2)
    return <p className="health-none">No work to burn down: the plan’s tasks have no dates to spread their work over.</p>
  const settings = plan.settings
  const unit = Math.max(burndown.work, burndown.baselineWork ?? 0) > daysFrom * settings.minutesPerDay ? 'd' : 'h'
  const hours = (minutes: number) => durationFormat(minutes, 'h', settings)
  const inWords = (minutes: number) => (unit === 'd' ? `${hours(minutes)} (${durationFormat(minutes, 'd', settings)})` : hours(minutes))
  const statusDay = statusDate.slice(0, 10)
  const parts = [
    `Remaining work from ${first.date.slice(0, 10)} to ${last.date.slice(0, 10)}, of ${inWords(burndown.work)} of work in all.`,
    `At the status date ${statusDay}: ${inWords(burndown.remaining)} of work remaining, ${inWords(burndown.done)} done.`,
    burndown.baselineRemaining === null
      ? `${baselineName} holds no work, so there is no planned line to compare with.`
      : `${baselineName} planned ${inWords(burndown.baselineRemaining)} remaining by then, of ${inWords(burndown.baselineWork ?? 0)}${Number.isFinite(burndown.baselineFinish) ? `, finishing ${day(burndown.baselineFinish)}` : ''}.`,
    Number.isFinite(burndown.forecastFinish)
      ? `The current schedule finishes the remaining work ${day(burndown.forecastFinish)}${burndown.forecastFinish <= dateToWallMinutes(statusDate) ? ' (it is overdue at the status date)' : ''}.`
      : 'No work remains.',
  ]
  return (
    <LineChart
      title="Burn-down: remaining work"
      description={parts.join(' ')}
      testId="burndown"
      dates={burndown.points.map((point) => point.date)}
      series={series}
      statusDate={burndown.statusDate}
      statusText={statusDay}
      amountText={(minutes) => durationFormat(minutes, unit, settings)}
      amountLabel={unit === 'd' ? 'Work (days)' : 'Work (hours)'}
      amountScale={unit === 'd' ? settings.minutesPerDay : 60}
    />
  )
}

function day(minutes: number): string {
  return dateFromWallMinutes(minutes).slice(0, 10)
}
