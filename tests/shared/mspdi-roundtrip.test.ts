import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makeAssignment, calendarStandard, makePlan, makeResource, makeTask, planSettingsDefault } from '../../src/shared/domain/defaults'
import type { Assignment, BaselineNumber, Calendar, EarnedValueMethod, Dependency, Plan, Resource, Task, WeekDay, WorkingPeriod } from '../../src/shared/domain/model'
import { constraintTypes, dependencyTypes, durationUnits, lagUnits, schedulingModes, taskTypes } from '../../src/shared/domain/model'
import { dateFromWallMinutes, dateToWallMinutes } from '../../src/shared/domain/dates'
import { scheduleRun } from '../../src/shared/domain/schedule'
import { mspdiCleanText, mspdiRead, mspdiWrite } from '../../src/shared/formats/mspdi'
import { mspdiSamplesDir } from '../support/samples'

const samples = readdirSync(mspdiSamplesDir).filter((file) => file.endsWith('.xml'))

function read(text: string): Plan {
  const result = mspdiRead(text, { planId: 'round-trip', now: '2026-01-01T00:00:00' })
  if (!result.ok) throw new Error(result.error.message)
  return result.plan
}

/** Links compared without their ids (the reader numbers links in successor order). */
function linkSet(plan: Plan): string[] {
  return plan.dependencies.map((link) => `${link.predecessorId}->${link.successorId} ${link.type} ${link.lag} ${link.lagUnit}`).sort()
}

describe('round trip read(write(read(f))) on every sample', () => {
  for (const file of samples) {
    it(`keeps tasks, links, lags, calendars, resources, assignments and constraints of ${file}`, () => {
      const first = read(readFileSync(join(mspdiSamplesDir, file), 'utf8'))
      const second = read(mspdiWrite(first))
      expect(second.tasks).toEqual(first.tasks)
      expect(linkSet(second)).toEqual(linkSet(first))
      expect(second.calendars).toEqual(first.calendars)
      expect(second.resources).toEqual(first.resources)
      expect(second.assignments).toEqual(first.assignments)
      expect(second.settings).toEqual(first.settings)
      expect({ ...second, dependencies: [] }).toEqual({ ...first, dependencies: [] })
    })
  }
})

describe('round trip keeps the schedule', () => {
  for (const file of samples) {
    it(`the engine gives the same dates for ${file} before and after write + read (with the schedule written)`, () => {
      const first = read(readFileSync(join(mspdiSamplesDir, file), 'utf8'))
      const before = scheduleRun(first)
      if (!before.ok) throw new Error(before.problems[0]?.message)
      const second = read(mspdiWrite(first, before.schedule))
      const after = scheduleRun(second)
      if (!after.ok) throw new Error(after.problems[0]?.message)
      expect(Array.from(after.schedule.start)).toEqual(Array.from(before.schedule.start))
      expect(Array.from(after.schedule.finish)).toEqual(Array.from(before.schedule.finish))
      expect(Array.from(after.schedule.totalSlack)).toEqual(Array.from(before.schedule.totalSlack))
    })
  }
})

