/**
 * Predecessor-list text, as in a Predecessors column: "3FS+2d, 5SS, 7FF-1d, 8SF+50%".
 * Each item is a row reference (a number the caller resolves to a task id, usually the WBS row number), an optional
 * link type (FS when left out), and an optional lag or lead: a duration ("+2d", "-4h", "+1ed") or a percentage of
 * the predecessor's duration ("+50%", "+50e%"). Items are separated by commas or semicolons.
 */
import { textExcerpt } from './text'
import { durationFormat, durationMaxMinutes, durationParse, type DurationSettings } from './durations'
import type { Dependency, DependencyType, LagUnit, TaskId } from './model'

/** One parsed link (the caller gives it an id and the successor). */
export type ParsedPredecessor = { predecessorId: TaskId; type: DependencyType; lag: number; lagUnit: LagUnit }

export type PredecessorsParseResult = { ok: true; links: ParsedPredecessor[] } | { ok: false; error: string }

/*
 * No two unbounded parts of a pattern may match the same characters: `(\d+)\s*(fs|…)?\s*` let both `\s*` share a run of
 * spaces, so `1`, 100,000 spaces and `x` took 34 s to refuse. Here the second `\s*` only follows a link type.
 */
const itemPattern = /^(\d+)\s*(?:(fs|ss|ff|sf)\s*)?(?:([+-])\s*(.+))?$/i
const percentPattern = /^(\d+(?:[.,]\d+)?)\s*(e?%)$/i

/**
 * Parses a predecessor list.
 * @param resolve maps a row reference to a task id (or null when no such row exists)
 * @param successorId the task the list belongs to (a reference to itself is refused)
 * @param lagMaxMinutes the largest lag accepted, in minutes, and percentage for % lags (a file reader passes the file
 *   format's limit); by default a duration lag up to `durationMaxMinutes`, as typed, and any percentage
 * @returns the links in the order written (lags in minutes, or the percentage for % lags), or a one-sentence error
 */
export function predecessorsParse(
  text: string,
  resolve: (reference: number) => TaskId | null,
  settings: DurationSettings,
  successorId: TaskId | null = null,
  lagMaxMinutes?: number,
): PredecessorsParseResult {
  const links: ParsedPredecessor[] = []
  const seen = new Set<TaskId>()
  for (const raw of text.split(/[,;]/)) {
    const item = raw.trim()
    if (item === '') continue
    const match = itemPattern.exec(item)
    if (match === null)
      return { ok: false, error: `"${textExcerpt(item)}" is not a predecessor; write e.g. 3, 3FS+2d, 5SS or 7FF-1d.` }
    const reference = Number(match[1])
    const predecessorId = resolve(reference)
    if (predecessorId === null) return { ok: false, error: `There is no row ${reference}.` }
    if (successorId !== null && predecessorId === successorId)
      return { ok: false, error: `A task cannot be its own predecessor (${textExcerpt(item)}).` }
    if (seen.has(predecessorId)) return { ok: false, error: `Row ${reference} is listed twice.` }
    seen.add(predecessorId)
    const type = (match[2]?.toUpperCase() ?? 'FS') as DependencyType
    let lag = 0
    let lagUnit: LagUnit = 'd'
    if (match[4] !== undefined) {
      const sign = match[3] === '-' ? -1 : 1
      const amount = match[4].trim()
      const percent = percentPattern.exec(amount)
      if (percent !== null) {
        lag = sign * Number((percent[1] as string).replace(',', '.'))
        lagUnit = (percent[2] as string).toLowerCase() === 'e%' ? 'e%' : '%'
        if (lagMaxMinutes !== undefined && !(Math.abs(lag) <= lagMaxMinutes)) return { ok: false, error: `Lag of "${textExcerpt(item)}": the percentage is too large.` }
      } else {
        const parsed = durationParse(amount, settings, 'd', false, lagMaxMinutes ?? durationMaxMinutes)
        if (!parsed.ok) return { ok: false, error: `Lag of "${textExcerpt(item)}": ${parsed.error}` }
        lag = sign * parsed.minutes
        lagUnit = parsed.unit
      }
    }
    links.push({ predecessorId, type, lag: lag === 0 ? 0 : lag, lagUnit })
  }
  return { ok: true, links }
}

/**
 * Formats the links into a task as a predecessor list ("3, 5SS, 7FF-1d, 8SF+50%"), in the order given. Lags are
 * written in their unit with at most two decimals.
 * @param rowOf maps a task id to its row reference (links to tasks without one are left out)
 * @param options `exact`: a lag the two decimals would round is written in minutes (`em` for elapsed units) or as
 *   its exact percentage instead, so `predecessorsParse` reads back the same lag (for files)
 */
export function predecessorsFormat(
  links: readonly Pick<Dependency, 'predecessorId' | 'type' | 'lag' | 'lagUnit'>[],
  rowOf: (taskId: TaskId) => number | null,
  settings: DurationSettings,
  options: { exact?: boolean } = {},
): string {
  const items: string[] = []
  for (const link of links) {
    const row = rowOf(link.predecessorId)
    if (row === null) continue
    if (link.lag === 0) {
      items.push(link.type === 'FS' ? String(row) : `${row}${link.type}`)
      continue
    }
    const sign = link.lag < 0 ? '-' : '+'
    const magnitude = Math.abs(link.lag)
    let lagText: string
    if (link.lagUnit === '%' || link.lagUnit === 'e%') {
      const rounded = Math.round(magnitude * 100) / 100
      lagText = `${options.exact === true ? numberPlain(magnitude) : rounded}${link.lagUnit}`
    } else {
      lagText = durationFormat(magnitude, link.lagUnit, settings)
      if (options.exact === true) {
        const back = durationParse(lagText, settings, 'd', false, Number.POSITIVE_INFINITY)
        if (!back.ok || back.minutes !== Math.round(magnitude)) {
          const isElapsed = link.lagUnit.startsWith('e')
          lagText = `${Math.round(magnitude)}${isElapsed ? 'em' : 'm'}`
        }
      }
    }
    items.push(`${row}${link.type}${sign}${lagText}`)
  }
  return items.join(', ')
}

/** A non-negative number without exponent notation (`1e-7` as `0.0000001`), as the percent pattern reads it. */
function numberPlain(value: number): string {
  const text = String(value)
  if (!text.includes('e')) return text
  return value.toFixed(20).replace(/\.?0+$/, '')
}
