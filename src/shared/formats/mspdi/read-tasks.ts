import { makeTask } from '../../domain/defaults'
import type { Baseline, Dependency, IsoDateTime, Task } from '../../domain/model'
import { validateFindCycle } from '../../domain/validate'
import { mspdiConstraintByCode, mspdiDurationUnit, mspdiLagUnit, mspdiLinkTypeByCode } from './codes'
import {
  cleanName,
  decimal,
  flag,
  integer,
  invalid,
  list,
  maxId,
  maxMinutes,
  maxNotesLength,
  ReadError,
  shorten,
  taskLabel,
  text,
  trimmed,
  type ReadContext,
} from './read-access'
import { dateTime, duration } from './read-values'
import type { XmlNode } from './xml'

/*
 * The tasks of a Microsoft Project XML file and the predecessor links between them.
 */

/** Most tasks of a circle named in a message; a circle of 100,000 tasks would make a message of megabytes. */
const cycleNamesMax = 12

/** The tasks of a circle as `"A" (UID 1) → "B" (UID 2) → "A" (UID 1)`, the middle left out of a long one. */
export function cycleText(cycle: readonly Pick<Task, 'id' | 'name'>[]): string {
  const label = (task: Pick<Task, 'id' | 'name'>): string => (task.name.trim() === '' ? `UID ${task.id}` : `"${shorten(task.name)}" (UID ${task.id})`)
  const first = cycle[0]
  if (first === undefined) return ''
  const shown = cycle.length > cycleNamesMax ? [...cycle.slice(0, cycleNamesMax - 1).map(label), `… ${cycle.length - cycleNamesMax} more …`, label(cycle[cycle.length - 1] as Pick<Task, 'id' | 'name'>)] : cycle.map(label)
  return [...shown, label(first)].join(' → ')
}

/** Most tasks one file may hold. */
export const mspdiMaxTasks = 500_000

export type ReadTasks = {
  tasks: Task[]
  /** Per task, its MSPDI UID (equal to `Task.id`). */
  uids: number[]
  indexByUid: Map<number, number>
  /** The `<PredecessorLink>` elements, with the index of the task that holds them. */
  linkNodes: { successorIndex: number; link: XmlNode }[]
  /** The earliest task Start in the file (the plan start when the header has none). */
  earliestStart: IsoDateTime | null
}

/**
 * Reads every task but the UID 0 project summary, in file order (the outline order). Blank rows (`IsNull`) are left
 * out with a warning; manual and inactive tasks are scheduled like the others, with a warning.
 * @param onProgress called with 0..1 as the tasks are read
 */
