/**
 * How a host operation fails, alike over HTTP (browser mode) and IPC (the desktop app): the
 * envelope `{ error: { kind, message } }`, where `kind` is one of HOST_ERROR_KINDS and `message`
 * one line the UI can show. The host chooses the kind (host/operations/host-error.ts, which also
 * gives each its HTTP status); the renderer reads it back with `isHostFailure`.
 */
import { fields, isString, literal, either, type Guard } from './guards';

export const HOST_ERROR_KINDS = [
  'bad-request',
  'forbidden',
  'not-found',
  'conflict',
  'too-large',
  'internal',
] as const;

export type HostErrorKind = (typeof HOST_ERROR_KINDS)[number];

export type HostFailure = { error: { kind: HostErrorKind; message: string } };

/**
 * What the Electron main process answers an IPC call with. A thrown Error cannot cross
 * `ipcRenderer.invoke` with its kind (Electron keeps only its message), so a failure travels as
 * a value and the preload turns it back into the HostFailure rejection.
 */
export type HostReply = { ok: true; value: unknown } | ({ ok: false } & HostFailure);

export function isHostErrorKind(value: unknown): value is HostErrorKind {
  return (HOST_ERROR_KINDS as readonly unknown[]).includes(value);
}

const failureFields = {
  error: fields<HostFailure['error']>({ kind: isHostErrorKind, message: isString }),
};

export const isHostFailure: Guard<HostFailure> = fields<HostFailure>(failureFields);

export const isHostReply: Guard<HostReply> = either(
  fields<Extract<HostReply, { ok: true }>>({
    ok: literal(true),
    // The value's own type is the operation's response, which the handlers are typed to give.
    value: (value): value is unknown => value !== undefined,
  }),
  fields<Extract<HostReply, { ok: false }>>({ ok: literal(false), ...failureFields }),
);
