import { describe, expect, it } from 'vitest'
import {
  keyAccelerator,
  keyActionLabel,
  keyBindingFind,
  keyBindings,
  keyChordParse,
  keyChordText,
  keyScopes,
  viewActions,
  type KeyEventLike,
} from '../../src/shared/commands/keys'
import { commandIsId, commandRegistry } from '../../src/shared/commands/registry'
import { settingsNumberText } from '../../src/shared/commands/settings'
import { commandIsAvailable, commandRun } from '../../src/shared/commands/run'
import { makePlan, makeTask } from '../../src/shared/domain/defaults'
import type { Plan } from '../../src/shared/domain/model'

function plan(): Plan {
  return makePlan('p', 'Registry', '2026-03-02T08:00:00', '2026-03-01T00:00:00', { tasks: [makeTask(1, { name: 'A' }), makeTask(2, { name: 'B' })] })
}

const press = (key: string, modifiers: Partial<Omit<KeyEventLike, 'key'>> = {}): KeyEventLike => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
})

describe('the command registry', () => {
  it('lists each command under its own id, with a label', () => {
    for (const [id, command] of Object.entries(commandRegistry)) {
      expect(command.id).toBe(id)
      expect(id).toMatch(/^[a-z]+\/[a-z-]+$/)
      expect(command.label.length).toBeGreaterThan(0)
    }
    expect(commandIsId('task/indent')).toBe(true)
    expect(commandIsId('file/save')).toBe(false)
    expect(commandIsId('toString')).toBe(false)
  })

  it('says which commands can run on the selection (menus and the toolbar disable the others)', () => {
    const none = { selection: [], schedule: null, clipboard: null }
    expect(commandIsAvailable('task/indent', none)).toBe(false)
    expect(commandIsAvailable('task/indent', { ...none, selection: [1] })).toBe(true)
    expect(commandIsAvailable('link/chain', { ...none, selection: [1] })).toBe(false)
    expect(commandIsAvailable('link/chain', { ...none, selection: [1, 2] })).toBe(true)
    expect(commandIsAvailable('task/insert', none)).toBe(true)
  })

  it('keeps a calendar with working time: unticking the last working day is refused like a cycle', () => {
    let current = plan()
    for (const weekday of [1, 2, 3, 4]) {
      const result = commandRun(current, 'calendar/set-working-day', { weekday, isWorking: false }, { selection: [], schedule: null, clipboard: null })
      if (!result.ok) throw new Error(result.message)
      current = result.plan
    }
    const last = commandRun(current, 'calendar/set-working-day', { weekday: 5, isWorking: false }, { selection: [], schedule: null, clipboard: null })
    expect(last.ok).toBe(false)
    if (!last.ok) expect(last.message).toMatch(/^Change working days: .*working time.* Nothing was changed\.$/)
  })

  it('reads project settings as typed and refuses what the file cannot hold', () => {
    const context = { selection: [], schedule: null, clipboard: null }
    // The settings speak in hours per day and week, as Microsoft Project does; the plan keeps minutes.
    for (const text of ['0', '25', 'eight', '-8', '0.001']) {
      expect(commandRun(plan(), 'settings/set-number', { key: 'minutesPerDay', text }, context)).toEqual({
        ok: false,
        message: 'Hours per day must be a number of hours from 1 minute to 24 (for example 8 or 7.5). Nothing was changed.',
      })
    }
    const changed = commandRun(plan(), 'settings/set-number', { key: 'minutesPerDay', text: ' 7,5 ' }, context)
    expect(changed.ok && changed.plan.settings.minutesPerDay).toBe(450)
    const week = commandRun(plan(), 'settings/set-number', { key: 'minutesPerWeek', text: '37.5' }, context)
    expect(week.ok && week.plan.settings.minutesPerWeek).toBe(2250)
    expect(commandRun(plan(), 'settings/set-number', { key: 'daysPerMonth', text: '20.5' }, context)).toMatchObject({ ok: false })
    expect(settingsNumberText('minutesPerDay', 450)).toBe('7.5')
    const holiday = commandRun(plan(), 'calendar/add-exception', { name: 'x'.repeat(1001), from: '2026-03-06', to: '', hours: '' }, context)
    expect(holiday).toEqual({ ok: false, message: 'The Standard calendar: The name can have at most 1000 characters. Nothing was changed.' })
    const start = commandRun(plan(), 'project/set-start', { text: '2026-04-01' }, context)
    expect(start.ok && start.plan.start).toBe('2026-04-01T08:00:00')
  })
})

