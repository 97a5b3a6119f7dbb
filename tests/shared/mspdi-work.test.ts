/**
 * Microsoft Project XML and issue 14's task model: work, task types, effort driven, manual scheduling, ignoring
 * resource calendars, assignment work and dates, and the computed resource PeakUnits / OverAllocated on export.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { calendarStandard, makeAssignment, makePlan, makeResource, makeTask } from '../../src/shared/domain/defaults'
import { dateFromWallMinutes } from '../../src/shared/domain/dates'
import { loadCompute } from '../../src/shared/domain/load'
import type { Plan } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'
import { mspdiRead, mspdiWrite } from '../../src/shared/formats/mspdi'
import { mspdiParseXml, type XmlNode } from '../../src/shared/formats/mspdi/xml'
import { mspdiSamplePath } from '../support/samples'

type TaskXml = { uid: number; name: string; extra?: string; level?: number }
type AssignmentXml = { uid: number; task: number; resource: number; extra: string }

/** A small MSPDI file: the Standard calendar, `tasks`, one resource (UID 1 "Ana") and `assignments`. */
function file(tasks: TaskXml[], assignments: AssignmentXml[] = [], header = ''): string {
  const weekDay = (type: number, working: boolean): string =>
    `<WeekDay><DayType>${type}</DayType><DayWorking>${working ? 1 : 0}</DayWorking>${
      working
        ? '<WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime><WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes>'
        : ''
    }</WeekDay>`
  return `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project">
<SaveVersion>14</SaveVersion><Name>Work</Name><StartDate>2026-01-05T08:00:00</StartDate><CalendarUID>1</CalendarUID>
<MinutesPerDay>480</MinutesPerDay><MinutesPerWeek>2400</MinutesPerWeek><DaysPerMonth>20</DaysPerMonth>${header}
<Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID><WeekDays>
${[1, 2, 3, 4, 5, 6, 7].map((day) => weekDay(day, day > 1 && day < 7)).join('')}
</WeekDays></Calendar></Calendars>
<Tasks>${tasks
    .map(
      (task) =>
        `<Task><UID>${task.uid}</UID><Name>${task.name}</Name><OutlineLevel>${task.level ?? 1}</OutlineLevel><Duration>PT16H0M0S</Duration>${task.extra ?? ''}</Task>`,
    )
    .join('\n')}</Tasks>
<Resources><Resource><UID>1</UID><Name>Ana</Name><MaxUnits>1</MaxUnits></Resource></Resources>
<Assignments>${assignments
    .map(
      (assignment) =>
        `<Assignment><UID>${assignment.uid}</UID><TaskUID>${assignment.task}</TaskUID><ResourceUID>${assignment.resource}</ResourceUID>${assignment.extra}</Assignment>`,
    )
    .join('\n')}</Assignments>
</Project>`
}

function read(text: string): { plan: Plan; warnings: string[] } {
  const result = mspdiRead(text, { planId: 'work', now: '2026-01-01T00:00:00' })
  if (!result.ok) throw new Error(result.error.message)
  return { plan: result.plan, warnings: result.warnings }
}

function nodes(value: unknown): XmlNode[] {
  return (Array.isArray(value) ? value : [value]) as XmlNode[]
}

function project(xml: string): XmlNode {
  const parsed = mspdiParseXml(xml)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.project
}

