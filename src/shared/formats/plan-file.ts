import { z } from 'zod'
import {
  baselineNumbers,
  constraintTypes,
  costAccruals,
  dependencyTypes,
  earnedValueMethods,
  rateUnits,
  resourceTypes,
  durationUnits,
  lagUnits,
  schedulingModes,
  taskTypes,
  type Plan,
} from '../domain/model'
import {
  raidAssumptionStatuses,
  raidDependencyStatuses,
  raidIssuePriorities,
  raidIssueStatuses,
  raidRatingMax,
  raidRatingMin,
  raidRiskStatuses,
  raidRiskStrategies,
} from '../domain/raid-model'
import { raidMaxItems, raidMaxLinkedTasks } from '../domain/raid'
import { healthDimensionKeys, healthRags, healthThresholdsDefault } from '../domain/health/model'
import { healthThresholdsProblem } from '../domain/health/rules'
import { taskRuleAssignmentWork, taskRuleLimits } from '../domain/task-rules'
import { dateIsValidIsoDate, dateIsValidIsoDateTime } from '../domain/dates'
import { textExcerpt } from '../domain/text'

/**
 * The `.gantry` plan file: `{ "format": "gantry-plan", "schemaVersion": N, "plan": {...} }`.
 *
 * Every read goes through `planFileParse`: JSON text -> envelope check -> migration from older schema
 * versions, one step at a time -> strict validation of the current version (unknown keys, out-of-range
 * numbers, over-long strings and impossible dates are refused) -> a restored `Plan`.
 */
export const planFileFormatId = 'gantry-plan'
export const planFileSchemaVersion = 5
export const planFileExtension = 'gantry'
/** Files above this size are refused before parsing (a 100,000-task plan is about 60 MB). */
export const planFileMaxBytes = 200 * 1024 * 1024

/**
 * Limits of the `.gantry` format: string lengths in UTF-16 units, list lengths in rows. Editors refuse what exceeds
 * them at the moment of typing, so every plan the app holds can be written and read back.
 */
export const planFileLimits = {
  name: 1000,
  text: 100_000,
  tasks: 500_000,
  links: 2_000_000,
  resources: 100_000,
  assignments: 2_000_000,
  calendars: 10_000,
  exceptions: 100_000,
  periods: 5,
  /** Largest duration, leveling delay or link lag in minutes (about 1,900 years of 24-hour days). */
  minutes: 1e9,
  /** Outline levels run from 1 to this. */
  level: 100,
  /** RAID log items, and the tasks one item links to. */
  raidItems: raidMaxItems,
  raidLinks: raidMaxLinkedTasks,
  /** Saved status reports, and the lines of one section of a report. */
  statusReports: 10_000,
  statusReportLines: 1000,
  /** Longest chain of base calendars (a calendar based on one based on another...); Microsoft Project has one level. */
  calendarBaseDepth: 16,
  /** Largest work of a task or an assignment in minutes of work (ten people full time for the longest duration). */
  work: taskRuleLimits.work,
  /** Largest assignment units in percent. */
  units: taskRuleLimits.units,
  /** Largest amount of money (a fixed cost, a budget, a baseline cost) in currency units: a trillion. */
  money: 1e12,
  /** Largest rate (per hour, per unit) or cost per use in currency units. */
  rate: 1e9,
} as const
const limits = planFileLimits

/** A row id: a whole number from 0 to 2^31 - 1 (what MSPDI's UIDs hold). */
export const planIdSchema = z.number().int().min(0).max(2_147_483_647)
const shortText = z.string().max(limits.name)
const longText = z.string().max(limits.text)
/** A real calendar day `YYYY-MM-DD`. */
export const planIsoDateSchema = z.string().max(10).refine(dateIsValidIsoDate, 'must be a real date written YYYY-MM-DD')
/** A real wall-clock date-time `YYYY-MM-DDTHH:MM:SS`. */
export const planIsoDateTimeSchema = z
  .string()
  .max(19)
  .refine(dateIsValidIsoDateTime, 'must be a real date and time written YYYY-MM-DDTHH:MM:SS')
