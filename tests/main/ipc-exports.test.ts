import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createIpcHandlers, type IpcHandlers } from '../../src/main/ipc'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import { mspdiRead } from '../../src/shared/formats/mspdi'
import { appFrame, testDeps, type TestDeps } from './support/main-deps'

// The export IPC handlers: the dialog, the builders of src/main/export, and safe save. The builders' content is
// tested in depth by tests/main/export*; here we check the files reach the disk whole and readable.
function plan(): Plan {
  return makePlan('plan-x', 'Migration =SUM(A1)', '2026-03-02T08:00:00', '2026-02-20T10:00:00', {
    tasks: [makeTask(1, { name: 'Prepare', duration: 960 }), makeTask(2, { name: '=HYPERLINK("x")', duration: 480 })],
    dependencies: [{ id: 1, predecessorId: 1, successorId: 2, type: 'FS', lag: 0, lagUnit: 'd' }],
  })
}

let root: string
let deps: TestDeps
let handlers: IpcHandlers
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gantry-export-ipc-'))
  mkdirSync(join(root, 'userData'))
  deps = testDeps(join(root, 'userData'))
  handlers = createIpcHandlers(deps)
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('export handlers', () => {
  it('export/xlsx writes a workbook exceljs can read, adding the extension', async () => {
    deps.dialog.saveAnswers.push(join(root, 'migration'))
    const result = await handlers['export/xlsx'](appFrame, { plan: plan() })
    expect(result).toEqual({ ok: true, value: { fileName: 'migration.xlsx' } })
    expect(deps.dialog.saveCalls[0]?.defaultPath).toBe('Migration =SUM(A1).xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(readFileSync(join(root, 'migration.xlsx')) as unknown as ArrayBuffer)
    expect(workbook.getWorksheet('Schedule')).toBeDefined()
    expect(deps.progress.at(-1)).toMatchObject({ task: 'export/xlsx', fraction: 1 })
  })

  it('export/mspdi writes XML that the MSPDI reader reads back', async () => {
    deps.dialog.saveAnswers.push(join(root, 'migration.xml'))
    expect((await handlers['export/mspdi'](appFrame, { plan: plan() })).ok).toBe(true)
    const read = mspdiRead(readFileSync(join(root, 'migration.xml'), 'utf8'))
    if (!read.ok) throw new Error(read.error.message)
    expect(read.plan.tasks.map((task) => task.name)).toEqual(['Prepare', '=HYPERLINK("x")'])
  })

  it('export/csv writes UTF-8 with BOM and neutralised formulas', async () => {
    deps.dialog.saveAnswers.push(join(root, 'migration.csv'))
    expect((await handlers['export/csv'](appFrame, { plan: plan() })).ok).toBe(true)
    const text = readFileSync(join(root, 'migration.csv'), 'utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    expect(text).toContain(`'=HYPERLINK`)
  })

  it('refuses a plan that cannot be scheduled and writes nothing', async () => {
    const cyclic = plan()
    cyclic.dependencies.push({ id: 2, predecessorId: 2, successorId: 1, type: 'FS', lag: 0, lagUnit: 'd' })
    const target = join(root, 'cyclic.xml')
    writeFileSync(target, 'previous export')
    deps.dialog.saveAnswers.push(target)
    const result = await handlers['export/mspdi'](appFrame, { plan: cyclic })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toMatch(/cannot be scheduled/)
    expect(readFileSync(target, 'utf8')).toBe('previous export')
  })
})
