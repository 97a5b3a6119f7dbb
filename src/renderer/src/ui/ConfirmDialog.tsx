import { useEffect, useId, useRef, type ReactNode } from 'react'
import './ui.css'

type Props = {
  title: string
  children: ReactNode
  confirmLabel: string
  /** `null`: no cancel button (a dialog that only informs; Escape still closes it). */
  cancelLabel?: string | null
  /** A wider dialog, for tables. */
  isWide?: boolean
  /** Shown in red: the action cannot be undone. */
  isDestructive?: boolean
  onConfirm(): void
  onCancel(): void
  /** An optional third choice between confirm and cancel (e.g. "Don't save"). */
  extra?: { label: string; onClick(): void }
  /** What Escape does, when it must not be the cancel button's action (default: `onCancel`). */
  onDismiss?(): void
}

/** A modal dialog on the native `<dialog>` element: focus stays inside, Escape cancels. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  isWide = false,
  isDestructive = false,
  onConfirm,
  onCancel,
  extra,
  onDismiss,
}: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)
  const titleId = useId()
  const bodyId = useId()

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog === null) return
    if (!dialog.open) dialog.showModal()
    // A destructive dialog starts on the harmless button.
    if (isDestructive) cancelRef.current?.focus()
    return () => {
      if (dialog.open) dialog.close()
    }
  }, [isDestructive])

  return (
    <dialog
      ref={dialogRef}
      className={isWide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault()
        const dismiss = onDismiss ?? onCancel
        dismiss()
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      <div id={bodyId} className="dialog-body">
        {children}
      </div>
      <div className="dialog-actions">
        {cancelLabel !== null && (
          <button type="button" ref={cancelRef} className="button" onClick={onCancel}>
            {cancelLabel}
          </button>
        )}
        {extra !== undefined && (
          <button type="button" className="button" onClick={extra.onClick}>
            {extra.label}
          </button>
        )}
        <button
          type="button"
          className={isDestructive ? 'button button-danger' : 'button button-primary'}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  )
}
