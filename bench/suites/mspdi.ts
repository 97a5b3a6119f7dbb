/**
 * Microsoft Project XML benchmarks on a seeded 10,000-task plan with 50 resources (~1.2 assignments per leaf task):
 * - `export.mspdi`: `mspdiWrite(plan)` (target <= 1 s);
 * - `export.mspdi.scheduled`: `mspdiWrite(plan, schedule)`, as the export path writes it: the engine's dates, work and
 *   assignment dates, and the resource load's PeakUnits / OverAllocated (the schedule is computed once, outside);
 * - `import.mspdi`: `mspdiRead(text)` of that export: safety checks, XMLValidator, scan, mapping and the final
 *   plan validation (target <= 1.5 s).
 * Each JSON line carries memory: `heapDeltaMb` (heap still held right after one call, before any GC: a lower bound
 * of that call's peak), `heapUsedMb` and `rssMb` at that moment, and `peakRssMb` (the process's maximum RSS so far).
 */
import { scheduleRun } from '../../src/shared/domain/schedule'
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

export async function run(): Promise<void> {
  const plan = generatePlan({ tasks: 10_000, seed: 42, resources: 50 })
  const fields = { tasks: plan.tasks.length, links: plan.dependencies.length, resources: plan.resources.length, assignments: plan.assignments.length }
  const text = mspdiWrite(plan)
  await bench({ bench: 'export.mspdi', fields: { ...fields, bytes: text.length, ...memoryOf(() => mspdiWrite(plan)) }, runs: 9, warmup: 2 }, () => mspdiWrite(plan).length)
  const scheduled = scheduleRun(plan)
  if (!scheduled.ok) throw new Error('the bench plan cannot be scheduled')
  const schedule = scheduled.schedule
  await bench({ bench: 'export.mspdi.scheduled', fields: { ...fields, ...memoryOf(() => mspdiWrite(plan, schedule)) }, runs: 9, warmup: 2 }, () => mspdiWrite(plan, schedule).length)
  const check = mspdiRead(text)
  if (!check.ok) throw new Error(check.error.message)
  if (check.plan.tasks.length !== plan.tasks.length) throw new Error('import lost tasks')
  await bench({ bench: 'import.mspdi', fields: { ...fields, bytes: text.length, ...memoryOf(() => mspdiRead(text)) }, runs: 9, warmup: 2 }, () => {
    const result = mspdiRead(text)
    if (!result.ok) throw new Error(result.error.message)
    return result.plan.tasks.length
  })
}
