/**
 * How the renderer reaches the host: in Electron the preload script exposes `window.quarryHost`
 * (one method per operation, over validated IPC); in browser mode, HTTP with the token.
 */
import { MENU_COMMAND_KINDS, parseMenuCommand, type MenuCommand } from '../../core/menu-command';
import type {
  HostClient,
  HostOperation,
  HostRequests,
  HostResponses,
} from '../../core/host-contract';

/**
 * `window.quarryHost` in the desktop app, as electron/preload/host-api.ts builds it: one method
 * per operation of the contract, and the native menu's commands. Declared here rather than
 * imported (the renderer never imports electron/); test/electron/bridge-parity.test.ts drives
 * this client through the real preload and IPC manager to keep the two in step.
 */
export type ElectronHostMethods = {
  readonly [K in HostOperation]: (request: HostRequests[K]) => Promise<HostResponses[K]>;
};

export type ElectronHostBridge = ElectronHostMethods & {
  /** Each menu command, unchecked (see parseMenuCommand); returns the unsubscribe function. */
  onMenuCommand(listener: (command: unknown) => void): () => void;
};

declare global {
  interface Window {
    quarryHost?: ElectronHostBridge;
  }
}

export { MENU_COMMAND_KINDS, parseMenuCommand, type MenuCommand };

export class HostCallError extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
    this.name = 'HostCallError';
  }
}

/** Browser mode: `POST /api/<operation>` with the token from the page's URL, in a header. */
export function createHttpHostClient(token: string | null): HostClient {
  return {
    async call(operation, request) {
      const response = await fetch(`/api/${operation}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { 'x-quarry-token': token } : {}),
        },
        body: JSON.stringify(request),
      });
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        const error = (body as { error?: { kind?: string; message?: string } } | null)?.error;
        throw new HostCallError(
          error?.kind ?? String(response.status),
          error?.message ?? `${operation} failed (${response.status})`,
        );
      }
      return body as HostResponses[typeof operation];
    },
  };
}

/**
 * Electron: each call goes to the operation's own method. The preload rejects with
 * `{ error: { kind, message } }`; anything else that rejects is reported as it is.
 */
export function createElectronHostClient(bridge: ElectronHostBridge): HostClient {
  const methods: ElectronHostMethods = bridge;
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
  const detail =
    typeof error === 'object' && error !== null && 'error' in error ? error.error : undefined;
  if (
    typeof detail === 'object' &&
    detail !== null &&
    'kind' in detail &&
    'message' in detail &&
    typeof detail.kind === 'string' &&
    typeof detail.message === 'string'
  )
    return new HostCallError(detail.kind, detail.message);
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
