/**
 * Rules of the RAID log (`raid-model.ts`): a risk's score and level, which items are open and overdue, what a user
 * typed read into an item (with the message for what cannot be stored), filters and sorting for the RAID view,
 * the probability × impact matrix of open risks, and turning a risk into an issue.
 */
import { dateCivilOf, dateIsValidIsoDate, dateMonthNames, dateNotRealDayReason, dateToDayNumber } from './dates'
import type { IsoDate, Plan, TaskId } from './model'
import {
  raidAssumptionStatuses,
  raidDependencyStatuses,
  raidIssuePriorities,
  raidIssueStatuses,
  raidRatingMax,
  raidRatingMin,
  raidRiskStatuses,
  raidRiskStrategies,
  type RaidIssue,
  type RaidIssuePriority,
  type RaidItem,
  type RaidItemId,
  type RaidKind,
  type RaidRisk,
} from './raid-model'

/** Longest title, owner or party (the `.gantry` format's limit for names). */
export const raidShortTextMax = 1000
/** Longest description, mitigation, trigger or resolution. */
export const raidLongTextMax = 100_000
/** Most tasks one item links to. */
export const raidMaxLinkedTasks = 10_000
/** Most items a RAID log holds. */
export const raidMaxItems = 100_000

/** What each kind is called, singular and plural, and the letter of its code (R12). */
export const raidKindNames: Record<RaidKind, { one: string; many: string; letter: string }> = {
  risk: { one: 'risk', many: 'Risks', letter: 'R' },
  assumption: { one: 'assumption', many: 'Assumptions', letter: 'A' },
  issue: { one: 'issue', many: 'Issues', letter: 'I' },
  dependency: { one: 'dependency', many: 'Dependencies', letter: 'D' },
}

/** Words for the ratings 1..5, probability and impact. */
export const raidProbabilityNames = [
  'very unlikely',
  'unlikely',
  'possible',
  'likely',
  'almost certain',
] as const
export const raidImpactNames = ['very low', 'low', 'medium', 'high', 'very high'] as const

/** A status as a user reads it ("in progress", not "in-progress"). */
export function raidStatusText(status: string): string {
  return status.replace(/-/g, ' ')
}

/** The statuses an item of `kind` can have, in the order they are offered. */
export function raidStatusesOf(kind: RaidKind): readonly string[] {
  switch (kind) {
    case 'risk':
      return raidRiskStatuses
    case 'assumption':
      return raidAssumptionStatuses
    case 'issue':
      return raidIssueStatuses
    case 'dependency':
      return raidDependencyStatuses
  }
}

/** The item's code as the log shows it: its kind's letter and its id (R12, I7). */
export function raidItemCode(item: Pick<RaidItem, 'kind' | 'id'>): string {
  return `${raidKindNames[item.kind].letter}${item.id}`
}

/** A risk's score: probability × impact, 1 to 25. */
export function raidRiskScore(risk: Pick<RaidRisk, 'probability' | 'impact'>): number {
  return risk.probability * risk.impact
}

export type RaidScoreLevel = 'low' | 'medium' | 'high' | 'very-high'

/**
 * The band of a score on the 5 × 5 matrix: low 1–4, medium 5–9, high 10–16, very high 20–25 (the products of two
 * ratings skip 17–19, 21–24).
 */
export function raidScoreLevel(score: number): RaidScoreLevel {
  if (score >= 20) return 'very-high'
  if (score >= 10) return 'high'
  if (score >= 5) return 'medium'
  return 'low'
}

/** Whether the item still needs attention: an open risk, an unconfirmed assumption, an unresolved issue, an expected dependency. */
export function raidIsOpen(item: RaidItem): boolean {
  switch (item.kind) {
    case 'risk':
      return item.status === 'open'
    case 'assumption':
      return item.status === 'unconfirmed'
    case 'issue':
      return item.status === 'open' || item.status === 'in-progress'
    case 'dependency':
      return item.status === 'expected'
  }
}

