/**
 * No edit may push a task past 31 December 2149 (the last date Microsoft Project schedules; far beyond it the engine
 * cannot place a task and a saved file would not open again): work typed for a person, a tiny share of a person, a
 * long lag are refused with the task and the reason, and the plan stays as it was. Found by typing 9000000h of work,
 * which was kept and made a file that Gantry refused to open.
 */
import { describe, expect, it } from 'vitest'
import { commandRun } from '../../src/shared/commands/run'
import { makeAssignment, makePlan, makeResource, makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'
import { validateScheduleRange } from '../../src/shared/domain/validate'
import { formatsImport } from '../../src/shared/formats/pipeline'
import { planFileSerialize } from '../../src/shared/formats/plan-file'

function plan(): Plan {
  return makePlan('p-limit', 'Limits', '2026-03-02T08:00:00', '2026-03-01T00:00:00', {
    tasks: [makeTask(1, { name: 'Build', duration: 480, work: 480 }), makeTask(2, { name: 'Test', duration: 480 })],
    resources: [makeResource(1, 'Ana')],
    assignments: [makeAssignment(1, 1, 1, 100, 480)],
  })
}

function run(subject: Plan, id: string, input: unknown) {
  const scheduled = scheduleRun(subject)
  if (!scheduled.ok) throw new Error('the plan does not schedule')
  return commandRun(subject, id as never, input as never, { selection: [1], schedule: scheduled.schedule, clipboard: null })
}

describe('the latest finish an edit may give', () => {
  it('refuses work that would stretch a task past 2149, for the task and for one person', () => {
    const subject = plan()
    for (const [id, input] of [
      ['task/set-work', { taskId: 1, text: '9000000h' }],
      ['assignment/set-work', { assignmentId: 1, text: '9000000h' }],
      ['assignment/set-units', { assignmentId: 1, text: '0.001%' }],
    ] as const) {
      const result = run(subject, id, input)
      expect(result, id).toMatchObject({ ok: false })
      if (!result.ok) expect(result.message).toMatch(/^"Build": Starting on 2026-03-02, a task of [\d,.]+d would finish after 2149-12-31, the last date Microsoft Project can schedule\. Nothing was changed\.$/)
    }
  })

  it('refuses a lag that would put the successor past 2149', () => {
    const result = run(plan(), 'task/set-predecessors', { taskId: 2, text: '1FS+80000d' })
    expect(result).toEqual({
      ok: false,
      message: 'The lag of 80000d would put "Test" after 2149-12-31, the last date Microsoft Project can schedule. Nothing was changed.',
    })
  })

  it('refuses lengthening a task that would push its successors past 2149, and keeps what moves nothing past it', () => {
    // Build → Test → Launch, each lengthened from the end so that no task alone passes 2149.
    let subject: Plan = {
      ...plan(),
      tasks: [...plan().tasks, makeTask(3, { name: 'Launch', duration: 480 })],
      dependencies: [
        { id: 1, predecessorId: 1, successorId: 2, type: 'FS', lag: 0, lagUnit: 'd' },
        { id: 2, predecessorId: 2, successorId: 3, type: 'FS', lag: 0, lagUnit: 'd' },
      ],
    }
    for (const taskId of [3, 2]) {
      const result = run(subject, 'task/set-duration', { taskId, text: '18000d' })
      if (!result.ok) throw new Error(result.message)
      subject = result.plan
    }
    // Launch now finishes around 2164; Build's 18000 days would carry it to about 2233.
    const pushed = run(subject, 'task/set-duration', { taskId: 1, text: '18000d' })
    expect(pushed).toMatchObject({ ok: false })
    if (!pushed.ok) expect(pushed.message).toMatch(/^"Launch" would then finish on 22\d\d-\d\d-\d\d, after 2149-12-31, the last date Microsoft Project can schedule\. Nothing was changed\.$/)
    // Shortening, or an edit that moves nothing later, is still kept in a plan that already reaches past 2149.
    expect(run(subject, 'task/set-duration', { taskId: 3, text: '17000d' }).ok).toBe(true)
    expect(run(subject, 'task/rename', { taskId: 1, text: 'Build it' }).ok).toBe(true)
  })

  it('keeps edits that fit, and what it keeps is a plan that opens again', () => {
    let subject = plan()
    for (const [id, input] of [
      ['task/set-work', { taskId: 1, text: '2000h' }],
      ['task/set-predecessors', { taskId: 2, text: '1FS+2000d' }],
      ['assignment/set-units', { assignmentId: 1, text: '50%' }],
    ] as const) {
      const result = run(subject, id, input)
      if (!result.ok) throw new Error(`${id}: ${result.message}`)
      subject = result.plan
    }
    const scheduled = scheduleRun(subject)
    if (!scheduled.ok) throw new Error('the plan does not schedule')
    expect(validateScheduleRange(subject, scheduled.schedule)).toBeNull()
    const reopened = formatsImport({ text: planFileSerialize(subject), fileName: 'limits.gantry', kind: 'gantry', planId: 'p-limit', now: '2026-03-01T00:00:00' })
    expect(reopened.ok && reopened.plan.tasks.map((task) => task.name)).toEqual(['Build', 'Test'])
  })
})
