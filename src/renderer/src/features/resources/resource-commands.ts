/**
 * Resource commands: the resource sheet (add, edit, remove), assignments from the task details, leveling and
 * per-conflict suggestions. The pure plan transforms (`commandResource*`, `commandAssignment*`) return a new plan
 * or the same object when nothing changes; the `resources*` actions run them through the editor's `editorRun`, so
 * each is ONE undoable step that is scheduled and written to IndexedDB like any other edit. Bad input (units of 0,
 * negative, non-numeric or over 1000 %, a missing or duplicate name) is refused with a message and nothing changes.
 */
import { assignmentUnitsProblem } from '../../../../shared/domain/assignments-text'
import { dateIsValidIsoDate } from '../../../../shared/domain/dates'
import { levelResources, type LevelingOptions, type LevelingSummary } from '../../../../shared/domain/leveling'
import type { Assignment, AssignmentId, DateRange, Plan, Resource, ResourceId, TaskId } from '../../../../shared/domain/model'
import { suggestionApply, type Suggestion } from '../../../../shared/domain/suggestions'
import type { EditorHost, EditorSlice } from '../../stores/editor'

/** The part of the app store the resource commands use. */
export type ResourceHost = Pick<EditorSlice, 'editorRun' | 'editorSetMessage' | 'editorSelect'> & Pick<EditorHost, 'document'>

/** What the resource sheet edits. */
export type ResourceDraft = Pick<Resource, 'name' | 'role' | 'maxUnits' | 'hourlyRate' | 'nonWorkingDays'>

export type CommandOutcome = { ok: true } | { ok: false; message: string }

const nameMaxLength = 200

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
 * not empty, not longer than 200 characters and not used by another resource; max units above 0 and at most
 * 1000 %; an hourly rate of 0 or more; vacations as valid day ranges with `from` <= `to`.
 */
