import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { overallocationsCommand } from '../../src/main/cli/commands/overallocations'
import { makeAssignment, makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import { planFileSerialize } from '../../src/shared/formats/plan-file'
import { makeJanuaryPlan, makeResource } from '../support/resource-plans'
import { mspdiSamplesDir } from '../support/samples'


async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await overallocationsCommand(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  })
  return { code, stdout, stderr }
}

/*
 * Week of Mon 2026-01-05 (Standard calendar):
 *   Ana   T1 Mon-Fri, T2 Mon-Tue next week      -> over Mon-Fri at 200 %
 *   Ben   (50 %) T3 Mon-Tue at 100 %            -> 200 %
 *   Carla T4 alone                              -> omitted
 *   Dan   T5 and T6 both Fri + Mon (SNET Fri)   -> one period over the weekend
 *   Eve   T7 and T8 two 4-hour tasks the same morning (both at 08:00) -> within-day overlap, daily peak 100 %
 */
function handMadePlan(): Plan {
  const friday = { type: 'SNET' as const, date: '2026-01-09T08:00:00' }
  return makeJanuaryPlan('cli', 'CLI', {
    tasks: [
      makeTask(1, { name: 'Build', duration: 5 * 480 }),
      makeTask(2, { name: 'Test', duration: 7 * 480 }),
      makeTask(3, { name: 'Docs', duration: 2 * 480 }),
      makeTask(4, { name: 'Deploy', duration: 480 }),
      makeTask(5, { name: 'Migrate', duration: 2 * 480, constraint: friday }),
      makeTask(6, { name: 'Backup', duration: 2 * 480, constraint: friday }),
      makeTask(7, { name: 'Review A', duration: 240, durationUnit: 'h' }),
      makeTask(8, { name: 'Review B', duration: 240, durationUnit: 'h' }),
    ],
    resources: [
      makeResource(10, 'Ana'),
      makeResource(11, 'Ben', { maxUnits: 50 }),
      makeResource(12, 'Carla'),
      makeResource(13, 'Dan'),
      makeResource(14, 'Eve'),
    ],
    assignments: [
      makeAssignment(1, 1, 10, 100, 0),
      makeAssignment(2, 2, 10, 100, 0),
      makeAssignment(3, 3, 11, 100, 0),
      makeAssignment(4, 4, 12, 100, 0),
      makeAssignment(5, 5, 13, 100, 0),
      makeAssignment(6, 6, 13, 100, 0),
      makeAssignment(7, 7, 14, 100, 0),
      makeAssignment(8, 8, 14, 100, 0),
    ],
  })
}

let folder = ''
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gantry-cli-'))
})
afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

