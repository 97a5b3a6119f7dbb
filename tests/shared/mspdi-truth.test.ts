/**
 * Truth test: every sample in tests/fixtures/mspdi-samples (copies of ../shared/mspdi/samples) is read with mspdiRead, re-scheduled by our engine (the dates in
 * the file are cleared first) and every task's Start and Finish is compared, to the minute, with what the file says.
 * For files saved by Microsoft Project those dates are the ones Project computed. Every task must match except the
 * named exceptions below (feature, file, task, reason); an exception that starts matching fails the test too, so the
 * list cannot go stale.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dateFromWallMinutes } from '../../src/shared/domain/dates'
import { scheduleRun } from '../../src/shared/domain/schedule'
import { mspdiRead } from '../../src/shared/formats/mspdi'
import { mspdiSamplesDir } from '../support/samples'


/** Who wrote each sample (../shared/mspdi/SOURCES.md). Only Microsoft Project's own files carry its computed dates. */
const producers: Record<string, string> = {
  'calendar-recurring-exceptions-project2016-mspdi.xml': 'MS Project 2016',
  'issue2000.xml': 'MPXJ-based tool',
  'mspdiduration.xml': 'MS Project 2007',
  'mspdiresource.xml': 'MS Project 2007',
  'officeimo-calendars.xml': 'MS Project 16.0',
  'officeimo-constraints.xml': 'MS Project 16.0',
  'officeimo-relationships.xml': 'MS Project 16.0',
  'officeimo-working-weeks.xml': 'MS Project 16.0',
  'sample1.xml': 'MPXJ writer',
  'task-baselines-project2007-mspdi.xml': 'MS Project 2007',
  'task-links-project2007-mspdi.xml': 'MS Project 2007',
  'task-links-project2010-mspdi.xml': 'MS Project 2010',
}

type Exception = { feature: string; file: string; taskUid: number; reason: string }

const workContours = 'work contours (assignment WorkContour other than flat)'

/** Tasks whose dates the engine does not reproduce, each with the feature it lacks. */
const exceptions: Exception[] = [
  {
    feature: workContours,
    file: 'mspdiresource.xml',
    taskUid: 3,
    reason:
      "Contoured Task's one assignment has WorkContour 7 (turtle: 25/50/75/100/100/100/100/75/50/25 % of the units over ten " +
      'equal parts), so its 40 h of work take 40 h x 10 / 7 = 57.14 h and it finishes 2006-09-08 09:08; Gantry spreads work ' +
      'flat (finishes 2006-09-05 17:00).',
  },
  {
    feature: workContours,
    file: 'mspdiresource.xml',
    taskUid: 0,
    reason: 'The project summary (UID 0) finishes with Contoured Task (UID 3), see above.',
  },
]

type FileResult = {
  file: string
  producer: string
  compared: number
  matched: number
  excepted: number
  mismatches: string[]
  mismatchedUids: number[]
}

/**
 * The project summary task (UID 0) is not imported as a task; its Start and Finish are the project's dates, which the
 * engine computes as `projectStart` / `projectFinish`. Only those two values are taken from the text here.
 */
function projectSummaryDates(text: string): { start: string; finish: string } | null {
  const match = /<Task>\s*<UID>0<\/UID>[\s\S]*?<Start>([^<]+)<\/Start>\s*<Finish>([^<]+)<\/Finish>/.exec(text)
  return match === null ? null : { start: match[1] as string, finish: match[2] as string }
}

