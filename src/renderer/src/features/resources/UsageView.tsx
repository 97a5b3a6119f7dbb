/**
 * Resource usage: a heat map of resources x periods (days, weeks, months or quarters, following the zoom shared with
 * the Gantt) with the load of each period in percent of what the resource can work, a load histogram of the chosen
 * resource with its capacity line, and the Over-allocations panel. A cell's colour is the figure it shows (over
 * 100 % in red); a period under 100 % that holds an over-allocated day is marked (a red corner and "!") and says
 * which day peaks. The heat map renders only the columns in view.
 */
import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { dateFromDayNumber, dateToDayNumber } from '../../../../shared/domain/dates'
import type { PlanLoad } from '../../../../shared/domain/load'
import type { Plan, Resource, ResourceId, TaskId } from '../../../../shared/domain/model'
import type { Schedule } from '../../../../shared/domain/schedule-types'
import { costTimephased, type CostPeriodKind } from '../../../../shared/domain/cost'
import { zoomLevels } from '../workspace/layout'
import { trackingMoneyText, trackingOf } from '../workspace/tracking'
import { useWorkspace, useWorkspaceApi } from '../workspace/workspace-store'
import { OverallocationsPanel, type LevelingReport } from './OverallocationsPanel'
import { percentText, usePlanLoad } from './plan-load'
import { usageBuckets, usageRange, usageUnitOf, type UsageBucket, type UsageUnit } from './usage-buckets'
import './resources.css'

const nameWidth = 160
const overscan = 4

/** The colour of a cell: the figure it shows. */
function levelClass(bucket: UsageBucket): string {
  const percent = bucket.percent
  if (percent === null) return 'is-off'
  if (percent > 100 + 1e-6) return 'is-over'
  if (percent <= 0) return 'is-free'
  if (percent < 80) return 'is-low'
  return 'is-full'
}

/** A period whose own figure is not over 100 % but that holds an over-allocated day (or moment). */
function hasOverDay(bucket: UsageBucket): boolean {
  return bucket.isOverallocated && !(bucket.percent !== null && bucket.percent > 100 + 1e-6)
}

const unitNames: Record<UsageUnit, string> = { day: 'day', week: 'week', month: 'month', quarter: 'quarter' }

function hours(minutes: number): string {
  return `${Math.round((minutes / 60) * 10) / 10} h`
}

type Props = {
  /** Shows tasks in the Gantt view (after they are selected). */
  onShowTasks?: (taskIds: TaskId[]) => void
  /** The resource whose histogram is shown first. */
  initialResourceId?: ResourceId | null
  /** The last leveling run's summary, kept by the owner across tab switches. */
  levelingReport?: LevelingReport | null
  onLevelingReport?: (report: LevelingReport | null) => void
}

