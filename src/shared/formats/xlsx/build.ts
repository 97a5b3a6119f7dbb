import { taskTypeNames } from '../../commands/work'
import { dateToWallMinutes, dateWeekday } from '../../domain/dates'
import type { BaselineNumber, IsoDateTime, Plan, Task } from '../../domain/model'
import type { Schedule } from '../../domain/schedule-types'
import {
  exportAssignmentsByTask,
  exportPredecessorTexts,
  exportResourceTexts,
  exportRound,
  exportWbsNumbers,
} from './plan-table'
import type { XlsxCell, XlsxColumn, XlsxRow, XlsxSheet, XlsxSpan, XlsxStyle, XlsxWorkbook } from './spec'
import { loadCompute, loadSeries, type LoadBucket } from '../../domain/load'
import { calendarCompile, calendarIsProblem, calendarWorkingMinutesBetween } from '../../domain/calendar'
import { xlsxFitHeaders } from './widths'
import { xlsxWithPrintSetup } from './print-setup'
import { xlsxRaidSheet, xlsxRaidSheetName } from './raid-sheet'
import { costCompute, earnedValueCompute, earnedValueOfTask, type PlanCost, type PlanEarnedValue } from '../../domain/cost'
import { baselineVariance } from '../../domain/baseline'
import { progressBaselineOf } from '../../domain/progress'

/** Sheet names, in workbook order. */
export const xlsxSheetNames = {
  schedule: 'Schedule',
  gantt: 'Gantt',
  resources: 'Resources',
  usage: 'Resource usage',
  milestones: 'Milestones',
  raid: xlsxRaidSheetName,
  tracking: 'Tracking',
  earnedValue: 'Earned value',
} as const

/** Plans longer than this many days get one Gantt column per week instead of per day. */
export const xlsxGanttMaxDayColumns = 120

/** Colours (RRGGBB) of the Gantt and usage sheets. */
export const xlsxColors = {
  header: 'D9E1F2',
  bar: '5B9BD5',
  barNonWorking: 'BDD7EE',
  criticalBar: 'E06666',
  criticalBarNonWorking: 'F4CCCC',
  summaryBar: '595959',
  summaryBarNonWorking: 'BFBFBF',
  nonWorking: 'E7E6E6',
  overallocated: 'FF0000',
  milestone: '000000',
  criticalMilestone: 'C00000',
} as const

/** The marker written in a milestone's Gantt cell. */
export const xlsxMilestoneMark = '◆'

export type XlsxBuildOptions = {
  /** The date progress and milestone status are measured against when the plan has no status date. */
  now: IsoDateTime
}

export type MilestoneStatus = 'done' | 'overdue' | 'due soon' | 'upcoming'

const dateTimeFormat = 'yyyy-mm-dd hh:mm'
const dateFormat = 'yyyy-mm-dd'

/** Shared style objects: the renderer converts each one once. */
function makeStyles() {
  const header: XlsxStyle = { isBold: true, fill: xlsxColors.header, vertical: 'middle' }
  return {
    header,
    // The row ID is centred: right-aligned beside the left-aligned WBS number, "7" and "2" read as "72".
    headerCentered: { ...header, horizontal: 'center' } satisfies XlsxStyle,
    id: { horizontal: 'center' } satisfies XlsxStyle,
    centered: { horizontal: 'center' } satisfies XlsxStyle,
    timelineHeader: { ...header, numFmt: 'dd mmm', textRotation: 90, horizontal: 'center' } satisfies XlsxStyle,
    dateTime: { numFmt: dateTimeFormat } satisfies XlsxStyle,
    date: { numFmt: dateFormat } satisfies XlsxStyle,
    percent: { numFmt: '0%' } satisfies XlsxStyle,
    money: { numFmt: '#,##0.00' } satisfies XlsxStyle,
    overallocated: { numFmt: '0%', fill: xlsxColors.overallocated, fontColor: 'FFFFFF', isBold: true } satisfies XlsxStyle,
    nonWorkingColumn: { fill: xlsxColors.nonWorking } satisfies XlsxStyle,
    bar: { fill: xlsxColors.bar } satisfies XlsxStyle,
    barNonWorking: { fill: xlsxColors.barNonWorking } satisfies XlsxStyle,
    criticalBar: { fill: xlsxColors.criticalBar } satisfies XlsxStyle,
    criticalBarNonWorking: { fill: xlsxColors.criticalBarNonWorking } satisfies XlsxStyle,
    summaryBar: { fill: xlsxColors.summaryBar } satisfies XlsxStyle,
    summaryBarNonWorking: { fill: xlsxColors.summaryBarNonWorking } satisfies XlsxStyle,
    milestone: { fontColor: xlsxColors.milestone, horizontal: 'center', isBold: true } satisfies XlsxStyle,
    criticalMilestone: { fontColor: xlsxColors.criticalMilestone, horizontal: 'center', isBold: true } satisfies XlsxStyle,
    names: new Map<string, XlsxStyle>(),
  }
}
type Styles = ReturnType<typeof makeStyles>

