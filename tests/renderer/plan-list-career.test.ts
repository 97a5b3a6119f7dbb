import { createElement, isValidElement, type ReactElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { StoreApi } from 'zustand'
import {
  careerDataEmpty,
  certificationMake,
  educationEntryMake,
  type CareerData,
} from '../../src/shared/career/model'
import type { GantryPlatform } from '../../src/shared/ipc/contract'
import {
  PlanList,
  PlanListCareer,
  PlanListCareerView,
  planListCareerContent,
} from '../../src/renderer/src/app/PlanList'
import { CareerDb } from '../../src/renderer/src/db/career-db'
import type { PlanSummary } from '../../src/renderer/src/db/plan-db'
import { CareerDashboardCard } from '../../src/renderer/src/features/career/CareerDashboardCard'
import { CareerStoreContext } from '../../src/renderer/src/features/career/career-runtime'
import { createCareerStore, type CareerStore } from '../../src/renderer/src/features/career/career-store'
import { AppStoreContext, createAppStore, type AppStore } from '../../src/renderer/src/stores/app-store'
import type { StoreDeps } from '../../src/renderer/src/stores/types'

const today = '2026-11-26'

const unused = () => {
  throw new Error('not used by the plan list')
}

/**
 * The same store, but server rendering reads its current state: zustand renders `getInitialState()` on the
 * server, and these tests render to HTML after changing the state.
 */
function current<S>(store: StoreApi<S>): StoreApi<S> {
  return { ...store, getInitialState: store.getState }
}

/** A career store already holding `data`; no database is touched. */
function careerStoreWith(data: CareerData): CareerStore {
  return createCareerStore(
    { db: {} as CareerDb, platform: {} as GantryPlatform, today: () => today, nowUtc: unused, newId: unused },
    { data },
  )
}

/** A career store over a database that cannot be opened, as when IndexedDB is disabled. */
function careerStoreUnavailable(): CareerStore {
  const refused = {
    open() {
      throw new DOMException('IndexedDB is disabled in this browser.', 'InvalidStateError')
    },
  }
  const db = new CareerDb(`plan-list-career-${Math.random()}`, {
    indexedDB: refused as unknown as IDBFactory,
    IDBKeyRange: class {} as unknown as typeof IDBKeyRange,
  })
  return createCareerStore({
    db,
    platform: {} as GantryPlatform,
    today: () => today,
    nowUtc: unused,
    newId: unused,
  })
}

function withPmp(): CareerData {
  const data = careerDataEmpty()
  data.certifications.push(
    certificationMake('pmp', { catalogueId: 'pmp', status: 'earned', earnedOn: '2025-03-15' }),
  )
  data.educationEntries.push(
    educationEntryMake('e1', {
      certificationIds: ['pmp'],
      date: '2025-06-01',
      activity: 'Course',
      parts: [{ category: 'Ways of Working', units: 35 }],
    }),
  )
  for (const [id, dueOn] of [
    ['g1', '2028-01-10'],
    ['g2', '2028-02-10'],
    ['g3', '2028-04-10'],
  ])
    data.goals.push({ id, title: `Goal ${id}`, dueOn, isDone: false, doneOn: null })
  return data
}

function plan(name: string): PlanSummary {
  return {
    id: `plan-${name}`,
    name,
    createdAt: '2026-11-01T09:00:00',
    updatedAt: '2026-11-20T16:30:00',
    taskCount: 4,
    revision: 1,
    fileName: null,
  }
}

/** An app store showing the plan list with `plans` (listed already unless `isPlansLoaded` says otherwise). */
function appStoreWith(plans: PlanSummary[], isPlansLoaded = true): AppStore {
  const store = createAppStore({
    platform: {} as GantryPlatform,
    db: {},
    now: unused,
    newId: unused,
    schedule: null,
  } as unknown as StoreDeps)
  store.setState({ plans, isPlansLoaded })
  return store
}

/** The whole plan list as HTML, over the given app and career stores. */
function renderPlanList(app: AppStore, career: CareerStore): string {
  return renderToStaticMarkup(
    createElement(
      AppStoreContext.Provider,
      { value: current(app) },
      createElement(CareerStoreContext.Provider, { value: current(career) }, createElement(PlanList)),
    ),
  )
}

/** Every element of type `type` in an element tree (without rendering components). */
function elementsOfType(node: ReactNode, type: unknown): ReactElement<Record<string, unknown>>[] {
  if (Array.isArray(node)) return node.flatMap((child: ReactNode) => elementsOfType(child, type))
  if (!isValidElement<{ children?: ReactNode }>(node)) return []
  const found = node.type === type ? [node as ReactElement<Record<string, unknown>>] : []
  return [...found, ...elementsOfType(node.props.children, type)]
}

/** Accessible names of the buttons in `html` whose text is exactly `text` (no aria-label of their own). */
function buttonsNamed(html: string, text: string): string[] {
  return [...html.matchAll(/<button([^>]*)>([^<]*)<\/button>/g)]
    .filter(([, attributes, content]) => {
      const label = /aria-label="([^"]*)"/.exec(attributes)?.[1]
      return (label ?? content) === text
    })
    .map(([whole]) => whole)
}

