import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { dateFromWallMinutes } from '../../src/shared/domain/dates'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'
import { mspdiRead } from '../../src/shared/formats/mspdi/read'
import { ExportError, exportPlanCsv, exportPlanMspdi, exportPlanXlsx, exportProblemsMessage, exportSchedule } from '../../src/main/export'
import { SafeSaveError } from '../../src/main/files/safe-save'
import { samplePlan, samplePlanNow } from './export-plans'

function cyclicPlan(): Plan {
  return makePlan('cyclic', 'Cyclic', '2026-03-02T08:00:00', '2026-03-01T00:00:00', {
    tasks: [makeTask(1, { name: 'A' }), makeTask(2, { name: 'B' })],
    dependencies: [
      { id: 1, predecessorId: 1, successorId: 2, type: 'FS', lag: 0, lagUnit: 'd' },
      { id: 2, predecessorId: 2, successorId: 1, type: 'FS', lag: 0, lagUnit: 'd' },
    ],
  })
}

describe('export entry points', () => {
  it.each([
    ['xlsx', (plan: Plan) => exportPlanXlsx(plan, samplePlanNow)],
    ['mspdi', async (plan: Plan) => exportPlanMspdi(plan)],
    ['csv', async (plan: Plan) => exportPlanCsv(plan)],
  ])('%s refuses a plan that cannot be scheduled with a clear message an IPC handler passes on', async (_name, run) => {
    const failure = await run(cyclicPlan()).then(
      () => null,
      (error: unknown) => error,
    )
    expect(failure).toBeInstanceOf(ExportError)
    expect(failure).toBeInstanceOf(SafeSaveError)
    expect((failure as ExportError).code).toBe('invalid-input')
    expect((failure as ExportError).message).toMatch(/^The plan cannot be scheduled, so it cannot be exported: .*cycle/i)
  })

  it('names the first problem and counts the others', () => {
    const problem = { kind: 'self-link' as const, dependencyId: 1, taskId: 1, message: 'Task 1 is linked to itself.' }
    expect(exportProblemsMessage([problem])).toBe('The plan cannot be scheduled, so it cannot be exported: Task 1 is linked to itself.')
    expect(exportProblemsMessage([problem, problem, problem])).toBe(
      'The plan cannot be scheduled, so it cannot be exported: Task 1 is linked to itself. (and 2 more problems)',
    )
  })

  it('writes Microsoft Project XML with the engine dates', () => {
    const plan = samplePlan()
    const schedule = exportSchedule(plan)
    const read = mspdiRead(exportPlanMspdi(plan))
    if (!read.ok) throw new Error(read.error.message)
    expect(read.plan.tasks.map((task) => [task.name, task.start, task.finish])).toEqual(
      plan.tasks.map((task, index) => [task.name, dateFromWallMinutes(schedule.start[index] as number), dateFromWallMinutes(schedule.finish[index] as number)]),
    )
  })

  it('drops characters XML cannot hold and writes line ends as Excel does (LF)', async () => {
    const plan = makePlan('p', 'Control \u0001 characters', '2026-03-02T08:00:00', '2026-03-01T00:00:00', {
      tasks: [makeTask(1, { name: 'Bell\u0007 and \u000bvertical tab\r\nthen text' }), makeTask(2, { name: '\r' })],
    })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(await exportPlanXlsx(plan, samplePlanNow)) as unknown as ArrayBuffer)
    const schedule = book.getWorksheet('Schedule')!
    expect(schedule.getCell('C2').value).toBe('Bell and vertical tab\nthen text')
    expect(schedule.getCell('C3').value).toBe('\n')
  })

  it('exports an empty plan and a plan of one milestone in every format', async () => {
    const empty = makePlan('e', 'Empty', '2026-03-02T08:00:00', '2026-03-01T00:00:00')
    const single = makePlan('m', 'One milestone', '2026-03-02T08:00:00', '2026-03-01T00:00:00', {
      tasks: [makeTask(1, { name: 'Kick-off', duration: 0, isMilestone: true })],
    })
    for (const plan of [empty, single]) {
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(Buffer.from(await exportPlanXlsx(plan, samplePlanNow)) as unknown as ArrayBuffer)
      expect(book.getWorksheet('Schedule')!.rowCount).toBe(plan.tasks.length + 1)
      expect(book.getWorksheet('Milestones')!.rowCount).toBe(plan.tasks.length + 1)
      expect(exportPlanCsv(plan).split('\r\n')).toHaveLength(plan.tasks.length + 2)
      const read = mspdiRead(exportPlanMspdi(plan))
      expect(read.ok && read.plan.tasks.length).toBe(plan.tasks.length)
    }
  })
})