/** Whether an open item's due date (a dependency's "needed by") is before `today`. */
export function raidIsOverdue(item: RaidItem, today: IsoDate): boolean {
  return raidIsOpen(item) && item.dueDate !== null && item.dueDate < today
}

/** Days an open item is past its due date on `today` (0 when it is not overdue). */
export function raidDaysOverdue(item: RaidItem, today: IsoDate): number {
  if (!raidIsOverdue(item, today) || item.dueDate === null) return 0
  return dateToDayNumber(today) - dateToDayNumber(item.dueDate)
}

/** The priority an issue gets from the score of the risk it came from. */
export function raidPriorityFromScore(score: number): RaidIssuePriority {
  const level = raidScoreLevel(score)
  return level === 'very-high' ? 'critical' : level
}

/** One scale for a risk's score and an issue's priority, so the log sorts them together (critical = 25). */
export function raidSeverity(item: RaidItem): number {
  if (item.kind === 'risk') return raidRiskScore(item)
  if (item.kind === 'issue') return { low: 4, medium: 9, high: 16, critical: 25 }[item.priority]
  return 0
}

// ---------------------------------------------------------------------------------------------------------------
// Reading what a user typed

/** The fields of the RAID form, as typed. A field left out keeps its value (or its default for a new item). */
export type RaidDraft = {
  title?: string
  description?: string
  owner?: string
  /** `YYYY-MM-DD`, or empty for none. */
  dueDate?: string
  raisedOn?: string
  taskIds?: readonly TaskId[]
  status?: string
  /** Risks: `1`..`5`. */
  probability?: string
  impact?: string
  strategy?: string
  mitigation?: string
  trigger?: string
  /** Issues. */
  priority?: string
  resolution?: string
  /** Dependencies: who delivers it. */
  party?: string
}

export type RaidDraftField = keyof RaidDraft

/** What cannot be stored, with the field it is about (a form marks that field invalid). */
export type RaidDraftProblem = { field: RaidDraftField; message: string }

export type RaidDraftResult = { ok: true; item: RaidItem } | { ok: false; problem: RaidDraftProblem }


/** The label a date field has in the form and in messages. */
export function raidDateLabel(kind: RaidKind, field: 'dueDate' | 'raisedOn'): string {
  if (field === 'raisedOn') return 'Raised on'
  return kind === 'dependency' ? 'Needed by' : kind === 'assumption' ? 'Check by' : 'Due date'
}

/**
 * A typed day: `YYYY-MM-DD`, or empty for none.
 * @returns the day, `null` for empty, or the message saying what is wrong ("2026-02-30 is not a real day: February
 *   2026 has 28 days.")
 */
export function raidDateRead(
  text: string,
  label: string,
): { ok: true; day: IsoDate | null } | { ok: false; message: string } {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: true, day: null }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed)
  if (match === null)
    return {
      ok: false,
      message: `${label}: "${trimmed.slice(0, 40)}" is not a date. Write it as YYYY-MM-DD, for example 2026-03-31.`,
    }
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (year < 1900 || year > 9999)
    return { ok: false, message: `${label}: ${trimmed} is out of range; use a year from 1900 to 9999.` }
  const reason = dateNotRealDayReason(year, month, day)
  if (reason !== null) return { ok: false, message: `${label}: ${trimmed} is not a real day: ${reason}` }
  if (!dateIsValidIsoDate(trimmed)) return { ok: false, message: `${label}: ${trimmed} is not a real day.` }
  return { ok: true, day: trimmed }
}

/** A rating typed as 1..5 (probability or impact). */
function ratingRead(
  text: string,
  label: string,
  words: readonly string[],
): { ok: true; value: number } | { ok: false; message: string } {
  const trimmed = text.trim()
  const value = Number(trimmed)
  if (trimmed === '' || !Number.isInteger(value) || value < raidRatingMin || value > raidRatingMax) {
    const shown = trimmed === '' ? 'nothing' : `"${trimmed.slice(0, 20)}"`
    return {
      ok: false,
      message: `${label} is rated from ${raidRatingMin} (${words[0] ?? ''}) to ${raidRatingMax} (${words[raidRatingMax - 1] ?? ''}) in whole steps; ${shown} is not a rating.`,
    }
  }
  return { ok: true, value }
}

