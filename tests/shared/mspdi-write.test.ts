import { scheduleExtras } from '../support/schedule-extras'
import { describe, expect, it } from 'vitest'
import { makeAssignment, calendarStandard, makePlan, makeTask } from '../../src/shared/domain/defaults'
import { dateFromWallMinutes, dateToWallMinutes } from '../../src/shared/domain/dates'
import { scheduleRun } from '../../src/shared/domain/schedule'
import { generatePlan } from '../support/generate-plan'
import type { Dependency, Plan, Task } from '../../src/shared/domain/model'
import type { Schedule } from '../../src/shared/domain/schedule-types'
import { mspdiFormatDuration, mspdiRead, mspdiWrite } from '../../src/shared/formats/mspdi'
import { mspdiParseXml, type XmlNode } from '../../src/shared/formats/mspdi/xml'

/*
 * Plan used by most tests:
 *
 *   1 Phase            (summary)
 *   1.1   Design       3 d
 *   1.2   Build        2 d     Design FS+1d -> Build
 *   1.2.1   Code       1.5 h   Build SS -> Code (summary link), Design FF -> Code, Design SF -> Code 50 %
 *   2 Release          milestone
 */
function plan(): Plan {
  const tasks: Task[] = [
    makeTask(10, { name: 'Phase', level: 1 }),
    makeTask(11, { name: 'Design', level: 2, duration: 1440, notes: 'a < b & c\r\nline' }),
    makeTask(12, { name: 'Build', level: 2, duration: 960, constraint: { type: 'SNET', date: '2026-01-07T08:00:00' } }),
    makeTask(13, { name: 'Code', level: 3, duration: 90, durationUnit: 'h' }),
    makeTask(14, { name: 'Release', level: 1, duration: 0, isMilestone: true, deadline: '2026-02-01T17:00:00' }),
  ]
  const dependencies: Dependency[] = [
    { id: 1, predecessorId: 11, successorId: 12, type: 'FS', lag: 480, lagUnit: 'd' },
    { id: 2, predecessorId: 12, successorId: 13, type: 'SS', lag: 0, lagUnit: 'd' },
    { id: 3, predecessorId: 11, successorId: 13, type: 'FF', lag: -60, lagUnit: 'h' },
    { id: 4, predecessorId: 11, successorId: 14, type: 'SF', lag: 50, lagUnit: '%' },
  ]
  const calendar = calendarStandard(1, 'Standard')
  calendar.exceptions = [
    { name: 'Late', from: '2026-12-25', to: '2026-12-26', periods: [] },
    { name: 'Early', from: '2026-05-01', to: '2026-05-01', periods: [] },
    { name: 'Saturday shift', from: '2026-03-07', to: '2026-03-07', periods: [{ start: 600, end: 1440 }] },
  ]
  return makePlan('p', 'Write test', '2026-01-05T08:00:00', '2026-01-01T09:30:00', {
    calendars: [calendar, { id: 2, name: 'Ana', baseCalendarId: 1, weekDays: [null, null, null, null, null, { periods: [] }, null], exceptions: [], workWeeks: [] }],
    tasks,
    dependencies,
    resources: [{ id: 1, name: 'Ana', role: 'Dev', initials: 'A', email: 'ana@example.com', maxUnits: 50, hourlyRate: 62.5, nonWorkingDays: [], calendarId: 2 }],
    assignments: [makeAssignment(1, 12, 1, 50, 0)],
  })
}

function project(xml: string): XmlNode {
  const parsed = mspdiParseXml(xml)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.project
}

function nodes(value: unknown): XmlNode[] {
  return (Array.isArray(value) ? value : [value]) as XmlNode[]
}

/**
 * Direct child element names, in document order, of the first `<tag>` element whose source text contains `marker`
 * (independent of indentation: a small tag walker).
 */
