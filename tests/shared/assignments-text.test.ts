import { describe, expect, it } from 'vitest'
import {
  assignmentUnitsParse,
  assignmentUnitsProblem,
  assignmentsTextApply,
  assignmentsTextFormat,
  assignmentsTextParse,
} from '../../src/shared/domain/assignments-text'
import { makeAssignment, makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import { makeJanuaryPlan, makeResource } from '../support/resource-plans'

const resources = [
  makeResource(1, 'Ana'),
  makeResource(2, 'Ben'),
  makeResource(3, 'Smith, Jo'),
  makeResource(4, 'Carla Díaz'),
]

function makeTestPlan(): Plan {
  return makeJanuaryPlan('p', 'P', {
    tasks: [makeTask(1), makeTask(2)],
    resources,
    assignments: [
      makeAssignment(1, 1, 1, 50, 0),
      makeAssignment(7, 2, 2, 100, 0),
      makeAssignment(3, 1, 2, 100, 0),
    ],
  })
}

describe('assignmentsTextParse', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['Ana', [{ resourceId: 1, units: 100 }]],
    [
      'Ana[50%], Ben',
      [
        { resourceId: 1, units: 50 },
        { resourceId: 2, units: 100 },
      ],
    ],
    [
      'ana [50], BEN[200 %]',
      [
        { resourceId: 1, units: 50 },
        { resourceId: 2, units: 200 },
      ],
    ],
    ['Ana[12.5%]', [{ resourceId: 1, units: 12.5 }]],
    ['Ana[12,5%]', [{ resourceId: 1, units: 12.5 }]],
    ['Ana[1000%]', [{ resourceId: 1, units: 1000 }]],
    [
      'Smith, Jo[25%], Ana',
      [
        { resourceId: 3, units: 25 },
        { resourceId: 1, units: 100 },
      ],
    ],
    ['  Carla   Díaz  ', [{ resourceId: 4, units: 100 }]],
    [
      'Ben, Ana,',
      [
        { resourceId: 2, units: 100 },
        { resourceId: 1, units: 100 },
      ],
    ],
  ])('reads %j', (text, expected) => {
    expect(assignmentsTextParse(text, resources)).toEqual({ ok: true, items: expected })
  })

  it.each([
    ['Ana[0%]', 'bad-units', /more than 0 %/],
    ['Ana[-20%]', 'bad-units', /more than 0 %/],
    ['Ana[abc]', 'bad-units', /"abc" is not a number/],
    ['Ana[]', 'bad-units', /not a number/],
    ['Ana[50%%]', 'bad-units', /not a number/],
    ['Ana[NaN]', 'bad-units', /not a number/],
    ['Ana[Infinity]', 'bad-units', /not a number/],
    ['Ana[1000.5%]', 'bad-units', /at most 1000 %/],
    ['Ana[5000]', 'bad-units', /at most 1000 %/],
    ['Zoe', 'unknown-resource', /no resource named "Zoe"/],
    ['Ana, Ana[50%]', 'duplicate-resource', /listed twice/],
    ['Ana[50%', 'syntax', /brackets/],
    ['Ana]50[', 'syntax', /brackets/],
    ['Ana[[50]]', 'syntax', /brackets/],
    ['Ana,,Ben', 'syntax', /missing/],
    ['Ana[50%]x', 'syntax', /not understood/],
  ])('refuses %j with a message', (text, code, message) => {
    const result = assignmentsTextParse(text, resources)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe(code)
    expect(result.error.message).toMatch(message)
  })

  it('names the unknown resource so the UI can offer to create it', () => {
    const result = assignmentsTextParse('Ana, Zoe[20%]', resources)
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-resource', name: 'Zoe' } })
  })
})

describe('assignmentUnitsParse and assignmentUnitsProblem', () => {
  it.each([
    ['50', 50],
    ['50 %', 50],
    ['.5', 0.5],
    ['1e2', 100],
  ])('accepts %j', (text, units) => {
    expect(assignmentUnitsParse(text)).toEqual({ ok: true, units })
  })

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, 1001])('refuses %d', (units) => {
    expect(assignmentUnitsProblem(units, 'Ana')).toMatch(/Ana/)
  })

  it('accepts 1000 and 0.1', () => {
    expect(assignmentUnitsProblem(1000)).toBeNull()
    expect(assignmentUnitsProblem(0.1)).toBeNull()
  })
})

describe('assignmentsTextFormat', () => {
  it('writes 100 % as the bare name and other units in brackets, in plan order', () => {
    const plan = makeTestPlan()
    expect(assignmentsTextFormat(1, plan.assignments, plan.resources)).toBe('Ana[50%], Ben')
    expect(assignmentsTextFormat(2, plan.assignments, plan.resources)).toBe('Ben')
    expect(assignmentsTextFormat(99, plan.assignments, plan.resources)).toBe('')
  })

  it('round-trips through the parser', () => {
    const text = 'Smith, Jo[33.33%], Carla Díaz, Ana[250%]'
    const parsed = assignmentsTextParse(text, resources)
    if (!parsed.ok) throw new Error(parsed.error.message)
    const assignments = parsed.items.map((item, index) => makeAssignment(index + 1, 5, item.resourceId, item.units, 0))
    expect(assignmentsTextFormat(5, assignments, resources)).toBe(text)
  })
})

describe('assignmentsTextApply', () => {
  it('replaces the task assignments, keeps ids of resources that stay and numbers new ones above the largest', () => {
    const plan = makeTestPlan()
    const result = assignmentsTextApply(plan, 1, 'Ben[75%], Carla Díaz')
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.changed).toBe(true)
    // Fixed units (the default): Ben's 8 h at 75 % take 640 minutes, so the task lasts 640 minutes and Carla, added
    // to a task that is not effort driven, brings 640 minutes of her own work.
    expect(result.plan.assignments).toEqual([
      makeAssignment(3, 1, 2, 75, 480),
      makeAssignment(8, 1, 4, 100, 640),
      makeAssignment(7, 2, 2, 100, 480),
    ])
    expect(result.plan.tasks[0]).toMatchObject({ duration: 640, work: 1120 })
    expect(plan.assignments).toHaveLength(3)
    expect(plan.assignments[0]).toEqual(makeAssignment(1, 1, 1, 50, 240))
  })

  it('empty text removes the task assignments', () => {
    const result = assignmentsTextApply(makeTestPlan(), 1, '')
    expect(result.ok && result.plan.assignments).toEqual([makeAssignment(7, 2, 2, 100, 480)])
    expect(result.ok && result.plan.tasks[0]).toMatchObject({ duration: 480, work: 0 })
  })

  it('reports no change when the text says what is there', () => {
    const plan = makeTestPlan()
    const result = assignmentsTextApply(plan, 1, 'ana[50%], ben')
    expect(result).toEqual({ ok: true, plan, changed: false })
  })

  it.each(['Ana[0%]', 'Ana[-5]', 'Ana[lots]', 'Ana[1500%]'])('refuses %j and changes nothing', (text) => {
    const plan = makeTestPlan()
    const before = JSON.stringify(plan)
    const result = assignmentsTextApply(plan, 1, text)
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-units' } })
    expect(JSON.stringify(plan)).toBe(before)
  })
})
