/**
 * The RAID log of the open plan: a summary of what is open and overdue, buttons to add each kind, filters (kind,
 * open or closed, overdue only, owner, linked task, words), the log as a table sortable by every column, the
 * probability × impact matrix of open risks, and the form of the chosen item.
 *
 * Keys in the table: Up and Down (Home, End) move between items, Enter goes to the item's form, Delete deletes it
 * (Ctrl+Z brings it back, as every RAID edit is one undoable command).
 */
import { useCallback, useEffect, useId, useMemo, useRef, type KeyboardEvent } from 'react'
import { dateLocalNow } from '../../../../shared/domain/dates'
import type { Plan, TaskId } from '../../../../shared/domain/model'
import {
  raidCounts,
  raidDateLabel,
  raidDayText,
  raidDaysOverdue,
  raidItemCode,
  raidKindNames,
  raidQueryRun,
  raidRiskScore,
  raidScoreLevel,
  raidStatusText,
  type RaidQuery,
  type RaidSort,
  type RaidSortKey,
  type RaidStateFilter,
} from '../../../../shared/domain/raid'
import {
  raidKinds,
  type RaidItem,
  type RaidItemId,
  type RaidKind,
} from '../../../../shared/domain/raid-model'
import { useWorkspace } from '../workspace/workspace-store'
import { RaidEditForm, RaidNewForm, raidFormFieldsNew, raidOwnerSuggestions } from './RaidForm'
import { raidViewInitial, raidViewStored, type RaidNewDrafts, type RaidViewState } from './raid-view-state'
import { RiskMatrix } from './RiskMatrix'
import './raid.css'

const columns: { key: RaidSortKey; label: string }[] = [
  { key: 'code', label: 'Code' },
  { key: 'kind', label: 'Type' },
  { key: 'title', label: 'Title' },
  { key: 'owner', label: 'Owner' },
  { key: 'status', label: 'Status' },
  { key: 'severity', label: 'Score / priority' },
  { key: 'dueDate', label: 'Due / needed by' },
]

/** Today's day, as the log measures overdue items. */
export function raidToday(): string {
  return dateLocalNow().slice(0, 10)
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}

function Severity({ item }: { item: RaidItem }) {
  if (item.kind === 'risk') {
    const score = raidRiskScore(item)
    const level = raidScoreLevel(score)
    return (
      <span
        className={`raid-level is-${level}`}
        title={`Probability ${item.probability} × impact ${item.impact}`}
      >
        {score}{' '}
        <span className="raid-muted">
          ({item.probability}×{item.impact})
        </span>
      </span>
    )
  }
  if (item.kind === 'issue')
    return <span className={`raid-priority is-${item.priority}`}>{item.priority}</span>
  return <span className="raid-muted">–</span>
}

function LinkedTasks({ plan, ids }: { plan: Plan; ids: readonly TaskId[] }) {
  if (ids.length === 0) return null
  const names = ids.map((id) => {
    const task = plan.tasks.find((candidate) => candidate.id === id)
    return task === undefined ? null : `${task.isMilestone ? '◆ ' : ''}${task.name || '(no name)'}`
  })
  const shown = names.filter((name): name is string => name !== null)
  return (
    <span className="raid-linked" title={shown.join(', ')}>
      {shown.join(', ')}
    </span>
  )
}

