import { useState } from 'react'
import { useAppStore } from '../stores/app-store'
import type { Notice } from '../stores/types'

/** Notices shown at once; older ones wait behind a "more" button, so a burst of them never covers the view. */
const shownAtOnce = 3

/**
 * Messages about what just happened, in a compact stack over the bottom of the window (they never push the view
 * down): errors are alerts (announced at once), the rest are status messages, and confirmations fade by themselves.
 * A notice is shown on the view it was raised in (a plan's export notice stays with the plan).
 */
export function Notices() {
  const notices = useAppStore((state) => state.notices)
  const view = useAppStore((state) => state.view)
  const noticeDismiss = useAppStore((state) => state.noticeDismiss)
  const documentSaveAs = useAppStore((state) => state.documentSaveAs)
  const documentTakeOver = useAppStore((state) => state.documentTakeOver)
  const documentDownloadCopy = useAppStore((state) => state.documentDownloadCopy)
  const hasDocument = useAppStore((state) => state.document !== null)
  const [isAllShown, setAllShown] = useState(false)

  const here = notices.filter((notice) => notice.view === undefined || notice.view === view)
  const hidden = isAllShown ? 0 : Math.max(0, here.length - shownAtOnce)
  const shown = here.slice(hidden)

  const runAction = (notice: Notice) => {
    if (notice.action === 'reload') window.location.reload()
    if (notice.action === 'save-as') void documentSaveAs()
    if (notice.action === 'take-over') void documentTakeOver()
    if (notice.action === 'download') void documentDownloadCopy()
    noticeDismiss(notice.id)
  }

  return (
    <div className="notices">
      {hidden > 0 && (
        <button type="button" className="button button-small notices-more" onClick={() => setAllShown(true)}>
          {hidden} earlier message{hidden === 1 ? '' : 's'}
        </button>
      )}
      {shown.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
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
      {isAllShown && here.length > shownAtOnce && (
        <button type="button" className="button button-small notices-more" onClick={() => setAllShown(false)}>
          Show fewer
        </button>
      )}
    </div>
  )
}
