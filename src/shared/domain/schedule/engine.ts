/**
 * The incremental engine: `schedulePrepare(plan)` compiles a plan once (`context.ts`); `engine.run()` schedules it
 * (forward pass, backward pass, roll-up) and `engine.update(edit)` applies one edit and re-schedules only what the
 * edit reaches, reusing what was compiled. `scheduleRun(plan)` does both in one call.
 *
 * An edit flags the nodes it touches in `dirtyForward` / `dirtyBackward`; each pass recomputes the flagged nodes in
 * topological order and flags what their changes reach. The backward pass runs in full when the project finish
 * moved (every late date moves with it). Link additions and removals change the graph: the plan is validated again
 * (calendars and task inputs are reused) and scheduled in full.
 *
 * Any other edit is a new plan (`{ kind: 'plan' }`, e.g. the result of a rule in `task-rules.ts`): the engine compares
 * it with its own by identity (plans are immutable) and reloads only the changed tasks and assignments; a changed
 * outline, calendar list, resource list or plan start compiles the plan again.
 */
import type {
  Constraint,
  Dependency,
  DependencyId,
  DurationUnit,
  LagUnit,
  Minutes,
  Plan,
  Task,
  TaskId,
} from '../model'
import { calendarIsProblem } from '../calendar'
import type { Schedule, ScheduleProblem, ScheduleResult } from '../schedule-types'
import { taskRuleDurationChange } from '../task-rules'
import { validatePlan } from '../validate'
import { backwardPass } from './backward'
import {
  scheduleContextCreate,
  scheduleContextLoadAssignments,
  scheduleContextLoadLinks,
  scheduleContextLoadTask,
  scheduleContextLoadTaskAssignments,
  type ScheduleContext,
} from './context'
import { forwardPass } from './forward'
import { scheduleLagKind } from './links'
import { rollupSchedule } from './rollup'

/**
 * One edit. `duration` and `constraint` set one task's own fields (the milestone rule applies); they do not change its
 * assignments: an edit command applies Microsoft Project's work rules (`taskRuleSetDuration`) and hands the resulting
 * plan over as `plan`, which takes any new version of the plan and re-schedules what changed.
 */
export type ScheduleEdit =
  | { kind: 'duration'; taskId: TaskId; duration: Minutes; durationUnit?: DurationUnit }
  | { kind: 'plan'; plan: Plan }
  | { kind: 'constraint'; taskId: TaskId; constraint: Constraint }
  | { kind: 'lag'; dependencyId: DependencyId; lag: number; lagUnit?: LagUnit }
  | { kind: 'link-add'; dependency: Dependency }
  | { kind: 'link-remove'; dependencyId: DependencyId }

/** A compiled plan that can be scheduled repeatedly and edited one change at a time. */
export type ScheduleEngine = {
  /** The plan as the engine currently sees it (the prepared plan with every accepted edit applied; never mutated). */
  readonly plan: Plan
  /** Schedules the current plan. */
  run(): ScheduleResult
  /**
   * Applies one edit and re-schedules. A rejected edit (a cycle, a missing task) leaves the engine unchanged and
   * returns the problems.
   */
  update(edit: ScheduleEdit): ScheduleResult
}

export type SchedulePrepareResult =
  { ok: true; engine: ScheduleEngine } | { ok: false; problems: ScheduleProblem[] }

function refusal(taskId: TaskId | null, message: string): ScheduleResult {
  return { ok: false, problems: [{ kind: 'invalid-value', taskId, message }] }
}

class Engine implements ScheduleEngine {
  plan: Plan
  private context: ScheduleContext
  private hasRun = false

  constructor(plan: Plan, context: ScheduleContext) {
    this.plan = plan
    this.context = context
  }

  run(): ScheduleResult {
    return this.compute(false)
  }

  update(edit: ScheduleEdit): ScheduleResult {
    if (edit.kind === 'duration' || edit.kind === 'constraint') return this.updateTask(edit)
    if (edit.kind === 'lag') return this.updateLag(edit)
    if (edit.kind === 'plan') return this.updatePlan(edit.plan)
    return this.updateLinks(edit)
  }

