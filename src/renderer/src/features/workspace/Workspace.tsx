/**
 * The planning workspace: toolbar, view tabs (Gantt, Milestones, Project settings), the Gantt view with its
 * details panel, and the message line (role=alert) for refused edits. Undo/redo shortcuts work anywhere in the
 * workspace except inside text fields, where the field's own undo applies.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { StoreApi } from 'zustand'
import { GanttView } from './GanttView'
import { zoomLevels } from './layout'
import { MilestonesView } from './MilestonesView'
import { SettingsView } from './SettingsView'
import { useWorkspace, useWorkspaceApi, WorkspaceStoreContext, type WorkspaceState } from './workspace-store'
import './workspace.css'

export type WorkspaceTab = 'gantt' | 'milestones' | 'settings'

const tabNames: Record<WorkspaceTab, string> = { gantt: 'Gantt', milestones: 'Milestones', settings: 'Project settings' }

/** A view another feature (resources) adds to the workspace's tabs. */
export type WorkspaceExtraTab = { id: string; name: string; render: () => ReactNode }

/**
 * The workspace with its store; `extraTabs` lets other features (resources) add views. With `tab` and
 * `onTabChange` the active tab is controlled from outside (the shell follows the View menu); otherwise it is local.
 */
export function Workspace({
  store,
  extraTabs,
  tab,
  onTabChange,
}: {
  store: StoreApi<WorkspaceState>
  extraTabs?: WorkspaceExtraTab[]
  tab?: string
  onTabChange?: (id: string) => void
}) {
  return (
    <WorkspaceStoreContext.Provider value={store}>
      <WorkspaceInner extraTabs={extraTabs ?? []} controlledTab={tab} onTabChange={onTabChange} />
    </WorkspaceStoreContext.Provider>
  )
}

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable="true"]') !== null
}

const focusableSelector = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex="0"]'

/**
 * F6 and Shift+F6 move the focus to the next or previous pane (toolbar, grid, chart, details, or the view), as in
 * Microsoft Project and other Windows applications. A pane is an element marked `data-pane`; it takes the focus
 * itself when it is focusable, otherwise its first focusable element does.
 */
export function focusNextPane(root: HTMLElement, backwards: boolean): boolean {
  const panes = [...root.querySelectorAll<HTMLElement>('[data-pane]')].filter((pane) => pane.getClientRects().length > 0)
  if (panes.length === 0) return false
  const current = panes.findIndex((pane) => pane.contains(document.activeElement))
  for (let step = 1; step <= panes.length; step++) {
    const index = current < 0 ? (backwards ? panes.length - step : step - 1) : (current + (backwards ? -step : step) + panes.length * 2) % panes.length
    const pane = panes[index] as HTMLElement
    const target = pane.tabIndex >= 0 ? pane : pane.querySelector<HTMLElement>(focusableSelector)
    if (target !== null) {
      target.focus()
      return true
    }
  }
  return false
}

