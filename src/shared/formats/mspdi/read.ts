import { calendarStandard, makePlan, planSettingsDefault } from '../../domain/defaults'
import type { Plan } from '../../domain/model'
import { textExcerpt } from '../../domain/text'
import { validatePlan } from '../../domain/validate'
import { planRestore } from '../plan-file'
import { blockItems, cleanName, integer, invalid, ReadError, shorten, text, trimmed, type ReadContext } from './read-access'
import { linkCalendars, readCalendar } from './read-calendars'
import { readAssignments, readResources } from './read-resources'
import { cycleText, readLinks, readTasks } from './read-tasks'
import { dateTime, timeOfDay } from './read-values'
import { mspdiParseXml, type MspdiError, type XmlNode } from './xml'

/*
 * The Microsoft Project XML reader: the project header here; calendars, tasks and links, resources and assignments
 * in their own section modules (`read-calendars.ts`, `read-tasks.ts`, `read-resources.ts`) over the element access
 * of `read-access.ts`.
 */

export { mspdiCleanText } from './read-access'
export { mspdiParseDuration } from './read-values'

export type MspdiReadOptions = {
  /** Called with 0..1 as the import advances (validation, parsing, then tasks). */
  onProgress?: (fraction: number) => void
  /** Storage identity of the new plan (default `mspdi-import`). */
  planId?: string
  /** Creation time of the new plan, `YYYY-MM-DDTHH:MM:SS` (default: the file's LastSaved, CreationDate or StartDate). */
  now?: string
}

export type MspdiReadResult =
  | {
      ok: true
      plan: Plan
      /** Things the import changed or could not keep, one sentence each (e.g. manually scheduled tasks). */
      warnings: string[]
      /** Per task, in plan order: the MSPDI `UID` (equal to `Task.id`; kept so callers need not assume it). */
      uids: number[]
    }
  | { ok: false; error: MspdiError }

/** Most calendars one file may hold (the .gantry limit). */
const maxCalendars = 10_000

