import { readFile, writeFile } from 'node:fs/promises'
import type { Browser, Page } from '@playwright/test'
import { careerBackupParse } from '../../src/shared/career/backup'
import { icsReadEvents } from '../../src/shared/career/ics'
import { ipcChannels, type IpcChannel } from '../../src/shared/ipc/contract'
import { expect, test, type Bridge } from './support/bridge'
import { idbDump } from './support/idb'

/**
 * The career tracker end to end, through the real main-process handlers (bridge harness): the scenario
 * (PMP earned 2025-03-15, PDUs logged against the caps and minimums, reload, backup, restore into a fresh
 * profile, calendar export) and the bad inputs that must change nothing.
 */

// These flows are long and the machines are shared: allow more than the default minute per test.
test.describe.configure({ timeout: 180_000 })

async function openCareer(page: Page, tab: string) {
  await page.getByRole('button', { name: 'Career', exact: true }).click()
  await page.getByRole('tab', { name: tab }).click()
}

async function addEarnedPmp(page: Page) {
  await openCareer(page, 'Certifications')
  await page
    .getByLabel('Certification', { exact: true })
    .selectOption({ label: 'Project Management Professional (PMP)' })
  await page.getByLabel('Status').selectOption({ label: 'Earned' })
  await page.getByLabel('Earned date').fill('2025-03-15')
  await page.getByRole('button', { name: 'Add certification', exact: true }).click()
  await expect(page.getByTestId('cert-expiry')).toContainText('2028-03-15')
}

async function logActivity(
  page: Page,
  activity: string,
  category: string,
  units: string,
  date = '2025-06-01',
) {
  const form = page.getByRole('form', { name: 'Log an activity' })
  await form.getByLabel('Date').fill(date)
  await form.getByLabel('Activity').fill(activity)
  await form.getByLabel('Category').selectOption(category)
  await form.getByLabel('PDU').fill(units)
  await form.getByRole('button', { name: 'Log activity' }).click()
}

async function expectScenarioProgress(page: Page) {
  await expect(page.getByTestId('cert-expiry')).toContainText('2028-03-15')
  await expect(page.getByTestId('cycle-summary')).toContainText('35 of 60 PDU count toward this cycle')
  const stillNeeded = page.getByRole('list', { name: 'Still needed' })
  await expect(stillNeeded.getByRole('listitem').filter({ hasText: /^Education: 25 PDU$/ })).toHaveCount(1)
  await expect(stillNeeded.getByRole('listitem').filter({ hasText: /^Power Skills: 8 PDU/ })).toHaveCount(1)
  await expect(stillNeeded.getByRole('listitem').filter({ hasText: /^Business Acumen: 8 PDU/ })).toHaveCount(
    1,
  )
  await expect(stillNeeded.getByRole('listitem').filter({ hasText: /^Ways of Working/ })).toHaveCount(0)
  const log = page.getByRole('table', { name: 'Logged activities' })
  await expect(log.getByRole('row').filter({ hasText: 'Mentoring' })).toContainText(
    '25 (5 not counting: over the Giving Back cap of 25)',
  )
}

/** A second, fresh browser profile whose `window.gantry` calls the same main-process handlers as the bridge. */
async function freshProfile(browser: Browser, bridge: Bridge, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL })
  const page = await context.newPage()
  const channels = new Set<string>(ipcChannels)
  await page.exposeBinding('__gantryInvoke', async (source, channel: unknown, request: unknown) => {
    if (typeof channel !== 'string' || !channels.has(channel))
      return { ok: false, error: { code: 'forbidden', message: 'Unknown channel.' } }
    const handler = bridge.handlers[channel as IpcChannel] as (
      event: { senderFrame: { url: string } },
      request: unknown,
    ) => Promise<unknown>
    return handler({ senderFrame: { url: source.frame.url() } }, request)
  })
  await page.addInitScript(
    (names: string[]) => {
      const call = (
        globalThis as unknown as { __gantryInvoke(channel: string, request: unknown): Promise<unknown> }
      ).__gantryInvoke
      const invoke: Record<string, (request?: unknown) => Promise<unknown>> = {}
      for (const name of names) invoke[name] = (request?: unknown) => call(name, request)
      const none = () => () => undefined
      Object.defineProperty(globalThis, 'gantry', {
        value: Object.freeze({
          kind: 'electron',
          invoke: Object.freeze(invoke),
          onMenuCommand: none,
          onProgress: none,
          onCloseRequest: none,
          confirmClose: () => undefined,
        }),
      })
    },
    [...ipcChannels],
  )
  return page
}

