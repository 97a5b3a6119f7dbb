/**
 * The Gantt view's column layout (widths, hidden columns, the grid pane's width), remembered across sessions in
 * the renderer's local storage, like the other view settings of a desktop planner. Whatever is stored is checked
 * field by field: a value that is missing, of the wrong kind or out of range falls back to its default, so a
 * damaged entry can never hide the name column or make a column unusably narrow.
 */
import { columnDefs, columnKeys, type ColumnKey } from './cells'

export type ColumnLayout = { widths: Record<ColumnKey, number>; hidden: ColumnKey[]; gridWidth: number }

export const columnWidthMin = 32
export const columnWidthMax = 800
export const gridWidthMin = 160
export const gridWidthMax = 1400
/**
 * The grid pane's width at first: ID, indicators, mode, WBS, name, duration and start, leaving the chart more than
 * 40 % of the workspace at 1440 x 900 (issue 15). Version 2 of the stored layout starts again from it (and from the
 * new Indicators and Leveling delay columns' defaults).
 */
const gridWidthDefault = 640
const storageKey = 'gantry.gantt.columns.v2'
const detailsKey = 'gantry.gantt.details.v1'

/** A column width in whole pixels within the allowed range. */
export function columnWidthClamp(width: number): number {
  return Math.round(Math.min(columnWidthMax, Math.max(columnWidthMin, width)))
}

export function columnLayoutDefault(): ColumnLayout {
  const widths = {} as Record<ColumnKey, number>
  for (const key of columnKeys) widths[key] = columnDefs[key].width
  return { widths, hidden: columnKeys.filter((key) => columnDefs[key].isHidden === true), gridWidth: gridWidthDefault }
}

function isWithin(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
}

/** The layout stored as `text` (JSON), with defaults for whatever is missing or invalid. */
export function columnLayoutParse(text: string | null): ColumnLayout {
  const layout = columnLayoutDefault()
  if (text === null) return layout
  let stored: unknown
  try {
    stored = JSON.parse(text)
  } catch {
    return layout
  }
  if (typeof stored !== 'object' || stored === null) return layout
  const { widths, hidden, gridWidth } = stored as Record<string, unknown>
  if (typeof widths === 'object' && widths !== null) {
    for (const key of columnKeys) {
      const width = (widths as Record<string, unknown>)[key]
      if (isWithin(width, columnWidthMin, columnWidthMax)) layout.widths[key] = Math.round(width)
    }
  }
  if (Array.isArray(hidden)) {
    // The name column cannot be hidden. A column the stored layout does not know yet (added in a later version: it
    // has no stored width) keeps its default.
    const isKnown = (key: ColumnKey): boolean => typeof widths === 'object' && widths !== null && key in widths
    layout.hidden = columnKeys.filter((key) => key !== 'name' && (hidden.includes(key) || (!isKnown(key) && columnDefs[key].isHidden === true)))
  }
  if (isWithin(gridWidth, gridWidthMin, gridWidthMax)) layout.gridWidth = Math.round(gridWidth)
  return layout
}

/** The remembered layout, or the defaults when storage cannot be read. */
export function columnLayoutLoad(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): ColumnLayout {
  try {
    return columnLayoutParse(storage?.getItem(storageKey) ?? null)
  } catch {
    return columnLayoutDefault()
  }
}

/** Remembers the layout; a full or unavailable storage only means it is not remembered. */
export function columnLayoutSave(layout: ColumnLayout, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(storageKey, JSON.stringify(layout))
  } catch {
    // Not remembered; the view works the same.
  }
}

/** Whether the task details are shown under the chart (they open on demand: hidden until asked for). */
export function detailsShownLoad(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): boolean {
  try {
    return storage?.getItem(detailsKey) === 'shown'
  } catch {
    return false
  }
}

/** Remembers whether the task details are shown. */
export function detailsShownSave(isShown: boolean, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(detailsKey, isShown ? 'shown' : 'hidden')
  } catch {
    // Not remembered; the view works the same.
  }
}
