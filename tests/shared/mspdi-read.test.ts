import { makeResource } from '../../src/shared/domain/defaults'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mspdiRead, mspdiWrite } from '../../src/shared/formats/mspdi'
import { mspdiExpandRecurrence } from '../../src/shared/formats/mspdi/recurrence'
import type { Plan } from '../../src/shared/domain/model'
import { mspdiSamplesDir } from '../support/samples'


function sample(name: string): string {
  return readFileSync(join(mspdiSamplesDir, name), 'utf8')
}

function readSample(name: string): Plan {
  const result = mspdiRead(sample(name), { planId: 'test', now: '2026-01-01T00:00:00' })
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
  return result.plan
}

// Counted independently of the reader (Python ElementTree over the files): real tasks (UID != 0, IsNull != 1),
// PredecessorLink elements, resources with UID > 0, assignments with ResourceUID > 0, Calendar elements.
const expectedCounts: Record<string, { tasks: number; links: number; resources: number; assignments: number; calendars: number; milestones: number }> = {
  'calendar-recurring-exceptions-project2016-mspdi.xml': { tasks: 0, links: 0, resources: 0, assignments: 0, calendars: 1, milestones: 0 },
  'issue2000.xml': { tasks: 1, links: 0, resources: 1, assignments: 0, calendars: 2, milestones: 0 },
  'mspdiduration.xml': { tasks: 10, links: 0, resources: 0, assignments: 0, calendars: 1, milestones: 0 },
  'mspdiresource.xml': { tasks: 3, links: 1, resources: 4, assignments: 5, calendars: 6, milestones: 0 },
  'officeimo-calendars.xml': { tasks: 4, links: 2, resources: 1, assignments: 1, calendars: 4, milestones: 1 },
  'officeimo-constraints.xml': { tasks: 12, links: 2, resources: 1, assignments: 1, calendars: 3, milestones: 1 },
  'officeimo-relationships.xml': { tasks: 10, links: 8, resources: 1, assignments: 1, calendars: 3, milestones: 1 },
  'officeimo-working-weeks.xml': { tasks: 4, links: 2, resources: 1, assignments: 1, calendars: 4, milestones: 1 },
  'sample1.xml': { tasks: 22, links: 6, resources: 2, assignments: 4, calendars: 4, milestones: 1 },
  'task-baselines-project2007-mspdi.xml': { tasks: 55, links: 0, resources: 0, assignments: 0, calendars: 1, milestones: 0 },
  'task-links-project2007-mspdi.xml': { tasks: 16, links: 8, resources: 0, assignments: 0, calendars: 1, milestones: 0 },
  'task-links-project2010-mspdi.xml': { tasks: 16, links: 8, resources: 0, assignments: 0, calendars: 1, milestones: 0 },
}

describe('mspdiRead on every shared sample', () => {
  it('has an expectation for every sample file', () => {
    const files = readdirSync(mspdiSamplesDir).filter((file) => file.endsWith('.xml')).sort()
    expect(files).toEqual(Object.keys(expectedCounts).sort())
  })

  for (const [file, counts] of Object.entries(expectedCounts)) {
    it(`reads ${file}: tasks, links, resources, assignments, calendars, milestones`, () => {
      const plan = readSample(file)
      expect({
        tasks: plan.tasks.length,
        links: plan.dependencies.length,
        resources: plan.resources.length,
        assignments: plan.assignments.length,
        calendars: plan.calendars.length,
        milestones: plan.tasks.filter((task) => task.isMilestone).length,
      }).toEqual(counts)
      // Every task carries the Start/Finish Microsoft Project wrote.
      for (const task of plan.tasks) {
        expect(task.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/)
        expect(task.finish).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/)
      }
    })
  }
})

