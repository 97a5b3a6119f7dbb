/**
 * Truth test: every sample in tests/fixtures/mspdi-samples (copies of ../shared/mspdi/samples) is read with mspdiRead
 * and re-scheduled by our engine (the task and assignment dates in the file are cleared first), and what the engine
 * and the load compute is compared with what the file says:
 * - dates: every task's Start and Finish (and the UID 0 project summary's), to the minute;
 * - work: every task's and every assignment's Work the file states, to the minute of work (a summary's is its rollup;
 *   the UID 0 summary's the plan's total);
 * - over-allocated and peak: each resource's OverAllocated flag, and its PeakUnits to 1/100 (1 = 100 %).
 * For files saved by Microsoft Project those values are the ones Project computed. Every value must match except the
 * named exceptions below (what, file, item, the feature or the cause, why); an exception that starts matching fails
 * the test too, so the list cannot go stale. The match rates per sample are printed and held at their measured
 * level, so a regression fails.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dateFromWallMinutes } from '../../src/shared/domain/dates'
import { loadCompute } from '../../src/shared/domain/load'
import { scheduleRun } from '../../src/shared/domain/schedule'
import { mspdiParseDuration, mspdiRead } from '../../src/shared/formats/mspdi'
import { mspdiParseXml, type XmlNode, type XmlValue } from '../../src/shared/formats/mspdi/xml'
import { mspdiSamplesDir } from '../support/samples'

/** Who wrote each sample (../shared/mspdi/SOURCES.md). Only Microsoft Project's own files carry its computed values. */
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

type Kind = 'dates' | 'work' | 'overallocated' | 'peak'
const kinds: Kind[] = ['dates', 'work', 'overallocated', 'peak']

/** `item`: `task <UID>`, `assignment <UID>` or `resource <UID>`. */
type Exception = { kind: Kind; feature: string; file: string; item: string; reason: string }

const workContours = 'work contours (assignment WorkContour other than flat)'
const notFromProject = 'inconsistent source data (file not written by Microsoft Project)'

/** Values the engine or the load do not reproduce, each with the feature it lacks or the cause. */
const exceptions: Exception[] = [
  {
    kind: 'dates',
    feature: workContours,
    file: 'mspdiresource.xml',
    item: 'task 3',
    reason:
      "Contoured Task's one assignment has WorkContour 7 (turtle: 25/50/75/100/100/100/100/75/50/25 % of the units over ten " +
      'equal parts), so its 40 h of work take 40 h x 10 / 7 = 57.14 h and it finishes 2006-09-08 09:08; Gantry spreads work ' +
      'flat (finishes 2006-09-05 17:00).',
  },
  {
    kind: 'dates',
    feature: workContours,
    file: 'mspdiresource.xml',
    item: 'task 0',
    reason: 'The project summary (UID 0) finishes with Contoured Task (UID 3), see above.',
  },
  {
    kind: 'peak',
    feature: notFromProject,
    file: 'issue2000.xml',
    item: 'resource 1',
    reason:
      'The MPXJ-based tool wrote PeakUnits 1 for "Worker", who has no assignment at all (the file has no <Assignment> to ' +
      'a resource); Microsoft Project writes 0 for an unassigned resource (every MS Project sample does), as Gantry computes.',
  },
]

type Tally = { compared: number; matched: number; excepted: number; mismatches: string[]; mismatched: string[] }
type FileResult = { file: string; producer: string } & Record<Kind, Tally>

function tally(): Tally {
  return { compared: 0, matched: 0, excepted: 0, mismatches: [], mismatched: [] }
}

function nodes(value: XmlValue | undefined): XmlNode[] {
  if (value === undefined) return []
  const list = Array.isArray(value) ? value : [value]
  return list.filter((item): item is XmlNode => typeof item === 'object' && item !== null && !Array.isArray(item))
}

function textOf(node: XmlNode, name: string): string | undefined {
  const value = node[name]
  return typeof value === 'string' ? value.trim() : undefined
}

/** Minutes of a `PT…H…M…S` value, or null when the element is absent. */
function minutesOf(node: XmlNode, name: string): number | null {
  const value = textOf(node, name)
  return value === undefined ? null : mspdiParseDuration(value)
}

