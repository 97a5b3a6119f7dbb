import { textExcerpt } from './text'
import type { Assignment, Percent, Plan, Resource, ResourceId, TaskId } from './model'
import { taskRuleAssignmentsReplace, taskRuleLimits, taskRuleUnitsProblem } from './task-rules'

/**
 * The resources column of the task grid: `Ana[50%], Ben` means Ana at 50 % and Ben at 100 % (full time).
 *
 * Grammar: a comma-separated list of `name` or `name[units]`, where units is a number of percent with an optional
 * `%` sign (`Ana[50%]`, `Ana[50]`, `Ana[12.5 %]`). Names are matched against the plan's resources ignoring case and
 * surrounding spaces; a resource name that itself contains a comma ("Smith, Jo") is still found. An empty text means
 * "no resources".
 */

/** The largest units an assignment may have, in percent (ten full-time people's worth). */
export const assignmentUnitsMax: Percent = taskRuleLimits.units

/** One parsed `name[units]` item: which resource, at how many percent. */
export type AssignmentTextItem = { resourceId: ResourceId; units: Percent }

/** `rule`: the list is readable but the task cannot take it (see `task-rules.ts`, e.g. units over 1000 % at fixed work). */
export type AssignmentTextErrorCode =
  'bad-units' | 'unknown-resource' | 'duplicate-resource' | 'syntax' | 'rule'

/** Why a resources text was refused; `message` is one sentence the UI can show as is. */
export type AssignmentTextError = {
  code: AssignmentTextErrorCode
  message: string
  /** The resource name the problem is about, when there is one (e.g. to offer creating an unknown resource). */
  name: string | null
}

export type AssignmentTextResult =
  { ok: true; items: AssignmentTextItem[] } | { ok: false; error: AssignmentTextError }

/**
 * Checks assignment units typed as a number (the task details form). Returns `null` when acceptable, otherwise the
 * message to show: units must be a finite number above 0 and at most `assignmentUnitsMax` (1000 %).
 */
export function assignmentUnitsProblem(units: number, resourceName = 'the resource'): string | null {
  return taskRuleUnitsProblem(units, resourceName)
}

/** Longest units text (inside the brackets) worth reading: `12.5 %` and the like. */
const maxUnitsTextLength = 40

const unitsPattern = /^([+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?)\s*%?$/i

/**
 * Parses units text such as `50%`, `50`, `12.5 %` into percent. Returns the number, or the message explaining why
 * it is refused (not a number, 0 or less, over 1000 %).
 */
export function assignmentUnitsParse(
  text: string,
  resourceName = 'the resource',
): { ok: true; units: Percent } | { ok: false; message: string } {
  const trimmed = text.trim()
  const match = unitsPattern.exec(trimmed)
  if (match === null) {
    return {
      ok: false,
      message: `Units for ${resourceName} must be a number of percent, e.g. ${resourceName}[50%]; "${textExcerpt(trimmed)}" is not a number.`,
    }
  }
  const units = Number((match[1] as string).replace(',', '.'))
  const problem = assignmentUnitsProblem(units, resourceName)
  return problem === null ? { ok: true, units } : { ok: false, message: problem }
}

function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase()
}

/** Splits on commas that are outside square brackets; reports an unbalanced bracket as `null`. */
function splitItems(text: string): string[] | null {
  const items: string[] = []
  let depth = 0
  let current = ''
  for (const character of text) {
    if (character === '[') depth++
    if (character === ']') depth--
    if (depth < 0 || depth > 1) return null
    if (character === ',' && depth === 0) {
      items.push(current)
      current = ''
    } else current += character
  }
  if (depth !== 0) return null
  items.push(current)
  return items
}

/**
 * Parses the resources column text (`Ana[50%], Ben`) against the plan's resources.
 * Returns the items in the order typed (units in percent, 100 when omitted) or the first problem found:
 * bad units (0, negative, non-numeric, over 1000 %), an unknown or repeated resource, or broken brackets.
 */