function childOrder(xml: string, tag: string, marker = ''): string[] {
  const stack: string[] = []
  let capture: { depth: number; start: number; children: string[] } | null = null
  for (const match of xml.matchAll(/<(\/?)([A-Za-z]+)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match as unknown as [string, string, string, string]
    if (closing === '/') {
      stack.pop()
      if (capture !== null && name === tag && stack.length === capture.depth) {
        if (xml.slice(capture.start, (match.index as number) + match[0].length).includes(marker)) return capture.children
        capture = null
      }
      continue
    }
    if (capture !== null && stack.length === capture.depth + 1) capture.children.push(name)
    if (capture === null && name === tag && selfClosing !== '/') capture = { depth: stack.length, start: match.index as number, children: [] }
    if (selfClosing !== '/') stack.push(name)
  }
  throw new Error(`no <${tag}> containing ${marker}`)
}

/** Whether `names` appear in the same relative order as in `reference` (and all of them are in it). */
function isInSchemaOrder(names: string[], reference: string[]): boolean {
  let last = -1
  for (const name of names) {
    const index = reference.indexOf(name, last === -1 ? 0 : last)
    if (index === -1) return false
    last = index
  }
  return true
}

// Sequences from the pj12 schema (FIELDS.md cites the XSD lines) and MS Project 2007's own output
// (samples/task-links-project2007-mspdi.xml validates against it).
const projectOrder = ['SaveVersion', 'UID', 'Name', 'Title', 'Subject', 'Category', 'Company', 'Manager', 'Author', 'CreationDate', 'Revision', 'LastSaved', 'ScheduleFromStart', 'StartDate', 'FinishDate', 'FYStartDate', 'CriticalSlackLimit', 'CurrencyDigits', 'CurrencySymbol', 'CurrencyCode', 'CurrencySymbolPosition', 'CalendarUID', 'DefaultStartTime', 'DefaultFinishTime', 'MinutesPerDay', 'MinutesPerWeek', 'DaysPerMonth', 'DefaultTaskType', 'DefaultFixedCostAccrual', 'DefaultStandardRate', 'DefaultOvertimeRate', 'DurationFormat', 'WorkFormat', 'EditableActualCosts', 'HonorConstraints', 'InsertedProjectsLikeSummary', 'MultipleCriticalPaths', 'NewTasksEffortDriven', 'NewTasksEstimated', 'SplitsInProgressTasks', 'SpreadActualCost', 'SpreadPercentComplete', 'TaskUpdatesResource', 'FiscalYearStart', 'WeekStartDay', 'MoveCompletedEndsBack', 'MoveRemainingStartsBack', 'MoveRemainingStartsForward', 'MoveCompletedEndsForward', 'BaselineForEarnedValue', 'AutoAddNewResourcesAndTasks', 'StatusDate', 'CurrentDate', 'OutlineCodes', 'WBSMasks', 'ExtendedAttributes', 'Calendars', 'Tasks', 'Resources', 'Assignments']
const taskOrder = ['UID', 'ID', 'Name', 'Type', 'IsNull', 'CreateDate', 'WBS', 'OutlineNumber', 'OutlineLevel', 'Priority', 'Start', 'Finish', 'Duration', 'DurationFormat', 'Work', 'ResumeValid', 'EffortDriven', 'Recurring', 'OverAllocated', 'Estimated', 'Milestone', 'Summary', 'Critical', 'IsSubproject', 'IsSubprojectReadOnly', 'ExternalTask', 'EarlyStart', 'EarlyFinish', 'LateStart', 'LateFinish', 'StartVariance', 'FinishVariance', 'WorkVariance', 'FreeSlack', 'TotalSlack', 'FixedCost', 'FixedCostAccrual', 'PercentComplete', 'PercentWorkComplete', 'Cost', 'OvertimeCost', 'OvertimeWork', 'ActualStart', 'ActualFinish', 'ActualDuration', 'ActualCost', 'ConstraintType', 'CalendarUID', 'ConstraintDate', 'Deadline', 'LevelAssignments', 'LevelingCanSplit', 'LevelingDelay', 'LevelingDelayFormat', 'IgnoreResourceCalendar', 'Notes', 'HideBar', 'Rollup', 'PredecessorLink', 'ExtendedAttribute', 'Baseline']
const calendarOrder = ['UID', 'Name', 'IsBaseCalendar', 'BaseCalendarUID', 'WeekDays', 'Exceptions', 'WorkWeeks']
const exceptionOrder = ['EnteredByOccurrences', 'TimePeriod', 'Occurrences', 'Name', 'Type', 'Period', 'DaysOfWeek', 'MonthItem', 'MonthPosition', 'Month', 'MonthDay', 'DayWorking', 'WorkingTimes']
const linkOrder = ['PredecessorUID', 'Type', 'CrossProject', 'CrossProjectName', 'LinkLag', 'LagFormat']
const resourceOrder = ['UID', 'ID', 'Name', 'Type', 'IsNull', 'Initials', 'Phonetics', 'NTAccount', 'MaterialLabel', 'Code', 'Group', 'WorkGroup', 'EmailAddress', 'Hyperlink', 'MaxUnits', 'PeakUnits', 'StandardRate', 'StandardRateFormat', 'Cost', 'OvertimeRate', 'CostPerUse', 'CalendarUID', 'Notes']
const assignmentOrder = ['UID', 'TaskUID', 'ResourceUID', 'PercentWorkComplete', 'Cost', 'Finish', 'FinishVariance', 'Start', 'StartVariance', 'Units', 'Work']

describe('mspdiWrite envelope and header', () => {
  const xml = mspdiWrite(plan())

  it('writes the XML declaration and the bare MSPDI namespace', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Project xmlns="http://schemas.microsoft.com/project">\n')).toBe(true)
  })

  it('writes the required header values', () => {
    const header = project(xml)
    expect(header.SaveVersion).toBe('14')
    expect(header.CurrencyCode).toBe('EUR')
    expect([header.MinutesPerDay, header.MinutesPerWeek, header.DaysPerMonth]).toEqual(['480', '2400', '20'])
    expect([header.Name, header.Title, header.StartDate, header.CalendarUID]).toEqual(['Write test', 'Write test', '2026-01-05T08:00:00', '1'])
    expect([header.DefaultStartTime, header.DefaultFinishTime, header.WeekStartDay]).toEqual(['08:00:00', '17:00:00', '1'])
  })

  it('keeps schema element order everywhere', () => {
    expect(isInSchemaOrder(childOrder(xml, 'Project'), projectOrder)).toBe(true)
    expect(childOrder(xml, 'Project').slice(-4)).toEqual(['Calendars', 'Tasks', 'Resources', 'Assignments'])
    expect(childOrder(xml, 'Task', '<Name>Build</Name>')).toEqual(
      expect.arrayContaining(['UID', 'ID', 'Name', 'WBS', 'OutlineNumber', 'OutlineLevel', 'Start', 'Finish', 'Duration', 'ConstraintType', 'ConstraintDate', 'PredecessorLink']),
    )
    for (const name of ['Phase', 'Design', 'Build', 'Code', 'Release']) {
      expect(isInSchemaOrder(childOrder(xml, 'Task', `<Name>${name}</Name>`), taskOrder), name).toBe(true)
    }
    expect(isInSchemaOrder(childOrder(xml, 'Calendar', '<Name>Standard</Name>'), calendarOrder)).toBe(true)
    expect(isInSchemaOrder(childOrder(xml, 'Exception', '<Name>Early</Name>'), exceptionOrder)).toBe(true)
    expect(isInSchemaOrder(childOrder(xml, 'PredecessorLink'), linkOrder)).toBe(true)
    expect(isInSchemaOrder(childOrder(xml, 'Resource'), resourceOrder)).toBe(true)
    const assignment = childOrder(xml, 'Assignment')
    expect(isInSchemaOrder(assignment, assignmentOrder)).toBe(true)
    expect(assignment.indexOf('Finish')).toBeLessThan(assignment.indexOf('Start'))
  })
})

