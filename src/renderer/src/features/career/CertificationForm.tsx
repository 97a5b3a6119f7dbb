import { useMemo, useState, type FormEvent } from 'react'
import { catalogueCertifications } from '../../../../shared/career/catalogue'
import { certificationExpiry, certificationRules } from '../../../../shared/career/cycle'
import {
  certificationMake,
  certificationStatusLabels,
  certificationStatuses,
  type CertificationRecord,
  type CertificationStatus,
} from '../../../../shared/career/model'
import { customRulesFormat, customRulesParse, validateOptionalDay } from '../../../../shared/career/validate'
import { FieldError, fieldAria } from './FieldError'
import { useCareer } from './career-runtime'
import type { FieldProblem } from './career-store'

const customValue = '__custom__'

type Draft = {
  source: string
  status: CertificationStatus
  applicationOn: string
  examBookedOn: string
  examOn: string
  earnedOn: string
  expiresOnOverride: string
  credentialId: string
  notes: string
  customName: string
  customIssuer: string
  customValidity: string
  customUnitName: string
  customUnits: string
  customRules: string
}

function draftOf(record: CertificationRecord | null): Draft {
  return {
    source: record === null ? 'pmp' : (record.catalogueId ?? customValue),
    status: record?.status ?? 'planned',
    applicationOn: record?.applicationOn ?? '',
    examBookedOn: record?.examBookedOn ?? '',
    examOn: record?.examOn ?? '',
    earnedOn: record?.earnedOn ?? '',
    expiresOnOverride: record?.expiresOnOverride ?? '',
    credentialId: record?.credentialId ?? '',
    notes: record?.notes ?? '',
    customName: record?.custom?.name ?? '',
    customIssuer: record?.custom?.issuer ?? '',
    customValidity:
      record?.custom?.validityYears === null || record?.custom === null || record === null
        ? ''
        : String(record.custom.validityYears),
    customUnitName: record?.custom?.unitName ?? '',
    customUnits: record?.custom?.unitsPerCycle == null ? '' : String(record.custom.unitsPerCycle),
    customRules: record?.custom == null ? '' : customRulesFormat(record.custom.categoryRules),
  }
}

type Built = { ok: true; record: CertificationRecord } | { ok: false; problem: NonNullable<FieldProblem> }

function build(draft: Draft, id: string, existing: CertificationRecord | null): Built {
  const days: Record<string, string | null> = {}
  const labels = {
    applicationOn: 'application date',
    examBookedOn: 'booking date',
    examOn: 'exam date',
    earnedOn: 'earned date',
    expiresOnOverride: 'expiry date',
  } as const
  for (const key of Object.keys(labels) as (keyof typeof labels)[]) {
    const checked = validateOptionalDay(draft[key], key, labels[key])
    if (!checked.ok) return { ok: false, problem: { field: checked.field, message: checked.message } }
    days[key] = checked.value
  }
  let custom: CertificationRecord['custom'] = null
  if (draft.source === customValue) {
    const validityText = draft.customValidity.trim()
    if (validityText !== '' && !/^\d+$/.test(validityText))
      return {
        ok: false,
        problem: {
          field: 'customValidity',
          message: 'Validity must be a whole number of years, or empty for a lifetime certificate.',
        },
      }
    const unitsText = draft.customUnits.trim()
    if (unitsText !== '' && !/^\d+(\.\d+)?$/.test(unitsText))
      return {
        ok: false,
        problem: { field: 'customUnits', message: 'Units per cycle must be a positive number, or empty.' },
      }
    const rules = customRulesParse(draft.customRules)
    if (!rules.ok) return { ok: false, problem: { field: rules.field, message: rules.message } }
    custom = {
      name: draft.customName.trim(),
      issuer: draft.customIssuer.trim(),
      validityYears: validityText === '' ? null : Number(validityText),
      unitName: draft.customUnitName.trim() === '' ? null : draft.customUnitName.trim(),
      unitsPerCycle: unitsText === '' ? null : Number(unitsText),
      categoryRules: rules.value,
    }
  }
  return {
    ok: true,
    record: certificationMake(id, {
      catalogueId: draft.source === customValue ? null : draft.source,
      custom,
      status: draft.status,
      applicationOn: days.applicationOn,
      examBookedOn: days.examBookedOn,
      examOn: days.examOn,
      earnedOn: days.earnedOn,
      expiresOnOverride: days.expiresOnOverride,
      renewals: existing?.renewals ?? [],
      credentialId: draft.credentialId.trim(),
      notes: draft.notes.trim(),
    }),
  }
}

