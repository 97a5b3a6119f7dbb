/** Link commands: link two tasks (a drag between bars), link the selection in a chain, remove links. */
import type { DependencyId, DependencyType, Plan, TaskId } from '../domain/model'
import { commandDefine, commandDone } from './types'

/** Adds one link unless the two tasks are the same or already linked (in this direction). */
export function linkAdd(plan: Plan, predecessorId: TaskId, successorId: TaskId, type: DependencyType, id: DependencyId): Plan {
  if (predecessorId === successorId) return plan
  if (plan.dependencies.some((link) => link.predecessorId === predecessorId && link.successorId === successorId)) return plan
  return { ...plan, dependencies: [...plan.dependencies, { id, predecessorId, successorId, type, lag: 0, lagUnit: 'd' }] }
}

export const linkAddCommand = commandDefine({
  id: 'link/add',
  label: 'Link tasks',
  needs: {},
  checks: ['links'],
  perform(plan, input: { predecessorId: TaskId; successorId: TaskId; type?: DependencyType }, context) {
    return commandDone(linkAdd(plan, input.predecessorId, input.successorId, input.type ?? 'FS', context.ids.dependency))
  },
})

/** Links the selected tasks finish-to-start in the order they were selected, in one undo step (Microsoft Project's Link Tasks). */
export const linkChain = commandDefine({
  id: 'link/chain',
  label: 'Link tasks',
  needs: { selection: 2 },
  checks: ['links'],
  perform(plan, input: { taskIds?: readonly TaskId[] }, context) {
    const ids = input.taskIds ?? context.selection
    let next = plan
    let nextId = context.ids.dependency
    for (let index = 1; index < ids.length; index++) {
      const from = ids[index - 1]
      const to = ids[index]
      if (from === undefined || to === undefined) continue
      const linked = linkAdd(next, from, to, 'FS', nextId)
      if (linked !== next) nextId++
      next = linked
    }
    return commandDone(next)
  },
})

/**
 * Removes the links among the selected tasks; with one task selected, all of its links (Microsoft Project's Unlink
 * Tasks).
 */
export const linkUnlinkSelected = commandDefine({
  id: 'link/unlink-selected',
  label: 'Unlink tasks',
  needs: { selection: 1 },
  checks: [],
  perform(plan, input: { taskIds?: readonly TaskId[] }, context) {
    const ids = new Set(input.taskIds ?? context.selection)
    const isRemoved =
      ids.size === 1
        ? (from: TaskId, to: TaskId) => ids.has(from) || ids.has(to)
        : (from: TaskId, to: TaskId) => ids.has(from) && ids.has(to)
    const dependencies = plan.dependencies.filter((link) => !isRemoved(link.predecessorId, link.successorId))
    return commandDone(dependencies.length === plan.dependencies.length ? plan : { ...plan, dependencies })
  },
})

export const linkRemove = commandDefine({
  id: 'link/remove',
  label: 'Remove links',
  needs: {},
  checks: [],
  perform(plan, input: { linkIds: readonly DependencyId[] }) {
    const removed = new Set(input.linkIds)
    const dependencies = plan.dependencies.filter((link) => !removed.has(link.id))
    return commandDone(dependencies.length === plan.dependencies.length ? plan : { ...plan, dependencies })
  },
})
