/**
 * Rules that tie a task's fields together, in one place for every caller that edits tasks (the engine's incremental
 * edits, the edit commands, the importers): Microsoft Project's meaning of changing a task's duration, work or units
 * for each task type, of adding or removing people on an effort-driven task, of switching between automatic and
 * manual scheduling, and of typing a manual task's dates.
 *
 * Work is in minutes of work, durations in working minutes of the task's calendar, units in percent (100 = one
 * full-time person). An assignment with units u and work w lasts w x 100 / u working minutes of its calendar (the
 * resource's, see the engine), so on a task whose assignments agree, the task's duration is that length.
 *
 * What each task type keeps when the user changes one value (Microsoft Project's table):
 * | type           | duration changed   | work changed       | units changed      |
 * | fixed units    | work follows       | duration follows   | duration follows   |
 * | fixed work     | units follow       | duration follows   | duration follows   |
 * | fixed duration | work follows       | units follow       | work follows       |
 * Effort driven (always on for fixed work): adding a person shares the task's work among everyone in proportion to
 * their units (fixed units, fixed work: the task gets shorter; fixed duration: everyone's units drop); removing one
 * gives their work to the others. Without it, a new person brings units x duration of new work.
 *
 * Plan-level rules return a new plan or a refusal with a message that says why; the input is never modified, and on a
 * refusal nothing changes.
 */
import { calendarCompile, calendarIsProblem, type CompiledCalendar } from './calendar'
import { dateFromWallMinutes, dateToWallMinutes } from './dates'
import type {
  Assignment,
  AssignmentId,
  DurationUnit,
  IsoDateTime,
  Minutes,
  Percent,
  Plan,
  ResourceId,
  SchedulingMode,
  Task,
  TaskId,
  TaskType,
} from './model'

/** Largest values a rule accepts: a duration (minutes), work (minutes of work) and assignment units (percent). */
export const taskRuleLimits = { duration: 1e9, work: 1e10, units: 1000 } as const

/** A plan-level rule's outcome: the new plan, or why nothing changed. */
export type TaskRuleResult = { ok: true; plan: Plan } | { ok: false; message: string }

const elapsedUnits: ReadonlySet<string> = new Set(['em', 'eh', 'ed', 'ew', 'emo'])

/**
 * The duration fields after the user sets a task's duration to `duration` minutes (`unit` as typed, else the task's
 * unit), with Microsoft Project's milestone rule: a duration of 0 makes the task a milestone; a milestone of
 * duration 0 given a duration stops being one; a task the user flagged as a milestone while it had a duration
 * stays flagged (the flag is display only: the engine schedules the duration either way).
 * @returns `duration` (minutes), `durationUnit` and `isMilestone` to merge into the task
 */
export function taskRuleDurationChange(
  task: Pick<Task, 'duration' | 'durationUnit' | 'isMilestone'>,
  duration: Minutes,
  unit?: DurationUnit,
): Pick<Task, 'duration' | 'durationUnit' | 'isMilestone'> {
  const isMilestone = duration === 0 || (task.isMilestone && task.duration > 0)
  return { duration, durationUnit: unit ?? task.durationUnit, isMilestone }
}

/**
 * The duration fields after the user sets or clears a task's milestone flag (the details panel's Milestone box).
 * Flagging keeps the duration (a milestone flagged by hand keeps its length, as in Microsoft Project). Clearing the
 * flag of a 0-duration milestone gives it one working day, `minutesPerDay` minutes, since a task of duration 0 is a
 * milestone whatever its flag says.
 * @returns `duration` (minutes), `durationUnit` and `isMilestone` to merge into the task
 */
export function taskRuleMilestoneChange(
  task: Pick<Task, 'duration' | 'durationUnit' | 'isMilestone'>,
  isMilestone: boolean,
  minutesPerDay: Minutes,
): Pick<Task, 'duration' | 'durationUnit' | 'isMilestone'> {
  if (isMilestone || task.duration > 0)
    return { duration: task.duration, durationUnit: task.durationUnit, isMilestone }
  return { duration: minutesPerDay, durationUnit: task.durationUnit, isMilestone: false }
}

function hours(minutes: number): string {
  return `${Math.round((minutes / 60) * 100) / 100} h`
}

/**
 * Why `work` (minutes of work) cannot be stored, or `null`: it must be a finite number, not negative, and not more
 * than `taskRuleLimits.work`.
 */
