/**
 * The peer benchmark's in-page harness (`../shared/peer-bench/pages/harness.js` beside the repository), in TypeScript.
 * t0 is taken just before `action()`. A MutationObserver records the last DOM mutation; every animation frame posts
 * a MessageChannel message from its rAF callback, whose handler runs after that frame's style, layout and paint.
 * The step is settled when the ready test holds and nothing changed for `quietMs`; the reported time is the paint
 * of the first ready frame that started after the last mutation (the quiet window is not counted).
 */
export type BenchResult = { ttr: number; ttfp: number | null; call: number; mutations: number; timedOut: boolean; error: string | null; nodes: number }

type Frame = { rafAt: number; paintedAt: number; ready: boolean }

export function benchMeasure(root: HTMLElement, action: () => void, isReady: () => boolean, quietMs = 300, timeoutMs = 120_000): Promise<BenchResult> {
  let call = 0
  let error: string | null = null
  return benchArmed(
    root,
    (start) => {
      start()
      const calledAt = performance.now()
      try {
        action()
      } catch (caught) {
        error = String((caught as Error)?.stack ?? caught)
      }
      call = performance.now() - calledAt
    },
    () => {
      if (error !== null) throw new Error(error)
      return isReady()
    },
    quietMs,
    timeoutMs,
  ).then((result) => ({ ...result, call, error: error ?? result.error, timedOut: error === null && result.timedOut }))
}

/**
 * The harness for a step the user starts outside the page (a file chosen in the Open dialog, a key pressed by
 * Playwright): the observer is installed now, `arm` installs the listener that calls `start()` when the user's event
 * arrives (t0), and frames are watched from then on. Mutations before t0 are not counted. `benchMeasure` is this
 * with the step started by the page itself.
 */
export function benchArmed(root: HTMLElement, arm: (start: () => void) => void, isReady: () => boolean, quietMs = 300, timeoutMs = 600_000): Promise<BenchResult> {
  return new Promise((resolve) => {
    let t0 = -1
    let lastMutation = -1
    let mutations = 0
    const observer = new MutationObserver((records) => {
      if (t0 < 0) return
      lastMutation = performance.now()
      mutations += records.length
    })
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true })
    const frames: Frame[] = []
    let ttfp: number | null = null
    const onFrame = (): void => {
      const rafAt = performance.now()
      let ready = false
      let error: string | null = null
      try {
        ready = isReady()
      } catch (caught) {
        error = String((caught as Error)?.stack ?? caught)
      }
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        const paintedAt = performance.now()
        frames.push({ rafAt, paintedAt, ready })
        if (ready && ttfp === null) ttfp = paintedAt - t0
        const last = Math.max(lastMutation, t0)
        if (error !== null || (ready && paintedAt - last >= quietMs) || paintedAt - t0 > timeoutMs) {
          observer.disconnect()
          const frame = frames.find((item) => item.ready && item.rafAt >= last) ?? (frames[frames.length - 1] as Frame)
          resolve({
            ttr: frame.paintedAt - t0,
            ttfp,
            call: 0,
            mutations,
            timedOut: error === null && paintedAt - t0 > timeoutMs,
            error,
            nodes: root.getElementsByTagName('*').length,
          })
          return
        }
        requestAnimationFrame(onFrame)
      }
      channel.port2.postMessage(0)
    }
    arm(() => {
      if (t0 >= 0) return
      t0 = performance.now()
      requestAnimationFrame(onFrame)
    })
  })
}

/** The descendant scrolling along `axis` with the largest scroll range (overflow auto or scroll). */
export function benchFindScroller(root: HTMLElement, axis: 'x' | 'y'): HTMLElement | null {
  let best: HTMLElement | null = null
  let bestRange = 0
  for (const element of root.querySelectorAll<HTMLElement>('*')) {
    const range = axis === 'y' ? element.scrollHeight - element.clientHeight : element.scrollWidth - element.clientWidth
    if (range <= bestRange) continue
    const overflow = getComputedStyle(element)[axis === 'y' ? 'overflowY' : 'overflowX']
    if (overflow === 'auto' || overflow === 'scroll') {
      best = element
      bestRange = range
    }
  }
  return best
}

/** One jump of rows and timeline together to `fraction` of their ranges, measured until the view settles. */
export async function benchScrollStep(root: HTMLElement, fraction: number): Promise<BenchResult & { scroller: string }> {
  const y = benchFindScroller(root, 'y')
  const x = benchFindScroller(root, 'x')
  if (y === null) throw new Error('no row scroller found')
  const result = await benchMeasure(
    root,
    () => {
      y.scrollTop = Math.round(fraction * (y.scrollHeight - y.clientHeight))
      if (x !== null) x.scrollLeft = Math.round(fraction * (x.scrollWidth - x.clientWidth))
    },
    () => true,
    200,
    30_000,
  )
  return { ...result, scroller: `${y.className} | ${x?.className ?? '-'}` }
}
