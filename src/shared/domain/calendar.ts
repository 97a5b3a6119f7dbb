/**
 * Working-time calendars.
 *
 * A calendar is compiled once into per-day arrays over a window of days: the working periods of each day and the
 * running total of working minutes at the start of each day. On that structure:
 * - `work(t)` maps a wall-clock minute to "working minutes elapsed since the anchor" (a monotone step function),
 * - `startAt(w)` / `finishAt(w)` map back: the first wall minute where working minute `w` begins (a start) or the
 *   last wall minute where it ends (a finish). A task of duration d starting at working minute w starts at
 *   `startAt(w)` and finishes at `finishAt(w + d)`; a finish at Friday 17:00 and a start on Monday 08:00 have the
 *   same working minute.
 * The window grows on demand (never past `calendarDayLimit` days either side of the anchor), so every search is bounded.
 */
import { dateToDayNumber, dateWeekday } from './dates'
import type { Calendar, CalendarId, Plan, Resource, WallMinutes, WeekDay, WorkingPeriod } from './model'

/** Deepest chain of base calendars resolved (the file format allows 16; Microsoft Project has one level). */
const calendarBaseDepthMax = 64

/** How far (in days, either side of the anchor day) a compiled calendar may extend: about 270 years. */
export const calendarDayLimit = 100_000

const initialBackDays = 400
/** Working minutes per block of the coarse work → day index (about half a standard day). */
const workIndexStep = 240
const initialForwardDays = 3 * 366

type DayRule = { fromDay: number; toDay: number; pattern: number }
type WeekRule = { fromDay: number; toDay: number; patterns: (number | null)[] }

/**
 * Day ranges (exceptions or work weeks) cut into disjoint segments, each with the rule that wins there: the last one in
 * list order, as in Microsoft Project. A day is looked up by binary search, so a calendar with 100,000 exceptions
 * costs a few steps per day (a scan of every rule for every day of a 270-year window would be 10^10 steps).
 */
class DayRuleIndex<T extends { fromDay: number; toDay: number }> {
  /** Segment k covers the days starts[k] .. starts[k + 1] - 1; winners[k] is its rule or null. */
  private readonly starts: Float64Array
  private readonly winners: (T | null)[]
  readonly rules: readonly T[]

  constructor(rules: readonly T[]) {
    this.rules = rules
    const bounds = new Set<number>()
    for (const rule of rules) {
      if (!(rule.toDay >= rule.fromDay)) continue
      bounds.add(rule.fromDay)
      bounds.add(rule.toDay + 1)
    }
    const starts = Float64Array.from(bounds).sort()
    this.starts = starts
    const winners: (T | null)[] = new Array<T | null>(starts.length).fill(null)
    // Later rules win: paint from the last rule backwards, each segment once ("next unpainted" pointers).
    const next = Int32Array.from({ length: starts.length + 1 }, (_, index) => index)
    const find = (index: number): number => {
      let root = index
      while (next[root] !== root) root = next[root] as number
      while (next[index] !== root) {
        const up = next[index] as number
        next[index] = root
        index = up
      }
      return root
    }
    for (let ruleIndex = rules.length - 1; ruleIndex >= 0; ruleIndex--) {
      const rule = rules[ruleIndex] as T
      if (!(rule.toDay >= rule.fromDay)) continue
      const last = this.segmentOf(rule.toDay)
      for (let segment = find(this.segmentOf(rule.fromDay)); segment <= last; segment = find(segment)) {
        winners[segment] = rule
        next[segment] = segment + 1
      }
    }
    this.winners = winners
  }

  /** Index of the segment holding `day`, or -1 before the first one. */
  private segmentOf(day: number): number {
    let low = 0
    let high = this.starts.length - 1
    if (high < 0 || day < (this.starts[0] as number)) return -1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((this.starts[middle] as number) <= day) low = middle
      else high = middle - 1
    }
    return low
  }

  /** The rule that applies to `day`, or null. */
  find(day: number): T | null {
    const segment = this.segmentOf(day)
    return segment < 0 ? null : (this.winners[segment] ?? null)
  }
}

/** A calendar flattened for resolution: pattern indexes instead of period lists; base calendars linked. */
type ResolvedSource = {
  exceptions: DayRuleIndex<DayRule>
  workWeeks: DayRuleIndex<WeekRule>
  weekDays: (number | null)[]
  base: ResolvedSource | null
  baseId: CalendarId | null
}

