/**
 * The native menus, with the web UI's shortcuts (DESIGN.md, "UI names": Ctrl/Cmd+S saves,
 * Ctrl/Cmd+Enter runs in place, Shift+Enter runs and moves on). Items that act on the notebook
 * send a typed command to the renderer (core/menu-command.ts); Open… and Save As… show a
 * dialog here first (dialogs.ts), because only the main process may choose files.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../core/menu-command';

export type MenuActions = {
  /** Sends a command to the focused app window's renderer. */
  send(command: MenuCommand): void;
  /** File › Open…: the dialog, then the notebook (opening its folder as workspace if needed). */
  open(): void;
  /** File › Save As…: the dialog, then a save-as command. */
  saveAs(): void;
};

export type MenuOptions = {
  /** Development build (not packaged): adds Reload and the developer tools. */
  dev: boolean;
  platform: NodeJS.Platform;
  actions: MenuActions;
};

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}

/**
 * `registerAccelerator: false` on Save, Run and Run and advance: the web UI already handles those
 * keys itself (in Monaco and in command mode). Registering them too would make one key press do
 * the work twice on Windows and Linux; the menu still shows the shortcut, and a click sends the
 * command. (macOS ignores the flag: there the menu takes the key and the page never sees it,
 * which again means once.)
 */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { actions, dev } = options;
  const isMac = options.platform === 'darwin';
  const send =
    (command: MenuCommand): (() => void) =>
    () =>
      actions.send(command);
  const shownOnly = { registerAccelerator: false } as const;

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.open() },
      { type: 'separator' },
      { label: 'Save', accelerator: 'CmdOrCtrl+S', ...shownOnly, click: send({ kind: 'save' }) },
      { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.saveAs() },
      // macOS keeps Quit in the application menu, where users look for it.
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const cell: MenuItemConstructorOptions = {
    label: 'Cell',
    submenu: [
      {
        label: 'Run',
        accelerator: 'CmdOrCtrl+Enter',
        ...shownOnly,
        click: send({ kind: 'run', advance: false }),
      },
      {
        label: 'Run and advance',
        accelerator: 'Shift+Enter',
        ...shownOnly,
        click: send({ kind: 'run', advance: true }),
      },
      { label: 'Run all', click: send({ kind: 'run-all' }) },
      { type: 'separator' },
      { label: 'Interrupt', click: send({ kind: 'interrupt' }) },
      { label: 'Restart kernel', click: send({ kind: 'restart-kernel' }) },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      // A reload drops the kernel's state and the developer tools can do anything: dev only.
      ...(dev
        ? [
            { role: 'reload' } as const,
            { role: 'toggleDevTools' } as const,
            { type: 'separator' } as const,
          ]
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    file,
    edit,
    cell,
    view,
    { role: 'windowMenu' },
  ];
}
