import { randomBytes } from 'node:crypto'
import { dateLocalNow } from '../shared/domain/dates'
import type { FormatKind } from '../shared/formats/pipeline'
import type { ImportedPlan, ProgressEvent } from '../shared/ipc/contract'
import { SafeSaveError, decodeText } from './files/safe-save'
import { importParseInProcess, type ImportParser } from './import-worker-client'

/** Microsoft Project XML files above this size are refused before parsing (a 100,000-task file is about 28 MB). */
export const mspdiMaxBytes = 100 * 1024 * 1024
/** CSV files above this size are refused before parsing. */
export const csvMaxBytes = 50 * 1024 * 1024

const what: Record<Exclude<FormatKind, 'gantry'>, string> = { mspdi: 'a Microsoft Project XML file', csv: 'a CSV file' }

/**
 * Imports the bytes of a Microsoft Project XML or CSV file into a new plan through the shared format pipeline, run
 * by `parser` (the app's worker thread; in-process by default), with progress events `import/mspdi` or `import/csv`.
 * Throws a `SafeSaveError`: `bad-file` or `too-large` with the reader's one-line message, `canceled` when `signal`
 * aborted (the user pressed Cancel).
 */
export async function importFile(
  kind: Exclude<FormatKind, 'gantry'>,
  bytes: Uint8Array,
  fileName: string,
  sendProgress: (event: ProgressEvent) => void,
  parser: ImportParser = importParseInProcess,
  signal?: AbortSignal,
): Promise<ImportedPlan> {
  const text = decodeText(bytes, fileName, what[kind])
  const task = `import/${kind}`
  sendProgress({ task, fraction: 0, message: `Reading ${fileName}…` })
  const result = await parser(
    { text, fileName, kind, planId: `imported-${randomBytes(8).toString('hex')}`, now: dateLocalNow() },
    (fraction, message) => sendProgress({ task, fraction: Math.min(fraction, 0.99), message }),
    signal,
  )
  sendProgress({ task, fraction: 1, message: result.ok ? 'Imported.' : 'Stopped.' })
  if (!result.ok) {
    const code = result.code === 'canceled' ? 'canceled' : result.code === 'too-large' || result.code === 'timeout' ? 'too-large' : 'bad-file'
    throw new SafeSaveError(code, result.message)
  }
  return { plan: result.plan, warnings: result.warnings, fileName }
}