/** The pattern of a calendar's own exception on `day`, or null. */
function ownException(source: ResolvedSource, day: number): number | null {
  return source.exceptions.find(day)?.pattern ?? null
}

/**
 * Interned day patterns, shared by every calendar compiled from one `CalendarSet`: the periods of each pattern and,
 * per pattern, three tables of 1,441 entries (offset pattern x 1441): the cumulative working minutes at each minute
 * of the day; the minute of the day where working minute r of the day begins (r in 0..dayWork-1); the minute where
 * working minute r ends (r in 1..dayWork). They turn every lookup inside a day into one array read. Patterns
 * interned later (intersections of two calendars, unions) grow the tables; a compiled calendar re-reads them after
 * resolving days, and older arrays stay valid for the patterns they already held.
 */
class PatternTable {
  readonly keys = new Map<string, number>()
  readonly periods: WorkingPeriod[][] = []
  readonly minutes: number[] = []
  starts: Int32Array[] = []
  ends: Int32Array[] = []
  dayMinutes = new Float64Array(16)
  minuteCum = new Int32Array(16 * 1441)
  minuteStart = new Int32Array(16 * 1441)
  minuteFinish = new Int32Array(16 * 1441)
  /** Intersections and unions already interned, by the patterns they combine. */
  private readonly combined = new Map<string, number>()
  private readonly pairs = new Map<number, number>()

  intern(periods: readonly WorkingPeriod[]): number {
    const cleaned = periods
      .map((period) => ({
        start: Math.max(0, Math.min(1440, Math.round(period.start))),
        end: Math.max(0, Math.min(1440, Math.round(period.end))),
      }))
      .filter((period) => period.end > period.start)
      .sort((a, b) => a.start - b.start)
    // Merge overlapping or touching periods so the day is a list of disjoint spans.
    const merged: WorkingPeriod[] = []
    for (const period of cleaned) {
      const last = merged[merged.length - 1]
      if (last !== undefined && period.start <= last.end) last.end = Math.max(last.end, period.end)
      else merged.push({ ...period })
    }
    const key = merged.map((period) => `${period.start}-${period.end}`).join(',')
    const existing = this.keys.get(key)
    if (existing !== undefined) return existing
    const index = this.periods.length
    this.keys.set(key, index)
    this.periods.push(merged)
    this.minutes.push(merged.reduce((sum, period) => sum + period.end - period.start, 0))
    this.tabulate(index, merged)
    return index
  }

  /** The pattern of the working time two patterns have in common. */
  intersect(a: number, b: number): number {
    if (a === b) return a
    const key = a < b ? `&${a},${b}` : `&${b},${a}`
    const cached = this.combined.get(key)
    if (cached !== undefined) return cached
    const result: WorkingPeriod[] = []
    for (const left of this.periods[a] as WorkingPeriod[]) {
      for (const right of this.periods[b] as WorkingPeriod[]) {
        const start = Math.max(left.start, right.start)
        const end = Math.min(left.end, right.end)
        if (end > start) result.push({ start, end })
      }
    }
    const index = this.intern(result)
    this.combined.set(key, index)
    return index
  }

  /** The union of two patterns, cached by number (the engine asks for it day by day). */
  unionPair(a: number, b: number): number {
    const key = a < b ? a * 1_048_576 + b : b * 1_048_576 + a
    const cached = this.pairs.get(key)
    if (cached !== undefined) return cached
    const index = this.union(a < b ? [a, b] : [b, a])
    this.pairs.set(key, index)
    return index
  }

  /** The pattern of the working time of any of `patterns` (sorted, distinct). */
  union(patterns: readonly number[]): number {
    const key = `|${patterns.join(',')}`
    const cached = this.combined.get(key)
    if (cached !== undefined) return cached
    const index = this.intern(patterns.flatMap((pattern) => this.periods[pattern] as WorkingPeriod[]))
    this.combined.set(key, index)
    return index
  }

  /** Working minutes of `pattern` between two minutes of the day (fractions allowed), 0 <= from <= to <= 1440. */
  minutesBetween(pattern: number, from: number, to: number): number {
    return this.cumAt(pattern, to) - this.cumAt(pattern, from)
  }

  private cumAt(pattern: number, minute: number): number {
    const whole = Math.floor(minute)
    const slot = pattern * 1441 + whole
    const cum = this.minuteCum[slot] as number
    const fraction = minute - whole
    return fraction > 0 && whole < 1440 && (this.minuteCum[slot + 1] as number) > cum ? cum + fraction : cum
  }

