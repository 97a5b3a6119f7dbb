/**
 * Commands on cost (issue 16): a resource's standard and overtime rates (typed per hour, day, week… or per unit of a
 * material: `75`, `600/d`, `12.5/unit`), cost per use and cost accrual; a task's fixed cost, its accrual and budget;
 * the plan's budget and currency. Amounts are typed in the plan's currency (`1,250.50`, `1250,50`); negative amounts,
 * text that is not an amount and amounts beyond a trillion are refused with a sentence saying so, and nothing changes.
 */
import {
  costAccruals,
  type CostAccrual,
  type Money,
  type Plan,
  type PlanSettings,
  type RateUnit,
  type Resource,
  type ResourceId,
  type Task,
  type TaskId,
} from '../domain/model'
import { commandDefine, commandDone, commandRefuse, type CommandResult } from './types'

/** The largest amount Gantry takes (a trillion): more is a typo, and would lose cents in double precision. */
export const costAmountMax = 1e12

const amountPattern = /^(?:\d{1,3}(?:[,\s]\d{3})+(?:\.\d*)?|\d{1,3}(?:[.\s]\d{3})+(?:,\d*)?|\d+(?:[.,]\d*)?|[.,]\d+)$/

/**
 * Reads an amount of money as typed: `1250`, `1,250.50`, `1.250,50`, `1250,5`, with an optional currency code or
 * symbol around it (`EUR 1,250`, `$40`, `40 €`). `what` names the field in the refusals ("The standard rate").
 * @returns the amount in currency units, or the sentence saying why it is refused
 */
export function costAmountParse(text: string, what: string): { ok: true; amount: Money } | { ok: false; message: string } {
  const trimmed = text.trim()
  const bare = trimmed.replace(/^[A-Za-z]{3}\s*|\s*[A-Za-z]{3}$/g, '').replace(/^[$€£¥]\s*|\s*[$€£¥]$/g, '').trim()
  if (/^[-−–]/.test(bare)) return { ok: false, message: `${what} cannot be negative.` }
  if (bare === '' || !amountPattern.test(bare)) return { ok: false, message: `"${trimmed.slice(0, 40)}" is not an amount; type a number such as 1250 or 1,250.50.` }
  let normal = bare.replace(/\s/g, '')
  const lastDot = normal.lastIndexOf('.')
  const lastComma = normal.lastIndexOf(',')
  if (lastDot >= 0 && lastComma >= 0) {
    // The later separator is the decimal one.
    normal = lastDot > lastComma ? normal.replace(/,/g, '') : normal.replace(/\./g, '').replace(',', '.')
  } else if (lastComma >= 0) {
    // 1,250 (thousands) or 1250,5 (decimals): three digits after a single comma in a longer number are thousands.
    normal = /^\d{1,3}(,\d{3})+$/.test(normal) ? normal.replace(/,/g, '') : normal.replace(',', '.')
  } else if (/^\d{1,3}(\.\d{3}){2,}$/.test(normal)) normal = normal.replace(/\./g, '')
  const amount = Number(normal)
  if (!Number.isFinite(amount)) return { ok: false, message: `"${trimmed.slice(0, 40)}" is not an amount.` }
  if (amount > costAmountMax) return { ok: false, message: `${what} can be at most 1,000,000,000,000.` }
  return { ok: true, amount: Math.round(amount * 1e6) / 1e6 }
}

const rateUnitWords: Record<string, RateUnit> = {
  m: 'm',
  min: 'm',
  minute: 'm',
  h: 'h',
  hr: 'h',
  hour: 'h',
  d: 'd',
  day: 'd',
  w: 'w',
  wk: 'w',
  week: 'w',
  mo: 'mo',
  mon: 'mo',
  month: 'mo',
  y: 'y',
  yr: 'y',
  year: 'y',
  unit: 'unit',
  u: 'unit',
}

/** Hours of work in one rate unit of the plan (a day = minutes per day / 60; a year = 52 weeks); a unit: 1. */
export function costRateUnitHours(unit: RateUnit, settings: Pick<PlanSettings, 'minutesPerDay' | 'minutesPerWeek' | 'daysPerMonth'>): number {
  switch (unit) {
    case 'm':
      return 1 / 60
    case 'h':
    case 'unit':
      return 1
    case 'd':
      return settings.minutesPerDay / 60
    case 'w':
      return settings.minutesPerWeek / 60
    case 'mo':
      return (settings.daysPerMonth * settings.minutesPerDay) / 60
    case 'y':
      return (52 * settings.minutesPerWeek) / 60
  }
}

/**
 * Reads a rate as typed: an amount per hour (`75`, `75/h`), per minute, day, week, month or year of work (`600/d`),
 * or per unit of a material (`12.5`, `12.5/unit`; a material takes no time unit).
 * @returns the rate per hour (per unit for a material) and the unit to show it in, or why it is refused
 */