/**
 * A task name's style: bold for a summary, indented two steps per outline level (one step is a single character
 * in LibreOffice; Excel and LibreOffice show an indent only on left-aligned text, so the alignment is set with it).
 */
function nameStyle(styles: Styles, level: number, isSummary: boolean): XlsxStyle {
  const key = `${level}:${isSummary ? 1 : 0}`
  let style = styles.names.get(key)
  if (style === undefined) {
    style = { horizontal: 'left', indent: Math.min(15, 2 * (level - 1)), isBold: isSummary }
    styles.names.set(key, style)
  }
  return style
}

/** How the task rows of the Schedule and Gantt sheets open, indexed like `plan.tasks`. */
export type XlsxTaskRowStates = {
  /** The row is inside a collapsed summary (at any depth), so it opens hidden. */
  isHidden: boolean[]
  /** The row is a collapsed summary: it carries the collapsed outline button of its children. */
  isCollapsed: boolean[]
}

/**
 * Which task rows open hidden and which carry a collapsed outline button, as the plan shows its outline: every
 * descendant of a collapsed summary is hidden, even when it is an expanded summary itself. A collapsed summary inside
 * a collapsed one is still marked collapsed, so expanding the outer group in Excel leaves the inner one closed.
 */
export function xlsxTaskRowStates(plan: Plan, schedule: Schedule): XlsxTaskRowStates {
  const isHidden: boolean[] = new Array<boolean>(plan.tasks.length)
  const isCollapsed: boolean[] = new Array<boolean>(plan.tasks.length)
  // Tasks deeper than this level are inside a collapsed summary that is itself shown.
  let hideDeeperThan = Number.POSITIVE_INFINITY
  plan.tasks.forEach((task, index) => {
    if (task.level <= hideDeeperThan) hideDeeperThan = Number.POSITIVE_INFINITY
    const hidden = task.level > hideDeeperThan
    const collapsed = task.isCollapsed && schedule.isSummary[index] === 1
    if (collapsed && !hidden) hideDeeperThan = task.level
    isHidden[index] = hidden
    isCollapsed[index] = collapsed
  })
  return { isHidden, isCollapsed }
}

/** A task row with its outline level and, when they apply, its hidden and collapsed flags. */
function taskRow(task: Task, index: number, states: XlsxTaskRowStates, cells: (XlsxCell | null)[]): XlsxRow {
  const row: XlsxRow = { outlineLevel: Math.min(7, Math.max(0, task.level - 1)), cells }
  if (states.isHidden[index] === true) row.isHidden = true
  if (states.isCollapsed[index] === true) row.isCollapsed = true
  return row
}

const text = (value: string, style?: XlsxStyle): XlsxCell => (style === undefined ? { type: 'string', value } : { type: 'string', value, style })
/** Text, or no cell at all for empty text (an empty string cell would still be a value in Excel). */
const optionalText = (value: string | undefined): XlsxCell | null => (value === undefined || value === '' ? null : text(value))
const number = (value: number, style?: XlsxStyle): XlsxCell => (style === undefined ? { type: 'number', value } : { type: 'number', value, style })
const date = (value: number, style: XlsxStyle): XlsxCell => ({ type: 'date', value, style })

/** Yes or No, as the CSV export writes a flag (Excel would show TRUE and FALSE). */
const yesNo = (styles: Styles, value: boolean): XlsxCell => text(value ? 'Yes' : 'No', styles.centered)

/** A header row; the titles in `centered` are centred over their (centred) column. */
function headerRow(styles: Styles, titles: readonly string[], centered: readonly string[] = []): XlsxRow {
  return { cells: titles.map((title) => text(title, centered.includes(title) ? styles.headerCentered : styles.header)) }
}


/** Column titles of the Schedule sheet, in order. */
export const xlsxScheduleHeaders = [
  'ID',
  'WBS',
  'Name',
  'Duration (days)',
  'Start',
  'Finish',
  'Predecessors',
  'Resources',
  'Work (hours)',
  '% Complete',
  'Total slack (days)',
  'Critical',
  'Type',
  'Mode',
] as const

