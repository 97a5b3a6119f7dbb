/**
 * The plan's earned value and progress options (issue 16), as Microsoft Project's Options > Advanced > Earned value and
 * Options > Advanced > Calculation: which baseline earned value is measured against (`BaselineForEarnedValue`), the
 * earned value method (% complete or physical % complete), and whether the remaining work of tasks behind schedule is
 * moved after the status date. Values a file could not hold are refused, and nothing changes.
 */
import { baselineNumbers, earnedValueMethods, type EarnedValueMethod } from '../domain/model'
import { commandDefine, commandDone, commandRefuse } from './types'

/** The baseline earned value is measured against: 0 (Baseline) to 10 (Baseline 10). */
export const settingsSetEarnedValueBaseline = commandDefine({
  id: 'settings/set-earned-value-baseline',
  label: 'Change the earned value baseline',
  needs: {},
  checks: [],
  perform(plan, input: { number: number }) {
    const number = baselineNumbers.find((item) => item === input.number)
    if (number === undefined) return commandRefuse(`There is no baseline ${String(input.number).slice(0, 12)}; choose Baseline or Baseline 1 to 10.`)
    if (plan.settings.baselineForEarnedValue === number) return commandDone(plan)
    return commandDone({ ...plan, settings: { ...plan.settings, baselineForEarnedValue: number } })
  },
})

/** What earned value counts as done: the tasks' % complete or their physical % complete. */
export const settingsSetEarnedValueMethod = commandDefine({
  id: 'settings/set-earned-value-method',
  label: 'Change the earned value method',
  needs: {},
  checks: [],
  perform(plan, input: { method: EarnedValueMethod }) {
    if (!(earnedValueMethods as readonly string[]).includes(input.method)) return commandRefuse('Earned value is measured by % complete or by physical % complete.')
    if (plan.settings.earnedValueMethod === input.method) return commandDone(plan)
    return commandDone({ ...plan, settings: { ...plan.settings, earnedValueMethod: input.method } })
  },
})

/** Microsoft Project's "Move start of remaining parts before status date forward to status date". */
export const settingsSetMoveRemaining = commandDefine({
  id: 'settings/set-move-remaining',
  label: 'Change where remaining work goes',
  needs: {},
  checks: [],
  perform(plan, input: { isOn: boolean }) {
    if (typeof input.isOn !== 'boolean') return commandRefuse('The option is on or off.')
    if (plan.settings.moveRemainingAfterStatusDate === input.isOn) return commandDone(plan)
    return commandDone({ ...plan, settings: { ...plan.settings, moveRemainingAfterStatusDate: input.isOn } })
  },
})