const minuteOfDay = z.number().int().min(0).max(1440)
const finite = z.number().finite()
/** An amount of money in currency units: never negative (a negative rate or cost is refused). */
const money = z
  .number()
  .finite()
  .min(0, 'must not be negative')
  .max(limits.money, `must be at most ${limits.money.toLocaleString('en-US')}`)
const rate = z
  .number()
  .finite()
  .min(0, 'must not be negative')
  .max(limits.rate, `must be at most ${limits.rate.toLocaleString('en-US')}`)
const baselineNumber = z.union(
  baselineNumbers.map((number) => z.literal(number)),
  { error: 'must be a baseline number from 0 (Baseline) to 10 (Baseline 10)' },
)

const workingPeriodSchema = z
  .strictObject({ start: minuteOfDay, end: minuteOfDay })
  .refine((period) => period.end > period.start, 'a working period must end after it starts')
const weekDaySchema = z.strictObject({ periods: z.array(workingPeriodSchema).max(limits.periods) })
const weekDaysSchema = z.array(weekDaySchema.nullable()).length(7)

/** One calendar row. */
export const planCalendarSchema = z.strictObject({
  id: planIdSchema,
  name: shortText,
  baseCalendarId: planIdSchema.nullable(),
  weekDays: weekDaysSchema,
  exceptions: z
    .array(
      z
        .strictObject({
          name: shortText,
          from: planIsoDateSchema,
          to: planIsoDateSchema,
          periods: z.array(workingPeriodSchema).max(limits.periods),
        })
        .refine((exception) => exception.to >= exception.from, 'an exception must not end before it starts'),
    )
    .max(limits.exceptions),
  workWeeks: z
    .array(
      z
        .strictObject({ name: shortText, from: planIsoDateSchema, to: planIsoDateSchema, weekDays: weekDaysSchema })
        .refine((week) => week.to >= week.from, 'a work week must not end before it starts'),
    )
    .max(limits.exceptions),
})

/** One task row: what an editor may store in a task. */
export const planTaskSchema = z
  .strictObject({
  id: planIdSchema,
  name: z.string().max(limits.name),
  level: z.number().int().min(1).max(limits.level),
  notes: longText,
  deliverable: longText,
  acceptanceCriteria: longText,
  duration: z.number().finite().min(0).max(limits.minutes),
  durationUnit: z.enum(durationUnits),
  isMilestone: z.boolean(),
  percentComplete: z.number().finite().min(0).max(100),
  physicalPercentComplete: z.number().finite().min(0).max(100),
  actualWork: z.number().finite().min(0).max(limits.work),
  constraint: z.strictObject({ type: z.enum(constraintTypes), date: planIsoDateTimeSchema.nullable() }),
  priority: z.number().int().min(0).max(1000),
  calendarId: planIdSchema.nullable(),
  actualStart: planIsoDateTimeSchema.nullable(),
  actualFinish: planIsoDateTimeSchema.nullable(),
  levelingDelay: z.number().finite().min(0).max(limits.minutes),
  deadline: planIsoDateTimeSchema.nullable(),
  baselines: z
    .array(
      z.strictObject({
        number: baselineNumber,
        start: planIsoDateTimeSchema.nullable(),
        finish: planIsoDateTimeSchema.nullable(),
        duration: z.number().finite().min(0).max(limits.minutes).nullable(),
        work: z.number().finite().min(0).max(limits.work).nullable(),
        cost: money.nullable(),
        bcws: money.nullable(),
        bcwp: money.nullable(),
      }),
    )
    .max(baselineNumbers.length)
    .refine(
      (baselines) => baselines.every((baseline, index) => index === 0 || (baselines[index - 1]?.number ?? -1) < baseline.number),
      'baselines must be listed once each, in ascending number order',
    ),
  fixedCost: money,
  fixedCostAccrual: z.enum(costAccruals),
  budget: money.nullable(),
  start: planIsoDateTimeSchema.nullable(),
  finish: planIsoDateTimeSchema.nullable(),
  isCollapsed: z.boolean(),
  type: z.enum(taskTypes),
  isEffortDriven: z.boolean(),
  schedulingMode: z.enum(schedulingModes),
  manualStart: planIsoDateTimeSchema.nullable(),
  manualFinish: planIsoDateTimeSchema.nullable(),
  manualDuration: z.number().finite().min(0).max(limits.minutes).nullable(),
  ignoresResourceCalendars: z.boolean(),
  work: z.number().finite().min(0).max(limits.work),
})
  .refine(
    (task) => task.manualStart === null || task.manualFinish === null || task.manualFinish >= task.manualStart,
    'a manual task must not finish before it starts',
  )
  .refine(
    (task) => task.actualStart === null || task.actualFinish === null || task.actualFinish >= task.actualStart,
    'the actual finish must not be before the actual start',
  )

