/**
 * Browser mode's side of host/serving/ranged-file.ts: the same range-aware `Response`, written
 * to Node's `ServerResponse`, so both modes answer a file request alike.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { fileResponse } from '../serving/ranged-file';

export type SendFileResult = 'sent' | 'not-a-file';

export async function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  absolute: string,
  headers: Record<string, string>,
): Promise<SendFileResult> {
  const answer = await fileResponse(
    absolute,
    {
      method: request.method ?? 'GET',
      range: typeof request.headers.range === 'string' ? request.headers.range : null,
    },
    headers,
  );
  if (answer === 'not-a-file') return 'not-a-file';
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  if (answer.body === null) {
    response.end();
    return 'sent';
  }
  const body = Readable.fromWeb(answer.body as NodeReadableStream<Uint8Array>);
  await pipeline(body, response).catch(() => {
    // The client went away mid-file (DuckDB aborts reads it no longer needs): nothing to do.
    response.destroy();
  });
  return 'sent';
}
