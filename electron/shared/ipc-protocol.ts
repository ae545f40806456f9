/**
 * The IPC channels between main and preload, and the envelope of a host reply. A handler's
 * error cannot cross `ipcRenderer.invoke` with its kind (Electron keeps only the message of a
 * thrown Error), so main answers with an envelope and the preload turns a failure into the
 * `{ error: { kind, message } }` rejection the renderer shows, as browser mode's JSON does.
 */
import { isHostOperation, type HostOperation } from '../../core/host-contract';
import { isJsonObject } from '../../core/json';

export const HOST_CHANNEL_PREFIX = 'quarry:';
/** Main → renderer: commands chosen in the native menu (see menu-command.ts). */
export const MENU_CHANNEL = 'quarry:menu';

export function channelOf(operation: HostOperation): string {
  return `${HOST_CHANNEL_PREFIX}${operation}`;
}

/** The operation a channel carries, or null for anything that is not one of ours. */
export function operationOfChannel(channel: unknown): HostOperation | null {
  if (typeof channel !== 'string' || !channel.startsWith(HOST_CHANNEL_PREFIX)) return null;
  const operation = channel.slice(HOST_CHANNEL_PREFIX.length);
  return isHostOperation(operation) ? operation : null;
}

/** The same kinds as host/operations/host-error.ts, plus what the transport itself can fail with. */
export type IpcErrorKind =
  'bad-request' | 'forbidden' | 'not-found' | 'conflict' | 'too-large' | 'internal';

export type IpcFailure = { error: { kind: IpcErrorKind; message: string } };

export type IpcReply = { ok: true; value: unknown } | ({ ok: false } & IpcFailure);

const ERROR_KINDS: ReadonlySet<string> = new Set<IpcErrorKind>([
  'bad-request',
  'forbidden',
  'not-found',
  'conflict',
  'too-large',
  'internal',
]);

export function isIpcErrorKind(value: unknown): value is IpcErrorKind {
  return typeof value === 'string' && ERROR_KINDS.has(value);
}

export function isIpcReply(value: unknown): value is IpcReply {
  if (typeof value !== 'object' || value === null) return false;
  if (!('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !('error' in value) || !isJsonObject(value.error)) return false;
  return isIpcErrorKind(value.error.kind) && typeof value.error.message === 'string';
}
