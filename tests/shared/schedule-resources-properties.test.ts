/**
 * Property tests of the engine with people (fast-check), on small random plans with resources on different calendars
 * (standard, mornings only, a night shift), vacations, task calendars, the flag that ignores resource calendars,
 * manual and as-late-as-possible tasks, and summary assignments:
 * - work = units x the working time of each driving assignment on its resource's calendar;
 * - a task with driving assignments spans them exactly (the earliest start to the latest finish);
 * - a manual task's typed dates never move, whatever else is edited;
 * - the load's peak units, over-allocated flag and daily work agree with a minute-by-minute count;
 * - a started or finished task keeps its actual dates when the work around it grows (full and incremental runs), a
 *   finished task's assignments stay inside its actual dates;
 * - the incremental engine agrees with a full run after edits of units, work, people and modes.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CalendarSet,
  calendarIsProblem,
  calendarResourceEffective,
  calendarResourceEffectiveId,
  type CompiledCalendar,
} from '../../src/shared/domain/calendar'
import { dateFromWallMinutes, dateToDayNumber, dateToWallMinutes } from '../../src/shared/domain/dates'
import { calendarStandard, makeAssignment } from '../../src/shared/domain/defaults'
import { loadCompute } from '../../src/shared/domain/load'
import type {
  Assignment,
  Calendar,
  Dependency,
  DependencyType,
  Plan,
  Resource,
  Task,
} from '../../src/shared/domain/model'
import { schedulePrepare, scheduleRun } from '../../src/shared/domain/schedule'
import type { Schedule } from '../../src/shared/domain/schedule-types'
import { validateOutlineParents } from '../../src/shared/domain/validate'
import { task, testPlan } from '../support/generate-plan'
import { makeResource } from '../support/resource-plans'

const runs = { numRuns: 120, seed: 20261005 }

function calendars(): Calendar[] {
  const standard = calendarStandard(1, 'Standard')
  standard.exceptions.push({ name: 'Holiday', from: '2026-10-12', to: '2026-10-12', periods: [] })
  const mornings: Calendar = {
    ...calendarStandard(2, 'Mornings'),
    baseCalendarId: 1,
    weekDays: [null, ...[1, 2, 3, 4, 5].map(() => ({ periods: [{ start: 480, end: 720 }] })), null],
  }
  const night = { periods: [{ start: 23 * 60, end: 1440 }] }
  const morning = {
    periods: [
      { start: 0, end: 180 },
      { start: 240, end: 480 },
    ],
  }
  const nightShift: Calendar = {
    id: 3,
    name: 'Night Shift',
    baseCalendarId: null,
    weekDays: [
      { periods: [] },
      night,
      { periods: [...morning.periods, ...night.periods] },
      { periods: [...morning.periods, ...night.periods] },
      { periods: [...morning.periods, ...night.periods] },
      { periods: [...morning.periods, ...night.periods] },
      morning,
    ],
    exceptions: [],
    workWeeks: [],
  }
  const fourDays: Calendar = {
    ...calendarStandard(4, 'Mon-Thu'),
    weekDays: calendarStandard(4).weekDays.map((day, weekday) => (weekday === 5 ? { periods: [] } : day)),
  }
  return [standard, mornings, nightShift, fourDays]
}

type Shape = {
  tasks: Array<{
    levelStep: number
    hours: number
    mode: 'auto' | 'manual' | 'alap'
    onTaskCalendar: boolean
    ignores: boolean
    manualDay: number
  }>
  links: Array<{ from: number; to: number; type: DependencyType; lagHours: number }>
  resources: Array<{ calendar: 0 | 2 | 3; vacationDay: number | null; maxUnits: number }>
  assignments: Array<{ task: number; resource: number; units: number; workHours: number }>
}

const shape: fc.Arbitrary<Shape> = fc.record({
  tasks: fc.array(
    fc.record({
      levelStep: fc.integer({ min: -1, max: 1 }),
      hours: fc.integer({ min: 1, max: 40 }),
      mode: fc.constantFrom<'auto' | 'manual' | 'alap'>('auto', 'auto', 'auto', 'auto', 'manual', 'alap'),
      onTaskCalendar: fc.integer({ min: 0, max: 5 }).map((value) => value === 0),
      ignores: fc.integer({ min: 0, max: 7 }).map((value) => value === 0),
      manualDay: fc.integer({ min: 0, max: 12 }),
    }),
    { minLength: 1, maxLength: 9 },
  ),
  links: fc.array(
    fc.record({
      from: fc.nat(),
      to: fc.nat(),
      type: fc.constantFrom<DependencyType>('FS', 'FS', 'SS', 'FF', 'SF'),
      lagHours: fc.integer({ min: -4, max: 8 }),
    }),
    { maxLength: 10 },
  ),
  resources: fc.array(
    fc.record({
      calendar: fc.constantFrom<0 | 2 | 3>(0, 0, 2, 3),
      vacationDay: fc.option(fc.integer({ min: 0, max: 14 }), { nil: null }),
      maxUnits: fc.constantFrom(50, 100, 100, 200),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  assignments: fc.array(
    fc.record({
      task: fc.nat(),
      resource: fc.nat(),
      units: fc.constantFrom(25, 50, 100, 150),
      workHours: fc.integer({ min: 0, max: 32 }),
    }),
    { maxLength: 12 },
  ),
})

const day = (offset: number): string => {
  const date = new Date(Date.UTC(2026, 9, 5 + offset))
  return date.toISOString().slice(0, 10)
}

function planOf(value: Shape): Plan {
  let level = 0
  const tasks: Task[] = value.tasks.map((spec, index) => {
    level = index === 0 ? 1 : Math.max(1, Math.min(level + spec.levelStep, 3))
    return task(index + 1, 0, {
      level,
      duration: spec.hours * 60,
      durationUnit: 'h',
      isMilestone: false,
      calendarId: spec.onTaskCalendar ? 4 : null,
      ignoresResourceCalendars: spec.ignores,
      constraint: { type: spec.mode === 'alap' ? 'ALAP' : 'ASAP', date: null },
      schedulingMode: spec.mode === 'manual' ? 'manual' : 'auto',
      manualStart: spec.mode === 'manual' ? `${day(spec.manualDay)}T08:00:00` : null,
      manualFinish: spec.mode === 'manual' ? `${day(spec.manualDay + 1)}T17:00:00` : null,
    })
  })
  const parent = validateOutlineParents(tasks.map((item) => item.level))
  const isAncestor = (ancestor: number, index: number): boolean => {
    for (let up = parent[index] as number; up >= 0; up = parent[up] as number)
      if (up === ancestor) return true
    return false
  }
  const dependencies: Dependency[] = []
  const seen = new Set<string>()
  value.links.forEach((spec, index) => {
    if (tasks.length < 2) return
    const a = spec.from % tasks.length
    const b = spec.to % tasks.length
    const from = Math.min(a, b)
    const to = Math.max(a, b)
    if (from === to || isAncestor(from, to) || seen.has(`${from}-${to}`)) return
    seen.add(`${from}-${to}`)
    dependencies.push({
      id: index + 1,
      predecessorId: from + 1,
      successorId: to + 1,
      type: spec.type,
      lag: spec.lagHours * 60,
      lagUnit: 'h',
    })
  })
  const resources: Resource[] = value.resources.map((spec, index) =>
    makeResource(index + 1, `R${index + 1}`, {
      calendarId: spec.calendar === 0 ? null : spec.calendar,
      maxUnits: spec.maxUnits,
      nonWorkingDays:
        spec.vacationDay === null ? [] : [{ from: day(spec.vacationDay), to: day(spec.vacationDay + 2) }],
    }),
  )
  const assignments: Assignment[] = []
  const pairs = new Set<string>()
  for (const spec of value.assignments) {
    const taskIndex = spec.task % tasks.length
    const resource = resources[spec.resource % resources.length] as Resource
    if (pairs.has(`${taskIndex}-${resource.id}`)) continue
    pairs.add(`${taskIndex}-${resource.id}`)
    assignments.push(
      makeAssignment(assignments.length + 1, taskIndex + 1, resource.id, spec.units, spec.workHours * 60),
    )
  }
  return testPlan(tasks, dependencies, { calendars: calendars(), resources, assignments })
}

function run(plan: Plan): Schedule {
  const result = scheduleRun(plan)
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '))
  return result.schedule
}

/** The calendar an assignment works on, compiled independently of the engine (the model's rule, stated again). */
function assignmentCalendar(plan: Plan, assignment: Assignment): CompiledCalendar {
  const set = new CalendarSet(
    [...plan.calendars, ...plan.resources.map((resource) => calendarResourceEffective(plan, resource))],
    dateToDayNumber(plan.start.slice(0, 10)),
  )
  const owner = plan.tasks.find((item) => item.id === assignment.taskId) as Task
  const taskCalendar = owner.calendarId ?? plan.calendarId
  const effective = calendarResourceEffectiveId(assignment.resourceId)
  const compiled = owner.ignoresResourceCalendars
    ? set.get(taskCalendar)
    : owner.calendarId !== null
      ? set.intersection(effective, taskCalendar)
      : set.get(effective)
  if (calendarIsProblem(compiled)) {
    const fallback = set.get(taskCalendar)
    if (calendarIsProblem(fallback)) throw new Error(fallback.message)
    return fallback
  }
  return compiled
}