export function taskRuleWorkProblem(work: number, what = 'Work'): string | null {
  if (!Number.isFinite(work)) return `${what} must be a number of hours, e.g. 16h.`
  if (work < 0) return `${what} cannot be negative (${hours(work)}).`
  if (work > taskRuleLimits.work)
    return `${what} of ${hours(work)} is not plausible (more than ${hours(taskRuleLimits.work)}).`
  return null
}

/**
 * Why `units` (percent) cannot be stored for an assignment of `resourceName`, or `null`: a finite number above 0 and
 * at most `taskRuleLimits.units` (ten full-time people's worth).
 */
export function taskRuleUnitsProblem(units: number, resourceName = 'the resource'): string | null {
  if (!Number.isFinite(units)) return `Units for ${resourceName} must be a number of percent, e.g. 50%.`
  if (units <= 0)
    return `Units for ${resourceName} must be more than 0 % (remove the resource to unassign it).`
  if (units > taskRuleLimits.units)
    return `Units for ${resourceName} must be at most ${taskRuleLimits.units} % (${units} % is not plausible).`
  return null
}

/** Why `duration` (minutes) cannot be a task's duration, or `null`. */
export function taskRuleDurationProblem(duration: number): string | null {
  if (!Number.isFinite(duration)) return 'A duration must be a number, e.g. 5d.'
  if (duration < 0) return 'A duration cannot be negative.'
  if (duration > taskRuleLimits.duration)
    return `A duration of ${Math.round(duration / 60)} hours is not plausible (more than ${taskRuleLimits.duration / 60} hours).`
  return null
}

/** Working minutes an assignment lasts (work x 100 / units); 0 when it has no work or no units. */
export function taskRuleAssignmentLength(assignment: Pick<Assignment, 'work' | 'units'>): Minutes {
  return assignment.units > 0 && assignment.work > 0 ? round((assignment.work * 100) / assignment.units) : 0
}

/** Rounds away the floating-point noise of a division (whole minutes stay whole). */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6
}

/**
 * The work Microsoft Project gives an assignment of `units` percent to a task of `duration` working minutes:
 * units x duration, in minutes of work (the one rule for assignments that come without work: the `.gantry` version 1
 * migration, the CSV and Microsoft Project XML imports, plans built in code).
 */
export function taskRuleAssignmentWork(units: Percent, duration: Minutes): Minutes {
  return round((units * duration) / 100)
}

/**
 * `plan` with the work Microsoft Project gives a new assignment filled in where an assignment has none: units x its
 * task's duration (`taskRuleAssignmentWork`; summary tasks excepted: the engine works theirs out), and each task with
 * assignments to people or equipment the sum of their work (a material's quantity is not work). `missing` names the assignments to fill (an importer that knows which ones came
 * without work, so a zero work the file states stays 0); without it, every assignment with work 0 is filled.
 * For importers of formats without work (CSV), imports of files that may lack it, and plans built in code.
 * @returns a new plan (the same object when nothing changed)
 */
export function taskRuleFillWork(plan: Plan, missing?: ReadonlySet<AssignmentId>): Plan {
  const indexById = new Map<TaskId, number>()
  plan.tasks.forEach((task, index) => indexById.set(task.id, index))
  let isChanged = false
  const assignments = plan.assignments.map((assignment) => {
    const index = indexById.get(assignment.taskId)
    const task = index === undefined ? undefined : plan.tasks[index]
    const isMissing = missing === undefined ? assignment.work === 0 : missing.has(assignment.id)
    if (!isMissing || task === undefined || index === undefined || isSummaryAt(plan, index)) return assignment
    const work = Math.min(taskRuleAssignmentWork(assignment.units, task.duration), taskRuleLimits.work)
    if (work === assignment.work) return assignment
    isChanged = true
    return { ...assignment, work }
  })
  // A material's work is a quantity consumed, not time: it is not part of its task's work (as the engine rolls it up).
  const materials = new Set(plan.resources.filter((resource) => resource.type === 'material').map((resource) => resource.id))
  const workOf = new Map<TaskId, number>()
  for (const assignment of assignments)
    if (!materials.has(assignment.resourceId)) workOf.set(assignment.taskId, (workOf.get(assignment.taskId) ?? 0) + assignment.work)
  const tasks = plan.tasks.map((task) => {
    const work = workOf.get(task.id)
    if (work === undefined || round(work) === task.work) return task
    isChanged = true
    return { ...task, work: Math.min(round(work), taskRuleLimits.work) }
  })
  return isChanged ? { ...plan, tasks, assignments } : plan
}

function label(task: Task): string {
  return task.name.trim() === '' ? `task ${task.id}` : `"${task.name}"`
}

