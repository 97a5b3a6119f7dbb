import 'fake-indexeddb/auto'
import { planFileParse, planFileSerialize } from '../../src/shared/formats/plan-file'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { makeAssignment, makePlan, makeResource, makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import {
  PlanDb,
  PlanDbError,
  planDbApply,
  planDbCreate,
  planDbDelete,
  planDbDuplicate,
  planDbErrorFrom,
  planDbChunkRows,
  planDbList,
  planDbLoad,
  planDbOrderStep,
  planDbRename,
  planDbReplace,
  planDbRowContent,
} from '../../src/renderer/src/db/plan-db'
import { planChangesBetween } from '../../src/renderer/src/stores/plan-changes'
import { generatePlan } from '../support/generate-plan'

const now = '2025-06-02T09:30:00'
let counter = 0
const open: Dexie[] = []

function freshDb(): PlanDb {
  counter += 1
  const db = new PlanDb(`gantry-test-${counter}-${Math.random()}`)
  open.push(db)
  return db
}

afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

function samplePlan(id = 'plan-1'): Plan {
  return makePlan(id, 'Website relaunch', '2025-06-02T08:00:00', '2025-06-01T10:00:00', {
    tasks: [
      makeTask(1, { name: 'Design' }),
      makeTask(2, { name: 'Wireframes', level: 2 }),
      makeTask(3, { name: 'Build' }),
      makeTask(4, { name: 'Launch', duration: 0, isMilestone: true }),
    ],
    dependencies: [
      { id: 1, predecessorId: 2, successorId: 3, type: 'FS', lag: 0, lagUnit: 'd' },
      { id: 2, predecessorId: 3, successorId: 4, type: 'FS', lag: 0, lagUnit: 'd' },
    ],
    resources: [
      makeResource(1, 'Ana', { role: 'Designer', initials: 'A', standardRate: 80 }),
    ],
    assignments: [makeAssignment(1, 2, 1, 100, 0)],
  })
}

/**
 * `plan` as databases before version 4 stored it (the model before issue 16): one `baseline` per task, an hourly
 * rate, no progress or cost fields, no tracking. Rows the upgrade must turn back into `plan`.
 */
function storedBeforeV4(plan: Plan) {
  const { tracking: _tracking, settings, tasks, resources, assignments, ...meta } = plan
  const { moveRemainingAfterStatusDate: _move, baselineForEarnedValue: _baseline, earnedValueMethod: _method, ...oldSettings } = settings
  return {
    meta: { ...meta, settings: oldSettings },
    tasks: tasks.map(({ baselines, physicalPercentComplete: _p, actualWork: _w, fixedCost: _f, fixedCostAccrual: _a, budget: _b, ...task }) => {
      const first = baselines[0]
      return { ...task, baseline: first === undefined ? null : { start: first.start, finish: first.finish, duration: first.duration } }
    }),
    resources: resources.map(({ type: _t, materialLabel: _m, standardRate, standardRateUnit: _u, overtimeRate: _o, overtimeRateUnit: _ou, costPerUse: _c, costAccrual: _ca, ...resource }) => ({
      ...resource,
      hourlyRate: standardRate,
    })),
    assignments: assignments.map(({ actualWork: _w, ...assignment }) => assignment),
  }
}

/** The keys of a plan's rows in a table keyed `[planId+...]`. */
async function storedKeys(db: PlanDb, table: 'chunks' | 'calendars', planId: string): Promise<unknown[]> {
  return db
    .table(table)
    .where(':id')
    .between([planId, Dexie.minKey], [planId, Dexie.maxKey])
    .primaryKeys()
}

/**
 * Counts the rows written to each table (Dexie's own DBCore middleware; register before the first operation,
 * then `reset()` after the set-up writes).
 */
function countWrites(db: PlanDb) {
  const writes: Record<string, number> = {}
  const reset = () => {
    for (const key of Object.keys(writes)) delete writes[key]
  }
  db.use({
    stack: 'dbcore',
    name: 'count-writes',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name)
          return {
            ...table,
            mutate(request) {
              const count =
                request.type === 'deleteRange'
                  ? 1
                  : request.type === 'delete'
                    ? request.keys.length
                    : request.values.length
              writes[name] = (writes[name] ?? 0) + count
              return table.mutate(request)
            },
          }
        },
      }
    },
  })
  return { writes, reset }
}

