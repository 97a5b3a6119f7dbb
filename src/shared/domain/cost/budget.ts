/**
 * Budgets: the plan's budget and the budgets of (summary) tasks, compared with the forecast cost (actual + remaining,
 * `PlanCost.cost`). An alert is raised where the forecast exceeds a budget by at least half a cent.
 */
import type { Money, Plan, TaskId } from '../model'
import type { PlanCost } from './compute'

/** Forecasts within this much of a budget are on budget (float noise of summed products). */
const budgetTolerance = 0.005

const moneyFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

/** An amount as text with the plan's currency: `12,500.00 EUR` (two decimals, thousands separated). */
export function costFormatMoney(amount: Money, currencyCode: string): string {
  const rounded = Math.round(amount * 100) / 100
  return `${moneyFormat.format(Object.is(rounded, -0) ? 0 : rounded)} ${currencyCode}`
}

/** A forecast over a budget: of the plan (`taskId` null) or of one task. */
export type CostBudgetAlert = {
  taskId: TaskId | null
  budget: Money
  forecast: Money
  /** forecast − budget (> 0). */
  over: Money
  /** One sentence naming what is over, by how much and by what share of the budget. */
  message: string
}

function overText(over: Money, budget: Money, currency: string): string {
  const share = budget > 0 ? ` (${Math.round((over / budget) * 1000) / 10} %)` : ''
  return `${costFormatMoney(over, currency)}${share}`
}

/**
 * The budget alerts of a plan: the plan's forecast over its budget first, then each task whose forecast exceeds its
 * budget, in outline order. `costs` is `costCompute(plan, schedule)`.
 */
export function costBudgetAlerts(plan: Plan, costs: PlanCost): CostBudgetAlert[] {
  const currency = plan.settings.currencyCode
  const alerts: CostBudgetAlert[] = []
  const planBudget = plan.tracking.budget
  if (planBudget !== null && costs.total - planBudget >= budgetTolerance) {
    const over = costs.total - planBudget
    alerts.push({
      taskId: null,
      budget: planBudget,
      forecast: costs.total,
      over,
      message: `The forecast cost of ${costFormatMoney(costs.total, currency)} is over the plan budget of ${costFormatMoney(planBudget, currency)} by ${overText(over, planBudget, currency)}.`,
    })
  }
  plan.tasks.forEach((task, index) => {
    if (task.budget === null) return
    const forecast = costs.cost[index] as number
    const over = forecast - task.budget
    if (over < budgetTolerance) return
    const name = task.name.trim() === '' ? `Task ${task.id}` : `"${task.name.length > 60 ? `${task.name.slice(0, 59)}…` : task.name}"`
    alerts.push({
      taskId: task.id,
      budget: task.budget,
      forecast,
      over,
      message: `${name}: the forecast cost of ${costFormatMoney(forecast, currency)} is over its budget of ${costFormatMoney(task.budget, currency)} by ${overText(over, task.budget, currency)}.`,
    })
  })
  return alerts
}
