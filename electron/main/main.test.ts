/**
 * The main process's wiring, with Electron faked: what happens before the app is ready, what a
 * start sets up, and what a second instance does. The parts are tested on their own elsewhere.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HOST_OPERATIONS } from '../../core/host-contract';
import { notebookText, tempFolder } from '../../test/support/host-fixtures';
import { appPageUrl } from '../shared/app-url';
import {
  app,
  FakeBrowserWindow,
  fakeInvokeEvent,
  ipcMain,
  Menu,
  protocol,
  resetElectronFakes,
  session,
} from '../test/electron-mock';

vi.mock('electron', () => import('../test/electron-mock'));

const samples = path.resolve(import.meta.dirname, '..', '..', 'samples');
const savedStateDir = process.env.QUARRY_STATE_DIR;
let window: FakeBrowserWindow;

beforeAll(async () => {
  process.env.QUARRY_STATE_DIR = await tempFolder('quarry-main-state-');
  await import('./main');
  await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1));
  const created = FakeBrowserWindow.created[0];
  if (created === undefined) throw new Error('no window');
  window = created;
});

afterAll(() => {
  if (savedStateDir === undefined) delete process.env.QUARRY_STATE_DIR;
  else process.env.QUARRY_STATE_DIR = savedStateDir;
  resetElectronFakes();
});

describe('the main process', () => {
  it('sandboxes every renderer and registers its scheme before the app is ready', () => {
    const ready = app.whenReady.mock.invocationCallOrder[0] ?? 0;
    expect(app.enableSandbox.mock.invocationCallOrder[0]).toBeLessThan(ready);
    expect(protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(ready);
    expect(app.requestSingleInstanceLock).toHaveBeenCalledOnce();
  });

  it('serves the scheme, registers the IPC channels, locks the session, installs the menu', () => {
    expect(protocol.handle).toHaveBeenCalledWith('quarry-app', expect.any(Function));
    expect([...ipcMain.handlers.keys()]).toHaveLength(HOST_OPERATIONS.length);
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(session.defaultSession.beforeRequest).not.toBeNull();
    expect(Menu.setApplicationMenu).toHaveBeenCalledOnce();
  });

  it('opens one window on the app page with the sandboxed preload', () => {
    expect(window.webContents.loadURL).toHaveBeenCalledWith(appPageUrl(1));
    expect(window.options.webPreferences?.preload).toMatch(/preload\.cjs$/);
    expect(window.options.webPreferences?.sandbox).toBe(true);
  });

  it('without a notebook on the command line, the workspace is the sample', async () => {
    const reply = await ipcMain.invoke(
      'quarry:workspace.info',
      fakeInvokeEvent({ sender: window.webContents }),
      {},
    );
    expect(reply).toEqual({ ok: true, value: { root: samples, notebook: 'churn.ipynb' } });
  });

  it('a second instance hands over its notebook: another folder becomes the workspace', async () => {
    const elsewhere = await tempFolder('quarry-main-second-');
    await writeFile(path.join(elsewhere, 'other.ipynb'), notebookText());
    app.emit('second-instance', {}, ['/opt/Quarry/quarry', 'other.ipynb'], elsewhere);
    expect(window.focus).toHaveBeenCalled();
    await vi.waitFor(() =>
      expect(window.webContents.loadURL).toHaveBeenLastCalledWith(appPageUrl(2)),
    );
    const reply = await ipcMain.invoke(
      'quarry:workspace.info',
      fakeInvokeEvent({ sender: window.webContents }),
      {},
    );
    expect(reply).toEqual({ ok: true, value: { root: elsewhere, notebook: 'other.ipynb' } });
  });

  it('quits when the window closes (except on macOS)', () => {
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });
});