describe('resource vacations', () => {
  it('are exported as non-working exceptions of the resource calendar and read back as such', () => {
    const plan = makePlan('p', 'Vacations', '2026-01-05T08:00:00', '2026-01-01T00:00:00', {
      tasks: [makeTask(1, { name: 'Work', start: '2026-01-05T08:00:00', finish: '2026-01-05T17:00:00' })],
      resources: [
        { id: 1, name: 'Ana', role: '', initials: 'A', email: '', maxUnits: 100, type: 'work', materialLabel: '', standardRate: 0, standardRateUnit: 'h', overtimeRate: 0, overtimeRateUnit: 'h', costPerUse: 0, costAccrual: 'prorated', calendarId: null, nonWorkingDays: [{ from: '2026-02-02', to: '2026-02-06' }] },
      ],
    })
    const back = read(mspdiWrite(plan))
    const ana = back.resources[0] as Resource
    const calendar = back.calendars.find((entry) => entry.id === ana.calendarId) as Calendar
    expect(calendar.baseCalendarId).toBe(1)
    expect(calendar.name).toBe('Ana')
    expect(calendar.exceptions).toEqual([{ name: 'Vacation', from: '2026-02-02', to: '2026-02-06', periods: [] }])
    // A second round trip is stable.
    expect(read(mspdiWrite(back))).toEqual(back)
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Random plans

const dayArbitrary = fc.integer({ min: 10_957, max: 25_567 }) // 2000-01-01 .. 2039-12-31
function dayText(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10)
}
const dateTimeArbitrary = fc
  .tuple(dayArbitrary, fc.integer({ min: 0, max: 1439 }))
  .map(([day, minute]) => `${dayText(day)}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`)

/** Text with the characters that break naive XML writers: CR, control characters, markup, unicode, lone surrogates. */
const nastyText = (maxLength: number) =>
  fc.array(
    fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('\r', '\r\n', '\n', '\t', '\u0000', '\u0001', '\u001f', '\uFFFE', '\uD800', '&', '<', '>', '"', "'", ']]>', '&amp;', '&#13;', ' ', 'é', '😀', '漢字', '\u00a0'),
    ),
    { maxLength },
  ).map((parts) => parts.join(''))

const periodsArbitrary: fc.Arbitrary<WorkingPeriod[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 48 }), { minLength: 0, maxLength: 10 })
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b).map((point) => point * 30)
    const periods: WorkingPeriod[] = []
    for (let index = 0; index + 1 < sorted.length && periods.length < 5; index += 2) {
      periods.push({ start: sorted[index] as number, end: sorted[index + 1] as number })
    }
    return periods
  })
  // Adjacent periods (one ends where the next starts) are joined by the reader, as Microsoft Project shows them.
  .filter((periods) => periods.every((period, index) => index === 0 || period.start > (periods[index - 1] as WorkingPeriod).end))

const weekDayArbitrary: fc.Arbitrary<WeekDay> = periodsArbitrary.map((periods) => ({ periods }))

function calendarArbitrary(id: number, baseCalendarId: number | null): fc.Arbitrary<Calendar> {
  const weekDay = baseCalendarId === null ? weekDayArbitrary : fc.option(weekDayArbitrary, { nil: null })
  return fc
    .record({
      name: nastyText(10),
      weekDays: fc.array(weekDay, { minLength: 7, maxLength: 7 }),
      exceptions: fc.array(fc.record({ name: nastyText(8), from: dayArbitrary, length: fc.integer({ min: 0, max: 5 }), periods: periodsArbitrary }), { maxLength: 4 }),
      workWeeks: fc.array(
        fc.record({ name: nastyText(8), from: dayArbitrary, length: fc.integer({ min: 0, max: 60 }), weekDays: fc.array(fc.option(weekDayArbitrary, { nil: null }), { minLength: 7, maxLength: 7 }) }),
        { maxLength: 2 },
      ),
    })
    .map((value) => ({
      id,
      name: value.name,
      baseCalendarId,
      weekDays: value.weekDays,
      exceptions: value.exceptions
        .map((exception) => ({ name: exception.name, from: dayText(exception.from), to: dayText(exception.from + exception.length), periods: exception.periods }))
        .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)),
      workWeeks: value.workWeeks.map((week) => ({ name: week.name, from: dayText(week.from), to: dayText(week.from + week.length), weekDays: week.weekDays })),
    }))
}

