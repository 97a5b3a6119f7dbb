/**
 * Property tests on random acyclic plans (fast-check): links hold in working time, nothing starts or ends inside
 * non-working time (elapsed durations aside), summaries cover their children, critical tasks form a chain from the
 * project start to its finish, scheduling is deterministic, and the incremental engine agrees with a full run.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CalendarSet, calendarIsProblem, type CompiledCalendar } from '../../src/shared/domain/calendar'
import { dateFromWallMinutes, dateToDayNumber, dateToWallMinutes } from '../../src/shared/domain/dates'
import { calendarStandard, makeTask } from '../../src/shared/domain/defaults'
import type {
  Calendar,
  ConstraintType,
  Dependency,
  DependencyType,
  DurationUnit,
  LagUnit,
  Plan,
  Task,
} from '../../src/shared/domain/model'
import { schedulePrepare, scheduleRun } from '../../src/shared/domain/schedule'
import type { Schedule } from '../../src/shared/domain/schedule-types'
import { validateOutlineParents } from '../../src/shared/domain/validate'
import { testPlan } from '../support/generate-plan'

// Standard calendar with holidays, and a second calendar (Tue–Sat 06:00–14:00) some tasks use.
function calendars(): Calendar[] {
  const standard = calendarStandard(1, 'Standard')
  standard.exceptions.push(
    { name: 'Holiday', from: '2026-10-12', to: '2026-10-12', periods: [] },
    { name: 'Break', from: '2026-10-21', to: '2026-10-23', periods: [] },
    { name: 'Saturday work', from: '2026-10-17', to: '2026-10-17', periods: [{ start: 540, end: 780 }] },
  )
  const early: Calendar = {
    ...calendarStandard(2, 'Early'),
    weekDays: [0, 1, 2, 3, 4, 5, 6].map((weekday) =>
      weekday === 0 || weekday === 1 ? { periods: [] } : { periods: [{ start: 360, end: 840 }] },
    ),
  }
  return [standard, early]
}

type TaskSpec = {
  levelStep: number
  amount: number
  unit: DurationUnit
  isMilestone: boolean
  onEarly: boolean
  constraint: ConstraintType
  constraintHours: number
}
type LinkSpec = { from: number; to: number; type: DependencyType; lag: number; lagUnit: LagUnit }

const taskSpec = (constraints: ConstraintType[]): fc.Arbitrary<TaskSpec> =>
  fc.record({
    levelStep: fc.integer({ min: -2, max: 1 }),
    amount: fc.integer({ min: 1, max: 40 }),
    unit: fc.constantFrom<DurationUnit>('h', 'h', 'd', 'd', 'd', 'w', 'ed', 'eh'),
    isMilestone: fc.integer({ min: 0, max: 5 }).map((value) => value === 0),
    onEarly: fc.boolean(),
    constraint: fc.constantFrom(...constraints),
    constraintHours: fc.integer({ min: 0, max: 24 * 40 }),
  })

const linkSpec: fc.Arbitrary<LinkSpec> = fc.record({
  from: fc.nat(),
  to: fc.nat(),
  type: fc.constantFrom<DependencyType>('FS', 'FS', 'SS', 'FF', 'SF'),
  lag: fc.integer({ min: -16, max: 24 }),
  lagUnit: fc.constantFrom<LagUnit>('h', 'd', 'ed', '%'),
})

function unitMinutes(unit: DurationUnit): number {
  return unit === 'h' || unit === 'eh'
    ? 60
    : unit === 'd'
      ? 480
      : unit === 'w'
        ? 2400
        : unit === 'ed'
          ? 1440
          : 1
}

/** Builds an acyclic plan: links go from an earlier row to a later one that is not its descendant. */
function buildPlan(tasks: TaskSpec[], links: LinkSpec[]): Plan {
  let level = 0
  const built: Task[] = tasks.map((spec, index) => {
    level = Math.max(1, Math.min(level + spec.levelStep, 4))
    if (index === 0) level = 1
    const duration = spec.isMilestone ? 0 : spec.amount * unitMinutes(spec.unit)
    const constraintDate = new Date(Date.UTC(2026, 9, 5, 0, 0) + spec.constraintHours * 3_600_000)
      .toISOString()
      .slice(0, 19)
    return makeTask(index + 1, {
      name: `T${index + 1}`,
      level,
      duration,
      durationUnit: spec.isMilestone ? 'd' : spec.unit,
      isMilestone: spec.isMilestone,
      calendarId: spec.onEarly ? 2 : null,
      constraint: {
        type: spec.constraint,
        date: spec.constraint === 'ASAP' || spec.constraint === 'ALAP' ? null : constraintDate,
      },
    })
  })
  const parent = validateOutlineParents(built.map((task) => task.level))
  const isAncestor = (ancestor: number, index: number): boolean => {
    for (let up = parent[index] as number; up >= 0; up = parent[up] as number)
      if (up === ancestor) return true
    return false
  }
  const isLeaf = (index: number): boolean => (built[index + 1]?.level ?? 0) <= (built[index]?.level ?? 0)
  const dependencies: Dependency[] = []
  const seen = new Set<string>()
  links.forEach((spec, index) => {
    if (built.length < 2) return
    const a = spec.from % built.length
    const b = spec.to % built.length
    const from = Math.min(a, b)
    const to = Math.max(a, b)
    if (from === to || isAncestor(from, to) || seen.has(`${from}-${to}`)) return
    // Percent lags only from leaf tasks (a percentage of a summary's rolled-up duration is rarely meant).
    if (spec.lagUnit === '%' && !isLeaf(from)) return
    seen.add(`${from}-${to}`)
    const lag = spec.lagUnit === '%' ? spec.lag * 5 : spec.lag * (spec.lagUnit === 'd' ? 240 : 60)
    dependencies.push({
      id: index + 1,
      predecessorId: from + 1,
      successorId: to + 1,
      type: spec.type,
      lag,
      lagUnit: spec.lagUnit,
    })
  })
  return testPlan(built, dependencies, { calendars: calendars() })
}

