/**
 * What the resources feature adds to the workspace (`WorkspaceExtension`): the Resources and Resource usage tabs
 * (ids match the shell's workspace views, so the View menu's 'view/resources' and 'view/usage' open them), the
 * assignments section of the task details, and the over-allocation markers of the grid's rows.
 */
import { useMemo, useState, type ReactNode } from 'react'
import type { Plan, ResourceId, TaskId } from '../../../../shared/domain/model'
import type { ScheduleResult } from '../../../../shared/domain/schedule-types'
import { OverallocationsContext, type WorkspaceExtension } from '../workspace/extension'
import { useWorkspace } from '../workspace/workspace-store'
import type { LevelingReport } from './OverallocationsPanel'
import { overallocationByTask, usePlanLoadPublished } from './plan-load'
import { ResourceSheet } from './ResourceSheet'
import { TaskAssignments } from './TaskAssignments'
import { UsageView } from './UsageView'

const none: ReadonlyMap<TaskId, string> = new Map()

/** Over-allocated tasks of the plan with their explanation (empty when the plan is not scheduled). */
export function useTaskOverallocations(plan: Plan | null, result: ScheduleResult | null): ReadonlyMap<TaskId, string> {
  // Looked up by task id, so the load published for the previous version is fine for the frame showing an edit.
  const published = usePlanLoadPublished()
  const load = result?.ok === true ? published : null
  return useMemo(() => (plan === null || load === null ? none : overallocationByTask(plan, load)), [plan, load])
}

/** Provides the grid with why each task is over-allocated, recomputed with the plan's load. */
function OverallocationsProvider({ children }: { children: ReactNode }) {
  const plan = useWorkspace((state) => state.document?.plan ?? null)
  const result = useWorkspace((state) => state.document?.schedule ?? null)
  const overallocations = useTaskOverallocations(plan, result)
  return <OverallocationsContext.Provider value={overallocations}>{children}</OverallocationsContext.Provider>
}

const taskDetails = (taskId: TaskId): ReactNode => <TaskAssignments taskId={taskId} />

/**
 * The resources extension; `showTab` switches the workspace's tab. It keeps what must outlive a tab switch: the
 * resource whose histogram is shown and the last leveling summary (with its "Undo leveling" offer).
 */
export function useResourcesExtension(showTab: (id: string) => void): WorkspaceExtension {
  const [usageResource, setUsageResource] = useState<ResourceId | null>(null)
  const [levelingReport, setLevelingReport] = useState<LevelingReport | null>(null)
  return useMemo(
    () => ({
      tabs: [
        {
          id: 'resources',
          name: 'Resources',
          render: () => (
            <ResourceSheet
              onShowUsage={(resourceId) => {
                setUsageResource(resourceId)
                showTab('usage')
              }}
            />
          ),
        },
        {
          id: 'usage',
          name: 'Resource usage',
          render: () => (
            <UsageView
              key={usageResource ?? 'first'}
              initialResourceId={usageResource}
              onShowTasks={() => showTab('gantt')}
              levelingReport={levelingReport}
              onLevelingReport={setLevelingReport}
            />
          ),
        },
      ],
      taskDetails,
      MarkersProvider: OverallocationsProvider,
    }),
    [showTab, usageResource, levelingReport],
  )
}