type Found = { index: number; task: Task; assignments: Assignment[] }

function findTask(plan: Plan, taskId: TaskId): Found | null {
  const index = plan.tasks.findIndex((task) => task.id === taskId)
  const task = plan.tasks[index]
  if (task === undefined) return null
  return { index, task, assignments: plan.assignments.filter((assignment) => assignment.taskId === taskId) }
}

/** Whether the task at `index` has children (a summary), by the outline levels. */
function isSummaryAt(plan: Plan, index: number): boolean {
  const task = plan.tasks[index]
  const next = plan.tasks[index + 1]
  return task !== undefined && next !== undefined && next.level > task.level
}

/** The task's effective type: fixed work implies effort driven. */
function isEffortDriven(task: Task): boolean {
  return task.isEffortDriven || task.type === 'fixed-work'
}

/**
 * `plan` with task `found.index` replaced by `task` and its assignments replaced by `assignments` (kept where the
 * first of them was, so files stay stable), the task's work set to their sum when it has any.
 */
function commit(plan: Plan, found: Found, task: Task, assignments: readonly Assignment[]): Plan {
  const total = assignments.reduce((sum, assignment) => sum + assignment.work, 0)
  const next: Task = assignments.length > 0 ? { ...task, work: round(total) } : task
  const tasks = plan.tasks.slice()
  tasks[found.index] = next
  const isSameAssignments =
    assignments.length === found.assignments.length &&
    assignments.every((assignment, position) => assignment === found.assignments[position])
  if (isSameAssignments) return { ...plan, tasks }
  const taskId = task.id
  // The same assignments with new values stay where they are in the list (files and the engine keep positions).
  const isSameRows =
    assignments.length === found.assignments.length &&
    assignments.every((assignment, position) => assignment.id === found.assignments[position]?.id)
  if (isSameRows) {
    const byId = new Map(assignments.map((assignment) => [assignment.id, assignment]))
    return {
      ...plan,
      tasks,
      assignments: plan.assignments.map((assignment) =>
        assignment.taskId === taskId ? (byId.get(assignment.id) ?? assignment) : assignment,
      ),
    }
  }
  const firstIndex = plan.assignments.findIndex((assignment) => assignment.taskId === taskId)
  const others = plan.assignments.filter((assignment) => assignment.taskId !== taskId)
  const insertAt =
    firstIndex === -1
      ? others.length
      : plan.assignments.slice(0, firstIndex).filter((assignment) => assignment.taskId !== taskId).length
  return {
    ...plan,
    tasks,
    assignments: [...others.slice(0, insertAt), ...assignments, ...others.slice(insertAt)],
  }
}

/** The longest assignment (working minutes), or `fallback` when none has work. */
function longest(assignments: readonly Assignment[], fallback: Minutes): Minutes {
  let length = 0
  for (const assignment of assignments) length = Math.max(length, taskRuleAssignmentLength(assignment))
  return length > 0 ? length : fallback
}

/** The units an assignment needs for `work` over `duration`, or the refusal. */
function unitsFor(
  task: Task,
  assignment: Assignment,
  work: Minutes,
  duration: Minutes,
  plan: Plan,
): Percent | string {
  if (work === 0) return assignment.units
  if (!(duration > 0))
    return `${label(task)} lasts 0 days, so it cannot hold ${hours(work)} of work at fixed duration; give it a duration first.`
  const units = round((work * 100) / duration)
  if (units > taskRuleLimits.units) {
    const name =
      plan.resources.find((resource) => resource.id === assignment.resourceId)?.name ?? 'a resource'
    return `${hours(work)} of work in ${label(task)} would need ${Math.round(units)} % of ${name}, more than ${taskRuleLimits.units} %.`
  }
  return units
}

/** The duration the assignments give, refused when it is longer than a task may last. */
function durationFor(task: Task, assignments: readonly Assignment[]): Minutes | string {
  const duration = longest(assignments, task.duration)
  if (duration > taskRuleLimits.duration)
    return `${label(task)} would last ${Math.round(duration / 60)} hours, more than a task may (${taskRuleLimits.duration / 60} hours); lower its work or raise its units.`
  return duration
}

/** The task's duration fields for a duration recomputed from its assignments (the milestone rule applies). */
function withDuration(task: Task, duration: Minutes): Task {
  if (duration === task.duration) return task
  const fields = taskRuleDurationChange(task, duration)
  return task.schedulingMode === 'manual'
    ? { ...task, ...fields, manualDuration: duration }
    : { ...task, ...fields }
}

