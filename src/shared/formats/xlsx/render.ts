import type { XlsxCell, XlsxPrintSetup, XlsxStyle, XlsxWorkbook } from './spec'

/*
 * The one place that turns a workbook description into an .xlsx file. It receives the ExcelJS module as a
 * parameter so src/shared never imports exceljs: main passes `import ExcelJS from 'exceljs'`, the browser
 * build passes its own bundle. The types below are the small part of ExcelJS this adapter uses.
 */

/** The part of an ExcelJS cell the renderer writes. */
export type ExcelCellLike = { value: unknown; style: unknown }
export type ExcelRowLike = {
  getCell(column: number): ExcelCellLike
  outlineLevel?: number
  height?: number
  hidden?: boolean
  /** Read-only in ExcelJS (see `setCollapsed`). */
  readonly collapsed?: boolean
  commit?(): void
}
export type ExcelColumnLike = { width?: number; style: unknown }
export type ExcelWorksheetLike = {
  getRow(row: number): ExcelRowLike
  getColumn(column: number): ExcelColumnLike
  autoFilter?: unknown
  /** 1-based, inclusive. */
  mergeCells(top: number, left: number, bottom: number, right: number): void
  commit?(): void
}
type ExcelWorkbookCommon = {
  creator: string
  title: string
  created: Date
  modified: Date
  addWorksheet(name: string, options?: { views?: unknown[]; properties?: unknown; pageSetup?: unknown; headerFooter?: unknown }): ExcelWorksheetLike
}
/** Options of the in-memory writer: `zip` goes to its zip library (JSZip) as generation options. */
export type ExcelWriteBufferOptions = { zip?: { compression?: 'DEFLATE' | 'STORE'; compressionOptions?: { level: number } } }
/** The in-memory workbook (available everywhere, including the browser build). */
export type ExcelWorkbookLike = ExcelWorkbookCommon & { xlsx: { writeBuffer(options?: ExcelWriteBufferOptions): Promise<ArrayBuffer | Uint8Array> } }
/**
 * ExcelJS's streaming workbook writer (Node builds only). Rows are turned into XML as they are committed, which
 * halves the time and the memory of a large export. Without a `stream` option it collects the file in an internal
 * buffer, read after `commit()` (see `streamedBytes`).
 */
export type ExcelStreamWorkbookLike = ExcelWorkbookCommon & { commit(): Promise<void> }
export type ExcelStreamWriterOptions = { useStyles: boolean; useSharedStrings: boolean; zip?: { zlib?: { level?: number } } }
/** The ExcelJS module (or namespace) as far as this adapter needs it; `stream` is absent from the browser bundle. */
export type ExcelJsLike = {
  Workbook: new () => ExcelWorkbookLike
  stream?: { xlsx: { WorkbookWriter: new (options: ExcelStreamWriterOptions) => ExcelStreamWorkbookLike } }
}

export type XlsxRenderOptions = {
  /** Use the streaming writer when the ExcelJS build has one (default true). */
  isStreaming?: boolean
}

/** The bytes a streaming workbook collected in its internal buffer (ExcelJS's typings do not declare it). */
function streamedBytes(book: ExcelStreamWorkbookLike): Uint8Array {
  const buffer = (book as unknown as { stream?: { read?: () => unknown } }).stream
  const bytes = typeof buffer?.read === 'function' ? buffer.read() : null
  if (!(bytes instanceof Uint8Array)) throw new Error('The Excel writer produced no file.')
  return bytes
}

type ExcelStyle = {
  numFmt?: string
  font?: { bold?: boolean; color?: { argb: string } }
  fill?: { type: 'pattern'; pattern: 'solid'; fgColor: { argb: string } }
  alignment?: {
    horizontal?: string
    vertical?: string
    textRotation?: number
    indent?: number
    wrapText?: boolean
  }
}

