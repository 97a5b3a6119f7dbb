/**
 * The RAID log: its rules (score bands, open and overdue items, the matrix, filters and sorting) and its commands
 * through the one run path (refusals name the problem and change nothing; unchanged rows keep their identity).
 */
import { describe, expect, it } from 'vitest'
import { commandRun } from '../../src/shared/commands/run'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import {
  raidCounts,
  raidDateRead,
  raidDaysOverdue,
  raidDraftApply,
  raidIsOpen,
  raidIsOverdue,
  raidItemBlank,
  raidItemCode,
  raidQueryAll,
  raidQueryRun,
  raidRiskMatrix,
  raidRiskScore,
  raidScoreLevel,
  type RaidQuery,
} from '../../src/shared/domain/raid'
import type { RaidItem, RaidRisk } from '../../src/shared/domain/raid-model'
import { planFileParse, planFileSerialize } from '../../src/shared/formats/plan-file'

const context = { selection: [], schedule: null, clipboard: null }
const today = '2026-03-16'

/** Build (1) with Code (2) under it, and the Launch milestone (3). */
function plan(raid: RaidItem[] = []): Plan {
  return makePlan('p-raid', 'RAID', '2026-03-02T08:00:00', '2026-03-01T00:00:00', {
    tasks: [
      makeTask(1, { name: 'Build' }),
      makeTask(2, { name: 'Code', level: 2 }),
      makeTask(3, { name: 'Launch', duration: 0, isMilestone: true }),
    ],
    raid,
  })
}

function risk(id: number, overrides: Partial<RaidRisk> = {}): RaidRisk {
  const blank = raidItemBlank('risk', id, '2026-03-02')
  if (blank.kind !== 'risk') throw new Error('not a risk')
  return { ...blank, title: `Risk ${id}`, ...overrides }
}

function item(kind: RaidItem['kind'], id: number, overrides: Partial<RaidItem> = {}): RaidItem {
  return { ...raidItemBlank(kind, id, '2026-03-02'), title: `${kind} ${id}`, ...overrides } as RaidItem
}

function run<Id extends Parameters<typeof commandRun>[1]>(
  current: Plan,
  id: Id,
  input: Parameters<typeof commandRun<Id>>[2],
) {
  return commandRun(current, id, input, context)
}

describe('risk scores', () => {
  it('is probability × impact, in the bands of the 5 × 5 matrix', () => {
    expect(raidRiskScore({ probability: 4, impact: 5 })).toBe(20)
    expect([1, 4, 5, 9, 10, 16, 20, 25].map(raidScoreLevel)).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'very-high',
      'very-high',
    ])
  })
})

describe('open and overdue items', () => {
  it('counts an item as open until it is closed, confirmed, resolved or received', () => {
    expect(raidIsOpen(risk(1))).toBe(true)
    expect(raidIsOpen(risk(1, { status: 'occurred' }))).toBe(false)
    expect(raidIsOpen(item('assumption', 2))).toBe(true)
    expect(raidIsOpen(item('assumption', 2, { status: 'confirmed' }))).toBe(false)
    expect(raidIsOpen(item('issue', 3, { status: 'in-progress' }))).toBe(true)
    expect(raidIsOpen(item('issue', 3, { status: 'resolved' }))).toBe(false)
    expect(raidIsOpen(item('dependency', 4))).toBe(true)
    expect(raidIsOpen(item('dependency', 4, { status: 'received' }))).toBe(false)
  })

  it('flags an open item the day after its due date, not on it, and never a closed one', () => {
    expect(raidIsOverdue(risk(1, { dueDate: today }), today)).toBe(false)
    expect(raidIsOverdue(risk(1, { dueDate: '2026-03-15' }), today)).toBe(true)
    expect(raidDaysOverdue(risk(1, { dueDate: '2026-03-09' }), today)).toBe(7)
    expect(raidIsOverdue(risk(1, { dueDate: '2026-03-15', status: 'closed' }), today)).toBe(false)
    expect(raidIsOverdue(risk(1, { dueDate: null }), today)).toBe(false)
    // A dependency's "needed by" day.
    expect(raidIsOverdue(item('dependency', 2, { dueDate: '2026-03-01' }), today)).toBe(true)
  })

  it('counts open items per kind and the overdue ones', () => {
    const counts = raidCounts(
      [
        risk(1, { dueDate: '2026-03-01' }),
        risk(2, { status: 'closed' }),
        item('issue', 3),
        item('dependency', 4, { dueDate: '2026-03-10' }),
      ],
      today,
    )
    expect(counts.open).toEqual({ risk: 1, assumption: 0, issue: 1, dependency: 1 })
    expect(counts.overdue).toBe(2)
  })
})

