import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import type { Browser, Page } from '@playwright/test'
import { careerBackupParse } from '../../src/shared/career/backup'
import { cycleAddYears } from '../../src/shared/career/cycle'
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
  await form.getByLabel('Activity', { exact: true }).fill(activity)
  await form.getByLabel('Category', { exact: true }).selectOption(category)
  await form.getByLabel('PDUs', { exact: true }).fill(units)
  await form.getByRole('button', { name: 'Log activity' }).click()
}

async function expectScenarioProgress(page: Page) {
  await expect(page.getByTestId('cert-expiry')).toContainText('2028-03-15')
  await expect(page.getByTestId('cycle-summary')).toContainText('35 of 60 PDUs count toward this cycle')
  const stillNeeded = page.getByRole('list', { name: 'Still needed' })
  await expect(stillNeeded.getByRole('listitem').filter({ hasText: /^Education: 25 PDUs$/ })).toHaveCount(1)
  await expect(stillNeeded.getByRole('listitem').filter({ hasText: /^Power Skills: 8 PDUs/ })).toHaveCount(1)
  await expect(stillNeeded.getByRole('listitem').filter({ hasText: /^Business Acumen: 8 PDUs/ })).toHaveCount(
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
    page.getByRole('status').filter({ hasText: 'Logged 10 PDUs: Agile practices course.' }),
  ).toBeVisible()
  await logActivity(page, 'Mentoring', 'Giving Back', '30')
  await expect(page.getByRole('status').filter({ hasText: 'Logged 30 PDUs: Mentoring.' })).toBeVisible()
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
    expect(parsed.data.educationEntries.map((entry) => entry.parts[0]?.units).sort()).toEqual([10, 30])
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

  // The calendar export holds the expiry date as an all-day event that reminds 180, 90 and 30 days before.
  const icsPath = bridge.path('deadlines.ics')
  bridge.dialog.queueSave(icsPath)
  await fresh.getByRole('tab', { name: 'Backup and calendar' }).click()
  await fresh.getByRole('button', { name: 'Export calendar (.ics)…' }).click()
  await expect(fresh.getByRole('status').filter({ hasText: /saved to deadlines\.ics/ })).toBeVisible()
  const ics = await readFile(icsPath, 'utf8')
  expect(ics).toContain('DTSTART;VALUE=DATE:20280315\r\n')
  const expiry = icsReadEvents(ics).find((event) => event.date === '2028-03-15')
  expect(expiry?.summary).toBe('Project Management Professional (PMP) expires')
  expect(expiry?.alarms).toEqual(['-P180D', '-P90D', '-P30D'])
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
    ['1.1', 'Units go in steps of 0.25 (a quarter hour); 1.1 is not one.'],
  ]) {
    await logActivity(page, 'Webinar', 'Power Skills', units)
    await expect(form.getByRole('alert')).toHaveText(message)
    await expect(form.getByLabel('PDUs', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  }

  // A 100,000-character note is refused with a message, not cut to 20,000 (nothing is stored).
  await form.getByLabel('PDUs', { exact: true }).fill('1')
  await form.getByLabel('Note').fill('n'.repeat(100_000))
  await form.getByRole('button', { name: 'Log activity' }).click()
  await expect(form.getByRole('alert')).toHaveText(
    'The note has 100,000 characters; it can hold at most 20,000. Shorten it (nothing was stored).',
  )
  await expect(form.getByLabel('Note')).toHaveAttribute('aria-invalid', 'true')
  expect(await form.getByLabel('Note').inputValue()).toHaveLength(100_000) // nothing the user typed is lost
  await form.getByLabel('Note').fill('')

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
      'newer.json was not restored. This backup was made by a newer version of Gantry (backup format 99; this version reads up to 2).',
    ],
  ]) {
    await page.getByRole('button', { name: 'Restore from a backup…' }).click()
    bridge.dialog.queueOpen(path)
    await page.getByRole('button', { name: 'Choose backup and replace' }).click()
    await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible()
    expect(await idbDump(page, 'gantry-career')).toBe(before)
  }
  await page.getByRole('tab', { name: 'Certifications' }).click()
  await expect(page.getByTestId('cycle-summary')).toContainText('10 of 60 PDUs count toward this cycle')
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

  // The certification links to its study plan, which opens in the workspace again.
  await openCareer(page, 'Certifications')
  await page.getByRole('button', { name: `Open “${name}”` }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
})

