/**
 * The key table: every shortcut Gantry has, by where it works, mapped to a plan command of the registry or to an
 * action the view carries out itself (moving the focus, starting an edit). The grid, the chart and the workspace
 * look keys up here, the desktop menu takes its accelerators from here, and the keyboard-shortcuts Help is
 * generated from it, so what the Help says is what the keys do.
 *
 * A chord is written `Mod+Shift+Z`: `Mod` is Ctrl (Cmd on macOS), then `Ctrl`, `Alt`, `Shift`, then the key as
 * `KeyboardEvent.key` names it (`ArrowRight`, `Enter`, `F2`, `z`, `=`).
 */
import { commandLabel, commandIsId, type SelectionCommandId } from './registry'

/** Where a shortcut works. */
export type KeyScope = 'app' | 'workspace' | 'grid' | 'cell-editor' | 'chart'

/** Scopes in the order the Help lists them, with their headings and what the Help says about them. */
export const keyScopes: readonly { scope: KeyScope; title: string; note?: string }[] = [
  { scope: 'grid', title: 'Task grid' },
  { scope: 'cell-editor', title: 'Editing a cell' },
  { scope: 'chart', title: 'Gantt chart' },
  { scope: 'workspace', title: 'Anywhere in the plan' },
  {
    scope: 'app',
    title: 'Application',
    note: 'F1 works everywhere; the other keys are the menu keys of the desktop app and work in a browser too, except Ctrl+N (the browser keeps it: use Plans).',
  },
]

/** What the views do themselves, with the words the Help uses. */
export const viewActions = {
  'grid/up': 'Previous row',
  'grid/down': 'Next row',
  'grid/extend-up': 'Add the previous row to the selection',
  'grid/extend-down': 'Add the next row to the selection',
  'grid/left': 'Previous column',
  'grid/right': 'Next column',
  'grid/row-start': 'First column',
  'grid/row-end': 'Last column',
  'grid/first-row': 'First row',
  'grid/last-row': 'Last row',
  'grid/page-up': 'One page up',
  'grid/page-down': 'One page down',
  'grid/next-cell': 'Next cell (after the last column, the first cell of the next row)',
  'grid/previous-cell': 'Previous cell',
  'grid/next-row': 'Next row (in the empty row at the end: type a new task)',
  'grid/previous-row': 'Previous row',
  'grid/edit': 'Edit the cell',
  'grid/type': 'Start editing the cell with what is typed (in the empty row at the end: a new task)',
  'grid/details': 'Show the task details',
  'edit/copy': 'Copy the selected tasks (with subtasks and the links among them)',
  'cell-editor/commit': 'Keep the edit and go to the next row',
  'cell-editor/commit-up': 'Keep the edit and go to the previous row',
  'cell-editor/commit-next': 'Keep the edit and go to the next cell',
  'cell-editor/commit-previous': 'Keep the edit and go to the previous cell',
  'cell-editor/cancel': 'Cancel the edit',
  'cell-editor/calendar': 'Open the calendar of a Start or Finish cell',
  'cell-editor/calendar-keys': 'In the calendar: move the day (Page Up and Down: a month), Enter picks it, Esc closes it',
  'chart/up': 'Select the previous task',
  'chart/down': 'Select the next task',
  'chart/later': 'Move the task one working day later',
  'chart/earlier': 'Move the task one working day earlier',
  'chart/longer': 'Make the task one day longer',
  'chart/shorter': 'Make the task one day shorter',
  'workspace/next-pane': 'Next pane (toolbar, grid, chart, details)',
  'workspace/previous-pane': 'Previous pane',
  'edit/undo': 'Undo',
  'edit/redo': 'Redo',
  'help/shortcuts': 'Keyboard shortcuts (this list)',
  'file/new': 'New plan',
  'file/open': 'Open a plan file',
  'file/save': 'Save',
  'file/save-as': 'Save as',
  'file/export-xlsx': 'Export to Excel',
  'file/print': 'Print the Gantt chart (page setup, preview, PDF)',
  'view/gantt': 'Gantt chart',
  'view/milestones': 'Milestones',
  'view/resources': 'Resources',
  'view/usage': 'Resource usage',
  'view/raid': 'RAID log',
  'view/earned-value': 'Earned value',
  'view/dashboard': 'Project health dashboard',
  'view/status-report': 'Status report',
  'view/career': 'Career',
  'view/plans': 'Plans',
  'view/zoom-in': 'Zoom in the timeline',
  'view/zoom-out': 'Zoom out the timeline',
} as const

