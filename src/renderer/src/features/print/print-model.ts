/**
 * What the printed Gantt shows, computed once per print: the text of every printed cell (the same formatters as the
 * task grid and the exports), each row's bar, the links, non-working days, the timescale tiers for the print's
 * density, and what the legend needs. Pure: the print view only draws it.
 */
import { taskTypeNames, workFormat } from '../../../../shared/commands/work'
import { calendarCompile, calendarIsProblem } from '../../../../shared/domain/calendar'
import { dateToWallMinutes, dateWallText } from '../../../../shared/domain/dates'
import { durationFormat } from '../../../../shared/domain/durations'
import type { Plan } from '../../../../shared/domain/model'
import { progressBaselineOf } from '../../../../shared/domain/progress'
import type { Schedule } from '../../../../shared/domain/schedule-types'
import {
  exportAssignmentsByTask,
  exportPredecessorTexts,
  exportResourceTexts,
  exportRound,
  exportWbsNumbers,
} from '../../../../shared/formats/xlsx/plan-table'
import {
  printLayout,
  printPlanFacts,
  printRows,
  type PrintColumnKey,
  type PrintLayout,
  type PrintProblem,
  type PrintSetup,
} from '../../../../shared/print/page-setup'
import {
  layoutNonWorkingDays,
  layoutScaleCells,
  scaleTiers,
  type ScaleCell,
  type TimeScale,
  type ZoomLevel,
} from '../workspace/layout'

export type PrintBarKind = 'task' | 'summary' | 'milestone'

/**
 * A manually scheduled task's marks, as the Gantt view draws them (Microsoft Project's style): which typed ends are
 * blank (drawn faded), whether its dates break a link, and a manual summary's rolled-up span of its tasks.
 */
export type PrintManual = {
  isOpenStart: boolean
  isOpenFinish: boolean
  rollup: { x0: number; x1: number; isBeyond: boolean } | null
}

/** One printed row: its task, cell texts, and bar (x in the chart's coordinates, from the first printed day). */
export type PrintRow = {
  taskIndex: number
  level: number
  isSummary: boolean
  isCritical: boolean
  cells: Record<PrintColumnKey, string>
  bar: { kind: PrintBarKind; x0: number; x1: number; progress: number } | null
  baseline: { x0: number; x1: number } | null
  /** Null for an automatically scheduled task. */
  manual: PrintManual | null
  /** A link this manual task's dates break (drawn red, as the Gantt view marks it). */
  hasViolation: boolean
  /** Resource names written right of the bar. */
  label: string
}

export type PrintLink = { fromRow: number; toRow: number; fromX: number; toX: number; isCritical: boolean }

export type PrintModel = {
  plan: Plan
  layout: PrintLayout
  rows: PrintRow[]
  links: PrintLink[]
  /** Runs of non-working days as x ranges (empty when the print is too dense to show them). */
  nonWorking: { x0: number; x1: number }[]
  /** Timescale cells of the two tiers over the whole chart. */
  tiers: [ScaleCell[], ScaleCell[]]
  statusX: number | null
  hasBaseline: boolean
  /** Whether any printed task is manually scheduled (the legend then explains the manual bar). */
  hasManual: boolean
  hasViolation: boolean
  /** Texts of the header and footer. */
  title: string
  rangeText: string
  statusText: string
  printedText: string
}

export type PrintModelResult = { ok: true; model: PrintModel } | { ok: false; problem: PrintProblem }

/** The timescale tiers for a density: days under weeks when a day is at least 18 px wide, then weeks, months, quarters. */
export function printZoomFor(pxPerDay: number): ZoomLevel {
  if (pxPerDay >= 18) return 'day'
  if (pxPerDay >= 5) return 'week'
  if (pxPerDay >= 1.5) return 'month'
  return 'quarter'
}

const monthShort = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** A day as the header writes it: "2 Mar 2026". */
export function printDayText(day: number): string {
  const text = dateWallText(day * 1440, 'day')
  return `${Number(text.slice(8, 10))} ${monthShort[Number(text.slice(5, 7)) - 1] ?? ''} ${text.slice(0, 4)}`
}

/**
 * The print of `plan` (scheduled as `schedule`) with `setup`, or the page setup's problem. `now` is the local time
 * written in the footer.
 */