function oneOf<T extends string>(value: string, allowed: readonly T[]): T | null {
  return (allowed as readonly string[]).includes(value) ? (value as T) : null
}

function textProblem(
  field: RaidDraftField,
  label: string,
  value: string,
  max: number,
): RaidDraftProblem | null {
  return value.length > max
    ? {
        field,
        message: `${label} can have at most ${max.toLocaleString('en-US')} characters (it has ${value.length.toLocaleString('en-US')}).`,
      }
    : null
}

/** A new item of `kind` with every field at its default. */
export function raidItemBlank(kind: RaidKind, id: RaidItemId, raisedOn: IsoDate): RaidItem {
  const base = { id, title: '', description: '', owner: '', dueDate: null, taskIds: [], raisedOn }
  switch (kind) {
    case 'risk':
      return {
        ...base,
        kind,
        probability: 3,
        impact: 3,
        strategy: 'mitigate',
        mitigation: '',
        trigger: '',
        status: 'open',
        issueId: null,
      }
    case 'assumption':
      return { ...base, kind, status: 'unconfirmed' }
    case 'issue':
      return { ...base, kind, priority: 'medium', status: 'open', resolution: '', riskId: null }
    case 'dependency':
      return { ...base, kind, party: '', status: 'expected' }
  }
}

/**
 * Applies what was typed to `item` (a stored item, or `raidItemBlank` for a new one) and checks the result: a title,
 * texts within the file format's limits, ratings 1–5, real days `YYYY-MM-DD`, statuses of the item's kind, linked
 * tasks that exist in `plan`.
 * @returns the item to store, or the first problem with the field it is about
 */
