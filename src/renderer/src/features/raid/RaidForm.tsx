/**
 * The RAID item form, beside the log. A new item is written in full and added with its button (the draft lives in
 * the view state, so switching tabs keeps it). A stored item is edited field by field: a text field commits when it
 * loses focus or on Enter, a choice when it changes; each commit is one undoable command. What cannot be stored is
 * refused before anything changes: the field is marked invalid and the message (role=alert) says why, and the typed
 * text stays in the field.
 */
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import type { IsoDate, Plan, TaskId } from '../../../../shared/domain/model'
import {
  raidDateLabel,
  raidDraftApply,
  raidImpactNames,
  raidItemBlank,
  raidItemCode,
  raidKindNames,
  raidProbabilityNames,
  raidRiskScore,
  raidScoreLevel,
  raidStatusesOf,
  raidStatusText,
  type RaidDraft,
  type RaidDraftField,
  type RaidDraftProblem,
} from '../../../../shared/domain/raid'
import {
  raidIssuePriorities,
  raidRiskStrategies,
  type RaidItem,
  type RaidItemId,
  type RaidKind,
} from '../../../../shared/domain/raid-model'
import { FieldError, fieldAria, type FieldProblem } from '../../ui/FieldError'
import { useWorkspace } from '../workspace/workspace-store'
import { raidFormDraft, type RaidFormFields, type RaidNewDraft } from './raid-view-state'

/** The form's text of every field of a stored item. */
export function raidFormFieldsOf(item: RaidItem): RaidFormFields {
  return {
    title: item.title,
    description: item.description,
    owner: item.owner,
    dueDate: item.dueDate ?? '',
    raisedOn: item.raisedOn,
    status: item.status,
    probability: item.kind === 'risk' ? String(item.probability) : '',
    impact: item.kind === 'risk' ? String(item.impact) : '',
    strategy: item.kind === 'risk' ? item.strategy : '',
    mitigation: item.kind === 'risk' ? item.mitigation : '',
    trigger: item.kind === 'risk' ? item.trigger : '',
    priority: item.kind === 'issue' ? item.priority : '',
    resolution: item.kind === 'issue' ? item.resolution : '',
    party: item.kind === 'dependency' ? item.party : '',
    taskIds: item.taskIds,
  }
}

/** A new item's empty form. */
export function raidFormFieldsNew(kind: RaidKind, today: IsoDate): RaidFormFields {
  return raidFormFieldsOf(raidItemBlank(kind, 0, today))
}

type TextFieldName = Exclude<keyof RaidFormFields, 'taskIds'>

