import { execFileSync } from 'node:child_process'
import { access, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import { csvExportPlan, csvParse } from '../../src/shared/formats/csv'
import { mspdiRead } from '../../src/shared/formats/mspdi/read'
import { planFileParse, planFileSerialize } from '../../src/shared/formats/plan-file'
import { checkCommand } from '../../src/main/cli/commands/check'
import { exportCommand } from '../../src/main/cli/commands/export'
import { cliProgressBytes, type CliOutput } from '../../src/main/cli/read'
import { importCommand } from '../../src/main/cli/commands/import'
import { exportPlanMspdi, exportSchedule } from '../../src/main/export'
import { generatePlan } from '../support/generate-plan'
import { samplePlan } from './export-plans'
import { mspdiSamplesDir } from '../support/samples'

/** The CSV export's text (the test fails when the export refuses the plan). */
function csvExportText(...args: Parameters<typeof csvExportPlan>): string {
  const result = csvExportPlan(...args)
  if (!result.ok) throw new Error(result.error)
  return result.text
}


function capture(): CliOutput & { out: string; err: string } {
  const result = {
    out: '',
    err: '',
    stdout: (text: string) => {
      result.out += text
    },
    stderr: (text: string) => {
      result.err += text
    },
  }
  return result
}

function cyclicPlan(): Plan {
  const plan = makePlan('cyclic', 'Cyclic', '2026-03-02T08:00:00', '2026-03-01T00:00:00', {
    tasks: [makeTask(1, { name: 'A' }), makeTask(2, { name: 'B' }), makeTask(3, { name: 'C' })],
  })
  plan.dependencies = [
    { id: 1, predecessorId: 1, successorId: 2, type: 'FS', lag: 0, lagUnit: 'd' },
    { id: 2, predecessorId: 2, successorId: 3, type: 'FS', lag: 0, lagUnit: 'd' },
    { id: 3, predecessorId: 3, successorId: 1, type: 'FS', lag: 0, lagUnit: 'd' },
  ]
  return plan
}

let folder = ''
let samplePath = ''
let cyclicPath = ''
let cleanPath = ''

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gantry-cli-'))
  samplePath = join(folder, 'sample.gantry')
  cyclicPath = join(folder, 'cyclic.gantry')
  cleanPath = join(folder, 'clean.gantry')
  await writeFile(samplePath, planFileSerialize(samplePlan()))
  await writeFile(cyclicPath, planFileSerialize(cyclicPlan()))
  const clean = samplePlan()
  clean.assignments = clean.assignments.filter((assignment) => assignment.taskId !== 7)
  await writeFile(cleanPath, planFileSerialize(clean))
})

afterAll(async () => {
  if (folder !== '') await rm(folder, { recursive: true, force: true })
})

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