export function costRateParse(
  text: string,
  resource: Pick<Resource, 'type' | 'materialLabel'>,
  settings: Pick<PlanSettings, 'minutesPerDay' | 'minutesPerWeek' | 'daysPerMonth'>,
  what: string,
): { ok: true; rate: Money; unit: RateUnit } | { ok: false; message: string } {
  const trimmed = text.trim()
  const slash = trimmed.lastIndexOf('/')
  const amountText = slash >= 0 ? trimmed.slice(0, slash) : trimmed
  const unitText = slash >= 0 ? trimmed.slice(slash + 1).trim().toLowerCase().replace(/s$/, '') : ''
  const amount = costAmountParse(amountText, what)
  if (!amount.ok) return amount
  const isMaterial = resource.type === 'material'
  let unit: RateUnit = isMaterial ? 'unit' : 'h'
  if (unitText !== '') {
    const label = resource.materialLabel.trim().toLowerCase()
    const found = isMaterial && label !== '' && unitText === label.replace(/s$/, '') ? 'unit' : rateUnitWords[unitText]
    if (found === undefined) return { ok: false, message: `"${unitText}" is not a rate unit; type the rate per hour (75/h), day (600/d), week (3000/w), month or year.` }
    if (isMaterial !== (found === 'unit'))
      return {
        ok: false,
        message: isMaterial ? `A material costs per unit used, not per time: type ${amountText.trim()} alone.` : 'A work resource costs per time worked: type its rate per hour (75/h) or day (600/d).',
      }
    unit = found
  }
  const rate = amount.amount / costRateUnitHours(unit, settings)
  return { ok: true, rate: Math.round(rate * 1e9) / 1e9, unit }
}

/** A rate as the resource sheet shows it, in its own unit: `75/h`, `600/d`, `12.5/unit` (at most two decimals). */
export function costRateFormat(rate: Money, unit: RateUnit, settings: Pick<PlanSettings, 'minutesPerDay' | 'minutesPerWeek' | 'daysPerMonth'>): string {
  const shown = Math.round(rate * costRateUnitHours(unit, settings) * 100) / 100
  return `${shown}/${unit}`
}

function resourceCommandPatch(plan: Plan, resourceId: ResourceId, patch: (resource: Resource) => Partial<Resource> | string): CommandResult {
  const index = plan.resources.findIndex((resource) => resource.id === resourceId)
  const current = plan.resources[index]
  if (current === undefined) return commandRefuse('This resource no longer exists.')
  const change = patch(current)
  if (typeof change === 'string') return commandRefuse(change)
  const next = { ...current, ...change }
  if ((Object.keys(change) as (keyof Resource)[]).every((key) => Object.is(next[key], current[key]))) return commandDone(plan)
  const resources = plan.resources.slice()
  resources[index] = next
  return commandDone({ ...plan, resources })
}

/** A resource's standard rate, typed in the resource sheet (`75`, `600/d`, a material's `12.5`). */
export const resourceSetStandardRate = commandDefine({
  id: 'resource/set-standard-rate',
  label: 'Change standard rate',
  needs: {},
  checks: [],
  perform(plan, input: { resourceId: ResourceId; text: string }) {
    return resourceCommandPatch(plan, input.resourceId, (resource) => {
      const parsed = costRateParse(input.text, resource, plan.settings, 'The standard rate')
      return parsed.ok ? { standardRate: parsed.rate, standardRateUnit: parsed.unit } : parsed.message
    })
  },
})

/** A resource's overtime rate (what an hour of overtime work costs). */
export const resourceSetOvertimeRate = commandDefine({
  id: 'resource/set-overtime-rate',
  label: 'Change overtime rate',
  needs: {},
  checks: [],
  perform(plan, input: { resourceId: ResourceId; text: string }) {
    return resourceCommandPatch(plan, input.resourceId, (resource) => {
      if (resource.type === 'material') return 'A material has no overtime rate.'
      const parsed = costRateParse(input.text, resource, plan.settings, 'The overtime rate')
      return parsed.ok ? { overtimeRate: parsed.rate, overtimeRateUnit: parsed.unit } : parsed.message
    })
  },
})

/** A resource's cost per use: charged once for each task it is assigned to. */
export const resourceSetCostPerUse = commandDefine({
  id: 'resource/set-cost-per-use',
  label: 'Change cost per use',
  needs: {},
  checks: [],
  perform(plan, input: { resourceId: ResourceId; text: string }) {
    return resourceCommandPatch(plan, input.resourceId, () => {
      const parsed = costAmountParse(input.text, 'The cost per use')
      return parsed.ok ? { costPerUse: parsed.amount } : parsed.message
    })
  },
})

/** Names of the accruals as Microsoft Project shows them. */
export const costAccrualNames: Record<CostAccrual, string> = { start: 'Start', prorated: 'Prorated', end: 'End' }

