import { describe, expect, it } from 'vitest'
import { dateFromWallMinutes, dateToWallMinutes } from '../../src/shared/domain/dates'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'
import type { Schedule } from '../../src/shared/domain/schedule-types'
import {
  xlsxBuildPlanWorkbook,
  xlsxColors,
  xlsxGanttTimeline,
  xlsxMilestoneMark,
  xlsxMilestoneStatus,
  xlsxScheduleHeaders,
  xlsxTaskRowStates,
} from '../../src/shared/formats/xlsx/build'
import { exportDurationText, exportPredecessorTexts, exportWbsNumbers } from '../../src/shared/formats/xlsx/plan-table'
import type { XlsxCell, XlsxSheet, XlsxWorkbook } from '../../src/shared/formats/xlsx/spec'
import { generatePlan } from '../support/generate-plan'
import { samplePlan, samplePlanNow, trackedSamplePlan } from '../main/export-plans'
import { outlinePlan, outlinePlanCollapsed, outlinePlanHidden, outlinePlanLevels, outlinePlanNow } from '../main/export-xlsx-outline-plan'

function scheduled(plan: Plan): Schedule {
  const result = scheduleRun(plan)
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '))
  return result.schedule
}

function sheet(workbook: XlsxWorkbook, name: string): XlsxSheet {
  const found = workbook.sheets.find((candidate) => candidate.name === name)
  if (found === undefined) throw new Error(`no sheet ${name}`)
  return found
}

/** A cell as a short comparable value: dates as text, fills as `#RRGGBB`. */
function show(cell: XlsxCell | null | undefined): unknown {
  if (cell === null || cell === undefined) return null
  if (cell.type === 'date') return dateFromWallMinutes(cell.value).slice(0, 16)
  if (cell.type === 'empty') return `#${cell.style.fill ?? ''}`
  return cell.value
}

function sampleWorkbook(): XlsxWorkbook {
  const plan = samplePlan()
  return xlsxBuildPlanWorkbook(plan, scheduled(plan), { now: samplePlanNow })
}

describe('task table text', () => {
  it('numbers the outline like Microsoft Project', () => {
    const plan = makePlan('p', 'p', '2026-01-05T08:00:00', '2026-01-01T00:00:00', {
      tasks: [1, 2, 3, 3, 2, 1, 2, 1].map((level, index) => makeTask(index + 1, { level })),
    })
    expect(exportWbsNumbers(plan)).toEqual(['1', '1.1', '1.1.1', '1.1.2', '1.2', '2', '2.1', '3'])
  })

  it('writes durations in their units', () => {
    const settings = makePlan('p', 'p', '2026-01-05T08:00:00', '2026-01-01T00:00:00').settings
    expect(exportDurationText(5 * 480, 'd', settings)).toBe('5d')
    expect(exportDurationText(1.5 * 2400, 'w', settings)).toBe('1.5w')
    expect(exportDurationText(90, 'h', settings)).toBe('1.5h')
    expect(exportDurationText(3 * 1440, 'ed', settings)).toBe('3ed')
    expect(exportDurationText(480, 'd', settings)).toBe('1d')
  })

  it('writes lags and leads of every unit in predecessor lists', () => {
    const plan = makePlan('p', 'p', '2026-01-05T08:00:00', '2026-01-01T00:00:00', {
      tasks: [1, 2, 3, 4, 5].map((id) => makeTask(id)),
      dependencies: [
        { id: 1, predecessorId: 1, successorId: 5, type: 'FS', lag: -480, lagUnit: 'd' },
        { id: 2, predecessorId: 2, successorId: 5, type: 'SS', lag: 50, lagUnit: '%' },
        { id: 3, predecessorId: 3, successorId: 5, type: 'FF', lag: 120, lagUnit: 'h' },
        { id: 4, predecessorId: 4, successorId: 5, type: 'SF', lag: 0, lagUnit: 'd' },
      ],
    })
    expect(exportPredecessorTexts(plan)[4]).toBe('1FS-1d, 2SS+50%, 3FF+2h, 4SF')
  })

  it('lists predecessors by row ID with type and lag', () => {
    expect(exportPredecessorTexts(samplePlan())).toEqual(['', '', '2', '3FS+1d', '', '3', '6SS+2d', '7FF', '8'])
  })
})

