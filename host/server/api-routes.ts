/**
 * `POST /api/<operation>`: the host contract over HTTP. The body is the request as JSON, the
 * response the result as JSON; a failure is `{ error: { kind, message } }` with the status of
 * its kind (host-error.ts). Unknown operation → 404, another method → 405, a body past the
 * limit → 413.
 *
 * `query.run` carries Arrow bytes both ways (a `copy` request's rows, a result's rows), so its
 * request and its answer are `application/octet-stream` envelopes (core/query/query-envelope.ts)
 * instead of JSON; its failures (a refused or failed query is a reply, not an error) too.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isHostOperation, type HostOperation } from '../../core/host-contract';
import {
  decodeQueryRun,
  encodeQueryReply,
  QueryEnvelopeError,
} from '../../core/query/query-envelope';
import { dispatchHostRequest, type HostHandlers } from '../operations/host-handlers';
import type { HostErrorKind, HostFailure } from '../../core/host-failure';
import { HostError, httpStatusOf } from '../operations/host-error';
import { sendBytes, sendJson } from './http-util';
import { readBody } from './request-body';

export const API_PREFIX = '/api/';

/** Requests of the app stay small; 256 MiB leaves room for a notebook full of outputs. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024 * 1024;

export type ApiOptions = {
  handlers: HostHandlers;
  maxBodyBytes: number;
  /** Where errors nobody expected are reported (the terminal), with their details. */
  log: (message: string) => void;
};

/** `rawOperation` is the URL path after `/api/`. */
export async function serveApi(
  request: IncomingMessage,
  response: ServerResponse,
  rawOperation: string,
  options: ApiOptions,
): Promise<void> {
  if (request.method !== 'POST') {
    response.setHeader('Allow', 'POST');
    sendError(response, 405, 'bad-request', 'the host API takes POST requests');
    return;
  }
  if (!isHostOperation(rawOperation)) {
    sendError(response, 404, 'not-found', `unknown operation "${rawOperation.slice(0, 80)}"`);
    return;
  }
  const body = await readBody(request, options.maxBodyBytes);
  if (body.kind === 'too-large') {
    // Stop reading; the connection is closed once the answer is out.
    response.setHeader('Connection', 'close');
    sendError(response, 413, 'too-large', `the request is over ${options.maxBodyBytes} bytes`);
    request.resume();
    return;
  }
  let payload: unknown;
  try {
    payload = parsePayload(rawOperation, body.bytes);
  } catch (error) {
    const problem =
      error instanceof QueryEnvelopeError ? error.message : 'the body is not valid JSON';
    sendError(response, 400, 'bad-request', `${rawOperation}: ${problem}`);
    return;
  }
  try {
    if (rawOperation === 'query.run') {
      const reply = await dispatchHostRequest(options.handlers, rawOperation, payload);
      sendBytes(response, 200, encodeQueryReply(reply));
    } else
      sendJson(response, 200, await dispatchHostRequest(options.handlers, rawOperation, payload));
  } catch (error) {
    const failure =
      error instanceof HostError ? error : new HostError('internal', 'internal error');
    if (failure.kind === 'internal') options.log(describeInternal(rawOperation, error));
    sendError(response, httpStatusOf(failure.kind), failure.kind, failure.message);
  }
}

/** The request: an envelope for `query.run`, JSON (an empty body is `{}`) for the rest. */
function parsePayload(operation: HostOperation, bytes: Buffer): unknown {
  if (operation === 'query.run') return decodeQueryRun(bytes);
  const text = bytes.toString('utf8');
  return text.trim() === '' ? {} : JSON.parse(text);
}

function sendError(
  response: ServerResponse,
  status: number,
  kind: HostErrorKind,
  message: string,
): void {
  const failure: HostFailure = { error: { kind, message } };
  sendJson(response, status, failure);
}

function describeInternal(operation: string, error: unknown): string {
  const cause = error instanceof HostError && error.cause !== undefined ? error.cause : error;
  const detail = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
  return `quarry serve: ${operation} failed: ${detail}`;
}
