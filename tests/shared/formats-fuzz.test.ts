/**
 * Fuzzing the importers (issue 13 items 1 and 6): every mutated Microsoft Project XML, CSV and `.gantry` input, and
 * every input that once made a parser quadratic, is answered (a plan, or a one-line refusal, never an exception)
 * within a bound, through the same pipeline the app, browser mode and the command line run. An accepted plan can
 * always be written and read back.
 *
 * The bound: generous for a noisy, shared 2-core machine (the largest input here is answered in well under a second
 * there), yet far below what a quadratic parser needs: runs of up to 200,000 characters are inserted, and a pattern
 * or join that is quadratic in them takes tens of seconds to minutes (the three issue inputs took 17 s, 56 s and
 * 228 s). Time is measured per answer, not asserted on a benchmark figure.
 *
 * The cases come from a seeded mutator over the sample files: the same seed gives the same cases (CI), and
 * `FC_SEED=random` explores new ones; a failure names the seed and writes the input to a file to replay it.
 */
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { afterAll, describe, expect, it } from 'vitest'
import { assignmentsTextParse } from '../../src/shared/domain/assignments-text'
import { durationParse } from '../../src/shared/domain/durations'
import { predecessorsParse } from '../../src/shared/domain/predecessors'
import { planSettingsDefault } from '../../src/shared/domain/defaults'
import { mspdiWrite } from '../../src/shared/formats/mspdi'
import { formatsExport, formatsImport, formatsSerializePlan, type FormatKind } from '../../src/shared/formats/pipeline'
import { planFileParse, planFileSerialize } from '../../src/shared/formats/plan-file'
import { generatePlan, seededRandom } from '../support/generate-plan'
import * as hostile from '../support/hostile-inputs'
import { mspdiSampleNames, mspdiSampleText } from '../support/samples'

/** Longest an answer may take, in milliseconds. */
const answerBoundMs = 10_000

const seedSetting = process.env.FC_SEED
const seed = seedSetting === 'random' ? Math.floor(Math.random() * 2 ** 31) : seedSetting === undefined || seedSetting === '' ? 20261126 : Number(seedSetting)
const caseCounts: Record<FormatKind, number> = { mspdi: 240, csv: 240, gantry: 160 }

type Answer = { ms: number; ok: boolean; message: string }

/** Answers one input through the pipeline, timing it; an exception is an answer too (and fails the checks). */
function answer(text: string, kind: FormatKind | 'auto', fileName: string): Answer & { error?: unknown } {
  const started = performance.now()
  try {
    const result = formatsImport({ text, fileName, kind, planId: 'fuzz', now: '2026-01-01T09:00:00' })
    const ms = performance.now() - started
    if (!result.ok) return { ms, ok: false, message: result.message }
    // Gantry never writes a file it cannot read back: the plan it accepted is written and read again.
    const written = formatsSerializePlan(result.plan)
    if (!written.ok) return { ms, ok: false, message: `ACCEPTED BUT NOT WRITABLE: ${written.message}` }
    const again = planFileParse(written.value)
    return { ms, ok: true, message: again.ok ? '' : `WRITTEN BUT NOT READABLE: ${again.error.message}` }
  } catch (error) {
    return { ms: performance.now() - started, ok: false, message: '', error }
  }
}

/** Why an answer is not acceptable, or null. */
function answerProblem(result: Answer & { error?: unknown }): string | null {
  if (result.error !== undefined) return `threw ${result.error instanceof Error ? result.error.message : String(result.error)}`
  if (result.ms > answerBoundMs) return `took ${Math.round(result.ms)} ms (bound ${answerBoundMs} ms)`
  if (result.ok && result.message !== '') return result.message
  if (!result.ok && result.message.startsWith('ACCEPTED')) return result.message
  if (!result.ok && (result.message.length < 10 || result.message.length > 1300 || /[\r\n]/.test(result.message))) {
    return `refusal is not one short line: ${JSON.stringify(result.message.slice(0, 200))}`
  }
  return null
}

