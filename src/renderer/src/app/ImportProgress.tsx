import { useEffect, useState } from 'react'
import type { ProgressEvent } from '../../../shared/ipc/contract'
import { useAppStore } from '../stores/app-store'

/**
 * The progress of a long import or export, under the notices. An import (task `import/…`) can be stopped with
 * Cancel (or Escape while the button has focus); it also stops by itself at its time limit, with a message. Nothing
 * is imported when it stops.
 */
export function ImportProgress() {
  const progress = useAppStore((state) => state.progress)
  // Mounted per task, so a new import starts with a fresh clock and an enabled Cancel button.
  return progress === null ? null : <ProgressPanel key={progress.task} progress={progress} />
}

function ProgressPanel({ progress }: { progress: ProgressEvent }) {
  const importCancel = useAppStore((state) => state.importCancel)
  const [seconds, setSeconds] = useState(0)
  const [isCanceling, setIsCanceling] = useState(false)
  useEffect(() => {
    const timer = window.setInterval(() => setSeconds((value) => value + 1), 1000)
    return () => window.clearInterval(timer)
  }, [])
  const isImport = progress.task.startsWith('import/')
  const percent = Math.round(Math.max(0, Math.min(1, progress.fraction)) * 100)
  const cancel = () => {
    setIsCanceling(true)
    void importCancel()
  }
  return (
    <div className="progress" role="status" aria-live="polite" data-testid="import-progress">
      <progress max={1} value={progress.fraction} aria-label={progress.message} />
      <span>
        {progress.message} {percent} %{seconds >= 2 ? ` · ${seconds} s` : ''}
      </span>
      {isImport && (
        <button
          type="button"
          className="button button-small"
          onClick={cancel}
          onKeyDown={(event) => {
            if (event.key === 'Escape') cancel()
          }}
          disabled={isCanceling}
        >
          {isCanceling ? 'Canceling…' : 'Cancel import'}
        </button>
      )}
    </div>
  )
}
