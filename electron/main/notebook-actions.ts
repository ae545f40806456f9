/**
 * What File › Open…, File › Save As… and a notebook named by a second instance do. A notebook
 * inside the workspace is opened by the renderer itself (a menu command with its relative path);
 * one outside makes its folder the workspace, as the user chose it explicitly, and the app page
 * is loaded again for that workspace (the renderer asks `workspace.info` for what to open). A
 * page with unsaved work first asks the user (window.ts); if they stay, the switch is undone.
 */
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { NotebookFileError, readNotebookFile } from '../../host/notebook-file';
import { appPageUrl, pageGeneration } from '../shared/app-url';
import { MENU_CHANNEL } from '../shared/ipc-protocol';
import type { MenuCommand } from '../../core/menu-command';
import { chooseNotebookToOpen, chooseSaveAsPath, showProblem } from './dialogs';
import { isNotebookName, locateNotebook } from './notebook-location';
import type { WorkspaceSession } from './workspace-session';

export function sendMenuCommand(window: BrowserWindow, command: MenuCommand): void {
  if (!window.isDestroyed()) window.webContents.send(MENU_CHANNEL, command);
}

export async function openFromDialog(
  window: BrowserWindow,
  session: WorkspaceSession,
): Promise<void> {
  const chosen = await chooseNotebookToOpen(window, session.current().root);
  if (chosen !== null) await openNotebook(window, session, chosen);
}

/** Opens `chosen` (absolute), switching the workspace when it lies outside the current one. */
export async function openNotebook(
  window: BrowserWindow,
  session: WorkspaceSession,
  chosen: string,
): Promise<void> {
  if (!isNotebookName(chosen)) {
    await showProblem(window, 'Quarry opens Jupyter notebooks (.ipynb) only.', chosen);
    return;
  }
  try {
    await readNotebookFile(chosen);
  } catch (error) {
    if (!(error instanceof NotebookFileError)) throw error;
    await showProblem(window, 'This notebook cannot be opened.', error.message);
    return;
  }
  const location = await locateNotebook(session.current().root, chosen);
  switch (location.kind) {
    case 'inside':
      sendMenuCommand(window, { kind: 'open-notebook', path: location.relative });
      return;
    case 'outside':
      await switchWorkspace(window, session, location.absolute);
      return;
  }
}

async function switchWorkspace(
  window: BrowserWindow,
  session: WorkspaceSession,
  notebook: string,
): Promise<void> {
  const previous = session.current();
  const next = session.switchTo(notebook);
  try {
    await window.webContents.loadURL(appPageUrl(next.generation));
  } catch {
    // The load did not happen: the user chose to stay with unsaved work, or it failed. If the
    // page still shows the previous workspace, that workspace is the current one again.
    if (
      !window.isDestroyed() &&
      pageGeneration(window.webContents.getURL()) === previous.generation
    )
      session.restore(previous);
  }
}

/**
 * Save As… stays inside the workspace: the host writes only there (its guard), and the renderer
 * names files relative to it. A place outside is explained rather than silently refused.
 */
export async function saveAsFromDialog(
  window: BrowserWindow,
  session: WorkspaceSession,
): Promise<void> {
  const workspace = session.current();
  const suggested = path.join(workspace.root, workspace.notebook ?? 'Untitled.ipynb');
  const chosen = await chooseSaveAsPath(window, suggested);
  if (chosen === null) return;
  const location = await locateNotebook(workspace.root, chosen);
  switch (location.kind) {
    case 'inside':
      sendMenuCommand(window, { kind: 'save-as', path: location.relative });
      return;
    case 'outside':
      await showProblem(
        window,
        'Save As… saves inside the workspace folder.',
        `The workspace is ${workspace.root}. To work in another folder, open a notebook there with File › Open….`,
      );
      return;
  }
}
