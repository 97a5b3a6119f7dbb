import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import {
  PlanDb,
  PlanDbError,
  planDbApply,
  planDbCreate,
  planDbDelete,
  planDbDuplicate,
  planDbErrorFrom,
  planDbList,
  planDbLoad,
  planDbOrderStep,
  planDbRename,
  planDbReplace,
} from '../../src/renderer/src/db/plan-db'
import { planChangesBetween } from '../../src/renderer/src/stores/plan-changes'

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
      {
        id: 1,
        name: 'Ana',
        role: 'Designer',
        initials: 'A',
        email: '',
        maxUnits: 100,
        hourlyRate: 80,
        nonWorkingDays: [],
        calendarId: null,
      },
    ],
    assignments: [{ id: 1, taskId: 2, resourceId: 1, units: 100 }],
  })
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
    expect(loaded?.orders.tasks.get(3)).toBe(3 * planDbOrderStep)
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

  it('writes only the rows an edit touches', async () => {
    const db = freshDb()
    const { writes, reset } = countWrites(db)
    const plan = samplePlan()
    const stored = await planDbCreate(db, plan)
    reset()
    // Rename one task out of four.
    const next: Plan = {
      ...plan,
      tasks: plan.tasks.map((task) => (task.id === 3 ? { ...task, name: 'Build site' } : task)),
    }
    const { changes } = planChangesBetween(plan, next, stored.orders)
    const revision = await planDbApply(db, plan.id, changes, 1, now)
    expect(revision).toBe(2)
    expect(writes).toEqual({ tasks: 1, plans: 1 })
    expect((await planDbLoad(db, plan.id))?.plan.tasks[2].name).toBe('Build site')
  })

  it('inserts a task in the middle by writing that one row', async () => {
    const db = freshDb()
    const { writes, reset } = countWrites(db)
    const plan = samplePlan()
    const stored = await planDbCreate(db, plan)
    reset()
    const tasks = [...plan.tasks]
    tasks.splice(2, 0, makeTask(5, { name: 'Content', level: 2 }))
    const next = { ...plan, tasks }
    const { changes } = planChangesBetween(plan, next, stored.orders)
    await planDbApply(db, plan.id, changes, stored.revision, now)
    expect(writes.tasks).toBe(1)
    const loaded = await planDbLoad(db, plan.id)
    expect(loaded?.plan.tasks.map((task) => task.id)).toEqual([1, 2, 5, 3, 4])
    expect(loaded?.plan.tasks).toEqual(next.tasks)
    expect((await planDbList(db))[0].taskCount).toBe(5)
  })

  it('moves the last task to the top by writing one row, and deletes rows with their links', async () => {
    const db = freshDb()
    const plan = samplePlan()
    const stored = await planDbCreate(db, plan)
    const moved = { ...plan, tasks: [plan.tasks[3], ...plan.tasks.slice(0, 3)] }
    const first = planChangesBetween(plan, moved, stored.orders)
    expect(first.changes.put?.tasks?.map((row) => row.value.id)).toEqual([4])
    const revision = await planDbApply(db, plan.id, first.changes, 1, now)

    const removed = {
      ...moved,
      tasks: moved.tasks.filter((task) => task.id !== 3),
      dependencies: [],
    }
    const second = planChangesBetween(moved, removed, first.orders)
    expect(second.changes.delete?.tasks).toEqual([3])
    expect(second.changes.delete?.dependencies).toEqual([1, 2])
    await planDbApply(db, plan.id, second.changes, revision, now)
    const loaded = await planDbLoad(db, plan.id)
    expect(loaded?.plan.tasks.map((task) => task.id)).toEqual([4, 1, 2])
    expect(loaded?.plan.dependencies).toEqual([])
    expect(loaded?.revision).toBe(3)
  })

  it('refuses a change made against an old revision and writes nothing (two windows)', async () => {
    const db = freshDb()
    const plan = samplePlan()
    await planDbCreate(db, plan)
    await planDbRename(db, plan.id, 'Renamed in the other window', now)
    const change = {
      put: { tasks: [{ value: makeTask(9, { name: 'Late' }), order: 99 * planDbOrderStep }] },
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
    // A row without a key cannot be stored: the task written before it in the same transaction must vanish too.
    const bad = {
      put: { tasks: [{ value: makeTask(7, { name: 'Written first' }), order: 1 }] },
      delete: { resources: [1] },
    }
    const broken = {
      ...bad,
      put: { ...bad.put, dependencies: [{ value: { id: undefined } as never, order: 1 }] },
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
    expect(await db.tasks.where('planId').equals(plan.id).count()).toBe(0)
    expect(await db.tasks.where('planId').equals('plan-2').count()).toBe(4)
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
    const { tasks, dependencies, resources, assignments, ...meta } = plan
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
    expect(db.verno).toBe(2)
  })

  it('a newer database closes this connection and tells the app to reload', async () => {
    const name = `gantry-versionchange-${Math.random()}`
    let reloads = 0
    const db = new PlanDb(name, undefined, { onVersionChange: () => (reloads += 1) })
    await planDbCreate(db, samplePlan())
    const newer = new Dexie(name)
    newer.version(3).stores({ plans: 'id, updatedAt', extra: 'id' })
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
