import type { Assignment, Resource } from '../../domain/model'
import { cleanName, decimal, flag, integer, invalid, maxId, shorten, text, trimmed, type ReadContext } from './read-access'
import type { XmlNode } from './xml'

/*
 * The resources of a Microsoft Project XML file and their assignments to tasks.
 */

/** Most resources one file may hold (the .gantry limit). */
export const mspdiMaxResources = 100_000

/** ResourceUID of Microsoft Project's "no resource" assignment (written for every task without a resource). */
const unassignedResourceUid = -65_535

function resourceLabel(name: string, uid: number | null): string {
  if (name.trim() !== '') return `Resource "${shorten(name)}"`
  return uid === null ? 'A resource without a UID' : `Resource UID ${uid}`
}

/**
 * Reads the resources. UID 0 is Microsoft Project's own "unassigned" row and blank rows (`IsNull`) hold nothing; both
 * are left out (blank rows with a warning). A resource without a usable UID is kept under a new one, with a warning
 * (no assignment can point at it).
 */
export function readResources(resourceNodes: readonly XmlNode[], calendarIds: ReadonlySet<number>, context: ReadContext): Resource[] {
  const warnings = context.warnings
  const resources: Resource[] = []
  const resourceIds = new Set<number>()
  const withoutUid: { node: XmlNode; uidText: string | undefined }[] = []
  let nullCount = 0
  const read = (node: XmlNode, uid: number): void => {
    const resourceName = cleanName(text(node, 'Name'), `The name of resource UID ${uid}`, warnings)
    const where = resourceLabel(resourceName, uid)
    let maxUnits = 100
    const units = decimal(node, 'MaxUnits', where)
    if (units !== null) {
      if (units <= 0 || units > 1000) warnings.push(`${where}: MaxUnits ${units} is not usable; 100 % was used.`)
      else maxUnits = Math.round(units * 100 * 1e6) / 1e6
    }
    const rate = decimal(node, 'StandardRate', where)
    let calendarId: number | null = null
    const calendarUid = integer(node, 'CalendarUID', where)
    if (calendarUid !== null && calendarUid >= 0) {
      if (calendarIds.has(calendarUid)) calendarId = calendarUid
      else warnings.push(`${where} uses calendar ${calendarUid}, which is not in the file; the project calendar was used.`)
    }
    resources.push({
      id: uid,
      name: resourceName,
      role: cleanName(text(node, 'Group'), `The group of ${where}`, warnings),
      initials: cleanName(text(node, 'Initials'), `The initials of ${where}`, warnings),
      email: cleanName(text(node, 'EmailAddress'), `The e-mail address of ${where}`, warnings),
      maxUnits,
      hourlyRate: rate !== null && rate > 0 ? Math.min(rate, 1e9) : 0,
      nonWorkingDays: [],
      calendarId,
    })
    resourceIds.add(uid)
  }
  for (const node of resourceNodes) {
    if (flag(node, 'IsNull')) {
      nullCount++
      continue
    }
    const uidText = trimmed(node, 'UID')
    const uid = uidText !== undefined && /^\d{1,10}$/.test(uidText) ? Number(uidText) : null
    if (uid === 0) continue
    if (uid === null || uid > maxId) {
      withoutUid.push({ node, uidText })
      continue
    }
    if (resourceIds.has(uid)) invalid(`Two resources use UID ${uid}; each resource needs its own UID.`)
    read(node, uid)
  }
  // Resources without a usable UID get UIDs above every other one, in file order.
  let nextUid = resources.reduce((max, resource) => Math.max(max, resource.id), 0) + 1
  for (const { node, uidText } of withoutUid) {
    const name = cleanName(text(node, 'Name'), 'The name of a resource', [])
    const what = uidText === undefined ? 'has no UID' : `has the UID "${shorten(uidText)}", which is not a whole number from 1 to 2147483647`
    warnings.push(`${resourceLabel(name, null).replace('A resource without a UID', 'A resource')} ${what}; it was given UID ${nextUid}, and no assignment refers to it.`)
    read(node, nextUid++)
  }
  if (resources.length > mspdiMaxResources) invalid(`The file has more than ${mspdiMaxResources.toLocaleString('en-US')} resources.`)
  if (nullCount > 0) warnings.push(`${nullCount} blank resource row(s) were left out.`)
  return resources
}

/**
 * Reads the assignments of resources to tasks. Assignments to Microsoft Project's "no resource" (ResourceUID -65535)
 * hold nothing and are left out in silence; any other assignment that cannot be kept (a missing task or resource, a
 * second one of the same resource to the same task) is left out with a warning.
 */
export function readAssignments(
  assignmentNodes: readonly XmlNode[],
  taskUids: ReadonlySet<number>,
  resources: readonly Resource[],
  context: ReadContext,
): Assignment[] {
  const warnings = context.warnings
  const resourceIds = new Set(resources.map((resource) => resource.id))
  const assignments: Assignment[] = []
  const assignmentIds = new Set<number>()
  const pairs = new Set<string>()
  let nextAssignmentId = 1
  let unreadable = 0
  for (const node of assignmentNodes) {
    const resourceUid = integer(node, 'ResourceUID', 'An assignment')
    const taskUid = integer(node, 'TaskUID', 'An assignment')
    if (resourceUid === unassignedResourceUid) continue
    if (resourceUid === null || taskUid === null || resourceUid <= 0) {
      unreadable++
      continue
    }
    if (!resourceIds.has(resourceUid)) {
      warnings.push(`An assignment to resource ${resourceUid}, which is not in the file, was left out.`)
      continue
    }
    if (!taskUids.has(taskUid)) {
      warnings.push(
        taskUid === 0
          ? `An assignment of resource ${resourceUid} to the project summary task was left out (Gantry assigns resources to tasks).`
          : `An assignment to task ${taskUid}, which is not in the file, was left out.`,
      )
      continue
    }
    const pair = `${taskUid}:${resourceUid}`
    if (pairs.has(pair)) {
      warnings.push(`Resource ${resourceUid} was assigned twice to task ${taskUid}; the second assignment was left out.`)
      continue
    }
    pairs.add(pair)
    const rawUnits = decimal(node, 'Units', 'An assignment')
    let units = 100
    if (rawUnits !== null) {
      if (rawUnits <= 0 || rawUnits > 10) {
        warnings.push(`The assignment of resource ${resourceUid} to task ${taskUid} has Units ${rawUnits}; 100 % was used.`)
      } else units = Math.round(rawUnits * 100 * 1e6) / 1e6
    }
    let id = integer(node, 'UID', 'An assignment')
    if (id === null || id < 0 || id > maxId || assignmentIds.has(id)) {
      while (assignmentIds.has(nextAssignmentId)) nextAssignmentId++
      id = nextAssignmentId
    }
    assignmentIds.add(id)
    assignments.push({ id, taskId: taskUid, resourceId: resourceUid, units, work: 0, start: null, finish: null })
  }
  if (unreadable > 0) {
    warnings.push(`${unreadable} assignment(s) without a task UID or a resource UID from 1 up were left out.`)
  }
  return assignments
}