export function RaidView({
  views,
  onView: onPlanView,
  onShowTask,
}: {
  /** The view state of each plan opened in this window, by plan id. */
  views: Readonly<Record<string, RaidViewState>>
  onView(planId: string, next: RaidViewState): void
  onShowTask(taskId: TaskId): void
}) {
  const plan = useWorkspace((state) => state.document?.plan ?? null)
  const planId = plan?.id ?? null
  const kept = planId === null ? undefined : views[planId]
  const view = useMemo((): RaidViewState => kept ?? (planId === null ? raidViewInitial : raidViewStored(planId)), [kept, planId])
  const onView = useCallback(
    (next: RaidViewState) => {
      if (planId !== null) onPlanView(planId, next)
    },
    [planId, onPlanView],
  )
  const run = useWorkspace((state) => state.editorRun)
  const headingId = useId()
  const tableRef = useRef<HTMLTableSectionElement>(null)
  const sideRef = useRef<HTMLDivElement>(null)
  const today = raidToday()
  const items = plan?.raid
  const rows = useMemo(
    () => (items === undefined ? [] : raidQueryRun(items, view.query, view.sort, today)),
    [items, view.query, view.sort, today],
  )
  const selected = view.selectedId === null ? undefined : items?.find((item) => item.id === view.selectedId)

  // A chosen item that went (deleted, undone) leaves the form empty rather than showing a stale item.
  useEffect(() => {
    if (view.selectedId !== null && items !== undefined && !items.some((item) => item.id === view.selectedId))
      onView({ ...view, selectedId: null })
  }, [items, view, onView])

  if (plan === null) return null
  const counts = raidCounts(plan.raid, today)
  const newFields = view.selectedId === null && view.newKind !== null ? view.drafts[view.newKind] : undefined
  const newDraft = newFields === undefined || view.newKind === null ? null : { kind: view.newKind, fields: newFields }
  const pendingKinds = raidKinds.filter((kind) => view.drafts[kind] !== undefined)
  const draftsWithout = (kind: RaidKind): RaidNewDrafts => {
    const { [kind]: _gone, ...rest } = view.drafts
    return rest
  }
  const setQuery = (change: Partial<RaidQuery>) => onView({ ...view, query: { ...view.query, ...change } })
  const setSort = (key: RaidSortKey) =>
    onView({
      ...view,
      sort: {
        key,
        direction: view.sort.key === key && view.sort.direction === 'ascending' ? 'descending' : 'ascending',
      } satisfies RaidSort,
    })
  // Choosing an item keeps the new items being written: "New …" goes back to them.
  const choose = (id: RaidItemId | null) => onView({ ...view, selectedId: id })
  const focusRow = (id: RaidItemId) =>
    requestAnimationFrame(() =>
      tableRef.current?.querySelector<HTMLElement>(`[data-raid-id="${id}"]`)?.focus(),
    )
  const startNew = (kind: RaidKind) => {
    onView({
      ...view,
      selectedId: null,
      newKind: kind,
      drafts: view.drafts[kind] === undefined ? { ...view.drafts, [kind]: raidFormFieldsNew(kind, today) } : view.drafts,
    })
    requestAnimationFrame(() => sideRef.current?.querySelector<HTMLElement>('input[name="title"]')?.focus())
  }
  const remove = (item: RaidItem) => {
    const index = rows.findIndex((row) => row.id === item.id)
    const result = run('raid/delete', { ids: [item.id] })
    if (!result.ok) return
    const next = rows[index + 1] ?? rows[index - 1]
    onView({ ...view, selectedId: next?.id ?? null })
    if (next !== undefined) focusRow(next.id)
  }
  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, item: RaidItem, index: number) => {
    let target: RaidItem | undefined
    if (event.key === 'ArrowDown') target = rows[index + 1]
    else if (event.key === 'ArrowUp') target = rows[index - 1]
    else if (event.key === 'Home') target = rows[0]
    else if (event.key === 'End') target = rows[rows.length - 1]
    else if (event.key === 'Enter') {
      event.preventDefault()
      choose(item.id)
      requestAnimationFrame(() => sideRef.current?.querySelector<HTMLElement>('input[name="title"]')?.focus())
      return
    } else if (event.key === 'Delete') {
      event.preventDefault()
      remove(item)
      return
    } else return
    event.preventDefault()
    if (target !== undefined) {
      choose(target.id)
      focusRow(target.id)
    }
  }
  const owners = raidOwnerSuggestions(plan).filter((owner) =>
    plan.raid.some((item) => item.owner.toLowerCase() === owner.toLowerCase()),
  )
  const linkedTasks = plan.tasks.filter((task) => plan.raid.some((item) => item.taskIds.includes(task.id)))
  const isFiltered =
    view.query.kinds.length > 0 ||
    view.query.state !== 'all' ||
    view.query.isOverdueOnly ||
    view.query.owner !== '' ||
    view.query.text !== '' ||
    view.query.taskId !== null ||
    view.query.cell !== null
  const activeId = selected?.id ?? rows[0]?.id

  return (
    <section className="raid" aria-labelledby={headingId}>
      <header className="raid-head">
        <div>
          <h2 id={headingId}>RAID log</h2>
          <p className="raid-summary">
            {plural(counts.open.risk, 'open risk', 'open risks')} ·{' '}
            {plural(counts.open.issue, 'open issue', 'open issues')} ·{' '}
            {plural(counts.open.assumption, 'unconfirmed assumption', 'unconfirmed assumptions')} ·{' '}
            {plural(counts.open.dependency, 'expected dependency', 'expected dependencies')}
            {counts.overdue > 0 && (
              <>
                {' · '}
                <button
                  type="button"
                  className="raid-link raid-overdue-text"
                  onClick={() => setQuery({ isOverdueOnly: true, state: 'all' })}
                >
                  {counts.overdue} overdue
                </button>
              </>
            )}
          </p>
        </div>
        <div className="raid-add" role="group" aria-label="Add to the RAID log">
          {raidKinds.map((kind) => (
            <button key={kind} type="button" className="ws-button" onClick={() => startNew(kind)}>
              Add {raidKindNames[kind].one}
            </button>
          ))}
        </div>
      </header>
      <div className="raid-body">
        <div className="raid-main">
          <div className="raid-filters" role="search" aria-label="Filter the RAID log">
            <label>
              Type
              <select
                value={view.query.kinds[0] ?? ''}
                onChange={(event) =>
                  setQuery({ kinds: event.target.value === '' ? [] : [event.target.value as RaidKind] })
                }
              >
                <option value="">All types</option>
                {raidKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {raidKindNames[kind].many}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Show
              <select
                value={view.query.state}
                onChange={(event) => setQuery({ state: event.target.value as RaidStateFilter })}
              >
                <option value="open">Open items</option>
                <option value="closed">Closed items</option>
                <option value="all">All items</option>
              </select>
            </label>
            <label>
              Owner
              <select value={view.query.owner} onChange={(event) => setQuery({ owner: event.target.value })}>
                <option value="">Anyone</option>
                {owners.map((owner) => (
                  <option key={owner} value={owner}>
                    {owner}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Linked to
              <select
                value={view.query.taskId ?? ''}
                onChange={(event) =>
                  setQuery({ taskId: event.target.value === '' ? null : Number(event.target.value) })
                }
              >
                <option value="">Any task</option>
                {linkedTasks.map((task) => (
                  <option key={task.id} value={task.id}>
                    {task.isMilestone ? '◆ ' : ''}
                    {task.name || '(no name)'}
                  </option>
                ))}
              </select>
            </label>
            <label className="raid-check">
              <input
                type="checkbox"
                checked={view.query.isOverdueOnly}
                onChange={(event) => setQuery({ isOverdueOnly: event.target.checked })}
              />
              Overdue only
            </label>
            <label>
              Search
              <input
                type="search"
                value={view.query.text}
                placeholder="Words in the title, owner…"
                onChange={(event) => setQuery({ text: event.target.value })}
              />
            </label>
            {isFiltered && (
              <button
                type="button"
                className="ws-button"
                onClick={() =>
                  setQuery({
                    kinds: [],
                    state: 'all',
                    isOverdueOnly: false,
                    owner: '',
                    text: '',
                    taskId: null,
                    cell: null,
                  })
                }
              >
                Show everything
              </button>
            )}
          </div>
          {view.query.cell !== null && (
            <p className="raid-filter-note">
              Open risks with probability {view.query.cell.probability} and impact {view.query.cell.impact}.{' '}
              <button type="button" className="raid-link" onClick={() => setQuery({ cell: null })}>
                Clear
              </button>
            </p>
          )}
          {plan.raid.length === 0 ? (
            <p className="raid-empty">
              The RAID log is empty. Log the risks, assumptions, issues and outside dependencies of this plan
              with the buttons above; each can be linked to tasks and milestones.
            </p>
          ) : rows.length === 0 ? (
            <p className="raid-empty">No item matches these filters.</p>
          ) : (
            <table className="raid-table" aria-label="RAID items" aria-rowcount={rows.length + 1}>
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th
                      key={column.key}
                      scope="col"
                      aria-sort={view.sort.key === column.key ? view.sort.direction : 'none'}
                      className={`raid-col-${column.key}`}
                    >
                      <button type="button" className="raid-sort" onClick={() => setSort(column.key)}>
                        {column.label}
                        <span aria-hidden="true">
                          {view.sort.key === column.key
                            ? view.sort.direction === 'ascending'
                              ? ' ▲'
                              : ' ▼'
                            : ''}
                        </span>
                      </button>
                    </th>
                  ))}
                  <th scope="col">Linked to</th>
                </tr>
              </thead>
              <tbody ref={tableRef}>
                {rows.map((item, index) => {
                  const late = raidDaysOverdue(item, today)
                  const isSelected = item.id === selected?.id
                  return (
                    <tr
                      key={item.id}
                      data-raid-id={item.id}
                      tabIndex={item.id === activeId ? 0 : -1}
                      aria-selected={isSelected}
                      className={`raid-row-item${isSelected ? ' is-selected' : ''}${late > 0 ? ' is-overdue' : ''}`}
                      onClick={() => choose(item.id)}
                      onKeyDown={(event) => onRowKey(event, item, index)}
                    >
                      <td className="raid-code">{raidItemCode(item)}</td>
                      <td className="raid-kind">{raidKindNames[item.kind].one}</td>
                      <td className="raid-title">{item.title}</td>
                      <td>{item.owner}</td>
                      <td>
                        <span className={`raid-state${late > 0 ? ' is-overdue' : ''}`}>
                          {raidStatusText(item.status)}
                        </span>
                      </td>
                      <td>
                        <Severity item={item} />
                      </td>
                      <td className="raid-due" title={raidDateLabel(item.kind, 'dueDate')}>
                        {item.dueDate === null ? '' : raidDayText(item.dueDate)}
                        {late > 0 && (
                          <span className="raid-overdue-badge">overdue {plural(late, 'day', 'days')}</span>
                        )}
                      </td>
                      <td>
                        <LinkedTasks plan={plan} ids={item.taskIds} />
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          )}
        </div>
        <div className="raid-side" ref={sideRef} data-pane="details">
          <RiskMatrix
            items={plan.raid}
            cell={view.query.cell}
            onCell={(cell) => setQuery({ cell, ...(cell === null ? {} : { kinds: [], state: 'all' }) })}
          />
          {newDraft !== null ? (
            <RaidNewForm
              key={`new-${newDraft.kind}`}
              plan={plan}
              draft={newDraft}
              onChange={(draft) => onView({ ...view, drafts: { ...view.drafts, [draft.kind]: draft.fields } })}
              onAdded={(id) => {
                onView({ ...view, drafts: draftsWithout(newDraft.kind), newKind: null, selectedId: id })
                focusRow(id)
              }}
              onCancel={() => onView({ ...view, drafts: draftsWithout(newDraft.kind), newKind: null })}
            />
          ) : selected !== undefined ? (
            <RaidEditForm
              key={selected.id}
              plan={plan}
              item={selected}
              today={today}
              onConverted={(issueId) => {
                onView({
                  ...view,
                  selectedId: issueId,
                  query: {
                    ...view.query,
                    kinds: [],
                    state: view.query.state === 'closed' ? 'all' : view.query.state,
                  },
                })
                focusRow(issueId)
              }}
              onDelete={() => remove(selected)}
              onShowItem={(id) => {
                onView({
                  ...view,
                  selectedId: id,
                  query: { ...view.query, kinds: [], state: 'all', cell: null },
                })
                focusRow(id)
              }}
            />
          ) : (
            <p className="raid-muted raid-hint">Choose an item to see and edit it, or add one.</p>
          )}
          {newDraft === null && pendingKinds.length > 0 && (
            <p className="raid-muted raid-pending">
              Not added yet:{' '}
              {pendingKinds.map((kind) => (
                <button key={kind} type="button" className="raid-link" onClick={() => startNew(kind)}>
                  the new {raidKindNames[kind].one} you started
                </button>
              ))}
            </p>
          )}
          {selected !== undefined && newDraft === null && selected.taskIds.length > 0 && (
            <div className="raid-show-tasks">
              {selected.taskIds.map((taskId) => {
                const task = plan.tasks.find((candidate) => candidate.id === taskId)
                return task === undefined ? null : (
                  <button key={taskId} type="button" className="raid-link" onClick={() => onShowTask(taskId)}>
                    Show {task.name || 'the task'} in the Gantt chart
                  </button>
                )
              })}
            </div>
          )}
        </div>
      </div>
    </section>
  )
}
