import { useAppStore } from '../stores/app-store'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { PrintDialog } from '../features/print/PrintDialog'
import { ShortcutsDialog } from './ShortcutsDialog'

/** The recovery offer at start, the unsaved-changes question on close, About, and the keyboard shortcuts. */
export function AppDialogs() {
  const recoveryCopies = useAppStore((state) => state.recoveryCopies)
  const recoveryRestore = useAppStore((state) => state.recoveryRestore)
  const recoveryDiscard = useAppStore((state) => state.recoveryDiscard)
  const recoveryPostpone = useAppStore((state) => state.recoveryPostpone)
  const isClosePromptOpen = useAppStore((state) => state.isClosePromptOpen)
  const closeAnswer = useAppStore((state) => state.closeAnswer)
  const openFileName = useAppStore((state) => state.document?.file?.fileName ?? '')
  const openPlanName = useAppStore((state) => state.document?.plan.name ?? '')
  const isStorageFailed = useAppStore((state) => state.document?.storage === 'failed')
  const isAboutOpen = useAppStore((state) => state.isAboutOpen)
  const aboutSet = useAppStore((state) => state.aboutSet)
  const appInfo = useAppStore((state) => state.appInfo)
  const isShortcutsOpen = useAppStore((state) => state.isShortcutsOpen)
  const shortcutsSet = useAppStore((state) => state.shortcutsSet)
  const isPrintOpen = useAppStore((state) => state.isPrintOpen)
  const printSet = useAppStore((state) => state.printSet)
  const printSavePdf = useAppStore((state) => state.printSavePdf)
  const canSavePdf = useAppStore((state) => state.canSavePdf)
  const printedPlan = useAppStore((state) => state.document?.plan ?? null)
  const printedSchedule = useAppStore((state) => state.document?.schedule ?? null)

  const copy = recoveryCopies[0]
  if (copy !== undefined) {
    return (
      <ConfirmDialog
        title="Recover unsaved changes?"
        confirmLabel="Recover"
        cancelLabel="Discard"
        onConfirm={() => void recoveryRestore(copy.planId)}
        onCancel={() => void recoveryDiscard(copy.planId)}
        onDismiss={() => recoveryPostpone(copy.planId)}
      >
        <p>
          Gantry closed before the changes to “{copy.planName}” were saved to its file. A copy from{' '}
          {copy.savedAt.replace('T', ' ').slice(0, 16)} was kept.
        </p>
      </ConfirmDialog>
    )
  }
  if (isClosePromptOpen) {
    return (
      <ConfirmDialog
        title="Save changes before closing?"
        confirmLabel="Save"
        onConfirm={() => void closeAnswer('save')}
        onCancel={() => void closeAnswer('cancel')}
        extra={{ label: "Don't save", onClick: () => void closeAnswer('discard') }}
      >
        {isStorageFailed ? (
          <p>
            The latest changes to “{openPlanName}” could not be stored in Gantry. Save the plan to a file to keep them;
            closing without saving loses them.
          </p>
        ) : (
          <p>{openFileName} has changes that are not in the file. They stay stored in Gantry either way.</p>
        )}
      </ConfirmDialog>
    )
  }
  if (isShortcutsOpen) return <ShortcutsDialog onClose={() => shortcutsSet(false)} />
  if (isPrintOpen && printedPlan !== null) {
    return (
      <PrintDialog
        plan={printedPlan}
        schedule={printedSchedule}
        canSavePdf={canSavePdf}
        onSavePdf={async (setup) => {
          await printSavePdf(setup)
        }}
        onClose={() => printSet(false)}
      />
    )
  }
  if (isAboutOpen) {
    return (
      <ConfirmDialog
        title="About Gantry"
        confirmLabel="Close"
        cancelLabel="OK"
        onConfirm={() => aboutSet(false)}
        onCancel={() => aboutSet(false)}
      >
        <p>Gantry {appInfo?.version ?? ''}: an offline planner for IT project managers.</p>
        {appInfo?.userDataFolder != null && <p>Data folder: {appInfo.userDataFolder}</p>}
        {appInfo?.platform === 'web' && (
          <p>Browser mode: plans are stored in this browser’s storage for this site.</p>
        )}
      </ConfirmDialog>
    )
  }
  return null
}