describe('cli export', () => {
  it('writes an Excel workbook with the seven sheets', async () => {
    const out = join(folder, 'sample.xlsx')
    const io = capture()
    expect(await exportCommand([samplePath, '--to', 'xlsx', '--out', out], io)).toBe(0)
    expect(io.err).toBe('')
    expect(io.out).toBe(`Exported 9 tasks of "Sample "rollout", phase 1" to ${out}\n`)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await readFile(out)) as unknown as ArrayBuffer)
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Schedule', 'Gantt', 'Resources', 'Resource usage', 'Milestones', 'Earned value', 'RAID'])
    expect(book.getWorksheet('Schedule')!.getCell('C4').value).toBe('=HYPERLINK("http://example.com","x")')
  })

  it('writes Microsoft Project XML that the MSPDI reader reads back with every task and link', async () => {
    const out = join(folder, 'sample.xml')
    const io = capture()
    expect(await exportCommand([samplePath, '--to=mspdi', `--out=${out}`], io)).toBe(0)
    // The sample's RAID log has no place in the file: said on stderr, the export still succeeds.
    expect(io.err).toBe(
      'note: The RAID log (5 items) is not part of Microsoft Project XML; it stays in the plan and is in the Excel export.\n',
    )
    const read = mspdiRead(await readFile(out, 'utf8'))
    if (!read.ok) throw new Error(read.error.message)
    const plan = samplePlan()
    expect(read.plan.tasks.map((task) => [task.name, task.level, task.isMilestone])).toEqual(plan.tasks.map((task) => [task.name, task.level, task.isMilestone]))
    expect(read.plan.dependencies.map((link) => [link.predecessorId, link.successorId, link.type, link.lag])).toEqual(
      plan.dependencies.map((link) => [link.predecessorId, link.successorId, link.type, link.lag]),
    )
  })

  it('writes the same CSV as the app export', async () => {
    const out = join(folder, 'sample.csv')
    expect(await exportCommand([samplePath, '--to', 'csv', '--out', out], capture())).toBe(0)
    const plan = samplePlan()
    expect(await readFile(out, 'utf8')).toBe(csvExportText(plan, exportSchedule(plan)))
  })

  it('exports a Microsoft Project sample file', async () => {
    const out = join(folder, 'sample1.csv')
    const io = capture()
    expect(await exportCommand([join(mspdiSamplesDir, 'sample1.xml'), '--to', 'csv', '--out', out], io)).toBe(0)
    // No RAID log, nothing left out: no note.
    expect(io.err).toBe('')
    const parsed = csvParse(await readFile(out, 'utf8'))
    if (!parsed.ok) throw new Error(parsed.error)
    const read = mspdiRead(await readFile(join(mspdiSamplesDir, 'sample1.xml'), 'utf8'))
    if (!read.ok) throw new Error(read.error.message)
    expect(parsed.rows.slice(1).map((row) => row[2])).toEqual(read.plan.tasks.map((task) => task.name))
  })

  it.each([
    [['--to', 'xlsx', '--out', 'x.xlsx'], 'export: no file given; usage: npm run cli -- export <file.gantry|file.xml|file.csv> --to xlsx|mspdi|csv --out <path>\n'],
    [['PLAN', '--out', 'x.xlsx'], 'export: --to is missing; usage: npm run cli -- export <file.gantry|file.xml|file.csv> --to xlsx|mspdi|csv --out <path>\n'],
    [['PLAN', '--to', 'pdf', '--out', 'x.pdf'], 'export: --to must be xlsx, mspdi or csv, not "pdf"\n'],
    [['PLAN', '--to', 'csv'], 'export: --out is missing; usage: npm run cli -- export <file.gantry|file.xml|file.csv> --to xlsx|mspdi|csv --out <path>\n'],
    [['PLAN', '--to', 'csv', '--out', 'x', '--force'], 'export: unknown option --force; usage: npm run cli -- export <file.gantry|file.xml|file.csv> --to xlsx|mspdi|csv --out <path>\n'],
  ])('refuses bad arguments %j with one line', async (args, message) => {
    const io = capture()
    expect(await exportCommand(args.map((arg) => (arg === 'PLAN' ? samplePath : arg)), io)).toBe(1)
    expect(io.err).toBe(message)
    expect(io.out).toBe('')
  })

  it('refuses a plan that cannot be scheduled, naming the cycle, and writes nothing', async () => {
    const out = join(folder, 'cyclic.xlsx')
    const io = capture()
    expect(await exportCommand([cyclicPath, '--to', 'xlsx', '--out', out], io)).toBe(1)
    expect(io.err).toMatch(/^export: The plan cannot be scheduled, so it cannot be exported: .*cycle.*\n$/i)
    expect(io.err.split('\n')).toHaveLength(2)
    expect(await exists(out)).toBe(false)
  })

  it('refuses a missing file and a file that is not a plan with one line', async () => {
    const io = capture()
    expect(await exportCommand([join(folder, 'nope.gantry'), '--to', 'csv', '--out', join(folder, 'nope.csv')], io)).toBe(1)
    expect(io.err).toMatch(/^export: .*nope\.gantry.*\n$/)
    const garbage = join(folder, 'garbage.gantry')
    await writeFile(garbage, '{"format":"something-else"}')
    const second = capture()
    expect(await exportCommand([garbage, '--to', 'csv', '--out', join(folder, 'garbage.csv')], second)).toBe(1)
    expect(second.err).toMatch(/^export: "garbage\.gantry": .+\n$/)
    expect(await exists(join(folder, 'garbage.csv'))).toBe(false)
  })

  it('reports a folder it cannot write to with one line', async () => {
    const io = capture()
    expect(await exportCommand([samplePath, '--to', 'csv', '--out', join(folder, 'no-such-folder', 'x.csv')], io)).toBe(1)
    expect(io.err.split('\n')).toHaveLength(2)
    expect(io.err).toMatch(/^export: .+/)
  })
})

