/** The paper sizes Gantry prints on, as a select: the Gantt's page setup and the status report's PDF. */
import type { SelectHTMLAttributes } from 'react'
import { printPaperKeys, printPapers, type PrintPaper } from '../../../../shared/print/page-setup'

export function PaperSelect({
  value,
  onPaper,
  ...attributes
}: { value: PrintPaper; onPaper(paper: PrintPaper): void } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>) {
  return (
    <select
      {...attributes}
      value={value}
      onChange={(event) => {
        const paper = printPaperKeys.find((key) => key === event.target.value)
        if (paper !== undefined) onPaper(paper)
      }}
    >
      {printPaperKeys.map((key) => (
        <option key={key} value={key}>
          {printPapers[key].name}
        </option>
      ))}
    </select>
  )
}
