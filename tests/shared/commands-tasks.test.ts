import { describe, expect, it } from 'vitest'
import type { CommandId, CommandInput } from '../../src/shared/commands/registry'
import { commandRun } from '../../src/shared/commands/run'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import type { Plan, Task } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'
import type { Schedule } from '../../src/shared/domain/schedule-types'

/**
 * Mon 2026-03-02, standard calendar (Mon-Fri 08:00-12:00, 13:00-17:00), a holiday on Fri 2026-03-06:
 *   1 Design      2d
 *   2 Sign-off    milestone flagged by hand, with 1 day of its own (as Microsoft Project allows)
 *   3 Go-live     milestone, 0d
 *   4 Phase       summary of 5
 *   5   Build     3d
 */
function plan(overrides: Partial<Plan> = {}): Plan {
  const tasks: Task[] = [
    makeTask(1, { name: 'Design', duration: 960 }),
    makeTask(2, { name: 'Sign-off', duration: 480, isMilestone: true }),
    makeTask(3, { name: 'Go-live', duration: 0, isMilestone: true }),
    makeTask(4, { name: 'Phase' }),
    makeTask(5, { name: 'Build', level: 2, duration: 1440 }),
  ]
  const base = makePlan('p', 'Tasks', '2026-03-02T08:00:00', '2026-03-01T00:00:00', { tasks })
  const calendar = base.calendars[0]
  if (calendar === undefined) throw new Error('no calendar')
  return { ...base, calendars: [{ ...calendar, exceptions: [{ name: 'Holiday', from: '2026-03-06', to: '2026-03-06', periods: [] }] }], ...overrides }
}

function scheduled(current: Plan): Schedule {
  const result = scheduleRun(current)
  if (!result.ok) throw new Error('not scheduled')
  return result.schedule
}

function attempt<Id extends CommandId>(current: Plan, id: Id, input: CommandInput<Id>, schedule: Schedule | null = null) {
  return commandRun(current, id, input, { selection: [], schedule, clipboard: null })
}

function run<Id extends CommandId>(current: Plan, id: Id, input: CommandInput<Id>, schedule: Schedule | null = null): Plan {
  const result = attempt(current, id, input, schedule)
  if (!result.ok) throw new Error(result.message)
  return result.plan
}

const task = (current: Plan, id: number): Task | undefined => current.tasks.find((item) => item.id === id)

describe('milestones: one rule for every way a duration changes', () => {
  it('typing 0 makes a milestone; typing a duration into a 0-day milestone clears the flag', () => {
    expect(task(run(plan(), 'task/set-duration', { taskId: 1, text: '0' }), 1)).toMatchObject({ duration: 0, isMilestone: true })
    expect(task(run(plan(), 'task/set-duration', { taskId: 3, text: '2d' }), 3)).toMatchObject({ duration: 960, isMilestone: false })
  })

  it('a milestone flagged with a duration of its own keeps the flag when its duration is typed (the grid cleared it)', () => {
    expect(task(run(plan(), 'task/set-duration', { taskId: 2, text: '3d' }), 2)).toMatchObject({ duration: 1440, isMilestone: true })
  })

  it('dragging the end of a flagged milestone, or Shift+Right on it, keeps the flag too (the drag cleared it)', () => {
    expect(task(run(plan(), 'task/resize', { taskId: 2, minutes: 960 }), 2)).toMatchObject({ duration: 960, isMilestone: true })
    expect(task(run(plan(), 'task/resize', { taskId: 1, minutes: 0 }), 1)).toMatchObject({ duration: 0, isMilestone: true })
    expect(task(run(plan(), 'task/resize', { taskId: 3, minutes: 480 }), 3)).toMatchObject({ duration: 480, isMilestone: false })
  })

  it('ticking Milestone keeps the duration (the details panel set it to 0)', () => {
    expect(task(run(plan(), 'task/set-milestone', { taskId: 1, isMilestone: true }), 1)).toMatchObject({ duration: 960, isMilestone: true })
  })

  it("unticking a 0-day milestone gives it one day of the plan's length (the details panel always gave 480 minutes)", () => {
    const sevenHourDays = plan({ settings: { ...plan().settings, minutesPerDay: 420 } })
    expect(task(run(sevenHourDays, 'task/set-milestone', { taskId: 3, isMilestone: false }), 3)).toMatchObject({ duration: 420, isMilestone: false })
    expect(task(run(plan(), 'task/set-milestone', { taskId: 2, isMilestone: false }), 2)).toMatchObject({ duration: 480, isMilestone: false })
  })

  it("refuses a summary's duration, from typing and from the chart alike", () => {
    expect(attempt(plan(), 'task/set-duration', { taskId: 4, text: '2d' })).toEqual({
      ok: false,
      message: "A summary's duration comes from its subtasks; change the subtasks instead. Nothing was changed.",
    })
    expect(attempt(plan(), 'task/resize', { taskId: 4, minutes: 960 }).ok).toBe(false)
  })
})

