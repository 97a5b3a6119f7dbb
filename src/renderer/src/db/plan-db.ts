import Dexie, { liveQuery, type DexieOptions, type Table } from 'dexie'
import type {
  Assignment,
  Calendar,
  CalendarId,
  Dependency,
  IsoDateTime,
  Plan,
  PlanSettings,
  PlanTracking,
  Resource,
  Task,
} from '../../../shared/domain/model'
import type { StatusReport } from '../../../shared/domain/health/model'
import type { RaidItem } from '../../../shared/domain/raid-model'
import {
  planMigrateAssignmentV1toV2,
  planMigrateSettingsV1toV2,
  planMigrateTaskV1toV2,
  planMigrateAssignmentV3toV4,
  planMigrateResourceV3toV4,
  planMigrateSettingsV3toV4,
  planMigrateTaskV3toV4,
  planMigrateSettingsV4toV5,
} from '../../../shared/formats/plan-file'

/**
 * The `gantry` IndexedDB database: every plan, stored in pieces so an edit writes only the piece it touches.
 *
 * - `plans` holds one row per plan: its name, dates, settings, a revision number, the task count and the file it is
 *   linked to. The revision is checked inside every write transaction, so two windows editing one plan get a
 *   conflict instead of silently overwriting each other.
 * - `calendars` holds one row per calendar, keyed by `[planId+id]`, with an `order` number for the plan's order (a
 *   calendar can carry years of exception days; an edit elsewhere does not rewrite it).
 * - `chunks` holds the tasks, dependencies, resources, assignments and RAID items as runs of consecutive rows (at most
 *   `planDbChunkRows` each), keyed by `[planId+kind+key]`; keys grow along the plan's order, so reading a kind's
 *   chunks in key order gives the rows in plan order. Chromium pays about 40 µs per stored record, so a
 *   100,000-task plan stored row by row took 44 s to write; as chunks it takes about a second, and an edit still
 *   writes one chunk of a few hundred rows.
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
  tracking: PlanTracking
  calendarId: CalendarId
  settings: PlanSettings
  /** Number of tasks, kept for the plan list. */
  taskCount: number
  file: PlanFileLink | null
}

/** The fields of a plan row an edit may change (the revision and `updatedAt` are maintained here). */
export type PlanMetaChange = Partial<
  Pick<PlanRow, 'name' | 'start' | 'statusDate' | 'tracking' | 'calendarId' | 'settings' | 'file' | 'taskCount'>
>

export type CalendarRow = Calendar & { planId: string; order: number }

/**
 * The plan arrays stored as chunks. The RAID log's items are one more array of rows with ids: plans stored before it
 * existed simply have no `raid` chunks, so no schema version was needed for it. Saved status reports (issue 17) are
 * stored the same way (kind `statusReports`).
 */
export type ChunkKind = 'tasks' | 'dependencies' | 'resources' | 'assignments' | 'raid' | 'statusReports'
export const planDbChunkKinds: readonly ChunkKind[] = ['tasks', 'dependencies', 'resources', 'assignments', 'raid', 'statusReports']
type RowOf = {
  tasks: Task
  dependencies: Dependency
  resources: Resource
  assignments: Assignment
  raid: RaidItem
  statusReports: StatusReport
}

/** A run of consecutive rows of one plan array. */
export type ChunkRow = { planId: string; kind: ChunkKind; key: number; rows: readonly object[] }

/** A row to write: the item and its position in the plan's array. */
export type Ordered<T> = { value: T; order: number }

/** A chunk to write (whole) or to delete. */
export type ChunkWrite = { kind: ChunkKind; key: number; rows: readonly object[] }
export type ChunkRef = { kind: ChunkKind; key: number }

/** One incremental change of a plan, written in a single transaction. */
export type PlanChanges = {
  plan?: PlanMetaChange
  calendars?: { put?: Ordered<Calendar>[]; delete?: CalendarId[] }
  chunks?: { put?: ChunkWrite[]; delete?: ChunkRef[] }
}

/** Where the rows of one plan array are stored: chunk keys in order and how many rows each holds. */
export type ChunkLayout = { keys: number[]; counts: number[] }

/** How a stored plan is laid out: the chunks of each array and the order number of each calendar. */
export type PlanLayout = Record<ChunkKind, ChunkLayout> & { calendars: Map<CalendarId, number> }

