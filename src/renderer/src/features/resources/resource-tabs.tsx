/**
 * The Resources and Resource usage views as workspace tabs (ids match the shell's workspace views, so the View
 * menu's 'view/resources' and 'view/usage' open them). `showTab` switches the workspace's tab.
 */
import { useMemo, useState } from 'react'
import type { ResourceId } from '../../../../shared/domain/model'
import type { WorkspaceExtraTab } from '../workspace/Workspace'
import { ResourceSheet } from './ResourceSheet'
import { UsageView } from './UsageView'

export function useResourceTabs(showTab: (id: string) => void): WorkspaceExtraTab[] {
  const [usageResource, setUsageResource] = useState<ResourceId | null>(null)
  return useMemo(
    () => [
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
        render: () => <UsageView key={usageResource ?? 'first'} initialResourceId={usageResource} onShowTasks={() => showTab('gantt')} />,
      },
    ],
    [showTab, usageResource],
  )
}
