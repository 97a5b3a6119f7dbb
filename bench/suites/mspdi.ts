/**
 * Microsoft Project XML benchmarks on a seeded 10,000-task plan with 50 resources (~1.2 assignments per leaf task):
 * - `export.mspdi`: `mspdiWrite(plan)` (target <= 1 s);
 * - `import.mspdi`: `mspdiRead(text)` of that export: safety checks, XMLValidator, scan, mapping and the final
 *   plan validation (target <= 1.5 s).
 * Each JSON line carries memory: `heapDeltaMb` (heap still held right after one call, before any GC: a lower bound
 * of that call's peak), `heapUsedMb` and `rssMb` at that moment, and `peakRssMb` (the process's maximum RSS so far).
 */
import { loadavg } from 'node:os'
import { mspdiRead, mspdiWrite } from '../../src/shared/formats/mspdi'
import { generatePlan } from '../../tests/support/generate-plan'
import { bench } from '../lib'

function megabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10
}

/** Memory around one call of `body`, collecting garbage first when node runs with --expose-gc. */
function memoryOf(body: () => unknown): Record<string, number> {
  const collect = (globalThis as { gc?: () => void }).gc
  collect?.()
  const before = process.memoryUsage()
  const kept = body()
  const after = process.memoryUsage()
  const fields = {
    heapDeltaMb: megabytes(after.heapUsed - before.heapUsed),
    heapUsedMb: megabytes(after.heapUsed),
    rssMb: megabytes(after.rss),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }
  if (kept === undefined) console.log('')
  return fields
}

/**
 * Runs `body` through `bench` and prints a second line with the CPU time per call (user + system, all threads,
 * GC included). On a shared, overloaded machine wall-clock medians grow with the load; CPU time much less so.
 */
async function benchWithCpu(name: string, fields: Record<string, number>, body: () => unknown): Promise<void> {
  const warmup = 2
  const runs = 9
  const before = process.cpuUsage()
  const result = await bench({ bench: name, fields, runs, warmup }, body)
  const cpu = process.cpuUsage(before)
  console.log(
    JSON.stringify({
      bench: `${name}.cpu`,
      tasks: fields.tasks ?? 0,
      cpuMsPerRun: Math.round((cpu.user + cpu.system) / 1000 / (warmup + runs)),
      medianMs: result.medianMs,
      loadAverage1m: Math.round(loadavg()[0] * 10) / 10,
    }),
  )
}

export async function run(): Promise<void> {
  const plan = generatePlan({ tasks: 10_000, seed: 42, resources: 50 })
  const fields = { tasks: plan.tasks.length, links: plan.dependencies.length, resources: plan.resources.length, assignments: plan.assignments.length }
  const text = mspdiWrite(plan)
  await benchWithCpu('export.mspdi', { ...fields, bytes: text.length, ...memoryOf(() => mspdiWrite(plan)) }, () => mspdiWrite(plan).length)
  const check = mspdiRead(text)
  if (!check.ok) throw new Error(check.error.message)
  if (check.plan.tasks.length !== plan.tasks.length) throw new Error('import lost tasks')
  await benchWithCpu('import.mspdi', { ...fields, bytes: text.length, ...memoryOf(() => mspdiRead(text)) }, () => {
    const result = mspdiRead(text)
    if (!result.ok) throw new Error(result.error.message)
    return result.plan.tasks.length
  })
}