export function resourceProblem(draft: Partial<ResourceDraft>, resources: readonly Resource[], editingId: ResourceId | null): string | null {
  if (draft.name !== undefined) {
    const name = draft.name.trim()
    if (name === '') return 'A resource needs a name.'
    if (name.length > nameMaxLength) return `A resource name can have at most ${nameMaxLength} characters.`
    if (/[[\]]/.test(name)) return 'A resource name cannot contain [ or ] (they hold units in the Resources column).'
    const key = name.toLowerCase()
    if (resources.some((resource) => resource.id !== editingId && resource.name.trim().toLowerCase() === key))
      return `There is already a resource named "${name}".`
  }
  if (draft.maxUnits !== undefined) {
    const problem = assignmentUnitsProblem(draft.maxUnits, draft.name?.trim() || 'the resource')
    if (problem !== null) return problem.replace('Units for', 'Max units for')
  }
  if (draft.hourlyRate !== undefined && (!Number.isFinite(draft.hourlyRate) || draft.hourlyRate < 0))
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
    if (match === null) return { ok: false, message: `"${item}" is not a day or a range. Write 2026-03-02 or 2026-03-02..2026-03-06.` }
    const from = match[1] as string
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

function nextResourceId(plan: Plan): ResourceId {
  let max = 0
  for (const resource of plan.resources) if (resource.id > max) max = resource.id
  return max + 1
}

function nextAssignmentId(plan: Plan): AssignmentId {
  let max = 0
  for (const assignment of plan.assignments) if (assignment.id > max) max = assignment.id
  return max + 1
}

/** Adds a resource at the end of the sheet. */
export function commandResourceAdd(plan: Plan, id: ResourceId, draft: ResourceDraft): Plan {
  const name = draft.name.trim()
  const resource: Resource = {
    id,
    name,
    role: draft.role.trim(),
    initials: resourceInitials(name),
    email: '',
    maxUnits: draft.maxUnits,
    hourlyRate: draft.hourlyRate,
    nonWorkingDays: draft.nonWorkingDays,
    calendarId: null,
  }
  return { ...plan, resources: [...plan.resources, resource] }
}

/** Changes fields of one resource; the same plan when nothing differs. */
export function commandResourceUpdate(plan: Plan, id: ResourceId, patch: Partial<ResourceDraft>): Plan {
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
    next.hourlyRate === current.hourlyRate &&
    vacationsFormat(next.nonWorkingDays) === vacationsFormat(current.nonWorkingDays)
  if (isSame) return plan
  const resources = plan.resources.slice()
  resources[index] = next
  return { ...plan, resources }
}

/** Removes a resource and every assignment to it (one edit, so one undo brings both back). */
export function commandResourceRemove(plan: Plan, id: ResourceId): Plan {
  if (!plan.resources.some((resource) => resource.id === id)) return plan
  return {
    ...plan,
    resources: plan.resources.filter((resource) => resource.id !== id),
    assignments: plan.assignments.some((assignment) => assignment.resourceId === id)
      ? plan.assignments.filter((assignment) => assignment.resourceId !== id)
      : plan.assignments,
  }
}

/** Assigns a resource to a task at `units` percent, or changes the units of the existing assignment. */
export function commandAssignmentSet(plan: Plan, taskId: TaskId, resourceId: ResourceId, units: number, freshId: AssignmentId): Plan {
  const index = plan.assignments.findIndex((assignment) => assignment.taskId === taskId && assignment.resourceId === resourceId)
  const current = plan.assignments[index]
  if (current !== undefined) {
    if (current.units === units) return plan
    const assignments = plan.assignments.slice()
    assignments[index] = { ...current, units }
    return { ...plan, assignments }
  }
  const assignment: Assignment = { id: freshId, taskId, resourceId, units }
  return { ...plan, assignments: [...plan.assignments, assignment] }
}

/** Removes one assignment. */
export function commandAssignmentRemove(plan: Plan, assignmentId: AssignmentId): Plan {
  if (!plan.assignments.some((assignment) => assignment.id === assignmentId)) return plan
  return { ...plan, assignments: plan.assignments.filter((assignment) => assignment.id !== assignmentId) }
}

/** How many assignments a resource has. */
export function resourceAssignmentCount(plan: Plan, id: ResourceId): number {
  let count = 0
  for (const assignment of plan.assignments) if (assignment.resourceId === id) count++
  return count
}

function refuse(host: ResourceHost, message: string): CommandOutcome {
  host.editorSetMessage(`${message} Nothing was changed.`)
  return { ok: false, message }
}

/** Adds a resource after checking it; returns its id or the refusal. */
export function resourcesAdd(host: ResourceHost, draft: ResourceDraft): { ok: true; id: ResourceId } | { ok: false; message: string } {
  const plan = host.document?.plan
  if (plan === undefined) return { ok: false, message: 'Open a plan first.' }
  const problem = resourceProblem(draft, plan.resources, null)
  if (problem !== null) return refuse(host, problem) as { ok: false; message: string }
  let id = 0
  host.editorRun('Add resource', (current) => {
    id = nextResourceId(current)
    return commandResourceAdd(current, id, draft)
  })
  return { ok: true, id }
}

/** Edits a resource after checking the changed fields. */
export function resourcesUpdate(host: ResourceHost, id: ResourceId, patch: Partial<ResourceDraft>): CommandOutcome {
  const plan = host.document?.plan
  if (plan === undefined) return { ok: false, message: 'Open a plan first.' }
  const current = plan.resources.find((resource) => resource.id === id)
  if (current === undefined) return refuse(host, 'This resource no longer exists.')
  const problem = resourceProblem({ ...patch, name: patch.name ?? (patch.maxUnits !== undefined ? current.name : undefined) }, plan.resources, id)
  if (problem !== null) return refuse(host, problem)
  host.editorRun('Edit resource', (latest) => commandResourceUpdate(latest, id, patch))
  return { ok: true }
}

/** Removes a resource with its assignments in one undoable step (the sheet asks first when it has assignments). */
export function resourcesRemove(host: ResourceHost, id: ResourceId): CommandOutcome {
  const changed = host.editorRun('Remove resource', (plan) => commandResourceRemove(plan, id))
  return changed ? { ok: true } : { ok: false, message: 'This resource no longer exists.' }
}

/** Assigns (or changes the units of) a resource on a task after checking the units. */
export function resourcesAssign(host: ResourceHost, taskId: TaskId, resourceId: ResourceId, units: number): CommandOutcome {
  const plan = host.document?.plan
  if (plan === undefined) return { ok: false, message: 'Open a plan first.' }
  const resource = plan.resources.find((item) => item.id === resourceId)
  if (resource === undefined) return refuse(host, 'Choose a resource first.')
  if (!plan.tasks.some((task) => task.id === taskId)) return refuse(host, 'This task no longer exists.')
  const problem = assignmentUnitsProblem(units, resource.name)
  if (problem !== null) return refuse(host, problem)
  host.editorRun('Assign resource', (current) => commandAssignmentSet(current, taskId, resourceId, units, nextAssignmentId(current)))
  return { ok: true }
}

/** Removes one assignment from its task. */
export function resourcesUnassign(host: ResourceHost, assignmentId: AssignmentId): CommandOutcome {
  const changed = host.editorRun('Unassign resource', (plan) => commandAssignmentRemove(plan, assignmentId))
  return changed ? { ok: true } : { ok: false, message: 'This assignment no longer exists.' }
}

export type LevelOutcome = { ok: true; summary: LevelingSummary; isChanged: boolean } | { ok: false; message: string }

/**
 * Levels the open plan (see `levelResources`) and commits the result as ONE undoable step, so one undo restores
 * every moved task. Returns the before/after summary for the dialog.
 */
export function resourcesLevel(host: ResourceHost, options: LevelingOptions): LevelOutcome {
  const plan = host.document?.plan
  if (plan === undefined) return { ok: false, message: 'Open a plan first.' }
  if (options.range !== undefined) {
    const { from, to } = options.range
    if (!dateIsValidIsoDate(from) || !dateIsValidIsoDate(to)) return refuse(host, 'Type the leveling range as two dates, YYYY-MM-DD.') as LevelOutcome
    if (from > to) return refuse(host, `The leveling range ${from} to ${to} ends before it starts.`) as LevelOutcome
  }
  const result = levelResources(plan, options)
  if (!result.ok) return refuse(host, `Leveling needs a plan that can be scheduled: ${result.problems[0]?.message ?? 'it cannot.'}`) as LevelOutcome
  const isChanged = host.editorRun('Level resources', (current) => (current === plan ? result.plan : current))
  return { ok: true, summary: result.summary, isChanged }
}

/** Carries out one suggestion from the Over-allocations panel as one undoable step. */
export function resourcesApplySuggestion(host: ResourceHost, suggestion: Suggestion): CommandOutcome {
  const document = host.document
  if (document === null || document.schedule === null || !document.schedule.ok) return { ok: false, message: 'The plan is not scheduled.' }
  const schedule = document.schedule.schedule
  const label = suggestion.kind === 'delay' ? 'Delay task' : suggestion.kind === 'reduce-units' ? 'Reduce units' : 'Reassign task'
  const changed = host.editorRun(label, (plan) => suggestionApply(plan, schedule, suggestion))
  return changed ? { ok: true } : refuse(host, 'This suggestion no longer applies.')
}