export function raidDraftApply(item: RaidItem, draft: RaidDraft, plan: Pick<Plan, 'tasks'>): RaidDraftResult {
  const kindName = raidKindNames[item.kind].one
  const fail = (field: RaidDraftField, message: string): RaidDraftResult => ({
    ok: false,
    problem: { field, message },
  })
  const next: RaidItem = { ...item }
  if (draft.title !== undefined) next.title = draft.title.trim()
  if (draft.description !== undefined) next.description = draft.description
  if (draft.owner !== undefined) next.owner = draft.owner.trim()
  if (next.title === '') return fail('title', `A ${kindName} needs a title: say in a line what it is.`)
  const texts =
    textProblem('title', 'The title', next.title, raidShortTextMax) ??
    textProblem('owner', 'The owner', next.owner, raidShortTextMax) ??
    textProblem('description', 'The description', next.description, raidLongTextMax)
  if (texts !== null) return { ok: false, problem: texts }
  for (const field of ['dueDate', 'raisedOn'] as const) {
    const typed = draft[field]
    if (typed === undefined) continue
    const read = raidDateRead(typed, raidDateLabel(item.kind, field))
    if (!read.ok) return fail(field, read.message)
    if (field === 'dueDate') next.dueDate = read.day
    else if (read.day === null)
      return fail('raisedOn', 'Raised on: the day the item was logged cannot be empty.')
    else next.raisedOn = read.day
  }
  if (draft.taskIds !== undefined) {
    const ids = [...new Set(draft.taskIds)]
    if (ids.length > raidMaxLinkedTasks)
      return fail(
        'taskIds',
        `A ${kindName} can link to at most ${raidMaxLinkedTasks.toLocaleString('en-US')} tasks.`,
      )
    const known = new Set(plan.tasks.map((task) => task.id))
    const missing = ids.find((id) => !known.has(id))
    if (missing !== undefined)
      return fail('taskIds', `Task ${missing} is not in this plan, so the ${kindName} cannot link to it.`)
    next.taskIds = ids
  }
  if (draft.status !== undefined) {
    const allowed = raidStatusesOf(item.kind)
    if (!allowed.includes(draft.status))
      return fail(
        'status',
        `"${draft.status.slice(0, 30)}" is not a status of a ${kindName}; choose ${allowed.map(raidStatusText).join(', ')}.`,
      )
  }
  switch (next.kind) {
    case 'risk': {
      if (draft.probability !== undefined) {
        const read = ratingRead(draft.probability, 'Probability', raidProbabilityNames)
        if (!read.ok) return fail('probability', read.message)
        next.probability = read.value
      }
      if (draft.impact !== undefined) {
        const read = ratingRead(draft.impact, 'Impact', raidImpactNames)
        if (!read.ok) return fail('impact', read.message)
        next.impact = read.value
      }
      if (draft.strategy !== undefined) {
        const strategy = oneOf(draft.strategy, raidRiskStrategies)
        if (strategy === null)
          return fail(
            'strategy',
            `"${draft.strategy.slice(0, 30)}" is not a response strategy; choose ${raidRiskStrategies.join(', ')}.`,
          )
        next.strategy = strategy
      }
      if (draft.mitigation !== undefined) next.mitigation = draft.mitigation
      if (draft.trigger !== undefined) next.trigger = draft.trigger
      const status = draft.status === undefined ? null : oneOf(draft.status, raidRiskStatuses)
      if (status !== null) next.status = status
      const long =
        textProblem('mitigation', 'The mitigation', next.mitigation, raidLongTextMax) ??
        textProblem('trigger', 'The trigger', next.trigger, raidLongTextMax)
      if (long !== null) return { ok: false, problem: long }
      break
    }
    case 'assumption': {
      const status = draft.status === undefined ? null : oneOf(draft.status, raidAssumptionStatuses)
      if (status !== null) next.status = status
      break
    }
    case 'issue': {
      if (draft.priority !== undefined) {
        const priority = oneOf(draft.priority, raidIssuePriorities)
        if (priority === null)
          return fail(
            'priority',
            `"${draft.priority.slice(0, 30)}" is not a priority; choose ${raidIssuePriorities.join(', ')}.`,
          )
        next.priority = priority
      }
      if (draft.resolution !== undefined) next.resolution = draft.resolution
      const status = draft.status === undefined ? null : oneOf(draft.status, raidIssueStatuses)
      if (status !== null) next.status = status
      const long = textProblem('resolution', 'The resolution', next.resolution, raidLongTextMax)
      if (long !== null) return { ok: false, problem: long }
      break
    }
    case 'dependency': {
      if (draft.party !== undefined) next.party = draft.party.trim()
      const status = draft.status === undefined ? null : oneOf(draft.status, raidDependencyStatuses)
      if (status !== null) next.status = status
      const long = textProblem('party', 'Who delivers it', next.party, raidShortTextMax)
      if (long !== null) return { ok: false, problem: long }
      break
    }
  }
  return { ok: true, item: next }
}

// ---------------------------------------------------------------------------------------------------------------
// Links and conversions

/**
 * The log without links to `removed` tasks (deleted from the plan). Unchanged items keep their identity; the same
 * array comes back when no item linked to a removed task.
 */
export function raidUnlinkTasks(items: readonly RaidItem[], removed: ReadonlySet<TaskId>): RaidItem[] {
  let next: RaidItem[] | null = null
  items.forEach((item, index) => {
    if (!item.taskIds.some((id) => removed.has(id))) return
    next ??= items.slice()
    next[index] = { ...item, taskIds: item.taskIds.filter((id) => !removed.has(id)) }
  })
  return next ?? (items as RaidItem[])
}

/** The first unused item id. */
export function raidFreshId(items: readonly RaidItem[]): RaidItemId {
  let max = 0
  for (const item of items) if (item.id > max) max = item.id
  return max + 1
}

/**
 * A risk that occurred, turned into an issue: the issue takes the risk's title, description, owner, due date and
 * linked tasks, a priority from the risk's score, and a link back to it; the risk is marked occurred and links to
 * the issue. Returns the new log and the issue's id, or why it cannot be done.
 */
