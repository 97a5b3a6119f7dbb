import type { Plan } from '../../../shared/domain/model'
import { planRestore, type PlanFileResult } from '../../../shared/formats/plan-file'

/**
 * Plans this page has already checked with `planRestore`. Browser mode reads files in the page: the plan it hands
 * the store was validated a moment ago (strict schema, references), and checking it a second time cost as much as
 * the first (0.3 s for 10,000 tasks, 2 s for 100,000). A plan from the desktop bridge arrives as a new object
 * (copied across the process boundary), is not in this set, and is checked.
 */
const restored = new WeakSet<object>()

/** Records that `plan` is the result of `planRestore` in this page (it must not be modified afterwards). */
export function platformMarkRestored(plan: Plan): Plan {
  restored.add(plan)
  return plan
}

function isRestored(candidate: unknown): candidate is Plan {
  return typeof candidate === 'object' && candidate !== null && restored.has(candidate)
}

/** `planRestore(candidate)`, skipped for a plan this page restored itself. */
export function platformRestore(candidate: unknown): PlanFileResult {
  if (isRestored(candidate)) return { ok: true, plan: candidate }
  const result = planRestore(candidate)
  if (result.ok) restored.add(result.plan)
  return result
}
