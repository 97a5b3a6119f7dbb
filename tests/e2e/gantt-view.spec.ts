import { writeFile } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import { planFileSerialize } from '../../src/shared/formats/plan-file'
import { expect, test } from './support/bridge'

/**
 * The Gantt view's display options on a small plan opened from a file: hiding, showing and resizing columns,
 * the critical path on bars, names and arrows, collapsing a summary, zoom levels, and the bar tooltip with dates
 * and slack.
 */

test.describe.configure({ timeout: 120_000 })
test.use({ viewport: { width: 1600, height: 900 }, locale: 'en-US' })

function grid(page: Page): Locator {
  return page.getByRole('treegrid', { name: 'Tasks' })
}

function rowOf(page: Page, id: number): Locator {
  return grid(page).locator(`[role="row"][data-task-id="${id}"]`)
}

/** Launch (1) > Build 5d (2) -> Test 3d (3) -> Go-live (4, milestone); Docs 2d (5) runs beside Build with slack. */
function launchPlan(): Plan {
  const plan = makePlan('p-launch', 'Launch plan', '2026-03-02T08:00:00', '2026-03-01T10:00:00')
  plan.tasks = [
    makeTask(1, { name: 'Launch', level: 1 }),
    makeTask(2, { name: 'Build', level: 2, duration: 5 * 480 }),
    makeTask(3, { name: 'Test', level: 2, duration: 3 * 480 }),
    makeTask(4, { name: 'Go-live', level: 2, duration: 0, isMilestone: true }),
    makeTask(5, { name: 'Docs', level: 2, duration: 2 * 480 }),
  ]
  plan.dependencies = [
    { id: 1, predecessorId: 2, successorId: 3, type: 'FS', lag: 0, lagUnit: 'd' },
    { id: 2, predecessorId: 3, successorId: 4, type: 'FS', lag: 0, lagUnit: 'd' },
    { id: 3, predecessorId: 5, successorId: 4, type: 'FS', lag: 0, lagUnit: 'd' },
  ]
  return plan
}

