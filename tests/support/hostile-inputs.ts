import { dateFromDayNumber, dateToDayNumber } from '../../src/shared/domain/dates'
import { calendarStandard, makePlan, makeTask } from '../../src/shared/domain/defaults'
import { mspdiNamespace } from '../../src/shared/formats/mspdi/codes'
import { planFileSerialize } from '../../src/shared/formats/plan-file'

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

/**
 * A `.gantry` plan whose `tasks` tasks form one dependency cycle (1 -> 2 -> ... -> n -> 1). Finding the cycle to
 * report it walked every link for every task (quadratic) before the cycle finder was shared.
 */
export function hostileGantryCycle(tasks = 20_000): string {
  const plan = makePlan('cycle', 'Cycle', '2026-01-05T08:00:00', '2026-01-01T00:00:00', {
    tasks: Array.from({ length: tasks }, (_, index) => makeTask(index + 1, { name: `T${index + 1}`, duration: 480 })),
    dependencies: Array.from({ length: tasks }, (_, index) => ({
      id: index + 1,
      predecessorId: index + 1,
      successorId: index === tasks - 1 ? 1 : index + 2,
      type: 'FS' as const,
      lag: 0,
      lagUnit: 'd' as const,
    })),
  })
  return planFileSerialize(plan)
}

/** MS Project XML whose `count` calendars are each based on the next (a chain Microsoft Project never writes). */
export function hostileXmlCalendarChain(count = 10_000): string {
  const calendars = Array.from(
    { length: count },
    (_, index) =>
      `<Calendar><UID>${index + 1}</UID><Name>C${index + 1}</Name><IsBaseCalendar>${index === count - 1 ? 1 : 0}</IsBaseCalendar><BaseCalendarUID>${index === count - 1 ? -1 : index + 2}</BaseCalendarUID></Calendar>`,
  ).join('')
  return mspdiMinimalWith(`<CalendarUID>1</CalendarUID><Calendars>${calendars}</Calendars>`, '<Task><UID>1</UID><Name>A</Name><Duration>PT8H0M0S</Duration></Task>')
}

/** MS Project XML with `count` document type declarations before the root (each once scanned the rest of the text). */
export function hostileXmlDoctypes(count = 100_000): string {
  return `<?xml version="1.0"?>${'<!DOCTYPE Project>'.repeat(count)}<Project xmlns="${mspdiNamespace}"></Project>`
}

/**
 * MS Project XML whose calendar has `count` one-day exceptions and a task long enough to be scheduled over 200 years,
 * so the calendar resolves tens of thousands of days: each once scanned every exception.
 */
export function hostileXmlExceptions(count = 20_000): string {
  const exceptions = Array.from({ length: count }, (_, index) => {
    const day = dateFromDayNumber(dateToDayNumber('2026-01-05') + 3 * index + 1)
    return `<Exception><TimePeriod><FromDate>${day}T00:00:00</FromDate><ToDate>${day}T23:59:00</ToDate></TimePeriod><Name>H</Name><Type>1</Type><DayWorking>0</DayWorking></Exception>`
  }).join('')
  const week = [1, 2, 3, 4, 5, 6, 7]
    .map((day) => `<WeekDay><DayType>${day}</DayType><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>16:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>`)
    .join('')
  const calendar = `<CalendarUID>1</CalendarUID><Calendars><Calendar><UID>1</UID><Name>Busy</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays>${week}</WeekDays><Exceptions>${exceptions}</Exceptions></Calendar></Calendars>`
  // 60,000 working days of 8 hours.
  return mspdiMinimalWith(calendar, '<Task><UID>1</UID><Name>Long</Name><Duration>PT480000H0M0S</Duration></Task>')
}

/** A task CSV whose `rows` rows form one cycle through their predecessors (the report once spread every row into Math.min). */
export function hostileCsvCycle(rows = 200_000): string {
  const lines = Array.from({ length: rows }, (_, index) => `T${index + 1},1d,${index === 0 ? rows : index}`)
  return `Name,Duration,Predecessors\r\n${lines.join('\r\n')}\r\n`
}

function mspdiMinimalWith(header: string, tasks: string): string {
  return `<?xml version="1.0"?><Project xmlns="${mspdiNamespace}"><Name>Hostile</Name><StartDate>2026-01-05T08:00:00</StartDate>${header}<Tasks>${tasks}</Tasks></Project>`
}

/** A `.gantry` plan whose `count` calendars are each based on the next, with a task on the first. */
export function hostileGantryCalendarChain(count = 10_000): string {
  const calendars = Array.from({ length: count }, (_, index) => ({
    ...calendarStandard(index + 1, `C${index + 1}`),
    baseCalendarId: index === count - 1 ? null : index + 2,
    weekDays: index === count - 1 ? calendarStandard().weekDays : [null, null, null, null, null, null, null],
  }))
  const plan = makePlan('chain', 'Chain', '2026-01-05T08:00:00', '2026-01-01T00:00:00', {
    calendars,
    calendarId: 1,
    tasks: [makeTask(1, { name: 'A', duration: 480 * 2000 })],
  })
  return planFileSerialize(plan)
}