describe('cli import', () => {
  it('converts a Microsoft Project file into a Gantry plan file that opens', async () => {
    const out = join(folder, 'imported.gantry')
    const io = capture()
    expect(await importCommand([join(mspdiSamplesDir, 'sample1.xml'), '--out', out], io)).toBe(0)
    const parsed = planFileParse(await readFile(out, 'utf8'))
    if (!parsed.ok) throw new Error(parsed.error.message)
    const read = mspdiRead(await readFile(join(mspdiSamplesDir, 'sample1.xml'), 'utf8'))
    if (!read.ok) throw new Error(read.error.message)
    expect(parsed.plan.tasks.map((task) => task.name)).toEqual(read.plan.tasks.map((task) => task.name))
    expect(parsed.plan.dependencies).toHaveLength(read.plan.dependencies.length)
    expect(io.out).toMatch(new RegExp(`^Imported ${read.plan.tasks.length} tasks, ${read.plan.dependencies.length} links and ${read.plan.resources.length} resources into `))
  })

  it('imports a task CSV too', async () => {
    const csvPath = join(folder, 'tasks.csv')
    await writeFile(csvPath, '\uFEFFName,Duration,Predecessors\r\nDesign,3d,\r\nBuild,5d,1\r\n')
    const out = join(folder, 'tasks.gantry')
    expect(await importCommand([csvPath, '--out', out], capture())).toBe(0)
    const parsed = planFileParse(await readFile(out, 'utf8'))
    if (!parsed.ok) throw new Error(parsed.error.message)
    expect(parsed.plan.tasks.map((task) => task.name)).toEqual(['Design', 'Build'])
  })

  it('prints the CSV reader\'s warnings on stderr: a linked task typed to start before its predecessor allows', async () => {
    const csvPath = join(folder, 'early.csv')
    await writeFile(csvPath, 'Name,Duration,Start,Predecessors\r\nDesign,5d,2026-03-02,\r\nBuild,3d,2026-03-03,1\r\n')
    const out = join(folder, 'early.gantry')
    const io = capture()
    expect(await importCommand([csvPath, '--out', out], io)).toBe(0)
    expect(io.err).toBe('import: warning: The start on line 3 (Build) is before its predecessors allow; the links decide.\n')
    expect(await exists(out)).toBe(true)
  })

  it.each([
    ['empty.xml', ''],
    ['truncated.xml', '<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project"><Tasks><Task><UID>1'],
    ['binary.xml', '\u0000\u0001\u0002PK'],
    ['bomb.xml', '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><Project>&lol2;</Project>'],
    // A lag the .gantry format refuses: the CSV branch once skipped the plan check and wrote a file Gantry refuses.
    ['percent-lag.csv', 'Name,Predecessors\r\nA,\r\nB,1FS+99999999999%\r\n'],
    ['long-name.csv', `Name\r\n"${'x'.repeat(1001)}"\r\n`],
  ])('refuses %s with one line and writes nothing', async (name, text) => {
    const input = join(folder, name)
    await writeFile(input, text)
    const out = join(folder, `${name}.gantry`)
    const io = capture()
    expect(await importCommand([input, '--out', out], io)).toBe(1)
    expect(io.err).toMatch(/^import: .+\n$/)
    expect(io.err.split('\n')).toHaveLength(2)
    expect(await exists(out)).toBe(false)
    expect((await readdir(folder)).filter((file) => file.includes('gantry-tmp'))).toEqual([])
  })

  it('reports progress on stderr while it reads a large file', async () => {
    const large = join(folder, 'large.xml')
    await writeFile(large, exportPlanMspdi(generatePlan({ tasks: 10_000, seed: 5, resources: 20 })))
    expect((await stat(large)).size).toBeGreaterThanOrEqual(cliProgressBytes)
    const io = capture()
    expect(await importCommand([large, '--out', join(folder, 'large.gantry')], io)).toBe(0)
    const lines = io.err.trim().split('\n')
    expect(lines[0]).toBe('reading large.xml: 0 %')
    expect(lines.at(-1)).toBe('reading large.xml: 100 %')
    expect(lines.length).toBeGreaterThanOrEqual(3)
    expect(io.out).toMatch(/^Imported 10000 tasks/)
  })

  it('refuses a Gantry plan as input', async () => {
    const io = capture()
    expect(await importCommand([samplePath, '--out', join(folder, 'again.gantry')], io)).toBe(1)
    expect(io.err).toBe('import: "sample.gantry" is already a Gantry plan; import reads Microsoft Project XML or CSV\n')
  })
})

