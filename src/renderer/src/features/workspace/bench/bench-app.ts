/**
 * The page `npm run bench:ui` uses for `ui.open.file`, `ui.edit`, `ui.heap` and `ui.export.xlsx`: the real application in browser
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
      // The header, the tasks and the blank row where a new task is typed.
      root.querySelector('.ws-treegrid')?.getAttribute('aria-rowcount') === String(taskCount + 2),
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

/** What `benchArmExport` reports: the export's time, the file's size and the longest the page went without a frame. */
export type BenchExportResult = { ms: number; bytes: number; longestFrameGapMs: number; error: string | null }

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * Measures an Excel export from the click on the Export menu's "Excel workbook" item to the moment its file is
 * handed to the browser as a download (the Blob URL is made), with the longest gap between animation frames meanwhile
 * (how long the page could not repaint or answer input).
 */
function benchArmExport(): Promise<BenchExportResult> {
  return new Promise((resolve) => {
    let t0 = -1
    let lastFrame = -1
    let longestGap = 0
    let isDone = false
    const original = URL.createObjectURL.bind(URL)
    const finish = (result: BenchExportResult): void => {
      isDone = true
      URL.createObjectURL = original
      window.removeEventListener('click', onClick, true)
      resolve(result)
    }
    const onFrame = (): void => {
      if (isDone) return
      const now = performance.now()
      if (lastFrame >= 0) longestGap = Math.max(longestGap, now - lastFrame)
      lastFrame = now
      if (t0 >= 0 && now - t0 > 600_000) finish({ ms: now - t0, bytes: 0, longestFrameGapMs: longestGap, error: 'timed out' })
      else requestAnimationFrame(onFrame)
    }
    const onClick = (event: MouseEvent): void => {
      const item = event.target instanceof Element ? event.target.closest('[role="menuitem"]') : null
      if (item === null || !(item.textContent ?? '').startsWith('Excel workbook')) return
      t0 = performance.now()
      lastFrame = t0
      requestAnimationFrame(onFrame)
    }
    window.addEventListener('click', onClick, true)
    URL.createObjectURL = (object: Blob | MediaSource): string => {
      if (t0 >= 0 && !isDone && object instanceof Blob && object.type === xlsxType) {
        const now = performance.now()
        finish({ ms: now - t0, bytes: object.size, longestFrameGapMs: Math.max(longestGap, now - lastFrame), error: null })
      }
      return original(object)
    }
  })
}

;(window as Window & { benchArmExport?: () => Promise<BenchExportResult> }).benchArmExport = benchArmExport
