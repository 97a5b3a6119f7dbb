import { textExcerpt } from '../../domain/text'
import type { MspdiErrorCode, XmlNode, XmlValue } from './xml'

/*
 * Access to the parsed elements of a Microsoft Project XML file for the reader (`read.ts` and its sections): typed
 * children, numbers with checks, and the refusal every section throws.
 */

/** Longest task or resource name kept (the .gantry schema's limit); longer ones are cut with a warning. */
export const maxNameLength = 1000
export const maxNotesLength = 100_000
export const maxId = 2_147_483_647
export const maxMinutes = 1e9

/** A refusal of the whole file; `mspdiRead` turns it into its one-line error. */
export class ReadError extends Error {
  constructor(
    readonly code: MspdiErrorCode,
    message: string,
  ) {
    super(message)
  }
}

export function invalid(message: string): never {
  throw new ReadError('invalid', message)
}

/**
 * What the reader passes from section to section: the warnings so far, and the elements it skipped because they
 * hold nothing (an empty `<Task/>`), counted by name so one warning can list them.
 */
export type ReadContext = { warnings: string[]; emptyElements: Map<string, number> }

export function isNode(value: XmlValue | undefined): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function child(node: XmlNode, name: string): XmlNode | undefined {
  const value = node[name]
  if (isNode(value)) return value
  if (Array.isArray(value) && isNode(value[0] as XmlValue)) return value[0] as XmlNode
  return undefined
}

/**
 * The `name` children of `node` that are elements. Children without content (`<Task/>`, `<Task></Task>` or text
 * only) are counted in `context.emptyElements` when a context is given, so the import can name what it left out.
 */
export function list(node: XmlNode | undefined, name: string, context?: ReadContext): XmlNode[] {
  if (node === undefined) return []
  const value = node[name]
  if (value === undefined) return []
  const items = Array.isArray(value) ? value : [value]
  const nodes: XmlNode[] = []
  for (const item of items) {
    if (isNode(item as XmlValue)) nodes.push(item as XmlNode)
    else if (context !== undefined) context.emptyElements.set(name, (context.emptyElements.get(name) ?? 0) + 1)
  }
  return nodes
}

/**
 * The `item` elements of every `block` child of `project` (e.g. every `Task` of every `Tasks`). Microsoft Project
 * writes one block of each kind; a file with more is read block after block, with a warning saying so.
 */
export function blockItems(project: XmlNode, block: string, item: string, context: ReadContext): XmlNode[] {
  const value = project[block]
  if (value === undefined) return []
  const blocks = Array.isArray(value) ? value : [value]
  const items: XmlNode[] = []
  let count = 0
  for (const entry of blocks) {
    count++
    // An empty block (`<Tasks/>`) holds nothing to lose.
    if (isNode(entry as XmlValue)) for (const node of list(entry as XmlNode, item, context)) items.push(node)
  }
  if (count > 1) {
    context.warnings.push(`The file has ${count} <${block}> lists (Microsoft Project writes one); their ${item.toLowerCase()}s were read one list after the other.`)
  }
  return items
}

/** The text of a child element, or undefined when absent or not a simple element. */
export function text(node: XmlNode, name: string): string | undefined {
  const value = node[name]
  if (typeof value === 'string') return value
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0]
  if (isNode(value) && Object.keys(value).every((key) => key.startsWith('@_'))) return ''
  return undefined
}

export function trimmed(node: XmlNode, name: string): string | undefined {
  const value = text(node, name)
  if (value === undefined) return undefined
  const result = value.trim()
  return result === '' ? undefined : result
}

export function integer(node: XmlNode, name: string, where: string): number | null {
  const value = trimmed(node, name)
  if (value === undefined) return null
  if (!/^[+-]?\d{1,15}$/.test(value)) invalid(`${where}: ${name} "${shorten(value)}" is not a whole number.`)
  return Number(value)
}

/**
 * No part of the pattern can match what another part matches: `\d+\.?\d*` let `\d+` and `\d*` share a run of digits,
 * so a long number followed by a letter took quadratic time to refuse.
 */
const decimalPattern = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?$/

export function decimal(node: XmlNode, name: string, where: string): number | null {
  const value = trimmed(node, name)
  if (value === undefined) return null
  if (!decimalPattern.test(value)) invalid(`${where}: ${name} "${shorten(value)}" is not a number.`)
  const number = Number(value)
  if (!Number.isFinite(number)) invalid(`${where}: ${name} "${shorten(value)}" is out of range.`)
  return number
}

export function flag(node: XmlNode, name: string): boolean {
  const value = trimmed(node, name)
  return value === '1' || value === 'true'
}

/** A value quoted in a message: one line, at most 40 characters. */
export function shorten(value: string): string {
  return textExcerpt(value, 40)
}

/** Drops characters that XML 1.0 does not allow (NUL and other C0 controls, lone surrogates, U+FFFE/U+FFFF). */
export function mspdiCleanText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
}

/** A name or text from the file: illegal characters dropped, cut to `limit` characters with a warning. */
export function cleanName(value: string | undefined, what: string, warnings: string[], limit = maxNameLength): string {
  const cleaned = mspdiCleanText(value ?? '')
  if (cleaned.length > limit) {
    warnings.push(`${what} was longer than ${limit} characters and was shortened.`)
    return cleaned.slice(0, limit)
  }
  return cleaned
}

/** How a task is named in messages. */
export function taskLabel(name: string, uid: number): string {
  return name.trim() === '' ? `Task UID ${uid}` : `Task "${shorten(name)}" (UID ${uid})`
}
