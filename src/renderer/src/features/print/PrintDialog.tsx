/**
 * Print the Gantt chart: page setup on the left (paper, orientation, date range, scale or fit to pages wide,
 * columns, repeated titles, legend, header and footer, margins), a preview of the real pages on the right, and the
 * actions: Print… (the browser's or the desktop's print dialog, with the print stylesheet) and, in the desktop app,
 * Save as PDF… (main draws the same pages in a hidden window). A setup that cannot work says why (role=alert), marks
 * its field and disables printing until it is fixed; the last setup is remembered for the next print.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { dateLocalNow, dateWallText } from '../../../../shared/domain/dates'
import type { Plan } from '../../../../shared/domain/model'
import type { ScheduleResult } from '../../../../shared/domain/schedule-types'
import {
  printColumnKeys,
  printColumns,
  printLimits,
  printPaperText,
  printSetupDefault,
  printSetupSchema,
  type PrintColumnKey,
  type PrintField,
  type PrintLegend,
  type PrintSetup,
} from '../../../../shared/print/page-setup'
import { FieldError, fieldAria } from '../../ui/FieldError'
import { printModelBuild, type PrintModelResult } from './print-model'
import { PaperSelect } from './PaperSelect'
import { PrintPage } from './PrintPage'
import { PrintSheets, printPageRuleApply } from './PrintSheets'
import './print.css'
import './print-dialog.css'

const storageKey = 'gantry.print-setup'

/** The last setup used, checked field by field like everything read back (a broken entry gives the defaults). */
function setupRemembered(): PrintSetup {
  try {
    const parsed = printSetupSchema.safeParse(JSON.parse(localStorage.getItem(storageKey) ?? 'null'))
    // Dates belong to one plan; the rest is how this user likes to print.
    return parsed.success ? { ...parsed.data, from: '', to: '' } : printSetupDefault
  } catch {
    return printSetupDefault
  }
}

function setupRemember(setup: PrintSetup): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(setup))
  } catch {
    // Storage full or blocked: the next print starts from the defaults, nothing else is lost.
  }
}

/** The form's numbers as typed, so a half-typed value is never replaced under the cursor. */
type NumberTexts = { pagesWide: string; percent: string; marginMm: string }

function numbersOf(setup: PrintSetup): NumberTexts {
  return {
    pagesWide: setup.scale.mode === 'fit' ? String(setup.scale.pagesWide) : '1',
    percent: setup.scale.mode === 'percent' ? String(setup.scale.percent) : '100',
    marginMm: String(setup.marginMm),
  }
}

function numberOf(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text)
}

export type PrintDialogProps = {
  plan: Plan
  schedule: ScheduleResult | null
  /** The desktop app: offer Save as PDF… (main writes the file). */
  canSavePdf: boolean
  onSavePdf(setup: PrintSetup): Promise<void>
  onClose(): void
}

