/**
 * The IPC channels between main and preload: one per host operation. What travels on them is
 * core's: the request of the host contract, answered by a HostReply (core/host-failure.ts) that
 * the preload turns into the response or into the `{ error: { kind, message } }` rejection the
 * renderer shows, as browser mode's JSON does.
 */
import { isHostOperation, type HostOperation } from '../../core/host-contract';

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
