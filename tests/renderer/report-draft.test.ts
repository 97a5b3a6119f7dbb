/**
 * The status report's typed texts kept per plan in storage until the report is saved: read back per plan, removed
 * when emptied, unreadable entries ignored, and a refused write reported (so the view can warn) instead of thrown.
 */
import { describe, expect, it } from 'vitest'
import { reportDraftRead, reportDraftWrite } from '../../src/renderer/src/features/health/report-draft'

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
