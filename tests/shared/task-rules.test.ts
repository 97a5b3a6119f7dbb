import { describe, expect, it } from 'vitest'
import { makeTask } from '../../src/shared/domain/defaults'
import { taskRuleDurationChange } from '../../src/shared/domain/task-rules'

describe('taskRuleDurationChange (Microsoft Project milestone rule)', () => {
  const fiveDays = makeTask(1, { duration: 2400, durationUnit: 'd', isMilestone: false })
  const milestone = makeTask(2, { duration: 0, durationUnit: 'd', isMilestone: true })
  const flagged = makeTask(3, { duration: 2400, durationUnit: 'd', isMilestone: true })

  it('makes a task of duration 0 a milestone', () => {
    expect(taskRuleDurationChange(fiveDays, 0)).toEqual({ duration: 0, durationUnit: 'd', isMilestone: true })
  })

  it('ends a zero-length milestone when it gets a duration', () => {
    expect(taskRuleDurationChange(milestone, 480, 'h')).toEqual({
      duration: 480,
      durationUnit: 'h',
      isMilestone: false,
    })
  })

  it('keeps the flag of a task the user marked as a milestone while it had a duration', () => {
    expect(taskRuleDurationChange(flagged, 960)).toEqual({
      duration: 960,
      durationUnit: 'd',
      isMilestone: true,
    })
  })

  it('leaves an ordinary task an ordinary task', () => {
    expect(taskRuleDurationChange(fiveDays, 960).isMilestone).toBe(false)
  })
})
