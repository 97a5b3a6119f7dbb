/** Microsoft Project XML (MSPDI): reader and writer, text in and text out. */
export { mspdiRead, mspdiParseDuration, mspdiCleanText, type MspdiReadOptions, type MspdiReadResult } from './read'
export { mspdiParseXml, mspdiMaxChars, type MspdiError, type MspdiErrorCode } from './xml'
export { mspdiNamespace, mspdiSaveVersion } from './codes'
export { mspdiWrite, mspdiEscape, mspdiFormatDuration } from './write'
