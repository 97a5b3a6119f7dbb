import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { windowStateDefault, windowStateFile, windowStateFit, windowStateLoad, windowStateSave } from '../../src/main/window-state'

let folder: string
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'gantry-window-'))
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

const screen = { x: 0, y: 0, width: 1920, height: 1050 }

describe('window state', () => {
  it('remembers size, position and maximized across restarts', async () => {
    await windowStateSave(folder, { x: 100, y: 80, width: 1400, height: 900, isMaximized: true })
    expect(await windowStateLoad(folder)).toEqual({ x: 100, y: 80, width: 1400, height: 900, isMaximized: true })
  })

  it('falls back to the default for a missing or damaged file', async () => {
    expect(await windowStateLoad(folder)).toEqual(windowStateDefault)
    writeFileSync(windowStateFile(folder), '{"width": "huge"')
    expect(await windowStateLoad(folder)).toEqual(windowStateDefault)
    writeFileSync(windowStateFile(folder), JSON.stringify({ width: 10, height: 10, isMaximized: false }))
    expect(await windowStateLoad(folder)).toEqual(windowStateDefault)
  })

  it('keeps a window that is on a screen', () => {
    expect(windowStateFit({ x: 100, y: 80, width: 1400, height: 900, isMaximized: false }, [screen])).toEqual({
      x: 100,
      y: 80,
      width: 1400,
      height: 900,
      isMaximized: false,
    })
  })

  it('brings back a window left on an unplugged monitor', () => {
    const fitted = windowStateFit({ x: 3000, y: 100, width: 1200, height: 800, isMaximized: false }, [screen])
    expect(fitted).toEqual({ x: 360, y: 125, width: 1200, height: 800, isMaximized: false })
  })

  it('keeps a window on a second monitor that is still there', () => {
    const second = { x: 1920, y: 0, width: 2560, height: 1400 }
    const state = { x: 2100, y: 50, width: 2000, height: 1200, isMaximized: false }
    expect(windowStateFit(state, [screen, second])).toEqual(state)
  })

  it('shrinks a window larger than the screen and centres a window without a position', () => {
    expect(windowStateFit({ width: 4000, height: 3000, isMaximized: false }, [screen])).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1050,
      isMaximized: false,
    })
  })
})