test('PeopleCert: no application for the exam, the real CPD categories, one activity 0.5 to 15 points', async ({
  page,
  bridge: _bridge,
}) => {
  await page.goto('index.html')
  await openCareer(page, 'Certifications')
  await page.getByLabel('Certification', { exact: true }).selectOption({ label: 'ITIL 4 Foundation' })
  await page.getByLabel('Status').selectOption({ label: 'Studying' })
  await page.getByRole('button', { name: 'Add certification', exact: true }).click()
  const study = page.getByRole('form', { name: 'Study plan' })
  await expect(study.getByLabel('Exam day')).toBeVisible()
  await expect(study.getByLabel('Application')).toHaveCount(0)
  await expect(study).toContainText('milestones for the booking and the exam day')

  await page.getByRole('button', { name: 'Edit', exact: true }).click()
  const edit = page.getByRole('form', { name: 'Edit certification' })
  await edit.getByLabel('Status').selectOption({ label: 'Earned' })
  await edit.getByLabel('Earned date').fill('2025-01-10')
  await edit.getByRole('button', { name: 'Save changes' }).click()
  const form = page.getByRole('form', { name: 'Log an activity' })
  await expect(form.getByLabel('Category', { exact: true }).locator('option')).toHaveText([
    'Professional Experience',
    'Professional Education',
    'Community',
  ])
  await form.getByLabel('Date').fill('2025-03-01')
  await form.getByLabel('Activity', { exact: true }).fill('Service desk improvement project')
  await form.getByLabel('CPD points', { exact: true }).fill('16')
  await form.getByRole('button', { name: 'Log activity' }).click()
  await expect(form.getByRole('alert')).toHaveText(
    'ITIL 4 Foundation counts one activity for 0.5 to 15 CPD points; this one has 16. Log a longer activity as several entries (one per session or day).',
  )
  await expect(page.getByRole('table', { name: 'Logged activities' })).toHaveCount(0)
  await form.getByLabel('CPD points', { exact: true }).fill('15')
  await form.getByRole('button', { name: 'Log activity' }).click()
  await expect(page.getByRole('table', { name: 'Logged activities' }).getByRole('row')).toHaveCount(2)
})

test('a PMP past its cycle end is suspended, not expired, and says by when to renew', async ({
  page,
  bridge: _bridge,
}) => {
  const now = new Date()
  const pad = (value: number) => String(value).padStart(2, '0')
  const day = (offset: number) => {
    const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset)
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
  }
  // Earned so that the cycle ended about ten days ago; the expiry is computed as the app does (29 February too).
  const ended = day(-10)
  const earnedOn = cycleAddYears(ended, -3)
  const expiry = cycleAddYears(earnedOn, 3)
  const suspensionEnd = cycleAddYears(expiry, 1)
  await page.goto('index.html')
  await openCareer(page, 'Certifications')
  await page
    .getByLabel('Certification', { exact: true })
    .selectOption({ label: 'Project Management Professional (PMP)' })
  await page.getByLabel('Status').selectOption({ label: 'Earned' })
  await page.getByLabel('Earned date').fill(earnedOn)
  await page.getByRole('button', { name: 'Add certification', exact: true }).click()
  await expect(page.getByTestId('cert-status')).toHaveText(`Suspended until ${suspensionEnd}`)
  await expect(page.getByRole('table', { name: 'Certifications' })).toContainText(
    `Suspended until ${suspensionEnd}`,
  )
  await expect(
    page.getByRole('alert').filter({ hasText: `Suspended: the cycle ended on ${expiry}.` }),
  ).toContainText(`Log the 60 PDUs still needed and renew by ${suspensionEnd} to reactivate it`)
  await page.getByRole('tab', { name: 'Overview' }).click()
  await expect(page.getByRole('list', { name: 'Warnings' })).toContainText(
    `Project Management Professional (PMP) is suspended: its cycle ended on ${expiry}. Renew by ${suspensionEnd} to reactivate it (60 PDUs still needed).`,
  )
  await expect(page.getByRole('list', { name: 'Next deadlines' })).toContainText(
    'Project Management Professional (PMP): last day to renew during the suspension',
  )
})

