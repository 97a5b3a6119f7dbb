import type { PlanLoad } from '../../../shared/domain/load'
import type { Plan, TaskId } from '../../../shared/domain/model'
import type { SchedulePrepareResult } from '../../../shared/domain/schedule'
import type { Schedule, ScheduleResult } from '../../../shared/domain/schedule-types'
import type {
  AppInfo,
  GantryPlatform,
  MenuCommand,
  ProgressEvent,
  RecentFile,
  RecoveryCopy,
} from '../../../shared/ipc/contract'
import type { IsoDateTime } from '../../../shared/domain/model'
import type { StatusReportChoice } from '../../../shared/domain/health/report'
import type { PrintPaper, PrintSetup } from '../../../shared/print/page-setup'
import type { EditorSlice } from './editor'
import type { PlanDb, PlanFileLink, PlanSummary } from '../db/plan-db'
import type { PlanLocks } from './plan-lock'

/** What the store needs from the outside world; tests pass their own. */
export type StoreDeps = {
  platform: GantryPlatform
  db: PlanDb
  /** The current local time, `YYYY-MM-DDTHH:MM:SS`. */
  now: () => IsoDateTime
  newId: () => string
  /** Schedules a plan (the engine's `scheduleRun`); `null` until an engine is available. */
  schedule: ((plan: Plan) => ScheduleResult) | null
  /**
   * The engine's `schedulePrepare`: with it, an edit the engine can apply in place (durations, constraints, lags,
   * one link) is scheduled incrementally; without it every edit is scheduled in full by `schedule`.
   */
  schedulePrepare?: (plan: Plan) => SchedulePrepareResult
  /**
   * Runs work that must not delay the frame showing an edit (storing it, the resource load) right after that frame
   * is painted. Default: after the next animation frame in a visible page, else on the next turn of the event loop.
   */
  afterPaint?: (job: () => void) => void
  /**
   * The editing locks that make a plan editable in one window at a time (Web Locks); without them (`null` or
   * missing) every window edits and a write made over another window's is refused as a conflict.
   */
  locks?: PlanLocks | null
}

export type View = 'plans' | 'workspace' | 'career'
export type WorkspaceView = 'gantt' | 'milestones' | 'settings' | 'resources' | 'usage' | 'earned-value' | 'raid' | 'dashboard' | 'status-report'

/**
 * A follow-up a notice offers as a button: save a copy to a file, reload the page, take over editing a plan another
 * window edits, download the plan (browser mode, when its changes cannot be stored).
 */
export type NoticeAction = 'save-as' | 'reload' | 'take-over' | 'download'

/** Why the open plan is read-only in this window. */
export type ReadOnlyReason = 'other-window' | 'changed' | 'deleted'
/**
 * `error` and `warning` stay until dismissed (an error is announced as an alert); `info` (a confirmation) fades.
 * `view` is where it was raised: it is shown there, not on the other views.
 */
export type Notice = { id: number; kind: 'error' | 'warning' | 'info'; message: string; action?: NoticeAction; view?: View }

/** The plan open in the workspace. */
export type PlanDocument = {
  plan: Plan
  /** Index of every task id in `plan.tasks` (the outline order). */
  taskIndex: ReadonlyMap<TaskId, number>
  /** The schedule of `plan`, recomputed by the store after every edit; `null` without an engine. */
  schedule: ScheduleResult | null
  /**
   * The resource load of `plan` for `schedule`, or of an earlier version while the update after an edit is pending
   * (it is published right after the frame that shows the edit); `null` when not scheduled or not computed yet.
   * Views that need the load of exactly this version call `documentLoadOf`.
   */
  load: PlanLoad | null
  /** The file the plan is linked to, if any. */
  file: PlanFileLink | null
  /** Whether the linked file is behind the plan. Plans without a file live in browser storage only. */
  isDirty: boolean
  /**
   * Whether every edit is stored in IndexedDB: `pending` from an edit until its write succeeds (normally one frame
   * and a transaction), `failed` when storing failed or this window may no longer write the plan: the changes are
   * only in this window's memory.
   */
  storage: 'stored' | 'pending' | 'failed'
  /** Whether to show that changes are not stored: at once when storing failed, after a while when it is slow. */
  isUnstoredShown: boolean
  /** Why the plan refuses edits here (another window edits it, or changed or deleted it), or `null`. */
  readOnly: ReadOnlyReason | null
  /** Previous versions of the plan, most recent last, and the versions undone. */
  undoStack: Plan[]
  redoStack: Plan[]
}

export type PlansSlice = {
  plans: PlanSummary[]
  isPlansLoaded: boolean
  /** Plan files opened or saved recently (desktop app only). */
  recentFiles: RecentFile[]
  plansRefresh(): Promise<void>
  /** Keeps `plans` current, also with changes from other windows; returns a function that stops it. */
  plansWatch(): () => void
  recentRefresh(): Promise<void>
  /** Creates an empty plan, opens it and returns its id. */
  planCreate(name: string): Promise<string | null>
  planRename(planId: string, name: string): Promise<void>
  planDuplicate(planId: string): Promise<void>
  planDelete(planId: string): Promise<void>
}

