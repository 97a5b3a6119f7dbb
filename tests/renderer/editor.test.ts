import { describe, expect, it } from 'vitest'
import { createStore } from 'zustand/vanilla'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import type { Plan, Task } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'
import {
  clipboardCopy,
  commandDeleteTasks,
  commandIndent,
  commandInsertTask,
  commandLink,
  commandMoveTask,
  commandOutdent,
  commandPasteRows,
  commandSetCollapsed,
  commandSetPredecessors,
  commandUpdateTask,
  outlineBlockEnd,
} from '../../src/renderer/src/stores/editor-commands'
import { editorSliceCreator, type EditorHost, type EditorSlice } from '../../src/renderer/src/stores/editor'

/**
 * Outline used below (level in brackets):
 *   1 Phase A [1]
 *   2   Task a1 [2]
 *   3   Task a2 [2]
 *   4 Phase B [1]
 *   5   Task b1 [2]
 * Links: 2 -> 3 (FS), 3 -> 5 (FS)
 */
function samplePlan(): Plan {
  const tasks: Task[] = [
    makeTask(1, { name: 'Phase A', level: 1 }),
    makeTask(2, { name: 'Task a1', level: 2 }),
    makeTask(3, { name: 'Task a2', level: 2 }),
    makeTask(4, { name: 'Phase B', level: 1 }),
    makeTask(5, { name: 'Task b1', level: 2 }),
  ]
  return makePlan('p1', 'Sample', '2026-01-05T08:00:00', '2026-01-01T00:00:00', {
    tasks,
    dependencies: [
      { id: 1, predecessorId: 2, successorId: 3, type: 'FS', lag: 0, lagUnit: 'd' },
      { id: 2, predecessorId: 3, successorId: 5, type: 'FS', lag: 0, lagUnit: 'd' },
    ],
    resources: [{ id: 1, name: 'Ana', role: '', initials: 'A', email: '', maxUnits: 100, hourlyRate: 0, nonWorkingDays: [], calendarId: null }],
    assignments: [{ id: 1, taskId: 3, resourceId: 1, units: 100 }],
  })
}

const shape = (plan: Plan): string[] => plan.tasks.map((task) => `${task.id}@${task.level}`)

describe('outline commands', () => {
  it('finds the block of a summary', () => {
    expect(outlineBlockEnd(samplePlan().tasks, 0)).toBe(3)
    expect(outlineBlockEnd(samplePlan().tasks, 1)).toBe(2)
  })

  it('inserts a task at the level of the row it goes before, keeping other rows untouched', () => {
    const plan = samplePlan()
    const next = commandInsertTask(plan, 2, 6, { name: 'New' })
    expect(shape(next)).toEqual(['1@1', '2@2', '6@2', '3@2', '4@1', '5@2'])
    expect(next.tasks[0]).toBe(plan.tasks[0])
    expect(plan.tasks).toHaveLength(5)
  })

  it('appends at the level of the last row', () => {
    expect(shape(commandInsertTask(samplePlan(), 5, 6))).toEqual(['1@1', '2@2', '3@2', '4@1', '5@2', '6@2'])
  })

  it('deletes a summary with its subtasks, their links and assignments', () => {
    const next = commandDeleteTasks(samplePlan(), [1])
    expect(shape(next)).toEqual(['4@1', '5@2'])
    expect(next.dependencies).toEqual([])
    expect(next.assignments).toEqual([])
  })

  it('indents under the row above, with subtasks, and refuses the first row', () => {
    const plan = samplePlan()
    expect(commandIndent(plan, [1])).toBe(plan)
    expect(shape(commandIndent(plan, [4]))).toEqual(['1@1', '2@2', '3@2', '4@2', '5@3'])
    expect(commandIndent(plan, [2])).toBe(plan)
    expect(shape(commandIndent(plan, [3]))).toEqual(['1@1', '2@2', '3@3', '4@1', '5@2'])
  })

  it('outdents with subtasks; following siblings become subtasks', () => {
    const plan = samplePlan()
    expect(commandOutdent(plan, [4])).toBe(plan)
    expect(shape(commandOutdent(plan, [2]))).toEqual(['1@1', '2@1', '3@2', '4@1', '5@2'])
  })

  it('moves a block past its sibling block, not out of its parent', () => {
    const plan = samplePlan()
    expect(shape(commandMoveTask(plan, 4, -1))).toEqual(['4@1', '5@2', '1@1', '2@2', '3@2'])
    expect(shape(commandMoveTask(plan, 1, 1))).toEqual(['4@1', '5@2', '1@1', '2@2', '3@2'])
    expect(commandMoveTask(plan, 2, -1)).toBe(plan)
    expect(commandMoveTask(plan, 3, 1)).toBe(plan)
    expect(shape(commandMoveTask(plan, 3, -1))).toEqual(['1@1', '3@2', '2@2', '4@1', '5@2'])
  })

  it('updates a task only when a value changes', () => {
    const plan = samplePlan()
    expect(commandUpdateTask(plan, 2, { name: 'Task a1' })).toBe(plan)
    const next = commandUpdateTask(plan, 2, { name: 'Renamed', constraint: { type: 'SNET', date: '2026-02-02T08:00:00' } })
    expect(next.tasks[1]?.name).toBe('Renamed')
    expect(next.tasks[1]?.constraint.type).toBe('SNET')
    expect(next.tasks[2]).toBe(plan.tasks[2])
  })

  it('collapses only summaries', () => {
    const plan = samplePlan()
    expect(commandSetCollapsed(plan, [2], true)).toBe(plan)
    expect(commandSetCollapsed(plan, [1], true).tasks[0]?.isCollapsed).toBe(true)
  })

  it('replaces predecessors, keeping unchanged links', () => {
    const plan = samplePlan()
    const next = commandSetPredecessors(plan, 5, [
      { predecessorId: 3, type: 'FS', lag: 0, lagUnit: 'd' },
      { predecessorId: 2, type: 'SS', lag: 960, lagUnit: 'd' },
    ], 10)
    expect(next.dependencies[1]).toBe(plan.dependencies[1])
    expect(next.dependencies.find((link) => link.id === 10)).toMatchObject({ predecessorId: 2, successorId: 5, type: 'SS', lag: 960 })
    expect(commandSetPredecessors(plan, 5, [{ predecessorId: 3, type: 'FS', lag: 0, lagUnit: 'd' }], 10)).toBe(plan)
    expect(commandSetPredecessors(plan, 5, [], 10).dependencies).toHaveLength(1)
  })

  it('does not link a task to itself or twice', () => {
    const plan = samplePlan()
    expect(commandLink(plan, 2, 2, 'FS', 9)).toBe(plan)
    expect(commandLink(plan, 2, 3, 'SS', 9)).toBe(plan)
    expect(commandLink(plan, 2, 5, 'FS', 9).dependencies).toHaveLength(3)
  })

  it('copies a block with its inner links and pastes it with fresh ids', () => {
    const plan = samplePlan()
    const rows = clipboardCopy(plan, [1])
    expect(rows.tasks.map((task) => task.level)).toEqual([1, 2, 2])
    expect(rows.links).toEqual([{ from: 1, to: 2, type: 'FS', lag: 0, lagUnit: 'd' }])
    const next = commandPasteRows(plan, 5, rows, 6, 3)
    expect(shape(next)).toEqual(['1@1', '2@2', '3@2', '4@1', '5@2', '6@2', '7@3', '8@3'])
    expect(next.dependencies.at(-1)).toMatchObject({ id: 3, predecessorId: 7, successorId: 8 })
  })
})

