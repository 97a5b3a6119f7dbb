/**
 * How another feature adds to the workspace without the workspace depending on it (features depend one way:
 * resources on workspace). The resources feature adds its tabs, the assignments section of the task details, and
 * the over-allocation markers of the grid's rows.
 */
import { createContext, type ComponentType, type ReactNode } from 'react'
import type { TaskId } from '../../../../shared/domain/model'

/** A view another feature adds to the workspace's tabs. */
export type WorkspaceExtraTab = { id: string; name: string; render: () => ReactNode }

export type WorkspaceExtension = {
  tabs: WorkspaceExtraTab[]
  /** A section of the details panel for the task it shows. */
  taskDetails?: (taskId: TaskId) => ReactNode
  /** Rendered around the workspace (inside its store): provides `OverallocationsContext`. */
  MarkersProvider?: ComponentType<{ children: ReactNode }>
}

const none: ReadonlyMap<TaskId, string> = new Map()

/** Why each over-allocated task is (who, when, how much), for the marker the grid shows on its row. */
export const OverallocationsContext = createContext<ReadonlyMap<TaskId, string>>(none)

/** The extension the workspace was given, for the parts that show its additions. */
export const WorkspaceExtensionContext = createContext<WorkspaceExtension>({ tabs: [] })
