import type { CatalogueField } from '../../../../shared/career/catalogue'

/** How the tracker names each catalogue figure in tables and notes. */
export const catalogueFieldLabels: Record<CatalogueField, string> = {
  validityYears: 'Validity',
  unitsPerCycle: 'Units per cycle',
  categoryRules: 'Category rules',
  renewalFee: 'Renewal fee',
  unitsPerYear: 'Units per year',
  unitsPerActivity: 'Units per activity',
  unitStep: 'Unit steps',
  carryOverMax: 'Carry-over to the next cycle',
  suspensionYears: 'Suspension after expiry',
  unitPool: 'Units shared with',
  renewalGroup: 'Shared renew-by date',
  addOnUnits: 'Add-on units for another track',
  examNeedsApplication: 'Exam application',
  activityTypes: 'Activity types',
  membership: 'Membership',
}
