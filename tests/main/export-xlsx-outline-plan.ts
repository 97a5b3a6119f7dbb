/**
 * A plan whose outline is partly collapsed, for the Excel export tests (built spec and file read back).
 *
 *   row  task              level  collapsed in Gantry   opens in Excel
 *    1   Phase A             1    yes                   shown, group collapsed
 *    2    A.1                2    no  (summary)         hidden
 *    3     A.1.a             3                          hidden
 *    4    A.2                2    yes (summary)         hidden, group collapsed
 *    5     A.2.a             3                          hidden
 *    6    A.3                2                          hidden
 *    7   Phase B             1    no                    shown
 *    8    B.1                2    yes                   shown, group collapsed
 *    9     B.1.a             3                          hidden
 *   10     B.1.b             3    no  (summary)         hidden
 *   11      B.1.b.i          4                          hidden
 *   12    B.2                2                          shown
 *   13   Loose end           1    flag set on a leaf    shown (no group to collapse)
 *   14   Handover            1    milestone             shown
 */
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'

export const outlinePlanNow = '2026-03-01T00:00:00'

/** Rows (0-based task indexes) the export should open hidden, and those that carry a collapsed group. */
export const outlinePlanHidden = [1, 2, 3, 4, 5, 8, 9, 10]
export const outlinePlanCollapsed = [0, 3, 7]
/** Excel outline level of every task row (task level - 1). */
export const outlinePlanLevels = [0, 1, 2, 1, 2, 1, 0, 1, 2, 2, 3, 1, 0, 0]

export function outlinePlan(): Plan {
  const plan = makePlan('outline', 'Collapsed outline', '2026-03-02T08:00:00', outlinePlanNow)
  const rows: [string, number, boolean][] = [
    ['Phase A', 1, true],
    ['A.1', 2, false],
    ['A.1.a', 3, false],
    ['A.2', 2, true],
    ['A.2.a', 3, false],
    ['A.3', 2, false],
    ['Phase B', 1, false],
    ['B.1', 2, true],
    ['B.1.a', 3, false],
    ['B.1.b', 3, false],
    ['B.1.b.i', 4, false],
    ['B.2', 2, false],
    ['Loose end', 1, true],
  ]
  plan.tasks = rows.map(([name, level, isCollapsed], index) =>
    makeTask(index + 1, { name, level, isCollapsed, duration: 480 * (1 + (index % 3)) }),
  )
  plan.tasks.push(makeTask(rows.length + 1, { name: 'Handover', level: 1, duration: 0, isMilestone: true }))
  plan.dependencies = [
    { id: 1, predecessorId: 3, successorId: 5, type: 'FS', lag: 0, lagUnit: 'd' },
    { id: 2, predecessorId: 11, successorId: 14, type: 'FS', lag: 0, lagUnit: 'd' },
  ]
  return plan
}