/** The Schedule sheet's cost columns after `xlsxScheduleHeaders`, titled with the plan's currency. */
export function xlsxCostHeaders(plan: Plan): string[] {
  const currency = plan.settings.currencyCode
  return [`Fixed cost (${currency})`, `Cost (${currency})`, `Actual cost (${currency})`, `Remaining cost (${currency})`]
}
/** Widths of the Schedule sheet's columns before the headers are fitted. */
const scheduleWidths = [6, 10, 40, 10, 17, 17, 18, 24, 10, 11, 12, 10, 15, 10]

function scheduleSheet(
  plan: Plan,
  schedule: Schedule,
  styles: Styles,
  states: XlsxTaskRowStates,
  wbs: string[],
  predecessors: string[],
  resources: string[],
  costs: PlanCost,
): XlsxSheet {
  const minutesPerDay = plan.settings.minutesPerDay
  const headers = [...xlsxScheduleHeaders, ...xlsxCostHeaders(plan)]
  const rows: XlsxRow[] = [headerRow(styles, headers, ['ID', 'Critical'])]
  plan.tasks.forEach((task, index) => {
    const isSummary = schedule.isSummary[index] === 1
    rows.push(
      taskRow(task, index, states, [
        number(index + 1, styles.id),
        text(wbs[index] ?? ''),
        text(task.name, nameStyle(styles, task.level, isSummary)),
        number(exportRound((schedule.duration[index] as number) / minutesPerDay)),
        date(schedule.start[index] as number, styles.dateTime),
        date(schedule.finish[index] as number, styles.dateTime),
        optionalText(predecessors[index]),
        optionalText(resources[index]),
        number(exportRound((schedule.work[index] ?? 0) / 60)),
        number(exportRound((schedule.percentComplete[index] as number) / 100), styles.percent),
        number(exportRound((schedule.totalSlack[index] as number) / minutesPerDay)),
        yesNo(styles, schedule.isCritical[index] === 1),
        text(taskTypeNames[task.type]),
        text(task.schedulingMode === 'manual' ? 'Manual' : 'Auto'),
        task.fixedCost > 0 ? number(exportRound(task.fixedCost), styles.money) : null,
        number(exportRound(costs.cost[index] as number), styles.money),
        number(exportRound(costs.actualCost[index] as number), styles.money),
        number(exportRound(costs.remainingCost[index] as number), styles.money),
      ]),
    )
  })
  return {
    name: xlsxSheetNames.schedule,
    columns: xlsxFitHeaders([...scheduleWidths, 14, 14, 14, 16], headers, true),
    rows,
    frozen: { rows: 1, columns: 3 },
    autoFilter: { fromRow: 0, fromColumn: 0, toRow: plan.tasks.length, toColumn: headers.length - 1 },
    hasSummaryAbove: true,
  }
}

/** The first day of the week that contains day number `day`, for weeks starting on `weekStartDay` (0 = Sunday). */
export function xlsxWeekStart(day: number, weekStartDay: number): number {
  return day - ((dateWeekday(day) - weekStartDay + 7) % 7)
}

/** The Gantt timeline: one column per day, or per week for long plans; `starts` are day numbers. */
export type GanttTimeline = { unit: 'day' | 'week'; starts: number[] }

/** The columns of the Gantt timeline for a schedule (`day` up to `xlsxGanttMaxDayColumns` days, else `week`). */
export function xlsxGanttTimeline(plan: Plan, schedule: Schedule): GanttTimeline {
  const firstDay = Math.floor(schedule.projectStart / 1440)
  const lastDay = Math.max(firstDay, Math.ceil(schedule.projectFinish / 1440) - 1)
  if (lastDay - firstDay + 1 <= xlsxGanttMaxDayColumns) {
    return { unit: 'day', starts: Array.from({ length: lastDay - firstDay + 1 }, (_, index) => firstDay + index) }
  }
  const firstWeek = xlsxWeekStart(firstDay, plan.settings.weekStartDay)
  const count = Math.floor((lastDay - firstWeek) / 7) + 1
  return { unit: 'week', starts: Array.from({ length: count }, (_, index) => firstWeek + index * 7) }
}

/** The last day a task occupies: a finish at exactly midnight belongs to the day before. */
function lastDayOf(start: number, finish: number): number {
  return finish > start ? Math.ceil(finish / 1440) - 1 : Math.floor(finish / 1440)
}

const ganttFixedColumns = 2

