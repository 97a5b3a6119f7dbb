import { useMemo, useState } from 'react'
import {
  catalogueFind,
  catalogueVerificationLevel,
  catalogueVerifications,
} from '../../../../shared/career/catalogue'
import { certificationDisplayStatusLabels } from '../../../../shared/career/model'
import {
  careerStandings,
  careerStandingsSorted,
  type CertificationStanding,
} from '../../../../shared/career/standing'
import { CertificationForm } from './CertificationForm'
import { CycleProgressView } from './CycleProgressView'
import { EducationLog } from './EducationLog'
import { RenewalForm } from './RenewalForm'
import { StudyPlanForm } from './StudyPlanForm'
import { catalogueFieldLabels } from './catalogue-labels'
import { useCareer } from './career-runtime'
import { localToday } from './career-store'
import { formatDaysFrom, formatNumber, formatUnits } from './format'

function newId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

/** "Suspended until 2029-03-15", "Earned", …: the status as the list and the detail show it. */
function statusText(standing: CertificationStanding): string {
  if (standing.status === 'suspended') return `Suspended until ${standing.suspensionEnd ?? ''}`
  return certificationDisplayStatusLabels[standing.status]
}

/**
 * Certifications: the list (by expiry, soonest first), adding one, and the selected one's cycle, log, renewal and
 * study plan.
 */
export function CertificationsSection() {
  const data = useCareer((state) => state.data)
  const today = localToday()
  const standings = useMemo(() => careerStandingsSorted(careerStandings(data, today)), [data, today])
  const [selectedId, setSelectedId] = useState<string | null>(standings[0]?.record.id ?? null)
  const [isAdding, setIsAdding] = useState(data.certifications.length === 0)
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
          standings={standings}
          today={today}
          onDeleted={() => setSelectedId(null)}
        />
      )}
    </div>
  )
}

function CertificationRow({
  standing,
  isSelected,
  onSelect,
}: {
  standing: CertificationStanding
  isSelected: boolean
  onSelect(): void
}) {
  const { record, rules, progress } = standing
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
      <td
        className={
          standing.status === 'suspended' || standing.status === 'expired' ? 'career-not-counting' : undefined
        }
      >
        {statusText(standing)}
      </td>
      <td>{record.earnedOn ?? '—'}</td>
      <td>
        {standing.expiry ?? (rules?.validityYears === null ? 'Never' : '—')}
        {standing.renewsWith !== null && <div className="muted">renews with {standing.renewsWith.name}</div>}
      </td>
      <td>
        {progress === null || required === null
          ? standing.renewsWith !== null
            ? 'see ' + standing.renewsWith.name
            : '—'
          : `${formatNumber(progress.countedTowardRequired)} of ${formatUnits(progress.unitName, required)}`}
      </td>
    </tr>
  )
}

