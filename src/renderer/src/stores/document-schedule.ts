/**
 * The schedule of the open plan, kept current edit by edit with the engine's incremental path.
 *
 * The engine (`schedulePrepare`) compiles a plan once (validation, calendars, the link graph) and `update` applies
 * one edit and recomputes only what it reaches. Edits reach the store as whole plan versions: a change of tasks,
 * links or assignments is handed to the engine (`update`: a lag or one link added or removed as the engine's own
 * link edit, anything else as the new plan, which the engine compares with the one it holds and reloads only what
 * changed, the outline included); calendars, resources, the project start and the settings prepare the engine again. Either way the result equals
 * `scheduleRun(next)` (tests/renderer/document-schedule.test.ts checks this on random edit sequences).
 */
import type { Dependency, Plan, Task } from '../../../shared/domain/model'
import type { ScheduleEdit, ScheduleEngine, SchedulePrepareResult } from '../../../shared/domain/schedule'
import type { ScheduleResult } from '../../../shared/domain/schedule-types'

export type SchedulePrepare = (plan: Plan) => SchedulePrepareResult

/** The engine for one plan version and the result it gave; the engine is mutable, the result is not. */
export type ScheduleSession = {
  plan: Plan
  result: ScheduleResult
  /** `null` when the plan cannot be scheduled (then the next version is prepared from scratch). */
  engine: ScheduleEngine | null
}

/** Prepares the engine for `plan` and schedules it in full. */
export function scheduleSessionStart(prepare: SchedulePrepare, plan: Plan): ScheduleSession {
  const prepared = prepare(plan)
  if (!prepared.ok) return { plan, result: { ok: false, problems: prepared.problems }, engine: null }
  const result = prepared.engine.run()
  return { plan, result, engine: result.ok ? prepared.engine : null }
}

/** Whether two versions of a plan have the same inputs apart from their tasks, links and assignments. */
function samePlanInputs(previous: Plan, next: Plan): boolean {
  return (
    previous.resources === next.resources &&
    previous.calendars === next.calendars &&
    previous.settings === next.settings &&
    previous.start === next.start &&
    previous.statusDate === next.statusDate &&
    previous.calendarId === next.calendarId
  )
}

/** Whether two versions of a plan schedule the same (a rename or a notes edit needs no new schedule). */
export function scheduleSameInput(previous: Plan, next: Plan): boolean {
  return (
    previous.tasks === next.tasks &&
    previous.dependencies === next.dependencies &&
    previous.assignments === next.assignments &&
    samePlanInputs(previous, next)
  )
}

/**
 * Task fields the engine does not read: a change of only these (a rename, notes, collapsing a summary, the stored
 * dates written for files) keeps the schedule as it is. Every other field (duration, constraint, mode and typed
 * dates, work, type, calendars...) is an input.
 */
const displayFields: ReadonlySet<string> = new Set<keyof Task>([
  'name',
  'notes',
  'deliverable',
  'acceptanceCriteria',
  'isCollapsed',
  'baseline',
  'start',
  'finish',
  'priority',
])

function sameTaskInputs(a: Task, b: Task): boolean {
  for (const key of Object.keys(b) as (keyof Task)[]) {
    if (displayFields.has(key) || a[key] === b[key]) continue
    if (key === 'constraint' && a.constraint.type === b.constraint.type && a.constraint.date === b.constraint.date) continue
    return false
  }
  return Object.keys(a).length === Object.keys(b).length
}

/** Whether only fields the engine does not read changed between the task lists (same rows, same order). */
function onlyDisplayChanged(previous: readonly Task[], next: readonly Task[]): boolean {
  if (previous === next) return true
  if (previous.length !== next.length) return false
  for (let index = 0; index < next.length; index++) {
    const before = previous[index] as Task
    const after = next[index] as Task
    if (before !== after && !sameTaskInputs(before, after)) return false
  }
  return true
}

function sameLinkEnds(a: Dependency, b: Dependency): boolean {
  return a.id === b.id && a.predecessorId === b.predecessorId && a.successorId === b.successorId && a.type === b.type
}

/** The one engine edit that turns `previous` links into `next` (a lag, one link added at the end or removed). */
function linkEdit(previous: readonly Dependency[], next: readonly Dependency[]): ScheduleEdit | null {
  if (next.length === previous.length) {
    let edit: ScheduleEdit | null = null
    for (let index = 0; index < next.length; index++) {
      const before = previous[index] as Dependency
      const after = next[index] as Dependency
      if (before === after) continue
      if (edit !== null || !sameLinkEnds(before, after)) return null
      edit = { kind: 'lag', dependencyId: after.id, lag: after.lag, lagUnit: after.lagUnit }
    }
    return edit
  }
  if (next.length === previous.length + 1) {
    for (let index = 0; index < previous.length; index++) if (previous[index] !== next[index]) return null
    return { kind: 'link-add', dependency: next[next.length - 1] as Dependency }
  }
  if (next.length === previous.length - 1) {
    let skipped: Dependency | null = null
    for (let index = 0, other = 0; index < previous.length; index++) {
      if (previous[index] === next[other]) other++
      else if (skipped === null) skipped = previous[index] as Dependency
      else return null
    }
    return skipped === null ? null : { kind: 'link-remove', dependencyId: skipped.id }
  }
  return null
}

/** Whether the engine now holds exactly the links of `next` (after a link edit it holds its own copy of them). */
function engineHasLinks(engine: ScheduleEngine, next: Plan): boolean {
  const seen = engine.plan
  if (seen.dependencies.length !== next.dependencies.length) return false
  for (let index = 0; index < next.dependencies.length; index++) {
    const a = seen.dependencies[index] as Dependency
    const b = next.dependencies[index] as Dependency
    if (a !== b && !(sameLinkEnds(a, b) && a.lag === b.lag && a.lagUnit === b.lagUnit)) return false
  }
  return true
}

/**
 * The session for `next`, the plan after an edit of `session.plan`: the engine is updated in place when the edit is
 * one it understands (any change of tasks, links or assignments: the engine compares the versions and reloads what
 * changed), else prepared again (calendars, resources, the project start, settings). `session` must not be used
 * afterwards.
 */
export function scheduleSessionUpdate(
  prepare: SchedulePrepare,
  session: ScheduleSession,
  next: Plan,
): ScheduleSession {
  const previous = session.plan
  if (next === previous || scheduleSameInput(previous, next)) return { ...session, plan: next }
  const engine = session.engine
  if (engine === null || !samePlanInputs(previous, next)) return scheduleSessionStart(prepare, next)
  // Only fields the engine does not read changed (names, notes, collapse): the schedule stays.
  if (previous.dependencies === next.dependencies && previous.assignments === next.assignments && onlyDisplayChanged(previous.tasks, next.tasks))
    return { ...session, plan: next }
  // A lag or one link added or removed, nothing else: the engine's own link edits. Anything else is handed over as
  // the new plan, which the engine compares with the one it holds (it then holds `next` itself).
  const isLinksOnly = previous.tasks === next.tasks && previous.assignments === next.assignments
  const edit = isLinksOnly ? linkEdit(previous.dependencies, next.dependencies) : null
  const result = engine.update(edit ?? { kind: 'plan', plan: next })
  if (!result.ok) return scheduleSessionStart(prepare, next)
  if (edit !== null && !engineHasLinks(engine, next)) return scheduleSessionStart(prepare, next)
  return { plan: next, result, engine }
}