export function readTasks(
  taskNodes: readonly XmlNode[],
  calendarIds: ReadonlySet<number>,
  context: ReadContext,
  onProgress: (fraction: number) => void,
): ReadTasks {
  const warnings = context.warnings
  const tasks: Task[] = []
  const uids: number[] = []
  const indexByUid = new Map<number, number>()
  const linkNodes: { successorIndex: number; link: XmlNode }[] = []
  let manualCount = 0
  let inactiveCount = 0
  let nullCount = 0
  let previousLevel = 0
  const total = taskNodes.length
  const step = Math.max(1000, Math.floor(total / 50))
  for (let position = 0; position < total; position++) {
    if (position % step === 0) onProgress(position / Math.max(1, total))
    const node = taskNodes[position] as XmlNode
    const uid = integer(node, 'UID', `Task ${position + 1} in the file`)
    if (uid === null) invalid(`Task ${position + 1} in the file has no UID.`)
    if (uid === 0) continue
    if (flag(node, 'IsNull')) {
      nullCount++
      continue
    }
    if (uid < 0 || uid > maxId) invalid(`Task ${position + 1} in the file has an invalid UID ${uid}.`)
    const taskName = cleanName(text(node, 'Name'), `The name of task UID ${uid}`, warnings)
    const where = taskLabel(taskName, uid)
    const existing = indexByUid.get(uid)
    if (existing !== undefined) {
      invalid(`Two tasks use UID ${uid} ("${shorten((tasks[existing] as Task).name)}" and "${shorten(taskName)}"); each task needs its own UID.`)
    }
    let level = integer(node, 'OutlineLevel', where)
    if (level === null) {
      const outlineNumber = trimmed(node, 'OutlineNumber')
      level = outlineNumber === undefined ? 1 : outlineNumber.split('.').length
    }
    if (level < 1) level = 1
    if (level > previousLevel + 1) {
      if (tasks.length > 0) {
        warnings.push(`${where} was indented more than one level below the task above it; it was moved up to level ${previousLevel + 1}.`)
      }
      level = previousLevel + 1
    }
    previousLevel = level

    const durationMinutes = duration(node, 'Duration', where) ?? 0
    const task = makeTask(uid, {
      name: taskName,
      level,
      duration: durationMinutes,
      durationUnit: mspdiDurationUnit(integer(node, 'DurationFormat', where)),
      isMilestone: flag(node, 'Milestone'),
      start: dateTime(node, 'Start', where),
      finish: dateTime(node, 'Finish', where),
      actualStart: dateTime(node, 'ActualStart', where),
      actualFinish: dateTime(node, 'ActualFinish', where),
      deadline: dateTime(node, 'Deadline', where),
    })
    const notes = text(node, 'Notes')
    if (notes !== undefined) task.notes = cleanName(notes, `The notes of ${where}`, warnings, maxNotesLength)
    const percent = decimal(node, 'PercentComplete', where)
    if (percent !== null) {
      if (percent < 0 || percent > 100) warnings.push(`${where}: PercentComplete ${percent} was limited to 0..100.`)
      task.percentComplete = Math.min(100, Math.max(0, percent))
    }
    const priority = integer(node, 'Priority', where)
    if (priority !== null) task.priority = Math.min(1000, Math.max(0, priority))
    const constraintCode = integer(node, 'ConstraintType', where)
    if (constraintCode !== null) {
      const type = mspdiConstraintByCode[constraintCode]
      if (type === undefined) invalid(`${where}: ConstraintType ${constraintCode} is not a Microsoft Project constraint (0-7).`)
      const date = dateTime(node, 'ConstraintDate', where)
      if (type === 'ASAP' || type === 'ALAP') task.constraint = { type, date: null }
      else if (date === null) warnings.push(`${where}: constraint ${type} has no ConstraintDate; it was read as "as soon as possible".`)
      else task.constraint = { type, date }
    }
    const calendarUid = integer(node, 'CalendarUID', where)
    if (calendarUid !== null && calendarUid >= 0) {
      if (calendarIds.has(calendarUid)) task.calendarId = calendarUid
      else warnings.push(`${where} uses calendar ${calendarUid}, which is not in the file; the project calendar was used.`)
    }
    const levelingDelay = decimal(node, 'LevelingDelay', where)
    if (levelingDelay !== null && levelingDelay > 0) task.levelingDelay = Math.min(maxMinutes, levelingDelay / 10)
    for (const baseline of list(node, 'Baseline', context)) {
      if (integer(baseline, 'Number', where) !== 0) continue
      const value: Baseline = {
        start: dateTime(baseline, 'Start', `${where}, baseline`),
        finish: dateTime(baseline, 'Finish', `${where}, baseline`),
        duration: duration(baseline, 'Duration', `${where}, baseline`),
      }
      if (value.start !== null || value.finish !== null || value.duration !== null) task.baseline = value
    }
    if (task.start !== null && task.finish !== null && task.finish < task.start) {
      warnings.push(`${where} finishes (${task.finish}) before it starts (${task.start}); the schedule will recompute both.`)
    }
    if (flag(node, 'Manual')) manualCount++
    if (trimmed(node, 'Active') === '0') inactiveCount++
    indexByUid.set(uid, tasks.length)
    uids.push(uid)
    for (const link of list(node, 'PredecessorLink', context)) linkNodes.push({ successorIndex: tasks.length, link })
    tasks.push(task)
  }
  if (tasks.length > mspdiMaxTasks) invalid(`The file has more than ${mspdiMaxTasks.toLocaleString('en-US')} tasks.`)
  if (nullCount > 0) warnings.push(`${nullCount} blank task row(s) were left out.`)
  if (manualCount > 0) {
    warnings.push(`${manualCount} task(s) are manually scheduled in Microsoft Project; Gantry schedules them automatically.`)
  }
  if (inactiveCount > 0) warnings.push(`${inactiveCount} task(s) are inactive in Microsoft Project; Gantry schedules them as active tasks.`)
  const earliestStart = tasks.reduce<IsoDateTime | null>((min, task) => (task.start !== null && (min === null || task.start < min) ? task.start : min), null)
  return { tasks, uids, indexByUid, linkNodes, earliestStart }
}