// ---------------------------------------------------------------------------------------------------------------
// The seeded mutator

type Random = () => number

const pick = <T,>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
const between = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1))

/** Lengths of inserted runs: mostly short, sometimes long enough that quadratic work takes tens of seconds. */
const runLengths = [1, 2, 7, 50, 400, 3_000, 20_000, 100_000, 200_000]

const runCharacters = [' ', '\t', '\n', '\r', '<', '>', '&', '"', "'", ',', ';', '0', '9', 'a', 'Z', '[', ']', '{', '}', '=', '-', '+', '%', '.', ':', '/', '\\', '\u0000', '\u00e9', '\ud83d\ude00', '\uffff']

const tokens: Record<FormatKind, string[]> = {
  mspdi: [
    '<', '</', '<Task>', '</Task>', '<Task/>', '<Tasks>', '</Tasks>', '<Resources>', '</Resources>', '<Resource><Name>R</Name></Resource>',
    '<Assignments>', '<Assignment/>', '<UID>0</UID>', '<UID>1</UID>', '<!--', '-->', '<![CDATA[', ']]>', '<?x ', '?>', '&amp;', '&#0;',
    '&#x1F600;', '&lt;', '&', '<!DOCTYPE Project>', '<!ENTITY x "y">', ' a="1"', '<Duration>PT999999999H0M0S</Duration>',
    '<Start>9999-12-31T23:59:00</Start>', '<Start>0001-01-01T00:00:00</Start>', '<StartDate>0050-06-01T08:00:00</StartDate>',
    '<PredecessorLink><PredecessorUID>1</PredecessorUID><LinkLag>99999999999</LinkLag></PredecessorLink>', '<__proto__>', '<constructor/>',
    '99999999999999999999', '-', '.', 'e999', '<Calendar><UID>77</UID><BaseCalendarUID>77</BaseCalendarUID></Calendar>',
    '<Exception><TimePeriod><FromDate>2026-01-01T00:00:00</FromDate><ToDate>2090-01-01T00:00:00</ToDate></TimePeriod><Type>6</Type><DaysOfWeek>127</DaysOfWeek><Period>1</Period></Exception>',
  ],
  csv: [
    ',', ';', '\t', '"', '""', '\r\n', '\n', '=', '1FS+', '+99999999999%', 'x[1]y,', ', ', '[', ']', '9999-12-31', '0001-01-01', '0050-01-01',
    '100000000d', '52000w', "'", "'=", '1,2,3,', '1;2;', 'SS-5d', 'Ana[50%]', 'Ana[0%]', '\u0000', 'Name,', 'ID,', 'Outline level,', '\r',
  ],
  gantry: [
    '{', '}', '[', ']', ',', '"', ':', '1e400', '-1', '"__proto__"', 'null', '9999999999', '"x"', '\\u0000', '"constructor":{}', '0.5',
    '"9999-12-31T23:59:00"', '"0001-01-01T00:00:00"', '"baseCalendarId":1', 'true', '"lag":1e9', '\\"', '"schemaVersion":2',
  ],
}

/** Values put in place of one value of the file (an element's text, a JSON scalar, a CSV cell). */
const values: Record<FormatKind, string[]> = {
  mspdi: [
    '', '-1', '0', '1', '2', '99999999999', '-99999999999', '1e308', '1.5', '-0', '2147483648', 'NaN', 'PT-8H0M0S', 'PT0H0M0S',
    'PT999999H0M0S', 'PT1H', 'P1D', 'PT', '0050-01-01T08:00:00', '9999-12-31T23:59:00', '0001-01-01T00:00:00', '2026-02-30T08:00:00',
    '10000-01-01T00:00:00', '24:00:00', '__proto__', 'x'.repeat(2000), '1'.repeat(100_000), ' '.repeat(100_000),
  ],
  gantry: [
    '-1', '0', '1', '2', '1e9', '1e10', '-1e10', '1e400', 'null', 'true', '"x"', '"9999-12-31T23:59:00"', '"0001-01-01T00:00:00"',
    '"0050-06-01T08:00:00"', '"2026-02-30T08:00:00"', '[]', '{}', `"${'x'.repeat(1001)}"`, '0.000001', '100001', '2147483648', '"FS"', '"%"',
  ],
  csv: [
    '', '0', '-1', '1d', '0d', '100000000d', '52000w', '1FS+99999999%', '1SS-3d', '2', '1;2', '0050-01-01', '9999-12-31', '2026-02-30',
    '=1+1', "'=1+1", 'x[1]y', 'Ana[0%]', 'Ana[50%], Ben', '101', '100', '1.5', '"q"', 'Yes', 'No', ' '.repeat(50_000),
  ],
}