/**
 * Sets a task's duration (minutes; `unit` as typed) with what follows for its assignments: fixed units and fixed
 * duration keep the units and recompute each assignment's work (units x duration); fixed work keeps the work and
 * recomputes the units. A manual task's finish moves with it (`taskRuleManualChange`).
 * @returns the new plan, or a refusal (negative or absurd duration, a fixed-work task with work set to 0 days, units
 * that would exceed 1000 %)
 */
export function taskRuleSetDuration(
  plan: Plan,
  taskId: TaskId,
  duration: Minutes,
  unit?: DurationUnit,
): TaskRuleResult {
  const problem = taskRuleDurationProblem(duration)
  if (problem !== null) return { ok: false, message: problem }
  const found = findTask(plan, taskId)
  if (found === null) return { ok: false, message: `Task ${taskId} no longer exists.` }
  if (isSummaryAt(plan, found.index))
    return { ok: false, message: `The duration of summary ${label(found.task)} follows its tasks.` }
  if (found.task.schedulingMode === 'manual') {
    const withUnit =
      unit === undefined ? plan : replaceTask(plan, found.index, { ...found.task, durationUnit: unit })
    return taskRuleManualChange(withUnit, taskId, { duration })
  }
  return applyDuration(plan, found, { ...found.task, ...taskRuleDurationChange(found.task, duration, unit) })
}

function replaceTask(plan: Plan, index: number, task: Task): Plan {
  const tasks = plan.tasks.slice()
  tasks[index] = task
  return { ...plan, tasks }
}

/** `task` (its duration already set) with its assignments following the new duration by its type. */
function applyDuration(plan: Plan, found: Found, task: Task): TaskRuleResult {
  const duration = task.duration
  const assignments: Assignment[] = []
  for (const assignment of found.assignments) {
    if (task.type === 'fixed-work') {
      const units = unitsFor(task, assignment, assignment.work, duration, plan)
      if (typeof units === 'string') {
        return {
          ok: false,
          message:
            duration === 0
              ? `${label(task)} has fixed work (${hours(assignment.work)} for one person), so it cannot last 0 days; set its work to 0 or change its type first.`
              : units,
        }
      }
      assignments.push(units === assignment.units ? assignment : { ...assignment, units })
    } else {
      const work = round((assignment.units * duration) / 100)
      const problem = taskRuleWorkProblem(work)
      if (problem !== null) return { ok: false, message: problem }
      assignments.push(work === assignment.work ? assignment : { ...assignment, work })
    }
  }
  return { ok: true, plan: commit(plan, found, task, assignments) }
}

/**
 * Sets a task's work (minutes of work). Without assignments the task keeps it (the first person assigned takes it
 * over). With assignments it is shared among them in proportion to their current work (or units when they have
 * none); fixed units and fixed work then recompute the duration, fixed duration the units.
 * @returns the new plan, or a refusal (negative or absurd work, a summary task, units over 1000 %)
 */
export function taskRuleSetWork(plan: Plan, taskId: TaskId, work: Minutes): TaskRuleResult {
  const problem = taskRuleWorkProblem(work)
  if (problem !== null) return { ok: false, message: problem }
  const found = findTask(plan, taskId)
  if (found === null) return { ok: false, message: `Task ${taskId} no longer exists.` }
  const task = found.task
  if (isSummaryAt(plan, found.index))
    return { ok: false, message: `The work of summary ${label(task)} is the sum of its tasks' work.` }
  if (found.assignments.length === 0) return { ok: true, plan: commit(plan, found, { ...task, work }, []) }
  const totalWork = found.assignments.reduce((sum, assignment) => sum + assignment.work, 0)
  const totalUnits = found.assignments.reduce((sum, assignment) => sum + assignment.units, 0)
  const shared = found.assignments.map((assignment) => ({
    ...assignment,
    work: round(
      totalWork > 0
        ? (work * assignment.work) / totalWork
        : totalUnits > 0
          ? (work * assignment.units) / totalUnits
          : 0,
    ),
  }))
  return withWorkFollowing(plan, found, task, shared)
}

/** After the assignments' work changed: the duration (fixed units, fixed work) or the units (fixed duration) follow. */
function withWorkFollowing(plan: Plan, found: Found, task: Task, assignments: Assignment[]): TaskRuleResult {
  if (task.type === 'fixed-duration' || task.schedulingMode === 'manual') {
    const next: Assignment[] = []
    for (const assignment of assignments) {
      const units = unitsFor(task, assignment, assignment.work, task.duration, plan)
      if (typeof units === 'string') return { ok: false, message: units }
      next.push(units === assignment.units ? assignment : { ...assignment, units })
    }
    return { ok: true, plan: commit(plan, found, task, next) }
  }
  const duration = durationFor(task, assignments)
  if (typeof duration === 'string') return { ok: false, message: duration }
  return { ok: true, plan: commit(plan, found, withDuration(task, duration), assignments) }
}