  private tabulate(pattern: number, periods: readonly WorkingPeriod[]): void {
    if ((pattern + 1) * 1441 > this.minuteCum.length) {
      const grow = (old: Int32Array): Int32Array<ArrayBuffer> => {
        const next = new Int32Array(old.length * 2)
        next.set(old)
        return next
      }
      this.minuteCum = grow(this.minuteCum)
      this.minuteStart = grow(this.minuteStart)
      this.minuteFinish = grow(this.minuteFinish)
      const minutes = new Float64Array(this.dayMinutes.length * 2)
      minutes.set(this.dayMinutes)
      this.dayMinutes = minutes
    }
    this.starts.push(Int32Array.from(periods.map((period) => period.start)))
    this.ends.push(Int32Array.from(periods.map((period) => period.end)))
    this.dayMinutes[pattern] = this.minutes[pattern] as number
    const offset = pattern * 1441
    let cum = 0
    for (const period of periods) {
      for (let minute = period.start; minute < period.end; minute++) {
        this.minuteStart[offset + cum] = minute
        cum++
        this.minuteFinish[offset + cum] = minute + 1
      }
    }
    let running = 0
    let period = 0
    for (let minute = 0; minute <= 1440; minute++) {
      this.minuteCum[offset + minute] = running
      while (period < periods.length && minute >= (periods[period] as WorkingPeriod).end) period++
      const current = periods[period]
      if (current !== undefined && minute >= current.start && minute < current.end) running++
    }
  }
}

/** Exception or work-week pattern of a calendar or its bases, or null when only the normal week applies. */
function resolveSpecial(source: ResolvedSource, day: number, weekday: number): number | null {
  const exception = source.exceptions.find(day)
  if (exception !== null) return exception.pattern
  const week = source.workWeeks.find(day)
  const fromWeek = week?.patterns[weekday]
  if (fromWeek !== undefined && fromWeek !== null) return fromWeek
  return source.base === null ? null : resolveSpecial(source.base, day, weekday)
}

function resolveWeekday(source: ResolvedSource, weekday: number, nonWorking: number): number {
  const own = source.weekDays[weekday]
  if (own !== undefined && own !== null) return own
  return source.base === null ? nonWorking : resolveWeekday(source.base, weekday, nonWorking)
}

/**
 * A compiled calendar. All inputs and outputs are wall-clock minutes (`dates.ts`) or working minutes counted from
 * the anchor day; working-minute values stay valid when the window grows.
 */
export class CompiledCalendar {
  readonly id: CalendarId
  readonly anchorDay: number
  /** Day number of index 0 of the arrays. */
  private firstDay = 0
  private dayCount = 0
  /** Working minutes from the anchor to the start of each day (length dayCount + 1). */
  private dayCum = new Float64Array(0)
  private dayPattern = new Int32Array(0)
  private workIndex = new Int32Array(0)
  private readonly patterns: PatternTable
  /** The pattern tables (see `PatternTable`), re-read after each window build. */
  private patternMinutes = new Float64Array(0)
  private minuteCum = new Int32Array(0)
  private minuteStart = new Int32Array(0)
  private minuteFinish = new Int32Array(0)
  private readonly resolveDay: (day: number) => number

  /** A calendar that only adds exceptions to `base`: its days are copied from the base's, then the exceptions. */
  private readonly overlay: { base: CompiledCalendar; rules: readonly DayRule[] } | null

  constructor(
    id: CalendarId,
    anchorDay: number,
    patterns: PatternTable,
    resolveDay: (day: number) => number,
    overlay: { base: CompiledCalendar; rules: readonly DayRule[] } | null = null,
  ) {
    this.id = id
    this.anchorDay = anchorDay
    this.patterns = patterns
    this.resolveDay = resolveDay
    this.overlay = overlay
    this.build(anchorDay - initialBackDays, anchorDay + initialForwardDays)
  }