/** One link row (lag in minutes, or percent for `%`/`e%` lags). */
export const planDependencySchema = z.strictObject({
  id: planIdSchema,
  predecessorId: planIdSchema,
  successorId: planIdSchema,
  type: z.enum(dependencyTypes),
  lag: finite.min(-limits.minutes).max(limits.minutes),
  lagUnit: z.enum(lagUnits),
})

/** One resource row. */
export const planResourceSchema = z.strictObject({
  id: planIdSchema,
  name: shortText,
  role: shortText,
  initials: shortText,
  email: shortText,
  maxUnits: z.number().finite().gt(0).max(100_000),
  type: z.enum(resourceTypes),
  materialLabel: shortText,
  standardRate: rate,
  standardRateUnit: z.enum(rateUnits),
  overtimeRate: rate,
  overtimeRateUnit: z.enum(rateUnits),
  costPerUse: rate,
  costAccrual: z.enum(costAccruals),
  nonWorkingDays: z
    .array(
      z
        .strictObject({ from: planIsoDateSchema, to: planIsoDateSchema })
        .refine((range) => range.to >= range.from, 'a vacation must not end before it starts'),
    )
    .max(limits.exceptions),
  calendarId: planIdSchema.nullable(),
})
  .refine(
    (resource) =>
      (resource.type === 'material') === (resource.standardRateUnit === 'unit') &&
      (resource.type === 'material') === (resource.overtimeRateUnit === 'unit'),
    'a material is priced per unit, a work resource per unit of time',
  )

/** One assignment row (units in percent, work in minutes of work, the last computed dates). */
export const planAssignmentSchema = z.strictObject({
  id: planIdSchema,
  taskId: planIdSchema,
  resourceId: planIdSchema,
  units: z.number().finite().gt(0).max(limits.units),
  work: z.number().finite().min(0).max(limits.work),
  actualWork: z.number().finite().min(0).max(limits.work),
  start: planIsoDateTimeSchema.nullable(),
  finish: planIsoDateTimeSchema.nullable(),
})
  .refine((assignment) => assignment.actualWork <= assignment.work, 'the actual work must not exceed the work')

/** The health dashboard's thresholds (`domain/health`): finite numbers 0–100,000, red never milder than amber. */
export const planHealthThresholdsSchema = z
  .strictObject({
    spiAmber: z.number(),
    spiRed: z.number(),
    slipAmberDays: z.number(),
    slipRedDays: z.number(),
    cpiAmber: z.number(),
    cpiRed: z.number(),
    overrunAmberPercent: z.number(),
    overrunRedPercent: z.number(),
    overallocatedAmber: z.number(),
    overallocatedRed: z.number(),
    scopeAmberPercent: z.number(),
    scopeRedPercent: z.number(),
    riskHighScore: z.number(),
    riskAmber: z.number(),
    riskRed: z.number(),
  })
  .superRefine((thresholds, context) => {
    const problem = healthThresholdsProblem(thresholds)
    if (problem !== null) context.addIssue({ code: 'custom', message: problem })
  })

const healthRag = z.enum(healthRags)
const reportTaskLine = z.strictObject({
  taskId: planIdSchema,
  name: shortText,
  start: planIsoDateTimeSchema,
  finish: planIsoDateTimeSchema,
})
const reportAmount = z.number().finite().min(-planFileLimits.money).max(planFileLimits.money)

