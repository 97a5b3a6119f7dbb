import type { GantryPlatform } from '../../../shared/ipc/contract'
import { createWebPlatform } from './web'

/**
 * The platform the renderer runs on: the Electron preload's `window.gantry` (or the end-to-end harness's
 * object with the same shape), else the browser implementation.
 */
export function platformDetect(): GantryPlatform {
  const injected = (globalThis as { gantry?: GantryPlatform }).gantry
  if (injected !== undefined && typeof injected === 'object' && typeof injected.invoke === 'object')
    return injected
  return createWebPlatform()
}