/** Replaces one value of the text (found from a random place onwards) with a hostile one, keeping the syntax intact. */
function replaceValue(text: string, random: Random, kind: FormatKind): string {
  const pattern = kind === 'mspdi' ? />([^<>]{0,80})<\//g : kind === 'gantry' ? /":(-?[\d.eE+-]+|true|false|null|"[^"\\]{0,80}")/g : /(?<=^|,|;|\n)([^,;\r\n"]{0,80})(?=,|;|\r|\n|$)/g
  pattern.lastIndex = between(random, 0, text.length)
  const match = pattern.exec(text) ?? ((pattern.lastIndex = 0), pattern.exec(text))
  if (match === null) return text
  const inner = match[1] ?? ''
  const at = match.index + match[0].indexOf(inner, kind === 'gantry' ? 2 : 0)
  return text.slice(0, at) + pick(random, values[kind]) + text.slice(at + inner.length)
}

type Mutation = { name: string; apply: (text: string, random: Random, kind: FormatKind) => string }

const mutations: Mutation[] = [
  // Three times as likely as the others: most files that keep their syntax reach the readers' deeper checks.
  { name: 'value', apply: replaceValue },
  { name: 'value', apply: replaceValue },
  { name: 'value', apply: replaceValue },
  {
    name: 'flip',
    apply: (text, random) => {
      const characters = [...runCharacters, '\u0001', '\u001f', '\ud800']
      let result = text
      for (let count = between(random, 1, 8); count > 0 && result.length > 0; count--) {
        const at = between(random, 0, result.length - 1)
        result = result.slice(0, at) + pick(random, characters) + result.slice(at + 1)
      }
      return result
    },
  },
  {
    name: 'delete',
    apply: (text, random) => {
      const at = between(random, 0, text.length)
      return text.slice(0, at) + text.slice(at + between(random, 1, 2000))
    },
  },
  {
    name: 'duplicate',
    apply: (text, random) => {
      const from = between(random, 0, text.length)
      const piece = text.slice(from, from + between(random, 1, 5000))
      const at = between(random, 0, text.length)
      return text.slice(0, at) + piece.repeat(between(random, 1, 3)) + text.slice(at)
    },
  },
  {
    name: 'run',
    apply: (text, random) => {
      const at = between(random, 0, text.length)
      return text.slice(0, at) + pick(random, runCharacters).repeat(pick(random, runLengths)) + text.slice(at)
    },
  },
  {
    name: 'token',
    apply: (text, random, kind) => {
      const at = between(random, 0, text.length)
      const times = pick(random, [1, 1, 2, 5, 100, 2_000, 20_000])
      return text.slice(0, at) + pick(random, tokens[kind]).repeat(times) + text.slice(at)
    },
  },
  { name: 'truncate', apply: (text, random) => text.slice(0, between(random, 0, text.length)) },
  {
    name: 'swap',
    apply: (text, random) => {
      const a = between(random, 0, text.length)
      const b = between(random, 0, text.length)
      const [first, second] = a < b ? [a, b] : [b, a]
      const length = Math.min(between(random, 1, 3000), second - first)
      return text.slice(0, first) + text.slice(second, second + length) + text.slice(first + length, second) + text.slice(first, first + length) + text.slice(second + length)
    },
  },
]