describe('the key table', () => {
  it('names only commands of the registry and actions the views know', () => {
    for (const binding of keyBindings) {
      expect(commandIsId(binding.action) || binding.action in viewActions).toBe(true)
      expect(keyActionLabel(binding.action).length).toBeGreaterThan(0)
      expect(binding.keys.length > 0 || binding.keysText !== undefined).toBe(true)
      expect(keyScopes.some((scope) => scope.scope === binding.scope)).toBe(true)
    }
  })

  it('gives each chord one meaning per scope', () => {
    for (const { scope } of keyScopes) {
      const chords = keyBindings.filter((binding) => binding.scope === scope).flatMap((binding) => binding.keys.map((key) => keyChordText(key, false)))
      expect(new Set(chords).size).toBe(chords.length)
    }
  })

  it('finds what a key does where it is pressed', () => {
    // Tab and Enter move between cells as in Microsoft Project and Excel; indenting is Alt+Shift+Right only.
    expect(keyBindingFind('grid', press('Tab'))?.action).toBe('grid/next-cell')
    expect(keyBindingFind('grid', press('Tab', { shiftKey: true }))?.action).toBe('grid/previous-cell')
    expect(keyBindingFind('grid', press('Enter'))?.action).toBe('grid/next-row')
    expect(keyBindingFind('cell-editor', press('Enter'))?.action).toBe('cell-editor/commit')
    expect(keyBindingFind('cell-editor', press('Tab', { shiftKey: true }))?.action).toBe('cell-editor/commit-previous')
    expect(keyBindingFind('grid', press('Insert'))?.action).toBe('task/insert')
    expect(keyBindingFind('grid', press('ArrowRight', { altKey: true, shiftKey: true }))?.action).toBe('task/indent')
    expect(keyBindingFind('grid', press('ArrowRight'))?.action).toBe('grid/right')
    expect(keyBindingFind('grid', press('+', { altKey: true, shiftKey: true }))?.action).toBe('task/expand')
    expect(keyBindingFind('grid', press('v', { metaKey: true }))?.action).toBe('task/paste')
    expect(keyBindingFind('chart', press('ArrowRight', { shiftKey: true }))?.action).toBe('chart/longer')
    expect(keyBindingFind('workspace', press('Z', { ctrlKey: true, shiftKey: true }))?.action).toBe('edit/redo')
    expect(keyBindingFind('grid', press('c', { ctrlKey: true, altKey: true }))).toBeUndefined()
    expect(keyBindingFind('grid', press('x'))).toBeUndefined()
  })

  it('reads chords whose key is +', () => {
    expect(keyChordParse('Alt+Shift++')).toEqual({ key: '+', isMod: false, isCtrl: false, isAlt: true, isShift: true })
    expect(keyChordText('Alt+Shift++', false)).toBe('Alt+Shift+Plus')
    expect(keyChordText('Mod+Shift+Z', true)).toBe('Cmd+Shift+Z')
    expect(keyChordText('Alt+Shift+ArrowLeft', false)).toBe('Alt+Shift+Left')
  })

  it("gives the desktop menu its accelerators, with each platform's convention for redo", () => {
    expect(keyAccelerator('file/save-as', 'linux')).toBe('CmdOrCtrl+Shift+S')
    expect(keyAccelerator('view/zoom-in', 'linux')).toBe('CmdOrCtrl+=')
    expect(keyAccelerator('edit/redo', 'win32')).toBe('CmdOrCtrl+Y')
    expect(keyAccelerator('edit/redo', 'darwin')).toBe('CmdOrCtrl+Shift+Z')
    expect(keyAccelerator('task/indent', 'linux')).toBe('Alt+Shift+Right')
    expect(keyAccelerator('task/insert', 'linux')).toBe('Insert')
    expect(keyAccelerator('file/import-csv', 'linux')).toBeUndefined()
  })
})
