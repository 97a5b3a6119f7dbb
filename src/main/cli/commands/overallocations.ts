/**
 * `npm run cli -- overallocations <file> [--json]`: the over-allocated periods of every resource of a Gantry plan
 * (`.gantry`) or a Microsoft Project XML file (`.xml`), computed on the engine's schedule.
 *
 * With `--json` it prints exactly
 * `{"resources":[{"uid":…,"name":…,"periods":[{"start":"YYYY-MM-DD","finish":"YYYY-MM-DD","peakPercent":…,"tasks":[uid,…]}]}]}`
 * (uid = the MSPDI resource UID or the Gantry resource id; tasks = task UIDs / ids; resources without
 * over-allocation are left out). Bad input: exit status 1 and one line on stderr.
 */
import { basename, extname } from 'node:path'
import { loadCompute } from '../../../shared/domain/load'
import type { Plan } from '../../../shared/domain/model'
import { scheduleRun } from '../../../shared/domain/schedule'
import { mspdiRead } from '../../../shared/formats/mspdi/read'
import { planFileMaxBytes, planFileParse } from '../../../shared/formats/plan-file'
import { decodeText, readFileCapped } from '../../files/safe-save'

export type OverallocationsJson = {
  resources: Array<{
    uid: number
    name: string
    periods: Array<{ start: string; finish: string; peakPercent: number; tasks: number[] }>
  }>
}

/** Where the command writes; the real process streams by default, strings in tests. */
export type CliOutput = { stdout: (text: string) => void; stderr: (text: string) => void }

const processOutput: CliOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}

const usage = 'usage: npm run cli -- overallocations <file.gantry|file.xml> [--json]'

/** The over-allocations of a plan in the command's JSON shape, or the reason the plan cannot be scheduled. */
export function overallocationsOfPlan(
  plan: Plan,
): { ok: true; report: OverallocationsJson } | { ok: false; message: string } {
  const scheduled = scheduleRun(plan)
  if (!scheduled.ok)
    return {
      ok: false,
      message: `the plan cannot be scheduled: ${scheduled.problems[0]?.message ?? 'unknown problem'}`,
    }
  const load = loadCompute(plan, scheduled.schedule)
  const resources: OverallocationsJson['resources'] = []
  plan.resources.forEach((resource, index) => {
    const periods = load.resources[index]?.periods ?? []
    if (periods.length === 0) return
    resources.push({
      uid: resource.id,
      name: resource.name,
      periods: periods.map((period) => ({
        start: period.start,
        finish: period.finish,
        peakPercent: period.peakPercent,
        tasks: period.taskIds,
      })),
    })
  })
  return { ok: true, report: { resources } }
}

/** Reads a `.gantry` plan or an MSPDI `.xml` file into a plan, or explains in one sentence why it cannot. */
export async function overallocationsReadPlan(
  path: string,
): Promise<{ ok: true; plan: Plan } | { ok: false; message: string }> {
  const fileName = basename(path)
  let text: string
  try {
    text = decodeText(await readFileCapped(path, planFileMaxBytes), fileName, 'a plan')
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
  const extension = extname(path).toLowerCase()
  const isXml =
    extension === '.xml' ||
    (extension !== '.gantry' && extension !== '.json' && text.trimStart().startsWith('<'))
  if (isXml) {
    const read = mspdiRead(text)
    return read.ok
      ? { ok: true, plan: read.plan }
      : { ok: false, message: `"${fileName}": ${read.error.message}` }
  }
  const parsed = planFileParse(text)
  return parsed.ok
    ? { ok: true, plan: parsed.plan }
    : { ok: false, message: `"${fileName}": ${parsed.error.message}` }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * Runs the command with its arguments (after the command name).
 * @returns the process exit status: 0 on success, 1 on bad input
 */
export async function overallocationsCommand(
  args: readonly string[],
  output: CliOutput = processOutput,
): Promise<number> {
  const fail = (message: string): number => {
    output.stderr(`overallocations: ${oneLine(message)}\n`)
    return 1
  }
  let isJson = false
  const files: string[] = []
  for (const arg of args) {
    if (arg === '--json') isJson = true
    else if (arg.startsWith('--')) return fail(`unknown option ${arg}; ${usage}`)
    else files.push(arg)
  }
  if (files.length !== 1)
    return fail(files.length === 0 ? `no file given; ${usage}` : `give exactly one file; ${usage}`)
  const read = await overallocationsReadPlan(files[0] as string)
  if (!read.ok) return fail(read.message)
  const result = overallocationsOfPlan(read.plan)
  if (!result.ok) return fail(result.message)
  if (isJson) {
    output.stdout(`${JSON.stringify(result.report)}\n`)
    return 0
  }
  if (result.report.resources.length === 0) {
    output.stdout('No resource is over-allocated.\n')
    return 0
  }
  const lines: string[] = []
  for (const resource of result.report.resources) {
    lines.push(`${resource.name} (uid ${resource.uid})`)
    for (const period of resource.periods) {
      const span = period.start === period.finish ? period.start : `${period.start} to ${period.finish}`
      lines.push(`  ${span}: peak ${period.peakPercent} %, tasks ${period.tasks.join(', ')}`)
    }
  }
  output.stdout(`${lines.join('\n')}\n`)
  return 0
}
