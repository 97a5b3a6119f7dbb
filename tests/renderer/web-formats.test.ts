import { describe, expect, it } from 'vitest'
import { webImportCsv, webImportMspdi } from '../../src/renderer/src/platform/web-formats'

/** Browser mode's imports return the reader's warnings with the plan, as the desktop app's main process does. */
describe('browser-mode imports', () => {
  it('returns a CSV plan with the warning about a linked task typed to start too early', () => {
    const result = webImportCsv(
      'Name,Duration,Start,Predecessors\r\nDesign,5d,2026-03-02,\r\nBuild,3d,2026-03-03,1\r\n',
      'early.csv',
      'imported-csv',
    )
    if (!result.ok) throw new Error(result.message)
    expect(result.value.plan.name).toBe('early')
    expect(result.value.fileName).toBe('early.csv')
    expect(result.value.plan.tasks.map((task) => task.name)).toEqual(['Design', 'Build'])
    expect(result.value.warnings).toEqual([
      'The start on line 3 (Build) is before its predecessors allow; the links decide.',
    ])
  })

  it('returns a Microsoft Project plan with the warning about the missing project calendar', () => {
    const result = webImportMspdi(
      '<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project"><Name>Bare</Name>' +
        '<StartDate>2026-03-02T08:00:00</StartDate><Tasks><Task><UID>1</UID><ID>1</ID><Name>Only task</Name>' +
        '<Duration>PT16H0M0S</Duration></Task></Tasks></Project>',
      'bare.xml',
      'imported-xml',
    )
    if (!result.ok) throw new Error(result.message)
    expect(result.value.plan.id).toBe('imported-xml')
    expect(result.value.plan.tasks.map((task) => task.name)).toEqual(['Only task'])
    expect(result.value.warnings).toEqual([
      'The file has no usable project calendar; the Standard calendar (Monday-Friday 08:00-17:00) was used.',
    ])
  })

  it("returns no warnings for a clean CSV and the reader's message for a bad one", () => {
    const clean = webImportCsv('Name,Duration,Predecessors\r\nDesign,3d,\r\nBuild,5d,1\r\n', 'clean.csv', 'x')
    if (!clean.ok) throw new Error(clean.message)
    expect(clean.value.warnings).toEqual([])
    const bad = webImportCsv('Duration\r\n3d\r\n', 'bad.csv', 'y')
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.message).toMatch(/"bad\.csv" cannot be imported/)
  })
})
