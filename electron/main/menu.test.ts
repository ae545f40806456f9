import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../core/menu-command';
import { Menu, resetElectronFakes } from '../test/electron-mock';
import { installMenu, menuTemplate, type MenuActions } from './menu';

vi.mock('electron', () => import('../test/electron-mock'));

afterEach(() => resetElectronFakes());

function actions(): MenuActions & { sent: MenuCommand[] } {
  const sent: MenuCommand[] = [];
  return { sent, send: (command) => sent.push(command), open: vi.fn(), saveAs: vi.fn() };
}

function submenu(
  template: MenuItemConstructorOptions[],
  label: string,
): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label);
  if (menu === undefined || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
}

function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((entry) => entry.label === label);
  if (found === undefined) throw new Error(`no item ${label}`);
  return found;
}

/** Clicks a template item as Electron would (its arguments are not used by our items). */
function click(entry: MenuItemConstructorOptions): void {
  const handler: ((...args: never[]) => void) | undefined = entry.click;
  handler?.();
}

describe('native menus', () => {
  it('File: Open…, Save, Save As…, Quit with the usual shortcuts', () => {
    const acts = actions();
    const file = submenu(menuTemplate({ dev: false, platform: 'linux', actions: acts }), 'File');
    expect(item(file, 'Open…').accelerator).toBe('CmdOrCtrl+O');
    expect(item(file, 'Save').accelerator).toBe('CmdOrCtrl+S');
    expect(item(file, 'Save As…').accelerator).toBe('CmdOrCtrl+Shift+S');
    expect(file.some((entry) => entry.role === 'quit')).toBe(true);
    click(item(file, 'Open…'));
    click(item(file, 'Save'));
    click(item(file, 'Save As…'));
    expect(acts.open).toHaveBeenCalledOnce();
    expect(acts.saveAs).toHaveBeenCalledOnce();
    expect(acts.sent).toEqual([{ kind: 'save' }]);
  });

  it('Cell: the web UI shortcuts, each item sending its typed command', () => {
    const acts = actions();
    const cell = submenu(menuTemplate({ dev: false, platform: 'linux', actions: acts }), 'Cell');
    expect(item(cell, 'Run').accelerator).toBe('CmdOrCtrl+Enter');
    expect(item(cell, 'Run and advance').accelerator).toBe('Shift+Enter');
    for (const label of ['Run', 'Run and advance', 'Run all', 'Interrupt', 'Restart kernel'])
      click(item(cell, label));
    expect(acts.sent).toEqual([
      { kind: 'run', advance: false },
      { kind: 'run', advance: true },
      { kind: 'run-all' },
      { kind: 'interrupt' },
      { kind: 'restart-kernel' },
    ]);
  });

  it('shows but does not register the shortcuts the web UI handles itself', () => {
    const template = menuTemplate({ dev: false, platform: 'linux', actions: actions() });
    const cell = submenu(template, 'Cell');
    const file = submenu(template, 'File');
    for (const entry of [item(cell, 'Run'), item(cell, 'Run and advance'), item(file, 'Save')])
      expect(entry.registerAccelerator, entry.label).toBe(false);
    expect(item(file, 'Open…').registerAccelerator).toBeUndefined();
  });

  it('Edit uses the standard roles', () => {
    const edit = submenu(
      menuTemplate({ dev: false, platform: 'linux', actions: actions() }),
      'Edit',
    );
    expect(edit.map((entry) => entry.role).filter(Boolean)).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
  });

  it('View has Reload and the developer tools in development only', () => {
    const roles = (dev: boolean): unknown[] =>
      submenu(menuTemplate({ dev, platform: 'linux', actions: actions() }), 'View').map(
        (entry) => entry.role,
      );
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('forceReload');
  });

  it('on macOS the application menu holds Quit', () => {
    const template = menuTemplate({ dev: false, platform: 'darwin', actions: actions() });
    expect(template[0]?.role).toBe('appMenu');
    expect(submenu(template, 'File').some((entry) => entry.role === 'quit')).toBe(false);
  });

  it('installs the menu as the application menu', () => {
    installMenu({ dev: false, platform: 'linux', actions: actions() });
    expect(Menu.buildFromTemplate).toHaveBeenCalledOnce();
    expect(Menu.setApplicationMenu).toHaveBeenCalledOnce();
  });
});
