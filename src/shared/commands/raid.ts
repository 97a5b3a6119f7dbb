/**
 * RAID log commands: add, edit and delete items, and turn a risk into an issue. What a user typed in the RAID form
 * (ratings, days, statuses) is read by `raidDraftApply` (domain/raid.ts), which the form also calls to mark the
 * field a refusal is about.
 */
import type { IsoDate, Plan } from '../domain/model'
import {
  raidDraftApply,
  raidFreshId,
  raidItemBlank,
  raidItemCode,
  raidMaxItems,
  raidRemove,
  raidRiskToIssue,
  type RaidDraft,
} from '../domain/raid'
import type { RaidItemId, RaidKind } from '../domain/raid-model'
import { commandDefine, commandDone, commandRefuse } from './types'

export type RaidAddInput = {
  kind: RaidKind
  draft: RaidDraft
  /** The day it is logged when the draft gives no "raised on" day (the view passes today). */
  today: IsoDate
}

export const raidAdd = commandDefine({
  id: 'raid/add',
  label: 'Add RAID item',
  needs: {},
  checks: [],
  perform(plan, input: RaidAddInput) {
    if (plan.raid.length >= raidMaxItems)
      return commandRefuse(`A RAID log can hold at most ${raidMaxItems.toLocaleString('en-US')} items.`)
    const id = raidFreshId(plan.raid)
    const read = raidDraftApply(raidItemBlank(input.kind, id, input.today), input.draft, plan)
    if (!read.ok) return commandRefuse(read.problem.message)
    const next: Plan = { ...plan, raid: [...plan.raid, read.item] }
    return { ok: true, plan: next, value: id }
  },
})

export type RaidUpdateInput = { id: RaidItemId; draft: RaidDraft }

export const raidUpdate = commandDefine({
  id: 'raid/update',
  label: 'Edit RAID item',
  needs: {},
  checks: [],
  perform(plan, input: RaidUpdateInput) {
    const index = plan.raid.findIndex((item) => item.id === input.id)
    const item = plan.raid[index]
    if (item === undefined) return commandRefuse(`RAID item ${input.id} is no longer in the log.`)
    const read = raidDraftApply(item, input.draft, plan)
    if (!read.ok) return commandRefuse(`${raidItemCode(item)}: ${read.problem.message}`)
    const changed = read.item
    const isSame = (Object.keys(changed) as (keyof typeof changed)[]).every((key) => {
      const before = (item as Record<string, unknown>)[key]
      const after = (changed as Record<string, unknown>)[key]
      return Array.isArray(before) && Array.isArray(after)
        ? before.length === after.length && before.every((value, at) => value === after[at])
        : before === after
    })
    if (isSame) return commandDone(plan)
    const raid = plan.raid.slice()
    raid[index] = changed
    return commandDone({ ...plan, raid })
  },
})

export const raidDelete = commandDefine({
  id: 'raid/delete',
  label: 'Delete RAID items',
  needs: {},
  checks: [],
  perform(plan, input: { ids: readonly RaidItemId[] }) {
    const ids = new Set(input.ids.filter((id) => plan.raid.some((item) => item.id === id)))
    if (ids.size === 0)
      return input.ids.length === 0
        ? commandRefuse('Choose the RAID items to delete first.')
        : commandDone(plan)
    return commandDone({ ...plan, raid: raidRemove(plan.raid, ids) })
  },
})

export const raidRiskToIssueCommand = commandDefine({
  id: 'raid/risk-to-issue',
  label: 'Turn risk into issue',
  needs: {},
  checks: [],
  perform(plan, input: { riskId: RaidItemId; today: IsoDate }) {
    if (plan.raid.length >= raidMaxItems)
      return commandRefuse(`A RAID log can hold at most ${raidMaxItems.toLocaleString('en-US')} items.`)
    const result = raidRiskToIssue(plan.raid, input.riskId, input.today)
    if (!result.ok) return commandRefuse(result.message)
    return { ok: true, plan: { ...plan, raid: result.items }, value: result.issueId }
  },
})
