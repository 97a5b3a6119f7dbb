import Dexie, { liveQuery, type DexieOptions, type Table } from 'dexie'
import type {
  Assignment,
  AssignmentId,
  Calendar,
  CalendarId,
  Dependency,
  DependencyId,
  IsoDateTime,
  Plan,
  PlanSettings,
  Resource,
  ResourceId,
  Task,
  TaskId,
} from '../../../shared/domain/model'

/**
 * The `gantry` IndexedDB database: every plan, stored row by row so an edit writes only the rows it touches.
 *
 * - `plans` holds one row per plan: its name, dates, settings, calendars, a revision number and the file it is
 *   linked to. The revision is checked inside every write transaction, so two windows editing one plan get a
 *   conflict message instead of silently overwriting each other.
 * - `tasks`, `dependencies`, `resources` and `assignments` hold one row per item, keyed by `[planId+id]`, with an
 *   `order` number that keeps the plan's array order (for tasks: the outline order).
 *
 * This is the only module that imports Dexie for plans (the career tracker has its own database).
 */

export const planDbName = 'gantry'

/** The file on disk a stored plan was last opened from or saved to. */
export type PlanFileLink = {
  /** Opaque token issued by the platform (main process or browser) for this file. */
  documentToken: string
  fileName: string
  /** The plan revision that the file holds; the plan has unsaved changes when its revision differs. */
  savedRevision: number
}

export type PlanRow = {
  id: string
  name: string
  revision: number
  createdAt: IsoDateTime
  updatedAt: IsoDateTime
  start: IsoDateTime
  statusDate: IsoDateTime | null
  calendarId: CalendarId
  settings: PlanSettings
  calendars: Calendar[]
  /** Number of task rows, kept for the plan list (added in schema version 2). */
  taskCount: number
  file: PlanFileLink | null
}

/** The fields of a plan row an edit may change (the revision and timestamps are maintained here). */
export type PlanMetaChange = Partial<
  Pick<PlanRow, 'name' | 'start' | 'statusDate' | 'calendarId' | 'settings' | 'calendars' | 'file'>
>

type Stored<T> = T & { planId: string; order: number }
export type TaskRow = Stored<Task>
export type DependencyRow = Stored<Dependency>
export type ResourceRow = Stored<Resource>
export type AssignmentRow = Stored<Assignment>

/** A row to write: the item and its position in the plan's array. */
export type Ordered<T> = { value: T; order: number }

/** One incremental change of a plan, written in a single transaction. */
export type PlanChanges = {
  plan?: PlanMetaChange
  put?: {
    tasks?: Ordered<Task>[]
    dependencies?: Ordered<Dependency>[]
    resources?: Ordered<Resource>[]
    assignments?: Ordered<Assignment>[]
  }
  delete?: {
    tasks?: TaskId[]
    dependencies?: DependencyId[]
    resources?: ResourceId[]
    assignments?: AssignmentId[]
  }
}

/** The order numbers of every row, by table, as stored. */
export type PlanOrders = {
  tasks: Map<TaskId, number>
  dependencies: Map<DependencyId, number>
  resources: Map<ResourceId, number>
  assignments: Map<AssignmentId, number>
}

export type StoredPlan = { plan: Plan; revision: number; file: PlanFileLink | null; orders: PlanOrders }

export type PlanSummary = {
  id: string
  name: string
  createdAt: IsoDateTime
  updatedAt: IsoDateTime
  taskCount: number
  revision: number
  fileName: string | null
}

export type PlanDbErrorCode = 'conflict' | 'not-found' | 'quota' | 'blocked' | 'upgrade' | 'io'

/** A storage failure with a message a user can act on. */
export class PlanDbError extends Error {
  readonly code: PlanDbErrorCode
  constructor(code: PlanDbErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'PlanDbError'
    this.code = code
  }
}

/** Space between the order numbers of consecutive rows when a plan is written whole. */
export const planDbOrderStep = 1024

export type PlanDbEvents = {
  /** Another window opened a newer version of the database: this connection was closed; reload the page. */
  onVersionChange?: () => void
  /** This window's upgrade waits for other windows that still hold the old version open. */
  onBlocked?: () => void
}

export class PlanDb extends Dexie {
  plans!: Table<PlanRow, string>
  tasks!: Table<TaskRow, [string, TaskId]>
  dependencies!: Table<DependencyRow, [string, DependencyId]>
  resources!: Table<ResourceRow, [string, ResourceId]>
  assignments!: Table<AssignmentRow, [string, AssignmentId]>

