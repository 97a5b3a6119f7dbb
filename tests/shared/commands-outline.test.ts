import { describe, expect, it } from 'vitest'
import { clipboardCopy, outlineBlockEnd, outlineInsertIndex } from '../../src/shared/commands/outline'
import type { CommandId, CommandInput } from '../../src/shared/commands/registry'
import { commandRun } from '../../src/shared/commands/run'
import type { ClipboardRows } from '../../src/shared/commands/types'
import { makeAssignment, makePlan, makeTask } from '../../src/shared/domain/defaults'
import type { Plan, Task, TaskId } from '../../src/shared/domain/model'

/**
 * Outline used below (level in brackets):
 *   1 Phase A [1]
 *   2   Task a1 [2]
 *   3   Task a2 [2]
 *   4 Phase B [1]
 *   5   Task b1 [2]
 * Links: 2 -> 3 (FS), 3 -> 5 (FS); Ana on task 3.
 */
function samplePlan(overrides: Partial<Record<TaskId, Partial<Task>>> = {}): Plan {
  const tasks: Task[] = [
    makeTask(1, { name: 'Phase A', level: 1, ...overrides[1] }),
    makeTask(2, { name: 'Task a1', level: 2, ...overrides[2] }),
    makeTask(3, { name: 'Task a2', level: 2, ...overrides[3] }),
    makeTask(4, { name: 'Phase B', level: 1, ...overrides[4] }),
    makeTask(5, { name: 'Task b1', level: 2, ...overrides[5] }),
  ]
  return makePlan('p1', 'Sample', '2026-01-05T08:00:00', '2026-01-01T00:00:00', {
    tasks,
    dependencies: [
      { id: 1, predecessorId: 2, successorId: 3, type: 'FS', lag: 0, lagUnit: 'd' },
      { id: 2, predecessorId: 3, successorId: 5, type: 'FS', lag: 0, lagUnit: 'd' },
    ],
    resources: [{ id: 1, name: 'Ana', role: '', initials: 'A', email: '', maxUnits: 100, hourlyRate: 0, nonWorkingDays: [], calendarId: null }],
    assignments: [makeAssignment(1, 3, 1, 100, 480)],
  })
}

/** The same outline without links, for outline changes the links would refuse. */
const unlinked = (overrides: Partial<Record<TaskId, Partial<Task>>> = {}): Plan => ({ ...samplePlan(overrides), dependencies: [] })

const shape = (plan: Plan): string[] => plan.tasks.map((task) => `${task.id}@${task.level}`)

function run<Id extends CommandId>(plan: Plan, id: Id, input: CommandInput<Id>, selection: TaskId[] = [], clipboard: ClipboardRows | null = null) {
  const result = commandRun(plan, id, input, { selection, schedule: null, clipboard })
  if (!result.ok) throw new Error(result.message)
  return result
}

