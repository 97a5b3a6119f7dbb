/**
 * One editor per plan across tabs and windows: the window that edits a plan holds its Web Lock
 * (`navigator.locks`, exclusive, named after the plan); a window that opens the plan while another holds the lock
 * shows it read-only. "Take over editing" asks the holder over a BroadcastChannel to store its pending edits and let
 * go, waits for the lock, and steals it if the holder does not answer in time (a hung or frozen tab), so nothing the
 * holder stored is overwritten and the new editor starts from the stored plan.
 */

/** The part of the Web Locks API used here (`navigator.locks`). */
export type LockManagerLike = {
  request(
    name: string,
    options: { mode?: 'exclusive'; ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<unknown> | unknown,
  ): Promise<unknown>
}

/** The part of BroadcastChannel used here. */
export type ChannelLike = {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  close(): void
}

/** The editing lock of one plan while this window holds it. */
export type PlanLockHandle = {
  /** Lets go of the lock (after the window stored its edits). */
  release(): void
  /** Resolves when another window took the lock without asking (stole it). */
  readonly lost: Promise<void>
  /** Resolves when the lock is free again after this window let go of it (or lost it). */
  readonly released: Promise<void>
}

export type PlanLocks = {
  /** Takes the lock of a plan if no other window holds it; `null` when one does. */
  tryAcquire(planId: string): Promise<PlanLockHandle | null>
  /** Takes the lock from the window holding it: asks it to let go, waits up to `waitMs`, then steals it. */
  takeOver(planId: string): Promise<PlanLockHandle>
  /**
   * Calls `listener` when another window wants to take over editing `planId`: store the pending edits, stop
   * editing, then release the lock. Returns a function that stops listening.
   */
  onTakeOverRequest(planId: string, listener: () => void): () => void
}

const lockPrefix = 'gantry-plan-edit:'
type TakeOverMessage = { type: 'take-over'; planId: string }

function isTakeOverMessage(value: unknown): value is TakeOverMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'take-over' &&
    typeof (value as { planId?: unknown }).planId === 'string'
  )
}

function hold(
  locks: LockManagerLike,
  name: string,
  options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal },
): Promise<PlanLockHandle | null> {
  return new Promise((resolve) => {
    let release: () => void = () => undefined
    const held = new Promise<void>((done) => (release = done))
    let markLost: () => void = () => undefined
    const lost = new Promise<void>((done) => (markLost = done))
    let markReleased: () => void = () => undefined
    const released = new Promise<void>((done) => (markReleased = done))
    let isGranted = false
    locks
      .request(name, { mode: 'exclusive', ...options }, (lock) => {
        if (lock === null) {
          resolve(null)
          return undefined
        }
        isGranted = true
        resolve({ release, lost, released })
        return held
      })
      .then(
        // The request settles once the lock is free again.
        () => {
          markReleased()
          resolve(null)
        },
        // A stolen lock rejects the holder's request; a wait that timed out rejects before it was granted.
        () => {
          if (!isGranted) resolve(null)
          markLost()
          markReleased()
        },
      )
  })
}

/**
 * Plan locks on the Web Locks API and a BroadcastChannel.
 * @param waitMs how long a take-over waits for the holder to store its edits and let go before stealing the lock
 */
export function planLocksCreate(locks: LockManagerLike, channel: ChannelLike, waitMs = 3000): PlanLocks {
  return {
    tryAcquire: (planId) => hold(locks, lockPrefix + planId, { ifAvailable: true }),
    async takeOver(planId) {
      const message: TakeOverMessage = { type: 'take-over', planId }
      channel.postMessage(message)
      const controller = new AbortController()
      const timer = setTimeout(() => controller.abort(), waitMs)
      const handle = await hold(locks, lockPrefix + planId, { signal: controller.signal })
      clearTimeout(timer)
      if (handle !== null) return handle
      const stolen = await hold(locks, lockPrefix + planId, { steal: true })
      if (stolen === null) throw new Error('The editing lock could not be taken.')
      return stolen
    },
    onTakeOverRequest(planId, listener) {
      const onMessage = (event: { data: unknown }): void => {
        if (isTakeOverMessage(event.data) && event.data.planId === planId) listener()
      }
      channel.addEventListener('message', onMessage)
      return () => channel.removeEventListener('message', onMessage)
    },
  }
}

/** Plan locks of this browser (`navigator.locks`, BroadcastChannel), or `null` where either is missing. */
export function planLocksOfBrowser(): PlanLocks | null {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks
  if (locks === undefined || typeof BroadcastChannel !== 'function') return null
  return planLocksCreate(locks, new BroadcastChannel('gantry-plan-editing'))
}
