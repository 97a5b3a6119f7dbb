/**
 * What the health feature adds to the workspace (`WorkspaceExtension`): the Dashboard tab (id `dashboard`) and the
 * Status report tab (id `status-report`), which View ▸ Dashboard and View ▸ Status Report open. The report's typed
 * commentary and decisions live here per plan, so they survive switching tabs and plans, and are kept in storage
 * (`report-draft.ts`) until the report is saved.
 */
import { useCallback, useMemo, useState, type ReactNode } from 'react'
import type { TaskId } from '../../../../shared/domain/model'
import type { WorkspaceExtension } from '../workspace/extension'
import { DashboardView } from './DashboardView'
import { reportDraftWrite } from './report-draft'
import { StatusReportView, type StatusReportDraft, type StatusReportExporter } from './StatusReportView'
import './health.css'

/**
 * The health extension; `showTab` switches the workspace's tab, `selectTasks` selects tasks in the Gantt, `exporter`
 * saves a status report as PDF or Excel through the platform.
 */
export function useHealthExtension(
  showTab: (id: string) => void,
  selectTasks: (taskIds: readonly TaskId[]) => void,
  exporter: StatusReportExporter,
): WorkspaceExtension {
  const [drafts, setDrafts] = useState<Readonly<Record<string, StatusReportDraft>>>({})
  const onDraft = useCallback((planId: string, next: StatusReportDraft) => {
    const isKept = reportDraftWrite(planId, next)
    setDrafts((current) => ({ ...current, [planId]: { ...next, isKept } }))
  }, [])
  return useMemo(
    () => ({
      tabs: [
        {
          id: 'dashboard',
          name: 'Dashboard',
          render: (): ReactNode => (
            <DashboardView
              onShowTasks={(ids) => {
                selectTasks(ids)
                showTab('gantt')
              }}
            />
          ),
        },
        { id: 'status-report', name: 'Status report', render: (): ReactNode => <StatusReportView drafts={drafts} onDraft={onDraft} exporter={exporter} /> },
      ],
    }),
    [showTab, selectTasks, drafts, onDraft, exporter],
  )
}
