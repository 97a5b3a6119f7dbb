import type { EducationLogExportRow } from '../career/log'
import type { Plan } from '../domain/model'
import type { StatusReportChoice } from '../domain/health/report'
import type { PrintPaper, PrintSetup } from '../print/page-setup'

/**
 * The typed bridge between the renderer and the main process.
 *
 * One map from channel name (`area/verb`) to request and response types. Main registers one handler per
 * channel (see `src/main/ipc.ts`), the preload exposes one function per channel, and the browser build
 * implements the same `GantryPlatform` interface with a file picker and downloads.
 *
 * Main owns file paths: the renderer never sends a path to write to. It asks "save as" and main shows
 * the dialog. A saved or opened file is referred to by an opaque `documentToken` issued by main.
 */

export type IpcErrorCode =
  | 'canceled'
  | 'invalid-input'
  | 'forbidden'
  | 'not-found'
  | 'bad-file'
  | 'newer-version'
  | 'disk-full'
  | 'read-only'
  | 'too-large'
  | 'io'
  | 'internal'

export type IpcError = { code: IpcErrorCode; message: string }
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError }

/** A plan file as the renderer knows it: a display name and an opaque token main maps to a path. */
export type DocumentRef = { documentToken: string; fileName: string }

export type OpenedPlan = DocumentRef & { plan: Plan }

export type RecentFile = { id: string; fileName: string; folder: string; openedAt: string }

export type RecoveryCopy = { planId: string; planName: string; savedAt: string }

/** A status report to export: a saved one by id, or (`reportId` null) the plan as it stands with the texts typed. */
export type StatusReportExportRequest = StatusReportChoice & { plan: Plan }

export type SavedFile = { fileName: string }

/** A plan converted from another tool's file, with the reader's warnings (what it dropped or assumed), in order. */
/** An imported plan, the reader's warnings, and the name (not the path) of the file it came from. */
export type ImportedPlan = { plan: Plan; warnings: string[]; fileName: string }

export type AppInfo = { name: string; version: string; platform: 'electron' | 'web'; userDataFolder: string | null }

/** Commands the application menu sends to the renderer. */
export const menuCommands = [
  'file/new',
  'file/open',
  'file/save',
  'file/save-as',
  'file/import-mspdi',
  'file/import-csv',
  'file/export-xlsx',
  'file/export-mspdi',
  'file/export-csv',
  'file/export-pdf',
  'file/print',
  'edit/undo',
  'edit/redo',
  // Plan commands of the Task menu: ids of the command registry (src/shared/commands), run on the selection.
  'task/insert',
  'task/delete',
  'task/indent',
  'task/outdent',
  'task/move-up',
  'task/move-down',
  'link/chain',
  'link/unlink-selected',
  'task/schedule-manually',
  'task/schedule-automatically',
  'task/respect-links',
  'view/gantt',
  'view/milestones',
  'view/resources',
  'view/usage',
  'view/raid',
  'view/earned-value',
  'view/dashboard',
  'view/status-report',
  'view/career',
  'view/plans',
  'view/zoom-in',
  'view/zoom-out',
  'help/shortcuts',
  'help/about',
] as const
export type MenuCommand = (typeof menuCommands)[number] | `file/open-recent:${string}`