function ganttSheet(plan: Plan, schedule: Schedule, styles: Styles, states: XlsxTaskRowStates): XlsxSheet {
  const timeline = xlsxGanttTimeline(plan, schedule)
  const calendar = calendarCompile(plan, plan.calendarId)
  const span = timeline.unit === 'day' ? 1 : 7
  // A column is non-working when it has no working time in the project calendar.
  const isNonWorking = timeline.starts.map((first) =>
    calendarIsProblem(calendar) ? false : calendarWorkingMinutesBetween(calendar, first * 1440, (first + span) * 1440) <= 0,
  )
  const firstColumnDay = timeline.starts[0] ?? 0
  const columnOf = (day: number): number => Math.floor((day - firstColumnDay) / span)
  const columns: XlsxColumn[] = [{ width: 6 }, { width: 36 }]
  timeline.starts.forEach((_, index) => {
    columns.push(isNonWorking[index] ? { width: timeline.unit === 'day' ? 3 : 4, style: styles.nonWorkingColumn } : { width: timeline.unit === 'day' ? 3 : 4 })
  })
  const header: XlsxRow = {
    cells: [text('ID', styles.headerCentered), text('Name', styles.header), ...timeline.starts.map((day) => date(day * 1440, styles.timelineHeader))],
    height: 48,
  }
  const rows: XlsxRow[] = [header]
  const lastColumn = timeline.starts.length - 1
  plan.tasks.forEach((task: Task, index) => {
    const isSummary = schedule.isSummary[index] === 1
    const isCritical = schedule.isCritical[index] === 1
    const start = schedule.start[index] as number
    const finish = schedule.finish[index] as number
    const row = taskRow(task, index, states, [number(index + 1, styles.id), text(task.name, nameStyle(styles, task.level, isSummary))])
    if (Number.isFinite(start) && Number.isFinite(finish)) {
      const isMilestone = !isSummary && (task.isMilestone || finish <= start)
      if (isMilestone) {
        const column = columnOf(Math.floor(finish / 1440))
        if (column >= 0 && column <= lastColumn) {
          const cell = text(xlsxMilestoneMark, isCritical ? styles.criticalMilestone : styles.milestone)
          row.spans = [{ from: ganttFixedColumns + column, to: ganttFixedColumns + column, cell }]
        }
      } else {
        const from = Math.max(0, columnOf(Math.floor(start / 1440)))
        const to = Math.min(lastColumn, columnOf(lastDayOf(start, finish)))
        const work = isSummary ? styles.summaryBar : isCritical ? styles.criticalBar : styles.bar
        const rest = isSummary ? styles.summaryBarNonWorking : isCritical ? styles.criticalBarNonWorking : styles.barNonWorking
        const spans: XlsxSpan[] = []
        // Split the bar where it crosses non-working columns, so weekends stay visible through it.
        let runStart = from
        for (let column = from; column <= to + 1; column++) {
          const isBoundary = column > to || isNonWorking[column] !== isNonWorking[runStart]
          if (!isBoundary) continue
          if (column > runStart) {
            const style = isNonWorking[runStart] ? rest : work
            spans.push({ from: ganttFixedColumns + runStart, to: ganttFixedColumns + column - 1, cell: { type: 'empty', style } })
          }
          runStart = column
        }
        if (spans.length > 0) row.spans = spans
      }
    }
    rows.push(row)
  })
  return {
    name: xlsxSheetNames.gantt,
    columns,
    rows,
    frozen: { rows: 1, columns: ganttFixedColumns },
    hasSummaryAbove: true,
  }
}

/** Column titles of the Resources sheet, in order (the cost title carries the plan's currency). */
export function xlsxResourceHeaders(plan: Plan): string[] {
  return ['Name', 'Role', 'Initials', 'Email', 'Max units', `Rate per hour (${plan.settings.currencyCode})`, 'Vacations', 'Work (hours)', `Cost (${plan.settings.currencyCode})`]
}

function resourcesSheet(plan: Plan, styles: Styles, totalWork: number[], costs: PlanCost): XlsxSheet {
  const rows: XlsxRow[] = [headerRow(styles, xlsxResourceHeaders(plan))]
  plan.resources.forEach((resource, index) => {
    const hours = exportRound((totalWork[index] ?? 0) / 60)
    rows.push({
      cells: [
        text(resource.name),
        optionalText(resource.role),
        optionalText(resource.initials),
        optionalText(resource.email),
        number(exportRound(resource.maxUnits / 100), styles.percent),
        number(resource.standardRate, styles.money),
        optionalText(resource.nonWorkingDays.map((range) => (range.from === range.to ? range.from : `${range.from} to ${range.to}`)).join('; ')),
        number(hours),
        number(exportRound(costs.resourceCost[index] as number), styles.money),
      ],
    })
  })
  return {
    name: xlsxSheetNames.resources,
    columns: xlsxFitHeaders([24, 18, 8, 26, 10, 14, 30, 12, 14], xlsxResourceHeaders(plan), true),
    rows,
    frozen: { rows: 1, columns: 1 },
    autoFilter: { fromRow: 0, fromColumn: 0, toRow: plan.resources.length, toColumn: 8 },
  }
}