describe('mspdiWrite tasks', () => {
  const xml = mspdiWrite(plan())
  const tasks = nodes(project(xml).Tasks && (project(xml).Tasks as XmlNode).Task)

  it('writes the UID 0 project summary first', () => {
    expect(tasks[0]).toMatchObject({ UID: '0', ID: '0', OutlineLevel: '0', OutlineNumber: '0', WBS: '0', Summary: '1', Name: 'Write test' })
  })

  it('numbers ID 1..n in outline order with consistent OutlineNumber, WBS and OutlineLevel', () => {
    expect(tasks.slice(1).map((task) => [task.UID, task.ID, task.OutlineNumber, task.WBS, task.OutlineLevel, task.Summary])).toEqual([
      ['10', '1', '1', '1', '1', '1'],
      ['11', '2', '1.1', '1.1', '2', '0'],
      ['12', '3', '1.2', '1.2', '2', '1'],
      ['13', '4', '1.2.1', '1.2.1', '3', '0'],
      ['14', '5', '2', '2', '1', '0'],
    ])
  })

  it('writes hour-based PT durations with all three parts and the unit codes', () => {
    expect(tasks.slice(1).map((task) => [task.Duration, task.DurationFormat])).toEqual([
      ['PT8H0M0S', '7'],
      ['PT24H0M0S', '7'],
      ['PT16H0M0S', '7'],
      ['PT1H30M0S', '5'],
      ['PT0H0M0S', '7'],
    ])
    expect(mspdiFormatDuration(-480)).toBe('PT-8H0M0S')
    expect(mspdiFormatDuration(0.5)).toBe('PT0H0M30S')
  })

  it('writes links on the successor: type codes 0 FF / 1 FS / 2 SF / 3 SS, LinkLag in tenths, percent lags as is', () => {
    const links = tasks.slice(1).flatMap((task) =>
      task.PredecessorLink === undefined ? [] : nodes(task.PredecessorLink).map((link) => [task.UID, link.PredecessorUID, link.Type, link.CrossProject, link.LinkLag, link.LagFormat]),
    )
    expect(links).toEqual([
      ['12', '11', '1', '0', '4800', '7'],
      ['13', '12', '3', '0', '0', '7'],
      ['13', '11', '0', '0', '-600', '5'],
      ['14', '11', '2', '0', '50', '19'],
    ])
  })

  it('writes constraints with dates, milestones, deadlines and escaped notes', () => {
    const build = tasks[3] as XmlNode
    expect([build.ConstraintType, build.ConstraintDate]).toEqual(['4', '2026-01-07T08:00:00'])
    const release = tasks[5] as XmlNode
    expect([release.Milestone, release.Deadline, release.ConstraintType, release.ConstraintDate]).toEqual(['1', '2026-02-01T17:00:00', '0', undefined])
    expect(xml).toContain('<Notes>a &lt; b &amp; c&#13;\nline</Notes>')
  })

  it('writes Work = units x duration on the assignment and the task', () => {
    const assignment = nodes((project(xml).Assignments as XmlNode).Assignment)[0] as XmlNode
    expect([assignment.TaskUID, assignment.ResourceUID, assignment.Units, assignment.Work]).toEqual(['12', '1', '0.5', 'PT8H0M0S'])
    expect((tasks[3] as XmlNode).Work).toBe('PT8H0M0S')
  })

  it('renumbers task UIDs from 1 when ids are not valid UIDs, and links follow', () => {
    const broken = plan()
    broken.tasks = broken.tasks.map((task, index) => ({ ...task, id: index }))
    broken.dependencies = [{ id: 1, predecessorId: 1, successorId: 2, type: 'FS', lag: 0, lagUnit: 'd' }]
    broken.assignments = []
    const back = mspdiRead(mspdiWrite(broken))
    if (!back.ok) throw new Error(back.error.message)
    expect(back.plan.tasks.map((task) => task.id)).toEqual([1, 2, 3, 4, 5])
    expect(back.plan.dependencies.map((link) => [link.predecessorId, link.successorId])).toEqual([[2, 3]])
  })
})

