/**
 * What the preload exposes to the page as `window.quarryHost`: one method per operation of the
 * host contract, generated from HOST_OPERATIONS (`quarryHost['notebook.open'](request)` invokes
 * `quarry:notebook.open`), and `onMenuCommand`. Nothing else: no ipcRenderer, no channel names
 * chosen by the page, no Node. Built from an injected transport so it is tested without Electron.
 *
 * A failure always rejects with `{ error: { kind, message } }`, the shape browser mode's API
 * answers with, whether the host refused the request or the IPC itself failed.
 */
import {
  HOST_OPERATIONS,
  type HostBridge,
  type HostOperation,
  type HostOperationMethods,
} from '../../core/host-contract';
import { isHostReply, type HostErrorKind, type HostFailure } from '../../core/host-failure';
import { channelOf, MENU_CHANNEL } from '../shared/ipc-protocol';

export type IpcTransport = {
  invoke(channel: string, request: unknown): Promise<unknown>;
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
};

export function createQuarryHostApi(transport: IpcTransport): HostBridge {
  const call = async (operation: HostOperation, request: unknown): Promise<unknown> => {
    let reply: unknown;
    try {
      reply = await transport.invoke(channelOf(operation), request);
    } catch (error) {
      throw failure(
        'internal',
        `${operation}: ${error instanceof Error ? error.message : 'IPC failed'}`,
      );
    }
    if (!isHostReply(reply))
      throw failure('internal', `${operation}: malformed reply from the host`);
    if (!reply.ok) throw failure(reply.error.kind, reply.error.message);
    return reply.value;
  };
  const methods = Object.fromEntries(
    HOST_OPERATIONS.map((operation) => [operation, (request: unknown) => call(operation, request)]),
  );
  return Object.freeze({
    // The main process answers each operation with its HostResponses type (the handlers are typed
    // so); the envelope around it is what this side checks.
    ...(methods as HostOperationMethods),
    onMenuCommand: (listener: (command: unknown) => void) =>
      transport.subscribe(MENU_CHANNEL, (payload) => listener(payload)),
  });
}

function failure(kind: HostErrorKind, message: string): HostFailure {
  return { error: { kind, message } };
}