export function PrintDialog({ plan, schedule, canSavePdf, onSavePdf, onClose }: PrintDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const errorId = useId()
  const [base, setBase] = useState<PrintSetup>(setupRemembered)
  const [scaleMode, setScaleMode] = useState<'fit' | 'percent'>(base.scale.mode)
  const [numbers, setNumbers] = useState<NumberTexts>(() => numbersOf(base))
  const [pageIndex, setPageIndex] = useState(0)
  const [isPrinting, setPrinting] = useState(false)
  const [isSaving, setSaving] = useState(false)
  const now = useMemo(() => dateLocalNow(), [])

  const setup: PrintSetup = {
    ...base,
    scale:
      scaleMode === 'fit'
        ? { mode: 'fit', pagesWide: numberOf(numbers.pagesWide) }
        : { mode: 'percent', percent: numberOf(numbers.percent) },
    marginMm: numberOf(numbers.marginMm),
  }
  const setupKey = JSON.stringify(setup)
  const result: PrintModelResult | { ok: false; problem: { field: PrintField | null; message: string } } =
    useMemo(() => {
      if (schedule === null || !schedule.ok) {
        return {
          ok: false,
          problem: {
            field: null,
            message: `The plan cannot be printed until it can be scheduled: ${schedule?.ok === false ? (schedule.problems[0]?.message ?? '') : 'it is not scheduled yet.'}`,
          },
        }
      }
      return printModelBuild(plan, schedule.schedule, JSON.parse(setupKey) as PrintSetup, now)
    }, [plan, schedule, setupKey, now])
  const model = result.ok ? result.model : null
  const problem = result.ok ? null : result.problem
  const pageCount = model?.layout.pages.length ?? 0
  const shownPage = Math.min(pageIndex, Math.max(0, pageCount - 1))
  const fieldProblem = problem === null ? null : { field: problem.field ?? 'plan', message: problem.message }
  const aria = (field: PrintField) => fieldAria(fieldProblem, field, errorId)

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog !== null && !dialog.open) dialog.showModal()
    return () => {
      if (dialog?.open === true) dialog.close()
    }
  }, [])

  // Browser printing: the pages go into the document, the print stylesheet shows only them, the paper is set.
  useEffect(() => {
    if (!isPrinting || model === null) return
    const removeRule = printPageRuleApply(model.layout)
    const done = () => setPrinting(false)
    window.addEventListener('afterprint', done)
    const frame = requestAnimationFrame(() => {
      window.print()
      // Browsers that print without blocking send afterprint; those that block have printed by now.
      setTimeout(done, 0)
    })
    return () => {
      cancelAnimationFrame(frame)
      window.removeEventListener('afterprint', done)
      removeRule()
    }
  }, [isPrinting, model])

  const update = (change: Partial<PrintSetup>) => {
    setBase((current) => ({ ...current, ...change }))
    setPageIndex(0)
  }
  const setNumber = (key: keyof NumberTexts, text: string) => {
    setNumbers((current) => ({ ...current, [key]: text }))
    setPageIndex(0)
  }
  const toggleColumn = (key: PrintColumnKey, isOn: boolean) =>
    update({
      columns: printColumnKeys.filter((candidate) =>
        candidate === key ? isOn : base.columns.includes(candidate),
      ),
    })

  const print = () => {
    if (model === null) return
    setupRemember(setup)
    setPrinting(true)
  }
  const savePdf = async () => {
    if (model === null) return
    setupRemember(setup)
    setSaving(true)
    try {
      await onSavePdf(setup)
    } finally {
      setSaving(false)
    }
  }

  const startText = schedule?.ok === true ? dateWallText(schedule.schedule.projectStart, 'day') : ''
  const finishText = schedule?.ok === true ? dateWallText(schedule.schedule.projectFinish, 'day') : ''
  const radio = (name: string, checked: boolean, onChange: () => void, label: ReactNode) => (
    <label className="pd-choice">
      <input type="radio" name={name} checked={checked} onChange={onChange} />
      {label}
    </label>
  )

  return (
    <dialog
      ref={dialogRef}
      className="pd-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <div className="pd-head">
        <h2 id={titleId}>Print the Gantt chart</h2>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="pd-body">
        <form
          className="pd-setup"
          noValidate
          aria-label="Page setup"
          onSubmit={(event) => event.preventDefault()}
        >
          <div className="pd-row">
            <label className="pd-field">
              Paper
              <PaperSelect value={base.paper} {...aria('paper')} onPaper={(paper) => update({ paper })} />
            </label>
            <fieldset className="pd-group">
              <legend>Orientation</legend>
              {radio(
                'orientation',
                base.orientation === 'landscape',
                () => update({ orientation: 'landscape' }),
                'Landscape',
              )}
              {radio(
                'orientation',
                base.orientation === 'portrait',
                () => update({ orientation: 'portrait' }),
                'Portrait',
              )}
            </fieldset>
          </div>
          <fieldset className="pd-group">
            <legend>Dates</legend>
            <div className="pd-row">
              <label className="pd-field">
                From
                <input
                  value={base.from}
                  placeholder={startText}
                  {...aria('from')}
                  onChange={(event) => update({ from: event.target.value })}
                />
              </label>
              <label className="pd-field">
                To
                <input
                  value={base.to}
                  placeholder={finishText}
                  {...aria('to')}
                  onChange={(event) => update({ to: event.target.value })}
                />
              </label>
            </div>
            <p className="pd-hint">YYYY-MM-DD; empty prints from the plan's start to its finish.</p>
          </fieldset>
          <fieldset className="pd-group" {...aria('scale')}>
            <legend>Scale</legend>
            <div className="pd-inline">
              {radio('scale', scaleMode === 'fit', () => setScaleMode('fit'), 'Fit to')}
              <input
                className="pd-number"
                type="number"
                min={1}
                max={printLimits.pagesWide}
                aria-label="Pages wide"
                value={numbers.pagesWide}
                disabled={scaleMode !== 'fit'}
                onChange={(event) => setNumber('pagesWide', event.target.value)}
              />
              <span>pages wide</span>
            </div>
            <div className="pd-inline">
              {radio('scale', scaleMode === 'percent', () => setScaleMode('percent'), 'Adjust to')}
              <input
                className="pd-number"
                type="number"
                min={printLimits.percentMin}
                max={printLimits.percentMax}
                aria-label="Percent of the Week zoom"
                value={numbers.percent}
                disabled={scaleMode !== 'percent'}
                onChange={(event) => setNumber('percent', event.target.value)}
              />
              <span>% of the Week zoom</span>
            </div>
          </fieldset>
          <fieldset className="pd-group pd-columns" {...aria('columns')}>
            <legend>Columns</legend>
            {printColumnKeys.map((key) => (
              <label key={key} className="pd-choice">
                <input
                  type="checkbox"
                  checked={base.columns.includes(key)}
                  onChange={(event) => toggleColumn(key, event.target.checked)}
                />
                {printColumns[key].label}
              </label>
            ))}
          </fieldset>
          <fieldset className="pd-group">
            <legend>On every page</legend>
            <label className="pd-choice">
              <input
                type="checkbox"
                checked={base.isHeaderRepeated}
                onChange={(event) => update({ isHeaderRepeated: event.target.checked })}
              />
              Column titles and timescale at the top
            </label>
            <label className="pd-choice">
              <input
                type="checkbox"
                checked={base.areColumnsOnEveryPage}
                onChange={(event) => update({ areColumnsOnEveryPage: event.target.checked })}
              />
              Task columns on pages across
            </label>
            <label className="pd-choice">
              <input
                type="checkbox"
                checked={base.hasHeaderFooter}
                onChange={(event) => update({ hasHeaderFooter: event.target.checked })}
              />
              Header and footer (plan, status date, page x of y)
            </label>
          </fieldset>
          <div className="pd-row">
            <label className="pd-field">
              Legend
              <select
                value={base.legend}
                {...aria('legend')}
                onChange={(event) => update({ legend: event.target.value as PrintLegend })}
              >
                <option value="last-page">On the last page</option>
                <option value="every-page">On every page</option>
                <option value="none">None</option>
              </select>
            </label>
            <label className="pd-field">
              Margins (mm)
              <input
                type="number"
                min={0}
                max={printLimits.marginMax}
                value={numbers.marginMm}
                {...aria('marginMm')}
                onChange={(event) => setNumber('marginMm', event.target.value)}
              />
            </label>
          </div>
        </form>
        <div className="pd-preview-pane">
          <FieldError id={errorId} problem={fieldProblem} />
          {model !== null && (
            <>
              <div className="pd-preview-bar">
                <p role="status" className="pd-summary">
                  {pageCount} {pageCount === 1 ? 'page' : 'pages'}: {model.layout.columnBands.length} across ×{' '}
                  {model.layout.rowBands.length} down, {printPaperText(model.layout.setup)}
                </p>
                <div className="pd-nav" role="group" aria-label="Preview pages">
                  <button
                    type="button"
                    className="button"
                    disabled={shownPage === 0}
                    onClick={() => setPageIndex(shownPage - 1)}
                  >
                    ◀ Previous
                  </button>
                  <span aria-live="polite">
                    Page {shownPage + 1} of {pageCount}
                  </span>
                  <button
                    type="button"
                    className="button"
                    disabled={shownPage >= pageCount - 1}
                    onClick={() => setPageIndex(shownPage + 1)}
                  >
                    Next ▶
                  </button>
                </div>
              </div>
              <Preview model={model} index={shownPage} />
            </>
          )}
        </div>
      </div>
      <div className="pd-actions">
        {!canSavePdf && (
          <p className="pd-hint">For a PDF, choose “Save as PDF” as the printer in the print dialog.</p>
        )}
        <button
          type="button"
          className={canSavePdf ? 'button' : 'button button-primary'}
          disabled={model === null || isPrinting}
          onClick={print}
        >
          Print…
        </button>
        {canSavePdf && (
          <button
            type="button"
            className="button button-primary"
            disabled={model === null || isSaving}
            onClick={() => void savePdf()}
          >
            {isSaving ? 'Saving PDF…' : 'Save as PDF…'}
          </button>
        )}
      </div>
      {isPrinting && model !== null && createPortal(<PrintSheets model={model} />, document.body)}
    </dialog>
  )
}

/** One page, scaled to fit the preview pane. */
function Preview({
  model,
  index,
}: {
  model: NonNullable<Extract<PrintModelResult, { ok: true }>['model']>
  index: number
}) {
  const paneRef = useRef<HTMLDivElement>(null)
  const [box, setBox] = useState({ width: 640, height: 480 })
  useLayoutEffect(() => {
    const pane = paneRef.current
    if (pane === null) return
    const measure = () => setBox({ width: pane.clientWidth, height: pane.clientHeight })
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(pane)
    return () => observer.disconnect()
  }, [])
  const spec = model.layout.pages[index]
  if (spec === undefined) return null
  const scale = Math.min((box.width - 16) / model.layout.width, (box.height - 16) / model.layout.height, 1.5)
  return (
    <div className="pd-preview" ref={paneRef}>
      <div
        className="pd-sheet"
        style={{ width: model.layout.width * scale, height: model.layout.height * scale }}
      >
        <div style={{ transform: `scale(${scale})`, transformOrigin: '0 0' }}>
          <PrintPage model={model} spec={spec} />
        </div>
      </div>
    </div>
  )
}