/** A saved status report (`domain/health/model.ts`): a snapshot, so task and RAID ids in it need not exist any more. */
export const planStatusReportSchema = z.strictObject({
  id: planIdSchema,
  statusDate: planIsoDateTimeSchema,
  periodStart: planIsoDateTimeSchema.nullable(),
  savedAt: planIsoDateTimeSchema,
  baselineNumber,
  overall: healthRag,
  dimensions: z
    .array(z.strictObject({ key: z.enum(healthDimensionKeys), rag: healthRag, reason: longText }))
    .max(healthDimensionKeys.length),
  done: z.array(reportTaskLine).max(planFileLimits.statusReportLines),
  planned: z.array(reportTaskLine).max(planFileLimits.statusReportLines),
  milestones: z
    .array(
      z.strictObject({
        taskId: planIdSchema,
        name: shortText,
        baselineFinish: planIsoDateTimeSchema.nullable(),
        forecastFinish: planIsoDateTimeSchema,
        varianceDays: z.number().finite().min(-planFileLimits.minutes).max(planFileLimits.minutes).nullable(),
        isDone: z.boolean(),
      }),
    )
    .max(planFileLimits.statusReportLines),
  risks: z
    .array(
      z.strictObject({
        raidId: planIdSchema,
        kind: z.enum(['risk', 'issue']),
        code: shortText,
        title: shortText,
        owner: shortText,
        rating: shortText,
      }),
    )
    .max(planFileLimits.statusReportLines),
  budget: z.strictObject({
    currencyCode: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code'),
    budget: reportAmount.nullable(),
    actual: reportAmount,
    forecast: reportAmount,
    variance: reportAmount.nullable(),
  }),
  commentary: longText,
  decisions: longText,
})

/** The plan's settings. */
export const planSettingsSchema = z.strictObject({
  minutesPerDay: z.number().int().min(1).max(1440),
  minutesPerWeek: z.number().int().min(1).max(10080),
  daysPerMonth: z.number().int().min(1).max(31),
  weekStartDay: z.number().int().min(0).max(6),
  defaultStartTime: minuteOfDay,
  defaultFinishTime: minuteOfDay,
  currencyCode: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code'),
  dueSoonDays: z.number().int().min(0).max(365),
  newTaskSchedulingMode: z.enum(schedulingModes),
  moveRemainingAfterStatusDate: z.boolean(),
  baselineForEarnedValue: baselineNumber,
  earnedValueMethod: z.enum(earnedValueMethods),
  health: planHealthThresholdsSchema,
})

/** The plan's budget and the baselines set, with when. */
export const planTrackingSchema = z.strictObject({
  budget: money.nullable(),
  baselines: z
    .array(z.strictObject({ number: baselineNumber, setAt: planIsoDateTimeSchema.nullable() }))
    .max(baselineNumbers.length)
    .refine(
      (sets) => sets.every((set, index) => index === 0 || (sets[index - 1]?.number ?? -1) < set.number),
      'baselines must be listed once each, in ascending number order',
    ),
})

const raidItemFields = {
  id: planIdSchema,
  title: shortText.min(1),
  description: longText,
  owner: shortText,
  dueDate: planIsoDateSchema.nullable(),
  taskIds: z.array(planIdSchema).max(limits.raidLinks),
  raisedOn: planIsoDateSchema,
}
const rating = z.number().int().min(raidRatingMin).max(raidRatingMax)

/** One RAID log item: a risk, an assumption, an issue or an outside dependency (`domain/raid-model.ts`). */
export const planRaidItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...raidItemFields,
    kind: z.literal('risk'),
    probability: rating,
    impact: rating,
    strategy: z.enum(raidRiskStrategies),
    mitigation: longText,
    trigger: longText,
    status: z.enum(raidRiskStatuses),
    issueId: planIdSchema.nullable(),
  }),
  z.strictObject({ ...raidItemFields, kind: z.literal('assumption'), status: z.enum(raidAssumptionStatuses) }),
  z.strictObject({
    ...raidItemFields,
    kind: z.literal('issue'),
    priority: z.enum(raidIssuePriorities),
    status: z.enum(raidIssueStatuses),
    resolution: longText,
    riskId: planIdSchema.nullable(),
  }),
  z.strictObject({ ...raidItemFields, kind: z.literal('dependency'), party: shortText, status: z.enum(raidDependencyStatuses) }),
])