describe('Schedule sheet', () => {
  it('has the header, one row per task with typed values, outline levels, frozen header and an autofilter', () => {
    const schedule = sheet(sampleWorkbook(), 'Schedule')
    expect(schedule.rows[0]?.cells.map(show)).toEqual([...xlsxScheduleHeaders, 'Fixed cost (USD)', 'Cost (USD)', 'Actual cost (USD)', 'Remaining cost (USD)'])
    // Cost = work hours × rate: Backend is Ana's 40 h at 80 (3,200); Frontend Ana's 20 h at 50 % and 80 (1,600) plus
    // Ben's 40 h at 60.50 (2,420) = 4,020; Build adds them up (7,220). Nothing with cost has progress yet, and no task has
    // a fixed cost (that cell stays empty).
    expect(schedule.rows.slice(1).map((row) => row.cells.map(show))).toEqual([
      [1, '1', 'Discovery', 7, '2026-03-02T08:00', '2026-03-10T17:00', null, null, 0, 0.42, 0, 'Yes', 'Fixed Units', 'Auto', null, 0, 0, 0],
      [2, '1.1', 'Kick-off, "alpha"', 1, '2026-03-02T08:00', '2026-03-02T17:00', null, null, 0, 1, 0, 'Yes', 'Fixed Units', 'Auto', null, 0, 0, 0],
      [3, '1.2', '=HYPERLINK("http://example.com","x")', 3, '2026-03-03T08:00', '2026-03-05T17:00', '2', null, 0, 0.5, 0, 'Yes', 'Fixed Units', 'Auto', null, 0, 0, 0],
      [4, '1.3', 'Café résumé – naïve', 2, '2026-03-09T08:00', '2026-03-10T17:00', '3FS+1d', null, 0, 0, 5, 'No', 'Fixed Units', 'Auto', null, 0, 0, 0],
      // A summary's work is its subtasks' (40 h + 60 h).
      [5, '2', 'Build', 8, '2026-03-06T08:00', '2026-03-18T17:00', null, null, 100, 0, 0, 'Yes', 'Fixed Units', 'Auto', null, 7220, 0, 7220],
      [6, '2.1', '+Backend\nAPI', 5, '2026-03-06T08:00', '2026-03-12T17:00', '3', 'Ana Ferreira', 40, 0, 0, 'Yes', 'Fixed Units', 'Auto', null, 3200, 0, 3200],
      // Ana's day off on 16 March stretches her half of Frontend to the 18th; someone works on it six days.
      [7, '2.2', '-Frontend', 6, '2026-03-10T08:00', '2026-03-18T17:00', '6SS+2d', 'Ana Ferreira[50%], Ben', 60, 0, 0, 'Yes', 'Fixed Units', 'Auto', null, 4020, 0, 4020],
      [8, '2.3', '@Review', 2, '2026-03-17T08:00', '2026-03-18T17:00', '7FF', null, 0, 0, 0, 'Yes', 'Fixed Units', 'Auto', null, 0, 0, 0],
      [9, '3', 'Go-live', 0, '2026-03-18T17:00', '2026-03-18T17:00', '8', null, 0, 0, 0, 'Yes', 'Fixed Units', 'Auto', null, 0, 0, 0],
    ])
    expect(schedule.rows.slice(1).map((row) => row.outlineLevel)).toEqual([0, 1, 1, 1, 0, 1, 1, 1, 0])
    expect(schedule.frozen).toEqual({ rows: 1, columns: 3 })
    expect(schedule.autoFilter).toEqual({ fromRow: 0, fromColumn: 0, toRow: 9, toColumn: 17 })
    // Every header fits its column with the filter button beside it ("Duration (d" and "Total slack (d" were cut).
    schedule.columns.forEach((column, index) => expect(column.width).toBeGreaterThanOrEqual((xlsxScheduleHeaders[index] ?? '').length + 3))
    // The ID is centred, apart from the WBS number ("7" and "2" read as "72").
    expect(schedule.rows.slice(1).every((row) => row.cells[0]?.style?.horizontal === 'center')).toBe(true)
    expect(schedule.hasSummaryAbove).toBe(true)
    const start = schedule.rows[1]?.cells[4]
    expect(start?.type === 'date' && start.style?.numFmt).toBe('yyyy-mm-dd hh:mm')
  })

  it('writes summary names in bold and indents names, left-aligned, two steps per outline level', () => {
    const schedule = sheet(sampleWorkbook(), 'Schedule')
    const nameStyles = schedule.rows.slice(1).map((row) => row.cells[2]?.style)
    expect(nameStyles.map((style) => [style?.isBold, style?.indent])).toEqual([
      [true, 0],
      [false, 2],
      [false, 2],
      [false, 2],
      [true, 0],
      [false, 2],
      [false, 2],
      [false, 2],
      [false, 0],
    ])
    // Excel shows an indent only on left-aligned text.
    expect(nameStyles.every((style) => style?.horizontal === 'left')).toBe(true)
  })
})