export function raidRiskToIssue(
  items: readonly RaidItem[],
  riskId: RaidItemId,
  today: IsoDate,
): { ok: true; items: RaidItem[]; issueId: RaidItemId } | { ok: false; message: string } {
  const index = items.findIndex((item) => item.id === riskId)
  const risk = items[index]
  if (risk === undefined) return { ok: false, message: `There is no RAID item ${riskId}.` }
  if (risk.kind !== 'risk')
    return {
      ok: false,
      message: `${raidItemCode(risk)} is ${risk.kind === 'issue' ? 'an issue' : `a ${risk.kind}`}; only a risk can be turned into an issue.`,
    }
  const existing = risk.issueId === null ? undefined : items.find((item) => item.id === risk.issueId)
  if (existing !== undefined)
    return { ok: false, message: `${raidItemCode(risk)} already became issue ${raidItemCode(existing)}.` }
  const issueId = raidFreshId(items)
  const issue: RaidIssue = {
    id: issueId,
    kind: 'issue',
    title: risk.title,
    description: risk.description,
    owner: risk.owner,
    dueDate: risk.dueDate,
    taskIds: risk.taskIds.slice(),
    raisedOn: today,
    priority: raidPriorityFromScore(raidRiskScore(risk)),
    status: 'open',
    resolution: '',
    riskId: risk.id,
  }
  const next = items.slice()
  next[index] = { ...risk, status: 'occurred', issueId }
  next.push(issue)
  return { ok: true, items: next, issueId }
}

/**
 * The log without the items `ids`; links between a risk and its issue that pointed at a removed item are cleared.
 * Unchanged items keep their identity.
 */
export function raidRemove(items: readonly RaidItem[], ids: ReadonlySet<RaidItemId>): RaidItem[] {
  const kept = items.filter((item) => !ids.has(item.id))
  return kept.map((item) => {
    if (item.kind === 'risk' && item.issueId !== null && ids.has(item.issueId))
      return { ...item, issueId: null }
    if (item.kind === 'issue' && item.riskId !== null && ids.has(item.riskId))
      return { ...item, riskId: null }
    return item
  })
}

// ---------------------------------------------------------------------------------------------------------------
// The view: filters, sorting, the matrix

export type RaidStateFilter = 'open' | 'closed' | 'all'

export type RaidQuery = {
  /** Kinds shown; empty shows all. */
  kinds: readonly RaidKind[]
  state: RaidStateFilter
  isOverdueOnly: boolean
  /** Owner shown (exact, ignoring case); empty shows every owner. */
  owner: string
  /** Words that must all appear in the code, title, description, owner or party (ignoring case). */
  text: string
  /** Only items linked to this task. */
  taskId: TaskId | null
  /** Only open risks in this cell of the matrix. */
  cell: { probability: number; impact: number } | null
}

export const raidSortKeys = [
  'code',
  'kind',
  'title',
  'owner',
  'status',
  'severity',
  'dueDate',
  'raisedOn',
] as const
export type RaidSortKey = (typeof raidSortKeys)[number]
export type RaidSort = { key: RaidSortKey; direction: 'ascending' | 'descending' }

export const raidQueryAll: RaidQuery = {
  kinds: [],
  state: 'all',
  isOverdueOnly: false,
  owner: '',
  text: '',
  taskId: null,
  cell: null,
}

function searchText(item: RaidItem): string {
  return [
    raidItemCode(item),
    item.title,
    item.description,
    item.owner,
    item.kind === 'dependency' ? item.party : '',
  ]
    .join('\n')
    .toLowerCase()
}

/**
 * The items the RAID view shows for `query`, sorted by `sort` (ties in code order). Due dates sort empty last in
 * either direction; `today` decides what is overdue.
 */
