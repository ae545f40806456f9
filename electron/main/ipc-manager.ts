/**
 * The one IPC manager (DESIGN.md, "Processes and how they talk"): a `quarry:<operation>` channel
 * for each operation of the host contract, answered by the same handlers as browser mode's HTTP
 * API (host/operations/host-handlers.ts).
 *
 * Every message is checked before anything runs, because any frame with a preload could send:
 * the sender must be the top frame of one of our windows, showing the app page of the current
 * workspace generation (shared/app-url.ts). Anything else is refused by throwing, which the
 * sender sees as a failed invoke and nothing more. A payload is checked by the contract's
 * parseHostRequest (through dispatchHostRequest); the handlers' failures come back as
 * `{ ok: false, error: { kind, message } }` (shared/ipc-protocol.ts).
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { HOST_OPERATIONS } from '../../core/host-contract';
import { HostError } from '../../host/operations/host-error';
import { dispatchHostRequest, type HostHandlers } from '../../host/operations/host-handlers';
import { pageGeneration } from '../shared/app-url';
import { channelOf, operationOfChannel, type IpcReply } from '../shared/ipc-protocol';

export type IpcManagerOptions = {
  /** The current workspace's handlers and the generation of its app page. */
  workspace: () => { handlers: HostHandlers; generation: number };
  /** Whether a webContents belongs to one of the app's windows (window.ts). */
  isOurWebContents: (contents: WebContents) => boolean;
  /** Refusals and unexpected errors, with details; default stderr. */
  log?: (message: string) => void;
};

export type IpcManager = {
  /** What each registered channel runs; also the entry point the tests drive directly. */
  handle(channel: string, event: IpcMainInvokeEvent, args: readonly unknown[]): Promise<IpcReply>;
  /** Removes the channels (the app is quitting, or a test is done). */
  dispose(): void;
};

export class IpcRefusedError extends Error {
  override readonly name = 'IpcRefusedError';
}

export type SenderVerdict = { kind: 'trusted' } | { kind: 'refused'; reason: string };

export function registerIpcManager(options: IpcManagerOptions): IpcManager {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const manager: IpcManager = {
    async handle(channel, event, args) {
      const operation = operationOfChannel(channel);
      if (operation === null) throw refuse(log, channel, 'unknown channel');
      const verdict = checkSender(event, options);
      if (verdict.kind === 'refused') throw refuse(log, channel, verdict.reason);
      if (args.length !== 1) {
        return failure('bad-request', `${operation}: expected one request argument`);
      }
      try {
        const value = await dispatchHostRequest(options.workspace().handlers, operation, args[0]);
        return { ok: true, value };
      } catch (error) {
        if (error instanceof HostError) {
          if (error.kind === 'internal') log(describeInternal(operation, error));
          return failure(error.kind, error.message);
        }
        log(describeInternal(operation, error));
        return failure('internal', 'internal error');
      }
    },
    dispose() {
      for (const operation of HOST_OPERATIONS) ipcMain.removeHandler(channelOf(operation));
    },
  };
  for (const operation of HOST_OPERATIONS) {
    const channel = channelOf(operation);
    ipcMain.handle(channel, (event, ...args: unknown[]) => manager.handle(channel, event, args));
  }
  return manager;
}

/** Who sent this message, judged on the event alone (a payload may say anything). */
export function checkSender(
  event: IpcMainInvokeEvent,
  options: Pick<IpcManagerOptions, 'workspace' | 'isOurWebContents'>,
): SenderVerdict {
  if (!options.isOurWebContents(event.sender))
    return { kind: 'refused', reason: 'the sender is not a window of this app' };
  const frame = event.senderFrame;
  if (frame === null) return { kind: 'refused', reason: 'the sending frame is gone' };
  if (frame.parent !== null) return { kind: 'refused', reason: 'the sender is a subframe' };
  const generation = pageGeneration(frame.url);
  if (generation === null)
    return { kind: 'refused', reason: `the sender is not the app page (${shortUrl(frame.url)})` };
  if (generation !== options.workspace().generation)
    return { kind: 'refused', reason: 'the sender shows an earlier workspace' };
  return { kind: 'trusted' };
}

function failure(kind: HostError['kind'], message: string): IpcReply {
  return { ok: false, error: { kind, message } };
}

function refuse(log: (message: string) => void, channel: string, reason: string): IpcRefusedError {
  const message = `IPC ${JSON.stringify(channel.slice(0, 80))} refused: ${reason}`;
  log(`quarry: ${message}`);
  return new IpcRefusedError(message);
}

/** Enough of a URL to recognise it in a log, without a long query or fragment. */
function shortUrl(url: string): string {
  const cut = url.search(/[?#]/);
  const shown = cut === -1 ? url : url.slice(0, cut);
  return shown.length > 80 ? `${shown.slice(0, 77)}...` : shown;
}

function describeInternal(operation: string, error: unknown): string {
  const cause = error instanceof HostError && error.cause !== undefined ? error.cause : error;
  const detail = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
  return `quarry: ${operation} failed: ${detail}`;
}
