/**
 * In-memory stand-ins for the Web Locks API and BroadcastChannel, shared by several stores in one test (each store
 * playing a browser tab): exclusive locks with `ifAvailable`, `steal` and `signal`, and a bus that delivers a posted
 * message to every other channel on the next turn of the event loop.
 */
import type { ChannelLike, LockManagerLike } from '../../src/renderer/src/stores/plan-lock'

function abortError(message: string): Error {
  return Object.assign(new Error(message), { name: 'AbortError' })
}

type Holder = { reject: (error: Error) => void }
type Waiter = { grant: () => void; cancel: () => void }

export class FakeLockManager implements LockManagerLike {
  private readonly held = new Map<string, Holder>()
  private readonly waiting = new Map<string, Waiter[]>()

  /** @param releaseDelayMs how long a release takes to reach the lock manager (another process in a browser) */
  constructor(private readonly releaseDelayMs = 5) {}

  isHeld(name: string): boolean {
    return this.held.has(name)
  }

  request(
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<unknown> | unknown,
  ): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const grant = () => {
        const holder: Holder = { reject }
        this.held.set(name, holder)
        Promise.resolve(callback({ name })).then(
          (value) =>
            setTimeout(() => {
              if (this.held.get(name) === holder) {
                this.held.delete(name)
                this.waiting.get(name)?.shift()?.grant()
              }
              resolve(value)
            }, this.releaseDelayMs),
          (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
        )
      }
      const current = this.held.get(name)
      if (options.steal === true) {
        if (current !== undefined) {
          this.held.delete(name)
          current.reject(abortError('The lock was stolen.'))
        }
        grant()
        return
      }
      if (current === undefined) {
        grant()
        return
      }
      if (options.ifAvailable === true) {
        Promise.resolve(callback(null)).then(resolve, reject)
        return
      }
      const list = this.waiting.get(name) ?? []
      const waiter: Waiter = {
        grant,
        cancel: () => {
          const index = list.indexOf(waiter)
          if (index >= 0) list.splice(index, 1)
          reject(abortError('The request was aborted.'))
        },
      }
      list.push(waiter)
      this.waiting.set(name, list)
      options.signal?.addEventListener('abort', () => waiter.cancel())
    })
  }
}

type Listener = (event: { data: unknown }) => void

/** A broadcast bus: `channel()` gives a new channel on it, like `new BroadcastChannel(name)` in another tab. */
export function fakeChannelBus(): { channel(): ChannelLike & { silence(): void } } {
  const channels = new Set<{ listeners: Set<Listener> }>()
  return {
    channel() {
      const own = { listeners: new Set<Listener>() }
      channels.add(own)
      return {
        postMessage(message: unknown) {
          for (const other of channels) {
            if (other === own) continue
            for (const listener of other.listeners) setTimeout(() => listener({ data: message }), 0)
          }
        },
        addEventListener: (_type, listener) => own.listeners.add(listener),
        removeEventListener: (_type, listener) => own.listeners.delete(listener),
        close: () => channels.delete(own),
        /** A tab that stopped answering (frozen, hung): it no longer hears anything. */
        silence: () => own.listeners.clear(),
      }
    },
  }
}
