import { describe, expect, it } from 'vitest'
import { dateFromWallMinutes } from '../../src/shared/domain/dates'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'
import type { Schedule } from '../../src/shared/domain/schedule-types'
import { csvExportPlan, csvImportPlan } from '../../src/shared/formats/csv'

/** The CSV export's text (the test fails when the export refuses the plan). */
function csvExportText(...args: Parameters<typeof csvExportPlan>): string {
  const result = csvExportPlan(...args)
  if (!result.ok) throw new Error(result.error)
  return result.text
}

/*
 * Starts typed in a CSV file, as Microsoft Project treats a start typed on a task: later than where the links and the
 * plan start put the task -> a start-no-earlier-than constraint; not later -> dropped (with a warning for a linked
 * task). April 2026: Monday 6, 13, 20; the default calendar works 08:00-12:00 and 13:00-17:00, Monday to Friday.
 */

const importOptions = { planId: 'imported', now: '2026-03-01T09:00:00' }

function imported(text: string): { plan: Plan; warnings: string[] } {
  const result = csvImportPlan(text, importOptions)
  if (!result.ok) throw new Error(result.error)
  return { plan: result.plan, warnings: result.warnings }
}

function scheduled(plan: Plan): Schedule {
  const result = scheduleRun(plan)
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '))
  return result.schedule
}

function startsOf(plan: Plan): string[] {
  return Array.from(scheduled(plan).start, (minutes) => dateFromWallMinutes(minutes))
}

function constraintsOf(plan: Plan): string[] {
  return plan.tasks.map((task) =>
    task.constraint.date === null ? task.constraint.type : `${task.constraint.type} ${task.constraint.date}`,
  )
}

const header = 'Name,Duration,Start,Predecessors,Outline level\r\n'

describe('csv import: starts typed on linked tasks', () => {
  it('keeps a start later than the links allow as a start-no-earlier-than constraint at that date', () => {
    const { plan, warnings } = imported(`${header}Design,2d,2026-04-06,,\r\nBuild,3d,2026-04-15 13:00,1,\r\n`)
    expect(constraintsOf(plan)).toEqual(['ASAP', 'SNET 2026-04-15T13:00:00'])
    expect(startsOf(plan)).toEqual(['2026-04-06T08:00:00', '2026-04-15T13:00:00'])
    expect(warnings).toEqual([])
  })

  it('gives a date without a time the plan default start time', () => {
    const { plan } = imported(`${header}Design,2d,2026-04-06,,\r\nBuild,3d,2026-04-15,1,\r\n`)
    expect(constraintsOf(plan)).toEqual(['ASAP', 'SNET 2026-04-15T08:00:00'])
    expect(startsOf(plan)[1]).toBe('2026-04-15T08:00:00')
  })

  it('drops a start earlier than the links allow and names the task in a warning', () => {
    const { plan, warnings } = imported(`${header}Design,5d,2026-04-06,,\r\nBuild,2d,2026-04-08,1,\r\n`)
    expect(constraintsOf(plan)).toEqual(['ASAP', 'ASAP'])
    expect(startsOf(plan)).toEqual(['2026-04-06T08:00:00', '2026-04-13T08:00:00'])
    expect(warnings).toEqual([
      'The start on line 3 (Build) is before its predecessors allow; the links decide.',
    ])
  })

  it('drops a start equal to where the links put the task, without a warning', () => {
    const { plan, warnings } = imported(`${header}Design,2d,2026-04-06,,\r\nBuild,2d,2026-04-08 08:00,1,\r\n`)
    expect(constraintsOf(plan)).toEqual(['ASAP', 'ASAP'])
    expect(startsOf(plan)[1]).toBe('2026-04-08T08:00:00')
    expect(warnings).toEqual([])
  })

  it('names every task whose start the links overrule in one warning, in file order', () => {
    const { warnings } = imported(
      `${header}Design,5d,2026-04-06,,\r\nBuild,1d,2026-04-07,1,\r\n\r\nTest,1d,2026-04-08,1,\r\nShip,1d,2026-04-20,3,\r\n`,
    )
    expect(warnings).toEqual([
      'The starts on lines 3 (Build), 5 (Test) are before their predecessors allow; the links decide.',
    ])
  })

  it('compares with the dates the constrained predecessors give, not the plan without any start', () => {
    // Build's start is kept (Wednesday); Deploy's Wednesday afternoon start is later than Build's links alone put it but earlier
    // than Build's kept start allows, so it is dropped; Test's Friday start is later than even that, so it is kept.
    const { plan, warnings } = imported(
      `${header}Design,1d,2026-04-06,,\r\nBuild,1d,2026-04-08,1,\r\nTest,1d,2026-04-10,2,\r\nDeploy,1d,2026-04-08 13:00,2,\r\n`,
    )
    expect(constraintsOf(plan)).toEqual([
      'ASAP',
      'SNET 2026-04-08T08:00:00',
      'SNET 2026-04-10T08:00:00',
      'ASAP',
    ])
    expect(startsOf(plan)).toEqual([
      '2026-04-06T08:00:00',
      '2026-04-08T08:00:00',
      '2026-04-10T08:00:00',
      '2026-04-09T08:00:00',
    ])
    expect(warnings).toEqual([
      'The start on line 5 (Deploy) is before its predecessors allow; the links decide.',
    ])
  })

  it('treats a task under a linked summary as linked, and never constrains a summary', () => {
    const { plan, warnings } = imported(
      `${header}Design,5d,2026-04-06,,1\r\nPhase,,2026-04-20,1,1\r\nBuild,1d,2026-04-08,,2\r\nTest,1d,2026-04-16,,2\r\n`,
    )
    expect(constraintsOf(plan)).toEqual(['ASAP', 'ASAP', 'ASAP', 'SNET 2026-04-16T08:00:00'])
    const starts = startsOf(plan)
    expect([starts[2], starts[3]]).toEqual(['2026-04-13T08:00:00', '2026-04-16T08:00:00'])
    expect(warnings).toEqual([
      'The start on line 4 (Build) is before its predecessors allow; the links decide.',
    ])
  })
})

