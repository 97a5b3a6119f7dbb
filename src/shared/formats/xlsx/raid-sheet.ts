/**
 * The "RAID" sheet of the plan workbook: one row per RAID log item, risks first, then assumptions, issues and
 * dependencies, each in code order; real Excel dates, numbers for the ratings and the score, Yes/No for open and
 * overdue, the linked tasks by their row ID and name.
 */
import { dateToWallMinutes } from '../../domain/dates'
import type { IsoDate, Plan, TaskId } from '../../domain/model'
import {
  raidIsOverdue,
  raidItemCode,
  raidKindNames,
  raidQueryAll,
  raidQueryRun,
  raidRiskScore,
  raidStatusText,
} from '../../domain/raid'
import type { RaidItem } from '../../domain/raid-model'
import type { XlsxCell, XlsxRow, XlsxSheet, XlsxStyle } from './spec'

export const xlsxRaidSheetName = 'RAID'

/** Column titles of the RAID sheet, in order (the overdue column names the day it is measured on). */
export function xlsxRaidHeaders(today: IsoDate): string[] {
  return [
    'Code',
    'Type',
    'Title',
    'Status',
    'Owner',
    'Due / needed by',
    `Overdue on ${today}`,
    'Probability (1-5)',
    'Impact (1-5)',
    'Score',
    'Strategy / priority',
    'Who delivers it',
    'Mitigation / resolution',
    'Trigger',
    'Description',
    'Linked tasks (ID name)',
    'Raised on',
    'Risk / issue',
  ]
}

const header: XlsxStyle = { isBold: true, fill: 'D9E1F2', vertical: 'middle', isWrapped: true }
const day: XlsxStyle = { numFmt: 'yyyy-mm-dd' }
const wrapped: XlsxStyle = { isWrapped: true, vertical: 'top' }
const overdue: XlsxStyle = { isBold: true, fontColor: 'C00000' }

const text = (value: string, style?: XlsxStyle): XlsxCell | null =>
  value === '' ? null : style === undefined ? { type: 'string', value } : { type: 'string', value, style }
const number = (value: number): XlsxCell => ({ type: 'number', value })
const date = (value: IsoDate | null): XlsxCell | null =>
  value === null ? null : { type: 'date', value: dateToWallMinutes(value), style: day }
const yesNo = (value: boolean, style?: XlsxStyle): XlsxCell =>
  style === undefined
    ? { type: 'string', value: value ? 'Yes' : 'No' }
    : { type: 'string', value: value ? 'Yes' : 'No', style }

/** The other end of a risk-to-issue link, as a code ("I7"). */
function relatedCode(item: RaidItem, byId: ReadonlyMap<number, RaidItem>): string {
  const otherId = item.kind === 'risk' ? item.issueId : item.kind === 'issue' ? item.riskId : null
  const other = otherId === null ? undefined : byId.get(otherId)
  return other === undefined ? '' : raidItemCode(other)
}

/**
 * The RAID sheet of `plan`; `today` (`YYYY-MM-DD`) decides which open items are overdue. Linked tasks are written as
 * "7 Go live" (the row ID of the Schedule sheet and the name), separated by semicolons.
 */
export function xlsxRaidSheet(plan: Plan, today: IsoDate): XlsxSheet {
  const rowOf = new Map<TaskId, number>()
  plan.tasks.forEach((task, index) => rowOf.set(task.id, index))
  const byId = new Map(plan.raid.map((item) => [item.id, item]))
  const items = raidQueryRun(plan.raid, raidQueryAll, { key: 'code', direction: 'ascending' }, today)
  const rows: XlsxRow[] = [{ cells: xlsxRaidHeaders(today).map((title) => text(title, header)), height: 32 }]
  for (const item of items) {
    const linked = item.taskIds
      .map((id) => {
        const index = rowOf.get(id)
        const task = index === undefined ? undefined : plan.tasks[index]
        return index === undefined || task === undefined ? null : `${index + 1} ${task.name}`.trim()
      })
      .filter((value): value is string => value !== null)
      .join('; ')
    const isOverdue = raidIsOverdue(item, today)
    rows.push({
      cells: [
        text(raidItemCode(item)),
        text(raidKindNames[item.kind].one.replace(/^./, (letter) => letter.toUpperCase())),
        text(item.title, wrapped),
        text(raidStatusText(item.status)),
        text(item.owner),
        date(item.dueDate),
        yesNo(isOverdue, isOverdue ? overdue : undefined),
        item.kind === 'risk' ? number(item.probability) : null,
        item.kind === 'risk' ? number(item.impact) : null,
        item.kind === 'risk' ? number(raidRiskScore(item)) : null,
        item.kind === 'risk' ? text(item.strategy) : item.kind === 'issue' ? text(item.priority) : null,
        item.kind === 'dependency' ? text(item.party) : null,
        item.kind === 'risk'
          ? text(item.mitigation, wrapped)
          : item.kind === 'issue'
            ? text(item.resolution, wrapped)
            : null,
        item.kind === 'risk' ? text(item.trigger, wrapped) : null,
        text(item.description, wrapped),
        text(linked, wrapped),
        date(item.raisedOn),
        text(relatedCode(item, byId)),
      ],
    })
  }
  // No column is 9 wide: ExcelJS takes 9 for its default width and writes no width for it.
  const columns = [6, 10, 30, 11, 13, 10.5, 8, 6, 6, 5, 9.5, 13, 28, 16, 28, 20, 10.5, 6]
  return {
    name: xlsxRaidSheetName,
    columns: columns.map((width) => ({ width })),
    rows,
    frozen: { rows: 1, columns: 3 },
    autoFilter: { fromRow: 0, fromColumn: 0, toRow: items.length, toColumn: columns.length - 1 },
  }
}
