/**
 * What the RAID view remembers of a plan while the user works elsewhere (another tab, the Gantt, another plan): its
 * filters, its sort order, the chosen item, and the new items being written, one per kind, as far as they were
 * filled in. It is view state, not plan data: it is not undone; the new items' fields are kept in storage until they
 * are added or discarded (`typed-drafts.ts`), so nothing typed is lost.
 */
import type { TaskId } from '../../../../shared/domain/model'
import { raidQueryAll, type RaidDraft, type RaidQuery, type RaidSort } from '../../../../shared/domain/raid'
import { raidKinds, type RaidItemId, type RaidKind } from '../../../../shared/domain/raid-model'
import { typedDraftRead } from '../workspace/typed-drafts'

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

/** The new items being written, one per kind, with the fields typed so far. */
export type RaidNewDrafts = Partial<Record<RaidKind, RaidFormFields>>

export type RaidViewState = {
  query: RaidQuery
  sort: RaidSort
  /** The item shown in the form; `null` while a new item (`newKind`) is written. */
  selectedId: RaidItemId | null
  /** The kind of new item the form shows when no item is chosen. */
  newKind: RaidKind | null
  drafts: RaidNewDrafts
}

export const raidViewInitial: RaidViewState = {
  query: { ...raidQueryAll, state: 'open' },
  sort: { key: 'severity', direction: 'descending' },
  selectedId: null,
  newKind: null,
  drafts: {},
}

const textFields = [
  'title',
  'description',
  'owner',
  'dueDate',
  'raisedOn',
  'status',
  'probability',
  'impact',
  'strategy',
  'mitigation',
  'trigger',
  'priority',
  'resolution',
  'party',
] as const satisfies readonly Exclude<keyof RaidFormFields, 'taskIds'>[]

/** New items' fields read back from storage; null when they are not what `RaidNewDrafts` holds. */
export function raidNewDraftsParse(value: unknown): RaidNewDrafts | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const drafts: RaidNewDrafts = {}
  for (const [kind, candidate] of Object.entries(value)) {
    if (!(raidKinds as readonly string[]).includes(kind) || typeof candidate !== 'object' || candidate === null) return null
    const record = candidate as Record<string, unknown>
    if (!textFields.every((field) => typeof record[field] === 'string')) return null
    const taskIds = record.taskIds
    if (!Array.isArray(taskIds) || !taskIds.every((id) => Number.isSafeInteger(id))) return null
    const fields = Object.fromEntries(textFields.map((field) => [field, record[field]])) as Omit<RaidFormFields, 'taskIds'>
    drafts[kind as RaidKind] = { ...fields, taskIds: taskIds as TaskId[] }
  }
  return drafts
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

/** The view of a plan first shown in this window: the initial view with the new items kept in storage, if any. */
export function raidViewStored(planId: string): RaidViewState {
  return { ...raidViewInitial, drafts: typedDraftRead('raid', planId, raidNewDraftsParse) ?? {} }
}
