/**
 * The resource load the views show. The store computes it beside the schedule (`document.load`, updated
 * incrementally with `loadUpdate` right after the frame that shows an edit); views that need the load of exactly the
 * version they show (usage, resource sheet) ask the store for it with `usePlanLoad`, the task-row markers take the
 * last published one (`usePlanLoadPublished`), which may be one edit behind for a frame.
 */
import { useMemo } from 'react'
import { loadCompute, type OverallocationPeriod, type PlanLoad } from '../../../../shared/domain/load'
import type { Plan, Resource, ResourceId, Task, TaskId } from '../../../../shared/domain/model'
import type { Schedule, ScheduleResult } from '../../../../shared/domain/schedule-types'
import { useWorkspace, useWorkspaceApi } from '../workspace/workspace-store'

/** The load of `plan` for `schedule`, computed in full. */
export function planLoadOf(plan: Plan, schedule: Schedule): PlanLoad {
  return loadCompute(plan, schedule)
}

/**
 * The load for exactly this plan and schedule result (the open document's): the store's published load when it is
 * for this version, else computed now by the store (incrementally) and shared with every other view; `null` when
 * the plan is not scheduled.
 */
export function usePlanLoad(plan: Plan | null, result: ScheduleResult | null): PlanLoad | null {
  const store = useWorkspaceApi()
  const published = useWorkspace((state) => state.document?.load ?? null)
  return useMemo(() => {
    if (plan === null || result === null || !result.ok) return null
    if (published !== null && published.plan === plan && published.schedule === result.schedule) return published
    const documentLoadOf = store.getState().documentLoadOf
    return documentLoadOf?.(plan, result.schedule) ?? loadCompute(plan, result.schedule)
  }, [plan, result, published, store])
}

/**
 * The load the store last published for the open plan: after an edit it is the previous version's until the frame
 * that shows the edit is painted. For what is looked up by task or resource id (the row markers), not by position.
 */
export function usePlanLoadPublished(): PlanLoad | null {
  return useWorkspace((state) => state.document?.load ?? null)
}

/** A percentage as shown: whole numbers, "∞" for work on a day without availability. */
export function percentText(value: number | null): string {
  if (value === null) return ''
  if (!Number.isFinite(value)) return '∞ %'
  return `${Math.round(value)} %`
}

/** A lookup of task names by id for one plan (built once, O(tasks)); unnamed tasks read "task <id>". */
export function taskNameLookup(plan: Plan): (id: TaskId) => string {
  const byId = new Map<TaskId, Task>(plan.tasks.map((task) => [task.id, task]))
  return (id) => {
    const name = byId.get(id)?.name.trim() ?? ''
    return name === '' ? `task ${id}` : name
  }
}

/** Names of tasks, in the order given. */
export function taskNames(plan: Plan, ids: readonly TaskId[], nameOf: (id: TaskId) => string = taskNameLookup(plan)): string[] {
  return ids.map(nameOf)
}

/**
 * A conflict's two figures, each named: Microsoft Project's peak units (the highest sum of the resource's assignment
 * units at one moment, 100 % = one full-time person) and the busiest day's load (that day's work ÷ the work the
 * resource can do that day): "peak units 200 %, busiest day 150 %".
 */
export function conflictFigures(conflict: OverallocationPeriod): string {
  return `peak units ${percentText(conflict.peakUnits)}, busiest day ${percentText(conflict.peakPercent)}`
}

/** One line describing a conflict: who, when, how much, which tasks. */
export function conflictText(conflict: OverallocationPeriod, resources: ReadonlyMap<ResourceId, Resource>, nameOf: (id: TaskId) => string): string {
  const who = resources.get(conflict.resourceId)?.name ?? `resource ${conflict.resourceId}`
  const when = conflict.start === conflict.finish ? `on ${conflict.start}` : `from ${conflict.start} to ${conflict.finish}`
  return `${who} is over-allocated ${when} (${conflictFigures(conflict)}) on ${conflict.taskIds.map(nameOf).join(', ')}`
}

