/**
 * What is typed and not yet in the plan, kept per plan in storage: a status report's texts until the report is saved
 * (read back per plan, removed when emptied, unreadable entries ignored, a refused write reported instead of thrown),
 * and new RAID items being written (read back only when every field is what the form holds).
 */
import { describe, expect, it } from 'vitest'
import { reportDraftRead, reportDraftWrite } from '../../src/renderer/src/features/health/report-draft'
import { educationDraftParse } from '../../src/renderer/src/features/career/education-draft'
import { raidNewDraftsParse, type RaidFormFields } from '../../src/renderer/src/features/raid/raid-view-state'
import { typedDraftRead, typedDraftWrite } from '../../src/renderer/src/features/workspace/typed-drafts'

/** A Storage stand-in over a Map; `isFull` makes every write throw as a full localStorage does. */
function memoryStorage(isFull = false): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { entries: Map<string, string> } {
  const entries = new Map<string, string>()
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => {
      if (isFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      entries.set(key, value)
    },
    removeItem: (key) => void entries.delete(key),
  }
}

describe('status report drafts', () => {
  it('keeps each plan’s texts apart and removes a draft emptied (as saving the report does)', () => {
    const storage = memoryStorage()
    expect(reportDraftWrite('plan-a', { commentary: 'Late by a week.', decisions: 'Approve overtime' }, storage)).toBe(true)
    expect(reportDraftWrite('plan-b', { commentary: 'On track.', decisions: '' }, storage)).toBe(true)
    expect(reportDraftRead('plan-a', storage)).toEqual({ commentary: 'Late by a week.', decisions: 'Approve overtime' })
    expect(reportDraftRead('plan-b', storage)).toEqual({ commentary: 'On track.', decisions: '' })
    expect(reportDraftRead('plan-c', storage)).toBeNull()
    expect(reportDraftWrite('plan-a', { commentary: '', decisions: '' }, storage)).toBe(true)
    expect(reportDraftRead('plan-a', storage)).toBeNull()
    expect([...storage.entries.keys()]).toEqual(['gantry.status-report-draft.plan-b'])
  })

  it('ignores what it cannot read and reports a refused write instead of throwing', () => {
    const storage = memoryStorage()
    for (const text of ['{not json', '"text"', '{"commentary":5,"decisions":""}', 'null']) {
      storage.entries.set('gantry.status-report-draft.plan-a', text)
      expect(reportDraftRead('plan-a', storage)).toBeNull()
    }
    expect(reportDraftWrite('plan-a', { commentary: 'x', decisions: '' }, memoryStorage(true))).toBe(false)
    expect(reportDraftWrite('plan-a', { commentary: 'x', decisions: '' }, undefined)).toBe(false)
  })
})

describe('new RAID items being written', () => {
  const fields: RaidFormFields = {
    title: 'Vendor may go bankrupt',
    description: '',
    owner: 'Ana',
    dueDate: '2026-03-01',
    raisedOn: '2026-02-01',
    status: 'open',
    probability: '3',
    impact: '4',
    strategy: 'mitigate',
    mitigation: 'Second source',
    trigger: '',
    priority: '',
    resolution: '',
    party: '',
    taskIds: [2, 3],
  }

  it('reads back what was written, per plan', () => {
    const storage = memoryStorage()
    expect(typedDraftWrite('raid', 'plan-a', { risk: fields }, storage)).toBe(true)
    expect(typedDraftRead('raid', 'plan-a', raidNewDraftsParse, storage)).toEqual({ risk: fields })
    expect(typedDraftRead('raid', 'plan-b', raidNewDraftsParse, storage)).toBeNull()
    expect(typedDraftWrite('raid', 'plan-a', null, storage)).toBe(true)
    expect(storage.entries.size).toBe(0)
  })

  it('ignores a stored draft that is not what the form holds', () => {
    for (const value of [[], 'risk', { risk: null }, { epic: fields }, { risk: { ...fields, title: 5 } }, { risk: { ...fields, taskIds: ['2'] } }, { risk: { ...fields, taskIds: undefined } }])
      expect(raidNewDraftsParse(value), JSON.stringify(value)).toBeNull()
    expect(raidNewDraftsParse({})).toEqual({})
    // Extra keys written by some other version are dropped, not kept.
    expect(raidNewDraftsParse({ issue: { ...fields, extra: 'x' } })).toEqual({ issue: fields })
  })
})

describe('a new education-log activity being typed', () => {
  const draft = { date: '2026-05-04', activity: 'Risk workshop', activityType: 'Course', provider: 'PMI chapter', parts: [{ category: 'Power Skills', units: '2' }], evidence: '', note: 'Slides' }

  it('reads back what the form holds, and nothing else', () => {
    expect(educationDraftParse(JSON.parse(JSON.stringify(draft)))).toEqual(draft)
    for (const value of [null, 'x', { ...draft, note: 3 }, { ...draft, parts: [] }, { ...draft, parts: [{ category: 'A' }] }, { ...draft, parts: 'A' }])
      expect(educationDraftParse(value), JSON.stringify(value)).toBeNull()
  })
})