describe('mspdiWrite calendars and resources', () => {
  const xml = mspdiWrite(plan())
  const calendars = nodes((project(xml).Calendars as XmlNode).Calendar)

  it('writes the base calendar with all 7 weekdays and IsBaseCalendar 1 / BaseCalendarUID -1', () => {
    const standard = calendars[0] as XmlNode
    expect([standard.UID, standard.IsBaseCalendar, standard.BaseCalendarUID]).toEqual(['1', '1', '-1'])
    const days = nodes((standard.WeekDays as XmlNode).WeekDay).filter((day) => day.DayType !== '0')
    expect(days.map((day) => [day.DayType, day.DayWorking])).toEqual([
      ['1', '0'],
      ['2', '1'],
      ['3', '1'],
      ['4', '1'],
      ['5', '1'],
      ['6', '1'],
      ['7', '0'],
    ])
  })

  it('writes exceptions in both encodings, sorted by date, with ToTime 00:00:00 for midnight', () => {
    const standard = calendars[0] as XmlNode
    const legacy = nodes((standard.WeekDays as XmlNode).WeekDay).filter((day) => day.DayType === '0')
    expect(legacy.map((day) => [(day.TimePeriod as XmlNode).FromDate, (day.TimePeriod as XmlNode).ToDate, day.DayWorking])).toEqual([
      ['2026-03-07T00:00:00', '2026-03-07T23:59:00', '1'],
      ['2026-05-01T00:00:00', '2026-05-01T23:59:00', '0'],
      ['2026-12-25T00:00:00', '2026-12-26T23:59:00', '0'],
    ])
    const modern = nodes((standard.Exceptions as XmlNode).Exception)
    expect(modern.map((exception) => [exception.Name, exception.Type, exception.Occurrences, exception.EnteredByOccurrences, exception.DayWorking])).toEqual([
      ['Saturday shift', '1', '1', '0', '1'],
      ['Early', '1', '1', '0', '0'],
      ['Late', '1', '2', '0', '0'],
    ])
    const shift = nodes(((modern[0] as XmlNode).WorkingTimes as XmlNode).WorkingTime)[0] as XmlNode
    expect([shift.FromTime, shift.ToTime]).toEqual(['10:00:00', '00:00:00'])
  })

  it('writes a resource calendar as a derived calendar with only its overrides', () => {
    const ana = calendars[1] as XmlNode
    expect([ana.UID, ana.Name, ana.IsBaseCalendar, ana.BaseCalendarUID]).toEqual(['2', 'Ana', '0', '1'])
    expect(nodes((ana.WeekDays as XmlNode).WeekDay).map((day) => [day.DayType, day.DayWorking])).toEqual([['6', '0']])
  })

  it('writes resources with MaxUnits as a fraction and the rate per hour', () => {
    const resource = nodes((project(xml).Resources as XmlNode).Resource)[0] as XmlNode
    expect([resource.UID, resource.ID, resource.Name, resource.Type, resource.Group, resource.EmailAddress, resource.MaxUnits, resource.StandardRate, resource.CalendarUID]).toEqual([
      '1', '1', 'Ana', '1', 'Dev', 'ana@example.com', '0.5', '62.5', '2',
    ])
  })
})