describe('mspdiRead: the task model', () => {
  it('reads Type, EffortDriven, IgnoreResourceCalendar and Work', () => {
    const { plan, warnings } = read(
      file([
        { uid: 1, name: 'Units', extra: '<Type>0</Type><Work>PT16H0M0S</Work>' },
        { uid: 2, name: 'Duration', extra: '<Type>1</Type><Work>PT4H30M0S</Work><EffortDriven>0</EffortDriven>' },
        { uid: 3, name: 'Work', extra: '<Type>2</Type><EffortDriven>1</EffortDriven><IgnoreResourceCalendar>1</IgnoreResourceCalendar>' },
      ]),
    )
    expect(warnings).toEqual([])
    expect(plan.tasks.map((task) => [task.type, task.isEffortDriven, task.ignoresResourceCalendars, task.work])).toEqual([
      ['fixed-units', false, false, 960],
      ['fixed-duration', false, false, 270],
      ['fixed-work', true, true, 0],
    ])
  })

  it('keeps a manual task manual at its typed start, finish and duration (blank ones stay blank)', () => {
    const { plan, warnings } = read(
      file(
        [
          {
            uid: 1,
            name: 'Typed',
            extra:
              '<Start>2026-01-07T08:00:00</Start><Finish>2026-01-08T17:00:00</Finish><Manual>1</Manual><ManualStart>2026-01-07T08:00:00</ManualStart><ManualFinish>2026-01-08T17:00:00</ManualFinish><ManualDuration>PT16H0M0S</ManualDuration>',
          },
          { uid: 2, name: 'Start only', extra: '<Manual>1</Manual><ManualStart>2026-01-09T08:00:00</ManualStart>' },
          { uid: 3, name: 'Auto', extra: '<Manual>0</Manual>' },
        ],
        [],
        '<NewTasksAreManual>1</NewTasksAreManual>',
      ),
    )
    expect(warnings).toEqual([])
    expect(plan.settings.newTaskSchedulingMode).toBe('manual')
    expect(plan.tasks.map((task) => [task.schedulingMode, task.manualStart, task.manualFinish, task.manualDuration])).toEqual([
      ['manual', '2026-01-07T08:00:00', '2026-01-08T17:00:00', 960],
      ['manual', '2026-01-09T08:00:00', null, null],
      ['auto', null, null, null],
    ])
    // The engine keeps the typed dates.
    const result = scheduleRun(plan)
    if (!result.ok) throw new Error('not scheduled')
    expect(dateFromWallMinutes(result.schedule.start[0] as number)).toBe('2026-01-07T08:00:00')
    expect(dateFromWallMinutes(result.schedule.finish[0] as number)).toBe('2026-01-08T17:00:00')
  })

  it('reads a task marked Manual without typed values at the dates the file gives', () => {
    const { plan } = read(
      file([{ uid: 1, name: 'Bare', extra: '<Start>2026-01-12T08:00:00</Start><Finish>2026-01-13T17:00:00</Finish><Manual>1</Manual>' }]),
    )
    expect(plan.tasks[0]).toMatchObject({
      schedulingMode: 'manual',
      manualStart: '2026-01-12T08:00:00',
      manualFinish: '2026-01-13T17:00:00',
      manualDuration: 960,
    })
  })

  it('reads the issue 14 fields of the Microsoft Project samples', () => {
    const resource = read(readFileSync(mspdiSamplePath('mspdiresource.xml'), 'utf8')).plan
    // Task A: three people at 100 %, 24 h each (Project's Work 72 h); effort driven, fixed units.
    expect(resource.tasks.map((task) => [task.name, task.type, task.isEffortDriven, task.work])).toEqual([
      ['Task A', 'fixed-units', true, 72 * 60],
      ['Contoured Task', 'fixed-units', true, 40 * 60],
      ['Completed Task', 'fixed-units', true, 16 * 60],
    ])
    expect(resource.assignments.map((assignment) => [assignment.taskId, assignment.resourceId, assignment.units, assignment.work, assignment.start, assignment.finish])).toEqual([
      [2, 1, 100, 1440, '2006-08-25T08:00:00', '2006-08-29T17:00:00'],
      [2, 2, 100, 1440, '2006-08-25T08:00:00', '2006-08-29T17:00:00'],
      [2, 3, 100, 1440, '2006-08-25T23:00:00', '2006-08-30T08:00:00'],
      [3, 1, 100, 2400, '2006-08-30T08:00:00', '2006-09-08T09:08:24'],
      [4, 1, 100, 960, '2006-08-26T08:00:00', '2006-08-29T17:00:00'],
    ])
    const calendars = read(readFileSync(mspdiSamplePath('officeimo-calendars.xml'), 'utf8')).plan
    // A summary's Work in the file is its tasks' sum: the schedule rolls it up, the summary keeps none of its own.
    expect(calendars.tasks.map((task) => [task.name, task.type, task.work])).toEqual([
      ['Delivery', 'fixed-duration', 0],
      ['Design', 'fixed-units', 0],
      ['Build', 'fixed-units', 2400],
      ['Release', 'fixed-units', 0],
    ])
  })
})