type TestState = EditorSlice & EditorHost & { commits: number }

/** A document host like the app store's: keeps plan versions for undo/redo and schedules every version. */
function testStore(plan: Plan) {
  return createStore<TestState>()((set, get, api) => ({
    ...editorSliceCreator<TestState>()(set, get, api),
    commits: 0,
    document: { plan, schedule: scheduleRun(plan) },
    documentCommit: (next: Plan) => set({ document: { plan: next, schedule: scheduleRun(next) }, commits: get().commits + 1 }),
    documentUndo: () => undefined,
    documentRedo: () => undefined,
  }))
}

describe('editor slice', () => {
  it('commits an edit through the document host and selects a new task', () => {
    const store = testStore(samplePlan())
    const id = store.getState().editorInsertTask(5, { name: 'Go-live', isMilestone: true, duration: 0 })
    expect(id).toBe(6)
    expect(store.getState().editorSelection).toEqual([6])
    expect(store.getState().document?.plan.tasks.at(-1)?.name).toBe('Go-live')
    expect(store.getState().commits).toBe(1)
  })

  it('does not commit when nothing changes', () => {
    const store = testStore(samplePlan())
    expect(store.getState().editorIndent([1])).toBe(false)
    expect(store.getState().editorUpdateTask(2, { name: 'Task a1' })).toBe(false)
    expect(store.getState().commits).toBe(0)
  })

  it('refuses a link that closes a cycle, with a message, and changes nothing', () => {
    const store = testStore(samplePlan())
    const before = store.getState().document?.plan
    expect(store.getState().editorLink(5, 2)).toBe(false)
    expect(store.getState().document?.plan).toBe(before)
    expect(store.getState().editorMessage).toMatch(/cycle|loop|circular/i)
    expect(store.getState().commits).toBe(0)
  })

  it('a bar drag sets a start-no-earlier-than constraint and the successors move', () => {
    const store = testStore(samplePlan())
    const scheduleBefore = store.getState().document?.schedule
    if (!scheduleBefore?.ok) throw new Error('not scheduled')
    expect(store.getState().editorDragMove(2, '2026-01-12T08:00:00')).toBe(true)
    const task = store.getState().document?.plan.tasks[1]
    expect(task?.constraint).toEqual({ type: 'SNET', date: '2026-01-12T08:00:00' })
    const after = store.getState().document?.schedule
    if (!after?.ok) throw new Error('not scheduled')
    expect(after.schedule.start[2]).toBeGreaterThan(scheduleBefore.schedule.start[2] as number)
    expect(after.schedule.start[4]).toBeGreaterThan(scheduleBefore.schedule.start[4] as number)
  })

  it('a bar end drag changes the duration; zero makes a milestone', () => {
    const store = testStore(samplePlan())
    store.getState().editorDragDuration(2, 3 * 480)
    expect(store.getState().document?.plan.tasks[1]).toMatchObject({ duration: 1440, isMilestone: false })
    store.getState().editorDragDuration(2, 0)
    expect(store.getState().document?.plan.tasks[1]).toMatchObject({ duration: 0, isMilestone: true })
  })

  it('copy and paste selects the pasted rows', () => {
    const store = testStore(samplePlan())
    store.getState().editorCopy([4])
    expect(store.getState().editorPaste(0)).toEqual([6, 7])
    expect(shape(store.getState().document?.plan as Plan).slice(0, 3)).toEqual(['6@1', '7@2', '1@1'])
    expect(store.getState().editorSelection).toEqual([6, 7])
  })

  it('delete clears the selection', () => {
    const store = testStore(samplePlan())
    store.getState().editorSelect([2])
    expect(store.getState().editorDelete([2])).toBe(true)
    expect(store.getState().editorSelection).toEqual([])
    expect(store.getState().document?.plan.dependencies.map((link) => link.id)).toEqual([2])
  })
})
