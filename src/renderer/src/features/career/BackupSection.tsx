import { useState } from 'react'
import { careerDeadlines } from '../../../../shared/career/warnings'
import { useCareer } from './career-runtime'

/** Backup to a file, restore from one (replacing everything, all or nothing), and the calendar export. */
export function BackupSection() {
  const backup = useCareer((state) => state.backup)
  const restore = useCareer((state) => state.restore)
  const exportIcs = useCareer((state) => state.exportIcs)
  const data = useCareer((state) => state.data)
  const [isConfirmingRestore, setIsConfirmingRestore] = useState(false)
  const [isBusy, setIsBusy] = useState(false)
  const deadlineCount = careerDeadlines(data).length
  const run = async (work: () => Promise<unknown>) => {
    setIsBusy(true)
    try {
      await work()
    } finally {
      setIsBusy(false)
    }
  }

  return (
    <div className="career-backup">
      <section aria-labelledby="backup-heading" className="career-subsection">
        <h2 id="backup-heading">Backup</h2>
        <p>
          Your career data lives only in this app's storage on this computer. Save a backup file to keep it
          safe or to move it to another computer.
        </p>
        <div className="career-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={isBusy}
            onClick={() => void run(backup)}
          >
            Back up to a file…
          </button>
          <button
            type="button"
            className="button"
            disabled={isBusy}
            onClick={() => setIsConfirmingRestore(true)}
          >
            Restore from a backup…
          </button>
        </div>
        {isConfirmingRestore && (
          <div role="alertdialog" aria-labelledby="restore-question" className="career-confirm">
            <p id="restore-question">
              Restoring replaces all career data here with the backup's. A damaged backup, or one from a newer
              version of Gantry, changes nothing.
            </p>
            <button
              type="button"
              className="button button-danger"
              disabled={isBusy}
              onClick={() => {
                setIsConfirmingRestore(false)
                void run(restore)
              }}
            >
              Choose backup and replace
            </button>
            <button type="button" className="button" onClick={() => setIsConfirmingRestore(false)}>
              Cancel
            </button>
          </div>
        )}
      </section>
      <section aria-labelledby="calendar-heading" className="career-subsection">
        <h2 id="calendar-heading">Calendar</h2>
        <p>
          Export {deadlineCount} {deadlineCount === 1 ? 'deadline' : 'deadlines'} (renew-by dates, which
          remind you 180, 90 and 30 days before, exam days and goals) as an .ics file that calendar apps
          import.
        </p>
        <button type="button" className="button" disabled={isBusy} onClick={() => void run(exportIcs)}>
          Export calendar (.ics)…
        </button>
      </section>
    </div>
  )
}
