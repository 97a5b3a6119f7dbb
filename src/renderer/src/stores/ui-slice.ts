import { commandIsId, type SelectionCommandId } from '../../../shared/commands/registry'
import type { MenuCommand } from '../../../shared/ipc/contract'
import type { SliceCreator } from './slice'
import type { StoreDeps, UiSlice } from './types'

const workspaceViews = {
  'view/gantt': 'gantt',
  'view/milestones': 'milestones',
  'view/resources': 'resources',
  'view/usage': 'usage',
  'view/raid': 'raid',
  'view/earned-value': 'earned-value',
  'view/dashboard': 'dashboard',
  'view/status-report': 'status-report',
} as const

export const zoomLevelCount = 4
/** How long an information notice ("Saved to …") stays, in milliseconds. */
export const infoNoticeMs = 8000

export function createUiSlice(deps: StoreDeps): SliceCreator<UiSlice> {
  return (set, get) => {
    let noticeCounter = 0
    const requireDocument = (what: string) => {
      if (get().document !== null) return true
      get().noticeAdd('error', `Open a plan first, then ${what}.`)
      return false
    }

    const runSelectionCommand = (id: SelectionCommandId): void => {
      // The edit happens in the workspace, where its message line shows a refusal.
      if (get().view !== 'workspace') set({ view: 'workspace' })
      get().editorRun(id, {})
    }

    return {
      view: 'plans',
      workspaceView: 'gantt',
      zoomLevel: 1,
      notices: [],
      appInfo: null,
      isAboutOpen: false,
      isShortcutsOpen: false,
      isPrintOpen: false,
      canSavePdf: deps.platform.kind === 'electron',
      recoveryCopies: [],
      isClosePromptOpen: false,
      isStoragePersistent: null,
      progress: null,

      viewSet(view) {
        set({ view })
      },
      workspaceViewSet(workspaceView) {
        set({ workspaceView, view: 'workspace' })
      },
      zoomBy(step) {
        set({ zoomLevel: Math.min(zoomLevelCount - 1, Math.max(0, get().zoomLevel + step)) })
      },
      noticeAdd(kind, message, action) {
        // The same message twice (a failing write retried on every edit) is shown once.
        if (get().notices.some((notice) => notice.message === message)) return
        noticeCounter += 1
        // A notice belongs to the view it was raised in (an export's to the plan, an open error's to the list).
        const view = get().view
        const notice = action === undefined ? { id: noticeCounter, kind, message, view } : { id: noticeCounter, kind, message, action, view }
        set({ notices: [...get().notices, notice] })
        // Errors and warnings stay until dismissed; confirmations fade after a while.
        if (kind === 'info') setTimeout(() => get().noticeDismiss(notice.id), infoNoticeMs)
      },
      noticeDismiss(id) {
        set({ notices: get().notices.filter((notice) => notice.id !== id) })
      },
      aboutSet(isAboutOpen) {
        set({ isAboutOpen })
        if (isAboutOpen && get().appInfo === null) {
          void deps.platform.invoke['app/info']().then((result) => {
            if (result.ok) set({ appInfo: result.value })
          })
        }
      },

      shortcutsSet(isShortcutsOpen) {
        set({ isShortcutsOpen })
      },
      printSet(isPrintOpen) {
        set({ isPrintOpen })
      },
      async printSavePdf(setup) {
        const document = get().document
        if (document === null) {
          get().noticeAdd('error', 'Open a plan first, then print it.')
          return false
        }
        const result = await deps.platform.invoke['export/pdf']({ plan: document.plan, setup })
        get().progressSet(null)
        if (!result.ok) {
          if (result.error.code !== 'canceled') get().noticeAdd('error', result.error.message)
          return false
        }
        get().noticeAdd('info', `Saved the Gantt chart to ${result.value.fileName}.`)
        return true
      },

      async statusReportExport(format, choice, paper) {
        const document = get().document
        if (document === null) return { ok: false, message: 'Open a plan first, then export its status report.' }
        const result =
          format === 'pdf'
            ? await deps.platform.invoke['export/reportPdf']({ plan: document.plan, ...choice, paper })
            : await deps.platform.invoke['export/reportXlsx']({ plan: document.plan, ...choice })
        get().progressSet(null)
        if (!result.ok) {
          if (result.error.code !== 'canceled') get().noticeAdd('error', result.error.message)
          return { ok: false, message: result.error.code === 'canceled' ? '' : result.error.message }
        }
        const message = `Saved the status report to ${result.value.fileName}.`
        get().noticeAdd('info', message)
        return { ok: true, message }
      },

      async menuCommandRun(command: MenuCommand) {
        const state = get()
        if (command.startsWith('file/open-recent:')) {
          await state.documentOpenRecent(command.slice('file/open-recent:'.length))
          return
        }
        if (command === 'task/insert') {
          // Insert Task opens a blank row above the active task in the grid, as the Insert key does: the task is
          // added once it has a name.
          if (requireDocument('add a task')) {
            state.workspaceViewSet('gantt')
            state.editorInsertRequestSet('above')
          }
          return
        }
        if (commandIsId(command)) {
          // The Task menu: plan commands of the registry, on the selection, like their keys in the grid.
          if (requireDocument('edit it')) runSelectionCommand(command)
          return
        }
        switch (command) {
          case 'file/new':
            await state.planCreate('Untitled plan')
            return
          case 'file/open':
            await state.documentOpenFile()
            return
          case 'file/save':
            if (requireDocument('save it')) await state.documentSave()
            return
          case 'file/save-as':
            if (requireDocument('save it')) await state.documentSaveAs()
            return
          case 'file/import-mspdi':
            await state.documentImport('mspdi')
            return
          case 'file/import-csv':
            await state.documentImport('csv')
            return
          case 'file/export-xlsx':
            await state.documentExport('xlsx')
            return
          case 'file/export-mspdi':
            await state.documentExport('mspdi')
            return
          case 'file/export-csv':
            await state.documentExport('csv')
            return
          case 'file/print':
          case 'file/export-pdf':
            if (requireDocument('print it')) state.printSet(true)
            return
          case 'edit/undo':
            state.editorUndo()
            return
          case 'edit/redo':
            state.editorRedo()
            return
          case 'view/gantt':
          case 'view/milestones':
          case 'view/resources':
          case 'view/usage':
          case 'view/raid':
          case 'view/earned-value':
          case 'view/dashboard':
          case 'view/status-report':
            state.workspaceViewSet(workspaceViews[command])
            return
          case 'view/career':
            state.viewSet('career')
            return
          case 'view/plans':
            state.viewSet('plans')
            return
          case 'view/zoom-in':
            state.zoomBy(-1)
            return
          case 'view/zoom-out':
            state.zoomBy(1)
            return
          case 'help/shortcuts':
            state.shortcutsSet(true)
            return
          case 'help/about':
            state.aboutSet(true)
            return
        }
      },

      async recoveryCheck() {
        const result = await deps.platform.invoke['recovery/list']()
        if (result.ok) set({ recoveryCopies: result.value })
      },
      async recoveryRestore(planId) {
        const result = await deps.platform.invoke['recovery/read']({ planId })
        if (!result.ok) {
          get().noticeAdd('error', result.error.message)
          return
        }
        if (await get().documentRestoreRecovered(result.value)) {
          await deps.platform.invoke['recovery/discard']({ planId })
          set({ recoveryCopies: get().recoveryCopies.filter((copy) => copy.planId !== planId) })
        }
      },
      recoveryPostpone(planId) {
        set({ recoveryCopies: get().recoveryCopies.filter((copy) => copy.planId !== planId) })
      },
      async recoveryDiscard(planId) {
        await deps.platform.invoke['recovery/discard']({ planId })
        set({ recoveryCopies: get().recoveryCopies.filter((copy) => copy.planId !== planId) })
      },

      closeRequested() {
        if (get().document?.isDirty === true) {
          set({ isClosePromptOpen: true })
          return
        }
        void get()
          .documentFlush()
          .then(() => {
            // Changes storage refused are only in memory: ask, as for a file that is behind.
            if (get().documentHasUnstoredEdits()) set({ isClosePromptOpen: true })
            else deps.platform.confirmClose()
          })
      },
      async closeAnswer(answer) {
        set({ isClosePromptOpen: false })
        if (answer === 'cancel') return
        if (answer === 'save' && !(await get().documentSave())) return
        await get().documentFlush()
        deps.platform.confirmClose()
      },
      storagePersistenceSet(isStoragePersistent) {
        set({ isStoragePersistent })
      },
      progressSet(event) {
        set({ progress: event === null || event.fraction >= 1 ? null : event })
      },
      async importCancel() {
        await deps.platform.invoke['import/cancel']()
      },
    }
  }
}
