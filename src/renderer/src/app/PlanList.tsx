import { useEffect, useState, type FormEvent } from 'react'
import type { PlanSummary } from '../db/plan-db'
import { useAppStore } from '../stores/app-store'
import { planNameMaxLength } from '../stores/plans-slice'
import { ConfirmDialog } from './ConfirmDialog'
import { MenuButton } from './MenuButton'

function formatStamp(stamp: string): string {
  return `${stamp.slice(0, 10)} ${stamp.slice(11, 16)}`
}

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

      {isPlansLoaded && plans.length === 0 && (
        <p className="empty">No plans yet. Create one above, or open a .gantry file.</p>
      )}
      {plans.length > 0 && (
        <table className="plan-table" aria-label="Stored plans">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Tasks</th>
              <th scope="col">File</th>
              <th scope="col">Last changed</th>
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
        <button
          type="button"
          className="button button-small"
          aria-label={`Open ${plan.name}`}
          onClick={() => void documentOpen(plan.id)}
        >
          Open
        </button>
        <button
          type="button"
          className="button button-small"
          aria-label={`Rename ${plan.name}`}
          onClick={onRename}
        >
          Rename
        </button>
        <button
          type="button"
          className="button button-small"
          aria-label={`Duplicate ${plan.name}`}
          onClick={() => void planDuplicate(plan.id)}
        >
          Duplicate
        </button>
        <button
          type="button"
          className="button button-small button-danger-quiet"
          aria-label={`Delete ${plan.name}`}
          onClick={onDelete}
        >
          Delete
        </button>
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