describe('Gantt sheet', () => {
  it('uses one column per day for a short plan, shading weekends and holidays', () => {
    const gantt = sheet(sampleWorkbook(), 'Gantt')
    const days = gantt.rows[0]?.cells.slice(2).map((cell) => (show(cell) as string).slice(0, 10))
    expect(days).toHaveLength(17)
    expect(days?.[0]).toBe('2026-03-02')
    expect(days?.[16]).toBe('2026-03-18')
    const shaded = gantt.columns.slice(2).map((column, index) => (column.style?.fill === xlsxColors.nonWorking ? days?.[index] : null))
    expect(shaded.filter((day) => day !== null)).toEqual(['2026-03-07', '2026-03-08', '2026-03-13', '2026-03-14', '2026-03-15'])
    expect(gantt.frozen).toEqual({ rows: 1, columns: 2 })
  })

  it('draws bars as filled cells, lighter over non-working days, critical in red, summaries dark, milestones as ◆', () => {
    const gantt = sheet(sampleWorkbook(), 'Gantt')
    const bars = gantt.rows.slice(1).map((row) => (row.spans ?? []).map((span) => [span.from - 2, span.to - 2, show(span.cell)]))
    expect(bars).toEqual([
      [[0, 4, `#${xlsxColors.summaryBar}`], [5, 6, `#${xlsxColors.summaryBarNonWorking}`], [7, 8, `#${xlsxColors.summaryBar}`]],
      [[0, 0, `#${xlsxColors.criticalBar}`]],
      [[1, 3, `#${xlsxColors.criticalBar}`]],
      [[7, 8, `#${xlsxColors.bar}`]],
      [
        [4, 4, `#${xlsxColors.summaryBar}`],
        [5, 6, `#${xlsxColors.summaryBarNonWorking}`],
        [7, 10, `#${xlsxColors.summaryBar}`],
        [11, 13, `#${xlsxColors.summaryBarNonWorking}`],
        [14, 16, `#${xlsxColors.summaryBar}`],
      ],
      [[4, 4, `#${xlsxColors.criticalBar}`], [5, 6, `#${xlsxColors.criticalBarNonWorking}`], [7, 10, `#${xlsxColors.criticalBar}`]],
      [[8, 10, `#${xlsxColors.criticalBar}`], [11, 13, `#${xlsxColors.criticalBarNonWorking}`], [14, 16, `#${xlsxColors.criticalBar}`]],
      [[15, 16, `#${xlsxColors.criticalBar}`]],
      [[16, 16, xlsxMilestoneMark]],
    ])
  })

  it('switches to one column per week when the plan is longer than 120 days', () => {
    const plan = generatePlan({ tasks: 400, seed: 7 })
    const schedule = scheduled(plan)
    const timeline = xlsxGanttTimeline(plan, schedule)
    expect(timeline.unit).toBe('week')
    const days = (schedule.projectFinish - schedule.projectStart) / 1440
    expect(days).toBeGreaterThan(120)
    expect(timeline.starts.every((day, index) => index === 0 || day - (timeline.starts[index - 1] as number) === 7)).toBe(true)
    // Weeks start on the plan's week start day (Monday) and cover the whole project.
    expect(new Date((timeline.starts[0] as number) * 86_400_000).getUTCDay()).toBe(1)
    expect(timeline.starts[0]! * 1440).toBeLessThanOrEqual(schedule.projectStart)
    expect((timeline.starts.at(-1)! + 7) * 1440).toBeGreaterThanOrEqual(schedule.projectFinish)
    const gantt = sheet(xlsxBuildPlanWorkbook(plan, schedule, { now: '2026-01-01T00:00:00' }), 'Gantt')
    expect(gantt.columns).toHaveLength(2 + timeline.starts.length)
    // Every task row has a bar or a milestone mark inside the timeline.
    for (const row of gantt.rows.slice(1)) {
      expect(row.spans?.length ?? 0).toBeGreaterThan(0)
      for (const span of row.spans ?? []) {
        expect(span.from).toBeGreaterThanOrEqual(2)
        expect(span.to).toBeLessThan(gantt.columns.length)
      }
    }
  })
})

