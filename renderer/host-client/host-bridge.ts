/**
 * How the renderer reaches the host: in Electron the preload script exposes `window.quarryHost`
 * (one method per operation, over validated IPC); in browser mode, HTTP with the token.
 */
import { MENU_COMMAND_KINDS, parseMenuCommand, type MenuCommand } from '../../core/menu-command';
import type {
  HostBridge,
  HostClient,
  HostOperation,
  HostOperationMethods,
  HostRequests,
  HostResponses,
} from '../../core/host-contract';
import { isHostFailure, type HostErrorKind } from '../../core/host-failure';
import { isHostQueryReply } from '../../core/query/host-query';
import { decodeQueryReply, encodeQueryRun } from '../../core/query/query-envelope';

declare global {
  interface Window {
    /** The desktop app's bridge; test/electron/bridge-parity.test.ts drives it end to end. */
    quarryHost?: HostBridge;
  }
}

export { MENU_COMMAND_KINDS, parseMenuCommand, type MenuCommand };

export class HostCallError extends Error {
  constructor(
    readonly kind: HostErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'HostCallError';
  }
}

/**
 * Browser mode: `POST /api/<operation>` with the token from the page's URL, in a header. JSON
 * both ways, but for `query.run`, whose Arrow bytes travel in a binary envelope
 * (core/query/query-envelope.ts); failures are JSON for every operation.
 */
export function createHttpHostClient(token: string | null): HostClient {
  const post = (operation: HostOperation, type: string, body: string | Uint8Array<ArrayBuffer>) =>
    fetch(`/api/${operation}`, {
      method: 'POST',
      headers: { 'content-type': type, ...(token ? { 'x-quarry-token': token } : {}) },
      body,
    });
  const failed = async (operation: HostOperation, response: Response) => {
    const body: unknown = await response.json().catch(() => null);
    // Anything but the host's own envelope (a proxy's page, a cut-off body) is 'internal'.
    if (isHostFailure(body)) return new HostCallError(body.error.kind, body.error.message);
    return new HostCallError('internal', `${operation} failed (${response.status})`);
  };
  const runQuery = async (request: HostRequests['query.run']) => {
    const response = await post('query.run', 'application/octet-stream', encodeQueryRun(request));
    if (!response.ok) throw await failed('query.run', response);
    const malformed = new HostCallError(
      'internal',
      'query.run: the host answered with a malformed reply',
    );
    let reply: unknown;
    try {
      reply = decodeQueryReply(new Uint8Array(await response.arrayBuffer()));
    } catch {
      // A cut-off or foreign body: its envelope does not hold together.
      throw malformed;
    }
    if (!isHostQueryReply(reply)) throw malformed;
    return reply;
  };
  return {
    async call(operation, request) {
      if (isQueryRun(operation, request))
        return (await runQuery(request)) as HostResponses[typeof operation];
      const response = await post(operation, 'application/json', JSON.stringify(request));
      if (!response.ok) throw await failed(operation, response);
      return (await response.json()) as HostResponses[typeof operation];
    },
  };
}

function isQueryRun(
  operation: HostOperation,
  _request: unknown,
): _request is HostRequests['query.run'] {
  return operation === 'query.run';
}

/**
 * Electron: each call goes to the operation's own method. The preload rejects with
 * `{ error: { kind, message } }`; anything else that rejects is reported as it is.
 */
export function createElectronHostClient(bridge: HostBridge): HostClient {
  const methods: HostOperationMethods = bridge;
  return {
    async call(operation, request) {
      const method: (
        request: HostRequests[typeof operation],
      ) => Promise<HostResponses[typeof operation]> = methods[operation];
      try {
        return await method(request);
      } catch (error) {
        throw toHostCallError(operation, error);
      }
    },
  };
}

function toHostCallError(operation: HostOperation, error: unknown): HostCallError {
  if (isHostFailure(error)) return new HostCallError(error.error.kind, error.error.message);
  return new HostCallError(
    'internal',
    error instanceof Error ? error.message : `${operation} failed`,
  );
}

/**
 * Listens for the native menu's commands (desktop app only; in a browser there is no native
 * menu and this does nothing). Malformed messages are dropped. Returns the unsubscribe function.
 */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  const bridge = window.quarryHost;
  if (!bridge) return () => undefined;
  return bridge.onMenuCommand((value) => {
    const command = parseMenuCommand(value);
    if (command !== null) listener(command);
  });
}

export function createHostClient(): HostClient {
  const bridge = window.quarryHost;
  if (bridge) return createElectronHostClient(bridge);
  return createHttpHostClient(new URLSearchParams(location.search).get('token'));
}
