/** Milestone rows for the milestones view: date, slack and status, sorted by date. */
import type { Plan, Task } from '../../../../shared/domain/model'
import type { Schedule } from '../../../../shared/domain/schedule-types'

export type MilestoneStatus = 'done' | 'overdue' | 'due soon' | 'upcoming'

export type MilestoneRow = { task: Task; date: number; slackMinutes: number; status: MilestoneStatus; isCritical: boolean }

/**
 * Every milestone of the plan with its scheduled date (wall minutes), total slack (working minutes) and status
 * against `today` (wall minutes): done at 100 %, overdue when its date passed, due soon within `dueSoonDays`.
 */
export function milestonesList(plan: Plan, schedule: Schedule, today: number): MilestoneRow[] {
  const rows: MilestoneRow[] = []
  plan.tasks.forEach((task, index) => {
    if (!task.isMilestone || schedule.isSummary[index] === 1) return
    const date = schedule.finish[index] as number
    let status: MilestoneStatus = 'upcoming'
    if (task.percentComplete >= 100) status = 'done'
    else if (date < today) status = 'overdue'
    else if (date - today <= plan.settings.dueSoonDays * 1440) status = 'due soon'
    rows.push({ task, date, slackMinutes: schedule.totalSlack[index] as number, status, isCritical: schedule.isCritical[index] === 1 })
  })
  return rows.sort((a, b) => a.date - b.date || a.task.id - b.task.id)
}
