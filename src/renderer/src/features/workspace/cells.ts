/**
 * Grid columns: how each cell is shown, and which command of the registry typed text goes to. The command reads
 * the text (a duration, a date, a predecessor list…) and refuses what it cannot read; the grid only shows.
 */
import type { CommandId } from '../../../../shared/commands/registry'
import type { ProgressField } from '../../../../shared/commands/tracking'
import { taskTypeNames, workFormat } from '../../../../shared/commands/work'
import { assignmentsTextFormat } from '../../../../shared/domain/assignments-text'
import { durationFormat } from '../../../../shared/domain/durations'
import { predecessorsFormat } from '../../../../shared/domain/predecessors'
import type { BaselineNumber, Task, TaskId } from '../../../../shared/domain/model'
import { earnedValueOfTask } from '../../../../shared/domain/cost'
import { dateShow, dateShowDay } from '../../ui/date-format'
import type { Derived } from './derived'
import {
  trackingBaselineName,
  trackingBaselineOf,
  trackingDateVariance,
  trackingDaysText,
  trackingIndexText,
  trackingMoneyText,
  trackingOf,
} from './tracking'

export const columnKeys = [
  'id',
  'indicators',
  'mode',
  'wbs',
  'name',
  'duration',
  'start',
  'finish',
  'predecessors',
  'resources',
  'work',
  'type',
  'complete',
  // Progress (Microsoft Project's Tracking table).
  'physicalComplete',
  'actualStart',
  'actualFinish',
  'actualDuration',
  'remainingDuration',
  'actualWork',
  'remainingWork',
  // The baseline the view shows, and the variances from it.
  'baselineStart',
  'baselineFinish',
  'baselineDuration',
  'baselineWork',
  'baselineCost',
  'startVariance',
  'finishVariance',
  'durationVariance',
  'workVariance',
  'costVariance',
  // Cost (the Cost table).
  'cost',
  'fixedCost',
  'fixedCostAccrual',
  'actualCost',
  'remainingCost',
  // Earned value at the status date (the Earned Value table).
  'bcws',
  'bcwp',
  'acwp',
  'sv',
  'cv',
  'spi',
  'cpi',
  'bac',
  'eac',
  'vac',
  'levelingDelay',
] as const
export type ColumnKey = (typeof columnKeys)[number]

/** What the grid's cells show besides the plan: the baseline of the baseline and variance columns. */
export type CellView = { baselineNumber: BaselineNumber }

export const cellViewDefault: CellView = { baselineNumber: 0 }

/** The commands that take a cell's typed text (`{ taskId, text }`). */
export type CellCommandId = Extract<
  CommandId,
  | 'task/rename'
  | 'task/set-duration'
  | 'task/set-start'
  | 'task/set-finish'
  | 'task/set-predecessors'
  | 'task/set-resources'
  | 'task/set-complete'
  | 'task/set-leveling-delay'
  | 'task/set-mode'
  | 'task/set-work'
  | 'task/set-type'
>

/** The commands that take a cell's typed text for a list of tasks (`{ taskIds, text }`). */
export type CellTasksCommandId = Extract<CommandId, 'task/set-fixed-cost'>

/** The progress command, which takes the field typed in (`{ taskId, field, text }`). */
export type CellProgressCommandId = Extract<CommandId, 'task/set-progress'>

/**
 * A column: its name, default width, and the command typed text goes to (`null`: not editable). `header` is what
 * the header shows when it differs from the name (the Indicators column's "ℹ"); `isHidden` columns are offered in
 * the Columns menu but not shown at first.
 */
export type ColumnDef = {
  key: ColumnKey
  label: string
  /** A short header when the label is too long for the column (the label stays its accessible name). */
  header?: string
  width: number
  command: CellCommandId | CellTasksCommandId | CellProgressCommandId | null
  /** The progress field typed text goes to (`task/set-progress`). */
  progressField?: ProgressField
  isHidden?: boolean
  /** Right-aligned figures (money, indexes, variances). */
  isNumber?: boolean
  /** The header names the view's baseline ("Baseline 2 start"). */
  isBaseline?: boolean
  /** What the column holds, for the header's tooltip. */
  title?: string
}