describe('mspdiWrite with a schedule', () => {
  it('writes the computed dates, early/late dates, slack in tenths of a minute and the critical flag', () => {
    const source = plan()
    const count = source.tasks.length
    const at = (text: string) => dateToWallMinutes(text)
    const fill = (values: number[]) => Float64Array.from(values)
    const starts = ['2026-01-05T08:00:00', '2026-01-05T08:00:00', '2026-01-09T08:00:00', '2026-01-09T08:00:00', '2026-01-13T17:00:00'].map(at)
    const finishes = ['2026-01-13T17:00:00', '2026-01-07T17:00:00', '2026-01-12T17:00:00', '2026-01-09T09:30:00', '2026-01-13T17:00:00'].map(at)
    const schedule: Schedule = {
      taskCount: count,
      indexOf: new Map(source.tasks.map((task, index) => [task.id, index])),
      start: fill(starts),
      finish: fill(finishes),
      earlyStart: fill(starts),
      earlyFinish: fill(finishes),
      lateStart: fill(starts.map((value) => value + 60)),
      lateFinish: fill(finishes.map((value) => value + 60)),
      totalSlack: fill([0, 0, 480, -30, 0]),
      freeSlack: fill([0, 0, 240, 0, 0]),
      duration: fill([2880, 1440, 960, 90, 0]),
      percentComplete: fill([0, 0, 0, 0, 0]),
      isCritical: Uint8Array.from([1, 1, 0, 1, 1]),
      isSummary: Uint8Array.from([1, 0, 1, 0, 0]),
      startsBeforeProjectStart: new Uint8Array(count),
      parent: Int32Array.from([-1, 0, 0, 2, -1]),
      projectStart: at('2026-01-05T08:00:00'),
      projectFinish: at('2026-01-13T17:00:00'),
      ...scheduleExtras(source, fill(starts), fill(finishes)),
    }
    const tasks = nodes((project(mspdiWrite(source, schedule)).Tasks as XmlNode).Task).slice(1)
    expect(tasks.map((task) => [task.Start, task.Finish, task.TotalSlack, task.FreeSlack, task.Critical])).toEqual([
      ['2026-01-05T08:00:00', '2026-01-13T17:00:00', '0', '0', '1'],
      ['2026-01-05T08:00:00', '2026-01-07T17:00:00', '0', '0', '1'],
      ['2026-01-09T08:00:00', '2026-01-12T17:00:00', '4800', '2400', '0'],
      ['2026-01-09T08:00:00', '2026-01-09T09:30:00', '-300', '0', '1'],
      ['2026-01-13T17:00:00', '2026-01-13T17:00:00', '0', '0', '1'],
    ])
    // A summary carries its rolled-up duration; the late dates come from the schedule.
    expect(tasks[0]?.Duration).toBe('PT48H0M0S')
    expect(tasks[1]?.LateStart).toBe('2026-01-05T09:00:00')
  })
})

