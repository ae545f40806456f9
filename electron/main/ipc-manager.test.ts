import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_OPERATIONS } from '../../core/host-contract';
import { notebookText, tempFolder } from '../../test/support/host-fixtures';
import { appPageUrl } from '../shared/app-url';
import { channelOf } from '../shared/ipc-protocol';
import {
  FakeBrowserWindow,
  FakeWebContents,
  fakeInvokeEvent,
  ipcMain,
  resetElectronFakes,
  type FakeSender,
} from '../test/electron-mock';
import { IpcRefusedError, registerIpcManager, type IpcManager } from './ipc-manager';
import { createMainWindow, isOurWebContents } from './window';
import { createWorkspaceSession, type WorkspaceSession } from './workspace-session';

vi.mock('electron', () => import('../test/electron-mock'));

let root: string;
let session: WorkspaceSession;
let manager: IpcManager;
let window: FakeBrowserWindow;
let logs: string[];

beforeEach(async () => {
  root = await tempFolder('quarry-ipc-');
  await writeFile(path.join(root, 'analysis.ipynb'), notebookText('1 + 1'));
  await mkdir(path.join(root, 'data'));
  await writeFile(path.join(root, 'data', 'sales.csv'), 'a,b\n1,2\n');
  session = createWorkspaceSession({
    queryProcessEntry: '/app/dist/electron/query-process.cjs',
    notebook: path.join(root, 'analysis.ipynb'),
    stateDir: await tempFolder('quarry-ipc-state-'),
  });
  logs = [];
  manager = registerIpcManager({
    workspace: () => session.current(),
    isOurWebContents,
    log: (message) => logs.push(message),
  });
  createMainWindow({ preload: '/app/preload.cjs', url: appPageUrl(session.current().generation) });
  const created = FakeBrowserWindow.created[0];
  if (created === undefined) throw new Error('no window was created');
  window = created;
});

afterEach(() => {
  manager.dispose();
  resetElectronFakes();
});

/** ipcRenderer.invoke as the page would send it, from the app window's top frame by default. */
function invoke(channel: string, request: unknown, from: FakeSender = {}): Promise<unknown> {
  return ipcMain.invoke(channel, fakeInvokeEvent({ sender: window.webContents, ...from }), request);
}