/** Weekly load of every resource (indexed like `plan.resources`) over the weeks of the plan. */
export type XlsxUsage = { weekStarts: number[]; buckets: LoadBucket[][]; totalWork: number[] }

/**
 * Resource load per week for the usage sheet, from the resources module (`loadCompute`, `loadSeries`):
 * weeks start on the plan's week start day and cover the scheduled project; work is in minutes.
 */
export function xlsxUsage(plan: Plan, schedule: Schedule): XlsxUsage {
  const firstDay = Math.floor(schedule.projectStart / 1440)
  const lastDay = Math.max(firstDay, Math.ceil(schedule.projectFinish / 1440) - 1)
  const firstWeek = xlsxWeekStart(firstDay, plan.settings.weekStartDay)
  const lastWeekDay = xlsxWeekStart(lastDay, plan.settings.weekStartDay) + 6
  const weekStarts: number[] = []
  for (let day = firstWeek; day <= lastWeekDay; day += 7) weekStarts.push(day)
  const load = loadCompute(plan, schedule)
  const buckets = plan.resources.map((resource, index) => {
    const resourceLoad = load.resources[index]
    return resourceLoad === undefined ? [] : loadSeries(resourceLoad, plan, resource, firstWeek, lastWeekDay, 7)
  })
  const totalWork = load.resources.map((resourceLoad) => resourceLoad.assigned.reduce((sum, minutes) => sum + minutes, 0))
  return { weekStarts, buckets, totalWork }
}

function usageSheet(plan: Plan, styles: Styles, usage: XlsxUsage): XlsxSheet {
  const header: XlsxRow = {
    cells: [text('Resource', styles.header), text('Max units', styles.header), ...usage.weekStarts.map((day) => date(day * 1440, styles.timelineHeader))],
    height: 48,
  }
  const rows: XlsxRow[] = [header]
  plan.resources.forEach((resource, index) => {
    const cells: (XlsxCell | null)[] = [text(resource.name), number(exportRound(resource.maxUnits / 100), styles.percent)]
    for (const bucket of usage.buckets[index] ?? []) {
      if (bucket.assigned <= 0) {
        cells.push(null)
        continue
      }
      // With nothing available (a vacation week) show the work against a normal week at max units.
      const capacity = bucket.available > 0 ? bucket.available : (plan.settings.minutesPerWeek * resource.maxUnits) / 100
      const fraction = capacity > 0 ? exportRound(bucket.assigned / capacity) : 0
      cells.push(number(fraction, bucket.isOverallocated || bucket.available <= 0 ? styles.overallocated : styles.percent))
    }
    rows.push({ cells })
  })
  return {
    name: xlsxSheetNames.usage,
    columns: [...xlsxFitHeaders([24, 10], ['Resource', 'Max units'], false), ...usage.weekStarts.map(() => ({ width: 6 }))],
    rows,
    frozen: { rows: 1, columns: 2 },
  }
}

/**
 * Status of a milestone against `now` (wall-clock minutes): done at 100 % complete, overdue when its date has
 * passed, due soon within `dueSoonDays` days, otherwise upcoming.
 */
export function xlsxMilestoneStatus(date: number, percentComplete: number, now: number, dueSoonDays: number): MilestoneStatus {
  if (percentComplete >= 100) return 'done'
  if (date < now) return 'overdue'
  if (date <= now + dueSoonDays * 1440) return 'due soon'
  return 'upcoming'
}

/** Column titles of the Milestones sheet, in order. */
export const xlsxMilestoneHeaders = ['ID', 'WBS', 'Name', 'Date', 'Deadline', 'Total slack (days)', 'Status', 'Critical'] as const

