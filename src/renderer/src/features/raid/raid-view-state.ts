/**
 * What the RAID view remembers while the user works elsewhere in the workspace (another tab, the Gantt): its
 * filters, its sort order, the chosen item, and a new item's form as far as it was filled in, so nothing typed is
 * lost by switching tabs. It is view state, not plan data: it is not undone and not stored.
 */
import type { TaskId } from '../../../../shared/domain/model'
import { raidQueryAll, type RaidDraft, type RaidQuery, type RaidSort } from '../../../../shared/domain/raid'
import type { RaidItemId, RaidKind } from '../../../../shared/domain/raid-model'

/** A new item being written: its kind and the fields typed so far. */
export type RaidNewDraft = { kind: RaidKind; fields: RaidFormFields }

/** The RAID form's fields as typed (ratings and days as text). */
export type RaidFormFields = {
  title: string
  description: string
  owner: string
  dueDate: string
  raisedOn: string
  status: string
  probability: string
  impact: string
  strategy: string
  mitigation: string
  trigger: string
  priority: string
  resolution: string
  party: string
  taskIds: TaskId[]
}

export type RaidViewState = {
  query: RaidQuery
  sort: RaidSort
  /** The item shown in the form; `null` with `draft` set while a new item is written. */
  selectedId: RaidItemId | null
  draft: RaidNewDraft | null
}

export const raidViewInitial: RaidViewState = {
  query: { ...raidQueryAll, state: 'open' },
  sort: { key: 'severity', direction: 'descending' },
  selectedId: null,
  draft: null,
}

/** The form's fields as a draft for `raidDraftApply` and the commands (only the fields of `kind`). */
export function raidFormDraft(kind: RaidKind, fields: RaidFormFields): RaidDraft {
  const common: RaidDraft = {
    title: fields.title,
    description: fields.description,
    owner: fields.owner,
    dueDate: fields.dueDate,
    raisedOn: fields.raisedOn,
    status: fields.status,
    taskIds: fields.taskIds,
  }
  switch (kind) {
    case 'risk':
      return {
        ...common,
        probability: fields.probability,
        impact: fields.impact,
        strategy: fields.strategy,
        mitigation: fields.mitigation,
        trigger: fields.trigger,
      }
    case 'issue':
      return { ...common, priority: fields.priority, resolution: fields.resolution }
    case 'dependency':
      return { ...common, party: fields.party }
    case 'assumption':
      return common
  }
}
