/**
 * What the RAID feature adds to the workspace (`WorkspaceExtension`): the RAID log tab (id `raid`, the shell's
 * workspace view that View ▸ RAID Log opens) and, in the Gantt's task details, the RAID items linked to the task.
 * The view's filters, sort, chosen item and the new items' typed fields live here per plan, so they survive switching
 * tabs and plans; the typed fields are also kept in storage until the item is added or discarded.
 */
import { useCallback, useMemo, useState, type ReactNode } from 'react'
import type { TaskId } from '../../../../shared/domain/model'
import { raidIsOverdue, raidItemCode, raidStatusText } from '../../../../shared/domain/raid'
import type { WorkspaceExtension } from '../workspace/extension'
import { useWorkspace } from '../workspace/workspace-store'
import { RaidView, raidToday } from './RaidView'
import { typedDraftWrite } from '../workspace/typed-drafts'
import { raidViewStored, type RaidViewState } from './raid-view-state'

/** The RAID items linked to one task, in the task details; each opens the log on it. */
function TaskRaidItems({ taskId, onOpen }: { taskId: TaskId; onOpen(planId: string, id: number): void }) {
  const raid = useWorkspace((state) => state.document?.plan.raid)
  const planId = useWorkspace((state) => state.document?.plan.id ?? null)
  const linked = useMemo(() => (raid ?? []).filter((item) => item.taskIds.includes(taskId)), [raid, taskId])
  if (linked.length === 0) return null
  const today = raidToday()
  return (
    <section className="raid-task-items" aria-label="RAID items of this task">
      <h3>RAID</h3>
      <ul>
        {linked.map((item) => (
          <li key={item.id}>
            <button type="button" className="raid-link" onClick={() => planId !== null && onOpen(planId, item.id)}>
              {raidItemCode(item)} {item.title}
            </button>{' '}
            <span className={raidIsOverdue(item, today) ? 'raid-overdue-text' : 'raid-muted'}>
              {raidStatusText(item.status)}
              {raidIsOverdue(item, today) ? ', overdue' : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The RAID extension; `showTab` switches the workspace's tab, `selectTask` shows a task in the Gantt. */
export function useRaidExtension(
  showTab: (id: string) => void,
  selectTask: (taskId: TaskId) => void,
): WorkspaceExtension {
  const [views, setViews] = useState<Readonly<Record<string, RaidViewState>>>({})
  const onView = useCallback((planId: string, next: RaidViewState) => {
    // The new items' fields go to storage as typed (a refused write leaves them in the view, as before).
    typedDraftWrite('raid', planId, Object.keys(next.drafts).length === 0 ? null : next.drafts)
    setViews((current) => ({ ...current, [planId]: next }))
  }, [])
  return useMemo(
    () => ({
      tabs: [
        {
          id: 'raid',
          name: 'RAID log',
          render: (): ReactNode => (
            <RaidView
              views={views}
              onView={onView}
              onShowTask={(taskId) => {
                selectTask(taskId)
                showTab('gantt')
              }}
            />
          ),
        },
      ],
      taskDetails: (taskId: TaskId): ReactNode => (
        <TaskRaidItems
          taskId={taskId}
          onOpen={(planId, id) => {
            const current = views[planId] ?? raidViewStored(planId)
            onView(planId, { ...current, selectedId: id, query: { ...current.query, kinds: [], state: 'all', cell: null } })
            showTab('raid')
          }}
        />
      ),
    }),
    [showTab, selectTask, views, onView],
  )
}
