/**
 * Resource usage: a heat map of resources x days (Day zoom) or weeks (other zooms, shared with the Gantt) with the
 * load of each bucket in percent of what the resource can work (over 100 % in red), a load histogram of the chosen
 * resource with its capacity line, and the Over-allocations panel. The heat map renders only the columns in view.
 */
import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { dateFromDayNumber, dateToDayNumber, dateWeekday } from '../../../../shared/domain/dates'
import { loadSeries, type LoadBucket, type PlanLoad, type ResourceLoad } from '../../../../shared/domain/load'
import type { Plan, Resource, ResourceId, TaskId } from '../../../../shared/domain/model'
import type { Schedule } from '../../../../shared/domain/schedule-types'
import { costTimephased } from '../../../../shared/domain/cost'
import { zoomLevels } from '../workspace/layout'
import { trackingMoneyText, trackingOf } from '../workspace/tracking'
import { useWorkspace, useWorkspaceApi } from '../workspace/workspace-store'
import { OverallocationsPanel } from './OverallocationsPanel'
import { percentText, usePlanLoad } from './plan-load'
import './resources.css'

const nameWidth = 160
const overscan = 4

function levelClass(bucket: LoadBucket): string {
  const percent = bucket.percent
  if (bucket.isOverallocated || (percent !== null && percent > 100 + 1e-6)) return 'is-over'
  if (percent === null) return 'is-off'
  if (percent <= 0) return 'is-free'
  if (percent < 80) return 'is-low'
  return 'is-full'
}

/** The highest peak units (percent) of the bucket's days, from the resource's per-day figures. */
function bucketPeakUnits(load: ResourceLoad | undefined, bucket: LoadBucket): number {
  if (load === undefined) return 0
  let peak = 0
  for (let day = bucket.startDay; day < bucket.startDay + bucket.days; day++) peak = Math.max(peak, load.peakUnits[day - load.firstDay] ?? 0)
  return peak
}

function hours(minutes: number): string {
  return `${Math.round((minutes / 60) * 10) / 10} h`
}

type Props = {
  /** Shows tasks in the Gantt view (after they are selected). */
  onShowTasks?: (taskIds: TaskId[]) => void
  /** The resource whose histogram is shown first. */
  initialResourceId?: ResourceId | null
}

export function UsageView({ onShowTasks, initialResourceId = null }: Props) {
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
  const daysPerBucket: 1 | 7 = zoomLevel <= 0 ? 1 : 7
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
            <span className="rs-swatch is-low" /> under 80 % <span className="rs-swatch is-full" /> 80–100 % <span className="rs-swatch is-over" /> over 100 %
          </span>
        </div>
        <p className="rs-usage-note">
          Each cell is the {daysPerBucket === 1 ? "day's" : "week's"} load: the work assigned ÷ the work the resource can do then (max units × working hours). Peak
          units, the most a resource is asked for at one moment (Microsoft Project's PeakUnits), are in each cell's tooltip, the Over-allocations panel and the
          resource sheet.
        </p>
        {plan.resources.length === 0 ? (
          <p className="rs-empty">No resources yet. Add them in the Resources view.</p>
        ) : (
          <>
            <HeatMap plan={plan} schedule={schedule} load={load} daysPerBucket={daysPerBucket} chosen={resourceId} onChoose={setChosen} />
            {resourceId !== null && <Histogram plan={plan} schedule={schedule} load={load} resourceId={resourceId} daysPerBucket={daysPerBucket} />}
            {resourceId !== null && <ResourceCostPerPeriod plan={plan} schedule={schedule} resourceId={resourceId} daysPerBucket={daysPerBucket} />}
          </>
        )}
      </div>
      <OverallocationsPanel plan={plan} schedule={schedule} load={load} onShowTasks={onShowTasks} />
    </div>
  )
}

/**
 * First and last day shown: the project start to its finish, with a little room after. Per week, the range is whole
 * weeks: a week cut short at either end would show its few days' capacity as a dip in the capacity line.
 */
function dayRange(plan: Plan, schedule: Schedule, daysPerBucket: 1 | 7): [number, number] {
  const projectStart = dateToDayNumber(plan.start.slice(0, 10))
  const first = schedule.taskCount > 0 ? Math.min(projectStart, Math.floor(schedule.projectStart / 1440)) : projectStart
  const last = schedule.taskCount > 0 ? Math.max(first + 13, Math.ceil(schedule.projectFinish / 1440) + 6) : first + 27
  if (daysPerBucket === 1) return [first, last]
  const weekStart = plan.settings.weekStartDay
  return [first - ((dateWeekday(first) - weekStart + 7) % 7), last + 6 - ((dateWeekday(last) - weekStart + 7) % 7)]
}

function useSeries(plan: Plan, schedule: Schedule, load: PlanLoad, daysPerBucket: 1 | 7): { resource: Resource; buckets: LoadBucket[] }[] {
  return useMemo(() => {
    const [first, last] = dayRange(plan, schedule, daysPerBucket)
    return plan.resources.map((resource) => {
      const resourceLoad = load.byResource.get(resource.id)
      return { resource, buckets: resourceLoad === undefined ? [] : loadSeries(resourceLoad, plan, resource, first, last, daysPerBucket) }
    })
  }, [plan, schedule, load, daysPerBucket])
}