export type DocumentSlice = {
  document: PlanDocument | null
  /**
   * Whether the open plan refuses edits in this window (`document.readOnly` says why): the editor refuses every
   * command, and `documentCommit` refuses what reaches it anyway.
   */
  documentIsReadOnly: boolean
  /** Loads a stored plan into the workspace and shows it. */
  documentOpen(planId: string): Promise<boolean>
  documentClose(): void
  /**
   * Makes `next` the current plan: the edit is kept in memory at once, scheduled, added to the undo history and
   * written to IndexedDB as an incremental change right after the frame that shows it. `next` must be an immutable
   * update of the current plan (unchanged rows keep their objects). Refused, with a notice, while the plan is
   * read-only here; returns whether the edit was made.
   */
  documentCommit(next: Plan): boolean
  documentUndo(): void
  documentRedo(): void
  /** Resolves when every edit so far has been written to IndexedDB (or has failed with a notice). */
  documentFlush(): Promise<void>
  /**
   * Like `documentFlush`, for a page being hidden or closed: the write is issued in this call and committed without
   * waiting for the page's event loop.
   */
  documentFlushNow(): Promise<void>
  /** Whether an edit of the open (or just closed) plan is not stored in IndexedDB yet. */
  documentHasUnstoredEdits(): boolean
  /** Takes over editing a plan another window edits: it stores its edits and lets go; this window reloads the plan. */
  documentTakeOver(): Promise<boolean>
  /** Offers the open plan as a file (a download in browser mode) without linking the plan to it. */
  documentDownloadCopy(): Promise<boolean>
  /**
   * The resource load of the open plan `plan` for `schedule`, computed incrementally from the last one the store
   * computed (and remembered, so every view shares it); `null` when `plan` is not the open plan.
   */
  documentLoadOf(plan: Plan, schedule: Schedule): PlanLoad | null
  documentSave(): Promise<boolean>
  documentSaveAs(): Promise<boolean>
  /** Opens a `.gantry` file through the platform and stores it; a bad file changes nothing. */
  documentOpenFile(): Promise<boolean>
  documentOpenRecent(id: string): Promise<boolean>
  documentImport(kind: 'mspdi' | 'csv'): Promise<boolean>
  documentExport(kind: 'xlsx' | 'mspdi' | 'csv'): Promise<boolean>
  /** Stores a recovery copy over its plan (keeping the file link, marked unsaved) and opens it. */
  documentRestoreRecovered(candidate: unknown): Promise<boolean>
}

export type UiSlice = {
  view: View
  workspaceView: WorkspaceView
  /** Timeline zoom: 0 day, 1 week, 2 month, 3 quarter. */
  zoomLevel: number
  notices: Notice[]
  appInfo: AppInfo | null
  isAboutOpen: boolean
  /** The keyboard-shortcuts Help (F1, Help menu). */
  isShortcutsOpen: boolean
  /** The print dialog (page setup, preview, print and PDF) of the open plan. */
  isPrintOpen: boolean
  /** Whether the platform writes PDFs itself (the desktop app); in the browser the print dialog does. */
  canSavePdf: boolean
  recoveryCopies: RecoveryCopy[]
  /** Main asked to close the window while the linked file is behind. */
  isClosePromptOpen: boolean
  /** Storage is persistent (not evicted under pressure); `null` before the request finished. */
  isStoragePersistent: boolean | null
  /** The long import or export main is working on, if any. */
  progress: ProgressEvent | null
  viewSet(view: View): void
  workspaceViewSet(view: WorkspaceView): void
  zoomBy(step: number): void
  noticeAdd(kind: Notice['kind'], message: string, action?: NoticeAction): void
  noticeDismiss(id: number): void
  aboutSet(isOpen: boolean): void
  shortcutsSet(isOpen: boolean): void
  printSet(isOpen: boolean): void
  /** Prints the open plan's Gantt chart to a PDF file with `setup` (main asks where); notices say how it went. */
  printSavePdf(setup: PrintSetup): Promise<boolean>
  /**
   * Exports a status report of the open plan (a saved one, or the current one with the texts typed) as a PDF on
   * `paper` (desktop app) or an Excel workbook; main asks where. The answer is also the notice's words.
   */
  statusReportExport(format: 'pdf' | 'xlsx', choice: StatusReportChoice, paper: PrintPaper): Promise<{ ok: boolean; message: string }>
  /** Runs a command from the application menu (or a shortcut standing in for it). */
  menuCommandRun(command: MenuCommand): Promise<void>
  recoveryCheck(): Promise<void>
  recoveryRestore(planId: string): Promise<void>
  recoveryDiscard(planId: string): Promise<void>
  /** Hides the offer for this session and keeps the copy for the next start. */
  recoveryPostpone(planId: string): void
  closeRequested(): void
  closeAnswer(answer: 'save' | 'discard' | 'cancel'): Promise<void>
  storagePersistenceSet(isPersistent: boolean): void
  /** Shows a progress report (`null` or a fraction of 1 hides it). */
  progressSet(event: ProgressEvent | null): void
  /** Stops the import that is running (its import call then ends as canceled, with no notice). */
  importCancel(): Promise<void>
}

export type AppState = PlansSlice & DocumentSlice & UiSlice & EditorSlice