export function UsageView({ onShowTasks, initialResourceId = null, levelingReport, onLevelingReport }: Props) {
  const store = useWorkspaceApi()
  const plan = useWorkspace((state) => state.document?.plan ?? null)
  const result = useWorkspace((state) => state.document?.schedule ?? null)
  const zoomLevel = useWorkspace((state) => state.zoomLevel)
  const load = usePlanLoad(plan, result)
  const [chosen, setChosen] = useState<ResourceId | null>(initialResourceId)
  if (plan === null) return null
  if (load === null || result === null || !result.ok)
    return <p className="rs-empty rs-pad">The plan cannot be scheduled, so its load cannot be shown. Fix the problem shown above first.</p>
  const schedule = result.schedule
  const unit = usageUnitOf(zoomLevel)
  const resourceId = chosen !== null && plan.resources.some((resource) => resource.id === chosen) ? chosen : (load.conflicts[0]?.resourceId ?? plan.resources[0]?.id ?? null)
  return (
    <div className="rs-usage">
      <div className="rs-usage-main">
        <div className="rs-usage-bar">
          <h2>Resource usage</h2>
          <label className="ws-zoom">
            Zoom
            <select value={zoomLevel} onChange={(event) => store.getState().zoomBy(Number(event.target.value) - zoomLevel)}>
              {zoomLevels.map((level, index) => (
                <option key={level} value={index}>
                  {level[0]?.toUpperCase() + level.slice(1)}
                </option>
              ))}
            </select>
          </label>
          <span className="rs-legend" aria-hidden="true">
            <span className="rs-swatch is-low" /> under 80 % <span className="rs-swatch is-full" /> 80–100 % <span className="rs-swatch is-over" /> over 100 %{' '}
            <span className="rs-swatch has-over-day" /> over 100 % on some day
          </span>
        </div>
        <p className="rs-usage-note">
          Each cell is the {unitNames[unit]}'s load: the work assigned ÷ the work the resource can do then (max units × working hours). Peak
          units, the most a resource is asked for at one moment (Microsoft Project's PeakUnits), are in each cell's tooltip, the Over-allocations panel and the
          resource sheet.
        </p>
        {plan.resources.length === 0 ? (
          <p className="rs-empty">No resources yet. Add them in the Resources view.</p>
        ) : (
          <>
            <HeatMap plan={plan} schedule={schedule} load={load} unit={unit} chosen={resourceId} onChoose={setChosen} />
            {resourceId !== null && <Histogram plan={plan} schedule={schedule} load={load} resourceId={resourceId} unit={unit} />}
            {resourceId !== null && <ResourceCostPerPeriod plan={plan} schedule={schedule} resourceId={resourceId} unit={unit} />}
          </>
        )}
      </div>
      <OverallocationsPanel plan={plan} schedule={schedule} load={load} onShowTasks={onShowTasks} levelingReport={levelingReport} onLevelingReport={onLevelingReport} />
    </div>
  )
}

/** First and last day shown: the project start to its finish, with a little room after, in whole periods. */
function dayRange(plan: Plan, schedule: Schedule, unit: UsageUnit): [number, number] {
  const projectStart = dateToDayNumber(plan.start.slice(0, 10))
  const first = schedule.taskCount > 0 ? Math.min(projectStart, Math.floor(schedule.projectStart / 1440)) : projectStart
  const last = schedule.taskCount > 0 ? Math.max(first + 13, Math.ceil(schedule.projectFinish / 1440) + 6) : first + 27
  return usageRange(unit, first, last, plan.settings.weekStartDay)
}

function useSeries(plan: Plan, schedule: Schedule, load: PlanLoad, unit: UsageUnit): { resource: Resource; buckets: UsageBucket[] }[] {
  return useMemo(() => {
    const [first, last] = dayRange(plan, schedule, unit)
    return plan.resources.map((resource) => {
      const resourceLoad = load.byResource.get(resource.id)
      return { resource, buckets: resourceLoad === undefined ? [] : usageBuckets(resourceLoad, plan, resource, first, last, unit) }
    })
  }, [plan, schedule, load, unit])
}

/** What a cell says to a screen reader and in its tooltip. */
function bucketLabel(resource: Resource, bucket: UsageBucket, unit: UsageUnit): string {
  const when = unit === 'day' ? bucket.start : bucket.title
  if (bucket.percent === null) return `${resource.name}, ${when}: not working`
  const figure = `load ${percentText(bucket.percent)} (${hours(bucket.assigned)} of ${hours(bucket.available)})${
    bucket.peakUnits > 0 ? `, peak units ${percentText(bucket.peakUnits)}` : ''
  }`
  if (!bucket.isOverallocated) return `${resource.name}, ${when}: ${figure}`
  // A day's own figure is its busiest day; a longer period names the day that peaks.
  const busiest = unit === 'day' || bucket.peakDay === null ? '' : ` (busiest day ${percentText(bucket.peakPercent)} on ${dateFromDayNumber(bucket.peakDay)})`
  return hasOverDay(bucket)
    ? `${resource.name}, ${when}: ${figure}, over-allocated on some ${unit === 'day' ? 'hours' : 'days'}${busiest}`
    : `${resource.name}, ${when}: ${figure}, over-allocated${busiest}`
}

function HeatMap({
  plan,
  schedule,
  load,
  unit,
  chosen,
  onChoose,
}: {
  plan: Plan
  schedule: Schedule
  load: PlanLoad
  unit: UsageUnit
  chosen: ResourceId | null
  onChoose: (id: ResourceId) => void
}) {
  const rows = useSeries(plan, schedule, load, unit)
  // Wide enough for the bold "Wk 03-02" and "Mar 2026" headings with their padding.
  const columnWidth = unit === 'day' ? 46 : 74
  const columns = rows[0]?.buckets ?? []
  const scrollRef = useRef<HTMLDivElement>(null)
  const [view, setView] = useState<[number, number]>([0, 1200])
  useLayoutEffect(() => {
    const element = scrollRef.current
    if (element === null) return
    const measure = (): void => setView([element.scrollLeft, element.clientWidth])
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  const firstColumn = Math.max(0, Math.floor(view[0] / columnWidth) - overscan)
  const lastColumn = Math.min(columns.length, Math.ceil((view[0] + view[1]) / columnWidth) + overscan)
  const visible = columns.slice(firstColumn, lastColumn)
  const before = firstColumn * columnWidth
  const after = (columns.length - lastColumn) * columnWidth
  const caption = useId()
  return (
    <div className="rs-heat-scroll" ref={scrollRef} onScroll={(event) => setView([event.currentTarget.scrollLeft, event.currentTarget.clientWidth])}>
      <table className="rs-heat" aria-labelledby={caption} style={{ width: nameWidth + columns.length * columnWidth }}>
        <caption id={caption} className="ws-visually-hidden">
          Load of each resource per {unitNames[unit]}, in percent of its capacity
        </caption>
        <thead>
          <tr>
            <th scope="col" className="rs-heat-name" style={{ width: nameWidth }}>
              Resource
            </th>
            {before > 0 && <th aria-hidden="true" style={{ width: before }} />}
            {visible.map((bucket) => (
              <th key={bucket.startDay} scope="col" style={{ width: columnWidth }} className="rs-heat-head">
                {bucket.label}
              </th>
            ))}
            {after > 0 && <th aria-hidden="true" style={{ width: after }} />}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ resource, buckets }) => {
            const isOver = (load.byResource.get(resource.id)?.periods.length ?? 0) > 0
            return (
              <tr key={resource.id} className={chosen === resource.id ? 'is-chosen' : undefined} data-resource-id={resource.id}>
                <th scope="row" className="rs-heat-name">
                  <button type="button" className="rs-link" aria-pressed={chosen === resource.id} onClick={() => onChoose(resource.id)} title="Show the load histogram">
                    {isOver && (
                      <span className="rs-marker" aria-label="over-allocated" role="img">
                        ⚠
                      </span>
                    )}
                    {resource.name}
                  </button>
                </th>
                {before > 0 && <td aria-hidden="true" />}
                {buckets.slice(firstColumn, lastColumn).map((bucket) => {
                  const text = bucket.percent === null ? '' : percentText(bucket.percent)
                  const label = bucketLabel(resource, bucket, unit)
                  const isMarked = hasOverDay(bucket)
                  return (
                    <td key={bucket.startDay} className={`rs-heat-cell ${levelClass(bucket)}${isMarked ? ' has-over-day' : ''}`} title={label} aria-label={label}>
                      {bucket.assigned > 0 ? `${text.replace(' %', '%')}${isMarked ? ' !' : ''}` : ''}
                    </td>
                  )
                })}
                {after > 0 && <td aria-hidden="true" />}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

function Histogram({ plan, schedule, load, resourceId, unit }: { plan: Plan; schedule: Schedule; load: PlanLoad; resourceId: ResourceId; unit: UsageUnit }) {
  const resource = plan.resources.find((item) => item.id === resourceId)
  const buckets = useMemo(() => {
    const resourceLoad = load.byResource.get(resourceId)
    if (resource === undefined || resourceLoad === undefined) return []
    const [first, last] = dayRange(plan, schedule, unit)
    return usageBuckets(resourceLoad, plan, resource, first, last, unit)
  }, [plan, schedule, load, resource, resourceId, unit])
  const headingId = useId()
  if (resource === undefined) return null
  const barWidth = unit === 'day' ? 18 : unit === 'week' ? 40 : 56
  const gap = 4
  const height = 140
  const top = 12
  const bottom = 22
  const left = 40
  const maxMinutes = Math.max(60, ...buckets.map((bucket) => Math.max(bucket.assigned, bucket.available))) * 1.1
  const y = (minutes: number): number => top + (height - top - bottom) * (1 - minutes / maxMinutes)
  const width = left + buckets.length * (barWidth + gap) + gap
  // The capacity line steps with the available work of each bucket (vacations and weekends lower it).
  let capacity = ''
  buckets.forEach((bucket, index) => {
    const x0 = left + index * (barWidth + gap)
    const x1 = x0 + barWidth + gap
    const yy = y(bucket.available)
    capacity += index === 0 ? `M${x0},${yy}` : `L${x0},${yy}`
    capacity += `L${x1},${yy}`
  })
  const axisHours = Math.round(maxMinutes / 60 / 1.1)
  const overCount = buckets.filter((bucket) => bucket.isOverallocated).length
  const unitName = unitNames[unit]
  return (
    <section className="rs-histogram" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Load of {resource.name} ({resource.maxUnits} % max) per {unitName}
        {overCount > 0 ? ` — over capacity in ${overCount} ${unitName}${overCount === 1 ? '' : 's'}` : ''}
      </h3>
      <div className="rs-histogram-scroll">
        <svg width={width} height={height} role="img" aria-label={`Histogram of assigned work against capacity for ${resource.name}`}>
          <line x1={left - 4} x2={width} y1={y(0)} y2={y(0)} className="rs-axis" />
          <text x={left - 6} y={y(0)} className="rs-axis-label" textAnchor="end" dominantBaseline="middle">
            0
          </text>
          <text x={left - 6} y={y(axisHours * 60)} className="rs-axis-label" textAnchor="end" dominantBaseline="middle">
            {axisHours} h
          </text>
          {buckets.map((bucket, index) => {
            const x = left + index * (barWidth + gap) + gap / 2
            const barTop = y(bucket.assigned)
            return (
              <g key={bucket.startDay}>
                <rect x={x} y={barTop} width={barWidth} height={Math.max(0, y(0) - barTop)} className={`rs-bar${levelClass(bucket) === 'is-over' ? ' is-over' : hasOverDay(bucket) ? ' has-over-day' : ''}`}>
                  <title>{`${bucket.title}: ${hours(bucket.assigned)} assigned of ${hours(bucket.available)} available (${percentText(bucket.percent)})`}</title>
                </rect>
                {(unit !== 'day' || index % 7 === 0) && (
                  <text x={x + barWidth / 2} y={height - 6} className="rs-axis-label" textAnchor="middle">
                    {unit === 'week' ? bucket.start.slice(5) : unit === 'day' ? bucket.label : bucket.label.replace(/ \d{4}$/, '')}
                  </text>
                )}
              </g>
            )
          })}
          <path d={capacity} className="rs-capacity" data-testid="capacity-line" />
        </svg>
      </div>
      <p className="rs-histogram-legend">
        <span className="rs-swatch is-bar" /> assigned work <span className="rs-capacity-swatch" /> capacity (max units × working time)
      </p>
    </section>
  )
}

/** Periods listed at most in the cost table (a long plan by days); the rest are summed in the total. */
const costRowsMax = 400

/**
 * The chosen resource's cost per day or week (its assignments' rate cost spread over their working time, costs per
 * use at their start, accruals at the start or end as the resource says), with the running total.
 */
function ResourceCostPerPeriod({ plan, schedule, resourceId, unit }: { plan: Plan; schedule: Schedule; resourceId: ResourceId; unit: UsageUnit }) {
  const resource = plan.resources.find((item) => item.id === resourceId)
  // Costs are spread per day, week or month; the Quarter zoom lists months (a quarter's three rows add up to it).
  const period: CostPeriodKind = unit === 'quarter' ? 'month' : unit
  const periods = useMemo(() => {
    const [first, last] = dayRange(plan, schedule, unit)
    return costTimephased(plan, schedule, { period, from: dateFromDayNumber(first), to: dateFromDayNumber(last), resourceId }).filter(
      (period) => Math.abs(period.cost) >= 0.005,
    )
  }, [plan, schedule, resourceId, unit, period])
  const headingId = useId()
  if (resource === undefined) return null
  const index = plan.resources.indexOf(resource)
  const total = trackingOf(plan, schedule).costs.resourceCost[index] ?? 0
  const currency = plan.settings.currencyCode
  return (
    <section className="rs-cost" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Cost of {resource.name} per {period} ({currency}) — total {trackingMoneyText(total)}
      </h3>
      {periods.length === 0 ? (
        <p className="rs-empty">{resource.name} has no cost in this plan (no rate, or no assignments).</p>
      ) : (
        <div className="rs-cost-scroll">
          <table className="ws-table rs-cost-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{period === 'day' ? 'Day' : period === 'week' ? 'Week of' : 'Month of'}</th>
                <th scope="col" className="rs-number">
                  Cost
                </th>
                <th scope="col" className="rs-number">
                  Cumulative
                </th>
              </tr>
            </thead>
            <tbody>
              {periods.slice(0, costRowsMax).map((period) => (
                <tr key={period.start}>
                  <th scope="row">{period.start}</th>
                  <td className="rs-number">{trackingMoneyText(period.cost)}</td>
                  <td className="rs-number">{trackingMoneyText(period.cumulative)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
