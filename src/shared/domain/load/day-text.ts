/**
 * Day texts for the many period bounds of a load run, without a Date object per day.
 */
import type { IsoDate } from '../model'

/** Day texts already made, by day number (0 = 1970-01-01 up to about year 2328): period bounds repeat run after run. */
const isoDayCache: IsoDate[] = []
const isoDayCacheLimit = 2 ** 17

/**
 * `YYYY-MM-DD` of a day number (days since 1970-01-01) without a Date object, made once per day number (the many
 * period bounds of each load run, and the dates of leveling's moved list, reuse them).
 */
export function loadDayText(dayNumber: number): IsoDate {
  if (!(dayNumber >= 0 && dayNumber < isoDayCacheLimit && Number.isInteger(dayNumber)))
    return isoDayText(dayNumber)
  return (isoDayCache[dayNumber] ??= isoDayText(dayNumber))
}

/** `YYYY-MM-DD` of a day number without a Date object (civil-from-days). */
function isoDayText(dayNumber: number): IsoDate {
  const z = dayNumber + 719468
  const era = Math.floor(z / 146097)
  const dayOfEra = z - era * 146097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`
}
