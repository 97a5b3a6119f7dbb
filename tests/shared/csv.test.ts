import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dateFromWallMinutes, dateParseTyped } from '../../src/shared/domain/dates'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import { scheduleRun } from '../../src/shared/domain/schedule'
import type { Plan } from '../../src/shared/domain/model'
import type { Schedule } from '../../src/shared/domain/schedule-types'
import {
  csvExportPlan,
  csvField,
  csvImportPlan,
  csvNeutralize,
  csvParse,
  csvUnNeutralize,
  csvParseDuration,
  csvTaskHeaders,
  csvWrite,
} from '../../src/shared/formats/csv'
import { samplePlan } from '../main/export-plans'

/** The CSV export's text (the test fails when the export refuses the plan). */
function csvExportText(...args: Parameters<typeof csvExportPlan>): string {
  const result = csvExportPlan(...args)
  if (!result.ok) throw new Error(result.error)
  return result.text
}

function scheduled(plan: Plan): Schedule {
  const result = scheduleRun(plan)
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '))
  return result.schedule
}

const importOptions = { planId: 'imported', now: '2026-03-01T09:00:00' }

describe('csv writing (RFC 4180)', () => {
  it.each([
    ['plain', '"plain"'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['crlf\r\nhere', '"crlf\r\nhere"'],
    ['', '""'],
    ['Café – naïve', '"Café – naïve"'],
    ['x;y\tz', '"x;y\tz"'],
  ])('writes %j as %j (every text cell quoted)', (value, expected) => {
    expect(csvField(value)).toBe(expected)
  })

  it.each([
    ['=1+1', "'=1+1"],
    ['+33 1 23', "'+33 1 23"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindented', "'\tindented"],
    ['\rreturn', "'\rreturn"],
    ['a=b', 'a=b'],
    [' =spaced', ' =spaced'],
    ['x;=1+1;', "x;'=1+1;"],
    ['x,+1', "x,'+1"],
    ['x\t@A1', "x\t'@A1"],
    ['line\n=1+1', "line\n'=1+1"],
    ['line\r\n-1', "line\r\n'-1"],
    ["'=already", "''=already"],
    ["a;''-b", "a;'''-b"],
    ['\t\t=x', "'\t'\t'=x"],
  ])('neutralizes %j as %j', (value, expected) => {
    expect(csvNeutralize(value)).toBe(expected)
    expect(csvUnNeutralize(expected)).toBe(value)
  })

  it('takes away exactly the apostrophes it added, for any text', () => {
    const text = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ',', ';', "'", 'a', ' '), maxLength: 20 })
    fc.assert(
      fc.property(text, (value) => {
        expect(csvUnNeutralize(csvNeutralize(value))).toBe(value)
      }),
      { numRuns: 2000 },
    )
  })

  it('quotes a neutralized field that also holds a quote', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
  })

  it('starts with a BOM and ends every record with CRLF', () => {
    const text = csvWrite([
      ['a', 'b'],
      [1, true],
      [null, 'x'],
    ])
    expect(text).toBe('\uFEFF"a","b"\r\n1,"true"\r\n,"x"\r\n')
  })

  it('writes numbers as numbers: a negative slack is data, not a formula', () => {
    expect(csvField(-3)).toBe('-3')
    expect(csvField(2.5)).toBe('2.5')
    expect(csvField(Number.NaN)).toBe('')
    expect(csvField('-3')).toBe(`"'-3"`)
  })
})

