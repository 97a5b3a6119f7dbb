import { describe, expect, it } from 'vitest'
import { menuTemplate, type MenuItemSpec } from '../../src/main/menu'
import { menuCommands, type MenuCommand } from '../../src/shared/ipc/contract'

function build(platform: NodeJS.Platform, options: { isDev?: boolean; recent?: number } = {}) {
  const sent: MenuCommand[] = []
  const template = menuTemplate({
    platform,
    isDev: options.isDev ?? false,
    appName: 'Gantry',
    recentFiles: Array.from({ length: options.recent ?? 0 }, (_, index) => ({
      id: index.toString(16).padStart(32, '0'),
      fileName: index === 0 ? 'R&D plan.gantry' : `plan-${index}.gantry`,
      folder: '/home/pm',
      openedAt: '2026-01-01T00:00:00.000Z',
    })),
    send: (command) => sent.push(command),
  })
  return { template, sent }
}

function flatten(items: MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((item) => [item, ...flatten(item.submenu ?? [])])
}
function menu(template: MenuItemSpec[], label: string): MenuItemSpec {
  const found = template.find((item) => item.label?.replace('&', '') === label)
  if (found === undefined) throw new Error(`no ${label} menu`)
  return found
}
function labels(item: MenuItemSpec): string[] {
  return (item.submenu ?? []).map((child) => child.label ?? child.role ?? child.type ?? '')
}

describe.each(['linux', 'win32', 'darwin'] as const)('menu on %s', (platform) => {
  const { template, sent } = build(platform, { recent: 2 })
  const items = flatten(template)
  const byId = (id: string): MenuItemSpec | undefined => items.find((item) => item.id === id)

  it('has File, Edit, Task, View and Help', () => {
    for (const name of ['File', 'Edit', 'Task', 'View', 'Help']) expect(() => menu(template, name)).not.toThrow()
  })

  it('has the Task menu of plan commands, showing the grid keys without taking them from text fields', () => {
    expect(labels(menu(template, 'Task')).filter((label) => label !== 'separator')).toEqual([
      'Insert Task',
      'Delete Task',
      'Indent',
      'Outdent',
      'Move Up',
      'Move Down',
      'Link Tasks',
      'Unlink Tasks',
      'Manually Schedule',
      'Auto Schedule',
      'Respect Links',
    ])
    expect(byId('task/delete')).toMatchObject({ accelerator: 'Delete', registerAccelerator: false })
    expect(byId('task/indent')).toMatchObject({ accelerator: 'Tab', registerAccelerator: false })
    expect(byId('link/chain')).toMatchObject({ accelerator: 'CmdOrCtrl+F2', registerAccelerator: false })
  })

  it('opens the keyboard shortcuts from Help with F1', () => {
    expect(labels(menu(template, 'Help'))[0]).toBe('Keyboard Shortcuts')
    expect(byId('help/shortcuts')?.accelerator).toBe('F1')
    expect(byId('help/shortcuts')?.registerAccelerator).toBeUndefined()
  })

  it('has the File items in order', () => {
    expect(labels(menu(template, 'File')).filter((label) => label !== 'separator')).toEqual([
      'New Plan',
      'Open…',
      'Open Recent',
      'Save',
      'Save As…',
      'Import',
      'Export',
      'Print…',
      platform === 'darwin' ? 'close' : 'Quit',
    ])
    expect(labels(byId('file/import')!)).toEqual(['Microsoft Project XML…', 'CSV…'])
    expect(labels(byId('file/export')!)).toEqual(['Excel…', 'Microsoft Project XML…', 'CSV…', 'PDF of the Gantt Chart…'])
    expect(byId('file/print')?.accelerator).toBe('CmdOrCtrl+P')
  })

  it('has Edit with undo, redo and the clipboard', () => {
    expect(labels(menu(template, 'Edit')).filter((label) => label !== 'separator')).toEqual(['Undo', 'Redo', 'cut', 'copy', 'paste', 'selectAll'])
  })

  it('uses the usual accelerators', () => {
    expect(byId('file/new')?.accelerator).toBe('CmdOrCtrl+N')
    expect(byId('file/open')?.accelerator).toBe('CmdOrCtrl+O')
    expect(byId('file/save')?.accelerator).toBe('CmdOrCtrl+S')
    expect(byId('file/save-as')?.accelerator).toBe('CmdOrCtrl+Shift+S')
    expect(byId('edit/undo')?.accelerator).toBe('CmdOrCtrl+Z')
    expect(byId('edit/redo')?.accelerator).toBe(platform === 'win32' ? 'CmdOrCtrl+Y' : 'CmdOrCtrl+Shift+Z')
    expect(byId('view/zoom-out')?.accelerator).toBe('CmdOrCtrl+-')
    const quit = items.find((item) => item.role === 'quit')
    expect(quit?.accelerator).toBe({ darwin: 'Cmd+Q', win32: 'Alt+F4', linux: 'Ctrl+Q' }[platform])
    for (const role of ['cut', 'copy', 'paste', 'selectAll'] as const) {
      expect(items.find((item) => item.role === role)?.accelerator).toMatch(/^CmdOrCtrl\+[XCVA]$/)
    }
  })

  it('never gives two items the same accelerator', () => {
    const accelerators = items.map((item) => item.accelerator).filter((value) => value !== undefined)
    expect(new Set(accelerators).size).toBe(accelerators.length)
  })

  it('sends every menu command from some item', () => {
    for (const item of items) item.click?.()
    for (const command of menuCommands) expect(sent).toContain(command)
  })

  it('lists recent files that reopen by id, escaping & in names', () => {
    const recent = labels(byId('file/open-recent')!)
    expect(recent).toEqual(['R&&D plan.gantry', 'plan-1.gantry'])
    sent.length = 0
    byId('file/open-recent')!.submenu![1]!.click!()
    expect(sent).toEqual([`file/open-recent:${'1'.padStart(32, '0')}`])
  })

  it('hides reload and developer tools outside development', () => {
    expect(items.some((item) => item.role === 'toggleDevTools' || item.role === 'reload')).toBe(false)
    const dev = flatten(build(platform, { isDev: true }).template)
    expect(dev.some((item) => item.role === 'toggleDevTools')).toBe(true)
  })
})

describe('platform differences', () => {
  it('puts the app menu first on macOS only', () => {
    expect(build('darwin').template[0]?.label).toBe('Gantry')
    expect(labels(build('darwin').template[0]!)).toContain('quit')
    expect(build('linux').template[0]?.label).toBe('&File')
  })

  it('shows a disabled placeholder when there are no recent files', () => {
    const items = flatten(build('linux').template)
    const recent = items.find((item) => item.id === 'file/open-recent')
    expect(recent?.submenu).toEqual([{ label: 'No recent files', enabled: false }])
  })
})
