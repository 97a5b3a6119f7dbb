import type { Plan } from '../shared/domain/model'
import { SafeSaveError } from './files/safe-save'

// The exports engineer's builders (src/main/export/index.ts) are wired here once they exist.
const notYet = (what: string): SafeSaveError => new SafeSaveError('internal', `${what} export is not available in this build yet.`)

export async function exportXlsxBytes(_plan: Plan): Promise<Uint8Array> {
  throw notYet('Excel')
}
export async function exportMspdiText(_plan: Plan): Promise<string> {
  throw notYet('Microsoft Project XML')
}
export async function exportCsvText(_plan: Plan): Promise<string> {
  throw notYet('CSV')
}
