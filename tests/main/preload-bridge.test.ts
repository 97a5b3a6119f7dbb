import { describe, expect, it } from 'vitest'
import { bridgeCreate, type BridgeIpc } from '../../src/preload/bridge'
import { ipcChannels, ipcEventChannels } from '../../src/shared/ipc/contract'

function fakeIpc() {
  const invoked: Array<{ channel: string; args: unknown[] }> = []
  const sent: string[] = []
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>()
  const ipc: BridgeIpc = {
    invoke: async (channel, ...args) => {
      invoked.push({ channel, args })
      return { ok: true, value: channel }
    },
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set())
      listeners.get(channel)!.add(listener)
    },
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
    send: (channel) => sent.push(channel),
  }
  const emit = (channel: string, value?: unknown): void => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'secret ipcRenderer event' }, value)
  }
  return { ipc, invoked, sent, listeners, emit }
}

describe('the preload bridge', () => {
  it('has exactly one function per channel, and nothing that exposes ipcRenderer', () => {
    const { ipc } = fakeIpc()
    const platform = bridgeCreate(ipc)
    expect(platform.kind).toBe('electron')
    expect(Object.keys(platform).sort()).toEqual(['confirmClose', 'invoke', 'kind', 'onCloseRequest', 'onMenuCommand', 'onProgress'])
    expect(Object.keys(platform.invoke).sort()).toEqual([...ipcChannels].sort())
    for (const value of Object.values(platform.invoke)) expect(typeof value).toBe('function')
    expect(JSON.stringify(Object.keys(platform))).not.toMatch(/ipcRenderer|send\b|\bon\b/)
  })

  it('is frozen', () => {
    const platform = bridgeCreate(fakeIpc().ipc)
    expect(Object.isFrozen(platform)).toBe(true)
    expect(Object.isFrozen(platform.invoke)).toBe(true)
    expect(() => {
      ;(platform.invoke as Record<string, unknown>)['plan/open'] = () => 'hijacked'
    }).toThrow()
  })

  it('binds each function to its own channel and passes at most the request', async () => {
    const { ipc, invoked } = fakeIpc()
    const platform = bridgeCreate(ipc)
    await platform.invoke['plan/open']()
    await platform.invoke['plan/saveAs']({ plan: { name: 'x' } as never })
    await (platform.invoke['plan/recent'] as unknown as (...args: unknown[]) => Promise<unknown>)(undefined, 'plan/save', 'extra')
    expect(invoked).toEqual([
      { channel: 'plan/open', args: [] },
      { channel: 'plan/saveAs', args: [{ plan: { name: 'x' } }] },
      { channel: 'plan/recent', args: [] },
    ])
  })

  it('delivers menu commands without the Electron event, and drops unknown ones', () => {
    const { ipc, emit } = fakeIpc()
    const received: unknown[] = []
    const unsubscribe = bridgeCreate(ipc).onMenuCommand((command) => received.push(command))
    emit(ipcEventChannels.menuCommand, 'file/save')
    emit(ipcEventChannels.menuCommand, `file/open-recent:${'a'.repeat(32)}`)
    emit(ipcEventChannels.menuCommand, 'file/open-recent:../../etc')
    emit(ipcEventChannels.menuCommand, 'rm -rf')
    emit(ipcEventChannels.menuCommand, { command: 'file/save' })
    expect(received).toEqual(['file/save', `file/open-recent:${'a'.repeat(32)}`])
    unsubscribe()
    emit(ipcEventChannels.menuCommand, 'file/new')
    expect(received).toHaveLength(2)
  })

  it('delivers progress and close requests, and confirms close', () => {
    const { ipc, emit, sent } = fakeIpc()
    const platform = bridgeCreate(ipc)
    const progress: unknown[] = []
    let closeRequests = 0
    platform.onProgress((event) => progress.push(event))
    platform.onCloseRequest(() => closeRequests++)
    emit(ipcEventChannels.progress, { task: 'import/mspdi', fraction: 0.5, message: 'Reading…' })
    emit(ipcEventChannels.progress, 'garbage')
    emit(ipcEventChannels.closeRequest)
    platform.confirmClose()
    expect(progress).toEqual([{ task: 'import/mspdi', fraction: 0.5, message: 'Reading…' }])
    expect(closeRequests).toBe(1)
    expect(sent).toEqual([ipcEventChannels.confirmClose])
  })
})
