/**
 * Inputs that once made an importer quadratic (issue 13 item 1), answered through the format pipeline the app runs:
 * - `hostile.xml.lt-spaces`: MS Project XML with `<` and 100,000 spaces (16-17 s before the fix);
 * - `hostile.csv.predecessor-spaces`: a Predecessors cell of `1`, 99,990 spaces and `x` (56 s before, at 100,000);
 * - `hostile.resources.items`: a resources text of 200,000 unreadable items, parsed as the grid and the CSV import
 *   parse it (228 s before; a CSV cell that long is now refused by the 100,000-character cell cap);
 * - `hostile.csv.resource-items`: the same as a 1.2 MB CSV cell, refused by the cap.
 * Before-fix figures were measured once on the same machine (one run each; the old code took minutes).
 */
import { assignmentsTextParse } from '../../src/shared/domain/assignments-text'
import { formatsImport } from '../../src/shared/formats/pipeline'
import { hostileCsvPredecessorSpaces, hostileCsvResourceItems, hostileXmlLessThanSpaces } from '../../tests/support/hostile-inputs'
import { bench } from '../lib'

function pipeline(text: string, kind: 'mspdi' | 'csv'): boolean {
  return formatsImport({ text, fileName: kind === 'csv' ? 'hostile.csv' : 'hostile.xml', kind, planId: 'bench', now: '2026-01-01T09:00:00' }).ok
}

export async function run(): Promise<void> {
  const xml = hostileXmlLessThanSpaces(100_000)
  await bench({ bench: 'hostile.xml.lt-spaces', fields: { chars: xml.length }, runs: 9 }, () => pipeline(xml, 'mspdi'))
  const predecessors = hostileCsvPredecessorSpaces(99_990)
  await bench({ bench: 'hostile.csv.predecessor-spaces', fields: { chars: predecessors.length }, runs: 9 }, () => pipeline(predecessors, 'csv'))
  const items = Array.from({ length: 200_000 }, () => 'x[1]y').join(',')
  const resources = [{ id: 1, name: 'x', role: '', initials: '', email: '', maxUnits: 100, hourlyRate: 0, nonWorkingDays: [], calendarId: null }]
  await bench({ bench: 'hostile.resources.items', fields: { items: 200_000 }, runs: 9 }, () => assignmentsTextParse(items, resources).ok)
  const csv = hostileCsvResourceItems(200_000)
  await bench({ bench: 'hostile.csv.resource-items', fields: { chars: csv.length }, runs: 9 }, () => pipeline(csv, 'csv'))
}