describe('absurd values are refused with a message (issue 15)', () => {
  it('a duration whose finish would pass 2149-12-31, the last date Microsoft Project schedules, is refused (99999d finished in 2300)', () => {
    const current = plan()
    const schedule = scheduled(current)
    expect(attempt(current, 'task/set-duration', { taskId: 1, text: '99999d' }, schedule)).toEqual({
      ok: false,
      message:
        'Starting on 2026-03-02, a task of 99999d would finish after 2149-12-31, the last date Microsoft Project can schedule; type a shorter duration. Nothing was changed.',
    })
    expect(attempt(current, 'task/set-duration', { taskId: 1, text: '44000ed' }, schedule).ok).toBe(false)
    expect(attempt(current, 'task/resize', { taskId: 1, minutes: 99_999 * 480 }, schedule).ok).toBe(false)
    // A long but representable duration is kept.
    expect(attempt(current, 'task/set-duration', { taskId: 1, text: '9999d' }, schedule)).toMatchObject({ ok: true, isChanged: true })
  })

  it('a sub-minute duration is refused, never silently a milestone', () => {
    expect(attempt(plan(), 'task/set-duration', { taskId: 1, text: '0.0001d' })).toEqual({
      ok: false,
      message: '"0.0001d" is less than a minute; the shortest duration is 1m (0 makes a milestone). Nothing was changed.',
    })
  })

  it('a typed date after 2149-12-31 is refused', () => {
    expect(attempt(plan(), 'task/set-start', { taskId: 1, text: '2150-01-01' })).toEqual({
      ok: false,
      message: '2150-01-01 is after 2149-12-31, the last date Microsoft Project can schedule. Nothing was changed.',
    })
    expect(attempt(plan(), 'project/set-start', { text: '3000-01-01' }).ok).toBe(false)
  })
})