// ---------------------------------------------------------------------------------------------------------------
// The seed corpus: the MS Project samples, and what Gantry writes of them

function corpus(): Record<FormatKind, { name: string; text: string }[]> {
  const mspdi = mspdiSampleNames().map((name) => ({ name, text: mspdiSampleText(name) }))
  mspdi.push({ name: 'generated-300.xml', text: mspdiWrite(generatePlan({ tasks: 300, seed: 7, resources: 8 })) })
  const csv: { name: string; text: string }[] = []
  const gantry: { name: string; text: string }[] = []
  for (const sample of mspdi) {
    const read = formatsImport({ text: sample.text, fileName: sample.name, kind: 'mspdi', planId: 'seed', now: '2026-01-01T09:00:00' })
    if (!read.ok) continue
    gantry.push({ name: sample.name.replace(/\.xml$/, '.gantry'), text: planFileSerialize(read.plan) })
    const exported = formatsExport(read.plan, 'csv', { now: '2026-01-01T09:00:00' })
    if (exported.ok) csv.push({ name: sample.name.replace(/\.xml$/, '.csv'), text: exported.value })
  }
  csv.push({ name: 'semicolons.csv', text: '\uFEFFName;Duration;Predecessors;Resources\r\nDesign;3 days;;Ana[50%]\r\nBuild;2w;1;Ana, Ben\r\n' })
  csv.push({ name: 'tabs.txt', text: '\r\nID\tName\tOutline level\tStart\n1\tPhase\t1\t2026-03-02\n2\tWork\t2\t2026-03-03 13:00\n' })
  return { mspdi, csv, gantry }
}

const fileNames: Record<FormatKind, string> = { mspdi: 'fuzz.xml', csv: 'fuzz.csv', gantry: 'fuzz.gantry' }
const summaries: string[] = []

afterAll(() => {
  // One line per class for the record (`npx vitest run tests/shared/formats-fuzz.test.ts` prints them).
  for (const line of summaries) console.log(line)
})

describe(`fuzzing the importers (seed ${seed}; FC_SEED=random explores)`, () => {
  const seeds = corpus()
  for (const kind of ['mspdi', 'csv', 'gantry'] as const) {
    it(
      `answers every one of ${caseCounts[kind]} mutated ${kind} inputs within ${answerBoundMs / 1000} s, with a plan or a one-line refusal`,
      () => {
        expect(seeds[kind].length).toBeGreaterThan(0)
        const random = seededRandom(seed ^ (kind.length * 7919))
        const times: number[] = []
        let accepted = 0
        let slowest = { ms: 0, label: '' }
        for (let index = 0; index < caseCounts[kind]; index++) {
          const source = pick(random, seeds[kind])
          const applied: string[] = []
          let text = source.text
          for (let count = between(random, 1, 3); count > 0; count--) {
            const mutation = pick(random, mutations)
            applied.push(mutation.name)
            text = mutation.apply(text, random, kind)
          }
          const label = `case ${index} (${source.name}: ${applied.join(', ')}; ${text.length} characters)`
          const result = answer(text, kind, fileNames[kind])
          times.push(result.ms)
          if (result.ok) accepted++
          if (result.ms > slowest.ms) slowest = { ms: result.ms, label }
          const problem = answerProblem(result)
          if (problem !== null) {
            const file = join(tmpdir(), `gantry-fuzz-${seed}-${kind}-${index}${fileNames[kind].slice(4)}`)
            writeFileSync(file, text)
            throw new Error(`seed ${seed}, ${label}: ${problem}. The input is in ${file}.`)
          }
        }
        const sorted = [...times].sort((a, b) => a - b)
        summaries.push(
          JSON.stringify({
            fuzz: kind,
            seed,
            cases: times.length,
            accepted,
            refused: times.length - accepted,
            medianMs: Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 10) / 10,
            slowestMs: Math.round(slowest.ms),
            slowest: slowest.label,
          }),
        )
      },
      600_000,
    )
  }
})