describe('IPC manager: channels', () => {
  it('registers one quarry:<operation> channel per operation of the contract, and no other', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(HOST_OPERATIONS.map(channelOf).sort());
  });

  it('removes its channels on dispose', () => {
    manager.dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('IPC manager: a valid sender gets answers from the real handlers', () => {
  it('workspace.info names the workspace and the notebook', async () => {
    await expect(invoke('quarry:workspace.info', {})).resolves.toEqual({
      ok: true,
      value: { root, notebook: 'analysis.ipynb' },
    });
  });

  it('opens, saves and lists files of the workspace', async () => {
    const opened = await invoke('quarry:notebook.open', { path: 'analysis.ipynb' });
    expect(opened).toMatchObject({ ok: true, value: { path: 'analysis.ipynb', recovery: null } });
    const saved = await invoke('quarry:notebook.save', {
      path: 'copy.ipynb',
      text: notebookText('2 + 2'),
      expectedMtimeMs: null,
      overwrite: false,
    });
    expect(saved).toMatchObject({ ok: true, value: { kind: 'saved' } });
    const listed = await invoke('quarry:folder.list', { path: '' });
    expect(listed).toMatchObject({
      ok: true,
      value: {
        entries: [
          { name: 'data', kind: 'folder' },
          { name: 'analysis.ipynb', kind: 'file' },
          { name: 'copy.ipynb', kind: 'file' },
        ],
      },
    });
  });

  it('resolves data files to the same /files/ URLs as browser mode', async () => {
    await expect(invoke('quarry:datafiles.resolve', { pattern: 'data/*.csv' })).resolves.toEqual({
      ok: true,
      value: { files: [{ name: 'data/sales.csv', url: 'files/data/sales.csv' }] },
    });
  });

  it("returns the handlers' refusals as { error: { kind, message } }", async () => {
    await expect(invoke('quarry:notebook.open', { path: '../outside.ipynb' })).resolves.toEqual({
      ok: false,
      error: {
        kind: 'forbidden',
        message: '"../outside.ipynb" is outside the workspace: it goes up with ".."',
      },
    });
    await expect(invoke('quarry:notebook.open', { path: 'missing.ipynb' })).resolves.toMatchObject({
      ok: false,
      error: { kind: 'not-found' },
    });
  });
});

describe('IPC manager: malformed payloads are refused with the contract message', () => {
  it.each([
    ['a field of the wrong type', { path: 7 }, 'notebook.open: "path" must be string'],
    ['a missing field', {}, 'notebook.open: "path" must be string'],
    [
      'an unexpected field',
      { path: 'a.ipynb', mode: 'w' },
      'notebook.open: unexpected field "mode"',
    ],
    ['not an object', 'analysis.ipynb', 'notebook.open: the request must be a JSON object'],
    ['null', null, 'notebook.open: the request must be a JSON object'],
    ['an array', ['analysis.ipynb'], 'notebook.open: the request must be a JSON object'],
  ])('%s', async (_name, request, message) => {
    await expect(invoke('quarry:notebook.open', request)).resolves.toEqual({
      ok: false,
      error: { kind: 'bad-request', message },
    });
  });

  it('more than one argument', async () => {
    const event = fakeInvokeEvent({ sender: window.webContents });
    await expect(ipcMain.invoke('quarry:workspace.info', event, {}, {})).resolves.toEqual({
      ok: false,
      error: { kind: 'bad-request', message: 'workspace.info: expected one request argument' },
    });
  });
});

describe('IPC manager: senders that are not the app page are refused', () => {
  const generation = (): number => session.current().generation;

  it.each([
    ['another website', () => 'https://evil.example/'],
    ['a file:// page', () => 'file:///tmp/evil.html'],
    [
      'a data file of the workspace shown as a page',
      () => `quarry-app://app/files/x.html?generation=${generation()}`,
    ],
    ['another host of our scheme', () => `quarry-app://evil/index.html?generation=${generation()}`],
    ['our page without its generation', () => 'quarry-app://app/index.html'],
    ['about:blank', () => 'about:blank'],
  ])('a frame showing %s', async (_name, url) => {
    await expect(invoke('quarry:workspace.info', {}, { frameUrl: url() })).rejects.toThrow(
      IpcRefusedError,
    );
    expect(logs.at(-1)).toMatch(/refused: the sender is not the app page/);
  });

  it('a subframe of the app page, even one on our origin', async () => {
    await expect(invoke('quarry:workspace.info', {}, { subframe: true })).rejects.toThrow(
      /refused: the sender is a subframe/,
    );
  });

  it('a frame that has gone (Electron gives senderFrame null)', async () => {
    await expect(invoke('quarry:workspace.info', {}, { frameGone: true })).rejects.toThrow(
      /refused: the sending frame is gone/,
    );
  });

  it('a webContents that is not one of our windows, even showing our page', async () => {
    const stranger = new FakeWebContents();
    stranger.mainFrame.url = appPageUrl(generation());
    await expect(invoke('quarry:workspace.info', {}, { sender: stranger })).rejects.toThrow(
      /refused: the sender is not a window of this app/,
    );
  });

  it('a window that has been closed', async () => {
    const contents = window.webContents;
    window.close();
    await expect(
      ipcMain.invoke('quarry:workspace.info', fakeInvokeEvent({ sender: contents }), {}),
    ).rejects.toThrow(/not a window of this app/);
  });

  it('a page still showing an earlier workspace, after a switch', async () => {
    await writeFile(path.join(root, 'data', 'other.ipynb'), notebookText());
    session.switchTo(path.join(root, 'data', 'other.ipynb'));
    await expect(invoke('quarry:workspace.info', {})).rejects.toThrow(
      /refused: the sender shows an earlier workspace/,
    );
    window.webContents.mainFrame.url = appPageUrl(session.current().generation);
    await expect(invoke('quarry:workspace.info', {})).resolves.toMatchObject({
      ok: true,
      value: { root: path.join(root, 'data'), notebook: 'other.ipynb' },
    });
  });

  it('does not run the operation for a refused sender', async () => {
    await expect(
      invoke(
        'quarry:notebook.save',
        { path: 'planted.ipynb', text: notebookText(), expectedMtimeMs: null, overwrite: true },
        { frameUrl: 'https://evil.example/' },
      ),
    ).rejects.toThrow(IpcRefusedError);
    await expect(invoke('quarry:notebook.open', { path: 'planted.ipynb' })).resolves.toMatchObject({
      ok: false,
      error: { kind: 'not-found' },
    });
  });
});

describe('IPC manager: unknown channels are refused', () => {
  it('Electron has no handler for a channel outside the contract', async () => {
    await expect(invoke('quarry:shell.exec', { command: 'rm -rf ~' })).rejects.toThrow(
      "No handler registered for 'quarry:shell.exec'",
    );
  });

  it.each([
    'quarry:shell.exec',
    'quarry:',
    'workspace.info',
    'other:workspace.info',
    'quarry:menu',
  ])('the manager itself refuses %s, whoever sends it', async (channel) => {
    const event = fakeInvokeEvent({ sender: window.webContents });
    await expect(manager.handle(channel, event, [{}])).rejects.toThrow(/refused: unknown channel/);
  });
});