function findAssignment(
  plan: Plan,
  assignmentId: AssignmentId,
): { assignment: Assignment; found: Found } | null {
  const assignment = plan.assignments.find((candidate) => candidate.id === assignmentId)
  if (assignment === undefined) return null
  const found = findTask(plan, assignment.taskId)
  return found === null ? null : { assignment, found }
}

function resourceName(plan: Plan, resourceId: ResourceId): string {
  return plan.resources.find((resource) => resource.id === resourceId)?.name ?? `resource ${resourceId}`
}

/**
 * Changes one assignment's units (percent). Fixed units and fixed work keep its work, so the task's duration
 * follows (half the units, twice as long); fixed duration (and manual tasks, whose dates stay) keep the duration,
 * so the work follows. On a summary task only the units change.
 * @returns the new plan, or a refusal (units not above 0 or above 1000 %, a duration that would be absurd)
 */
export function taskRuleSetAssignmentUnits(
  plan: Plan,
  assignmentId: AssignmentId,
  units: Percent,
): TaskRuleResult {
  const located = findAssignment(plan, assignmentId)
  if (located === null) return { ok: false, message: 'This assignment no longer exists.' }
  const { assignment, found } = located
  const problem = taskRuleUnitsProblem(units, resourceName(plan, assignment.resourceId))
  if (problem !== null) return { ok: false, message: problem }
  if (assignment.units === units) return { ok: true, plan }
  const task = found.task
  const fixesDuration =
    task.type === 'fixed-duration' || task.schedulingMode === 'manual' || isSummaryAt(plan, found.index)
  const changed: Assignment = fixesDuration
    ? {
        ...assignment,
        units,
        work: isSummaryAt(plan, found.index) ? assignment.work : round((units * task.duration) / 100),
      }
    : { ...assignment, units }
  const workProblem = taskRuleWorkProblem(changed.work)
  if (workProblem !== null) return { ok: false, message: workProblem }
  const assignments = found.assignments.map((candidate) =>
    candidate.id === assignmentId ? changed : candidate,
  )
  if (fixesDuration) return { ok: true, plan: commit(plan, found, task, assignments) }
  const duration = durationFor(task, assignments)
  if (typeof duration === 'string') return { ok: false, message: duration }
  return { ok: true, plan: commit(plan, found, withDuration(task, duration), assignments) }
}

/**
 * Changes one assignment's work (minutes of work). Fixed units and fixed work keep its units, so the task's duration
 * follows; fixed duration (and manual tasks) keep the duration, so its units follow.
 * @returns the new plan, or a refusal (negative or absurd work, work on a summary task, units over 1000 %)
 */
export function taskRuleSetAssignmentWork(
  plan: Plan,
  assignmentId: AssignmentId,
  work: Minutes,
): TaskRuleResult {
  const problem = taskRuleWorkProblem(work)
  if (problem !== null) return { ok: false, message: problem }
  const located = findAssignment(plan, assignmentId)
  if (located === null) return { ok: false, message: 'This assignment no longer exists.' }
  const { assignment, found } = located
  if (assignment.work === work) return { ok: true, plan }
  if (isSummaryAt(plan, found.index))
    return {
      ok: false,
      message: `The work of ${resourceName(plan, assignment.resourceId)} on summary ${label(found.task)} follows the units and the summary's dates.`,
    }
  const assignments = found.assignments.map((candidate) =>
    candidate.id === assignmentId ? { ...candidate, work } : candidate,
  )
  return withWorkFollowing(plan, found, found.task, assignments)
}

/**
 * Assigns resource `resourceId` to task `taskId` at `units` percent (or changes the units of its assignment there,
 * `taskRuleSetAssignmentUnits`). The first person on a task takes over the work typed on the task if any, else gets
 * units x duration of work. Later people: on an effort-driven task (and every fixed-work task) the task's work is
 * shared among everyone in proportion to their units, so fixed units and fixed work get shorter and fixed duration
 * lowers everyone's units; otherwise the new person brings units x duration of new work and the dates stay.
 * @returns the new plan, or a refusal (unknown task or resource, bad units)
 */