export type ViewActionId = keyof typeof viewActions
export type KeyAction = SelectionCommandId | ViewActionId

export type KeyBinding = {
  scope: KeyScope
  /** Chords that do it; the first is the one menus and the Help show first. */
  keys: readonly string[]
  action: KeyAction
  /** What the Help shows instead of the chords, for a class of keys ("A letter or digit"). */
  keysText?: string
  /** The desktop menu's accelerator where a platform's convention differs from the first chord. */
  menuKeys?: Partial<Record<'win32' | 'darwin' | 'linux', string>>
}

export const keyBindings: readonly KeyBinding[] = [
  { scope: 'grid', keys: ['ArrowUp'], action: 'grid/up' },
  { scope: 'grid', keys: ['ArrowDown'], action: 'grid/down' },
  { scope: 'grid', keys: ['Shift+ArrowUp'], action: 'grid/extend-up' },
  { scope: 'grid', keys: ['Shift+ArrowDown'], action: 'grid/extend-down' },
  { scope: 'grid', keys: ['ArrowLeft'], action: 'grid/left' },
  { scope: 'grid', keys: ['ArrowRight'], action: 'grid/right' },
  { scope: 'grid', keys: ['Home'], action: 'grid/row-start' },
  { scope: 'grid', keys: ['End'], action: 'grid/row-end' },
  { scope: 'grid', keys: ['Mod+Home'], action: 'grid/first-row' },
  { scope: 'grid', keys: ['Mod+End'], action: 'grid/last-row' },
  { scope: 'grid', keys: ['PageUp'], action: 'grid/page-up' },
  { scope: 'grid', keys: ['PageDown'], action: 'grid/page-down' },
  { scope: 'grid', keys: ['Tab'], action: 'grid/next-cell' },
  { scope: 'grid', keys: ['Shift+Tab'], action: 'grid/previous-cell' },
  { scope: 'grid', keys: ['Enter'], action: 'grid/next-row' },
  { scope: 'grid', keys: ['Shift+Enter'], action: 'grid/previous-row' },
  { scope: 'grid', keys: ['F2'], action: 'grid/edit' },
  { scope: 'grid', keys: [], keysText: 'A letter, digit or sign', action: 'grid/type' },
  { scope: 'grid', keys: ['Shift+F2'], action: 'grid/details' },
  { scope: 'grid', keys: ['Insert'], action: 'task/insert' },
  { scope: 'grid', keys: ['Alt+Shift+ArrowRight'], action: 'task/indent' },
  { scope: 'grid', keys: ['Alt+Shift+ArrowLeft'], action: 'task/outdent' },
  { scope: 'grid', keys: ['Alt+Shift+ArrowUp'], action: 'task/move-up' },
  { scope: 'grid', keys: ['Alt+Shift+ArrowDown'], action: 'task/move-down' },
  { scope: 'grid', keys: ['Alt+Shift+-', 'Alt+Shift+_'], action: 'task/collapse' },
  { scope: 'grid', keys: ['Alt+Shift+=', 'Alt+Shift++'], action: 'task/expand' },
  { scope: 'grid', keys: ['Delete'], action: 'task/delete' },
  { scope: 'grid', keys: ['Mod+F2'], action: 'link/chain' },
  { scope: 'grid', keys: ['Mod+Shift+F2'], action: 'link/unlink-selected' },
  { scope: 'grid', keys: ['Mod+C'], action: 'edit/copy' },
  { scope: 'grid', keys: ['Mod+V'], action: 'task/paste' },
  { scope: 'cell-editor', keys: ['Enter'], action: 'cell-editor/commit' },
  { scope: 'cell-editor', keys: ['Shift+Enter'], action: 'cell-editor/commit-up' },
  { scope: 'cell-editor', keys: ['Tab'], action: 'cell-editor/commit-next' },
  { scope: 'cell-editor', keys: ['Shift+Tab'], action: 'cell-editor/commit-previous' },
  { scope: 'cell-editor', keys: ['Escape'], action: 'cell-editor/cancel' },
  { scope: 'cell-editor', keys: ['Alt+ArrowDown'], action: 'cell-editor/calendar' },
  { scope: 'cell-editor', keys: [], keysText: 'Arrows, Page Up, Page Down, Enter', action: 'cell-editor/calendar-keys' },
  { scope: 'chart', keys: ['ArrowUp'], action: 'chart/up' },
  { scope: 'chart', keys: ['ArrowDown'], action: 'chart/down' },
  { scope: 'chart', keys: ['ArrowRight'], action: 'chart/later' },
  { scope: 'chart', keys: ['ArrowLeft'], action: 'chart/earlier' },
  { scope: 'chart', keys: ['Shift+ArrowRight'], action: 'chart/longer' },
  { scope: 'chart', keys: ['Shift+ArrowLeft'], action: 'chart/shorter' },
  { scope: 'workspace', keys: ['F6'], action: 'workspace/next-pane' },
  { scope: 'workspace', keys: ['Shift+F6'], action: 'workspace/previous-pane' },
  { scope: 'workspace', keys: ['Mod+Z'], action: 'edit/undo' },
  { scope: 'workspace', keys: ['Mod+Y', 'Mod+Shift+Z'], action: 'edit/redo', menuKeys: { darwin: 'Mod+Shift+Z', linux: 'Mod+Shift+Z' } },
  { scope: 'app', keys: ['F1'], action: 'help/shortcuts' },
  { scope: 'app', keys: ['Mod+N'], action: 'file/new' },
  { scope: 'app', keys: ['Mod+O'], action: 'file/open' },
  { scope: 'app', keys: ['Mod+S'], action: 'file/save' },
  { scope: 'app', keys: ['Mod+Shift+S'], action: 'file/save-as' },
  { scope: 'app', keys: ['Mod+E'], action: 'file/export-xlsx' },
  { scope: 'app', keys: ['Mod+P'], action: 'file/print' },
  { scope: 'app', keys: ['Mod+1'], action: 'view/gantt' },
  { scope: 'app', keys: ['Mod+2'], action: 'view/milestones' },
  { scope: 'app', keys: ['Mod+3'], action: 'view/resources' },
  { scope: 'app', keys: ['Mod+4'], action: 'view/usage' },
  { scope: 'app', keys: ['Mod+5'], action: 'view/career' },
  { scope: 'app', keys: ['Mod+6'], action: 'view/raid' },
  { scope: 'app', keys: ['Mod+7'], action: 'view/earned-value' },
  { scope: 'app', keys: ['Mod+8'], action: 'view/dashboard' },
  { scope: 'app', keys: ['Mod+9'], action: 'view/status-report' },
  { scope: 'app', keys: ['Mod+0'], action: 'view/plans' },
  { scope: 'app', keys: ['Mod+='], action: 'view/zoom-in' },
  { scope: 'app', keys: ['Mod+-'], action: 'view/zoom-out' },
]

