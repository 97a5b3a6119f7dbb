import { randomBytes } from 'node:crypto'
import { dateLocalNow } from '../shared/domain/dates'
import type { Plan } from '../shared/domain/model'
import { mspdiRead } from '../shared/formats/mspdi'
import { csvImportPlan } from '../shared/formats/csv'
import { planRestore } from '../shared/formats/plan-file'
import type { ImportedPlan, ProgressEvent } from '../shared/ipc/contract'
import { SafeSaveError, decodeText } from './files/safe-save'

/** Microsoft Project XML files above this size are refused before parsing (a 100,000-task file is about 28 MB). */
export const mspdiMaxBytes = 100 * 1024 * 1024

export type MspdiParseResult = { ok: true; plan: Plan; warnings: string[] } | { ok: false; message: string; isTooLarge?: boolean }
/** Parses MSPDI text into a plan, reporting progress as a fraction 0..1. */
export type MspdiParser = (text: string, onProgress: (fraction: number, message: string) => void) => Promise<MspdiParseResult>

/** Parses MSPDI text on the calling thread (the worker uses this; tests and the CLI may too). */
export async function mspdiParseInProcess(
  text: string,
  onProgress: (fraction: number, message: string) => void,
): Promise<MspdiParseResult> {
  const result = mspdiRead(text, {
    planId: `imported-${randomBytes(8).toString('hex')}`,
    onProgress: (fraction) => onProgress(fraction, fraction < 0.5 ? 'Checking the XML…' : 'Reading tasks, links and resources…'),
  })
  return result.ok
    ? { ok: true, plan: result.plan, warnings: result.warnings }
    : { ok: false, message: result.error.message, isTooLarge: result.error.code === 'too-large' }
}

export async function importMspdiFile(
  bytes: Uint8Array,
  fileName: string,
  sendProgress: (event: ProgressEvent) => void,
  parser: MspdiParser = mspdiParseInProcess,
): Promise<ImportedPlan> {
  const text = decodeText(bytes, fileName, 'a Microsoft Project XML file')
  const result = await parser(text, (fraction, message) => sendProgress({ task: 'import/mspdi', fraction, message }))
  if (!result.ok) throw new SafeSaveError(result.isTooLarge === true ? 'too-large' : 'bad-file', `"${fileName}" cannot be imported. ${result.message}`)
  return { plan: result.plan, warnings: result.warnings, fileName }
}

/** CSV files above this size are refused before parsing. */
export const csvMaxBytes = 50 * 1024 * 1024


/** Converts a CSV task table (Name, Duration, Start, Predecessors, Resources, Outline level) into a new plan. */
export async function importCsvFile(bytes: Uint8Array, fileName: string): Promise<ImportedPlan> {
  const text = decodeText(bytes, fileName, 'a CSV file')
  const result = csvImportPlan(text, {
    planId: `imported-${randomBytes(8).toString('hex')}`,
    now: dateLocalNow(),
    name: fileName.replace(/\.(csv|txt)$/i, '') || 'Imported plan',
  })
  if (!result.ok) throw new SafeSaveError('bad-file', `"${fileName}" cannot be imported. ${result.error}`)
  // The same checks as a .gantry file, so an imported plan can always be saved.
  const restored = planRestore(result.plan)
  if (!restored.ok) throw new SafeSaveError('bad-file', `"${fileName}" cannot be imported. ${restored.error.message}`)
  return { plan: restored.plan, warnings: result.warnings, fileName }
}