export function taskRuleAssign(
  plan: Plan,
  taskId: TaskId,
  resourceId: ResourceId,
  units: Percent,
  freshId: AssignmentId,
): TaskRuleResult {
  const found = findTask(plan, taskId)
  if (found === null) return { ok: false, message: `Task ${taskId} no longer exists.` }
  const resource = plan.resources.find((candidate) => candidate.id === resourceId)
  if (resource === undefined) return { ok: false, message: 'This resource no longer exists.' }
  const existing = found.assignments.find((assignment) => assignment.resourceId === resourceId)
  if (existing !== undefined) return taskRuleSetAssignmentUnits(plan, existing.id, units)
  const problem = taskRuleUnitsProblem(units, resource.name)
  if (problem !== null) return { ok: false, message: problem }
  if (plan.assignments.some((assignment) => assignment.id === freshId))
    return { ok: false, message: `Assignment id ${freshId} is already used.` }
  const task = found.task
  const fresh: Assignment = { id: freshId, taskId, resourceId, units, work: 0, actualWork: 0, start: null, finish: null }
  if (isSummaryAt(plan, found.index)) {
    // The engine works out a summary assignment's work from its units and the summary's dates.
    return { ok: true, plan: commit(plan, found, task, [...found.assignments, fresh]) }
  }
  const duration = task.duration
  const working = found.assignments.filter((assignment) => assignment.work > 0)
  if (
    working.length === 0 &&
    found.assignments.length === 0 &&
    task.work > 0 &&
    task.schedulingMode === 'auto'
  ) {
    // The work typed on a task without people becomes the first person's.
    const withWork = { ...fresh, work: task.work }
    return withWorkFollowing(plan, found, task, [withWork])
  }
  if (!isEffortDriven(task) || working.length === 0 || task.schedulingMode === 'manual') {
    const work = round((units * duration) / 100)
    const workProblem = taskRuleWorkProblem(work)
    if (workProblem !== null) return { ok: false, message: workProblem }
    return { ok: true, plan: commit(plan, found, task, [...found.assignments, { ...fresh, work }]) }
  }
  const total = found.assignments.reduce((sum, assignment) => sum + assignment.work, 0)
  const unitsAfter = found.assignments.reduce((sum, assignment) => sum + assignment.units, 0) + units
  const shared = [...found.assignments, fresh].map((assignment) => ({
    ...assignment,
    work: round((total * assignment.units) / unitsAfter),
  }))
  return withWorkFollowing(plan, found, task, shared)
}

/**
 * Takes a person off a task. On an effort-driven task (and every fixed-work task) the others take over the work in
 * proportion to their units (fixed units and fixed work get longer, fixed duration raises their units); otherwise the
 * work leaves with the person. Without anyone left the task keeps its duration and has no work.
 * @returns the new plan, or a refusal (unknown assignment, units over 1000 % for the others)
 */
export function taskRuleUnassign(plan: Plan, assignmentId: AssignmentId): TaskRuleResult {
  const located = findAssignment(plan, assignmentId)
  if (located === null) return { ok: false, message: 'This assignment no longer exists.' }
  const { assignment, found } = located
  const task = found.task
  const rest = found.assignments.filter((candidate) => candidate.id !== assignmentId)
  if (rest.length === 0) return { ok: true, plan: commit(plan, found, { ...task, work: 0 }, []) }
  if (!isEffortDriven(task) || isSummaryAt(plan, found.index) || task.schedulingMode === 'manual')
    return { ok: true, plan: commit(plan, found, task, rest) }
  const unitsLeft = rest.reduce((sum, candidate) => sum + candidate.units, 0)
  const shared = rest.map((candidate) => ({
    ...candidate,
    work: round(candidate.work + (assignment.work * candidate.units) / unitsLeft),
  }))
  return withWorkFollowing(plan, found, task, shared)
}

/** One typed assignment of an assignments list: a resource at some units. */
export type TaskRuleAssignmentItem = { resourceId: ResourceId; units: Percent }

/**
 * Replaces the people on a task with `items` (the resources column, `Ana[50%], Ben`), as the steps Microsoft Project
 * takes for them: people no longer listed are taken off (`taskRuleUnassign`), changed units are set
 * (`taskRuleSetAssignmentUnits`), new people are added in order (`taskRuleAssign`, ids from `nextId` up). The task's
 * assignments end up in the order typed; an assignment to a resource that stays keeps its id.
 * @returns the new plan (the same object when nothing changes), or the first refusal
 */