const planArbitrary: fc.Arbitrary<Plan> = fc
  .record({
    name: nastyText(20),
    start: dateTimeArbitrary,
    statusDate: fc.option(dateTimeArbitrary, { nil: null }),
    baseCalendar: calendarArbitrary(1, null),
    derivedCalendar: calendarArbitrary(2, 1),
    settings: fc.record({
      minutesPerDay: fc.integer({ min: 1, max: 1440 }),
      minutesPerWeek: fc.integer({ min: 1, max: 10080 }),
      daysPerMonth: fc.integer({ min: 1, max: 31 }),
      weekStartDay: fc.integer({ min: 0, max: 6 }),
      defaultStartTime: fc.integer({ min: 0, max: 1439 }),
      defaultFinishTime: fc.integer({ min: 1, max: 1440 }),
      currencyCode: fc.constantFrom('EUR', 'USD', 'PLN', 'GBP'),
      dueSoonDays: fc.constant(14),
      newTaskSchedulingMode: fc.constantFrom<'auto' | 'manual'>('auto', 'manual'),
      moveRemainingAfterStatusDate: fc.constant(false),
      baselineForEarnedValue: fc.constant<BaselineNumber>(0),
      earnedValueMethod: fc.constant<EarnedValueMethod>('percent-complete'),
    }),
    tasks: fc.array(
      fc.record({
        name: nastyText(15),
        indent: fc.integer({ min: -3, max: 1 }),
        notes: nastyText(30),
        duration: fc.integer({ min: 0, max: 100_000 }),
        durationUnit: fc.constantFrom(...durationUnits),
        isMilestone: fc.boolean(),
        percentComplete: fc.integer({ min: 0, max: 100 }),
        constraintType: fc.constantFrom(...constraintTypes),
        constraintDate: dateTimeArbitrary,
        priority: fc.integer({ min: 0, max: 1000 }),
        calendarId: fc.constantFrom(null, 1, 2),
        actualStart: fc.option(dateTimeArbitrary, { nil: null }),
        actualFinish: fc.option(dateTimeArbitrary, { nil: null }),
        levelingDelay: fc.integer({ min: 0, max: 10_000 }),
        deadline: fc.option(dateTimeArbitrary, { nil: null }),
        baselines: fc.uniqueArray(
          fc.record({
            number: fc.integer({ min: 0, max: 10 }).map((number) => number as BaselineNumber),
            start: fc.option(dateTimeArbitrary, { nil: null }),
            finish: fc.option(dateTimeArbitrary, { nil: null }),
            duration: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
            work: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
            // Whole cents, as Microsoft Project keeps them (hundredths in the file).
            cost: fc.option(fc.integer({ min: 0, max: 1e11 }).map((cents) => cents / 100), { nil: null }),
            bcws: fc.option(fc.integer({ min: 0, max: 1e9 }).map((cents) => cents / 100), { nil: null }),
            bcwp: fc.option(fc.integer({ min: 0, max: 1e9 }).map((cents) => cents / 100), { nil: null }),
          }),
          { selector: (baseline) => baseline.number, maxLength: 4 },
        ),
        physicalPercentComplete: fc.integer({ min: 0, max: 100 }),
        start: dateTimeArbitrary,
        finish: dateTimeArbitrary,
        type: fc.constantFrom(...taskTypes),
        isEffortDriven: fc.boolean(),
        schedulingMode: fc.constantFrom(...schedulingModes),
        ignoresResourceCalendars: fc.boolean(),
        work: fc.integer({ min: 0, max: 1_000_000 }),
        // A manual task's typed values, any of them blank (but not all: a task marked manual with no typed value
        // at all is read as typed at the dates written, see readTaskModel); an automatic one may keep them too.
        manual: fc
          .record({
            start: fc.option(dateTimeArbitrary, { nil: null }),
            length: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
            duration: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
          })
          .filter((value) => value.start !== null || value.length !== null || value.duration !== null),
      }),
      { maxLength: 25 },
    ),
    links: fc.array(
      fc.record({ a: fc.nat(), b: fc.nat(), type: fc.constantFrom(...dependencyTypes), lag: fc.integer({ min: -100_000, max: 100_000 }), lagUnit: fc.constantFrom(...lagUnits) }),
      { maxLength: 30 },
    ),
    resources: fc.array(
      fc.record({
        name: nastyText(12),
        role: nastyText(6),
        initials: nastyText(3),
        email: nastyText(8),
        maxUnits: fc.integer({ min: 1, max: 2000 }).map((value) => value / 2),
        standardRate: fc.integer({ min: 0, max: 1_000_000 }).map((value) => value / 100),
        calendarId: fc.constantFrom(null, 2),
      }),
      { maxLength: 5 },
    ),
    assignments: fc.array(
      fc.record({
        task: fc.nat(),
        resource: fc.nat(),
        units: fc.integer({ min: 1, max: 8000 }).map((value) => value / 8),
        work: fc.integer({ min: 0, max: 1_000_000 }),
        dates: fc.option(fc.record({ start: dateTimeArbitrary, length: fc.integer({ min: 0, max: 100_000 }) }), { nil: null }),
      }),
      { maxLength: 20 },
    ),
  })
  .map((value) => {
    const tasks: Task[] = []
    let level = 0
    value.tasks.forEach((row, index) => {
      level = Math.max(1, Math.min(level + 1, level + row.indent))
      const hasDate = row.constraintType !== 'ASAP' && row.constraintType !== 'ALAP'
      tasks.push(
        makeTask(index + 1, {
          name: row.name,
          level,
          notes: row.notes,
          duration: row.duration,
          durationUnit: row.durationUnit,
          isMilestone: row.isMilestone,
          percentComplete: row.percentComplete,
          constraint: { type: row.constraintType, date: hasDate ? row.constraintDate : null },
          priority: row.priority,
          calendarId: row.calendarId,
          actualStart: row.actualStart,
          actualFinish: row.actualStart !== null && row.actualFinish !== null && row.actualFinish < row.actualStart ? row.actualStart : row.actualFinish,
          levelingDelay: row.levelingDelay,
          deadline: row.deadline,
          baselines: row.baselines
            .filter(({ number: _number, ...values }) => Object.values(values).some((value) => value !== null))
            .sort((a, b) => a.number - b.number),
          physicalPercentComplete: row.physicalPercentComplete,
          start: row.start,
          finish: row.finish,
          type: row.type,
          isEffortDriven: row.isEffortDriven,
          schedulingMode: row.schedulingMode,
          ignoresResourceCalendars: row.ignoresResourceCalendars,
          work: row.work,
          manualStart: row.manual.start,
          // A typed finish never before the typed start (the reader drops such a finish, with a warning).
          manualFinish:
            row.manual.length === null
              ? null
              : row.manual.start === null
                ? dateFromWallMinutes(dateToWallMinutes(row.start) + row.manual.length)
                : dateFromWallMinutes(dateToWallMinutes(row.manual.start) + row.manual.length),
          manualDuration: row.manual.duration,
        }),
      )
    })
    // Outline parents, to leave out links from a summary to its own subtasks (a cycle, refused by MS Project too).
    const parents: number[] = []
    tasks.forEach((task, index) => {
      let up = index - 1
      while (up >= 0 && (tasks[up] as Task).level >= task.level) up--
      parents.push(up)
    })
    const isAncestor = (ancestor: number, index: number): boolean => {
      for (let up = parents[index] as number; up >= 0; up = parents[up] as number) if (up === ancestor) return true
      return false
    }
    const dependencies: Dependency[] = []
    const seen = new Set<string>()
    if (tasks.length >= 2) {
      for (const link of value.links) {
        // Always from an earlier row to a later one and never into its own subtasks, so the graph is acyclic.
        const first = link.a % tasks.length
        const second = link.b % tasks.length
        if (first === second || isAncestor(Math.min(first, second), Math.max(first, second))) continue
        const predecessorId = Math.min(first, second) + 1
        const successorId = Math.max(first, second) + 1
        if (seen.has(`${predecessorId}:${successorId}`)) continue
        seen.add(`${predecessorId}:${successorId}`)
        const isPercent = link.lagUnit === '%' || link.lagUnit === 'e%'
        dependencies.push({ id: dependencies.length + 1, predecessorId, successorId, type: link.type, lag: isPercent ? link.lag % 1000 : link.lag / 10, lagUnit: link.lagUnit })
      }
    }
    const resources: Resource[] = value.resources.map((resource, index) => makeResource(index + 1, resource.name, { ...resource, nonWorkingDays: [] }))
    const assignments: Assignment[] = []
    const pairs = new Set<string>()
    if (tasks.length > 0 && resources.length > 0) {
      for (const assignment of value.assignments) {
        const taskId = (assignment.task % tasks.length) + 1
        const resourceId = (assignment.resource % resources.length) + 1
        if (pairs.has(`${taskId}:${resourceId}`)) continue
        pairs.add(`${taskId}:${resourceId}`)
        const dates = assignment.dates
        assignments.push({
          ...makeAssignment(assignments.length + 1, taskId, resourceId, assignment.units, assignment.work),
          start: dates === null ? null : dates.start,
          finish: dates === null ? null : dateFromWallMinutes(dateToWallMinutes(dates.start) + dates.length),
        })
      }
    }
    // The model's rule: a task with assignments has their work; a summary without any has none of its own.
    const workOf = new Map<number, number>()
    for (const assignment of assignments) workOf.set(assignment.taskId, (workOf.get(assignment.taskId) ?? 0) + assignment.work)
    tasks.forEach((task, index) => {
      const next = tasks[index + 1]
      const isSummary = next !== undefined && next.level > task.level
      task.work = workOf.get(task.id) ?? (isSummary ? 0 : task.work)
    })
    return makePlan('round-trip', value.name, value.start, '2026-01-01T00:00:00', {
      statusDate: value.statusDate,
      settings: { ...planSettingsDefault(), ...value.settings },
      calendars: [value.baseCalendar, value.derivedCalendar],
      tasks,
      dependencies,
      resources,
      assignments,
    })
  })

