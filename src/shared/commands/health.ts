/**
 * Health dashboard and status report commands (issue 17): change the Red/Amber/Green thresholds, save the status
 * report of the plan as it stands as a dated snapshot, delete a saved report.
 */
import type { HealthThresholds } from '../domain/health/model'
import { statusReportCompose, type StatusReportInput } from '../domain/health/report'
import { healthThresholdsProblem } from '../domain/health/rules'
import { loadCompute } from '../domain/load'
import { commandDefine, commandDone, commandRefuse } from './types'

/** Most status reports one plan keeps (the `.gantry` limit). */
export const statusReportMaxSaved = 10_000

export const settingsSetHealthThresholds = commandDefine({
  id: 'settings/set-health-thresholds',
  label: 'Change health thresholds',
  needs: {},
  checks: [],
  perform(plan, input: { thresholds: Partial<HealthThresholds> }) {
    const thresholds: HealthThresholds = { ...plan.settings.health, ...input.thresholds }
    const problem = healthThresholdsProblem(thresholds)
    if (problem !== null) return commandRefuse(problem)
    const current = plan.settings.health
    if ((Object.keys(thresholds) as (keyof HealthThresholds)[]).every((key) => thresholds[key] === current[key]))
      return commandDone(plan)
    return commandDone({ ...plan, settings: { ...plan.settings, health: thresholds } })
  },
})

export const statusReportSave = commandDefine({
  id: 'report/save',
  label: 'Save status report',
  needs: { schedule: true },
  checks: [],
  perform(plan, input: StatusReportInput, context) {
    if (context.schedule === null) return commandRefuse('The plan cannot be scheduled, so its status cannot be reported.')
    if (plan.statusReports.length >= statusReportMaxSaved)
      return commandRefuse(`A plan keeps at most ${statusReportMaxSaved.toLocaleString('en-US')} status reports: delete old ones first.`)
    const composed = statusReportCompose(plan, context.schedule, loadCompute(plan, context.schedule), input)
    if (!composed.ok) return commandRefuse(composed.message)
    return { ok: true, plan: { ...plan, statusReports: [...plan.statusReports, composed.report] }, value: composed.report.id }
  },
})

export const statusReportDelete = commandDefine({
  id: 'report/delete',
  label: 'Delete status report',
  needs: {},
  checks: [],
  perform(plan, input: { id: number }) {
    if (!plan.statusReports.some((report) => report.id === input.id))
      return commandRefuse(`Status report ${input.id} is no longer in the plan.`)
    return commandDone({ ...plan, statusReports: plan.statusReports.filter((report) => report.id !== input.id) })
  },
})