describe('Resources and Resource usage sheets', () => {
  it('lists resources with units, rate, vacations, work and cost', () => {
    const resources = sheet(sampleWorkbook(), 'Resources')
    expect(resources.rows.map((row) => row.cells.map(show))).toEqual([
      ['Name', 'Role', 'Initials', 'Email', 'Max units', 'Rate per hour (USD)', 'Vacations', 'Work (hours)', 'Cost (USD)'],
      // Ana: 40 h on Backend + 50 % of Frontend's 5 days = 60 h: her vacation day stretches Frontend, it does not
      // take her work away.
      ['Ana Ferreira', '=cmd|calc', 'AF', 'ana@example.com', 1, 80, '2026-03-16', 60, 4800],
      ['Ben', 'Tester', 'B', null, 0.5, 60.5, null, 40, 2420],
    ])
  })

  it('shows weekly load with over-allocated weeks in red, including a week that is only over on single days', () => {
    const usage = sheet(sampleWorkbook(), 'Resource usage')
    expect(usage.rows.map((row) => row.cells.map(show))).toEqual([
      ['Resource', 'Max units', '2026-03-02T00:00', '2026-03-09T00:00', '2026-03-16T00:00'],
      // Week of 9 March has a holiday: Ana has 32 h available and 44 h assigned.
      ['Ana Ferreira', 1, 0.2, 1.38, 0.25],
      // Ben is half-time: 24 h against 16 h, then 16 h against 20 h but 8 h a day against 4 h.
      ['Ben', 0.5, null, 1.5, 0.8],
    ])
    const red = usage.rows.slice(1).map((row) => row.cells.slice(2).map((cell) => cell?.style?.fill === xlsxColors.overallocated))
    expect(red).toEqual([
      [false, true, false],
      [false, true, true],
    ])
  })
})

describe('Milestones sheet', () => {
  it('lists milestones by date with deadline, slack, status and critical flag', () => {
    const milestones = sheet(sampleWorkbook(), 'Milestones')
    expect(milestones.rows.map((row) => row.cells.map(show))).toEqual([
      ['ID', 'WBS', 'Name', 'Date', 'Deadline', 'Total slack (days)', 'Status', 'Critical'],
      [9, '3', 'Go-live', '2026-03-18T17:00', '2026-03-27T17:00', 0, 'due soon', 'Yes'],
    ])
  })

  it.each([
    ['2026-03-10T12:00:00', 0, 'due soon'],
    ['2026-02-01T00:00:00', 0, 'upcoming'],
    ['2026-03-18T00:00:00', 0, 'overdue'],
    ['2026-03-18T00:00:00', 100, 'done'],
  ] as const)('a milestone on 17 March seen on %s at %i %% is %s', (now, percent, status) => {
    expect(xlsxMilestoneStatus(dateToWallMinutes('2026-03-17T17:00:00'), percent, dateToWallMinutes(now), 14)).toBe(status)
  })

  it('measures status against the plan status date when there is one', () => {
    const plan = { ...samplePlan(), statusDate: '2026-04-01T00:00:00' }
    const workbook = xlsxBuildPlanWorkbook(plan, scheduled(plan), { now: samplePlanNow })
    expect(show(sheet(workbook, 'Milestones').rows[1]?.cells[6])).toBe('overdue')
  })
})

/** Indexes of the task rows of a sheet (after the header) that have a flag set. */
function flagged(rows: XlsxSheet['rows'], flag: 'isHidden' | 'isCollapsed'): number[] {
  return rows.slice(1).flatMap((row, index) => (row[flag] === true ? [index] : []))
}

