/**
 * The page `npm run bench:ui` loads: the real Workspace on a store with a minimal document host, plus the
 * measuring harness of the peer benchmark (a MutationObserver for the last DOM change; a MessageChannel message
 * posted from a requestAnimationFrame callback for the painted frame; the quiet window is not counted).
 */
import { createRoot } from 'react-dom/client'
import { createStore } from 'zustand/vanilla'
import type { Plan } from '../../../../../shared/domain/model'
import { scheduleRun } from '../../../../../shared/domain/schedule'
import { editorSliceCreator } from '../../../stores/editor'
import { Workspace } from '../Workspace'
import type { WorkspaceState } from '../workspace-store'
import { benchMeasure, benchScrollStep } from './bench-harness'

const store = createStore<WorkspaceState>()((set, get, api) => ({
  ...editorSliceCreator<WorkspaceState>()(set, get, api),
  document: null,
  documentCommit: (next: Plan) => set({ document: { plan: next, schedule: scheduleRun(next) } }),
  documentUndo: () => undefined,
  documentRedo: () => undefined,
  zoomLevel: 0,
  zoomBy: (step: number) => set({ zoomLevel: Math.max(0, Math.min(3, get().zoomLevel + step)) }),
}))

const root = document.getElementById('root') as HTMLElement
root.style.height = '100vh'
createRoot(root).render(<Workspace store={store} />)

type BenchWindow = Window & {
  __planText?: string
  benchRender?: () => Promise<unknown>
  benchOpen?: () => Promise<unknown>
  benchScroll?: (fraction: number) => Promise<unknown>
}
const benchWindow = window as BenchWindow

let isScheduleTimed = false
benchWindow.benchRender = () => {
  const plan = JSON.parse(benchWindow.__planText ?? 'null') as Plan
  delete benchWindow.__planText
  // The store schedules a plan when it opens it; like the peers (which get precomputed dates), the UI is handed
  // the plan with its schedule. `benchOpen` below measures the same with scheduling inside the clock.
  const schedule = isScheduleTimed ? null : scheduleRun(plan)
  return benchMeasure(
    root,
    () => store.setState({ document: { plan, schedule: schedule ?? scheduleRun(plan) } }),
    () => root.querySelector('.ws-bar') !== null && root.querySelector('[role="row"][data-task-id]') !== null,
    300,
  )
}
benchWindow.benchOpen = () => {
  isScheduleTimed = true
  return (benchWindow.benchRender as () => Promise<unknown>)()
}
benchWindow.benchScroll = (fraction: number) => benchScrollStep(root, fraction)
