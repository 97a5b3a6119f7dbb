/**
 * Plan save benchmark (`save.plan`): a 10,000-task plan with 50 resources serialised to `.gantry` JSON and written
 * with safe save (temp file, fsync, size check, .bak link, rename, folder fsync), as `plan/save` does.
 * Also `open.plan`: reading it back through the plan-file parser (strict validation). Peak RSS is printed.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { safeSave } from '../../src/main/files/safe-save'
import { planFileParse, planFileSerialize } from '../../src/shared/formats/plan-file'
import { generatePlan } from '../../tests/support/generate-plan'
import { bench } from '../lib'

export async function run(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'gantry-bench-save-'))
  try {
    const plan = generatePlan({ tasks: 10_000, seed: 42, resources: 50 })
    const target = join(folder, 'plan.gantry')
    let bytes = 0
    const saved = await bench({ bench: 'save.plan', fields: { tasks: 10_000, resources: 50 }, runs: 15, warmup: 3 }, async () => {
      const text = planFileSerialize(plan)
      bytes = text.length
      await safeSave(target, text)
      return bytes
    })
    const opened = await bench({ bench: 'open.plan', fields: { tasks: 10_000 }, runs: 15, warmup: 3 }, async () => {
      const result = planFileParse(await readFile(target, 'utf8'))
      if (!result.ok) throw new Error(result.error.message)
      return result.plan.tasks.length
    })
    console.log(
      JSON.stringify({
        bench: 'save.plan.memory',
        fileBytes: bytes,
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        saveMedianMs: saved.medianMs,
        openMedianMs: opened.medianMs,
      }),
    )
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}
