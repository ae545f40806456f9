/** Small response helpers shared by the server's routes. */
import type { ServerResponse } from 'node:http';

export function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  send(response, status, 'text/plain; charset=utf-8', text, headers);
}

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value), {
    'Cache-Control': 'no-store',
  });
}

/** Binary bodies (the `query.run` envelope, core/query/query-envelope.ts). */
export function sendBytes(response: ServerResponse, status: number, bytes: Uint8Array): void {
  send(response, status, 'application/octet-stream', bytes, { 'Cache-Control': 'no-store' });
}

export function sendHtml(response: ServerResponse, status: number, html: string): void {
  send(response, status, 'text/html; charset=utf-8', html, { 'Cache-Control': 'no-store' });
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Uint8Array,
  headers: Record<string, string>,
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  response.writeHead(status, {
    ...headers,
    'Content-Type': type,
    'Content-Length': String(bytes.length),
  });
  response.end(response.req.method === 'HEAD' ? undefined : bytes);
}