describe('mspdiWrite with the engine schedule', () => {
  it('exports the engine dates and slack, and reading the file back gives the same task dates', () => {
    const source = generatePlan({ tasks: 400, seed: 11, resources: 8 })
    const scheduled = scheduleRun(source)
    if (!scheduled.ok) throw new Error(scheduled.problems[0]?.message)
    const schedule = scheduled.schedule
    const xml = mspdiWrite(source, schedule)
    const back = mspdiRead(xml)
    if (!back.ok) throw new Error(back.error.message)
    expect(back.plan.tasks.map((task) => [task.start, task.finish])).toEqual(
      source.tasks.map((_, index) => [dateFromWallMinutes(schedule.start[index] as number), dateFromWallMinutes(schedule.finish[index] as number)]),
    )
    const written = nodes((project(xml).Tasks as XmlNode).Task).slice(1)
    expect(written.map((task) => Number(task.TotalSlack))).toEqual(source.tasks.map((_, index) => Math.round((schedule.totalSlack[index] as number) * 10)))
    expect(written.map((task) => task.Critical === '1')).toEqual(source.tasks.map((_, index) => schedule.isCritical[index] === 1))
    expect(project(xml).FinishDate).toBe(dateFromWallMinutes(schedule.projectFinish))
    // StartDate stays the plan's start even when a task is scheduled earlier; the UID 0 summary spans the tasks.
    expect(project(xml).StartDate).toBe(source.start)
    const summary = nodes((project(xml).Tasks as XmlNode).Task)[0] as XmlNode
    expect(summary.Start).toBe(dateFromWallMinutes(schedule.projectStart))
    expect(back.plan.start).toBe(source.start)
    // Re-scheduling the re-imported plan gives the same dates again.
    const again = scheduleRun(back.plan)
    if (!again.ok) throw new Error(again.problems[0]?.message)
    expect(Array.from(again.schedule.start)).toEqual(Array.from(schedule.start))
    expect(Array.from(again.schedule.finish)).toEqual(Array.from(schedule.finish))
  })
})