function checkFile(file: string): FileResult {
  const text = readFileSync(join(mspdiSamplesDir, file), 'utf8')
  const read = mspdiRead(text)
  if (!read.ok) throw new Error(`${file}: ${read.error.message}`)
  const parsed = mspdiParseXml(text)
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error.message}`)
  const project = parsed.project
  const plan = read.plan
  // The engine works from a plan whose computed dates are cleared; what Project wrote is read from the XML itself.
  const cleared = {
    ...plan,
    tasks: plan.tasks.map((task) => ({ ...task, start: null, finish: null })),
    assignments: plan.assignments.map((assignment) => ({ ...assignment, start: null, finish: null })),
  }
  const result = scheduleRun(cleared)
  if (!result.ok) throw new Error(`${file}: ${result.problems.map((problem) => problem.message).join('; ')}`)
  const schedule = result.schedule
  const load = loadCompute(cleared, schedule)
  const outcome: FileResult = {
    file,
    producer: producers[file] ?? 'unknown',
    dates: tally(),
    work: tally(),
    overallocated: tally(),
    peak: tally(),
  }
  const record = (kind: Kind, item: string, isMatch: boolean, description: () => string): void => {
    const counts = outcome[kind]
    counts.compared++
    if (isMatch) {
      counts.matched++
      return
    }
    counts.mismatched.push(item)
    if (exceptions.some((exception) => exception.kind === kind && exception.file === file && exception.item === item)) counts.excepted++
    else counts.mismatches.push(`${item}: ${description()}`)
  }
  const sameMinute = (a: string, b: string): boolean => a.slice(0, 16) === b.slice(0, 16)

  // Tasks: dates and work. The UID 0 project summary stands for the whole plan.
  const taskNodes = nodes((project.Tasks as XmlNode | undefined)?.Task)
  const topLevelWork = plan.tasks.reduce((sum, task, index) => (task.level === 1 ? sum + (schedule.work[index] as number) : sum), 0)
  for (const node of taskNodes) {
    const uid = Number(textOf(node, 'UID'))
    const index = uid === 0 ? -1 : schedule.indexOf.get(uid)
    if (index === undefined) continue
    const wantStart = textOf(node, 'Start')
    const wantFinish = textOf(node, 'Finish')
    if (wantStart !== undefined && wantFinish !== undefined) {
      const start = dateFromWallMinutes(index === -1 ? schedule.projectStart : (schedule.start[index] as number))
      const finish = dateFromWallMinutes(index === -1 ? schedule.projectFinish : (schedule.finish[index] as number))
      // Project writes seconds for fractional durations; the engine works in whole minutes, so compare to the minute.
      record('dates', `task ${uid}`, sameMinute(start, wantStart) && sameMinute(finish, wantFinish), () => `Project ${wantStart} → ${wantFinish}, engine ${start} → ${finish}`)
    }
    const wantWork = minutesOf(node, 'Work')
    if (wantWork !== null) {
      const work = index === -1 ? topLevelWork : (schedule.work[index] as number)
      record('work', `task ${uid}`, Math.abs(work - wantWork) < 1, () => `Project ${wantWork / 60} h, engine ${work / 60} h`)
    }
  }

  // Assignments: work (assignments to Project's "no resource" are not read).
  const positionById = new Map(cleared.assignments.map((assignment, position) => [assignment.id, position]))
  for (const node of nodes((project.Assignments as XmlNode | undefined)?.Assignment)) {
    if (Number(textOf(node, 'ResourceUID')) <= 0) continue
    const uid = Number(textOf(node, 'UID'))
    const position = positionById.get(uid)
    const wantWork = minutesOf(node, 'Work')
    if (position === undefined || wantWork === null) continue
    const work = schedule.assignmentWork[position] as number
    record('work', `assignment ${uid}`, Math.abs(work - wantWork) < 1, () => `Project ${wantWork / 60} h, engine ${work / 60} h`)
  }

  // Resources: OverAllocated and PeakUnits (UID 0 is Project's unassigned row, not a resource).
  for (const node of nodes((project.Resources as XmlNode | undefined)?.Resource)) {
    const uid = Number(textOf(node, 'UID'))
    if (uid <= 0 || textOf(node, 'IsNull') === '1') continue
    const resourceLoad = load.byResource.get(uid)
    if (resourceLoad === undefined) continue
    const over = textOf(node, 'OverAllocated')
    if (over !== undefined) {
      const want = over === '1'
      record('overallocated', `resource ${uid}`, resourceLoad.isOverallocated === want, () => `Project ${want}, load ${resourceLoad.isOverallocated}`)
    }
    const peak = textOf(node, 'PeakUnits')
    if (peak !== undefined) {
      const want = Number(peak) * 100
      record('peak', `resource ${uid}`, Math.abs(resourceLoad.peakUnitsMax - want) < 1, () => `Project ${want} %, load ${resourceLoad.peakUnitsMax} %`)
    }
  }
  return outcome
}

const files = readdirSync(mspdiSamplesDir)
  .filter((file) => file.endsWith('.xml'))
  .sort()

/**
 * The match rates measured (matched/compared per kind); the test holds every sample at this level, so a change that
 * loses a match fails here, and one that gains a match must update this table (and the exceptions).
 */
const measured: Record<string, Record<Kind, string>> = {
  'calendar-recurring-exceptions-project2016-mspdi.xml': { dates: '1/1', work: '1/1', overallocated: '0/0', peak: '0/0' },
  'issue2000.xml': { dates: '2/2', work: '0/0', overallocated: '1/1', peak: '0/1' },
  'mspdiduration.xml': { dates: '11/11', work: '11/11', overallocated: '0/0', peak: '0/0' },
  'mspdiresource.xml': { dates: '2/4', work: '9/9', overallocated: '4/4', peak: '4/4' },
  'officeimo-calendars.xml': { dates: '5/5', work: '6/6', overallocated: '1/1', peak: '1/1' },
  'officeimo-constraints.xml': { dates: '13/13', work: '14/14', overallocated: '1/1', peak: '1/1' },
  'officeimo-relationships.xml': { dates: '11/11', work: '12/12', overallocated: '1/1', peak: '1/1' },
  'officeimo-working-weeks.xml': { dates: '5/5', work: '6/6', overallocated: '1/1', peak: '1/1' },
  'sample1.xml': { dates: '23/23', work: '11/11', overallocated: '2/2', peak: '2/2' },
  'task-baselines-project2007-mspdi.xml': { dates: '56/56', work: '56/56', overallocated: '0/0', peak: '0/0' },
  'task-links-project2007-mspdi.xml': { dates: '17/17', work: '17/17', overallocated: '0/0', peak: '0/0' },
  'task-links-project2010-mspdi.xml': { dates: '17/17', work: '17/17', overallocated: '0/0', peak: '0/0' },
}

function rate(counts: Tally): string {
  return `${counts.matched}/${counts.compared}`
}

describe('Microsoft Project truth', () => {
  const results = files.map(checkFile)

  it('prints the match rates per sample file (dates, work, over-allocated flag, peak units)', () => {
    console.log(
      '\n' +
        results
          .map((result) => {
            const figures = kinds.map((kind) => `${kind} ${rate(result[kind]).padEnd(5)}`).join('  ')
            const excepted = kinds.reduce((sum, kind) => sum + result[kind].excepted, 0)
            return `${result.file.padEnd(52)} ${result.producer.padEnd(16)} ${figures}  exceptions ${excepted}`
          })
          .join('\n'),
    )
    expect(results.length).toBe(Object.keys(producers).length)
  })

  it.each(files)('%s: everything matches Microsoft Project except the named exceptions', (file) => {
    const result = results.find((candidate) => candidate.file === file) as FileResult
    expect(kinds.flatMap((kind) => result[kind].mismatches.map((line) => `${kind} ${line}`))).toEqual([])
  })

  it.each(files)('%s: the match rates stay at their measured level', (file) => {
    const result = results.find((candidate) => candidate.file === file) as FileResult
    expect(Object.fromEntries(kinds.map((kind) => [kind, rate(result[kind])]))).toEqual(measured[file])
  })

  it('compares work, the over-allocation flag and peak units on every sample that has them', () => {
    const sum = (kind: Kind) => results.reduce((total, result) => total + result[kind].compared, 0)
    // Every sample with resources is compared (Project writes OverAllocated and PeakUnits for each).
    const withResources = results.filter((result) => result.overallocated.compared > 0).map((result) => result.file)
    expect(withResources).toEqual(['issue2000.xml', 'mspdiresource.xml', 'officeimo-calendars.xml', 'officeimo-constraints.xml', 'officeimo-relationships.xml', 'officeimo-working-weeks.xml', 'sample1.xml'])
    expect([sum('work'), sum('overallocated'), sum('peak')]).toEqual([160, 11, 11])
  })

  it('has no stale exceptions: every named exception really differs', () => {
    for (const exception of exceptions) {
      const result = results.find((candidate) => candidate.file === exception.file)
      expect(result?.[exception.kind].mismatched, `${exception.file} ${exception.kind} ${exception.item}`).toContain(exception.item)
      expect(exception.reason.length).toBeGreaterThan(20)
    }
  })

  it('matches everything in the files saved by Microsoft Project, apart from work contours', () => {
    const fromProject = results.filter((result) => result.producer.startsWith('MS Project'))
    for (const kind of kinds) {
      const compared = fromProject.reduce((sum, result) => sum + result[kind].compared, 0)
      const matched = fromProject.reduce((sum, result) => sum + result[kind].matched, 0)
      const excepted = exceptions.filter((exception) => exception.kind === kind && (producers[exception.file] ?? '').startsWith('MS Project'))
      expect(excepted.every((exception) => exception.feature === workContours)).toBe(true)
      expect(matched, kind).toBe(compared - excepted.length)
    }
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
