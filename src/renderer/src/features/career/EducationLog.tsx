import { useState, type FormEvent } from 'react'
import { rulesAcceptUnitsOf, type CertificationRules } from '../../../../shared/career/cycle'
import {
  careerTextLimits,
  educationEntryUnits,
  educationMaxParts,
  type CertificationRecord,
  type EducationEntry,
} from '../../../../shared/career/model'
import {
  ruleCategories,
  rulesAcceptAnyCategory,
  type CycleProgress,
} from '../../../../shared/career/progress'
import type { CertificationStanding } from '../../../../shared/career/standing'
import { educationDraftEmpty, type EducationEntryDraft } from '../../../../shared/career/validate'
import { FieldError, fieldAria } from './FieldError'
import { educationDraftParse, educationDraftRead, educationDraftWrite } from './education-draft'
import { useCareer } from './career-runtime'
import { localToday, type FieldProblem } from './career-store'
import { formatNumber, formatUnitPlural, formatUnits } from './format'

/** The form's draft of an existing entry. */
function draftOf(entry: EducationEntry): EducationEntryDraft {
  return {
    date: entry.date,
    activity: entry.activity,
    activityType: entry.activityType,
    provider: entry.provider,
    parts: entry.parts.map((part) => ({ category: part.category, units: String(part.units) })),
    evidence: entry.evidence,
    note: entry.note,
  }
}

/**
 * The continuing-education log of one certification: log an activity (split across categories, counted for other
 * certifications that accept its units, with type, provider and evidence for an audit), edit or delete one, and see
 * how much of each counts toward the current cycle. `standings` are every certification's, for the "also counts
 * toward" choices; `counting` is the progress the entries count in (this certification's, or the one it renews with).
 */
