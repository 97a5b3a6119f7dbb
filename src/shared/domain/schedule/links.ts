/**
 * Link and constraint arithmetic of the engine: lag kinds and amounts, the working minute and wall time a link binds,
 * the bounds a summary passes down, and where a task starts from its bounds and its constraint. Pure and
 * allocation-free; the forward pass (`forward.ts`), the backward pass and resource leveling all place tasks with
 * these. Dates are wall minutes, `…W` values working minutes of the calendar passed as `own`, link types the graph's
 * codes (`linkTypeCode` in `validate.ts`).
 */
import type { CompiledCalendar } from '../calendar'
import type { ConstraintType, DurationUnit, LagUnit } from '../model'
import { linkTypeCode } from '../validate'
import type { ScheduleContext } from './context'

const { FS, SS, FF } = linkTypeCode

/** Constraint codes as the engine stores them per task (`scheduleConstraintCode`). */
export const scheduleConstraintCodes = {
  ASAP: 0,
  ALAP: 1,
  MSO: 2,
  MFO: 3,
  SNET: 4,
  SNLT: 5,
  FNET: 6,
  FNLT: 7,
} as const
const { MSO, MFO, SNLT, FNLT } = scheduleConstraintCodes

/** How a link's lag is measured: working or elapsed minutes, or a percentage of the predecessor's duration. */
export const scheduleLagKinds = { working: 0, elapsed: 1, percent: 2, elapsedPercent: 3 } as const
const lagKindWorking = 0
const lagKindElapsed = 1
const lagKindPercent = 2
const lagKindElapsedPercent = 3

/** Slack at or below this many minutes counts as zero (critical); a link short by no more than this holds. */
export const scheduleSlackTolerance = 1e-6

const elapsedUnits: ReadonlySet<string> = new Set(['em', 'eh', 'ed', 'ew', 'emo'])

/** Whether a duration or lag unit counts wall-clock (elapsed) minutes. */
export function scheduleIsElapsedUnit(unit: DurationUnit | LagUnit): boolean {
  return elapsedUnits.has(unit)
}

/** The lag kind (`scheduleLagKinds`) of a lag unit. */
export function scheduleLagKind(unit: LagUnit): number {
  if (unit === '%') return lagKindPercent
  if (unit === 'e%') return lagKindElapsedPercent
  return elapsedUnits.has(unit) ? lagKindElapsed : lagKindWorking
}

/** The constraint code of a constraint type (ASAP for an unknown one). */
export function scheduleConstraintCode(type: ConstraintType): number {
  return scheduleConstraintCodes[type] ?? scheduleConstraintCodes.ASAP
}

/** Whether a lag of this kind counts wall-clock minutes (elapsed, or a percentage of elapsed time). */
export function scheduleLagIsElapsed(kind: number): boolean {
  return kind === lagKindElapsed || kind === lagKindElapsedPercent
}

/**
 * A link's lag in minutes: a percentage lag as whole minutes of the predecessor's duration, any other lag as it is.
 * Rounded: a fraction such as 0.55 x 14,400 = 7,920.000000000001 would otherwise land a successor a hair before the
 * start of a working stretch.
 */
export function scheduleLagMinutes(kind: number, lag: number, predecessorDuration: number): number {
  return kind >= lagKindPercent ? Math.round((lag * predecessorDuration) / 100) : lag
}

/**
 * The lag of link `link` of a compiled plan in minutes (`scheduleLagMinutes`): a percentage lag counts its
 * predecessor's duration, or a summary predecessor's rolled-up span from the forward pass.
 */
export function scheduleLinkLag(
  context: Pick<ScheduleContext, 'graph' | 'lagKind' | 'lag' | 'duration' | 'rolledDuration'>,
  link: number,
): number {
  const predecessor = context.graph.linkPredecessor[link] as number
  const duration =
    context.graph.isSummary[predecessor] === 1
      ? context.rolledDuration[predecessor]
      : context.duration[predecessor]
  return scheduleLagMinutes(context.lagKind[link] as number, context.lag[link] as number, duration as number)
}

/** Whether a link of this type is measured from its predecessor's finish (FS, FF) rather than its start. */
export function scheduleLinkFromFinish(type: number): boolean {
  return type === FS || type === FF
}

/** Whether a link of this type binds its successor's start (FS, SS) rather than its finish. */
export function scheduleLinkToStart(type: number): boolean {
  return type === FS || type === SS
}

/**
 * The working minute of `own` (the successor's calendar) that a link binds: the predecessor's date `baseWall` plus
 * the lag `amount`, counted on the wall clock for elapsed lags and in `own`'s working time otherwise.
 */