function milestonesSheet(plan: Plan, schedule: Schedule, styles: Styles, wbs: string[], now: number): XlsxSheet {
  const minutesPerDay = plan.settings.minutesPerDay
  const indexes: number[] = []
  plan.tasks.forEach((task, index) => {
    if (task.isMilestone && schedule.isSummary[index] !== 1) indexes.push(index)
  })
  indexes.sort((a, b) => (schedule.finish[a] as number) - (schedule.finish[b] as number) || a - b)
  const rows: XlsxRow[] = [headerRow(styles, xlsxMilestoneHeaders, ['ID', 'Critical'])]
  for (const index of indexes) {
    const task = plan.tasks[index] as Task
    const finish = schedule.finish[index] as number
    rows.push({
      cells: [
        number(index + 1, styles.id),
        text(wbs[index] ?? ''),
        text(task.name),
        date(finish, styles.dateTime),
        task.deadline === null ? null : date(dateToWallMinutes(task.deadline), styles.dateTime),
        number(exportRound((schedule.totalSlack[index] as number) / minutesPerDay)),
        text(xlsxMilestoneStatus(finish, schedule.percentComplete[index] as number, now, plan.settings.dueSoonDays)),
        yesNo(styles, schedule.isCritical[index] === 1),
      ],
    })
  }
  return {
    name: xlsxSheetNames.milestones,
    columns: xlsxFitHeaders([6, 10, 40, 17, 17, 12, 10, 9], xlsxMilestoneHeaders, true),
    rows,
    frozen: { rows: 1, columns: 0 },
    autoFilter: { fromRow: 0, fromColumn: 0, toRow: indexes.length, toColumn: xlsxMilestoneHeaders.length - 1 },
  }
}

/** Column titles of the Earned value sheet's table, in order. */
export function xlsxEarnedValueHeaders(plan: Plan): string[] {
  const currency = plan.settings.currencyCode
  return [
    'ID',
    'WBS',
    'Name',
    `BAC (${currency})`,
    `Planned value, BCWS (${currency})`,
    `Earned value, BCWP (${currency})`,
    `Actual cost, ACWP (${currency})`,
    `SV (${currency})`,
    `CV (${currency})`,
    'SPI',
    'CPI',
    `EAC (${currency})`,
    `VAC (${currency})`,
    'TCPI',
  ]
}

/**
 * The Earned value sheet: the status date, the baseline and the method on top, then one row per task (summaries rolled
 * up) and the plan's totals (`earnedValueCompute`, Microsoft Project's definitions).
 */
function earnedValueSheet(plan: Plan, schedule: Schedule, styles: Styles, states: XlsxTaskRowStates, wbs: string[], value: PlanEarnedValue): XlsxSheet {
  const ratio = { numFmt: '0.00' } satisfies XlsxStyle
  const figuresCells = (figures: ReturnType<typeof earnedValueOfTask>): XlsxCell[] => [
    number(exportRound(figures.bac), styles.money),
    number(exportRound(figures.pv), styles.money),
    number(exportRound(figures.ev), styles.money),
    number(exportRound(figures.ac), styles.money),
    number(exportRound(figures.sv), styles.money),
    number(exportRound(figures.cv), styles.money),
    number(exportRound(figures.spi), ratio),
    number(exportRound(figures.cpi), ratio),
    number(exportRound(figures.eac), styles.money),
    number(exportRound(figures.vac), styles.money),
    number(exportRound(figures.tcpi), ratio),
  ]
  const headers = xlsxEarnedValueHeaders(plan)
  const method = value.method === 'percent-complete' ? '% complete' : 'physical % complete'
  const rows: XlsxRow[] = [
    ...xlsxTrackingTitleRows(plan, styles, value.statusDate, value.baselineNumber, `earned value by ${method}`),
    headerRow(styles, headers),
  ]
  plan.tasks.forEach((task, index) => {
    const isSummary = schedule.isSummary[index] === 1
    rows.push(taskRow(task, index, states, [number(index + 1), text(wbs[index] ?? ''), text(task.name, nameStyle(styles, task.level, isSummary)), ...figuresCells(earnedValueOfTask(value, index))]))
  })
  rows.push({ cells: [null, null, text('Project', styles.header), ...figuresCells(value.plan)] })
  const headerIndex = xlsxTrackingTitleRowCount - 1
  return {
    name: xlsxSheetNames.earnedValue,
    columns: xlsxFitHeaders([6, 10, 40, 14, 16, 16, 16, 14, 14, 8, 8, 14, 14, 8], headers, true),
    rows,
    frozen: { rows: xlsxTrackingTitleRowCount, columns: 3 },
    // The filter covers the task rows, not the plan's total below them.
    autoFilter: { fromRow: headerIndex, fromColumn: 0, toRow: headerIndex + plan.tasks.length, toColumn: headers.length - 1 },
    hasSummaryAbove: true,
  }
}

/** Rows above the table of the Tracking and Earned value sheets, the table's header row included. */
export const xlsxTrackingTitleRowCount = 4

/** "Baseline" or "Baseline 3", as Microsoft Project names them. */
export function xlsxBaselineName(number: BaselineNumber): string {
  return number === 0 ? 'Baseline' : `Baseline ${number}`
}

/**
 * The two lines that head the Tracking and Earned value sheets, then a blank row: the date progress is measured at
 * (the plan's status date, or the export time when the plan has none, said so) and the baseline compared with, with
 * when it was set, or that it was never set (every baseline figure is then blank or zero). Labels sit in column A and
 * run over the empty column B; values in column C, the wide Name column, so a date is never shown as ####.
 */