/** Strict schema of a plan of the current version (5: version 3's RAID log, issue 16's baselines, progress and cost in 4, then the health thresholds and status reports). */
export const planSchema = z.strictObject({
  id: z.string().min(1).max(100),
  name: shortText,
  start: planIsoDateTimeSchema,
  statusDate: planIsoDateTimeSchema.nullable(),
  tracking: planTrackingSchema,
  calendarId: planIdSchema,
  settings: planSettingsSchema,
  calendars: z.array(planCalendarSchema).min(1).max(limits.calendars),
  tasks: z.array(planTaskSchema).max(limits.tasks),
  dependencies: z.array(planDependencySchema).max(limits.links),
  resources: z.array(planResourceSchema).max(limits.resources),
  assignments: z.array(planAssignmentSchema).max(limits.assignments),
  raid: z.array(planRaidItemSchema).max(limits.raidItems),
  statusReports: z
    .array(planStatusReportSchema)
    .max(limits.statusReports)
    .refine((reports) => new Set(reports.map((report) => report.id)).size === reports.length, 'status report ids must be unique'),
  createdAt: planIsoDateTimeSchema,
  updatedAt: planIsoDateTimeSchema,
})

/**
 * The schema's output is exactly the domain's `Plan` type: a field added to one and not the other fails to
 * compile here, so a parsed file never needs a cast to become a plan.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const planSchemaMatchesPlan: Same<z.output<typeof planSchema>, Plan> = true
void planSchemaMatchesPlan

const envelopeSchema = z.strictObject({
  format: z.literal(planFileFormatId),
  schemaVersion: z.number().int().min(1),
  plan: z.unknown(),
})

export type PlanFileError = { code: 'not-json' | 'not-a-plan' | 'newer-version' | 'invalid'; message: string }
export type PlanFileResult = { ok: true; plan: Plan } | { ok: false; error: PlanFileError }

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Version 1 to 2: work, task types, manual scheduling and assignment dates. Every task becomes an automatically
 * scheduled, fixed-units task that is not effort driven (what version 1 scheduled); each assignment gets the work
 * its units give over its task's duration (units x duration, as Microsoft Project assigns), and each task the sum of
 * its assignments' work. Anything malformed is left for the validation to name.
 */
/** Version 1 to 2, one task row: `work` is the sum of its assignments' migrated work. */
export function planMigrateTaskV1toV2(task: unknown, work: number): unknown {
  return isRecord(task)
    ? {
        ...task,
        type: 'fixed-units',
        isEffortDriven: false,
        schedulingMode: 'auto',
        manualStart: null,
        manualFinish: null,
        manualDuration: null,
        ignoresResourceCalendars: false,
        work: Math.min(work, limits.work),
      }
    : task
}

/**
 * Version 1 to 2, one assignment row, with its task's duration (`undefined` when unknown): the work its units give
 * over that duration, and no dates yet.
 */
export function planMigrateAssignmentV1toV2(assignment: unknown, taskDuration: number | undefined): unknown {
  if (!isRecord(assignment)) return assignment
  const units = typeof assignment.units === 'number' ? assignment.units : 0
  const work = taskRuleAssignmentWork(units, taskDuration ?? 0)
  return { ...assignment, work: Math.min(work, limits.work), start: null, finish: null }
}

/** Version 1 to 2, the settings: new tasks are scheduled automatically. */
export function planMigrateSettingsV1toV2(settings: unknown): unknown {
  return isRecord(settings) ? { ...settings, newTaskSchedulingMode: 'auto' } : settings
}

function migrateV1toV2(plan: unknown): unknown {
  if (!isRecord(plan)) return plan
  const durationOf = new Map<unknown, number>()
  const tasks = Array.isArray(plan.tasks) ? plan.tasks : null
  if (tasks !== null)
    for (const task of tasks)
      if (isRecord(task) && typeof task.duration === 'number') durationOf.set(task.id, task.duration)
  const workOf = new Map<unknown, number>()
  const assignments = Array.isArray(plan.assignments)
    ? plan.assignments.map((assignment: unknown) => {
        const migrated = planMigrateAssignmentV1toV2(assignment, isRecord(assignment) ? durationOf.get(assignment.taskId) : undefined)
        if (isRecord(migrated) && typeof migrated.work === 'number')
          workOf.set(migrated.taskId, (workOf.get(migrated.taskId) ?? 0) + migrated.work)
        return migrated
      })
    : plan.assignments
  return {
    ...plan,
    settings: planMigrateSettingsV1toV2(plan.settings),
    tasks: tasks === null ? plan.tasks : tasks.map((task: unknown) => planMigrateTaskV1toV2(task, isRecord(task) ? (workOf.get(task.id) ?? 0) : 0)),
    assignments,
  }
}