  /** The patterns of days [fromDay, toDay) copied from the base calendar, with the overlay's exceptions on top. */
  private overlayDays(
    overlay: { base: CompiledCalendar; rules: readonly DayRule[] },
    fromDay: number,
    toDay: number,
  ): Int32Array<ArrayBuffer> | null {
    const base = overlay.base
    if (!base.ensureDay(fromDay) || !base.ensureDay(toDay - 1)) return null
    const dayPattern = base.dayPattern.slice(fromDay - base.firstDay, toDay - base.firstDay)
    // Later rules win, as in `findRule`.
    for (const rule of overlay.rules) {
      const from = Math.max(rule.fromDay, fromDay)
      const to = Math.min(rule.toDay, toDay - 1)
      for (let day = from; day <= to; day++) dayPattern[day - fromDay] = rule.pattern
    }
    return dayPattern
  }

  /** Reads the pattern tables again (patterns interned while resolving days may have grown them). */
  private syncPatterns(): void {
    const patterns = this.patterns
    this.patternMinutes = patterns.dayMinutes
    this.minuteCum = patterns.minuteCum
    this.minuteStart = patterns.minuteStart
    this.minuteFinish = patterns.minuteFinish
  }

  /** (Re)builds the window [fromDay, toDay) keeping working minute 0 at the start of the anchor day. */
  private build(fromDay: number, toDay: number): void {
    const count = toDay - fromDay
    const copied = this.overlay === null ? null : this.overlayDays(this.overlay, fromDay, toDay)
    const dayPattern = copied ?? new Int32Array(count)
    const dayCum = new Float64Array(count + 1)
    const reuse = this.dayCount > 0
    for (let index = 0; index < count && copied === null; index++) {
      const day = fromDay + index
      const old = day - this.firstDay
      dayPattern[index] =
        reuse && old >= 0 && old < this.dayCount ? (this.dayPattern[old] as number) : this.resolveDay(day)
    }
    this.syncPatterns()
    for (let index = 0; index < count; index++)
      dayCum[index + 1] =
        (dayCum[index] as number) + (this.patternMinutes[dayPattern[index] as number] as number)
    const shift = dayCum[this.anchorDay - fromDay] as number
    for (let index = 0; index <= count; index++) dayCum[index] = (dayCum[index] as number) - shift
    this.firstDay = fromDay
    this.dayCount = count
    this.dayPattern = dayPattern
    this.dayCum = dayCum
    // Coarse index: for each block of `workIndexStep` working minutes, the last day starting at or before it.
    const first = dayCum[0] as number
    const blocks = Math.floor(((dayCum[count] as number) - first) / workIndexStep) + 2
    const workIndex = new Int32Array(blocks)
    let day = 0
    for (let block = 0; block < blocks; block++) {
      const w = first + block * workIndexStep
      while (day < count - 1 && (dayCum[day + 1] as number) <= w) day++
      workIndex[block] = day
    }
    this.workIndex = workIndex
  }

  /** Grows the window so that `day` is inside it (clamped to the limit). Returns false beyond the limit. */
  ensureDay(day: number): boolean {
    if (day >= this.firstDay && day < this.firstDay + this.dayCount) return true
    const min = this.anchorDay - calendarDayLimit
    const max = this.anchorDay + calendarDayLimit
    if (day < min || day >= max) return false
    const span = this.dayCount
    let from = this.firstDay
    let to = this.firstDay + this.dayCount
    if (day < from) from = Math.max(min, Math.min(day - 366, from - span))
    else to = Math.min(max, Math.max(day + 367, to + span))
    this.build(from, to)
    return true
  }

  /** Grows the window until working minute `w` is inside it. Returns false when the limit is reached first. */
  private ensureWork(w: number): boolean {
    while (w < (this.dayCum[0] as number) || w > (this.dayCum[this.dayCount] as number)) {
      const target = w < (this.dayCum[0] as number) ? this.firstDay - 1 : this.firstDay + this.dayCount
      if (!this.ensureDay(target)) return false
    }
    return true
  }

  /** Working minutes from the anchor day's midnight to wall minute `t` (negative before the anchor). */
  work(t: WallMinutes): number {
    const day = Math.floor(t / 1440)
    let index = day - this.firstDay
    if (index < 0 || index >= this.dayCount) {
      if (!this.ensureDay(day))
        return t < this.anchorDay * 1440 ? (this.dayCum[0] as number) : (this.dayCum[this.dayCount] as number)
      index = day - this.firstDay
    }
    const minute = t - day * 1440
    const whole = Math.floor(minute)
    const slot = (this.dayPattern[index] as number) * 1441 + whole
    const cum = this.minuteCum[slot] as number
    // Fractional minutes (Project's seconds) count when that minute is working.
    const fraction = minute - whole
    const extra = fraction > 0 && (this.minuteCum[slot + 1] as number) > cum ? fraction : 0
    return (this.dayCum[index] as number) + cum + extra
  }

