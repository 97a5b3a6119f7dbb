import { describe, expect, it } from 'vitest'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import { dateToWallMinutes } from '../../src/shared/domain/dates'
import { scheduleRun } from '../../src/shared/domain/schedule'
import { dateParseTyped } from '../../src/shared/domain/dates'
import { dateLocaleSet, dateOrder } from '../../src/renderer/src/ui/date-format'
import { cellText } from '../../src/renderer/src/features/workspace/cells'
import { deriveWorkspace } from '../../src/renderer/src/features/workspace/derived'
import { layoutScaleCells, layoutTimeScale, layoutVisibleRows, layoutWbs, scaleMinutes, scaleX } from '../../src/renderer/src/features/workspace/layout'
import { milestonesList } from '../../src/renderer/src/features/workspace/milestones'

/*
 *   1 Phase [1] (collapsed)
 *   2   Design [2]
 *   3     Detail [3]
 *   4 Launch [1] milestone, linked from 3 with 3FS+1d
 */
function plan() {
  return makePlan('p', 'P', '2026-01-05T08:00:00', '2026-01-01T00:00:00', {
    tasks: [
      makeTask(1, { name: 'Phase', level: 1, isCollapsed: true }),
      makeTask(2, { name: 'Design', level: 2 }),
      makeTask(3, { name: 'Detail', level: 3, duration: 960 }),
      makeTask(4, { name: 'Launch', level: 1, isMilestone: true, duration: 0 }),
    ],
    dependencies: [{ id: 1, predecessorId: 3, successorId: 4, type: 'FS', lag: 480, lagUnit: 'd' }],
  })
}

describe('workspace layout', () => {
  it('hides the rows under a collapsed summary', () => {
    expect(Array.from(layoutVisibleRows(plan().tasks))).toEqual([0, 3])
    const expanded = plan()
    expanded.tasks[0] = { ...(expanded.tasks[0] as (typeof expanded.tasks)[number]), isCollapsed: false }
    expect(Array.from(layoutVisibleRows(expanded.tasks))).toEqual([0, 1, 2, 3])
  })

  it('numbers the outline', () => {
    expect(layoutWbs(plan().tasks)).toEqual(['1', '1.1', '1.1.1', '2'])
  })

  it('maps wall minutes to x and back', () => {
    const scale = layoutTimeScale('day', 20_458, 20_500)
    const minutes = dateToWallMinutes('2026-01-07T12:00')
    expect(scaleMinutes(scale, scaleX(scale, minutes))).toBeCloseTo(minutes, 6)
    expect(scale.originDay % 7).toBe(4) // a Monday (day 0 was a Thursday)
  })

  it('builds header cells covering the range, months at week zoom', () => {
    const scale = layoutTimeScale('week', 20_458, 20_600)
    const cells = layoutScaleCells(scale, 'month', 0, 400)
    expect(cells[0]?.x).toBeLessThanOrEqual(0)
    expect((cells.at(-1)?.x ?? 0) + (cells.at(-1)?.width ?? 0)).toBeGreaterThanOrEqual(400)
    expect(cells.map((cell) => cell.title)).toContain('2026-01')
  })

  it('shows cells with the engine text formats', () => {
    const current = plan()
    const result = scheduleRun(current)
    if (!result.ok) throw new Error(result.problems[0]?.message)
    const derived = deriveWorkspace(current, result.schedule)
    expect(cellText(derived, 2, 'duration')).toBe('2d')
    expect(cellText(derived, 3, 'predecessors')).toBe('3FS+1d')
    expect(cellText(derived, 3, 'id')).toBe('4')
    expect(cellText(derived, 2, 'wbs')).toBe('1.1.1')
    // Dates in the user's locale: 1/5/2026 in the US, 5.1.2026 in Germany, 2026-01-05 in Sweden.
    dateLocaleSet('en-US')
    expect(cellText(derived, 2, 'start')).toBe('1/5/2026')
    dateLocaleSet('de-DE')
    expect(cellText(derived, 2, 'start')).toBe('5.1.2026')
    dateLocaleSet('sv-SE')
    expect(cellText(derived, 2, 'start')).toBe('2026-01-05')
    dateLocaleSet(undefined)
  })

  it("reads typed dates in the order of the user's locale", () => {
    dateLocaleSet('en-US')
    expect(dateOrder()).toBe('mdy')
    dateLocaleSet('en-GB')
    expect(dateOrder()).toBe('dmy')
    dateLocaleSet('de-DE')
    expect(dateOrder()).toBe('dmy')
    dateLocaleSet('sv-SE')
    expect(dateOrder()).toBe('ymd')
    dateLocaleSet('ja-JP')
    expect(dateOrder()).toBe('ymd')
    dateLocaleSet(undefined)
  })

  it('fills the chart pane with the time scale at every zoom, however short the plan (the Quarter zoom stopped mid-pane)', () => {
    for (const zoom of ['day', 'week', 'month', 'quarter'] as const) {
      expect(layoutTimeScale(zoom, 20_458, 20_470, 1200).width).toBeGreaterThanOrEqual(1200)
    }
    expect(layoutTimeScale('quarter', 20_458, 20_470).width).toBeLessThan(200)
  })

  it('draws a period that began before the chart from the chart\'s first day, with a label that fits (Q1 2026 read "026")', () => {
    // 2026-03-02 (day 20_514) at the Quarter zoom: the chart starts in February, inside Q1 2026.
    const scale = layoutTimeScale('quarter', 20_514, 20_530, 900)
    const [first, second] = layoutScaleCells(scale, 'quarter', 0, 900)
    expect(first?.x).toBe(0)
    expect(first?.label).toBe('Q1')
    expect((first?.width ?? 0) + (first?.x ?? 0)).toBeCloseTo(second?.x ?? -1, 6)
    expect(second?.label).toBe('Q2 2026')
  })

  it('reads typed dates', () => {
    expect(dateParseTyped('2026-03-02', 480)).toBe('2026-03-02T08:00:00')
    expect(dateParseTyped('2026-03-02 13:30', 480)).toBe('2026-03-02T13:30:00')
    expect(dateParseTyped('2026-02-30', 480)).toBeNull()
    expect(dateParseTyped('next week', 480)).toBeNull()
  })
})

describe('milestones view', () => {
  it('lists milestones by date with slack and status', () => {
    const current = plan()
    current.tasks.push(makeTask(5, { name: 'Kick-off', level: 1, isMilestone: true, duration: 0, percentComplete: 100 }))
    const result = scheduleRun(current)
    if (!result.ok) throw new Error(result.problems[0]?.message)
    const launch = dateToWallMinutes('2026-01-08T08:00')
    const rows = milestonesList(current, result.schedule, launch - 20 * 1440)
    expect(rows.map((row) => row.task.name)).toEqual(['Kick-off', 'Launch'])
    expect(rows.map((row) => row.status)).toEqual(['done', 'upcoming'])
    expect(milestonesList(current, result.schedule, launch - 3 * 1440)[1]?.status).toBe('due soon')
    expect(milestonesList(current, result.schedule, launch + 3 * 1440)[1]?.status).toBe('overdue')
  })
})
