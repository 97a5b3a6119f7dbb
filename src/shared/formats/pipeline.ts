import type { IsoDateTime, Plan } from '../domain/model'
import { scheduleProblemsText, scheduleRun } from '../domain/schedule'
import type { Schedule, ScheduleProblem } from '../domain/schedule-types'
import { textExcerpt } from '../domain/text'
import { validateScheduleRange } from '../domain/validate'
import { csvExportPlan, csvImportPlan } from './csv'
import { mspdiRead } from './mspdi/read'
import { mspdiWrite } from './mspdi/write'
import { planFileParse, planFileSerialize, planRestore } from './plan-file'
import { xlsxBuildPlanWorkbook } from './xlsx/build'
import type { XlsxWorkbook } from './xlsx/spec'

/*
 * The one format pipeline. Every import and export of Gantry, in the desktop app's main process (its import worker
 * and its IPC handlers), in browser mode (its Web Worker and its downloads) and in the command line, runs these
 * functions: one sniffing of the file type, one import (read, check as a .gantry file, check the schedule lies where
 * Gantry can place and write it), one check before every write.
 */

/** The file types Gantry reads: its own plan file, Microsoft Project XML and a task CSV. */
export type FormatKind = 'gantry' | 'mspdi' | 'csv'

/** The name of a file type in messages. */
export const formatNames: Record<FormatKind, string> = {
  gantry: 'a Gantry plan',
  mspdi: 'a Microsoft Project XML file',
  csv: 'a CSV file',
}

/**
 * The type of a file, from its content first: text starting with `<` (after a byte-order mark and spaces) is
 * Microsoft Project XML, `{` a Gantry plan; otherwise the extension decides (`.csv`/`.txt` CSV, `.xml` MSPDI,
 * `.gantry`/`.json` a plan, so an empty or damaged file gets that reader's message).
 * @returns the type, or null for text that is none of them
 */
export function formatsSniff(text: string, fileName: string): FormatKind | null {
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0
  // Only the first few kilobytes are looked at: a file of spaces is not read to its end here.
  const end = Math.min(text.length, index + 4096)
  while (index < end && /\s/.test(text[index] as string)) index++
  const first = text[index]
  if (first === '<') return 'mspdi'
  if (first === '{') return 'gantry'
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase()
  if (extension === 'csv' || extension === 'txt' || extension === 'tsv') return 'csv'
  if (extension === 'xml') return 'mspdi'
  if (extension === 'gantry' || extension === 'json') return 'gantry'
  return null
}

export type FormatsImportRequest = {
  /** The file's text (already decoded from UTF-8). */
  text: string
  /** The file's name (no folders): names the new plan, helps sniffing, and starts every message. */
  fileName: string
  /** The type the caller expects (the Import menu item chosen), or `auto` to sniff it. */
  kind: FormatKind | 'auto'
  /** Storage identity of the new plan (a .gantry file keeps its own). */
  planId: string
  /** The local time now (creation time, and the start of a CSV plan without dates). */
  now: IsoDateTime
  /** Called with 0..1 and a sentence while a large file is read. */
  onProgress?: (fraction: number, message: string) => void
}

export type FormatsImportResult =
  | { ok: true; plan: Plan; warnings: string[]; kind: FormatKind; fileName: string }
  | {
      ok: false
      code: 'bad-file' | 'too-large' | 'newer-version'
      /** `"<file>" cannot be imported. <detail>` (`opened` for a Gantry plan), one line. */
      message: string
      /** What is wrong, without the file name. */
      detail: string
    }

/** Longest message of a refusal (a message quotes the file; it must stay one readable line). */
const messageMaxChars = 1000

function refusal(
  fileName: string,
  kind: FormatKind | null,
  message: string,
  code: 'bad-file' | 'too-large' | 'newer-version' = 'bad-file',
): FormatsImportResult {
  const detail = textExcerpt(message, messageMaxChars)
  const verb = kind === 'gantry' ? 'opened' : 'imported'
  return { ok: false, code, message: `"${textExcerpt(fileName, 120)}" cannot be ${verb}. ${detail}`, detail }
}

/** A schedule problem as a refusal sentence. */
function scheduleProblemText(problem: ScheduleProblem): string {
  return problem.message
}

/**
 * Reads a file into a new plan: sniffs (or takes) its type, reads it with that reader, checks the plan as a .gantry
 * file is checked (so it can always be saved), and schedules it to check that every date lies where Gantry can place
 * work and write it (years 0001-9999, within 100,000 days of the plan start). A plan that cannot be scheduled for
 * another reason (a calendar without working time) is imported; the workspace shows why.
 * @returns the plan, the reader's warnings and the type read, or a one-line refusal starting with the file name
 */
