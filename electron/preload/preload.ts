/**
 * The sandboxed preload: the only code with ipcRenderer, in a world of its own (contextIsolation).
 * It exposes `window.quarryHost` (host-api.ts) and nothing else; the page never sees ipcRenderer,
 * an IPC event object (which would hand it `event.sender`), or a channel of its choosing.
 * Bundled to CommonJS: a sandboxed preload may require 'electron' and nothing from disk.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createQuarryHostApi } from './host-api';

contextBridge.exposeInMainWorld(
  'quarryHost',
  createQuarryHostApi({
    invoke: (channel, request) => ipcRenderer.invoke(channel, request),
    subscribe(channel, listener) {
      const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => {
        ipcRenderer.removeListener(channel, forward);
      };
    },
  }),
);