describe('csv parsing', () => {
  it('reads quoted fields with commas, doubled quotes, CRLF and LF inside', () => {
    const parsed = csvParse('\uFEFFa,"b,c","say ""hi""","x\r\ny"\r\n1,2,3,4\n')
    expect(parsed).toEqual({ ok: true, rows: [['a', 'b,c', 'say "hi"', 'x\r\ny'], ['1', '2', '3', '4']], lines: [1, 3] })
  })

  it('keeps empty fields and a last record without a line end', () => {
    expect(csvParse(',,\r\na,,b')).toEqual({ ok: true, rows: [['', '', ''], ['a', '', 'b']], lines: [1, 2] })
  })

  it('reports a quote that is never closed with its line', () => {
    expect(csvParse('a,b\r\n1,"open\r\nstill open')).toEqual({ ok: false, error: 'A quoted field opened on line 2 is never closed.' })
  })

  it('detects semicolon-separated files when asked to', () => {
    expect(csvParse('Name;Duration\r\nA;2d\r\n', 'auto')).toEqual({ ok: true, rows: [['Name', 'Duration'], ['A', '2d']], lines: [1, 2] })
    expect(csvParse('\r\nName\tDuration\r\nA\t2d\r\n', 'auto')).toEqual({ ok: true, rows: [[''], ['Name', 'Duration'], ['A', '2d']], lines: [1, 2, 3] })
  })

  it('round-trips any table of text (quotes, commas, CR, LF, accents, emoji)', () => {
    const cellText = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\r', '\n', ' ', 'ß', '😀', ';', 'x'), maxLength: 12 })
    // A cell starting with CR comes back with the apostrophe that neutralizes it; everything else comes back as written.
    fc.assert(
      fc.property(fc.array(fc.array(cellText, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const text = csvWrite(rows)
        const parsed = csvParse(text)
        expect(parsed).toEqual({ ok: true, rows: rows.map((row) => row.map(csvNeutralize)), lines: expect.any(Array) })
      }),
      { numRuns: 300 },
    )
  })
})

describe('csv export of a plan', () => {
  it('writes the task table of the sample plan exactly', () => {
    const plan = samplePlan()
    const text = csvExportText(plan, scheduled(plan))
    const lines = [
      csvTaskHeaders.map((title) => `"${title}"`).join(','),
      '1,"1","Discovery",1,"7d","2026-03-02 08:00","2026-03-10 17:00","","",41.67,0,"Yes","No"',
      '2,"1.1","Kick-off, ""alpha""",2,"1d","2026-03-02 08:00","2026-03-02 17:00","","",100,0,"Yes","No"',
      `3,"1.2","'=HYPERLINK(""http://example.com"",""x"")",2,"3d","2026-03-03 08:00","2026-03-05 17:00","2","",50,0,"Yes","No"`,
      '4,"1.3","Café résumé – naïve",2,"2d","2026-03-09 08:00","2026-03-10 17:00","3FS+1d","",0,5,"No","No"',
      '5,"2","Build",1,"8d","2026-03-06 08:00","2026-03-18 17:00","","",0,0,"Yes","No"',
      `6,"2.1","'+Backend\nAPI",2,"5d","2026-03-06 08:00","2026-03-12 17:00","3","Ana Ferreira",0,0,"Yes","No"`,
      `7,"2.2","'-Frontend",2,"5d","2026-03-10 08:00","2026-03-18 17:00","6SS+2d","Ana Ferreira[50%], Ben",0,0,"Yes","No"`,
      `8,"2.3","'@Review",2,"2d","2026-03-17 08:00","2026-03-18 17:00","7FF","",0,0,"Yes","No"`,
      '9,"3","Go-live",1,"0d","2026-03-18 17:00","2026-03-18 17:00","8","",0,0,"Yes","Yes"',
    ]
    expect(text).toBe(`\uFEFF${lines.join('\r\n')}\r\n`)
  })

  it('puts an apostrophe before every cell that starts like a formula and nowhere else', () => {
    const plan = makePlan('p', 'p', '2026-03-02T08:00:00', '2026-03-01T00:00:00', {
      tasks: ['=1+1', '+1', '-1', '@A1', '\tTab', '\rCR', 'ok=1'].map((name, index) => makeTask(index + 1, { name })),
    })
    const parsed = csvParse(csvExportText(plan, scheduled(plan)))
    if (!parsed.ok) throw new Error(parsed.error)
    expect(parsed.rows.slice(1).map((row) => row[2])).toEqual(["'=1+1", "'+1", "'-1", "'@A1", "'\tTab", "'\rCR", 'ok=1'])
  })
})

describe('csv import', () => {
  it('round-trips the sample plan: names, outline, durations, links, resources and scheduled dates', () => {
    const plan = samplePlan()
    const schedule = scheduled(plan)
    const result = csvImportPlan(csvExportText(plan, schedule), importOptions)
    if (!result.ok) throw new Error(result.error)
    const imported = result.plan
    expect(imported.tasks.map((task) => [task.name, task.level, task.isMilestone])).toEqual(
      plan.tasks.map((task) => [task.name, task.level, task.isMilestone]),
    )
    const leaves = [1, 2, 3, 5, 6, 7, 8]
    expect(leaves.map((index) => imported.tasks[index]?.duration)).toEqual(leaves.map((index) => plan.tasks[index]?.duration))
    expect(imported.dependencies.map(({ predecessorId, successorId, type, lag, lagUnit }) => ({ predecessorId, successorId, type, lag, lagUnit }))).toEqual(
      plan.dependencies.map(({ predecessorId, successorId, type, lag, lagUnit }) => ({ predecessorId, successorId, type, lag, lagUnit })),
    )
    expect(imported.resources.map((resource) => resource.name)).toEqual(['Ana Ferreira', 'Ben'])
    expect(imported.assignments.map(({ taskId, resourceId, units }) => ({ taskId, resourceId, units }))).toEqual(
      plan.assignments.map(({ taskId, resourceId, units }) => ({ taskId, resourceId, units })),
    )
    expect(imported.tasks.map((task) => task.percentComplete)).toEqual([expect.any(Number), 100, 50, 0, 0, 0, 0, 0, 0])
    expect(imported.start).toBe('2026-03-02T08:00:00')
    // The imported plan has the holiday-free Standard calendar, so compare the tasks before the holiday (13 March).
    const again = scheduled(imported)
    for (const index of [0, 1, 2, 3]) {
      expect(dateFromWallMinutes(again.start[index] as number)).toBe(dateFromWallMinutes(schedule.start[index] as number))
      expect(dateFromWallMinutes(again.finish[index] as number)).toBe(dateFromWallMinutes(schedule.finish[index] as number))
    }
  })

  it('turns a later start of an unlinked task into a start-no-earlier-than constraint', () => {
    const text = 'Name,Duration,Start\r\nFirst,2d,2026-04-06\r\nLater,1d,2026-04-15 13:00\r\n'
    const result = csvImportPlan(text, importOptions)
    if (!result.ok) throw new Error(result.error)
    expect(result.plan.start).toBe('2026-04-06T08:00:00')
    expect(result.plan.tasks.map((task) => task.constraint)).toEqual([
      { type: 'ASAP', date: null },
      { type: 'SNET', date: '2026-04-15T13:00:00' },
    ])
    const schedule = scheduled(result.plan)
    expect(dateFromWallMinutes(schedule.start[1] as number)).toBe('2026-04-15T13:00:00')
  })

  it('reads a minimal file with only names, and semicolons as Excel writes them in Europe', () => {
    const result = csvImportPlan('\uFEFFName;Duration;Predecessors\r\nDesign;3 days;\r\nBuild;2w;1\r\n', importOptions)
    if (!result.ok) throw new Error(result.error)
    expect(result.plan.tasks.map((task) => [task.name, task.duration, task.durationUnit])).toEqual([
      ['Design', 3 * 480, 'd'],
      ['Build', 2 * 2400, 'w'],
    ])
    expect(result.plan.dependencies).toHaveLength(1)
    expect(result.plan.start).toBe('2026-03-01T08:00:00')
  })

  it.each([
    ['', 'The CSV file is empty.'],
    ['Duration,Start\r\n2d,2026-01-01\r\n', 'The first line must name the columns, with at least a "Name" column.'],
    ['Name,Duration\r\nA,soon\r\n', 'Line 2: "soon" is not a duration; write e.g. 3d, 2.5w, 4h, 30m, 1mo or 1ed.'],
    ['Name,Duration\r\nA,-2d\r\n', 'Line 2: A duration cannot be negative ("-2d").'],
    ['Name,Duration\r\nA,2 fortnights\r\n', 'Line 2: "fortnights" is not a duration unit; use m, h, d, w, mo or their elapsed forms em, eh, ed, ew, emo.'],
    ['Name,Start\r\nA,2026-02-30\r\n', 'Line 2: start "2026-02-30" is not a real date; write it as YYYY-MM-DD or YYYY-MM-DD HH:MM.'],
    ['Name,Outline level\r\nA,1\r\nB,3\r\n', 'Line 3: outline level 3 skips a level (the row above is at level 1).'],
    ['Name,Outline level\r\nA,0\r\n', 'Line 2: outline level "0" must be a whole number from 1 to 100.'],
    ['Name,Predecessors\r\nA,\r\nB,7\r\n', 'Line 3: There is no row 7.'],
    ['Name,Predecessors\r\nA,\r\nB,1;1\r\n', 'Line 3: Row 1 is listed twice.'],
    ['Name,Predecessors\r\nA,1\r\n', 'Line 2: A task cannot be its own predecessor (1).'],
    ['Name,Predecessors\r\nA,soon\r\n', 'Line 2: "soon" is not a predecessor; write e.g. 3, 3FS+2d, 5SS or 7FF-1d.'],
    ['Name,Predecessors\r\nA,3\r\nB,1\r\nC,2\r\n', 'The predecessors form a cycle: line 2 (A) -> line 3 (B) -> line 4 (C) -> back to the first.'],
    ['Name,Resources\r\nA,Ana[0%]\r\n', 'Line 2: Units for Ana must be more than 0 % (remove the resource to unassign it).'],
    ['Name,Resources\r\nA,Ana[5000%]\r\n', 'Line 2: Units for Ana must be at most 1000 % (5000 % is not plausible).'],
    ['Name,% Complete\r\nA,120\r\n', 'Line 2: % complete "120" must be a number from 0 to 100.'],
    ['ID,Name\r\n1,A\r\n1,B\r\n', 'Line 3: ID 1 is used twice.'],
    ['Name\r\n"never closed\r\n', 'A quoted field opened on line 2 is never closed.'],
    ['\u0000\u0001PK\u0003\u0004', 'This is not a CSV text file (it contains binary data).'],
  ])('refuses %j with a clear message', (text, error) => {
    expect(csvImportPlan(text, importOptions)).toEqual({ ok: false, error })
  })

  it('counts blank lines in the line numbers of messages', () => {
    expect(csvImportPlan('Name,Duration\r\nA,1d\r\n\r\nB,bad\r\n', importOptions)).toEqual({
      ok: false,
      error: 'Line 4: "bad" is not a duration; write e.g. 3d, 2.5w, 4h, 30m, 1mo or 1ed.',
    })
  })

  it.each([
    ['5d', 5 * 480, 'd'],
    ['1.5 weeks', 1.5 * 2400, 'w'],
    ['3h', 180, 'h'],
    ['45 min', 45, 'm'],
    ['2ed', 2 * 1440, 'ed'],
    ['2', 2 * 480, 'd'],
    ['0', 0, 'd'],
    ['1,5d', 720, 'd'],
  ])('parses the duration %j', (text, minutes, unit) => {
    expect(csvParseDuration(text, makePlan('p', 'p', '2026-01-05T08:00:00', '2026-01-01T00:00:00').settings)).toEqual({ ok: true, minutes, unit })
  })

  it.each([
    ['2026-03-02', '2026-03-02T08:00:00'],
    ['2026-03-02 13:30', '2026-03-02T13:30:00'],
    ['2026-03-02T13:30:15', '2026-03-02T13:30:15'],
    ['02/03/2026', null],
    ['2026-13-01', null],
  ])('parses the date %j', (text, expected) => {
    expect(dateParseTyped(text, 480)).toBe(expected)
  })
})