/** Version 2 to 3: the RAID log, empty in every older plan. Anything malformed is left for the validation to name. */
function migrateV2toV3(plan: unknown): unknown {
  return isRecord(plan) ? { ...plan, raid: [] } : plan
}

/**
 * Version 3 to 4, one task row (issue 16): the single `baseline` becomes Baseline (number 0) of the eleven, with
 * blank work, cost and earned value; no physical progress, actual work or fixed cost, no budget. A row that is not an
 * object is left for the validation to name.
 */
export function planMigrateTaskV3toV4(task: unknown): unknown {
  if (!isRecord(task)) return task
  const { baseline, ...rest } = task
  const baselines = isRecord(baseline)
    ? [{ number: 0, start: baseline.start ?? null, finish: baseline.finish ?? null, duration: baseline.duration ?? null, work: null, cost: null, bcws: null, bcwp: null }]
    : []
  return {
    ...rest,
    physicalPercentComplete: 0,
    actualWork: 0,
    baselines,
    fixedCost: 0,
    fixedCostAccrual: 'prorated',
    budget: null,
  }
}

/**
 * Version 3 to 4, one resource row: the hourly rate becomes the standard rate per hour; a work resource without
 * overtime rate or cost per use, accruing prorated (Microsoft Project's defaults).
 */
export function planMigrateResourceV3toV4(resource: unknown): unknown {
  if (!isRecord(resource)) return resource
  const { hourlyRate, ...rest } = resource
  return {
    ...rest,
    type: 'work',
    materialLabel: '',
    standardRate: hourlyRate ?? 0,
    standardRateUnit: 'h',
    overtimeRate: 0,
    overtimeRateUnit: 'h',
    costPerUse: 0,
    costAccrual: 'prorated',
  }
}

/** Version 3 to 4, one assignment row: no work done yet. */
export function planMigrateAssignmentV3toV4(assignment: unknown): unknown {
  return isRecord(assignment) ? { ...assignment, actualWork: 0 } : assignment
}

/** Version 3 to 4, the settings: remaining work stays where it is scheduled, earned value on Baseline by % complete. */
export function planMigrateSettingsV3toV4(settings: unknown): unknown {
  return isRecord(settings)
    ? { ...settings, moveRemainingAfterStatusDate: false, baselineForEarnedValue: 0, earnedValueMethod: 'percent-complete' }
    : settings
}

/**
 * Version 3 to 4: eleven baselines, progress, cost rates and earned value (issue 16). Versions 2 and 3 did not record when
 * its baseline was set, so a plan whose tasks carry one lists Baseline as set at an unknown time.
 */
function migrateV3toV4(plan: unknown): unknown {
  if (!isRecord(plan)) return plan
  const tasks = Array.isArray(plan.tasks) ? plan.tasks.map(planMigrateTaskV3toV4) : plan.tasks
  const hasBaseline = Array.isArray(plan.tasks) && plan.tasks.some((task: unknown) => isRecord(task) && isRecord(task.baseline))
  return {
    ...plan,
    tracking: { budget: null, baselines: hasBaseline ? [{ number: 0, setAt: null }] : [] },
    settings: planMigrateSettingsV3toV4(plan.settings),
    tasks,
    resources: Array.isArray(plan.resources) ? plan.resources.map(planMigrateResourceV3toV4) : plan.resources,
    assignments: Array.isArray(plan.assignments) ? plan.assignments.map(planMigrateAssignmentV3toV4) : plan.assignments,
  }
}

/** Version 4 to 5, the settings: the health dashboard's default thresholds. */
export function planMigrateSettingsV4toV5(settings: unknown): unknown {
  return isRecord(settings) ? { ...settings, health: healthThresholdsDefault() } : settings
}

