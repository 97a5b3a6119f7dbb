import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { calendarCompile, calendarIsProblem, type CompiledCalendar } from '../../src/shared/domain/calendar'
import { dateToWallMinutes } from '../../src/shared/domain/dates'
import { makeAssignment, calendarStandard, makePlan, makeTask } from '../../src/shared/domain/defaults'
import { taskRuleFillWork } from '../../src/shared/domain/task-rules'
import { levelResources } from '../../src/shared/domain/leveling'
import { loadCompute } from '../../src/shared/domain/load'
import type {
  Assignment,
  Dependency,
  DependencyType,
  Plan,
  Resource,
  Task,
} from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'
import type { Schedule } from '../../src/shared/domain/schedule-types'

/*
 * Random small plans on the Standard calendar (with a holiday): 2-10 tasks of 4 hours to 5 days in a random outline
 * (summaries carry no load), random links of every type with leads and lags (also to and from summaries),
 * start-no-earlier-than dates, priorities, 1-3 resources (part-timers and
 * double-timers, sometimes a vacation) and assignments whose units each fit the resource on their own, so every
 * over-allocation can be resolved by delaying tasks.
 */

type Shape = {
  tasks: Array<{
    days: number
    priority: number
    snetDay: number | null
    snltDay: number | null
    level: number
  }>
  links: Array<{ from: number; to: number; type: DependencyType; lag: number }>
  resources: Array<{ maxUnits: number; vacationDay: number | null }>
  assignments: Array<{ task: number; resource: number; units: number }>
}

const startDays = [
  '2026-01-05',
  '2026-01-06',
  '2026-01-07',
  '2026-01-08',
  '2026-01-09',
  '2026-01-12',
  '2026-01-13',
  '2026-01-14',
]