test('PMP scenario: expiry, PDU caps and minimums, reload, backup, restore into a fresh profile, calendar', async ({
  page,
  bridge,
  browser,
  baseURL,
}) => {
  await page.goto('index.html')
  await addEarnedPmp(page)

  await logActivity(page, 'Agile practices course', 'Ways of Working', '10')
  await expect(
    page.getByRole('status').filter({ hasText: 'Logged 10 PDU of Ways of Working.' }),
  ).toBeVisible()
  await logActivity(page, 'Mentoring', 'Giving Back', '30')
  await expect(page.getByRole('status').filter({ hasText: 'Logged 30 PDU of Giving Back.' })).toBeVisible()
  await expectScenarioProgress(page)

  // Reload: everything is still there.
  await page.reload()
  await openCareer(page, 'Certifications')
  await expectScenarioProgress(page)

  // The plan list shows the renewal too, and its button opens the career tracker.
  await page.getByRole('button', { name: 'Plans', exact: true }).click()
  const card = page.getByRole('region', { name: 'Career deadlines' })
  await expect(card).toContainText('2028-03-15')
  await card.getByRole('button', { name: 'Open career tracker' }).click()
  await expect(page.getByRole('tab', { name: 'Certifications' })).toBeVisible()
  await openCareer(page, 'Certifications')

  // Back up through main's save dialog.
  const backupPath = bridge.path('career-backup.json')
  bridge.dialog.queueSave(backupPath)
  await page.getByRole('tab', { name: 'Backup and calendar' }).click()
  await page.getByRole('button', { name: 'Back up to a file…' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Backup saved to career-backup.json.' }),
  ).toBeVisible()
  const parsed = careerBackupParse(await readFile(backupPath, 'utf8'))
  expect(parsed.ok).toBe(true)
  if (parsed.ok) {
    expect(parsed.data.certifications).toHaveLength(1)
    expect(parsed.data.educationEntries.map((entry) => entry.units).sort()).toEqual([10, 30])
  }
  const original = await idbDump(page, 'gantry-career')

  // Restore into a fresh profile: identical.
  const fresh = await freshProfile(browser, bridge, baseURL)
  await fresh.goto('index.html')
  await openCareer(fresh, 'Certifications')
  await expect(fresh.getByText('No certifications yet.')).toBeVisible()
  await fresh.getByRole('tab', { name: 'Backup and calendar' }).click()
  await fresh.getByRole('button', { name: 'Restore from a backup…' }).click()
  bridge.dialog.queueOpen(backupPath)
  await fresh.getByRole('button', { name: 'Choose backup and replace' }).click()
  await expect(fresh.getByRole('status').filter({ hasText: 'Restored career-backup.json.' })).toBeVisible()
  expect(await idbDump(fresh, 'gantry-career')).toBe(original)
  await fresh.getByRole('tab', { name: 'Certifications' }).click()
  await expectScenarioProgress(fresh)

  // The calendar export holds the expiry date as an all-day event.
  const icsPath = bridge.path('deadlines.ics')
  bridge.dialog.queueSave(icsPath)
  await fresh.getByRole('tab', { name: 'Backup and calendar' }).click()
  await fresh.getByRole('button', { name: 'Export calendar (.ics)…' }).click()
  await expect(fresh.getByRole('status').filter({ hasText: /saved to deadlines\.ics/ })).toBeVisible()
  const ics = await readFile(icsPath, 'utf8')
  expect(ics).toContain('DTSTART;VALUE=DATE:20280315\r\n')
  expect(icsReadEvents(ics).find((event) => event.date === '2028-03-15')?.summary).toBe(
    'Project Management Professional (PMP) expires',
  )
  await fresh.context().close()
})

test('bad input: a clear message and nothing changed', async ({ page, bridge }) => {
  await page.goto('index.html')
  await addEarnedPmp(page)
  await logActivity(page, 'Agile practices course', 'Ways of Working', '10')
  await expect(page.getByRole('table', { name: 'Logged activities' }).getByRole('row')).toHaveCount(2)
  const before = await idbDump(page, 'gantry-career')

  const form = page.getByRole('form', { name: 'Log an activity' })
  for (const [units, message] of [
    ['-5', 'Units cannot be negative.'],
    ['ten', 'Units must be a number; "ten" is not.'],
  ]) {
    await logActivity(page, 'Webinar', 'Power Skills', units)
    await expect(form.getByRole('alert')).toHaveText(message)
    await expect(form.getByLabel('PDU')).toHaveAttribute('aria-invalid', 'true')
  }

  // An earned date in the future, and an expiry before the earned date.
  await page.getByRole('button', { name: 'Edit', exact: true }).click()
  const edit = page.getByRole('form', { name: 'Edit certification' })
  await edit.getByLabel('Earned date').fill('2099-01-01')
  await edit.getByRole('button', { name: 'Save changes' }).click()
  await expect(edit.getByRole('alert')).toContainText('The earned date 2099-01-01 is in the future')
  await edit.getByLabel('Earned date').fill('2025-03-15')
  await edit.getByLabel('Expiry date on the certificate').fill('2025-01-01')
  await edit.getByRole('button', { name: 'Save changes' }).click()
  await expect(edit.getByRole('alert')).toHaveText(
    'The expiry date 2025-01-01 must be after the earned date 2025-03-15.',
  )
  expect(await idbDump(page, 'gantry-career')).toBe(before)

  // A corrupt backup and one from a newer version: refused, nothing changed.
  const corrupt = bridge.path('corrupt.json')
  await writeFile(
    corrupt,
    '{"format":"gantry-career-backup","schemaVersion":1,"exportedAt":"x","data":{"profile":nu',
  )
  const newer = bridge.path('newer.json')
  await writeFile(
    newer,
    JSON.stringify({
      format: 'gantry-career-backup',
      schemaVersion: 99,
      exportedAt: 'x',
      data: { profile: null, certifications: [], educationEntries: [], salaries: [], skills: [], goals: [] },
    }),
  )
  await page.getByRole('tab', { name: 'Backup and calendar' }).click()
  for (const [path, message] of [
    [
      corrupt,
      'corrupt.json was not restored. This is not a career backup: the file is not valid JSON (it may be truncated).',
    ],
    [
      newer,
      'newer.json was not restored. This backup was made by a newer version of Gantry (backup format 99; this version reads up to 1).',
    ],
  ]) {
    await page.getByRole('button', { name: 'Restore from a backup…' }).click()
    bridge.dialog.queueOpen(path)
    await page.getByRole('button', { name: 'Choose backup and replace' }).click()
    await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible()
    expect(await idbDump(page, 'gantry-career')).toBe(before)
  }
  await page.getByRole('tab', { name: 'Certifications' }).click()
  await expect(page.getByTestId('cycle-summary')).toContainText('10 of 60 PDU count toward this cycle')
})

test('study plan: one command creates a Gantry plan that opens in the planning workspace', async ({
  page,
  bridge: _bridge,
}) => {
  const day = (offset: number) => {
    const date = new Date()
    date.setDate(date.getDate() + offset)
    return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
  }
  await page.goto('index.html')
  await openCareer(page, 'Certifications')
  await page
    .getByLabel('Certification', { exact: true })
    .selectOption({ label: 'Certified Associate in Project Management (CAPM)' })
  await page.getByLabel('Status').selectOption({ label: 'Studying' })
  await page.getByLabel('Exam date').fill(day(60))
  await page.getByRole('button', { name: 'Add certification', exact: true }).click()

  const form = page.getByRole('form', { name: 'Study plan' })
  await expect(form.getByLabel('Exam day')).toHaveValue(day(60))
  // An exam too soon for a study week is refused and creates no plan.
  await form.getByLabel('Exam day').fill(day(1))
  await form.getByRole('button', { name: 'Create study plan' }).click()
  await expect(form.getByRole('alert')).toContainText('leaves no full study week')
  expect(await idbDump(page, 'gantry')).not.toContain('exam preparation')

  await form.getByLabel('Exam day').fill(day(60))
  await form.getByLabel('Study hours per week').fill('5')
  await form.getByRole('button', { name: 'Create study plan' }).click()
  const name = 'Certified Associate in Project Management (CAPM): exam preparation'
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect.poll(async () => idbDump(page, 'gantry')).toContain('"name":"Exam day"')
  const stored = await idbDump(page, 'gantry')
  for (const task of ['Application submitted', 'Exam booked', 'Study', 'Week 1: study'])
    expect(stored).toContain(`"name":"${task}"`)

  await page.getByRole('button', { name: 'Plans', exact: true }).click()
  await expect(page.getByRole('rowheader', { name })).toBeVisible()
})
