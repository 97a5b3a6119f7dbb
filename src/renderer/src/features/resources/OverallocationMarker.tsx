/**
 * The marker on a task row of the grid when one of the task's resources is over-allocated while it runs; its
 * accessible name and tooltip say who, when, how much and with which tasks.
 */
import { useMemo } from 'react'
import type { Plan, TaskId } from '../../../../shared/domain/model'
import type { ScheduleResult } from '../../../../shared/domain/schedule-types'
import { overallocationByTask, usePlanLoad } from './plan-load'
import './resources.css'

const none: ReadonlyMap<TaskId, string> = new Map()

/** Over-allocated tasks of the plan with their explanation (empty when the plan is not scheduled). */
export function useTaskOverallocations(plan: Plan | null, result: ScheduleResult | null): ReadonlyMap<TaskId, string> {
  const load = usePlanLoad(plan, result)
  return useMemo(() => (plan === null || load === null ? none : overallocationByTask(plan, load)), [plan, load])
}

export function OverallocationMarker({ text }: { text: string }) {
  return (
    // The sign comes from CSS so the cell's text (what the grid shows and copies) stays the task name.
    <span className="rs-row-marker" role="img" aria-label={`Over-allocated: ${text}`} title={text} data-testid="overallocation-marker" />
  )
}