function accrualProblem(accrual: string): string | null {
  return (costAccruals as readonly string[]).includes(accrual) ? null : `"${accrual.slice(0, 20)}" is not a cost accrual; choose Start, Prorated or End.`
}

/** When a resource's cost falls: at the start, prorated over the work, or at the end (Microsoft Project's Accrue At). */
export const resourceSetCostAccrual = commandDefine({
  id: 'resource/set-cost-accrual',
  label: 'Change cost accrual',
  needs: {},
  checks: [],
  perform(plan, input: { resourceId: ResourceId; accrual: CostAccrual }) {
    const problem = accrualProblem(input.accrual)
    if (problem !== null) return commandRefuse(problem)
    return resourceCommandPatch(plan, input.resourceId, () => ({ costAccrual: input.accrual }))
  },
})

function taskCommandPatch(plan: Plan, taskIds: readonly TaskId[], patch: (task: Task) => Partial<Task>): CommandResult {
  const wanted = new Set(taskIds)
  let changed = false
  const tasks = plan.tasks.map((task) => {
    if (!wanted.has(task.id)) return task
    const change = patch(task)
    const next = { ...task, ...change }
    if ((Object.keys(change) as (keyof Task)[]).every((key) => Object.is(next[key], task[key]))) return task
    changed = true
    return next
  })
  if (!plan.tasks.some((task) => wanted.has(task.id))) return commandRefuse('This task no longer exists.')
  return commandDone(changed ? { ...plan, tasks } : plan)
}

/** Input of the task cost commands: the task ids to change (default: the selection) and the typed text. */
type TasksText = { taskIds?: readonly TaskId[]; text: string }

/** A fixed cost (a licence, a fee) on the selected tasks, or on the tasks the input names. */
export const taskSetFixedCost = commandDefine({
  id: 'task/set-fixed-cost',
  label: 'Change fixed cost',
  needs: { selection: 1 },
  checks: [],
  perform(plan, input: TasksText, context) {
    const parsed = costAmountParse(input.text.trim() === '' ? '0' : input.text, 'A fixed cost')
    if (!parsed.ok) return commandRefuse(parsed.message)
    return taskCommandPatch(plan, input.taskIds ?? context.selection, () => ({ fixedCost: parsed.amount }))
  },
})

/** When the fixed cost of the selected tasks falls: at their start, prorated over their duration, or at their end. */
export const taskSetFixedCostAccrual = commandDefine({
  id: 'task/set-fixed-cost-accrual',
  label: 'Change fixed cost accrual',
  needs: { selection: 1 },
  checks: [],
  perform(plan, input: { taskIds?: readonly TaskId[]; accrual: CostAccrual }, context) {
    const problem = accrualProblem(input.accrual)
    if (problem !== null) return commandRefuse(problem)
    return taskCommandPatch(plan, input.taskIds ?? context.selection, () => ({ fixedCostAccrual: input.accrual }))
  },
})

/** The budget of the selected (summary) tasks; blank text removes it. */
export const taskSetBudget = commandDefine({
  id: 'task/set-budget',
  label: 'Change budget',
  needs: { selection: 1 },
  checks: [],
  perform(plan, input: TasksText, context) {
    let budget: Money | null = null
    if (input.text.trim() !== '') {
      const parsed = costAmountParse(input.text, 'A budget')
      if (!parsed.ok) return commandRefuse(parsed.message)
      budget = parsed.amount
    }
    return taskCommandPatch(plan, input.taskIds ?? context.selection, () => ({ budget }))
  },
})

/** The plan's budget; blank text removes it. */
export const planSetBudget = commandDefine({
  id: 'plan/set-budget',
  label: 'Change plan budget',
  needs: {},
  checks: [],
  perform(plan, input: { text: string }) {
    let budget: Money | null = null
    if (input.text.trim() !== '') {
      const parsed = costAmountParse(input.text, 'The plan budget')
      if (!parsed.ok) return commandRefuse(parsed.message)
      budget = parsed.amount
    }
    if (plan.tracking.budget === budget) return commandDone(plan)
    return commandDone({ ...plan, tracking: { ...plan.tracking, budget } })
  },
})

/** The plan's currency, an ISO 4217 code (`EUR`, `USD`, `PLN`): only the name of the unit changes, not the amounts. */
export const planSetCurrency = commandDefine({
  id: 'plan/set-currency',
  label: 'Change currency',
  needs: {},
  checks: [],
  perform(plan, input: { text: string }) {
    const code = input.text.trim().toUpperCase()
    if (!/^[A-Z]{3}$/.test(code)) return commandRefuse(`"${input.text.trim().slice(0, 20)}" is not a currency code; type three letters such as EUR, USD or GBP.`)
    if (plan.settings.currencyCode === code) return commandDone(plan)
    return commandDone({ ...plan, settings: { ...plan.settings, currencyCode: code } })
  },
})