const strategyNames: Record<string, string> = {
  avoid: 'Avoid',
  mitigate: 'Mitigate',
  transfer: 'Transfer',
  accept: 'Accept',
  escalate: 'Escalate',
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** The task list entries a link can be made to: "3 Code", milestones marked. */
function taskLabel(plan: Plan, taskId: TaskId): string {
  const index = plan.tasks.findIndex((task) => task.id === taskId)
  const task = plan.tasks[index]
  if (task === undefined) return `Task ${taskId}`
  return `${index + 1} ${task.isMilestone ? '◆ ' : ''}${task.name || '(no name)'}`
}

type FormProps = {
  plan: Plan
  kind: RaidKind
  fields: RaidFormFields
  problem: RaidDraftProblem | null
  setField(field: TextFieldName, value: string): void
  /** A text field lost the focus (or Enter): commit it (stored items). */
  commitField(field: TextFieldName, value: string): void
  /** A choice changed: commit it at once (stored items). */
  chooseField(field: TextFieldName, value: string): void
  setTaskIds(ids: TaskId[]): void
  owners: readonly string[]
}

function RaidFields({
  plan,
  kind,
  fields,
  problem,
  setField,
  commitField,
  chooseField,
  setTaskIds,
  owners,
}: FormProps) {
  const idPrefix = useId()
  const errorId = `${idPrefix}-error`
  const fieldProblem: FieldProblem =
    problem === null ? null : { field: problem.field, message: problem.message }
  const aria = (field: RaidDraftField) => fieldAria(fieldProblem, field, errorId)
  const ownersId = `${idPrefix}-owners`
  const text = (
    field: TextFieldName,
    label: string,
    options: { placeholder?: string; isWide?: boolean; isRequired?: boolean } = {},
  ): ReactNode => (
    <label className={options.isWide === true ? 'raid-field is-wide' : 'raid-field'}>
      {label}
      <input
        name={field}
        value={fields[field]}
        placeholder={options.placeholder}
        aria-required={options.isRequired}
        list={field === 'owner' ? ownersId : undefined}
        {...aria(field)}
        onChange={(event) => setField(field, event.target.value)}
        onBlur={(event) => commitField(field, event.target.value)}
        onKeyDown={(event: KeyboardEvent<HTMLInputElement>) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            commitField(field, event.currentTarget.value)
          }
        }}
      />
    </label>
  )
  const area = (field: TextFieldName, label: string): ReactNode => (
    <label className="raid-field is-wide">
      {label}
      <textarea
        name={field}
        rows={3}
        value={fields[field]}
        {...aria(field)}
        onChange={(event) => setField(field, event.target.value)}
        onBlur={(event) => commitField(field, event.target.value)}
      />
    </label>
  )
  const choice = (
    field: TextFieldName,
    label: string,
    values: readonly string[],
    names: (value: string) => string,
  ): ReactNode => (
    <label className="raid-field">
      {label}
      <select
        name={field}
        value={fields[field]}
        {...aria(field)}
        onChange={(event) => chooseField(field, event.target.value)}
      >
        {values.map((value) => (
          <option key={value} value={value}>
            {names(value)}
          </option>
        ))}
      </select>
    </label>
  )
  const rating = (field: 'probability' | 'impact', label: string, words: readonly string[]): ReactNode => (
    <label className="raid-field is-narrow">
      {label}
      <input
        name={field}
        type="number"
        min={1}
        max={5}
        step={1}
        inputMode="numeric"
        value={fields[field]}
        {...aria(field)}
        aria-description={`1 ${words[0] ?? ''} to 5 ${words[4] ?? ''}`}
        onChange={(event) => setField(field, event.target.value)}
        onBlur={(event) => commitField(field, event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            commitField(field, event.currentTarget.value)
          }
        }}
      />
    </label>
  )
  const probability = Number(fields.probability)
  const impact = Number(fields.impact)
  const hasScore =
    Number.isInteger(probability) &&
    Number.isInteger(impact) &&
    probability >= 1 &&
    probability <= 5 &&
    impact >= 1 &&
    impact <= 5
  const score = hasScore ? raidRiskScore({ probability, impact }) : null
  const linked = new Set(fields.taskIds)
  return (
    <>
      <FieldError id={errorId} problem={fieldProblem} />
      <datalist id={ownersId}>
        {owners.map((owner) => (
          <option key={owner} value={owner} />
        ))}
      </datalist>
      {text('title', 'Title', { isWide: true, isRequired: true })}
      <div className="raid-row">
        {text('owner', 'Owner')}
        {choice('status', 'Status', raidStatusesOf(kind), (value) => capitalized(raidStatusText(value)))}
      </div>
      {kind === 'risk' && (
        <div className="raid-row">
          {rating('probability', 'Probability (1–5)', raidProbabilityNames)}
          {rating('impact', 'Impact (1–5)', raidImpactNames)}
        </div>
      )}
      {kind === 'risk' && (
        <p className="raid-score" aria-live="polite">
          Score{' '}
          {score === null ? (
            '–'
          ) : (
            <span className={`raid-level is-${raidScoreLevel(score)}`}>
              {score} · {raidScoreLevel(score).replace('-', ' ')}
            </span>
          )}
        </p>
      )}
      {kind === 'risk' &&
        choice('strategy', 'Response strategy', raidRiskStrategies, (value) => strategyNames[value] ?? value)}
      {kind === 'issue' && choice('priority', 'Priority', raidIssuePriorities, capitalized)}
      {kind === 'dependency' &&
        text('party', 'Who delivers it', {
          isWide: true,
          placeholder: 'A team, supplier, client or other project',
        })}
      <div className="raid-row">
        {text('dueDate', raidDateLabel(kind, 'dueDate'), { placeholder: 'YYYY-MM-DD' })}
        {text('raisedOn', 'Raised on', { placeholder: 'YYYY-MM-DD' })}
      </div>
      {kind === 'risk' && area('mitigation', 'Mitigation')}
      {kind === 'risk' && area('trigger', 'Trigger')}
      {kind === 'issue' && area('resolution', 'Resolution')}
      {area('description', 'Description')}
      <fieldset className="raid-links" {...aria('taskIds')}>
        <legend>Linked tasks and milestones</legend>
        {fields.taskIds.length === 0 ? (
          <p className="raid-muted">None yet.</p>
        ) : (
          <ul>
            {fields.taskIds.map((taskId) => (
              <li key={taskId}>
                <span>{taskLabel(plan, taskId)}</span>
                <button
                  type="button"
                  className="ws-button raid-chip-remove"
                  aria-label={`Remove the link to ${taskLabel(plan, taskId)}`}
                  onClick={() => setTaskIds(fields.taskIds.filter((id) => id !== taskId))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <label className="raid-field is-wide">
          Link a task or milestone
          <select
            value=""
            onChange={(event) => {
              const id = Number(event.target.value)
              if (event.target.value !== '' && !linked.has(id)) setTaskIds([...fields.taskIds, id])
            }}
          >
            <option value="">Choose…</option>
            {plan.tasks.map((task) =>
              linked.has(task.id) ? null : (
                <option key={task.id} value={task.id}>
                  {taskLabel(plan, task.id)}
                </option>
              ),
            )}
          </select>
        </label>
      </fieldset>
    </>
  )
}

/** Names already used as owners (and the plan's resources), for the owner field's suggestions. */
export function raidOwnerSuggestions(plan: Plan): string[] {
  const names = new Set<string>()
  for (const resource of plan.resources) if (resource.name.trim() !== '') names.add(resource.name.trim())
  for (const item of plan.raid) if (item.owner !== '') names.add(item.owner)
  return [...names].sort((a, b) => a.localeCompare(b))
}

/** The form of a new item: everything typed is kept in the view state until it is added or discarded. */
export function RaidNewForm({
  plan,
  draft,
  onChange,
  onAdded,
  onCancel,
}: {
  plan: Plan
  draft: RaidNewDraft
  onChange(draft: RaidNewDraft): void
  onAdded(id: RaidItemId): void
  onCancel(): void
}) {
  const run = useWorkspace((state) => state.editorRun)
  const [problem, setProblem] = useState<RaidDraftProblem | null>(null)
  const formRef = useRef<HTMLFormElement>(null)
  const kindName = raidKindNames[draft.kind].one
  const set = (field: TextFieldName, value: string) =>
    onChange({ ...draft, fields: { ...draft.fields, [field]: value } })
  const add = () => {
    const typed = raidFormDraft(draft.kind, draft.fields)
    const read = raidDraftApply(raidItemBlank(draft.kind, 0, draft.fields.raisedOn), typed, plan)
    if (!read.ok) {
      setProblem(read.problem)
      formRef.current?.querySelector<HTMLElement>(`[name="${read.problem.field}"]`)?.focus()
      return
    }
    const result = run('raid/add', { kind: draft.kind, draft: typed, today: draft.fields.raisedOn })
    if (result.ok) onAdded(result.value)
  }
  return (
    <form
      ref={formRef}
      // Gantry says what is wrong in its own words (and keeps what was typed); the browser's bubbles would not.
      noValidate
      className="raid-form"
      aria-label={`New ${kindName}`}
      onSubmit={(event) => {
        event.preventDefault()
        add()
      }}
    >
      <h3>New {kindName}</h3>
      <RaidFields
        plan={plan}
        kind={draft.kind}
        fields={draft.fields}
        problem={problem}
        setField={set}
        commitField={set}
        chooseField={set}
        setTaskIds={(taskIds) => onChange({ ...draft, fields: { ...draft.fields, taskIds } })}
        owners={raidOwnerSuggestions(plan)}
      />
      <div className="raid-actions">
        <button type="submit" className="ws-button raid-primary">
          Add {kindName}
        </button>
        <button type="button" className="ws-button" onClick={onCancel}>
          Discard
        </button>
      </div>
    </form>
  )
}

/** What one field's commit changes in the item (every form field is a field of the draft). */
function fieldDraft(field: TextFieldName | 'taskIds', value: string | TaskId[]): RaidDraft {
  return field === 'taskIds'
    ? { taskIds: Array.isArray(value) ? value : [] }
    : { [field]: typeof value === 'string' ? value : '' }
}

/** A stored item, edited field by field. */
export function RaidEditForm({
  plan,
  item,
  today,
  onConverted,
  onDelete,
  onShowItem,
}: {
  plan: Plan
  item: RaidItem
  today: IsoDate
  onConverted(issueId: RaidItemId): void
  onDelete(): void
  onShowItem(id: RaidItemId): void
}) {
  const run = useWorkspace((state) => state.editorRun)
  const stored = raidFormFieldsOf(item)
  const [fields, setFields] = useState<RaidFormFields>(stored)
  const [shownItem, setShownItem] = useState(item)
  const [problem, setProblem] = useState<RaidDraftProblem | null>(null)
  // When the item changes elsewhere (a commit, undo, redo), fields whose stored value changed show it; a field with
  // refused text keeps what was typed.
  if (shownItem !== item) {
    const before = raidFormFieldsOf(shownItem)
    const next = { ...fields }
    for (const key of Object.keys(stored) as (keyof RaidFormFields)[]) {
      if (before[key] !== stored[key]) (next as Record<string, unknown>)[key] = stored[key]
    }
    setShownItem(item)
    setFields(next)
  }
  const commit = (field: TextFieldName | 'taskIds', value: string | TaskId[]) => {
    const current = stored[field]
    const isSame =
      Array.isArray(value) && Array.isArray(current)
        ? value.length === current.length && value.every((id, at) => id === current[at])
        : value === current
    if (isSame) {
      if (problem?.field === field) setProblem(null)
      return
    }
    const draft = fieldDraft(field, value)
    const read = raidDraftApply(item, draft, plan)
    if (!read.ok) {
      setProblem(read.problem)
      return
    }
    if (run('raid/update', { id: item.id, draft }).ok) setProblem(null)
  }
  const related = item.kind === 'risk' ? item.issueId : item.kind === 'issue' ? item.riskId : null
  const relatedItem = related === null ? undefined : plan.raid.find((candidate) => candidate.id === related)
  const kindName = raidKindNames[item.kind].one
  return (
    <form
      className="raid-form"
      noValidate
      aria-label={`${raidItemCode(item)} ${kindName}`}
      onSubmit={(event) => event.preventDefault()}
    >
      <h3>
        {raidItemCode(item)} <span className="raid-muted">{kindName}</span>
      </h3>
      {relatedItem !== undefined && (
        <p className="raid-related">
          {item.kind === 'risk' ? 'Became issue ' : 'Came from risk '}
          <button type="button" className="raid-link" onClick={() => onShowItem(relatedItem.id)}>
            {raidItemCode(relatedItem)} {relatedItem.title}
          </button>
        </p>
      )}
      <RaidFields
        plan={plan}
        kind={item.kind}
        fields={fields}
        problem={problem}
        setField={(field, value) => setFields((current) => ({ ...current, [field]: value }))}
        commitField={commit}
        chooseField={(field, value) => {
          setFields((current) => ({ ...current, [field]: value }))
          commit(field, value)
        }}
        setTaskIds={(taskIds) => commit('taskIds', taskIds)}
        owners={raidOwnerSuggestions(plan)}
      />
      <div className="raid-actions">
        {item.kind === 'risk' && (
          <button
            type="button"
            className="ws-button"
            disabled={relatedItem !== undefined}
            title={
              relatedItem !== undefined
                ? `Already became ${raidItemCode(relatedItem)}`
                : 'The risk has happened: log it as an issue'
            }
            onClick={() => {
              const result = run('raid/risk-to-issue', { riskId: item.id, today })
              if (result.ok) onConverted(result.value)
            }}
          >
            Turn into issue
          </button>
        )}
        <button type="button" className="ws-button raid-danger" onClick={onDelete}>
          Delete {kindName}
        </button>
      </div>
    </form>
  )
}
