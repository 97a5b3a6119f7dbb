import { useMemo, useState } from 'react'
import {
  catalogueFind,
  catalogueVerificationLevel,
  verifiedFields,
} from '../../../../shared/career/catalogue'
import { certificationEffectiveStatus } from '../../../../shared/career/cycle'
import { certificationStatusLabels } from '../../../../shared/career/model'
import { certificationStanding, type CertificationStanding } from '../../../../shared/career/warnings'
import { CertificationForm } from './CertificationForm'
import { CycleProgressView } from './CycleProgressView'
import { EducationLog } from './EducationLog'
import { RenewalForm } from './RenewalForm'
import { StudyPlanForm } from './StudyPlanForm'
import { useCareer } from './career-runtime'
import { localToday } from './career-store'
import { formatDaysFrom, formatNumber } from './format'

function newId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

/** Certifications: the list, adding one, and the selected one's cycle, log, renewal and study plan. */
export function CertificationsSection() {
  const data = useCareer((state) => state.data)
  const [selectedId, setSelectedId] = useState<string | null>(data.certifications[0]?.id ?? null)
  const [isAdding, setIsAdding] = useState(data.certifications.length === 0)
  const today = localToday()
  const standings = useMemo(
    () => data.certifications.map((record) => certificationStanding(record, data, today)),
    [data, today],
  )
  const selected = standings.find((standing) => standing.record.id === selectedId) ?? null

  return (
    <div className="career-certifications">
      <h2>Certifications</h2>
      {standings.length === 0 ? (
        <p className="empty">No certifications yet. Add one from the catalogue or define your own.</p>
      ) : (
        <table className="plan-table career-table" aria-label="Certifications">
          <thead>
            <tr>
              <th scope="col">Certification</th>
              <th scope="col">Status</th>
              <th scope="col">Earned</th>
              <th scope="col">Expires</th>
              <th scope="col">Cycle progress</th>
            </tr>
          </thead>
          <tbody>
            {standings.map((standing) => (
              <CertificationRow
                key={standing.record.id}
                standing={standing}
                today={today}
                isSelected={standing.record.id === selectedId}
                onSelect={() => {
                  setSelectedId(standing.record.id)
                  setIsAdding(false)
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      {isAdding ? (
        <section aria-labelledby="cert-add-heading" className="career-subsection">
          <h3 id="cert-add-heading">Add certification</h3>
          <CertificationForm
            record={null}
            newId={newId}
            onDone={(id) => {
              setIsAdding(false)
              if (id !== null) setSelectedId(id)
            }}
          />
        </section>
      ) : (
        <p>
          <button type="button" className="button" onClick={() => setIsAdding(true)}>
            Add certification…
          </button>
        </p>
      )}
      {selected !== null && !isAdding && (
        <CertificationDetail
          key={selected.record.id}
          standing={selected}
          today={today}
          onDeleted={() => setSelectedId(null)}
        />
      )}
    </div>
  )
}

function CertificationRow({
  standing,
  today,
  isSelected,
  onSelect,
}: {
  standing: CertificationStanding
  today: string
  isSelected: boolean
  onSelect(): void
}) {
  const { record, rules, cycle, progress } = standing
  const status = certificationEffectiveStatus(record, rules, today)
  const required =
    progress === null
      ? null
      : (progress.requiredUnits ?? progress.countedTowardRequired + progress.stillNeededUnits)
  return (
    <tr className={isSelected ? 'is-open' : undefined}>
      <th scope="row">
        <button type="button" className="link-button" aria-pressed={isSelected} onClick={onSelect}>
          {rules?.name ?? 'Unknown certification'}
        </button>
        {rules?.isCustom === true && <span className="career-badge">custom</span>}
      </th>
      <td>{certificationStatusLabels[status]}</td>
      <td>{record.earnedOn ?? '—'}</td>
      <td>{cycle?.end ?? (rules?.validityYears === null ? 'Never' : '—')}</td>
      <td>
        {progress === null || required === null
          ? '—'
          : `${formatNumber(progress.countedTowardRequired)} / ${formatNumber(required)} ${progress.unitName}`}
      </td>
    </tr>
  )
}

function CertificationDetail({
  standing,
  today,
  onDeleted,
}: {
  standing: CertificationStanding
  today: string
  onDeleted(): void
}) {
  const { record, rules, cycle, progress, pace } = standing
  const remove = useCareer((state) => state.certificationDelete)
  const entries = useCareer((state) => state.data.educationEntries)
  const [isEditing, setIsEditing] = useState(false)
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false)
  const status = certificationEffectiveStatus(record, rules, today)
  const ownEntries = entries.filter((entry) => entry.certificationId === record.id)
  const name = rules?.name ?? 'Unknown certification'

  return (
    <section className="career-detail" aria-labelledby="cert-detail-heading">
      <header className="career-detail-header">
        <h3 id="cert-detail-heading">{name}</h3>
        <div className="career-actions">
          <button
            type="button"
            className="button button-small"
            onClick={() => setIsEditing(!isEditing)}
            aria-expanded={isEditing}
          >
            {isEditing ? 'Close editing' : 'Edit'}
          </button>
          <button
            type="button"
            className="button button-small button-danger-quiet"
            onClick={() => setIsConfirmingDelete(true)}
          >
            Delete…
          </button>
        </div>
      </header>
      {isConfirmingDelete && (
        <div role="alertdialog" aria-labelledby="cert-delete-question" className="career-confirm">
          <p id="cert-delete-question">
            Delete {name} and its {ownEntries.length} logged{' '}
            {ownEntries.length === 1 ? 'activity' : 'activities'}? This cannot be undone.
          </p>
          <button
            type="button"
            className="button button-danger"
            onClick={() => void remove(record.id).then(onDeleted)}
          >
            Delete certification
          </button>
          <button type="button" className="button" onClick={() => setIsConfirmingDelete(false)}>
            Keep it
          </button>
        </div>
      )}
      {rules === null ? (
        <p role="alert">
          This certification refers to a catalogue entry this version of Gantry does not know.
        </p>
      ) : (
        <dl className="career-facts">
          <dt>Issuer</dt>
          <dd>{rules.issuer || '—'}</dd>
          <dt>Status</dt>
          <dd>{certificationStatusLabels[status]}</dd>
          {record.earnedOn !== null && (
            <>
              <dt>Earned</dt>
              <dd>{record.earnedOn}</dd>
            </>
          )}
          <dt>Expires</dt>
          <dd data-testid="cert-expiry">
            {rules.validityYears === null
              ? 'Never (lifetime certificate)'
              : cycle === null
                ? `${rules.validityYears} years after it is earned`
                : `${cycle.end} (${formatDaysFrom(today, cycle.end)})`}
          </dd>
          {cycle !== null && (
            <>
              <dt>Current cycle</dt>
              <dd>
                {cycle.start} to {cycle.end}
                {cycle.index > 0 && ` (renewed ${cycle.index} ${cycle.index === 1 ? 'time' : 'times'})`}
              </dd>
            </>
          )}
          {record.examOn !== null && status !== 'earned' && (
            <>
              <dt>Exam</dt>
              <dd>{record.examOn}</dd>
            </>
          )}
          {record.credentialId !== '' && (
            <>
              <dt>Credential id</dt>
              <dd>{record.credentialId}</dd>
            </>
          )}
        </dl>
      )}
      {record.catalogueId !== null && <VerificationNote catalogueId={record.catalogueId} />}
      {isEditing && (
        <CertificationForm record={record} newId={() => record.id} onDone={() => setIsEditing(false)} />
      )}
      {progress !== null && pace !== null && <CycleProgressView progress={progress} pace={pace} />}
      {rules !== null &&
        record.status === 'earned' &&
        rules.unitName !== null &&
        (rules.unitsPerCycle !== null || rules.categoryRules.length > 0) && (
          <EducationLog record={record} rules={rules} progress={progress} />
        )}
      {rules !== null && cycle !== null && <RenewalForm record={record} cycleStart={cycle.start} />}
      {rules !== null && record.status !== 'earned' && <StudyPlanForm record={record} name={rules.name} />}
    </section>
  )
}

/** Which figures of the catalogue entry are not confirmed by the certifying body, with the entry's sources. */
function VerificationNote({ catalogueId }: { catalogueId: string }) {
  const entry = catalogueFind(catalogueId)
  if (entry === undefined) return null
  const weak = verifiedFields.filter((field) => {
    const level = catalogueVerificationLevel(entry.verification[field])
    return level === 'secondary' || level === 'unverified' || /\(/.test(entry.verification[field])
  })
  if (weak.length === 0) return null
  const labels = {
    validityYears: 'validity',
    unitsPerCycle: 'units per cycle',
    categoryRules: 'category rules',
    renewalFee: 'renewal fee',
  } as const
  return (
    <p className="career-verification-note">
      <strong>Check with the issuer:</strong>{' '}
      {weak.map((field) => `${labels[field]} (${entry.verification[field]})`).join('; ')}. Sources: see the
      Catalogue tab.
    </p>
  )
}
