import type { WallMinutes } from '../../domain/model'

/**
 * A workbook described as plain data: what `xlsxRender` turns into an .xlsx file with exceljs.
 *
 * Building the description is pure and testable; only the renderer touches exceljs. Rows and columns are
 * 0-based in this description (the renderer adds 1 for Excel); `XlsxRange` is 0-based and inclusive.
 */

/** An RGB colour, `RRGGBB` (no `#`). */
export type XlsxColor = string

/**
 * How a cell looks. Style objects are shared by reference between cells so the renderer can convert each
 * one once; build them once per workbook, not once per cell.
 */
export type XlsxStyle = {
  /** An Excel number format, e.g. `yyyy-mm-dd hh:mm` or `0%`. */
  numFmt?: string
  isBold?: boolean
  fontColor?: XlsxColor
  /** A solid background fill. */
  fill?: XlsxColor
  horizontal?: 'left' | 'center' | 'right'
  vertical?: 'top' | 'middle' | 'bottom'
  /** Degrees, 90 = text written upwards (for narrow timeline headers). */
  textRotation?: number
  /** Indent in Excel's indent steps (used for outline names). */
  indent?: number
  isWrapped?: boolean
}

/**
 * A cell with a typed value. Strings are always written as text, never as formulas (text starting with
 * `=`, `+`, `-` or `@` stays text). Dates are wall-clock minutes (see `dates.ts`), written as real Excel dates.
 * `empty` is a cell with a style but no value (a Gantt bar).
 */
export type XlsxCell =
  | { type: 'string'; value: string; style?: XlsxStyle }
  | { type: 'number'; value: number; style?: XlsxStyle }
  | { type: 'date'; value: WallMinutes; style?: XlsxStyle }
  | { type: 'boolean'; value: boolean; style?: XlsxStyle }
  | { type: 'empty'; style: XlsxStyle }

/** The same cell repeated over columns `from..to` (0-based, inclusive) of one row: a Gantt bar. */
export type XlsxSpan = { from: number; to: number; cell: XlsxCell }

export type XlsxRow = {
  /** Cells from column 0; `null` leaves a cell out. */
  cells: (XlsxCell | null)[]
  /** Runs of identical cells written after `cells`; they may overlap `cells` (the span wins). */
  spans?: XlsxSpan[]
  /** Excel outline (grouping) level, 0 = not grouped; at most 7. */
  outlineLevel?: number
  /** The row is hidden when the file opens (inside a collapsed group); expanding the group in Excel shows it. */
  isHidden?: boolean
  /**
   * The group of rows this row carries the outline button of is collapsed. With `hasSummaryAbove` that is the
   * group right below the row (a collapsed summary task); its rows should be `isHidden`.
   */
  isCollapsed?: boolean
  /** Row height in points (Excel's default is 15). */
  height?: number
}

export type XlsxColumn = {
  /** Width in characters, as Excel measures it. */
  width: number
  /** A style for the whole column, which Excel shows on empty cells too (non-working days). */
  style?: XlsxStyle
}

/** 0-based, inclusive. */
export type XlsxRange = { fromRow: number; fromColumn: number; toRow: number; toColumn: number }

/**
 * How a sheet prints (Excel's Page Setup). Header and footer texts use Excel's codes: `&L`, `&C`, `&R` start the
 * left, centre and right parts, `&P` is the page number, `&N` the number of pages, `&A` the sheet name, `&&` an
 * ampersand.
 */
export type XlsxPrintSetup = {
  orientation: 'portrait' | 'landscape'
  /** Scale so the sheet is this many pages wide (Excel's "Fit to N pages wide"). */
  fitToWidth: number
  /** Pages tall, 0 = as many as the rows need. */
  fitToHeight: number
  /** Rows printed at the top of every page (Excel's print titles), 0-based and inclusive. */
  repeatRows?: { from: number; to: number }
  /** Columns printed at the left of every page, 0-based and inclusive. */
  repeatColumns?: { from: number; to: number }
  header?: string
  footer?: string
}

export type XlsxSheet = {
  /** At most 31 characters, none of `\ / ? * [ ] :`. */
  name: string
  columns: XlsxColumn[]
  rows: XlsxRow[]
  /** Rows and columns frozen at the top and left. */
  frozen?: { rows: number; columns: number }
  autoFilter?: XlsxRange
  /**
   * Put the outline buttons above grouped rows (summary rows come first, as in a plan) instead of below,
   * so a summary collapses its children in Excel.
   */
  hasSummaryAbove?: boolean
  print?: XlsxPrintSetup
  /** Cell ranges shown as one cell (a paragraph across a page); the value is the range's top-left cell's. */
  merges?: XlsxRange[]
}

export type XlsxWorkbook = {
  sheets: XlsxSheet[]
  /** Shown in the file's properties. */
  title?: string
  creator?: string
  /** File creation time written in the properties, wall-clock minutes. */
  created?: WallMinutes
}