export function scheduleLinkWork(
  own: CompiledCalendar,
  baseWall: number,
  amount: number,
  elapsed: boolean,
): number {
  return elapsed ? own.work(baseWall + amount) : own.work(baseWall) + amount
}

/**
 * The wall time of a link's bound `w` (from `scheduleLinkWork`): without lag, the predecessor's date itself (so an SF
 * successor driven by a start at 08:00 finishes at 08:00, as Microsoft Project shows it); with a lag, the end of the
 * working stretch for bounds on the finish and the beginning of one for SS (checked against Project's files).
 */
export function scheduleLinkWall(
  own: CompiledCalendar,
  type: number,
  baseWall: number,
  amount: number,
  elapsed: boolean,
  w: number,
): number {
  if (elapsed) return baseWall + amount
  if (amount === 0) return baseWall
  return type === SS ? own.startAt(w) : own.finishAt(w)
}

/**
 * Whether a link holds: its successor's bound date `target` (the start for FS and SS links, the finish for FF and SF;
 * wall minutes) is at or after the predecessor's date `baseWall` plus the lag `amount`, counted on the wall clock
 * for elapsed lags and in working time of `own` (the successor's calendar) otherwise.
 */
export function scheduleLinkHolds(
  own: CompiledCalendar,
  baseWall: number,
  amount: number,
  elapsed: boolean,
  target: number,
): boolean {
  if (elapsed) return target >= baseWall + amount
  return own.work(target) + scheduleSlackTolerance >= own.work(baseWall) + amount
}

/**
 * The start bound a summary passes to its children: the later of its wall-clock bound and that bound's working-time
 * form on the summary's calendar (the children's calendars may differ). -Infinity when nothing binds the start.
 */
export function scheduleSummaryStart(own: CompiledCalendar, startWall: number, startW: number): number {
  return startWall === Number.NEGATIVE_INFINITY ? startWall : Math.max(startWall, own.startAt(startW))
}

/** The finish bound a summary passes to its children, as `scheduleSummaryStart`. */
export function scheduleSummaryFinish(own: CompiledCalendar, finishWall: number, finishW: number): number {
  return finishWall === Number.NEGATIVE_INFINITY ? finishWall : Math.max(finishWall, own.finishAt(finishW))
}

/**
 * Early start (wall minutes, before any leveling delay) of a task placed on the wall clock (a milestone, `span` 0,
 * or an elapsed-duration task) from its start and finish bounds and its constraint (`date` in wall minutes).
 */
export function scheduleWallStart(
  constraint: number,
  date: number,
  startWall: number,
  finishWall: number,
  span: number,
): number {
  const es = Math.max(startWall, finishWall - span)
  if (constraint === SNLT && es > date) return date
  if (constraint === FNLT && es + span > date) return date - span
  if (constraint === MSO) return date
  if (constraint === MFO) return date - span
  return es
}

/**
 * Early start, as a working minute of `own`, of a task scheduled in working time (`length` working minutes) from its
 * start and finish bounds and its constraint (`date` in wall minutes). No-later-than dates win over links.
 */
export function scheduleWorkStart(
  own: CompiledCalendar,
  constraint: number,
  date: number,
  startW: number,
  finishW: number,
  length: number,
): number {
  const w = finishW - length > startW ? finishW - length : startW
  if (constraint === SNLT) {
    const limit = own.work(date)
    return w > limit ? limit : w
  }
  if (constraint === FNLT) {
    const limit = own.work(date) - length
    return w > limit ? limit : w
  }
  if (constraint === MSO) return own.work(date)
  if (constraint === MFO) return own.work(date) - length
  return w
}

/**
 * Where a milestone at `at` sits: never inside non-working time (Saturday 10:00 moves to Monday 08:00), while the
 * end of a working stretch (Friday 17:00) stays.
 */
export function scheduleMilestoneAt(own: CompiledCalendar, at: number): number {
  return !own.isWorking(at) && !own.isWorking(at - 1) ? own.startAt(own.work(at)) : at
}

/**
 * Whether a task scheduled in working time that finishes at working minute `finishAtW` keeps the wall time
 * `finishWall` of the link bound on its finish (`finishW`, its working form) rather than `own.finishAt(finishAtW)`:
 * when that link drives the finish and its wall time lies at or just after working time.
 */
export function scheduleKeepsLinkFinish(
  own: CompiledCalendar,
  finishAtW: number,
  finishW: number,
  finishWall: number,
): boolean {
  return (
    finishWall > Number.NEGATIVE_INFINITY &&
    finishAtW === finishW &&
    own.work(finishWall) === finishW &&
    (own.isWorking(finishWall) || own.isWorking(finishWall - 1))
  )
}
