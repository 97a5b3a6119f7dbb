import { useCallback, useMemo } from 'react'
import type { StoreApi } from 'zustand'
import { useHealthExtension } from '../features/health/health-extension'
import { useRaidExtension } from '../features/raid/raid-extension'
import { useResourcesExtension } from '../features/resources/resources-extension'
import type { WorkspaceExtension } from '../features/workspace/extension'
import { Workspace } from '../features/workspace/Workspace'
import type { WorkspaceState } from '../features/workspace/workspace-store'
import { useAppStore, useAppStoreApi } from '../stores/app-store'
import type { WorkspaceView as WorkspaceTab } from '../stores/types'
import { MenuButton } from '../ui/MenuButton'

/**
 * The open plan: a header with its name, file and save state, and the planning workspace below it.
 * The grid and Gantt chart live in features/workspace.
 */
export function WorkspaceView() {
  const name = useAppStore((state) => state.document?.plan.name ?? null)
  const fileName = useAppStore((state) => state.document?.file?.fileName ?? null)
  const isDirty = useAppStore((state) => state.document?.isDirty ?? false)
  const isUnstoredShown = useAppStore((state) => state.document?.isUnstoredShown ?? false)
  const readOnly = useAppStore((state) => state.document?.readOnly ?? null)
  const documentTakeOver = useAppStore((state) => state.documentTakeOver)
  const store = useAppStoreApi()
  const documentSave = useAppStore((state) => state.documentSave)
  const documentSaveAs = useAppStore((state) => state.documentSaveAs)
  const documentOpenFile = useAppStore((state) => state.documentOpenFile)
  const documentExport = useAppStore((state) => state.documentExport)
  const printSet = useAppStore((state) => state.printSet)
  // The active workspace tab lives in the store so the View menu (Gantt, Milestones, Resources, Resource usage) opens it.
  const workspaceTab = useAppStore((state) => state.workspaceView)
  const workspaceViewSet = useAppStore((state) => state.workspaceViewSet)
  const showTab = useCallback((id: string) => workspaceViewSet(id as WorkspaceTab), [workspaceViewSet])
  const resourcesExtension = useResourcesExtension(showTab)
  const editorSelect = useAppStore((state) => state.editorSelect)
  const selectTask = useCallback((taskId: number) => editorSelect([taskId]), [editorSelect])
  const raidExtension = useRaidExtension(showTab, selectTask)
  const selectTasks = useCallback((taskIds: readonly number[]) => editorSelect([...taskIds]), [editorSelect])
  const canSavePdf = useAppStore((state) => state.canSavePdf)
  const statusReportExport = useAppStore((state) => state.statusReportExport)
  const reportExporter = useMemo(() => ({ canSavePdf, run: statusReportExport }), [canSavePdf, statusReportExport])
  const healthExtension = useHealthExtension(showTab, selectTasks, reportExporter)
  // The features that add to the workspace, in tab order: resources, the RAID log, then the dashboard and status report.
  const extension = useMemo((): WorkspaceExtension => {
    const resourceDetails = resourcesExtension.taskDetails
    const raidDetails = raidExtension.taskDetails
    return {
      ...resourcesExtension,
      tabs: [...resourcesExtension.tabs, ...raidExtension.tabs, ...healthExtension.tabs],
      taskDetails: (taskId) => (
        <>
          {resourceDetails?.(taskId)}
          {raidDetails?.(taskId)}
        </>
      ),
    }
  }, [resourcesExtension, raidExtension, healthExtension])

  if (name === null) {
    return (
      <section className="page" aria-labelledby="workspace-heading">
        <h1 id="workspace-heading">Workspace</h1>
        <p className="empty">No plan is open. Choose one in Plans.</p>
      </section>
    )
  }

  return (
    <section className="page page-workspace" aria-labelledby="workspace-heading">
      <header className="page-header workspace-header">
        <div className="workspace-title">
          <h1 id="workspace-heading">{name}</h1>
          <p className="workspace-file" data-testid="document-state">
            {fileName === null ? 'Stored in Gantry, not saved to a file' : fileName}
            {isDirty && (
              <span className="dirty-marker" title="Unsaved changes">
                {' '}
                • unsaved changes
              </span>
            )}
            {isUnstoredShown && (
              <span className="dirty-marker" data-testid="unstored-marker" title="The latest changes are only in this window">
                {' '}
                • changes not stored
              </span>
            )}
          </p>
          {readOnly !== null && (
            <p className="read-only-banner" role="status" data-testid="read-only-banner">
              {readOnly === 'other-window'
                ? 'Read-only: this plan is being edited in another window or tab.'
                : 'Read-only: this plan was changed or deleted in another window or tab.'}{' '}
              {readOnly === 'other-window' && (
                <button type="button" className="button button-small" onClick={() => void documentTakeOver()}>
                  Take over editing
                </button>
              )}
            </p>
          )}
        </div>
        <div className="page-actions">
          <button type="button" className="button" onClick={() => void documentOpenFile()}>
            Open…
          </button>
          <MenuButton
            label="Export"
            items={[
              { label: 'Excel workbook (.xlsx)', onSelect: () => void documentExport('xlsx') },
              { label: 'Microsoft Project XML (.xml)', onSelect: () => void documentExport('mspdi') },
              { label: 'CSV task table (.csv)', onSelect: () => void documentExport('csv') },
              { label: 'PDF of the Gantt chart…', onSelect: () => printSet(true) },
            ]}
          />
          <button type="button" className="button" aria-label="Print (Ctrl+P)" onClick={() => printSet(true)}>
            Print…
          </button>
          <button type="button" className="button" onClick={() => void documentSaveAs()}>
            Save As…
          </button>
          <button type="button" className="button button-primary" onClick={() => void documentSave()}>
            Save
          </button>
        </div>
      </header>
      <div className="workspace-body">
        <Workspace
          store={store as unknown as StoreApi<WorkspaceState>}
          extension={extension}
          tab={workspaceTab}
          onTabChange={showTab}
        />
      </div>
    </section>
  )
}
