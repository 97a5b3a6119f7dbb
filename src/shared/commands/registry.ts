/**
 * Every plan edit Gantry has, by id. The grid, the details panel, the chart, the menus, the toolbar, the settings
 * and the resource views run these through the store's one run path (`editorRun`), and the key table
 * (`keys.ts`) names them, so an edit is defined once whichever way the user reaches it.
 */
import { linkAddCommand, linkChain, linkRemove, linkUnlinkSelected } from './links'
import { settingsSetNewTaskMode, taskRespectLinks, taskScheduleAutomatically, taskScheduleManually, taskSetMode } from './manual'
import { taskCollapse, taskDelete, taskExpand, taskIndent, taskInsert, taskMoveDown, taskMoveUp, taskOutdent, taskPaste } from './outline'
import {
  assignmentRemove,
  assignmentSetCommand,
  resourceAdd,
  resourceClearLeveling,
  resourceLevel,
  resourceRemove,
  resourceSetField,
  suggestionApplyCommand,
} from './resources'
import { raidAdd, raidDelete, raidRiskToIssueCommand, raidUpdate } from './raid'
import { settingsSetHealthThresholds, statusReportDelete, statusReportSave } from './health'
import {
  resourceCalendarAddException,
  resourceCalendarCreate,
  resourceCalendarRemove,
  resourceCalendarRemoveException,
  resourceCalendarSetDay,
  resourceCalendarSetWeek,
} from './resource-calendars'
import { calendarAddException, calendarRemoveException, calendarSetHours, calendarSetWorkingDay, projectSetStart, settingsSetNumber } from './settings'
import {
  taskMoveByWorkingDays,
  taskRename,
  taskResize,
  taskSetComplete,
  taskSetConstraint,
  taskSetConstraintDate,
  taskSetDuration,
  taskSetFinish,
  taskSetLevelingDelay,
  taskSetMilestone,
  taskSetPredecessors,
  taskSetPriority,
  taskSetResources,
  taskSetStart,
  taskSetText,
} from './tasks'
import {
  planSetBudget,
  planSetCurrency,
  resourceSetCostAccrual,
  resourceSetCostPerUse,
  resourceSetOvertimeRate,
  resourceSetStandardRate,
  taskSetBudget,
  taskSetFixedCost,
  taskSetFixedCostAccrual,
} from './cost'
import { resourceSetMaterialLabel, resourceSetType } from './resource-type'
import { settingsSetEarnedValueBaseline, settingsSetEarnedValueMethod, settingsSetMoveRemaining } from './tracking-settings'
import { baselineClear, baselineSet, projectSetStatusDate, taskMarkOnTrack, taskSetProgress } from './tracking'
import type { Command, CommandDone } from './types'
import { assignmentSetUnits, assignmentSetWork, taskSetEffortDriven, taskSetIgnoresResourceCalendars, taskSetType, taskSetWork } from './work'

