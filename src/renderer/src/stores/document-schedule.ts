/**
 * The schedule of the open plan, kept current edit by edit with the engine's incremental path.
 *
 * The engine (`schedulePrepare`) compiles a plan once (validation, calendars, the link graph) and `update` applies
 * one edit and recomputes only what it reaches. Edits reach the store as whole plan versions, so this module finds
 * out what changed between the version the engine holds and the next one: when that is a duration or constraint of
 * a few tasks, the lag of one link, or one link added or removed, the engine is updated; anything else (outline,
 * calendars, progress, a new task...) prepares the engine again from the new plan. Either way the result equals
 * `scheduleRun(next)` (tests/renderer/document-schedule.test.ts checks this on random edit sequences).
 */
import { dateIsValidIsoDateTime } from '../../../shared/domain/dates'
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

/** More changed tasks than this in one edit are cheaper to prepare again than to feed to the engine one by one. */
const maxIncrementalTasks = 8

/** Prepares the engine for `plan` and schedules it in full. */
export function scheduleSessionStart(prepare: SchedulePrepare, plan: Plan): ScheduleSession {
  const prepared = prepare(plan)
  if (!prepared.ok) return { plan, result: { ok: false, problems: prepared.problems }, engine: null }
  const result = prepared.engine.run()
  return { plan, result, engine: result.ok ? prepared.engine : null }
}

/** Whether two versions of a plan have the same inputs apart from their tasks and links. */
function samePlanInputs(previous: Plan, next: Plan): boolean {
  return (
    previous.resources === next.resources &&
    previous.assignments === next.assignments &&
    previous.calendars === next.calendars &&
    previous.settings === next.settings &&
    previous.start === next.start &&
    previous.statusDate === next.statusDate &&
    previous.calendarId === next.calendarId
  )
}

/** Whether two versions of a plan schedule the same (a rename or a notes edit needs no new schedule). */
export function scheduleSameInput(previous: Plan, next: Plan): boolean {
  return previous.tasks === next.tasks && previous.dependencies === next.dependencies && samePlanInputs(previous, next)
}

function sameConstraint(a: Task['constraint'], b: Task['constraint']): boolean {
  return a === b || (a.type === b.type && a.date === b.date)
}

/** Whether the engine reads the same inputs from both versions of a task, apart from duration and constraint. */
function sameTaskInputs(a: Task, b: Task): boolean {
  return (
    a.id === b.id &&
    a.level === b.level &&
    a.calendarId === b.calendarId &&
    a.actualStart === b.actualStart &&
    a.actualFinish === b.actualFinish &&
    a.levelingDelay === b.levelingDelay &&
    a.deadline === b.deadline &&
    a.percentComplete === b.percentComplete
  )
}

/** The engine edits that turn `previous` into `next` task by task, or `null` when the change is of another kind. */
function taskEdits(previous: Plan, next: Plan): { edits: ScheduleEdit[]; tasks: Task[] } | null {
  if (previous.tasks.length !== next.tasks.length) return null
  const edits: ScheduleEdit[] = []
  const tasks: Task[] = []
  for (let index = 0; index < next.tasks.length; index++) {
    const before = previous.tasks[index] as Task
    const after = next.tasks[index] as Task
    if (before === after) continue
    if (!sameTaskInputs(before, after)) return null
    const isDurationChanged =
      before.duration !== after.duration ||
      before.durationUnit !== after.durationUnit ||
      before.isMilestone !== after.isMilestone
    const isConstraintChanged = !sameConstraint(before.constraint, after.constraint)
    if (!isDurationChanged && !isConstraintChanged) continue
    if (tasks.length >= maxIncrementalTasks) return null
    // A constraint date the full validation refuses: let it report the problem.
    const { type, date } = after.constraint
    if (type !== 'ASAP' && type !== 'ALAP' && (date === null || !dateIsValidIsoDateTime(date))) return null
    tasks.push(after)
    if (isDurationChanged)
      edits.push({ kind: 'duration', taskId: after.id, duration: after.duration, durationUnit: after.durationUnit })
    if (isConstraintChanged) edits.push({ kind: 'constraint', taskId: after.id, constraint: after.constraint })
  }
  return { edits, tasks }
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

/** Whether the engine now sees exactly the inputs of `next` (it derives some fields itself, e.g. milestones). */
function engineAgrees(engine: ScheduleEngine, next: Plan, tasks: readonly Task[]): boolean {
  const seen = engine.plan
  if (seen.dependencies.length !== next.dependencies.length) return false
  for (let index = 0; index < next.dependencies.length; index++) {
    const a = seen.dependencies[index] as Dependency
    const b = next.dependencies[index] as Dependency
    if (a !== b && !(sameLinkEnds(a, b) && a.lag === b.lag && a.lagUnit === b.lagUnit)) return false
  }
  const positions = new Map<number, number>()
  for (const task of tasks) positions.set(task.id, -1)
  if (tasks.length > 0) {
    for (let index = 0; index < seen.tasks.length; index++) {
      const id = (seen.tasks[index] as Task).id
      if (positions.has(id)) positions.set(id, index)
    }
  }
  for (const task of tasks) {
    const held = seen.tasks[positions.get(task.id) ?? -1]
    if (
      held === undefined ||
      held.duration !== task.duration ||
      held.durationUnit !== task.durationUnit ||
      held.isMilestone !== task.isMilestone ||
      !sameConstraint(held.constraint, task.constraint)
    )
      return false
  }
  return true
}

/**
 * The session for `next`, the plan after an edit of `session.plan`: the engine is updated in place when the edit is
 * one it understands, else prepared again. `session` must not be used afterwards.
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
  let edits: ScheduleEdit[]
  let tasks: Task[] = []
  if (previous.dependencies === next.dependencies) {
    const found = taskEdits(previous, next)
    if (found === null) return scheduleSessionStart(prepare, next)
    edits = found.edits
    tasks = found.tasks
  } else {
    if (previous.tasks !== next.tasks) return scheduleSessionStart(prepare, next)
    const edit = linkEdit(previous.dependencies, next.dependencies)
    if (edit === null) return scheduleSessionStart(prepare, next)
    edits = [edit]
  }
  // Only fields the engine does not read changed (names, notes, collapse): the schedule stays.
  if (edits.length === 0) return { ...session, plan: next }
  let result: ScheduleResult = session.result
  for (const edit of edits) {
    result = engine.update(edit)
    if (!result.ok) return scheduleSessionStart(prepare, next)
  }
  if (!engineAgrees(engine, next, tasks)) return scheduleSessionStart(prepare, next)
  return { plan: next, result, engine }
}