test('columns hide, show and resize; critical path; collapse; zoom; tooltip with dates and slack', async ({ page, bridge }) => {
  const plan = launchPlan()
  const file = bridge.path('launch.gantry')
  await writeFile(file, planFileSerialize(plan))
  await page.goto('index.html')
  bridge.dialog.queueOpen(file)
  await page.getByRole('button', { name: 'Open file…' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Launch plan' })).toBeVisible()
  await expect(rowOf(page, 3).locator('.ws-col-start')).toHaveText('3/9/2026')

  // Hide the WBS and Resources columns, then show WBS again: cells follow the headers.
  await page.getByRole('button', { name: 'Columns…' }).click()
  const shown = page.getByRole('group', { name: 'Shown columns' })
  await shown.getByLabel('WBS', { exact: true }).uncheck()
  await shown.getByLabel('Resources', { exact: true }).uncheck()
  await expect(grid(page).getByRole('columnheader', { name: 'WBS' })).toHaveCount(0)
  await expect(rowOf(page, 2).locator('.ws-col-wbs')).toHaveCount(0)
  await expect(rowOf(page, 2).locator('.ws-col-resources')).toHaveCount(0)
  await expect(grid(page)).toHaveAttribute('aria-colcount', '9')
  await shown.getByLabel('WBS', { exact: true }).check()
  await expect(rowOf(page, 2).locator('.ws-col-wbs')).toHaveText('1.1')
  await expect(grid(page)).toHaveAttribute('aria-colcount', '10')
  // The cells keep the column order of the headers.
  const headers = await grid(page).getByRole('columnheader').allInnerTexts()
  const cellColumns = await rowOf(page, 2).getByRole('gridcell').evaluateAll((cells) => cells.map((cell) => (cell as HTMLElement).dataset.col))
  expect(cellColumns).toEqual(['id', 'indicators', 'mode', 'wbs', 'name', 'duration', 'start', 'finish', 'predecessors', 'complete'])
  expect(headers.map((text) => text.trim())).toEqual(['ID', 'ℹ', 'Mode', 'WBS', 'Task name', 'Duration', 'Start', 'Finish', 'Predecessors', '% Complete'])
  await page.getByRole('button', { name: 'Columns…' }).click()

  // Resize the Task name column from the keyboard: its cells get the new width.
  const nameHandle = grid(page).getByRole('separator', { name: 'Resize Task name column' })
  const before = (await rowOf(page, 2).locator('.ws-col-name').boundingBox())?.width ?? 0
  await nameHandle.focus()
  for (let step = 0; step < 4; step++) await page.keyboard.press('ArrowRight')
  await expect.poll(async () => Math.round((await rowOf(page, 2).locator('.ws-col-name').boundingBox())?.width ?? 0)).toBe(Math.round(before + 40))

  // Or type a width in the Columns menu; text that is not a number changes nothing, an impossible width is clamped.
  const widthOf = async (column: string): Promise<number> => Math.round((await rowOf(page, 2).locator(`.ws-col-${column}`).boundingBox())?.width ?? 0)
  await page.getByRole('button', { name: 'Columns…' }).click()
  const durationWidth = shown.getByLabel('Duration width in pixels', { exact: true })
  await expect(durationWidth).toHaveValue('80')
  await durationWidth.fill('wide')
  await durationWidth.press('Enter')
  await expect(durationWidth).toHaveValue('80')
  await durationWidth.fill('5')
  await durationWidth.press('Enter')
  await expect(durationWidth).toHaveValue('32')
  await expect.poll(() => widthOf('duration')).toBe(32)
  await durationWidth.fill('120')
  await durationWidth.press('Enter')
  await expect.poll(() => widthOf('duration')).toBe(120)
  await page.getByRole('button', { name: 'Columns…' }).click()

  // The column layout is remembered: after a reload Resources is still hidden and the widths are kept.
  await page.reload()
  await page.getByRole('button', { name: 'Open Launch plan' }).click()
  await expect(rowOf(page, 2).locator('.ws-col-wbs')).toHaveText('1.1')
  await expect(grid(page).getByRole('columnheader', { name: 'Resources' })).toHaveCount(0)
  await expect.poll(() => widthOf('duration')).toBe(120)
  await expect.poll(() => widthOf('name')).toBe(Math.round(before + 40))

  // Critical path: Build, Test and Go-live (and the arrows between them) turn red; Docs has slack and does not.
  const bar = (id: number): Locator => page.locator(`[data-bar-id="${id}"]`)
  await expect(bar(2)).not.toHaveClass(/is-critical/)
  await page.getByRole('button', { name: 'Critical path' }).click()
  await expect(page.getByRole('button', { name: 'Critical path' })).toHaveAttribute('aria-pressed', 'true')
  await expect(bar(2)).toHaveClass(/is-critical/)
  await expect(bar(3)).toHaveClass(/is-critical/)
  await expect(bar(4)).toHaveClass(/ws-milestone.*is-critical/)
  await expect(bar(5)).not.toHaveClass(/is-critical/)
  await expect(page.locator('.ws-link[data-link-id="1"]')).toHaveClass(/is-critical/)
  await expect(page.locator('.ws-link[data-link-id="3"]')).not.toHaveClass(/is-critical/)
  // The arrow heads follow: red on the critical arrow, the normal colour on the other.
  const markerOf = (id: number): Promise<string> => page.locator(`.ws-link[data-link-id="${id}"]`).evaluate((path) => getComputedStyle(path).markerEnd)
  expect(await markerOf(1)).toContain('#ws-arrow-critical')
  expect(await markerOf(3)).toMatch(/#ws-arrow"?\)$/)
  await expect(rowOf(page, 2).locator('.ws-cell-text')).toHaveClass(/is-critical-text/)
  await expect(rowOf(page, 5).locator('.ws-cell-text')).not.toHaveClass(/is-critical-text/)

  // Cells whose text may be cut off, and the time scale, show their whole text as a tooltip when hovered.
  await rowOf(page, 3).locator('.ws-col-predecessors').hover()
  await expect(rowOf(page, 3).locator('.ws-col-predecessors')).toHaveAttribute('title', '2')
  await rowOf(page, 2).locator('.ws-col-name').click()
  await expect(rowOf(page, 2).locator('.ws-col-name')).toHaveAttribute('title', 'Build')
  // The tooltip follows the cell's text: a rename in the details panel, then its undo.
  await page.getByRole('button', { name: 'Details', exact: true }).click()
  const nameField = page.getByRole('region', { name: 'Task details' }).getByLabel('Name', { exact: true })
  await nameField.fill('Build and unit-test')
  await nameField.press('Tab')
  await expect(rowOf(page, 2).locator('.ws-col-name')).toHaveAttribute('title', 'Build and unit-test')
  await grid(page).focus()
  await page.keyboard.press('Control+z')
  await expect(rowOf(page, 2).locator('.ws-col-name')).toHaveAttribute('title', 'Build')
  const scaleCells = page.locator('.ws-scale-cell.is-bottom')
  const inView = await scaleCells.evaluateAll((cells) => {
    const pane = (document.querySelector('[data-testid="ws-chart"]') as HTMLElement).getBoundingClientRect()
    return cells.findIndex((cell) => !(cell as HTMLElement).hidden && cell.getBoundingClientRect().left > pane.left + 20 && cell.getBoundingClientRect().right < pane.right - 20)
  })
  const scaleCell = scaleCells.nth(inView)
  await scaleCell.hover()
  await expect(scaleCell).toHaveAttribute('title', /\d{4}/)

  // Tooltip of the Docs bar: its dates and its slack (Build + Test = 8 days against Docs' 2: 6 days of slack).
  await bar(5).hover()
  const tooltip = page.getByRole('tooltip')
  await expect(tooltip).toContainText('Docs')
  await expect(tooltip).toContainText('Start: 3/2/2026 08:00')
  await expect(tooltip).toContainText('Finish: 3/3/2026 17:00')
  await expect(tooltip).toContainText('Total slack: 6 d')
  await expect(tooltip).not.toContainText('Critical')
  await bar(3).hover()
  await expect(tooltip).toContainText('Total slack: 0 d')
  await expect(tooltip).toContainText('Critical')

  // Zoom levels: Build (Monday 08:00 to Friday 17:00, 4.375 days) is 30, 10, 3 and 1.2 pixels a day wide.
  const zoom = page.getByLabel('Zoom')
  const initial = await zoom.inputValue()
  for (const [level, pixelsPerDay] of [['Day', 30], ['Week', 10], ['Month', 3], ['Quarter', 1.2]] as const) {
    await zoom.selectOption(level)
    await expect.poll(async () => Math.round(((await bar(2).boundingBox())?.width ?? 0) * 10) / 10).toBeCloseTo(4.375 * pixelsPerDay, 0)
  }
  // The top tier's label stays readable at the chart's left edge while its period is in view (Day zoom: weeks).
  await zoom.selectOption('Day')
  const chartArea = page.getByTestId('ws-chart')
  await chartArea.evaluate((pane) => {
    pane.scrollLeft += 30 * 3 + 7
  })
  const label = await chartArea.evaluate(async (pane) => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
    const left = pane.getBoundingClientRect().left
    const cell = [...pane.querySelectorAll<HTMLElement>('.ws-scale-cell.is-top')].find((item) => {
      const box = item.getBoundingClientRect()
      return !item.hidden && box.left < left && box.right > left + 60
    })
    const span = cell?.querySelector('span')
    return span === undefined || span === null ? null : { text: span.textContent, offset: span.getBoundingClientRect().left - left }
  })
  expect(label).not.toBeNull()
  expect(label?.offset).toBeGreaterThanOrEqual(0)
  await zoom.selectOption(initial)

  // Moving the splitter left widens the chart: the time scale and the shading still reach its right edge.
  const chartPane = page.getByTestId('ws-chart')
  const widthBefore = (await chartPane.boundingBox())?.width ?? 0
  await page.getByRole('button', { name: 'Hide details' }).click()
  await page.getByRole('separator', { name: 'Resize the grid' }).focus()
  for (let step = 0; step < 8; step++) await page.keyboard.press('ArrowLeft')
  await expect.poll(async () => (await chartPane.boundingBox())?.width ?? 0).toBeGreaterThan(widthBefore + 100)
  const reach = async (): Promise<number> =>
    chartPane.evaluate((pane) => {
      const right = pane.getBoundingClientRect().right
      const cells = [...pane.querySelectorAll<HTMLElement>('.ws-scale-cell.is-bottom')].filter((cell) => !cell.hidden)
      return Math.max(...cells.map((cell) => cell.getBoundingClientRect().right)) - right
    })
  await expect.poll(reach).toBeGreaterThanOrEqual(0)

  // Collapse the summary with its toggle: the subtasks' rows and bars go, the summary's bar stays.
  await rowOf(page, 1).getByRole('button', { name: 'Collapse Launch' }).click()
  // The header, the summary and the blank row for a new task.
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '3')
  await expect(rowOf(page, 1)).toHaveAttribute('aria-expanded', 'false')
  await expect(rowOf(page, 2)).toHaveCount(0)
  await expect(bar(2)).toHaveCount(0)
  await expect(bar(1)).toBeVisible()
  await expect(page.locator('.ws-link[data-link-id]')).toHaveCount(0)
  await rowOf(page, 1).getByRole('button', { name: 'Expand Launch' }).click()
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '7')
  await expect(bar(2)).toBeVisible()
  await expect(page.locator('.ws-link[data-link-id]')).toHaveCount(3)
})
