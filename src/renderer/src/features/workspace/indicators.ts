/**
 * The Indicators column, as in Microsoft Project: small signs on a task's row for what pins or flags it (a date
 * constraint, a start before the project start, a deadline, a leveling delay, an over-allocation, a note), each with
 * the sentence its tooltip and its accessible name say. Every indicator is one entry of `indicatorDefs`: another
 * (manual scheduling, once tasks have a mode) is one more entry, painted by the row painter like the others.
 */
import type { ConstraintType, Task } from '../../../../shared/domain/model'
import { dateShow, dateShowTime } from '../../ui/date-format'
import type { Derived } from './derived'
import { dateToWallMinutes } from '../../../../shared/domain/dates'

/** What an indicator looks at: the task's row of the view, and why it is over-allocated (if it is). */
export type IndicatorSubject = { derived: Derived; index: number; task: Task; overallocation: string | undefined }

/** `info` is shown plainly, `warning` in amber, `problem` in red. */
export type IndicatorTone = 'info' | 'warning' | 'problem'

export type IndicatorShown = { text: string; tone: IndicatorTone }

export type IndicatorDef = {
  key: string
  /** The sign in the cell (a character every system font has). */
  glyph: string
  /** The tooltip sentence and tone, or `null` when the indicator does not apply to the task. */
  describe(subject: IndicatorSubject): IndicatorShown | null
}

/** Constraint names as Microsoft Project words them in its indicator tooltips. */
const constraintNames: Record<ConstraintType, string> = {
  ASAP: 'As Soon As Possible',
  ALAP: 'As Late As Possible',
  SNET: 'Start No Earlier Than',
  SNLT: 'Start No Later Than',
  FNET: 'Finish No Earlier Than',
  FNLT: 'Finish No Later Than',
  MSO: 'Must Start On',
  MFO: 'Must Finish On',
}

/** Constraints that can hold a task against its links (Microsoft Project's "inflexible" ones). */
const inflexible: ReadonlySet<ConstraintType> = new Set(['SNLT', 'FNLT', 'MSO', 'MFO'])

function at(values: Float64Array | undefined, index: number): number {
  return values?.[index] ?? Number.NaN
}

function daysText(minutes: number, perDay: number, unit: string): string {
  const days = Math.round((minutes / perDay) * 100) / 100
  return `${days} ${unit}${days === 1 ? '' : 's'}`
}

export const indicatorDefs: readonly IndicatorDef[] = [
  {
    key: 'constraint',
    glyph: '▦',
    describe: ({ task }) => {
      const { type, date } = task.constraint
      if (date === null || type === 'ASAP' || type === 'ALAP') return null
      return { text: `This task has a '${constraintNames[type]}' constraint on ${dateShowTime(dateToWallMinutes(date))}.`, tone: inflexible.has(type) ? 'warning' : 'info' }
    },
  },
  {
    key: 'before-start',
    glyph: '⇤',
    describe: ({ derived, index, task }) => {
      const schedule = derived.schedule
      if (schedule === null || schedule.startsBeforeProjectStart[index] !== 1) return null
      const why =
        task.actualStart !== null
          ? 'its actual start puts it there'
          : task.constraint.date !== null && task.constraint.type !== 'ASAP' && task.constraint.type !== 'ALAP'
            ? `its '${constraintNames[task.constraint.type]}' constraint puts it there`
            : 'a finish-to-finish or start-to-finish link puts it there'
      return {
        text: `This task starts on ${dateShow(at(schedule.start, index))}, before the project start ${dateShow(dateToWallMinutes(derived.plan.start))}: ${why}.`,
        tone: 'warning',
      }
    },
  },
  {
    key: 'deadline',
    glyph: '⚑',
    describe: ({ derived, index, task }) => {
      if (task.deadline === null) return null
      const deadline = dateToWallMinutes(task.deadline)
      const finish = at(derived.schedule?.finish, index)
      if (finish > deadline) return { text: `This task finishes on ${dateShow(finish)}, after its deadline ${dateShowTime(deadline)}.`, tone: 'problem' }
      return { text: `Deadline: ${dateShowTime(deadline)}.`, tone: 'info' }
    },
  },
  {
    key: 'leveling',
    glyph: '↦',
    describe: ({ task }) =>
      task.levelingDelay > 0
        ? { text: `Delayed ${daysText(task.levelingDelay, 1440, 'day')} by resource leveling (Clear leveling takes the delay away).`, tone: 'info' }
        : null,
  },
  {
    key: 'overallocated',
    glyph: '⚠',
    describe: ({ overallocation }) => (overallocation === undefined ? null : { text: `Over-allocated: ${overallocation}`, tone: 'problem' }),
  },
  {
    key: 'note',
    glyph: '✎',
    describe: ({ task }) => {
      const notes = task.notes.trim()
      if (notes === '') return null
      return { text: `Notes: ${notes.length > 200 ? `${notes.slice(0, 200)}…` : notes}`, tone: 'info' }
    },
  },
]

/** The indicators a task shows, in column order, with their sentences (what the tooltip lists). */
export function indicatorsOf(subject: IndicatorSubject): { def: IndicatorDef; shown: IndicatorShown }[] {
  const result: { def: IndicatorDef; shown: IndicatorShown }[] = []
  for (const def of indicatorDefs) {
    const shown = def.describe(subject)
    if (shown !== null) result.push({ def, shown })
  }
  return result
}