/** Version 4 to 5: the health thresholds (defaults) and no saved status report yet (issue 17). */
function migrateV4toV5(plan: unknown): unknown {
  return isRecord(plan) ? { ...plan, settings: planMigrateSettingsV4toV5(plan.settings), statusReports: [] } : plan
}

/**
 * Migrations from schema version N to N + 1, applied one step at a time. Each takes the plan object of
 * version N (already parsed JSON, not yet validated) and returns the object of version N + 1.
 */
const migrations: Record<number, (plan: unknown) => unknown> = { 1: migrateV1toV2, 2: migrateV2toV3, 3: migrateV3toV4, 4: migrateV4toV5 }

/** The first problem zod found, with where it is. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const issue = issues[0]
  if (issue === undefined) return 'the plan does not match the file format'
  const where = issue.path.length > 0 ? issue.path.join('.') : 'the plan'
  return `${where}: ${issue.message}`
}

/**
 * Why one row (a task, link, resource, ...) cannot be stored, checked with one of the exported row schemas
 * (`planTaskSchema`, ...): `null` when the file format accepts it, else one sentence naming the field, e.g.
 * `name: Too big: expected string to have <=1000 characters`. Editors call this before they commit an edit.
 */
export function planFileRowProblem(schema: z.ZodType, row: unknown): string | null {
  const parsed = schema.safeParse(row)
  return parsed.success ? null : describeIssues(parsed.error.issues)
}

/** Checks cross-references that a schema cannot: unique ids and links that point at existing rows. */
function planCheckReferences(plan: Plan): string | null {
  const taskIds = new Set<number>()
  const calendarIds = new Set<number>()
  const resourceIds = new Set<number>()
  const dependencyIds = new Set<number>()
  const assignmentIds = new Set<number>()
  const lists: [readonly { id: number }[], Set<number>, string][] = [
    [plan.tasks, taskIds, 'task'],
    [plan.calendars, calendarIds, 'calendar'],
    [plan.resources, resourceIds, 'resource'],
    [plan.dependencies, dependencyIds, 'dependency'],
    [plan.assignments, assignmentIds, 'assignment'],
  ]
  for (const [rows, ids, what] of lists) {
    for (const row of rows) {
      if (ids.has(row.id)) return `${what} id ${row.id} is used twice`
      ids.add(row.id)
    }
  }
  if (!calendarIds.has(plan.calendarId)) return `the project calendar ${plan.calendarId} does not exist`
  const baseOf = new Map<number, number | null>()
  for (const calendar of plan.calendars) {
    if (calendar.baseCalendarId !== null && !calendarIds.has(calendar.baseCalendarId))
      return `calendar "${textExcerpt(calendar.name)}" is based on calendar ${calendar.baseCalendarId}, which does not exist`
    baseOf.set(calendar.id, calendar.baseCalendarId)
  }
  // Chains of base calendars stay short (every scheduled day walks one); a loop is the engine's to report. Each
  // calendar's depth is computed once, so 10,000 calendars in one chain cost 10,000 steps.
  const depthOf = new Map<number, number>()
  for (const calendar of plan.calendars) {
    const path: number[] = []
    const onPath = new Set<number>()
    let id: number | null = calendar.id
    let depth = 0
    while (id !== null && !onPath.has(id)) {
      const known = depthOf.get(id)
      if (known !== undefined) {
        depth = known
        break
      }
      if (path.length >= limits.calendarBaseDepth + 1) {
        return `calendar "${textExcerpt(calendar.name)}" is based on a chain of more than ${limits.calendarBaseDepth} calendars`
      }
      path.push(id)
      onPath.add(id)
      id = baseOf.get(id) ?? null
    }
    for (let index = path.length - 1; index >= 0; index--) {
      depth++
      depthOf.set(path[index] as number, depth)
    }
    if (depth > limits.calendarBaseDepth + 1) {
      return `calendar "${textExcerpt(calendar.name)}" is based on a chain of more than ${limits.calendarBaseDepth} calendars`
    }
  }
  for (const link of plan.dependencies) {
    if (!taskIds.has(link.predecessorId)) return `a dependency refers to task ${link.predecessorId}, which does not exist`
    if (!taskIds.has(link.successorId)) return `a dependency refers to task ${link.successorId}, which does not exist`
  }
  for (const assignment of plan.assignments) {
    if (!taskIds.has(assignment.taskId)) return `an assignment refers to task ${assignment.taskId}, which does not exist`
    if (!resourceIds.has(assignment.resourceId))
      return `an assignment refers to resource ${assignment.resourceId}, which does not exist`
  }
  const raidProblem = planCheckRaidReferences(plan, taskIds)
  if (raidProblem !== null) return raidProblem
  let previousLevel = 0
  for (const task of plan.tasks) {
    if (task.level > previousLevel + 1) {
      return previousLevel === 0
        ? 'the first task must be at outline level 1'
        : `task "${task.name}" is indented more than one level below the task above it`
    }
    previousLevel = task.level
  }
  return null
}