export const columnDefs: Record<ColumnKey, ColumnDef> = {
  id: { key: 'id', label: 'ID', width: 44, command: null },
  indicators: { key: 'indicators', label: 'Indicators', header: 'ℹ', width: 44, command: null },
  mode: { key: 'mode', label: 'Mode', width: 68, command: 'task/set-mode' },
  wbs: { key: 'wbs', label: 'WBS', width: 56, command: null },
  name: { key: 'name', label: 'Task name', width: 240, command: 'task/rename' },
  duration: { key: 'duration', label: 'Duration', width: 80, command: 'task/set-duration' },
  start: { key: 'start', label: 'Start', width: 104, command: 'task/set-start' },
  finish: { key: 'finish', label: 'Finish', width: 104, command: 'task/set-finish' },
  predecessors: { key: 'predecessors', label: 'Predecessors', width: 110, command: 'task/set-predecessors' },
  resources: { key: 'resources', label: 'Resources', width: 130, command: 'task/set-resources' },
  work: { key: 'work', label: 'Work', width: 72, command: 'task/set-work', isHidden: true },
  type: { key: 'type', label: 'Type', width: 110, command: 'task/set-type', isHidden: true },
  complete: { key: 'complete', label: '% Complete', width: 84, command: 'task/set-complete' },
  physicalComplete: { key: 'physicalComplete', progressField: 'physicalPercentComplete', label: 'Physical % complete', width: 84, command: 'task/set-progress', isHidden: true, isNumber: true },
  actualStart: { key: 'actualStart', progressField: 'actualStart', label: 'Actual start', width: 104, command: 'task/set-progress', isHidden: true },
  actualFinish: { key: 'actualFinish', progressField: 'actualFinish', label: 'Actual finish', width: 104, command: 'task/set-progress', isHidden: true },
  actualDuration: { key: 'actualDuration', progressField: 'actualDuration', label: 'Actual duration', width: 84, command: 'task/set-progress', isHidden: true, isNumber: true },
  remainingDuration: { key: 'remainingDuration', progressField: 'remainingDuration', label: 'Remaining duration', width: 84, command: 'task/set-progress', isHidden: true, isNumber: true },
  actualWork: { key: 'actualWork', progressField: 'actualWork', label: 'Actual work', width: 80, command: 'task/set-progress', isHidden: true, isNumber: true },
  remainingWork: { key: 'remainingWork', label: 'Remaining work', width: 80, command: null, isHidden: true, isNumber: true },
  baselineStart: { key: 'baselineStart', label: 'Baseline start', width: 104, command: null, isHidden: true, isBaseline: true },
  baselineFinish: { key: 'baselineFinish', label: 'Baseline finish', width: 104, command: null, isHidden: true, isBaseline: true },
  baselineDuration: { key: 'baselineDuration', label: 'Baseline duration', width: 84, command: null, isHidden: true, isNumber: true, isBaseline: true },
  baselineWork: { key: 'baselineWork', label: 'Baseline work', width: 80, command: null, isHidden: true, isNumber: true, isBaseline: true },
  baselineCost: { key: 'baselineCost', label: 'Baseline cost', width: 100, command: null, isHidden: true, isNumber: true, isBaseline: true },
  startVariance: { key: 'startVariance', label: 'Start variance', width: 80, command: null, isHidden: true, isNumber: true, title: 'Start − baseline start, in working days' },
  finishVariance: { key: 'finishVariance', label: 'Finish variance', width: 80, command: null, isHidden: true, isNumber: true, title: 'Finish − baseline finish, in working days' },
  durationVariance: { key: 'durationVariance', label: 'Duration variance', width: 80, command: null, isHidden: true, isNumber: true, title: 'Duration − baseline duration' },
  workVariance: { key: 'workVariance', label: 'Work variance', width: 80, command: null, isHidden: true, isNumber: true, title: 'Work − baseline work' },
  costVariance: { key: 'costVariance', label: 'Cost variance', width: 100, command: null, isHidden: true, isNumber: true, title: 'Cost − baseline cost' },
  cost: { key: 'cost', label: 'Cost', width: 100, command: null, isHidden: true, isNumber: true, title: 'Scheduled cost: actual + remaining' },
  fixedCost: { key: 'fixedCost', label: 'Fixed cost', width: 100, command: 'task/set-fixed-cost', isHidden: true, isNumber: true },
  fixedCostAccrual: { key: 'fixedCostAccrual', label: 'Fixed cost accrual', width: 90, command: null, isHidden: true },
  actualCost: { key: 'actualCost', label: 'Actual cost', width: 100, command: null, isHidden: true, isNumber: true },
  remainingCost: { key: 'remainingCost', label: 'Remaining cost', width: 100, command: null, isHidden: true, isNumber: true },
  bcws: { key: 'bcws', label: 'BCWS', width: 96, command: null, isHidden: true, isNumber: true, title: 'Planned value at the status date' },
  bcwp: { key: 'bcwp', label: 'BCWP', width: 96, command: null, isHidden: true, isNumber: true, title: 'Earned value at the status date' },
  acwp: { key: 'acwp', label: 'ACWP', width: 96, command: null, isHidden: true, isNumber: true, title: 'Actual cost at the status date' },
  sv: { key: 'sv', label: 'SV', width: 96, command: null, isHidden: true, isNumber: true, title: 'Schedule variance: BCWP − BCWS' },
  cv: { key: 'cv', label: 'CV', width: 96, command: null, isHidden: true, isNumber: true, title: 'Cost variance: BCWP − ACWP' },
  spi: { key: 'spi', label: 'SPI', width: 56, command: null, isHidden: true, isNumber: true, title: 'Schedule performance index: BCWP ÷ BCWS' },
  cpi: { key: 'cpi', label: 'CPI', width: 56, command: null, isHidden: true, isNumber: true, title: 'Cost performance index: BCWP ÷ ACWP' },
  bac: { key: 'bac', label: 'BAC', width: 96, command: null, isHidden: true, isNumber: true, title: 'Budget at completion: the baseline cost' },
  eac: { key: 'eac', label: 'EAC', width: 96, command: null, isHidden: true, isNumber: true, title: 'Estimate at completion: ACWP + (BAC − BCWP) ÷ CPI' },
  vac: { key: 'vac', label: 'VAC', width: 96, command: null, isHidden: true, isNumber: true, title: 'Variance at completion: BAC − EAC' },
  levelingDelay: { key: 'levelingDelay', label: 'Leveling delay', width: 100, command: 'task/set-leveling-delay', isHidden: true },
}