describe('mspdiRead: assignment work', () => {
  it('reads Units, Work, Start and Finish; the task gets the sum of its assignments', () => {
    const { plan, warnings } = read(
      file(
        [{ uid: 1, name: 'Build', extra: '<Work>PT99H0M0S</Work>' }],
        [{ uid: 5, task: 1, resource: 1, extra: '<Finish>2026-01-06T17:00:00</Finish><Start>2026-01-05T08:00:00</Start><Units>0.5</Units><Work>PT8H0M0S</Work>' }],
      ),
    )
    expect(warnings).toEqual([])
    expect(plan.assignments).toEqual([
      { id: 5, taskId: 1, resourceId: 1, units: 50, work: 480, actualWork: 0, start: '2026-01-05T08:00:00', finish: '2026-01-06T17:00:00' },
    ])
    expect(plan.tasks[0]?.work).toBe(480)
  })

  it("gives an assignment without Work units x its task's duration (the .gantry migration's rule); a Work of 0 stays 0", () => {
    const { plan, warnings } = read(
      file(
        [
          { uid: 1, name: 'No work', extra: '<Work>PT0H0M0S</Work>' },
          { uid: 2, name: 'Zero work' },
        ],
        [
          { uid: 1, task: 1, resource: 1, extra: '<Units>0.75</Units>' },
          { uid: 2, task: 2, resource: 1, extra: '<Units>1</Units><Work>PT0H0M0S</Work>' },
        ],
      ),
    )
    expect(warnings).toEqual([])
    // 16 h x 75 % = 12 h.
    expect(plan.assignments.map((assignment) => assignment.work)).toEqual([720, 0])
    expect(plan.tasks.map((task) => task.work)).toEqual([720, 0])
  })

  it('warns about negative or absurd work and units and a finish before the start, and falls back', () => {
    const { plan, warnings } = read(
      file(
        [
          {
            uid: 1,
            name: 'Bad',
            extra:
              '<Type>7</Type><Work>PT-8H0M0S</Work><Manual>1</Manual><ManualStart>2026-01-09T08:00:00</ManualStart><ManualFinish>2026-01-06T17:00:00</ManualFinish><ManualDuration>soon</ManualDuration>',
          },
          { uid: 2, name: 'Huge', extra: '<Type>fixed</Type><Work>PT999999999999H0M0S</Work>' },
        ],
        [{ uid: 1, task: 1, resource: 1, extra: '<Finish>2026-01-05T08:00:00</Finish><Start>2026-01-06T08:00:00</Start><Units>50</Units><Work>PT-1H0M0S</Work>' }],
      ),
    )
    expect(warnings).toEqual([
      'Task "Bad" (UID 1): Type 7 is not a Microsoft Project task type (0-2); fixed units was used.',
      'Task "Bad" (UID 1): Work cannot be negative (-8 h); it was not used.',
      'Task "Bad" (UID 1): ManualDuration "soon" is not a usable duration; it was left blank.',
      'Task "Bad" (UID 1): ManualFinish (2026-01-06T17:00:00) is before ManualStart (2026-01-09T08:00:00); the typed finish was left blank.',
      'Task "Huge" (UID 2): Type fixed is not a Microsoft Project task type (0-2); fixed units was used.',
      'Task "Huge" (UID 2): Work of 999999999999 h is not plausible (more than 166666666.67 h); it was not used.',
      'The assignment of resource 1 to task 1 has Units 50; 100 % was used.',
      'The assignment of resource 1 to task 1: Work cannot be negative (-1 h); it was not used.',
      'The assignment of resource 1 to task 1 finishes (2026-01-05T08:00:00) before it starts (2026-01-06T08:00:00); the schedule will recompute both.',
    ])
    expect(plan.tasks[0]).toMatchObject({ type: 'fixed-units', manualStart: '2026-01-09T08:00:00', manualFinish: null, manualDuration: null })
    // The assignment falls back to 100 % x 16 h; the task's work follows.
    expect(plan.assignments[0]).toMatchObject({ units: 100, work: 960, start: null, finish: null })
    expect(plan.tasks.map((task) => task.work)).toEqual([960, 0])
  })
})

