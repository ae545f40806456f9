import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempFolder } from '../../test/support/host-fixtures';
import { pagePolicy } from '../../host/serving/kernel-frame-policy';
import { CONTENT_SECURITY_POLICY } from '../../host/serving/security-headers';
import { appPageUrl } from '../shared/app-url';
import {
  asSession,
  asWebContents,
  dialog,
  FakeBrowserWindow,
  FakeEvent,
  resetElectronFakes,
  session,
} from '../test/electron-mock';
import { createAppRequestHandler } from './app-protocol';
import { isAllowedRequestUrl, secureSession } from './session-security';
import {
  createMainWindow,
  isAllowedNavigation,
  isOurWebContents,
  RELOAD_AFTER_CRASH_WITHIN_MS,
} from './window';

vi.mock('electron', () => import('../test/electron-mock'));

const url = appPageUrl(1);
let window: FakeBrowserWindow;

beforeEach(() => {
  createMainWindow({ preload: '/app/dist/electron/preload.cjs', url });
  const created = FakeBrowserWindow.created[0];
  if (created === undefined) throw new Error('no window was created');
  window = created;
});

afterEach(() => resetElectronFakes());

describe('the main window', () => {
  it('runs the page sandboxed, isolated, without Node, with web security', () => {
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      preload: '/app/dist/electron/preload.cjs',
    });
  });

  it('loads the app page from the app scheme, and nothing remote', () => {
    expect(window.webContents.loadURL).toHaveBeenCalledExactlyOnceWith(
      'quarry-app://app/index.html?generation=1',
    );
  });

  it('is one of ours until it closes', () => {
    const contents = asWebContents(window.webContents);
    expect(isOurWebContents(contents)).toBe(true);
    window.close();
    expect(isOurWebContents(contents)).toBe(false);
  });
});

describe('navigation is denied', () => {
  it.each([
    'https://evil.example/',
    'http://127.0.0.1:8888/?token=x',
    'file:///etc/passwd',
    'quarry-app://app/files/report.html',
    'quarry-app://other/index.html?generation=1',
    'quarry-app://kernel/index.html?generation=1',
    'javascript:alert(1)',
    'about:blank',
  ])('to %s', (target) => {
    for (const name of ['will-navigate', 'will-redirect']) {
      const event = new FakeEvent(target);
      window.webContents.emit(name, event);
      expect(event.defaultPrevented, name).toBe(true);
    }
  });

  it('except to the app page itself', () => {
    const event = new FakeEvent(appPageUrl(2));
    window.webContents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(false);
    expect(isAllowedNavigation('quarry-app://app/?generation=3')).toBe(true);
  });

  it('window.open is denied, whatever the URL', () => {
    const handler = window.webContents.windowOpenHandler;
    expect(handler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: appPageUrl(1) })).toEqual({ action: 'deny' });
  });

  it('webviews are not attached', () => {
    const event = new FakeEvent();
    window.webContents.emit('will-attach-webview', event);
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('a page whose process died', () => {
  afterEach(() => vi.useRealTimers());

  it('is loaded again (its recovery prompt offers the unsaved work)', () => {
    window.webContents.emit('render-process-gone', new FakeEvent(), { reason: 'oom' });
    expect(window.webContents.reload).toHaveBeenCalledOnce();
  });

  it('a clean exit is no death', () => {
    window.webContents.emit('render-process-gone', new FakeEvent(), { reason: 'clean-exit' });
    expect(window.webContents.reload).not.toHaveBeenCalled();
  });

  it('dying again soon after the reload leaves it down, saying so; later it reloads again', () => {
    vi.useFakeTimers();
    window.webContents.emit('render-process-gone', new FakeEvent(), { reason: 'crashed' });
    vi.advanceTimersByTime(RELOAD_AFTER_CRASH_WITHIN_MS - 1);
    window.webContents.emit('render-process-gone', new FakeEvent(), { reason: 'oom' });
    expect(window.webContents.reload).toHaveBeenCalledOnce();
    expect(dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith(
      'Quarry stopped',
      expect.stringContaining('(oom)'),
    );
    vi.advanceTimersByTime(2);
    window.webContents.emit('render-process-gone', new FakeEvent(), { reason: 'oom' });
    expect(window.webContents.reload).toHaveBeenCalledTimes(2);
  });
});

describe('leaving a page with unsaved work', () => {
  it('asks; "Stay" keeps the page', () => {
    dialog.showMessageBoxSync.mockReturnValueOnce(1);
    const event = new FakeEvent();
    window.webContents.emit('will-prevent-unload', event);
    expect(dialog.showMessageBoxSync).toHaveBeenCalledOnce();
    expect(event.defaultPrevented).toBe(false);
  });

  it('"Leave" lets it go', () => {
    dialog.showMessageBoxSync.mockReturnValueOnce(0);
    const event = new FakeEvent();
    window.webContents.emit('will-prevent-unload', event);
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('the page is served with the CSP', () => {
  it("the window's URL answers index.html with browser mode's policy and headers", async () => {
    const staticDir = await tempFolder('quarry-window-app-');
    await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Quarry</title>');
    await mkdir(path.join(staticDir, 'assets'));
    await writeFile(path.join(staticDir, 'assets', 'main.js'), 'export {};');
    const handle = createAppRequestHandler({ staticDir, workspaceRoot: () => staticDir });
    for (const target of [url, 'quarry-app://app/assets/main.js', 'quarry-app://app/missing']) {
      const response = await handle(new Request(target));
      expect(response.headers.get('content-security-policy'), target).toBe(
        pagePolicy(['quarry-app://kernel']),
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
    const page = await handle(new Request(url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Quarry</title>');
  });

  it("the policy allows only the app's own origin for scripts, connections and frames", () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });
});

describe('the session', () => {
  beforeEach(() => secureSession(asSession(session.defaultSession)));

  it('denies every permission request and check', () => {
    const callback = vi.fn();
    session.defaultSession.permissionRequestHandler?.({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    expect(session.defaultSession.permissionCheckHandler?.({}, 'clipboard-read')).toBe(false);
    expect(session.defaultSession.devicePermissionHandler?.({})).toBe(false);
  });

  it.each([
    ['https://cdn.example/lib.js', true],
    ['http://127.0.0.1:8080/', true],
    ['ws://127.0.0.1:9229/', true],
    ['file:///etc/passwd', true],
    ['quarry-app://app/index.html', false],
    ['quarry-app://app/files/data.csv', false],
    ['quarry-app://kernel/kernel-frame.html', false],
    ['quarry-app://kernel/files/data.csv', false],
    ['blob:quarry-app://app/1234', false],
    ['data:image/png;base64,AAAA', false],
  ])('a request to %s is cancelled: %s', (target, cancelled) => {
    const callback = vi.fn();
    session.defaultSession.beforeRequest?.({ url: target }, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith({ cancel: cancelled });
    expect(isAllowedRequestUrl(target)).toBe(!cancelled);
  });
});