/** Texts of the over-allocated tasks, each built when first read (the grid reads those of the rows in view). */
class OverallocationTexts implements ReadonlyMap<TaskId, string> {
  private readonly conflictsOf = new Map<TaskId, number[]>()
  private readonly texts = new Map<TaskId, string>()
  private readonly conflictTexts: (string | undefined)[] = []
  private resources: ReadonlyMap<ResourceId, Resource> | null = null
  private names: ((id: TaskId) => string) | null = null

  constructor(
    private readonly plan: Plan,
    private readonly load: PlanLoad,
  ) {
    load.conflicts.forEach((conflict, index) => {
      for (const taskId of conflict.taskIds) {
        const list = this.conflictsOf.get(taskId)
        if (list === undefined) this.conflictsOf.set(taskId, [index])
        else if (list[list.length - 1] !== index) list.push(index)
      }
    })
  }

  get size(): number {
    return this.conflictsOf.size
  }

  has(taskId: TaskId): boolean {
    return this.conflictsOf.has(taskId)
  }

  /** A task's name in `plan`, found through the load's index when the task list is the same (no O(tasks) map). */
  private nameOf = (id: TaskId): string => {
    const index = this.load.schedule.indexOf.get(id)
    const task = index === undefined ? undefined : this.plan.tasks[index]
    if (task !== undefined && task.id === id) {
      const name = task.name.trim()
      return name === '' ? `task ${id}` : name
    }
    this.names ??= taskNameLookup(this.plan)
    return this.names(id)
  }

  private conflictText(index: number): string {
    let text = this.conflictTexts[index]
    if (text === undefined) {
      this.resources ??= new Map(this.plan.resources.map((resource) => [resource.id, resource]))
      text = conflictText(this.load.conflicts[index] as OverallocationPeriod, this.resources, this.nameOf)
      this.conflictTexts[index] = text
    }
    return text
  }

  get(taskId: TaskId): string | undefined {
    const cached = this.texts.get(taskId)
    if (cached !== undefined) return cached
    const indexes = this.conflictsOf.get(taskId)
    if (indexes === undefined) return undefined
    let result = ''
    for (const index of indexes) {
      const text = this.conflictText(index)
      if (result === '') result = text
      else if (!result.includes(text)) result = `${result}; ${text}`
    }
    this.texts.set(taskId, result)
    return result
  }

  private all(): Map<TaskId, string> {
    const all = new Map<TaskId, string>()
    for (const taskId of this.conflictsOf.keys()) all.set(taskId, this.get(taskId) as string)
    return all
  }

  forEach(callback: (value: string, key: TaskId, map: ReadonlyMap<TaskId, string>) => void): void {
    for (const [key, value] of this.all()) callback(value, key, this)
  }

  keys(): MapIterator<TaskId> {
    return this.conflictsOf.keys()
  }

  values(): MapIterator<string> {
    return this.all().values()
  }

  entries(): MapIterator<[TaskId, string]> {
    return this.all().entries()
  }

  [Symbol.iterator](): MapIterator<[TaskId, string]> {
    return this.entries()
  }
}

/** The texts of each load, indexed once per load (a load is immutable; the grid asks on every render). */
const textsOfLoad = new WeakMap<PlanLoad, OverallocationTexts>()

/**
 * For the marker on task rows: each over-allocated task of `plan` with a short explanation (which resources, peak,
 * with which other tasks). The names are those of the plan version the load was computed for: the same as `plan`'s
 * once the store published the load of the version shown (right after the frame that shows an edit). O(tasks in
 * conflicts) once per load; each text is made when first read.
 */
export function overallocationByTask(_plan: Plan, load: PlanLoad): ReadonlyMap<TaskId, string> {
  let texts = textsOfLoad.get(load)
  if (texts === undefined) {
    texts = new OverallocationTexts(load.plan, load)
    textsOfLoad.set(load, texts)
  }
  return texts
}
