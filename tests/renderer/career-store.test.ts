import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import { afterEach, describe, expect, it } from 'vitest'
import { icsReadEvents } from '../../src/shared/career/ics'
import { certificationMake } from '../../src/shared/career/model'
import type { EducationLogExportRow } from '../../src/shared/career/log'
import type { EducationEntryDraft } from '../../src/shared/career/validate'
import type { GantryPlatform, IpcResult } from '../../src/shared/ipc/contract'
import { CareerDb, careerDbLoad } from '../../src/renderer/src/db/career-db'
import { createCareerStore, type CareerStore } from '../../src/renderer/src/features/career/career-store'

type Saved = { channel: string; text: string; suggestedName: string }
type LogExport = { format: 'csv' | 'xlsx'; rows: EducationLogExportRow[]; suggestedName: string }

/** A platform whose save dialogs record the text and whose restore dialog returns the queued file. */
function fakePlatform() {
  const saved: Saved[] = []
  const logExports: LogExport[] = []
  const restores: IpcResult<{ text: string; fileName: string }>[] = []
  const save = (channel: string) => async (request: { text: string; suggestedName: string }) => {
    saved.push({ channel, ...request })
    return { ok: true as const, value: { fileName: request.suggestedName } }
  }
  const invoke = {
    'career/backup': save('career/backup'),
    'career/exportIcs': save('career/exportIcs'),
    'career/exportLog': async (request: LogExport) => {
      logExports.push(request)
      return { ok: true as const, value: { fileName: `${request.suggestedName}.${request.format}` } }
    },
    'career/restore': async () =>
      restores.shift() ?? { ok: false as const, error: { code: 'canceled' as const, message: 'Canceled.' } },
  }
  const platform = { kind: 'web', invoke } as unknown as GantryPlatform
  return {
    platform,
    saved,
    logExports,
    queueRestore: (text: string, fileName = 'backup.json') =>
      restores.push({ ok: true, value: { text, fileName } }),
  }
}

let counter = 0
const dbs: CareerDb[] = []
function setup() {
  counter += 1
  const db = new CareerDb(`career-store-${process.pid}-${counter}`, { indexedDB, IDBKeyRange })
  dbs.push(db)
  const fake = fakePlatform()
  let ids = 0
  const store: CareerStore = createCareerStore({
    db,
    platform: fake.platform,
    today: () => '2026-11-26',
    nowUtc: () => '2026-11-26T10:00:00.000Z',
    newId: () => `id-${String(++ids).padStart(3, '0')}`,
  })
  return { db, store, ...fake }
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete()
})

function activity(
  category: string,
  units: string,
  change: Partial<EducationEntryDraft> = {},
): EducationEntryDraft {
  return {
    date: '2025-06-01',
    activity: 'Talk',
    activityType: '',
    provider: '',
    parts: [{ category, units }],
    evidence: '',
    note: '',
    ...change,
  }
}

async function addScenario(store: CareerStore) {
  const state = store.getState()
  await state.load()
  expect(
    await state.certificationSave(
      certificationMake('pmp-1', { catalogueId: 'pmp', status: 'earned', earnedOn: '2025-03-15' }),
    ),
  ).toBeNull()
  const draft = activity('Ways of Working', '10', { activity: 'Agile course', provider: 'PMI' })
  expect(await store.getState().educationSave(['pmp-1'], draft)).toBeNull()
  expect(
    await store
      .getState()
      .educationSave(['pmp-1'], activity('Giving Back', '30', { activity: 'Mentoring', provider: 'PMI' })),
  ).toBeNull()
  expect(
    await store
      .getState()
      .salaryAdd({ date: '2025-01-01', amount: '80,000', currency: 'USD', role: 'PM', note: '' }),
  ).toBeNull()
  expect(await store.getState().goalAdd({ title: 'Renew PMP', dueOn: '2028-01-31' })).toBeNull()
  await store.getState().skillSet({ id: 'jira', current: 3, target: 5 })
}

