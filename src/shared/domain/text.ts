/**
 * Text quoted in a message: on one line (runs of white space, line breaks included, become one space) and at most
 * `limit` characters, with `…` when cut. Messages quote what the user typed or a file holds, which can be a megabyte.
 */
export function textExcerpt(text: string, limit = 40): string {
  // Only the start is looked at, so quoting a megabyte costs no more than quoting a word.
  const head = text.length > limit * 4 + 16 ? text.slice(0, limit * 4 + 16) : text
  const line = head.replace(/\s+/g, ' ').trim()
  return line.length > limit || head.length < text.length ? `${line.slice(0, limit)}…` : line
}
