/**
 * `query.run` over HTTP (browser mode) without base64: one binary body holding a JSON header
 * and the bytes of the request's or the result's `ipc` (an Arrow IPC stream, up to hundreds of
 * MB). Layout: the header's length (4 bytes, big-endian), the header (JSON of the value with its
 * `ipc` field removed), then the bytes. The header is written in ASCII (other characters as
 * `\uXXXX` escapes, still JSON), so neither side needs a text codec.
 *
 * Decoding gives `unknown`: whoever receives it checks it (parseHostRequest, isHostQueryReply).
 */
import type { HostRequests, HostResponses } from '../host-contract';
import { isRecord } from '../guards';

export class QueryEnvelopeError extends Error {
  override readonly name = 'QueryEnvelopeError';
}

const LENGTH_BYTES = 4;

/** `header` as JSON, then `body`. */
export function encodeEnvelope(header: unknown, body: Uint8Array): Uint8Array<ArrayBuffer> {
  const json = JSON.stringify(header).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const bytes = new Uint8Array(LENGTH_BYTES + json.length + body.length);
  new DataView(bytes.buffer).setUint32(0, json.length);
  for (let i = 0; i < json.length; i++) bytes[LENGTH_BYTES + i] = json.charCodeAt(i);
  bytes.set(body, LENGTH_BYTES + json.length);
  return bytes;
}

/** The header and the body (a view into `bytes`, not a copy). Throws QueryEnvelopeError. */
export function decodeEnvelope(bytes: Uint8Array): { header: unknown; body: Uint8Array } {
  if (bytes.length < LENGTH_BYTES)
    throw new QueryEnvelopeError('the query envelope is shorter than its length field');
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  const end = LENGTH_BYTES + length;
  if (end > bytes.length)
    throw new QueryEnvelopeError(
      `the query envelope's header claims ${length} bytes; only ${bytes.length - LENGTH_BYTES} follow`,
    );
  let json = '';
  // In slices: String.fromCharCode takes its bytes as arguments, and arguments are limited.
  for (let at = LENGTH_BYTES; at < end; at += 0x8000)
    json += String.fromCharCode(...bytes.subarray(at, Math.min(end, at + 0x8000)));
  let header: unknown;
  try {
    header = JSON.parse(json);
  } catch {
    throw new QueryEnvelopeError("the query envelope's header is not valid JSON");
  }
  return { header, body: bytes.subarray(end) };
}

/** A `query.run` request; a `copy` request's rows travel as the body. */
export function encodeQueryRun(payload: HostRequests['query.run']): Uint8Array<ArrayBuffer> {
  const { request } = payload;
  if (request.kind !== 'copy') return encodeEnvelope(payload, new Uint8Array(0));
  const { ipc, ...rest } = request;
  return encodeEnvelope({ request: rest }, ipc);
}

/** The payload of a `query.run` request, unchecked; a `copy` request gets its `ipc` back. */
export function decodeQueryRun(bytes: Uint8Array): unknown {
  const { header, body } = decodeEnvelope(bytes);
  if (isRecord(header) && isRecord(header.request) && header.request.kind === 'copy')
    return { ...header, request: { ...header.request, ipc: body } };
  return header;
}

/** A `query.run` reply; a result's rows travel as the body. */
export function encodeQueryReply(reply: HostResponses['query.run']): Uint8Array<ArrayBuffer> {
  if (!reply.ok) return encodeEnvelope(reply, new Uint8Array(0));
  const { ipc, ...rest } = reply.result;
  return encodeEnvelope({ ok: true, result: rest }, ipc);
}

/** A `query.run` reply, unchecked; a result gets its `ipc` back. */
export function decodeQueryReply(bytes: Uint8Array): unknown {
  const { header, body } = decodeEnvelope(bytes);
  if (isRecord(header) && header.ok === true && isRecord(header.result))
    return { ...header, result: { ...header.result, ipc: body } };
  return header;
}
