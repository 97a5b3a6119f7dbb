import 'fake-indexeddb/auto'
import { createElement, type ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { createStore, type StoreApi } from 'zustand'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import type { Plan, Resource } from '../../src/shared/domain/model'
import { scheduleRun } from '../../src/shared/domain/schedule'
import { planDbCreate } from '../../src/renderer/src/db/plan-db'
import { createAppStore } from '../../src/renderer/src/stores/app-store'
import { ResourceSheet } from '../../src/renderer/src/features/resources/ResourceSheet'
import { TaskAssignments } from '../../src/renderer/src/features/resources/TaskAssignments'
import { UsageView } from '../../src/renderer/src/features/resources/UsageView'
import { WorkspaceStoreContext, type WorkspaceState } from '../../src/renderer/src/features/workspace/workspace-store'
import { fakeWebPlatform, planDbsPerTest } from '../support/fake-platform'
import { makeResource } from '../support/resource-plans'

function resource(id: number, name: string, maxUnits = 100): Resource {
  return makeResource(id, name, { role: 'Dev', maxUnits })
}

/**
 * Mon 2026-03-02, standard calendar:
 *   Design 3d  Ana 100 %      Ana: 200 % Mon-Tue (Design + Build), 100 % Wed
 *   Build  2d  Ana 100 %
 *   Docs   5d  Ben  50 % (Ben is a 50 % part-timer, so 100 % of his capacity: no conflict)
 */
function plan(): Plan {
  return makePlan('p-views', 'Views', '2026-03-02T08:00:00', '2026-03-01T00:00:00', {
    tasks: [makeTask(1, { name: 'Design', duration: 3 * 480 }), makeTask(2, { name: 'Build', duration: 2 * 480 }), makeTask(3, { name: 'Docs', duration: 5 * 480 })],
    resources: [resource(1, 'Ana'), resource(2, 'Ben', 50)],
    assignments: [
      { id: 1, taskId: 1, resourceId: 1, units: 100 },
      { id: 2, taskId: 2, resourceId: 1, units: 100 },
      { id: 3, taskId: 3, resourceId: 2, units: 50 },
    ],
  })
}

const platform = fakeWebPlatform()
const openPlanDb = planDbsPerTest('views-test')

async function render(element: ReactElement, zoomLevel = 0, planned: Plan = plan()): Promise<string> {
  const db = openPlanDb()
  await planDbCreate(db, planned)
  const store = createAppStore({ platform, db, now: () => '2026-03-01T09:00:00', newId: () => 'unused', schedule: scheduleRun })
  expect(await store.getState().documentOpen('p-views')).toBe(true)
  store.setState({ zoomLevel })
  // Server rendering reads a store's initial state, so render over a store that starts with the opened plan.
  const snapshot = createStore(() => store.getState())
  return renderToStaticMarkup(createElement(WorkspaceStoreContext.Provider, { value: snapshot as unknown as StoreApi<WorkspaceState> }, element))
}

describe('resource usage view', () => {
  it('shows daily load in percent with over 100 % in red, per day at the Day zoom', async () => {
    const html = await render(createElement(UsageView), 0)
    expect(html).toContain('aria-label="Ana, 2026-03-02: 200 % (16 h of 8 h), over-allocated (peak 200 % on 2026-03-02)"')
    expect(html).toMatch(/class="rs-heat-cell is-over"[^>]*>200%</)
    expect(html).toContain('aria-label="Ana, 2026-03-04: 100 % (8 h of 8 h)"')
    expect(html).toContain('aria-label="Ben, 2026-03-02: 100 % (4 h of 4 h)"')
    expect(html).toContain('aria-label="Ana, 2026-03-07: not working"')
  })

  it('shows weeks when the Gantt is zoomed out; the colour is the figure shown, a week holding an over-allocated day is marked', async () => {
    const html = await render(createElement(UsageView), 1)
    expect(html).toContain('Wk 03-02')
    // Ana: 40 h assigned in the week of 40 h available (100 %, not red), yet over-allocated on Mon and Tue: marked
    // with "!" and a red corner, and the label names the peak day (it was red beside "100%").
    expect(html).toContain('aria-label="Ana, week of 2026-03-02: 100 % (40 h of 40 h), over-allocated on some days (peak 200 % on 2026-03-02)"')
    expect(html).toMatch(/class="rs-heat-cell is-full has-over-day"[^>]*>100% !</)
    expect(html).not.toMatch(/class="rs-heat-cell is-over"[^>]*>100%/)
    expect(html).toContain('per week')
    expect(html).toMatch(/class="rs-bar has-over-day"/)
  })

  it('adds up months at the Month zoom and quarters at the Quarter zoom (they showed weeks)', async () => {
    const months = await render(createElement(UsageView), 2)
    expect(months).toContain('>Mar 2026</th>')
    expect(months).not.toContain('Wk 03-02')
    // March 2026 has 22 working days (176 h for Ana); 40 h assigned.
    expect(months).toContain('aria-label="Ana, Mar 2026: 23 % (40 h of 176 h), over-allocated on some days (peak 200 % on 2026-03-02)"')
    expect(months).toContain('per month')
    const quarters = await render(createElement(UsageView), 3)
    expect(quarters).toContain('>Q1 2026</th>')
    expect(quarters).toContain('per quarter')
    expect(quarters).toMatch(/aria-label="Ben, Q1 2026: \d+ % \(20 h of \d+ h\)"/)
  })

  it('shows whole weeks: a plan ending mid-week gets no short last week, so the capacity line stays flat', async () => {
    // Build 12d from Mon 2026-03-02 ends Tue 03-17; the view runs a few days past the finish, into a week it
    // used to cut short after two days (16 h of capacity drawn as a dip).
    const long = makePlan('p-views', 'Views', '2026-03-02T08:00:00', '2026-03-01T00:00:00', {
      tasks: [makeTask(1, { name: 'Build', duration: 12 * 480 }), makeTask(2, { name: 'Review', duration: 480 })],
      resources: [resource(1, 'Ana')],
      assignments: [
        { id: 1, taskId: 1, resourceId: 1, units: 100 },
        { id: 2, taskId: 2, resourceId: 1, units: 100 },
      ],
    })
    const html = await render(createElement(UsageView), 1, long)
    const capacity = /<path d="([^"]+)" class="rs-capacity"/.exec(html)?.[1] ?? ''
    const levels = new Set([...capacity.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((match) => match[1]))
    expect(capacity).not.toBe('')
    expect(levels.size).toBe(1)
    expect(html).toContain('Wk 03-23')
    expect(html).toMatch(/aria-label="Ana, week of 2026-03-23: [^"]*of 40 h\)"/)
  })

  it('draws the histogram of the first over-allocated resource with a capacity line', async () => {
    const html = await render(createElement(UsageView), 0)
    expect(html).toContain('Load of Ana (100 % max) per day — over capacity in 2 days')
    expect(html).toMatch(/<path d="M[^"]+" class="rs-capacity"/)
    expect(html.match(/class="rs-bar is-over"/g)).toHaveLength(2)
  })

  it('lists the conflict with its resource, dates, peak and both tasks as links', async () => {
    const html = await render(createElement(UsageView), 0)
    expect(html).toMatch(/Over-allocations <span class="rs-count is-over">1<\/span>/)
    expect(html).toContain('<strong>Ana</strong> <span class="rs-when">2026-03-02 – 2026-03-03</span>')
    expect(html).toContain('peak 200 %')
    expect(html).toContain('16 h of work above capacity (max 100 %)')
    expect(html).toContain('aria-label="Select task Design"')
    expect(html).toContain('aria-label="Select task Build"')
    expect(html).not.toContain('Select task Docs')
  })
})

describe('resource sheet and task assignments', () => {
  it('marks the over-allocated resource with its peak', async () => {
    const html = await render(createElement(ResourceSheet))
    expect(html).toContain('Over-allocated · peak 200 %')
    expect(html).toMatch(/aria-label="Max units of Ben"[^>]*value="50%"/)
    expect(html.match(/Over-allocated · peak/g)).toHaveLength(1)
    expect(html).toContain('Within capacity')
  })

  it('explains the over-allocation in the task details and lists the units', async () => {
    const html = await render(createElement(TaskAssignments, { taskId: 2 }))
    expect(html).toContain('Ana is over-allocated from 2026-03-02 to 2026-03-03 (peak 200 %) on Design, Build')
    expect(html).toMatch(/aria-label="Units of Ana"[^>]*value="100%"/)
    const docs = await render(createElement(TaskAssignments, { taskId: 3 }))
    expect(docs).not.toContain('over-allocated')
    expect(docs).toMatch(/aria-label="Units of Ben"[^>]*value="50%"/)
  })
})
