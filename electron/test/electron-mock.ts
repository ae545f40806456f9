/**
 * Electron, faked in this one place for the shell's unit tests (Electron's binary is not on the
 * build machines, and unit tests should not need it anyway). A test file mocks the module with
 *
 *   vi.mock('electron', () => import('../test/electron-mock'));
 *
 * and imports the fakes and helpers from here. The fakes do what the code under test relies on
 * and record what it did; `resetElectronFakes()` in afterEach starts the next test clean.
 */
import { EventEmitter } from 'node:events';
import type {
  BrowserWindowConstructorOptions,
  IpcMainInvokeEvent,
  MenuItemConstructorOptions,
  Session,
  WebContents,
} from 'electron';
import { vi } from 'vitest';

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeFrame {
  constructor(
    public url: string,
    readonly parent: FakeFrame | null = null,
  ) {}
}

/** An Electron-style event: `preventDefault()` and the fields the listener reads. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let nextWebContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly mainFrame = new FakeFrame('');
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  destroyed = false;
  /** Resolves and shows `url`, like a load that finished; tests may replace it. */
  readonly loadURL = vi.fn(async (url: string): Promise<void> => {
    this.mainFrame.url = url;
  });
  readonly reload = vi.fn();

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

const openWindows = new Set<FakeBrowserWindow>();

export class FakeBrowserWindow extends EventEmitter {
  static readonly created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  private destroyed = false;

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.created.push(this);
    openWindows.add(this);
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return [...openWindows];
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  close(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    openWindows.delete(this);
    this.emit('closed');
  }
}

class FakeIpcMain {
  readonly handlers = new Map<string, InvokeListener>();

  handle(channel: string, listener: InvokeListener): void {
    // Electron refuses a second handler for a channel; so does the fake.
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What `ipcRenderer.invoke(channel, ...args)` from `event`'s frame reaches. */
  async invoke(channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (listener === undefined) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, ...args);
  }
}

class FakeSession {
  permissionRequestHandler: ((...args: unknown[]) => void) | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | null = null;
  beforeRequest:
    | ((details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void)
    | null = null;
  readonly webRequest = {
    onBeforeRequest: (listener: FakeSession['beforeRequest']): void => {
      this.beforeRequest = listener;
    },
  };
  setPermissionRequestHandler(handler: (...args: unknown[]) => void): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: (...args: unknown[]) => boolean): void {
    this.devicePermissionHandler = handler;
  }
}

/** A forked utility process: records what it is sent; tests answer for it and make it exit. */
export class FakeUtilityProcess extends EventEmitter {
  static readonly forked: FakeUtilityProcess[] = [];
  readonly sent: unknown[] = [];
  killed = false;

  constructor(
    readonly modulePath: string,
    readonly options: unknown,
  ) {
    super();
  }

  postMessage(message: unknown): void {
    // What crosses a process boundary is a copy.
    this.sent.push(structuredClone(message));
  }

  kill(): boolean {
    this.killed = true;
    return true;
  }

  /** The process answers the main process. */
  answer(message: unknown): void {
    this.emit('message', structuredClone(message));
  }
}
export const utilityProcess = {
  fork: vi.fn((modulePath: string, _args?: string[], options?: unknown) => {
    const child = new FakeUtilityProcess(modulePath, options);
    FakeUtilityProcess.forked.push(child);
    return child;
  }),
};

export const ipcMain = new FakeIpcMain();
export const BrowserWindow = FakeBrowserWindow;
export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
};
export const session = { defaultSession: new FakeSession() };
export const dialog = {
  showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] as string[] })),
  showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })),
  showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
  /** 1 is "Stay" in window.ts's unsaved-work question. */
  showMessageBoxSync: vi.fn(() => 1),
  showErrorBox: vi.fn(),
};
export const Menu = {
  buildFromTemplate: vi.fn((template: MenuItemConstructorOptions[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};
class FakeApp extends EventEmitter {
  isPackaged = false;
  /** What requestSingleInstanceLock answers: false means another instance runs. */
  singleInstance = true;
  readonly enableSandbox = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => this.singleInstance);
  readonly whenReady = vi.fn(async (): Promise<void> => undefined);
  readonly getPath = vi.fn((name: string) => `/fake/${name}`);
  readonly quit = vi.fn();
  readonly exit = vi.fn();
}
export const app = new FakeApp();

export const contextBridge = { exposeInMainWorld: vi.fn() };

class FakeIpcRenderer extends EventEmitter {
  /** Answers like the main process would; tests set what it resolves to. */
  readonly invoke = vi.fn(
    async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined,
  );
}
export const ipcRenderer = new FakeIpcRenderer();

/** Closes every fake window and forgets handlers and calls, for the next test. */
export function resetElectronFakes(): void {
  for (const window of FakeBrowserWindow.getAllWindows()) window.close();
  FakeBrowserWindow.created.length = 0;
  FakeUtilityProcess.forked.length = 0;
  ipcMain.handlers.clear();
  session.defaultSession = new FakeSession();
  ipcRenderer.removeAllListeners();
  app.removeAllListeners();
  app.singleInstance = true;
  vi.clearAllMocks();
}

export type FakeSender = {
  /** The webContents that sent the message (default: a fresh one, not any window's). */
  sender?: FakeWebContents;
  /** The sending frame's URL (default: the sender's main frame). */
  frameUrl?: string;
  /** The frame is a subframe of the page. */
  subframe?: boolean;
  /** The frame has navigated away or been destroyed (Electron gives null then). */
  frameGone?: boolean;
};

/** An invoke event as Electron would deliver it from the described frame. */
export function fakeInvokeEvent(from: FakeSender = {}): IpcMainInvokeEvent {
  const sender = from.sender ?? new FakeWebContents();
  const top = sender.mainFrame;
  const frame = from.frameGone
    ? null
    : from.subframe
      ? new FakeFrame(from.frameUrl ?? top.url, top)
      : from.frameUrl === undefined
        ? top
        : new FakeFrame(from.frameUrl);
  const event = { sender, senderFrame: frame, frameId: 1, processId: 1, type: 'frame' };
  // The fakes cover what the manager reads; the rest of Electron's event is never touched.
  return event as unknown as IpcMainInvokeEvent;
}

/** A fake's webContents, typed as Electron's for code that takes one. */
export function asWebContents(contents: FakeWebContents): WebContents {
  return contents as unknown as WebContents;
}

/** The fake default session, typed as Electron's for code that takes one. */
export function asSession(fake: FakeSession): Session {
  return fake as unknown as Session;
}
