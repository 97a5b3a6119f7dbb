import { copyFile, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import { planFileParse, planFileSerialize } from '../../src/shared/formats/plan-file'
import { expect, test } from './support/bridge'
import { idbDump } from './support/idb'

/**
 * The foundation flows through the real main-process handlers (bridge harness): the built renderer, the platform
 * API, main's handlers and files on disk.
 */

const fixtures = join(__dirname, '..', 'fixtures', 'plans')

async function parsedFile(path: string) {
  const result = planFileParse(await readFile(path, 'utf8'))
  if (!result.ok) throw new Error(`${path}: ${result.error.message}`)
  return result.plan
}

test('create a plan, rename it, reload: it is still there', async ({ page, bridge }) => {
  await page.goto('index.html')
  await page.getByLabel('New plan').fill('ERP migration')
  await page.getByRole('button', { name: 'Create plan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'ERP migration' })).toBeVisible()
  await expect.poll(() => bridge.titles.at(-1)).toEqual({ title: 'ERP migration', isDirty: false })

  await page.getByRole('button', { name: 'Plans', exact: true }).click()
  await page.getByRole('button', { name: 'Rename ERP migration' }).click()
  await page.getByLabel('New name for ERP migration').fill('ERP cut-over')
  await page.getByRole('button', { name: 'Save name' }).click()
  await expect(page.getByRole('rowheader', { name: 'ERP cut-over' })).toBeVisible()

  await page.reload()
  await expect(page.getByRole('rowheader', { name: 'ERP cut-over' })).toBeVisible()
  await expect(page.getByRole('rowheader', { name: 'ERP migration' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Open ERP cut-over' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'ERP cut-over' })).toBeVisible()
})

test('duplicate and delete (with confirmation) in the plan list', async ({ page, bridge: _bridge }) => {
  await page.goto('index.html')
  await page.getByLabel('New plan').fill('Office move')
  await page.getByRole('button', { name: 'Create plan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Office move' })).toBeVisible()
  await page.getByRole('button', { name: 'Plans', exact: true }).click()
  await page.getByRole('button', { name: 'Duplicate Office move' }).click()
  await expect(page.getByRole('rowheader', { name: 'Office move (copy)' })).toBeVisible()

  await page.getByRole('button', { name: 'Delete Office move (copy)' }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete "Office move (copy)"?' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('rowheader', { name: 'Office move (copy)' })).toBeVisible()

  await page.getByRole('button', { name: 'Delete Office move (copy)' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Delete plan' }).click()
  await expect(page.getByRole('rowheader', { name: 'Office move (copy)' })).toHaveCount(0)
  await page.reload()
  await expect(page.getByRole('rowheader', { name: 'Office move', exact: true })).toBeVisible()
  await expect(page.getByRole('rowheader', { name: 'Office move (copy)' })).toHaveCount(0)
})

test('open a plan file, save it to another file: the file on disk parses and holds the plan', async ({
  page,
  bridge,
}) => {
  const source = bridge.path('relaunch.gantry')
  await copyFile(join(fixtures, 'v1-basic.gantry'), source)
  const original = await parsedFile(source)

  await page.goto('index.html')
  bridge.dialog.queueOpen(source)
  await page.getByRole('button', { name: 'Open file…' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Website relaunch' })).toBeVisible()
  await expect(page.getByTestId('document-state')).toHaveText('relaunch.gantry')

  const target = bridge.path('relaunch-copy.gantry')
  bridge.dialog.queueSave(target)
  await page.getByRole('button', { name: 'Save As…' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved to relaunch-copy.gantry.' })).toBeVisible()
  await expect(page.getByTestId('document-state')).toHaveText('relaunch-copy.gantry')

  const saved = await parsedFile(target)
  expect({ ...saved, updatedAt: '' }).toEqual({ ...original, updatedAt: '' })
})

test('save a new plan to a file, rename it, save again: the file follows, the title shows unsaved changes', async ({
  page,
  bridge,
}) => {
  await page.goto('index.html')
  await page.getByLabel('New plan').fill('Data centre move')
  await page.getByRole('button', { name: 'Create plan' }).click()
  await expect(page.getByTestId('document-state')).toHaveText('Stored in Gantry, not saved to a file')

  const target = bridge.path('dc-move.gantry')
  bridge.dialog.queueSave(target)
  // Save on a plan without a file asks where, as Save As does.
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByTestId('document-state')).toHaveText('dc-move.gantry')
  const first = await parsedFile(target)
  expect(first.name).toBe('Data centre move')
  expect(first.tasks).toEqual([])

  await page.getByRole('button', { name: 'Plans', exact: true }).click()
  await page.getByRole('button', { name: 'Rename Data centre move' }).click()
  await page.getByLabel('New name for Data centre move').fill('DC move 2026')
  await page.getByRole('button', { name: 'Save name' }).click()
  await page.getByRole('button', { name: 'Open DC move 2026' }).click()
  await expect(page.getByTestId('document-state')).toContainText('unsaved changes')
  await expect.poll(() => bridge.titles.at(-1)).toEqual({ title: 'DC move 2026', isDirty: true })

  // A reload keeps both the rename and the knowledge that the file is behind.
  await page.reload()
  await page.getByRole('button', { name: 'Open DC move 2026' }).click()
  await expect(page.getByTestId('document-state')).toContainText('unsaved changes')

  await bridge.menu(page, 'file/save')
  await expect(page.getByTestId('document-state')).toHaveText('dc-move.gantry')
  await expect.poll(() => bridge.titles.at(-1)).toEqual({ title: 'DC move 2026', isDirty: false })
  const second = await parsedFile(target)
  expect(second.name).toBe('DC move 2026')
  expect(second.id).toBe(first.id)
})

test('open the saved file again: the same plan, stored once', async ({ page, bridge }) => {
  const path = bridge.path('relaunch.gantry')
  await copyFile(join(fixtures, 'v1-basic.gantry'), path)
  const original = await parsedFile(path)

  await page.goto('index.html')
  bridge.dialog.queueOpen(path)
  await bridge.menu(page, 'file/open')
  await expect(page.getByRole('heading', { level: 1, name: 'Website relaunch' })).toBeVisible()
  bridge.dialog.queueSave(path)
  await page.getByRole('button', { name: 'Save As…' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved to relaunch.gantry.' })).toBeVisible()

  await page.reload()
  bridge.dialog.queueOpen(path)
  await page.getByRole('button', { name: 'Open file…' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Website relaunch' })).toBeVisible()
  await expect(page.getByRole('treegrid', { name: 'Tasks' })).toContainText('Content migration')
  await page.getByRole('button', { name: 'Plans', exact: true }).click()
  await expect(page.getByRole('rowheader', { name: 'Website relaunch' })).toHaveCount(1)

  const stored = JSON.parse(await idbDump(page)) as { stores: Record<string, Array<Record<string, unknown>>> }
  expect(stored.stores.plans).toHaveLength(1)
  expect(stored.stores.plans[0].id).toBe(original.id)
  // Rows are stored in chunks of consecutive rows, one list per kind (db/plan-db.ts).
  const rows = (kind: string) => (stored.stores.chunks ?? []).filter((chunk) => chunk.kind === kind).flatMap((chunk) => chunk.rows as Array<Record<string, unknown>>)
  expect(rows('tasks').map((row) => row.name)).toEqual(original.tasks.map((task) => task.name))
  expect(rows('dependencies')).toHaveLength(original.dependencies.length)
})

test('a file opened once is listed under Recent files and reopens from there', async ({ page, bridge }) => {
  const path = bridge.path('relaunch.gantry')
  await copyFile(join(fixtures, 'v1-basic.gantry'), path)
  await page.goto('index.html')
  bridge.dialog.queueOpen(path)
  await page.getByRole('button', { name: 'Open file…' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Website relaunch' })).toBeVisible()

  await page.reload()
  const recent = page.getByRole('region', { name: 'Recent files' })
  await expect(recent).toContainText(bridge.folder)
  await recent.getByRole('button', { name: 'relaunch.gantry' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Website relaunch' })).toBeVisible()
  await expect(page.getByTestId('document-state')).toHaveText('relaunch.gantry')
  expect(bridge.calls).toContain('plan/openRecent')
})

test('a menu command creates a plan; closing with unsaved changes asks first', async ({ page, bridge }) => {
  await page.goto('index.html')
  await bridge.menu(page, 'file/new')
  await expect(page.getByRole('heading', { level: 1, name: 'Untitled plan' })).toBeVisible()

  // Nothing linked to a file: the plan is stored in Gantry, so the window may close at once.
  await bridge.requestClose(page)
  await expect.poll(() => bridge.closeConfirmations()).toBe(1)

  bridge.dialog.queueSave(bridge.path('untitled.gantry'))
  await bridge.menu(page, 'file/save-as')
  await expect(page.getByTestId('document-state')).toHaveText('untitled.gantry')
  await page.getByRole('button', { name: 'Plans', exact: true }).click()
  await page.getByRole('button', { name: 'Rename Untitled plan' }).click()
  await page.getByLabel('New name for Untitled plan').fill('Renamed')
  await page.getByRole('button', { name: 'Save name' }).click()

  await bridge.requestClose(page)
  const prompt = page.getByRole('dialog', { name: 'Save changes before closing?' })
  await expect(prompt).toBeVisible()
  await prompt.getByRole('button', { name: 'Cancel' }).click()
  await expect(prompt).toHaveCount(0)
  expect(bridge.closeConfirmations()).toBe(1)

  await bridge.requestClose(page)
  await page
    .getByRole('dialog', { name: 'Save changes before closing?' })
    .getByRole('button', { name: 'Save', exact: true })
    .click()
  await expect.poll(() => bridge.closeConfirmations()).toBe(2)
  expect((await parsedFile(bridge.path('untitled.gantry'))).name).toBe('Renamed')
})

test('a recovery copy left by a crash is offered at start and restored', async ({
  page,
  bridge,
  baseURL,
}) => {
  const plan = makePlan('recovered-plan', 'Crashed plan', '2025-05-05T08:00:00', '2025-05-01T10:00:00', {
    tasks: [makeTask(1, { name: 'Only task' })],
  })
  const written = await bridge.handlers['recovery/write'](
    { senderFrame: { url: new URL('index.html', baseURL).href } },
    { plan },
  )
  expect(written.ok).toBe(true)

  await page.goto('index.html')
  const offer = page.getByRole('dialog', { name: 'Recover unsaved changes?' })
  await expect(offer).toContainText('Crashed plan')
  await offer.getByRole('button', { name: 'Recover' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Crashed plan' })).toBeVisible()
  await expect(page.getByRole('treegrid', { name: 'Tasks' })).toContainText('Only task')

  await page.reload()
  await expect(page.getByRole('dialog', { name: 'Recover unsaved changes?' })).toHaveCount(0)
  await expect(page.getByRole('rowheader', { name: 'Crashed plan' })).toBeVisible()
})

type BadFile = { name: string; content: () => string | Uint8Array; message: RegExp }

const badFiles: BadFile[] = [
  { name: 'truncated.gantry', content: () => '', message: /not valid JSON/ },
  { name: 'not-json.gantry', content: () => '', message: /not valid JSON/ },
  { name: 'empty.gantry', content: () => '', message: /empty/ },
  {
    name: 'binary.gantry',
    content: () => new Uint8Array(8192).map((_, index) => (index * 131 + 7) % 256),
    message: /not a Gantry plan/,
  },
  { name: 'newer-version.gantry', content: () => '', message: /newer version of Gantry/ },
  { name: 'hostile-proto-key.gantry', content: () => '', message: /damaged.*__proto__/ },
  { name: 'hostile-constructor-key.gantry', content: () => '', message: /damaged.*constructor/ },
  { name: 'hostile-number-overflow.gantry', content: () => '', message: /damaged.*duration/ },
  { name: 'hostile-unknown-key.gantry', content: () => '', message: /damaged.*macro/ },
  {
    name: 'hostile-10mb-string.gantry',
    content: () =>
      planFileSerialize(
        makePlan('huge', 'Huge', '2025-01-06T08:00:00', '2025-01-01T09:00:00', {
          tasks: [makeTask(1, { name: 'x'.repeat(10 * 1024 * 1024) })],
        }),
      ),
    message: /damaged.*tasks\.0\.name/,
  },
]

for (const bad of badFiles) {
  test(`opening ${bad.name} shows a clear message and changes nothing stored`, async ({ page, bridge }) => {
    const path = bridge.path(bad.name)
    const generated = bad.content()
    if (typeof generated === 'string' && generated === '') await copyFile(join(fixtures, bad.name), path)
    else await writeFile(path, generated)

    await page.goto('index.html')
    await page.getByLabel('New plan').fill('Keep me')
    await page.getByRole('button', { name: 'Create plan' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Keep me' })).toBeVisible()
    await page.getByRole('button', { name: 'Plans', exact: true }).click()
    await expect(page.getByRole('rowheader', { name: 'Keep me' })).toBeVisible()
    const before = await idbDump(page)

    bridge.dialog.queueOpen(path)
    await page.getByRole('button', { name: 'Open file…' }).click()
    const alert = page.getByRole('alert')
    await expect(alert).toContainText(bad.name)
    await expect(alert).toContainText(bad.message)

    expect(await idbDump(page)).toBe(before)
    await expect(page.getByRole('table', { name: 'Stored plans' }).getByRole('row')).toHaveCount(2)
    await page.reload()
    expect(await idbDump(page)).toBe(before)
  })
}
