import { useAppStore } from '../stores/app-store'
import type { Notice } from '../stores/types'

/** Messages about what just happened: errors are alerts (announced at once), the rest are status messages. */
export function Notices() {
  const notices = useAppStore((state) => state.notices)
  const noticeDismiss = useAppStore((state) => state.noticeDismiss)
  const documentSaveAs = useAppStore((state) => state.documentSaveAs)
  const documentTakeOver = useAppStore((state) => state.documentTakeOver)
  const documentDownloadCopy = useAppStore((state) => state.documentDownloadCopy)
  const hasDocument = useAppStore((state) => state.document !== null)

  const runAction = (notice: Notice) => {
    if (notice.action === 'reload') window.location.reload()
    if (notice.action === 'save-as') void documentSaveAs()
    if (notice.action === 'take-over') void documentTakeOver()
    if (notice.action === 'download') void documentDownloadCopy()
    noticeDismiss(notice.id)
  }

  return (
    <div className="notices">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`notice notice-${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          <p className="notice-message">{notice.message}</p>
          {notice.action === 'reload' && (
            <button type="button" className="button button-small" onClick={() => runAction(notice)}>
              Reload
            </button>
          )}
          {notice.action === 'save-as' && hasDocument && (
            <button type="button" className="button button-small" onClick={() => runAction(notice)}>
              Save a copy as…
            </button>
          )}
          {notice.action === 'take-over' && hasDocument && (
            <button type="button" className="button button-small" onClick={() => runAction(notice)}>
              Take over editing
            </button>
          )}
          {notice.action === 'download' && hasDocument && (
            <button type="button" className="button button-small" onClick={() => runAction(notice)}>
              Download the plan
            </button>
          )}
          <button
            type="button"
            className="button button-small button-quiet"
            aria-label="Dismiss message"
            onClick={() => noticeDismiss(notice.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