function compiledCalendars(plan: Plan): { forTask: (index: number) => CompiledCalendar } {
  const set = new CalendarSet(plan.calendars, dateToDayNumber(plan.start.slice(0, 10)))
  const get = (id: number): CompiledCalendar => {
    const compiled = set.get(id)
    if (calendarIsProblem(compiled)) throw new Error(compiled.message)
    return compiled
  }
  return { forTask: (index) => get(plan.tasks[index]?.calendarId ?? plan.calendarId) }
}

function schedule(plan: Plan): Schedule {
  const result = scheduleRun(plan)
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '))
  return result.schedule
}

function isDescendant(result: Schedule, index: number, ancestor: number): boolean {
  for (let up = result.parent[index] as number; up >= 0; up = result.parent[up] as number)
    if (up === ancestor) return true
  return false
}

const isElapsedUnit = (unit: DurationUnit): boolean => unit.startsWith('e')

const anyPlan = (constraints: ConstraintType[], maxTasks = 25): fc.Arbitrary<Plan> =>
  fc
    .tuple(
      fc.array(taskSpec(constraints), { minLength: 1, maxLength: maxTasks }),
      fc.array(linkSpec, { maxLength: 40 }),
    )
    .map(([tasks, links]) => buildPlan(tasks, links))

const runs = { numRuns: 200 }

