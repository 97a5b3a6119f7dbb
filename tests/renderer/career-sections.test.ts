import { createElement, type FunctionComponent } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { catalogueSalaryBands } from '../../src/shared/career/catalogue'
import { careerDataEmpty, certificationMake, type CareerData } from '../../src/shared/career/model'
import { salaryBandRange } from '../../src/shared/career/salary'
import type { GantryPlatform } from '../../src/shared/ipc/contract'
import type { CareerDb } from '../../src/renderer/src/db/career-db'
import { BudgetSection } from '../../src/renderer/src/features/career/BudgetSection'
import { CertificationsSection } from '../../src/renderer/src/features/career/CertificationsSection'
import { SalarySection } from '../../src/renderer/src/features/career/SalarySection'
import { CareerStoreContext } from '../../src/renderer/src/features/career/career-runtime'
import { createCareerStore } from '../../src/renderer/src/features/career/career-store'

/** Renders a career section to HTML over a store already holding `data` (no database is touched). */
function render(component: FunctionComponent, data: CareerData): string {
  const unused = () => {
    throw new Error('not used while rendering')
  }
  const store = createCareerStore(
    {
      db: {} as CareerDb,
      platform: {} as GantryPlatform,
      today: () => '2026-12-07',
      nowUtc: unused,
      newId: unused,
    },
    { data },
  )
  return renderToStaticMarkup(
    createElement(CareerStoreContext.Provider, { value: store }, createElement(component)),
  )
}

describe('salary tab', () => {
  const html = render(SalarySection, careerDataEmpty())

  it('shows no internal research notes', () => {
    expect(html).not.toContain(catalogueSalaryBands.origin)
    expect(html).not.toContain(catalogueSalaryBands.notes)
    expect(html).not.toContain('source document')
  })

  it('writes every range with one dash style', () => {
    const hint = html.slice(
      html.indexOf('data-testid="salary-bands-hint"'),
      html.indexOf('</p>', html.indexOf('salary-bands-hint')),
    )
    expect(hint).toContain('Entry-level 55,000–75,000')
    expect(hint).toContain('Mid-level 75,000–95,000')
    expect(hint).toContain('Senior 95,000–120,000+')
    expect(hint).not.toMatch(/\d-\d/) // no hyphen between figures
  })

  it.each(catalogueSalaryBands.bands.map((band) => [band.id, band] as const))('band %s', (_id, band) => {
    expect(salaryBandRange(band)).toMatch(/^[\d,]+–[\d,]+\+?$/)
  })
})

describe('certifications tab', () => {
  it('lists certifications by expiry, soonest first, whatever order they are stored in', () => {
    const data = careerDataEmpty()
    data.certifications.push(
      certificationMake('z-first-stored', { catalogueId: 'psm-1', status: 'earned', earnedOn: '2020-01-01' }),
      certificationMake('pmp', { catalogueId: 'pmp', status: 'earned', earnedOn: '2025-03-15' }),
      certificationMake('capm', { catalogueId: 'capm', status: 'studying', examOn: '2027-02-01' }),
      certificationMake('csm', { catalogueId: 'csm', status: 'earned', earnedOn: '2025-09-01' }),
    )
    const html = render(CertificationsSection, data)
    const table = html.slice(html.indexOf('aria-label="Certifications"'), html.indexOf('</table>'))
    const names = [...table.matchAll(/aria-pressed="(?:true|false)">([^<]+)</g)].map((match) => match[1])
    expect(names).toEqual([
      'Certified ScrumMaster (CSM)',
      'Project Management Professional (PMP)',
      'Certified Associate in Project Management (CAPM)',
      'Professional Scrum Master I (PSM I)',
    ])
  })

  it('shows a PMP after its cycle end as suspended until a date, not expired', () => {
    const data = careerDataEmpty()
    data.certifications.push(
      certificationMake('pmp', { catalogueId: 'pmp', status: 'earned', earnedOn: '2023-06-01' }),
    )
    const html = render(CertificationsSection, data)
    expect(html).toContain('Suspended until 2027-06-01')
    expect(html).not.toContain('>Expired<')
  })
})

describe('renewal budget tab', () => {
  it('shows member and non-member totals and whether membership pays', () => {
    const data = careerDataEmpty()
    data.certifications.push(
      certificationMake('pmp', { catalogueId: 'pmp', status: 'earned', earnedOn: '2025-03-15' }),
    )
    const html = render(BudgetSection, data)
    expect(html).toContain('aria-label="Renewal budget 2028"')
    expect(html).toContain('Project Management Professional (PMP) renewal')
    expect(html).toContain('Membership costs 39 USD more this year.') // 60 + 129 dues against 150
    expect(html).toContain('Membership costs 129 USD more this year.') // a year without a renewal
    expect(html).toContain(
      '2026–2028: 150 USD as a non-member, 447 USD as a member; membership costs 297 USD more over the three years.',
    )
  })
})
