/**
 * Manually scheduled tasks through the commands (issue 14): switching modes keeps the dates, typed dates stay
 * (blanks too), a slipping predecessor does not move a manual task but is reported, "Respect links" moves it once,
 * and the plan setting gives new tasks their mode.
 *
 * October 2026:      Mo Tu We Th Fr Sa Su
 *                     5  6  7  8  9 10 11
 *                    12 13 14 15 16 17 18
 * Standard calendar: 08:00-12:00, 13:00-17:00 on weekdays.
 *   1 Design   3d                 Mon 5 – Wed 7
 *   2 Build    2d, after Design   Thu 8 – Fri 9
 */
import { describe, expect, it } from 'vitest'
import type { CommandId, CommandInput } from '../../src/shared/commands/registry'
import { commandRun } from '../../src/shared/commands/run'
import { schedulingModeParse } from '../../src/shared/commands/manual'
import { dateFromWallMinutes } from '../../src/shared/domain/dates'
import type { Plan, Task, TaskId } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'
import type { Schedule } from '../../src/shared/domain/schedule-types'
import { link, task, testPlan } from '../support/generate-plan'

function plan(): Plan {
  return testPlan([task(1, 3, { name: 'Design' }), task(2, 2, { name: 'Build' })], [link(1, 2)])
}

function scheduled(current: Plan): Schedule {
  const result = scheduleRun(current)
  if (!result.ok) throw new Error(result.problems[0]?.message)
  return result.schedule
}

function attempt<Id extends CommandId>(current: Plan, id: Id, input: CommandInput<Id>, selection: TaskId[] = []) {
  return commandRun(current, id, input, { selection, schedule: scheduled(current), clipboard: null })
}

function run<Id extends CommandId>(current: Plan, id: Id, input: CommandInput<Id>, selection: TaskId[] = []): Plan {
  const result = attempt(current, id, input, selection)
  if (!result.ok) throw new Error(result.message)
  return result.plan
}

const byId = (current: Plan, id: TaskId): Task => current.tasks.find((item) => item.id === id) as Task
function when(current: Plan, id: TaskId): string {
  const schedule = scheduled(current)
  const index = schedule.indexOf.get(id) as number
  const text = (minutes: number): string => dateFromWallMinutes(minutes).slice(0, 16)
  return `${text(schedule.start[index] as number)} → ${text(schedule.finish[index] as number)}`
}

describe('task/set-mode and the Manually / Auto schedule commands', () => {
  it('reads the mode as typed in the Mode column', () => {
    expect(schedulingModeParse('Manual')).toBe('manual')
    expect(schedulingModeParse('manually scheduled')).toBe('manual')
    expect(schedulingModeParse('m')).toBe('manual')
    expect(schedulingModeParse('Auto Scheduled')).toBe('auto')
    expect(schedulingModeParse('a')).toBe('auto')
    expect(schedulingModeParse('x')).toBeNull()
    expect(attempt(plan(), 'task/set-mode', { taskId: 2, text: 'sometimes' })).toEqual({
      ok: false,
      message: '"sometimes" is not a task mode; type Manual or Auto. Nothing was changed.',
    })
  })

  it('a task made manual keeps the dates it had, then stays put while its predecessor slips', () => {
    const manual = run(plan(), 'task/set-mode', { taskId: 2, text: 'Manual' })
    expect(byId(manual, 2)).toMatchObject({ schedulingMode: 'manual', manualStart: '2026-10-08T08:00:00', manualFinish: '2026-10-09T17:00:00', manualDuration: 960 })
    expect(when(manual, 2)).toBe('2026-10-08T08:00 → 2026-10-09T17:00')
    const slipped = run(manual, 'task/set-duration', { taskId: 1, text: '5d' })
    expect(when(slipped, 1)).toBe('2026-10-05T08:00 → 2026-10-09T17:00')
    expect(when(slipped, 2)).toBe('2026-10-08T08:00 → 2026-10-09T17:00')
    expect(scheduled(slipped).linkViolations).toMatchObject([{ taskId: 2, predecessorId: 1, type: 'FS', shortBy: 2 * 480 }])
    // Made automatic again, its link places it.
    const auto = run(slipped, 'task/schedule-automatically', {}, [2])
    expect(when(auto, 2)).toBe('2026-10-12T08:00 → 2026-10-13T17:00')
  })

  it('Manually schedule works on the selection, and needs one', () => {
    const manual = run(plan(), 'task/schedule-manually', {}, [1, 2])
    expect(manual.tasks.map((item) => item.schedulingMode)).toEqual(['manual', 'manual'])
    expect(attempt(plan(), 'task/schedule-manually', {})).toEqual({ ok: false, message: 'Select a task first. Nothing was changed.' })
  })
})

