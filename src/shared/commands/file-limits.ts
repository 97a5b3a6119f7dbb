/**
 * The `.gantry` file's limits, applied to every edit when it is made: Gantry never writes a file it cannot read
 * back, so a value the file format refuses (a 1,001-character name, a lag of 99,999,999,999 %, a fractional
 * priority) is refused at the moment it is typed, with the field it is about. Only the rows a command changed are
 * checked (by object identity, O(n)), against the same per-row schemas `planFileParse` uses.
 */
import type { z } from 'zod'
import type { Plan, Task } from '../domain/model'
import {
  planAssignmentSchema,
  planCalendarSchema,
  planDependencySchema,
  planFileLimits as limits,
  planRaidItemSchema,
  planStatusReportSchema,
  planResourceSchema,
  planSchema,
  planSettingsSchema,
  planTaskSchema,
  planTrackingSchema,
} from '../formats/plan-file'

const fieldNames: Record<string, string> = {
  name: 'The name',
  notes: 'Notes',
  deliverable: 'The deliverable',
  acceptanceCriteria: 'Acceptance criteria',
  level: 'The outline level',
  duration: 'The duration',
  percentComplete: '% Complete',
  priority: 'Priority',
  levelingDelay: 'The leveling delay',
  lag: 'The lag',
  role: 'The role',
  initials: 'The initials',
  email: 'The email address',
  maxUnits: 'Max units',
  standardRate: 'The hourly rate',
  overtimeRate: 'The overtime rate',
  costPerUse: 'The cost per use',
  materialLabel: 'The material label',
  fixedCost: 'The fixed cost',
  budget: 'The budget',
  physicalPercentComplete: 'Physical % complete',
  actualWork: 'The actual work',
  work: 'The work',
  baselines: 'The baselines',
  units: 'Units',
  minutesPerDay: 'Hours per day',
  minutesPerWeek: 'Hours per week',
  daysPerMonth: 'Days per month',
  start: 'The start',
  from: 'The first day',
  to: 'The last day',
  periods: 'Working periods',
  title: 'The title',
  owner: 'The owner',
  description: 'The description',
  mitigation: 'The mitigation',
  trigger: 'The trigger',
  resolution: 'The resolution',
  party: 'Who delivers it',
  probability: 'Probability',
  impact: 'Impact',
  dueDate: 'The due date',
  raisedOn: 'Raised on',
  taskIds: 'Linked tasks',
}

function issueText(issue: z.core.$ZodIssue): string {
  const field = issue.path.find((part): part is string => typeof part === 'string' && part in fieldNames)
  const subject = field === undefined ? 'A value' : (fieldNames[field] ?? 'A value')
  if (issue.code === 'too_big') {
    const maximum = Number(issue.maximum)
    if (issue.origin === 'string') return `${subject} can have at most ${maximum} characters.`
    if (issue.origin === 'array') return `${subject}: at most ${maximum}.`
    return `${subject} must be at most ${maximum.toLocaleString('en-US')}.`
  }
  if (issue.code === 'too_small') {
    const minimum = Number(issue.minimum)
    return issue.inclusive === true ? `${subject} must be at least ${minimum}.` : `${subject} must be more than ${minimum}.`
  }
  if (issue.code === 'invalid_type' && issue.expected === 'int') return `${subject} must be a whole number.`
  return `${subject} ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}.`
}

function firstProblem<T>(schema: z.ZodType<T>, value: unknown, what: string): string | null {
  const parsed = schema.safeParse(value)
  if (parsed.success) return null
  const issue = parsed.error.issues[0]
  return issue === undefined ? `${what} cannot be stored.` : `${what}: ${issueText(issue)}`
}

/** Rows of `after` that are not (the same objects) in `before`, with their positions. */
function* changedRows<T extends object>(before: readonly T[], after: readonly T[]): Generator<[T, number]> {
  if (before === after) return
  if (before.length === after.length) {
    // An edit in place (the usual case): compare position by position, without building a set of 100,000 rows.
    for (let index = 0; index < after.length; index++) {
      const row = after[index]
      if (row !== undefined && row !== before[index]) yield [row, index]
    }
    return
  }
  const old = new Set<T>(before)
  for (let index = 0; index < after.length; index++) {
    const row = after[index]
    if (row !== undefined && !old.has(row)) yield [row, index]
  }
}