export type StoredPlan = { plan: Plan; revision: number; file: PlanFileLink | null; layout: PlanLayout; row: PlanRow }

/** What a plan row holds apart from the revision and the change time, which every write sets. */
export type PlanRowContent = Omit<PlanRow, 'revision' | 'updatedAt'>

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

/** Space between the keys (and calendar order numbers) of consecutive chunks when a plan is written whole. */
export const planDbOrderStep = 1024
/** Most rows a chunk holds: an edit rewrites one chunk, so this bounds what an edit writes. */
export const planDbChunkRows = 512

export type PlanDbEvents = {
  /** Another window opened a newer version of the database: this connection was closed; reload the page. */
  onVersionChange?: () => void
  /** This window's upgrade waits for other windows that still hold the old version open. */
  onBlocked?: () => void
}

type LegacyRow = { planId: string; id: number; order: number }

export class PlanDb extends Dexie {
  plans!: Table<PlanRow, string>
  calendars!: Table<CalendarRow, [string, CalendarId]>
  chunks!: Table<ChunkRow, [string, ChunkKind, number]>

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
          .table<LegacyRow>('tasks')
          .each((row) => counts.set(row.planId, (counts.get(row.planId) ?? 0) + 1))
        await transaction
          .table<PlanRow>('plans')
          .toCollection()
          .modify((row) => {
            row.taskCount = counts.get(row.id) ?? 0
          })
      })
    // Version 3: rows in chunks, calendars in rows of their own (version 2 rewrote every calendar with each edit).
    this.version(3)
      .stores({
        chunks: '[planId+kind+key]',
        calendars: '[planId+id]',
        tasks: null,
        dependencies: null,
        resources: null,
        assignments: null,
      })
      .upgrade(async (transaction) => {
        const plans = await transaction.table<PlanRow & { calendars?: Calendar[] }>('plans').toArray()
        for (const plan of plans) {
          // The tables version 2 had (the RAID log came later, as chunks only).
          for (const kind of ['tasks', 'dependencies', 'resources', 'assignments'] as const) {
            const rows = await transaction
              .table<LegacyRow>(kind)
              .where('[planId+order]')
              .between([plan.id, Dexie.minKey], [plan.id, Dexie.maxKey])
              .toArray()
            const items = rows.map(({ planId: _planId, order: _order, ...item }) => item)
            await transaction.table<ChunkRow>('chunks').bulkAdd(chunkRowsOf(plan.id, kind, items))
          }
          await transaction.table<CalendarRow>('calendars').bulkAdd(calendarRowsOf(plan.id, plan.calendars ?? []))
        }
        await transaction
          .table<PlanRow & { calendars?: Calendar[] }>('plans')
          .toCollection()
          .modify((row) => {
            delete row.calendars
          })
      })

    // Version 4: eleven baselines, progress and cost (issue 16): every stored row gets the `.gantry` format's own
    // version 3 to 4 migration, so a plan stored before reads like a file of that version (RAID chunks unchanged).
    this.version(4)
      .stores({})
      .upgrade(async (transaction) => {
        const migrateRow: Record<ChunkKind, (row: unknown) => unknown> = {
          tasks: planMigrateTaskV3toV4,
          dependencies: (row) => row,
          raid: (row) => row,
          statusReports: (row) => row,
          resources: planMigrateResourceV3toV4,
          assignments: planMigrateAssignmentV3toV4,
        }
        // Rows stored by releases before issue 14 (version 3 of this database held both models) lack work, task
        // types and manual scheduling: they get the `.gantry` format's version 1 to 2 step first. An assignment's work
        // needs its task's duration, and a task's work its assignments' sum, so both are read before any row changes.
        const rowKey = (planId: string, id: unknown): string => `${planId}\u0000${String(id)}`
        const durations = new Map<string, number>()
        const works = new Map<string, number>()
        const chunks = transaction.table<ChunkRow>('chunks')
        await chunks.each((chunk) => {
          if (chunk.kind !== 'tasks') return
          for (const row of chunk.rows as Record<string, unknown>[])
            if (!('work' in row) && typeof row.duration === 'number') durations.set(rowKey(chunk.planId, row.id), row.duration)
        })
        const fromV1 = (chunk: ChunkRow, row: object): object => {
          if ('work' in row) return row
          const record = row as Record<string, unknown>
          if (chunk.kind === 'assignments') {
            const migrated = planMigrateAssignmentV1toV2(row, durations.get(rowKey(chunk.planId, record.taskId))) as Record<string, unknown>
            const key = rowKey(chunk.planId, record.taskId)
            if (typeof migrated.work === 'number') works.set(key, (works.get(key) ?? 0) + migrated.work)
            return migrated
          }
          return chunk.kind === 'tasks' ? (planMigrateTaskV1toV2(row, works.get(rowKey(chunk.planId, record.id)) ?? 0) as object) : row
        }
        // Assignments first, so each task finds its assignments' work.
        await chunks
          .filter((chunk) => chunk.kind === 'assignments')
          .modify((chunk) => {
            chunk.rows = chunk.rows.map((row) => fromV1(chunk, row))
          })
        const withBaseline = new Set<string>()
        await chunks.toCollection().modify((chunk) => {
          if (chunk.kind === 'tasks' && chunk.rows.some((row) => 'baseline' in row && row.baseline !== null))
            withBaseline.add(chunk.planId)
          chunk.rows = chunk.rows.map((row) => migrateRow[chunk.kind](fromV1(chunk, row)) as object)
        })
        await transaction
          .table<PlanRow>('plans')
          .toCollection()
          .modify((row) => {
            // A damaged row without settings is left for the load's validation to name, not thrown on here.
            const stored: unknown = row.settings
            const hasMode = typeof stored === 'object' && stored !== null && 'newTaskSchedulingMode' in stored
            const settings = hasMode ? row.settings : planMigrateSettingsV1toV2(row.settings)
            row.settings = planMigrateSettingsV3toV4(settings) as PlanSettings
            row.tracking = { budget: null, baselines: withBaseline.has(row.id) ? [{ number: 0, setAt: null }] : [] }
          })
      })

    // Version 5: the health dashboard's thresholds in every plan's settings (the `.gantry` 4 to 5 step); saved status
    // reports are chunks of kind `statusReports`, absent (no report) in plans stored before.
    this.version(5)
      .stores({})
      .upgrade(async (transaction) => {
        await transaction
          .table<PlanRow>('plans')
          .toCollection()
          .modify((row) => {
            row.settings = planMigrateSettingsV4toV5(row.settings) as PlanSettings
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

/** The plan row content of `plan` linked to `file`. */
export function planDbRowContent(plan: Plan, file: PlanFileLink | null): PlanRowContent {
  return {
    id: plan.id,
    name: plan.name,
    createdAt: plan.createdAt,
    start: plan.start,
    statusDate: plan.statusDate,
    tracking: plan.tracking,
    calendarId: plan.calendarId,
    settings: plan.settings,
    taskCount: plan.tasks.length,
    file,
  }
}

/** Whether two plan row contents are the same (fields compared by value, settings and file link by content). */
export function planDbRowContentEqual(a: PlanRowContent, b: PlanRowContent): boolean {
  const sameFile =
    a.file === b.file ||
    (a.file !== null &&
      b.file !== null &&
      a.file.documentToken === b.file.documentToken &&
      a.file.fileName === b.file.fileName &&
      a.file.savedRevision === b.file.savedRevision)
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.createdAt === b.createdAt &&
    a.start === b.start &&
    a.statusDate === b.statusDate &&
    a.tracking === b.tracking &&
    a.calendarId === b.calendarId &&
    a.settings === b.settings &&
    a.taskCount === b.taskCount &&
    sameFile
  )
}

function planRowOf(plan: Plan, revision: number, file: PlanFileLink | null): PlanRow {
  return { ...planDbRowContent(plan, file), revision, updatedAt: plan.updatedAt }
}

/** Splits `count` rows into pieces of at most `planDbChunkRows`, as even as possible; returns the piece sizes. */
export function planDbChunkSizes(count: number): number[] {
  const pieces = Math.ceil(count / planDbChunkRows)
  const sizes: number[] = []
  for (let piece = 0; piece < pieces; piece++) {
    sizes.push(Math.floor((count * (piece + 1)) / pieces) - Math.floor((count * piece) / pieces))
  }
  return sizes
}

function chunkRowsOf(planId: string, kind: ChunkKind, items: readonly object[]): ChunkRow[] {
  const rows: ChunkRow[] = []
  let start = 0
  planDbChunkSizes(items.length).forEach((size, piece) => {
    rows.push({ planId, kind, key: (piece + 1) * planDbOrderStep, rows: items.slice(start, start + size) })
    start += size
  })
  return rows
}

function calendarRowsOf(planId: string, calendars: readonly Calendar[]): CalendarRow[] {
  return calendars.map((calendar, index) => ({ ...calendar, planId, order: (index + 1) * planDbOrderStep }))
}

/** The layout a plan gets when it is written whole. */
export function planLayoutOf(plan: Plan): PlanLayout {
  const chunks = (count: number): ChunkLayout => {
    const counts = planDbChunkSizes(count)
    return { keys: counts.map((_, piece) => (piece + 1) * planDbOrderStep), counts }
  }
  return {
    tasks: chunks(plan.tasks.length),
    dependencies: chunks(plan.dependencies.length),
    resources: chunks(plan.resources.length),
    assignments: chunks(plan.assignments.length),
    raid: chunks(plan.raid.length),
    statusReports: chunks(plan.statusReports.length),
    calendars: new Map(plan.calendars.map((calendar, index) => [calendar.id, (index + 1) * planDbOrderStep])),
  }
}

async function writeAllRows(db: PlanDb, plan: Plan): Promise<void> {
  const chunks: ChunkRow[] = []
  for (const kind of planDbChunkKinds) chunks.push(...chunkRowsOf(plan.id, kind, plan[kind]))
  await db.chunks.bulkPut(chunks)
  await db.calendars.bulkPut(calendarRowsOf(plan.id, plan.calendars))
}

function planRange(planId: string): [[string, typeof Dexie.minKey], [string, typeof Dexie.maxKey]] {
  return [
    [planId, Dexie.minKey],
    [planId, Dexie.maxKey],
  ]
}

async function deleteAllRows(db: PlanDb, planId: string): Promise<void> {
  const [lower, upper] = planRange(planId)
  await db.chunks.where(':id').between(lower, upper).delete()
  await db.calendars.where(':id').between(lower, upper).delete()
}

const planTables = (db: PlanDb) => [db.plans, db.calendars, db.chunks]

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
    db.transaction('rw', planTables(db), async () => {
      if ((await db.plans.get(plan.id)) !== undefined) {
        throw new PlanDbError('conflict', `A plan with id ${plan.id} is already stored.`)
      }
      const linked =
        file === null
          ? null
          : { documentToken: file.documentToken, fileName: file.fileName, savedRevision: 1 }
      const row = planRowOf(plan, 1, linked)
      await db.plans.add(row)
      await writeAllRows(db, plan)
      return { plan, revision: 1, file: linked, layout: planLayoutOf(plan), row }
    }),
  )
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
    db.transaction('rw', planTables(db), async () => {
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
      const stored = planRowOf(plan, revision, linked)
      await db.plans.put(stored)
      await writeAllRows(db, plan)
      return { plan, revision, file: linked, layout: planLayoutOf(plan), row: stored }
    }),
  )
}

