/**
 * The work, units and task-type commands (issue 14): each applies Microsoft Project's rule for the task's type
 * through the one run path, and refuses bad input with a message, changing nothing.
 *
 * October 2026:      Mo Tu We Th Fr Sa Su
 *                     5  6  7  8  9 10 11
 *                    12 13 14 15 16 17 18
 * Standard calendar: 08:00-12:00, 13:00-17:00 on weekdays.
 *   1 Build   5d, Ana at 100 % (40 h)
 *   2 Test    2d, nobody
 */
import { describe, expect, it } from 'vitest'
import type { CommandId, CommandInput } from '../../src/shared/commands/registry'
import { commandRun } from '../../src/shared/commands/run'
import { taskTypeParse, workFormat, workParse } from '../../src/shared/commands/work'
import { makeAssignment } from '../../src/shared/domain/defaults'
import type { Plan, Task, TaskType } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'
import { task, testPlan } from '../support/generate-plan'
import { makeResource } from '../support/resource-plans'

function plan(type: TaskType = 'fixed-units', overrides: Partial<Task> = {}): Plan {
  return testPlan([task(1, 5, { name: 'Build', type, work: 2400, isEffortDriven: type === 'fixed-work', ...overrides }), task(2, 2, { name: 'Test' })], [], {
    resources: [makeResource(1, 'Ana'), makeResource(2, 'Ben')],
    assignments: [makeAssignment(1, 1, 1, 100, 2400)],
  })
}

const context = { selection: [], schedule: null, clipboard: null }

function attempt<Id extends CommandId>(current: Plan, id: Id, input: CommandInput<Id>) {
  return commandRun(current, id, input, context)
}

function run<Id extends CommandId>(current: Plan, id: Id, input: CommandInput<Id>): Plan {
  const result = attempt(current, id, input)
  if (!result.ok) throw new Error(result.message)
  return result.plan
}

const build = (current: Plan): Task => current.tasks[0] as Task
const ana = (current: Plan) => current.assignments[0]
/** Build's finish as the engine schedules it. */
function finishOf(current: Plan, id = 1): string {
  const result = scheduleRun(current)
  if (!result.ok) throw new Error('not scheduled')
  const index = result.schedule.indexOf.get(id) as number
  return new Date((result.schedule.finish[index] as number) * 60000).toISOString().slice(0, 16)
}

describe('typed work', () => {
  it('reads hours by default, and minutes, days, weeks and months of working time', () => {
    const settings = plan().settings
    expect(workParse('16', settings)).toEqual({ ok: true, minutes: 960 })
    expect(workParse(' 16 hrs ', settings)).toEqual({ ok: true, minutes: 960 })
    expect(workParse('2.5h', settings)).toEqual({ ok: true, minutes: 150 })
    expect(workParse('1,5d', settings)).toEqual({ ok: true, minutes: 720 })
    expect(workParse('1w', settings)).toEqual({ ok: true, minutes: settings.minutesPerWeek })
    expect(workParse('90m', settings)).toEqual({ ok: true, minutes: 90 })
    expect(workParse('0', settings)).toEqual({ ok: true, minutes: 0 })
    expect(workFormat(960)).toBe('16h')
    expect(workFormat(150)).toBe('2.5h')
  })

  it('refuses negative, absurd, elapsed and unreadable work with a sentence', () => {
    const settings = plan().settings
    expect(workParse('-8h', settings)).toEqual({ ok: false, message: 'Work cannot be negative (-8 h).' })
    expect(workParse('1e12h', settings)).toMatchObject({ ok: false, message: expect.stringMatching(/^Work of .* h is not plausible/) })
    expect(workParse('2ed', settings)).toMatchObject({ ok: false, message: expect.stringContaining('working time, not elapsed time') })
    expect(workParse('lots', settings)).toMatchObject({ ok: false, message: expect.stringContaining('"lots" is not an amount of work') })
    expect(workParse('3 parsecs', settings)).toMatchObject({ ok: false, message: expect.stringContaining('"parsecs" is not a unit of work') })
  })
})

