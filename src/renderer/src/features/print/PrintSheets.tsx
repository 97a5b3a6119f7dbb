/**
 * Every page of a print, one after the other, in a `.print-sheets` container: what the browser's print dialog
 * prints (the print stylesheet hides the rest of the app) and what the print window turns into a PDF.
 */
import type { PrintLayout } from '../../../../shared/print/page-setup'
import { PrintPage } from './PrintPage'
import type { PrintModel } from './print-model'
import './print.css'

export function PrintSheets({ model }: { model: PrintModel }) {
  return (
    <div className="print-sheets">
      {model.layout.pages.map((spec) => (
        <PrintPage key={spec.number} model={model} spec={spec} />
      ))}
    </div>
  )
}

/**
 * Sets the paper of the print (`@page` size, and a margin: none for the Gantt, whose pages draw their own; the status
 * report's text flows within it) for the browser's print dialog
 * and the PDF writer. A constructed stylesheet, because the app's Content-Security-Policy allows no inline styles.
 * @returns a function that removes it again
 */
export function printPageRuleApply(layout: Pick<PrintLayout, 'widthMm' | 'heightMm'>, marginMm = 0): () => void {
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(`@page { size: ${layout.widthMm}mm ${layout.heightMm}mm; margin: ${marginMm}mm; }`)
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((candidate) => candidate !== sheet)
  }
}
