import { keyBindingFind } from '../../../shared/commands/keys'
import { menuCommands, type GantryPlatform, type MenuCommand } from '../../../shared/ipc/contract'
import { planDbRequestPersistence } from '../db/plan-db'
import type { AppStore } from '../stores/app-store'

function isMenuCommand(action: string): action is MenuCommand {
  return (menuCommands as readonly string[]).includes(action)
}

/**
 * Connects the store to the platform once at start: persistent storage, menu commands, close requests,
 * the window title, the plan list, the recovery offer and F1 for the keyboard shortcuts. Returns a function that
 * disconnects everything.
 */
export function appStart(store: AppStore, platform: GantryPlatform): () => void {
  const state = store.getState()
  void planDbRequestPersistence().then((isPersistent) => store.getState().storagePersistenceSet(isPersistent))
  const stopPlans = state.plansWatch()
  void state.recoveryCheck()

  const stopMenu = platform.onMenuCommand((command) => void store.getState().menuCommandRun(command))
  const stopClose = platform.onCloseRequest(() => store.getState().closeRequested())
  const stopProgress = platform.onProgress((event) => store.getState().progressSet(event))

  // F1 opens the shortcuts wherever the focus is (the desktop Help menu has it too; opening twice is harmless).
  // The other application keys are the desktop menu's accelerators; in a browser, which has no such menu, they are
  // handled here (Ctrl+1..4 for the views, Ctrl+= and Ctrl+- to zoom the timeline, Ctrl+S to save…), except
  // Ctrl+N, which the browser keeps for itself.
  const isBrowser = platform.kind === 'web'
  const onKey = (event: KeyboardEvent): void => {
    const action = keyBindingFind('app', event)?.action
    if (action === undefined) return
    if (action === 'help/shortcuts') {
      event.preventDefault()
      store.getState().shortcutsSet(true)
      return
    }
    if (!isBrowser || action === 'file/new' || !isMenuCommand(action)) return
    event.preventDefault()
    void store.getState().menuCommandRun(action)
  }
  window.addEventListener('keydown', onKey)

  let lastTitle = ''
  const syncTitle = () => {
    const document = store.getState().document
    const title = document === null ? 'Gantry' : document.plan.name
    const isDirty = document?.isDirty ?? false
    const key = `${isDirty ? 1 : 0}${title}`
    if (key === lastTitle) return
    lastTitle = key
    void platform.invoke['window/setTitle']({ title, isDirty })
  }
  syncTitle()
  const stopTitle = store.subscribe(syncTitle)

  return () => {
    stopPlans()
    stopMenu()
    stopClose()
    stopProgress()
    stopTitle()
    window.removeEventListener('keydown', onKey)
  }
}
