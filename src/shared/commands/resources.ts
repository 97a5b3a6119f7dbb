/**
 * Resource commands: the resource sheet (add, edit a field, remove), assignments from the task details, leveling
 * and the Over-allocations panel's suggestions. Typed fields are read here: max units as `50%`, the standard rate (per hour),
 * vacations as `2026-03-02..2026-03-06, 2026-04-01`.
 */
import { assignmentUnitsParse, assignmentUnitsProblem } from '../domain/assignments-text'
import { dateIsValidIsoDate } from '../domain/dates'
import { makeResource } from '../domain/defaults'
import { levelResources, type LevelingOptions } from '../domain/leveling'
import type { AssignmentId, DateRange, Plan, Resource, ResourceId, TaskId } from '../domain/model'
import { taskRuleAssign, taskRuleUnassign } from '../domain/task-rules'
import { suggestionApply, type Suggestion } from '../domain/suggestions'
import { commandDefine, commandDone, commandRefuse } from './types'

/** What the resource sheet edits. */
export type ResourceDraft = Pick<Resource, 'name' | 'role' | 'maxUnits' | 'standardRate' | 'nonWorkingDays'>
/** A field of the resource sheet. */
export type ResourceField = 'name' | 'role' | 'maxUnits' | 'standardRate' | 'nonWorkingDays'

/** Longest resource name: it is shown in the Resources column, heat-map rows and messages. */
export const resourceNameMaxLength = 200

/** Initials from a name: first letters of up to three words ("Ana Lima" -> "AL"). */
export function resourceInitials(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '')
    .slice(0, 3)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('')
}

/**
 * Checks a resource before it is stored. Returns the message to show, or `null` when acceptable: a name that is
 * not empty, not longer than 200 characters, without brackets and not used by another resource; max units above 0
 * and at most 1000 %; a standard rate of 0 or more; vacations as valid day ranges with `from` <= `to`.
 */
export function resourceProblem(draft: Partial<ResourceDraft>, resources: readonly Resource[], editingId: ResourceId | null): string | null {
  if (draft.name !== undefined) {
    const name = draft.name.trim()
    if (name === '') return 'A resource needs a name.'
    if (name.length > resourceNameMaxLength) return `A resource name can have at most ${resourceNameMaxLength} characters.`
    if (/[[\]]/.test(name)) return 'A resource name cannot contain [ or ] (they hold units in the Resources column).'
    const key = name.toLowerCase()
    if (resources.some((resource) => resource.id !== editingId && resource.name.trim().toLowerCase() === key))
      return `There is already a resource named "${name}".`
  }
  if (draft.maxUnits !== undefined) {
    const problem = assignmentUnitsProblem(draft.maxUnits, draft.name?.trim() || 'the resource')
    if (problem !== null) return problem.replace('Units for', 'Max units for')
  }
  if (draft.standardRate !== undefined && (!Number.isFinite(draft.standardRate) || draft.standardRate < 0))
    return 'The hourly rate must be a number of 0 or more.'
  if (draft.nonWorkingDays !== undefined) {
    for (const range of draft.nonWorkingDays) {
      if (!dateIsValidIsoDate(range.from) || !dateIsValidIsoDate(range.to)) return 'Vacation days are dates written YYYY-MM-DD.'
      if (range.from > range.to) return `The vacation ${range.from} to ${range.to} ends before it starts.`
    }
  }
  return null
}

/** Vacations typed as `2026-03-02..2026-03-06, 2026-04-01` (a single day or a range, comma or semicolon separated). */
export function vacationsParse(text: string): { ok: true; ranges: DateRange[] } | { ok: false; message: string } {
  const ranges: DateRange[] = []
  for (const part of text.split(/[,;\n]/)) {
    const item = part.trim()
    if (item === '') continue
    const match = /^(\d{4}-\d{2}-\d{2})\s*(?:(?:\.\.|to|–|—)\s*(\d{4}-\d{2}-\d{2}))?$/.exec(item)
    const from = match?.[1]
    if (match === null || from === undefined) return { ok: false, message: `"${item}" is not a day or a range. Write 2026-03-02 or 2026-03-02..2026-03-06.` }
    const to = match[2] ?? from
    if (!dateIsValidIsoDate(from) || !dateIsValidIsoDate(to)) return { ok: false, message: `"${item}" is not a valid date.` }
    if (from > to) return { ok: false, message: `The vacation ${from} to ${to} ends before it starts.` }
    ranges.push({ from, to })
  }
  return { ok: true, ranges }
}

/** Vacations as text, the inverse of `vacationsParse`. */
export function vacationsFormat(ranges: readonly DateRange[]): string {
  return ranges.map((range) => (range.from === range.to ? range.from : `${range.from}..${range.to}`)).join(', ')
}

/** A field of the resource sheet as it is shown and typed. */
export function resourceFieldText(resource: Resource, field: ResourceField): string {
  switch (field) {
    case 'name':
      return resource.name
    case 'role':
      return resource.role
    case 'maxUnits':
      return `${resource.maxUnits}%`
    case 'standardRate':
      return String(resource.standardRate)
    case 'nonWorkingDays':
      return vacationsFormat(resource.nonWorkingDays)
  }
}

