import { useState, type FormEvent } from 'react'
import type { CertificationRecord, RenewalRoute } from '../../../../shared/career/model'
import { FieldError, fieldAria } from './FieldError'
import { useCareer } from './career-runtime'
import { localToday, type FieldProblem } from './career-store'

/** Records a renewal, which rolls the certificate over to its next cycle. */
export function RenewalForm({
  record,
  cycleStart,
  suspensionEnd,
  renewsWith,
}: {
  record: CertificationRecord
  cycleStart: string
  /** The last day a renewal by continuing education is still possible after expiry, or `null`. */
  suspensionEnd: string | null
  /** The certification this one renews with (shared renew-by date), or `null`. */
  renewsWith: string | null
}) {
  const renew = useCareer((state) => state.certificationRenew)
  const [renewedOn, setRenewedOn] = useState(localToday())
  const [route, setRoute] = useState<RenewalRoute>('units')
  const [problem, setProblem] = useState<FieldProblem>(null)
  const [done, setDone] = useState<string | null>(null)
  const errorId = `renew-${record.id}-error`

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setDone(null)
    const result = await renew(record.id, renewedOn, route)
    setProblem(result)
    if (result === null) setDone('Renewal recorded; the next cycle has started.')
  }

  return (
    <form
      className="career-form career-form-inline"
      aria-labelledby={`renew-${record.id}-heading`}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h4 id={`renew-${record.id}-heading`}>Record a renewal</h4>
      <p className="career-hint">
        A renewal by continuing education starts the next cycle the day after this one ends, however early it
        is granted
        {suspensionEnd !== null &&
          ` (after expiry it is still possible during the suspension, until ${suspensionEnd})`}
        ; a renewal by exam starts it on the exam day. The current cycle started {cycleStart}.
        {renewsWith !== null &&
          ` This certification renews with ${renewsWith}: record a renewal by continuing education there.`}
      </p>
      <div className="career-grid">
        <div className="career-field">
          <label htmlFor={`renew-${record.id}-date`}>Renewed on</label>
          <input
            id={`renew-${record.id}-date`}
            type="date"
            className="input"
            value={renewedOn}
            onChange={(event) => setRenewedOn(event.target.value)}
            {...fieldAria(problem, 'renewedOn', errorId)}
          />
        </div>
        <div className="career-field">
          <label htmlFor={`renew-${record.id}-route`}>Renewed by</label>
          <select
            id={`renew-${record.id}-route`}
            className="input"
            value={route}
            onChange={(event) => setRoute(event.target.value as RenewalRoute)}
          >
            <option value="units">Continuing education</option>
            <option value="exam">Passing an exam again</option>
          </select>
        </div>
      </div>
      <FieldError id={errorId} problem={problem} />
      <div className="career-actions">
        <button type="submit" className="button">
          Record renewal
        </button>
        {done !== null && (
          <span role="status" className="muted">
            {done}
          </span>
        )}
      </div>
    </form>
  )
}