describe('inputs that once made a parser quadratic, or crashed it, are answered within the bound', () => {
  const cases: { name: string; kind: FormatKind; text: () => string; expected: RegExp }[] = [
    // Issue 13's three: 17 s, 56 s and 228 s before (at 100 KB, 100,000 spaces and 200,000 items).
    { name: '<, then 400,000 spaces (MS Project XML)', kind: 'mspdi', text: () => hostile.hostileXmlLessThanSpaces(400_000), expected: /is damaged or truncated/ },
    { name: 'a Predecessors cell of 1, 99,990 spaces and x (CSV)', kind: 'csv', text: () => hostile.hostileCsvPredecessorSpaces(99_990), expected: /Line 3: "1…" is not a predecessor/ },
    { name: 'a Predecessors cell over the cell cap', kind: 'csv', text: () => hostile.hostileCsvPredecessorSpaces(100_000), expected: /a cell holds more than 100,000 characters/ },
    { name: 'a Resources cell of 200,000 items (CSV)', kind: 'csv', text: () => hostile.hostileCsvResourceItems(200_000), expected: /a cell holds more than 100,000 characters/ },
    { name: 'a Resources cell of 16,000 unreadable items, under the cap (CSV)', kind: 'csv', text: () => hostile.hostileCsvResourceItems(16_000), expected: /is not understood/ },
    // Found while fixing those.
    { name: 'a .gantry plan whose 20,000 tasks form one cycle', kind: 'gantry', text: () => hostile.hostileGantryCycle(20_000), expected: /.*/ },
    { name: 'a .gantry plan with 10,000 calendars in one base chain (a stack overflow before)', kind: 'gantry', text: () => hostile.hostileGantryCalendarChain(10_000), expected: /based on a chain of more than 16 calendars/ },
    { name: '10,000 MS Project calendars in one base chain (a stack overflow before)', kind: 'mspdi', text: () => hostile.hostileXmlCalendarChain(10_000), expected: /.*/ },
    { name: '100,000 document type declarations before the root', kind: 'mspdi', text: () => hostile.hostileXmlDoctypes(100_000), expected: /.*/ },
    { name: 'a calendar of 20,000 exceptions under a 60,000-day task', kind: 'mspdi', text: () => hostile.hostileXmlExceptions(20_000), expected: /.*/ },
    { name: 'a CSV of 200,000 rows in one cycle (a stack overflow before)', kind: 'csv', text: () => hostile.hostileCsvCycle(200_000), expected: /The predecessors form a cycle: line 2 \(T1\) -> .* -> 199990 more lines -> back to the first\./ },
  ]
  for (const item of cases) {
    it(
      item.name,
      () => {
        const result = answer(item.text(), item.kind, fileNames[item.kind])
        expect(answerProblem(result)).toBeNull()
        expect(result.ok ? 'accepted' : result.message).toMatch(item.expected)
      },
      120_000,
    )
  }

  it('the parsers the editors share: a megabyte typed into a duration, predecessor or resources cell', () => {
    const settings = planSettingsDefault()
    const resources = [{ id: 1, name: 'x', role: '', initials: '', email: '', maxUnits: 100, hourlyRate: 0, nonWorkingDays: [], calendarId: null }]
    const checks: [string, () => { ok: boolean }][] = [
      ['duration', () => durationParse(`1${' '.repeat(1_000_000)}!`, settings)],
      ['predecessors', () => predecessorsParse(`1${' '.repeat(1_000_000)}x`, () => 1, settings)],
      ['resources', () => assignmentsTextParse(Array.from({ length: 200_000 }, () => 'x[1]y').join(','), resources)],
    ]
    for (const [name, parse] of checks) {
      const started = performance.now()
      const result = parse()
      const ms = performance.now() - started
      expect(result.ok, name).toBe(false)
      expect(ms, `${name} took ${Math.round(ms)} ms`).toBeLessThan(answerBoundMs)
    }
  })
})