describe('csv import: starts typed on unlinked tasks (unchanged)', () => {
  it('turns a start later than the plan start into a constraint and leaves the earliest one as it is', () => {
    const { plan, warnings } = imported(
      `${header}First,2d,2026-04-06,,\r\nLater,1d,2026-04-15 13:00,,\r\nSame,1d,2026-04-06 08:00,,\r\nNone,1d,,,\r\n`,
    )
    expect(plan.start).toBe('2026-04-06T08:00:00')
    expect(constraintsOf(plan)).toEqual(['ASAP', 'SNET 2026-04-15T13:00:00', 'ASAP', 'ASAP'])
    expect(startsOf(plan)).toEqual([
      '2026-04-06T08:00:00',
      '2026-04-15T13:00:00',
      '2026-04-06T08:00:00',
      '2026-04-06T08:00:00',
    ])
    expect(warnings).toEqual([])
  })

  it('keeps refusing bad input with the same messages', () => {
    expect(csvImportPlan(`${header}A,1d,2026-02-30,,\r\n`, importOptions)).toEqual({
      ok: false,
      error: 'Line 2: start "2026-02-30" is not a real date; write it as YYYY-MM-DD or YYYY-MM-DD HH:MM.',
    })
    expect(csvImportPlan(`${header}A,1d,2026-04-06,9,\r\n`, importOptions)).toEqual({
      ok: false,
      error: 'Line 2: There is no row 9.',
    })
    expect(csvImportPlan(`${header}A,1d,2026-04-06,2,\r\nB,1d,2026-04-09,1,\r\n`, importOptions)).toEqual({
      ok: false,
      error: 'The predecessors form a cycle: line 2 (A) -> line 3 (B) -> back to the first.',
    })
  })
})

describe('csv import: round trip of start-no-earlier-than constraints', () => {
  it('export then import keeps every date, the constraints that bind and no others', () => {
    const day = 480
    const plan = makePlan('p', 'Constrained', '2026-04-06T08:00:00', '2026-04-01T00:00:00')
    plan.tasks = [
      makeTask(1, { name: 'Design', duration: 2 * day }),
      makeTask(2, { name: 'Phase', level: 1 }),
      makeTask(3, {
        name: 'Build',
        level: 2,
        duration: 3 * day,
        constraint: { type: 'SNET', date: '2026-04-14T13:00:00' },
      }),
      makeTask(4, { name: 'Test', level: 2, duration: day }),
      makeTask(5, {
        name: 'Review',
        level: 2,
        duration: day,
        constraint: { type: 'SNET', date: '2026-04-24T08:00:00' },
      }),
      makeTask(6, { name: 'Launch', level: 1, duration: 0, isMilestone: true }),
      makeTask(7, {
        name: 'Training',
        level: 1,
        duration: 2 * day,
        constraint: { type: 'SNET', date: '2026-04-21T08:00:00' },
      }),
    ]
    plan.dependencies = [
      { id: 1, predecessorId: 1, successorId: 2, type: 'FS', lag: 0, lagUnit: 'd' },
      { id: 2, predecessorId: 3, successorId: 4, type: 'FS', lag: 0, lagUnit: 'd' },
      { id: 3, predecessorId: 4, successorId: 5, type: 'FS', lag: 0, lagUnit: 'd' },
      { id: 4, predecessorId: 2, successorId: 6, type: 'FS', lag: 0, lagUnit: 'd' },
    ]
    const schedule = scheduled(plan)
    const result = csvImportPlan(csvExportText(plan, schedule), importOptions)
    if (!result.ok) throw new Error(result.error)
    expect(result.warnings).toEqual([])
    expect(constraintsOf(result.plan)).toEqual(constraintsOf(plan))
    const again = scheduled(result.plan)
    expect(Array.from(again.start, dateFromWallMinutes)).toEqual(
      Array.from(schedule.start, dateFromWallMinutes),
    )
    expect(Array.from(again.finish, dateFromWallMinutes)).toEqual(
      Array.from(schedule.finish, dateFromWallMinutes),
    )
  })
})
