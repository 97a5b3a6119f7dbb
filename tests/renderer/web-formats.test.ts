import { describe, expect, it } from 'vitest'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import { planFileParse } from '../../src/shared/formats/plan-file'
import type { ImportJobEvents, ImportJobRequest } from '../../src/shared/formats/import-job'
import { webImport, webImportInPage, webSavePlanText, type WebImportWorkerStart } from '../../src/renderer/src/platform/web-formats'

/**
 * Browser mode's imports run the shared pipeline in a Web Worker; here the worker is stood in for by the same
 * pipeline run in the page (`webImportInPage`), or by a worker that never answers, to test Cancel and the time limit.
 */
const inPage = { start: webImportInPage }

/** A worker that never answers; it records whether it was terminated. */
function silentWorker(): { start: WebImportWorkerStart; terminated: () => boolean; requests: ImportJobRequest[] } {
  let isTerminated = false
  const requests: ImportJobRequest[] = []
  return {
    start: (request: ImportJobRequest, _events: ImportJobEvents) => {
      requests.push(request)
      return { terminate: () => void (isTerminated = true) }
    },
    terminated: () => isTerminated,
    requests,
  }
}

describe('browser-mode imports', () => {
  it('returns a CSV plan with the warning about a linked task typed to start too early', async () => {
    const result = await webImport('csv', 'Name,Duration,Start,Predecessors\r\nDesign,5d,2026-03-02,\r\nBuild,3d,2026-03-03,1\r\n', 'early.csv', {
      planId: 'imported-csv',
      ...inPage,
    })
    if (!result.ok) throw new Error(result.message)
    expect(result.value.plan.name).toBe('early')
    expect(result.value.fileName).toBe('early.csv')
    expect(result.value.plan.tasks.map((task) => task.name)).toEqual(['Design', 'Build'])
    expect(result.value.warnings).toEqual(['The start on line 3 (Build) is before its predecessors allow; the links decide.'])
  })

  it('returns a Microsoft Project plan with the warning about the missing project calendar, with progress', async () => {
    const fractions: number[] = []
    const result = await webImport(
      'mspdi',
      '<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project"><Name>Bare</Name>' +
        '<StartDate>2026-03-02T08:00:00</StartDate><Tasks><Task><UID>1</UID><ID>1</ID><Name>Only task</Name>' +
        '<Duration>PT16H0M0S</Duration></Task></Tasks></Project>',
      'bare.xml',
      { planId: 'imported-xml', onProgress: (fraction) => fractions.push(fraction), ...inPage },
    )
    if (!result.ok) throw new Error(result.message)
    expect(result.value.plan.id).toBe('imported-xml')
    expect(result.value.plan.tasks.map((task) => task.name)).toEqual(['Only task'])
    expect(result.value.warnings).toEqual(['The file has no usable project calendar; the Standard calendar (Monday-Friday 08:00-17:00) was used.'])
    expect(fractions.at(-1)).toBe(1)
  })

  it("returns no warnings for a clean CSV and the reader's message for a bad one", async () => {
    const clean = await webImport('csv', 'Name,Duration,Predecessors\r\nDesign,3d,\r\nBuild,5d,1\r\n', 'clean.csv', { planId: 'x', ...inPage })
    if (!clean.ok) throw new Error(clean.message)
    expect(clean.value.warnings).toEqual([])
    const bad = await webImport('csv', 'Duration\r\n3d\r\n', 'bad.csv', { planId: 'y', ...inPage })
    expect(bad).toEqual({ ok: false, code: 'bad-file', message: expect.stringMatching(/^"bad\.csv" cannot be imported\. The first line/) })
  })

  it('sends the worker the text, the type and the new id, and stops it on Cancel', async () => {
    const worker = silentWorker()
    const controller = new AbortController()
    const pending = webImport('mspdi', '<Project/>', 'slow.xml', { planId: 'p1', signal: controller.signal, start: worker.start })
    expect(worker.requests).toEqual([expect.objectContaining({ text: '<Project/>', fileName: 'slow.xml', kind: 'mspdi', planId: 'p1' })])
    controller.abort()
    expect(await pending).toEqual({ ok: false, code: 'canceled', message: 'The import was canceled.' })
    expect(worker.terminated()).toBe(true)
  })

  it('stops a worker that does not answer within the time limit, with a message naming the file', async () => {
    const worker = silentWorker()
    const result = await webImport('csv', 'Name\r\nA\r\n', 'stuck.csv', { planId: 'p2', timeLimitMs: 50, start: worker.start })
    expect(result).toEqual({ ok: false, code: 'too-large', message: expect.stringMatching(/^"stuck\.csv" cannot be imported: reading it took longer than 50 milliseconds and was stopped/) })
    expect(worker.terminated()).toBe(true)
  })

  it('turns a worker that fails into a one-line refusal', async () => {
    const failing: WebImportWorkerStart = (_request, events) => {
      queueMicrotask(() => events.failure('out of\nmemory', true))
      return { terminate: () => undefined }
    }
    const result = await webImport('mspdi', '<Project/>', 'huge.xml', { planId: 'p3', start: failing })
    expect(result).toEqual({ ok: false, code: 'too-large', message: '"huge.xml" cannot be imported. The file is too large: reading it ran out of memory.' })
  })
})

describe('browser-mode save', () => {
  it('downloads only a plan the .gantry reader accepts', () => {
    const plan = makePlan('p', 'Plan', '2026-03-02T08:00:00', '2026-03-01T00:00:00', { tasks: [makeTask(1, { name: 'A' })] })
    const saved = webSavePlanText(plan)
    if (!saved.ok) throw new Error(saved.message)
    expect(planFileParse(saved.value).ok).toBe(true)
    // What the issue found: a percent lag typed as 1FS+99999999999% and a 1,000-character name.
    const lag = { ...plan, tasks: [makeTask(1), makeTask(2)], dependencies: [{ id: 1, predecessorId: 1, successorId: 2, type: 'FS' as const, lag: 99_999_999_999, lagUnit: '%' as const }] }
    expect(webSavePlanText(lag)).toEqual({ ok: false, message: expect.stringMatching(/^This plan cannot be written: dependencies\.0\.lag: .*Nothing was written\.$/) })
    const name = { ...plan, tasks: [makeTask(1, { name: 'x'.repeat(1001) })] }
    expect(webSavePlanText(name)).toEqual({ ok: false, message: expect.stringMatching(/^This plan cannot be written: tasks\.0\.name: /) })
  })
})
