import { describe, expect, it } from 'vitest'
import { careerDataEmpty, certificationMake, type CareerData } from '../../src/shared/career/model'
import { careerDeadlines, careerUpcomingDeadlines, careerWarnings } from '../../src/shared/career/warnings'

function withPmp(entries: [string, number][] = []): CareerData {
  const data = careerDataEmpty()
  data.certifications.push(
    certificationMake('c1', { catalogueId: 'pmp', status: 'earned', earnedOn: '2025-03-15' }),
  )
  entries.forEach(([category, units], index) =>
    data.educationEntries.push({
      id: `e${index}`,
      certificationId: 'c1',
      date: '2025-06-01',
      activity: 'a',
      provider: '',
      category,
      units,
      note: '',
    }),
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
    ['2028-03-16', 'expired'],
  ])('on %s: %s', (today, kind) => {
    const kinds = careerWarnings(withPmp(complete), today).map((warning) => warning.kind)
    expect(kinds).toEqual(kind === null ? [] : [kind])
  })

  it('says what is still missing', () => {
    const [warning] = careerWarnings(withPmp(complete.slice(0, 2)), '2028-03-01').filter(
      (item) => item.kind === 'expiry-30',
    )
    expect(warning.message).toBe(
      'Project Management Professional (PMP) expires on 2028-03-15 (in 14 days); 20 PDU still needed.',
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
  it('lists expiry, reminders, exam dates and open goals in date order', () => {
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
    expect(list.map((deadline) => [deadline.date, deadline.kind])).toEqual([
      ['2026-10-01', 'application'],
      ['2026-10-15', 'exam-booked'],
      ['2026-12-01', 'exam'],
      ['2027-01-31', 'goal'],
      ['2027-09-17', 'expiry-reminder'],
      ['2027-12-16', 'expiry-reminder'],
      ['2028-02-14', 'expiry-reminder'],
      ['2028-03-15', 'expiry'],
    ])
    expect(careerUpcomingDeadlines(data, '2026-11-26', 2).map((deadline) => deadline.kind)).toEqual([
      'exam',
      'goal',
    ])
  })
})