/**
 * The columns frozen at the left (they stay in view while the others scroll sideways): those up to and including
 * the task name, as Microsoft Project keeps ID and Name in view.
 */
export function columnsFrozen(columns: readonly ColumnKey[]): ReadonlySet<ColumnKey> {
  const name = columns.indexOf('name')
  return new Set(columns.slice(0, name + 1))
}

/** A column's header: baseline columns name the baseline shown ("Baseline 2 finish"). */
export function columnLabel(key: ColumnKey, view: CellView = cellViewDefault): string {
  const def = columnDefs[key]
  if (def.isBaseline !== true || view.baselineNumber === 0) return def.label
  return `${trackingBaselineName(view.baselineNumber)} ${def.label.slice('Baseline '.length)}`
}

/**
 * Tables of columns, as Microsoft Project's View > Tables: choosing one shows its columns (the name always) and hides
 * the others.
 */
export const columnTables = {
  entry: { label: 'Entry', keys: ['id', 'indicators', 'mode', 'name', 'duration', 'start', 'finish', 'predecessors', 'resources', 'complete'] },
  tracking: {
    label: 'Tracking',
    keys: ['id', 'name', 'actualStart', 'actualFinish', 'complete', 'physicalComplete', 'actualDuration', 'remainingDuration', 'actualWork', 'remainingWork', 'actualCost'],
  },
  variance: { label: 'Variance', keys: ['id', 'name', 'start', 'finish', 'baselineStart', 'baselineFinish', 'startVariance', 'finishVariance'] },
  cost: { label: 'Cost', keys: ['id', 'name', 'fixedCost', 'fixedCostAccrual', 'cost', 'baselineCost', 'costVariance', 'actualCost', 'remainingCost'] },
  work: { label: 'Work', keys: ['id', 'name', 'work', 'baselineWork', 'workVariance', 'actualWork', 'remainingWork', 'complete'] },
  earnedValue: { label: 'Earned value', keys: ['id', 'name', 'bcws', 'bcwp', 'acwp', 'sv', 'cv', 'spi', 'cpi', 'bac', 'eac', 'vac'] },
} as const satisfies Record<string, { label: string; keys: readonly ColumnKey[] }>
export type ColumnTableId = keyof typeof columnTables