export function assignmentsTextParse(text: string, resources: readonly Resource[]): AssignmentTextResult {
  const byName = new Map<string, Resource>()
  // Only names with commas can need pieces joined back: at most this many commas, and this long.
  let commasMax = 0
  let commaNameLengthMax = 0
  for (const resource of resources) {
    const key = normalizeName(resource.name)
    if (key !== '' && !byName.has(key)) byName.set(key, resource)
    const commas = key.split(',').length - 1
    if (commas > 0) {
      commasMax = Math.max(commasMax, commas)
      commaNameLengthMax = Math.max(commaNameLengthMax, key.length)
    }
  }
  if (text.trim() === '') return { ok: true, items: [] }
  const pieces = splitItems(text)
  if (pieces === null) {
    return {
      ok: false,
      error: {
        code: 'syntax',
        message: 'Square brackets do not match; write resources like Ana[50%], Ben.',
        name: null,
      },
    }
  }
  const items: AssignmentTextItem[] = []
  const seen = new Set<ResourceId>()
  for (let index = 0; index < pieces.length; index++) {
    let piece = pieces[index] as string
    if (piece.trim() === '') {
      if (index === pieces.length - 1 && items.length > 0) continue // a trailing comma is harmless
      return {
        ok: false,
        error: { code: 'syntax', message: 'A resource name is missing between two commas.', name: null },
      }
    }
    // A name containing a comma ("Smith, Jo") was split; join following pieces while that finds a resource. Only
    // as many pieces as the longest such name can span are tried: joining every following piece made a cell of
    // 200,000 unreadable items quadratic (42 s).
    let parsed = parseItem(piece)
    let resource = parsed === null ? undefined : byName.get(normalizeName(parsed.name))
    let joined = piece
    const lastJoin = Math.min(pieces.length - 1, index + commasMax)
    for (let next = index + 1; resource === undefined && next <= lastJoin; next++) {
      joined = `${joined},${pieces[next] as string}`
      // Units in brackets may follow the name: allow for them, then stop once the text is longer than any name.
      if (joined.trim().replace(/\s+/g, ' ').length > commaNameLengthMax + 2 + maxUnitsTextLength) break
      const candidate = parseItem(joined)
      const found = candidate === null ? undefined : byName.get(normalizeName(candidate.name))
      if (found !== undefined) {
        resource = found
        parsed = candidate
        piece = joined
        index = next
      }
    }
    if (parsed === null) {
      return {
        ok: false,
        error: {
          code: 'syntax',
          message: `"${textExcerpt(piece)}" is not understood; write resources like Ana[50%], Ben.`,
          name: null,
        },
      }
    }
    if (resource === undefined) {
      return {
        ok: false,
        error: {
          code: 'unknown-resource',
          message: `There is no resource named "${textExcerpt(parsed.name, 100)}" in this plan; add it in the resource sheet first.`,
          name: parsed.name,
        },
      }
    }
    let units: Percent = 100
    if (parsed.unitsText !== null) {
      const result = assignmentUnitsParse(parsed.unitsText, resource.name)
      if (!result.ok)
        return { ok: false, error: { code: 'bad-units', message: result.message, name: resource.name } }
      units = result.units
    }
    if (seen.has(resource.id)) {
      return {
        ok: false,
        error: {
          code: 'duplicate-resource',
          message: `${resource.name} is listed twice; list each resource once.`,
          name: resource.name,
        },
      }
    }
    seen.add(resource.id)
    items.push({ resourceId: resource.id, units })
  }
  return { ok: true, items }
}

function parseItem(piece: string): { name: string; unitsText: string | null } | null {
  const trimmed = piece.trim()
  const open = trimmed.indexOf('[')
  if (open === -1)
    return trimmed.includes(']') ? null : { name: trimmed.replace(/\s+/g, ' '), unitsText: null }
  if (!trimmed.endsWith(']') || trimmed.indexOf(']') !== trimmed.length - 1) return null
  const name = trimmed.slice(0, open).trim().replace(/\s+/g, ' ')
  if (name === '') return null
  return { name, unitsText: trimmed.slice(open + 1, -1) }
}

function formatUnits(units: Percent): string {
  return `${Math.round(units * 100) / 100}%`
}

/**
 * The resources column text of one task: its assignments in plan order as `Ana[50%], Ben` (100 % is not written).
 * Units are shown with at most two decimals; with `exact` (for files) they are written in full, so
 * `assignmentsTextParse` reads back the same units. Assignments to resources missing from `resources` are skipped.
 */
export function assignmentsTextFormat(
  taskId: TaskId,
  assignments: readonly Assignment[],
  resources: readonly Resource[],
  options: { exact?: boolean } = {},
): string {
  const byId = new Map<ResourceId, Resource>()
  for (const resource of resources) byId.set(resource.id, resource)
  const parts: string[] = []
  for (const assignment of assignments) {
    if (assignment.taskId !== taskId) continue
    const resource = byId.get(assignment.resourceId)
    if (resource === undefined) continue
    parts.push(
      assignment.units === 100
        ? resource.name
        : `${resource.name}[${options.exact === true ? `${assignment.units}%` : formatUnits(assignment.units)}]`,
    )
  }
  return parts.join(', ')
}

export type AssignmentsTextApplyResult =
  { ok: true; plan: Plan; changed: boolean } | { ok: false; error: AssignmentTextError }

/**
 * Replaces the assignments of task `taskId` with the ones typed in `text`, returning a new plan (the input is not
 * modified), with Microsoft Project's rules for the work of people added, removed or given other units
 * (`taskRuleAssignmentsReplace`: effort driven, task types). An assignment to a resource that stays keeps its id; new
 * assignments get ids above the largest one. On any problem nothing changes and the error says why. `changed` is
 * false when the text means what is already there.
 */
export function assignmentsTextApply(plan: Plan, taskId: TaskId, text: string): AssignmentsTextApplyResult {
  const parsed = assignmentsTextParse(text, plan.resources)
  if (!parsed.ok) return parsed
  let nextId = 1
  for (const assignment of plan.assignments) nextId = Math.max(nextId, assignment.id + 1)
  const result = taskRuleAssignmentsReplace(plan, taskId, parsed.items, nextId)
  if (!result.ok) return { ok: false, error: { code: 'rule', message: result.message, name: null } }
  return { ok: true, plan: result.plan, changed: result.plan !== plan }
}
