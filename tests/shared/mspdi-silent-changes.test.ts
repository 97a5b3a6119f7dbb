/**
 * Issue 13 item 3: nothing changes on import without a word. Each case was once imported silently changed or with
 * elements dropped; now it is read correctly, refused, or named in the import's warnings.
 */
import { describe, expect, it } from 'vitest'
import { dateFromWallMinutes } from '../../src/shared/domain/dates'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import { scheduleRun } from '../../src/shared/domain/schedule'
import { mspdiRead } from '../../src/shared/formats/mspdi'
import { formatsExport, formatsImport } from '../../src/shared/formats/pipeline'
import { mspdiMinimal } from '../fixtures/mspdi/build'

const importXml = (text: string) => formatsImport({ text, fileName: 'plan.xml', kind: 'mspdi', planId: 'p', now: '2026-01-01T09:00:00' })

function read(text: string) {
  const result = mspdiRead(text, { planId: 'p', now: '2026-01-01T09:00:00' })
  if (!result.ok) throw new Error(result.error.message)
  return result
}

describe('years 0001-0099 and near 9999', () => {
  it('keeps a plan in the year 0050 in the year 0050 (Date.UTC moved it to 1950)', () => {
    const text = mspdiMinimal([{ uid: 1, name: 'Roman works', start: '0050-03-01T08:00:00', finish: '0050-03-01T17:00:00' }]).replace(
      '<StartDate>2026-01-05T08:00:00</StartDate>',
      '<StartDate>0050-03-01T08:00:00</StartDate>',
    )
    const result = importXml(text)
    if (!result.ok) throw new Error(result.message)
    expect(result.plan.start).toBe('0050-03-01T08:00:00')
    const schedule = scheduleRun(result.plan)
    if (!schedule.ok) throw new Error('not scheduled')
    expect(dateFromWallMinutes(schedule.schedule.start[0] as number)).toBe('0050-03-01T08:00:00')
    expect(dateFromWallMinutes(schedule.schedule.finish[0] as number)).toBe('0050-03-01T17:00:00')
  })

  it('refuses a plan whose schedule would run past 9999-12-31, naming the task, instead of writing year 10000', () => {
    const text = mspdiMinimal([{ uid: 1, name: 'Forever', duration: 'PT80000H0M0S', start: '9990-01-04T08:00:00', finish: '9990-01-04T17:00:00' }]).replace(
      '<StartDate>2026-01-05T08:00:00</StartDate>',
      '<StartDate>9990-01-04T08:00:00</StartDate>',
    )
    // The reader alone reads it; the pipeline schedules it and refuses what no file could hold.
    expect(mspdiRead(text).ok).toBe(true)
    const result = importXml(text)
    expect(result).toEqual({
      ok: false,
      code: 'bad-file',
      message: expect.stringMatching(/^"plan\.xml" cannot be imported\. Task 1 "Forever" would be scheduled after 9999-12-31, outside the dates a plan can hold\./),
      detail: expect.any(String),
    })
  })

  it('does not export a plan that finishes in year 10000: the export is refused, so no file Gantry refuses is written', () => {
    const plan = makePlan('p', 'Late', '9999-12-20T08:00:00', '2026-01-01T00:00:00', { tasks: [makeTask(1, { name: 'Last', duration: 20 * 480 })] })
    for (const format of ['mspdi', 'csv', 'xlsx'] as const) {
      expect(formatsExport(plan, format, { now: '2026-01-01T00:00:00' })).toEqual({
        ok: false,
        message: expect.stringMatching(/^The plan cannot be exported: Task 1 "Last" would be scheduled after 9999-12-31/),
      })
    }
  })
})

describe('work beyond the calendar range', () => {
  it('refuses work more than 100,000 days from the plan start instead of pinning it to 2298-10-22 00:00', () => {
    // 120,000 working days of 8 hours: far beyond what a calendar reaches from 2026.
    const text = mspdiMinimal([{ uid: 1, name: 'Very long', duration: 'PT960000H0M0S' }])
    const result = importXml(text)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.message).toMatch(/Task 1 "Very long" would be scheduled on or after 2299-.*more than 100,000 days \(about 270 years\) from the plan start/)
    const plan = makePlan('p', 'Long', '2026-01-05T08:00:00', '2026-01-01T00:00:00', { tasks: [makeTask(1, { name: 'Very long', duration: 960_000 * 60 })] })
    expect(formatsExport(plan, 'csv', { now: '2026-01-01T00:00:00' })).toEqual({ ok: false, message: expect.stringMatching(/more than 100,000 days/) })
  })

  it('imports work that fits, close to the limit', () => {
    const result = importXml(mspdiMinimal([{ uid: 1, name: 'Long', duration: 'PT400000H0M0S' }]))
    expect(result.ok).toBe(true)
  })
})