/** The row number (ID) predecessor lists refer to: the task's position in the outline, from 1. */
function rowNumber(derived: Derived, taskId: TaskId): number | null {
  const index = derived.indexOf.get(taskId)
  return index === undefined ? null : index + 1
}

/** The date shown for a wall minute, in the user's locale (`3/2/2026`; `2026-03-02` in Sweden). */
export function cellDate(minutes: number): string {
  return dateShow(minutes)
}

const accrualNames = { start: 'Start', prorated: 'Prorated', end: 'End' } as const

/** The text of one cell; `view` names the baseline of the baseline and variance columns. */
export function cellText(derived: Derived, taskIndex: number, key: ColumnKey, view: CellView = cellViewDefault): string {
  const task = derived.plan.tasks[taskIndex] as Task
  const schedule = derived.schedule
  const isSummary = schedule !== null ? schedule.isSummary[taskIndex] === 1 : false
  switch (key) {
    case 'id':
      return String(taskIndex + 1)
    case 'indicators':
      // Painted as signs by the row painter (indicators.ts).
      return ''
    case 'wbs':
      return derived.wbs[taskIndex] ?? ''
    case 'name':
      return task.name
    case 'duration':
      // A manual task (a summary too) shows its typed duration, blank when none was typed.
      if (task.schedulingMode === 'manual') return task.manualDuration === null ? '' : durationFormat(task.manualDuration, task.durationUnit, derived.plan.settings)
      if (isSummary && schedule !== null) {
        return durationFormat(schedule.duration[taskIndex] as number, 'd', derived.plan.settings)
      }
      return durationFormat(task.duration, task.durationUnit, derived.plan.settings)
    case 'start':
      return schedule === null || (task.schedulingMode === 'manual' && task.manualStart === null && task.actualStart === null) ? '' : cellDate(schedule.start[taskIndex] as number)
    case 'finish':
      return schedule === null || (task.schedulingMode === 'manual' && task.manualFinish === null && task.actualFinish === null) ? '' : cellDate(schedule.finish[taskIndex] as number)
    case 'predecessors':
      return predecessorsFormat(derived.linksBySuccessor.get(task.id) ?? [], (id) => rowNumber(derived, id), derived.plan.settings)
    case 'resources':
      return assignmentsTextFormat(task.id, derived.assignmentsByTask.get(task.id) ?? [], derived.plan.resources)
    case 'mode':
      return task.schedulingMode === 'manual' ? 'Manual' : 'Auto'
    case 'work':
      return workFormat(schedule !== null ? (schedule.work[taskIndex] as number) : task.work)
    case 'type':
      return taskTypeNames[task.type]
    case 'complete': {
      const value = schedule !== null ? (schedule.percentComplete[taskIndex] as number) : task.percentComplete
      return `${Math.round(value)}%`
    }
    case 'levelingDelay':
      return task.levelingDelay > 0 ? durationFormat(task.levelingDelay, 'ed', derived.plan.settings) : '0ed'
    case 'fixedCostAccrual':
      return accrualNames[task.fixedCostAccrual]
    case 'physicalComplete':
      return `${Math.round(task.physicalPercentComplete)}%`
    default:
      return cellTrackingText(derived, taskIndex, key, view)
  }
}

