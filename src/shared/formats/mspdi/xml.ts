import { XMLValidator } from 'fast-xml-parser'
import { mspdiNamespace } from './codes'
import { mspdiScan, type ScanNode, type ScanValue } from './scan'

/**
 * Safe XML parsing for Microsoft Project XML. Order of defences (see `../shared/RELIABILITY.md`, XML items 1-8):
 * size cap -> "is this XML at all" -> DOCTYPE with entity declarations or external identifiers refused ->
 * `__proto__`/`constructor`/`prototype` tag names refused -> fast-xml-parser's XMLValidator (truncated or malformed
 * text) -> our strict scanner (`scan.ts`: no entity expansion beyond the five predefined entities, nesting limit,
 * null-prototype objects) -> root element and namespace check.
 */

/** Files above this many characters are refused before any parsing (a 100,000-task export is about 60 MB). */
export const mspdiMaxChars = 300 * 1024 * 1024
/** Deepest element nesting accepted; real files nest about 8 levels. */
export const mspdiMaxNesting = 64

export type MspdiErrorCode =
  | 'empty'
  | 'too-large'
  | 'not-xml'
  | 'unsafe-xml'
  | 'malformed-xml'
  | 'not-mspdi'
  | 'invalid'
  | 'cycle'

export type MspdiError = { code: MspdiErrorCode; message: string }

/** A parsed element: child elements by name (arrays for repeatable ones), text as a string. */
export type XmlNode = ScanNode
export type XmlValue = ScanValue

/** Elements that may repeat inside their parent; they are always parsed as arrays. */
const repeatableElements = new Set([
  'Calendar',
  'WeekDay',
  'WorkingTime',
  'Exception',
  'WorkWeek',
  'Task',
  'PredecessorLink',
  'Baseline',
  'Resource',
  'Assignment',
  'ExtendedAttribute',
  'TimephasedData',
  'OutlineCode',
  'Value',
])

/**
 * A start or end tag named `__proto__`, `constructor` or `prototype` (with or without a prefix). XML allows no space
 * between `<` and the name, so none is matched: the earlier `<\s*\/?\s*` made `<` followed by a long run of spaces
 * cost quadratic time (16 s for 100 KB). Each `<` now costs at most the length of the name after it.
 */
const forbiddenNames = /<\/?(?:[A-Za-z_][\w.-]*:)?(__proto__|constructor|prototype)(?=[\s/>])/

/** A parser's message made one short line (fast-xml-parser may put a whole JSON stack into one). */
function oneLine(message: string, limit = 200): string {
  const line = message.replace(/\s+/g, ' ').trim()
  return line.length > limit ? `${line.slice(0, limit)}…` : line
}

function fail(code: MspdiErrorCode, message: string): { ok: false; error: MspdiError } {
  return { ok: false, error: { code, message } }
}

/** The first characters of `text` after a byte-order mark and leading whitespace. */
function firstSignificantIndex(text: string): number {
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0
  while (index < text.length && /\s/.test(text[index] as string)) index++
  return index
}

/**
 * Parses the text of a Microsoft Project XML file into its `<Project>` element, refusing anything unsafe or
 * not MSPDI with a one-line message.
 * @param onProgress called with 0..1 while the text is validated (0 -> 0.4) and scanned (0.4 -> 1)
 * @returns the `Project` element as plain objects (values are unparsed strings), or an error
 */
export function mspdiParseXml(
  text: string,
  onProgress?: (fraction: number) => void,
): { ok: true; project: XmlNode } | { ok: false; error: MspdiError } {
  if (text.length === 0 || text.trim() === '' || text === '\ufeff') return fail('empty', 'The file is empty.')
  if (text.length > mspdiMaxChars) {
    return fail(
      'too-large',
      `This file is too large to import (${Math.round(text.length / 1048576)} MB; the limit is ${mspdiMaxChars / 1048576} MB).`,
    )
  }
  const start = firstSignificantIndex(text)
  // Binary files (and UTF-16 read as UTF-8) contain NUL characters, which XML never allows.
  if (text.charCodeAt(start) !== 0x3c /* < */ || text.indexOf('\u0000') !== -1) {
    return fail('not-xml', 'This is not a Project XML file: it does not contain XML.')
  }
  const doctype = /<!DOCTYPE/i.exec(text)
  if (doctype !== null) {
    // Project XML never uses a document type. A bare `<!DOCTYPE Project>` is harmless; anything with an internal
    // subset (where entities are declared) or an external identifier is refused before any parser sees it.
    const bracket = text.indexOf('[', doctype.index)
    const close = text.indexOf('>', doctype.index)
    const declaration = text.slice(doctype.index, close === -1 ? text.length : close + 1)
    if (/<!ENTITY/i.test(text) && bracket !== -1) {
      return fail(
        'unsafe-xml',
        'This file declares XML entities (<!ENTITY>), which Project XML files never use; it was refused for safety.',
      )
    }
    if (/\b(SYSTEM|PUBLIC)\b/.test(declaration)) {
      return fail(
        'unsafe-xml',
        'This file refers to an external document (SYSTEM/PUBLIC), which Project XML files never use; it was refused for safety.',
      )
    }
    if (bracket !== -1 && (close === -1 || bracket < close)) {
      return fail('unsafe-xml', 'This file has a document type declaration, which Project XML files never use; it was refused for safety.')
    }
  }
  const forbidden = forbiddenNames.exec(text)
  if (forbidden !== null) {
    return fail('unsafe-xml', `This file uses the element name "${forbidden[1]}", which is not allowed; it was refused for safety.`)
  }
  // XML end-of-line handling: literal CR LF and lone CR become LF before parsing (a written &#13; stays a CR).
  const normalized = text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n')
  // Two independent well-formedness checks: fast-xml-parser's validator, then our strict scanner (which builds
  // the tree; fast-xml-parser's own XMLParser was 4x slower on a 10,000-task file and is not used).
  onProgress?.(0)
  const validation = XMLValidator.validate(normalized)
  onProgress?.(0.4)
  if (validation !== true) {
    const where = validation.err.line !== undefined ? `line ${validation.err.line}: ` : ''
    return fail('malformed-xml', `This is not a valid Project XML file: the XML is damaged or truncated (${where}${oneLine(validation.err.msg)}).`)
  }
  const scanned = mspdiScan(normalized, mspdiMaxNesting, repeatableElements, onProgress && ((fraction) => onProgress(0.4 + 0.6 * fraction)))
  if (!scanned.ok) {
    if (/nested more than/.test(scanned.message)) {
      return fail('unsafe-xml', `This file nests XML elements more than ${mspdiMaxNesting} levels deep; it was refused for safety.`)
    }
    return fail('malformed-xml', `This is not a valid Project XML file: the XML is damaged or truncated (line ${scanned.line}: ${oneLine(scanned.message)}).`)
  }
  if (scanned.root !== 'Project') {
    return fail('not-mspdi', `This is not a Project XML file: it has a <${oneLine(scanned.root, 60)}> root element instead of <Project>.`)
  }
  const project = scanned.node
  const namespace = project['@_xmlns']
  if (namespace !== mspdiNamespace) {
    const found = typeof namespace === 'string' ? `"${oneLine(namespace, 100)}"` : 'none'
    return fail(
      'not-mspdi',
      `This is not a Project XML file: its namespace is ${found}, expected "${mspdiNamespace}".`,
    )
  }
  return { ok: true, project }
}
