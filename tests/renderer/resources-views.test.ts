import 'fake-indexeddb/auto'
import { createElement, type ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { createStore, type StoreApi } from 'zustand'
import { makeAssignment, makePlan, makeTask } from '../../src/shared/domain/defaults'
import { taskRuleFillWork } from '../../src/shared/domain/task-rules'
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
  return taskRuleFillWork(makePlan('p-views', 'Views', '2026-03-02T08:00:00', '2026-03-01T00:00:00', {
    tasks: [makeTask(1, { name: 'Design', duration: 3 * 480 }), makeTask(2, { name: 'Build', duration: 2 * 480 }), makeTask(3, { name: 'Docs', duration: 5 * 480 })],
    resources: [resource(1, 'Ana'), resource(2, 'Ben', 50)],
    assignments: [
      makeAssignment(1, 1, 1, 100, 0),
      makeAssignment(2, 2, 1, 100, 0),
      makeAssignment(3, 3, 2, 50, 0),
    ],
  }))
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
    expect(html).toContain('aria-label="Ana, 2026-03-02: load 200 % (16 h of 8 h), peak units 200 %, over-allocated"')
    expect(html).toMatch(/class="rs-heat-cell is-over"[^>]*>200%</)
    expect(html).toContain('aria-label="Ana, 2026-03-04: load 100 % (8 h of 8 h), peak units 100 %"')
    expect(html).toContain('aria-label="Ben, 2026-03-02: load 100 % (4 h of 4 h), peak units 50 %"')
    // The view says which figure its cells show.
    expect(html).toContain("Each cell is the day&#x27;s load: the work assigned ÷ the work the resource can do then")
    expect(html).toContain('aria-label="Ana, 2026-03-07: not working"')
  })

  it('shows weeks when the Gantt is zoomed out; the colour is the figure shown, a week holding an over-allocated day is marked', async () => {
    const html = await render(createElement(UsageView), 1)
    expect(html).toContain('Wk 03-02')
    // Ana: 40 h assigned in the week of 40 h available (100 %, not red), yet over-allocated on Mon and Tue: marked
    // with "!" and a red corner, and the label names the busiest day (it was red beside "100%").
    expect(html).toContain(
      'aria-label="Ana, week of 2026-03-02: load 100 % (40 h of 40 h), peak units 200 %, over-allocated on some days (busiest day 200 % on 2026-03-02)"',
    )
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
    expect(months).toContain(
      'aria-label="Ana, Mar 2026: load 23 % (40 h of 176 h), peak units 200 %, over-allocated on some days (busiest day 200 % on 2026-03-02)"',
    )
    expect(months).toContain('per month')
    const quarters = await render(createElement(UsageView), 3)
    expect(quarters).toContain('>Q1 2026</th>')
    expect(quarters).toContain('per quarter')
    expect(quarters).toMatch(/aria-label="Ben, Q1 2026: load \d+ % \(20 h of \d+ h\), peak units 50 %"/)
  })

  it('shows whole weeks: a plan ending mid-week gets no short last week, so the capacity line stays flat', async () => {
    // Build 12d from Mon 2026-03-02 ends Tue 03-17; the view runs a few days past the finish, into a week it
    // used to cut short after two days (16 h of capacity drawn as a dip).
    const long = makePlan('p-views', 'Views', '2026-03-02T08:00:00', '2026-03-01T00:00:00', {
      tasks: [makeTask(1, { name: 'Build', duration: 12 * 480 }), makeTask(2, { name: 'Review', duration: 480 })],
      resources: [resource(1, 'Ana')],
      assignments: [
        makeAssignment(1, 1, 1, 100, 0),
        makeAssignment(2, 2, 1, 100, 0),
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
    expect(html).toContain('peak units 200 %, busiest day 200 %')
    expect(html).toContain('16 h of work above capacity (max 100 %)')
    expect(html).toContain('aria-label="Select task Design"')
    expect(html).toContain('aria-label="Select task Build"')
    expect(html).not.toContain('Select task Docs')
  })
})

describe('resource sheet and task assignments', () => {
  it('marks the over-allocated resource with both figures, each named', async () => {
    const html = await render(createElement(ResourceSheet))
    expect(html).toContain('Over-allocated · peak units 200 % (max 100 %) · busiest day 200 %')
    expect(html).toMatch(/aria-label="Max units of Ben"[^>]*value="50%"/)
    expect(html.match(/Over-allocated · peak/g)).toHaveLength(1)
    expect(html).toContain('Within capacity')
  })

  it('tells peak units from the busiest day: two 4-hour tasks in one morning are 200 % at once, 100 % of the day', async () => {
    const morning = taskRuleFillWork(
      makePlan('p-views', 'Views', '2026-03-02T08:00:00', '2026-03-01T00:00:00', {
        tasks: [makeTask(1, { name: 'Call', duration: 240 }), makeTask(2, { name: 'Mail', duration: 240 })],
        resources: [resource(1, 'Ana')],
        assignments: [makeAssignment(1, 1, 1, 100, 0), makeAssignment(2, 2, 1, 100, 0)],
      }),
    )
    const sheet = await render(createElement(ResourceSheet), 0, morning)
    expect(sheet).toContain('Over-allocated · peak units 200 % (max 100 %) · busiest day 100 %')
    const usage = await render(createElement(UsageView), 0, morning)
    expect(usage).toContain('peak units 200 %, busiest day 100 %')
    // The day's own figure is 100 % (not red); the hours at 200 % mark it.
    expect(usage).toContain('aria-label="Ana, 2026-03-02: load 100 % (8 h of 8 h), peak units 200 %, over-allocated on some hours"')
    expect(usage).toMatch(/class="rs-heat-cell is-full has-over-day"[^>]*>100% !</)
  })

  it('opens the working-time editor from the sheet: own calendar or the project calendar', async () => {
    const own = plan()
    const calendar = { id: 7, name: 'Ana', baseCalendarId: own.calendarId, weekDays: [null, null, null, null, null, { periods: [] }, null], exceptions: [], workWeeks: [] }
    const html = await render(createElement(ResourceSheet), 0, { ...own, calendars: [...own.calendars, calendar], resources: own.resources.map((item) => (item.id === 1 ? { ...item, calendarId: 7 } : item)) })
    expect(html).toContain('aria-label="Working time of Ana: own calendar"')
    expect(html).toContain('aria-label="Working time of Ben: project calendar"')
  })

  it('explains the over-allocation in the task details and lists the units', async () => {
    const html = await render(createElement(TaskAssignments, { taskId: 2 }))
    expect(html).toContain('Ana is over-allocated from 2026-03-02 to 2026-03-03 (peak units 200 %, busiest day 200 %) on Design, Build')
    expect(html).toMatch(/aria-label="Units of Ana"[^>]*value="100%"/)
    expect(html).toMatch(/aria-label="Work of Ana"[^>]*value="16h"/)
    expect(html).toContain('2026-03-02 08:00 – 2026-03-03 17:00')
    const docs = await render(createElement(TaskAssignments, { taskId: 3 }))
    expect(docs).not.toContain('over-allocated')
    expect(docs).toMatch(/aria-label="Units of Ben"[^>]*value="50%"/)
  })
})