describe('PlanDb', () => {
  it('stores a plan and loads it back exactly, in outline order', async () => {
    const db = freshDb()
    const plan = samplePlan()
    const created = await planDbCreate(db, plan)
    expect(created.revision).toBe(1)
    const loaded = await planDbLoad(db, plan.id)
    expect(loaded?.plan).toEqual(plan)
    expect(loaded?.revision).toBe(1)
    expect(loaded?.layout.tasks).toEqual({ keys: [planDbOrderStep], counts: [4] })
    expect(await planDbList(db)).toEqual([
      {
        id: plan.id,
        name: plan.name,
        createdAt: plan.createdAt,
        updatedAt: plan.updatedAt,
        taskCount: 4,
        revision: 1,
        fileName: null,
      },
    ])
  })

  it('returns null for a plan that is not stored', async () => {
    expect(await planDbLoad(freshDb(), 'nope')).toBeNull()
  })

  it('refuses to create a second plan with the same id', async () => {
    const db = freshDb()
    await planDbCreate(db, samplePlan())
    await expect(planDbCreate(db, samplePlan())).rejects.toMatchObject({ code: 'conflict' })
  })

  it('an edit writes the one chunk holding the changed task and the plan row, not the calendars', async () => {
    const db = freshDb()
    const { writes, reset } = countWrites(db)
    const plan = generatePlan({ tasks: 3000, seed: 4, resources: 5 })
    const stored = await planDbCreate(db, plan)
    expect(stored.layout.tasks.keys.length).toBe(Math.ceil(3000 / planDbChunkRows))
    reset()
    const next: Plan = {
      ...plan,
      tasks: plan.tasks.map((task, index) => (index === 2222 ? { ...task, name: 'Renamed' } : task)),
    }
    const { changes } = planChangesBetween(plan, next, stored.layout)
    const revision = await planDbApply(db, plan.id, changes, 1, now)
    expect(revision).toBe(2)
    expect(writes).toEqual({ chunks: 1, plans: 1 })
    expect(changes.chunks?.put?.[0]?.rows.length).toBeLessThanOrEqual(planDbChunkRows)
    expect((await planDbLoad(db, plan.id))?.plan).toEqual({ ...next, updatedAt: now })
  })

  it('inserts, moves and deletes tasks by rewriting the chunks around them, and reads them back in order', async () => {
    const db = freshDb()
    const { writes, reset } = countWrites(db)
    const plan = generatePlan({ tasks: 2000, seed: 6 })
    let stored = await planDbCreate(db, plan)
    let current = plan
    const edits: ((tasks: Plan['tasks']) => void)[] = [
      (tasks) => tasks.splice(1000, 0, makeTask(5000, { name: 'Inserted', level: 3 })),
      (tasks) => tasks.splice(1, 0, ...tasks.splice(1500, 1)),
      (tasks) => tasks.splice(700, 3),
    ]
    for (const edit of edits) {
      reset()
      const tasks = [...current.tasks]
      edit(tasks)
      const next: Plan = { ...current, tasks, dependencies: [] }
      const { changes, layout } = planChangesBetween(current, next, stored.layout)
      const revision = await planDbApply(db, plan.id, changes, stored.revision, now)
      // The links are gone (a few chunks deleted), the tasks touch at most two chunks each side of the change.
      expect((changes.chunks?.put ?? []).filter((chunk) => chunk.kind === 'tasks').length).toBeLessThanOrEqual(4)
      stored = { ...stored, plan: next, layout, revision }
      current = next
      const loaded = await planDbLoad(db, plan.id)
      expect(loaded?.plan.tasks).toEqual(next.tasks)
      expect(loaded?.layout.tasks).toEqual(layout.tasks)
    }
    expect(writes.plans).toBe(1)
    expect((await planDbList(db))[0]?.taskCount).toBe(current.tasks.length)
  })

  it('a calendar edit writes that calendar row only', async () => {
    const db = freshDb()
    const { writes, reset } = countWrites(db)
    const plan = samplePlan()
    const stored = await planDbCreate(db, plan)
    reset()
    const calendar = plan.calendars[0]
    if (calendar === undefined) throw new Error('no calendar')
    const next: Plan = { ...plan, calendars: [{ ...calendar, exceptions: [{ name: 'Off', from: '2025-06-09', to: '2025-06-09', periods: [] }] }] }
    const { changes } = planChangesBetween(plan, next, stored.layout)
    await planDbApply(db, plan.id, changes, 1, now)
    expect(writes).toEqual({ calendars: 1, plans: 1 })
    expect((await planDbLoad(db, plan.id))?.plan).toEqual({ ...next, updatedAt: now })
  })

  it('with the whole plan row, issues every request at once (also committing at once) and still checks the revision', async () => {
    const db = freshDb()
    const { writes, reset } = countWrites(db)
    const plan = samplePlan()
    const stored = await planDbCreate(db, plan)
    reset()
    const next: Plan = { ...plan, name: 'Renamed', tasks: plan.tasks.map((task, index) => (index === 0 ? { ...task, name: 'First' } : task)) }
    const { changes } = planChangesBetween(plan, next, stored.layout)
    const revision = await planDbApply(db, plan.id, changes, 1, now, { row: planDbRowContent(next, null), commitNow: true })
    expect(revision).toBe(2)
    expect(writes).toEqual({ chunks: 1, plans: 1 })
    expect((await planDbLoad(db, plan.id))?.plan).toEqual({ ...next, updatedAt: now })
    // The same change against the old revision is refused and undone, row included.
    const later: Plan = { ...next, name: 'Stale' }
    const stale = planChangesBetween(next, later, stored.layout).changes
    await expect(planDbApply(db, plan.id, stale, 1, now, { row: planDbRowContent(later, null) })).rejects.toMatchObject({ code: 'conflict' })
    expect((await planDbLoad(db, plan.id))?.plan.name).toBe('Renamed')
  })

  it('refuses a change made against an old revision and writes nothing (two windows)', async () => {
    const db = freshDb()
    const plan = samplePlan()
    await planDbCreate(db, plan)
    await planDbRename(db, plan.id, 'Renamed in the other window', now)
    const change = {
      chunks: { put: [{ kind: 'tasks' as const, key: 99 * planDbOrderStep, rows: [makeTask(9, { name: 'Late' })] }] },
      plan: { name: 'Mine' },
    }
    const attempt = planDbApply(db, plan.id, change, 1, now)
    await expect(attempt).rejects.toBeInstanceOf(PlanDbError)
    await expect(attempt).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/changed in another window/),
    })
    const loaded = await planDbLoad(db, plan.id)
    expect(loaded?.plan.name).toBe('Renamed in the other window')
    expect(loaded?.plan.tasks).toHaveLength(4)
    expect(loaded?.revision).toBe(2)
  })

  it('rolls back every row of a change when one write fails', async () => {
    const db = freshDb()
    const plan = samplePlan()
    await planDbCreate(db, plan)
    // A row without a key cannot be stored: the chunk written before it in the same transaction must vanish too.
    const broken = {
      chunks: {
        put: [{ kind: 'tasks' as const, key: planDbOrderStep, rows: [makeTask(7, { name: 'Written first' })] }],
        delete: [{ kind: 'resources' as const, key: planDbOrderStep }],
      },
      calendars: { put: [{ value: { id: undefined } as never, order: 1 }] },
    }
    await expect(planDbApply(db, plan.id, broken, 1, now)).rejects.toBeInstanceOf(PlanDbError)
    const loaded = await planDbLoad(db, plan.id)
    expect(loaded?.plan).toEqual(plan)
    expect(loaded?.revision).toBe(1)
  })

  it('replaces a plan whole and links it to a file', async () => {
    const db = freshDb()
    const plan = samplePlan()
    await planDbCreate(db, plan)
    const other = {
      ...plan,
      name: 'From file',
      tasks: [makeTask(1, { name: 'Only' })],
      dependencies: [],
      assignments: [],
    }
    const replaced = await planDbReplace(db, other, 1, { documentToken: 't', fileName: 'plan.gantry' })
    expect(replaced.file).toEqual({ documentToken: 't', fileName: 'plan.gantry', savedRevision: 2 })
    const loaded = await planDbLoad(db, plan.id)
    expect(loaded?.plan).toEqual(other)
    expect(loaded?.file?.savedRevision).toBe(loaded?.revision)
    await expect(planDbReplace(db, other, 1, null)).rejects.toMatchObject({ code: 'conflict' })
  })

  it('duplicates a plan under a new id and deletes a plan with all its rows', async () => {
    const db = freshDb()
    const plan = samplePlan()
    await planDbCreate(db, plan, { documentToken: 't', fileName: 'a.gantry' })
    const copy = await planDbDuplicate(db, plan.id, 'plan-2', 'Copy', now)
    expect(copy.file).toBeNull()
    expect((await planDbLoad(db, 'plan-2'))?.plan).toEqual({
      ...plan,
      id: 'plan-2',
      name: 'Copy',
      createdAt: now,
      updatedAt: now,
    })
    await planDbDelete(db, plan.id)
    expect(await planDbLoad(db, plan.id)).toBeNull()
    expect(await storedKeys(db, 'chunks', plan.id)).toEqual([])
    expect(await storedKeys(db, 'calendars', plan.id)).toEqual([])
    expect((await storedKeys(db, 'chunks', 'plan-2')).length).toBe(4)
    expect((await planDbList(db)).map((summary) => summary.id)).toEqual(['plan-2'])
  })
})