describe('career store', () => {
  it('backs up and restores into a fresh profile, identical', async () => {
    const first = setup()
    await addScenario(first.store)
    expect(await first.store.getState().backup()).toBe(true)
    expect(first.saved[0]).toMatchObject({
      channel: 'career/backup',
      suggestedName: 'gantry-career-2026-11-26.gantry-career.json',
    })

    const second = setup()
    await second.store.getState().load()
    second.queueRestore(first.saved[0].text)
    expect(await second.store.getState().restore()).toBe(true)
    expect(second.store.getState().message).toEqual({ kind: 'info', text: 'Restored backup.json.' })
    expect(await careerDbLoad(second.db)).toEqual(await careerDbLoad(first.db))
    expect(second.store.getState().data).toEqual(first.store.getState().data)
  })

  it.each([
    ['a corrupt backup', (text: string) => text.slice(0, 200), /not valid JSON/],
    [
      'a newer-version backup',
      (text: string) => text.replace('"schemaVersion": 2', '"schemaVersion": 3'),
      /newer version of Gantry/,
    ],
    [
      'a backup with negative units',
      (text: string) => text.replace('"units": 30', '"units": -30'),
      /damaged/,
    ],
  ])('refuses %s with a message and changes nothing', async (_name, damage, message) => {
    const source = setup()
    await addScenario(source.store)
    await source.store.getState().backup()
    const target = setup()
    await target.store.getState().load()
    await target.store.getState().goalAdd({ title: 'Keep me', dueOn: '' })
    const before = await careerDbLoad(target.db)
    target.queueRestore(damage(source.saved[0].text))
    expect(await target.store.getState().restore()).toBe(false)
    const shown = target.store.getState().message
    expect(shown?.kind).toBe('error')
    expect(shown?.text).toMatch(message)
    expect(await careerDbLoad(target.db)).toEqual(before)
  })

  it('a canceled restore shows nothing and changes nothing', async () => {
    const { store } = setup()
    await store.getState().load()
    expect(await store.getState().restore()).toBe(false)
    expect(store.getState().message).toBeNull()
  })

  it.each<[string, EducationEntryDraft, string, RegExp]>([
    ['negative units', activity('Power Skills', '-3'), 'parts.0.units', /negative/],
    ['non-numeric units', activity('Power Skills', 'ten'), 'parts.0.units', /must be a number/],
    ['a date in the future', activity('Power Skills', '2', { date: '2026-11-27' }), 'date', /in the future/],
    [
      'a 100,000-character note',
      activity('Power Skills', '2', { note: 'x'.repeat(100_000) }),
      'note',
      /at most 20,000/,
    ],
  ])('refuses an activity with %s and stores nothing', async (_name, draft, field, message) => {
    const { store, db } = setup()
    await addScenario(store)
    const before = await careerDbLoad(db)
    const problem = await store.getState().educationSave(['pmp-1'], draft)
    expect(problem?.field).toBe(field)
    expect(problem?.message).toMatch(message)
    expect(await careerDbLoad(db)).toEqual(before)
  })

  it('logs a split activity once for two certifications, and edits it in place', async () => {
    const { store, db } = setup()
    await addScenario(store)
    await store
      .getState()
      .certificationSave(
        certificationMake('acp-1', { catalogueId: 'pmi-acp', status: 'earned', earnedOn: '2025-04-01' }),
      )
    const split = activity('Ways of Working', '2', {
      activity: 'Scrum at scale',
      activityType: 'Course or training',
      evidence: 'Receipt 9',
      parts: [
        { category: 'Ways of Working', units: '2' },
        { category: 'Power Skills', units: '1.5' },
      ],
    })
    expect(await store.getState().educationSave(['pmp-1', 'acp-1'], split)).toBeNull()
    const stored = (await careerDbLoad(db)).educationEntries.filter(
      (entry) => entry.activity === 'Scrum at scale',
    )
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({
      certificationIds: ['pmp-1', 'acp-1'],
      activityType: 'Course or training',
      evidence: 'Receipt 9',
      parts: [
        { category: 'Ways of Working', units: 2 },
        { category: 'Power Skills', units: 1.5 },
      ],
    })
    expect(
      await store
        .getState()
        .educationSave(['pmp-1'], { ...split, activity: 'Scrum at scale, day 1' }, stored[0].id),
    ).toBeNull()
    const after = (await careerDbLoad(db)).educationEntries.filter((entry) =>
      entry.activity.startsWith('Scrum at scale'),
    )
    expect(after).toHaveLength(1)
    expect(after[0]).toMatchObject({
      id: stored[0].id,
      activity: 'Scrum at scale, day 1',
      certificationIds: ['pmp-1'],
    })
  })

  it('refuses to count PRINCE2 CPD points toward the PMP, and stores nothing', async () => {
    const { store, db } = setup()
    await addScenario(store)
    await store
      .getState()
      .certificationSave(
        certificationMake('p2', {
          catalogueId: 'prince2-practitioner',
          status: 'earned',
          earnedOn: '2025-04-01',
        }),
      )
    const before = await careerDbLoad(db)
    const problem = await store
      .getState()
      .educationSave(['p2', 'pmp-1'], activity('Professional Experience', '2'))
    expect(problem).toEqual({
      field: 'alsoFor',
      message:
        'Project Management Professional (PMP) does not accept CPD points logged for PRINCE2 Practitioner; log it there separately.',
    })
    expect(await careerDbLoad(db)).toEqual(before)
  })

  it('exports the log lines through the platform, and says how many activities it saved', async () => {
    const { store, logExports } = setup()
    await addScenario(store)
    const rows: EducationLogExportRow[] = [
      {
        entry: 1,
        date: '2025-06-01',
        activity: 'A',
        activityType: '',
        provider: '',
        category: 'Power Skills',
        units: 1,
        unit: 'PDUs',
        certifications: 'PMP',
        evidence: '',
        note: '',
      },
      {
        entry: 1,
        date: '2025-06-01',
        activity: 'A',
        activityType: '',
        provider: '',
        category: 'Ways of Working',
        units: 2,
        unit: 'PDUs',
        certifications: 'PMP',
        evidence: '',
        note: '',
      },
    ]
    expect(await store.getState().exportLog('xlsx', rows)).toBe(true)
    expect(logExports).toEqual([{ format: 'xlsx', rows, suggestedName: 'gantry-education-log-2026-11-26' }])
    expect(store.getState().message).toEqual({
      kind: 'info',
      text: 'Education log with 1 activity saved to gantry-education-log-2026-11-26.xlsx.',
    })
    expect(await store.getState().exportLog('csv', [])).toBe(false)
    expect(store.getState().message?.text).toBe(
      'There are no logged activities to export with these filters.',
    )
  })

  it('links a certification to its study plan', async () => {
    const { store, db } = setup()
    await addScenario(store)
    expect(await store.getState().certificationLinkStudyPlan('pmp-1', 'plan-7')).toBeNull()
    expect((await careerDbLoad(db)).certifications[0].studyPlanId).toBe('plan-7')
  })

  it.each([
    ['an earned date in the future', { earnedOn: '2026-12-01' }, 'earnedOn'],
    ['an expiry before the earned date', { expiresOnOverride: '2025-01-01' }, 'expiresOnOverride'],
  ])('refuses a certification with %s and stores nothing', async (_name, change, field) => {
    const { store, db } = setup()
    await addScenario(store)
    const before = await careerDbLoad(db)
    const record = { ...before.certifications[0], ...change }
    expect((await store.getState().certificationSave(record))?.field).toBe(field)
    expect(await careerDbLoad(db)).toEqual(before)
  })

  it('exports the deadlines as an .ics holding the expiry date', async () => {
    const { store, saved } = setup()
    await addScenario(store)
    expect(await store.getState().exportIcs()).toBe(true)
    const file = saved.find((item) => item.channel === 'career/exportIcs')
    expect(file?.suggestedName).toBe('gantry-career-deadlines-2026-11-26.ics')
    const events = icsReadEvents(file?.text ?? '')
    expect(events.some((event) => event.date === '2028-03-15' && /expires$/.test(event.summary))).toBe(true)
    expect(events.some((event) => event.date === '2028-01-31' && event.summary === 'Goal: Renew PMP')).toBe(
      true,
    )
  })

  it('renews a complete cycle and refuses an incomplete one', async () => {
    const { store } = setup()
    await addScenario(store)
    expect((await store.getState().certificationRenew('pmp-1', '2026-11-01', 'units'))?.message).toMatch(
      /still needs 25 PDUs/,
    )
    expect(await store.getState().certificationRenew('pmp-1', '2026-11-01', 'exam')).toBeNull()
    expect(store.getState().data.certifications[0].renewals).toEqual([
      { renewedOn: '2026-11-01', route: 'exam' },
    ])
  })

  it('deleting a goal and toggling one stores the change', async () => {
    const { store } = setup()
    await addScenario(store)
    const goal = store.getState().data.goals[0]
    await store.getState().goalToggle(goal.id)
    expect(store.getState().data.goals[0]).toMatchObject({ isDone: true, doneOn: '2026-11-26' })
    await store.getState().goalDelete(goal.id)
    expect(store.getState().data.goals).toEqual([])
  })
})
