/**
 * Plans the export tests share. The sample plan exercises every sheet: an outline of two phases, every link type,
 * a lag, a holiday, text that looks like formulas, quotes, commas, a line break and accents, two resources of which
 * one is part-time and one is over-allocated, and a milestone.
 *
 *   March 2026      Mo 2 ... Fr 6 | Mo 9 ... Fr 13 (holiday) | Mo 16 ... Fr 20 | Mo 23 ...
 *   1 Discovery     [=========]
 *   2  Kick-off     [=]
 *   3  =HYPERLINK     [=====]                                      (2 -> 3)
 *   4  Café …                 +1d [===]                            (3FS+1d)
 *   5 Build                       [==========================]
 *   6  +Backend                   [=========] Ana 100%            (3 -> 6)
 *   7  -Frontend                      [=========] Ana 50%, Ben    (6SS+2d) -> Ana at 150 %
 *   8  @Review                                 [===]               (7FF)
 *   9 Go-live                                       ◆              (8 -> 9)
 */
import { makeAssignment, calendarStandard, makePlan, makeTask } from '../../src/shared/domain/defaults'
import { taskRuleFillWork } from '../../src/shared/domain/task-rules'
import type { Plan } from '../../src/shared/domain/model'

export const samplePlanNow = '2026-03-10T12:00:00'

export function samplePlan(): Plan {
  const calendar = calendarStandard(1, 'Standard')
  calendar.exceptions.push({ name: 'Holiday', from: '2026-03-13', to: '2026-03-13', periods: [] })
  const plan = makePlan('sample', 'Sample "rollout", phase 1', '2026-03-02T08:00:00', '2026-03-01T00:00:00', {
    calendars: [calendar],
  })
  const day = 480
  plan.tasks = [
    makeTask(1, { name: 'Discovery', level: 1 }),
    makeTask(2, { name: 'Kick-off, "alpha"', level: 2, duration: day, percentComplete: 100 }),
    makeTask(3, { name: '=HYPERLINK("http://example.com","x")', level: 2, duration: 3 * day, percentComplete: 50 }),
    makeTask(4, { name: 'Café résumé – naïve', level: 2, duration: 2 * day }),
    makeTask(5, { name: 'Build', level: 1 }),
    makeTask(6, { name: '+Backend\nAPI', level: 2, duration: 5 * day }),
    makeTask(7, { name: '-Frontend', level: 2, duration: 5 * day }),
    makeTask(8, { name: '@Review', level: 2, duration: 2 * day, durationUnit: 'd' }),
    makeTask(9, { name: 'Go-live', level: 1, duration: 0, isMilestone: true, deadline: '2026-03-27T17:00:00' }),
  ]
  plan.dependencies = [
    { id: 1, predecessorId: 2, successorId: 3, type: 'FS', lag: 0, lagUnit: 'd' },
    { id: 2, predecessorId: 3, successorId: 4, type: 'FS', lag: day, lagUnit: 'd' },
    { id: 3, predecessorId: 3, successorId: 6, type: 'FS', lag: 0, lagUnit: 'd' },
    { id: 4, predecessorId: 6, successorId: 7, type: 'SS', lag: 2 * day, lagUnit: 'd' },
    { id: 5, predecessorId: 7, successorId: 8, type: 'FF', lag: 0, lagUnit: 'd' },
    { id: 6, predecessorId: 8, successorId: 9, type: 'FS', lag: 0, lagUnit: 'd' },
  ]
  plan.resources = [
    {
      id: 1,
      name: 'Ana Ferreira',
      role: '=cmd|calc',
      initials: 'AF',
      email: 'ana@example.com',
      maxUnits: 100,
      type: 'work', materialLabel: '', standardRate: 80, standardRateUnit: 'h', overtimeRate: 0, overtimeRateUnit: 'h', costPerUse: 0, costAccrual: 'prorated',
      nonWorkingDays: [{ from: '2026-03-16', to: '2026-03-16' }],
      calendarId: null,
    },
    {
      id: 2,
      name: 'Ben',
      role: 'Tester',
      initials: 'B',
      email: '',
      maxUnits: 50,
      type: 'work', materialLabel: '', standardRate: 60.5, standardRateUnit: 'h', overtimeRate: 0, overtimeRateUnit: 'h', costPerUse: 0, costAccrual: 'prorated',
      nonWorkingDays: [],
      calendarId: null,
    },
  ]
  plan.assignments = [
    makeAssignment(1, 6, 1, 100, 0),
    makeAssignment(2, 7, 1, 50, 0),
    makeAssignment(3, 7, 2, 100, 0),
  ]
  // The RAID log: an overdue open risk turned into an issue, an open risk, a confirmed assumption, an expected dependency.
  plan.raid = [
    { id: 1, kind: 'risk', title: 'Vendor API late', description: 'Sandbox not ready', owner: 'Ana Ferreira', dueDate: '2026-03-06', taskIds: [6, 9], raisedOn: '2026-03-02', probability: 4, impact: 5, strategy: 'mitigate', mitigation: 'Mock the API', trigger: 'No sandbox by 6 March', status: 'occurred', issueId: 4 },
    { id: 2, kind: 'risk', title: '=Tester unavailable', description: '', owner: 'Ben', dueDate: '2026-03-01', taskIds: [], raisedOn: '2026-03-02', probability: 2, impact: 3, strategy: 'accept', mitigation: '', trigger: '', status: 'open', issueId: null },
    { id: 3, kind: 'assumption', title: 'Stakeholders available for review', description: '', owner: '', dueDate: null, taskIds: [8], raisedOn: '2026-03-02', status: 'confirmed' },
    { id: 4, kind: 'issue', title: 'Vendor API late', description: 'Sandbox not ready', owner: 'Ana Ferreira', dueDate: '2026-03-20', taskIds: [6, 9], raisedOn: '2026-03-07', priority: 'critical', status: 'in-progress', resolution: 'Mock server in use', riskId: 1 },
    { id: 5, kind: 'dependency', title: 'Production certificates', description: '', owner: 'Ben', dueDate: '2026-03-25', taskIds: [9], raisedOn: '2026-03-02', party: 'Security team', status: 'expected' },
  ]
  return taskRuleFillWork(plan)
}