/** What a plan looks like after a trip through XML: text without XML-illegal characters, names of at most 512. */
function expectedAfterTrip(plan: Plan): Plan {
  const clean = (text: string, limit = 100_000) => mspdiCleanText(text).slice(0, limit)
  return {
    ...plan,
    name: clean(plan.name).trim() === '' ? 'Imported project' : clean(plan.name, 512),
    calendars: plan.calendars.map((calendar) => ({
      ...calendar,
      name: clean(calendar.name),
      exceptions: calendar.exceptions.map((exception) => ({ ...exception, name: clean(exception.name) })),
      workWeeks: calendar.workWeeks.map((week) => ({ ...week, name: clean(week.name) })),
    })),
    tasks: plan.tasks.map((task) => ({ ...task, name: clean(task.name, 512), notes: clean(task.notes) })),
    // The file does not say when a baseline was set: every baseline number found on a task is listed, time unknown.
    tracking: {
      ...plan.tracking,
      baselines: [...new Set(plan.tasks.flatMap((task) => task.baselines.map((baseline) => baseline.number)))]
        .sort((a, b) => a - b)
        .map((number) => ({ number, setAt: null })),
    },
    resources: plan.resources.map((resource) => ({
      ...resource,
      name: clean(resource.name),
      role: clean(resource.role),
      initials: clean(resource.initials),
      email: clean(resource.email),
    })),
  }
}

describe('round trip of random plans (fast-check)', () => {
  it('read(write(plan)) gives the plan back, with names containing \\r, control characters and unicode', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const result = mspdiRead(mspdiWrite(plan), { planId: 'round-trip', now: '2026-01-01T00:00:00' })
        if (!result.ok) throw new Error(result.error.message)
        const expected = expectedAfterTrip(plan)
        expect({ ...result.plan, dependencies: [] }).toEqual({ ...expected, dependencies: [] })
        expect(linkSet(result.plan)).toEqual(linkSet(expected))
      }),
      { numRuns: 150, seed: 20_260_101 },
    )
  })

  it('a task name that is only "\\r" survives (RELIABILITY 18)', () => {
    const plan = makePlan('p', 'CR', '2026-01-05T08:00:00', '2026-01-01T00:00:00', {
      tasks: [makeTask(1, { name: '\r', start: '2026-01-05T08:00:00', finish: '2026-01-05T17:00:00' })],
      calendars: [calendarStandard()],
    })
    const xml = mspdiWrite(plan)
    expect(xml).toContain('<Name>&#13;</Name>')
    expect(read(xml).tasks[0]?.name).toBe('\r')
  })
})