function xlsxTrackingTitleRows(plan: Plan, styles: Styles, statusDate: number, baselineNumber: BaselineNumber, note: string): XlsxRow[] {
  const name = xlsxBaselineName(baselineNumber)
  const set = plan.tracking.baselines.find((entry) => entry.number === baselineNumber)
  const isSet = set !== undefined || plan.tasks.some((task) => progressBaselineOf(task, baselineNumber) !== null)
  const when = set?.setAt === null || set?.setAt === undefined ? '' : `, set ${set.setAt.slice(0, 16).replace('T', ' ')}`
  return [
    {
      cells: [
        text(plan.statusDate === null ? 'As of' : 'Status date', styles.header),
        null,
        date(statusDate, styles.dateTime),
        plan.statusDate === null ? text('the plan has no status date: progress is measured at the time of the export') : null,
      ],
    },
    { cells: [text('Against', styles.header), null, text(isSet ? `${name}${when}; ${note}` : `${name}, not set: no baseline figures until it is set`)] },
    { cells: [] },
  ]
}

/** Column titles of the Tracking sheet, in order: the baseline compared with is named in its columns' titles. */
export function xlsxTrackingHeaders(plan: Plan): string[] {
  const currency = plan.settings.currencyCode
  const name = xlsxBaselineName(plan.settings.baselineForEarnedValue)
  return [
    'ID',
    'WBS',
    'Name',
    'Start',
    'Finish',
    `${name} start`,
    `${name} finish`,
    'Start var. (days)',
    'Finish var. (days)',
    'Duration (days)',
    `${name} dur. (days)`,
    'Dur. var. (days)',
    'Work (hours)',
    `${name} work (hours)`,
    'Work var. (hours)',
    `Cost (${currency})`,
    `${name} cost (${currency})`,
    `Cost var. (${currency})`,
    'Actual start',
    'Actual finish',
    '% Complete',
    'Act. dur. (days)',
    'Rem. dur. (days)',
    'Act. work (hours)',
    'Rem. work (hours)',
  ]
}

/**
 * The Tracking sheet (Microsoft Project's Variance, Work, Cost and Tracking tables side by side): for every task its
 * schedule against the baseline earned value uses (`plan.settings.baselineForEarnedValue`), with the variances of
 * `baselineVariance` (dates in working days of the task's calendar, positive = later or more than planned), and its
 * progress: actual start and finish, % complete, actual and remaining duration and work. The sheet is always written,
 * so a workbook has the same sheets whatever the plan holds; a task without that baseline has blank baseline and
 * variance cells (Project's "NA"), one not started blank actual dates. A task (or summary) with progress but no recorded
 * actual date shows its scheduled start (and at 100 % its finish) as Project sets them; summaries' actual work is summed.
 */
