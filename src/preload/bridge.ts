import {
  ipcChannels,
  ipcEventChannels,
  menuCommands,
  type GantryPlatform,
  type IpcChannel,
  type MenuCommand,
  type ProgressEvent,
} from '../shared/ipc/contract'

/**
 * The few ipcRenderer functions the bridge uses. The preload passes Electron's ipcRenderer; tests pass a fake.
 * The renderer never receives this object, only the frozen platform built from it.
 */
export type BridgeIpc = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): void
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): void
  send(channel: string, ...args: unknown[]): void
}

function menuCommandIsKnown(value: unknown): value is MenuCommand {
  if (typeof value !== 'string') return false
  return (menuCommands as readonly string[]).includes(value) || /^file\/open-recent:[0-9a-f]{32}$/.test(value)
}

function progressIsValid(value: unknown): value is ProgressEvent {
  if (typeof value !== 'object' || value === null) return false
  const event = value as Record<string, unknown>
  return typeof event.task === 'string' && typeof event.fraction === 'number' && typeof event.message === 'string'
}

/**
 * Builds the frozen `window.gantry` object: one function per IPC channel (each bound to its own channel
 * name, so the renderer cannot reach any other channel) and the event subscriptions.
 */
export function bridgeCreate(ipc: BridgeIpc): GantryPlatform {
  const invoke: Record<string, (request?: unknown) => Promise<unknown>> = {}
  for (const channel of ipcChannels) {
    const bound: IpcChannel = channel
    // One argument at most, and never the channel: the renderer picks a function, not a channel name.
    invoke[bound] = (request?: unknown) => (request === undefined ? ipc.invoke(bound) : ipc.invoke(bound, request))
  }

  function subscribe<T>(channel: string, isValid: (value: unknown) => value is T, listener: (value: T) => void): () => void {
    // The Electron event object (with its sender) never reaches the renderer.
    const wrapped = (_event: unknown, value: unknown): void => {
      if (isValid(value)) listener(value)
    }
    ipc.on(channel, wrapped)
    return () => ipc.removeListener(channel, wrapped)
  }

  const platform: GantryPlatform = {
    kind: 'electron',
    invoke: Object.freeze(invoke) as unknown as GantryPlatform['invoke'],
    onMenuCommand: (listener) => subscribe(ipcEventChannels.menuCommand, menuCommandIsKnown, listener),
    onProgress: (listener) => subscribe(ipcEventChannels.progress, progressIsValid, listener),
    onCloseRequest: (listener) =>
      subscribe(ipcEventChannels.closeRequest, (value: unknown): value is undefined => value === undefined, () => listener()),
    confirmClose: () => ipc.send(ipcEventChannels.confirmClose),
  }
  return Object.freeze(platform)
}