/** Reads an .xlsx with openpyxl (a reader we did not write): the log sheet's rows and its sheet names. */
async function openpyxlRead(path: string): Promise<{ sheets: string[]; rows: unknown[][] }> {
  const script = String.raw`
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
sheet = book['Education log']
rows = [[c.value.date().isoformat() if hasattr(c.value, 'date') else c.value for c in row] for row in sheet.iter_rows()]
print(json.dumps({'sheets': book.sheetnames, 'rows': rows}))
`
  const { stdout } = await promisify(execFile)('/usr/bin/python3', ['-c', script, path])
  return JSON.parse(stdout) as { sheets: string[]; rows: unknown[][] }
}

test('issue 18: a split activity counted for two certifications, PDUs carried over a cycle end, the log exported', async ({
  page,
  bridge,
}) => {
  await page.goto('index.html')
  await openCareer(page, 'Certifications')
  const add = async (label: string, earnedOn: string) => {
    if (await page.getByRole('button', { name: 'Add certification…' }).isVisible())
      await page.getByRole('button', { name: 'Add certification…' }).click()
    await page.getByLabel('Certification', { exact: true }).selectOption({ label })
    await page.getByLabel('Status').selectOption({ label: 'Earned' })
    await page.getByLabel('Earned date').fill(earnedOn)
    await page.getByRole('button', { name: 'Add certification', exact: true }).click()
    await expect(page.getByRole('heading', { level: 3, name: label })).toBeVisible()
  }
  await add('PMI Agile Certified Practitioner (PMI-ACP)', '2024-01-10')
  await add('Project Management Professional (PMP)', '2021-03-15')

  // Cycle 1 (2021-03-15 to 2024-03-15): 60 PDUs in its first year, and 12 more in its last year.
  await logActivity(page, 'Agile practices course', 'Ways of Working', '20', '2021-06-01')
  await logActivity(page, 'Negotiation seminar', 'Power Skills', '20', '2021-06-02')
  await logActivity(page, 'Finance for PMs', 'Business Acumen', '20', '2021-06-03')
  await logActivity(page, 'PMI chapter congress', 'Power Skills', '12', '2023-10-01')
  await expect(
    page.getByRole('status').filter({ hasText: 'Logged 12 PDUs: PMI chapter congress.' }),
  ).toBeVisible()

  // The certificate is suspended (not "expired") after its cycle end; renew by continuing education.
  await expect(page.getByTestId('cert-status')).toHaveText(
    new Date() <= new Date(2025, 2, 15) ? 'Suspended until 2025-03-15' : 'Expired',
  )
  const renew = page.getByRole('form', { name: 'Record a renewal' })
  await renew.getByLabel('Renewed on').fill('2024-03-01')
  await renew.getByLabel('Renewed by').selectOption({ label: 'Continuing education' })
  await renew.getByRole('button', { name: 'Record renewal' }).click()
  await expect(renew.getByRole('status')).toHaveText('Renewal recorded; the next cycle has started.')
  await expect(page.getByRole('heading', { level: 4, name: 'Cycle 2024-03-16 to 2027-03-15' })).toBeVisible()
  await expect(page.getByTestId('carried-in')).toContainText(
    '12 PDUs carried over from the previous cycle (earned in its last year above its requirement): Power Skills 12 (2023-10-01).',
  )
  await expect(page.getByTestId('cycle-summary')).toContainText('12 of 60 PDUs count toward this cycle')

  // One activity, split across two Talent Triangle areas, logged once for the PMP and the PMI-ACP.
  const form = page.getByRole('form', { name: 'Log an activity' })
  await form.getByLabel('Date').fill('2024-06-01')
  await form.getByLabel('Activity', { exact: true }).fill('Scrum at scale workshop')
  await form.getByLabel('Activity type').fill('Course or training')
  await form.getByLabel('Provider').fill('Agile Alliance')
  await form.getByLabel('Category', { exact: true }).selectOption('Ways of Working')
  await form.getByLabel('PDUs', { exact: true }).fill('2.5')
  await form.getByRole('button', { name: 'Split across another category' }).click()
  await form.getByLabel('Category 2', { exact: true }).selectOption('Power Skills')
  await form.getByLabel('PDUs 2', { exact: true }).fill('1.5')
  await form.getByLabel('PMI Agile Certified Practitioner (PMI-ACP)').check()
  const link = `https://example.org/certificates/${'x'.repeat(300)}`
  await form.getByLabel('Evidence').fill(link)
  await form.getByRole('button', { name: 'Log activity' }).click()
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Logged 4 PDUs across 2 categories: Scrum at scale workshop.' }),
  ).toBeVisible()
  await expect(page.getByTestId('cycle-summary')).toContainText('16 of 60 PDUs count toward this cycle')
  const row = page
    .getByRole('table', { name: 'Logged activities' })
    .getByRole('row')
    .filter({ hasText: 'Scrum at scale workshop' })
  await expect(row).toContainText('Ways of Working: 2.5')
  await expect(row).toContainText('Power Skills: 1.5')
  await expect(row).toContainText('PMI Agile Certified Practitioner (PMI-ACP)')
  // A long unbroken link wraps inside its cell instead of widening the page.
  const overflow = await page.getByRole('table', { name: 'Logged activities' }).evaluate((table) => {
    const scroller = table.parentElement
    return scroller === null ? Number.NaN : table.scrollWidth - scroller.clientWidth
  })
  expect(overflow).toBeLessThanOrEqual(1)

  // The PMI-ACP counts the same activity: 4 of its 30 PDUs.
  await page.getByRole('button', { name: 'PMI Agile Certified Practitioner (PMI-ACP)' }).click()
  await expect(page.getByTestId('cycle-summary')).toContainText('4 of 30 PDUs count toward this cycle')
  await expect(
    page
      .getByRole('table', { name: 'Logged activities' })
      .getByRole('row')
      .filter({ hasText: 'Scrum at scale workshop' }),
  ).toContainText('Project Management Professional (PMP)')

  // The whole log: filter, totals, export through main.
  await page.getByRole('tab', { name: 'Education log' }).click()
  await expect(page.getByTestId('log-total')).toHaveText('5 activities: 76 PDUs for 2 certifications.')
  await page
    .getByLabel('Certification', { exact: true })
    .selectOption({ label: 'PMI Agile Certified Practitioner (PMI-ACP)' })
  await expect(page.getByTestId('log-total')).toHaveText('1 activity of 5: 4 PDUs.')
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await page.getByLabel('Year', { exact: true }).selectOption('2021')
  await page.getByLabel('Totals by', { exact: true }).selectOption({ label: 'Category' })
  const totals = page.getByRole('table', { name: 'Totals by category' })
  await expect(totals.getByRole('row').filter({ hasText: 'Ways of Working' })).toContainText('20 PDUs')
  await page.getByRole('button', { name: 'Clear filters' }).click()

  const csvPath = bridge.path('education-log.csv')
  bridge.dialog.queueSave(csvPath)
  await page.getByRole('button', { name: 'Export to CSV…' }).click()
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Education log with 5 activities saved to education-log.csv.' }),
  ).toBeVisible()
  const csv = await readFile(csvPath, 'utf8')
  const lines = csv.split('\r\n')
  // Every text cell is quoted (formula-safe whichever separator a spreadsheet assumes); numbers are not.
  expect(lines[0]).toBe(
    '\uFEFF"Entry","Date","Activity","Activity type","Provider","Category","Units","Unit","Counts toward","Evidence","Note"',
  )
  expect(lines[1]).toBe(
    `1,"2024-06-01","Scrum at scale workshop","Course or training","Agile Alliance","Ways of Working",2.5,"PDUs","Project Management Professional (PMP); PMI Agile Certified Practitioner (PMI-ACP)","${link}",""`,
  )
  expect(lines[2]).toBe(
    `1,"2024-06-01","Scrum at scale workshop","Course or training","Agile Alliance","Power Skills",1.5,"PDUs","Project Management Professional (PMP); PMI Agile Certified Practitioner (PMI-ACP)","${link}",""`,
  )
  expect(lines[3]).toBe(
    '2,"2023-10-01","PMI chapter congress","","","Power Skills",12,"PDUs","Project Management Professional (PMP)","",""',
  )
  expect(lines).toHaveLength(8) // header, 6 lines (the split activity has two), and the final CRLF

  const xlsxPath = bridge.path('education-log.xlsx')
  bridge.dialog.queueSave(xlsxPath)
  await page.getByRole('button', { name: 'Export to Excel…' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'saved to education-log.xlsx' })).toBeVisible()
  const book = await openpyxlRead(xlsxPath)
  expect(book.sheets).toEqual(['Education log', 'Totals'])
  expect(book.rows[0]).toEqual([
    'Entry',
    'Date',
    'Activity',
    'Activity type',
    'Provider',
    'Category',
    'Units',
    'Unit',
    'Counts toward',
    'Evidence',
    'Note',
  ])
  expect(book.rows[2]).toEqual([
    1,
    '2024-06-01',
    'Scrum at scale workshop',
    'Course or training',
    'Agile Alliance',
    'Power Skills',
    1.5,
    'PDUs',
    'Project Management Professional (PMP); PMI Agile Certified Practitioner (PMI-ACP)',
    link,
    null,
  ])
  expect(book.rows).toHaveLength(7)
})

