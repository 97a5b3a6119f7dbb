/**
 * Issue 13 item 4: the CSV export opened in a real spreadsheet (LibreOffice Calc, headless) holds no formula cell,
 * whichever separator the spreadsheet assumes (`,` `;` tab) and whether or not it honours quotes. Task and resource
 * names carry formulas after each separator and after line breaks, as a hostile plan would.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import { csvImportPlan } from '../../src/shared/formats/csv'
import { formatsExport } from '../../src/shared/formats/pipeline'

const run = promisify(execFile)

const hostileNames = [
  '=1+1',
  'x;=2+2;',
  'x,=3+3,',
  'a\tb\t=4+4',
  'line\n=5+5',
  'line\r\n=6+6',
  'cr\r=7+7',
  '+8+8',
  '-9+9',
  '@SUM(1;2)',
  "'=10+10",
  'x;;=11+11',
]

function hostilePlan(): Plan {
  return makePlan('p', 'Hostile', '2026-03-02T08:00:00', '2026-03-01T00:00:00', {
    tasks: hostileNames.map((name, index) => makeTask(index + 1, { name })),
    resources: [{ id: 1, name: 'R;=12+12', role: '', initials: '', email: '', maxUnits: 100, hourlyRate: 0, nonWorkingDays: [], calendarId: null }],
    assignments: [{ id: 1, taskId: 1, resourceId: 1, units: 100, work: 480, start: null, finish: null }],
  })
}

let folder = ''
let profile = ''
let csvPath = ''

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gantry-csv-lo-'))
  profile = await mkdtemp(join(tmpdir(), 'gantry-lo-profile-'))
  const exported = formatsExport(hostilePlan(), 'csv', { now: '2026-03-01T00:00:00' })
  if (!exported.ok) throw new Error(exported.message)
  csvPath = join(folder, 'hostile.csv')
  await writeFile(csvPath, exported.value)
})

afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
  await rm(profile, { recursive: true, force: true })
})

/** The flat-XML spreadsheet LibreOffice makes of the CSV file with these CSV import options. */
async function openInLibreOffice(separator: number, textDelimiter: number): Promise<string> {
  const out = join(folder, `out-${separator}-${textDelimiter}`)
  // Separator, text delimiter (0: none, quotes stay text), UTF-8, from line 1, standard cells, en-US, quoted fields
  // not forced to text, no special numbers, ..., evaluate formulas (token 13): what a user opening the file gets.
  const filter = `CSV:${separator},${textDelimiter},76,1,,1033,false,false,true,false,false,0,true`
  try {
    await run(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${profile}`, `--infilter=${filter}`, '--convert-to', 'fods', '--outdir', out, csvPath],
      { timeout: 240_000, env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' } },
    )
  } catch (error) {
    throw new Error(
      `LibreOffice (soffice) is needed to open the CSV export in a spreadsheet but could not be run (${error instanceof Error ? error.message : String(error)}). Install it with .ci/run (apt: libreoffice-calc).`,
      { cause: error },
    )
  }
  const [name] = await readdir(out)
  if (name === undefined) throw new Error('LibreOffice wrote no file')
  return readFile(join(out, name), 'utf8')
}

describe('CSV export opened in LibreOffice', () => {
  const separators = [
    { name: 'comma', code: 44 },
    { name: 'semicolon', code: 59 },
    { name: 'tab', code: 9 },
  ]
  for (const separator of separators) {
    for (const quotes of [
      { name: 'honouring quotes', code: 34 },
      { name: 'ignoring quotes', code: 0 },
    ]) {
      it(
        `holds no formula cell with ${separator.name} as separator, ${quotes.name}`,
        async () => {
          const sheet = await openInLibreOffice(separator.code, quotes.code)
          // The file was read: the header's first title and the rows are there.
          expect(sheet).toMatch(/<text:p>[^<]*ID[^<]*<\/text:p>/)
          expect(sheet.match(/<table:table-row/g)?.length ?? 0).toBeGreaterThanOrEqual(hostileNames.length)
          expect(sheet.match(/table:formula="[^"]*"/g) ?? []).toEqual([])
        },
        300_000,
      )
    }
  }
  it('reads the names back exactly: the apostrophes the export adds are taken away on import', () => {
    const exported = formatsExport(hostilePlan(), 'csv', { now: '2026-03-01T00:00:00' })
    if (!exported.ok) throw new Error(exported.message)
    const imported = csvImportPlan(exported.value, { planId: 'q', now: '2026-03-01T00:00:00' })
    if (!imported.ok) throw new Error(imported.error)
    expect(imported.plan.tasks.map((task) => task.name)).toEqual(hostileNames.map((name) => name.trim()))
    expect(imported.plan.resources.map((resource) => resource.name)).toEqual(['R;=12+12'])
  })
})
