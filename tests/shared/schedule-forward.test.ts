import { describe, expect, it } from 'vitest'
import { CalendarSet, calendarIsProblem, type CompiledCalendar } from '../../src/shared/domain/calendar'
import { dateFromWallMinutes, dateToDayNumber, dateToWallMinutes } from '../../src/shared/domain/dates'
import { calendarStandard } from '../../src/shared/domain/defaults'
import {
  scheduleConstraintCode,
  scheduleIsElapsedUnit,
  scheduleKeepsLinkFinish,
  scheduleLagIsElapsed,
  scheduleLagKind,
  scheduleLagMinutes,
  scheduleLinkFromFinish,
  scheduleLinkHolds,
  scheduleLinkToStart,
  scheduleLinkWall,
  scheduleLinkWork,
  scheduleMilestoneAt,
  scheduleSummaryFinish,
  scheduleSummaryStart,
  scheduleWallStart,
  scheduleWorkStart,
  scheduleLagKinds,
} from '../../src/shared/domain/schedule'
import { linkTypeCode } from '../../src/shared/domain/validate'

const at = (text: string): number => dateToWallMinutes(text)
const show = (minutes: number): string => dateFromWallMinutes(minutes).slice(0, 16)
const NEG = Number.NEGATIVE_INFINITY
const { FS, SS, FF, SF } = linkTypeCode

function standard(): CompiledCalendar {
  const result = new CalendarSet([calendarStandard()], dateToDayNumber('2026-10-05')).get(1)
  if (calendarIsProblem(result)) throw new Error(result.message)
  return result
}

//  October 2026        Mo Tu We Th Fr Sa Su
//                       5  6  7  8  9 10 11
//                      12 13 14 15 16 17 18
// Standard calendar: Mon–Fri 08–12, 13–17.
const own = standard()
const friday17 = at('2026-10-09T17:00:00')
const saturday10 = at('2026-10-10T10:00:00')

