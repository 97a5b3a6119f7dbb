import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { makeAssignment, makePlan, makeTask } from '../../src/shared/domain/defaults'
import { taskRuleFillWork } from '../../src/shared/domain/task-rules'
import { loadCompute } from '../../src/shared/domain/load'
import type { Plan } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'
import { suggestionsForConflict } from '../../src/shared/domain/suggestions'
import { planDbCreate, planDbLoad } from '../../src/renderer/src/db/plan-db'
import { createAppStore } from '../../src/renderer/src/stores/app-store'
import { assignmentSet, resourceProblem, vacationsFormat, vacationsParse } from '../../src/shared/commands/resources'
import { commandRun } from '../../src/shared/commands/run'
import { overallocationByTask, planLoadOf } from '../../src/renderer/src/features/resources/plan-load'
import { fakeWebPlatform, planDbsPerTest } from '../support/fake-platform'
import { makeResource } from '../support/resource-plans'

/**
 * Week of Mon 2026-03-02 (standard calendar, 8 h days):
 *   1 Design  (3d)  Ana 100 %   Mon-Wed
 *   2 Build   (2d)  Ana 100 %   Mon-Tue   <- overlaps Design: Ana at 200 % on Mon and Tue
 *   3 Review  (1d)  Ben 100 %   Mon
 */
function overbookedPlan(): Plan {
  return taskRuleFillWork(makePlan('p-res', 'Resources', '2026-03-02T08:00:00', '2026-03-01T00:00:00', {
    tasks: [makeTask(1, { name: 'Design', duration: 3 * 480 }), makeTask(2, { name: 'Build', duration: 2 * 480, priority: 400 }), makeTask(3, { name: 'Review', duration: 480 })],
    resources: [makeResource(1, 'Ana'), makeResource(2, 'Ben')],
    assignments: [
      makeAssignment(1, 1, 1, 100, 0),
      makeAssignment(2, 2, 1, 100, 0),
      makeAssignment(3, 3, 2, 100, 0),
    ],
  }))
}

const platform = fakeWebPlatform()
const openPlanDb = planDbsPerTest('resources-test')

async function openStore(plan: Plan = overbookedPlan()) {
  const db = openPlanDb()
  await planDbCreate(db, plan)
  const store = createAppStore({ platform, db, now: () => '2026-03-01T09:00:00', newId: () => 'unused', schedule: scheduleRun })
  expect(await store.getState().documentOpen(plan.id)).toBe(true)
  return { store, db }
}

const planOf = (store: Awaited<ReturnType<typeof openStore>>['store']): Plan => {
  const document = store.getState().document
  if (document === null) throw new Error('no document')
  return document.plan
}

const conflictsOf = (plan: Plan) => {
  const result = scheduleRun(plan)
  if (!result.ok) throw new Error('not scheduled')
  return loadCompute(plan, result.schedule).conflicts
}

describe('resource checks', () => {
  it.each([
    [{ name: '' }, 'A resource needs a name.'],
    [{ name: 'ana' }, 'There is already a resource named "ana".'],
    [{ name: 'Ana[1]' }, 'cannot contain ['],
    [{ maxUnits: 0 }, 'more than 0 %'],
    [{ maxUnits: -50 }, 'more than 0 %'],
    [{ maxUnits: Number.NaN }, 'must be a number'],
    [{ maxUnits: 1001 }, 'at most 1000 %'],
    [{ hourlyRate: -1 }, 'hourly rate'],
    [{ nonWorkingDays: [{ from: '2026-03-06', to: '2026-03-02' }] }, 'ends before it starts'],
  ])('refuses %j', (draft, message) => {
    expect(resourceProblem(draft, [makeResource(1, 'Ana')], null)).toContain(message)
  })

  it('accepts a part-timer and keeps the own name when editing', () => {
    expect(resourceProblem({ name: 'Ana', maxUnits: 50, hourlyRate: 80 }, [makeResource(1, 'Ana')], 1)).toBeNull()
  })

  it('reads and writes vacations', () => {
    const parsed = vacationsParse('2026-03-02..2026-03-06, 2026-04-10')
    expect(parsed).toEqual({ ok: true, ranges: [{ from: '2026-03-02', to: '2026-03-06' }, { from: '2026-04-10', to: '2026-04-10' }] })
    if (parsed.ok) expect(vacationsFormat(parsed.ranges)).toBe('2026-03-02..2026-03-06, 2026-04-10')
    expect(vacationsParse('next week').ok).toBe(false)
    expect(vacationsParse('2026-02-30').ok).toBe(false)
  })
})

const noContext = { selection: [], schedule: null, clipboard: null }