/** A chord read from its text. */
export type KeyChord = { key: string; isMod: boolean; isCtrl: boolean; isAlt: boolean; isShift: boolean }

/** Reads `Alt+Shift+ArrowRight`, `Mod+=`, `Alt+Shift++` (the key itself may be `+`). */
export function keyChordParse(text: string): KeyChord {
  const parts = text.endsWith('++') ? [...text.slice(0, -2).split('+'), '+'] : text.split('+')
  const key = parts.pop() ?? ''
  return {
    key,
    isMod: parts.includes('Mod'),
    isCtrl: parts.includes('Ctrl'),
    isAlt: parts.includes('Alt'),
    isShift: parts.includes('Shift'),
  }
}

/** The part of a keyboard event a chord is matched against. */
export type KeyEventLike = { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }

/**
 * Whether an event is the chord. `Mod` accepts Ctrl or Cmd on every platform (a Mac user may press either);
 * Alt and Shift must match exactly; letters match in either case (Shift makes `z` a `Z`).
 */
export function keyChordMatches(chord: KeyChord, event: KeyEventLike): boolean {
  const isModPressed = event.ctrlKey || event.metaKey
  if ((chord.isMod || chord.isCtrl) !== isModPressed) return false
  if (chord.isAlt !== event.altKey || chord.isShift !== event.shiftKey) return false
  return event.key === chord.key || (chord.key.length === 1 && event.key.toLowerCase() === chord.key.toLowerCase())
}