function conflictError(): PlanDbError {
  return new PlanDbError(
    'conflict',
    'This plan was changed in another window, so this change was not stored. Reload to see the latest version.',
  )
}

function emptyLayout(): PlanLayout {
  return {
    tasks: { keys: [], counts: [] },
    dependencies: { keys: [], counts: [] },
    resources: { keys: [], counts: [] },
    assignments: { keys: [], counts: [] },
    raid: { keys: [], counts: [] },
    statusReports: { keys: [], counts: [] },
    calendars: new Map(),
  }
}

/** Reads a whole plan with its revision, file link and layout; `null` when it is not stored. */
export function planDbLoad(db: PlanDb, planId: string): Promise<StoredPlan | null> {
  return guard(() =>
    db.transaction('r', planTables(db), async () => {
      const row = await db.plans.get(planId)
      if (row === undefined) return null
      const [lower, upper] = planRange(planId)
      const [chunkRows, calendarRows] = await Promise.all([
        db.chunks.where(':id').between(lower, upper).toArray(),
        db.calendars.where(':id').between(lower, upper).toArray(),
      ])
      const layout = emptyLayout()
      const arrays: { [K in ChunkKind]: RowOf[K][] } = {
        tasks: [],
        dependencies: [],
        resources: [],
        assignments: [],
        raid: [],
        statusReports: [],
      }
      // Chunks arrive in key order ([planId+kind+key]): within a kind, that is the plan's order.
      for (const chunk of chunkRows) {
        const target = arrays[chunk.kind] as object[]
        for (const item of chunk.rows) target.push(item)
        layout[chunk.kind].keys.push(chunk.key)
        layout[chunk.kind].counts.push(chunk.rows.length)
      }
      calendarRows.sort((a, b) => a.order - b.order)
      const calendars = calendarRows.map(({ planId: _planId, order, ...calendar }) => {
        layout.calendars.set(calendar.id, order)
        return calendar
      })
      const plan: Plan = {
        id: row.id,
        name: row.name,
        start: row.start,
        statusDate: row.statusDate,
        tracking: row.tracking,
        calendarId: row.calendarId,
        settings: row.settings,
        calendars,
        tasks: arrays.tasks,
        dependencies: arrays.dependencies,
        resources: arrays.resources,
        assignments: arrays.assignments,
        raid: arrays.raid,
        statusReports: arrays.statusReports,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
      }
      return { plan, revision: row.revision, file: row.file, layout, row }
    }),
  )
}