describe('collapsed summaries', () => {
  it.each(['Schedule', 'Gantt'])('open collapsed on the %s sheet: descendants hidden, the summary row collapsed, outline levels kept', (name) => {
    const plan = outlinePlan()
    const rows = sheet(xlsxBuildPlanWorkbook(plan, scheduled(plan), { now: outlinePlanNow }), name).rows
    expect(rows).toHaveLength(plan.tasks.length + 1)
    expect(rows[0]?.isHidden).toBeUndefined()
    expect(rows[0]?.isCollapsed).toBeUndefined()
    expect(rows.slice(1).map((row) => row.outlineLevel)).toEqual(outlinePlanLevels)
    // A.1 and B.1.b are expanded summaries inside collapsed ones: hidden, not collapsed. "Loose end" has the flag but
    // no children, so it has no group to collapse.
    expect(flagged(rows, 'isHidden')).toEqual(outlinePlanHidden)
    expect(flagged(rows, 'isCollapsed')).toEqual(outlinePlanCollapsed)
    const names = rows.slice(1).map((row) => show(name === 'Schedule' ? row.cells[2] : row.cells[1]))
    expect(names).toEqual(plan.tasks.map((task) => task.name))
  })

  it('hides nothing and collapses nothing when every summary is expanded', () => {
    const workbook = sampleWorkbook()
    for (const name of ['Schedule', 'Gantt']) {
      const rows = sheet(workbook, name).rows
      expect(flagged(rows, 'isHidden'), name).toEqual([])
      expect(flagged(rows, 'isCollapsed'), name).toEqual([])
    }
  })

  it('hides exactly the tasks that have a collapsed summary among their ancestors (generated plan)', () => {
    const plan = generatePlan({ tasks: 400, seed: 23 })
    const schedule = scheduled(plan)
    // Collapse every third summary, at every level, so collapsed summaries nest inside each other.
    let summaries = 0
    plan.tasks = plan.tasks.map((task, index) => (schedule.isSummary[index] === 1 && summaries++ % 3 === 0 ? { ...task, isCollapsed: true } : task))
    const hidden = plan.tasks.map((task, index) => {
      // Walk up the ancestors: the nearest earlier task of a lower level, again and again.
      let level = task.level
      for (let at = index - 1; at >= 0; at--) {
        const ancestor = plan.tasks[at]!
        if (ancestor.level >= level) continue
        if (ancestor.isCollapsed) return true
        level = ancestor.level
      }
      return false
    })
    const states = xlsxTaskRowStates(plan, schedule)
    expect(states.isHidden).toEqual(hidden)
    expect(states.isCollapsed).toEqual(plan.tasks.map((task, index) => task.isCollapsed && schedule.isSummary[index] === 1))
    expect(plan.tasks.filter((task, index) => task.isCollapsed && hidden[index]).length).toBeGreaterThan(0)
    expect(hidden.filter(Boolean).length).toBeGreaterThan(50)
    expect(hidden.filter((isHidden) => !isHidden).length).toBeGreaterThan(50)
    const rows = sheet(xlsxBuildPlanWorkbook(plan, schedule, { now: '2026-01-01T00:00:00' }), 'Gantt').rows.slice(1)
    expect(rows.map((row) => row.isHidden === true)).toEqual(hidden)
  })
})

