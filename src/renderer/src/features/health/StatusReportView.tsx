/**
 * The Status report view: compose the report of the plan as it stands (the commentary and decisions typed here,
 * kept while switching tabs), save it as a dated snapshot in the plan, see and print past reports. A plan without a
 * status date or baseline gets the sentence saying what is missing. Print… prints only the report page through the
 * print stylesheet (the browser's or the desktop's print dialog). The desktop app saves the report as a PDF itself
 * (main prints it in a hidden window); both export it as an Excel workbook.
 */
import { useMemo, useState } from 'react'
import { dateLocalNow } from '../../../../shared/domain/dates'
import type { StatusReport } from '../../../../shared/domain/health/model'
import { statusReportCompose, statusReportMissing, statusReportPrevious, statusReportTextMax } from '../../../../shared/domain/health/report'
import type { StatusReportChoice } from '../../../../shared/domain/health/report'
import { loadCompute } from '../../../../shared/domain/load'
import type { PrintPaper } from '../../../../shared/print/page-setup'
import { PaperSelect } from '../print/PaperSelect'
import { useWorkspace } from '../workspace/workspace-store'
import { reportDraftRead } from './report-draft'
import { RagBadge, StatusReportPage } from './StatusReportPage'

export type StatusReportDraft = {
  commentary: string
  decisions: string
  shownId: number | null
  message: string | null
  paper: PrintPaper
  /** Whether storage kept the typed texts at the last change (false: full or switched off). */
  isKept: boolean
}
export const statusReportDraftInitial: StatusReportDraft = { commentary: '', decisions: '', shownId: null, message: null, paper: 'A4', isKept: true }

/** How the view exports a report: as a PDF on `paper` (desktop app) or an Excel workbook. */
export type StatusReportExporter = {
  canSavePdf: boolean
  run(format: 'pdf' | 'xlsx', choice: StatusReportChoice, paper: PrintPaper): Promise<{ ok: boolean; message: string }>
}

/**
 * Prints the report page alone: a copy of it goes to the end of the body as `.report-print`, which the print
 * stylesheet prints instead of everything else, and is taken out again after the print dialog.
 */
function printReport(): void {
  const page = document.querySelector('.sr-main .status-report-page')
  if (page === null) return
  const copy = document.createElement('div')
  copy.className = 'report-print'
  copy.append(page.cloneNode(true))
  document.body.append(copy)
  try {
    window.print()
  } finally {
    copy.remove()
  }
}

