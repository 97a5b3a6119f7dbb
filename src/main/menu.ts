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

/** Builds the File, Edit, View and Help menus (plus the app menu on macOS) with each platform's usual accelerators. */
export function menuTemplate(options: MenuTemplateOptions): MenuItemSpec[] {
  const { platform, send } = options
  const isMac = platform === 'darwin'
  const command = (id: MenuCommand, label: string, accelerator?: string): MenuItemSpec => ({
    id,
    label,
    ...(accelerator === undefined ? {} : { accelerator }),
    click: () => send(id),
  })

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
      command('file/new', 'New Plan', 'CmdOrCtrl+N'),
      command('file/open', 'Open…', 'CmdOrCtrl+O'),
      { id: 'file/open-recent', label: 'Open Recent', submenu: recentItems },
      separator,
      command('file/save', 'Save', 'CmdOrCtrl+S'),
      command('file/save-as', 'Save As…', 'CmdOrCtrl+Shift+S'),
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
          command('file/export-xlsx', 'Excel…', 'CmdOrCtrl+E'),
          command('file/export-mspdi', 'Microsoft Project XML…'),
          command('file/export-csv', 'CSV…'),
        ],
      },
      ...(isMac ? [separator, { role: 'close' as const }] : [separator, { role: 'quit' as const, label: 'Quit', accelerator: platform === 'win32' ? 'Alt+F4' : 'Ctrl+Q' }]),
    ],
  }

  const editMenu: MenuItemSpec = {
    label: isMac ? 'Edit' : '&Edit',
    submenu: [
      command('edit/undo', 'Undo', 'CmdOrCtrl+Z'),
      command('edit/redo', 'Redo', platform === 'win32' ? 'Ctrl+Y' : 'Shift+CmdOrCtrl+Z'),
      separator,
      { role: 'cut', accelerator: 'CmdOrCtrl+X' },
      { role: 'copy', accelerator: 'CmdOrCtrl+C' },
      { role: 'paste', accelerator: 'CmdOrCtrl+V' },
      { role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
    ],
  }

  const viewMenu: MenuItemSpec = {
    label: isMac ? 'View' : '&View',
    submenu: [
      command('view/gantt', 'Gantt Chart', 'CmdOrCtrl+1'),
      command('view/milestones', 'Milestones', 'CmdOrCtrl+2'),
      command('view/resources', 'Resources', 'CmdOrCtrl+3'),
      command('view/usage', 'Resource Usage', 'CmdOrCtrl+4'),
      command('view/career', 'Career', 'CmdOrCtrl+5'),
      command('view/plans', 'Plans', 'CmdOrCtrl+0'),
      separator,
      command('view/zoom-in', 'Zoom In Timeline', 'CmdOrCtrl+='),
      command('view/zoom-out', 'Zoom Out Timeline', 'CmdOrCtrl+-'),
      separator,
      { role: 'togglefullscreen', accelerator: isMac ? 'Ctrl+Cmd+F' : 'F11' },
      ...(options.isDev ? [separator, { role: 'reload' as const }, { role: 'forceReload' as const }, { role: 'toggleDevTools' as const }] : []),
    ],
  }

  const helpMenu: MenuItemSpec = {
    label: isMac ? 'Help' : '&Help',
    submenu: [command('help/about', `About ${options.appName}`)],
  }

  if (!isMac) return [fileMenu, editMenu, viewMenu, helpMenu]

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
  return [appMenu, fileMenu, editMenu, viewMenu, { role: 'windowMenu' }, helpMenu]
}
