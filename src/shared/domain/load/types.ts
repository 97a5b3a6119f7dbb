/**
 * What the load computation returns: per resource, work assigned and available day by day and the periods of
 * over-allocation; per plan, all of them with the conflicts in date order.
 */
import type { IsoDate, Percent, Plan, ResourceId, TaskId, WallMinutes } from '../model'
import type { Schedule } from '../schedule-types'

/** One resource's over-allocation: a maximal run of over-allocated working days (non-working days do not split it). */
export type OverallocationPeriod = {
  resourceId: ResourceId
  /** First and last over-allocated day, inclusive. */
  start: IsoDate
  finish: IsoDate
  startDay: number
  finishDay: number
  /**
   * The per-day load: the highest day's assigned work in the period as a percentage of that day's available work
   * (max units x working time; may be <= 100 when the only overlap is within a day, e.g. two 4-hour tasks in the
   * same morning).
   */
  peakPercent: Percent
  /**
   * The peak: the highest sum of the resource's assignment units at any working moment of the period, 100 = one
   * full-time person (Microsoft Project's PeakUnits x 100).
   */
  peakUnits: Percent
  /** `peakUnits` as a percentage of the resource's max units. */
  peakUnitsPercent: Percent
  /** The day (day number) of `peakPercent`. */
  peakDay: number
  /** Tasks assigned to the resource at moments when it is over-allocated, in plan order. */
  taskIds: TaskId[]
  /** Work above the resource's capacity at the over-allocated moments, in minutes of work. */
  excessWork: number
  /** Working minutes of the resource during which it is over-allocated. */
  overMinutes: number
}

/** Load of one resource, day by day from `firstDay` (empty arrays when nothing is assigned). */
export type ResourceLoad = {
  resourceId: ResourceId
  maxUnits: Percent
  /** Day number of index 0 of the arrays. */
  firstDay: number
  /** Assigned work per day, minutes of work. */
  assigned: Float64Array
  /** Available work per day (max units x working minutes), minutes of work. */
  available: Float64Array
  /** Highest sum of assignment units at a working moment of each day, percent. */
  peakUnits: Float64Array
  /**
   * Microsoft Project's resource fields: the highest sum of assignment units at any working moment (percent, 100 =
   * one full-time person; Project's PeakUnits x 100) and whether it ever exceeds the max units (OverAllocated).
   */
  peakUnitsMax: Percent
  isOverallocated: boolean
  /** 1 on over-allocated days. */
  isOverDay: Uint8Array
  periods: OverallocationPeriod[]
  /** Ids of the tasks of this resource's assignments that carry load (leaf tasks with a duration). */
  taskIds: TaskId[]
}

/** Load of a whole plan for one schedule. Treat as immutable; `loadUpdate` returns a new one. */
export type PlanLoad = {
  /** In `plan.resources` order. */
  resources: ResourceLoad[]
  byResource: Map<ResourceId, ResourceLoad>
  /** Every over-allocation period of every resource, by start day then resource order. */
  conflicts: OverallocationPeriod[]
  /** Tasks involved in at least one over-allocation (for the marker on task rows); built on first read. */
  readonly overallocatedTaskIds: Set<TaskId>
  /** What this load was computed from, used by `loadUpdate`. */
  plan: Plan
  schedule: Schedule
}

/** A scheduled piece of work of one resource: a task span at some units. */
export type LoadItem = { start: WallMinutes; finish: WallMinutes; units: Percent; taskIndex: number }
