import { CareerPage } from '../features/career/CareerPage'
import { useAppStore } from '../stores/app-store'
import { AppDialogs } from './AppDialogs'
import { ImportProgress } from './ImportProgress'
import { NavBar } from './NavBar'
import { Notices } from './Notices'
import { PlanList } from './PlanList'
import { WorkspaceView } from './WorkspaceView'

/** The application shell: navigation on the left, the current section on the right. */
export function App() {
  const view = useAppStore((state) => state.view)
  const isStoragePersistent = useAppStore((state) => state.isStoragePersistent)

  return (
    <div className="shell">
      <NavBar />
      <main className="main" id="main">
        <Notices />
        <ImportProgress />
        {view === 'plans' && <PlanList />}
        {view === 'workspace' && <WorkspaceView />}
        {view === 'career' && <CareerPage />}
        {isStoragePersistent === false && view === 'plans' && (
          <p className="storage-note">
            This browser may clear Gantry’s storage when disk space runs low. Save important plans to files.
          </p>
        )}
      </main>
      <AppDialogs />
    </div>
  )
}