describe('a milestone flag on a task with a duration', () => {
  it('keeps the duration, as Microsoft Project does: its successor starts after it', () => {
    const text = mspdiMinimal([
      { uid: 1, name: 'Flagged', duration: 'PT40H0M0S', milestone: true },
      { uid: 2, name: 'Next', links: [{ uid: 1 }] },
    ])
    const result = importXml(text)
    if (!result.ok) throw new Error(result.message)
    expect(result.plan.tasks[0]).toMatchObject({ isMilestone: true, duration: 2400 })
    const schedule = scheduleRun(result.plan)
    if (!schedule.ok) throw new Error('not scheduled')
    expect(dateFromWallMinutes(schedule.schedule.finish[0] as number)).toBe('2026-01-09T17:00:00')
    expect(dateFromWallMinutes(schedule.schedule.start[1] as number)).toBe('2026-01-12T08:00:00')
  })
})

describe('repeated blocks, empty elements, resources without a UID', () => {
  it('reads a second <Tasks> list after the first and says so', () => {
    const text = mspdiMinimal([{ uid: 1, name: 'First' }], {
      after: '  <Tasks>\n    <Task><UID>2</UID><ID>2</ID><Name>Second list</Name><Duration>PT8H0M0S</Duration></Task>\n  </Tasks>\n',
    })
    const result = read(text)
    expect(result.plan.tasks.map((task) => task.name)).toEqual(['First', 'Second list'])
    expect(result.warnings).toContain('The file has 2 <Tasks> lists (Microsoft Project writes one); their tasks were read one list after the other.')
  })

  it('reads second <Resources> and <Assignments> lists too', () => {
    const resource = (uid: number, name: string) => `<Resources><Resource><UID>${uid}</UID><Name>${name}</Name></Resource></Resources>\n`
    const assignment = (uid: number, resourceUid: number) =>
      `<Assignments><Assignment><UID>${uid}</UID><TaskUID>1</TaskUID><ResourceUID>${resourceUid}</ResourceUID><Units>1</Units></Assignment></Assignments>\n`
    const text = mspdiMinimal([{ uid: 1, name: 'Work' }], { after: resource(1, 'Ana') + resource(2, 'Ben') + assignment(1, 1) + assignment(2, 2) })
    const result = read(text)
    expect(result.plan.resources.map((item) => item.name)).toEqual(['Ana', 'Ben'])
    expect(result.plan.assignments.map((item) => item.resourceId)).toEqual([1, 2])
    expect(result.warnings).toEqual([
      'The file has 2 <Resources> lists (Microsoft Project writes one); their resources were read one list after the other.',
      'The file has 2 <Assignments> lists (Microsoft Project writes one); their assignments were read one list after the other.',
    ])
  })

  it('names the empty <Task/> elements it leaves out', () => {
    const text = mspdiMinimal([{ uid: 1, name: 'Real' }]).replace('  </Tasks>', '    <Task/>\n    <Task></Task>\n  </Tasks>')
    const result = read(text)
    expect(result.plan.tasks.map((task) => task.name)).toEqual(['Real'])
    expect(result.warnings).toEqual(['2 empty <Task> elements (with nothing inside) were left out.'])
  })

  it('keeps a resource without a UID under a new one, and says so', () => {
    const text = mspdiMinimal([{ uid: 1 }], {
      after: '<Resources><Resource><UID>4</UID><Name>Ana</Name></Resource><Resource><Name>No id</Name></Resource><Resource><UID>x</UID><Name>Bad id</Name></Resource><Resource><UID>0</UID></Resource></Resources>\n',
    })
    const result = read(text)
    expect(result.plan.resources.map((resource) => [resource.id, resource.name])).toEqual([
      [4, 'Ana'],
      [5, 'No id'],
      [6, 'Bad id'],
    ])
    expect(result.warnings).toEqual([
      'Resource "No id" has no UID; it was given UID 5, and no assignment refers to it.',
      'Resource "Bad id" has the UID "x", which is not a whole number from 1 to 2147483647; it was given UID 6, and no assignment refers to it.',
    ])
  })

  it('names assignments it leaves out, but not Microsoft Project\'s "no resource" ones', () => {
    const text = mspdiMinimal([{ uid: 1 }], {
      after:
        '<Resources><Resource><UID>1</UID><Name>Ana</Name></Resource></Resources>\n<Assignments>' +
        '<Assignment><UID>1</UID><TaskUID>1</TaskUID><ResourceUID>-65535</ResourceUID></Assignment>' +
        '<Assignment><UID>2</UID><TaskUID>1</TaskUID></Assignment>' +
        '<Assignment><UID>3</UID><TaskUID>0</TaskUID><ResourceUID>1</ResourceUID></Assignment>' +
        '<Assignment/>' +
        '</Assignments>\n',
    })
    const result = read(text)
    expect(result.plan.assignments).toEqual([])
    expect(result.warnings).toEqual([
      'An assignment of resource 1 to the project summary task was left out (Gantry assigns resources to tasks).',
      '1 assignment(s) without a task UID or a resource UID from 1 up were left out.',
      'An empty <Assignment> element (with nothing inside) was left out.',
    ])
  })
})
