/**
 * The planning workspace: toolbar, view tabs (Gantt, Milestones, Project settings, and the tabs an extension adds),
 * the Gantt view with its details panel, and the message line (role=alert) for refused edits. The toolbar runs
 * commands of the registry; the workspace's keys (F6 between panes, undo and redo) come from the key table and work
 * anywhere in the workspace except inside text fields, where the field's own undo applies.
 */
import { useContext, useEffect, useRef, useState } from 'react'
import type { StoreApi } from 'zustand'
import { dateLocalNow } from '../../../../shared/domain/dates'
import { keyBindingFind } from '../../../../shared/commands/keys'
import type { SelectionCommandId } from '../../../../shared/commands/registry'
import { commandIsAvailable } from '../../../../shared/commands/run'
import { baselineNumbers, type BaselineNumber } from '../../../../shared/domain/model'
import { BaselineDialog } from './BaselineDialog'
import { EarnedValueView } from './EarnedValueView'
import { detailsShownLoad, detailsShownSave } from './column-layout'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { WorkspaceExtensionContext, type WorkspaceExtension } from './extension'
import { GanttView } from './GanttView'
import { zoomLevels } from './layout'
import { MilestonesView } from './MilestonesView'
import { SettingsView } from './SettingsView'
import { trackingBaselineName } from './tracking'
import { useWorkspace, useWorkspaceApi, WorkspaceStoreContext, type WorkspaceState } from './workspace-store'
import './workspace.css'

export type WorkspaceTab = 'gantt' | 'milestones' | 'earned-value' | 'settings'

const tabNames: Record<WorkspaceTab, string> = { gantt: 'Gantt', milestones: 'Milestones', 'earned-value': 'Earned value', settings: 'Project settings' }

const noExtension: WorkspaceExtension = { tabs: [] }

/**
 * The workspace with its store; `extension` lets other features (resources) add views, a details section and row
 * markers. With `tab` and `onTabChange` the active tab is controlled from outside (the shell follows the View
 * menu); otherwise it is local.
 */
export function Workspace({
  store,
  extension = noExtension,
  tab,
  onTabChange,
}: {
  store: StoreApi<WorkspaceState>
  extension?: WorkspaceExtension
  tab?: string
  onTabChange?: (id: string) => void
}) {
  const inner = <WorkspaceInner controlledTab={tab} onTabChange={onTabChange} />
  const { MarkersProvider } = extension
  return (
    <WorkspaceStoreContext.Provider value={store}>
      <WorkspaceExtensionContext.Provider value={extension}>{MarkersProvider === undefined ? inner : <MarkersProvider>{inner}</MarkersProvider>}</WorkspaceExtensionContext.Provider>
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
    const pane = panes[index]
    const target = pane === undefined ? null : pane.tabIndex >= 0 ? pane : pane.querySelector<HTMLElement>(focusableSelector)
    if (target !== null) {
      target.focus()
      return true
    }
  }
  return false
}

/** Toolbar buttons that run a command on the selection: label, accessible name (with its key), command. */
const editButtons: { label: string; name?: string; command: SelectionCommandId }[] = [
  { label: 'Delete', command: 'task/delete' },
  { label: 'Indent', name: 'Indent (Alt+Shift+Right)', command: 'task/indent' },
  { label: 'Outdent', name: 'Outdent (Alt+Shift+Left)', command: 'task/outdent' },
  { label: '↑', name: 'Move up (Alt+Shift+Up)', command: 'task/move-up' },
  { label: '↓', name: 'Move down (Alt+Shift+Down)', command: 'task/move-down' },
  { label: 'Link', name: 'Link selected tasks finish-to-start', command: 'link/chain' },
  { label: 'Manual', name: 'Manually schedule the selected tasks', command: 'task/schedule-manually' },
  { label: 'Auto', name: 'Auto schedule the selected tasks', command: 'task/schedule-automatically' },
  { label: 'Respect links', name: 'Respect links: move the selected manual tasks to where their links put them', command: 'task/respect-links' },
  { label: 'Mark on track', name: 'Mark on track: the selected tasks done as scheduled up to the status date (today without one)', command: 'task/mark-on-track' },
]