export function taskRuleAssignmentsReplace(
  plan: Plan,
  taskId: TaskId,
  items: readonly TaskRuleAssignmentItem[],
  nextId: AssignmentId,
): TaskRuleResult {
  const found = findTask(plan, taskId)
  if (found === null) return { ok: false, message: `Task ${taskId} no longer exists.` }
  const isSame =
    found.assignments.length === items.length &&
    items.every(
      (item, index) =>
        found.assignments[index]?.resourceId === item.resourceId &&
        found.assignments[index]?.units === item.units,
    )
  if (isSame) return { ok: true, plan }
  const wanted = new Set(items.map((item) => item.resourceId))
  let current = plan
  let freshId = nextId
  for (const assignment of found.assignments) {
    if (wanted.has(assignment.resourceId)) continue
    const result = taskRuleUnassign(current, assignment.id)
    if (!result.ok) return result
    current = result.plan
  }
  for (const item of items) {
    const existing = current.assignments.find(
      (assignment) => assignment.taskId === taskId && assignment.resourceId === item.resourceId,
    )
    if (existing !== undefined && existing.units === item.units) continue
    const result =
      existing !== undefined
        ? taskRuleSetAssignmentUnits(current, existing.id, item.units)
        : taskRuleAssign(current, taskId, item.resourceId, item.units, freshId++)
    if (!result.ok) return result
    current = result.plan
  }
  // The task's assignments in the order typed.
  const after = findTask(current, taskId)
  if (after === null) return { ok: false, message: `Task ${taskId} no longer exists.` }
  const byResource = new Map(after.assignments.map((assignment) => [assignment.resourceId, assignment]))
  const ordered = items.flatMap((item) => {
    const assignment = byResource.get(item.resourceId)
    return assignment === undefined ? [] : [assignment]
  })
  return { ok: true, plan: commit(current, after, after.task, ordered) }
}

/**
 * Changes a task's type. Nothing else moves (Microsoft Project), except that fixed work is always effort driven.
 * @returns the new plan (the same object when the type is already `type`), or a refusal for a missing task
 */
export function taskRuleSetType(plan: Plan, taskId: TaskId, type: TaskType): TaskRuleResult {
  const found = findTask(plan, taskId)
  if (found === null) return { ok: false, message: `Task ${taskId} no longer exists.` }
  if (found.task.type === type) return { ok: true, plan }
  const task: Task = {
    ...found.task,
    type,
    isEffortDriven: type === 'fixed-work' ? true : found.task.isEffortDriven,
  }
  return { ok: true, plan: replaceTask(plan, found.index, task) }
}

/**
 * Sets or clears the effort-driven flag.
 * @returns the new plan, or a refusal (a fixed-work task is always effort driven)
 */
export function taskRuleSetEffortDriven(plan: Plan, taskId: TaskId, isEffortDriven: boolean): TaskRuleResult {
  const found = findTask(plan, taskId)
  if (found === null) return { ok: false, message: `Task ${taskId} no longer exists.` }
  if (found.task.isEffortDriven === isEffortDriven) return { ok: true, plan }
  if (!isEffortDriven && found.task.type === 'fixed-work')
    return {
      ok: false,
      message: `${label(found.task)} has fixed work, which is always effort driven; change its type first.`,
    }
  return { ok: true, plan: replaceTask(plan, found.index, { ...found.task, isEffortDriven }) }
}

/** Where a task is scheduled now, for switching it to manual (wall-clock texts and working minutes). */
export type TaskRuleScheduled = { start: IsoDateTime; finish: IsoDateTime; duration: Minutes }

/**
 * Switches a task between automatic and manual scheduling, as Microsoft Project does: a task made manual keeps the
 * dates it is scheduled at now (`scheduled`, from the engine's result) as its typed start, finish and duration, so
 * nothing moves; a manual task made automatic keeps its typed duration and is scheduled from its links again (its
 * typed dates are kept, unused, so switching back loses nothing).
 * @returns the new plan, or a refusal for a missing task
 */
export function taskRuleSetMode(
  plan: Plan,
  taskId: TaskId,
  mode: SchedulingMode,
  scheduled: TaskRuleScheduled | null,
): TaskRuleResult {
  const found = findTask(plan, taskId)
  if (found === null) return { ok: false, message: `Task ${taskId} no longer exists.` }
  const task = found.task
  if (task.schedulingMode === mode) return { ok: true, plan }
  if (mode === 'manual') {
    return {
      ok: true,
      plan: replaceTask(plan, found.index, {
        ...task,
        schedulingMode: 'manual',
        manualStart: scheduled?.start ?? task.start ?? task.manualStart,
        manualFinish: scheduled?.finish ?? task.finish ?? task.manualFinish,
        manualDuration: scheduled?.duration ?? task.duration,
      }),
    }
  }
  const duration = task.manualDuration ?? task.duration
  return applyDuration(plan, found, {
    ...task,
    schedulingMode: 'auto',
    ...taskRuleDurationChange(task, duration),
  })
}

