import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { notebookText, tempFolder } from '../../test/support/host-fixtures';
import { appPageUrl } from '../shared/app-url';
import { dialog, FakeBrowserWindow, resetElectronFakes } from '../test/electron-mock';
import { openFromDialog, openNotebook, saveAsFromDialog } from './notebook-actions';
import { createMainWindow } from './window';
import { createWorkspaceSession, type WorkspaceSession } from './workspace-session';

vi.mock('electron', () => import('../test/electron-mock'));

let root: string;
let elsewhere: string;
let session: WorkspaceSession;
let window: BrowserWindow;
let fake: FakeBrowserWindow;

beforeEach(async () => {
  root = await tempFolder('quarry-actions-');
  elsewhere = await tempFolder('quarry-actions-else-');
  await writeFile(path.join(root, 'main.ipynb'), notebookText());
  await mkdir(path.join(root, 'sub'));
  await writeFile(path.join(root, 'sub', 'other.ipynb'), notebookText());
  await writeFile(path.join(elsewhere, 'far.ipynb'), notebookText());
  await writeFile(path.join(root, 'broken.ipynb'), '{ not json');
  session = createWorkspaceSession({
    queryProcessEntry: '/app/dist/electron/query-process.cjs',
    notebook: path.join(root, 'main.ipynb'),
    stateDir: await tempFolder('quarry-actions-state-'),
  });
  window = createMainWindow({ preload: '/p.cjs', url: appPageUrl(session.current().generation) });
  const created = FakeBrowserWindow.created[0];
  if (created === undefined) throw new Error('no window');
  fake = created;
});

afterEach(() => resetElectronFakes());

describe('opening a notebook', () => {
  it('inside the workspace: the renderer is told to open it by its relative path', async () => {
    await openNotebook(window, session, path.join(root, 'sub', 'other.ipynb'));
    expect(fake.webContents.sent).toEqual([
      { channel: 'quarry:menu', args: [{ kind: 'open-notebook', path: 'sub/other.ipynb' }] },
    ]);
    expect(session.current().root).toBe(root);
  });

  it('outside: its folder becomes the workspace and the page loads for it', async () => {
    await openNotebook(window, session, path.join(elsewhere, 'far.ipynb'));
    expect(session.current()).toMatchObject({
      root: elsewhere,
      notebook: 'far.ipynb',
      generation: 2,
    });
    expect(fake.webContents.loadURL).toHaveBeenLastCalledWith(appPageUrl(2));
    expect(fake.webContents.sent).toEqual([]);
  });

  it('outside, but the user stays on unsaved work: the workspace is the previous one again', async () => {
    fake.webContents.loadURL.mockRejectedValueOnce(new Error('ERR_ABORTED (-3)'));
    await openNotebook(window, session, path.join(elsewhere, 'far.ipynb'));
    expect(session.current()).toMatchObject({ root, generation: 1 });
  });

  it('a file that is not a notebook is explained, nothing changes', async () => {
    await openNotebook(window, session, path.join(root, 'broken.ipynb'));
    await openNotebook(window, session, path.join(root, 'data.csv'));
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(2);
    expect(fake.webContents.sent).toEqual([]);
    expect(session.current().generation).toBe(1);
  });

  it('File › Open… asks for .ipynb files, starting in the workspace', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({
      canceled: false,
      filePaths: [path.join(root, 'sub', 'other.ipynb')],
    });
    await openFromDialog(window, session);
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        defaultPath: root,
        filters: [{ name: 'Jupyter notebooks', extensions: ['ipynb'] }],
      }),
    );
    expect(fake.webContents.sent).toHaveLength(1);
  });

  it('File › Open… cancelled does nothing', async () => {
    await openFromDialog(window, session);
    expect(fake.webContents.sent).toEqual([]);
  });
});

describe('Save As…', () => {
  it('inside the workspace: the renderer saves under the relative path, .ipynb added', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: path.join(root, 'sub', 'copy'),
    });
    await saveAsFromDialog(window, session);
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ defaultPath: path.join(root, 'main.ipynb') }),
    );
    expect(fake.webContents.sent).toEqual([
      { channel: 'quarry:menu', args: [{ kind: 'save-as', path: 'sub/copy.ipynb' }] },
    ]);
  });

  it('outside the workspace: explained, nothing saved', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: path.join(elsewhere, 'copy.ipynb'),
    });
    await saveAsFromDialog(window, session);
    expect(dialog.showMessageBox).toHaveBeenCalledOnce();
    expect(fake.webContents.sent).toEqual([]);
  });
});