export function StatusReportView({
  drafts,
  onDraft: onPlanDraft,
  exporter,
}: {
  /** The drafts of the plans opened in this window, by plan id. */
  drafts: Readonly<Record<string, StatusReportDraft>>
  onDraft(planId: string, next: StatusReportDraft): void
  exporter: StatusReportExporter
}) {
  const plan = useWorkspace((state) => state.document?.plan ?? null)
  const planId = plan?.id ?? null
  const stored = planId === null ? undefined : drafts[planId]
  // A plan first shown in this window starts from the texts kept in storage, if any.
  const draft = useMemo(() => stored ?? { ...statusReportDraftInitial, ...(planId === null ? null : reportDraftRead(planId)) }, [stored, planId])
  // How the last export went: the view's own state, so an answer that comes after a long save dialog never writes
  // back a draft from before it.
  const [exportMessage, setExportMessage] = useState<string | null>(null)
  const onDraft = (next: StatusReportDraft) => {
    setExportMessage(null)
    if (planId !== null) onPlanDraft(planId, next)
  }
  const result = useWorkspace((state) => state.document?.schedule ?? null)
  const run = useWorkspace((state) => state.editorRun)
  const schedule = result?.ok === true ? result.schedule : null
  const missing = plan === null ? null : statusReportMissing(plan)
  const preview = useMemo(() => {
    if (plan === null || schedule === null || missing !== null) return null
    const composed = statusReportCompose(plan, schedule, loadCompute(plan, schedule), {
      commentary: draft.commentary,
      decisions: draft.decisions,
      savedAt: dateLocalNow(),
    })
    return composed.ok ? composed.report : null
  }, [plan, schedule, missing, draft.commentary, draft.decisions])
  if (plan === null) return null
  const reports = [...plan.statusReports].sort((a, b) => (a.statusDate < b.statusDate ? 1 : a.statusDate > b.statusDate ? -1 : b.id - a.id))
  const shown: StatusReport | null = draft.shownId === null ? preview : (plan.statusReports.find((report) => report.id === draft.shownId) ?? preview)
  const previous = shown === null ? null : statusReportPrevious(plan.statusReports.filter((report) => report.id !== shown.id), shown.statusDate)
  const save = () => {
    const outcome = run('report/save', { commentary: draft.commentary, decisions: draft.decisions, savedAt: dateLocalNow() })
    if (outcome.ok) onDraft({ ...statusReportDraftInitial, paper: draft.paper, shownId: outcome.value, message: 'The status report was saved in the plan.' })
    else onDraft({ ...draft, message: outcome.message })
  }
  const exportAs = async (format: 'pdf' | 'xlsx') => {
    // A saved report exports as it was saved; the current one is composed again with the texts typed.
    const reportId = draft.shownId !== null && plan.statusReports.some((report) => report.id === draft.shownId) ? draft.shownId : null
    if (draft.message !== null) onDraft({ ...draft, message: null })
    const outcome = await exporter.run(format, { reportId, commentary: draft.commentary, decisions: draft.decisions }, draft.paper)
    // A cancelled dialog says nothing new.
    if (outcome.message !== '') setExportMessage(outcome.message)
  }
  return (
    <section className="status-report" aria-label="Status report">
      <div className="sr-side">
        <h2>Status report</h2>
        {missing !== null ? (
          <p className="health-note" role="alert">
            {missing}
          </p>
        ) : schedule === null ? (
          <p className="health-note" role="alert">
            The plan cannot be scheduled, so its status cannot be reported.
          </p>
        ) : null}
        <label className="sr-field">
          <span>Commentary</span>
          <textarea rows={6} maxLength={statusReportTextMax} value={draft.commentary} onChange={(event) => onDraft({ ...draft, commentary: event.target.value, message: null })} />
        </label>
        <label className="sr-field">
          <span>Decisions needed (one per line)</span>
          <textarea rows={4} maxLength={statusReportTextMax} value={draft.decisions} onChange={(event) => onDraft({ ...draft, decisions: event.target.value, message: null })} />
        </label>
        <div className="sr-actions">
          <button type="button" className="button button-primary" disabled={missing !== null || schedule === null} onClick={save}>
            Save report
          </button>
          <button type="button" className="button" disabled={shown === null} onClick={printReport}>
            Print…
          </button>
        </div>
        <div className="sr-actions">
          {exporter.canSavePdf && (
            <>
              <label className="sr-paper">
                <span>Paper</span>
                <PaperSelect value={draft.paper} onPaper={(paper) => onDraft({ ...draft, paper })} />
              </label>
              <button type="button" className="button" disabled={shown === null} onClick={() => void exportAs('pdf')}>
                Save as PDF…
              </button>
            </>
          )}
          <button type="button" className="button" disabled={shown === null} onClick={() => void exportAs('xlsx')}>
            Export to Excel…
          </button>
        </div>
        {!draft.isKept && (
          <p className="health-note" role="alert">
            The commentary and decisions typed here could not be kept in this browser’s storage (it is full or switched off): save the report, or copy
            the text, before you close the plan.
          </p>
        )}
        {(exportMessage ?? draft.message) !== null && (
          <p className="sr-message" role="status">
            {exportMessage ?? draft.message}
          </p>
        )}
        {!exporter.canSavePdf && <p className="sr-hint">For a PDF, choose “Save as PDF” as the printer in the print dialog.</p>}
        <h3>Saved reports</h3>
        {reports.length === 0 ? (
          <p className="health-none">None yet.</p>
        ) : (
          <ul className="sr-list" aria-label="Saved reports">
            <li>
              <button type="button" className="raid-link" aria-pressed={draft.shownId === null} onClick={() => onDraft({ ...draft, shownId: null })}>
                Current (not saved)
              </button>
            </li>
            {reports.map((report) => (
              <li key={report.id}>
                <button type="button" className="raid-link" aria-pressed={draft.shownId === report.id} onClick={() => onDraft({ ...draft, shownId: report.id })}>
                  {report.statusDate.slice(0, 10)}
                </button>{' '}
                <RagBadge rag={report.overall} />{' '}
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Delete the report of ${report.statusDate.slice(0, 10)}`}
                  onClick={() => {
                    const outcome = run('report/delete', { id: report.id })
                    if (outcome.ok) onDraft({ ...draft, shownId: draft.shownId === report.id ? null : draft.shownId })
                  }}
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="sr-main">{shown === null ? null : <StatusReportPage planName={plan.name} report={shown} previous={previous} />}</div>
    </section>
  )
}