/** A change of a manual task's typed values; a field left out stays, `null` blanks it. */
export type TaskRuleManualChange = {
  start?: IsoDateTime | null
  finish?: IsoDateTime | null
  duration?: Minutes | null
}

function taskCalendar(plan: Plan, task: Task): CompiledCalendar | null {
  const compiled = calendarCompile(plan, task.calendarId ?? plan.calendarId)
  if (!calendarIsProblem(compiled)) return compiled
  const fallback = calendarCompile(plan, plan.calendarId)
  return calendarIsProblem(fallback) ? null : fallback
}

/**
 * Types a manual task's start, finish or duration, as Microsoft Project does: a new start keeps a known duration
 * (the finish moves) and otherwise measures the duration to a known finish; a new finish measures the duration from
 * a known start, or with only a duration known places the start before it; a new duration moves the finish from a
 * known start, or the start before a known finish. Any value may be blank (`null`). The duration is in working
 * minutes of the task's calendar (wall minutes for elapsed units); the task's work follows its type.
 * @returns the new plan, or a refusal (an automatic task, a finish before the start, a bad duration)
 */
export function taskRuleManualChange(
  plan: Plan,
  taskId: TaskId,
  change: TaskRuleManualChange,
): TaskRuleResult {
  const found = findTask(plan, taskId)
  if (found === null) return { ok: false, message: `Task ${taskId} no longer exists.` }
  const task = found.task
  if (task.schedulingMode !== 'manual')
    return {
      ok: false,
      message: `${label(task)} is scheduled automatically; make it manual to type its dates.`,
    }
  if (change.duration !== undefined && change.duration !== null) {
    const problem = taskRuleDurationProblem(change.duration)
    if (problem !== null) return { ok: false, message: problem }
  }
  const calendar = taskCalendar(plan, task)
  const isElapsed = elapsedUnits.has(task.durationUnit)
  const between = (from: IsoDateTime, to: IsoDateTime): Minutes => {
    const start = dateToWallMinutes(from)
    const finish = dateToWallMinutes(to)
    return isElapsed || calendar === null ? finish - start : calendar.work(finish) - calendar.work(start)
  }
  const after = (from: IsoDateTime, minutes: Minutes): IsoDateTime => {
    const start = dateToWallMinutes(from)
    return dateFromWallMinutes(
      isElapsed || calendar === null ? start + minutes : calendar.finishAt(calendar.work(start) + minutes),
    )
  }
  const before = (to: IsoDateTime, minutes: Minutes): IsoDateTime => {
    const finish = dateToWallMinutes(to)
    return dateFromWallMinutes(
      isElapsed || calendar === null ? finish - minutes : calendar.startAt(calendar.work(finish) - minutes),
    )
  }
  let start = task.manualStart
  let finish = task.manualFinish
  let duration = task.manualDuration
  if (change.start !== undefined) {
    start = change.start
    if (start !== null && duration !== null) finish = after(start, duration)
    else if (start !== null && finish !== null) duration = between(start, finish)
  }
  if (change.finish !== undefined) {
    finish = change.finish
    if (finish !== null && start !== null) duration = between(start, finish)
    else if (finish !== null && duration !== null) start = before(finish, duration)
  }
  if (change.duration !== undefined) {
    duration = change.duration
    if (duration !== null && start !== null) finish = after(start, duration)
    else if (duration !== null && finish !== null) start = before(finish, duration)
  }
  if (start !== null && finish !== null && finish < start)
    return {
      ok: false,
      message: `${label(task)} cannot finish (${finish.replace('T', ' ').slice(0, 16)}) before it starts (${start.replace('T', ' ').slice(0, 16)}).`,
    }
  if (duration !== null && duration > taskRuleLimits.duration) {
    const problem = taskRuleDurationProblem(duration)
    if (problem !== null) return { ok: false, message: problem }
  }
  const next: Task = { ...task, manualStart: start, manualFinish: finish, manualDuration: duration }
  if (duration === null || duration === task.duration)
    return { ok: true, plan: replaceTask(plan, found.index, next) }
  return applyDuration(plan, found, { ...next, ...taskRuleDurationChange(task, duration) })
}