function excelStyle(style: XlsxStyle): ExcelStyle {
  const result: ExcelStyle = {}
  if (style.numFmt !== undefined) result.numFmt = style.numFmt
  if (style.isBold === true || style.fontColor !== undefined) {
    result.font = {}
    if (style.isBold === true) result.font.bold = true
    if (style.fontColor !== undefined) result.font.color = { argb: `FF${style.fontColor}` }
  }
  if (style.fill !== undefined) result.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${style.fill}` } }
  if (
    style.horizontal !== undefined ||
    style.vertical !== undefined ||
    style.textRotation !== undefined ||
    style.indent !== undefined ||
    style.isWrapped === true
  ) {
    result.alignment = {}
    if (style.horizontal !== undefined) result.alignment.horizontal = style.horizontal
    if (style.vertical !== undefined) result.alignment.vertical = style.vertical
    if (style.textRotation !== undefined) result.alignment.textRotation = style.textRotation
    if (style.indent !== undefined && style.indent > 0) result.alignment.indent = style.indent
    if (style.isWrapped === true) result.alignment.wrapText = true
  }
  return result
}

/**
 * Sets the `collapsed` flag ExcelJS writes on a row. ExcelJS (4.4) has no setter: its getter guesses the flag from the
 * sheet (every row at the sheet's deepest outline level), which marks detail rows and never a summary at level 0.
 * An own property on the row shadows that getter, so the flag is exactly the description's.
 */
function setCollapsed(target: ExcelRowLike, isCollapsed: boolean): void {
  Object.defineProperty(target, 'collapsed', { value: isCollapsed, configurable: true, enumerable: false, writable: true })
}

/** Excel's letters of a 0-based column index (0 = A, 26 = AA). */
export function xlsxColumnLetters(index: number): string {
  let letters = ''
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters
  return letters
}

/** ExcelJS's page setup and header/footer options for a sheet's print setup. */
function excelPrintOptions(print: XlsxPrintSetup): { pageSetup: Record<string, unknown>; headerFooter: Record<string, unknown> } {
  const pageSetup: Record<string, unknown> = {
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: print.fitToWidth,
    fitToHeight: print.fitToHeight,
    // Narrow margins (inches), with room for the header and footer.
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
  }
  if (print.repeatRows !== undefined) pageSetup.printTitlesRow = `${print.repeatRows.from + 1}:${print.repeatRows.to + 1}`
  if (print.repeatColumns !== undefined)
    pageSetup.printTitlesColumn = `${xlsxColumnLetters(print.repeatColumns.from)}:${xlsxColumnLetters(print.repeatColumns.to)}`
  const headerFooter: Record<string, unknown> = {}
  if (print.header !== undefined) headerFooter.oddHeader = print.header
  if (print.footer !== undefined) headerFooter.oddFooter = print.footer
  return { pageSetup, headerFooter }
}

/** A wall-clock minute as the JavaScript Date ExcelJS converts to an Excel serial (it reads the UTC fields). */
function excelDate(minutes: number): Date {
  return new Date(minutes * 60000)
}

/** XML 1.0 cannot hold most control characters; Excel refuses a file that contains them. */
// eslint-disable-next-line no-control-regex
const xmlIllegal = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

/**
 * Text as it is written to a cell: XML-illegal characters dropped, line ends written as Excel's own line break (LF;
 * a raw CR would silently turn into LF when the file is read anyway), at most Excel's 32,767 characters.
 */
export function xlsxCellText(text: string): string {
  const clean = text.replace(xmlIllegal, '').replace(/\r\n?/g, '\n')
  return clean.length > 32767 ? clean.slice(0, 32767) : clean
}

/**
 * Renders a workbook description with ExcelJS and returns the .xlsx bytes. Uses ExcelJS's streaming writer when the
 * module has one (Node, Electron main) and the in-memory workbook otherwise (browser); both get the same cells.
 * Strings are written as shared-string text cells (`t="s"`), never as formulas.
 */
export async function xlsxRender(workbook: XlsxWorkbook, excel: ExcelJsLike, options: XlsxRenderOptions = {}): Promise<Uint8Array> {
  const Writer = options.isStreaming === false ? undefined : excel.stream?.xlsx.WorkbookWriter
  const streaming = Writer === undefined ? null : new Writer({ useStyles: true, useSharedStrings: true })
  const book: ExcelWorkbookCommon = streaming ?? new excel.Workbook()
  book.creator = workbook.creator ?? 'Gantry'
  book.title = workbook.title ?? ''
  const created = workbook.created === undefined ? new Date(0) : excelDate(workbook.created)
  book.created = created
  book.modified = created
  const styles = new Map<XlsxStyle, ExcelStyle>()
  const styleOf = (style: XlsxStyle): ExcelStyle => {
    let converted = styles.get(style)
    if (converted === undefined) {
      converted = excelStyle(style)
      styles.set(style, converted)
    }
    return converted
  }
  const plainStyle: ExcelStyle = {}
  const write = (target: ExcelCellLike, cell: XlsxCell): void => {
    switch (cell.type) {
      case 'string':
        // A plain JavaScript string is always a text cell in ExcelJS; only { formula } objects are formulas.
        target.value = xlsxCellText(cell.value)
        break
      case 'number':
        target.value = Number.isFinite(cell.value) ? cell.value : null
        break
      case 'date':
        target.value = Number.isFinite(cell.value) ? excelDate(cell.value) : null
        break
      case 'boolean':
        target.value = cell.value
        break
      case 'empty':
        break
    }
    // ExcelJS caches style ids by style object; a shared empty style saves it serialising a fresh one per plain cell.
    target.style = cell.style === undefined ? plainStyle : styleOf(cell.style)
  }

  for (const sheet of workbook.sheets) {
    const views: unknown[] = []
    if (sheet.frozen !== undefined && (sheet.frozen.rows > 0 || sheet.frozen.columns > 0)) {
      views.push({ state: 'frozen', xSplit: sheet.frozen.columns, ySplit: sheet.frozen.rows })
    }
    const maxLevel = sheet.rows.reduce((max, row) => Math.max(max, row.outlineLevel ?? 0), 0)
    const properties: Record<string, unknown> = {}
    if (sheet.hasSummaryAbove === true) properties.outlineProperties = { summaryBelow: false, summaryRight: false }
    if (maxLevel > 0) properties.outlineLevelRow = Math.min(7, maxLevel)
    const worksheet = book.addWorksheet(sheet.name, { views, properties, ...(sheet.print === undefined ? {} : excelPrintOptions(sheet.print)) })
    sheet.columns.forEach((column, index) => {
      const target = worksheet.getColumn(index + 1)
      target.width = column.width
      if (column.style !== undefined) target.style = styleOf(column.style)
    })
    // The streaming writer writes the autofilter when the sheet is committed, so set it before the rows.
    if (sheet.autoFilter !== undefined) {
      const range = sheet.autoFilter
      worksheet.autoFilter = {
        from: { row: range.fromRow + 1, column: range.fromColumn + 1 },
        to: { row: range.toRow + 1, column: range.toColumn + 1 },
      }
    }
    // Before the rows: the streaming writer marks the merged cells, which it can no longer do once a row is committed.
    for (const range of sheet.merges ?? [])
      worksheet.mergeCells(range.fromRow + 1, range.fromColumn + 1, range.toRow + 1, range.toColumn + 1)
    sheet.rows.forEach((row, rowIndex) => {
      const target = worksheet.getRow(rowIndex + 1)
      if (row.outlineLevel !== undefined && row.outlineLevel > 0) target.outlineLevel = Math.min(7, row.outlineLevel)
      if (row.height !== undefined) target.height = row.height
      if (row.isHidden === true) target.hidden = true
      // On a sheet without outline levels ExcelJS's guess is always "not collapsed", so only grouped sheets need it.
      if (maxLevel > 0 || row.isCollapsed === true) setCollapsed(target, row.isCollapsed === true)
      row.cells.forEach((cell, columnIndex) => {
        if (cell !== null) write(target.getCell(columnIndex + 1), cell)
      })
      for (const span of row.spans ?? []) {
        for (let column = span.from; column <= span.to; column++) write(target.getCell(column + 1), span.cell)
      }
      if (streaming !== null) target.commit?.()
    })
    if (streaming !== null) worksheet.commit?.()
  }
  if (streaming !== null) {
    await streaming.commit()
    return streamedBytes(streaming)
  }
  // The in-memory writer zips with JSZip's JavaScript deflate (the browser build has no zlib): at its default level 6
  // that took a fifth of a 10,000-task export in the page; level 1 halves it for a file about a tenth larger.
  const bytes = await (book as ExcelWorkbookLike).xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } })
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)
}