describe('mspdiRead fields', () => {
  it('maps every DurationFormat to its unit and the PT hours to minutes (mspdiduration.xml)', () => {
    const plan = readSample('mspdiduration.xml')
    expect(plan.tasks.map((task) => [task.name, task.duration, task.durationUnit])).toEqual([
      ['Task 1', 1, 'm'],
      ['Task 2', 60, 'h'],
      ['Task 3', 480, 'd'],
      ['Task 4', 2400, 'w'],
      ['Task 5', 9600, 'mo'],
      ['Task 6', 1, 'em'],
      ['Task 7', 60, 'eh'],
      ['Task 8', 1440, 'ed'],
      ['Task 9', 10080, 'ew'],
      ['Task 10', 43200, 'emo'],
    ])
  })

  it('reads the header: name, start, minutes per day/week, days per month, currency, week start', () => {
    const plan = readSample('officeimo-relationships.xml')
    expect(plan.name).toBe('OfficeIMO relationships')
    expect(plan.start).toBe('2026-10-05T08:00:00')
    expect(plan.settings).toMatchObject({
      minutesPerDay: 480,
      minutesPerWeek: 2400,
      daysPerMonth: 20,
      currencyCode: 'PLN',
      weekStartDay: 1,
      defaultStartTime: 480,
      defaultFinishTime: 1020,
    })
    expect(plan.calendarId).toBe(1)
  })

  it('reads link types and lags: hours, negative days, percent (officeimo-relationships.xml)', () => {
    const plan = readSample('officeimo-relationships.xml')
    const links = plan.dependencies.map((link) => `${link.predecessorId}->${link.successorId} ${link.type} ${link.lag}${link.lagUnit}`)
    expect(links).toEqual([
      '2->3 FS 0d',
      '3->4 FS 0d',
      '2->5 FS 120h',
      '2->6 SS 120h',
      '2->7 FF 120h',
      '2->8 SF 120h',
      '2->9 FS -480d',
      '2->10 FS 50%',
    ])
  })

  it('reads every constraint type with its date, deadlines and milestones (officeimo-constraints.xml)', () => {
    const plan = readSample('officeimo-constraints.xml')
    const byName = new Map(plan.tasks.map((task) => [task.name, task]))
    expect(['Constraint 0', 'Constraint 1', 'Constraint 2', 'Constraint 3', 'Constraint 4', 'Constraint 5', 'Constraint 6', 'Constraint 7'].map((name) => byName.get(name)?.constraint)).toEqual([
      { type: 'ASAP', date: null },
      { type: 'ALAP', date: null },
      { type: 'MSO', date: '2026-10-09T08:00:00' },
      { type: 'MFO', date: '2026-10-09T17:00:00' },
      { type: 'SNET', date: '2026-10-09T17:00:00' },
      { type: 'SNLT', date: '2026-10-09T17:00:00' },
      { type: 'FNET', date: '2026-10-09T17:00:00' },
      { type: 'FNLT', date: '2026-10-09T17:00:00' },
    ])
    expect(byName.get('Build')?.deadline).toBe('2026-10-13T17:00:00')
    expect(byName.get('Release')?.isMilestone).toBe(true)
    expect(byName.get('Release')?.duration).toBe(0)
    expect(plan.tasks.map((task) => task.level)).toEqual([1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2])
  })

  it('reads outline levels, notes, priority and assignment units (sample1.xml)', () => {
    const plan = readSample('sample1.xml')
    expect(plan.tasks.slice(0, 3).map((task) => [task.id, task.name, task.level, task.notes, task.priority])).toEqual([
      [1, 'First Task', 1, 'Test Task Notes\n', 600],
      [2, 'Second Task', 2, 'Second task note with some formatting!\n', 600],
      [3, 'Third task', 2, 'Third task note.\n', 600],
    ])
    expect(Math.max(...plan.tasks.map((task) => task.level))).toBe(3)
    expect(plan.tasks.find((task) => task.name === 'Recurring Task 1')?.constraint).toEqual({ type: 'SNET', date: '2003-02-01T08:00:00' })
    expect(plan.assignments.map((assignment) => [assignment.taskId, assignment.resourceId, assignment.units])).toEqual([
      [2, 1, 50],
      [2, 2, 75],
      [23, 1, 100],
      [24, 2, 100],
    ])
    expect(plan.dependencies.map((link) => link.type).sort()).toEqual(['FF', 'FS', 'FS', 'FS', 'SF', 'SS'])
    expect(plan.dependencies.map((link) => link.lag).sort((a, b) => a - b)).toEqual([-480, 0, 0, 0, 0, 480])
  })

  it('reads resources: max units, hourly rate, group, initials, e-mail, calendar (mspdiresource.xml)', () => {
    const plan = readSample('mspdiresource.xml')
    expect(plan.resources[0]).toEqual(
      makeResource(1, 'Wade Golden', {
        role: 'Steelray',
        initials: 'WG',
        email: 'wade.golden@steelray.com',
        maxUnits: 100,
        standardRate: 50,
        // The file's AccrueAt 2 (end) and OvertimeRate 100.
        costAccrual: 'end',
        overtimeRate: 100,
        calendarId: 3,
      }),
    )
    expect(plan.calendars.find((calendar) => calendar.id === 5)?.baseCalendarId).toBe(6)
    const done = plan.tasks.find((task) => task.name === 'Completed Task')
    expect(done).toMatchObject({ percentComplete: 100, actualStart: '2006-08-26T08:00:00', actualFinish: '2006-08-29T17:00:00' })
  })

  it('reads a base calendar with a weekday pattern and an exception, a task calendar and a resource calendar (officeimo-calendars.xml)', () => {
    const plan = readSample('officeimo-calendars.xml')
    const workshop = plan.calendars.find((calendar) => calendar.name === 'Workshop')
    expect(workshop?.weekDays.map((day) => day?.periods.length)).toEqual([0, 2, 2, 2, 2, 0, 0])
    expect(workshop?.exceptions).toEqual([{ name: 'Maintenance', from: '2026-10-12', to: '2026-10-12', periods: [] }])
    expect(plan.tasks.find((task) => task.name === 'Build')?.calendarId).toBe(5)
    const engineer = plan.resources[0]
    expect(engineer?.calendarId).toBe(3)
    expect(plan.calendars.find((calendar) => calendar.id === 3)?.baseCalendarId).toBe(5)
    // MS Project 2016+ writes BaseCalendarUID 0 on base calendars; they stay base calendars.
    expect(plan.calendars.find((calendar) => calendar.id === 1)?.baseCalendarId).toBeNull()
  })

  it('reads work weeks, multi-day exceptions and Baseline 0 (officeimo-working-weeks.xml)', () => {
    const plan = readSample('officeimo-working-weeks.xml')
    const workshop = plan.calendars.find((calendar) => calendar.name === 'Workshop')
    expect(workshop?.exceptions).toEqual([
      { name: 'Maintenance', from: '2026-10-07', to: '2026-10-07', periods: [] },
      { name: 'Shutdown', from: '2026-10-08', to: '2026-10-09', periods: [] },
    ])
    expect(workshop?.workWeeks).toEqual([
      { name: 'Four-day week', from: '2026-10-12', to: '2026-10-16', weekDays: [null, null, null, null, null, { periods: [] }, null] },
    ])
    const build = plan.tasks.find((task) => task.name === 'Build')
    // 40 hours of work at 125 per hour: Cost 500000 hundredths.
    expect(build?.baselines).toEqual([{ number: 0, start: '2026-10-08T08:00:00', finish: '2026-10-14T17:00:00', duration: 2400, work: 2400, cost: 5000, bcws: null, bcwp: null }])
  })

  it('reads a resource calendar with holiday ranges as calendar exceptions (issue2000.xml)', () => {
    const plan = readSample('issue2000.xml')
    const worker = plan.resources[0]
    expect(worker?.nonWorkingDays).toEqual([])
    const calendar = plan.calendars.find((entry) => entry.id === worker?.calendarId)
    expect(calendar?.baseCalendarId).toBe(1)
    expect(calendar?.exceptions.map((exception) => [exception.from, exception.to, exception.periods.length])).toEqual([
      ['2022-02-01', '2022-02-05', 0],
      ['2022-02-14', '2022-02-20', 0],
    ])
  })

  it('reads Baselines 0-10 with start, finish, duration, work and cost identical to the file (task-baselines-project2007-mspdi.xml)', () => {
    const plan = readSample('task-baselines-project2007-mspdi.xml')
    const byName = new Map(plan.tasks.map((task) => [task.name, task]))
    // Written by MS Project 2007: one task per baseline and field; "Baseline n Cost" holds n + 1 (Cost n × 100 + 100).
    const blank = { start: null, finish: null, duration: null, work: null, cost: null, bcws: null, bcwp: null }
    for (let number = 0; number <= 10; number++) {
      expect(byName.get(`Baseline${number === 0 ? '' : number} Cost - Task`)?.baselines).toEqual([{ ...blank, number, cost: number + 1 }])
    }
    expect(byName.get('Baseline Duration - Task')?.baselines[0]).toEqual({ number: 0, start: null, finish: null, duration: 5280, work: null, cost: null, bcws: null, bcwp: null })
    expect(byName.get('Baseline Finish - Task')?.baselines[0]?.finish).toBe('2014-03-01T09:00:00')
    expect(byName.get('Baseline Start - Task')?.baselines[0]?.start).toBe('2014-04-01T09:00:00')
    expect(plan.tracking.baselines.map((set) => set.number)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  })

  it.each([
    'task-baselines-project2007-mspdi.xml',
    'officeimo-calendars.xml',
    'officeimo-constraints.xml',
    'officeimo-relationships.xml',
    'officeimo-working-weeks.xml',
  ])('reads every task baseline of %s as the file has it, and writes it back identically', (name) => {
    // Expected values straight from the XML text, independently of the reader: Cost in hundredths, durations PT..H..M..S.
    const text = sample(name)
    const expected = new Map<number, Record<string, unknown>[]>()
    for (const taskMatch of text.matchAll(/<Task>([\s\S]*?)<\/Task>/g)) {
      const body = taskMatch[1] ?? ''
      const uid = Number(/<UID>(\d+)<\/UID>/.exec(body)?.[1])
      if (uid === 0) continue
      const list: Record<string, unknown>[] = []
      for (const baselineMatch of body.matchAll(/<Baseline>([\s\S]*?)<\/Baseline>/g)) {
        const inner = baselineMatch[1] ?? ''
        const field = (tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(inner)?.[1] ?? null
        const hours = (value: string | null) => {
          const match = value === null ? null : /^PT(\d+)H(\d+)M(\d+)S$/.exec(value)
          return match === null ? null : Number(match[1]) * 60 + Number(match[2]) + Number(match[3]) / 60
        }
        const money = (value: string | null) => (value === null ? null : Number(value) / 100)
        list.push({
          number: Number(field('Number')),
          start: field('Start'),
          finish: field('Finish'),
          duration: hours(field('Duration')),
          work: hours(field('Work')),
          cost: money(field('Cost')),
          bcws: money(field('BCWS')),
          bcwp: money(field('BCWP')),
        })
      }
      expected.set(uid, list.sort((a, b) => Number(a.number) - Number(b.number)))
    }
    const plan = readSample(name)
    const count = [...expected.values()].reduce((sum, list) => sum + list.length, 0)
    expect(count).toBeGreaterThan(0)
    for (const task of plan.tasks) expect(task.baselines, `task ${task.id}`).toEqual(expected.get(task.id) ?? [])
    const again = mspdiRead(mspdiWrite(plan), { planId: 'test', now: '2026-01-01T00:00:00' })
    if (!again.ok) throw new Error(again.error.message)
    expect(again.plan.tasks.map((task) => task.baselines)).toEqual(plan.tasks.map((task) => task.baselines))
  })

  it('leaves out a baseline Number outside 0-10 or repeated, and a value it cannot read, with a warning each', () => {
    const text = sample('task-baselines-project2007-mspdi.xml')
      .replace('<Number>10</Number>\n\t\t\t\t<Cost>1100</Cost>', '<Number>11</Number>\n\t\t\t\t<Cost>1100</Cost>')
      .replace('<Number>10</Number>\n\t\t\t\t<Duration>PT168H0M0S</Duration>\n\t\t\t</Baseline>', '<Number>10</Number>\n\t\t\t\t<Duration>PT168H0M0S</Duration>\n\t\t\t</Baseline><Baseline><Number>10</Number><Duration>PT8H0M0S</Duration></Baseline>')
      .replace('<Finish>2014-03-01T09:00:00</Finish>', '<Finish>2014-02-30T09:00:00</Finish>')
    const result = mspdiRead(text, { planId: 'test', now: '2026-01-01T00:00:00' })
    if (!result.ok) throw new Error(result.error.message)
    const byName = new Map(result.plan.tasks.map((task) => [task.name, task]))
    expect(byName.get('Baseline10 Cost - Task')?.baselines).toEqual([])
    expect(byName.get('Baseline10 Duration - Task')?.baselines.map((baseline) => [baseline.number, baseline.duration])).toEqual([[10, 168 * 60]])
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^1 baseline\(s\) with a Number outside 0 \(Baseline\) to 10 \(Baseline 10\) were left out \(the first: Task "Baseline10 Cost - Task" \(UID \d+\), Number "11"\)\.$/),
        expect.stringMatching(/^1 task baseline\(s\) repeated a Number .*Baseline10 Duration - Task.*Baseline 10/),
        expect.stringMatching(/^1 baseline value\(s\) could not be read and were left blank \(the first: .*Finish "2014-02-30T09:00:00"\)/),
      ]),
    )
    // Its only value was the unreadable finish: nothing is left of that baseline.
    expect(byName.get('Baseline Finish - Task')?.baselines).toEqual([])
  })

  it('expands every recurring exception type exactly as the legacy DayType 0 days MS Project wrote next to them', () => {
    const text = sample('calendar-recurring-exceptions-project2016-mspdi.xml')
    const modern = mspdiRead(text)
    const legacy = mspdiRead(text.replace(/<Exceptions>[\s\S]*<\/Exceptions>/, ''))
    if (!modern.ok || !legacy.ok) throw new Error('sample not read')
    const days = (plan: Plan) => [
      ...new Set(plan.calendars[0]?.exceptions.map((exception) => `${exception.from}..${exception.to} ${exception.periods.length > 0 ? 'working' : 'off'}`)),
    ]
    expect(days(legacy.plan).length).toBe(138)
    expect(days(modern.plan)).toEqual(days(legacy.plan))
    // The recurring exceptions keep their names.
    expect(modern.plan.calendars[0]?.exceptions.find((exception) => exception.from === '2002-03-04')?.name).toBe('Monthly Relative 1')
  })
})