  constructor(name = planDbName, options?: DexieOptions, events: PlanDbEvents = {}) {
    super(name, options)
    // Every schema version, oldest first. Data changes belong in upgrade(); Dexie runs them in the
    // version-change transaction and rolls everything back if one throws.
    this.version(1).stores({
      plans: 'id, updatedAt',
      tasks: '[planId+id], planId, [planId+order]',
      dependencies: '[planId+id], planId, [planId+order]',
      resources: '[planId+id], planId, [planId+order]',
      assignments: '[planId+id], planId, [planId+order]',
    })
    this.version(2)
      .stores({})
      .upgrade(async (transaction) => {
        const counts = new Map<string, number>()
        await transaction
          .table<TaskRow>('tasks')
          .each((row) => counts.set(row.planId, (counts.get(row.planId) ?? 0) + 1))
        await transaction
          .table<PlanRow>('plans')
          .toCollection()
          .modify((row) => {
            row.taskCount = counts.get(row.id) ?? 0
          })
      })

    this.on('versionchange', () => {
      this.close()
      events.onVersionChange?.()
      return false
    })
    this.on('blocked', () => events.onBlocked?.())
  }
}

function isQuotaError(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const name = (current as { name?: unknown }).name
    if (name === 'QuotaExceededError') return true
    current = (current as { inner?: unknown }).inner ?? (current as { cause?: unknown }).cause
  }
  return false
}

/** Turns whatever IndexedDB or Dexie threw into a `PlanDbError` with a clear message. */
export function planDbErrorFrom(error: unknown): PlanDbError {
  if (error instanceof PlanDbError) return error
  if (isQuotaError(error)) {
    return new PlanDbError(
      'quota',
      'The browser storage is full, so this change could not be stored. It is kept in this window: save or export the plan to a file.',
      { cause: error },
    )
  }
  const name = error !== null && typeof error === 'object' ? (error as { name?: unknown }).name : undefined
  if (name === 'UpgradeError' || name === 'VersionError') {
    return new PlanDbError(
      'upgrade',
      'The plan storage could not be upgraded; your plans are unchanged. Export your plans to files and report the problem.',
      { cause: error },
    )
  }
  if (name === 'DatabaseClosedError') {
    return new PlanDbError(
      'io',
      'The plan storage was closed (another window upgraded it). Reload the page.',
      {
        cause: error,
      },
    )
  }
  const detail = error instanceof Error ? error.message : String(error)
  return new PlanDbError('io', `The plan storage failed: ${detail}`, { cause: error })
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw planDbErrorFrom(error)
  }
}

/** Asks the browser not to evict Gantry's storage under pressure. Returns whether storage is persistent. */
export async function planDbRequestPersistence(): Promise<boolean> {
  const storage = (globalThis as { navigator?: { storage?: StorageManager } }).navigator?.storage
  if (storage === undefined || typeof storage.persist !== 'function') return false
  try {
    return (await storage.persisted()) || (await storage.persist())
  } catch {
    return false
  }
}

function planRowOf(plan: Plan, revision: number, file: PlanFileLink | null): PlanRow {
  return {
    id: plan.id,
    name: plan.name,
    revision,
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
    start: plan.start,
    statusDate: plan.statusDate,
    calendarId: plan.calendarId,
    settings: plan.settings,
    calendars: plan.calendars,
    taskCount: plan.tasks.length,
    file,
  }
}

function stored<T extends object>(planId: string, items: readonly T[]): Stored<T>[] {
  return items.map((item, index) => ({ ...item, planId, order: (index + 1) * planDbOrderStep }))
}

function ordersOf<T extends { id: number }>(items: readonly T[]): Map<number, number> {
  return new Map(items.map((item, index) => [item.id, (index + 1) * planDbOrderStep]))
}

async function writeAllRows(db: PlanDb, plan: Plan): Promise<void> {
  await db.tasks.bulkPut(stored(plan.id, plan.tasks))
  await db.dependencies.bulkPut(stored(plan.id, plan.dependencies))
  await db.resources.bulkPut(stored(plan.id, plan.resources))
  await db.assignments.bulkPut(stored(plan.id, plan.assignments))
}

async function deleteAllRows(db: PlanDb, planId: string): Promise<void> {
  await db.tasks.where('planId').equals(planId).delete()
  await db.dependencies.where('planId').equals(planId).delete()
  await db.resources.where('planId').equals(planId).delete()
  await db.assignments.where('planId').equals(planId).delete()
}

function summaryOf(row: PlanRow): PlanSummary {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    taskCount: row.taskCount,
    revision: row.revision,
    fileName: row.file?.fileName ?? null,
  }
}

/** Every stored plan, most recently changed first. */
export function planDbList(db: PlanDb): Promise<PlanSummary[]> {
  return guard(async () => {
    const rows = await db.plans.orderBy('updatedAt').reverse().toArray()
    return rows.map(summaryOf)
  })
}