export function EducationLog({
  record,
  rules,
  counting,
  standings,
}: {
  record: CertificationRecord
  rules: CertificationRules
  counting: CycleProgress | null
  standings: readonly CertificationStanding[]
}) {
  const allEntries = useCareer((state) => state.data.educationEntries)
  const save = useCareer((state) => state.educationSave)
  const remove = useCareer((state) => state.educationDelete)
  const [editing, setEditing] = useState<EducationEntry | null>(null)
  const rulesOf = (id: string) => standings.find((standing) => standing.record.id === id)?.rules ?? null
  const primaryId = editing?.certificationIds[0] ?? record.id
  const primaryRules = rulesOf(primaryId) ?? rules
  const defaultCategory = ruleCategories(rules)[0] ?? ''
  // A new activity starts from what was typed for this certification before (kept in storage), if anything.
  const newDraft = () => educationDraftRead(record.id) ?? educationDraftEmpty(localToday(), defaultCategory)
  const [draft, setDraft] = useState<EducationEntryDraft>(newDraft)
  const [isKept, setKept] = useState(true)
  const [alsoFor, setAlsoFor] = useState<string[]>([])
  const [problem, setProblem] = useState<FieldProblem>(null)
  const [lastSaved, setLastSaved] = useState<string | null>(null)
  const [isSaving, setIsSaving] = useState(false)
  const entries = allEntries.filter((entry) => entry.certificationIds.includes(record.id))
  const prefix = `log-${record.id}`
  const errorId = `${prefix}-error`
  const aria = (field: string) => fieldAria(problem, field, errorId)
  const set = (change: Partial<EducationEntryDraft>) => {
    const next = { ...draft, ...change }
    setDraft(next)
    // A new activity is kept in storage as it is typed; an edit of a logged one is saved with its button.
    if (editing === null) setKept(educationDraftWrite(record.id, next))
  }

  const others = standings.filter(
    (standing) =>
      standing.record.id !== primaryId &&
      standing.rules !== null &&
      standing.record.status === 'earned' &&
      standing.rules.unitName !== null &&
      rulesAcceptUnitsOf(standing.rules, primaryRules),
  )
  const targets = [
    primaryRules,
    ...others.filter((other) => alsoFor.includes(other.record.id)).map((other) => other.rules),
  ]
  const closed = targets.find((target) => target !== null && !rulesAcceptAnyCategory(target)) ?? null
  const categories = ruleCategories(closed ?? primaryRules)
  const isFreeCategory = closed === null
  const unitPlural = formatUnitPlural(primaryRules.unitName)
  const total = draft.parts.reduce((sum, part) => {
    const value = Number(part.units.trim().replace(',', '.'))
    return Number.isFinite(value) && value > 0 ? sum + value : sum
  }, 0)

  const startEditing = (entry: EducationEntry) => {
    setEditing(entry)
    setDraft(draftOf(entry))
    setAlsoFor(entry.certificationIds.slice(1))
    setProblem(null)
    setLastSaved(null)
  }
  const stopEditing = () => {
    setEditing(null)
    setDraft(newDraft())
    setAlsoFor([])
    setProblem(null)
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (isSaving) return
    setLastSaved(null)
    const submitted = draft
    const ids = [primaryId, ...others.map((other) => other.record.id).filter((id) => alsoFor.includes(id))]
    setIsSaving(true)
    let result: FieldProblem
    try {
      result = await save(ids, submitted, editing?.id)
    } finally {
      setIsSaving(false)
    }
    setProblem(result)
    if (result !== null) return
    const split = submitted.parts.length > 1 ? ` across ${submitted.parts.length} categories` : ''
    setLastSaved(
      editing === null
        ? `Logged ${formatUnits(primaryRules.unitName, total)}${split}: ${submitted.activity.trim()}.`
        : `Saved the changes to ${submitted.activity.trim()}.`,
    )
    const wasEditing = editing !== null
    setEditing(null)
    // Typing done while the activity was being stored belongs to the next one: keep it. After an edit, the new
    // activity typed before it comes back.
    setDraft((current) =>
      current !== submitted
        ? current
        : wasEditing
          ? newDraft()
          : educationDraftEmpty(submitted.date, submitted.parts[0]?.category ?? defaultCategory),
    )
    // The activity logged is no longer a draft (what was typed during the save was kept by `set`).
    if (!wasEditing && JSON.stringify(educationDraftRead(record.id)) === JSON.stringify(educationDraftParse(submitted)))
      educationDraftWrite(record.id, educationDraftEmpty(submitted.date))
    setAlsoFor([])
  }

  const setPart = (index: number, change: Partial<{ category: string; units: string }>) =>
    set({ parts: draft.parts.map((part, at) => (at === index ? { ...part, ...change } : part)) })
  const isSplit = draft.parts.length > 1
  const countingOf = (entryId: string) => counting?.entries.find((item) => item.entryId === entryId)
  const nameOf = (id: string) => rulesOf(id)?.name ?? 'a certification no longer stored'

  return (
    <section className="career-subsection" aria-labelledby={`${prefix}-heading`}>
      <h4 id={`${prefix}-heading`}>Continuing-education log</h4>
      <form
        className="career-form career-form-inline"
        aria-label={editing === null ? 'Log an activity' : 'Edit an activity'}
        onSubmit={(event) => void submit(event)}
        noValidate
      >
        <div className="career-grid">
          <div className="career-field">
            <label htmlFor={`${prefix}-date`}>Date</label>
            <input
              id={`${prefix}-date`}
              type="date"
              className="input"
              value={draft.date}
              onChange={(event) => set({ date: event.target.value })}
              {...aria('date')}
            />
          </div>
          <div className="career-field career-field-double">
            <label htmlFor={`${prefix}-activity`}>Activity</label>
            <input
              id={`${prefix}-activity`}
              className="input"
              value={draft.activity}
              placeholder="e.g. Agile practices course"
              onChange={(event) => set({ activity: event.target.value })}
              {...aria('activity')}
            />
          </div>
          <div className="career-field">
            <label htmlFor={`${prefix}-type`}>Activity type</label>
            <input
              id={`${prefix}-type`}
              className="input"
              list={`${prefix}-types`}
              value={draft.activityType}
              placeholder={primaryRules.activityTypes[0] ?? 'e.g. Course'}
              onChange={(event) => set({ activityType: event.target.value })}
              {...aria('activityType')}
            />
            <datalist id={`${prefix}-types`}>
              {primaryRules.activityTypes.map((type) => (
                <option key={type} value={type} />
              ))}
            </datalist>
          </div>
          <div className="career-field">
            <label htmlFor={`${prefix}-provider`}>Provider</label>
            <input
              id={`${prefix}-provider`}
              className="input"
              value={draft.provider}
              placeholder="e.g. PMI chapter"
              onChange={(event) => set({ provider: event.target.value })}
              {...aria('provider')}
            />
          </div>
        </div>
        <fieldset className="career-fieldset career-parts">
          <legend>Categories and {unitPlural}</legend>
          {draft.parts.map((part, index) => {
            const suffix = isSplit ? ` ${index + 1}` : ''
            return (
              <div className="career-part" key={index}>
                <div className="career-field">
                  <label htmlFor={`${prefix}-category-${index}`}>Category{suffix}</label>
                  {isFreeCategory ? (
                    <>
                      <input
                        id={`${prefix}-category-${index}`}
                        className="input"
                        list={`${prefix}-category-options`}
                        value={part.category}
                        onChange={(event) => setPart(index, { category: event.target.value })}
                        {...aria(`parts.${index}.category`)}
                      />
                    </>
                  ) : (
                    <select
                      id={`${prefix}-category-${index}`}
                      className="input"
                      value={part.category}
                      onChange={(event) => setPart(index, { category: event.target.value })}
                      {...aria(`parts.${index}.category`)}
                    >
                      {!categories.includes(part.category) && (
                        <option value={part.category}>
                          {part.category === '' ? 'Choose…' : `${part.category} (not a category here)`}
                        </option>
                      )}
                      {categories.map((name) => {
                        const parent = (closed ?? primaryRules).categoryRules.find(
                          (rule) => rule.category === name,
                        )?.within
                        return (
                          <option key={name} value={name}>
                            {parent === undefined ? name : `${parent}: ${name}`}
                          </option>
                        )
                      })}
                    </select>
                  )}
                </div>
                <div className="career-field career-field-units">
                  <label htmlFor={`${prefix}-units-${index}`}>
                    {unitPlural}
                    {suffix}
                  </label>
                  <input
                    id={`${prefix}-units-${index}`}
                    className="input"
                    inputMode="decimal"
                    value={part.units}
                    placeholder="e.g. 1.5"
                    onChange={(event) => setPart(index, { units: event.target.value })}
                    {...aria(`parts.${index}.units`)}
                  />
                </div>
                {isSplit && (
                  <button
                    type="button"
                    className="button button-small button-quiet career-part-remove"
                    aria-label={`Remove category ${index + 1}`}
                    onClick={() => set({ parts: draft.parts.filter((_part, at) => at !== index) })}
                  >
                    Remove
                  </button>
                )}
              </div>
            )
          })}
          {isFreeCategory && (
            <datalist id={`${prefix}-category-options`}>
              {categories.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          )}
          <div className="career-actions">
            <button
              type="button"
              className="button button-small"
              disabled={draft.parts.length >= educationMaxParts}
              onClick={() =>
                set({
                  parts: [
                    ...draft.parts,
                    {
                      category:
                        categories.find((name) => !draft.parts.some((part) => part.category === name)) ?? '',
                      units: '',
                    },
                  ],
                })
              }
            >
              Split across another category
            </button>
            <span className="career-hint" aria-live="polite">
              Total {formatUnits(primaryRules.unitName, total)}
              {primaryRules.unitsPerActivity !== null &&
                ` (one activity counts for ${formatNumber(primaryRules.unitsPerActivity.min)} to ${formatUnits(primaryRules.unitName, primaryRules.unitsPerActivity.max)})`}
              ; in steps of {formatNumber(primaryRules.unitStep)}.
            </span>
          </div>
        </fieldset>
        {others.length > 0 && (
          <fieldset className="career-fieldset">
            <legend>Also counts toward</legend>
            {others.map((other) => {
              const id = `${prefix}-also-${other.record.id}`
              const name = other.rules?.name ?? ''
              const converts = other.rules !== null && other.rules.unitPool !== primaryRules.unitPool
              return (
                <div className="career-check" key={other.record.id}>
                  <input
                    id={id}
                    type="checkbox"
                    checked={alsoFor.includes(other.record.id)}
                    onChange={(event) =>
                      setAlsoFor(
                        event.target.checked
                          ? [...alsoFor, other.record.id]
                          : alsoFor.filter((item) => item !== other.record.id),
                      )
                    }
                    {...aria('alsoFor')}
                  />
                  <label htmlFor={id}>
                    {name}
                    {converts && (
                      <span className="muted">
                        {' '}
                        ({formatUnitPlural(primaryRules.unitName)} count as{' '}
                        {formatUnitPlural(other.rules?.unitName ?? null)}, one for one)
                      </span>
                    )}
                  </label>
                </div>
              )
            })}
          </fieldset>
        )}
        <div className="career-grid">
          <div className="career-field career-field-wide">
            <label htmlFor={`${prefix}-evidence`}>Evidence</label>
            <input
              id={`${prefix}-evidence`}
              className="input"
              value={draft.evidence}
              placeholder="Certificate number, file name or link, kept for an audit"
              onChange={(event) => set({ evidence: event.target.value })}
              {...aria('evidence')}
            />
          </div>
          <div className="career-field career-field-wide">
            <label htmlFor={`${prefix}-note`}>Note</label>
            <textarea
              id={`${prefix}-note`}
              className="input"
              rows={2}
              value={draft.note}
              onChange={(event) => set({ note: event.target.value })}
              aria-describedby={problem?.field === 'note' ? errorId : `${prefix}-note-count`}
              aria-invalid={problem?.field === 'note' || undefined}
            />
            <span
              id={`${prefix}-note-count`}
              className={
                draft.note.trim().length > careerTextLimits.text
                  ? 'career-hint career-over-limit'
                  : 'career-hint'
              }
            >
              {formatNumber(draft.note.trim().length)} of {formatNumber(careerTextLimits.text)} characters
            </span>
          </div>
        </div>
        <FieldError id={errorId} problem={problem} />
        <div className="career-actions">
          <button type="submit" className="button button-primary" disabled={isSaving}>
            {editing === null ? 'Log activity' : 'Save changes'}
          </button>
          {editing !== null && (
            <button type="button" className="button" onClick={stopEditing}>
              Cancel editing
            </button>
          )}
          {lastSaved !== null && (
            <span role="status" className="muted career-wrap">
              {lastSaved}
            </span>
          )}
          {!isKept && (
            <span role="alert" className="career-wrap">
              What you typed could not be kept in this browser’s storage (it is full or switched off): log the activity before you leave the page.
            </span>
          )}
        </div>
      </form>
      {entries.length === 0 ? (
        <p className="muted">Nothing logged yet.</p>
      ) : (
        <div className="career-table-scroll">
          <table className="plan-table career-table career-log-table" aria-label="Logged activities">
            <colgroup>
              <col className="career-col-date" />
              <col className="career-col-main" />
              <col />
              <col className="career-col-number" />
              <col />
              <col />
              <col />
              <col />
              <col className="career-col-actions" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Activity</th>
                <th scope="col">Categories</th>
                <th scope="col">{unitPlural}</th>
                <th scope="col">Counting</th>
                <th scope="col">Also counts toward</th>
                <th scope="col">Evidence</th>
                <th scope="col">Note</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => {
                const item = countingOf(entry.id)
                const alsoNames = entry.certificationIds.filter((id) => id !== record.id).map(nameOf)
                const details = [entry.activityType, entry.provider].filter((text) => text !== '').join(' · ')
                return (
                  <tr key={entry.id}>
                    <td className="career-nowrap">{entry.date}</td>
                    <th scope="row" className="career-text">
                      {entry.activity}
                      {details !== '' && <div className="muted">{details}</div>}
                    </th>
                    <td className="career-text">
                      {entry.parts.length === 1
                        ? entry.parts[0]?.category
                        : entry.parts.map((part) => (
                            <div key={part.category}>
                              {part.category}: {formatNumber(part.units)}
                            </div>
                          ))}
                    </td>
                    <td className="career-nowrap">{formatNumber(educationEntryUnits(entry))}</td>
                    <td
                      className={
                        item !== undefined && item.notCountingUnits > 0
                          ? 'career-text career-not-counting'
                          : 'career-text'
                      }
                    >
                      {item === undefined
                        ? '—'
                        : item.notCountingUnits === 0
                          ? formatNumber(item.countedUnits)
                          : `${formatNumber(item.countedUnits)} (${formatNumber(item.notCountingUnits)} not counting: ${item.reason ?? ''})`}
                    </td>
                    <td className="career-text">{alsoNames.length === 0 ? '—' : alsoNames.join(', ')}</td>
                    <td className="career-text career-long">{entry.evidence}</td>
                    <td className="career-text career-long">{entry.note}</td>
                    <td className="career-row-actions">
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`Edit ${entry.activity} on ${entry.date}`}
                        onClick={() => startEditing(entry)}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="button button-small button-danger-quiet"
                        aria-label={`Delete ${entry.activity} on ${entry.date}`}
                        onClick={() => {
                          if (editing?.id === entry.id) stopEditing()
                          void remove(entry.id)
                        }}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