describe('mspdiExpandRecurrence', () => {
  const base = { to: null, occurrences: null, period: 1, daysOfWeek: 0, monthItem: 0, monthPosition: 0, month: 0, monthDay: 1 }

  it('expands "last Friday of every month" with a count', () => {
    const { ranges } = mspdiExpandRecurrence({ ...base, type: 5, from: '2026-01-01', occurrences: 3, monthItem: 8, monthPosition: 4 })
    expect(ranges.map((range) => range.from)).toEqual(['2026-01-30', '2026-02-27', '2026-03-27'])
  })

  it('clamps day 31 to the end of shorter months', () => {
    const { ranges } = mspdiExpandRecurrence({ ...base, type: 4, from: '2026-01-31', to: '2026-04-30', monthDay: 31 })
    expect(ranges.map((range) => range.from)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30'])
  })

  it('stops at the occurrence cap on an endless recurrence instead of looping', () => {
    const result = mspdiExpandRecurrence({ ...base, type: 7, period: 2, from: '2026-01-01', occurrences: 1_000_000 })
    expect(result.ranges.length).toBe(10_000)
    expect(result.truncated).toBe(true)
  })

  it('expands "every weekday, every 2nd one" (type 8) on Monday-Friday only', () => {
    const { ranges } = mspdiExpandRecurrence({ ...base, type: 8, period: 2, from: '2026-01-05', to: '2026-01-16' })
    expect(ranges.map((range) => range.from)).toEqual(['2026-01-05', '2026-01-07', '2026-01-09', '2026-01-13', '2026-01-15'])
  })
})

describe('mspdiRead envelope variations', () => {
  it('accepts a byte-order mark, comments and a bare DOCTYPE before the root', () => {
    const text = sample('officeimo-calendars.xml').replace(/^\uFEFF?<\?xml[^>]*\?>/, '')
    expect(mspdiRead(`\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- exported -->\n<!DOCTYPE Project>${text}`).ok).toBe(true)
  })

  it('takes the plan name from Title, then the summary task, then Name without its extension', () => {
    const base = sample('task-links-project2007-mspdi.xml')
    const named = (plan: Plan | undefined) => plan?.name
    const read = (text: string) => {
      const result = mspdiRead(text)
      return result.ok ? result.plan : undefined
    }
    expect(named(read(base.replace('<Name>', '<Title>My title</Title><Name>')))).toBe('My title')
    expect(named(read(base.replace('<UID>0</UID>\n\t\t\t<ID>0</ID>', '<UID>0</UID><ID>0</ID><Name>From the summary</Name>')))).toBe('From the summary')
    expect(named(read(base))).toBe('task-links-project2007-mspdi')
  })
})

describe('mspdiRead calendar details', () => {
  it('gives a working exception without WorkingTimes the default hours, and reads ToTime 00:00:00 as midnight', () => {
    const calendar =
      '<Calendars><Calendar><UID>1</UID><Name>Night</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID><WeekDays>' +
      '<WeekDay><DayType>2</DayType><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>22:00:00</FromTime><ToTime>00:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>' +
      '</WeekDays><Exceptions><Exception><EnteredByOccurrences>0</EnteredByOccurrences><TimePeriod><FromDate>2026-03-07T00:00:00</FromDate><ToDate>2026-03-07T23:59:00</ToDate></TimePeriod>' +
      '<Occurrences>1</Occurrences><Name>Extra Saturday</Name><Type>1</Type><DayWorking>1</DayWorking></Exception></Exceptions></Calendar></Calendars>'
    const text =
      '<Project xmlns="http://schemas.microsoft.com/project"><StartDate>2026-03-02T22:00:00</StartDate><CalendarUID>1</CalendarUID>' +
      `${calendar}<Tasks><Task><UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel><Duration>PT2H0M0S</Duration></Task></Tasks></Project>`
    const result = mspdiRead(text)
    if (!result.ok) throw new Error(result.error.message)
    const night = result.plan.calendars[0]
    expect(night?.weekDays[1]).toEqual({ periods: [{ start: 1320, end: 1440 }] })
    // Weekdays the base calendar leaves out get Microsoft Project's defaults.
    expect(night?.weekDays[0]).toEqual({ periods: [] })
    expect(night?.weekDays[3]?.periods).toEqual([
      { start: 480, end: 720 },
      { start: 780, end: 1020 },
    ])
    expect(night?.exceptions).toEqual([
      { name: 'Extra Saturday', from: '2026-03-07', to: '2026-03-07', periods: [{ start: 480, end: 720 }, { start: 780, end: 1020 }] },
    ])
  })
})

describe('mspdiRead progress', () => {
  it('reports increasing fractions from 0 to 1', () => {
    const fractions: number[] = []
    const result = mspdiRead(sample('sample1.xml'), { onProgress: (fraction) => fractions.push(fraction) })
    expect(result.ok).toBe(true)
    expect(fractions[0]).toBe(0)
    expect(fractions[fractions.length - 1]).toBe(1)
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b))
  })
})
