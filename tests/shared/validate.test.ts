import { describe, expect, it } from 'vitest'
import { scheduleRun } from '../../src/shared/domain/schedule'
import { TaskIndexMap, validateFindCycle, validateOutlineParents, validatePlan } from '../../src/shared/domain/validate'
import { link, task, testPlan } from '../support/generate-plan'

describe('validatePlan', () => {
  it('accepts an acyclic plan and builds the graph', () => {
    const result = validatePlan(testPlan([task(1, 1), task(2, 1)], [link(1, 2)]))
    expect(result.ok).toBe(true)
    if (result.ok) {
      expect(result.graph.taskCount).toBe(2)
      expect(Array.from(result.graph.order)).toEqual([0, 1])
    }
  })

  it('reports a cycle with its tasks in order', () => {
    // 1 → 2 → 3 → 1, and 4 hanging off the cycle
    const plan = testPlan(
      [task(1, 1), task(2, 1), task(3, 1), task(4, 1)],
      [link(1, 2), link(2, 3), link(3, 1), link(3, 4)],
    )
    const result = validatePlan(plan)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      const cycle = result.problems.find((problem) => problem.kind === 'cycle')
      expect(cycle?.kind).toBe('cycle')
      if (cycle?.kind === 'cycle') {
        const ids = cycle.taskIds
        expect(ids).toHaveLength(3)
        // Any rotation of 1 → 2 → 3.
        const rotation = ids.indexOf(1)
        expect([ids[rotation], ids[(rotation + 1) % 3], ids[(rotation + 2) % 3]]).toEqual([1, 2, 3])
        expect(cycle.message).toMatch(/→/)
      }
    }
  })

  it('treats a link between a task and its own summary as a cycle', () => {
    const plan = testPlan([task(1, 0, { level: 1 }), task(2, 1, { level: 2 })], [link(2, 1)])
    const result = validatePlan(plan)
    expect(!result.ok && result.problems[0]?.kind).toBe('cycle')
  })

  it('reports links to missing tasks, self links and duplicate ids together', () => {
    const plan = testPlan([task(1, 1), task(1, 2), task(3, 1)], [link(3, 99), link(3, 3)])
    const result = validatePlan(plan)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      const kinds = result.problems.map((problem) => problem.kind).sort()
      expect(kinds).toEqual(['duplicate-id', 'missing-task', 'self-link'])
      const missing = result.problems.find((problem) => problem.kind === 'missing-task')
      expect(missing?.kind === 'missing-task' && missing.taskId).toBe(99)
    }
  })

  it('refuses bad values: negative durations, constraints without dates', () => {
    const plan = testPlan([task(1, -1), task(2, 1, { constraint: { type: 'MSO', date: null } })])
    const result = validatePlan(plan)
    expect(!result.ok && result.problems.map((problem) => problem.kind)).toEqual([
      'invalid-value',
      'invalid-value',
    ])
  })

  it('schedules nothing from an invalid graph and leaves the plan untouched', () => {
    const plan = testPlan([task(1, 1), task(2, 1)], [link(1, 2), link(2, 1)])
    const before = JSON.stringify(plan)
    const result = scheduleRun(plan)
    expect(result.ok).toBe(false)
    expect(JSON.stringify(plan)).toBe(before)
  })
})

describe('validateOutlineParents', () => {
  it('takes the nearest earlier task with a lower level as parent', () => {
    expect(Array.from(validateOutlineParents([1, 2, 3, 3, 2, 1, 3]))).toEqual([-1, 0, 1, 1, 0, -1, 5])
  })
})

describe('TaskIndexMap', () => {
  it('maps ids to their first index, filled on first use, and behaves like a Map', () => {
    const map = new TaskIndexMap([7, 3, 9])
    expect(map.get(3)).toBe(1)
    expect(map.has(9)).toBe(true)
    expect(map.has(4)).toBe(false)
    expect(map.size).toBe(3)
    expect([...map]).toEqual([
      [7, 0],
      [3, 1],
      [9, 2],
    ])
    expect(map instanceof Map).toBe(true)
  })

  it('is what a schedule exposes as indexOf', () => {
    const result = validatePlan(testPlan([task(5, 1), task(2, 1)]))
    expect(result.ok && result.graph.indexOf.get(2)).toBe(1)
  })
})

describe('validateFindCycle, the one cycle finder', () => {
  it('finds a cycle in link order, a self-loop, and none in a chain', () => {
    expect(validateFindCycle(4, [[1], [2], [3], [1]])).toEqual([1, 2, 3])
    expect(validateFindCycle(2, [[], [1]])).toEqual([1])
    expect(validateFindCycle(3, [[1], [2], []])).toBeNull()
  })

  it('walks a 200,000-node cycle without recursion', () => {
    const count = 200_000
    const successors = Array.from({ length: count }, (_, index) => [(index + 1) % count])
    expect(validateFindCycle(count, successors)).toHaveLength(count)
  })
})