export const commandRegistry = {
  'task/insert': taskInsert,
  'task/delete': taskDelete,
  'task/indent': taskIndent,
  'task/outdent': taskOutdent,
  'task/move-up': taskMoveUp,
  'task/move-down': taskMoveDown,
  'task/collapse': taskCollapse,
  'task/expand': taskExpand,
  'task/paste': taskPaste,
  'task/rename': taskRename,
  'task/set-duration': taskSetDuration,
  'task/resize': taskResize,
  'task/set-start': taskSetStart,
  'task/set-finish': taskSetFinish,
  'task/set-predecessors': taskSetPredecessors,
  'task/set-resources': taskSetResources,
  'task/set-complete': taskSetComplete,
  'task/set-priority': taskSetPriority,
  'task/set-text': taskSetText,
  'task/set-constraint': taskSetConstraint,
  'task/set-constraint-date': taskSetConstraintDate,
  'task/set-milestone': taskSetMilestone,
  'task/set-leveling-delay': taskSetLevelingDelay,
  'task/move-by-working-days': taskMoveByWorkingDays,
  'task/set-work': taskSetWork,
  'task/set-type': taskSetType,
  'task/set-effort-driven': taskSetEffortDriven,
  'task/set-ignores-resource-calendars': taskSetIgnoresResourceCalendars,
  'task/set-mode': taskSetMode,
  'task/schedule-manually': taskScheduleManually,
  'task/schedule-automatically': taskScheduleAutomatically,
  'task/respect-links': taskRespectLinks,
  'link/add': linkAddCommand,
  'link/chain': linkChain,
  'link/unlink-selected': linkUnlinkSelected,
  'link/remove': linkRemove,
  'resource/add': resourceAdd,
  'resource/set-field': resourceSetField,
  'resource/remove': resourceRemove,
  'assignment/set': assignmentSetCommand,
  'assignment/remove': assignmentRemove,
  'assignment/set-units': assignmentSetUnits,
  'assignment/set-work': assignmentSetWork,
  'resource/calendar-create': resourceCalendarCreate,
  'resource/calendar-set-day': resourceCalendarSetDay,
  'resource/calendar-set-week': resourceCalendarSetWeek,
  'resource/calendar-add-exception': resourceCalendarAddException,
  'resource/calendar-remove-exception': resourceCalendarRemoveException,
  'resource/calendar-remove': resourceCalendarRemove,
  'resource/level': resourceLevel,
  'resource/clear-leveling': resourceClearLeveling,
  'suggestion/apply': suggestionApplyCommand,
  'project/set-start': projectSetStart,
  'settings/set-number': settingsSetNumber,
  'settings/set-new-task-mode': settingsSetNewTaskMode,
  'calendar/set-working-day': calendarSetWorkingDay,
  'calendar/set-hours': calendarSetHours,
  'calendar/add-exception': calendarAddException,
  'calendar/remove-exception': calendarRemoveException,
  'raid/add': raidAdd,
  'raid/update': raidUpdate,
  'raid/delete': raidDelete,
  'raid/risk-to-issue': raidRiskToIssueCommand,
  'settings/set-health-thresholds': settingsSetHealthThresholds,
  'report/save': statusReportSave,
  'report/delete': statusReportDelete,
  'resource/set-standard-rate': resourceSetStandardRate,
  'resource/set-overtime-rate': resourceSetOvertimeRate,
  'resource/set-cost-per-use': resourceSetCostPerUse,
  'resource/set-cost-accrual': resourceSetCostAccrual,
  'task/set-fixed-cost': taskSetFixedCost,
  'task/set-fixed-cost-accrual': taskSetFixedCostAccrual,
  'task/set-budget': taskSetBudget,
  'plan/set-budget': planSetBudget,
  'plan/set-currency': planSetCurrency,
  'resource/set-type': resourceSetType,
  'resource/set-material-label': resourceSetMaterialLabel,
  'settings/set-earned-value-baseline': settingsSetEarnedValueBaseline,
  'settings/set-earned-value-method': settingsSetEarnedValueMethod,
  'settings/set-move-remaining': settingsSetMoveRemaining,
  'baseline/set': baselineSet,
  'baseline/clear': baselineClear,
  'project/set-status-date': projectSetStatusDate,
  'task/set-progress': taskSetProgress,
  'task/mark-on-track': taskMarkOnTrack,
} as const satisfies Record<string, Command<never, unknown>>

export type CommandId = keyof typeof commandRegistry
type CommandOf<Id extends CommandId> = (typeof commandRegistry)[Id]
/** What command `Id` takes besides the plan and the context. */
export type CommandInput<Id extends CommandId> = Parameters<CommandOf<Id>['perform']>[1]
/** What command `Id` reports besides the new plan (a new task's id, a leveling summary…). */
export type CommandOutput<Id extends CommandId> = Extract<ReturnType<CommandOf<Id>['perform']>, CommandDone<unknown>>['value']

/**
 * The registry seen through each command's own input and output types, so a lookup by a generic id keeps them
 * (TypeScript's pattern for correlated unions).
 */
export const commandsById: { [Id in CommandId]: Command<CommandInput<Id>, CommandOutput<Id>> } = commandRegistry

/** Commands that can run on the selection alone (every field of their input is optional): menus and keys run them. */
export type SelectionCommandId = { [Id in CommandId]: object extends CommandInput<Id> ? Id : never }[CommandId]

/** Whether `id` names a command of the registry. */
export function commandIsId(id: string): id is CommandId {
  return Object.hasOwn(commandRegistry, id)
}

/** The command's label ("Indent", "Link tasks"). */
export function commandLabel(id: CommandId): string {
  return commandRegistry[id].label
}