export function formatsImport(request: FormatsImportRequest): FormatsImportResult {
  const { text, fileName } = request
  const kind = request.kind === 'auto' ? formatsSniff(text, fileName) : request.kind
  if (kind === null) {
    return refusal(fileName, null, text.trim() === '' ? 'The file is empty.' : 'It is neither a Gantry plan, nor a Microsoft Project XML file, nor a CSV file.')
  }
  let plan: Plan
  let warnings: string[] = []
  const progress = request.onProgress
  if (kind === 'mspdi') {
    const read = mspdiRead(text, {
      planId: request.planId,
      now: request.now,
      onProgress: progress && ((fraction) => progress(0.95 * fraction, fraction < 0.5 ? 'Checking the XML…' : 'Reading tasks, links and resources…')),
    })
    if (!read.ok) return refusal(fileName, kind, read.error.message, read.error.code === 'too-large' ? 'too-large' : 'bad-file')
    plan = read.plan
    warnings = read.warnings
  } else if (kind === 'csv') {
    progress?.(0, 'Reading the rows…')
    const read = csvImportPlan(text, { planId: request.planId, now: request.now, name: fileName.replace(/\.(csv|txt|tsv)$/i, '') || 'Imported plan' })
    if (!read.ok) return refusal(fileName, kind, read.error)
    plan = read.plan
    warnings = read.warnings
  } else {
    progress?.(0, 'Reading the plan…')
    const read = planFileParse(text)
    if (!read.ok) return refusal(fileName, kind, read.error.message, read.error.code === 'newer-version' ? 'newer-version' : 'bad-file')
    plan = read.plan
  }
  // The same checks as a .gantry file (the MSPDI reader runs them too), so an imported plan can always be saved.
  const restored = planRestore(plan)
  if (!restored.ok) return refusal(fileName, kind, restored.error.message)
  progress?.(0.95, 'Scheduling…')
  const scheduled = scheduleRun(restored.plan)
  if (scheduled.ok) {
    const outside = validateScheduleRange(restored.plan, scheduled.schedule)
    if (outside !== null) return refusal(fileName, kind, scheduleProblemText(outside))
  }
  progress?.(1, 'Imported.')
  return { ok: true, plan: restored.plan, warnings, kind, fileName }
}

/** A result of the writers' checks and builders: the value, or one sentence saying why nothing is written. */
export type FormatsResult<T> = { ok: true; value: T } | { ok: false; message: string }

/**
 * The check every writer runs before it writes a plan anywhere (desktop save and recovery copy, browser save, the
 * command line's import and export, every export): the plan as the .gantry reader will see it. A plan that fails
 * would make a file Gantry itself refuses, so it is not written.
 * @returns the plan as restored (the same data), or the reason, one sentence
 */
export function formatsCheckPlan(plan: unknown): FormatsResult<Plan> {
  const restored = planRestore(plan)
  if (restored.ok) return { ok: true, value: restored.plan }
  return { ok: false, message: `${restored.error.message.replace('This plan is damaged: ', 'This plan cannot be written: ')} Nothing was written.` }
}

/** The text of a `.gantry` file of `plan`, after `formatsCheckPlan`. */
export function formatsSerializePlan(plan: unknown): FormatsResult<string> {
  const checked = formatsCheckPlan(plan)
  return checked.ok ? { ok: true, value: planFileSerialize(checked.value) } : checked
}

/** What each export format produces: text, or the workbook's description (rendered to .xlsx bytes with ExcelJS). */
export type FormatsExportValue = { mspdi: string; csv: string; xlsx: XlsxWorkbook }
export type FormatsExportFormat = keyof FormatsExportValue

/**
 * The plan's schedule for an export, after `formatsCheckPlan`: refused when the plan cannot be scheduled or when a
 * date falls outside what a file holds (years 0001-9999) or Gantry can place.
 */
export function formatsScheduleForExport(plan: unknown): FormatsResult<{ plan: Plan; schedule: Schedule }> {
  const checked = formatsCheckPlan(plan)
  if (!checked.ok) return checked
  const result = scheduleRun(checked.value)
  if (!result.ok) return { ok: false, message: `The plan cannot be scheduled, so it cannot be exported: ${scheduleProblemsText(result.problems)}` }
  const outside = validateScheduleRange(checked.value, result.schedule)
  if (outside !== null) return { ok: false, message: `The plan cannot be exported: ${outside.message}` }
  return { ok: true, value: { plan: checked.value, schedule: result.schedule } }
}

/**
 * What of `plan` an export to `format` leaves out, as one sentence for the user, or `null` when nothing is left out.
 * Microsoft Project XML and the task CSV have no place for the RAID log; the workbook has its "RAID" sheet and the
 * `.gantry` file keeps everything.
 */
export function formatsExportLeftOut(plan: Plan, format: FormatsExportFormat): string | null {
  const count = plan.raid.length
  if (format === 'xlsx' || count === 0) return null
  const where = format === 'mspdi' ? 'Microsoft Project XML' : 'the task CSV'
  return `The RAID log (${count} item${count === 1 ? '' : 's'}) is not part of ${where}; it stays in the plan and is in the Excel export.`
}

/**
 * Exports a plan: checks it (`formatsScheduleForExport`), then builds the file with the shared writer. A CSV export
 * is refused when the CSV import could not read it back (see `csvExportProblem`).
 * @param options.now the local time milestone status is measured against in the workbook (when the plan has no
 *   status date)
 */
export function formatsExport<F extends FormatsExportFormat>(plan: unknown, format: F, options: { now: IsoDateTime }): FormatsResult<FormatsExportValue[F]> {
  const scheduled = formatsScheduleForExport(plan)
  if (!scheduled.ok) return scheduled
  const { plan: checked, schedule } = scheduled.value
  const values: { [K in FormatsExportFormat]: () => FormatsResult<FormatsExportValue[K]> } = {
    mspdi: () => ({ ok: true, value: mspdiWrite(checked, schedule) }),
    csv: () => {
      const written = csvExportPlan(checked, schedule)
      return written.ok ? { ok: true, value: written.text } : { ok: false, message: written.error }
    },
    xlsx: () => ({ ok: true, value: xlsxBuildPlanWorkbook(checked, schedule, { now: options.now }) }),
  }
  return values[format]()
}