describe('task/set-work', () => {
  it('at fixed units, more work makes the task longer (Ana keeps her 100 %)', () => {
    const next = run(plan(), 'task/set-work', { taskId: 1, text: '80h' })
    expect(build(next)).toMatchObject({ work: 4800, duration: 4800 })
    expect(ana(next)).toMatchObject({ units: 100, work: 4800 })
    expect(finishOf(next)).toBe('2026-10-16T17:00')
  })

  it('at fixed duration, more work raises the units and the dates stay', () => {
    const next = run(plan('fixed-duration'), 'task/set-work', { taskId: 1, text: '80h' })
    expect(build(next)).toMatchObject({ work: 4800, duration: 2400 })
    expect(ana(next)).toMatchObject({ units: 200, work: 4800 })
  })

  it('on a task without people keeps the work typed', () => {
    expect(run(plan(), 'task/set-work', { taskId: 2, text: '12h' }).tasks[1]).toMatchObject({ work: 720, duration: 960 })
  })

  it('refuses negative or absurd work, and nothing changes', () => {
    const before = plan()
    expect(attempt(before, 'task/set-work', { taskId: 1, text: '-8h' })).toEqual({ ok: false, message: 'Work cannot be negative (-8 h). Nothing was changed.' })
    expect(attempt(before, 'task/set-work', { taskId: 1, text: '99999999999h' })).toMatchObject({ ok: false, message: expect.stringMatching(/not plausible.*Nothing was changed\.$/) })
    expect(before).toEqual(plan())
  })
})

describe('task/set-type and the rule of each type', () => {
  it('reads the type names as typed in the Type column', () => {
    expect(taskTypeParse('Fixed Work')).toBe('fixed-work')
    expect(taskTypeParse('fixed-duration')).toBe('fixed-duration')
    expect(taskTypeParse('units')).toBe('fixed-units')
    expect(taskTypeParse('FW')).toBe('fixed-work')
    expect(taskTypeParse('fixed w')).toBe('fixed-work')
    expect(taskTypeParse('fixed')).toBeNull()
    expect(taskTypeParse('flexible')).toBeNull()
  })

  it('changes the type only; fixed work is always effort driven', () => {
    const next = run(plan(), 'task/set-type', { taskId: 1, text: 'Fixed Work' })
    expect(build(next)).toMatchObject({ type: 'fixed-work', isEffortDriven: true, duration: 2400, work: 2400 })
    expect(attempt(plan(), 'task/set-type', { taskId: 1, text: 'elastic' })).toEqual({
      ok: false,
      message: '"elastic" is not a task type; choose Fixed Units, Fixed Duration or Fixed Work. Nothing was changed.',
    })
  })

  it('Fixed Work: doubling the units halves the duration; the work stays', () => {
    const fixedWork = run(plan(), 'task/set-type', { taskId: 1, text: 'Fixed Work' })
    const next = run(fixedWork, 'assignment/set-units', { assignmentId: 1, text: '200%' })
    expect(build(next)).toMatchObject({ duration: 1200, work: 2400 })
    expect(finishOf(next)).toBe('2026-10-07T12:00')
  })

  it('Fixed Work: a longer duration lowers the units; Fixed Units: it adds work', () => {
    const fixedWork = run(plan('fixed-work'), 'task/set-duration', { taskId: 1, text: '10d' })
    expect(ana(fixedWork)).toMatchObject({ units: 50, work: 2400 })
    const fixedUnits = run(plan(), 'task/set-duration', { taskId: 1, text: '10d' })
    expect(ana(fixedUnits)).toMatchObject({ units: 100, work: 4800 })
    expect(build(fixedUnits).work).toBe(4800)
  })

  it('Fixed Duration: halving the units halves the work and keeps the dates', () => {
    const next = run(plan('fixed-duration'), 'assignment/set-units', { assignmentId: 1, text: '50' })
    expect(ana(next)).toMatchObject({ units: 50, work: 1200 })
    expect(build(next)).toMatchObject({ duration: 2400, work: 1200 })
  })
})