  /** The wall minute at which working minute `w` starts: the beginning of the next working stretch (for starts). */
  startAt(w: number): WallMinutes {
    if (!this.ensureWork(w + 1)) return this.edge(w)
    // Largest day index with dayCum[index] <= w: that day has working time after w.
    const cum = this.dayCum
    let low = this.guessDay(w)
    let steps = 0
    while (low > 0 && (cum[low] as number) > w && steps++ < 32) low--
    while (low < this.dayCount - 1 && (cum[low + 1] as number) <= w && steps++ < 32) low++
    if (steps >= 32) {
      // Irregular calendar (long non-working stretches): binary search instead of walking.
      low = 0
      let high = this.dayCount - 1
      while (low < high) {
        const middle = (low + high + 1) >> 1
        if ((cum[middle] as number) <= w) low = middle
        else high = middle - 1
      }
    }
    const rest = w - (cum[low] as number)
    const whole = Math.floor(rest)
    return (
      (this.firstDay + low) * 1440 +
      (this.minuteStart[(this.dayPattern[low] as number) * 1441 + whole] as number) +
      (rest - whole)
    )
  }

  /** The wall minute at which working minute `w` is reached: the end of the previous working stretch (for finishes). */
  finishAt(w: number): WallMinutes {
    if (!this.ensureWork(w - 1)) return this.edge(w)
    // Smallest day index whose end total is >= w: that day holds working time before w.
    const cum = this.dayCum
    let low = this.guessDay(w)
    let steps = 0
    while (low < this.dayCount - 1 && (cum[low + 1] as number) < w && steps++ < 32) low++
    while (low > 0 && (cum[low] as number) >= w && steps++ < 32) low--
    if (steps >= 32) {
      low = 0
      let high = this.dayCount - 1
      while (low < high) {
        const middle = (low + high) >> 1
        if ((cum[middle + 1] as number) >= w) high = middle
        else low = middle + 1
      }
    }
    const rest = w - (cum[low] as number)
    const whole = Math.ceil(rest)
    return (
      (this.firstDay + low) * 1440 +
      (this.minuteFinish[(this.dayPattern[low] as number) * 1441 + whole] as number) -
      (whole - rest)
    )
  }

  /**
   * A first guess of the day index holding working minute `w`, from the coarse index; the callers walk from there
   * (a day or two at most).
   */
  private guessDay(w: number): number {
    const block = Math.floor((w - (this.dayCum[0] as number)) / workIndexStep)
    const index = this.workIndex
    return block < 0 ? 0 : block >= index.length ? this.dayCount - 1 : (index[block] as number)
  }

  private edge(w: number): WallMinutes {
    return w <= (this.dayCum[0] as number) ? this.firstDay * 1440 : (this.firstDay + this.dayCount) * 1440
  }

  /** Whether wall minute `t` lies inside a working period (period ends excluded). */
  isWorking(t: WallMinutes): boolean {
    return this.work(t + 1) > this.work(t)
  }

  /** The working periods of a day number, in minutes after midnight. */
  periodsOfDay(day: number): WorkingPeriod[] {
    const pattern = this.patternOfDay(day)
    const starts = this.patterns.starts[pattern] as Int32Array
    const ends = this.patterns.ends[pattern] as Int32Array
    return Array.from(starts, (start, period) => ({ start, end: ends[period] as number }))
  }

  /** The interned pattern of a day number (an index into the set's pattern table). */
  patternOfDay(day: number): number {
    const index = this.ensureDay(day) ? day - this.firstDay : -1
    return index < 0 ? this.resolveDay(day) : (this.dayPattern[index] as number)
  }

  /** The pattern table this calendar's days index (shared by the calendars of one set). */
  patternTable(): PatternTable {
    return this.patterns
  }
}

/** Why a calendar cannot be compiled. */
export type CalendarProblem = {
  kind: 'missing-calendar' | 'no-working-time' | 'base-cycle'
  calendarId: CalendarId
  message: string
}

/**
 * Compiles calendars on demand and caches them by id. Derived calendars resolve their base chains; a calendar
 * that has no working time anywhere (its week, work weeks and exceptions, and its bases') is refused.
 */
