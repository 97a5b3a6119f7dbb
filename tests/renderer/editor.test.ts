import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createStore } from 'zustand/vanilla'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import type { Plan, Task } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'
import { planDbCreate } from '../../src/renderer/src/db/plan-db'
import { createAppStore } from '../../src/renderer/src/stores/app-store'
import { editorReadOnlyMessage, editorSliceCreator, type EditorHost, type EditorSlice } from '../../src/renderer/src/stores/editor'
import { fakeWebPlatform, planDbsPerTest } from '../support/fake-platform'

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
  })
}

const shape = (plan: Plan): string[] => plan.tasks.map((task) => `${task.id}@${task.level}`)

type TestState = EditorSlice & EditorHost & { commits: number }

/** A document host like the app store's: keeps plan versions for undo/redo and schedules every version. */
function testStore(plan: Plan) {
  return createStore<TestState>()((set, get, api) => ({
    ...editorSliceCreator<TestState>()(set, get, api),
    commits: 0,
    document: { plan, schedule: scheduleRun(plan), undoStack: [], redoStack: [] },
    documentCommit: (next: Plan) => {
      const document = get().document
      if (document === null) return
      set({ document: { plan: next, schedule: scheduleRun(next), undoStack: [...(document.undoStack ?? []), document.plan], redoStack: [] }, commits: get().commits + 1 })
    },
    documentUndo: () => {
      const document = get().document
      const previous = document?.undoStack?.at(-1)
      if (document == null || previous === undefined) return
      set({ document: { plan: previous, schedule: scheduleRun(previous), undoStack: document.undoStack?.slice(0, -1), redoStack: [...(document.redoStack ?? []), document.plan] } })
    },
    documentRedo: () => undefined,
  }))
}

const planOf = (store: ReturnType<typeof testStore>): Plan => {
  const document = store.getState().document
  if (document === null) throw new Error('no document')
  return document.plan
}