export function raidQueryRun(
  items: readonly RaidItem[],
  query: RaidQuery,
  sort: RaidSort,
  today: IsoDate,
): RaidItem[] {
  const words = query.text
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '')
  const owner = query.owner.trim().toLowerCase()
  const kinds = new Set(query.kinds)
  const rows = items.filter((item) => {
    if (kinds.size > 0 && !kinds.has(item.kind)) return false
    if (query.state === 'open' && !raidIsOpen(item)) return false
    if (query.state === 'closed' && raidIsOpen(item)) return false
    if (query.isOverdueOnly && !raidIsOverdue(item, today)) return false
    if (owner !== '' && item.owner.toLowerCase() !== owner) return false
    if (query.taskId !== null && !item.taskIds.includes(query.taskId)) return false
    if (
      query.cell !== null &&
      (item.kind !== 'risk' ||
        !raidIsOpen(item) ||
        item.probability !== query.cell.probability ||
        item.impact !== query.cell.impact)
    )
      return false
    if (words.length > 0) {
      const haystack = searchText(item)
      if (!words.every((word) => haystack.includes(word))) return false
    }
    return true
  })
  const sign = sort.direction === 'ascending' ? 1 : -1
  const kindOrder = (item: RaidItem) => ['risk', 'assumption', 'issue', 'dependency'].indexOf(item.kind)
  const compare = (a: RaidItem, b: RaidItem): number => {
    switch (sort.key) {
      case 'code':
        return sign * (kindOrder(a) - kindOrder(b) || a.id - b.id)
      case 'kind':
        return sign * (kindOrder(a) - kindOrder(b))
      case 'title':
        return sign * a.title.localeCompare(b.title)
      case 'owner':
        return sign * a.owner.localeCompare(b.owner)
      case 'status':
        return (
          sign *
          (Number(raidIsOpen(b)) - Number(raidIsOpen(a)) ||
            raidStatusText(a.status).localeCompare(raidStatusText(b.status)))
        )
      case 'severity':
        return sign * (raidSeverity(a) - raidSeverity(b))
      case 'dueDate':
        // Items without a date go last whichever way the column is sorted.
        if (a.dueDate === null || b.dueDate === null)
          return a.dueDate === b.dueDate ? 0 : a.dueDate === null ? 1 : -1
        return sign * (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0)
      case 'raisedOn':
        return sign * (a.raisedOn < b.raisedOn ? -1 : a.raisedOn > b.raisedOn ? 1 : 0)
    }
  }
  return rows.sort((a, b) => compare(a, b) || kindOrder(a) - kindOrder(b) || a.id - b.id)
}

/** The open risks in each cell of the 5 × 5 matrix: `cells[probability - 1][impact - 1]` lists their ids. */
export type RaidRiskMatrix = { cells: RaidItemId[][][]; total: number }

/** The probability × impact matrix of the open risks. */
export function raidRiskMatrix(items: readonly RaidItem[]): RaidRiskMatrix {
  const cells: RaidItemId[][][] = Array.from({ length: raidRatingMax }, () =>
    Array.from({ length: raidRatingMax }, () => []),
  )
  let total = 0
  for (const item of items) {
    if (item.kind !== 'risk' || !raidIsOpen(item)) continue
    cells[item.probability - 1]?.[item.impact - 1]?.push(item.id)
    total++
  }
  return { cells, total }
}

/** Counts for the view's summary: open items per kind and overdue items. */
export function raidCounts(
  items: readonly RaidItem[],
  today: IsoDate,
): { open: Record<RaidKind, number>; overdue: number; total: number } {
  const open: Record<RaidKind, number> = { risk: 0, assumption: 0, issue: 0, dependency: 0 }
  let overdue = 0
  for (const item of items) {
    if (raidIsOpen(item)) open[item.kind]++
    if (raidIsOverdue(item, today)) overdue++
  }
  return { open, overdue, total: items.length }
}

/** A day as a reader sees it in the log and its exports: "31 Mar 2026". */
export function raidDayText(day: IsoDate): string {
  const civil = dateCivilOf(dateToDayNumber(day))
  return `${civil.day} ${(dateMonthNames[civil.month - 1] ?? '').slice(0, 3)} ${civil.year}`
}
