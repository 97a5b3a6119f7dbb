import type { Plan, TaskId } from '../../../shared/domain/model'
import type { ScheduleResult } from '../../../shared/domain/schedule-types'
import type {
  AppInfo,
  GantryPlatform,
  MenuCommand,
  ProgressEvent,
  RecentFile,
  RecoveryCopy,
} from '../../../shared/ipc/contract'
import type { IsoDateTime } from '../../../shared/domain/model'
import type { EditorSlice } from './editor'
import type { PlanDb, PlanFileLink, PlanSummary } from '../db/plan-db'

/** What the store needs from the outside world; tests pass their own. */
export type StoreDeps = {
  platform: GantryPlatform
  db: PlanDb
  /** The current local time, `YYYY-MM-DDTHH:MM:SS`. */
  now: () => IsoDateTime
  newId: () => string
  /** Schedules a plan (the engine's `scheduleRun`); `null` until an engine is available. */
  schedule: ((plan: Plan) => ScheduleResult) | null
}

export type View = 'plans' | 'workspace' | 'career'
export type WorkspaceView = 'gantt' | 'milestones' | 'settings' | 'resources' | 'usage'

/** A follow-up a notice offers as a button. */
export type NoticeAction = 'save-as' | 'reload'
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
  /** The file the plan is linked to, if any. */
  file: PlanFileLink | null
  /** Whether the linked file is behind the plan. Plans without a file live in browser storage only. */
  isDirty: boolean
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
  /** Loads a stored plan into the workspace and shows it. */
  documentOpen(planId: string): Promise<boolean>
  documentClose(): void
  /**
   * Makes `next` the current plan: the edit is kept in memory at once, scheduled, added to the undo history and
   * written to IndexedDB as an incremental change. `next` must be an immutable update of the current plan
   * (unchanged rows keep their objects).
   */
  documentCommit(next: Plan): void
  documentUndo(): void
  documentRedo(): void
  /** Resolves when every edit so far has been written to IndexedDB (or has failed with a notice). */
  documentFlush(): Promise<void>
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
}

export type AppState = PlansSlice & DocumentSlice & UiSlice & EditorSlice