function checkFile(file: string): FileResult {
  const text = readFileSync(join(mspdiSamplesDir, file), 'utf8')
  const read = mspdiRead(text)
  if (!read.ok) throw new Error(`${file}: ${read.error.message}`)
  const plan = read.plan
  // What Project wrote, kept aside; the engine then works from a plan whose dates are cleared.
  const expected = plan.tasks.map((task) => ({ start: task.start, finish: task.finish }))
  const cleared = { ...plan, tasks: plan.tasks.map((task) => ({ ...task, start: null, finish: null })) }
  const result = scheduleRun(cleared)
  if (!result.ok) throw new Error(`${file}: ${result.problems.map((problem) => problem.message).join('; ')}`)
  const schedule = result.schedule
  const fileExceptions = new Set(
    exceptions.filter((exception) => exception.file === file).map((exception) => exception.taskUid),
  )
  const outcome: FileResult = {
    file,
    producer: producers[file] ?? 'unknown',
    compared: 0,
    matched: 0,
    excepted: 0,
    mismatches: [],
    mismatchedUids: [],
  }
  const summary = projectSummaryDates(text)
  if (summary !== null) {
    outcome.compared++
    const start = dateFromWallMinutes(schedule.projectStart)
    const finish = dateFromWallMinutes(schedule.projectFinish)
    if (
      start.slice(0, 16) === summary.start.slice(0, 16) &&
      finish.slice(0, 16) === summary.finish.slice(0, 16)
    )
      outcome.matched++
    else {
      outcome.mismatchedUids.push(0)
      if (fileExceptions.has(0)) outcome.excepted++
      else
        outcome.mismatches.push(
          `project summary (UID 0): Project ${summary.start} → ${summary.finish}, engine ${start} → ${finish}`,
        )
    }
  }
  plan.tasks.forEach((task, index) => {
    const want = expected[index]
    if (want === undefined || want.start === null || want.finish === null) return
    outcome.compared++
    const start = dateFromWallMinutes(schedule.start[index] as number)
    const finish = dateFromWallMinutes(schedule.finish[index] as number)
    // Project writes seconds for fractional durations; the engine works in whole minutes, so compare to the minute.
    const isMatch =
      start.slice(0, 16) === want.start.slice(0, 16) && finish.slice(0, 16) === want.finish.slice(0, 16)
    const uid = read.uids[index] ?? task.id
    if (isMatch) outcome.matched++
    else {
      outcome.mismatchedUids.push(uid)
      if (fileExceptions.has(uid)) outcome.excepted++
      else
        outcome.mismatches.push(
          `UID ${uid} "${task.name}": Project ${want.start} → ${want.finish}, engine ${start} → ${finish}`,
        )
    }
  })
  return outcome
}

const files = readdirSync(mspdiSamplesDir)
  .filter((file) => file.endsWith('.xml'))
  .sort()

describe('Microsoft Project truth', () => {
  const results = files.map(checkFile)

  it('prints the match rate per sample file', () => {
    console.log(
      '\n' +
        results
          .map((result) => {
            const rate =
              result.compared === 0
                ? 'n/a (no tasks)'
                : `${((100 * result.matched) / result.compared).toFixed(1)} %`
            return `${result.file.padEnd(52)} ${result.producer.padEnd(16)} ${String(result.matched).padStart(3)}/${String(result.compared).padEnd(3)} ${rate.padStart(7)}  exceptions ${result.excepted}`
          })
          .join('\n'),
    )
    expect(results.length).toBe(Object.keys(producers).length)
  })

  it.each(files)('%s: every task matches Microsoft Project except the named exceptions', (file) => {
    const result = results.find((candidate) => candidate.file === file) as FileResult
    expect(result.mismatches).toEqual([])
  })

  it('has no stale exceptions: every named exception really differs', () => {
    for (const exception of exceptions) {
      const result = results.find((candidate) => candidate.file === exception.file)
      expect(result?.mismatchedUids, `${exception.file} UID ${exception.taskUid}`).toContain(
        exception.taskUid,
      )
      expect(exception.reason.length).toBeGreaterThan(20)
    }
  })

  it('matches every task in the files saved by Microsoft Project, apart from work contours', () => {
    const fromProject = results.filter((result) => result.producer.startsWith('MS Project'))
    const compared = fromProject.reduce((sum, result) => sum + result.compared, 0)
    const matched = fromProject.reduce((sum, result) => sum + result.matched, 0)
    const excepted = exceptions.filter((exception) =>
      (producers[exception.file] ?? '').startsWith('MS Project'),
    )
    expect(excepted.every((exception) => exception.feature === workContours)).toBe(true)
    expect(matched).toBe(compared - excepted.length)
  })

  it('gives the deadline chain of officeimo-constraints.xml the −1 day total slack Project wrote (TotalSlack −4800)', () => {
    const read = mspdiRead(readFileSync(join(mspdiSamplesDir, 'officeimo-constraints.xml'), 'utf8'))
    if (!read.ok) throw new Error(read.error.message)
    const result = scheduleRun(read.plan)
    if (!result.ok) throw new Error('not scheduled')
    const slackOf = (name: string): number => {
      const index = read.plan.tasks.findIndex((task) => task.name === name)
      return result.schedule.totalSlack[index] as number
    }
    // Tenths of a minute in the file: −4800 = −480 working minutes.
    expect(slackOf('Design')).toBe(-480)
    expect(slackOf('Build')).toBe(-480)
    expect(slackOf('Delivery')).toBe(-480)
    expect(slackOf('Release')).toBe(0)
    expect(slackOf('Constraint 4')).toBe(960)
    expect(slackOf('Constraint 1')).toBe(0)
  })
})
