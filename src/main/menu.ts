import { keyAccelerator } from '../shared/commands/keys'
import { commandIsId } from '../shared/commands/registry'
import type { MenuCommand, RecentFile } from '../shared/ipc/contract'

/**
 * The application menu as plain data, so it is tested without Electron. The shape is a subset of
 * Electron's MenuItemConstructorOptions; index.ts passes it to Menu.buildFromTemplate.
 */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'togglefullscreen'
  | 'minimize'
  | 'zoom'
  | 'close'
  | 'front'
  | 'windowMenu'
  | 'appMenu'

export type MenuItemSpec = {
  id?: string
  label?: string
  role?: MenuRole
  type?: 'normal' | 'separator' | 'submenu'
  accelerator?: string
  /** `false`: the accelerator is only shown; the renderer handles the key where it applies (the task grid). */
  registerAccelerator?: boolean
  enabled?: boolean
  submenu?: MenuItemSpec[]
  click?: () => void
}

export type MenuTemplateOptions = {
  platform: NodeJS.Platform
  isDev: boolean
  appName: string
  recentFiles: RecentFile[]
  /** Sends a command to the renderer (the `menu/command` event). */
  send: (command: MenuCommand) => void
}

const separator: MenuItemSpec = { type: 'separator' }

/**
 * Builds the File, Edit, Task, View and Help menus (plus the app menu on macOS). Accelerators come from the key
 * table (`shared/commands/keys.ts`), which the keyboard-shortcuts Help lists too.
 */
export function menuTemplate(options: MenuTemplateOptions): MenuItemSpec[] {
  const { platform, send } = options
  const isMac = platform === 'darwin'
  const command = (id: MenuCommand, label: string): MenuItemSpec => {
    const accelerator = keyAccelerator(id, platform)
    return {
      id,
      label,
      ...(accelerator === undefined ? {} : { accelerator }),
      // Plan commands' keys work in the task grid only (Delete and Tab mean something else in a text field), so
      // the renderer handles them; the menu shows them.
      ...(accelerator !== undefined && commandIsId(id) ? { registerAccelerator: false } : {}),
      click: () => send(id),
    }
  }

  const recentItems: MenuItemSpec[] =
    options.recentFiles.length === 0
      ? [{ label: 'No recent files', enabled: false }]
      : options.recentFiles.map((file) => ({
          id: `file/open-recent:${file.id}`,
          // An ampersand in a file name would otherwise become a mnemonic on Windows and Linux.
          label: file.fileName.replace(/&/g, '&&'),
          click: () => send(`file/open-recent:${file.id}`),
        }))

  const fileMenu: MenuItemSpec = {
    label: isMac ? 'File' : '&File',
    submenu: [
      command('file/new', 'New Plan'),
      command('file/open', 'Open…'),
      { id: 'file/open-recent', label: 'Open Recent', submenu: recentItems },
      separator,
      command('file/save', 'Save'),
      command('file/save-as', 'Save As…'),
      separator,
      {
        id: 'file/import',
        label: 'Import',
        submenu: [command('file/import-mspdi', 'Microsoft Project XML…'), command('file/import-csv', 'CSV…')],
      },
      {
        id: 'file/export',
        label: 'Export',
        submenu: [
          command('file/export-xlsx', 'Excel…'),
          command('file/export-mspdi', 'Microsoft Project XML…'),
          command('file/export-csv', 'CSV…'),
          command('file/export-pdf', 'PDF of the Gantt Chart…'),
        ],
      },
      separator,
      command('file/print', 'Print…'),
      ...(isMac ? [separator, { role: 'close' as const }] : [separator, { role: 'quit' as const, label: 'Quit', accelerator: platform === 'win32' ? 'Alt+F4' : 'Ctrl+Q' }]),
    ],
  }

  const editMenu: MenuItemSpec = {
    label: isMac ? 'Edit' : '&Edit',
    submenu: [
      command('edit/undo', 'Undo'),
      command('edit/redo', 'Redo'),
      separator,
      { role: 'cut', accelerator: 'CmdOrCtrl+X' },
      { role: 'copy', accelerator: 'CmdOrCtrl+C' },
      { role: 'paste', accelerator: 'CmdOrCtrl+V' },
      { role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
    ],
  }

  const taskMenu: MenuItemSpec = {
    label: isMac ? 'Task' : '&Task',
    submenu: [
      command('task/insert', 'Insert Task'),
      command('task/delete', 'Delete Task'),
      separator,
      command('task/indent', 'Indent'),
      command('task/outdent', 'Outdent'),
      command('task/move-up', 'Move Up'),
      command('task/move-down', 'Move Down'),
      separator,
      command('link/chain', 'Link Tasks'),
      command('link/unlink-selected', 'Unlink Tasks'),
      separator,
      command('task/schedule-manually', 'Manually Schedule'),
      command('task/schedule-automatically', 'Auto Schedule'),
      command('task/respect-links', 'Respect Links'),
    ],
  }

  const viewMenu: MenuItemSpec = {
    label: isMac ? 'View' : '&View',
    submenu: [
      command('view/gantt', 'Gantt Chart'),
      command('view/milestones', 'Milestones'),
      command('view/resources', 'Resources'),
      command('view/usage', 'Resource Usage'),
      command('view/raid', 'RAID Log'),
      command('view/earned-value', 'Earned Value'),
      command('view/dashboard', 'Dashboard'),
      command('view/status-report', 'Status Report'),
      command('view/career', 'Career'),
      command('view/plans', 'Plans'),
      separator,
      command('view/zoom-in', 'Zoom In Timeline'),
      command('view/zoom-out', 'Zoom Out Timeline'),
      separator,
      { role: 'togglefullscreen', accelerator: isMac ? 'Ctrl+Cmd+F' : 'F11' },
      ...(options.isDev ? [separator, { role: 'reload' as const }, { role: 'forceReload' as const }, { role: 'toggleDevTools' as const }] : []),
    ],
  }

  const helpMenu: MenuItemSpec = {
    label: isMac ? 'Help' : '&Help',
    submenu: [command('help/shortcuts', 'Keyboard Shortcuts'), separator, { id: 'help/about', label: `About ${options.appName}`, click: () => send('help/about') }],
  }

  if (!isMac) return [fileMenu, editMenu, taskMenu, viewMenu, helpMenu]

  const appMenu: MenuItemSpec = {
    label: options.appName,
    submenu: [
      { label: `About ${options.appName}`, click: () => send('help/about') },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit', accelerator: 'Cmd+Q' },
    ],
  }
  return [appMenu, fileMenu, editMenu, taskMenu, viewMenu, { role: 'windowMenu' }, helpMenu]
}