describe('Tracking sheet', () => {
  function trackingSheet(): XlsxSheet {
    const plan = trackedSamplePlan()
    return sheet(xlsxBuildPlanWorkbook(plan, scheduled(plan), { now: samplePlanNow }), 'Tracking')
  }

  it('compares each task with the baseline earned value uses, variances in working days, and shows its progress', () => {
    const tracking = trackingSheet()
    // Figures derived in trackedSamplePlan's comment: Baseline 2, not Baseline 0, is the one compared with.
    expect(tracking.rows.slice(0, 2).map((row) => row.cells.map(show))).toEqual([
      ['Status date', null, '2026-03-10T17:00', null],
      ['Against', null, 'Baseline 2, set 2026-03-01 09:30; variances in working days'],
    ])
    expect(tracking.rows[3]?.cells.map(show)).toEqual([
      'ID', 'WBS', 'Name', 'Start', 'Finish', 'Baseline 2 start', 'Baseline 2 finish', 'Start var. (days)', 'Finish var. (days)',
      'Duration (days)', 'Baseline 2 dur. (days)', 'Dur. var. (days)', 'Work (hours)', 'Baseline 2 work (hours)', 'Work var. (hours)',
      'Cost (USD)', 'Baseline 2 cost (USD)', 'Cost var. (USD)', 'Actual start', 'Actual finish', '% Complete', 'Act. dur. (days)',
      'Rem. dur. (days)', 'Act. work (hours)', 'Rem. work (hours)',
    ])
    const row = (id: number): unknown[] => (tracking.rows[3 + id]?.cells ?? []).map(show)
    expect(row(6)).toEqual([
      6, '2.1', '+Backend\nAPI', '2026-03-06T08:00', '2026-03-12T17:00', '2026-03-04T08:00', '2026-03-10T17:00', 2, 2,
      5, 5, 0, 40, 40, 0, 3200, 3000, 200, '2026-03-06T08:00', null, 0.4, 2, 3, 16, 24,
    ])
    // Frontend has no baseline: blank baseline and variance cells; not started: no actual dates, all of it remaining.
    expect(row(7)).toEqual([
      7, '2.2', '-Frontend', '2026-03-10T08:00', '2026-03-18T17:00', null, null, null, null,
      6, null, null, 60, null, null, 4020, null, null, null, null, 0, 0, 6, 0, 60,
    ])
    // Kick-off is done without recorded actual dates: it started and finished as scheduled. Build sums its tasks' actual work.
    expect(row(2).slice(18)).toEqual(['2026-03-02T08:00', '2026-03-02T17:00', 1, 1, 0, 0, 0])
    expect(row(5).slice(18)).toEqual(['2026-03-06T08:00', null, 0.15, 1.23, 6.77, 16, 84])
    expect(tracking.frozen).toEqual({ rows: 4, columns: 3 })
    expect(tracking.autoFilter).toEqual({ fromRow: 3, fromColumn: 0, toRow: 12, toColumn: 24 })
    expect(tracking.print?.repeatRows).toEqual({ from: 0, to: 3 })
    expect(tracking.print?.repeatColumns).toEqual({ from: 0, to: 2 })
  })

  it('says when the baseline is not set and when the plan has no status date, leaving every baseline cell blank', () => {
    const plan = samplePlan()
    const tracking = sheet(xlsxBuildPlanWorkbook(plan, scheduled(plan), { now: samplePlanNow }), 'Tracking')
    expect(show(tracking.rows[0]?.cells[0])).toBe('As of')
    expect(show(tracking.rows[0]?.cells[2])).toBe('2026-03-10T12:00')
    expect(show(tracking.rows[1]?.cells[2])).toBe('Baseline, not set: no baseline figures until it is set')
    const baselineCells = tracking.rows.slice(4).flatMap((row) => [5, 6, 7, 8, 10, 11, 13, 14, 16, 17].map((column) => row.cells[column] ?? null))
    expect(baselineCells.every((cell) => cell === null)).toBe(true)
  })

  it('makes every header title fit its column on the table sheets', () => {
    const plan = trackedSamplePlan()
    const workbook = xlsxBuildPlanWorkbook(plan, scheduled(plan), { now: samplePlanNow })
    for (const name of ['Schedule', 'Resources', 'Milestones', 'Tracking', 'Earned value']) {
      const table = sheet(workbook, name)
      const header = table.rows.find((row) => show(row.cells[0]) === 'ID' || show(row.cells[0]) === 'Name')
      header?.cells.forEach((cell, index) => {
        expect(table.columns[index]?.width ?? 0, `${name} ${String(show(cell))}`).toBeGreaterThanOrEqual(String(show(cell)).length + 2)
      })
    }
  })
})

describe('Earned value sheet', () => {
  it('heads the table with the status date and the chosen baseline, and freezes the names and the header', () => {
    const plan = trackedSamplePlan()
    const value = sheet(xlsxBuildPlanWorkbook(plan, scheduled(plan), { now: samplePlanNow }), 'Earned value')
    expect(show(value.rows[1]?.cells[2])).toBe('Baseline 2, set 2026-03-01 09:30; earned value by % complete')
    // Backend: BAC 3,000; PV the whole baseline by its 10 March finish; EV 40 % of 3,000; AC 16 h × 80.
    expect((value.rows[3 + 6]?.cells ?? []).slice(3, 7).map(show)).toEqual([3000, 3000, 1200, 1280])
    expect(value.frozen).toEqual({ rows: 4, columns: 3 })
    expect(value.autoFilter).toEqual({ fromRow: 3, fromColumn: 0, toRow: 12, toColumn: 13 })
    expect(value.print?.repeatRows).toEqual({ from: 0, to: 3 })
  })
})