describe('pure resource commands', () => {
  it('removes a resource with its assignments and keeps other rows', () => {
    const plan = overbookedPlan()
    const result = commandRun(plan, 'resource/remove', { resourceId: 1 }, noContext)
    if (!result.ok) throw new Error(result.message)
    expect(result.plan.resources.map((item) => item.name)).toEqual(['Ben'])
    expect(result.plan.assignments.map((item) => item.id)).toEqual([3])
    expect(result.plan.assignments[0]).toBe(plan.assignments[2])
    expect(commandRun(plan, 'resource/remove', { resourceId: 99 }, noContext)).toEqual({
      ok: false,
      message: 'This resource no longer exists. Nothing was changed.',
    })
  })

  it('changes units of an existing assignment or adds one', () => {
    const plan = overbookedPlan()
    expect(assignmentSet(plan, 1, 1, 100, 9)).toBe(plan)
    expect(assignmentSet(plan, 1, 1, 50, 9).assignments[0]).toMatchObject({ id: 1, units: 50 })
    // A second person on a 1-day task that is not effort driven brings 25 % of a day of work.
    expect(assignmentSet(plan, 3, 1, 25, 9).assignments.at(-1)).toEqual(makeAssignment(9, 3, 1, 25, 120))
  })

  it('reads the add form as typed: units, rate and vacations, then checks the resource', () => {
    const plan = overbookedPlan()
    const input = { name: ' Caro ', role: 'DBA', maxUnits: '50%', hourlyRate: '90,5', vacations: '2026-03-02..2026-03-06' }
    const result = commandRun(plan, 'resource/add', input, noContext)
    if (!result.ok) throw new Error(result.message)
    expect(result.value).toBe(3)
    expect(result.plan.resources.at(-1)).toMatchObject({ id: 3, name: 'Caro', maxUnits: 50, hourlyRate: 90.5, nonWorkingDays: [{ from: '2026-03-02', to: '2026-03-06' }] })
    expect(commandRun(plan, 'resource/add', { ...input, hourlyRate: 'cheap' }, noContext)).toMatchObject({ ok: false, message: expect.stringContaining('hourly rate') })
    expect(commandRun(plan, 'resource/add', { ...input, name: 'ana' }, noContext)).toMatchObject({ ok: false, message: expect.stringContaining('already a resource named') })
  })

  it('refuses an hourly rate the plan file cannot hold, at the moment it is typed', () => {
    const result = commandRun(overbookedPlan(), 'resource/set-field', { resourceId: 1, field: 'hourlyRate', text: '99999999999' }, noContext)
    expect(result).toEqual({ ok: false, message: 'Resource "Ana": The hourly rate must be at most 1,000,000,000. Nothing was changed.' })
  })
})