/** The progress, baseline, variance, cost and earned value cells (blank while the plan is not scheduled). */
function cellTrackingText(derived: Derived, taskIndex: number, key: ColumnKey, view: CellView): string {
  const { plan, schedule } = derived
  const task = plan.tasks[taskIndex]
  if (schedule === null || task === undefined) return ''
  const settings = plan.settings
  const at = (values: ArrayLike<number>): number => values[taskIndex] ?? Number.NaN
  const percent = Math.max(0, Math.min(100, at(schedule.percentComplete)))
  const duration = at(schedule.duration)
  const actualDuration = Math.round((duration * percent) / 100)
  const baseline = trackingBaselineOf(plan, taskIndex, view.baselineNumber)
  switch (key) {
    case 'actualStart':
      return task.actualStart === null ? (schedule.isSummary[taskIndex] === 1 && percent > 0 ? cellDate(at(schedule.start)) : '') : dateShowDay(task.actualStart.slice(0, 10))
    case 'actualFinish':
      return task.actualFinish === null ? (schedule.isSummary[taskIndex] === 1 && percent >= 100 ? cellDate(at(schedule.finish)) : '') : dateShowDay(task.actualFinish.slice(0, 10))
    case 'actualDuration':
      return durationFormat(actualDuration, 'd', settings)
    case 'remainingDuration':
      return durationFormat(Math.max(0, duration - actualDuration), 'd', settings)
    case 'actualWork':
      return workFormat(trackingOf(plan, schedule).actualWork[taskIndex] ?? 0)
    case 'remainingWork':
      return workFormat(Math.max(0, at(schedule.work) - (trackingOf(plan, schedule).actualWork[taskIndex] ?? 0)))
    case 'baselineStart':
      return baseline?.start == null ? '' : dateShowDay(baseline.start.slice(0, 10))
    case 'baselineFinish':
      return baseline?.finish == null ? '' : dateShowDay(baseline.finish.slice(0, 10))
    case 'baselineDuration':
      return baseline?.duration === null || baseline === null ? '' : durationFormat(baseline.duration, 'd', settings)
    case 'baselineWork':
      return baseline?.work === null || baseline === null ? '' : workFormat(baseline.work)
    case 'baselineCost':
      return baseline?.cost === null || baseline === null ? '' : trackingMoneyText(baseline.cost)
    case 'startVariance':
      return trackingDaysText(trackingDateVariance(plan, schedule, taskIndex, view.baselineNumber, 'start'), plan)
    case 'finishVariance':
      return trackingDaysText(trackingDateVariance(plan, schedule, taskIndex, view.baselineNumber, 'finish'), plan)
    case 'durationVariance':
      return baseline?.duration === null || baseline === null ? '' : trackingDaysText(duration - baseline.duration, plan)
    case 'workVariance': {
      if (baseline?.work === null || baseline === null) return ''
      const variance = at(schedule.work) - baseline.work
      return `${variance > 0 ? '+' : ''}${workFormat(variance)}`
    }
    case 'costVariance':
      return baseline?.cost === null || baseline === null ? '' : trackingMoneyText(at(trackingOf(plan, schedule).costs.cost) - baseline.cost)
    case 'cost':
      return trackingMoneyText(at(trackingOf(plan, schedule).costs.cost))
    case 'fixedCost':
      return trackingMoneyText(task.fixedCost)
    case 'actualCost':
      return trackingMoneyText(at(trackingOf(plan, schedule).costs.actualCost))
    case 'remainingCost':
      return trackingMoneyText(at(trackingOf(plan, schedule).costs.remainingCost))
    default: {
      const figures = earnedValueOfTask(trackingOf(plan, schedule).value, taskIndex)
      switch (key) {
        case 'bcws':
          return trackingMoneyText(figures.pv)
        case 'bcwp':
          return trackingMoneyText(figures.ev)
        case 'acwp':
          return trackingMoneyText(figures.ac)
        case 'sv':
          return trackingMoneyText(figures.sv)
        case 'cv':
          return trackingMoneyText(figures.cv)
        case 'spi':
          return trackingIndexText(figures.spi)
        case 'cpi':
          return trackingIndexText(figures.cpi)
        case 'bac':
          return trackingMoneyText(figures.bac)
        case 'eac':
          return trackingMoneyText(figures.eac)
        case 'vac':
          return trackingMoneyText(figures.vac)
        default:
          return ''
      }
    }
  }
}
