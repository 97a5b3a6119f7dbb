/**
 * The page `npm run bench:ui` uses for `ui.open.file`, `ui.edit` and `ui.heap`: the real application in browser
 * mode (the same `main.tsx` as `index.html`: web platform, Dexie, the app store), plus hooks that arm the
 * measuring harness for a step Playwright starts from outside the page.
 */
import '../../../main'
import { benchArmed, type BenchResult } from './bench-harness'

type BenchAppWindow = Window & {
  /** Measures from the `change` event of the Open dialog's file input to the painted workspace. */
  benchArmOpen?: (taskCount: number) => Promise<BenchResult>
  /** Measures from the Enter keydown to the frame whose Finish cell of `taskId` no longer reads `finishBefore`. */
  benchArmEdit?: (taskId: number, finishBefore: string) => Promise<BenchResult>
}
const benchWindow = window as BenchAppWindow

const root = document.getElementById('root') as HTMLElement

benchWindow.benchArmOpen = (taskCount) =>
  benchArmed(
    root,
    (start) => {
      const onChange = (event: Event): void => {
        const target = event.target
        if (!(target instanceof HTMLInputElement) || target.type !== 'file') return
        window.removeEventListener('change', onChange, true)
        start()
      }
      window.addEventListener('change', onChange, true)
    },
    () =>
      root.querySelector('.ws-bar') !== null &&
      root.querySelector('.ws-treegrid [role="row"][data-task-id]') !== null &&
      root.querySelector('.ws-treegrid')?.getAttribute('aria-rowcount') === String(taskCount + 1),
    300,
  )

function finishText(taskId: number): string | null {
  const cell = root.querySelector(`.ws-treegrid [role="row"][data-task-id="${taskId}"] [data-col="finish"]`)
  return cell === null ? null : (cell.textContent ?? '').trim()
}

benchWindow.benchArmEdit = (taskId, finishBefore) =>
  benchArmed(
    root,
    (start) => {
      const onKey = (event: KeyboardEvent): void => {
        if (event.key !== 'Enter') return
        window.removeEventListener('keydown', onKey, true)
        start()
      }
      window.addEventListener('keydown', onKey, true)
    },
    () => {
      const text = finishText(taskId)
      return text !== null && text !== finishBefore
    },
    300,
  )