function readProject(project: XmlNode, options: MspdiReadOptions): Extract<MspdiReadResult, { ok: true }> {
  const progress = options.onProgress ?? (() => undefined)
  const context: ReadContext = { warnings: [], emptyElements: new Map() }
  const warnings = context.warnings
  const header = 'The project header'

  // Header ------------------------------------------------------------------------------------------------------
  const settings = planSettingsDefault()
  const minutesPerDay = integer(project, 'MinutesPerDay', header)
  const minutesPerWeek = integer(project, 'MinutesPerWeek', header)
  const daysPerMonth = integer(project, 'DaysPerMonth', header)
  if (minutesPerDay !== null) {
    if (minutesPerDay < 1 || minutesPerDay > 1440) invalid(`${header}: MinutesPerDay ${minutesPerDay} is not between 1 and 1440.`)
    settings.minutesPerDay = minutesPerDay
  }
  if (minutesPerWeek !== null) {
    if (minutesPerWeek < 1 || minutesPerWeek > 10080) invalid(`${header}: MinutesPerWeek ${minutesPerWeek} is not between 1 and 10080.`)
    settings.minutesPerWeek = minutesPerWeek
  }
  if (daysPerMonth !== null) {
    if (daysPerMonth < 1 || daysPerMonth > 31) invalid(`${header}: DaysPerMonth ${daysPerMonth} is not between 1 and 31.`)
    settings.daysPerMonth = daysPerMonth
  }
  const weekStartDay = integer(project, 'WeekStartDay', header)
  if (weekStartDay !== null && weekStartDay >= 0 && weekStartDay <= 6) settings.weekStartDay = weekStartDay
  const defaultStart = timeOfDay(text(project, 'DefaultStartTime'))
  const defaultFinish = timeOfDay(text(project, 'DefaultFinishTime'))
  if (defaultStart !== null) settings.defaultStartTime = defaultStart
  if (defaultFinish !== null) settings.defaultFinishTime = defaultFinish === 0 ? 1440 : defaultFinish
  const currency = trimmed(project, 'CurrencyCode')
  if (currency !== undefined) {
    if (/^[A-Z]{3}$/.test(currency)) settings.currencyCode = currency
    else warnings.push(`The currency code "${shorten(currency)}" is not a three-letter code; ${settings.currencyCode} was used.`)
  }

  const taskNodes = blockItems(project, 'Tasks', 'Task', context)
  const summaryNode = taskNodes.find((node) => trimmed(node, 'UID') === '0')
  const title = cleanName(text(project, 'Title'), 'The project title', warnings)
  const fileName = cleanName(text(project, 'Name'), 'The project name', warnings)
  const summaryName = summaryNode === undefined ? '' : cleanName(text(summaryNode, 'Name'), 'The project name', warnings)
  const name =
    [title, summaryName, fileName.replace(/\.(xml|mpp)$/i, '')].find((candidate) => candidate.trim() !== '') ?? 'Imported project'
  let start = dateTime(project, 'StartDate', header)
  if (start === null && summaryNode !== undefined) start = dateTime(summaryNode, 'Start', 'The project summary task')
  const statusDate = dateTime(project, 'StatusDate', header)
  const created =
    options.now ??
    dateTime(project, 'LastSaved', header) ??
    dateTime(project, 'CreationDate', header) ??
    start ??
    '1970-01-01T00:00:00'

  // Calendars ---------------------------------------------------------------------------------------------------
  const calendarNodes = blockItems(project, 'Calendars', 'Calendar', context)
  if (calendarNodes.length > maxCalendars) invalid(`The file has more than ${maxCalendars.toLocaleString('en-US')} calendars.`)
  const readCalendars = calendarNodes.map((node) => readCalendar(node, context))
  const calendars = linkCalendars(readCalendars, warnings)
  const calendarIds = new Set(calendars.map((calendar) => calendar.id))
  let projectCalendarId = integer(project, 'CalendarUID', header)
  if (projectCalendarId === null || !calendarIds.has(projectCalendarId)) {
    const base = readCalendars.find((entry) => entry.isBase && entry.calendar.baseCalendarId === null)
    if (base !== undefined) {
      if (projectCalendarId !== null) {
        warnings.push(`The project calendar ${projectCalendarId} is not in the file; calendar "${shorten(base.calendar.name)}" was used.`)
      }
      projectCalendarId = base.calendar.id
    } else {
      const id = calendars.reduce((max, calendar) => Math.max(max, calendar.id), 0) + 1
      calendars.push(calendarStandard(id, 'Standard'))
      calendarIds.add(id)
      projectCalendarId = id
      warnings.push('The file has no usable project calendar; the Standard calendar (Monday-Friday 08:00-17:00) was used.')
    }
  }
  progress(0.55)

  // Tasks and links ---------------------------------------------------------------------------------------------
  const read = readTasks(taskNodes, calendarIds, context, (fraction) => progress(0.55 + 0.35 * fraction))
  if (start === null) {
    if (read.earliestStart === null) invalid(`${header} has no StartDate, and no task has a Start date.`)
    start = read.earliestStart
  }
  progress(0.9)
  const dependencies = readLinks(read, context)

  // Resources and assignments -----------------------------------------------------------------------------------
  const resources = readResources(blockItems(project, 'Resources', 'Resource', context), calendarIds, context)
  const assignments = readAssignments(blockItems(project, 'Assignments', 'Assignment', context), new Set(read.uids), resources, context)

  for (const [element, count] of context.emptyElements) {
    warnings.push(
      count === 1
        ? `An empty <${element}> element (with nothing inside) was left out.`
        : `${count} empty <${element}> elements (with nothing inside) were left out.`,
    )
  }

  const plan = makePlan(options.planId ?? 'mspdi-import', name, start, created, {
    statusDate,
    calendarId: projectCalendarId,
    settings,
    calendars,
    tasks: read.tasks,
    dependencies,
    resources,
    assignments,
  })
  // The engine's own check also sees cycles through the outline (a link between a task and its summary, or one
  // that reaches a summary's child through the summary), which Microsoft Project refuses as well.
  const validation = validatePlan(plan)
  if (!validation.ok) {
    const cycleProblem = validation.problems.find((problem) => problem.kind === 'cycle')
    if (cycleProblem !== undefined && cycleProblem.kind === 'cycle') {
      const byId = new Map(read.tasks.map((task) => [task.id, task]))
      const cycle = cycleProblem.taskIds.map((id) => byId.get(id) ?? { id, name: '' })
      throw new ReadError(
        'cycle',
        `These tasks depend on each other in a circle (a link to or from a summary task counts for all its subtasks): ${cycleText(cycle)}; remove one of these links and import again.`,
      )
    }
  }
  return { ok: true, plan, warnings, uids: read.uids }
}

/**
 * Reads the text of a Microsoft Project XML (MSPDI) file into a plan.
 *
 * Task ids are the file's task UIDs (the UID 0 project summary is left out; its name and the header become plan
 * properties); task order is file order, which is the outline order. Durations and lags are in minutes (working
 * minutes, or wall-clock minutes for elapsed units), units in percent. Recurring calendar exceptions are expanded
 * into dated exceptions. Each task's Start/Finish from the file is kept in `Task.start`/`finish`. Whatever the
 * import leaves out or changes (blank rows, empty elements, repeated lists, links to other projects, ...) is named
 * in `warnings`.
 *
 * Hostile or broken input (entity declarations, external entities, deep nesting, truncated XML, non-XML, wrong
 * root or namespace, impossible dates, bad durations, duplicate UIDs, dangling or circular links) is refused
 * with a one-line message; nothing partial is returned.
 */
export function mspdiRead(text: string, options: MspdiReadOptions = {}): MspdiReadResult {
  const progress = options.onProgress ?? (() => undefined)
  progress(0)
  // Validation and scanning take about half of the time, mapping to the plan most of the rest.
  const parsed = mspdiParseXml(text, (fraction) => progress(0.5 * fraction))
  if (!parsed.ok) return parsed
  progress(0.5)
  let result: Extract<MspdiReadResult, { ok: true }>
  try {
    result = readProject(parsed.project, options)
  } catch (error) {
    if (error instanceof ReadError) return { ok: false, error: { code: error.code, message: textExcerpt(error.message, 600) } }
    throw error
  }
  // Last line of defence: the plan must pass the same checks as a .gantry file, or the app could not save it.
  const restored = planRestore(result.plan)
  if (!restored.ok) {
    return { ok: false, error: { code: 'invalid', message: restored.error.message.replace('This plan is damaged', 'This Project XML file cannot be imported') } }
  }
  progress(1)
  return { ...result, plan: restored.plan }
}