function HeatMap({
  plan,
  schedule,
  load,
  daysPerBucket,
  chosen,
  onChoose,
}: {
  plan: Plan
  schedule: Schedule
  load: PlanLoad
  daysPerBucket: 1 | 7
  chosen: ResourceId | null
  onChoose: (id: ResourceId) => void
}) {
  const rows = useSeries(plan, schedule, load, daysPerBucket)
  // Wide enough for the bold "Wk 03-02" heading with its padding.
  const columnWidth = daysPerBucket === 1 ? 46 : 74
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
          Load of each resource per {daysPerBucket === 1 ? 'day' : 'week'}, in percent of its capacity
        </caption>
        <thead>
          <tr>
            <th scope="col" className="rs-heat-name" style={{ width: nameWidth }}>
              Resource
            </th>
            {before > 0 && <th aria-hidden="true" style={{ width: before }} />}
            {visible.map((bucket) => (
              <th key={bucket.startDay} scope="col" style={{ width: columnWidth }} className="rs-heat-head">
                {daysPerBucket === 1 ? bucket.start.slice(5) : `Wk ${bucket.start.slice(5)}`}
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
                  const peakUnits = bucketPeakUnits(load.byResource.get(resource.id), bucket)
                  const label = `${resource.name}, ${daysPerBucket === 1 ? bucket.start : `week of ${bucket.start}`}: ${
                    bucket.percent === null ? 'not working' : `load ${text} (${hours(bucket.assigned)} of ${hours(bucket.available)})`
                  }${peakUnits > 0 ? `, peak units ${percentText(peakUnits)}` : ''}${bucket.isOverallocated ? ', over-allocated' : ''}`
                  return (
                    <td key={bucket.startDay} className={`rs-heat-cell ${levelClass(bucket)}`} title={label} aria-label={label}>
                      {bucket.assigned > 0 ? text.replace(' %', '%') : ''}
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

function Histogram({ plan, schedule, load, resourceId, daysPerBucket }: { plan: Plan; schedule: Schedule; load: PlanLoad; resourceId: ResourceId; daysPerBucket: 1 | 7 }) {
  const resource = plan.resources.find((item) => item.id === resourceId)
  const buckets = useMemo(() => {
    const resourceLoad = load.byResource.get(resourceId)
    if (resource === undefined || resourceLoad === undefined) return []
    const [first, last] = dayRange(plan, schedule, daysPerBucket)
    return loadSeries(resourceLoad, plan, resource, first, last, daysPerBucket)
  }, [plan, schedule, load, resource, resourceId, daysPerBucket])
  const headingId = useId()
  if (resource === undefined) return null
  const barWidth = daysPerBucket === 1 ? 18 : 40
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
  return (
    <section className="rs-histogram" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Load of {resource.name} ({resource.maxUnits} % max) per {daysPerBucket === 1 ? 'day' : 'week'}
        {overCount > 0 ? ` — over capacity in ${overCount} ${daysPerBucket === 1 ? 'day' : 'week'}${overCount === 1 ? '' : 's'}` : ''}
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
                <rect x={x} y={barTop} width={barWidth} height={Math.max(0, y(0) - barTop)} className={`rs-bar ${bucket.isOverallocated ? 'is-over' : ''}`}>
                  <title>{`${bucket.start}: ${hours(bucket.assigned)} assigned of ${hours(bucket.available)} available (${percentText(bucket.percent)})`}</title>
                </rect>
                {(daysPerBucket === 7 || index % 7 === 0) && (
                  <text x={x + barWidth / 2} y={height - 6} className="rs-axis-label" textAnchor="middle">
                    {bucket.start.slice(5)}
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
function ResourceCostPerPeriod({ plan, schedule, resourceId, daysPerBucket }: { plan: Plan; schedule: Schedule; resourceId: ResourceId; daysPerBucket: 1 | 7 }) {
  const resource = plan.resources.find((item) => item.id === resourceId)
  const periods = useMemo(() => {
    const [first, last] = dayRange(plan, schedule, daysPerBucket)
    return costTimephased(plan, schedule, { period: daysPerBucket === 1 ? 'day' : 'week', from: dateFromDayNumber(first), to: dateFromDayNumber(last), resourceId }).filter(
      (period) => Math.abs(period.cost) >= 0.005,
    )
  }, [plan, schedule, resourceId, daysPerBucket])
  const headingId = useId()
  if (resource === undefined) return null
  const index = plan.resources.indexOf(resource)
  const total = trackingOf(plan, schedule).costs.resourceCost[index] ?? 0
  const currency = plan.settings.currencyCode
  return (
    <section className="rs-cost" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Cost of {resource.name} per {daysPerBucket === 1 ? 'day' : 'week'} ({currency}) — total {trackingMoneyText(total)}
      </h3>
      {periods.length === 0 ? (
        <p className="rs-empty">{resource.name} has no cost in this plan (no rate, or no assignments).</p>
      ) : (
        <div className="rs-cost-scroll">
          <table className="ws-table rs-cost-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{daysPerBucket === 1 ? 'Day' : 'Week of'}</th>
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
