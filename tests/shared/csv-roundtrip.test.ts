/**
 * Issue 13 item 2 (writer side): the CSV export writes only what the CSV import reads back, and the import reads a
 * file whose first line is blank. A plan the import could not read back is refused at export, with a message.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import type { Dependency, DurationUnit, LagUnit, Plan, Resource } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'
import { csvExportPlan, csvImportPlan } from '../../src/shared/formats/csv'
import { planRestore } from '../../src/shared/formats/plan-file'
import { generatePlan } from '../support/generate-plan'

const options = { planId: 'back', now: '2026-03-01T09:00:00' }

function exportText(plan: Plan): string {
  const schedule = scheduleRun(plan)
  if (!schedule.ok) throw new Error(schedule.problems[0]?.message)
  const result = csvExportPlan(plan, schedule.schedule)
  if (!result.ok) throw new Error(result.error)
  return result.text
}

function roundTrip(plan: Plan): Plan {
  const result = csvImportPlan(exportText(plan), options)
  if (!result.ok) throw new Error(result.error)
  return result.plan
}

function resource(id: number, name: string): Resource {
  return { id, name, role: '', initials: '', email: '', maxUnits: 100, hourlyRate: 0, nonWorkingDays: [], calendarId: null }
}

const link = (id: number, predecessorId: number, successorId: number, lag = 0, lagUnit: LagUnit = 'd'): Dependency => ({
  id,
  predecessorId,
  successorId,
  type: 'FS',
  lag,
  lagUnit,
})

const base = (overrides: Partial<Plan>) => makePlan('p', 'Plan', '2026-03-02T08:00:00', '2026-03-01T00:00:00', overrides)

describe('a CSV whose first line is blank', () => {
  it.each([
    ['\r\nName,Duration\r\nA,2d\r\n'],
    ['\uFEFF\r\n\r\n;;\r\nName;Duration\r\nA;2d\r\n'],
    ['  \n\nName\tDuration\nA\t2d\n'],
  ])('is read, with the header on the first line that holds something (%j)', (text) => {
    const result = csvImportPlan(text, options)
    if (!result.ok) throw new Error(result.error)
    expect(result.plan.tasks.map((task) => [task.name, task.duration])).toEqual([['A', 960]])
  })

  it('counts the blank lines in the line numbers of its messages', () => {
    expect(csvImportPlan('\r\n\r\nName,Duration\r\nA,soon\r\n', options)).toEqual({
      ok: false,
      error: 'Line 4: "soon" is not a duration; write e.g. 3d, 2.5w, 4h, 30m, 1mo or 1ed.',
    })
  })
})

describe('the CSV export writes only what the CSV import reads back', () => {
  it('a duration and a lag over 100 years (the editors\' limit; the file format allows more) come back exactly', () => {
    // Elapsed days, so the 114 and 105 years run on the wall clock, inside what the calendars reach.
    const minutes = 41_667 * 1440
    const lag = 38_195 * 1440
    const plan = base({
      tasks: [makeTask(1, { name: 'Long', duration: minutes, durationUnit: 'ed' }), makeTask(2, { name: 'After', duration: 480 })],
      dependencies: [link(1, 1, 2, lag, 'ed')],
    })
    const back = roundTrip(plan)
    expect(back.tasks.map((task) => task.duration)).toEqual([minutes, 480])
    expect(back.dependencies.map((item) => [item.lag, item.lagUnit])).toEqual([[lag, 'ed']])
  })

  it('a duration its unit cannot say exactly is written in minutes, so a one-minute task is not read back as a milestone', () => {
    const plan = base({ tasks: [makeTask(1, { name: 'Blink', duration: 1, durationUnit: 'd' }), makeTask(2, { name: 'Odd', duration: 1234, durationUnit: 'w' })] })
    expect(exportText(plan)).toMatch(/"1m"/)
    const back = roundTrip(plan)
    expect(back.tasks.map((task) => [task.duration, task.isMilestone])).toEqual([
      [1, false],
      [1234, false],
    ])
  })

  it('keeps a milestone flag the duration alone would not tell', () => {
    const plan = base({ tasks: [makeTask(1, { name: 'Zero but a task', duration: 0, isMilestone: false }), makeTask(2, { name: 'Gate', duration: 480, isMilestone: true })] })
    expect(roundTrip(plan).tasks.map((task) => task.isMilestone)).toEqual([false, true])
  })

  it('refuses two links between the same two tasks, naming them, instead of writing a file its import refuses', () => {
    const plan = base({ tasks: [makeTask(1, { name: 'A' }), makeTask(2, { name: 'B' })], dependencies: [link(1, 1, 2), { ...link(2, 1, 2), type: 'SS' }] })
    const schedule = scheduleRun(plan)
    if (!schedule.ok) throw new Error('not scheduled')
    expect(csvExportPlan(plan, schedule.schedule)).toEqual({
      ok: false,
      error: 'Task "B" is linked twice to the same predecessor "A"; the Predecessors column of a CSV file lists each predecessor once. Remove one of the two links, then export again.',
    })
  })

  it.each([
    ['Smith, Jo', /has a comma or a square bracket/],
    ['Team [A]', /has a comma or a square bracket/],
    ['   ', /blank name/],
  ])('refuses an assigned resource named %j, which the Resources column cannot hold', (name, message) => {
    const plan = base({ tasks: [makeTask(1)], resources: [resource(1, name)], assignments: [{ id: 1, taskId: 1, resourceId: 1, units: 100, work: 480, start: null, finish: null }] })
    const schedule = scheduleRun(plan)
    if (!schedule.ok) throw new Error('not scheduled')
    const result = csvExportPlan(plan, schedule.schedule)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toMatch(message)
  })

  it('refuses two assigned resources with the same name (case and spaces aside)', () => {
    const plan = base({
      tasks: [makeTask(1), makeTask(2)],
      resources: [resource(1, 'Ana'), resource(2, ' ana ')],
      assignments: [
        { id: 1, taskId: 1, resourceId: 1, units: 100, work: 480, start: null, finish: null },
        { id: 2, taskId: 2, resourceId: 2, units: 100, work: 480, start: null, finish: null },
      ],
    })
    const schedule = scheduleRun(plan)
    if (!schedule.ok) throw new Error('not scheduled')
    expect(csvExportPlan(plan, schedule.schedule)).toEqual({ ok: false, error: expect.stringMatching(/^Two assigned resources are named "Ana"/) })
  })

  it('for any plan it writes, the import reads the same tasks, durations, links, lags and assignments back', () => {
    const units: DurationUnit[] = ['m', 'h', 'd', 'w', 'mo', 'em', 'eh', 'ed', 'ew', 'emo']
    const lagUnits: LagUnit[] = [...units, '%', 'e%']
    const names = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '=', '+', '-', '@', ';', ',', '"', "'", '\t', '\n', 'é', '😀'), minLength: 1, maxLength: 12 })
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.array(fc.record({ name: names, minutes: fc.integer({ min: 0, max: 8_000_000 }), unit: fc.constantFrom(...units) }), { minLength: 2, maxLength: 8 }),
        fc.array(fc.record({ lag: fc.double({ min: -20_000, max: 5_000_000, noNaN: true }), unit: fc.constantFrom(...lagUnits) }), { maxLength: 4 }),
        fc.array(fc.double({ min: 0.5, max: 1000, noNaN: true }), { maxLength: 3 }),
        (seed, rows, lags, assignedUnits) => {
          const plan = generatePlan({ tasks: 0, seed })
          plan.tasks = rows.map((row, index) => makeTask(index + 1, { name: row.name, duration: row.minutes, durationUnit: row.unit, isMilestone: row.minutes === 0 }))
          plan.dependencies = lags.map((item, index) => ({ ...link(index + 1, index + 1, index + 2), lag: item.lag, lagUnit: item.unit }))
          plan.resources = assignedUnits.map((_, index) => resource(index + 1, `Person ${index + 1}`))
          plan.assignments = assignedUnits.map((value, index) => ({ id: index + 1, taskId: index + 1, resourceId: index + 1, units: value, work: Math.round(((rows[index]?.minutes ?? 0) * value) / 100), start: null, finish: null }))
          if (!planRestore(plan).ok) return
          const schedule = scheduleRun(plan)
          if (!schedule.ok) return
          const written = csvExportPlan(plan, schedule.schedule)
          // The only refusal these plans can meet: work the calendars cannot place, which no file could hold either.
          if (!written.ok) {
            expect(written.error).toMatch(/^The plan cannot be exported: Task \d+ .*(more than 100,000 days|after 9999-12-31|before 0001-01-01)/)
            return
          }
          const back = csvImportPlan(written.text, options)
          if (!back.ok) throw new Error(`the import refused the export: ${back.error}\n${written.text}`)
          expect(back.plan.tasks.map((task) => [task.name, task.duration, task.isMilestone])).toEqual(
            plan.tasks.map((task) => [task.name.trim(), Math.round(task.duration), task.isMilestone]),
          )
          expect(back.plan.dependencies.map((item) => [item.predecessorId, item.successorId, item.type])).toEqual(
            plan.dependencies.map((item) => [item.predecessorId, item.successorId, item.type]),
          )
          back.plan.dependencies.forEach((item, index) => {
            const original = plan.dependencies[index] as Dependency
            const isPercent = original.lagUnit === '%' || original.lagUnit === 'e%'
            expect(item.lag).toBeCloseTo(isPercent ? original.lag : Math.round(Math.abs(original.lag)) * Math.sign(original.lag), 6)
          })
          expect(back.plan.assignments.map((item) => item.units)).toEqual(plan.assignments.map((item) => item.units))
        },
      ),
      { numRuns: Number(process.env.CSV_RUNS ?? 200) },
    )
  })
})
