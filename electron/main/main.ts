/**
 * The desktop app's main process: one instance, one window, one workspace at a time.
 *
 *   electron dist/electron/main.cjs [NOTEBOOK.ipynb]
 *
 * Opens the notebook named on the command line, or else the sample (samples/churn.ipynb in
 * development; a user copy of the shipped samples when packaged). A notebook that cannot be read
 * is refused at once with its one-line reason and exit code 2, as `quarry serve` does. A second
 * start hands its notebook to the running instance and leaves.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, session as electronSession } from 'electron';
import { NotebookFileError, readNotebookFile } from '../../host/notebook-file';
import { appPageUrl } from '../shared/app-url';
import { appPaths } from './app-paths';
import { installAppProtocol, registerAppScheme } from './app-protocol';
import { notebookFromArgv } from './command-line';
import { registerIpcManager } from './ipc-manager';
import { installMenu } from './menu';
import {
  openFromDialog,
  openNotebook,
  saveAsFromDialog,
  sendMenuCommand,
} from './notebook-actions';
import { userSampleNotebook } from './packaged-samples';
import { secureSession } from './session-security';
import { createMainWindow, isOurWebContents } from './window';
import { createWorkspaceSession, type WorkspaceSession } from './workspace-session';

const paths = appPaths(__dirname);

// Both must happen before the app is ready: every renderer sandboxed, our scheme privileged.
app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Another Quarry is running; it receives our command line in 'second-instance'.
  app.quit();
} else {
  app.on('window-all-closed', () => {
    // macOS apps stay running without windows; 'activate' opens one again.
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail(`could not start: ${describe(error)}`));
}

async function start(): Promise<void> {
  const notebook = notebookFromArgv(process.argv, process.cwd()) ?? (await defaultNotebook());
  const problem = await unreadable(notebook);
  if (problem !== null) return fail(problem);

  const session = createWorkspaceSession({ notebook, queryProcessEntry: paths.queryProcess });
  app.on('will-quit', () => session.stop());
  secureSession(electronSession.defaultSession);
  installAppProtocol({
    staticDir: paths.staticDir,
    workspaceRoot: () => session.current().root,
  });
  registerIpcManager({ workspace: () => session.current(), isOurWebContents });

  let window = openWindow(session);
  /** The app's window, opened again if it was closed (macOS keeps running without one). */
  const current = (): BrowserWindow => {
    if (window.isDestroyed()) window = openWindow(session);
    return window;
  };
  const report = (error: unknown): void => {
    process.stderr.write(`quarry: ${describe(error)}\n`);
    dialog.showErrorBox('Quarry', error instanceof Error ? error.message : String(error));
  };

  installMenu({
    dev: !app.isPackaged,
    platform: process.platform,
    actions: {
      send: (command) => sendMenuCommand(current(), command),
      open: () => void openFromDialog(current(), session).catch(report),
      saveAs: () => void saveAsFromDialog(current(), session).catch(report),
    },
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const target = current();
    if (target.isMinimized()) target.restore();
    target.focus();
    const named = notebookFromArgv(argv, workingDirectory);
    if (named !== null) void openNotebook(target, session, named).catch(report);
  });
  app.on('activate', () => void current());
}

function openWindow(session: WorkspaceSession): BrowserWindow {
  return createMainWindow({
    preload: paths.preload,
    url: appPageUrl(session.current().generation),
  });
}

async function defaultNotebook(): Promise<string> {
  if (!app.isPackaged) return paths.sampleNotebook;
  return userSampleNotebook(
    path.join(process.resourcesPath, 'samples'),
    path.join(app.getPath('userData'), 'samples'),
  );
}

/** The one-line reason a notebook cannot be opened, or null when it can. */
async function unreadable(notebook: string): Promise<string | null> {
  try {
    await readNotebookFile(notebook);
    return null;
  } catch (error) {
    if (error instanceof NotebookFileError) return error.message;
    throw error;
  }
}

function fail(reason: string): void {
  process.stderr.write(`quarry: ${reason}\n`);
  dialog.showErrorBox('Quarry cannot start', reason);
  app.exit(2);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