describe('outline commands', () => {
  it('finds the block of a summary', () => {
    expect(outlineBlockEnd(samplePlan().tasks, 0)).toBe(3)
    expect(outlineBlockEnd(samplePlan().tasks, 1)).toBe(2)
  })

  it('inserts a task at the level of the row it goes before, keeping other rows untouched, and selects it', () => {
    const plan = samplePlan()
    const result = run(plan, 'task/insert', { index: 2, fields: { name: 'New' } })
    expect(shape(result.plan)).toEqual(['1@1', '2@2', '6@2', '3@2', '4@1', '5@2'])
    expect(result.plan.tasks[0]).toBe(plan.tasks[0])
    expect(result.value).toBe(6)
    expect(result.selection).toEqual([6])
    expect(plan.tasks).toHaveLength(5)
  })

  it('appends at the level of the last row', () => {
    expect(shape(run(samplePlan(), 'task/insert', { where: 'end' }).plan)).toEqual(['1@1', '2@2', '3@2', '4@1', '5@2', '6@2'])
  })

  it('inserts above the selected task (the Insert key, the Task menu) and below it after its block', () => {
    expect(shape(run(samplePlan(), 'task/insert', {}, [4]).plan)).toEqual(['1@1', '2@2', '3@2', '6@1', '4@1', '5@2'])
    expect(shape(run(samplePlan(), 'task/insert', { where: 'below' }, [2]).plan)).toEqual(['1@1', '2@2', '6@2', '3@2', '4@1', '5@2'])
    // Below an expanded summary: its first subtask.
    expect(shape(run(samplePlan(), 'task/insert', { where: 'below' }, [1]).plan)).toEqual(['1@1', '6@2', '2@2', '3@2', '4@1', '5@2'])
  })

  it('inserts below a collapsed summary after its subtasks, where the new row can be seen (the toolbar put it inside the hidden block)', () => {
    const plan = samplePlan({ 1: { isCollapsed: true } })
    expect(outlineInsertIndex(plan, 1, 'below')).toBe(3)
    expect(shape(run(plan, 'task/insert', { where: 'below' }, [1]).plan)).toEqual(['1@1', '2@2', '3@2', '6@1', '4@1', '5@2'])
  })

  it('deletes a summary with its subtasks, their links and assignments, and selects the row now in its place', () => {
    const result = run(samplePlan(), 'task/delete', {}, [1])
    expect(shape(result.plan)).toEqual(['4@1', '5@2'])
    expect(result.plan.dependencies).toEqual([])
    expect(result.plan.assignments).toEqual([])
    expect(result.selection).toEqual([4])
  })

  it('after deleting the last row selects the nearest row above that is shown', () => {
    expect(run(samplePlan(), 'task/delete', {}, [5]).selection).toEqual([4])
    expect(run(samplePlan({ 4: { isCollapsed: true } }), 'task/delete', {}, [4]).selection).toEqual([3])
    expect(run(samplePlan({ 1: { isCollapsed: true } }), 'task/delete', {}, [4]).selection).toEqual([1])
  })

  it('refuses to work on nothing: a selection command without a selection', () => {
    expect(commandRun(samplePlan(), 'task/delete', {}, { selection: [], schedule: null, clipboard: null })).toEqual({
      ok: false,
      message: 'Select a task first. Nothing was changed.',
    })
  })

  it('indents under the row above, with subtasks, and leaves the first row', () => {
    const plan = unlinked()
    expect(run(plan, 'task/indent', {}, [1]).plan).toBe(plan)
    expect(shape(run(plan, 'task/indent', {}, [4]).plan)).toEqual(['1@1', '2@2', '3@2', '4@2', '5@3'])
    expect(run(plan, 'task/indent', { taskIds: [2] }).plan).toBe(plan)
    expect(shape(run(plan, 'task/indent', {}, [3]).plan)).toEqual(['1@1', '2@2', '3@3', '4@1', '5@2'])
  })

  it('refuses an indent that puts a task under its own predecessor (a summary linked to its subtask)', () => {
    expect(commandRun(samplePlan(), 'task/indent', {}, { selection: [3], schedule: null, clipboard: null })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Indent: .*cycle.* Nothing was changed\.$/),
    })
  })

  it('outdents with subtasks; following siblings become subtasks', () => {
    const plan = unlinked()
    expect(run(plan, 'task/outdent', {}, [4]).plan).toBe(plan)
    expect(shape(run(plan, 'task/outdent', {}, [2]).plan)).toEqual(['1@1', '2@1', '3@2', '4@1', '5@2'])
  })

  it('refuses an indent deeper than the plan file holds (100 levels), at once', () => {
    const tasks = Array.from({ length: 101 }, (_, index) => makeTask(index + 1, { name: `T${index + 1}`, level: Math.min(100, index + 1) }))
    const plan = makePlan('deep', 'Deep', '2026-01-05T08:00:00', '2026-01-01T00:00:00', { tasks })
    expect(commandRun(plan, 'task/indent', {}, { selection: [101], schedule: null, clipboard: null })).toEqual({
      ok: false,
      message: 'Task "T101": The outline level must be at most 100. Nothing was changed.',
    })
  })

  it('moves a block past its sibling block, not out of its parent', () => {
    const plan = samplePlan()
    expect(shape(run(plan, 'task/move-up', {}, [4]).plan)).toEqual(['4@1', '5@2', '1@1', '2@2', '3@2'])
    expect(shape(run(plan, 'task/move-down', {}, [1]).plan)).toEqual(['4@1', '5@2', '1@1', '2@2', '3@2'])
    expect(run(plan, 'task/move-up', {}, [2]).plan).toBe(plan)
    expect(run(plan, 'task/move-down', {}, [3]).plan).toBe(plan)
    expect(shape(run(plan, 'task/move-up', {}, [3]).plan)).toEqual(['1@1', '3@2', '2@2', '4@1', '5@2'])
  })

  it('collapses and expands only summaries', () => {
    const plan = samplePlan()
    expect(run(plan, 'task/collapse', {}, [2]).plan).toBe(plan)
    const collapsed = run(plan, 'task/collapse', { taskIds: [1] }).plan
    expect(collapsed.tasks[0]?.isCollapsed).toBe(true)
    expect(run(collapsed, 'task/expand', {}, [1]).plan.tasks[0]?.isCollapsed).toBe(false)
  })

  it('copies a block with its inner links and pastes it above the selected row with fresh ids, selecting the copy', () => {
    const plan = samplePlan()
    const rows = clipboardCopy(plan, [1])
    expect(rows.tasks.map((task) => task.level)).toEqual([1, 2, 2])
    expect(rows.links).toEqual([{ from: 1, to: 2, type: 'FS', lag: 0, lagUnit: 'd' }])
    const result = run(plan, 'task/paste', {}, [5], rows)
    expect(shape(result.plan)).toEqual(['1@1', '2@2', '3@2', '4@1', '6@2', '7@3', '8@3', '5@2'])
    expect(result.plan.dependencies.at(-1)).toMatchObject({ id: 3, predecessorId: 7, successorId: 8 })
    expect(result.selection).toEqual([6, 7, 8])
    expect(commandRun(plan, 'task/paste', {}, { selection: [], schedule: null, clipboard: null })).toEqual({
      ok: false,
      message: 'Copy tasks first, then paste them. Nothing was changed.',
    })
  })
})