describe('engine with people: properties', () => {
  it('work = units x working time of each driving assignment on its resource calendar; a task spans its assignments', () => {
    let driven = 0
    fc.assert(
      fc.property(shape, (value) => {
        const plan = planOf(value)
        const schedule = run(plan)
        plan.tasks.forEach((item, index) => {
          if (schedule.isResourceDriven[index] !== 1) return
          driven++
          let low = Number.POSITIVE_INFINITY
          let high = Number.NEGATIVE_INFINITY
          plan.assignments.forEach((assignment, position) => {
            if (assignment.taskId !== item.id) return
            const start = schedule.assignmentStart[position] as number
            const finish = schedule.assignmentFinish[position] as number
            if (assignment.work > 0) {
              const calendar = assignmentCalendar(plan, assignment)
              const worked = (assignment.units * (calendar.work(finish) - calendar.work(start))) / 100
              expect(Math.abs(worked - assignment.work)).toBeLessThan(1e-6 * Math.max(1, assignment.work))
              low = Math.min(low, start)
              high = Math.max(high, finish)
            } else {
              expect([start, finish]).toEqual([schedule.start[index], schedule.finish[index]])
            }
          })
          expect(schedule.start[index]).toBe(low)
          expect(schedule.finish[index]).toBe(high)
        })
      }),
      runs,
    )
    expect(driven).toBeGreaterThan(100)
  })

  it("a manual task's typed dates never move on re-scheduling, whatever else is edited", () => {
    fc.assert(
      fc.property(shape, fc.integer({ min: 1, max: 80 }), fc.nat(), (value, hours, pick) => {
        const plan = planOf(value)
        const prepared = schedulePrepare(plan)
        if (!prepared.ok) throw new Error('not prepared')
        const engine = prepared.engine
        const check = (schedule: Schedule, current: Plan): void =>
          current.tasks.forEach((item, index) => {
            if (item.schedulingMode !== 'manual' || item.manualStart === null || item.manualFinish === null)
              return
            expect(schedule.start[index]).toBe(dateToWallMinutes(item.manualStart))
            expect(schedule.finish[index]).toBe(dateToWallMinutes(item.manualFinish))
          })
        const first = engine.run()
        if (!first.ok) throw new Error('not scheduled')
        check(first.schedule, plan)
        const target = plan.tasks[pick % plan.tasks.length] as Task
        const edited = engine.update({ kind: 'duration', taskId: target.id, duration: hours * 60 })
        if (edited.ok) check(edited.schedule, engine.plan)
        const longer = {
          ...engine.plan,
          tasks: engine.plan.tasks.map((item) =>
            item.schedulingMode === 'auto' ? { ...item, duration: item.duration * 2 } : item,
          ),
        }
        check(run(longer), longer)
      }),
      runs,
    )
  })

  it('peak units, the over-allocated flag and daily work agree with a minute-by-minute count', () => {
    let over = 0
    fc.assert(
      fc.property(shape, (value) => {
        const plan = planOf(value)
        const schedule = run(plan)
        const load = loadCompute(plan, schedule)
        const set = new CalendarSet(
          [...plan.calendars, ...plan.resources.map((resource) => calendarResourceEffective(plan, resource))],
          dateToDayNumber(plan.start.slice(0, 10)),
        )
        for (const resource of plan.resources) {
          const calendar = set.get(calendarResourceEffectiveId(resource.id))
          if (calendarIsProblem(calendar)) throw new Error(calendar.message)
          const spans: Array<[number, number, number]> = []
          plan.assignments.forEach((assignment, position) => {
            if (assignment.resourceId !== resource.id || !((schedule.assignmentWork[position] as number) > 0))
              return
            const start = schedule.assignmentStart[position] as number
            const finish = schedule.assignmentFinish[position] as number
            if (finish > start) spans.push([start, finish, assignment.units])
          })
          let peak = 0
          const perDay = new Map<number, number>()
          if (spans.length > 0) {
            const from = Math.min(...spans.map((span) => span[0]))
            const to = Math.max(...spans.map((span) => span[1]))
            for (let minute = Math.floor(from); minute < to; minute++) {
              if (!calendar.isWorking(minute)) continue
              let rate = 0
              for (const [start, finish, units] of spans)
                if (start <= minute && minute < finish) rate += units
              if (rate > peak) peak = rate
              const dayNumber = Math.floor(minute / 1440)
              perDay.set(dayNumber, (perDay.get(dayNumber) ?? 0) + rate / 100)
            }
          }
          const computed = load.byResource.get(resource.id)
          expect(computed?.peakUnitsMax).toBeCloseTo(peak, 6)
          expect(computed?.isOverallocated).toBe(peak > resource.maxUnits + 1e-9)
          if (peak > resource.maxUnits) over++
          for (const [dayNumber, work] of perDay)
            expect(computed?.assigned[dayNumber - (computed?.firstDay ?? 0)] ?? 0).toBeCloseTo(work, 6)
        }
      }),
      runs,
    )
    expect(over).toBeGreaterThan(20)
  })

  it('the incremental engine agrees with a full run after edits of units, work, people and modes', () => {
    fc.assert(
      fc.property(
        shape,
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.nat(), fc.integer({ min: 1, max: 200 })), {
          minLength: 1,
          maxLength: 5,
        }),
        (value, edits) => {
          let plan = planOf(value)
          const prepared = schedulePrepare(plan)
          if (!prepared.ok) throw new Error('not prepared')
          const engine = prepared.engine
          engine.run()
          for (const [kind, pick, amount] of edits) {
            const assignment = plan.assignments[pick % Math.max(1, plan.assignments.length)]
            const target = plan.tasks[pick % plan.tasks.length] as Task
            if (kind === 0 && assignment !== undefined)
              plan = {
                ...plan,
                assignments: plan.assignments.map((item) =>
                  item === assignment ? { ...item, units: amount } : item,
                ),
              }
            else if (kind === 1 && assignment !== undefined)
              plan = {
                ...plan,
                assignments: plan.assignments.map((item) =>
                  item === assignment ? { ...item, work: amount * 30 } : item,
                ),
              }
            else if (kind === 2 && assignment !== undefined)
              plan = { ...plan, assignments: plan.assignments.filter((item) => item !== assignment) }
            else if (kind === 3)
              plan = {
                ...plan,
                tasks: plan.tasks.map((item) =>
                  item === target
                    ? item.schedulingMode === 'manual'
                      ? { ...item, schedulingMode: 'auto' }
                      : {
                          ...item,
                          schedulingMode: 'manual',
                          manualStart: '2026-10-07T08:00:00',
                          manualFinish: null,
                          manualDuration: amount * 10,
                        }
                    : item,
                ),
              }
            else
              plan = {
                ...plan,
                tasks: plan.tasks.map((item) =>
                  item === target
                    ? { ...item, ignoresResourceCalendars: !item.ignoresResourceCalendars }
                    : item,
                ),
              }
            const updated = engine.update({ kind: 'plan', plan })
            if (!updated.ok) throw new Error(updated.problems[0]?.message)
            const full = run(plan)
            for (const key of [
              'start',
              'finish',
              'lateStart',
              'lateFinish',
              'totalSlack',
              'freeSlack',
              'duration',
              'work',
              'assignmentStart',
              'assignmentFinish',
              'assignmentWork',
            ] as const)
              expect(Array.from(updated.schedule[key]), key).toEqual(Array.from(full[key]))
            expect(updated.schedule.linkViolations).toEqual(full.linkViolations)
          }
        },
      ),
      runs,
    )
  })

  it('a started or finished task keeps its actual dates when the work around it grows (full and incremental)', () => {
    fc.assert(
      fc.property(
        shape,
        fc.array(fc.constantFrom<'none' | 'started' | 'finished'>('none', 'started', 'finished'), {
          minLength: 9,
          maxLength: 9,
        }),
        fc.integer({ min: 2, max: 4 }),
        (value, states, factor) => {
          const plan = planOf(value)
          const first = run(plan)
          const tasks = plan.tasks.map((item, index): Task => {
            const state = states[index] ?? 'none'
            if (state === 'none' || first.isSummary[index] === 1) return item
            const start = dateFromWallMinutes(first.start[index] as number)
            const finish = dateFromWallMinutes(first.finish[index] as number)
            return state === 'finished'
              ? { ...item, actualStart: start, actualFinish: finish, percentComplete: 100 }
              : { ...item, actualStart: start, percentComplete: 30 }
          })
          const progressed: Plan = { ...plan, tasks }
          const prepared = schedulePrepare(progressed)
          if (!prepared.ok) throw new Error('not prepared')
          if (!prepared.engine.run().ok) throw new Error('not scheduled')
          // Every assignment's work and every task's duration grows: predecessors finish later, people work longer.
          const next: Plan = {
            ...progressed,
            tasks: progressed.tasks.map((item) => ({ ...item, duration: item.duration * factor })),
            assignments: progressed.assignments.map((assignment) => ({
              ...assignment,
              work: assignment.work * factor,
            })),
          }
          const updated = prepared.engine.update({ kind: 'plan', plan: next })
          if (!updated.ok) throw new Error('update refused')
          const full = run(next)
          next.tasks.forEach((item, index) => {
            if (item.actualStart === null || full.isSummary[index] === 1) return
            expect(full.start[index], `start of ${item.id}`).toBe(dateToWallMinutes(item.actualStart))
            if (item.actualFinish === null) return
            const finish = dateToWallMinutes(item.actualFinish)
            expect(full.finish[index], `finish of ${item.id}`).toBe(finish)
            // Its assignments' work happened inside its actual dates, however much work was added since.
            next.assignments.forEach((assignment, position) => {
              if (assignment.taskId !== item.id) return
              expect(full.assignmentFinish[position]).toBeLessThanOrEqual(finish)
              expect(full.assignmentStart[position]).toBeGreaterThanOrEqual(dateToWallMinutes(item.actualStart ?? ''))
            })
          })
          for (const key of ['start', 'finish', 'lateStart', 'lateFinish', 'totalSlack', 'freeSlack'] as const)
            expect(Array.from(updated.schedule[key]), key).toEqual(Array.from(full[key]))
          expect(Array.from(updated.schedule.assignmentStart)).toEqual(Array.from(full.assignmentStart))
          expect(Array.from(updated.schedule.assignmentFinish)).toEqual(Array.from(full.assignmentFinish))
        },
      ),
      runs,
    )
  })
})
