/**
 * Builders for the small hand-made plans of the resource tests (load, levelling, suggestions, the assignments
 * column, the overallocations CLI).
 *
 * January 2026:      Mo Tu We Th Fr Sa Su
 *                     5  6  7  8  9 10 11
 *                    12 13 14 15 16 17 18
 * Standard calendar: 08:00-12:00, 13:00-17:00 on weekdays.
 */
import { makeAssignment, makePlan } from '../../src/shared/domain/defaults'
import { taskRuleFillWork } from '../../src/shared/domain/task-rules'
import type { Assignment, Plan, Resource } from '../../src/shared/domain/model'

/** A full-time resource on the plan's calendar with no days off; `overrides` changes any field. */
export function makeResource(id: number, name: string, overrides: Partial<Resource> = {}): Resource {
  return {
    id,
    name,
    role: '',
    initials: '',
    email: '',
    maxUnits: 100,
    hourlyRate: 0,
    nonWorkingDays: [],
    calendarId: null,
    ...overrides,
  }
}

/**
 * A plan that starts Monday 2026-01-05 08:00 and was created 2026-01-01 (`overrides` as for makePlan); assignments
 * without work get units x their task's duration (`taskRuleFillWork`).
 */
export function makeJanuaryPlan(id: string, name: string, overrides: Partial<Plan> = {}): Plan {
  return taskRuleFillWork(makePlan(id, name, '2026-01-05T08:00:00', '2026-01-01T00:00:00', overrides))
}

/**
 * Assignments from [taskId, resourceId, units] rows, numbered from 1 in row order; units default to 100 %. Their work
 * is 0 until `taskRuleFillWork` (which `makeJanuaryPlan` applies) gives them units x their task's duration.
 */
export function makeAssignments(
  rows: Array<[taskId: number, resourceId: number, units?: number]>,
): Assignment[] {
  return rows.map(([taskId, resourceId, units], index) => makeAssignment(index + 1, taskId, resourceId, units ?? 100, 0))
}