describe('mspdiWrite: the task model and the computed resource fields', () => {
  /** Ana on Build (100 %, 2 days) and on Test (50 %, the same days): over-allocated at 150 %. */
  function overbooked(): Plan {
    return makePlan('p', 'Overbooked', '2026-01-05T08:00:00', '2026-01-01T00:00:00', {
      calendars: [calendarStandard(1, 'Standard')],
      tasks: [
        makeTask(1, { name: 'Build', duration: 960, work: 960, type: 'fixed-work', isEffortDriven: true }),
        makeTask(2, { name: 'Test', duration: 960, work: 480, ignoresResourceCalendars: true }),
        makeTask(3, {
          name: 'Manual',
          duration: 480,
          work: 480,
          schedulingMode: 'manual',
          manualStart: '2026-01-12T08:00:00',
          manualFinish: null,
          manualDuration: 480,
        }),
      ],
      resources: [
        makeResource(1, 'Ana', { nonWorkingDays: [], calendarId: null }),
        makeResource(2, 'Ben', { nonWorkingDays: [], calendarId: null }),
      ],
      assignments: [makeAssignment(1, 1, 1, 100, 960), makeAssignment(2, 2, 1, 50, 480), makeAssignment(3, 3, 2, 100, 480)],
    })
  }

  it("writes each task's type, effort driven, manual values, ignore-resource-calendars flag and the engine's work", () => {
    const plan = overbooked()
    const result = scheduleRun(plan)
    if (!result.ok) throw new Error('not scheduled')
    const tasks = nodes((project(mspdiWrite(plan, result.schedule)).Tasks as XmlNode).Task).slice(1)
    expect(tasks.map((task) => [task.Type, task.EffortDriven, task.Manual, task.ManualStart, task.ManualFinish, task.ManualDuration, task.IgnoreResourceCalendar, task.Work])).toEqual([
      ['2', '1', '0', undefined, undefined, undefined, '0', 'PT16H0M0S'],
      ['0', '0', '0', undefined, undefined, undefined, '1', 'PT8H0M0S'],
      ['0', '0', '1', '2026-01-12T08:00:00', undefined, 'PT8H0M0S', '0', 'PT8H0M0S'],
    ])
    expect(tasks[2]?.Start).toBe('2026-01-12T08:00:00')
  })

  it("writes the engine's assignment work and dates, and each resource's PeakUnits and OverAllocated as the load computes them", () => {
    const plan = overbooked()
    const result = scheduleRun(plan)
    if (!result.ok) throw new Error('not scheduled')
    const xml = mspdiWrite(plan, result.schedule)
    const assignments = nodes((project(xml).Assignments as XmlNode).Assignment)
    expect(assignments.map((assignment) => [assignment.Units, assignment.Work, assignment.Start, assignment.Finish])).toEqual([
      ['1', 'PT16H0M0S', '2026-01-05T08:00:00', '2026-01-06T17:00:00'],
      ['0.5', 'PT8H0M0S', '2026-01-05T08:00:00', '2026-01-06T17:00:00'],
      ['1', 'PT8H0M0S', '2026-01-12T08:00:00', '2026-01-12T17:00:00'],
    ])
    const load = loadCompute(plan, result.schedule)
    expect(load.byResource.get(1)?.peakUnitsMax).toBe(150)
    const resources = nodes((project(xml).Resources as XmlNode).Resource)
    expect(resources.map((resource) => [resource.Name, resource.PeakUnits, resource.OverAllocated, resource.Work])).toEqual([
      ['Ana', '1.5', '1', 'PT24H0M0S'],
      ['Ben', '1', '0', 'PT8H0M0S'],
    ])
  })

  it('reads back what it writes: the task model, the work and the assignment dates', () => {
    const plan = overbooked()
    const result = scheduleRun(plan)
    if (!result.ok) throw new Error('not scheduled')
    const back = read(mspdiWrite(plan, result.schedule))
    expect(back.warnings).toEqual([])
    const fields = (source: Plan) =>
      source.tasks.map((task) => [task.type, task.isEffortDriven, task.schedulingMode, task.manualStart, task.manualFinish, task.manualDuration, task.ignoresResourceCalendars, task.work])
    expect(fields(back.plan)).toEqual(fields(plan))
    expect(back.plan.assignments.map((assignment) => [assignment.units, assignment.work])).toEqual(plan.assignments.map((assignment) => [assignment.units, assignment.work]))
    expect(back.plan.assignments.map((assignment) => [assignment.start, assignment.finish])).toEqual(
      plan.assignments.map((_, position) => [
        dateFromWallMinutes(result.schedule.assignmentStart[position] as number),
        dateFromWallMinutes(result.schedule.assignmentFinish[position] as number),
      ]),
    )
  })
})