function WorkspaceInner({ extraTabs, controlledTab, onTabChange }: { extraTabs: WorkspaceExtraTab[]; controlledTab?: string; onTabChange?: (id: string) => void }) {
  const store = useWorkspaceApi()
  const [localTab, setLocalTab] = useState<string>('gantt')
  const tab = controlledTab ?? localTab
  const setTab = onTabChange ?? setLocalTab
  const [isCriticalShown, setCriticalShown] = useState(false)
  const hasPlan = useWorkspace((state) => state.document !== null)
  const message = useWorkspace((state) => state.editorMessage)
  const messageSeq = useWorkspace((state) => state.editorMessageSeq)
  const canUndo = useWorkspace((state) => (state.document as { undoStack?: unknown[] } | null)?.undoStack?.length !== 0)
  const canRedo = useWorkspace((state) => (state.document as { redoStack?: unknown[] } | null)?.redoStack?.length !== 0)
  const zoomLevel = useWorkspace((state) => state.zoomLevel)
  const selection = useWorkspace((state) => state.editorSelection)
  const scheduleProblem = useWorkspace((state) => (state.document?.schedule && !state.document.schedule.ok ? (state.document.schedule.problems[0]?.message ?? null) : null))

  const rootRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'F6' && !event.ctrlKey && !event.altKey && !event.metaKey && rootRef.current !== null) {
        if (focusNextPane(rootRef.current, event.shiftKey)) event.preventDefault()
        return
      }
      if (!(event.ctrlKey || event.metaKey) || isTextField(event.target)) return
      const key = event.key.toLowerCase()
      const state = store.getState()
      if (key === 'z' && !event.shiftKey) state.editorUndo()
      else if (key === 'y' || (key === 'z' && event.shiftKey)) state.editorRedo()
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [store])

  if (!hasPlan) return <div className="ws-empty">No plan is open.</div>
  const state = store.getState()
  const tabs: { id: string; name: string }[] = [
    ...(Object.keys(tabNames) as WorkspaceTab[]).map((id) => ({ id, name: tabNames[id] })),
    ...extraTabs.map((item) => ({ id: item.id, name: item.name })),
  ]
  const activeTaskId = selection[0] ?? null
  const selectedIds = selection
  const activeIndex = (): number => {
    const plan = store.getState().document?.plan
    if (plan === undefined) return 0
    const index = activeTaskId === null ? -1 : plan.tasks.findIndex((task) => task.id === activeTaskId)
    return index < 0 ? plan.tasks.length : index + 1
  }
  const undoRedo = (
    <>
      <button type="button" className="ws-button" disabled={!canUndo} aria-label="Undo (Ctrl+Z)" onClick={() => state.editorUndo()}>
        Undo
      </button>
      <button type="button" className="ws-button" disabled={!canRedo} aria-label="Redo (Ctrl+Y)" onClick={() => state.editorRedo()}>
        Redo
      </button>
    </>
  )
  return (
    <div className="ws-root" ref={rootRef}>
      <div className="ws-toolbar" role="toolbar" aria-label="Plan editing" data-pane="toolbar">
        <div className="ws-tabs" role="tablist" aria-label="Workspace views">
          {tabs.map((item) => (
            <button key={item.id} type="button" role="tab" aria-selected={tab === item.id} className={`ws-tab${tab === item.id ? ' is-active' : ''}`} onClick={() => setTab(item.id)}>
              {item.name}
            </button>
          ))}
        </div>
        {tab === 'gantt' && (
          <div className="ws-tools">
            <button type="button" className="ws-button" onClick={() => state.editorInsertTask(activeIndex())}>
              Add task
            </button>
            <button type="button" className="ws-button" disabled={selectedIds.length === 0} onClick={() => state.editorDelete(selectedIds)}>
              Delete
            </button>
            <button type="button" className="ws-button" disabled={selectedIds.length === 0} aria-label="Indent (Tab)" onClick={() => state.editorIndent(selectedIds)}>
              Indent
            </button>
            <button type="button" className="ws-button" disabled={selectedIds.length === 0} aria-label="Outdent (Shift+Tab)" onClick={() => state.editorOutdent(selectedIds)}>
              Outdent
            </button>
            <button type="button" className="ws-button" disabled={activeTaskId === null} aria-label="Move up (Alt+Shift+Up)" onClick={() => activeTaskId !== null && state.editorMove(activeTaskId, -1)}>
              ↑
            </button>
            <button type="button" className="ws-button" disabled={activeTaskId === null} aria-label="Move down (Alt+Shift+Down)" onClick={() => activeTaskId !== null && state.editorMove(activeTaskId, 1)}>
              ↓
            </button>
            <button
              type="button"
              className="ws-button"
              disabled={selectedIds.length < 2}
              aria-label="Link selected tasks finish-to-start"
              onClick={() => {
                for (let index = 1; index < selectedIds.length; index++) state.editorLink(selectedIds[index - 1] as number, selectedIds[index] as number, 'FS')
              }}
            >
              Link
            </button>
            <span className="ws-separator" />
            {undoRedo}
            <span className="ws-separator" />
            <label className="ws-zoom">
              Zoom
              <select value={zoomLevel} onChange={(event) => state.zoomBy(Number(event.target.value) - zoomLevel)}>
                {zoomLevels.map((level, index) => (
                  <option key={level} value={index}>
                    {level[0]?.toUpperCase() + level.slice(1)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="ws-button" aria-pressed={isCriticalShown} onClick={() => setCriticalShown((shown) => !shown)}>
              Critical path
            </button>
          </div>
        )}
        {/* Every view's edits (settings, resources) are undoable, so every view offers Undo and Redo. */}
        {tab !== 'gantt' && <div className="ws-tools">{undoRedo}</div>}
      </div>
      <div className="ws-message" role="alert" key={messageSeq}>
        {message ?? scheduleProblem ?? ''}
        {message !== null && (
          <button type="button" className="ws-button ws-message-close" aria-label="Dismiss message" onClick={() => state.editorSetMessage(null)}>
            ×
          </button>
        )}
      </div>
      <div className="ws-view" data-pane={tab === 'gantt' ? undefined : 'view'}>
        {tab === 'gantt' && <GanttView isCriticalShown={isCriticalShown} />}
        {tab === 'milestones' && (
          <MilestonesView
            onShow={(taskId) => {
              state.editorSelect([taskId])
              setTab('gantt')
            }}
          />
        )}
        {tab === 'settings' && <SettingsView />}
        {extraTabs.find((item) => item.id === tab)?.render()}
      </div>
    </div>
  )
}