export class CalendarSet {
  private readonly byId = new Map<CalendarId, Calendar>()
  private readonly compiled = new Map<CalendarId, CompiledCalendar>()
  private readonly sources = new Map<CalendarId, ResolvedSource>()
  /** Each compiled calendar's day resolver (day number -> pattern), for intersections. */
  private readonly resolvers = new Map<CalendarId, (day: number) => number>()
  private readonly intersections = new Map<string, CompiledCalendar | CalendarProblem>()
  private readonly patterns = new PatternTable()
  private readonly anchorDay: number
  private readonly nonWorking: number

  /** @param anchorDay day number where working minute 0 is (usually the plan start's day) */
  constructor(calendars: readonly Calendar[], anchorDay: number) {
    for (const calendar of calendars) this.byId.set(calendar.id, calendar)
    this.anchorDay = anchorDay
    this.nonWorking = this.patterns.intern([])
  }

  /** The calendar definitions by id (as given). */
  definition(id: CalendarId): Calendar | undefined {
    return this.byId.get(id)
  }

  private source(id: CalendarId, trail: CalendarId[]): ResolvedSource | CalendarProblem {
    const cached = this.sources.get(id)
    if (cached !== undefined) return cached
    const calendar = this.byId.get(id)
    if (calendar === undefined)
      return { kind: 'missing-calendar', calendarId: id, message: `Calendar ${id} does not exist.` }
    // A chain this deep is refused by the file format; here it must not overflow the stack either.
    if (trail.length >= calendarBaseDepthMax) {
      return {
        kind: 'base-cycle',
        calendarId: id,
        message: `Calendar "${calendar.name.slice(0, 60)}" is based on a chain of more than ${calendarBaseDepthMax} calendars.`,
      }
    }
    if (trail.includes(id)) {
      return {
        kind: 'base-cycle',
        calendarId: id,
        message: `Calendar "${calendar.name}" is its own base calendar (through ${trail.join(' → ')}).`,
      }
    }
    let base: ResolvedSource | null = null
    if (calendar.baseCalendarId !== null && calendar.baseCalendarId !== calendar.id) {
      const resolved = this.source(calendar.baseCalendarId, [...trail, id])
      if ('kind' in resolved) return resolved
      base = resolved
    }
    const pattern = (day: WeekDay | null | undefined): number | null =>
      day === null || day === undefined ? null : this.patterns.intern(day.periods)
    const exceptions = calendar.exceptions.map((exception) => ({
      fromDay: dateToDayNumber(exception.from),
      toDay: dateToDayNumber(exception.to),
      pattern: this.patterns.intern(exception.periods),
    }))
    const source: ResolvedSource = {
      exceptions: new DayRuleIndex(exceptions),
      baseId: base === null ? null : calendar.baseCalendarId,
      workWeeks: new DayRuleIndex(
        calendar.workWeeks.map((week) => ({
          fromDay: dateToDayNumber(week.from),
          toDay: dateToDayNumber(week.to),
          patterns: Array.from({ length: 7 }, (_, weekday) => pattern(week.weekDays[weekday])),
        })),
      ),
      weekDays: Array.from({ length: 7 }, (_, weekday) => pattern(calendar.weekDays[weekday])),
      base,
    }
    this.sources.set(id, source)
    return source
  }

  /** The compiled calendar with this id, or the problem that prevents compiling it. */
  get(id: CalendarId): CompiledCalendar | CalendarProblem {
    const cached = this.compiled.get(id)
    if (cached !== undefined) return cached
    const source = this.source(id, [])
    if ('kind' in source) return source
    const weekly = Array.from({ length: 7 }, (_, weekday) => resolveWeekday(source, weekday, this.nonWorking))
    const hasWeeklyWork = weekly.some((pattern) => (this.patterns.minutes[pattern] as number) > 0)
    if (!hasWeeklyWork && !hasWorkingSpecial(source, this.patterns)) {
      const name = this.byId.get(id)?.name ?? String(id)
      return {
        kind: 'no-working-time',
        calendarId: id,
        message: `Calendar "${name}" has no working time: tasks on it could never be scheduled.`,
      }
    }
    let resolveDay = (day: number): number => {
      const weekday = dateWeekday(day)
      // Own exceptions and work weeks win, then the base calendars' exceptions (holidays), then the own week.
      const special = resolveSpecial(source, day, weekday)
      return special ?? (weekly[weekday] as number)
    }
    // A calendar that only adds exceptions to its base (a resource's vacations) reads the base's compiled days.
    const isExceptionsOnly =
      source.baseId !== null && source.workWeeks.rules.length === 0 && source.weekDays.every((day) => day === null)
    const base = isExceptionsOnly && source.baseId !== null ? this.get(source.baseId) : null
    let overlay: { base: CompiledCalendar; rules: readonly DayRule[] } | null = null
    if (base !== null && !calendarIsProblem(base)) {
      resolveDay = (day: number): number => ownException(source, day) ?? base.patternOfDay(day)
      overlay = { base, rules: source.exceptions.rules }
    }
    const compiled = new CompiledCalendar(id, this.anchorDay, this.patterns, resolveDay, overlay)
    this.compiled.set(id, compiled)
    this.resolvers.set(id, resolveDay)
    return compiled
  }