describe('typed fields', () => {
  it('a typed start pins the task with start-no-earlier-than at the default start time; a finish with finish-no-earlier-than', () => {
    expect(task(run(plan(), 'task/set-start', { taskId: 1, text: '2026-03-09' }), 1)?.constraint).toEqual({ type: 'SNET', date: '2026-03-09T08:00:00' })
    expect(task(run(plan(), 'task/set-finish', { taskId: 1, text: '2026-03-09 12:00' }), 1)?.constraint).toEqual({ type: 'FNET', date: '2026-03-09T12:00:00' })
    expect(attempt(plan(), 'task/set-start', { taskId: 1, text: '2026-02-30' })).toEqual({
      ok: false,
      message: '"2026-02-30" is not a date. Type it as YYYY-MM-DD, for example 2026-03-02. Nothing was changed.',
    })
    expect(attempt(plan(), 'task/set-start', { taskId: 4, text: '2026-03-09' }).ok).toBe(false)
  })

  it('retyping the date a task shows changes nothing: the task is not pinned (issue 15)', () => {
    const current = plan()
    const schedule = scheduled(current)
    // Design shows Mon 2026-03-02 to Tue 2026-03-03.
    for (const [id, text] of [
      ['task/set-start', '2026-03-02'],
      ['task/set-start', '2026-03-02 08:00'],
      ['task/set-finish', '2026-03-03'],
      ['task/set-finish', '2026-03-03 17:00'],
    ] as const) {
      const result = attempt(current, id, { taskId: 1, text }, schedule)
      expect(result).toMatchObject({ ok: true, isChanged: false })
    }
    // Another day, or another time on the same day, pins it.
    expect(task(run(current, 'task/set-start', { taskId: 1, text: '2026-03-03' }, schedule), 1)?.constraint.type).toBe('SNET')
    expect(task(run(current, 'task/set-start', { taskId: 1, text: '2026-03-02 13:00' }, schedule), 1)?.constraint).toEqual({ type: 'SNET', date: '2026-03-02T13:00:00' })
  })

  it("reads dates in the user's locale order, and says which form to type when it cannot", () => {
    const typed = (text: string, dateOrder: 'mdy' | 'dmy') =>
      commandRun(plan(), 'task/set-start', { taskId: 1, text }, { selection: [], schedule: null, clipboard: null, dateOrder })
    const pinnedAt = (text: string, dateOrder: 'mdy' | 'dmy') => {
      const result = typed(text, dateOrder)
      return result.ok ? task(result.plan, 1)?.constraint.date : result.message
    }
    expect(pinnedAt('3/9/2026', 'mdy')).toBe('2026-03-09T08:00:00')
    expect(pinnedAt('9.3.2026', 'dmy')).toBe('2026-03-09T08:00:00')
    expect(pinnedAt('2026-03-09', 'dmy')).toBe('2026-03-09T08:00:00')
    expect(pinnedAt('31/3/2026', 'mdy')).toBe('"31/3/2026" is not a date. Type it as M/D/YYYY (for example 3/2/2026) or YYYY-MM-DD. Nothing was changed.')
  })

  it('a finish constraint typed in the details panel takes the default finish time, as the Finish column does (it took 08:00)', () => {
    const withFnet = run(plan(), 'task/set-constraint', { taskId: 1, type: 'FNET', dateText: '2026-03-09' })
    expect(task(withFnet, 1)?.constraint).toEqual({ type: 'FNET', date: '2026-03-09T17:00:00' })
    expect(task(run(withFnet, 'task/set-constraint-date', { taskId: 1, text: '2026-03-10' }), 1)?.constraint).toEqual({ type: 'FNET', date: '2026-03-10T17:00:00' })
    const withSnet = run(plan(), 'task/set-constraint', { taskId: 1, type: 'SNET', dateText: '2026-03-09' })
    expect(task(withSnet, 1)?.constraint).toEqual({ type: 'SNET', date: '2026-03-09T08:00:00' })
  })

  it('a constraint that needs a date and has none asks for the date first', () => {
    expect(attempt(plan(), 'task/set-constraint', { taskId: 1, type: 'MSO', dateText: '' })).toEqual({
      ok: false,
      message: 'Type the constraint date first, then choose the constraint. Type it as YYYY-MM-DD, for example 2026-03-02. Nothing was changed.',
    })
    expect(task(run(plan(), 'task/set-constraint', { taskId: 1, type: 'ALAP', dateText: 'ignored' }), 1)?.constraint).toEqual({ type: 'ALAP', date: null })
  })

  it("% Complete is 0 to 100 and refused on a summary wherever it is typed (the details panel accepted it)", () => {
    expect(task(run(plan(), 'task/set-complete', { taskId: 1, text: '40%' }), 1)?.percentComplete).toBe(40)
    expect(attempt(plan(), 'task/set-complete', { taskId: 1, text: '150' })).toEqual({ ok: false, message: '% Complete must be a number from 0 to 100. Nothing was changed.' })
    expect(attempt(plan(), 'task/set-complete', { taskId: 4, text: '50' })).toEqual({
      ok: false,
      message: "A summary's progress comes from its subtasks; change the subtasks instead. Nothing was changed.",
    })
  })

  it('priority is a whole number from 0 to 1000, as the plan file requires (the details panel accepted 2.5)', () => {
    expect(task(run(plan(), 'task/set-priority', { taskId: 1, text: '700' }), 1)?.priority).toBe(700)
    for (const text of ['2.5', '1001', '-1', 'high']) {
      expect(attempt(plan(), 'task/set-priority', { taskId: 1, text })).toEqual({ ok: false, message: 'Priority must be a whole number from 0 to 1000. Nothing was changed.' })
    }
  })

  it('reads predecessor lists and resources as the columns type them', () => {
    const linked = run(plan(), 'task/set-predecessors', { taskId: 5, text: '1FS+2d, 3SS' })
    expect(linked.dependencies.map((link) => [link.predecessorId, link.successorId, link.type, link.lag])).toEqual([
      [1, 5, 'FS', 960],
      [3, 5, 'SS', 0],
    ])
    expect(attempt(plan(), 'task/set-predecessors', { taskId: 5, text: '99' })).toEqual({ ok: false, message: 'There is no row 99. Nothing was changed.' })
    expect(attempt(plan(), 'task/set-resources', { taskId: 1, text: 'Dave' }).ok).toBe(false)
  })
})