function WorkspaceInner({ controlledTab, onTabChange }: { controlledTab?: string; onTabChange?: (id: string) => void }) {
  const store = useWorkspaceApi()
  const extraTabs = useContext(WorkspaceExtensionContext).tabs
  const [localTab, setLocalTab] = useState<string>('gantt')
  const tab = controlledTab ?? localTab
  const setTab = onTabChange ?? setLocalTab
  const [isCriticalShown, setCriticalShown] = useState(false)
  const [isTrackingShown, setTrackingShown] = useState(false)
  const [trackingBaseline, setTrackingBaseline] = useState<BaselineNumber>(0)
  const [isBaselineDialogOpen, setBaselineDialogOpen] = useState(false)
  const [isDetailsShown, setDetailsShownState] = useState(detailsShownLoad)
  const setDetailsShown = (isShown: boolean): void => {
    setDetailsShownState(isShown)
    detailsShownSave(isShown)
  }
  const hasPlan = useWorkspace((state) => state.document !== null)
  const message = useWorkspace((state) => state.editorMessage)
  const messageSeq = useWorkspace((state) => state.editorMessageSeq)
  const canUndo = useWorkspace((state) => state.document?.undoStack?.length !== 0)
  const canRedo = useWorkspace((state) => state.document?.redoStack?.length !== 0)
  const undoLabel = useWorkspace((state) => state.editorUndoLabel())
  const redoLabel = useWorkspace((state) => state.editorRedoLabel())
  const zoomLevel = useWorkspace((state) => state.zoomLevel)
  const selection = useWorkspace((state) => state.editorSelection)
  const scheduleResult = useWorkspace((state) => state.document?.schedule ?? null)
  const clipboard = useWorkspace((state) => state.editorClipboard)
  const question = useWorkspace((state) => state.editorQuestion)
  const scheduleProblem = useWorkspace((state) => (state.document?.schedule && !state.document.schedule.ok ? (state.document.schedule.problems[0]?.message ?? null) : null))

  // A message belongs to the tab it was raised on (a refused Gantt edit does not follow the user to Resources);
  // back on that tab it shows again. Adjusted during render when a new message comes.
  const [messageTab, setMessageTab] = useState({ seq: messageSeq, tab })
  if (messageTab.seq !== messageSeq) setMessageTab({ seq: messageSeq, tab })
  const shownMessage = messageTab.tab === tab ? message : null

  const rootRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const action = keyBindingFind('workspace', event)?.action
      const root = rootRef.current
      if (action === undefined || root === null) return
      if (action === 'workspace/next-pane' || action === 'workspace/previous-pane') {
        if (focusNextPane(root, action === 'workspace/previous-pane')) event.preventDefault()
        return
      }
      // Inside a text field, Ctrl+Z is the field's own undo.
      if (isTextField(event.target)) return
      const state = store.getState()
      if (action === 'edit/undo') state.editorUndo()
      else if (action === 'edit/redo') state.editorRedo()
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
  // What the toolbar's commands need (a selection, a schedule) decides whether they are enabled.
  const context = { selection, schedule: scheduleResult?.ok === true ? scheduleResult.schedule : null, clipboard }
  const undoRedo = (
    <>
      <button type="button" className="ws-button" disabled={!canUndo} aria-label="Undo (Ctrl+Z)" title={undoLabel === null ? 'Undo' : `Undo ${undoLabel}`} onClick={() => state.editorUndo()}>
        Undo
      </button>
      <button type="button" className="ws-button" disabled={!canRedo} aria-label="Redo (Ctrl+Y)" title={redoLabel === null ? 'Redo' : `Redo ${redoLabel}`} onClick={() => state.editorRedo()}>
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
            <button type="button" className="ws-button" onClick={() => state.editorInsertRequestSet('below')}>
              Add task
            </button>
            {editButtons.map((button) => (
              <button
                key={button.command}
                type="button"
                className="ws-button"
                disabled={!commandIsAvailable(button.command, context)}
                aria-label={button.name}
                // As in Microsoft Project, Mark on track without a status date marks progress up to now.
                onClick={() => state.editorRun(button.command, button.command === 'task/mark-on-track' ? { now: dateLocalNow() } : {})}
              >
                {button.label}
              </button>
            ))}
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
            <span className="ws-separator" />
            <button
              type="button"
              className="ws-button"
              aria-pressed={isTrackingShown}
              title="Tracking Gantt: the baseline under each bar, slipped tasks in amber"
              onClick={() => setTrackingShown((shown) => !shown)}
            >
              Tracking
            </button>
            <label className="ws-zoom">
              <span className="ws-visually-hidden">Baseline shown</span>
              <select
                aria-label="Baseline shown"
                value={trackingBaseline}
                onChange={(event) => setTrackingBaseline(baselineNumbers.find((number) => number === Number(event.target.value)) ?? 0)}
              >
                {baselineNumbers.map((number) => (
                  <option key={number} value={number}>
                    {trackingBaselineName(number)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="ws-button" aria-haspopup="dialog" onClick={() => setBaselineDialogOpen(true)}>
              Baseline…
            </button>
            <button type="button" className="ws-button" aria-pressed={isDetailsShown} aria-keyshortcuts="Shift+F2" onClick={() => setDetailsShown(!isDetailsShown)}>
              Details
            </button>
          </div>
        )}
        {/* Every view's edits (settings, resources) are undoable, so every view offers Undo and Redo. */}
        {tab !== 'gantt' && <div className="ws-tools">{undoRedo}</div>}
      </div>
      <div className="ws-message" role="alert" key={messageSeq}>
        {shownMessage ?? scheduleProblem ?? ''}
        {shownMessage !== null && (
          <button type="button" className="ws-button ws-message-close" aria-label="Dismiss message" onClick={() => state.editorSetMessage(null)}>
            ×
          </button>
        )}
      </div>
      {question !== null && (
        <ConfirmDialog
          title={question.title}
          confirmLabel={question.confirmLabel}
          isDestructive
          onConfirm={() => state.editorAnswer(true)}
          onCancel={() => state.editorAnswer(false)}
        >
          <p>{question.text}</p>
        </ConfirmDialog>
      )}
      <div className="ws-view" data-pane={tab === 'gantt' ? undefined : 'view'}>
        {tab === 'gantt' && (
          <GanttView
            isCriticalShown={isCriticalShown}
            tracking={{ isShown: isTrackingShown, baselineNumber: trackingBaseline }}
            isDetailsShown={isDetailsShown}
            onShowDetails={() => {
              setDetailsShown(true)
              // Shift+F2 goes to the details, as Microsoft Project's Task Information does.
              requestAnimationFrame(() => rootRef.current?.querySelector<HTMLElement>('.ws-details input, .ws-details textarea')?.focus())
            }}
            onHideDetails={() => setDetailsShown(false)}
          />
        )}
        {tab === 'earned-value' && (
          <EarnedValueView
            onShow={(taskId) => {
              state.editorSelect([taskId])
              setTab('gantt')
            }}
          />
        )}
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
      {isBaselineDialogOpen && <BaselineDialog onClose={() => setBaselineDialogOpen(false)} />}
    </div>
  )
}