  /** Re-schedules `next` after comparing it with the current plan (see the module comment). */
  private updatePlan(next: Plan): ScheduleResult {
    const plan = this.plan
    if (next === plan) return this.compute(this.hasRun)
    let isStructural =
      next.calendars !== plan.calendars ||
      next.resources !== plan.resources ||
      next.calendarId !== plan.calendarId ||
      next.start !== plan.start ||
      // The status date moves remaining work when the plan asks for it (`statusWall`): compiled with the plan.
      next.statusDate !== plan.statusDate ||
      next.settings.moveRemainingAfterStatusDate !== plan.settings.moveRemainingAfterStatusDate ||
      next.tasks.length !== plan.tasks.length
    for (let index = 0; !isStructural && index < next.tasks.length; index++) {
      const before = plan.tasks[index]
      const after = next.tasks[index]
      if (before !== after && (before?.id !== after?.id || before?.level !== after?.level))
        isStructural = true
    }
    if (isStructural) {
      const prepared = scheduleContextCreate(next)
      if (!prepared.ok) return prepared
      this.context = prepared.context
      this.plan = next
      return this.compute(false)
    }
    const context = this.context
    let graph = context.graph
    if (next.dependencies !== plan.dependencies) {
      const validated = validatePlan(next)
      if (!validated.ok) return validated
      graph = validated.graph
    }
    // Check every changed task's calendar before changing anything, so a refusal leaves the engine as it was.
    const changed: number[] = []
    for (let index = 0; index < next.tasks.length; index++) {
      const after = next.tasks[index] as Task
      if (plan.tasks[index] === after) continue
      changed.push(index)
      if (after.calendarId !== (plan.tasks[index] as Task).calendarId) {
        const compiled = context.calendars.get(after.calendarId ?? next.calendarId)
        if (calendarIsProblem(compiled)) return refusal(after.id, `${compiled.message} (task ${after.id})`)
      }
    }
    let isFull = !this.hasRun
    if (graph !== context.graph) {
      context.graph = graph
      scheduleContextLoadLinks(context, graph.links)
      isFull = true
    }
    const count = graph.taskCount
    for (const index of changed) {
      const after = next.tasks[index] as Task
      const compiled = context.calendars.get(after.calendarId ?? next.calendarId)
      if (!calendarIsProblem(compiled)) context.calendar[index] = compiled
      scheduleContextLoadTask(context, index, after)
      this.markTask(index)
    }
    this.plan = next
    if (next.assignments !== plan.assignments) {
      const before = plan.assignments
      const after = next.assignments
      const isAligned =
        before.length === after.length &&
        after.every(
          (assignment, position) =>
            assignment === before[position] ||
            (assignment.id === before[position]?.id && assignment.taskId === before[position]?.taskId),
        )
      if (!isAligned) {
        scheduleContextLoadAssignments(context, next)
        isFull = true
      } else {
        context.assignments = after
        const touched = new Set<number>(changed)
        for (let position = 0; position < after.length; position++) {
          if (after[position] === before[position]) continue
          const task = graph.indexOf.get((after[position] as { taskId: TaskId }).taskId)
          if (task !== undefined) touched.add(task)
        }
        for (const index of touched) {
          scheduleContextLoadTaskAssignments(context, next, index)
          this.markTask(index)
        }
      }
    } else {
      // A task's calendar, mode or flag decides its assignments' calendars and whether they drive it.
      for (const index of changed) scheduleContextLoadTaskAssignments(context, next, index)
    }
    if (count !== context.graph.taskCount) isFull = true
    return this.compute(!isFull)
  }

  /** Flags task `index` (and its summary nodes) for both passes. */
  private markTask(index: number): void {
    const context = this.context
    const count = context.graph.taskCount
    context.dirtyForward[index] = 1
    context.dirtyBackward[index] = 1
    if (context.graph.isSummary[index] === 1) {
      context.dirtyForward[count + index] = 1
      context.dirtyBackward[count + index] = 1
    }
  }

  private updateTask(
    edit: Extract<ScheduleEdit, { kind: 'duration' }> | Extract<ScheduleEdit, { kind: 'constraint' }>,
  ): ScheduleResult {
    const plan = this.plan
    const context = this.context
    const index = context.graph.indexOf.get(edit.taskId)
    if (index === undefined) return refusal(edit.taskId, `Task ${edit.taskId} does not exist.`)
    if (edit.kind === 'duration' && (!Number.isFinite(edit.duration) || edit.duration < 0))
      return refusal(edit.taskId, `Task ${edit.taskId} has an invalid duration (${edit.duration}).`)
    if (
      edit.kind === 'constraint' &&
      edit.constraint.type !== 'ASAP' &&
      edit.constraint.type !== 'ALAP' &&
      edit.constraint.date === null
    )
      return refusal(
        edit.taskId,
        `Task ${edit.taskId} has a ${edit.constraint.type} constraint without a date.`,
      )
    const task = plan.tasks[index]
    if (task === undefined) return refusal(edit.taskId, `Task ${edit.taskId} does not exist.`)
    const changed: Task =
      edit.kind === 'duration'
        ? { ...task, ...taskRuleDurationChange(task, edit.duration, edit.durationUnit) }
        : { ...task, constraint: { ...edit.constraint } }
    const tasks = plan.tasks.slice()
    tasks[index] = changed
    this.plan = { ...plan, tasks }
    scheduleContextLoadTask(context, index, changed)
    this.markTask(index)
    return this.compute(this.hasRun)
  }