describe('planListCareerContent', () => {
  it('shows nothing until the career data is read', () => {
    expect(planListCareerContent({ isLoaded: false, data: withPmp() })).toBe('nothing')
  })

  it('invites to track certifications while none is stored', () => {
    expect(planListCareerContent({ isLoaded: true, data: careerDataEmpty() })).toBe('invitation')
  })

  it('shows the card once a certification is stored', () => {
    expect(planListCareerContent({ isLoaded: true, data: withPmp() })).toBe('card')
  })

  it('shows nothing when the career database cannot be opened', async () => {
    const store = careerStoreUnavailable()
    await store.getState().load()
    expect(store.getState().message?.kind).toBe('error')
    expect(planListCareerContent(store.getState())).toBe('nothing')
  })
})

describe('PlanList with the career summary', () => {
  it('puts the compact card after the page actions and the new-plan form, above the stored plans', () => {
    const html = renderPlanList(appStoreWith([plan('ERP migration')]), careerStoreWith(withPmp()))
    const card = html.indexOf('<section class="career-card is-compact"')
    expect(card).toBeGreaterThan(html.indexOf('Open file…</button>'))
    expect(card).toBeGreaterThan(html.indexOf('Create plan</button>'))
    expect(card).toBeLessThan(html.indexOf('<table class="plan-table" aria-label="Stored plans">'))
    // The first button whose name starts with "Open" is still the file picker (the web e2e tests rely on it).
    expect(html.indexOf('>Open')).toBe(html.indexOf('>Open file…</button>'))
    expect(html).toContain('<label for="new-plan-name">New plan</label>')
    expect(html).toContain('Open career tracker</button>')
    expect(html).toContain('Project Management Professional (PMP): 35 of 60 PDUs')
  })

  it('keeps the stored plans table and its row actions as they were', () => {
    const html = renderPlanList(appStoreWith([plan('ERP migration')]), careerStoreWith(withPmp()))
    expect(html).toContain(
      '<thead><tr><th scope="col">Name</th><th scope="col">Tasks</th><th scope="col">File</th>' +
        '<th scope="col">Last changed</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>',
    )
    for (const action of ['Open', 'Rename', 'Duplicate'])
      expect(html).toContain(
        `<button type="button" class="button button-small" aria-label="${action} ERP migration">${action}</button>`,
      )
    expect(html).toContain(
      '<button type="button" class="button button-small button-danger-quiet" aria-label="Delete ERP migration">Delete</button>',
    )
  })

  it('invites to track certifications when none is stored, next to an empty plan list too', () => {
    const html = renderPlanList(appStoreWith([]), careerStoreWith(careerDataEmpty()))
    expect(html).toContain('Track your certifications')
    expect(html).toContain('Open career tracker</button>')
    expect(html).not.toContain('career-card')
    expect(html).toContain('No plans yet.')
  })

  it('adds no button named exactly "Career" beside the navigation', () => {
    for (const data of [withPmp(), careerDataEmpty()]) {
      const html = renderPlanList(appStoreWith([plan('ERP migration')]), careerStoreWith(data))
      expect(html).toContain('Open career tracker')
      expect(buttonsNamed(html, 'Career')).toEqual([])
    }
  })

  it('waits for the plans before it shows the career summary', () => {
    const html = renderPlanList(appStoreWith([], false), careerStoreWith(withPmp()))
    expect(html).toContain('Create plan</button>')
    expect(html).not.toContain('career')
    expect(html).not.toContain('Track your certifications')
  })

  it('shows nothing of the career tracker when its database cannot be opened', async () => {
    const career = careerStoreUnavailable()
    await career.getState().load()
    const html = renderPlanList(appStoreWith([plan('ERP migration')]), career)
    expect(html).toContain('aria-label="Stored plans"')
    expect(html).not.toContain('career')
    expect(html).not.toContain('Track your certifications')
  })
})