function CertificationDetail({
  standing,
  standings,
  today,
  onDeleted,
}: {
  standing: CertificationStanding
  standings: readonly CertificationStanding[]
  today: string
  onDeleted(): void
}) {
  const { record, rules, cycle, progress, pace } = standing
  const remove = useCareer((state) => state.certificationDelete)
  const entries = useCareer((state) => state.data.educationEntries)
  const [isEditing, setIsEditing] = useState(false)
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false)
  const own = entries.filter((entry) => entry.certificationIds.includes(record.id))
  const onlyHere = own.filter((entry) => entry.certificationIds.length === 1).length
  const shared = own.length - onlyHere
  const name = rules?.name ?? 'Unknown certification'
  const counting =
    standing.renewsWith === null
      ? progress
      : (standings.find((item) => item.record.id === standing.renewsWith?.id)?.progress ?? null)

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
            Delete {name} and its {onlyHere} logged {onlyHere === 1 ? 'activity' : 'activities'}?
            {shared > 0 &&
              ` ${shared} ${shared === 1 ? 'activity that also counts' : 'activities that also count'} toward another certification ${shared === 1 ? 'stays' : 'stay'} there.`}{' '}
            This cannot be undone.
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
          <dd data-testid="cert-status">{statusText(standing)}</dd>
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
              : cycle === null || standing.expiry === null
                ? `${rules.validityYears} years after it is earned`
                : `${standing.expiry} (${formatDaysFrom(today, standing.expiry)})`}
          </dd>
          {standing.status === 'suspended' && (
            <>
              <dt>Suspension</dt>
              <dd>
                The certificate may not be used until it is renewed. Renew by {standing.suspensionEnd} to
                reactivate it; after that it expires and the exam must be passed again.
              </dd>
            </>
          )}
          {(standing.renewsWith !== null || standing.renewsAlso.length > 0) && (
            <>
              <dt>Renew-by date</dt>
              <dd data-testid="cert-group">
                {standing.renewsWith !== null
                  ? `Shared with ${standing.renewsWith.name} (${standing.groupName ?? 'same group'}): renewing ${standing.renewsWith.name} renews this one too.`
                  : `Shared with ${standing.renewsAlso.map((item) => item.name).join(', ')} (${standing.groupName ?? 'same group'}): renewing this one renews them too.`}
              </dd>
            </>
          )}
          {cycle !== null && (
            <>
              <dt>Current cycle</dt>
              <dd>
                {cycle.start} to {cycle.end}
                {cycle.index > 0 && ` (renewed ${cycle.index} ${cycle.index === 1 ? 'time' : 'times'})`}
              </dd>
            </>
          )}
          {record.examOn !== null && record.status !== 'earned' && (
            <>
              <dt>Exam</dt>
              <dd>{record.examOn}</dd>
            </>
          )}
          {record.credentialId !== '' && (
            <>
              <dt>Credential id</dt>
              <dd className="career-wrap">{record.credentialId}</dd>
            </>
          )}
          {record.notes !== '' && (
            <>
              <dt>Notes</dt>
              <dd className="career-wrap">{record.notes}</dd>
            </>
          )}
        </dl>
      )}
      {record.catalogueId !== null && <VerificationNote catalogueId={record.catalogueId} />}
      {isEditing && (
        <CertificationForm record={record} newId={() => record.id} onDone={() => setIsEditing(false)} />
      )}
      {progress !== null && pace !== null && (
        <CycleProgressView
          progress={progress}
          pace={pace}
          carryOutUnits={standing.carryOutUnits}
          carryOverMax={rules?.carryOverMax ?? null}
        />
      )}
      {rules !== null &&
        record.status === 'earned' &&
        rules.unitName !== null &&
        (rules.unitsPerCycle !== null || rules.unitsPerYear !== null || rules.categoryRules.length > 0) && (
          <EducationLog record={record} rules={rules} counting={counting} standings={standings} />
        )}
      {rules !== null && standing.cycles.length > 0 && (
        <RenewalForm
          record={record}
          cycleStart={standing.cycles.at(-1)?.start ?? ''}
          suspensionEnd={standing.cycles.at(-1)?.suspensionEnd ?? null}
          renewsWith={standing.renewsWith?.name ?? null}
        />
      )}
      {rules !== null && record.status !== 'earned' && (
        <StudyPlanForm record={record} name={rules.name} examNeedsApplication={rules.examNeedsApplication} />
      )}
    </section>
  )
}

/** Which figures of the catalogue entry are not confirmed by the certifying body, grouped by how they are backed. */
function VerificationNote({ catalogueId }: { catalogueId: string }) {
  const entry = catalogueFind(catalogueId)
  if (entry === undefined) return null
  const figures = catalogueVerifications(entry)
  const named = (level: 'secondary' | 'unverified') =>
    figures
      .filter(({ text }) => catalogueVerificationLevel(text) === level)
      .map(({ field }) => catalogueFieldLabels[field].toLowerCase())
  const secondary = named('secondary')
  const unverified = named('unverified')
  const partly = figures
    .filter(({ text }) => catalogueVerificationLevel(text) === 'official' && /\(/.test(text))
    .map(({ field, text }) => `${catalogueFieldLabels[field].toLowerCase()} ${text.slice(text.indexOf('('))}`)
  if (secondary.length + unverified.length + partly.length === 0) return null
  return (
    <p className="career-verification-note">
      <strong>Check with the issuer.</strong>
      {unverified.length > 0 && ` Not verified: ${unverified.join(', ')}.`}
      {secondary.length > 0 && ` From secondary sources only: ${secondary.join(', ')}.`}
      {partly.length > 0 && ` Official with a less certain part: ${partly.join('; ')}.`} Sources and details
      are on the Catalogue tab.
    </p>
  )
}