function countProblem(count: number, limit: number, what: string): string | null {
  return count > limit ? `A plan can hold at most ${limit.toLocaleString('en-US')} ${what}.` : null
}

/**
 * Checks what a command changed against the `.gantry` file format.
 * @returns the first problem as a sentence naming the row and field, or `null` when the file could hold `after`
 */
export function fileLimitsProblem(before: Plan, after: Plan, taskFields?: readonly (keyof Task)[]): string | null {
  if (after.name !== before.name) {
    const problem = firstProblem(planSchema.shape.name, after.name, 'The plan name')
    if (problem !== null) return problem
  }
  if (after.start !== before.start) {
    const problem = firstProblem(planSchema.shape.start, after.start, 'The project start')
    if (problem !== null) return problem
  }
  if (after.settings !== before.settings) {
    const problem = firstProblem(planSettingsSchema, after.settings, 'Project settings')
    if (problem !== null) return problem
  }
  if (after.tracking !== before.tracking) {
    const problem = firstProblem(planTrackingSchema, after.tracking, 'The plan')
    if (problem !== null) return problem
  }
  if (after.statusDate !== before.statusDate && after.statusDate !== null) {
    const problem = firstProblem(planSchema.shape.statusDate, after.statusDate, 'The status date')
    if (problem !== null) return problem
  }
  const counts =
    countProblem(after.tasks.length, limits.tasks, 'tasks') ??
    countProblem(after.dependencies.length, limits.links, 'links') ??
    countProblem(after.resources.length, limits.resources, 'resources') ??
    countProblem(after.assignments.length, limits.assignments, 'assignments') ??
    countProblem(after.calendars.length, limits.calendars, 'calendars') ??
    countProblem(after.raid.length, limits.raidItems, 'RAID items')
  if (counts !== null) return counts
  // Labels are written only for a problem: leveling or setting a baseline checks 10,000 rows.
  const taskLabel = (task: Task, index: number): string =>
    task.name.length > 0 && task.name.length <= 60 ? `Task "${task.name}"` : `The task in row ${index + 1}`
  if (taskFields === undefined) {
    for (const [task, index] of changedRows(before.tasks, after.tasks)) {
      if (planTaskSchema.safeParse(task).success) continue
      return firstProblem(planTaskSchema, task, taskLabel(task, index))
    }
  } else {
    const schemas = taskFields.map((field): [keyof Task, z.ZodType] => [field, planTaskSchema.shape[field]])
    for (const [task, index] of changedRows(before.tasks, after.tasks)) {
      for (const [field, schema] of schemas) {
        if (schema.safeParse(task[field]).success) continue
        return firstProblem(schema, task[field], `${taskLabel(task, index)}: ${field}`)
      }
    }
  }
  for (const [link] of changedRows(before.dependencies, after.dependencies)) {
    const from = after.tasks.findIndex((task) => task.id === link.predecessorId)
    const to = after.tasks.findIndex((task) => task.id === link.successorId)
    const problem = firstProblem(planDependencySchema, link, `The link from row ${from + 1} to row ${to + 1}`)
    if (problem !== null) return problem
  }
  for (const [resource] of changedRows(before.resources, after.resources)) {
    const label = resource.name.length <= 60 ? `Resource "${resource.name}"` : 'The resource'
    const problem = firstProblem(planResourceSchema, resource, label)
    if (problem !== null) return problem
  }
  for (const [assignment] of changedRows(before.assignments, after.assignments)) {
    const problem = firstProblem(planAssignmentSchema, assignment, 'The assignment')
    if (problem !== null) return problem
  }
  for (const [item] of changedRows(before.raid, after.raid)) {
    const problem = firstProblem(planRaidItemSchema, item, `RAID item ${item.id}`)
    if (problem !== null) return problem
  }
  for (const [report] of changedRows(before.statusReports, after.statusReports)) {
    const problem = firstProblem(planStatusReportSchema, report, `Status report ${report.id}`)
    if (problem !== null) return problem
  }
  for (const [calendar] of changedRows(before.calendars, after.calendars)) {
    const problem = firstProblem(planCalendarSchema, calendar, `The ${calendar.name.slice(0, 60)} calendar`)
    if (problem !== null) return problem
  }
  return null
}