function trackingSheet(plan: Plan, schedule: Schedule, styles: Styles, states: XlsxTaskRowStates, wbs: string[], costs: PlanCost, statusDate: number): XlsxSheet {
  const minutesPerDay = plan.settings.minutesPerDay
  const number0 = plan.settings.baselineForEarnedValue
  const variance = baselineVariance(plan, schedule, number0, costs.cost)
  const headers = xlsxTrackingHeaders(plan)
  const actualWork = new Float64Array(plan.tasks.length)
  for (let index = plan.tasks.length - 1; index >= 0; index--) {
    if (schedule.isSummary[index] !== 1) actualWork[index] = plan.tasks[index]?.actualWork ?? 0
    const up = schedule.parent[index] ?? -1
    if (up >= 0) actualWork[up] = (actualWork[up] ?? 0) + (actualWork[index] ?? 0)
  }
  const days = (minutes: number | null | undefined): XlsxCell | null =>
    minutes === null || minutes === undefined || !Number.isFinite(minutes) ? null : number(exportRound(minutes / minutesPerDay))
  const hours = (minutes: number | null | undefined): XlsxCell | null =>
    minutes === null || minutes === undefined || !Number.isFinite(minutes) ? null : number(exportRound(minutes / 60))
  const money = (amount: number | null | undefined): XlsxCell | null =>
    amount === null || amount === undefined || !Number.isFinite(amount) ? null : number(exportRound(amount), styles.money)
  const when = (value: string | null | undefined): XlsxCell | null => (value === null || value === undefined ? null : date(dateToWallMinutes(value), styles.dateTime))
  const rows: XlsxRow[] = [...xlsxTrackingTitleRows(plan, styles, statusDate, number0, 'variances in working days'), headerRow(styles, headers)]
  plan.tasks.forEach((task, index) => {
    const isSummary = schedule.isSummary[index] === 1
    const baseline = progressBaselineOf(task, number0)
    const start = schedule.start[index] as number
    const finish = schedule.finish[index] as number
    const duration = schedule.duration[index] as number
    const work = schedule.work[index] as number
    const percent = Math.max(0, Math.min(100, schedule.percentComplete[index] as number))
    const actualDuration = Math.round((duration * percent) / 100)
    const done = actualWork[index] as number
    // Progress without a recorded actual date (a summary, or a task typed in by hand) started and finished as scheduled.
    const actualStart = task.actualStart !== null ? when(task.actualStart) : percent > 0 && Number.isFinite(start) ? date(start, styles.dateTime) : null
    const actualFinish = task.actualFinish !== null ? when(task.actualFinish) : percent >= 100 && Number.isFinite(finish) ? date(finish, styles.dateTime) : null
    rows.push(
      taskRow(task, index, states, [
        number(index + 1),
        text(wbs[index] ?? ''),
        text(task.name, nameStyle(styles, task.level, isSummary)),
        Number.isFinite(start) ? date(start, styles.dateTime) : null,
        Number.isFinite(finish) ? date(finish, styles.dateTime) : null,
        when(baseline?.start),
        when(baseline?.finish),
        days(variance.start[index]),
        days(variance.finish[index]),
        days(duration),
        days(baseline?.duration),
        days(variance.duration[index]),
        hours(work),
        hours(baseline?.work),
        hours(variance.work[index]),
        money(costs.cost[index]),
        money(baseline?.cost),
        money(variance.cost[index]),
        actualStart,
        actualFinish,
        number(exportRound(percent / 100), styles.percent),
        days(actualDuration),
        days(Math.max(0, duration - actualDuration)),
        hours(done),
        hours(Math.max(0, work - done)),
      ]),
    )
  })
  const headerIndex = xlsxTrackingTitleRowCount - 1
  return {
    name: xlsxSheetNames.tracking,
    columns: xlsxFitHeaders([6, 10, 40, 17, 17, 17, 17, 10, 10, 10, 10, 10, 10, 10, 10, 14, 14, 14, 17, 17, 11, 10, 10, 10, 10], headers, true),
    rows,
    frozen: { rows: xlsxTrackingTitleRowCount, columns: 3 },
    autoFilter: { fromRow: headerIndex, fromColumn: 0, toRow: headerIndex + plan.tasks.length, toColumn: headers.length - 1 },
    hasSummaryAbove: true,
  }
}


/**
 * The Excel workbook of a scheduled plan as plain data: sheets Schedule (with cost columns), Gantt, Resources,
 * Resource usage, Milestones, RAID, Tracking (baseline, variances, progress) and Earned value, each with its print setup (`print-setup.ts`). `schedule` must be the result of scheduling `plan` (arrays indexed like `plan.tasks`). Task rows are
 * grouped by outline level and open as the plan's outline shows: rows under collapsed summaries hidden, the
 * summaries' groups collapsed. Render it with `xlsxRender`.
 */
export function xlsxBuildPlanWorkbook(plan: Plan, schedule: Schedule, options: XlsxBuildOptions): XlsxWorkbook {
  const styles = makeStyles()
  const wbs = exportWbsNumbers(plan)
  const byTask = exportAssignmentsByTask(plan)
  const predecessors = exportPredecessorTexts(plan)
  const resources = exportResourceTexts(plan, byTask)
  const usage = xlsxUsage(plan, schedule)
  const now = dateToWallMinutes(plan.statusDate ?? options.now)
  const states = xlsxTaskRowStates(plan, schedule)
  const costs = costCompute(plan, schedule)
  const earned = earnedValueCompute(plan, schedule, costs, { statusDate: plan.statusDate ?? options.now })
  const workbook: XlsxWorkbook = {
    title: plan.name,
    creator: 'Gantry',
    created: dateToWallMinutes(options.now),
    sheets: [
      scheduleSheet(plan, schedule, styles, states, wbs, predecessors, resources, costs),
      ganttSheet(plan, schedule, styles, states),
      resourcesSheet(plan, styles, usage.totalWork, costs),
      usageSheet(plan, styles, usage),
      milestonesSheet(plan, schedule, styles, wbs, now),
      xlsxRaidSheet(plan, options.now.slice(0, 10)),
      trackingSheet(plan, schedule, styles, states, wbs, costs, earned.statusDate),
      earnedValueSheet(plan, schedule, styles, states, wbs, earned),
    ],
  }
  return xlsxWithPrintSetup(workbook, plan)
}
