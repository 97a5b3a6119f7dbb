import { useContext, useEffect, useMemo, useState, type FormEvent } from 'react'
import type { CareerData } from '../../../shared/career/model'
import type { PlanSummary } from '../db/plan-db'
import { CareerDashboardCard } from '../features/career/CareerDashboardCard'
import { CareerStoreContext, careerStoreDefault, useCareer } from '../features/career/career-runtime'
import type { CareerStore } from '../features/career/career-store'
import { useAppStore } from '../stores/app-store'
import { planNameMaxLength } from '../stores/plans-slice'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { MenuButton } from '../ui/MenuButton'

function formatStamp(stamp: string): string {
  return `${stamp.slice(0, 10)} ${stamp.slice(11, 16)}`
}

const planColumns = ['Name', 'Tasks', 'File', 'Last changed']

/** The stored plans: create, open, rename, duplicate, delete. */
export function PlanList() {
  const plans = useAppStore((state) => state.plans)
  const isPlansLoaded = useAppStore((state) => state.isPlansLoaded)
  const plansRefresh = useAppStore((state) => state.plansRefresh)
  const planCreate = useAppStore((state) => state.planCreate)
  const documentOpenFile = useAppStore((state) => state.documentOpenFile)
  const documentImport = useAppStore((state) => state.documentImport)
  const [newName, setNewName] = useState('')
  const [renamingId, setRenamingId] = useState<string | null>(null)
  const [deleting, setDeleting] = useState<PlanSummary | null>(null)
  const planDelete = useAppStore((state) => state.planDelete)
  const recentFiles = useAppStore((state) => state.recentFiles)
  const recentRefresh = useAppStore((state) => state.recentRefresh)
  const documentOpenRecent = useAppStore((state) => state.documentOpenRecent)
  const viewSet = useAppStore((state) => state.viewSet)

  useEffect(() => {
    void plansRefresh()
    void recentRefresh()
  }, [plansRefresh, recentRefresh])

  const create = async (event: FormEvent) => {
    event.preventDefault()
    const name = newName.trim() === '' ? 'Untitled plan' : newName
    if ((await planCreate(name)) !== null) setNewName('')
  }

  return (
    <section className="page" aria-labelledby="plans-heading">
      <header className="page-header">
        <h1 id="plans-heading">Plans</h1>
        <div className="page-actions">
          <MenuButton
            label="Import"
            items={[
              { label: 'Microsoft Project XML…', onSelect: () => void documentImport('mspdi') },
              { label: 'CSV task table…', onSelect: () => void documentImport('csv') },
            ]}
          />
          <button type="button" className="button" onClick={() => void documentOpenFile()}>
            Open file…
          </button>
        </div>
      </header>

      <form className="create-form" onSubmit={(event) => void create(event)}>
        <label htmlFor="new-plan-name">New plan</label>
        <input
          id="new-plan-name"
          className="input"
          value={newName}
          maxLength={planNameMaxLength}
          placeholder="e.g. ERP migration"
          onChange={(event) => setNewName(event.target.value)}
        />
        <button type="submit" className="button button-primary">
          Create plan
        </button>
      </form>

      {/* After the plans are listed, so reading the career database never delays them. */}
      {isPlansLoaded && <PlanListCareer onOpen={() => viewSet('career')} />}

      {isPlansLoaded && plans.length === 0 && (
        <p className="empty">No plans yet. Create one above, or open a .gantry file.</p>
      )}
      {plans.length > 0 && (
        <table className="plan-table" aria-label="Stored plans">
          <thead>
            <tr>
              {planColumns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {plans.map((plan) =>
              plan.id === renamingId ? (
                <RenameRow key={plan.id} plan={plan} onDone={() => setRenamingId(null)} />
              ) : (
                <PlanRow
                  key={plan.id}
                  plan={plan}
                  onRename={() => setRenamingId(plan.id)}
                  onDelete={() => setDeleting(plan)}
                />
              ),
            )}
          </tbody>
        </table>
      )}

      {recentFiles.length > 0 && (
        <section aria-labelledby="recent-heading" className="recent">
          <h2 id="recent-heading">Recent files</h2>
          <ul className="recent-list">
            {recentFiles.map((file) => (
              <li key={file.id}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void documentOpenRecent(file.id)}
                >
                  {file.fileName}
                </button>{' '}
                <span className="muted">{file.folder}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {deleting !== null && (
        <ConfirmDialog
          title={`Delete "${deleting.name}"?`}
          confirmLabel="Delete plan"
          isDestructive
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const id = deleting.id
            setDeleting(null)
            void planDelete(id)
          }}
        >
          <p>
            The plan and its {deleting.taskCount} {deleting.taskCount === 1 ? 'task' : 'tasks'} are removed
            from Gantry.
            {deleting.fileName !== null && ` The file ${deleting.fileName} on disk is not touched.`} This
            cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}

function PlanRow({ plan, onRename, onDelete }: { plan: PlanSummary; onRename(): void; onDelete(): void }) {
  const documentOpen = useAppStore((state) => state.documentOpen)
  const planDuplicate = useAppStore((state) => state.planDuplicate)
  const isOpen = useAppStore((state) => state.document?.plan.id === plan.id)
  const actions = [
    { label: 'Open', run: () => void documentOpen(plan.id) },
    { label: 'Rename', run: onRename },
    { label: 'Duplicate', run: () => void planDuplicate(plan.id) },
    { label: 'Delete', run: onDelete, className: 'button button-small button-danger-quiet' },
  ]

  return (
    <tr className={isOpen ? 'is-open' : undefined}>
      <th scope="row">
        <button type="button" className="link-button" onClick={() => void documentOpen(plan.id)}>
          {plan.name}
        </button>
      </th>
      <td>{plan.taskCount}</td>
      <td>{plan.fileName ?? <span className="muted">not saved to a file</span>}</td>
      <td>{formatStamp(plan.updatedAt)}</td>
      <td className="row-actions">
        {actions.map(({ label, run, className = 'button button-small' }) => (
          <button
            key={label}
            type="button"
            className={className}
            aria-label={`${label} ${plan.name}`}
            onClick={run}
          >
            {label}
          </button>
        ))}
      </td>
    </tr>
  )
}

function RenameRow({ plan, onDone }: { plan: PlanSummary; onDone(): void }) {
  const planRename = useAppStore((state) => state.planRename)
  const [name, setName] = useState(plan.name)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    await planRename(plan.id, name)
    onDone()
  }

  return (
    <tr>
      <td colSpan={5}>
        <form className="rename-form" onSubmit={(event) => void submit(event)}>
          <label htmlFor={`rename-${plan.id}`} className="visually-hidden">
            New name for {plan.name}
          </label>
          <input
            id={`rename-${plan.id}`}
            className="input"
            value={name}
            maxLength={planNameMaxLength}
            autoFocus
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') onDone()
            }}
          />
          <button type="submit" className="button button-primary button-small">
            Save name
          </button>
          <button type="button" className="button button-small" onClick={onDone}>
            Cancel
          </button>
        </form>
      </td>
    </tr>
  )
}

/**
 * What the plan list shows of the career tracker: nothing until its data is read (or when it cannot be read), an
 * invitation while no certification is tracked, else the compact summary card.
 */
export type PlanListCareerContent = 'nothing' | 'invitation' | 'card'

export function planListCareerContent(career: {
  isLoaded: boolean
  data: CareerData
}): PlanListCareerContent {
  if (!career.isLoaded) return 'nothing'
  return career.data.certifications.length === 0 ? 'invitation' : 'card'
}

/** The app's career store, or `null` when it cannot even be created; the plan list then shows no career summary. */
function careerStoreOrNull(): CareerStore | null {
  try {
    return careerStoreDefault()
  } catch {
    return null
  }
}

/**
 * The career summary on the plan list, so a renewal coming up is seen on opening the app. Reads the career
 * database once when shown (a failed read shows nothing; the career page reports it). `today` is for tests.
 */
export function PlanListCareer({ onOpen, today }: { onOpen(): void; today?: string }) {
  const provided = useContext(CareerStoreContext)
  const store = useMemo(() => provided ?? careerStoreOrNull(), [provided])
  if (store === null) return null
  return (
    <CareerStoreContext.Provider value={store}>
      <PlanListCareerLoaded onOpen={onOpen} today={today} />
    </CareerStoreContext.Provider>
  )
}

function PlanListCareerLoaded({ onOpen, today }: { onOpen(): void; today?: string }) {
  const content = useCareer(planListCareerContent)
  const isLoaded = useCareer((state) => state.isLoaded)
  const load = useCareer((state) => state.load)

  useEffect(() => {
    if (!isLoaded) void load()
  }, [isLoaded, load])

  return <PlanListCareerView content={content} onOpen={onOpen} today={today} />
}

/** The summary itself, without store access: the compact card or the invitation. */
export function PlanListCareerView({
  content,
  onOpen,
  today,
}: {
  content: PlanListCareerContent
  onOpen(): void
  today?: string
}) {
  if (content === 'nothing') return null
  return (
    <div className="plan-list-career">
      {content === 'card' ? (
        <CareerDashboardCard compact limit={3} onOpen={onOpen} today={today} />
      ) : (
        <section className="plan-list-career-invitation" aria-labelledby="plan-list-career-heading">
          <h2 id="plan-list-career-heading">Certifications</h2>
          <p>
            Track your certifications: Gantry reminds you of renewals, exam days and the units still needed.
          </p>
          <button type="button" className="button button-small" onClick={onOpen}>
            Open career tracker
          </button>
        </section>
      )}
    </div>
  )
}