describe('the one run path', () => {
  it('commits a command through the document host and selects what the command says', () => {
    const store = testStore(samplePlan())
    const outcome = store.getState().editorRun('task/insert', { index: 5, fields: { name: 'Go-live', isMilestone: true, duration: 0 } })
    expect(outcome).toEqual({ ok: true, isChanged: true, value: 6 })
    expect(store.getState().editorSelection).toEqual([6])
    expect(planOf(store).tasks.at(-1)?.name).toBe('Go-live')
    expect(store.getState().commits).toBe(1)
  })

  it('runs selection commands on the selection', () => {
    const store = testStore(samplePlan())
    store.getState().editorSelect([4])
    expect(store.getState().editorRun('task/move-up', {}).ok).toBe(true)
    expect(shape(planOf(store))).toEqual(['4@1', '5@2', '1@1', '2@2', '3@2'])
  })

  it('does not commit when nothing changes', () => {
    const store = testStore(samplePlan())
    expect(store.getState().editorRun('task/indent', { taskIds: [1] })).toEqual({ ok: true, isChanged: false, value: undefined })
    expect(store.getState().editorRun('task/rename', { taskId: 2, text: 'Task a1' })).toMatchObject({ ok: true, isChanged: false })
    expect(store.getState().commits).toBe(0)
  })

  it('shows a refusal in the message line and changes nothing; the next edit clears it', () => {
    const store = testStore(samplePlan())
    const before = planOf(store)
    expect(store.getState().editorRun('link/add', { predecessorId: 5, successorId: 2 }).ok).toBe(false)
    expect(planOf(store)).toBe(before)
    expect(store.getState().editorMessage).toMatch(/cycle|loop|circular/i)
    expect(store.getState().editorMessage).toMatch(/Nothing was changed\.$/)
    expect(store.getState().commits).toBe(0)
    const seq = store.getState().editorMessageSeq
    store.getState().editorRun('task/set-duration', { taskId: 2, text: 'soon' })
    expect(store.getState().editorMessageSeq).toBe(seq + 1)
    store.getState().editorRun('task/rename', { taskId: 2, text: 'Renamed' })
    expect(store.getState().editorMessage).toBeNull()
  })

  it('a moved bar pins the task by working days and its successors follow', () => {
    const store = testStore(samplePlan())
    const before = store.getState().document?.schedule
    if (!before?.ok) throw new Error('not scheduled')
    expect(store.getState().editorRun('task/move-by-working-days', { taskId: 2, days: 5 }).ok).toBe(true)
    expect(planOf(store).tasks[1]?.constraint).toEqual({ type: 'SNET', date: '2026-01-12T08:00:00' })
    const after = store.getState().document?.schedule
    if (!after?.ok) throw new Error('not scheduled')
    expect(after.schedule.start[2]).toBeGreaterThan(before.schedule.start[2] as number)
    expect(after.schedule.start[4]).toBeGreaterThan(before.schedule.start[4] as number)
  })

  it('copy and paste selects the pasted rows', () => {
    const store = testStore(samplePlan())
    store.getState().editorCopy([4])
    store.getState().editorSelect([1])
    expect(store.getState().editorRun('task/paste', {})).toMatchObject({ ok: true, value: [6, 7] })
    expect(shape(planOf(store)).slice(0, 3)).toEqual(['6@1', '7@2', '1@1'])
    expect(store.getState().editorSelection).toEqual([6, 7])
  })

  it('delete selects the row that takes its place', () => {
    const store = testStore(samplePlan())
    store.getState().editorSelect([2])
    expect(store.getState().editorRun('task/delete', {}).ok).toBe(true)
    expect(store.getState().editorSelection).toEqual([3])
    expect(planOf(store).dependencies.map((link) => link.id)).toEqual([2])
  })

  it('refuses every command while the plan is read-only in this window', () => {
    const store = testStore(samplePlan())
    const before = planOf(store)
    store.setState({ documentIsReadOnly: true })
    expect(store.getState().editorRun('task/rename', { taskId: 2, text: 'Changed' })).toEqual({ ok: false, message: editorReadOnlyMessage })
    expect(store.getState().editorMessage).toBe(editorReadOnlyMessage)
    expect(planOf(store)).toBe(before)
    store.setState({ documentIsReadOnly: false })
    expect(store.getState().editorRun('task/rename', { taskId: 2, text: 'Changed' }).ok).toBe(true)
  })

  it('names the step Undo would take back and Redo would repeat', () => {
    const store = testStore(samplePlan())
    expect(store.getState().editorUndoLabel()).toBeNull()
    store.getState().editorRun('task/indent', { taskIds: [4] })
    expect(store.getState().editorUndoLabel()).toBe('Indent')
    store.getState().editorRun('task/rename', { taskId: 2, text: 'Kick-off' })
    expect(store.getState().editorUndoLabel()).toBe('Rename task')
    store.getState().editorUndo()
    expect(store.getState().editorUndoLabel()).toBe('Indent')
    expect(store.getState().editorRedoLabel()).toBe('Rename task')
  })
})

const platform = fakeWebPlatform()
const openPlanDb = planDbsPerTest('editor-test')

describe('the desktop menu reaches the registry through the store', () => {
  it('runs the Task menu on the selection and opens the keyboard shortcuts', async () => {
    const db = openPlanDb()
    const plan = samplePlan()
    await planDbCreate(db, plan)
    const store = createAppStore({ platform, db, now: () => '2026-01-02T09:00:00', newId: () => 'unused', schedule: scheduleRun })
    expect(await store.getState().documentOpen(plan.id)).toBe(true)
    store.getState().editorSelect([4])
    await store.getState().menuCommandRun('task/indent')
    expect(store.getState().document?.plan.tasks.find((task) => task.id === 4)?.level).toBe(2)
    await store.getState().menuCommandRun('edit/undo')
    expect(store.getState().document?.plan.tasks.find((task) => task.id === 4)?.level).toBe(1)
    store.getState().editorSelect([])
    await store.getState().menuCommandRun('task/delete')
    expect(store.getState().editorMessage).toBe('Select a task first. Nothing was changed.')
    expect(store.getState().isShortcutsOpen).toBe(false)
    await store.getState().menuCommandRun('help/shortcuts')
    expect(store.getState().isShortcutsOpen).toBe(true)
  })
})