describe('typed days', () => {
  it.each([
    ['2026-02-30', /2026-02-30 is not a real day: February 2026 has 28 days/],
    ['2028-02-30', /February 2028 has 29 days/],
    ['2026-13-01', /there is no month 13/],
    ['31/03/2026', /"31\/03\/2026" is not a date\. Write it as YYYY-MM-DD/],
    ['0026-03-01', /out of range/],
  ])('refuses %s with a message that says why', (text, message) => {
    const read = raidDateRead(text, 'Due date')
    expect(read.ok).toBe(false)
    if (!read.ok) expect(read.message).toMatch(message)
  })

  it('reads a real day and empty as none', () => {
    expect(raidDateRead(' 2028-02-29 ', 'Due date')).toEqual({ ok: true, day: '2028-02-29' })
    expect(raidDateRead('', 'Due date')).toEqual({ ok: true, day: null })
  })
})

describe('the RAID form read into an item', () => {
  it('names the field of the first problem (the form marks it)', () => {
    const blank = raidItemBlank('risk', 1, today)
    const cases: [Parameters<typeof raidDraftApply>[1], string, RegExp][] = [
      [{ title: '  ' }, 'title', /A risk needs a title/],
      [
        { title: 'X', probability: '6' },
        'probability',
        /Probability is rated from 1 \(very unlikely\) to 5 \(almost certain\) in whole steps; "6" is not a rating/,
      ],
      [{ title: 'X', impact: '2.5' }, 'impact', /Impact is rated from 1 \(very low\) to 5 \(very high\)/],
      [{ title: 'X', impact: '' }, 'impact', /nothing is not a rating/],
      [
        { title: 'X', dueDate: '2026-04-31' },
        'dueDate',
        /Due date: 2026-04-31 is not a real day: April 2026 has 30 days/,
      ],
      [{ title: 'X', strategy: 'hope' }, 'strategy', /not a response strategy/],
      [
        { title: 'X', status: 'resolved' },
        'status',
        /"resolved" is not a status of a risk; choose open, occurred, closed/,
      ],
      [{ title: 'X', taskIds: [99] }, 'taskIds', /Task 99 is not in this plan/],
      [{ title: 'x'.repeat(1001) }, 'title', /at most 1,000 characters/],
    ]
    for (const [draft, field, message] of cases) {
      const result = raidDraftApply(blank, draft, plan())
      expect(result.ok, JSON.stringify(draft).slice(0, 80)).toBe(false)
      if (result.ok) continue
      expect(result.problem.field).toBe(field)
      expect(result.problem.message).toMatch(message)
    }
  })

  it('labels a dependency\'s due date "Needed by"', () => {
    const result = raidDraftApply(
      raidItemBlank('dependency', 1, today),
      { title: 'Hosting', dueDate: '2026-02-29' },
      plan(),
    )
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problem.message).toMatch(/^Needed by: 2026-02-29 is not a real day/)
  })
})