describe('resource commands in the store', () => {
  it('adds and edits resources, refusing bad units with a message and changing nothing', async () => {
    const { store, db } = await openStore()
    const added = store.getState().editorRun('resource/add', { name: ' Caro ', role: 'DBA', maxUnits: '50', hourlyRate: '90', vacations: '' })
    expect(added).toEqual({ ok: true, isChanged: true, value: 3 })
    expect(planOf(store).resources.at(-1)).toMatchObject({ id: 3, name: 'Caro', role: 'DBA', maxUnits: 50, initials: 'C' })

    for (const maxUnits of ['0', '-10', 'lots', '1200%']) {
      const before = planOf(store)
      const outcome = store.getState().editorRun('resource/set-field', { resourceId: 3, field: 'maxUnits', text: maxUnits })
      expect(outcome.ok).toBe(false)
      expect(store.getState().editorMessage).toMatch(/Max units for Caro .*Nothing was changed\./)
      expect(planOf(store)).toBe(before)
    }
    expect(store.getState().editorRun('resource/set-field', { resourceId: 3, field: 'maxUnits', text: '80%' }).ok).toBe(true)
    expect(store.getState().editorMessage).toBeNull()
    await store.getState().documentFlush()
    expect((await planDbLoad(db, 'p-res'))?.plan.resources.find((item) => item.id === 3)?.maxUnits).toBe(80)
  })

  it('refuses assignment units of 0, negative, non-numeric or over 1000 % and changes nothing', async () => {
    const { store } = await openStore()
    for (const units of ['0', '-5', 'half', '1000.5']) {
      const before = planOf(store)
      expect(store.getState().editorRun('assignment/set', { taskId: 3, resourceId: 1, units }).ok).toBe(false)
      expect(store.getState().editorMessage).toContain('Ana')
      expect(planOf(store)).toBe(before)
    }
    expect(store.getState().editorRun('assignment/set', { taskId: 3, resourceId: 1, units: '1000%' }).ok).toBe(true)
    expect(planOf(store).assignments.at(-1)).toMatchObject({ taskId: 3, resourceId: 1, units: 1000 })
    const assignmentId = planOf(store).assignments.at(-1)?.id ?? -1
    expect(store.getState().editorRun('assignment/remove', { assignmentId }).ok).toBe(true)
    expect(planOf(store).assignments).toHaveLength(3)
  })

  it('removes an assigned resource and its assignments in one step that one undo restores, in storage too', async () => {
    const { store, db } = await openStore()
    const original = planOf(store)
    expect(store.getState().editorRun('resource/remove', { resourceId: 1 }).ok).toBe(true)
    expect(planOf(store).resources.map((item) => item.name)).toEqual(['Ben'])
    expect(planOf(store).assignments.map((item) => item.taskId)).toEqual([3])
    await store.getState().documentFlush()
    expect((await planDbLoad(db, 'p-res'))?.plan.assignments).toHaveLength(1)

    store.getState().editorUndo()
    expect(planOf(store).resources).toEqual(original.resources)
    expect(planOf(store).assignments).toEqual(original.assignments)
    await store.getState().documentFlush()
    const stored = (await planDbLoad(db, 'p-res'))?.plan
    expect(stored?.resources.map((item) => item.name)).toEqual(['Ana', 'Ben'])
    expect(stored?.assignments.map((item) => item.id)).toEqual([1, 2, 3])
  })

  it('levels as one undoable step: conflicts gone and dates moved, one undo brings everything back', async () => {
    const { store, db } = await openStore()
    const before = planOf(store)
    expect(conflictsOf(before)).toHaveLength(1)
    const outcome = store.getState().editorRun('resource/level', {})
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.isChanged).toBe(true)
    expect(outcome.value.conflictsBefore).toBe(1)
    expect(outcome.value.conflictsAfter).toBe(0)
    // Build has the lower priority (400), so it moves after Design.
    expect(outcome.value.moved.map((move) => move.name)).toEqual(['Build'])
    const leveled = planOf(store)
    expect(conflictsOf(leveled)).toHaveLength(0)
    expect(leveled.tasks.find((task) => task.id === 2)?.levelingDelay).toBeGreaterThan(0)
    expect(store.getState().document?.undoStack).toHaveLength(1)

    store.getState().editorUndo()
    expect(planOf(store).tasks.map((task) => task.levelingDelay)).toEqual([0, 0, 0])
    expect(conflictsOf(planOf(store))).toHaveLength(1)
    store.getState().editorRedo()
    await store.getState().documentFlush()
    expect((await planDbLoad(db, 'p-res'))?.plan.tasks.find((task) => task.id === 2)?.levelingDelay).toBeGreaterThan(0)
  })

  it('levels within slack only without moving the plan finish', async () => {
    const { store } = await openStore()
    const outcome = store.getState().editorRun('resource/level', { withinSlackOnly: true })
    expect(outcome.ok).toBe(true)
    if (outcome.ok) expect(outcome.value.finishAfter).toBe(outcome.value.finishBefore)
  })

  it('refuses a backwards leveling range', async () => {
    const { store } = await openStore()
    const before = planOf(store)
    expect(store.getState().editorRun('resource/level', { range: { from: '2026-03-10', to: '2026-03-01' } }).ok).toBe(false)
    expect(store.getState().editorMessage).toContain('ends before it starts')
    expect(planOf(store)).toBe(before)
  })

  it('applies a suggestion as one undoable step that removes the conflict', async () => {
    const { store } = await openStore()
    const document = store.getState().document
    if (document?.schedule?.ok !== true) throw new Error('not scheduled')
    const conflict = planLoadOf(document.plan, document.schedule.schedule).conflicts[0]
    if (conflict === undefined) throw new Error('no conflict')
    const delay = suggestionsForConflict(document.plan, document.schedule.schedule, conflict).find((item) => item.kind === 'delay')
    if (delay === undefined) throw new Error('no delay suggestion')
    expect(store.getState().editorRun('suggestion/apply', { suggestion: delay }).ok).toBe(true)
    expect(conflictsOf(planOf(store))).toHaveLength(0)
    store.getState().editorUndo()
    expect(conflictsOf(planOf(store))).toHaveLength(1)
  })

  it('explains the row marker with the resource, peak and both tasks', async () => {
    const { store } = await openStore()
    const document = store.getState().document
    if (document?.schedule?.ok !== true) throw new Error('not scheduled')
    const byTask = overallocationByTask(document.plan, planLoadOf(document.plan, document.schedule.schedule))
    expect([...byTask.keys()].sort()).toEqual([1, 2])
    expect(byTask.get(1)).toBe('Ana is over-allocated from 2026-03-02 to 2026-03-03 (peak units 200 %, busiest day 200 %) on Design, Build')
  })
})
