import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { mspdiNamespace } from './codes'

/**
 * Safe XML parsing for Microsoft Project XML. Order of defences (see `../shared/RELIABILITY.md`, XML items 1-8):
 * size cap -> "is this XML at all" -> DOCTYPE with entity declarations or external identifiers refused ->
 * `__proto__`/`constructor`/`prototype` tag names refused -> XMLValidator (truncated or malformed text) ->
 * XMLParser with entity expansion limits and `maxNestedTags` -> root element and namespace check.
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
export type XmlNode = { [name: string]: XmlValue }
export type XmlValue = string | XmlNode | XmlNode[] | string[]

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

const forbiddenNames = /<\s*\/?\s*(?:[A-Za-z_][\w.-]*:)?(__proto__|constructor|prototype)(?=[\s/>])/

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
 * @returns the `Project` element as plain objects (values are unparsed strings), or an error
 */
export function mspdiParseXml(text: string): { ok: true; project: XmlNode } | { ok: false; error: MspdiError } {
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
  const validation = XMLValidator.validate(normalized, { allowBooleanAttributes: false })
  if (validation !== true) {
    const where = validation.err.line !== undefined ? ` (line ${validation.err.line})` : ''
    return fail(
      'malformed-xml',
      `This is not a valid Project XML file: the XML is damaged or truncated${where}: ${validation.err.msg}`,
    )
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    htmlEntities: true,
    processEntities: { enabled: true, maxEntityCount: 100, maxExpandedLength: 100_000, maxTotalExpansions: 10_000 },
    maxNestedTags: mspdiMaxNesting,
    isArray: (name) => repeatableElements.has(name),
  })
  let document: unknown
  try {
    document = parser.parse(normalized)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (/nested/i.test(message)) {
      return fail('unsafe-xml', `This file nests XML elements more than ${mspdiMaxNesting} levels deep; it was refused for safety.`)
    }
    if (/entit/i.test(message)) return fail('unsafe-xml', `This file was refused for safety: ${message}`)
    return fail('malformed-xml', `This is not a valid Project XML file: ${message}`)
  }
  if (typeof document !== 'object' || document === null) return fail('not-mspdi', 'This is not a Project XML file.')
  const roots = Object.keys(document).filter((key) => !key.startsWith('?') && !key.startsWith('#'))
  const project = (document as Record<string, unknown>).Project
  if (roots.length !== 1 || roots[0] !== 'Project' || typeof project !== 'object' || project === null || Array.isArray(project)) {
    const found = roots[0] === undefined ? 'no root element' : `a <${roots[0]}> root element`
    return fail('not-mspdi', `This is not a Project XML file: it has ${found} instead of <Project>.`)
  }
  const namespace = (project as Record<string, unknown>)['@_xmlns']
  if (namespace !== mspdiNamespace) {
    const found = typeof namespace === 'string' ? `"${namespace}"` : 'none'
    return fail(
      'not-mspdi',
      `This is not a Project XML file: its namespace is ${found}, expected "${mspdiNamespace}".`,
    )
  }
  return { ok: true, project: project as XmlNode }
}