describe('RAID commands', () => {
  it('adds a risk with every field, linked to a task and a milestone, and returns its id', () => {
    const before = plan([item('issue', 4)])
    const result = run(before, 'raid/add', {
      kind: 'risk',
      today,
      draft: {
        title: 'Supplier late',
        owner: ' Ana ',
        probability: '4',
        impact: '5',
        strategy: 'transfer',
        mitigation: 'Penalty clause',
        trigger: 'No delivery note by Friday',
        dueDate: '2026-03-20',
        taskIds: [2, 3, 3],
      },
    })
    if (!result.ok) throw new Error(result.message)
    expect(result.value).toBe(5)
    expect(result.plan.raid[0]).toBe(before.raid[0])
    expect(result.plan.raid[1]).toEqual({
      id: 5,
      kind: 'risk',
      title: 'Supplier late',
      description: '',
      owner: 'Ana',
      dueDate: '2026-03-20',
      taskIds: [2, 3],
      raisedOn: today,
      probability: 4,
      impact: 5,
      strategy: 'transfer',
      mitigation: 'Penalty clause',
      trigger: 'No delivery note by Friday',
      status: 'open',
      issueId: null,
    })
    expect(result.plan.tasks).toBe(before.tasks)
  })

  it('refuses an impossible score or date with the reason and "Nothing was changed.", keeping the plan', () => {
    const before = plan([risk(1)])
    for (const draft of [
      { title: 'X', probability: '7' },
      { title: 'X', dueDate: '2026-02-30' },
    ]) {
      const added = run(before, 'raid/add', { kind: 'risk', today, draft })
      expect(added.ok).toBe(false)
      if (!added.ok) expect(added.message).toMatch(/(rated from 1|not a real day).*Nothing was changed\.$/)
    }
    const edited = run(before, 'raid/update', { id: 1, draft: { impact: '0' } })
    expect(edited.ok).toBe(false)
    if (!edited.ok)
      expect(edited.message).toBe(
        'R1: Impact is rated from 1 (very low) to 5 (very high) in whole steps; "0" is not a rating. Nothing was changed.',
      )
    expect(before.raid[0]).toEqual(risk(1))
  })

  it('edits one item, keeps the others, and does nothing when nothing changed', () => {
    const before = plan([risk(1), item('assumption', 2)])
    const edited = run(before, 'raid/update', { id: 2, draft: { status: 'false', dueDate: '2026-03-18' } })
    if (!edited.ok) throw new Error(edited.message)
    expect(edited.plan.raid[0]).toBe(before.raid[0])
    expect(edited.plan.raid[1]).toMatchObject({ status: 'false', dueDate: '2026-03-18' })
    const same = run(edited.plan, 'raid/update', { id: 2, draft: { status: 'false', title: 'assumption 2' } })
    if (!same.ok) throw new Error(same.message)
    expect(same.isChanged).toBe(false)
  })

  it('turns a risk into an issue: priority from the score, linked both ways, refused a second time', () => {
    const before = plan([
      risk(1, { probability: 4, impact: 5, owner: 'Ana', taskIds: [3], dueDate: '2026-03-20' }),
      risk(2, { probability: 2, impact: 3 }),
    ])
    const result = run(before, 'raid/risk-to-issue', { riskId: 1, today })
    if (!result.ok) throw new Error(result.message)
    expect(result.value).toBe(3)
    expect(result.plan.raid[0]).toMatchObject({ status: 'occurred', issueId: 3 })
    expect(result.plan.raid[2]).toMatchObject({
      kind: 'issue',
      id: 3,
      title: 'Risk 1',
      owner: 'Ana',
      taskIds: [3],
      priority: 'critical',
      status: 'open',
      riskId: 1,
      raisedOn: today,
    })
    const low = run(result.plan, 'raid/risk-to-issue', { riskId: 2, today })
    if (!low.ok) throw new Error(low.message)
    expect(low.plan.raid[3]).toMatchObject({ priority: 'medium', riskId: 2 })
    const again = run(result.plan, 'raid/risk-to-issue', { riskId: 1, today })
    expect(again.ok).toBe(false)
    if (!again.ok) expect(again.message).toBe('R1 already became issue I3. Nothing was changed.')
    const notRisk = run(result.plan, 'raid/risk-to-issue', { riskId: 3, today })
    expect(notRisk.ok).toBe(false)
    if (!notRisk.ok)
      expect(notRisk.message).toMatch(/I3 is an issue; only a risk can be turned into an issue/)
    // What the command stores is what the file format reads back.
    const reread = planFileParse(planFileSerialize(low.plan))
    expect(reread.ok && reread.plan.raid).toEqual(low.plan.raid)
  })

  it('deletes items and clears the link of the risk whose issue went', () => {
    const start = plan([risk(1)])
    const converted = run(start, 'raid/risk-to-issue', { riskId: 1, today })
    if (!converted.ok) throw new Error(converted.message)
    const deleted = run(converted.plan, 'raid/delete', { ids: [2] })
    if (!deleted.ok) throw new Error(deleted.message)
    expect(deleted.plan.raid).toEqual([{ ...converted.plan.raid[0], issueId: null }])
    const reread = planFileParse(planFileSerialize(deleted.plan))
    expect(reread.ok).toBe(true)
  })

  it('keeps items when their task is deleted, without the link to it', () => {
    const before = plan([risk(1, { taskIds: [2, 3] }), item('issue', 2, { taskIds: [3] })])
    const deleted = commandRun(before, 'task/delete', {}, { ...context, selection: [1] })
    if (!deleted.ok) throw new Error(deleted.message)
    expect(deleted.plan.raid[0]?.taskIds).toEqual([3])
    expect(deleted.plan.raid[1]).toBe(before.raid[1])
    expect(planFileParse(planFileSerialize(deleted.plan)).ok).toBe(true)
  })
})

