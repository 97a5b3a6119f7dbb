import { useAppStore } from '../stores/app-store'
import type { View } from '../stores/types'

const items: { view: View; label: string }[] = [
  { view: 'plans', label: 'Plans' },
  { view: 'workspace', label: 'Workspace' },
  { view: 'career', label: 'Career' },
]

/** Views of the open plan with an entry of their own (issue 5: who is overbooked, at a glance). */
const resourceItems: { view: 'resources' | 'usage'; label: string }[] = [
  { view: 'resources', label: 'Resources' },
  { view: 'usage', label: 'Resource usage' },
]

/** The left navigation between the plan list, the open plan and the career tracker. */
export function NavBar() {
  const view = useAppStore((state) => state.view)
  const openPlanName = useAppStore((state) => state.document?.plan.name ?? null)
  const viewSet = useAppStore((state) => state.viewSet)
  const workspaceView = useAppStore((state) => state.workspaceView)
  const workspaceViewSet = useAppStore((state) => state.workspaceViewSet)
  const shortcutsSet = useAppStore((state) => state.shortcutsSet)

  return (
    <nav className="nav" aria-label="Sections">
      <div className="nav-brand" aria-hidden="true">
        <span className="nav-logo">▦</span> Gantry
      </div>
      <ul className="nav-list">
        {items.map((item) => {
          const isDisabled = item.view === 'workspace' && openPlanName === null
          return (
            <li key={item.view}>
              <button
                type="button"
                className="nav-item"
                aria-current={view === item.view ? 'page' : undefined}
                disabled={isDisabled}
                title={isDisabled ? 'Open a plan first' : undefined}
                onClick={() => viewSet(item.view)}
              >
                {item.label}
                {item.view === 'workspace' && openPlanName !== null && (
                  <span className="nav-item-detail">{openPlanName}</span>
                )}
              </button>
            </li>
          )
        })}
        {openPlanName !== null &&
          resourceItems.map((item) => (
            <li key={item.view}>
              <button
                type="button"
                className="nav-item nav-subitem"
                aria-current={view === 'workspace' && workspaceView === item.view ? 'page' : undefined}
                onClick={() => workspaceViewSet(item.view)}
              >
                {item.label}
              </button>
            </li>
          ))}
      </ul>
      <button type="button" className="nav-item nav-help" aria-keyshortcuts="F1" onClick={() => shortcutsSet(true)}>
        Keyboard shortcuts (F1)
      </button>
    </nav>
  )
}