/** Reads a typed field of the resource sheet into a patch, or the message explaining why it is refused. */
export function resourceFieldParse(field: ResourceField, text: string, name: string): { ok: true; patch: Partial<ResourceDraft> } | { ok: false; message: string } {
  switch (field) {
    case 'name':
      return { ok: true, patch: { name: text } }
    case 'role':
      return { ok: true, patch: { role: text } }
    case 'maxUnits': {
      const parsed = assignmentUnitsParse(text, name)
      return parsed.ok ? { ok: true, patch: { maxUnits: parsed.units } } : { ok: false, message: parsed.message.replace('Units for', 'Max units for') }
    }
    case 'standardRate': {
      const value = Number(text.trim().replace(',', '.'))
      if (text.trim() === '' || !Number.isFinite(value) || value < 0) return { ok: false, message: 'The hourly rate must be a number of 0 or more.' }
      return { ok: true, patch: { standardRate: value } }
    }
    case 'nonWorkingDays': {
      const parsed = vacationsParse(text)
      return parsed.ok ? { ok: true, patch: { nonWorkingDays: parsed.ranges } } : parsed
    }
  }
}

/** Changes fields of one resource; the same plan when nothing differs. */
export function resourceUpdate(plan: Plan, id: ResourceId, patch: Partial<ResourceDraft>): Plan {
  const index = plan.resources.findIndex((resource) => resource.id === id)
  const current = plan.resources[index]
  if (current === undefined) return plan
  const next: Resource = { ...current, ...patch }
  if (patch.name !== undefined) {
    next.name = patch.name.trim()
    if (current.initials === '' || current.initials === resourceInitials(current.name)) next.initials = resourceInitials(next.name)
  }
  if (patch.role !== undefined) next.role = patch.role.trim()
  const isSame =
    next.name === current.name &&
    next.role === current.role &&
    next.maxUnits === current.maxUnits &&
    next.standardRate === current.standardRate &&
    vacationsFormat(next.nonWorkingDays) === vacationsFormat(current.nonWorkingDays)
  if (isSame) return plan
  const resources = plan.resources.slice()
  resources[index] = next
  return { ...plan, resources }
}

/** How many assignments a resource has. */
export function resourceAssignmentCount(plan: Plan, id: ResourceId): number {
  let count = 0
  for (const assignment of plan.assignments) if (assignment.resourceId === id) count++
  return count
}

/** The add form of the resource sheet, as typed. */
export type ResourceAddInput = { name: string; role: string; maxUnits: string; standardRate: string; vacations: string }

export const resourceAdd = commandDefine({
  id: 'resource/add',
  label: 'Add resource',
  needs: {},
  checks: [],
  perform(plan, input: ResourceAddInput, context) {
    const units = resourceFieldParse('maxUnits', input.maxUnits, input.name.trim() || 'the resource')
    if (!units.ok) return commandRefuse(units.message)
    const rate = resourceFieldParse('standardRate', input.standardRate, input.name)
    if (!rate.ok) return commandRefuse(rate.message)
    const vacations = vacationsParse(input.vacations)
    if (!vacations.ok) return commandRefuse(vacations.message)
    const draft: ResourceDraft = {
      name: input.name,
      role: input.role,
      maxUnits: units.patch.maxUnits ?? 100,
      standardRate: rate.patch.standardRate ?? 0,
      nonWorkingDays: vacations.ranges,
    }
    const problem = resourceProblem(draft, plan.resources, null)
    if (problem !== null) return commandRefuse(problem)
    const name = draft.name.trim()
    const id = context.ids.resource
    const resource: Resource = makeResource(id, name, {
      role: draft.role.trim(),
      initials: resourceInitials(name),
      maxUnits: draft.maxUnits,
      standardRate: draft.standardRate,
      nonWorkingDays: draft.nonWorkingDays,
    })
    return { ok: true, plan: { ...plan, resources: [...plan.resources, resource] }, value: id }
  },
})

/** One field of the resource sheet, as typed. */
export const resourceSetField = commandDefine({
  id: 'resource/set-field',
  label: 'Edit resource',
  needs: {},
  checks: [],
  perform(plan, input: { resourceId: ResourceId; field: ResourceField; text: string }) {
    const current = plan.resources.find((resource) => resource.id === input.resourceId)
    if (current === undefined) return commandRefuse('This resource no longer exists.')
    const parsed = resourceFieldParse(input.field, input.text, current.name)
    if (!parsed.ok) return commandRefuse(parsed.message)
    const patch = parsed.patch
    const problem = resourceProblem({ ...patch, name: patch.name ?? (patch.maxUnits !== undefined ? current.name : undefined) }, plan.resources, current.id)
    if (problem !== null) return commandRefuse(problem)
    return commandDone(resourceUpdate(plan, current.id, patch))
  },
})

