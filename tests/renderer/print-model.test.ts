/**
 * What the printed Gantt shows for issue 14's tasks: the Mode, Work and Type columns as the task grid writes them,
 * a manual task's typed (or blank) duration and dates, the marks of its bar (blank ends, a broken link, a manual
 * summary's rolled-up span) and the legend entries they need. The drawing itself is checked in e2e (print.spec.ts).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { scheduleRun } from '../../src/shared/domain/schedule/engine'
import type { Plan, Task } from '../../src/shared/domain/model'
import { planFileParse } from '../../src/shared/formats/plan-file'
import { printSetupDefault, type PrintColumnKey } from '../../src/shared/print/page-setup'
import { printModelBuild, type PrintModel } from '../../src/renderer/src/features/print/print-model'

function fixturePlan(): Plan {
  const parsed = planFileParse(readFileSync(join(__dirname, '..', 'fixtures', 'plans', 'v3-raid.gantry'), 'utf8'))
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.plan
}

function withTask(plan: Plan, id: number, change: Partial<Task>): Plan {
  return { ...plan, tasks: plan.tasks.map((task) => (task.id === id ? { ...task, ...change } : task)) }
}

function modelOf(plan: Plan, columns: PrintColumnKey[]): PrintModel {
  const scheduled = scheduleRun(plan)
  if (!scheduled.ok) throw new Error(scheduled.problems[0]?.message)
  const result = printModelBuild(plan, scheduled.schedule, { ...printSetupDefault, columns }, '2025-03-20T09:30:00')
  if (!result.ok) throw new Error(result.problem.message)
  return result.model
}

function rowOf(model: PrintModel, name: string) {
  const row = model.rows.find((candidate) => model.plan.tasks[candidate.taskIndex]?.name === name)
  if (row === undefined) throw new Error(`no printed row ${name}`)
  return row
}

describe('print model of manual tasks, work and task types', () => {
  it('writes the Mode, Work and Type columns as the task grid does', () => {
    const model = modelOf(fixturePlan(), ['id', 'mode', 'name', 'work', 'type'])
    expect(model.layout.columns.map((column) => column.label)).toEqual(['ID', 'Mode', 'Task name', 'Work', 'Type'])
    expect(model.rows.map((row) => [row.cells.name, row.cells.mode, row.cells.work, row.cells.type])).toEqual([
      ['Discovery', 'Auto', '24h', 'Fixed Units'],
      ['Stakeholder interviews', 'Auto', '24h', 'Fixed Units'],
      ['Requirements signed off', 'Auto', '0h', 'Fixed Units'],
      ['Build', 'Auto', '100h', 'Fixed Units'],
      ['Design system', 'Auto', '20h', 'Fixed Units'],
      ['Content migration', 'Auto', '80h', 'Fixed Work'],
      ['Go live', 'Manual', '0h', 'Fixed Units'],
    ])
  })

  it('prints a manual task with a blank finish: its typed start, a blank duration and finish, a faded finish end', () => {
    const plan = withTask(fixturePlan(), 6, {
      schedulingMode: 'manual',
      manualStart: '2025-03-24T08:00:00',
      manualFinish: null,
      manualDuration: null,
    })
    const model = modelOf(plan, ['id', 'name', 'duration', 'start', 'finish'])
    const row = rowOf(model, 'Content migration')
    expect(row.cells).toMatchObject({ duration: '', start: '2025-03-24', finish: '' })
    expect(row.manual).toEqual({ isOpenStart: false, isOpenFinish: true, rollup: null })
    expect(row.bar?.kind).toBe('task')
    expect(model.hasManual).toBe(true)
    // An automatic task has no manual marks.
    expect(rowOf(model, 'Design system').manual).toBeNull()
  })

  it('marks a manual task whose typed start breaks its link, and no other', () => {
    // Go live must follow the content migration (finish-to-start); typed a month earlier, the link is not met.
    const plan = withTask(fixturePlan(), 7, {
      manualStart: '2025-03-10T17:00:00',
      manualFinish: '2025-03-10T17:00:00',
    })
    const model = modelOf(plan, ['id', 'name'])
    expect(model.rows.filter((row) => row.hasViolation).map((row) => row.cells.name)).toEqual(['Go live'])
    expect(model.hasViolation).toBe(true)
    expect(modelOf(fixturePlan(), ['id', 'name']).hasViolation).toBe(false)
  })

  it('gives a manual summary the rolled-up span of its tasks, marked when they run past its own finish', () => {
    const plan = withTask(fixturePlan(), 4, {
      schedulingMode: 'manual',
      manualStart: '2025-03-10T08:00:00',
      manualFinish: '2025-03-14T17:00:00',
      manualDuration: 2400,
    })
    const model = modelOf(plan, ['id', 'name'])
    const row = rowOf(model, 'Build')
    expect(row.bar?.kind).toBe('summary')
    const rollup = row.manual?.rollup
    if (rollup === undefined || rollup === null) throw new Error('no rollup')
    expect(rollup.isBeyond).toBe(true)
    expect(rollup.x1).toBeGreaterThan(row.bar?.x1 ?? Infinity)
  })
})
