import type { ConstraintType, CostAccrual, DependencyType, DurationUnit, LagUnit, RateUnit, TaskType } from '../../domain/model'

/**
 * Codes of the Microsoft Project XML format (MSPDI), as listed in `../shared/mspdi/FIELDS.md`.
 */

/** The only namespace real MSPDI files use (MS Project 2002-2019, MPXJ, GanttProject, ProjectLibre). */
export const mspdiNamespace = 'http://schemas.microsoft.com/project'

/** `SaveVersion` written by `mspdiWrite`: 14 = Project 2010 and later. */
export const mspdiSaveVersion = 14

/** PredecessorLink `Type`: 0 = FF, 1 = FS, 2 = SF, 3 = SS. */
export const mspdiLinkTypeByCode: Record<number, DependencyType> = { 0: 'FF', 1: 'FS', 2: 'SF', 3: 'SS' }
export const mspdiLinkCodeByType: Record<DependencyType, number> = { FF: 0, FS: 1, SF: 2, SS: 3 }

/** Task `ConstraintType`: 0 ASAP, 1 ALAP, 2 MSO, 3 MFO, 4 SNET, 5 SNLT, 6 FNET, 7 FNLT. */
export const mspdiConstraintByCode: Record<number, ConstraintType> = {
  0: 'ASAP',
  1: 'ALAP',
  2: 'MSO',
  3: 'MFO',
  4: 'SNET',
  5: 'SNLT',
  6: 'FNET',
  7: 'FNLT',
}
export const mspdiConstraintCodeByType: Record<ConstraintType, number> = {
  ASAP: 0,
  ALAP: 1,
  MSO: 2,
  MFO: 3,
  SNET: 4,
  SNLT: 5,
  FNET: 6,
  FNLT: 7,
}

/** DurationFormat / LagFormat codes 3..20 (firm); 35..52 are the same plus 32 ("estimated"). */
const unitByFormatCode: Record<number, LagUnit> = {
  3: 'm',
  4: 'em',
  5: 'h',
  6: 'eh',
  7: 'd',
  8: 'ed',
  9: 'w',
  10: 'ew',
  11: 'mo',
  12: 'emo',
  19: '%',
  20: 'e%',
}

export const mspdiFormatCodeByUnit: Record<LagUnit, number> = {
  m: 3,
  em: 4,
  h: 5,
  eh: 6,
  d: 7,
  ed: 8,
  w: 9,
  ew: 10,
  mo: 11,
  emo: 12,
  '%': 19,
  'e%': 20,
}

/**
 * The lag unit of a LagFormat code. Estimated codes (35-52) count like their firm twins; 21/53 ("null") and
 * unknown codes read as days, as MPXJ does.
 */
export function mspdiLagUnit(code: number | null): LagUnit {
  if (code === null) return 'd'
  const firm = code >= 35 && code <= 52 ? code - 32 : code
  return unitByFormatCode[firm] ?? 'd'
}

/** The display unit of a task DurationFormat code; percent codes (not meaningful for a task) read as days. */
export function mspdiDurationUnit(code: number | null): DurationUnit {
  const unit = mspdiLagUnit(code)
  return unit === '%' || unit === 'e%' ? 'd' : unit
}

/**
 * Microsoft Project's accrual codes, the same for task `FixedCostAccrual` and resource `AccrueAt`: 1 start, 2 end,
 * 3 prorated (Project's `PjAccrueAt`: pjStart 1, pjEnd 2, pjProrated 3; MPXJ's `AccrueType`; every sample's default
 * 3 is Project's default, prorated).
 */
export const mspdiAccrualByCode: Record<number, CostAccrual> = { 1: 'start', 2: 'end', 3: 'prorated' }
export const mspdiAccrualCodeByAccrual: Record<CostAccrual, number> = { start: 1, end: 2, prorated: 3 }

/** `StandardRateFormat` / `OvertimeRateFormat`: 1 m, 2 h, 3 d, 4 w, 5 mo, 7 y, 8 material (per unit). */
export const mspdiRateUnitByCode: Record<number, RateUnit> = { 1: 'm', 2: 'h', 3: 'd', 4: 'w', 5: 'mo', 7: 'y', 8: 'unit' }
export const mspdiRateCodeByUnit: Record<RateUnit, number> = { m: 1, h: 2, d: 3, w: 4, mo: 5, y: 7, unit: 8 }

/** Task `Type`: 0 fixed units, 1 fixed duration, 2 fixed work. */
export const mspdiTaskTypeByCode: Record<number, TaskType> = { 0: 'fixed-units', 1: 'fixed-duration', 2: 'fixed-work' }
export const mspdiTaskCodeByType: Record<TaskType, number> = { 'fixed-units': 0, 'fixed-duration': 1, 'fixed-work': 2 }