/** Removes a resource and every assignment to it (one step, so one undo brings both back). */
export const resourceRemove = commandDefine({
  id: 'resource/remove',
  label: 'Remove resource',
  needs: {},
  checks: [],
  perform(plan, input: { resourceId: ResourceId }) {
    if (!plan.resources.some((resource) => resource.id === input.resourceId)) return commandRefuse('This resource no longer exists.')
    return commandDone({
      ...plan,
      resources: plan.resources.filter((resource) => resource.id !== input.resourceId),
      assignments: plan.assignments.some((assignment) => assignment.resourceId === input.resourceId)
        ? plan.assignments.filter((assignment) => assignment.resourceId !== input.resourceId)
        : plan.assignments,
    })
  },
})

/**
 * Assigns a resource to a task at `units` percent, or changes the units of the existing assignment, with Microsoft
 * Project's work rules (`taskRuleAssign`: task type, effort driven); the plan unchanged when the rule refuses.
 */
export function assignmentSet(plan: Plan, taskId: TaskId, resourceId: ResourceId, units: number, freshId: AssignmentId): Plan {
  const result = taskRuleAssign(plan, taskId, resourceId, units, freshId)
  return result.ok ? result.plan : plan
}

/** Assigns a resource chosen in the task details at the units typed beside it (or changes its units). */
export const assignmentSetCommand = commandDefine({
  id: 'assignment/set',
  label: 'Assign resource',
  needs: {},
  checks: [],
  perform(plan, input: { taskId: TaskId; resourceId: ResourceId | null; units: string }, context) {
    const resource = plan.resources.find((item) => item.id === input.resourceId)
    if (resource === undefined) return commandRefuse('Choose a resource to assign first.')
    if (!plan.tasks.some((task) => task.id === input.taskId)) return commandRefuse('This task no longer exists.')
    const parsed = assignmentUnitsParse(input.units, resource.name)
    if (!parsed.ok) return commandRefuse(parsed.message)
    // Microsoft Project's work rules; a rule's refusal (units over 1000 % at fixed duration...) is said, not swallowed.
    const result = taskRuleAssign(plan, input.taskId, resource.id, parsed.units, context.ids.assignment)
    return result.ok ? commandDone(result.plan) : commandRefuse(result.message)
  },
})

export const assignmentRemove = commandDefine({
  id: 'assignment/remove',
  label: 'Unassign resource',
  needs: {},
  checks: [],
  perform(plan, input: { assignmentId: AssignmentId }) {
    // Microsoft Project's rule: on an effort-driven task the others take over the work.
    const result = taskRuleUnassign(plan, input.assignmentId)
    return result.ok ? commandDone(result.plan) : commandRefuse(result.message)
  },
})

/**
 * Levels the plan (see `levelResources`) as one step, so one undo restores every moved task. Its value is the
 * before/after summary for the dialog.
 */
export const resourceLevel = commandDefine({
  id: 'resource/level',
  label: 'Level resources',
  needs: {},
  checks: [],
  perform(plan, input: LevelingOptions) {
    if (input.range !== undefined) {
      const { from, to } = input.range
      if (!dateIsValidIsoDate(from) || !dateIsValidIsoDate(to)) return commandRefuse('Type the leveling range as two dates, YYYY-MM-DD.')
      if (from > to) return commandRefuse(`The leveling range ${from} to ${to} ends before it starts.`)
    }
    const result = levelResources(plan, input)
    if (!result.ok) return commandRefuse(`Leveling needs a plan that can be scheduled: ${result.problems[0]?.message ?? 'it cannot.'}`)
    return { ok: true, plan: result.plan, value: result.summary }
  },
})

/**
 * Takes away the delays leveling added (Microsoft Project's Clear Leveling): of every task (`isAll`), or of the
 * tasks named or selected. One undo step.
 */
export const resourceClearLeveling = commandDefine({
  id: 'resource/clear-leveling',
  label: 'Clear leveling',
  needs: {},
  checks: [],
  perform(plan, input: { isAll?: boolean; taskIds?: readonly TaskId[] }, context) {
    const wanted = input.isAll === true ? null : new Set(input.taskIds ?? context.selection)
    if (wanted !== null && wanted.size === 0) return commandRefuse('Select the tasks to clear, or clear the leveling of the whole plan.')
    let isChanged = false
    const tasks = plan.tasks.map((task) => {
      if (task.levelingDelay === 0 || (wanted !== null && !wanted.has(task.id))) return task
      isChanged = true
      return { ...task, levelingDelay: 0 }
    })
    if (!isChanged) return commandRefuse(wanted === null ? 'No task has a leveling delay.' : 'None of the selected tasks has a leveling delay.')
    return commandDone({ ...plan, tasks })
  },
})

/** Carries out one suggestion of the Over-allocations panel (delay a task, reduce units, reassign). */
export const suggestionApplyCommand = commandDefine({
  id: 'suggestion/apply',
  label: 'Apply suggestion',
  needs: { schedule: true },
  checks: [],
  perform(plan, input: { suggestion: Suggestion }, context) {
    if (context.schedule === null) return commandRefuse('The plan is not scheduled.')
    const next = suggestionApply(plan, context.schedule, input.suggestion)
    return next === plan ? commandRefuse('This suggestion no longer applies.') : commandDone(next)
  },
})