describe('task/set-effort-driven', () => {
  it('on an effort-driven task, a second person shares the work and the task gets shorter', () => {
    const driven = run(plan(), 'task/set-effort-driven', { taskId: 1, isEffortDriven: true })
    const next = run(driven, 'task/set-resources', { taskId: 1, text: 'Ana, Ben' })
    expect(build(next)).toMatchObject({ duration: 1200, work: 2400 })
    // Without the flag Ben brings his own 40 h and the dates stay.
    const notDriven = run(plan(), 'task/set-resources', { taskId: 1, text: 'Ana, Ben' })
    expect(build(notDriven)).toMatchObject({ duration: 2400, work: 4800 })
  })

  it('refuses to clear it on a fixed-work task', () => {
    expect(attempt(plan('fixed-work'), 'task/set-effort-driven', { taskId: 1, isEffortDriven: false })).toEqual({
      ok: false,
      message: '"Build" has fixed work, which is always effort driven; change its type first. Nothing was changed.',
    })
  })
})

describe('task/set-ignores-resource-calendars', () => {
  it('sets the flag, and the task runs through its resource’s vacation on the task calendar', () => {
    const vacation = { ...plan(), resources: [makeResource(1, 'Ana', { nonWorkingDays: [{ from: '2026-10-07', to: '2026-10-08' }] })] }
    expect(finishOf(vacation)).toBe('2026-10-13T17:00')
    const ignoring = run(vacation, 'task/set-ignores-resource-calendars', { taskId: 1, ignoresResourceCalendars: true })
    expect(build(ignoring).ignoresResourceCalendars).toBe(true)
    expect(finishOf(ignoring)).toBe('2026-10-09T17:00')
    expect(run(ignoring, 'task/set-ignores-resource-calendars', { taskId: 1, ignoresResourceCalendars: true })).toBe(ignoring)
  })
})

describe('assignment/set-units and assignment/set-work', () => {
  it('refuses units of 0, below 0, over 1000 % or not a number, naming the person', () => {
    expect(attempt(plan(), 'assignment/set-units', { assignmentId: 1, text: '0%' })).toEqual({
      ok: false,
      message: 'Units for Ana must be more than 0 % (remove the resource to unassign it). Nothing was changed.',
    })
    expect(attempt(plan(), 'assignment/set-units', { assignmentId: 1, text: '-50%' })).toMatchObject({ ok: false })
    expect(attempt(plan(), 'assignment/set-units', { assignmentId: 1, text: '5000%' })).toMatchObject({ ok: false, message: expect.stringContaining('at most 1000 %') })
    expect(attempt(plan(), 'assignment/set-units', { assignmentId: 1, text: 'half' })).toMatchObject({ ok: false, message: expect.stringContaining('"half" is not a number') })
    expect(attempt(plan(), 'assignment/set-units', { assignmentId: 99, text: '50%' })).toMatchObject({ ok: false, message: 'This assignment no longer exists. Nothing was changed.' })
  })

  it("at fixed units, Ana's work sets the duration; negative or absurd work is refused", () => {
    const next = run(plan(), 'assignment/set-work', { assignmentId: 1, text: '16h' })
    expect(ana(next)).toMatchObject({ units: 100, work: 960 })
    expect(build(next)).toMatchObject({ duration: 960, work: 960 })
    expect(attempt(plan(), 'assignment/set-work', { assignmentId: 1, text: '-16h' })).toEqual({
      ok: false,
      message: 'The work of Ana cannot be negative (-16 h). Nothing was changed.',
    })
    expect(attempt(plan(), 'assignment/set-work', { assignmentId: 1, text: '1e11h' })).toMatchObject({ ok: false, message: expect.stringContaining('not plausible') })
  })

  it('at fixed duration, work that would need more than 1000 % of Ana is refused with the figure', () => {
    const result = attempt(plan('fixed-duration'), 'assignment/set-work', { assignmentId: 1, text: '1000h' })
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/would need 2500 % of Ana, more than 1000 %\. Nothing was changed\.$/) })
  })

  it('assignment/set (the details form) says why a rule refuses instead of doing nothing', () => {
    // 333,333 h of fixed work: at 1 % it would last longer than a task may.
    const huge = { ...plan('fixed-work', { duration: 2e7, work: 2e7 }), assignments: [makeAssignment(1, 1, 1, 100, 2e7)] }
    const refused = attempt(huge, 'assignment/set', { taskId: 1, resourceId: 1, units: '1%' })
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/^"Build" would last .* hours, more than a task may .* Nothing was changed\.$/) })
  })
})
