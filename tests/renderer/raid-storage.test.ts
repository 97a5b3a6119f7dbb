/**
 * The RAID log in IndexedDB: stored as chunks of the plan like its tasks, so an added, edited or deleted item
 * writes the RAID chunk and the plan row only; read back exactly; kept when the plan is reopened after edits made
 * through the store's one run path; and a plan stored before the log existed opens with an empty log.
 */
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import type { RaidItem } from '../../src/shared/domain/raid-model'
import { scheduleRun } from '../../src/shared/domain/schedule'
import { PlanDb, planDbApply, planDbCreate, planDbLoad } from '../../src/renderer/src/db/plan-db'
import { createAppStore } from '../../src/renderer/src/stores/app-store'
import { planChangesBetween } from '../../src/renderer/src/stores/plan-changes'
import { fakeWebPlatform } from '../support/fake-platform'

const now = '2026-03-10T09:00:00'
const open: Dexie[] = []
let counter = 0

function freshDb(): PlanDb {
  counter += 1
  const db = new PlanDb(`gantry-raid-${counter}-${Math.random()}`)
  open.push(db)
  return db
}

afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

const risk: RaidItem = {
  id: 1,
  kind: 'risk',
  title: 'Supplier late',
  description: '',
  owner: 'Ana',
  dueDate: '2026-03-20',
  taskIds: [2],
  raisedOn: '2026-03-02',
  probability: 4,
  impact: 5,
  strategy: 'mitigate',
  mitigation: 'Second supplier',
  trigger: '',
  status: 'open',
  issueId: null,
}

function plan(raid: RaidItem[] = [risk]): Plan {
  return makePlan('p-raid', 'RAID', '2026-03-02T08:00:00', '2026-03-01T00:00:00', {
    tasks: [makeTask(1, { name: 'Build' }), makeTask(2, { name: 'Launch', duration: 0, isMilestone: true })],
    raid,
  })
}

/** Rows written per table (Dexie middleware), reset after the set-up writes. */
function countWrites(db: PlanDb) {
  const writes: Record<string, number> = {}
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
              writes[name] =
                (writes[name] ?? 0) +
                (request.type === 'deleteRange'
                  ? 1
                  : request.type === 'delete'
                    ? request.keys.length
                    : request.values.length)
              return table.mutate(request)
            },
          }
        },
      }
    },
  })
  return { writes, reset: () => Object.keys(writes).forEach((key) => delete writes[key]) }
}

describe('the RAID log in IndexedDB', () => {
  it('stores the log with the plan and reads it back exactly', async () => {
    const db = freshDb()
    const stored = await planDbCreate(db, plan())
    expect(stored.layout.raid.counts).toEqual([1])
    expect((await planDbLoad(db, 'p-raid'))?.plan).toEqual(plan())
  })

  it('an added, edited or deleted item writes the RAID chunk and the plan row, nothing else', async () => {
    const db = freshDb()
    const { writes, reset } = countWrites(db)
    let current = plan()
    let stored = await planDbCreate(db, current)
    const edits: ((raid: RaidItem[]) => RaidItem[])[] = [
      (raid) => [...raid, { ...risk, id: 2, title: 'Key person leaves', taskIds: [] }],
      (raid) => raid.map((item) => (item.id === 1 ? { ...item, title: 'Supplier very late' } : item)),
      (raid) => raid.filter((item) => item.id !== 1),
    ]
    for (const edit of edits) {
      reset()
      const next = { ...current, raid: edit(current.raid) }
      const { changes, layout } = planChangesBetween(current, next, stored.layout)
      const revision = await planDbApply(db, 'p-raid', changes, stored.revision, now)
      expect(writes).toEqual({ chunks: 1, plans: 1 })
      stored = { ...stored, plan: next, layout, revision }
      current = next
      expect((await planDbLoad(db, 'p-raid'))?.plan.raid).toEqual(next.raid)
    }
    expect(current.raid.map((item) => item.title)).toEqual(['Key person leaves'])
  })

  it('keeps what the RAID commands did when the plan is opened again', async () => {
    const db = freshDb()
    await planDbCreate(db, plan([]))
    const store = createAppStore({
      platform: fakeWebPlatform(),
      db,
      now: () => now,
      newId: () => 'unused',
      schedule: scheduleRun,
    })
    expect(await store.getState().documentOpen('p-raid')).toBe(true)
    const added = store
      .getState()
      .editorRun('raid/add', {
        kind: 'risk',
        today: '2026-03-10',
        draft: { title: 'Supplier late', probability: '4', impact: '5', taskIds: [2] },
      })
    expect(added.ok).toBe(true)
    expect(store.getState().editorRun('raid/risk-to-issue', { riskId: 1, today: '2026-03-11' }).ok).toBe(true)
    // A refused edit (an impossible date) changes nothing, in memory or stored.
    const refused = store.getState().editorRun('raid/update', { id: 1, draft: { dueDate: '2026-02-30' } })
    expect(refused.ok).toBe(false)
    await store.getState().documentFlush()
    const reopened = await planDbLoad(db, 'p-raid')
    expect(reopened?.plan.raid).toEqual(store.getState().document?.plan.raid)
    expect(reopened?.plan.raid.map((item) => [item.id, item.kind, item.status, item.dueDate])).toEqual([
      [1, 'risk', 'occurred', null],
      [2, 'issue', 'open', null],
    ])
  })

  it('opens a plan stored before the RAID log existed with an empty log', async () => {
    const db = freshDb()
    const stored = await planDbCreate(db, plan())
    // What a database written before the log held: no RAID chunks.
    await db.chunks
      .where(':id')
      .between(['p-raid', 'raid', Dexie.minKey], ['p-raid', 'raid', Dexie.maxKey])
      .delete()
    const loaded = await planDbLoad(db, 'p-raid')
    expect(loaded?.plan.raid).toEqual([])
    expect(loaded?.layout.raid).toEqual({ keys: [], counts: [] })
    expect(loaded?.plan.tasks).toEqual(stored.plan.tasks)
  })
})
