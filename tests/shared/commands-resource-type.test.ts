/**
 * A resource's type and a material's label (issue 16's resource sheet): the rate units follow the type, a resource
 * with assignments keeps its type, and bad input is refused with nothing changed.
 */
import { describe, expect, it } from 'vitest'
import type { CommandId, CommandInput } from '../../src/shared/commands/registry'
import { commandRun } from '../../src/shared/commands/run'
import { makeAssignment, makePlan, makeResource, makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'

function plan(): Plan {
  return makePlan('r', 'R', '2026-01-05T08:00:00', '2026-01-01T00:00:00', {
    tasks: [makeTask(1, { name: 'Pour', duration: 480, work: 480 })],
    resources: [makeResource(1, 'Ana', { standardRate: 50, overtimeRate: 75 }), makeResource(2, 'Crane', { standardRate: 120 })],
    assignments: [makeAssignment(1, 1, 1, 100, 480)],
  })
}

function attempt<Id extends CommandId>(current: Plan, id: Id, input: CommandInput<Id>) {
  return commandRun(current, id, input, { selection: [], schedule: null, clipboard: null })
}

describe('resource type commands', () => {
  it('makes an unassigned resource a material: rates per unit, no overtime, and back', () => {
    const result = attempt(plan(), 'resource/set-type', { resourceId: 2, type: 'material' })
    if (!result.ok) throw new Error(result.message)
    const crane = result.plan.resources[1]
    expect(crane).toMatchObject({ type: 'material', standardRate: 120, standardRateUnit: 'unit', overtimeRate: 0 })
    const labelled = attempt(result.plan, 'resource/set-material-label', { resourceId: 2, text: ' t ' })
    if (!labelled.ok) throw new Error(labelled.message)
    expect(labelled.plan.resources[1]?.materialLabel).toBe('t')
    const back = attempt(labelled.plan, 'resource/set-type', { resourceId: 2, type: 'work' })
    if (!back.ok) throw new Error(back.message)
    expect(back.plan.resources[1]).toMatchObject({ type: 'work', standardRateUnit: 'h', materialLabel: '' })
  })

  it('refuses to change the type of an assigned resource, an unknown type, and a label on a work resource', () => {
    const current = plan()
    const assigned = attempt(current, 'resource/set-type', { resourceId: 1, type: 'material' })
    expect(assigned).toMatchObject({ ok: false })
    if (!assigned.ok) expect(assigned.message).toMatch(/Ana is assigned to 1 task.*Nothing was changed\.$/)
    expect(attempt(current, 'resource/set-type', { resourceId: 2, type: 'robot' as never })).toMatchObject({ ok: false })
    expect(attempt(current, 'resource/set-material-label', { resourceId: 2, text: 't' })).toMatchObject({ ok: false })
    expect(current.resources[0]?.type).toBe('work')
  })

  it('refuses a label over 50 characters', () => {
    const material = attempt(plan(), 'resource/set-type', { resourceId: 2, type: 'material' })
    if (!material.ok) throw new Error(material.message)
    expect(attempt(material.plan, 'resource/set-material-label', { resourceId: 2, text: 'x'.repeat(51) })).toMatchObject({ ok: false })
  })
})