const parsedBindings = keyBindings.map((binding) => ({ binding, chords: binding.keys.map(keyChordParse) }))

/** The binding in `scope` a key event stands for, if any. */
export function keyBindingFind(scope: KeyScope, event: KeyEventLike): KeyBinding | undefined {
  for (const { binding, chords } of parsedBindings) {
    if (binding.scope === scope && chords.some((chord) => keyChordMatches(chord, event))) return binding
  }
  return undefined
}

/** What the Help calls an action: the command's label, or the view action's words. */
export function keyActionLabel(action: KeyAction): string {
  return commandIsId(action) ? commandLabel(action) : viewActions[action]
}

const keyNames: Record<string, string> = {
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  PageUp: 'Page Up',
  PageDown: 'Page Down',
  Escape: 'Esc',
  Delete: 'Del',
  Insert: 'Ins',
  '+': 'Plus',
  '-': 'Minus',
  '_': 'Underscore',
}

/** A chord as people write it: `Ctrl+Shift+Z`, or `⌘⇧Z` style names on macOS (`Cmd+Shift+Z`). */
export function keyChordText(text: string, isMac: boolean): string {
  const chord = keyChordParse(text)
  const names: string[] = []
  if (chord.isCtrl) names.push('Ctrl')
  if (chord.isMod) names.push(isMac ? 'Cmd' : 'Ctrl')
  if (chord.isAlt) names.push(isMac ? 'Option' : 'Alt')
  if (chord.isShift) names.push('Shift')
  names.push(keyNames[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key))
  return names.join('+')
}

const acceleratorKeys: Record<string, string> = { ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right', '+': 'Plus' }

/** A chord as an Electron menu accelerator (`CmdOrCtrl+Shift+S`). */
export function keyChordAccelerator(text: string): string {
  const chord = keyChordParse(text)
  const parts: string[] = []
  if (chord.isMod) parts.push('CmdOrCtrl')
  if (chord.isCtrl) parts.push('Ctrl')
  if (chord.isAlt) parts.push('Alt')
  if (chord.isShift) parts.push('Shift')
  parts.push(acceleratorKeys[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key))
  return parts.join('+')
}

/** The desktop menu's accelerator for an action (a key action or menu command id) on a platform, from the table; `undefined` when it has no key. */
export function keyAccelerator(action: string, platform: string): string | undefined {
  const binding = keyBindings.find((item) => item.action === action)
  if (binding === undefined) return undefined
  const platformKey = platform === 'win32' || platform === 'darwin' || platform === 'linux' ? binding.menuKeys?.[platform] : undefined
  const text = platformKey ?? binding.keys[0]
  return text === undefined ? undefined : keyChordAccelerator(text)
}
