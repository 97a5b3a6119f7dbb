import { randomBytes } from 'node:crypto'
import type { Plan } from '../shared/domain/model'
import { mspdiRead } from '../shared/formats/mspdi'
import type { ProgressEvent } from '../shared/ipc/contract'
import { SafeSaveError, decodeText } from './files/safe-save'

/** Microsoft Project XML files above this size are refused before parsing (a 100,000-task file is about 28 MB). */
export const mspdiMaxBytes = 100 * 1024 * 1024

export type MspdiParseResult = { ok: true; plan: Plan; warnings: string[] } | { ok: false; message: string }
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
  return result.ok ? { ok: true, plan: result.plan, warnings: result.warnings } : { ok: false, message: result.error.message }
}

export async function importMspdiFile(
  bytes: Uint8Array,
  fileName: string,
  sendProgress: (event: ProgressEvent) => void,
  parser: MspdiParser = mspdiParseInProcess,
): Promise<Plan> {
  const text = decodeText(bytes, fileName, 'a Microsoft Project XML file')
  const result = await parser(text, (fraction, message) => sendProgress({ task: 'import/mspdi', fraction, message }))
  if (!result.ok) throw new SafeSaveError('bad-file', `"${fileName}" cannot be imported. ${result.message}`)
  return result.plan
}

export async function importCsvFile(_path: string): Promise<Plan> {
  throw new SafeSaveError('internal', 'CSV import is not supported yet.')
}
