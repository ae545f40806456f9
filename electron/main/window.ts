/**
 * The app's window and the rules every web page of the app lives under (Electron's security
 * checklist, docs/desktop.md): the page runs sandboxed with context isolation and no Node; it
 * talks to the host only through the preload's `window.quarryHost`; it may not navigate away
 * from the app page, open windows, attach webviews, or load remote content.
 */
import { BrowserWindow, dialog, type WebContents, type WebPreferences } from 'electron';
import { pageGeneration } from '../shared/app-url';

/** The security-relevant preferences, spelled out even where they are Electron's defaults. */
export const MAIN_WINDOW_WEB_PREFERENCES = {
  // The preload and the page live in separate JavaScript worlds: the page sees only what
  // contextBridge exposes, never ipcRenderer or the preload's own objects.
  contextIsolation: true,
  // The renderer process runs in Chromium's OS sandbox; the preload may require only 'electron'.
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  // Same-origin policy stays on: notebook outputs must not read other origins.
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  // Dropping a file on the window must not navigate to it (it would leave the app page).
  navigateOnDragDrop: false,
  // Stops a page that spams alert() from locking the window.
  safeDialogs: true,
  spellcheck: false,
} as const satisfies WebPreferences;

const ourWindows = new Set<BrowserWindow>();

/** True for the webContents of a window this module created and that is still open. */
export function isOurWebContents(contents: WebContents): boolean {
  for (const window of ourWindows) {
    if (!window.isDestroyed() && window.webContents === contents) return !contents.isDestroyed();
  }
  return false;
}

/** The app page only: no data file, no other origin, no other scheme. */
export function isAllowedNavigation(url: string): boolean {
  return pageGeneration(url) !== null;
}

export type MainWindowOptions = {
  /** dist/electron/preload.cjs */
  preload: string;
  /** The app page, `appPageUrl(generation)`. */
  url: string;
};

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 640,
    minHeight: 400,
    title: 'Quarry',
    show: false,
    webPreferences: { ...MAIN_WINDOW_WEB_PREFERENCES, preload: options.preload },
  });
  ourWindows.add(window);
  window.on('closed', () => ourWindows.delete(window));
  window.once('ready-to-show', () => window.show());
  guardWebContents(window.webContents);
  confirmLeavingUnsavedWork(window);
  reloadAfterCrash(window);
  void window.loadURL(options.url);
  return window;
}

/** Navigation, new windows and webviews: denied for every page of the app. */
export function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * The renderer marks unsaved work with a `beforeunload` handler. Electron then cancels the
 * close or reload silently; ask the user instead, as a browser would.
 */
function confirmLeavingUnsavedWork(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Leave', 'Stay'],
      defaultId: 1,
      cancelId: 1,
      title: 'Unsaved changes',
      message: 'This notebook has unsaved changes.',
      detail: 'Leave without saving? Changes made since the last automatic recovery copy are lost.',
    });
    // preventDefault here means "ignore the page's beforeunload": the page goes.
    if (choice === 0) event.preventDefault();
  });
}

/** How soon after a reload a second death leaves the window down (no reload loop). */
export const RELOAD_AFTER_CRASH_WITHIN_MS = 60_000;

/**
 * A page whose process died (out of memory in the page itself, a crash) leaves an empty window:
 * load it again, and its recovery prompt offers the unsaved work that the autosave kept. The
 * kernel's frame runs in a process of its own; its death is the page's to notice (its heartbeat
 * stops, renderer/kernel/kernel-frame-handle.ts). A page that dies again soon after a reload
 * stays down, with a message, rather than dying in a loop.
 */
function reloadAfterCrash(window: BrowserWindow): void {
  let lastReload = -Infinity;
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    const now = Date.now();
    if (now - lastReload < RELOAD_AFTER_CRASH_WITHIN_MS) {
      dialog.showErrorBox(
        'Quarry stopped',
        `The window stopped again (${details.reason}) soon after it was reloaded, so it is left as it is. ` +
          'Close it and open the notebook again: its unsaved work is offered when it opens.',
      );
      return;
    }
    lastReload = now;
    window.webContents.reload();
  });
}
