import type { IsoDate } from '../../../../shared/domain/model'
import { cycleDaysBetween } from '../../../../shared/career/cycle'
import { unitAmount, unitLabel } from '../../../../shared/career/units'

/** A number with thousands separators and at most two decimals: 82500 -> "82,500". */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 })
}

/** "in 14 days", "today", "3 days ago". */
export function formatDaysFrom(today: IsoDate, day: IsoDate): string {
  const days = cycleDaysBetween(today, day)
  if (days === 0) return 'today'
  if (days === 1) return 'tomorrow'
  if (days > 0) return `in ${formatNumber(days)} days`
  return days === -1 ? 'yesterday' : `${formatNumber(-days)} days ago`
}

/** A stable id for form controls inside one component instance. */
export function fieldId(prefix: string, name: string): string {
  return `${prefix}-${name}`
}

/** `count` with its unit in plain words: "23 PDUs", "1 CPD point". */
export function formatUnits(unitName: string | null, count: number): string {
  return unitAmount(unitName, count)
}

/** The plural name of a unit, for column headers and labels: "PDUs", "CPD points". */
export function formatUnitPlural(unitName: string | null): string {
  return unitLabel(unitName, 2)
}