describe('PlanDb schema upgrades', () => {
  it('upgrades a version-1 database: plans get their task count, rows stay intact', async () => {
    const name = `gantry-upgrade-${Math.random()}`
    const old = new Dexie(name)
    old.version(1).stores({
      plans: 'id, updatedAt',
      tasks: '[planId+id], planId, [planId+order]',
      dependencies: '[planId+id], planId, [planId+order]',
      resources: '[planId+id], planId, [planId+order]',
      assignments: '[planId+id], planId, [planId+order]',
    })
    const plan = samplePlan()
    const { dependencies } = plan
    const { meta, tasks, resources, assignments } = storedBeforeV4(plan)
    await old.table('plans').put({ ...meta, revision: 3, file: null })
    await old
      .table('tasks')
      .bulkPut(tasks.map((task, index) => ({ ...task, planId: plan.id, order: index + 1 })))
    await old
      .table('dependencies')
      .bulkPut(dependencies.map((link, index) => ({ ...link, planId: plan.id, order: index + 1 })))
    await old
      .table('resources')
      .bulkPut(resources.map((row, index) => ({ ...row, planId: plan.id, order: index + 1 })))
    await old
      .table('assignments')
      .bulkPut(assignments.map((row, index) => ({ ...row, planId: plan.id, order: index + 1 })))
    old.close()

    const db = new PlanDb(name)
    open.push(db)
    expect((await planDbList(db))[0]).toMatchObject({ id: plan.id, taskCount: 4, revision: 3 })
    expect((await planDbLoad(db, plan.id))?.plan).toEqual(plan)
    expect(db.verno).toBe(5)
  })

  it('upgrades a version-2 database: rows become chunks, calendars rows of their own, every plan intact', async () => {
    const name = `gantry-upgrade-v2-${Math.random()}`
    const old = new Dexie(name)
    old.version(2).stores({
      plans: 'id, updatedAt',
      tasks: '[planId+id], planId, [planId+order]',
      dependencies: '[planId+id], planId, [planId+order]',
      resources: '[planId+id], planId, [planId+order]',
      assignments: '[planId+id], planId, [planId+order]',
    })
    const big = generatePlan({ tasks: 1300, seed: 8, resources: 6 })
    const small = samplePlan('plan-small')
    const second = { ...small.calendars[0], id: 2, name: 'Night' } as Plan['calendars'][number]
    const plans = [big, { ...small, calendars: [...small.calendars, second] }]
    for (const plan of plans) {
      const { dependencies } = plan
      const { meta, tasks, resources, assignments } = storedBeforeV4(plan)
      await old.table('plans').put({ ...meta, revision: 7, taskCount: tasks.length, file: null })
      // Stored orders are not in array order: the upgrade must sort by order, not by id.
      const rows = <T extends object>(items: T[]) => items.map((item, index) => ({ ...item, planId: plan.id, order: (items.length - index) * -1.5 }))
      await old.table('tasks').bulkPut(rows(tasks))
      await old.table('dependencies').bulkPut(rows(dependencies))
      await old.table('resources').bulkPut(rows(resources))
      await old.table('assignments').bulkPut(rows(assignments))
    }
    old.close()

    const db = new PlanDb(name)
    open.push(db)
    for (const plan of plans) {
      const loaded = await planDbLoad(db, plan.id)
      expect(loaded?.plan).toEqual(plan)
      expect(loaded?.revision).toBe(7)
      expect((await db.plans.get(plan.id)) as object).not.toHaveProperty('calendars')
      expect((await storedKeys(db, 'calendars', plan.id)).length).toBe(plan.calendars.length)
    }
    expect(db.verno).toBe(5)
    expect(db.tables.map((table) => table.name).sort()).toEqual(['calendars', 'chunks', 'plans'])
  })

  it('upgrades a version-3 database: the baseline becomes Baseline (0), the hourly rate the standard rate, progress and costs start blank', async () => {
    const name = `gantry-upgrade-v3-${Math.random()}`
    const plan = samplePlan()
    plan.tasks[2] = { ...(plan.tasks[2] as Plan['tasks'][number]), baselines: [{ number: 0, start: '2025-06-03T08:00:00', finish: '2025-06-03T17:00:00', duration: 480, work: null, cost: null, bcws: null, bcwp: null }] }
    const stored = storedBeforeV4(plan)
    // Version 3 of the schema, as the previous release left it.
    const old = new Dexie(name)
    old.version(3).stores({ plans: 'id, updatedAt', chunks: '[planId+kind+key]', calendars: '[planId+id]' })
    await old.table('plans').put({ ...stored.meta, revision: 2, taskCount: 4, file: null })
    await old.table('chunks').bulkPut([
      { planId: plan.id, kind: 'tasks', key: 1, rows: stored.tasks },
      { planId: plan.id, kind: 'dependencies', key: 1, rows: plan.dependencies },
      { planId: plan.id, kind: 'resources', key: 1, rows: stored.resources },
      { planId: plan.id, kind: 'assignments', key: 1, rows: stored.assignments },
    ])
    await old.table('calendars').bulkPut(plan.calendars.map((calendar, order) => ({ ...calendar, planId: plan.id, order })))
    old.close()

    const db = new PlanDb(name)
    open.push(db)
    const loaded = await planDbLoad(db, plan.id)
    expect(loaded?.plan).toEqual({ ...plan, tracking: { budget: null, baselines: [{ number: 0, setAt: null }] } })
    expect(loaded?.plan.resources[0]?.standardRate).toBe(80)
    expect(db.verno).toBe(5)
  })

  it('upgrades a version-3 database stored before issue 14: tasks get their type, mode and work, assignments units x duration', async () => {
    const name = `gantry-upgrade-v3-model1-${Math.random()}`
    const plan = samplePlan()
    const stored = storedBeforeV4(plan)
    // The release before issue 14 stored the model of `.gantry` version 1: no work, task type or manual scheduling.
    const model1Tasks = stored.tasks.map(
      ({ type: _t, isEffortDriven: _e, schedulingMode: _s, manualStart: _ms, manualFinish: _mf, manualDuration: _md, ignoresResourceCalendars: _i, work: _w, ...task }) => task,
    )
    const model1Assignments = stored.assignments.map(({ work: _w, start: _s, finish: _f, ...assignment }) => assignment)
    const { newTaskSchedulingMode: _mode, ...model1Settings } = stored.meta.settings
    const old = new Dexie(name)
    old.version(3).stores({ plans: 'id, updatedAt', chunks: '[planId+kind+key]', calendars: '[planId+id]' })
    await old.table('plans').put({ ...stored.meta, settings: model1Settings, revision: 2, taskCount: 4, file: null })
    await old.table('chunks').bulkPut([
      { planId: plan.id, kind: 'tasks', key: 1, rows: model1Tasks },
      { planId: plan.id, kind: 'dependencies', key: 1, rows: plan.dependencies },
      { planId: plan.id, kind: 'resources', key: 1, rows: stored.resources },
      { planId: plan.id, kind: 'assignments', key: 1, rows: model1Assignments },
    ])
    await old.table('calendars').bulkPut(plan.calendars.map((calendar, order) => ({ ...calendar, planId: plan.id, order })))
    old.close()

    const db = new PlanDb(name)
    open.push(db)
    const loaded = await planDbLoad(db, plan.id)
    if (loaded === undefined || loaded === null) throw new Error('the plan did not load')
    // Ana at 100 % on task 2 owes its whole duration as work, and task 2's work is hers.
    const task2 = plan.tasks.find((task) => task.id === 2)
    expect(loaded.plan.assignments[0]).toMatchObject({ work: task2?.duration, start: null, finish: null, actualWork: 0 })
    expect(loaded.plan.tasks.find((task) => task.id === 2)).toMatchObject({ type: 'fixed-units', schedulingMode: 'auto', work: task2?.duration })
    expect(loaded.plan.tasks.every((task) => task.manualStart === null && task.ignoresResourceCalendars === false)).toBe(true)
    expect(loaded.plan.settings.newTaskSchedulingMode).toBe('auto')
    expect(planFileParse(planFileSerialize(loaded.plan)).ok).toBe(true)
  })

  it('a newer database closes this connection and tells the app to reload', async () => {
    const name = `gantry-versionchange-${Math.random()}`
    let reloads = 0
    const db = new PlanDb(name, undefined, { onVersionChange: () => (reloads += 1) })
    await planDbCreate(db, samplePlan())
    const newer = new Dexie(name)
    newer.version(db.verno + 1).stores({ plans: 'id, updatedAt', extra: 'id' })
    await newer.open()
    expect(reloads).toBe(1)
    expect(db.isOpen()).toBe(false)
    newer.close()
    await Dexie.delete(name)
  })
})

describe('planDbErrorFrom', () => {
  it('recognises a quota error, also when it arrives inside an AbortError', () => {
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' })
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError', inner: quota })
    for (const error of [quota, abort]) {
      const converted = planDbErrorFrom(error)
      expect(converted.code).toBe('quota')
      expect(converted.message).toMatch(/storage is full.*save or export the plan/)
    }
  })

  it('keeps other failures with their detail', () => {
    expect(planDbErrorFrom(new Error('disk on fire'))).toMatchObject({
      code: 'io',
      message: expect.stringMatching(/disk on fire/),
    })
  })
})
