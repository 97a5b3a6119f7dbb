import { keyBindingFind } from '../../../shared/commands/keys'
import type { GantryPlatform } from '../../../shared/ipc/contract'
import { planDbRequestPersistence } from '../db/plan-db'
import type { AppStore } from '../stores/app-store'

/** The page events `appStart` listens to (the browser's `window` and `document` by default). */
export type PageEvents = {
  addWindowListener(type: 'pagehide' | 'beforeunload' | 'keydown', listener: (event: Event) => void): () => void
  addDocumentListener(type: 'visibilitychange', listener: () => void): () => void
  isHidden(): boolean
}

function browserPageEvents(): PageEvents {
  return {
    addWindowListener(type, listener) {
      window.addEventListener(type, listener)
      return () => window.removeEventListener(type, listener)
    },
    addDocumentListener(type, listener) {
      document.addEventListener(type, listener)
      return () => document.removeEventListener(type, listener)
    },
    isHidden: () => document.visibilityState === 'hidden',
  }
}

/**
 * Connects the store to the platform once at start: persistent storage, menu commands, close requests,
 * the window title, the plan list, the recovery offer, F1 for the keyboard shortcuts, and the page's life cycle
 * (edits not stored yet are written at once when the page is hidden or closed; in browser mode closing the tab asks
 * first while an edit is not stored). Returns a function that disconnects everything.
 */
export function appStart(store: AppStore, platform: GantryPlatform, page: PageEvents = browserPageEvents()): () => void {
  const state = store.getState()
  void planDbRequestPersistence().then((isPersistent) => store.getState().storagePersistenceSet(isPersistent))
  const stopPlans = state.plansWatch()
  void state.recoveryCheck()

  const stopMenu = platform.onMenuCommand((command) => void store.getState().menuCommandRun(command))
  const stopClose = platform.onCloseRequest(() => store.getState().closeRequested())
  const stopProgress = platform.onProgress((event) => store.getState().progressSet(event))

  // F1 opens the shortcuts wherever the focus is (the desktop Help menu has it too; opening twice is harmless).
  // Ctrl+P opens Gantry's print dialog, not the browser's print of the app's screen. The other application keys
  // are the desktop menu's accelerators.
  const stopKeys = page.addWindowListener('keydown', (event) => {
    if (!(event instanceof KeyboardEvent)) return
    const action = keyBindingFind('app', event)?.action
    if (action === 'help/shortcuts') {
      event.preventDefault()
      store.getState().shortcutsSet(true)
    } else if (action === 'file/print') {
      event.preventDefault()
      void store.getState().menuCommandRun('file/print')
    }
  })

  let lastTitle = ''
  const syncTitle = () => {
    const document = store.getState().document
    const title = document === null ? 'Gantry' : document.plan.name
    // Changes only in memory (storage failed, or slow) are unsaved too: the title says so and closing asks.
    const isDirty = (document?.isDirty ?? false) || (document?.isUnstoredShown ?? false)
    const key = `${isDirty ? 1 : 0}${title}`
    if (key === lastTitle) return
    lastTitle = key
    void platform.invoke['window/setTitle']({ title, isDirty })
  }
  syncTitle()
  const stopTitle = store.subscribe(syncTitle)

  // A hidden page may be closed or discarded without another event: write what is pending now.
  const flushNow = () => void store.getState().documentFlushNow()
  const stopPageHide = page.addWindowListener('pagehide', flushNow)
  const stopVisibility = page.addDocumentListener('visibilitychange', () => {
    if (page.isHidden()) flushNow()
  })
  // Browser mode: closing the tab while an edit is not stored asks first (the desktop app asks through main).
  const stopBeforeUnload =
    platform.kind === 'web'
      ? page.addWindowListener('beforeunload', (event) => {
          if (!store.getState().documentHasUnstoredEdits()) return
          flushNow()
          event.preventDefault()
          // Older browsers show the prompt only when returnValue is set to a non-empty text.
          if ('returnValue' in event) (event as BeforeUnloadEvent).returnValue = 'Changes are not stored yet.'
        })
      : () => undefined

  return () => {
    stopPlans()
    stopMenu()
    stopClose()
    stopProgress()
    stopTitle()
    stopKeys()
    stopPageHide()
    stopVisibility()
    stopBeforeUnload()
  }
}
