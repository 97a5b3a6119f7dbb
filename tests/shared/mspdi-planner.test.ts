/**
 * Independent-reader test (issue 6 item 3): GNOME Planner's MS Project import is `msp2planner.xsl` run by libxslt,
 * then a check against `mrproject-0.6.dtd` (FIELDS.md §10). We run the same steps with `xsltproc` and `xmllint` on
 * files we export and check that every task, outline level (nesting), milestone and link survives.
 *
 * Planner nests tasks by OutlineNumber prefix + OutlineLevel and silently drops a task whose parent number is
 * missing, so this also checks our OutlineNumber/WBS/ID bookkeeping. It ignores calendars, so dates are not compared.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Plan } from '../../src/shared/domain/model'
import { mspdiRead, mspdiWrite } from '../../src/shared/formats/mspdi'
import { mspdiScan, type ScanNode } from '../../src/shared/formats/mspdi/scan'
import { generatePlan } from '../support/generate-plan'
import { mspdiSamplesDir } from '../support/samples'

const stylesheet = '/usr/share/planner/stylesheets/msp2planner.xsl'
const dtd = '/usr/share/planner/dtd/mrproject-0.6.dtd'
const workDir = mkdtempSync(join(tmpdir(), 'gantry-planner-'))
afterAll(() => rmSync(workDir, { recursive: true, force: true }))

function requireTools(): void {
  const missing = [
    ['xsltproc', '/usr/bin/xsltproc'],
    ['xmllint', '/usr/bin/xmllint'],
    ['planner-data (msp2planner.xsl)', stylesheet],
    ['planner-data (mrproject-0.6.dtd)', dtd],
  ].filter(([, path]) => !existsSync(path as string))
  if (missing.length > 0) {
    throw new Error(
      `The independent-reader test needs ${missing.map(([name]) => name).join(', ')}. ` +
        'Run the apt step of .ci/run (apt-get install xsltproc libxml2-utils planner-data); CI installs them.',
    )
  }
}

type PlannerTask = { id: string; name: string; depth: number; isMilestone: boolean; predecessors: { id: string; type: string; lag: number }[] }

/** Transforms an exported file with Planner's stylesheet, validates it against Planner's DTD, and lists its tasks depth-first. */
function throughPlanner(name: string, xml: string): PlannerTask[] {
  requireTools()
  const input = join(workDir, `${name}.xml`)
  const output = join(workDir, `${name}.planner`)
  writeFileSync(input, xml)
  const planner = execFileSync('xsltproc', ['--nonet', stylesheet, input], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 })
  writeFileSync(output, planner)
  execFileSync('xmllint', ['--noout', '--nonet', '--dtdvalid', dtd, output], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  const scanned = mspdiScan(planner, 256, new Set(['task', 'predecessor', 'resource', 'allocation']))
  if (!scanned.ok) throw new Error(`Planner output is not XML: ${scanned.message}`)
  expect(scanned.root).toBe('project')
  const tasks: PlannerTask[] = []
  const walk = (node: ScanNode | undefined, depth: number) => {
    const children = node?.task
    for (const task of (Array.isArray(children) ? children : []) as ScanNode[]) {
      const predecessors = ((task.predecessors as ScanNode | undefined)?.predecessor ?? []) as ScanNode[]
      tasks.push({
        id: task['@_id'] as string,
        name: task['@_name'] as string,
        depth,
        isMilestone: task['@_type'] === 'milestone',
        predecessors: predecessors.map((link) => ({ id: link['@_predecessor-id'] as string, type: link['@_type'] as string, lag: Number(link['@_lag']) })),
      })
      walk(task, depth + 1)
    }
  }
  walk(scanned.node.tasks as ScanNode | undefined, 1)
  return tasks
}

/** Exports `plan`, runs it through Planner and compares tasks, nesting, milestones and links. */
function expectPlannerKeeps(name: string, plan: Plan): void {
  const tasks = throughPlanner(name, mspdiWrite(plan))
  // Every task, in outline order, with its name, nesting depth and milestone flag.
  expect(tasks.map((task) => [task.name, task.depth, task.isMilestone])).toEqual(plan.tasks.map((task) => [task.name, task.level, task.isMilestone]))
  // Every link: Planner ids are our row numbers (ID = position + 1); lags are seconds (LinkLag x 6).
  const rowOf = new Map(plan.tasks.map((task, index) => [task.id, index + 1]))
  const expected = plan.dependencies
    .map((link) => {
      const lag = link.lagUnit === '%' || link.lagUnit === 'e%' ? '%' : String(Math.round(link.lag * 10) * 6)
      return `${rowOf.get(link.predecessorId)}->${rowOf.get(link.successorId)} ${link.type} ${lag}`
    })
    .sort()
  const percentLinks = new Set(plan.dependencies.filter((link) => link.lagUnit === '%' || link.lagUnit === 'e%').map((link) => `${rowOf.get(link.predecessorId)}->${rowOf.get(link.successorId)}`))
  const actual = tasks
    .flatMap((task) =>
      task.predecessors.map((link) => {
        const key = `${link.id}->${task.id}`
        return `${key} ${link.type} ${percentLinks.has(key) ? '%' : String(link.lag)}`
      }),
    )
    .sort()
  expect(actual).toEqual(expected)
  expect(actual.length).toBe(plan.dependencies.length)
}

function readSample(file: string): Plan {
  const result = mspdiRead(readFileSync(join(mspdiSamplesDir, file), 'utf8'))
  if (!result.ok) throw new Error(result.error.message)
  return result.plan
}

describe("GNOME Planner's msp2planner.xsl reads our exports", () => {
  it('keeps every task, outline level, milestone and link of a generated 300-task plan with resources', { timeout: 180_000 }, () => {
    const plan = generatePlan({ tasks: 300, seed: 7, resources: 12 })
    // Names Planner must carry through its attributes unchanged.
    plan.tasks[1] = { ...(plan.tasks[1] as Plan['tasks'][number]), name: 'R&D <phase> "quoted" \'single\' é 漢字 😀' }
    expect(plan.tasks.some((task) => task.isMilestone)).toBe(true)
    expect(new Set(plan.dependencies.map((link) => link.type)).size).toBe(4)
    expect(Math.max(...plan.tasks.map((task) => task.level))).toBe(3)
    expectPlannerKeeps('generated', plan)
  })

  for (const file of ['sample1.xml', 'officeimo-relationships.xml', 'task-links-project2007-mspdi.xml', 'officeimo-constraints.xml']) {
    it(`keeps every task, outline level, milestone and link of ${file} re-exported by Gantry`, () => {
      expectPlannerKeeps(file.replace('.xml', ''), readSample(file))
    })
  }

  it('fails loudly (not silently) when a task would lose its parent: a broken OutlineNumber is detected', () => {
    // Control for the test itself: damage the export the way a bad writer would, and the comparison must fail.
    const plan = readSample('sample1.xml')
    const broken = mspdiWrite(plan).replace('<OutlineNumber>1.1</OutlineNumber>', '<OutlineNumber>9.1</OutlineNumber>')
    const tasks = throughPlanner('broken', broken)
    expect(tasks.length).toBe(plan.tasks.length - 1)
  })
})