function shapeArbitrary(withLatestDates: boolean): fc.Arbitrary<Shape> {
  return fc.integer({ min: 2, max: 10 }).chain((taskCount) =>
    fc.record({
      tasks: fc.array(
        fc.record({
          days: fc.constantFrom(0.5, 1, 1, 2, 3, 5),
          priority: fc.constantFrom(0, 500, 500, 1000),
          snetDay: fc.option(fc.integer({ min: 0, max: startDays.length - 1 }), { freq: 4 }),
          snltDay: withLatestDates
            ? fc.option(fc.integer({ min: 0, max: startDays.length - 1 }), { freq: 3 })
            : fc.constant(null),
          level: fc.constantFrom(1, 1, 1, 2, 2, 3),
        }),
        { minLength: taskCount, maxLength: taskCount },
      ),
      links: fc.array(
        fc
          .record({
            from: fc.integer({ min: 0, max: taskCount - 1 }),
            to: fc.integer({ min: 0, max: taskCount - 1 }),
            type: fc.constantFrom<DependencyType>('FS', 'FS', 'FS', 'SS', 'FF', 'SF'),
            lag: fc.constantFrom(0, 0, 0, 480, 960, -240),
          })
          .filter((link) => link.from < link.to),
        { maxLength: taskCount },
      ),
      resources: fc.array(
        fc.record({
          maxUnits: fc.constantFrom(50, 100, 100, 200),
          vacationDay: fc.option(fc.integer({ min: 0, max: 9 }), { freq: 3 }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      assignments: fc.array(
        fc.record({
          task: fc.integer({ min: 0, max: taskCount - 1 }),
          resource: fc.integer({ min: 0, max: 2 }),
          units: fc.constantFrom(25, 50, 100, 200),
        }),
        { minLength: 1, maxLength: taskCount * 2 },
      ),
    }),
  )
}

/** Outline levels that never jump more than one level down (the first task at level 1). */
function outlineLevels(wanted: number[]): number[] {
  const levels: number[] = []
  for (const level of wanted) levels.push(Math.max(1, Math.min(level, (levels[levels.length - 1] ?? 0) + 1)))
  return levels
}

/** For each task, the indexes of its outline ancestors. */
function ancestorsOf(levels: number[]): Set<number>[] {
  const stack: number[] = []
  return levels.map((level, index) => {
    while (stack.length > 0 && (levels[stack[stack.length - 1] as number] as number) >= level) stack.pop()
    const ancestors = new Set(stack)
    stack.push(index)
    return ancestors
  })
}

function planOf(shape: Shape): Plan {
  const levels = outlineLevels(shape.tasks.map((task) => task.level))
  const ancestors = ancestorsOf(levels)
  const calendar = calendarStandard()
  calendar.exceptions.push({ name: 'Holiday', from: '2026-01-15', to: '2026-01-15', periods: [] })
  const tasks: Task[] = shape.tasks.map((task, index) => {
    const constraint =
      task.snltDay !== null
        ? { type: 'SNLT' as const, date: `${startDays[task.snltDay] as string}T08:00:00` }
        : task.snetDay !== null
          ? { type: 'SNET' as const, date: `${startDays[task.snetDay] as string}T08:00:00` }
          : { type: 'ASAP' as const, date: null }
    return makeTask(index + 1, {
      name: `T${index + 1}`,
      level: levels[index] as number,
      duration: task.days * 480,
      durationUnit: task.days < 1 ? 'h' : 'd',
      priority: task.priority,
      constraint,
    })
  })
  const seen = new Set<string>()
  const dependencies: Dependency[] = []
  for (const link of shape.links) {
    const key = `${link.from}-${link.to}`
    // A link between a task and its own summary is a cycle; links to and from other summaries are fine.
    if (
      seen.has(key) ||
      ancestors[link.to]?.has(link.from) === true ||
      ancestors[link.from]?.has(link.to) === true
    )
      continue
    seen.add(key)
    dependencies.push({
      id: dependencies.length + 1,
      predecessorId: link.from + 1,
      successorId: link.to + 1,
      type: link.type,
      lag: link.lag,
      lagUnit: 'h',
    })
  }
  const resources: Resource[] = shape.resources.map((resource, index) => ({
    id: index + 1,
    name: `R${index + 1}`,
    role: '',
    initials: '',
    email: '',
    maxUnits: resource.maxUnits,
    hourlyRate: 0,
    nonWorkingDays:
      resource.vacationDay === null
        ? []
        : [
            {
              from: `2026-01-${String(5 + resource.vacationDay).padStart(2, '0')}`,
              to: `2026-01-${String(6 + resource.vacationDay).padStart(2, '0')}`,
            },
          ],
    calendarId: null,
  }))
  const assignments: Assignment[] = []
  const pairs = new Set<string>()
  const isSummary = (index: number): boolean => (tasks[index + 1]?.level ?? 0) > (tasks[index]?.level ?? 0)
  for (const assignment of shape.assignments) {
    const resource = resources[assignment.resource % resources.length] as Resource
    const key = `${assignment.task}-${resource.id}`
    // An assignment to a summary counts over the summary's span (Microsoft Project): no delay of its tasks can take
    // it out of a conflict with them, so the property (every conflict can be levelled) leaves summaries unassigned.
    if (pairs.has(key) || isSummary(assignment.task)) continue
    pairs.add(key)
    // Each task alone fits the resource, so the conflicts are resolvable.
    assignments.push(
      makeAssignment(assignments.length + 1, assignment.task + 1, resource.id, Math.min(assignment.units, resource.maxUnits), 0),
    )
  }
  return taskRuleFillWork(
    makePlan('property', 'Property', '2026-01-05T08:00:00', '2026-01-01T00:00:00', {
      calendars: [calendar],
      tasks,
      dependencies,
      resources,
      assignments,
    }),
  )
}

function scheduled(plan: Plan): Schedule {
  const result = scheduleRun(plan)
  if (!result.ok) throw new Error(result.problems[0]?.message)
  return result.schedule
}

/** Whether link `link` holds in `schedule`, in working minutes of the project calendar. */
function linkHolds(link: Dependency, schedule: Schedule, calendar: CompiledCalendar): boolean {
  const predecessor = schedule.indexOf.get(link.predecessorId) as number
  const successor = schedule.indexOf.get(link.successorId) as number
  const from =
    link.type === 'FS' || link.type === 'FF'
      ? (schedule.finish[predecessor] as number)
      : (schedule.start[predecessor] as number)
  const to =
    link.type === 'FS' || link.type === 'SS'
      ? (schedule.start[successor] as number)
      : (schedule.finish[successor] as number)
  return calendar.work(to) - calendar.work(from) >= link.lag - 1e-9
}

function constraintHolds(task: Task, schedule: Schedule, index: number): boolean {
  const date = task.constraint.date === null ? Number.NaN : dateToWallMinutes(task.constraint.date)
  if (task.constraint.type === 'SNET') return (schedule.start[index] as number) >= date
  if (task.constraint.type === 'SNLT') return (schedule.start[index] as number) <= date
  return true
}

function projectCalendar(plan: Plan): CompiledCalendar {
  const compiled = calendarCompile(plan, plan.calendarId)
  if (calendarIsProblem(compiled)) throw new Error(compiled.message)
  return compiled
}

describe('leveling properties', () => {
  it('leaves no over-allocation when every task alone fits its resources, and breaks no link or constraint', () => {
    let withConflicts = 0
    let withMoves = 0
    fc.assert(
      fc.property(shapeArbitrary(false), (shape) => {
        const plan = planOf(shape)
        const result = levelResources(plan)
        expect(result.ok).toBe(true)
        if (!result.ok) return
        if (result.summary.conflictsBefore > 0) withConflicts++
        if (result.summary.moved.length > 0) withMoves++
        expect(loadCompute(result.plan, result.schedule).conflicts).toEqual([])
        expect(result.summary.remaining).toEqual([])
        const calendar = projectCalendar(plan)
        for (const link of plan.dependencies) expect(linkHolds(link, result.schedule, calendar)).toBe(true)
        result.plan.tasks.forEach((task, index) =>
          expect(constraintHolds(task, result.schedule, index)).toBe(true),
        )
        // Leveling only delays: nothing starts earlier than before.
        const before = scheduled(plan)
        for (let index = 0; index < plan.tasks.length; index++) {
          expect(result.schedule.start[index] as number).toBeGreaterThanOrEqual(before.start[index] as number)
        }
      }),
      { numRuns: 150, seed: 20260105 },
    )
    // The generator must actually produce over-allocations for this to mean anything.
    expect(withConflicts).toBeGreaterThan(30)
    expect(withMoves).toBeGreaterThan(30)
  })

  it('with start-no-later-than dates, keeps every link and constraint that held before leveling', () => {
    fc.assert(
      fc.property(shapeArbitrary(true), (shape) => {
        const plan = planOf(shape)
        const before = scheduled(plan)
        const result = levelResources(plan)
        expect(result.ok).toBe(true)
        if (!result.ok) return
        const calendar = projectCalendar(plan)
        for (const link of plan.dependencies) {
          if (linkHolds(link, before, calendar)) expect(linkHolds(link, result.schedule, calendar)).toBe(true)
        }
        plan.tasks.forEach((task, index) => {
          if (constraintHolds(task, before, index))
            expect(constraintHolds(task, result.schedule, index)).toBe(true)
        })
        // Every remaining conflict comes with a reason.
        for (const remaining of result.summary.remaining) expect(remaining.reasons.length).toBeGreaterThan(0)
      }),
      { numRuns: 150, seed: 20260106 },
    )
  })

  it('within slack never moves the plan finish', () => {
    fc.assert(
      fc.property(shapeArbitrary(true), (shape) => {
        const plan = planOf(shape)
        const before = scheduled(plan)
        const result = levelResources(plan, { withinSlackOnly: true })
        expect(result.ok).toBe(true)
        if (!result.ok) return
        expect(result.schedule.projectFinish).toBeLessThanOrEqual(before.projectFinish)
        expect(result.summary.finishDelay).toBe(0)
        expect(result.summary.conflictsAfter).toBeLessThanOrEqual(
          result.summary.conflictsBefore + result.summary.moved.length,
        )
      }),
      { numRuns: 150, seed: 20260107 },
    )
  })

  it('is deterministic and pure', () => {
    fc.assert(
      fc.property(shapeArbitrary(true), (shape) => {
        const plan = planOf(shape)
        const text = JSON.stringify(plan)
        const first = levelResources(plan)
        const second = levelResources(plan)
        expect(JSON.stringify(plan)).toBe(text)
        expect(first.ok && second.ok && JSON.stringify(first.plan) === JSON.stringify(second.plan)).toBe(true)
      }),
      { numRuns: 50, seed: 20260108 },
    )
  })
})
