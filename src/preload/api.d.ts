import type { GantryPlatform } from '../shared/ipc/contract'

declare global {
  interface Window {
    /** Provided by the Electron preload; absent in browser mode. */
    readonly gantry?: GantryPlatform
  }
}

export {}