describe('link commands', () => {
  it('adds one link, not to itself and not twice', () => {
    const plan = samplePlan()
    expect(run(plan, 'link/add', { predecessorId: 2, successorId: 2 }).plan).toBe(plan)
    expect(run(plan, 'link/add', { predecessorId: 2, successorId: 3, type: 'SS' }).plan).toBe(plan)
    expect(run(plan, 'link/add', { predecessorId: 2, successorId: 5 }).plan.dependencies).toHaveLength(3)
  })

  it('refuses a link that closes a cycle, naming the command', () => {
    const result = commandRun(samplePlan(), 'link/add', { predecessorId: 5, successorId: 2 }, { selection: [], schedule: null, clipboard: null })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(/^Link tasks: .*(cycle|loop|circular).* Nothing was changed\.$/i)
  })

  it('links the selection in a chain as one step, in the order selected', () => {
    const result = run(unlinked(), 'link/chain', {}, [5, 3, 2])
    expect(result.plan.dependencies.map((link) => `${link.id}:${link.predecessorId}->${link.successorId}`)).toEqual(['1:5->3', '2:3->2'])
    expect(commandRun(samplePlan(), 'link/chain', {}, { selection: [2], schedule: null, clipboard: null })).toMatchObject({ ok: false, message: 'Select at least 2 tasks first. Nothing was changed.' })
  })

  it('unlinks the selected tasks from each other, or one selected task from all its links', () => {
    expect(run(samplePlan(), 'link/unlink-selected', {}, [2, 3]).plan.dependencies.map((link) => link.id)).toEqual([2])
    expect(run(samplePlan(), 'link/unlink-selected', {}, [3]).plan.dependencies).toEqual([])
    expect(run(samplePlan(), 'link/remove', { linkIds: [2] }).plan.dependencies.map((link) => link.id)).toEqual([1])
  })
})