describe('overallocations --json', () => {
  it('reports a hand-made Gantry plan exactly', async () => {
    const path = join(folder, 'hand.gantry')
    await writeFile(path, planFileSerialize(handMadePlan()))
    const result = await run([path, '--json'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout.endsWith('\n')).toBe(true)
    expect(JSON.parse(result.stdout)).toEqual({
      resources: [
        {
          uid: 10,
          name: 'Ana',
          periods: [{ start: '2026-01-05', finish: '2026-01-09', peakPercent: 200, tasks: [1, 2] }],
        },
        {
          uid: 11,
          name: 'Ben',
          periods: [{ start: '2026-01-05', finish: '2026-01-06', peakPercent: 200, tasks: [3] }],
        },
        {
          uid: 13,
          name: 'Dan',
          periods: [{ start: '2026-01-09', finish: '2026-01-12', peakPercent: 200, tasks: [5, 6] }],
        },
        {
          uid: 14,
          name: 'Eve',
          periods: [{ start: '2026-01-05', finish: '2026-01-05', peakPercent: 100, tasks: [7, 8] }],
        },
      ],
    })
  })

  it('prints the keys in the documented order', async () => {
    const path = join(folder, 'order.gantry')
    await writeFile(path, planFileSerialize(handMadePlan()))
    const { stdout } = await run(['--json', path])
    expect(
      stdout.startsWith(
        '{"resources":[{"uid":10,"name":"Ana","periods":[{"start":"2026-01-05","finish":"2026-01-09","peakPercent":200,"tasks":[1,2]}]}',
      ),
    ).toBe(true)
  })

  it('prints an empty list for a plan without over-allocation', async () => {
    const plan = handMadePlan()
    plan.assignments = plan.assignments.filter((assignment) => assignment.taskId === 4)
    const path = join(folder, 'calm.gantry')
    await writeFile(path, planFileSerialize(plan))
    expect(await run([path, '--json'])).toEqual({ code: 0, stdout: '{"resources":[]}\n', stderr: '' })
  })

  it('reads sample1.xml (MSPDI UIDs for resources and tasks)', async () => {
    const result = await run([join(mspdiSamplesDir, 'sample1.xml'), '--json'])
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as {
      resources: Array<{
        uid: number
        name: string
        periods: Array<{ tasks: number[]; peakPercent: number }>
      }>
    }
    // First Resource: 50 % on "Second Task" (UID 2) and 100 % on "Assigned Task 1" (UID 23) in the same days.
    expect(report.resources[0]).toEqual({
      uid: 1,
      name: 'First Resource',
      periods: [{ start: '2003-01-07', finish: '2003-01-13', peakPercent: 150, tasks: [2, 23] }],
    })
    expect(report.resources[1]).toMatchObject({ uid: 2, name: 'Second Resource' })
    expect(report.resources[1]?.periods[0]).toMatchObject({
      start: '2003-01-07',
      peakPercent: 175,
      tasks: [2, 24],
    })
  })

  it('reads mspdiresource.xml', async () => {
    const result = await run([join(mspdiSamplesDir, 'mspdiresource.xml'), '--json'])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({
      resources: [
        {
          uid: 1,
          name: 'Wade Golden',
          periods: [{ start: '2006-08-28', finish: '2006-08-29', peakPercent: 200, tasks: [2, 4] }],
        },
      ],
    })
  })
})

describe('overallocations text output', () => {
  it('lists each resource and period in words', async () => {
    const path = join(folder, 'text.gantry')
    await writeFile(path, planFileSerialize(handMadePlan()))
    const result = await run([path])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Ana (uid 10)\n  2026-01-05 to 2026-01-09: peak 200 %, tasks 1, 2')
    expect(result.stdout).toContain('Eve (uid 14)\n  2026-01-05: peak 100 %, tasks 7, 8')
  })
})

describe('overallocations bad input', () => {
  it.each([
    [[], /no file given; usage/],
    [['a.gantry', 'b.gantry'], /exactly one file/],
    [['--yaml', 'a.gantry'], /unknown option --yaml/],
    [['/nonexistent/plan.gantry', '--json'], /plan\.gantry/],
  ])('%j exits 1 with one line', async (args, message) => {
    const result = await run(args)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(message)
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1)
  })

  it.each([
    ['empty.gantry', '', /empty/],
    ['broken.gantry', '{"format":"gantry-plan"', /not valid JSON/],
    ['other.json', '{"hello":1}', /not a Gantry plan/],
    ['broken.xml', '<Project><Tasks>', /./],
    ['binary.gantry', '\u0000\u0001\u0002', /binary/],
  ])('%s exits 1 with one line', async (name, content, message) => {
    const path = join(folder, name)
    await writeFile(path, content)
    const result = await run([path, '--json'])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(message)
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1)
  })

  it('a plan with a dependency cycle exits 1 naming the cycle', async () => {
    const plan = handMadePlan()
    plan.dependencies = [
      { id: 1, predecessorId: 1, successorId: 2, type: 'FS', lag: 0, lagUnit: 'd' },
      { id: 2, predecessorId: 2, successorId: 1, type: 'FS', lag: 0, lagUnit: 'd' },
    ]
    const path = join(folder, 'cycle.gantry')
    await writeFile(path, planFileSerialize(plan))
    const result = await run([path, '--json'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/cannot be scheduled: .*cycle/)
  })

  it('a folder is refused', async () => {
    const result = await run([folder, '--json'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/not a file/)
  })
})

describe('npm run cli -- overallocations (real process)', () => {
  const root = resolve(__dirname, '../..')
  const tsx = join(root, 'node_modules', '.bin', 'tsx')
  const runProcess = async (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    try {
      const { stdout, stderr } = await promisify(execFile)(
        tsx,
        ['src/main/cli/index.ts', 'overallocations', ...args],
        { cwd: root },
      )
      return { code: 0, stdout, stderr }
    } catch (error) {
      const failure = error as { code?: number; stdout?: string; stderr?: string }
      return { code: failure.code ?? -1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' }
    }
  }

  it('prints the JSON for mspdiresource.xml and exits 0', async () => {
    const result = await runProcess([join(mspdiSamplesDir, 'mspdiresource.xml'), '--json'])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(
      '{"resources":[{"uid":1,"name":"Wade Golden","periods":[{"start":"2006-08-28","finish":"2006-08-29","peakPercent":200,"tasks":[2,4]}]}]}\n',
    )
  })

  it('exits 1 with one line on stderr for a missing file', async () => {
    const result = await runProcess([join(folder, 'missing.xml'), '--json'])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(/^overallocations: .*missing\.xml/)
  })
})
