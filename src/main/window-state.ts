import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { safeSave } from './files/safe-save'

/** The window's size and position, remembered in userData/window-state.json. */
export type WindowState = { x?: number; y?: number; width: number; height: number; isMaximized: boolean }
export type WorkArea = { x: number; y: number; width: number; height: number }

export const windowStateDefault: WindowState = { width: 1280, height: 800, isMaximized: false }
const minWidth = 640
const minHeight = 480

const coordinate = z.number().int().min(-100_000).max(100_000)
const stateSchema = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: z.number().int().min(minWidth).max(100_000),
  height: z.number().int().min(minHeight).max(100_000),
  isMaximized: z.boolean(),
})

export function windowStateFile(userDataDir: string): string {
  return join(userDataDir, 'window-state.json')
}

/** The stored state, or the default when the file is missing or damaged. */
export async function windowStateLoad(userDataDir: string): Promise<WindowState> {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(await readFile(windowStateFile(userDataDir), 'utf8')))
    return parsed.success ? parsed.data : { ...windowStateDefault }
  } catch {
    return { ...windowStateDefault }
  }
}

export async function windowStateSave(userDataDir: string, state: WindowState): Promise<void> {
  await safeSave(windowStateFile(userDataDir), JSON.stringify(state), { keepBackup: false })
}

/**
 * Fits a remembered state onto the current screens: a window whose title bar is on no screen any more (a
 * monitor was unplugged) is centred on the first screen, and a window larger than that screen is shrunk.
 */
export function windowStateFit(state: WindowState, workAreas: WorkArea[]): WindowState {
  const primary = workAreas[0]
  if (primary === undefined) return state
  const width = Math.max(minWidth, Math.min(state.width, primary.width))
  const height = Math.max(minHeight, Math.min(state.height, primary.height))
  if (state.x !== undefined && state.y !== undefined) {
    const { x, y } = state
    // The top 40 pixels (the title bar) must be reachable with the mouse.
    const isVisible = workAreas.some(
      (area) => x + 100 > area.x && x < area.x + area.width - 100 && y >= area.y && y + 40 <= area.y + area.height,
    )
    if (isVisible) return { ...state, width: Math.min(state.width, Math.max(...workAreas.map((a) => a.width))), height: Math.min(state.height, Math.max(...workAreas.map((a) => a.height))) }
  }
  return {
    x: primary.x + Math.round((primary.width - width) / 2),
    y: primary.y + Math.round((primary.height - height) / 2),
    width,
    height,
    isMaximized: state.isMaximized,
  }
}