export function printModelBuild(
  plan: Plan,
  schedule: Schedule,
  setup: PrintSetup,
  now: string,
): PrintModelResult {
  const rowIndexes = printRows(plan, schedule)
  const result = printLayout(setup, printPlanFacts(schedule, rowIndexes))
  if (!result.ok) return result
  const layout = result.layout
  const { fromDay, pxPerDay } = layout
  const xOf = (wallMinutes: number) => (wallMinutes / 1440 - fromDay) * pxPerDay
  const settings = plan.settings
  const shown = new Set(setup.columns)
  const wbs = shown.has('wbs') ? exportWbsNumbers(plan) : []
  const predecessors = shown.has('predecessors') ? exportPredecessorTexts(plan) : []
  const byTask = exportAssignmentsByTask(plan)
  const resources = exportResourceTexts(plan, byTask)
  const resourceNames = new Map(plan.resources.map((resource) => [resource.id, resource.name]))
  let hasBaseline = false
  let hasManual = false
  let hasViolation = false
  const violations = new Set(schedule.linkViolations.map((violation) => violation.taskId))
  const rows: PrintRow[] = rowIndexes.map((taskIndex) => {
    const task = plan.tasks[taskIndex]
    if (task === undefined) throw new Error(`no task at ${taskIndex}`)
    const isSummary = schedule.isSummary[taskIndex] === 1
    const isCritical = schedule.isCritical[taskIndex] === 1
    const start = schedule.start[taskIndex] ?? Number.NaN
    const finish = schedule.finish[taskIndex] ?? Number.NaN
    const percent = schedule.percentComplete[taskIndex] ?? 0
    const isManual = task.schedulingMode === 'manual'
    // As the task grid: a manual task shows its typed duration and dates, blank where none was typed.
    const isStartBlank = isManual && task.manualStart === null && task.actualStart === null
    const isFinishBlank = isManual && task.manualFinish === null && task.actualFinish === null
    const cells: Record<PrintColumnKey, string> = {
      id: String(taskIndex + 1),
      mode: isManual ? 'Manual' : 'Auto',
      wbs: wbs[taskIndex] ?? '',
      name: task.name,
      duration: isManual
        ? task.manualDuration === null
          ? ''
          : durationFormat(task.manualDuration, task.durationUnit, settings)
        : isSummary
          ? durationFormat(schedule.duration[taskIndex] ?? 0, 'd', settings)
          : durationFormat(task.duration, task.durationUnit, settings),
      start: Number.isFinite(start) && !isStartBlank ? dateWallText(start, 'day') : '',
      finish: Number.isFinite(finish) && !isFinishBlank ? dateWallText(finish, 'day') : '',
      predecessors: predecessors[taskIndex] ?? '',
      resources: resources[taskIndex] ?? '',
      work: workFormat(schedule.work[taskIndex] ?? task.work),
      type: taskTypeNames[task.type],
      complete: `${Math.round(percent)}%`,
      slack: `${exportRound((schedule.totalSlack[taskIndex] ?? 0) / settings.minutesPerDay)}d`,
    }
    let bar: PrintRow['bar'] = null
    if (Number.isFinite(start) && Number.isFinite(finish)) {
      const kind: PrintBarKind = isSummary
        ? 'summary'
        : task.isMilestone || finish <= start
          ? 'milestone'
          : 'task'
      bar = {
        kind,
        x0: xOf(kind === 'milestone' ? finish : start),
        x1: xOf(finish),
        progress: Math.max(0, Math.min(100, percent)) / 100,
      }
    }
    let baseline: PrintRow['baseline'] = null
    // The print shows Baseline (number 0), the one Microsoft Project's Gantt draws by default.
    const taskBaseline = progressBaselineOf(task, 0)
    if (taskBaseline !== null && taskBaseline.start !== null && taskBaseline.finish !== null) {
      hasBaseline = true
      const baseStart = dateToWallMinutes(taskBaseline.start)
      const baseFinish = dateToWallMinutes(taskBaseline.finish)
      baseline = { x0: xOf(baseStart), x1: xOf(baseFinish) }
    }
    const label = (byTask[taskIndex] ?? [])
      .map((assignment) => resourceNames.get(assignment.resourceId) ?? '')
      .filter((name) => name !== '')
      .join(', ')
    let manual: PrintManual | null = null
    if (isManual) {
      hasManual = true
      const rolledStart = schedule.rolledStart[taskIndex] ?? Number.NaN
      const rolledFinish = schedule.rolledFinish[taskIndex] ?? Number.NaN
      manual = {
        isOpenStart: task.manualStart === null,
        isOpenFinish: task.manualFinish === null && task.manualDuration === null,
        rollup:
          isSummary && Number.isFinite(rolledStart) && Number.isFinite(rolledFinish)
            ? {
                x0: xOf(rolledStart),
                x1: xOf(rolledFinish),
                isBeyond: rolledFinish > finish || rolledStart < start,
              }
            : null,
      }
    }
    const isViolated = violations.has(task.id)
    if (isViolated) hasViolation = true
    return {
      taskIndex,
      level: task.level,
      isSummary,
      isCritical,
      cells,
      bar,
      baseline,
      manual,
      hasViolation: isViolated,
      label,
    }
  })

  const rowOfTask = new Map<number, number>()
  rows.forEach((row, index) => rowOfTask.set(plan.tasks[row.taskIndex]?.id ?? -1, index))
  const links: PrintLink[] = []
  for (const link of plan.dependencies) {
    const fromRow = rowOfTask.get(link.predecessorId)
    const toRow = rowOfTask.get(link.successorId)
    if (fromRow === undefined || toRow === undefined) continue
    const from = rows[fromRow]?.bar
    const to = rows[toRow]?.bar
    if (from === undefined || to === undefined || from === null || to === null) continue
    const fromX = link.type === 'SS' || link.type === 'SF' ? from.x0 : from.x1
    const toX = link.type === 'FF' || link.type === 'SF' ? to.x1 : to.x0
    const isCritical = (rows[fromRow]?.isCritical ?? false) && (rows[toRow]?.isCritical ?? false)
    links.push({ fromRow, toRow, fromX, toX, isCritical })
  }

  const nonWorking: { x0: number; x1: number }[] = []
  const calendar = calendarCompile(plan, plan.calendarId)
  if (pxPerDay >= 2 && !calendarIsProblem(calendar)) {
    let runStart: number | null = null
    let previous = Number.NaN
    for (const day of layoutNonWorkingDays(calendar, layout.fromDay, layout.toDay)) {
      if (runStart !== null && day === previous + 1) {
        previous = day
        continue
      }
      if (runStart !== null)
        nonWorking.push({ x0: (runStart - fromDay) * pxPerDay, x1: (previous + 1 - fromDay) * pxPerDay })
      runStart = day
      previous = day
    }
    if (runStart !== null)
      nonWorking.push({ x0: (runStart - fromDay) * pxPerDay, x1: (previous + 1 - fromDay) * pxPerDay })
  }

  const zoom = printZoomFor(pxPerDay)
  const scale: TimeScale = {
    zoom,
    originDay: fromDay,
    dayCount: layout.toDay - fromDay + 1,
    pxPerDay,
    width: layout.chartWidth,
  }
  const [topUnit, bottomUnit] = scaleTiers[zoom]
  const tiers: [ScaleCell[], ScaleCell[]] = [
    layoutScaleCells(scale, topUnit, 0, layout.chartWidth),
    layoutScaleCells(scale, bottomUnit, 0, layout.chartWidth),
  ]

  const statusX = plan.statusDate === null ? null : xOf(dateToWallMinutes(plan.statusDate))
  return {
    ok: true,
    model: {
      plan,
      layout,
      rows,
      links,
      nonWorking,
      tiers,
      statusX,
      hasBaseline,
      hasManual,
      hasViolation,
      title: plan.name,
      rangeText: `${printDayText(layout.fromDay)} – ${printDayText(layout.toDay)}`,
      statusText:
        plan.statusDate === null
          ? 'No status date set'
          : `Status date ${printDayText(Math.floor(dateToWallMinutes(plan.statusDate) / 1440))}`,
      printedText: `Printed ${now.slice(0, 10)} ${now.slice(11, 16)}`,
    },
  }
}