test('an activity being typed into the education log is kept when leaving the page, editing another one, or reloading', async ({ page }) => {
  await page.goto('index.html')
  await addEarnedPmp(page)
  await logActivity(page, 'Agile practices course', 'Ways of Working', '10')
  const form = page.getByRole('form', { name: 'Log an activity' })
  await form.getByLabel('Activity', { exact: true }).fill('Risk workshop')
  await form.getByLabel('Note').fill('Chapter meeting, slides on the shared drive')

  // Away to the plans and back.
  await page.getByRole('button', { name: 'Plans', exact: true }).click()
  await openCareer(page, 'Certifications')
  await expect(form.getByLabel('Activity', { exact: true })).toHaveValue('Risk workshop')

  // Editing a logged activity, then cancelling, brings the new one back.
  await page.getByRole('table', { name: 'Logged activities' }).getByRole('button', { name: /^Edit/ }).first().click()
  const edit = page.getByRole('form', { name: 'Edit an activity' })
  await expect(edit.getByLabel('Activity', { exact: true })).toHaveValue('Agile practices course')
  await edit.getByRole('button', { name: 'Cancel editing' }).click()
  await expect(form.getByLabel('Activity', { exact: true })).toHaveValue('Risk workshop')
  await expect(form.getByLabel('Note')).toHaveValue('Chapter meeting, slides on the shared drive')

  // A reload (or a crash) loses nothing typed; logged, the draft is done with.
  await page.reload()
  await openCareer(page, 'Certifications')
  await expect(form.getByLabel('Activity', { exact: true })).toHaveValue('Risk workshop')
  await form.getByLabel('Category', { exact: true }).selectOption('Power Skills')
  await form.getByLabel('PDUs', { exact: true }).fill('2')
  await form.getByRole('button', { name: 'Log activity' }).click()
  await expect(page.getByRole('table', { name: 'Logged activities' }).getByRole('row')).toHaveCount(3)
  await expect(form.getByLabel('Activity', { exact: true })).toHaveValue('')
  await page.reload()
  await openCareer(page, 'Certifications')
  await expect(form.getByLabel('Activity', { exact: true })).toHaveValue('')
})