/**
 * The predecessor links of the tasks read. Links to another project are left out with a warning, a second link
 * between the same two tasks too; a link to a missing task, to the task itself, or links that form a circle refuse
 * the file.
 */
export function readLinks(read: ReadTasks, context: ReadContext): Dependency[] {
  const { tasks, indexByUid, linkNodes } = read
  const warnings = context.warnings
  const dependencies: Dependency[] = []
  const successors: number[][] = tasks.map(() => [])
  const seenLinks = new Set<string>()
  for (const { successorIndex, link } of linkNodes) {
    const successor = tasks[successorIndex] as Task
    const where = taskLabel(successor.name, successor.id)
    const predecessorUid = integer(link, 'PredecessorUID', `${where}, a predecessor link`)
    if (predecessorUid === null) invalid(`${where} has a predecessor link without a PredecessorUID.`)
    if (flag(link, 'CrossProject')) {
      warnings.push(`${where}: a link to another project (${shorten(text(link, 'CrossProjectName') ?? '')}) was left out.`)
      continue
    }
    const predecessorIndex = indexByUid.get(predecessorUid)
    if (predecessorIndex === undefined) {
      invalid(`${where} has a predecessor with UID ${predecessorUid}, which is not a task in the file.`)
    }
    if (predecessorIndex === successorIndex) {
      throw new ReadError('cycle', `${where} is linked to itself; remove that link and import again.`)
    }
    const typeCode = integer(link, 'Type', `${where}, a predecessor link`) ?? 1
    const type = mspdiLinkTypeByCode[typeCode]
    if (type === undefined) invalid(`${where}: link type ${typeCode} is not a Microsoft Project link type (0-3).`)
    const key = `${predecessorIndex}:${successorIndex}`
    if (seenLinks.has(key)) {
      warnings.push(`${where} was linked twice to the same predecessor (UID ${predecessorUid}); the second link was left out.`)
      continue
    }
    seenLinks.add(key)
    const lagUnit = mspdiLagUnit(integer(link, 'LagFormat', `${where}, a predecessor link`))
    const rawLag = decimal(link, 'LinkLag', `${where}, a predecessor link`) ?? 0
    // LinkLag is tenths of a minute, except for percent lags, where it holds the percentage itself.
    const lag = lagUnit === '%' || lagUnit === 'e%' ? rawLag : rawLag / 10
    if (Math.abs(lag) > maxMinutes) invalid(`${where}: the lag ${shorten(String(rawLag))} of a link is too large.`)
    dependencies.push({
      id: dependencies.length + 1,
      predecessorId: (tasks[predecessorIndex] as Task).id,
      successorId: successor.id,
      type,
      lag,
      lagUnit,
    })
    ;(successors[predecessorIndex] as number[]).push(successorIndex)
  }
  const cycle = validateFindCycle(tasks.length, successors)
  if (cycle !== null) {
    throw new ReadError('cycle', `These tasks depend on each other in a circle: ${cycleText(cycle.map((index) => tasks[index] as Task))}; remove one of these links and import again.`)
  }
  return dependencies
}
