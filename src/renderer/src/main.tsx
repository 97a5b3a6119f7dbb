import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { appStart } from './app/start'
import './app/app.css'
import { PlanDb } from './db/plan-db'
import { platformDetect } from './platform'
import { AppStoreContext, createAppStore } from './stores/app-store'
import { storeDepsDefault } from './stores/deps'

const blockedMessage =
  'Gantry is open in another window with an older version. Close the other windows to continue.'
const platform = platformDetect()
const db = new PlanDb(undefined, undefined, {
  // Another window upgraded the database: this one must reload to use the new version.
  onVersionChange: () => window.location.reload(),
  onBlocked: () => store.getState().noticeAdd('error', blockedMessage),
})
const store = createAppStore(storeDepsDefault(platform, db))
appStart(store, platform)

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <AppStoreContext.Provider value={store}>
      <App />
    </AppStoreContext.Provider>
  </StrictMode>,
)