describe('units, kinds and codes', () => {
  it('tells elapsed units from working ones', () => {
    expect(scheduleIsElapsedUnit('ed')).toBe(true)
    expect(scheduleIsElapsedUnit('emo')).toBe(true)
    expect(scheduleIsElapsedUnit('d')).toBe(false)
    expect(scheduleIsElapsedUnit('%')).toBe(false)
  })

  it('maps lag units to lag kinds', () => {
    expect(scheduleLagKind('h')).toBe(scheduleLagKinds.working)
    expect(scheduleLagKind('eh')).toBe(scheduleLagKinds.elapsed)
    expect(scheduleLagKind('%')).toBe(scheduleLagKinds.percent)
    expect(scheduleLagKind('e%')).toBe(scheduleLagKinds.elapsedPercent)
  })

  it('counts elapsed and elapsed-percent lags on the wall clock only', () => {
    expect(scheduleLagIsElapsed(scheduleLagKinds.working)).toBe(false)
    expect(scheduleLagIsElapsed(scheduleLagKinds.elapsed)).toBe(true)
    expect(scheduleLagIsElapsed(scheduleLagKinds.percent)).toBe(false)
    expect(scheduleLagIsElapsed(scheduleLagKinds.elapsedPercent)).toBe(true)
  })

  it('maps constraint types to the engine codes', () => {
    const types = ['ASAP', 'ALAP', 'MSO', 'MFO', 'SNET', 'SNLT', 'FNET', 'FNLT'] as const
    expect(types.map(scheduleConstraintCode)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
  })

  it('knows which end of each link type binds which', () => {
    expect([FS, SS, FF, SF].map(scheduleLinkFromFinish)).toEqual([true, false, true, false])
    expect([FS, SS, FF, SF].map(scheduleLinkToStart)).toEqual([true, true, false, false])
  })
})

describe('scheduleLagMinutes', () => {
  it('takes percentage lags as whole minutes of the predecessor duration', () => {
    // 0.55 x 14,400 is 7,920.000000000001 in floating point.
    expect(scheduleLagMinutes(scheduleLagKinds.percent, 55, 14_400)).toBe(7920)
    expect(scheduleLagMinutes(scheduleLagKinds.elapsedPercent, 50, 961)).toBe(481)
    expect(scheduleLagMinutes(scheduleLagKinds.percent, -25, 960)).toBe(-240)
  })

  it('leaves other lags as they are, whatever the duration', () => {
    expect(scheduleLagMinutes(scheduleLagKinds.working, 480, 9999)).toBe(480)
    expect(scheduleLagMinutes(scheduleLagKinds.elapsed, 90.5, 0)).toBe(90.5)
  })
})

describe('link bounds', () => {
  it('adds a working lag in working time of the successor calendar', () => {
    const w = scheduleLinkWork(own, friday17, 60, false)
    expect(w).toBe(own.work(friday17) + 60)
    expect(show(own.startAt(w))).toBe('2026-10-12T09:00')
  })

  it('adds an elapsed lag on the wall clock', () => {
    expect(scheduleLinkWork(own, friday17, 60, true)).toBe(own.work(friday17))
    expect(scheduleLinkWork(own, friday17, 64 * 60, true)).toBe(own.work(at('2026-10-12T09:00:00')))
  })

  it('keeps the predecessor date as the wall bound when there is no lag', () => {
    const w = scheduleLinkWork(own, friday17, 0, false)
    expect(scheduleLinkWall(own, FS, friday17, 0, false, w)).toBe(friday17)
    expect(scheduleLinkWall(own, SS, friday17, 0, false, w)).toBe(friday17)
  })

  it('places a lagged finish bound at the end of a working stretch and an SS bound at the start of one', () => {
    const w = scheduleLinkWork(own, friday17, 480, false)
    expect(show(scheduleLinkWall(own, FS, friday17, 480, false, w))).toBe('2026-10-12T17:00')
    expect(show(scheduleLinkWall(own, FF, friday17, 480, false, w))).toBe('2026-10-12T17:00')
    expect(show(scheduleLinkWall(own, SS, friday17, 480, false, w))).toBe('2026-10-13T08:00')
  })

  it('uses the wall-clock sum for elapsed lags', () => {
    const w = scheduleLinkWork(own, friday17, 120, true)
    expect(scheduleLinkWall(own, SS, friday17, 120, true, w)).toBe(friday17 + 120)
  })
})

describe('summary bounds', () => {
  it('passes no bound down when none binds', () => {
    expect(scheduleSummaryStart(own, NEG, NEG)).toBe(NEG)
    expect(scheduleSummaryFinish(own, NEG, NEG)).toBe(NEG)
  })

  it('takes the later of the wall bound and its working-time form', () => {
    expect(show(scheduleSummaryStart(own, saturday10, own.work(saturday10)))).toBe('2026-10-12T08:00')
    expect(scheduleSummaryFinish(own, saturday10, own.work(saturday10))).toBe(saturday10)
    expect(scheduleSummaryStart(own, friday17, own.work(friday17) - 60)).toBe(friday17)
  })
})

describe('scheduleWallStart', () => {
  const [ASAP, SNET, SNLT, FNLT, MSO, MFO] = (['ASAP', 'SNET', 'SNLT', 'FNLT', 'MSO', 'MFO'] as const).map(
    scheduleConstraintCode,
  )

  it('starts at the later of the start bound and the finish bound less the span', () => {
    expect(scheduleWallStart(ASAP, Number.NaN, 100, NEG, 0)).toBe(100)
    expect(scheduleWallStart(ASAP, Number.NaN, 100, 200, 60)).toBe(140)
    expect(scheduleWallStart(SNET, 500, 100, NEG, 0)).toBe(100)
  })

  it('lets no-later-than and must dates win over the bounds', () => {
    expect(scheduleWallStart(SNLT, 50, 100, NEG, 30)).toBe(50)
    expect(scheduleWallStart(SNLT, 150, 100, NEG, 30)).toBe(100)
    expect(scheduleWallStart(FNLT, 120, 100, NEG, 60)).toBe(60)
    expect(scheduleWallStart(FNLT, 200, 100, NEG, 60)).toBe(100)
    expect(scheduleWallStart(MSO, 30, 100, NEG, 60)).toBe(30)
    expect(scheduleWallStart(MFO, 300, 100, NEG, 60)).toBe(240)
  })
})

describe('scheduleWorkStart', () => {
  const [ASAP, SNLT, FNLT, MSO, MFO] = (['ASAP', 'SNLT', 'FNLT', 'MSO', 'MFO'] as const).map(
    scheduleConstraintCode,
  )
  const monday = own.work(at('2026-10-05T08:00:00'))

  it('starts at the later of the start bound and the finish bound less the duration', () => {
    expect(scheduleWorkStart(own, ASAP, Number.NaN, monday, NEG, 480)).toBe(monday)
    expect(scheduleWorkStart(own, ASAP, Number.NaN, monday, monday + 960, 480)).toBe(monday + 480)
  })

  it('lets no-later-than and must dates win over the bounds', () => {
    const tuesday = at('2026-10-06T08:00:00')
    expect(scheduleWorkStart(own, SNLT, tuesday, monday + 960, NEG, 480)).toBe(monday + 480)
    expect(scheduleWorkStart(own, SNLT, tuesday, monday, NEG, 480)).toBe(monday)
    expect(scheduleWorkStart(own, FNLT, tuesday, monday + 960, NEG, 240)).toBe(monday + 240)
    expect(scheduleWorkStart(own, MSO, tuesday, monday + 960, NEG, 240)).toBe(monday + 480)
    expect(scheduleWorkStart(own, MFO, tuesday, monday, NEG, 240)).toBe(monday + 240)
  })
})

describe('scheduleMilestoneAt', () => {
  it('moves a milestone out of non-working time to the next working stretch', () => {
    expect(show(scheduleMilestoneAt(own, saturday10))).toBe('2026-10-12T08:00')
    expect(show(scheduleMilestoneAt(own, at('2026-10-05T12:30:00')))).toBe('2026-10-05T13:00')
  })

  it('keeps a milestone in working time or at the end of a working stretch', () => {
    expect(scheduleMilestoneAt(own, friday17)).toBe(friday17)
    expect(scheduleMilestoneAt(own, at('2026-10-05T12:00:00'))).toBe(at('2026-10-05T12:00:00'))
    expect(scheduleMilestoneAt(own, at('2026-10-07T10:00:00'))).toBe(at('2026-10-07T10:00:00'))
  })
})

describe('scheduleKeepsLinkFinish', () => {
  it('keeps the wall time of a finish link that drives the task', () => {
    const finishW = own.work(friday17)
    expect(scheduleKeepsLinkFinish(own, finishW, finishW, friday17)).toBe(true)
  })

  it('does not when the link does not drive the finish, or there is none', () => {
    const finishW = own.work(friday17)
    expect(scheduleKeepsLinkFinish(own, finishW + 60, finishW, friday17)).toBe(false)
    expect(scheduleKeepsLinkFinish(own, finishW, finishW, NEG)).toBe(false)
  })

  it('does not keep a wall time inside non-working time', () => {
    const finishW = own.work(saturday10)
    expect(scheduleKeepsLinkFinish(own, finishW, finishW, saturday10)).toBe(false)
  })
})

describe('scheduleLinkHolds', () => {
  it('counts a working lag in working time: Friday 17:00 + 1 h is reached on Monday 09:00', () => {
    expect(scheduleLinkHolds(own, friday17, 60, false, at('2026-10-12T09:00:00'))).toBe(true)
    expect(scheduleLinkHolds(own, friday17, 60, false, at('2026-10-12T08:30:00'))).toBe(false)
    // The weekend is no working time: a start on Monday 08:00 follows a Friday 17:00 finish at once.
    expect(scheduleLinkHolds(own, friday17, 0, false, at('2026-10-12T08:00:00'))).toBe(true)
  })

  it('counts an elapsed lag on the wall clock', () => {
    expect(scheduleLinkHolds(own, friday17, 60, true, at('2026-10-09T18:00:00'))).toBe(true)
    expect(scheduleLinkHolds(own, friday17, 60, true, at('2026-10-09T17:59:00'))).toBe(false)
  })
})
