import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import {
  careerDataEmpty,
  certificationMake,
  educationEntryMake,
  type CareerData,
} from '../../src/shared/career/model'
import type { GantryPlatform } from '../../src/shared/ipc/contract'
import type { CareerDb } from '../../src/renderer/src/db/career-db'
import { CareerDashboardCard } from '../../src/renderer/src/features/career/CareerDashboardCard'
import { CareerStoreContext } from '../../src/renderer/src/features/career/career-runtime'
import { createCareerStore } from '../../src/renderer/src/features/career/career-store'

/** Renders the card to HTML over a store already holding `data` (no database is touched). */
function render(data: CareerData, today: string): string {
  const unused = () => {
    throw new Error('not used by the card')
  }
  const store = createCareerStore(
    { db: {} as CareerDb, platform: {} as GantryPlatform, today: () => today, nowUtc: unused, newId: unused },
    { data },
  )
  return renderToStaticMarkup(
    createElement(
      CareerStoreContext.Provider,
      { value: store },
      createElement(CareerDashboardCard, { today }),
    ),
  )
}

function scenario(): CareerData {
  const data = careerDataEmpty()
  data.certifications.push(
    certificationMake('pmp', { catalogueId: 'pmp', status: 'earned', earnedOn: '2025-03-15' }),
  )
  data.certifications.push(
    certificationMake('capm', { catalogueId: 'capm', status: 'exam-booked', examOn: '2026-12-10' }),
  )
  data.educationEntries.push(
    educationEntryMake('e1', {
      certificationIds: ['pmp'],
      date: '2025-06-01',
      activity: 'Course',
      parts: [{ category: 'Ways of Working', units: 10 }],
    }),
    educationEntryMake('e2', {
      certificationIds: ['pmp'],
      date: '2025-06-01',
      activity: 'Mentoring',
      parts: [{ category: 'Giving Back', units: 30 }],
    }),
  )
  data.goals.push({ id: 'g1', title: 'Lead a program', dueOn: '2027-01-31', isDone: false, doneOn: null })
  return data
}

describe('CareerDashboardCard', () => {
  it('lists the next deadlines nearest first', () => {
    const html = render(scenario(), '2026-11-26')
    const deadlines = html.slice(html.indexOf('aria-label="Next deadlines"'), html.indexOf('</ol>'))
    expect(deadlines.indexOf('2026-12-10')).toBeLessThan(deadlines.indexOf('2027-01-31'))
    expect(deadlines).toContain('Certified Associate in Project Management (CAPM): exam day')
    expect(deadlines).toContain('Goal: Lead a program')
    expect(deadlines).toContain('(in 14 days)')
  })

  it('draws a progress bar per active renewal cycle', () => {
    const html = render(scenario(), '2026-11-26')
    expect(html).toContain(
      '<progress class="career-progress" max="60" value="35" aria-label="Project Management Professional (PMP): 35 of 60 PDUs, cycle ends 2028-03-15"',
    )
    // The CAPM is not earned yet, so it has no cycle.
    expect(html.match(/<progress/g)).toHaveLength(1)
  })

  it('shows the expiry warning once inside 90 days', () => {
    const html = render(scenario(), '2028-01-01')
    expect(html).toContain('expires on 2028-03-15 (in 74 days); 25 PDUs still needed.')
    expect(html).toContain('career-warning is-warning')
  })

  it("keeps every certification's expiry among the next deadlines, however many goals come first", () => {
    const data = scenario()
    for (let index = 0; index < 8; index++)
      data.goals.push({
        id: `x${index}`,
        title: `Small goal ${index}`,
        dueOn: '2026-12-01',
        isDone: false,
        doneOn: null,
      })
    const html = render(data, '2026-11-26')
    const deadlines = html.slice(html.indexOf('aria-label="Next deadlines"'), html.indexOf('</ol>'))
    expect(deadlines).toContain('Project Management Professional (PMP) expires')
    expect(deadlines).toContain('(CAPM): exam day')
    expect(deadlines.match(/<li>/g)).toHaveLength(5)
  })

  it('shows a suspended PMP as suspended, with the day it must be renewed by', () => {
    const html = render(scenario(), '2028-06-01')
    expect(html).toContain(
      'is suspended: its cycle ended on 2028-03-15. Renew by 2029-03-15 to reactivate it',
    )
    expect(html).not.toContain('expired')
  })

  it('says so when there is nothing to show', () => {
    const html = render(careerDataEmpty(), '2026-11-26')
    expect(html).toContain('No upcoming deadlines.')
    expect(html).toContain('No active renewal cycles.')
  })
})