describe("a manual task's typed start, finish and duration", () => {
  const manual = (): Plan => run(plan(), 'task/set-mode', { taskId: 2, text: 'manual' })

  it('typing a start keeps the duration and sets no constraint', () => {
    const next = run(manual(), 'task/set-start', { taskId: 2, text: '2026-10-13' })
    expect(byId(next, 2)).toMatchObject({ manualStart: '2026-10-13T08:00:00', manualFinish: '2026-10-14T17:00:00', constraint: { type: 'ASAP', date: null } })
    expect(when(next, 2)).toBe('2026-10-13T08:00 → 2026-10-14T17:00')
  })

  it('typing a finish measures the duration from the start; a duration moves the finish', () => {
    const finish = run(manual(), 'task/set-finish', { taskId: 2, text: '2026-10-14' })
    expect(byId(finish, 2)).toMatchObject({ manualFinish: '2026-10-14T17:00:00', manualDuration: 5 * 480 })
    const duration = run(manual(), 'task/set-duration', { taskId: 2, text: '1d' })
    expect(byId(duration, 2)).toMatchObject({ manualStart: '2026-10-08T08:00:00', manualFinish: '2026-10-08T17:00:00', manualDuration: 480 })
  })

  it('empty text leaves a field blank, shown blank and kept through a re-schedule', () => {
    const blank = run(manual(), 'task/set-finish', { taskId: 2, text: '' })
    expect(byId(blank, 2)).toMatchObject({ manualStart: '2026-10-08T08:00:00', manualFinish: null, manualDuration: 960 })
    const noDuration = run(blank, 'task/set-duration', { taskId: 2, text: '' })
    expect(byId(noDuration, 2).manualDuration).toBeNull()
    expect(byId(run(noDuration, 'task/set-duration', { taskId: 1, text: '4d' }), 2)).toMatchObject({ manualFinish: null, manualDuration: null })
  })

  it('a finish before the start is refused with both dates, and nothing changes', () => {
    const before = manual()
    expect(attempt(before, 'task/set-finish', { taskId: 2, text: '2026-10-06' })).toEqual({
      ok: false,
      message: '"Build" cannot finish (2026-10-06 17:00) before it starts (2026-10-08 08:00). Nothing was changed.',
    })
    expect(attempt(before, 'task/set-start', { taskId: 2, text: 'soon' })).toMatchObject({ ok: false, message: expect.stringContaining('"soon" is not a date') })
  })

  it('dragging the bar moves both dates by working days and keeps the task manual; its end changes the duration', () => {
    const moved = run(manual(), 'task/move-by-working-days', { taskId: 2, days: 2 })
    expect(byId(moved, 2)).toMatchObject({ schedulingMode: 'manual', manualStart: '2026-10-12T08:00:00', manualFinish: '2026-10-13T17:00:00', constraint: { type: 'ASAP' } })
    const resized = run(manual(), 'task/resize', { taskId: 2, minutes: 3 * 480 })
    expect(byId(resized, 2)).toMatchObject({ manualFinish: '2026-10-12T17:00:00', manualDuration: 1440 })
  })

  it('a manual summary takes typed dates of its own', () => {
    const outline = testPlan([task(1, 0, { name: 'Phase' }), task(2, 3, { name: 'Work', level: 2 })])
    const manual = run(outline, 'task/set-mode', { taskId: 1, text: 'manual' })
    const typed = run(manual, 'task/set-finish', { taskId: 1, text: '2026-10-16' })
    expect(when(typed, 1)).toBe('2026-10-05T08:00 → 2026-10-16T17:00')
    expect(attempt(outline, 'task/set-finish', { taskId: 1, text: '2026-10-16' })).toMatchObject({ ok: false, message: expect.stringContaining("A summary's dates come from its subtasks") })
  })
})

describe('task/respect-links', () => {
  it('moves the selected manual task once to where its link puts it', () => {
    const manual = run(plan(), 'task/set-mode', { taskId: 2, text: 'manual' })
    const slipped = run(manual, 'task/set-duration', { taskId: 1, text: '5d' })
    const result = attempt(slipped, 'task/respect-links', {}, [2])
    if (!result.ok) throw new Error(result.message)
    expect(result.value).toEqual({ moved: 1, largestMove: 4 * 1440 })
    expect(when(result.plan, 2)).toBe('2026-10-12T08:00 → 2026-10-13T17:00')
    expect(byId(result.plan, 2).schedulingMode).toBe('manual')
    expect(scheduled(result.plan).linkViolations).toEqual([])
  })

  it('refuses on automatic tasks with the reason', () => {
    expect(attempt(plan(), 'task/respect-links', {}, [2])).toEqual({
      ok: false,
      message: 'Respect links moves manually scheduled tasks; the selected tasks are scheduled automatically, so their links already place them. Nothing was changed.',
    })
  })
})

describe('settings/set-new-task-mode', () => {
  it('new tasks are automatic by default and manual once the setting says so, with blank dates', () => {
    const auto = attempt(plan(), 'task/insert', { where: 'below' }, [2])
    expect(auto.ok && byId(auto.plan, auto.value).schedulingMode).toBe('auto')
    const setting = run(plan(), 'settings/set-new-task-mode', { mode: 'manual' })
    expect(setting.settings.newTaskSchedulingMode).toBe('manual')
    const inserted = attempt(setting, 'task/insert', { where: 'below' }, [2])
    if (!inserted.ok) throw new Error(inserted.message)
    expect(byId(inserted.plan, inserted.value)).toMatchObject({ schedulingMode: 'manual', manualStart: null, manualFinish: null, manualDuration: null })
    expect(run(setting, 'settings/set-new-task-mode', { mode: 'manual' })).toBe(setting)
  })
})