describe('the RAID view: filters, sorting, matrix', () => {
  const log: RaidItem[] = [
    risk(1, { probability: 4, impact: 5, owner: 'Ana', dueDate: '2026-03-10', title: 'Supplier late' }),
    risk(2, { probability: 2, impact: 2, owner: 'Ben', status: 'closed' }),
    risk(3, { probability: 4, impact: 5, owner: 'ana', dueDate: null, title: 'Key person leaves' }),
    item('issue', 4, { owner: 'Ben', dueDate: '2026-03-20', taskIds: [3] }),
    item('assumption', 5, { dueDate: '2026-03-01', status: 'confirmed' }),
    item('dependency', 6, { owner: 'Cy', dueDate: '2026-03-12', taskIds: [3] }),
  ]
  const query = (overrides: Partial<RaidQuery>) => ({ ...raidQueryAll, ...overrides })
  const codes = (items: RaidItem[]) => items.map(raidItemCode)

  it('filters by kind, state, overdue, owner, words, linked task and matrix cell', () => {
    const byCode = { key: 'code', direction: 'ascending' } as const
    expect(codes(raidQueryRun(log, query({ kinds: ['risk'] }), byCode, today))).toEqual(['R1', 'R2', 'R3'])
    expect(codes(raidQueryRun(log, query({ state: 'open' }), byCode, today))).toEqual([
      'R1',
      'R3',
      'I4',
      'D6',
    ])
    expect(codes(raidQueryRun(log, query({ state: 'closed' }), byCode, today))).toEqual(['R2', 'A5'])
    expect(codes(raidQueryRun(log, query({ isOverdueOnly: true }), byCode, today))).toEqual(['R1', 'D6'])
    expect(codes(raidQueryRun(log, query({ owner: 'ANA' }), byCode, today))).toEqual(['R1', 'R3'])
    expect(codes(raidQueryRun(log, query({ text: 'supplier LATE' }), byCode, today))).toEqual(['R1'])
    expect(codes(raidQueryRun(log, query({ text: 'i4' }), byCode, today))).toEqual(['I4'])
    expect(codes(raidQueryRun(log, query({ taskId: 3 }), byCode, today))).toEqual(['I4', 'D6'])
    expect(codes(raidQueryRun(log, query({ cell: { probability: 4, impact: 5 } }), byCode, today))).toEqual([
      'R1',
      'R3',
    ])
  })

  it('sorts by severity (score and priority on one scale) and by due date with empty dates last both ways', () => {
    expect(
      codes(raidQueryRun(log, raidQueryAll, { key: 'severity', direction: 'descending' }, today)).slice(0, 4),
    ).toEqual(['R1', 'R3', 'I4', 'R2'])
    expect(codes(raidQueryRun(log, raidQueryAll, { key: 'dueDate', direction: 'ascending' }, today))).toEqual(
      ['A5', 'R1', 'D6', 'I4', 'R2', 'R3'],
    )
    expect(
      codes(raidQueryRun(log, raidQueryAll, { key: 'dueDate', direction: 'descending' }, today)),
    ).toEqual(['I4', 'D6', 'R1', 'A5', 'R2', 'R3'])
  })

  it('puts each open risk in its probability × impact cell', () => {
    const matrix = raidRiskMatrix(log)
    expect(matrix.total).toBe(2)
    expect(matrix.cells[3]?.[4]).toEqual([1, 3])
    expect(matrix.cells[1]?.[1]).toEqual([])
  })
})
