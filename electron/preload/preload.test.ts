import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { HOST_OPERATIONS } from '../../core/host-contract';
import { contextBridge, ipcRenderer, resetElectronFakes } from '../test/electron-mock';

vi.mock('electron', () => import('../test/electron-mock'));

afterEach(() => resetElectronFakes());

let name: unknown;
let api: Record<string, unknown>;

beforeAll(async () => {
  // Running the preload exposes its API once, as it does when a page loads.
  await import('./preload');
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const call = contextBridge.exposeInMainWorld.mock.calls[0];
  if (call === undefined) throw new Error('nothing was exposed');
  const [exposedName, exposedApi] = call as unknown[];
  if (typeof exposedApi !== 'object' || exposedApi === null) throw new Error('not an object');
  name = exposedName;
  api = { ...exposedApi };
});

describe('the preload', () => {
  it('exposes window.quarryHost only, with one method per operation and onMenuCommand', async () => {
    expect(name).toBe('quarryHost');
    expect(Object.keys(api).sort()).toEqual([...HOST_OPERATIONS, 'onMenuCommand'].sort());
  });

  it('calls ipcRenderer.invoke on the operation channel', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { paths: [] } });
    const method = api['recent.list'];
    if (typeof method !== 'function') throw new Error('no recent.list');
    await expect(method({})).resolves.toEqual({ paths: [] });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('quarry:recent.list', {});
  });

  it("hands menu commands over without Electron's event object", async () => {
    const subscribe = api.onMenuCommand;
    if (typeof subscribe !== 'function') throw new Error('no onMenuCommand');
    const listener = vi.fn();
    const unsubscribe: unknown = subscribe(listener);
    ipcRenderer.emit('quarry:menu', { sender: ipcRenderer }, { kind: 'run-all' });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ kind: 'run-all' });
    if (typeof unsubscribe === 'function') unsubscribe();
    expect(ipcRenderer.listenerCount('quarry:menu')).toBe(0);
  });
});
