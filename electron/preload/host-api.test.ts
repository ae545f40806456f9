import { describe, expect, it, vi } from 'vitest';
import { HOST_OPERATIONS } from '../../core/host-contract';
import { createQuarryHostApi, type IpcTransport } from './host-api';

function transport(reply: (channel: string, request: unknown) => Promise<unknown>): IpcTransport & {
  listeners: Map<string, (payload: unknown) => void>;
} {
  const listeners = new Map<string, (payload: unknown) => void>();
  return {
    listeners,
    invoke: vi.fn(reply),
    subscribe(channel, listener) {
      listeners.set(channel, listener);
      return () => listeners.delete(channel);
    },
  };
}

describe('window.quarryHost', () => {
  it('has one method per operation of the contract, and onMenuCommand, nothing else', () => {
    const api = createQuarryHostApi(transport(async () => ({ ok: true, value: {} })));
    expect(Object.keys(api).sort()).toEqual([...HOST_OPERATIONS, 'onMenuCommand'].sort());
    for (const key of Object.keys(api)) expect(typeof Reflect.get(api, key)).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('invokes quarry:<operation> with the request and resolves with the value', async () => {
    const ipc = transport(async () => ({ ok: true, value: { root: '/w', notebook: 'a.ipynb' } }));
    const api = createQuarryHostApi(ipc);
    await expect(api['workspace.info']({})).resolves.toEqual({ root: '/w', notebook: 'a.ipynb' });
    await api['notebook.open']({ path: 'a.ipynb' });
    expect(ipc.invoke).toHaveBeenNthCalledWith(1, 'quarry:workspace.info', {});
    expect(ipc.invoke).toHaveBeenNthCalledWith(2, 'quarry:notebook.open', { path: 'a.ipynb' });
  });

  it("rejects with the host's { error: { kind, message } }", async () => {
    const api = createQuarryHostApi(
      transport(async () => ({ ok: false, error: { kind: 'forbidden', message: 'no' } })),
    );
    await expect(api['notebook.open']({ path: '../x' })).rejects.toEqual({
      error: { kind: 'forbidden', message: 'no' },
    });
  });

  it('a refused or failed invoke rejects in the same shape', async () => {
    const api = createQuarryHostApi(
      transport(async () => {
        throw new Error("Error invoking remote method 'quarry:workspace.info': refused");
      }),
    );
    await expect(api['workspace.info']({})).rejects.toEqual({
      error: {
        kind: 'internal',
        message: "workspace.info: Error invoking remote method 'quarry:workspace.info': refused",
      },
    });
  });

  it.each([
    undefined,
    null,
    'ok',
    { ok: true },
    { ok: false, error: { kind: 'odd', message: 'x' } },
  ])('a malformed reply (%j) is an internal error', async (reply) => {
    const api = createQuarryHostApi(transport(async () => reply));
    await expect(api['recent.list']({})).rejects.toEqual({
      error: { kind: 'internal', message: 'recent.list: malformed reply from the host' },
    });
  });

  it('onMenuCommand listens on quarry:menu, passes the payload only, and unsubscribes', () => {
    const ipc = transport(async () => ({ ok: true, value: {} }));
    const api = createQuarryHostApi(ipc);
    const listener = vi.fn();
    const unsubscribe = api.onMenuCommand(listener);
    ipc.listeners.get('quarry:menu')?.({ kind: 'save' });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ kind: 'save' });
    unsubscribe();
    expect(ipc.listeners.has('quarry:menu')).toBe(false);
  });
});
