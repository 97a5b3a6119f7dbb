import type { GantryPlatform } from '../../../shared/ipc/contract'
import { planDbRequestPersistence } from '../db/plan-db'
import type { AppStore } from '../stores/app-store'

/**
 * Connects the store to the platform once at start: persistent storage, menu commands, close requests,
 * the window title, the plan list and the recovery offer. Returns a function that disconnects everything.
 */
export function appStart(store: AppStore, platform: GantryPlatform): () => void {
  const state = store.getState()
  void planDbRequestPersistence().then((isPersistent) => store.getState().storagePersistenceSet(isPersistent))
  const stopPlans = state.plansWatch()
  void state.recoveryCheck()

  const stopMenu = platform.onMenuCommand((command) => void store.getState().menuCommandRun(command))
  const stopClose = platform.onCloseRequest(() => store.getState().closeRequested())
  const stopProgress = platform.onProgress((event) => store.getState().progressSet(event))

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
  }
}