describe('cli check', () => {
  it('passes a plan without problems', async () => {
    const io = capture()
    expect(await checkCommand([cleanPath], io)).toBe(0)
    expect(io.out).toBe('clean.gantry: 9 tasks, no problems found.\n')
    expect(io.err).toBe('')
  })

  it('reports over-allocations with the resource, the period, the peak and the tasks', async () => {
    const io = capture()
    expect(await checkCommand([samplePath], io)).toBe(1)
    const lines = io.out.trim().split('\n')
    expect(lines.every((line) => line.startsWith('over-allocation: '))).toBe(true)
    expect(lines.some((line) => line.startsWith('over-allocation: Ana Ferreira is over-allocated from 2026-03-10 to 2026-03-12'))).toBe(true)
    expect(lines.some((line) => line.includes('Ben is over-allocated') && line.includes('7 "-Frontend"'))).toBe(true)
    expect(io.err).toMatch(/^check: sample\.gantry: \d+ problems, the first: .+\n$/)
  })

  it('reports a dependency cycle with its tasks', async () => {
    const io = capture()
    expect(await checkCommand([cyclicPath, '--json'], io)).toBe(1)
    const report = JSON.parse(io.out) as { file: string; tasks: number; problems: { kind: string; message: string }[] }
    expect(report.file).toBe('cyclic.gantry')
    expect(report.tasks).toBe(3)
    expect(report.problems.map((problem) => problem.kind)).toEqual(['cycle'])
    expect(report.problems[0]?.message).toMatch(/ Tasks: 1 "A", 2 "B", 3 "C"\.$/)
  })

  it('reports a dangling link in a plan file as unreadable, naming the missing task', async () => {
    const dangling = JSON.parse(planFileSerialize(samplePlan())) as { plan: Plan }
    dangling.plan.dependencies.push({ id: 99, predecessorId: 42, successorId: 2, type: 'FS', lag: 0, lagUnit: 'd' })
    const path = join(folder, 'dangling.gantry')
    await writeFile(path, JSON.stringify(dangling))
    const io = capture()
    expect(await checkCommand([path], io)).toBe(1)
    expect(io.out).toMatch(/^unreadable: "dangling\.gantry": .*task 42.*\n$/)
  })

  it('reports a task that misses its deadline-driven constraint', async () => {
    const plan = samplePlan()
    plan.assignments = []
    const late = plan.tasks[8]!
    plan.tasks[8] = { ...late, constraint: { type: 'MFO', date: '2026-03-12T17:00:00' } }
    const path = join(folder, 'late.gantry')
    await writeFile(path, planFileSerialize(plan))
    const io = capture()
    expect(await checkCommand([path], io)).toBe(1)
    expect(io.out).toMatch(/^negative-slack: Task \d+ ".+" is [\d.]+ working days late/m)
  })

  it('answers at once for a named pipe, which it refuses without opening', async () => {
    const pipe = join(folder, 'pipe.gantry')
    execFileSync('mkfifo', [pipe])
    const io = capture()
    expect(await checkCommand([pipe], io)).toBe(1)
    expect(io.out).toBe('unreadable: "pipe.gantry" is a named pipe, not a file Gantry can read.\n')
    expect(io.err).toBe('check: pipe.gantry: "pipe.gantry" is a named pipe, not a file Gantry can read.\n')
  })

  it('checks a Microsoft Project sample file', async () => {
    const io = capture()
    const status = await checkCommand([join(mspdiSamplesDir, 'sample1.xml'), '--json'], io)
    const report = JSON.parse(io.out) as { tasks: number; problems: unknown[] }
    expect(report.tasks).toBeGreaterThan(0)
    expect(status).toBe(report.problems.length === 0 ? 0 : 1)
  })
})
