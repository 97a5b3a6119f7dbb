import type { StateCreator } from 'zustand'
import type { AppState } from './types'

/** A slice creator typed against the combined store, as in zustand's slices pattern. */
export type SliceCreator<Slice> = StateCreator<AppState, [], [], Slice>
