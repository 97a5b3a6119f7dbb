import { mspdiNamespace } from '../../src/shared/formats/mspdi/codes'

/**
 * Inputs that once made a parser's work grow quadratically with their size (issue 13 item 1). At these sizes a
 * quadratic parser takes many seconds (16 s, 34 s and 42 s were measured before the fix); a linear one answers in
 * milliseconds. The fuzz test and `npm run bench -- hostile` use them.
 */

/** MS Project XML whose text holds `<` followed by `spaces` spaces (100 KB: 16 s with the old forbidden-names pattern). */
export function hostileXmlLessThanSpaces(spaces = 100_000): string {
  return `<?xml version="1.0"?><Project xmlns="${mspdiNamespace}"><${' '.repeat(spaces)}</Project>`
}

/** A task CSV whose Predecessors cell is `1`, `spaces` spaces and `x` (100,000 spaces: 34 s with the old item pattern). */
export function hostileCsvPredecessorSpaces(spaces = 100_000): string {
  return `Name,Predecessors\r\nA,\r\nB,"1${' '.repeat(spaces)}x"\r\n`
}

/**
 * A task CSV whose Resources cell lists `items` items, each `x[1]y` (an item the resource parser cannot read, so the old
 * parser joined every following item onto it: 42 s for 200,000 items).
 */
export function hostileCsvResourceItems(items = 200_000): string {
  return `Name,Resources\r\nA,"${Array.from({ length: items }, () => 'x[1]y').join(',')}"\r\n`
}