describe('MSPDI round trip of resource calendars', () => {
  it("keeps a resource's own calendar (Fridays off, a work week, an exception) and vacation, so the work stretches the same way after export and import", () => {
    const standard = calendarStandard(1, 'Standard')
    const plan = makePlan('p', 'Calendars', '2026-01-05T08:00:00', '2026-01-01T00:00:00', {
      calendars: [
        standard,
        {
          id: 2,
          name: 'Ana',
          baseCalendarId: 1,
          weekDays: [null, null, null, null, null, { periods: [] }, null],
          exceptions: [{ name: 'Training', from: '2026-01-07', to: '2026-01-07', periods: [] }],
          workWeeks: [{ name: 'Short days', from: '2026-01-19', to: '2026-01-23', weekDays: [null, { periods: [{ start: 480, end: 720 }] }, null, null, null, null, null] }],
        },
      ],
      tasks: [makeTask(1, { name: 'Build', duration: 4800, work: 4800 })],
      resources: [makeResource(1, 'Ana', { nonWorkingDays: [{ from: '2026-01-12', to: '2026-01-13' }], calendarId: 2 })],
      assignments: [makeAssignment(1, 1, 1, 100, 4800)],
    })
    const first = scheduleRun(plan)
    if (!first.ok) throw new Error('not scheduled')
    const back = read(mspdiWrite(plan, first.schedule))
    expect(back.warnings).toEqual([])
    const second = scheduleRun(back.plan)
    if (!second.ok) throw new Error('not scheduled')
    const dates = (schedule: typeof first.schedule) =>
      [schedule.start[0], schedule.finish[0], schedule.assignmentStart[0], schedule.assignmentFinish[0]].map((value) => dateFromWallMinutes(value as number))
    // 10 days of work: 3 days the first week (training on Wednesday, Friday off), 2 the second (vacation Monday and
    // Tuesday), 3.5 the third (a 4-hour Monday), 1 on Monday 26, and the last half day on Tuesday 27.
    expect(dates(first.schedule)).toEqual(['2026-01-05T08:00:00', '2026-01-27T12:00:00', '2026-01-05T08:00:00', '2026-01-27T12:00:00'])
    expect(dates(second.schedule)).toEqual(dates(first.schedule))
    expect(second.schedule.stretches.map((stretch) => [stretch.name, stretch.from, stretch.to])).toEqual(
      first.schedule.stretches.map((stretch) => [stretch.name, stretch.from, stretch.to]),
    )
  })
})