/** Stores a new plan whole, at revision 1. Fails if a plan with its id exists. */
export function planDbCreate(
  db: PlanDb,
  plan: Plan,
  file: Omit<PlanFileLink, 'savedRevision'> | null = null,
): Promise<StoredPlan> {
  return guard(() =>
    db.transaction('rw', [db.plans, db.tasks, db.dependencies, db.resources, db.assignments], async () => {
      if ((await db.plans.get(plan.id)) !== undefined) {
        throw new PlanDbError('conflict', `A plan with id ${plan.id} is already stored.`)
      }
      const linked =
        file === null
          ? null
          : { documentToken: file.documentToken, fileName: file.fileName, savedRevision: 1 }
      await db.plans.add(planRowOf(plan, 1, linked))
      await writeAllRows(db, plan)
      return { plan, revision: 1, file: linked, orders: planOrdersOf(plan) }
    }),
  )
}

/** The order numbers a plan gets when it is written whole. */
export function planOrdersOf(plan: Plan): PlanOrders {
  return {
    tasks: ordersOf(plan.tasks),
    dependencies: ordersOf(plan.dependencies),
    resources: ordersOf(plan.resources),
    assignments: ordersOf(plan.assignments),
  }
}

/**
 * Replaces the whole content of a stored plan (opening a file over it, restoring a recovery copy).
 * @param expectedRevision the revision the caller last saw, or `null` to replace whatever is stored
 * @param file the file to link the plan to
 * @param isFileCurrent whether the file holds exactly `plan` (just opened or saved); if not, the plan is marked
 *   as having unsaved changes
 */
export function planDbReplace(
  db: PlanDb,
  plan: Plan,
  expectedRevision: number | null,
  file: Omit<PlanFileLink, 'savedRevision'> | null,
  isFileCurrent = true,
): Promise<StoredPlan> {
  return guard(() =>
    db.transaction('rw', [db.plans, db.tasks, db.dependencies, db.resources, db.assignments], async () => {
      const row = await db.plans.get(plan.id)
      if (row === undefined)
        throw new PlanDbError(
          'not-found',
          'This plan is no longer stored. It may have been deleted in another window.',
        )
      if (expectedRevision !== null && row.revision !== expectedRevision) throw conflictError()
      const revision = row.revision + 1
      const linked =
        file === null
          ? null
          : {
              documentToken: file.documentToken,
              fileName: file.fileName,
              savedRevision: isFileCurrent ? revision : -1,
            }
      await deleteAllRows(db, plan.id)
      await db.plans.put(planRowOf(plan, revision, linked))
      await writeAllRows(db, plan)
      return { plan, revision, file: linked, orders: planOrdersOf(plan) }
    }),
  )
}

function conflictError(): PlanDbError {
  return new PlanDbError(
    'conflict',
    'This plan was changed in another window, so this change was not stored. Reload to see the latest version.',
  )
}

function stripRow<T extends object>(row: Stored<T>, orders: Map<number, number>): T {
  const { planId: _planId, order, ...item } = row
  orders.set((item as unknown as { id: number }).id, order)
  return item as unknown as T
}

/** Reads a whole plan with its revision, file link and row order numbers; `null` when it is not stored. */
export function planDbLoad(db: PlanDb, planId: string): Promise<StoredPlan | null> {
  return guard(() =>
    db.transaction('r', [db.plans, db.tasks, db.dependencies, db.resources, db.assignments], async () => {
      const row = await db.plans.get(planId)
      if (row === undefined) return null
      const range = <T>(table: Table<T, [string, number]>) =>
        table.where('[planId+order]').between([planId, Dexie.minKey], [planId, Dexie.maxKey]).toArray()
      const [taskRows, dependencyRows, resourceRows, assignmentRows] = await Promise.all([
        range(db.tasks),
        range(db.dependencies),
        range(db.resources),
        range(db.assignments),
      ])
      const orders: PlanOrders = {
        tasks: new Map(),
        dependencies: new Map(),
        resources: new Map(),
        assignments: new Map(),
      }
      const plan: Plan = {
        id: row.id,
        name: row.name,
        start: row.start,
        statusDate: row.statusDate,
        calendarId: row.calendarId,
        settings: row.settings,
        calendars: row.calendars,
        tasks: taskRows.map((task) => stripRow<Task>(task, orders.tasks)),
        dependencies: dependencyRows.map((link) => stripRow<Dependency>(link, orders.dependencies)),
        resources: resourceRows.map((resource) => stripRow<Resource>(resource, orders.resources)),
        assignments: assignmentRows.map((assignment) => stripRow<Assignment>(assignment, orders.assignments)),
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
      }
      return { plan, revision: row.revision, file: row.file, orders }
    }),
  )
}

function putRows<T extends object>(planId: string, rows: readonly Ordered<T>[] | undefined): Stored<T>[] {
  return (rows ?? []).map((row) => ({ ...row.value, planId, order: row.order }))
}

