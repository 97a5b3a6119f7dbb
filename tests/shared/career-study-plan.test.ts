import { describe, expect, it } from 'vitest'
import { planRestore } from '../../src/shared/formats/plan-file'
import {
  studyPlanBuild,
  studyPlanFirstWeek,
  studyPlanStartText,
  type StudyPlanInput,
} from '../../src/shared/career/study-plan'

// 2026-11-26 is a Thursday; the first study week starts Monday 2026-11-30.
//   Nov 30 ─ Week 1 ─ Dec 4 │ Dec 7 ─ Week 2 ─ Dec 11 │ ... │ exam Fri 2027-01-29
const input: StudyPlanInput = {
  planId: 'study-1',
  now: '2026-11-26T09:00:00',
  certificationName: 'PMP',
  studyStart: '2026-11-26',
  applicationOn: '2026-11-20',
  examBookedOn: '2026-12-10',
  examOn: '2027-01-29',
  hoursPerWeek: 6,
  examNeedsApplication: true,
}

describe('studyPlanBuild', () => {
  const result = studyPlanBuild(input)
  if (!result.ok) throw new Error(result.message)
  const { plan } = result

  it('produces a plan that passes the plan file validation', () => {
    expect(planRestore(plan)).toEqual({ ok: true, plan })
  })

  it('has the three milestones fixed to their dates', () => {
    const milestones = plan.tasks.filter((task) => task.isMilestone)
    expect(milestones.map((task) => [task.name, task.constraint.type, task.constraint.date])).toEqual([
      ['Application submitted', 'MSO', '2026-11-20T08:00:00'],
      ['Exam booked', 'MSO', '2026-12-10T08:00:00'],
      ['Exam day', 'MSO', '2027-01-29T08:00:00'],
    ])
    expect(milestones.every((task) => task.duration === 0)).toBe(true)
  })

  it('starts the plan on the earliest date', () => {
    expect(plan.start).toBe('2026-11-20T08:00:00')
    expect(plan.name).toBe('PMP: exam preparation')
  })

  it('has one working-week study task per week before the exam, under a Study summary', () => {
    // Mondays Nov 30 ... Jan 25: the week of Jan 25 ends Fri Jan 29, the exam day, so it is not a study week.
    expect(result.weeks).toBe(8)
    const weeks = plan.tasks.filter((task) => task.level === 2)
    expect(weeks).toHaveLength(8)
    expect(weeks.every((task) => task.duration === 2400 && task.durationUnit === 'w')).toBe(true)
    expect(weeks[0].constraint).toEqual({ type: 'SNET', date: '2026-11-30T08:00:00' })
    const summaryIndex = plan.tasks.findIndex((task) => task.name === 'Study')
    expect(plan.tasks[summaryIndex + 1]).toBe(weeks[0])
    expect(weeks[7].name).toMatch(/practice exam/)
  })

  it('links the weeks finish-to-start into the exam day', () => {
    const byName = new Map(plan.tasks.map((task) => [task.id, task.name]))
    const links = plan.dependencies.map(
      (link) => `${byName.get(link.predecessorId)} -> ${byName.get(link.successorId)} ${link.type}`,
    )
    expect(links).toContain('Application submitted -> Exam booked FS')
    expect(links).toContain('Week 1: study -> Week 2: study FS')
    expect(links).toContain('Week 8: practice exam and review -> Exam day FS')
    expect(links).toContain('Exam booked -> Exam day FS')
    expect(plan.dependencies.every((link) => link.type === 'FS')).toBe(true)
  })

  it.each([
    [{ examOn: '2026-11-27', examBookedOn: null }, /no full study week/],
    [{ examOn: '2026-12-04', examBookedOn: null }, /no full study week/], // Friday of the first week
    [{ examBookedOn: '2026-11-01' }, /before the application/],
    [{ examBookedOn: '2027-02-01' }, /before the exam day/],
    [{ hoursPerWeek: 0 }, /hours per week/],
  ])('refuses %j', (change, message) => {
    const refused = studyPlanBuild({ ...input, ...change })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.message).toMatch(message)
  })

  it('leaves out the application milestone for an exam that needs none', () => {
    const built = studyPlanBuild({ ...input, examNeedsApplication: false })
    if (!built.ok) throw new Error(built.message)
    const names = built.plan.tasks.filter((task) => task.isMilestone).map((task) => task.name)
    expect(names).toEqual(['Exam booked', 'Exam day'])
    expect(built.plan.start).toBe('2026-11-26T08:00:00') // the application date no longer starts the plan
  })

  it('keeps it for an unknown exam only when an application date is given', () => {
    const without = studyPlanBuild({ ...input, examNeedsApplication: null, applicationOn: null })
    const withDate = studyPlanBuild({ ...input, examNeedsApplication: null })
    const milestones = (result: typeof without) =>
      result.ok ? result.plan.tasks.filter((task) => task.isMilestone).map((task) => task.name) : []
    expect(milestones(without)).toEqual(['Exam booked', 'Exam day'])
    expect(milestones(withDate)).toEqual(['Application submitted', 'Exam booked', 'Exam day'])
  })

  it('gives one week when the exam is the Saturday after it', () => {
    const one = studyPlanBuild({ ...input, examBookedOn: null, examOn: '2026-12-05' })
    expect(one.ok && one.weeks).toBe(1)
  })
})

describe('the study weeks start as the hint says', () => {
  it.each([
    ['2026-11-30', '2026-11-30', 'today (Monday 2026-11-30)'], // a Monday start on a Monday
    ['2026-11-26', '2026-11-30', 'Monday 2026-11-30'], // Thursday
    ['2026-11-29', '2026-11-30', 'Monday 2026-11-30'], // Sunday
    ['2026-12-01', '2026-12-07', 'Monday 2026-12-07'], // Tuesday
  ])('started %s: weeks from %s ("%s")', (today, first, text) => {
    expect(studyPlanFirstWeek(today)).toBe(first)
    expect(studyPlanStartText(today)).toBe(text)
    const built = studyPlanBuild({
      ...input,
      studyStart: today,
      applicationOn: null,
      examBookedOn: null,
      examOn: '2027-03-05',
    })
    if (!built.ok) throw new Error(built.message)
    expect(built.plan.tasks.find((task) => task.name === 'Week 1: study')?.constraint.date).toBe(
      `${first}T08:00:00`,
    )
  })
})
