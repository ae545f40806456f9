/**
 * The renderer's side of the desktop bridge (renderer/host-client/host-bridge.ts) against the real
 * preload API (electron/preload/host-api.ts) and the real IPC manager with the real host
 * handlers on a temporary workspace: the whole path a call takes in the desktop app, minus
 * Electron's own transport (faked: invoke goes straight to the registered handler).
 *
 * The renderer module is loaded at run time by path: it is written against the DOM, which this
 * project's Node tsconfig does not include, so it is checked here by behaviour, not by type.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostBridge, HostClient } from '../../core/host-contract';
import { notebookText, tempFolder } from '../support/host-fixtures';
import { registerIpcManager, type IpcManager } from '../../electron/main/ipc-manager';
import { createMainWindow, isOurWebContents } from '../../electron/main/window';
import { createWorkspaceSession } from '../../electron/main/workspace-session';
import { createQuarryHostApi } from '../../electron/preload/host-api';
import { appPageUrl } from '../../electron/shared/app-url';
import { MENU_CHANNEL } from '../../electron/shared/ipc-protocol';
import { MENU_COMMAND_KINDS, type MenuCommand } from '../../core/menu-command';
import {
  FakeBrowserWindow,
  fakeInvokeEvent,
  ipcMain,
  resetElectronFakes,
} from '../../electron/test/electron-mock';

vi.mock('electron', () => import('../../electron/test/electron-mock'));

type RendererBridge = {
  MENU_COMMAND_KINDS: readonly string[];
  parseMenuCommand(value: unknown): unknown;
  createElectronHostClient(bridge: HostBridge): HostClient;
  onMenuCommand(listener: (command: unknown) => void): () => void;
};

async function loadRendererBridge(): Promise<RendererBridge> {
  const file = path.resolve(import.meta.dirname, '../../renderer/host-client/host-bridge.ts');
  const loaded: unknown = await import(/* @vite-ignore */ file);
  const wanted = ['parseMenuCommand', 'createElectronHostClient', 'onMenuCommand'];
  if (
    typeof loaded !== 'object' ||
    loaded === null ||
    !wanted.every((name) => typeof Reflect.get(loaded, name) === 'function') ||
    !Array.isArray(Reflect.get(loaded, 'MENU_COMMAND_KINDS'))
  )
    throw new Error('renderer/host-client/host-bridge.ts lacks the Electron bridge exports');
  return loaded as RendererBridge;
}

let renderer: RendererBridge;
let manager: IpcManager;
let api: HostBridge;
let root: string;
let window: FakeBrowserWindow;

beforeEach(async () => {
  renderer = await loadRendererBridge();
  root = await tempFolder('quarry-bridge-');
  await writeFile(path.join(root, 'a.ipynb'), notebookText('1 + 1'));
  const session = createWorkspaceSession({
    queryProcessEntry: '/app/dist/electron/query-process.cjs',
    notebook: path.join(root, 'a.ipynb'),
    stateDir: await tempFolder('quarry-bridge-state-'),
  });
  manager = registerIpcManager({
    workspace: () => session.current(),
    isOurWebContents,
    log: () => {},
  });
  createMainWindow({ preload: '/p.cjs', url: appPageUrl(session.current().generation) });
  const created = FakeBrowserWindow.created[0];
  if (created === undefined) throw new Error('no window');
  window = created;
  // The preload's transport, wired to the main process as Electron would: from the window's page.
  api = createQuarryHostApi({
    invoke: (channel, request) =>
      ipcMain.invoke(channel, fakeInvokeEvent({ sender: window.webContents }), request),
    subscribe(channel, listener) {
      const forward = (_event: unknown, payload: unknown): void => listener(payload);
      window.webContents.on(channel, forward);
      return () => window.webContents.off(channel, forward);
    },
  });
});

afterEach(() => {
  manager.dispose();
  resetElectronFakes();
});

afterAll(() => vi.unstubAllGlobals());

describe('renderer → preload → IPC manager → host handlers', () => {
  it('answers a call with the handler result', async () => {
    const client = renderer.createElectronHostClient(api);
    await expect(client.call('workspace.info', {})).resolves.toEqual({ root, notebook: 'a.ipynb' });
    const opened = await client.call('notebook.open', { path: 'a.ipynb' });
    expect(opened.text).toContain('1 + 1');
  });

  it("a refusal reaches the renderer as HostCallError with the host's kind and message", async () => {
    const client = renderer.createElectronHostClient(api);
    await expect(client.call('notebook.open', { path: '../x.ipynb' })).rejects.toMatchObject({
      name: 'HostCallError',
      kind: 'forbidden',
      message: '"../x.ipynb" is outside the workspace: it goes up with ".."',
    });
  });

  it('a malformed request is refused with the contract message', async () => {
    const client = renderer.createElectronHostClient(api);
    const request: unknown = { path: 42 };
    // Deliberately outside the types, as a buggy or hostile page could send it.
    await expect(client.call('notebook.open', request as { path: string })).rejects.toMatchObject({
      kind: 'bad-request',
      message: 'notebook.open: "path" must be string',
    });
  });

  it('a page that is not the app page is refused, and the renderer sees an error', async () => {
    window.webContents.mainFrame.url = 'https://evil.example/';
    const client = renderer.createElectronHostClient(api);
    await expect(client.call('workspace.info', {})).rejects.toMatchObject({
      name: 'HostCallError',
      kind: 'internal',
    });
  });
});

describe('menu commands', () => {
  const examples: Record<MenuCommand['kind'], MenuCommand> = {
    'open-notebook': { kind: 'open-notebook', path: 'sub/b.ipynb' },
    save: { kind: 'save' },
    'save-as': { kind: 'save-as', path: 'copy.ipynb' },
    run: { kind: 'run', advance: true },
    'run-all': { kind: 'run-all' },
    interrupt: { kind: 'interrupt' },
    'restart-kernel': { kind: 'restart-kernel' },
  };

  it('the renderer knows exactly the kinds the main process sends', () => {
    expect([...renderer.MENU_COMMAND_KINDS].sort()).toEqual([...MENU_COMMAND_KINDS].sort());
  });

  it.each(Object.values(examples))('the renderer accepts %j as sent', (command) => {
    expect(renderer.parseMenuCommand(command)).toEqual(command);
  });

  it.each([null, 'save', {}, { kind: 'format-disk' }, { kind: 'open-notebook' }, { kind: 'run' }])(
    'the renderer drops %j',
    (value) => {
      expect(renderer.parseMenuCommand(value)).toBeNull();
    },
  );

  it('reach a listener in the renderer through the preload', () => {
    vi.stubGlobal('window', { quarryHost: api });
    const received: unknown[] = [];
    const unsubscribe = renderer.onMenuCommand((command) => received.push(command));
    window.webContents.emit(MENU_CHANNEL, {}, { kind: 'run-all' });
    window.webContents.emit(MENU_CHANNEL, {}, { kind: 'bogus' });
    unsubscribe();
    window.webContents.emit(MENU_CHANNEL, {}, { kind: 'save' });
    expect(received).toEqual([{ kind: 'run-all' }]);
  });
});