describe('PlanListCareerView', () => {
  it('opens the career tracker from the invitation', () => {
    const onOpen = vi.fn()
    const buttons = elementsOfType(PlanListCareerView({ content: 'invitation', onOpen }), 'button')
    expect(buttons).toHaveLength(1)
    expect(buttons[0].props.children).toBe('Open career tracker')
    expect(onOpen).not.toHaveBeenCalled()
    ;(buttons[0].props.onClick as () => void)()
    expect(onOpen).toHaveBeenCalledTimes(1)
  })

  it('hands the open action to the compact card, with the three nearest deadlines', () => {
    const onOpen = vi.fn()
    const cards = elementsOfType(PlanListCareerView({ content: 'card', onOpen, today }), CareerDashboardCard)
    expect(cards).toHaveLength(1)
    expect(cards[0].props).toMatchObject({ compact: true, limit: 3, onOpen, today })
  })

  it('renders nothing while there is nothing to show', () => {
    expect(PlanListCareerView({ content: 'nothing', onOpen: unused })).toBeNull()
  })
})

describe('PlanListCareer', () => {
  it('shows the compact card: warnings, nearest deadlines and one line per renewal cycle', () => {
    const html = renderToStaticMarkup(
      createElement(
        CareerStoreContext.Provider,
        { value: careerStoreWith(withPmp()) },
        createElement(PlanListCareer, { onOpen: unused, today: '2028-01-01' }),
      ),
    )
    expect(html).toContain('expires on 2028-03-15 (in 74 days); 25 PDUs still needed.')
    const deadlines = html.slice(html.indexOf('aria-label="Next deadlines"'), html.indexOf('</ol>'))
    expect(deadlines.match(/<li>/g)).toHaveLength(3)
    expect(deadlines).toContain('Goal g2')
    expect(deadlines).not.toContain('Goal g3')
    expect(html).toContain(
      'aria-label="Project Management Professional (PMP): 35 of 60 PDUs, cycle ends 2028-03-15"',
    )
    // Compact: no subheadings, no cycle end line.
    expect(html).not.toContain('<h3>')
    expect(html).not.toContain('Cycle ends')
  })
})

describe('PlanListCareer without a career store', () => {
  afterEach(() => {
    vi.doUnmock('../../src/renderer/src/features/career/career-runtime')
    vi.resetModules()
  })

  it('shows nothing when the career store cannot be created', async () => {
    vi.resetModules()
    vi.doMock('../../src/renderer/src/features/career/career-runtime', async (importOriginal) => ({
      ...(await importOriginal<object>()),
      careerStoreDefault: () => {
        throw new Error('IndexedDB is not available.')
      },
    }))
    const planList = await import('../../src/renderer/src/app/PlanList')
    expect(renderToStaticMarkup(createElement(planList.PlanListCareer, { onOpen: unused }))).toBe('')
  })
})