/** The RAID log's references: unique ids, linked tasks that exist, a risk and the issue it became pointing at each other. */
function planCheckRaidReferences(plan: Plan, taskIds: ReadonlySet<number>): string | null {
  const kinds = new Map<number, string>()
  for (const item of plan.raid) {
    if (kinds.has(item.id)) return `RAID item id ${item.id} is used twice`
    kinds.set(item.id, item.kind)
  }
  for (const item of plan.raid) {
    const missing = item.taskIds.find((id) => !taskIds.has(id))
    if (missing !== undefined) return `RAID item ${item.id} links to task ${missing}, which does not exist`
    if (item.kind === 'risk' && item.issueId !== null && kinds.get(item.issueId) !== 'issue')
      return `risk ${item.id} became issue ${item.issueId}, which is not an issue of the RAID log`
    if (item.kind === 'issue' && item.riskId !== null && kinds.get(item.riskId) !== 'risk')
      return `issue ${item.id} came from risk ${item.riskId}, which is not a risk of the RAID log`
  }
  return null
}

/**
 * Validates an already-parsed plan object of the current schema version and checks its references.
 * Used for plan files, backups and anything that crosses the IPC boundary.
 */
export function planRestore(candidate: unknown): PlanFileResult {
  const parsed = planSchema.safeParse(candidate)
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid', message: `This plan is damaged: ${describeIssues(parsed.error.issues)}.` } }
  }
  const plan: Plan = parsed.data
  const problem = planCheckReferences(plan)
  if (problem !== null) return { ok: false, error: { code: 'invalid', message: `This plan is damaged: ${problem}.` } }
  return { ok: true, plan }
}

/** Reads the text of a `.gantry` file into a validated, current-version plan, or explains why it cannot. */
export function planFileParse(text: string): PlanFileResult {
  if (text.trim() === '') return { ok: false, error: { code: 'not-a-plan', message: 'The file is empty.' } }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return {
      ok: false,
      error: { code: 'not-json', message: 'This is not a Gantry plan: the file is not valid JSON (it may be truncated).' },
    }
  }
  const envelope = envelopeSchema.safeParse(json)
  if (!envelope.success) {
    return {
      ok: false,
      error: { code: 'not-a-plan', message: 'This is not a Gantry plan: the file has no "gantry-plan" header.' },
    }
  }
  let version = envelope.data.schemaVersion
  if (version > planFileSchemaVersion) {
    return {
      ok: false,
      error: {
        code: 'newer-version',
        message: `This plan was made by a newer version of Gantry (file format ${version}; this version reads up to ${planFileSchemaVersion}). Update Gantry to open it.`,
      },
    }
  }
  let plan = envelope.data.plan
  while (version < planFileSchemaVersion) {
    const migrate = migrations[version]
    if (migrate === undefined) {
      return {
        ok: false,
        error: { code: 'invalid', message: `This plan uses file format ${version}, which this version of Gantry cannot convert.` },
      }
    }
    plan = migrate(plan)
    version++
  }
  return planRestore(plan)
}

/**
 * The text of a `.gantry` file holding `plan`. Compact JSON: a 10,000-task plan is about 30 % smaller than
 * pretty-printed, and saving it is dominated by producing and writing those bytes.
 */
export function planFileSerialize(plan: Plan): string {
  return JSON.stringify({ format: planFileFormatId, schemaVersion: planFileSchemaVersion, plan })
}