/** Request and response of every channel. */
export type IpcContract = {
  'app/info': { request: void; response: AppInfo }
  /** Show the open dialog and read a `.gantry` file. */
  'plan/open': { request: void; response: OpenedPlan }
  /** Reopen a file from the recent list (by its id in main's list, never by path). */
  'plan/openRecent': { request: { id: string }; response: OpenedPlan }
  'plan/recent': { request: void; response: RecentFile[] }
  /** Save to the file the token refers to. */
  'plan/save': { request: { documentToken: string; plan: Plan }; response: DocumentRef }
  /** Ask where to save, then save there. */
  'plan/saveAs': { request: { plan: Plan }; response: DocumentRef }
  /** Keep a recovery copy of unsaved work in the user-data folder. */
  'recovery/write': { request: { plan: Plan }; response: void }
  'recovery/list': { request: void; response: RecoveryCopy[] }
  'recovery/read': { request: { planId: string }; response: Plan }
  'recovery/discard': { request: { planId: string }; response: void }
  'export/xlsx': { request: { plan: Plan }; response: SavedFile }
  'export/mspdi': { request: { plan: Plan }; response: SavedFile }
  'export/csv': { request: { plan: Plan }; response: SavedFile }
  /** Print the Gantt chart to a PDF file with this page setup, where the user chooses (desktop app). */
  'export/pdf': { request: { plan: Plan; setup: PrintSetup }; response: SavedFile }
  /** Print a status report to a PDF file on portrait `paper`, where the user chooses (desktop app). */
  'export/reportPdf': { request: StatusReportExportRequest & { paper: PrintPaper }; response: SavedFile }
  /** Save a status report as an Excel workbook, where the user chooses. */
  'export/reportXlsx': { request: StatusReportExportRequest; response: SavedFile }
  /** Show the open dialog, read a Microsoft Project XML file and convert it into a plan, with the reader's warnings. */
  'import/mspdi': { request: void; response: ImportedPlan }
  /** Show the open dialog, read a CSV task table and convert it into a plan, with the reader's warnings. */
  'import/csv': { request: void; response: ImportedPlan }
  /** Stop the import that is running (its own call then answers `canceled`); nothing when none runs. */
  'import/cancel': { request: void; response: void }
  /** Save a career backup (JSON text made by the renderer) where the user chooses. */
  'career/backup': { request: { text: string; suggestedName: string }; response: SavedFile }
  /** Pick a backup file and return its text; the renderer validates and restores it. */
  'career/restore': { request: void; response: { text: string; fileName: string } }
  /** Save an iCalendar file of career deadlines. */
  'career/exportIcs': { request: { text: string; suggestedName: string }; response: SavedFile }
  /** Save the education log (lines made by the renderer) as CSV or as an Excel workbook, where the user chooses. */
  'career/exportLog': {
    request: { format: 'csv' | 'xlsx'; rows: EducationLogExportRow[]; suggestedName: string }
    response: SavedFile
  }
  /** Update the window title's document name and dirty marker. */
  'window/setTitle': { request: { title: string; isDirty: boolean }; response: void }
}

export type IpcChannel = keyof IpcContract
export type IpcRequest<C extends IpcChannel> = IpcContract[C]['request']
export type IpcResponse<C extends IpcChannel> = IpcContract[C]['response']

/** Every channel, so main and the preload can iterate over the same list. */
export const ipcChannels = [
  'app/info',
  'plan/open',
  'plan/openRecent',
  'plan/recent',
  'plan/save',
  'plan/saveAs',
  'recovery/write',
  'recovery/list',
  'recovery/read',
  'recovery/discard',
  'export/xlsx',
  'export/mspdi',
  'export/csv',
  'export/pdf',
  'export/reportPdf',
  'export/reportXlsx',
  'import/mspdi',
  'import/csv',
  'import/cancel',
  'career/backup',
  'career/restore',
  'career/exportIcs',
  'career/exportLog',
  'window/setTitle',
] as const satisfies readonly IpcChannel[]

/**
 * Progress reports main sends while it works on a long import or export. An import's task is `import/mspdi` or
 * `import/csv`; it can be stopped with `import/cancel`. Fraction 1 ends the task.
 */
export type ProgressEvent = { task: string; fraction: number; message: string }

/**
 * The platform API the renderer uses: one function per channel, plus the events main sends.
 * The Electron preload and the browser build each provide one.
 */
export type GantryPlatform = {
  readonly kind: 'electron' | 'web'
  readonly invoke: {
    [C in IpcChannel]: IpcRequest<C> extends void
      ? () => Promise<IpcResult<IpcResponse<C>>>
      : (request: IpcRequest<C>) => Promise<IpcResult<IpcResponse<C>>>
  }
  /** Subscribe to menu commands; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  onProgress(listener: (event: ProgressEvent) => void): () => void
  /** Main asks before closing the window: the renderer answers whether there are unsaved changes. */
  onCloseRequest(listener: () => void): () => void
  /** Tell main the window may close now (after the user saved or chose to discard). */
  confirmClose(): void
}

/** Channels of the events that are not request/response: main -> renderer, and the one renderer -> main signal. */
export const ipcEventChannels = {
  /** main -> renderer: a MenuCommand string. */
  menuCommand: 'menu/command',
  /** main -> renderer: a ProgressEvent. */
  progress: 'app/progress',
  /** main -> renderer: the user asked to close a window with unsaved changes. */
  closeRequest: 'window/closeRequest',
  /** renderer -> main: the window may close now. */
  confirmClose: 'window/confirmClose',
} as const