  private updateLag(edit: Extract<ScheduleEdit, { kind: 'lag' }>): ScheduleResult {
    const plan = this.plan
    const context = this.context
    const linkIndex = context.graph.links.findIndex((link) => link.id === edit.dependencyId)
    const dependencyIndex = plan.dependencies.findIndex((link) => link.id === edit.dependencyId)
    const dependency = plan.dependencies[dependencyIndex]
    if (linkIndex < 0 || dependency === undefined || !Number.isFinite(edit.lag))
      return refusal(null, `Link ${edit.dependencyId} does not exist or the lag is invalid.`)
    const changed: Dependency = { ...dependency, lag: edit.lag, lagUnit: edit.lagUnit ?? dependency.lagUnit }
    const dependencies = plan.dependencies.slice()
    dependencies[dependencyIndex] = changed
    this.plan = { ...plan, dependencies }
    const links = context.graph.links.slice()
    links[linkIndex] = changed
    const graph = { ...context.graph, links }
    context.graph = graph
    context.lag[linkIndex] = changed.lag
    context.lagKind[linkIndex] = scheduleLagKind(changed.lagUnit)
    const predecessor = graph.linkPredecessor[linkIndex] as number
    context.dirtyForward[graph.linkSuccessor[linkIndex] as number] = 1
    context.dirtyBackward[graph.isSummary[predecessor] === 1 ? graph.taskCount + predecessor : predecessor] =
      1
    return this.compute(this.hasRun)
  }

  private updateLinks(edit: Extract<ScheduleEdit, { kind: 'link-add' | 'link-remove' }>): ScheduleResult {
    const plan = this.plan
    if (edit.kind === 'link-add' && plan.dependencies.some((link) => link.id === edit.dependency.id))
      return refusal(null, `Link id ${edit.dependency.id} is already used.`)
    const dependencies =
      edit.kind === 'link-add'
        ? [...plan.dependencies, edit.dependency]
        : plan.dependencies.filter((link) => link.id !== edit.dependencyId)
    const next = { ...plan, dependencies }
    const validated = validatePlan(next)
    if (!validated.ok) return validated
    this.plan = next
    this.context.graph = validated.graph
    scheduleContextLoadLinks(this.context, validated.graph.links)
    return this.compute(false)
  }

  private compute(incremental: boolean): ScheduleResult {
    const schedule = scheduleCompute(this.context, incremental)
    this.hasRun = true
    return { ok: true, schedule }
  }
}

/**
 * Runs both passes and the roll-up on a compiled context. With `incremental`, only the nodes flagged in
 * `dirtyForward` / `dirtyBackward` (and what their changes reach) are recomputed; every other value must still be
 * valid from the previous run on this context.
 * @returns the schedule (copies; the context keeps its arrays for the next run)
 */
export function scheduleCompute(context: ScheduleContext, incremental = false): Schedule {
  const projectFinish = forwardPass(context, incremental)
  // A moved project finish moves every late date: the backward pass then runs in full.
  const backwardIncremental = incremental && projectFinish === context.projectFinishWall
  context.projectFinishWall = projectFinish
  backwardPass(context, backwardIncremental)
  context.dirtyForward.fill(0)
  context.dirtyBackward.fill(0)
  return rollupSchedule(context)
}

/**
 * Validates and compiles a plan for repeated scheduling: calendars, the CSR link graph and the topological order
 * are built once. Nothing in `plan` is modified.
 * @returns an engine (`run`, `update`) or the problems that prevent scheduling (nothing is scheduled then)
 */
export function schedulePrepare(plan: Plan): SchedulePrepareResult {
  const prepared = scheduleContextCreate(plan)
  if (!prepared.ok) return prepared
  return { ok: true, engine: new Engine(plan, prepared.context) }
}

/**
 * Schedules a plan: validation, forward and backward passes, roll-ups.
 * @returns the schedule (typed arrays indexed like `plan.tasks`, dates in wall minutes, slack in working minutes of
 * each task's calendar, or wall minutes for elapsed-duration tasks) or the problems that prevent scheduling
 */
export function scheduleRun(plan: Plan): ScheduleResult {
  const prepared = schedulePrepare(plan)
  return prepared.ok ? prepared.engine.run() : { ok: false, problems: prepared.problems }
}

/**
 * What keeps a plan from being scheduled, in one line for a message: the first problem and how many more there are
 * ("Task 1 is linked to itself. (and 2 more problems)").
 */
export function scheduleProblemsText(problems: readonly ScheduleProblem[]): string {
  const first = problems[0]
  if (first === undefined) return 'an unknown problem'
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''
  return `${first.message}${more}`
}
