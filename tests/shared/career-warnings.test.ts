import { describe, expect, it } from 'vitest'
import {
  careerDataEmpty,
  certificationMake,
  educationEntryMake,
  type CareerData,
} from '../../src/shared/career/model'
import { careerDeadlines, careerUpcomingDeadlines, careerWarnings } from '../../src/shared/career/warnings'

function withPmp(entries: [string, number][] = []): CareerData {
  const data = careerDataEmpty()
  data.certifications.push(
    certificationMake('c1', { catalogueId: 'pmp', status: 'earned', earnedOn: '2025-03-15' }),
  )
  entries.forEach(([category, units], index) =>
    data.educationEntries.push(
      educationEntryMake(`e${index}`, {
        certificationIds: ['c1'],
        date: '2025-06-01',
        activity: 'a',
        parts: [{ category, units }],
      }),
    ),
  )
  return data
}
const complete: [string, number][] = [
  ['Ways of Working', 20],
  ['Power Skills', 20],
  ['Business Acumen', 20],
]

describe('expiry warnings (expiry 2028-03-15)', () => {
  it.each([
    ['2027-09-16', null], // 181 days before
    ['2027-09-17', 'expiry-180'], // exactly 180 days before
    ['2027-12-15', 'expiry-180'], // 91 days before
    ['2027-12-16', 'expiry-90'],
    ['2028-02-14', 'expiry-30'],
    ['2028-03-15', 'expiry-30'], // the expiry day itself
    ['2028-03-16', 'suspended'], // PMI's one-year suspension, not "expired"
    ['2029-03-15', 'suspended'],
    ['2029-03-16', 'expired'],
  ])('on %s: %s', (today, kind) => {
    const kinds = careerWarnings(withPmp(complete), today).map((warning) => warning.kind)
    expect(kinds).toEqual(kind === null ? [] : [kind])
  })

  it('says what is still missing', () => {
    const [warning] = careerWarnings(withPmp(complete.slice(0, 2)), '2028-03-01').filter(
      (item) => item.kind === 'expiry-30',
    )
    expect(warning.message).toBe(
      'Project Management Professional (PMP) expires on 2028-03-15 (in 14 days); 20 PDUs still needed.',
    )
  })

  it('a suspended certification says by when it can still be renewed', () => {
    const [warning] = careerWarnings(withPmp(complete.slice(0, 2)), '2028-06-01')
    expect(warning).toMatchObject({ kind: 'suspended', severity: 'critical' })
    expect(warning.message).toBe(
      'Project Management Professional (PMP) is suspended: its cycle ended on 2028-03-15. Renew by 2029-03-15 to reactivate it (20 PDUs still needed).',
    )
  })

  it('after the suspension it has expired', () => {
    const [warning] = careerWarnings(withPmp(), '2029-03-16')
    expect(warning.message).toBe(
      'Project Management Professional (PMP) expired: its cycle ended on 2028-03-15 and the suspension on 2029-03-15.',
    )
  })

  it('warns when the pace falls behind', () => {
    const kinds = careerWarnings(withPmp([['Power Skills', 5]]), '2026-09-14').map((warning) => warning.kind)
    expect(kinds).toEqual(['pace-behind'])
  })

  it('gives no warnings for a planned certification', () => {
    const data = careerDataEmpty()
    data.certifications.push(
      certificationMake('c2', { catalogueId: 'capm', status: 'planned', examOn: '2026-12-01' }),
    )
    expect(careerWarnings(data, '2026-11-26')).toEqual([])
  })
})

describe('deadlines', () => {
  it('lists expiry (with reminders as alarms, not separate deadlines), exam dates and open goals in date order', () => {
    const data = withPmp()
    data.certifications.push(
      certificationMake('c2', {
        catalogueId: 'capm',
        status: 'exam-booked',
        applicationOn: '2026-10-01',
        examBookedOn: '2026-10-15',
        examOn: '2026-12-01',
      }),
    )
    data.goals.push({ id: 'g1', title: 'Lead a program', dueOn: '2027-01-31', isDone: false, doneOn: null })
    data.goals.push({
      id: 'g2',
      title: 'Done already',
      dueOn: '2026-12-31',
      isDone: true,
      doneOn: '2026-11-01',
    })
    const list = careerDeadlines(data)
    expect(list.map((deadline) => [deadline.date, deadline.kind, deadline.alarmDaysBefore])).toEqual([
      ['2026-10-01', 'application', []],
      ['2026-10-15', 'exam-booked', []],
      ['2026-12-01', 'exam', [7, 1]],
      ['2027-01-31', 'goal', []],
      ['2028-03-15', 'expiry', [180, 90, 30]],
      ['2029-03-15', 'suspension-end', [90, 30]],
    ])
  })

  it('no application deadline for an exam that needs none', () => {
    const data = careerDataEmpty()
    data.certifications.push(
      certificationMake('c', {
        catalogueId: 'itil4-foundation',
        status: 'studying',
        applicationOn: '2026-10-01',
        examOn: '2026-12-01',
      }),
    )
    expect(careerDeadlines(data).map((deadline) => deadline.kind)).toEqual(['exam'])
  })

  it("next deadlines show every certification's real expiry and exams first", () => {
    const data = withPmp()
    data.certifications.push(
      certificationMake('c2', { catalogueId: 'csm', status: 'earned', earnedOn: '2025-01-10' }), // expires 2027-01-10
      certificationMake('c3', { catalogueId: 'capm', status: 'studying', examOn: '2027-05-01' }),
    )
    for (let index = 0; index < 6; index++)
      data.goals.push({
        id: `g${index}`,
        title: `Goal ${index}`,
        dueOn: `2026-12-1${index}`,
        isDone: false,
        doneOn: null,
      })
    const shown = careerUpcomingDeadlines(data, '2026-12-07', 5)
    expect(shown.map((deadline) => [deadline.date, deadline.kind])).toEqual([
      ['2026-12-10', 'goal'],
      ['2026-12-11', 'goal'],
      ['2027-01-10', 'expiry'],
      ['2027-05-01', 'exam'],
      ['2028-03-15', 'expiry'],
    ])
  })

  it("one certification's later deadlines do not push another off the list", () => {
    const data = withPmp()
    data.certifications.push(
      certificationMake('c2', { catalogueId: 'csm', status: 'earned', earnedOn: '2027-01-10' }),
    )
    // On 2028-04-01 the PMP is suspended: its suspension end and the CSM expiry (2029-01-10) both show.
    const shown = careerUpcomingDeadlines(data, '2028-04-01', 2)
    expect(shown.map((deadline) => [deadline.certificationId, deadline.kind])).toEqual([
      ['c2', 'expiry'],
      ['c1', 'suspension-end'],
    ])
  })
})
