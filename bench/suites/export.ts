/**
 * Export benchmarks on a 10,000-task plan with 50 resources (target: `export.xlsx` <= 3 s on our 2-core machines):
 * - `export.xlsx`: the whole Excel export as the Export menu and the CLI run it (schedule, workbook description with
 *   five sheets, ExcelJS rendering, zip), from plan to .xlsx bytes;
 * - `export.csv`: the CSV task table, from plan to text.
 * The `export.xlsx.memory` line carries the file size, the peak resident memory of the process (this suite runs first
 * in `npm run bench`, so the peak is the export's own unless a filter runs other suites before it) and the median CPU
 * time of the timed runs (user + system, all threads).
 */
import { exportPlanCsv, exportPlanXlsx } from '../../src/main/export'
import { generatePlan } from '../../tests/support/generate-plan'
import { bench, median } from '../lib'

const tasks = 10_000
const resources = 50

export async function run(): Promise<void> {
  const plan = generatePlan({ tasks, seed: 42, resources })
  const rssBeforeMb = Math.round(process.memoryUsage().rss / 1024 / 1024)
  let bytes = 0
  // CPU time (all threads) per run, next to the wall time: on a shared machine it shows what the export itself costs.
  const cpuMs: number[] = []
  const xlsx = await bench({ bench: 'export.xlsx', fields: { tasks, resources }, warmup: 1, runs: 5 }, async () => {
    const before = process.cpuUsage()
    const file = await exportPlanXlsx(plan, '2026-01-01T00:00:00')
    const used = process.cpuUsage(before)
    cpuMs.push((used.user + used.system) / 1000)
    bytes = file.length
    return bytes
  })
  console.log(
    JSON.stringify({
      bench: 'export.xlsx.memory',
      tasks,
      resources,
      assignments: plan.assignments.length,
      fileBytes: bytes,
      rssBeforeMb,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      medianMs: xlsx.medianMs,
      cpuMedianMs: Math.round(median(cpuMs.slice(1))),
    }),
  )
  await bench({ bench: 'export.csv', fields: { tasks, resources }, warmup: 2, runs: 10 }, () => exportPlanCsv(plan).length)
}
