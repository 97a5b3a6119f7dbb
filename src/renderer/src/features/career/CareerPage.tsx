import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { BackupSection } from './BackupSection'
import { BudgetSection } from './BudgetSection'
import { CatalogueSection } from './CatalogueSection'
import { CertificationsSection } from './CertificationsSection'
import { EducationLogSection } from './EducationLogSection'
import { GrowthSection } from './GrowthSection'
import { OverviewSection } from './OverviewSection'
import { SalarySection } from './SalarySection'
import { useCareer } from './career-runtime'
import './career.css'

const tabs = [
  { id: 'overview', label: 'Overview' },
  { id: 'certifications', label: 'Certifications' },
  { id: 'log', label: 'Education log' },
  { id: 'budget', label: 'Renewal budget' },
  { id: 'salary', label: 'Salary' },
  { id: 'growth', label: 'Skills and goals' },
  { id: 'catalogue', label: 'Catalogue' },
  { id: 'backup', label: 'Backup and calendar' },
] as const
type TabId = (typeof tabs)[number]['id']

/**
 * The career tracker: profile, certifications with renewal cycles, the education log, the renewal budget, salary,
 * skills, goals, the catalogue, backup.
 */
export function CareerPage() {
  const load = useCareer((state) => state.load)
  const isLoaded = useCareer((state) => state.isLoaded)
  const [tab, setTab] = useState<TabId>('overview')
  const tabRefs = useRef(new Map<TabId, HTMLButtonElement>())

  useEffect(() => {
    void load()
  }, [load])

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = tabs.findIndex((item) => item.id === tab)
    const moves: Record<string, number> = {
      ArrowRight: (index + 1) % tabs.length,
      ArrowLeft: (index - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    }
    const next = moves[event.key]
    if (next === undefined) return
    event.preventDefault()
    const target = tabs[next]
    if (target === undefined) return
    const id = target.id
    setTab(id)
    tabRefs.current.get(id)?.focus()
  }

  return (
    <section className="page career" aria-labelledby="career-heading">
      <header className="page-header">
        <h1 id="career-heading">Career</h1>
      </header>
      <CareerMessage />
      <div role="tablist" aria-label="Career sections" className="career-tabs">
        {tabs.map((item) => (
          <button
            key={item.id}
            ref={(element) => {
              if (element === null) tabRefs.current.delete(item.id)
              else tabRefs.current.set(item.id, element)
            }}
            type="button"
            role="tab"
            id={`career-tab-${item.id}`}
            aria-selected={tab === item.id}
            aria-controls={`career-panel-${item.id}`}
            tabIndex={tab === item.id ? 0 : -1}
            className="career-tab"
            onClick={() => setTab(item.id)}
            onKeyDown={onTabKey}
          >
            {item.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`career-panel-${tab}`}
        aria-labelledby={`career-tab-${tab}`}
        className="career-panel"
      >
        {!isLoaded ? (
          <p className="muted">Loading career data…</p>
        ) : (
          <>
            {tab === 'overview' && <OverviewSection onOpenCertifications={() => setTab('certifications')} />}
            {tab === 'certifications' && <CertificationsSection />}
            {tab === 'log' && <EducationLogSection />}
            {tab === 'budget' && <BudgetSection />}
            {tab === 'salary' && <SalarySection />}
            {tab === 'growth' && <GrowthSection />}
            {tab === 'catalogue' && <CatalogueSection />}
            {tab === 'backup' && <BackupSection />}
          </>
        )}
      </div>
    </section>
  )
}

/** The outcome of the last page-wide command: errors as alerts, successes as status. */
function CareerMessage() {
  const message = useCareer((state) => state.message)
  const clear = useCareer((state) => state.messageClear)
  if (message === null) return null
  return (
    <div
      className={`notice ${message.kind === 'error' ? 'notice-error' : 'notice-info'} career-message`}
      role={message.kind === 'error' ? 'alert' : 'status'}
    >
      <span className="notice-message">{message.text}</span>
      <button
        type="button"
        className="button button-quiet button-small"
        onClick={clear}
        aria-label="Dismiss message"
      >
        Dismiss
      </button>
    </div>
  )
}
