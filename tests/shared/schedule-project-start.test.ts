/**
 * No task before the project start (Microsoft Project's rule for a plan scheduled from its start): a lead on a link
 * to a task's start never takes it before the plan start; an explicit date, an actual start or a finish link (FF,
 * SF: Microsoft Project 2016 does this in its own files, see the truth test's officeimo-relationships.xml) can, and
 * the schedule flags such tasks.
 */
import { describe, expect, it } from 'vitest'
import { dateFromWallMinutes } from '../../src/shared/domain/dates'
import type { Plan } from '../../src/shared/domain/model'
import { schedulePrepare, scheduleRun } from '../../src/shared/domain/schedule'
import type { Schedule } from '../../src/shared/domain/schedule-types'
import { link, task, testPlan } from '../support/generate-plan'

//  Sep/Oct 2026   Mo Tu We Th Fr
//                 28 29 30  1  2
//                  5  6  7  8  9    plan start Monday 5 October 08:00, Standard calendar 08–12, 13–17
//                 12 13 14 15 16

function run(plan: Plan): Schedule {
  const result = scheduleRun(plan)
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '))
  return result.schedule
}

function when(schedule: Schedule, id: number): string {
  const index = schedule.indexOf.get(id) as number
  const text = (minutes: number): string => dateFromWallMinutes(minutes).slice(0, 16)
  return `${text(schedule.start[index] as number)} → ${text(schedule.finish[index] as number)}`
}

function isFlagged(schedule: Schedule, id: number): boolean {
  return schedule.startsBeforeProjectStart[schedule.indexOf.get(id) as number] === 1
}

describe('no task before the project start', () => {
  it('a lead on an FS link (3FS-20d) holds the successor at the project start', () => {
    // 1 (2 days) ─FS−20d→ 3 (5 days): the lead would start task 3 on Wednesday 9 September.
    const schedule = run(testPlan([task(1, 2), task(2, 1), task(3, 5)], [link(1, 3, 'FS', -20 * 480)]))
    expect(when(schedule, 3)).toBe('2026-10-05T08:00 → 2026-10-09T17:00')
    expect(isFlagged(schedule, 3)).toBe(false)
    expect(dateFromWallMinutes(schedule.projectStart)).toBe('2026-10-05T08:00:00')
  })

  it('so do leads on SS links, on links to a summary, and for milestones', () => {
    //  1 (1 day) ─SS−3d→ 2 (1 day);  1 ─FS−5d→ 3 (milestone);  1 ─FS−4d→ summary 4 (5: 2 days)
    const schedule = run(
      testPlan(
        [task(1, 1), task(2, 1), task(3, 0), task(4, 0, { isMilestone: false }), task(5, 2, { level: 2 })],
        [link(1, 2, 'SS', -3 * 480), link(1, 3, 'FS', -5 * 480), link(1, 4, 'FS', -4 * 480)],
      ),
    )
    expect(when(schedule, 2)).toBe('2026-10-05T08:00 → 2026-10-05T17:00')
    expect(when(schedule, 3)).toBe('2026-10-05T08:00 → 2026-10-05T08:00')
    expect(when(schedule, 5)).toBe('2026-10-05T08:00 → 2026-10-06T17:00')
    expect(when(schedule, 4)).toBe('2026-10-05T08:00 → 2026-10-06T17:00')
    expect([2, 3, 4, 5].some((id) => isFlagged(schedule, id))).toBe(false)
  })

  it('a lead that ends after the project start still moves the task earlier than its predecessor finish', () => {
    const schedule = run(testPlan([task(1, 5), task(2, 1)], [link(1, 2, 'FS', -2 * 480)]))
    expect(when(schedule, 2)).toBe('2026-10-08T08:00 → 2026-10-08T17:00')
  })

  it('an explicit start-no-earlier-than date before the plan start puts the task there, flagged', () => {
    const schedule = run(
      testPlan([task(1, 2, { constraint: { type: 'SNET', date: '2026-09-28T08:00:00' } }), task(2, 1)]),
    )
    expect(when(schedule, 1)).toBe('2026-09-28T08:00 → 2026-09-29T17:00')
    expect(isFlagged(schedule, 1)).toBe(true)
    expect(isFlagged(schedule, 2)).toBe(false)
    expect(dateFromWallMinutes(schedule.projectStart)).toBe('2026-09-28T08:00:00')
  })

  it('must-start-on and no-later-than dates before the plan start win too, flagged', () => {
    const schedule = run(
      testPlan([
        task(1, 1, { constraint: { type: 'MSO', date: '2026-10-01T08:00:00' } }),
        task(2, 1, { constraint: { type: 'FNLT', date: '2026-10-02T17:00:00' } }),
        task(3, 1, { constraint: { type: 'SNLT', date: '2026-09-30T08:00:00' } }),
      ]),
    )
    expect(when(schedule, 1)).toBe('2026-10-01T08:00 → 2026-10-01T17:00')
    expect(when(schedule, 2)).toBe('2026-10-02T08:00 → 2026-10-02T17:00')
    expect(when(schedule, 3)).toBe('2026-09-30T08:00 → 2026-09-30T17:00')
    expect([1, 2, 3].every((id) => isFlagged(schedule, id))).toBe(true)
  })

  it('a finish-no-earlier-than date does not pull a task before the plan start', () => {
    const schedule = run(
      testPlan([task(1, 3, { constraint: { type: 'FNET', date: '2026-10-05T17:00:00' } })]),
    )
    expect(when(schedule, 1)).toBe('2026-10-05T08:00 → 2026-10-07T17:00')
  })

  it('an SF successor may finish at its predecessor start and so start before the plan start, flagged', () => {
    // 1 (3 days) ─SF+2h→ 2 (1 day): as Microsoft Project 2016 schedules it.
    const schedule = run(testPlan([task(1, 3), task(2, 1)], [link(1, 2, 'SF', 120, 'h')]))
    expect(when(schedule, 2)).toBe('2026-10-02T10:00 → 2026-10-05T10:00')
    expect(isFlagged(schedule, 2)).toBe(true)
  })

  it('an actual start before the plan start is kept and flagged', () => {
    const schedule = run(testPlan([task(1, 2, { actualStart: '2026-10-01T08:00:00' })]))
    expect(when(schedule, 1)).toBe('2026-10-01T08:00 → 2026-10-02T17:00')
    expect(isFlagged(schedule, 1)).toBe(true)
  })

  it('the incremental engine applies the rule when a lead grows past the plan start', () => {
    const lead = link(1, 2, 'FS', -480)
    const prepared = schedulePrepare(testPlan([task(1, 3), task(2, 2)], [lead]))
    if (!prepared.ok) throw new Error('not prepared')
    expect(prepared.engine.run().ok).toBe(true)
    const updated = prepared.engine.update({ kind: 'lag', dependencyId: lead.id, lag: -10 * 480 })
    if (!updated.ok) throw new Error('refused')
    expect(when(updated.schedule, 2)).toBe('2026-10-05T08:00 → 2026-10-06T17:00')
    expect(Array.from(updated.schedule.start)).toEqual(Array.from(run(prepared.engine.plan).start))
  })
})