export type PlanDbApplyOptions = {
  /**
   * The whole new plan row (apart from revision and change time). With it every request of the change is issued at
   * once, in this call: the stored revision is still checked inside the transaction, and a mismatch rolls everything
   * back. Without it, `changes.plan` is merged into the stored row after reading it.
   */
  row?: PlanRowContent
  /**
   * Commit as soon as the requests are done, without waiting for this page's event loop (IDBTransaction.commit), so
   * the write survives the page being closed right after it. The revision check can then no longer roll back: use it
   * only when no other window writes the plan (the writer holds the plan's editing lock) or the page is closing.
   */
  commitNow?: boolean
}

/**
 * Applies one incremental change to a stored plan in a single read-write transaction: checks that the stored
 * revision is still `expectedRevision`, writes and deletes only the listed chunks and calendars, updates the plan
 * row and returns the new revision. Throws `PlanDbError` ('conflict', 'not-found', 'quota', 'io'); on error nothing
 * is written.
 * @param now the change time, `YYYY-MM-DDTHH:MM:SS`, stored as the plan's `updatedAt`
 */
export function planDbApply(
  db: PlanDb,
  planId: string,
  changes: PlanChanges,
  expectedRevision: number,
  now: IsoDateTime,
  options: PlanDbApplyOptions = {},
): Promise<number> {
  return guard(() =>
    db.transaction('rw', planTables(db), () => {
      const revision = expectedRevision + 1
      const checked = db.plans.get(planId).then((row) => {
        if (row === undefined)
          throw new PlanDbError(
            'not-found',
            'This plan is no longer stored. It may have been deleted in another window.',
          )
        if (row.revision !== expectedRevision) throw conflictError()
        return row
      })
      const requests: Promise<unknown>[] = [checked]
      const removedChunks = changes.chunks?.delete ?? []
      const putChunks = changes.chunks?.put ?? []
      const removedCalendars = changes.calendars?.delete ?? []
      const putCalendars = changes.calendars?.put ?? []
      // Issued now, in request order after the check: a failed check aborts the transaction and undoes them.
      if (removedChunks.length > 0)
        requests.push(db.chunks.bulkDelete(removedChunks.map((chunk) => [planId, chunk.kind, chunk.key])))
      if (putChunks.length > 0)
        requests.push(
          db.chunks.bulkPut(putChunks.map((chunk) => ({ planId, kind: chunk.kind, key: chunk.key, rows: chunk.rows }))),
        )
      if (removedCalendars.length > 0)
        requests.push(db.calendars.bulkDelete(removedCalendars.map((id) => [planId, id])))
      if (putCalendars.length > 0)
        requests.push(db.calendars.bulkPut(putCalendars.map((entry) => ({ ...entry.value, planId, order: entry.order }))))
      const content = options.row
      if (content !== undefined) {
        requests.push(db.plans.put({ ...content, ...changes.plan, id: planId, revision, updatedAt: now }))
        // Only possible in the task that issued the requests: later the transaction is no longer active.
        if (options.commitNow === true) Dexie.currentTransaction?.idbtrans?.commit?.()
      } else {
        requests.push(checked.then((row) => db.plans.put({ ...row, ...changes.plan, id: planId, revision, updatedAt: now })))
      }
      return Promise.all(requests).then(() => revision)
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
    db.transaction('rw', planTables(db), async () => {
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