  /**
   * The working time calendars `a` and `b` have in common (a resource's calendar on a task with its own calendar),
   * compiled and cached. A pair without common working time in the two years after the anchor day is refused.
   * @returns the compiled intersection (its id is `a`'s), or the problem with either calendar or with the pair
   */
  intersection(a: CalendarId, b: CalendarId): CompiledCalendar | CalendarProblem {
    if (a === b) return this.get(a)
    const key = `${a}&${b}`
    const cached = this.intersections.get(key)
    if (cached !== undefined) return cached
    const first = this.get(a)
    if (calendarIsProblem(first)) return first
    const second = this.get(b)
    if (calendarIsProblem(second)) return second
    const resolveA = this.resolvers.get(a)
    const resolveB = this.resolvers.get(b)
    if (resolveA === undefined || resolveB === undefined) return first
    const patterns = this.patterns
    const compiled = new CompiledCalendar(a, this.anchorDay, patterns, (day) =>
      patterns.intersect(resolveA(day), resolveB(day)),
    )
    const anchor = this.anchorDay * 1440
    const result: CompiledCalendar | CalendarProblem =
      compiled.work(anchor + 730 * 1440) > compiled.work(anchor)
        ? compiled
        : {
            kind: 'no-working-time',
            calendarId: a,
            message: `Calendars "${this.byId.get(a)?.name ?? a}" and "${this.byId.get(b)?.name ?? b}" have no working time in common.`,
          }
    this.intersections.set(key, result)
    return result
  }
}

function hasWorkingSpecial(source: ResolvedSource, patterns: PatternTable): boolean {
  const works = (pattern: number | null): boolean =>
    pattern !== null && (patterns.minutes[pattern] as number) > 0
  if (source.exceptions.rules.some((rule) => works(rule.pattern))) return true
  if (source.workWeeks.rules.some((week) => week.patterns.some(works))) return true
  return source.base !== null && hasWorkingSpecial(source.base, patterns)
}

/**
 * Working minutes between two wall minutes during which at least one of `calendars` works (Microsoft Project's
 * duration of a task whose resources work on different calendars). The calendars must come from one `CalendarSet`.
 */
export function calendarUnionMinutes(
  calendars: readonly CompiledCalendar[],
  from: WallMinutes,
  to: WallMinutes,
): number {
  const first = calendars[0]
  if (first === undefined || !(to > from)) return 0
  if (calendars.every((calendar) => calendar === first)) return first.work(to) - first.work(from)
  const table = first.patternTable()
  const second = calendars.length === 2 ? (calendars[1] as CompiledCalendar) : null
  const patterns: number[] = []
  let total = 0
  const lastDay = Math.floor(to / 1440)
  for (let day = Math.floor(from / 1440); day <= lastDay; day++) {
    let pattern: number
    if (second !== null) {
      // Two calendars (the usual case): one cached pair per pattern combination, no list.
      const a = first.patternOfDay(day)
      const b = second.patternOfDay(day)
      pattern = a === b ? a : table.unionPair(a, b)
    } else {
      patterns.length = 0
      for (const calendar of calendars) {
        const dayPattern = calendar.patternOfDay(day)
        if (!patterns.includes(dayPattern)) patterns.push(dayPattern)
      }
      patterns.sort((a, b) => a - b)
      pattern = patterns.length === 1 ? (patterns[0] as number) : table.union(patterns)
    }
    const dayStart = day * 1440
    total += table.minutesBetween(pattern, Math.max(0, from - dayStart), Math.min(1440, to - dayStart))
  }
  return total
}

/** Whether the value is a problem rather than a compiled calendar. */
export function calendarIsProblem(value: CompiledCalendar | CalendarProblem): value is CalendarProblem {
  return !(value instanceof CompiledCalendar)
}