describe('what the plan file refuses is refused when it is typed', () => {
  it('a percent lag too large to store (1FS+99999999999%)', () => {
    expect(attempt(plan(), 'task/set-predecessors', { taskId: 5, text: '1FS+99999999999%' })).toEqual({
      ok: false,
      message: 'The link from row 1 to row 5: The lag must be at most 1,000,000,000. Nothing was changed.',
    })
  })

  it('a name of 1,001 characters, in the grid and in the details panel (both rename)', () => {
    expect(attempt(plan(), 'task/rename', { taskId: 1, text: 'x'.repeat(1001) })).toEqual({
      ok: false,
      message: 'A task name can have at most 1000 characters. Nothing was changed.',
    })
    expect(task(run(plan(), 'task/rename', { taskId: 1, text: `  ${'x'.repeat(1000)}  ` }), 1)?.name).toHaveLength(1000)
  })

  it('notes, deliverable or acceptance criteria over 100,000 characters', () => {
    expect(attempt(plan(), 'task/set-text', { taskId: 1, field: 'notes', text: 'n'.repeat(100_001) })).toEqual({
      ok: false,
      message: 'Notes can have at most 100,000 characters. Nothing was changed.',
    })
    expect(task(run(plan(), 'task/set-text', { taskId: 1, field: 'deliverable', text: 'Kit racked' }), 1)?.deliverable).toBe('Kit racked')
  })
})

describe('moving a task by working days (chart arrows and bar drags)', () => {
  it('counts working days of the calendar: Thursday + 1 skips the Friday holiday and the weekend', () => {
    const thursday = run(plan(), 'task/set-start', { taskId: 1, text: '2026-03-05' })
    const moved = run(thursday, 'task/move-by-working-days', { taskId: 1, days: 1 }, scheduled(thursday))
    expect(task(moved, 1)?.constraint).toEqual({ type: 'SNET', date: '2026-03-09T08:00:00' })
    const back = run(moved, 'task/move-by-working-days', { taskId: 1, days: -1 }, scheduled(moved))
    expect(task(back, 1)?.constraint).toEqual({ type: 'SNET', date: '2026-03-05T08:00:00' })
  })

  it('refuses a summary, and a plan that is not scheduled', () => {
    expect(attempt(plan(), 'task/move-by-working-days', { taskId: 4, days: 1 }, scheduled(plan()))).toEqual({
      ok: false,
      message: "A summary's dates come from its subtasks; move the subtasks instead. Nothing was changed.",
    })
    expect(attempt(plan(), 'task/move-by-working-days', { taskId: 1, days: 1 }, null)).toEqual({
      ok: false,
      message: 'The plan cannot be scheduled; fix the problem shown first. Nothing was changed.',
    })
  })
})

describe('leveling delays (issue 15)', () => {
  const delayed = (): Plan => ({
    ...plan(),
    tasks: plan().tasks.map((item) => (item.id === 1 || item.id === 5 ? { ...item, levelingDelay: 2880 } : item)),
  })

  it('the Leveling delay column takes elapsed time; 0 takes the delay away', () => {
    expect(task(run(plan(), 'task/set-leveling-delay', { taskId: 1, text: '2ed' }), 1)?.levelingDelay).toBe(2880)
    expect(task(run(plan(), 'task/set-leveling-delay', { taskId: 1, text: '3' }), 1)?.levelingDelay).toBe(3 * 1440)
    expect(task(run(delayed(), 'task/set-leveling-delay', { taskId: 1, text: '0' }), 1)?.levelingDelay).toBe(0)
    expect(attempt(plan(), 'task/set-leveling-delay', { taskId: 1, text: '2d' })).toEqual({
      ok: false,
      message: 'A leveling delay is elapsed time: type it in elapsed days or hours, for example 2ed or 16eh. Nothing was changed.',
    })
    expect(attempt(plan(), 'task/set-leveling-delay', { taskId: 4, text: '1ed' }).ok).toBe(false)
  })

  it('Clear leveling takes the delays away from the selected tasks, or from every task, as one step', () => {
    const selectedOnly = commandRun(delayed(), 'resource/clear-leveling', {}, { selection: [5], schedule: null, clipboard: null })
    expect(selectedOnly.ok && selectedOnly.plan.tasks.map((item) => item.levelingDelay)).toEqual([2880, 0, 0, 0, 0])
    const all = commandRun(delayed(), 'resource/clear-leveling', { isAll: true }, { selection: [], schedule: null, clipboard: null })
    expect(all.ok && all.plan.tasks.every((item) => item.levelingDelay === 0)).toBe(true)
    expect(commandRun(plan(), 'resource/clear-leveling', { isAll: true }, { selection: [], schedule: null, clipboard: null })).toEqual({
      ok: false,
      message: 'No task has a leveling delay. Nothing was changed.',
    })
    expect(commandRun(delayed(), 'resource/clear-leveling', {}, { selection: [2], schedule: null, clipboard: null }).ok).toBe(false)
  })
})