function keysOf(planId: string, ids: readonly number[] | undefined): [string, number][] {
  return (ids ?? []).map((id) => [planId, id])
}

/**
 * Applies one incremental change to a stored plan in a single read-write transaction: checks that the stored
 * revision is still `expectedRevision`, writes and deletes only the listed rows, updates the plan row and
 * returns the new revision. Throws `PlanDbError` ('conflict', 'not-found', 'quota', 'io'); on error nothing
 * is written.
 * @param now the change time, `YYYY-MM-DDTHH:MM:SS`, stored as the plan's `updatedAt`
 */
export function planDbApply(
  db: PlanDb,
  planId: string,
  changes: PlanChanges,
  expectedRevision: number,
  now: IsoDateTime,
): Promise<number> {
  return guard(() =>
    db.transaction('rw', [db.plans, db.tasks, db.dependencies, db.resources, db.assignments], async () => {
      const row = await db.plans.get(planId)
      if (row === undefined)
        throw new PlanDbError(
          'not-found',
          'This plan is no longer stored. It may have been deleted in another window.',
        )
      if (row.revision !== expectedRevision) throw conflictError()
      const put = changes.put ?? {}
      const remove = changes.delete ?? {}
      if (remove.tasks?.length) await db.tasks.bulkDelete(keysOf(planId, remove.tasks))
      if (remove.dependencies?.length) await db.dependencies.bulkDelete(keysOf(planId, remove.dependencies))
      if (remove.resources?.length) await db.resources.bulkDelete(keysOf(planId, remove.resources))
      if (remove.assignments?.length) await db.assignments.bulkDelete(keysOf(planId, remove.assignments))
      if (put.tasks?.length) await db.tasks.bulkPut(putRows(planId, put.tasks))
      if (put.dependencies?.length) await db.dependencies.bulkPut(putRows(planId, put.dependencies))
      if (put.resources?.length) await db.resources.bulkPut(putRows(planId, put.resources))
      if (put.assignments?.length) await db.assignments.bulkPut(putRows(planId, put.assignments))
      const taskCount =
        put.tasks?.length || remove.tasks?.length
          ? await db.tasks.where('planId').equals(planId).count()
          : row.taskCount
      const revision = row.revision + 1
      await db.plans.put({ ...row, ...changes.plan, id: planId, revision, updatedAt: now, taskCount })
      return revision
    }),
  )
}

/** Renames a stored plan (a change of its plan row only). Returns the new revision. */
export function planDbRename(db: PlanDb, planId: string, name: string, now: IsoDateTime): Promise<number> {
  return guard(async () => {
    const row = await db.plans.get(planId)
    if (row === undefined) throw new PlanDbError('not-found', 'This plan is no longer stored.')
    return planDbApply(db, planId, { plan: { name } }, row.revision, now)
  })
}

/** Deletes a plan and all its rows. */
export function planDbDelete(db: PlanDb, planId: string): Promise<void> {
  return guard(() =>
    db.transaction('rw', [db.plans, db.tasks, db.dependencies, db.resources, db.assignments], async () => {
      await db.plans.delete(planId)
      await deleteAllRows(db, planId)
    }),
  )
}

/**
 * Stores a copy of a plan under a new id and name, not linked to any file.
 * @param now the copy's creation time
 */
export function planDbDuplicate(
  db: PlanDb,
  planId: string,
  newId: string,
  newName: string,
  now: IsoDateTime,
): Promise<StoredPlan> {
  return guard(async () => {
    const source = await planDbLoad(db, planId)
    if (source === null) throw new PlanDbError('not-found', 'This plan is no longer stored.')
    return planDbCreate(db, { ...source.plan, id: newId, name: newName, createdAt: now, updatedAt: now })
  })
}

/**
 * Calls `listener` with the plan list now and whenever it changes, also when another window or tab changed it
 * (Dexie broadcasts its changes). Returns a function that stops watching.
 */
export function planDbWatchList(
  db: PlanDb,
  listener: (plans: PlanSummary[]) => void,
  onError: (error: PlanDbError) => void,
): () => void {
  const subscription = liveQuery(() => planDbList(db)).subscribe({
    next: listener,
    error: (error: unknown) => onError(planDbErrorFrom(error)),
  })
  return () => subscription.unsubscribe()
}

/**
 * Calls `listener` with a stored plan's revision now and whenever it changes (`null` once it is deleted), so a
 * window notices changes made in another one. Returns a function that stops watching.
 */
export function planDbWatchRevision(
  db: PlanDb,
  planId: string,
  listener: (revision: number | null) => void,
): () => void {
  const subscription = liveQuery(async () => (await db.plans.get(planId))?.revision ?? null).subscribe({
    next: listener,
    error: () => undefined,
  })
  return () => subscription.unsubscribe()
}
