import type { XlsxColumn } from './spec'

/**
 * Column widths (Excel's characters) at least wide enough for their bold headers and the autofilter button beside
 * them, so no header is cut ("Duration (d", "Total slack (dCritical").
 */
export function xlsxFitHeaders(widths: readonly number[], titles: readonly string[], hasFilter: boolean): XlsxColumn[] {
  return widths.map((width, index) => {
    const title = titles[index] ?? ''
    // Bold text is about a tenth wider than Excel's width unit (the normal font's digit); the filter button takes
    // about two characters.
    const needed = Math.ceil(title.length * 1.1) + (hasFilter ? 3 : 1)
    return { width: Math.max(width, needed) }
  })
}