describe('schedule properties', () => {
  it('every link holds in working time of the successor calendar', () => {
    fc.assert(
      fc.property(anyPlan(['ASAP', 'ASAP', 'ASAP', 'ALAP', 'SNET', 'FNET']), (plan) => {
        const result = schedule(plan)
        const calendarsOf = compiledCalendars(plan)
        for (const dependency of plan.dependencies) {
          const p = result.indexOf.get(dependency.predecessorId) as number
          const s = result.indexOf.get(dependency.successorId) as number
          const calendar = calendarsOf.forTask(s)
          const fromFinish = dependency.type === 'FS' || dependency.type === 'FF'
          const toStart = dependency.type === 'FS' || dependency.type === 'SS'
          const base = fromFinish ? (result.finish[p] as number) : (result.start[p] as number)
          const lag =
            dependency.lagUnit === '%'
              ? (dependency.lag / 100) * (plan.tasks[p]?.duration ?? 0)
              : dependency.lag
          if (result.isSummary[s] === 1) {
            // A link to a summary binds each of its tasks, on that task's calendar, from the bound the summary's
            // calendar gives (lag counted on the summary's calendar).
            // (The wall-clock bound itself, and its working-time form on the summary's calendar, whichever is later.)
            const boundWork =
              dependency.lagUnit === 'ed' ? calendar.work(base + lag) : calendar.work(base) + lag
            const raw =
              dependency.lagUnit === 'ed'
                ? base + lag
                : lag === 0
                  ? base
                  : dependency.type === 'SS'
                    ? calendar.startAt(boundWork)
                    : calendar.finishAt(boundWork)
            const bound = Math.max(raw, toStart ? calendar.startAt(boundWork) : calendar.finishAt(boundWork))
            for (let child = s + 1; child < result.taskCount && isDescendant(result, child, s); child++) {
              if (result.isSummary[child] === 1) continue
              const own = calendarsOf.forTask(child)
              const target = toStart ? (result.start[child] as number) : (result.finish[child] as number)
              expect(
                own.work(target) + 1e-6,
                `task ${child + 1} under summary ${s + 1}`,
              ).toBeGreaterThanOrEqual(own.work(bound))
            }
            continue
          }
          const target = toStart ? (result.start[s] as number) : (result.finish[s] as number)
          if (dependency.lagUnit === 'ed') {
            // The lag runs on the wall clock; the bound it gives is then compared in working time.
            expect(calendar.work(target) + 1e-6).toBeGreaterThanOrEqual(calendar.work(base + lag))
          } else {
            expect(calendar.work(target) + 1e-6).toBeGreaterThanOrEqual(calendar.work(base) + lag)
          }
        }
      }),
      runs,
    )
  })

  it('no task starts or ends inside non-working time (elapsed durations aside)', () => {
    fc.assert(
      fc.property(anyPlan(['ASAP', 'ASAP', 'ALAP', 'SNET', 'FNET', 'MSO', 'MFO', 'SNLT', 'FNLT']), (plan) => {
        const result = schedule(plan)
        const calendarsOf = compiledCalendars(plan)
        plan.tasks.forEach((task, index) => {
          if (result.isSummary[index] === 1 || isElapsedUnit(task.durationUnit)) return
          const calendar = calendarsOf.forTask(index)
          const start = result.start[index] as number
          const finish = result.finish[index] as number
          // A start or finish is fine inside working time or on the edge of a working stretch.
          const onWorkingTime = (t: number): boolean => calendar.isWorking(t) || calendar.isWorking(t - 1)
          expect(onWorkingTime(start), `start of ${task.id}`).toBe(true)
          expect(onWorkingTime(finish), `finish of ${task.id}`).toBe(true)
          if (task.duration > 0)
            expect(calendar.isWorking(start), `task ${task.id} starts in working time`).toBe(true)
        })
      }),
      runs,
    )
  })

  it('summaries cover their children exactly', () => {
    fc.assert(
      fc.property(anyPlan(['ASAP', 'ALAP', 'SNET', 'MSO', 'FNLT']), (plan) => {
        const result = schedule(plan)
        for (let index = 0; index < result.taskCount; index++) {
          if (result.isSummary[index] !== 1) continue
          let low = Number.POSITIVE_INFINITY
          let high = Number.NEGATIVE_INFINITY
          for (let child = 0; child < result.taskCount; child++) {
            if (result.parent[child] !== index) continue
            low = Math.min(low, result.start[child] as number)
            high = Math.max(high, result.finish[child] as number)
          }
          expect(result.start[index]).toBe(low)
          expect(result.finish[index]).toBe(high)
        }
      }),
      runs,
    )
  })

  it('critical tasks form a chain from the project start to its finish', () => {
    fc.assert(
      fc.property(anyPlan(['ASAP']), (plan) => {
        // One calendar and working-time durations, so slack is measured on a single clock.
        const single: Plan = {
          ...plan,
          tasks: plan.tasks.map((task) => ({
            ...task,
            calendarId: null,
            durationUnit: isElapsedUnit(task.durationUnit) ? 'd' : task.durationUnit,
          })),
          dependencies: plan.dependencies.map((dependency) =>
            dependency.lagUnit === 'ed' ? { ...dependency, lagUnit: 'd' as const } : dependency,
          ),
        }
        const result = schedule(single)
        const isLeaf = (index: number): boolean => result.isSummary[index] === 0
        let reachesFinish = false
        for (let index = 0; index < result.taskCount; index++) {
          if (!isLeaf(index) || result.isCritical[index] !== 1) continue
          if (result.finish[index] === result.projectFinish) reachesFinish = true
          // Links into the task or into any of its summaries.
          const targets = new Set<number>()
          for (let up = index; up >= 0; up = result.parent[up] as number)
            targets.add(single.tasks[up]?.id as number)
          const incoming = single.dependencies.filter((dependency) => targets.has(dependency.successorId))
          if (incoming.length === 0) {
            expect(
              result.start[index],
              `unlinked critical task ${single.tasks[index]?.id} starts at the plan start`,
            ).toBe(dateToWallMinutes(single.start))
          } else if (result.start[index] !== dateToWallMinutes(single.start)) {
            // A linked task at the plan start may be held there by the project start (a lead reaching before it).
            const hasCriticalPredecessor = incoming.some(
              (dependency) => result.isCritical[result.indexOf.get(dependency.predecessorId) as number] === 1,
            )
            expect(
              hasCriticalPredecessor,
              `critical task ${single.tasks[index]?.id} has a critical predecessor`,
            ).toBe(true)
          }
        }
        expect(reachesFinish).toBe(true)
      }),
      runs,
    )
  })

  it('is deterministic and does not change the plan', () => {
    fc.assert(
      fc.property(anyPlan(['ASAP', 'ALAP', 'SNET', 'FNET', 'MSO', 'MFO', 'SNLT', 'FNLT']), (plan) => {
        const before = JSON.stringify(plan)
        const first = schedule(plan)
        const second = schedule(structuredClone(plan))
        for (const key of [
          'start',
          'finish',
          'lateStart',
          'lateFinish',
          'totalSlack',
          'freeSlack',
          'duration',
          'isCritical',
        ] as const) {
          expect(Array.from(second[key])).toEqual(Array.from(first[key]))
        }
        expect(JSON.stringify(plan)).toBe(before)
      }),
      runs,
    )
  })

  it('the incremental engine agrees with a full run after a duration edit', () => {
    fc.assert(
      fc.property(
        anyPlan(['ASAP', 'ALAP', 'SNET', 'FNLT', 'MSO']),
        fc.nat(),
        fc.integer({ min: 0, max: 20 }),
        (plan, pick, days) => {
          const prepared = schedulePrepare(plan)
          if (!prepared.ok) throw new Error('not prepared')
          prepared.engine.run()
          const target = plan.tasks[pick % plan.tasks.length] as Task
          const updated = prepared.engine.update({
            kind: 'duration',
            taskId: target.id,
            duration: days * 480,
            durationUnit: 'd',
          })
          if (!updated.ok) throw new Error('update refused')
          const full = schedule(prepared.engine.plan)
          for (const key of [
            'start',
            'finish',
            'lateStart',
            'lateFinish',
            'totalSlack',
            'freeSlack',
          ] as const) {
            expect(Array.from(updated.schedule[key]), key).toEqual(Array.from(full[key]))
          }
        },
      ),
      runs,
    )
  })

  it('a finished or started task never moves on re-scheduling (full and incremental)', () => {
    fc.assert(
      fc.property(
        anyPlan(['ASAP', 'ALAP', 'SNET', 'FNET', 'MSO', 'MFO', 'SNLT', 'FNLT']),
        fc.array(fc.constantFrom<'none' | 'started' | 'finished'>('none', 'none', 'started', 'finished'), {
          minLength: 25,
          maxLength: 25,
        }),
        fc.nat(),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 24 * 60 }),
        fc.option(fc.integer({ min: 0, max: 24 * 30 }), { nil: null }),
        (plan, states, pick, days, snetHours, statusHours) => {
          const first = schedule(plan)
          // Progress where the plan put the tasks: a started task at its start, a finished one over its dates.
          const tasks = plan.tasks.map((task, index): Task => {
            const state = states[index] ?? 'none'
            if (state === 'none' || first.isSummary[index] === 1) return task
            const start = dateFromWallMinutes(first.start[index] as number)
            const finish = dateFromWallMinutes(first.finish[index] as number)
            return state === 'finished'
              ? { ...task, actualStart: start, actualFinish: finish, percentComplete: 100 }
              : { ...task, actualStart: start, percentComplete: 40 }
          })
          // Half the runs move remaining work after a status date (the option must not move completed work either).
          const progressed: Plan =
            statusHours === null
              ? { ...plan, tasks }
              : {
                  ...plan,
                  tasks,
                  statusDate: dateFromWallMinutes(dateToWallMinutes(plan.start) + statusHours * 60),
                  settings: { ...plan.settings, moveRemainingAfterStatusDate: true },
                }
          const prepared = schedulePrepare(progressed)
          if (!prepared.ok) throw new Error('not prepared')
          const before = prepared.engine.run()
          if (!before.ok) throw new Error('not scheduled')
          // Then the plan changes around them: one task (any, progressed or not) gets longer and a late
          // start-no-earlier-than date, which pushes its successors and summaries.
          const target = pick % plan.tasks.length
          const snet = dateFromWallMinutes(dateToWallMinutes(plan.start) + snetHours * 60)
          const next: Plan = {
            ...progressed,
            tasks: progressed.tasks.map((task, index) =>
              index === target
                ? {
                    ...task,
                    duration: task.duration + days * 480,
                    durationUnit: 'd',
                    constraint: { type: 'SNET', date: snet },
                  }
                : task,
            ),
          }
          const updated = prepared.engine.update({ kind: 'plan', plan: next })
          if (!updated.ok) throw new Error('update refused')
          const full = schedule(next)
          next.tasks.forEach((task, index) => {
            if (task.actualStart === null || full.isSummary[index] === 1) return
            const start = dateToWallMinutes(task.actualStart)
            expect(full.start[index], `start of ${task.id}`).toBe(start)
            expect(updated.schedule.start[index], `incremental start of ${task.id}`).toBe(start)
            if (task.actualFinish === null) return
            const finish = dateToWallMinutes(task.actualFinish)
            expect(full.finish[index], `finish of ${task.id}`).toBe(finish)
            expect(updated.schedule.finish[index], `incremental finish of ${task.id}`).toBe(finish)
            // Its finish was where the first schedule put it: nothing of the completed work moved.
            expect(full.finish[index]).toBe(first.finish[index])
          })
          for (const key of ['start', 'finish', 'lateStart', 'lateFinish', 'totalSlack', 'freeSlack'] as const)
            expect(Array.from(updated.schedule[key]), key).toEqual(Array.from(full[key]))
        },
      ),
      runs,
    )
  })
})
