/**
 * The S-curve: cumulative planned value, earned value and actual cost per period (EV and AC up to the status date),
 * the status date as a line. One component for the Earned value view and the health dashboard; the series comes from
 * `earnedValueSeries` over the figures of `trackingOf`.
 */
import { useMemo } from 'react'
import { costSeriesPeriod, earnedValueSeries } from '../../../../shared/domain/cost'
import type { Plan } from '../../../../shared/domain/model'
import type { Schedule } from '../../../../shared/domain/schedule-types'
import { LineChart, type LineChartSeries } from './LineChart'
import { trackingMoney, trackingMoneyText, type TrackingFigures } from './tracking'

export function SCurve({ plan, schedule, figures }: { plan: Plan; schedule: Schedule; figures: TrackingFigures }) {
  const points = useMemo(
    () => earnedValueSeries(plan, schedule, figures.costs, figures.value, costSeriesPeriod(schedule)),
    [plan, schedule, figures],
  )
  const series = useMemo<LineChartSeries[]>(
    () => [
      { key: 'pv', label: 'Planned value (BCWS)', className: 'is-pv', values: points.map((point) => point.pv) },
      { key: 'ev', label: 'Earned value (BCWP)', className: 'is-ev', values: points.map((point) => point.ev) },
      { key: 'ac', label: 'Actual cost (ACWP)', className: 'is-ac', values: points.map((point) => point.ac) },
    ],
    [points],
  )
  const first = points[0]
  const last = points[points.length - 1]
  if (points.length < 2 || first === undefined || last === undefined)
    return <p className="ws-ev-note">Nothing to chart yet: the plan has no cost over time.</p>
  const atStatus = figures.value.plan
  const statusDay = figures.statusDate.slice(0, 10)
  const description = `Cumulative cost from ${first.date.slice(0, 10)} to ${last.date.slice(0, 10)}: planned value reaches ${trackingMoney(last.pv, plan)}. At the status date ${statusDay}: planned value ${trackingMoney(atStatus.pv, plan)}, earned value ${trackingMoney(atStatus.ev, plan)}, actual cost ${trackingMoney(atStatus.ac, plan)}.`
  return (
    <LineChart
      title="S-curve: cumulative planned value, earned value and actual cost"
      description={description}
      testId="s-curve"
      dates={points.map((point) => point.date)}
      series={series}
      statusDate={figures.value.statusDate}
      statusText={statusDay}
      amountText={trackingMoneyText}
    />
  )
}
