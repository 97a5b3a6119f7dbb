/**
 * Issue 16: a summary task's ActualWork, RemainingWork and PercentWorkComplete in Microsoft Project XML roll up from
 * its subtasks (and its own assignments), as its Work does; the project summary task (UID 0) carries the plan's.
 */
import { describe, expect, it } from 'vitest'
import { makeAssignment, makeResource } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'
import { mspdiRead, mspdiWrite } from '../../src/shared/formats/mspdi'
import { task, testPlan } from '../support/generate-plan'
import { mspdiSampleText } from '../support/samples'

/** The text of `element` in the written `<Task>` whose UID is `uid`. */
function taskValue(xml: string, uid: number, element: string): string | undefined {
  for (const block of xml.match(/<Task>[\s\S]*?<\/Task>/g) ?? []) {
    if (!block.includes(`<UID>${uid}</UID>`)) continue
    return new RegExp(`<${element}>([^<]*)</${element}>`).exec(block)?.[1]
  }
  return undefined
}

function written(plan: Plan): string {
  const result = scheduleRun(plan)
  if (!result.ok) throw new Error('not scheduled')
  return mspdiWrite(plan, result.schedule)
}

// Phase (UID 1) > Design (2 days, Ana 16 h, 12 h done) and Build (2 days, Ana 16 h, none done); the summary itself has
// Bo at 100 % with 4 h done. Release (UID 4) stands alone, 8 h, all done.
function progressPlan(): Plan {
  return testPlan(
    [
      task(1, 0, { name: 'Phase', level: 1, isMilestone: false }),
      task(2, 2, { level: 2, work: 960, actualWork: 720, percentComplete: 75, actualStart: '2026-10-05T08:00:00' }),
      task(3, 2, { level: 2, work: 960 }),
      task(4, 1, { level: 1, work: 480, actualWork: 480, percentComplete: 100, actualStart: '2026-10-05T08:00:00', actualFinish: '2026-10-05T17:00:00' }),
    ],
    [],
    {
      resources: [makeResource(1, 'Ana'), makeResource(2, 'Bo')],
      assignments: [
        { ...makeAssignment(1, 2, 1, 100, 960), actualWork: 720 },
        makeAssignment(2, 3, 1, 100, 960),
        { ...makeAssignment(3, 1, 2, 100, 480), actualWork: 240 },
        { ...makeAssignment(4, 4, 1, 100, 480), actualWork: 480 },
      ],
    },
  )
}

describe('MSPDI writer: summary progress rolls up', () => {
  it("a summary's actual and remaining work are its subtasks' plus its own assignments'", () => {
    const xml = written(progressPlan())
    // Work: 16 + 16 h of Ana + Bo at 100 % over the summary's two days (the engine's summary assignment: 16 h) = 48 h;
    // actual 12 + 0 + 4 = 16 h; 16 / 48 = 33 %.
    expect(taskValue(xml, 1, 'Work')).toBe('PT48H0M0S')
    expect(taskValue(xml, 1, 'ActualWork')).toBe('PT16H0M0S')
    expect(taskValue(xml, 1, 'RemainingWork')).toBe('PT32H0M0S')
    expect(taskValue(xml, 1, 'PercentWorkComplete')).toBe('33')
    // The project summary: 48 + 8 = 56 h, 16 + 8 = 24 h done, 24 / 56 = 43 %.
    expect(taskValue(xml, 0, 'Work')).toBe('PT56H0M0S')
    expect(taskValue(xml, 0, 'ActualWork')).toBe('PT24H0M0S')
    expect(taskValue(xml, 0, 'RemainingWork')).toBe('PT32H0M0S')
    expect(taskValue(xml, 0, 'PercentWorkComplete')).toBe('43')
  })

  it('reads back and writes the same roll-up again (no double counting of a summary read from a file)', () => {
    const first = written(progressPlan())
    const read = mspdiRead(first)
    if (!read.ok) throw new Error('not read')
    const second = written(read.plan)
    for (const uid of [0, 1, 2, 3, 4])
      for (const element of ['Work', 'ActualWork', 'RemainingWork', 'PercentWorkComplete'])
        expect(taskValue(second, uid, element), `${element} of UID ${uid}`).toBe(taskValue(first, uid, element))
  })

  it("the project summary task of Microsoft Project's mspdiresource sample comes back as Project wrote it", () => {
    const sample = mspdiSampleText('mspdiresource.xml')
    const read = mspdiRead(sample)
    if (!read.ok) throw new Error('not read')
    const xml = written(read.plan)
    // Project wrote Work 128 h, ActualWork 16 h (the completed task) and PercentWorkComplete 13 (12.5 rounded).
    expect(taskValue(sample, 0, 'ActualWork')).toBe('PT16H0M0S')
    expect(taskValue(xml, 0, 'Work')).toBe(taskValue(sample, 0, 'Work'))
    expect(taskValue(xml, 0, 'ActualWork')).toBe('PT16H0M0S')
    expect(taskValue(xml, 0, 'PercentWorkComplete')).toBe(taskValue(sample, 0, 'PercentWorkComplete'))
  })
})