/** Compiled calendars by calendar list (plans are immutable, so an edit that keeps the list keeps its entry). */
const compiledByList = new WeakMap<readonly Calendar[], Map<string, CompiledCalendar | CalendarProblem>>()

/**
 * Compiles one calendar of a plan (with its base chain). The result is remembered for the same calendar list
 * object, plan start day and id, so the views that derive figures after every edit do not compile it again.
 * @returns the compiled calendar (working minutes counted from the plan start's day), or why it cannot be used
 */
export function calendarCompile(
  plan: Pick<Plan, 'calendars' | 'start'>,
  calendarId: CalendarId,
): CompiledCalendar | CalendarProblem {
  const startDay = dateToDayNumber(plan.start.slice(0, 10))
  let byKey = compiledByList.get(plan.calendars)
  if (byKey === undefined) {
    byKey = new Map()
    compiledByList.set(plan.calendars, byKey)
  }
  const key = `${startDay} ${calendarId}`
  let compiled = byKey.get(key)
  if (compiled === undefined) {
    compiled = new CalendarSet(plan.calendars, startDay).get(calendarId)
    byKey.set(key, compiled)
  }
  return compiled
}

/** The id of a resource's effective calendar (`calendarResourceEffective`): negative, so it never clashes. */
export function calendarResourceEffectiveId(resourceId: number): CalendarId {
  return -(resourceId + 1)
}

/**
 * A resource's effective calendar: its own calendar (or the plan's) with its personal non-working days layered on
 * top as non-working exceptions named "Vacation". The returned calendar has id `calendarResourceEffectiveId(id)`; add
 * it to the list given to `CalendarSet` / `calendarCompile` together with the plan's calendars.
 */
export function calendarResourceEffective(plan: Pick<Plan, 'calendarId'>, resource: Resource): Calendar {
  return {
    id: calendarResourceEffectiveId(resource.id),
    name: `${resource.name} (with vacations)`,
    baseCalendarId: resource.calendarId ?? plan.calendarId,
    weekDays: [null, null, null, null, null, null, null],
    exceptions: resource.nonWorkingDays.map((range) => ({
      name: 'Vacation',
      from: range.from,
      to: range.to,
      periods: [],
    })),
    workWeeks: [],
  }
}

/**
 * Compiles the effective calendars of every resource of a plan (see `calendarResourceEffective`).
 * @returns a map from resource id to its compiled calendar, or a problem for resources whose calendar is unusable
 */
export function calendarCompileResources(
  plan: Pick<Plan, 'calendars' | 'start' | 'calendarId' | 'resources'>,
): Map<number, CompiledCalendar | CalendarProblem> {
  const effective = plan.resources.map((resource) => calendarResourceEffective(plan, resource))
  const set = new CalendarSet([...plan.calendars, ...effective], dateToDayNumber(plan.start.slice(0, 10)))
  const result = new Map<number, CompiledCalendar | CalendarProblem>()
  for (const resource of plan.resources)
    result.set(resource.id, set.get(calendarResourceEffectiveId(resource.id)))
  return result
}

/** Working minutes between two wall minutes on a compiled calendar (negative when `to` is before `from`). */
export function calendarWorkingMinutesBetween(
  calendar: CompiledCalendar,
  from: WallMinutes,
  to: WallMinutes,
): number {
  return calendar.work(to) - calendar.work(from)
}

/**
 * Adds working minutes to a wall minute. A positive or zero amount gives a finish-style result (Friday 17:00 stays
 * Friday 17:00); use `calendarNextWorkingTime` on the result to get the next start.
 * @returns the wall minute after (or, for negative amounts, before) `minutes` of working time
 */
export function calendarAddWorkingMinutes(
  calendar: CompiledCalendar,
  from: WallMinutes,
  minutes: number,
): WallMinutes {
  return calendar.finishAt(calendar.work(from) + minutes)
}

/** The first wall minute at or after `t` that lies in working time (the start of the next working period). */
export function calendarNextWorkingTime(calendar: CompiledCalendar, t: WallMinutes): WallMinutes {
  return calendar.startAt(calendar.work(t))
}

/** Whether wall minute `t` is inside a working period of the calendar. */
export function calendarIsWorkingTime(calendar: CompiledCalendar, t: WallMinutes): boolean {
  return calendar.isWorking(t)
}
