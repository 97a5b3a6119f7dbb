import { useState, type FormEvent } from 'react'
import type { CertificationRules } from '../../../../shared/career/cycle'
import type { CertificationRecord } from '../../../../shared/career/model'
import {
  ruleCategories,
  rulesAcceptAnyCategory,
  type CycleProgress,
} from '../../../../shared/career/progress'
import type { EducationEntryDraft } from '../../../../shared/career/validate'
import { FieldError, fieldAria } from './FieldError'
import { useCareer } from './career-runtime'
import { localToday, type FieldProblem } from './career-store'
import { formatNumber } from './format'

/** The continuing-education log of one certification: add activities, see how much of each counts. */
export function EducationLog({
  record,
  rules,
  progress,
}: {
  record: CertificationRecord
  rules: CertificationRules
  progress: CycleProgress | null
}) {
  const allEntries = useCareer((state) => state.data.educationEntries)
  const add = useCareer((state) => state.educationAdd)
  const remove = useCareer((state) => state.educationDelete)
  const categories = ruleCategories(rules)
  const acceptAny = rulesAcceptAnyCategory(rules)
  const empty: EducationEntryDraft = {
    date: localToday(),
    activity: '',
    provider: '',
    category: categories[0] ?? '',
    units: '',
    note: '',
  }
  const [draft, setDraft] = useState<EducationEntryDraft>(empty)
  const [problem, setProblem] = useState<FieldProblem>(null)
  const [lastAdded, setLastAdded] = useState<string | null>(null)
  const entries = allEntries.filter((entry) => entry.certificationId === record.id)
  const unit = rules.unitName ?? 'units'
  const errorId = `log-${record.id}-error`
  const aria = (field: string) => fieldAria(problem, field, errorId)
  const set = (change: Partial<EducationEntryDraft>) => setDraft((current) => ({ ...current, ...change }))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setLastAdded(null)
    const result = await add(record.id, draft)
    setProblem(result)
    if (result === null) {
      setLastAdded(`Logged ${draft.units.trim()} ${unit} of ${draft.category}.`)
      setDraft({ ...empty, date: draft.date, category: draft.category })
    }
  }

  return (
    <section className="career-subsection" aria-labelledby={`log-${record.id}-heading`}>
      <h4 id={`log-${record.id}-heading`}>Continuing-education log</h4>
      <form
        className="career-form career-form-inline"
        aria-label="Log an activity"
        onSubmit={(event) => void submit(event)}
        noValidate
      >
        <div className="career-grid">
          <div className="career-field">
            <label htmlFor="log-date">Date</label>
            <input
              id="log-date"
              type="date"
              className="input"
              value={draft.date}
              onChange={(event) => set({ date: event.target.value })}
              {...aria('date')}
            />
          </div>
          <div className="career-field">
            <label htmlFor="log-activity">Activity</label>
            <input
              id="log-activity"
              className="input"
              value={draft.activity}
              maxLength={500}
              placeholder="e.g. Agile webinar"
              onChange={(event) => set({ activity: event.target.value })}
              {...aria('activity')}
            />
          </div>
          <div className="career-field">
            <label htmlFor="log-provider">Provider</label>
            <input
              id="log-provider"
              className="input"
              value={draft.provider}
              maxLength={500}
              onChange={(event) => set({ provider: event.target.value })}
            />
          </div>
          <div className="career-field">
            <label htmlFor="log-category">Category</label>
            {acceptAny ? (
              <>
                <input
                  id="log-category"
                  className="input"
                  list="log-category-options"
                  value={draft.category}
                  maxLength={500}
                  onChange={(event) => set({ category: event.target.value })}
                  {...aria('category')}
                />
                <datalist id="log-category-options">
                  {categories.map((name) => (
                    <option key={name} value={name} />
                  ))}
                </datalist>
              </>
            ) : (
              <select
                id="log-category"
                className="input"
                value={draft.category}
                onChange={(event) => set({ category: event.target.value })}
                {...aria('category')}
              >
                {categories.map((name) => {
                  const parent = rules.categoryRules.find((rule) => rule.category === name)?.within
                  return (
                    <option key={name} value={name}>
                      {parent === undefined ? name : `${parent}: ${name}`}
                    </option>
                  )
                })}
              </select>
            )}
          </div>
          <div className="career-field">
            <label htmlFor="log-units">{unit}</label>
            <input
              id="log-units"
              className="input"
              inputMode="decimal"
              value={draft.units}
              placeholder="e.g. 1.5"
              onChange={(event) => set({ units: event.target.value })}
              {...aria('units')}
            />
          </div>
          <div className="career-field career-field-wide">
            <label htmlFor="log-note">Note</label>
            <input
              id="log-note"
              className="input"
              value={draft.note}
              maxLength={20000}
              onChange={(event) => set({ note: event.target.value })}
            />
          </div>
        </div>
        <FieldError id={errorId} problem={problem} />
        <div className="career-actions">
          <button type="submit" className="button button-primary">
            Log activity
          </button>
          {lastAdded !== null && (
            <span role="status" className="muted">
              {lastAdded}
            </span>
          )}
        </div>
      </form>
      {entries.length === 0 ? (
        <p className="muted">Nothing logged yet.</p>
      ) : (
        <table className="plan-table career-table" aria-label="Logged activities">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Activity</th>
              <th scope="col">Provider</th>
              <th scope="col">Category</th>
              <th scope="col">{unit}</th>
              <th scope="col">Counting</th>
              <th scope="col">Note</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => {
              const counting = progress?.entries.find((item) => item.entryId === entry.id)
              return (
                <tr key={entry.id}>
                  <td>{entry.date}</td>
                  <th scope="row">{entry.activity}</th>
                  <td>{entry.provider}</td>
                  <td>{entry.category}</td>
                  <td>{formatNumber(entry.units)}</td>
                  <td
                    className={
                      counting !== undefined && counting.notCountingUnits > 0
                        ? 'career-not-counting'
                        : undefined
                    }
                  >
                    {counting === undefined
                      ? '—'
                      : counting.notCountingUnits === 0
                        ? formatNumber(counting.countedUnits)
                        : `${formatNumber(counting.countedUnits)} (${formatNumber(counting.notCountingUnits)} not counting: ${counting.reason ?? ''})`}
                  </td>
                  <td>{entry.note}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-small button-danger-quiet"
                      aria-label={`Delete ${entry.activity} on ${entry.date}`}
                      onClick={() => void remove(entry.id)}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