/** Adds a certification (from the catalogue or custom) or edits one: status, dates, custom rules. */
export function CertificationForm({
  record,
  newId,
  onDone,
}: {
  record: CertificationRecord | null
  newId: () => string
  onDone(id: string | null): void
}) {
  const save = useCareer((state) => state.certificationSave)
  const [draft, setDraft] = useState<Draft>(() => draftOf(record))
  const [problem, setProblem] = useState<FieldProblem>(null)
  const prefix = record === null ? 'cert-new' : `cert-${record.id}`
  const errorId = `${prefix}-error`
  const set = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }))
  const aria = (field: string) => fieldAria(problem, field, errorId)

  const preview = useMemo(() => {
    const built = build(draft, 'preview', record)
    if (!built.ok) return null
    const rules = certificationRules(built.record)
    if (rules === null) return null
    if (rules.validityYears === null) return 'This certificate does not expire.'
    if (built.record.earnedOn === null) return `Valid for ${rules.validityYears} years from the earned date.`
    if (built.record.expiresOnOverride !== null && built.record.expiresOnOverride <= built.record.earnedOn)
      return null
    const expiry = certificationExpiry({ ...built.record, status: 'earned' }, rules)
    return expiry === null
      ? null
      : `Expires ${expiry}${built.record.expiresOnOverride === null ? ` (earned date + ${rules.validityYears} years)` : ' (as printed on the certificate)'}.`
  }, [draft, record])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const built = build(draft, record?.id ?? newId(), record)
    if (!built.ok) {
      setProblem(built.problem)
      return
    }
    const result = await save(built.record)
    setProblem(result)
    if (result === null) onDone(built.record.id)
  }

  const dateField = (
    key: 'applicationOn' | 'examBookedOn' | 'examOn' | 'earnedOn' | 'expiresOnOverride',
    label: string,
    hint?: string,
  ) => (
    <div className="career-field">
      <label htmlFor={`${prefix}-${key}`}>{label}</label>
      <input
        id={`${prefix}-${key}`}
        type="date"
        className="input"
        value={draft[key]}
        onChange={(event) => set({ [key]: event.target.value })}
        {...aria(key)}
      />
      {hint !== undefined && <span className="career-hint">{hint}</span>}
    </div>
  )

  return (
    <form
      className="career-form"
      aria-label={record === null ? 'Add certification' : 'Edit certification'}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <div className="career-grid">
        {record === null && (
          <div className="career-field career-field-wide">
            <label htmlFor={`${prefix}-source`}>Certification</label>
            <select
              id={`${prefix}-source`}
              className="input"
              value={draft.source}
              onChange={(event) => set({ source: event.target.value })}
              {...aria('catalogueId')}
            >
              {catalogueCertifications.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.name}
                </option>
              ))}
              <option value={customValue}>Custom certification…</option>
            </select>
          </div>
        )}
        {draft.source === customValue && (
          <fieldset className="career-fieldset career-field-wide">
            <legend>Custom certification rules</legend>
            <div className="career-grid">
              <div className="career-field">
                <label htmlFor={`${prefix}-custom-name`}>Name</label>
                <input
                  id={`${prefix}-custom-name`}
                  className="input"
                  value={draft.customName}
                  onChange={(event) => set({ customName: event.target.value })}
                  {...aria('customName')}
                />
              </div>
              <div className="career-field">
                <label htmlFor={`${prefix}-custom-issuer`}>Issuer</label>
                <input
                  id={`${prefix}-custom-issuer`}
                  className="input"
                  value={draft.customIssuer}
                  onChange={(event) => set({ customIssuer: event.target.value })}
                  {...aria('customIssuer')}
                />
              </div>
              <div className="career-field">
                <label htmlFor={`${prefix}-custom-validity`}>Validity in years</label>
                <input
                  id={`${prefix}-custom-validity`}
                  className="input"
                  inputMode="numeric"
                  value={draft.customValidity}
                  onChange={(event) => set({ customValidity: event.target.value })}
                  {...aria('customValidity')}
                />
                <span className="career-hint">Empty for a lifetime certificate.</span>
              </div>
              <div className="career-field">
                <label htmlFor={`${prefix}-custom-unit`}>Unit name</label>
                <input
                  id={`${prefix}-custom-unit`}
                  className="input"
                  value={draft.customUnitName}
                  placeholder="e.g. CEU"
                  onChange={(event) => set({ customUnitName: event.target.value })}
                  {...aria('customUnitName')}
                />
              </div>
              <div className="career-field">
                <label htmlFor={`${prefix}-custom-units`}>Units per cycle</label>
                <input
                  id={`${prefix}-custom-units`}
                  className="input"
                  inputMode="decimal"
                  value={draft.customUnits}
                  onChange={(event) => set({ customUnits: event.target.value })}
                  {...aria('customUnits')}
                />
              </div>
              <div className="career-field career-field-wide">
                <label htmlFor={`${prefix}-custom-rules`}>Category rules, one per line</label>
                <textarea
                  id={`${prefix}-custom-rules`}
                  className="input"
                  rows={4}
                  value={draft.customRules}
                  placeholder={'Education: min 20\nLabs: min 4, within Education\nVolunteering: max 5'}
                  onChange={(event) => set({ customRules: event.target.value })}
                  {...aria('customRules')}
                />
                <span className="career-hint">
                  Write min, max, within Parent and per year, separated by commas.
                </span>
              </div>
            </div>
          </fieldset>
        )}
        <div className="career-field">
          <label htmlFor={`${prefix}-status`}>Status</label>
          <select
            id={`${prefix}-status`}
            className="input"
            value={draft.status}
            onChange={(event) => set({ status: event.target.value as CertificationStatus })}
          >
            {certificationStatuses.map((status) => (
              <option key={status} value={status}>
                {certificationStatusLabels[status]}
              </option>
            ))}
          </select>
        </div>
        {dateField('applicationOn', 'Application date')}
        {dateField('examBookedOn', 'Exam booked on')}
        {dateField('examOn', 'Exam date')}
        {dateField('earnedOn', 'Earned date')}
        {dateField(
          'expiresOnOverride',
          'Expiry date on the certificate',
          'Leave empty to use earned date + validity.',
        )}
        <div className="career-field">
          <label htmlFor={`${prefix}-credential`}>Credential id</label>
          <input
            id={`${prefix}-credential`}
            className="input"
            value={draft.credentialId}
            onChange={(event) => set({ credentialId: event.target.value })}
            {...aria('credentialId')}
          />
        </div>
        <div className="career-field career-field-wide">
          <label htmlFor={`${prefix}-notes`}>Notes</label>
          <textarea
            id={`${prefix}-notes`}
            className="input"
            rows={2}
            value={draft.notes}
            onChange={(event) => set({ notes: event.target.value })}
            {...aria('notes')}
          />
        </div>
      </div>
      {preview !== null && (
        <p className="career-hint" aria-live="polite">
          {preview}
        </p>
      )}
      <FieldError id={errorId} problem={problem} />
      <div className="career-actions">
        <button type="submit" className="button button-primary">
          {record === null ? 'Add certification' : 'Save changes'}
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  )
}
